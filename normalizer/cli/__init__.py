"""The `normalizer` command line: clean text, check it in CI, test a corpus, explain a word.

Everything the engine decides comes from the library (`Normalizer.normalize`); the command
line finds files, reads and decodes them, runs the engine (in worker processes for several
files), writes results atomically and formats reports with `normalizer.report`. Each concern
has one module:

- `commands`: one module per command (``clean``, ``check``, ``test``, ``explain``,
  ``learn``, ``serve``), listed in `commands.COMMANDS`;
- `parser` builds the argument parser from them; `options` holds the options several
  commands share and the types of option values; `configuration` turns options and
  configuration files into engine settings;
- `walk` finds the files, `textfile` reads and decodes one and maps the engine's result back
  to its BOM and line endings, `atomic` writes files all or nothing;
- `runner` runs a command's per-file work in this process or in worker processes, and
  `console` prints results, notes, errors and the progress bar; `stdio` copes with closed
  or full standard streams;
- `corpus` runs ``clean --output-dir``: `outdir` names and writes the outputs and keeps the
  manifest, `records` handles JSON Lines and Parquet, `distributed` runs on Dask;
- `errors`: exit statuses and the errors commands raise.

See docs/cli.md for the user documentation.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..profile import ConfigError
from .errors import EXIT_ERROR, EXIT_INTERRUPTED, UsageError, error_line
from .parser import build_parser
from .stdio import (
    StreamError,
    flush_stdout,
    protect_standard_streams,
    silence_stdout,
    write_stderr,
)

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 changes found, 2 errors)."""
    protect_standard_streams()
    try:
        return _run(argv)
    except (UsageError, ConfigError) as exc:
        if isinstance(exc, StreamError):
            silence_stdout()
        write_stderr(error_line(str(exc)) + "\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        write_stderr(error_line("interrupted") + "\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, without a second error at exit.
        silence_stdout()
        return EXIT_ERROR


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        write_stderr(parser.format_help())
        return EXIT_ERROR
    status = args.handler(args)
    flush_stdout()
    return status

