"""The engine: runs the stages, resolves overlapping proposals, composes edits, applies them.

Each stage sees the text left by the stages before it and proposes edits against that text.
In Markdown and reST the code and markup are masked first and every edit that would touch
them is dropped (see `formats`); the spelling stage also keeps off technical words, and in a
technical document its risky corrections become suggestions (`formats.policy`).
`_Composer` maps those edits back to offsets in the ORIGINAL input; an edit that touches a span
an earlier stage already changed is merged with it into one edit, so the final list never
overlaps and applying it to the input reproduces the output exactly.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from . import boilerplate, correction, layout, pattern_cache, unicode
from .correction.speller import loaded_speller
from .dense_ocr import dense_reading
from .formats import analyze, resolve_format
from .formats.policy import review
from .formats.titles import fit_titles
from .formats.view import DocumentView
from .lexicon import Entity, Lexicon, load_lexicon, name_tokens
from .model import Edit, Result, apply_edits, summarize
from .profile import GazetteerEntry, Profile, named_profile


@dataclass(frozen=True)
class StageContext:
    """What a stage may read: the profile, the shared, immutable lexicon and the document's
    format (`text`, `markdown` or `rst`); and where it may leave counters for `Result.stats`
    (`notes`: each stage sets its own keys, and the last round's values stand, since that
    round saw the final text)."""

    profile: Profile
    lexicon: Lexicon
    format: str = "text"
    notes: dict[str, int] = field(default_factory=dict, compare=False)

    @cached_property
    def allowed(self) -> frozenset[str]:
        """The profile's allow list, lowercase: words the spelling stage leaves as written."""
        return frozenset(word.lower() for word in self.profile.allow)

    @cached_property
    def extra_names(self) -> dict[str, Entity]:
        """The profile's own gazetteer entries, indexed by lowercase name token."""
        return {
            token.lower(): Entity(token, entry.type, "user")
            for entry in self.profile.gazetteer
            for token in name_tokens(entry.name)
        }


Stage = Callable[[str, StageContext], list[Edit]]
MAX_ROUNDS = 3

STAGE_FUNCTIONS: dict[str, Stage] = {
    "unicode": unicode.propose,
    "boilerplate": boilerplate.propose,
    "whitespace": layout.propose,
    "spelling": correction.propose,
}


def resolve_overlaps(proposals: Iterable[Edit]) -> list[Edit]:
    """Keep a non-overlapping subset: higher confidence wins, then the earlier, then the longer.

    Two edits overlap when their spans share a code point, or when one is an insertion
    strictly inside the other. This is the only place overlaps are decided.
    """
    ranked = sorted(proposals, key=lambda e: (-e.confidence, e.start, -(e.end - e.start)))
    kept: list[Edit] = []  # sorted by start, never overlapping
    starts: list[int] = []
    for edit in ranked:
        if not _overlaps_any(edit, kept, starts):
            index = bisect.bisect_right(starts, edit.start)
            starts.insert(index, edit.start)
            kept.insert(index, edit)
    return sorted(kept, key=lambda e: (e.start, e.end))


def _overlaps_any(edit: Edit, kept: list[Edit], starts: list[int]) -> bool:
    """Whether `edit` overlaps one of `kept` (non-overlapping, sorted; `starts` their starts):
    only the one starting just before it and those starting inside it can."""
    index = max(bisect.bisect_left(starts, edit.start) - 1, 0)
    while index < len(kept) and starts[index] <= edit.end:
        if _overlaps(edit, kept[index]):
            return True
        index += 1
    return False


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    return (a.start < b.end and b.start < a.end) or (
        a.start == a.end and b.start < a.start < b.end
    ) or (b.start == b.end and a.start < b.start < a.end)


