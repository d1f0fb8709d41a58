"""Instructions executed, counted by valgrind: a measure the machine's speed cannot move.

On a shared VM CPU time drifts by more than the targets, run to run; the number of
instructions a run executes barely does: PYTHONHASHSEED is fixed, so dict and set
orders repeat, and mypy runs with a GIL switch interval too long to ever expire
(``_STEADY_MYPY``), so that the threads mypy parses with take turns only where one
waits, not after 5 ms of a clock that valgrind slows by a varying factor. Without
that, interleavings, allocation order and hash costs varied with machine load: up
to 0.4% between identical runs. It is a proxy for CPU time,
not the same thing (cache misses and branch mispredictions are not weighed), and it
is slow (~20x), so every scenario runs once per variant and heap layout, both
variants at once.

Heap layouts: mypy's count depends on where its objects land. A type's hash mixes
object addresses, and mypyc boxes a hash that does not fit in 62 bits, so the
share of costly hashes follows the layout: on a slice of the corpus, plain mypy's
count moved by 0.4% between layouts and the plugin's overhead read 1.4% to 2.1%.
Any change to the plugin's code moves the layout too. Real runs, with address
randomisation, average over layouts; so does this measure: layout ``n`` starts
mypy after ``n * 1000`` small allocations of assorted sizes (``_steady``), and the
report gives each layout's ratio and their mean.

- cold, warm, edit: the whole mypy process under ``cachegrind`` (no cache simulation),
  warm and edit after an untimed native run that fills the variant's cache.
- dmypy: a daemon's server object in-process (``daemon_updates``) under ``callgrind``,
  collecting only inside mypy's ``fine_grained_increment_follow_imports`` (the updates
  under ``follow_imports = normal``; the first check is a full build and not counted).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .layout import Variant
from .proc import mypy_flags
from .scenarios import Bench, BenchError, EditedModule, daemon_spec

SCENARIOS = ("cold", "warm", "edit", "dmypy")
DAEMON_UPDATES = 5
_UPDATES_FUNCTION = "CPyDef_dmypy_server___Server___fine_grained_increment_follow_imports"
_CACHEGRIND = ("valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null")
# ``python -m mypy`` with a fixed thread interleaving and a given heap layout: see
# the module docstring. bytes(0..479) cover every size class of CPython's allocator.
_STEADY_START = (
    "import sys; sys.setswitchinterval(1e6); _pad = [bytes(i % 480) for i in range({})]; "
)
_STEADY_MYPY = _STEADY_START + "from mypy.__main__ import console_entry; console_entry()"
PADDING_PER_LAYOUT = 1000
_COUNT = re.compile(r"==\d+== (?:I\s+refs|Collected)\s*:\s*([\d,]+)")


def available() -> bool:
    return shutil.which("valgrind") is not None


def measure(bench: Bench, scenario: str, heap_layout: int) -> dict[str, int]:
    """Instructions per variant (for dmypy: per update) in ``scenario``."""
    padding = heap_layout * PADDING_PER_LAYOUT

    def runner(variant: Variant) -> int:
        if scenario == "dmypy":
            return _count_updates(bench, variant, padding)
        if scenario == "cold":
            command = bench.mypy_command(variant, os.devnull, "--no-incremental")
        else:
            command = bench.mypy_command(variant, _cache(bench, scenario, variant))
        return _count(_CACHEGRIND, _steady(command, padding), bench)

    with EditedModule(bench.corpus) as module:
        module.set(1)
        if scenario in ("warm", "edit"):
            for variant in bench.variants:  # fill the caches, natively
                subprocess.run(bench.mypy_command(variant, _cache(bench, scenario, variant)),
                               cwd=bench.corpus, stdout=subprocess.DEVNULL, check=False)
        if scenario == "edit":
            module.set(0)
        with ThreadPoolExecutor(max_workers=2) as pool:
            counts = dict(zip((v.name for v in bench.variants), pool.map(runner, bench.variants)))
    return counts


def _steady(command: list[str], padding: int) -> list[str]:
    python, option, module, *arguments = command
    assert (option, module) == ("-m", "mypy"), command
    return [python, "-c", _STEADY_MYPY.format(padding), *arguments]


def _cache(bench: Bench, scenario: str, variant: Variant) -> str:
    return str(bench.work_dir / f"cache-instructions-{scenario}-{variant.name}")


def _count_updates(bench: Bench, variant: Variant, padding: int) -> int:
    work = bench.work_dir / f"instructions-dmypy-{variant.name}"
    work.mkdir(parents=True, exist_ok=True)
    spec = daemon_spec(work, bench.corpus, bench.packages, DAEMON_UPDATES)
    flags = mypy_flags(variant, bench.target_python, str(work / "cache"))
    script = Path(__file__).with_name("daemon_updates.py")
    start = (_STEADY_START.format(padding)
             + f"import runpy; runpy.run_path({str(script)!r}, run_name='__main__')")
    driver = [str(bench.python), "-c", start, json.dumps(spec)]
    tool = ("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
            "--collect-atstart=no", f"--toggle-collect={_UPDATES_FUNCTION}")
    return _count(tool, [*driver, *flags], bench) // DAEMON_UPDATES


def _count(tool: tuple[str, ...], cmd: list[str], bench: Bench) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run([*tool, *cmd], cwd=bench.corpus, env=env, capture_output=True, text=True)
    counts = _COUNT.findall(done.stderr)
    if done.returncode not in (0, 1) or not counts:
        raise BenchError(f"valgrind run failed ({done.returncode}): {' '.join(cmd[:4])}...\n"
                         + done.stderr[-2000:])
    return int(counts[-1].replace(",", ""))


HEADER = ("instructions (valgrind; one run per variant and heap layout; dmypy: per update)\n"
          f"{'scenario':9} {'layout':>6} {'plain':>16} {'plugin':>16} {'ratio':>7}")


def ratio(counts: dict[str, int]) -> float:
    return counts["plugin"] / counts["plain"]


def format_row(name: str, heap_layout: int, counts: dict[str, int]) -> str:
    plain, plugin = counts["plain"], counts["plugin"]
    return f"{name:9} {heap_layout:6} {plain:16,} {plugin:16,} {ratio(counts):7.4f}"


def format_mean(name: str, by_layout: list[dict[str, int]]) -> str:
    ratios = [ratio(counts) for counts in by_layout]
    return (f"{name:9} {'mean':>6} {'':16} {'':16} {sum(ratios) / len(ratios):7.4f}"
            f"  (layouts {min(ratios):.4f}-{max(ratios):.4f})")
