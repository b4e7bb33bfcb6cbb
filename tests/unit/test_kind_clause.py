"""The `clause` kind: word classes together in one sentence, in any order, and what it must pass."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from checker.engine import _by_rule
from checker.kinds.base import Build, Context, Params, RuleError
from checker.kinds import clause
from checker.kinds.clause import Clause
from checker.langid import analyse
from checker.lexicon import Lexicon
from checker.model import Organization, Request
from checker.text import Document
from tests.unit.steps import lines_run

NOW = datetime(2026, 11, 24, 16, 0, tzinfo=timezone.utc)
PARAMS = {
    "slots": {
        "call": {"fi": ["pitäis", "joku", "vois"], "en": ["should", "someone"]},
        "harm": {"fi": ["repiä", "naarmuttaa", "polttaa"], "en": ["smash", "burn"]},
        "target": {"fi": ["kyltit", "auton", "sen"], "en": ["windows", "his", "kiosk"]},
        "imp": {"fi": ["poltetaan"], "en": ["smash"]},
        "group": {"fi": ["hurrit"], "en": ["swedes"]},
        "alike": {"fi": ["samanlaisia"], "en": ["same"]},
        "they": {"fi": ["ne"], "en": ["they're"]},
    },
    "shapes": {"fi": ["{call} {harm} {target}", "^{imp} {target}"],
               "en": ["{call} {harm} {target}", "^{imp} {target}"]},
    "window": 6,
    "unless": {"fi": ["ei", "poliisi"], "en": ["not", "police"]},
}
CONTEXT = {
    "slots": {k: PARAMS["slots"][k] for k in ("group", "alike", "they")},
    "shapes": {"fi": ["{they} {alike}"], "en": ["{they} {alike}"]},
    "context": "group",
    "context_sentences": 1,
}


def found(text: str, params: dict | None = None) -> list[str]:
    lexicon = Lexicon()
    kind = Clause(Params(params or PARAMS), Build(lexicon, Organization(), "incitement.test"))
    lexicon.freeze()
    doc = Document(text)
    keys = lexicon.scan(doc.tokens)
    ctx = Context(doc, Request(text, NOW), analyse(doc), Organization(), keys, _by_rule(keys), {})
    return [text[m.start:m.end] for m in kind.find(ctx)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Noi kyltit pitäis repiä alas.", "kyltit pitäis repiä"),              # object first
    ("Joku vois polttaa auton kyltit.", "Joku vois polttaa auton kyltit"),  # over the words that fill slots
    ("Sen auton vois joku naarmuttaa yöllä.", "Sen auton vois joku naarmuttaa"),  # modal, subject, verb
    ("Joku vois polttaa sen kioskin.", "Joku vois polttaa sen kioskin"),    # "sen" points on
    ("Someone should smash his windows.", "Someone should smash his windows"),
    ("No niin. Poltetaan sen mökki.", "Poltetaan sen mökki"),               # at the start of a sentence
    ("Ei kiitos, poltetaan sen mökki.", "poltetaan sen mökki"),             # after a comma; "ei" is in the clause before
])
def test_the_classes_in_any_order_fire(text: str, expected: str) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize("text", [
    "Joku vois korjata ton kyltin.",                      # no harm verb
    "Noi kyltit pitäis. Repiä ne voi myöhemmin.",         # across a sentence end
    "Kyltit pitäis ensi viikolla kaupungin toimesta ja vasta sitten repiä.",  # beyond the window
    "Poliisi epäilee että joku vois polttaa sen.",        # an unless word near it
    "Someone should not smash his windows.",
    "Then we smash his windows.",                         # an imperative must begin its clause
    "Kioskin ikkunat rikottiin, poltetaan ei mitään.",    # no target
])
def test_incomplete_or_cancelled_shapes_pass(text: str) -> None:
    assert found(text) == []


def test_context_slot_in_the_sentence_before() -> None:
    # the finding runs from the group word to the claim, so the reader sees whom it is about
    assert found("Hurrit valittaa taas. Ne on kaikki samanlaisia.", CONTEXT) == [
        "Hurrit valittaa taas. Ne on kaikki samanlaisia"]
    assert found("Kaupunki valittaa taas. Ne on kaikki samanlaisia.", CONTEXT) == []
    assert found("Swedes came. It rained. They're the same.", CONTEXT) == []   # two sentences away


def test_a_context_word_in_the_paragraph_before_is_not_marked() -> None:
    # it still counts, but the mark stays in the claim's own paragraph
    assert found("Hurrit valittaa taas.\n\nNe on kaikki samanlaisia.", CONTEXT) == ["Ne on kaikki samanlaisia"]


def test_one_finding_per_shape_and_sentence() -> None:
    assert found("Joku vois polttaa sen, ja joku vois polttaa sen.") == ["Joku vois polttaa sen"]


@pytest.mark.parametrize(("params", "reason"), [
    ({**PARAMS, "shapes": {"fi": ["{call}"]}}, "at least two"),
    ({**PARAMS, "shapes": {"fi": ["{call} {nothing}"]}}, "does not define"),
    ({**PARAMS, "shapes": {"fi": ["{call} {call}"]}}, "twice"),
    ({**PARAMS, "shapes": {"fi": ["{call} word"]}}, "{slot}"),
    ({**PARAMS, "window": 40}, "at most"),
    ({**PARAMS, "context": "nothing"}, "does not define"),
])
def test_bad_parameters_are_refused(params: dict, reason: str) -> None:
    with pytest.raises(RuleError, match=reason.replace("{", r"\{").replace("}", r"\}")):
        found("x", params)


def test_a_long_text_is_linear() -> None:
    """Ten times the text is ten times the kind's work (lines of clause.py run), not more."""
    sentence = "Joku vois sen kyltit pitäis, "
    small = lines_run(clause, lambda: found(sentence * 200 + "polttaa."))
    large = lines_run(clause, lambda: found(sentence * 2000 + "polttaa."))
    assert small > 1000 and large <= small * 10.5


