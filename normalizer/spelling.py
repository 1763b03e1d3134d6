"""Detection and correction of OCR glyph errors, misspellings and misspelt names.

The decision is a noisy-channel comparison in log10 units. For a suspect token `w` each
hypothesis gets a score:

- identity ("w is right"): log10 P(w) from its Zipf frequency, plus a bonus when some resource
  knows the word; a string no resource has seen gets `UNSEEN` (rare names are real, so this
  is not minus infinity);
- candidate `c`: log10 P(c) (Zipf frequency, raised for gazetteer names and for names the
  document itself spells that way several times) minus the channel cost of c -> w
  (ocr.ChannelModel: an OCR confusion is cheap, a typo dearer) minus `ERROR_PRIOR`.

The confidence of the best candidate is its posterior among all hypotheses. Capitalized
tokens are names: they are corrected only toward gazetteer names or names the same document
spells differently and more often, never toward a lowercase common word (at the start of a
sentence an OCR confusion of a very common word is the one exception: "Tbe" -> "The").
Common words (the 82k list), allowed words, non-Latin and accented tokens, short tokens and
acronyms are never suspects.
"""

from __future__ import annotations

import math
import unicodedata
from collections import ChainMap, Counter
from collections.abc import Container, Mapping
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

import regex
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from symspellpy import Verbosity

from .lexicon import Entity, Lexicon
from .model import Edit
from .ocr import TYPO_COST, ChannelModel
from .tokens import (
    Token,
    in_headline,
    starts_sentence,
    strip_possessive,
    tokenize,
    word_types,
)

if TYPE_CHECKING:
    from .pipeline import StageContext

ZIPF_TO_LOG10 = -9.0
UNSEEN_NAME = -10.0
"""log10 P of a capitalized token no resource knows: rare names are real and many."""
UNSEEN_WORD = -10.5
"""log10 P of a lowercase token that 300,000 words of wordfreq never saw."""
KNOWN_BONUS = 1.5
"""Extra log10 weight for a token that wordfreq has seen: real words and names are sticky."""
ERROR_PRIOR = 1.0
"""log10 odds against any given token being damaged at all."""
GAZETTEER_MIN_ZIPF = 3.0
"""A curated or user gazetteer name counts at least this common, whatever its Zipf frequency
(names from the built place lists, 35,000 small towns among them, count as they are seen)."""
SENTENCE_START_MIN_ZIPF = 5.0
"""At a sentence start only a very common word may replace a capitalized token ('Tbe')."""
UNSEEN_CAPITAL_MIN_ZIPF = 3.0
"""A capitalized token wordfreq never saw may become a word or name this frequent, through
one OCR confusion anywhere in a sentence ('NationaI' -> 'National', 'Wonnen' -> 'Women',
'Tbaddeus' -> 'Thaddeus' would need 2.7: 'Elyne' -> 'Clyne' is a real name it would break)."""
SINGLE_CONFUSION_COST = 2.5
"""The dearest single OCR confusion in dictionaries/confusions.tsv."""
MIN_TYPO_NAME_LENGTH = 6
"""A typo is corrected in a capitalized token only from this length: short rare names
('Konyg', 'Redg') are too often one slip from a real one."""
HEADLINE_MIN_ZIPF = 2.5
"""In a Title Case headline most capitalized tokens are words ('Bourities' -> 'Bounties')."""
MAX_GLYPH_COST = 4.0
"""Two cheap OCR confusions at most between a token and a candidate it may become."""
NAME_PRIOR_CAP = 5.5
"""A name's prior never exceeds this: famous names must not outweigh the channel model."""
PROTECTED_NAME_ZIPF = 2.0
"""A capitalized token this common in wordfreq is a real name unless the document says so."""
COMMON_LOWER_ZIPF = 3.0
"""At a sentence start or in a headline, a capitalized token this common in wordfreq is a real
word (so 'Teh', at 3.04, is left alone)."""
MIN_LENGTH = 3
"""Tokens shorter than this are never checked: too little to go on."""
MAX_LENGTH = 40
"""Tokens longer than this are never checked: no English word or name is that long, and the
work per token (OCR variants, symspell deletes, the channel model's table) grows with the
square of its length, so an unbounded token is a way to exhaust memory."""
WINDOW = 65_536
"""Documents longer than this many characters are decided window by window (cut at a
paragraph or line break): a name's spellings are compared with the other names of its
window, which keeps the cost linear in the length of the text."""
TYPO_LOOKUP_MAX_ZIPF = 1.5
"""symspell is asked for typo candidates only for lowercase tokens rarer than this: a word
wordfreq has seen more often is a real word far more often than a typo worth the lookup."""
MAX_DOCUMENT_COST = TYPO_COST
RIVAL_MAX_EDITS = 3
"""Plain edits between a token and a document name that could still be one slip or two
cheap OCR confusions (MAX_DOCUMENT_COST): the rapidfuzz screen before the channel model."""
MAX_ROUNDS = 3
"""Decision rounds per document: each counts the confident fixes of the one before."""
SUGGEST_FLOOR = 0.5
"""Below this confidence a candidate is not even reported."""
CONTEXT_WEIGHT = 0.75
"""log10 weight of each neighbour that symspell's bigram list pairs with a hypothesis."""
UNSEEN_CAPITAL_TYPO_MIN_ZIPF = 5.0
"""A typo (not an OCR confusion) in a capitalized token no corpus saw may be corrected to a
common word only this frequent: 'Wsetern' -> 'Western', never 'Biegun' -> 'begun' (3.9) or
'Burbau' -> 'Bureau' (4.6) when the name 'Burhan' is two OCR confusions away."""
REAL_WORD_MAX_ZIPF = 4.0
REAL_WORD_MIN_RIVAL_ZIPF = 5.5
"""A rare common word one OCR confusion away from a very frequent one ('aud'/'and',
'tor'/'for') is a suspect too, but is corrected only when the bigram list pairs both
neighbours with the rival and neither with the word itself."""
MIN_COST = 1.2
"""The cheapest channel cost of any change (the cheapest confusion)."""
NEGLIGIBLE = 3.0
"""A hypothesis this many log10 units below the best one cannot move a posterior."""


