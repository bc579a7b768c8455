"""start_calculators: location quotient, growth, ranking and shift-share for the START Toolkit."""

from .errors import InputError
from .growth import Growth, growth, growth_rows, growth_table, is_small, read_growth_csv, single_growth
from .industry import (
    growth_from_qcew,
    industry_table,
    load_nation,
    load_region,
    lq_for_region,
    lq_from_qcew,
    shift_share_from_qcew,
)
from .inputs import Record, Sheet, from_rows, read_csv
from .lq import (
    BAND_MEANINGS,
    DEFAULT_BANDS,
    Quotient,
    band,
    location_quotient,
    lq_rows,
    lq_table,
    make_bands,
    read_lq_csv,
)
from .naics import title as naics_title
from .numbers import parse_number
from .output import to_csv, to_json
from .qcew import QcewFile, QcewRow, level_digit, read_qcew
from .ranking import rank_rows, rank_table, rank_values, read_rank_csv
from .region import Nation, Region, build_region, nation_from_file, nation_inferred
from .results import Column, Table
from .sample import SAMPLE_LABEL, SAMPLE_SOURCE, sample_files
from .shift_share import Shift, read_shift_csv, shift_rows, shift_share, shift_share_table
from .xlsx import to_xlsx

__version__ = "0.1.0"

__all__ = [
    "BAND_MEANINGS",
    "Column",
    "DEFAULT_BANDS",
    "Growth",
    "InputError",
    "Nation",
    "QcewFile",
    "QcewRow",
    "Quotient",
    "Record",
    "Region",
    "SAMPLE_LABEL",
    "SAMPLE_SOURCE",
    "Sheet",
    "Shift",
    "Table",
    "band",
    "build_region",
    "from_rows",
    "growth",
    "growth_from_qcew",
    "growth_rows",
    "growth_table",
    "industry_table",
    "is_small",
    "level_digit",
    "load_nation",
    "load_region",
    "location_quotient",
    "lq_for_region",
    "lq_from_qcew",
    "lq_rows",
    "lq_table",
    "make_bands",
    "naics_title",
    "nation_from_file",
    "nation_inferred",
    "parse_number",
    "rank_rows",
    "rank_table",
    "rank_values",
    "read_csv",
    "read_growth_csv",
    "read_lq_csv",
    "read_qcew",
    "read_rank_csv",
    "read_shift_csv",
    "sample_files",
    "shift_rows",
    "shift_share",
    "shift_share_from_qcew",
    "shift_share_table",
    "single_growth",
    "to_csv",
    "to_json",
    "to_xlsx",
]
