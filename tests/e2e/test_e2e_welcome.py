"""A trustee on a personal laptop, in real Chromium: the welcome page that opens on install,
the connect link IT sends (address and token after "#"), the code to paste, and the popup
that says whether checking works. Screenshots in Finnish and Swedish go to
out/screenshots/welcome-*.png."""

from __future__ import annotations

import base64
import time
import urllib.parse

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import Checker

TOKEN = "trustee-e2e-token-77d0"
ORG = {"en": "City of Testville", "fi": "Testilän kaupunki", "sv": "Teststads stad"}


@pytest.fixture(scope="module")
def central(tmp_path_factory):
    """The city's checker for trustees: requires a token."""
    token_file = tmp_path_factory.mktemp("central") / "token.txt"
    token_file.write_text(TOKEN)
    c = Checker(log_name="checker-central.log", extra=("--token-file", str(token_file)), token=TOKEN)
    yield c
    c.stop()


def link(checker_url, token=None, **extra):
    params = {"checker": checker_url, **({"token": token} if token else {}), **extra}
    return "http://127.0.0.1/somecheck/connect#" + urllib.parse.urlencode(params)


def code(checker_url, token):
    raw = f"{checker_url} {token}".encode()
    return "SC1-" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def open_link(b, url):
    """Open a connect link as a click in a mail would: the browser goes to it, the extension
    takes the tab to its welcome page."""
    try:
        b.driver.get(url)
    except WebDriverException:
        pass          # nothing listens on 127.0.0.1:80: the extension has the tab by then
    return wait_welcome(b)


def wait_welcome(b, states=("confirm", "ready", "problem")):
    d = b.driver
    WebDriverWait(d, 15, poll_frequency=0.05).until(
        lambda d: d.current_url.startswith(b.ext_url("welcome/welcome.html"))
        and d.execute_script("return document.body.dataset.state") in states)
    return d.execute_script("return Object.assign({}, document.body.dataset)")


def stored(b):
    return b.ext_call("chrome.storage.local.get(['checkerUrl', 'token', 'role']).then(done)")


def verdict(b):
    return b.driver.find_element(By.ID, "verdict").text


def shot(b, out_dir, name):
    b.driver.save_screenshot(str(out_dir / "screenshots" / f"{name}.png"))


def test_the_welcome_page_opens_on_install_in_the_browsers_language(make_browser, out_dir):
    b = make_browser(lang="sv", keep_welcome=True)
    d = b.driver
    welcome = b.ext_url("welcome/welcome.html")
    # The extension opened it itself (a tab the driver does not attach to: found as a target).
    WebDriverWait(d, 10).until(lambda d: any(
        t["type"] == "page" and t["url"] == welcome for t in d.execute_cdp_cmd("Target.getTargets", {})["targetInfos"]))
    d.get(welcome)
    state = wait_welcome(b)
    assert d.current_url == b.ext_url("welcome/welcome.html")
    assert d.find_element(By.TAG_NAME, "h1").text == "Välkommen till SomeCheck"
    about = d.find_element(By.CSS_SELECTOR, ".about").text
    assert "markerar" in about and "127.0.0.1:8765" in about and "ingenting sparas" in about
    # No checker on this new laptop yet: a plain reason, what to do, and the paste box.
    assert state["state"] == "problem" and state["kind"] == "unreachable"
    assert "somecheck serve" in verdict(b) and "länk eller kod" in verdict(b)
    assert d.find_element(By.ID, "paste").get_attribute("open") is not None
    shot(b, out_dir, "welcome-first-run-sv")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_good_link_asks_whose_checker_then_connects_and_is_ready(lang, make_browser, central, out_dir):
    b = make_browser(lang=lang)
    d = b.driver
    state = open_link(b, link(central.url, TOKEN, role="trustee"))
    assert state["state"] == "confirm"
    question = d.find_element(By.ID, "confirm-question").text
    assert ORG[lang] in question and central.url.split("//")[1] in question
    assert "#" not in d.current_url and TOKEN not in d.current_url      # dropped from the address
    assert stored(b) == {}                                                # nothing saved before yes
    shot(b, out_dir, f"welcome-confirm-{lang}")
    d.find_element(By.ID, "confirm-yes").click()
    state = wait_welcome(b, ("ready", "problem"))
    assert state["state"] == "ready", verdict(b)
    assert verdict(b) == {"fi": "Valmis. Kirjoita kuten ennenkin; SomeCheck merkitsee tarkistettavat kohdat.",
                          "sv": "Klart. Skriv som vanligt; SomeCheck markerar det du bör se över."}[lang]
    assert stored(b) == {"checkerUrl": central.url, "token": TOKEN, "role": "trustee"}
    marks = d.find_elements(By.CSS_SELECTOR, "#sample-text .mark")
    assert [m.get_attribute("data-rule") for m in marks] == ["profanity.e2e-strong"]
    assert marks[0].text in ("perkeleen", "jävla")
    shot(b, out_dir, f"welcome-ready-{lang}")
    # And the sites are now checked by the city's checker, with the token.
    ed = b.open("facebook")
    ed.click()
    ed.send_keys("damn")
    b.wait_marks("profanity.e2e-strong")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_wrong_token_says_so_and_saves_nothing(lang, make_browser, central, out_dir):
    b = make_browser(lang=lang)
    state = open_link(b, link(central.url, "not-the-token"))
    assert state == {"state": "problem", "kind": "token", "ready": "true"}
    assert {"fi": "ei hyväksynyt käyttöoikeustunnusta", "sv": "godkände inte åtkomsttoken"}[lang] in verdict(b)
    assert stored(b) == {}
    shot(b, out_dir, f"welcome-wrong-token-{lang}")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_an_unreachable_checker_says_so(lang, make_browser, out_dir):
    b = make_browser(lang=lang)
    state = open_link(b, link("https://somecheck.unreachable.example", TOKEN))
    assert state["state"] == "problem" and state["kind"] == "unreachable"
    assert "somecheck.unreachable.example" in verdict(b)
    assert {"fi": "ei vastaa", "sv": "svarar inte"}[lang] in verdict(b)
    assert stored(b) == {}
    shot(b, out_dir, f"welcome-unreachable-{lang}")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_plain_http_beyond_this_computer_is_refused_before_anything_is_sent(lang, make_browser, out_dir):
    b = make_browser(lang=lang)
    state = open_link(b, link("http://somecheck.city.example", TOKEN))
    assert state["state"] == "problem" and state["kind"] == "insecure"
    assert "http://" in verdict(b) and "https://" in verdict(b)
    assert stored(b) == {}
    shot(b, out_dir, f"welcome-http-refused-{lang}")


