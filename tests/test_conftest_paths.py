"""Which modules see conftest files: asked for every module of every run, so the
predicate takes a shortcut that must agree with the full rule."""

from __future__ import annotations

import os

import pytest

from mypy_awaitcheck.untyped.conftest_files import sees_conftests


@pytest.mark.parametrize(
    "path",
    [
        "tests/test_chat.py",
        "pkg/chat_test.py",
        "conftest.py",
        os.path.join("a", "b", "conftest.py"),
        "/abs/tests/unit/test_x.py",
    ],
)
def test_test_modules_and_conftests_see_conftests(path: str) -> None:
    assert sees_conftests(path)


@pytest.mark.parametrize(
    "path",
    [
        "pkg/chat.py",
        "tests/helpers.py",  # in a tests directory, but not a test module
        "tests/test_chat.pyi",
        "pkg/contest.py",
        "typeshed/stdlib/builtins.pyi",
        "pkg/testing.py",
        "pkg/latest_test.txt",
    ],
)
def test_other_modules_do_not(path: str) -> None:
    assert not sees_conftests(path)
