"""The hook getters the plugin has no hook for answer None from C (``main.UNUSED_GETTERS``)."""

from __future__ import annotations

import inspect

import pytest
from mypy.options import Options
from mypy.plugin import Plugin

from mypy_awaitcheck.main import UNUSED_GETTERS, AwaitCheckPlugin


@pytest.mark.parametrize("getter", UNUSED_GETTERS)
def test_mypy_asks_with_the_name_alone(getter: str) -> None:
    # ``{}.get(name, default)`` would hand mypy the default as a hook: the answer is
    # right only while each getter takes one argument, on every mypy version tested.
    assert list(inspect.signature(getattr(Plugin, getter)).parameters) == ["self", "fullname"]


@pytest.mark.parametrize("getter", UNUSED_GETTERS)
def test_the_plugin_has_no_hook_of_its_own_there(getter: str) -> None:
    assert getter not in vars(AwaitCheckPlugin)


def test_the_instance_answers_none_without_a_python_frame() -> None:
    plugin = AwaitCheckPlugin(Options())
    for getter in UNUSED_GETTERS:
        answer = getattr(plugin, getter)
        assert answer("dataclasses.dataclass") is None
        assert inspect.isbuiltin(answer)
