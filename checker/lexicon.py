"""One index of every word pattern in a pack, looked up once per token.

A word pattern is a single word, written as:

- ``word``   the whole word, nothing more;
- ``stem*``  the word and every word that begins with it (inflections, compounds);
- ``*tail``  every word that ends with it (compounds: "skitdålig" from "*dålig" is not
  meant; "paskapää" from "*pää" would be);
- ``*part*`` every word that contains it;
- ``lemma~``  a lexeme: every inflected form of the lemma, as generated offline from
  morphological resources into `langdata/lexeme_forms.json` (see lexemegen.py), also with a Finnish
  clitic (-kin, -kaan, -han, -pa, -ko, spoken -ki and -s) appended;
- ``lemma~tag`` only the forms with that tag: ``imp`` (imperative: "murskatkaa",
  "murskaa", "skjut"), ``lets`` (Finnish "let's": "murskataan", "murskataa"), ``cond``
  (conditional, also spoken "murskais"), ``pot`` (potential), ``inf`` (infinitives),
  ``pass`` (passive);
- ``*lemma~`` (or ``*lemma~tag``) the forms also as the last part of a compound: a word
  that ends in a whole form after a first part that splits into known words of the
  lemma's language ("koiranpaskaa", "Finnjävlar"; see compounds.py), or into first parts
  the pack names (`add_part`); never a proper noun or another word that merely ends in
  the same letters.

A ``*tail`` matches the same way: the word itself, or a compound whose first part splits
into known Finnish or Swedish words ("polisbilen" for ``*bilen``). A key that names a
language (rules key their words as ("rule", ..., "fi", ...)) reads first parts in that
language only, so "Henryssä" (a Finnish case ending on an English name) is no "*ryssä".
A ``*tail`` that is no word at all but an ending ("*ilija" of "virkailija", listed by
lexemegen) matches every word that ends so.

Each token is looked up by its forms (see `text.lookup_forms`): as written, its l33t
readings, and with runs of three letters or more read as two; a token without ä, ö and å also
among the patterns' spellings typed without them ("tyhma" for "tyhmä~", variants.py), save
those that are words of their own. A token no pattern finds, and a stretched one, is also read
by its length key, with letters doubled or dropped ("perkkele", "iddiootti", "fuuuuck"), as
far as the generated `length_keys.txt` allows (variants.py, lengthgen.py). A word with stars,
or with a dash, dot or underscore standing for a letter ("per*ele", "p-rkele"), that none of
those readings finds is read with each hidden letter filled in (misspelt.py). A lookup costs a
handful of dict probes per token whatever the number of patterns, so a check grows linearly
with the text.

A pattern is registered once however many rules name it: rules share their named word
lists (a list of groups is a slot of a dozen hate and incitement rules), and each distinct
pattern is one *entry*, its forms worked out and stored once, that carries the keys of
every rule that names it. A lookup finds entries and reports their keys.
"""

from __future__ import annotations

import json
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from checker.compounds import LANGS as COMPOUND_LANGS
from checker.compounds import MIN_PART, Splitter, endings, false_compounds, inflected_name
from checker.misspelt import Misspelt
from checker.text import HIDDEN, Token, has_long_run, lookup_forms, read_short
from checker.variants import FoldedTable, bare_typed, folded_tables, has_nordic, length_key, stem_key

MIN_STEM = 3
TEXT_LANGS = ("fi", "sv", "en")
# Finnish clitics, longest first; a lexeme's form is also found with one of them appended.
# Spoken Finnish adds -ki for -kin ("neki") and a softening -s to a plural imperative
# ("murskatkaas"; only there, so that "rikos", a crime, is not "riko" + s).
CLITICS = ("kaan", "kään", "kin", "han", "hän", "pa", "pä", "ko", "kö", "ki", "s")
SOFTENED = ("kaas", "kääs")

CACHE_LIMIT = 50_000


