"""Every place the plugin touches mypy internals that are not plugin API.

Kept in one module so that a mypy upgrade has one file to re-verify. Each helper
degrades to a safe answer (``None``) when the internals are not what it expects.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any, Final

from mypy.errorcodes import UNUSED_IGNORE
from mypy.errors import Errors
from mypy.messages import MessageBuilder
from mypy.nodes import Block, Expression, FuncBase, MypyFile, TypeInfo
from mypy.scope import Scope
from mypy.semanal import is_trivial_body
from mypy.server.subexpr import get_subexpressions

_BUILD_MANAGER_TYPE: Final = "BuildManager"
_TYPE_CHECKER_TYPE: Final = "TypeChecker"


def find_build_manager(modules: dict[str, MypyFile]) -> Any | None:
    """mypy's ``BuildManager``, the one object that refers to the modules dict.

    The plugin API gives no handle on it, but its ``errors`` tell which module is
    being checked when a ``get_*_hook`` is asked, before any context exists.
    A parallel worker (``--num-workers``) freezes its manager out of ``gc``'s
    reach (``gc.freeze()``); a type checker, created later, refers to the same
    modules and the same ``errors`` and stands in for it there.
    """
    stand_in = None
    for referrer in gc.get_referrers(modules):
        if not hasattr(referrer, "errors"):
            continue
        name = type(referrer).__name__
        if name == _BUILD_MANAGER_TYPE:
            return referrer
        if name == _TYPE_CHECKER_TYPE:
            stand_in = referrer
    return stand_in


def module_being_checked(manager: Any) -> str | None:
    errors = getattr(manager, "errors", None)
    module = getattr(errors, "target_module", None)
    return module if isinstance(module, str) else None


def chained_plugins(api: object) -> list[object]:
    """The plugins mypy consults, in order (custom ones, then ``DefaultPlugin``)."""
    chain = getattr(api, "plugin", None)
    plugins = getattr(chain, "_plugins", None)
    return list(plugins) if isinstance(plugins, list) else []


def next_hook(
    api: object, current: object, getter_name: str, fullname: str
) -> Callable[[Any], Any] | None:
    """The hook that the plugins after ``current`` would have given for ``fullname``.

    mypy uses the first plugin that returns a hook; whoever returns one must call
    the next one itself, or it silently disables mypy's own special-casing.
    """
    plugins = chained_plugins(api)
    after = next((i for i, plugin in enumerate(plugins) if plugin is current), None)
    if after is None:
        return None
    for plugin in plugins[after + 1 :]:
        getter = getattr(plugin, getter_name, None)
        hook = getter(fullname) if getter is not None else None
        if hook is not None:
            return hook
    return None


def all_expressions(tree: MypyFile) -> list[Expression]:
    """Every expression in a module, function bodies included (compiled walk)."""
    return get_subexpressions(tree)


def subexpressions_of(expression: Expression) -> list[Expression]:
    """``expression`` and every expression inside it, lambda bodies included (compiled walk)."""
    return get_subexpressions(expression)


def is_placeholder_body(body: Block) -> bool:
    """``pass``, ``...``, a docstring or ``raise NotImplementedError``: meant to be overridden.

    ``FuncDef.is_trivial_body`` is only set for abstract and protocol members, so
    the plugin asks mypy's own predicate directly.
    """
    return is_trivial_body(body)


def after_check_errors(manager: Any, tree: MypyFile) -> Errors | None:
    """mypy's ``Errors`` while it finishes ``tree``, or None when the module is silenced.

    Right after a module's check, ``errors`` still points at that module with its
    per-module options; a module whose errors mypy ignores (third-party code,
    ``follow_imports = silent``, ``ignore_errors``) is finished without that. Read
    ``manager.errors`` on every use: parallel workers have their own.
    """
    errors = getattr(manager, "errors", None)
    if not isinstance(errors, Errors) or errors.file != tree.path:
        return None
    if tree.path in errors.ignored_files or errors.options.ignore_errors:
        return None
    return errors


@contextmanager
def reporting_scope(
    errors: Errors,
    modules: dict[str, MypyFile],
    module: str,
    enclosing: Sequence[TypeInfo | FuncBase],
) -> Iterator[MessageBuilder]:
    """A message builder whose reports belong to ``enclosing`` (outermost first).

    The scope gives errors their fine-grained target (what the daemon clears when
    it re-checks one function) and the "In function" context; the checker's own
    scope is put back afterwards.
    """
    saved = errors.scope
    scope = Scope()
    with ExitStack() as stack:
        stack.enter_context(scope.module_scope(module))
        for node in enclosing:
            if isinstance(node, TypeInfo):
                stack.enter_context(scope.class_scope(node))
            else:
                stack.enter_context(scope.function_scope(node))
        errors.scope = scope
        try:
            yield MessageBuilder(errors, modules)
        finally:
            errors.scope = saved


def refresh_unused_ignores(errors: Errors, path: str) -> None:
    """Recompute ``Unused "type: ignore"`` errors if mypy already generated them.

    mypy generates them after a module's check, before the after-check hook, only
    when the daemon re-checks an edited file; an ignore comment that only errors
    reported from the hook use would then be flagged as unused.
    """
    infos = errors.error_info_map.get(path)
    if not infos or not any(info.code == UNUSED_IGNORE for info in infos):
        return
    errors.error_info_map[path] = [info for info in infos if info.code != UNUSED_IGNORE]
    errors.generate_unused_ignore_errors(path)
