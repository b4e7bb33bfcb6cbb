"""The pack in use by the service: reloaded when its files change, the last good one kept."""

from __future__ import annotations

import gc
import logging
import threading
import time
from pathlib import Path

from checker.memory import paused_gc
from checker.pack import load_pack
from checker.pack.layering import bundled_pack_path
from checker.pack.model import Pack, PackError

log = logging.getLogger(__name__)


def settle_in_memory(replaced: bool) -> None:
    """Take the loaded pack out of the garbage collector's full sweeps (`gc.freeze`).

    A pack is hundreds of thousands of long-lived objects (lexicon tables, compiled rules). A
    long post allocates enough to start a full collection, which would walk all of them and
    add 20-40 ms to that check. Frozen objects are still freed by reference counting when a
    reload drops them; after a reload (`replaced`), unfreezing and collecting first frees what
    the old pack left in cycles. At start there is nothing to free, so start-up pays nothing
    (the few hundred objects of cyclic garbage loading leaves are frozen with the pack).
    """
    if replaced:
        gc.unfreeze()
        gc.collect()
    gc.freeze()


class PackStore:
    """The pack in use; reloads when its files change and keeps the last good one on error.

    A changed pack is loaded only when it is complete by two rules: its files have not
    changed for `settle` seconds (a copy in progress is waited for), and, when its pack.yaml
    lists `rule_files`, exactly those files are there (a half-copied folder is refused).
    """

    def __init__(self, paths: list[Path] | None, check_every: float = 1.0, settle: float = 0.0) -> None:
        self.paths = paths
        self.check_every = check_every
        self.settle = settle
        self._pending: tuple[tuple, float] | None = None    # a changed stamp and when first seen
        with paused_gc():      # frozen before the collector could walk the new pack even once
            self.pack = load_pack(paths)
            settle_in_memory(replaced=False)
        self.last_error: PackError | None = None
        self._stamp = self._fingerprint()
        self._checked = time.monotonic()
        self._lock = threading.Lock()

    def _folders(self) -> list[Path]:
        return [Path(p) for p in (self.paths or [bundled_pack_path()])]

    def _fingerprint(self) -> tuple:
        files = set(self.pack.files)
        for folder in self._folders():
            files.update(folder.glob("pack.yaml"))
            files.update(folder.glob("rules/*.yaml"))
        stamp = []
        for path in sorted(files):
            try:
                st = path.stat()
                stamp.append((str(path), st.st_mtime_ns, st.st_size))
            except OSError:
                stamp.append((str(path), None, None))
        return tuple(stamp)

    def current(self) -> Pack:
        """The pack to check with, reloading first if the files changed (at most once a second)."""
        now = time.monotonic()
        if now - self._checked >= self.check_every and self._lock.acquire(blocking=False):
            try:
                self._checked = now
                self.reload_if_changed()
            finally:
                self._lock.release()
        return self.pack

    def reload_if_changed(self) -> bool:
        """Reload when a file changed and has settled; True when a new pack is in use."""
        stamp = self._fingerprint()
        if stamp == self._stamp:
            self._pending = None
            return False
        now = time.monotonic()
        if self._pending is None or self._pending[0] != stamp:
            self._pending = (stamp, now)
        if now - self._pending[1] < self.settle:
            return False                      # still changing, or changed just now: wait
        self._stamp, self._pending = stamp, None
        try:
            pack = load_pack(self.paths)
        except PackError as exc:
            self.last_error = exc
            log.error("rule pack refused, still using %s:\n%s", self.pack.rules_version, exc)
            return False
        before, after = {r.id for r in self.pack.rules}, {r.id for r in pack.rules}
        self.pack, self.last_error = pack, None
        settle_in_memory(replaced=True)
        log.info("rules reloaded: %s; rules added: %s; removed: %s", pack.rules_version,
                 ", ".join(sorted(after - before)) or "none", ", ".join(sorted(before - after)) or "none")
        return True
