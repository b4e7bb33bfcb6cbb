"""The `dates` kind: weekdays that do not match their dates, and dates already past."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta, timezone

import pytest

from checker.engine import _by_rule
from checker.kinds import dates
from checker.kinds.base import Build, Context, Params, RuleError
from checker.model import Organization, Request
from checker.kinds.dates import Dates
from checker.langid import analyse
from checker.lexicon import Lexicon
from regexshape import check_shape
from checker.text import Document

# Tuesday 24 November 2026, 18:00 in Helsinki.
NOW = datetime(2026, 11, 24, 16, 0, tzinfo=timezone.utc)


def run(text: str, params: dict, now: datetime = NOW) -> list[tuple[str, dict | None]]:
    lexicon = Lexicon()
    org = Organization()
    kind = Dates(Params(params), Build(lexicon, org, "accuracy.test"))
    lexicon.freeze()
    doc = Document(text)
    keys = lexicon.scan(doc.tokens)
    ctx = Context(doc, Request(text, now), analyse(doc), org, keys, _by_rule(keys), {})
    return [(text[m.start:m.end], m.suggestion) for m in kind.find(ctx)]


def weekday(text: str, now: datetime = NOW) -> list[str]:
    return [span for span, _ in run(text, {"check": "weekday"}, now)]


@pytest.mark.parametrize(("text", "span"), [
    ("Tervetuloa tiistaina 25.11. satutuntiin!", "tiistaina 25.11."),
    ("Valtuusto kokoontuu ti 25.11.2026 klo 18.", "ti 25.11.2026"),
    ("Joulutori avataan keskiviikkona 25. joulukuuta.", "keskiviikkona 25. joulukuuta"),
    ("Avoinna maanantaista 1.12. alkaen.", "maanantaista 1.12."),
    ("Kokous pe 2026-11-26.", "pe 2026-11-26"),
    ("Välkommen på lördag 3 januari!", "lördag 3 januari"),
    ("Fullmäktige sammanträder tisdagen den 25 november.", "tisdagen den 25 november"),
    ("Bastun är öppen tis 25.11 från klockan 16.", "tis 25.11"),
    ("Vi ses fredag 25/11 på torget.", "fredag 25/11"),
    ("Join us on Thursday 12 March at the library.", "Thursday 12 March"),
    ("The market opens Friday, March 13.", "Friday, March 13"),
    ("See you Sun, the 12th of December 2026!", "Sun, the 12th of December 2026"),
    ("Open Mon Nov 24.", "Mon Nov 24"),
])
def test_mismatches_are_caught(text: str, span: str) -> None:
    assert weekday(text) == [span]


@pytest.mark.parametrize("text", [
    "Tervetuloa keskiviikkona 25.11. satutuntiin!",
    "Valtuusto kokoontuu ke 25.11.2026 klo 18.",
    "Joulutori avataan perjantaina 25. joulukuuta.",
    "Välkommen på söndag 3 januari!",
    "Fullmäktige sammanträder onsdagen den 25 november.",
    "Join us on Friday 12 March at the library.",   # 2027: nearest to now
    "Meet us Fri 12/3 at the market.",              # US or European? not read
    "Uimahalli on auki ti 9.05–20.",                # a time, not 9 May
    "Sauna ti 10.30-12.",
    "Uimahalli auki ti 9.05 alkaen.",
    "Open from 20.11. to 25.11. every day.",        # English "to" is not Finnish torstai
    "Tuesday was fine, 12 March too.",
    "tiistaina kello 25.11",                        # nothing right after the weekday
])
def test_matching_or_unreadable_dates_pass(text: str) -> None:
    assert weekday(text) == []


def test_suggestion_gives_the_right_weekday_in_three_languages() -> None:
    [(_, suggestion)] = run("Tervetuloa tiistaina 25.11.!", {"check": "weekday"})
    assert suggestion == {"fi": "25.11.2026 on keskiviikko.", "sv": "25.11.2026 är en onsdag.",
                          "en": "25 November 2026 is a Wednesday."}


def test_a_date_that_does_not_exist_is_flagged_by_exists_not_weekday() -> None:
    # issue 13.19: "ma 31.11." is not a weekday mismatch; the date does not exist
    assert weekday("Luistelurata avataan ma 31.11.") == []
    assert weekday("Juhlat su 29.2.2027") == []
    missing = [span for span, _ in run("Luistelurata avataan ma 31.11. ja 30.11.", {"check": "exists"})]
    assert missing == ["31.11."]
    assert [span for span, _ in run("Juhlat su 29.2.2027, 29.2.2028", {"check": "exists"})] == ["29.2.2027"]
    assert [span for span, _ in run("Möte den 30 februari, April 31, 1 May", {"check": "exists"})] == [
        "30 februari", "April 31"]
    assert weekday("Juhlat ke 29.2.2028") == ["ke 29.2.2028"]     # it is a Tuesday
    assert weekday("Juhlat ti 29.2.2028") == []


def test_year_is_the_one_nearest_to_now() -> None:
    january = datetime(2027, 1, 10, 10, 0, tzinfo=timezone.utc)
    assert weekday("Joulukonsertti ti 15.12.", january) == []      # 15.12.2026, a Tuesday
    assert weekday("Joulukonsertti ti 15.12.") == []
    assert weekday("Joulukonsertti ti 15.12.2027") == ["ti 15.12.2027"]


def test_now_is_read_in_the_organizations_time_zone() -> None:
    # 23:30 UTC on 31 Dec 2026 is already 1 Jan 2027 in Helsinki: 31.12. has passed there
    late = datetime(2026, 12, 31, 23, 30, tzinfo=timezone.utc)
    assert past("Ilmoittaudu viimeistään 31.12.", late) == ["31.12."]
    assert past("Ilmoittaudu viimeistään 31.12.", late - timedelta(hours=2)) == []


def past(text: str, now: datetime = NOW) -> list[str]:
    params = {"check": "past", "unless": {"fi": ["pidettiin", "viime"], "sv": ["hölls"],
                                          "en": ["was"]}}
    return [span for span, _ in run(text, params, now)]


@pytest.mark.parametrize(("text", "span"), [
    ("Ilmoittaudu viimeistään 20.11.", "20.11."),
    ("Ilmoittaudu viimeistään 20.11.2026.", "20.11.2026"),
    ("Anmäl dig senast den 20 november.", "20 november"),
    ("Registration closes on 2026-11-20.", "2026-11-20"),
    ("Registration closes November 20, 2026.", "November 20, 2026"),
    ("Tervetuloa joulukonserttiin 12.12.2025!", "12.12.2025"),
    ("Ilmoittaudu 23. marraskuuta mennessä.", "23. marraskuuta"),
])
def test_past_dates_are_caught(text: str, span: str) -> None:
    assert past(text) == [span]


@pytest.mark.parametrize("text", [
    "Ilmoittaudu viimeistään 24.11.",               # today is not past
    "Ilmoittaudu viimeistään 30.11.",
    "Kevään kurssit alkavat 12.1.",                  # nearest is next January
    "Konsertti pidettiin 20.11. täydelle salille.",  # a past-tense sentence
    "Konserten hölls den 20 november.",
    "The concert was held on November 20.",
    "Klo 10.30 alkaa, liput 12,50 € ja 1.5 litraa.",
    "Versio 1.2.3 julkaistaan.",
])
def test_current_dates_and_past_tense_pass(text: str) -> None:
    assert past(text) == []


def test_parameters_are_checked() -> None:
    with pytest.raises(RuleError, match="check"):
        Dates(Params({"check": "future"}), Build(Lexicon(), Organization(), "accuracy.t"))
    with pytest.raises(RuleError, match="unless"):
        Dates(Params({"check": "weekday", "unless": {"fi": ["oli"]}}),
              Build(Lexicon(), Organization(), "accuracy.t"))


def test_regexes_cannot_backtrack_without_bound() -> None:
    patterns = [v for v in vars(dates).values() if isinstance(v, re.Pattern)]
    assert len(patterns) >= 3                       # the date forms are all checked, not none
    for pattern in patterns:
        check_shape(pattern.pattern, pattern.flags)


@pytest.mark.parametrize("text", [
    "1." * 30_000,
    "ti " * 20_000,
    "ti 1" * 15_000,
    "12 " * 20_000 + "march",
    "2026-" * 12_000,
])
def test_pathological_texts_are_fast(text: str) -> None:
    began = time.perf_counter()
    weekday(text)
    past(text)
    assert time.perf_counter() - began < 1.0
