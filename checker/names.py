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
  name is one of `organization.officials` (a surname alone is enough).
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
  performing or a sports feat follows ("esiintyy", "won gold"); or the name is a character or
  a figure everybody knows (rules/names/public_names.txt: "Risto Räppääjä", "Sankta Lucia").
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
GREETINGS = frozenset({
    "hei", "heippa", "moi", "moikka", "terve", "morjens", "kiitos", "kiitokset", "hyvä",
    "rakas", "arvoisa", "hej", "hejsan", "tjena", "hallå", "tack", "bästa", "kära", "hi",
    "hello", "hey", "dear", "thanks", "thank", "you"})
SET_OFF = ",!:?.;"
FAMILY_WORDS = ("perhe", "suku", "familj", "family")
SENTENCE_MARKS = ".!?\n"
# A name right before a word for a work names its maker, an author or a composer, not a private
# person: "Tove Janssons Sommarboken", "Eino Leinon runo", "Anna Lind's song". The next word is
# one of these forms, or a compound ending in one ("Sommarboken", "lastenkirja").
WORK_RE = re.compile(
    r"kirja(?:n|a|t|ssa|sta|ssaan|t|jen|in|ihin|oissa|oista)?|kirjoja|romaani\w*|runo(?:n|a|t|ja|ssa|sta|ihin|issa|jen)?"
    r"|laulu\w*|biisi\w*|kappale\w*|sävellyks\w*|sävellys|musiikki\w*|musiikin|hitti\w*|hiti\w*|levytyks\w*"
    r"|keikka\w*|keikal\w*|keikan|keikat|konsert\w*|kiertue\w*|näyttely\w*|näyttelyy\w*|esitys|esityks\w*"
    r"|elokuvis\w*|sarja(?:n|a|ssa|sta|t)?|tv-sarja\w*|podcast\w*|patsa\w*|patsas|muistomerk\w*|veistos\w*"
    r"|satu(?:ja|jen)|sadut|kirjoittam\w*|säveltäm\w*|ohjaam\w*|esittäm\w*|laulam\w*|maalaam\w*|sanoittam\w*"
    r"|kuvittam\w*|luoma\w*|suunnittelem\w*|kääntäm\w*|tuottam\w*|sovittam\w*|näyttelem\w*"
    r"|utställning\w*|turné\w*|spelning\w*|musik(?:en)?|låt(?:en|ar|arna)?|staty(?:n|er)?|serie(?:n|r)?"
    r"|konserter(?:na)?|böckerna|filmerna"
    r"|concerts?|gigs?|tour|exhibition|show|music|tracks?|singles?|hits|statue|series|podcast|lyrics|novel|paintings"
    r"|levy(?:n|ä|t|jä)?|albumi\w*|elokuva\w*|näytelmä\w*|sinfonia\w*|teos|teokse\w*|maalaus|maalaukse\w*"
    r"|novelli\w*|satu|sadu\w*|ooppera\w*|musikaali\w*"
    r"|bok(?:en)?|böcker(?:na)?|roman(?:en|er|erna)?|dikt(?:en|er|erna|samling\w*)?|sång(?:en|er|erna)?"
    r"|vis(?:a|an|or|orna)|skiv(?:a|an|or)|film(?:en|er|erna)?|pjäs(?:en|er)?|symfoni\w*|målning\w*"
    r"|novell(?:en|er)?|sag(?:a|an|or)|operan?|musikal(?:en)?"
    r"|book|books|novels?|poems?|songs?|albums?|movies?|films?|symphon(?:y|ies)|paintings?|stor(?:y|ies)|musicals?|operas?")
WORK_TAIL_RE = re.compile(r"\w{3,}(?:boken|dikten|sången|visan|kirja|kirjan|runo|runon|laulu|laulun|romaani|romaanin"
                          r"|elokuva\w*|sarja\w*|keikka\w*|konsertti\w*|konserten|filmen|serien|spelet|musikalen)")
