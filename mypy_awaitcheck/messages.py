"""Every message the plugin prints, each bound to its error code.

Messages name the callee and say the fix. Types are rendered by the caller with
mypy's ``format_type`` so that they read like mypy's own messages.
"""

from __future__ import annotations

from typing import Final

from mypy.message_registry import ErrorMessage

from mypy_awaitcheck.errorcodes import AWAIT_SYNC_ANY, AWAIT_SYNC_CALL

AWAITED_SYNC_FUNCTION: Final = ErrorMessage(
    '"{callee}" is synchronous and returns {returns}, which is not awaitable; remove "await"',
    AWAIT_SYNC_CALL,
)
AWAITED_INFERRED_SYNC_FUNCTION: Final = ErrorMessage(
    '"{callee}" is synchronous and, judging by its body, never returns an awaitable;'
    ' remove "await"',
    AWAIT_SYNC_CALL,
)
AWAITED_CLASS: Final = ErrorMessage(
    '"{callee}" is a class whose instances are not awaitable; remove "await"', AWAIT_SYNC_CALL
)
AWAITED_PROPERTY: Final = ErrorMessage(
    'Property "{callee}" is synchronous and returns {returns}, which is not awaitable;'
    ' remove "await"',
    AWAIT_SYNC_CALL,
)
AWAITED_ASYNC_GENERATOR: Final = ErrorMessage(
    '"{callee}" is an async generator function, which cannot be awaited;'
    ' iterate over it with "async for"',
    AWAIT_SYNC_CALL,
)
ASYNC_VARIANT_NOTE: Final = ErrorMessage(
    '"{variant}" is the asynchronous variant; await that one instead', AWAIT_SYNC_CALL
)
AWAITED_ANY_FUNCTION: Final = ErrorMessage(
    '"{callee}" is synchronous and annotated to return "Any"; awaiting its result fails'
    ' at runtime unless it returns an awaitable: annotate the awaitable return type',
    AWAIT_SYNC_ANY,
)
