"""`normalizer check`: change nothing, report what `clean` would change."""

from __future__ import annotations

import argparse
import json
from functools import partial

from ... import __version__, report
from ..configuration import load_settings
from ..options import add_engine_options, add_file_options
from ..runner import Outcome, Settings, Worker, run_files
from ..stdio import write_stderr, write_stdout
from ..walk import Task, inputs

NAME = "check"
HELP = "report what clean would change (exit 1 if anything)"
DESCRIPTION = "Change nothing; report what `clean` would do, per file."
EPILOG = """\
examples:
  normalizer check articles/                   unified diff of what clean would change
  normalizer check -f brief a.txt              a.txt:3:57: Lavroy -> Lavrov (ocr.gazetteer)
  normalizer check -f github .                 GitHub Actions annotations
  normalizer check -f json a.txt | jq .fixes   one JSON object per file and line
  normalizer check -f sarif . > normalizer.sarif   for code-scanning dashboards
  normalizer check --strict -f brief docs/     suggestions fail the check too
  git diff --name-only | normalizer check -f brief $(cat)

Exit status: 0 every file is clean, 1 some file would change (with --strict: or has a
suggestion), 2 usage or file errors.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or directories; none or '-' reads stdin")
    parser.add_argument("-f", "--format", choices=report.FORMATS, default="diff",
                        help="diff: unified diff (default); json: one object per file and "
                        "line; github: workflow annotations; brief: path:line:col: old -> new "
                        "(rule); sarif: one SARIF 2.1.0 log for code scanning")
    parser.add_argument("--strict", action="store_true",
                        help="suggestions fail the check too (exit 1), not only fixes")
    add_engine_options(parser)
    add_file_options(parser, include=True)


def check_file(worker: Worker, task: Task, *, fmt: str) -> Outcome:
    """Report one file in format `fmt` (one of `report.FORMATS`)."""
    text = worker.read(task)
    result = worker.normalize(text, task.path)
    return worker.outcome(task.path, text, result, report.render(fmt, task.path, text, result))


def run(args: argparse.Namespace) -> int:
    profile, options, files = load_settings(args)
    settings = Settings(partial(check_file, fmt=args.format), profile, options,
                        files.max_file_size)
    sarif: list[dict] = []
    out = (lambda line: sarif.extend(json.loads(line))) if args.format == "sarif" else None
    totals = run_files(settings, inputs(args.paths, files), args.jobs, args.quiet, out=out)
    if args.format == "sarif":
        write_stdout(report.sarif_log(sarif, __version__))
    if not args.quiet:
        write_stderr(totals.summary("checked"))
    return totals.status(strict=args.strict)