class _Composer:
    """Accumulates edits made by successive stages, in original coordinates."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original
        self.applied: list[Edit] = []
        self.suggested: list[Edit] = []

    def _segments(self) -> list[tuple[int, int, int, int, Edit | None]]:
        """(orig_start, orig_end, cur_start, cur_end, edit) runs; kept runs have edit None.

        A kept run (possibly empty) stands before, between and after every changed run,
        so every boundary position of the current text lies in some kept run.
        """
        segments: list[tuple[int, int, int, int, Edit | None]] = []
        orig = cur = 0
        for edit in self.applied:
            kept = edit.start - orig
            segments.append((orig, edit.start, cur, cur + kept, None))
            cur += kept
            segments.append((edit.start, edit.end, cur, cur + len(edit.replacement), edit))
            cur += len(edit.replacement)
            orig = edit.end
        segments.append((orig, len(self.original), cur, cur + len(self.original) - orig, None))
        return segments

    @staticmethod
    def _to_original(segments: list, starts: list[int], pos: int, after: bool) -> int:
        """Map a current position outside changed runs; `after` prefers the later kept run."""
        index = bisect.bisect_right(starts, pos) - 1 if after else bisect.bisect_left(starts, pos)
        candidates = range(index, -1, -1) if after else range(max(index - 1, 0), len(segments))
        for i in candidates:
            o_start, _o_end, c_start, c_end, edit = segments[i]
            if edit is None and c_start <= pos <= c_end:
                return o_start + pos - c_start
        raise AssertionError("position not in a kept run")  # pragma: no cover

    def _involving(
        self, proposals: list[Edit], segments: list, starts: list[int]
    ) -> list[tuple[Edit, list]]:
        """Each proposal (sorted, non-overlapping) with the changed runs it touches; neighbours
        that touch the same changed run become one proposal ('GOVERNment' / '\\n' of one
        dehyphenation, removed by two adjacent boilerplate edits), so no run maps twice."""
        joined: list[tuple[Edit, list]] = []
        for proposal in proposals:
            s, e = proposal.start, proposal.end
            # Segments are in text order: only those from the one holding `s` on can touch.
            first = max(bisect.bisect_right(starts, s) - 1, 0)
            involved = []
            for seg in segments[first:]:
                if seg[2] > e:
                    break
                if seg[4] is not None and ((seg[2] < e and seg[3] > s) or seg[2] < s < seg[3]):
                    involved.append(seg)
            if joined and involved and joined[-1][1] and joined[-1][1][-1] is involved[0]:
                previous, before = joined.pop()
                proposal = replace(
                    previous,
                    end=e,
                    replacement=previous.replacement + self.text[previous.end : s]
                    + proposal.replacement,
                    confidence=min(previous.confidence, proposal.confidence),
                    reason=f"{previous.reason}; {proposal.reason}",
                    applied=previous.applied and proposal.applied,
                )
                involved = before + involved[1:]
            joined.append((proposal, involved))
        return joined

    def add(self, proposals: list[Edit], profile: Profile) -> None:
        """Map one stage's resolved proposals (current coordinates) to the original."""
        if not proposals:
            return
        segments = self._segments()
        starts = [seg[2] for seg in segments]
        merged_away: set[int] = set()
        new_applied: list[Edit] = []
        for proposal, involved in self._involving(proposals, segments, starts):
            s, e = proposal.start, proposal.end
            apply = (
                proposal.applied
                and profile.mode == "fix"
                and proposal.confidence >= profile.threshold
            )
            if involved and not apply:
                continue  # a suggestion on text an earlier stage rewrote: nothing to point at
            lo = min([s] + [seg[2] for seg in involved])
            hi = max([e] + [seg[3] for seg in involved])
            o_start = self._to_original(segments, starts, lo, after=True)
            o_end = self._to_original(segments, starts, hi, after=False)
            replacement = self.text[lo:s] + proposal.replacement + self.text[e:hi]
            reason = "; ".join([proposal.reason] + [seg[4].reason for seg in involved])
            edit = replace(
                proposal,
                start=o_start,
                end=o_end,
                original=self.original[o_start:o_end],
                replacement=replacement,
                reason=reason,
                confidence=min([proposal.confidence] + [seg[4].confidence for seg in involved]),
                applied=apply,
            )
            merged_away.update(id(seg[4]) for seg in involved)
            if edit.original == edit.replacement:
                continue  # a later stage undid an earlier change
            if apply:
                new_applied.append(edit)
            else:
                self.suggested.append(edit)
        self.applied = sorted(
            [e for e in self.applied if id(e) not in merged_away] + new_applied,
            key=lambda e: (e.start, e.end),
        )
        applied_starts = [a.start for a in self.applied]
        self.suggested = [
            s for s in self.suggested
            if not _overlaps_any(s, self.applied, applied_starts)
        ]
        self.text = apply_edits(self.original, self.applied)


