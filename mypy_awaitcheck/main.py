"""The ``Plugin`` subclass: reads the config and dispatches hooks, nothing else.

A hook is handed out only for names that the module being checked awaits, so
every other call costs mypy nothing extra (see ``hook_gate``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mypy.nodes import MypyFile
from mypy.options import Options
from mypy.plugin import (
    AttributeContext,
    FunctionContext,
    MethodContext,
    Plugin,
    ReportConfigContext,
)
from mypy.types import Type

from mypy_awaitcheck.after_check import AfterCheck
from mypy_awaitcheck.awaited_sync import AwaitedSyncCheck
from mypy_awaitcheck.config import AwaitCheckConfig, load_config
from mypy_awaitcheck.coroutine_checks import CoroutineChecks
from mypy_awaitcheck.errorcodes import CODES_BY_NAME
from mypy_awaitcheck.hook_gate import HookGate
from mypy_awaitcheck.hooks import Hooks, guarded
from mypy_awaitcheck.module_index import ModuleIndexes
from mypy_awaitcheck.sync_inference import SyncReturnInference
from mypy_awaitcheck.typepredicates import LookupTypeFactory
from mypy_awaitcheck.untyped.conftest import ConftestFixtures
from mypy_awaitcheck.untyped.driver import UntypedBodyPass
from mypy_awaitcheck.untyped.returns import ReturnedValues
from mypy_awaitcheck.verdict_store import VerdictStore


class AwaitCheckPlugin(Plugin):
    def __init__(self, options: Options) -> None:
        super().__init__(options)
        self._config = load_config(options.config_file)
        _apply_code_switches(self._config, options)
        indexes = ModuleIndexes()
        inference = SyncReturnInference(VerdictStore.for_options(options))
        self._gate = HookGate(indexes, lambda: self._modules)
        self._hooks = Hooks(
            self,
            AwaitedSyncCheck(indexes, inference, self.lookup_fully_qualified),
            CoroutineChecks(indexes, self._config.consumers),
        )
        types = LookupTypeFactory(self.lookup_fully_qualified)
        self._after_check = AfterCheck(inference, types)
        self._conftests = ConftestFixtures.for_options(options, self.lookup_fully_qualified)
        self._untyped = UntypedBodyPass(
            lambda: self._modules,
            inference,
            types,
            self.lookup_fully_qualified,
            self._conftests,
            ReturnedValues.for_options(options, self.lookup_fully_qualified),
            indexes,
        )

    def get_function_hook(self, fullname: str) -> Callable[[FunctionContext], Type] | None:
        return self._hooks.function_hook(fullname) if self._gate.wants(fullname) else None

    def get_method_hook(self, fullname: str) -> Callable[[MethodContext], Type] | None:
        return self._hooks.method_hook(fullname) if self._gate.wants(fullname) else None

    def get_attribute_hook(self, fullname: str) -> Callable[[AttributeContext], Type] | None:
        return self._hooks.attribute_hook(fullname) if self._gate.wants(fullname) else None

    def get_additional_deps(self, file: MypyFile) -> list[tuple[int, str, int]]:
        return guarded(lambda: self._conftests.dependencies(file), [])

    def get_additional_indirect_deps(self, file: MypyFile) -> set[str]:
        self._after_check.run(file)
        guarded(lambda: self._untyped.run(file), None)
        return set()

    def report_config_data(self, ctx: ReportConfigContext) -> Any:
        conftests = guarded(lambda: self._conftests.config_data(ctx.id, ctx.path), {})
        return {**self._config.report_data(), **({"conftests": conftests} if conftests else {})}


def _apply_code_switches(config: AwaitCheckConfig, options: Options) -> None:
    """Make the plugin-side lists act like mypy's own code switches."""
    for name in config.enable:
        options.enabled_error_codes.add(CODES_BY_NAME[name])
        options.disabled_error_codes.discard(CODES_BY_NAME[name])
    for name in config.disable:
        options.disabled_error_codes.add(CODES_BY_NAME[name])
        options.enabled_error_codes.discard(CODES_BY_NAME[name])