# A work or a credit just before a name: the name is its title, a character in it, or its maker
# ("elokuvan Risto Räppääjä", "kirjassa Harry Potter", "a song by Anna Lind", "skriven av Tove
# Jansson", "Kuva: Anna Virtanen", "pääosassa", "starring").
WORK_BEFORE_RE = re.compile(
    r"\w*(?:elokuva|kirja|romaani|sarja|satu|sadu|peli|näytelmä|ooppera|musikaali|hahmo|päähenkilö|sankari)\w*"
    r"|\w*(?:filmen|boken|romanen|serien|sagan|spelet|pjäsen|operan|musikalen|figuren|karaktär\w*|huvudperson\w*)"
    r"|film|films|movie|book|novel|series|show|game|play|opera|musical|character|hero|heroine"
    r"|pääosassa|pääosissa|huvudrollen|starring|featuring|feat|ft|esiintyy|esiintyvät|esittää|laulaa|tähdittää"
    r"|uppträder|sjunger")
# A verb of making right before a name, after a work ("Kirjan kirjoitti Tove Jansson", "the song was
# written by", "boken av"): "av" and "by" alone need the work or a participle of making before them.
MAKE_VERB_RE = re.compile(
    r"kirjoittanut|säveltänyt|ohjannut|sanoittanut|maalannut|kirjoitti|sävelsi|ohjasi|sanoitti|maalasi|kuvitti"
    r"|skrev|skrivit|komponerade|regisserade|målade|wrote|composed|directed|painted|by|av")
MADE_BY_RE = re.compile(r"\w*(?:skriv|skrev|komponer|tonsat|regisser|sjung|framför|målad|illustrer|översat|gjord)\w*"
                        r"|written|directed|composed|sung|performed|painted|illustrated|translated|produced|created|made")
CREDIT_RE = re.compile(r"(?:^|\n)\s*(?:kuva|kuvat|kuvaaja|valokuva|teksti|sanat|sävel|säv|musiikki|sovitus|ohjaus|kuvitus"
                       r"|foto|bild|bilder|fotograf|text|musik|regi|illustration|photo|photos|picture|words|lyrics"
                       r"|music|director|credit|credits)\s*:\s*$", re.I)
# What follows a name that makes it a public person: life years, a performance, a sports feat.
LIFE_YEARS_RE = re.compile(r"\s*\((?:s\.|f\.|b\.|born|född|syntynyt|\*)?\s*\d{4}\s*(?:[–—-]\s*(?:\d{4})?)?\s*\)")
PERFORM_RE = re.compile(
    r"esiinty(?:y|i|vät|ivät|mään|mässä|minen|misen)|konsertoi\w*|keikkailee|keikkaili|tähdittä\w*|tähditti"
    r"|uppträd\w*|framträd\w*|turnerar|performs|performed|performing|headlines?|headlined|stars|starred"
    r"|(?:mm-|em-|sm-|vm-|os-|olympia|maailmanmestaruus)?(?:kulta|kultaa|kultamitali\w*|mitali\w*|pronssi\w*)"
    r"|(?:vm-|em-|os-|sm-)?(?:guld|guldet|medalj\w*|brons\w*)|gold|medals?|bronze|scored|hat-trick|hattutemppu\w*"
    r"|voittomaali\w*|olympia\w*|olympic\w*|olympiska|mestaruu\w*|maailmanmestar\w*|världsmästar\w*"
    r"|championships?")
# Citing a person as an authority: "kuten X sanoi", "som X skrev", "as X said", "X:n sanoin".
CITE_BEFORE = frozenset({"kuten", "niinkuin", "som", "as", "like"})
CITE_VERB_RE = re.compile(
    r"sano(?:i|o|nut|taan)|totesi|totesikin|kirjoitti|lauloi|laulaa|opetti|runoili|sa|sade|sagt|säger|skrev|skriver"
    r"|sjöng|sjunger|said|says|wrote|writes|put|sang|sings|once|taught")
