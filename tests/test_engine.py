"""The engine end to end: the seed article, the result model and per-call options."""

from __future__ import annotations

import json

import pytest

from normalizer import EDIT_JSON_SCHEMA, Edit, GazetteerEntry, Normalizer, Profile, apply_edits


def test_seed_article_comes_out_exactly_as_expected(engine, seed):
    source, expected = seed
    result = engine.normalize(source)
    assert result.text == expected
    assert apply_edits(source, result.edits) == expected


def test_seed_reports_the_two_word_fixes_with_reasons(engine, seed):
    source, _ = seed
    words = [e for e in engine.normalize(source).applied if e.kind in ("ocr", "spelling", "entity")]
    assert [(e.original, e.replacement) for e in words] == [("Lavroy", "Lavrov"), ("Libva", "Libya")]
    lavrov, libya = words
    assert source[lavrov.start : lavrov.end] == "Lavroy"
    assert "v->y" in lavrov.reason and "occurs" in lavrov.reason and "Lavrov" in lavrov.reason
    assert "y->v" in libya.reason and "gazetteer" in libya.reason
    assert all(0.8 <= e.confidence <= 1 for e in words)


def test_seed_reports_the_two_boilerplate_removals(engine, seed):
    source, _ = seed
    removals = [e for e in engine.normalize(source).applied if e.kind == "boilerplate"]
    assert len(removals) == 2
    assert removals[0].original.startswith("Updates on Afghanistan Sign up for a daily email")
    assert removals[1].original.startswith("Understand the Taliban Takeover in Afghanistan")
    assert "Who are the Taliban?" in removals[1].original
    assert all(e.replacement == "" and e.rule for e in removals)


def test_expected_seed_is_left_alone(engine, seed):
    _, expected = seed
    result = engine.normalize(expected)
    assert result.text == expected
    assert result.applied == ()


def test_suggest_mode_applies_nothing_and_reports_everything(engine, seed):
    source, _ = seed
    fixed = engine.normalize(source)
    checked = engine.check(source)
    assert checked.text == source
    assert checked.applied == ()
    assert {(e.original, e.replacement) for e in checked.suggestions} >= {
        (e.original, e.replacement) for e in fixed.applied if e.kind != "whitespace"
    }


def test_threshold_turns_fixes_into_suggestions():
    strict = Normalizer(Profile(threshold=1.0))
    result = strict.normalize("He met Sergey Lavroy.")
    assert result.text == "He met Sergey Lavroy."
    assert [(e.original, e.replacement, e.applied) for e in result.edits] == [
        ("Lavroy", "Lavrov", False)
    ]


def test_allow_list_protects_a_word(engine):
    text = "He met Sergey Lavroy."
    assert engine.normalize(text, allow=["lavroy"]).text == text
    assert Normalizer(Profile(allow=frozenset({"Lavroy"}))).normalize(text).text == text


def test_per_call_gazetteer_entry_is_a_correction_target(engine):
    text = "The envoy Zbigniew Wojtaszek met Zbigniew Wojtaszck."
    assert engine.normalize(text).text == text
    result = engine.normalize(text, gazetteer=[GazetteerEntry("Zbigniew Wojtaszek", "person")])
    assert result.text == "The envoy Zbigniew Wojtaszek met Zbigniew Wojtaszek."
    (edit,) = result.applied
    assert "user's gazetteer as a person" in edit.reason


def test_only_and_skip_select_stages(engine, seed):
    source, _ = seed
    kinds = {e.kind for e in engine.normalize(source, only=["boilerplate"]).edits}
    assert kinds == {"boilerplate"}
    kinds = {e.kind for e in engine.normalize(source, skip=["boilerplate", "whitespace"]).edits}
    assert kinds == {"ocr"}


def test_crlf_line_endings_are_kept(engine, seed):
    source, expected = seed
    result = engine.normalize(source.replace("\n", "\r\n"))
    assert result.text == expected.replace("\n", "\r\n")


def test_result_serializes_to_the_documented_schema(engine, seed):
    source, _ = seed
    data = json.loads(json.dumps(engine.normalize(source).to_dict()))
    required = set(EDIT_JSON_SCHEMA["required"])
    for item in data["edits"]:
        assert set(item) == required
        assert item["kind"] in EDIT_JSON_SCHEMA["properties"]["kind"]["enum"]
        assert Edit.from_dict(item).to_dict() == item
    assert data["stats"]["edits_applied"] == len([e for e in data["edits"] if e["applied"]])


def test_non_string_input_is_a_type_error(engine):
    with pytest.raises(TypeError, match="text must be str"):
        engine.normalize(b"bytes")  # type: ignore[arg-type]


def test_unicode_repairs_are_edits(engine):
    text = "The Mona Lisa doesnâ€™t have eyebrows.\u00a0Soft\u00adly a\u200bb ﬁne."
    result = engine.normalize(text)
    assert result.text == "The Mona Lisa doesn’t have eyebrows. Softly ab fine."
    rules = {e.rule for e in result.applied}
    assert {"unicode.ftfy", "unicode.space", "unicode.invisible"} <= rules


def test_a_fix_inside_a_unicode_repair_is_merged_into_one_edit(engine):
    text = "They met Sergey Lav\u200broy."
    result = engine.normalize(text)
    assert result.text == "They met Sergey Lavrov."
    (edit,) = result.applied
    assert (edit.original, edit.replacement) == ("Lav\u200broy", "Lavrov")
    assert "zero-width space" in edit.reason and "v->y" in edit.reason


def test_line_end_hyphenation_is_kept_by_default(engine):
    text = "The govern-\nment said so.\n"
    assert engine.normalize(text).text == text


def test_dehyphenate_joins_split_words_only():
    text = "The govern-\nment said that well-\nknown Taliban-\nlinked groups were care-\nful.\n"
    assert Normalizer(Profile(dehyphenate=True)).normalize(text).text == (
        "The government\nsaid that well-\nknown Taliban-\nlinked groups were careful.\n"
    )


def test_typography_ascii_profile_straightens_quotes():
    text = "“Yes,” she said — it’s done…"
    assert Normalizer().normalize(text).text == text
    ascii_engine = Normalizer(Profile(typography="ascii"))
    assert ascii_engine.normalize(text).text == "\"Yes,\" she said -- it's done..."
