"""POST /v1/check/batch: items answered in order, per-item errors, the same guards as /v1/check.

Findings come from the small pack in tests/api/pack (blorf, zonk, ...), like test_contract.py.
"""

from __future__ import annotations

import json

import pytest

from api_shapes import EVENING, PACK, assert_check_body, assert_error
from checker.app import create_app
from checker.batch import MAX_ITEMS
from checker.settings import Settings

TOKEN = "test-token-0123456789abcdef"
EXT_ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"


def make_client(**overrides):
    return create_app(Settings(rules=[PACK], reload_every=3600, **overrides)).test_client()


@pytest.fixture(scope="module")
def client():
    return make_client()


def batch(client, body=None, *, raw=None, headers=None, content_type="application/json"):
    data = raw if raw is not None else json.dumps(body)
    return client.post("/v1/check/batch", data=data, headers=headers or {}, content_type=content_type)


def batch_ok(client, items, headers=None) -> list[dict]:
    response = batch(client, {"items": items}, headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert set(body) >= {"results", "rules_version", "response_hours", "elapsed_ms"}
    assert len(body["results"]) == len(items)
    return body["results"]


def without_time(result: dict) -> dict:
    return {key: value for key, value in result.items() if key != "elapsed_ms"}


# --- results -------------------------------------------------------------------------------------

def test_each_result_is_what_check_answers_in_order(client):
    items = [{"text": text, "now": EVENING, "context": "comment", "locale": "en"}
             for text in ("a blorf here", "nothing here", "Well, zonk.", "blorf and zonk", "")]
    results = batch_ok(client, items)
    for item, result in zip(items, results):
        assert_check_body(result, item["text"])
        single = client.post("/v1/check", json=item).get_json()
        assert without_time(result) == without_time(single)
    assert [r["verdict"] for r in results][:2] == ["block", "ok"]
    assert results[0]["findings"][0]["excerpt"] == "blorf"


def test_a_bad_item_gets_its_own_error_and_the_others_are_checked(client):
    items = [{"text": "a blorf here", "now": EVENING}, {"txt": "typo"}, {"text": 5},
             {"text": "x", "context": "story"}, "just a string", {"text": "nothing here", "now": EVENING}]
    results = batch_ok(client, items)
    assert results[0]["verdict"] == "block"
    assert results[-1]["verdict"] == "ok"
    for index, result in enumerate(results[1:-1], start=1):
        assert set(result) == {"error"}
        assert result["error"]["code"] == "bad_request"
        assert result["error"]["message"].startswith(f"item {index}: ")
    assert "'text' is missing" in results[1]["error"]["message"]
    assert "story" in results[3]["error"]["message"]


def test_empty_batch_is_an_empty_answer(client):
    assert batch_ok(client, []) == []


def test_locale_from_accept_language_applies_to_every_item(client):
    items = [{"text": "a blorf here", "now": EVENING}] * 2 + [{"text": "blorf", "now": EVENING, "locale": "en"}]
    results = batch_ok(client, items, headers={"Accept-Language": "sv"})
    assert [r["findings"][0]["message"] for r in results] == ["Blorf är förbjudet."] * 2 + ["Blorf is forbidden."]


def test_two_hundred_items_pass_and_two_hundred_and_one_are_refused(client):
    item = {"text": "nothing here", "now": EVENING}
    assert len(batch_ok(client, [item] * MAX_ITEMS)) == MAX_ITEMS
    error = assert_error(batch(client, {"items": [item] * (MAX_ITEMS + 1)}), 400)
    assert "201" in error["message"] and "200" in error["message"]


# --- the request as a whole ----------------------------------------------------------------------

@pytest.mark.parametrize("body, words", [
    ([{"text": "x"}], "JSON object"),
    ({"text": "x"}, "JSON object"),
    ({"items": "x"}, "must be a list"),
    ({"items": {"text": "x"}}, "must be a list"),
    ({"items": [], "extra": 1}, "unknown field 'extra'"),
])
def test_a_body_that_is_no_batch_is_400(client, body, words):
    assert words in assert_error(batch(client, body), 400)["message"]


@pytest.mark.parametrize("raw", ["{", "", "\xff", "[" * 100_000])
def test_invalid_json_is_400(client, raw):
    assert_error(batch(client, raw=raw), 400)


def test_token_is_required_when_configured():
    client = make_client(token=TOKEN)
    assert_error(batch(client, {"items": []}), 401)
    assert_error(batch(client, {"items": []}, headers={"Authorization": "Bearer wrong"}), 401)
    assert batch(client, {"items": []}, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


@pytest.mark.parametrize("origin", ["https://www.facebook.com", "null"])
def test_web_origins_are_403(client, origin):
    assert_error(batch(client, {"items": []}, headers={"Origin": origin}), 403)


def test_extension_origin_passes_and_gets_cors_headers(client):
    response = batch(client, {"items": [{"text": "x"}]}, headers={"Origin": EXT_ORIGIN})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == EXT_ORIGIN
    preflight = client.options("/v1/check/batch", headers={
        "Origin": EXT_ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code in (200, 204)
    assert preflight.headers["Access-Control-Allow-Origin"] == EXT_ORIGIN


def test_host_must_be_loopback(client):
    assert_error(batch(client, {"items": []}, headers={"Host": "evil.example"}), 403)


def test_body_over_the_limit_is_413():
    client = make_client(max_body=4096)
    items = [{"text": "a" * 300}] * 10
    assert len(json.dumps({"items": items})) < 4096
    assert batch(client, {"items": items}).status_code == 200
    assert "4096" in assert_error(batch(client, {"items": items * 2}), 413)["message"]


def test_not_json_media_type_is_415(client):
    assert_error(batch(client, raw=json.dumps({"items": []}), content_type="text/plain"), 415)


def test_get_is_405(client):
    response = client.get("/v1/check/batch")
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "method_not_allowed"


def test_response_hours_of_the_pack_come_with_the_answer(client):
    body = batch(client, {"items": []}).get_json()
    hours = body["response_hours"]
    assert set(hours) == {"days", "start", "end", "timezone"}
    assert hours["timezone"] and all(d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun") for d in hours["days"])
    assert len(hours["start"]) == 5 and hours["start"] < hours["end"]
