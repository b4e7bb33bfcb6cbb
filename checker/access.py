"""What every request must pass before it is handled: Host, Origin, token, size, media type."""

from __future__ import annotations

import hmac
from fnmatch import fnmatchcase

from flask import Request

from checker.settings import LOOPBACK_NAMES, Settings


class Refused(Exception):
    """A request refused with one of the contract's errors."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def host_name(host_header: str) -> str:
    """The name part of a Host header: 'localhost:8765' -> 'localhost', '[::1]:80' -> '::1'."""
    if host_header.startswith("["):
        return host_header[1:].split("]", 1)[0]
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


def origin_allowed(origin: str, patterns: list[str]) -> bool:
    """Whether an Origin matches one of the allowed patterns (shell-style: chrome-extension://*)."""
    return any(fnmatchcase(origin, pattern) for pattern in patterns)


def check_request(request: Request, settings: Settings) -> None:
    """Raise Refused when the request may not be served."""
    name = host_name(request.headers.get("Host", "")).lower()
    if name not in LOOPBACK_NAMES and name not in settings.allow_hosts:
        raise Refused(403, "forbidden", f"the Host {name or '(none)'!r} is not allowed; "
                                        "use 127.0.0.1 or localhost, or add it with --allow-host")
    origin = request.headers.get("Origin")
    if origin is not None and not origin_allowed(origin, settings.allow_origins):
        raise Refused(403, "forbidden", f"requests from {origin!r} are not allowed; only the "
                                        "SomeCheck extension may call this service")
    if request.method == "OPTIONS":
        return
    if settings.token:
        scheme, _, given = request.headers.get("Authorization", "").strip().partition(" ")
        # the scheme name is case-insensitive (RFC 9110 11.1); the token is compared in constant time
        if scheme.lower() != "bearer" or not hmac.compare_digest(
                given.strip().encode(), settings.token.encode()):
            raise Refused(401, "unauthorized", "a valid token is required: send "
                                               "'Authorization: Bearer <token>' as configured")
    length = request.content_length
    if length is not None and length > settings.max_body:
        raise Refused(413, "too_large", f"the body is {length} bytes; the limit is {settings.max_body}")
    if request.method == "POST" and request.mimetype != "application/json":
        raise Refused(415, "unsupported_media_type",
                      "send the body as JSON with 'Content-Type: application/json'")
