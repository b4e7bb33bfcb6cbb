"""How far a finding reaches: a rule's `extent` widens what its kind found to the words,
clause, sentence or pasted block the match stands in, so that the mark shows the whole
claim ("Poltetaan se vanha kioski", not only "Poltetaan se") and not a keyword in it.

    extent: match      # (default) the words the kind found
    extent: words      # ... grown to whole written words: "SFP:s", "Teams-kanavalta"
    extent: clause     # the clause: between , ; : ( ) a dash, "mutta", "koska", "men", "but" ...
    extent: sentence   # the sentence: between . ! ? … a line break, an emoji, a hashtag or a link
    extent: block      # the sentence, and the text it says is pasted: the paragraphs after
                       # it ("laitan sanat tähän:" + the lyrics) or, from a note at the end
                       # ("(copied the whole thing ...)"), the ones before it

A unit never crosses a line break (a block: never a paragraph that is only hashtags, emoji,
@handles or links), never a web address or a hashtag, and reaches at most REACH characters
to each side of the match (BLOCK_REACH for a block), ending on a word. A widened finding never
reaches into another finding of its category: it stops where that one begins, so findings
keep their rules and severities, and only their edges move (checker/tails.py then adds
short tail sentences and joins neighbours).

Everything here works on the normalized text (text.Document), in string indices; the
offsets are converted to UTF-16 of the text as sent afterwards, as for every finding. The
work is a regular-expression search over a window around each finding: linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from typing import Any

from checker.kinds.base import Context, allowed_in
from checker.sentences import CLAUSE_OPENERS, COORDINATORS, RELATIVES, SENTENCE_END_RE, SUBJECTS, is_end
from checker.text import LINK_RE

EXTENTS = ("match", "words", "clause", "sentence", "block")
REACH = {"clause": 100, "sentence": 160, "block": 160}   # characters to each side of the match, at most
BLOCK_REACH = 4000           # characters a pasted block reaches beyond its sentence, at most
MAX_PARAGRAPHS = 20          # ... and paragraphs
VERSE_LINE = 80              # a block of lines no longer than this (verse) goes on only over such lines

# Pictographs, dingbats and their modifiers: people end a sentence with one ("hoppas det e ok 😅 Så här ...").
EMOJI = "\u2190-\u21ff\u2300-\u23ff\u2460-\u27bf\u2900-\u297f\u2b00-\u2bff\ufe0f\u200d\U0001f000-\U0001faff"
_SENTENCE = (rf"{SENTENCE_END_RE.pattern}"                  # where a sentence ends (checker/sentences.py)
             rf"|[{EMOJI}]+"                                 # an emoji
             rf"|(?<![\w#@&/])#[^\W_][\w-]*"                 # a hashtag
             rf"|{LINK_RE.pattern}")                         # a web address
SENTENCE_BREAK_RE = re.compile(_SENTENCE, re.I)
# ... and inside a sentence: a comma (not in "1,5", nor before a relative pronoun: the clause
# "ihan tollo, joka ei osaa mitään" says who is meant), a colon before a space (not in "SFP:s",
# "14:30"), a semicolon, a bracket, a dash (not a word's own hyphen: "vuokra-asunto").
CLAUSE_BREAK_RE = re.compile(_SENTENCE + rf"|,(?!\d)(?!\s*(?:{RELATIVES})\b)|:(?=\s|$)|[;()\[\]]|[–—]"
                             r"|(?<=\s)-+(?=\s)", re.I)

# ... and the ones that are plain words of another language: on a line that may be in that
# language, they are those words ("the men took bribes", "ja tycker" for "jag tycker").
OTHER_SENSE = {"men": "en", "ja": "sv"}

# A paragraph that is not text: only hashtags, @handles, links and emoji.
NOT_TEXT_RE = re.compile(rf"(?:\s|[{EMOJI}]|#[\w-]+|@[\w.-]+|{LINK_RE.pattern})*", re.I)
BLANK_LINES_RE = re.compile(r"\n[ \t]*\n\s*")
EDGE_LEFT = " \t,;:–—-"          # what a unit does not begin with
EDGE_RIGHT = " \t,;:–—-.!?…"     # ... and does not end with (a closing quote stays: it closes the words)

Found = tuple[Any, int, int, Any]      # (rule, start, end, said), as the engine has them



def extended(results: Sequence[Found], ctx: Context) -> list[Found]:
    """The findings with each rule's `extent` applied, each kept clear of the other findings
    of its category (whose own span it never enters). Findings about the whole post (0, 0)
    and rules without an extent stay as they are."""
    if all(rule.extent == "match" for rule, *_ in results):
        return list(results)
    by_category: dict[str, list[int]] = defaultdict(list)
    for number, (rule, start, end, _) in enumerate(results):
        if end > start:
            by_category[rule.category].append(number)
    out = list(results)
    paragraphs = Paragraphs(ctx.doc.text)
    for numbers in by_category.values():
        numbers.sort(key=lambda n: (results[n][1], results[n][2]))
        left = 0
        for position, number in enumerate(numbers):
            rule, start, end, said = results[number]
            right = results[numbers[position + 1]][1] if position + 1 < len(numbers) else len(ctx.doc.text)
            extent = rule.extent
            if extent != "match" and not ctx.doc.in_link(start, end):
                wide_start, wide_end = widen(ctx, start, end, extent, paragraphs)
                wide_start, wide_end = max(min(wide_start, start), left), min(max(wide_end, end), max(right, end))
                start, end = _tidy(ctx.doc.text, wide_start, wide_end, start, end)
                out[number] = (rule, start, end, said)
            left = max(left, end)
    return out


def widen(ctx: Context, start: int, end: int, extent: str,
          paragraphs: Paragraphs | None = None) -> tuple[int, int]:
    """Where [start, end) reaches with an extent (never less than [start, end) itself)."""
    text = ctx.doc.text
    start, end = whole_words(text, *_core(text, start, end))
    if extent == "words":
        return start, end
    reach = REACH[extent]
    lo = max(_line_start(text, start), start - reach)
    hi = min(_line_end(text, end), end + reach)
    breaks = CLAUSE_BREAK_RE if extent == "clause" else SENTENCE_BREAK_RE
    unit_start, unit_end = lo, hi
    for m in breaks.finditer(text, lo, hi):
        b_start, b_end = m.span()
        if b_end <= start:
            if is_end(text, *m.span()):
                unit_start = b_end
        elif b_start >= end:
            if is_end(text, *m.span()):
                unit_end = b_start
                break
    if extent != "words":
        unit_start, unit_end = _clause_words(ctx, start, end, unit_start, unit_end, extent == "clause")
    if unit_start == lo and lo > _line_start(text, start):        # cut short: begin on a word
        unit_start = _next_word(text, unit_start, start)
    if unit_end == hi and hi < _line_end(text, end):
        unit_end = _previous_word_end(text, unit_end, end)
    unit_start, unit_end = _trimmed(text, unit_start, unit_end, start, end)
    unit_start = _without_conjunction(ctx, unit_start, start)
    if extent == "block":
        unit_start, unit_end = _block(text, unit_start, unit_end, paragraphs or Paragraphs(text))
    return min(unit_start, start), max(unit_end, end)


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """A match without the spaces, punctuation and emoji at its edges (", pölvästi." -> "pölvästi"),
    which would otherwise stand in for the break the unit ends at."""
    core_start, core_end = start, end
    while core_start < core_end and not text[core_start].isalnum():
        core_start += 1
    while core_end > core_start and not text[core_end - 1].isalnum():
        core_end -= 1
    return (core_start, core_end) if core_start < core_end else (start, end)


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) grown to the written words it cuts: "SFP" in "SFP:s", "kanavalta" in
    "Teams-kanavalta" (a hyphen, colon or apostrophe with a letter or digit on both sides),
    and to the # of a hashtag."""
    while start > 0 and (text[start - 1].isalnum() or (
            text[start - 1] in "-'’" and start > 1 and text[start - 2].isalnum() and text[start].isalnum())):
        start -= 1
    if start > 0 and text[start - 1] == "#" and (start == 1 or not text[start - 2].isalnum()):
        start -= 1                                    # a hashtag: "#vitunkylmä"
    size = len(text)
    while end < size and (text[end].isalnum() or (
            text[end] in "-:'’" and end + 1 < size and text[end + 1].isalnum() and text[end - 1].isalnum())):
        end += 1
    if end < size and text[end] in "'’" and text[end - 2:end].lower() == "in" \
            and (end + 1 == size or not text[end + 1].isalnum()):
        end += 1                                      # a dropped g: "fuckin'", "bloomin'"
    return start, end


