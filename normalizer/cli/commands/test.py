"""`normalizer test`: golden files, NAME.input.txt cleaned must equal NAME.expected.txt."""

from __future__ import annotations

import argparse
import os

from ... import report
from ...profile import FileOptions
from ..configuration import load_settings
from ..errors import FileError, SkipFile, UsageError
from ..options import add_engine_options, add_file_options
from ..runner import Outcome, Settings, Worker, run_files
from ..stdio import write_stderr
from ..walk import Item, Task, find_files

NAME = "test"
HELP = "golden files: NAME.input.txt cleaned must equal NAME.expected.txt"
DESCRIPTION = "Clean every NAME.input.txt and compare it with NAME.expected.txt."
EPILOG = """\
examples:
  normalizer test                    every NAME.input.txt under the working directory
  normalizer test seeds/ my-cases/   cases in two folders
  normalizer test --gazetteer names.tsv --profile house.toml cases/

A case is NAME.input.txt with NAME.expected.txt next to it; inputs without an expected
file are skipped with a note. A mismatch prints a unified diff (expected vs cleaned).
Exit status: 0 all cases pass, 1 some case differs, 2 no cases found or file errors.
"""

INPUT_SUFFIX, EXPECTED_SUFFIX = ".input.txt", ".expected.txt"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dirs", nargs="*", metavar="DIR",
                        help="folders (walked) or NAME.input.txt files; default: .")
    add_engine_options(parser)
    add_file_options(parser, include=False)


def expected_name(input_path: str) -> str:
    """``NAME.expected.txt`` for ``NAME.input.txt``."""
    return input_path[: -len(INPUT_SUFFIX)] + EXPECTED_SUFFIX


def run_case(worker: Worker, task: Task) -> Outcome:
    """Clean one case's input; `changed` and a diff on stdout when it differs from expected."""
    expected_path = expected_name(task.path)
    text = worker.read(Task(task.path))
    expected = worker.read(Task(expected_path))
    result = worker.normalize(text, task.path)
    diff = report.unified_diff(
        task.path, expected, result.text, labels=(expected_path, f"{task.path} (cleaned)")
    )
    outcome = worker.outcome(task.path, text, result, diff)
    outcome.changed = bool(diff)
    return outcome


def _cases(paths: list[str], files: FileOptions) -> list[Item]:
    """The cases under `paths` (folders, or NAME.input.txt files named explicitly)."""
    items: list[Item] = []
    for path in paths:
        if not os.path.exists(path):
            items.append(FileError(path, "no such directory"))
        elif not (os.path.isdir(path) or path.endswith(INPUT_SUFFIX)):
            items.append(FileError(path, f"not a directory or a NAME{INPUT_SUFFIX} file"))
        else:
            items.extend(find_files([path], files, include=("*" + INPUT_SUFFIX,)))
    for index, item in enumerate(items):
        if isinstance(item, Task) and not os.path.isfile(expected_name(item.path)):
            name = os.path.basename(expected_name(item.path))
            items[index] = SkipFile(item.path, f"no {name}")
    if not any(isinstance(item, Task | FileError) for item in items):
        raise UsageError(
            f"no NAME{INPUT_SUFFIX} with a NAME{EXPECTED_SUFFIX} found in " + ", ".join(paths)
        )
    return items


def run(args: argparse.Namespace) -> int:
    profile, options, files = load_settings(args)
    settings = Settings(run_case, profile, options, files.max_file_size)
    totals = run_files(settings, _cases(args.dirs or ["."], files), args.jobs, args.quiet)
    if not args.quiet:
        write_stderr(
            report.cases_summary_line(totals.files, totals.changed, totals.errors)
        )
    return totals.status()
