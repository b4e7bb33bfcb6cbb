"""`clock`: the moment of posting against the organization's hours.

    kind: clock
    inside: working_hours      # fires during these hours ...
    outside: response_hours    # ... or outside these (give one of the two)
    unless:                    # words that make the post a work matter: none of them in it
      fi: [kirjasto*, ilmoittautu*]

The hours and the time zone come from the pack's `organization` settings.
Fires once for the post as a whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from zoneinfo import ZoneInfo

from checker.kinds.base import Build, Context, Kind, Match, Param, Params, allowed_in

HOURS = ("working_hours", "response_hours")


class Clock(Kind):
    name = "clock"
    summary = "posting inside or outside the organization's hours"
    parameters = (
        Param("inside", "text", "fire during these hours of the organization (give inside or outside)",
              choices=HOURS),
        Param("outside", "text", "fire outside these hours of the organization", choices=HOURS),
        Param("unless", "per_language", "words that make the post a work matter (the library's story time)"),
    )

    def __init__(self, params: Params, build: Build) -> None:
        if params.has("inside") == params.has("outside"):
            raise params.error(None, "a clock rule needs exactly one of 'inside' or 'outside'")
        key = "inside" if params.has("inside") else "outside"
        self.inside = key == "inside"
        self.hours = getattr(build.org, params.text(key, choices=HOURS))
        self.zone = ZoneInfo(build.org.timezone)
        self.rule_id = build.rule_id
        build.add_lists(params, (("unless", "unless"),))

    def find(self, ctx: Context) -> Iterable[Match]:
        local = ctx.request.now.astimezone(self.zone)
        if self.hours.contains(local) == self.inside and not self._work_matter(ctx):
            yield Match(0, 0)

    def _work_matter(self, ctx: Context) -> bool:
        """Whether an `unless` word stands in the post, on a line of its language."""
        tokens = ctx.doc.tokens
        return any(key[1] == "unless" and allowed_in(ctx, tokens[index].line, key[2])
                   for index, key in ctx.hits.get(self.rule_id, ()))