WordPolicy = tuple[float, float] | None
"""For a name-shaped token: (min Zipf, max channel cost) of a common word that may replace
it, or None when only names may."""
HEADLINE_POLICY: WordPolicy = (HEADLINE_MIN_ZIPF, MAX_GLYPH_COST)
"""The most permissive policy: its candidates include those of every other."""


@dataclass(frozen=True, slots=True)
class Candidate:
    word: str  # as it should be written (case applied)
    key: str  # case-folded
    score: float
    cost: float
    prior: float
    source: str  # "gazetteer", "document", "lexicon"
    entity: Entity | None = None


LATIN_WORD = regex.compile(r"^[\p{Latin}\p{M}\d'’!|]+$")


def _is_checkable(base: str) -> bool:
    """Latin-script words of three to forty letters; not acronyms of up to four capitals."""
    if not MIN_LENGTH <= len(base) <= MAX_LENGTH or not (base.isascii() or LATIN_WORD.match(base)):
        return False
    if base.isupper() and len(base) <= 4:
        return False  # acronyms: NATO, FSB, UNHCR is 5 but known
    return any(c.isalpha() for c in base)


def _lookup_key(base: str) -> str:
    """How the lexicon spells a token: lowercase, straight apostrophe ('Doesn’t' -> "doesn't")."""
    return base.lower().replace("’", "'")


def _unaccented(word: str) -> str:
    """The word without accents and with straight apostrophes: what spelling must not change."""
    word = word.replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _is_name_shaped(base: str) -> bool:
    """Capitalized, all-caps or with inner capitals ('McConnell', OCR's 'ZeIensky').

    A lowercase word whose only capitals are I is OCR's l ('lIave', 'witlI'); a word that
    starts with a digit or a bar ('0pen', '5aid', '|ater') is judged by its other letters."""
    first = base[0]
    if first.islower() or not first.isalpha():
        return any(c.isupper() and c != "I" for c in base[1:])
    return True


def apply_case(template: str, word: str, canonical: str | None = None) -> str:
    """Write `word` in the case pattern of `template` (LIBVA -> LIBYA, Lavroy -> Lavrov).

    A gazetteer name keeps its canonical spelling unless the template is lowercase; a leading
    digit or bar says nothing about case, and a leading I that stands for l is lowercase."""
    # OCR's l and i inside a capitalized word ('KABllL') do not make it lowercase.
    letters = [c for c in template if c.isalpha() and c not in "li"]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    first = template[0]
    if canonical and canonical.lower() == word.lower() and not first.islower():
        return canonical
    if first.isupper() and not (first == "I" and word[:1] == "l"):
        return word[:1].upper() + word[1:]
    return word.lower()


