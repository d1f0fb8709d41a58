"""The cheap look for unchecked bodies must find every one that the full walk finds."""

from __future__ import annotations

import textwrap

import pytest

from mypy_awaitcheck.untyped.walk import has_unchecked_function, walk_module
from tests.test_value_use import parse

_ANNOTATED = """
import contextlib
class Service:
    def start(self) -> None: ...
async def main() -> None:
    with contextlib.suppress(Exception):
        pass
"""


@pytest.mark.parametrize(
    "nested",
    [
        "def helper():\n    pass",
        "class Inner:\n    def method(self):\n        pass",
        "try:\n    pass\nexcept Exception:\n    def fallback(x):\n        return x",
        "with contextlib.suppress(Exception):\n    def in_with(x):\n        return x",
        "for _ in range(3):\n    def in_loop():\n        pass",
        "if True:\n    def in_if():\n        pass",
        "if True:\n    pass\nelif False:\n    def in_elif():\n        pass",
        "if True:\n    pass\nelse:\n    def in_else():\n        pass",
        "@contextlib.contextmanager\ndef decorated():\n    yield",
    ],
)
def test_finds_an_unannotated_function_nested_anywhere(nested: str) -> None:
    inner = textwrap.indent(nested, "    ")
    tree = parse(_ANNOTATED + f"async def outer() -> None:\n{inner}\n")
    assert walk_module(tree).unchecked
    assert has_unchecked_function(tree)


def test_annotated_modules_need_no_walk() -> None:
    tree = parse(_ANNOTATED + "async def outer() -> None:\n    def inner() -> int:\n        return 1\n")
    assert not walk_module(tree).unchecked
    assert not has_unchecked_function(tree)
