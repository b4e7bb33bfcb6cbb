"""Where the language versions of a post stand: whole lines, or parts of a line.

Most bilingual posts give each version its own lines, and a line is judged whole. But many
put the versions on one line: "Kirjasto on kiinni. / Biblioteket är stängt.", "🇫🇮 … 🇸🇪 …",
"FI: … SV: …", or one sentence after the other. So a post is read in two grains:

- `coarse`: each line is one piece, except that a version separator (" / ", " | ", " // ",
  a flag, a language label such as "SV:") always starts a new piece;
- `fine`: each piece is also cut at every sentence end, in lines that may mix languages
  (frequent words of two languages, or of none, or of another than the line's). Used when
  the coarse reading finds a version missing, so its cost is paid only there, and only in
  posts of up to FINE_LIMIT characters (a long post gives each version its own paragraphs).

Each piece is in the language the detector finds likely; a piece likely in both Finnish and
Swedish, or only hashtags, mentions and links, is shared and in no version. A piece with too
few letters to judge takes the language of the piece before it (else after it) in the same
part between separators, where it continues that version ("Kahvitarjoilu."); standing alone
between separators, it is judged by the detector's guess. All of it is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from checker.langid import FUNCTION_WORDS, detect, guess
from checker.text import LINE_CACHE_SIZE, Document

FINE_LIMIT = 5_000     # longer posts give each version its own paragraphs: read line by line only
BOTH_SHARE = 0.25      # a piece where two languages are each at least this likely is shared
LINKS_RE = re.compile(r"(?:#|@|https?://)\S+|\S+\.[a-z]{2,}(?:/\S*)?", re.IGNORECASE)
ONLY_LINKS_RE = re.compile(r"^(?:\s*(?:#\w+|@\w+|\S+\.\w{2,}\S*)[\s,.;:!|/–-]*)+$")
# What starts another version inside a line: a slash, bar or double slash between spaces, a
# flag (two regional-indicator letters), or a language label before a colon.
SEPARATOR_RE = re.compile(
    r"[ \t\u00a0]+(?:/{1,2}|\||¦)[ \t\u00a0]+"
    r"|[\U0001F1E6-\U0001F1FF]{2}"
    r"|(?<!\w)(?:FI|FIN|SV|SVE|SWE|EN|ENG|SUOMEKSI|Suomeksi|SVENSKA|Svenska|PÅ SVENSKA|På svenska"
    r"|ENGLISH|English|IN ENGLISH|In English)[ \t]*:(?=\s)")
# What every separator has: a slash or bar, a flag's first half, or a colon.
SEPARATOR_HINT_RE = re.compile(r"[/|¦:\U0001F1E6-\U0001F1FF]")

Span = tuple[int, int]
# Each language's frequent words that no other language has ("on" is Finnish and English).
OWN_WORDS = {lang: words.difference(*(other for o, other in FUNCTION_WORDS.items() if o != lang))
             for lang, words in FUNCTION_WORDS.items()}


def versions(doc: Document, languages: tuple[str, ...], fine: bool = False) -> dict[str, list[Span]]:
    """The (start, end) of every piece of each language's version, in text order."""
    found = _pieces(doc, fine)
    return {lang: [(a, b) for piece_lang, a, b in found if piece_lang == lang] for lang in languages}


@lru_cache(maxsize=4)          # the rules of one check read the same document (by identity)
def _pieces(doc: Document, fine: bool) -> tuple[tuple[str, int, int], ...]:
    return tuple(piece for start, end in doc.lines for piece in _line(doc, start, end, fine))


def letters(doc: Document, spans: list[Span]) -> int:
    return sum(sum(map(str.isalpha, doc.text[a:b])) for a, b in spans)


def _line(doc: Document, start: int, end: int, fine: bool) -> Iterator[tuple[str, int, int]]:
    """(language, start, end) of the pieces of one line that have a language."""
    text = doc.text
    line = text[start:end]
    parts = [(start + a, start + b) for a, b in _between(line, SEPARATOR_RE)]
    if len(parts) == 1 and not fine:
        lang = _language(line)
        if lang:
            yield lang, start, end
        return
    cuts = sorted({e for s, e in doc.sentences if start < e < end}) if fine and len(text) <= FINE_LIMIT else []
    if cuts and not _mixed(line, text[start:cuts[0]], text[cuts[-1]:end]):
        cuts = []
    for a, b in parts:
        pieces = [_strip(text, s, e) for s, e in _cut(a, b, cuts) if text[s:e].strip()]
        langs = [_language(text[s:e]) for s, e in pieces]
        known = [lang for lang in langs if lang]
        for index, (s, e) in enumerate(pieces):
            lang = langs[index]
            if lang is None and _judged(text[s:e]):
                continue                       # judged shared: in both languages, or only links
            if lang is None:                   # too short to judge: continues its neighbours
                before = [x for x in langs[:index] if x]
                lang = before[-1] if before else (known[0] if known else _guess(text[a:b]))
            if lang:
                yield lang, s, e


def _mixed(line: str, first: str, last: str) -> bool:
    """Whether a line of several sentences may hold two languages, worth cutting at each
    sentence: the line has no frequent words of any language, or they, or those of its first or
    last sentence, name another language than the line seems to be in (a sentence without any
    is asked of the detector)."""
    lang = _language(line)
    voted = _voted(line)
    if not voted or voted - {lang}:
        return True
    for end in (first, last):
        voted = _voted(end)
        if voted - {lang} or (not voted and _language(end) not in (lang, None)):
            return True
    return False


def _voted(text: str) -> set[str]:
    """The languages whose own frequent words the text has."""
    words = {w.strip(".,!?:;\"'()") for w in text.lower().split()}
    return {lang for lang, frequent in OWN_WORDS.items() if not words.isdisjoint(frequent)}


def _between(line: str, regex: re.Pattern[str]) -> list[Span]:
    """The stretches of the line between the regex's matches."""
    if not SEPARATOR_HINT_RE.search(line):
        return [(0, len(line))]
    spans, start = [], 0
    for m in regex.finditer(line):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(line)))
    return [(a, b) for a, b in spans if line[a:b].strip()] or [(0, len(line))]


def _cut(start: int, end: int, cuts: list[int]) -> list[Span]:
    inside = [c for c in cuts if start < c < end]
    return list(zip([start, *inside], [*inside, end]))


def _strip(text: str, start: int, end: int) -> Span:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _judged(piece: str) -> bool:
    """Whether the piece was judged to be in no single language (not merely too short)."""
    if ONLY_LINKS_RE.match(piece):
        return True
    return _both(dict(detect(_words(piece))))


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _language(piece: str) -> str | None:
    """The piece's language: the most likely one, unless two are likely or it is only links."""
    if ONLY_LINKS_RE.match(piece):
        return None
    probs = dict(detect(_words(piece)))
    if _both(probs):
        return None
    return max(probs, key=probs.get, default=None)


def _both(probs: dict[str, float]) -> bool:
    """Finnish and Swedish both likely: a line of names, or of words the languages share."""
    return probs.get("fi", 0.0) >= BOTH_SHARE and probs.get("sv", 0.0) >= BOTH_SHARE


def _words(piece: str) -> str:
    """The piece without its links, addresses, hashtags and mentions, which are in no language."""
    return LINKS_RE.sub(" ", piece) if "." in piece or "#" in piece or "@" in piece else piece


def _guess(piece: str) -> str | None:
    if ONLY_LINKS_RE.match(piece):
        return None
    probs = dict(guess(_words(piece)))
    return max(probs, key=probs.get, default=None)
