"""Helpers shared by the correction stage's unit tests."""

from __future__ import annotations

from normalizer.tokens import Token


def token_in(text: str, word: str) -> Token:
    """The token `word` at its first place in `text`."""
    start = text.index(word)
    return Token(start, start + len(word), word, word)
