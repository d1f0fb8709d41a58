"""Routes ``python -m mypy_awaitcheck ...`` and ``mypy-awaitcheck ...`` to a command.

``python -m mypy_awaitcheck`` needs a command (``--list-codes`` or ``check``);
the ``mypy-awaitcheck`` console script is ``check`` itself.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Final, NoReturn

from mypy_awaitcheck.cli.exit_status import EXIT_USAGE

MODULE_PROG: Final = "python -m mypy_awaitcheck"
CONSOLE_PROG: Final = "mypy-awaitcheck"
MODULE_USAGE: Final = f"""\
usage: {MODULE_PROG} --list-codes
       {MODULE_PROG} check [--format {{text,json,github}}] [mypy options] PATHS

  --list-codes  print the plugin's error codes: code, default on/off, summary
  check         run mypy with the plugin and report only async misuse
                (the same as the {CONSOLE_PROG} command; 'check --help' for more)
"""


def module_main(argv: Sequence[str] | None = None) -> NoReturn:
    sys.exit(module_command(sys.argv[1:] if argv is None else list(argv)))


def console_main() -> NoReturn:
    sys.exit(check_command(sys.argv[1:], CONSOLE_PROG))


def module_command(args: list[str]) -> int:
    if args == ["--list-codes"]:
        from mypy_awaitcheck.cli.list_codes import print_codes

        return print_codes()
    if args[:1] == ["check"]:
        return check_command(args[1:], f"{MODULE_PROG} check")
    if args in (["-h"], ["--help"]):
        print(MODULE_USAGE, end="")
        return 0
    problem = f"unknown command {args[0]!r}" if args else "a command is required"
    print(f"{MODULE_USAGE}{MODULE_PROG}: error: {problem}", file=sys.stderr)
    return EXIT_USAGE


def check_command(args: list[str], prog: str) -> int:
    from mypy_awaitcheck.cli.check import run_check

    return run_check(args, prog)
