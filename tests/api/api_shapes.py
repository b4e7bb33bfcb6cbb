"""Helpers shared by the API tests: the contract's shapes, asserted field by field."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

PACK = Path(__file__).resolve().parent / "pack"
PACK_NAME_RE = re.compile(r"^testpack-1\.0-[0-9a-f]{7}$")

CATEGORIES = {"profanity", "insult", "accusation", "hate", "incitement", "privacy",
              "confidentiality", "copyright", "bilingual", "plain_language", "opinion",
              "accuracy", "timing"}
SEVERITIES = {"info": 0, "warn": 1, "block": 2}
GUIDELINE_RE = re.compile(r"^(G[1-8]|C[1-7]|P[1-5])$")
MAX_EXCERPT, MAX_PER_RULE, MAX_FINDINGS = 200, 20, 200
RULE_ID_RE = re.compile(r"^([a-z_]+)\.[a-z0-9][a-z0-9-]*$")
FINDING_FIELDS = {"rule", "category", "severity", "message", "guideline", "start", "end",
                  "excerpt", "core", "suggestion"}
ERROR_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 413: "too_large",
               415: "unsupported_media_type"}

# Tuesday evening in Helsinki: outside working hours, so clock rules stay quiet.
EVENING = "2026-11-24T18:00:00+02:00"
WORKTIME = "2026-11-24T10:30:00+02:00"


def utf16_slice(text: str, start: int, end: int) -> bytes:
    """The UTF-16 code units [start, end) of text, as bytes (lone surrogates kept)."""
    data = text.encode("utf-16-le", "surrogatepass")
    return data[2 * start:2 * end]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def assert_check_body(body: Any, text: str | None = None) -> None:
    """A 200 body of POST /v1/check, as the contract describes it."""
    assert isinstance(body, dict)
    assert {"verdict", "findings", "rules", "omitted", "languages", "rules_version",
            "elapsed_ms"} <= set(body)
    assert body["verdict"] in {"ok", "info", "warn", "block"}
    assert isinstance(body["rules_version"], str) and body["rules_version"]
    assert isinstance(body["elapsed_ms"], (int, float)) and not isinstance(body["elapsed_ms"], bool)
    assert body["elapsed_ms"] >= 0
    assert isinstance(body["languages"], list)
    for entry in body["languages"]:
        assert set(entry) >= {"lang", "share"}
        assert entry["lang"] in {"fi", "sv", "en"}
        assert isinstance(entry["share"], (int, float)) and 0 <= entry["share"] <= 1
    findings = body["findings"]
    assert isinstance(findings, list)
    for f in findings:
        assert FINDING_FIELDS <= set(f), f
        assert RULE_ID_RE.match(f["rule"]), f["rule"]
        assert f["rule"].split(".")[0] == f["category"]
        assert f["category"] in CATEGORIES
        assert f["severity"] in SEVERITIES
        assert isinstance(f["message"], str) and f["message"].strip()
        assert GUIDELINE_RE.match(f["guideline"]), f["guideline"]
        for key in ("start", "end"):
            assert isinstance(f[key], int) and not isinstance(f[key], bool)
        assert 0 <= f["start"] <= f["end"]
        assert isinstance(f["excerpt"], str)
        assert f["suggestion"] is None or (isinstance(f["suggestion"], str) and f["suggestion"])
        assert isinstance(f["core"], str)
        if f["start"] == f["end"]:
            assert f["excerpt"] == f["core"] == ""
        else:
            assert f["core"], f
        if text is not None:
            assert f["end"] <= utf16_len(text)
            # the words of the span, cut to their first MAX_EXCERPT code units
            shown = utf16_slice(text, f["start"], f["end"])
            excerpt = f["excerpt"].encode("utf-16-le", "surrogatepass")
            assert excerpt == shown if len(shown) <= 2 * MAX_EXCERPT else shown.startswith(excerpt), f
            assert len(excerpt) >= min(len(shown), 2 * MAX_EXCERPT) - 2, f
            # the core is what the rule itself found, inside the span (which its extent widened)
            core = f["core"].encode("utf-16-le", "surrogatepass")
            assert len(core) <= 2 * MAX_EXCERPT and core in shown, f
    # each rule's texts once, in the rules map: exactly the rules of the findings and the omitted
    assert {f["rule"] for f in findings} | set(body["omitted"]) == set(body["rules"])
    for f in findings:
        assert "description" not in f
        assert body["rules"][f["rule"]]["guideline"]["id"] == f["guideline"]
    for entry in body["rules"].values():
        assert set(entry) == {"description", "suggestion", "guideline"}
        assert isinstance(entry["description"], str) and entry["description"].strip()
        assert entry["suggestion"] is None or (isinstance(entry["suggestion"], str) and entry["suggestion"])
        assert set(entry["guideline"]) == {"id", "title", "text"}
        assert all(isinstance(v, str) and v for v in entry["guideline"].values())
    # bounded: at most MAX_PER_RULE of a rule, MAX_FINDINGS in all, the rest counted
    assert len(findings) <= MAX_FINDINGS
    for rule in body["rules"]:
        assert sum(f["rule"] == rule for f in findings) <= MAX_PER_RULE
    assert all(isinstance(n, int) and n > 0 for n in body["omitted"].values())
    # ordered by start, then by severity, highest first
    keys = [(f["start"], -SEVERITIES[f["severity"]]) for f in findings]
    assert keys == sorted(keys), keys
    expected = max((f["severity"] for f in findings), key=SEVERITIES.__getitem__, default="ok")
    assert body["verdict"] == expected


def assert_error(response: Any, status: int) -> dict:
    """An error response: the status, JSON, exactly {"error": {"code", "message"}}."""
    assert response.status_code == status, (response.status_code, response.get_data(as_text=True))
    assert response.mimetype == "application/json"
    body = json.loads(response.get_data())
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == ERROR_CODES[status]
    assert isinstance(body["error"]["message"], str) and len(body["error"]["message"]) > 10
    return body["error"]
