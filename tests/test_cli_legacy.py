"""The legacy-codebase command on a project with hundreds of unrelated mypy errors.

The project has 250 ``int = str`` errors, unresolved imports and other unrelated
errors, plus a handful of async mistakes: only the mistakes are reported, in
each output format, and the user's own mypy configuration still applies.
Commands run as users run them: a subprocess in the project directory.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Final

import pytest

from tests.mypy_runner import MypyRun

NOISE_ERRORS: Final = 250
# The chat module imports the noise module, so mypy checks it after the 250
# unrelated errors: plain mypy would hide its errors (too many errors with a
# missing import), the command must not.
CHAT: Final = """\
import threading

from app import noise


def load_user(uid: int) -> dict[str, int]:
    return {"uid": uid}


async def fetch() -> dict[str, int]:
    return {}


async def handler(lock: threading.Lock, count: int) -> None:
    await load_user(1)
    fetch().get("a")
    fetch()
    await count
    async with lock:
        pass
    noise.missing_attribute
    wrong: int = "x"
    {"a": 1}.get("a").bit_length()


def sync_handler() -> None:
    await fetch()
"""
LEGACY: Final = """\
def count() -> int:
    return 1


async def main() -> None:
    await count()
"""
CLEAN: Final = """\
import asyncio


async def fetch() -> int:
    return 1


async def main() -> None:
    print(await fetch())
    await asyncio.sleep(0)
