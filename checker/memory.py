"""Process-wide memory settings: fewer malloc arenas, no collector sweeps while loading.

`limit_arenas`: glibc gives each thread that allocates its own arena (up to 8 per core). The service answers
in a pool of threads, so a pack's sets compiled in one thread and big request bodies read in
others leave their freed blocks in many arenas, none of which the next request reuses: peak
memory grows by some 25 MB for nothing. Python objects are not affected (they live in
pymalloc's own arenas); only what C code and large buffers take from malloc is. Serving
threads run Python under one lock, so they seldom allocate at the same moment and share
arenas at no cost worth measuring. Other C libraries (macOS, Windows, musl) are left alone.

`paused_gc`: loading a pack makes about a million objects that all live on, and almost no
cyclic garbage (a few hundred objects); the cyclic collector would walk the growing heap
again and again for nothing, a fifth of the load time. Reference counting frees everything
else as usual while it is paused.
"""

from __future__ import annotations

import ctypes
import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

M_ARENA_MAX = -8        # glibc's <malloc.h>
SERVICE_ARENAS = 2


def limit_arenas(count: int = SERVICE_ARENAS) -> bool:
    """Cap this process's malloc arenas at `count`; True when the C library took the cap.
    Call it before the serving threads start; a process forked later keeps the cap."""
    if not sys.platform.startswith("linux") or not _glibc():
        return False
    try:
        return bool(ctypes.CDLL(None).mallopt(M_ARENA_MAX, count))    # the process's own libc
    except (OSError, AttributeError):
        return False


def _glibc() -> bool:
    try:
        return os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc")
    except (ValueError, OSError, AttributeError):
        return False


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off, then restore it as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
