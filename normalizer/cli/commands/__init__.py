"""The commands of `normalizer`, one module each.

A command module defines:

- ``NAME``, ``HELP`` (one line for ``normalizer --help``), ``DESCRIPTION`` and ``EPILOG``
  (examples, shown by ``normalizer NAME --help``);
- ``add_arguments(parser)``: its own arguments, plus the shared groups it accepts from
  `normalizer.cli.options`;
- ``run(args) -> int``: the command, returning the exit status; it raises `UsageError` for
  a problem with the command as a whole.

To add a command, write its module and list it in `COMMANDS`.
"""

from __future__ import annotations

from types import ModuleType

from . import allow, check, clean, explain, learn, serve, test

COMMANDS: tuple[ModuleType, ...] = (clean, check, test, explain, learn, allow, serve)
"""In the order ``normalizer --help`` lists them."""
