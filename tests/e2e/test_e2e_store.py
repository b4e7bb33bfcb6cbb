"""Store-ready packages: the .zip (Chrome Web Store, Edge Add-ons) and the .xpi (AMO) that
`make extension` builds pass Mozilla's `web-ext lint` and a manifest check, carry the licence
and notices, and the listing screenshots are taken here in real Chromium (1280x800, the
stores' size) in English, Finnish and Swedish."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from selenium.webdriver.support.ui import WebDriverWait

from e2e_browser import Browser
from e2e_policy import ROOT, WEB_EXT, build_packages

sys.path.insert(0, str(ROOT / ".ci"))
from store_listing import unjustified  # noqa: E402

# Mozilla's linter reads the Chrome package as if it were a Firefox add-on. These three are
# about Firefox only (docs/it-deployment.md, "Store packages") and are expected there.
CHROME_ONLY_EXPECTED = {"ADDON_ID_REQUIRED", "BACKGROUND_SERVICE_WORKER_NOFALLBACK",
                        "MISSING_DATA_COLLECTION_PERMISSIONS"}


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    assert WEB_EXT.exists(), "run `bash tests/e2e/setup.sh` (installs web-ext)"
    out = tmp_path_factory.mktemp("dist")
    built = build_packages(out, "http://127.0.0.1:9/unused")
    unpacked = {}
    for kind in ("zip", "xpi"):
        folder = out / f"unpacked-{kind}"
        with zipfile.ZipFile(built[kind]) as z:
            z.extractall(folder)
        unpacked[kind] = folder
    return unpacked


def lint(folder: Path) -> dict:
    run = subprocess.run([str(WEB_EXT), "lint", "--source-dir", str(folder), "--output", "json",
                          "--no-config-discovery"], capture_output=True, text=True, timeout=180)
    return json.loads(run.stdout)


def codes(report: dict, kind: str) -> set[str]:
    return {m["code"] for m in report[kind]}


def test_the_firefox_xpi_is_clean(packages):
    report = lint(packages["xpi"])
    assert report["errors"] == [] and report["warnings"] == [] and report["notices"] == [], report


def test_the_chrome_zip_has_only_the_explained_firefox_remarks(packages):
    report = lint(packages["zip"])
    found = codes(report, "errors") | codes(report, "warnings") | codes(report, "notices")
    assert found == CHROME_ONLY_EXPECTED, report
    doc = (ROOT / "docs" / "it-deployment.md").read_text()
    assert all(code in doc for code in CHROME_ONLY_EXPECTED), "explain each in docs/it-deployment.md"


def referenced_files(manifest: dict) -> set[str]:
    files = set(manifest["icons"].values()) | set(manifest["action"]["default_icon"].values())
    files |= {manifest["action"]["default_popup"], manifest["options_ui"]["page"],
              manifest["storage"]["managed_schema"]}
    background = manifest["background"]
    files |= {background["service_worker"]} if "service_worker" in background else set(background["scripts"])
    for script in manifest["content_scripts"]:
        files |= set(script.get("js", [])) | set(script.get("css", []))
    for war in manifest.get("web_accessible_resources", []):
        files |= set(war["resources"])
    return files


@pytest.mark.parametrize("kind", ["zip", "xpi"])
def test_manifest_check(packages, kind):
    folder = packages[kind]
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["manifest_version"] == 3
    assert "update_url" not in manifest, "a store package must not name an update server"
    missing = [f for f in referenced_files(manifest) if not (folder / f).is_file()]
    assert not missing, missing
    # Every page the package holds finds its scripts and styles.
    for page in folder.rglob("*.html"):
        for ref in re.findall(r'(?:src|href)="([^"#:]+)"', page.read_text()):
            assert (page.parent / ref).resolve().is_file(), f"{page.relative_to(folder)}: {ref}"
    # __MSG_x__ names exist in every locale, and all locales have the same keys.
    locales = {p.parent.name: json.loads(p.read_text()) for p in (folder / "_locales").glob("*/messages.json")}
    assert set(locales) == {"en", "fi", "sv"} and manifest["default_locale"] in locales
    names = set(re.findall(r"__MSG_(\w+)__", json.dumps(manifest)))
    for lang, messages in locales.items():
        assert names <= set(messages), (lang, names - set(messages))
        assert set(messages) == set(locales["en"]), (lang, set(messages) ^ set(locales["en"]))
    listing = yaml.safe_load((ROOT / "docs" / "store" / "listing.yaml").read_text())
    assert unjustified(manifest, listing) == []
    for name in ("LICENSE", "THIRD_PARTY_NOTICES.md"):
        assert (folder / name).read_text() == (ROOT / name).read_text()
    if kind == "zip":
        assert "browser_specific_settings" not in manifest and set(manifest["background"]) == {"service_worker"}
    else:
        assert manifest["browser_specific_settings"]["gecko"]["id"] and "service_worker" not in manifest["background"]


SHOTS = ROOT / "tests" / "e2e" / "out" / "store"
SAMPLE = {"en": "This is damn good news", "fi": "Tämä on perkeleen hyvä uutinen", "sv": "Det här är jävla goda nyheter"}


@pytest.mark.parametrize("lang", ["en", "fi", "sv"])
def test_listing_screenshots(lang, fixture_server, checker, out_dir):
    SHOTS.mkdir(parents=True, exist_ok=True)
    b = Browser(fixture_server, out_dir, name=f"store-{lang}", lang=lang)
    try:
        b.configure(checkerUrl=checker.url, locale=lang)
        d = b.driver
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                          {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
        ed = b.open("facebook")
        ed.click()
        ed.send_keys(SAMPLE[lang])
        b.wait_marks("profanity.e2e-strong")
        d.save_screenshot(str(SHOTS / f"1-marks-{lang}.png"))
        d.find_element("id", "post").click()
        b.wait(lambda o: o["dialog"], what="the dialog")
        d.save_screenshot(str(SHOTS / f"2-asks-once-more-{lang}.png"))
        d.get(b.ext_url("welcome/welcome.html"))
        WebDriverWait(d, 10).until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
        d.save_screenshot(str(SHOTS / f"3-welcome-{lang}.png"))
    finally:
        b.quit()
    for shot in SHOTS.glob(f"*-{lang}.png"):
        assert png_size(shot) == (1280, 800), shot


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
