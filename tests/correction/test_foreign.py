"""Passages in another language are no English typos: the spelling stage leaves them."""

from __future__ import annotations

import pytest

from dictionaries.build_foreign_words import MAX_ENGLISH_ZIPF, MIN_LENGTH
from normalizer.correction.foreign import foreign_spans
from normalizer.lexicon import load_lexicon

WORDS = load_lexicon().foreign_words

PASSAGES = [
    "Die Bundesregierung hat am Mittwoch beschlossen, die Steuern für kleine Unternehmen zu "
    "senken.",
    "O presidente disse que não vai mudar a política econômica este ano, segundo fontes "
    "oficiais.",
    "Le gouvernement a annoncé mercredi une nouvelle réforme des retraites, selon le ministre.",
    "El presidente dijo que el gobierno no va a cambiar su política económica este año.",
    "De regering heeft woensdag besloten de belastingen voor kleine bedrijven te verlagen.",
]


@pytest.mark.parametrize("passage", PASSAGES, ids=[p[:20] for p in PASSAGES])
def test_a_sentence_in_another_language_is_left_as_written(engine, passage):
    assert foreign_spans(passage, WORDS) == [(0, len(passage) - 1)]  # up to its full stop
    assert engine.normalize(passage).text == passage


def test_english_around_a_quotation_is_still_corrected(engine):
    text = ('Lavroy told reporters: "O presidente disse que não vai mudar a política", '
            "and Libva answered.")
    result = engine.normalize(text)
    assert result.text == text.replace("Lavroy", "Lavrov").replace("Libva", "Libya")
    (quote,) = foreign_spans(text, WORDS)
    assert text[quote[0]:quote[1]] == "O presidente disse que não vai mudar a política"


@pytest.mark.parametrize("text", [
    "tho Government aud tho Council wore there, and it has boon said that tlie arc many.",
    "In the King's Hall, Hun-\nter-street",  # OCR of 1850: 'hun' and 'ter', too few
    "Fra Diavolo was sung at the Lyceum.",
])
def test_english_and_its_ocr_errors_are_no_foreign_passage(text):
    assert foreign_spans(text, WORDS) == []


def test_the_table_holds_everyday_foreign_words_english_lacks():
    words, english = WORDS, load_lexicon()
    assert {"não", "für", "gouvernement", "het"} <= words
    assert not {"the", "die", "van", "son", "de", "la"} & words
    assert all(len(w) >= MIN_LENGTH and english.frequency(w) < MAX_ENGLISH_ZIPF for w in words)


def test_only_the_edits_inside_a_foreign_passage_are_dropped():
    from normalizer.correction.foreign import outside_foreign
    from normalizer.model import Edit

    text = ("Lavroy said. O presidente disse que não vai mudar a política. Libva agreed. "
            "Le gouvernement a annoncé une nouvelle réforme, selon le ministre.")

    def edit(word: str) -> Edit:
        start = text.index(word)
        return Edit(start, start + len(word), word, word.upper(), "spelling", "test", 1.0, "t")

    edits = [edit(w) for w in ("Lavroy", "não", "Libva", "gouvernement", "ministre")]
    assert [e.original for e in outside_foreign(text, edits, WORDS)] == ["Lavroy", "Libva"]
    assert outside_foreign(text, [], WORDS) == []


TRANSLATED_HELP = """.gpg.edit_ownertrust.value
Cabe a você atribuir o valor.

.gpg.edit_ownertrust.export
O valor nunca será exportado.

.gpg.edit_ownertrust.web
Precisamos dele para a rede.

.gpg.edit_ownertrust.keys
Diga quais são as chaves.

.gpg.untrusted_key.override
Se quiser, responda.

.gpg.untrusted_key.use
Para usar esta chave.

.gpg.untrusted_key.again
Responda mesmo assim.

.gpg.keygen.algo
DSA permite assinaturas.

.gpg.keygen.size
Insira aqui o tamanho da chave.

.gpg.keygen.later
Pode mudar depois.

.gpg.keygen.now
Ou agora, também.
"""


def test_a_translated_help_file_is_foreign_as_a_whole(engine):
    # Short entries between English identifiers, none with three foreign words, but a dozen
    # distinct ones of four letters or more in all.
    assert foreign_spans(TRANSLATED_HELP, WORDS) == [(0, len(TRANSLATED_HELP))]
    assert engine.normalize(TRANSLATED_HELP).text == TRANSLATED_HELP  # 'chave' is no 'have'


def test_a_few_foreign_words_across_an_english_text_leave_it_english():
    # One foreign word to a sentence, twelve distinct ones, but one in 40 words: English.
    words = ["mest", "zeit", "hola", "mundo", "ankara", "kemal", "mehmet", "enero", "sala",
             "sento", "lieu", "como"]
    text = " ".join(f"The list of time zones and names in this file holds {w} as well as "
                    "many other entries for the reader to check, and each of them is given "
                    "with its offset from the universal time and the dates of its summer "
                    "time." for w in words)
    assert len(set(words) & WORDS) == 12
    assert foreign_spans(text, WORDS) == []
