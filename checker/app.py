"""The HTTP service: Flask application factory, the three routes, JSON errors."""

from __future__ import annotations

import json
import logging
import re

from flask import Flask, Response, jsonify, request
from flask.json.provider import DefaultJSONProvider
from flask_cors import CORS
from werkzeug.exceptions import HTTPException

from checker import __version__
from checker.access import Refused, check_request
from checker.batch import blueprint as batch_blueprint
from checker.body import BadRequest, parse_check
from checker.engine import check
from checker.pack.store import PackStore
from checker.response import pack_listing
from checker.settings import Settings
from checker.vocabulary import LOCALES

log = logging.getLogger(__name__)


def error(status: int, code: str, message: str) -> Response:
    """A contract error: {"error": {"code", "message"}}."""
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


class _JSONProvider(DefaultJSONProvider):
    """Readable UTF-8 JSON; falls back to \\u escapes when a string holds a lone surrogate
    (a post may contain one, and an excerpt of it cannot be encoded as UTF-8 otherwise)."""

    ensure_ascii = False
    sort_keys = False

    def dumps(self, obj, **kwargs):  # type: ignore[no-untyped-def]
        text = super().dumps(obj, **kwargs)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = super().dumps(obj, **{**kwargs, "ensure_ascii": True})
        return text


def create_app(settings: Settings | None = None, store: PackStore | None = None) -> Flask:
    """Build the service. The pack store is made from the settings unless one is given."""
    settings = settings or Settings()
    store = store or PackStore(settings.rules or None, check_every=settings.reload_every,
                               settle=settings.reload_settle)
    app = Flask(__name__)
    app.json = _JSONProvider(app)
    app.config.update(MAX_CONTENT_LENGTH=settings.max_body)
    app.extensions["somecheck"] = {"settings": settings, "store": store}
    CORS(app, origins=[_pattern_to_regex(o) for o in settings.allow_origins],
         allow_headers=["Content-Type", "Authorization"], methods=["GET", "POST", "OPTIONS"],
         max_age=600)

    @app.before_request
    def guard() -> Response | None:
        try:
            check_request(request, settings)
        except Refused as refused:
            return error(refused.status, refused.code, refused.message)
        return None

    @app.post("/v1/check")
    def check_route() -> Response:
        pack = store.current()
        raw = request.get_data(cache=False)
        try:
            body = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            return error(400, "bad_request", "the body is not valid JSON")
        except RecursionError:
            return error(400, "bad_request", "the body is nested too deeply; send {\"text\": \"...\"}")
        locale = (request.accept_languages.best_match(LOCALES)
                  or settings.default_locale or pack.default_locale)
        try:
            parsed = parse_check(body, default_role=settings.default_role, locale=locale)
        except BadRequest as exc:
            return error(400, "bad_request", str(exc))
        return jsonify(check(pack, parsed))

    app.register_blueprint(batch_blueprint)   # POST /v1/check/batch (checker/batch.py)

    @app.get("/v1/rules")
    def rules_route() -> Response:
        return jsonify(pack_listing(store.current()))

    @app.get("/v1/health")
    def health_route() -> Response:
        pack = store.current()
        body = {"status": "ok", "version": __version__, "rules_version": pack.rules_version,
                "organization": dict(pack.org.name)}
        if store.last_error is not None:
            body["rules_error"] = str(store.last_error)
        return jsonify(body)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        codes = {404: "not_found", 405: "method_not_allowed", 413: "too_large",
                 415: "unsupported_media_type"}
        if exc.code == 413:
            return error(413, "too_large", f"the body is larger than the limit of {settings.max_body} bytes")
        return error(exc.code or 500, codes.get(exc.code, "bad_request"),
                     exc.description or "the request could not be served")

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        # Never log the exception's message or locals: they may hold the text of a post.
        where = exc.__traceback__
        while where is not None and where.tb_next is not None:
            where = where.tb_next
        location = f"{where.tb_frame.f_code.co_filename}:{where.tb_lineno}" if where else "?"
        log.error("internal error %s at %s", type(exc).__name__, location)
        return error(500, "internal_error", "the checker failed on this request; it keeps running")

    return app


def _pattern_to_regex(pattern: str) -> str:
    """flask-cors takes regular expressions; turn 'chrome-extension://*' into one."""
    return "^" + ".*".join(re.escape(part) for part in pattern.split("*")) + "$"
