"""The `normalizer` argument parser: the program's own options and one subcommand per module
of `normalizer.cli.commands`."""

from __future__ import annotations

import argparse
import sys
from typing import IO, NoReturn

from .. import __version__
from .commands import COMMANDS
from .errors import EXIT_ERROR, PROG, error_line
from .stdio import write_stderr, write_stdout


class Parser(argparse.ArgumentParser):
    """Usage errors as one line, ``normalizer: error: ...``, exit status 2; help and version
    text that cannot be written is an error too (argparse would ignore it)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, error_line(f"{message} (see '{self.prog} --help')") + "\n")

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        if message:
            (write_stdout if file is sys.stdout else write_stderr)(message)


DESCRIPTION = """\
Precision-first OCR/misspelling correction, promo stripping and Unicode/layout
normalization for news text. Run `normalizer COMMAND --help` for a command's options.
"""

EPILOG = """\
examples:
  normalizer clean < article.txt > article.clean.txt
  normalizer check --format brief articles/
  normalizer clean --in-place --jobs 4 corpus/
  normalizer test seeds/
  normalizer explain Lavroy --context "a call with Sergey V. Lavroy"
  normalizer clean --help

exit status: 0 clean / success, 1 check or test found changes, 2 usage or file errors.
Configuration: normalizer.toml, .normalizer.toml or [tool.normalizer] in pyproject.toml
(nearest at or above the working directory), or --config FILE. See docs/cli.md.
"""


def build_parser() -> argparse.ArgumentParser:
    """The `normalizer` argument parser; each subcommand's ``handler`` is its ``run``."""
    fmt = argparse.RawDescriptionHelpFormatter
    parser = Parser(prog=PROG, description=DESCRIPTION, epilog=EPILOG, formatter_class=fmt)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", title="commands", parser_class=Parser
    )
    for command in COMMANDS:
        sub = subparsers.add_parser(
            command.NAME, help=command.HELP, description=command.DESCRIPTION,
            epilog=command.EPILOG, formatter_class=fmt,
        )
        command.add_arguments(sub)
        sub.set_defaults(handler=command.run)
    return parser
