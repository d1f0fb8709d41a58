"""Per-module facts that hooks and the after-check look up: calls, awaits, value uses.

The type context cannot tell that a call is the operand of ``await`` (it is
``None`` in ``x = await f()``), so each module gets an index, built lazily the
first time mypy asks for a hook while checking it, in two layers:

- the call layer, from one compiled pass over the module's expressions: every
  call, the operands of ``await``, and the names that need a hook at all
  (awaited callees, calls handed an async function). Calls of other names cost
  mypy nothing extra.
- the value-use layer (``value_walk``, into ``value_use.ModuleValueUses``): how
  each value is used. It costs a Python walk of the whole module, so it is built
  only when a check first needs it, which in correct code is rare.

With ``value_hooks`` (the daemon, see ``hook_gate``) the names of calls whose
coroutine would be reportable where they sit (``coroutine_positions``) get a hook
too, which needs the value-use layer up front. Indexes are validated by tree
identity and rebuilt when a module is re-parsed.
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
    may_be_async_function,
    may_be_function,
    may_report,
    may_return_coroutine,
)
from mypy_awaitcheck.mypy_compat import all_expressions
from mypy_awaitcheck.value_use import ModuleValueUses, iter_calls_with_use
from mypy_awaitcheck.value_walk import analyze_module, analyze_top_level_statement

CALL_DUNDER: Final = "__call__"
NAMED_REFERENCES: Final = (NameExpr, MemberExpr)
_DEFINITIONS: Final = (FuncDef, Decorator, OverloadedFuncDef, ClassDef)


class ModuleIndex:
    def __init__(self, tree: MypyFile) -> None:
        self.tree = tree
        self.defs: list[Statement] = tree.defs
        self.calls: list[CallExpr] = []
        self.awaited: set[Expression] = set()
        self.hooked_names: set[str] = set()
        self._uses: ModuleValueUses | None = None
        self._walked: set[int] = set()  # indexes in ``defs`` of the statements walked
        self._statement_ends: list[int] | None = None

    @property
    def uses(self) -> ModuleValueUses:
        """The value-use layer of the whole module."""
        if self._uses is None or len(self._walked) < len(self.defs):
            if self._uses is None:
                self._uses = analyze_module(self.tree)
            else:
                for index in range(len(self.defs)):
                    self._walk_top_level(self._uses, index)
            self._walked = set(range(len(self.defs)))
        return self._uses

    def uses_around(self, node: Node) -> ModuleValueUses:
        """The value-use layer, complete at least for the function or class holding ``node``.

        Checks need it for a handful of calls per module: walking only the
        top-level definition around each keeps that cheap. Module-level code is
        walked whole (a module-level ``_`` may be read anywhere).
        """
        index = self._top_level_definition(node)
        if index is None:
            return self.uses
        if self._uses is None:
            self._uses = ModuleValueUses(self.tree)
        self._walk_top_level(self._uses, index)
        return self._uses

    def _walk_top_level(self, uses: ModuleValueUses, index: int) -> None:
        if index not in self._walked:
            self._walked.add(index)
            analyze_top_level_statement(uses, index)

    def _top_level_definition(self, node: Node) -> int | None:
        """The index in ``defs`` of the top-level def or class whose lines hold ``node``."""
        if self._statement_ends is None:
            # Without every end line, no statement can be told to hold the node.
            self._statement_ends = [
                statement.end_line for statement in self.defs if statement.end_line is not None
            ]
        ends = self._statement_ends
        if len(ends) != len(self.defs):
            return None
        # The first statement ending at or after the node's line holds it: a
        # decorator's line comes before the ``def`` line its statement starts at.
        index = bisect_left(ends, node.line)
        if index == len(ends) or not isinstance(self.defs[index], _DEFINITIONS):
            return None
        return index

    def add_callee_names(self, callee: Expression) -> None:
        if isinstance(callee, NAMED_REFERENCES):
            self.hooked_names.add(callee.name)
            if callee.fullname:
                # The hook is asked for the target's name, not the alias written here.
                self.hooked_names.add(callee.fullname.rpartition(".")[2])
            if isinstance(callee.node, (FuncDef, OverloadedFuncDef, TypeInfo)):
                return
        # Calling an instance (a partial, an lru_cache wrapper, a callable
        # attribute's object) goes through its class's ``__call__``.
        self.hooked_names.add(CALL_DUNDER)

    def scan_calls(self) -> None:
        """The call layer: one pass over the compiled preorder of the module's expressions."""
        async_names: set[str] | None = None
        awaited = self.awaited
        for expr in all_expressions(self.tree):
            kind = type(expr)
            if kind is AwaitExpr:
                operand = expr.expr  # type: ignore[attr-defined]
                awaited.add(operand)
                if isinstance(operand, CallExpr):
                    self.add_callee_names(operand.callee)
                elif isinstance(operand, MemberExpr):
                    self.hooked_names.add(operand.name)
            elif kind is CallExpr:
                if expr.analyzed is not None:  # type: ignore[attr-defined]
                    continue  # cast(), reveal_type(), TypeVar()...: not a call at run time
                self.calls.append(expr)  # type: ignore[arg-type]
                for arg in expr.args:  # type: ignore[attr-defined]
                    if may_be_function(arg):
                        if async_names is None:
                            async_names = async_method_names(self.tree)
                        if may_be_async_function(arg, async_names):
                            self.add_callee_names(expr.callee)  # type: ignore[attr-defined]

    def add_value_hooks(self) -> None:
        """Hook the callees whose coroutine would be reported where the call sits."""
        uses = self.uses
        for call, use in iter_calls_with_use(uses):
            if may_return_coroutine(call.callee) and may_report(use, uses):
                self.add_callee_names(call.callee)


def build_index(tree: MypyFile, value_hooks: bool = False) -> ModuleIndex:
    index = ModuleIndex(tree)
    if tree.is_stub:
        return index  # stubs hold no code
    index.scan_calls()
    if value_hooks:
        index.add_value_hooks()
    return index


class ModuleIndexes:
    """The index of every module seen in this build, by module id."""

    def __init__(self, value_hooks: bool = False) -> None:
        self._indexes: dict[str, ModuleIndex] = {}
        self._value_hooks = value_hooks

    def for_tree(self, tree: MypyFile) -> ModuleIndex:
        index = self._indexes.get(tree.fullname)
        # The daemon merges a re-parsed module into the old MypyFile object (same
        # identity, new ``defs`` list): the list tells a new parse apart.
        if index is None or index.tree is not tree or index.defs is not tree.defs:
            index = build_index(tree, self._value_hooks)
            self._indexes[tree.fullname] = index
        return index

    def forget(self, tree: MypyFile) -> None:
        """Drop a module's index once its check is over (mypy frees its bodies next)."""
        index = self._indexes.get(tree.fullname)
        if index is not None and index.tree is tree:
            del self._indexes[tree.fullname]
