"""Runs mypy as users do: a subprocess with a config file, parsed into findings."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Final

_LINE: Final = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<severity>error|note): (?P<message>.*)$")
_CODE: Final = re.compile(r"  \[(?P<code>[a-z0-9-]+)\]$")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    severity: str
    message: str
    code: str | None


@dataclass(frozen=True)
class MypyRun:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def findings(self) -> list[Finding]:
        found = []
        for line in self.stdout.splitlines():
            match = _LINE.match(line)
            if match:
                code = _CODE.search(match["message"])
                found.append(
                    Finding(
                        Path(match["path"]).as_posix(),
                        int(match["line"]),
                        match["severity"],
                        match["message"],
                        code["code"] if code else None,
                    )
                )
        return found

    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "error"]


def run_mypy(
    *args: str | Path, cwd: Path, timeout: float = 600, env: dict[str, str] | None = None
) -> MypyRun:
    completed = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--show-traceback", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
    return MypyRun(completed.returncode, completed.stdout, completed.stderr)
