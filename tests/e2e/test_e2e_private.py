"""Private messages stay private (issue 14): Messenger chats, X direct messages and Instagram
Direct are not checked by default; an option turns them on only for a checker on this machine,
and the background never sends them to a checker elsewhere."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

DM = {
    # site: (page, how to reach the composer, composer css, how the page records a send)
    "facebook": ("facebook-feed", "#open-chat", "#chat-input", "dm-enter"),
    "x": ("x-dm", None, '[data-testid="dmComposerTextInput"]', "dm-keyboard"),
    "instagram": ("instagram-dm", None, "#dm", "dm-enter"),
}


def open_dm(browser, site):
    page, opener, css, _ = DM[site]
    browser.open(page)
    if opener:
        browser.driver.find_element(By.CSS_SELECTOR, opener).click()
    browser.sel = css
    return browser.composer()


@pytest.mark.parametrize("site", DM)
def test_a_direct_message_is_not_read_checked_or_held(browser, site):
    ed = open_dm(browser, site)
    ed.click()
    ed.send_keys("Voi damn, nähdään huomenna")
    time.sleep(1.2)                                  # well past the pause and a check
    o = browser.overlay()
    assert o is None or (o["marks"] == [] and o["panel"] == [] and "checks" not in o["state"]), o
    assert o is None or o["state"].get("state") in ("private", "idle"), o
    ed.send_keys(Keys.ENTER)                         # the site's own Enter sends, untouched
    assert browser.wait_submits() == ["Voi damn, nähdään huomenna"]
    assert [s["how"] for s in browser.submits()] == [DM[site][3]]
    browser.screenshot(f"{site}-direct-message-not-checked")


def test_the_post_composer_beside_a_chat_is_still_checked(browser):
    ed = open_dm(browser, "facebook")
    ed.click()
    ed.send_keys("damn")
    browser.sel = "#comment"
    comment = browser.composer()
    comment.click()
    comment.send_keys("damn")
    o = browser.wait_marks("profanity.e2e-strong")
    assert len(o["marks"]) == 1                      # the comment's, not the chat's


@pytest.mark.parametrize("site", DM)
def test_direct_messages_turned_on_with_a_checker_on_this_machine_are_checked(browser, site):
    browser.configure(directMessages=True)           # the e2e checker is on 127.0.0.1
    ed = open_dm(browser, site)
    ed.click()
    ed.send_keys("Voi damn")
    browser.wait_marks("profanity.e2e-strong")


def test_direct_messages_never_go_to_a_checker_elsewhere(browser, checker):
    # Turned on, but the checker is not on this machine: nothing is read or sent.
    browser.configure(directMessages=True, checkerUrl="https://checker.city.example")
    ed = open_dm(browser, "instagram")
    ed.click()
    ed.send_keys("Voi damn")
    time.sleep(1.2)
    o = browser.overlay()
    assert o is None or (o["marks"] == [] and "checks" not in o["state"]), o
    # And the background refuses such a message even if a page asked.
    browser.configure(directMessages=True, checkerUrl="https://checker.city.example")
    res = browser.ext_call("chrome.runtime.sendMessage({type: 'check', text: 'damn', platform: 'x', direct: true}).then(done)")
    assert res["ok"] is False and res["kind"] == "private"
    # The options page does not offer the switch for a checker elsewhere.
    d = browser.driver
    assert not d.find_element(By.ID, "directMessages").is_enabled()
    assert d.find_element(By.ID, "dm-remote").is_displayed()
    d.save_screenshot(str(browser.out / "screenshots" / "options-private-messages-remote-checker.png"))
    # With the checker on this machine again, the background sends it.
    browser.configure(directMessages=True, checkerUrl=checker.url)
    res = browser.ext_call("chrome.runtime.sendMessage({type: 'check', text: 'damn', platform: 'x', direct: true}).then(done)")
    assert res["ok"] is True and res["result"]["findings"][0]["rule"] == "profanity.e2e-strong"
