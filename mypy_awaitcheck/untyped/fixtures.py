"""pytest fixtures: the value a test's (or a fixture's) parameter receives.

pytest passes a test function, and a fixture function, the value of the fixture
named like each parameter: what the fixture returns, or yields for a generator
fixture; an ``async def`` fixture gives its awaited result (pytest-asyncio). The
fixture is the closest definition: the test's class, then its module, then the
``conftest.py`` files above it (``conftest``). Its value is its declared result, or,
unannotated and defined in this module, what its body returns or yields when
that resolves (``values``).

Fixtures are recognised by their decorator's fullname (``pytest.fixture``,
``pytest_asyncio.fixture``, called or bare, ``name=`` honoured). Nothing is
assumed when pytest may pass something else: a parameter listed by
``pytest.mark.parametrize`` (on the function or its class), a module with
``pytestmark`` or a ``pytest_generate_tests`` hook, a name imported into the
module that may be a fixture, fixtures of plugins (``tmp_path``,
``monkeypatch``...) and functions that pytest does not collect (tests are
``test*`` functions in ``test_*.py``/``*_test.py`` modules, at module level or in
``Test*`` classes). A fixture that asks for its own name gets the one it overrides.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Final

from mypy.nodes import (
    CallExpr,
    Decorator,
    Expression,
    FuncDef,
    FuncItem,
    ListExpr,
    MemberExpr,
    MypyFile,
    RefExpr,
    StrExpr,
    SymbolTable,
    TupleExpr,
    TypeInfo,
    Var,
)
from mypy.types import CallableType, Instance, get_proper_type

from mypy_awaitcheck.typepredicates import is_unannotated_any
from mypy_awaitcheck.untyped.conftest import NOT_DEFINED_HERE, ConftestFixtures
from mypy_awaitcheck.untyped.conftest_files import conftest_chain, is_test_module
from mypy_awaitcheck.untyped.known import Known, awaited_value, known
from mypy_awaitcheck.untyped.walk import ModuleWalk

if TYPE_CHECKING:
    from mypy_awaitcheck.untyped.values import ValueResolver

FIXTURE_DECORATORS: Final = frozenset(
    {
        "pytest.fixture",
        "_pytest.fixtures.fixture",
        "pytest_asyncio.fixture",
        "pytest_asyncio.plugin.fixture",
    }
)
# Declared results of generator fixtures: the first type argument is what they yield.
_YIELDING_TYPES: Final = frozenset(
    {
        "typing.Iterator",
        "typing.Iterable",
        "typing.Generator",
        "typing.AsyncIterator",
        "typing.AsyncIterable",
        "typing.AsyncGenerator",
        "collections.abc.Iterator",
        "collections.abc.Iterable",
        "collections.abc.Generator",
        "collections.abc.AsyncIterator",
        "collections.abc.AsyncIterable",
        "collections.abc.AsyncGenerator",
    }
)
_PARAMETRIZE: Final = "parametrize"
_GENERATE_TESTS: Final = "pytest_generate_tests"
_HOOKS_THAT_PARAMETRIZE: Final = ("pytestmark", _GENERATE_TESTS)
_ANY_NAME: Final = "*"


class FixtureResolver:
    def __init__(
        self,
        walk: ModuleWalk,
        values: ValueResolver,
        conftests: ConftestFixtures,
        modules: dict[str, MypyFile],
    ) -> None:
        self._walk = walk
        self._values = values
        self._conftests = conftests
        self._modules = modules
        self._module_fixtures: dict[str, FuncDef] | None = None
        self._conftest_chain: list[tuple[str, str]] | None = None

    def parameter_value(self, var: Var, func: FuncItem, owner: TypeInfo | None) -> Known | None:
        if not isinstance(func, FuncDef) or not self._gets_fixtures(func, owner):
            return None
        parametrized = self._parametrized(func, owner)
        if _ANY_NAME in parametrized or var.name in parametrized:
            return None
        return self._closest_value(var.name, func, owner)

    def fixture_value(self, fixture: FuncDef) -> Known | None:
        generator = fixture.is_generator or fixture.is_async_generator
        signature = get_proper_type(fixture.type) if fixture.type is not None else None
        if isinstance(signature, CallableType) and not is_unannotated_any(signature.ret_type):
            result = known(signature.ret_type)
            if generator:
                return _yielded_type(result)
            return awaited_value(result) if fixture.is_coroutine else result
        if generator:
            return self._values.yielded_value(fixture)
        return self._values.returned_value(fixture)

    def module_fixture_values(self) -> dict[str, Known | None]:
        """The values of this module's fixtures; imported decorated names count as unknown."""
        values: dict[str, Known | None] = {
            name: None
            for name, symbol in self._walk.tree.names.items()
            if isinstance(symbol.node, Decorator) and symbol.node.func not in self._walk.functions
        }
        for name, fixture in self._fixtures_of_module().items():
            values[name] = self.fixture_value(fixture)
        return values

    def generates_tests(self) -> bool:
        return _GENERATE_TESTS in self._walk.tree.names

    # Which functions get fixtures --------------------------------------------

    def _gets_fixtures(self, func: FuncDef, owner: TypeInfo | None) -> bool:
        table = owner.names if owner is not None else self._walk.tree.names
        if _definition(table, func.name) is not func:
            return False  # nested, or shadowed: pytest never calls it
        if owner is not None and _class(self._walk.tree.names, owner.name) is not owner:
            return False
        if _fixture_name(self._decorator(func, owner)) is not None:
            return True
        return (
            func.name.startswith("test")
            and (owner is None or owner.name.startswith("Test"))
            and is_test_module(self._walk.tree.path)
        )

    def _parametrized(self, func: FuncDef, owner: TypeInfo | None) -> frozenset[str]:
        """Parameters pytest may fill from parametrization instead of fixtures."""
        tables = [self._walk.tree.names] + ([owner.names] if owner is not None else [])
        if any(hook in table for table in tables for hook in _HOOKS_THAT_PARAMETRIZE):
            return frozenset({_ANY_NAME})
        decorator = self._decorator(func, owner)
        marks = list(decorator.decorators) if decorator is not None else []
        if owner is not None:
            marks.extend(owner.defn.decorators)
        names: set[str] = set()
        for mark in marks:
            names |= _parametrized_names(mark)
        return frozenset(names)

    def _decorator(self, func: FuncDef, owner: TypeInfo | None) -> Decorator | None:
        table = owner.names if owner is not None else self._walk.tree.names
        symbol = table.get(func.name)
        node = symbol.node if symbol is not None else None
        return node if isinstance(node, Decorator) and node.func is func else None

    # Where a fixture is defined ----------------------------------------------

    def _closest_value(self, name: str, requester: FuncDef, owner: TypeInfo | None) -> Known | None:
        """The value of the closest fixture ``name``; a fixture that asks for its own
        name gets the one it overrides."""
        for info in owner.mro[:-1] if owner is not None else ():  # without ``object``
            if info not in self._walk.classes:
                return None  # a base class of another module may define it
            found = _fixtures_in(info.names).get(name)
            if found is not None and found is not requester:
                return self.fixture_value(found)
        symbol = self._walk.tree.names.get(name)
        if isinstance(symbol.node if symbol else None, Decorator):
            if symbol.node.func not in self._walk.functions:  # type: ignore[union-attr]
                return None  # imported: may be a fixture, whose decorator is not visible
        found = self._fixtures_of_module().get(name)
        if found is not None and found is not requester:
            return self.fixture_value(found)
        if self._conftest_chain is None:
            self._conftest_chain = conftest_chain(self._walk.tree.fullname, self._walk.tree.path)
        for module, path in self._conftest_chain:
            conftest = self._modules.get(module)
            if conftest is None or not _same_file(conftest.path, path):
                return None  # a conftest that mypy did not analyse
            value = self._conftests.value(conftest, name)
            if value is not NOT_DEFINED_HERE:
                return value  # type: ignore[return-value]
        return None

    def _fixtures_of_module(self) -> dict[str, FuncDef]:
        if self._module_fixtures is None:
            self._module_fixtures = {
                name: func
                for name, func in _fixtures_in(self._walk.tree.names).items()
                if func in self._walk.functions
            }
        return self._module_fixtures


