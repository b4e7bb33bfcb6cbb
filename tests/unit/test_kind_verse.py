"""The `verse` kind: lines set out like a poem or song, and the lists and programmes it must pass."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from checker.engine import _by_rule
from checker.kinds.base import Build, Context, Params
from checker.kinds import verse
from checker.kinds.verse import Verse
from checker.langid import analyse
from checker.lexicon import Lexicon
from checker.model import Organization, Request
from checker.text import Document
from tests.unit.steps import lines_run

NOW = datetime(2026, 11, 24, 16, 0, tzinfo=timezone.utc)
PARAMS = {"lines": 4, "unless": {"fi": ["kirjoitin"], "en": ["wrote"]}}


def found(text: str, params: dict | None = None) -> list[str]:
    lexicon = Lexicon()
    kind = Verse(Params(params or PARAMS), Build(lexicon, Organization(), "copyright.test"))
    lexicon.freeze()
    doc = Document(text)
    keys = lexicon.scan(doc.tokens)
    ctx = Context(doc, Request(text, NOW), analyse(doc), Organization(), keys, _by_rule(keys), {})
    return [text[m.start:m.end] for m in kind.find(ctx)]


POEM = "the lights are low tonight,\nand boats have gone to sleep\nthe gulls are quiet on the pier\nand winter settles deep"


def test_a_poem_is_found_as_its_run_of_lines() -> None:
    assert found("So beautiful:\n" + POEM + "\n\n#harbour") == [POEM]


@pytest.mark.parametrize("text", [
    "I wrote this for the harbour:\n" + POEM,                                   # the writer's own
    "Programme:\nKlo 10 avajaiset torilla\nKlo 12 teatteri kirjastossa\nKlo 14 konsertti kirkossa\nKlo 16 arpajaiset",
    "Thanks to:\nAnna Virtanen\nMatti Mäkinen\nErik Lindholm\nSara Nieminen",    # names: too short
    "Menu:\nSalmon soup with rye bread\nVegetable lasagne with salad\nBerry pie with vanilla sauce\nCoffee and tea",
    "the lights are low tonight,\nand boats have gone to sleep",                # too few lines
])
def test_lists_programmes_and_own_texts_pass(text: str) -> None:
    assert found(text) == []


def test_long_texts_are_linear() -> None:
    """Ten times the poems is ten times the kind's work (lines of verse.py run), not more."""
    small_text, large_text = (POEM + "\n1.\n") * 200, (POEM + "\n1.\n") * 2000
    assert len(found(large_text)) == 2000
    small = lines_run(verse, lambda: found(small_text))
    large = lines_run(verse, lambda: found(large_text))
    assert small > 1000 and large <= small * 10.5

def test_lyrics_with_a_capital_on_every_line_are_verse_when_lines_go_on_with_a_conjunction() -> None:
    params = {**PARAMS, "continues": {"en": ["and", "when"], "fi": ["ja", "kun"]}}
    song = "We walk along the harbour\nAnd the boats are sleeping\nWhen the gulls are singing\nAnd the night is keeping"
    assert found("Our song:\n" + song, params) == [song]
    # a list whose items begin with capitals, one "And" among them, stays quiet
    assert found("Bring along:\nWarm clothes for the evening\nA thermos of coffee\nAnd a blanket to sit on\n"
                 "Good shoes for the rocks", params) == []
    assert found("Our song:\n" + song) == []          # without `continues` capitals end the sentence
