"""Firefox ESR without geckodriver: its built-in WebDriver BiDi endpoint over a websocket
(websocket-client comes with selenium). Just enough to install the extension as a temporary
add-on, open a page, type and read the DOM."""

from __future__ import annotations

import itertools
import json
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import websocket

from e2e_server import stop_process

FIREFOX = shutil.which("firefox-esr") or "/usr/bin/firefox-esr"
ADDON_ID = "somecheck@city.example"
ADDON_UUID = "5c0e5c4e-0000-4000-8000-00000000e2e0"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Firefox:
    def __init__(self, hosts, log_path: Path):
        self.profile = Path(tempfile.mkdtemp(prefix="somecheck-ff-"))
        prefs = {
            "network.dns.localDomains": ",".join(hosts),
            "network.dns.forceResolve": "127.0.0.1",        # every name to loopback: nothing leaves
            "extensions.webextensions.uuids": json.dumps({ADDON_ID: ADDON_UUID}),
            "intl.locale.requested": "en-US", "intl.accept_languages": "en-US",
            "browser.shell.checkDefaultBrowser": False, "app.update.enabled": False,
            "datareporting.policy.dataSubmissionEnabled": False, "toolkit.telemetry.enabled": False,
            "browser.safebrowsing.malware.enabled": False, "browser.safebrowsing.phishing.enabled": False,
            "network.captive-portal-service.enabled": False, "network.connectivity-service.enabled": False,
            "extensions.update.enabled": False, "devtools.console.stdout.content": True, "browser.startup.homepage_override.mstone": "ignore",
        }
        (self.profile / "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items()))
        port = _free_port()
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen(
            [FIREFOX, "--headless", "--no-remote", "--profile", str(self.profile),
             f"--remote-debugging-port={port}", "--remote-allow-hosts=127.0.0.1,localhost",
             "--width=1280", "--height=900"], stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            try:
                self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}/session",
                                                      suppress_origin=True, timeout=30)
                break
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.quit()
                    raise RuntimeError("Firefox's WebDriver BiDi endpoint did not come up")
                time.sleep(0.1)
        self._ids = itertools.count(1)
        self.cmd("session.new", {"capabilities": {"alwaysMatch": {"acceptInsecureCerts": True}}})
        self.context = self.cmd("browsingContext.getTree", {})["contexts"][0]["context"]

    def cmd(self, method, params):
        mid = next(self._ids)
        self.ws.send(json.dumps({"id": mid, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == mid:
                if msg.get("type") == "error":
                    raise RuntimeError(f"{method}: {msg.get('error')}: {msg.get('message')}")
                return msg["result"]

    def install(self, path: Path):
        return self.cmd("webExtension.install", {"extensionData": {"type": "path", "path": str(path)}})

    def ext_url(self, page):
        return f"moz-extension://{ADDON_UUID}/{page}"

    def navigate(self, url):
        self.cmd("browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"})

    def js(self, expression, await_promise=True):
        res = self.cmd("script.evaluate", {"expression": expression, "target": {"context": self.context},
                                           "awaitPromise": await_promise, "resultOwnership": "none",
                                           "serializationOptions": {"maxObjectDepth": 0}})
        if res.get("type") == "exception":
            raise RuntimeError(res["exceptionDetails"].get("text"))
        value = res["result"]
        return json.loads(value["value"]) if value.get("type") == "string" else value.get("value")

    def value(self, expression):
        """Evaluate and return a JSON-able value (serialised in the page)."""
        return self.js(f"Promise.resolve({expression}).then(v => JSON.stringify(v ?? null))")

    def click(self, selector):
        r = self.value(f"document.querySelector({json.dumps(selector)}).getBoundingClientRect().toJSON()")
        x, y = int(r["left"] + r["width"] / 2), int(r["top"] + min(r["height"] / 2, 20))
        self.cmd("input.performActions", {"context": self.context, "actions": [{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": [
                {"type": "pointerMove", "x": x, "y": y}, {"type": "pointerDown", "button": 0},
                {"type": "pointerUp", "button": 0}]}]})

    def type(self, text):
        actions = []
        for ch in text:
            actions += [{"type": "keyDown", "value": ch}, {"type": "keyUp", "value": ch}]
        self.cmd("input.performActions", {"context": self.context, "actions": [
            {"type": "key", "id": "kbd", "actions": actions}]})

    def wait(self, expression, timeout=10.0):
        deadline = time.monotonic() + timeout
        while True:
            v = self.value(expression)
            if v:
                return v
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {expression}")
            time.sleep(0.05)

    def screenshot(self, path: Path):
        import base64
        data = self.cmd("browsingContext.captureScreenshot", {"context": self.context})["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def quit(self):
        try:
            self.ws.close()
        except Exception:
            pass
        stop_process(self.proc)
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)
