"""`pattern`: phrases with slots, such as a second person followed by an accusation.

    kind: pattern
    slots:                       # named word lists, per language
      you: {sv: [du, ni], en: [you, "you're", u]}
      lie: {sv: [ljug*, ljög], en: [lie, lying, lied]}
    patterns:                    # elements are {slot} or word patterns, per language
      sv: ["{you} {lie}"]
      en: ["{you} {lie}", "{you} are a liar*"]
    gap: 1                       # other words allowed between two elements (default 0)
    unless:                      # words that cancel a match when they stand in it or
      en: [not, never]           # up to `unless_before` words before it (negation)
    unless_before: 2             # (default 2)
    regex:                       # optional regular expressions, matched in linear time (RE2)
      fi: ['\\bkuva\\s+netist[äa]\\b']

Every element must be on the same line as the first, and a regex matches within one line.
Matching starts only at tokens that can begin a sequence and looks ahead a bounded
number of words, so it is linear in the text; regex matches are cached per line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checker.kinds.base import Build, Context, Kind, Match, Param, Params, RuleError, allowed_in
from checker.regexsafe import SafeRegex, UnsafeRegex, compile_safe
from checker.text import line_cache

SLOT_RE = re.compile(r"^\{([a-z_][a-z0-9_]*)\}$")
MAX_GAP = 5
UNLESS = "unless"


class Pattern(Kind):
    name = "pattern"
    summary = "phrases with slots (\"du ljuger\"), safe regular expressions"
    parameters = (
        Param("slots", "slots", "named word lists, per language, used as {name} in patterns"),
        Param("patterns", "per_language", "sequences of {slot}s and word patterns"),
        Param("gap", "number", "other words allowed between two elements", default=0, minimum=0,
              maximum=MAX_GAP),
        Param("regex", "per_language", "regular expressions, matched in linear time (RE2)"),
        Param("unless", "per_language", "words that cancel a match in it or just before it"),
        Param("unless_before", "number", "how many words before a match `unless` looks at",
              default=2, minimum=0, maximum=MAX_GAP),
    )

    def __init__(self, params: Params, build: Build) -> None:
        self.rule_id = build.rule_id
        self.gap = int(params.number("gap", 0))
        if self.gap > MAX_GAP:
            raise params.error("gap", f"'gap' may be at most {MAX_GAP}")
        slots = params.raw("slots", {}) or {}
        if not isinstance(slots, dict):
            raise params.error("slots", "'slots' must map slot names to lists per language")
        slot_langs: dict[str, set[str]] = {}
        for slot in slots:
            lists = Params(slots).per_language(slot)
            slot_langs[slot] = set(lists)
            for lang, items in lists.items():
                for word, line in items:
                    build.add_word(word, (self.rule_id, "slot", slot, lang), line)
        # (lang, elements); an element is ("slot", name) or ("lit", key)
        self.sequences: list[tuple[str, list[tuple[str, object]]]] = []
        for lang, items in params.per_language("patterns", required=not params.has("regex")).items():
            for number, (text, line) in enumerate(items):
                elements = []
                for position, part in enumerate(text.split()):
                    slot = SLOT_RE.match(part)
                    if slot:
                        name = slot.group(1)
                        if name not in slot_langs:
                            raise RuleError(line, f"pattern {text!r} uses slot {{{name}}}, which 'slots' does not define")
                        if lang != "any" and not slot_langs[name] & {lang, "any"}:
                            raise RuleError(line, f"slot {{{name}}} has no words for language {lang!r}")
                        elements.append(("slot", name))
                    else:
                        key = (self.rule_id, "lit", lang, number, position)
                        build.add_word(part, key, line)
                        elements.append(("lit", key))
                if not elements:
                    raise RuleError(line, "an empty pattern")
                self.sequences.append((lang, elements))
        # The sequences a token can begin, by the lexicon key of their first element.
        self.by_first: dict[tuple, list[tuple[str, list[tuple[str, object]]]]] = {}
        for lang, elements in self.sequences:
            kind, value = elements[0]
            firsts = [value] if kind == "lit" else [
                (self.rule_id, "slot", value, slot_lang) for slot_lang in ({lang, "any"} if lang != "any"
                                                                           else slot_langs[value])]
            for key in firsts:
                self.by_first.setdefault(key, []).append((lang, elements))
        for lang, items in params.per_language("unless", required=False).items():
            for word, line in items:
                build.add_word(word, (self.rule_id, UNLESS, lang), line)
        self.unless_before = int(params.number("unless_before", 2))
        if self.unless_before > MAX_GAP:
            raise params.error("unless_before", f"'unless_before' may be at most {MAX_GAP}")
        self.regexes: list[tuple[str, SafeRegex]] = []
        for lang, items in params.per_language("regex", required=False).items():
            for text, line in items:
                try:
                    self.regexes.append((lang, compile_safe(text)))
                except UnsafeRegex as exc:
                    raise RuleError(line, f"regex {text!r}: {exc}") from exc

    def _fits(self, ctx: Context, index: int, lang: str, element: tuple[str, object]) -> bool:
        keys = ctx.token_keys.get(index, ())
        kind, value = element
        if kind == "lit":
            return value in keys
        return ((self.rule_id, "slot", value, lang) in keys
                or (self.rule_id, "slot", value, "any") in keys)

    def _match_from(self, ctx: Context, start: int, lang: str, elements) -> int | None:
        """The index of the last token of a match beginning at `start`, or None."""
        tokens = ctx.doc.tokens
        line = tokens[start].line
        position = start
        for element in elements[1:]:
            for candidate in range(position + 1, min(position + 2 + self.gap, len(tokens))):
                if tokens[candidate].line != line:
                    return None
                if self._fits(ctx, candidate, lang, element):
                    position = candidate
                    break
            else:
                return None
        return position

    def _cancelled(self, ctx: Context, first: int, last: int, lang: str) -> bool:
        """Whether an `unless` word stands in the match or just before it, on its line."""
        line = ctx.doc.tokens[first].line
        for index in range(max(0, first - self.unless_before), last + 1):
            keys = ctx.token_keys.get(index, ())
            if ctx.doc.tokens[index].line == line and (
                    (self.rule_id, UNLESS, lang) in keys or (self.rule_id, UNLESS, "any") in keys):
                return True
        return False

    def find(self, ctx: Context) -> Iterable[Match]:
        tokens = ctx.doc.tokens
        for index, key in ctx.hits.get(self.rule_id, ()):
            for lang, elements in self.by_first.get(key, ()):
                if not allowed_in(ctx, tokens[index].line, lang):
                    continue
                if not self._fits(ctx, index, lang, elements[0]):
                    continue
                last = self._match_from(ctx, index, lang, elements)
                if last is not None and not self._cancelled(ctx, index, last, lang):
                    yield Match(tokens[index].start, tokens[last].end)
        if self.regexes:
            doc = ctx.doc
            for number, (line_start, line_text) in enumerate(zip(doc.line_starts, doc.line_texts)):
                for lang, regex in self.regexes:
                    if allowed_in(ctx, number, lang):
                        for start, end in _regex_in_line(regex, line_text):
                            yield Match(line_start + start, line_start + end)


@line_cache
def _regex_in_line(regex: SafeRegex, line: str) -> tuple[tuple[int, int], ...]:
    """Where a regex matches in one line; cached, since it depends on the line's text only."""
    return regex.spans(line)
