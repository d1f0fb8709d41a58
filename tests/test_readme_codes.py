"""The README is the reference: its code table, config table and examples must stay true.

- the error-code table lists exactly what ``--list-codes`` prints (codes, in order,
  and their default on/off), and every code has its own entry with an example;
- the configuration table lists exactly the keys the config parser accepts;
- the sections keep the reference order, and the Quick start its two commands;
- every Python example under "Error codes" is checked with all codes enabled: each
  line marked ``# error: CODE`` is reported with that code, and nothing else is.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Final

from mypy_awaitcheck import config, errorcodes

README: Final = Path(__file__).parent.parent / "README.md"
TABLE_ROW: Final = re.compile(r"^\| `(?P<name>[^`]+)` \| (?P<second>[^|]+?) \|")
PYTHON_BLOCK: Final = re.compile(r"^```python\n(?P<code>.*?)^```$", re.MULTILINE | re.DOTALL)
ERROR_MARK: Final = re.compile(r"# error: (?P<code>[a-z0-9-]+)$")


def section(title: str) -> str:
    """The README text under ``## title``, up to the next ``## `` heading."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def first_table(text: str) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for line in text[text.index("\n|") + 1 :].splitlines():
        if not line.startswith("|"):
            break
        match = TABLE_ROW.match(line)
        if match:
            rows.append((match["name"], match["second"].strip()))
    return rows


def listed_codes() -> list[tuple[str, str]]:
    completed = subprocess.run(
        [sys.executable, "-m", "mypy_awaitcheck", "--list-codes"],
        capture_output=True, text=True, check=True,
    )
    rows = [line.split(None, 2) for line in completed.stdout.splitlines()]
    return [(code, default) for code, default, _summary in rows]


def test_code_table_matches_list_codes() -> None:
    assert first_table(section("Error codes")) == listed_codes()


def test_every_code_has_an_entry() -> None:
    text = section("Error codes")
    for code in errorcodes.ALL_CODES:
        assert f"\n### `{code.code}`\n" in text, f"README: no entry for {code.code}"


def test_configuration_table_lists_every_key() -> None:
    keys = [key for key, _ in first_table(section("Configuration"))]
    assert sorted(keys) == sorted(config._KEY_PARSERS)
    assert len(keys) == len(set(keys))


def test_error_code_examples_report_exactly_the_marked_lines(tmp_path: Path) -> None:
    blocks = [match["code"] for match in PYTHON_BLOCK.finditer(section("Error codes"))]
    expected: set[tuple[str, int, str]] = set()
    for index, block in enumerate(blocks):
        name = f"example_{index}.py"
        (tmp_path / name).write_text(block, encoding="utf-8")
        for number, line in enumerate(block.splitlines(), start=1):
            mark = ERROR_MARK.search(line)
            if mark:
                expected.add((name, number, mark["code"]))
    assert {code for _, _, code in expected} == {code.code for code in errorcodes.ALL_CODES}
    default_off = [code.code for code in errorcodes.ALL_CODES if not code.default_enabled]
    (tmp_path / "mypy.ini").write_text(
        f"[mypy]\n[mypy_awaitcheck]\nenable = {', '.join(default_off)}\n", encoding="utf-8"
    )
    completed = subprocess.run(
        [sys.executable, "-m", "mypy_awaitcheck", "check", "--format", "json", "--no-incremental",
         *sorted(path.name for path in tmp_path.glob("example_*.py"))],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 1, completed.stderr
    findings = json.loads(completed.stdout)["findings"]
    reported = {(f["file"], f["line"], f["code"]) for f in findings if f["severity"] == "error"}
    assert reported == expected


def test_reference_sections_are_in_order() -> None:
    titles = re.findall(r"^## (.+)$", README.read_text(encoding="utf-8"), re.MULTILINE)
    assert titles == [
        "Quick start (the two commands)",
        "Install",
        "Enable",
        "Configuration",
        "Error codes",
        "Relation to mypy's own checks",
        "Ordering with other plugins",
        "Editors",
        "Version compatibility",
        "Cost",
        "Limitations",
        "Stubs for the Netra backend",
        "Development",
    ]


def test_quick_start_keeps_the_two_contract_commands() -> None:
    text = section("Quick start (the two commands)")
    assert (
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && "
        ".venv/bin/mypy --config-file examples/mypy.ini examples/chat_backend\n" in text
    )
    assert "\n.venv/bin/python -m pytest tests -q\n" in text
