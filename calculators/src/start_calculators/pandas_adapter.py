"""Optional pandas adapter: DataFrames in, DataFrames out. pandas is imported only when used."""

from .growth import growth_rows, growth_table
from .lq import lq_rows, lq_table
from .ranking import rank_rows, rank_table
from .shift_share import shift_rows, shift_share_table


def _pandas():
    try:
        import pandas
    except ImportError as error:  # the package itself never needs pandas
        raise ImportError("the pandas adapter needs pandas: pip install 'start-calculators[pandas]'") from error
    return pandas


def to_dataframe(table):
    """A result Table as a DataFrame (missing values become None/NaN in pandas' usual way)."""
    return _pandas().DataFrame(table.rows, columns=table.names)


def _records(frame):
    pandas = _pandas()
    frame = frame.astype(object).where(pandas.notna(frame), None)
    return frame.to_dict(orient="records")


def lq_dataframe(frame, region_total, nation_total):
    """frame: industry, region_employment, nation_employment."""
    return to_dataframe(lq_table(lq_rows(_records(frame), "DataFrame"), region_total, nation_total))


def growth_dataframe(frame, years=None, min_size=None):
    """frame: industry, start, end and optionally years."""
    return to_dataframe(growth_table(growth_rows(_records(frame), "DataFrame"), years, min_size))


def rank_dataframe(frame, key="industry", **options):
    """frame: the key column plus numeric factors; options as for rank_table."""
    return to_dataframe(rank_table(rank_rows(_records(frame), "DataFrame", key=key), key=key, **options))


def shift_share_dataframe(frame, nation_total_start, nation_total_end):
    """frame: industry, region_start, region_end, nation_start, nation_end."""
    sheet = shift_rows(_records(frame), "DataFrame")
    return to_dataframe(shift_share_table(sheet, nation_total_start, nation_total_end))
