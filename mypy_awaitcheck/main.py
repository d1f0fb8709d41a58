"""The ``Plugin`` subclass: reads the config and dispatches hooks, nothing else.

A hook is handed out only for names that the module being checked awaits, so
every other call costs mypy nothing extra (see ``hook_gate``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, TypeVar

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

from mypy_awaitcheck.config import AwaitCheckConfig, load_config
from mypy_awaitcheck.errorcodes import CODES_BY_NAME
from mypy_awaitcheck.guard import guarded
from mypy_awaitcheck.untyped.conftest_files import (
    ConftestDigests,
    conftest_dependencies,
    sees_conftests,
)

if TYPE_CHECKING:
    from mypy_awaitcheck.components import Components


HookT = TypeVar("HookT")

# The getters this plugin has no hook for. mypy asks each for every name it analyzes
# (the type analyze hook, for every name in every annotation), and a question to a
# plugin class written in Python is a method lookup plus a call into mypy's compiled
# base method. The instance answers them with a C function instead, as cheap as a
# dict lookup: ``{}.get(fullname)`` is None. Each takes the name alone (tested).
UNUSED_GETTERS: Final = (
    "get_type_analyze_hook",
    "get_function_signature_hook",
    "get_method_signature_hook",
    "get_class_attribute_hook",
    "get_class_decorator_hook",
    "get_class_decorator_hook_2",
    "get_metaclass_hook",
    "get_base_class_hook",
    "get_customize_class_mro_hook",
    "get_dynamic_class_hook",
)
_NO_HOOKS: Final[dict[str, None]] = {}


class AwaitCheckPlugin(Plugin):
    def __init__(self, options: Options) -> None:
        super().__init__(options)
        self._config = load_config(options.config_file)
        _apply_code_switches(self._config, options)
        self._config_data = self._config.report_data()
        self._conftest_digests = ConftestDigests()
        self._components: Components | None = None
        for getter in UNUSED_GETTERS:
            setattr(self, getter, _NO_HOOKS.get)

    def _parts(self) -> Components:
        """The working parts, built at first use."""
        if self._components is None:
            from mypy_awaitcheck.components import Components

            self._components = Components(
                self, self.options, self._config, self._known_modules, self.lookup_fully_qualified
            )
        return self._components

    def _known_modules(self) -> dict[str, MypyFile]:
        return self._modules or {}

    # mypy asks the three hook getters for every call and attribute it checks. The
    # first question builds the parts and puts the gate's getter in the method's place
    # on this instance, so that every later question is one Python call.

    def get_function_hook(self, fullname: str) -> Callable[[FunctionContext], Type] | None:
        hooks = self._parts().hooks
        getter = self._install_getter(
            "get_function_hook", hooks.function_hook, hooks.function_value_hook
        )
        return getter(fullname)

    def get_method_hook(self, fullname: str) -> Callable[[MethodContext], Type] | None:
        hooks = self._parts().hooks
        getter = self._install_getter("get_method_hook", hooks.method_hook, hooks.method_value_hook)
        return getter(fullname)

    def get_attribute_hook(self, fullname: str) -> Callable[[AttributeContext], Type] | None:
        # An attribute's value is never a call's coroutine: no value hook.
        getter = self._install_getter(
            "get_attribute_hook", self._parts().hooks.attribute_hook, _NO_HOOKS.get
        )
        return getter(fullname)

    def _install_getter(
        self,
        method: str,
        hook_of: Callable[[str], HookT],
        value_hook_of: Callable[[str], HookT | None],
    ) -> Callable[[str], HookT | None]:
        getter = self._parts().gate.getter(hook_of, value_hook_of)
        setattr(self, method, getter)
        return getter

    def get_additional_deps(self, file: MypyFile) -> list[tuple[int, str, int]]:
        return guarded(lambda: conftest_dependencies(file), [])

    def get_additional_indirect_deps(self, file: MypyFile) -> set[str]:
        self._parts().after_check.run(file)
        return set()

    def report_config_data(self, ctx: ReportConfigContext) -> Any:
        if not isinstance(ctx.path, str) or not sees_conftests(ctx.path):
            return self._config_data  # asked for every module, also in fully cached runs
        conftests: dict[str, str] = guarded(
            lambda: self._conftest_digests.for_module(ctx.id, ctx.path), {}
        )
        return {"config": self._config_data, "conftests": conftests} if conftests else self._config_data


def _apply_code_switches(config: AwaitCheckConfig, options: Options) -> None:
    """Make the plugin-side lists act like mypy's own code switches."""
    for name in config.enable:
        options.enabled_error_codes.add(CODES_BY_NAME[name])
        options.disabled_error_codes.discard(CODES_BY_NAME[name])
    for name in config.disable:
        options.disabled_error_codes.add(CODES_BY_NAME[name])
        options.enabled_error_codes.discard(CODES_BY_NAME[name])
