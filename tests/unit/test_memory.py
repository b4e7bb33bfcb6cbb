"""checker/memory.py: malloc arenas capped on glibc only; the collector paused while loading."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from checker import memory as arenas


@pytest.mark.skipif(not sys.platform.startswith("linux") or not arenas._glibc(), reason="glibc only")
def test_glibc_takes_the_cap_in_a_fresh_process() -> None:
    code = "from checker.memory import limit_arenas; print(limit_arenas())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"


def test_other_systems_are_left_alone(monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert arenas.limit_arenas() is False


def test_a_libc_that_is_not_glibc_is_left_alone(monkeypatch) -> None:
    monkeypatch.setattr(arenas, "_glibc", lambda: False)
    assert arenas.limit_arenas() is False


def test_the_collector_is_paused_in_the_block_and_restored_after() -> None:
    assert gc.isenabled()
    with arenas.paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with arenas.paused_gc():
            pass
        assert not gc.isenabled()          # a collector the caller turned off stays off
    finally:
        gc.enable()


def test_loading_a_pack_pauses_the_collector(monkeypatch) -> None:
    import checker.pack as pack

    seen = []
    real = pack.compile_pack
    monkeypatch.setattr(pack, "compile_pack", lambda *a: seen.append(gc.isenabled()) or real(*a))
    pack.load_pack()
    assert seen == [False] and gc.isenabled()


def test_python_m_checker_freezes_its_modules_and_collects_after() -> None:
    code = ("import gc, runpy, sys; sys.argv = ['checker', '--version']\n"
            "try:\n    runpy.run_module('checker', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print(gc.isenabled(), gc.get_freeze_count() > 10000)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split()[-2:] == ["True", "True"]
