"""Certain values: an instance of one class, or one class object.

The pass over unannotated bodies only ever acts on values it knows for certain;
everything else (``Any``, unions, type variables) is unknown and keeps it silent.
"""

from __future__ import annotations

from typing import Final

from mypy.nodes import TypeInfo
from mypy.types import Instance, NoneType, Type, TypeType, UnionType, get_proper_type
from mypy.typevars import fill_typevars_with_any

from mypy_awaitcheck.callee import Lookup

Known = Instance | TypeType

COROUTINE: Final = "typing.Coroutine"
_INSTANCE: Final = "instance"
_CLASS: Final = "class"


def known(typ: Type | None) -> Known | None:
    """``typ`` if it is one certain class or class object (``X | None`` counts as ``X``:
    using ``None`` in its place would fail anyway)."""
    proper = get_proper_type(typ) if typ is not None else None
    if isinstance(proper, UnionType):
        others = [item for item in proper.items if not isinstance(get_proper_type(item), NoneType)]
        proper = get_proper_type(others[0]) if len(others) == 1 else None
    if isinstance(proper, Instance):
        return proper
    if isinstance(proper, TypeType) and isinstance(proper.item, Instance):
        return proper
    return None


def awaited_value(value: Known | None) -> Known | None:
    """What awaiting a coroutine gives."""
    if isinstance(value, Instance) and value.type.fullname == COROUTINE and len(value.args) == 3:
        return known(value.args[2])
    return None


def instance_of(info: TypeInfo) -> Instance | None:
    """An instance of ``info``, its type arguments ``Any``."""
    instance = fill_typevars_with_any(info)
    return instance if isinstance(instance, Instance) else None


def info_of(value: Known | None) -> TypeInfo | None:
    """The class of an instance, or the class a class object stands for."""
    if isinstance(value, Instance):
        return value.type
    if isinstance(value, TypeType) and isinstance(value.item, Instance):
        return value.item.type
    return None


def encode(value: Known | None) -> list[str] | None:
    """A value as JSON, to be kept beside mypy's cache; its type arguments are dropped."""
    if isinstance(value, Instance):
        return [_INSTANCE, value.type.fullname]
    if isinstance(value, TypeType) and isinstance(value.item, Instance):
        return [_CLASS, value.item.type.fullname]
    return None


def decode(encoded: object, lookup: Lookup) -> Known | None:
    if not (isinstance(encoded, list) and len(encoded) == 2):
        return None
    kind, fullname = encoded
    symbol = lookup(fullname) if isinstance(fullname, str) else None
    info = symbol.node if symbol is not None else None
    instance = instance_of(info) if isinstance(info, TypeInfo) else None
    if instance is None:
        return None
    return TypeType(instance) if kind == _CLASS else instance
