"""Compound analysis: whether the first part of a word splits into known words.

A rule's `*lemma~` (and `*tail`) matches a word that ends in the lemma's form only when
what comes before the form is itself one or more words of the language: "koiranpaskaa"
(koiran + paska), "kyläkusipää", "Finnjävlar" (finne, its -e dropped, + jävel), never a
proper noun or another word that merely ends in the same letters. The known words are
the tables `langdata/compound_parts_{fi,sv}.txt`, generated offline from simplemma and
Voikko by compoundgen.py; they are read the first time a compound is looked at, so a
check that meets none never pays for them.

English writes its compounds apart or with a hyphen ("bull-shit" is two tokens), so an
English head is known only when a rule lists it (the pack's `heads`, or closed lists such
as `bullshit*`).

How a Finnish part may be written: as in the table (which holds parts as Voikko cut them
from real compounds: "koiran", "ihmis", "kusi"), or a table word with the genitive -n
("kylän"). A Swedish part: as in the table, with the linking -s ("ryss" + s), without its
final -a or -e ("flick", "finn"), or with that vowel changed to -o or -u ("kyrko", "gatu"),
when four letters or more are left.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

MIN_PART = 3             # letters a part needs: "on", "ja", "är" never make a compound
MAX_PART = 24
MIN_CHANGED = 4          # letters a Swedish part needs to drop or change its last vowel ("finn")
CACHE_LIMIT = 20_000
LANGS = ("fi", "sv")


@cache
def load_parts(lang: str) -> frozenset[str]:
    """The known compound parts of a language (empty for a language without a table)."""
    if lang not in LANGS:
        return frozenset()
    text = resources.files("checker.langdata").joinpath(f"compound_parts_{lang}.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


def _part_ok(part: str, lang: str, known: frozenset[str] | set[str], extra: frozenset[str] | set[str]) -> bool:
    if part in known or part in extra:
        return True
    if lang == "fi":
        return part.endswith("n") and part[:-1] in known
    if lang == "sv":
        last, stem = part[-1], part[:-1]
        if last == "s" and (stem in known or (len(stem) >= MIN_PART and _part_ok(stem, lang, known, ()))):
            return True
        if len(part) < MIN_CHANGED:
            return False
        if part + "a" in known or part + "e" in known:
            return True
        return last in "ou" and stem + "a" in known
    return False


class Splitter:
    """Splits a compound's first part into known words of a language."""

    def __init__(self, parts: dict[str, set[str]] | None = None) -> None:
        self._parts = parts               # None: the committed tables
        self._extra: dict[str, set[str]] = {}
        self._cache: dict[tuple[str, str], bool] = {}

    def add(self, part: str, lang: str) -> None:
        """A word the pack names as a compound's first part ("mamu" of `heads: [mamu*]`)."""
        self._extra.setdefault(lang, set()).add(part)
        self._cache.clear()

    def known(self, lang: str) -> frozenset[str] | set[str]:
        return self._parts.get(lang, set()) if self._parts is not None else load_parts(lang)

    def splits(self, head: str, lang: str) -> bool:
        """Whether `head` is one or more known words of `lang` written together."""
        key = (head, lang)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        result = self._split(head, lang)
        if self._parts is None:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = result
        return result

    def splits_any(self, head: str, langs: Iterable[str]) -> bool:
        return any(self.splits(head, lang) for lang in langs)

    def _split(self, head: str, lang: str) -> bool:
        n = len(head)
        if n < MIN_PART or not head.isalpha():
            return False
        known, extra = self.known(lang), self._extra.get(lang, set())
        if not known and not extra:
            return False
        reached = [False] * (n + 1)
        reached[0] = True
        for i in range(n):
            if not reached[i]:
                continue
            for j in range(i + MIN_PART, min(n, i + MAX_PART) + 1):
                if not reached[j] and _part_ok(head[i:j], lang, known, extra):
                    reached[j] = True
        return reached[n]
