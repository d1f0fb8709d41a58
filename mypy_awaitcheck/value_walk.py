"""The walk that fills ``value_use.ModuleValueUses``: a whole module, or one def.

Statements are walked here, in Python; each expression root of a statement goes to
``value_marks``, which expands it with mypy's compiled walk and marks uses. Recorded
here: ``name = value`` sites with their block, the functions walked (a function is
walked once, so walks of single defs and of whole modules can be mixed), and the
scopes names are bound in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from mypy.nodes import (
    AssertStmt,
    AssignmentStmt,
    Block,
    ClassDef,
    Decorator,
    DelStmt,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    IfStmt,
    IndexExpr,
    ListExpr,
    MatchStmt,
    MemberExpr,
    MypyFile,
    NameExpr,
    Node,
    OperatorAssignmentStmt,
    OverloadedFuncDef,
    RaiseStmt,
    ReturnStmt,
    StarExpr,
    Statement,
    TryStmt,
    TupleExpr,
    TypeAliasStmt,
    WhileStmt,
    WithStmt,
)

from mypy_awaitcheck.value_marks import ExpressionMarks
from mypy_awaitcheck.value_use import (
    ModuleValueUses,
    Scope,
    UseKind,
    ValueUse,
    is_tracked_name,
)

def analyze_module(tree: MypyFile) -> ModuleValueUses:
    uses = ModuleValueUses(tree)
    _Walker(uses).walk(tree)
    return uses


def analyze_statement(uses: ModuleValueUses, body: list[Statement], index: int, scope: Node) -> None:
    """Add the uses of one statement (``body[index]``, in ``scope``) to ``uses``.

    For a def at module or class level: names local to a function are bound and
    read within it, so their fates come out as in a whole-module walk. Functions
    already in ``uses`` are not walked again.
    """
    walker = _Walker(uses)
    walker.walk_statement(body, index, scope)


class _Walker(ExpressionMarks):
    """Fills a ``ModuleValueUses``: statements here, expressions in ``ExpressionMarks``."""

    def walk(self, tree: MypyFile) -> None:
        self._block(tree.defs)

    def walk_statement(self, body: list[Statement], index: int, scope: Scope) -> None:
        self._scope = scope
        handler = _STATEMENT_HANDLERS.get(type(body[index]))
        if handler is not None:
            handler(self, body[index], body, index)

    # --- statements

    def _block(self, body: list[Statement]) -> None:
        for index, statement in enumerate(body):
            handler = _STATEMENT_HANDLERS.get(type(statement))
            if handler is not None:
                handler(self, statement, body, index)

    def _blocks(self, *blocks: Block | None) -> None:
        for block in blocks:
            if block is not None:
                self._block(block.body)

    def _target(self, target: Expression, statement: Statement) -> None:
        """A binding target: names are written, the rest is evaluated."""
        if isinstance(target, NameExpr):
            self._write(target, statement)
        elif isinstance(target, (TupleExpr, ListExpr)):
            for item in target.items:
                self._target(item, statement)
        elif isinstance(target, StarExpr):
            self._target(target.expr, statement)
        elif isinstance(target, IndexExpr):
            self._root(target.base, statement, None)
            self._root(target.index, statement, None)
        elif isinstance(target, MemberExpr):
            self._root(target.expr, statement, None)
        else:
            self._root(target, statement, None)

    def _assignment(self, s: AssignmentStmt, body: list[Statement], index: int) -> None:
        target = s.lvalues[0]
        if len(s.lvalues) == 1 and isinstance(target, NameExpr) and is_tracked_name(target):
            self._out.sites[s] = (body, index, self._scope)
            use = ValueUse(UseKind.ASSIGNED, s, detail=target.name)
        else:
            use = ValueUse(UseKind.STORED, s)
        self._root(s.rvalue, s, use)
        for lvalue in s.lvalues:
            self._target(lvalue, s)

    def _operator_assignment(self, s: OperatorAssignmentStmt, *_: object) -> None:
        self._root(s.rvalue, s, None)
        self._root(s.lvalue, s, None)  # read, then rebound: never a plain overwrite

    def _expression_statement(self, s: ExpressionStmt, *_: object) -> None:
        self._root(s.expr, s, ValueUse(UseKind.DISCARDED, s))

    def _return(self, s: ReturnStmt, *_: object) -> None:
        if s.expr is not None:
            self._root(s.expr, s, ValueUse(UseKind.RETURNED, self._function))

    def _if(self, s: IfStmt, *_: object) -> None:
        for condition in s.expr:
            self._root(condition, s, ValueUse(UseKind.CONDITION, s))
        self._blocks(*s.body, s.else_body)

    def _while(self, s: WhileStmt, *_: object) -> None:
        self._root(s.expr, s, ValueUse(UseKind.CONDITION, s))
        self._blocks(s.body, s.else_body)

    def _for(self, s: ForStmt, *_: object) -> None:
        self._root(s.expr, s, None)
        self._target(s.index, s)
        self._blocks(s.body, s.else_body)

    def _with(self, s: WithStmt, *_: object) -> None:
        for manager, target in zip(s.expr, s.target):
            self._root(manager, s, None)
            if target is not None:
                self._target(target, s)
        self._blocks(s.body)

    def _try(self, s: TryStmt, *_: object) -> None:
        self._blocks(s.body)
        for exception_type, var, handler in zip(s.types, s.vars, s.handlers):
            if exception_type is not None:
                self._root(exception_type, s, None)
            if var is not None:
                self._target(var, s)
            self._blocks(handler)
        self._blocks(s.else_body, s.finally_body)

    def _assert(self, s: AssertStmt, *_: object) -> None:
        self._root(s.expr, s, ValueUse(UseKind.CONDITION, s))
        if s.msg is not None:
            self._root(s.msg, s, None)

    def _raise(self, s: RaiseStmt, *_: object) -> None:
        for expr in (s.expr, s.from_expr):
            if expr is not None:
                self._root(expr, s, None)

    def _del(self, s: DelStmt, *_: object) -> None:
        items = s.expr.items if isinstance(s.expr, TupleExpr) else [s.expr]
        for item in items:
            self._root(item, s, ValueUse(UseKind.DELETED, s))

    def _match(self, s: MatchStmt, *_: object) -> None:
        self._root(s.subject, s, None)
        for guard, body in zip(s.guards, s.bodies):
            if guard is not None:
                self._root(guard, s, ValueUse(UseKind.CONDITION, s))
            self._blocks(body)

    def _type_alias(self, s: TypeAliasStmt, *_: object) -> None:
        self._root(s.value, s, None)

    def _nested_block(self, s: Block, *_: object) -> None:
        self._block(s.body)

    def _func_def(self, s: FuncDef, *_: object) -> None:
        if s in self._out.functions:
            return  # walked before, on its own (``analyze_statement``)
        for argument in s.arguments:
            if argument.initializer is not None:
                self._root(argument.initializer, s, None)
        self._out.functions.add(s)
        outer = self._scope, self._function
        self._scope = self._function = s
        self._block(s.body.body)
        self._scope, self._function = outer

    def _decorator(self, s: Decorator, *_: object) -> None:
        for decorator in s.decorators:
            self._root(decorator, s, None)
        self._func_def(s.func)

    def _overloaded(self, s: OverloadedFuncDef, *_: object) -> None:
        for item in [*s.items, s.impl] if s.impl is not None else s.items:
            _STATEMENT_HANDLERS[type(item)](self, item, [], 0)

    def _class_def(self, s: ClassDef, *_: object) -> None:
        for expr in [*s.decorators, *s.base_type_exprs, *s.keywords.values()]:
            self._root(expr, s, None)
        if s.metaclass is not None:
            self._root(s.metaclass, s, None)
        outer = self._scope
        self._scope = s
        self._block(s.defs.body)
        self._scope = outer


# A table of plain functions: bound methods stored on the walker would make it a
# reference cycle, and its whole result garbage only the cycle collector frees.
_STATEMENT_HANDLERS: Final[dict[type, Callable[..., None]]] = {
    AssignmentStmt: _Walker._assignment,
    OperatorAssignmentStmt: _Walker._operator_assignment,
    ExpressionStmt: _Walker._expression_statement,
    ReturnStmt: _Walker._return,
    IfStmt: _Walker._if,
    WhileStmt: _Walker._while,
    ForStmt: _Walker._for,
    WithStmt: _Walker._with,
    TryStmt: _Walker._try,
    AssertStmt: _Walker._assert,
    RaiseStmt: _Walker._raise,
    DelStmt: _Walker._del,
    MatchStmt: _Walker._match,
    TypeAliasStmt: _Walker._type_alias,
    Block: _Walker._nested_block,
    FuncDef: _Walker._func_def,
    Decorator: _Walker._decorator,
    OverloadedFuncDef: _Walker._overloaded,
    ClassDef: _Walker._class_def,
}
