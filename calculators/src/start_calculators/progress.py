"""Progress of long reads: readers are generators that yield Progress and return their result.

A reader written as `def iter_read(...) -> Steps[Result]` yields `Progress` every few thousand rows
and returns the result. `finish(steps)` runs one to the end (the CLI and tests); the browser's
async driver instead yields to the page between steps and shows "reading 1.2 M rows…".
"""

from collections.abc import Generator
from dataclasses import dataclass
from typing import TypeAlias, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    """Rows read so far in one file, out of its total number of lines (0 when unknown).

    `stage` says what is being done, for the page's message: "reading" (the default), or a later
    pass such as "ranking (pay)".
    """

    file: str
    done: int
    total: int = 0
    stage: str = "reading"


# A generator that yields Progress and returns T: `Steps[QcewFile]`.
Steps: TypeAlias = Generator[Progress, None, T]


def finish(steps: Steps[T]) -> T:
    """Run a reader to the end, ignoring its progress, and return its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result: T = done.value
            return result
