"""The real `python -m checker serve` process, talked to over HTTP with urllib."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from api_shapes import EVENING, PACK, PACK_NAME_RE, assert_check_body

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30.0
TOKEN = "serve-test-token-0123456789"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOMECHECK_")}
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


class Server:
    """A `checker serve` subprocess with its output in files (no pipe can fill up and block)."""

    def __init__(self, tmp: Path, *args: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.out_path, self.err_path = tmp / "serve.out", tmp / "serve.err"
        self.out, self.err = self.out_path.open("wb"), self.err_path.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "checker", "serve", "--port", str(self.port), *args],
            cwd=REPO, env=clean_env(), stdout=self.out, stderr=self.err, stdin=subprocess.DEVNULL)

    def wait_ready(self, headers: dict[str, str] | None = None) -> dict:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"serve exited with {self.proc.returncode}: {self.stderr()}")
            try:
                status, body, _ = request(self, "GET", "/v1/health", headers=headers, timeout=2)
                if status == 200:
                    return body
            except OSError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"serve did not answer /v1/health within {START_TIMEOUT}s: {self.stderr()}")

    def stdout(self) -> str:
        return self.out_path.read_text(encoding="utf-8", errors="replace")

    def stderr(self) -> str:
        return self.err_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.out.close()
        self.err.close()


def request(server: Server, method: str, path: str, body: object = None,
            headers: dict[str, str] | None = None, timeout: float = 10) -> tuple[int, dict, dict]:
    data = None if body is None else json.dumps(body).encode("utf-8")
    req = urllib.request.Request(server.base + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        req.add_header(name, value)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, json.loads(response.read()), dict(response.headers)
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, json.loads(exc.read()), dict(exc.headers)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("serve"), "--rules", str(PACK))
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def test_serve_answers_health_and_prints_how_to_use_it(served):
    status, health, _ = request(served, "GET", "/v1/health")
    assert status == 200
    assert health["status"] == "ok"
    assert PACK_NAME_RE.match(health["rules_version"])
    out = served.stdout()
    assert f"http://127.0.0.1:{served.port}/" in out
    assert health["rules_version"] in out
    assert "chrome://extensions" in out and "Load unpacked" in out
    assert str(REPO / "extension") in out
    assert "about:debugging" in out


def test_serve_check_with_emoji_offsets(served):
    text = "😀👨‍👩‍👧 blorf ja zonk"
    status, result, headers = request(served, "POST", "/v1/check",
                                      {"text": text, "now": EVENING, "locale": "fi"})
    assert status == 200
    assert headers["Content-Type"].startswith("application/json")
    assert_check_body(result, text)
    assert [(f["rule"], f["start"], f["end"], f["excerpt"], f["message"]) for f in result["findings"]] == [
        ("profanity.blorf", 11, 16, "blorf", "Blorf on kielletty."),
        ("insult.blorf", 11, 16, "blorf", "Blorf loukkaa."),
        ("insult.zonk", 20, 24, "zonk", "Zonk loukkaa."),
    ]
    assert result["verdict"] == "block"


def test_serve_refuses_foreign_host_and_web_origin(served):
    status, body, _ = request(served, "POST", "/v1/check", {"text": "hi"},
                              headers={"Host": f"evil.example:{served.port}"})
    assert (status, body["error"]["code"]) == (403, "forbidden")
    status, body, headers = request(served, "POST", "/v1/check", {"text": "hi"},
                                    headers={"Origin": "https://www.facebook.com"})
    assert (status, body["error"]["code"]) == (403, "forbidden")
    assert "Access-Control-Allow-Origin" not in headers
    status, body, headers = request(served, "POST", "/v1/check", {"text": "hi", "now": EVENING},
                                    headers={"Origin": "chrome-extension://abcdefghijklmnop"})
    assert (status, body["verdict"]) == (200, "ok")
    assert headers["Access-Control-Allow-Origin"] == "chrome-extension://abcdefghijklmnop"


def test_serve_errors_are_contract_json(served):
    for body, headers, status, code in (
        ({"text": 1}, {}, 400, "bad_request"),
        ({"text": "x", "account": "company"}, {}, 400, "bad_request"),
        ({"text": "x" * 300_000}, {}, 413, "too_large"),
    ):
        got, answer, _ = request(served, "POST", "/v1/check", body, headers=headers)
        assert (got, set(answer), answer["error"]["code"]) == (status, {"error"}, code)
    req = urllib.request.Request(served.base + "/v1/check", data=b'{"text": "x"}', method="POST",
                                 headers={"Content-Type": "text/plain"})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(req, timeout=10)
    with caught.value as exc:
        assert exc.code == 415
        assert json.loads(exc.read())["error"]["code"] == "unsupported_media_type"
    # still serving
    assert request(served, "GET", "/v1/health")[0] == 200


def test_serve_with_token_file(tmp_path):
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    server = Server(tmp_path, "--token-file", str(token_file))    # the bundled pack
    try:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        health = server.wait_ready(headers=auth)
        assert health["rules_version"] in server.stdout()
        status, body, _ = request(server, "POST", "/v1/check", {"text": "hei"})
        assert (status, body["error"]["code"]) == (401, "unauthorized")
        status, body, _ = request(server, "GET", "/v1/health")
        assert (status, body["error"]["code"]) == (401, "unauthorized")
        status, body, _ = request(server, "GET", "/v1/rules", headers={"Authorization": "Bearer nope"})
        assert (status, body["error"]["code"]) == (401, "unauthorized")
        text = "😀 vittu 👨‍👩‍👧 fuck"
        status, result, _ = request(server, "POST", "/v1/check", {"text": text}, headers=auth)
        assert status == 200
        assert_check_body(result, text)
        strong = [(f["start"], f["end"]) for f in result["findings"] if f["rule"] == "profanity.strong"]
        assert strong == [(3, 8), (18, 22)]   # 😀=2, 👨‍👩‍👧=8 units
        status, rules, _ = request(server, "GET", "/v1/rules", headers=auth)
        assert status == 200 and "profanity.strong" in {r["id"] for r in rules["rules"]}
    finally:
        server.stop()


def test_serve_refuses_a_broken_pack(tmp_path):
    pack = tmp_path / "pack"
    (pack / "rules").mkdir(parents=True)
    (pack / "pack.yaml").write_text((PACK / "pack.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (pack / "rules" / "bad.yaml").write_text(
        "rules:\n  - id: profanity.bad\n    category: profanity\n    severity: enormous\n",
        encoding="utf-8")
    port = free_port()
    done = subprocess.run([sys.executable, "-m", "checker", "serve", "--port", str(port),
                           "--rules", str(pack)], cwd=REPO, env=clean_env(), capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert f"{pack / 'rules' / 'bad.yaml'}:4:" in done.stderr
    assert "severity" in done.stderr
    assert "is checking at" not in done.stdout
    with socket.socket() as probe:      # nothing is listening
        assert probe.connect_ex(("127.0.0.1", port)) != 0


def test_serve_refuses_a_busy_port(tmp_path):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "checker", "serve", "--port", str(port),
                               "--rules", str(PACK)], cwd=REPO, env=clean_env(),
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "in use" in done.stderr.lower()
    assert "Traceback" not in done.stderr
