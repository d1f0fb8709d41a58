"""Tests for `python -m mypy_awaitcheck.stubcheck` on small synthetic trees."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import pytest

from mypy_awaitcheck.stubcheck.cli import main

REPO_ROOT = Path(__file__).parent.parent


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
    return root


def check(tmp_path: Path, stub: str, source: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """Check stub `pkg-stubs/mod.pyi` against source `pkg/mod.py`; return exit code and finding lines."""
    stubs = write_tree(tmp_path / "stubs", {"pkg-stubs/__init__.pyi": "", "pkg-stubs/mod.pyi": stub})
    sources = write_tree(tmp_path / "src", {"pkg/__init__.py": "", "pkg/mod.py": source})
    code = main([str(stubs), str(sources)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].endswith("stub module(s)")
    return code, lines[:-1]


def codes_of(lines: list[str]) -> list[str]:
    return [line.split(": ")[1] for line in lines]


# (test id, stub text, source text, expected finding codes): every finding
# kind has a case that must report it and a clean case that must not.
CASES = [
    ("clean-module", "def f(a: int) -> int: ...\nclass C:\n    x: int\n    def m(self) -> None: ...\n",
     "def f(a: int) -> int:\n    return a\nclass C:\n    def __init__(self):\n        self.x = 1\n    def m(self):\n        pass\n",
     []),
    ("missing-in-source", "def gone() -> None: ...\n", "def other():\n    pass\n",
     ["missing-in-source", "missing-in-stub"]),
    ("missing-in-source-class-member", "class C:\n    def gone(self) -> None: ...\n", "class C:\n    pass\n",
     ["missing-in-source"]),
    ("clean-star-import-may-bind-anything", "def anything() -> None: ...\n", "from elsewhere import *\n", []),
    ("clean-member-may-come-from-foreign-base", "class C:\n    def inherited(self) -> None: ...\n",
     "from elsewhere import Base\nclass C(Base):\n    pass\n", []),
    ("member-found-in-local-base", "class C:\n    def inherited(self) -> None: ...\n",
     "class Base:\n    def inherited(self):\n        pass\nclass C(Base):\n    pass\n", ["missing-in-stub"]),
    ("missing-in-stub-function", "", "def public():\n    pass\ndef _private():\n    pass\n", ["missing-in-stub"]),
    ("missing-in-stub-method", "class C: ...\n", "class C:\n    def public(self):\n        pass\n",
     ["missing-in-stub"]),
    ("clean-partial-stub", "from _typeshed import Incomplete\ndef __getattr__(name: str) -> Incomplete: ...\n",
     "def public():\n    pass\nclass K:\n    pass\n", []),
    ("clean-partial-class", "from _typeshed import Incomplete\nclass C:\n    def __getattr__(self, name: str) -> Incomplete: ...\n",
     "class C:\n    def public(self):\n        pass\n", []),
    ("async-def-in-stub-def-in-source", "async def f() -> int: ...\n", "def f() -> int:\n    return 1\n",
     ["async-mismatch"]),
    ("def-in-stub-async-def-in-source", "class C:\n    def f(self) -> int: ...\n",
     "class C:\n    async def f(self) -> int:\n        return 1\n", ["async-mismatch"]),
    ("clean-async-both", "async def f() -> int: ...\n", "async def f() -> int:\n    return 1\n", []),
    ("async-def-in-stub-for-async-generator", "async def gen() -> int: ...\n",
     "async def gen():\n    yield 1\n", ["async-mismatch"]),
    ("clean-async-generator-as-def",
     "from collections.abc import AsyncIterator\ndef gen() -> AsyncIterator[int]: ...\n",
     "async def gen():\n    def helper():\n        return 2\n    yield 1\n", []),
    ("clean-asynccontextmanager-as-def",
     "from contextlib import AbstractAsyncContextManager\ndef cm() -> AbstractAsyncContextManager[int]: ...\n",
     "from contextlib import asynccontextmanager\n@asynccontextmanager\nasync def cm():\n    yield 1\n", []),
    ("clean-last-definition-wins", "def f() -> None: ...\n",
     "async def f():\n    pass\ndef f():\n    pass\n", []),
    ("clean-unknown-decorator-skips-signature", "def f() -> None: ...\n",
     "from retry import retry\n@retry(3)\nasync def f(x):\n    pass\n", []),
    ("param-name-differs", "def f(a: int) -> None: ...\n", "def f(b):\n    pass\n", ["param-mismatch"]),
    ("param-kind-differs", "def f(*, a: int) -> None: ...\n", "def f(a):\n    pass\n", ["param-mismatch"]),
    ("param-default-differs", "def f(a: int = ...) -> None: ...\n", "def f(a):\n    pass\n", ["param-mismatch"]),
    ("param-count-differs", "def f(a: int) -> None: ...\n", "def f(a, b=1):\n    pass\n", ["param-mismatch"]),
    ("clean-positional-only-names-ignored", "def f(x: int, /, *args: int, k: int = ..., **kw: int) -> None: ...\n",
     "def f(y, /, *args, k=2, **kw):\n    pass\n", []),
    ("return-contradicts", "def f() -> None: ...\n", "def f() -> bool:\n    return True\n",
     ["return-mismatch"]),
    ("return-drops-dict", "def f() -> list[str]: ...\n", "from typing import Optional, Dict\ndef f() -> Optional[Dict[str, int]]:\n    return None\n",
     ["return-mismatch"]),
    ("clean-return-typeddict-for-dict",
     "from typing import TypedDict, type_check_only\n@type_check_only\nclass _Report(TypedDict):\n    status: str\ndef f() -> _Report: ...\n",
     "from typing import Dict, Any\ndef f() -> Dict[str, Any]:\n    return {'status': 'ok'}\n", []),
    ("clean-return-spellings",
     "def a() -> int | None: ...\ndef b() -> float: ...\ndef c() -> Manager: ...\ndef d() -> str: ...\n",
     "import typing\ndef a() -> 'typing.Optional[int]':\n    pass\ndef b() -> int:\n    pass\n"
     "def c() -> '_Impl':\n    pass\ndef d() -> UserID:\n    pass\n", []),
    ("kind-mismatch-property", "class C:\n    @property\n    def p(self) -> int: ...\n",
     "class C:\n    def p(self):\n        return 1\n", ["kind-mismatch"]),
    ("kind-mismatch-function-vs-class", "def Thing() -> None: ...\n", "class Thing:\n    pass\n",
     ["kind-mismatch"]),
    ("clean-property-with-setter", "class C:\n    @property\n    def p(self) -> int: ...\n    @p.setter\n    def p(self, v: int) -> None: ...\n",
     "class C:\n    @property\n    def p(self):\n        return 1\n    @p.setter\n    def p(self, v):\n        pass\n", []),
    ("clean-python312-fstring-source", "def f(m: dict[str, str]) -> str: ...\n",
     'def f(m):\n    return f"{m.get("type", "unknown")}"\n', []),
    ("unparseable-source", "def f() -> None: ...\n", "def f(:\n    pass\n", ["unparseable"]),
    ("unparseable-stub", "def f(: ...\n", "def f():\n    pass\n", ["unparseable"]),
]


@pytest.mark.parametrize(("stub", "source", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str], stub: str, source: str, expected: list[str]) -> None:
    code, lines = check(tmp_path, stub, source, capsys)
    assert sorted(codes_of(lines)) == sorted(expected)
    assert code == (1 if expected else 0)


def test_finding_line_names_both_files_and_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, lines = check(tmp_path, "\n\nasync def f() -> int: ...\n", "\ndef f():\n    return 1\n", capsys)
    stub_file, source_file = tmp_path / "stubs/pkg-stubs/mod.pyi", tmp_path / "src/pkg/mod.py"
    assert lines == [
        f"{stub_file}:3: async-mismatch: f is `async def` in the stub but `def` in the source [source: {source_file}:2]"
    ]


def test_unparseable_source_reports_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, lines = check(tmp_path, "def f() -> None: ...\n", "x = 1\n\ndef f(:\n    pass\n", capsys)
    assert lines[0].endswith(f"[source: {tmp_path / 'src/pkg/mod.py'}:3]")
    assert "cannot parse the source file" in lines[0]


def test_stub_without_source_module(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stubs = write_tree(tmp_path / "stubs", {"pkg-stubs/__init__.pyi": "", "pkg-stubs/absent.pyi": ""})
    sources = write_tree(tmp_path / "src", {"pkg/__init__.py": ""})
    assert main([str(stubs), str(sources)]) == 1
    out = capsys.readouterr().out
    assert f"missing-source-module: the stubbed module has no source file [source: {sources / 'pkg/absent.py'}]" in out


def test_package_stub_maps_to_package_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stubs = write_tree(tmp_path / "stubs", {"pkg-stubs/__init__.pyi": "", "pkg-stubs/sub.pyi": "def f() -> None: ...\n"})
    sources = write_tree(tmp_path / "src", {"pkg/__init__.py": "", "pkg/sub/__init__.py": "async def f():\n    pass\n"})
    assert main([str(stubs), str(sources)]) == 1
    assert "async-mismatch" in capsys.readouterr().out


def test_mypy_path_layout_and_distribution_layout_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stub_text = {"__init__.pyi": "", "mod.pyi": "async def f() -> None: ...\n"}
    distribution = write_tree(tmp_path / "dist", {f"pkg-stubs/{k}": v for k, v in stub_text.items()})
    # Beside the -stubs dir, a mypy_path layout dir must be ignored, not read as a package.
    write_tree(distribution / "mypy_path", {f"pkg/{k}": v for k, v in stub_text.items()})
    sources = write_tree(tmp_path / "src", {"pkg/__init__.py": "", "pkg/mod.py": "def f():\n    pass\n"})
    assert main([str(distribution), str(sources)]) == 1
    assert main([str(distribution / "mypy_path"), str(sources)]) == 1
    summaries = [line for line in capsys.readouterr().out.splitlines() if "stub module(s)" in line]
    assert summaries == ["1 mismatch(es) in 2 stub module(s)"] * 2


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([], "the following arguments are required: STUBS_DIR, SOURCE_DIR"),
        (["{stubs}"], "the following arguments are required: SOURCE_DIR"),
        (["{tmp}/nowhere", "{src}"], "STUBS_DIR {tmp}/nowhere is not a directory"),
        (["{stubs}", "{tmp}/nowhere"], "SOURCE_DIR {tmp}/nowhere is not a directory"),
        (["{src}", "{src}"], "STUBS_DIR {src} holds no .pyi files"),
    ],
    ids=["no-arguments", "one-argument", "missing-stubs-dir", "missing-source-dir", "no-stub-files"],
)
def test_usage_errors_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    stubs = write_tree(tmp_path / "stubs", {"pkg-stubs/mod.pyi": ""})
    sources = write_tree(tmp_path / "src", {"pkg/mod.py": ""})
    names = {"tmp": tmp_path, "stubs": stubs, "src": sources}
    with pytest.raises(SystemExit) as exit_info:
        main([argument.format(**names) for argument in arguments])
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"python -m mypy_awaitcheck.stubcheck: error: {message.format(**names)}\n"


def test_module_entry_point_exit_codes(tmp_path: Path) -> None:
    stubs = write_tree(tmp_path / "stubs", {"pkg-stubs/mod.pyi": "def f() -> None: ...\n"})
    sources = write_tree(tmp_path / "src", {"pkg/mod.py": "def f():\n    pass\n"})

    def run(*arguments: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mypy_awaitcheck.stubcheck", *map(str, arguments)],
            capture_output=True, text=True, cwd=REPO_ROOT, check=False,
        )

    clean = run(stubs, sources)
    assert (clean.returncode, clean.stdout) == (0, "0 mismatch(es) in 1 stub module(s)\n")
    (sources / "pkg/mod.py").write_text("async def f():\n    pass\n", encoding="utf-8")
    assert run(stubs, sources).returncode == 1
    usage = run(tmp_path / "nowhere", sources)
    assert usage.returncode == 2
    assert "Traceback" not in usage.stderr and len(usage.stderr.splitlines()) == 1
