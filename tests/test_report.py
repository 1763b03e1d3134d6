"""normalizer.report: pure output formats over (path, original text, Result)."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizer import EDIT_JSON_SCHEMA, Edit, Result, apply_edits, report


def _edit(text: str, old: str, new: str, *, kind: str = "ocr", rule: str = "ocr.test",
          applied: bool = True, nth: int = 0) -> Edit:
    start = -1
    for _ in range(nth + 1):
        start = text.index(old, start + 1)
    return Edit(start, start + len(old), old, new, kind, rule, 0.9, "a test edit",
                applied=applied)


def _result(text: str, *edits: Edit) -> Result:
    ordered = tuple(sorted(edits, key=lambda e: (e.start, e.end)))
    return Result(apply_edits(text, ordered), ordered, {})


def _apply_unified(original: str, diff: str) -> str:
    """A strict applier for one-file unified diffs: context must match exactly."""
    old = report.split_lines(original)
    lines = diff.split("\n")[2:]
    out: list[str] = []
    cursor = 0
    i = 0
    while i < len(lines) and lines[i]:
        header = re.match(r"@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$", lines[i])
        assert header, lines[i]
        start = int(header[1]) - (1 if header[2] != "0" else 0)
        out.extend(old[cursor:start])
        cursor = start
        i += 1
        while i < len(lines) and lines[i] and lines[i][0] in " -+\\":
            tag, body = lines[i][0], lines[i][1:] + "\n"
            if i + 1 < len(lines) and lines[i + 1] == report.NO_NEWLINE.rstrip("\n"):
                body = body[:-1]
                i += 1
            if tag in " -":
                assert old[cursor] == body, (old[cursor], body)
                cursor += 1
            if tag in " +":
                out.append(body)
            i += 1
    out.extend(old[cursor:])
    return "".join(out)


def test_split_lines_keeps_endings_and_splits_only_on_lf() -> None:
    assert report.split_lines("a\r\nb\x0bc\u2028d\n\ne") == ["a\r\n", "b\x0bc\u2028d\n", "\n", "e"]
    assert report.split_lines("a\n") == ["a\n"]
    assert report.split_lines("") == []


def test_line_index_counts_code_points_from_one_and_ignores_a_bom() -> None:
    index = report.LineIndex("ab\r\ncé\n")
    assert index.position(0) == (1, 1)
    assert index.position(4) == (2, 1)
    assert index.position(5) == (2, 2)
    bom = report.LineIndex("\ufeffab\ncd")
    assert bom.position(1) == (1, 1)
    assert bom.position(2) == (1, 2)
    assert bom.position(5) == (2, 2)


def test_unified_diff_is_empty_for_equal_texts() -> None:
    assert report.unified_diff("a.txt", "same\n", "same\n") == ""


def test_unified_diff_marks_a_missing_final_newline() -> None:
    diff = report.unified_diff("a.txt", "one\ntwo", "one\nTWO")
    assert diff == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n one\n-two\n"
        "\\ No newline at end of file\n+TWO\n\\ No newline at end of file\n"
    )


def test_unified_diff_keeps_crlf_bytes() -> None:
    diff = report.unified_diff("a.txt", "x\r\ny\r\n", "x\r\nz\r\n")
    assert "-y\r\n+z\r\n" in diff


def test_unified_diff_hunks_equal_gnu_diff(tmp_path) -> None:
    old = "".join(f"line {i}\n" for i in range(40)) + "\n\n\n\nend"
    new = old.replace("line 3\n", "line three\n").replace("line 20\nline 21\n", "")
    new = new.replace("\n\n\n\nend", "\nend")
    (tmp_path / "old").write_text(old)
    (tmp_path / "new").write_text(new)
    gnu = subprocess.run(["diff", "-u", "old", "new"], cwd=tmp_path, capture_output=True,
                         text=True, check=False).stdout
    ours = report.unified_diff("x", old, new)
    assert ours.split("\n")[2:] == gnu.split("\n")[2:]


def test_unified_diff_applies_with_git_apply(tmp_path) -> None:
    old = "héllo\r\nwörld\r\n\r\n\r\nsign up now\r\nlast"
    new = "héllo\r\nworld\r\n\r\nlast\n"
    (tmp_path / "f.txt").write_bytes(old.encode())
    (tmp_path / "p.diff").write_bytes(report.unified_diff("f.txt", old, new).encode())
    subprocess.run(["git", "apply", "--unsafe-paths", "p.diff"], cwd=tmp_path, check=True)
    assert (tmp_path / "f.txt").read_bytes() == new.encode()


line_lists = st.lists(st.sampled_from(["a", "b", "c", "", "d\r"]), max_size=12)


@settings(max_examples=150, deadline=None)
@given(line_lists, line_lists, st.booleans(), st.booleans())
def test_unified_diff_reproduces_the_new_text(old_lines, new_lines, old_nl, new_nl) -> None:
    old = "\n".join(old_lines) + ("\n" if old_nl and old_lines else "")
    new = "\n".join(new_lines) + ("\n" if new_nl and new_lines else "")
    diff = report.unified_diff("f", old, new, context=1)
    assert _apply_unified(old, diff) == new if diff else old == new


def test_show_keeps_words_and_quotes_the_rest() -> None:
    assert report.show("Lavrov") == "Lavrov"
    assert report.show("") == '""'
    assert report.show("two words") == '"two words"'
    assert report.show("para\n\n") == '"para\\n\\n"'
    long = report.show("x " * 50, limit=10)
    assert long == '"x x x x x …"'
    assert "\n" not in report.show("a\nb" * 40)


SEED_LIKE = "Title\n\ncall with Sergey V. Lavroy, Russia's\nplace in Libva, the end.\n"


def _seed_result() -> Result:
    return _result(
        SEED_LIKE,
        _edit(SEED_LIKE, "Lavroy", "Lavrov", rule="ocr.gazetteer"),
        _edit(SEED_LIKE, "Libva", "Libya", rule="ocr.gazetteer"),
        _edit(SEED_LIKE, "Russia's", "Russia’s", kind="unicode", rule="unicode.quote",
              applied=False),
    )


def test_brief_lines_are_compiler_messages() -> None:
    lines = report.brief_lines("a.txt", SEED_LIKE, _seed_result())
    assert lines == [
        "a.txt:3:21: Lavroy -> Lavrov (ocr.gazetteer)\n",
        "a.txt:3:29: Russia's -> Russia’s (unicode.quote, suggestion)\n",
        "a.txt:4:10: Libva -> Libya (ocr.gazetteer)\n",
    ]


def test_github_lines_are_escaped_workflow_commands() -> None:
    text = "a,b: 100% Lavroy\n"
    result = _result(text, Edit(10, 16, "Lavroy", "Lavrov", "ocr", "ocr.x,y", 0.9, "50%: a\nb"))
    (line,) = report.github_lines("dir/a:b,c.txt", text, result)
    assert line == (
        "::warning file=dir/a%3Ab%2Cc.txt,line=1,col=11,endLine=1,endColumn=16,"
        "title=normalizer fix%3A ocr (ocr.x%2Cy)::Lavroy -> Lavrov: 50%25: a%0Ab\n"
    )
    suggestion = report.github_lines("a.txt", SEED_LIKE, _seed_result())[1]
    assert suggestion.startswith("::notice file=a.txt,line=3,col=29,endLine=3,endColumn=36,")


def test_github_multi_line_edit_spans_lines() -> None:
    text = "keep\nSign up now\n\nmore\n"
    result = _result(text, _edit(text, "Sign up now\n\n", "", kind="boilerplate"))
    (line,) = report.github_lines("a.txt", text, result)
    assert "line=2,col=1,endLine=3,endColumn=1," in line


def test_json_line_matches_the_schema_and_reproduces_the_output() -> None:
    result = _seed_result()
    line = report.json_line("a.txt", result)
    assert line.endswith("}\n") and line.count("\n") == 1
    data = json.loads(line)
    assert set(data) == set(report.FILE_REPORT_SCHEMA["required"])
    for edit in data["edits"]:
        assert set(edit) == set(EDIT_JSON_SCHEMA["required"])
    assert data["path"] == "a.txt" and data["changed"] is True
    edits = [Edit.from_dict(e) for e in data["edits"]]
    assert apply_edits(SEED_LIKE, edits) == data["text"] == result.text


def test_render_dispatches_and_rejects_unknown_formats() -> None:
    result = _seed_result()
    assert report.render("diff", "a.txt", SEED_LIKE, result).startswith("--- a/a.txt\n")
    assert report.render("brief", "a.txt", SEED_LIKE, result).count("\n") == 3
    assert report.render("github", "a.txt", SEED_LIKE, result).count("::warning") == 2
    assert json.loads(report.render("json", "a.txt", SEED_LIKE, result))["path"] == "a.txt"
    clean = Result(SEED_LIKE, (), {})
    assert [report.render(f, "a", SEED_LIKE, clean) for f in ("diff", "brief", "github")] == [
        "", "", ""
    ]
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        report.render("xml", "a.txt", SEED_LIKE, result)


def test_summary_line() -> None:
    assert report.summary_line("checked", 3, 1, {"ocr": 2, "whitespace": 1}) == (
        "normalizer: 3 files checked, 1 would change, 3 edits (ocr 2, whitespace 1)\n"
    )
    assert report.summary_line("processed", 1, 0, {}, errors=1, skipped=2) == (
        "normalizer: 1 file processed, 0 changed, 0 edits, 2 skipped, 1 error\n"
    )