def _fixtures_in(table: SymbolTable) -> dict[str, FuncDef]:
    fixtures = {}
    for symbol in table.values():
        node = symbol.node
        if isinstance(node, Decorator):
            name = _fixture_name(node)
            if name is not None:
                fixtures[name] = node.func
    return fixtures


def _fixture_name(decorator: Decorator | None) -> str | None:
    """The fixture name a decorated function defines, or None if it is no fixture."""
    if decorator is None:
        return None
    for expression in decorator.decorators:
        call = expression if isinstance(expression, CallExpr) else None
        target = call.callee if call is not None else expression
        if isinstance(target, RefExpr) and target.fullname in FIXTURE_DECORATORS:
            if call is not None and "name" in call.arg_names:
                argument = call.args[call.arg_names.index("name")]
                return argument.value if isinstance(argument, StrExpr) else None
            return decorator.func.name
    return None


def _parametrized_names(mark: Expression) -> frozenset[str]:
    if not (
        isinstance(mark, CallExpr)
        and isinstance(mark.callee, MemberExpr)
        and mark.callee.name == _PARAMETRIZE
    ):
        return frozenset()
    if "argnames" in mark.arg_names:
        argnames: Expression | None = mark.args[mark.arg_names.index("argnames")]
    else:
        argnames = mark.args[0] if mark.args and mark.arg_names[0] is None else None
    if isinstance(argnames, StrExpr):
        return frozenset(name.strip() for name in argnames.value.split(","))
    if isinstance(argnames, (ListExpr, TupleExpr)) and all(
        isinstance(item, StrExpr) for item in argnames.items
    ):
        return frozenset(item.value.strip() for item in argnames.items)  # type: ignore[attr-defined]
    return frozenset({_ANY_NAME})


def _class(table: SymbolTable, name: str) -> TypeInfo | None:
    symbol = table.get(name)
    return symbol.node if symbol is not None and isinstance(symbol.node, TypeInfo) else None


def _definition(table: SymbolTable, name: str) -> FuncItem | None:
    symbol = table.get(name)
    node = symbol.node if symbol is not None else None
    if isinstance(node, Decorator):
        return node.func
    return node if isinstance(node, FuncDef) else None


def _yielded_type(result: Known | None) -> Known | None:
    if isinstance(result, Instance) and result.type.fullname in _YIELDING_TYPES and result.args:
        return known(result.args[0])
    return None


def _same_file(first: str, second: str) -> bool:
    return os.path.normcase(os.path.abspath(first)) == os.path.normcase(os.path.abspath(second))
