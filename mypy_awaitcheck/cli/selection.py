"""Which mypy diagnostics are async misuse: what the legacy command reports.

- every error code of the plugin (``errorcodes.ALL_CODES``, read at each run so
  that new codes are picked up without touching this module);
- mypy's own async codes: ``unused-coroutine``, ``unused-awaitable``,
  ``await-not-async``;
- any error that mypy annotates with ``Maybe you forgot to use "await"?``
  (``attr-defined``, ``index``, ``arg-type``, ``assignment``... on a coroutine);
- mypy's generic ``[misc]`` errors for ``await``, ``async with`` and
  ``async for`` on objects that do not support them;
- ``attr-defined`` errors about the async protocol methods (``async with`` on a
  synchronous context manager, ``async for`` over a plain iterable, ``for`` over
  an async iterator), and ``async with``/``async for`` outside an async function.

Everything else mypy reports is left out.
"""

from __future__ import annotations

import re
from typing import Final

from mypy_awaitcheck import errorcodes
from mypy_awaitcheck.cli.diagnostics import Diagnostic

MYPY_ASYNC_CODES: Final = frozenset({"unused-coroutine", "unused-awaitable", "await-not-async"})
MISSING_AWAIT_NOTE: Final = 'Maybe you forgot to use "await"?'
MISC_ASYNC_PREFIXES: Final = (
    'Incompatible types in "await"',
    'Incompatible types in "async with"',
    'Incompatible types in "async for"',
)
ASYNC_PROTOCOL_METHOD: Final = re.compile(r'"__(?:aenter|aexit|aiter|anext)__"')
OUTSIDE_ASYNC_FUNCTION: Final = frozenset(
    {'"async for" outside async function', '"async with" outside async function'}
)


def plugin_codes() -> frozenset[str]:
    return frozenset(code.code for code in errorcodes.ALL_CODES)


def is_async_misuse(diagnostic: Diagnostic, ours: frozenset[str]) -> bool:
    code, message = diagnostic.code, diagnostic.message
    if code in ours:
        return True
    if not diagnostic.is_error:
        return False
    return (
        code in MYPY_ASYNC_CODES
        or MISSING_AWAIT_NOTE in diagnostic.notes
        or (code == "misc" and message.startswith(MISC_ASYNC_PREFIXES))
        or (code == "attr-defined" and ASYNC_PROTOCOL_METHOD.search(message) is not None)
        or message in OUTSIDE_ASYNC_FUNCTION
    )


def select_async_misuse(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    ours = plugin_codes()
    return [diagnostic for diagnostic in diagnostics if is_async_misuse(diagnostic, ours)]
