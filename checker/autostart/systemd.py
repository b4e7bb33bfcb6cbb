"""Linux: a systemd user unit that starts the checker at login and restarts it on failure."""

from __future__ import annotations

import os
import re
from pathlib import Path

from checker.autostart.base import DESCRIPTION, Plan, python_for

UNIT_NAME = "somecheck.service"


def systemd_quote(arg: str) -> str:
    """One ExecStart word, quoted as systemd reads it (%, $ and \\ escaped)."""
    text = arg.replace("%", "%%").replace("$", "$$")
    if text and not re.search(r'[\s"\'\\;]', text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def systemd_unit(command: list[str]) -> str:
    """A systemd user unit that runs `command` at login and restarts it on failure."""
    return (
        "# Written by `somecheck service install`; remove with `somecheck service uninstall`.\n"
        "[Unit]\n"
        f"Description={DESCRIPTION}\n"
        "StartLimitIntervalSec=300\n"
        "StartLimitBurst=10\n"
        "\n"
        "[Service]\n"
        "Type=simple\n"
        f"ExecStart={' '.join(systemd_quote(a) for a in command)}\n"
        "Environment=PYTHONUNBUFFERED=1\n"
        "Restart=on-failure\n"
        "RestartSec=5\n"
        "\n"
        "[Install]\n"
        "WantedBy=default.target\n"
    )


def plan(serve_args: list[str], home: Path) -> Plan:
    """The unit file and the systemctl commands."""
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    path = config / "systemd" / "user" / UNIT_NAME
    command = [python_for("linux"), "-m", "checker", "serve", *serve_args]
    sc = ["systemctl", "--user"]
    return Plan("linux", path, systemd_unit(command).encode(),
                install=[[*sc, "daemon-reload"], [*sc, "enable", "--now", UNIT_NAME]],
                uninstall=[[*sc, "disable", "--now", UNIT_NAME], [*sc, "daemon-reload"]],
                status=[[*sc, "is-enabled", UNIT_NAME], [*sc, "is-active", UNIT_NAME]])
