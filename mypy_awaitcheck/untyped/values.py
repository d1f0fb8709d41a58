"""What an expression in an unchecked body certainly evaluates to, and what a call reaches.

mypy types every expression of an unannotated body as ``Any``, but it did
resolve the names in it (``RefExpr.node``) and it knows declared types,
signatures and ``async def`` flags. From those alone, a value is known when it
is certain:

- a declared or mypy-inferred type: ``self``, ``cls``, annotated names and
  attributes, module variables; an optional type counts as its non-None part
  (using ``None`` would fail anyway);
- a variable bound only by plain assignments that all resolve to the same class:
  locals, class attributes, and attributes of a class of this module stored
  through any receiver of that class (a store through an unknown receiver, or a
  parameter that is also assigned, makes it unknown);
- a call of a class (without a custom ``__new__`` or metaclass ``__call__``), of
  a function or method with a declared result free of type variables, of an
  unannotated module-level function of this module whose every ``return``
  resolves to the same class; a call of an ``async def`` is a coroutine;
- ``await`` of a coroutine whose result is known;
- a pytest fixture parameter (``fixtures``).

Anything else (unions, results that depend on the arguments, overloads,
decorators that change the callee, bodies of other modules) is unknown, and
unknown means silent. Each variable and function is resolved once per module.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, NamedTuple

from mypy.nodes import (
    AwaitExpr,
    CallExpr,
    Decorator,
    Expression,
    FuncDef,
    FuncItem,
    MemberExpr,
    MypyFile,
    NameExpr,
    OverloadedFuncDef,
    RefExpr,
    SymbolNode,
    TypeInfo,
    Var,
    YieldExpr,
)
from mypy.subtypes import find_member, is_same_type
from mypy.types import (
    AnyType,
    CallableType,
    Instance,
    Type,
    TypeOfAny,
    TypeType,
    get_proper_type,
    has_type_vars,
)

from mypy_awaitcheck.callee import Callee, function_callee, method_callee, plain_function
from mypy_awaitcheck.mypy_compat import is_placeholder_body
from mypy_awaitcheck.sync_inference import own_returns, returns_unannotated
from mypy_awaitcheck.typepredicates import TypeFactory
from mypy_awaitcheck.untyped.conftest import ConftestFixtures
from mypy_awaitcheck.untyped.fixtures import FixtureResolver
from mypy_awaitcheck.untyped.returns import ReturnedValues
from mypy_awaitcheck.untyped.known import (
    COROUTINE,
    Known,
    awaited_value,
    info_of,
    instance_of,
    known,
)
from mypy_awaitcheck.untyped.walk import ModuleWalk

_PLAIN_CONSTRUCTION: Final = frozenset({"builtins.object.__new__", "builtins.type.__call__"})
_UNRESOLVED: Final = object()


class CallTarget(NamedTuple):
    """What a call reaches, and its result typed the way mypy types it in checked code."""

    callee: Callee
    result: Type


class ValueResolver:
    def __init__(
        self,
        walk: ModuleWalk,
        types: TypeFactory,
        conftests: ConftestFixtures,
        returned: ReturnedValues,
        modules: dict[str, MypyFile],
    ) -> None:
        self._walk = walk
        self._types = types
        self._returned = returned
        self.fixtures = FixtureResolver(walk, self, conftests, modules)
        self._variables: dict[Var, object] = {}
        self._expressions: dict[Expression, object] = {}
        self._returns: dict[FuncItem, object] = {}

    # Values -----------------------------------------------------------------

    def value_of(self, expression: Expression) -> Known | None:
        """Memoised: receivers are asked for again by every check and every chain."""
        value = self._expressions.get(expression, _UNRESOLVED)
        if value is _UNRESOLVED:
            value = self._expressions[expression] = self._value_of(expression)
        return value  # type: ignore[return-value]

    def _value_of(self, expression: Expression) -> Known | None:
        if isinstance(expression, NameExpr) or _is_module_member(expression):
            assert isinstance(expression, RefExpr)
            return self._reference(expression.node)
        if isinstance(expression, MemberExpr):
            receiver = self.value_of(expression.expr)
            return self.member_value(receiver, expression.name) if receiver else None
        if isinstance(expression, CallExpr):
            return self.call_value(expression)
        if isinstance(expression, AwaitExpr):
            return awaited_value(self.value_of(expression.expr))
        return None

    def same_value(self, expressions: Iterable[Expression | None]) -> Known | None:
        """The one value all ``expressions`` have; None if any is unknown or they differ."""
        found: Known | None = None
        for expression in expressions:
            value = self.value_of(expression) if expression is not None else None
            if value is None or (found is not None and not is_same_type(found, value)):
                return None
            found = value
        return found

    def member_value(self, receiver: Known, name: str) -> Known | None:
        node = _member(receiver, name)
        if isinstance(node, Var):
            return self.variable_value(node)
        return known(self.property_result(receiver, name))

    def property_result(self, receiver: Known, name: str) -> Type | None:
        """The value of ``receiver.name`` when that is a property of an instance."""
        if isinstance(receiver, Instance) and _is_property(_member(receiver, name)):
            return find_member(name, receiver, receiver)
        return None

    def variable_value(self, var: Var) -> Known | None:
        value = self._variables.get(var, _UNRESOLVED)
        if value is _UNRESOLVED:
            self._variables[var] = None  # a variable defined through itself is unknown
            value = self._variables[var] = self._variable_value(var)
        return value  # type: ignore[return-value]

    def _variable_value(self, var: Var) -> Known | None:
        if var.type is not None and not isinstance(get_proper_type(var.type), AnyType):
            return known(var.type)  # declared, or inferred by mypy in checked code
        if var.name in self._walk.rebound_names:
            return None
        bindings: list[Expression | None] = list(self._walk.bindings.get(var, ()))
        if var in self._walk.parameters:
            if bindings:
                return None  # a parameter assigned in the body
            return self.fixtures.parameter_value(var, *self._walk.parameters[var])
        if var.info:
            if var.info not in self._walk.classes:
                return None  # its assignments live in another module
            stores = self._stores_to(var.info, var.name)
            if stores is None:
                return None
            bindings.extend(stores)
        return self.same_value(bindings) if bindings else None

    def _stores_to(self, owner: TypeInfo, name: str) -> list[Expression | None] | None:
        """Values stored as ``receiver.name`` on instances of ``owner``; None if some store is unclear."""
        values: list[Expression | None] = []
        for receiver, value in self._walk.member_stores.get(name, ()):
            receiver_info = info_of(self.value_of(receiver))
            if receiver_info is None:
                return None
            if owner in receiver_info.mro or receiver_info in owner.mro:
                values.append(value)
        return values

    def _reference(self, node: SymbolNode | None) -> Known | None:
        if isinstance(node, Var):
            return self.variable_value(node)
        if isinstance(node, TypeInfo):
            instance = instance_of(node)
            return TypeType(instance) if instance is not None else None
        return None

    # Calls ------------------------------------------------------------------

    def call_target(self, call: CallExpr) -> CallTarget | None:
        callee = call.callee
        if isinstance(callee, NameExpr) or _is_module_member(callee):
            described = function_callee(call)
            if described is None or described.definition is None:
                return None
            result = _definition_result(described.definition)
        elif isinstance(callee, MemberExpr):
            receiver = self.value_of(callee.expr)
            if receiver is None:
                return None
            described = method_callee(call, receiver, callee.name)
            if described is None or described.definition is None:
                return None
            result = _member_result(receiver, callee.name, described.definition)
        else:
            return None
        return CallTarget(described, result) if result is not None else None

    def call_value(self, call: CallExpr) -> Known | None:
        target = self.call_target(call)
        if target is None:
            return None
        func = plain_function(target.callee.definition)
        if func is not None and returns_unannotated(func):
            if func.is_coroutine and not func.is_async_generator:
                returned = self.returned_value(func) if not func.info else None
                return self.coroutine_of(returned)
            if not func.info and not (func.is_generator or func.is_async_generator):
                return self.returned_value(func)
            return None
        return known(target.result)

    def returned_value(self, func: FuncItem) -> Known | None:
        """What every ``return`` of ``func`` gives, if that is one class (module-level
        functions of other modules: as recorded after their module's check)."""
        value = self._returns.get(func, _UNRESOLVED)
        if value is _UNRESOLVED:
            self._returns[func] = None
            value = self._returns[func] = self._returned_value(func)
        return value  # type: ignore[return-value]

    def _returned_value(self, func: FuncItem) -> Known | None:
        if func not in self._walk.functions:
            return self._returned.value(func) if isinstance(func, FuncDef) else None
        if is_placeholder_body(func.body):
            return None
        values = [r.expr for r in own_returns(func) if r.expr is not None and not _is_none(r.expr)]
        return self.same_value(values) if values else None

    def yielded_value(self, func: FuncItem) -> Known | None:
        """What every ``yield`` of an unchecked generator ``func`` gives, if that is one class."""
        body = self._walk.unchecked_functions.get(func)
        if body is None:
            return None
        values = [
            e.expr for e in body.expressions if isinstance(e, YieldExpr) and e.expr is not None
        ]
        return self.same_value(values) if values else None

    def coroutine_of(self, result: Known | None) -> Instance:
        any_type = AnyType(TypeOfAny.special_form)
        return self._types.named_generic_type(COROUTINE, [any_type, any_type, result or any_type])


def _definition_result(definition: SymbolNode) -> Type | None:
    """The result of calling a module-level definition, typed like mypy types the call."""
    if isinstance(definition, TypeInfo):
        return instance_of(definition) if _plainly_constructed(definition) else None
    func = plain_function(definition)
    if func is not None:
        if returns_unannotated(func):
            return AnyType(TypeOfAny.unannotated)
        return _callable_result(func.type)
    if isinstance(definition, Decorator):
        return _callable_result(definition.var.type)
    return None


def _member_result(receiver: Known, name: str, definition: SymbolNode) -> Type | None:
    """The result of calling ``receiver.name``, with the receiver's type arguments applied."""
    if isinstance(definition, OverloadedFuncDef) or _is_property(definition):
        return None
    func = plain_function(definition)
    if func is not None and returns_unannotated(func):
        return AnyType(TypeOfAny.unannotated)
    instance = receiver.item if isinstance(receiver, TypeType) else receiver
    if not isinstance(instance, Instance):
        return None
    member = find_member(name, instance, instance, class_obj=isinstance(receiver, TypeType))
    return _callable_result(member)


def _callable_result(signature: Type | None) -> Type | None:
    """What calling a value of this type returns; None when it depends on the arguments."""
    proper = get_proper_type(signature) if signature is not None else None
    if isinstance(proper, Instance):
        proper = get_proper_type(find_member("__call__", proper, proper))
    if not isinstance(proper, CallableType) or has_type_vars(proper.ret_type):
        return None
    return proper.ret_type


def _plainly_constructed(info: TypeInfo) -> bool:
    """Whether calling the class certainly gives an instance of it."""
    if info.is_protocol:
        return False
    constructor = info.get("__new__")
    if constructor is not None and constructor.fullname not in _PLAIN_CONSTRUCTION:
        return False
    metaclass = info.metaclass_type
    call = metaclass.type.get("__call__") if metaclass is not None else None
    return call is None or call.fullname in _PLAIN_CONSTRUCTION


def _member(receiver: Known, name: str) -> SymbolNode | None:
    info = info_of(receiver)
    symbol = info.get(name) if info is not None else None
    return symbol.node if symbol is not None else None


def _is_property(node: SymbolNode | None) -> bool:
    if isinstance(node, OverloadedFuncDef):
        return node.is_property
    return isinstance(node, Decorator) and node.func.is_property


def _is_module_member(expression: Expression) -> bool:
    """``module.name``: mypy resolved it like a plain name."""
    return (
        isinstance(expression, MemberExpr)
        and isinstance(expression.expr, RefExpr)
        and isinstance(expression.expr.node, MypyFile)
    )


def _is_none(expression: Expression) -> bool:
    return isinstance(expression, NameExpr) and expression.fullname == "builtins.None"

