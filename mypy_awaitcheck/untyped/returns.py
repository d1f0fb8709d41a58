"""What unannotated module-level functions return, when that is one class, kept per module.

A call of an unannotated factory (``def create_manager(ctx): return Manager(ctx)``)
is ``Any`` to mypy. The pass resolves it from the factory's ``return`` statements
(``values``), but mypy frees a module's bodies once it is checked, before the
modules that import it are, and incremental runs load it without bodies. So,
like ``sync_inference``'s verdicts, each module's results are taken right after
its own check and kept beside mypy's cache (``verdict_store.ModuleRecords``), and
a factory of another module is looked up by name. A module checked again rewrites
its record; a module that imports it is re-checked by mypy only when the factory's
signature changes, not its body (the same limit as for those verdicts).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from mypy.nodes import FuncDef, MypyFile
from mypy.options import Options

from mypy_awaitcheck.callee import Lookup
from mypy_awaitcheck.sync_inference import returns_unannotated
from mypy_awaitcheck.untyped.known import Known, decode, encode
from mypy_awaitcheck.verdict_store import ModuleRecords

KIND: Final = "returns"


class ReturnedValues:
    def __init__(self, records: ModuleRecords, lookup: Lookup) -> None:
        self._records = records
        self._lookup = lookup

    @classmethod
    def for_options(cls, options: Options, lookup: Lookup) -> ReturnedValues:
        return cls(ModuleRecords.for_options(options, KIND), lookup)

    def record(self, tree: MypyFile, values: dict[str, Known | None]) -> None:
        encoded = {name: encode(value) for name, value in values.items() if value is not None}
        self._records.write(tree.fullname, encoded or None)

    def value(self, func: FuncDef) -> Known | None:
        """The recorded value of a module-level function of another module."""
        record = self._records.read(func.fullname.rpartition(".")[0])
        return decode(record.get(func.fullname), self._lookup) if record is not None else None


def factory_candidates(tree: MypyFile) -> Iterator[FuncDef]:
    """Module-level functions whose call is ``Any`` to mypy and whose result is a value."""
    for definition in tree.defs:
        if (
            isinstance(definition, FuncDef)
            and not (definition.is_generator or definition.is_async_generator)
            and returns_unannotated(definition)
        ):
            yield definition