class Speller:
    """Candidate generation and scoring over one lexicon; memoizes context-free work."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.channel = ChannelModel(lexicon.confusions)
        # Bounded memos: a long batch run keeps a flat memory profile (variants are the
        # largest entries, about a hundred strings each).
        self._variants = lru_cache(maxsize=4_096)(self._variants_uncached)
        self._lookup = lru_cache(maxsize=16_384)(self._lookup_uncached)
        self.cost = lru_cache(maxsize=65_536)(self.channel.cost)
        self._needs_look = lru_cache(maxsize=131_072)(self._needs_look_uncached)
        self._word_candidates = lru_cache(maxsize=16_384)(self._word_candidates_uncached)
        self._real_word_risk = lru_cache(maxsize=16_384)(self._real_word_risk_uncached)

    def word_candidates(self, base: str, policy: WordPolicy) -> dict[str, Candidate]:
        """Memoized `_word_candidates` without per-call gazetteer entries (read-only!)."""
        return self._word_candidates(base, policy)

    def _word_candidates_uncached(self, base: str, policy: WordPolicy) -> dict[str, Candidate]:
        return _word_candidates(self, base, policy, {})

    def _variants_uncached(self, key: str) -> tuple[tuple[str, float], ...]:
        return tuple(sorted(self.channel.variants(key).items()))

    def needs_look(self, surface: str) -> bool:
        """Whether a token surface could be an error at all (memoized by word type)."""
        return self._needs_look(surface)

    def _needs_look_uncached(self, surface: str) -> bool:
        base = strip_possessive(surface)
        if not _is_checkable(base):
            return False
        key = _lookup_key(base)
        return key not in self.lexicon.common or (base.islower() and self.real_word_risk(key))

    def has_candidates(self, base: str) -> bool:
        """Whether any position could give `base` a candidate outside the document: the
        headline policy admits the most common words, so its candidates are a superset."""
        return bool(self.word_candidates(base, HEADLINE_POLICY))

    def real_word_risk(self, key: str) -> bool:
        """A rare common word with a very frequent one a single OCR confusion away."""
        return self._real_word_risk(key)

    def _real_word_risk_uncached(self, key: str) -> bool:
        return key in self._misreadings and self.lexicon.frequency(key) <= REAL_WORD_MAX_ZIPF

    @cached_property
    def _misreadings(self) -> frozenset[str]:
        """Every string one OCR confusion away from a very frequent word ('aud', 'tor')."""
        frequent = [
            word for word in self.lexicon.common
            if self.lexicon.frequency(word) >= REAL_WORD_MIN_RIVAL_ZIPF
        ]
        return frozenset().union(
            *(self.channel.misreadings(word, SINGLE_CONFUSION_COST) for word in frequent)
        )

    def _lookup_uncached(self, key: str) -> tuple[tuple[str, float], ...]:
        """symspell's nearest candidates (one edit, else two), most frequent first, with their
        Zipf. Two-edit OCR slips (rn -> m) come from the channel model's variants instead."""
        # Two edits in a word of five letters or fewer leave too little of it to go on.
        distance = 1 if len(key) <= 5 else 2
        items = self.lexicon.symspell.lookup(key, Verbosity.CLOSEST, distance)
        found = [(item.term, self.lexicon.frequency(item.term)) for item in items]
        return tuple(sorted(((t, z) for t, z in found if t != key), key=lambda x: (-x[1], x[0])))

    def name_prior(self, key: str, entity: Entity | None) -> float:
        zipf = self.lexicon.frequency(key)
        if entity is not None and not entity.source.startswith("built"):
            zipf = max(zipf, GAZETTEER_MIN_ZIPF)
        return min(zipf, NAME_PRIOR_CAP)


@lru_cache(maxsize=8)
def speller_for(lexicon: Lexicon) -> Speller:
    return Speller(lexicon)


