"""Questions about types, answered the way mypy's own checks answer them.

``is_awaitable`` is mypy's own test for ``await`` operands (a subtype of
``Awaitable[Any]``), so the plugin never disagrees with mypy about typed code;
``Any`` counts as awaitable because nothing is known about it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from mypy.erasetype import erase_typevars
from mypy.maptype import map_instance_to_supertype
from mypy.nodes import FuncDef, SymbolTableNode, TypeInfo
from mypy.subtypes import is_subtype
from mypy.types import (
    AnyType,
    CallableType,
    Instance,
    Overloaded,
    Type,
    TypeOfAny,
    UnionType,
    get_proper_type,
)

COROUTINE = "typing.Coroutine"
AWAITABLE = "typing.Awaitable"
OBJECT = "builtins.object"
PARTIAL = "functools.partial"


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
    if isinstance(proper, AnyType) or is_awaitable_instance(proper):
        return True
    return is_subtype(proper, awaitable_of(api, AnyType(TypeOfAny.special_form)))


def is_awaitable_instance(typ: Type) -> bool:
    """An instance of a class that derives from ``Awaitable``: the common case, told
    without building ``Awaitable[Any]`` (protocol awaitables need ``is_awaitable``)."""
    proper = get_proper_type(typ)
    return isinstance(proper, Instance) and proper.type.has_base(AWAITABLE)


def is_async_iterable(api: TypeFactory, typ: Type) -> bool:
    iterable = api.named_generic_type("typing.AsyncIterable", [AnyType(TypeOfAny.special_form)])
    return is_subtype(get_proper_type(typ), iterable)


def is_unannotated_any(typ: Type) -> bool:
    proper = get_proper_type(typ)
    return isinstance(proper, AnyType) and proper.type_of_any == TypeOfAny.unannotated


def is_explicit_any(typ: Type) -> bool:
    proper = get_proper_type(typ)
    return isinstance(proper, AnyType) and proper.type_of_any == TypeOfAny.explicit


def coroutine_result(typ: Type) -> Type | None:
    """``R`` for a ``Coroutine[Y, S, R]`` (what ``async def`` calls return), else None.

    Tasks, futures and other awaitables are not coroutines: they are held on purpose.
    """
    proper = get_proper_type(typ)
    if not isinstance(proper, Instance) or not proper.type.has_base(COROUTINE):
        return None
    base = next(info for info in proper.type.mro if info.fullname == COROUTINE)
    args = map_instance_to_supertype(proper, base).args
    return args[2] if len(args) == 3 else None


def returns_coroutine(typ: Type) -> bool:
    """A function (not a class) whose calls return coroutines: an ``async def``, a lambda..."""
    proper = get_proper_type(typ)
    if isinstance(proper, CallableType):
        return not proper.is_type_obj() and coroutine_result(proper.ret_type) is not None
    if isinstance(proper, Overloaded):
        return all(returns_coroutine(item) for item in proper.items)
    if isinstance(proper, Instance) and proper.type.fullname == PARTIAL and proper.args:
        return coroutine_result(proper.args[0]) is not None
    return False


def accepts_anything(typ: Type) -> bool:
    """``Any`` (not from an error), ``object``, or a union with one of them."""
    proper = get_proper_type(typ)
    if isinstance(proper, UnionType):
        return any(accepts_anything(item) for item in proper.items)
    if isinstance(proper, AnyType):
        return proper.type_of_any != TypeOfAny.from_error
    return isinstance(proper, Instance) and proper.type.fullname == OBJECT


def is_declared_any_or_object(typ: Type) -> bool:
    """Written ``Any`` or ``object``: implicit (unannotated) ``Any`` does not count."""
    proper = get_proper_type(typ)
    if isinstance(proper, AnyType):
        return proper.type_of_any == TypeOfAny.explicit
    return isinstance(proper, Instance) and proper.type.fullname == OBJECT


def defined_parameter(signature: CallableType, formal: int) -> tuple[FuncDef, int] | None:
    """The definition's own parameter behind a parameter of ``signature``.

    Stored signatures are bound (no ``self``) and have type variables applied, which
    can reshape them (a ``ParamSpec``'s ``*args, **kwargs`` vanish): match by name,
    then by kind for ``*args``/``**kwargs``, then by position past ``self``. Only
    ``arg_names``/``arg_kinds`` are read: definitions loaded from mypy's cache have
    neither ``arguments`` nor bodies.
    """
    definition = signature.definition
    if not isinstance(definition, FuncDef):
        return None
    name = signature.arg_names[formal]
    if name is not None and name in definition.arg_names:
        return definition, definition.arg_names.index(name)
    kind = signature.arg_kinds[formal]
    if kind.is_star():
        return next(
            ((definition, i) for i, k in enumerate(definition.arg_kinds) if k == kind), None
        )
    skips_self = signature.is_bound or (signature.is_type_obj() and not definition.is_static)
    index = formal + 1 if skips_self else formal
    if index < len(definition.arg_kinds) and definition.arg_kinds[index].is_positional():
        return definition, index
    return None


def declared_parameter_type(signature: CallableType, formal: int) -> Type | None:
    """A parameter's type as written, before type variables were substituted (mypy
    stores a call's callee with them applied); None when unannotated."""
    if signature.implicit:
        return None
    parameter = defined_parameter(signature, formal)
    declared = parameter[0].type if parameter is not None else None
    if parameter is None or not isinstance(declared, CallableType):
        return signature.arg_types[formal]
    return declared.arg_types[parameter[1]]


def fits(actual: Type, formal: Type) -> bool:
    """Whether an argument of type ``actual`` can be passed to ``formal`` (its type
    variables taken as ``Any``)."""
    return is_subtype(actual, erase_typevars(formal))
