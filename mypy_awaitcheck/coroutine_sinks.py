"""Whether a coroutine passed as an argument is lost: the parameter takes anything.

mypy reports a coroutine passed to a typed parameter that does not accept it
(``arg-type``); a parameter typed ``Any`` or ``object``, or unannotated, takes it
silently, and the coroutine object is then printed, serialized, logged... and never
awaited. The parameter is found through the type mypy infers the argument against
(its type context) and the declaration behind it. The call is no sink when:

- the parameter is generic (``list[Any].append`` stores the coroutine), or a
  ``*args``/``**kwargs`` typed ``Any`` (forwarded), or named after an awaitable
  (``coro``, ``task``, ``awaitable``...);
- the callee is a class (the new object keeps it), an ``async def`` (which may
  await it), an introspection function (``isinstance``, ``inspect.*``...), or
  listed in the ``consumers`` setting;
- the parameter is ``Any`` or unannotated and the callee, defined in the module
  being checked, awaits it, passes it on, returns or stores it.
``bool(coro)`` is a truth test; ``str``, ``repr``, ``ascii``, ``format`` and
``print`` are sinks whatever their overloads say.
"""

from __future__ import annotations

from enum import Enum
from typing import Final

from mypy.checker import TypeChecker
from mypy.nodes import CallExpr, FuncDef, RefExpr
from mypy.types import (
    AnyType,
    CallableType,
    Overloaded,
    ProperType,
    get_proper_type,
    has_type_vars,
)

from mypy_awaitcheck.coroutine_positions import BOOLEAN_CONVERSIONS, TEXT_CONVERSIONS
from mypy_awaitcheck.mypy_compat import (
    formal_of_argument,
    in_speculative_check,
    inferred_type,
    type_context,
)
from mypy_awaitcheck.typepredicates import (
    accepts_anything,
    declared_parameter_type,
    defined_parameter,
)
from mypy_awaitcheck.module_index import ModuleIndex
from mypy_awaitcheck.value_use import LOST_READS, UseKind, ValueUse

# Functions that look at an object without keeping or losing it.
INTROSPECTION: Final = frozenset(
    {
        "builtins.isinstance",
        "builtins.issubclass",
        "builtins.id",
        "builtins.type",
        "builtins.hash",
        "builtins.callable",
        "builtins.hasattr",
        "builtins.getattr",
        "builtins.setattr",
        "builtins.delattr",
        "builtins.vars",
        "builtins.dir",
        "asyncio.coroutines.iscoroutine",
        "asyncio.base_futures.isfuture",
        "asyncio.futures.isfuture",
        "sys.getrefcount",
    }
)
INTROSPECTION_MODULES: Final = ("inspect.",)
# Parameter names that announce an awaitable (split on "_": "coro", "pending_task"...).
AWAITABLE_WORDS: Final = frozenset(
    {
        "aw",
        "awaitable",
        "awaitables",
        "coro",
        "coros",
        "coroutine",
        "coroutines",
        "fut",
        "future",
        "futures",
        "task",
        "tasks",
    }
)
# Reads of a parameter that use it up without awaiting or handing it on.
_LOSING_READS: Final = LOST_READS | {UseKind.FORMATTED, UseKind.DISCARDED}


class Sink(Enum):
    TRUTH_TEST = "truth-test"  # bool(coro)
    ANY_OBJECT = "any-object"  # a parameter that takes anything and keeps nothing


class SinkPolicy:
    def __init__(self, consumers: frozenset[str]) -> None:
        self._consumers = consumers

    def classify(
        self, api: TypeChecker, index: ModuleIndex, use: ValueUse, during_check: bool
    ) -> Sink | None:
        """What the call that receives the argument ``use`` describes does with it.

        During the check (a hook), the parameter's type comes from mypy's type
        context, which is only final outside overload trials; after the check every
        signature of the callee is asked (``_takes_and_loses`` reads the declared types).
        """
        call = use.parent
        if use.kind is not UseKind.ARGUMENT or not isinstance(call, CallExpr):
            return None
        callee = inferred_type(api, call.callee)
        signatures = _signatures(get_proper_type(callee) if callee is not None else None)
        names = _fullnames(call, signatures)
        if self._is_consumer(names):
            return None
        if names & BOOLEAN_CONVERSIONS:
            return Sink.TRUTH_TEST
        if names & TEXT_CONVERSIONS:
            return Sink.ANY_OBJECT
        if not signatures:
            return None
        if during_check:
            if in_speculative_check(api):
                return None  # an overload trial's type context may not be the final one
            context = type_context(api)
            if context is None or not accepts_anything(context):
                return None
        if all(_takes_and_loses(sig, call, use.position, index) for sig in signatures):
            return Sink.ANY_OBJECT
        return None

    def _is_consumer(self, names: set[str]) -> bool:
        return any(
            name in self._consumers
            or name in INTROSPECTION
            or name.startswith(INTROSPECTION_MODULES)
            for name in names
        )


def _signatures(callee: ProperType | None) -> list[CallableType]:
    if isinstance(callee, CallableType):
        return [callee]
    if isinstance(callee, Overloaded):
        return list(callee.items)
    return []


def _fullnames(call: CallExpr, signatures: list[CallableType]) -> set[str]:
    """The callee's names: as resolved where written, and where it is defined."""
    names = {sig.definition.fullname for sig in signatures if sig.definition is not None}
    if isinstance(call.callee, RefExpr) and call.callee.fullname:
        names.add(call.callee.fullname)
    return names


def _takes_and_loses(sig: CallableType, call: CallExpr, position: int, index: ModuleIndex) -> bool:
    definition = sig.definition
    if sig.is_type_obj() or (isinstance(definition, FuncDef) and definition.is_coroutine):
        return False
    formal = formal_of_argument(sig, call, position)
    if formal is None:
        return False
    name = sig.arg_names[formal]
    if name is not None and AWAITABLE_WORDS.intersection(name.lower().split("_")):
        return False
    parameter = defined_parameter(sig, formal)
    declared = declared_parameter_type(sig, formal)
    if declared is not None:
        proper = get_proper_type(declared)
        if has_type_vars(declared) or not accepts_anything(proper):
            return False
        if not isinstance(proper, AnyType):
            return True  # object: nothing but object's own methods will be used
    if sig.arg_kinds[formal].is_star():
        return False  # *args / **kwargs taking Any are forwarded somewhere
    return parameter is None or not _uses_up(parameter, index)


def _uses_up(parameter: tuple[FuncDef, int], index: ModuleIndex) -> bool:
    """Whether a function of this module awaits, passes on, returns or stores a parameter."""
    definition, position = parameter
    uses = index.uses_around(definition)
    if definition not in uses.functions:
        return False  # defined elsewhere: its body may not be available (cached)
    reads = uses.reads(definition.arguments[position].variable)
    return any(read is None or read.kind not in _LOSING_READS for read in reads)
