"""One walk over a module's statements: the bodies mypy leaves unchecked, and what binds names.

mypy checks a function body only when the function has an annotation (or under
``check_untyped_defs``, which the driver handles); nested functions are judged on
their own, and a lambda or a class body belongs to the function around it. The walk collects, for every
unchecked body, its own expressions (nested functions excluded: they are bodies
of their own), and, for the whole module, every place that binds a variable or
stores an attribute, so that resolution can tell a name bound once from a
name bound several times. Blocks that mypy marks unreachable are skipped, like
mypy skips them. Expressions of checked bodies are not walked at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from mypy.nodes import (
    AssertStmt,
    AssignmentExpr,
    AssignmentStmt,
    Block,
    BreakStmt,
    ClassDef,
    ContinueStmt,
    Decorator,
    DelStmt,
    Expression,
    ExpressionStmt,
    ForStmt,
    FuncDef,
    FuncItem,
    GlobalDecl,
    IfStmt,
    Import,
    ImportAll,
    ImportFrom,
    ListExpr,
    MatchStmt,
    MemberExpr,
    MypyFile,
    NameExpr,
    NonlocalDecl,
    OperatorAssignmentStmt,
    OverloadedFuncDef,
    PassStmt,
    RaiseStmt,
    ReturnStmt,
    StarExpr,
    Statement,
    TryStmt,
    TupleExpr,
    TypeInfo,
    Var,
    WhileStmt,
    WithStmt,
)
from mypy.patterns import AsPattern, MappingPattern, Pattern, StarredPattern

from mypy_awaitcheck.mypy_compat import subexpressions_of

Enclosing = tuple[TypeInfo | FuncItem, ...]


class UncheckedBody:
    """A function body mypy does not check, with everything needed to report in it."""

    def __init__(self, func: FuncItem, enclosing: Enclosing) -> None:
        self.func = func
        self.enclosing = enclosing  # classes and functions around ``func``, outermost first
        self.expressions: list[Expression] = []

    @property
    def scope(self) -> Enclosing:
        return (*self.enclosing, self.func)


class ModuleWalk:
    def __init__(self, tree: MypyFile) -> None:
        self.tree = tree
        self.unchecked: list[UncheckedBody] = []
        # Every binding of a variable: the assigned expression, or None when the value
        # is not one plain expression (loop targets, unpacking, ``+=``, ``with ... as``).
        self.bindings: dict[Var, list[Expression | None]] = {}
        # Parameters, with the function and class (for methods) that declare them.
        self.parameters: dict[Var, tuple[FuncItem, TypeInfo | None]] = {}
        # ``receiver.name = value`` anywhere in the module, by attribute name.
        self.member_stores: dict[str, list[tuple[Expression, Expression | None]]] = {}
        # Names declared ``global``/``nonlocal`` somewhere: rebound from another scope.
        self.rebound_names: set[str] = set()
        self.functions: set[FuncItem] = set()
        self.classes: set[TypeInfo] = set()
        self.unchecked_functions: dict[FuncItem, UncheckedBody] = {}


def has_unchecked_function(tree: MypyFile) -> bool:
    """Whether a module defines a function whose body mypy leaves unchecked, anywhere.

    A look at statements only, much cheaper than ``walk_module``, which most modules
    (annotated throughout) then do not need. Unreachable blocks count: the walk decides.
    """
    # Every statement of the module comes through the inner loop: exact classes (mypy's
    # statement classes have no subclasses) and names bound locally keep it short.
    simple = _SIMPLE_STATEMENTS
    blocks: list[list[Statement]] = [tree.defs]
    pending = blocks.append
    while blocks:
        for statement in blocks.pop():
            kind = type(statement)
            if kind in simple:
                continue  # most statements: only the few others are looked at below
            if kind is Decorator:
                statement = statement.func  # type: ignore[attr-defined]  # by the exact type
                kind = FuncDef
            if kind is FuncDef:
                func: FuncDef = statement  # type: ignore[assignment]  # by the exact type
                if func.is_dynamic():
                    return True
                pending(func.body.body)
            elif isinstance(statement, OverloadedFuncDef):
                pending([*statement.items, *([statement.impl] if statement.impl else [])])
            elif isinstance(statement, ClassDef):
                pending(statement.defs.body)
            elif isinstance(statement, Block):
                pending(statement.body)
            else:
                blocks.extend(block.body for block in _compound_blocks(statement))
    return False


# Statements that hold no other statement: no function can be defined inside them.
_SIMPLE_STATEMENTS: Final = frozenset(
    {
        AssignmentStmt,
        OperatorAssignmentStmt,
        ExpressionStmt,
        ReturnStmt,
        RaiseStmt,
        AssertStmt,
        DelStmt,
        PassStmt,
        BreakStmt,
        ContinueStmt,
        Import,
        ImportFrom,
        ImportAll,
        GlobalDecl,
        NonlocalDecl,
    }
)


def _compound_blocks(statement: Statement) -> list[Block]:
    """The blocks a compound statement (``if``, loops, ``with``, ``try``, ``match``) holds."""
    blocks: list[Block | None]
    if isinstance(statement, IfStmt):
        blocks = [*statement.body, statement.else_body]
    elif isinstance(statement, (WhileStmt, ForStmt)):
        blocks = [statement.body, statement.else_body]
    elif isinstance(statement, WithStmt):
        blocks = [statement.body]
    elif isinstance(statement, TryStmt):
        blocks = [statement.body, *statement.handlers, statement.else_body, statement.finally_body]
    elif isinstance(statement, MatchStmt):
        blocks = list(statement.bodies)
    else:
        return []
    return [block for block in blocks if block is not None]


def walk_module(tree: MypyFile) -> ModuleWalk:
    walker = _Walker(ModuleWalk(tree))
    walker.block(tree.defs, (), None)
    return walker.result


class _Walker:
    def __init__(self, result: ModuleWalk) -> None:
        self.result = result

    def block(
        self, statements: Iterable[Statement], enclosing: Enclosing, body: UncheckedBody | None
    ) -> None:
        for statement in statements:
            self.statement(statement, enclosing, body)

    def statement(self, s: Statement, enclosing: Enclosing, body: UncheckedBody | None) -> None:
        if isinstance(s, Block):
            if not s.is_unreachable:
                self.block(s.body, enclosing, body)
        elif isinstance(s, FuncDef):
            self.function(s, enclosing, body)
        elif isinstance(s, Decorator):
            self.expressions(s.decorators, body)
            self.function(s.func, enclosing, body)
        elif isinstance(s, OverloadedFuncDef):
            for item in s.items:
                self.statement(item, enclosing, body)
            if s.impl is not None:
                self.statement(s.impl, enclosing, body)
        elif isinstance(s, ClassDef):
            self.expressions([*s.decorators, *s.base_type_exprs], body)
            self.result.classes.add(s.info)
            self.statement(s.defs, (*enclosing, s.info), body)
        elif isinstance(s, AssignmentStmt):
            for lvalue in s.lvalues:
                self.bind(lvalue, s.rvalue)
            self.expressions([*s.lvalues, s.rvalue], body)
        elif isinstance(s, OperatorAssignmentStmt):
            self.bind(s.lvalue, None)
            self.expressions([s.lvalue, s.rvalue], body)
        else:
            self.compound_or_simple(s, enclosing, body)

    def compound_or_simple(
        self, s: Statement, enclosing: Enclosing, body: UncheckedBody | None
    ) -> None:
        if isinstance(s, (ExpressionStmt, ReturnStmt)):
            self.expressions([s.expr] if s.expr is not None else [], body)
        elif isinstance(s, IfStmt):
            self.expressions(s.expr, body)
        elif isinstance(s, WhileStmt):
            self.expressions([s.expr], body)
        elif isinstance(s, ForStmt):
            self.bind(s.index, None)
            self.expressions([s.index, s.expr], body)
        elif isinstance(s, WithStmt):
            for target in s.target:
                if target is not None:
                    self.bind(target, None)
            self.expressions([*s.expr, *(t for t in s.target if t is not None)], body)
        elif isinstance(s, TryStmt):
            for var in s.vars:
                if var is not None:
                    self.bind(var, None)
            self.expressions([t for t in s.types if t is not None], body)
        elif isinstance(s, MatchStmt):
            for pattern in s.patterns:
                self.bind_pattern(pattern)
            self.expressions([s.subject, *(g for g in s.guards if g is not None)], body)
        elif isinstance(s, DelStmt):
            self.bind(s.expr, None)
            self.expressions([s.expr], body)
        elif isinstance(s, RaiseStmt):
            self.expressions([e for e in (s.expr, s.from_expr) if e is not None], body)
        elif isinstance(s, AssertStmt):
            self.expressions([e for e in (s.expr, s.msg) if e is not None], body)
        elif isinstance(s, (GlobalDecl, NonlocalDecl)):
            self.result.rebound_names.update(s.names)
        self.blocks(_compound_blocks(s), enclosing, body)  # after the statement's own parts

    def blocks(
        self, blocks: Iterable[Block | None], enclosing: Enclosing, body: UncheckedBody | None
    ) -> None:
        for block in blocks:
            if block is not None:
                self.statement(block, enclosing, body)

    def function(self, func: FuncItem, enclosing: Enclosing, outer: UncheckedBody | None) -> None:
        self.result.functions.add(func)
        owner = enclosing[-1] if enclosing and isinstance(enclosing[-1], TypeInfo) else None
        for argument in func.arguments:
            self.result.parameters[argument.variable] = (func, owner)
        # Defaults are evaluated, and checked, where the function is defined.
        self.expressions([a.initializer for a in func.arguments if a.initializer], outer)
        body = None
        if func.is_dynamic():
            body = UncheckedBody(func, enclosing)
            self.result.unchecked.append(body)
            self.result.unchecked_functions[func] = body
        self.statement(func.body, (*enclosing, func), body)

    def expressions(self, roots: Iterable[Expression], body: UncheckedBody | None) -> None:
        """Collect an unchecked body's expressions; walrus targets bind there too."""
        if body is None:
            return
        for root in roots:
            for expression in subexpressions_of(root):
                body.expressions.append(expression)
                if isinstance(expression, AssignmentExpr):
                    self.bind(expression.target, expression.value)

    def bind(self, target: Expression, value: Expression | None) -> None:
        if isinstance(target, NameExpr):
            if isinstance(target.node, Var):
                self.result.bindings.setdefault(target.node, []).append(value)
        elif isinstance(target, MemberExpr):
            self.result.member_stores.setdefault(target.name, []).append((target.expr, value))
        elif isinstance(target, (TupleExpr, ListExpr)):
            for item in target.items:
                self.bind(item, None)
        elif isinstance(target, StarExpr):
            self.bind(target.expr, None)

    def bind_pattern(self, pattern: Pattern) -> None:
        """Names captured by a ``case`` pattern are bound to values nobody can name here."""
        if isinstance(pattern, (AsPattern, StarredPattern)):
            name = pattern.name if isinstance(pattern, AsPattern) else pattern.capture
            if name is not None:
                self.bind(name, None)
        if isinstance(pattern, MappingPattern) and pattern.rest is not None:
            self.bind(pattern.rest, None)
        for child in _sub_patterns(pattern):
            self.bind_pattern(child)


def _sub_patterns(pattern: Pattern) -> list[Pattern]:
    children: list[Pattern] = []
    for attribute in ("pattern", "patterns", "values", "positionals", "keyword_values"):
        value = getattr(pattern, attribute, None)
        if isinstance(value, Pattern):
            children.append(value)
        elif isinstance(value, list):
            children.extend(item for item in value if isinstance(item, Pattern))
    return children
