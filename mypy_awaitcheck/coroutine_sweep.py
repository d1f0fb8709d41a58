"""The coroutine-value checks after a module's check, on the calls typed as coroutines.

Which call returns a coroutine is mostly known only to the type checker:
``obj.method()`` cannot be resolved before it. Hooking every call that might
would make mypy do extra work on most calls of a module. Instead, right after
the module's check, while its bodies and its type map are still there, the
calls the module index collected are looked up in the type map, and the few
typed ``Coroutine`` that are not awaited go through ``coroutine_values``, which
only then needs how their values are used.

The daemon re-checks single functions of a module without this after-check, so
there the hooks run the same checks instead (``ModuleIndex.names_for_rechecks``);
where it checks a module whole, the after-check runs as in any other run.
Calls in bodies mypy does not check have no type: ``untyped`` covers them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from mypy.nodes import MypyFile, TypeInfo
from mypy.types import AnyType, Instance, NoneType

from mypy_awaitcheck.coroutine_values import CoroutineValueCheck
from mypy_awaitcheck.hook_gate import HookGate
from mypy_awaitcheck.module_index import ModuleIndexes
from mypy_awaitcheck.mypy_compat import (
    after_check_errors,
    errors_of,
    final_types,
    refresh_unused_ignores,
    reporting_scope,
)
from mypy_awaitcheck.typepredicates import COROUTINE, coroutine_result

# Call results that are never coroutines, told by their class alone.
NEVER_COROUTINES: Final = frozenset({NoneType, AnyType})


class CoroutineSweep:
    def __init__(
        self,
        gate: HookGate,
        indexes: ModuleIndexes,
        values: CoroutineValueCheck,
        modules: Callable[[], dict[str, MypyFile]],
    ) -> None:
        self._gate = gate
        self._indexes = indexes
        self._values = values
        self._modules = modules

    def run(self, tree: MypyFile) -> None:
        checker = self._gate.checker_of(tree)
        if checker is None:
            return
        errors = after_check_errors(errors_of(checker), tree)
        types = final_types(checker)
        if errors is None or types is None:
            return
        index = self._indexes.for_tree(tree)
        awaited = index.awaited
        checked = False
        # Every call of the module comes through here: the result's class decides most of
        # them, looked up once per class and module (the daemon may change a class's bases).
        coroutine_classes: dict[TypeInfo, bool] = {}
        for call in index.calls:
            if call in awaited:
                continue
            result = types.get(call)
            if result is None:
                continue
            kind = type(result)
            if kind is Instance:
                info = result.type  # type: ignore[attr-defined]  # by the exact type above
                is_coroutine = coroutine_classes.get(info)
                if is_coroutine is None:
                    is_coroutine = coroutine_classes[info] = info.has_base(COROUTINE)
                if not is_coroutine:
                    continue
            elif kind in NEVER_COROUTINES:
                continue
            if coroutine_result(result) is None:
                continue
            # Reported as if from the check: with the function's context and daemon target.
            enclosing = index.enclosing_definitions(call)
            with reporting_scope(errors, self._modules(), tree.fullname, enclosing):
                self._values.check_call(checker, call, result, during_check=False)
            checked = True
        if checked:
            refresh_unused_ignores(errors, tree.path)
