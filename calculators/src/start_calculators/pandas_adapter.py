"""Optional pandas adapter: DataFrames in, DataFrames out. pandas is imported only when used."""

from __future__ import annotations

import importlib
from typing import Any

from .growth import growth_rows, growth_table
from .inputs import check_sum
from .lq import lq_rows, lq_table
from .ranking import rank_rows, rank_table
from .results import Table
from .shift_share import shift_rows, shift_share_table

# pandas ships no type information the strict check accepts, so frames are typed as Any here.
DataFrame = Any


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError as error:  # the package itself never needs pandas
        raise ImportError("the pandas adapter needs pandas: pip install 'start-calculators[pandas]'") from error


def to_dataframe(table: Table) -> DataFrame:
    """A result Table as a DataFrame (missing values become None/NaN in pandas' usual way)."""
    return _pandas().DataFrame(table.rows, columns=table.names)


def _records(frame: DataFrame) -> list[dict[str, Any]]:
    pandas = _pandas()
    frame = frame.astype(object).where(pandas.notna(frame), None)
    records: list[dict[str, Any]] = frame.to_dict(orient="records")
    return records


def lq_dataframe(frame: DataFrame, region_total: object, nation_total: object) -> DataFrame:
    """frame: industry, region_employment, nation_employment."""
    sheet = lq_rows(_records(frame), "DataFrame")
    table = lq_table(sheet, region_total, nation_total)
    check_sum(sheet, "region_employment", region_total, "region_total")
    check_sum(sheet, "nation_employment", nation_total, "nation_total")
    return to_dataframe(table)


def growth_dataframe(frame: DataFrame, years: object = None, min_size: object = None) -> DataFrame:
    """frame: industry, start, end and optionally years."""
    return to_dataframe(growth_table(growth_rows(_records(frame), "DataFrame"), years, min_size))


def rank_dataframe(frame: DataFrame, key: str = "industry", **options: Any) -> DataFrame:
    """frame: the key column plus numeric factors; options as for rank_table."""
    return to_dataframe(rank_table(rank_rows(_records(frame), "DataFrame", key=key), key=key, **options))


def shift_share_dataframe(frame: DataFrame, nation_total_start: object, nation_total_end: object) -> DataFrame:
    """frame: industry, region_start, region_end, nation_start, nation_end."""
    sheet = shift_rows(_records(frame), "DataFrame")
    table = shift_share_table(sheet, nation_total_start, nation_total_end)
    check_sum(sheet, "nation_start", nation_total_start, "nation_total_start")
    check_sum(sheet, "nation_end", nation_total_end, "nation_total_end")
    return to_dataframe(table)
