"""`verse`: lines set out like a poem or a song, for a reminder about someone else's text.

    kind: verse
    lines: 4                     # at least this many verse lines in a row
    max_length: 60               # a verse line has at most this many characters
    unless:                      # words anywhere in the post that say the writer wrote it
      fi: [kirjoitin]
      sv: [skrev]
      en: [wrote]
    continues:                   # words that go on with a sentence at the start of a line
      fi: [ja, kun]              # ("And the gulls are singing", "Och båtarna sover")
      en: [and, when]

A verse line is a line of three to twelve words with letters only: no digit (a time, a
date, a price), no hashtag, @handle or web address, no list marker. A run of such lines
is verse when the sentence runs on across a line break at least once: a line ends with a
comma or with no punctuation and the next begins in lower case. Song lyrics often begin every
line with a capital: a run is verse too when at least two of its lines after the first begin
with a word of `continues` (a conjunction or a pronoun: "And", "When", "Och", "Ja"). Menus, programmes and lists
of names break lines at every item and stay quiet. The span is the run of lines.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from checker.kinds.base import Build, Context, Kind, Match, Param, Params, allowed_in

MIN_WORDS, MAX_WORDS = 3, 12
NOT_VERSE_RE = re.compile(r"[0-9#@]|https?:|www\.|^\s*[-–•*>]")
WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class Verse(Kind):
    name = "verse"
    summary = "lines set out like a poem or song lyrics"
    parameters = (
        Param("lines", "number", "at least this many verse lines in a row", default=4, minimum=2, maximum=20),
        Param("max_length", "number", "a verse line has at most this many characters", default=60,
              minimum=10, maximum=200),
        Param("unless", "per_language", "words anywhere in the post that say the writer wrote the text"),
        Param("continues", "per_language", "words that go on with a sentence at the start of a line: two "
              "such lines make a run verse even when every line begins with a capital"),
    )

    def __init__(self, params: Params, build: Build) -> None:
        self.rule_id = build.rule_id
        self.min_lines = int(params.number("lines", 4, minimum=2))
        self.max_length = int(params.number("max_length", 60, minimum=10))
        build.add_lists(params, (("unless", "unless"), ("continues", "continues")))

    def _verse_line(self, line: str) -> bool:
        text = line.strip()
        if not text or len(text) > self.max_length or NOT_VERSE_RE.search(text):
            return False
        return MIN_WORDS <= len(WORD_RE.findall(text)) <= MAX_WORDS

    def _own_text(self, ctx: Context) -> bool:
        tokens = ctx.doc.tokens
        return any(key[:2] == (self.rule_id, "unless") and allowed_in(ctx, tokens[index].line, key[2])
                   for index, key in ctx.hits.get(self.rule_id, ()))

    def _continued(self, ctx: Context, lines: list[tuple[int, str]]) -> bool:
        """Whether at least two lines after the first begin with a word of `continues`."""
        doc = ctx.doc
        count = 0
        for start, line in lines[1:]:
            index = bisect_left(doc._token_starts, start)
            if index >= len(doc.tokens):
                continue
            token = doc.tokens[index]
            if token.start - start > len(line) - len(line.lstrip()):      # not the line's first word
                continue
            if any(key[:2] == (self.rule_id, "continues") and allowed_in(ctx, token.line, key[2])
                   for key in ctx.token_keys.get(index, ())):
                count += 1
                if count >= 2:
                    return True
        return False

    def find(self, ctx: Context) -> Iterable[Match]:
        doc = ctx.doc
        run: list[tuple[int, str]] = []          # (start offset, text) of the verse lines in a row
        runs: list[list[tuple[int, str]]] = []
        for start, line in zip(doc.line_starts, doc.line_texts):
            if self._verse_line(line):
                run.append((start, line))
                continue
            if len(run) >= self.min_lines:
                runs.append(run)
            run = []
        if len(run) >= self.min_lines:
            runs.append(run)
        runs = [r for r in runs if _runs_on(r) or self._continued(ctx, r)]
        if not runs or self._own_text(ctx):
            return
        for found in runs:
            first, last = found[0], found[-1]
            start = first[0] + len(first[1]) - len(first[1].lstrip())
            yield Match(start, last[0] + len(last[1].rstrip()))


def _runs_on(lines: list[tuple[int, str]]) -> bool:
    """Whether a sentence runs on across a line break somewhere in the run."""
    for (_, line), (_, following) in zip(lines, lines[1:]):
        end, begin = line.rstrip()[-1], following.lstrip()[0]
        if end == "," or (end.isalpha() and begin.islower()):
            return True
    return False
