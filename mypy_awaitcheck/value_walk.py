"""The one walk per module that fills ``value_use.ModuleValueUses``.

Statements are walked in Python; each expression root of a statement is expanded by
mypy's compiled walk (preorder, see ``mypy_compat.subexpressions_of``), and every
expression marks the use of its direct children, so a parent's use is known before
its children's. Only what the checks read is recorded: uses of calls, local names
and the expressions that pass a value on; reads and bindings of local names with
their statement and scope; ``name = value`` sites with their block.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from mypy.nodes import (
    AssertStmt,
    AssignmentExpr,
    AssignmentStmt,
    AwaitExpr,
    Block,
    BytesExpr,
    CallExpr,
    ClassDef,
    ComparisonExpr,
    ConditionalExpr,
    Decorator,
    DelStmt,
    DictionaryComprehension,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    GeneratorExpr,
    IfStmt,
    IndexExpr,
    LambdaExpr,
    ListComprehension,
    ListExpr,
    MatchStmt,
    MemberExpr,
    MypyFile,
    NameExpr,
    Node,
    OperatorAssignmentStmt,
    OpExpr,
    OverloadedFuncDef,
    RaiseStmt,
    ReturnStmt,
    SetComprehension,
    StarExpr,
    Statement,
    StrExpr,
    TryStmt,
    TupleExpr,
    TypeAliasStmt,
    UnaryExpr,
    Var,
    WhileStmt,
    WithStmt,
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


class _Walker:
    """Fills a ``ModuleValueUses``: statements in Python, expressions compiled."""

    def __init__(self, uses: ModuleValueUses) -> None:
        self._out = uses
        self._scope: Scope = uses.tree
        self._function: FuncDef | None = None
        self._lambda_scopes: dict[Expression, LambdaExpr] = {}
        self._statement: Statement | None = None

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

    def _root(self, expr: Expression, statement: Statement, use: ValueUse | None) -> None:
        """Mark ``expr``'s use, then let each expression under it mark its children.

        The hot loop of the walk: most expressions (literals, attributes, names of
        globals) need nothing, so the type dispatch comes first and builds nothing.
        """
        self._statement = statement
        if use is not None and _is_tracked(expr):
            self._record(expr, use)
        expressions = _EXPRESSION_HANDLERS
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

    # --- expressions: each marks its direct children

    def _mark(
        self, child: Expression, kind: UseKind, parent: Node | None, position: int = -1, detail: str = ""
    ) -> None:
        """Record a child's use; the first parent to mark a child wins (see ``_call``)."""
        if _is_tracked(child):
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
            if callee.name == "format" and isinstance(callee.expr, StrExpr):
                for arg in e.args:  # "...".format(...), and every f-string part
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
        self._out.awaited.add(e.expr)
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


# Dispatch tables of plain functions: bound methods stored on the walker would make
# it a reference cycle, and its whole result garbage only the cycle collector frees.
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
_EXPRESSION_HANDLERS: Final[dict[type, Callable[..., None]]] = {
    CallExpr: _Walker._call,
    OpExpr: _Walker._op,
    UnaryExpr: _Walker._unary,
    ComparisonExpr: _Walker._comparison,
    ConditionalExpr: _Walker._conditional,
    AssignmentExpr: _Walker._walrus,
    AwaitExpr: _Walker._await,
    YieldExpr: _Walker._yield,
    YieldFromExpr: _Walker._yield,
    LambdaExpr: _Walker._lambda,
    GeneratorExpr: _Walker._generator,
    ListComprehension: _Walker._comprehension,
    SetComprehension: _Walker._comprehension,
    DictionaryComprehension: _Walker._dict_comprehension,
}


def _is_tracked(expr: Expression) -> bool:
    """Expressions whose use is recorded: calls, local names, and what passes values on."""
    kind = type(expr)
    if kind is CallExpr or kind in _PASSING_ON:
        return True
    if kind is NameExpr:
        return is_tracked_name(expr)  # type: ignore[arg-type]
    return kind is OpExpr and expr.op in ("and", "or")  # type: ignore[attr-defined]
