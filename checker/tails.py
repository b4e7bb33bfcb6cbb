"""What a finding takes in beyond its unit (checker/extent.py), so that it covers what a reader
would point at:

- a tail: a clause or sentence finding that reaches the end of its sentence goes on over a
  short sentence right after it that says more of the same thing: one of at most TAIL_WORDS
  words ("Bring eggs.", "Geni på riktigt.", "Not public till spring.") or of at most
  ANAPHORIC_TAIL_WORDS that begins by pointing back ("Sådana människor är sjuka i huvudet.",
  "Ei ole vielä uutinen.", "It's not out yet."), at most MAX_TAILS of them, never past a blank
  line, a hashtag or a thank-you;
- two findings of one category that overlap are one thing said ("... got" + "keyed in the
  car park. Just saying"): they become one finding, with the more severe rule. Findings that
  only stand side by side stay apart: each rule reports its own words.

Linear in the text: one look at the sentence after each finding, one pass over the findings.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence

from checker.extent import BLANK_LINES_RE, EDGE_RIGHT, Found, extended
from checker.kinds.base import Context, allowed_in
from checker.text import LINK_RE
from checker.vocabulary import SEVERITY_RANK as SEVERITY

# Tails: the categories whose findings take in a short sentence after them, and how short.
TAIL_CATEGORIES = frozenset({"insult", "hate", "incitement", "accusation", "confidentiality"})
TAIL_EXTENTS = frozenset({"clause", "sentence"})
TAIL_WORDS = 4
ANAPHORIC_TAIL_WORDS = 8
MAX_TAILS = 2
# Words that begin a sentence pointing back at the one before: demonstratives, "it", "they",
# and a bare negation or copula with no subject of its own ("Ei ole vielä uutinen").
ANAPHORS = {
    "fi": frozenset("""se sitä siitä sen sillä tämä tätä tästä tää tän ne niitä niistä niille nää näitä noi noita
        sellaiset sellaista sellaset semmoset semmosta tollaset tollasta tuollaiset ei eikä on oli ja""".split()),
    "sv": frozenset("""det detta den dom di de sådana sådant sånt såna sånna sånt inte int ej och är var""".split()),
    "en": frozenset("""it it's its this that these those they they're such not and is was""".split()),
}
# A short sentence that thanks or greets is the writer's sign-off, no tail of a finding.
SIGN_OFFS = frozenset("""kiitos kiitoksia kiitti kiitokset hyvää terveisin moi hei tack tackar hälsningar hej
    thanks thank cheers regards hi hello""".split())
TAIL_WORD_RE = re.compile(r"[^\W_][\w'’-]*")


def placed(results: Sequence[Found], ctx: Context) -> list[tuple[Found, int, int]]:
    """Each finding as the reader sees it, with the (start, end) of what its rule found (its
    core): `extended`, with tails, and with neighbours of one category joined."""
    out = [(found, core[1], core[2]) for found, core in zip(with_tails(extended(results, ctx), ctx), results)]
    return _joined(out)


def with_tails(results: Sequence[Found], ctx: Context) -> list[Found]:
    """The findings, each clause or sentence one of the TAIL_CATEGORIES grown over the short
    sentences after it that say more of the same thing (see the module's docstring), never
    into another finding of its category."""
    doc = ctx.doc
    sentences = doc.sentences
    if len(sentences) < 2:
        return list(results)
    starts_of: dict[str, list[int]] = defaultdict(list)
    for rule, start, end, _ in results:
        if end > start:
            starts_of[rule.category].append(start)
    for starts in starts_of.values():
        starts.sort()
    out = []
    for found in results:
        rule, start, end, said = found
        if end > start and rule.category in TAIL_CATEGORIES and rule.extent in TAIL_EXTENTS \
                and not doc.in_link(start, end):
            starts = starts_of[rule.category]
            limit = starts[bisect_right(starts, start)] if bisect_right(starts, start) < len(starts) else len(doc.text)
            end = _tail_end(ctx, end, limit)
        out.append((rule, start, end, said))
    return out


def _tail_end(ctx: Context, end: int, limit: int) -> int:
    """Where a finding ending at `end` ends with the tails after it (before `limit`)."""
    doc, text = ctx.doc, ctx.doc.text
    sentences = doc.sentences
    for _ in range(MAX_TAILS):
        number = bisect_right(sentences, (end, len(text) + 1)) - 1
        if number < 0 or number + 1 >= len(sentences):
            return end
        own_end = sentences[number][1]
        if any(ch.isalnum() or ch == "#" for ch in text[end:own_end]):
            return end                                # the finding stops inside its sentence
        tail_start, tail_end = sentences[number + 1]
        between = text[end:tail_start]
        if any(ch.isalnum() or ch in "#@/" for ch in between) or BLANK_LINES_RE.search(between):
            return end
        words = TAIL_WORD_RE.findall(text, tail_start, tail_end)
        if not words or tail_end > limit or "#" in text[tail_start:tail_end] or LINK_RE.search(text, tail_start, tail_end):
            return end
        first = words[0].lower()
        if first in SIGN_OFFS:
            return end
        line = doc.tokens[bisect_left(doc._token_starts, tail_start)].line if doc.tokens else 0
        anaphoric = any(first in ANAPHORS[lang] and allowed_in(ctx, line, lang) for lang in ANAPHORS)
        if len(words) > (ANAPHORIC_TAIL_WORDS if anaphoric else TAIL_WORDS):
            return end
        tail_end = len(text[:tail_end].rstrip())
        while tail_end > tail_start and text[tail_end - 1] in EDGE_RIGHT:
            tail_end -= 1
        end = max(end, tail_end)
    return end


def _joined(placed_findings: list[tuple[Found, int, int]]) -> list[tuple[Found, int, int]]:
    """Overlapping findings of one category become one: the more severe rule (then the first)
    over the words of both."""
    spans = sorted((p for p in placed_findings if p[0][2] > p[0][1]),
                   key=lambda p: (p[0][0].category, p[0][1], p[0][2]))
    out = [p for p in placed_findings if p[0][2] <= p[0][1]]
    for item in spans:
        if out and out[-1][0][2] > out[-1][0][1]:
            (rule, start, end, said), core_start, core_end = out[-1]
            (other, o_start, o_end, o_said), o_core_start, o_core_end = item
            if other.category == rule.category and o_start < end:
                keep = (other, o_said) if SEVERITY[other.severity] > SEVERITY[rule.severity] else (rule, said)
                out[-1] = ((keep[0], start, max(end, o_end), keep[1]), min(core_start, o_core_start),
                           max(core_end, o_core_end))
                continue
        out.append(item)
    return out