def _load_forms() -> tuple[dict[str, dict[str, tuple[str, ...]]], dict[str, tuple[str, ...]]]:
    """The generated table: lemma -> tag -> forms, and lemma -> its languages (lexemegen.py)."""
    text = resources.files("checker.langdata").joinpath("lexeme_forms.json").read_text(encoding="utf-8")
    forms, langs = {}, {}
    table = json.loads(text)
    del text
    for lemma, tags in table.items():
        langs[lemma] = tuple(tags.pop("langs", ("fi",)))
        every = tags.get("all", ())
        same = dict(zip(every, every))       # a form in several tags is one string
        forms[lemma] = {tag: tuple(map(same.get, words, words)) for tag, words in tags.items()}
    return forms, langs


FORMS, LEMMA_LANGS = _load_forms()


class PatternError(ValueError):
    """A word pattern that cannot be used (too short a stem, stray stars, spaces)."""


@dataclass
class _Layer:
    """Word patterns by mode, each core with the entries (see `Lexicon.add`) it stands for.
    Values are tuples, not lists: the lexeme tables hold tens of thousands of forms, most
    with one entry, and a tuple is half a list's size."""
    exact: dict[str, tuple[int, ...]] = field(default_factory=dict)
    prefix: dict[str, tuple[int, ...]] = field(default_factory=dict)
    suffix: dict[str, tuple[int, ...]] = field(default_factory=dict)
    infix: dict[str, tuple[int, ...]] = field(default_factory=dict)
    lexeme: dict[str, tuple[int, ...]] = field(default_factory=dict)
    tail: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def lengths(self, table: dict[str, tuple] | FoldedTable) -> list[int]:
        return table.lengths if isinstance(table, FoldedTable) else sorted({len(k) for k in table})

    def share(self) -> None:
        """Let equal entry tuples be one object: the forms of a lexeme stand for the same
        entry, and one tuple for all of them saves some megabytes of a pack."""
        one: dict[tuple, tuple] = {}
        for name in MODES:
            table = getattr(self, name)
            entries = list(table.values())
            table.update(zip(list(table), map(one.setdefault, entries, entries)))


def _put(table: dict[str, tuple[int, ...]], core: str, entry: int) -> None:
    """Add an entry to a core's tuple."""
    table[core] = table.get(core, ()) + (entry,)


def _put_all(table: dict[str, tuple[int, ...]], words: tuple[str, ...], entry: int) -> None:
    """Add an entry to the tuple of each word, in bulk: most words are new to the table."""
    one = (entry,)
    present = [(word, table[word]) for word in table.keys() & words]
    table.update(dict.fromkeys(words, one))
    for word, entries in present:
        table[word] = entries + one


def lexeme_forms(lemma: str, tag: str) -> tuple[str, ...]:
    """The generated forms of a lexeme with a tag ("" for every form)."""
    entry = FORMS.get(lemma)
    if not entry:
        raise PatternError(f"{lemma + '~'!r}: no forms generated for this lemma (the resources do not "
                           "know it, or `python -m checker.lexemegen` has not run since it was added); "
                           "use a stem such as 'word*' instead")
    forms = entry.get(tag or "all")
    if forms is None:
        raise PatternError(f"{lemma}~{tag}: the lemma has no forms tagged {tag!r} "
                           f"(it has: {', '.join(entry)})")
    return forms


SPACE_RE = re.compile(r"\s")          # str.isspace's characters
MODES = ("exact", "prefix", "suffix", "infix", "lexeme", "tail")
LENGTH_MODES = ("exact", "prefix", "lexeme")      # the modes a length key reads (variants.py)


