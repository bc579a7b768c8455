#!/usr/bin/env python3
"""Benchmark: parse, aggregate, LQ and rank a generated 1,000,000-row QCEW file, versus pandas.

Run: python scripts/bench_calculators.py [--rows N]. The last stdout line is a JSON object:
{"rows": ..., "qcew_1m_seconds": ..., "pandas_seconds": ..., "ratio_to_pandas": ...}.
The rows are the sample's ten 2023 Columbus MSA county files, repeated under new area codes, so
the mix of levels and suppressed cells is real (the sample keeps only the ownerships the calculators
read). The reader checks every row's field count, year and period. Goal: at most 3 s on CPython.
"""

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "calculators" / "src"))  # works without installing the package

from start_calculators import from_rows, industry_table, rank_table, sample_files  # noqa: E402

FACTORS = ["employment", "avg_annual_pay", "lq"]


def generate(path, rows_wanted):
    """Write a QCEW-layout CSV of `rows_wanted` data rows built from the sample counties."""
    counties = []
    for _, text in sample_files(["2023"]):
        lines = text.splitlines()
        header, body = lines[0], [line.split(",", 1)[1] for line in lines[1:]]
        counties.append(body)
    written, area = 0, 10001
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(header + "\n")
        while written < rows_wanted:
            body = counties[area % len(counties)]
            # Always keep whole areas, so every area has its total row; trim the last one.
            take = body if written + len(body) <= rows_wanted else body[: rows_wanted - written]
            prefix = f"{area},"
            out.write("".join(prefix + rest + "\n" for rest in take))
            written += len(take)
            area += 1
    return written


def run_calculators(path):
    data = Path(path).read_bytes()
    table = industry_table([(path.name, data)])
    rows = [{key: record[key] for key in ("industry_code", *FACTORS)} for record in table.records()]
    sheet = from_rows(rows, "bench", required=("industry_code",), key="industry_code", extra_ok=True)
    ranked = rank_table(sheet, key="industry_code", factors=FACTORS)
    return len(ranked.rows)


def run_pandas(path):
    import pandas as pd

    frame = pd.read_csv(
        path, dtype={"area_fips": str, "industry_code": str, "disclosure_code": str, "lq_disclosure_code": str}
    )
    level = frame["agglvl_code"] % 10
    totals = frame[(frame["own_code"] == 0) & (level == 0)].set_index("area_fips")["annual_avg_emplvl"]
    rows = frame[(frame["own_code"] == 5) & (level == 5)]
    shown = rows[rows["disclosure_code"] != "N"].copy()
    sums = shown.groupby("industry_code")[["annual_avg_emplvl", "total_annual_wages"]].sum()
    # National share intervals from the published LQs, intersected per industry, as the package does.
    local = shown["annual_avg_emplvl"] / shown["area_fips"].map(totals)
    published = shown["lq_annual_avg_emplvl"]
    usable = (published > 0.005) & (local > 0)
    shown = shown.assign(low=local / (published + 0.005), high=local / (published - 0.005))[usable]
    bounds = shown.groupby("industry_code").agg(low=("low", "max"), high=("high", "min"))
    share = (bounds["low"] + bounds["high"]) / 2
    result = sums.assign(
        avg_annual_pay=sums["total_annual_wages"] / sums["annual_avg_emplvl"],
        lq=sums["annual_avg_emplvl"] / totals.sum() / share,
    )
    ranks = [result[name].rank(method="min", ascending=False) for name in ("annual_avg_emplvl", "avg_annual_pay", "lq")]
    score = sum(ranks) / len(ranks)
    return int(score.rank(method="min").notna().sum())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "qcew-bench.csv"
        rows = generate(path, args.rows)
        print(f"generated {rows:,} rows ({path.stat().st_size / 1e6:.0f} MB)", file=sys.stderr)
        started = time.perf_counter()
        industries = run_calculators(path)
        ours = time.perf_counter() - started
        print(f"start_calculators: {ours:.2f} s, {industries} industries ranked", file=sys.stderr)
        result = {"rows": rows, "qcew_1m_seconds": round(ours, 3), "goal_seconds": 3.0}
        try:
            started = time.perf_counter()
            run_pandas(path)
            theirs = time.perf_counter() - started
            result |= {"pandas_seconds": round(theirs, 3), "ratio_to_pandas": round(ours / theirs, 2)}
            print(f"pandas read_csv + groupby: {theirs:.2f} s", file=sys.stderr)
        except ImportError:
            result |= {"pandas_seconds": None, "ratio_to_pandas": None}
            print("pandas is not installed; no ratio", file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
