"""The settings a command runs with: configuration file, profile and command-line options."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import Any

from .. import report
from ..profile import (
    ENTITY_TYPES,
    Config,
    FileOptions,
    GazetteerEntry,
    Profile,
    discover_config,
    load_config,
)
from .errors import FileError, UsageError
from .textfile import decode


def read_gazetteer(path: str) -> list[GazetteerEntry]:
    """Entries of a gazetteer TSV file: one ``name<TAB>type`` a line.

    Blank lines and lines starting with ``#`` are ignored; `type` is one of
    `normalizer.profile.ENTITY_TYPES`. A malformed line raises `UsageError` naming the file
    and line number.
    """
    try:
        with open(path, "rb") as fh:
            text = decode(path, fh.read(), explicit=True)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read gazetteer: {exc.strerror or exc}") from None
    except FileError as exc:
        raise UsageError(str(exc)) from None
    entries = []
    for number, line in enumerate(text.lstrip(report.BOM).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [part.strip() for part in line.split("\t")]
        where = f"{path}:{number}"
        if len(fields) != 2 or not fields[0]:
            raise UsageError(
                f"{where}: expected 'name<TAB>type', got {line.strip()!r} "
                "(separate the name and its type with one TAB)"
            )
        if fields[1] not in ENTITY_TYPES:
            raise UsageError(
                f"{where}: unknown type {fields[1]!r} (known: {', '.join(ENTITY_TYPES)})"
            )
        entries.append(GazetteerEntry(fields[0], fields[1]))
    return entries


def load_settings(args: argparse.Namespace) -> tuple[Profile, dict[str, Any], FileOptions]:
    """The profile, per-call engine options and file options a command runs with.

    Configuration: `--config FILE`, else the nearest normalizer.toml, .normalizer.toml or
    pyproject.toml with [tool.normalizer] at or above the working directory. `--profile
    FILE` replaces its engine settings. Command-line options (see `options`) refine both;
    file options a command does not accept keep the configuration's values.
    """
    if args.config:
        config = load_config(Path(args.config))
    else:
        found = discover_config(Path.cwd())
        config = load_config(found) if found else Config()
    profile = config.profile
    if args.profile:
        loaded = load_config(Path(args.profile))
        if loaded.files != FileOptions():
            raise UsageError(
                f"{args.profile}: include, exclude and max-file-size belong in the "
                "configuration file (--config), not in a profile"
            )
        profile = loaded.profile
    gazetteer = [entry for path in args.gazetteer for entry in read_gazetteer(path)]
    options: dict[str, Any] = {
        "mode": args.mode,
        "only": [stage for group in args.only for stage in group] or None,
        "skip": [stage for group in args.skip for stage in group] or None,
        "allow": args.allow or None,
        "gazetteer": gazetteer or None,
    }
    profile.with_overrides(**options)  # validate now, not once per file
    files = config.files
    include = getattr(args, "include", None)
    files = replace(
        files,
        include=tuple(include) if include else files.include,
        exclude=files.exclude + tuple(getattr(args, "exclude", ())),
        max_file_size=getattr(args, "max_file_size", None) or files.max_file_size,
    )
    return profile, options, files