def test_http_to_this_computer_is_allowed(make_browser, checker):
    b = make_browser(lang="en")
    state = open_link(b, link(checker.url))
    assert state["state"] == "confirm"


def test_a_pasted_code_connects_too(make_browser, central):
    b = make_browser(lang="en")
    d = b.driver
    d.get(b.ext_url("welcome/welcome.html"))
    wait_welcome(b)
    if d.find_element(By.ID, "paste").get_attribute("open") is None:
        d.find_element(By.CSS_SELECTOR, "#paste summary").click()
    d.find_element(By.ID, "code").send_keys(code(central.url, TOKEN))
    d.find_element(By.CSS_SELECTOR, "#paste-form button").click()
    assert wait_welcome(b, ("confirm",))["state"] == "confirm"
    assert ORG["en"] in d.find_element(By.ID, "confirm-question").text
    d.find_element(By.ID, "confirm-yes").click()
    assert wait_welcome(b, ("ready", "problem"))["state"] == "ready", verdict(b)
    assert stored(b)["token"] == TOKEN
    # A garbled code: a plain reason.
    d.find_element(By.ID, "code").clear()
    d.find_element(By.ID, "code").send_keys("SC1-%%%")
    d.find_element(By.CSS_SELECTOR, "#paste-form button").click()
    WebDriverWait(d, 5).until(lambda d: d.execute_script("return document.body.dataset.kind") == "unreadable")
    assert "cannot be read" in verdict(b)


def test_cancel_keeps_the_old_settings(make_browser, central, checker):
    b = make_browser(lang="en")
    b.configure(checkerUrl=checker.url)
    open_link(b, link(central.url, TOKEN))
    b.driver.find_element(By.ID, "confirm-no").click()
    assert wait_welcome(b, ("ready", "problem"))["state"] == "ready"
    assert stored(b)["checkerUrl"] == checker.url


def popup_state(b):
    d = b.driver
    d.get(b.ext_url("popup/popup.html"))
    WebDriverWait(d, 10).until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
    return d.find_element(By.ID, "verdict").get_attribute("data-state")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_popup_says_whether_checking_works_and_tests_again(lang, make_browser, extra_checker, out_dir):
    c = extra_checker()
    b = make_browser(lang=lang)
    b.configure(checkerUrl=c.url)
    d = b.driver
    assert popup_state(b) == "ok"
    assert d.find_element(By.ID, "status").text == {"fi": "Tarkistus toimii.", "sv": "Granskningen fungerar."}[lang]
    assert ORG[lang] in d.find_element(By.ID, "detail").text
    assert not d.find_element(By.ID, "site-row").is_displayed()       # not on a site: no site switch
    shot(b, out_dir, f"popup-works-{lang}")
    c.stop()
    d.find_element(By.ID, "again").click()
    WebDriverWait(d, 10).until(lambda d: d.find_element(By.ID, "verdict").get_attribute("data-state") == "problem")
    assert d.find_element(By.ID, "status").text == {
        "fi": "Tarkistus ei toimi juuri nyt. Voit silti julkaista.",
        "sv": "Granskningen fungerar inte just nu. Du kan ändå publicera."}[lang]
    assert f"127.0.0.1:{c.port}" in d.find_element(By.ID, "detail").text
    shot(b, out_dir, f"popup-broken-{lang}")
