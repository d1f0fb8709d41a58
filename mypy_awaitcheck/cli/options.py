"""The legacy command's own flags, split from the mypy options it passes through.

The command takes every mypy option; only ``--format``, ``--list-codes``,
``--version`` and ``-h``/``--help`` are its own. mypy validates the rest (an
unknown flag or a missing path is a usage error there, exit status 2).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import Final, NoReturn

from mypy_awaitcheck.cli.exit_status import EXIT_USAGE

FORMATS: Final = ("text", "json", "github")

DESCRIPTION: Final = """\
Run mypy once with the mypy_awaitcheck plugin and report only async misuse: the
plugin's error codes and mypy's own await/coroutine errors. Every other mypy
error is left out, so a codebase with unrelated mypy errors can gate on this.

Every option not listed below is mypy's (see 'mypy --help'). mypy's config file
is found as mypy finds it (or given with --config-file) and fully applies; the
plugin is added to it when it is not already listed.

exit status: 0 no async misuse found, 1 async misuse found, 2 usage or
configuration error, a blocking mypy error (e.g. a syntax error) or a crash.
"""


@dataclass(frozen=True)
class CheckOptions:
    output_format: str
    list_codes: bool
    show_version: bool
    mypy_args: list[str]


class _UsageErrorParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser(prog: str) -> argparse.ArgumentParser:
    parser = _UsageErrorParser(
        prog=prog,
        usage=f"{prog} [--format {{{','.join(FORMATS)}}}] [mypy options] PATHS",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        # Abbreviations would capture mypy flags that share a prefix with ours.
        allow_abbrev=False,
    )
    parser.add_argument(
        "--format",
        dest="output_format",
        choices=FORMATS,
        default="text",
        help="text: mypy-style lines (default); json: one JSON document;"
        " github: GitHub Actions error annotations",
    )
    parser.add_argument(
        "--list-codes", action="store_true", help="print the plugin's error codes and exit"
    )
    parser.add_argument(
        "--version", dest="show_version", action="store_true", help="print versions and exit"
    )
    return parser


def parse_check_args(args: list[str], prog: str) -> CheckOptions:
    """Our flags; the others, in their order, for mypy. Exits on ``--help`` and bad input."""
    namespace, mypy_args = build_parser(prog).parse_known_args(args)
    return CheckOptions(
        output_format=namespace.output_format,
        list_codes=namespace.list_codes,
        show_version=namespace.show_version,
        mypy_args=mypy_args,
    )
