"""start_calculators: location quotient, growth, ranking and shift-share for the START Toolkit."""

from .about import about_lines, csv_about, suggested_filename
from .counties import county_view
from .errors import InputError
from .files import inspect_files
from .growth import Growth, growth, growth_rows, growth_table, is_small, read_growth_csv, single_growth
from .growth_qcew import growth_from_qcew
from .industry import industry_table
from .inputs import Record, Sheet, check_sum, decode_text, from_rows, iter_read_table, read_csv, read_table
from .lq import (
    BAND_MEANINGS,
    DEFAULT_BANDS,
    Quotient,
    band,
    band_range,
    location_quotient,
    lq_rows,
    lq_table,
    make_bands,
    read_lq_csv,
)
from .lq_qcew import lq_for_region, lq_from_qcew
from .naics import title as naics_title
from .nation import Nation, nation_from_file, nation_inferred
from .numbers import is_missing, parse_number
from .output import to_csv, to_json
from .paste import parse_paste
from .qcew import QcewFile, QcewRow, level_digit, read_qcew
from .ranking import rank_rows, rank_table, rank_values, read_rank_csv
from .region import Region, build_region
from .results import Column, Table
from .sample import SAMPLE_LABEL, SAMPLE_SOURCE, sample_files, sample_meta
from .shift_qcew import shift_share_from_qcew
from .shift_share import (
    EstebanMarquillas,
    Shift,
    dynamic_shift_share,
    esteban_marquillas,
    read_shift_csv,
    shift_rows,
    shift_share,
    shift_share_table,
)
from .trend import lq_change_from_qcew, trend_from_qcew
from .xlsx import to_xlsx
from .years import YearSet, load_nation, load_region, load_years

__version__ = "0.1.0"

__all__ = [
    "BAND_MEANINGS",
    "Column",
    "DEFAULT_BANDS",
    "EstebanMarquillas",
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
    "YearSet",
    "about_lines",
    "band",
    "band_range",
    "build_region",
    "check_sum",
    "county_view",
    "csv_about",
    "decode_text",
    "dynamic_shift_share",
    "esteban_marquillas",
    "from_rows",
    "growth",
    "growth_from_qcew",
    "growth_rows",
    "growth_table",
    "industry_table",
    "inspect_files",
    "is_missing",
    "is_small",
    "iter_read_table",
    "level_digit",
    "load_years",
    "load_nation",
    "load_region",
    "location_quotient",
    "lq_change_from_qcew",
    "lq_for_region",
    "lq_from_qcew",
    "lq_rows",
    "lq_table",
    "make_bands",
    "naics_title",
    "nation_from_file",
    "nation_inferred",
    "parse_number",
    "parse_paste",
    "rank_rows",
    "rank_table",
    "rank_values",
    "read_csv",
    "read_growth_csv",
    "read_lq_csv",
    "read_qcew",
    "read_rank_csv",
    "read_shift_csv",
    "read_table",
    "sample_files",
    "sample_meta",
    "shift_rows",
    "shift_share",
    "shift_share_from_qcew",
    "shift_share_table",
    "single_growth",
    "suggested_filename",
    "to_csv",
    "to_json",
    "to_xlsx",
    "trend_from_qcew",
]
