"""The service as the extension meets it: `somecheck serve` on 127.0.0.1, keep-alive clients.

Everything here talks to 127.0.0.1 only, on ports the operating system picks, and is bounded
in count and in time. The servers are child processes of the benchmark and are stopped by
their process id when their part is done.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench import texts
from bench.stats import summary

HOST = "127.0.0.1"
START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _request(method: str, path: str, port: int, body: bytes = b"") -> bytes:
    head = (f"{method} {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nConnection: keep-alive\r\n"
            f"Accept-Language: en\r\n")
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return (head + "\r\n").encode() + body


def check_body(text: str) -> bytes:
    return json.dumps({"text": text, "now": "2026-11-28T14:00:00+02:00"}).encode()


class Client:
    """One keep-alive HTTP/1.1 connection that sends prepared requests and reads answers."""

    def __init__(self, port: int, timeout: float = 10.0) -> None:
        self.sock = socket.create_connection((HOST, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""

    def send(self, request: bytes) -> tuple[int, bytes]:
        self.sock.sendall(request)
        while b"\r\n\r\n" not in self.buffer:
            self._fill()
        head, _, rest = self.buffer.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1])
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        while len(rest) < length:
            self.buffer = rest
            self._fill()
            rest = self.buffer
        self.buffer = rest[length:]
        return status, rest[:length]

    def _fill(self) -> None:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("the server closed the connection")
        self.buffer += chunk

    def close(self) -> None:
        self.sock.close()


class Server:
    """`somecheck serve` in a child process, on a free loopback port."""

    def __init__(self, *args: str) -> None:
        self.port = free_port()
        command = [sys.executable, "-m", "checker", "serve", "--host", HOST,
                   "--port", str(self.port), *args]
        self.started = time.perf_counter()
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, start_new_session=True)
        self.first_answer: float | None = None

    def wait_first_check(self, body: bytes) -> float:
        """Seconds from starting the process to the first /v1/check answer."""
        deadline = self.started + START_TIMEOUT
        request = _request("POST", "/v1/check", self.port, body)
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the server stopped: " + self.process.stderr.read().decode()[-2000:])
            try:
                client = Client(self.port, timeout=5)
            except OSError:
                time.sleep(0.002)
                continue
            try:
                status, _ = client.send(request)
            except OSError:
                time.sleep(0.002)
                continue
            finally:
                client.close()
            if status == 200:
                self.first_answer = time.perf_counter() - self.started
                return self.first_answer
            raise RuntimeError(f"/v1/check answered {status}")
        raise RuntimeError(f"the server did not answer within {START_TIMEOUT} s")

    def pids(self) -> list[int]:
        """The server process and its children (gunicorn's workers)."""
        found = [self.process.pid]
        for pid in found:
            try:
                children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                continue
            found += [int(c) for c in children]
        return found

    def peak_rss(self) -> dict[int, int]:
        """Peak resident memory (VmHWM) of each process of the server, in bytes."""
        peaks = {}
        for pid in self.pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peaks[pid] = int(line.split()[1]) * 1024
            except OSError:
                pass
        return peaks

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)   # its own session: itself and its workers
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process.stderr.close()


def _posts(count: int) -> list[bytes]:
    """Distinct 280-character posts in the three languages, half of them with findings."""
    return [check_body(texts.post(texts.LANGS[i % 3], 280, findings=bool(i % 2), seed=i))
            for i in range(count)]


def round_trips(server: Server, rounds: int) -> dict:
    """/v1/check (280 chars) and /v1/health interleaved on one keep-alive connection."""
    client = Client(server.port)
    posts = [_request("POST", "/v1/check", server.port, body) for body in _posts(30)]
    health = _request("GET", "/v1/health", server.port)
    for request in posts + [health] * 10:                          # warm up
        assert client.send(request)[0] == 200
    checks, healths = [], []
    for i in range(rounds):
        for kind in ((0, 1) if i % 2 else (1, 0)):
            request = posts[i % len(posts)] if kind == 0 else health
            began = time.perf_counter()
            status, _ = client.send(request)
            (checks if kind == 0 else healths).append(time.perf_counter() - began)
            assert status == 200, status
    client.close()
    return {"check": summary(checks), "health": summary(healths)}


BATCH_SIZE = 200


def batch_body(first: int) -> bytes:
    """A /v1/check/batch body: 200 comments of 280 characters never sent before."""
    items = [{"text": text, "context": "comment", "platform": "facebook", "role": "admin",
              "account": "official", "now": "2026-11-28T14:00:00+02:00"}
             for text in texts.comments(BATCH_SIZE, first=first)]
    return json.dumps({"items": items}).encode()


def batches(server: Server, rounds: int) -> dict:
    """POST /v1/check/batch with 200 new comments each round, on one keep-alive connection."""
    client = Client(server.port)
    bodies = [_request("POST", "/v1/check/batch", server.port, batch_body(first=100_000 + r * BATCH_SIZE))
              for r in range(rounds + 1)]
    status, _ = client.send(bodies[0])                              # warm up
    assert status == 200, status
    times = []
    for request in bodies[1:]:
        began = time.perf_counter()
        status, answer = client.send(request)
        times.append(time.perf_counter() - began)
        assert status == 200, status
        assert len(json.loads(answer)["results"]) == BATCH_SIZE
    client.close()
    return {"items": BATCH_SIZE, "round_trip": summary(times)}


def throughput(server: Server, clients: int, seconds: float, limit: int) -> dict:
    """Checks per second with `clients` keep-alive connections sending 280-char posts."""
    posts = [_request("POST", "/v1/check", server.port, body) for body in _posts(60)]
    counts = [0] * clients
    errors = [0] * clients
    stop = threading.Event()
    per_client = limit // clients
    ready = threading.Barrier(clients + 1)

    def work(n: int) -> None:
        client = Client(server.port)
        client.send(posts[n])
        ready.wait()
        i = n
        while not stop.is_set() and counts[n] < per_client:
            status, _ = client.send(posts[i % len(posts)])
            i += clients
            if status == 200:
                counts[n] += 1
            else:
                errors[n] += 1
        client.close()

    threads = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(clients)]
    for t in threads:
        t.start()
    ready.wait()
    began = time.perf_counter()
    stop.wait(seconds)
    stop.set()
    for t in threads:
        t.join(timeout=15)
    elapsed = time.perf_counter() - began
    return {"checks": sum(counts), "errors": sum(errors), "seconds": elapsed,
            "per_second": sum(counts) / elapsed}


def run(scale: float = 1.0) -> dict:
    result: dict = {}
    body = check_body(texts.post("fi", 280, findings=True, seed=999))
    # Cold start and round trips: one process, the default server (waitress).
    server = Server()
    try:
        result["cold_start"] = server.wait_first_check(body)
        result["round_trip"] = round_trips(server, max(50, int(600 * scale)))
        result["batch"] = batches(server, max(5, int(30 * scale)))
        result["rss_one"] = max(server.peak_rss().values())
    finally:
        server.stop()
    # Throughput: two workers, eight clients, a few seconds at most.
    server = Server("--workers", "2")
    try:
        result["cold_start_workers"] = server.wait_first_check(body)
        warm = Client(server.port)
        for request in [_request("POST", "/v1/check", server.port, b) for b in _posts(60)]:
            warm.send(request)
        warm.close()
        result["throughput"] = throughput(server, clients=8, seconds=max(1.0, 4.0 * scale),
                                          limit=40_000)
        peaks = server.peak_rss()
        result["rss_workers"] = peaks
    finally:
        server.stop()
    return result
