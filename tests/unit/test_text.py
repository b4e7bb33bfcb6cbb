"""Tokens, disguised spellings, lines and sentences, and UTF-16 offsets."""

from __future__ import annotations

import pytest
from hypothesis import example, given, strategies as st

from checker.text import Document, lookup_forms, squeeze


def words(text: str) -> list[str]:
    return [t.lower for t in Document(text).tokens]


def test_tokens_keep_apostrophes_and_symbols_inside_words() -> None:
    assert words("Don’t f*ck it, sh1t!") == ["don't", "f*ck", "it", "sh1t"]
    assert words("klo 10.30 ja 2026") == ["klo", "ja"]


def test_spelled_out_and_split_words_are_joined() -> None:
    # Four letters or more spelled out are read as the word by normalization (normalize.py),
    # so they are ordinary tokens that point back to the letters as sent; three letters and
    # words split in two are joined here.
    doc = Document("p.a.s.k.a ja f u c k ja vi-ttu ja s h t")
    assert [t.lower for t in doc.tokens][:4] == ["paska", "ja", "fuck", "ja"]
    assert [t.lower for t in doc.joined_tokens] == ["sht", "vittu", "vi\x1fttu"]   # the dash a letter, too
    first = doc.tokens[0]
    assert doc.sent[doc.sent_start(first.start):doc.sent_end(first.end)] == "p.a.s.k.a"


def test_ordinary_text_yields_no_joined_words() -> None:
    assert Document("Hanko, 24.11.2026: tervetuloa!").joined_tokens == []


def test_lookup_forms_cover_leet_and_repeats() -> None:
    assert ("shit", False) in lookup_forms("sh1t")
    assert ("fuuck", True) in lookup_forms("fuuuuck")       # a run read as two letters
    assert ("vittu", True) in lookup_forms("vitttu")
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
    sent_b = doc.sent.index("b")             # the family emoji's joiners are not in doc.text
    assert doc.utf16(b) == len(doc.sent[:sent_b].encode("utf-16-le")) // 2
    assert doc.from_utf16(doc.utf16(b)) == sent_b


@given(st.text())
def test_utf16_matches_javascript_counting(text: str) -> None:
    doc = Document(text)
    for index in range(len(doc.text) + 1):
        origin = doc.sent_start(index)
        assert doc.utf16(index) == len(text[:origin].encode("utf-16-le", "surrogatepass")) // 2
        assert 0 <= doc.utf16_end(index) <= len(text.encode("utf-16-le", "surrogatepass")) // 2


@given(st.text())
def test_every_span_points_into_the_text_as_sent(text: str) -> None:
    doc = Document(text)
    units = text.encode("utf-16-le", "surrogatepass")
    for start in range(len(doc.text)):
        for end in (start + 1, len(doc.text)):
            first, last, excerpt = doc.span(start, end)
            assert 0 <= first <= last <= len(units) // 2
            assert units[2 * first:2 * last].decode("utf-16-le", "surrogatepass") == excerpt


@pytest.mark.parametrize(("sent", "reads"), [
    ("p\u200baska", "paska"),            # zero-width space
    ("pas\u00adka", "paska"),            # soft hyphen
    ("\ufeffvi\u2060ttu", "vittu"),     # BOM, word joiner
    ("pa\u200fsk\u202ea", "paska"),     # bidi marks
    ("ｐａｓｋａ", "paska"),              # fullwidth
    ("\U0001d429\U0001d41a\U0001d42c\U0001d424\U0001d41a", "paska"),   # mathematical bold
    ("pаskа", "paska"),                  # Cyrillic a
    ("ѕhіt", "shit"),                    # Cyrillic s and i
    ("ρaskα", "paska"),                  # Greek rho and alpha
    ("pàska", "paska"),                  # accent stripped
    ("pa\u0300ska", "paska"),            # combining accent stripped
    ("a\u0308a\u0308lio\u0308", "ääliö"),   # decomposed Finnish letters composed, kept
    ("jävla, Åbo, idé", "jävla, Åbo, idé"),   # meaningful accents kept
    ("p€nis", "penis"),                  # a symbol inside a word
    ("10 € ja 5 £", "10 € ja 5 £"),      # the same symbols as prices stay
    ("150385\u200b-235L", "150385-235L"),
])
def test_normalization_reads_through_disguises(sent: str, reads: str) -> None:
    doc = Document(sent)
    assert doc.text == reads
    assert doc.span(0, len(doc.text))[2] == sent.strip("\ufeff")      # the span shows what was sent


