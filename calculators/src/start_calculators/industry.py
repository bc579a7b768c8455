"""Tables built from QCEW files: regional LQs, the industry data table (tab I), growth and shift-share."""

from dataclasses import dataclass

from .errors import InputError
from .growth import growth, is_small
from .inputs import from_rows, read_csv
from .lq import DEFAULT_BANDS, band
from .naics import title
from .numbers import parse_number
from .qcew import DEFAULT_LEVEL, read_qcew
from .region import Nation, build_region, check_base, check_same_period, nation_from_file, nation_inferred
from .results import Table, column
from .shift_share import shift_share


def load_region(files, level=DEFAULT_LEVEL):
    """files: [(name, bytes or text)] for the region's areas."""
    if not files:
        raise InputError("expected at least one QCEW file for the region", expected="a QCEW file")
    return build_region([read_qcew(data, name, level) for name, data in files])


def load_nation(nation_file, region, level=DEFAULT_LEVEL):
    """National figures from a (name, data) US000 file, or inferred when there is none."""
    if nation_file is None:
        return nation_inferred(region)
    name, data = nation_file
    return nation_from_file(read_qcew(data, name, level), region)


def _quotient(region, entry, nation, base):
    """The LQ of one regional industry with its interval, status and note."""
    result = {
        "region_share": None,
        "nation_share": None,
        "lq": None,
        "lq_low": None,
        "lq_high": None,
        "status": "ok",
        "note": "",
    }
    counties = f"{entry.suppressed} of {entry.present} counties"
    if entry.employment is None:
        return result | {"status": "suppressed", "note": f"suppressed in {counties}"}
    base_total = region.base_total(base)
    if not base_total:
        return result | {"status": "missing", "note": f"the region's {base} employment is missing or zero"}
    result["region_share"] = entry.employment / base_total
    low, high, reason = nation.share(entry.code, base)
    if low is None:
        return result | {"status": "missing", "note": reason}
    middle = (low + high) / 2
    result |= {
        "nation_share": middle,
        "lq": result["region_share"] / middle,
        "lq_low": result["region_share"] / high,
        "lq_high": result["region_share"] / low,
    }
    if entry.suppressed:
        high_note = "no upper bound is known"
        result |= {"status": "partial", "lq_high": None}
        if entry.employment_high is not None:
            result["lq_high"] = entry.employment_high / base_total / low
            high_note = f"at most {entry.employment_high:,} (the counties' unassigned private employment)"
        result["note"] = (
            f"suppressed in {counties}: employment is at least {entry.employment:,} "
            f"and {high_note}; the LQ shown uses the published part"
        )
    return result


def _meta(region, nation, base, level):
    return {
        "year": region.year,
        "period": region.period,
        "layout": region.layout,
        "areas": region.areas,
        "files": [item.name for item in region.files],
        "level": str(level),
        "base": base,
        "region_total": region.total,
        "region_private_total": region.private_total,
        "nation_source": nation.source,
        "nation_name": nation.name,
        "nation_total": nation.total,
    }


LQ_QCEW_COLUMNS = (
    "industry_code",
    "industry_title",
    "region_employment",
    "region_share",
    "nation_employment",
    "nation_share",
    "lq",
    "lq_low",
    "lq_high",
    "band",
    "status",
    "suppressed_counties",
    "note",
)


def lq_from_qcew(files, nation_file=None, base="total", level=DEFAULT_LEVEL, bands=DEFAULT_BANDS):
    """Regional LQs from QCEW area files, against a US000 file or inferred national shares."""
    base = check_base(base)
    region = load_region(files, level)
    nation = load_nation(nation_file, region, level)
    return lq_for_region(region, nation, base, bands, level)


def lq_for_region(region, nation, base="total", bands=DEFAULT_BANDS, level=DEFAULT_LEVEL):
    rows = []
    for code in sorted(region.industries):
        entry = region.industries[code]
        found = _quotient(region, entry, nation, base)
        national = nation.rows.get(code)
        rows.append(
            [
                code,
                title(code, region.year),
                entry.employment,
                found["region_share"],
                None if national is None else national.employment,
                found["nation_share"],
                found["lq"],
                found["lq_low"],
                found["lq_high"],
                band(found["lq"], bands),
                found["status"],
                entry.suppressed,
                found["note"],
            ]
        )
    return Table([column(name) for name in LQ_QCEW_COLUMNS], rows, _meta(region, nation, base, level))


