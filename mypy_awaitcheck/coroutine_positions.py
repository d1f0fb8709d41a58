"""Which positions may make a call's coroutine a reportable value, from the tree alone.

Two sides ask this same question, so that they cannot disagree: the module index,
to hand out hooks only for the callees of calls in such positions (``hook_gate``),
and the coroutine checks, before they look at types. The answers read the tree
(``value_use``) and the declarations semantic analysis resolved (``RefExpr.node``,
``FuncDef.type``); nothing here needs the type checker. Every "maybe" answers yes:
a position wrongly kept costs one hook, one wrongly dropped loses a report.
"""

from __future__ import annotations

from typing import Final

from mypy.nodes import (
    AssignmentStmt,
    BytesExpr,
    CallExpr,
    ClassDef,
    Decorator,
    Expression,
    FuncDef,
    LambdaExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OverloadedFuncDef,
    RefExpr,
    Statement,
    StrExpr,
    SymbolNode,
    TypeInfo,
    Var,
)
from mypy.types import (
    AnyType,
    CallableType,
    Instance,
    LiteralType,
    NoneType,
    Overloaded,
    TupleType,
    Type,
    TypedDictType,
    TypeType,
    UninhabitedType,
    UnionType,
    get_proper_type,
)

from mypy_awaitcheck.typepredicates import (
    COROUTINE,
    accepts_anything,
    coroutine_result,
    is_declared_any_or_object,
)
from mypy_awaitcheck.value_use import Fate, ModuleValueUses, UseKind, ValueUse

TRUTH_TESTERS: Final = frozenset({"builtins.any", "builtins.all"})
BOOLEAN_CONVERSIONS: Final = frozenset({"builtins.bool"})
TEXT_CONVERSIONS: Final = frozenset(
    {"builtins.str", "builtins.repr", "builtins.ascii", "builtins.format", "builtins.print"}
)
REPORTED_FATES: Final = frozenset({Fate.NEVER_READ, Fate.ONLY_TESTED, Fate.OVERWRITTEN})
_ALWAYS_REPORTED: Final = frozenset({UseKind.CONDITION, UseKind.COMPARISON, UseKind.FORMATTED})
# Results that are certainly no coroutine (anything else may be one, a TypeVar say).
_NOT_COROUTINES: Final = (
    AnyType,
    NoneType,
    TupleType,
    LiteralType,
    TypedDictType,
    CallableType,
    Overloaded,
    TypeType,
    UninhabitedType,
)


def may_report(use: ValueUse, uses: ModuleValueUses) -> bool:
    """Whether a coroutine used like this is reported, if the call returns one."""
    kind = use.kind
    if kind in _ALWAYS_REPORTED:
        return True
    if kind is UseKind.ELEMENT:
        return truth_tester(use, uses) is not None
    if kind is UseKind.ARGUMENT:
        return may_report_argument(use)
    if kind is UseKind.RETURNED:
        return isinstance(use.parent, FuncDef) and declared_return(use.parent) is not None
    if kind is UseKind.ASSIGNED:
        return (
            isinstance(use.parent, AssignmentStmt)
            and uses.assignment_fate(use.parent) in REPORTED_FATES
        )
    return False


def may_report_argument(use: ValueUse) -> bool:
    """Whether a coroutine passed as the argument ``use`` is reported, if it is one."""
    return isinstance(use.parent, CallExpr) and may_take_anything(use.parent.callee)


def truth_tester(use: ValueUse, uses: ModuleValueUses) -> str | None:
    """``any``/``all`` (as written) when an element's comprehension is their argument."""
    if use.kind is not UseKind.ELEMENT or not isinstance(use.parent, Expression):
        return None
    outer = uses.use_of(use.parent)
    if outer is None or outer.kind is not UseKind.ARGUMENT or not isinstance(outer.parent, CallExpr):
        return None
    callee = outer.parent.callee
    if isinstance(callee, (NameExpr, MemberExpr)) and callee.fullname in TRUTH_TESTERS:
        return callee.name
    return None


def declared_return(func: FuncDef) -> Type | None:
    """``func``'s written return type if it is ``Any`` or ``object`` (for ``async def``:
    what awaiting it returns), else None."""
    signature = func.type
    if not isinstance(signature, CallableType):
        return None
    returns: Type | None = signature.ret_type
    if func.is_coroutine:  # semantic analysis wrapped it: Coroutine[Any, Any, T]
        returns = coroutine_result(signature.ret_type)
    return returns if returns is not None and is_declared_any_or_object(returns) else None


def may_return_coroutine(callee: Expression) -> bool:
    """Whether calling ``callee`` may produce a coroutine (sync functions certainly don't)."""
    if isinstance(callee, MemberExpr) and isinstance(callee.expr, (StrExpr, BytesExpr)):
        return False  # "".join(...), f-strings, "...".format(...)
    if not isinstance(callee, RefExpr) or callee.node is None:
        return True  # obj.method(...), f()(...), handlers[0](...): only types can tell
    return _node_may_return_coroutine(callee.node)


