"""What reading a document as Markdown or reST costs against reading it as plain text.

Runs the default engine over the same file twice, as plain text (`format="text"`) and in its
own format (`format="markdown"` or `"rst"`), and prints the best time of each over a few
repeats and the ratio. The format-aware path parses the document (markdown-it-py, docutils)
and masks its structure, but then has less text to check; the budget is 1.5x.

    python bench/formats_speed.py                       # the Markdown files of tests/cases/docs
    python bench/formats_speed.py README.md docs/*.md --repeats 5
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from normalizer import Normalizer  # noqa: E402
from normalizer.formats import resolve_format  # noqa: E402

DEFAULT_FILES = sorted((ROOT / "tests" / "cases" / "docs").glob("*.md"))
DEFAULT_FILES = [p for p in DEFAULT_FILES if p.name != "README.md"]


def best_time(engine: Normalizer, text: str, fmt: str, repeats: int) -> float:
    """The fastest of `repeats` runs of the engine over `text` read as `fmt`, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        engine.normalize(text, format=fmt)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--repeats", type=int, default=5, help="runs per file and path")
    args = parser.parse_args(argv)
    engine = Normalizer()
    engine.normalize("warm up the lexicon and caches.")
    print("| file | KB | text ms | format-aware ms | ratio |")
    print("|---|---:|---:|---:|---:|")
    total_text = total_format = 0.0
    for path in args.files:
        text = path.read_text(encoding="utf-8")
        fmt = resolve_format("auto", path.name)
        engine.normalize(text, format=fmt)  # parsers imported, caches warm
        plain = best_time(engine, text, "text", args.repeats)
        aware = best_time(engine, text, fmt, args.repeats)
        total_text += plain
        total_format += aware
        print(f"| {path.name} | {len(text.encode()) / 1024:.1f} | {plain * 1000:.1f} | "
              f"{aware * 1000:.1f} | {aware / plain:.2f} |")
    print(f"| all | | {total_text * 1000:.1f} | {total_format * 1000:.1f} | "
          f"{total_format / total_text:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
