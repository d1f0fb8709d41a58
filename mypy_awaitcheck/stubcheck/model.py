"""Parser-independent description of the names a module or class binds.

The extractor fills these records from a parsed stub or source file; the
comparison works on them only, so it never touches parser node types.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from mypy.types import Type


class ParamKind(enum.Enum):
    POSITIONAL_ONLY = "positional-only"
    POSITIONAL_OR_KEYWORD = "positional-or-keyword"
    VAR_POSITIONAL = "*args"
    KEYWORD_ONLY = "keyword-only"
    VAR_KEYWORD = "**kwargs"


@dataclass(frozen=True)
class Param:
    name: str
    kind: ParamKind
    has_default: bool

    def render(self) -> str:
        if self.kind is ParamKind.VAR_POSITIONAL:
            return f"*{self.name}"
        if self.kind is ParamKind.VAR_KEYWORD:
            return f"**{self.name}"
        return f"{self.name}=..." if self.has_default else self.name


class Flavor(enum.Enum):
    """How a function is bound: plain, classmethod, staticmethod or property."""

    PLAIN = "method or function"
    CLASSMETHOD = "classmethod"
    STATICMETHOD = "staticmethod"
    PROPERTY = "property"


@dataclass
class FunctionInfo:
    """One `def`/`async def`, as a caller sees it.

    `awaitable` is true when calling the function returns an awaitable
    coroutine: an `async def` that is neither an async generator nor wrapped
    by `@asynccontextmanager`. `opaque` marks functions whose signature is
    changed by a decorator the checker does not know, and `overloaded` those
    declared with `@overload`; neither gets its parameters compared.
    """

    name: str
    line: int
    awaitable: bool
    shape: str
    flavor: Flavor
    params: tuple[Param, ...]
    returns: Type | None
    opaque: bool = False
    overloaded: bool = False

    def render_params(self) -> str:
        rendered: list[str] = []
        for index, param in enumerate(self.params):
            following = self.params[index + 1] if index + 1 < len(self.params) else None
            if param.kind is ParamKind.KEYWORD_ONLY and (
                index == 0 or self.params[index - 1].kind
                not in (ParamKind.KEYWORD_ONLY, ParamKind.VAR_POSITIONAL)
            ):
                rendered.append("*")
            rendered.append(param.render())
            if param.kind is ParamKind.POSITIONAL_ONLY and (
                following is None or following.kind is not ParamKind.POSITIONAL_ONLY
            ):
                rendered.append("/")
        return "(" + ", ".join(rendered) + ")"


class BindingKind(enum.Enum):
    FUNCTION = "function"
    CLASS = "class"
    VARIABLE = "variable"
    IMPORT = "import"


@dataclass
class Binding:
    """The last statement that binds a name in a scope (Python semantics)."""

    name: str
    line: int
    kind: BindingKind
    function: FunctionInfo | None = None
    cls: ClassInfo | None = None
    stub_only: bool = False


@dataclass
class Scope:
    """Names bound in a module or class body.

    `open` is true when the scope may bind names the checker cannot see:
    a star import, or a `__getattr__` that answers for any name.
    """

    bindings: dict[str, Binding] = field(default_factory=dict)
    open: bool = False

    def bind(self, binding: Binding) -> None:
        self.bindings[binding.name] = binding


@dataclass
class ClassInfo:
    name: str
    line: int
    bases: list[str]
    scope: Scope
    is_typeddict: bool = False


@dataclass
class ModuleInfo:
    path: str
    scope: Scope

    def typeddict_names(self) -> frozenset[str]:
        return frozenset(
            name
            for name, binding in self.scope.bindings.items()
            if binding.cls is not None and binding.cls.is_typeddict
        )


@dataclass(frozen=True)
class Location:
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Finding:
    """One mismatch, located in the stub and in the source."""

    code: str
    stub: Location
    source: Location
    message: str

    def render(self) -> str:
        return f"{self.stub}: {self.code}: {self.message} [source: {self.source}]"
