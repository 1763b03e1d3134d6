"""The `spelling` stage's public functions under their historical module name (the CLI's
`explain` command and callers of `spelling.candidates` import them from here); the stage
itself lives in `normalizer.correction`."""

from .correction import candidates, explain, propose

__all__ = ["candidates", "explain", "propose"]
