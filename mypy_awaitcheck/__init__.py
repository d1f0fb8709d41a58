"""mypy-awaitcheck: a mypy plugin that reports async misuse.

Enable it with ``plugins = mypy_awaitcheck`` (ini files) or
``plugins = ["mypy_awaitcheck"]`` (``[tool.mypy]`` in pyproject.toml).
Importing this module registers the plugin's error codes with mypy.
"""

from __future__ import annotations

from mypy.plugin import Plugin

from mypy_awaitcheck import errorcodes as errorcodes

# mypy's cache notices plugin changes only through this module's hash and this
# version: bump it whenever the plugin's findings can change.
__version__ = "0.2.4"


def plugin(version: str) -> type[Plugin]:
    from mypy_awaitcheck.main import AwaitCheckPlugin

    return AwaitCheckPlugin
