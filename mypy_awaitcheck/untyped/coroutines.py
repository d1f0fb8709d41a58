"""Coroutines used as values inside unannotated bodies, judged like the typed checks.

The positions come from the module's value uses (``value_use``, the same walk the
hooks use) and the messages from ``coroutine_values``; a value is a coroutine only
when ``values`` resolves it for certain (a call of an ``async def``, or a name bound
once to one). What changes where mypy does not check: its own reports do not
apply, so the pass also reports a discarded coroutine (``coroutine-never-awaited``,
mypy's ``unused-coroutine`` elsewhere) and an attribute or item of a coroutine
(``coroutine-as-value``, mypy's ``attr-defined``/``index`` elsewhere), and reports
conditions and comparisons whatever ``truthy-bool`` and ``--strict-equality`` say.
Left alone for want of types: arguments other than ``bool()``, ``str()``,
``repr()``, ``ascii()``, ``format()`` and ``print()``, ``in`` (the container is
unknown), returns (nothing is declared), and a coroutine's own attributes
(``send``, ``close``, ``cr_frame``...).
"""

from __future__ import annotations

from typing import Final

from mypy.message_registry import ErrorMessage
from mypy.nodes import AssignmentStmt, CallExpr, IndexExpr, MemberExpr, RefExpr, TypeInfo
from mypy.types import Instance

from mypy_awaitcheck import messages
from mypy_awaitcheck.callee import Lookup
from mypy_awaitcheck.coroutine_positions import (
    BOOLEAN_CONVERSIONS,
    TEXT_CONVERSIONS,
    truth_tester,
)
from mypy_awaitcheck.coroutine_values import assignment_message, comparison_message
from mypy_awaitcheck.typepredicates import coroutine_result
from mypy_awaitcheck.untyped.checks import Finding
from mypy_awaitcheck.untyped.known import Known
from mypy_awaitcheck.untyped.values import ValueResolver
from mypy_awaitcheck.untyped.walk import UncheckedBody
from mypy_awaitcheck.value_use import (
    MEMBERSHIP_OPERATORS,
    ModuleValueUses,
    UseKind,
    ValueUse,
    written_name,
)

# What a coroutine object has at run time besides ``typing.Coroutine``'s members.
RUNTIME_COROUTINE: Final = "types.CoroutineType"


class CoroutineUsesInUnchecked:
    def __init__(self, lookup: Lookup) -> None:
        self._lookup = lookup

    def findings(
        self, body: UncheckedBody, values: ValueResolver, uses: ModuleValueUses
    ) -> list[Finding]:
        found = []
        for expression in body.expressions:
            message = None
            if isinstance(expression, CallExpr):
                message = self._call(expression, values, uses)
            elif isinstance(expression, MemberExpr):
                message = self._attribute(expression, values)
            elif isinstance(expression, IndexExpr):
                message = self._item(expression, values)
            if message is not None:
                found.append(Finding(expression, message))
        return found

    def _call(
        self, call: CallExpr, values: ValueResolver, uses: ModuleValueUses
    ) -> ErrorMessage | None:
        use = uses.use_of(call)
        if use is None or use.kind not in _REPORTED_USES:
            return None
        callee = written_name(call.callee)
        if callee is None or not _is_coroutine(values.value_of(call)):
            return None
        return _use_message(use, uses, callee)

    def _attribute(self, member: MemberExpr, values: ValueResolver) -> ErrorMessage | None:
        receiver = written_name(member.expr)
        if receiver is None or not _is_coroutine(values.value_of(member.expr)):
            return None
        if member.name.startswith("__") or self._coroutine_has(member.name):
            return None
        return messages.COROUTINE_ATTRIBUTE.format(receiver=receiver, name=member.name)

    def _item(self, item: IndexExpr, values: ValueResolver) -> ErrorMessage | None:
        receiver = written_name(item.base)
        if receiver is None or not _is_coroutine(values.value_of(item.base)):
            return None
        return messages.COROUTINE_SUBSCRIPTED.format(receiver=receiver)

    def _coroutine_has(self, name: str) -> bool:
        symbol = self._lookup(RUNTIME_COROUTINE)
        info = symbol.node if symbol is not None else None
        # Unknown runtime type: every name may be the coroutine's own.
        return not isinstance(info, TypeInfo) or info.get(name) is not None


_REPORTED_USES: Final = frozenset(
    {
        UseKind.DISCARDED,
        UseKind.CONDITION,
        UseKind.COMPARISON,
        UseKind.FORMATTED,
        UseKind.ELEMENT,
        UseKind.ARGUMENT,
        UseKind.ASSIGNED,
    }
)


def _use_message(use: ValueUse, uses: ModuleValueUses, callee: str) -> ErrorMessage | None:
    kind = use.kind
    if kind is UseKind.DISCARDED:
        return messages.COROUTINE_DISCARDED.format(callee=callee)
    if kind is UseKind.CONDITION:
        return messages.COROUTINE_AS_CONDITION.format(callee=callee)
    if kind is UseKind.COMPARISON and use.detail not in MEMBERSHIP_OPERATORS:
        return comparison_message(use, callee)
    if kind is UseKind.FORMATTED:
        return messages.COROUTINE_FORMATTED.format(callee=callee)
    if kind is UseKind.ELEMENT:
        tester = truth_tester(use, uses)
        if tester is None:
            return None
        return messages.COROUTINES_TESTED_BY.format(callee=callee, consumer=tester)
    if kind is UseKind.ARGUMENT and isinstance(use.parent, CallExpr):
        return _argument_message(use.parent, callee)
    if kind is UseKind.ASSIGNED and isinstance(use.parent, AssignmentStmt):
        return assignment_message(uses, use.parent, use.detail, callee)
    return None


def _argument_message(call: CallExpr, callee: str) -> ErrorMessage | None:
    """Only the builtins that need no types to tell that they lose a coroutine."""
    sink = call.callee
    name = sink.fullname if isinstance(sink, RefExpr) else None
    if name in BOOLEAN_CONVERSIONS:
        return messages.COROUTINE_AS_CONDITION.format(callee=callee)
    if name in TEXT_CONVERSIONS:
        return messages.COROUTINE_PASSED_AS_OBJECT.format(callee=callee, sink=written_name(sink))
    return None


def _is_coroutine(value: Known | None) -> bool:
    return isinstance(value, Instance) and coroutine_result(value) is not None
