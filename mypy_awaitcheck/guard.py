"""Running plugin code so that its bugs never become a mypy INTERNAL ERROR.

An exception escaping a hook stops the user's whole mypy run. Plugin code runs
through ``guarded``: on an exception the check is skipped and mypy carries on,
unless ``MYPY_AWAITCHECK_DEBUG`` is set (the tests set it), which re-raises.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Final, TypeVar

DEBUG_ENV: Final = "MYPY_AWAITCHECK_DEBUG"

ResultT = TypeVar("ResultT")


def guarded(action: Callable[[], ResultT], fallback: ResultT) -> ResultT:
    """``action()``, or ``fallback`` if it raises (re-raised when debugging)."""
    try:
        return action()
    except Exception:
        if os.environ.get(DEBUG_ENV):
            raise
        return fallback
