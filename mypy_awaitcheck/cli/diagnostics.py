"""One mypy diagnostic as the legacy command handles it, read from mypy's JSON output.

mypy's JSON output (``-O json``) gives one line per error with the notes that
belong to it (mypy attaches a note to the error at the same file, line and
column, e.g. ``Maybe you forgot to use "await"?``), so no text is parsed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int
    column: int | None  # 1-based, as mypy prints it
    end_line: int | None
    end_column: int | None  # 1-based, inclusive
    severity: str  # "error", or "note" for a note attached to no error
    code: str | None
    message: str
    notes: tuple[str, ...] = ()

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def text_lines(self) -> list[str]:
        """mypy's text form: ``path:line:col: error: message  [code]``, then the notes."""
        where = f"{self.path}:{self.line}" + (f":{self.column}" if self.column is not None else "")
        code = f"  [{self.code}]" if self.code and self.is_error else ""
        return [f"{where}: {self.severity}: {self.message}{code}"] + [
            f"{where}: note: {note}" for note in self.notes
        ]


def parse_mypy_json_line(line: str) -> Diagnostic | None:
    """The diagnostic in one line of mypy's JSON output; ``None`` for any other line."""
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    try:
        return _from_record(record)
    except (KeyError, TypeError, ValueError):
        return None


def _from_record(record: dict[str, Any]) -> Diagnostic:
    column, end_line, end_column = int(record["column"]), int(record["end_line"]), int(record["end_column"])
    hint = record.get("hint")
    return Diagnostic(
        path=str(record["file"]),
        line=int(record["line"]),
        # mypy's JSON keeps its internal columns: 0-based start, exclusive end.
        column=column + 1 if column >= 0 else None,
        end_line=end_line if end_line >= 0 else None,
        end_column=end_column if end_line >= 0 and end_column >= 0 else None,
        severity=str(record["severity"]),
        code=record.get("code"),
        message=str(record["message"]),
        notes=tuple(str(hint).split("\n")) if hint else (),
    )
