"""The terms, pattern, languages, readability, attachment and clock kinds, on a small pack."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from checker.engine import check
from checker.model import Attachment, Request
from checker.pack import EXAMPLE_NOW, load_pack

MESSAGES = """
    message: {sv: S., fi: F., en: E.}
    description: {sv: S., fi: F., en: E.}
    examples: {flag: [x], pass: [y]}
"""

RULES = """
  - id: profanity.words
    category: profanity
    severity: block
    guideline: G5
    kind: terms
    terms:
      fi: [vittu*, "salassa pidettäv*"]
      sv: [fan, skit*]
      en: [slut, "don't tell anyone"]
    except: {sv: [skitur]}
{m}
  - id: accusation.you-lie
    category: accusation
    severity: warn
    guideline: G5
    kind: pattern
    slots:
      you: {sv: [du, ni], en: [you]}
      lie: {sv: [ljug*], en: [lie*, lying]}
    patterns:
      sv: ["{you} {lie}"]
      en: ["{you} are {lie}"]
    gap: 1
    unless: {en: [never]}
    regex:
      fi: ['\\bvalehtel(?:et|ette)\\b']
{m}
  - id: hate.words
    category: hate
    severity: block
    guideline: G5
    kind: terms
    terms: {en: [scum, hell]}
    except: {en: ["scum of the pond"]}
    titles: {en: [film]}
    mentions: {en: [word, scrawled]}
    places: {en: [through, village]}
    heads: {en: [refugee*]}
    tails: {en: ["*trash~"]}
{m}
  - id: incitement.words
    category: incitement
    severity: block
    guideline: G5
    kind: terms
    terms: {en: ["smash windows"]}
    initial: {en: [smash]}
    initial_after: {en: [just]}
    unless_earlier: {en: [reported]}
{m}
  - id: hate.named-then
    category: hate
    severity: block
    guideline: G5
    kind: pattern
    context: group
    slots:
      group: {en: [refugees]}
      they: {en: [they]}
      bad: {en: [vermin]}
    patterns: {en: ["{they} are {bad}"]}
{m}
  - id: accusation.he-stole
    category: accusation
    severity: warn
    guideline: G5
    kind: pattern
    gap: 2
    slots:
      who: {en: [he, mayor]}
      stole: {en: [stole]}
    patterns: {en: ["{who} {stole}"]}
    negation: {en: [never, "no", nothing]}
    clause: {en: [that, think]}
{m}
  - id: accusation.fiddled
    category: accusation
    severity: warn
    guideline: G5
    kind: pattern
    slots:
      who: {en: [chair]}
      fiddled: {en: [fiddled]}
    patterns: {en: ["{who} {fiddled}"]}
    extend: 3
{m}
  - id: accusation.pocket
    category: accusation
    severity: warn
    guideline: G5
    kind: pattern
    patterns: {en: ["own pocket"]}
    extend_before: 3
    clause: {en: [and]}
{m}
  - id: bilingual.sv
    category: bilingual
    severity: warn
    guideline: G6
    kind: languages
    require: sv
    when: {account: [official]}
{m}
  - id: plain_language.long
    category: plain_language
    severity: info
    guideline: C4
    kind: readability
    max_words: 12
{m}
  - id: copyright.picture
    category: copyright
    severity: info
    guideline: G4
    kind: attachment
    types: [image]
{m}
  - id: timing.work
    category: timing
    severity: info
    guideline: G3
    kind: clock
    inside: working_hours
    when: {role: [staff]}
{m}
""".replace("{m}", MESSAGES.strip("\n"))


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("pack")
    (folder / "rules").mkdir()
    (folder / "pack.yaml").write_text('name: k\nversion: "1"\nguidelines:\n' + "".join(
        f"  {g}: {{title: {{fi: T, sv: T, en: T}}, text: {{fi: X, sv: X, en: X}}}}\n"
        for g in ("G3", "G4", "G5", "G6", "C4")), encoding="utf-8")
    (folder / "rules" / "r.yaml").write_text("rules:" + dedent(RULES), encoding="utf-8")
    return load_pack([folder])


def found(pack, text: str, **fields) -> list[tuple[str, str]]:
    request = Request(text=text, now=fields.pop("now", EXAMPLE_NOW), **fields)
    return [(f["rule"], f["excerpt"]) for f in check(pack, request)["findings"]]


def test_terms_respect_language_and_word_boundaries(pack) -> None:
    assert found(pack, "Fan vad bra det blev idag") == [("profanity.words", "Fan")]
    assert found(pack, "Big fan of the club") == []
    assert found(pack, "I slutet av veckan är det slut") == []
    assert found(pack, "She was called a slut by the troll") == [("profanity.words", "slut")]


def test_terms_catch_inflections_disguises_and_phrases(pack) -> None:
    assert found(pack, "Ihan v1ttuun koko juttu tämä") == [("profanity.words", "v1ttuun")]
    assert found(pack, "Tämä on salassa pidettäviä asioita meillä") == [
        ("profanity.words", "salassa pidettäviä")]
    assert found(pack, "Okay, don't tell anyone but the plan is off") == [
        ("profanity.words", "don't tell anyone")]
    assert found(pack, "Det var s.k.i.t bra och vi åkte skitur") == [("profanity.words", "s.k.i.t")]


def test_pattern_slots_gap_and_regex(pack) -> None:
    assert found(pack, "Nu ljuger du igen, du ljuger!") == [("accusation.you-lie", "du ljuger")]
    assert found(pack, "I think you are clearly lying about it") == [("accusation.you-lie", "you are clearly lying")]
    assert found(pack, "Sinä valehtelet koko ajan meille kaikille") == [("accusation.you-lie", "valehtelet")]
    assert found(pack, "You are here and the lies are elsewhere") == []


def test_languages_kind_only_for_official(pack) -> None:
    finnish = "Kaupungintalo on suljettu huomenna huoltotöiden vuoksi. Palvelemme taas torstaina."
    assert found(pack, finnish, account="official") == [("bilingual.sv", "")]
    assert found(pack, finnish) == []


def test_readability_marks_the_long_sentence(pack) -> None:
    text = "Short one. This sentence has far too many words in it for anyone to read with ease."
    assert found(pack, text) == [("plain_language.long", "This sentence has far too many words in it for anyone to read with ease.")]


def test_attachment_and_clock(pack) -> None:
    picture = (Attachment("image"),)
    assert ("copyright.picture", "") in found(pack, "Hello", attachments=picture)
    from datetime import datetime
    tuesday_morning = datetime.fromisoformat("2026-11-24T10:30:00+02:00")
    saturday_morning = datetime.fromisoformat("2026-11-28T10:30:00+02:00")
    utc_evening = datetime.fromisoformat("2026-11-24T14:30:00+00:00")   # 16:30 in Helsinki
    assert found(pack, "Hello", now=tuesday_morning) == [("timing.work", "")]
    assert found(pack, "Hello", now=tuesday_morning, role="trustee") == []
    assert found(pack, "Hello", now=saturday_morning) == []
    assert found(pack, "Hello", now=utc_evening) == []


def test_overlapping_matches_of_one_rule_become_one_finding() -> None:
    from checker.engine import _merged

    spans = {(0, 9): None, (3, 12): None, (20, 25): None, (21, 23): None, (0, 0): None}
    assert _merged(spans, "x" * 30) == [(0, 0, None), (0, 12, None), (20, 25, None)]


def test_neighbouring_matches_of_one_rule_become_one_finding() -> None:
    from checker.engine import _merged

    text = "idiot, idiot! idiot and idiot\nidiot 😀 idiot"
    spans = {(m, m + 5): None for m in (0, 7, 14, 24, 30, 38)}
    # spaces and punctuation join neighbours; a word, a line break or an emoji between keeps them apart
    assert _merged(spans, text) == [(0, 19, None), (24, 29, None), (30, 35, None), (38, 43, None)]
    # neighbours with different suggestions stay apart
    assert _merged({(0, 5): {"en": "a"}, (7, 12): {"en": "b"}}, text) == [
        (0, 5, {"en": "a"}), (7, 12, {"en": "b"})]


def test_unless_words_cancel_a_match_in_it_or_just_before(pack) -> None:
    assert found(pack, "I think you are lying now") == [("accusation.you-lie", "you are lying")]
    assert found(pack, "I think you are never lying") == []
    assert found(pack, "Never would you are lying be said") == []
    assert found(pack, "Never mind, we know it. You are lying") == [("accusation.you-lie", "You are lying")]


def test_a_negation_cancels_a_match_only_within_its_clause(pack) -> None:
    def stole(text: str) -> list[str]:
        return [excerpt for rule, excerpt in found(pack, text) if rule == "accusation.he-stole"]
    kiosk = " the money from the kiosk last year"
    assert stole("The mayor never stole" + kiosk) == []                     # inside the match
    assert stole("He stole nothing from the kiosk last year, said the report") == []   # just after it
    assert stole("No mayor stole" + kiosk) == []                             # just before it
    assert stole("I never think he stole" + kiosk) == ["he stole the money"]     # a clause word stops it
    assert stole("I never said that the mayor stole" + kiosk) == ["mayor stole the money"]
    assert stole("No, he stole" + kiosk) == ["he stole the money"]               # so does a comma
    assert stole("He stole, nothing else to say about the money from the kiosk") == ["He stole"]


def test_extend_covers_the_words_after_a_match_up_to_the_end_of_its_clause(pack) -> None:
    def fiddled(text: str) -> list[str]:
        return [excerpt for rule, excerpt in found(pack, text) if rule == "accusation.fiddled"]
    assert fiddled("The chair fiddled with the tenders, and everyone on the board knows it") == [
        "chair fiddled with the tenders"]
    assert fiddled("Our chair fiddled, as everyone on the board knows by now") == ["chair fiddled"]
    assert fiddled("The chair fiddled with all the tender documents for years") == ["chair fiddled with all the"]


def test_extend_before_covers_the_words_before_a_match_within_its_clause(pack) -> None:
    def pocket(text: str) -> list[str]:
        return [excerpt for rule, excerpt in found(pack, text) if rule == "accusation.pocket"]
    assert pocket("The grant went into his own pocket") == ["went into his own pocket"]
    assert pocket("The grant, his own pocket") == ["his own pocket"]               # a comma ends the clause
    assert pocket("The grant vanished and his own pocket grew") == ["his own pocket"]  # a conjunction stops it
    assert pocket("Own pocket money for the trip") == ["Own pocket"]              # nothing before


def test_a_context_slot_must_stand_in_the_sentence_or_the_one_before_or_after(pack) -> None:
    # The finding takes in the context word, so the reader sees which group is meant.
    assert found(pack, "Refugees arrive in May. They are vermin.") == [
        ("hate.named-then", "Refugees arrive in May. They are vermin")]
    assert found(pack, "They are vermin, the refugees.") == [("hate.named-then", "They are vermin, the refugees")]
    assert found(pack, "They are vermin.") == []
    assert found(pack, "They are vermin. I mean the refugees.") == [
        ("hate.named-then", "They are vermin. I mean the refugees")]
    assert found(pack, "Refugees arrive in May. Rats came too. They are vermin.") == []
    # ... but never across a paragraph break
    assert found(pack, "Refugees arrive in May.\n\nThey are vermin.") == [("hate.named-then", "They are vermin")]


def test_terms_compounds_titles_links_and_excepted_phrases(pack) -> None:
    def hate(text: str) -> list[str]:
        return [excerpt for rule, excerpt in found(pack, text) if rule == "hate.words"]
    assert hate("Typical refugeetrash at the station.") == ["refugeetrash"]
    assert hate("Refugees and trash collection.") == []                 # the parts alone
    assert hate("You are scum.") == ["scum"]
    assert hate("Green scum of the pond is algae.") == []               # an excepted phrase
    assert hate("We saw the film Hell or High Water.") == []            # a title
    assert hate("What the hell is this film.") == ["hell"]              # not written as a title
    assert hate("Read https://example.com/you-are-scum now") == []      # someone else's address


def test_terms_initial_and_unless_earlier_frame_a_term(pack) -> None:
    def calls(text: str) -> list[str]:
        return [excerpt for rule, excerpt in found(pack, text) if rule == "incitement.words"]
    assert calls("Smash windows tonight!") == ["Smash windows"]            # opens its sentence: asks
    assert calls("Tonight, smash windows.") == ["smash windows"]           # opens its clause
    assert calls("Just smash windows.") == ["smash windows"]               # an initial_after word
    assert calls("Kids smash windows every weekend.") == []                 # a subject before it: states
    assert calls("The paper reported that youths, smash windows.") == []    # an unless_earlier word


def test_terms_mentioned_in_quotes_or_a_place_name_do_not_fire(pack) -> None:
    def hate(text: str) -> list[str]:
        return [excerpt for rule, excerpt in found(pack, text) if rule == "hate.words"]
    assert hate('Someone scrawled "scum" on the wall.') == []           # quoted, with a mention word
    assert hate("We removed the word 'scum' from the comments.") == []
    assert hate("Someone scrawled on the wall, you scum.") == ["scum"]  # not in quotes: the writer's word
    assert hate('You are "scum", all of you.') == ["scum"]              # in quotes, no mention word
    assert hate("We drove through Hell on the way to Trondheim.") == []  # a place's name
    assert hate("We drove through hell to get here.") == ["hell"]       # not capitalized
