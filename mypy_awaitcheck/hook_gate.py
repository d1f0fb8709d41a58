"""Which names get a hook: only those the module being checked needs.

mypy asks ``get_*_hook(fullname)`` for every call and attribute, twice per call,
before any context exists, and a returned hook makes mypy do extra work per call.
While a module is checked, mypy keeps its type checker in a global
(``mypy_compat.current_type_checker``): one per check of a module, so the gate
works out its answer set once per checker and then answers with an identity test
and a set lookup. Modules whose errors mypy does not show (third-party code,
``follow_imports = silent``, ``ignore_errors``) get no hook and no index at all.
When no checker can be found it answers yes: correct, only slower.

The gate also hands the after-check the checker of the module just checked
(``checker_of``), since the plugin API gives no other way to its type map, and
the build's ``Errors`` (``build_errors``), which saves a search of the heap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from mypy.checker import TypeChecker
from mypy.errors import Errors
from mypy.nodes import MypyFile

from mypy_awaitcheck.coroutine_api import PROTOCOL_METHODS
from mypy_awaitcheck.module_index import ModuleIndexes
from mypy_awaitcheck.mypy_compat import (
    checked_tree,
    current_type_checker,
    errors_of,
    errors_shown,
    find_build_errors,
)

_EVERY_NAME: Final = None  # the module is unknown: every name gets a hook


class HookGate:
    def __init__(
        self, indexes: ModuleIndexes, modules: Callable[[], dict[str, MypyFile]]
    ) -> None:
        self._indexes = indexes
        self._modules = modules
        self._errors: Errors | None = None
        self._checker: TypeChecker | None = None
        self._shown = True
        self._names: set[str] | None = _EVERY_NAME

    def wants(self, fullname: str) -> bool:
        checker = current_type_checker()
        if checker is not self._checker or checker is None:
            self._start_session(checker)
        if not self._shown:
            return False  # a silenced module: nothing reported there would be shown
        names = self._names
        if names is _EVERY_NAME or fullname in PROTOCOL_METHODS:
            return True  # protocol methods are asked only for coroutine receivers
        return fullname[fullname.rfind(".") + 1 :] in names

    def checker_of(self, tree: MypyFile) -> TypeChecker | None:
        """The checker that just checked ``tree``, if the gate saw it; handed out once,
        so that the plugin keeps no checker (and its type map) alive after its module."""
        checker = self._checker
        if checker is None or not self._shown or checked_tree(checker) is not tree:
            return None
        self._checker = None  # the next question starts a new session
        return checker

    def build_errors(self) -> Errors | None:
        """The ``Errors`` of the build, from the last checker seen (else searched once)."""
        if self._errors is None:
            self._errors = find_build_errors(self._modules())
        return self._errors

    def _start_session(self, checker: TypeChecker | None) -> None:
        self._checker = checker
        self._shown = True
        self._names = _EVERY_NAME
        if checker is None:
            return
        self._errors = errors_of(checker) or self._errors
        self._shown = errors_shown(checker)
        tree = checked_tree(checker)
        if tree is not None and self._shown:
            self._names = self._indexes.for_tree(tree).hooked_names
