"""Every place the plugin touches mypy internals that are not plugin API.

Kept in one module so that a mypy upgrade has one file to re-verify. Each helper
degrades to a safe answer (``None``) when the internals are not what it expects.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any, Final

from mypy.argmap import map_actuals_to_formals
from mypy.checker import DEFAULT_LAST_PASS, TypeChecker
from mypy.checker_state import checker_state as checker_state  # read per hook question
from mypy.errorcodes import UNUSED_IGNORE
from mypy.errors import ErrorInfo, Errors
from mypy.message_registry import ErrorMessage
from mypy.messages import MessageBuilder
from mypy.nodes import Block, CallExpr, Context, Expression, FuncBase, MypyFile, TypeInfo
from mypy.scope import Scope
from mypy.semanal import is_trivial_body
from mypy.server.subexpr import get_subexpressions
from mypy.types import AnyType, CallableType, Type, TypeOfAny

_BUILD_MANAGER_TYPE: Final = "BuildManager"
_TYPE_CHECKER_TYPE: Final = "TypeChecker"


def find_build_errors(modules: dict[str, MypyFile]) -> Errors | None:
    """mypy's ``Errors`` of this build, through the objects that refer to the modules dict.

    A search of the whole heap (``gc``), for when no type checker has been seen yet
    (``errors_of``). Its owner is the ``BuildManager``; a parallel worker
    (``--num-workers``) freezes its manager out of ``gc``'s reach (``gc.freeze()``),
    and a type checker, created later, refers to the same ``errors`` there.
    """
    stand_in = None
    for referrer in gc.get_referrers(modules):
        errors = errors_of(referrer)
        if errors is None:
            continue
        name = type(referrer).__name__
        if name == _BUILD_MANAGER_TYPE:
            return errors
        if name == _TYPE_CHECKER_TYPE:
            stand_in = errors
    return stand_in


def errors_of(owner: object) -> Errors | None:
    """The ``Errors`` a type checker (or the build manager) reports to: the build's one
    (one per parallel worker)."""
    errors = getattr(owner, "errors", None)
    return errors if isinstance(errors, Errors) else None


def current_type_checker() -> TypeChecker | None:
    """The type checker of the module mypy is checking now (None between modules).

    mypy sets this global for the duration of each pass of a module's check. There
    is one checker per check of a module: deferred functions come back to the same
    one, and a module the daemon checks again gets a new one.
    """
    checker = checker_state.type_checker
    return checker if isinstance(checker, TypeChecker) else None


def rechecks_single_functions(checker: TypeChecker) -> bool:
    """Whether the daemon is re-checking single functions of a module with this checker
    (``server/update.py: reprocess_nodes``, which raises its ``last_pass``): no
    after-check follows such a check."""
    last_pass = getattr(checker, "last_pass", DEFAULT_LAST_PASS)
    return isinstance(last_pass, int) and last_pass > DEFAULT_LAST_PASS


def checked_tree(checker: TypeChecker) -> MypyFile | None:
    tree = getattr(checker, "tree", None)
    return tree if isinstance(tree, MypyFile) else None


def final_types(checker: TypeChecker) -> dict[Expression, Type] | None:
    """The expression types of a module whose check is over (read in the after-check)."""
    maps = getattr(checker, "_type_maps", None)
    if not isinstance(maps, list) or len(maps) != 1 or not isinstance(maps[0], dict):
        return None  # a temporary map still open: the check is not over
    return maps[0]


def errors_shown(checker: TypeChecker) -> bool:
    """Whether mypy shows the errors of the module being checked: not for third-party
    code, ``follow_imports = silent`` or ``ignore_errors`` modules (unknown: True)."""
    errors = errors_of(checker)
    return errors is None or not _silenced(errors, errors.file)


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
        hook: Callable[[Any], Any] | None = getter(fullname) if getter is not None else None
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


def after_check_errors(errors: Errors | None, tree: MypyFile) -> Errors | None:
    """mypy's ``Errors`` while it finishes ``tree``, or None when the module is silenced.

    Right after a module's check, ``errors`` still points at that module with its
    per-module options; a module whose errors mypy ignores (third-party code,
    ``follow_imports = silent``, ``ignore_errors``) is finished without that.
    """
    if errors is None or errors.file != tree.path or _silenced(errors, tree.path):
        return None
    return errors


def _silenced(errors: Errors, path: str) -> bool:
    return path in errors.ignored_files or errors.options.ignore_errors


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

def in_daemon(errors: Errors) -> bool:
    """Whether this is the mypy daemon (fine-grained mode), from the module's options."""
    return bool(errors.options.fine_grained_incremental)


