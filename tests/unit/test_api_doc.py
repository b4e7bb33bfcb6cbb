"""docs/api.md is the contract: every field and error code it names is served."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from checker.app import create_app
from checker.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
PACK = ROOT / "tests" / "api" / "pack"
TOKEN = "contract-doc-token-0123456789"
EVENING = "2026-11-24T18:00:00+02:00"


def section(title: str) -> str:
    start = DOC.index(f"## {title}")
    end = DOC.find("\n## ", start + 1)
    return DOC[start:end if end != -1 else None]


def json_examples(text: str) -> list[object]:
    return [json.loads(block) for block in re.findall(r"```json\n(.*?)```", text, re.S)]


def keys(example: object, prefix: str = "") -> set[str]:
    """Every key path in a JSON example: "findings[].rule", "rules{}.guideline.title", ..."""
    found: set[str] = set()
    if isinstance(example, dict):
        for key, value in example.items():
            # a map keyed by ids ("rules", "guidelines", "omitted") is written with an example id
            path = f"{prefix}{{}}" if re.match(r"^[a-z_]+\.[a-z0-9-]+$|^[GCP]\d$", key) else f"{prefix}{key}"
            found.add(path)
            found |= keys(value, path + ".")
    elif isinstance(example, list):
        for item in example:
            found |= keys(item, prefix.rstrip(".") + "[].")
    return found


@pytest.fixture(scope="module")
def client():
    return create_app(Settings(rules=[PACK], reload_every=3600)).test_client()


def served_keys(client, method: str, path: str, body: dict | None = None) -> set[str]:
    response = client.open(path, method=method, json=body)
    assert response.status_code == 200, response.get_data(as_text=True)
    return keys(response.get_json())


def test_every_request_field_of_the_table_is_accepted(client):
    text = section("POST /v1/check")
    fields = re.findall(r"^\| `([a-z_]+)` \|", text[text.index("Request:"):text.index("Response")], re.M)
    assert {"text", "platform", "account", "role", "context", "attachments", "locale", "now"} <= set(fields)
    values = {"text": "zonk", "platform": "facebook", "account": "official", "role": "admin",
              "context": "reply", "attachments": [{"type": "image", "name": "a.jpg"}], "locale": "sv",
              "now": EVENING}
    assert set(fields) <= set(values), f"give the test a value for {set(fields) - set(values)}"
    response = client.post("/v1/check", json={k: values[k] for k in fields})
    assert response.status_code == 200, response.get_data(as_text=True)


def test_every_response_field_of_the_check_example_is_served(client):
    [example] = json_examples(section("POST /v1/check"))
    body = {"text": "Well, the weather is fine today and everyone says zonk blorf to it.",
            "now": EVENING, "locale": "en"}
    served = served_keys(client, "POST", "/v1/check", body)
    assert keys(example) - served == set()
    assert {"findings[].rule", "rules.{}.guideline.title", "omitted"} <= keys(example)


def test_every_field_of_the_rules_example_is_served(client):
    [example] = json_examples(section("GET /v1/rules"))
    assert keys(example) - served_keys(client, "GET", "/v1/rules") == set()


def test_every_health_field_is_served(client):
    named = set(re.findall(r'"([a-z_]+)":', section("GET /v1/health")))
    assert named and named - served_keys(client, "GET", "/v1/health") == set()


TRIGGERS = {
    "bad_request": lambda c: c.post("/v1/check", json={"text": 1}),
    "unauthorized": lambda c: c.post("/v1/check", json={"text": "x"}),
    "forbidden": lambda c: c.post("/v1/check", json={"text": "x"}, headers={"Origin": "https://evil.example"}),
    "too_large": lambda c: c.post("/v1/check", json={"text": "x" * 300_000}),
    "unsupported_media_type": lambda c: c.post("/v1/check", data="x", content_type="text/plain"),
    "not_found": lambda c: c.get("/v1/nothing"),
    "method_not_allowed": lambda c: c.get("/v1/check"),
}


def test_every_error_code_of_the_table_is_served():
    codes = re.findall(r"^\| (\d{3}) `([a-z_]+)` \|", section("Errors"), re.M)
    assert len(codes) >= 5
    client = create_app(Settings(rules=[PACK], token=TOKEN, reload_every=3600)).test_client()
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for status, code in codes:
        assert code in TRIGGERS, f"docs/api.md names {code}: give this test a request that causes it"
        if code == "unauthorized":
            response = TRIGGERS[code](client)
        else:   # with the token, so that each error is the one meant
            client.environ_base["HTTP_AUTHORIZATION"] = auth["Authorization"]
            response = TRIGGERS[code](client)
            del client.environ_base["HTTP_AUTHORIZATION"]
        assert response.status_code == int(status), (code, response.get_data(as_text=True))
        assert response.get_json()["error"]["code"] == code
