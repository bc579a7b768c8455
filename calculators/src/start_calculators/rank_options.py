"""The ranking's settings, checked: factors, direction, weights, tie and missing rules, highlights."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import InputError
from .numbers import parse_number
from .sheets import Sheet

if TYPE_CHECKING:
    from fractions import Fraction

TIE_RULES = ("eq", "avg")
MISSING_RULES = ("exclude", "last")
HIGHLIGHT_RULES = ("top", "median", "third")


@dataclass
class Options:
    """The ranking's settings, checked."""

    factors: list[str]
    lower_is_better: list[str]
    weights: dict[str, Fraction]
    ties: str
    highlight: str | None
    top_n: int
    missing: str
    label: list[str] = field(default_factory=list)  # a text column naming the industry, if any


def _choose(value: object, rules: Sequence[str], option: str) -> str:
    if value not in rules:
        raise InputError.bad_value(f"one of {', '.join(rules)}", value, column=option)
    return str(value)


def _factors(sheet: Sheet, numeric: Mapping[str, list[float | None]], factors: Sequence[str] | None) -> list[str]:
    if factors:
        chosen = [str(name).strip() for name in factors]
    else:  # by default every numeric column that holds at least one value
        chosen = [name for name, values in numeric.items() if any(v is not None for v in values)]
    if not chosen:
        raise InputError(
            "expected at least one numeric factor column",
            file=sheet.name,
            row=1,
            hint="add a column of numbers (employment, pay, growth ...) to rank the industries on",
        )
    for name in chosen:
        if name not in numeric:
            problem = "a column of numbers" if name in sheet.columns else "a column of the table"
            raise InputError(f"expected {problem}", file=sheet.name, column=name, expected=problem)
    if len(set(chosen)) != len(chosen):
        raise InputError("expected each factor once", column="factors")
    return chosen


def _weights(factors: Sequence[str], weights: Mapping[str, object] | None) -> dict[str, Fraction]:
    # Imported here: the engine's start in the browser does not pay for fractions until a ranking.
    from fractions import Fraction

    weight = {name: Fraction(1) for name in factors}
    for name, raw in (weights or {}).items():
        if name not in factors:
            raise InputError(f'expected a weight for a chosen factor; "{name}" is not one', column="weights")
        try:
            weight[name] = Fraction(repr(parse_number(raw, column="weights")))  # 0.1 is 1/10, not its binary float
        except InputError as error:
            raise InputError(f"for {name}: {error.detail()}", column="weights", hint=error.hint) from None
    if sum(weight.values(), Fraction(0)) <= 0:
        raise InputError("expected at least one weight above zero", column="weights")
    return weight


def check_options(
    sheet: Sheet,
    numeric: Mapping[str, list[float | None]],
    text: Sequence[str],
    *,
    factors: Sequence[str] | None,
    lower_is_better: Sequence[str],
    weights: Mapping[str, object] | None,
    ties: object,
    highlight: object,
    top_n: object,
    missing: object,
) -> Options:
    chosen = _factors(sheet, numeric, factors)
    for name in lower_is_better:
        if name not in chosen:
            raise InputError(f'expected one of the chosen factors; "{name}" is not one', column="lower_is_better")
    return Options(
        factors=chosen,
        lower_is_better=list(lower_is_better),
        weights=_weights(chosen, weights),
        ties=_choose(ties, TIE_RULES, "ties"),
        highlight=None if highlight is None else _choose(highlight, HIGHLIGHT_RULES, "highlight"),
        top_n=int(parse_number(top_n, integer=True, column="top_n")),
        missing=_choose(missing, MISSING_RULES, "missing"),
        label=[name for name in text if name in ("industry_title", "title", "name")][:1],
    )
