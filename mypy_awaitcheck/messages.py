"""Every message the plugin prints, each bound to its error code.

Messages name the callee and say the fix. Types are rendered by the caller with
mypy's ``format_type`` so that they read like mypy's own messages.
"""

from __future__ import annotations

from typing import Final

from mypy.message_registry import ErrorMessage

from mypy_awaitcheck.errorcodes import (
    ASYNC_CALLBACK,
    AWAIT_SYNC_ANY,
    AWAIT_SYNC_CALL,
    COROUTINE_API_MISUSE,
    COROUTINE_AS_VALUE,
    COROUTINE_NEVER_AWAITED,
)

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

# Coroutines used as values. "{callee}" is the callee as written ("fetch", "self.client.get").
COROUTINE_AS_CONDITION: Final = ErrorMessage(
    'Coroutine of "{callee}" is used as a condition and is always true;'
    ' did you mean "await {callee}(...)"?',
    COROUTINE_AS_VALUE,
)
COROUTINES_TESTED_BY: Final = ErrorMessage(
    'Coroutines of "{callee}" are always true, so "{consumer}(...)" ignores their results;'
    ' await them first, e.g. with "asyncio.gather"',
    COROUTINE_AS_VALUE,
)
COROUTINE_COMPARED: Final = ErrorMessage(
    'Coroutine of "{callee}" is compared with "{operator}", which compares the coroutine'
    ' object, not its result; did you mean "await {callee}(...)"?',
    COROUTINE_AS_VALUE,
)
COROUTINE_COMPARED_WITH_NONE: Final = ErrorMessage(
    'Coroutine of "{callee}" is never None, so "{operator} None" is always {outcome};'
    ' did you mean "await {callee}(...)"?',
    COROUTINE_AS_VALUE,
)
COROUTINE_PASSED_AS_OBJECT: Final = ErrorMessage(
    'Coroutine of "{callee}" is passed to "{sink}", which accepts any object and does not'
    ' await it; did you mean "await {callee}(...)"?',
    COROUTINE_AS_VALUE,
)
COROUTINE_FORMATTED: Final = ErrorMessage(
    'Coroutine of "{callee}" is formatted into a string, which shows the coroutine object,'
    ' not its result; did you mean "await {callee}(...)"?',
    COROUTINE_AS_VALUE,
)
COROUTINE_RETURNED_AS: Final = ErrorMessage(
    'Coroutine of "{callee}" is returned from "{function}" as {returns}, so its callers'
    ' cannot tell that it must be awaited; declare "Coroutine[...]" or "Awaitable[...]"',
    COROUTINE_AS_VALUE,
)
COROUTINE_RETURNED_FROM_ASYNC_AS: Final = ErrorMessage(
    'Coroutine of "{callee}" is returned unawaited from async function "{function}" as'
    ' {returns}; did you mean "return await {callee}(...)"?',
    COROUTINE_AS_VALUE,
)
COROUTINE_NEVER_AWAITED_IN: Final = ErrorMessage(
    'Coroutine of "{callee}" is assigned to "{name}" and never awaited;'
    ' did you mean "{name} = await {callee}(...)"?',
    COROUTINE_NEVER_AWAITED,
)
COROUTINE_OVERWRITTEN_IN: Final = ErrorMessage(
    'Coroutine of "{callee}" is assigned to "{name}" and overwritten before it is awaited;'
    ' did you mean "{name} = await {callee}(...)"?',
    COROUTINE_NEVER_AWAITED,
)
# Inside unannotated bodies, where mypy reports neither unused-coroutine nor
# attr-defined/index ("Maybe you forgot to use await?").
COROUTINE_DISCARDED: Final = ErrorMessage(
    'Coroutine of "{callee}" is discarded without being awaited;'
    ' did you mean "await {callee}(...)"?',
    COROUTINE_NEVER_AWAITED,
)
COROUTINE_ATTRIBUTE: Final = ErrorMessage(
    'Coroutine "{receiver}" has no attribute "{name}"; did you mean "(await {receiver}).{name}"?',
    COROUTINE_AS_VALUE,
)
COROUTINE_SUBSCRIPTED: Final = ErrorMessage(
    'Coroutine "{receiver}" is not subscriptable; did you mean "(await {receiver})[...]"?',
    COROUTINE_AS_VALUE,
)
COROUTINE_METHOD_LOOKALIKE: Final = ErrorMessage(
    '"{receiver}.{method}" calls the coroutine\'s own "{method}", not the one of {result};'
    ' did you mean "(await {receiver}).{method}(...)"?',
    COROUTINE_API_MISUSE,
)
ASYNC_FUNCTION_AS_CALLBACK: Final = ErrorMessage(
    'Async function "{function}" is passed to "{consumer}", which calls it but never awaits'
    ' the coroutine it returns; pass a synchronous function that schedules it',
    ASYNC_CALLBACK,
)
COROUTINE_LAMBDA_AS_CALLBACK: Final = ErrorMessage(
    'Lambda returning a coroutine is passed to "{consumer}", which calls it but never awaits'
    ' the coroutine; schedule it instead, e.g. "lambda: asyncio.create_task(...)"',
    ASYNC_CALLBACK,
)