class _Document:
    """Per-document evidence: how often each name-shaped spelling occurs."""

    def __init__(self, types: Counter[str], common: Container[str]) -> None:
        self.names: Counter[str] = Counter()
        for surface, count in types.items():
            if surface[0].isupper():
                self.names[strip_possessive(surface)] += count
        self.common = common
        self._repeated: list[tuple[str, int]] | None = None
        self._rivals: dict[str, list[tuple[str, int]]] = {}

    def copy(self) -> _Document:
        twin = _Document(Counter(), self.common)
        twin.names = self.names.copy()
        return twin

    def record(self, edit: Edit) -> None:
        """Count a confident fix as the spelling the document will have."""
        if edit.original[:1].isupper():
            self.names[edit.original] -= 1
        if edit.replacement[:1].isupper():
            self.names[edit.replacement] += 1
        self._repeated = None
        self._rivals.clear()

    def count(self, base: str) -> int:
        return self.names.get(base, 0)

    def rivals(self, base: str) -> list[tuple[str, int]]:
        """Spellings in the document that occur more often than `base` and at least twice."""
        if base in self._rivals:
            return self._rivals[base]
        if self._repeated is None:
            # Capitalized common words ('The', 'But') are reached through OCR variants instead.
            self._repeated = [
                name for name, n in self.names.items()
                if n >= 2 and name.lower() not in self.common
            ]
        own = self.names.get(base, 0)
        # rapidfuzz screens every repeated name in C; the channel model scores the few left.
        close = process.extract(
            base, self._repeated, scorer=Levenshtein.distance, processor=str.lower,
            score_cutoff=RIVAL_MAX_EDITS, limit=None,
        )
        found = [
            (name, self.names[name]) for name, _, _ in close
            if self.names[name] > own and name != base
        ]
        self._rivals[base] = found
        return found


def _context_words(text: str, token: Token) -> tuple[str, str]:
    before = text[max(0, token.start - 40) : token.start].split()
    after = text[token.end : token.end + 40].split()
    prev = before[-1].strip(".,;:!?\"'()“”’").lower() if before else ""
    nxt = after[0].strip(".,;:!?\"'()“”’").lower() if after else ""
    return prev, nxt


def _identity_score(lexicon: Lexicon, base: str, names: Mapping[str, Entity]) -> float:
    key = base.lower()
    zipf = lexicon.frequency(key)
    if key in names:
        zipf = max(zipf, GAZETTEER_MIN_ZIPF)
    if key in lexicon.common:
        # A common word is a suspect only beside a far more frequent rival, and is replaced
        # only where the context votes against it (see _decide): no stickiness bonus.
        return zipf + ZIPF_TO_LOG10
    if zipf > 0:
        return zipf + ZIPF_TO_LOG10 + KNOWN_BONUS
    return UNSEEN_NAME if _is_name_shaped(base) else UNSEEN_WORD


def _offer(found: dict[str, Candidate], base: str, word_key: str, cost: float, prior: float,
           source: str, entity: Entity | None = None,
           canonical: str | None = None) -> None:
    """Add a hypothesis to `found`, keeping the better score per candidate word."""
    score = prior + ZIPF_TO_LOG10 - cost - ERROR_PRIOR
    if word_key in found and found[word_key].score >= score:
        return
    word = apply_case(base, word_key, canonical or (entity.canonical if entity else None))
    found[word_key] = Candidate(word, word_key, score, cost, prior, source, entity)


def _word_policy(lexicon: Lexicon, token: Token, text: str) -> WordPolicy:
    if in_headline(text, token.start):
        return HEADLINE_POLICY
    unseen = lexicon.frequency(token.base.lower()) == 0
    if starts_sentence(text, token.start):
        return (UNSEEN_CAPITAL_MIN_ZIPF if unseen else SENTENCE_START_MIN_ZIPF, MAX_GLYPH_COST)
    return (UNSEEN_CAPITAL_MIN_ZIPF, SINGLE_CONFUSION_COST) if unseen else None


