"""Format-aware checking (issue 10): Markdown and reST structure, technical words, the policy
for technical documents, and the real-world documents in tests/cases/docs/."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import regex

from normalizer import Normalizer, report
from normalizer.formats import analyze, resolve_format
from normalizer.formats.policy import is_doubling, is_transposition, review
from normalizer.formats.spans import BLOCK_MASK, mask
from normalizer.formats.technical import count_code_chunks, technical_spans
from normalizer.formats.view import DocumentView
from normalizer.lexicon import load_lexicon
from normalizer.model import Edit, Result, apply_edits

DOCS = Path(__file__).parent / "cases" / "docs"
LEXICON = load_lexicon()
DOC_FILES = sorted(
    p for p in DOCS.iterdir() if p.suffix in (".md", ".rst") and p.name != "README.md"
)


def masked(text: str, fmt: str) -> str:
    return mask(text, list(analyze(text, fmt).spans))


# --------------------------------------------------------------------------- format detection


@pytest.mark.parametrize(("declared", "name", "expected"), [
    ("auto", "README.md", "markdown"), ("auto", "docs/index.RST", "rst"),
    ("auto", "notes.txt", "text"), ("auto", None, "text"), ("auto", "<stdin>", "text"),
    ("markdown", "notes.txt", "markdown"), ("text", "README.md", "text"),
])
def test_resolve_format(declared, name, expected):
    assert resolve_format(declared, name) == expected


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError, match="asciidoc"):
        analyze("text", "asciidoc")


# --------------------------------------------------------------------------- Markdown


MARKDOWN = """\
---
title: Libva
---
# Heading with `code`

