"""Peers on the same texts: better-profanity with its default list, proselint on English.

better-profanity compares every token with its whole list in Python; on a 63,206-character
post that takes seconds, so the long text gets a single round.
"""

from __future__ import annotations

import time

from bench import texts
from bench.stats import summary

ROUNDS = {280: 15, 2_000: 3, texts.FACEBOOK_MAX: 1}


def _time(fn, text: str, rounds: int) -> dict:
    fn(text)                                                    # warm up (loads, compiles)
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - began)
    return summary(times)


def run(scale: float = 1.0, long_langs: tuple[str, ...] = texts.LANGS) -> dict:
    from better_profanity import profanity

    profanity.load_censor_words()                               # its default word list
    result: dict = {"better-profanity": {}, "proselint": {}}
    for size in texts.SIZES:
        rounds = max(1, int(ROUNDS[size] * scale))
        for lang in texts.LANGS:
            if size == texts.FACEBOOK_MAX and lang not in long_langs:
                continue
            text = texts.post(lang, size, findings=True)
            if size == texts.FACEBOOK_MAX:                      # no warm-up round: seconds each
                began = time.perf_counter()
                profanity.contains_profanity(text)
                result["better-profanity"][(lang, size)] = summary([time.perf_counter() - began])
            else:
                result["better-profanity"][(lang, size)] = _time(profanity.contains_profanity, text, rounds)
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return result
    CheckRegistry().register_many(__register__)
    for size in texts.SIZES:
        text = texts.post("en", size, findings=True)
        rounds = max(1, int({280: 30, 2_000: 10, texts.FACEBOOK_MAX: 2}[size] * scale))
        result["proselint"][("en", size)] = _time(lambda t: LintFile("<bench>", t).lint(), text, rounds)
    return result
