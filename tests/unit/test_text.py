"""Tokens, disguised spellings, lines and sentences, and UTF-16 offsets."""

from __future__ import annotations

from hypothesis import given, strategies as st

from checker.text import Document, lookup_forms, squeeze


def words(text: str) -> list[str]:
    return [t.lower for t in Document(text).tokens]


def test_tokens_keep_apostrophes_and_symbols_inside_words() -> None:
    assert words("Don’t f*ck it, sh1t!") == ["don't", "f*ck", "it", "sh1t"]
    assert words("klo 10.30 ja 2026") == ["klo", "ja"]


def test_spelled_out_and_split_words_are_joined() -> None:
    doc = Document("p.a.s.k.a ja f u c k ja vi-ttu")
    assert [t.lower for t in doc.joined_tokens] == ["paska", "fuck", "vittu"]
    joined = doc.joined_tokens[0]
    assert doc.text[joined.start:joined.end] == "p.a.s.k.a"


def test_ordinary_text_yields_no_joined_words() -> None:
    assert Document("Hanko, 24.11.2026: tervetuloa!").joined_tokens == []


def test_lookup_forms_cover_leet_and_repeats() -> None:
    assert ("shit", False) in lookup_forms("sh1t")
    assert ("fuck", True) in lookup_forms("fuuuuck")
    assert ("fuck", False) in lookup_forms("f*ck")
    assert lookup_forms("paska") == [("paska", False)]
    assert squeeze("paskaaaa") == "paska"


def test_lines_and_sentences() -> None:
    doc = Document("Eka lause. Toka lause!\n\nKolmas rivi")
    assert [doc.text[s:e] for s, e in doc.lines] == ["Eka lause. Toka lause!", "Kolmas rivi"]
    assert [doc.text[s:e] for s, e in doc.sentences] == ["Eka lause.", "Toka lause!", "Kolmas rivi"]
    assert doc.line_col(doc.text.index("Kolmas")) == (3, 1)


def test_utf16_offsets_count_emoji_as_two_units() -> None:
    doc = Document("😀 a 👨‍👩‍👧 b")
    assert doc.utf16(0) == 0
    assert doc.utf16(2) == 3            # after one astral emoji and a space
    b = doc.text.index("b")
    assert doc.utf16(b) == len(doc.text[:b].encode("utf-16-le")) // 2
    assert doc.from_utf16(doc.utf16(b)) == b


@given(st.text())
def test_utf16_matches_javascript_counting(text: str) -> None:
    doc = Document(text)
    for index in range(len(text) + 1):
        assert doc.utf16(index) == len(text[:index].encode("utf-16-le", "surrogatepass")) // 2


def test_censored_words_are_candidates_and_emphasis_is_not() -> None:
    doc = Document("what the f***! an *important* note, sh** happens")
    assert [t.lower for t in doc.joined_tokens] == ["f***", "sh**"]
    assert [t.lower for t in doc.tokens] == ["what", "the", "f", "an", "important", "note", "sh", "happens"]
