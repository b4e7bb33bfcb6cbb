"""The HTTP edges of the real served process, under gunicorn and under waitress (issue 13):
slow clients (2), errors of the HTTP layer as JSON (6), and stopping on SIGTERM (7)."""

from __future__ import annotations

import json
import os
import signal
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from deploy_served import Served

MODES = {"gunicorn": ("--server", "gunicorn", "--workers", "2", "--threads", "4"),
         "waitress": ("--server", "waitress", "--threads", "4")}


def raw(port: int, data: bytes, timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    """Send bytes as they are; read the whole answer (the server closes after an error)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
        except OSError:          # the server answered and closed before reading it all
            pass
        answer = b""
        try:
            while chunk := s.recv(65536):
                answer += chunk
        except ConnectionResetError:
            pass
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


@pytest.fixture(scope="module", params=sorted(MODES))
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    with Served(tmp_path_factory.mktemp(request.param), *MODES[request.param],
                "--timeout", "3") as server:
        server.name = request.param
        yield server


POST = (b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n")


@pytest.mark.parametrize("case, request_bytes, status, code", [
    ("over 4 MiB", POST + b"Content-Length: 5000000\r\n\r\n" + b"x" * 5_000_000, 413, "too_large"),
    ("over 4 MiB, chunked", POST + b"Transfer-Encoding: chunked\r\n\r\n"
     + b"".join(b"100000\r\n" + b"x" * 0x100000 + b"\r\n" for _ in range(5)) + b"0\r\n\r\n",
     413, "too_large"),
    ("malformed chunk size", POST + b"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
     400, "bad_request"),
    ("chunk longer than said", POST + b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}xx\r\n0\r\n\r\n",
     400, "bad_request"),
    ("unknown transfer coding", POST + b"Transfer-Encoding: gzip\r\n\r\n", 400, "bad_request"),
    ("malformed header", b"GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nSecret Sentinel4711\r\n\r\n",
     400, "bad_request"),
    ("header too large", b"GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
     + b"a" * 300_000 + b"\r\n\r\n", 400, "bad_request"),
])
def test_every_error_a_client_can_cause_is_a_json_4xx(served: Served, case: str, request_bytes: bytes,
                                                      status: int, code: str) -> None:
    got, headers, body = raw(served.port, request_bytes)
    assert got == status, (case, got, body[:300])
    assert headers["content-type"].startswith("application/json"), (case, headers)
    error = json.loads(body)["error"]
    assert error["code"] == code
    assert "Sentinel4711" not in error["message"]
    if status == 413:       # the one limit of the contract, never another
        assert error["message"] == "the body is larger than the limit of 262144 bytes"
    assert served.request("GET", "/v1/health")[0] == 200
    assert "Sentinel4711" not in served.log()


def test_forty_half_sent_requests_do_not_stall_health(served: Served) -> None:
    slow = []
    try:
        for _ in range(40):      # headers and half a body, then silence
            s = socket.create_connection(("127.0.0.1", served.port), timeout=5)
            s.sendall(POST + b"Content-Length: 100\r\n\r\n" + b'{"text": "' + b"a" * 30)
            slow.append(s)
        started, worst = time.monotonic(), 0.0
        while time.monotonic() - started < 5:         # past the 3-second cut-off
            t0 = time.monotonic()
            status, _, _ = served.request("GET", "/v1/health", timeout=1)
            worst = max(worst, time.monotonic() - t0)
            assert status == 200
            time.sleep(0.1)
        assert worst < 1.0, f"/v1/health took {worst:.2f} s"
    finally:
        for s in slow:
            s.close()


@pytest.mark.parametrize("mode", sorted(MODES))
def test_sigterm_drains_the_requests_in_flight_and_exits_0(tmp_path: Path, mode: str) -> None:
    text = "Du ljuger om budgeten och fan, ring 040 123 4567. " * 4000    # about 0.5 s each
    with Served(tmp_path, *MODES[mode]) as server:
        def post(_: int) -> tuple[int, float]:
            status, _, _ = server.request("POST", "/v1/check", {"text": text, "locale": "en"},
                                          timeout=30)
            return status, time.monotonic()

        with ThreadPoolExecutor(8) as pool:
            answers = [pool.submit(post, i) for i in range(8)]
            time.sleep(0.3)                            # all sent, none answered yet
            signalled = time.monotonic()
            os.kill(server.proc.pid, signal.SIGTERM)
            results = [a.result() for a in answers]
        assert server.proc.wait(timeout=30) == 0, server.log()
    assert [status for status, _ in results] == [200] * 8, (results, server.log())
    assert any(done > signalled for _, done in results), "no request was in flight"
    log = server.log()
    assert "request(s) in flight answered, 0 cut off" in log, log
    assert "Traceback" not in log
