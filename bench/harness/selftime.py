"""The plugin's own share of mypy runs, measured inside those runs.

Run-to-run CPU time on a shared VM drifts by more than the plugin costs, so the timed
scenarios need many rounds to show a few percent. This measures the other way: one
run of mypy (through ``mypy.api.run``) in the bench venv, with the plugin's entry
points wrapped in CPU-time accounting, so plugin time and total time come from the
same run. Each part counts its exclusive time (a nested entry point counts to its own
part), and importing the plugin's modules is a part of its own.

It is a lower bound of the overhead: the work mypy itself does because a plugin is
loaded (asking it for hooks, calling the hooks it returns) is not inside the plugin's
code. Only the default plugin (``mypy_awaitcheck``) can be measured. The scenarios
are those of ``scenarios``: cold, warm and edit (these two first fill a cache with
an untimed run in a separate process), and dmypy: a daemon's server object in the
driver's process, its first check untimed, then ``DAEMON_UPDATES`` updates after
the scenario's edit, of which the plugin's share is reported.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from .layout import Variant
from .proc import mypy_flags
from .scenarios import EditedModule, daemon_spec

SCENARIOS = ("cold", "warm", "edit", "dmypy")
DAEMON_UPDATES = 10

# Runs in the bench venv: wraps the entry points mypy calls (the plugin's methods and
# the hooks it hands out) and times the plugin's import. Prints one JSON object.
_DRIVER = r"""
import json, sys, time
from collections import Counter
from mypy import api, build, checker, main as mypy_main  # mypy's own imports: not counted
clock = time.process_time
started = clock()
import mypy_awaitcheck.main as main
spent = Counter({"loading (import, config)": clock() - started})
calls = Counter({"loading (import, config)": 1})
nested = [0.0]  # time of the entry points inside the one running now

def wrap(owner, name, part):
    original = getattr(owner, name)
    def wrapper(*args, **kwargs):
        outer = nested[0]
        nested[0] = 0.0
        start = clock()
        try:
            return original(*args, **kwargs)
        finally:
            elapsed = clock() - start
            spent[part] += elapsed - nested[0]
            calls[part] += 1
            nested[0] = outer + elapsed
    setattr(owner, name, wrapper)

def wrap_hooks():
    import mypy_awaitcheck.hook_gate as hook_gate
    import mypy_awaitcheck.hooks as hooks
    import mypy_awaitcheck.module_index as module_index
    import mypy_awaitcheck.value_walk as value_walk
    for name in ("_on_function_call", "_on_method_call", "_on_call_value", "_on_attribute"):
        wrap(hooks.Hooks, name, "hooks")
    # Built lazily inside the parts above; counted on their own.
    wrap(module_index.ModuleIndex, "__init__", "module indexes")
    wrap(module_index.ModuleIndex, "scan_calls", "module indexes")
    wrap(value_walk, "analyze_module", "module indexes")  # looked up at each call
    # After the first question, mypy calls the gate's getters directly.
    making = hook_gate.HookGate.getter
    def getter(self, hook_of, value_hook_of):
        holder = type("Getter", (), {"get": staticmethod(making(self, hook_of, value_hook_of))})
        wrap(holder, "get", "hook questions (get_*_hook)")
        return holder.get
    hook_gate.HookGate.getter = getter

building = main.AwaitCheckPlugin._parts
def parts(self):
    first = self._components is None
    result = building(self)
    if first:
        wrap_hooks()
    return result
main.AwaitCheckPlugin._parts = parts
wrap(main.AwaitCheckPlugin, "_parts", "building the checks (imports)")
for name in ("get_function_hook", "get_method_hook", "get_attribute_hook"):
    wrap(main.AwaitCheckPlugin, name, "hook questions (get_*_hook)")
wrap(main.AwaitCheckPlugin, "get_additional_indirect_deps", "after each module's check")
wrap(main.AwaitCheckPlugin, "get_additional_deps", "dependencies, config data")
wrap(main.AwaitCheckPlugin, "report_config_data", "dependencies, config data")
wrap(main.AwaitCheckPlugin, "__init__", "loading (import, config)")
spec = json.loads(sys.argv[1])
flags = sys.argv[2:]
if spec["mode"] == "run":
    begin = clock()
    api.run(flags)
    total = clock() - begin + spent["loading (import, config)"]
else:
    sys.path.insert(0, spec["harness"])
    import daemon_updates
    def reset():
        spent.clear()
        calls.clear()
    total = daemon_updates.run(spec, flags, reset)

# What the accounting itself adds to each counted call, taken off again.
class Probe:
    def noop(self):
        return None
probe = Probe()
rounds = 200000
start = clock()
for _ in range(rounds):
    probe.noop()
bare = clock() - start
wrap(Probe, "noop", "probe")
start = clock()
for _ in range(rounds):
    probe.noop()
per_call = max(0.0, (clock() - start - bare) / rounds)
del spent["probe"], calls["probe"]
parts = {part: max(0.0, seconds - calls[part] * per_call) for part, seconds in spent.items()}
total -= sum(calls.values()) * per_call
print(json.dumps({"total": total, "parts": parts, "calls": dict(calls), "per_call": per_call}))
"""


def measure(
    python: Path, variant: Variant, target_python: Path, corpus: Path, packages: tuple[str, ...],
    work_dir: Path, scenario: str,
) -> dict[str, Any]:
    """One in-process run of ``variant`` (the plugin config) in ``scenario``; the plugin's
    CPU by part."""
    if scenario == "cold":
        return _driven(python, mypy_flags(variant, target_python, os.devnull), corpus,
                       packages, "--no-incremental")
    cache = work_dir / f"cache-selftime-{scenario}"
    flags = mypy_flags(variant, target_python, str(cache))
    if scenario == "dmypy":
        spec = {"mode": "dmypy", **daemon_spec(work_dir, corpus, packages, DAEMON_UPDATES)}
        return _driven(python, flags, corpus, (), spec=spec)
    with EditedModule(corpus) as module:
        module.set(1)
        subprocess.run([str(python), "-m", "mypy", *flags, *packages], cwd=corpus,
                       stdout=subprocess.DEVNULL, check=False)
        if scenario == "edit":
            module.set(0)
        return _driven(python, flags, corpus, packages)


def _driven(
    python: Path, flags: list[str], corpus: Path, packages: tuple[str, ...], *extra: str,
    spec: dict[str, Any] | None = None,
) -> dict[str, Any]:
    out = subprocess.run(
        [str(python), "-c", _DRIVER, json.dumps(spec or {"mode": "run"}),
         *flags, *extra, *packages],
        cwd=corpus, stdout=subprocess.PIPE, text=True, check=True,
    ).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def format_lines(scenario: str, result: dict[str, Any]) -> list[str]:
    total = result["total"]
    parts = result["parts"]
    own = sum(parts.values())
    what = f"{DAEMON_UPDATES} daemon updates" if scenario == "dmypy" else "one run"
    lines = [
        f"{scenario}: plugin's own CPU {1000 * own:.1f} ms of {1000 * total:.1f} ms in {what} "
        f"({100 * own / total:.2f}%; a lower bound of the overhead)"
    ]
    for part, seconds in sorted(parts.items(), key=lambda item: -item[1]):
        count = result["calls"].get(part, 1)
        lines.append(f"  {part:32} {1000 * seconds:8.1f} ms  ({count} calls)")
    return lines
