"""Per-module facts that hooks look up in O(1): awaited expressions, value uses.

The type context cannot tell that a call is the operand of ``await`` (it is
``None`` in ``x = await f()``), nor how a call's value is used, so each module is
walked once (``value_walk``, into a ``value_use.ModuleValueUses``), lazily, the first
time mypy asks for a hook while checking it. The index also lists the names that
need a hook at all: awaited callees, callees whose coroutine would be reportable
where the call sits (``coroutine_positions``), and calls handed an async function;
calls of other names cost mypy nothing extra. Indexes are validated by tree
identity and rebuilt when a module is re-parsed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from mypy.nodes import (
    CallExpr,
    Expression,
    FuncDef,
    MemberExpr,
    MypyFile,
    OverloadedFuncDef,
    RefExpr,
    Statement,
    TypeInfo,
)

from mypy_awaitcheck.coroutine_positions import (
    may_be_async_function,
    may_report,
    may_return_coroutine,
)
from mypy_awaitcheck.value_use import ModuleValueUses, iter_calls_with_use
from mypy_awaitcheck.value_walk import analyze_module

CALL_DUNDER: Final = "__call__"


@dataclass
class ModuleIndex:
    tree: MypyFile
    uses: ModuleValueUses
    defs: list[Statement] = field(init=False)
    awaited: set[Expression] = field(default_factory=set)
    hooked_names: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.defs = self.tree.defs

    def add_awaited(self, operand: Expression) -> None:
        self.awaited.add(operand)
        if isinstance(operand, CallExpr):
            self.add_callee_names(operand.callee)
        elif isinstance(operand, MemberExpr):
            self.hooked_names.add(operand.name)

    def add_callee_names(self, callee: Expression) -> None:
        if isinstance(callee, RefExpr):
            self.hooked_names.add(callee.name)
            if callee.fullname:
                # The hook is asked for the target's name, not the alias written here.
                self.hooked_names.add(callee.fullname.rpartition(".")[2])
            if isinstance(callee.node, (FuncDef, OverloadedFuncDef, TypeInfo)):
                return
        # Calling an instance (a partial, an lru_cache wrapper, a callable
        # attribute's object) goes through its class's ``__call__``.
        self.hooked_names.add(CALL_DUNDER)


def build_index(tree: MypyFile) -> ModuleIndex:
    if tree.is_stub:
        return ModuleIndex(tree, ModuleValueUses(tree))  # stubs hold no code
    uses = analyze_module(tree)
    index = ModuleIndex(tree, uses)
    for operand in uses.awaited:
        index.add_awaited(operand)
    for call, use in iter_calls_with_use(uses):
        if may_return_coroutine(call.callee) and may_report(use, uses):
            index.add_callee_names(call.callee)
    for call, _, arg in uses.function_arguments:
        if may_be_async_function(arg, uses.async_function_names):
            index.add_callee_names(call.callee)
    return index


class ModuleIndexes:
    """The index of every module seen in this build, by module id."""

    def __init__(self) -> None:
        self._indexes: dict[str, ModuleIndex] = {}

    def for_tree(self, tree: MypyFile) -> ModuleIndex:
        index = self._indexes.get(tree.fullname)
        # The daemon merges a re-parsed module into the old MypyFile object (same
        # identity, new ``defs`` list): the list tells a new parse apart.
        if index is None or index.tree is not tree or index.defs is not tree.defs:
            index = build_index(tree)
            self._indexes[tree.fullname] = index
        return index

