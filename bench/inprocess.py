"""The engine alone, in this process: check time per size and language, scaling, re-check.

Each timed check is `checker.engine.check(pack, request)` with every rule of the bundled
pack and a default request (personal account, post, other platform, staff), the way
`/v1/check` calls it. Texts are checked in interleaved rounds, so a slow moment of the
machine spreads over all texts instead of falling on one.

A *first check* is a post the service has not seen: its lines' language detection is not
cached (it is cleared before every timed first check). Caches keyed by a single word (the
lexicon's lookups, n-grams per word) stay warm, as they are in a service that has been
answering an organization's posts: the words of a post are mostly words it has met.
"""

from __future__ import annotations

import random
import re
import time
from datetime import datetime, timezone

from bench import texts
from bench.stats import summary
from checker.batch import check_items
from checker.engine import check
from checker.model import Request
from checker.langid import clear_cache
from checker.text import clear_line_caches
from checker.pack.store import PackStore
from checker import regexsafe

# Outside working hours, so the timing rule keeps quiet on "clean" posts (a fixed moment
# keeps the run deterministic; the service would use its clock).
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
ROUNDS = {280: 200, 2_000: 100, texts.FACEBOOK_MAX: 20}
RECHECK_ROUNDS = 150
BATCH_SIZE = 200          # comments per POST /v1/check/batch, as the comment review sends them
BATCH_ROUNDS = 30


def _timed(pack, request: Request, fresh: bool) -> float:
    if fresh:                      # a post never seen: no line is cached
        clear_cache()
        clear_line_caches()
    began = time.perf_counter()
    check(pack, request)
    return time.perf_counter() - began


def run(scale: float = 1.0) -> dict:
    pack = PackStore(None).pack        # held as the service holds it (settled in memory)
    cases = [(lang, size, findings) for size in texts.SIZES for lang in texts.LANGS
             for findings in (False, True)]
    requests = {case: Request(text=texts.post(*case), now=NOW) for case in cases}
    found = {}
    for case, request in requests.items():          # warm up; count findings
        found[case] = len(check(pack, request)["findings"])
    times: dict[tuple, list[float]] = {case: [] for case in cases}
    order = random.Random(0)
    rounds = {size: max(3, int(n * scale)) for size, n in ROUNDS.items()}
    for r in range(max(rounds.values())):
        todo = [case for case in cases if r < rounds[case[1]]]
        order.shuffle(todo)
        for case in todo:
            times[case].append(_timed(pack, requests[case], fresh=True))

    # The re-check while typing: the 2,000-character post, then the same with its last word
    # changed (a different change each round), as the extension sends it on the next pause.
    first: dict[str, list[float]] = {lang: [] for lang in texts.LANGS}
    again: dict[str, list[float]] = {lang: [] for lang in texts.LANGS}
    base = {lang: Request(text=texts.post(lang, 2_000), now=NOW) for lang in texts.LANGS}
    for r in range(max(10, int(RECHECK_ROUNDS * scale))):
        for lang in texts.LANGS:
            first[lang].append(_timed(pack, base[lang], fresh=True))
            edited = Request(text=texts.edited(base[lang].text, lang, seed=r), now=NOW)
            again[lang].append(_timed(pack, edited, fresh=False))
    return {
        "batch": batch(pack, scale),
        "regex": _regex_cost(pack, scale),
        "rules": len(pack.rules),
        "rules_version": pack.rules_version,
        "checks": {case: summary(ts) | {"findings": found[case]} for case, ts in times.items()},
        "recheck": {lang: {"first": summary(first[lang]), "again": summary(again[lang])}
                    for lang in texts.LANGS},
    }


def batch(pack, scale: float = 1.0) -> dict:
    """200 comments of 280 characters through `check_items`, as /v1/check/batch runs them,
    each round with every per-line cache cleared (comments the service has not seen)."""
    items = [{"text": text, "context": "comment", "platform": "facebook", "role": "admin",
              "account": "official", "now": NOW.isoformat()} for text in texts.comments(BATCH_SIZE)]
    check_items(pack, items, default_role="admin", locale="en")      # warm up
    times = []
    for _ in range(max(5, int(BATCH_ROUNDS * scale))):
        clear_cache()
        clear_line_caches()
        began = time.perf_counter()
        check_items(pack, items, default_role="admin", locale="en")
        times.append(time.perf_counter() - began)
    return {"items": BATCH_SIZE, "first": summary(times)}


# A pattern that makes Python's `re` backtrack for ever on a long word (issue 13.1).
HANGING = r"(\w+){1,50}!"


def _regex_cost(pack, scale: float) -> dict:
    """Every regex of the bundled pack over the longest post: RE2 as served, Python's `re`
    on the same patterns for comparison, and a backtracking pattern on one long word."""
    patterns = [regex for rule in pack.rules for _lang, regex in getattr(rule.kind, "regexes", ())]
    lines = texts.post("fi", texts.FACEBOOK_MAX, True).split("\n")
    python = [re.compile(p.pattern, re.IGNORECASE) for p in patterns]
    word = "a" * texts.FACEBOOK_MAX
    hanging = regexsafe.compile_safe(HANGING)
    times: dict[str, list[float]] = {"re2": [], "re": [], "hanging": []}
    for _ in range(max(3, int(20 * scale))):
        clear_line_caches()                      # a post never seen: boundaries found again
        began = time.perf_counter()
        for line in lines:                        # line by line, as the pattern kind does
            for regex in patterns:
                regex.spans(line)
        times["re2"].append(time.perf_counter() - began)
        began = time.perf_counter()
        for line in lines:
            for regex in python:
                for _match in regex.finditer(line):
                    pass
        times["re"].append(time.perf_counter() - began)
        began = time.perf_counter()
        hanging.spans(word)
        times["hanging"].append(time.perf_counter() - began)
    return {"patterns": len(patterns)} | {name: summary(ts) for name, ts in times.items()}
