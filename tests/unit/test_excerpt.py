"""A finding's excerpt: the words as sent, cut to MAX_EXCERPT UTF-16 code units."""

from __future__ import annotations

from checker.response import MAX_EXCERPT, excerpt
from checker.text import Document


def _units(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def test_a_long_span_is_cut_at_the_limit_even_next_to_a_dropped_joiner() -> None:
    sent = "a" * (MAX_EXCERPT - 2) + "👨\u200d👩\u200d👧" + "b" * 50
    doc = Document(sent)
    shown = excerpt(doc, 0, len(doc.text))
    assert sent.startswith(shown) and _units(shown) == MAX_EXCERPT       # the man, not his joiner


def test_a_cut_never_splits_a_surrogate_pair() -> None:
    sent = "a" * (MAX_EXCERPT - 1) + "😀" + "b" * 10
    doc = Document(sent)
    shown = excerpt(doc, 0, len(doc.text))
    assert shown == "a" * (MAX_EXCERPT - 1)


def test_a_short_span_is_given_whole_as_sent() -> None:
    doc = Document("Du är en i-d-i-o-t.")
    assert excerpt(doc, 0, len(doc.text)) == "Du är en i-d-i-o-t."
