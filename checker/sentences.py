"""Where a sentence ends and which words open or join a clause: one rule for the whole checker.

A sentence ends at a newline, or at `.`, `!`, `?` or `…` (with the closing quotes or brackets
right after it) before a space or the end of the text; but not at the dot of a number or a short abbreviation
before a lower-case word or a number ("klo 14. alkaen", "esim. koulut", "21.11. alkaen",
"bl.a. skolor"), nor at a capital initial between two names ("Ville H. Santalasta").
The clause words come from checker/langdata (one list per language); the sets below are
what the kinds and the extent build from them. Every regular expression here is linear.
"""

from __future__ import annotations

import re

from checker.langdata import LANGUAGE_DATA

SENTENCE_MARKS = ".!?\n"
SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)|\n")     # with the quote or bracket it closes
# What a dot that ends no sentence follows: a number, or an abbreviation of one to four letters
# (or two short parts, "bl.a", "t.ex").
ABBREVIATION_RE = re.compile(r"(?:^|[\s(])(?:\d[\d.]*|[^\W\d_]{1,4}|[^\W\d_]{1,3}\.[^\W\d_]{1,3})$")
# A one-letter initial after a word: "Ville H" (counts when both are capitals).
INITIAL_RE = re.compile(r"(?:^|\s)([^\W\d_]+)\s([^\W\d_])$")
LOOKBACK = 40          # characters an abbreviation or initial is looked for before its dot

# Clause-opening words per language: subordinating and adversative conjunctions without
# the ones that have another sense too ("att", "that", "et").
CLAUSE_OPENERS: dict[str, frozenset[str]] = {
    lang: (data.subordinators | data.adversatives) - data.other_sense for lang, data in LANGUAGE_DATA.items()}
# Every subordinating conjunction of every language: a speaking verb before one speaks of
# what follows it ("sanoi että", "sa att", "said that").
SUBORDINATORS: frozenset[str] = frozenset().union(*(d.subordinators for d in LANGUAGE_DATA.values()))
# Conjunctions that join two clauses, per language ("&" in any).
JOINERS: dict[str, frozenset[str]] = {
    **{lang: d.coordinators | d.adversatives for lang, d in LANGUAGE_DATA.items()}, "any": frozenset("&")}
COORDINATORS: dict[str, frozenset[str]] = {lang: d.coordinators for lang, d in LANGUAGE_DATA.items()}
SUBJECTS: dict[str, frozenset[str]] = {lang: d.subject_pronouns for lang, d in LANGUAGE_DATA.items()}
# A relative pronoun of any language, as a regex alternation (longest first).
RELATIVES = "|".join(sorted({word for d in LANGUAGE_DATA.values() for word in d.relative_pronouns},
                            key=lambda w: (-len(w), w)))


def is_end(text: str, start: int, end: int) -> bool:
    """Whether the mark text[start:end] found by SENTENCE_END_RE (or a pattern built on it)
    ends a sentence: a single dot after a number or an abbreviation before a lower-case word
    or a number does not, nor one after a capital initial before a capitalised word."""
    if text[start] != "." or end - start > 1:
        return True
    following = end
    while following < len(text) and text[following] in " \t":
        following += 1
    if following >= len(text) or following == end:
        return True
    after = text[following]
    before = text[max(0, start - LOOKBACK):start]
    if after.islower() or after.isdigit():
        return not ABBREVIATION_RE.search(before)
    initial = INITIAL_RE.search(before)
    return not (after.isupper() and initial and initial[1][0].isupper() and initial[2].isupper())


def ends_between(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends in text[start:end] (the gap between two words, usually)."""
    return any(is_end(text, *m.span()) for m in SENTENCE_END_RE.finditer(text, start, end))


def sentence_ends(text: str) -> list[int]:
    """The index right after each sentence end in `text`."""
    return [m.end() for m in SENTENCE_END_RE.finditer(text) if is_end(text, *m.span())]


def sentence_start(text: str, index: int) -> bool:
    """Whether only quotes, brackets, dashes or spaces stand between a sentence end (or the
    start of the text) and `index`."""
    i = index
    while i > 0 and not text[i - 1].isalnum() and text[i - 1] not in SENTENCE_MARKS:
        i -= 1
    if i == 0:
        return True
    mark = text[i - 1]
    return mark in SENTENCE_MARKS and (mark != "." or is_end(text, i - 1, i))
