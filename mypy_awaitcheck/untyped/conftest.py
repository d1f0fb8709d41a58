"""``conftest.py`` files: which ones a test module sees, and the fixtures each defines.

pytest loads the ``conftest.py`` of every directory from the rootdir down to a test
module's, and the closest fixture of a name wins. To mypy a conftest is a module
that nothing imports, so three things make its fixtures usable, and usable alike
in every kind of run:

- each test module (``test_*.py``, ``*_test.py``, and each conftest for its
  parents) depends on the conftest modules above it (``dependencies``, through
  ``Plugin.get_additional_deps``): mypy analyses them first, checks them when only
  the test file was given, and re-checks the tests when their interface changes;
- each conftest's fixture values are taken right after its own check, while its
  bodies exist, and kept beside mypy's cache (``verdict_store.ModuleRecords``):
  later runs load the conftest without bodies, parallel workers in other processes;
- each test module's cache entry records the contents of its conftest files
  (``config_data``, through ``Plugin.report_config_data``), so that editing a
  fixture's body re-checks the tests below it.

A conftest that is silenced or not found keeps its fixtures unknown.
"""

from __future__ import annotations

import hashlib
import os
from typing import Final

from mypy.nodes import MypyFile
from mypy.options import Options

from mypy_awaitcheck.callee import Lookup
from mypy_awaitcheck.untyped.known import Known, decode, encode
from mypy_awaitcheck.verdict_store import ModuleRecords

CONFTEST: Final = "conftest"
FILE_NAME: Final = "conftest.py"
# Like an import: pytest loads conftest files before the tests that they serve.
DEPENDENCY_PRIORITY: Final = 10
KIND: Final = "fixtures"
_FIXTURES: Final = "fixtures"
_GENERATES_TESTS: Final = "generates_tests"


class NotDefinedHere:
    """The conftest defines no fixture of that name: look further up."""


NOT_DEFINED_HERE: Final = NotDefinedHere()


def is_test_module(path: str) -> bool:
    name = os.path.basename(path)
    return name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py"))


def is_conftest(tree: MypyFile) -> bool:
    return os.path.basename(tree.path) == FILE_NAME


def conftest_chain(module: str, path: str) -> list[tuple[str, str]]:
    """The conftest modules above a module, closest first, as (module id, path).

    Module ids follow the module's own: ``a.b.test_x`` at ``.../a/b/test_x.py`` sees
    ``a.b.conftest``, ``a.conftest`` and ``conftest``, where those files exist.
    """
    directory = os.path.dirname(path)
    is_package = os.path.basename(path).startswith("__init__.")
    package = module if is_package else module.rpartition(".")[0]
    chain = []
    while True:
        candidate = os.path.join(directory, FILE_NAME)
        candidate_id = f"{package}.{CONFTEST}" if package else CONFTEST
        if candidate_id != module and os.path.isfile(candidate):
            chain.append((candidate_id, candidate))
        if not package:
            return chain
        package = package.rpartition(".")[0]
        directory = os.path.dirname(directory)


class ConftestFixtures:
    def __init__(self, records: ModuleRecords, lookup: Lookup) -> None:
        self._records = records
        self._lookup = lookup
        self._digests: dict[str, tuple[float, int, str]] = {}

    @classmethod
    def for_options(cls, options: Options, lookup: Lookup) -> ConftestFixtures:
        return cls(ModuleRecords.for_options(options, KIND), lookup)

    def dependencies(self, tree: MypyFile) -> list[tuple[int, str, int]]:
        if not (is_test_module(tree.path) or is_conftest(tree)):
            return []
        chain = conftest_chain(tree.fullname, tree.path)
        return [(DEPENDENCY_PRIORITY, module, -1) for module, _ in chain]

    def config_data(self, module: str, path: str) -> dict[str, str]:
        """The conftest files a test module's findings depend on, by content."""
        if not path or not (is_test_module(path) or os.path.basename(path) == FILE_NAME):
            return {}
        return {
            conftest: digest
            for conftest, conftest_path in conftest_chain(module, path)
            if (digest := self._digest(conftest_path))
        }

    def record(
        self, tree: MypyFile, fixtures: dict[str, Known | None], generates_tests: bool
    ) -> None:
        encoded = {name: encode(value) for name, value in fixtures.items()}
        self._records.write(tree.fullname, {_FIXTURES: encoded, _GENERATES_TESTS: generates_tests})

    def value(self, conftest: MypyFile, name: str) -> Known | None | NotDefinedHere:
        """The value of fixture ``name`` as ``conftest`` defines it.

        None when it is unknown (the conftest may define it, or parametrizes every
        test), ``NOT_DEFINED_HERE`` when the conftest certainly does not define it.
        """
        record = self._records.read(conftest.fullname)
        fixtures = record.get(_FIXTURES) if record is not None else None
        if not isinstance(fixtures, dict) or record.get(_GENERATES_TESTS) is not False:
            return None
        if name not in fixtures:
            return NOT_DEFINED_HERE
        return decode(fixtures[name], self._lookup)

    def _digest(self, path: str) -> str:
        try:
            status = os.stat(path)
            cached = self._digests.get(path)
            if cached is not None and cached[:2] == (status.st_mtime, status.st_size):
                return cached[2]
            with open(path, "rb") as stream:
                digest = hashlib.sha256(stream.read()).hexdigest()
        except OSError:
            return ""
        self._digests[path] = (status.st_mtime, status.st_size, digest)
        return digest
