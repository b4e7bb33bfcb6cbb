"""Options page, IT policy (managed storage), popup, per-site switch and the toolbar badge."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from e2e_browser import EXTENSION

POLICY_DIR = Path("/etc/chromium/policies/managed")


def unpacked_extension_id(path: Path) -> str:
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]
    return "".join(chr(ord("a") + int(c, 16)) for c in digest)


def test_options_page_saves_and_the_next_check_uses_the_new_role_and_locale(browser):
    d = browser.driver
    d.get(browser.ext_url("options/options.html"))
    WebDriverWait(d, 10).until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
    assert d.find_element(By.ID, "checkerUrl").get_attribute("value").startswith("http://127.0.0.1:")
    # The loaded rules come from /v1/rules.
    WebDriverWait(d, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, '#rules tr[data-rule="profanity.e2e-strong"]'))
    Select(d.find_element(By.ID, "role")).select_by_value("admin")
    Select(d.find_element(By.ID, "locale")).select_by_value("fi")
    d.find_element(By.ID, "save").click()
    WebDriverWait(d, 5).until(lambda d: d.find_element(By.ID, "status").text)
    assert d.find_element(By.ID, "status").text.startswith("Tallennettu")   # the page itself is now Finnish
    ed = browser.open("facebook")
    ed.click()
    ed.send_keys("awesome damn")
    o = browser.wait_marks("opinion.e2e-admin")          # a rule that only applies to role admin
    texts = " ".join(p["text"] for p in o["panel"])
    assert "Kirosana" in texts and "mielipide" in texts   # the checker's messages in Finnish
    assert "ÄLÄ JULKAISE" in texts.upper() and "miksi?" in texts   # and the extension's own text
    browser.screenshot("facebook-marks-finnish-admin")


def test_staff_role_does_not_get_the_admin_rule(browser):
    ed = browser.open("facebook")
    ed.click()
    ed.send_keys("awesome damn")
    o = browser.wait_marks("profanity.e2e-strong")
    assert [m["rule"] for m in o["marks"]] == ["profanity.e2e-strong"]


def test_it_policy_values_are_locked(make_browser, checker):
    ext_id = unpacked_extension_id(EXTENSION)
    policy = {"3rdparty": {"extensions": {ext_id: {
        "checkerUrl": checker.url, "role": "trustee", "locale": "sv"}}}}
    POLICY_DIR.mkdir(parents=True, exist_ok=True)
    file = POLICY_DIR / "somecheck-e2e-test.json"
    file.write_text(json.dumps(policy))
    try:
        b = make_browser()
        assert b.ext_id == ext_id
        d = b.driver
        d.get(b.ext_url("options/options.html"))
        WebDriverWait(d, 10).until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
        role, locale, token = (d.find_element(By.ID, i) for i in ("role", "locale", "token"))
        assert role.get_attribute("value") == "trustee" and not role.is_enabled()
        assert locale.get_attribute("value") == "sv" and not locale.is_enabled()
        assert token.is_enabled()                      # not set by policy: the user's own
        lock = d.find_element(By.CSS_SELECTOR, '.field[data-key="role"] .lock')
        assert lock.is_displayed() and "IT" in lock.text
        d.save_screenshot(str(b.out / "screenshots" / "options-locked-by-policy.png"))
        # A user's attempt to change a locked value is ignored.
        b.ext_call("SomeCheckSettings.save({role: 'admin'}).then(() => SomeCheckSettings.load()).then(s => done(s.values.role))")
        assert b.ext_call("SomeCheckSettings.load().then(s => done(s.values.role))") == "trustee"
        # And the content script checks with the policy's language.
        ed = b.open("facebook")
        ed.click()
        ed.send_keys("damn")
        o = b.wait_marks("profanity.e2e-strong")
        assert "Svordom" in o["panel"][0]["text"]
    finally:
        file.unlink()


def test_popup_shows_status_and_posting_as_official_page(browser, checker):
    d = browser.driver
    d.get(browser.ext_url("popup/popup.html"))
    WebDriverWait(d, 10).until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
    assert d.find_element(By.ID, "verdict").get_attribute("data-state") == "ok"
    assert d.find_element(By.ID, "status").text == "Checking works."
    assert d.find_element(By.ID, "rules-version").text == checker.health["rules_version"]
    official = d.find_element(By.ID, "official")
    assert not official.is_selected()
    official.click()
    WebDriverWait(d, 5).until(lambda d: browser.ext_call(
        "chrome.storage.local.get('account').then(v => done(v.account))") == "official")
    ed = browser.open("x")
    ed.click()
    ed.send_keys("fantastic news")
    browser.wait_marks("opinion.e2e-official")          # a rule only for account: official


def test_checking_can_be_turned_off_per_site(browser):
    browser.configure(sites=["instagram", "x"])
    ed = browser.open("facebook")
    ed.click()
    ed.send_keys("damn")
    time.sleep(1.0)
    o = browser.overlay()
    assert o is None or (o["marks"] == [] and o["panel"] == [] and o["state"].get("state") == "off")
    browser.driver.find_element(By.ID, "post").click()
    assert browser.wait_submits() == ["damn"]
    # Still on for the others, here on twitter.com.
    ed = browser.open("twitter")
    ed.click()
    ed.send_keys("damn")
    browser.wait_marks("profanity.e2e-strong")


def test_toolbar_badge_counts_the_findings(browser):
    ed = browser.open("facebook")
    ed.click()
    ed.send_keys("heretofore damn")
    browser.wait_marks(count=2)
    d = browser.driver
    site = d.current_window_handle
    d.switch_to.new_window("tab")
    d.get(browser.ext_url("options/options.html"))
    badges = browser.ext_call(
        "chrome.tabs.query({}).then(tabs => Promise.all(tabs.map(t => chrome.action.getBadgeText({tabId: t.id}))))"
        ".then(done)")
    assert "2" in badges
    d.close()
    d.switch_to.window(site)
