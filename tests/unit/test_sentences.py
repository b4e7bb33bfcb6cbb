"""One rule for where a sentence ends, and one list of clause words per language."""

from __future__ import annotations

import pytest

from checker import langdata, sentences
from checker.extent import SENTENCE_BREAK_RE
from checker.sentences import ends_between, sentence_ends, sentence_start
from checker.text import Document


def split(text: str) -> list[str]:
    return [text[start:end] for start, end in Document(text).sentences]


@pytest.mark.parametrize("text, expected", [
    ("Kokous on klo 14. alkaen salissa. Tervetuloa!", ["Kokous on klo 14. alkaen salissa.", "Tervetuloa!"]),
    ("Mötet börjar 21.11. kl 18. Välkomna.", ["Mötet börjar 21.11. kl 18.", "Välkomna."]),
    ("Vi har bl.a. skolor och t.ex. daghem. Sen inget.", ["Vi har bl.a. skolor och t.ex. daghem.", "Sen inget."]),
    ("Esim. koulut ja mm. päiväkodit. Loput myöhemmin.", ["Esim. koulut ja mm. päiväkodit.", "Loput myöhemmin."]),
    ("We met Dr. smith, e.g. at noon. Then we left.", ["We met Dr. smith, e.g. at noon.", "Then we left."]),
    ("Tapasin Ville H. Santalan eilen. Hän oli iloinen.", ["Tapasin Ville H. Santalan eilen.", "Hän oli iloinen."]),
    ("Hon heter Anna K. Berg. Hon bor här.", ["Hon heter Anna K. Berg.", "Hon bor här."]),
    ("Det var plan B. Nästa gång bättre.", ["Det var plan B.", "Nästa gång bättre."]),
    ("Hän sanoi \"lopeta.\" Sitten hän lähti… Ja kaikki oli ohi", [
        "Hän sanoi \"lopeta.\"", "Sitten hän lähti…", "Ja kaikki oli ohi"]),
    ("Rivi yksi\nrivi kaksi", ["Rivi yksi", "rivi kaksi"]),
    ("Vuosi 2026. Uusi alku.", ["Vuosi 2026.", "Uusi alku."]),
])
def test_where_a_sentence_ends(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_the_gap_between_two_words() -> None:
    text = "klo 14. alkaen, sitten loppu. Uusi"
    assert not ends_between(text, 6, 8)                      # "klo 14. alkaen"
    assert ends_between(text, text.index("loppu") + 5, text.index("Uusi"))


def test_a_name_after_an_initial_does_not_begin_a_sentence() -> None:
    text = "Ville H. Santalasta ja Anna. Berg"
    assert not sentence_start(text, text.index("Santalasta"))
    assert sentence_start(text, text.index("Berg"))
    assert sentence_start(text, 0) and sentence_start("(Hei", 1)
    assert not sentence_start(text, text.index("Anna"))


def test_the_extent_ends_sentences_by_the_same_rule() -> None:
    text = "Kokous klo 14. alkaen. Ville H. Santala tulee"
    ends = sentence_ends(text)
    breaks = [m.end() for m in SENTENCE_BREAK_RE.finditer(text) if sentences.is_end(text, *m.span())]
    assert ends == breaks == [text.index("alkaen.") + 7]


def test_clause_words_come_from_the_language_files() -> None:
    assert sentences.CLAUSE_OPENERS["fi"] >= {"mutta", "koska", "että", "jos"}
    assert "et" not in sentences.CLAUSE_OPENERS["fi"]            # also "you don't"
    assert not {"att", "om", "utan"} & sentences.CLAUSE_OPENERS["sv"]
    assert "that" not in sentences.CLAUSE_OPENERS["en"] and "but" in sentences.CLAUSE_OPENERS["en"]
    assert {"att", "that", "et"} <= sentences.SUBORDINATORS
    assert "ni" in sentences.JOINERS["fi"] and "ni" not in sentences.JOINERS["sv"]
    assert sentences.JOINERS["any"] == {"&"}
    for lang in langdata.TEXT_LANGUAGES:
        data = langdata.load(lang)
        assert sentences.COORDINATORS[lang] == data.coordinators
        assert sentences.SUBJECTS[lang] == data.subject_pronouns
        assert all(word in sentences.RELATIVES.split("|") for word in data.relative_pronouns)

