"""macOS: a launchd agent that starts the checker at login and again whenever it fails."""

from __future__ import annotations

import os
import plistlib
from pathlib import Path

from checker.autostart.base import Plan, python_for

LAUNCHD_LABEL = "org.somecheck.checker"


def launchd_plist(command: list[str], log: Path) -> bytes:
    """A launchd agent that runs `command` at login and again whenever it fails."""
    return plistlib.dumps({
        "Label": LAUNCHD_LABEL,
        "ProgramArguments": command,
        "RunAtLoad": True,
        "KeepAlive": {"SuccessfulExit": False},
        "ThrottleInterval": 10,
        "ProcessType": "Background",
        "EnvironmentVariables": {"PYTHONUNBUFFERED": "1"},
        "StandardOutPath": str(log),
        "StandardErrorPath": str(log),
    })


def plan(serve_args: list[str], home: Path) -> Plan:
    """The agent's plist and the launchctl commands."""
    path = home / "Library" / "LaunchAgents" / f"{LAUNCHD_LABEL}.plist"
    log = home / "Library" / "Logs" / "SomeCheck" / "somecheck.log"
    command = [python_for("macos"), "-m", "checker", "serve", *serve_args]
    domain = f"gui/{os.getuid() if hasattr(os, 'getuid') else 501}"
    return Plan("macos", path, launchd_plist(command, log), log=log,
                install=[["launchctl", "bootout", f"{domain}/{LAUNCHD_LABEL}"],
                         ["launchctl", "bootstrap", domain, str(path)]],
                uninstall=[["launchctl", "bootout", f"{domain}/{LAUNCHD_LABEL}"]],
                status=[["launchctl", "print", f"{domain}/{LAUNCHD_LABEL}"]])