def _word_candidates(speller: Speller, base: str, policy: WordPolicy,
                     extra_names: Mapping[str, Entity]) -> dict[str, Candidate]:
    """Context-free candidates: OCR variants that are gazetteer names (or, for lowercase
    tokens and where the word policy allows, common words), and symspell's lookups."""
    lexicon = speller.lexicon
    key = base.lower()
    name_shaped = _is_name_shaped(base)
    unseen = lexicon.frequency(key) == 0
    found: dict[str, Candidate] = {}
    for variant, cost in speller._variants(key):
        if cost > MAX_GLYPH_COST:
            continue
        entity = extra_names.get(variant) or lexicon.names.get(variant)
        if name_shaped:
            if entity is not None:
                _offer(found, base, variant, cost, speller.name_prior(variant, entity),
                       "gazetteer", entity)
            elif (
                policy is not None and cost <= policy[1]
                and lexicon.frequency(variant) >= policy[0]
            ):
                # A common word, or a name wordfreq knows well but the gazetteer lacks
                # ('Tbaddeus' -> 'Thaddeus').
                source = "lexicon" if variant in lexicon.common else "wordfreq"
                _offer(found, base, variant, cost, lexicon.frequency(variant), source)
        elif (
            entity is not None and not base[0].isalpha() and entity.type != "other"
            and not entity.source.startswith("built")
        ):
            # '0bama', '8elarus': a leading digit hides the capital of a name.
            _offer(found, base, variant, cost, speller.name_prior(variant, entity),
                   "gazetteer", entity)
        elif variant in lexicon.common:
            _offer(found, base, variant, cost, lexicon.frequency(variant), "lexicon")
    if not name_shaped and lexicon.frequency(key) < TYPO_LOOKUP_MAX_ZIPF:
        best = max((c.score for c in found.values()), default=-99.0)
        for term, zipf in speller._lookup(key):
            if zipf + ZIPF_TO_LOG10 - ERROR_PRIOR - MIN_COST < best - NEGLIGIBLE:
                break  # sorted by frequency: no later term can matter to the posterior
            entity = lexicon.names.get(term)
            if term not in lexicon.common or (entity is not None and entity.type == "person"):
                continue  # a lowercase word is not a surname with a typo ('murram', 'murray')
            _offer(found, base, term, speller.cost(key, term), zipf, "lexicon")
            best = max(best, found[term].score) if term in found else best
    if name_shaped and unseen and key.isalpha() and len(key) >= MIN_TYPO_NAME_LENGTH:
        for term, zipf in speller._lookup(key):
            if term[0] != key[0]:
                continue  # not a slip in the capital that starts the name
            cost = speller.cost(key, term)
            if cost > TYPO_COST:
                continue  # one slip at most
            entity = extra_names.get(term) or lexicon.names.get(term)
            if entity is not None and entity.type != "other":
                _offer(found, base, term, cost, speller.name_prior(term, entity), "gazetteer",
                       entity)
            elif term in lexicon.common and zipf >= UNSEEN_CAPITAL_TYPO_MIN_ZIPF:
                _offer(found, base, term, cost, zipf, "lexicon")
    return found


def _candidates(
    speller: Speller,
    token: Token,
    text: str,
    doc: _Document | None,
    extra_names: Mapping[str, Entity],
) -> list[Candidate]:
    """Every scored hypothesis for `token` in `text`, best first."""
    lexicon = speller.lexicon
    base = token.base
    key = base.lower()
    name_shaped = _is_name_shaped(base)
    # A capitalized spelling the document repeats is a name it uses ('Toose' four times is
    # not 'Loose'): only names, not common words, may replace it.
    repeated = doc is not None and doc.count(base) >= 2
    policy = _word_policy(lexicon, token, text) if name_shaped and not repeated else None
    if extra_names:
        found = _word_candidates(speller, base, policy, extra_names)
    else:
        found = dict(speller.word_candidates(base, policy))
    if not base[0].isalpha() and (
        starts_sentence(text, token.start) or in_headline(text, token.start)
    ):
        found = {k: replace(c, word=c.word[:1].upper() + c.word[1:]) for k, c in found.items()}
    if name_shaped and doc is not None:
        for name, count in doc.rivals(base):
            cost = speller.cost(base, name)
            if cost <= MAX_DOCUMENT_COST:
                entity = extra_names.get(name.lower()) or lexicon.names.get(name.lower())
                prior = speller.name_prior(name.lower(), entity) + math.log10(count)
                _offer(found, base, name.lower(), cost, max(prior, GAZETTEER_MIN_ZIPF),
                       "document", entity, canonical=name)
    if not found:
        return []
    # Context can lift a hypothesis by 2 * CONTEXT_WEIGHT at most: drop those it cannot save.
    floor = max(c.score for c in found.values()) - NEGLIGIBLE - 2 * CONTEXT_WEIGHT
    plain = _unaccented(key)
    # Accents are the writer's choice, never an error to fix ('Erdoğan' beside 'Erdogan').
    found = {
        k: c for k, c in found.items() if c.score >= floor and _unaccented(k) != plain
    }
    if found:
        prev, nxt = _context_words(text, token)
        for cand_key, cand in list(found.items()):
            bonus = _context_score(lexicon, prev, cand_key, nxt)
            if bonus:
                found[cand_key] = replace(cand, score=cand.score + bonus)
    return sorted(found.values(), key=lambda c: (-c.score, c.key))