# A copula between a name and the role it is: "X on (suomalainen) kirjailija", "X är en känd artist"
COPULA = frozenset({"on", "oli", "ovat", "olivat", "är", "var", "blev", "is", "was", "became", "s"})
# Something private told with a single first name at the start of a sentence, or standing just
# before a name so that no public sign counts: a class, a neighbour, a relative.
CLASS_RE = re.compile(r"\d{1,2}[a-zåäö]|luoka\w*|luokka\w*|klass\w*|class|grade|year")
NEIGHBOUR_RE = re.compile(r"naapuri\w*|grann\w*|neighbou?r\w*|next-door|kaveri\w*|kompis\w*|vän|vännen|friend\w*"
                          r"|työkaveri\w*|kolleg\w*|colleague\w*|luokkakaveri\w*|klasskompis\w*")
RELATIVE_RE = re.compile(
    r"vaimo\w*|mie(?:s|hen|heltä|helle)|poika\w*|poja\w*|tytär|tyttäre\w*|tyttö\w*|äiti\w*|isä\w*|lapsi|lapse\w*"
    r"|lapset|veli|velje\w*|sisko\w*|sisar\w*|mummo\w*|mummi\w*|ukki\w*|pappa\w*|äijä|akka|ex\w*|avo\w*"
    r"|fru(?:n)?|man(?:nen)?|son(?:en)?|dotter|dottern|mamma\w*|barn(?:en)?|bror(?:n)?|syster(?:n)?|sambo\w*"
    r"|wife|husband|son|daughter|mum|mom|dad|kids?|brother|sister|boyfriend|girlfriend|partner")
# A ruler's number or epithet after a name: "Kustaa III", "Pietari Suuri", "Peter the Great"
ROMAN_RE = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
EPITHETS = frozenset({"suuri", "suuren", "suurta", "store", "stora", "great", "magnus"})
# A degree or a title of office before a name in an appointment: "FM Elina Grönroos", "Dr Smith"
DEGREE_RE = re.compile(r"FM|FT|FL|FK|KTM|KTT|KM|TM|DI|TkT|TkL|LL|OTM|VTM|VTT|YTM|HTM|HTK|MSc|MA|PhD|Dr|Prof|fil|mag|ekon"
                       r"|dr|prof")
# A Finnish agent noun or a Swedish one in -are right before a name is a role: "rahastonhoitaja
# Koskinen", "isännöitsijä Virtanen", "läraren Erik" (a relative or a neighbour is not: checked first)
AGENT_RE = re.compile(r"\w{3,}(?:aja|äjä|ija|ijä|uja|yjä)|\w{3,}aren?")
TAG_BEFORE_RE = re.compile(r"@[^\W\d_][\w.-]* $")     # "@Mats " before "Nyberg"
POLITICS_RE = re.compile(
    r"äänest\w*|valtuusto\w*|valtuute\w*|lautakun\w*|kokou\w*|pöytäkirj\w*|kokouspöytäkirj\w*|päätöks\w*|päätös"
    r"|budjet\w*|talousarvi\w*|kaupunginhallitu\w*|kunnanhallitu\w*|puolue\w*|vaali\w*|ehdok\w*|poliitik\w*"
    r"|luottokort\w*|veronmaksaj\w*|tarjouskilpailu\w*|kaavoitu\w*|kaava\w*"
    r"|fullmäktig\w*|nämnd\w*|stadsstyrelse\w*|omröstning\w*|röst\w*|beslut\w*|budget\w*|parti\w*|politiker\w*"
    r"|skattebetalar\w*|upphandling\w*|kreditkort\w*|sammanträde\w*|protokoll\w*"
    r"|council\w*|committee\w*|vot(?:e|es|ed|ing)|election\w*|budget\w*|party|politician\w*|taxpayer\w*"
    r"|tender\w*|minutes|mandate")
