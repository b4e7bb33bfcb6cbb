"""`somecheck doctor`: check the set-up and say, in plain words, how to fix what is wrong.

Small checks, each with an id shown beside what it found, run in order: `settings`,
`callers` (who may call the service: other machines? which extensions?), `rules` (the packs load), `port` (free, or ours), `access` (the service answers this address and
token), `served-rules`, `version`, `autostart`. Each takes a `Situation` and returns its
findings, so each can be tested alone. Exit 0 when nothing is wrong, 1 otherwise.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace

from checker import __version__, autostart
from checker.pack import PackError, bundled_pack_path, load_pack
from checker.settings import Settings, SettingsError, is_loopback, is_wildcard

OK, NOTE, PROBLEM = "ok", "note", "PROBLEM"


@dataclass(frozen=True)
class Finding:
    """What one check found: its level, what it saw, how to fix it, and the check's id."""

    level: str
    what: str
    fix: str = ""
    check: str = ""


def _ask(host: str, port: int, token: str | None, timeout: float = 3.0) -> tuple[int, dict | None, str]:
    """GET /v1/health; (status, JSON or None, raw text). Raises OSError when nothing listens."""
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    headers = {"Host": f"127.0.0.1:{port}" if host in ("127.0.0.1", "localhost", "::1") else host}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        conn.request("GET", "/v1/health", headers=headers)
        resp = conn.getresponse()
        raw = resp.read(65536).decode("utf-8", "replace")
    except http.client.HTTPException as exc:
        return 0, None, f"not HTTP ({type(exc).__name__})"
    finally:
        conn.close()
    try:
        data = json.loads(raw)
    except ValueError:
        data = None
    return resp.status, data if isinstance(data, dict) else None, raw


def _listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


@dataclass
class Situation:
    """What the checks share: the options given, and what earlier checks found out."""

    args: argparse.Namespace
    settings: Settings | None = None
    local_version: str | None = None
    _answer: tuple[int, dict | None, str] | None = None

    @property
    def host(self) -> str:
        assert self.settings is not None
        return "127.0.0.1" if self.settings.host in ("0.0.0.0", "::") else self.settings.host

    @property
    def url(self) -> str:
        assert self.settings is not None
        return f"http://{self.host}:{self.settings.port}/"

    def listening(self) -> bool:
        assert self.settings is not None
        return _listening(self.host, self.settings.port)

    def answer(self) -> tuple[int, dict | None, str]:
        """The service's answer to GET /v1/health (asked once): status, JSON, raw text."""
        assert self.settings is not None
        if self._answer is None:
            try:
                self._answer = _ask(self.host, self.settings.port, self.settings.token)
            except OSError as exc:
                self._answer = (0, None, str(exc))
        return self._answer

    def error_code(self) -> str | None:
        error = (self.answer()[1] or {}).get("error")
        return error.get("code") if isinstance(error, dict) else None

    def ours(self) -> bool:
        """Whether SomeCheck is what listens on the port."""
        status, data, _ = self.answer()
        return (status == 200 and data is not None and data.get("status") == "ok"
                and "rules_version" in data) or self.error_code() in ("unauthorized", "forbidden")

    def healthy(self) -> dict | None:
        """The health body when the service answered 200, else None."""
        status, data, _ = self.answer()
        return data if status == 200 and data is not None and self.ours() else None


Check = Callable[[Situation], list[Finding]]
CHECKS: dict[str, Check] = {}


def check(check_id: str) -> Callable[[Check], Check]:
    """Register a check under its id; the checks run in the order they are defined."""
    def register(function: Check) -> Check:
        CHECKS[check_id] = function
        return function
    return register


@check("settings")
def check_settings(s: Situation) -> list[Finding]:
    """The options and SOMECHECK_* variables make usable settings."""
    try:
        s.settings = Settings.from_args(s.args)
    except SettingsError as exc:
        return [Finding(PROBLEM, f"the settings cannot be used: {exc}",
                        "correct the option or the SOMECHECK_* environment variable it names")]
    where = ", ".join(str(p) for p in s.settings.rules) or "the bundled rules"
    return [Finding(OK, f"settings: checker at {s.url}, rules from {where}, "
                        f"{'a token' if s.settings.token else 'no token'}")]


@check("callers")
def check_callers(s: Situation) -> list[Finding]:
    """Who may call the service with these settings, said plainly."""
    if s.settings is None:
        return []
    origins = ", ".join(s.settings.allow_origins)
    if not is_loopback(s.settings.host):
        return [Finding(NOTE, f"the service is bound to {s.settings.host}: other machines can reach "
                              f"it. Browsers may call it only from {origins}, with the token; "
                              "programs that send no Origin (scripts, curl) need only the token",
                        "bind to 127.0.0.1 unless one checker serves a whole organization "
                        "(docs/it-deployment.md)")]
    if any(is_wildcard(o) for o in s.settings.allow_origins):
        return [Finding(OK, "only this machine can reach the service; any browser extension "
                            f"installed here may call it ({origins})")]
    return [Finding(OK, f"only this machine can reach the service, and in browsers only {origins}")]


