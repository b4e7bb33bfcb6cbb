"""A Chromium (Selenium) with the unpacked extension, pointed at the fixture server, plus the
page-side helpers the tests use to read the extension's overlay (an open shadow root)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = "/usr/lib/chromium/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
EXTENSION = Path(__file__).resolve().parents[2] / "extension"

SITES = {
    "facebook": ("https://www.facebook.com/", "#composer"),
    "instagram": ("https://www.instagram.com/", "#caption"),
    "instagram-comment": ("https://www.instagram.com/", "#comment"),
    "x": ("https://x.com/", '[data-testid="tweetTextarea_0"]'),
    "twitter": ("https://twitter.com/", '[data-testid="tweetTextarea_0"]'),
    # Full-width pages (fixtures/*/<name>.html; the composer may appear only after a click).
    "x-home": ("https://x.com/home", '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]'),
    "x-dm": ("https://x.com/messages/123-456", '[data-testid="dmComposerTextInput"]'),
    "facebook-feed": ("https://www.facebook.com/feed", "#comment"),
    "instagram-create": ("https://www.instagram.com/create", "#caption"),
    "instagram-dm": ("https://www.instagram.com/direct/t/123", "#dm"),
}

# Site controls whose centre the extension covers: for each interactive element in the viewport,
# the topmost element at its centre (elementsFromPoint) must not be the extension's overlay.
COVERED_CONTROLS = r"""
const host = document.querySelector('somecheck-overlay');
const sel = 'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [role="link"], ' +
  '[role="textbox"], [contenteditable="true"], [tabindex]:not([tabindex="-1"])';