POLITICS_REACH = 12
EXCLAIMS = frozenset({"mikä", "mitä", "millainen", "vilken", "vilket", "en"})
EXCLAIM_REACH = 12
PLACE_WORDS = frozenset({"från", "i", "på", "in", "from", "at", "of"})
INITIAL_RE = re.compile(r"\s[A-ZÅÄÖ]\.(?=\s|$)")
QUOTES = "\"“”„«»"
BREAK_RE = re.compile(r"[,;()]|:(?!\w)")      # a comma, a bracket or a colon, not ":n" of "SDP:n"
# How far the checks around a name look, in characters: each name costs the same in a long text.
CREDIT_REACH, QUOTE_REACH, OPENING_REACH = 40, 120, 80
QUOTED_TITLE_WORDS = 8          # a quoted stretch of at most this many words is a title or a phrase


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


def _data_lines(filename: str) -> list[str]:
    text = (resources.files("somecheck_rules") / "names" / filename).read_text(encoding="utf-8")
    return [line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def public_roles() -> re.Pattern[str]:
    """One expression for the role words of rules/names/public_roles.txt (word patterns)."""
    return re.compile("|".join(re.escape(p).replace(r"\*", r"[\w'’-]*") for p in _data_lines("public_roles.txt")))


@lru_cache(maxsize=1)
def public_names() -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """rules/names/public_names.txt by the first three letters of each word: (the entry's words,
    the word's place in it)."""
    index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for line in _data_lines("public_names.txt"):
        words = tuple(line.split())
        for position, word in enumerate(words):
            index.setdefault(word[:3], []).append((words, position))
    return {key: tuple(value) for key, value in index.items()}


@lru_cache(maxsize=16)
def _official_names(officials: tuple[str, ...]) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for official in officials:
        parts = official.lower().split()
        for i, part in enumerate(parts):
            table.setdefault(part, set()).add("last" if i == len(parts) - 1 and i > 0 else "first")
    return {name: frozenset(kinds) for name, kinds in table.items()}


# English writes months with a capital, and some are also first names ("in May", "August"):
# these are never read as names (the Swedish names August and May are lost with them).
NOT_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december"})


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
    found = _read(lower, officials)
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


def _adjacent(doc: Document, left: Token, right: Token) -> bool:
    return doc.text[left.end:right.start] in (" ", "-", "\u00a0")


def _sentence_start(text: str, index: int) -> bool:
    """Only quotes, brackets, dashes or spaces stand between a sentence end and `index`."""
    i = index
    while i > 0 and not text[i - 1].isalnum() and text[i - 1] not in SENTENCE_MARKS:
        i -= 1
    return i == 0 or text[i - 1] in SENTENCE_MARKS


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
               and _adjacent(doc, tokens[run[-1]], tokens[run[-1] + 1])):
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
            if read[last] is None and _sentence_start(text, tokens[last].start):
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
        if found and (not _sentence_start(text, tokens[index].start) or _family(doc, index, found)
                      or ("first" in found[1] and _private_marked(doc, index))):
            result.append(_name(doc, org, index, index, found[0], full=False, surname="first" not in found[1]))
        elif found and len(run) == 1 and _addressed(doc, index, index):
            result.append(_name(doc, org, index, index, found[0], full=False))
    return result


def _family(doc: Document, index: int, found: tuple[str, frozenset[str]]) -> bool:
    """A surname naming a family: "Virtasen perhe", "Salon perheeseen", "Lindholms familj"."""
    tokens = doc.tokens
    return ("last" in found[1] and index + 1 < len(tokens) and _adjacent(doc, tokens[index], tokens[index + 1])
            and tokens[index + 1].lower.startswith(FAMILY_WORDS))


def _name(doc: Document, org: Organization, first: int, last: int, base: str, *, full: bool,
          surname: bool = False) -> Name:
    tokens = doc.tokens
    listed = _public_name(doc, first) or (surname and _politics(doc, first))   # "Äiti Teresa", "Nyberg ... äänestys"
    told_private = not listed and _private_before(doc, first)     # "naapurin Matti": no public sign counts
    return Name(tokens[first].start, tokens[last].end, first, last, base, full,
                role=_in_role(doc, org, first, last, base),
                addressed=_addressed(doc, first, last),
                maker=not told_private and _maker(doc, first, last),
                public=listed or (not told_private and _public(doc, first, last)))


