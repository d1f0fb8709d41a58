"""Reading mypy's output: crashes, the plugin's own diagnostics, and core differences.

Runs use ``--output json`` (one JSON object per diagnostic, notes attached to an error
folded into its ``hint``), which makes diagnostics comparable as whole records.

Plugin diagnostics are recognised without knowing the plugin's codes: they are the
diagnostics whose error code appears in the plugin run but never in the plain run, and is
not one of mypy's own codes (asked of the mypy that runs, without the plugin imported).
Everything else from the plugin run must equal the plain run exactly: a core code that
only the plugin run produces is a core difference, not a plugin diagnostic.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import subprocess
from pathlib import Path

from .proc import RunResult

_CRASH_MARKERS = ("INTERNAL ERROR", "Traceback (most recent call last)")


def crash_reason(result: RunResult) -> str | None:
    """Why this mypy run counts as a crash, or None. Exit 1 just means "errors found"."""
    text = result.stdout + result.stderr
    for marker in _CRASH_MARKERS:
        if marker in text:
            return f"output contains {marker!r}"
    if result.returncode not in (0, 1):
        return f"exit code {result.returncode}"
    return None


@dataclasses.dataclass(frozen=True)
class Diagnostic:
    """One diagnostic as mypy reported it (non-JSON output lines become code-less notes)."""

    file: str
    line: int
    column: int
    severity: str
    message: str
    code: str | None
    hint: str | None = None

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"
        if self.code:
            text += f"  [{self.code}]"
        if self.hint:
            text += "".join(f"\n    {h}" for h in self.hint.splitlines())
        return text


def parse(stdout: str) -> list[Diagnostic]:
    diagnostics = []
    for line in stdout.splitlines():
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError:  # e.g. a summary line: keep it, it must match too
            diagnostics.append(Diagnostic("<output>", 0, 0, "text", line, None))
            continue
        diagnostics.append(Diagnostic(
            d["file"], d["line"], d["column"], d["severity"], d["message"], d["code"],
            d.get("hint"),
        ))
    return sorted(diagnostics, key=str)


@dataclasses.dataclass
class Comparison:
    """Plain run vs plugin run on the same files."""

    plain: list[Diagnostic]
    plugin_only: list[Diagnostic]  # codes that only the plugin run produced
    core_diff: list[str]  # unified diff of everything else; empty when identical

    @property
    def plugin_codes(self) -> list[str]:
        return sorted({d.code for d in self.plugin_only if d.code})


def core_error_codes(python: Path) -> frozenset[str]:
    """The error codes mypy itself defines, from a process that never imports the plugin."""
    script = "from mypy.errorcodes import error_codes; print('\\n'.join(error_codes))"
    out = subprocess.run([str(python), "-c", script], stdout=subprocess.PIPE, text=True, check=True)
    return frozenset(out.stdout.split())


def compare(plain: RunResult, plugin: RunResult, core_codes: frozenset[str]) -> Comparison:
    plain_diags = parse(plain.stdout)
    plugin_diags = parse(plugin.stdout)
    core = core_codes | {d.code for d in plain_diags}
    plugin_only = [d for d in plugin_diags if d.code not in core]
    rest = [d for d in plugin_diags if d.code in core]
    diff = list(difflib.unified_diff(
        [str(d) for d in plain_diags], [str(d) for d in rest],
        "plain mypy", "mypy + plugin", lineterm="", n=1,
    ))
    return Comparison(plain_diags, plugin_only, diff)


def summarize(comparison: Comparison) -> list[str]:
    """Human-readable lines: plugin diagnostics (listed in full) and the core diff."""
    lines = [f"mypy's own diagnostics on this corpus: {len(comparison.plain)}"]
    if comparison.plugin_only:
        lines.append(
            f"plugin diagnostics: {len(comparison.plugin_only)} "
            f"(codes: {', '.join(comparison.plugin_codes) or '-'}); on this correct code "
            "they are false positives:"
        )
        lines += [f"  {d}" for d in comparison.plugin_only]
    else:
        lines.append("plugin diagnostics: none")
    if comparison.core_diff:
        lines.append("mypy's own diagnostics DIFFER with the plugin:")
        lines += [f"  {line}" for line in comparison.core_diff]
    else:
        lines.append("mypy's own diagnostics: identical with and without the plugin")
    return lines
