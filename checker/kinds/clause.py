"""`clause`: words of several classes together in one sentence, in any order.

    kind: clause
    slots:                       # named word lists (word classes), per language
      call:   {fi: [pitäisi, pitäis, joku, jonkun], en: [should, someone]}
      harm:   {fi: [polttaa~, hajottaa~], en: [burn~, smash~]}
      target: {fi: [auto~, kioski~], en: [car, kiosk]}
    shapes:                      # slots that must all stand in one sentence, in any order
      fi: ["{call} {harm} {target}"]
      en: ["{call} {harm} {target}", "^{harm} {target}"]
    window: 8                    # the words of a shape lie within this many words (default 8)
    scope: sentence              # or clause: the words may not cross a comma, colon, semicolon or dash
    unless:                      # words that cancel a match in it or near it, in its sentence
      en: [not, never, police]
    unless_before: 3             # how many words before the match `unless` looks at (default 3)
    unless_after: 3              # and after it, in its sentence (default 3)
    openers:                     # words that may stand before a ^{slot} word: "Ta å bränn upp",
      sv: [ta, å, och]           # "Go and smash", "Käy polttamassa"
      en: [go, and, just]
    joiners:                     # words that join a new clause: a ^{slot} word right after one
      fi: [ja, sit]              # begins it ("Mennään yöllä ja hajotetaan ne", "... å sprid hans adress")
    context: group               # optional: a slot whose word must stand in the match's
    context_sentences: 1         # sentence or at most this many before or after it (unless_near: near.py)

Finnish and Swedish put the object before or after the verb and the modal word anywhere ("Noi kyltit pitäis repiä
alas", "Sen auton vois joku naarmuttaa"): a shape names the classes a sentence must hold, not their order. A slot
written `^{slot}` must begin its sentence or a clause (after a comma, colon, semicolon or dash): an imperative ("Key
his car", "Riv ner skyltarna") or a Finnish "let's" ("Poltetaan se") stands there, or after up to two `openers` that
do ("Ta å bränn upp hans eka"), or right after one of the `joiners` that join a new clause anywhere in the sentence
("Mennään yöllä ja hajotetaan ne"). Each element takes its own word. With `context`, a shape may name a single slot:
the word of that slot with a context word near it ("bultsax" with "vakten går hem" two lines on). The finding takes in
the context word, unless a paragraph break stands between them. One pass over the words, keeping the last place each
slot was seen in the current sentence: linear in the text, whatever the number of shapes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from checker.kinds.base import (Build, Context, Kind, Match, Param, Params, RuleError, SlotOf, allowed_in,
                                 breaks_clause, pointed_end, with_context_word)
from checker.kinds.near import NEAR_PARAMS, is_near, near_slot, near_words

ELEMENT_RE = re.compile(r"^(\^?)\{([a-z_][a-z0-9_]*)\}$")
MAX_WINDOW = 14
MAX_NEAR = 6
MAX_CONTEXT_SENTENCES = 3
UNLESS = "unless"
OPENER = "opener"
JOINER = "joiner"
MAX_OPENERS = 2


class Clause(Kind):
    name = "clause"
    summary = "words of several classes (slots) together in one sentence, in any order"
    parameters = (
        Param("slots", "slots", "named word lists (word classes), per language", required=True),
        Param("shapes", "per_language", "slots that must all stand in one sentence, in any order; "
                                        "^{slot}: at the start of the sentence or a clause", required=True),
        Param("window", "number", "the words of a shape lie within this many words", default=8,
              minimum=1, maximum=MAX_WINDOW),
        Param("scope", "text", "where the words of a shape must stand together: a sentence, or a clause "
                               "(no comma, colon, semicolon or dash between them)", choices=("sentence", "clause"),
              default="sentence"),
        Param("unless", "per_language", "words that cancel a match in it or near it, in its sentence"),
        Param("unless_before", "number", "how many words before a match `unless` looks at",
              default=3, minimum=0, maximum=MAX_NEAR),
        Param("unless_after", "number", "how many words after a match `unless` looks at",
              default=3, minimum=0, maximum=MAX_NEAR),
        Param("openers", "per_language", "words that may stand before a ^{slot} word at the start of a clause"),
        Param("joiners", "per_language", "words that join a new clause: a ^{slot} word right after one begins it"),
        Param("context", "text", "a slot whose word must stand in the match's sentence or the ones around it"),
        Param("context_sentences", "number", "how many sentences before or after the match `context` looks at",
              default=1, minimum=0, maximum=MAX_CONTEXT_SENTENCES),
        *NEAR_PARAMS,
    )

    def __init__(self, params: Params, build: Build) -> None:
        self.rule_id = build.rule_id
        self.window = int(params.number("window", 8, minimum=1))
        self.by_clause = params.text("scope", "sentence", choices=("sentence", "clause")) == "clause"
        if self.window > MAX_WINDOW:
            raise params.error("window", f"'window' may be at most {MAX_WINDOW}")
        slots = params.raw("slots", {}) or {}
        if not isinstance(slots, dict) or not slots:
            raise params.error("slots", "'slots' must map slot names to lists per language")
        slot_langs: dict[str, set[str]] = {}
        for slot in slots:
            lists = Params(slots).per_language(slot)
            slot_langs[slot] = set(lists)
            for lang, items in lists.items():
                for word, line in items:
                    build.add_word(word, (self.rule_id, "slot", slot, lang), line)
        # shapes by language: each a tuple of (slot, must begin a clause)
        self.shapes: dict[str, list[tuple[tuple[str, bool], ...]]] = {}
        for lang, items in params.per_language("shapes").items():
            for text, line in items:
                elements = []
                for part in text.split():
                    found = ELEMENT_RE.match(part)
                    if not found:
                        raise RuleError(line, f"shape {text!r}: write each element as {{slot}} or ^{{slot}}")
                    name = found.group(2)
                    if name not in slot_langs:
                        raise RuleError(line, f"shape {text!r} uses slot {{{name}}}, which 'slots' does not define")
                    if lang != "any" and not slot_langs[name] & {lang, "any"}:
                        raise RuleError(line, f"slot {{{name}}} has no words for language {lang!r}")
                    if any(name == other for other, _ in elements):
                        raise RuleError(line, f"shape {text!r} names slot {{{name}}} twice")
                    elements.append((name, bool(found.group(1))))
                if len(elements) < (1 if params.has("context") else 2):
                    raise RuleError(line, f"shape {text!r}: a shape needs at least two slots, or one with 'context'")
                self.shapes.setdefault(lang, []).append(tuple(elements))
        # which shapes a slot takes part in, per language; which slots must begin a clause
        self.by_slot: dict[tuple[str, str], list[int]] = {}
        self.caret_slots: set[str] = set()
        for lang, shapes in self.shapes.items():
            for number, shape in enumerate(shapes):
                for slot, start in shape:
                    self.by_slot.setdefault((lang, slot), []).append(number)
                    if start:
                        self.caret_slots.add(slot)
        self._candidate_cache: dict[tuple, list] = {}
        self.slot_names = {lang: [frozenset(slot for slot, _ in shape) for shape in shapes]
                           for lang, shapes in self.shapes.items()}
        self.langs_for = {lang: ((lang, "any") if lang != "any" else ("fi", "sv", "en", "any"))
                          for lang in self.shapes}
        # per shape, per slot: the (slot, language) pairs that can fill it; a post that lacks
        # one for some slot of every shape cannot match (`_possible`)
        self.shape_slots: list[tuple[frozenset[tuple[str, str]], ...]] = [
            tuple(frozenset((slot, slot_lang) for slot_lang in self.langs_for[lang]) for slot, _ in shape)
            for lang, shapes in self.shapes.items() for shape in shapes]
        self._possible_cache: dict[frozenset, bool] = {}
        self._slot_of = SlotOf()
        for lang, items in params.per_language("unless", required=False).items():
            for word, line in items:
                build.add_word(word, (self.rule_id, UNLESS, lang), line)
        for lang, items in params.per_language("openers", required=False).items():
            for word, line in items:
                build.add_word(word, (self.rule_id, OPENER, lang), line)
        for lang, items in params.per_language("joiners", required=False).items():
            for word, line in items:
                build.add_word(word, (self.rule_id, JOINER, lang), line)
        self.unless_before = int(params.number("unless_before", 3))
        self.unless_after = int(params.number("unless_after", 3))
        if max(self.unless_before, self.unless_after) > MAX_NEAR:
            raise params.error("unless_before", f"'unless_before' and 'unless_after' may be at most {MAX_NEAR}")
        self.context: str | None = params.raw("context")
        if self.context is not None and self.context not in slot_langs:
            raise params.error("context", f"'context' names slot {self.context!r}, which 'slots' does not define")
        self.context_sentences = int(params.number("context_sentences", 1))
        if self.context_sentences > MAX_CONTEXT_SENTENCES:
            raise params.error("context_sentences", f"'context_sentences' may be at most {MAX_CONTEXT_SENTENCES}")
        self.unless_near, self.near_sentences = near_slot(params, slot_langs)

    def _clause_start(self, ctx: Context, index: int, sentence_start: int) -> bool:
        """Whether a word begins its sentence or a clause, follows up to two openers that do, or a joiner."""
        if index > 0 and ctx.doc.tokens[index - 1].start >= sentence_start \
                and any(key[:2] == (self.rule_id, JOINER) for key in ctx.token_keys.get(index - 1, ())):
            return True
        for before in range(index, max(index - MAX_OPENERS, 0) - 1, -1):
            if before < index and not any(key[:2] == (self.rule_id, OPENER) for key in ctx.token_keys.get(before, ())):
                return False
            if before < index and ctx.doc.tokens[before].start < sentence_start:
                return False
            if self._starts(ctx, before, sentence_start):
                return True
        return False

    def _starts(self, ctx: Context, index: int, sentence_start: int) -> bool:
        """Whether a word begins its sentence or a clause: only punctuation, quotes or spaces
        before it since the sentence began, or a comma, colon, semicolon or dash just before it."""
        text = ctx.doc.text
        begin = ctx.doc.tokens[index - 1].end if index > 0 else 0
        begin = max(begin, sentence_start)
        between = text[begin:ctx.doc.tokens[index].start]
        if begin == sentence_start and not any(ch.isalnum() for ch in between):
            return True
        return breaks_clause(between)

    def needs_hits(self) -> bool:
        return True               # every match ends at a word of ctx.hits

    def requirements(self) -> tuple[tuple[frozenset, ...], ...]:      # a shape needs a word for each slot
        return tuple(tuple(frozenset((self.rule_id, "slot", *p) for p in pairs) for pairs in s) for s in self.shape_slots)

    def _possible(self, hits: list[tuple[int, tuple]]) -> bool:
        """Whether the post has a word for every slot of some shape (else no walk); kept per set of slots."""
        present = self._slot_of.filled(hits)
        known = self._possible_cache.get(present)
        if known is None:
            known = any(all(not pairs.isdisjoint(present) for pairs in shape) for shape in self.shape_slots)
            if len(self._possible_cache) < 4096:
                self._possible_cache[present] = known
        return known

    def find(self, ctx: Context) -> Iterable[Match]:
        hits = ctx.hits.get(self.rule_id, ())
        if not hits or not self._possible(hits):
            return
        tokens, sentences, text = ctx.doc.tokens, ctx.doc.sentences, ctx.doc.text
        context_starts = self._context_starts(ctx) if self.context else None
        if context_starts is not None and not context_starts:
            return
        cancel_words = near_words(ctx, self.rule_id, self.unless_near) if self.unless_near else {}
        seen: dict[tuple[str, str], tuple[int, bool]] = {}   # (slot, lang) -> last index, begins a clause
        names: set[str] = set()                               # the slots of `seen`, in any language
        sentence, sentence_start, previous_end = -1, 0, 0
        done: set[tuple[str, int]] = set()                    # (lang, shape number) fired in this sentence
        allowed: dict[tuple[int, str], bool] = {}
        position, count = 0, len(hits)
        while position < count:
            index = hits[position][0]
            slots_here = []
            while position < count and hits[position][0] == index:
                key = hits[position][1]
                if key[1] == "slot":
                    slots_here.append((key[2], key[3]))
                position += 1
            token = tokens[index]
            number = sentence
            while number + 1 < len(sentences) and sentences[number + 1][0] <= token.start:
                number += 1
            if number != sentence:
                sentence, seen, done, names = number, {}, set(), set()
                sentence_start = sentences[number][0] if number >= 0 else 0
            elif self.by_clause and breaks_clause(text[previous_end:token.start]):
                seen, done, names = {}, set(), set()
            previous_end = token.end
            if not slots_here:
                continue
            begins = any(slot in self.caret_slots for slot, _ in slots_here) \
                and self._clause_start(ctx, index, sentence_start)
            for lang, numbers, langs, here in self._candidates(tuple(slots_here)):
                if (token.line, lang) not in allowed:
                    allowed[(token.line, lang)] = allowed_in(ctx, token.line, lang)
                if not allowed[(token.line, lang)]:
                    continue
                for number_ in numbers:
                    missing = self.slot_names[lang][number_] - names    # this word must fill the one missing
                    if (lang, number_) in done or len(missing) > 1 or not missing <= here:
                        continue
                    shape = self.shapes[lang][number_]
                    first = self._complete(shape, here, begins, index, seen, langs, token.line, ctx)
                    if first is None:
                        continue
                    first = self._widen(ctx, first, shape, langs, sentence_start)
                    if self._cancelled(ctx, first, index, lang, sentence_start):
                        continue
                    begin, end = tokens[first].start, token.end
                    if cancel_words and is_near(ctx, cancel_words, lang, begin, end, self.near_sentences):
                        continue
                    if context_starts is not None:      # the finding shows the group too
                        grown = with_context_word(ctx, context_starts, begin, end, self.context_sentences)
                        if grown is None:
                            continue
                        begin, end = grown
                    done.add((lang, number_))
                    last = pointed_end(ctx, self._widen_right(ctx, index, shape, langs))
                    end = max(end, tokens[last].end)
                    if not ctx.doc.in_link(begin, end):
                        yield Match(begin, end)
            for slot, slot_lang in slots_here:
                seen[(slot, slot_lang)] = (index, begins)
                names.add(slot)

    def _candidates(self, slots_here: tuple[tuple[str, str], ...]) -> list[tuple[str, list[int], tuple, frozenset]]:
        """The (language, shape numbers, languages its slots may be in, slots it fills) a word
        with these slots may complete; remembered per set of slots, since a word recurs."""
        known = self._candidate_cache.get(slots_here)
        if known is not None:
            return known
        found: dict[str, set[int]] = {}
        for slot, slot_lang in slots_here:
            for lang in ((slot_lang,) if slot_lang != "any" else tuple(self.shapes)):
                for lang_ in (lang, "any"):
                    numbers = self.by_slot.get((lang_, slot))
                    if numbers:
                        found.setdefault(lang_, set()).update(numbers)
        result = []
        for lang, numbers in found.items():
            langs = self.langs_for[lang]
            here = frozenset(slot for slot, slot_lang in slots_here if slot_lang in langs)
            if here:
                result.append((lang, sorted(numbers), langs, here))
        if len(self._candidate_cache) < 4096:
            self._candidate_cache[slots_here] = result
        return result

    def _complete(self, shape, here: frozenset, begins: bool, index: int,
                  seen: dict[tuple[str, str], tuple[int, bool]], langs: tuple[str, ...],
                  line: int, ctx: Context) -> int | None:
        """The first word of a shape completed by the word at `index`, or None: the word
        fills one element, words seen earlier in the sentence and window fill the others."""
        own = None
        for slot, start in shape:
            if slot in here and (begins or not start):
                own = slot
                break
        if own is None:
            return None
        tokens = ctx.doc.tokens
        first = index
        used = [index]
        for slot, start in shape:
            if slot == own:
                continue
            best = -1
            for slot_lang in langs:
                place = seen.get((slot, slot_lang))
                if place is not None and place[0] > best and (not start or place[1]):
                    best = place[0]
            if best < 0 or index - best > self.window or best in used or tokens[best].line != line:
                return None
            used.append(best)
            if best < first:
                first = best
        return first

    def _widen(self, ctx: Context, first: int, shape, langs: tuple[str, ...], sentence_start: int) -> int:
        """Where a finding starts: over the words right before its first one that fill one of
        its slots too ("Joku vois polttaa": the match found "vois"), so it covers the core words."""
        tokens, text = ctx.doc.tokens, ctx.doc.text
        wanted = {(self.rule_id, "slot", slot, lang) for slot, _ in shape for lang in langs}
        for _ in range(self.window):
            before = first - 1
            if before < 0 or tokens[before].line != tokens[first].line or tokens[before].start < sentence_start \
                    or text[tokens[before].end:tokens[first].start].strip() \
                    or wanted.isdisjoint(ctx.token_keys.get(before, ())):
                break
            first = before
        return first

    def _widen_right(self, ctx: Context, last: int, shape, langs: tuple[str, ...]) -> int:
        """Where a finding ends: over the words right after its last one that fill one of its
        slots too ("river ner alla förbudsskyltar")."""
        tokens, text = ctx.doc.tokens, ctx.doc.text
        wanted = {(self.rule_id, "slot", slot, lang) for slot, _ in shape for lang in langs}
        for _ in range(self.window):
            after = last + 1
            if after >= len(tokens) or tokens[after].line != tokens[last].line \
                    or text[tokens[last].end:tokens[after].start].strip() \
                    or wanted.isdisjoint(ctx.token_keys.get(after, ())):
                break
            last = after
        return last

    def _cancelled(self, ctx: Context, first: int, last: int, lang: str, sentence_start: int) -> bool:
        """Whether an `unless` word stands in the match or near it, in its clause and line."""
        tokens = ctx.doc.tokens
        line = tokens[first].line
        wanted = ((self.rule_id, UNLESS, lang), (self.rule_id, UNLESS, "any"))
        low = max(0, first - self.unless_before)
        high = min(len(tokens) - 1, last + self.unless_after)
        sentence_end = _sentence_end(ctx, sentence_start)
        text = ctx.doc.text
        for index in range(low, high + 1):
            token = tokens[index]
            if token.line != line or token.start < sentence_start or token.start >= sentence_end:
                continue
            if index < first and breaks_clause(text[token.end:tokens[first].start]):
                continue                            # in the clause before: "Ei, ..."
            if index > last and breaks_clause(text[tokens[last].end:token.start]):
                break                               # in the clause after: "..., ei kukaan huomaa"
            keys = ctx.token_keys.get(index, ())
            if wanted[0] in keys or wanted[1] in keys:
                return True
        return False

    def _context_starts(self, ctx: Context) -> list[tuple[int, int]]:
        """Where the words of the context slot stand, (start, end) in text order."""
        wanted = {(self.rule_id, "slot", self.context, lang) for lang in ("fi", "sv", "en", "any")}
        tokens = ctx.doc.tokens
        return sorted({(tokens[index].start, tokens[index].end)
                       for index, key in ctx.hits.get(self.rule_id, ()) if key in wanted})


def _sentence_end(ctx: Context, sentence_start: int) -> int:
    """Where the sentence that begins at `sentence_start` ends."""
    sentences = ctx.doc.sentences
    i = bisect_left(sentences, (sentence_start,))
    return sentences[i][1] if i < len(sentences) else len(ctx.doc.text)

