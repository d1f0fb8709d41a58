"""The timed scenarios. Each alternates the variants (plain, plugin, plugin, plain, ...)
so that both see the same machine load, and collects one sample per run.

- cold:  ``--no-incremental`` with ``--cache-dir /dev/null``: no cache read or written.
- warm:  incremental, nothing changed; one cache dir per variant, pre-warmed untimed.
- edit:  incremental after a real change to one module (EDIT_MODULE gets one of two extra
         functions, alternating, so that every run of each variant sees a change).
- dmypy: one daemon per variant; latency of ``dmypy check`` after the same kind of edit,
         as wall-clock of the client and CPU time of the daemon (from /proc).
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path
from typing import Callable

from . import diagnostics, layout
from .layout import Variant
from .proc import Daemon, RunResult, mypy_cmd, run_measured

SCENARIOS = ("cold", "warm", "edit", "dmypy")

# Two alternative additions to EDIT_MODULE: public (so the module's interface changes and
# its importers are rechecked too) and async (so the plugin has work to do in them).
EDIT_SNIPPETS = (
    "\n\nasync def bench_edit_a(delay: float) -> int:\n"
    "    import asyncio\n\n    await asyncio.sleep(delay)\n    return 1\n",
    "\n\nasync def bench_edit_b(delay: float) -> str:\n"
    "    import asyncio\n\n    await asyncio.sleep(delay)\n    return 'b'\n",
)


def daemon_spec(
    work_dir: Path, corpus: Path, packages: tuple[str, ...], updates: int,
) -> dict[str, object]:
    """What ``daemon_updates`` needs to drive a daemon in-process through ``updates``
    updates after the same edits as the ``dmypy`` scenario."""
    return {
        "status": str(work_dir / "dmypy-in-process.json"),
        "files": list(packages),
        "edit": str(corpus / layout.EDIT_MODULE),
        "snippets": list(EDIT_SNIPPETS),
        "updates": updates,
        "harness": str(Path(__file__).resolve().parent),
    }


class BenchError(Exception):
    """A run crashed or a daemon misbehaved; the message says which and shows output."""


@dataclasses.dataclass
class Bench:
    """Everything a scenario needs to run mypy on the corpus."""

    python: Path  # interpreter that runs mypy (and has the plugin)
    target_python: Path  # --python-executable: where the corpus' dependencies live
    corpus: Path
    packages: tuple[str, ...]
    plain: Variant
    plugin: Variant
    work_dir: Path  # caches, daemon status files
    runs: int
    # Reference diagnostics per (kind, variant): every timed run must report the same, or
    # it is recorded as an inconsistency. "mypy" runs are held to the untimed cold run;
    # "dmypy" runs to the daemon's first check, as dmypy words some hints differently.
    reference: dict[tuple[str, str], list[diagnostics.Diagnostic]] = dataclasses.field(
        default_factory=dict
    )
    inconsistencies: list[str] = dataclasses.field(default_factory=list)

    @property
    def variants(self) -> tuple[Variant, Variant]:
        return (self.plain, self.plugin)

    def mypy_command(self, variant: Variant, cache_dir: str, *extra: str) -> list[str]:
        return mypy_cmd(
            self.python, variant, self.target_python, cache_dir, list(self.packages), *extra,
        )

    def mypy(self, variant: Variant, cache_dir: str, *extra: str) -> RunResult:
        cmd = self.mypy_command(variant, cache_dir, *extra)
        return self.verify(variant, run_measured(cmd, self.corpus), " ".join(("mypy", *extra)))

    def verify(
        self, variant: Variant, result: RunResult, what: str, kind: str = "mypy",
    ) -> RunResult:
        """Fail on a crash; record output that differs from the reference of its kind."""
        checked(result, f"{what} ({variant.name})")
        got = diagnostics.parse(result.stdout)
        expected = self.reference.setdefault((kind, variant.name), got)
        if got != expected:
            missing = [str(d) for d in expected if d not in got]
            extra = [str(d) for d in got if d not in expected]
            self.inconsistencies.append(
                f"{what} ({variant.name}): {len(missing)} diagnostics missing, "
                f"{len(extra)} extra vs. the first {kind} run: " + "; ".join((missing + extra)[:5])
            )
        return result

    def fresh_dir(self, name: str) -> Path:
        path = self.work_dir / name
        shutil.rmtree(path, ignore_errors=True)
        return path


@dataclasses.dataclass
class ScenarioResult:
    """Samples per variant and metric, e.g. samples["plugin"]["cpu"] = [s1, s2, ...]."""

    name: str
    primary: str  # the metric the ratio is reported for
    samples: dict[str, dict[str, list[float]]]
    load: tuple[float, float]  # 1-minute load average before and after


def checked(result: RunResult, what: str) -> RunResult:
    reason = diagnostics.crash_reason(result)
    if reason:
        tail = (result.stdout + result.stderr)[-3000:]
        raise BenchError(f"{what} crashed: {reason}\n{tail}")
    return result


def _alternate(
    bench: Bench, name: str, run_one: Callable[[int, Variant], dict[str, float]],
    primary: str = "cpu", start_round: Callable[[int], None] = lambda _: None,
) -> ScenarioResult:
    """One run per variant per round, the order flipped every round (plain, plugin,
    plugin, plain, ...), so that a machine slowly getting faster or slower does not
    favour the variant that always runs second."""
    samples: dict[str, dict[str, list[float]]] = {v.name: {} for v in bench.variants}
    load_before = os.getloadavg()[0]
    for i in range(bench.runs):
        start_round(i)
        order = bench.variants if i % 2 == 0 else bench.variants[::-1]
        for variant in order:
            for metric, value in run_one(i, variant).items():
                samples[variant.name].setdefault(metric, []).append(value)
    return ScenarioResult(name, primary, samples, (load_before, os.getloadavg()[0]))


def cold(bench: Bench) -> ScenarioResult:
    def one(_: int, variant: Variant) -> dict[str, float]:
        r = bench.mypy(variant, os.devnull, "--no-incremental")
        return {"cpu": r.cpu, "wall": r.wall}

    return _alternate(bench, "cold", one)


def warm(bench: Bench) -> ScenarioResult:
    caches = {v.name: str(bench.fresh_dir(f"cache-warm-{v.name}")) for v in bench.variants}
    for v in bench.variants:
        bench.mypy(v, caches[v.name])

    def one(_: int, variant: Variant) -> dict[str, float]:
        r = bench.mypy(variant, caches[variant.name])
        return {"cpu": r.cpu, "wall": r.wall}

    return _alternate(bench, "warm", one)


class EditedModule:
    """EDIT_MODULE with one of two additions; restores the original on exit."""

    def __init__(self, corpus: Path) -> None:
        self.path = corpus / layout.EDIT_MODULE
        self.original = self.path.read_text()

    def set(self, which: int) -> None:
        self.path.write_text(self.original + EDIT_SNIPPETS[which % 2])

    def __enter__(self) -> EditedModule:
        return self

    def __exit__(self, *exc: object) -> None:
        self.path.write_text(self.original)


def edit(bench: Bench) -> ScenarioResult:
    caches = {v.name: str(bench.fresh_dir(f"cache-edit-{v.name}")) for v in bench.variants}
    with EditedModule(bench.corpus) as module:
        module.set(1)  # so that round 0 (content 0) already sees a change
        for v in bench.variants:
            bench.mypy(v, caches[v.name])

        def one(_: int, variant: Variant) -> dict[str, float]:
            r = bench.mypy(variant, caches[variant.name])
            return {"cpu": r.cpu, "wall": r.wall}

        # One new content per round, seen by both variants.
        return _alternate(bench, "edit", one, start_round=module.set)


def dmypy(bench: Bench) -> ScenarioResult:
    daemons = {}
    for v in bench.variants:
        bench.fresh_dir(f"cache-dmypy-{v.name}")
        daemons[v.name] = Daemon(bench.python, v, bench.target_python, bench.work_dir, bench.corpus)
    files = list(bench.packages)
    try:
        with EditedModule(bench.corpus) as module:
            module.set(1)
            for name, daemon in daemons.items():
                started = daemon.start()
                if started.returncode != 0:
                    raise BenchError(f"dmypy start ({name}) failed:\n{started.stdout}{started.stderr}")
                bench.verify(daemon.variant, daemon.check(files)[0], "dmypy initial check", "dmypy")

            def one(_: int, variant: Variant) -> dict[str, float]:
                result, daemon_cpu = daemons[variant.name].check(files)
                bench.verify(variant, result, "dmypy check", "dmypy")
                return {"daemon_cpu": daemon_cpu, "wall": result.wall, "client_cpu": result.cpu}

            return _alternate(
                bench, "dmypy", one, primary="daemon_cpu", start_round=module.set
            )
    finally:
        for daemon in daemons.values():
            daemon.stop()


RUNNERS: dict[str, Callable[[Bench], ScenarioResult]] = {
    "cold": cold, "warm": warm, "edit": edit, "dmypy": dmypy,
}