Prose with [a link](http://x.org/a_b "t"), `inline code`, <b>tag</b> and &lt;x&gt;.\x20\x20
After a hard break, ![alt](img.png) and <https://example.org> and [ref][lbl].

| a | b |
|---|---|
|Pham Minh Chinh|Vietnam|

```python
import os


def f():
    pass
```

    indented code

<div>
html block
</div>

[lbl]: http://example.com
"""


def test_markdown_masks_everything_but_prose():
    out = masked(MARKDOWN, "markdown")
    assert len(out) == len(MARKDOWN)
    words = set(regex.findall(r"\p{L}+", out))
    assert words == {
        "Heading", "with", "Prose", "a", "link", "and", "tag", "After", "hard", "break",
        "ref", "Pham", "Minh", "Chinh", "Vietnam", "b", "x",
    }
    assert "title" not in out and "import" not in out and "indented" not in out
    assert "html" not in out and "example" not in out and "lbl" not in out


def test_markdown_keeps_line_shapes():
    out = masked(MARKDOWN, "markdown")
    # Code lines stay non-blank (masked with BLOCK_MASK); blank lines stay blank.
    for original, shown in zip(MARKDOWN.splitlines(), out.splitlines(), strict=True):
        assert bool(original.strip()) == bool(shown.strip())
    assert BLOCK_MASK * len("import os") in out


def test_markdown_hard_break_and_table_pipes_are_protected():
    spans = analyze(MARKDOWN, "markdown").spans
    hard = MARKDOWN.index(".  \n") + 1
    assert any(s.start <= hard and hard + 2 <= s.end for s in spans)
    row = MARKDOWN.index("|Pham")
    for offset in (row, MARKDOWN.index("|Vietnam"), MARKDOWN.index("|\n", row)):
        assert any(s.start <= offset < s.end for s in spans)


def test_markdown_escaped_backtick_is_not_a_code_span():
    text = "A \\` tick, then `code` and the word Libva.\n"
    out = masked(text, "markdown")
    assert "code" not in out and "Libva" in out and "tick" in out


@pytest.mark.parametrize("text", [
    "Tabs\tin a\tparagraph\twith `code`.\n",
    "* item\n\n\t* nested with `x`\n",
    "a\0b `c`\n",
    "> quote `a\nb` over lines\n",
])
def test_markdown_odd_input_keeps_offsets(text):
    structure = analyze(text, "markdown")
    assert all(0 <= s.start < s.end <= len(text) for s in structure.spans)
    assert len(mask(text, list(structure.spans))) == len(text)


# --------------------------------------------------------------------------- reST


RST = """\
=======
 Title
=======

|pypi-version| |python-versions|

Prose with ``literal``, a :func:`role`, a `link <http://x.org>`_, ref_ and [1]_.

.. code-block:: python

   import os


   def f():
       pass

Example::

    literal block

+-------+
| head  |
+=======+
| cell  |
+-------+

.. |pypi-version| image:: https://img.shields.io/pypi/v/x
.. [1] Footnote text.
"""


def test_rst_masks_everything_but_prose():
    out = masked(RST, "rst")
    assert len(out) == len(RST)
    words = set(regex.findall(r"\p{L}+", out))
    assert words == {
        "Title", "Prose", "with", "a", "and", "Example", "head", "cell", "Footnote", "text",
    }
    assert "|" not in out.replace(BLOCK_MASK, "")


def test_rst_unparsable_document_has_no_prose():
    text = "Text\n\n.. include:: /etc/passwd\n"
    out = masked(text, "rst")
    assert "passwd" not in out


# --------------------------------------------------------------------------- technical words


@pytest.mark.parametrize(("text", "chunks"), [
    ("a | from| to|", ["|", "from|", "to|"]),
    ("grep foo| sort| uniq", ["foo|", "sort|"]),
    ("|Pham Minh Chinh|Vietnam|prime minister|", ["|Pham", "Chinh|Vietnam|prime", "minister|"]),
    ("see /usr/share/governrnent/Libva.txt now", ["/usr/share/governrnent/Libva.txt"]),
    ("in C:\\Users\\Libva\\x today", ["C:\\Users\\Libva\\x"]),
    ("use snake_case, camelCase and os.path", ["snake_case,", "camelCase", "os.path"]),
    ("pass --strict or -v", ["--strict", "-v"]),
    ("call f(x) and a[i] or __init__", ["f(x)", "a[i]", "__init__"]),
    ("$ pip install normalizer", ["$ pip install normalizer"]),
    ("Va|ery said the vote was |ater", []),
    ("the Stee| mill", []),
    ("An ordinary sentence, with (brackets) and 'quotes'.", []),
    ("GoogIe is an OCR slip", []),
    ("the workB and thiB house", []),  # OCR's B for s
    ("SHIPPING INTELLlGENCE at IPSWlCH", []),  # OCR's l for I in capitals
    ("at aLmbing Flat, eBfore the bench", []),  # two letters swapped at a word's start
    ("getURL and isValid", ["getURL", "isValid"]),
    ("the YoiiTube channel of CrovvdStrike", []),  # names of brands open with a capital
])
def test_technical_chunks(text, chunks):
    assert [text[s.start : s.end] for s in technical_spans(text)] == chunks


def test_strict_mode_adds_digits_and_every_camel_case():
    text = "utf8 and h5py and GoogIe"
    assert [text[s.start : s.end] for s in technical_spans(text, strict=True)] == [
        "utf8", "h5py", "GoogIe",
    ]


@pytest.mark.parametrize(("text", "signs"), [
    ("Edit /etc/hosts, run --strict and setup.py; set key=value in snake_case.", 5),
    ("Stor\\ and Da^. were A}/i there -a .his tho.man (1/9, 7/", 0),
    # Abbreviations with dots are no file names, though 'm.p.h' ends like a C header.
    ("Winds of 140 m.p.h., then 80 m.p.h. by 5 p.m. (U.S.A. time)", 0),
    ("Include x.h and io.h, then run make.", 2),
    # A line of pipes is one table row or pipeline, a share bar too; two lines are two.
    ("Share this\nPinterest | Reddit | Facebook | Print\nThe vote", 1),
    ("a | b | c\nd | e | f\n", 2),
])
def test_only_well_formed_code_is_a_sign_of_technical_plain_text(text, signs):
    assert count_code_chunks(text, technical_spans(text)) == signs


def test_ocr_junk_does_not_make_plain_text_technical(engine):
    # Stray glyphs of old print are not code: the fix stays a fix, not a suggestion.
    ocr = "The govemment met at noon. Stor\\ and Da^. were A}/i there.\n"
    assert engine.normalize(ocr).text.startswith("The government met")
    code = "The govemment met. Edit /etc/hosts and setup.py now.\n"
    assert [e.applied for e in engine.normalize(code).edits] == [False]


# --------------------------------------------------------------------------- policy


def test_typing_slips():
    assert is_transposition("recieve", "receive") and is_transposition("wlil", "will")
    assert not is_transposition("toml", "tool") and not is_transposition("ab", "ab")
    assert is_doubling("occured", "occurred") and is_doubling("untill", "until")
    assert not is_doubling("etcd", "etc") and not is_doubling("isort", "sort")


def _markdown(text: str) -> DocumentView:
    """`text` as a Markdown document that shows code (a code span after it)."""
    text += "\n\n`code`\n"
    return DocumentView(analyze(text, "markdown"), text, ())


def _edit(original: str, replacement: str, kind: str = "spelling", start: int = 0,
          source: str = "lexicon") -> Edit:
    """An applied edit of rule `kind.source`."""
    return Edit(start, start + len(original), original, replacement, kind, f"{kind}.{source}",
                0.95, "test")


def test_review_downgrades_corrections_to_words_unless_overwhelming():
    edits = [
        _edit("etcd", "etc"), _edit("toml", "tool"), _edit("clone", "done", "ocr"),
        _edit("wlil", "will"), _edit("occured", "occurred"),
        _edit("Lavroy", "Lavrov", "ocr", source="gazetteer"), _edit("Brotli", "Broth", "ocr"),
    ]
    text = "etcd toml clone wlil occured Lavroy Brotli"
    reviewed = review("spelling", edits, _markdown(text), LEXICON)
    assert [e.applied for e in reviewed] == [False, False, False, True, True, True, False]
    assert "suggestion" in reviewed[0].reason


@pytest.mark.parametrize(("original", "replacement", "rule", "text"), [
    ("CDash", "Cash", "spelling.case", "Submit to CDash."),  # capitals inside: an identifier
    ("SCons", "Sons", "spelling.case", "Build with SCons."),
    ("SEMVER", "SERVER", "spelling.capitalized", "(SEMVER-MINOR) process"),
    ("Rekognition", "Recognition", "spelling.capitalized", "Amazon Rekognition"),  # a product
    ("Nirk", "Nick", "spelling.capitalized", "(Nirk Walnes)"),  # a contributor
    ("Tuton", "Luton", "ocr.gazetteer", "(Guillaume Tuton)"),  # typed text has no OCR
    ("Sabari", "Saban", "ocr.wordfreq", "(Sabari Lakshmi)"),
    ("Konv", "Kony", "ocr.gazetteer", "fix wording (Konv) [#45398]"),  # a contributor alone
    # The changelog credits a Colin too: that confirms no glyph confusion in a name.
    ("Cotin", "Colin", "ocr.gazetteer", "fix order (Simona Cotin), docs (Colin Ihrig)"),
    ("Hassaan", "Hassan", "entity.document", "update files (Hassaan Pasha)"),  # typed names
    ("Diosney", "Disney", "entity.gazetteer", "add completions (Diosney Sarmiento)"),
    ("Martii", "Martin", "entity.gazetteer", "clarify API (Martii) [#3255]"),
    ("ccache", "cache", "spelling.lexicon", "use ccache"),  # a doubled first letter: a tool
    ("deopt", "depot", "spelling.lexicon", "a deopt loop; each deopt"),  # written twice: a term
    ("musl", "must", "ocr.context", "musl and glibc must agree"),  # too short to be confirmed
    ("inode", "mode", "ocr.context", "in this mode, a new inode"),  # wordfreq has seen it
    ("ls", "is", "ocr.context", "npm ls is a command"),
])
def test_review_keeps_names_identifiers_and_terms_of_technical_writing(
        original, replacement, rule, text):
    start = text.index(original)
    edit = Edit(start, start + len(original), original, replacement, rule.split(".")[0], rule,
                0.95, "test")
    assert not review("spelling", [edit], _markdown(text), LEXICON)[0].applied


@pytest.mark.parametrize(("original", "replacement", "kind", "text"), [
    ("cahce", "cache", "spelling", "clear the cahce"),
    ("untill", "until", "spelling", "wait untill done"),
    ("governrnent", "government", "ocr", "the governrnent and the government"),
])
def test_review_keeps_a_plain_slip_fixed_in_technical_writing(original, replacement, kind, text):
    edit = _edit(original, replacement, kind, start=text.index(original))
    assert review("spelling", [edit], _markdown(text), LEXICON)[0].applied


def test_review_reads_a_document_for_code_only_when_an_edit_is_at_risk():
    view = _markdown("etcd toml")
    safe = Edit(0, 4, "Etcd", "Etc", "spelling", "spelling.gazetteer", 0.95, "test")
    assert review("spelling", [safe], view, LEXICON) == [safe]
    assert "looks_technical" not in view.__dict__  # a clean page costs no scan for code
    assert not review("spelling", [_edit("etcd", "etc")], view, LEXICON)[0].applied
    assert view.__dict__["looks_technical"]


def test_review_keeps_the_boilerplate_and_no_break_spaces_of_markup_with_code():
    see_also = Edit(0, 9, "See also\n", "", "boilerplate", "related.list", 0.9, "test")
    space = Edit(6, 7, "\u00a0", " ", "unicode", "unicode.space", 1.0, "test")
    mojibake = Edit(0, 2, "\u00e2\u20ac", "'", "unicode", "unicode.mojibake", 1.0, "test")
    text = "See also\nPython\u00a03.9"
    assert review("boilerplate", [see_also], _markdown(text), LEXICON) == []
    assert review("unicode", [space, mojibake], _markdown(text), LEXICON) == [mojibake]
    # Plain text never counts, however technical it looks.
    plain = text + " Set FOO_BAR=1 in ~/.config/app.toml and run_tests.py --verbose\n"
    plain_view = DocumentView(analyze(plain, "text"), plain, ())
    assert plain_view.looks_technical
    assert review("boilerplate", [see_also], plain_view, LEXICON) == [see_also]
    assert review("unicode", [space], plain_view, LEXICON) == [space]


def test_review_keeps_a_known_common_misspelling():
    # Neither a swap nor a doubling: only codespell's list vouches for it.
    assert review("spelling", [_edit("seperate", "separate")], _markdown(""), LEXICON)[0].applied
    assert not review("spelling", [_edit("seperate", "desperate")], _markdown(""), LEXICON)[0].applied


def test_review_keeps_an_ocr_fix_the_document_confirms():
    text = "The government met. The govemment said."
    edit = _edit("govemment", "government", "ocr", text.index("govemment"))
    assert review("spelling", [edit], _markdown(text), LEXICON)[0].applied
    assert not review("spelling", [edit], _markdown("The govemment said."), LEXICON)[0].applied


# --------------------------------------------------------------------------- the engine


@pytest.fixture(scope="module")
def engine():
    return Normalizer()


@pytest.mark.parametrize("text", [
    "Our etcd cluster is up. Run `etcdctl get` to see it.\n",
    "Install idna, isort, gevent, semver, toml, pygments; call `str.rjust`.\n"
    "Then rjust pads the string.\n",
])
def test_technical_words_are_not_applied_in_markdown(engine, text):
    result = engine.normalize(text, format="markdown")
    assert result.text == text
    assert all(not e.applied for e in result.edits)


def test_a_technical_document_keeps_its_own_headings_spaces_and_product_names(engine):
    text = (
        "Bindings of\nthe Brotli compression library; needs Python\u00a03.9.\n\n"
        "```\npip install brotli\n```\n\n"
        "See also:\n\n- the `decompress` docs\n\n"
        "(C) 2006 Dan Haim. All rights reserved.\n"
    )
    result = engine.normalize(text, format="markdown")
    assert result.text == text
    assert all(not e.applied for e in result.edits)


def test_markdown_edits_never_touch_protected_spans(engine):
    text = MARKDOWN.replace("Prose with", "Lavroy spoke in Libva with")
    result = engine.normalize(text, format="markdown")
    assert "Lavrov spoke in Libya" in result.text
    spans = analyze(text, "markdown").spans
    for edit in result.edits:
        assert not any(s.start < edit.end and edit.start < s.end for s in spans)
    assert apply_edits(text, result.edits) == result.text
    assert engine.normalize(result.text, format="markdown").text == result.text


def test_plain_text_still_folds_blank_lines_and_markdown_does_not(engine):
    text = "One.\n\n\n\nTwo.  \n"
    assert engine.normalize(text).text == "One.\n\nTwo.\n"
    assert engine.normalize(text, format="markdown").text == text


def test_ignore_marker_protects_its_line_in_every_format(engine):
    text = "Lavroy in Libva. <!-- normalizer: ignore -->\n\nLavroy in Libva.\n"
    for fmt in ("text", "markdown", "rst"):
        result = engine.normalize(text, format=fmt)
        assert result.text.splitlines()[0] == text.splitlines()[0]
        assert result.text.endswith("Lavrov in Libya.\n")


# --------------------------------------------------------------------------- SARIF


def test_sarif_log_has_the_required_shape():
    text = "ab\nLavroy and \U0001F600 etcd\n"
    edits = (
        Edit(3, 9, "Lavroy", "Lavrov", "ocr", "ocr.gazetteer", 0.99, "glyph"),
        Edit(16, 20, "etcd", "etc", "spelling", "spelling.lexicon", 0.9, "slip", applied=False),
    )
    result = Result(apply_edits(text, edits), edits)
    log = json.loads(report.sarif_log(report.sarif_results("docs/a b.md", text, result), "1.0"))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == [
        "ocr.gazetteer", "spelling.lexicon",
    ]
    fix, suggestion = run["results"]
    assert (fix["level"], suggestion["level"]) == ("warning", "note")
    location = suggestion["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/a%20b.md"
    # The emoji is one code point: "etcd" starts at column 14 and ends before column 18.
    assert location["region"] == {"startLine": 2, "startColumn": 14, "endLine": 2, "endColumn": 18}
    change = fix["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert change["insertedContent"]["text"] == "Lavrov"
    assert change["deletedRegion"]["endColumn"] - change["deletedRegion"]["startColumn"] == 6


# --------------------------------------------------------------------------- real documents


# Typos the published documents really have (see tests/cases/docs/README.md): the only edits
# the default profile may apply to them.
REAL_TYPOS = {
    "python-build-README.md": [("accomodate", "accommodate")],
    # "the expression must be inclused in a Group": codespell's list reads it as "included".
    "pyparsing-best-practices.md": [("inclused", "included")],
}


@pytest.mark.parametrize("path", DOC_FILES, ids=[p.name for p in DOC_FILES])
def test_real_documents_get_no_applied_edit_but_their_real_typos(engine, path):
    text = path.read_text(encoding="utf-8")
    result = engine.normalize(text, filename=path.name)
    applied = [(e.original, e.replacement) for e in result.edits if e.applied]
    assert applied == REAL_TYPOS.get(path.name, [])
    assert apply_edits(text, result.edits) == result.text


# Corruptions a reader of OCR output or a fast typist produces, each undone by the engine.
def _swap_inner(word: str) -> str:
    return word[:2] + word[3] + word[2] + word[4:]


def _ocr_m(word: str) -> str:
    return word.replace("m", "rn", 1)


CORRUPTIONS = (_swap_inner, _ocr_m)
WORD = regex.compile(r"(?<![\p{L}\p{N}_'’.\-/])\p{Ll}{7,}(?![\p{L}\p{N}_'’\-/])")
ERROR_SPACING = 600
"""Characters between inserted errors, so that each one's context is intact."""


def _insert_errors(text: str, fmt: str, engine) -> tuple[str, list[tuple[int, str, str]]]:
    """`text` with a misspelling or OCR error put into a frequent prose word every
    `ERROR_SPACING` characters; returns the new text and (offset, error, word) triples."""
    structure = analyze(text, fmt)
    visible = mask(text, list(structure.spans))
    technical = technical_spans(visible, strict=True)
    lexicon = engine.lexicon
    inserted: list[tuple[int, str, str]] = []
    parts: list[str] = []
    cursor = shift = 0
    last = -ERROR_SPACING
    for match in WORD.finditer(visible):
        word, start = match.group(), match.start()
        if start - last < ERROR_SPACING or lexicon.frequency(word) < 4.0:
            continue
        if any(s.start <= start < s.end for s in technical):
            continue
        corrupt = CORRUPTIONS[len(inserted) % len(CORRUPTIONS)]
        error = corrupt(word)
        if error == word or lexicon.frequency(error) > 0:
            continue
        parts.append(text[cursor:start] + error)
        inserted.append((start + shift, error, word))
        shift += len(error) - len(word)
        cursor, last = match.end(), start
    parts.append(text[cursor:])
    return "".join(parts), inserted


@pytest.mark.parametrize("path", DOC_FILES, ids=[p.name for p in DOC_FILES])
def test_inserted_errors_in_prose_are_found(engine, path):
    fmt = resolve_format("auto", path.name)
    text, inserted = _insert_errors(path.read_text(encoding="utf-8"), fmt, engine)
    assert inserted, "no prose word to corrupt"
    found = {
        (e.start, e.original): e.replacement
        for e in engine.normalize(text, filename=path.name).edits
    }
    missed = [
        (error, word) for start, error, word in inserted
        if found.get((start, error), "").lower() != word
    ]
    assert missed == []


def test_corpus_is_documented():
    readme = (DOCS / "README.md").read_text(encoding="utf-8")
    for path in DOC_FILES:
        assert path.name in readme
    assert Counter(p.suffix for p in DOC_FILES)[".rst"] >= 4


def test_a_lone_misread_place_stays_a_fix_in_technical_writing():
    text = "Our etcd cluster runs in Libva; `etcd` is the store."
    start = text.index("Libva")
    edit = Edit(start, start + 5, "Libva", "Libya", "ocr", "ocr.gazetteer", 0.95, "test")
    assert review("spelling", [edit], _markdown(text), LEXICON)[0].applied
