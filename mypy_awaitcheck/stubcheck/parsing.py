"""Parse stub and source files with mypy's parser.

mypy's parser is used for both sides because it reads every syntax the
backend uses, including the Python 3.12 f-strings that the standard
library `ast` of older interpreters rejects, and it understands stubs.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass

from mypy.errors import Errors
from mypy.nodes import MypyFile
from mypy.options import Options
from mypy.parse import parse

PARSER_PYTHON_VERSION = (3, 12)


@dataclass(frozen=True)
class ParseFailure:
    line: int
    message: str


def parse_file(path: str) -> MypyFile | ParseFailure:
    """Return the syntax tree of `path`, or why it cannot be parsed."""
    try:
        with open(path, "rb") as handle:
            source = importlib.util.decode_source(handle.read())
    except (OSError, UnicodeDecodeError, SyntaxError) as error:
        return ParseFailure(0, f"cannot read file: {error}")
    options = Options()
    options.python_version = PARSER_PYTHON_VERSION
    errors = Errors(options)
    tree = parse(source, path, None, errors, options, eager=True)
    problems = [info for infos in errors.error_info_map.values() for info in infos]
    if problems:
        first = min(problems, key=lambda info: info.line)
        return ParseFailure(first.line, first.message)
    return tree
