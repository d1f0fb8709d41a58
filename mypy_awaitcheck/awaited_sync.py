"""Check family: ``await`` on a call (or property) whose result is not awaitable.

mypy reports typed cases with a generic ``Incompatible types in "await"`` [misc]
error and is silent on unannotated callees. The plugin reports one dedicated
error naming the callee and the fix, and returns ``Awaitable[T]`` so that mypy's
own error disappears and ``x = await f()`` keeps ``x: T``. Unannotated callees
are judged by their bodies (``sync_inference``). Everything whose result may be
awaitable (``Any``, unions with an awaitable member, ``Awaitable`` protocols) is
left alone; a callee explicitly annotated ``-> Any`` is reported only under the
default-off ``await-sync-any`` code.
"""

from __future__ import annotations

from mypy.checker import TypeChecker
from mypy.errorcodes import ErrorCode
from mypy.message_registry import ErrorMessage
from mypy.messages import format_type
from mypy.nodes import Context, Decorator, OverloadedFuncDef, TypeInfo
from mypy.types import Type

from mypy_awaitcheck import messages
from mypy_awaitcheck.callee import Callee, Lookup, async_variant, plain_function
from mypy_awaitcheck.errorcodes import AWAIT_SYNC_ANY, AWAIT_SYNC_CALL
from mypy_awaitcheck.module_index import ModuleIndexes
from mypy_awaitcheck.sync_inference import SyncReturnInference
from mypy_awaitcheck.typepredicates import (
    awaitable_of,
    is_async_iterable,
    is_awaitable,
    is_explicit_any,
    is_unannotated_any,
)


class AwaitedSyncCheck:
    def __init__(
        self, indexes: ModuleIndexes, inference: SyncReturnInference, lookup: Lookup
    ) -> None:
        self._indexes = indexes
        self._inference = inference
        self._lookup = lookup

    def is_awaited(self, api: TypeChecker, context: Context) -> bool:
        return context in self._indexes.for_tree(api.tree).awaited

    def check_call(
        self, api: TypeChecker, context: Context, callee: Callee | None, result: Type
    ) -> Type:
        """The call's result type, made awaitable after reporting a sync call."""
        if callee is None or not self.is_awaited(api, context):
            return result
        if is_unannotated_any(result):
            func = plain_function(callee.definition)
            if func is not None and self._inference.never_returns_awaitable(func, api):
                message = messages.AWAITED_INFERRED_SYNC_FUNCTION
                self._report(api, context, callee, message.format(callee=callee.display_name))
            return result
        if is_explicit_any(result):
            if _enabled(api, AWAIT_SYNC_ANY):
                message = messages.AWAITED_ANY_FUNCTION.format(callee=callee.display_name)
                api.fail(message, context, code=message.code)
            return result
        if is_awaitable(api, result) or not _enabled(api, AWAIT_SYNC_CALL):
            return result
        self._report(api, context, callee, self._sync_call_message(api, callee, result))
        return awaitable_of(api, result)

    def check_property(
        self, api: TypeChecker, context: Context, callee: Callee | None, result: Type
    ) -> Type:
        if (
            callee is None
            or not _is_property(callee.definition)
            or not self.is_awaited(api, context)
            or is_awaitable(api, result)
            or not _enabled(api, AWAIT_SYNC_CALL)
        ):
            return result
        returns = format_type(result, api.options)
        message = messages.AWAITED_PROPERTY.format(callee=callee.display_name, returns=returns)
        self._report(api, context, callee, message)
        return awaitable_of(api, result)

    def _sync_call_message(self, api: TypeChecker, callee: Callee, result: Type) -> ErrorMessage:
        if isinstance(callee.definition, TypeInfo):
            return messages.AWAITED_CLASS.format(callee=callee.display_name)
        if is_async_iterable(api, result):
            return messages.AWAITED_ASYNC_GENERATOR.format(callee=callee.display_name)
        returns = format_type(result, api.options)
        return messages.AWAITED_SYNC_FUNCTION.format(callee=callee.display_name, returns=returns)

    def _report(
        self, api: TypeChecker, context: Context, callee: Callee, message: ErrorMessage
    ) -> None:
        api.fail(message, context, code=message.code)
        variant = async_variant(callee, self._lookup)
        if variant is not None:
            note = messages.ASYNC_VARIANT_NOTE.format(variant=variant)
            api.note(note.value, context, code=note.code)


def _enabled(api: TypeChecker, code: ErrorCode) -> bool:
    return api.errors.is_error_code_enabled(code)


def _is_property(node: object) -> bool:
    if isinstance(node, OverloadedFuncDef):
        return node.is_property
    return isinstance(node, Decorator) and node.func.is_property
