"""The plugin's own share of one mypy run, measured inside that run.

Run-to-run CPU time on a shared VM drifts by more than the plugin costs, so the timed
scenarios need many rounds to show a few percent. This measures the other way: one
run of mypy (through ``mypy.api.run``) in the bench venv, with the plugin's entry
points wrapped in CPU-time accounting, so plugin time and total time come from the
same run. It is a lower bound of the overhead: the work mypy itself does because a
plugin is loaded (asking it for hooks, calling the hooks it returns) is not inside
the plugin's code. Only the default plugin (``mypy_awaitcheck``) can be measured.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from .layout import Variant
from .proc import mypy_flags

# Runs in the bench venv: wraps the entry points mypy calls (the plugin's methods and
# the hooks it hands out); only the outermost wrapped call counts, so nested entry
# points are not counted twice. Prints one JSON object.
_DRIVER = r"""
import json, sys, time
from collections import Counter
from mypy import api, build, checker, main as mypy_main  # mypy's own imports: not counted
started = time.process_time()
import mypy_awaitcheck.main as main
import mypy_awaitcheck.hooks as hooks

spent = Counter()
calls = Counter()
depth = [0]

def wrap(owner, name, part):
    original = getattr(owner, name)
    def wrapper(*args, **kwargs):
        if depth[0]:
            return original(*args, **kwargs)
        depth[0] += 1
        start = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent[part] += time.process_time() - start
            calls[part] += 1
            depth[0] -= 1
    setattr(owner, name, wrapper)

for name in ("get_function_hook", "get_method_hook", "get_attribute_hook"):
    wrap(main.AwaitCheckPlugin, name, "hook questions (get_*_hook)")
for name in ("_on_function_call", "_on_method_call", "_on_attribute"):
    wrap(hooks.Hooks, name, "hooks")
wrap(main.AwaitCheckPlugin, "get_additional_indirect_deps", "after each module's check")
wrap(main.AwaitCheckPlugin, "get_additional_deps", "dependencies, config data")
wrap(main.AwaitCheckPlugin, "report_config_data", "dependencies, config data")
wrap(main.AwaitCheckPlugin, "__init__", "loading")
spent["loading"] += time.process_time() - started
begin = time.process_time()
api.run(sys.argv[1:])
total = time.process_time() - begin + spent["loading"]

# What the accounting itself adds to each counted call, taken off again.
class Probe:
    def noop(self):
        return None
probe = Probe()
rounds = 200000
start = time.process_time()
for _ in range(rounds):
    probe.noop()
bare = time.process_time() - start
wrap(Probe, "noop", "probe")
start = time.process_time()
for _ in range(rounds):
    probe.noop()
per_call = max(0.0, (time.process_time() - start - bare) / rounds)
del spent["probe"], calls["probe"]
parts = {part: max(0.0, seconds - calls[part] * per_call) for part, seconds in spent.items()}
total -= sum(calls.values()) * per_call
print(json.dumps({"total": total, "parts": parts, "calls": dict(calls), "per_call": per_call}))
"""


def measure(
    python: Path, variant: Variant, target_python: Path, corpus: Path, packages: tuple[str, ...],
) -> dict[str, Any]:
    """One cold in-process run of ``variant`` (the plugin config); the plugin's CPU by part."""
    flags = mypy_flags(variant, target_python, "/dev/null")
    out = subprocess.run(
        [str(python), "-c", _DRIVER, *flags, "--no-incremental", *packages],
        cwd=corpus, stdout=subprocess.PIPE, text=True, check=True,
    ).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def format_lines(result: dict[str, Any]) -> list[str]:
    total = result["total"]
    parts = result["parts"]
    own = sum(parts.values())
    lines = [
        f"plugin's own CPU in one cold run: {own:.3f} s of {total:.3f} s "
        f"({100 * own / total:.1f}%; a lower bound of the overhead)"
    ]
    for part, seconds in sorted(parts.items(), key=lambda item: -item[1]):
        count = result["calls"].get(part, 1)
        lines.append(f"  {part:30} {seconds:7.3f} s  ({count} calls)")
    return lines
