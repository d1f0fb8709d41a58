"""The embedded example project: exactly the lines marked ``# expect: <code>`` are reported.

A mark ending in ``(another module's body)`` is a finding judged from the body of an
unannotated function in another module. mypy's parallel mode (``--num-workers``)
checks a dependency's function bodies concurrently with its dependents, so there
such a finding may be missing (never wrong); a serial run always has it.
"""

from __future__ import annotations

import re
from pathlib import Path


from tests.mypy_runner import run_mypy

REPO = Path(__file__).parent.parent
EXAMPLES = REPO / "examples"
_EXPECT = re.compile(r"# expect: (?P<codes>[a-z0-9, -]+?)(?P<cross> \(another module's body\))?$")

Finding = tuple[str, int, str]


def expected_findings() -> tuple[set[Finding], set[Finding]]:
    """All marked findings, and those judged from another module's body."""
    expected, cross_module = set(), set()
    for path in sorted((EXAMPLES / "chat_backend").glob("*.py")):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            match = _EXPECT.search(line)
            if match:
                relative = path.relative_to(REPO).as_posix()
                for code in match["codes"].split(","):
                    expected.add((relative, number, code.strip()))
                    if match["cross"]:
                        cross_module.add((relative, number, code.strip()))
    return expected, cross_module


def reported_findings(*flags: str) -> set[Finding]:
    run = run_mypy("--config-file", "examples/mypy.ini", *flags, "examples/chat_backend", cwd=REPO)
    assert run.stderr == ""
    assert run.exit_code == 1
    return {(f.path, f.line, f.code or "") for f in run.errors()}


def test_example_project_reports_exactly_the_marked_mistakes() -> None:
    expected, _ = expected_findings()
    assert reported_findings() == expected


def test_parallel_workers_report_the_marked_mistakes(tmp_path: Path) -> None:
    expected, cross_module = expected_findings()
    reported = reported_findings("--num-workers", "2", "--cache-dir", str(tmp_path))
    assert reported <= expected
    assert expected - cross_module <= reported


def test_example_project_marks_every_incident_pattern() -> None:
    expected, cross_module = expected_findings()
    assert "await-sync-call" in {code for _, _, code in expected}
    assert len(expected) >= 6
    assert 0 < len(cross_module) < len(expected)
