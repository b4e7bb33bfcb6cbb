"""Unicode disguises (issue 9, item 10) inside swear words, identity codes and IBANs: each is
read through, and the finding points at the disguised word in the text as sent, counted in
UTF-16 code units (an emoji before it counts two)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import datetime

import pytest

from checker.engine import check
from checker.kinds.base import Request

NOW = datetime.fromisoformat("2026-11-28T12:00:00+02:00")

LATIN_TO_CYRILLIC = str.maketrans("aeopcxyiAEOPCXHKMTI", "аеорсхуіАЕОРСХНКМТІ")
LATIN_TO_GREEK = str.maketrans("oaiktABEHKMNOPTX", "οαικτΑΒΕΗΚΜΝΟΡΤΧ")


def insert(mark: str) -> Callable[[str], str]:
    """The word with an invisible character after every second character."""
    return lambda word: "".join(ch + mark if i % 2 == 1 and i < len(word) - 1 else ch for i, ch in enumerate(word))


def fullwidth(word: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in word)


def math_bold(word: str) -> str:
    def bold(ch: str) -> str:
        if "a" <= ch <= "z":
            return chr(0x1D41A + ord(ch) - ord("a"))
        if "A" <= ch <= "Z":
            return chr(0x1D400 + ord(ch) - ord("A"))
        if "0" <= ch <= "9":
            return chr(0x1D7CE + ord(ch) - ord("0"))
        return ch
    return "".join(bold(ch) for ch in word)


def combining(word: str) -> str:
    """Every third character with a combining accent that carries no meaning (grave)."""
    return "".join(ch + "\u0300" if i % 3 == 1 else ch for i, ch in enumerate(word))


DISGUISES: dict[str, Callable[[str], str]] = {
    "zero-width space": insert("\u200b"),
    "zero-width non-joiner": insert("\u200c"),
    "zero-width joiner": insert("\u200d"),
    "word joiner": insert("\u2060"),
    "BOM inside": insert("\ufeff"),
    "soft hyphen": insert("\u00ad"),
    "left-to-right mark": insert("\u200e"),
    "right-to-left mark": insert("\u200f"),
    "bidi override": insert("\u202e"),
    "bidi isolate": insert("\u2066"),
    "NFD": lambda word: unicodedata.normalize("NFD", word),
    "combining accents": combining,
    "Cyrillic look-alikes": lambda word: word.translate(LATIN_TO_CYRILLIC),
    "Greek look-alikes": lambda word: word.translate(LATIN_TO_GREEK),
    "fullwidth": fullwidth,
    "mathematical bold": math_bold,
}

# (category, the word as written plainly, a frame with {} where it stands)
TARGETS = [
    ("profanity", "paska", "😀 Tää on ihan {} idea, sanon sen suoraan."),
    ("profanity", "perkele", "👍 Taas tämä {} jono kaupungintalolla."),
    ("profanity", "jävla", "🙈 Vilket {} väder i dag."),
    ("profanity", "shit", "🙂 This is {} and everyone knows it."),
    ("privacy", "240101A101T", "📎 Henkilötunnus {} lähti väärälle vastaanottajalle."),
    ("privacy", "FI2112345600000785", "💶 Maksa tilille {} heti."),
]


def found_at(pack, text: str, category: str) -> list[tuple[int, int]]:
    """The UTF-16 spans of the findings of a category."""
    return [(f["start"], f["end"]) for f in check(pack, Request(text, NOW))["findings"] if f["category"] == category]


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


@pytest.mark.parametrize("disguise", list(DISGUISES))
@pytest.mark.parametrize(("category", "word", "frame"), TARGETS)
def test_a_disguised_word_is_found_where_it_was_sent(pack, category: str, word: str, frame: str, disguise: str) -> None:
    disguised = DISGUISES[disguise](word)
    assert disguised != word or disguise in ("NFD", "Greek look-alikes")   # no ä in the word, no Greek A
    text = frame.format(disguised)
    before = text[:text.index(disguised)]
    spans = found_at(pack, text, category)
    assert spans, (disguise, text)
    start, end = utf16(before), utf16(before + disguised)
    assert any(s <= start and end <= e and e - s <= end - start + 2 for s, e in spans), (disguise, spans, start, end)


@pytest.mark.parametrize(("word", "disguised"), [
    ("perkele", "p€rk€l€"),         # euro for e
    ("paska", "pa$ka"),             # dollar for s
    ("shit", "$hit"),
    ("vittu", "v¡ttu"),             # inverted exclamation for i
    ("fucking", "fu¢king"),         # cent for c
])
def test_symbols_standing_for_letters_are_read(pack, word: str, disguised: str) -> None:
    text = f"😀 Ihan {disguised} homma."
    spans = found_at(pack, text, "profanity")
    start = utf16(text[:text.index(disguised)])
    assert (start, start + utf16(disguised)) in spans, (disguised, spans)


@pytest.mark.parametrize(("category", "disguised"), [
    ("privacy", "24O1O1A1O1T"),             # Latin O for zero
    ("privacy", "24\u041e101A101T"),         # Cyrillic O for zero
    ("privacy", "FI21 1234 56O0 0OO7 85"),  # O for zero inside the groups
    ("privacy", "FI21 l234 5600 0007 85"),  # l for one
])
def test_letters_standing_for_digits_are_read(pack, category: str, disguised: str) -> None:
    text = f"😀 Tässä {disguised} tiedoksi."
    start = utf16(text[:text.index(disguised)])
    assert any(s <= start and start + utf16(disguised) <= e for s, e in found_at(pack, text, category)), disguised


def test_a_cyrillic_ze_between_digits_reads_three() -> None:
    from checker.text import Document
    assert Document("Hetu 1503\u04175-235L").text == "Hetu 150335-235L"
    assert Document("Kello 3 O").text == "Kello 3 O"        # not between digits: a letter


@pytest.mark.parametrize("text", [
    "Hinta on 10 € ja postikulut 5 £.",
    "Ｈａｎｇｏ stad – välkommen!",           # fullwidth, nothing rude
    "Café Ålandia och idé-verkstaden öppnar.",
    "Ангел и кошка.",                          # Russian words stay Russian: no swear word appears
])
def test_disguise_folding_makes_no_swear_word_of_innocent_text(pack, text: str) -> None:
    assert not found_at(pack, text, "profanity")


SPELLING_DISGUISES: dict[str, Callable[[str], str]] = {
    **DISGUISES,
    "digits for letters": lambda word: word.replace("a", "4").replace("e", "3").replace("i", "1").replace("o", "0"),
    "a letter repeated": lambda word: word[:2] + word[1] * 4 + word[2:],
    "letters spaced out": " ".join,
    "letters dotted": ".".join,
    "a letter starred": lambda word: word[0] + "*" + word[2:],
}
# Swear words, slurs and harm verbs (Finnish and Swedish, with ä), in frames after an emoji
# (two UTF-16 units) so that the offsets are tested as sent.
WORDS_OF_EVERY_RULE = [
    ("profanity", "vittu", "😀 Voi {} mikä päivä."),
    ("hate", "ryssät", "😀 Kaikki {} ulos maasta."),
    ("hate", "neger", "🙈 Han är en {} sa han."),
    ("incitement", "Polttakaa", "🔥 {} se auto yöllä!"),
    ("incitement", "murskatkaa", "🔥 Nyt {} niiden ikkunat!"),
]


@pytest.mark.parametrize("disguise", list(SPELLING_DISGUISES))
@pytest.mark.parametrize(("category", "word", "frame"), WORDS_OF_EVERY_RULE)
def test_swear_words_slurs_and_harm_verbs_are_read_through_every_disguise(pack, category, word, frame,
                                                                         disguise) -> None:
    disguised = SPELLING_DISGUISES[disguise](word)
    text = frame.format(disguised)
    start = utf16(text[:text.index(disguised)])
    end = start + utf16(disguised)
    assert any(s <= start and end <= e for s, e in found_at(pack, text, category)), (disguise, text)


def test_an_accent_on_a_nordic_letter_keeps_the_letter() -> None:
    from checker.normalize import normalize
    assert normalize("rỳssä̀t")[0] == "ryssät"            # ä + grave is ä, not a
    assert normalize("sa\u0308ä")[0] == "sää"              # decomposed ä is ä


def test_letters_spaced_out_are_one_word_only_from_four_letters() -> None:
    from checker.normalize import normalize
    assert normalize("P o l t t a k a a se")[0] == "Polttakaa se"
    for text in ("a b c ok", "Jag bor i Hangö i Finland.", "t.ex. och o.s.v.", "J. R. R. Tolkien"):
        assert normalize(text)[0] == text