"""
MISSING_AWAIT_NOTE: Final = 'Maybe you forgot to use "await"?'
CHAT_FINDINGS: Final = [
    ("app/chat.py", 15, 11, "await-sync-call"),
    ("app/chat.py", 16, 5, "attr-defined"),  # with mypy's missing-await note
    ("app/chat.py", 17, 5, "unused-coroutine"),
    ("app/chat.py", 18, 5, "misc"),  # Incompatible types in "await"
    ("app/chat.py", 19, 16, "attr-defined"),  # "__aenter__" on a threading lock
    ("app/chat.py", 19, 16, "attr-defined"),  # "__aexit__"
    ("app/chat.py", 27, 5, "await-not-async"),
]
LEGACY_FINDING: Final = ("app/legacy/old.py", 6, 11, "await-sync-call")
ALL_FINDINGS: Final = sorted([*CHAT_FINDINGS, LEGACY_FINDING])
TEXT_LINE: Final = re.compile(
    r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|note): (?P<message>.*?)"
    r"(?:  \[(?P<code>[a-z0-9-]+)\])?$"
)
GITHUB_LINE: Final = re.compile(r"^::error (?P<properties>[^:]*)::(?P<message>.*)$")


def run_command(*args: str, cwd: Path, console_script: bool = False) -> MypyRun:
    command = (
        [str(Path(sys.executable).with_name("mypy-awaitcheck"))]
        if console_script
        else [sys.executable, "-m", "mypy_awaitcheck", "check"]
    )
    completed = subprocess.run(
        [*command, *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )
    return MypyRun(completed.returncode, completed.stdout, completed.stderr)


def write_project(root: Path, config: dict[str, str] | None = None) -> Path:
    noise = "import missing_dependency\n" + "".join(
        f'value_{index}: int = "x"\n' for index in range(NOISE_ERRORS)
    )
    files = {
        "app/__init__.py": "",
        "app/noise.py": noise,
        "app/chat.py": CHAT,
        "app/legacy/__init__.py": "",
        "app/legacy/old.py": LEGACY,
        **(config or {}),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def text_findings(stdout: str) -> list[tuple[str, int, int, str]]:
    findings = []
    for line in stdout.splitlines():
        match = TEXT_LINE.match(line)
        if match and match["severity"] == "error":
            findings.append((match["path"], int(match["line"]), int(match["column"]), match["code"]))
    return sorted(findings)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_project(tmp_path_factory.mktemp("legacy"))


@pytest.fixture(scope="module")
def text_run(project: Path) -> MypyRun:
    return run_command("app", cwd=project, console_script=True)


def test_plain_mypy_has_hundreds_of_unrelated_errors(project: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "app"],
        cwd=project, capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 1
    assert completed.stdout.count(": error: ") > NOISE_ERRORS


def test_text_format_reports_only_async_misuse(text_run: MypyRun) -> None:
    assert text_run.exit_code == 1, text_run.stderr
    assert text_findings(text_run.stdout) == ALL_FINDINGS
    assert text_run.stdout.endswith(
        "Found 8 async-misuse errors in 2 files (checked 5 source files)\n"
    )


def test_text_format_keeps_the_note_after_its_error(text_run: MypyRun) -> None:
    lines = text_run.stdout.splitlines()
    attribute_error = next(i for i, line in enumerate(lines) if "[attr-defined]" in line)
    assert lines[attribute_error].startswith(
        'app/chat.py:16:5: error: "Coroutine[Any, Any, dict[str, int]]" has no attribute "get"'
    )
    assert lines[attribute_error + 1] == f"app/chat.py:16:5: note: {MISSING_AWAIT_NOTE}"
    # The unrelated attribute and assignment errors are gone, so are their notes.
    assert "missing_attribute" not in text_run.stdout
    assert "bit_length" not in text_run.stdout
    assert "Incompatible types in assignment" not in text_run.stdout


def test_json_format(project: Path) -> None:
    run = run_command("--format", "json", "app", cwd=project)
    assert run.exit_code == 1, run.stderr
    document = json.loads(run.stdout)
    findings = document["findings"]
    assert sorted((f["file"], f["line"], f["column"], f["code"]) for f in findings) == ALL_FINDINGS
    assert {f["severity"] for f in findings} == {"error"}
    attribute = next(f for f in findings if f["line"] == 16)
    assert attribute["notes"] == [MISSING_AWAIT_NOTE]
    assert attribute["end_line"] == 16
    assert document["summary"] == {"errors": 8, "files": 2, "checked_sources": 5}


def test_github_format(project: Path) -> None:
    run = run_command("--format", "github", "app", cwd=project)
    assert run.exit_code == 1, run.stderr
    annotations = []
    for line in run.stdout.splitlines()[:-1]:
        match = GITHUB_LINE.match(line)
        assert match, line
        properties = dict(item.split("=", 1) for item in match["properties"].split(","))
        annotations.append((properties, match["message"]))
    found = sorted(
        (p["file"], int(p["line"]), int(p["col"]), p["title"].split("[")[1].rstrip("]"))
        for p, _ in annotations
    )
    assert found == ALL_FINDINGS
    assert all(p["title"].startswith("mypy-awaitcheck [") for p, _ in annotations)
    attribute = next(message for p, message in annotations if p["line"] == "16")
    # The note travels with its error, newline-escaped for the workflow command.
    assert attribute.endswith(f"%0A{MISSING_AWAIT_NOTE}")
    assert run.stdout.splitlines()[-1].startswith("Found 8 async-misuse errors")


def test_clean_project_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "clean.py").write_text(CLEAN)
    run = run_command("clean.py", cwd=tmp_path)
    assert (run.exit_code, run.stdout) == (0, "Success: no async misuse found in 1 source file\n")
    run = run_command("--format", "json", "--no-error-summary", "clean.py", cwd=tmp_path)
    assert run.exit_code == 0
    assert json.loads(run.stdout)["findings"] == []


def test_unrelated_errors_alone_exit_zero(tmp_path: Path) -> None:
    (tmp_path / "noise.py").write_text('value: int = "x"\n')
    run = run_command("--no-error-summary", "noise.py", cwd=tmp_path)
    assert (run.exit_code, run.stdout) == (0, "")


def test_per_module_ignore_errors_section_applies(tmp_path: Path) -> None:
    config = {"mypy.ini": "[mypy]\n[mypy-app.legacy.*]\nignore_errors = True\n"}
    run = run_command("app", cwd=write_project(tmp_path, config))
    assert run.exit_code == 1, run.stderr
    assert text_findings(run.stdout) == sorted(CHAT_FINDINGS)
    # The config did not list the plugin: its cache is kept apart from plain mypy's.
    assert (tmp_path / ".mypy_cache" / "awaitcheck").is_dir()


def test_pyproject_config_and_the_plugin_section_apply(tmp_path: Path) -> None:
    pyproject = """\
