"""The legacy command's three output formats: ``text``, ``json`` and ``github``.

- text: mypy's own lines (``path:line:col: error: message  [code]`` and the notes
  attached to it), then a summary line like mypy's (unless ``--no-error-summary``);
- json: one JSON document, ``{"findings": [...], "summary": {...}}``; columns are
  1-based, ``null`` when mypy has none;
- github: one ``::error`` workflow command per finding (GitHub Actions turns it
  into an annotation on the line), then the summary line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from mypy_awaitcheck.cli.diagnostics import Diagnostic


@dataclass(frozen=True)
class Report:
    findings: list[Diagnostic]
    checked_sources: int
    show_summary: bool = True

    @property
    def errors(self) -> list[Diagnostic]:
        return [finding for finding in self.findings if finding.is_error]

    @property
    def files_with_errors(self) -> int:
        return len({finding.path for finding in self.errors})

    def summary(self) -> str:
        checked = _plural(self.checked_sources, "source file")
        if not self.errors:
            return f"Success: no async misuse found in {checked}"
        return (
            f"Found {_plural(len(self.errors), 'async-misuse error')} in"
            f" {_plural(self.files_with_errors, 'file')} (checked {checked})"
        )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def render_text(report: Report) -> str:
    lines = [line for finding in report.findings for line in finding.text_lines()]
    if report.show_summary:
        lines.append(report.summary())
    return "".join(f"{line}\n" for line in lines)


def render_json(report: Report) -> str:
    document = {
        "findings": [
            {
                "file": finding.path,
                "line": finding.line,
                "column": finding.column,
                "end_line": finding.end_line,
                "end_column": finding.end_column,
                "severity": finding.severity,
                "code": finding.code,
                "message": finding.message,
                "notes": list(finding.notes),
            }
            for finding in report.findings
        ],
        "summary": {
            "errors": len(report.errors),
            "files": report.files_with_errors,
            "checked_sources": report.checked_sources,
        },
    }
    return json.dumps(document, indent=2) + "\n"


def render_github(report: Report) -> str:
    lines = [_workflow_command(finding) for finding in report.findings]
    if report.show_summary:
        lines.append(report.summary())
    return "".join(f"{line}\n" for line in lines)


def _workflow_command(finding: Diagnostic) -> str:
    command = "error" if finding.is_error else "notice"
    properties = {"file": finding.path, "line": str(finding.line)}
    if finding.column is not None:
        properties["col"] = str(finding.column)
    if finding.end_line is not None:
        properties["endLine"] = str(finding.end_line)
        if finding.end_column is not None and finding.end_line == finding.line:
            properties["endColumn"] = str(finding.end_column)
    properties["title"] = f"mypy-awaitcheck [{finding.code}]" if finding.code else "mypy-awaitcheck"
    rendered = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    message = "\n".join((finding.message, *finding.notes))
    return f"::{command} {rendered}::{_escape_data(message)}"


def _escape_data(value: str) -> str:
    # GitHub's escaping for workflow commands (as in @actions/core).
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


RENDERERS: Final[dict[str, Callable[[Report], str]]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
}