@check("rules")
def check_rules(s: Situation) -> list[Finding]:
    """The rule packs load."""
    assert s.settings is not None
    try:
        pack = load_pack(s.settings.rules or None)
    except PackError as exc:
        lines = str(exc).splitlines()
        shown = "\n".join(lines[:5]) + (f"\n... and {len(lines) - 5} more" if len(lines) > 5 else "")
        folders = " ".join(str(p) for p in s.settings.rules) or str(bundled_pack_path())
        return [Finding(PROBLEM, f"the rules do not load:\n{shown}",
                        f"correct the files named above, then check them with "
                        f"`somecheck rules validate {folders}`")]
    s.local_version = pack.rules_version
    return [Finding(OK, f"the rules load: {pack.rules_version}, {len(pack.rules)} rules")]


@check("port")
def check_port(s: Situation) -> list[Finding]:
    """The port is free, or SomeCheck is what listens on it."""
    assert s.settings is not None
    port = s.settings.port
    if not s.listening():
        return [Finding(OK, f"port {port} is free"),
                Finding(PROBLEM, f"no checker answers at {s.url}",
                        "start it with `somecheck serve`, or have it start at every login with "
                        "`somecheck service install`")]
    if not s.ours():
        raw = s.answer()[2]
        return [Finding(PROBLEM, f"port {port} is used by another program, not by SomeCheck "
                                 f"(it answered: {' '.join(raw.split())[:60] or 'nothing'})",
                        f"stop that program, or run SomeCheck on another port with "
                        f"`somecheck serve --port {port + 1}` and set the same address as the "
                        f"checker URL in the extension's options")]
    return [Finding(OK, f"port {port} is ours: SomeCheck listens there")]


@check("access")
def check_access(s: Situation) -> list[Finding]:
    """The service answers this address and this token."""
    assert s.settings is not None
    if not s.listening() or not s.ours():
        return []
    data = s.healthy()
    if data is not None:
        return [Finding(OK, f"the service answers: SomeCheck {data.get('version')}, "
                            f"rules {data.get('rules_version')}"),
                Finding(OK, "the token matches" if s.settings.token else
                        "no token is needed (the service asks for none)")]
    if s.error_code() == "unauthorized":
        if s.settings.token:
            return [Finding(PROBLEM, "the token does not match: the service refuses the token given here",
                            "give the same token file to `somecheck serve --token-file` and to the "
                            "extension (its Settings page, field 'Access token', or the IT policy 'token')")]
        return [Finding(PROBLEM, "the service requires a token and none was given here",
                        "run `somecheck doctor --token-file FILE` with the service's token file, "
                        "and check the extension has the same token")]
    return [Finding(PROBLEM, f"the service refuses this address: {s.answer()[2][:200]}",
                    "use 127.0.0.1 or localhost, or start the service with --allow-host for the "
                    "name used")]


@check("served-rules")
def check_served_rules(s: Situation) -> list[Finding]:
    """The service uses the rules these settings give, and took their last change."""
    data = s.healthy() if s.settings and s.listening() else None
    if data is None:
        return []
    if data.get("rules_error"):
        return [Finding(PROBLEM, "the service refused its changed rules and still uses the previous "
                                 f"ones: {data['rules_error'][:300]}",
                        "correct the rule files; the service picks them up by itself")]
    if s.local_version and data.get("rules_version") != s.local_version:
        return [Finding(NOTE, f"the service uses rules {data.get('rules_version')}, these settings "
                              f"give {s.local_version}",
                        "if that is not intended, give doctor the same --rules as the service, or "
                        "restart the service with them")]
    return []


@check("version")
def check_version(s: Situation) -> list[Finding]:
    """The service runs the installed version of SomeCheck."""
    data = s.healthy() if s.settings and s.listening() else None
    if data is None or data.get("version") == __version__:
        return []
    return [Finding(NOTE, f"the service is SomeCheck {data.get('version')}, this command is {__version__}",
                    "restart the service so that it runs the installed version")]


@check("autostart")
def check_autostart(s: Situation) -> list[Finding]:
    """Whether the checker starts at login."""
    plan = autostart.plan(autostart.this_platform(), [])
    if plan.path.exists():
        return [Finding(OK, f"the background service is installed ({plan.path})")]
    return [Finding(NOTE, "no background service is installed: SomeCheck runs only while "
                          "`somecheck serve` is open",
                    "`somecheck service install` starts it at every login")]


def diagnose(args: argparse.Namespace) -> list[Finding]:
    """Run every check in order; without usable settings, only the settings check."""
    situation = Situation(args)
    out: list[Finding] = []
    for check_id, run in CHECKS.items():
        found = run(situation)
        out.extend(replace(f, check=check_id) for f in found)
        if situation.settings is None:
            break
    return out


def command(args: argparse.Namespace) -> int:
    print(f"SomeCheck doctor {__version__}")
    findings = diagnose(args)
    for f in findings:
        lines = f.what.splitlines()
        print(f"  {f.level:8} {lines[0]}  [{f.check}]")
        for line in lines[1:]:
            print(f"           {line}")
        if f.fix and f.level != OK:
            print(f"           fix: {f.fix}")
    problems = sum(f.level == PROBLEM for f in findings)
    print("All is well." if not problems else
          f"{problems} problem(s) found; the fix is under each one.")
    sys.stdout.flush()
    return 0 if not problems else 1
