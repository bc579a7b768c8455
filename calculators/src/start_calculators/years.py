"""Several years at once: QCEW files grouped by (area, year, period) read from their rows, never names.

One region is a set of areas; one analysis is a set of years. National (US000) files are kept apart,
one per year, and used for the year they match.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from .errors import InputError
from .nation import Nation, nation_from_file, nation_inferred
from .progress import Steps, finish
from .qcew import DEFAULT_LEVEL, QcewFile, iter_read_qcew, level_digit
from .region import Region, build_region

# A file as the API takes it: (name, bytes or text).
FileInput = tuple[str, str | bytes]


@dataclass
class YearSet:
    """The region's files by year (time order), and any national files by year."""

    level: str
    regions: dict[str, Region] = field(default_factory=dict)  # key ("2023" or "2023-Q1") -> region
    nations: dict[str, QcewFile] = field(default_factory=dict)

    @property
    def keys(self) -> list[str]:
        return list(self.regions)

    @property
    def areas(self) -> list[str]:
        return sorted({area for region in self.regions.values() for area in region.areas})

    def region(self, key: object = None) -> Region:
        """The region of year `key` (default: the latest loaded)."""
        if key in (None, ""):
            return self.regions[self.keys[-1]]
        text = str(key).strip().upper().replace(" ", "-")
        if text not in self.regions:
            raise InputError(
                f"expected a year that was loaded ({', '.join(self.keys)}), got {key!r}",
                column="year",
                expected=" or ".join(self.keys),
            )
        return self.regions[text]

    def nation(self, region: Region) -> Nation:
        """National shares for the region's year: its US000 file, or inferred from the counties."""
        found = self.nations.get(region.key)
        return nation_inferred(region) if found is None else nation_from_file(found, region)

    def span(self, start: object = None, end: object = None) -> tuple[Region, Region]:
        first, last = self.region(start or self.keys[0]), self.region(end)
        if self.keys.index(first.key) >= self.keys.index(last.key):
            raise InputError(
                f"expected a start year before the end year ({last.key}), got {first.key}",
                column="from_year",
                expected=f"a year before {last.key}",
            )
        return first, last

    def check_same_areas(self, keys: Sequence[str] | None = None) -> None:
        """Every year of the analysis must cover the same areas, or its sums are not comparable."""
        keys = list(keys or self.keys)
        wanted = set().union(*(self.regions[key].areas for key in keys))
        for key in keys:
            missing = sorted(wanted - set(self.regions[key].areas))
            if missing:
                others = [f.name for k in keys for f in self.regions[k].files if missing[0] in f.areas]
                raise InputError(
                    f"expected the same areas in every year, but {key} has no file for area {missing[0]}"
                    + (f" (it is in {', '.join(others[:3])})" if others else "")
                    + ("" if len(missing) == 1 else f" nor for {len(missing) - 1} more"),
                    file=self.regions[key].files[0].name,
                    column="area_fips",
                    expected="the same areas in every year",
                )


def as_files(value: FileInput | Sequence[FileInput] | None) -> list[FileInput]:
    """None, one (name, data) pair or a list of them, as a list."""
    if value is None:
        return []
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str):
        return [value]
    return list(value)


# Parsed files by (name, level, size, hash of the contents): a page asks several questions of the same
# uploads, and each should not read them again. Bounded by characters held, oldest dropped first.
_CACHE: dict[tuple[str, int, int, int], QcewFile] = {}
CACHE_CHARACTERS = 64_000_000
_cached_characters = [0]


def _cache_key(name: str, data: str | bytes, level: object) -> tuple[str, int, int, int]:
    return (name, level_digit(level), len(data), hash(data))


def _remember(key: tuple[str, int, int, int], parsed: QcewFile) -> None:
    if key[2] > CACHE_CHARACTERS // 4:
        return
    while _CACHE and _cached_characters[0] + key[2] > CACHE_CHARACTERS:
        oldest = next(iter(_CACHE))
        _cached_characters[0] -= oldest[2]
        del _CACHE[oldest]
    _CACHE[key] = parsed
    _cached_characters[0] += key[2]


