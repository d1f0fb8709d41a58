"""Turning samples into numbers: median, spread (min/max), plugin/plain ratio; saving them.

The ratio is median(plugin) / median(plain). Since runs alternate, each round also gives
a paired ratio (plugin run / the plain run next to it). Their median is the steadier
number on a machine whose speed drifts between runs (a shared VM); their min/max shows
how much the machine moved the ratio.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

from .scenarios import ScenarioResult


def _stats(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def summarize(result: ScenarioResult) -> dict[str, Any]:
    """Per metric: each variant's stats, the ratio of medians and the paired-ratio range."""
    metrics = {}
    for metric, plain in result.samples["plain"].items():
        plugin = result.samples["plugin"][metric]
        paired = [b / a for a, b in zip(plain, plugin) if a > 0]
        plain_stats, plugin_stats = _stats(plain), _stats(plugin)
        metrics[metric] = {
            "plain": plain_stats,
            "plugin": plugin_stats,
            "ratio": plugin_stats["median"] / plain_stats["median"] if plain_stats["median"] else None,
            "paired_ratio": _stats(paired) if paired else None,
            "samples": {"plain": plain, "plugin": plugin},
        }
    return {"primary": result.primary, "load": result.load, "metrics": metrics}


def _cell(s: dict[str, float]) -> str:
    return f"{s['median']:7.3f} [{s['min']:.3f}-{s['max']:.3f}]"


def format_table(summaries: dict[str, dict[str, Any]], runs: int) -> list[str]:
    lines = [
        f"median of {runs} runs per variant, [min-max]; seconds; ratio = plugin/plain medians,"
        " (median, min-max of per-round ratios)",
        f"{'scenario':9} {'metric':11} {'plain':26} {'plugin':26} {'ratio':30} load1 before->after",
    ]
    for name, summary in summaries.items():
        load = summary["load"]
        for metric, m in summary["metrics"].items():
            ratio = m["ratio"]
            paired = m["paired_ratio"]
            ratio_text = "-" if ratio is None else f"{ratio:.3f}"
            if paired:
                ratio_text += (
                    f" ({paired['median']:.3f}, {paired['min']:.2f}-{paired['max']:.2f})"
                )
            star = "*" if metric == summary["primary"] else " "
            lines.append(
                f"{name:9} {metric + star:11} {_cell(m['plain']):26} {_cell(m['plugin']):26} "
                f"{ratio_text:30} {load[0]:.2f}->{load[1]:.2f}"
            )
            name = ""
    lines.append("* = the metric the scenario is judged by (CPU time of the process doing the work)")
    return lines


def save(results_dir: Path, data: dict[str, Any]) -> Path:
    results_dir.mkdir(parents=True, exist_ok=True)
    path = results_dir / time.strftime("bench-%Y%m%d-%H%M%S.json")
    path.write_text(json.dumps(data, indent=2) + "\n")
    return path
