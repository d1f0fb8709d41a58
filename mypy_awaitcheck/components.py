"""The plugin's working parts, wired together once, on first use.

Importing and building the checks costs more than a fully cached mypy run spends
on everything else, and such a run never asks for a hook, so ``main`` builds
them only when mypy first needs one.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import MypyFile
from mypy.options import Options

from mypy_awaitcheck.after_check import AfterCheck
from mypy_awaitcheck.awaited_sync import AwaitedSyncCheck
from mypy_awaitcheck.callee import Lookup
from mypy_awaitcheck.config import AwaitCheckConfig
from mypy_awaitcheck.coroutine_checks import CoroutineChecks
from mypy_awaitcheck.coroutine_sinks import SinkPolicy
from mypy_awaitcheck.coroutine_sweep import CoroutineSweep
from mypy_awaitcheck.coroutine_values import CoroutineValueCheck
from mypy_awaitcheck.hook_gate import HookGate
from mypy_awaitcheck.hooks import Hooks
from mypy_awaitcheck.module_index import ModuleIndexes
from mypy_awaitcheck.sync_inference import SyncReturnInference
from mypy_awaitcheck.typepredicates import LookupTypeFactory
from mypy_awaitcheck.untyped.conftest import ConftestFixtures
from mypy_awaitcheck.untyped.driver import UntypedBodyPass
from mypy_awaitcheck.untyped.returns import ReturnedValues
from mypy_awaitcheck.verdict_store import VerdictStore


class Components:
    def __init__(
        self,
        owner: object,
        options: Options,
        config: AwaitCheckConfig,
        modules: Callable[[], dict[str, MypyFile]],
        lookup: Lookup,
    ) -> None:
        indexes = ModuleIndexes(in_daemon=options.fine_grained_incremental)
        inference = SyncReturnInference(VerdictStore.for_options(options))
        types = LookupTypeFactory(lookup)
        values = CoroutineValueCheck(indexes, SinkPolicy(config.consumers))
        self.gate = HookGate(indexes, modules)
        self.hooks = Hooks(
            owner,
            AwaitedSyncCheck(indexes, inference, lookup),
            CoroutineChecks(indexes, values, config.consumers),
        )
        untyped = UntypedBodyPass(
            modules,
            inference,
            types,
            lookup,
            ConftestFixtures.for_options(options, lookup),
            ReturnedValues.for_options(options, lookup),
            indexes,
            self.gate.build_errors,
        )
        sweep = CoroutineSweep(self.gate, indexes, values, modules)
        self.after_check = AfterCheck(inference, types, sweep, untyped, indexes)
