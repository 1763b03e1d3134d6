"""`normalizer clean`: write the clean text to stdout, to -o OUT, or in place."""

from __future__ import annotations

import argparse
import os
from functools import partial

from .. import corpus
from ..atomic import require_replaceable, write_atomic, write_output
from ..configuration import load_settings
from ..errors import EXIT_ERROR, EXIT_OK, FileError, UsageError
from ..options import add_engine_options, add_file_options, nonempty
from ..runner import Outcome, Settings, Worker, run_files
from ..stdio import write_stderr
from ..walk import Task, inputs, reads_stdin

NAME = "clean"
HELP = "write the clean text (stdout, -o FILE or --in-place)"
DESCRIPTION = "Clean text: stdin to stdout, files to stdout, to -o OUT, or in place."
EPILOG = """\
examples:
  normalizer clean < in.txt > out.txt          stdin to stdout
  normalizer clean article.txt -o clean.txt    one file to another
  normalizer clean -i corpus/ --jobs 4         rewrite every text file under corpus/
  normalizer clean --skip spelling -i a.txt    layout, Unicode and promo fixes only
  normalizer clean --mode suggest a.txt        apply nothing (see check for findings)
  normalizer clean --gazetteer names.tsv --allow Biegun a.txt
  normalizer clean archive/ --output-dir clean/ --executor dask --jobs 4
  normalizer clean news.jsonl --field body --output-dir clean/ --scheduler tcp://10.0.0.5:8786

Files are rewritten atomically and keep their mode, BOM, line endings and final newline.
Exit status: 0 success, 2 when any file could not be read or written (others still done).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or directories; none or '-' reads stdin")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("-o", "--output", metavar="OUT", type=nonempty,
                        help="write the one input's clean text here")
    target.add_argument("-i", "--in-place", action="store_true",
                        help="rewrite the files (atomically, keeping their mode)")
    target.add_argument("--output-dir", metavar="OUT", type=nonempty,
                        help="write each input's clean text to OUT, under the same relative "
                        "path; a rerun skips the inputs already done")
    add_engine_options(parser)
    add_file_options(parser, include=True)
    corpus.add_arguments(parser)


def clean_file(worker: Worker, task: Task, *, in_place: bool, output: str | None) -> Outcome:
    """Clean one file: its text to stdout, to `output`, or over itself when `in_place`
    (only when it changes)."""
    if in_place:  # before reading: a FIFO or device must not even be opened
        require_replaceable(task.path, "--in-place")
    text = worker.read(task)
    result = worker.normalize(text, task.path)
    outcome = worker.outcome(task.path, text, result)
    data = result.text.encode("utf-8")
    if output is not None:
        if outcome.changed or not _same_file(output, task.path):  # as -i: untouched if clean
            write_output(output, data)
    elif not in_place:
        outcome.stdout = result.text
    elif outcome.changed:
        try:
            write_atomic(task.path, data)
        except OSError as exc:
            raise FileError(task.path, f"cannot write: {exc.strerror or exc}") from None
    return outcome


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _check_targets(args: argparse.Namespace) -> None:
    if reads_stdin(args.paths) and args.in_place:
        raise UsageError("--in-place needs file names; stdin is cleaned to stdout")
    if args.output:
        if len(args.paths) > 1:
            raise UsageError("-o/--output takes one input; use --in-place for several files")
        if args.paths and os.path.isdir(args.paths[0]):
            raise UsageError(
                f"{args.paths[0]}: is a directory; -o writes one file, use --in-place"
            )
        if os.path.isdir(args.output):
            raise UsageError(f"{args.output}: is a directory; -o needs a file name")


def run(args: argparse.Namespace) -> int:
    profile, options, files = load_settings(args)
    corpus.check_arguments(args)
    if args.output_dir is not None:
        totals = corpus.run_to_folder(args, profile, options, files)
        if not args.quiet:
            write_stderr(totals.summary("processed"))
        return EXIT_ERROR if totals.errors else EXIT_OK
    _check_targets(args)
    handle = partial(clean_file, in_place=args.in_place, output=args.output)
    settings = Settings(handle, profile, options, files.max_file_size)
    totals = run_files(settings, inputs(args.paths, files), args.jobs, args.quiet)
    if not (args.quiet or reads_stdin(args.paths)):
        write_stderr(totals.summary("processed"))
    return EXIT_ERROR if totals.errors else EXIT_OK
