"""The `proximity` kind: a person's name near a private-life term, and the texts it must pass."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from checker.engine import _by_rule
from checker.kinds.base import Build, Context, Params, RuleError
from checker.model import Organization, Request
from checker.kinds import proximity
from checker.kinds.proximity import Proximity
from checker.langid import analyse
from checker.lexicon import Lexicon
from checker.text import Document
from tests.unit.steps import lines_run

NOW = datetime(2026, 11, 24, 16, 0, tzinfo=timezone.utc)
PARAMS = {
    "terms": {
        "fi": ["sairauslom*", "diagnoo*", "avioer*", "velkaantu*", "rikosrekister*"],
        "sv": ["sjukskriv*", "skilsmäss*", "skuldsatt*"],
        "en": ["sick leave", "divorc*", "diagnos*", "criminal record"],
    },
    "not_names": {"any": ["hanko", "hangon", "kela*"], "en": ["monday", "i'm"]},
    "distance": 4,
}


def found(text: str, params: dict | None = None) -> list[str]:
    lexicon = Lexicon()
    kind = Proximity(Params(params or PARAMS), Build(lexicon, Organization(), "privacy.test"))
    lexicon.freeze()
    doc = Document(text)
    keys = lexicon.scan(doc.tokens)
    ctx = Context(doc, Request(text, NOW), analyse(doc), Organization(), keys, _by_rule(keys), {})
    return [text[m.start:m.end] for m in kind.find(ctx)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kollegamme Anna Virtanen on sairauslomalla koko joulukuun.",
     "Anna Virtanen on sairauslomalla"),
    ("Tiedoksi, että Pekka sai eilen diagnoosin.", "Pekka sai eilen diagnoosin"),
    ("Anna Virtanen on sairauslomalla.", "Anna Virtanen on sairauslomalla"),   # a pair at the start
    ("Onko totta, että Annan avioero on nyt voimassa?", "Annan avioero"),
    ("Vi hoppas att Erik blir frisk, han är sjukskriven.", "Erik blir frisk, han är sjukskriven"),
    ("Tyvärr är Annas skilsmässa inte klar.", "Annas skilsmässa"),
    ("Good luck to Mark, who is on sick leave.", "Mark, who is on sick leave"),
    ("We heard Anna's divorce is final.", "Anna's divorce"),
    ("Tiesittekö, että @mikko_h on velkaantunut?", "@mikko_h on velkaantunut"),
    ("Sairauslomalla on nyt Pekka Virtanen.", "Sairauslomalla on nyt Pekka Virtanen"),  # term first
])
def test_a_name_near_a_private_term_fires(text: str, expected: str) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize("text", [
    "Influenssarokotukset alkavat terveysasemalla.",
    "Sjukhusets jourmottagning är öppen dygnet runt.",
    "Kaupunginjohtaja Anna Virtanen avaa tapahtuman.",
    "Hangon kaupunki tiedottaa sairauslomakäytännöistä.",
    "Sairauslomalla olevat saavat tiedon sähköpostilla.",       # capital only at sentence start
    "Kelan ohjeet sairauslomasta löytyvät verkosta.",           # a listed common word
    "On Monday the sick leave rules change.",
    "I'm on sick leave.",
    "Soita HUS:n päivystykseen, jos diagnoosi askarruttaa.",    # capitals throughout
    "Anna Virtanen avaa tapahtuman. Sairauslomat käsitellään erikseen.",   # another sentence
    "Anna Virtanen kertoi tänään illalla pitkästi aiheesta sairauslomat.",  # too far apart
])
def test_no_person_or_no_private_term_passes(text: str) -> None:
    assert found(text) == []


def test_terms_fire_only_on_lines_in_their_language() -> None:
    # "diagnos*" is English here: a Finnish line with "diagnostiikka" near a name stays quiet
    params = {"terms": {"en": ["diagnos*"]}, "distance": 4}
    assert found("Our colleague Mark got a diagnosis yesterday.", params) == [
        "Mark got a diagnosis"]
    assert found("Kaupunki hankkii Siemensin diagnostiikkalaitteen terveysasemalle.", params) == []


def test_parameters_are_checked() -> None:
    with pytest.raises(RuleError, match="distance"):
        Proximity(Params({**PARAMS, "distance": 50}), Build(Lexicon(), Organization(), "p.t"))
    with pytest.raises(RuleError, match="terms"):
        Proximity(Params({"distance": 3}), Build(Lexicon(), Organization(), "p.t"))
    with pytest.raises(RuleError, match="stem"):
        Proximity(Params({"terms": {"fi": ["ve*"]}}), Build(Lexicon(), Organization(), "p.t"))


def test_bundled_rule_catches_and_passes(pack) -> None:
    from checker.engine import check
    def fired(text: str) -> list[str]:
        return [f["excerpt"] for f in check(pack, Request(text, NOW))["findings"]
                if f["rule"] == "privacy.private-life"]
    assert fired("Muistakaa, että Liisa Laine on sairauslomalla ensi viikon.") == [
        "Liisa Laine on sairauslomalla ensi viikon"]          # the rule's extent: its clause
    assert fired("Talousjohtaja Liisa Laine esittelee kaupungin velan.") == []


def test_long_texts_are_linear() -> None:
    """Ten times the text is ten times the kind's work (lines of proximity.py run), not more."""
    sentence = "Anna Virtanen sairauslomalla ja Pekka diagnoosi. "
    assert len(found(sentence * 1300)) == 1300      # one finding a sentence, over both of its private words
    small = lines_run(proximity, lambda: found(sentence * 130))
    large = lines_run(proximity, lambda: found(sentence * 1300))
    assert small > 1000 and large <= small * 10.5


