"""Generate `checker/langdata/folded_collisions.txt`: the spellings without ä, ö and å of the
bundled pack's word patterns that are words of Finnish, Swedish or English themselves.

Run by lexemegen.py (`python -m checker.lexemegen [--check]`), as it depends on the lexeme
table and on the rules. The lexicon finds every pattern with ä, ö or å also typed without
them ("tyhma" for "tyhmä~", see variants.py), except the spellings listed here: a word of
any of the three languages is innocent ("saa", gets, is no "sää"; "han" no "hän"; "fan" no
"fån"). A line is written as the pattern mode it collides in:

- ``saa``     a whole word (a term, or a form of a lexeme) whose folded spelling is a word;
- ``paa*``    a stem whose folded spelling begins a word ("pää*" would match "paahtaa");
- ``*paa``    an ending, or a lexeme's form as a compound's last part, that ends a word;
- ``*saa*``   a part found inside a word;
- ``+ar``     a whole word whose folded spelling is a word, but a rare one beside the word
  with ä, ö or å (ten times rarer in every language, by wordfreq's figures: "ar" beside
  "är", "pa" beside "på"): read as the pattern in a text typed bare throughout (no ä, ö or å
  anywhere), where "du ar" is "du är"; "fan" (beside "fån"), "saa" (beside "sää") and "han"
  (beside "hän") never are.

Which words are words: Voikko's speller for Finnish (simplemma's Finnish dictionary also
lists misspellings typed without ä and ö, "tyhma" for tyhmä, so its words are confirmed by
Voikko), simplemma's and hunspell-sv's Swedish dictionaries, simplemma's English one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from checker.compoundgen import tails_in_rules
from checker.morphology import dictionary, swedish_entries, swedish_word, voikko, zipf
from checker.variants import fold, has_nordic

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
# A word pattern as the rule files write it (a term, a slot's word, a stem with stars); a
# lexeme (`lemma~`) is read from the table instead.
PATTERN_RE = re.compile(r"(?<![\w*~\\])(\*?)([^\W\d_](?:[\w'’-]*[^\W_])?)(\*?)(?![\w~*])")
BARE_MARGIN = 1.0       # how much more frequent (Zipf: 1.0 is ten times) the word with ä/ö/å must be
ENOUGH = 40             # words of a list a stem or ending is tried against before giving up


def _rare_beside(typed: str, word: str) -> bool:
    """Whether the folded spelling, as a word of Finnish, Swedish or English, is at least ten
    times rarer than the word with ä, ö or å it is folded from (wordfreq's Zipf figures)."""
    meant = max(zipf(word, lang) for lang in ("fi", "sv"))
    other = max(zipf(typed, lang) for lang in ("fi", "sv", "en"))
    return meant - other >= BARE_MARGIN


def patterns_in_rules(folder: Path = RULES) -> set[tuple[str, str]]:
    """(mode, word) of every word pattern with ä, ö or å in the rule files (and some other
    words of them, harmlessly: a spelling that collides is left out only where it occurs)."""
    found: set[tuple[str, str]] = set()
    for path in sorted(folder.rglob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("#"):
                continue
            for before, word, after in PATTERN_RE.findall(line):
                word = word.lower().replace("’", "'")
                if has_nordic(word):
                    mode = {("", ""): "exact", ("", "*"): "prefix", ("*", ""): "suffix", ("*", "*"): "infix"}
                    found.add((mode[(before, after)], word))
    return found


def lexeme_patterns(table: dict[str, dict[str, tuple[str, ...]]], folder: Path = RULES) -> set[tuple[str, str]]:
    """(mode, form) of every form with ä, ö or å of the table's lemmas: "exact" (looked up
    as a word) and, for a `*lemma~` of the rules, "suffix" (a compound's last part)."""
    tails = {tail for tail, marks in tails_in_rules(folder).items() if any(m.startswith("~") for m in marks)}
    found: set[tuple[str, str]] = set()
    for lemma, tags in table.items():
        for form in tags.get("all", ()):
            if has_nordic(form):
                found.add(("exact", form))
                if lemma in tails:
                    found.add(("suffix", form))
    return found


@cache
def _word_lists() -> tuple[frozenset[str], frozenset[str], list[str]]:
    """Swedish and English words (sure), and every lower-case word without ä, ö and å of
    the three dictionaries, sorted (the Finnish ones still to be confirmed by Voikko)."""
    def plain(lang: str) -> set[str]:
        return {word for form in dictionary(lang) if (word := form.decode("utf-8")).isalpha()
                and word.islower() and not has_nordic(word)}
    swedish = plain("sv") | {word for word in swedish_entries() if word.isalpha() and word.islower()
                             and not has_nordic(word)}
    english = plain("en")
    return frozenset(swedish), frozenset(english), sorted(plain("fi") | swedish | english)


def _is_word(word: str) -> bool:
    """Whether a lower-case word without ä, ö and å is a word of Finnish, Swedish or English."""
    swedish, english, _ = _word_lists()
    return word in swedish or word in english or swedish_word(word) or bool(voikko().spell(word))


def _any_word(candidates: Iterable[str]) -> bool:
    """Whether one of the first `ENOUGH` candidates is a word."""
    for number, word in enumerate(candidates):
        if number >= ENOUGH:
            return False
        if _is_word(word):
            return True
    return False


def _starting(words: list[str], stem: str) -> Iterable[str]:
    """The words of a sorted list that begin with the stem."""
    i = bisect_left(words, stem)
    while i < len(words) and words[i].startswith(stem):
        yield words[i]
        i += 1


def collisions(patterns: set[tuple[str, str]]) -> list[str]:
    """The lines of the collisions file for these (mode, word) patterns."""
    _, _, words = _word_lists()
    backwards = sorted(word[::-1] for word in words)
    joined = "\n" + "\n".join(words) + "\n"

    def containing(part: str) -> Iterable[str]:
        start = joined.find(part)
        while start != -1:
            begin = joined.rfind("\n", 0, start) + 1
            end = joined.find("\n", start)
            yield joined[begin:end]
            start = joined.find(part, end)

    def collides(mode: str, key: str) -> bool:
        if mode == "exact":
            return _is_word(key)
        if mode == "prefix":
            found = _starting(words, key)
        elif mode == "suffix":
            found = (word[::-1] for word in _starting(backwards, key[::-1]))
        else:
            found = containing(key)
        return (mode != "infix" and _is_word(key)) or _any_word(found)

    marks = {"exact": ("", ""), "prefix": ("", "*"), "suffix": ("*", ""), "infix": ("*", "*")}
    lines, rare = set(), set()
    for mode, word in patterns:
        before, after = marks[mode]
        typed = fold(word)
        if collides(mode, typed):
            lines.add(before + typed + after)
            if mode == "exact" and _rare_beside(typed, word):
                rare.add(typed)
    return sorted(("+" + line if line in rare else line) for line in lines)


def render(table: dict[str, dict[str, tuple[str, ...]]], folder: Path = RULES) -> str:
    """The collisions file for the rules in `folder` and the lexeme table."""
    return "".join(line + "\n" for line in collisions(patterns_in_rules(folder) | lexeme_patterns(table, folder)))
