"""Seeded synthetic development set: clean paragraphs in, corrupted news text out.

Corruption model (all draws from one ``random.Random(seed)``, so a seed fixes the output):

- Only word tokens (`metrics.TOKEN_RE`) of at least `MIN_LENGTH` characters made of letters
  (apostrophes allowed) are corrupted; numbers and short words are left alone.
- A capitalized token (a name, or a sentence start) is corrupted with probability
  `CorruptionModel.name_rate`, any other eligible token with `CorruptionModel.word_rate`.
- A corrupted token gets ONE change: with probability `CorruptionModel.glyph_share` an OCR
  glyph confusion from `GLYPH_CONFUSIONS` (one occurrence, chosen at random, of a pattern the
  token contains; ``v->y``, ``rn->m``, ``cl->d``, ``li->h``, ``e->c``... both ways), otherwise
  or when no confusion applies a typo: a QWERTY-adjacent substitution, a transposition of two
  neighbouring letters, a deletion, or an insertion of a key adjacent to its neighbour. The
  letter case of the replaced position is kept; the result is always one token and always
  differs from the original (a real word may come out, as real OCR does). A model with a
  `habit` draws that one glyph confusion `habit_weight` times as often as each other: a
  collection whose OCR has a habit of its own (bench/learn_eval.py's `synth-habit`).
- Between two paragraphs, with probability `CorruptionModel.promo_rate`, one promo block of a
  family drawn from `CorruptionModel.families` is injected (`PROMO_FAMILIES`: ad labels, "story
  continues" lines, share bars, invitations to share or join, video and misc prompts, titled
  boxes, newsletter sign-ups, related links, subscription prompts).

`synthesize` returns the input, the expected text (the clean paragraphs, joined by blank
lines), every corruption with its span in the input, and the injected spans. The clean variant
(`CorruptionModel.clean()`) changes nothing: input == expected, for counting false positives.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from bench.metrics import TOKEN_RE

MIN_LENGTH = 3

GLYPH_CONFUSIONS: tuple[tuple[str, str], ...] = tuple(
    pair
    for a, b in (
        ("v", "y"),
        ("rn", "m"),
        ("cl", "d"),
        ("li", "h"),
        ("1", "l"),
        ("I", "l"),
        ("0", "O"),
        ("e", "c"),
        ("n", "u"),
        ("h", "b"),
        ("ii", "u"),
        ("vv", "w"),
        ("f", "t"),
    )
    for pair in ((a, b), (b, a))
)
"""OCR glyph confusions, each listed in both directions as (seen in the text, misread as)."""

_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


_ROW_OFFSETS = (0.0, 0.5, 1.0)


def _neighbours() -> dict[str, str]:
    """Letters next to each letter on a staggered QWERTY keyboard (``s``: ``weadzx``)."""
    where = {
        ch: (r, c + _ROW_OFFSETS[r]) for r, row in enumerate(_KEYBOARD) for c, ch in enumerate(row)
    }
    return {
        ch: "".join(
            other
            for other, (r2, x2) in where.items()
            if other != ch and abs(r - r2) <= 1 and abs(x - x2) <= 1
        )
        for ch, (r, x) in where.items()
    }


NEIGHBOURS = _neighbours()

_TOPICS = ("Afghanistan", "the Election", "Climate Change", "the Economy", "Health", "Ukraine")
_NETWORKS = (
    "Facebook", "Twitter", "X", "LinkedIn", "WhatsApp", "Email", "Reddit", "Pinterest",
    "Messenger", "Telegram", "Copy link", "Print", "Flipboard", "Bluesky", "Threads",
)
_HEADLINES = (
    "Floodwaters sweep through the town centre", "The moment the bridge gave way",
    "Inside the race to replace the prime minister", "Why food prices are still rising",
    "What the ruling means for renters", "Crowds gather as the results come in",
)
# Background a titled box gives about its subject: (subject, plural, 1-3 general sentences).
_BACKGROUND = (
    ("NATO", False, "NATO is a military alliance of 32 countries in Europe and North America, "
     "founded in 1949. Its members pledge to defend one another if any of them is attacked."),
    ("the IMF", False, "The International Monetary Fund lends to countries in financial trouble "
     "and monitors the world economy. It has 190 member countries."),
    ("the filibuster", False, "The filibuster is a Senate rule that lets a minority of senators "
     "delay or block a vote on most bills. Ending one takes 60 votes."),
    ("the Houthis", True, "The Houthis are an armed movement from northern Yemen that has "
     "controlled the capital, Sanaa, since 2014. They are backed by Iran."),
    ("El Niño", False, "El Niño is a natural climate pattern in which surface waters of the "
     "central Pacific warm up. It tends to bring drought to Australia and heavy rain to Peru."),
    ("the Electoral College", False, "The Electoral College is the body that formally elects "
     "the American president. Each state gets as many electors as it has members of Congress."),
    ("a recession", False, "A recession is a significant decline in economic activity that "
     "lasts more than a few months. Many economists use two quarters of shrinking output as a "
     "rule of thumb."),
    ("the Schengen Area", False, "The Schengen Area is a zone of 29 European countries that "
     "have abolished passport checks at their shared borders."),
)


def _case(rng: random.Random, text: str) -> str:
    return rng.choice((text, text, text.upper()))


def _advertisement(rng: random.Random) -> str:
    label = rng.choice(("Advertisement", "Advertisement", "Ad", "Sponsored", "Advert"))
    sibling = rng.choice((
        "", "", "Scroll to continue", "Scroll down to keep reading", "Continue reading below",
        "Content continues below", "Story continues below", "Skip advertisement",
        "Scroll to continue with content",
    ))
    sep = rng.choice((" - ", " · ", ": ", " | ", " — ", " "))
    return _case(rng, label + sep + sibling if sibling else label)


def _story_continues(rng: random.Random) -> str:
    subject = rng.choice(("Story", "Article", "The story", "The article", "Text", "Report",
                          "Article content", "The report"))
    place = rng.choice(("below", "below", "after", "under", "beneath"))
    after = rng.choice(("", "", "advertisement", "the advertisement", "this ad", "this advert",
                        "the ad", "video", "the video"))
    line = f"{subject} continues {place} {after}".strip()
    return _case(rng, rng.choice((line, line, f"({line})", f"— {line} —")))


def _share_bar(rng: random.Random) -> str:
    networks = rng.sample(_NETWORKS, rng.randint(2, 6))
    heading = rng.choice(("Share this", "Share this article", "Share", "SHARE THIS STORY",
                          "Share on social media", "Share via", "Share this page", ""))
    if rng.random() < 0.5:
        body = "\n\n".join(networks)
    else:
        body = rng.choice((" ", " | ", " · ", ", ", " / ")).join(networks)
    return f"{heading}\n\n{body}" if heading else body


def _invitation(rng: random.Random) -> str:
    network = rng.choice(("Facebook", "WhatsApp", "Telegram", "Instagram", "YouTube"))
    return rng.choice((
        f"Join our {network} channel for the latest updates.",
        "Like our Facebook page to see more stories like this.",
        "Share this story with your friends and family.",
        f"Follow our {network} page for breaking news.",
        "Enjoyed this story? Share it with a friend.",
        "Join the conversation in our Facebook group.",
        f"Follow us on {network} and X for the latest news.",
        "If you found this article useful, please share it.",
        f"Get our news on {network}: join our channel today.",
    ))


def _video_prompt(rng: random.Random) -> str:
    minutes, seconds = rng.randint(0, 9), rng.randint(0, 59)
    return rng.choice((
        "Click to play video", f"Watch: {rng.choice(_HEADLINES)}",
        f"WATCH | {rng.choice(_HEADLINES)}", f"VIDEO: {rng.choice(_HEADLINES)}", "Now playing",
        "Up next", f"Video duration {minutes}:{seconds:02d}", "Tap to unmute",
        "Watch the full interview above.", f"Image {rng.randint(1, 5)} of {rng.randint(6, 20)}",
        "This video can not be played", f"Listen to this article · {minutes + 2} min",
        "Press play to listen to this article", "Open in app", "View image in fullscreen",
        f"{minutes + 2} min read", "Play video", "Watch the video below.",
    ))


def _titled_box(rng: random.Random) -> str:
    subject, plural, background = rng.choice(_BACKGROUND)
    name = subject[0].upper() + subject[1:]
    verb = "are" if plural else "is"
    if rng.random() < 0.15:
        return f"{rng.choice(('Background', 'Context', 'Explainer'))}: {background}"
    title = rng.choice((
        f"Explainer: What {verb} {subject}?", f"What {verb} {subject}?", "Factbox",
        f"Fact box: {name}", "Key facts", f"{name} at a glance", f"How {subject} works",
        "Background", f"Q&A: What {verb} {subject}?", "The basics", f"Quick guide: {name}",
        "Why it matters", f"{name} explained", "Need to know",
    ))
    if rng.random() < 0.3:  # one sentence per paragraph, as some sites lay boxes out
        background = re.sub(r"(?<=[.!?]) (?=[A-Z])", "\n\n", background)
    return f"{title}\n\n{background}"


def _newsletter(rng: random.Random) -> str:
    topic = rng.choice(_TOPICS)
    return rng.choice((
        f"Sign up for the {topic} newsletter. Get the latest news and analysis delivered to "
        "your inbox every morning.",
        f"Updates on {topic} Sign up for a daily email with the latest news on {topic}. Get it "
        "sent to your inbox.",
        "Get our free Morning Briefing newsletter, delivered every weekday.",
    ))


def _related(rng: random.Random) -> str:
    headline = rng.choice(_HEADLINES)
    return rng.choice((f"Read more: {headline}", f"RELATED: {headline}",
                       f"More on this story\n\n{headline}\n\n{rng.choice(_HEADLINES)}"))


def _subscription(rng: random.Random) -> str:
    return rng.choice((
        "Subscribe now for unlimited access to our journalism. Cancel anytime.",
        "Already a subscriber? Log in.",
        "Support independent journalism. Become a member today.",
        "You have reached your limit of free articles. Subscribe to keep reading.",
    ))


PROMO_FAMILIES: dict[str, Callable[[random.Random], str]] = {
    "advertisement": _advertisement,
    "story-continues": _story_continues,
    "share-bar": _share_bar,
    "invitation": _invitation,
    "video-misc": _video_prompt,
    "titled-box": _titled_box,
    "newsletter": _newsletter,
    "related": _related,
    "subscription": _subscription,
}
"""Promo block generators by family: each draws a block of its family from the generator,
varying wording, case, separators and layout (one line, or one item per line)."""


@dataclass(frozen=True, slots=True)
class CorruptionModel:
    """Rates of the corruption model (see the module docstring)."""

    word_rate: float = 0.04
    name_rate: float = 0.12
    glyph_share: float = 0.6
    promo_rate: float = 0.15
    families: tuple[str, ...] = tuple(PROMO_FAMILIES)
    habit: tuple[str, str] | None = None
    """A glyph confusion (seen, misread as) this collection's OCR makes `habit_weight` times
    as often as each of `GLYPH_CONFUSIONS`: one paper's own habit, for `normalizer learn`."""
    habit_weight: int = 8

    @property
    def glyphs(self) -> tuple[tuple[str, str], ...]:
        """The glyph confusions drawn from, the habit repeated by its weight."""
        return GLYPH_CONFUSIONS + ((self.habit,) * self.habit_weight if self.habit else ())

    @classmethod
    def clean(cls) -> CorruptionModel:
        """No corruption and no promo blocks: input equals expected."""
        return cls(word_rate=0.0, name_rate=0.0, promo_rate=0.0)


