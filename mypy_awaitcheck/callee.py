"""Who is being called: the definition behind a hooked call and its display name.

Hooks receive a fullname and a context; messages need the callee's own name, its
definition (to look into an unannotated body) and, for the fix, an asynchronous
sibling defined next to it (``get_manager`` -> ``get_manager_async``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, NamedTuple

from mypy.nodes import (
    CallExpr,
    Decorator,
    Expression,
    FuncDef,
    OverloadedFuncDef,
    RefExpr,
    SymbolNode,
    SymbolTableNode,
    TypeInfo,
    Var,
)
from mypy.types import CallableType, Instance, Type, TypeType, get_proper_type

from mypy_awaitcheck.module_index import CALL_DUNDER, NAMED_REFERENCES

# The references that have a name of their own (``RefExpr`` itself declares none).
ASYNC_VARIANT_PATTERNS: Final = ("{}_async", "async_{}", "a{}")
_SIGNATURE_KEEPING_DECORATORS: Final = frozenset({"builtins.staticmethod", "builtins.classmethod"})

Lookup = Callable[[str], "SymbolTableNode | None"]


class Callee(NamedTuple):
    display_name: str
    definition: SymbolNode | None
    owner: TypeInfo | None
    module_fullname: str | None


def function_callee(context: object) -> Callee | None:
    """The callee of a call to a module-level name, a class or an alias."""
    if not isinstance(context, CallExpr) or not isinstance(context.callee, NAMED_REFERENCES):
        return None
    callee = context.callee
    definition = _through_alias(callee.node)
    owner = definition.info if isinstance(definition, FuncDef) and definition.info else None
    module = definition.fullname.rpartition(".")[0] if definition is not None else None
    return Callee(callee.name, definition, owner if owner and owner.fullname else None, module)


def method_callee(context: object, receiver: Type, fullname: str) -> Callee | None:
    """The callee of ``receiver.member(...)``, resolved through the MRO."""
    member = fullname.rpartition(".")[2]
    info = _receiver_info(receiver)
    if info is None:
        return None
    if member == CALL_DUNDER and isinstance(context, CallExpr):
        return Callee(_call_display_name(context.callee, info), None, info, None)
    symbol = info.get(member)
    definition = symbol.node if symbol is not None else None
    return Callee(f"{info.name}.{member}", definition, info, None)


def attribute_callee(receiver: Type, fullname: str) -> Callee | None:
    info = _receiver_info(receiver)
    if info is None:
        return None
    member = fullname.rpartition(".")[2]
    symbol = info.get(member)
    return Callee(f"{info.name}.{member}", symbol.node if symbol else None, info, None)


def async_variant(callee: Callee, lookup: Lookup) -> str | None:
    """The name of an ``async def`` sibling of the callee, if one exists."""
    name = callee.display_name.rpartition(".")[2]
    for pattern in ASYNC_VARIANT_PATTERNS:
        variant = pattern.format(name)
        if callee.owner is not None:
            symbol = callee.owner.get(variant)
        elif callee.module_fullname:
            symbol = lookup(f"{callee.module_fullname}.{variant}")
        else:
            symbol = None
        if symbol is not None and is_coroutine_definition(symbol.node):
            prefix = f"{callee.owner.name}." if callee.owner is not None else ""
            return prefix + variant
    return None


def is_coroutine_definition(node: SymbolNode | None) -> bool:
    if isinstance(node, Decorator):
        node = node.func
    return isinstance(node, FuncDef) and node.is_coroutine


def plain_function(node: SymbolNode | None) -> FuncDef | None:
    """The function itself, unless a decorator may have changed what calling it returns."""
    if isinstance(node, FuncDef):
        return node
    if isinstance(node, Decorator) and all(
        isinstance(decorator, RefExpr) and decorator.fullname in _SIGNATURE_KEEPING_DECORATORS
        for decorator in node.decorators
    ):
        return node.func
    return None


def _through_alias(node: SymbolNode | None) -> SymbolNode | None:
    """``factory = get_manager`` makes ``factory`` a variable typed as the function."""
    if isinstance(node, Var) and node.type is not None:
        proper = get_proper_type(node.type)
        if isinstance(proper, CallableType) and isinstance(proper.definition, FuncDef):
            return proper.definition
    if isinstance(node, OverloadedFuncDef | FuncDef | Decorator | TypeInfo):
        return node
    return None


def _receiver_info(receiver: Type) -> TypeInfo | None:
    proper = get_proper_type(receiver)
    if isinstance(proper, CallableType) and proper.is_type_obj():
        return proper.type_object()
    if isinstance(proper, TypeType):
        proper = get_proper_type(proper.item)
    if isinstance(proper, Instance):
        return proper.type
    return None


def _call_display_name(callee: Expression, info: TypeInfo) -> str:
    if isinstance(callee, NAMED_REFERENCES):
        return callee.name
    if isinstance(callee, CallExpr) and isinstance(callee.callee, NAMED_REFERENCES):
        return f"{callee.callee.name}(...)"
    return info.name