def _context_score(lexicon: Lexicon, prev: str, word: str, nxt: str) -> float:
    """CONTEXT_WEIGHT for each neighbour the bigram list pairs with `word`."""
    bigrams = lexicon.bigrams
    return CONTEXT_WEIGHT * ((f"{prev} {word}" in bigrams) + (f"{word} {nxt}" in bigrams))


def _posterior(identity: float, candidates: list[Candidate]) -> list[float]:
    top = max([identity] + [c.score for c in candidates])
    weights = [10 ** (c.score - top) for c in candidates]
    total = 10 ** (identity - top) + sum(weights)
    return [w / total for w in weights]


def _reason(speller: Speller, base: str, best: Candidate, doc: _Document | None) -> str:
    parts = [speller.channel.explain(base, best.word)]
    count = doc.count(best.word) if doc and best.source != "lexicon" else 0
    if count:
        parts.append(f"'{best.word}' occurs {count} time{'s' * (count != 1)} in this document")
    if best.entity is not None:
        where = "in the user's gazetteer" if best.entity.source.startswith("user") else (
            "in the gazetteer")
        parts.append(f"{where} as a {best.entity.type}")
    elif best.source == "wordfreq":
        parts.append(f"'{best.word}' is a name wordfreq knows (Zipf {best.prior:.1f}); "
                     f"'{base}' is unknown")
    elif best.source == "lexicon":
        seen = "rare" if speller.lexicon.frequency(base.lower()) else "unknown"
        parts.append(f"'{best.key}' is a common word (Zipf {best.prior:.1f}); '{base}' is {seen}")
    return "; ".join(parts[:1]) + ("; " + " and ".join(parts[1:]) if len(parts) > 1 else "")


def _kind_and_rule(speller: Speller, base: str, best: Candidate) -> tuple[str, str]:
    glyph = speller.channel.explain(base, best.word).startswith("glyph")
    kind = "ocr" if glyph else ("entity" if best.source != "lexicon" else "spelling")
    return kind, f"{kind}.{best.source}"


def _is_line_split(text: str, token: Token) -> bool:
    """Half of a word hyphenated across a line break ("ac-" / "cused"): not a word alone."""
    after = text[token.end : token.end + 3]
    before = text[max(0, token.start - 3) : token.start]
    return after.startswith(("-\n", "-\r")) or before.endswith(("-\n", "-\r\n"))


def _could_be_wrong(speller: Speller, base: str, names: Mapping[str, Entity],
                    word_position: bool | None) -> bool:
    """Whether `base` can be an error, before document evidence. `word_position`: the token
    opens a sentence or stands in a headline, where a capital proves nothing (None: any
    position, which gives a superset)."""
    lexicon = speller.lexicon
    key = _lookup_key(base)
    if key in lexicon.common:
        return base.islower() and speller.real_word_risk(key)
    if not _is_name_shaped(base):
        return True
    if key in names:
        return False
    word_like = word_position is not False and base[1:].islower()
    if word_like and speller.real_word_risk(key):
        return True  # 'Thc' opening a sentence
    protected = COMMON_LOWER_ZIPF if word_like else PROTECTED_NAME_ZIPF
    return lexicon.frequency(key) < protected


def _is_suspect(speller: Speller, token: Token, text: str, names: Mapping[str, Entity],
                doc: _Document) -> bool:
    base = token.base
    key = _lookup_key(base)
    word_position = starts_sentence(text, token.start) or in_headline(text, token.start)
    if _could_be_wrong(speller, base, names, word_position):
        return True
    # A spelling the document repeats is a name it uses, unless a rival is far more frequent.
    return (
        _is_name_shaped(base) and key not in speller.lexicon.common and key not in names
        and bool(doc.rivals(base))
    )


