"""``--list-codes``: one line per error code, in ``errorcodes.ALL_CODES`` order.

Each line is ``CODE  on|off  SUMMARY`` in aligned columns; the summary is the
code's description. The README's code table is checked against this output.
"""

from __future__ import annotations

from mypy.errorcodes import ErrorCode

from mypy_awaitcheck import errorcodes


def default_state(code: ErrorCode) -> str:
    return "on" if code.default_enabled else "off"


def print_codes() -> int:
    print(render_codes(), end="")
    return 0


def render_codes() -> str:
    codes = errorcodes.ALL_CODES
    width = max((len(code.code) for code in codes), default=0)
    return "".join(
        f"{code.code:<{width}}  {default_state(code):<3}  {code.description}\n" for code in codes
    )
