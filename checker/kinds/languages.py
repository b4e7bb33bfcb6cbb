"""`languages`: a language the post must contain, such as Swedish in an official post.

    kind: languages
    require: sv          # fi, sv or en
    min_share: 0.15      # a smaller share counts as missing (default 0.15)
    min_letters: 40      # shorter posts are not judged (default 40)
    min_version: 25      # a version with this many letters is there whatever its share (default 25)

Fires once for the post as a whole (start = end = 0). The share is first read line by line;
when it falls short there, the versions may stand on one line ("… / …", sentence after
sentence), so the post is read again piece by piece (checker/kinds/versions.py) and the
share is that of the language's pieces among all the pieces that have a language. Read so,
a version of `min_version` letters is there whatever its share: a short summary in the
second language is a version (bilingual.short-version speaks of its length).
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.kinds.base import Build, Context, Kind, Match, Param, Params
from checker.kinds.versions import letters, versions
from checker.langid import LANGUAGES


class LanguagesKind(Kind):
    name = "languages"
    summary = "a language missing from the post"
    parameters = (
        Param("require", "text", "the language the post must also be written in", required=True,
              choices=LANGUAGES),
        Param("min_share", "number", "the least share of the post in that language", default=0.15,
              minimum=0, maximum=1),
        Param("min_letters", "number", "posts with fewer letters are not judged", default=40, minimum=0),
        Param("min_version", "number", "a version with this many letters is there whatever its share "
              "(a short summary in the language)", default=25, minimum=0),
    )

    def __init__(self, params: Params, build: Build) -> None:
        self.require = params.text("require", choices=LANGUAGES)
        self.min_share = params.number("min_share", 0.15)
        if self.min_share > 1:
            raise params.error("min_share", "'min_share' is a fraction between 0 and 1")
        self.min_letters = int(params.number("min_letters", 40))
        self.min_version = int(params.number("min_version", 25))

    def find(self, ctx: Context) -> Iterable[Match]:
        if ctx.doc.letters < self.min_letters:
            return
        share = dict(ctx.languages.shares).get(self.require, 0.0)
        if share < self.min_share and not self._a_version(ctx):
            yield Match(0, 0)

    def _a_version(self, ctx: Context) -> bool:
        """Whether the post read piece by piece (parts and sentences of lines) has a version in
        the language: its share, or `min_version` letters of it."""
        counts = {lang: letters(ctx.doc, spans)
                  for lang, spans in versions(ctx.doc, LANGUAGES, fine=True).items()}
        total = sum(counts.values())
        mine = counts[self.require]
        return bool(total) and (mine >= self.min_share * total or mine >= self.min_version)
