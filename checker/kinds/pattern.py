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
    unless_after: 0              # and up to this many words after it, in its sentence (default 0)
    negation:                    # words that cancel a match only inside its own clause: in it,
      en: [not, "didn't", never] # up to `unless_before` words before it, or two words after it
    clause:                      # words that open a new clause, where `negation` stops looking
      en: [that, think, heard]   # back: "I don't think he lied" still accuses, "he didn't lie" not
    unless_earlier:              # words that cancel a match anywhere before it in its sentence: someone
      en: [wrote, shouted]       # else's words reported ("someone wrote that X is a clown"), a pet as the doer
    initial: imp                 # a match that begins with this slot's word opens its clause: only
    initial_after:               # these words may stand before it there ("och krossa", "just smash");
      sv: [och, så]              # "det förstör däcken" is a statement, "förstör däcken!" an order
    extend: 4                    # the finding also covers this many words after it, in its clause
    extend_before: 2             # and this many words before it, within its clause (default 0)
    context: group               # optional: a slot whose word must stand in the same sentence
    context_sentences: 1         # or at most this many before or after ("Mamuja tulee. Ne on loisia.")
    unless_near: game            # optional: see checker/kinds/near.py (and unless_signs: signs.py)
    regex:                       # optional regular expressions, matched in linear time (RE2)
      fi: ['\\bkuva\\s+netist[äa]\\b']

A clause ends at a comma, semicolon, colon, dash or bracket. A match stays on one line.
Nothing inside a web address matches: its slug is someone else's words. `context` applies
to regex matches too; the cancelling words (`unless`, `negation`, `unless_earlier`) and
`initial` do not: a regex states its own surroundings, and the bundled pack's regexes are
written so (cancelling them lost true findings on the tuning sets).
Matching starts only at tokens that can begin a sequence and looks ahead a bounded number of
words, so it is linear in the text; regex matches are cached per line. The sequences form one
tree (kinds/sequences.py), not walked at all in a post that lacks a word for every sequence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checker.kinds.near import NEAR_PARAMS, is_near, near_slot, near_words
from checker.kinds.base import (Build, Context, Kind, Match, Param, Params, RuleError, allowed_in, breaks_clause,
                                 pointed_end, with_context_word)
from checker.kinds.frames import EARLIER, INITIAL_AFTER, earlier, joins, names_someone, not_initial
from checker.kinds.phrases import rest_key
from checker.kinds.signs import UNLESS_SIGNS, read_signs, signed
from checker.kinds.sequences import Sequences
from checker.regexsafe import SafeRegex, UnsafeRegex, compile_safe
from checker.sentences import ends_between
from checker.text import line_cache
from checker.variants import fold_regex

SLOT_RE = re.compile(r"^\{([a-z_][a-z0-9_]*)\}$")
MAX_REACH = 3
MAX_GAP = 5
MAX_CONTEXT_SENTENCES = 3
UNLESS = "unless"
NEGATION = "negation"
CLAUSE = "clause"
MAX_EXTEND = 8
NEGATION_AFTER = 2          # words after a match where a negation still belongs to it ("ljög inte")


