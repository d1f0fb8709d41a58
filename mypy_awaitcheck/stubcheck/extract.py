"""Turn a parsed module into the names it binds (see `model`).

Statements are visited in source order and the last binding of a name wins,
as at run time; the bodies of `if`, `try`, `with`, `for`, `while` and
`match` statements count as part of the enclosing scope. Inside a class,
attributes assigned through the first parameter of a method (`self.x = ...`)
count as class members too.
"""

from __future__ import annotations

from collections.abc import Iterable

from mypy.nodes import (
    ARG_NAMED,
    ARG_NAMED_OPT,
    ARG_OPT,
    ARG_POS,
    ARG_STAR,
    Argument,
    AssignmentStmt,
    Block,
    CallExpr,
    ClassDef,
    Decorator,
    Expression,
    FuncDef,
    IfStmt,
    Import,
    ImportAll,
    ImportFrom,
    IndexExpr,
    ListExpr,
    MatchStmt,
    MemberExpr,
    MypyFile,
    NameExpr,
    OperatorAssignmentStmt,
    OverloadedFuncDef,
    StarExpr,
    Statement,
    TryStmt,
    TupleExpr,
    TypeAliasStmt,
    WhileStmt,
    WithStmt,
    ForStmt,
)
from mypy.traverser import has_yield_expression
from mypy.types import AnyType, CallableType, Type, TypeOfAny, UnboundType

from mypy_awaitcheck.stubcheck.model import (
    Binding,
    BindingKind,
    ClassInfo,
    Flavor,
    FunctionInfo,
    ModuleInfo,
    Param,
    ParamKind,
    Scope,
)

FLAVOR_DECORATORS = {
    "staticmethod": Flavor.STATICMETHOD,
    "classmethod": Flavor.CLASSMETHOD,
    "property": Flavor.PROPERTY,
    "cached_property": Flavor.PROPERTY,
    "abstractproperty": Flavor.PROPERTY,
}
CONTEXT_MANAGER_DECORATORS = frozenset({"contextmanager", "asynccontextmanager"})
SIGNATURE_PRESERVING_DECORATORS = frozenset(
    {
        "abstractmethod",
        "cache",
        "deprecated",
        "final",
        "lru_cache",
        "no_type_check",
        "override",
        "type_check_only",
        "wraps",
    }
)
STUB_ONLY_TYPE_FACTORIES = frozenset({"TypeVar", "ParamSpec", "TypeVarTuple"})


def extract_module(tree: MypyFile, path: str) -> ModuleInfo:
    scope = Scope()
    _collect(tree.defs, scope, is_stub=tree.is_stub)
    return ModuleInfo(path, scope)


def dotted_name(expr: Expression) -> str:
    """`a.b.c` for a name or attribute, or a call or subscript of one; else ""."""
    if isinstance(expr, NameExpr):
        return expr.name
    if isinstance(expr, MemberExpr):
        owner = dotted_name(expr.expr)
        return f"{owner}.{expr.name}" if owner else ""
    if isinstance(expr, CallExpr):
        return dotted_name(expr.callee)
    if isinstance(expr, IndexExpr):
        return dotted_name(expr.base)
    return ""


def _last_part(name: str) -> str:
    return name.rsplit(".", 1)[-1]


def _collect(statements: Iterable[Statement], scope: Scope, *, is_stub: bool) -> None:
    for statement in statements:
        for binding in _bindings_of(statement, scope, is_stub=is_stub):
            scope.bind(binding)
        for block in _nested_blocks(statement):
            _collect(block.body, scope, is_stub=is_stub)
        if isinstance(statement, ImportAll):
            scope.open = True
    if "__getattr__" in scope.bindings:
        scope.open = True


def _nested_blocks(statement: Statement) -> list[Block]:
    if isinstance(statement, IfStmt):
        return [*statement.body, *([statement.else_body] if statement.else_body else [])]
    if isinstance(statement, TryStmt):
        optional = [statement.else_body, statement.finally_body]
        return [statement.body, *statement.handlers, *(b for b in optional if b)]
    if isinstance(statement, (WhileStmt, ForStmt)):
        return [statement.body, *([statement.else_body] if statement.else_body else [])]
    if isinstance(statement, WithStmt):
        return [statement.body]
    if isinstance(statement, MatchStmt):
        return list(statement.bodies)
    return []