def propose(text: str, ctx: StageContext) -> list[Edit]:
    """Edits for OCR errors, misspellings and misspelt names in `text`, window by window.

    Sets the note `unchecked_long_tokens`: how many tokens were too long to check."""
    edits: list[Edit] = []
    unchecked = 0
    for start, end in _windows(text):
        window = text[start:end]
        types = word_types(window)
        unchecked += sum(
            n for surface, n in types.items()
            if len(surface) > MAX_LENGTH and any(c.isalpha() for c in surface)
        )
        found = _propose_window(window, types, ctx)
        edits += [replace(e, start=e.start + start, end=e.end + start) for e in found]
    ctx.notes["unchecked_long_tokens"] = unchecked
    return edits


WINDOW_CUTS = (regex.compile(r"\n[ \t]*\n"), regex.compile(r"\n"), regex.compile(r"\s"),
               regex.compile(r"[^\p{L}\p{M}\p{Nd}'’!|]"))
"""Where a window may end, best first: a paragraph break, a line break, a space, any
character no token contains."""


def _windows(text: str) -> list[tuple[int, int]]:
    """Spans of at most WINDOW characters that tile `text`, each cut at the best place in
    its last quarter (a cut inside a run of token characters that long splits nothing the
    speller would check: such a run is far longer than MAX_LENGTH)."""
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


def _propose_window(text: str, types: Counter[str], ctx: StageContext) -> list[Edit]:
    lexicon = ctx.lexicon
    speller = speller_for(lexicon)
    allow = {w.lower() for w in ctx.profile.allow}
    extra = ctx.extra_names
    counted = _Document(types, lexicon.common)
    names = ChainMap(extra, lexicon.names)
    wanted = set()
    for surface in types:
        if not speller.needs_look(surface):
            continue
        base = strip_possessive(surface)
        if base.lower() in allow:
            continue
        rivals = bool(counted.rivals(base))
        if extra or rivals or (
            _could_be_wrong(speller, base, names, None) and speller.has_candidates(base)
        ):
            wanted.add(surface)
    if not wanted:
        return []
    tokens = [t for t in tokenize(text, only=wanted) if not _is_line_split(text, t)]
    edits: dict[int, Edit] = {}
    # A fix changes the document's evidence ('L1BVA' has a rival once 'LIBVA' is 'LIBYA'), so
    # decide again with the fixes counted until nothing moves: normalizing twice then finds
    # nothing new.
    for _ in range(MAX_ROUNDS):
        doc = counted.copy()
        for edit in edits.values():
            if edit.confidence >= ctx.profile.threshold:
                doc.record(edit)
        decided: dict[int, Edit] = {}
        for token in tokens:
            if _is_suspect(speller, token, text, names, doc):
                weighing = _weigh(speller, token, text, doc, names, extra)
                # Reasons quote the counts of the text as it is, not as the fixes made it.
                edit = _decide(speller, token, counted, weighing)
                if edit is not None:
                    decided[token.start] = edit
        if decided == edits:
            break
        edits = decided
    return [edits[start] for start in sorted(edits)]


@dataclass(frozen=True, slots=True)
class _Weighing:
    """Every hypothesis for one token, scored in context: the candidates (best first), the
    word itself (`identity`, its own context included), and their posterior shares."""

    candidates: list[Candidate]
    identity: float
    posterior: list[float]
    own_context: float
    rival_context: float  # what the neighbours say for the best candidate


def _weigh(speller: Speller, token: Token, text: str, doc: _Document,
           names: Mapping[str, Entity], extra: Mapping[str, Entity]) -> _Weighing:
    lexicon = speller.lexicon
    candidates = _candidates(speller, token, text, doc, extra)
    prev, nxt = _context_words(text, token)
    own_context = _context_score(lexicon, prev, _lookup_key(token.base), nxt)
    identity = _identity_score(lexicon, token.base, names) + own_context
    rival_context = _context_score(lexicon, prev, candidates[0].key, nxt) if candidates else 0.0
    return _Weighing(candidates, identity, _posterior(identity, candidates), own_context,
                     rival_context)


