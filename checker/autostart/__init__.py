"""`somecheck service install|uninstall|status`: the checker as a per-user background service.

Linux: a systemd user unit (systemd.py); macOS: a launchd agent (launchd.py); Windows: a
Task Scheduler logon task (schtasks.py).
Each starts the checker when the user logs in and starts it again when it fails. Nothing
needs administrator rights. Every file written and every command run is printed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from checker import serving
from checker.autostart import launchd, schtasks, systemd
from checker.autostart.base import Plan, this_platform

PLANS = {"linux": systemd.plan, "macos": launchd.plan, "windows": schtasks.plan}


def plan(platform: str, serve_args: list[str], home: Path | None = None) -> Plan:
    """The file and commands for `platform`, running `somecheck serve SERVE_ARGS`."""
    if platform not in PLANS:
        raise ValueError(f"unknown platform {platform!r}")
    return PLANS[platform](serve_args, home or Path.home())


def _run(cmd: list[str], quiet_failure: bool = False) -> tuple[bool, str]:
    """Run one command, print it and what it said; True when it succeeded."""
    print(f"  $ {subprocess.list2cmdline(cmd) if this_platform() == 'windows' else ' '.join(cmd)}")
    if shutil.which(cmd[0]) is None:
        print(f"    ({cmd[0]} is not available here)")
        return False, f"{cmd[0]} not found"
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        print(f"    failed: {exc}")
        return False, str(exc)
    said = (done.stdout + done.stderr).strip()
    if said and (done.returncode == 0 or not quiet_failure):
        print("    " + said.replace("\n", "\n    "))
    return done.returncode == 0, said


def _port_of(content: bytes) -> int:
    text = content.decode("utf-16") if content[:2] in (b"\xff\xfe", b"\xfe\xff") else content.decode()
    match = re.search(r"--port(?:</string>\s*<string>|\s+|=)(\d+)", text)
    return int(match.group(1)) if match else int(os.environ.get("SOMECHECK_PORT") or 8765)


def answers(port: int, timeout: float = 2.0) -> str | None:
    """The health answer of a checker on 127.0.0.1:port, or None."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=timeout) as resp:
            return resp.read().decode()
    except urllib.error.HTTPError as exc:
        return f"HTTP {exc.code}"
    except OSError:
        return None


def install(p: Plan, dry_run: bool) -> int:
    if dry_run:
        print(f"Would write {p.path}:\n")
        print(p.content.decode("utf-16") if p.platform == "windows" else p.content.decode())
        print("and run:")
        for cmd in p.install:
            print("  $ " + " ".join(cmd))
        return 0
    p.path.parent.mkdir(parents=True, exist_ok=True)
    if p.log:
        p.log.parent.mkdir(parents=True, exist_ok=True)
    p.path.write_bytes(p.content)
    print(f"Wrote {p.path}")
    ok = True
    for i, cmd in enumerate(p.install):
        # launchd: bootout of an agent not yet loaded fails, and that is fine
        done, _ = _run(cmd, quiet_failure=p.platform == "macos" and i == 0)
        ok = ok and (done or (p.platform == "macos" and i == 0))
    if not ok:
        print("\nThe service file is in place but the service could not be started here.\n"
              "Fix: log in to a desktop session as this user and run:\n"
              + "".join(f"  {' '.join(c)}\n" for c in p.install)
              + ("(On a server without a login session: `loginctl enable-linger $USER` "
                 "as an administrator first.)\n" if p.platform == "linux" else ""))
        return 1
    port = _port_of(p.content)
    for _ in range(20):
        if answers(port):
            print(f"SomeCheck runs in the background and answers at http://127.0.0.1:{port}/; "
                  f"it starts at every login and restarts if it fails.")
            return 0
        time.sleep(0.5)
    print(f"The service is installed and started, but nothing answers at http://127.0.0.1:{port}/ "
          f"yet. Run `somecheck doctor` to see why.")
    return 1


def uninstall(p: Plan) -> int:
    if not p.path.exists():
        print(f"No SomeCheck service is installed ({p.path} does not exist).")
        return 0
    for cmd in p.uninstall[:1]:
        _run(cmd, quiet_failure=True)
    p.path.unlink()
    print(f"Removed {p.path}")
    for cmd in p.uninstall[1:]:
        _run(cmd, quiet_failure=True)
    print("SomeCheck no longer starts at login.")
    return 0


def status(p: Plan) -> int:
    if not p.path.exists():
        print(f"Not installed: {p.path} does not exist. Install with `somecheck service install`.")
        return 1
    print(f"Installed: {p.path}")
    for cmd in p.status:
        _run(cmd)
    port = _port_of(p.content if not p.path.exists() else p.path.read_bytes())
    health = answers(port)
    if health:
        print(f"Answering at http://127.0.0.1:{port}/: {health}")
        return 0
    print(f"Not answering at http://127.0.0.1:{port}/. Run `somecheck doctor` to see why.")
    return 1


def supervise(serve_args: list[str], log: Path | None) -> int:
    """`somecheck service run`: run the checker, and run it again when it stops with an error.

    What the Windows task runs (Task Scheduler does not count an exit status as a failure).
    The checker runs in this process, so ending the task ends the checker with it.
    """
    if log:   # under pythonw there is no console: everything goes to the log file
        log.parent.mkdir(parents=True, exist_ok=True)
        sys.stdout = sys.stderr = open(log, "a", encoding="utf-8", buffering=1)  # noqa: SIM115
    delay = 5.0
    while True:
        started = time.monotonic()
        try:
            code = serving.serve(serving.parse(serve_args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except Exception as exc:  # noqa: BLE001 - whatever it was, start again
            print(f"somecheck failed: {type(exc).__name__}", flush=True)
            code = 1
        if code == 0:
            return 0
        wait = 5.0 if time.monotonic() - started > 60 else delay   # a long run resets the back-off
        print(f"somecheck stopped with status {code}; starting it again in {wait:.0f} s", flush=True)
        time.sleep(wait)
        delay = min(wait * 2, 60.0)


def command(args: argparse.Namespace) -> int:
    """Entry point of `somecheck service ...`."""
    serve_args = [a for a in getattr(args, "serve_args", []) or []]
    if serve_args[:1] == ["--"]:
        serve_args = serve_args[1:]
    if args.service_command == "run":
        return supervise(serve_args, args.log)
    platform = args.platform or this_platform()
    p = plan(platform, serve_args)
    if args.service_command == "install":
        if not args.dry_run:
            try:   # refuse options serve would refuse, before anything is written
                serving.parse(serve_args)
            except SystemExit:
                print("somecheck: the options after -- are not valid for `somecheck serve`",
                      file=sys.stderr)
                return 2
        return install(p, args.dry_run)
    if args.service_command == "uninstall":
        return uninstall(p)
    return status(p)
