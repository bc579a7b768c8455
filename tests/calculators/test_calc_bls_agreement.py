"""Agreement with BLS: inferred national shares reproduce each county's published sector LQs.

For each of the five Central Ohio counties, national shares are inferred from the OTHER four
counties' published lq_annual_avg_emplvl, and this county's sector LQs are computed from its own
employment. BLS prints LQs with two decimals, so a published p means a true LQ in
[p - 0.005, p + 0.005]. Our inference carries its own rounding interval [lq_low, lq_high].
Tolerance: the two intervals must overlap, and the point estimate must lie within
0.005 + (lq_high - lq_low) of p: the published rounding plus the width of our own interval.
So that the check cannot pass vacuously, the intervals must be narrow: a median width below 0.02
(a tiny industry published by few counties can have a wider one; it must still overlap).
"""

import statistics

import pytest
from calc_support import sample_paths
from start_calculators import load_region, nation_inferred
from start_calculators.industry import lq_for_region

HALF_STEP = 0.005


@pytest.mark.parametrize("level", ["sector", "3"])
@pytest.mark.parametrize("index", range(5), ids=lambda i: sample_paths()[i].name.split("-")[3])
def test_inferred_national_shares_reproduce_published_lqs(index, level):
    paths = sample_paths()
    county = paths[index]
    others = [(p.name, p.read_bytes()) for p in paths if p != county]
    region = load_region([(county.name, county.read_bytes())], level)
    nation = nation_inferred(load_region(others, level))
    table = lq_for_region(region, nation, "total", level=level)
    parsed = region.files[0]
    area = parsed.areas[0]
    compared, widths = 0, []
    for record in table.records():
        published = parsed.industries[record["industry_code"]][area].lq
        if published is None or record["status"] != "ok":
            continue
        low, high = record["lq_low"], record["lq_high"]
        assert low <= published + HALF_STEP and high >= published - HALF_STEP, record
        assert abs(record["lq"] - published) <= HALF_STEP + (high - low), record
        widths.append(high - low)
        compared += 1
    # Every sector the county publishes, and most of its subsectors, can be checked.
    assert compared >= (12 if level == "sector" else 30)
    assert statistics.median(widths) < 0.02
