"""What a finding takes in beyond its unit (checker/tails.py): a short tail sentence that says
more of the same thing, and two findings of one category with only spaces between them
joined into one. Finnish, Swedish and English; what never becomes a tail."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import NamedTuple

import pytest

from checker.kinds.base import Context
from checker.langid import analyse
from checker.model import Organization, Request
from checker.tails import placed
from checker.text import Document

NOW = datetime(2026, 11, 28, 10, 0, tzinfo=timezone.utc)


class _Rule(NamedTuple):
    id: str
    category: str
    extent: str
    severity: str = "warn"


def context(text: str) -> Context:
    doc = Document(text)
    return Context(doc, Request(text, NOW), analyse(doc), Organization(), {}, {}, {})


def marked(text: str, found: str, rule: _Rule = _Rule("x.y", "hate", "sentence")) -> list[str]:
    """The words each finding covers when `rule` fires on `found` (its words as the kind found them)."""
    start = text.index(found)
    return [text[s:e] for (_, s, e, _), _, _ in placed([(rule, start, start + len(found), None)], context(text))]


@pytest.mark.parametrize(("text", "found", "covered"), [
    # a short sentence after it (at most four words), in fi, sv and en
    ("Council guy lives two streets from the rink. Bring eggs. Bring paint.", "Council guy lives",
     "Council guy lives two streets from the rink. Bring eggs. Bring paint"),
    ("Vilken toppenchef ni har, hon klarar inte ens att svara i telefon. Geni på riktigt. 🙄",
     "Vilken toppenchef ni har, hon klarar inte ens att svara i telefon",
     "Vilken toppenchef ni har, hon klarar inte ens att svara i telefon. Geni på riktigt"),
    # a longer one that points back: a demonstrative, a bare negation, "it"
    ("Hbtq-flaggor hör inte hemma i Hangö. Sådana människor är sjuka i huvudet.", "Hbtq-flaggor hör inte hemma i Hangö",
     "Hbtq-flaggor hör inte hemma i Hangö. Sådana människor är sjuka i huvudet"),
    ("Minä näkee paperi pöydällä, kolme koulu suljetaan. Ei ole vielä uutinen.", "kolme koulu suljetaan",
     "Minä näkee paperi pöydällä, kolme koulu suljetaan. Ei ole vielä uutinen"),
    ("Attaching the draft plan we got in committee. It's not out yet, see page 6.",
     "Attaching the draft plan we got in committee",
     "Attaching the draft plan we got in committee. It's not out yet, see page 6"),
])
def test_a_short_sentence_after_a_finding_is_its_tail(text: str, found: str, covered: str) -> None:
    assert marked(text, found) == [covered]


@pytest.mark.parametrize(("text", "found", "covered"), [
    # a longer sentence that does not point back
    ("Hbtq-flaggor hör inte hemma i Hangö. Parken vid stranden öppnar igen på måndag.", "Hbtq-flaggor hör inte hemma i Hangö",
     "Hbtq-flaggor hör inte hemma i Hangö"),
    # a thank-you, a blank line, a hashtag, a link
    ("Ne on loisia kaikki. Kiitos ja kumarrus.", "Ne on loisia kaikki", "Ne on loisia kaikki"),
    ("Ne on loisia kaikki.\n\nTorilla huomenna.", "Ne on loisia kaikki", "Ne on loisia kaikki"),
    ("Ne on loisia kaikki. #hanko #koti", "Ne on loisia kaikki", "Ne on loisia kaikki"),
    ("Ne on loisia kaikki. Lue https://example.com nyt.", "Ne on loisia kaikki", "Ne on loisia kaikki"),
    # a finding that stops inside its sentence takes no tail
])
def test_what_is_no_tail(text: str, found: str, covered: str) -> None:
    assert marked(text, found) == [covered]


def test_a_finding_that_stops_inside_its_sentence_takes_no_tail() -> None:
    text = "Ne on loisia, sanoi joku torilla. Ihan hullua."
    assert marked(text, "Ne on loisia", _Rule("h.c", "hate", "clause")) == ["Ne on loisia"]


def test_only_clause_and_sentence_findings_of_some_categories_take_tails() -> None:
    text = "Vitun kylmä taas. Ei ole kivaa."
    assert marked(text, "Vitun", _Rule("p.s", "profanity", "words")) == ["Vitun"]
    assert marked(text, "Vitun kylmä taas", _Rule("i.s", "insult", "clause")) == ["Vitun kylmä taas. Ei ole kivaa"]
    assert marked(text, "Vitun kylmä taas", _Rule("o.s", "opinion", "sentence")) == ["Vitun kylmä taas"]


def test_overlapping_findings_of_one_category_become_one_and_neighbours_stay_apart() -> None:
    text = "Did you listen, you pompous windbag?"
    ctx = context(text)
    judged, names = _Rule("insult.judged", "insult", "match"), _Rule("insult.names", "insult", "match", "block")
    a, b = text.index("you pompous"), text.index("pompous windbag")
    found = [(judged, a, a + 11, None), (names, b, b + 15, None)]
    out = placed(found, ctx)
    assert [(rule.id, text[s:e], text[cs:ce]) for (rule, s, e, _), cs, ce in out] == [
        ("insult.names", "you pompous windbag", "you pompous windbag")]
    # side by side, each rule reports its own words; another category never joins
    w = text.index("windbag")
    assert len(placed([(judged, a, a + 11, None), (names, w, w + 7, None)], ctx)) == 2
    other = _Rule("profanity.x", "profanity", "match")
    assert len(placed([(judged, a, a + 11, None), (other, b, b + 15, None)], ctx)) == 2
