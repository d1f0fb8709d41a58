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

COROUTINE_AS_VALUE: Final = ErrorCode(
    "coroutine-as-value",
    "A coroutine used as a value (condition, comparison, untyped argument, string,"
    ' "-> Any" return; in unannotated code also an attribute or item) instead of being'
    " awaited",
    CATEGORY,
)
COROUTINE_NEVER_AWAITED: Final = ErrorCode(
    "coroutine-never-awaited",
    "A coroutine assigned to a local name that is never awaited, passed on or stored"
    " (in unannotated code also a discarded one)",
    CATEGORY,
)
COROUTINE_API_MISUSE: Final = ErrorCode(
    "coroutine-api-misuse",
    "A coroutine's own send/close/throw called where its awaited result's method was meant",
    CATEGORY,
)
ASYNC_CALLBACK: Final = ErrorCode(
    "async-callback",
    "An async function passed where a synchronous callback is called and its result dropped",
    CATEGORY,
)

ALL_CODES: Final[tuple[ErrorCode, ...]] = (
    AWAIT_SYNC_CALL,
    AWAIT_SYNC_ANY,
    COROUTINE_AS_VALUE,
    COROUTINE_NEVER_AWAITED,
    COROUTINE_API_MISUSE,
    ASYNC_CALLBACK,
)
CODES_BY_NAME: Final[dict[str, ErrorCode]] = {code.code: code for code in ALL_CODES}
