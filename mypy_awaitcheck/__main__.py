"""``python -m mypy_awaitcheck``: the command line, see ``mypy_awaitcheck.cli``."""

from mypy_awaitcheck.cli.dispatch import module_main

module_main()
