"""Command line: `python -m mypy_awaitcheck.stubcheck STUBS_DIR SOURCE_DIR`.

Prints one line per finding, `STUB_FILE:LINE: CODE: MESSAGE [source:
SOURCE_FILE:LINE]`, then a summary line. Exit status: 0 when stubs and
source agree, 1 when there is any finding, 2 on a usage error (reported in
one line on stderr).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from mypy_awaitcheck.stubcheck.compare import compare_modules
from mypy_awaitcheck.stubcheck.discovery import ModulePair, pair_modules
from mypy_awaitcheck.stubcheck.extract import extract_module
from mypy_awaitcheck.stubcheck.model import Finding, Location
from mypy_awaitcheck.stubcheck.parsing import ParseFailure, parse_file

PROG = "python -m mypy_awaitcheck.stubcheck"
EXIT_CLEAN, EXIT_MISMATCH, EXIT_USAGE = 0, 1, 2


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _OneLineParser(
        prog=PROG, description="Compare typing stubs with the source they describe, statically."
    )
    parser.add_argument("stubs_dir", metavar="STUBS_DIR", type=Path,
                        help="stub distribution root (with NAME-stubs dirs) or mypy_path-style dir")
    parser.add_argument("source_dir", metavar="SOURCE_DIR", type=Path,
                        help="directory holding the implementation's top-level packages")
    args = parser.parse_args(argv)
    for label, directory in (("STUBS_DIR", args.stubs_dir), ("SOURCE_DIR", args.source_dir)):
        if not directory.is_dir():
            parser.error(f"{label} {directory} is not a directory")
    pairs = pair_modules(args.stubs_dir, args.source_dir)
    if not pairs:
        parser.error(f"STUBS_DIR {args.stubs_dir} holds no .pyi files")
    findings = [finding for pair in pairs for finding in check_pair(pair)]
    for finding in findings:
        print(finding.render())
    print(f"{len(findings)} mismatch(es) in {len(pairs)} stub module(s)")
    return EXIT_MISMATCH if findings else EXIT_CLEAN


def check_pair(pair: ModulePair) -> list[Finding]:
    stub_path, expected = str(pair.stub), str(pair.expected_source)
    if pair.source is None:
        return [Finding("missing-source-module", Location(stub_path, 1), Location(expected, 0),
                        "the stubbed module has no source file")]
    source_path = str(pair.source)
    stub_tree, source_tree = parse_file(stub_path), parse_file(source_path)
    if isinstance(stub_tree, ParseFailure):
        return [_unparseable("stub", stub_tree, Location(stub_path, stub_tree.line), Location(source_path, 0))]
    if isinstance(source_tree, ParseFailure):
        return [_unparseable("source", source_tree, Location(stub_path, 0), Location(source_path, source_tree.line))]
    return compare_modules(extract_module(stub_tree, stub_path), extract_module(source_tree, source_path))


def _unparseable(side: str, failure: ParseFailure, stub: Location, source: Location) -> Finding:
    return Finding("unparseable", stub, source, f"cannot parse the {side} file: {failure.message}")


def run() -> NoReturn:
    sys.exit(main())
