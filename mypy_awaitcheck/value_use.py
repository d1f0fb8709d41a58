"""How each expression's value is used: the pure-AST half of the coroutine-value checks.

A coroutine object is harmless until it is used as if it had been awaited. Whether
that happens depends on where the call sits: a condition, a comparison, an argument,
a string format, a ``return``, a local name that nothing awaits afterwards. This
module is the model of those positions (``UseKind``, ``ValueUse``) and of what becomes
of local names (``Fate``), for a module (``ModuleValueUses``); ``value_walk``
computes it, for the whole module or def by def, in linear walks.

It reads only the tree (with the names semantic analysis resolved), never types, and
knows nothing about hooks: the pass over unannotated bodies reuses it as is, through
a module index's ``uses`` (or ``value_walk.analyze_module(tree)``). What it leaves
out: match-statement patterns (they cannot contain calls or awaits) and any flow
analysis beyond one block (see ``ModuleValueUses.assignment_fate``).
"""

from __future__ import annotations

from enum import Enum
from typing import Final, NamedTuple

from mypy.nodes import (
    GDEF,
    LDEF,
    AssignmentStmt,
    CallExpr,
    Expression,
    ExpressionStmt,
    FuncDef,
    Import,
    ImportFrom,
    MemberExpr,
    MypyFile,
    NameExpr,
    Node,
    OperatorAssignmentStmt,
    PassStmt,
    Statement,
    StrExpr,
    Var,
)


class UseKind(Enum):
    """Where a value goes. No recorded use: somewhere else (an attribute or item is
    taken, it is put in a container...), which the checks count as passed on."""

    CONDITION = "condition"  # truth-tested: if/elif/while/assert/guard, ternary test, not, and/or
    COMPARISON = "comparison"  # ==, !=, is, is not; left of in/not in (position: the other
    # operand's index in the comparison's operands, detail: the operator)
    ARGUMENT = "argument"  # argument of a call (parent: the call, position: index in its args)
    FORMATTED = "formatted"  # "%" on a literal, "...".format(...), f-string parts
    RETURNED = "returned"  # returned from parent (a FuncDef or LambdaExpr; None at top level)
    ASSIGNED = "assigned"  # the whole value of `name = ...` (parent: the statement)
    ELEMENT = "element"  # element of a generator or comprehension (parent: the GeneratorExpr)
    AWAITED = "awaited"
    METHOD_RECEIVER = "method-receiver"  # value.method(...) (parent: the call, detail: method)
    STORED = "stored"  # bound to attributes, items or several names, or yielded
    DISCARDED = "discarded"  # expression statement
    DELETED = "deleted"  # del name
    VIA = "via"  # becomes parent's value: and/or operand, ternary branch, walrus, comprehension
    TARGET = "target"  # a name being bound, not read


class ValueUse(NamedTuple):  # NamedTuples and plain classes: cheap to import
    kind: UseKind
    parent: Node | None
    position: int = -1
    detail: str = ""


class Fate(Enum):
    """What becomes of the value a statement ``name = value`` binds."""

    USED = "used"  # awaited, passed on, returned, stored, captured, or not followed
    NEVER_READ = "never-read"
    ONLY_TESTED = "only-tested"  # read only in conditions, comparisons or ``del``
    OVERWRITTEN = "overwritten"  # bound again in the same block before any read


# Reads that neither await a value nor hand it to anyone.
LOST_READS: Final = frozenset({UseKind.CONDITION, UseKind.COMPARISON, UseKind.DELETED})
EQUALITY_OPERATORS: Final = frozenset({"==", "!=", "is", "is not"})
MEMBERSHIP_OPERATORS: Final = frozenset({"in", "not in"})
# Statements after which the overwrite scan may go on: no jumps, no nested blocks.
_STRAIGHT_STATEMENTS: Final = (
    ExpressionStmt,
    AssignmentStmt,
    OperatorAssignmentStmt,
    PassStmt,
    Import,
    ImportFrom,
)
# A bound on the overwrite scan keeps the walk linear on long straight-line blocks.
MAX_OVERWRITE_SCAN: Final = 32
Scope = Node  # MypyFile, ClassDef, FuncDef or LambdaExpr


class Accesses:
    """Where a local name is read (with the use of each read) and bound."""

    __slots__ = ("reads", "writes")

    def __init__(self) -> None:
        self.reads: list[tuple[NameExpr, Statement, Scope]] = []
        self.writes: list[tuple[Statement, Scope]] = []