@dataclass(frozen=True, slots=True)
class Corruption:
    """One corrupted token: its span in the input, the original and the corrupted form."""

    start: int
    end: int
    original: str
    corrupted: str
    kind: str  # "glyph" or "typo"


@dataclass(frozen=True, slots=True)
class SynthDoc:
    """A generated document: input, expected, corruptions and injected promo spans."""

    id: str
    input: str
    expected: str
    corruptions: tuple[Corruption, ...]
    injected: tuple[tuple[int, int], ...]
    injected_families: tuple[str, ...] = ()


def _keep_case(source: str, letter: str) -> str:
    return letter.upper() if source.isupper() else letter


def _glyph(word: str, rng: random.Random, glyphs: tuple[tuple[str, str], ...]) -> str | None:
    options = [(a, b) for a, b in glyphs if a in word]
    if not options:
        return None
    seen, misread = rng.choice(options)
    spots = [i for i in range(len(word)) if word.startswith(seen, i)]
    i = rng.choice(spots)
    return word[:i] + misread + word[i + len(seen) :]


def _typo(word: str, rng: random.Random) -> str | None:
    letters = [i for i, ch in enumerate(word) if ch.lower() in NEIGHBOURS]
    if not letters:
        return None
    i = rng.choice(letters)
    operation = rng.choice(("substitute", "transpose", "delete", "insert"))
    near = _keep_case(word[i], rng.choice(NEIGHBOURS[word[i].lower()]))
    if operation == "substitute":
        return word[:i] + near + word[i + 1 :]
    if operation == "transpose" and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if operation == "delete":
        return word[:i] + word[i + 1 :]
    if operation == "insert":
        return word[: i + 1] + near + word[i + 1 :]
    return None


