"""IT rollout in real Chromium: one policy file, the documented example, installs the project's
own CRX3 from an update server on 127.0.0.1 and configures it through `3rdparty`; a fresh
profile gets the extension without any user action, locked settings, checks with the token,
and no way to turn it off.

Needs root (Chromium reads /etc/chromium/policies/managed) and takes the e2e lock."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import Checker
from e2e_policy import (CHROMIUM_POLICIES, TEST_KEY, UpdateServer, build_packages, crx_id, e2e_lock,
                        example, installed, localize, need_root)

TOKEN = "rollout-e2e-token-5b1f"
# Chromium keeps DevTools (and so the test driver) away from pages of extensions installed by
# policy unless this is allowed. Test-only: not part of the documented example.
TEST_ONLY = {"DeveloperToolsAvailability": 1}


@pytest.fixture(scope="module")
def rollout(tmp_path_factory, fixture_server):
    need_root("installing the extension by Chromium policy")
    folder = tmp_path_factory.mktemp("update-server")
    server = UpdateServer(folder)
    packages = build_packages(folder, server.base)
    token_file = folder.parent / "token.txt"
    token_file.write_text(TOKEN)
    checker = Checker(log_name="checker-rollout.log", extra=("--token-file", str(token_file)), token=TOKEN)
    ext_id = crx_id(TEST_KEY)
    policy = localize(example("chrome/somecheck.json"), ext_id, server.base,
                      {"checkerUrl": checker.url, "token": TOKEN, "role": "trustee", "locale": "fi"})
    policy.update(TEST_ONLY)
    try:
        with e2e_lock(), installed(CHROMIUM_POLICIES / "somecheck-rollout-e2e.json", policy):
            yield {"server": server, "checker": checker, "id": ext_id, "packages": packages, "policy": policy}
    finally:
        checker.stop()
        server.stop()


def open_page(b, url):
    b.driver.get(url)
    WebDriverWait(b.driver, 10).until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))


def test_policy_installs_configures_and_locks_the_extension(rollout, make_browser, out_dir):
    started = time.monotonic()
    b = make_browser(extension=None, extension_timeout=30, lang="fi")   # fresh profile, nothing loaded
    assert b.ext_id == rollout["id"]
    installed_after = time.monotonic() - started
    # Chromium fetched the update manifest and the CRX from the organization's server itself.
    paths = [p.split("?")[0] for p in rollout["server"].requests]
    assert "/updates.xml" in paths and f"/{rollout['packages']['crx'].name}" in paths, paths
    d = b.driver

    # The browser says: installed by the administrator, and the user may not disable it.
    open_page(b, b.ext_url("options/options.html"))
    me = b.ext_call("chrome.management.getSelf().then(done)")
    assert me["installType"] == "admin" and me["mayDisable"] is False and me["enabled"] is True, me

    # Chromium hands a newly installed extension its policy a moment after installing it.
    deadline = time.monotonic() + 15
    while not b.ext_call("chrome.storage.managed.get(null).then(v => done(v.checkerUrl || null))"):
        assert time.monotonic() < deadline, "the extension never got its managed settings"
        time.sleep(0.2)
    managed_after = time.monotonic() - started
    open_page(b, b.ext_url("options/options.html"))
    # Options: every value the policy sets is shown and locked.
    assert d.find_element(By.ID, "checkerUrl").get_attribute("value") == rollout["checker"].url
    for key in ("checkerUrl", "token", "role", "locale", "sites"):
        field = d.find_element(By.CSS_SELECTOR, f'.field[data-key="{key}"]')
        inputs = field.find_elements(By.CSS_SELECTOR, "input, select")
        assert inputs and not any(i.is_enabled() for i in inputs), key
        assert field.find_element(By.CSS_SELECTOR, ".lock").is_displayed(), key
    assert d.find_element(By.ID, "role").get_attribute("value") == "trustee"
    d.save_screenshot(str(out_dir / "screenshots" / "rollout-chromium-options-locked.png"))
    # A change by the user does not stick.
    b.ext_call("SomeCheckSettings.save({checkerUrl: 'http://127.0.0.1:1', token: 'x'})"
               ".then(() => SomeCheckSettings.load()).then(s => done(s.values))")
    values = b.ext_call("SomeCheckSettings.load().then(s => done(s.values))")
    assert values["checkerUrl"] == rollout["checker"].url and values["token"] == TOKEN

    # chrome://extensions: the switch is off-limits, the reason given.
    d.get(f"chrome://extensions/?id={b.ext_id}")
    toggle = WebDriverWait(d, 10).until(lambda d: d.execute_script(
        "const m = document.querySelector('extensions-manager');"
        "const v = m && m.shadowRoot.querySelector('extensions-detail-view');"
        "const t = v && v.shadowRoot.querySelector('#enableToggle');"
        "return t ? {disabled: t.disabled, checked: t.checked} : null;"))
    assert toggle == {"disabled": True, "checked": True}, toggle
    d.save_screenshot(str(out_dir / "screenshots" / "rollout-chromium-extensions-page.png"))

    # A check reaches the configured checker, which requires the token, in the policy's language.
    ed = b.open("facebook")
    ed.click()
    ed.send_keys("damn")
    o = b.wait_marks("profanity.e2e-strong")
    assert "Kirosana" in o["panel"][0]["text"]
    d.save_screenshot(str(out_dir / "screenshots" / "rollout-chromium-check.png"))
    print(f"installed by policy {installed_after:.1f} s after start, managed settings after {managed_after:.1f} s")


def test_the_same_checker_refuses_a_check_without_the_token(rollout):
    """The check above passed because the extension sent the token: without it, 401."""
    import json
    import urllib.error
    import urllib.request
    req = urllib.request.Request(rollout["checker"].url + "/v1/check", method="POST",
                                 data=json.dumps({"text": "damn"}).encode(),
                                 headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=5)
    assert err.value.code == 401