[tool.mypy]

[[tool.mypy.overrides]]
module = "app.legacy.*"
ignore_errors = true

[tool.mypy_awaitcheck]
disable = ["await-sync-call"]
"""
    run = run_command("app", cwd=write_project(tmp_path, {"pyproject.toml": pyproject}))
    assert run.exit_code == 1, run.stderr
    # The plugin's own section is read from the user's pyproject.toml: with its
    # code disabled, mypy's generic error for the awaited sync call comes back
    # (it is async misuse too, so it is reported). The override hides app.legacy.
    expected = [
        ("app/chat.py", 15, 5, "misc") if code == "await-sync-call" else (path, line, column, code)
        for path, line, column, code in CHAT_FINDINGS
    ]
    assert text_findings(run.stdout) == sorted(expected)
    assert 'Incompatible types in "await" (actual type "dict[str, int]"' in run.stdout


def test_config_listing_the_plugin_shares_mypy_cache(tmp_path: Path) -> None:
    config = {"setup.cfg": "[mypy]\nplugins = mypy_awaitcheck\n"}
    run = run_command("app", cwd=write_project(tmp_path, config))
    assert text_findings(run.stdout) == ALL_FINDINGS
    assert not (tmp_path / ".mypy_cache" / "awaitcheck").exists()
    # A second run reads the cache and reports the same.
    again = run_command("app", cwd=tmp_path)
    assert (again.exit_code, again.stdout) == (run.exit_code, run.stdout)


def test_explicit_config_file_and_parallel_workers(tmp_path: Path) -> None:
    config = {"ci/mypy.ini": "[mypy]\n[mypy-app.legacy.old]\nignore_errors = True\n"}
    root = write_project(tmp_path, config)
    run = run_command("--config-file", "ci/mypy.ini", "--num-workers", "2", "app", cwd=root)
    assert run.exit_code == 1, run.stderr
    assert text_findings(run.stdout) == sorted(CHAT_FINDINGS)


@pytest.mark.parametrize(
    ("args", "expected_stderr"),
    [
        (["--no-such-flag", "app"], "unrecognized arguments: --no-such-flag"),
        (["missing_dir"], "Cannot read file"),
        ([], "Missing target module, package, files, or command"),
        (["--format", "xml", "app"], "argument --format: invalid choice: 'xml'"),
        (["--config-file", "nowhere.ini", "app"], "Cannot find config file 'nowhere.ini'"),
    ],
)
def test_usage_errors_exit_two(tmp_path: Path, args: list[str], expected_stderr: str) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text(LEGACY)
    run = run_command(*args, cwd=tmp_path)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert expected_stderr in run.stderr


def test_blocking_syntax_error_exits_two(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("def f(:\n    pass\n")
    run = run_command("--format", "json", "broken.py", cwd=tmp_path)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "broken.py:1:" in run.stderr and "[syntax]" in run.stderr
    assert run.stderr.rstrip().endswith("mypy stopped at a blocking error (above); nothing was checked")


def test_bad_plugin_config_exits_two_with_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(LEGACY)
    (tmp_path / "mypy.ini").write_text("[mypy]\n[mypy_awaitcheck]\nenabel = await-sync-any\n")
    run = run_command("app.py", cwd=tmp_path)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "mypy.ini: [mypy_awaitcheck] unknown key 'enabel'" in run.stderr
    assert "Traceback" not in run.stderr


def test_mypy_crash_exits_two(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(LEGACY)
    (tmp_path / "crashing_plugin.py").write_text(
        "from mypy.plugin import Plugin\n\n"
        "class Crash(Plugin):\n"
        "    def get_function_hook(self, fullname):\n"
        "        if fullname.endswith('count'):\n"
        "            raise RuntimeError('boom')\n\n"
        "def plugin(version):\n"
        "    return Crash\n"
    )
    (tmp_path / "mypy.ini").write_text("[mypy]\nplugins = crashing_plugin.py\n")
    run = run_command("app.py", cwd=tmp_path)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "INTERNAL ERROR" in run.stderr
    assert run.stderr.rstrip().endswith("mypy stopped with exit status 2 (see above)")
