"""The coroutine checks a hooked call goes through, after mypy typed it.

One entry point for the hooks: a coroutine's own ``send``/``close``/``throw``
called by mistake (``coroutine_api``), async functions handed to synchronous
callback slots (``async_callbacks``) and, while the daemon re-checks single
functions, coroutines used as values (``coroutine_values``; otherwise
``coroutine_sweep`` runs them after the module's check). None of them changes
the call's type.
"""

from __future__ import annotations

from mypy.checker import TypeChecker
from mypy.plugin import FunctionContext, MethodContext
from mypy.types import Type

from mypy_awaitcheck.async_callbacks import AsyncCallbackCheck
from mypy_awaitcheck.coroutine_api import CoroutineApiCheck
from mypy_awaitcheck.coroutine_values import CoroutineValueCheck
from mypy_awaitcheck.module_index import ModuleIndexes
from mypy_awaitcheck.mypy_compat import rechecks_single_functions


class CoroutineChecks:
    def __init__(
        self, indexes: ModuleIndexes, values: CoroutineValueCheck, consumers: frozenset[str]
    ) -> None:
        self._values = values
        self._api = CoroutineApiCheck(indexes)
        self._callbacks = AsyncCallbackCheck(indexes, consumers)

    def check_function_call(self, api: TypeChecker, ctx: FunctionContext, result: Type) -> Type:
        return self._check_call(api, ctx, result)

    def check_method_call(
        self, api: TypeChecker, ctx: MethodContext, fullname: str, result: Type
    ) -> Type:
        self._api.check_method(api, ctx.context, fullname, ctx.type)
        return self._check_call(api, ctx, result)

    def check_value(
        self, api: TypeChecker, ctx: FunctionContext | MethodContext, result: Type
    ) -> Type:
        """The coroutine value check alone, for the daemon's single-function re-checks."""
        if rechecks_single_functions(api):
            self._values.check_call(api, ctx.context, result, during_check=True)
        return result

    def _check_call(
        self, api: TypeChecker, ctx: FunctionContext | MethodContext, result: Type
    ) -> Type:
        self.check_value(api, ctx, result)
        self._callbacks.check_call(api, ctx)
        return result
