"""The checks run on unannotated bodies, judging exactly like the typed path does.

``await`` on a call or a property: the callee is found by ``values`` (mypy left it
``Any``), then judged by ``awaited_sync``'s own functions, so a call reported in
an annotated function is reported alike in an unannotated one, with the same
code, message and note; an unresolved callee is never reported.
"""

from __future__ import annotations

from typing import NamedTuple

from mypy.message_registry import ErrorMessage
from mypy.nodes import AwaitExpr, CallExpr, Context, Expression, MemberExpr
from mypy.options import Options

from mypy_awaitcheck.awaited_sync import (
    async_variant_note,
    awaited_call_problem,
    awaited_property_problem,
)
from mypy_awaitcheck.callee import Callee, Lookup, attribute_callee
from mypy_awaitcheck.errorcodes import AWAIT_SYNC_CALL
from mypy_awaitcheck.sync_inference import SyncReturnInference
from mypy_awaitcheck.typepredicates import TypeFactory
from mypy_awaitcheck.untyped.values import ValueResolver
from mypy_awaitcheck.untyped.walk import UncheckedBody


class Finding(NamedTuple):
    context: Context
    message: ErrorMessage
    note: ErrorMessage | None = None


class AwaitedSyncInUnchecked:
    def __init__(self, inference: SyncReturnInference, types: TypeFactory, lookup: Lookup) -> None:
        self._inference = inference
        self._types = types
        self._lookup = lookup

    def findings(
        self, body: UncheckedBody, values: ValueResolver, options: Options
    ) -> list[Finding]:
        found = []
        for expression in body.expressions:
            if isinstance(expression, AwaitExpr):
                finding = self._awaited(expression.expr, values, options)
                if finding is not None:
                    found.append(finding)
        return found

    def _awaited(
        self, operand: Expression, values: ValueResolver, options: Options
    ) -> Finding | None:
        if isinstance(operand, CallExpr):
            target = values.call_target(operand)
            if target is None:
                return None
            message = awaited_call_problem(
                self._types, options, self._inference, target.callee, target.result
            )
            callee: Callee | None = target.callee
        elif isinstance(operand, MemberExpr):
            receiver = values.value_of(operand.expr)
            callee = attribute_callee(receiver, operand.name) if receiver is not None else None
            result = values.property_result(receiver, operand.name) if receiver is not None else None
            if callee is None or result is None:
                return None
            message = awaited_property_problem(self._types, options, callee, result)
        else:
            return None
        if message is None or callee is None:
            return None
        note = async_variant_note(callee, self._lookup) if message.code is AWAIT_SYNC_CALL else None
        return Finding(operand, message, note)