def test_no_walk_when_a_slot_of_every_shape_is_missing() -> None:
    """Words for two slots of three, again and again, and no harm verb: no shape can be
    completed, so the kind stops before walking the words (and finds nothing)."""
    text = "Joku vois sen kyltit pitäis, " * 2000
    assert found(text) == []
    assert found(text + "polttaa.") == ["Joku vois sen kyltit pitäis, polttaa"]   # with it, the walk runs
    # counting the slots present is one short line per word; the walk is dozens
    assert lines_run(clause, lambda: found(text)) * 20 < lines_run(clause, lambda: found(text + "polttaa."))


def test_clause_scope_keeps_a_shape_inside_one_clause() -> None:
    params = {**PARAMS, "scope": "clause"}
    assert found("Joku vois hakata lumet katolta, se on vaarallinen.", {
        **params, "slots": {**PARAMS["slots"], "harm": {"fi": ["hakata"], "en": ["smash"]}}}) == []
    assert found("Noi kyltit pitäis repiä alas.", params) == ["kyltit pitäis repiä"]


def test_a_words_own_hyphen_is_no_clause_break() -> None:
    """A hyphen inside a word ("vuokra-auton") keeps the clause together; a dash between
    spaces ends it."""
    params = {**PARAMS, "scope": "clause",
              "slots": {**PARAMS["slots"], "target": {"fi": ["auton"], "en": ["windows"]}}}
    assert found("Joku vois naarmuttaa sen vuokra-auton.", params) == ["Joku vois naarmuttaa sen vuokra-auton"]
    assert found("Joku vois naarmuttaa – auton omistaja ei välitä.", params) == []


NEAR = {**PARAMS, "slots": {**PARAMS["slots"], "game": {"fi": ["finaali*"], "en": ["final"]}},
        "unless_near": "game"}


def test_an_unless_near_word_in_the_sentence_or_the_next_cancels_a_match() -> None:
    assert found("Poltetaan sen mökki. Finaali on lauantaina.", NEAR) == []          # the sentence after
    assert found("Someone should smash his windows. The final is on Saturday.", NEAR) == []
    assert found("Poltetaan sen mökki.", NEAR) == ["Poltetaan sen mökki"]
    assert found("Finaali oli eilen. Satoi. Poltetaan sen mökki.", NEAR) == ["Poltetaan sen mökki"]  # two away
    assert found("Someone should smash his windows. Finaali.", NEAR) == ["Someone should smash his windows"]  # other language


def test_unless_near_must_name_a_slot() -> None:
    with pytest.raises(RuleError, match="does not define"):
        found("x", {**PARAMS, "unless_near": "nothing"})


def test_slot_of_gives_the_slot_a_key_fills_and_none_for_other_words() -> None:
    from checker.kinds.base import SlotOf

    slot_of = SlotOf()
    hits = [(0, ("r", "slot", "group", "fi")), (1, ("r", "unless", "fi")), (2, ("r", "slot", "verb", "any"))]
    assert slot_of.filled(hits) == {("group", "fi"), None, ("verb", "any")}
    assert slot_of.filled([]) == frozenset()