class ModuleValueUses:
    """The uses of one module's expressions, and the fates of its local names.

    ``recorded``, ``variables``, ``sites`` and ``dynamic_scopes`` are filled by
    ``value_walk``; everything else reads them through the methods below.
    """

    def __init__(self, tree: MypyFile) -> None:
        self.tree = tree
        self.calls: list[CallExpr] = []  # calls that have a recorded use
        self.functions: set[FuncDef] = set()  # every def walked
        self.recorded: dict[Expression, ValueUse] = {}
        self.variables: dict[Var, Accesses] = {}
        self.sites: dict[AssignmentStmt, tuple[list[Statement], int, Scope]] = {}
        self.dynamic_scopes: set[Scope] = set()
        self._fates: dict[AssignmentStmt, Fate] = {}

    def direct_use(self, expr: Expression) -> ValueUse | None:
        return self.recorded.get(expr)

    def use_of(self, expr: Expression) -> ValueUse | None:
        """The use of ``expr``'s value, looking through and/or, ternaries, walrus, comprehensions."""
        use = self.recorded.get(expr)
        while use is not None and use.kind is UseKind.VIA:
            assert isinstance(use.parent, Expression)
            use = self.recorded.get(use.parent)
        return use

    def reads(self, var: Var) -> list[ValueUse | None]:
        """The uses of every read of a local name or parameter (None: not followed)."""
        accesses = self.variables.get(var)
        return [self.use_of(name) for name, _, _ in accesses.reads] if accesses else []

    def assignments(self, var: Var) -> list[AssignmentStmt]:
        """The ``name = value`` statements that bind a local name (see ``assignment_fate``)."""
        accesses = self.variables.get(var)
        if accesses is None:
            return []
        return [s for s, _ in accesses.writes if isinstance(s, AssignmentStmt) and s in self.sites]

    def assignment_fate(self, stmt: AssignmentStmt) -> Fate:
        """What becomes of the value bound by ``name = value`` (a local, or ``_``).

        Only reads in the same function count; a read from a nested function or lambda,
        ``nonlocal``/``global`` bindings and ``locals()``-style calls make it ``USED``.
        ``OVERWRITTEN`` looks at the following statements of the same block only, up
        to the first one that reads the name, jumps or opens a block.
        """
        fate = self._fates.get(stmt)
        if fate is None:
            fate = self._fates[stmt] = self._fate(stmt)
        return fate

    def _fate(self, stmt: AssignmentStmt) -> Fate:
        site = self.sites.get(stmt)
        target = stmt.lvalues[0]
        if site is None or not isinstance(target, NameExpr) or not isinstance(target.node, Var):
            return Fate.USED
        body, index, scope = site
        accesses = self.variables.get(target.node, Accesses())
        if scope in self.dynamic_scopes or any(
            other is not scope
            for other in [s for _, _, s in accesses.reads] + [s for _, s in accesses.writes]
        ):
            return Fate.USED
        if _overwritten(target.node, accesses, body, index):
            return Fate.OVERWRITTEN
        if not accesses.reads:
            return Fate.NEVER_READ
        kinds = {use.kind if use is not None else None for use in self.reads(target.node)}
        return Fate.ONLY_TESTED if kinds <= LOST_READS else Fate.USED


def _overwritten(var: Var, accesses: Accesses, body: list[Statement], index: int) -> bool:
    touching = {statement for _, statement, _ in accesses.reads}
    for later in body[index + 1 : index + 1 + MAX_OVERWRITE_SCAN]:
        if later in touching or not isinstance(later, _STRAIGHT_STATEMENTS):
            return False
        if isinstance(later, AssignmentStmt) and any(
            isinstance(lvalue, NameExpr) and lvalue.node is var for lvalue in later.lvalues
        ):
            return True
    return False


def is_tracked_name(expr: NameExpr) -> bool:
    """Local names and parameters, plus a module-level ``_`` (which nobody reads)."""
    return isinstance(expr.node, Var) and (
        expr.kind == LDEF or (expr.kind == GDEF and expr.name == "_")
    )


def formats_its_arguments(call: CallExpr) -> bool:
    """``"...".format(...)`` (also what every f-string becomes): its arguments are
    formatted, not passed on."""
    callee = call.callee
    return isinstance(callee, MemberExpr) and callee.name == "format" and isinstance(
        callee.expr, StrExpr
    )


def written_name(expr: Expression) -> str | None:
    """The callee as written (``fetch``, ``self.client.get``, ``make()(...)``), if simple."""
    if isinstance(expr, NameExpr):
        return expr.name
    if isinstance(expr, MemberExpr):
        receiver = written_name(expr.expr)
        return f"{receiver}.{expr.name}" if receiver is not None else None
    if isinstance(expr, CallExpr):
        callee = written_name(expr.callee)
        return f"{callee}(...)" if callee is not None else None
    return None

