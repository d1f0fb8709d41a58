"""Environments and corpus: the private venv, the smoke environment, the corpus copy.

Network use is limited to ``pip install`` from the configured index. Each environment keeps
a stamp of what it was built from, so later runs skip pip entirely unless the pinned
requirements (or the plugin's pyproject.toml) change.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import venv
from pathlib import Path

from . import layout


class SetupError(Exception):
    """Raised with a one-line explanation when an environment cannot be built."""


def _stamp_for(*parts: str | Path) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.read_bytes() if isinstance(part, Path) and part.exists() else str(part).encode()
        digest.update(data + b"\0")
    return digest.hexdigest()


def _is_current(stamp_file: Path, stamp: str) -> bool:
    return stamp_file.exists() and stamp_file.read_text().strip() == stamp


def _pip(python: str | Path, *args: str) -> None:
    cmd = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", *args]
    print("+", " ".join(cmd), flush=True)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        raise SetupError(f"pip failed ({proc.returncode}):\n{proc.stdout.strip()}")


def venv_python(env_dir: Path) -> Path:
    return env_dir / "bin" / "python"


def site_packages(python: Path) -> Path:
    out = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, stdout=subprocess.PIPE, text=True,
    ).stdout
    return Path(out.strip())


def _plugin_sources() -> list[Path]:
    package = layout.REPO_DIR / "mypy_awaitcheck"
    return [layout.REPO_DIR / "pyproject.toml", *sorted(package.rglob("*.py"))]


def ensure_full_env(require_plugin: bool, force: bool = False) -> Path:
    """Create/refresh ``bench/.venv`` (pinned corpus + deps + mypy, plugin from the checkout).

    The plugin is installed as users get it (a regular, non-editable install with
    compiled bytecode): an editable install adds setuptools' import finder to every
    run, which users don't pay. So pip reinstalls the plugin whenever its sources
    change, and reinstalls the pinned requirements only when requirements.txt does.
    Without a pyproject.toml (the plugin not written yet) only a dry run with a
    stand-in can work.
    """
    pyproject = layout.REPO_DIR / "pyproject.toml"
    if require_plugin and not pyproject.exists():
        raise SetupError(
            f"{pyproject} does not exist yet, so the plugin cannot be installed; "
            "pass --plugin PATH/TO/stand_in.py for a dry run"
        )
    python = venv_python(layout.VENV_DIR)
    requirements_stamp = _stamp_for(layout.REQUIREMENTS)
    requirements_file = layout.VENV_DIR / "bench-stamp.txt"
    if force or not python.exists() or not _is_current(requirements_file, requirements_stamp):
        if not python.exists():
            print(f"creating {layout.VENV_DIR}", flush=True)
            venv.EnvBuilder(with_pip=True, clear=True).create(layout.VENV_DIR)
        _pip(python, "-r", str(layout.REQUIREMENTS))
        requirements_file.write_text(requirements_stamp + "\n")
    if not pyproject.exists():
        return python
    plugin_stamp = _stamp_for(*_plugin_sources())
    plugin_file = layout.VENV_DIR / "bench-plugin-stamp.txt"
    if force or not _is_current(plugin_file, plugin_stamp):
        # The pins double as constraints, so the plugin cannot drag in another mypy.
        _pip(
            python, "--force-reinstall", "--no-deps", "-c", str(layout.REQUIREMENTS),
            str(layout.REPO_DIR),
        )
        plugin_file.write_text(plugin_stamp + "\n")
    return python


def ensure_smoke_env(requirements: tuple[str, ...], force: bool = False) -> Path:
    """Create ``bench/.smoke/venv`` holding only the smoke packages and their pinned deps.

    The venv has no pip and no mypy: the caller's interpreter runs mypy and pip, and the
    venv only serves as mypy's ``--python-executable`` so that imports resolve.
    """
    env_dir = layout.SMOKE_DIR / "venv"
    python = venv_python(env_dir)
    stamp = _stamp_for(layout.REQUIREMENTS, " ".join(requirements), sys.version)
    stamp_file = env_dir / "bench-stamp.txt"
    if not force and python.exists() and _is_current(stamp_file, stamp):
        return python
    venv.EnvBuilder(with_pip=False, clear=True).create(env_dir)
    _pip(
        sys.executable, "--target", str(site_packages(python)),
        "-c", str(layout.REQUIREMENTS), *requirements,
    )
    stamp_file.write_text(stamp + "\n")
    return python


def _keep_sources(directory: str, names: list[str]) -> list[str]:
    """shutil.copytree ignore-callback: keep sub-packages and Python sources only."""
    base = Path(directory)
    return [
        n for n in names
        if not ((base / n).is_dir() and n != "__pycache__")
        and not n.endswith((".py", ".pyi"))
        and n != "py.typed"
    ]


def build_corpus(python: Path, packages: tuple[str, ...], dest: Path) -> dict[str, int]:
    """Copy the packages' sources out of site-packages into dest; return {package: lines}.

    mypy silences errors in site-packages, so checking the installed copies would
    measure (and show) nothing; the copy is checked as ordinary user code instead.
    Recopied on every run, which also restores the module the edit scenarios touch.
    """
    source_root = site_packages(python)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    lines = {}
    for package in packages:
        src = source_root / package
        if not (src / "__init__.py").exists():
            raise SetupError(f"{package} is not installed in {source_root}")
        shutil.copytree(src, dest / package, ignore=_keep_sources)
        lines[package] = sum(
            len(f.read_bytes().splitlines()) for f in (dest / package).rglob("*.py")
        )
    return lines
