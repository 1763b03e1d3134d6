"""`normalizer allow`: accept words once, in the configuration's allow list."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import tomlkit
import tomlkit.exceptions

from ...profile import ConfigError, discover_config, parse_config
from ..atomic import write_atomic
from ..errors import EXIT_OK, FileError, UsageError

NAME = "allow"
HELP = "add words to the configuration's allow list"
DESCRIPTION = (
    "Append WORD to the `allow` list of the configuration (--config FILE, else the discovered "
    "normalizer.toml, .normalizer.toml or pyproject.toml [tool.normalizer], else a new "
    "normalizer.toml here). The file keeps its comments and layout."
)
EPILOG = """\
examples:
  normalizer allow etcd                      accept 'etcd' in every file from now on
  normalizer allow gunicorn memoize          several words at once
  normalizer allow --config pyproject.toml Biegun
"""
NEW_CONFIG = "normalizer.toml"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("words", nargs="+", metavar="WORD", help="words never to change")
    parser.add_argument("--config", metavar="FILE",
                        help="configuration file to edit (created if missing)")


def _target(config: str | None) -> Path:
    if config:
        return Path(config)
    return discover_config(Path.cwd()) or Path(NEW_CONFIG)


def _load(path: Path, shown: str) -> tomlkit.TOMLDocument:
    if not path.exists():
        return tomlkit.document()
    try:
        return tomlkit.parse(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"{shown}: cannot read config: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, tomlkit.exceptions.ParseError) as exc:
        raise UsageError(f"{shown}: invalid TOML: {exc}") from None


def _table(document: tomlkit.TOMLDocument, path: Path) -> dict:
    """The table holding the settings: `[tool.normalizer]` in pyproject.toml, else the top."""
    if path.name != "pyproject.toml":
        return document
    tool = document.setdefault("tool", tomlkit.table(is_super_table=True))
    return tool.setdefault("normalizer", tomlkit.table())


def run(args: argparse.Namespace) -> int:
    path = _target(args.config)
    shown = os.path.relpath(path) if path.is_absolute() else str(path)
    document = _load(path, shown)
    table = _table(document, path)
    allow = table.setdefault("allow", tomlkit.array())
    if not isinstance(allow, list):
        raise UsageError(f"{shown}: allow: expected a list of strings")
    known = {str(word).lower() for word in allow}
    states: dict[str, str] = {}
    for word in args.words:
        if not word or word.strip() != word:
            raise UsageError(f"allow: expected a word without surrounding spaces, got {word!r}")
        if word.lower() in known:
            states.setdefault(word, "already in")
        else:
            allow.append(word)
            known.add(word.lower())
            states[word] = "added to"
    try:
        parse_config(table.unwrap(), path.parent, path)
    except ConfigError as exc:
        raise UsageError(f"{shown}: {exc}") from None
    if "added to" in states.values():
        try:
            write_atomic(str(path), tomlkit.dumps(document).encode("utf-8"))
        except FileError as exc:
            raise UsageError(str(exc)) from None
    for word, state in states.items():
        sys.stdout.write(f"{word}: {state} the allow list of {shown}\n")
    return EXIT_OK
