"""IT rollout in real Firefox ESR: the documented policies.json installs the project's own .xpi
from a local URL (ExtensionSettings, force_installed) and configures it through `3rdparty`.

The .xpi is unsigned: ESR (unlike release Firefox) honours `xpinstall.signatures.required =
false`, set here by the same policy file (`Preferences`, locked). A signed .xpi needs no such
line. Needs root (Firefox reads /etc/firefox/policies/policies.json) and takes the e2e lock."""

from __future__ import annotations

import json
import time

import pytest

from conftest import Checker
from e2e_browser import READ_OVERLAY
from e2e_firefox import ADDON_ID, Firefox
from e2e_policy import (EXAMPLE_UPDATE_BASE, FIREFOX_POLICIES, UpdateServer, build_packages, e2e_lock,
                        example, installed, localize, need_root)
from e2e_server import HOSTS, FixtureServer

TOKEN = "rollout-ff-token-93ac"
UNSIGNED = {"Preferences": {"xpinstall.signatures.required": {"Value": False, "Status": "locked"}}}


def page_fn(body, *args):
    return f"(function () {{ {body} }}).apply(null, {json.dumps(list(args))})"


@pytest.fixture
def rollout(tmp_path, bundles, out_dir):
    need_root("installing the add-on by Firefox policy")
    folder = tmp_path / "update-server"
    folder.mkdir()
    server = UpdateServer(folder)
    packages = build_packages(folder, server.base)
    token_file = tmp_path / "token.txt"
    token_file.write_text(TOKEN)
    checker = Checker(log_name="checker-rollout-ff.log", extra=("--token-file", str(token_file)), token=TOKEN)
    doc = example("firefox/policies.json")
    url = doc["policies"]["ExtensionSettings"][ADDON_ID]["install_url"]
    assert url == f"{EXAMPLE_UPDATE_BASE}/{packages['xpi'].name}", "the example names another file"
    policy = localize(doc, ADDON_ID, server.base,
                      {"checkerUrl": checker.url, "token": TOKEN, "role": "trustee", "locale": "sv"})
    policy["policies"].update(UNSIGNED)
    fixtures = FixtureServer(tmp_path, port=443).start()      # Firefox cannot remap ports
    try:
        with e2e_lock(), installed(FIREFOX_POLICIES, policy):
            ff = Firefox(HOSTS, out_dir / "logs" / "firefox-rollout.log")
            try:
                yield {"ff": ff, "server": server, "checker": checker, "packages": packages}
            finally:
                ff.quit()
    finally:
        fixtures.stop()
        checker.stop()
        server.stop()


def extension_tab(ff, timeout=20.0):
    """The tab the add-on opened itself (its welcome page): BiDi may script extension pages
    but not navigate to them, so the tests start from the page the add-on opens on install."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for c in ff.cmd("browsingContext.getTree", {})["contexts"]:
            if c["url"].startswith("moz-extension://"):
                return c["context"]
        time.sleep(0.1)
    raise AssertionError("the add-on did not install (no page of it opened)")


def test_policy_installs_configures_and_locks_the_addon(rollout, out_dir):
    ff = rollout["ff"]
    site = ff.context
    ff.context = extension_tab(ff)          # installed without user action: it opened its page
    assert f"/{rollout['packages']['xpi'].name}" in rollout["server"].requests
    me = ff.value("browser.management.getSelf()")
    assert me["installType"] == "admin" and me["mayDisable"] is False and me["enabled"] is True, me
    managed = ff.value("browser.storage.managed.get(null)")
    assert managed["checkerUrl"] == rollout["checker"].url and managed["token"] == TOKEN

    # Options page: the policy's values, locked.
    ff.js("location.href = browser.runtime.getURL('options/options.html'); true")
    ff.wait("location.pathname === '/options/options.html' && document.body.dataset.ready === 'true'")
    fields = ff.value("[...document.querySelectorAll('.field')].map(f => ({key: f.dataset.key, "
                      "disabled: [...f.querySelectorAll('input, select')].every(i => i.disabled), "
                      "lock: !f.querySelector('.lock').hidden}))")
    set_by_policy = {"checkerUrl", "token", "role", "locale", "sites"}
    assert all(f["disabled"] and f["lock"] for f in fields if f["key"] in set_by_policy), fields
    assert set_by_policy <= {f["key"] for f in fields}
    assert ff.value("document.getElementById('checkerUrl').value") == rollout["checker"].url
    ff.screenshot(out_dir / "screenshots" / "rollout-firefox-options-locked.png")
    ff.value("SomeCheckSettings.save({checkerUrl: 'http://127.0.0.1:1'}).then(() => true)")
    assert ff.value("SomeCheckSettings.load().then(s => s.values.checkerUrl)") == rollout["checker"].url

    # A check reaches the checker that requires the token, in the policy's language (sv).
    ff.context = site
    ff.navigate("https://www.facebook.com/")
    ff.click("#composer")
    ff.type("damn")
    overlay = page_fn(READ_OVERLAY)
    o = ff.wait(f"(() => {{ const o = {overlay}; return o && o.panel.length ? o : null; }})()")
    assert o["marks"][0]["rule"] == "profanity.e2e-strong"
    assert "Svordom" in o["panel"][0]["text"]
    ff.screenshot(out_dir / "screenshots" / "rollout-firefox-check.png")
