"""Long documents cut into windows: spans of at most `WINDOW` characters that tile the text,
each cut at a paragraph break, a line break or a space where its last quarter has one. Each
window is decided on its own (see `passes.propose`)."""

from __future__ import annotations

from ..patterns import compile_regex

WINDOW = 65_536
"""Documents longer than this many characters are decided window by window (cut at a
paragraph or line break): a name's spellings are compared with the other names of its
window, which keeps the cost linear in the length of the text."""
WINDOW_CUTS = (compile_regex(r"\n[ \t]*\n"), compile_regex(r"\n"), compile_regex(r"\s"),
               compile_regex(r"[^\p{L}\p{M}\p{Nd}'’!|]"))
"""Where a window may end, best first: a paragraph break, a line break, a space, any
character no token contains."""


def windows(text: str) -> list[tuple[int, int]]:
    """Spans of at most WINDOW characters that tile `text`, each cut at the best place in
    its last quarter (a cut inside a run of token characters that long splits nothing the
    speller would check: such a run is far longer than `words.MAX_LENGTH`)."""
    spans = []
    start = 0
    while len(text) - start > WINDOW:
        limit = start + WINDOW
        cut = limit
        for pattern in WINDOW_CUTS:
            found = [m.end() for m in pattern.finditer(text, limit - WINDOW // 4, limit)]
            if found:
                cut = found[-1]
                break
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans
