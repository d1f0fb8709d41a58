#!/usr/bin/env python3
"""Benchmark mypy with and without the mypy_awaitcheck plugin on real async code.

    python bench/run.py                     # full: all scenarios, 15 runs per variant
    python bench/run.py --quick             # all scenarios, 5 runs per variant
    python bench/run.py --runs 7 --scenario cold,edit
    python bench/run.py --smoke             # CI: untimed, small slice, fails on problems
    python bench/run.py --self-time         # the plugin's own CPU inside cold, warm, edit runs
    python bench/run.py --instructions      # instructions executed (valgrind): steady on any VM

Full mode builds bench/.venv (pinned corpus packages and their deps from requirements.txt,
mypy, and a regular install of the plugin from this checkout), copies the corpus packages'
sources to bench/corpus/, checks the plugin's diagnostics there, then times the scenarios.
Smoke mode uses this interpreter's mypy and plugin and installs only a few corpus packages
(into bench/.smoke/). See bench/README.md. Standard library only.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import os
import platform
import subprocess
import sys
from pathlib import Path

from harness import diagnostics, env, instructions, layout, report, scenarios, selftime


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, help="timed runs per variant (default 15, --quick 5)")
    parser.add_argument(
        "--scenario", default=",".join(scenarios.SCENARIOS),
        help=f"comma-separated subset of {','.join(scenarios.SCENARIOS)} (default: all)",
    )
    parser.add_argument("--quick", action="store_true", help="5 runs per variant")
    parser.add_argument(
        "--smoke", action="store_true",
        help="untimed CI check on a small slice with this interpreter's mypy and plugin",
    )
    parser.add_argument(
        "--plugin", default=layout.DEFAULT_PLUGIN,
        help="plugin module or file for the plugin variant (default: %(default)s; "
        "a file path is for dry runs with a stand-in and is not installed)",
    )
    parser.add_argument("--reinstall", action="store_true", help="rerun pip even if up to date")
    parser.add_argument(
        "--self-time", action="store_true",
        help="instead of timing runs: the plugin's own CPU inside one run of each of the "
        f"chosen scenarios among {','.join(selftime.SCENARIOS)}, by part",
    )
    parser.add_argument(
        "--instructions", action="store_true",
        help="instead of timing runs: instructions executed (valgrind), one run per variant "
        "of each chosen scenario",
    )
    parser.add_argument(
        "--layouts", type=int, default=3,
        help="with --instructions: heap layouts to average over (default: %(default)s; "
        "one layout alone can be off by 0.3%%, see bench/README.md)",
    )
    args = parser.parse_args(argv)
    args.scenarios = [s for s in args.scenario.split(",") if s]
    unknown = set(args.scenarios) - set(scenarios.SCENARIOS)
    if unknown:
        parser.error(f"unknown scenario(s): {', '.join(sorted(unknown))}")
    args.runs = args.runs or (5 if args.quick else 15)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.layouts < 1:
        parser.error("--layouts must be at least 1")
    return args


def _mypy_version(python: Path) -> str:
    return subprocess.run(
        [str(python), "-m", "mypy", "--version"], stdout=subprocess.PIPE, text=True,
    ).stdout.strip()


def _plugin_version(python: Path, plugin: str) -> str:
    """The plugin and its __version__ (mypy caches key on it), plus the checkout's commit."""
    if plugin != layout.DEFAULT_PLUGIN:
        return f"plugin {plugin}"
    version = subprocess.run(
        [str(python), "-c", f"import {plugin}; print({plugin}.__version__)"],
        stdout=subprocess.PIPE, text=True,
    ).stdout.strip()
    commit = subprocess.run(
        ["git", "-C", str(layout.REPO_DIR), "rev-parse", "--short", "HEAD"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    ).stdout.strip()
    return f"plugin {plugin} {version or '?'} (checkout {commit or '?'})"


def _uptime() -> str:
    return subprocess.run(["uptime"], stdout=subprocess.PIPE, text=True).stdout.strip()


def check_diagnostics(bench: scenarios.Bench) -> diagnostics.Comparison:
    """One untimed cold run per variant; compare their diagnostics."""
    plain = bench.mypy(bench.plain, os.devnull, "--no-incremental")
    plugin = bench.mypy(bench.plugin, os.devnull, "--no-incremental")
    comparison = diagnostics.compare(plain, plugin, diagnostics.core_error_codes(bench.python))
    print("\n".join(diagnostics.summarize(comparison)), flush=True)
    return comparison


def check_plugin_active(bench: scenarios.Bench) -> bool:
    """Run both variants on the canary file; the plugin must add a diagnostic of its own."""
    canary = dataclasses.replace(
        bench, corpus=layout.CANARY_DIR, packages=layout.CANARY_FILES,
        reference={}, inconsistencies=[],
    )
    plain = canary.mypy(canary.plain, os.devnull, "--no-incremental")
    plugin = canary.mypy(canary.plugin, os.devnull, "--no-incremental")
    codes = diagnostics.compare(plain, plugin, diagnostics.core_error_codes(bench.python)).plugin_codes
    if codes:
        print(f"plugin is active: the canary gets {', '.join(codes)} only with the plugin")
    else:
        print("plugin is NOT active: no plugin-only diagnostic on bench/canary/canary.py")
    return bool(codes)


def _ok(comparison: diagnostics.Comparison) -> bool:
    return not comparison.plugin_only and not comparison.core_diff


def smoke(args: argparse.Namespace) -> int:
    if importlib.util.find_spec("mypy") is None:
        print(f"smoke: mypy is not installed for {sys.executable}", file=sys.stderr)
        return 1
    if args.plugin == layout.DEFAULT_PLUGIN and importlib.util.find_spec(args.plugin) is None:
        print(f"smoke: {args.plugin} is not importable from {sys.executable} "
              "(pip install -e . first)", file=sys.stderr)
        return 1
    python = Path(sys.executable)
    target = env.ensure_smoke_env(layout.SMOKE_REQUIREMENTS, force=args.reinstall)
    corpus = layout.SMOKE_DIR / "corpus"
    lines = env.build_corpus(target, layout.SMOKE_PACKAGES, corpus)
    plain, plugin = layout.write_configs(layout.SMOKE_DIR / "work", args.plugin)
    print(f"smoke: {_mypy_version(python)}, {_plugin_version(python, args.plugin)}; "
          f"{sum(lines.values()) / 1000:.1f} kLOC in {', '.join(lines)}", flush=True)
    bench = scenarios.Bench(
        python, target, corpus, layout.SMOKE_PACKAGES, plain, plugin,
        layout.SMOKE_DIR / "work", runs=1,
    )
    active = check_plugin_active(bench)
    ok = _ok(check_diagnostics(bench)) and active
    print("smoke: OK" if ok else "smoke: FAILED", flush=True)
    return 0 if ok else 1


def full(args: argparse.Namespace) -> int:
    python = env.ensure_full_env(args.plugin == layout.DEFAULT_PLUGIN, force=args.reinstall)
    lines = env.build_corpus(python, layout.CORPUS_PACKAGES, layout.CORPUS_DIR)
    work = layout.RESULTS_DIR / "work"
    plain, plugin = layout.write_configs(work, args.plugin)
    bench = scenarios.Bench(
        python, python, layout.CORPUS_DIR, layout.CORPUS_PACKAGES, plain, plugin, work, args.runs,
    )
    print(f"{_mypy_version(python)}; {_plugin_version(python, args.plugin)}; "
          f"Python {platform.python_version()}; "
          f"{os.cpu_count()} CPUs; {_uptime()}")
    print("corpus: " + ", ".join(f"{p} {n / 1000:.1f}k" for p, n in lines.items())
          + f"; total {sum(lines.values()) / 1000:.1f} kLOC (.py lines)", flush=True)

    if args.self_time:
        if args.plugin != layout.DEFAULT_PLUGIN:
            print("error: --self-time measures the default plugin only", file=sys.stderr)
            return 1
        for name in (s for s in args.scenarios if s in selftime.SCENARIOS):
            result = selftime.measure(
                python, plugin, python, layout.CORPUS_DIR, layout.CORPUS_PACKAGES, work, name,
            )
            print("\n".join(selftime.format_lines(name, result)), flush=True)
        return 0

    if args.instructions:
        if not instructions.available():
            print("error: --instructions needs valgrind on PATH", file=sys.stderr)
            return 1
        counts: dict[str, list[dict[str, int]]] = {}
        print(f"valgrind runs ~20x slower than mypy\n{instructions.HEADER}", flush=True)
        for name in args.scenarios:
            counts[name] = []
            for heap_layout in range(args.layouts):
                counts[name].append(instructions.measure(bench, name, heap_layout))
                print(instructions.format_row(name, heap_layout, counts[name][-1]), flush=True)
            print(instructions.format_mean(name, counts[name]), flush=True)
        saved = report.save(layout.RESULTS_DIR, {
            "mypy": _mypy_version(python), "plugin": _plugin_version(python, args.plugin),
            "corpus_lines": lines, "instructions": counts,
        })
        print(f"results saved to {saved.relative_to(layout.REPO_DIR)}")
        return 0

    active = check_plugin_active(bench)
    comparison = check_diagnostics(bench)
    summaries = {}
    for name in args.scenarios:
        print(f"running {name} ({args.runs} runs per variant, alternating)...", flush=True)
        summaries[name] = report.summarize(scenarios.RUNNERS[name](bench))
    table = report.format_table(summaries, args.runs)
    print("\n" + "\n".join(table))
    print(f"uptime at the end: {_uptime()}")
    for line in bench.inconsistencies:
        print(f"INCONSISTENT: {line}")
    saved = report.save(layout.RESULTS_DIR, {
        "mypy": _mypy_version(python), "plugin": _plugin_version(python, args.plugin),
        "runs": args.runs,
        "corpus_lines": lines, "uptime_end": _uptime(),
        "plugin_diagnostics": [str(d) for d in comparison.plugin_only],
        "core_diff": comparison.core_diff, "inconsistencies": bench.inconsistencies,
        "scenarios": summaries,
    })
    print(f"results saved to {saved.relative_to(layout.REPO_DIR)}")
    return 0 if _ok(comparison) and active and not bench.inconsistencies else 1


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return smoke(args) if args.smoke else full(args)
    except (env.SetupError, scenarios.BenchError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1  # a crash or a broken setup: never 0


if __name__ == "__main__":
    sys.exit(main())
