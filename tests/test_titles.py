"""reST titles never outgrow their adornment (`normalizer.formats.titles`)."""

from __future__ import annotations

import io

import docutils.core
import pytest

from normalizer import Normalizer
from normalizer.formats.titles import OVERFLOW_REASON, fit_titles
from normalizer.model import Edit, apply_edits


def edit_of(text: str, original: str, replacement: str, applied: bool = True) -> Edit:
    start = text.index(original)
    return Edit(start, start + len(original), original, replacement, "spelling", "test", 0.9,
                "test", applied=applied)


def title_warnings(text: str) -> str:
    stream = io.StringIO()
    docutils.core.publish_doctree(text, settings_overrides={"warning_stream": stream,
                                                            "report_level": 2})
    return stream.getvalue()


@pytest.mark.parametrize(("text", "applied"), [
    ("Talks tothe press\n=================\n\nText.\n", False),  # underline exactly as wide
    ("Talks tothe press\n==================\n\nText.\n", True),  # one column to spare
    ("=================\nTalks tothe press\n====================\n", False),  # overline too short
    ("Talks tothe press\n\nText on a line.\n", True),  # a paragraph has no adornment
    ("Talks tothe press\n-----------------\n", False),  # any adornment character
])
def test_widening_edit_is_applied_only_when_the_title_still_fits(text, applied):
    (edit,) = fit_titles([edit_of(text, "tothe", "to the")], text)
    assert edit.applied is applied
    assert edit.reason.endswith(OVERFLOW_REASON) is not applied


def test_edits_on_one_title_share_its_spare_columns():
    text = "Teh tothe press\n================\n"  # one column to spare
    first, second = fit_titles(
        [edit_of(text, "Teh", "Thee"), edit_of(text, "tothe", "to the")], text)
    assert first.applied and not second.applied


def test_narrowing_and_suggested_edits_pass_unchanged():
    text = "Talks to  the press\n===================\n"
    edits = [edit_of(text, "to  the", "to the"), edit_of(text, "press", "presses", applied=False)]
    assert fit_titles(edits, text) == edits


def test_normalized_rst_document_keeps_valid_titles():
    text = "Talks tothe press\n=================\n\nThe minister spoke tothe press on Monday.\n"
    assert title_warnings(text) == ""
    result = Normalizer().normalize(text, format="rst")
    assert apply_edits(text, result.edits) == result.text
    assert "spoke to the press" in result.text  # the paragraph is still fixed
    assert result.text.startswith("Talks tothe press\n")
    assert title_warnings(result.text) == ""
    assert [e.applied for e in result.edits if e.original == "tothe"] == [False, True]
