"""`dates`: dates to double-check: a weekday that does not match its date, a date already
past, a date that does not exist.

    kind: dates
    check: weekday               # or: past, exists
    unless:                      # only for past: a sentence with one of these words (in its
                                 # line's language) is left alone: it tells what happened
      fi: [oli, viime]
      sv: [var, förra]
      en: [was, last]

`check: weekday` reads a weekday followed by a date, in Finnish ("tiistaina 25.11.",
"ti 25.11.2026", "keskiviikkona 25. marraskuuta"), Swedish ("lördag 3 januari",
"tisdagen den 25 november", "tis 25.11") or English ("Friday 12 March", "Friday, March 12",
"Fri 12th of March 2027"), and ISO dates ("ke 2026-11-25") in all three. Numeric day/month
dates are read day first, so an English weekday is only paired with month names or ISO
dates (never "Fri 12/3"). It fires on a mismatch; the span is the weekday and the date, the
suggestion gives the right weekday. A date that does not exist ("ti 31.11.") is left to
`check: exists`, which reads dates on their own, as `past` does, and fires on one that is
not in the calendar (31.11., 30 februari, April 31).

`check: past` reads dates on their own ("24.11.", "24.11.2026", "2026-11-24",
"24. marraskuuta", "24 november", "November 24") and fires, with the date as span, on one
before the day of posting.

A date without a year takes the year that puts it nearest to the request's `now`, in the
organization's time zone. Short weekday forms ("ti", "to", "tis", "Fri") count only on lines
written in their language. Without its closing dot and a year, "ti 9.05" or "ti 10.11–12"
is read as a time, not a date. Weekdays and month names are found through the pack's
lexicon and the date is read right there, so a check stays linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple
from zoneinfo import ZoneInfo

from checker.kinds.base import Build, Context, Kind, Match, Param, Params, allowed_in
from checker.langdata import LANGUAGE_DATA
from checker.text import line_cache

CHECKS = ("weekday", "past", "exists")

# Weekday and month names and their forms, per language, from checker/langdata/.
WEEKDAY_NAMES = {lang: list(data.weekdays) for lang, data in LANGUAGE_DATA.items()}
WEEKDAY_ENDINGS = {lang: data.weekday_endings for lang, data in LANGUAGE_DATA.items()}
WEEKDAY_SHORT = {lang: list(data.weekday_short) for lang, data in LANGUAGE_DATA.items()}
MONTHS = {lang: list(data.months) for lang, data in LANGUAGE_DATA.items()}
MONTH_SHORT = {lang: dict(data.month_short) for lang, data in LANGUAGE_DATA.items()}
MONTH_NUMBER = {**{name: i + 1 for names in MONTHS.values() for i, name in enumerate(names)},
                **{name: number for short in MONTH_SHORT.values() for name, number in short.items()}}

SUGGESTION = {
    "fi": "{date} on {weekday}.",
    "sv": "{date} är en {weekday}.",
    "en": "{date} is a {weekday}.",
}


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(sorted(set(words), key=len, reverse=True))


_FI_MONTH = _alternatives(MONTHS["fi"] + list(MONTH_SHORT["fi"]))
_SV_MONTH = _alternatives(MONTHS["sv"] + list(MONTH_SHORT["sv"]))
_EN_MONTH = _alternatives(MONTHS["en"] + list(MONTH_SHORT["en"]))
_YEAR = r"(?P<y>[0-9]{4})(?![0-9])"
_ORD = r"(?:st|nd|rd|th)?"
S = r"[ \u00a0]"

# Date forms, each with groups d, m (a number) or mn (a month name), and y (optional).
DOTTED = re.compile(
    r"(?P<d>[0-9]{1,2})\.(?P<m>[0-9]{1,2})\.(?:(?P<y>[0-9]{4}|[0-9]{2})(?!\.?[0-9]))?(?![0-9])")
# "tis 25.11": without the closing dot a date looks like a time, so "9.05" (a month with a
# leading zero) and "10.11–12" (a range) are read as times.
DOTTED_SHORT = re.compile(
    r"(?P<d>[0-9]{1,2})\.(?P<m>1[0-2]|[1-9])(?![0-9.]|[ \u00a0]?[-–][ \u00a0]?[0-9])")
SLASHED = re.compile(r"(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2})(?:/(?P<y>[0-9]{4}|[0-9]{2}))?(?![0-9/])")
ISO = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9])")
FI_NAMED = re.compile(rf"(?P<d>[0-9]{{1,2}})\.{S}?(?P<mn>{_FI_MONTH})\b(?:{S}{_YEAR})?",
                      re.IGNORECASE)
SV_NAMED = re.compile(
    rf"(?P<d>[0-9]{{1,2}})(?::[ae])?{S}(?P<mn>{_SV_MONTH})\b(?:\.?{S}{_YEAR})?", re.IGNORECASE)
EN_DAY_MONTH = re.compile(
    rf"(?P<d>[0-9]{{1,2}}){_ORD}{S}(?:of{S})?(?P<mn>{_EN_MONTH})\b(?:\.?,?{S}{_YEAR})?",
    re.IGNORECASE)
EN_MONTH_DAY = re.compile(
    rf"(?P<mn>{_EN_MONTH})\b\.?{S}(?P<d>[0-9]{{1,2}}){_ORD}(?![0-9])\b(?:,?{S}{_YEAR})?",
    re.IGNORECASE)

# The forms a weekday of each language may be followed by, tried in order.
AFTER_WEEKDAY = {
    "fi": (ISO, FI_NAMED, DOTTED, DOTTED_SHORT, SLASHED),
    "sv": (ISO, SV_NAMED, DOTTED, DOTTED_SHORT, SLASHED),
    "en": (ISO, EN_DAY_MONTH, EN_MONTH_DAY),
}
_DATE_WORDS = _alternatives(w for data in LANGUAGE_DATA.values() for w in data.date_words)
BETWEEN_RE = re.compile(rf"\.?,?{S}{{1,3}}(?:(?:{_DATE_WORDS}){S}{{1,3}})?", re.IGNORECASE)
# For `past`: numeric dates are scanned for; dates with a month name are read around the
# month's token (the day before it, "25. marraskuuta", or after it, "November 25").
NUMERIC_ALONE = (ISO, DOTTED)
DAY_FIRST = (FI_NAMED, SV_NAMED, EN_DAY_MONTH)
DAY_BEFORE_RE = re.compile(rf"[0-9]{{1,2}}(?:st|nd|rd|th|:[ae]|\.)?{S}?(?:of{S})?\Z", re.IGNORECASE)
DAY_BEFORE_WINDOW = 12
NOT_BEFORE_DATE = ".,/:-"     # "1.2.3.", "3/12.11." and "x-24.11." are not dates on their own


def _resolve(fields: dict[str, str | None], today: date) -> date | None:
    """The date the fields mean; without a year, the one nearest to `today`."""
    day = int(fields["d"])
    month = int(fields["m"]) if fields.get("m") else MONTH_NUMBER[fields["mn"].lower()]
    year = fields.get("y")
    if year is not None:
        return _date(int(year) + (2000 if len(year) == 2 else 0), month, day)
    candidates = [d for y in (today.year - 1, today.year, today.year + 1)
                  if (d := _date(y, month, day)) is not None]
    return min(candidates, key=lambda d: abs(d - today), default=None)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _plausible(fields: dict[str, str | None]) -> bool:
    """Whether numbers can be a day and a month at all (else they are a time or a score)."""
    month = int(fields["m"]) if fields.get("m") else 1
    return 1 <= int(fields["d"]) <= 31 and 1 <= month <= 12


class Dates(Kind):
    name = "dates"
    summary = "a weekday that does not match its date; a date already past; a date that does not exist"
    parameters = (
        Param("check", "text", "which check: a weekday against its date, a date in the past, or "
              "a date that is not in the calendar",
              required=True, choices=CHECKS),
        Param("unless", "per_language", "words that show a past date is meant (check: past only)"),
    )

    def __init__(self, params: Params, build: Build) -> None:
        self.rule_id = build.rule_id
        self.check = params.text("check", choices=CHECKS)
        self.zone = ZoneInfo(build.org.timezone)
        if self.check == "weekday":
            if params.has("unless"):
                raise params.error("unless", "'unless' applies only to check: past")
            for lang, names in WEEKDAY_NAMES.items():
                for number, name in enumerate(names):
                    for ending in WEEKDAY_ENDINGS[lang]:
                        build.add_word(name + ending, (self.rule_id, lang, number, False), 0)
                    for short in WEEKDAY_SHORT[lang][number]:
                        build.add_word(short, (self.rule_id, lang, number, True), 0)
        else:
            for month in MONTH_NUMBER:
                build.add_word(month, (self.rule_id, "month"), 0)
        for lang, items in params.per_language("unless", required=False).items():
            for word, line in items:
                build.add_word(word, (self.rule_id, "unless", lang), line)

    def _today(self, ctx: Context) -> date:
        return ctx.request.now.astimezone(self.zone).date()

    def find(self, ctx: Context) -> Iterable[Match]:
        if self.check == "weekday":
            return self._weekdays(ctx)
        if self.check == "exists":
            return self._missing(ctx)
        return self._past(ctx)

    # --- exists --------------------------------------------------------------------------

    def _missing(self, ctx: Context) -> Iterable[Match]:
        """Dates that are not in the calendar: 31.11., 30 februari, April 31."""
        today = self._today(ctx)
        last_end = -1
        for reading in sorted(self._alone(ctx), key=lambda r: (r.start, -r.end)):
            if reading.start < last_end or not _plausible(reading.fields):
                continue
            last_end = reading.end
            if _resolve(reading.fields, today) is None:
                yield Match(reading.start, reading.end)

    # --- weekday -------------------------------------------------------------------------

    def _weekdays(self, ctx: Context) -> Iterable[Match]:
        text, tokens, today = ctx.doc.text, ctx.doc.tokens, self._today(ctx)
        for index, (_, lang, weekday, short) in ctx.hits.get(self.rule_id, ()):
            token = tokens[index]
            if short and not allowed_in(ctx, token.line, lang):
                continue
            between = BETWEEN_RE.match(text, token.end)
            if between is None:
                continue
            for form in AFTER_WEEKDAY[lang]:
                m = form.match(text, between.end())
                if m is None or not _plausible(m.groupdict()):
                    continue
                day = _resolve(m.groupdict(), today)
                if day is not None and day.weekday() != weekday:   # no such day: `exists` says so
                    yield Match(token.start, m.end(), _suggestion(day))
                break

    # --- past ----------------------------------------------------------------------------

    def _past(self, ctx: Context) -> Iterable[Match]:
        today = self._today(ctx)
        found = sorted(self._alone(ctx), key=lambda r: (r.start, -r.end))
        last_end = -1
        for reading in found:
            if reading.start < last_end or not _plausible(reading.fields):
                continue
            last_end = reading.end
            day = _resolve(reading.fields, today)
            if day is not None and day < today and not self._excused(ctx, reading.start):
                yield Match(reading.start, reading.end)

    def _alone(self, ctx: Context) -> list[Reading]:
        """Every date standing on its own, possibly overlapping another reading; line by line."""
        doc = ctx.doc
        months: dict[int, list[int]] = defaultdict(list)    # line -> its month names' offsets
        for index, key in ctx.hits.get(self.rule_id, ()):
            if key[1] == "month":
                token = doc.tokens[index]
                months[token.line].append(token.start - doc.line_starts[token.line])
        readings = []
        for number, (offset, line) in enumerate(zip(doc.line_starts, doc.line_texts)):
            if not line:
                continue
            for start, end, fields in _dates_in_line(line, tuple(months.get(number, ()))):
                readings.append(Reading(start + offset, end + offset, fields))
        return readings

    def _excused(self, ctx: Context, index: int) -> bool:
        """Whether the sentence around `index` has an `unless` word in its line's language."""
        sentences = ctx.doc.sentences
        number = bisect_right(sentences, (index, len(ctx.doc.text) + 1)) - 1
        if number < 0:
            return False
        start, end = sentences[number]
        tokens = ctx.doc.tokens
        first = bisect_left(tokens, start, key=lambda t: t.start)
        for token_index in range(first, len(tokens)):
            token = tokens[token_index]
            if token.start >= end:
                break
            for key in ctx.token_keys.get(token_index, ()):
                if key[:2] == (self.rule_id, "unless") and allowed_in(ctx, token.line, key[2]):
                    return True
        return False


