"""`person`: a comment or reply that names a private person.

    kind: person
    names: [full, single]     # full names ("Anna Virtanen"), single first names or surnames
                              #   inside a sentence ("... Virtaselle ..."); default both

The names come from the person-name signal (checker/names.py): Finnish and Swedish first
names and surnames shipped with the bundled pack, read back from their inflected forms, and
English first names on lines written in English.
The organization's officials named in their role (pack.yaml `organization.officials` and
`organization.titles`) and the person addressed ("Kiitos, Anna!") never fire.
The span is the name.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.kinds.base import Build, Context, Kind, Match, Param, Params
from checker.names import english_lines, person_names

WHICH = ("full", "single")


class Person(Kind):
    name = "person"
    summary = "a comment or reply that names a private person"
    parameters = (
        Param("names", "texts", "which names count: full (first name and surname), single (a first name "
              "or surname inside a sentence); both when not given", choices=WHICH),
    )

    def __init__(self, params: Params, build: Build) -> None:
        self.which = frozenset(params.strings("names", list(WHICH), choices=WHICH))

    def find(self, ctx: Context) -> Iterable[Match]:
        for name in person_names(ctx.doc, ctx.org, english_lines(ctx.doc, ctx.languages.allows)):
            if name.private and ("full" if name.full else "single") in self.which:
                yield Match(name.start, name.end)
