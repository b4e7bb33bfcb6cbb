"""`POST /v1/check/batch`: many /v1/check bodies in one request, answered in order.

The extension's comment review sends the comments loaded on a page in one request, and
after that only the new ones. Each item is the body of `/v1/check`; each result is what
`/v1/check` would have answered for it, or `{"error": {"code", "message"}}` for an item
that /v1/check would have refused with 400. The request as a whole passes the same guard
as every route (Host, Origin, token, body size, media type; see checker/access.py) and is
refused as a whole when it is not `{"items": [...]}` with at most `MAX_ITEMS` items.
Every item is checked against the same pack, even when the pack is reloaded meanwhile.
"""

from __future__ import annotations

import json
from time import perf_counter
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from checker.body import BadRequest, parse_check
from checker.engine import check_all
from checker.model import Hours, Organization, Request
from checker.pack import Pack
from checker.pack.vocabulary import WEEKDAYS
from checker.settings import Settings
from checker.vocabulary import LOCALES

MAX_ITEMS = 200

blueprint = Blueprint("batch", __name__)


def _error(status: int, code: str, message: str) -> Response:
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


def parse_items(body: Any) -> list[Any]:
    """The items of a batch body; BadRequest when the body is not `{"items": [...]}` (≤ 200)."""
    if not isinstance(body, dict) or "items" not in body:
        raise BadRequest("the body must be a JSON object like {\"items\": [{\"text\": \"...\"}, ...]}")
    unknown = sorted(set(body) - {"items"})
    if unknown:
        raise BadRequest(f"unknown field {unknown[0]!r}; a batch has only 'items'")
    items = body["items"]
    if not isinstance(items, list):
        raise BadRequest("'items' must be a list of /v1/check bodies")
    if len(items) > MAX_ITEMS:
        raise BadRequest(f"'items' has {len(items)} bodies; send at most {MAX_ITEMS} per request "
                         "and the rest in another")
    return items


def check_items(pack: Pack, items: list[Any], *, default_role: str, locale: str) -> list[dict]:
    """One result per item, in order: a /v1/check response or a per-item error. The good
    items are checked together (`check_all`: the same answers, sooner)."""
    results: list[dict | None] = []
    requests: list[Request] = []
    for index, item in enumerate(items):
        try:
            requests.append(parse_check(item, default_role=default_role, locale=locale))
            results.append(None)
        except BadRequest as exc:
            results.append({"error": {"code": "bad_request", "message": f"item {index}: {exc}"}})
    answers = iter(check_all(pack, requests))
    return [result if result is not None else next(answers) for result in results]


def response_hours(org: Organization) -> dict[str, Any]:
    """The organization's response hours and time zone, for the age of unanswered questions."""
    hours: Hours = org.response_hours
    clock = lambda minutes: f"{minutes // 60:02d}:{minutes % 60:02d}"   # noqa: E731
    return {"days": [WEEKDAYS[d] for d in sorted(hours.days)], "start": clock(hours.start),
            "end": clock(hours.end), "timezone": org.timezone}


@blueprint.post("/v1/check/batch")
def batch_route() -> Response:
    state = current_app.extensions["somecheck"]
    settings: Settings = state["settings"]
    pack: Pack = state["store"].current()
    began = perf_counter()
    try:
        body = json.loads(request.get_data(cache=False))
    except (ValueError, UnicodeDecodeError):
        return _error(400, "bad_request", "the body is not valid JSON")
    except RecursionError:
        return _error(400, "bad_request", "the body is nested too deeply; send {\"items\": [...]}")
    try:
        items = parse_items(body)
    except BadRequest as exc:
        return _error(400, "bad_request", str(exc))
    locale = (request.accept_languages.best_match(LOCALES)
              or settings.default_locale or pack.default_locale)
    results = check_items(pack, items, default_role=settings.default_role, locale=locale)
    return jsonify({"results": results, "rules_version": pack.rules_version,
                    "response_hours": response_hours(pack.org),
                    "elapsed_ms": round((perf_counter() - began) * 1000, 3)})
