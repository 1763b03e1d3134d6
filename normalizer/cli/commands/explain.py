"""`normalizer explain`: how the spelling stage judges one word."""

from __future__ import annotations

import argparse
import json

from ... import report
from ...pipeline import Normalizer, StageContext
from ..configuration import load_settings
from ..errors import EXIT_OK, UsageError
from ..options import add_engine_options
from ..stdio import write_stdout

NAME = "explain"
HELP = "show how one word is judged"
DESCRIPTION = "Show whether WORD is known, its candidates with scores, and the decision."
EPILOG = """\
examples:
  normalizer explain Lavroy
  normalizer explain Libva --context "the activities that are taking place in Libva"
  normalizer explain Biegun --format json
  normalizer explain Biegun --gazetteer names.tsv   after adding the name
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("word", metavar="WORD")
    parser.add_argument("--context", metavar="TEXT", help="the sentence the word appears in")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text (default) or json")
    add_engine_options(parser)


def _one_word(text: str) -> str:
    """`text` without surrounding spaces, refused unless it is one word."""
    words = text.split()
    if not words:
        raise UsageError("explain: WORD is empty; give one word, e.g. normalizer explain Lavroy")
    if len(words) > 1:
        raise UsageError(
            f"explain: give one word, not {len(words)} ({text!r}); "
            "put the sentence around it in --context"
        )
    return words[0]


def run(args: argparse.Namespace) -> int:
    from ... import spelling

    explain = getattr(spelling, "explain", None)
    if explain is None:
        raise UsageError("explain: this engine version has no normalizer.spelling.explain")
    word = _one_word(args.word)
    profile, options, _files = load_settings(args)
    normalizer = Normalizer(profile)
    context = StageContext(profile.with_overrides(**options), normalizer.lexicon)
    info = explain(word, args.context, context)
    if args.format == "json":
        write_stdout(json.dumps(info, ensure_ascii=False, indent=2) + "\n")
    else:
        write_stdout(report.explanation_text(info))
    return EXIT_OK
