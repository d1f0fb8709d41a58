"""A mypy daemon's server object, driven in this process: its first check, then updates.

Run by the bench venv's Python (``selftime``, ``instructions``), which has mypy; stdlib
and mypy only. Each update follows an edit of the scenario's module (one of two
additions, alternating, so that every update sees a change); the original is put back
at the end. The first check is a full build and is not part of what is measured.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any


def run(spec: dict[str, Any], flags: list[str], after_first_check: Callable[[], None]) -> float:
    """Run ``spec["updates"]`` updates; return their CPU seconds."""
    from mypy.dmypy_server import Server, process_start_options

    server = Server(process_start_options(flags, allow_sources=False), spec["status"])

    def check() -> None:
        server.cmd_check(files=spec["files"], export_types=False, is_tty=False, terminal_width=80)

    with open(spec["edit"], encoding="utf-8") as stream:
        original = stream.read()

    def edit(which: int) -> None:
        with open(spec["edit"], "w", encoding="utf-8") as stream:
            stream.write(original + spec["snippets"][which % 2])

    total = 0.0
    try:
        edit(1)
        check()
        after_first_check()
        for update in range(spec["updates"]):
            edit(update)
            begin = time.process_time()
            check()
            total += time.process_time() - begin
    finally:
        with open(spec["edit"], "w", encoding="utf-8") as stream:
            stream.write(original)
    return total


if __name__ == "__main__":
    print(run(json.loads(sys.argv[1]), sys.argv[2:], lambda: None))
