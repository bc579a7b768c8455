"""The command line's commands and options: help on each, examples, choices, and which options go together."""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from .cli_help import PROG, Adder, growth_command, lq_command, qcew_commands, rank_command, shift_command

DESCRIPTION = (
    "Location quotients, growth, industry ranking and shift-share for a sector partnership's region, "
    "from your own table or from BLS QCEW files. Every command prints CSV to standard output."
)
FILE_NOTE = "FILE may be - for standard input."
# Options that only make sense with some inputs: option -> the inputs it goes with.
QCEW_ONLY = ("qcew", "sample")
RULES: dict[str, dict[str, tuple[str, ...]]] = {
    "lq": {
        "region_total": ("table",),
        "nation_total": ("table",),
        **dict.fromkeys(("nation", "base", "level", "measure", "year"), QCEW_ONLY),
    },
    "growth": {
        "years": ("start", "table"),
        "earlier": ("qcew",),
        **dict.fromkeys(("from_year", "to_year", "measure", "level"), QCEW_ONLY),
    },
    "rank": {"key": ("table",)},
    "shift-share": {
        "nation_total_start": ("table",),
        "nation_total_end": ("table",),
        "nation": ("qcew",),
        "reference": ("qcew",),
        **dict.fromkeys(("level", "method"), QCEW_ONLY),
    },
}
# What a table input cannot do without.
NEEDS = {
    ("lq", "table"): ("region_total", "nation_total"),
    ("shift-share", "table"): ("nation_total_start", "nation_total_end"),
    ("growth", "start"): ("start", "end"),
}
DEFAULTS = {"base": "total", "measure": "employment", "method": "classic", "ties": "eq", "missing": "exclude"}
DEFAULTS |= {"top": "10", "key": "industry"}


class Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr, exit 2, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: {message.replace('argument ', '')} (see --help)\n")
        sys.exit(2)


def flag(dest: str) -> str:
    return {"earlier": "--from", "weight": "--weight"}.get(dest, "--" + dest.replace("_", "-"))


def check(args: argparse.Namespace) -> None:
    """One input, the options that go with it, and the defaults of the rest."""
    source = _one_input(args)
    command, parser = args.command, args.parser
    for option, inputs in RULES.get(command, {}).items():
        if getattr(args, option, None) not in (None, []) and source not in inputs:
            allowed = " or ".join(flag(name) for name in inputs)
            parser.error(f"{flag(option)} goes with {allowed}, not {flag(source)}")
    for option in NEEDS.get((command, source), ()):
        if getattr(args, option, None) is None:
            needed = " and ".join(flag(name) for name in NEEDS[(command, source)])
            parser.error(f"give both {needed}" if source == "start" else f"{flag(source)} needs {needed}")
    if getattr(args, "nation", None) and getattr(args, "reference", None):
        parser.error("--nation and --reference are two kinds of comparison: give one")
    if getattr(args, "top", None) is not None and args.highlight != "top":
        parser.error("--top goes with --highlight top")
    defaults = DEFAULTS if command == "shift-share" else DEFAULTS | {"level": "3"}
    for option, value in defaults.items():
        if getattr(args, option, "absent") is None:
            setattr(args, option, value)


def _one_input(args: argparse.Namespace) -> str:
    """The input the command was given (growth's --start/--end pair counts as "start")."""
    given: list[str] = [name for name in args.inputs if getattr(args, name, None) not in (None, False, [])]
    if args.command == "growth" and (args.start is not None or args.end is not None):
        given.insert(0, "start")
    if len(given) != 1:
        choices = ", ".join(args.input_help[:-1]) + " or " + args.input_help[-1]
        args.parser.error(f"{args.command} needs one input: {choices}" if not given else f"choose one input: {choices}")
    return given[0]


def build_parser(version: str) -> Parser:
    parser = Parser(prog=PROG, description=DESCRIPTION, epilog=f"Run '{PROG} COMMAND --help' for a command's options.")
    parser.add_argument("--version", action="version", version=f"{PROG} {version}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser, metavar="COMMAND")
    add = _command_adder(commands)
    lq_command(add)
    growth_command(add)
    rank_command(add)
    shift_command(add)
    qcew_commands(add)
    return parser


def _command_adder(commands: Any) -> Adder:
    def add(name: str, handler: Any, summary: str, examples: str, inputs: dict[str, dict[str, Any]]) -> Any:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog="examples:\n" + examples + "\n\n" + FILE_NOTE,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        group = sub.add_argument_group("input (give one)").add_mutually_exclusive_group()
        shown = []
        for key, spec in inputs.items():
            options = dict(spec)
            shown.append(options.pop("shown"))
            if key != "start":  # growth's --start and --end are added with its other options
                group.add_argument(flag(key), **options)
        sub.set_defaults(
            handler=handler, inputs=[key for key in inputs if key != "start"], input_help=shown, parser=sub
        )
        output = sub.add_argument_group("output")
        output.add_argument(
            "--format", choices=("csv", "json", "xlsx"), default="csv", help="csv (default), json or xlsx"
        )
        output.add_argument("--output", metavar="FILE", help="write the result here instead of standard output")
        output.add_argument(
            "--about",
            action="store_true",
            help="CSV: start with '# label: value' lines saying how the table was made (XLSX has an About sheet)",
        )
        return sub

    return add