def corrupt_word(word: str, rng: random.Random, glyph_share: float,
                 glyphs: tuple[tuple[str, str], ...] = GLYPH_CONFUSIONS
                 ) -> tuple[str, str] | None:
    """(corrupted word, kind) for `word`, or None when no change keeps it one new token;
    glyph confusions are drawn from `glyphs`."""
    for _attempt in range(5):
        kind = "glyph" if rng.random() < glyph_share else "typo"
        changed = _glyph(word, rng, glyphs) if kind == "glyph" else _typo(word, rng)
        if changed is None and kind == "glyph":
            kind, changed = "typo", _typo(word, rng)
        if changed and changed != word and TOKEN_RE.fullmatch(changed):
            return changed, kind
    return None


def _eligible(token: str) -> bool:
    return len(token) >= MIN_LENGTH and token.replace("'", "").replace("’", "").isalpha()


def synthesize(
    doc_id: str, paragraphs: list[str], rng: random.Random, model: CorruptionModel
) -> SynthDoc:
    """Corrupt `paragraphs` and inject promo blocks between them (see the module docstring)."""
    parts: list[str] = []
    corruptions: list[Corruption] = []
    injected: list[tuple[int, int]] = []
    families: list[str] = []
    offset = 0

    def emit(text: str) -> None:
        nonlocal offset
        parts.append(text)
        offset += len(text)

    for index, paragraph in enumerate(paragraphs):
        if index:
            emit("\n\n")
            if rng.random() < model.promo_rate:
                family = rng.choice(model.families)
                promo = PROMO_FAMILIES[family](rng)
                injected.append((offset, offset + len(promo)))
                families.append(family)
                emit(promo + "\n\n")
        cursor = 0
        for match in TOKEN_RE.finditer(paragraph):
            word = match.group()
            rate = model.name_rate if word[0].isupper() else model.word_rate
            if not _eligible(word) or rng.random() >= rate:
                continue
            changed = corrupt_word(word, rng, model.glyph_share, model.glyphs)
            if changed is None:
                continue
            emit(paragraph[cursor : match.start()])
            corruptions.append(Corruption(offset, offset + len(changed[0]), word, *changed))
            emit(changed[0])
            cursor = match.end()
        emit(paragraph[cursor:])
    return SynthDoc(
        doc_id, "".join(parts), "\n\n".join(paragraphs), tuple(corruptions), tuple(injected),
        tuple(families),
    )


def synthesize_set(
    texts: list[tuple[str, list[str]]], seed: int, model: CorruptionModel
) -> list[SynthDoc]:
    """One `SynthDoc` per (id, paragraphs), all drawn from ``random.Random(seed)`` in order."""
    rng = random.Random(seed)
    return [synthesize(doc_id, paragraphs, rng, model) for doc_id, paragraphs in texts]
