"""Questions about types, answered the way mypy's own checks answer them.

``is_awaitable`` is mypy's own test for ``await`` operands (a subtype of
``Awaitable[Any]``), so the plugin never disagrees with mypy about typed code;
``Any`` counts as awaitable because nothing is known about it.
"""

from __future__ import annotations

from mypy.checker import TypeChecker
from mypy.subtypes import is_subtype
from mypy.types import AnyType, Instance, Type, TypeOfAny, get_proper_type


def awaitable_of(api: TypeChecker, result: Type) -> Instance:
    return api.named_generic_type("typing.Awaitable", [result])


def is_awaitable(api: TypeChecker, typ: Type) -> bool:
    proper = get_proper_type(typ)
    if isinstance(proper, AnyType):
        return True
    return is_subtype(proper, awaitable_of(api, AnyType(TypeOfAny.special_form)))


def is_async_iterable(api: TypeChecker, typ: Type) -> bool:
    iterable = api.named_generic_type("typing.AsyncIterable", [AnyType(TypeOfAny.special_form)])
    return is_subtype(get_proper_type(typ), iterable)


def is_unannotated_any(typ: Type) -> bool:
    proper = get_proper_type(typ)
    return isinstance(proper, AnyType) and proper.type_of_any == TypeOfAny.unannotated


def is_explicit_any(typ: Type) -> bool:
    proper = get_proper_type(typ)
    return isinstance(proper, AnyType) and proper.type_of_any == TypeOfAny.explicit
