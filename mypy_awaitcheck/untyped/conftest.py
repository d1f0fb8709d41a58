"""``conftest.py`` files: which ones a test module sees, and the fixtures each defines.

pytest loads the ``conftest.py`` of every directory from the rootdir down to a test
module's, and the closest fixture of a name wins. To mypy a conftest is a module
that nothing imports, so three things make its fixtures usable, and usable alike
in every kind of run:

- each test module (``test_*.py``, ``*_test.py``, and each conftest for its
  parents) depends on the conftest modules above it (``conftest_files``, through
  ``Plugin.get_additional_deps``): mypy analyses them first, checks them when only
  the test file was given, and re-checks the tests when their interface changes;
- each conftest's fixture values are taken right after its own check, while its
  bodies exist, and kept beside mypy's cache (``verdict_store.ModuleRecords``):
  later runs load the conftest without bodies, parallel workers in other processes;
- each test module's cache entry records the contents of its conftest files
  (``conftest_files``, through ``Plugin.report_config_data``), so that editing a
  fixture's body re-checks the tests below it.

A conftest that is silenced or not found keeps its fixtures unknown.
"""

from __future__ import annotations

from typing import Final

from mypy.nodes import MypyFile
from mypy.options import Options

from mypy_awaitcheck.callee import Lookup
from mypy_awaitcheck.untyped.known import Known, decode, encode
from mypy_awaitcheck.verdict_store import ModuleRecords

KIND: Final = "fixtures"
_FIXTURES: Final = "fixtures"
_GENERATES_TESTS: Final = "generates_tests"


class NotDefinedHere:
    """The conftest defines no fixture of that name: look further up."""


NOT_DEFINED_HERE: Final = NotDefinedHere()


class ConftestFixtures:
    def __init__(self, records: ModuleRecords, lookup: Lookup) -> None:
        self._records = records
        self._lookup = lookup

    @classmethod
    def for_options(cls, options: Options, lookup: Lookup) -> ConftestFixtures:
        return cls(ModuleRecords.for_options(options, KIND), lookup)

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
        if record is None:
            return None
        fixtures = record.get(_FIXTURES)
        if not isinstance(fixtures, dict) or record.get(_GENERATES_TESTS) is not False:
            return None
        if name not in fixtures:
            return NOT_DEFINED_HERE
        return decode(fixtures[name], self._lookup)
