"""What every rule kind shares: a match, the check context, typed parameters."""

from __future__ import annotations

from abc import ABC, abstractmethod
import re
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter
from typing import Any, ClassVar

from checker.langid import LANGUAGES, Languages
from checker.lexicon import Lexicon, PatternError
from checker.model import Organization, Request
from checker.regexsafe import ruled_out
from checker.text import Document
from checker.yamlload import LineDict, LineList, line_of

LANG_KEYS = (*LANGUAGES, "any")


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
    org: Organization
    token_keys: dict[int, frozenset[Hashable]]         # token index -> lexicon keys it hits
    hits: dict[str, list[tuple[int, tuple]]]           # rule id -> (token index, key), in order
    joined_hits: dict[str, list[tuple[int, tuple]]]    # the same for words written apart

    @cached_property
    def ruled_out(self) -> list[frozenset[int]]:
        """For each line, the regexes (serials) that the RE2 set shows to match nowhere in it."""
        return [ruled_out(line) for line in self.doc.line_texts]

    @cached_property
    def unmatched_regexes(self) -> frozenset[int]:
        """The regexes (serials) that the RE2 set shows to match in no line of the text."""
        return frozenset.intersection(*self.ruled_out)

    @cached_property
    def present_keys(self) -> frozenset[Hashable]:
        """Every lexicon key some word of the text carries (a word's key set counted once)."""
        return frozenset().union(*set(self.token_keys.values()))


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


PARAM_TYPES = ("number", "text", "texts", "per_language", "number_per_language", "slots")


@dataclass(frozen=True)
class Param:
    """One parameter a kind accepts: its type, the values it allows and what it means.

    Types: `number`; `text` (one of `choices`, if given); `texts` (a text or a list of
    them); `per_language` (fi, sv, en or any mapped to a text or a list of texts);
    `number_per_language` (a number, or fi, sv, en mapped to numbers); `slots` (names
    mapped to `per_language` lists). The rule-file JSON Schema and the kinds table in
    docs/rule-packs.md are generated from these declarations."""

    name: str
    type: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    default: float | str | None = None
    minimum: float | None = None
    maximum: float | None = None

    def problem(self, value: Any) -> tuple[str, int] | None:
        """Why a value does not fit this parameter's type and the YAML line that shows it
        (0: the parameter's own line), or None when it fits."""
        texts = isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
        if self.type == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return f"'{self.name}' must be a number", 0
            if self.minimum is not None and value < self.minimum:
                return f"'{self.name}' must be at least {self.minimum:g}", 0
            if self.maximum is not None and value > self.maximum:
                return f"'{self.name}' may be at most {self.maximum:g}", 0
        elif self.type in ("text", "texts"):
            if not (isinstance(value, str) if self.type == "text" else texts):
                return f"'{self.name}' must be " + ("a text" if self.type == "text" else "a list of texts"), 0
            for item in [value] if isinstance(value, str) else value:
                if self.choices and item not in self.choices:
                    return f"'{self.name}' has {item!r}; expected one of {', '.join(self.choices)}", 0
        elif self.type == "per_language":
            return _per_language_problem(self.name, value)
        elif self.type == "number_per_language":
            numbers = value.values() if isinstance(value, dict) else [value]
            if (isinstance(value, dict) and any(k not in LANGUAGES for k in value)) or \
                    any(isinstance(n, bool) or not isinstance(n, (int, float)) for n in numbers):
                return f"'{self.name}' must be a number or map {', '.join(LANGUAGES)} to numbers", 0
        elif self.type == "slots":
            if not isinstance(value, dict):
                return f"'{self.name}' must map slot names to lists per language", 0
            for slot, lists in value.items():
                found = _per_language_problem(f"{self.name}.{slot}", lists)
                if found:
                    return found[0], found[1] or line_of(value, slot)
        return None


def _per_language_problem(name: str, value: Any) -> tuple[str, int] | None:
    if not isinstance(value, dict):
        return f"'{name}' must map languages ({', '.join(LANG_KEYS)}) to lists", 0
    for lang, items in value.items():
        if lang not in LANG_KEYS:
            return f"'{name}' has language {lang!r}; expected one of {', '.join(LANG_KEYS)}", line_of(value, lang)
        if not (isinstance(items, str) or (isinstance(items, list) and all(isinstance(i, str) for i in items))):
            return f"'{name}.{lang}' must be a list of texts", line_of(value, lang)
    return None


class Kind(ABC):
    """A rule kind: built once from a rule's parameters, then asked for matches per check.

    `summary` says in a few words what it finds; `parameters` declares what a rule of this
    kind may set (see Param)."""

    name: ClassVar[str]
    summary: ClassVar[str]
    parameters: ClassVar[tuple[Param, ...]]

    @classmethod
    def parameter_names(cls) -> frozenset[str]:
        return frozenset(p.name for p in cls.parameters)

    @abstractmethod
    def find(self, ctx: Context) -> Iterable[Match]:
        """Every place in the text this rule fires."""

    def needs_hits(self) -> bool:
        """True when every match starts at a word the rule registered in the lexicon or at a
        match of one of its regexes (`regex_serials`), so a post where none of its words
        stands (`ctx.hits` and `ctx.joined_hits` have nothing under the rule's id) and none of
        its regexes can match cannot match, and the engine skips the rule. False by default."""
        return False

    def requirements(self) -> tuple[tuple[frozenset[Hashable], ...], ...] | None:
        """The ways the rule can fire from its words (its regexes aside), each as the lexicon
        key sets that a word of the post must carry one key of, every set of a way: a post
        that fills every set of no way gets nothing from the rule's words, and the engine
        skips the rule there (when `needs_hits`, unless a regex of it may match or a word of it
        stands written apart, `ctx.joined_hits`). None (the default): the rule may fire
        wherever it has a word (`ctx.hits`, `ctx.joined_hits`)."""
        return None

    def regex_serials(self) -> frozenset[int]:
        """The serials (checker/regexsafe.py) of the regexes the rule matches; none by default.
        A rule with regexes runs under its request's regex deadline (the engine sets it)."""
        return frozenset()


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

    def add_lists(self, params: Params, lists: tuple[tuple[str, str], ...]) -> None:
        """Register the optional word lists a rule names per language: for each (parameter,
        tag), every word of the parameter reports (rule id, tag, language)."""
        for name, tag in lists:
            for lang, items in params.per_language(name, required=False).items():
                for word, line in items:
                    self.add_word(word, (self.rule_id, tag, lang), line)


