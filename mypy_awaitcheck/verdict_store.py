"""Which unannotated functions never return an awaitable, per module, kept across runs.

mypy frees a module's function bodies once it is checked, and an incremental run
loads unchanged modules from its cache without any bodies at all. So the verdicts
about a module's unannotated functions are taken right after its check and kept
by name: in memory for the rest of the run, and in a small file beside mypy's
cache (one per module, rewritten whenever the module is checked again) for the
runs that load the module from the cache, and for parallel workers
(``--num-workers``), which check a module's dependencies in other processes.
Without a cache (``--no-incremental`` and serial, ``cache_dir = /dev/null``) only
the in-memory record exists, which is all a full serial run needs. A file that cannot be read or written is treated as no verdicts: the
checks then stay silent, never wrong.
"""

from __future__ import annotations

import json
import os
from typing import Final

from mypy.options import Options

SUBDIRECTORY: Final = "mypy_awaitcheck"
_FORMAT_KEY: Final = "never_awaitable"


class VerdictStore:
    def __init__(self, directory: str | None) -> None:
        self._directory = directory
        self._by_module: dict[str, frozenset[str]] = {}

    @classmethod
    def for_options(cls, options: Options) -> VerdictStore:
        # Parallel workers are separate processes: the files are how they share.
        shares_cache = options.incremental or options.num_workers > 0
        if not shares_cache or options.cache_dir == os.devnull:
            return cls(None)
        version = "{}.{}".format(*options.python_version)
        return cls(os.path.join(options.cache_dir, version, SUBDIRECTORY))

    def record(self, module: str, names: frozenset[str]) -> None:
        self._by_module[module] = names
        if self._directory is not None:
            self._write(module, names)

    def never_awaitable(self, module: str, fullname: str) -> bool:
        names = self._by_module.get(module)
        if names is None:
            names = self._by_module[module] = self._read(module)
        return fullname in names

    def _path(self, module: str) -> str:
        assert self._directory is not None
        return os.path.join(self._directory, f"{module}.json")

    def _read(self, module: str) -> frozenset[str]:
        if self._directory is None:
            return frozenset()
        try:
            with open(self._path(module), encoding="utf-8") as stream:
                names = json.load(stream)[_FORMAT_KEY]
        except (OSError, ValueError, KeyError, TypeError):
            return frozenset()
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            return frozenset()
        return frozenset(names)

    def _write(self, module: str, names: frozenset[str]) -> None:
        path = self._path(module)
        try:
            if not names:
                if os.path.exists(path):
                    os.remove(path)
                return
            os.makedirs(self._directory or ".", exist_ok=True)
            temporary = f"{path}.{os.getpid()}.tmp"
            with open(temporary, "w", encoding="utf-8") as stream:
                json.dump({_FORMAT_KEY: sorted(names)}, stream)
            os.replace(temporary, path)
        except OSError:
            pass  # a read-only cache only costs findings in later incremental runs
