"""Turning a JSON body into a `Request`, with a plain-words error for anything wrong."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from checker.model import Attachment, Request
from checker.vocabulary import (ACCOUNTS, ATTACHMENT_TYPES, CONTEXTS, LOCALES, OTHER_PLATFORM,
                                PLATFORMS, ROLES)

FIELDS = {"text", "platform", "account", "role", "context", "attachments", "locale", "now"}
ENUMS = {"account": ACCOUNTS, "role": ROLES, "context": CONTEXTS,
         "locale": LOCALES}


class BadRequest(ValueError):
    """A request body that does not follow the contract."""


def parse_check(body: Any, *, default_role: str, locale: str, now: datetime | None = None) -> Request:
    """Validate a /v1/check body. `locale` is used when the body gives none."""
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object like {\"text\": \"...\"}")
    # An optional field sent as null is taken as not sent, as many clients serialize it so.
    body = {key: value for key, value in body.items() if value is not None or key == "text"}
    if "text" not in body:
        raise BadRequest("'text' is missing: send the post as {\"text\": \"...\"}")
    if not isinstance(body["text"], str):
        raise BadRequest("'text' must be a string")
    platform = body.get("platform", OTHER_PLATFORM)
    if not isinstance(platform, str):
        raise BadRequest(f"'platform' must be a string such as {', '.join(PLATFORMS)}")
    for key, allowed in ENUMS.items():
        if key in body and body[key] not in allowed:
            raise BadRequest(f"'{key}' is {body[key]!r}; use one of {', '.join(allowed)}")
    return Request(
        text=body["text"],
        now=_now(body.get("now"), now),
        # A site this checker does not know yet is checked as "other", never refused, so that
        # a newer extension keeps working with an older checker.
        platform=platform if platform in PLATFORMS else OTHER_PLATFORM,
        account=body.get("account", "personal"),
        role=body.get("role", default_role),
        context=body.get("context", "post"),
        attachments=_attachments(body.get("attachments", [])),
        locale=body.get("locale", locale),
    )


def _now(value: Any, default: datetime | None) -> datetime:
    if value is None:
        return default or datetime.now(timezone.utc)
    if not isinstance(value, str):
        raise BadRequest("'now' must be an ISO-8601 date-time string with an offset")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise BadRequest(f"'now' is not an ISO-8601 date-time: {value[:40]!r}") from exc
    if moment.tzinfo is None:
        raise BadRequest("'now' needs an offset, like 2026-11-24T10:30:00+02:00")
    return moment


def _attachments(value: Any) -> tuple[Attachment, ...]:
    if not isinstance(value, list):
        raise BadRequest("'attachments' must be a list of {\"type\": ...} objects")
    result = []
    for item in value:
        if not isinstance(item, dict) or item.get("type") not in ATTACHMENT_TYPES:
            raise BadRequest(f"each attachment needs a 'type' among {', '.join(ATTACHMENT_TYPES)}")
        name = item.get("name")
        if name is not None and not isinstance(name, str):
            raise BadRequest("an attachment's 'name' must be a string")
        result.append(Attachment(item["type"], name))
    return tuple(result)
