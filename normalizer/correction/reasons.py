"""Why an edit is proposed, in words, and which kind and rule it reports."""

from __future__ import annotations

from ..lexicon import Entity
from .document import Document
from .hypothesis import Candidate
from .speller import Speller
from .words import is_name_shaped

ENTITY_KINDS = {"person": "a person", "place": "a place", "org": "an organization",
                "other": "a word English always capitalizes"}
"""How a reason names each gazetteer type ('other' is the demonyms, languages, days and
months of `words.ALWAYS_CAPITALIZED_SOURCE`)."""


def entity_kind(entity: Entity) -> str:
    """'a place', 'an organization', ...: what a gazetteer entry is, for a reason."""
    return ENTITY_KINDS.get(entity.type, f"a {entity.type}")


def reason(speller: Speller, base: str, best: Candidate, doc: Document | None) -> str:
    parts = [
        "a capital where a lowercase letter belongs" if base.lower() == best.word.lower()
        else speller.channel.explain(base, best.word)
    ]
    count = doc.count(best.word) if doc and best.source != "lexicon" else 0
    if count:
        parts.append(f"'{best.word}' occurs {count} time{'s' * (count != 1)} in this document")
        if count == 1 and best.source == "document":
            parts[-1] += ", one slip from each of its other spellings there"
    if best.source == "case":
        parts.append(f"no word is written '{base}'")
    if best.entity is not None:
        where = "in the user's gazetteer" if best.entity.source.startswith("user") else (
            "in the gazetteer")
        parts.append(f"{where} as {entity_kind(best.entity)}")
    elif best.source == "wordfreq":
        what = "a name" if is_name_shaped(base) else "a word"  # no word list holds it
        parts.append(f"'{best.word}' is {what} wordfreq knows (Zipf {best.prior:.1f}); "
                     f"'{base}' is unknown")
    elif best.source == "misspellings":
        parts.append(f"'{base}' is a common misspelling of '{best.word}' (codespell's list)")
    elif best.source == "case":
        parts.append(f"'{best.key}' is a common word (Zipf {best.prior:.1f})")
    elif best.source == "lexicon":
        # The word's own frequency: its prior may hold a slip's odds too (`SLIP_BONUS`).
        lexicon = speller.lexicon
        seen = "rare" if lexicon.frequency(base.lower()) else "unknown"
        parts.append(f"'{best.key}' is a common word (Zipf {lexicon.frequency(best.key):.1f}); "
                     f"'{base}' is {seen}")
    return "; ".join(parts[:1]) + ("; " + " and ".join(parts[1:]) if len(parts) > 1 else "")


def kind_and_rule(speller: Speller, base: str, best: Candidate) -> tuple[str, str]:
    glyph = speller.channel.explain(base, best.word).startswith("glyph")
    kind = "ocr" if glyph else (
        "spelling" if best.source in ("lexicon", "misspellings", "case") else "entity")
    return kind, f"{kind}.{best.source}"