# A match ending on one of these words points at a thing it does not name ("slash his",
# "naarmuttakaa sen"): its finding goes on over the next word, the thing itself.
POINTERS = frozenset("""se sen ne niiden niitä sitä tuo tuon nuo noiden toi ton noi tää tän nää näiden hänen heidän
    hans hennes deras dess den det de dom dem his her their its the that this those these""".split())


# Pointers that, right after a match, open the phrase of its object ("pocketing the money").
OBJECT_POINTERS = frozenset("the his her their hans hennes deras sin sina sitt niiden hänen heidän".split())


def pointed_end(ctx: Context, last: int) -> int:
    """The token a finding ends on: the one after `last` when `last` is a pointer word, and
    the one after next when the next word is a possessive or "the" ("pocketing the money");
    only spaces between them, else `last`."""
    tokens, text = ctx.doc.tokens, ctx.doc.text

    def joins(index: int) -> bool:
        return index + 1 < len(tokens) and tokens[index + 1].line == tokens[index].line \
            and tokens[index + 1].lower not in POINTERS and not text[tokens[index].end:tokens[index + 1].start].strip()

    if tokens[last].lower in POINTERS:
        return last + 1 if joins(last) else last
    following = last + 1
    if following < len(tokens) and tokens[following].lower in OBJECT_POINTERS \
            and not text[tokens[last].end:tokens[following].start].strip() and joins(following):
        return following + 1
    return last


def allowed_in(ctx: Context, line: int, lang: str) -> bool:
    """Whether a list for `lang` applies at a line ("any" applies everywhere)."""
    languages = ctx.languages         # Languages.allows, inlined: asked once per word and list
    return lang == "any" or lang in languages.per_line.get(line, languages.everywhere)


class SlotOf(dict):
    """A rule's key -> the (slot, language) it fills, or None for its other words (unless,
    openers, ...); worked out once per key. None in a set of filled slots fills no slot."""

    def __missing__(self, key: tuple) -> tuple | None:
        value = self[key] = key[2:] if key[1] == "slot" else None
        return value

    def filled(self, hits: list[tuple[int, tuple]]) -> frozenset:
        """The (slot, language) pairs the keys of a rule's hits fill (and None for others)."""
        return frozenset(map(self.__getitem__, map(SECOND, hits)))


SECOND = itemgetter(1)          # a hit's key


CLAUSE_PUNCTUATION = frozenset(",;:\u2013\u2014")


def breaks_clause(between: str) -> bool:
    """Whether the text between two words ends a clause (used by `pattern` and `clause`): a
    comma, colon, semicolon or dash, but not the hyphen that joins the parts of one word ("vuokra-asuntoja")."""
    last = len(between) - 1
    for i, ch in enumerate(between):
        if ch == "-":                       # a word's own hyphen has a letter on both sides
            if (i == 0 or between[i - 1].isalnum()) and (i == last or between[i + 1].isalnum()):
                continue
            return True
        if ch in CLAUSE_PUNCTUATION:
            return True
    return False


def sentence_window(ctx: Context, begin: int, end: int, around: int) -> tuple[int, int]:
    """Where the sentence of [begin, end) and `around` sentences on each side start and end."""
    sentences = ctx.doc.sentences
    if not sentences:
        return 0, end
    number = max(bisect_right(sentences, (begin, len(ctx.doc.text) + 1)) - 1, 0)
    return (sentences[max(0, number - around)][0],
            max(sentences[min(len(sentences) - 1, number + around)][1], end))


BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")     # a context word beyond a paragraph break is not marked


def with_context_word(ctx: Context, words: list[tuple[int, int]], begin: int, end: int,
                      around: int) -> tuple[int, int] | None:
    """[begin, end) grown to take in the context word nearest to it, in its sentence or the
    `around` sentences on each side (the last one before the match, else the first one after
    its start), so that the finding shows the group, the cue or the target the match needs
    ("Ukrainians. ... They'll be on benefits", "... helppo peittää sprayllä. tiedoks vaan");
    never across a paragraph break. None when no context word stands there."""
    window_start, window_end = sentence_window(ctx, begin, end, around)
    i = bisect_left(words, (begin,))
    if i > 0 and words[i - 1][0] >= window_start:
        near = words[i - 1]
    elif i < len(words) and words[i][0] < window_end:
        near = words[i]
    else:
        return None
    if BLANK_LINE_RE.search(ctx.doc.text, min(end, near[1]), max(begin, near[0])):
        return begin, end
    return min(begin, near[0]), max(end, near[1])
