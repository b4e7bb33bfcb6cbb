"""What every rule kind shares: the request, a match, the check context, typed parameters."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from checker.languages import LANGUAGES, Languages
from checker.lexicon import Lexicon, PatternError
from checker.text import Document
from checker.yamlload import LineDict, LineList, line_of

LANG_KEYS = (*LANGUAGES, "any")


@dataclass(frozen=True)
class Attachment:
    """Media attached to a post."""

    type: str
    name: str | None = None


@dataclass(frozen=True)
class Request:
    """A check request, validated: the text and where and how it will be published."""

    text: str
    now: datetime
    platform: str = "other"
    account: str = "personal"
    role: str = "staff"
    context: str = "post"
    attachments: tuple[Attachment, ...] = ()
    locale: str = "en"


@dataclass(frozen=True)
class Match:
    """Where a rule fired, in string indices; (0, 0) is the post as a whole. A kind may
    give a message of its own for this place (per locale), instead of the rule's."""

    start: int
    end: int
    suggestion: dict[str, str] | None = None
    message: dict[str, str] | None = None


@dataclass
class Context:
    """Everything a rule may look at during one check."""

    doc: Document
    request: Request
    languages: Languages
    org: "Organization"
    token_keys: dict[int, frozenset[Hashable]]         # token index -> lexicon keys it hits
    hits: dict[str, list[tuple[int, tuple]]]           # rule id -> (token index, key), in order
    joined_hits: dict[str, list[tuple[int, tuple]]]    # the same for words written apart


@dataclass(frozen=True)
class Hours:
    """Weekly hours: weekdays (0 = Monday) and a daily window in minutes."""

    days: frozenset[int]
    start: int
    end: int

    def contains(self, moment: datetime) -> bool:
        minute = moment.hour * 60 + moment.minute
        return moment.weekday() in self.days and self.start <= minute < self.end


@dataclass(frozen=True)
class Organization:
    """The organization's own settings from pack.yaml."""

    name: dict[str, str] = field(default_factory=dict)
    email_domains: tuple[str, ...] = ()
    phone_numbers: tuple[str, ...] = ()
    officials: tuple[str, ...] = ()     # people who may be named in their role ("anna virtanen")
    titles: tuple[str, ...] = ()        # word patterns of their titles ("kaupunginjohtaja*")
    timezone: str = "Europe/Helsinki"
    working_hours: Hours = Hours(frozenset(range(5)), 8 * 60, 16 * 60)
    response_hours: Hours = Hours(frozenset(range(5)), 8 * 60, 16 * 60)


class RuleError(Exception):
    """A rule that cannot be used, with the line that says why."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line, self.reason = line, reason


class Params:
    """A rule's parameters, read with types checked and lines remembered."""

    def __init__(self, data: LineDict) -> None:
        self.data = data
        self.used: set[str] = set()

    def line(self, key: str | None = None) -> int:
        return line_of(self.data, key)

    def error(self, key: str | None, reason: str) -> RuleError:
        return RuleError(self.line(key), reason)

    def raw(self, key: str, default: Any = None) -> Any:
        self.used.add(key)
        return self.data.get(key, default)

    def has(self, key: str) -> bool:
        return key in self.data

    def number(self, key: str, default: float | None = None, *, minimum: float = 0) -> float:
        value = self.raw(key, default)
        if value is None:
            raise self.error(key, f"'{key}' is required")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < minimum:
            raise self.error(key, f"'{key}' must be a number of at least {minimum}")
        return value

    def text(self, key: str, default: str | None = None, choices: Iterable[str] | None = None) -> str:
        value = self.raw(key, default)
        if not isinstance(value, str):
            raise self.error(key, f"'{key}' must be a text" + ("" if default else " and is required"))
        if choices is not None and value not in choices:
            raise self.error(key, f"'{key}' is {value!r}; expected one of {', '.join(choices)}")
        return value

    def strings(self, key: str, default: list[str] | None = None,
                choices: Iterable[str] | None = None) -> list[str]:
        value = self.raw(key, default)
        if value is None:
            raise self.error(key, f"'{key}' is required: a list of texts")
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(key, f"'{key}' must be a list of texts")
        if choices is not None:
            allowed = tuple(choices)
            for item in value:
                if item not in allowed:
                    raise self.error(key, f"'{key}' has {item!r}; expected one of {', '.join(allowed)}")
        return list(value)

    def per_language(self, key: str, required: bool = True) -> dict[str, list[tuple[str, int]]]:
        """A mapping of language (fi, sv, en or any) to a list of texts, each with its line."""
        value = self.raw(key)
        if value is None:
            if required:
                raise self.error(key, f"'{key}' is required: lists per language ({', '.join(LANG_KEYS)})")
            return {}
        if not isinstance(value, dict):
            raise self.error(key, f"'{key}' must map languages ({', '.join(LANG_KEYS)}) to lists")
        result = {}
        for lang, items in value.items():
            line = line_of(value, lang)
            if lang not in LANG_KEYS:
                raise RuleError(line, f"'{key}' has language {lang!r}; expected one of {', '.join(LANG_KEYS)}")
            if isinstance(items, str):
                items = LineList([items])
                items.item_lines = [line]
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise RuleError(line, f"'{key}.{lang}' must be a list of texts")
            lines = getattr(items, "item_lines", [line] * len(items))
            result[lang] = list(zip(items, lines))
        return result


class Kind(ABC):
    """A rule kind: built once from a rule's parameters, then asked for matches per check."""

    name: ClassVar[str]
    parameters: ClassVar[frozenset[str]]

    @abstractmethod
    def find(self, ctx: Context) -> Iterable[Match]:
        """Every place in the text this rule fires."""


@dataclass
class Build:
    """What a kind may use while it is being built."""

    lexicon: Lexicon
    org: Organization
    rule_id: str

    def add_word(self, pattern: str, key: Hashable, line: int) -> None:
        """Register a word pattern in the pack's lexicon, reporting a bad one with its line."""
        try:
            self.lexicon.add(pattern, key)
        except PatternError as exc:
            raise RuleError(line, str(exc)) from exc


def allowed_in(ctx: Context, line: int, lang: str) -> bool:
    """Whether a list for `lang` applies at a line ("any" applies everywhere)."""
    return lang == "any" or ctx.languages.allows(line, lang)