def errors_of_file(errors: Errors, path: str) -> list[ErrorInfo]:
    """The errors and notes recorded so far for a file (the list mypy keeps, not a copy)."""
    return errors.error_info_map.get(path, [])


def keep_until_file_is_checked(infos: list[ErrorInfo]) -> None:
    """Detach errors from their function's fine-grained target.

    The daemon clears the errors of a function it re-checks and expects the check to
    report them again; no check re-runs the after-check pass, so errors reported from
    it must not belong to a target.
    """
    for info in infos:
        info.target = None


def restore_errors(errors: Errors, path: str, infos: list[ErrorInfo]) -> None:
    """Report ``infos`` for ``path`` again if mypy dropped them (the daemon clears all
    errors at each update and re-derives them per function)."""
    current = errors_of_file(errors, path)
    if infos and not any(info is infos[0] for info in current):
        for info in infos:
            errors.add_error_info(info, file=path)


def type_context(api: object) -> Type | None:
    """The type mypy is inferring the current expression against, or None.

    For an argument it is the parameter's type (after the receiver's type arguments
    are substituted); in ``return`` the declared return type; None in most other places.
    """
    checker = getattr(api, "expr_checker", None)
    contexts = getattr(checker, "type_context", None)
    if isinstance(contexts, list) and contexts and isinstance(contexts[-1], Type):
        return contexts[-1]
    return None


def inferred_type(api: object, expr: Expression) -> Type | None:
    """The type mypy already inferred for ``expr`` in the function being checked.

    A call's callee is inferred (and stored) before its arguments, so the hook of an
    argument can read the type of the call that receives it.
    """
    lookup = getattr(api, "lookup_type_or_none", None)
    found = lookup(expr) if callable(lookup) else None
    return found if isinstance(found, Type) else None


def formal_of_argument(callee: CallableType, call: CallExpr, position: int) -> int | None:
    """The index of ``callee``'s parameter that receives ``call.args[position]``."""
    mapping = map_actuals_to_formals(
        call.arg_kinds,
        call.arg_names,
        callee.arg_kinds,
        callee.arg_names,
        lambda _: AnyType(TypeOfAny.special_form),
    )
    return next((formal for formal, actuals in enumerate(mapping) if position in actuals), None)


def report_error(api: Any, message: ErrorMessage, context: Context) -> None:
    """Report ``message`` without changing what mypy's own speculative checks conclude.

    mypy checks some expressions under an ``ErrorWatcher`` and reads any new error as
    "this attempt failed": overload trials, the ``in`` operator's fallback, assignment
    contexts. A plugin error seen there would change mypy's own results, so it is
    added with the watchers out of the way. The hooks of an overloaded callee run
    only inside its trials, last, after the arguments were checked: a trial that
    already failed (its discarding watcher saw an error) is not reported from, the
    one that matches is. Checks whose verdict depends on the type context ask
    ``in_speculative_check`` first.
    """
    errors = getattr(getattr(api, "msg", None), "errors", None)
    watchers = getattr(errors, "_watchers", None)
    if not isinstance(watchers, list) or not watchers:
        api.fail(message, context, code=message.code)
        return
    if any(_discards(watcher) and _has_new_errors(watcher) for watcher in watchers):
        return
    hidden = list(watchers)
    watchers.clear()
    try:
        api.fail(message, context, code=message.code)
    finally:
        watchers[:] = hidden


def in_speculative_check(api: Any) -> bool:
    """Whether mypy is trying something it may discard (an overload trial, a branch it
    found unreachable): a watcher filters errors out without saving them."""
    errors = getattr(getattr(api, "msg", None), "errors", None)
    watchers = getattr(errors, "_watchers", None)
    return isinstance(watchers, list) and any(_discards(watcher) for watcher in watchers)


def _discards(watcher: object) -> bool:
    filters = getattr(watcher, "_filter", True)
    return filters is not False and getattr(watcher, "_filtered", None) is None


def _has_new_errors(watcher: object) -> bool:
    has_new_errors = getattr(watcher, "has_new_errors", None)
    return not callable(has_new_errors) or bool(has_new_errors())
