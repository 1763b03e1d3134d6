"""Prose guard: a paragraph that is a complete news sentence is never removed as a promo.

Promos are calls to action addressed to the reader ("Subscribe now", "Follow us on X") or labels
of the page ("Advertisement", "Copyright 2024 Reuters. All rights reserved."). News prose that
merely *starts* like one ("Already a member of NATO since 2023, Finland has doubled its defence
budget ...", "Subscribe to the podcast on Spotify, the host joked.") differs in three ways the
guard tests, and a paragraph with all three is kept whatever rule matched it:

1. it ends like a sentence (`.`, `!`, `?`, possibly inside closing quotes or brackets), which a
   label or a headline does not, and has at least `MIN_WORDS` words;
2. it does not address the reader ("you", "your" outside quotations), refer to the page itself
   ("this article", "this newsletter") or use a legal formula ("All rights reserved");
3. it has a reporting clause ("..., the host joked", "..., said the mayor"), which also lets a
   speaker say "we" or "our"; or, in the third person, a finite clause with a subject of its
   own ("Finland has doubled", "revenue fell") together with a number, a date or a name that
   carries news. An imperative at the start of the paragraph is not a subject: "Get the Evening
   Update newsletter delivered ..." has no finite clause.
"""

from __future__ import annotations

from ..patterns import compile_regex

MIN_WORDS = 6
"""Shorter paragraphs are labels ("Video Player is loading."), not news sentences."""
_ENDS_LIKE_SENTENCE = compile_regex(r"""[.!?…]['"’”)\]]*$""")
_QUOTED = compile_regex(r"“[^”]*”|\"[^\"]*\"|‘[^’]{12,}’")
# The reader addressed, the page speaking of itself, a legal formula: a promo's voice.
_READER_OR_PAGE = compile_regex(
    r"\b(?i:you|your|yours|yourself)\b"
    r"|(?i:\bthis (?:article|story|material|content|page|site|website|newsletter|e-?mail|video"
    r"|podcast episode|post|feature|piece|report was (?:originally )?published)\b"
    r"|\ball rights reserved\b|\bterms (?:of|and) (?:use|service|conditions)\b"
    r"|\bprivacy policy\b)"
)
# The first person plural: the publisher's voice, unless someone the sentence quotes speaks.
_WE = compile_regex(r"\b(?i:we|our|ours)\b|\bus\b")
# Verbs of saying in the past or present tense: an attributed sentence is reporting.
REPORTING_VERBS = (
    r"said|says|told|tells|joked|jokes|quipped|added|wrote|writes|recalled|announced|reported"
    r"|noted|explained|argued|insisted|warned|testified|claimed|stated|confirmed|acknowledged"
    r"|declared|replied|asked|recounted|conceded|admitted|boasted|complained|urged|tweeted"
    r"|laughed|deadpanned|mused|quoted|reminded|advised|suggested|predicted|pleaded|begged"
    r"|implored|demanded|shouted|chanted|posted|pleads|urges|demands|vowed|promised|cautioned"
)
_AUXILIARY = r"has|have|had|was|were|is|are|will|would|could|may|might|must|should|did|does"
_IRREGULAR_PAST = (
    r"became|began|bought|brought|built|came|cost|cut|drew|drove|fell|felt|fled|found|fought"
    r"|gave|grew|held|hit|kept|knew|led|left|lost|made|meant|met|paid|put|ran|rose|saw|sent"
    r"|set|shot|shut|sold|spent|spoke|stood|struck|swept|took|threw|went|won|wrote|withdrew"
)
# An -ed form before "by" is a participle ("content funded by ..."), not a finite verb.
_VERB = rf"(?:{_AUXILIARY}|{REPORTING_VERBS}|{_IRREGULAR_PAST}|[a-z]{{2,}}ed(?!\s+by\b))"
# Words that open a call to action; after them the sentence has no subject of its own.
_IMPERATIVE = (
    r"(?i:subscribe|sign|get|follow|join|support|become|download|read|watch|listen|click|tap"
    r"|share|like|try|start|enter|register|donate|give|visit|check|find|discover|explore|stay"
    r"|keep|see|install|upgrade|unlock|enjoy|learn|continue|scroll|skip|advertise|contact"
    r"|send|tell|let|don't|do|never|save|print|email|e-mail|already)"
)
# Not subjects: the reader, the speaker, relative pronouns (their clause is not the main one)
# and words after which an -ed form is a participle.
_NOT_SUBJECT = (
    r"(?i:you|we|i|to|which|that|who|whom|where|when|and|or|be|been|being|get|gets|got|have"
    r"|having|is|are|was|were|by|of|with|for|from|newsletter|newsletters|e-?mails?|alerts)"
)
_SUBJECT_WORDS = r"(?:[\w'’.&%$£€-]+\s+){0,5}?"
_FINITE_CLAUSE = compile_regex(
    rf"(?:^(?!{_IMPERATIVE}\b)|[,;:—–]\s+|\b(?:and|but)\s+)"
    rf"{_SUBJECT_WORDS}(?!{_NOT_SUBJECT}\b)[\w'’.&%-]+\s+"
    rf"(?:(?:\w+ly|not|also|already|still|just|now|since)\s+)*{_VERB}\b"
)
# "..., Canada hosts the summit": a name opening a clause, then a present-tense verb.
_NAMED_SUBJECT_PRESENT = compile_regex(r"[,;:—–]\s+(?:The\s+)?[A-Z][\w'’.&-]+\s+[a-z]{3,}s\b")
_REPORTING_CLAUSE = compile_regex(
    rf"\baccording to\b|\b(?!{_NOT_SUBJECT}\b)[\w'’.-]+\s+(?:\w+ly\s+)?(?:{REPORTING_VERBS})\b"
    # inverted: "..., said the mayor", "..., urged Ms. Ruiz"
    rf"|[,;]\s+(?:{REPORTING_VERBS})\s+(?:the\b|a\b|an\b|his\b|her\b|their\b|[A-Z])"
)
NEWS_TIME = (
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|tomorrow"
    r"|(?:this|next|last) (?:morning|afternoon|evening|night|week|weekend|month|year)"
)
"""Words that place a sentence in the news cycle."""
_DATES = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    rf"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|{NEWS_TIME}"
)
# A number, a date, or a capitalized word that does not open a sentence: a name.
_NEWS_CARRIER = compile_regex(rf"\d|\b(?:{_DATES})\b|(?<=\w[,;]?\s)[A-Z]\w+")


def is_news_prose(norm: str) -> bool:
    """Whether the normalized paragraph `norm` is a complete news sentence (see the module)."""
    if len(norm.split()) < MIN_WORDS or not _ENDS_LIKE_SENTENCE.search(norm):
        return False
    unquoted = _QUOTED.sub(" ", norm)
    if _READER_OR_PAGE.search(unquoted):
        return False
    if _REPORTING_CLAUSE.search(unquoted):
        return True
    if _WE.search(unquoted):
        return False
    finite = _FINITE_CLAUSE.search(unquoted) or _NAMED_SUBJECT_PRESENT.search(unquoted)
    return bool(finite and _NEWS_CARRIER.search(norm))
