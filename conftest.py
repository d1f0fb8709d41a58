"""Root conftest: mypy's data-driven test plugin must be registered at the root."""

import os

pytest_plugins = ["mypy.test.data"]

# Exceptions inside the plugin's hooks are swallowed for users; tests see them.
os.environ["MYPY_AWAITCHECK_DEBUG"] = "1"
