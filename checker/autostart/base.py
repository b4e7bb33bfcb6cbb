"""What every platform's background service shares: the plan of what installing means."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

DESCRIPTION = "SomeCheck: checks social-media posts against the organization's guidelines"


def this_platform() -> str:
    """linux, macos or windows."""
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


@dataclass
class Plan:
    """What installing means on one platform: a file, its text, and commands to run."""

    platform: str
    path: Path
    content: bytes
    install: list[list[str]] = field(default_factory=list)
    uninstall: list[list[str]] = field(default_factory=list)
    status: list[list[str]] = field(default_factory=list)
    log: Path | None = None


def python_for(platform: str) -> str:
    """The interpreter the service runs: this one (on Windows its window-less pythonw.exe)."""
    exe = Path(sys.executable)
    if platform == "windows" and exe.with_name("pythonw.exe").exists():
        return str(exe.with_name("pythonw.exe"))
    return str(exe)
