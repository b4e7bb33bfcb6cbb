"""`somecheck doctor`: check the set-up and say, in plain words, how to fix what is wrong.

Checks, in order: the settings, that the rules load, whether the port is free or ours, that
the service answers, that the token matches, and whether the background service is installed.
Exit 0 when nothing is wrong, 1 otherwise.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import sys
from dataclasses import dataclass

from checker import __version__

OK, NOTE, PROBLEM = "ok", "note", "PROBLEM"


@dataclass
class Finding:
    level: str
    what: str
    fix: str = ""


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


def diagnose(args: argparse.Namespace) -> list[Finding]:
    from checker.cli import settings_from
    from checker.pack import PackError, load_pack
    from checker.settings import SettingsError

    out: list[Finding] = []
    try:
        settings = settings_from(args)
    except SettingsError as exc:
        out.append(Finding(PROBLEM, f"the settings cannot be used: {exc}",
                           "correct the option or the SOMECHECK_* environment variable it names"))
        return out
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "::") else settings.host
    url = f"http://{host}:{settings.port}/"
    where = ", ".join(str(p) for p in settings.rules) or "the bundled rules"
    out.append(Finding(OK, f"settings: checker at {url}, rules from {where}, "
                           f"{'a token' if settings.token else 'no token'}"))

    # the rules
    local_version = None
    try:
        pack = load_pack(settings.rules or None)
        local_version = pack.rules_version
        out.append(Finding(OK, f"the rules load: {pack.rules_version}, {len(pack.rules)} rules"))
    except PackError as exc:
        lines = str(exc).splitlines()
        shown = "\n".join(lines[:5]) + (f"\n... and {len(lines) - 5} more" if len(lines) > 5 else "")
        from checker.pack import bundled_pack_path

        folders = " ".join(str(p) for p in settings.rules) or str(bundled_pack_path())
        out.append(Finding(PROBLEM, f"the rules do not load:\n{shown}",
                           f"correct the files named above, then check them with "
                           f"`somecheck rules validate {folders}`"))

    # the port, the service, the token
    if not _listening(host, settings.port):
        out.append(Finding(OK, f"port {settings.port} is free"))
        out.append(Finding(PROBLEM, f"no checker answers at {url}",
                           "start it with `somecheck serve`, or have it start at every login with "
                           "`somecheck service install`"))
    else:
        try:
            status, data, raw = _ask(host, settings.port, settings.token)
        except OSError as exc:
            status, data, raw = 0, None, str(exc)
        error_code = (data or {}).get("error", {}).get("code") if isinstance((data or {}).get("error"), dict) else None
        ours = (status == 200 and data is not None and data.get("status") == "ok"
                and "rules_version" in data) or error_code in ("unauthorized", "forbidden")
        if not ours:
            out.append(Finding(PROBLEM, f"port {settings.port} is used by another program, not by "
                                        f"SomeCheck (it answered: {' '.join(raw.split())[:60] or 'nothing'})",
                               f"stop that program, or run SomeCheck on another port with "
                               f"`somecheck serve --port {settings.port + 1}` and set the same "
                               f"address as the checker URL in the extension's options"))
        else:
            out.append(Finding(OK, f"port {settings.port} is ours: SomeCheck listens there"))
            if status == 200:
                out.append(Finding(OK, f"the service answers: SomeCheck {data.get('version')}, "
                                       f"rules {data.get('rules_version')}"))
                out.append(Finding(OK, "the token matches" if settings.token else
                                   "no token is needed (the service asks for none)"))
                if data.get("rules_error"):
                    out.append(Finding(PROBLEM, "the service refused its changed rules and still "
                                                f"uses the previous ones: {data['rules_error'][:300]}",
                                       "correct the rule files; the service picks them up by itself"))
                elif local_version and data.get("rules_version") != local_version:
                    out.append(Finding(NOTE, f"the service uses rules {data.get('rules_version')}, "
                                             f"these settings give {local_version}",
                                       "if that is not intended, give doctor the same --rules as "
                                       "the service, or restart the service with them"))
                if data.get("version") != __version__:
                    out.append(Finding(NOTE, f"the service is SomeCheck {data.get('version')}, "
                                             f"this command is {__version__}",
                                       "restart the service so that it runs the installed version"))
            elif error_code == "unauthorized":
                if settings.token:
                    out.append(Finding(PROBLEM, "the token does not match: the service refuses the "
                                                "token given here",
                                       "give the same token file to `somecheck serve --token-file` "
                                       "and to the extension (its Settings page, field 'Access token', or the IT policy 'token')"))
                else:
                    out.append(Finding(PROBLEM, "the service requires a token and none was given here",
                                       "run `somecheck doctor --token-file FILE` with the service's "
                                       "token file, and check the extension has the same token"))
            else:
                out.append(Finding(PROBLEM, f"the service refuses this address: {raw[:200]}",
                                   "use 127.0.0.1 or localhost, or start the service with "
                                   "--allow-host for the name used"))

    # the background service
    from checker import service

    plan = service.plan(service.this_platform(), [])
    if plan.path.exists():
        out.append(Finding(OK, f"the background service is installed ({plan.path})"))
    else:
        out.append(Finding(NOTE, "no background service is installed: SomeCheck runs only while "
                                 "`somecheck serve` is open",
                           "`somecheck service install` starts it at every login"))
    return out


def command(args: argparse.Namespace) -> int:
    print(f"SomeCheck doctor {__version__}")
    findings = diagnose(args)
    for f in findings:
        lines = f.what.splitlines()
        print(f"  {f.level:8} {lines[0]}")
        for line in lines[1:]:
            print(f"           {line}")
        if f.fix and f.level != OK:
            print(f"           fix: {f.fix}")
    problems = sum(f.level == PROBLEM for f in findings)
    print("All is well." if not problems else
          f"{problems} problem(s) found; the fix is under each one.")
    sys.stdout.flush()
    return 0 if not problems else 1