class Pattern(Kind):
    name = "pattern"
    summary = "phrases with slots (\"du ljuger\"), sentence shapes, safe regular expressions"
    parameters = (
        Param("slots", "slots", "named word lists, per language, used as {name} in patterns"),
        Param("patterns", "per_language", "sequences of {slot}s and word patterns"),
        Param("gap", "number", "other words allowed between two elements", default=0, minimum=0,
              maximum=MAX_GAP),
        Param("regex", "per_language", "regular expressions, matched in linear time (RE2); "
              "`unless`, `negation`, `unless_earlier` and `initial` do not apply to their matches"),
        Param("unless", "per_language", "words that cancel a match in it or just before it"),
        Param("unless_before", "number", "how many words before a match `unless` looks at",
              default=2, minimum=0, maximum=MAX_GAP),
        Param("unless_after", "number", "how many words after a match, in its sentence, `unless` looks at",
              default=0, minimum=0, maximum=MAX_GAP),
        Param("negation", "per_language", "words that cancel a match in it or just before or after it, within its clause"),
        Param("clause", "per_language", "words that open a new clause: `negation` does not look back past them"),
        Param("initial", "text", "a slot: a match that begins with its word must open its clause"),
        Param("initial_after", "per_language", "words that may stand before an `initial` match in its clause"),
        Param("unless_earlier", "per_language", "words that cancel a match anywhere before it in its sentence "
              "(someone else's words reported, a pet as the doer)"),
        Param("extend", "number", "words after a match, within its clause, that its finding also covers", default=0,
              minimum=0, maximum=MAX_EXTEND),
        Param("extend_before", "number", "words before a match, within its clause, that its finding also covers",
              default=0, minimum=0, maximum=MAX_EXTEND),
        Param("context", "text", "a slot whose word must stand in the match's sentence or the ones around it"),
        Param("context_sentences", "number", "how many sentences before or after the match `context` looks at",
              default=1, minimum=0, maximum=MAX_CONTEXT_SENTENCES),
        *NEAR_PARAMS,
        UNLESS_SIGNS,
    )

    def __init__(self, params: Params, build: Build) -> None:
        self.rule_id = build.rule_id
        self.gap = int(params.number("gap", 0))
        if self.gap > MAX_GAP:
            raise params.error("gap", f"'gap' may be at most {MAX_GAP}")
        self.rest_id = rest_key(self.rule_id)
        slots = params.raw("slots", {}) or {}
        if not isinstance(slots, dict):
            raise params.error("slots", "'slots' must map slot names to lists per language")
        slot_lists = {slot: Params(slots).per_language(slot) for slot in slots}
        slot_langs = {slot: set(lists) for slot, lists in slot_lists.items()}
        # (lang, elements); an element is ("slot", name) or ("lit", key)
        sequences: list[tuple[str, list[tuple[str, object]]]] = []
        literals: dict[tuple[str, str, str], tuple] = {}     # (owner, lang, word) -> its key
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
                        owner = self.rule_id if position == 0 else self.rest_id
                        key = literals.get((owner, lang, part))
                        if key is None:      # one key per word: patterns that share words share a path
                            key = literals[(owner, lang, part)] = (owner, "lit", lang, len(literals))
                            build.add_word(part, key, line)
                        elements.append(("lit", key))
                if not elements:
                    raise RuleError(line, "an empty pattern")
                sequences.append((lang, elements))
        self.context: str | None = params.raw("context")
        if self.context is not None and self.context not in slot_langs:
            raise params.error("context", f"'context' names slot {self.context!r}, which 'slots' does not define")
        self.unless_near, self.near_sentences = near_slot(params, slot_langs)
        # A slot that can begin a match (or is the context or unless_near) is the rule's own, in
        # ctx.hits; the others, like the later words of a pattern, are looked up per token only.
        leads = {elements[0][1] for _, elements in sequences if elements[0][0] == "slot"}
        self.slot_owner = {slot: self.rule_id if slot in leads or slot in (self.context, self.unless_near)
                           else self.rest_id for slot in slot_lists}
        for slot, lists in slot_lists.items():
            for lang, items in lists.items():
                for word, line in items:
                    build.add_word(word, (self.slot_owner[slot], "slot", slot, lang), line)
        # Each element as the set of keys a token may carry to fill it; a match is tagged
        # with its language and its last element (where its finding may reach on).
        self.sequences = Sequences(self.gap)
        for lang, elements in sequences:
            accepts = tuple(self._accepts(lang, element) for element in elements)
            self.sequences.add(lang, accepts, (lang, accepts[-1]))
        self.sequences.freeze()
        for lang, items in params.per_language("unless", required=False).items():
            for word, line in items:
                build.add_word(word, (self.rest_id, UNLESS, lang), line)
        self.negation = params.has(NEGATION)
        self.earlier = params.has(EARLIER)
        self.initial = params.text("initial") if params.has("initial") else None
        if self.initial is not None and self.initial not in slot_langs:
            raise params.error("initial", f"'initial' names slot {{{self.initial}}}, which 'slots' does not define")
        for tag in (NEGATION, CLAUSE, EARLIER, INITIAL_AFTER):
            for lang, items in params.per_language(tag, required=False).items():
                for word, line in items:
                    build.add_word(word, (self.rest_id, tag, lang), line)
        self.context_sentences = int(params.number("context_sentences", 1))
        if self.context_sentences > MAX_CONTEXT_SENTENCES:
            raise params.error("context_sentences", f"'context_sentences' may be at most {MAX_CONTEXT_SENTENCES}")
        self.extend = int(params.number("extend", 0))
        if self.extend > MAX_EXTEND:
            raise params.error("extend", f"'extend' may be at most {MAX_EXTEND}")
        self.extend_before = int(params.number("extend_before", 0))
        if self.extend_before > MAX_EXTEND:
            raise params.error("extend_before", f"'extend_before' may be at most {MAX_EXTEND}")
        self.unless_before = int(params.number("unless_before", 2))
        if self.unless_before > MAX_GAP:
            raise params.error("unless_before", f"'unless_before' may be at most {MAX_GAP}")
        self.unless_after = int(params.number("unless_after", 0))
        if self.unless_after > MAX_GAP:
            raise params.error("unless_after", f"'unless_after' may be at most {MAX_GAP}")
        self.regexes: list[tuple[str, SafeRegex]] = []
        for lang, items in params.per_language("regex", required=False).items():
            for text, line in items:
                try:
                    self.regexes.append((lang, compile_safe(fold_regex(text))))
                except UnsafeRegex as exc:
                    raise RuleError(line, f"regex {text!r}: {exc}") from exc
        self.serials = frozenset(regex.serial for _, regex in self.regexes)
        self.signs = read_signs(params)

    def _accepts(self, lang: str, element: tuple[str, object]) -> frozenset:
        """The lexicon keys a token may carry to fill an element on a line in `lang`."""
        kind, value = element
        if kind == "lit":
            return frozenset({value})
        langs = {lang, "any"} if lang != "any" else {"fi", "sv", "en", "any"}
        return frozenset((self.slot_owner[value], "slot", value, slot_lang) for slot_lang in langs)

    def _reach(self, ctx: Context, last: int, accept: frozenset) -> int:
        """Where a match's finding ends: over the words right after it that fill its last
        element too ("ylimielisiä paskiaisia"), and over the word a pointer at its end
        stands for ("slash his tyres"), so the finding covers the core words."""
        tokens, text = ctx.doc.tokens, ctx.doc.text
        for _ in range(MAX_REACH):
            following = last + 1
            if following < len(tokens) and tokens[following].line == tokens[last].line \
                    and not text[tokens[last].end:tokens[following].start].strip() \
                    and not accept.isdisjoint(ctx.token_keys.get(following, ())):
                last = following
            elif (reach := pointed_end(ctx, last)) != last:
                last = reach
            else:
                break
        return last

    def _extended(self, ctx: Context, last: int) -> int:
        """Where the finding ends with `extend`: over up to that many following words of the
        match's clause, so it covers what the claim is about ("fifflat med anbuden")."""
        tokens, text = ctx.doc.tokens, ctx.doc.text
        for _ in range(self.extend):
            following = last + 1
            if following >= len(tokens) or tokens[following].line != tokens[last].line:
                break
            gap = text[tokens[last].end:tokens[following].start]
            if ends_between(text, tokens[last].end, tokens[following].start) or breaks_clause(gap):
                break
            last = following
        return last

    def _extended_before(self, ctx: Context, first: int) -> int:
        """Where the finding starts with `extend_before`: over up to that many preceding words
        of the match's clause, so it covers who or what the claim is about ("hamnat i din egen ficka");
        a `clause` word or a conjunction that joins two clauses stops it ("idiot och | du ljuger")."""
        tokens, text = ctx.doc.tokens, ctx.doc.text
        for _ in range(self.extend_before):
            previous = first - 1
            if previous < 0 or tokens[previous].line != tokens[first].line:
                break
            gap = text[tokens[previous].end:tokens[first].start]
            if ends_between(text, tokens[previous].end, tokens[first].start) or breaks_clause(gap) \
                    or joins(ctx, previous) or any(
                    self._has(ctx, previous, CLAUSE, lang) for lang in ("fi", "sv", "en", "any")):
                break
            first = previous
        return first

    def _cancelled(self, ctx: Context, first: int, last: int, lang: str) -> bool:
        """Whether an `unless` word stands in the match, just before it or (with `unless_after`)
        just after it in its sentence, on its line; or a `negation` word in its clause."""
        tokens = ctx.doc.tokens
        line = tokens[first].line
        after = last
        while after < min(last + self.unless_after, len(tokens) - 1) and tokens[after + 1].line == line \
                and not ends_between(ctx.doc.text, tokens[after].end, tokens[after + 1].start):
            after += 1
        for index in range(max(0, first - self.unless_before), after + 1):
            keys = ctx.token_keys.get(index, ())
            if tokens[index].line == line and (
                    (self.rest_id, UNLESS, lang) in keys or (self.rest_id, UNLESS, "any") in keys):
                return True
        if self._negated(ctx, first, last, lang):
            return True
        def has(index: int, tag: str) -> bool:
            return self._has(ctx, index, tag, lang)

        return (self.earlier and earlier(ctx, first, has)) or (
            self.initial is not None and not_initial(ctx, first, self.initial_keys(lang), has))

    def initial_keys(self, lang: str) -> tuple:
        """The keys a token carries when it fills the `initial` slot on a line in `lang`."""
        owner = self.slot_owner[self.initial]
        return tuple((owner, "slot", self.initial, slot_lang) for slot_lang in (lang, "any"))

    def _has(self, ctx: Context, index: int, tag: str, lang: str) -> bool:
        keys = ctx.token_keys.get(index, ())
        return (self.rest_id, tag, lang) in keys or (self.rest_id, tag, "any") in keys

    def _negated(self, ctx: Context, first: int, last: int, lang: str) -> bool:
        """Whether a `negation` word stands in the match or next to it in the same clause: the
        look-back stops at a `clause` word or a comma, dash or the like, so "en usko, että hän
        valehteli" still accuses while "hän ei valehdellut" does not."""
        if not self.negation:
            return False
        tokens, text = ctx.doc.tokens, ctx.doc.text
        line = tokens[first].line
        if any(self._has(ctx, index, NEGATION, lang) for index in range(first, last + 1)):
            return True

        def boundary(left: int, right: int) -> bool:
            gap = text[tokens[left].end:tokens[right].start]
            return ends_between(text, tokens[left].end, tokens[right].start) or breaks_clause(gap)

        index = first
        for _ in range(self.unless_before):
            if index == 0 or tokens[index - 1].line != line or boundary(index - 1, index) \
                    or self._has(ctx, index - 1, CLAUSE, lang):
                break
            index -= 1
            if self._has(ctx, index, NEGATION, lang):
                return True
        index = last
        for _ in range(NEGATION_AFTER):
            if index + 1 >= len(tokens) or tokens[index + 1].line != line or boundary(index, index + 1) \
                    or self._has(ctx, index + 1, CLAUSE, lang):
                break
            index += 1
            if self._has(ctx, index, NEGATION, lang):
                return True
        return False

    def _context_starts(self, ctx: Context) -> list[tuple[int, int]]:
        """Where the words of the context slot stand, (start, end) in text order."""
        wanted = {(self.rule_id, "slot", self.context, lang) for lang in ("fi", "sv", "en", "any")}
        tokens = ctx.doc.tokens
        return sorted({(tokens[index].start, tokens[index].end)
                       for index, key in ctx.hits.get(self.rule_id, ()) if key in wanted})

    def needs_hits(self) -> bool:
        return True               # every match starts at a word of ctx.hits or a regex match

    def requirements(self) -> tuple[tuple[frozenset, ...], ...]:
        return tuple(set(self.sequences.paths()))     # a sequence matches only where each element has a word

    def regex_serials(self) -> frozenset[int]:
        return self.serials

    def find(self, ctx: Context) -> Iterable[Match]:
        tokens = ctx.doc.tokens
        context_starts = self._context_starts(ctx) if self.context else None
        if context_starts is not None and not context_starts:
            return
        cancel_words = near_words(ctx, self.rule_id, self.unless_near) if self.unless_near else {}
        sequences, token_keys, starting = self.sequences, ctx.token_keys, self.sequences.first.get
        per_line, everywhere = ctx.languages.per_line, ctx.languages.everywhere   # allowed_in, inlined
        found: set[tuple[int, tuple, int]] = set()      # (first token, tag, last token)
        possible: dict[object, bool] = {}                # tree -> whether the text has its words
        for index, key in ctx.hits.get(self.rule_id, ()):
            for lang, root in starting(key, ()):
                alive = possible.get(root)
                if alive is None:
                    alive = possible[root] = sequences.possible(root, ctx.present_keys)
                if alive and (lang == "any" or lang in per_line.get(tokens[index].line, everywhere)):
                    for tag, last in sequences.ends(tokens, token_keys, index, root):
                        found.add((index, tag, last))
        for index, (lang, last_element), last in found:
            if self._cancelled(ctx, index, last, lang) or names_someone(ctx, last):
                continue
            grown = None
            if context_starts is not None:
                grown = with_context_word(ctx, context_starts, tokens[index].start, tokens[last].end,
                                          self.context_sentences)
                if grown is None:
                    continue
            if cancel_words and is_near(ctx, cancel_words, lang, tokens[index].start, tokens[last].end,
                                           self.near_sentences):
                continue
            if self.signs and signed(ctx.doc.text, tokens[last].end, self.signs):
                continue
            last = _whole_word(ctx, self._extended(ctx, self._reach(ctx, last, last_element)))
            start = tokens[self._extended_before(ctx, index)].start if self.extend_before else tokens[index].start
            end = tokens[last].end
            if grown is not None:                   # the finding shows the group or the cue too
                start, end = min(start, grown[0]), max(end, grown[1])
            if not ctx.doc.in_link(start, end):
                yield Match(start, end)
        if self.regexes and not self.serials <= ctx.unmatched_regexes:
            doc = ctx.doc
            for number, (line_start, line_text) in enumerate(zip(doc.line_starts, doc.line_texts)):
                if self.serials <= ctx.ruled_out[number]:
                    continue
                for lang, regex in self.regexes:
                    if allowed_in(ctx, number, lang):
                        for start, end in _regex_in_line(regex, line_text):
                            begin, finish = line_start + start, line_start + end
                            if doc.in_link(begin, finish):
                                continue
                            if context_starts is not None:
                                grown = with_context_word(ctx, context_starts, begin, finish, self.context_sentences)
                                if grown is None:
                                    continue
                                begin, finish = grown
                            yield Match(begin, finish)


def _whole_word(ctx: Context, last: int) -> int:
    """The last token of a hyphenated word a match ends inside ("Teams" -> "Teams-kanavalta")."""
    tokens, text = ctx.doc.tokens, ctx.doc.text
    while last + 1 < len(tokens) and text[tokens[last].end:tokens[last + 1].start] == "-":
        last += 1
    return last


@line_cache
def _regex_in_line(regex: SafeRegex, line: str) -> tuple[tuple[int, int], ...]:
    """Where a regex matches in one line; cached, since it depends on the line's text only."""
    return regex.spans(line)
