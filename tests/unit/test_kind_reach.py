"""A finding covers the core words: a pattern's last element goes on over the words right
after it that fill it too, and a match ending on a pointer word ("his", "sen") goes on over
the thing it points at."""

from __future__ import annotations

from textwrap import dedent

import pytest

from checker.engine import check
from checker.model import Request
from checker.pack import EXAMPLE_NOW, load_pack

MESSAGES = """
    message: {sv: S., fi: F., en: E.}
    description: {sv: S., fi: F., en: E.}
    examples: {flag: [x], pass: [y]}
"""

RULES = """
  - id: incitement.call
    category: incitement
    severity: block
    guideline: G5
    kind: pattern
    gap: 1
    slots:
      harm: {fi: [naarmuttakaa], en: [slash, smash]}
      bad: {fi: [ylimielisiä, paskiaisia, typeriä], en: [arrogant, snobs]}
      group: {fi: [hurrit], en: [speakers]}
    patterns:
      fi: ["{harm} sen", "{group} on {bad}"]
      en: ["{harm} his", "{group} are {bad}"]
{m}
  - id: incitement.words
    category: incitement
    severity: block
    guideline: G5
    kind: terms
    terms: {en: ["key their", pocketing]}
{m}
""".replace("{m}", MESSAGES.strip("\n"))


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("pack")
    (folder / "rules").mkdir()
    (folder / "pack.yaml").write_text('name: k\nversion: "1"\nguidelines:\n'
                                      '  G5: {title: {fi: T, sv: T, en: T}, text: {fi: X, sv: X, en: X}}\n',
                                      encoding="utf-8")
    (folder / "rules" / "r.yaml").write_text("rules:" + dedent(RULES), encoding="utf-8")
    return load_pack([folder])


def excerpts(pack, text: str) -> list[str]:
    return [f["excerpt"] for f in check(pack, Request(text=text, now=EXAMPLE_NOW))["findings"]]


def test_a_pointer_at_the_end_reaches_the_thing_it_points_at(pack) -> None:
    assert excerpts(pack, "Go on and slash his tyres tonight, mate.") == ["slash his tyres"]
    assert excerpts(pack, "Naarmuttakaa sen Teslan kylki avaimella heti.") == ["Naarmuttakaa sen Teslan"]
    assert excerpts(pack, "We should all key their cars in the lot.") == ["key their cars"]


def test_a_pointer_reaches_no_further_than_punctuation_or_another_pointer(pack) -> None:
    assert excerpts(pack, "Slash his, and then run away from here.") == ["Slash his"]
    assert excerpts(pack, "They will smash his the whole night long.") == ["smash his"]


def test_the_last_element_goes_on_over_words_that_fill_it_too(pack) -> None:
    assert excerpts(pack, "Hurrit on ylimielisiä paskiaisia, kaikki tyynni.") == ["Hurrit on ylimielisiä paskiaisia"]
    assert excerpts(pack, "Hurrit on typeriä, ylimielisiä ihmisiä kaikki.") == ["Hurrit on typeriä"]
    assert excerpts(pack, "Swedish speakers are arrogant snobs, the lot of them.") == ["speakers are arrogant snobs"]


def test_a_possessive_or_the_right_after_a_match_opens_its_object(pack) -> None:
    assert excerpts(pack, "Somebody wants to key their the cars now.") == ["key their"]
    assert excerpts(pack, "Go on and smash his the whole day long.") == ["smash his"]
    assert excerpts(pack, "Someone has been pocketing the money, we know.") == ["pocketing the money"]
    assert excerpts(pack, "Someone has been pocketing the, er, money.") == ["pocketing"]


def test_a_match_ending_inside_a_hyphenated_word_takes_in_the_whole_word(pack) -> None:
    assert excerpts(pack, "Hurrit on typeriä-tyyppejä tänään.") == ["Hurrit on typeriä-tyyppejä"]
