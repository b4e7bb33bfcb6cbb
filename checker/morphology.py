"""The morphological resources the generators read (tests and tools only, never the
product): simplemma's dictionaries, the Voikko analyser for Finnish and LemmInflect's
English inflection tables.

Needs `pip install simplemma libvoikko lemminflect` and the native Voikko with its Finnish
dictionary (Debian: `apt-get install libvoikko1 voikko-fi`).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache


class ResourceMissing(RuntimeError):
    """simplemma or Voikko is not installed."""


@lru_cache(maxsize=None)
def inverted(lang: str) -> dict[str, tuple[str, ...]]:
    """simplemma's dictionary for a language, as lemma -> its forms (lower case)."""
    inverse: dict[str, list[str]] = defaultdict(list)
    for form, lemma in dictionary(lang).items():
        inverse[lemma.decode("utf-8").lower()].append(form.decode("utf-8").lower())
    return {lemma: tuple(sorted(set(forms) | {lemma})) for lemma, forms in inverse.items()}


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
