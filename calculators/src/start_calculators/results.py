"""Result tables: named columns (with label, kind and display format) and rows of raw values."""

from dataclasses import dataclass, field
from typing import Any

# `kind` says what the raw values are: "text", "number" or "flag" (true/false).
# `format` is a display hint only; values stay unrounded:
#   text, integer (thousands separators, no decimals), decimal1, decimal2, decimal4,
#   percent1 (the value is already in percent units: 7.5 means 7.5%), currency (whole dollars), flag,
#   rank (a place: whole places as integers, a RANK.AVG half place with one decimal, 1.5).


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    kind: str = "number"
    format: str = "decimal2"

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "label": self.label, "kind": self.kind, "format": self.format}


_CATALOG = [
    Column("industry", "Industry", "text", "text"),
    Column("industry_code", "NAICS code", "text", "text"),
    Column("industry_title", "Industry", "text", "text"),
    Column("region_employment", "Region employment", "number", "integer"),
    Column("nation_employment", "Nation employment", "number", "integer"),
    Column("region_share", "Region share", "number", "decimal4"),
    Column("nation_share", "Nation share", "number", "decimal4"),
    Column("lq", "Location quotient", "number", "decimal2"),
    Column("lq_low", "LQ low", "number", "decimal2"),
    Column("lq_high", "LQ high", "number", "decimal2"),
    Column("band", "Band", "text", "text"),
    Column("status", "Status", "text", "text"),
    Column("note", "Note", "text", "text"),
    Column("suppressed_counties", "Suppressed counties", "number", "integer"),
    Column("employment", "Employment", "number", "integer"),
    Column("establishments", "Establishments", "number", "integer"),
    Column("avg_annual_pay", "Average annual pay", "number", "currency"),
    Column("avg_weekly_wage", "Average weekly wage", "number", "currency"),
    Column("prior_employment", "Prior-year employment", "number", "integer"),
    Column("growth_percent", "Growth (%)", "number", "percent1"),
    Column("projected_growth", "Projected growth (%)", "number", "percent1"),
    Column("start", "Start", "number", "integer"),
    Column("end", "End", "number", "integer"),
    Column("years", "Years", "number", "decimal1"),
    Column("percent_change", "Change (%)", "number", "percent1"),
    Column("annualized_percent", "Annual growth (%)", "number", "percent1"),
    Column("small_industry", "Very small industry", "flag", "flag"),
    Column("score", "Score", "number", "decimal2"),
    Column("rank", "Rank", "number", "integer"),
    Column("highlight", "Highlighted", "flag", "flag"),
    Column("region_start", "Region start", "number", "integer"),
    Column("region_end", "Region end", "number", "integer"),
    Column("nation_start", "Nation start", "number", "integer"),
    Column("nation_end", "Nation end", "number", "integer"),
    Column("national_effect", "National growth effect", "number", "decimal1"),
    Column("industry_mix_effect", "Industry mix effect", "number", "decimal1"),
    Column("competitive_effect", "Competitive effect", "number", "decimal1"),
    Column("total_change", "Total change", "number", "decimal1"),
    Column("homothetic_employment", "Homothetic employment", "number", "decimal1"),
    Column("allocation_effect", "Allocation effect", "number", "decimal1"),
    Column("change", "Change", "number", "integer"),
    Column("annual_growth_percent", "Annual growth (%)", "number", "percent1"),
    Column("fully_published", "Fully published", "flag", "flag"),
    Column("region_establishments", "Region establishments", "number", "integer"),
    Column("nation_establishments", "Nation establishments", "number", "integer"),
    Column("region_wages", "Region total wages", "number", "currency"),
    Column("nation_wages", "Nation total wages", "number", "currency"),
    Column("wages", "Total wages", "number", "currency"),
    Column("lq_start", "LQ at start", "number", "decimal2"),
    Column("lq_start_low", "LQ at start, low", "number", "decimal2"),
    Column("lq_start_high", "LQ at start, high", "number", "decimal2"),
    Column("lq_end", "LQ at end", "number", "decimal2"),
    Column("lq_end_low", "LQ at end, low", "number", "decimal2"),
    Column("lq_end_high", "LQ at end, high", "number", "decimal2"),
    Column("lq_change", "LQ change", "number", "decimal2"),
    Column("band_start", "Band at start", "text", "text"),
    Column("band_end", "Band at end", "text", "text"),
    Column("crossing", "Crossed 1.0", "text", "text"),
    Column("year", "Year", "text", "text"),
    Column("period", "Period", "text", "text"),
    Column("file", "File", "text", "text"),
    Column("kind", "Kind", "text", "text"),
    Column("area_fips", "Area (FIPS)", "text", "text"),
    Column("rows", "Rows", "number", "integer"),
    Column("share_of_region", "Share of region", "number", "decimal4"),
    Column("published_lq", "Published LQ", "number", "decimal2"),
    Column("upper_bound", "At most", "number", "integer"),
]
CATALOG = {column.name: column for column in _CATALOG}


def column(name: str, label: str | None = None) -> Column:
    """The standard column for `name`; factor-derived names get a sensible default."""
    if name in CATALOG:
        found = CATALOG[name]
        return Column(found.name, label or found.label, found.kind, found.format)
    if name.startswith("rank_"):
        return Column(name, label or f"Rank: {name[5:]}", "number", "integer")
    if name.startswith("highlight_"):
        return Column(name, label or f"Highlighted: {name[10:]}", "flag", "flag")
    return Column(name, label or name.replace("_", " ").capitalize(), "number", "decimal2")


def text_column(name: str, label: str | None = None) -> Column:
    return Column(name, label or name.replace("_", " ").capitalize(), "text", "text")


@dataclass
class Table:
    """A result: columns, rows of raw values (None = missing), and facts about how it was made."""

    columns: list[Column]
    rows: list[list[Any]]
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [col.name for col in self.columns]

    def records(self) -> list[dict[str, Any]]:
        names = self.names
        return [dict(zip(names, row, strict=False)) for row in self.rows]

    def column_values(self, name: str) -> list[Any]:
        index = self.names.index(name)
        return [row[index] for row in self.rows]

    def to_dict(self) -> dict[str, Any]:
        return {
            "columns": [col.to_dict() for col in self.columns],
            "rows": [list(row) for row in self.rows],
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Table":
        """Rebuild a table sent back by the browser (columns may be names or dicts)."""
        columns = []
        for item in data.get("columns", []):
            if isinstance(item, str):
                columns.append(column(item))
            else:
                columns.append(
                    Column(
                        str(item["name"]),
                        str(item.get("label") or item["name"]),
                        str(item.get("kind") or "number"),
                        str(item.get("format") or "decimal2"),
                    )
                )
        return cls(columns, [list(row) for row in data.get("rows", [])], dict(data.get("meta") or {}))
