"""On real, correct async code (the standard library's asyncio, ~14k lines), the
plugin reports nothing and leaves mypy's own output exactly as it was."""

from __future__ import annotations

import shutil
import sysconfig
from pathlib import Path

import pytest

from mypy_awaitcheck.errorcodes import CODES_BY_NAME
from tests.mypy_runner import run_mypy


@pytest.fixture(scope="module")
def asyncio_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("real-code")
    # Renamed so that typeshed's asyncio stubs don't shadow the source under test.
    shutil.copytree(
        Path(sysconfig.get_paths()["stdlib"]) / "asyncio",
        root / "aio_src",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (root / "with.ini").write_text("[mypy]\nplugins = mypy_awaitcheck\n")
    (root / "without.ini").write_text("[mypy]\n")
    return root


@pytest.mark.parametrize("flags", [[], ["--check-untyped-defs"]], ids=["default", "untyped-defs"])
def test_asyncio_source_output_is_unchanged(asyncio_copy: Path, flags: list[str]) -> None:
    with_plugin = run_mypy("--config-file", "with.ini", *flags, "aio_src", cwd=asyncio_copy)
    without = run_mypy("--config-file", "without.ini", *flags, "aio_src", cwd=asyncio_copy)
    assert "INTERNAL ERROR" not in with_plugin.stdout + with_plugin.stderr
    assert not [f for f in with_plugin.findings if f.code in CODES_BY_NAME]
    assert with_plugin.stdout == without.stdout
    assert with_plugin.exit_code == without.exit_code
    checked = int(with_plugin.stdout.rsplit("checked ", 1)[1].split()[0])
    assert checked >= 30
