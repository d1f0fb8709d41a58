"""Entry point for `python -m mypy_awaitcheck.stubcheck`."""

from mypy_awaitcheck.stubcheck.cli import run

run()
