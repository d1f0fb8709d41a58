"""The hook callables mypy receives: delegation first, then the checks, never a crash.

Returning a hook for a name hides the hooks that mypy's ``DefaultPlugin`` and any
later plugin have for it (the chain stops at the first plugin that answers), so
each hook first calls the next plugin's hook and checks the type it produced.
An exception inside a check must not become a mypy INTERNAL ERROR: it is
swallowed and the check skipped (``guard``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Final, TypeVar

from mypy.checker import TypeChecker
from mypy.plugin import AttributeContext, FunctionContext, MethodContext
from mypy.types import Type

from mypy_awaitcheck.awaited_sync import AwaitedSyncCheck
from mypy_awaitcheck.callee import attribute_callee, function_callee, method_callee
from mypy_awaitcheck.coroutine_checks import CoroutineChecks
from mypy_awaitcheck.guard import guarded
from mypy_awaitcheck.mypy_compat import next_hook


ContextT = TypeVar("ContextT", FunctionContext, MethodContext, AttributeContext)
Hook = Callable[[ContextT], Type]

_NO_HOOK: Final = object()


class Hooks:
    def __init__(
        self, owner: object, check: AwaitedSyncCheck, coroutines: CoroutineChecks
    ) -> None:
        self._owner = owner
        self._check = check
        self._coroutines = coroutines
        self._hooks: dict[tuple[str, str, Callable[..., Type]], Callable[..., Type]] = {}
        self._delegates: dict[tuple[str, str], object] = {}

    def function_hook(self, fullname: str) -> Hook[FunctionContext]:
        return self._hook("get_function_hook", fullname, self._on_function_call)

    def method_hook(self, fullname: str) -> Hook[MethodContext]:
        return self._hook("get_method_hook", fullname, self._on_method_call)

    def attribute_hook(self, fullname: str) -> Hook[AttributeContext]:
        return self._hook("get_attribute_hook", fullname, self._on_attribute)

    # For names hooked only while the daemon re-checks single functions (``hook_gate``):
    # such calls are not awaited and hand over no async function, so what remains to
    # judge is the coroutine value, which the after-check judges in every other check.

    def function_value_hook(self, fullname: str) -> Hook[FunctionContext]:
        return self._hook("get_function_hook", fullname, self._on_call_value)

    def method_value_hook(self, fullname: str) -> Hook[MethodContext]:
        return self._hook("get_method_hook", fullname, self._on_call_value)

    def _hook(self, getter: str, fullname: str, handler: Callable[..., Type]) -> Hook[ContextT]:
        cached = (getter, fullname, handler)
        hook = self._hooks.get(cached)
        if hook is None:
            hook = self._hooks[cached] = partial(handler, (getter, fullname))
        return hook

    def _delegated(
        self,
        key: tuple[str, str],
        ctx: FunctionContext | MethodContext | AttributeContext,
        default: Type,
    ) -> Type:
        """The type the next plugin's hook gives for ``ctx``, or mypy's ``default``."""
        delegate = self._delegates.get(key)
        if delegate is None:
            delegate = next_hook(ctx.api, self._owner, *key) or _NO_HOOK
            self._delegates[key] = delegate
        return default if delegate is _NO_HOOK else delegate(ctx)  # type: ignore[operator]

    def _on_function_call(self, key: tuple[str, str], ctx: FunctionContext) -> Type:
        result = self._delegated(key, ctx, ctx.default_return_type)
        self._guarded(
            result, lambda api: self._coroutines.check_function_call(api, ctx, result), ctx.api
        )
        return self._guarded(
            result, lambda api: self._check.check_call(
                api, ctx.context, partial(function_callee, ctx.context), result
            ), ctx.api
        )

    def _on_method_call(self, key: tuple[str, str], ctx: MethodContext) -> Type:
        result = self._delegated(key, ctx, ctx.default_return_type)
        self._guarded(
            result,
            lambda api: self._coroutines.check_method_call(api, ctx, key[1], result),
            ctx.api,
        )
        return self._guarded(
            result, lambda api: self._check.check_call(
                api, ctx.context, partial(method_callee, ctx.context, ctx.type, key[1]), result
            ), ctx.api
        )

    def _on_call_value(self, key: tuple[str, str], ctx: FunctionContext | MethodContext) -> Type:
        result = self._delegated(key, ctx, ctx.default_return_type)
        return self._guarded(
            result, lambda api: self._coroutines.check_value(api, ctx, result), ctx.api
        )

    def _on_attribute(self, key: tuple[str, str], ctx: AttributeContext) -> Type:
        result = self._delegated(key, ctx, ctx.default_attr_type)
        if ctx.is_lvalue:
            return result
        return self._guarded(
            result, lambda api: self._check.check_property(
                api, ctx.context, partial(attribute_callee, ctx.type, key[1]), result
            ), ctx.api
        )

    def _guarded(self, fallback: Type, check: Callable[[TypeChecker], Type], api: object) -> Type:
        if not isinstance(api, TypeChecker):
            return fallback
        return guarded(lambda: check(api), fallback)