const out = [];
let checked = 0;
for (const el of document.querySelectorAll(sel)) {
  if (host && host.contains(el)) continue;
  const r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) continue;
  const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
  checked++;
  const top = document.elementsFromPoint(x, y)[0];
  if (top !== host) continue;
  // Covered by the overlay: would the site's element be there without it?
  host.style.visibility = 'hidden';
  const under = document.elementFromPoint(x, y);
  host.style.visibility = '';
  if (under && (under === el || el.contains(under))) out.push((el.id ? '#' + el.id : el.tagName) + ' "' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30) + '"');
}
return {covered: out, checked};
"""

# Reads the overlay. Returns {state, marks: [{rule, severity, start, end, rects}], panel: [...], ...}
READ_OVERLAY = r"""
const host = document.querySelector('somecheck-overlay');
if (!host || !host.shadowRoot) return null;
const sr = host.shadowRoot;
const rect = (r) => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height});
return {
  state: Object.assign({}, host.dataset),
  marks: [...sr.querySelectorAll('.sc-mark')].map(m => ({
    rule: m.dataset.rule, severity: m.dataset.severity, start: +m.dataset.start, end: +m.dataset.end,
    rects: [...m.querySelectorAll('.sc-box')].map(b => rect(b.getBoundingClientRect()))})),
  panel: [...sr.querySelectorAll('.sc-panel .sc-item')].map(li => ({
    rule: li.dataset.rule, severity: li.dataset.severity, text: li.innerText})),
  panelTitle: (sr.querySelector('.sc-panel .sc-head') || {}).innerText || null,
  notice: (sr.querySelector('.sc-notice') || {}).innerText || null,
  dialog: sr.querySelector('.sc-dialog') ? sr.querySelector('.sc-dialog').innerText : null,
  card: sr.querySelector('.sc-card') ? sr.querySelector('.sc-card').innerText : null,
  badge: sr.querySelector('.sc-badge') ? sr.querySelector('.sc-badge').innerText : null,
};
"""

# Rect of the n-th occurrence of a word in a contenteditable, from the page's own DOM (independent
# of the extension), or, for a textarea, null (the tests use caretPositionFromPoint instead).
WORD_RECT = r"""
const [sel, word] = arguments;
const root = document.querySelector(sel);
const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
for (let n = w.nextNode(); n; n = w.nextNode()) {
  const i = n.data.indexOf(word);
  if (i >= 0) {
    const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + word.length);
    const b = r.getBoundingClientRect();
    return {left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height};
  }
}
return null;
"""

# Caret offset under a point inside a textarea (what the user would hit by clicking there).
OFFSET_AT = r"""
const [x, y] = arguments;
const p = document.caretPositionFromPoint(x, y);
return p ? {tag: p.offsetNode.nodeName, offset: p.offset} : null;
"""

# Page-side stopwatch: time of the last keydown and of the first mark drawn after it.
STOPWATCH = r"""
window.__sw = {lastKey: 0, marked: 0};
document.addEventListener('keydown', () => { __sw.lastKey = performance.now(); __sw.marked = 0; }, true);
const watch = () => {
  const host = document.querySelector('somecheck-overlay');
  if (!host) return setTimeout(watch, 20);
  new MutationObserver(() => {
    if (!__sw.marked && __sw.lastKey && host.shadowRoot.querySelector('.sc-mark .sc-box')) __sw.marked = performance.now();
  }).observe(host.shadowRoot, {childList: true, subtree: true});
};
watch();
"""


class Browser:
    def __init__(self, server, out_dir: Path, name: str = "test", lang: str = "en-US",
                 extension: Path | None | bool = EXTENSION, extension_timeout: float = 10.0,
                 keep_welcome: bool = False):
        """`extension=None`: load nothing unpacked (the browser installs it itself, by policy).
        `extension=False`: no extension at all (the page as it is without SomeCheck).
        `keep_welcome`: leave the welcome page the extension opens on install."""
        if extension is True:
            extension = EXTENSION
        self.server = server
        self.out = out_dir
        o = webdriver.ChromeOptions()
        o.binary_location = CHROMIUM
        for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1280,900", f"--lang={lang}",
                  "--disable-features=NetworkTimeServiceQuerying",
                  "--ignore-certificate-errors",
                  f"--host-resolver-rules={server.resolver_rules()}",
                  f"--ip-address-space-overrides=127.0.0.1:{server.port}=public"]:
            o.add_argument(a)
        if extension is None:
            # The extension updater is "background networking": without it a policy install
            # never fetches updates.xml. (The resolver's catch-all still keeps everything local.)
            o.arguments.remove("--disable-background-networking")
            o.add_experimental_option("excludeSwitches", ["disable-background-networking"])
        elif extension is not False:
            o.add_argument(f"--load-extension={extension}")
            o.add_argument(f"--disable-extensions-except={extension}")
        o.add_experimental_option("prefs", {"intl.accept_languages": lang})
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:80]
        (out_dir / "logs").mkdir(exist_ok=True)
        self.log_path = out_dir / "logs" / f"chromedriver-{safe}.log"
        # On Linux Chromium takes its UI language (chrome.i18n.getUILanguage) from LANGUAGE.
        env = dict(os.environ, LANGUAGE=lang.replace("-", "_"))
        self.driver = webdriver.Chrome(options=o, service=Service(
            executable_path=CHROMEDRIVER, log_output=str(self.log_path), service_args=["--verbose"], env=env))
        self.driver.set_script_timeout(10)
        self.ext_id = None if extension is False else self._extension_id(extension_timeout)
        if self.ext_id and not keep_welcome:
            self._close_welcome_tab()

    def _close_welcome_tab(self, timeout: float = 5.0) -> None:
        """The extension opens its welcome page on install, in front of the driver's tab; a
        page in a background tab gets no animation frames. Close it and bring ours forward."""
        welcome = f"chrome-extension://{self.ext_id}/welcome/welcome.html"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            tabs = [t for t in self.driver.execute_cdp_cmd("Target.getTargets", {})["targetInfos"]
                    if t["type"] == "page" and t["url"].startswith(welcome)]
            if tabs:
                for t in tabs:
                    self.driver.execute_cdp_cmd("Target.closeTarget", {"targetId": t["targetId"]})
                break
            time.sleep(0.02)
        self.driver.execute_cdp_cmd("Page.bringToFront", {})

    def _extension_id(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for t in self.driver.execute_cdp_cmd("Target.getTargets", {})["targetInfos"]:
                if t["type"] == "service_worker" and t["url"].startswith("chrome-extension://"):
                    return t["url"].split("/")[2]
            time.sleep(0.05)
        log = self.log_path.read_text(errors="replace")
        errors = [line for line in log.splitlines() if "Extension error" in line or "Failed to load extension" in line]
        raise AssertionError(f"the extension's service worker did not start: {errors[:5]}")

    def quit(self):
        try:
            self.driver.quit()
        except Exception:
            pass

    # -- extension pages --------------------------------------------------------------------------
    def ext_url(self, page: str) -> str:
        return f"chrome-extension://{self.ext_id}/{page}"

    def configure(self, **values):
        """Write the user's settings as the options page would (chrome.storage.local)."""
        self.driver.get(self.ext_url("options/options.html"))
        # The options page is ready once it has read the settings, IT policy included (Chromium's
        # first storage.managed read of a session takes ~2 s).
        WebDriverWait(self.driver, 10, poll_frequency=0.05).until(
            lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
        self.driver.execute_async_script(
            "chrome.storage.local.set(arguments[0]).then(() => arguments[1](true))", values)

    def ext_call(self, script: str, *args):
        """Run async code in an extension page (must be on one): `done(value)` returns."""
        return self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];" + script, *args)

    # -- site pages -------------------------------------------------------------------------------
    def open(self, site: str):
        url, sel = SITES[site]
        self.driver.get(url)
        self.site, self.sel = site, sel
        WebDriverWait(self.driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, sel))
        self.driver.execute_script(STOPWATCH)
        return self.composer()

    def composer(self):
        return self.driver.find_element(By.CSS_SELECTOR, self.sel)

    def overlay(self):
        return self.driver.execute_script(READ_OVERLAY)

    def wait(self, predicate, timeout=8.0, what="condition"):
        last = [None]

        def check(_):
            last[0] = self.overlay()
            return last[0] is not None and predicate(last[0])
        try:
            WebDriverWait(self.driver, timeout, poll_frequency=0.02).until(check)
        except Exception as e:
            raise AssertionError(f"timed out waiting for {what}; overlay: {last[0]}") from e
        return last[0]

    def wait_marks(self, rule=None, count=None, timeout=8.0):
        def ok(o):
            if o["state"].get("state") != "ok":      # a check of the current text has answered
                return False
            marks = [m for m in o["marks"] if rule is None or m["rule"] == rule]
            return (len(marks) == count) if count is not None else bool(marks and all(m["rects"] for m in marks))
        return self.wait(ok, timeout, what=f"marks of {rule or 'any rule'}")

    def word_rect(self, word):
        return self.driver.execute_script(WORD_RECT, self.sel, word)

    def offset_at(self, x, y):
        return self.driver.execute_script(OFFSET_AT, x, y)

    def model(self) -> str:
        return self.driver.find_element(By.ID, "model").get_attribute("textContent")

    def submits(self):
        return self.driver.execute_script("return window.fixture.submits")

    def wait_submits(self, count=1, timeout=5.0):
        WebDriverWait(self.driver, timeout, poll_frequency=0.02).until(
            lambda d: len(self.submits()) >= count)
        return [s["text"] for s in self.submits()]

    def latency_ms(self):
        sw = self.driver.execute_script("return window.__sw")
        return sw["marked"] - sw["lastKey"] if sw and sw["marked"] else None

    def shadow_click(self, css):
        self.driver.execute_script(
            "document.querySelector('somecheck-overlay').shadowRoot.querySelector(arguments[0]).click()", css)

    def covered_controls(self):
        """The site controls the overlay covers (must be none), and how many were checked."""
        return self.driver.execute_script(COVERED_CONTROLS)

    def viewport(self, width, height):
        """Make the page's viewport exactly width x height (CSS pixels)."""
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def screenshot(self, name):
        path = self.out / "screenshots" / f"{name}.png"
        self.driver.save_screenshot(str(path))
        return path
