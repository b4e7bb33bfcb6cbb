"""The one notion of a clause break that `pattern` (negation, extend) and `clause` share."""

from __future__ import annotations

import pytest

from checker.kinds.base import breaks_clause


@pytest.mark.parametrize("between", [", ", ": ", "; ", " – ", " — ", " - ", " -", "- ", ",\n"])
def test_punctuation_and_dashes_end_a_clause(between: str) -> None:
    assert breaks_clause(between)


@pytest.mark.parametrize("between", [" ", "-", "\n", "  ", " ja "])
def test_spaces_and_a_words_own_hyphen_do_not(between: str) -> None:
    assert not breaks_clause(between)


def test_a_hyphen_between_letters_joins_one_word() -> None:
    text = "vuokra-asuntoja"
    assert not breaks_clause(text[6:7]) and not breaks_clause(text)