def iter_parse(files: Sequence[FileInput], level: object = DEFAULT_LEVEL) -> Steps[list[QcewFile]]:
    """Read files in turn, yielding Progress; files read before (same name and contents) come from a cache."""
    parsed = []
    for name, data in files:
        key = _cache_key(name, data, level) if isinstance(data, (str, bytes)) else None
        found = _CACHE.get(key) if key else None
        if found is None:
            found = yield from iter_read_qcew(data, name, level)
            if key:
                _remember(key, found)
        parsed.append(found)
    return parsed


def iter_load(
    files: Sequence[FileInput], level: object = DEFAULT_LEVEL, nation: FileInput | Sequence[FileInput] | None = None
) -> Steps[YearSet]:
    """Read every file (yielding Progress), then group them: `files` may include national files."""
    if not files:
        raise InputError("expected at least one QCEW file for the region", expected="a QCEW file")
    parsed = yield from iter_parse(files, level)
    national = yield from iter_parse(as_files(nation), level)
    return group(parsed, national, str(level))


def load_years(
    files: Sequence[FileInput], level: object = DEFAULT_LEVEL, nation: FileInput | Sequence[FileInput] | None = None
) -> YearSet:
    return finish(iter_load(files, level, nation))


def group(parsed: list[QcewFile], national: list[QcewFile], level: str = DEFAULT_LEVEL) -> YearSet:
    """Group parsed files by year; the same area twice in one year, or annual with quarterly, is an error."""
    for item in national:
        if not item.is_nation:
            raise InputError(
                f"expected a national file (area US000), got area {item.areas[0]}",
                file=item.name,
                column="area_fips",
                expected="US000",
            )
    areas = [item for item in parsed if not item.is_nation]
    # National files alone are the region itself (the nation's own growth, say).
    nations = ([item for item in parsed if item.is_nation] if areas else []) + national
    areas = areas or parsed
    first = areas[0]
    for item in [*areas, *nations]:
        if item.layout != first.layout:
            raise InputError(
                f"expected {'an' if first.layout == 'annual' else 'a'} {first.layout} file like {first.name}, "
                f"got a {item.layout} one",
                file=item.name,
                row=1,
                expected=f"a {first.layout} file",
            )
    by_key: dict[str, list[QcewFile]] = {}
    for item in sorted(areas, key=lambda f: f.key):
        by_key.setdefault(item.key, []).append(item)
    years = YearSet(level, {key: build_region(files) for key, files in by_key.items()})
    for item in nations:
        if item.key in years.nations:
            raise InputError(
                f"expected one national file per year, but {years.nations[item.key].name} is also for {item.key}",
                file=item.name,
                column="year",
                expected="one national file per year",
            )
        years.nations[item.key] = item
    _check_nation_years(years)
    return years


def _check_nation_years(years: YearSet) -> None:
    for key, item in years.nations.items():
        if key not in years.regions:
            raise InputError(
                f"expected a national file of a year the counties cover ({', '.join(years.keys)}), got {key}",
                file=item.name,
                row=item.first_row,
                column="year",
                expected=" or ".join(years.keys),
            )


def load_region(files: Sequence[FileInput], level: object = DEFAULT_LEVEL) -> Region:
    """One year's region from (name, data) area files; mixing years is an error here."""
    if not files:
        raise InputError("expected at least one QCEW file for the region", expected="a QCEW file")
    return build_region(finish(iter_parse(files, level)))


def load_nation(nation_file: FileInput | None, region: Region, level: object = DEFAULT_LEVEL) -> Nation:
    """National figures from a (name, data) US000 file, or inferred when there is none."""
    if nation_file is None:
        return nation_inferred(region)
    parsed = finish(iter_parse([nation_file], level))
    return nation_from_file(parsed[0], region)
