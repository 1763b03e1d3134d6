"""Boilerplate stage: data-driven cases, the seed article, span shape, packs and speed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from normalizer import Normalizer, boilerplate, lexicon
from normalizer.boilerplate.boxes import article_people
from normalizer.boilerplate.paragraphs import Para, paragraphs
from normalizer.model import Edit, apply_edits
from normalizer.profile import ConfigError, Profile

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases" / "boilerplate"
SEED = ROOT / "seeds" / "pompeo-lavrov-bounties"


def _load(name: str) -> list[dict[str, Any]]:
    return json.loads((CASES / name).read_text(encoding="utf-8"))


POSITIVE = _load("positive.json")
NEGATIVE = _load("negative.json")
KNOWN_FAILURES = _load("known_failures.json")
HARD_NEGATIVES = _load("hard_negatives.json")
# Prose around a single promo or sentence under test.
BEFORE = "The council voted 7 to 2 on Tuesday to approve the transit budget after months of debate."
AFTER = "Officials expect the first new routes to open in the spring, though delays are possible."


def _propose(text: str, packs: tuple[str, ...] | None = None) -> list[Edit]:
    # The stage reads only `ctx.profile`, so it is tested without the lexicon.
    return boilerplate.propose(text, SimpleNamespace(profile=Profile(boilerplate_packs=packs)))


def _clean(text: str) -> str:
    return apply_edits(text, _propose(text))


def _paragraph_starts(text: str) -> set[int]:
    return {m.start() for m in re.finditer(r"(?m)^[^\S\r\n]*\S", text)}


def _assert_paragraph_spans(text: str, edits: list[Edit]) -> None:
    """Spans run from a paragraph start to the next paragraph start; a run of removals that
    closes the document instead runs from the end of one paragraph to the end of the next."""
    starts = _paragraph_starts(text)
    tail = len(text.rstrip())
    closing = len(edits)
    while closing and edits[closing - 1].end == (edits[closing].start if closing < len(edits) else tail):
        closing -= 1
    for index, edit in enumerate(edits):
        assert text[edit.start : edit.end] == edit.original
        if index >= closing and edit.start > 0:
            for pos in (edit.start, edit.end):
                assert text[pos - 1] not in " \r\n", (edit.rule, edit.original)
                assert text[pos : pos + 1] in ("\r", "\n", ""), (edit.rule, edit.original)
        else:
            assert edit.start in starts, (edit.rule, edit.original[:40])
            assert edit.end in starts or edit.end == tail, (edit.rule, edit.original[-40:])


# --------------------------------------------------------------------------- data-driven cases


@pytest.mark.parametrize("case", POSITIVE, ids=[c["id"] for c in POSITIVE])
def test_positive_case(case: dict[str, Any]) -> None:
    edits = _propose(case["input"])
    assert [e.rule for e in edits] == case["rules"]
    assert apply_edits(case["input"], edits) == case["expected"]
    for edit in edits:
        assert edit.kind == "boilerplate"
        assert edit.replacement == ""
        assert edit.applied
        assert 0.9 <= edit.confidence <= 0.99
        assert "'" in edit.reason and len(edit.reason) > 20
    _assert_paragraph_spans(case["input"], edits)


@pytest.mark.parametrize("case", POSITIVE, ids=[c["id"] for c in POSITIVE])
def test_positive_case_crlf(case: dict[str, Any]) -> None:
    text = case["input"].replace("\n", "\r\n")
    assert _clean(text) == case["expected"].replace("\n", "\r\n")


@pytest.mark.parametrize("case", POSITIVE, ids=[c["id"] for c in POSITIVE])
def test_positive_case_one_line_per_paragraph(case: dict[str, Any]) -> None:
    text = case["input"].replace("\n\n", "\n")
    assert _clean(text) == case["expected"].replace("\n\n", "\n")


@pytest.mark.parametrize("case", NEGATIVE, ids=[c["id"] for c in NEGATIVE])
def test_negative_case_unchanged(case: dict[str, Any]) -> None:
    assert _propose(case["text"]) == []
    assert _propose(case["text"].replace("\n\n", "\n")) == []


@pytest.mark.parametrize("case", KNOWN_FAILURES, ids=[c["id"] for c in KNOWN_FAILURES])
def test_known_failure_still_fails(case: dict[str, Any]) -> None:
    # A documented gap; when this assertion breaks, move the case to positive.json.
    assert _clean(case["input"]) != case["expected"], "known failure now passes"


@pytest.mark.parametrize("case", HARD_NEGATIVES, ids=[c["id"] for c in HARD_NEGATIVES])
def test_news_sentence_that_starts_like_a_promo_stays(case: dict[str, Any]) -> None:
    # Alone, and as a paragraph between two others, as it would sit in an article.
    assert _propose(case["text"]) == []
    text = f"{BEFORE}\n\n{case['text'].strip()}\n\n{AFTER}\n"
    assert _propose(text) == []


def test_case_counts() -> None:
    assert len(POSITIVE) >= 20
    assert len(NEGATIVE) >= 25
    assert len(HARD_NEGATIVES) >= 200
    ids = [c["id"] for c in POSITIVE + NEGATIVE + KNOWN_FAILURES + HARD_NEGATIVES]
    assert len(ids) == len(set(ids))


def test_mixed_document() -> None:
    """Negatives and positives interleaved in one document: only the promos go."""
    prose_cases = [c for c in NEGATIVE if not c.get("whole_document")]
    parts_in: list[str] = []
    parts_out: list[str] = []
    for i, case in enumerate(POSITIVE):
        prose = prose_cases[i % len(prose_cases)]["text"].strip()
        parts_in += [prose, case["input"].strip()]
        parts_out += [prose, case["expected"].strip()]
    text = "\n\n".join(parts_in) + "\n"
    edits = _propose(text)
    assert apply_edits(text, edits) == "\n\n".join(p for p in parts_out if p) + "\n"
    assert [e.rule for e in edits] == [r for c in POSITIVE for r in c["rules"]]
    _assert_paragraph_spans(text, edits)


# --------------------------------------------------------------------------- pack examples

def _pack_rules() -> list[boilerplate.packs.Rule]:
    found = boilerplate.available_packs([lexicon.dictionaries_dir() / "boilerplate"])
    return [rule for path in found.values() for rule in boilerplate.parse_pack(path).rules]


EXAMPLES = [(r.id, text) for r in _pack_rules() for text in r.examples]
COUNTER_EXAMPLES = [(r.id, text) for r in _pack_rules() for text in r.counter_examples]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES, ids=[f"{r}:{t[:40]}" for r, t in EXAMPLES])
def test_pack_example_is_removed_by_its_rule(rule: str, example: str) -> None:
    text = f"{BEFORE}\n\n{example}\n\n{AFTER}\n"
    edits = _propose(text)
    assert [e.rule for e in edits] == [rule]
    assert apply_edits(text, edits) == f"{BEFORE}\n\n{AFTER}\n"


@pytest.mark.parametrize(
    ("rule", "example"), COUNTER_EXAMPLES, ids=[f"{r}:{t[:40]}" for r, t in COUNTER_EXAMPLES]
)
def test_pack_counter_example_stays(rule: str, example: str) -> None:
    text = f"{BEFORE}\n\n{example}\n\n{AFTER}\n"
    assert _propose(text) == []


def test_every_rule_has_examples() -> None:
    for rule in _pack_rules():
        assert rule.examples, f"{rule.id} has no examples"


# --------------------------------------------------------------------------- the seed


def test_seed_removes_exactly_the_two_promo_blocks() -> None:
    text = SEED.with_suffix(".input.txt").read_text(encoding="utf-8")
    expected = SEED.with_suffix(".expected.txt").read_text(encoding="utf-8")
    edits = _propose(text)
    assert [e.rule for e in edits] == ["newsletter.signup", "explainer.understand-box"]
    assert edits[0].original.startswith("Updates on Afghanistan Sign up for a daily email")
    assert edits[0].original.endswith("Get it sent to your inbox.\n\n")
    assert edits[1].original.startswith("Understand the Taliban Takeover in Afghanistan\n\n")
    assert edits[1].original.endswith("their record as rulers.\n\n")
    assert "'email'" in edits[0].reason
    _assert_paragraph_spans(text, edits)
    out = re.sub(r"\n{3,}", "\n\n", apply_edits(text, edits))
    # The two misspellings are the spelling stage's job, not this one's.
    out = out.replace("Lavroy", "Lavrov").replace("Libva", "Libya")
    assert out == expected


def test_promo_at_end_takes_preceding_separator() -> None:
    text = "First paragraph of prose.\n\nAdvertisement\n"
    edits = _propose(text)
    assert [(e.start, e.end) for e in edits] == [(25, 40)]
    assert apply_edits(text, edits) == "First paragraph of prose.\n"


def test_promo_ending_a_block_keeps_blocks_apart() -> None:
    text = "Line one of prose.\nAdvertisement\n\nNext block of prose.\n"
    assert _clean(text) == "Line one of prose.\n\nNext block of prose.\n"


def test_a_text_that_is_only_promo_is_kept_with_the_removal_suggested() -> None:
    for text in ("Advertisement\n", "Advertisement",
                 "Advertisement\n\nSign up for our newsletter\n"):
        edits = _propose(text)
        assert edits and not any(e.applied for e in edits), text
        assert all(boilerplate.WHOLE_TEXT_REASON in e.reason for e in edits)
        assert _clean(text) == text
    assert _clean("") == ""
    # One line of prose left beside the promo is enough for the removal to stand.
    assert _clean("Officials spoke.\n\nAdvertisement\n") == "Officials spoke.\n"


def test_a_lone_word_read_as_a_promo_label_is_left_to_the_spelling_stage() -> None:
    assert Normalizer().normalize("advertisment").text == "advertisement"
    assert Normalizer().normalize("Advertisement").text == "Advertisement"


# --------------------------------------------------------------------------- packs


def test_shipped_packs_are_documented_and_exercised() -> None:
    found = boilerplate.available_packs([lexicon.dictionaries_dir() / "boilerplate"])
    assert {"ads", "newsletter", "explainer", "navigation", "social", "related"} <= set(found)
    exercised = {r for c in POSITIVE for r in c["rules"]} | {rule for rule, _text in EXAMPLES}
    for path in found.values():
        pack = boilerplate.parse_pack(path)
        assert pack.description and pack.provenance and pack.licence
        for rule in pack.rules:
            assert re.fullmatch(r"[a-z]+\.[a-z-]+", rule.id), rule.id
            assert rule.id in exercised, f"{rule.id} has no positive case or example"


def test_profile_selects_packs() -> None:
    text = "Prose here.\n\nAdvertisement\n\nFollow us on Twitter\n\nMore prose.\n"
    assert [e.rule for e in _propose(text, ("ads",))] == ["ad.advertisement-line"]
    assert [e.rule for e in _propose(text, ("social",))] == ["social.follow-prompt"]
    assert _propose(text, ()) == []
    with pytest.raises(ConfigError, match="unknown pack 'nope'"):
        _propose(text, ("nope",))


def test_extra_pack_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "house.toml").write_text(
        'id = "house"\ndescription = "d"\nprovenance = "p"\nlicence = "MIT"\n'
        '[[rules]]\nid = "house.donate"\nkeywords = ["donate"]\n'
        "pattern = '''Donate to the Daily Planet today\\.'''\nmax-words = 8\n"
        'confidence = 0.95\nreason = "house promo: {snippet}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv(boilerplate.PATH_ENV, str(tmp_path))
    text = "Prose.\n\nDonate to the Daily Planet today.\n\nAdvertisement\n\nMore prose.\n"
    assert [e.rule for e in _propose(text, ("house",))] == ["house.donate"]
    assert [e.rule for e in _propose(text)] == ["house.donate", "ad.advertisement-line"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('id = "x"\ndescription = "d"\nprovenance = "p"\nlicence = "l"\ncolour = 1\nrules = []',
         "unknown key 'colour'"),
        ('id = "x"\ndescription = "d"\nprovenance = "p"\nlicence = "l"\n[[rules]]\nid = "x.y"\n'
         'keywords = ["a"]\npattern = "("\nmax-words = 3\nconfidence = 0.9\nreason = "r"',
         "x.y.*invalid regular expression"),
        ('id = "x"\ndescription = "d"\nprovenance = "p"\nlicence = "l"\n[[rules]]\nid = "x.y"\n'
         'keywords = ["A"]\npattern = "a"\nmax-words = 3\nconfidence = 0.9\nreason = "r"',
         "lowercase"),
        ('id = "x"\nprovenance = "p"\nlicence = "l"\nrules = []', "missing required key 'description'"),
    ],
)
def test_invalid_pack_is_rejected(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(boilerplate.PackError, match=message):
        boilerplate.parse_pack(path)


def test_dictionaries_dir_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert lexicon.dictionaries_dir() == ROOT / "dictionaries"
    monkeypatch.setenv("NORMALIZER_DICTIONARIES", str(tmp_path))
    assert lexicon.dictionaries_dir() == tmp_path


# --------------------------------------------------------------------------- scale


def test_a_megabyte_of_clean_prose_yields_no_removal() -> None:
    prose = SEED.with_suffix(".expected.txt").read_text(encoding="utf-8")
    assert _propose(prose * (1_000_000 // len(prose))) == []


# --------------------------------------------------------------------------- prose guard


@pytest.mark.parametrize(
    "sentence",
    [
        "Already a member of NATO since 2023, Finland has doubled its defence budget and bought F-35 jets.",
        "Subscribe to the podcast on Spotify or Apple Podcasts, the host joked during the broadcast.",
        "Copyright 2019 rules were struck down by the European Court of Justice in March.",
    ],
)
def test_prose_guard_keeps_news_sentences(sentence: str) -> None:
    assert boilerplate.prose.is_news_prose(sentence)
    assert _propose(f"{BEFORE}\n\n{sentence}\n\n{AFTER}\n") == []


@pytest.mark.parametrize(
    "promo",
    [
        "Subscribe now for unlimited access to our journalism.",
        "Already a subscriber? Log in.",
        "Copyright 2024 The Associated Press. All rights reserved. This material may not be published.",
        "Get the Evening Update newsletter delivered each weekday.",
        "Advertisement - Scroll to continue",
    ],
)
def test_prose_guard_lets_promos_go(promo: str) -> None:
    assert not boilerplate.prose.is_news_prose(promo)


LICENCE = (
    "# PHILOX\n\nCopyright 2010-2012, D. E. Shaw Research.\nAll rights reserved.\n\n"
    "Redistribution and use in source and binary forms, with or without modification, are "
    "permitted provided that the following conditions are met:\n"
)


def test_a_licence_keeps_its_copyright_line() -> None:
    # The same line ends a wire story as its rights footer; in a licence it is the subject.
    assert _propose(LICENCE) == []
    footer = "Copyright 2010-2012, D. E. Shaw Research.\nAll rights reserved.\n"
    assert [e.rule for e in _propose(f"{BEFORE}\n\n{footer}")] == ["footer.standards"]


def test_a_document_is_searched_once_for_what_vetoes_a_rule() -> None:
    lines = "".join(f"Copyright 20{n % 90 + 10} Agency {n}.\n\n" for n in range(2000))
    searched = []
    rule = next(r for r in boilerplate.load_rules(None, boilerplate.pack_dirs()).rules
                if r.id == "footer.standards")
    original = rule.unless_document
    class Counting:  # the rule's pattern, counting its searches
        def search(self, text: str) -> object:
            searched.append(len(text))
            return original.search(text)
    object.__setattr__(rule, "unless_document", Counting())
    try:
        assert len(_propose(f"{BEFORE}\n\n{lines}{LICENCE}")) == 0
        assert len(searched) == 1
    finally:
        object.__setattr__(rule, "unless_document", original)


def test_advertising_heading_above_its_section_stays() -> None:
    text = f"{BEFORE}\n\nAdvertising\n\nAdvertising revenue at the group fell 12 percent in the quarter.\n"
    assert _propose(text) == []
    assert [e.rule for e in _propose(f"{BEFORE}\n\nAdvertising\n\n{AFTER}\n")] == ["ad.ambiguous-label"]


# --------------------------------------------------------------------------- titled boxes

BOXES = [
    "Explainer: What is NATO?\n\nNATO is a military alliance of 32 countries in Europe and North America, founded in 1949. Its members agree that an attack on one is an attack on all.",
    "Who are the Houthis?\n\nThe Houthis are a Yemeni rebel movement backed by Iran. They control much of the country's north.",
    "Factbox\n\nThe International Criminal Court was set up in 2002 to try genocide, war crimes and crimes against humanity.",
    "How the filibuster works\n\nThe filibuster is a Senate rule that lets a minority of senators delay or block a vote. Ending one takes 60 votes.",
    "Background: The Taliban ruled Afghanistan from 1996 to 2001 and returned to power in August 2021.",
    "By the numbers\n\n32 member countries\n\n1949: the year the alliance was founded\n\n2%: the share of GDP members pledge to spend on defence",
    "Q&A: What is a recession?\n\nA recession is a significant decline in economic activity that lasts more than a few months.",
]


@pytest.mark.parametrize("box", BOXES, ids=[b.split("\n")[0][:30] for b in BOXES])
def test_titled_box_is_removed(box: str) -> None:
    text = f"{BEFORE}\n\n{box}\n\n{AFTER}\n"
    edits = _propose(text)
    assert [e.rule for e in edits] == ["explainer.titled-box"]
    assert edits[0].applied and 0.8 <= edits[0].confidence <= 0.97
    assert "titled box" in edits[0].reason
    assert apply_edits(text, edits) == f"{BEFORE}\n\n{AFTER}\n"


@pytest.mark.parametrize(
    "section",
    [
        # a subhead whose paragraph goes on with the story: quotes, reporting, the article's people
        "How did it happen?\n\nInvestigators are still trying to piece together the final minutes of the flight.",
        "What Comes Next\n\nMr. Alvarez said he would appeal the ruling on Monday.",
        "The Background\n\n\"We were never told,\" said Ana Ruiz, who has lived in the valley since 1987.",
        "Why now?\n\nHe has avoided directly answering questions about the timing of the decision.",
    ],
)
def test_article_section_is_not_a_box(section: str) -> None:
    text = f"Mr. Alvarez spoke to reporters in Lima.\n\n{BEFORE}\n\n{section}\n\n{AFTER}\n"
    assert [e for e in _propose(text) if e.applied] == []


def test_weak_box_is_only_a_suggestion() -> None:
    # No title cue: the shape alone (a short title, one generic sentence) is not enough to act.
    text = f"{BEFORE}\n\nThe Alliance\n\nNATO is a military alliance of 32 countries founded in 1949.\n\n{AFTER}\n"
    edits = _propose(text)
    assert [(e.rule, e.applied) for e in edits] == [("explainer.titled-box", False)]
    assert 0.6 <= edits[0].confidence < 0.8
    assert apply_edits(text, edits) == text


def test_box_threshold_follows_the_profile() -> None:
    text = f"{BEFORE}\n\n{BOXES[1]}\n\n{AFTER}\n"
    strict = boilerplate.propose(text, SimpleNamespace(profile=Profile(threshold=0.99)))
    assert [(e.rule, e.applied) for e in strict] == [("explainer.titled-box", False)]


def test_box_detector_off_without_the_explainer_pack() -> None:
    text = f"{BEFORE}\n\n{BOXES[1]}\n\n{AFTER}\n"
    assert _propose(text, ("ads", "social")) == []


def test_document_title_is_never_a_box() -> None:
    text = f"{BOXES[1]}\n\n{AFTER}\n"
    assert _propose(text) == []


# --------------------------------------------------------------------------- family wordings

FAMILY_CASES = _load("families.json")


@pytest.mark.parametrize("case", FAMILY_CASES, ids=[c["id"] for c in FAMILY_CASES])
def test_family_wording(case: dict[str, Any]) -> None:
    """Wordings of each family that no rule example spells out: the family rule must hold."""
    text = f"{BEFORE}\n\n{case['block']}\n\n{AFTER}\n"
    expected = f"{BEFORE}\n\n{AFTER}\n" if case["removed"] else text
    assert _clean(text) == expected


def test_box_body_may_spread_over_paragraphs_about_its_subject() -> None:
    box = (
        "What is the Schengen Area?\n\nThe Schengen Area is a zone of 29 European countries "
        "without passport checks at shared borders.\n\nIt was created in 1985."
    )
    text = f"{BEFORE}\n\n{box}\n\n{AFTER}\n"
    assert _clean(text) == f"{BEFORE}\n\n{AFTER}\n"


def test_who_is_box_about_the_articles_protagonist_is_removed() -> None:
    # The box repeats the article's subject; the person it is about does not count against it,
    # any other person of the article would.
    article = "President Javier Milei cut spending again on Monday, Mr. Milei's office said."
    box = "Who is Javier Milei?\n\nJavier Milei is a libertarian economist who became Argentina's president in 2023."
    text = f"{article}\n\n{box}\n\n{AFTER}\n"
    assert _clean(text) == f"{article}\n\n{AFTER}\n"
    other = box.replace("who became", "who, with Mr. Caputo, became")
    edits = _propose(f"Mr. Caputo spoke on Monday.\n\n{article}\n\n{other}\n\n{AFTER}\n")
    assert [e.applied for e in edits] == [False]


@pytest.mark.parametrize(("text", "people"), [
    ("Ms. Ardern spoke. Hipkins said the plan works, said Prime Minister Luxon.",
     {"Ardern", "Hipkins", "Minister", "Luxon"}),
    ("The Government said so. the Treasury told them.", set()),  # 'The X said' is no person
    ("Officials said nothing; told Mr Ng's aide.", {"Officials", "Ng's"}),
    ("no names said anything here", set()),
])
def test_article_people_are_the_named_and_the_speakers(text, people):
    assert article_people(text) == people


@pytest.mark.parametrize("text", [
    "Title\n\nFirst line.\r\nSecond line.\r\rAfter two returns\n \t\nlast",
    "\n\n  lead\rmid\u2028same line\x0b\x1c\n\r\n\n", "one", "", "\r", " \n \r ",
])
def test_paragraphs_are_the_lines_a_pattern_finds(text):
    """Cut by str.split, the runs of characters other than a line break, as a scan finds."""
    found, prev_end, blank = [], 0, True
    for match in re.finditer(r"[^\r\n]+", text):
        start, end = match.span()
        if match.group().isspace():
            blank = True
            continue
        gap = text[prev_end:start]
        blank = blank or gap.count("\n") >= 2 or ("\n" not in gap and gap.count("\r") >= 2)
        found.append(Para(start, end, blank))
        blank, prev_end = False, end
    assert paragraphs(text) == found
