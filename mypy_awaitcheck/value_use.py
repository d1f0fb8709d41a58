"""How each expression's value is used: the pure-AST half of the coroutine-value checks.

A coroutine object is harmless until it is used as if it had been awaited. Whether
that happens depends on where the call sits: a condition, a comparison, an argument,
a string format, a ``return``, a local name that nothing awaits afterwards. This
module computes those positions for a whole module in one linear walk: statements
are walked in Python; each expression root of a statement is expanded by mypy's
compiled walk (preorder, see ``mypy_compat.subexpressions_of``), and every expression
marks the use of its direct children, so a parent's use is known before its children's.

It reads only the tree (with the names semantic analysis resolved), never types, and
knows nothing about hooks: the after-check pass for unannotated bodies reuses it as
is, through ``analyze_module(tree)`` or a module index's ``uses``. What it leaves out:
match-statement patterns (they cannot contain calls or awaits) and any flow analysis
beyond one block (see ``ModuleValueUses.assignment_fate``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Final

from mypy.nodes import (
    GDEF,
    LDEF,
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
    DictExpr,
    DictionaryComprehension,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    GeneratorExpr,
    IfStmt,
    Import,
    ImportFrom,
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
    PassStmt,
    RaiseStmt,
    RefExpr,
    ReturnStmt,
    SetComprehension,
    SetExpr,
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


@dataclass(frozen=True, slots=True)
class ValueUse:
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
DYNAMIC_SCOPE_BUILTINS: Final = frozenset(
    {"builtins.locals", "builtins.vars", "builtins.eval", "builtins.exec"}
)
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
# Besides calls and local names, the use of these is recorded: they pass a value on
# (VIA), or, for ``await``, what becomes of an awaited result matters.
_PASSING_ON: Final = frozenset(
    {ConditionalExpr, AssignmentExpr, GeneratorExpr, ListComprehension, SetComprehension, AwaitExpr}
)

Scope = Node  # MypyFile, ClassDef, FuncDef or LambdaExpr


@dataclass
class _Accesses:
    reads: list[tuple[NameExpr, Statement, Scope]] = field(default_factory=list)
    writes: list[tuple[Statement, Scope]] = field(default_factory=list)


@dataclass
class ModuleValueUses:
    """The uses of one module's expressions, and the fates of its local names."""

    tree: MypyFile
    awaited: set[Expression] = field(default_factory=set)
    calls: list[CallExpr] = field(default_factory=list)  # calls that have a recorded use
    # (call, argument index, argument) for arguments that may be functions handed over.
    function_arguments: list[tuple[CallExpr, int, Expression]] = field(default_factory=list)
    async_function_names: set[str] = field(default_factory=set)
    functions: set[FuncDef] = field(default_factory=set)  # every def in the module
    _uses: dict[Expression, ValueUse] = field(default_factory=dict)
    _variables: dict[Var, _Accesses] = field(default_factory=dict)
    _sites: dict[AssignmentStmt, tuple[list[Statement], int, Scope]] = field(default_factory=dict)
    _dynamic_scopes: set[Scope] = field(default_factory=set)
    _fates: dict[AssignmentStmt, Fate] = field(default_factory=dict)

    def direct_use(self, expr: Expression) -> ValueUse | None:
        return self._uses.get(expr)

    def use_of(self, expr: Expression) -> ValueUse | None:
        """The use of ``expr``'s value, looking through and/or, ternaries, walrus, comprehensions."""
        use = self._uses.get(expr)
        while use is not None and use.kind is UseKind.VIA:
            assert isinstance(use.parent, Expression)
            use = self._uses.get(use.parent)
        return use

    def reads(self, var: Var) -> list[ValueUse | None]:
        """The uses of every read of a local name or parameter (None: not followed)."""
        accesses = self._variables.get(var)
        return [self.use_of(name) for name, _, _ in accesses.reads] if accesses else []

    def assignments(self, var: Var) -> list[AssignmentStmt]:
        """The ``name = value`` statements that bind a local name (see ``assignment_fate``)."""
        accesses = self._variables.get(var)
        if accesses is None:
            return []
        return [s for s, _ in accesses.writes if isinstance(s, AssignmentStmt) and s in self._sites]

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
        site = self._sites.get(stmt)
        target = stmt.lvalues[0]
        if site is None or not isinstance(target, NameExpr) or not isinstance(target.node, Var):
            return Fate.USED
        body, index, scope = site
        accesses = self._variables.get(target.node, _Accesses())
        if scope in self._dynamic_scopes or any(
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


def _overwritten(var: Var, accesses: _Accesses, body: list[Statement], index: int) -> bool:
    touching = {statement for _, statement, _ in accesses.reads}
    for later in body[index + 1 : index + 1 + MAX_OVERWRITE_SCAN]:
        if later in touching or not isinstance(later, _STRAIGHT_STATEMENTS):
            return False
        if isinstance(later, AssignmentStmt) and any(
            isinstance(lvalue, NameExpr) and lvalue.node is var for lvalue in later.lvalues
        ):
            return True
    return False


def analyze_module(tree: MypyFile) -> ModuleValueUses:
    uses = ModuleValueUses(tree)
    _Walker(uses).walk(tree)
    return uses


def is_tracked_name(expr: NameExpr) -> bool:
    """Local names and parameters, plus a module-level ``_`` (which nobody reads)."""
    return isinstance(expr.node, Var) and (
        expr.kind == LDEF or (expr.kind == GDEF and expr.name == "_")
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


class _Walker:
    """Fills a ``ModuleValueUses``: statements in Python, expressions compiled."""

    def __init__(self, uses: ModuleValueUses) -> None:
        self._out = uses
        self._scope: Scope = uses.tree
        self._function: FuncDef | None = None
        self._lambda_scopes: dict[Expression, LambdaExpr] = {}
        self._statements: dict[type, Callable[..., None]] = {
            AssignmentStmt: self._assignment,
            OperatorAssignmentStmt: self._operator_assignment,
            ExpressionStmt: self._expression_statement,
            ReturnStmt: self._return,
            IfStmt: self._if,
            WhileStmt: self._while,
            ForStmt: self._for,
            WithStmt: self._with,
            TryStmt: self._try,
            AssertStmt: self._assert,
            RaiseStmt: self._raise,
            DelStmt: self._del,
            MatchStmt: self._match,
            TypeAliasStmt: self._type_alias,
            Block: self._nested_block,
            FuncDef: self._func_def,
            Decorator: self._decorator,
            OverloadedFuncDef: self._overloaded,
            ClassDef: self._class_def,
        }
        self._expressions: dict[type, Callable[..., None]] = {
            CallExpr: self._call,
            OpExpr: self._op,
            UnaryExpr: self._unary,
            ComparisonExpr: self._comparison,
            ConditionalExpr: self._conditional,
            AssignmentExpr: self._walrus,
            AwaitExpr: self._await,
            YieldExpr: self._yield,
            YieldFromExpr: self._yield,
            LambdaExpr: self._lambda,
            GeneratorExpr: self._generator,
            ListComprehension: self._comprehension,
            SetComprehension: self._comprehension,
            DictionaryComprehension: self._dict_comprehension,
        }
        self._statement: Statement | None = None

    def walk(self, tree: MypyFile) -> None:
        self._block(tree.defs)

    # --- statements

    def _block(self, body: list[Statement]) -> None:
        for index, statement in enumerate(body):
            handler = self._statements.get(type(statement))
            if handler is not None:
                handler(statement, body, index)

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
        expressions = self._expressions
        for expression in subexpressions_of(expr):
            kind = type(expression)
            if kind is NameExpr:
                if is_tracked_name(expression):  # type: ignore[arg-type]
                    self._name(expression)  # type: ignore[arg-type]
            else:
                handler = expressions.get(kind)
                if handler is not None:
                    handler(expression)
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
            self._out._sites[s] = (body, index, self._scope)
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
        for argument in s.arguments:
            if argument.initializer is not None:
                self._root(argument.initializer, s, None)
        self._out.functions.add(s)
        if s.is_coroutine:
            self._out.async_function_names.add(s.name)
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
            handler = self._statements[type(item)]
            handler(item, [], 0)

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
        uses = self._out._uses
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
        use = self._out._uses.get(e)
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

    def _accesses(self, e: NameExpr) -> _Accesses:
        assert isinstance(e.node, Var)
        accesses = self._out._variables.get(e.node)
        if accesses is None:
            accesses = self._out._variables[e.node] = _Accesses()
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
            self._out._dynamic_scopes.add(self._scope)
        for position, arg in enumerate(e.args):
            self._mark(arg, UseKind.ARGUMENT, e, position)
            if _may_be_function(arg):
                self._out.function_arguments.append((e, position, arg))

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


def _is_tracked(expr: Expression) -> bool:
    """Expressions whose use is recorded: calls, local names, and what passes values on."""
    kind = type(expr)
    if kind is CallExpr or kind in _PASSING_ON:
        return True
    if kind is NameExpr:
        return is_tracked_name(expr)  # type: ignore[arg-type]
    return kind is OpExpr and expr.op in ("and", "or")  # type: ignore[attr-defined]


def _may_be_function(arg: Expression) -> bool:
    """A function handed over as such: a def, a method, a lambda, a ``partial(...)``."""
    if isinstance(arg, RefExpr):
        if isinstance(arg.node, (FuncDef, Decorator, OverloadedFuncDef)):
            return True
        return isinstance(arg, MemberExpr) and arg.node is None  # obj.method: unknown yet
    if isinstance(arg, CallExpr):
        callee = arg.callee
        return isinstance(callee, (NameExpr, MemberExpr)) and callee.name == "partial"
    return isinstance(arg, LambdaExpr)


def iter_calls_with_use(uses: ModuleValueUses) -> Iterator[tuple[CallExpr, ValueUse]]:
    """Every call whose value has a recorded use, with that (resolved) use."""
    for call in uses.calls:
        use = uses.use_of(call)
        if use is not None:
            yield call, use
