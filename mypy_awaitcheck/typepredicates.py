"""Questions about types, answered the way mypy's own checks answer them.

``is_awaitable`` is mypy's own test for ``await`` operands (a subtype of
``Awaitable[Any]``), so the plugin never disagrees with mypy about typed code;
``Any`` counts as awaitable because nothing is known about it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from mypy.nodes import SymbolTableNode, TypeInfo
from mypy.subtypes import is_subtype
from mypy.types import AnyType, Instance, Type, TypeOfAny, get_proper_type


class TypeFactory(Protocol):
    """What the predicates need to build types: mypy's ``TypeChecker`` is one."""

    def named_generic_type(self, name: str, args: list[Type]) -> Instance: ...


class LookupTypeFactory:
    """A ``TypeFactory`` outside type checking, from the plugin's symbol lookup."""

    def __init__(self, lookup: Callable[[str], SymbolTableNode | None]) -> None:
        self._lookup = lookup

    def named_generic_type(self, name: str, args: list[Type]) -> Instance:
        symbol = self._lookup(name)
        if symbol is None or not isinstance(symbol.node, TypeInfo):
            raise LookupError(name)
        return Instance(symbol.node, args)


def awaitable_of(api: TypeFactory, result: Type) -> Instance:
    return api.named_generic_type("typing.Awaitable", [result])


def is_awaitable(api: TypeFactory, typ: Type) -> bool:
    proper = get_proper_type(typ)
    if isinstance(proper, AnyType):
        return True
    return is_subtype(proper, awaitable_of(api, AnyType(TypeOfAny.special_form)))


def is_async_iterable(api: TypeFactory, typ: Type) -> bool:
    iterable = api.named_generic_type("typing.AsyncIterable", [AnyType(TypeOfAny.special_form)])
    return is_subtype(get_proper_type(typ), iterable)


def is_unannotated_any(typ: Type) -> bool:
    proper = get_proper_type(typ)
    return isinstance(proper, AnyType) and proper.type_of_any == TypeOfAny.unannotated


def is_explicit_any(typ: Type) -> bool:
    proper = get_proper_type(typ)
    return isinstance(proper, AnyType) and proper.type_of_any == TypeOfAny.explicit
