"""The `pattern` kind's `unless_near`: a word of a slot around the match cancels it."""

from __future__ import annotations

from datetime import datetime, timezone

from checker.engine import _by_rule
from checker.kinds.base import Build, Context, Params
from checker.kinds.pattern import Pattern
from checker.langid import analyse
from checker.lexicon import Lexicon
from checker.model import Organization, Request
from checker.text import Document

NOW = datetime(2026, 11, 24, 16, 0, tzinfo=timezone.utc)
PARAMS = {
    "slots": {
        "lets": {"fi": ["murskataan"], "en": ["let's"]},
        "them": {"fi": ["ne"], "en": ["destroy"]},
        "game": {"fi": ["finaali*"], "en": ["final", "tournament"]},
    },
    "patterns": {"fi": ["{lets} {them}"], "en": ["{lets} {them}"]},
    "unless_near": "game",
}


def found(text: str, params: dict | None = None) -> list[str]:
    lexicon = Lexicon()
    kind = Pattern(Params(params or PARAMS), Build(lexicon, Organization(), "incitement.test"))
    lexicon.freeze()
    doc = Document(text)
    keys = lexicon.scan(doc.tokens)
    ctx = Context(doc, Request(text, NOW), analyse(doc), Organization(), keys, _by_rule(keys), {})
    return [text[m.start:m.end] for m in kind.find(ctx)]


def test_a_game_in_the_sentence_after_makes_it_a_cheer() -> None:
    assert found("Murskataan ne! Finaali alkaa kuudelta.") == []
    assert found("Let's destroy them! The final starts at seven.") == []
    assert found("Murskataan ne!") == ["Murskataan ne"]


def test_a_game_two_sentences_away_or_in_another_language_does_not_cancel() -> None:
    assert found("Finaali oli eilen. Satoi koko päivän. Murskataan ne!") == ["Murskataan ne"]
    assert found("Let's destroy them! Finaali.") == ["Let's destroy"]
    assert found("The tournament was yesterday. Let's destroy them!",
                 {**PARAMS, "unless_near_sentences": 0}) == ["Let's destroy"]
