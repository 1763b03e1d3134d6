"""The settings a command runs with: configuration file, profile and command-line options."""

from __future__ import annotations

import argparse
import os
import stat
from contextlib import suppress
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
    named_profile,
    profile_names,
)
from .errors import FileError, UsageError
from .textfile import decode, file_kind, read_bytes


def read_gazetteer(path: str, limit: int = FileOptions().max_file_size) -> list[GazetteerEntry]:
    """Entries of a gazetteer TSV file of at most `limit` bytes: one ``name<TAB>type`` a line.

    Blank lines and lines starting with ``#`` are ignored; `type` is one of
    `normalizer.profile.ENTITY_TYPES`. A file that cannot be read or a malformed line raises
    `UsageError` naming the file (and line number).
    """
    try:
        text = decode(path, read_bytes(path, limit), explicit=True)
    except FileError as exc:
        raise UsageError(f"{path}: cannot read gazetteer: {exc.cause}") from None
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


def _regular_file(path: str, option: str) -> Path:
    """`path` as a Path; a FIFO or device is refused (reading it could wait or never end)."""
    with suppress(OSError):  # a missing file: load_config names it
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise UsageError(f"{path}: {option} needs a regular file, not a {file_kind(mode)}")
    return Path(path)


def load_settings(args: argparse.Namespace) -> tuple[Profile, dict[str, Any], FileOptions]:
    """The profile, per-call engine options and file options a command runs with.

    Configuration: `--config FILE`, else the nearest normalizer.toml, .normalizer.toml or
    pyproject.toml with [tool.normalizer] at or above the working directory. `--profile
    FILE` replaces its engine settings, and so does `--profile NAME` with a profile shipped
    with the package (`archive`). Command-line options (see `options`) refine both; file
    options a command does not accept keep the configuration's values.
    """
    if args.config:
        config = load_config(_regular_file(args.config, "--config"))
    else:
        found = discover_config(Path.cwd())
        config = load_config(found) if found else Config()
    profile = config.profile
    if args.profile in profile_names() and not Path(args.profile).is_file():
        profile = named_profile(args.profile)
    elif args.profile:
        if not Path(args.profile).exists() and Path(args.profile).suffix != ".toml":
            raise UsageError(f"--profile {args.profile}: no such profile or file (profiles: "
                             f"{', '.join(profile_names())}; or a TOML file)")
        loaded = load_config(_regular_file(args.profile, "--profile"))
        if loaded.files != FileOptions():
            raise UsageError(
                f"{args.profile}: include, exclude and max-file-size belong in the "
                "configuration file (--config), not in a profile"
            )
        profile = loaded.profile
    include = getattr(args, "include", None)
    files = replace(
        config.files,
        include=tuple(include) if include else config.files.include,
        exclude=config.files.exclude + tuple(getattr(args, "exclude", ())),
        max_file_size=getattr(args, "max_file_size", None) or config.files.max_file_size,
    )
    gazetteer = [
        entry for path in args.gazetteer for entry in read_gazetteer(path, files.max_file_size)
    ]
    options: dict[str, Any] = {
        "mode": args.mode,
        "format": args.format_in,
        "only": [stage for group in args.only for stage in group] or None,
        "skip": [stage for group in args.skip for stage in group] or None,
        "allow": args.allow or None,
        "gazetteer": gazetteer or None,
    }
    profile.with_overrides(**options)  # validate now, not once per file
    return profile, options, files