def _applying(stage: str, context: StageContext) -> Profile:
    """The profile whose threshold applies a stage's edits: for the spelling stage of a
    densely misread text, the reading it took (`dense_ocr`)."""
    if stage == "spelling" and context.notes.get("dense_ocr"):
        return dense_reading(context.profile, context.format) or context.profile
    return context.profile


class Normalizer:
    """Normalize news text: `Normalizer().normalize(text)` returns a `Result`.

    The lexicon and what the spelling stage reads are loaded once per process, by the first
    `Normalizer`, and shared (they are immutable); a `Normalizer` is cheap to create after
    that and safe to share between threads.
    """

    def __init__(
        self, profile: Profile | str | None = None, lexicon: Lexicon | None = None
    ) -> None:
        """`profile`: a `Profile`, or the name of one shipped with the package ("archive")."""
        self.profile = named_profile(profile) if isinstance(profile, str) else profile or Profile()
        self.lexicon = lexicon or load_lexicon(self.profile.gazetteer_files)
        if "spelling" in self.profile.stages:
            loaded_speller(self.lexicon, self.profile)

    def normalize(
        self,
        text: str,
        *,
        mode: str | None = None,
        only: list[str] | tuple[str, ...] | None = None,
        skip: list[str] | tuple[str, ...] | None = None,
        allow: list[str] | tuple[str, ...] | None = None,
        gazetteer: list[GazetteerEntry] | tuple[GazetteerEntry, ...] | None = None,
        profile: str | None = None,
        format: str | None = None,
        filename: str | None = None,
    ) -> Result:
        """Run every enabled stage over `text`; per-call options refine the profile.
        `profile` names a shipped profile ("archive") to use for this call instead.

        `format` (`auto`, `text`, `markdown`, `rst`) overrides the profile's; `auto` reads the
        format from `filename`'s extension, and plain text without one."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        base = self.profile if profile is None else named_profile(profile)
        profile_used = base
        if any(v is not None for v in (mode, only, skip, allow, gazetteer, format)):
            profile_used = base.with_overrides(
                mode=mode, only=only, skip=skip, allow=allow, gazetteer=gazetteer, format=format
            )
        structure = analyze(text, resolve_format(profile_used.format, filename))
        context = StageContext(profile_used, self.lexicon, structure.format)
        composer = _Composer(text)
        view = DocumentView(structure, text, ())
        # A fix can give an earlier stage something to do ('Sign up for e0aIl' is a promo once
        # the word is 'email'): run the stages again until a round changes nothing, so that
        # normalizing the output again changes nothing either.
        read_densely = False  # the `dense_ocr` note of any round, not only the last
        for _ in range(MAX_ROUNDS):
            before = composer.text
            # The last round's suggestions are the ones that hold for the final text.
            composer.suggested = []
            for name in profile_used.stages:
                if view.text is not composer.text:
                    view = DocumentView(structure, composer.text, composer.applied)
                words = name == "spelling"
                proposals = [
                    edit for edit in STAGE_FUNCTIONS[name](view.masked, context)
                    if view.allows(edit, words=words)
                ]
                proposals = review(name, proposals, view, self.lexicon)
                if structure.format == "rst":
                    proposals = fit_titles(proposals, view.text)
                composer.add(resolve_overlaps(proposals), _applying(name, context))
                read_densely |= name == "spelling" and bool(context.notes.get("dense_ocr"))
            if composer.text == before:
                break
        edits = tuple(sorted(composer.applied + composer.suggested, key=lambda e: (e.start, e.end)))
        stats = summarize(text, edits)
        stats["chars_out"] = len(composer.text)
        stats.update(context.notes)
        if read_densely:
            stats["dense_ocr"] = 1
        pattern_cache.save()  # a first run's patterns, compiled once for every later run
        return Result(composer.text, edits, stats)

    def check(self, text: str, **options: object) -> Result:
        """Like `normalize` in `suggest` mode: every finding reported, nothing applied."""
        return self.normalize(text, mode="suggest", **options)  # type: ignore[arg-type]