def _clause_words(ctx: Context, start: int, end: int, unit_start: int, unit_end: int,
                  subordinate: bool) -> tuple[int, int]:
    """The unit narrowed at a word that opens a new main clause (a coordinating conjunction
    before a subject pronoun: "... och du ljuger", in a sentence too) and, for a clause, at one
    that opens any clause (`CLAUSE_OPENERS`), in the line's language: the clause before the
    match ends before it, the match's own begins after it."""
    doc = ctx.doc
    tokens = doc.tokens
    low = bisect_left(doc._token_starts, unit_start)
    high = bisect_right(doc._token_starts, unit_end)
    for index in range(low, high):
        token = tokens[index]
        if token.end > unit_end:
            break
        if start <= token.start < end or not ((subordinate and _opens_clause(ctx, token.lower, token.line))
                                               or _coordinates(ctx, index)):
            continue
        if token.end <= start:
            unit_start = max(unit_start, token.end)
        elif token.start >= end:
            unit_end = min(unit_end, token.start)
            break
    return unit_start, unit_end


def _coordinates(ctx: Context, index: int) -> bool:
    """Whether the word at `index` is a coordinating conjunction right before a subject pronoun."""
    tokens, text = ctx.doc.tokens, ctx.doc.text
    if index + 1 >= len(tokens) or tokens[index + 1].line != tokens[index].line \
            or text[tokens[index].end:tokens[index + 1].start].strip():
        return False
    word, following, line = tokens[index].lower, tokens[index + 1].lower, tokens[index].line
    return any(word in COORDINATORS[lang] and following in SUBJECTS[lang] and allowed_in(ctx, line, lang)
               for lang in COORDINATORS)


