"""IT policy as the browsers read it: the documented examples turned into the files a test
installs under /etc, a local update server for the packages, and the e2e lock.

The browsers read policy from fixed system paths, so these tests need root, and two of them
must never run at once (the lock). Where root or a browser is missing they fail with the
reason: they are not counted as passed."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import json
import os
import subprocess
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EXAMPLES = ROOT / "docs" / "examples" / "policies"
LOCK = Path("/tmp/somecheck-e2e.lock")
CHROMIUM_POLICIES = Path("/etc/chromium/policies/managed")
FIREFOX_POLICIES = Path("/etc/firefox/policies/policies.json")
TEST_KEY = HERE / "keys" / "crx-test-key.pem"     # a test-only key: the ID of the test build
WEB_EXT = HERE / "editors" / "node_modules" / ".bin" / "web-ext"

# What the documented examples use; a test replaces them with the local stand-ins.
EXAMPLE_ID = "chnbjgmlkcklbffiojccndhmcfmhjfap"
EXAMPLE_UPDATE_BASE = "https://it.city.example/somecheck"
EXAMPLE_CHECKER = "http://127.0.0.1:8765"


def need_root(what: str) -> None:
    """Fail (not skip) without root: CI has it, and a silent skip would read as a pass."""
    if os.geteuid() != 0:
        raise AssertionError(f"NOT TESTED: {what} needs root (browsers read policy only from /etc); "
                             "run the browser tests as root, as CI does")


def _holder_pids(path: Path) -> set[int]:
    """PIDs holding a flock on `path` (from /proc/locks)."""
    inode = os.stat(path).st_ino
    pids = set()
    for line in Path("/proc/locks").read_text().splitlines():
        parts = line.split()
        # "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF" (a "->" marks waiters)
        if "->" in parts:
            continue
        if len(parts) >= 6 and parts[1] == "FLOCK" and parts[5].split(":")[-1] == str(inode):
            pids.add(int(parts[4]))
    return pids


def _ancestors() -> set[int]:
    pids, pid = set(), os.getpid()
    while pid > 1:
        pids.add(pid)
        stat = Path(f"/proc/{pid}/stat").read_text()
        pid = int(stat.rsplit(")", 1)[1].split()[1])
    return pids


@contextlib.contextmanager
def e2e_lock():
    """Hold the lock every agent's browser tests take (`flock /tmp/somecheck-e2e.lock ...`).
    Already held by our own `flock` parent: fine. Otherwise take it here, waiting if needed."""
    LOCK.touch(exist_ok=True)
    if _holder_pids(LOCK) & _ancestors():
        yield
        return
    with open(LOCK) as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


# What each policy file a test wrote held, by path, until the test removed it again: a run
# stopped half-way leaves the file behind, and the next run may remove what it recognizes.
WRITTEN = Path("/tmp/somecheck-e2e-policies.json")


def _written() -> dict[str, str]:
    try:
        return json.loads(WRITTEN.read_text())
    except (OSError, ValueError):
        return {}


def _record(path: Path, text: str | None) -> None:
    written = _written()
    if text is None:
        written.pop(str(path), None)
    else:
        written[str(path)] = text
    WRITTEN.write_text(json.dumps(written))


@contextlib.contextmanager
def installed(path: Path, content: dict):
    """Write a policy file for the duration; never overwrite one we did not write. A file
    that an interrupted test run left (byte for byte what it recorded writing) is removed
    first; any other file at the path is someone's policy and stops the test."""
    if path.exists() and _written().get(str(path)) == path.read_text():
        path.unlink()
    if path.exists():
        raise AssertionError(f"{path} exists (someone's policy, or a test that did not clean up); "
                             "not overwriting it")
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(content, indent=2)
    _record(path, text)
    path.write_text(text)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)
        _record(path, None)


def example(relative: str) -> dict:
    return json.loads((EXAMPLES / relative).read_text())


def localize(policy: dict, ext_id: str, update_base: str, settings: dict) -> dict:
    """The documented example with the test's stand-ins: extension ID, update server, and the
    managed settings' values (the keys stay the example's)."""
    text = json.dumps(policy).replace(EXAMPLE_ID, ext_id).replace(EXAMPLE_UPDATE_BASE, update_base)
    out = json.loads(text)
    third = out.get("3rdparty") or out["policies"]["3rdparty"]
    for managed in (third.get("extensions") or third.get("Extensions")).values():
        missing = set(settings) - set(managed) - {"token"}
        assert not missing, f"the example sets no {missing}: the test would apply more than documented"
        managed.update(settings)
    return out


def crx_id(key: Path) -> str:
    der = subprocess.run(["openssl", "rsa", "-in", str(key), "-pubout", "-outform", "DER"],
                         check=True, capture_output=True).stdout
    import hashlib
    return "".join(chr(ord("a") + int(c, 16)) for c in hashlib.sha256(der).hexdigest()[:32])


def build_packages(out: Path, update_base: str) -> dict[str, Path]:
    """`make extension`'s script with the test key: .zip, .xpi, .crx and updates.xml."""
    env = dict(os.environ, SOMECHECK_CRX_KEY=str(TEST_KEY), SOMECHECK_UPDATE_BASE=update_base,
               WEB_EXT=str(WEB_EXT), PATH="/usr/bin:" + os.environ.get("PATH", ""))
    done = subprocess.run(["bash", str(ROOT / ".ci" / "package-extension.sh"), str(out)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    files = {p.suffix: p for p in out.iterdir()}
    return {"crx": files[".crx"], "xpi": files[".xpi"], "zip": files[".zip"], "updates": out / "updates.xml"}


class UpdateServer:
    """Plain HTTP on 127.0.0.1 serving a folder (updates.xml, .crx, .xpi), logging each GET."""

    def __init__(self, folder: Path):
        self.requests: list[str] = []
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, fmt, *args):
                server.requests.append(self.path)

            def guess_type(self, path):
                if str(path).endswith(".xpi"):
                    return "application/x-xpinstall"
                if str(path).endswith(".crx"):
                    return "application/x-chrome-extension"
                return super().guess_type(path)

        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
