"""Per-module facts that hooks and the after-check look up: calls, awaits, value uses.

The type context cannot tell that a call is the operand of ``await`` (it is
``None`` in ``x = await f()``), so each module gets an index, built lazily the
first time mypy asks for a hook while checking it, in two layers:

- the call layer, from one compiled pass over the module's expressions: every
  call, the operands of ``await``, and the names that need a hook at all
  (awaited callees, calls handed an async function). Calls of other names cost
  mypy nothing extra.
- the value-use layer (``value_walk``, into ``value_use.ModuleValueUses``): how
  each value is used. It costs a Python walk, so it is built only for the defs a
  check asks about (``uses_around``), which in correct code is rare; the whole
  module only where a check needs all of it (``uses``).

When the daemon re-checks single functions, no after-check follows, so the
hooks judge coroutine values there: ``names_for_rechecks`` adds the callees of
the calls that are not awaited and may return a coroutine (``coroutine_positions``).
Indexes are validated by tree identity and rebuilt when a module is re-parsed.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Final

from mypy.nodes import (
    AwaitExpr,
    CallExpr,
    ClassDef,
    Decorator,
    Expression,
    FuncBase,
    FuncDef,
    MemberExpr,
    MypyFile,
    NameExpr,
    Node,
    OverloadedFuncDef,
    Statement,
    TypeInfo,
)

from mypy_awaitcheck.coroutine_positions import (
    async_method_names,
    function_arguments,
    may_be_async_function,
    may_return_coroutine,
)
from mypy_awaitcheck.mypy_compat import all_expressions
from mypy_awaitcheck.value_use import ModuleValueUses, UseKind, ValueUse, formats_its_arguments

CALL_DUNDER: Final = "__call__"
NAMED_REFERENCES: Final = (NameExpr, MemberExpr)


class ModuleIndex:
    def __init__(self, tree: MypyFile) -> None:
        self.tree = tree
        self.defs: list[Statement] = tree.defs
        # Kept in the daemon only, where it tells a new parse from a re-check (for_tree).
        self.top_level_parts: list[object] | None = None
        self.calls: list[CallExpr] = []
        self.awaited: set[Expression] = set()
        self.hooked_names: set[str] = set()
        # Calls written as another call's argument: (that call, position in its args),
        # worked out at the first question (few modules have a coroutine to ask about).
        self._argument_of: dict[CallExpr, tuple[CallExpr, int]] | None = None
        self._names_for_rechecks: set[str] | None = None
        self._uses: ModuleValueUses | None = None
        self._walked_top_level: set[int] = set()  # indexes in ``defs`` walked whole
        self._ends: dict[int, list[int]] = {}  # by id() of a block list that ``tree`` holds

    @property
    def uses(self) -> ModuleValueUses:
        """The value-use layer of the whole module."""
        if self._uses is None:
            from mypy_awaitcheck.value_walk import analyze_module  # see _walk

            self._uses = analyze_module(self.tree)
            self._walked_top_level.update(range(len(self.defs)))
        elif len(self._walked_top_level) < len(self.defs):
            for index in range(len(self.defs)):
                self._walk(self._uses, self.defs, index, self.tree)
        return self._uses

    def argument_use(self, call: CallExpr) -> ValueUse | None:
        """The use of a call written as another call's argument, from the call layer:
        what the value-use layer records for it, without a walk."""
        argument_of = self._argument_of
        if argument_of is None:
            argument_of = self._argument_of = {}
            for outer in self.calls:
                if not formats_its_arguments(outer):
                    for position, arg in enumerate(outer.args):
                        if type(arg) is CallExpr:
                            argument_of[arg] = (outer, position)
        found = argument_of.get(call)
        return None if found is None else ValueUse(UseKind.ARGUMENT, *found)

    def uses_around(self, node: Node) -> ModuleValueUses:
        """The value-use layer, complete at least for the function holding ``node``.

        Checks need it for a handful of calls per module: walking only the function
        around each (a method, or a module-level def) keeps that cheap. Code at
        module or class level is walked with its whole top-level statement, or the
        whole module (a module-level ``_`` may be read anywhere).
        """
        unit = self._unit_around(node)
        if unit is None:
            return self.uses
        if self._uses is None:
            self._uses = ModuleValueUses(self.tree)
        self._walk(self._uses, *unit)
        return self._uses

    def _walk(self, uses: ModuleValueUses, body: list[Statement], index: int, scope: Node) -> None:
        if body is self.defs:
            if index in self._walked_top_level:
                return
            self._walked_top_level.add(index)
        # Imported here: only a coroutine that is not awaited at once needs a walk.
        from mypy_awaitcheck.value_walk import analyze_statement

        # A function walked before is skipped: walks of units never count a use twice.
        analyze_statement(uses, body, index, scope)

    def enclosing_definitions(self, node: Node) -> list[TypeInfo | FuncBase]:
        """The classes and the module- or class-level function around ``node``, outermost
        first: what mypy names in an error's context and uses as the daemon's target."""
        classes, definition = self._locate(node)
        enclosing: list[TypeInfo | FuncBase] = [c.info for c in classes]
        if definition is not None:
            body, index = definition
            statement = body[index]
            if isinstance(statement, Decorator):
                enclosing.append(statement.func)
            elif isinstance(statement, (FuncDef, OverloadedFuncDef)):
                enclosing.append(statement)
        return enclosing

    def _unit_around(self, node: Node) -> tuple[list[Statement], int, Node] | None:
        """The def holding ``node`` at module or class level, as (block, index in it,
        scope), or the top-level class holding it (None: module-level code)."""
        classes, definition = self._locate(node)
        if definition is not None:
            return (*definition, classes[-1] if classes else self.tree)
        if classes:
            return self.defs, self.defs.index(classes[0]), self.tree
        return None

    def _locate(self, node: Node) -> tuple[list[ClassDef], tuple[list[Statement], int] | None]:
        """The classes around ``node`` (outermost first), and the def statement at module
        or class level that holds it, as (block, index in it), if there is one."""
        body: list[Statement] = self.defs
        classes: list[ClassDef] = []
        while True:
            index = _statement_holding(body, node.line, self._ends)
            if index is None:
                return classes, None
            statement = body[index]
            if isinstance(statement, (FuncDef, Decorator, OverloadedFuncDef)):
                return classes, (body, index)
            if not isinstance(statement, ClassDef):
                return classes, None
            classes.append(statement)
            body = statement.defs.body

    def scan_calls(self) -> None:
        """The call layer: one pass over the compiled preorder of the module's expressions."""
        awaited = self.awaited
        for expr in all_expressions(self.tree):
            kind = type(expr)
            if kind is AwaitExpr:
                awaited.add(expr.expr)  # type: ignore[attr-defined]
            elif kind is CallExpr:
                call: CallExpr = expr  # type: ignore[assignment]  # by the exact type above
                if call.analyzed is not None:
                    continue  # cast(), reveal_type(), TypeVar()...: not a call at run time
                self.calls.append(call)
        self._add_hooked_names()

    def renewed(self, tree: MypyFile) -> ModuleIndex:
        """This index for the same statements analyzed again (the daemon re-checking
        single functions): the calls stay, the names that depend on what the callees
        are now are worked out again, and the value uses are walked again if needed
        (local variables are new objects after a new analysis)."""
        index = ModuleIndex(tree)
        index.top_level_parts = self.top_level_parts  # the same objects, by definition
        index.calls, index.awaited = self.calls, self.awaited
        index._argument_of = self._argument_of
        index._add_hooked_names()
        return index

    def _add_hooked_names(self) -> None:
        names = self.hooked_names
        for operand in self.awaited:
            if isinstance(operand, CallExpr):
                _add_callee_names(operand.callee, names)
            elif isinstance(operand, MemberExpr):
                names.add(operand.name)
        async_names: set[str] | None = None
        for call, arg in function_arguments(self.calls):
            if async_names is None:
                async_names = async_method_names(self.tree)
            if may_be_async_function(arg, async_names):
                _add_callee_names(call.callee, names)

    @property
    def names_for_rechecks(self) -> set[str]:
        """The names to hook while the daemon re-checks single functions: the hooked
        names and every callee of a call not awaited that may return a coroutine. A
        superset of what would be reported, found without walking value uses: only
        the re-checked functions' calls get the hooks, while a walk would cover the
        whole module."""
        names = self._names_for_rechecks
        if names is None:
            names = self._names_for_rechecks = set(self.hooked_names)
            for call in self.calls:
                if call not in self.awaited and may_return_coroutine(call.callee):
                    _add_callee_names(call.callee, names)
        return names


