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

from collections.abc import Callable

from mypy.checker import TypeChecker
from mypy.errorcodes import ErrorCode
from mypy.message_registry import ErrorMessage
from mypy.messages import format_type
from mypy.nodes import Context, Decorator, OverloadedFuncDef, TypeInfo
from mypy.options import Options
from mypy.types import Type, UnionType, get_proper_type

from mypy_awaitcheck import messages
from mypy_awaitcheck.callee import Callee, Lookup, async_variant, plain_function
from mypy_awaitcheck.errorcodes import AWAIT_SYNC_ANY
from mypy_awaitcheck.module_index import ModuleIndexes
from mypy_awaitcheck.sync_inference import SyncReturnInference
from mypy_awaitcheck.typepredicates import (
    TypeFactory,
    awaitable_of,
    is_async_iterable,
    is_awaitable,
    is_awaitable_instance,
    is_explicit_any,
    is_unannotated_any,
)

CalleeOf = Callable[[], Callee | None]  # resolved only when needed


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
        self, api: TypeChecker, context: Context, callee_of: CalleeOf, result: Type
    ) -> Type:
        """The call's result type, made awaitable after reporting a sync call.

        The callee is resolved only for awaited calls: a name that is awaited once gets
        a hook for all its calls in the module.
        """
        if not self.is_awaited(api, context) or is_awaitable_instance(result):
            return result  # the common case, told without resolving the callee
        callee = callee_of()
        if callee is None:
            return result
        message = awaited_call_problem(api, api.options, self._inference, callee, result)
        if message is None or not _enabled(api, message.code):
            return result
        if message.code is AWAIT_SYNC_ANY:
            api.fail(message, context, code=message.code)
            return result
        self._report(api, context, callee, message)
        return result if is_unannotated_any(result) else awaitable_of(api, result)

    def check_property(
        self, api: TypeChecker, context: Context, callee_of: CalleeOf, result: Type
    ) -> Type:
        if not self.is_awaited(api, context):
            return result
        callee = callee_of()
        if callee is None:
            return result
        message = awaited_property_problem(api, api.options, callee, result)
        if message is None or not _enabled(api, message.code):
            return result
        self._report(api, context, callee, message)
        return awaitable_of(api, result)

    def _report(
        self, api: TypeChecker, context: Context, callee: Callee, message: ErrorMessage
    ) -> None:
        api.fail(message, context, code=message.code)
        note = async_variant_note(callee, self._lookup)
        if note is not None:
            api.note(note.value, context, code=note.code)


def awaited_call_problem(
    types: TypeFactory,
    options: Options,
    inference: SyncReturnInference,
    callee: Callee,
    result: Type,
) -> ErrorMessage | None:
    """What is wrong with awaiting a call of ``callee`` that returns ``result``, if anything.

    Shared by the hooks and by the pass over unannotated bodies, so that both
    judge a callee alike; whether the message's code is enabled is the caller's.
    """
    if is_unannotated_any(result):
        func = plain_function(callee.definition)
        if func is not None and inference.never_returns_awaitable(func, types):
            return messages.AWAITED_INFERRED_SYNC_FUNCTION.format(callee=callee.display_name)
        return None
    if is_explicit_any(result):
        return messages.AWAITED_ANY_FUNCTION.format(callee=callee.display_name)
    if _may_be_awaitable(types, result):
        return None
    if isinstance(callee.definition, TypeInfo):
        return messages.AWAITED_CLASS.format(callee=callee.display_name)
    if is_async_iterable(types, result):
        return messages.AWAITED_ASYNC_GENERATOR.format(callee=callee.display_name)
    returns = format_type(result, options)
    return messages.AWAITED_SYNC_FUNCTION.format(callee=callee.display_name, returns=returns)


def awaited_property_problem(
    types: TypeFactory, options: Options, callee: Callee, result: Type
) -> ErrorMessage | None:
    """What is wrong with awaiting the value of a property, if anything."""
    if not _is_property(callee.definition) or _may_be_awaitable(types, result):
        return None
    returns = format_type(result, options)
    return messages.AWAITED_PROPERTY.format(callee=callee.display_name, returns=returns)


def async_variant_note(callee: Callee, lookup: Lookup) -> ErrorMessage | None:
    """The note naming an ``async def`` sibling of a synchronous callee, if one exists."""
    variant = async_variant(callee, lookup)
    return None if variant is None else messages.ASYNC_VARIANT_NOTE.format(variant=variant)


def _enabled(api: TypeChecker, code: ErrorCode | None) -> bool:
    return code is not None and api.errors.is_error_code_enabled(code)


def _may_be_awaitable(types: TypeFactory, result: Type) -> bool:
    """Awaitable, or a union with an awaitable member (``Task | None``): awaiting it may
    be right, and what mypy says about the other members is enough."""
    proper = get_proper_type(result)
    items = proper.items if isinstance(proper, UnionType) else [proper]
    return any(is_awaitable(types, item) for item in items)


def _is_property(node: object) -> bool:
    if isinstance(node, OverloadedFuncDef):
        return node.is_property
    return isinstance(node, Decorator) and node.func.is_property
