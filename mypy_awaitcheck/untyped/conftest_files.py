"""Which ``conftest.py`` files a test module sees, and what they contain.

Kept apart from the fixture logic because mypy asks for it on every run, also
when every module comes from its cache and nothing is checked: it needs paths and
file digests only, no mypy internals, and stays cheap to import.
"""

from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from mypy.nodes import MypyFile

CONFTEST: Final = "conftest"
FILE_NAME: Final = "conftest.py"
# Like an import: pytest loads conftest files before the tests that they serve.
DEPENDENCY_PRIORITY: Final = 10


def is_test_module(path: str) -> bool:
    name = os.path.basename(path)
    return name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py"))


def is_conftest(tree: MypyFile) -> bool:
    return os.path.basename(tree.path) == FILE_NAME


def sees_conftests(path: str) -> bool:
    # Asked for every module of every run: one scan of the path settles nearly all.
    if "test" not in path:
        return False
    return is_test_module(path) or os.path.basename(path) == FILE_NAME


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


def conftest_dependencies(tree: MypyFile) -> list[tuple[int, str, int]]:
    """The conftest modules a test module (or conftest) depends on, for mypy's graph."""
    if not sees_conftests(tree.path):
        return []
    return [(DEPENDENCY_PRIORITY, module, -1) for module, _ in conftest_chain(tree.fullname, tree.path)]


class ConftestDigests:
    """The contents of the conftest files above a module, by digest, memoised by stat."""

    def __init__(self) -> None:
        self._digests: dict[str, tuple[float, int, str]] = {}

    def for_module(self, module: str, path: str) -> dict[str, str]:
        if not path or not sees_conftests(path):
            return {}
        return {
            conftest: digest
            for conftest, conftest_path in conftest_chain(module, path)
            if (digest := self._digest(conftest_path))
        }

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
