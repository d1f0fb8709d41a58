"""Static consistency check between typing stubs and the source they describe.

Run as `python -m mypy_awaitcheck.stubcheck STUBS_DIR SOURCE_DIR`; see
`cli` for the output and exit codes, `compare` for what is reported and
`annotations` for when two return annotations count as contradicting.
"""

from mypy_awaitcheck.stubcheck.cli import main

__all__ = ["main"]
