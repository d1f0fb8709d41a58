"""The pass over unannotated bodies, run once per module right after mypy checked it.

mypy checks an unannotated function's body only under ``check_untyped_defs``, and
no plugin hook fires inside one, so mistakes there go unreported. This pass runs
from the after-check hook (``get_additional_indirect_deps``, while names are
resolved and bodies still there), finds what each unchecked body awaits (``walk``,
``values``) and reports it through mypy's own ``Errors``, scoped to the function:
file, line, ``# type: ignore[code]``, per-module options and the cache all work as
for mypy's errors. A module is skipped when mypy reports nothing for it (silenced
or third-party) and when ``check_untyped_defs`` is on for it, because the hooks
then see those bodies and report them already. It never adds dependencies.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from mypy.nodes import MypyFile

from mypy_awaitcheck.callee import Lookup
from mypy_awaitcheck.mypy_compat import after_check_errors, find_build_manager, reporting_scope
from mypy_awaitcheck.sync_inference import SyncReturnInference
from mypy_awaitcheck.typepredicates import TypeFactory
from mypy_awaitcheck.untyped.checks import AwaitedSyncInUnchecked, Finding
from mypy_awaitcheck.untyped.values import ValueResolver
from mypy_awaitcheck.untyped.walk import UncheckedBody, walk_module

_NOT_SEARCHED: Final = object()


class UntypedBodyPass:
    def __init__(
        self,
        modules: Callable[[], dict[str, MypyFile]],
        inference: SyncReturnInference,
        types: TypeFactory,
        lookup: Lookup,
    ) -> None:
        self._modules = modules
        self._types = types
        self._awaited_sync = AwaitedSyncInUnchecked(inference, types, lookup)
        self._manager: Any = _NOT_SEARCHED
        self._manager_modules: object = None

    def run(self, tree: MypyFile) -> None:
        if tree.is_stub:
            return
        errors = after_check_errors(self._build_manager(), tree)
        if errors is None or errors.options.check_untyped_defs:
            return
        walk = walk_module(tree, check_untyped_defs=False)
        if not walk.unchecked:
            return
        values = ValueResolver(walk, self._types)
        for body in walk.unchecked:
            findings = self._awaited_sync.findings(body, values, errors.options)
            if findings:
                self._report(errors, tree, body, findings)

    def _report(self, errors: Any, tree: MypyFile, body: UncheckedBody, findings: list[Finding]) -> None:
        with reporting_scope(errors, self._modules(), tree.fullname, body.scope) as builder:
            for finding in findings:
                error = builder.fail(finding.message.value, finding.context, code=finding.message.code)
                if finding.note is not None:
                    builder.note(
                        finding.note.value, finding.context, code=finding.note.code, parent_error=error
                    )

    def _build_manager(self) -> Any:
        """mypy's BuildManager, searched once per build (a daemon may start a new one)."""
        modules = self._modules()
        if self._manager is _NOT_SEARCHED or self._manager_modules is not modules:
            self._manager = find_build_manager(modules)
            self._manager_modules = modules
        return self._manager
