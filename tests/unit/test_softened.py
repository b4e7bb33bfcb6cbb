"""Findings said at a remove (checker/softened.py) stay, at info: a quoted reply line, words in
quotation marks that a sentence reports, a word mentioned as a word, a Finnish title before
its kind of work, a question answered with a no. The same words said, asked for or only
half-rejected keep their severity. Finnish, Swedish and English."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.engine import check
from checker.pack import example_request, load_pack

PACK = Path(__file__).resolve().parents[2] / "rules" / "hanko"
NOW = "2026-11-28T12:00:00+02:00"        # a Saturday noon: no timing findings


@pytest.fixture(scope="module")
def pack():
    return load_pack([PACK])


def severities(pack, text: str, category: str) -> list[str]:
    response = check(pack, example_request({"text": text, "attachments": [], "now": NOW}, 0))
    return [f["severity"] for f in response["findings"] if f["category"] == category]


@pytest.mark.parametrize(("text", "category"), [
    # a quoted line of a reply
    ("> polttakaa koko kunnantalo\nTällainen kommentti ei kuulu tänne, poistettu.", "incitement"),
    ("> du e en jävla idiot\nKommentaren har tagits bort.", "insult"),
    # quoted words that the sentence reports
    ("Joku huusi torilla että \"tappakaa ne kaikki\". Hirveää, soitin poliisille.", "incitement"),
    ("Nån skrev \"bränn ner stadshuset i natt\" i gruppen. Det är inte okej.", "incitement"),
    ("Someone in the comments said we should \"string up\" the council. Comment removed.", "incitement"),
    ("Someone wrote \"burn the town hall down\" in the group. That is not okay.", "incitement"),
    # a word mentioned as a word
    ("Fuck-sanaa ei saa käyttää joukkueen ryhmächatissa, sovittiin vanhempainillassa.", "profanity"),
    # a Finnish title before its kind of work
    ("Kylähullun päiväkirja -näytelmä kesäteatterissa oli tosi hauska, menkää kattomaan", "insult"),
    # a question answered with a no
    ("Ammutaan se susi ite? Ei todellakaan. Jos se tulee pihaan, soita poliisille.", "incitement"),
    ("Ska vi bränna ner hela stadshuset? Nej, självklart inte, men vi måste protestera lagligt.", "incitement"),
    ("Should we just burn the old school down? Of course not. It's protected and will be renovated.", "incitement"),
])
def test_words_said_at_a_remove_are_info(pack, text: str, category: str) -> None:
    found = severities(pack, text, category)
    assert found and set(found) == {"info"}, found


@pytest.mark.parametrize(("text", "category"), [
    # the same words said
    ("Polttakaa koko kunnantalo, kuka tulee mukaan?", "incitement"),
    ("Bränn ner skolan i natt.", "incitement"),
    # quoted words that are the act asked for, not reported: the graffiti to write
    ("Skriv 'SKÄMS' med sprayfärg på stadshustrappan, så fattar de kanske.", "incitement"),
    # a question answered with a no that still says it ("No, she knew")
    ("Ska vi låtsas att chefen inte visste om felet och sopade allt under mattan? Nej, hon visste.", "accusation"),
    # a question with no answer, or one answered with more of it
    ("Ammutaan se susi ite? Kuka tulee mukaan?", "incitement"),
    # a quote mark in a word is no quotation ("fuckin'" + reporting verb)
    ("He said you're a fuckin' idiot, and you are.", "insult"),
])
def test_the_same_words_said_keep_their_severity(pack, text: str, category: str) -> None:
    found = severities(pack, text, category)
    assert found and "info" not in found, found