def _politics(doc: Document, index: int) -> bool:
    """A word of council politics in the sentence of a surname named alone: a trustee or an official
    spoken of by surname, as politicians are ("Holmström otti kirjekuoren ennen äänestystä")."""
    left, right = _near(doc, index, index, POLITICS_REACH, POLITICS_REACH)
    return any(POLITICS_RE.fullmatch(doc.tokens[k].lower) for k in left + right)


def _private_before(doc: Document, first: int) -> bool:
    """A neighbour, a friend or a relative right before the name ("naapurin Matin", "my neighbour
    Tyler", "vaimo Anna"): a private person, whatever else is said of them."""
    if first == 0 or not _adjacent_words(doc, first - 1, first):
        return False
    word = doc.tokens[first - 1].lower
    return bool(NEIGHBOUR_RE.fullmatch(word) or RELATIVE_RE.fullmatch(word))


def _between(doc: Document, left: int, right: int) -> str:
    """The text between two tokens."""
    return doc.text[doc.tokens[left].end:doc.tokens[right].start]


def _near(doc: Document, first: int, last: int, before: int, after: int) -> tuple[list[int], list[int]]:
    """Up to `before` tokens before the name and `after` tokens after it, nearest first, within
    its sentence."""
    tokens, text = doc.tokens, doc.text
    left: list[int] = []
    for k in range(first - 1, max(-1, first - 1 - before), -1):
        if any(mark in text[tokens[k].end:tokens[first].start] for mark in SENTENCE_MARKS):
            break
        left.append(k)
    right: list[int] = []
    for k in range(last + 1, min(len(tokens), last + 1 + after)):
        if any(mark in text[tokens[last].end:tokens[k].start] for mark in SENTENCE_MARKS):
            break
        right.append(k)
    return left, right


def _maker(doc: Document, first: int, last: int) -> bool:
    """Whether the name is the maker of a work or the title of one: a work or an event right after
    it ("Leinon runo", "Janssons Sommarboken", "Aallon keikka", "Leinon kirjoittama"), a work or a
    credit just before it ("elokuvan Risto Räppääjä", "Kuva: Anna Virtanen"), or a verb of making
    after a work ("Kirjan kirjoitti Tove Jansson", "a song by Anna Lind", "skriven av")."""
    tokens = doc.tokens
    left, right = _near(doc, first, last, 4, 1)
    if right and not any(mark in _between(doc, last, right[0]) for mark in ",;:"):
        word = tokens[right[0]].lower
        if WORK_RE.fullmatch(word) or WORK_TAIL_RE.fullmatch(word):
            return True
    line_start = _line_start(doc, tokens[first].start)
    if tokens[first].start - line_start <= CREDIT_REACH and CREDIT_RE.search(
            doc.text[max(line_start - 1, 0):tokens[first].start]):
        return True
    if not left or any(mark in _between(doc, left[0], first) for mark in ",;"):
        return False
    if WORK_BEFORE_RE.fullmatch(tokens[left[0]].lower) or (len(left) > 1 and WORK_BEFORE_RE.fullmatch(
            tokens[left[1]].lower) and not tokens[left[0]].lower[:1].isdigit()):
        return True
    if MAKE_VERB_RE.fullmatch(tokens[left[0]].lower):
        earlier = [tokens[k].lower for k in left[1:]]
        return any(WORK_RE.fullmatch(w) or WORK_TAIL_RE.fullmatch(w) or WORK_BEFORE_RE.fullmatch(w)
                   or MADE_BY_RE.fullmatch(w) for w in earlier)
    return False


