"""Writes the hostile-input catalog: one data file per case and manifest.json (run it after editing CASES).

Each case names a calculator, an input file, its options, and what must happen: a result (row count,
notes, some values) or an error (file, row, column, words it must say). The same manifest is run
through the command line (tests/calculators/test_calc_hostile.py) and, by the web engineers, through
each browser calculator. See manifest.json's "format" for the fields.
"""

import io
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SAMPLE = ROOT / "calculators" / "src" / "start_calculators" / "data" / "qcew" / "2023-annual-39073.csv"

LQ = "industry,region_employment,nation_employment\n"
LQ_TOTALS = {"region_total": "10000", "nation_total": "1000000"}
SHIFT = "industry,region_start,region_end,nation_start,nation_end\n"
SHIFT_TOTALS = {"nation_total_start": "100000", "nation_total_end": "110000"}


def ok(rows, notes=(), values=()):
    return {"ok": True, "rows": rows, "notes": list(notes), "values": [dict(v) for v in values]}


def error(row=None, column=None, says=(), hint=True):
    return {"ok": False, "row": row, "column": column, "says": list(says), "hint": hint}


def value(industry, column, number):
    return {"industry": industry, "column": column, "value": number}


def xlsx(rows):
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def qcew_wrong_year_on_an_unused_row():
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:60]
    at = next(i for i, line in enumerate(lines) if ",76,0,2023,A," in line)  # a 4-digit row, unused at level 3
    lines[at] = lines[at].replace(",2023,A,", ",2019,A,")
    return "\n".join(lines) + "\n", at + 1


QCEW_TEXT, QCEW_BAD_ROW = qcew_wrong_year_on_an_unused_row()

