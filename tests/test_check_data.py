"""Runs ``tests/data/*.test`` (mypy's test-data format) with the plugin enabled.

Each case is type-checked against the real typeshed. ``# flags:`` takes mypy
command-line flags (``--config-file tmp/mypy.ini`` for a ``[file mypy.ini]``
section that configures the plugin itself). Cases with ``[file x.py.2]`` (``[file main.2]``
for the main module) and ``[out2]`` sections run incrementally, step by step, on
one cache.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Final

from mypy import build
from mypy.build import BuildSource
from mypy.errors import CompileError
from mypy.options import Options
from mypy.test.config import test_temp_dir
from mypy.test.data import DataDrivenTestCase, DataSuite
from mypy.test.helpers import (
    assert_string_arrays_equal,
    normalize_error_messages,
    parse_options,
    perform_file_operations,
)

# Imported before any options are parsed: this registers the plugin's error codes.
import mypy_awaitcheck  # noqa: F401
from mypy_awaitcheck.main import AwaitCheckPlugin

DATA_DIR: Final = Path(__file__).parent / "data"
REPO_ROOT: Final = Path(__file__).parent.parent
# The stub tree of the backend, on mypy_path for every case.
STUB_MYPY_PATH: Final = REPO_ROOT / "stubs" / "mypy_path"
# One cache for the whole session: cases share typeshed's cached modules.
_CACHE_DIR: Final = tempfile.mkdtemp(prefix="awaitcheck-test-cache-")


class AwaitCheckSuite(DataSuite):
    files = sorted(path.name for path in DATA_DIR.glob("*.test"))
    data_prefix = str(DATA_DIR)

    def run_case(self, testcase: DataDrivenTestCase) -> None:
        steps = testcase.find_steps()
        for step in range(1, len(steps) + 2 if testcase.output2 else 2):
            if step > 1:
                perform_file_operations(steps[step - 2])
                update_main_module()
            expected = testcase.output if step == 1 else testcase.output2.get(step, [])
            actual = check(testcase, step)
            assert_string_arrays_equal(
                expected,
                actual,
                f"Unexpected output, step {step} ({testcase.file}, line {testcase.line})",
            )


def update_main_module() -> None:
    """``[file main.2]`` lands in the temp dir; the main module is read from ``main``."""
    updated = Path(test_temp_dir, "main")
    if updated.exists():
        updated.replace("main")


def check(testcase: DataDrivenTestCase, step: int) -> list[str]:
    program_text = "\n".join(testcase.input)
    options = case_options(testcase, program_text, step)
    sources = [BuildSource("main", "__main__", None if step > 1 else program_text)]
    if step == 1:
        Path("main").write_text(program_text, encoding="utf-8")
    plugins = [] if "mypy_awaitcheck" in options.plugins else [AwaitCheckPlugin(options)]
    try:
        result = build.build(
            sources=sources, options=options, alt_lib_path=test_temp_dir, extra_plugins=plugins
        )
        messages = result.errors
    except CompileError as error:
        messages = error.messages
    return normalize_error_messages(messages)


def case_options(testcase: DataDrivenTestCase, program_text: str, step: int) -> Options:
    options = parse_options(program_text, testcase, step)
    if "--python-version" not in program_text:
        options.python_version = sys.version_info[:2]
    options.hide_error_codes = False
    options.show_traceback = True
    options.incremental = True
    options.cache_dir = _CACHE_DIR
    if STUB_MYPY_PATH.is_dir():
        options.mypy_path.append(str(STUB_MYPY_PATH))
    return options

