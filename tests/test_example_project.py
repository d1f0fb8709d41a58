"""The embedded example project: exactly the lines marked ``# expect: <code>`` are reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.mypy_runner import run_mypy

REPO = Path(__file__).parent.parent
EXAMPLES = REPO / "examples"
_EXPECT = re.compile(r"# expect: (?P<codes>[a-z0-9, -]+)$")


def expected_findings() -> set[tuple[str, int, str]]:
    expected = set()
    for path in sorted((EXAMPLES / "chat_backend").glob("*.py")):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            match = _EXPECT.search(line)
            if match:
                relative = path.relative_to(REPO).as_posix()
                for code in match["codes"].split(","):
                    expected.add((relative, number, code.strip()))
    return expected


@pytest.mark.parametrize("workers", [0, 2], ids=["serial", "parallel"])
def test_example_project_reports_exactly_the_marked_mistakes(tmp_path: Path, workers: int) -> None:
    parallel = ["--num-workers", str(workers), "--cache-dir", str(tmp_path)] if workers else []
    run = run_mypy(
        "--config-file", "examples/mypy.ini", *parallel, "examples/chat_backend", cwd=REPO
    )
    reported = {(f.path, f.line, f.code or "") for f in run.errors()}
    assert run.stderr == ""
    assert reported == expected_findings()
    assert run.exit_code == 1


def test_example_project_marks_every_incident_pattern() -> None:
    codes = {code for _, _, code in expected_findings()}
    assert "await-sync-call" in codes
    assert len(expected_findings()) >= 6
