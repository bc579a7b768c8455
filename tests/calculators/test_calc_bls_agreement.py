"""Agreement with BLS's location quotients, for employment, establishments and total wages.

What is tested, and why. The package ships no national file for 2020 to 2023 (the only national
annual file at hand is 2024's, whose oty_ columns give revised 2023 figures that do not reproduce the
preliminary 2023 LQs exactly), so agreement is checked two ways that use only real, matching data:

(a) Leave-one-out on the ten 2023 county files of the Columbus MSA: national shares inferred from
    nine counties' published LQs reproduce the tenth county's published LQs (lq_annual_avg_emplvl,
    lq_annual_avg_estabs, lq_total_annual_wages). BLS prints two decimals, so a published p means a
    true LQ in [p - 0.005, p + 0.005]; our inference carries its own interval [lq_low, lq_high]. The
    two intervals must overlap and the point estimate must lie within 0.005 + (lq_high - lq_low) of p,
    and, so the check cannot pass vacuously, the median interval is narrow (below 0.01) and most LQs
    round to exactly the published two decimals.
(b) With a national file of the same year and period, the computation is BLS's formula exactly:
    (area industry / area total) / (nation industry / nation total), for each measure and base, on a
    county-shaped file built from the real 2024 Q1 national file.
"""

import csv
import io
import statistics

import pytest
from sample_support import files_of, msa_paths, raw_rows, us_quarter_paths
from start_calculators import load_region, lq_for_region, lq_from_qcew, nation_inferred

HALF_STEP = 0.005
MEASURES = ("employment", "establishments", "wages")


@pytest.mark.parametrize("measure", MEASURES)
@pytest.mark.parametrize("level", ["sector", "3", "6"])
def test_inferred_shares_reproduce_each_countys_published_lqs(level, measure):
    paths = msa_paths("2023")
    assert len(paths) == 10
    compared, rounded, widths = 0, 0, []
    for county in paths:
        others = [p for p in paths if p != county]
        region = load_region(files_of([county]), level)
        nation = nation_inferred(load_region(files_of(others), level))
        table = lq_for_region(region, nation, "total", level=level, measure=measure)
        parsed, area = region.files[0], region.areas[0]
        for record in table.records():
            published = parsed.industries[record["industry_code"]][area].published_lq(measure)
            if published is None or record["status"] != "ok":
                continue
            low, high = record["lq_low"], record["lq_high"]
            assert low <= published + HALF_STEP and high >= published - HALF_STEP, (county.name, record)
            assert abs(record["lq"] - published) <= HALF_STEP + (high - low), (county.name, record)
            widths.append(high - low)
            compared += 1
            rounded += round(record["lq"], 2) == published
    # Every county's sectors, and hundreds of detailed industries, are checked.
    assert compared >= {"sector": 150, "3": 450, "6": 1000}[level]
    assert statistics.median(widths) < 0.01
    # Measured: 91-94% of sector and 3-digit LQs, 83-84% of 6-digit ones round to the published value;
    # the rest lie within the rounding interval checked above.
    assert rounded / compared > (0.75 if level == "6" else 0.85)


def _county_from_nation(path):
    """A county-shaped file from a real national file: each value divided by a divisor that varies by
    industry, so the LQs differ from 1 and from each other. Returns (text, the raw rows written)."""
    rows = raw_rows(path)
    for row in rows:
        row["area_fips"] = "99001"
        divisor = 40 if row["industry_code"] == "10" else 2 + sum(map(ord, row["industry_code"])) % 9
        for column in ("qtrly_estabs", "month1_emplvl", "month2_emplvl", "month3_emplvl", "total_qtrly_wages"):
            row[column] = str(int(row[column]) // divisor)
        row["oty_month3_emplvl_chg"] = "0"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue(), rows


COLUMNS = {"employment": "month3_emplvl", "establishments": "qtrly_estabs", "wages": "total_qtrly_wages"}


@pytest.mark.parametrize("base", ["total", "private"])
@pytest.mark.parametrize("measure", MEASURES)
def test_with_a_national_file_the_lq_is_bls_formula_exactly(measure, base):
    us = us_quarter_paths()[-1]
    text, county = _county_from_nation(us)
    nation = raw_rows(us)
    column = COLUMNS[measure]

    def figures(rows):
        total_level = "0" if base == "total" else "1"
        own = "0" if base == "total" else "5"
        total = next(int(r[column]) for r in rows if r["own_code"] == own and r["agglvl_code"][-1] == total_level)
        shown = {
            r["industry_code"]: int(r[column])
            for r in rows
            if r["own_code"] == "5" and r["agglvl_code"][-1] == "5" and r["disclosure_code"] not in ("N", "-")
        }
        return total, shown

    county_total, county_values = figures(county)
    nation_total, nation_values = figures(nation)
    table = lq_from_qcew([("county.csv", text)], (us.name, us.read_bytes()), base=base, measure=measure)
    assert table.meta["nation_source"] == "file" and table.meta["measure"] == measure
    checked = 0
    for record in table.records():
        code = record["industry_code"]
        if code not in county_values or not nation_values.get(code):
            continue
        expected = (county_values[code] / county_total) / (nation_values[code] / nation_total)
        assert record["lq"] == pytest.approx(expected, rel=1e-12)
        assert record["lq_low"] == record["lq_high"] == record["lq"]
        assert record["status"] == "ok" and record["fully_published"] is True
        checked += 1
    assert checked > 50
