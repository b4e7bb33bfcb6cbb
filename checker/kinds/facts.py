"""The facts a reader acts on, read out of a Finnish or Swedish text: dates, times, weekdays,
prices, numbers, phone numbers, e-mail addresses, URLs and hashtags.

Used to compare the two language versions of one post (checker/kinds/parallel.py). Each
fact has a type, its span in the text, the text as written, and a value that is the same
for the same fact however each language writes it: "14.12." and "14 december" are both
(14, 12, None); "klo 10–14" and "kl. 10-14" are both 10:00 and 14:00; "12,50 €" and
"12,50 euroa" are both 12.50. Every expression here is linear in the text.
Place names are not read here: they come from the pack's pairs, through the lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from checker.kinds.dates import FI_NAMED, ISO, MONTH_NUMBER, MONTHS, SV_NAMED, WEEKDAY_NAMES
from checker.kinds.factwords import PM, short_day
from checker.kinds.identifier import FINDERS

TYPES = ("url", "email", "hashtag", "phone", "time", "date", "weekday", "price", "number",
         "place")
S = r"[ \u00a0]"
DASH = r"[ \u00a0]?[-–—][ \u00a0]?"
# Not after a minus sign (a sign before a number, "-20"), but after the dash of a range ("24-26").
NOT_SIGNED = r"(?<![^0-9.][-−])(?<!^[-−])"

URL_RE = re.compile(
    r"(?<![\w@.])(?:https?://|www\.)[^\s<>\"']+"
    r"|(?<![\w@./])[a-z0-9](?:[a-z0-9-]{0,62}\.)+(?:fi|se|com|org|net|eu|info|io|ax)"
    r"(?:/[^\s<>\"']*)?(?![\w@])", re.IGNORECASE)
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
HASHTAG_RE = re.compile(r"(?<![\w#])#(\w{2,100})")
MENTION_RE = re.compile(r"(?<![\w@])@\w{2,100}")
TRAILING = ".,;:!?)]}'\""

_MONTH = "|".join(sorted(MONTHS["fi"] + MONTHS["sv"], key=len, reverse=True))
_CLOCK = r"(?:[01]?[0-9]|2[0-3])(?:[.:][0-5][0-9])?"
# A time after a cue word ("klo 10", "kl. 10.30–12", "kello 9-15", "klockan 18"), or written
# with a colon ("18:30"), or a range of two times with minutes ("10.00–14.00").
TIME_CUED_RE = re.compile(
    rf"\b(?:klo|kl|kello|klockan)\.?{S}?(?P<a>{_CLOCK})(?![0-9])(?:{DASH}(?P<b>{_CLOCK})(?![0-9]))?",
    re.IGNORECASE)
TIME_COLON_RE = re.compile(r"(?<![\w.:])(?P<a>(?:[01]?[0-9]|2[0-3]):[0-5][0-9])(?![0-9:])")
TIME_RANGE_RE = re.compile(
    rf"(?<![\w.:])(?P<a>(?:[01]?[0-9]|2[0-3])\.[0-5][0-9]){DASH}(?P<b>(?:[01]?[0-9]|2[0-3])\.[0-5][0-9])(?![0-9.]|\.[0-9])")
# A date written with numbers: "14.12.", "14.12.2026", "14.12" (not a time: those are read first).
DATE_RE = re.compile(
    rf"(?<![\w.,/:]){NOT_SIGNED}(?P<d>[0-9]{{1,2}})\.(?P<m>[0-9]{{1,2}})(?:\.(?P<y>[0-9]{{4}}|[0-9]{{2}})?)?(?![0-9]|\.[0-9])")
# The first day of a range whose month is written once: "24.–26.12.", "24–26.12", "5.-6. kesäkuuta",
# "24–26 december" (the second day is read as a date of its own).
DATE_RANGE_RE = re.compile(
    rf"(?<![\w.,/:]){NOT_SIGNED}(?P<d>[0-9]{{1,2}})\.?{DASH}(?P<d2>[0-9]{{1,2}})"
    rf"(?:\.(?P<m>[0-9]{{1,2}})(?![0-9])|\.?{S}(?P<mn>{_MONTH}))", re.IGNORECASE)
# An hour with minutes and no cue word, where the minutes cannot be a month ("18.00", "17.45").
TIME_DOT_RE = re.compile(
    rf"(?<![\w.,:€$]){NOT_SIGNED}(?P<a>(?:[01]?[0-9]|2[0-3])\.(?:00|1[3-9]|[2-5][0-9]))(?![0-9]|\.[0-9])"
    rf"(?!{S}?(?:€|e\b|eur\b|euro))", re.IGNORECASE)
# A number with a minus sign ("-20", "−20 astetta"), not the second number of a range.
SIGNED_RE = re.compile(r"(?<![\w.,/:\-−–])[-−](?P<n>[0-9]+(?:,[0-9]+)?)(?![\w/:]|[.,][0-9])")
# An identifier with a check character, read whole: a business ID "0135202-4".
ID_RE = re.compile(r"(?<![\w.,/:-])[0-9]{6,8}-[0-9A-Za-z](?![\w-])")
PRICE_RE = re.compile(
    rf"(?<![\w.,])(?P<n>[0-9]{{1,3}}(?:{S}[0-9]{{3}})*(?:[.,][0-9]{{1,2}}|,-)?){S}?(?:€|e\b|eur\b|euro\w*)"
    rf"|€{S}?(?P<m>[0-9]{{1,3}}(?:{S}[0-9]{{3}})*(?:[.,][0-9]{{1,2}})?)", re.IGNORECASE)
NUMBER_RE = re.compile(rf"(?<![\w.,/:]){NOT_SIGNED}[0-9]+(?:{S}[0-9]{{3}})*(?:,[0-9]+)?(?![\w/:]|[.,][0-9])")
# A word that begins with a weekday's name in Finnish or Swedish ("tiistaina", "tisdagen").
WEEKDAY_NUMBER = {name: day for lang in ("sv", "fi") for day, name in enumerate(WEEKDAY_NAMES[lang])}
WEEKDAY_RE = re.compile(rf"(?<!\w)({'|'.join(sorted(WEEKDAY_NUMBER, key=len, reverse=True))})\w*")
SHORT_DAY_RE = re.compile(r"(?<!\w)(\w{2,4})\.?[ \u00a0]+(?=[0-9])")


# A path part that names the page's language: the site's pages in the two languages are one fact.
LANGUAGE_PATHS = frozenset({"fi", "sv", "se", "en", "fi-fi", "sv-fi", "sv-se", "en-gb", "en-us", "fin", "swe",
                            "suomi", "svenska", "ruotsi", "pa-svenska", "suomeksi", "paasivu", "sv_fi", "fi_fi"})
class Fact(NamedTuple):
    """One fact: its type, span in the text, the text as written, and its comparable value."""

    type: str
    start: int
    end: int
    written: str
    value: object


def same(a: Fact, b: Fact) -> bool:
    """Whether two facts of one type say the same (a date without a year fits one with it)."""
    if a.type != b.type:
        return False
    if a.type == "date":
        (d1, m1, y1), (d2, m2, y2) = a.value, b.value
        return (d1, m1) == (d2, m2) and (y1 is None or y2 is None or y1 == y2)
    return a.value == b.value


def keys(fact: Fact) -> frozenset[tuple]:
    """What a fact says however it is written: an hour is also its number ("klo 18" and "18"),
    a price its amount ("5 €" and "fem euro"), a hashtag its number ("#hanko2026"); a place
    hashtag is the place. Dates are compared by `same`, with their years."""
    if fact.type == "time":
        hours, minutes = str(fact.value).split(":")
        return frozenset({("time", fact.value)} | ({("n", Decimal(hours))} if minutes == "00" else set()))
    if fact.type == "price":
        return frozenset({("price", fact.value), ("n", fact.value)})
    if fact.type == "date":
        day, month, _ = fact.value
        return frozenset({("date", day, month)})
    if fact.type == "hashtag" and isinstance(fact.value, tuple):
        return frozenset({("place", fact.value[1])})
    if fact.type == "hashtag":
        digits = "".join(filter(str.isdigit, str(fact.value)))
        return frozenset({("n", Decimal(digits))}) if digits else frozenset()
    if fact.type == "number":
        return frozenset({("n", fact.value)})
    return frozenset({(fact.type, fact.value)})


def in_other(fact: Fact, other: list[Fact], said: frozenset[tuple], own: frozenset[tuple] = frozenset()) -> bool:
    """Whether the other version states the fact: as a fact of its own, however written, or in
    words (`words`, what it `said`): "kaksi" for 2, "julafton" for 24.12., "klockan sex" for 18.
    `own` is what the fact's own version says in words: "på eftermiddagen" makes kl. 3 15.00."""
    if any(same(fact, g) for g in other):
        return True
    mine = _keys_in(fact, own)
    if mine & said:
        return True
    return fact.type != "date" and any(mine & _keys_in(g, said) for g in other if g.type != "date")


