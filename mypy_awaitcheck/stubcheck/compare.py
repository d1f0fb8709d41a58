"""Compare the names a stub module declares with those its source binds.

Findings, by code:

* `missing-in-source`: the stub declares a name the source does not bind
  (not reported where the source scope is open: a star import, a
  `__getattr__`, or a class with a base class defined elsewhere).
* `missing-in-stub`: a public function or class of the source module, or a
  public method of a stubbed class, that the stub does not declare (not
  reported for a stub scope marked partial by a `__getattr__`).
* `kind-mismatch`: a function on one side is a class on the other, or the
  binding differs (property, classmethod, staticmethod, plain).
* `async-mismatch`: calling the function returns an awaitable on one side
  only (`async def` against `def`, an async generator, or an
  `@asynccontextmanager` function).
* `param-mismatch`: parameter names, kinds, defaults or count differ
  (names of positional-only parameters are not compared).
* `return-mismatch`: both return annotations exist and contradict, as
  defined in `annotations`.

Stub-only helpers are never looked up in the source: classes and functions
decorated `@type_check_only`, private type aliases and type variables, and
the `__getattr__` that marks a stub partial. Functions with a decorator the
checker does not know, and overloads, are only checked for existence (and
overloads for their async nature).
"""

from __future__ import annotations

from mypy_awaitcheck.stubcheck.annotations import contradicts, render
from mypy_awaitcheck.stubcheck.model import (
    Binding,
    BindingKind,
    ClassInfo,
    Finding,
    Flavor,
    FunctionInfo,
    Location,
    ModuleInfo,
    Param,
    ParamKind,
    Scope,
)

UNKNOWN = Binding("<unknown>", 0, BindingKind.VARIABLE)
NEUTRAL_BASES = frozenset({"object", "Protocol", "Generic", "ABC"})
PARTIAL_MARKER = "__getattr__"


def compare_modules(stub: ModuleInfo, source: ModuleInfo) -> list[Finding]:
    return _ModuleComparison(stub, source).run()


class _ModuleComparison:
    def __init__(self, stub: ModuleInfo, source: ModuleInfo) -> None:
        self.stub = stub
        self.source = source
        self.stub_typeddicts = stub.typeddict_names()
        self.source_typeddicts = source.typeddict_names()
        self.findings: list[Finding] = []

    def run(self) -> list[Finding]:
        self._compare_scope(None, None, "")
        return self.findings

    def _report(self, code: str, stub_line: int, source_line: int, message: str) -> None:
        self.findings.append(
            Finding(code, Location(self.stub.path, stub_line), Location(self.source.path, source_line), message)
        )

    def _compare_scope(self, stub_cls: ClassInfo | None, source_cls: ClassInfo | None, prefix: str) -> None:
        stub_scope = stub_cls.scope if stub_cls else self.stub.scope
        source_scope = source_cls.scope if source_cls else self.source.scope
        owner_line = (stub_cls.line if stub_cls else 1, source_cls.line if source_cls else 1)
        for name, stub_binding in stub_scope.bindings.items():
            if stub_binding.stub_only or name == PARTIAL_MARKER:
                continue
            source_binding = _lookup(source_cls, name, self.source.scope)
            if source_binding is None:
                self._report("missing-in-source", stub_binding.line, owner_line[1],
                             f"{prefix}{name} is declared in the stub but not bound in the source")
            elif source_binding is not UNKNOWN:
                self._compare_bindings(stub_binding, source_binding, prefix + name)
        if stub_scope.open:
            return
        wanted = {BindingKind.FUNCTION} if source_cls else {BindingKind.FUNCTION, BindingKind.CLASS}
        for name, source_binding in source_scope.bindings.items():
            if (source_binding.kind in wanted and not name.startswith("_")
                    and _lookup(stub_cls, name, self.stub.scope, local_only=True) is None):
                self._report("missing-in-stub", owner_line[0], source_binding.line,
                             f"public {source_binding.kind.value} {prefix}{name} of the source is not in the stub")

    def _compare_bindings(self, stub: Binding, source: Binding, qualname: str) -> None:
        if stub.function and source.function:
            self._compare_functions(stub.function, source.function, qualname)
        elif stub.cls and source.cls:
            self._compare_scope(stub.cls, source.cls, qualname + ".")
        elif {stub.kind, source.kind} == {BindingKind.FUNCTION, BindingKind.CLASS}:
            self._report("kind-mismatch", stub.line, source.line,
                         f"{qualname} is a {stub.kind.value} in the stub but a {source.kind.value} in the source")

    def _compare_functions(self, stub: FunctionInfo, source: FunctionInfo, qualname: str) -> None:
        if stub.opaque or source.opaque:
            return
        if stub.flavor is not source.flavor:
            self._report("kind-mismatch", stub.line, source.line,
                         f"{qualname} is a {stub.flavor.value} in the stub but a {source.flavor.value} in the source")
            return
        if stub.awaitable is not source.awaitable:
            self._report("async-mismatch", stub.line, source.line,
                         f"{qualname} is `{stub.shape}` in the stub but `{source.shape}` in the source")
        if stub.overloaded or source.overloaded:
            return
        if stub.flavor is not Flavor.PROPERTY and _param_signature(stub.params) != _param_signature(source.params):
            self._report("param-mismatch", stub.line, source.line,
                         f"{qualname} parameters differ: stub {stub.render_params()}"
                         f" vs source {source.render_params()}")
        if (stub.returns is not None and source.returns is not None
                and contradicts(stub.returns, source.returns, self.stub_typeddicts, self.source_typeddicts)):
            self._report("return-mismatch", stub.line, source.line,
                         f"{qualname} returns `{render(stub.returns)}` in the stub"
                         f" but `{render(source.returns)}` in the source")


def _param_signature(params: tuple[Param, ...]) -> list[tuple[str, ParamKind, bool]]:
    return [
        ("" if p.kind is ParamKind.POSITIONAL_ONLY else p.name, p.kind, p.has_default)
        for p in params
    ]


def _lookup(cls: ClassInfo | None, name: str, module: Scope, *, local_only: bool = False) -> Binding | None:
    """Find `name` in a class (and its bases in the module) or in the module.

    Returns UNKNOWN where the name may exist without the checker seeing it,
    unless `local_only`, which treats unseen names as absent.
    """
    if cls is None:
        found = module.bindings.get(name)
        return found if found is not None or local_only or not module.open else UNKNOWN
    return _lookup_member(cls, name, module, local_only, set())


def _lookup_member(cls: ClassInfo, name: str, module: Scope, local_only: bool, seen: set[str]) -> Binding | None:
    if name in cls.scope.bindings:
        return cls.scope.bindings[name]
    seen.add(cls.name)
    unseen_base = cls.scope.open
    for base in cls.bases:
        base_binding = module.bindings.get(base)
        if base_binding is not None and base_binding.cls is not None and base not in seen:
            found = _lookup_member(base_binding.cls, name, module, local_only, seen)
            if found is not None:
                return found
        elif base.rsplit(".", 1)[-1] not in NEUTRAL_BASES:
            unseen_base = True
    return UNKNOWN if unseen_base and not local_only else None
