"""How each expression marks the use of its direct children (for ``value_walk``).

``value_walk`` walks statements and hands each expression root of a statement to
``ExpressionMarks._root``, which expands it with mypy's compiled walk (preorder, see
``mypy_compat.subexpressions_of``); every expression then marks the use of its direct
children, so a parent's use is known before its children's. Only what the checks
read is recorded: uses of calls, local names and the expressions that pass a value
on, and reads and bindings of local names with their statement and scope.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from mypy.nodes import (
    AssignmentExpr,
    AwaitExpr,
    BytesExpr,
    CallExpr,
    ComparisonExpr,
    ConditionalExpr,
    DictionaryComprehension,
    Expression,
    FuncDef,
    GeneratorExpr,
    LambdaExpr,
    ListComprehension,
    ListExpr,
    MemberExpr,
    NameExpr,
    Node,
    OpExpr,
    SetComprehension,
    StarExpr,
    Statement,
    StrExpr,
    TupleExpr,
    UnaryExpr,
    Var,
    YieldExpr,
    YieldFromExpr,
)

from mypy_awaitcheck.mypy_compat import subexpressions_of
from mypy_awaitcheck.value_use import (
    EQUALITY_OPERATORS,
    MEMBERSHIP_OPERATORS,
    Accesses,
    ModuleValueUses,
    Scope,
    UseKind,
    ValueUse,
    formats_its_arguments,
    is_tracked_name,
)

# Besides calls and local names, the use of these is recorded: they pass a value on
# (VIA), or, for ``await``, what becomes of an awaited result matters.
_PASSING_ON: Final = frozenset(
    {ConditionalExpr, AssignmentExpr, GeneratorExpr, ListComprehension, SetComprehension, AwaitExpr}
)


DYNAMIC_SCOPE_BUILTINS: Final = frozenset(
    {"builtins.locals", "builtins.vars", "builtins.eval", "builtins.exec"}
)


class ExpressionMarks:
    """The expression half of the walker: the state both halves share, and the marks."""

    def __init__(self, uses: ModuleValueUses) -> None:
        self._out = uses
        self._scope: Scope = uses.tree
        self._function: FuncDef | None = None
        self._lambda_scopes: dict[Expression, LambdaExpr] = {}
        self._statement: Statement | None = None

    def _root(self, expr: Expression, statement: Statement, use: ValueUse | None) -> None:
        """Mark ``expr``'s use, then let each expression under it mark its children.

        The hot loop of the walk: most expressions (literals, attributes, names of
        globals) need nothing, so the type dispatch comes first and builds nothing.
        """
        self._statement = statement
        if use is not None and is_tracked(expr):
            self._record(expr, use)
        expressions = EXPRESSION_HANDLERS
        for expression in subexpressions_of(expr):
            kind = type(expression)
            if kind is NameExpr:
                if is_tracked_name(expression):  # type: ignore[arg-type]
                    self._name(expression)  # type: ignore[arg-type]
            else:
                handler = expressions.get(kind)
                if handler is not None:
                    handler(self, expression)
        self._lambda_scopes.clear()

    def _mark(
        self, child: Expression, kind: UseKind, parent: Node | None, position: int = -1, detail: str = ""
    ) -> None:
        """Record a child's use; the first parent to mark a child wins (see ``_call``)."""
        if is_tracked(child):
            self._record(child, ValueUse(kind, parent, position, detail))

    def _record(self, child: Expression, use: ValueUse) -> None:
        uses = self._out.recorded
        if child not in uses:
            uses[child] = use
            if type(child) is CallExpr:
                self._out.calls.append(child)

    def _mark_targets(self, target: Expression) -> None:
        if isinstance(target, NameExpr):
            self._mark(target, UseKind.TARGET, None)
        elif isinstance(target, (TupleExpr, ListExpr)):
            for item in target.items:
                self._mark_targets(item)
        elif isinstance(target, StarExpr):
            self._mark_targets(target.expr)

    def _name(self, e: NameExpr) -> None:
        use = self._out.recorded.get(e)
        statement = self._statement
        assert statement is not None
        if use is not None and use.kind is UseKind.TARGET:
            self._write(e, statement)
        else:
            scope = self._lambda_scopes.get(e, self._scope) if self._lambda_scopes else self._scope
            self._accesses(e).reads.append((e, statement, scope))

    def _write(self, e: NameExpr, statement: Statement) -> None:
        if is_tracked_name(e):
            self._accesses(e).writes.append((statement, self._lambda_scopes.get(e, self._scope)))

    def _accesses(self, e: NameExpr) -> Accesses:
        assert isinstance(e.node, Var)
        accesses = self._out.variables.get(e.node)
        if accesses is None:
            accesses = self._out.variables[e.node] = Accesses()
        return accesses

    def _call(self, e: CallExpr) -> None:
        if e.analyzed is not None:
            return  # cast(), reveal_type(), TypeVar()...: not a call at run time
        callee = e.callee
        if isinstance(callee, MemberExpr):
            self._mark(callee.expr, UseKind.METHOD_RECEIVER, e, detail=callee.name)
            if formats_its_arguments(e):
                for arg in e.args:
                    self._mark(arg, UseKind.FORMATTED, e)
                return
        elif isinstance(callee, NameExpr) and callee.fullname in DYNAMIC_SCOPE_BUILTINS:
            self._out.dynamic_scopes.add(self._scope)
        for position, arg in enumerate(e.args):
            self._mark(arg, UseKind.ARGUMENT, e, position)

    def _op(self, e: OpExpr) -> None:
        if e.op in ("and", "or"):
            self._mark(e.left, UseKind.CONDITION, e)
            self._mark(e.right, UseKind.VIA, e)
        elif e.op == "%" and isinstance(e.left, (StrExpr, BytesExpr)):
            for item in e.right.items if isinstance(e.right, TupleExpr) else [e.right]:
                self._mark(item, UseKind.FORMATTED, e)

    def _unary(self, e: UnaryExpr) -> None:
        if e.op == "not":
            self._mark(e.expr, UseKind.CONDITION, e)

    def _comparison(self, e: ComparisonExpr) -> None:
        for position, operator in enumerate(e.operators):
            left, right = e.operands[position], e.operands[position + 1]
            if operator in EQUALITY_OPERATORS:
                self._mark(left, UseKind.COMPARISON, e, position + 1, operator)
                self._mark(right, UseKind.COMPARISON, e, position, operator)
            elif operator in MEMBERSHIP_OPERATORS:
                self._mark(left, UseKind.COMPARISON, e, position + 1, operator)

    def _conditional(self, e: ConditionalExpr) -> None:
        self._mark(e.cond, UseKind.CONDITION, e)
        self._mark(e.if_expr, UseKind.VIA, e)
        self._mark(e.else_expr, UseKind.VIA, e)

    def _walrus(self, e: AssignmentExpr) -> None:
        self._mark_targets(e.target)
        self._mark(e.value, UseKind.VIA, e)

    def _await(self, e: AwaitExpr) -> None:
        self._mark(e.expr, UseKind.AWAITED, e)

    def _yield(self, e: YieldExpr | YieldFromExpr) -> None:
        if e.expr is not None:
            self._mark(e.expr, UseKind.STORED, e)

    def _lambda(self, e: LambdaExpr) -> None:
        self._mark(e.expr(), UseKind.RETURNED, e)
        for inner in subexpressions_of(e.expr()):
            self._lambda_scopes[inner] = e  # preorder: nested lambdas overwrite

    def _generator(self, e: GeneratorExpr) -> None:
        self._mark(e.left_expr, UseKind.ELEMENT, e)
        self._comprehension_clauses(e.indices, e.condlists, e)

    def _comprehension(self, e: ListComprehension | SetComprehension) -> None:
        self._mark(e.generator, UseKind.VIA, e)

    def _dict_comprehension(self, e: DictionaryComprehension) -> None:
        self._comprehension_clauses(e.indices, e.condlists, e)

    def _comprehension_clauses(
        self, indices: list[Expression], condlists: list[list[Expression]], e: Expression
    ) -> None:
        for index in indices:
            self._mark_targets(index)
        for conditions in condlists:
            for condition in conditions:
                self._mark(condition, UseKind.CONDITION, e)