def _top_level_parts(defs: list[Statement]) -> list[object]:
    """What a new parse changes at top level: a merge keeps the identity of functions
    (``astmerge``) but gives them new bodies; every other statement is a new object."""
    parts: list[object] = []
    for statement in defs:
        parts.append(statement)
        functions = statement.items if isinstance(statement, OverloadedFuncDef) else [statement]
        if isinstance(statement, OverloadedFuncDef) and statement.impl is not None:
            functions = [*functions, statement.impl]
        for function in functions:
            if isinstance(function, Decorator):
                parts.append(function.func.body)
            elif isinstance(function, FuncDef):
                parts.append(function.body)
    return parts


def _same_objects(first: list[object], second: list[object]) -> bool:
    return len(first) == len(second) and all(a is b for a, b in zip(first, second))


def _add_callee_names(callee: Expression, names: set[str]) -> None:
    if isinstance(callee, NAMED_REFERENCES):
        names.add(callee.name)
        if callee.fullname:
            # The hook is asked for the target's name, not the alias written here.
            names.add(callee.fullname.rpartition(".")[2])
        if isinstance(callee.node, (FuncDef, OverloadedFuncDef, TypeInfo)):
            return
    # Calling an instance (a partial, an lru_cache wrapper, a callable
    # attribute's object) goes through its class's ``__call__``.
    names.add(CALL_DUNDER)


