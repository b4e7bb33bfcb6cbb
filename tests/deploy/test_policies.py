"""The IT policy examples of docs/it-deployment.md (docs/examples/policies/): every managed
configuration they set is valid against extension/managed_schema.json, and they agree with
each other and with the extension's manifest, so the examples cannot drift."""

from __future__ import annotations

import json
import plistlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from deploy_served import ROOT

POLICIES = ROOT / "docs" / "examples" / "policies"
SCHEMA = json.loads((ROOT / "extension" / "managed_schema.json").read_text())
MANIFEST = json.loads((ROOT / "extension" / "manifest.json").read_text())
GECKO_ID = MANIFEST["browser_specific_settings"]["gecko"]["id"]
CHROME_ID_RE = re.compile(r"^[a-p]{32}$")
UPDATE_URL = "https://it.city.example/somecheck/updates.xml"

TYPES = {"string": str, "boolean": bool, "integer": int, "number": (int, float),
         "array": list, "object": dict}


def problems(value: Any, schema: dict, where: str = "") -> list[str]:
    """Validate like Chrome's managed storage: type, enum, items, properties; and, stricter
    than Chrome, no property the schema does not know (a typo would be ignored silently)."""
    kind = schema.get("type")
    out = []
    if kind and not (isinstance(value, TYPES[kind]) and not (kind in ("integer", "number") and isinstance(value, bool))):
        return [f"{where or 'value'}: {value!r} is not of type {kind}"]
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{where}: {value!r} is not one of {schema['enum']}")
    if kind == "array":
        for i, item in enumerate(value):
            out += problems(item, schema.get("items", {}), f"{where}[{i}]")
    if kind == "object":
        known = schema.get("properties", {})
        for key, item in value.items():
            if key not in known:
                out.append(f"{where}.{key}: not in managed_schema.json")
            else:
                out += problems(item, known[key], f"{where}.{key}")
    return out


def parse_reg(path: Path) -> dict[str, dict[str, Any]]:
    """A .reg file as {key: {name: value}} (strings and dwords)."""
    text = path.read_bytes().decode("utf-16" if path.read_bytes()[:2] == b"\xff\xfe" else "ascii")
    assert text.splitlines()[0] == "Windows Registry Editor Version 5.00"
    assert "\r\n" in text, "regedit expects CRLF line ends"
    keys: dict[str, dict[str, Any]] = {}
    current = None
    for line in text.splitlines()[1:]:
        if not line.strip() or line.startswith(";"):
            continue
        if line.startswith("["):
            current = keys.setdefault(line.strip("[]"), {})
            continue
        m = re.fullmatch(r'"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))', line)
        assert m and current is not None, f"{path.name}: cannot read {line!r}"
        name = m.group(1)
        current[name] = (m.group(2).replace('\\"', '"').replace("\\\\", "\\") if m.group(3) is None
                         else int(m.group(3), 16))
    return keys


def managed_from_reg(keys: dict[str, dict[str, Any]], base: str, ext_id: str) -> dict[str, Any]:
    """Chrome's reading of 3rdparty\\extensions\\ID\\policy: values, subkeys as lists or maps,
    dwords as booleans where the schema says boolean."""
    root = f"{base}\\3rdparty\\extensions\\{ext_id}\\policy"
    value: dict[str, Any] = {}
    for name, v in keys[root].items():
        prop = SCHEMA["properties"].get(name, {})
        value[name] = bool(v) if prop.get("type") == "boolean" and isinstance(v, int) else v
    for key, values in keys.items():
        if key.startswith(root + "\\"):
            sub = key[len(root) + 1:]
            value[sub] = [values[k] for k in sorted(values, key=int)] if all(k.isdigit() for k in values) else values
    return value


def chrome_examples() -> list[tuple[str, str, dict[str, Any]]]:
    """(example, extension ID, managed configuration) for every Chrome/Edge example."""
    found = []
    for path in sorted((POLICIES / "chrome").glob("*.json")) + sorted((POLICIES / "edge").glob("*.json")):
        data = json.loads(path.read_text())
        for ext_id, value in data["3rdparty"]["extensions"].items():
            found.append((path.relative_to(POLICIES).as_posix(), ext_id, value))
    for path in sorted((POLICIES / "windows").glob("*.reg")):
        keys = parse_reg(path)
        base = next(k for k in keys if k.endswith("\\Google\\Chrome") or k.endswith("\\Microsoft\\Edge"))
        for key in keys:
            m = re.fullmatch(re.escape(base) + r"\\3rdparty\\extensions\\([a-p]{32})\\policy", key)
            if m:
                found.append((path.name, m.group(1), managed_from_reg(keys, base, m.group(1))))
    for path in sorted((POLICIES / "macos").glob("*.mobileconfig")):
        profile = plistlib.loads(path.read_bytes())
        for payload in profile["PayloadContent"]:
            m = re.fullmatch(r"com\.(google\.Chrome|microsoft\.Edge)\.extensions\.([a-p]{32})", payload["PayloadType"])
            if m:
                value = {k: v for k, v in payload.items() if not k.startswith("Payload")}
                found.append((path.name, m.group(2), value))
    return found


