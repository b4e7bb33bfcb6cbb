"""Start `somecheck serve` as a real process on a free port and talk to it over HTTP."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def somecheck(*args: str, env: dict[str, str] | None = None, timeout: float = 60,
              input: str | None = None) -> subprocess.CompletedProcess:
    """Run the CLI as a separate process, as a user would."""
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, input=input, cwd=ROOT)


class Served:
    """`somecheck serve ARGS` on its own port; output captured to a file in `tmp`."""

    def __init__(self, tmp: Path, *args: str, token: str | None = None) -> None:
        self.port = free_port()
        self.tmp = tmp
        self.args = ["--port", str(self.port), *args]
        self.token = token
        self.output = tmp / f"serve-{self.port}.out"
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> "Served":
        out = self.output.open("w")
        self.proc = subprocess.Popen([sys.executable, "-m", "checker", "serve", *self.args],
                                     stdout=out, stderr=subprocess.STDOUT, cwd=ROOT,
                                     start_new_session=True)
        out.close()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"serve exited with {self.proc.returncode}:\n{self.log()}")
            try:
                status, _, _ = self.request("GET", "/v1/health", timeout=2)
                if status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.1)
        self.__exit__()
        raise AssertionError(f"serve did not answer within 30 s:\n{self.log()}")

    def __exit__(self, *exc: object) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)   # the server and its workers, by group id
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()

    def log(self) -> str:
        return self.output.read_text(errors="replace")

    def request(self, method: str, path: str, body: bytes | str | dict | None = None,
                headers: dict[str, str] | None = None, timeout: float = 10,
                token: bool = True) -> tuple[int, dict, bytes]:
        """One request on a fresh connection; returns status, JSON (or {}) and raw body."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        hdrs = {"Host": f"127.0.0.1:{self.port}"}
        if isinstance(body, dict):
            body = json.dumps(body)
            hdrs["Content-Type"] = "application/json"
        if self.token and token:
            hdrs["Authorization"] = f"Bearer {self.token}"
        hdrs.update(headers or {})
        try:
            conn.request(method, path, body=body, headers=hdrs)
            resp = conn.getresponse()
            raw = resp.read()
        finally:
            conn.close()
        try:
            data = json.loads(raw)
        except ValueError:
            data = {}
        return resp.status, data, raw
