"""The command line: python -m start_calculators COMMAND [options]; the commands are in cli_parser.py.

Exit codes: 0 done, 2 bad input or usage (one line on standard error naming the file, row and column,
or the flag, and what to do), 1 an unexpected internal error (one line, never a traceback).
Notes on how an input was read (a semicolon separator, a decimal comma, an encoding) go to
standard error as "note: ..." lines; the result alone goes to standard output or --output.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import IO

from .cli_commands import Files
from .cli_parser import build_parser, check
from .errors import InputError
from .output import to_csv, to_json
from .results import Table
from .sample import sample_meta
from .xlsx import to_xlsx

STDOUT_NAME = "standard output"


def _version() -> str:
    from . import __version__

    return __version__


def _payload(table: Table, fmt: str, about: bool) -> bytes:
    if fmt == "xlsx":
        return to_xlsx(table)
    return (to_json(table) if fmt == "json" else to_csv(table, about)).encode("utf-8")


def _write(payload: bytes, output: str | None) -> None:
    """Write the result; a full disk or a missing folder is reported alike for a file and for standard output."""
    target = output or STDOUT_NAME
    try:
        if output:
            with open(output, "wb") as handle:
                handle.write(payload)
        else:
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise InputError(
            f"cannot write the result ({error.strerror or error})",
            file=target,
            hint="free some space, or choose another place with --output FILE",
        ) from None


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _notes(table: Table) -> None:
    for note in table.meta.get("notes", []):
        sys.stderr.write(f"note: {note}\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(_version())
    args = parser.parse_args(argv)
    check(args)
    if args.format == "xlsx" and not args.output and _is_terminal(sys.stdout):
        args.parser.error(
            "--format xlsx writes a binary workbook: add --output FILE.xlsx, or redirect it (> result.xlsx)"
        )
    try:
        table = args.handler(args, Files())
        if getattr(args, "sample", False):
            table.meta |= sample_meta(args.command == "shift-share")
        payload = _payload(table, args.format, args.about)
        _notes(table)
        _write(payload, args.output)
    except InputError as error:
        sys.stderr.write(error.render("cli") + "\n")
        return 2
    except BrokenPipeError:  # the reader stopped early (| head): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("start_calculators: stopped\n")
        return 130
    except Exception as error:  # never a traceback: one line, and a distinct exit code
        sys.stderr.write(f"start_calculators: unexpected internal error ({type(error).__name__}: {error})\n")
        return 1
    return 0