@lru_cache(maxsize=None)
def _squeezed_forms(lemma: str, tag: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A lexeme's forms, and the squeezed spellings that differ from a form (each once):
    worked out once however many rules name the lexeme."""
    forms = lexeme_forms(lemma, tag)
    shorts = dict.fromkeys(short for form in forms if (short := length_key(form)) != form)
    return forms, tuple(shorts)


def parse_pattern(pattern: str) -> tuple[str, str]:
    """Split a word pattern into its mode (exact, prefix, suffix, infix, lexeme, tail) and
    its core (for a lexeme: "lemma~tag")."""
    word = pattern.strip().lower().replace("’", "'")
    if "~" in word:
        lemma, _, tag = word.lstrip("*").partition("~")
        if not lemma or "*" in lemma or "~" in tag or not (tag.isalpha() or not tag):
            raise PatternError(f"{pattern!r} is not a lexeme: write lemma~, lemma~tag or *lemma~")
        lexeme_forms(lemma, tag)
        return ("tail" if word.startswith("*") else "lexeme"), f"{lemma}~{tag}"
    starts, ends = word.startswith("*"), word.endswith("*") and len(word) > 1
    core = word.strip("*")
    if not core or "*" in core or SPACE_RE.search(core):
        raise PatternError(f"{pattern!r} is not one word with an optional * at either end")
    mode = {(False, False): "exact", (False, True): "prefix",
            (True, False): "suffix", (True, True): "infix"}[(starts, ends)]
    if mode != "exact" and len(core) < MIN_STEM:
        raise PatternError(f"{pattern!r}: a stem needs at least {MIN_STEM} letters")
    return mode, core


def _languages_of(key: Hashable) -> tuple[str, ...]:
    """The languages a compound's first part is read in for a key: the language a key names
    (rules key their words by language, e.g. ("hate.slur", "phrase", "fi", ...)), else
    every language with a table."""
    named = tuple(part for part in key if part in TEXT_LANGS) if isinstance(key, tuple) else ()
    return named or COMPOUND_LANGS      # English has no table: only the pack's heads join it


class Lexicon:
    """Word patterns with the keys they stand for; `scan` says which keys each token hits."""

    def __init__(self) -> None:
        self._plain = _Layer()
        self._squeezed = _Layer()
        self._folded = self._folded_squeezed = _Layer()     # made by `freeze`
        self._bare = _Layer()
        self._bare_cache: dict[str, frozenset[Hashable]] = {}
        self._cache: dict[str, frozenset[Hashable]] = {}
        self._frozen = False
        self.splitter = Splitter()
        # Entry number -> the keys it reports, and the languages a compound's first part is
        # read in for it (() for none: no compound analysis).
        self._keys: list[tuple[Hashable, ...]] = []
        self._langs: list[tuple[str, ...]] = []
        self._entries: dict[tuple[str, str, tuple[str, ...]], int] = {}   # (mode, core, langs) -> entry
        self._parsed: dict[str, tuple[str, str]] = {}                     # pattern -> (mode, core)
        self._one: dict[Hashable, Hashable] = {}      # each key once: rules make a key per word
        self._key_langs: dict[Hashable, tuple[str, ...]] = {}              # key -> _languages_of(key)
        self._both_langs: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[str, ...]] = {}
        self._tagged: dict[int, str] = {}     # entry of a lexeme with a tag -> its lemma

    def add_part(self, part: str, lang: str) -> None:
        """A word the pack names as the first part of compounds in a language, known or not
        to the tables ("mamu" of `heads: {fi: [mamu*]}`)."""
        for one in ((lang,) if lang in TEXT_LANGS else TEXT_LANGS):
            self.splitter.add(part.strip("*").lower(), one)

    def add(self, pattern: str, key: Hashable) -> None:
        """Register a word pattern; tokens it matches will report `key`. A pattern already
        registered (by another rule, with the same compound languages) gets the key added to
        its entry; its forms are not worked out again."""
        if self._frozen:
            raise RuntimeError("the lexicon is compiled; build a new one")
        parsed = self._parsed.get(pattern)
        if parsed is None:
            parsed = self._parsed[pattern] = parse_pattern(pattern)
        mode, core = parsed
        langs = self._compound_langs(mode, core, key)
        entry = self._entries.get((mode, core, langs))
        key = self._one.setdefault(key, key)
        if entry is not None:
            if key not in self._keys[entry]:
                self._keys[entry] += (key,)
            return
        entry = self._entries[(mode, core, langs)] = len(self._keys)
        self._keys.append((key,))
        self._langs.append(langs)
        plain, squeezed = self._plain, self._squeezed
        if mode in ("lexeme", "tail"):
            lemma, _, tag = core.partition("~")
            forms, shorts = _squeezed_forms(lemma, tag)
            if tag:
                self._tagged[entry] = lemma
            _put_all(plain.lexeme, forms, entry)
            _put_all(squeezed.lexeme, shorts, entry)      # length keys: whole words and stems only
            if mode == "tail":
                _put_all(plain.tail, forms, entry)
            return
        _put(getattr(plain, mode), core, entry)
        if mode in LENGTH_MODES:
            short = stem_key(core) if mode == "prefix" else length_key(core)
            if short != core:
                _put(getattr(squeezed, mode), short, entry)

    def _compound_langs(self, mode: str, core: str, key: Hashable) -> tuple[str, ...]:
        """The languages a compound's first part is read in for a `*tail` or `*lemma~`
        pattern with this key; () for other patterns and for a tail that is an ending."""
        if mode != "tail" and mode != "suffix":
            return ()
        key_langs = self._key_langs.get(key)
        if key_langs is None:                      # rules name a key for each word of a list
            key_langs = self._key_langs[key] = _languages_of(key)
        if mode == "tail":
            lemma_langs = LEMMA_LANGS.get(core.partition("~")[0], ("fi",))
            both = self._both_langs.get((lemma_langs, key_langs))
            if both is None:
                both = self._both_langs[(lemma_langs, key_langs)] = tuple(
                    lang for lang in lemma_langs if lang in key_langs) or lemma_langs
            return both
        return key_langs if core not in endings() else ()

    def freeze(self) -> None:
        """Finish building: share equal entry tuples, precompute the lengths each table is
        probed with, and forget what was worked out while building (a reload works it out
        again)."""
        self._frozen = True
        for layer in (self._plain, self._squeezed):
            layer.share()
        self._folded, self._folded_squeezed, self._bare = (
            _Layer(**tables) for tables in folded_tables({name: getattr(self._plain, name) for name in MODES}))
        one: dict[tuple, tuple] = {}            # the words of a list mostly carry the same keys
        self._keys = [one.setdefault(keys, keys) for keys in self._keys]
        _squeezed_forms.cache_clear()
        self._entries.clear()
        self._parsed.clear()
        self._one.clear()
        self._key_langs.clear()
        self._both_langs.clear()
        self._lengths = {
            id(layer): {name: layer.lengths(getattr(layer, name))
                        for name in ("prefix", "suffix", "infix", "tail")}
            for layer in (self._plain, self._squeezed, self._folded, self._folded_squeezed, self._bare)
        }
        self.misspelt = Misspelt(self._plain, self._squeezed, self._folded, self._folded_squeezed,
                                 self._lengths[id(self._plain)], CLITICS[:-1])

    def keys_for(self, word: str, bare: bool = False) -> frozenset[Hashable]:
        """Every key whose pattern matches the word, in any of its forms; `bare`: the text is
        typed without ä, ö and å throughout ("ar" is "är" in "du ar en idiot", variants.py)."""
        cache = self._bare_cache if bare else self._cache
        cached = cache.get(word)
        if cached is not None:
            return cached
        forms = lookup_forms(word)
        found = self._direct(forms, bare)
        for form, stretched in forms if "*" not in word else ():    # a star is one guess already
            # A stretched word ("tyhmäääää": its "tyhmää" is found, its "tyhmä" by the
            # length key), or a word no pattern finds, is read by its length key.
            if stretched and form.isalpha():
                found.update(self.misspelt.lengthened(form, read_short(word) if word.isalpha() else form))
            elif not found and form.isalpha() and not has_long_run(form):
                found.update(self._misread(form))
        if not found and ("*" in word or HIDDEN in word):
            found.update(self.misspelt.hidden(word))
        keys = self._keys
        result = frozenset(key for entry in found for key in keys[entry])
        if len(cache) >= CACHE_LIMIT:
            cache.clear()
        cache[word] = result
        return result

    def _misread(self, form: str) -> list[int]:
        """Entries the form is a misspelling of, but no tagged lexeme it is another form of
        ("polttako", don't burn, is no misspelt "polttakoo" of `polttaa~imp`)."""
        tagged = self._tagged
        return [entry for entry in self.misspelt.lengthened(form, None)
                if entry not in tagged or form not in lexeme_forms(tagged[entry], "")]

    def _direct(self, forms: list[tuple[str, bool]], bare: bool = False) -> set[int]:
        """The entries that match one of a token's forms (`text.lookup_forms`) as written, or
        typed without ä, ö and å."""
        found: set[int] = set()
        for form, _ in forms:
            found.update(self._probe(self._plain, form))
            if not has_nordic(form) and ("a" in form or "o" in form):   # what every folded spelling has
                found.update(self._probe(self._folded, form))
                if bare:
                    found.update(self._probe(self._bare, form))
        return found

    def _probe(self, layer: _Layer, form: str) -> Iterable[int]:
        """The entries whose pattern matches the form."""
        lengths = self._lengths[id(layer)]
        yield from layer.exact.get(form, ())
        n = len(form)
        for size in lengths["prefix"]:
            if size > n:
                break
            yield from layer.prefix.get(form[:size], ())
        for size in lengths["suffix"]:
            if size > n:
                break
            for entry in layer.suffix.get(form[n - size:], ()):
                langs = self._langs[entry]
                if size == n or not langs or self._compound(form, n - size, langs):
                    yield entry
        for size in lengths["infix"]:
            if size > n:
                break
            for i in range(n - size + 1):
                yield from layer.infix.get(form[i:i + size], ())
        if layer.lexeme:
            yield from self._lexeme(layer, form, lengths["tail"])

    def _compound(self, word: str, cut: int, langs: tuple[str, ...]) -> bool:
        """Whether `word` is a compound whose last part starts at `cut`: the first part
        splits into known words, and the analysis does not read the word, or its end, as
        another word ("lumivyöryssä" ends in "vyöryssä", which is no vyö + ryssä)."""
        if not self.splitter.splits_any(word[:cut], langs):
            return False
        false, tail = false_compounds(), " " + word[cut:]
        return not any(word[start:cut] + tail in false for start in range(cut - MIN_PART + 1)) \
            and not inflected_name(word, cut)

    def _lexeme(self, layer: _Layer, form: str, tail_lengths: list[int]) -> Iterable[int]:
        """Entries of lexemes the word is a form of: as it is, without a clitic, or as the
        last part of a compound whose first part splits into known words of the lemma's language."""
        words = [form] + [form[:-len(c)] for c in CLITICS if form.endswith(c) and len(form) > len(c) + 2
                          and (c != "s" or form.endswith(SOFTENED))]
        for word in words:
            yield from layer.lexeme.get(word, ())
            n = len(word)
            for size in tail_lengths:
                if n - size < MIN_PART:
                    break
                for entry in layer.tail.get(word[n - size:], ()):
                    if self._compound(word, n - size, self._langs[entry]):
                        yield entry

    def scan(self, tokens: list[Token], text: str = "") -> dict[int, frozenset[Hashable]]:
        """The keys hit by each token, only for tokens that hit something; `text` (lower
        case), the text of the tokens, says whether it is typed bare (`bare_typed`)."""
        bare = bare_typed(text)
        hits = {}
        for i, token in enumerate(tokens):
            keys = self.keys_for(token.lower, bare)
            if keys:
                hits[i] = keys
        return hits
