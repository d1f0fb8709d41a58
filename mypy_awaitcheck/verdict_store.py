"""Facts taken from a module's bodies right after its check, per module, kept across runs.

mypy frees a module's function bodies once it is checked, and an incremental run
loads unchanged modules from its cache without any bodies at all. So what the
plugin needs from another module's bodies is taken right after that module's
check and kept: in memory for the rest of the run, and in a small file beside
mypy's cache (one per module and kind, rewritten whenever the module is checked
again) for the runs that load the module from the cache, and for parallel workers
(``--num-workers``), which check a module's dependencies in other processes.
With ``cache_dir = /dev/null`` only the in-memory record exists, which is all a
full serial run needs. A file that
cannot be read or written counts as no record: the checks then stay silent,
never wrong.

Kinds: ``never_awaitable`` (``VerdictStore``: unannotated functions that never
return an awaitable) and ``fixtures`` (the values of a ``conftest.py``'s pytest
fixtures, ``untyped.conftest``).
"""

from __future__ import annotations

import json
import os
from typing import Any, Final

from mypy.options import Options

SUBDIRECTORY: Final = "mypy_awaitcheck"
_NEVER_AWAITABLE: Final = "never_awaitable"

Record = dict[str, Any]


class ModuleRecords:
    """One JSON record per module for one kind of fact; unreadable means absent."""

    def __init__(self, directory: str | None, kind: str) -> None:
        self._directory = directory
        self._kind = kind
        self._by_module: dict[str, Record | None] = {}

    @classmethod
    def for_options(cls, options: Options, kind: str) -> ModuleRecords:
        # Parallel workers are separate processes: the files are how they share, also
        # without --incremental, and a worker cannot tell from its options that it is
        # one. Files are written right after a module's check and read only for
        # modules whose bodies are gone, which a serial full run has just recorded.
        if options.cache_dir == os.devnull:
            return cls(None, kind)
        version = "{}.{}".format(*options.python_version)
        return cls(os.path.join(options.cache_dir, version, SUBDIRECTORY), kind)

    def write(self, module: str, record: Record | None) -> None:
        """Keep ``record`` for ``module``; None (no facts) removes the file."""
        self._by_module[module] = record
        if self._directory is not None:
            self._write(module, record)

    def read(self, module: str) -> Record | None:
        if module in self._by_module:
            return self._by_module[module]
        record = self._read(module)
        if record is not None:
            # Absence is not kept: a parallel worker may write the file later.
            self._by_module[module] = record
        return record

    def _path(self, module: str) -> str:
        assert self._directory is not None
        suffix = "" if self._kind == _NEVER_AWAITABLE else f".{self._kind}"
        return os.path.join(self._directory, f"{module}{suffix}.json")

    def _read(self, module: str) -> Record | None:
        if self._directory is None:
            return None
        try:
            with open(self._path(module), encoding="utf-8") as stream:
                record = json.load(stream)
        except (OSError, ValueError):
            return None
        return record if isinstance(record, dict) else None

    def _write(self, module: str, record: Record | None) -> None:
        path = self._path(module)
        try:
            if record is None:
                if os.path.exists(path):
                    os.remove(path)
                return
            os.makedirs(self._directory or ".", exist_ok=True)
            temporary = f"{path}.{os.getpid()}.tmp"
            with open(temporary, "w", encoding="utf-8") as stream:
                json.dump(record, stream, sort_keys=True)
            os.replace(temporary, path)
        except OSError:
            pass  # a read-only cache only costs findings in later incremental runs


class VerdictStore:
    """The unannotated functions of each module that never return an awaitable."""

    def __init__(self, records: ModuleRecords) -> None:
        self._records = records
        self._names: dict[str, frozenset[str]] = {}

    @classmethod
    def for_options(cls, options: Options) -> VerdictStore:
        return cls(ModuleRecords.for_options(options, _NEVER_AWAITABLE))

    def record(self, module: str, names: frozenset[str]) -> None:
        self._names[module] = names
        self._records.write(module, {_NEVER_AWAITABLE: sorted(names)} if names else None)

    def never_awaitable(self, module: str, fullname: str) -> bool:
        names = self._names.get(module)
        if names is None:
            record = self._records.read(module)
            names = _names(record)
            if record is not None:
                self._names[module] = names
        return fullname in names


def _names(record: Record | None) -> frozenset[str]:
    names = record.get(_NEVER_AWAITABLE) if record is not None else None
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        return frozenset()
    return frozenset(names)
