"""The plugin's error codes, one namespace, each registered with mypy at import.

Core codes that already cover part of the ground (``misc``, ``unused-coroutine``,
``unused-awaitable``, ``truthy-bool``, ``await-not-async``) are never reused.
"""

from __future__ import annotations

from typing import Final

from mypy.errorcodes import ErrorCode

CATEGORY: Final = "async"

AWAIT_SYNC_CALL: Final = ErrorCode(
    "await-sync-call",
    "Awaiting the result of a synchronous call, which is not awaitable",
    CATEGORY,
)
AWAIT_SYNC_ANY: Final = ErrorCode(
    "await-sync-any",
    'Awaiting the result of a synchronous function annotated "-> Any"',
    CATEGORY,
    default_enabled=False,
)

ALL_CODES: Final[tuple[ErrorCode, ...]] = (AWAIT_SYNC_CALL, AWAIT_SYNC_ANY)
CODES_BY_NAME: Final[dict[str, ErrorCode]] = {code.code: code for code in ALL_CODES}
