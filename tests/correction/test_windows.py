"""Long documents cut into windows."""

from __future__ import annotations

import itertools

from normalizer.correction.windows import WINDOW, windows


def test_windows_tile_the_text_and_cut_at_a_paragraph_break():
    paragraph = ("word " * 2000).strip()
    text = "\n\n".join([paragraph] * 20)
    spans = windows(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(end - start <= WINDOW for start, end in spans)
    assert all(text[end - 2 : end] == "\n\n" for _, end in spans[:-1])