def _bindings_of(statement: Statement, scope: Scope, *, is_stub: bool) -> list[Binding]:
    line = statement.line
    if isinstance(statement, (FuncDef, Decorator, OverloadedFuncDef)):
        function = _function_info(statement)
        return [Binding(function.name, line, BindingKind.FUNCTION, function=function)]
    if isinstance(statement, ClassDef):
        cls = _class_info(statement, scope, is_stub=is_stub)
        stub_only = any(_last_part(dotted_name(d)) == "type_check_only" for d in statement.decorators)
        return [Binding(cls.name, line, BindingKind.CLASS, cls=cls, stub_only=stub_only)]
    if isinstance(statement, AssignmentStmt):
        stub_only = _is_stub_only_assignment(statement)
        return [
            Binding(name, line, BindingKind.VARIABLE, stub_only=stub_only and name.startswith("_"))
            for lvalue in statement.lvalues
            for name in _target_names(lvalue)
        ]
    if isinstance(statement, OperatorAssignmentStmt):
        return [Binding(n, line, BindingKind.VARIABLE) for n in _target_names(statement.lvalue)]
    if isinstance(statement, TypeAliasStmt):
        return [Binding(statement.name.name, line, BindingKind.VARIABLE)]
    if isinstance(statement, (ForStmt, WithStmt)):
        targets = [statement.index] if isinstance(statement, ForStmt) else statement.target
        return [
            Binding(name, line, BindingKind.VARIABLE)
            for target in targets
            if target is not None
            for name in _target_names(target)
        ]
    if isinstance(statement, (Import, ImportFrom)):
        return [Binding(name, line, BindingKind.IMPORT) for name in _imported_names(statement, is_stub)]
    return []


def _imported_names(statement: Import | ImportFrom, is_stub: bool) -> list[str]:
    """Names an import binds; in a stub only the explicit re-exports count."""
    if isinstance(statement, ImportFrom):
        pairs = statement.names
    else:
        pairs = [(module_id.split(".")[0] if alias is None else module_id, alias)
                 for module_id, alias in statement.ids]
    if is_stub:
        return [alias for name, alias in pairs if alias is not None and _last_part(name) == alias]
    return [alias or name for name, alias in pairs]


def _target_names(target: Expression) -> list[str]:
    leaves = [t.expr if isinstance(t, StarExpr) else t for t in _flatten_targets(target)]
    return [leaf.name for leaf in leaves if isinstance(leaf, NameExpr)]


def _is_stub_only_assignment(statement: AssignmentStmt) -> bool:
    """True for type aliases and type variables: they exist only for the checker."""
    annotation = statement.unanalyzed_type
    if isinstance(annotation, UnboundType) and _last_part(annotation.name) == "TypeAlias":
        return True
    rvalue = statement.rvalue
    return isinstance(rvalue, CallExpr) and _last_part(dotted_name(rvalue.callee)) in STUB_ONLY_TYPE_FACTORIES


def _class_info(cdef: ClassDef, enclosing: Scope, *, is_stub: bool) -> ClassInfo:
    scope = Scope()
    _collect(cdef.defs.body, scope, is_stub=is_stub)
    for attribute, line in _instance_attributes(cdef.defs.body):
        if attribute not in scope.bindings:
            scope.bind(Binding(attribute, line, BindingKind.VARIABLE))
    bases = [dotted_name(base) for base in cdef.base_type_exprs]
    is_typeddict = any(_names_typeddict(base, enclosing) for base in bases)
    return ClassInfo(cdef.name, cdef.line, bases, scope, is_typeddict=is_typeddict)


def _names_typeddict(base: str, enclosing: Scope) -> bool:
    if _last_part(base) == "TypedDict":
        return True
    binding = enclosing.bindings.get(base)
    return binding is not None and binding.cls is not None and binding.cls.is_typeddict