def _public(doc: Document, first: int, last: int) -> bool:
    """Whether the text marks the named person as public (see the module's doc)."""
    tokens, text = doc.tokens, doc.text
    left, right = _near(doc, first, last, 2, 5)
    if LIFE_YEARS_RE.match(text, tokens[last].end) or tokens[last].lower in EPITHETS:
        return True             # "Tove Jansson (1914–2001)", "Pietari Suuri"
    if right and _adjacent_words(doc, last, right[0]) and (
            tokens[right[0]].lower in EPITHETS or tokens[right[0]].lower == "sanoin"
            or (ROMAN_RE.fullmatch(text[tokens[right[0]].start:tokens[right[0]].end]))):
        return True             # "Kustaa III", "Katariina Suuri", "Gustav den store", "Leinon sanoin"
    roles = public_roles()
    for n, k in enumerate(left):    # "laulaja Jari Sillanpää", "kokoomuksen kansanedustaja X"
        if BREAK_RE.search(_between(doc, k, first)):
            break
        if roles.fullmatch(tokens[k].lower) or (n == 0 and (DEGREE_RE.fullmatch(text[tokens[k].start:tokens[k].end])
                                                            or AGENT_RE.fullmatch(tokens[k].lower))):
            return True
    if left and tokens[left[0]].lower in CITE_BEFORE and any(CITE_VERB_RE.fullmatch(tokens[k].lower)
                                                             for k in right[:3]):
        return True             # "kuten Mannerheim sanoi", "som Astrid Lindgren skrev"
    for n, k in enumerate(right):
        word = tokens[k].lower
        between = _between(doc, last, k)
        if any(mark in between for mark in ";:("):
            break
        if n < 5 and PERFORM_RE.fullmatch(word):
            return True         # "Saara Aalto esiintyy", "X voitti kultaa", "Y won gold"
        if roles.fullmatch(word) and ("," in between or "–" in between
                                      or any(tokens[j].lower in COPULA for j in right[:min(n, 2)])):
            return True         # "Tove Jansson, kirjailija", "X on suomalainen kirjailija"
        if "," in between and n > 2:
            break
    if _exclaimed_role(doc, last):
        return True             # "Kimi Räikkönen oli Hangossa, mikä legenda"
    return _quoted_title(doc, first, last)


def _exclaimed_role(doc: Document, last: int) -> bool:
    """A role exclaimed later in the sentence: "mikä legenda", "vilken artist", "what a player"."""
    tokens, roles = doc.tokens, public_roles()
    _, right = _near(doc, last, last, 0, EXCLAIM_REACH)
    return any(tokens[k].lower in EXCLAIMS and k + 1 < len(tokens) and roles.fullmatch(tokens[k + 1].lower)
               for k in right[:-1]) or any(
        tokens[k].lower in ("what", "such") and k + 2 < len(tokens) and tokens[k + 1].lower in ("a", "an")
        and roles.fullmatch(tokens[k + 2].lower) for k in right[:-2])


def _public_name(doc: Document, first: int) -> bool:
    """Whether the name is part of an entry of rules/names/public_names.txt written in the text."""
    tokens = doc.tokens
    word = tokens[first].lower
    for words, position in public_names().get(word[:3], ()):
        start = first - position
        if start < 0 or start + len(words) > len(tokens):
            continue
        if all(_entry_word(tokens[start + j].lower, w, j == len(words) - 1) for j, w in enumerate(words)) and all(
                tokens[start + j].line == tokens[start].line for j in range(len(words))):
            return True
    return False


def _entry_word(found: str, entry: str, last: bool) -> bool:
    """A word of the text stands for an entry's word: as written, or the last word inflected."""
    if found == entry:
        return True
    return last and len(entry) >= 4 and found.startswith(entry[:-2]) and len(found) <= len(entry) + 5