def test_a_finnish_role_stem_stands_for_its_singular_forms_only() -> None:
    params = {**PARAMS, "people": {"fi": ["*opettaja+", "naapuri+"]}}
    assert found("Uusi liikunnanopettaja on sairauslomalla.", params) == ["liikunnanopettaja on sairauslomalla"]
    assert found("Naapuria on kohdeltu, velkaantunut hän on.", params) == ["Naapuria on kohdeltu, velkaantunut"]
    assert found("Opettajat ovat sairauslomalla.", params) == []          # many teachers: nobody in particular


def test_the_finding_covers_every_private_word_of_its_sentence() -> None:
    text = "Anna Virtanen on sairauslomalla, ja kuulemma avioero ja rikosrekisteri painavat häntä."
    assert found(text, {**PARAMS, "distance": 2}) == [
        "Anna Virtanen on sairauslomalla, ja kuulemma avioero ja rikosrekisteri"]


def test_a_school_class_with_a_case_ending_is_a_person() -> None:
    assert found("Tyttö 3B:ltä sai diagnoosin.") == ["3B:ltä sai diagnoosin"]


def test_a_role_that_speaks_in_office_is_nobodys_private_life() -> None:
    params = {**PARAMS, "people": {"fi": ["*opettaja+"]}, "speaking": {"fi": ["kertoo"]}}
    assert found("Opettaja kertoo diagnooseista vanhempainillassa.", params) == []
    assert found("Opettaja sai diagnoosin.", params) == ["Opettaja sai diagnoosin"]


def test_a_short_sentence_with_a_cue_goes_on_about_the_person_before() -> None:
    params = {**PARAMS, "follow": 6, "follow_words": {"fi": ["syynä", "kuulemma"], "en": ["apparently"]}}
    assert found("Pekka on ollut poissa koko syksyn. Syynä on kuulemma avioero.", params) == [
        "Pekka on ollut poissa koko syksyn. Syynä on kuulemma avioero"]
    assert found("Mark has been away all autumn. A divorce, apparently.", params) == [
        "Mark has been away all autumn. A divorce"]
    # no cue word: a notice after a thank-you is another matter
    assert found("Kiitos Pekalle talkoista! Avioerosta kerrotaan torstaina.", params) == []
    # a long sentence, a blank line between, or no follow: nothing
    assert found("Pekka on poissa. Syynä on kuulemma se että avioero on vihdoin tullut voimaan nyt.", params) == []
    assert found("Pekka on poissa.\n\nSyynä on kuulemma avioero.", params) == []
    assert found("Pekka on ollut poissa koko syksyn. Syynä on kuulemma avioero.") == []


def test_a_reveal_term_covers_the_words_that_name_the_thing() -> None:
    params = {**PARAMS, "reveal": {"fi": ["diagnoo*"], "en": ["diagnos*"]}}
    assert found("Tiedoksi, että Pekka sai eilen diagnoosin: lymfooma kuulemma. Muuta ei.", params) == [
        "Pekka sai eilen diagnoosin: lymfooma kuulemma"]
    assert found("Tiedoksi, että Pekka sai eilen diagnoosin. Muuta ei.", params) == ["Pekka sai eilen diagnoosin"]


def test_a_name_right_after_a_speaking_verb_is_the_speaker() -> None:
    params = {**PARAMS, "speaking": {"fi": ["kertoo"], "en": ["tells"]}, "people": {"en": ["nurse"]}}
    assert found("Avioerosta kertoo lakimies Anna Koski kirjastossa.", params) == []
    assert found("A divorce, nurse Emma tells about it.", params) == []
    assert found("Hän kertoo, että Anna Koski on sairauslomalla.", params) == ["Anna Koski on sairauslomalla"]


def test_a_term_next_to_a_topic_word_is_a_subject_not_a_life() -> None:
    params = {**PARAMS, "topic_before": {"en": ["about"]}, "topic_after": {"en": ["research"], "fi": ["säätiö*"]}}
    assert found("Our colleague Mark talks about divorce at the library.", params) == []
    assert found("Mark ran for divorce research, well done!", params) == []
    assert found("We heard Mark's divorce is final.", params) == ["Mark's divorce"]


def test_hashtags_after_a_sentence_tag_its_person() -> None:
    params = {**PARAMS, "follow": 6, "follow_words": {"fi": ["kuulemma"]}}
    assert found("Pekka taas poissa... #avioero #voimia", params) == ["Pekka taas poissa... #avioero"]
    assert found("Pekka taas poissa... Avioero torstaina.", params) == []
    assert found("Kiitos Pekalle luennosta! #avioero #laki", {**PARAMS, "follow": 6}) == []