# A table of plain functions: bound methods stored on the walker would make it a
# reference cycle, and its whole result garbage only the cycle collector frees.
EXPRESSION_HANDLERS: Final[dict[type, Callable[..., None]]] = {
    CallExpr: ExpressionMarks._call,
    OpExpr: ExpressionMarks._op,
    UnaryExpr: ExpressionMarks._unary,
    ComparisonExpr: ExpressionMarks._comparison,
    ConditionalExpr: ExpressionMarks._conditional,
    AssignmentExpr: ExpressionMarks._walrus,
    AwaitExpr: ExpressionMarks._await,
    YieldExpr: ExpressionMarks._yield,
    YieldFromExpr: ExpressionMarks._yield,
    LambdaExpr: ExpressionMarks._lambda,
    GeneratorExpr: ExpressionMarks._generator,
    ListComprehension: ExpressionMarks._comprehension,
    SetComprehension: ExpressionMarks._comprehension,
    DictionaryComprehension: ExpressionMarks._dict_comprehension,
}


def is_tracked(expr: Expression) -> bool:
    """Expressions whose use is recorded: calls, local names, and what passes values on."""
    kind = type(expr)
    if kind is CallExpr or kind in _PASSING_ON:
        return True
    if kind is NameExpr:
        return is_tracked_name(expr)  # type: ignore[arg-type]
    return kind is OpExpr and expr.op in ("and", "or")  # type: ignore[attr-defined]