INDUSTRY_COLUMNS = (
    "industry_code",
    "industry_title",
    "employment",
    "establishments",
    "avg_annual_pay",
    "avg_weekly_wage",
    "prior_employment",
    "growth_percent",
    "lq",
    "lq_low",
    "lq_high",
    "band",
    "status",
    "suppressed_counties",
    "note",
)


def industry_table(files, nation_file=None, base="total", level=DEFAULT_LEVEL, projected=None, bands=DEFAULT_BANDS):
    """The guide's tab I: one row per industry with size, pay, growth and LQ."""
    base = check_base(base)
    region = load_region(files, level)
    nation = load_nation(nation_file, region, level)
    projected = _projections(projected, region)
    weeks = 52 if region.layout == "annual" else 13
    rows = []
    for code in sorted(region.industries):
        entry = region.industries[code]
        found = _quotient(region, entry, nation, base)
        paid = entry.employment and entry.wages is not None
        annual_pay = entry.wages / entry.employment if paid and region.layout == "annual" else None
        weekly = entry.wages / entry.mean_employment / weeks if paid and entry.mean_employment else None
        notes = [found["note"]] if found["note"] else []
        change = growth(entry.prior, entry.employment)
        if entry.prior is None and entry.employment is not None:
            notes.append(f"prior-year level not published in {entry.prior_missing} of {entry.present} counties")
        elif change.reason and entry.employment is not None:
            notes.append(change.reason)
        row = [
            code,
            title(code, region.year),
            entry.employment,
            entry.establishments,
            annual_pay,
            weekly,
            entry.prior,
            change.percent_change,
            found["lq"],
            found["lq_low"],
            found["lq_high"],
            band(found["lq"], bands),
            found["status"],
            entry.suppressed,
            "; ".join(notes),
        ]
        if projected is not None:
            row.append(projected.get(code))
        rows.append(row)
    names = list(INDUSTRY_COLUMNS) + (["projected_growth"] if projected is not None else [])
    return Table([column(name) for name in names], rows, _meta(region, nation, base, level))


def _projections(projected, region):
    """Optional user column: {code: percent} or a CSV (name, text) with industry_code,projected_growth."""
    if projected is None:
        return None
    if isinstance(projected, tuple):
        sheet = read_csv(
            projected[1], projected[0], required=("industry_code", "projected_growth"), key="industry_code"
        )
    else:
        rows = [{"industry_code": code, "projected_growth": value} for code, value in dict(projected).items()]
        sheet = from_rows(rows, "projections", required=("industry_code", "projected_growth"), key="industry_code")
    result = {}
    for record in sheet.records:
        code = record.values["industry_code"]
        if code not in region.industries:
            raise InputError(
                f"expected an industry code of the region, got {code!r}",
                file=sheet.name,
                row=record.row,
                column="industry_code",
            )
        result[code] = parse_number(
            record.values["projected_growth"],
            negative_ok=True,
            blank_ok=True,
            file=sheet.name,
            row=record.row,
            column="projected_growth",
        )
    return result


QCEW_GROWTH_COLUMNS = (
    "industry_code",
    "industry_title",
    "start",
    "end",
    "years",
    "percent_change",
    "annualized_percent",
)


def growth_from_qcew(files, earlier_files=None, level=DEFAULT_LEVEL, min_size=None):
    """One-year growth from the oty_ columns, or growth between earlier files and these."""
    region = load_region(files, level)
    min_size = None if min_size in (None, "") else parse_number(min_size, column="min_size")
    if earlier_files:
        start_region = load_region(earlier_files, level)
        years = _years_between(start_region, region)
        if sorted(start_region.areas) != sorted(region.areas):
            raise InputError(
                "expected the same areas in both periods",
                file=start_region.files[0].name,
                column="area_fips",
                expected="the same areas",
            )
        starts = {
            code: (entry.employment if not entry.suppressed else None, entry.suppressed)
            for code, entry in start_region.industries.items()
        }
        codes = sorted(set(region.industries) | set(start_region.industries))
    else:
        years = 1
        starts = {code: (entry.prior, entry.prior_missing) for code, entry in region.industries.items()}
        codes = sorted(region.industries)
    rows = []
    for code in codes:
        entry = region.industries.get(code)
        end = None if entry is None or entry.suppressed else entry.employment
        start, missing = starts.get(code, (None, 0))
        result = growth(start, end, years)
        note = result.reason
        if entry is None or code not in starts:
            note = "the industry appears in only one of the two periods"
        elif end is None:
            note = f"suppressed in {entry.suppressed} of {entry.present} counties"
        elif start is None:
            note = f"the starting level is not published in {missing} counties"
        row = [code, title(code, region.year), start, end, years, result.percent_change, result.annualized_percent]
        if min_size is not None:
            row.append(is_small(start, end, min_size))
        row += ["ok" if result.percent_change is not None else "missing", note]
        rows.append(row)
    names = list(QCEW_GROWTH_COLUMNS) + (["small_industry"] if min_size is not None else []) + ["status", "note"]
    return Table(
        [column(name) for name in names],
        rows,
        {"year": region.year, "period": region.period, "years": years, "level": str(level)},
    )


