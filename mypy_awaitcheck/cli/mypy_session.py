"""Runs mypy once, in this process, with the plugin added to the user's configuration.

mypy finds and parses the configuration itself (``process_options``: the same
config file search, ``--config-file``, per-module sections, ``[tool.mypy]``),
so every setting applies exactly as in a plain ``mypy`` run. mypy has no
``--plugins`` flag and loads ``options.plugins`` only from a config file, so:

- the plugin is appended to ``options.plugins`` when the config does not list
  it; it is then loaded the way mypy loads every plugin (parallel workers too)
  and is part of the cache's plugin snapshot;
- without any config file, a one-line config that only enables the plugin is
  written to a temporary directory and handed to mypy as the config file;
- a run that added the plugin keeps its cache in ``<cache_dir>/awaitcheck``:
  the plugin list is part of mypy's cache key, so sharing the directory with
  plain ``mypy`` runs would make each invalidate the other's cache.

A few output options are forced so that results are complete and parseable:
mypy's JSON lines (each error with the notes mypy attaches to it), no cap on
the number of errors shown (mypy hides everything after 200 errors when
imports are missing, which would hide our findings in a legacy codebase),
error codes on, no documentation-link notes.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass, field
from typing import Any, Final

from mypy.build import BuildSource
from mypy.options import Options

from mypy_awaitcheck.cli.diagnostics import Diagnostic, parse_mypy_json_line

PLUGIN_ENTRY: Final = "mypy_awaitcheck"
CACHE_SUBDIR: Final = "awaitcheck"
GENERATED_CONFIG: Final = f"[mypy]\nplugins = {PLUGIN_ENTRY}\n"


class MypyStopped(Exception):
    """mypy could not produce results: a blocking error, a crash, a bad setting."""


@dataclass
class MypyResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    checked_sources: int = 0
    show_summary: bool = True


def run_mypy(mypy_args: list[str], prog: str) -> MypyResult:
    """Every diagnostic of one mypy run; raises ``MypyStopped`` when mypy could not check."""
    from mypy.fscache import FileSystemCache
    from mypy.main import process_options

    # The plugin's error codes must exist before mypy validates code names.
    import mypy_awaitcheck.errorcodes  # noqa: F401

    fscache = FileSystemCache()
    # Exits with status 2 and mypy's own message on bad flags or missing paths;
    # prints problems in the config file to stderr and goes on, as mypy does.
    sources, options = process_options(mypy_args, fscache=fscache, program=prog)
    if options.install_types:
        raise MypyStopped("--install-types is interactive: run it with mypy itself first")
    with plugin_enabled(options):
        force_parseable_output(options)
        lines = build_messages(sources, options, fscache)
    result = MypyResult(checked_sources=len(sources), show_summary=options.error_summary)
    for line in lines:
        diagnostic = parse_mypy_json_line(line)
        if diagnostic is None:
            # Not a diagnostic (e.g. "note: unused section(s)"): mypy's own words.
            print(line, file=sys.stderr)
        else:
            result.diagnostics.append(diagnostic)
    return result


def plugin_listed(options: Options) -> bool:
    return any(entry.rsplit(":", 1)[0] == PLUGIN_ENTRY for entry in options.plugins)


@contextmanager
def plugin_enabled(options: Options) -> Iterator[None]:
    if plugin_listed(options):
        yield
        return
    options.plugins = [*options.plugins, PLUGIN_ENTRY]
    if options.cache_dir != os.devnull:
        options.cache_dir = os.path.join(options.cache_dir, CACHE_SUBDIR)
    if options.config_file:
        yield
        return
    with tempfile.TemporaryDirectory(prefix="mypy-awaitcheck-") as directory:
        options.config_file = os.path.join(directory, "mypy.ini")
        with open(options.config_file, "w", encoding="utf-8") as stream:
            stream.write(GENERATED_CONFIG)
        yield


def force_parseable_output(options: Options) -> None:
    options.output = "json"
    options.many_errors_threshold = -1
    options.hide_error_codes = False
    options.show_error_code_links = False
    if options.num_workers:
        # As mypy's own main() does: parallel checking supports only the native parser.
        options.native_parser = True


def build_messages(sources: list[BuildSource], options: Options, fscache: Any) -> list[str]:
    from mypy import build
    from mypy.defaults import RECURSION_LIMIT
    from mypy.errors import CompileError

    messages: list[str] = []
    last_batch: list[str] = []

    def collect(_path: str | None, new_messages: list[str], _serious: bool) -> None:
        messages.extend(new_messages)
        last_batch[:] = new_messages

    sys.setrecursionlimit(max(sys.getrecursionlimit(), RECURSION_LIMIT))
    try:
        # mypy prints a few things with a bare print() (the messages before an
        # INTERNAL ERROR): stdout is kept for the report.
        with redirect_stdout(sys.stderr):
            result = build.build(
                sources, options, None, collect, fscache, stdout=sys.stderr, stderr=sys.stderr
            )
    except CompileError:
        # mypy flushes the blocking messages last, just before raising.
        for line in last_batch:
            print(_as_text(line), file=sys.stderr)
        raise MypyStopped("mypy stopped at a blocking error (above); nothing was checked") from None
    except SystemExit as stop:
        # An INTERNAL ERROR, or the plugin's one-line configuration error, printed above.
        raise MypyStopped(f"mypy stopped with exit status {stop.code} (see above)") from None
    except Exception:
        traceback.print_exc()
        raise MypyStopped("mypy failed with an unexpected exception (above)") from None
    result.manager.metastore.close()
    return messages


def _as_text(line: str) -> str:
    diagnostic = parse_mypy_json_line(line)
    return line if diagnostic is None else "\n".join(diagnostic.text_lines())
