"""Pair each stub file with the source file it describes.

STUBS_DIR may be a PEP 561 stub distribution root, whose `NAME-stubs`
directories are the stubbed packages (anything else beside them, such as a
layout for mypy_path, is ignored), or a mypy_path-style directory whose
packages and modules carry their import names. `pkg/mod.pyi` describes
`SOURCE_DIR/pkg/mod.py` or `SOURCE_DIR/pkg/mod/__init__.py`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

STUBS_SUFFIX = "-stubs"


@dataclass(frozen=True)
class ModulePair:
    stub: Path
    source: Path | None
    expected_source: Path


def stub_roots(stubs_dir: Path) -> list[tuple[Path, str]]:
    """(directory or file, import name) of each top-level stubbed package or module."""
    entries = sorted(p for p in stubs_dir.iterdir() if not p.name.startswith("."))
    distribution = [p for p in entries if p.is_dir() and p.name.endswith(STUBS_SUFFIX)]
    if distribution:
        return [(p, p.name[: -len(STUBS_SUFFIX)]) for p in distribution]
    return [(p, p.name) for p in entries if p.is_dir() or p.suffix == ".pyi"]


def pair_modules(stubs_dir: Path, source_dir: Path) -> list[ModulePair]:
    pairs: list[ModulePair] = []
    for root, import_name in stub_roots(stubs_dir):
        if root.is_file():
            pairs.append(_pair(root, Path(root.stem), source_dir))
            continue
        for stub in _stub_files(root):
            relative = Path(import_name) / stub.relative_to(root).with_suffix("")
            pairs.append(_pair(stub, relative, source_dir))
    return pairs


def _stub_files(root: Path) -> list[Path]:
    found = [
        Path(directory) / name
        for directory, _, names in os.walk(root, followlinks=True)
        for name in names
        if name.endswith(".pyi")
    ]
    return sorted(found)


def _pair(stub: Path, module_path: Path, source_dir: Path) -> ModulePair:
    if module_path.name == "__init__":
        candidates = [source_dir / module_path.with_suffix(".py")]
    else:
        candidates = [source_dir / module_path.with_suffix(".py"), source_dir / module_path / "__init__.py"]
    source = next((c for c in candidates if c.is_file()), None)
    return ModulePair(stub, source, candidates[0])
