"""Work done once per module right after mypy has type-checked it.

``Plugin.get_additional_indirect_deps`` is the one hook mypy calls for every
checked module after its check, while function bodies, resolved names and the
type map are still there (mypy frees bodies right after). The plugin uses it to
look at what hooks cannot see, in this order: verdicts about the module's
functions for the modules checked later (``sync_inference``), coroutines used as
values (``coroutine_sweep``), unannotated bodies (``untyped``). It never adds
dependencies.
"""

from __future__ import annotations

from mypy.nodes import MypyFile

from mypy_awaitcheck.coroutine_sweep import CoroutineSweep
from mypy_awaitcheck.guard import guarded
from mypy_awaitcheck.module_index import ModuleIndexes
from mypy_awaitcheck.sync_inference import SyncReturnInference
from mypy_awaitcheck.typepredicates import TypeFactory
from mypy_awaitcheck.untyped.driver import UntypedBodyPass


class AfterCheck:
    def __init__(
        self,
        inference: SyncReturnInference,
        types: TypeFactory,
        sweep: CoroutineSweep,
        untyped: UntypedBodyPass,
        indexes: ModuleIndexes,
    ) -> None:
        self._inference = inference
        self._types = types
        self._sweep = sweep
        self._untyped = untyped
        self._indexes = indexes

    def run(self, tree: MypyFile) -> None:
        guarded(lambda: self._inference.record_module(tree, self._types), None)
        guarded(lambda: self._sweep.run(tree), None)
        guarded(lambda: self._untyped.run(tree), None)
        # Outside the daemon mypy frees the bodies next; the daemon's later re-checks of
        # single functions build an index of their own.
        self._indexes.forget(tree)
