"""The morphological resources the generators read (tests and tools only, never the
product): simplemma's dictionaries, the Voikko analyser for Finnish, LemmInflect's
English inflection tables, hunspell-sv's Swedish dictionary with its suffix rules and
wordfreq's word frequencies.

Needs `pip install simplemma libvoikko lemminflect hunspell-sv wordfreq` and the native Voikko with its Finnish
dictionary (Debian: `apt-get install libvoikko1 voikko-fi`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, distribution


class ResourceMissing(RuntimeError):
    """simplemma or Voikko is not installed."""


@lru_cache(maxsize=None)
def inverted(lang: str) -> dict[str, tuple[str, ...]]:
    """simplemma's dictionary for a language, as lemma -> its forms (lower case)."""
    inverse: dict[str, list[str]] = defaultdict(list)
    for form, lemma in dictionary(lang).items():
        inverse[lemma.decode("utf-8").lower()].append(form.decode("utf-8").lower())
    return {lemma: tuple(sorted(set(forms) | {lemma})) for lemma, forms in inverse.items()}


@lru_cache(maxsize=None)
def owners(lang: str) -> dict[str, str]:
    """simplemma's dictionary for a language as form -> lemma (lower case)."""
    return {form.decode("utf-8").lower(): lemma.decode("utf-8").lower() for form, lemma in dictionary(lang).items()}


def dictionary(lang: str) -> dict[bytes, bytes]:
    """simplemma's dictionary for a language as it ships: form -> lemma, UTF-8 bytes."""
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk
    except ImportError as exc:   # pragma: no cover - depends on the machine
        raise ResourceMissing("pip install simplemma") from exc
    return _load_dictionary_from_disk(lang)


@lru_cache(maxsize=1)
def voikko():
    """The Finnish analyser."""
    try:
        import libvoikko
        return libvoikko.Voikko("fi")
    except Exception as exc:     # pragma: no cover - depends on the machine
        raise ResourceMissing("pip install libvoikko; apt-get install libvoikko1 voikko-fi") from exc


@lru_cache(maxsize=None)
def analyses(word: str) -> tuple[dict, ...]:
    """Voikko's readings of a word."""
    return tuple(voikko().analyze(word))


def english_inflections(lemma: str) -> dict[str, tuple[str, ...]]:
    """LemmInflect's inflections of an English lemma, by Penn tag (VBD, VBN, VBG, VBZ, NNS,
    ...); {} for a word it does not know."""
    try:
        from lemminflect import getAllInflections
    except ImportError as exc:   # pragma: no cover - depends on the machine
        raise ResourceMissing("pip install lemminflect") from exc
    return {tag: tuple(form.lower() for form in forms) for tag, forms in getAllInflections(lemma).items()}


# hunspell-sv's flags that make another word, not a form: T ("idiot" -> idiotisk, "krossa" -> krossare).
SV_DERIVATIONS = frozenset("T")


@lru_cache(maxsize=1)
def _swedish_dictionary() -> tuple[dict[str, list[str]], dict[str, list[tuple[str, str, re.Pattern]]]]:
    """hunspell-sv's Swedish dictionary: word -> its flag sets (one per entry), and flag ->
    its suffix rules (strip, add, condition on the word's end)."""
    try:
        dist = distribution("hunspell-sv")
    except PackageNotFoundError as exc:   # pragma: no cover - depends on the machine
        raise ResourceMissing("pip install hunspell-sv") from exc
    files = {path.name: path.locate() for path in dist.files or () if path.name in ("sv_SE.aff", "sv_SE.dic")}
    rules: dict[str, list[tuple[str, str, re.Pattern]]] = defaultdict(list)
    for line in open(files["sv_SE.aff"], encoding="utf-8"):
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX":
            flag, strip, add, condition = parts[1], parts[2], parts[3].split("/")[0], parts[4]
            rules[flag].append(("" if strip == "0" else strip, "" if add == "0" else add,
                                re.compile(f"(?:{condition})$")))
    words: dict[str, list[str]] = defaultdict(list)
    for line in open(files["sv_SE.dic"], encoding="utf-8"):
        word, _, flags = line.rstrip("\n").partition("/")
        words[word].append(flags)
    return dict(words), dict(rules)


def swedish_forms(lemma: str) -> tuple[str, ...]:
    """The forms hunspell-sv's suffix rules give a Swedish word from its own dictionary entries
    ("tönt": töntar, töntarna, tönten; "gäng": gänget, gängen); () for a word it does not list."""
    words, rules = _swedish_dictionary()
    forms = set()
    for flags in words.get(lemma, ()):
        forms.add(lemma)
        for flag in flags:
            if flag in SV_DERIVATIONS:
                continue
            for strip, add, condition in rules.get(flag, ()):
                if condition.search(lemma) and lemma.endswith(strip):
                    forms.add(lemma[:len(lemma) - len(strip)] + add)
    return tuple(sorted(form.lower() for form in forms))


def swedish_word(word: str) -> bool:
    """Whether hunspell-sv's dictionary lists the word as an entry of its own."""
    return word in _swedish_dictionary()[0]


def swedish_entries() -> frozenset[str]:
    """Every entry of hunspell-sv's dictionary, as it is written there."""
    return frozenset(_swedish_dictionary()[0])


def zipf(word: str, lang: str) -> float:
    """How frequent a word is in a language: wordfreq's Zipf figure (log10 of its count per
    billion words; 7 for the most frequent words, 0 for a word it has not seen)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError as exc:   # pragma: no cover - depends on the machine
        raise ResourceMissing("pip install wordfreq") from exc
    return zipf_frequency(word, lang)
