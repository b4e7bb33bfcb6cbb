"""The person-name signal: where a text names a person, and in what way.

    from checker.names import person_names
    for name in person_names(doc, org, english_lines):   # a Document, the pack's Organization
                                                          # and the lines written in English
        name.start, name.end                 # string indices of the whole name
        name.full                            # a first name with a surname ("Anna Virtasen")
        name.role                            # an official named in their role
        name.addressed                       # the person spoken to ("Kiitos, Anna!")
        name.private                         # neither: a private person is named

    from checker.names import read_name
    read_name("Virtaselle")                  # ("virtanen", frozenset({"last"}))
    read_name("Kevin's", english=True)       # ("kevin", frozenset({"first"}))

Names are the Finnish and Swedish first names and surnames shipped with the bundled pack
(rules/names/*.txt, see NOTICE.md) with the spoken pet forms of first names ("Roffe", "Jaska",
rules/names/nicknames.txt), common English first names on lines written in English
(an English name is innocent elsewhere: it may be a Finnish or Swedish word), and the
organization's officials (pack.yaml
`organization.officials`), read back from their inflected forms: Finnish case endings
("Annalle", "Virtasen", "Mikon" with consonant gradation), the Swedish and English genitive
("Annas", "Anna's"). A name is written with a capital and small letters; @handles and
hashtags are not names.

- A **full name** is a known first name followed by a surname, known or not ("Anna
  Korpela"), as one run of capitalized words.
- A **single** known first name or surname counts inside a sentence only: at the start of
  a sentence every word has a capital, and many names are also words ("Satu", "Koski"). A
  surname before a word for family counts there too ("Virtasen perhe muutti ...").
- The spoken Finnish order, surname in the genitive and then the first name ("Virtasen
  Markulta"), is a full name.
- **Role**: a title of `organization.titles` stands just before the name ("kaupunginjohtaja
  Anna Virtanen", "rektor Lind") or just after it ("Anna Virtanen, kaupunginjohtaja"), or the
  name is one of `organization.officials` (a surname alone is enough), or the city unit the
  person works in follows the name ("Petra från kulturen", "Sanna kulttuuritoimesta").
- **Addressed**: the name opens the text or a line after a greeting ("Hei Anna", "Tack
  Erik för frågan"), or opens it set off by punctuation ("Anna, ...") or alone; or it
  closes a sentence after a comma ("Kiitos kysymyksestä, Anna.").
- **Maker** of a work: a work or an event follows the name ("Eino Leinon runo", "Saara Aallon
  keikka", "Leinon kirjoittama"), a work or a credit comes just before it ("elokuvan Risto
  Räppääjä", "a song by Anna Lind", "skriven av", "Kuva: Anna Virtanen"), or a verb of
  writing or performing stands right before it ("Kirjan kirjoitti Tove Jansson").
- **Public**: the text marks the person as public, not private. A role or title of public
  life (rules/names/public_roles.txt: singer, author, athlete, president, king, a party's
  name) stands just before the name, after it behind a comma, or is what the name "is"
  ("X on suomalainen kirjailija"); life years follow it ("(1865–1957)"); the name stands in a
  short quoted title or is cited ("kuten X sanoi", "som X skrev", "as X said"); a verb of
  performing or a sports feat follows ("esiintyy", "won gold"); fans hail the person at the end
  of the sentence or the next ("Get well soon legend"); or the name is a character or
  a figure everybody knows (rules/names/public_names.txt: "Risto Räppääjä", "Sankta Lucia"),
  or a character named right after a well-known work (rules/names/works.txt: "Tuntemattomassa
  sotilaassa Lahtinen").
- A single first name at the start of a sentence counts when something private is told with
  it: a school class ("Emma 5B:ltä"), an initial for the surname ("Ville H."), a neighbour
  ("Matti naapurista") or a relative ("Matin vaimo").

The signal is computed once per document and organization and shared by every rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from checker.namesigns import (adjacent, from_unit, maker, politics, private_before,
                               private_marked, public, public_name)
from checker.addressed import addressed as _addressed
from checker.notpersons import animal, hyphen_compound
from checker.sentences import sentence_start
from checker.text import Document, Token

if TYPE_CHECKING:       # only a type here: the kinds import this module
    from checker.model import Organization

KINDS = ("first", "last")
NICKNAMES = "nicknames.txt"     # pet forms of first names ("Roffe", "Jaska"), read as first names
# Finnish case and clitic endings a person's name takes (the inessive -ssa and illative of
# places are left out on purpose), the genitive of Swedish and English; longest first.
FI_ENDINGS = ("kaan", "kään", "lle", "lla", "llä", "lta", "ltä", "ksi", "kin", "sta", "stä",
              "na", "nä", "ta", "tä", "an", "en", "in", "on", "un", "yn", "än", "ön", "n", "a", "ä")
GENITIVE = ("'s", "’s", ":n", ":lle", ":lla", ":lta", ":ta", ":tä", "s")
# -nen surnames: Virtanen -> Virtasen, Virtaselle, Virtasta, Virtaset.
NEN_RE = re.compile(r"^(.+)s(?:e(?:n|lla|llä|lle|lta|ltä|ksi|en|na|nä|t)?|ta|tä|ia|iä|ten|ille|illa|illä|ilta|iltä)$")
GRADATION = "kpt"
VOWELS = "aeiouyäö"
TITLE_WINDOW = 2          # words between a title and the name it belongs to, at most
FAMILY_WORDS = ("perhe", "suku", "familj", "family")
@dataclass(frozen=True, slots=True)
class Name:
    """A person named in the text."""

    start: int
    end: int
    first_token: int
    last_token: int
    base: str            # the name read back to its dictionary form, lower case
    full: bool
    role: bool
    addressed: bool
    maker: bool = False   # the maker of a work named right after ("Tove Janssons Sommarboken")
    public: bool = False  # marked as a public person or a character ("laulaja Jari Sillanpää")

    @property
    def private(self) -> bool:
        """A private person is named: not an official in their role, not the one addressed, not
        the maker of a work, not a public person or a character."""
        return not self.role and not self.addressed and not self.maker and not self.public


# --- the lists -------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def shipped_names() -> dict[str, frozenset[str]]:
    """Lower-cased name -> its kinds ("first", "last"), from rules/names/*.txt."""
    folder = resources.files("somecheck_rules") / "names"
    table: dict[str, set[str]] = {}
    for lang in ("fi", "sv"):
        for kind in KINDS:
            text = (folder / f"{lang}_{kind}.txt").read_text(encoding="utf-8")
            for line in text.splitlines():
                name = line.strip()
                if name and not name.startswith("#"):
                    table.setdefault(name.lower(), set()).add(kind)
    for line in (folder / NICKNAMES).read_text(encoding="utf-8").splitlines():
        name = line.strip()
        if name and not name.startswith("#"):
            table.setdefault(name.lower(), set()).add("first")
    return {name: frozenset(kinds) for name, kinds in table.items()}


@lru_cache(maxsize=1)
def english_names() -> frozenset[str]:
    """Lower-cased English first names, from rules/names/en_first.txt."""
    text = (resources.files("somecheck_rules") / "names" / "en_first.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=16)
def _official_names(officials: tuple[str, ...]) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for official in officials:
        parts = official.lower().split()
        for i, part in enumerate(parts):
            table.setdefault(part, set()).add("last" if i == len(parts) - 1 and i > 0 else "first")
    return {name: frozenset(kinds) for name, kinds in table.items()}


# English months with a capital, some first names too ("in May", "August"), and "This" (a genitive
# of Thi): never read as names (the Swedish names August and May are lost with them).
NOT_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december", "this"})


def _kinds(word: str, officials: tuple[str, ...]) -> frozenset[str]:
    if word in NOT_NAMES:
        return frozenset()
    found = shipped_names().get(word, frozenset())
    return found | _official_names(officials).get(word, frozenset()) if officials else found


@lru_cache(maxsize=50_000)
def _read(word: str, officials: tuple[str, ...]) -> tuple[str, frozenset[str]] | None:
    for candidate in _candidates(word):
        kinds = _kinds(candidate, officials)
        if kinds:
            return candidate, kinds
    return None


FIRST = frozenset({"first"})


def _read_english(word: str) -> tuple[str, frozenset[str]] | None:
    """An English first name as written or with the genitive "'s" ("Kevin's")."""
    table = english_names()
    for candidate in (word, word[:-2] if word.endswith(("'s", "’s")) else ""):
        if candidate in table and candidate not in NOT_NAMES:
            return candidate, FIRST
    return None


def read_name(word: str, officials: tuple[str, ...] = (), *,
              english: bool = False) -> tuple[str, frozenset[str]] | None:
    """A word read as a name: (its dictionary form in lower case, its kinds), or None.

    The word as written is tried first, then with an ending taken off, consonant
    gradation undone (Mikon -> Mikko, Antin -> Antti) and -nen restored (Virtasen).
    With `english` (the word stands on a line written in English) English first names
    count too."""
    lower = word.lower()
    found = None if lower in NOT_NAMES else _read(lower, officials)
    if found is None and english:
        found = _read_english(lower)
    return found


def _candidates(word: str) -> list[str]:
    result = [word]
    for ending in GENITIVE:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            result.append(word[:-len(ending)])
    nen = NEN_RE.match(word)
    if nen:
        result.append(nen.group(1) + "nen")
    for ending in FI_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[:-len(ending)]
            result.append(stem)
            if len(stem) >= 3 and stem[-2] in GRADATION and stem[-3] != stem[-2]:
                result.append(stem[:-1] + stem[-2] + stem[-1])      # Mikon -> Mikko
            if stem.endswith("e"):
                result.append(stem[:-1] + "i")                      # Niemen -> Niemi
            if stem[-1] in VOWELS and stem[-1] == stem[-2]:
                result.append(stem[:-1])                            # Laineelle -> Laine
    return result


# --- finding names in a document -------------------------------------------------------------

_FOUND: WeakKeyDictionary[Document, tuple[Organization, frozenset[int], list[Name]]] = WeakKeyDictionary()


def person_names(doc: Document, org: Organization, english_lines: frozenset[int] = frozenset()) -> list[Name]:
    """Every person named in the document, in text order (cached per document).

    `english_lines` are the line numbers written in English, where English first names count."""
    cached = _FOUND.get(doc)
    if cached is not None and cached[0] is org and cached[1] == english_lines:
        return cached[2]
    names = list(_find(doc, org, english_lines))
    _FOUND[doc] = (org, english_lines, names)
    return names


def english_lines(doc: Document, allows: Callable[[int, str], bool]) -> frozenset[int]:
    """The numbers of the lines where `allows(line, "en")`: where English first names count."""
    return frozenset(line for line in range(len(doc.line_starts)) if allows(line, "en"))


def _word(doc: Document, token: Token) -> str:
    return doc.text[token.start:token.end]


def _capitalized(word: str) -> bool:
    return (len(word) >= 3 and word[0].isupper() and word[0] != "@"
            and any(ch.islower() for ch in word[1:]))


def _find(doc: Document, org: Organization, english_lines: frozenset[int]) -> list[Name]:
    tokens, text = doc.tokens, doc.text
    officials = org.officials
    read: list[tuple[str, frozenset[str]] | None] = []
    capital: list[bool] = []
    for token in tokens:
        is_cap = False
        if text[token.start].isupper():           # most words are not: decided without a slice
            word = _word(doc, token)
            is_cap = _capitalized(word) and text[token.start - 1:token.start] != "#"
        capital.append(is_cap)
        read.append(read_name(word, officials, english=token.line in english_lines) if is_cap else None)
    names: list[Name] = []
    i = 0
    while i < len(tokens):
        if not capital[i]:
            i += 1
            continue
        run = [i]
        while (run[-1] + 1 < len(tokens) and len(run) < 4 and capital[run[-1] + 1]
               and adjacent(doc, tokens[run[-1]], tokens[run[-1] + 1])):
            run.append(run[-1] + 1)
        names += _names_in_run(doc, org, run, read)
        i = run[-1] + 1
    return names


def _names_in_run(doc: Document, org: Organization, run: list[int],
                  read: list[tuple[str, frozenset[str]] | None]) -> list[Name]:
    """The names in one run of capitalized words next to each other."""
    tokens, text = doc.tokens, doc.text
    for position, index in enumerate(run[:-1]):
        found = read[index]
        if found and "first" in found[1]:
            last = run[position + 1]
            while last + 1 in run and read[last + 1] and "last" in read[last + 1][1]:
                last += 1          # "Anna-Maija Virtanen", "Anna Lind Virtanen"
            if read[last] is None and sentence_start(text, tokens[last].start):
                continue
            bases = [read[k][0] if read[k] else text[tokens[k].start:tokens[k].end].lower()
                     for k in range(index, last + 1)]
            return [_name(doc, org, index, last, " ".join(bases), full=True)]
    for index, nxt in zip(run, run[1:]):      # spoken order, surname first: "Virtasen Markulta"
        if read[index] and "last" in read[index][1] and read[nxt] and "first" in read[nxt][1]:
            return [_name(doc, org, index, nxt, f"{read[nxt][0]} {read[index][0]}", full=True)]
    result = []
    for index in run:
        found = read[index]
        if not found or hyphen_compound(doc, index, read) or animal(doc, index):
            continue
        if (not sentence_start(text, tokens[index].start) or _family(doc, index, found)
                or ("first" in found[1] and private_marked(doc, index))):
            result.append(_name(doc, org, index, index, found[0], full=False, surname="first" not in found[1]))
        elif len(run) == 1 and _addressed(doc, index, index):
            result.append(_name(doc, org, index, index, found[0], full=False))
    return result


def _family(doc: Document, index: int, found: tuple[str, frozenset[str]]) -> bool:
    """A surname naming a family: "Virtasen perhe", "Salon perheeseen", "Lindholms familj"."""
    tokens = doc.tokens
    return ("last" in found[1] and index + 1 < len(tokens) and adjacent(doc, tokens[index], tokens[index + 1])
            and tokens[index + 1].lower.startswith(FAMILY_WORDS))


def _name(doc: Document, org: Organization, first: int, last: int, base: str, *, full: bool,
          surname: bool = False) -> Name:
    tokens = doc.tokens
    listed = public_name(doc, first) or (surname and politics(doc, first))   # "Äiti Teresa", "Nyberg ... äänestys"
    told_private = not listed and private_before(doc, first)     # "naapurin Matti": no public sign counts
    return Name(tokens[first].start, tokens[last].end, first, last, base, full,
                role=_in_role(doc, org, first, last, base),
                addressed=_addressed(doc, first, last),
                maker=not told_private and maker(doc, first, last),
                public=listed or (not told_private and public(doc, first, last)))


def _in_role(doc: Document, org: Organization, first: int, last: int, base: str) -> bool:
    officials = org.officials
    if base in officials or (" " not in base and any(o.split()[-1] == base for o in officials)):
        return True
    if from_unit(doc, last):
        return True
    if not org.titles:
        return False
    tokens, text = doc.tokens, doc.text
    nearby = [k for k in range(first - TITLE_WINDOW, first) if k >= 0]
    after = [k for k in range(last + 1, last + 1 + TITLE_WINDOW) if k < len(tokens)]
    for k in nearby + after:
        between = (text[tokens[k].end:tokens[first].start] if k < first
                   else text[tokens[last].end:tokens[k].start])
        if any(mark in between for mark in ".!?\n"):
            continue
        if any(_title_matches(tokens[k].lower, pattern) for pattern in org.titles):
            return True
    return False


def _title_matches(word: str, pattern: str) -> bool:
    return fnmatchcase(word, pattern) if "*" in pattern else word == pattern
