"""Enabling the plugin from each config format, and its own configuration section."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mypy_awaitcheck.config import AwaitCheckConfig, ConfigError, parse_section, read_section
from tests.mypy_runner import run_mypy

BUGGY = """\
def count() -> int:
    return 1


async def main() -> None:
    await count()
"""
OUR_ERROR = '"count" is synchronous and returns "int", which is not awaitable; remove "await"'


def project(tmp_path: Path, config_name: str, config_text: str) -> Path:
    (tmp_path / "app.py").write_text(BUGGY)
    (tmp_path / config_name).write_text(config_text)
    return tmp_path


@pytest.mark.parametrize(
    ("config_name", "config_text"),
    [
        ("pyproject.toml", '[tool.mypy]\nplugins = ["mypy_awaitcheck"]\n'),
        ("mypy.ini", "[mypy]\nplugins = mypy_awaitcheck\n"),
        ("setup.cfg", "[mypy]\nplugins = mypy_awaitcheck\n"),
    ],
)
def test_each_config_format_loads_the_plugin(
    tmp_path: Path, config_name: str, config_text: str
) -> None:
    run = run_mypy("app.py", cwd=project(tmp_path, config_name, config_text))
    assert [(f.line, f.code) for f in run.errors()] == [(6, "await-sync-call")]
    assert OUR_ERROR in run.stdout


def test_without_the_plugin_mypy_reports_its_generic_error(tmp_path: Path) -> None:
    run = run_mypy("app.py", cwd=project(tmp_path, "mypy.ini", "[mypy]\n"))
    assert [(f.line, f.code) for f in run.errors()] == [(6, "misc")]


@pytest.mark.parametrize(
    ("config_name", "section", "expected"),
    [
        (
            "pyproject.toml",
            '[tool.mypy_awaitcheck]\nenabel = ["await-sync-any"]\n',
            "[tool.mypy_awaitcheck] unknown key 'enabel' (known keys: consumers, disable, enable)",
        ),
        (
            "pyproject.toml",
            "[tool.mypy_awaitcheck]\nenable = 3\n",
            "[tool.mypy_awaitcheck] enable: expected a list of strings, got int",
        ),
        (
            "mypy.ini",
            "[mypy_awaitcheck]\ndisable = await-sink-call\n",
            "[mypy_awaitcheck] disable: unknown error code 'await-sink-call'",
        ),
        (
            "mypy.ini",
            "[mypy_awaitcheck]\nenable = await-sync-any\ndisable = await-sync-any\n",
            "[mypy_awaitcheck] error code 'await-sync-any' is both enabled and disabled",
        ),
        (
            "mypy.ini",
            "[mypy_awaitcheck]\nconsumers = spawn(coro)\n",
            "[mypy_awaitcheck] consumers: 'spawn(coro)' is not a dotted name",
        ),
    ],
)
def test_bad_config_ends_with_one_clear_line(
    tmp_path: Path, config_name: str, section: str, expected: str
) -> None:
    plugins = (
        '[tool.mypy]\nplugins = ["mypy_awaitcheck"]\n'
        if config_name == "pyproject.toml"
        else "[mypy]\nplugins = mypy_awaitcheck\n"
    )
    run = run_mypy("app.py", cwd=project(tmp_path, config_name, plugins + section))
    assert run.exit_code == 2
    assert run.stderr.count("\n") == 1, run.stderr
    assert run.stderr.startswith(f"mypy_awaitcheck: error: {config_name}: ")
    assert expected in run.stderr
    assert "Traceback" not in run.stdout + run.stderr


def test_config_change_invalidates_the_cache(tmp_path: Path) -> None:
    root = project(tmp_path, "mypy.ini", "[mypy]\nplugins = mypy_awaitcheck\n")

    def incremental_codes() -> list[str | None]:
        completed = subprocess.run(
            [sys.executable, "-m", "mypy", "app.py"], cwd=root, capture_output=True, text=True
        )
        return [line.rsplit("[", 1)[-1].rstrip("]") for line in completed.stdout.splitlines()[:-1]]

    assert incremental_codes() == ["await-sync-call"]
    (root / "mypy.ini").write_text(
        "[mypy]\nplugins = mypy_awaitcheck\n[mypy_awaitcheck]\ndisable = await-sync-call\n"
    )
    assert incremental_codes() == ["misc"]
    (root / "mypy.ini").write_text("[mypy]\nplugins = mypy_awaitcheck\n")
    assert incremental_codes() == ["await-sync-call"]


def test_cache_data_tells_every_configuration_apart_and_is_none_by_default() -> None:
    assert AwaitCheckConfig().report_data() is None
    configs = [
        AwaitCheckConfig(enable=frozenset({"await-sync-any"})),
        AwaitCheckConfig(disable=frozenset({"await-sync-any"})),
        AwaitCheckConfig(consumers=frozenset({"app.tasks.spawn"})),
        AwaitCheckConfig(consumers=frozenset({"app.tasks.spawn", "app.tasks.queue"})),
        AwaitCheckConfig(
            enable=frozenset({"await-sync-any"}), consumers=frozenset({"app.tasks.spawn"})
        ),
    ]
    data = [config.report_data() for config in configs]
    assert None not in data
    assert len(set(data)) == len(configs)


def test_parse_section_accepts_lists_and_comma_separated_strings() -> None:
    assert parse_section({"enable": "await-sync-any, ", "consumers": ["app.tasks.spawn"]}) == (
        AwaitCheckConfig(enable=frozenset({"await-sync-any"}), consumers=frozenset({"app.tasks.spawn"}))
    )
    assert parse_section({}) == AwaitCheckConfig()


def test_parse_section_rejects_non_string_items() -> None:
    with pytest.raises(ConfigError, match="expected a list of strings, got list"):
        parse_section({"disable": ["await-sync-call", 1]})


def test_unreadable_toml_is_a_config_error(tmp_path: Path) -> None:
    # mypy itself reports a broken pyproject.toml and goes on without plugins; the
    # plugin's reader must still fail cleanly when given such a file.
    broken = tmp_path / "pyproject.toml"
    broken.write_text("[tool.mypy_awaitcheck\n")
    with pytest.raises(ConfigError, match="cannot read the file"):
        read_section(str(broken))


def test_toml_section_must_be_a_table(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool]\nmypy_awaitcheck = "yes"\n')
    with pytest.raises(ConfigError, match="must be a table"):
        read_section(str(config))
