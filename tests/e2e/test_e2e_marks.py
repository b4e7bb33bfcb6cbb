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
    own = {"aria-describedby"} if site == "x" else set()   # Draft.js sets it itself as its placeholder hides
    assert set(browser.driver.execute_script("return window.editorMutations")) <= own
    # The panel lists the finding with its guideline.
    assert any(p["rule"] == "profanity.e2e-strong" and "Guidelines, point 5" in p["text"] for p in o["panel"])
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


def test_marks_follow_scrolling_and_resizing(browser):
    d = browser.driver
    ed = browser.open("facebook")
    # Make the page scrollable.
    d.execute_script("document.querySelector('main').style.paddingBottom = '2000px'")
    ed.click()
    ed.send_keys("Ihan damn hyvä")
    browser.wait_marks("profanity.e2e-strong")
    d.execute_script("window.scrollBy(0, 120)")
    o = browser.wait(lambda o: o["marks"] and abs(o["marks"][0]["rects"][0]["top"] - browser.word_rect("damn")["top"]) < 1,
                     what="the mark to follow the scroll")
    assert_over(o["marks"][0]["rects"][0], browser.word_rect("damn"))
    d.set_window_size(900, 700)
    o = browser.wait(lambda o: o["marks"] and abs(o["marks"][0]["rects"][0]["left"] - browser.word_rect("damn")["left"]) < 1,
                     what="the mark to follow the resize")
    assert_over(o["marks"][0]["rects"][0], browser.word_rect("damn"))
    # Text typed before the word moves it; the mark moves with it once checked again.
    ed.send_keys(Keys.HOME, "No niin. ")
    o = browser.wait(lambda o: o["marks"] and o["marks"][0]["start"] == 14, what="the mark to move with the edit")
    assert_over(o["marks"][0]["rects"][0], browser.word_rect("damn"))


def test_whole_post_finding_is_in_the_panel_only(browser):
    browser.configure(account="official")
    ed = browser.open("facebook")
    ed.click()
    ed.send_keys("Kaupungintalo on suljettu huomenna huoltotöiden vuoksi. Palvelemme taas torstaina.")
    o = browser.wait(lambda o: any(p["rule"] == "bilingual.e2e-swedish" for p in o["panel"]),
                     what="the whole-post finding")
    assert o["marks"] == []                      # nothing to mark in the text
    assert "Swedish version" in o["panel"][0]["text"] and "Guidelines, point 6" in o["panel"][0]["text"]
    browser.screenshot("facebook-whole-post-finding")


def test_the_e2e_rule_pack_is_valid():
    import subprocess
    import sys
    from pathlib import Path
    here = Path(__file__).resolve().parent
    run = subprocess.run([sys.executable, "-m", "checker", "rules", "validate", str(here / "pack")],
                         capture_output=True, text=True, cwd=here.parents[1], timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def test_ime_composition_is_left_alone_until_it_ends(browser):
    import time
    d = browser.driver
    ed = browser.open("facebook")
    ed.click()
    ed.send_keys("Hei ")
    browser.wait(lambda o: o["state"].get("state") == "ok", what="the first check")
    checks = int(browser.overlay()["state"]["checks"])
    d.execute_cdp_cmd("Input.imeSetComposition", {"text": "damn", "selectionStart": 4, "selectionEnd": 4})
    time.sleep(0.8)
    # The composition is in the editor (Lexical adds a zero-width space while composing).
    assert d.execute_script("return document.querySelector('#composer').textContent").startswith("Hei damn")
    o = browser.overlay()
    assert int(o["state"]["checks"]) == checks and o["marks"] == []   # nothing checked mid-composition
    d.execute_cdp_cmd("Input.insertText", {"text": "damn"})           # commits the composition
    browser.wait_marks("profanity.e2e-strong")
    assert browser.model() == "Hei damn"


def test_a_finding_widened_to_its_sentence_is_marked_over_the_sentence(browser):
    """A rule with `extent: sentence` marks the sentence its cue stands in, from its first
    word to its last, and nothing of the sentences around it."""
    ed = browser.open("facebook")
    ed.click()
    ed.send_keys("Hei kaikki 😀", Keys.ENTER, "This is confidential, but the school closes in May. Thanks!")
    o = browser.wait_marks("confidentiality.e2e-sentence")
    marks = [m for m in o["marks"] if m["rule"] == "confidentiality.e2e-sentence"]
    assert len(marks) == 1
    text = browser.model()
    assert utf16_slice(text, marks[0]["start"], marks[0]["end"]) == "This is confidential, but the school closes in May"
    rects = marks[0]["rects"]
    first, last = browser.word_rect("This"), browser.word_rect("May")
    assert abs(rects[0]["left"] - first["left"]) <= 3 and abs(rects[-1]["right"] - last["right"]) <= 3
    browser.screenshot("facebook-sentence-mark")
