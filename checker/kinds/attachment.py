"""`attachment`: media attached to the post, for a reminder about rights to pictures.

    kind: attachment
    types: [image, video]

Fires once for the post as a whole when an attachment of one of these types is present.
To react to words only when media is attached, use `when: {attachments: [...]}` on any rule.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.kinds.base import Build, Context, Kind, Match, Param, Params

TYPES = ("image", "video", "link", "file")


class AttachmentKind(Kind):
    name = "attachment"
    summary = "media attached to the post"
    parameters = (
        Param("types", "texts", "the attachment types that fire the rule", required=True, choices=TYPES),
    )

    def __init__(self, params: Params, build: Build) -> None:
        self.types = frozenset(params.strings("types", choices=TYPES))

    def find(self, ctx: Context) -> Iterable[Match]:
        if any(a.type in self.types for a in ctx.request.attachments):
            yield Match(0, 0)
