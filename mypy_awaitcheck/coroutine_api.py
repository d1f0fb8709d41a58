"""Check family: a coroutine's own ``send``/``close``/``throw`` called by mistake.

``Coroutine`` has these methods, so ``open_socket().send(data)`` type-checks: it
sends into the coroutine (or closes it) instead of the socket it would return. When
the awaited result type has a method of the same name, the user almost surely meant
``(await open_socket()).send(data)``: reported as ``coroutine-api-misuse``.

Driver code is left alone: coroutines whose result has no such method, parameters,
and local names that are also awaited, passed on, returned or stored (closing a
coroutine that was never scheduled is the way to discard it). The hooks for these
methods cost nothing elsewhere: mypy asks for ``typing.Coroutine.send`` only when
the receiver is a coroutine.
"""

from __future__ import annotations

from typing import Final

from mypy.checker import TypeChecker
from mypy.messages import format_type
from mypy.nodes import CallExpr, Context, Expression, MemberExpr, NameExpr, Var
from mypy.types import Instance, Type, UnionType, get_proper_type

from mypy_awaitcheck import messages
from mypy_awaitcheck.module_index import ModuleIndexes
from mypy_awaitcheck.mypy_compat import report_error
from mypy_awaitcheck.typepredicates import coroutine_result
from mypy_awaitcheck.value_use import LOST_READS, ModuleValueUses, UseKind, written_name

PROTOCOL_METHOD_NAMES: Final = ("send", "throw", "close")
PROTOCOL_METHODS: Final = frozenset(
    f"{owner}.{method}"
    for owner in ("typing.Coroutine", "types.CoroutineType")
    for method in PROTOCOL_METHOD_NAMES
)


class CoroutineApiCheck:
    def __init__(self, indexes: ModuleIndexes) -> None:
        self._indexes = indexes

    def check_method(
        self, api: TypeChecker, context: Context, fullname: str, receiver: Type
    ) -> None:
        if fullname not in PROTOCOL_METHODS or not isinstance(context, CallExpr):
            return
        callee = context.callee
        result = coroutine_result(receiver)
        if not isinstance(callee, MemberExpr) or result is None:
            return
        if not _has_method(result, callee.name):
            return
        label = self._receiver_label(callee.expr, self._indexes.for_tree(api.tree).uses_around(context))
        if label is None:
            return
        message = messages.COROUTINE_METHOD_LOOKALIKE.format(
            receiver=label, method=callee.name, result=format_type(result, api.options)
        )
        report_error(api, message, context)

    def _receiver_label(self, receiver: Expression, uses: ModuleValueUses) -> str | None:
        """How to name the coroutine in the message; None for driver code."""
        if isinstance(receiver, CallExpr):
            return written_name(receiver)
        if not isinstance(receiver, NameExpr) or not isinstance(receiver.node, Var):
            return None
        if not uses.assignments(receiver.node):
            return None  # a parameter or a global: somebody else's coroutine to drive
        for read in uses.reads(receiver.node):
            if read is None or not (read.kind in LOST_READS or read.kind is UseKind.METHOD_RECEIVER):
                return None  # also awaited, passed on or stored: closing it is cleanup
        return receiver.name


def _has_method(typ: Type, name: str) -> bool:
    proper = get_proper_type(typ)
    if isinstance(proper, UnionType):
        return any(_has_method(item, name) for item in proper.items)
    return isinstance(proper, Instance) and proper.type.get(name) is not None