def _quoted_title(doc: Document, first: int, last: int) -> bool:
    """Whether the name stands inside quote marks around a few words: a title ("”Risto Räppääjä ja
    Sevillan saituri”") or a short phrase, not someone's words."""
    text, tokens = doc.text, doc.tokens
    start, end = tokens[first].start, tokens[last].end
    line_start = max(_line_start(doc, start), start - QUOTE_REACH)
    line_end = text.find("\n", end, end + QUOTE_REACH)
    line_end = min(len(text), end + QUOTE_REACH) if line_end < 0 else line_end
    before = text[line_start:start]
    opened = max(before.rfind(q) for q in QUOTES)
    if opened < 0 or sum(before.count(q) for q in QUOTES) % 2 == 0:
        return False
    after = text[end:line_end]
    closes = [i for i in (after.find(q) for q in QUOTES) if i >= 0]
    if not closes:
        return False
    inside = before[opened + 1:] + text[start:end] + after[:min(closes)]
    return len(inside.split()) <= QUOTED_TITLE_WORDS


def _private_marked(doc: Document, index: int) -> bool:
    """A single first name at the start of a sentence told with something private: a class
    ("Emma 5B:ltä"), an initial ("Ville H."), a neighbour ("Matti naapurista") or a relative
    ("Matin vaimo")."""
    tokens, text = doc.tokens, doc.text
    if INITIAL_RE.match(text, tokens[index].end):
        return True
    if index + 1 >= len(tokens) or not _adjacent_words(doc, index, index + 1):
        return False
    word = tokens[index + 1].lower
    if word in PLACE_WORDS and index + 2 < len(tokens) and _adjacent_words(doc, index + 1, index + 2):
        word = tokens[index + 2].lower          # "Erik från klassen bredvid", "Tyler from next door"
        return bool(CLASS_RE.fullmatch(word) or NEIGHBOUR_RE.fullmatch(word) or word == "next")
    return bool(CLASS_RE.fullmatch(word) or NEIGHBOUR_RE.fullmatch(word)
                or (tokens[index].lower.endswith(("n", "s", "'s")) and RELATIVE_RE.fullmatch(word)))


def _line_start(doc: Document, index: int) -> int:
    return doc.line_starts[doc.line_of(index)]


def _adjacent_words(doc: Document, left: int, right: int) -> bool:
    """Only spaces stand between two tokens."""
    return not _between(doc, left, right).strip()


def _in_role(doc: Document, org: Organization, first: int, last: int, base: str) -> bool:
    officials = org.officials
    if base in officials or (" " not in base and any(o.split()[-1] == base for o in officials)):
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


def _addressed(doc: Document, first: int, last: int) -> bool:
    """Whether the name is the person spoken to (see the module's doc)."""
    tokens, text = doc.tokens, doc.text
    start, end = tokens[first].start, tokens[last].end
    line_start = _line_start(doc, start)
    near = start - line_start <= OPENING_REACH         # a greeting of three words at most
    before = text[line_start:start] if near else ""
    words_before = [w.lower() for w in re.findall(r"[^\W\d_]+", before)]
    opening = near and all(w in GREETINGS for w in words_before) and len(words_before) <= 3
    rest = text[end:end + OPENING_REACH]
    after = rest.lstrip(" \u00a0")
    set_off = not after or after[0] in SET_OFF + "\n" or not after[0].isalnum()
    greeted = bool(words_before) and before.rstrip()[-1:].isalpha()   # not "Hei, Matti ..."
    if opening and (set_off or greeted):      # "Anna, ..." / "Kiitos Anna hyvästä ..."
        return True
    # A tagged person, "@Mats Nyberg puhut taas ...": the handle's first word is the first name
    if TAG_BEFORE_RE.search(text, max(0, start - 40), start):
        return True
    # A reply that opens with the tagged name of the one it answers, the way Facebook writes it:
    # "Matti Virtanen Kyllä, kirjasto on auki." (a full name, then a new sentence with no mark)
    if not before.strip() and last > first and after[:1].isupper() and not rest[:1].isalnum():
        return True
    # "Kiitos kysymyksestä, Anna." / "Tack, Erik!": after a comma, closing the sentence
    closing = not after or after[0] in ".!?\n" or (not after[0].isalnum() and not after[0].isspace())
    return before.rstrip().endswith(",") and closing