def test_censored_words_are_candidates_and_emphasis_is_not() -> None:
    doc = Document("what the f***! an *important* note, sh** happens")
    assert [t.lower for t in doc.joined_tokens] == ["f***", "sh**"]
    assert [t.lower for t in doc.tokens] == ["what", "the", "f", "an", "important", "note", "sh", "happens"]


LINES = st.lists(st.text(alphabet=st.sampled_from(list("ab pks.-·*_@$'’1ÄöF\u00a0")), max_size=30), max_size=6)


def _words(doc: Document) -> tuple:
    return tuple(doc.tokens), tuple(doc.joined_tokens)


@given(LINES, st.text(alphabet=st.sampled_from(list("xy .-\n")), max_size=8))
@example(["F_F_F·F"], "")      # letters the normalizing already joined
def test_a_line_met_again_elsewhere_has_the_words_it_would_have_fresh(lines: list[str], head: str) -> None:
    """Words of lines seen before (and shifted to where the line now stands) are the words a
    post never seen gets; the quick checks for spelled, censored and joined words skip none."""
    from checker.text import SPELLED_RE, clear_line_caches

    text = "\n".join(lines)
    edited = head + text
    clear_line_caches()
    Document(text)                       # its lines are remembered ...
    again = _words(Document(edited))     # ... and met again after an edit above them
    clear_line_caches()
    assert again == _words(Document(edited))
    for line in edited.split("\n"):      # the hint never misses a spelled-out word
        doc = Document(line)             # (normalizing may already have joined its letters)
        if SPELLED_RE.search(doc.text):
            assert [t for t in doc.joined_tokens if t.lower.isalpha()]


def test_spelled_and_censored_words_are_found_with_the_quick_checks() -> None:
    from checker.text import clear_line_caches

    clear_line_caches()
    doc = Document("ok\nNo p a s here, f***, sh** and vi-ttu·paska\nf.u.c")
    assert [t.lower for t in doc.joined_tokens] == ["pas", "f***", "sh**", "fuc", "vittu", "ttupaska",
                                                    "vi\x1fttu", "ttu\x1fpaska"]
    moved = Document("first line\nok\nNo p a s here, f***, sh** and vi-ttu·paska\nf.u.c")
    assert [t.lower for t in moved.joined_tokens] == ["pas", "f***", "sh**", "fuc", "vittu", "ttupaska",
                                                      "vi\x1fttu", "ttu\x1fpaska"]
    assert all(moved.text[t.start:t.end].replace(" ", "").replace(".", "").replace("-", "").replace("·", "")
               .lower().startswith(t.lower[:2]) for t in moved.joined_tokens)


def test_lower_casing_keeps_every_character_a_letter_a_word_character_or_neither() -> None:
    """Words are found in the lower-cased line (checker/text.py), so lower-casing a character
    (where it stays one character) must keep what it is to TOKEN_RE and to str.isalpha."""
    import re
    import sys

    word_char = re.compile(r"[^\W_]")
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        low = ch.lower()
        if len(low) == 1 and low != ch:
            assert ch.isalpha() == low.isalpha(), hex(code)
            assert bool(word_char.match(ch)) == bool(word_char.match(low)), hex(code)
            assert (ch in "'’@$*") == (low in "'’@$*"), hex(code)


@given(st.text(alphabet=st.sampled_from("aÄİßΣσς’'@$*1 .-ǅǄ\u0130\u212aK"), max_size=40))
def test_words_are_the_lower_cased_words_of_the_text_where_they_stand(text: str) -> None:
    from checker.text import TOKEN_RE

    doc = Document(text)
    expected = [(m.start(), m.end()) for m in TOKEN_RE.finditer(doc.text) if any(map(str.isalpha, m.group()))]
    assert [(t.start, t.end) for t in doc.tokens] == expected
    assert all(t.lower == doc.lower[t.start:t.end].replace("’", "'") for t in doc.tokens)


@given(st.text(alphabet=st.sampled_from("wW.:/-_ aé1hHtTpPsSſk"), max_size=40))
def test_the_quick_check_for_links_misses_no_link(text: str) -> None:
    from checker.text import LINK_RE

    assert Document(text).links == [m.span() for m in LINK_RE.finditer(Document(text).text)]


def test_the_lines_met_lately_stay_bounded_and_keep_the_newest() -> None:
    from checker import text as module

    seen = module._Seen()
    for number in range(module.LINE_CACHE_SIZE + 10):
        seen.remember((f"line {number}", f"line {number}"), None)       # type: ignore[arg-type]
    assert len(seen) == module.LINE_CACHE_SIZE
    assert ("line 9", "line 9") not in seen and ("line 10", "line 10") in seen
    last = module.LINE_CACHE_SIZE + 9
    assert next(reversed(seen)) == (f"line {last}", f"line {last}")
