"""Fewer malloc arenas for the service's threads (glibc only), so memory freed is reused.

glibc gives each thread that allocates its own arena (up to 8 per core). The service answers
in a pool of threads, so a pack's sets compiled in one thread and big request bodies read in
others leave their freed blocks in many arenas, none of which the next request reuses: peak
memory grows by some 25 MB for nothing. Python objects are not affected (they live in
pymalloc's own arenas); only what C code and large buffers take from malloc is. Serving
threads run Python under one lock, so they seldom allocate at the same moment and share
arenas at no cost worth measuring. Other C libraries (macOS, Windows, musl) are left alone.
"""

from __future__ import annotations

import ctypes
import os
import sys

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
