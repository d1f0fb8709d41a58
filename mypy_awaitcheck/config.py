"""The plugin's own configuration: ``[tool.mypy_awaitcheck]`` or ``[mypy_awaitcheck]``.

It lives in mypy's config file (whichever mypy found or was given). mypy's own
``--enable-error-code``/``--disable-error-code`` validate code names before plugins
load, so the plugin has its own ``enable``/``disable`` lists. Bad input ends the
run with one line naming the file and the key, never a traceback.
"""

from __future__ import annotations

import configparser
import sys
from typing import Any, Final

from mypy_awaitcheck.errorcodes import CODES_BY_NAME

if sys.version_info >= (3, 11):
    import tomllib
else:  # mypy itself depends on tomli below Python 3.11
    import tomli as tomllib

SECTION: Final = "mypy_awaitcheck"
TOML_TABLE: Final = "tool.mypy_awaitcheck"


class ConfigError(Exception):
    """A problem with the user's configuration, reported as one line."""


class AwaitCheckConfig:
    """The parsed section. A plain class: it is imported on every run, also fully
    cached ones, where a NamedTuple's creation alone costs ~0.2 ms."""

    __slots__ = ("enable", "disable", "consumers")

    def __init__(
        self,
        enable: frozenset[str] = frozenset(),
        disable: frozenset[str] = frozenset(),
        consumers: frozenset[str] = frozenset(),
    ) -> None:
        self.enable = enable
        self.disable = disable
        self.consumers = consumers

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AwaitCheckConfig):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # compared by value, never a key

    def __repr__(self) -> str:
        return f"AwaitCheckConfig({self._describe(', ')})"

    def report_data(self) -> str | None:
        """What mypy stores in its cache, so that a config change invalidates it.

        mypy asks for it and round-trips it through JSON for every module of every
        run, also fully cached ones: a short string, and None (what a plugin without
        settings says) for the default configuration.
        """
        if not any(self._fields().values()):
            return None
        return self._describe("; ")

    def _fields(self) -> dict[str, list[str]]:
        return {
            "enable": sorted(self.enable),
            "disable": sorted(self.disable),
            "consumers": sorted(self.consumers),
        }

    def _describe(self, separator: str) -> str:
        return separator.join(f"{key}={','.join(names)}" for key, names in self._fields().items())


def _code_list(key: str, value: object) -> frozenset[str]:
    names = _string_list(key, value)
    unknown = sorted(names - CODES_BY_NAME.keys())
    if unknown:
        known = ", ".join(sorted(CODES_BY_NAME))
        raise ConfigError(f"{key}: unknown error code {unknown[0]!r} (known codes: {known})")
    return names


def _fullname_list(key: str, value: object) -> frozenset[str]:
    names = _string_list(key, value)
    for name in names:
        if not all(part.isidentifier() for part in name.split(".")):
            raise ConfigError(f"{key}: {name!r} is not a dotted name such as 'pkg.mod.func'")
    return names


def _string_list(key: str, value: object) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset(item.strip() for item in value.split(",") if item.strip())
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return frozenset(item.strip() for item in value if item.strip())
    raise ConfigError(f"{key}: expected a list of strings, got {type(value).__name__}")


_KEY_PARSERS: Final = {
    "enable": _code_list,
    "disable": _code_list,
    "consumers": _fullname_list,
}


def parse_section(section: dict[str, Any]) -> AwaitCheckConfig:
    unknown = sorted(section.keys() - _KEY_PARSERS.keys())
    if unknown:
        known = ", ".join(sorted(_KEY_PARSERS))
        raise ConfigError(f"unknown key {unknown[0]!r} (known keys: {known})")
    values = {key: parse(key, section[key]) for key, parse in _KEY_PARSERS.items() if key in section}
    config = AwaitCheckConfig(**values)
    both = sorted(config.enable & config.disable)
    if both:
        raise ConfigError(f"error code {both[0]!r} is both enabled and disabled")
    return config


def read_section(config_file: str) -> dict[str, Any]:
    """The plugin's section of a mypy config file, empty when there is none."""
    try:
        if config_file.endswith(".toml"):
            with open(config_file, "rb") as stream:
                document = tomllib.load(stream)
            section = document.get("tool", {}).get(SECTION, {})
            if not isinstance(section, dict):
                raise ConfigError(f"[{TOML_TABLE}] must be a table")
            return section
        parser = configparser.RawConfigParser()
        parser.read(config_file, encoding="utf-8")
        return dict(parser[SECTION]) if parser.has_section(SECTION) else {}
    except (OSError, tomllib.TOMLDecodeError, configparser.Error) as error:
        raise ConfigError(f"cannot read the file: {error}") from error


def load_config(config_file: str | None) -> AwaitCheckConfig:
    """The effective configuration; exits with one clear line on bad input."""
    if not config_file:
        return AwaitCheckConfig()
    try:
        return parse_section(read_section(config_file))
    except ConfigError as error:
        where = TOML_TABLE if config_file.endswith(".toml") else SECTION
        print(f"mypy_awaitcheck: error: {config_file}: [{where}] {error}", file=sys.stderr)
        raise SystemExit(2) from None
