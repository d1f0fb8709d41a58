"""The command line's pieces without a mypy run: dispatch, ``--list-codes``,
reading mypy's JSON lines, choosing async misuse, the three output formats and
the pre-commit hook's declaration."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from mypy.errorcodes import ErrorCode

from mypy_awaitcheck import errorcodes
from mypy_awaitcheck.cli.diagnostics import Diagnostic, parse_mypy_json_line
from mypy_awaitcheck.cli.formats import Report, render_github, render_json, render_text
from mypy_awaitcheck.cli.list_codes import render_codes
from mypy_awaitcheck.cli.selection import select_async_misuse

if sys.version_info >= (3, 11):
    import tomllib
else:  # mypy itself depends on tomli below Python 3.11
    import tomli as tomllib

ERROR = Diagnostic(
    path="app/chat.py",
    line=3,
    column=5,
    end_line=3,
    end_column=12,
    severity="error",
    code="attr-defined",
    message='"Coroutine[Any, Any, int]" has no attribute "real"',
    notes=('Maybe you forgot to use "await"?',),
)


def python_module(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy_awaitcheck", *args], capture_output=True, text=True
    )


def test_list_codes_has_one_line_per_code_in_order() -> None:
    rows = [line.split(None, 2) for line in render_codes().splitlines()]
    assert rows == [
        [code.code, "on" if code.default_enabled else "off", code.description]
        for code in errorcodes.ALL_CODES
    ]


def test_module_entry_point() -> None:
    listed = python_module("--list-codes")
    assert (listed.returncode, listed.stdout) == (0, render_codes())
    helped = python_module("--help")
    assert helped.returncode == 0 and "--list-codes" in helped.stdout
    for args in [(), ("lint",)]:
        failed = python_module(*args)
        assert failed.returncode == 2 and failed.stdout == ""
        assert "python -m mypy_awaitcheck: error:" in failed.stderr


def test_mypy_json_line_becomes_a_diagnostic_with_mypy_text_columns() -> None:
    line = json.dumps(
        {
            "file": "app/chat.py", "line": 3, "column": 4, "end_line": 3, "end_column": 12,
            "message": ERROR.message, "hint": 'Maybe you forgot to use "await"?',
            "code": "attr-defined", "severity": "error",
        }
    )
    assert parse_mypy_json_line(line) == ERROR
    assert ERROR.text_lines() == [
        'app/chat.py:3:5: error: "Coroutine[Any, Any, int]" has no attribute "real"  [attr-defined]',
        'app/chat.py:3:5: note: Maybe you forgot to use "await"?',
    ]


def test_unknown_columns_and_other_lines() -> None:
    line = json.dumps(
        {
            "file": "a.py", "line": 1, "column": -1, "end_line": -1, "end_column": -1,
            "message": "m", "hint": None, "code": None, "severity": "error",
        }
    )
    diagnostic = parse_mypy_json_line(line)
    assert diagnostic is not None
    assert (diagnostic.column, diagnostic.end_line, diagnostic.end_column) == (None, None, None)
    assert diagnostic.text_lines() == ["a.py:1: error: m"]
    for other in ["mypy.ini: note: unused section(s): [mypy-x]", "[1, 2]", '{"file": "a.py"}']:
        assert parse_mypy_json_line(other) is None


@pytest.mark.parametrize(
    ("code", "message", "notes", "selected"),
    [
        ("await-sync-call", "m", (), True),
        ("unused-coroutine", 'Value of type "Coroutine[Any, Any, None]" must be used', (), True),
        ("unused-awaitable", 'Value of type "Task[None]" must be used', (), True),
        ("await-not-async", '"await" outside coroutine ("async def")', (), True),
        ("index", "Value of type ... is not indexable", ('Maybe you forgot to use "await"?',), True),
        ("arg-type", "Argument 1 has incompatible type", ('Maybe you forgot to use "await"?',), True),
        ("misc", 'Incompatible types in "await" (actual type "int", ...)', (), True),
        ("misc", 'Incompatible types in "async for" (actual type ...)', (), True),
        ("attr-defined", '"Lock" has no attribute "__aenter__"; maybe "__enter__"?', (), True),
        ("attr-defined", '"list[int]" has no attribute "__aiter__" (not async iterable)', (), True),
        ("syntax", '"async with" outside async function', (), True),
        ("attr-defined", '"Lock" has no attribute "acquire_soon"', (), False),
        ("misc", "Incompatible types in assignment", (), False),
        ("assignment", 'Incompatible types in assignment (expression has type "str", ...)', (), False),
        ("index", "Value of type ... is not indexable", ("See https://...",), False),
        ("import-not-found", 'Cannot find implementation or library stub for module named "x"', (), False),
    ],
)
def test_selection(code: str, message: str, notes: tuple[str, ...], selected: bool) -> None:
    diagnostic = replace(ERROR, code=code, message=message, notes=notes)
    assert select_async_misuse([diagnostic]) == ([diagnostic] if selected else [])


def test_standalone_notes_are_kept_only_for_the_plugins_codes() -> None:
    ours = replace(ERROR, severity="note", code="await-sync-call", notes=())
    revealed = replace(ERROR, severity="note", code="misc", message='Revealed type is "int"', notes=())
    mypy_note = replace(ours, code="unused-coroutine")
    assert select_async_misuse([ours, revealed, mypy_note]) == [ours]


def test_new_plugin_codes_are_picked_up(monkeypatch: pytest.MonkeyPatch) -> None:
    new_code = ErrorCode("coroutine-brand-new", "A code added later", errorcodes.CATEGORY)
    monkeypatch.setattr(errorcodes, "ALL_CODES", (*errorcodes.ALL_CODES, new_code))
    diagnostic = replace(ERROR, code="coroutine-brand-new", notes=())
    assert select_async_misuse([diagnostic]) == [diagnostic]


def test_text_and_json_reports() -> None:
    report = Report([ERROR], checked_sources=7)
    assert render_text(report).splitlines()[-1] == (
        "Found 1 async-misuse error in 1 file (checked 7 source files)"
    )
    assert render_text(replace(report, show_summary=False)) == "\n".join(ERROR.text_lines()) + "\n"
    document = json.loads(render_json(report))
    assert document["summary"] == {"errors": 1, "files": 1, "checked_sources": 7}
    assert document["findings"][0] == {
        "file": "app/chat.py", "line": 3, "column": 5, "end_line": 3, "end_column": 12,
        "severity": "error", "code": "attr-defined", "message": ERROR.message,
        "notes": ['Maybe you forgot to use "await"?'],
    }
    clean = Report([], checked_sources=1)
    assert render_text(clean) == "Success: no async misuse found in 1 source file\n"


def test_github_annotations_escape_workflow_command_syntax() -> None:
    odd = replace(ERROR, path="dir,1/a:b.py", message="100% wrong\r\nreally", notes=("fix it",))
    first = render_github(Report([odd], checked_sources=1)).splitlines()[0]
    assert first == (
        "::error file=dir%2C1/a%3Ab.py,line=3,col=5,endLine=3,endColumn=12,"
        "title=mypy-awaitcheck [attr-defined]::100%25 wrong%0D%0Areally%0Afix it"
    )
    no_column = replace(ERROR, column=None, end_line=None, end_column=None, notes=())
    assert render_github(Report([no_column], 1)).splitlines()[0] == (
        f"::error file=app/chat.py,line=3,title=mypy-awaitcheck [attr-defined]::{ERROR.message}"
    )


def test_pre_commit_hook_runs_the_declared_console_script() -> None:
    root = Path(__file__).parent.parent
    with open(root / "pyproject.toml", "rb") as stream:
        scripts = tomllib.load(stream)["project"]["scripts"]
    assert scripts == {"mypy-awaitcheck": "mypy_awaitcheck.cli.dispatch:console_main"}
    hook = (root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "\n- id: mypy-awaitcheck\n" in hook
    assert "\n  entry: mypy-awaitcheck\n" in hook
    assert "\n  language: python\n" in hook