def _years_between(start_region, end_region):
    if start_region.layout != end_region.layout:
        check_same_period(start_region.files, end_region.files[0])
    start = int(start_region.year) + (0 if start_region.period == "A" else (int(start_region.period) - 1) / 4)
    end = int(end_region.year) + (0 if end_region.period == "A" else (int(end_region.period) - 1) / 4)
    if end <= start:
        first = start_region.files[0]
        raise InputError(
            f"expected the earlier files to come before {end_region.label}, got {start_region.label}",
            file=first.name,
            row=first.first_row,
            column="year",
        )
    return end - start


SHIFT_QCEW_COLUMNS = (
    "industry_code",
    "industry_title",
    "region_start",
    "region_end",
    "nation_start",
    "nation_end",
    "national_effect",
    "industry_mix_effect",
    "competitive_effect",
    "total_change",
    "status",
    "note",
)


def load_reference(files, region, level=DEFAULT_LEVEL):
    """A larger area summed from area files, standing in for the nation in shift-share.

    An industry suppressed in any of its areas has no usable reference figure."""
    area = load_region(files, level)
    check_same_period(area.files, region.files[0])
    totals = [item.totals[code] for item in area.files for code in item.areas]
    total_prior = None if any(t.prior is None for t in totals) else sum(t.prior for t in totals)
    rows = {
        code: ReferenceRow(bool(entry.suppressed), entry.employment, entry.prior)
        for code, entry in area.industries.items()
    }
    name = f"the reference area ({', '.join(area.areas)})"
    return Nation("reference", name, area.total, area.private_total, total_prior, rows)


@dataclass
class ReferenceRow:
    suppressed: bool
    employment: int | None
    prior: int | None


def shift_share_from_qcew(files, nation_file=None, level=DEFAULT_LEVEL, reference_files=None):
    """Shift-share over one year: prior-year levels come from the oty_ columns of each file.

    The growth rates to compare with come from a national (US000) file of the same year, or from
    the summed `reference_files` of a larger area (a state's or metro area's counties)."""
    region = load_region(files, level)
    if reference_files:
        nation = load_reference(reference_files, region, level)
    elif nation_file is not None:
        nation = load_nation(nation_file, region, level)
    else:
        raise InputError(
            "shift-share from QCEW files needs a national (US000) file of the same year "
            "and period, or the files of a larger reference area",
            expected="a national file",
        )
    rows = []
    for code in sorted(region.industries):
        entry = region.industries[code]
        national = nation.rows.get(code)
        nation_end = None if national is None or national.suppressed else national.employment
        nation_start = None if national is None or national.suppressed else national.prior
        region_end = None if entry.suppressed else entry.employment
        shift = shift_share(entry.prior, region_end, nation_start, nation_end, nation.total_prior, nation.total)
        note = shift.reason
        if entry.suppressed:
            note = f"suppressed in {entry.suppressed} of {entry.present} counties"
        elif entry.prior is None:
            note = f"prior-year level not published in {entry.prior_missing} of {entry.present} counties"
        elif nation_start is None:
            note = (
                "the reference area's figures for this industry are not all published"
                if nation.source == "reference"
                else "the national figures for this industry are not published"
            )
        rows.append(
            [
                code,
                title(code, region.year),
                entry.prior,
                region_end,
                nation_start,
                nation_end,
                shift.national_effect,
                shift.industry_mix_effect,
                shift.competitive_effect,
                shift.total_change,
                "ok" if shift.national_effect is not None else "missing",
                note,
            ]
        )
    meta = _meta(region, nation, "total", level) | {"nation_total_start": nation.total_prior}
    return Table([column(name) for name in SHIFT_QCEW_COLUMNS], rows, meta)
