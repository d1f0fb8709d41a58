"""Check family: a coroutine used as a value, as if its call had been awaited.

The hook of a call that returns a coroutine (``typing.Coroutine``: what ``async def``
returns; tasks, futures and other awaitables are held on purpose and left alone)
looks up how the call's value is used (``value_use``) and reports, naming the callee:

- ``coroutine-as-value``: a condition (always true), ``bool()``, ``any``/``all`` over
  coroutines, a comparison (``==``, ``is None``, ``in``...), an argument that takes
  anything and loses it (``coroutine_sinks``), a string format, or the value
  returned from a function declared to return ``Any`` or ``object``;
- ``coroutine-never-awaited``: bound to a local name (or ``_``) that is never read,
  only tested, or bound again before any read.

What mypy reports itself is left to it, one error per mistake: attribute access and
subscripts (``attr-defined``/``index`` with "Maybe you forgot to use await?"), bare
statements (``unused-coroutine``), typed parameters (``arg-type``), returns into
other declared types (``return-value``); conditions when ``truthy-bool`` is enabled,
and comparisons that ``--strict-equality`` (``--strict-equality-for-none``) covers.
A name whose reads mypy reports (``value.get``) is not reported as never awaited.
"""

from __future__ import annotations

from typing import Final

from mypy import errorcodes as core_codes
from mypy.checker import TypeChecker
from mypy.message_registry import ErrorMessage
from mypy.messages import format_type
from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    ComparisonExpr,
    Context,
    Expression,
    FuncDef,
    NameExpr,
)
from mypy.types import CallableType, Instance, Type, get_proper_type

from mypy_awaitcheck import messages
from mypy_awaitcheck.coroutine_positions import (
    declared_return,
    may_report,
    may_report_argument,
    truth_tester,
)
from mypy_awaitcheck.coroutine_sinks import Sink, SinkPolicy
from mypy_awaitcheck.module_index import ModuleIndex, ModuleIndexes
from mypy_awaitcheck.mypy_compat import inferred_type, report_error
from mypy_awaitcheck.typepredicates import accepts_anything, coroutine_result
from mypy_awaitcheck.value_use import (
    MEMBERSHIP_OPERATORS,
    Fate,
    ModuleValueUses,
    UseKind,
    ValueUse,
    written_name,
)

NONE: Final = "builtins.None"
IDENTITY_OPERATORS: Final = frozenset({"is", "is not"})


class CoroutineValueCheck:
    def __init__(self, indexes: ModuleIndexes, sinks: SinkPolicy) -> None:
        self._indexes = indexes
        self._sinks = sinks

    def check_call(
        self, api: TypeChecker, context: Context, result: Type, during_check: bool
    ) -> None:
        """``during_check``: called from a hook while mypy checks the call, rather
        than from the after-check (``coroutine_sweep``) with the final types."""
        if not isinstance(context, CallExpr) or coroutine_result(result) is None:
            return
        index = self._indexes.for_tree(api.tree)
        if context in index.awaited:
            return  # hooks see awaited calls too (the daemon's re-checks): nothing to judge
        callee = written_name(context.callee) or "coroutine function"
        use = index.argument_use(context)
        if use is not None:
            # Most coroutines that are not awaited at once are passed on: known from
            # the call layer, without walking the function around the call.
            if not may_report_argument(use):
                return
            message = self._argument_message(api, index, use, callee, during_check)
        else:
            uses = index.uses_around(context)
            use = uses.use_of(context)
            if use is None or not may_report(use, uses):
                return
            message = self._message(api, index, uses, use, callee, during_check)
        if message is not None:
            report_error(api, message, context)

    def _message(
        self,
        api: TypeChecker,
        index: ModuleIndex,
        uses: ModuleValueUses,
        use: ValueUse,
        callee: str,
        during_check: bool,
    ) -> ErrorMessage | None:
        kind = use.kind
        if kind is UseKind.CONDITION:
            if api.errors.is_error_code_enabled(core_codes.TRUTHY_BOOL):
                return None  # mypy's truthy-bool covers every such condition
            return messages.COROUTINE_AS_CONDITION.format(callee=callee)
        if kind is UseKind.COMPARISON:
            return _comparison_message(api, use, callee)
        if kind is UseKind.FORMATTED:
            return messages.COROUTINE_FORMATTED.format(callee=callee)
        if kind is UseKind.ELEMENT:
            tester = truth_tester(use, uses)
            return messages.COROUTINES_TESTED_BY.format(callee=callee, consumer=tester)
        if kind is UseKind.ARGUMENT:
            return self._argument_message(api, index, use, callee, during_check)
        if kind is UseKind.RETURNED and isinstance(use.parent, FuncDef):
            return _return_message(api, use.parent, callee)
        if kind is UseKind.ASSIGNED and isinstance(use.parent, AssignmentStmt):
            return assignment_message(uses, use.parent, use.detail, callee)
        return None

    def _argument_message(
        self, api: TypeChecker, index: ModuleIndex, use: ValueUse, callee: str,
        during_check: bool,
    ) -> ErrorMessage | None:
        sink = self._sinks.classify(api, index, use, during_check)
        if sink is Sink.TRUTH_TEST:
            return messages.COROUTINE_AS_CONDITION.format(callee=callee)
        if sink is Sink.ANY_OBJECT and isinstance(use.parent, CallExpr):
            receiver = written_name(use.parent.callee) or "function"
            return messages.COROUTINE_PASSED_AS_OBJECT.format(callee=callee, sink=receiver)
        return None


