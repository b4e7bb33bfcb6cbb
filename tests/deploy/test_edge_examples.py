"""Edge takes Chromium's policy format. Real Chromium applies `chrome/somecheck.json` in
tests/e2e/test_e2e_rollout_chromium.py (Edge itself is not available on Linux CI); so every
Edge example must say exactly what that applied file says, in each of its forms (Linux JSON,
Windows .reg, macOS .mobileconfig)."""

from __future__ import annotations

import json
import plistlib
from typing import Any

from deploy_served import ROOT
from test_policies import parse_reg

POLICIES = ROOT / "docs" / "examples" / "policies"
APPLIED = json.loads((POLICIES / "chrome" / "somecheck.json").read_text())


def test_edge_json_is_what_chromium_applies() -> None:
    assert json.loads((POLICIES / "edge" / "somecheck.json").read_text()) == APPLIED


def policy_from_reg(name: str, base: str) -> dict[str, Any]:
    """Chrome's and Edge's reading of a .reg: the policy as the JSON form would give it."""
    keys = parse_reg(POLICIES / "windows" / name)
    out: dict[str, Any] = {}
    lists = {k[len(base) + 1:]: v for k, v in keys.items() if k.startswith(base + "\\")}
    force = lists.pop("ExtensionInstallForcelist")
    out["ExtensionInstallForcelist"] = [force[k] for k in sorted(force, key=int)]
    out["ExtensionSettings"] = json.loads(keys[base]["ExtensionSettings"])
    managed: dict[str, Any] = {}
    for key, values in lists.items():
        parts = key.split("\\")           # 3rdparty\extensions\ID\policy[\list]
        ext_id = parts[2]
        target = managed.setdefault(ext_id, {})
        if len(parts) == 4:
            for k, v in values.items():
                target[k] = bool(v) if k == "userMayChange" else v
        else:
            target[parts[4]] = [values[k] for k in sorted(values, key=int)]
    out["3rdparty"] = {"extensions": managed}
    return out


def test_edge_reg_says_what_chromium_applies() -> None:
    assert policy_from_reg("somecheck-edge.reg", "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge") == APPLIED
    assert policy_from_reg("somecheck-chrome.reg", "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome") == APPLIED


def policy_from_mobileconfig(name: str, browser: str) -> dict[str, Any]:
    profile = plistlib.loads((POLICIES / "macos" / name).read_bytes())
    out: dict[str, Any] = {"3rdparty": {"extensions": {}}}
    for payload in profile["PayloadContent"]:
        kind = payload["PayloadType"]
        values = {k: v for k, v in payload.items() if not k.startswith("Payload")}
        if kind == browser:
            out.update(values)
        else:
            assert kind.startswith(browser + ".extensions."), kind
            out["3rdparty"]["extensions"][kind.rsplit(".", 1)[1]] = values
    return out


def test_edge_mobileconfig_says_what_chromium_applies() -> None:
    assert policy_from_mobileconfig("somecheck-edge.mobileconfig", "com.microsoft.Edge") == APPLIED
    assert policy_from_mobileconfig("somecheck-chrome.mobileconfig", "com.google.Chrome") == APPLIED
