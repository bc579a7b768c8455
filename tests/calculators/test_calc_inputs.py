"""Table readers: separators, decimal commas, encodings, missing markers, title lines, XLSX, sums, limits."""

import io

import openpyxl
import pytest
from start_calculators import InputError, lq_table, rank_table
from start_calculators.decoding import decode_text
from start_calculators.dialect import classify, number_style, sniff_separator, to_point
from start_calculators.inputs import check_sum, from_rows, read_table
from start_calculators.lq import read_lq_csv
from start_calculators.numbers import MISSING_MARKERS, is_missing, parse_number
from start_calculators.progress import Progress
from start_calculators.ranking import can_be_negative, read_rank_csv

LQ = {"required": ("industry", "region_employment", "nation_employment"), "key": "industry"}


def values(sheet, column):
    return [record.values[column] for record in sheet.records]


@pytest.mark.parametrize(
    "text, separator",
    [
        ("industry,region_employment,nation_employment\nA,1,2\n", ","),
        ("industry;region_employment;nation_employment\nA;1;2\n", ";"),
        ("industry\tregion_employment\tnation_employment\nA\t1\t2\n", "\t"),
    ],
)
def test_each_separator_is_read_and_explained(text, separator):
    sheet = read_table(text, "t.csv", **LQ)
    assert values(sheet, "region_employment") == ["1"]
    assert bool(sheet.notes) is (separator != ",")
    if separator != ",":
        assert {";": "semicolons", "\t": "tabs"}[separator] in sheet.notes[0]


def test_a_quoted_comma_does_not_change_the_separator():
    assert sniff_separator('"industry;name",jobs') == ","
    assert sniff_separator("industry") == ","


def test_semicolons_with_decimal_commas_become_numbers_with_a_note():
    text = "industry;region_employment;nation_employment\nA;1.234,5;20.000\nB;7,25;300\n"
    sheet = read_table(text, "eu.csv", **LQ)
    assert values(sheet, "region_employment") == ["1234.5", "7.25"]
    assert values(sheet, "nation_employment") == ["20000", "300"]
    assert any("decimal comma" in note for note in sheet.notes)
    table = lq_table(sheet, 10000, 100000)
    assert table.column_values("region_employment") == [1234.5, 7.25]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("1,234", "ambiguous"),
        ("1.234", "ambiguous"),
        ("1,234.5", "point"),
        ("1,234,567", "point"),
        ("0.5", "point"),
        ("1234.567", "point"),
        ("1.234.567", "comma"),
        ("1.234,5", "comma"),
        ("0,5", "comma"),
        ("-12,75 %", "comma"),
        ("€ 1.234,50", "comma"),
        ("1234", None),
        ("Widgets, Inc.", None),
    ],
)
def test_decimal_marks_are_classified(text, kind):
    assert classify(text) == kind


def test_mixed_decimal_marks_name_both_cells():
    cells = [(2, "a", "1.5"), (3, "a", "2,5")]
    with pytest.raises(InputError) as caught:
        number_style(cells, ",", "m.csv")
    error = caught.value
    assert (error.row, error.column) == (3, "a")
    assert 'row 2 has "1.5"' in str(error) and "decimal comma" in str(error)


def test_ambiguous_thousands_in_a_semicolon_file_are_refused_but_read_elsewhere():
    cells = [(2, "a", "1,234")]
    assert number_style(cells, "\t", "t.csv") == "point"
    assert number_style(cells, ",", "t.csv") == "point"
    with pytest.raises(InputError) as caught:
        number_style(cells, ";", "t.csv")
    assert "1234 or 1.234" in str(caught.value) and caught.value.hint


def test_to_point_keeps_sign_and_percent():
    assert to_point("-1.234,5 %") == "-1234.5%"
    assert to_point("1\u00a0234,5") == "1234.5"
    assert to_point("Widgets") == "Widgets"


def test_windows_1252_is_read_with_a_note():
    data = "industry,region_employment,nation_employment\nCafés et brasseries,5,10\n".encode("cp1252")
    sheet = read_table(data, "latin.csv", **LQ)
    assert values(sheet, "industry") == ["Cafés et brasseries"]
    assert any("Windows-1252" in note for note in sheet.notes)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_unicode_encodings_are_read(encoding):
    data = "industry\tregion_employment\tnation_employment\nÉcoles\t5\t10\n".encode(encoding)
    sheet = read_table(data, "u.txt", **LQ)
    assert values(sheet, "industry") == ["Écoles"]


