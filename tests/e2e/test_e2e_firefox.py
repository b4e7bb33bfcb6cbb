"""The same extension/ folder in Firefox ESR (temporary add-on through WebDriver BiDi, no
geckodriver): background scripts instead of the service worker, content scripts, marks, guard."""

from __future__ import annotations

import json

import pytest

from e2e_browser import EXTENSION, READ_OVERLAY, WORD_RECT
from e2e_firefox import Firefox
from e2e_policy import FIREFOX_POLICIES as POLICIES, installed
from e2e_server import HOSTS, FixtureServer


def page_fn(body, *args):
    return f"(function () {{ {body} }}).apply(null, {json.dumps(list(args))})"


# Firefox reads enterprise policies at POLICIES; "3rdparty" values become the add-on's managed storage.


@pytest.fixture
def firefox(tmp_path, bundles, out_dir, checker):
    # BiDi cannot open moz-extension:// pages, so the checker URL comes from IT policy (which
    # also exercises storage.managed in Firefox).
    with installed(POLICIES, {"policies": {"3rdparty": {"Extensions": {"somecheck@city.example": {
            "checkerUrl": checker.url, "locale": "en", "userMayChange": True}}}}}):
        # Firefox cannot remap ports: the fixtures must be on 443 (the tests run as root).
        server = FixtureServer(tmp_path, port=443).start()
        (out_dir / "logs").mkdir(exist_ok=True)
        ff = Firefox(HOSTS, out_dir / "logs" / "firefox.log")
        try:
            yield ff
        finally:
            ff.quit()
            server.stop()


def test_firefox_marks_the_word_and_guards_the_post(firefox, checker, out_dir):
    ff = firefox
    assert ff.install(EXTENSION)["extension"] == "somecheck@city.example"
    ff.navigate("https://www.facebook.com/")
    ff.click("#composer")
    ff.type("Tämä on damn hyvä")
    overlay = page_fn(READ_OVERLAY)
    o = ff.wait(f"(() => {{ const o = {overlay}; return o && o.marks.length && o.marks[0].rects.length ? o : null; }})()")
    assert o["marks"][0]["rule"] == "profanity.e2e-strong"
    box = o["marks"][0]["rects"][0]
    word = ff.value(page_fn(WORD_RECT, "#composer", "damn"))
    for side in ("left", "top", "right", "bottom"):
        assert abs(box[side] - word[side]) <= 3, (side, box, word)
    assert ff.value("document.querySelector('#model').textContent") == "Tämä on damn hyvä"
    ff.screenshot(out_dir / "screenshots" / "firefox-facebook-marks.png")
    # Post: the dialog asks, the page's handler has not run; Publish anyway lets it through.
    ff.value("(document.querySelector('#post').click(), true)")
    o = ff.wait(f"(() => {{ const o = {overlay}; return o && o.dialog ? o : null; }})()")
    assert "If in doubt" in o["dialog"]
    assert ff.value("window.fixture.submits") == []
    ff.value("(document.querySelector('somecheck-overlay').shadowRoot.querySelector('.sc-publish').click(), true)")
    assert ff.wait("window.fixture.submits.length ? window.fixture.submits : null")[0]["text"] == "Tämä on damn hyvä"
