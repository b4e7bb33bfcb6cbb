"""Finnish and Swedish typed without ä, ö and å: how a word pattern is found in such a text.

On phones and foreign keyboards people write "olet tyhma", "ryssat pois", "javla idiot".
Every word pattern of a pack whose letters include ä, ö or å (a lexeme's forms, a term, a
stem) is therefore also found in its *folded* spelling, ä and å read as a, ö as o
("tyhmä" -> "tyhma"), with no rule listing the variant. A folded spelling that is itself a
word of Finnish, Swedish or English is left out, whatever language the pattern is in: "saa"
(gets) is no "sää", "han" (he) no "hän", "fan" no "fån", "tontista" no "töntistä". Those
words are listed offline in `langdata/folded_collisions.txt` (generated with the lexeme
table by lexemegen.py from Voikko's speller, simplemma and hunspell-sv: see foldgen.py), one
a line, written as the pattern mode they collide in: "saa" (a whole word), "paa*" (a stem
that begins real words), "*paa" (an ending of real words), "*ssa*".

A text typed bare throughout (no ä, ö or å in five words or more) reads one more class: the
folded spellings that are words, but ten times rarer than the word with ä, ö or å ("+ar"
in the file: "du ar en idiot" is "du är en idiot", "pa riktigt" is "på riktigt").

The folded spellings are held in `FoldedTable`s, a sorted array of their 64-bit hashes with
the entries beside it: a pack's folded forms (some fifty thousand) cost well under a
megabyte, where a dict of the strings would cost several.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from importlib import resources

NORDIC = "äöå"
FOLD = str.maketrans("äöåÄÖÅ", "aoaAOA")
COLLISIONS_FILE = "folded_collisions.txt"


def fold(word: str) -> str:
    """The word as typed without ä, ö and å: "tyhmää" -> "tyhmaa", "Hangö" -> "Hango"."""
    return word.translate(FOLD)


def has_nordic(word: str) -> bool:
    """Whether a lower-case word has ä, ö or å (so that folding changes it)."""
    return "ä" in word or "ö" in word or "å" in word


def collisions() -> frozenset[str]:
    """The folded spellings that are words of Finnish, Swedish or English, each as the
    pattern mode it collides in ("saa", "paa*", "*paa", "*paa*"; "+ar" for one read in a
    text typed bare). Read when a pack is built and not kept."""
    text = resources.files("checker.langdata").joinpath(COLLISIONS_FILE).read_text(encoding="utf-8")
    return frozenset(text.split())


class FoldedTable:
    """A read-only map from words to tuples of entries, with `dict.get`'s signature, held
    as the sorted 64-bit hashes of the words and the entries in the same order: 16 bytes a
    word, where a dict of the strings takes a hundred. Python's string hash is 64 bits in a
    64-bit process, so a word not in the table is taken for one with a chance of one in
    10^14 per lookup even for fifty thousand words. Built with `add`, then `seal`."""

    __slots__ = ("_hashes", "_values", "lengths")

    def __init__(self) -> None:
        self._hashes = array("q")
        self._values: list[tuple[int, ...]] | tuple[tuple[int, ...], ...] = []
        self.lengths: list[int] = []

    def add(self, word: str, entries: tuple[int, ...]) -> None:
        """Add a word with its entries (before `seal`)."""
        self._hashes.append(hash(word))
        self._values.append(entries)          # type: ignore[union-attr]
        if len(word) not in self.lengths:
            self.lengths.append(len(word))

    def seal(self) -> FoldedTable:
        """Sort the words for lookup; a word added twice keeps the entries of both."""
        hashes, values = self._hashes, self._values
        order = sorted(range(len(hashes)), key=hashes.__getitem__)
        sorted_hashes, sorted_values = array("q"), []
        for i in order:
            if sorted_hashes and sorted_hashes[-1] == hashes[i]:
                sorted_values[-1] += tuple(e for e in values[i] if e not in sorted_values[-1])
            else:
                sorted_hashes.append(hashes[i])
                sorted_values.append(values[i])
        self._hashes, self._values = sorted_hashes, tuple(sorted_values)
        self.lengths.sort()
        return self

    def get(self, word: str, default: tuple[int, ...] = ()) -> tuple[int, ...]:
        key = hash(word)
        hashes = self._hashes
        i = bisect_left(hashes, key)
        if i < len(hashes) and hashes[i] == key:
            return self._values[i]
        return default

    def __len__(self) -> int:
        return len(self._hashes)

    def __bool__(self) -> bool:
        return len(self._hashes) > 0


# How the collisions file writes a word of each lexicon mode: (before, after) it.
MARKS = {"exact": ("", ""), "lexeme": ("", ""), "prefix": ("", "*"), "suffix": ("*", ""),
         "tail": ("*", ""), "infix": ("*", "*")}
# Words a text needs before its lack of ä, ö and å says it is typed without them: Finnish
# and Swedish sentences of a few words mostly have one.
MIN_BARE_WORDS = 5
RUN_HEADS_RE = re.compile(r"(.)(?=\1)", re.DOTALL)       # lexicon.RUN_HEADS_RE: "tyhmaaaa" -> "tyhma"
Table = dict[str, tuple[int, ...]]


def bare_typed(text: str) -> bool:
    """Whether a (lower-case) text is typed without ä, ö and å, as far as its letters tell:
    none of them in a text of `MIN_BARE_WORDS` words or more."""
    return not ("ä" in text or "ö" in text or "å" in text) and len(text.split(None, MIN_BARE_WORDS)) > MIN_BARE_WORDS


def folded_tables(plain: dict[str, Table]) -> tuple[dict[str, Table | FoldedTable], ...]:
    """From a lexicon's tables by mode (word -> entries): the words with ä, ö or å typed
    without them ("tyhma" for "tyhmä"); the same with runs of a letter collapsed (for tokens
    looked up squeezed: "tyhmaaaa"), both without the spellings that are words of Finnish,
    Swedish or English; and the whole words whose folded spelling is a rare word ("ar" for
    "är"), looked up only in a text typed bare throughout.
    Whole words and a lexeme's forms (some fifty thousand spellings in a pack), probed once
    a token, are held by hash in `FoldedTable`s, built word by word; the two thousand stems
    and parts in dicts, faster to probe at every length of a token."""
    listed = collisions()
    typed_tables: dict[str, Table | FoldedTable] = {}
    short_tables: dict[str, Table | FoldedTable] = {}
    bare_tables: dict[str, Table | FoldedTable] = {}
    for name, table in plain.items():
        before, after = MARKS[name]
        many = name in ("lexeme", "tail", "exact")
        typed_table = typed_tables[name] = FoldedTable() if many else {}
        short_table = short_tables[name] = FoldedTable() if many else {}
        bare_table = bare_tables[name] = {}
        for word, entries in table.items():
            if not has_nordic(word):
                continue
            typed = fold(word)
            marked = before + typed + after
            if "+" + marked in listed:
                _add(bare_table, typed, entries)
            elif marked not in listed:
                _add(typed_table, typed, entries)
            shortened = RUN_HEADS_RE.sub("", typed)
            if shortened != typed and "=" + before + shortened + after not in listed:
                _add(short_table, shortened, entries)
        if isinstance(typed_table, FoldedTable) and isinstance(short_table, FoldedTable):
            typed_table.seal()
            short_table.seal()
    return typed_tables, short_tables, bare_tables


def _add(table: Table | FoldedTable, word: str, entries: tuple[int, ...]) -> None:
    if isinstance(table, FoldedTable):
        table.add(word, entries)
    else:
        old = table.get(word, ())
        table[word] = old + tuple(entry for entry in entries if entry not in old) if old else entries


FOLDED_LETTER = {"ä": "a", "ö": "o", "å": "a", "Ä": "A", "Ö": "O", "Å": "A"}


def fold_regex(pattern: str) -> str:
    """A rule's regular expression that also matches its words typed without ä, ö and å:
    each of those letters outside a class becomes a class with its folded letter
    ("\\byhtä\\s+fiksu" -> "\\byht[äa]\\s+fiksu"), and a class that holds one holds its
    folded letter too ("[äe]" -> "[äae]"). A regex states its words in context ("yhtä
    fiksu kuin", "tänd eld på"), so its folded spelling is no word of its own. A negated
    class ("[^ä]") stays as it is."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class, class_start, negated = False, 0, False
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]" and i > class_start:
                in_class = False
            out.append(ch if negated else ch + FOLDED_LETTER.get(ch, ""))
        elif ch == "[":
            in_class = True
            class_start = i + 1
            negated = pattern.startswith("^", class_start)
            if negated:
                class_start += 1
            out.append(pattern[i:class_start])
            i = class_start
            continue
        elif ch in FOLDED_LETTER:
            out.append(f"[{ch}{FOLDED_LETTER[ch]}]")
        else:
            out.append(ch)
        i += 1
    return "".join(out)