def _keys_in(fact: Fact, said: frozenset[tuple]) -> frozenset[tuple]:
    """A fact's keys in its version: there an hour under 12 may be in the afternoon (`PM`)."""
    found = keys(fact)
    if PM in said and fact.type == "time":
        hours, minutes = str(fact.value).split(":")
        if 1 <= int(hours) < 12:
            found |= keys(fact._replace(value=f"{int(hours) + 12}:{minutes}"))
    return found


def read(text: str, start: int, end: int, lang: str, org_domains: tuple[str, ...] = ()) -> list[Fact]:
    """Every fact in text[start:end], written in `lang` (fi or sv), in text order (places
    excluded; see module doc)."""
    taken = bytearray(end - start)          # 1 where a fact was read: each character once

    def take(a: int, b: int) -> None:
        taken[a - start:b - start] = b"\x01" * (b - a)
    facts: list[Fact] = []

    def free(a: int, b: int) -> bool:
        return 1 not in taken[a - start:b - start]

    def add(kind: str, a: int, b: int, value: object, *, keep: bool = True) -> None:
        take(a, b)
        if keep:
            facts.append(Fact(kind, a, b, text[a:b], value))

    segment = text[start:end]
    for m in EMAIL_RE.finditer(segment):
        a, b = start + m.start(), start + m.end()
        local, _, domain = m.group().lower().rpartition("@")
        own = _org(domain, org_domains) != domain
        # The organization's own mailboxes are named in each language (satama@ and hamnen@):
        # like its pages, they stand for one another; anyone else's address is compared whole.
        add("email", a, b, "(organization)" if own else f"{local}@{domain}")
    for m in URL_RE.finditer(segment):
        a = start + m.start()
        b = start + m.start() + len(m.group().rstrip(TRAILING))
        if free(a, b):
            add("url", a, b, _url(text[a:b], org_domains))
    for m in MENTION_RE.finditer(segment):
        add("mention", start + m.start(), start + m.end(), None, keep=False)
    for m in HASHTAG_RE.finditer(segment):
        a, b = start + m.start(), start + m.end()
        if free(a, b):
            add("hashtag", a, b, m.group(1).lower())
    for item in FINDERS["phone"](segment):
        a, b = start + item.start, start + item.end
        if free(a, b):
            add("phone", a, b, item.value)
    for m in ID_RE.finditer(segment):
        add("number", start + m.start(), start + m.end(), m.group().upper())
    for regex in (TIME_CUED_RE, TIME_RANGE_RE, TIME_COLON_RE, TIME_DOT_RE):
        for m in regex.finditer(segment):
            a, b = start + m.start(), start + m.end()
            if not free(a, b):
                continue
            take(a, b)
            for group in ("a", "b"):
                if m.groupdict().get(group):
                    ga, gb = start + m.start(group), start + m.end(group)
                    facts.append(Fact("time", ga, gb, text[ga:gb], _clock(m.group(group))))
    for m in DATE_RANGE_RE.finditer(segment):
        a, b = start + m.start("d"), start + m.end("d")
        value = _date(m.groupdict())
        if value is not None and free(a, b):
            add("date", a, b, value)
    for regex in (ISO, FI_NAMED, SV_NAMED, DATE_RE):
        for m in regex.finditer(segment):
            a, b = start + m.start(), start + m.end()
            value = _date(m.groupdict())
            if value is not None and free(a, b):
                add("date", a, b, value)
    for m in PRICE_RE.finditer(segment):
        a, b = start + m.start(), start + m.end()
        amount = _amount(m.group("n") or m.group("m"))
        if amount is not None and free(a, b):
            add("price", a, b, amount)
    facts += _weekdays(text, start, segment, lang, taken)
    for m in SIGNED_RE.finditer(segment):
        a, b = start + m.start(), start + m.end()
        amount = _amount(m.group("n"))
        if amount is not None and free(a, b):
            add("number", a, b, -amount)
    for m in NUMBER_RE.finditer(segment):
        a, b = start + m.start(), start + m.end()
        amount = _amount(m.group())
        if amount is not None and free(a, b):
            add("number", a, b, amount)
    facts.sort(key=lambda f: (f.start, f.end))
    return facts


