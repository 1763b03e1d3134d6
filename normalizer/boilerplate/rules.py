"""Matching the rules of the packs against paragraphs.

A rule either matches one paragraph (`Sign up for ...`, `Advertisement`) or is a *box*: a
heading paragraph followed by a bounded number of body paragraphs (`Share this` + one network
name per line). A paragraph that the prose guard finds to be a complete news sentence is never
removed, whatever rule matched it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .packs import BodySpec, Rule, RuleSet
from .paragraphs import Match, Para, normalized, snippet
from .prose import is_news_prose

_TITLE_END = re.compile(r"[.,;]$")
_SENTENCE_END = re.compile(r"""[.!?:;…]['"’”)\]]*$""")
# Words a title leaves in lower case.
SMALL_WORDS = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "the", "to", "vs", "with", "about", "after", "over",
})


def titleish(norm: str) -> bool:
    """A heading: starts with a capital, no closing sentence punctuation, and either short or
    with its content words capitalized."""
    if not norm or not norm[0].isupper() or _TITLE_END.search(norm):
        return False
    words = [w for w in norm.split() if w[0].isalpha() and w.lower() not in SMALL_WORDS]
    capped = sum(1 for w in words if w[0].isupper())
    return len(words) <= 4 or capped >= 0.6 * len(words)


def _trigger(rule: Rule, norm: str, low: str, words: int) -> str | None:
    """The cue that makes `norm` match `rule` (for the reason), or None when it does not."""
    if not rule.min_words <= words <= rule.max_words:
        return None
    keyword = next(filter(low.__contains__, rule.keywords), None)  # the first, found in C
    if keyword is None or (rule.title and not titleish(norm)):
        return None
    if not rule.pattern.fullmatch(norm) or (rule.reject and rule.reject.search(norm)):
        return None
    if rule.require:
        found = rule.require.search(norm)
        return found.group() if found else None
    return keyword


def _body_ok(spec: BodySpec, norm: str, words: int) -> bool:
    return (
        spec.min_words <= words <= spec.max_words
        and spec.pattern.fullmatch(norm) is not None
        and not (spec.reject and spec.reject.search(norm))
    )


def rule_matches(text: str, paras: list[Para], ruleset: RuleSet) -> Iterator[Match]:
    """Every paragraph or box a pack rule removes, in text order, never overlapping."""
    index = 0
    vetoes: dict[str, bool] = {}  # rule id -> whether the document holds its unless-document
    while index < len(paras):
        para = paras[index]
        found = None
        if para.end - para.start <= ruleset.char_limit:
            found = _match_at(text, paras, index, ruleset, vetoes)
        if found is None:
            index += 1
        else:
            yield found
            index = found.last + 1


def _match_at(text: str, paras: list[Para], index: int, ruleset: RuleSet,
              vetoes: dict[str, bool]) -> Match | None:
    """The first rule matching the paragraph at `index` (with its box body), if any.
    `vetoes`: whether the document holds each rule's `unless-document`, searched once per
    document, when the rule first matches."""
    para = paras[index]
    line = text[para.start : para.end]
    lower = line.lower()
    rules, keywords = ruleset.candidates(len(line.split()))
    # No keyword of a rule for lines this long: the common case for prose (a pattern of every
    # rule's keywords first cost more than it saved, since 'of', 'ad' or 'x' is in almost any
    # paragraph).
    if not any(map(lower.__contains__, keywords)):
        return None
    norm = normalized(para, text)
    if _continues_sentence(text, paras, index):
        return None
    low = norm.lower()
    for rule in rules:
        cue = _trigger(rule, norm, low, para.words)
        if cue is None or (rule.not_first and index == 0) or _vetoed(text, rule, vetoes):
            continue
        last = _box_end(text, paras, index, rule.body) if rule.body else index
        if last is None or _heads_its_topic(text, paras, last, rule) or is_news_prose(norm):
            continue
        reason = rule.reason.format(
            snippet=snippet(norm), heading=norm, cue=cue, count=last - index
        )
        return Match(rule.id, index, last, rule.confidence, reason)
    return None


def _vetoed(text: str, rule: Rule, vetoes: dict[str, bool]) -> bool:
    """Whether the document holds the rule's `unless-document` (a licence's copyright line
    is its subject, not a footer), memoized in `vetoes`."""
    if rule.unless_document is None:
        return False
    if rule.id not in vetoes:
        vetoes[rule.id] = rule.unless_document.search(text) is not None
    return vetoes[rule.id]


WRAPPED_LINE_MIN_CHARS = 60
"""A line this long that ends on a lowercase word is hard-wrapped prose broken mid-sentence."""


def _continues_sentence(text: str, paras: list[Para], index: int) -> bool:
    """Whether the line at `index` is the wrapped rest of the sentence on the line before it,
    in the same block: a lowercase one after a line that ends no sentence ('... directly is
    not' / 'recommended.'), or any after a wrapped line (`WRAPPED_LINE_MIN_CHARS`) that ends
    on a lowercase word ('... ("Copyright and' / 'Related Rights"). Copyright and Related
    Rights include, but are not', no related-coverage link). A lowercase label after a
    finished sentence ('skip past newsletter promotion') is a line of its own, and so is a
    promo after a heading ('Updates on Afghanistan' / 'Sign up for a daily email')."""
    para = paras[index]
    if index == 0 or para.block_start:
        return False
    before = paras[index - 1]
    line = text[before.start : before.end].rstrip()
    if normalized(para, text)[:1].islower():
        return not _SENTENCE_END.search(line)
    return len(line) >= WRAPPED_LINE_MIN_CHARS and line[-1:].isalpha() and line[-1].islower()


def _box_end(text: str, paras: list[Para], index: int, spec: BodySpec) -> int | None:
    """The last body paragraph of the box headed at `index`, None when too few fit."""
    last = index
    while last + 1 < len(paras) and last - index < spec.max_count:
        nxt = paras[last + 1]
        if not _body_ok(spec, normalized(nxt, text), nxt.words):
            break
        last += 1
    return last if last - index >= spec.min_count else None


def _heads_its_topic(text: str, paras: list[Para], last: int, rule: Rule) -> bool:
    """Whether the paragraph after the match continues its topic (`unless-next`): then the
    match is a section heading ('Advertising' above a paragraph on ad revenue), not a label."""
    if rule.unless_next is None or last + 1 >= len(paras):
        return False
    nxt = paras[last + 1]
    return rule.unless_next.search(text[nxt.start : nxt.end]) is not None
