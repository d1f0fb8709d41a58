"""The pass over unannotated bodies, run once per module right after mypy checked it.

mypy checks an unannotated function's body only under ``check_untyped_defs``, and
no plugin hook fires inside one, so mistakes there go unreported. This pass runs
from the after-check hook (``get_additional_indirect_deps``, while names are
resolved and bodies still there), resolves what each unchecked body awaits and uses
(``walk``, ``values``), judges it like the typed path (``checks``: awaited sync calls;
``coroutines``: coroutines used as values) and reports through mypy's own ``Errors``,
scoped to the function: file, line, ``# type: ignore[code]``, per-module options and
the cache all work as for mypy's errors (for the daemon, see ``daemon``). A module
is skipped when mypy reports nothing for it (silenced or third-party) and when
``check_untyped_defs`` is on for it, because the hooks then see those bodies and
report them already. A ``conftest.py`` also has its fixture values recorded for the
test modules below it (``conftest``), and every module what its unannotated
factories return (``returns``). It never adds indirect dependencies.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from mypy.errors import ErrorInfo, Errors
from mypy.nodes import MypyFile

from mypy_awaitcheck.callee import Lookup
from mypy_awaitcheck.module_index import ModuleIndexes
from mypy_awaitcheck.mypy_compat import (
    after_check_errors,
    errors_of_file,
    in_daemon,
    refresh_unused_ignores,
    reporting_scope,
)
from mypy_awaitcheck.sync_inference import SyncReturnInference
from mypy_awaitcheck.typepredicates import TypeFactory
from mypy_awaitcheck.untyped.conftest import ConftestFixtures
from mypy_awaitcheck.untyped.conftest_files import is_conftest
from mypy_awaitcheck.untyped.returns import ReturnedValues, factory_candidates
from mypy_awaitcheck.untyped.walk import UncheckedBody, has_unchecked_function, walk_module

if TYPE_CHECKING:
    from mypy_awaitcheck.untyped.checks import AwaitedSyncInUnchecked, Finding
    from mypy_awaitcheck.untyped.coroutines import CoroutineUsesInUnchecked
    from mypy_awaitcheck.untyped.daemon import KeptFindings

class UntypedBodyPass:
    def __init__(
        self,
        modules: Callable[[], dict[str, MypyFile]],
        inference: SyncReturnInference,
        types: TypeFactory,
        lookup: Lookup,
        conftests: ConftestFixtures,
        returned: ReturnedValues,
        indexes: ModuleIndexes,
        build_errors: Callable[[], Errors | None],
    ) -> None:
        self._modules = modules
        self._build_errors = build_errors
        self._types = types
        self._conftests = conftests
        self._returned = returned
        self._indexes = indexes
        self._inference = inference
        self._lookup = lookup
        # Built at first need: most modules are annotated throughout, and the modules
        # behind these cost more to import than a warm run spends on the plugin.
        self._checks: tuple[AwaitedSyncInUnchecked, CoroutineUsesInUnchecked] | None = None
        self._kept: KeptFindings | None = None

    def run(self, tree: MypyFile) -> None:
        if tree.is_stub:
            return
        errors = after_check_errors(self._build_errors(), tree)
        reported = self._check(tree, errors) if errors is not None else []
        if errors is not None and in_daemon(errors):
            kept = self._kept or self._keep_findings()
            kept.replace(tree, reported)
            kept.restore_others(errors, tree, self._modules())
        if reported:
            assert errors is not None
            refresh_unused_ignores(errors, tree.path)

    def _check(self, tree: MypyFile, errors: Errors | None) -> list[ErrorInfo]:
        """Record what other modules need from this one's bodies, then report in it."""
        checks = errors is not None and not errors.options.check_untyped_defs
        factories = list(factory_candidates(tree))
        conftest = is_conftest(tree)
        if not (factories or conftest or (checks and has_unchecked_function(tree))):
            self._returned.record(tree, {})
            return []
        from mypy_awaitcheck.untyped.values import ValueResolver

        walk = walk_module(tree)
        values = ValueResolver(walk, self._types, self._conftests, self._returned, self._modules())
        # Recorded for the modules checked later, which will not see these bodies.
        self._returned.record(tree, {f.fullname: values.returned_value(f) for f in factories})
        if conftest:
            fixtures = values.fixtures
            self._conftests.record(tree, fixtures.module_fixture_values(), fixtures.generates_tests())
        if errors is None or not checks or not walk.unchecked:
            return []
        before = len(errors_of_file(errors, tree.path))
        uses = self._indexes.for_tree(tree).uses
        awaited_sync, coroutines = self._checks or self._build_checks()
        for body in walk.unchecked:
            findings = awaited_sync.findings(body, values, errors.options)
            findings += coroutines.findings(body, values, uses)
            if findings:
                self._report(errors, tree, body, findings)
        return errors_of_file(errors, tree.path)[before:]

    def _build_checks(self) -> tuple[AwaitedSyncInUnchecked, CoroutineUsesInUnchecked]:
        from mypy_awaitcheck.untyped.checks import AwaitedSyncInUnchecked
        from mypy_awaitcheck.untyped.coroutines import CoroutineUsesInUnchecked

        self._checks = (
            AwaitedSyncInUnchecked(self._inference, self._types, self._lookup),
            CoroutineUsesInUnchecked(self._lookup),
        )
        return self._checks

    def _keep_findings(self) -> KeptFindings:
        from mypy_awaitcheck.untyped.daemon import KeptFindings

        self._kept = KeptFindings()
        return self._kept

    def _report(
        self, errors: Errors, tree: MypyFile, body: UncheckedBody, findings: list[Finding]
    ) -> None:
        with reporting_scope(errors, self._modules(), tree.fullname, body.scope) as builder:
            for finding in findings:
                message = finding.message
                error = builder.fail(message.value, finding.context, code=message.code)
                if finding.note is not None:
                    note = finding.note
                    builder.note(note.value, finding.context, code=note.code, parent_error=error)
