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

from collections.abc import Callable, Container
from typing import Final, TypeVar

from mypy.checker import TypeChecker
from mypy.errors import Errors
from mypy.nodes import MypyFile

from mypy_awaitcheck.coroutine_api import PROTOCOL_METHOD_NAMES, PROTOCOL_METHODS
from mypy_awaitcheck.guard import guarded
from mypy_awaitcheck.module_index import ModuleIndexes
from mypy_awaitcheck.mypy_compat import (
    checked_tree,
    checker_state,
    current_type_checker,
    errors_of,
    errors_shown,
    find_build_errors,
    rechecks_single_functions,
)


class _EveryName:
    """The answer set while the module being checked is unknown: every name."""

    def __contains__(self, name: object) -> bool:
        return True


HookT = TypeVar("HookT")

_EVERY_NAME: Final = _EveryName()
_NO_NAME: Final = frozenset[str]()
# Not a checker and not None: the next question starts a new session, whatever it finds.
_SESSION_OVER: Final = object()


class HookGate:
    def __init__(
        self, indexes: ModuleIndexes, modules: Callable[[], dict[str, MypyFile]]
    ) -> None:
        self._indexes = indexes
        self._modules = modules
        self._errors: Errors | None = None
        self._checker: object = _SESSION_OVER
        self._names: Container[str] = _EVERY_NAME
        # Within ``_names``, those that get every check; the others are there only for
        # the daemon's single-function re-checks, which judge coroutine values in hooks.
        self._checked_names: Container[str] = _EVERY_NAME
        self._protocol_methods: Container[str] = PROTOCOL_METHODS

    def getter(
        self, hook_of: Callable[[str], HookT], value_hook_of: Callable[[str], HookT | None]
    ) -> Callable[[str], HookT | None]:
        """A ``get_*_hook`` for mypy: the hook ``hook_of`` gives for the names the module
        being checked needs (``value_hook_of``'s for the names only the daemon's
        single-function re-checks need), else None.

        mypy asks ~100,000 times in a cold run of 100 kLOC, so each question is one
        Python call (``main`` hands mypy this function itself): a global read, an
        identity test, two lookups; the rest happens once per module
        (``_start_session``). Cutting the short name out of the full name costs more
        than all that (mypy builds a new full name string for each question): it is
        done once per full name.
        """
        short_names: dict[str, str] = {}

        def get_hook(fullname: str) -> HookT | None:
            if checker_state.type_checker is not self._checker:
                # A failure leaves every name hooked (set first): slower, still correct.
                guarded(self._start_session, None)
            name = short_names.get(fullname)
            if name is None:
                name = short_names[fullname] = fullname[fullname.rfind(".") + 1 :]
            # Coroutine.send/throw/close go by full name, looked up for those names only.
            if name in self._checked_names or (
                name in PROTOCOL_METHOD_NAMES and fullname in self._protocol_methods
            ):
                return hook_of(fullname)
            if name in self._names:  # a superset of ``_checked_names``
                return value_hook_of(fullname)
            return None

        return get_hook

    def checker_of(self, tree: MypyFile) -> TypeChecker | None:
        """The checker that just checked ``tree``, if the gate saw it; handed out once,
        so that the plugin keeps no checker (and its type map) alive after its module."""
        checker = self._checker
        if not isinstance(checker, TypeChecker) or self._names is _NO_NAME:
            return None
        if checked_tree(checker) is not tree:
            return None
        self._checker = _SESSION_OVER
        return checker

    def build_errors(self) -> Errors | None:
        """The ``Errors`` of the build, from the last checker seen (else searched once)."""
        if self._errors is None:
            self._errors = find_build_errors(self._modules())
        return self._errors

    def _start_session(self) -> None:
        self._checker = checker_state.type_checker
        checker = current_type_checker()
        self._names = self._checked_names = _EVERY_NAME
        self._protocol_methods = PROTOCOL_METHODS
        if checker is None:
            return
        self._errors = errors_of(checker) or self._errors
        if not errors_shown(checker):
            # A silenced module: nothing reported there would be shown.
            self._names = self._checked_names = self._protocol_methods = _NO_NAME
            return
        tree = checked_tree(checker)
        if tree is not None:
            index = self._indexes.for_tree(tree)
            # No after-check follows: the hooks judge coroutine values themselves.
            rechecks = rechecks_single_functions(checker)
            self._names = index.names_for_rechecks if rechecks else index.hooked_names
            self._checked_names = index.hooked_names
