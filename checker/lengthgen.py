"""Generate `checker/langdata/length_keys.txt`: the length keys (variants.py) by which a word
with a letter doubled, dropped or stretched is read as a word pattern of the bundled pack.

Run by lexemegen.py (`python -m checker.lexemegen [--check]`), after the lexeme table, or
alone: `python -m checker.lengthgen [--check]`. It reads the bundled pack as the checker
builds it.

A word's length key is its spelling with every run of a letter collapsed to one: "idiootti",
"iddiootti" and "idiotti" are all "idioti". The lexicon reads a word that no pattern finds
as written by its key. A word of Finnish, Swedish or English that has a pattern's key but is
found as none of the patterns the key reads is listed ("-idioti": Swedish idiocy is no
"idiootti"), and never read by its key; when such a word is common, the key itself is listed
("!tapa": "tapaa", meets, beside "tappaa", kills; "!tuli": fire beside "tulli", customs), as
the typos of a common word would be read as the pattern. A stem is listed ("vittu*") and
read only when no common word whose key begins with the stem's key misses the stem.

Which words are words (tests and tools only, never the product): Voikko's speller for Finnish,
asked about every spelling of a key with up to `DOUBLED` of its letters doubled ("tapa":
tappa, tapaa, ttapa, ...) and about simplemma's Finnish forms (which also list misspellings);
simplemma's and hunspell-sv's Swedish dictionaries, simplemma's English one; and every word
wordfreq finds at least `COMMON` (Zipf) in Finnish, Swedish or English, for the spoken forms
the dictionaries lack ("tuu", "oot").
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path

from checker.lexicon import Lexicon
from checker.morphology import dictionary, swedish_entries, voikko
from checker.text import lookup_forms
from checker.variants import LENGTH_KEYS_FILE, MIN_STEM_KEY, fold, has_nordic, length_key, stem_key

OUTPUT = Path(__file__).resolve().parent / "langdata" / LENGTH_KEYS_FILE
DOUBLED = 2          # letters of a key doubled at most when Voikko is asked for its spellings
COMMON = 3.0         # wordfreq's Zipf figure from which a word is common


def _keys_of(word: str, key_of: Callable[[str], str] = length_key) -> set[str]:
    """A word's length keys (or stem keys): as written, and typed without ä, ö and å."""
    return {key_of(word), key_of(fold(word))} if has_nordic(word) else {key_of(word)}


def _dictionary_words() -> Iterable[tuple[str, bool]]:
    """Every lower-case alphabetic word of the word lists, with whether Voikko must confirm it
    (simplemma's Finnish forms)."""
    from wordfreq import top_n_list, zipf_frequency
    for lang, confirm in (("fi", True), ("sv", False), ("en", False)):
        for form, lemma in dictionary(lang).items():
            for word in (form, lemma):
                text = word.decode("utf-8")
                if text.isalpha() and text.islower():
                    yield text, confirm
    for word in swedish_entries():
        if word.isalpha() and word.islower():
            yield word, False
    for lang in ("fi", "sv", "en"):
        for word in top_n_list(lang, 200_000):
            if zipf_frequency(word, lang) < COMMON:
                break
            if word.isalpha() and word.islower():
                yield word, False


def _spellings(key: str) -> Iterable[str]:
    """The spellings of a key with up to `DOUBLED` of its letters doubled, all but its last run."""
    inner = len(key.rstrip(key[-1]))
    for count in range(1, DOUBLED + 1):
        for places in combinations(range(inner), count):
            chars = list(key)
            for place in places:
                chars[place] += key[place]
            yield "".join(chars)


def generate(lexicon: Lexicon) -> list[str]:
    """The lines of the file for a frozen lexicon: the whole-word keys not read, after a "!";
    the stems read, with a star; and the words that share a key or stem read yet are none of
    its patterns, after a "-"."""
    plain = lexicon._plain
    wholes = {key for table in (plain.exact, plain.lexeme) for form in table if form.isalpha()
              for key in _keys_of(form)}
    wholes = {key for key in wholes if any(lexicon.misspelt.length_entries(key))}
    stems = {key for stem in plain.prefix if stem.isalpha() for key in _keys_of(stem, stem_key)
             if len(key) >= MIN_STEM_KEY and any(lexicon.misspelt.stem_entries(key))}
    stem_lengths = sorted({len(stem) for stem in stems})
    words_of: dict[str, dict[str, str]] = {}   # key -> the words (and bare spellings) with it -> the word
    under: dict[str, dict[str, str]] = {}      # stem -> the same for the words whose key begins with it
    speller = voikko()
    for word, confirm in _dictionary_words():
        for spelling in {word, fold(word)}:
            key, start = length_key(spelling), stem_key(spelling)
            hit = key in wholes
            starts = [start[:size] for size in stem_lengths if size <= len(start) and start[:size] in stems]
            if not hit and not starts:
                continue
            if confirm and not speller.spell(word):
                break
            if hit:
                words_of.setdefault(key, {})[spelling] = word
            for stem in starts:
                under.setdefault(stem, {})[spelling] = word
    direct_cache: dict[str, frozenset[str]] = {}

    def rules_found(word: str) -> frozenset[str]:
        found = direct_cache.get(word)
        if found is None:
            found = direct_cache[word] = _rules(lexicon, lexicon._direct(lookup_forms(word)))
        return found

    lines: set[str] = set()
    for key in sorted(wholes):
        rules = _rules(lexicon, lexicon.misspelt.length_entries(key))
        words = words_of.get(key, {})
        words.update((word, word) for word in _spellings(key) if word not in words and speller.spell(word))
        others = {spelling for spelling, word in words.items()
                  if not rules_found(spelling) & rules}
        if any(_common(words[word]) for word in others):
            lines.add("!" + key)
        else:
            lines.update("-" + word for word in others)
    for stem in sorted(stems):
        rules = _rules(lexicon, lexicon.misspelt.stem_entries(stem))
        words = under.get(stem, {})
        others = {spelling for spelling in words if not rules_found(spelling) & rules}
        if not any(_common(words[word]) for word in others):
            lines.add(stem + "*")
            lines.update("-" + word for word in others)
    return sorted(lines)


def _rules(lexicon: Lexicon, entries: Iterable[int]) -> frozenset[str]:
    """The rules the keys of some entries belong to (a rule keys its words as ("rule.id", ...)
    or ("rule.id rest", ...))."""
    return frozenset(str(key[0] if isinstance(key, tuple) else key).split()[0]
                     for entry in entries for key in lexicon._keys[entry])


def _common(word: str) -> bool:
    """Whether a word (or the word with ä, ö or å it is typed bare from) is common in Finnish,
    Swedish or English: a key it shares would read its typos as the pattern."""
    from wordfreq import zipf_frequency
    return max(zipf_frequency(word, lang) for lang in ("fi", "sv", "en")) >= COMMON


def render(lexicon: Lexicon) -> str:
    return "".join(line + "\n" for line in generate(lexicon))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is stale")
    args = parser.parse_args(argv)
    from checker.pack import load_pack
    text = render(load_pack().lexicon)
    if args.check:
        if (OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else "") != text:
            print(f"{OUTPUT} is stale: run python -m checker.lexemegen", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