def _without_conjunction(ctx: Context, unit_start: int, start: int) -> int:
    """A unit that begins with a coordinating conjunction before the match ("och idioten heter
    Bergström" after a comma) begins after it; the Swedish "ja" ("jag") stays."""
    doc = ctx.doc
    index = bisect_left(doc._token_starts, unit_start)
    if index >= len(doc.tokens) or doc.tokens[index].start != unit_start or doc.tokens[index].end >= start:
        return unit_start
    token = doc.tokens[index]
    other = OTHER_SENSE.get(token.lower)
    if other is not None and allowed_in(ctx, token.line, other):
        return unit_start
    if not any(token.lower in COORDINATORS[lang] and allowed_in(ctx, token.line, lang) for lang in COORDINATORS):
        return unit_start
    following = token.end
    while following < start and doc.text[following].isspace():
        following += 1
    return following


def _opens_clause(ctx: Context, word: str, line: int) -> bool:
    other = OTHER_SENSE.get(word)
    if other is not None and allowed_in(ctx, line, other):
        return False
    return any(word in words and allowed_in(ctx, line, lang) for lang, words in CLAUSE_OPENERS.items())


def _trimmed(text: str, unit_start: int, unit_end: int, start: int, end: int) -> tuple[int, int]:
    """The unit without spaces and clause punctuation at its edges (never inside the match)."""
    while True:
        was = unit_start, unit_end
        while unit_start < start and text[unit_start] in EDGE_LEFT:
            unit_start += 1
        while unit_end > end and text[unit_end - 1] in EDGE_RIGHT:
            unit_end -= 1
        words = text[unit_start:unit_end]           # a bracket stays when it has its pair
        if unit_start < start and words[0] in "([" and words.count(")") + words.count("]") < \
                words.count("(") + words.count("["):
            unit_start += 1
        if unit_end > end and words[-1] in ")]" and words.count(")") + words.count("]") > \
                words.count("(") + words.count("["):
            unit_end -= 1
        if (unit_start, unit_end) == was:
            return unit_start, unit_end


OPENING, CLOSING = "\"“”„«»'’(@#", "\"”»«'’)"


def _tidy(text: str, start: int, end: int, found_start: int, found_end: int) -> tuple[int, int]:
    """A widened span that begins and ends on a word, a quote or a bracket (a neighbouring
    finding can cut it after a comma or a space), never narrower than what was found."""
    while start < found_start and not (text[start].isalnum() or text[start] in OPENING):
        start += 1
    while end > found_end and not (text[end - 1].isalnum() or text[end - 1] in CLOSING):
        end -= 1
    return start, end


