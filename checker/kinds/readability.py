"""`readability`: sentences that run too long, and posts too hard to read (LIX).

    kind: readability
    max_words: 25                      # a longer sentence is marked where it stands
    max_lix: {fi: 60, sv: 55, en: 55}  # or one number; the post as a whole
    min_words: 30                      # LIX is judged on posts of at least this many words

LIX = words / sentences + 100 * long words (over six letters) / words.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.kinds.base import Build, Context, Kind, Match, Param, Params
from checker.langid import LANGUAGES

LONG_WORD = 6


class Readability(Kind):
    name = "readability"
    summary = "long sentences, high LIX"
    parameters = (
        Param("max_words", "number", "a sentence with more words is marked", minimum=1),
        Param("max_lix", "number_per_language", "a post with a higher LIX (readability index) is flagged"),
        Param("min_words", "number", "posts with fewer words get no LIX", default=30, minimum=0),
    )

    def __init__(self, params: Params, build: Build) -> None:
        if not params.has("max_words") and not params.has("max_lix"):
            raise params.error(None, "a readability rule needs 'max_words', 'max_lix' or both")
        self.max_words = int(params.number("max_words")) if params.has("max_words") else None
        self.max_lix: dict[str, float] = {}
        if params.has("max_lix"):
            value = params.raw("max_lix")
            if isinstance(value, dict):
                for lang, limit in value.items():
                    if lang not in LANGUAGES or isinstance(limit, bool) or not isinstance(limit, (int, float)):
                        raise params.error("max_lix", "'max_lix' must be a number or map fi, sv, en to numbers")
                    self.max_lix[lang] = float(limit)
            else:
                limit = params.number("max_lix")
                self.max_lix = {lang: float(limit) for lang in LANGUAGES}
        self.min_words = int(params.number("min_words", 30))

    def find(self, ctx: Context) -> Iterable[Match]:
        doc = ctx.doc
        if self.max_words is not None:
            for start, end in doc.sentences:
                if len(doc.tokens_between(start, end)) > self.max_words:
                    yield Match(start, end)
        if self.max_lix and ctx.languages.shares:
            words = doc.tokens
            if len(words) >= self.min_words:
                lang = ctx.languages.shares[0][0]
                sentences = max(len(doc.sentences), 1)
                long_words = sum(1 for t in words if t.length > LONG_WORD)
                lix = len(words) / sentences + 100 * long_words / len(words)
                if lix > self.max_lix.get(lang, float("inf")):
                    yield Match(0, 0)