def _weekdays(text: str, start: int, segment: str, lang: str,
              taken: bytearray) -> Iterator[Fact]:
    """Weekday names in either language ("tiistaina", "tisdagen"), and short forms of the
    text's own language only right before a number ("ti 14.12.", "tis 14.12"; Finnish
    "on 50" is "is 50", not Swedish "ons")."""
    lower = segment.lower()
    for m in WEEKDAY_RE.finditer(lower):
        day = WEEKDAY_NUMBER[m.group(1)]
        yield Fact("weekday", start + m.start(), start + m.end(), text[start + m.start():start + m.end()], day)
    for m in SHORT_DAY_RE.finditer(lower):
        day = short_day(m.group(1), lang)
        a, b = start + m.start(1), start + m.end(1)
        if day is not None and 1 not in taken[a - start:b - start]:
            yield Fact("weekday", a, b, text[a:b], day)


def _org(domain: str, org_domains: tuple[str, ...]) -> str:
    """The organization's domains stand for one another (hanko.fi and hango.fi)."""
    for own in org_domains:
        if domain == own or domain.endswith("." + own):
            return "(organization)" + domain[:len(domain) - len(own)]
    return domain


def _url(url: str, org_domains: tuple[str, ...]) -> str:
    """A URL as compared: no scheme, no www., host lower-cased, no trailing slash; the
    organization's pages in the two languages stand for one another (their paths differ), and
    so do any site's pages whose paths name their language (/fi/…, /sv/…)."""
    rest = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE)
    host, slash, path = rest.partition("/")
    host = host.lower()
    if _org(host, org_domains) != host:
        return "(organization)"
    parts = path.rstrip("/").split("/")
    if any(part.lower() in LANGUAGE_PATHS for part in parts):
        return host + "/(a language version)"      # visit.fi/fi/tapahtumat and visit.fi/sv/evenemang
    return host + (slash + path.rstrip("/") if path.rstrip("/") else "")


def _clock(text: str) -> str:
    hours, _, minutes = text.replace(".", ":").partition(":")
    return f"{int(hours)}:{minutes or '00'}"


def _date(fields: dict[str, str | None]) -> tuple[int, int, int | None] | None:
    day = int(fields["d"])
    month = int(fields["m"]) if fields.get("m") else MONTH_NUMBER.get((fields.get("mn") or "").lower())
    if month is None or not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    year = fields.get("y")
    return day, month, (int(year) + (2000 if len(year) == 2 else 0)) if year else None


def _amount(text: str) -> Decimal | None:
    digits = text.replace(" ", "").replace("\u00a0", "").replace(",-", "").replace(",", ".")
    try:
        return Decimal(digits).normalize()
    except InvalidOperation:
        return None