# (id, what it is, calculator, file name, content, options, expectation)
CASES = [
    (
        "lq-semicolon-decimal-comma",
        "European Excel: semicolons and decimal commas",
        "lq",
        "eu.csv",
        "industry;region_employment;nation_employment\nWidgets;1.234,5;20.000\nGadgets;12,5;3.000,25\n",
        LQ_TOTALS,
        ok(
            2,
            ["semicolons", "decimal comma"],
            [value("Widgets", "region_employment", 1234.5), value("Gadgets", "nation_employment", 3000.25)],
        ),
    ),
    (
        "lq-tab-separated",
        "a tab-separated table",
        "lq",
        "tabs.txt",
        "industry\tregion_employment\tnation_employment\nWidgets\t1,714\t879,213\n",
        LQ_TOTALS,
        ok(1, ["tabs"], [value("Widgets", "region_employment", 1714)]),
    ),
    (
        "lq-windows-1252",
        "a Windows-1252 (Latin-1) file with accents",
        "lq",
        "latin1.csv",
        (LQ + "Cafés et brasseries,40,4000\nÉcoles privées,60,5000\n").encode("cp1252"),
        LQ_TOTALS,
        ok(2, ["Windows-1252"], [value("Cafés et brasseries", "region_employment", 40)]),
    ),
    (
        "lq-utf16-unicode-text",
        "Excel's Unicode text: UTF-16 with a BOM, tab-separated",
        "lq",
        "unicode.txt",
        "industry\tregion_employment\tnation_employment\nÜbersetzung\t5\t50\n".encode("utf-16"),
        LQ_TOTALS,
        ok(1, ["UTF-16", "tabs"], [value("Übersetzung", "nation_employment", 50)]),
    ),
    (
        "lq-bom-crlf",
        "UTF-8 with a byte-order mark and Windows line ends",
        "lq",
        "bom.csv",
        ("\ufeff" + LQ + "Widgets,5,50\nGadgets,6,60\n").replace("\n", "\r\n").encode(),
        LQ_TOTALS,
        ok(2, [], [value("Gadgets", "region_employment", 6)]),
    ),
    (
        "lq-missing-markers",
        "N/A, NA, (D), -, * and blank read as missing",
        "lq",
        "markers.csv",
        LQ + "A,N/A,10\nB,NA,10\nC,(D),10\nD,-,10\nE,*,10\nF,,10\nG,5,10\n",
        LQ_TOTALS,
        ok(7, [], [value("C", "region_employment", None), value("G", "region_employment", 5)]),
    ),
    (
        "lq-negative-employment",
        "employment below zero",
        "lq",
        "negative.csv",
        LQ + "A,5,10\nB,-3,10\n",
        LQ_TOTALS,
        error(3, "region_employment", ["not negative"]),
    ),
    (
        "lq-rows-past-the-total",
        "rows that add up to more than the region total",
        "lq",
        "sum.csv",
        LQ + "A,6000,10\nB,5000,10\nC,1,10\n",
        LQ_TOTALS,
        error(3, "region_employment", ["add up to 11,000", "(10,000)"]),
    ),
    (
        "lq-row-above-the-total",
        "one row above the region total",
        "lq",
        "above.csv",
        LQ + "A,20000,10\n",
        LQ_TOTALS,
        error(2, "region_employment", ["at most the region total"], hint=False),
    ),
    (
        "lq-text-in-a-number",
        "a word where a number belongs",
        "lq",
        "text.csv",
        LQ + "A,5,10\nB,many,10\n",
        LQ_TOTALS,
        error(3, "region_employment", ['got "many"']),
    ),
    (
        "lq-header-case-and-spaces",
        "column names in another case, with spaces",
        "lq",
        "case.csv",
        " Industry , REGION_EMPLOYMENT,Nation_Employment\nA,5,50\n",
        LQ_TOTALS,
        ok(1),
    ),
    (
        "lq-title-and-about-lines",
        "a title and '# label: value' lines above the header",
        "lq",
        "titled.csv",
        "# Area: Columbus, OH MSA\n# Year: 2023\nEmployment by industry\n\n" + LQ + "A,5,50\n",
        LQ_TOTALS,
        ok(1, ["skipped 1 line above the header row (row 5)"]),
    ),
    (
        "lq-trailing-separators",
        "extra empty columns a spreadsheet leaves",
        "lq",
        "trailing.csv",
        "industry;region_employment;nation_employment;;\nA;5;50;;\n",
        LQ_TOTALS,
        ok(1, ["semicolons"]),
    ),
    (
        "lq-unquoted-thousands",
        "thousands separators without quotes in a comma file",
        "lq",
        "unquoted.csv",
        LQ + "A,1,714,879213\n",
        LQ_TOTALS,
        error(2, None, ["expected 3 fields", "got 4"]),
    ),
    (
        "lq-quoted-thousands",
        '"1,714" in quotes stays one number',
        "lq",
        "quoted.csv",
        LQ + 'A,"1,714","879,213"\n',
        LQ_TOTALS,
        ok(1, [], [value("A", "region_employment", 1714)]),
    ),
    (
        "lq-mixed-decimal-marks",
        "1.5 in one row and 2,5 in another",
        "lq",
        "mixed.csv",
        "industry;region_employment;nation_employment\nA;1.5;10\nB;2,5;10\n",
        LQ_TOTALS,
        error(3, "region_employment", ["one decimal mark", "row 2"]),
    ),
    (
        "lq-ambiguous-thousands",
        "1,234 in a semicolon file: 1234 or 1.234?",
        "lq",
        "ambiguous.csv",
        "industry;region_employment;nation_employment\nA;1,234;10\n",
        LQ_TOTALS,
        error(2, "region_employment", ["1234 or 1.234"]),
    ),
    (
        "lq-duplicate-industry",
        "the same industry twice",
        "lq",
        "dupe.csv",
        LQ + "A,5,10\nA,6,10\n",
        LQ_TOTALS,
        error(3, "industry", ["already in row 2"]),
    ),
    ("lq-empty-file", "an empty file", "lq", "empty.csv", "", LQ_TOTALS, error(None, None, ["empty"])),
    ("lq-header-only", "a header and no rows", "lq", "header.csv", LQ, LQ_TOTALS, error(2, None, ["data row"])),
    (
        "lq-png-image",
        "an image instead of a table",
        "lq",
        "chart.csv",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        LQ_TOTALS,
        error(None, None, ["PNG image"]),
    ),
    (
        "lq-xlsx-table",
        "the table as an XLSX workbook",
        "lq",
        "table.xlsx",
        xlsx([["industry", "region_employment", "nation_employment"], ["A", 5, 50], ["B", "N/A", 60]]),
        LQ_TOTALS,
        ok(2, [], [value("A", "region_employment", 5)]),
    ),
    (
        "lq-extra-column",
        "a column the calculator does not use",
        "lq",
        "extra.csv",
        "industry,region_employment,nation_employment,comment\nA,5,50,x\n",
        LQ_TOTALS,
        error(1, "comment", ["extra"]),
    ),
    (
        "lq-missing-column",
        "a required column missing",
        "lq",
        "short.csv",
        "industry,region_employment\nA,5\n",
        LQ_TOTALS,
        error(1, "nation_employment", ["missing"]),
    ),
    (
        "lq-not-finite",
        "NaN and infinity",
        "lq",
        "nan.csv",
        LQ + "A,NaN,10\n",
        LQ_TOTALS,
        error(2, "region_employment", ["finite"]),
    ),
    (
        "lq-huge-number",
        "a number past 10^18",
        "lq",
        "huge.csv",
        LQ + "A,5,1e400\n",
        LQ_TOTALS,
        error(2, "nation_employment", []),
    ),
    (
        "lq-blank-lines",
        "blank lines between rows",
        "lq",
        "blanks.csv",
        LQ + "\nA,5,50\n\n\nB,6,60\n\n",
        LQ_TOTALS,
        ok(2),
    ),
    (
        "lq-unicode-names",
        "names in other scripts and emoji",
        "lq",
        "unicode.csv",
        LQ + "Café ☕,5,50\nمصنع,6,60\n工厂,7,70\n",
        LQ_TOTALS,
        ok(3, [], [value("工厂", "region_employment", 7)]),
    ),
    (
        "lq-formula-names",
        "names that look like spreadsheet formulas stay text",
        "lq",
        "formula.csv",
        LQ + '"=HYPERLINK(""https://example.org"")",5,50\n@SUM,6,60\n',
        LQ_TOTALS,
        ok(2, [], [value("@SUM", "lq", 10.0)]),
    ),
    (
        "lq-quoted-line-break",
        "a name with a line break inside quotes",
        "lq",
        "multiline.csv",
        LQ + '"Widgets,\nand parts",5,50\nB,x,60\n',
        LQ_TOTALS,
        error(4, "region_employment", ['got "x"']),
    ),
    (
        "growth-decrease",
        "an industry that shrank: negative growth is fine",
        "growth",
        "shrink.csv",
        "industry,start,end\nA,200,150\n",
        {},
        ok(1, [], [value("A", "percent_change", -25.0)]),
    ),
    (
        "growth-negative-start",
        "a negative starting employment",
        "growth",
        "negstart.csv",
        "industry,start,end\nA,-5,10\n",
        {},
        error(2, "start", ["not negative"]),
    ),
    (
        "growth-tab-decimal-comma",
        "tabs and decimal commas",
        "growth",
        "growth.txt",
        "industry\tstart\tend\nA\t100,5\t201\n",
        {},
        ok(1, ["tabs", "decimal comma"], [value("A", "start", 100.5)]),
    ),
    (
        "growth-zero-start",
        "growth from zero has no rate",
        "growth",
        "zero.csv",
        "industry,start,end\nA,0,10\n",
        {},
        ok(1, [], [value("A", "percent_change", None)]),
    ),
    (
        "rank-negative-growth-allowed",
        "a growth factor below zero ranks; a count below zero does not",
        "rank",
        "rank.csv",
        "industry,jobs,growth\nA,5,-2\nB,7,3\n",
        {},
        ok(2, [], [value("A", "growth", -2)]),
    ),
    (
        "rank-negative-jobs",
        "jobs below zero",
        "rank",
        "rankneg.csv",
        "industry,jobs\nA,-5\nB,7\n",
        {},
        error(2, "jobs", ["not negative"]),
    ),
    (
        "rank-half-ranks",
        "RANK.AVG: ties share 1.5",
        "rank",
        "ties.csv",
        "industry,jobs\nA,9\nB,9\nC,1\n",
        {"ties": "avg"},
        ok(3, [], [value("A", "rank_jobs", 1.5), value("C", "rank_jobs", 3)]),
    ),
    (
        "rank-xlsx",
        "a ranking table as an XLSX workbook with a title row",
        "rank",
        "ranking.xlsx",
        xlsx([["Ranking 2023"], [], ["industry", "jobs", "pay"], ["A", 5, 50], ["B", 7, 40]]),
        {},
        ok(2, [], [value("B", "rank_jobs", 1)]),
    ),
    (
        "rank-markers-and-text",
        "(D) markers and a text column",
        "rank",
        "rankd.csv",
        "industry,title,jobs,pay\nA,Alpha,(D),50\nB,Beta,7,40\nC,Gamma,3,*\n",
        {},
        ok(3, [], [value("A", "rank_jobs", None), value("B", "rank_jobs", 1)]),
    ),
    (
        "shift-rows-past-the-total",
        "nation rows past the nation's starting total",
        "shift-share",
        "shift.csv",
        SHIFT + "A,10,12,60000,60000\nB,10,12,50000,50000\n",
        SHIFT_TOTALS,
        error(3, "nation_start", ["at most the stated total (100,000)", "110,000"]),
    ),
    (
        "shift-semicolons",
        "a semicolon-separated shift-share table",
        "shift-share",
        "shift-eu.csv",
        SHIFT.replace(",", ";") + "A;100;150;1000;1200\n",
        SHIFT_TOTALS,
        ok(1, ["semicolons"], [value("A", "total_change", 50)]),
    ),
    (
        "qcew-wrong-year-unused-row",
        "a QCEW file with another year on a row the LQs do not use",
        "lq-qcew",
        "39073.csv",
        QCEW_TEXT,
        {},
        error(QCEW_BAD_ROW, "year", ["2019"], hint=False),
    ),
    (
        "qcew-given-as-a-table",
        "a QCEW file where the LQ table goes",
        "lq",
        "qcew-as-table.csv",
        QCEW_TEXT,
        LQ_TOTALS,
        error(1, None, ["this is a BLS QCEW file"]),
    ),
    (
        "table-given-as-qcew",
        "an LQ table where QCEW files go",
        "lq-qcew",
        "table-as-qcew.csv",
        LQ + "A,5,50\n",
        {},
        error(1, None, ["QCEW"], hint=False),
    ),
]

