"""Marks land on the words in each site's real editor, and the editor is left alone."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

SITES = ["facebook", "instagram", "instagram-comment", "x"]


def newline(site):
    # The Instagram comment box sends with Enter; Shift+Enter is a new line there.
    return Keys.SHIFT + Keys.ENTER + Keys.SHIFT if site == "instagram-comment" else Keys.ENTER


def utf16_slice(text, start, end):
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


def assert_over(mark_rect, word_rect, tol=3):
    for side in ("left", "top", "right", "bottom"):
        assert abs(mark_rect[side] - word_rect[side]) <= tol, (side, mark_rect, word_rect)


@pytest.mark.parametrize("site", SITES)
def test_profane_word_is_marked_on_the_word(browser, site):
    ed = browser.open(site)
    ed.click()
    ed.send_keys("Hei kaikki 😀 tervetuloa!", newline(site), "Tämä on damn hyvä juttu")
    o = browser.wait_marks("profanity.e2e-strong")
    marks = [m for m in o["marks"] if m["rule"] == "profanity.e2e-strong"]
    assert len(marks) == 1 and len(marks[0]["rects"]) == 1
    box = marks[0]["rects"][0]
    if site == "instagram-comment":
        # A textarea has no DOM text: ask the browser which character lies under the mark.
        for x in (box["left"] + 2, (box["left"] + box["right"]) / 2, box["right"] - 2):
            hit = browser.offset_at(x, (box["top"] + box["bottom"]) / 2)
            assert hit["tag"] == "TEXTAREA"
            assert marks[0]["start"] <= hit["offset"] <= marks[0]["end"], hit
        text = browser.driver.execute_script("return document.querySelector('#comment').value")
    else:
        assert_over(box, browser.word_rect("damn"))
        text = browser.model()
    # The offsets are UTF-16 (the emoji counts 2) and point at the word in what the editor holds.
    assert utf16_slice(text, marks[0]["start"], marks[0]["end"]) == "damn"
    # The editor holds exactly what was typed, and the extension changed no attribute in it.
    sep = "\n\n" if site == "facebook" else "\n"
    assert text == "Hei kaikki 😀 tervetuloa!" + sep + "Tämä on damn hyvä juttu"
    assert browser.driver.execute_script("return window.editorMutations") == []
    # The panel lists the finding with its guideline.
    assert any(p["rule"] == "profanity.e2e-strong" and "G5" in p["text"] for p in o["panel"])
    browser.screenshot(f"{site}-marks")


@pytest.mark.parametrize("site", ["facebook", "x", "instagram-comment"])
def test_editing_the_word_away_removes_the_mark(browser, site):
    ed = browser.open(site)
    ed.click()
    ed.send_keys("Ok damn")
    browser.wait_marks("profanity.e2e-strong")
    ed.send_keys(Keys.BACKSPACE * 4, "fine")
    o = browser.wait(lambda o: not o["marks"] and not o["panel"] and o["state"].get("state") == "ok",
                     what="no marks")
    assert o["marks"] == []
    text = browser.model() if site != "instagram-comment" else \
        browser.driver.execute_script("return document.querySelector('#comment').value")
    assert text == "Ok fine"
