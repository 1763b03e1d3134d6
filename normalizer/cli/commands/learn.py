"""`normalizer learn`: learn a collection's own names from its OCR text (no ground truth)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ...learn import (
    DEFAULT_BASE,
    LearnedCollection,
    learn_collection,
    render_files,
    render_report,
)
from ...profile import FileOptions, profile_names
from ..atomic import write_atomic
from ..errors import EXIT_ERROR, EXIT_OK, FileError, SkipFile, UsageError, note_line
from ..options import add_file_options
from ..textfile import read_text
from ..walk import Task, find_files

NAME = "learn"
HELP = "learn a collection's own names and OCR habits from its text (a profile for clean)"
DESCRIPTION = """\
Learn from the OCR text of a collection, with no ground truth: capitalized words the
collection prints in several documents, that the lexicon does not know and the engine reads
no other way, become trusted names (protected, and correction targets); rare spellings within
two OCR confusions of one are listed as corpus candidates; confusions the engine's confident
fixes show more often than its channel assumes become the collection's OCR habits; spellings
the engine corrects to one word in most of their occurrences become corpus corrections (made
in every occurrence). The result is a profile: OUT (extending --base) and, beside it, OUT's
stem + .names.tsv, .confusions.tsv, .ngrams.tsv (the n-grams of the clean text, read with
--context), .corrections.tsv and .candidates.tsv. See docs/cli.md."""
EPILOG = """\
examples:
  normalizer learn corpus/ -o collection.toml          learn, write the profile
  normalizer learn corpus/ -o collection.toml --report also print what was learned
  normalizer learn corpus/ --report                    audit only, write nothing
  normalizer learn archive/ -o coll.toml --executor dask --jobs 4
  normalizer learn archive/ -o coll.toml --scheduler tcp://10.0.0.5:8786
  normalizer clean --profile collection.toml -i corpus/

Learning twice from the same files writes the same bytes. Exit status: 0 success, 2 usage
or file errors (files that cannot be read are reported; the others are still learned from).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="the profile to write (a .toml file); its data files go beside it")
    parser.add_argument("--base", default=DEFAULT_BASE, choices=profile_names(),
                        help="the named profile the collection extends (default %(default)s)")
    parser.add_argument("--report", action="store_true",
                        help="print everything learned, with counts, to stdout")
    parser.add_argument("--context", action="store_true",
                        help="mix the collection's clean-text n-grams into the context model "
                        "(writes the context-counts key; off by default: see docs/cli.md)")
    parser.add_argument("--executor", choices=("local", "dask"), default="local",
                        help="local: --jobs processes on this machine (default); dask: a Dask "
                        "cluster, local with --jobs workers or the one at --scheduler")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                        help="the scheduler of a running Dask cluster (implies --executor dask)")
    add_file_options(parser, include=True)


def _read_corpus(args: argparse.Namespace, files: FileOptions) -> tuple[list[str], int]:
    """The texts of every file under the PATH arguments, and how many could not be read."""
    texts: list[str] = []
    errors = 0
    for item in find_files(args.paths, files):
        try:
            if not isinstance(item, Task):
                raise item
            texts.append(read_text(item.path, files.max_file_size, explicit=item.explicit))
        except SkipFile as exc:
            if not args.quiet:
                sys.stderr.write(note_line(str(exc)) + "\n")
        except FileError as exc:
            errors += 1
            sys.stderr.write(f"{exc}\n")
    return texts, errors


def _learn(args: argparse.Namespace, texts: list[str]) -> LearnedCollection:
    """Learn here (`--jobs` processes) or on a Dask cluster (`--executor dask`)."""
    if args.executor == "local" and not args.scheduler:
        return learn_collection(texts, args.base, args.jobs)
    from ...dask import MISSING_EXTRA, cluster_client

    try:
        with cluster_client(args.scheduler, args.jobs) as client:
            return learn_collection(texts, args.base, client=client)
    except ImportError:
        raise UsageError(MISSING_EXTRA) from None
    except OSError as exc:
        raise UsageError(f"cannot reach the Dask scheduler {args.scheduler}: {exc}") from None


def run(args: argparse.Namespace) -> int:
    if not args.output and not args.report:
        raise UsageError("nothing to do: give -o OUT to write a profile, or --report")
    if args.output and not args.output.endswith(".toml"):
        raise UsageError(f"{args.output}: the profile must be a .toml file")
    include = tuple(args.include) or FileOptions().include
    files = FileOptions(include=include, exclude=tuple(args.exclude),
                        max_file_size=args.max_file_size or FileOptions().max_file_size)
    texts, errors = _read_corpus(args, files)
    if not texts:
        raise UsageError("no readable text files to learn from")
    learned = _learn(args, texts)
    if args.output:
        for path, text in render_files(learned, Path(args.output), args.context).items():
            try:
                write_atomic(str(path), text.encode("utf-8"))
            except OSError as exc:
                raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if args.report:
        sys.stdout.write(render_report(learned))
    if not args.quiet:
        sys.stderr.write(note_line(
            f"learned from {learned.documents} documents: {len(learned.names)} trusted names, "
            f"{len(learned.candidates)} corpus candidates, {len(learned.rates)} OCR habits, "
            f"{len(learned.ngrams)} n-grams of clean text, "
            f"{len(learned.corrections)} corpus corrections")
            + "\n")
    return EXIT_ERROR if errors else EXIT_OK