@pytest.mark.parametrize(
    "data, says",
    [
        (b"PK\x03\x04rest-of-a-zip", "XLSX"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "XLS"),
        (b"%PDF-1.7\n", "PDF"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_binary_files_are_named_for_what_they_are(data, says):
    with pytest.raises(InputError) as caught:
        decode_text(data, "x.csv")
    assert says in str(caught.value) and caught.value.hint and caught.value.file == "x.csv"


def test_text_with_a_stray_control_character_is_still_text():
    assert decode_text(b"industry\x1a\nA\n", "x.csv").startswith("industry")


@pytest.mark.parametrize("marker", ["", "N/A", "NA", "n/a", "(D)", "-", "*", "#N/A"])
def test_missing_markers_are_missing_where_missing_is_allowed(marker):
    assert is_missing(marker)
    assert parse_number(marker, blank_ok=True) is None
    with pytest.raises(InputError) as caught:
        parse_number(marker, column="region_total")
    assert "expected a number" in str(caught.value)


def test_missing_markers_in_a_table_become_missing_rows():
    text = "industry,region_employment,nation_employment\nA,(D),100\nB,N/A,50\nC,5,*\nD,7,70\n"
    table = lq_table(read_lq_csv(text, "m.csv"), 100, 1000)
    assert table.column_values("status") == ["missing", "missing", "missing", "ok"]
    assert "-" in MISSING_MARKERS and "-5" not in MISSING_MARKERS


def test_negative_counts_are_refused_and_negative_growth_is_allowed():
    assert not can_be_negative("employment") and not can_be_negative("avg_annual_pay")
    assert can_be_negative("growth_percent") and can_be_negative("employment_change") and can_be_negative("lq")
    ranked = rank_table(read_rank_csv("industry,jobs,growth\nA,5,-2\nB,7,3\n", "r.csv"))
    assert ranked.column_values("growth") == [-2, 3]
    with pytest.raises(InputError) as caught:
        rank_table(read_rank_csv("industry,jobs,growth\nA,-5,2\nB,7,3\n", "r.csv"))
    assert (caught.value.row, caught.value.column) == (2, "jobs") and "not negative" in str(caught.value)


def test_title_and_about_lines_above_the_header_are_skipped():
    text = "# area: Columbus MSA\n# year: 2023\nIndustry ranking 2023\n\nindustry,jobs\nA,5\n"
    sheet = read_rank_csv(text, "r.csv")
    assert sheet.records[0].row == 6
    assert sheet.notes == ["r.csv: skipped 1 line above the header row (row 5)."]


def test_missing_column_is_reported_on_the_first_line_when_no_header_is_found():
    with pytest.raises(InputError) as caught:
        read_table("Some title\nindustry,region_employment\nA,5\n", "t.csv", **LQ)
    assert caught.value.row == 1


def test_trailing_separators_are_forgiven_and_unquoted_thousands_explained():
    sheet = read_table("industry;region_employment;nation_employment;;\nA;1;2;;\n", "t.csv", **LQ)
    assert values(sheet, "nation_employment") == ["2"]
    with pytest.raises(InputError) as caught:
        read_table("industry,region_employment,nation_employment\nA,1,714,879213\n", "t.csv", **LQ)
    assert caught.value.row == 2 and "quotes" in caught.value.hint


def test_rows_past_the_stated_total_are_refused_at_the_row_that_passes_it():
    sheet = read_table("industry,region_employment,nation_employment\nA,60,1\nB,50,1\nC,1,1\n", "s.csv", **LQ)
    with pytest.raises(InputError) as caught:
        check_sum(sheet, "region_employment", "100", "region_total")
    error = caught.value
    assert (error.row, error.column) == (3, "region_employment")
    assert "110" in str(error) and "100" in str(error) and "overlap" in error.hint
    check_sum(sheet, "region_employment", 111, "region_total")


def test_grid_rows_accept_decimal_commas_and_numbers():
    sheet = from_rows([{"industry": "A", "region_employment": "1,5", "nation_employment": 3}], "grid", **LQ)
    assert values(sheet, "region_employment") == ["1.5"] and values(sheet, "nation_employment") == [3]


def test_big_tables_report_progress_and_finish():
    from start_calculators.inputs import iter_read_table

    text = "industry,jobs\n" + "".join(f"i{n},{n}\n" for n in range(12_000))
    steps = iter_read_table(text, "big.csv", required=("industry",), key="industry", extra_ok=True)
    seen = []
    while True:
        try:
            seen.append(next(steps))
        except StopIteration as done:
            sheet = done.value
            break
    assert len(sheet.records) == 12_000
    assert seen and all(isinstance(step, Progress) and step.file == "big.csv" for step in seen)
    assert [step.done for step in seen] == sorted(step.done for step in seen)


def workbook(rows, sheets=("Data",)):
    book = openpyxl.Workbook()
    book.active.title = sheets[0]
    for extra in sheets[1:]:
        book.create_sheet(extra)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_ranking_table_is_read_from_its_first_sheet():
    data = workbook(
        [["Ranking 2023"], [], ["industry", "jobs", "pay"], ["A", 5, 50.5], ["B", "N/A", 40]], ("Data", "More")
    )
    sheet = read_rank_csv(data, "r.xlsx")
    assert [record.row for record in sheet.records] == [4, 5]
    assert sheet.records[0].values == {"industry": "A", "jobs": 5, "pay": 50.5}
    assert any('"Data"' in note for note in sheet.notes)
    ranked = rank_table(sheet).records()
    assert ranked[0]["rank_pay"] == 1 and ranked[1]["rank_jobs"] is None


def test_xlsx_errors_name_the_spreadsheet_row():
    data = workbook([["industry", "jobs"], ["A", 5], ["B", "many"]])
    with pytest.raises(InputError) as caught:
        rank_table(read_rank_csv(data, "r.xlsx"))
    assert (caught.value.file, caught.value.row, caught.value.column) == ("r.xlsx", 3, "jobs")
    with pytest.raises(InputError) as caught:
        read_rank_csv(workbook([["industry", "jobs"], ["A", 5, "stray"]]), "r.xlsx")
    assert caught.value.row == 2


def test_a_damaged_xlsx_is_refused_clearly():
    with pytest.raises(InputError) as caught:
        read_rank_csv(b"PK\x03\x04 this is not really a workbook", "bad.xlsx")
    assert "could not be opened" in str(caught.value) and caught.value.file == "bad.xlsx"


def test_without_openpyxl_an_xlsx_is_refused_before_reading(monkeypatch):
    from start_calculators import xlsx_reader

    monkeypatch.setattr(xlsx_reader, "openpyxl_available", lambda: False)

    def never(*args):
        raise AssertionError("openpyxl must not be used")

    monkeypatch.setattr(xlsx_reader, "_open", never)
    with pytest.raises(InputError) as caught:
        read_rank_csv(workbook([["industry", "jobs"], ["A", 5]]), "r.xlsx")
    assert "openpyxl" in str(caught.value) and "CSV" in str(caught.value)
