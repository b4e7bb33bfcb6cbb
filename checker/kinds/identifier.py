"""`identifier`: personal data written out: ID codes, bank accounts, phone numbers, e-mail
and street addresses.

    kind: identifier
    types: [personal_id, iban]   # any of: personal_id, iban, phone, email, street_address

- `personal_id`: a Finnish henkilötunnus ("131052-308T", also the 2023 century signs
  Y X W V U and B C D E F, and temporary numbers 900-999) or a Swedish personnummer /
  samordningsnummer ("811228-9874", "19811228-9874", "198112289874", "811228+9874"; a bare
  ten-digit "8112289874" is not read, it is too often another number);
- `iban`: an IBAN of any country, with or without spaces;
- `phone`: a phone number that phonenumbers calls valid, read as Finnish unless it has a
  country code (+46 ..., 0046 ...);
- `email`: an e-mail address;
- `street_address`: a home address: a street name ending in -katu, -tie, -gatan, -vägen,
  ... (or an English "12 Baker Street") with its house number, that either has a staircase
  and flat ("Mannerheimintie 5 B 12", "Storgatan 3 lgh 1101") or follows one of
  `home_words` within four words ("asuu osoitteessa Rantakatu 4") or two words after it
  ("Rantakatu 5 B:ssä asuva"), or after "at <Name>'s" ("at Jussi's tonight, Rantatie 4");
  a Finnish case ending after a colon is part of the address
  ("Bulevardi 12:ssa"). An event's venue,
  "osoite Täktominintie 10", stays quiet.

    home_words:                  # optional, per language, word patterns
      fi: [asuu, koti*]
      sv: [bor, hemadress*]
      en: [lives, home]
    own_words:                   # optional: words that say an account is the organization's
      fi: [kaupungin]            # own ("kaupungin tilille FI21 ..."), within the words
      sv: [stadens]              # just before the IBAN on its line
      en: ["city's"]

Every candidate is validated by a library (python-stdnum, phonenumbers): a wrong checksum
is not an ID. The organization's own contacts never fire: e-mail at `email_domains` (and
their subdomains), phone numbers whose E.164 form begins with one of `phone_numbers`, and
the bank accounts listed in `ibans`, or an IBAN that the words just before it call the
organization's own (`own_words`).
Candidates are found by regular expressions without nested unbounded repeats, so a scan is
linear in the text; phonenumbers only validates candidates. Where two identifiers overlap,
the stronger reading wins (e-mail, IBAN, personal ID, street address, phone), so an IBAN's
digits are never also a phone number. All rules of a pack share one scan per text.
The span is the identifier itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from weakref import WeakKeyDictionary

import phonenumbers
from stdnum import iban, luhn
from stdnum.fi import hetu
from stdnum.se import personnummer

from checker.kinds.base import Build, Context, Kind, Match, Param, Params, allowed_in
from checker.langdata import LANGUAGE_DATA
from checker.model import Organization
from checker.text import Document, line_cache

TYPES = ("email", "iban", "personal_id", "street_address", "phone")   # strongest first

# Each pattern begins with a plain character class and checks what stands before it with a
# look-behind after that first character: the regex engine then skips ahead to candidates
# instead of trying every position, which makes a scan several times faster.
HETU_RE = re.compile(
    r"[0-9](?<![\w+-][0-9])[0-9]{5}[-+A-FU-Y][0-9]{3}[0-9A-Y](?![\w-])", re.IGNORECASE)
PERSONNUMMER_RE = re.compile(
    r"[0-9](?<![\w+-][0-9])(?:[0-9]{5}[-+][0-9]{4}"
    r"|(?:(?<=1)9|(?<=2)0)(?:[0-9]{6}[-+][0-9]{4}|[0-9]{10}))"
    r"(?![\w-])")
IBAN_RE = re.compile(r"[A-Z](?<![\w-][A-Z])[A-Z][0-9]{2}(?:[ \u00a0]?[A-Z0-9]){11,32}(?![\w-])")
AT_RE = re.compile("@")
LOCAL_CHARS = re.compile(r"[\w.%+-]")
# Matched from the start of the local part, which is found by walking back from the @.
EMAIL_RE = re.compile(r"[\w.%+-]{1,64}+@((?:[^\W_]|-){1,63}+(?:\.(?:[^\W_]|-){1,63}+){1,8}+)")
# A phone number starts with +, 0 or (0 and runs on with digits, single spaces, hyphens
# and brackets; dots, commas and slashes belong to dates, times, prices and case numbers.
PHONE_RE = re.compile(
    r"(?:\+|0|\((?=0))(?<![\w+/.,:(-][+0(])[0-9 \u00a0()\-]{5,24}[0-9]"
    r"(?![\w/]|[.,:/\-][0-9])")
# A business ID, a date, a personnummer-shaped number: never a phone number.
NOT_PHONE_RE = re.compile(r"[0-9]{7}-[0-9]|[0-9]{1,2}-[0-9]{1,2}-[0-9]{2,4}|[0-9]{6}[-+][0-9]{4}")
# Street-name endings and the words that end an English address, from checker/langdata/.
STREET_SUFFIXES = tuple(suffix for data in LANGUAGE_DATA.values() for suffix in data.street_suffixes)
STANDALONE_STREETS = frozenset().union(*(data.standalone_streets for data in LANGUAGE_DATA.values()))
STREET_TYPES = "|".join(t for data in LANGUAGE_DATA.values() for t in data.street_types)
HOME_WORD_REACH = 8          # words before an address where a home word counts
HOME_WORD_AFTER = 2          # words after it ("Rantakatu 5 B:ssä asuva perhe")
OWN_WORD_REACH = 6           # words before an IBAN where an own-account word counts
SP = "[ \u00a0]"
FLAT_NUMBER = rf"{SP}(?:as|bst|lgh|lägenhet)\.?{SP}?[0-9]{{1,4}}+\b"
# A capitalized word (the suffix is checked afterwards), a house number with an optional
# letter or range, then an optional staircase letter, a flat number ("B 12", "as 12",
# "B lgh 1101"): with a flat number the address is a home. A Finnish case ending written
# after a colon belongs to the address ("Bulevardi 12:ssa", "Rantakatu 5 B:hen").
STREET_RE = re.compile(
    rf"([A-ZÅÄÖ](?<![\w-][A-ZÅÄÖ])[a-zåäöéü]{{1,40}}+(?:-[a-zåäöéü]{{1,40}}+)?){SP}"
    rf"[0-9]{{1,4}}+(?:[A-Za-zÅÄÖåäö]\b)?(?:{SP}?[-–]{SP}?[0-9]{{1,4}}+)?"
    rf"(?P<flat>{SP}[A-ZÅÄÖ]\b(?:{SP}?[0-9]{{1,4}}+\b|{FLAT_NUMBER})?|{FLAT_NUMBER})?"
    rf"(?::[a-zåäö]{{1,5}}+\b)?")
# A word of direction or size that belongs to a street's name: "Västra Strandgatan 14".
STREET_PREFIX_RE = re.compile(
    r"(?<![\w-])(?:Västra|Östra|Norra|Södra|Stora|Lilla|Nya|Gamla|Pohjoinen|Eteläinen|Itäinen|Läntinen|Vanha|Iso|Pikku)"
    r"[ \u00a0]$")
ENGLISH_STREET_RE = re.compile(
    rf"[0-9](?<![\w-][0-9])[0-9]{{0,3}}+[a-z]?(?:{SP}[A-Z][a-z]{{1,30}}+){{1,3}}{SP}"
    rf"(?:{STREET_TYPES})\b")


@dataclass(frozen=True, slots=True)
class Found:
    """One identifier in the text: its type, span and the form exemptions compare."""

    type: str
    start: int
    end: int
    value: str
    home: bool = False     # a street address with a flat: someone's home


def _personal_ids(text: str) -> Iterable[Found]:
    for m in HETU_RE.finditer(text):
        if hetu.is_valid(m.group().upper(), allow_temporary=True):
            yield Found("personal_id", m.start(), m.end(), m.group())
    for m in PERSONNUMMER_RE.finditer(text):
        if personnummer.is_valid(m.group()) or _is_samordningsnummer(m.group()):
            yield Found("personal_id", m.start(), m.end(), m.group())


def _is_samordningsnummer(number: str) -> bool:
    """A Swedish coordination number: a personnummer whose day is raised by 60.

    stdnum.se.personnummer does not know them: its Luhn check (stdnum.luhn) is reused on
    the ten digits and the date is checked with the day lowered by 60.
    """
    digits = "".join(ch for ch in number if ch.isdigit())
    short = digits[-10:]
    day = int(short[4:6]) - 60
    centuries = [digits[:2]] if len(digits) == 12 else ["19", "20"]
    return 1 <= day <= 31 and luhn.is_valid(short) and any(
        _is_date(int(c + short[:2]), int(short[2:4]), day) for c in centuries)


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _ibans(text: str) -> Iterable[Found]:
    """IBANs; a candidate that swallowed a following word is cut back group by group."""
    for m in IBAN_RE.finditer(text):
        candidate = m.group()
        while candidate:
            if iban.is_valid(candidate):
                yield Found("iban", m.start(), m.start() + len(candidate), candidate)
                break
            cut = max(candidate.rfind(" "), candidate.rfind("\u00a0"))
            candidate = candidate[:cut].rstrip() if cut > 0 else ""


def _emails(text: str) -> Iterable[Found]:
    """E-mail addresses, found from each @: the local part is at most 64 characters back."""
    for at in AT_RE.finditer(text):
        start = at.start()
        while start > 0 and at.start() - start < 64 and LOCAL_CHARS.match(text, start - 1):
            start -= 1
        double_dot = text.rfind("..", start, at.start())   # never inside an address
        if double_dot >= 0:
            start = double_dot + 2
        while text[start] == ".":
            start += 1
        m = EMAIL_RE.match(text, start)
        if m is not None and m.start() < at.start() < m.end():
            domain = m.group(1).lower()
            if domain.rsplit(".", 1)[-1].isalpha():
                yield Found("email", m.start(), m.end(), domain)


def _phones(text: str) -> Iterable[Found]:
    for m in PHONE_RE.finditer(text):
        candidate = m.group()
        digits = sum(ch.isdigit() for ch in candidate)
        if not 7 <= digits <= 17 or "  " in candidate or NOT_PHONE_RE.fullmatch(candidate):
            continue
        start = m.start() + (1 if candidate.startswith("(") and ")" not in candidate else 0)
        try:
            number = phonenumbers.parse(candidate, "FI")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) and not _is_service_number(number):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            yield Found("phone", start, m.end(), e164)


# Numbers that reach an agency or a company, never a person: toll-free, premium and
# shared-cost numbers by their type, and Finland's nationwide numbers by their prefix
# (0295 the state's agencies, such as the police's tip line; 020, 0100 and 0200 companies'
# and services' numbers).
SERVICE_TYPES = frozenset({phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.PREMIUM_RATE,
                           phonenumbers.PhoneNumberType.SHARED_COST})
SERVICE_PREFIXES = ("+358295", "+35820", "+358100", "+358200")


def _is_service_number(number: phonenumbers.PhoneNumber) -> bool:
    if phonenumbers.number_type(number) in SERVICE_TYPES:
        return True
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return e164.startswith(SERVICE_PREFIXES)


def _is_street_name(word: str) -> bool:
    lower = word.lower()
    return lower in STANDALONE_STREETS or any(
        lower.endswith(suffix) and len(lower) > len(suffix) for suffix in STREET_SUFFIXES)


def _streets(text: str) -> Iterable[Found]:
    for m in STREET_RE.finditer(text):
        if _is_street_name(m.group(1)):
            flat = m.group("flat")
            home = flat is not None and any(ch.isdigit() for ch in flat)
            before = STREET_PREFIX_RE.search(text, max(0, m.start() - 16), m.start())
            start = before.start() if before else m.start()
            yield Found("street_address", start, m.end(), text[start:m.end()], home)
    for m in ENGLISH_STREET_RE.finditer(text):
        yield Found("street_address", m.start(), m.end(), m.group())


FINDERS = {"email": _emails, "iban": _ibans, "personal_id": _personal_ids,
           "street_address": _streets, "phone": _phones}
_SCANS: WeakKeyDictionary[Document, list[Found]] = WeakKeyDictionary()


def scan(doc: Document) -> list[Found]:
    """Every identifier in the document, overlaps resolved by type strength; cached per document.

    Each line is scanned on its own (`_scan_line`, cached by the line's text) and its
    identifiers moved to where the line starts.
    """
    cached = _SCANS.get(doc)
    if cached is not None:
        return cached
    found: list[Found] = []
    for offset, line in zip(doc.line_starts, doc.line_texts):
        if line:
            found += [Found(item.type, item.start + offset, item.end + offset, item.value, item.home)
                      for item in _scan_line(line)]
    _SCANS[doc] = found
    return found


@line_cache
def _scan_line(line: str) -> tuple[Found, ...]:
    """Every identifier in one line, overlaps resolved, offsets within the line; cached.

    Safe to do by line: no pattern matches a newline, their look-arounds and \\b see a
    newline and the end of a string alike, and an e-mail's local part is never walked back
    across one. So no identifier spans two lines and only identifiers on one line overlap.
    """
    found: list[Found] = []
    for kind in TYPES:
        taken = sorted((f.start, f.end) for f in found)
        last_end = -1
        for item in sorted(FINDERS[kind](line), key=lambda f: f.start):
            if item.start >= last_end and not _overlaps(taken, item):
                found.append(item)
                last_end = item.end
    found.sort(key=lambda f: f.start)
    return tuple(found)


def _overlaps(spans: list[tuple[int, int]], item: Found) -> bool:
    """Whether an item overlaps one of the sorted, disjoint spans."""
    i = bisect_left(spans, (item.end, item.end))
    return i > 0 and spans[i - 1][1] > item.start


def exempt(item: Found, org: Organization) -> bool:
    """Whether an identifier is one of the organization's own contacts."""
    if item.type == "email":
        return any(item.value == d or item.value.endswith("." + d) for d in org.email_domains)
    if item.type == "phone":
        prefixes = ("+" + "".join(ch for ch in p if ch.isdigit()) for p in org.phone_numbers)
        return any(item.value.startswith(p) for p in prefixes if len(p) > 1)
    if item.type == "iban":
        return _compact(item.value) in {_compact(account) for account in org.ibans}
    return False


POSSESSIVE_RE = re.compile(r"[A-ZÅÄÖ][\w-]*['’]s")


def _at_someones(ctx: Context, item: Found) -> bool:
    """Whether "at <Name>'s" stands among the few words before an address on its line ("Party at
    Jussi's tonight, Rantatie 4"): the address is that person's home."""
    tokens, text = ctx.doc.tokens, ctx.doc.text
    index = bisect_left(tokens, item.start, key=lambda t: t.start)
    line = ctx.doc.line_of(item.start)
    for i in range(max(1, index - HOME_WORD_REACH), index):
        if (tokens[i].line == line and tokens[i - 1].lower == "at"
                and POSSESSIVE_RE.fullmatch(text, tokens[i].start, tokens[i].end)):
            return True
    return False


def _compact(account: str) -> str:
    return "".join(account.split()).upper()


class Identifier(Kind):
    name = "identifier"
    summary = "ID codes, IBANs, phone numbers, e-mail and street addresses"
    parameters = (
        Param("types", "texts", "which identifiers to find", required=True, choices=TYPES),
        Param("home_words", "per_language", "words that make a street address someone's home"),
        Param("own_words", "per_language", "words just before an IBAN that make it the organization's own account"),
    )

    def __init__(self, params: Params, build: Build) -> None:
        self.rule_id = build.rule_id
        self.types = frozenset(params.strings("types", choices=TYPES))
        if not self.types:
            raise params.error("types", f"'types' must name at least one of {', '.join(TYPES)}")
        self.org = build.org
        for tag in ("home", "own"):
            for lang, items in params.per_language(f"{tag}_words", required=False).items():
                for word, line in items:
                    build.add_word(word, (self.rule_id, tag, lang), line)

    def _word_before(self, ctx: Context, item: Found, tag: str, reach: int, after: int = 0) -> bool:
        """Whether a word of the `tag` list stands among the `reach` words before an item (or
        the `after` words after it), on its line. An own-account word counts in any language:
        a bilingual post on one line gives the account in both ("... stads konto FI.. /
        ... kaupungin tilille FI..")."""
        tokens = ctx.doc.tokens
        index = bisect_left(tokens, item.start, key=lambda t: t.start)
        following = bisect_left(tokens, item.end, key=lambda t: t.start)
        line = ctx.doc.line_of(item.start)
        for i in [*range(max(0, index - reach), index), *range(following, min(len(tokens), following + after))]:
            for key in ctx.token_keys.get(i, ()):
                if (key[:2] == (self.rule_id, tag) and tokens[i].line == line
                        and (tag == "own" or allowed_in(ctx, line, key[2]))):
                    return True
        return False

    def find(self, ctx: Context) -> Iterable[Match]:
        for item in scan(ctx.doc):
            if item.type not in self.types or exempt(item, self.org):
                continue
            if item.type == "street_address" and not (
                    item.home or self._word_before(ctx, item, "home", HOME_WORD_REACH, HOME_WORD_AFTER)
                    or _at_someones(ctx, item)):
                continue
            if item.type == "iban" and self._word_before(ctx, item, "own", OWN_WORD_REACH):
                continue
            yield Match(item.start, item.end)