FORMAT = {
    "cases[].id": "a stable name",
    "cases[].about": "what the input is",
    "cases[].calculator": "lq | growth | rank | shift-share (the user's own table) or lq-qcew (QCEW files)",
    "cases[].file": "the input file in this folder (send its bytes: some are not UTF-8 text)",
    "cases[].options": "option name -> value, named as in the browser protocol (CLI: --region-total for region_total)",
    "cases[].expect.ok": "true: a result; false: an InputError",
    "cases[].expect.rows": "with ok: the number of result rows",
    "cases[].expect.notes": "with ok: words that must appear in the result's notes (meta.notes; CLI: note: lines)",
    "cases[].expect.values": "with ok: [{industry, column, value}], value null for a blank cell, numbers to 1e-9",
    "cases[].expect.row / column": "with an error: the row (as a spreadsheet numbers it) and column named, or null",
    "cases[].expect.says": "with an error: words the message must contain",
    "cases[].expect.hint": "with an error: the message says what to do next",
    "bound_seconds": "every case ends in a result or an error within this time",
    "protocol": "calculator -> browser fn: lq lq_table, growth growth_table, rank rank, shift-share shift_share, "
    "lq-qcew lq_qcew (files); a table goes as {base64, name}, QCEW files as [{name, text}]",
}


def main():
    manifest = {"format": FORMAT, "bound_seconds": 20, "cases": []}
    for case_id, about, calculator, name, content, options, expect in CASES:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (HERE / name).write_bytes(data)
        entry = {"id": case_id, "about": about, "calculator": calculator, "file": name, "options": options}
        manifest["cases"].append(entry | {"expect": expect})
    ids = [case["id"] for case in manifest["cases"]]
    files = [case["file"] for case in manifest["cases"]]
    assert len(set(ids)) == len(ids) and len(set(files)) == len(files)
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
