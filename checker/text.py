"""The prepared text of one check: tokens, disguised spellings, lines, sentences, UTF-16 offsets.

The text is normalized first (see normalize.py): "p\u200baska", "ｐａｓｋａ" and "pаska" (a
Cyrillic a) all read "paska". Everything here works in Python string indices (code points)
of the normalized text. Only `Document.utf16` / `utf16_end` convert an index to the UTF-16
code units of the text as sent, once, when findings are assembled; `Document.span` also
cuts the words as sent.
Every regular expression in this module matches in time linear in the text.

Words never cross a newline, so a line is tokenised on its own and the result cached by
the line's text (`line_cache`): re-checking a post after an edit only tokenises the lines
that changed, and shifts the others' tokens to where their line now starts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable
from functools import cached_property, lru_cache
from itertools import accumulate, product
from typing import NamedTuple, TypeVar

from checker.normalize import normalize
from checker.sentences import sentence_ends

LETTER = r"[^\W\d_]"
WORD_CHAR = r"[^\W_]"

# A word: letters and digits, with apostrophes, and @ $ * inside (l33t and f*ck spellings).
# (Written as runs of word characters joined by one symbol or by stars, rather than one
# character at a time: the same matches, and re scans a run in one step.)
TOKEN_RE = re.compile(rf"[@$]?{WORD_CHAR}+(?:(?:['’@$]|\*+){WORD_CHAR}+)*")
# The same words, split out of a line with the text between them: gap, word, gap, ... gap.
TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")
# Single letters separated by one space, dot, dash, underscore or star: "p.a.s.k.a", "f u c k".
SPELLED_RE = re.compile(rf"(?<!{WORD_CHAR}){LETTER}(?:[ .\-_*·]{LETTER}){{2,}}(?!{WORD_CHAR})")
# A word cut short with stars, as people censor themselves: "f***", "sh**", "pa***".
CENSORED_RE = re.compile(rf"(?<!{WORD_CHAR}){LETTER}{{1,3}}\*{{2,}}(?![\w*])")
# What every spelled-out word has, found faster than SPELLED_RE: a letter between two separators.
SPELLED_HINT_RE = re.compile(rf"[ .\-_*·]{LETTER}[ .\-_*·]")
# Two words joined by one dot, dash, underscore or middle dot with no space: "pas.ka", "vi-ttu".
# Read as one word, and as one word with the separator standing for a hidden letter ("p-rkele"),
# marked HIDDEN in the token's text (a character no word has) when it spans MIN_MASKED + 1
# characters at least.
JOIN_SEPARATORS = frozenset(".-·_")
HIDDEN = "\x1f"
MIN_MASKED = 4
RUN_RE = re.compile(r"(.)\1{2,}")
# A web address: with a scheme, starting www., or a domain name followed by a path.
LINK_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/[^\s<>\"]*", re.I)
NEWLINE_RE = re.compile("\n")
ASTRAL_RE = re.compile(r"[\U00010000-\U0010FFFF]")

# better-profanity's disguised spellings, read backwards: a symbol and what it may stand for.
LEET = {
    "4": "a", "@": "ao", "0": "o", "1": "il", "3": "e", "$": "s", "5": "s", "7": "t",
    "!": "i", "*": "aeiouy",
}
MAX_VARIANTS = 16

# --- per-line caches -------------------------------------------------------------------------

LINE_CACHE_SIZE = 1024        # lines remembered by each per-line cache (a 63,206-character post has about 500)
_LINE_CACHES: list = []
F = TypeVar("F", bound=Callable)


def line_cache(function: F) -> F:
    """A bounded cache for a function of one line's text (see `clear_line_caches`).

    Only for work that depends on nothing but its arguments: the line's text and values
    that are fixed for the line (never its position in the post).
    """
    cached = lru_cache(maxsize=LINE_CACHE_SIZE)(function)
    _LINE_CACHES.append(cached)
    return cached       # type: ignore[return-value]


def clear_line_caches() -> None:
    """Forget every line seen so far, as before a post the service has never seen."""
    for cached in _LINE_CACHES:
        cached.cache_clear()


class Token(NamedTuple):
    """A word of the text: where it stands and the forms it is looked up by.

    A named tuple rather than a frozen dataclass: a long post has ten thousand of them,
    and a tuple is made several times faster.
    """

    start: int
    end: int
    lower: str
    line: int

    @property
    def length(self) -> int:
        return self.end - self.start


def squeeze(word: str) -> str:
    """Collapse every run of a repeated letter to one letter: "paskaaaa" -> "paska"."""
    out = []
    for ch in word:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def has_long_run(word: str) -> bool:
    """True when a letter repeats three or more times in a row, a common disguise."""
    return RUN_RE.search(word) is not None


def deleet(word: str) -> list[str]:
    """The readings of a word spelled with digits and symbols ("sh1t" -> "shit", "shlt")."""
    choices = [LEET.get(ch, ch) for ch in word]
    variants: list[str] = []
    for combo in product(*choices):
        variants.append("".join(combo))
        if len(variants) >= MAX_VARIANTS:
            break
    return variants


def lookup_forms(word: str) -> list[tuple[str, bool]]:
    """The forms a token is looked up by, each with whether it is a stretched word read short.

    Plain words are looked up as they are; words with digits or symbols by their l33t
    readings; words with a letter repeated three times or more also with each such run
    read as two letters ("vitttu" -> "vittu", "tyhmääää" -> "tyhmää"). A run read as one
    letter ("fuuuuck") is the lexicon's length key (variants.py), read with more care.
    """
    forms = [word]
    if any(ch in LEET for ch in word) and any(ch.isalpha() for ch in word):
        forms = deleet(word)
    result = [(form, False) for form in forms]
    if any(has_long_run(form) for form in forms):
        result += [(RUN_RE.sub(r"\1\1", form), True) for form in forms]
    return result


def read_short(word: str) -> str:
    """A stretched word with each run of three letters or more read as one: "fuuuuck" -> "fuck"."""
    return RUN_RE.sub(r"\1", word)


class Document:
    """A text prepared once per check and shared by every rule."""

    def __init__(self, text: str) -> None:
        self.sent = text                      # the text as sent; findings point into it
        text, self._starts, self._ends = normalize(text)
        self.text = text                      # the normalized text every rule reads
        lower = text.lower()
        self.lower = lower if len(lower) == len(text) else _safe_lower(text)
        self.line_starts = [0] + [m.end() for m in NEWLINE_RE.finditer(text)]
        ends = self.line_starts[1:] + [len(text) + 1]
        self.line_texts = [text[s:e - 1] for s, e in zip(self.line_starts, ends)]  # without "\n"
        self._line_words = [
            _placed_words(line, self.lower[s:s + len(line)], s, number)
            for number, (s, line) in enumerate(zip(self.line_starts, self.line_texts))]
        self.tokens = self._tokenize()

    def _tokenize(self) -> list[Token]:
        """Every word with a letter in it, lower-cased, with its line: the lines' words in order."""
        tokens: list[Token] = []
        for words in self._line_words:
            tokens += words.tokens
        return tokens

    # --- positions -------------------------------------------------------------------

    @cached_property
    def letters(self) -> int:
        """How many letters the text has (rules that judge only long enough posts share it)."""
        return sum(map(str.isalpha, self.text))

    def line_of(self, index: int) -> int:
        """The 0-based line number of a string index."""
        return bisect_left(self.line_starts, index + 1) - 1

    def line_col(self, index: int) -> tuple[int, int]:
        """1-based line and column of an index into the text as sent, for CLI output."""
        line = self.sent.count("\n", 0, index)
        return line + 1, index - (self.sent.rfind("\n", 0, index) + 1) + 1

    @cached_property
    def _astral(self) -> list[int]:
        return [m.start() for m in ASTRAL_RE.finditer(self.sent)]

    def _sent_utf16(self, index: int) -> int:
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)

    def sent_start(self, index: int) -> int:
        """Where the character at a normalized index comes from in the text as sent."""
        if self._starts is None:
            return index
        return self._starts[index] if index < len(self._starts) else len(self.sent)

    def sent_end(self, index: int) -> int:
        """Where a span ending at a normalized index ends in the text as sent."""
        if self._ends is None or index == 0:
            return index
        return self._ends[index - 1]

    def utf16(self, index: int) -> int:
        """A span's start in UTF-16 code units of the text as sent, as JavaScript counts them."""
        return self._sent_utf16(self.sent_start(index))

    def utf16_end(self, index: int) -> int:
        """A span's end in UTF-16 code units of the text as sent."""
        return self._sent_utf16(self.sent_end(index))

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        """A span's UTF-16 start and end in the text as sent, and its words as the writer sent
        them (with any disguise); an empty span (a finding about the whole post at 0) stays empty."""
        if end <= start:
            units = 0 if start == 0 else self.utf16(start)
            return units, units, ""
        return self.utf16(start), self.utf16_end(end), self.sent[self.sent_start(start):self.sent_end(end)]

    def from_utf16(self, units: int) -> int:
        """Convert UTF-16 code units back to an index into the text as sent."""
        index = units
        while self._sent_utf16(index) > units:
            index -= 1
        return index

    # --- disguises ---------------------------------------------------------------------

    @cached_property
    def joined_tokens(self) -> list[Token]:
        """Words written apart to hide them: "p a s k a", "f.u.c.k", "pas.ka".

        First every spelled-out word, then every pair of joined words, each in text order.
        """
        spelled: list[Token] = []
        pairs: list[Token] = []
        for words in self._line_words:
            spelled += words.spelled
            pairs += words.pairs
        return spelled + pairs

    # --- structure ---------------------------------------------------------------------

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of every non-empty line."""
        ends = self.line_starts[1:] + [len(self.text) + 1]
        return [(s, e - 1) for s, e in zip(self.line_starts, ends) if self.text[s:e - 1].strip()]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of every sentence (checker/sentences.py says where one ends)."""
        text, spans, start = self.text, [], 0
        for end in [*sentence_ends(text), len(text)]:
            span = _strip_span(text, start, end)
            if span[0] < span[1]:
                spans.append(span)
            start = end
        return spans

    @cached_property
    def links(self) -> list[tuple[int, int]]:
        """(start, end) of every web address, in text order."""
        if "/" not in self.text and "www." not in self.lower:     # what every address has
            return []
        return [m.span() for m in LINK_RE.finditer(self.text)]

    def in_link(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside a web address (someone else's words in its slug)."""
        links = self.links
        if not links:
            return False
        i = bisect_left(links, (start + 1,)) - 1
        return i >= 0 and links[i][0] <= start and end <= links[i][1]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The tokens that lie within [start, end)."""
        lo = bisect_left(self._token_starts, start)
        hi = bisect_left(self._token_starts, end)
        return [t for t in self.tokens[lo:hi] if t.end <= end]


class _LineWords(NamedTuple):
    """The words of one line: tokens with their offsets and line number in the line or text."""

    tokens: tuple[Token, ...]
    spelled: tuple[Token, ...]     # letters written apart, "p a s k a", or cut short, "f***"
    pairs: tuple[Token, ...]       # two words joined by one . - or ·: "pas.ka"


class _Seen(OrderedDict):
    """The words of each line met lately, placed where the line stood then: a line met again
    at another place (after an edit above it) gets them shifted instead of tokenised again.
    Bounded like the line caches and cleared with them."""

    def remember(self, key: tuple[str, str], value: tuple[_LineWords, int, int]) -> None:
        if len(self) >= LINE_CACHE_SIZE:
            self.popitem(last=False)            # the line met longest ago (a dict would scan for it)
        self[key] = value

    def cache_clear(self) -> None:
        self.clear()


_SEEN = _Seen()
_LINE_CACHES.append(_SEEN)


def _words_of_line(line: str, lower: str, offset: int, number: int) -> _LineWords:
    """The words of line `number`, which starts at `offset` (`lower` is its lower-cased text,
    index for index).

    Safe to reuse for the same line elsewhere, shifted: no token, spelled-out or censored
    word or joined pair contains a newline (none of TOKEN_RE, SPELLED_RE, CENSORED_RE or
    JOIN_SEPARATORS matches one), and the look-arounds of SPELLED_RE and CENSORED_RE see a
    newline and the end of a string alike.
    """
    folded = lower.replace("’", "'")     # one character for one: indices stay
    tokens = []
    append, new = tokens.append, tuple.__new__
    # The words are found in the lower-cased line: lower-casing keeps every character a
    # letter, a word character or neither, as it was (tests/unit/test_text.py), so the
    # words stand where they stand in the line.
    # (Split rather than found one by one: the words and where they end come without a call
    # per match; the same matches as TOKEN_RE.finditer.)
    parts = TOKEN_SPLIT_RE.split(folded)
    for word, end in zip(parts[1::2], list(accumulate(map(len, parts)))[1::2]):
        if word.isalpha() or any(map(str.isalpha, word)):
            append(new(Token, (end - len(word) + offset, end + offset, word, number)))   # Token(...), faster
    spelled: tuple[Token, ...] = ()
    if SPELLED_HINT_RE.search(line):     # every spelled-out word has a letter between two separators
        spelled = tuple(
            Token(m.start() + offset, m.end() + offset,
                  "".join(ch for ch in m.group().lower() if ch.isalpha()), number)
            for m in SPELLED_RE.finditer(line))
    if "**" in line:                     # a censored word has two stars at least
        spelled += tuple(Token(m.start() + offset, m.end() + offset, folded[m.start():m.end()], number)
                         for m in CENSORED_RE.finditer(line))
    pairs: tuple[Token, ...] = ()
    if any(separator in line for separator in JOIN_SEPARATORS):
        joins = [(left, right) for left, right in zip(tokens, tokens[1:])
                 if right[0] - left[1] == 1 and line[left[1] - offset] in JOIN_SEPARATORS]
        pairs = tuple(
            new(Token, (left[0], right[1], left[2] + right[2], number))
            for left, right in joins if left[1] - left[0] > 1 and right[1] - right[0] > 1)
        # The separator standing for a letter: "p-rkele", "pa_ka" (misspelt.py).
        pairs += tuple(
            new(Token, (left[0], right[1], left[2] + HIDDEN + right[2], number))
            for left, right in joins
            if left[2].isalpha() and right[2].isalpha() and right[1] - left[0] > MIN_MASKED)
    return _LineWords(tuple(tokens), spelled, pairs)


@line_cache
def _placed_words(line: str, lower: str, offset: int, number: int) -> _LineWords:
    """The words of line `number`, which starts at `offset` in the text; cached.

    After an edit every line keeps its text and most keep their place (all but the last
    when the edit is at the end), so their tokens are reused as they are; a line met before
    at another place gets its words shifted; a new line is tokenised where it stands.
    """
    seen = _SEEN.get((line, lower))
    if seen is None:
        words = _words_of_line(line, lower, offset, number)
        _SEEN.remember((line, lower), (words, offset, number))
        return words
    words, was_offset, was_number = seen
    if was_offset == offset and was_number == number:
        return words
    shift, new = offset - was_offset, tuple.__new__       # Token(...), faster
    return _LineWords(*(
        tuple(new(Token, (start + shift, end + shift, word, number)) for start, end, word, _ in part)
        for part in words))


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the white space at either end."""
    part = text[start:end]
    kept = part.lstrip()
    start += len(part) - len(kept)
    return start, start + len(kept.rstrip())


def _safe_lower(text: str) -> str:
    """Lower-case character by character, keeping indices aligned (e.g. 'İ' grows when lowered)."""
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
