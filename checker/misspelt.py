"""Readings of a misspelt word, for the lexicon (lexicon.py): letters doubled, dropped or
stretched, read by the word's length key ("perkkele", "iddiootti", "fuuuuck"; variants.py,
with the lists lengthgen.py generates), and letters hidden by stars or by a separator standing
for a letter ("per*ele", "vi**u", "p-rkele"; text.HIDDEN), each hidden letter filled in.
Both read the lexicon's tables by pattern mode (`Layer`) and return entry numbers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import product
from typing import Protocol

from checker.text import HIDDEN
from checker.variants import MIN_LENGTH_KEY, MIN_STEM_KEY, has_nordic, length_key, length_keys, stem_key

MIN_SHOWN = 2          # letters a starred word must show to be read at all
MAX_HIDDEN = 2         # letters hidden by stars that a word's readings are tried for
HIDDEN_LETTERS = "abcdefghijklmnopqrstuvwxyzåäö"
Table = Mapping[str, tuple[int, ...]]


class Layer(Protocol):
    """A lexicon's tables of one spelling, by pattern mode (lexicon._Layer)."""

    exact: Table
    prefix: Table
    suffix: Table
    lexeme: Table


class Misspelt:
    """The misspelt readings of words over a lexicon's tables: as written (`plain`), with
    inner runs collapsed (`squeezed`, the patterns' length keys), typed without ä, ö and å
    (`folded`), both (`folded_squeezed`); `lengths`: the lengths of the plain stems and
    tails; `clitics`: the endings a length key is also read without."""

    def __init__(self, plain: Layer, squeezed: Layer, folded: Layer, folded_squeezed: Layer,
                 lengths: dict[str, list[int]], clitics: tuple[str, ...]) -> None:
        self._plain, self._squeezed = plain, squeezed
        self._folded, self._folded_squeezed = folded, folded_squeezed
        self._lengths = lengths
        self.clitics = clitics
        self.keys = length_keys()

    def lengthened(self, form: str, short: str | None) -> list[int]:
        """Entries of whole words and stems the form is a misspelling of, by its length key
        ("perkkele", "iddiootti", "vitu", "fuuuuck"; variants.py), as far as the generated
        list allows. `short`: a stretched word's runs read as one letter ("fuck"), beside the
        form's two ("fuuck"); a word typed as written needs a key of `MIN_LENGTH_KEY` letters.
        (Most words have no key of a pattern: the list is asked only about those that do.)"""
        key = length_key(form)
        if short is None and len(key) < MIN_LENGTH_KEY:
            return []
        unread, stems, words = self.keys
        found: list[int] = []
        for one in ((key,) if short is None else dict.fromkeys((key, length_key(short)))):
            # A key that is the word itself was looked up as written already.
            written = short is None and one == form
            for word in [one] + ([one[:-len(c)] for c in self.clitics if one.endswith(c) and len(one) > len(c) + 2]
                                 if one.endswith(self.clitics) else []):
                entries = list(self.length_entries(word, written))
                if entries and word not in unread:
                    found += entries
        start = stem_key(form)
        for stem in stems.get(start[:MIN_STEM_KEY], ()):
            if start.startswith(stem):
                found += self.stem_entries(stem)
        if found and (form in words or (short is not None and key in unread)):
            return []
        return found

    def length_entries(self, key: str, written: bool = False) -> Iterable[int]:
        """Entries of the whole words and lexeme forms whose length key is `key`, whether or
        not the key is read (lengthgen.py asks); `written`: only those whose key differs
        from the word (the word itself was looked up as written)."""
        layers = (self._squeezed,) if written else (self._plain, self._squeezed)
        if not has_nordic(key) and ("a" in key or "o" in key):
            layers += (self._folded_squeezed,) if written else (self._folded, self._folded_squeezed)
        for layer in layers:
            yield from layer.exact.get(key, ())
            yield from layer.lexeme.get(key, ())

    def stem_entries(self, key: str) -> Iterable[int]:
        """Entries of the stems (`stem*`) whose length key is `key`."""
        layers = (self._plain, self._squeezed)
        if not has_nordic(key) and ("a" in key or "o" in key):
            layers += (self._folded, self._folded_squeezed)
        for layer in layers:
            yield from layer.prefix.get(key, ())

    def hidden(self, word: str) -> list[int]:
        """Entries of patterns that fit a word whose stars each hide one letter ("per*ele",
        "vi**u", "f**k"), or whose separator does ("p-rkele", text.HIDDEN). Every star must fall
        inside the pattern's written part ("sh**" fits "shit" but not "sh*"), and `MIN_SHOWN`
        letters at least must show: "f***" alone could hide a swear word or a slur. With up to
        `MAX_HIDDEN` letters hidden, the word's readings (a few dozen, or some hundreds) are
        looked up: as whole words, stems and tails, and if none fits, as a lexeme's forms; a
        separator is read as whole words, forms and stems of all but two of its letters. A word
        with more stars is compared with each whole word, stem and tail of the pack."""
        places = [i for i, ch in enumerate(word) if ch == "*" or ch == HIDDEN]
        if len(word) - len(places) < MIN_SHOWN or not word.replace(HIDDEN, "").replace("*", "").isalpha():
            return []
        if len(places) > MAX_HIDDEN:
            return [] if HIDDEN in word else list(self._starred(word))
        n, first, last, plain, lengths = len(word), places[0], places[-1], self._plain, self._lengths
        starred = HIDDEN not in word
        # A separator may stand for a letter of a stem that is nearly the whole word ("jä-la",
        # "jävl*"), never of a short one ("S-market" is no "sam*"); two stars, likewise of a
        # stem or tail of all but three letters (so that a word's hundreds of readings are
        # each looked up a few times, not at every length).
        near = n - 2 if not starred else n - 3 if len(places) > 1 else 0
        prefixes = [size for size in lengths["prefix"] if last < size <= n and size >= near]
        suffixes = [size for size in lengths["suffix"] if n - size <= first and near <= size <= n] if starred else []
        chars, readings = list(word), []
        for letters in product(HIDDEN_LETTERS, repeat=len(places)):
            for place, letter in zip(places, letters):
                chars[place] = letter
            readings.append("".join(chars))
        found: list[int] = []
        for reading in readings:
            found += plain.exact.get(reading, ())
            for size in prefixes:
                found += plain.prefix.get(reading[:size], ())
            for size in suffixes:
                found += plain.suffix.get(reading[n - size:], ())
        if found and starred:
            return found
        for reading in readings:
            found += plain.lexeme.get(reading, ())
            if not has_nordic(reading):
                found += self._folded.exact.get(reading, ())
                found += self._folded.lexeme.get(reading, ())
        return found

    def _starred(self, word: str) -> Iterable[int]:
        """`_hidden` for a word with many stars: each whole word, stem and tail compared."""
        n, last_star = len(word), word.rfind("*")
        first_star = word.find("*")

        def fits(core: str, offset: int) -> bool:
            return (offset <= first_star and last_star < offset + len(core)
                    and all(word[offset + i] in ("*", ch) for i, ch in enumerate(core)))

        layer = self._plain
        for core, entries in layer.exact.items():
            if len(core) == n and fits(core, 0):
                yield from entries
        for core, entries in layer.prefix.items():
            if len(core) <= n and fits(core, 0):
                yield from entries
        for core, entries in layer.suffix.items():
            if len(core) <= n and fits(core, n - len(core)):
                yield from entries
