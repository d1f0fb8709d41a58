"""Check family: an async function handed to a slot that calls it synchronously.

``loop.call_soon(refresh)``, ``fut.add_done_callback(on_done)``,
``threading.Thread(target=serve)`` call the function and drop what it returns: for
an ``async def`` that is a coroutine nobody awaits. mypy accepts it because these
parameters are typed ``Callable[..., object]``. Reported as ``async-callback`` when
the parameter's callable returns ``object``; returning ``Any`` or a type variable
is also how frameworks type slots that do await (``Callable[..., Any]`` endpoints),
so those are reported only for the standard library's known synchronous slots
(``atexit.register``, ``signal.signal``, ``run_in_executor``, ``to_thread``...).
A slot returning ``None`` is left to mypy (``arg-type``). Functions listed in the
``consumers`` setting are trusted to await what they get.
"""

from __future__ import annotations

from typing import Final

from mypy.checker import TypeChecker
from mypy.message_registry import ErrorMessage
from mypy.nodes import AwaitExpr, CallExpr, Expression, LambdaExpr, RefExpr
from mypy.plugin import FunctionContext, MethodContext
from mypy.types import (
    AnyType,
    CallableType,
    Instance,
    Overloaded,
    Type,
    TypeVarType,
    UnionType,
    get_proper_type,
)

from mypy_awaitcheck import messages
from mypy_awaitcheck.module_index import ModuleIndexes
from mypy_awaitcheck.mypy_compat import inferred_type, report_error
from mypy_awaitcheck.typepredicates import (
    OBJECT,
    declared_parameter_type,
    fits,
    returns_coroutine,
)
from mypy_awaitcheck.value_use import ModuleValueUses, UseKind, written_name

# Slots typed with a result of Any or a type variable that still drop the result.
SYNCHRONOUS_SLOTS: Final = frozenset(
    {
        "atexit.register",
        "signal.signal",
        "weakref.finalize",
        "builtins.filter",
        "contextlib._BaseExitStack.callback",
        "concurrent.futures._base.Executor.submit",
        "concurrent.futures.thread.ThreadPoolExecutor.submit",
        "concurrent.futures.process.ProcessPoolExecutor.submit",
        "asyncio.events.AbstractEventLoop.run_in_executor",
        "asyncio.base_events.BaseEventLoop.run_in_executor",
        "asyncio.threads.to_thread",
        "anyio.to_thread.run_sync",
        "trio.to_thread.run_sync",
        "trio._threads.to_thread_run_sync",
    }
)


class AsyncCallbackCheck:
    def __init__(self, indexes: ModuleIndexes, consumers: frozenset[str]) -> None:
        self._indexes = indexes
        self._consumers = consumers

    def check_call(self, api: TypeChecker, ctx: FunctionContext | MethodContext) -> None:
        call = ctx.context
        if not isinstance(call, CallExpr):
            return
        handed = [
            (formal, arg)
            for formal, (args, types) in enumerate(zip(ctx.args, ctx.arg_types))
            for arg, typ in zip(args, types)
            if returns_coroutine(typ)
        ]
        if not handed:
            return
        callee = inferred_type(api, call.callee)
        signature = _signature(get_proper_type(callee) if callee is not None else None, ctx)
        if signature is None:
            return
        names = _fullnames(call, signature)
        if names & self._consumers:
            return
        known = bool(names & SYNCHRONOUS_SLOTS)
        uses = self._indexes.for_tree(api.tree).uses_around(call) if known else None
        if uses is not None and _awaited_and_dropped(uses, call):
            return  # the coroutine comes back out and mypy reports it (unused-coroutine)
        consumer = written_name(call.callee) or "function"
        for formal, arg in handed:
            slot = declared_parameter_type(signature, formal)
            if slot is not None and _drops_result(slot, known):
                message = _message(arg, consumer)
                report_error(api, message, arg)


def _signature(callee: object, ctx: FunctionContext | MethodContext) -> CallableType | None:
    """The signature mypy matches the call against: for overloads, the first item whose
    parameters take the arguments (the hook runs in each item's trial, with the same
    arguments, so items are told apart by their parameter types)."""
    if isinstance(callee, CallableType):
        return callee
    if not isinstance(callee, Overloaded):
        return None
    for item in callee.items:
        if (
            len(item.arg_types) == len(ctx.args)
            and item.arg_names == ctx.callee_arg_names
            and all(
                fits(actual, formal)
                for formal, actuals in zip(item.arg_types, ctx.arg_types)
                for actual in actuals
            )
        ):
            return item
    return None


def _fullnames(call: CallExpr, signature: CallableType) -> set[str]:
    names = {signature.definition.fullname} if signature.definition is not None else set()
    if isinstance(call.callee, RefExpr) and call.callee.fullname:
        names.add(call.callee.fullname)
    return names


def _awaited_and_dropped(uses: ModuleValueUses, call: CallExpr) -> bool:
    """``await loop.run_in_executor(None, job)`` as a statement: the awaited coroutine."""
    use = uses.direct_use(call)
    if use is None or use.kind is not UseKind.AWAITED or not isinstance(use.parent, AwaitExpr):
        return False
    outer = uses.use_of(use.parent)
    return outer is not None and outer.kind is UseKind.DISCARDED


def _drops_result(slot: Type, known: bool) -> bool:
    proper = get_proper_type(slot)
    if isinstance(proper, UnionType):
        return any(_drops_result(item, known) for item in proper.items)
    if not isinstance(proper, CallableType):
        return False
    returns = get_proper_type(proper.ret_type)
    if isinstance(returns, Instance):
        return returns.type.fullname == OBJECT
    return known and isinstance(returns, (AnyType, TypeVarType))


def _message(arg: Expression, consumer: str) -> ErrorMessage:
    if isinstance(arg, LambdaExpr):
        return messages.COROUTINE_LAMBDA_AS_CALLBACK.format(consumer=consumer)
    function = arg.args[0] if isinstance(arg, CallExpr) and arg.args else arg  # partial(f, ...)
    label = written_name(function) or "function"
    return messages.ASYNC_FUNCTION_AS_CALLBACK.format(function=label, consumer=consumer)
