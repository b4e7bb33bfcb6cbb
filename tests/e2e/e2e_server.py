"""HTTPS server for the fixture pages, one port for every site, chosen by the Host header.

www.facebook.com -> fixtures/facebook, www.instagram.com -> fixtures/instagram,
x.com / twitter.com -> fixtures/x; /_common/ and /_editors/ (the esbuild bundles) are shared.
"""

from __future__ import annotations

import http.server
import re
import ssl
import subprocess
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
BUNDLES = HERE / "editors" / "dist"
HOSTS = {
    "www.facebook.com": "facebook", "facebook.com": "facebook", "web.facebook.com": "facebook",
    "www.instagram.com": "instagram", "instagram.com": "instagram",
    "x.com": "x", "www.x.com": "x", "twitter.com": "x", "mobile.twitter.com": "x",
}
# The address of one post and its comments on each site: /<page>/posts/<id> (Facebook),
# /p/<code>/ and /<account>/p/<code>/ (Instagram), /<handle>/status/<id> (X).
POST_PATH = re.compile(r"^/[^/]+/posts/|^/(?:[^/]+/)?p/[^/]+|^/[^/]+/status/[0-9]+")
# Close to what the real sites send: no inline script, scripts only from the site itself.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'self'")
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8", ".png": "image/png"}


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """One self-signed certificate for every fixture host name."""
    key, cert = folder / "key.pem", folder / "cert.pem"
    names = ",".join(f"DNS:{h}" for h in HOSTS) + ",IP:127.0.0.1"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "7",
                    "-subj", "/CN=somecheck-e2e-fixtures", "-addext", f"subjectAltName={names}",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return key, cert


class Handler(http.server.BaseHTTPRequestHandler):
    requests: list[tuple[str, str]] = []

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        path = self.path.split("?")[0].split("#")[0]
        self.requests.append((host, path))
        site = HOSTS.get(host)
        if site is None:
            return self._send(404, b"unknown host", ".html")
        if path.startswith("/_common/"):
            file = FIXTURES / "common" / path[len("/_common/"):]
        elif path.startswith("/_editors/"):
            file = BUNDLES / path[len("/_editors/"):]
        else:
            file = FIXTURES / site / (path.lstrip("/") or "index.html")
            if file.is_dir() or not file.suffix:
                # A post with its comments (review page); else an app route (/messages/123,
                # /direct/t/1): the page named by its first segment, if there is one, else the
                # site's index (a single-page app answers every route).
                page = FIXTURES / site / (path.strip("/").split("/")[0] + ".html")
                if POST_PATH.search(path):
                    file = FIXTURES / site / "review/index.html"
                else:
                    file = page if path.strip("/") and page.is_file() else FIXTURES / site / "index.html"
        try:
            file.resolve().relative_to(HERE)
            body = file.read_bytes()
        except (OSError, ValueError):
            return self._send(404, b"not found", ".html")
        self._send(200, body, file.suffix)

    def _send(self, status, body, suffix):
        self.send_response(status)
        self.send_header("Content-Type", TYPES.get(suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class FixtureServer:
    def __init__(self, certdir: Path, port: int = 0):
        key, cert = make_certificate(certdir)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        self.httpd.socket = ctx.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def resolver_rules(self) -> str:
        maps = [f"MAP {h} 127.0.0.1:{self.port}" for h in HOSTS]
        return ", ".join(maps + ["MAP * ~NOTFOUND", "EXCLUDE 127.0.0.1", "EXCLUDE localhost"])


def stop_process(proc: subprocess.Popen, grace: float = 10) -> None:
    """Ask a child process to end; kill it when it has not ended within `grace` seconds."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