def _block(text: str, start: int, end: int, paragraphs: Paragraphs) -> tuple[int, int]:
    """A sentence that says a text is pasted, with the text. When nothing but emoji or
    hashtags follows it on its line ("laitan sanat tähän 🎶", "... takana:"), the lines and
    paragraphs after it; else, when it begins the last paragraph ("(copied the whole thing
    ...)"), the paragraphs before it, back to one that ends with a colon (an introduction:
    "Hufvudstadsbladet skriver idag om Hangö:"). A paragraph that is no text (hashtags,
    emoji, links) ends a block, and so does BLOCK_REACH. A block of verse (short lines, as
    the first paragraph it takes or the match itself has) takes only more such paragraphs:
    the next stanza and a source line ("– ur diktsamlingen ..."), not the writer's own prose."""
    here = paragraphs.number(start)
    spans = paragraphs.spans
    p_start, p_end = spans[here]
    line_end = _line_end(text, end)
    if line_end < p_end or here + 1 < len(spans):
        if NOT_TEXT_RE.fullmatch(text[end:line_end].strip().lstrip(".!?…:")):
            following = ([(line_end + 1, p_end)] if line_end < p_end else []) \
                + spans[here + 1:here + 1 + MAX_PARAGRAPHS]
            verse = _short_lines(text, start, end) if "\n" in text[start:end] else None
            taken = _taken(text, following, verse, lambda _, p_finish: p_finish - end > BLOCK_REACH)
            if taken:
                return start, taken[1]
    if here > 0 and not any(ch.isalnum() for ch in text[p_start:start]) \
            and all(NOT_TEXT_RE.fullmatch(text, b, e) for b, e in spans[here + 1:here + 1 + MAX_PARAGRAPHS]) \
            and here + 1 + MAX_PARAGRAPHS >= len(spans):
        taken = _taken(text, reversed(spans[max(0, here - MAX_PARAGRAPHS):here]), None,
                       lambda p_begin, p_finish: start - p_begin > BLOCK_REACH
                       or text[p_begin:p_finish].rstrip().endswith(":"))
        return (taken[0] if taken else start), end
    return start, end


def _taken(text: str, walk: Iterable[tuple[int, int]], verse: bool | None,
           stop: Callable[[int, int], bool]) -> tuple[int, int] | None:
    """The farthest paragraph a pasted block takes, walking `walk` (forward or backward):
    paragraphs are taken until one that `stop`s the walk or is no text; once the block is
    verse (`verse` True, or the first paragraph taken has short lines), only more verse.
    None when the first paragraph is not taken."""
    farthest = None
    for p_begin, p_finish in walk:
        if stop(p_begin, p_finish) or NOT_TEXT_RE.fullmatch(text, p_begin, p_finish):
            break
        short = _short_lines(text, p_begin, p_finish)
        if verse is None:
            verse = short
        elif verse and not short:
            break
        farthest = (p_begin, p_finish)
    return farthest


def _short_lines(text: str, start: int, end: int) -> bool:
    """Whether every line of text[start:end] is short, as in a poem or a song (VERSE_LINE)."""
    return all(len(line) <= VERSE_LINE for line in text[start:end].split("\n"))


class Paragraphs:
    """The paragraphs of a text (runs of text between blank lines), found once when a block
    first asks for them."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of every paragraph, in order."""
        text, spans, position = self.text, [], 0
        for m in BLANK_LINES_RE.finditer(text):
            if text[position:m.start()].strip():
                spans.append((position, m.start()))
            position = m.end()
        if text[position:].strip():
            spans.append((position, len(text.rstrip())))
        return spans or [(0, len(text))]

    @cached_property
    def starts(self) -> list[int]:
        return [start for start, _ in self.spans]

    def number(self, index: int) -> int:
        """The number of the paragraph an index stands in (or the one before it)."""
        return max(bisect_right(self.starts, index) - 1, 0)


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    found = text.find("\n", index)
    return len(text) if found < 0 else found


def _next_word(text: str, index: int, limit: int) -> int:
    """The start of the first word at or after `index` (before `limit`)."""
    while index < limit and not text[index].isspace():
        index += 1
    while index < limit and text[index].isspace():
        index += 1
    return index


def _previous_word_end(text: str, index: int, limit: int) -> int:
    """The end of the last whole word at or before `index` (after `limit`)."""
    while index > limit and not text[index - 1].isspace():
        index -= 1
    while index > limit and text[index - 1].isspace():
        index -= 1
    return index