class Reading(NamedTuple):
    """A date as written: its span and the groups of its form (d, m or mn, y); read-only."""

    start: int
    end: int
    fields: dict[str, str | None]


@line_cache
def _dates_in_line(line: str, month_starts: tuple[int, ...]) -> tuple[Reading, ...]:
    """Every date standing on its own in one line, offsets within the line; cached.

    `month_starts` are where the lexicon found month names in the line: the date is read
    around them. Nothing here depends on `now` (the year and the past are decided later).
    Safe to do by line: no date form matches a newline, and `_free_before` sees a newline
    and the start of a string alike.
    """
    readings = [Reading(m.start(), m.end(), m.groupdict())
                for form in NUMERIC_ALONE for m in form.finditer(line)
                if _free_before(line, m.start())]
    for month in month_starts:
        after = EN_MONTH_DAY.match(line, month)
        if after is not None and _free_before(line, month):
            readings.append(Reading(after.start(), after.end(), after.groupdict()))
        before = DAY_BEFORE_RE.search(line, max(0, month - DAY_BEFORE_WINDOW), month)
        if before is None or not _free_before(line, before.start()):
            continue
        for form in DAY_FIRST:
            m = form.match(line, before.start())
            if m is not None and m.end() > month:
                readings.append(Reading(m.start(), m.end(), m.groupdict()))
                break
    return tuple(readings)


def _free_before(text: str, index: int) -> bool:
    """Whether a date may begin at `index`: not inside a word, number or longer dotted run."""
    return index == 0 or not (text[index - 1].isalnum() or text[index - 1] in NOT_BEFORE_DATE)


def _suggestion(day: date) -> dict[str, str]:
    label = f"{day.day}.{day.month}.{day.year}"
    english = f"{day.day} {MONTHS['en'][day.month - 1].capitalize()} {day.year}"
    weekday = day.weekday()
    return {
        "fi": SUGGESTION["fi"].format(date=label, weekday=WEEKDAY_NAMES["fi"][weekday]),
        "sv": SUGGESTION["sv"].format(date=label, weekday=WEEKDAY_NAMES["sv"][weekday]),
        "en": SUGGESTION["en"].format(date=english, weekday=WEEKDAY_NAMES["en"][weekday].capitalize()),
    }
