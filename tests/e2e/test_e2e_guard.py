"""Posting: a block-level finding asks once ("If in doubt, don't publish"); info never interrupts;
an unreachable checker never blocks."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

POST = {"facebook": "#post", "instagram": "#share", "x": '[data-testid="tweetButtonInline"]',
        "instagram-comment": "#comment-post"}


def click_post(browser):
    browser.driver.find_element(By.CSS_SELECTOR, POST[browser.site]).click()


@pytest.mark.parametrize("site", ["facebook", "x", "instagram-comment"])
def test_post_with_a_block_finding_asks_and_publish_anyway_proceeds(browser, site):
    ed = browser.open(site)
    ed.click()
    text = "Voi damn, taas myöhässä"
    ed.send_keys(text)
    browser.wait_marks("profanity.e2e-strong")
    click_post(browser)
    o = browser.wait(lambda o: o["dialog"], what="the dialog")
    assert "If in doubt, don't publish" in o["dialog"]
    assert "Swear word" in o["dialog"] and "Guidelines, point 5" in o["dialog"]
    time.sleep(0.3)
    assert browser.submits() == []            # the page's own handler did not run
    if site == "facebook":
        browser.screenshot("facebook-dialog")
    browser.shadow_click(".sc-publish")
    browser.wait(lambda o: not o["dialog"], what="the dialog to close")
    assert browser.wait_submits() == [text]


def test_edit_returns_to_the_composer_and_nothing_is_sent(browser):
    ed = browser.open("facebook")
    ed.click()
    ed.send_keys("damn")
    browser.wait_marks("profanity.e2e-strong")
    click_post(browser)
    browser.wait(lambda o: o["dialog"], what="the dialog")
    browser.shadow_click(".sc-edit")
    browser.wait(lambda o: not o["dialog"], what="the dialog to close")
    assert browser.submits() == []
    # Fixing the text lets the post through without asking.
    ed.send_keys(Keys.BACKSPACE * 4, "hyvää huomenta")
    browser.wait(lambda o: not o["marks"] and o["state"].get("state") == "ok" and o["state"].get("count") == "0",
                 what="the finding to go")
    click_post(browser)
    assert browser.wait_submits() == ["hyvää huomenta"]


def test_ctrl_enter_on_x_is_guarded_too(browser):
    ed = browser.open("x")
    ed.click()
    ed.send_keys("perkeleen hyvä")
    browser.wait_marks("profanity.e2e-strong")
    ed.send_keys(Keys.CONTROL + Keys.ENTER + Keys.CONTROL)
    browser.wait(lambda o: o["dialog"], what="the dialog")
    assert browser.submits() == []
    browser.shadow_click(".sc-publish")
    browser.wait(lambda o: not o["dialog"], what="the dialog to close")
    assert browser.wait_submits() == ["perkeleen hyvä"]


def test_enter_in_instagram_comment_is_guarded(browser):
    ed = browser.open("instagram-comment")
    ed.click()
    ed.send_keys("damn")
    browser.wait_marks("profanity.e2e-strong")
    ed.send_keys(Keys.ENTER)
    browser.wait(lambda o: o["dialog"], what="the dialog")
    assert browser.submits() == []
    browser.shadow_click(".sc-publish")
    browser.wait(lambda o: not o["dialog"], what="the dialog to close")
    assert browser.wait_submits() == ["damn"]


@pytest.mark.parametrize("site", ["facebook", "instagram"])
def test_post_with_only_info_findings_goes_straight_through(browser, site):
    ed = browser.open(site)
    ed.click()
    ed.send_keys("Heretofore we met on Mondays")
    o = browser.wait_marks("plain_language.e2e-info")
    assert [m["severity"] for m in o["marks"]] == ["info"]
    click_post(browser)
    assert browser.wait_submits() == ["Heretofore we met on Mondays"]
    assert browser.overlay()["dialog"] is None


def test_posting_right_after_typing_still_asks(browser):
    """Post pressed within the pause, before any check answered: the guard checks first."""
    ed = browser.open("facebook")
    ed.click()
    ed.send_keys("damn")
    click_post(browser)
    o = browser.wait(lambda o: o["dialog"], what="the dialog")
    assert browser.submits() == []
    assert "damn" in o["dialog"]


def test_checker_stopped_shows_notice_and_posting_works(browser, extra_checker):
    c = extra_checker()
    browser.configure(checkerUrl=c.url)
    ed = browser.open("facebook")
    ed.click()
    ed.send_keys("hello damn")
    browser.wait_marks("profanity.e2e-strong")
    c.stop()
    ed.send_keys(" again")
    o = browser.wait(lambda o: o["notice"], what="the unreachable notice")
    # Plain words for a city employee: no address, no command (those are on the options page).
    assert "not checking right now" in o["notice"] and "Posting is not blocked" in o["notice"]
    assert "127.0.0.1" not in o["notice"] and "somecheck serve" not in o["notice"]
    assert o["marks"] == [] and o["panel"] == []
    browser.screenshot("facebook-checker-unreachable")
    click_post(browser)
    assert browser.wait_submits() == ["hello damn again"]
    assert browser.overlay()["dialog"] is None


def test_hovering_a_mark_shows_its_card_and_dismiss_hides_it(browser):
    ed = browser.open("facebook")
    ed.click()
    ed.send_keys("Tämä on damn hyvä")
    o = browser.wait_marks("profanity.e2e-strong")
    box = o["marks"][0]["rects"][0]
    ActionChains(browser.driver).move_to_element_with_offset(
        ed, 0, 0).perform()  # somewhere neutral first
    x = (box["left"] + box["right"]) / 2
    y = (box["top"] + box["bottom"]) / 2
    browser.driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
    o = browser.wait(lambda o: o["card"], what="the card")
    assert "Swear word" in o["card"] and "Guidelines, point 5" in o["card"] and "coarse language" in o["card"]
    browser.screenshot("facebook-card")
    # "why?" in the panel shows the rule's description.
    browser.shadow_click(".sc-panel .sc-why")
    o = browser.wait(lambda o: o["panel"] and "coarse language" in o["panel"][0]["text"], what="why?")
    browser.shadow_click(".sc-panel .sc-dismiss")
    o = browser.wait(lambda o: not o["marks"] and not o["panel"], what="the dismissed finding to go")
    # Dismissed for this post: a later check does not bring it back, and Post goes through.
    ed.send_keys(" juttu")
    time.sleep(0.8)
    assert browser.overlay()["marks"] == []
    click_post(browser)
    assert browser.wait_submits() == ["Tämä on damn hyvä juttu"]
