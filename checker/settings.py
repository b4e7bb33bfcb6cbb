"""The service's configuration, in one place: defaults, then environment, then flags."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_ORIGINS = ("chrome-extension://*", "moz-extension://*")
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
ENV_PREFIX = "SOMECHECK_"


class SettingsError(ValueError):
    """A setting that cannot be used, said in words the user can act on."""


@dataclass
class Settings:
    """Everything the service can be told. Environment: SOMECHECK_<NAME> (see `from_env`)."""

    host: str = "127.0.0.1"
    port: int = 8765
    rules: list[Path] = field(default_factory=list)          # empty: the bundled pack
    token: str | None = None
    allow_origins: list[str] = field(default_factory=lambda: list(DEFAULT_ORIGINS))
    allow_hosts: list[str] = field(default_factory=list)     # Host names beyond loopback
    max_body: int = 256 * 1024
    default_role: str = "staff"
    default_locale: str | None = None                        # None: the pack's default
    reload_every: float = 1.0                                # seconds between rule-file checks
    reload_settle: float = 1.0                               # rule files unchanged this long before a reload
    threads: int = 8
    workers: int = 1
    timeout: int = 15                                        # seconds a slow client may take

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Defaults overridden by SOMECHECK_HOST, _PORT, _RULES (os.pathsep list),
        _TOKEN_FILE, _ALLOW_ORIGINS and _ALLOW_HOSTS (comma lists), _MAX_BODY, _ROLE, _LOCALE."""
        env = os.environ if environ is None else environ
        settings = cls()

        def get(name: str) -> str | None:
            value = env.get(ENV_PREFIX + name)
            return value if value else None

        if get("HOST"):
            settings.host = get("HOST")
        if get("PORT"):
            settings.port = _int(get("PORT"), "SOMECHECK_PORT")
        if get("RULES"):
            settings.rules = [Path(p) for p in get("RULES").split(os.pathsep) if p]
        if get("TOKEN_FILE"):
            settings.token = read_token(Path(get("TOKEN_FILE")))
        if get("ALLOW_ORIGINS"):
            settings.allow_origins = [o.strip() for o in get("ALLOW_ORIGINS").split(",") if o.strip()]
        if get("ALLOW_HOSTS"):
            settings.allow_hosts = [h.strip() for h in get("ALLOW_HOSTS").split(",") if h.strip()]
        if get("MAX_BODY"):
            settings.max_body = _int(get("MAX_BODY"), "SOMECHECK_MAX_BODY")
        if get("ROLE"):
            settings.default_role = get("ROLE")
        if get("LOCALE"):
            settings.default_locale = get("LOCALE")
        return settings

    @classmethod
    def from_args(cls, args: Any, environ: dict[str, str] | None = None) -> "Settings":
        """The environment first, then the command-line flags given (an argparse namespace;
        flags a command does not have are skipped); refused when unusable (see `validate`)."""
        settings = cls.from_env(environ)
        for flag, attr in (("host", "host"), ("port", "port"), ("max_body", "max_body"),
                           ("role", "default_role"), ("locale", "default_locale"),
                           ("threads", "threads"), ("workers", "workers"), ("timeout", "timeout")):
            if getattr(args, flag, None) is not None:
                setattr(settings, attr, getattr(args, flag))
        if getattr(args, "rules", None):
            settings.rules = args.rules
        if getattr(args, "token_file", None):
            settings.token = read_token(args.token_file)
        if getattr(args, "allow_origin", None):
            settings.allow_origins = args.allow_origin
        if getattr(args, "allow_host", None):
            settings.allow_hosts = args.allow_host
        settings.validate()
        return settings

    def validate(self) -> None:
        """Refuse combinations that would be unsafe or cannot work."""
        if not 0 < self.port < 65536:
            raise SettingsError(f"port {self.port} is not between 1 and 65535")
        if self.default_role not in ("staff", "trustee", "admin"):
            raise SettingsError(f"role {self.default_role!r}: use staff, trustee or admin")
        if self.default_locale not in (None, "sv", "fi", "en"):
            raise SettingsError(f"locale {self.default_locale!r}: use sv, fi or en")
        if self.max_body < 1024:
            raise SettingsError("the body limit must be at least 1024 bytes")
        if not is_loopback(self.host):
            if not self.token:
                raise SettingsError(f"binding to {self.host} reaches beyond this machine: "
                                    "give a token with --token-file")
            wild = [o for o in self.allow_origins if is_wildcard(o)]
            if wild:
                raise SettingsError(f"binding to {self.host} reaches beyond this machine: list the "
                                    "extension's exact origins with --allow-origin "
                                    f"(chrome-extension://<id>), not a wildcard ({', '.join(wild)})")


def is_wildcard(origin: str) -> bool:
    """Whether an allowed-origin pattern stands for more than one origin."""
    return any(ch in origin for ch in "*?[")


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_token(path: Path) -> str:
    """The bearer token stored in a file (surrounding whitespace ignored)."""
    try:
        token = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise SettingsError(f"cannot read the token file {path}: {exc.strerror}") from exc
    if len(token) < 16:
        raise SettingsError(f"the token in {path} is too short: use at least 16 characters")
    return token


def _int(text: str, name: str) -> int:
    try:
        return int(text)
    except ValueError as exc:
        raise SettingsError(f"{name} must be a whole number, not {text!r}") from exc