def _instance_attributes(body: list[Statement]) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for statement in body:
        for func in _function_items(statement):
            if func.arguments:
                found += _attributes_assigned(func.body.body, func.arguments[0].variable.name)
    return found


def _function_items(statement: Statement) -> list[FuncDef]:
    if isinstance(statement, FuncDef):
        return [statement]
    if isinstance(statement, Decorator):
        return [statement.func]
    if isinstance(statement, OverloadedFuncDef):
        return [f for item in statement.items for f in _function_items(item)]
    return [f for block in _nested_blocks(statement) for s in block.body for f in _function_items(s)]


def _attributes_assigned(statements: list[Statement], self_name: str) -> list[tuple[str, int]]:
    """`self.x = ...` statements of a method body, outside nested functions."""
    found: list[tuple[str, int]] = []
    for statement in statements:
        if isinstance(statement, AssignmentStmt):
            found += [
                (target.name, target.line)
                for lvalue in statement.lvalues
                for target in _flatten_targets(lvalue)
                if isinstance(target, MemberExpr)
                and isinstance(target.expr, NameExpr)
                and target.expr.name == self_name
            ]
        for block in _nested_blocks(statement):
            found += _attributes_assigned(block.body, self_name)
    return found


def _flatten_targets(target: Expression) -> list[Expression]:
    if isinstance(target, (TupleExpr, ListExpr)):
        return [leaf for item in target.items for leaf in _flatten_targets(item)]
    return [target]


def _function_info(node: FuncDef | Decorator | OverloadedFuncDef) -> FunctionInfo:
    if isinstance(node, OverloadedFuncDef):
        first = _function_info(node.items[0])
        is_overload = any(
            isinstance(item, Decorator)
            and any(_last_part(dotted_name(d)) == "overload" for d in item.decorators)
            for item in node.items
        )
        first.overloaded = is_overload
        return first
    func, decorators = (node.func, node.decorators) if isinstance(node, Decorator) else (node, [])
    names = [_last_part(dotted_name(d)) for d in decorators]
    flavor = next((FLAVOR_DECORATORS[n] for n in names if n in FLAVOR_DECORATORS), Flavor.PLAIN)
    wrapper = next((n for n in names if n in CONTEXT_MANAGER_DECORATORS), None)
    opaque = any(
        n not in FLAVOR_DECORATORS and n not in CONTEXT_MANAGER_DECORATORS
        and n not in SIGNATURE_PRESERVING_DECORATORS and n != "overload"
        for n in names
    )
    is_async_generator = func.is_coroutine and has_yield_expression(func)
    if wrapper is not None:
        shape = f"{'async def' if func.is_coroutine else 'def'} decorated with @{wrapper}"
    elif is_async_generator:
        shape = "async generator (async def with yield)"
    else:
        shape = "async def" if func.is_coroutine else "def"
    return FunctionInfo(
        name=func.name,
        line=func.line,
        awaitable=func.is_coroutine and not is_async_generator and wrapper is None,
        shape=shape,
        flavor=flavor,
        params=tuple(_param(argument) for argument in func.arguments),
        returns=_declared_return(func),
        opaque=opaque,
        overloaded="overload" in names,
    )


def _param(argument: Argument) -> Param:
    kind = argument.kind
    if kind in (ARG_POS, ARG_OPT):
        param_kind = ParamKind.POSITIONAL_ONLY if argument.pos_only else ParamKind.POSITIONAL_OR_KEYWORD
    elif kind is ARG_STAR:
        param_kind = ParamKind.VAR_POSITIONAL
    elif kind in (ARG_NAMED, ARG_NAMED_OPT):
        param_kind = ParamKind.KEYWORD_ONLY
    else:
        param_kind = ParamKind.VAR_KEYWORD
    return Param(argument.variable.name, param_kind, kind in (ARG_OPT, ARG_NAMED_OPT))


def _declared_return(func: FuncDef) -> Type | None:
    signature = func.unanalyzed_type
    if not isinstance(signature, CallableType):
        return None
    returned = signature.ret_type
    if isinstance(returned, AnyType) and returned.type_of_any == TypeOfAny.unannotated:
        return None
    return returned
