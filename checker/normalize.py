"""Normalization before matching: the text every rule reads, and where each of its
characters came from in the text as sent.

Invisible format characters are dropped, compatibility forms folded (NFKC: fullwidth and
mathematical letters), Cyrillic and Greek look-alikes read as Latin letters, accents
stripped except where they carry meaning in Finnish and Swedish (å ä ö é ü), a letter
between two digits read as the digit it resembles ("15O385", a Cyrillic З for 3), and a
currency or other symbol after a letter (inside or at the end of a word) read as the
letter it resembles; after a digit or a space it stays a symbol ("10 €"); and a word spelled
out letter by letter ("p o l t t a k a a", "v.i.t.t.u") read as the word. So
"p\u200baska", "ｐａｓｋａ", "pаska" (a Cyrillic a) and "pàska" all read "paska" — in swear
words, identity codes and IBANs alike. `text.Document` keeps the offset map, so findings
still point into the text as sent.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from functools import lru_cache


# Invisible characters that only format text: soft hyphen, zero-width space/joiners, bidi
# marks and embeddings, word joiner and invisible operators, BOM, Mongolian vowel separator,
# combining grapheme joiner. Dropped wherever they stand.
DROPPED = frozenset("\u00ad\u034f\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff")
# Letters whose accent carries meaning in Finnish, Swedish or English loans: kept as they are.
KEPT_ACCENTS = frozenset("åäöÅÄÖéÉüÜ")
# Cyrillic and Greek letters that look like Latin ones (Unicode's confusables, the letters
# that matter): folded to the Latin letter they imitate.
CONFUSABLES = str.maketrans(
    "АВЕЅІЈКМНОРСТХУаеорсухіјѕԁӏһԛԝ" "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαεικνορτυχ",
    "ABESIJKMHOPCTXYaeopcyxijsdlhqw" "ABEZHIKMNOPTYXaeiknoptux")
# Letters written among digits for the digit they resemble ("15O385-235L", a
# Cyrillic З for 3): read as the digit in identity codes, IBANs and phone numbers.
DIGIT_LETTERS = {"O": "0", "o": "0", "О": "0", "о": "0", "Ο": "0", "ο": "0", "З": "3",
                 "l": "1", "I": "1", "І": "1", "Ι": "1", "ӏ": "1"}
# Symbols written inside a word for the letter they resemble ("p€ska", "£ame").
SYMBOL_LETTERS = {"€": "e", "£": "l", "¢": "c", "¥": "y", "©": "c", "®": "r", "¡": "i"}
# Characters that never change (ASCII, the Nordic letters, common punctuation, emoji) are
# skipped in one step; the rest are folded one by one with their combining marks.
_STABLE = "\x00-\x7fåäöÅÄÖéÉüÜ’‘“”–—…«»·•\U0001F300-\U0001FAFF"
# A run of them with a digit on both sides, a space or hyphen between allowed ("FI21 l234").
DIGIT_LETTER_RE = re.compile(f"[0-9][ -]?([{''.join(DIGIT_LETTERS)}]+)(?=[ -]?[0-9])")
FOLD_RE = re.compile(f"[^{_STABLE}][\u0300-\u036f]*|[{_STABLE}][\u0300-\u036f]+")
# A word spelled out letter by letter to hide it, four letters or more each after one space,
# dot, dash, underscore, star or middle dot: "p o l t t a k a a", "v.i.t.t.u". Read as the
# word ("polttakaa") by every rule; three letters ("a b c", "t.ex.") stay as they are.
SPACED_RE = re.compile(r"(?<![^\W_])[^\W\d_](?:[ .\-_*·][^\W\d_]){3,}(?![^\W_])")
SPACED_HINT_RE = re.compile(r"[ .\-_*·][^\W\d_][ .\-_*·][^\W\d_][ .\-_*·]")


@lru_cache(maxsize=4096)
def _fold(cluster: str) -> str:
    """The normalized form of one character with its combining marks ("" to drop it)."""
    if cluster[0] in DROPPED:
        return ""
    composed = unicodedata.normalize("NFC", cluster)
    if composed in KEPT_ACCENTS:
        return composed
    compat = unicodedata.normalize("NFKC", cluster).translate(CONFUSABLES)
    if not any(ch.isalnum() for ch in compat):
        return compat               # a symbol or mark alone keeps its form
    return _strip_marks(compat) or compat   # letters and digits lose their accents


def _strip_marks(text: str) -> str:
    """The text without combining marks, except a mark that makes a letter of KEPT_ACCENTS
    with its base: "ä" followed by a grave stays "ä" ("rỳssä̀t" reads "ryssät")."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if not unicodedata.combining(ch):
            out.append(ch)
        elif out and unicodedata.normalize("NFC", out[-1] + ch) in KEPT_ACCENTS:
            out[-1] = unicodedata.normalize("NFC", out[-1] + ch)
    return "".join(out)


def normalize(text: str) -> tuple[str, Sequence[int] | None, Sequence[int] | None]:
    """The text to match in, and for each of its characters where its source starts and
    ends in `text` (None, None when nothing changed, as for plain ASCII). The two maps are
    arrays of 32-bit integers: a 63,206-character post costs half a megabyte, not 5 as lists would."""
    pieces = [(i, i + 1, DIGIT_LETTERS[text[i]]) for m in DIGIT_LETTER_RE.finditer(text)
              for i in range(m.start(1), m.end(1))]
    if SPACED_HINT_RE.search(text):
        pieces += [(i, i + 1, "") for m in SPACED_RE.finditer(text) for i in range(m.start() + 1, m.end(), 2)]
    if text.isascii() and not pieces:
        return text, None, None
    taken = {start for start, _, _ in pieces}
    for m in FOLD_RE.finditer(text):
        cluster, start, end = m.group(), m.start(), m.end()
        if start in taken:
            continue
        folded = _fold(cluster)
        if cluster in SYMBOL_LETTERS and 0 < start and text[start - 1].isalpha() \
                and (end == len(text) or text[end].isalpha() or not text[end].isalnum()):
            folded = SYMBOL_LETTERS[cluster]    # after a letter, inside or ending a word
        if folded != cluster:
            pieces.append((start, end, folded))
    if not pieces:
        return text, None, None
    pieces.sort()
    out: list[str] = []
    starts, ends = array("i"), array("i")
    position = 0
    for start, end, folded in pieces:
        out.append(text[position:start])
        starts.extend(range(position, start))
        ends.extend(range(position + 1, start + 1))
        out.append(folded)
        starts.extend([start] * len(folded))
        ends.extend([end] * len(folded))
        position = end
    out.append(text[position:])
    starts.extend(range(position, len(text)))
    ends.extend(range(position + 1, len(text) + 1))
    return "".join(out), starts, ends