def _node_may_return_coroutine(node: SymbolNode) -> bool:
    if isinstance(node, FuncDef):
        return node.is_coroutine or (node.type is not None and _signature_may(node.type))
    if isinstance(node, Decorator):
        # The decorated type, once mypy inferred it (decorator lists are not cached).
        return node.var.type is None or _signature_may(node.var.type)
    if isinstance(node, OverloadedFuncDef):
        return node.type is None or _signature_may(node.type)
    if isinstance(node, TypeInfo):
        return node.has_base(COROUTINE)
    if isinstance(node, Var):
        return node.type is None or _signature_may(node.type)
    return False


def _signature_may(signature: Type) -> bool:
    proper = get_proper_type(signature)
    if isinstance(proper, CallableType):
        return _may_be_coroutine(proper.ret_type)
    if isinstance(proper, Overloaded):
        return any(_may_be_coroutine(item.ret_type) for item in proper.items)
    return not isinstance(proper, _NOT_COROUTINES + (Instance,))


def _may_be_coroutine(typ: Type) -> bool:
    proper = get_proper_type(typ)
    if isinstance(proper, UnionType):
        return any(_may_be_coroutine(item) for item in proper.items)
    if isinstance(proper, Instance):
        return coroutine_result(proper) is not None
    return not isinstance(proper, _NOT_COROUTINES)


def may_take_anything(callee: Expression) -> bool:
    """Whether some parameter of ``callee`` takes ``Any``/``object``/anything unannotated.

    Classes keep what they are given (except ``bool``/``str``), and ``async def``
    callees may await it: neither loses a coroutine.
    """
    if not isinstance(callee, RefExpr) or callee.node is None:
        return True
    if callee.fullname in BOOLEAN_CONVERSIONS or callee.fullname in TEXT_CONVERSIONS:
        return True
    return _node_takes_anything(callee.node)


def _node_takes_anything(node: SymbolNode) -> bool:
    if isinstance(node, FuncDef):
        return not node.is_coroutine and (node.type is None or _signature_takes(node.type))
    if isinstance(node, OverloadedFuncDef):
        return node.type is None or _signature_takes(node.type)
    if isinstance(node, Decorator):
        return True  # the decorated signature is only known to the type checker
    if isinstance(node, Var):
        return node.type is None or _signature_takes(node.type)
    return False


def _signature_takes(signature: Type) -> bool:
    proper = get_proper_type(signature)
    if isinstance(proper, CallableType):
        return any(accepts_anything(arg) for arg in proper.arg_types)
    if isinstance(proper, Overloaded):
        return any(_signature_takes(item) for item in proper.items)
    return isinstance(proper, AnyType)


_FUNCTION_NODES: Final = (FuncDef, Decorator, OverloadedFuncDef)


def function_arguments(calls: list[CallExpr]) -> list[tuple[CallExpr, Expression]]:
    """The arguments of ``calls`` that may be functions handed over as such, with their
    call: a def, a method, a lambda, a ``partial(...)``.

    Every argument of a module comes through here, so the tests are inline in one loop
    (a function call per argument would cost more than the tests)."""
    found: list[tuple[CallExpr, Expression]] = []
    for call in calls:
        for arg in call.args:
            kind = type(arg)
            if kind is NameExpr or kind is MemberExpr:
                node = arg.node  # type: ignore[attr-defined]  # by the exact types above
                # ``obj.method`` (node None): unknown until the type checker resolves it.
                unresolved_member = node is None and kind is MemberExpr
                if not unresolved_member and not isinstance(node, _FUNCTION_NODES):
                    continue
            elif kind is CallExpr:
                callee = arg.callee  # type: ignore[attr-defined]
                if not isinstance(callee, (NameExpr, MemberExpr)) or callee.name != "partial":
                    continue
            elif kind is not LambdaExpr:
                continue
            found.append((call, arg))
    return found


def async_method_names(tree: MypyFile) -> set[str]:
    """The names of the ``async def`` functions and methods a module defines at module and
    class level: what an ``obj.method`` that semantic analysis could not resolve may be."""
    names: set[str] = set()
    pending: list[Statement] = list(tree.defs)
    while pending:
        statement = pending.pop()
        if isinstance(statement, ClassDef):
            pending.extend(statement.defs.body)
        elif isinstance(statement, Decorator):
            pending.append(statement.func)
        elif isinstance(statement, OverloadedFuncDef):
            pending.extend(statement.items)
        elif isinstance(statement, FuncDef) and statement.is_coroutine:
            names.add(statement.name)
    return names


def may_be_async_function(arg: Expression, async_names: set[str]) -> bool:
    """Whether an argument may be a function whose calls return coroutines."""
    if isinstance(arg, LambdaExpr):
        return True
    if isinstance(arg, CallExpr):  # partial(f, ...)
        return bool(arg.args) and may_be_async_function(arg.args[0], async_names)
    if not isinstance(arg, RefExpr):
        return False
    node = arg.node
    if isinstance(node, Decorator):
        node = node.func
    if isinstance(node, FuncDef):
        return node.is_coroutine
    if isinstance(node, OverloadedFuncDef):
        return node.type is None or _signature_may(node.type)
    return isinstance(arg, MemberExpr) and node is None and arg.name in async_names
