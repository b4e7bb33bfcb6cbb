"""`pattern`'s `unless_signs` (a laughing face or a heart later on the line is friendly teasing)
and `terms`' `hyphen_heads` (a name as the first part of a hyphen compound names a thing)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from checker.engine import _by_rule
from checker.kinds.base import Build, Context, Params, RuleError
from checker.kinds.pattern import Pattern
from checker.kinds.terms import Terms
from checker.langid import analyse
from checker.lexicon import Lexicon
from checker.model import Organization, Request
from checker.text import Document

NOW = datetime(2026, 11, 24, 16, 0, tzinfo=timezone.utc)
CRAZY = {
    "slots": {"you": {"fi": ["oot", "olet"], "en": ["you're"]}, "crazy": {"fi": ["hullu"], "en": ["nuts"]}},
    "patterns": {"fi": ["{you} {crazy}"], "en": ["{you} {crazy}"]},
    "gap": 2,
    "unless_signs": ["😂", "❤"],
}
NAMES = {"terms": {"fi": ["juntti", "luuseri*", "idiootti"]}, "hyphen_heads": "skip"}


def found(kind_class, params: dict, text: str) -> list[str]:
    lexicon = Lexicon()
    kind = kind_class(Params(params), Build(lexicon, Organization(), "insult.test"))
    lexicon.freeze()
    doc = Document(text)
    keys = lexicon.scan(doc.tokens)
    ctx = Context(doc, Request(text, NOW), analyse(doc), Organization(), keys, _by_rule(keys), {})
    return [text[m.start:m.end] for m in kind.find(ctx)]


def test_a_laughing_face_or_a_heart_later_on_the_line_is_teasing() -> None:
    assert found(Pattern, CRAZY, "Jarkko sä oot kyl ihan hullu, kuka ui marraskuussa 😂❤️") == []
    assert found(Pattern, CRAZY, "Dude you're nuts, see you at the barbecue 😂") == []


def test_without_the_sign_or_on_another_line_it_fires() -> None:
    assert found(Pattern, CRAZY, "Sä oot ihan hullu, ei noin voi päättää.") == ["oot ihan hullu"]
    assert found(Pattern, CRAZY, "Sä oot ihan hullu.\nHyvää yötä 😂") == ["oot ihan hullu"]
    assert found(Pattern, CRAZY, "😂 Dude you're nuts.") == ["you're nuts"]


def test_signs_must_be_signs() -> None:
    with pytest.raises(RuleError):
        found(Pattern, {**CRAZY, "unless_signs": ["lol"]}, "x")


def test_a_name_before_a_lower_case_word_in_a_hyphen_compound_names_a_thing() -> None:
    assert found(Terms, NAMES, "Juntti-ilta nuorisotalolla perjantaina!") == []
    assert found(Terms, NAMES, "Paras luuseri-palkinto meni valmentajalle.") == []


def test_before_a_name_or_standing_alone_it_fires() -> None:
    assert found(Terms, NAMES, "Se idiootti-Matti äänesti taas.") == ["idiootti"]
    assert found(Terms, NAMES, "Luuseri-Pekka vastaa taas.") == ["Luuseri"]
    assert found(Terms, NAMES, "Ihan juntti tyyppi.") == ["juntti"]
    assert found(Terms, {**NAMES, "hyphen_heads": "fire"}, "Juntti-ilta alkaa.") == ["Juntti"]
