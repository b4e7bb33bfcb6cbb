"""The real served process, under gunicorn with several workers and under waitress:
Host and Origin checks, the token, body limits and a slow client, over real HTTP."""

from __future__ import annotations

import json
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from deploy_served import Served, somecheck

LYING = {"text": "Du ljuger om budgeten.", "locale": "en", "now": "2026-11-24T18:00:00+02:00"}


def test_a_check_is_answered(served: Served) -> None:
    status, data, _ = served.request("POST", "/v1/check", LYING)
    assert status == 200, data
    assert data["verdict"] == "block"
    assert "accusation" in [f["category"] for f in data["findings"]]


def test_dns_rebinding_a_foreign_host_is_refused(served: Served) -> None:
    # A page on evil.example whose name was re-pointed at 127.0.0.1 sends its own Host.
    for host in ("evil.example", f"evil.example:{served.port}", "127.0.0.1.evil.example"):
        status, data, _ = served.request("POST", "/v1/check", LYING, headers={"Host": host})
        assert status == 403, (host, data)
        assert data["error"]["code"] == "forbidden"
    status, _, _ = served.request("GET", "/v1/health", headers={"Host": f"localhost:{served.port}"})
    assert status == 200


def test_a_web_pages_origin_is_refused(served: Served) -> None:
    for origin in ("https://www.facebook.com", "http://evil.example", "null"):
        status, data, raw = served.request("POST", "/v1/check", LYING, headers={"Origin": origin})
        assert status == 403, (origin, raw)
        assert data["error"]["code"] == "forbidden"
        assert b"findings" not in raw
    # the preflight a page would send is refused too, and carries no CORS grant
    status, _, _ = served.request("OPTIONS", "/v1/check", headers={
        "Origin": "https://www.facebook.com", "Access-Control-Request-Method": "POST"})
    assert status == 403
    status, data, _ = served.request("POST", "/v1/check", LYING,
                                     headers={"Origin": "chrome-extension://abcdefghijklmnopabcdefghijklmnop"})
    assert status == 200 and data["verdict"] == "block"


def test_bodies_get_the_contracts_errors(served: Served) -> None:
    status, data, _ = served.request("POST", "/v1/check", b'{"text": "unfinished',
                                     headers={"Content-Type": "application/json"})
    assert (status, data["error"]["code"]) == (400, "bad_request")
    status, data, _ = served.request("POST", "/v1/check", json.dumps(LYING),
                                     headers={"Content-Type": "text/plain"})
    assert (status, data["error"]["code"]) == (415, "unsupported_media_type")
    big = json.dumps({"text": "a" * (300 * 1024)})
    status, data, _ = served.request("POST", "/v1/check", big,
                                     headers={"Content-Type": "application/json"})
    assert (status, data["error"]["code"]) == (413, "too_large")
    status, data, _ = served.request("POST", "/v1/check", b"\xff\xfe\x00garbage",
                                     headers={"Content-Type": "application/json"})
    assert (status, data["error"]["code"]) == (400, "bad_request")
    # and the service is still fine
    assert served.request("POST", "/v1/check", LYING)[0] == 200


def test_a_slow_client_is_cut_off_and_does_not_hold_the_service(served: Served) -> None:
    # Fewer slow clients than threads per process (4): each holds a thread until the timeout,
    # whichever process the kernel hands it to. Many more are the reverse proxy's job
    # (nginx buffers whole requests; see docs/it-deployment.md).
    slow = [socket.create_connection(("127.0.0.1", served.port)) for _ in range(3)]
    try:
        for s in slow:   # half a request: headers promise 100 bytes, 4 arrive, then silence
            s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: localhost\r\n"
                      b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"te")
        started = time.monotonic()
        for _ in range(10):          # others are served promptly meanwhile
            t0 = time.monotonic()
            status, data, _ = served.request("POST", "/v1/check", LYING, timeout=5)
            assert status == 200 and data["verdict"] == "block"
            assert time.monotonic() - t0 < 1.5, "a request waited behind the slow clients"
        for s in slow:               # the slow ones are cut off after the 2-second timeout
            s.settimeout(10)
            while s.recv(4096):
                pass                  # a 400 may come first; then the connection closes
        elapsed = time.monotonic() - started
        assert 1.0 < elapsed < 6.0, f"slow clients were held {elapsed:.1f} s (timeout is 2 s)"
    finally:
        for s in slow:
            s.close()
    assert served.request("GET", "/v1/health")[0] == 200


def test_many_clients_at_once(served: Served) -> None:
    texts = [({"text": f"Du ljuger om budgeten {i}.", "locale": "en"}, "block") for i in range(40)] + \
            [({"text": f"Kaunis ilta satamassa {i}.", "locale": "en"}, None) for i in range(40)]

    def one(item):
        body, verdict = item
        status, data, _ = served.request("POST", "/v1/check", body, timeout=20)
        return status, data.get("verdict"), verdict

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(one, texts))
    assert all(status == 200 for status, _, _ in results), results
    assert all(got == want for _, got, want in results if want), results


def test_gunicorn_runs_the_workers_asked_for(tmp_path: Path) -> None:
    with Served(tmp_path, "--workers", "3", "--threads", "2") as server:
        children_file = Path(f"/proc/{server.proc.pid}/task/{server.proc.pid}/children")
        deadline = time.monotonic() + 15
        while len(children_file.read_text().split()) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)   # workers boot one after another
        time.sleep(0.5)
        assert len(children_file.read_text().split()) == 3, server.log()
        assert "gunicorn, 3 worker(s) x 2 threads" in server.log()


def test_beyond_loopback_needs_a_token_and_exact_origins(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("s3cret-token-of-32-characters-ok\n")
    refused = somecheck("serve", "--host", "0.0.0.0", "--port", "1")
    assert refused.returncode == 2 and "--token-file" in refused.stderr
    refused = somecheck("serve", "--host", "0.0.0.0", "--port", "1", "--token-file", str(token_file))
    assert refused.returncode == 2 and "--allow-origin" in refused.stderr
    for wild in ("*", "chrome-extension://*", "moz-extension://abc?", "https://*.city.example"):
        refused = somecheck("serve", "--host", "0.0.0.0", "--port", "1", "--token-file",
                            str(token_file), "--allow-origin", wild)
        assert refused.returncode == 2 and "not a wildcard" in refused.stderr, (wild, refused.stderr)
    origin = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
    with Served(tmp_path, "--host", "0.0.0.0", "--workers", "2", "--token-file", str(token_file),
                "--allow-origin", origin, "--allow-host", "checker.city.example",
                token="s3cret-token-of-32-characters-ok") as server:
        headers = {"Origin": origin, "Host": "checker.city.example"}
        assert server.request("POST", "/v1/check", LYING, headers=headers)[0] == 200
        status, data, _ = server.request("POST", "/v1/check", LYING, headers=headers, token=False)
        assert (status, data["error"]["code"]) == (401, "unauthorized")
        status, data, _ = server.request("POST", "/v1/check", LYING, headers={
            **headers, "Authorization": "Bearer s3cret-token-of-32-characters-NO"})
        assert (status, data["error"]["code"]) == (401, "unauthorized")
        status, _, _ = server.request("POST", "/v1/check", LYING, headers={
            **headers, "Origin": "chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba"})
        assert status == 403
