"""The languages posts are read in, as data: one YAML file per language in this folder.

These are *text* languages (what langid detects in a post and word lists are written in),
kept apart from the *message* languages a user reads (checker/vocabulary.py LOCALES), though
today both are Finnish, Swedish and English. Each file holds the frequent words that decide
a short line, weekday and month names with their forms, the words between a weekday and its
date, street-name endings, and the words that open and join clauses. Adding a language is a
file here plus its langdetect profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

TEXT_LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
# libyaml's safe loader where PyYAML has it (its wheels do), several times faster at start
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CLAUSE_LISTS = ("subordinators", "adversatives", "coordinators", "other_sense", "subject_pronouns")


@dataclass(frozen=True)
class LanguageData:
    """What the checker knows of one language, read from `<lang>.yaml`."""

    function_words: frozenset[str]
    weekdays: tuple[str, ...]                 # Monday first
    weekday_endings: tuple[str, ...]
    weekday_short: tuple[tuple[str, ...], ...]
    months: tuple[str, ...]                   # January first
    month_short: dict[str, int]
    date_words: tuple[str, ...]
    street_suffixes: tuple[str, ...]
    standalone_streets: frozenset[str]
    street_types: tuple[str, ...]
    subordinators: frozenset[str]             # clause words, see checker/sentences.py
    adversatives: frozenset[str]
    coordinators: frozenset[str]
    other_sense: frozenset[str]
    subject_pronouns: frozenset[str]
    relative_pronouns: tuple[str, ...]


@cache
def load(lang: str) -> LanguageData:
    """The data of one text language; ValueError when its file is missing or malformed."""
    try:
        text = (resources.files(__name__) / f"{lang}.yaml").read_text(encoding="utf-8")
        raw = yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
        data = LanguageData(
            function_words=frozenset(map(str, raw["function_words"])),
            weekdays=tuple(raw["weekdays"]), weekday_endings=tuple(raw["weekday_endings"]),
            weekday_short=tuple(tuple(forms) for forms in raw["weekday_short"]),
            months=tuple(raw["months"]), month_short=dict(raw["month_short"]),
            date_words=tuple(raw["date_words"]), street_suffixes=tuple(raw["street_suffixes"]),
            standalone_streets=frozenset(raw["standalone_streets"]),
            street_types=tuple(raw["street_types"]),
            **{key: frozenset(map(str, raw[key])) for key in CLAUSE_LISTS},
            relative_pronouns=tuple(map(str, raw["relative_pronouns"])))
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise ValueError(f"checker/langdata/{lang}.yaml cannot be used: {exc}") from exc
    if not data.other_sense <= data.subordinators | data.adversatives:
        raise ValueError(f"checker/langdata/{lang}.yaml: other_sense names only subordinators and adversatives")
    if len(data.weekdays) != 7 or len(data.weekday_short) != 7 or len(data.months) != 12:
        raise ValueError(f"checker/langdata/{lang}.yaml needs 7 weekdays and 12 months")
    return data


LANGUAGE_DATA: dict[str, LanguageData] = {lang: load(lang) for lang in TEXT_LANGUAGES}
