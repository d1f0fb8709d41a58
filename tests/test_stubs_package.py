"""``pip install ./stubs`` into a fresh venv makes mypy find the backend stubs (PEP 561)."""

from __future__ import annotations

import shutil
import subprocess
import venv
from pathlib import Path

from tests.mypy_runner import run_mypy

STUBS = Path(__file__).parent.parent / "stubs"
CONSUMER = """\
from netra_backend.app.websocket_core.unified_manager import (
    get_websocket_manager,
    get_websocket_manager_async,
)
from shared.isolated_environment import get_env


async def main(context: object) -> None:
    await get_websocket_manager_async(context)  # type: ignore[arg-type]
    get_env().get("X")
    await get_websocket_manager(context)  # type: ignore[arg-type]
"""


def test_installed_stub_distribution_is_found_by_mypy(tmp_path: Path) -> None:
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    source = tmp_path / "stubs-src"
    # A copy: building in place would leave build/ and egg-info in the checkout.
    shutil.copytree(STUBS, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "mypy_path"))
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(source)], check=True, timeout=600
    )
    (tmp_path / "app.py").write_text(CONSUMER)
    (tmp_path / "mypy.ini").write_text("[mypy]\nplugins = mypy_awaitcheck\n")
    run = run_mypy("--python-executable", python, "app.py", cwd=tmp_path)
    assert "Cannot find implementation or library stub" not in run.stdout
    assert [(f.line, f.code) for f in run.errors()] == [(11, "await-sync-call")], run.stdout
