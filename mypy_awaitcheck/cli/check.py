"""The legacy-codebase mode: ``mypy-awaitcheck [--format F] [mypy options] PATHS``.

One mypy run with the plugin (``mypy_session``); only async misuse is reported
(``selection``), in the requested format (``formats``). Exit status 1 when an
error is reported, 0 when none, 2 when mypy could not check (see ``exit_status``).
"""

from __future__ import annotations

import sys

from mypy_awaitcheck.cli.exit_status import EXIT_CLEAN, EXIT_FOUND, EXIT_USAGE
from mypy_awaitcheck.cli.options import parse_check_args


def run_check(args: list[str], prog: str) -> int:
    options = parse_check_args(args, prog)
    if options.list_codes:
        from mypy_awaitcheck.cli.list_codes import print_codes

        return print_codes()
    if options.show_version:
        return _print_versions()

    from mypy_awaitcheck.cli.formats import RENDERERS, Report
    from mypy_awaitcheck.cli.mypy_session import MypyStopped, run_mypy
    from mypy_awaitcheck.cli.selection import select_async_misuse

    try:
        result = run_mypy(options.mypy_args, prog)
    except MypyStopped as stop:
        print(f"{prog}: error: {stop}", file=sys.stderr)
        return EXIT_USAGE
    report = Report(
        select_async_misuse(result.diagnostics), result.checked_sources, result.show_summary
    )
    sys.stdout.write(RENDERERS[options.output_format](report))
    sys.stdout.flush()
    return EXIT_FOUND if report.errors else EXIT_CLEAN


def _print_versions() -> int:
    from mypy.version import __version__ as mypy_version

    from mypy_awaitcheck import __version__

    print(f"mypy-awaitcheck {__version__} (mypy {mypy_version})")
    return EXIT_CLEAN