def _decide(speller: Speller, token: Token, doc: _Document, weighing: _Weighing) -> Edit | None:
    base = token.base
    if not weighing.candidates:
        return None
    best, confidence = weighing.candidates[0], weighing.posterior[0]
    if confidence < SUGGEST_FLOOR or best.word == base:
        return None
    if _lookup_key(base) in speller.lexicon.common and not (
        weighing.own_context == 0 and weighing.rival_context == 2 * CONTEXT_WEIGHT
    ):
        return None  # a real word is replaced only when both neighbours vote for the rival
    kind, rule = _kind_and_rule(speller, base, best)
    return Edit(
        start=token.start,
        end=token.start + len(base),
        original=base,
        replacement=best.word,
        kind=kind,
        rule=rule,
        confidence=round(confidence, 4),
        reason=_reason(speller, base, best, doc),
        alternatives=tuple(c.word for c in weighing.candidates[1:4]),
    )


def candidates(word: str, ctx: StageContext, context: str | None = None) -> list[str]:
    """Ranked corrections for `word` alone (or inside `context`), best first; for benchmarks
    of candidate ranking (accuracy@k). Empty when nothing is close."""
    text = context if context and word in context else word
    start = text.index(word)
    token = Token(start, start + len(word), word, word)
    speller = speller_for(ctx.lexicon)
    lexicon = ctx.lexicon
    doc = _Document(word_types(text), lexicon.common)
    found = {c.key: c for c in _candidates(speller, token, text, doc, ctx.extra_names)}
    # A ranked list wants every word within two edits, not only the nearest ones the
    # correction decision needs.
    key = word.lower()
    for item in lexicon.symspell.lookup(key, Verbosity.ALL, 2):
        if item.term != key and item.term in lexicon.common:
            _offer(found, word, item.term, speller.cost(key, item.term),
                   lexicon.frequency(item.term), "lexicon")
    return [c.word for c in sorted(found.values(), key=lambda c: (-c.score, c.key))]


def explain(word: str, context: str | None, ctx: StageContext) -> dict[str, Any]:
    """How `word` is judged: known or not, scored candidates and the decision, as a dict."""
    lexicon = ctx.lexicon
    speller = speller_for(lexicon)
    text = context if context and word in context else word
    start = text.index(word)
    token = next(
        (t for t in tokenize(text) if t.start == start),
        Token(start, start + len(word), word, word),
    )
    base, key = token.base, _lookup_key(token.base)
    names = ChainMap(ctx.extra_names, lexicon.names)
    doc = _Document(word_types(text), ctx.lexicon.common)
    allow = {w.lower() for w in ctx.profile.allow}
    report: dict[str, Any] = {"token": word, "known": False, "why": "", "candidates": [],
                              "decision": "unchanged"}
    if key in allow:
        report.update(known=True, why="in the allow list")
        return report
    if not _is_checkable(base):
        report.update(known=True, why="not checked: short, non-Latin, acronym or number")
        return report
    if key in lexicon.common:
        report.update(known=True, why="a common English word")
        if not _is_suspect(speller, token, text, names, doc):
            return report
        report["why"] += ", but rare, and one OCR confusion from a very frequent word"
    elif key in names:
        entity = names[key]
        report.update(known=True, why=f"in the gazetteer as a {entity.type} ({entity.source})")
        if not _is_suspect(speller, token, text, names, doc):
            return report
    elif not _is_suspect(speller, token, text, names, doc):
        report.update(known=True, why=f"a known word or name (Zipf {lexicon.frequency(key):.2f})")
        return report
    else:
        report["why"] = f"unknown to the lexicon and gazetteer (Zipf {lexicon.frequency(key):.2f})"
    weighing = _weigh(speller, token, text, doc, names, ctx.extra_names)
    report["identity_score"] = round(weighing.identity, 3)
    report["candidates"] = [
        {"candidate": c.word, "score": round(c.score, 3), "confidence": round(p, 4),
         "cost": round(c.cost, 2), "frequency": round(c.prior, 2), "source": c.source,
         "reason": _reason(speller, base, c, doc)}
        for c, p in zip(weighing.candidates, weighing.posterior, strict=True)
    ]
    edit = _decide(speller, token, doc, weighing)
    if edit is None:
        report["decision"] = "unchanged: no candidate is clearly more likely than the word itself"
    elif edit.confidence >= ctx.profile.threshold:
        report["decision"] = f"fix to {edit.replacement!r} (confidence {edit.confidence:.2f})"
    else:
        report["decision"] = (
            f"suggest {edit.replacement!r} only (confidence {edit.confidence:.2f} below "
            f"the threshold {ctx.profile.threshold})"
        )
    return report

