"""Options several commands share, and the types of option values.

A command adds the groups it accepts in its own ``add_arguments``:
`add_engine_options` (configuration, profile, stages, allow list, gazetteers) and
`add_file_options` (jobs, include/exclude globs, size limit, quiet). A new shared option
goes here, once; a command's own options go in its module.
"""

from __future__ import annotations

import argparse
import os

from ..formats import FORMATS
from ..model import STAGES
from ..profile import ENTITY_TYPES, MODES


def cores() -> int:
    """The CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def capped_processes(requested: int, option: str) -> tuple[int, str | None]:
    """`requested` processes, at most one per core (the engine is CPU-bound: more only
    costs memory), and the note saying so when it was lowered."""
    available = cores()
    if requested <= available:
        return requested, None
    return available, f"{option} {requested} lowered to {available}, the cores available"


def nonempty(value: str) -> str:
    """Any text but the empty string (an empty file name or word is a mistake)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("expected a value, got an empty string")
    return value


def port(value: str) -> int:
    """A TCP port number, 1 to 65535."""
    return _whole_number(value, 1, 65535, "a port number from 1 to 65535")


def size(value: str) -> int:
    """A byte count for --max-file-size: ``20000000``, ``512K``, ``20M`` or ``1G``."""
    units = {"K": 1024, "M": 1024**2, "G": 1024**3}
    text = value.strip().upper().removesuffix("B")
    factor = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        result = int(float(number) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a size like 20M or 500000, got {value!r}"
        ) from None
    if result <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive size, got {value!r}")
    return result


def stages(value: str) -> list[str]:
    """Stage names for --only/--skip, comma-separated."""
    names = [name.strip() for name in value.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError(
            f"expected stage names ({', '.join(STAGES)}), got {value!r}"
        )
    for name in names:
        if name not in STAGES:
            raise argparse.ArgumentTypeError(
                f"unknown stage {name!r} (known: {', '.join(STAGES)})"
            )
    return names


def positive(value: str) -> int:
    """A whole number of at least 1."""
    return _whole_number(value, 1, None, "a whole number of at least 1")


def _whole_number(value: str, low: int, high: int | None, what: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = low - 1
    if number < low or (high is not None and number > high):
        raise argparse.ArgumentTypeError(f"expected {what}, got {value!r}")
    return number


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    """--config, --profile, --mode, --format-in, --only, --skip, --allow, --gazetteer
    (read by `configuration.load_settings`)."""
    group = parser.add_argument_group("engine options")
    group.add_argument("--config", metavar="FILE", type=nonempty,
                       help="configuration file to use instead of the discovered one")
    group.add_argument("--profile", metavar="NAME|FILE", type=nonempty,
                       help="engine settings replacing those of the configuration: a named "
                       "profile (default, archive: historical OCR) or a TOML file with the "
                       "keys of normalizer.toml")
    group.add_argument("--mode", choices=MODES,
                       help="fix: apply confident edits (default); suggest: apply nothing")
    group.add_argument("--format-in", choices=FORMATS,
                       help="read the input as plain text, Markdown or reST (only prose is "
                       "checked); auto (default): by file extension, text for stdin")
    group.add_argument("--only", metavar="STAGE[,STAGE]", type=stages, action="append",
                       default=[], help=f"run only these stages ({', '.join(STAGES)})")
    group.add_argument("--skip", metavar="STAGE[,STAGE]", type=stages, action="append",
                       default=[], help="do not run these stages")
    group.add_argument("--allow", metavar="WORD", type=nonempty, action="append", default=[],
                       help="never change WORD (repeatable)")
    group.add_argument("--gazetteer", metavar="FILE", type=nonempty, action="append",
                       default=[],
                       help="extra names, one 'name<TAB>type' a line; type: "
                       f"{', '.join(ENTITY_TYPES)} (repeatable)")


def add_file_options(parser: argparse.ArgumentParser, *, include: bool) -> None:
    """--jobs, --include (when `include`), --exclude, --max-file-size, --quiet."""
    group = parser.add_argument_group("file options")
    group.add_argument("-j", "--jobs", metavar="N", type=positive, default=cores(),
                       help="files processed in parallel, at most one per core "
                       "(default: the cores, %(default)s)")
    if include:
        group.add_argument("--include", metavar="GLOB", type=nonempty, action="append",
                           default=[],
                           help="take only matching files when walking a directory, replacing "
                           "the configured globs (default *.txt, *.md, *.rst, *.text; repeatable)")
    group.add_argument("--exclude", metavar="GLOB", type=nonempty, action="append",
                       default=[],
                       help="skip matching files and directories, in addition to the "
                       "configured globs (repeatable)")
    group.add_argument("--max-file-size", metavar="SIZE", type=size,
                       help="refuse larger files, e.g. 500K or 50M (default 20M)")
    group.add_argument("-q", "--quiet", action="store_true",
                       help="no progress bar, notes or summary line")