def _comparison_message(api: TypeChecker, use: ValueUse, callee: str) -> ErrorMessage | None:
    comparison = use.parent
    if not isinstance(comparison, ComparisonExpr):
        return None
    other = comparison.operands[use.position]
    options = api.options
    if options.strict_equality_for_none if _is_none(other) else options.strict_equality:
        return None  # mypy reports the non-overlapping comparison itself
    if use.detail in MEMBERSHIP_OPERATORS and not _holds_any_object(api, other):
        return None  # mypy rejects the operand itself, or the container is unknown
    return comparison_message(use, callee)


def comparison_message(use: ValueUse, callee: str) -> ErrorMessage | None:
    """The message for a coroutine compared by ``use`` (whatever mypy says about it)."""
    comparison = use.parent
    if not isinstance(comparison, ComparisonExpr):
        return None
    if _is_none(comparison.operands[use.position]) and use.detail in IDENTITY_OPERATORS:
        outcome = "false" if use.detail == "is" else "true"
        return messages.COROUTINE_COMPARED_WITH_NONE.format(
            callee=callee, operator=use.detail, outcome=outcome
        )
    return messages.COROUTINE_COMPARED.format(callee=callee, operator=use.detail)


def _is_none(expr: Expression) -> bool:
    return isinstance(expr, NameExpr) and expr.fullname == NONE


def _holds_any_object(api: TypeChecker, container: Expression) -> bool:
    """Whether ``container.__contains__`` takes any object (``list``, ``dict``, ``set``...).

    The right operand is inferred only when mypy checks ``__contains__``, after the
    left one: that second inference of the coroutine's call is where this answers.
    """
    inferred = inferred_type(api, container)
    proper = get_proper_type(inferred) if inferred is not None else None
    method = proper.type.get_method("__contains__") if isinstance(proper, Instance) else None
    signature = method.type if isinstance(method, FuncDef) else None
    return (
        isinstance(signature, CallableType)
        and len(signature.arg_types) == 2
        and accepts_anything(signature.arg_types[1])
    )


def _return_message(api: TypeChecker, function: FuncDef, callee: str) -> ErrorMessage | None:
    returns = declared_return(function)
    if returns is None:
        return None
    message = (
        messages.COROUTINE_RETURNED_FROM_ASYNC_AS
        if function.is_coroutine
        else messages.COROUTINE_RETURNED_AS
    )
    return message.format(
        callee=callee, function=function.name, returns=format_type(returns, api.options)
    )


def assignment_message(
    uses: ModuleValueUses, statement: AssignmentStmt, name: str, callee: str
) -> ErrorMessage | None:
    fate = uses.assignment_fate(statement)
    if fate is Fate.OVERWRITTEN:
        return messages.COROUTINE_OVERWRITTEN_IN.format(callee=callee, name=name)
    if fate in (Fate.NEVER_READ, Fate.ONLY_TESTED):
        return messages.COROUTINE_NEVER_AWAITED_IN.format(callee=callee, name=name)
    return None