def _statement_holding(
    body: list[Statement], line: int, cache: dict[int, list[int]]
) -> int | None:
    """The index of the statement of ``body`` whose lines hold ``line``, if known."""
    ends = cache.get(id(body))
    if ends is None:
        # Without every end line, no statement can be told to hold the line.
        ends = cache[id(body)] = [end for end in map(_end_line, body) if end is not None]
    if len(ends) != len(body):
        return None
    # The first statement ending at or after the line holds it: a decorator's
    # line comes before the ``def`` line its statement starts at.
    index = bisect_left(ends, line)
    return index if index < len(ends) else None


def _end_line(statement: Statement) -> int | None:
    # mypy leaves an overloaded function's end line unset: its last part ends it.
    if isinstance(statement, OverloadedFuncDef) and statement.end_line is None:
        last = statement.impl or (statement.items[-1] if statement.items else None)
        return None if last is None else last.end_line
    return statement.end_line


def build_index(tree: MypyFile) -> ModuleIndex:
    index = ModuleIndex(tree)
    if tree.is_stub:
        return index  # stubs hold no code
    index.scan_calls()
    return index


class ModuleIndexes:
    """The index of every module seen in this build, by module id. ``in_daemon``:
    re-checks of single functions keep the module's calls (``ModuleIndex.renewed``)."""

    def __init__(self, in_daemon: bool = False) -> None:
        self._indexes: dict[str, ModuleIndex] = {}
        self._in_daemon = in_daemon

    def for_tree(self, tree: MypyFile) -> ModuleIndex:
        known = self._indexes.get(tree.fullname)
        if known is not None and known.tree is tree:
            if known.defs is tree.defs:
                return known
            # The daemon gives a module a new ``defs`` list when it re-checks single
            # functions (the same statements), and when it merges a new parse into the
            # same MypyFile (new statements, or old functions with new bodies).
            parts = known.top_level_parts
            if parts is not None and _same_objects(_top_level_parts(tree.defs), parts):
                index = self._indexes[tree.fullname] = known.renewed(tree)
                return index
        index = self._indexes[tree.fullname] = build_index(tree)
        if self._in_daemon:
            index.top_level_parts = _top_level_parts(tree.defs)
        return index

    def forget(self, tree: MypyFile) -> None:
        """Drop a module's index once its check is over (mypy frees its bodies next)."""
        index = self._indexes.get(tree.fullname)
        if index is not None and index.tree is tree:
            del self._indexes[tree.fullname]
