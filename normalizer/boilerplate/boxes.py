"""Structural detector of titled boxes: explainers, fact boxes, Q&A, numbers and background
boxes that sites inject between the paragraphs of an article.

A box has a shape, whatever its title says: a short title line without closing punctuation (or
a `Label:` opening its only paragraph), then one to three sentences of self-contained general
background that do not continue the article's narrative. The detector weighs evidence for and
against that shape (title cue, body length, definitions, tense, person, quotations, reporting
verbs, people the article names, an opening that refers back) into log-odds, turns them into a
confidence, and proposes a removal at `min-confidence`; the pipeline applies it when the
confidence reaches the profile threshold and otherwise reports it as a suggestion. Cues and
weights are data: `dictionaries/boilerplate/detector/titled-boxes.toml`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..lexicon import dictionaries_dir
from ..patterns import Pattern, compile_regex
from ..profile import read_toml
from .packs import PackError, check_keys, compile_pack_pattern, get_key
from .paragraphs import Match, Para, normalized, snippet
from .prose import NEWS_TIME
from .rules import SMALL_WORDS, titleish

RULE_ID = "explainer.titled-box"
MAX_TITLE_WORDS = 14
MAX_BODY_WORDS = 90
MAX_BODY_SENTENCES = 3
MAX_LIST_ITEMS = 6
MAX_ITEM_WORDS = 15

_SENTENCE_END = compile_regex(r"""[.!?…]['"’”)\]]*$""")
# A sentence boundary that is not an abbreviation such as "Mr." or "U.S.".
_SENTENCE_BREAK = compile_regex(
    r"(?<!\b(?:Mr|Ms|Mrs|Dr|St|Gen|Sen|Rep|Gov|Jr|Sr|No|vs|Inc|Corp|Co|Ltd|[A-Z]))[.!?]['\"’”]?\s+(?=[A-Z\"“‘'])"
)
_LABEL = compile_regex(r"^([^:.!?]{2,40}):\s+(?=\S)")
_QA_LINE = compile_regex(r"^(?:Q|A)\s*[:.]\s")
_QUOTATION = compile_regex(r"“[^”]{12,}”|\"[^\"]{12,}\"")
_CAPITALIZED_WORD = compile_regex(r"[A-Z][\w'’-]{2,}")
# Verbs that only report speech: the prose guard's wider list has "claimed", "promised" ...,
# which background sentences use too ("Britain and Venezuela both claimed it").
_REPORTING = compile_regex(
    r"\b(?:said|says|told|tells|added|explained|announced|recalled|testified"
    r"|warned|insisted|argued|wrote|asked|noted|confirmed)\b"
)
_FIRST_PERSON = compile_regex(r"\b(?:I|me|my|mine|I'm|I’m|I've|I’ve)\b")
_ANAPHORA = compile_regex(
    r"^(?:He|She|They|His|Her|Their|Them|It(?! is a\b)|This|That|These|Those|But|And|So|Yet|"
    r"However|Still|Instead|Meanwhile|Then|Later|Also|Such|The move|The decision|The comments"
    r"|The remarks|The statement|The announcement)\b"
)
# "It" and "They" open a box's second sentence about its subject ("They control the north").
_SUBJECT_PRONOUN = compile_regex(r"^(?:It|Its|They|Their)\b")
# A line of one repeated mark ('-----', '====='): the underline of a section heading.
_UNDERLINE = compile_regex(r"^([-=~^*#+_])\1{2,}$")
# News time: the article's narrative, never a box's general background.
_RECENT = compile_regex(rf"\b(?:{NEWS_TIME}|earlier this|(?:hours|minutes|days) ago)\b")
_DEFINITION = compile_regex(
    r"^(?:The |A |An )?[\w'’.&-]+(?: [\w'’.&()-]+){0,6} (?:is|are|was|were) (?:a|an|the|one of|"
    r"made up of|part of|known as|home to|responsible for)\b"
    r"|\b(?:was|were) (?:founded|formed|established|created|set up|introduced|signed|adopted)\b"
    r"|\b(?:refers? to|stands? for|is defined as|means that|is short for)\b"
)
_TITLE_ANAPHORA = compile_regex(
    r"\b(?i:he|she|it|they|him|her|them|his|its|their|this|that|these|those|now|then|next)\b"
)
_CONTENT_WORD = compile_regex(r"[\w'’-]{4,}")
_ACRONYM = compile_regex(r"\b[A-Z]{2,6}\b")
# Title words that say what kind of box it is, not what it is about.
_TITLE_FILLERS = frozenset({
    "what", "when", "where", "which", "with", "does", "have", "about", "explainer", "factbox",
    "facts", "fact", "know", "need", "things", "numbers", "background", "works", "work",
})
_PRESENT = compile_regex(
    r"\b(?:is|are|has|have|does|do|can|includes?|means|allows?|lets|works?|requires?|covers?"
    r"|runs?|holds?|sets?|gives?)\b"
)
_PAST = compile_regex(r"\b(?:was|were|had|did|[a-z]{3,}ed)\b")
_HONORIFIC_NAME = compile_regex(
    r"\b(?:Mr|Ms|Mrs|Dr|Sen|Rep|Gen|Gov|Prof|President|Senator|Judge|Justice|Minister|Secretary"
    r"|Chancellor|Governor|Mayor|Pope|King|Queen|Prince|Princess|Sheikh|Chief|Coach|Captain)\.?"
    r"\s+(?:[A-Z]\.\s+)*([A-Z][\w'’-]{2,})"
)
# The cheap tests first: a word start with a capital, and only then the look behind it (the
# pattern is tried at every position of the article).
_SPEAKER = compile_regex(
    r"\b(?=[A-Z])(?<!\b(?:the|The)\s)([A-Z][\w'’-]{2,})\s+(?:said|says|told|added|wrote)\b"
    r"|\b(?:said|says|told)\s+(?:[A-Z][\w'’-]+\s+)+?([A-Z][\w'’-]{2,})\b"
)


@dataclass(frozen=True, slots=True)
class Detector:
    """Compiled cues and weights of `titled-boxes.toml`."""

    strong: tuple[Pattern, ...]
    question: tuple[Pattern, ...]
    weights: dict[str, float]

    @property
    def min_confidence(self) -> float:
        return self.weights["min-confidence"]


_WEIGHTS = {
    "bias", "strong-title", "question-title", "short-body", "definition", "present-tense",
    "list-body", "reporting", "quotation", "article-person", "first-person", "anaphora",
    "long-title", "narrative-past", "min-confidence", "max-confidence", "title-echo",
    "title-anaphora",
}


def detector_path() -> Path:
    """The shipped detector file."""
    return _detector_file(dictionaries_dir())


@lru_cache(maxsize=4)
def _detector_file(dictionaries: Path) -> Path:
    """The same path for the same folder: `load_detector`'s cache, asked once per document,
    then hashes a path it has hashed before instead of a new one."""
    return dictionaries / "boilerplate" / "detector" / "titled-boxes.toml"


@lru_cache(maxsize=4)
def load_detector(path: Path) -> Detector:
    """Parse and compile the detector file; a `PackError` names the file and the key."""
    data = read_toml(path, "box detector", PackError)
    where = path.name
    check_keys(data, {"description", "provenance", "licence", "strong", "question", "weights"},
               where)
    weights = get_key(data, "weights", dict, where)
    check_keys(weights, _WEIGHTS, f"{where} [weights]")
    missing = sorted(_WEIGHTS - set(weights))
    if missing:
        raise PackError(f"{where} [weights]: missing required key {missing[0]!r}")

    def cues(key: str) -> tuple[Pattern, ...]:
        return tuple(
            compile_pack_pattern(f"(?i:{source})[:?]?", f"{where} {key}")  # type: ignore[misc]
            for source in get_key(data, key, list, where)
        )

    return Detector(cues("strong"), cues("question"), {k: float(v) for k, v in weights.items()})


@dataclass(slots=True)
class _Box:
    title: str
    first: int  # paragraph indices, inclusive
    last: int
    body: list[str]


def _title_cue(detector: Detector, title: str) -> str | None:
    if any(p.fullmatch(title) for p in detector.strong):
        return "strong"
    if any(p.fullmatch(title) for p in detector.question):
        return "question"
    return None


def _sentences(body: list[str]) -> int:
    return sum(len(_SENTENCE_BREAK.split(p)) for p in body)


def article_people(text: str) -> set[str]:
    """Surnames of the people `text` names: after an honorific or title, or as a speaker."""
    names = {m.group(1) for m in _HONORIFIC_NAME.finditer(text)}
    for found in _SPEAKER.finditer(text):
        names.add(found.group(1) or found.group(2))
    return names


def _looks_like_title(para: Para, norm: str) -> bool:
    if para.words > MAX_TITLE_WORDS:
        return False
    return titleish(norm) or (norm[:1].isupper() and norm.endswith("?"))


def _is_section_heading(text: str, paras: list[Para], index: int) -> bool:
    """A title underlined on the next line ('Background' over '----------'): a section of a
    structured document (a specification, a README), never a box a site injected."""
    return index + 1 < len(paras) and bool(_UNDERLINE.match(normalized(paras[index + 1], text)))


def _candidates(text: str, paras: list[Para], taken: set[int]) -> list[_Box]:
    """Title lines with the paragraphs that may form their body, and `Label: body` paragraphs.
    The document's first paragraph is its own title, never a box."""
    boxes = []
    for index in range(1, len(paras)):
        para = paras[index]
        if index in taken or para.end - para.start > 12 * MAX_BODY_WORDS:
            continue
        norm = normalized(para, text)
        if _looks_like_title(para, norm) and not _is_section_heading(text, paras, index):
            body: list[str] = []
            nxt = index + 1
            while nxt < len(paras) and nxt not in taken and len(body) < MAX_LIST_ITEMS:
                paragraph = normalized(paras[nxt], text)
                if sum(len(b.split()) for b in body) + paras[nxt].words > MAX_BODY_WORDS:
                    break
                body.append(paragraph)
                nxt += 1
            if body:
                boxes.append(_Box(norm, index, nxt - 1, body))
        label = _LABEL.match(norm)
        if label and _SENTENCE_END.search(norm) and len(norm[label.end() :].split()) >= 6:
            boxes.append(_Box(label.group(1), index, index, [norm[label.end() :]]))
    return boxes


def _list_items(body: list[str]) -> list[str] | None:
    """The short unpunctuated items of a numbers or key-facts box, when there are two or more."""
    items = []
    for item in body:
        if len(item.split()) > MAX_ITEM_WORDS or _SENTENCE_END.search(item):
            break
        items.append(item)
    return items if len(items) >= 2 else None


def _prose_body(title: str, body: list[str]) -> list[str] | None:
    """One to three sentences: in one paragraph, or spread over short paragraphs that carry
    nothing of a news narrative (`_continues_box`); or a run of Q: / A: lines."""
    kept: list[str] = []
    for paragraph in body:
        qa_line = _QA_LINE.match(paragraph) is not None
        if kept and _QA_LINE.match(kept[0]):
            fits = qa_line
        else:
            fits = (
                _SENTENCE_END.search(paragraph) is not None
                and _sentences([*kept, paragraph]) <= MAX_BODY_SENTENCES
                and (not kept or _continues_box(title, paragraph))
            )
        if not fits:
            break
        kept.append(paragraph)
    return kept or None


def _continues_box(title: str, paragraph: str) -> bool:
    """Whether a paragraph after a box's first one can still be the box: short, about the box's
    subject (it restates the title or opens with It/They), and without the marks of the
    article's narrative (news time, reporting, quotes, people, first person)."""
    return (
        len(paragraph.split()) <= MAX_ITEM_WORDS * 3
        and bool(_SUBJECT_PRONOUN.match(paragraph) or _echoes(title, paragraph))
        and not _RECENT.search(paragraph)
        and not _REPORTING.search(paragraph)
        and not _QUOTATION.search(paragraph)
        and not _HONORIFIC_NAME.search(paragraph)
        and not _FIRST_PERSON.search(paragraph)
    )


def _echoes(title: str, sentence: str) -> bool:
    """Whether `sentence` restates a content word of `title`, or spells out its acronym
    ("What does the ICC do?" / "The International Criminal Court ...")."""
    title_words = {w.lower() for w in _CONTENT_WORD.findall(title)} - _TITLE_FILLERS
    if title_words & {w.lower() for w in _CONTENT_WORD.findall(sentence)}:
        return True
    acronyms = _ACRONYM.findall(title)
    if not acronyms:
        return False
    initials = ""  # capitals of the capitalized words; small words skipped, others break
    for word in sentence.split():
        if word[0].isupper():
            initials += word[0]
        elif word.lower() not in SMALL_WORDS:
            initials += " "
    return any(acronym in initials for acronym in acronyms)


def _score(
    detector: Detector, title: str, cue: str | None, body: list[str], people: set[str],
    list_box: bool,
) -> tuple[float, list[str]]:
    """Log-odds that `title` + `body` is an injected box, and the evidence that counted."""
    w = detector.weights
    score = w["bias"]
    evidence: list[str] = []

    def add(name: str, times: float = 1.0) -> None:
        nonlocal score
        score += w[name] * times
        evidence.append(name)

    if cue:
        add(f"{cue}-title")
    if len(title.split()) > 10:
        add("long-title")
    if cue != "strong" and _TITLE_ANAPHORA.search(title):
        add("title-anaphora")
    text = " ".join(body)
    if _echoes(title, _SENTENCE_BREAK.split(body[0])[0]):
        add("title-echo")
    if list_box:
        add("list-body")
    elif _sentences(body) <= MAX_BODY_SENTENCES:
        add("short-body")
    if _DEFINITION.search(text):
        add("definition")
    present, past = len(_PRESENT.findall(text)), len(_PAST.findall(text))
    if present > past:
        add("present-tense")
    if past > 2:
        add("narrative-past", past - 2)
    if _REPORTING.search(text):
        add("reporting")
    if _QUOTATION.search(text):
        add("quotation")
    if _FIRST_PERSON.search(_QUOTATION.sub("", text)):
        add("first-person")
    if _ANAPHORA.match(body[0]):
        add("anaphora")
    words = set(_CAPITALIZED_WORD.findall(text))
    # The person a "Who is X?" box is about is its subject, not the narrative going on.
    if (words & people) - set(title.replace("?", " ").split()):
        add("article-person")
    return score, evidence


def box_matches(text: str, paras: list[Para], taken: set[int], threshold: float) -> list[Match]:
    """Titled boxes among the paragraphs not in `taken`, applied at `threshold` and above."""
    detector = load_detector(detector_path())
    found: list[Match] = []
    people: set[str] | None = None  # computed for the first candidate only
    used: set[int] = set()
    for box in _candidates(text, paras, taken):
        if box.first in used:
            continue
        cue = _title_cue(detector, box.title)
        one_paragraph = box.first == box.last
        if one_paragraph and cue is None:
            continue  # a `Label:` paragraph needs a box title as its label
        list_box = cue == "strong" and not one_paragraph and not _SENTENCE_END.search(box.body[0])
        body = _list_items(box.body) if list_box else _prose_body(box.title, box.body)
        if body is None:
            continue
        if people is None:
            people = article_people(text)
        score, evidence = _score(detector, box.title, cue, body, people, list_box)
        confidence = min(1 / (1 + math.exp(-score)), detector.weights["max-confidence"])
        if confidence < detector.min_confidence:
            continue
        last = box.first if one_paragraph else box.first + len(body)
        used.update(range(box.first, last + 1))
        reason = (
            f"titled box: '{snippet(box.title)}' with {_sentences(body)} sentence(s) of "
            f"background ({', '.join(evidence)})"
        )
        found.append(Match(RULE_ID, box.first, last, round(confidence, 3), reason,
                           applied=confidence >= threshold))
    return found
