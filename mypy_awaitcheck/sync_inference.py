"""Whether an unannotated synchronous function certainly returns no awaitable.

mypy types such a call as ``Any`` and never reports awaiting it. The plugin looks
at the callee's own body and reports only when every ``return`` is certainly not
awaitable: no value, literals, containers, instances of classes without
``__await__``, string formatting, calls of annotated functions whose declared
result is not awaitable, and calls of functions that this same rule clears. Any
other return (a variable, an attribute, an unknown call, ``Any``) keeps it silent.
Generators, coroutines, decorated functions, functions that only raise and
placeholder bodies (``...``, ``pass``, ``raise NotImplementedError``, which
subclasses override) are left alone, and so are bodies mypy did not keep: a
module loaded from the incremental cache has none, so an unannotated callee in
an unchanged module is only judged when its module is checked again (a known
limit of incremental runs, never a false report).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from mypy.nodes import (
    Block,
    BytesExpr,
    CallExpr,
    ClassDef,
    ComplexExpr,
    Decorator,
    DictExpr,
    DictionaryComprehension,
    Expression,
    FloatExpr,
    ForStmt,
    FuncDef,
    FuncItem,
    GeneratorExpr,
    IfStmt,
    IntExpr,
    ListComprehension,
    ListExpr,
    MatchStmt,
    MemberExpr,
    MypyFile,
    NameExpr,
    OpExpr,
    RaiseStmt,
    RefExpr,
    ReturnStmt,
    SetComprehension,
    SetExpr,
    Statement,
    StrExpr,
    TryStmt,
    TupleExpr,
    TypeInfo,
    UnaryExpr,
    WhileStmt,
    WithStmt,
)
from mypy.types import AnyType, CallableType, TypeAliasType, get_proper_type

from mypy_awaitcheck.callee import plain_function
from mypy_awaitcheck.mypy_compat import is_placeholder_body
from mypy_awaitcheck.typepredicates import TypeFactory, is_awaitable, is_unannotated_any
from mypy_awaitcheck.verdict_store import VerdictStore

_NOT_AWAITABLE_LITERALS: Final = (
    IntExpr,
    StrExpr,
    BytesExpr,
    FloatExpr,
    ComplexExpr,
    ListExpr,
    DictExpr,
    SetExpr,
    TupleExpr,
    ListComprehension,
    SetComprehension,
    DictionaryComprehension,
    GeneratorExpr,
)
_CONSTANT_NAMES: Final = frozenset({"builtins.None", "builtins.True", "builtins.False"})
_BOOLEAN_OPERATORS: Final = frozenset({"and", "or"})


class SyncReturnInference:
    """Memoised per function; a function under inference counts as 'unknown'.

    mypy frees function bodies once a module is checked, before its dependents
    are, so each module's verdicts are recorded right after its check
    (``record_module``) and looked up by name when the body is gone.
    """

    def __init__(self, store: VerdictStore) -> None:
        self._verdicts: dict[FuncDef, bool] = {}
        self._store = store

    def record_module(self, tree: MypyFile, api: TypeFactory) -> None:
        if tree.is_stub:
            return
        # Only these get verdicts (callees awaited with an unannotated result).
        candidates = _unannotated_functions(tree)
        for func in candidates:
            # The daemon checks an edited module again with the same FuncDef objects.
            self._verdicts.pop(func, None)
        names = frozenset(
            func.fullname for func in candidates if self.never_returns_awaitable(func, api)
        )
        self._store.record(tree.fullname, names)

    def never_returns_awaitable(self, func: FuncDef, api: TypeFactory) -> bool:
        verdict = self._verdicts.get(func)
        if verdict is None:
            self._verdicts[func] = False  # breaks recursion through cycles
            verdict = self._infer(func, api)
            self._verdicts[func] = verdict
        return verdict

    def _infer(self, func: FuncDef, api: TypeFactory) -> bool:
        if not func.body.body:
            # Not a function that returns None: its body was freed after its module
            # was checked, or never loaded (incremental cache). Ask the record.
            return self._store.never_awaitable(_module_of(func), func.fullname)
        if (
            func.is_coroutine
            or func.is_generator
            or func.is_async_generator
            or func.is_awaitable_coroutine
            or is_placeholder_body(func.body)
        ):
            return False
        returns = list(_returns(func.body))
        if not returns and _ends_in_raise(func.body):
            return False  # never returns: awaiting it is not what fails
        return all(
            statement.expr is None or self._never_awaitable(statement.expr, api)
            for statement in returns
        )

    def _never_awaitable(self, expr: Expression, api: TypeFactory) -> bool:
        if isinstance(expr, _NOT_AWAITABLE_LITERALS):
            return True
        if isinstance(expr, NameExpr):
            return expr.fullname in _CONSTANT_NAMES
        if isinstance(expr, UnaryExpr):
            return expr.op == "not"
        if isinstance(expr, OpExpr) and expr.op in _BOOLEAN_OPERATORS:
            return self._never_awaitable(expr.left, api) and self._never_awaitable(
                expr.right, api
            )
        if isinstance(expr, CallExpr):
            return self._call_never_awaitable(expr, api)
        return False

    def _call_never_awaitable(self, call: CallExpr, api: TypeFactory) -> bool:
        callee = call.callee
        if isinstance(callee, MemberExpr) and isinstance(callee.expr, (StrExpr, BytesExpr)):
            return True  # "...".format(...), "".join(...) from f-strings
        if not isinstance(callee, RefExpr):
            return False
        if isinstance(callee.node, TypeInfo):
            return callee.node.get("__await__") is None and not callee.node.is_protocol
        func = plain_function(callee.node)
        if func is None:
            return False
        if returns_unannotated(func):
            return self.never_returns_awaitable(func, api)
        signature = get_proper_type(func.type)
        if not isinstance(signature, CallableType) or signature.variables:
            return False  # the result depends on the arguments
        return not is_awaitable(api, signature.ret_type)


def returns_unannotated(func: FuncDef) -> bool:
    """Whether mypy types a call of ``func`` as ``Any`` for want of a return annotation.

    Asked for every function of every module (``record_module``)."""
    # A FuncDef's type is None (not annotated at all) or a CallableType, never an alias.
    signature = func.type
    if not isinstance(signature, CallableType):
        return True
    returns = signature.ret_type
    kind = type(returns)
    # Told by the class in the common case: only an alias needs expanding to know.
    if kind is not AnyType and kind is not TypeAliasType:
        return False
    return is_unannotated_any(returns)


def _module_of(func: FuncDef) -> str:
    if func.info and func.info.fullname:
        return func.info.module_name
    return func.fullname.rpartition(".")[0]


def _unannotated_functions(tree: MypyFile) -> list[FuncDef]:
    """The module-level functions and the methods whose return is not annotated.

    Asked for every module of a build, so a plain loop: most returns are told by their
    class alone (``returns_unannotated``)."""
    found: list[FuncDef] = []
    for definition in tree.defs:
        if isinstance(definition, ClassDef):
            for member in definition.defs.body:
                if isinstance(member, FuncDef):
                    func: FuncDef | None = member
                elif isinstance(member, Decorator):
                    func = plain_function(member)
                else:
                    continue
                if func is not None and returns_unannotated(func):
                    found.append(func)
        elif isinstance(definition, FuncDef) and returns_unannotated(definition):
            found.append(definition)
    return found


def own_returns(func: FuncItem) -> Iterator[ReturnStmt]:
    """The function's own ``return`` statements; nested functions and classes excluded."""
    return _returns(func.body)


