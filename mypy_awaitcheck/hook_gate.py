"""Which names get a hook: only those the module being checked needs.

mypy asks ``get_*_hook(fullname)`` for every call and attribute, twice per call,
before any context exists, and a returned hook makes mypy do extra work per call.
The gate finds the module being checked through mypy's ``BuildManager`` (see
``mypy_compat``) and answers from that module's index in O(1). Modules whose errors
mypy does not show (third-party code, ``follow_imports = silent``, ``ignore_errors``)
get no hook and no index at all. When the manager cannot be found it answers yes:
correct, only slower.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mypy.nodes import MypyFile

from mypy_awaitcheck.coroutine_api import PROTOCOL_METHODS
from mypy_awaitcheck.module_index import ModuleIndexes
from mypy_awaitcheck.mypy_compat import errors_shown, find_build_manager, module_being_checked

_NOT_SEARCHED = object()


class HookGate:
    def __init__(self, indexes: ModuleIndexes, modules: Callable[[], dict[str, MypyFile]]) -> None:
        self._indexes = indexes
        self._modules = modules
        self._manager: Any = _NOT_SEARCHED

    def wants(self, fullname: str) -> bool:
        if self._manager is _NOT_SEARCHED:
            self._manager = find_build_manager(self._modules())
        if not errors_shown(self._manager):
            return False  # a silenced module: nothing reported there would be shown
        if fullname in PROTOCOL_METHODS:
            return True  # asked only for coroutine receivers: costs nothing elsewhere
        module = module_being_checked(self._manager)
        tree = self._modules().get(module) if module is not None else None
        if tree is None:
            return True
        return fullname.rpartition(".")[2] in self._indexes.for_tree(tree).hooked_names
