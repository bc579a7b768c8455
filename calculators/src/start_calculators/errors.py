"""The one error type for bad input: where it is, what was expected, and what to do next."""

from __future__ import annotations

import re
from typing import Any, Literal

# Who reads the message: the web pages (column and field labels), the command line (flags, and
# columns as a CSV header spells them), or Python code (parameter and column names).
Audience = Literal["page", "cli", "python"]

# Options the calculators take, by their internal name: (the flag as typed, the page's field label).
OPTIONS: dict[str, tuple[str, str]] = {
    "region_total": ("--region-total", "Region total employment"),
    "nation_total": ("--nation-total", "Nation total employment"),
    "nation_total_start": ("--nation-total-start", "Nation total employment at the start"),
    "nation_total_end": ("--nation-total-end", "Nation total employment at the end"),
    "start": ("--start", "Employment at the start"),
    "end": ("--end", "Employment at the end"),
    "years": ("--years", "Years between them"),
    "min_size": ("--min-size", "Flag industries with fewer workers than"),
    "level": ("--level", "Industry level"),
    "base": ("--base", "Divide by"),
    "bands": ("--bands", "Band limits"),
    "measure": ("--measure", "Measure"),
    "method": ("--method", "Method"),
    "key": ("--key", "Name column"),
    "factors": ("--factors", "Factors"),
    "weights": ("--weight", "Weights"),
    "lower_is_better": ("--lower-is-better", "Lower is better"),
    "ties": ("--ties", "Ties"),
    "highlight": ("--highlight", "Highlight"),
    "top_n": ("--top", "N"),
    "top": ("--top", "N"),
    "missing": ("--missing", "Missing values"),
    "files": ("--qcew", "County files"),
    "qcew": ("--qcew", "County files"),
    "nation": ("--nation", "National file"),
    "reference": ("--reference", "Reference area files"),
    "earlier": ("--from", "Earlier files"),
    "table": ("--table", "Table"),
    "projected": ("--projected", "Projected growth"),
    "format": ("--format", "Format"),
    "output": ("--output", "Output file"),
}

# "a annual file" reads badly; only words that really start with a vowel sound are listed.
_VOWEL_WORDS = re.compile(r"\b([Aa]) (?=(?:annual|area|average|empty|industry|integer|option|input|object|extra)\b)")


def article(word: str) -> str:
    """The word with "a" or "an" in front, for the few words the messages use."""
    return _VOWEL_WORDS.sub(r"\1n ", f"a {word}")


def shorten(value: object, limit: int = 40) -> str:
    """A printable, bounded excerpt of a bad value, so a message stays on one short line."""
    text = "".join(ch if ch.isprintable() else "?" for ch in str(value))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def option_name(name: str, audience: Audience) -> str:
    """An option as its reader knows it: `--region-total`, "Region total employment" or `region_total`."""
    if audience == "python":
        return name
    flag, label = OPTIONS.get(name, ("--" + name.replace("_", "-"), name.replace("_", " ").capitalize()))
    return flag if audience == "cli" else label


def column_label(name: str) -> str:
    """A table column as the pages label it (results.py's labels); other names as they are."""
    from .results import CATALOG  # here, not at the top: results.py must not depend on errors.py

    found = CATALOG.get(name)
    return found.label if found is not None else name


class InputError(ValueError):
    """Input the calculators cannot use.

    On a page it reads like: `sample.csv, row 4, column "Nation employment": expected a number, got
    "abc". Write the figure as digits (1234, 1,234 or 1234.5)`; on the command line and in Python the
    column is named as the CSV header spells it (`nation_employment`). Rows count as a spreadsheet
    shows them: the header is row 1 in a CSV file, and the first entry is row 1 in a JSON list of
    rows. An error about an option (no file, no row, a `column` naming the option) says
    `--region-total` on the command line, "Region total employment" on a page, `region_total` in Python.
    """

    def __init__(
        self,
        message: str,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        expected: str | None = None,
        hint: str | None = None,
        label: str | None = None,
    ) -> None:
        self.file = file
        self.row = row
        self.column = column
        self.expected = expected
        self.hint = hint
        self.label = label
        self.message = self._without_location(" ".join(str(message).split()))  # always one line
        super().__init__(self.message)

    @classmethod
    def bad_value(
        cls,
        expected: str,
        got: object,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        hint: str | None = None,
    ) -> InputError:
        """The common case: a cell or option that should hold `expected` holds `got`."""
        message = f'expected {expected}, got "{shorten(got)}"'
        return cls(message, file=file, row=row, column=column, expected=expected, hint=hint)

    @property
    def kind(self) -> str:
        """ "cell" (a row of a table), "file" (a whole file), "option" (an argument) or "input"."""
        if self.row is not None:
            return "cell"
        if self.file:
            return "file"
        return "option" if self.column else "input"

    def where(self, audience: Audience = "page") -> str:
        """The location, said once: `x.csv, row 4, column "Region employment"` or `--level`."""
        if self.kind == "option":
            return option_name(str(self.column), audience)
        parts = []
        if self.file:
            parts.append(shorten(self.file, 80))
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f'column "{shorten(self.column_name(audience))}"')
        return ", ".join(parts)

    def column_name(self, audience: Audience = "page") -> str | None:
        """The column's label (or the option's flag or label) as the reader sees it."""
        if self.column is None:
            return None
        if self.kind == "option":
            return option_name(self.column, audience)
        if audience != "page":
            return self.column
        return self.label or column_label(self.column)

    def detail(self) -> str:
        """The message without its location, with "a"/"an" fixed."""
        return _VOWEL_WORDS.sub(r"\1n ", self.message)

    def render(self, audience: Audience = "page") -> str:
        """One line: location, what was expected, and what to do next."""
        where = self.where(audience)
        text = f"{where}: {self.detail()}" if where else self.detail()
        if self.hint:
            text = text.rstrip(".") + ". " + self.hint[:1].upper() + self.hint[1:]
        return text

    def __str__(self) -> str:
        return self.render("python")

    def to_dict(self, audience: Audience = "page") -> dict[str, Any]:
        """What the pages receive: `message` is complete (show it as it is); the rest locates it."""
        return {
            "message": self.render(audience),
            "where": self.where(audience),
            "detail": self.detail(),
            "hint": self.hint,
            "kind": self.kind,
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "label": self.column_name(audience),
            "expected": self.expected,
        }

    def _without_location(self, message: str) -> str:
        """Drop a location the message already starts with (a wrapped error), so it is said once."""
        audiences: tuple[Audience, ...] = ("page", "cli", "python")
        for audience in audiences:
            where = self.where(audience)
            while where and message.startswith(where + ": "):
                message = message[len(where) + 2 :]
        if self.file:  # "x.csv, row 2: ..." wrapped again with the file only
            prefix = rf"^{re.escape(shorten(self.file, 80))}(?:, row \d+)?(?:, column \"[^\"]*\")?: "
            message = re.sub(prefix, "", message)
        return message
