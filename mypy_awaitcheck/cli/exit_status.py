"""Exit statuses shared by every command (the same meaning as mypy's)."""

from typing import Final

EXIT_CLEAN: Final = 0
EXIT_FOUND: Final = 1
# Usage errors, bad configuration, a blocking mypy error, a crash.
EXIT_USAGE: Final = 2