def firefox_examples() -> list[tuple[str, str, dict[str, Any]]]:
    data = json.loads((POLICIES / "firefox" / "policies.json").read_text())
    return [("firefox/policies.json", ext_id, value)
            for ext_id, value in data["policies"]["3rdparty"]["Extensions"].items()]


EXAMPLES = chrome_examples() + firefox_examples()


def test_every_kind_of_example_is_there() -> None:
    names = {name for name, _, _ in EXAMPLES}
    assert {"chrome/somecheck.json", "edge/somecheck.json", "somecheck-chrome.reg", "somecheck-edge.reg",
            "somecheck-chrome.mobileconfig", "somecheck-edge.mobileconfig", "firefox/policies.json"} <= names


@pytest.mark.parametrize("name,ext_id,value", EXAMPLES, ids=[f"{n}:{i}" for n, i, _ in EXAMPLES])
def test_managed_configuration_matches_the_schema(name: str, ext_id: str, value: dict) -> None:
    assert problems(value, SCHEMA) == []
    assert value.get("checkerUrl", "").startswith(("http://127.0.0.1:", "https://"))
    if name.startswith("firefox"):
        assert ext_id == GECKO_ID
    else:
        assert CHROME_ID_RE.match(ext_id)


def test_the_validator_catches_mistakes() -> None:
    assert problems({"role": "boss"}, SCHEMA)
    assert problems({"sites": ["facebook", "tiktok"]}, SCHEMA)
    assert problems({"userMayChange": "no"}, SCHEMA)
    assert problems({"checkerURL": "http://127.0.0.1:8765"}, SCHEMA)   # a typo in a name
    assert problems({"sites": "facebook"}, SCHEMA)


def test_install_policies_agree_with_the_update_manifest() -> None:
    ns = {"u": "http://www.google.com/update2/response"}
    app = ET.parse(POLICIES / "chrome" / "updates.xml").getroot().find("u:app", ns)
    ext_id = app.get("appid")
    check = app.find("u:updatecheck", ns)
    assert CHROME_ID_RE.match(ext_id) and check.get("codebase").endswith(".crx")
    assert re.fullmatch(r"\d+(\.\d+){1,3}", check.get("version"))
    for path in (POLICIES / "chrome" / "somecheck.json", POLICIES / "edge" / "somecheck.json"):
        data = json.loads(path.read_text())
        assert data["ExtensionInstallForcelist"] == [f"{ext_id};{UPDATE_URL}"]
        assert data["ExtensionSettings"][ext_id]["installation_mode"] == "force_installed"
        assert data["ExtensionSettings"][ext_id]["update_url"] == UPDATE_URL
    for reg in ("somecheck-chrome.reg", "somecheck-edge.reg"):
        keys = parse_reg(POLICIES / "windows" / reg)
        forcelist = next(v for k, v in keys.items() if k.endswith("\\ExtensionInstallForcelist"))
        assert list(forcelist.values()) == [f"{ext_id};{UPDATE_URL}"]
        settings = next(v["ExtensionSettings"] for v in keys.values() if "ExtensionSettings" in v)
        assert json.loads(settings)[ext_id]["update_url"] == UPDATE_URL
    for mc in ("somecheck-chrome.mobileconfig", "somecheck-edge.mobileconfig"):
        profile = plistlib.loads((POLICIES / "macos" / mc).read_bytes())
        assert profile["PayloadType"] == "Configuration"
        browser = next(p for p in profile["PayloadContent"] if "ExtensionInstallForcelist" in p)
        assert browser["ExtensionInstallForcelist"] == [f"{ext_id};{UPDATE_URL}"]
        assert len({p["PayloadUUID"] for p in profile["PayloadContent"]} | {profile["PayloadUUID"]}) == 3
    assert {i for n, i, _ in EXAMPLES if not n.startswith("firefox")} == {ext_id}


def test_firefox_installs_the_extension_it_configures() -> None:
    data = json.loads((POLICIES / "firefox" / "policies.json").read_text())["policies"]
    assert set(data["ExtensionSettings"]) == {GECKO_ID}
    setting = data["ExtensionSettings"][GECKO_ID]
    assert setting["installation_mode"] == "force_installed"
    assert re.fullmatch(r"https://\S+/somecheck-firefox-\d+(\.\d+)*\.xpi", setting["install_url"])