def _ends_in_raise(body: Block) -> bool:
    return bool(body.body) and isinstance(body.body[-1], RaiseStmt)


def _returns(block: Block) -> Iterator[ReturnStmt]:
    """The function's own return statements; nested functions and classes excluded."""
    for statement in block.body:
        yield from _returns_in(statement)


def _returns_in(statement: Statement) -> Iterator[ReturnStmt]:
    if isinstance(statement, ReturnStmt):
        yield statement
    elif isinstance(statement, Block):
        yield from _returns(statement)
    elif isinstance(statement, IfStmt):
        for body in statement.body:
            yield from _returns(body)
        if statement.else_body is not None:
            yield from _returns(statement.else_body)
    elif isinstance(statement, (WhileStmt, ForStmt)):
        yield from _returns(statement.body)
        if statement.else_body is not None:
            yield from _returns(statement.else_body)
    elif isinstance(statement, WithStmt):
        yield from _returns(statement.body)
    elif isinstance(statement, TryStmt):
        bodies: list[Block | None] = [
            statement.body, *statement.handlers, statement.else_body, statement.finally_body
        ]
        for optional_body in bodies:
            if optional_body is not None:
                yield from _returns(optional_body)
    elif isinstance(statement, MatchStmt):
        for body in statement.bodies:
            yield from _returns(body)
