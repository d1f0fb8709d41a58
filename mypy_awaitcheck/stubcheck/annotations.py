"""Decide whether two return annotations contradict each other.

The comparison is deliberately conservative, because the stub and the
source often spell one type differently (aliases, qualified names, forward
references, a TypedDict for a `Dict[str, Any]`). Each annotation is reduced
to the set of builtin kinds it can denote:

* `None`, `bool`, `int`, `float`, `complex`, `str`, `bytes`, `list`,
  `tuple`, `set`, `frozenset`, `type` and `dict` (which also covers
  `Mapping`, `MutableMapping`, `OrderedDict`, `defaultdict` and any
  TypedDict declared in the same module), matched by their last name part
  so `typing.Dict` and `Dict` agree;
* `Optional[X]`, `Union[...]` and `X | Y` are the union of their members'
  kinds, `Annotated[X, ...]` is `X`, and `Literal[...]` of numbers, booleans
  and `None` the kinds of its values.

Anything else (a class, a NewType, `Any`, `Incomplete`, `object`, a type
variable...) makes the annotation unknown, and unknown never contradicts.
Two known annotations contradict when no kind of one overlaps a kind of the
other; `bool`, `int`, `float` and `complex` overlap each other (numeric
promotion). Type arguments (`List[int]` vs `List[str]`) are not compared.
"""

from __future__ import annotations

from collections.abc import Set

from mypy.types import RawExpressionType, Type, UnboundType, UnionType

KIND_BY_NAME = {
    "None": "None",
    "NoneType": "None",
    "bool": "bool",
    "int": "int",
    "float": "float",
    "complex": "complex",
    "str": "str",
    "bytes": "bytes",
    "dict": "dict",
    "Dict": "dict",
    "Mapping": "dict",
    "MutableMapping": "dict",
    "OrderedDict": "dict",
    "defaultdict": "dict",
    "DefaultDict": "dict",
    "list": "list",
    "List": "list",
    "tuple": "tuple",
    "Tuple": "tuple",
    "set": "set",
    "Set": "set",
    "frozenset": "frozenset",
    "FrozenSet": "frozenset",
    "type": "type",
    "Type": "type",
}
NUMERIC_KINDS = frozenset({"bool", "int", "float", "complex"})


def builtin_kinds(annotation: Type, typeddicts: Set[str]) -> frozenset[str] | None:
    """The builtin kinds `annotation` can denote, or None if unknown."""
    if isinstance(annotation, UnionType):
        return _union(annotation.items, typeddicts)
    if not isinstance(annotation, UnboundType):
        return None
    name = annotation.name.rsplit(".", 1)[-1]
    if name == "Optional" and len(annotation.args) == 1:
        inner = builtin_kinds(annotation.args[0], typeddicts)
        return None if inner is None else inner | {"None"}
    if name == "Union":
        return _union(annotation.args, typeddicts)
    if name == "Annotated" and annotation.args:
        return builtin_kinds(annotation.args[0], typeddicts)
    if name == "Literal":
        return _literal_kinds(annotation.args)
    if annotation.name in typeddicts:
        return frozenset({"dict"})
    kind = KIND_BY_NAME.get(name)
    return None if kind is None else frozenset({kind})


def _union(items: list[Type] | tuple[Type, ...], typeddicts: Set[str]) -> frozenset[str] | None:
    kinds: set[str] = set()
    for item in items:
        item_kinds = builtin_kinds(item, typeddicts)
        if item_kinds is None:
            return None
        kinds |= item_kinds
    return frozenset(kinds)


def _literal_kinds(values: list[Type] | tuple[Type, ...]) -> frozenset[str] | None:
    """Kinds of `Literal[...]` values; string values parse as names, so they are unknown."""
    kinds: set[str] = set()
    for value in values:
        if isinstance(value, RawExpressionType):
            kind = KIND_BY_NAME.get(value.base_type_name.rsplit(".", 1)[-1])
        elif isinstance(value, UnboundType) and value.name == "None":
            kind = "None"
        else:
            kind = None
        if kind is None:
            return None
        kinds.add(kind)
    return frozenset(kinds)


def contradicts(
    stub: Type, source: Type, stub_typeddicts: Set[str], source_typeddicts: Set[str]
) -> bool:
    stub_kinds = builtin_kinds(stub, stub_typeddicts)
    source_kinds = builtin_kinds(source, source_typeddicts)
    if stub_kinds is None or source_kinds is None:
        return False
    return not any(_overlap(a, b) for a in stub_kinds for b in source_kinds)


def _overlap(first: str, second: str) -> bool:
    return first == second or (first in NUMERIC_KINDS and second in NUMERIC_KINDS)


def render(annotation: Type) -> str:
    """The annotation as written, without mypy's `?` marks for unanalyzed names."""
    if isinstance(annotation, UnionType):
        return " | ".join(render(item) for item in annotation.items)
    if isinstance(annotation, RawExpressionType):
        return repr(annotation.literal_value)
    if isinstance(annotation, UnboundType):
        if not annotation.args:
            return annotation.name
        return f"{annotation.name}[{', '.join(render(arg) for arg in annotation.args)}]"
    return str(annotation)
