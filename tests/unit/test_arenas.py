"""checker/arenas.py: the service caps glibc's malloc arenas, and leaves other C libraries alone."""

from __future__ import annotations

import subprocess
import sys

import pytest

from checker import arenas


@pytest.mark.skipif(not sys.platform.startswith("linux") or not arenas._glibc(), reason="glibc only")
def test_glibc_takes_the_cap_in_a_fresh_process() -> None:
    code = "from checker.arenas import limit_arenas; print(limit_arenas())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"


def test_other_systems_are_left_alone(monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert arenas.limit_arenas() is False


def test_a_libc_that_is_not_glibc_is_left_alone(monkeypatch) -> None:
    monkeypatch.setattr(arenas, "_glibc", lambda: False)
    assert arenas.limit_arenas() is False
