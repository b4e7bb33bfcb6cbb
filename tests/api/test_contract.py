"""POST /v1/check, GET /v1/rules, GET /v1/health and every error, as docs/api.md says.

Deterministic findings come from the small pack in tests/api/pack (not the bundled one).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from api_shapes import (EVENING, PACK, PACK_NAME_RE, WORKTIME, assert_check_body, assert_error,
                        utf16_slice)
from checker.app import create_app
from checker.settings import Settings

TOKEN = "test-token-0123456789abcdef"
EXT_ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
MOZ_ORIGIN = "moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
PACK_RULES = {"profanity.blorf", "insult.blorf", "insult.zonk", "plain_language.meep",
              "opinion.defaults-probe", "copyright.picture", "timing.staff-at-work",
              "timing.official-comment"}


def make_client(**overrides):
    settings = Settings(rules=[PACK], reload_every=3600, **overrides)
    return create_app(settings).test_client()


@pytest.fixture(scope="module")
def client():
    return make_client()


def post(client, body=None, *, raw=None, headers=None, content_type="application/json"):
    data = raw if raw is not None else json.dumps(body)
    return client.post("/v1/check", data=data, headers=headers or {}, content_type=content_type)


def check_ok(client, body, headers=None) -> dict:
    response = post(client, body, headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    result = response.get_json()
    assert_check_body(result, body["text"] if isinstance(body.get("text"), str) else None)
    return result


def rules_of(result: dict) -> list[str]:
    return [f["rule"] for f in result["findings"]]


# --- POST /v1/check: the response --------------------------------------------------------------

def test_response_has_every_field_with_exact_values(client):
    result = check_ok(client, {"text": "Well, zonk.", "now": EVENING, "locale": "en"})
    assert set(result) >= {"verdict", "findings", "languages", "rules_version", "elapsed_ms"}
    assert PACK_NAME_RE.match(result["rules_version"])
    assert result["verdict"] == "warn"
    assert result["findings"] == [{
        **{k: v for k, v in result["findings"][0].items()
           if k not in {"rule", "category", "severity", "message", "guideline", "start", "end",
                        "excerpt", "core", "suggestion"}},
        "rule": "insult.zonk", "category": "insult", "severity": "warn",
        "message": "Zonk insults.", "guideline": "G5", "start": 6, "end": 10,
        "excerpt": "zonk", "core": "zonk", "suggestion": None,
    }]
    assert result["omitted"] == {}
    assert result["rules"] == {"insult.zonk": {
        "description": "Test rule zonk.", "suggestion": None,
        "guideline": {"id": "G5", "title": "Privacy and confidentiality",
                      "text": "Nothing about other people's private lives, no accusations, swear "
                              "words, insults, offensive positions or calls to crime."}}}


def test_rules_map_is_in_the_locale(client):
    result = check_ok(client, {"text": "blorf", "now": EVENING, "locale": "sv"})
    assert set(result["rules"]) == {"insult.blorf", "profanity.blorf"}
    assert result["rules"]["insult.blorf"]["suggestion"] == "Skriv vänligare."
    assert result["rules"]["insult.blorf"]["guideline"]["title"] == "Expertis, inte åsikter"


def test_a_huge_post_gets_a_bounded_response(client):
    # 43,000 findings of one rule once made 24 MB of JSON; now neighbours merge, a rule shows
    # at most 20 findings, and the rest are counted.
    text = ("zonk blorf and " * 17000)[:250_000]
    response = post(client, {"text": text, "now": EVENING, "locale": "en"})
    assert response.status_code == 200
    assert len(response.get_data()) < 64 * 1024
    result = response.get_json()
    assert_check_body(result, text)
    counts = {rule: sum(f["rule"] == rule for f in result["findings"]) for rule in result["rules"]}
    assert counts == {"insult.zonk": 20, "insult.blorf": 20, "profanity.blorf": 20}
    total = text.count("zonk blorf")
    assert result["omitted"] == {"insult.zonk": total - 20, "insult.blorf": total - 20,
                                 "profanity.blorf": total - 20}
    assert result["verdict"] == "block"


def test_neighbouring_findings_of_one_rule_are_one(client):
    result = check_ok(client, {"text": "zonk, zonk zonk! and zonk", "now": EVENING})
    assert [(f["excerpt"], f["start"], f["end"]) for f in result["findings"]] == [
        ("zonk, zonk zonk", 0, 15), ("zonk", 21, 25)]


def test_suggestion_is_given_in_the_locale(client):
    result = check_ok(client, {"text": "blorf", "now": EVENING, "locale": "sv"})
    by_rule = {f["rule"]: f for f in result["findings"]}
    assert by_rule["insult.blorf"]["suggestion"] == "Skriv vänligare."
    assert by_rule["profanity.blorf"]["suggestion"] is None


@pytest.mark.parametrize("text, verdict", [
    ("hello there", "ok"),
    ("a meep word", "info"),
    ("a zonk word", "warn"),
    ("a blorf word", "block"),
    ("meep zonk blorf", "block"),
    ("meep zonk", "warn"),
])
def test_verdict_is_the_highest_severity_or_ok(client, text, verdict):
    result = check_ok(client, {"text": text, "now": EVENING})
    assert result["verdict"] == verdict
    if verdict == "ok":
        assert result["findings"] == []


def test_findings_are_ordered_by_start_then_severity_desc(client):
    text = "meep zonk blorf meep blorf"
    result = check_ok(client, {"text": text, "now": WORKTIME, "attachments": [{"type": "image"}]})
    got = [(f["start"], f["severity"], f["rule"]) for f in result["findings"]]
    whole = [g for g in got if g[0] == 0 and g[2] in {"copyright.picture", "timing.staff-at-work"}]
    assert sorted(g[2] for g in whole) == ["copyright.picture", "timing.staff-at-work"]
    spans = [(s, sev, r) for s, sev, r in got if r not in {"copyright.picture", "timing.staff-at-work"}]
    assert spans == [
        (0, "info", "plain_language.meep"),
        (5, "warn", "insult.zonk"),
        (10, "block", "profanity.blorf"),
        (10, "warn", "insult.blorf"),
        (16, "info", "plain_language.meep"),
        (21, "block", "profanity.blorf"),
        (21, "warn", "insult.blorf"),
    ]
    # a block at the same start as whole-post infos comes first
    result = check_ok(client, {"text": "blorf", "now": WORKTIME, "attachments": [{"type": "image"}]})
    assert [f["severity"] for f in result["findings"]] == ["block", "warn", "info", "info"]


def test_whole_post_findings_use_start_end_zero(client):
    result = check_ok(client, {"text": "Look at this lovely sunset", "now": EVENING,
                               "attachments": [{"type": "image", "name": "sunset.jpg"}]})
    assert [(f["rule"], f["start"], f["end"], f["excerpt"]) for f in result["findings"]] == [
        ("copyright.picture", 0, 0, "")]
    assert result["verdict"] == "info"


def test_offsets_are_utf16_code_units_after_emoji(client):
    text = "😀👨‍👩‍👧 blorf\nsecond 😀 line zonk"
    result = check_ok(client, {"text": text, "now": EVENING})
    spans = {(f["rule"], f["start"], f["end"]) for f in result["findings"]}
    # 😀 = 2 units; 👨‍👩‍👧 = 2+1+2+1+2 = 8 units; then a space
    assert ("profanity.blorf", 11, 16) in spans
    assert ("insult.blorf", 11, 16) in spans
    # "\nsecond " = 8, 😀 = 2, " line " = 6  -> 16 + 8 + 2 + 6 = 32
    assert ("insult.zonk", 32, 36) in spans
    units = text.encode("utf-16-le")
    for f in result["findings"]:
        assert units[2 * f["start"]:2 * f["end"]].decode("utf-16-le") == f["excerpt"]
    assert {f["excerpt"] for f in result["findings"]} == {"blorf", "zonk"}


def test_offsets_count_a_lone_surrogate_as_one_unit(client):
    response = post(client, raw='{"text": "\\ud800 blorf \\udfff", "now": "%s"}' % EVENING)
    assert response.status_code == 200
    result = response.get_json()
    text = "\ud800 blorf \udfff"
    assert_check_body(result, text)
    assert {(f["start"], f["end"]) for f in result["findings"]} == {(2, 7)}


def test_a_lone_surrogate_inside_an_excerpt_is_returned_as_json(tmp_path):
    # a pattern rule whose span covers a lone surrogate: the response must still be JSON
    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    (pack / "rules" / "span.yaml").write_text(
        'rules:\n'
        '  - id: privacy.span\n'
        '    category: privacy\n'
        '    severity: warn\n'
        '    guideline: G8\n'
        '    kind: pattern\n'
        '    regex: {any: ["<[^>]*>"]}\n'
        '    message: {fi: Väli., sv: Spann., en: Span.}\n'
        '    description: {fi: Väli., sv: Spann., en: Span.}\n'
        '    examples: {flag: ["a <b> c"], pass: ["a b c"]}\n', encoding="utf-8")
    client = create_app(Settings(rules=[pack])).test_client()
    response = post(client, raw='{"text": "x <\\ud83d> \\ud83d\\ude00 <y>", "now": "%s"}' % EVENING)
    assert response.status_code == 200, response.get_data(as_text=True)
    result = response.get_json()
    text = "x <\ud83d> 😀 <y>"
    assert_check_body(result, text)
    assert [(f["start"], f["end"], f["excerpt"]) for f in result["findings"]] == [
        (2, 5, "<\ud83d>"), (9, 12, "<y>")]


# --- locale ----------------------------------------------------------------------------------

@pytest.mark.parametrize("locale, message", [
    ("fi", "Blorf on kielletty."), ("sv", "Blorf är förbjudet."), ("en", "Blorf is forbidden.")])
def test_messages_in_the_requested_locale(client, locale, message):
    result = check_ok(client, {"text": "blorf", "now": EVENING, "locale": locale})
    assert result["findings"][0]["rule"] == "profanity.blorf"
    assert result["findings"][0]["message"] == message


@pytest.mark.parametrize("accept, message", [
    ("sv-SE,sv;q=0.9", "Blorf är förbjudet."),
    ("fi", "Blorf on kielletty."),
    ("fi-FI,fi;q=0.9,en;q=0.5", "Blorf on kielletty."),
    ("de-DE,de;q=0.9,sv;q=0.5", "Blorf är förbjudet."),
])
def test_locale_from_accept_language(client, accept, message):
    result = check_ok(client, {"text": "blorf", "now": EVENING}, headers={"Accept-Language": accept})
    assert result["findings"][0]["message"] == message


def test_locale_en_us_from_accept_language_over_configured_default():
    client = make_client(default_locale="fi")
    result = check_ok(client, {"text": "blorf", "now": EVENING}, headers={"Accept-Language": "en-US"})
    assert result["findings"][0]["message"] == "Blorf is forbidden."
    # and without the header, the configured default
    result = check_ok(client, {"text": "blorf", "now": EVENING})
    assert result["findings"][0]["message"] == "Blorf on kielletty."


def test_body_locale_wins_over_accept_language(client):
    result = check_ok(client, {"text": "blorf", "now": EVENING, "locale": "fi"},
                      headers={"Accept-Language": "sv-SE,sv;q=0.9"})
    assert result["findings"][0]["message"] == "Blorf on kielletty."


def test_locale_defaults_to_the_pack_default(client):
    # the test pack's default_locale is en; an unsupported Accept-Language falls back to it
    for headers in ({}, {"Accept-Language": "de-DE,de;q=0.9"}):
        result = check_ok(client, {"text": "blorf", "now": EVENING}, headers=headers)
        assert result["findings"][0]["message"] == "Blorf is forbidden."


# --- defaults ----------------------------------------------------------------------------------

def test_defaults_for_platform_account_role_context(client):
    result = check_ok(client, {"text": "defaultsprobe", "now": EVENING})
    assert rules_of(result) == ["opinion.defaults-probe"]
    explicit = {"platform": "other", "account": "personal", "role": "staff", "context": "post",
                "attachments": []}
    assert rules_of(check_ok(client, {"text": "defaultsprobe", "now": EVENING, **explicit})) == \
        ["opinion.defaults-probe"]
    for key, value in (("platform", "facebook"), ("platform", "instagram"), ("platform", "x"),
                       ("account", "official"), ("role", "trustee"), ("role", "admin"),
                       ("context", "comment"), ("context", "reply")):
        result = check_ok(client, {"text": "defaultsprobe", "now": EVENING, key: value})
        assert rules_of(result) == [], (key, value)


def test_role_default_comes_from_settings():
    body = {"text": "hello", "now": WORKTIME}
    assert rules_of(check_ok(make_client(), body)) == ["timing.staff-at-work"]
    trustee = make_client(default_role="trustee")
    assert rules_of(check_ok(trustee, body)) == []
    assert rules_of(check_ok(trustee, {"text": "defaultsprobe", "now": EVENING})) == []
    # a role in the body still wins
    assert rules_of(check_ok(trustee, {**body, "role": "staff"})) == ["timing.staff-at-work"]


def test_enum_fields_select_rules(client):
    body = {"text": "thanks", "now": "2026-11-24T20:00:00+02:00", "account": "official",
            "context": "reply", "platform": "facebook"}
    assert rules_of(check_ok(client, body)) == ["timing.official-comment"]
    assert rules_of(check_ok(client, {**body, "platform": "x"})) == []


# --- now -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("now, fires", [
    ("2026-11-24T10:30:00+02:00", True),       # Tuesday 10:30 in Helsinki
    ("2026-11-24T08:30:00Z", True),            # the same moment in UTC
    ("2026-11-24T08:30:00+00:00", True),
    ("2026-11-24T18:30:00Z", False),           # 20:30 in Helsinki
    ("2026-11-24T10:30:00-05:00", False),      # 17:30 in Helsinki
    ("2026-11-28T10:30:00+02:00", False),      # a Saturday
])
def test_now_with_offset_is_honoured(client, now, fires):
    result = check_ok(client, {"text": "hello", "now": now})
    assert rules_of(result) == (["timing.staff-at-work"] if fires else [])


@pytest.mark.parametrize("now", ["2026-11-24T10:30:00", "2026-11-24", "garbage", "", "10:30+02:00",
                                 "2026-13-45T10:30:00+02:00", 1732437000, True, ["2026-11-24T10:30:00Z"],
                                 {"at": "2026-11-24T10:30:00Z"}])
def test_bad_now_is_400(client, now):
    error = assert_error(post(client, {"text": "hello", "now": now}), 400)
    assert "now" in error["message"]


def test_now_without_offset_message_says_offset(client):
    error = assert_error(post(client, {"text": "hello", "now": "2026-11-24T10:30:00"}), 400)
    assert "offset" in error["message"]


# --- attachments -------------------------------------------------------------------------------

@pytest.mark.parametrize("attachments", [
    [{"type": "image"}], [{"type": "video", "name": "clip.mp4"}],
    [{"type": "link"}, {"type": "file", "name": "a.pdf"}, {"type": "image"}], [],
])
def test_valid_attachments(client, attachments):
    result = check_ok(client, {"text": "hello", "now": EVENING, "attachments": attachments})
    fires = any(a["type"] in {"image", "video"} for a in attachments)
    assert rules_of(result) == (["copyright.picture"] if fires else [])


@pytest.mark.parametrize("field", ["platform", "account", "role", "context", "locale", "now", "attachments"])
def test_optional_field_sent_as_null_is_taken_as_absent(client, field):
    with_null = check_ok(client, {"text": "hello", "now": EVENING, field: None} if field != "now"
                         else {"text": "hello", field: None})
    assert with_null["verdict"] in {"ok", "info", "warn", "block"}


def test_text_null_is_400(client):
    response = client.post("/v1/check", json={"text": None})
    assert response.status_code == 400


@pytest.mark.parametrize("attachments", [
    "image", {"type": "image"}, 3, ["image"], [{"name": "x.png"}], [{"type": "gif"}],
    [{"type": None}], [{"type": ["image"]}], [{"type": "image", "name": 5}],
    [{"type": "image", "name": ["a"]}], [{"type": "image"}, "video"], [[{"type": "image"}]],
])
def test_bad_attachments_are_400(client, attachments):
    error = assert_error(post(client, {"text": "hello", "attachments": attachments}), 400)
    assert "attachment" in error["message"]


# --- 400 bad_request ---------------------------------------------------------------------------

@pytest.mark.parametrize("raw", [
    "", "{", "{'text': 'x'}", '{"text": "x",}', "text=hello", "nul", '{"text": "x"} trailing',
    b"\xff\xfe{}", '{"text": "\\x"}',
])
def test_invalid_json_is_400(client, raw):
    assert_error(post(client, raw=raw), 400)


def test_deeply_nested_json_is_400_not_500(client):
    assert_error(post(client, raw="[" * 100_000 + "]" * 100_000), 400)
    assert_error(post(client, raw='{"text": "x", "platform": ' + "[" * 100_000 + "]" * 100_000 + "}"), 400)


@pytest.mark.parametrize("body", [{}, {"platform": "x"}, {"Text": "hello"}, [], ["hello"], "hello",
                                  None, 3, True])
def test_text_missing_is_400(client, body):
    error = assert_error(post(client, body), 400)
    assert "text" in error["message"] or "object" in error["message"]


@pytest.mark.parametrize("text", [None, 3, 1.5, True, ["hello"], {"text": "hello"}])
def test_text_not_a_string_is_400(client, text):
    error = assert_error(post(client, {"text": text}), 400)
    assert "text" in error["message"]


@pytest.mark.parametrize("field, value", [
    ("platform", 1), ("platform", ["facebook"]), ("platform", {"facebook": 1}),
    ("account", "company"), ("account", True),
    ("role", "mayor"), ("role", "Staff"), ("role", 0), ("role", ["staff"]),
    ("context", "story"), ("context", 2.5),
    ("locale", "de"), ("locale", "sv-SE"), ("locale", "EN"), ("locale", ["en"]),
])
def test_wrong_type_or_unknown_enum_is_400(client, field, value):
    error = assert_error(post(client, {"text": "hello", field: value}), 400)
    assert field in error["message"]


@pytest.mark.parametrize("platform", ["twitter", "Facebook", "", "mastodon"])
def test_an_unknown_platform_is_checked_as_other(client, platform):
    # A newer extension may know a site this checker does not: it is checked, not refused.
    body = {"text": "zonk", "now": EVENING, "locale": "en"}
    assert check_ok(client, {**body, "platform": platform})["findings"] == \
        check_ok(client, {**body, "platform": "other"})["findings"]


# --- 401 unauthorized -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def token_client():
    return make_client(token=TOKEN)


@pytest.mark.parametrize("auth", [None, "", f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", "Bearer ",
                                  TOKEN, f"Basic {TOKEN}", f"Bearer{TOKEN}", f"Bearer {TOKEN} x",
                                  "Bearer wrong", f"Bearers {TOKEN}"])
def test_token_missing_or_wrong_is_401(token_client, auth):
    headers = {} if auth is None else {"Authorization": auth}
    assert_error(post(token_client, {"text": "hello"}, headers=headers), 401)
    assert_error(token_client.get("/v1/health", headers=headers), 401)
    assert_error(token_client.get("/v1/rules", headers=headers), 401)


@pytest.mark.parametrize("auth", [f"Bearer {TOKEN}", f"bearer {TOKEN}", f"BEARER {TOKEN}",
                                  f"Bearer  {TOKEN}"])
def test_right_token_passes(token_client, auth):
    # the scheme name is case-insensitive, and one or more spaces follow it (RFC 9110 11.4)
    headers = {"Authorization": auth}
    result = check_ok(token_client, {"text": "blorf", "now": EVENING}, headers=headers)
    assert result["verdict"] == "block"
    assert token_client.get("/v1/health", headers=headers).status_code == 200
    assert token_client.get("/v1/rules", headers=headers).status_code == 200


def test_no_token_configured_needs_none(client):
    assert client.get("/v1/health").status_code == 200
    assert check_ok(client, {"text": "hi", "now": EVENING},
                    headers={"Authorization": "Bearer whatever"})["verdict"] == "ok"


# --- 403 forbidden -----------------------------------------------------------------------------

@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "attacker.com:80",
                                  "127.0.0.1.nip.io:8765", "192.168.1.10:8765", "localhost.evil.com"])
def test_foreign_host_is_403(client, host):
    headers = {"Host": host}
    error = assert_error(post(client, {"text": "hello"}, headers=headers), 403)
    assert "Host" in error["message"]
    assert_error(client.get("/v1/health", headers=headers), 403)
    assert_error(client.get("/v1/rules", headers=headers), 403)


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "localhost", "[::1]:8765",
                                  "127.0.0.1", "LOCALHOST:8765"])
def test_loopback_hosts_pass(client, host):
    assert check_ok(client, {"text": "hi", "now": EVENING}, headers={"Host": host})["verdict"] == "ok"


def test_allowed_extra_host_passes():
    client = make_client(allow_hosts=["checker.internal"])
    assert client.get("/v1/health", headers={"Host": "checker.internal:8765"}).status_code == 200
    assert_error(client.get("/v1/health", headers={"Host": "other.internal:8765"}), 403)


@pytest.mark.parametrize("origin", ["https://www.facebook.com", "https://x.com", "http://localhost:3000",
                                    "http://127.0.0.1:8765", "null", "https://chrome-extension.evil.com",
                                    "file://"])
def test_web_origin_is_403(client, origin):
    error = assert_error(post(client, {"text": "hello"}, headers={"Origin": origin}), 403)
    assert origin in error["message"]
    response = client.get("/v1/health", headers={"Origin": origin})
    assert_error(response, 403)
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize("origin", [EXT_ORIGIN, MOZ_ORIGIN])
def test_extension_origins_pass(client, origin):
    response = post(client, {"text": "blorf", "now": EVENING}, headers={"Origin": origin})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == origin
    assert_check_body(response.get_json(), "blorf")
    assert response.get_json()["verdict"] == "block"


def test_no_origin_passes(client):
    response = post(client, {"text": "zonk", "now": EVENING})
    assert response.status_code == 200
    assert response.get_json()["verdict"] == "warn"


def test_host_is_checked_before_token(token_client):
    assert_error(post(token_client, {"text": "x"}, headers={"Host": "evil.example"}), 403)


# --- CORS ----------------------------------------------------------------------------------------

def preflight(client, origin):
    return client.options("/v1/check", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, authorization"})


@pytest.mark.parametrize("origin", [EXT_ORIGIN, MOZ_ORIGIN])
def test_preflight_from_extension_is_allowed(origin):
    # with a token configured: browsers send preflights without credentials
    client = make_client(token=TOKEN)
    response = preflight(client, origin)
    assert response.status_code in (200, 204)
    assert response.headers["Access-Control-Allow-Origin"] == origin
    allowed_headers = response.headers["Access-Control-Allow-Headers"].lower()
    assert "content-type" in allowed_headers and "authorization" in allowed_headers
    assert "POST" in response.headers["Access-Control-Allow-Methods"]


@pytest.mark.parametrize("origin", ["https://www.facebook.com", "https://evil.example", "null"])
def test_preflight_from_web_origin_is_refused(client, origin):
    response = preflight(client, origin)
    assert_error(response, 403)
    assert "Access-Control-Allow-Origin" not in response.headers


# --- 413, 415 ------------------------------------------------------------------------------------

def test_body_over_the_limit_is_413():
    client = make_client(max_body=2048)
    small = json.dumps({"text": "a" * 1900, "now": EVENING})
    assert len(small.encode()) <= 2048
    assert post(client, raw=small).status_code == 200
    big = json.dumps({"text": "a" * 2100})
    error = assert_error(post(client, raw=big), 413)
    assert "2048" in error["message"]


def test_default_limit_is_256_kib(client):
    envelope = len(json.dumps({"text": "", "now": EVENING}).encode())
    at_limit = json.dumps({"text": "a" * (256 * 1024 - envelope), "now": EVENING})
    assert len(at_limit.encode()) == 256 * 1024
    assert post(client, raw=at_limit).status_code == 200
    over = json.dumps({"text": "a" * (256 * 1024 - envelope + 1), "now": EVENING})
    assert len(over.encode()) == 256 * 1024 + 1
    assert_error(post(client, raw=over), 413)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", "", "application/jsonx",
                                          "text/json"])
def test_not_json_media_type_is_415(client, content_type):
    error = assert_error(post(client, {"text": "hello"}, content_type=content_type), 415)
    assert "application/json" in error["message"]


def test_json_with_charset_is_accepted(client):
    response = post(client, {"text": "zonk", "now": EVENING},
                    content_type="application/json; charset=utf-8")
    assert response.status_code == 200
    assert response.get_json()["verdict"] == "warn"


# --- GET /v1/rules, GET /v1/health -------------------------------------------------------------

def test_rules_shape(client):
    response = client.get("/v1/rules")
    assert response.status_code == 200
    body = response.get_json()
    assert PACK_NAME_RE.match(body["rules_version"])
    assert {r["id"] for r in body["rules"]} == PACK_RULES
    for rule in body["rules"]:
        assert {"id", "category", "severity", "guideline", "description"} <= set(rule)
        assert rule["id"].split(".")[0] == rule["category"]
        assert rule["severity"] in {"info", "warn", "block"}
        assert set(rule["description"]) == {"sv", "fi", "en"}
        assert all(isinstance(v, str) and v for v in rule["description"].values())
    # every guideline the rules cite, with its title and text in the three languages
    assert {r["guideline"] for r in body["rules"]} <= set(body["guidelines"])
    for guideline in body["guidelines"].values():
        assert set(guideline) == {"title", "text"}
        for texts in guideline.values():
            assert set(texts) == {"sv", "fi", "en"} and all(texts.values())
    assert body["guidelines"]["G5"]["title"]["sv"] == "Privatliv och tystnadsplikt"
    blorf = next(r for r in body["rules"] if r["id"] == "profanity.blorf")
    assert (blorf["category"], blorf["severity"], blorf["guideline"]) == ("profanity", "block", "G5")
    assert blorf["description"] == {"fi": "Testisääntö blorf.", "sv": "Testregel blorf.",
                                    "en": "Test rule blorf."}


def test_health_shape(client):
    response = client.get("/v1/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert isinstance(body["version"], str) and body["version"]
    assert PACK_NAME_RE.match(body["rules_version"])
    assert body["rules_version"] == client.get("/v1/rules").get_json()["rules_version"]
    assert "rules_error" not in body


def test_unknown_route_and_method_are_json_errors(client):
    for response in (client.get("/v1/nope"), client.get("/v1/check"), client.delete("/v1/rules")):
        assert response.status_code in (404, 405)
        body = response.get_json()
        assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}


# --- a bad request changes nothing ------------------------------------------------------------

def test_flood_of_bad_requests_changes_nothing():
    client = make_client(max_body=4096)
    before = client.get("/v1/health").get_json()
    reference = check_ok(client, {"text": "meep zonk blorf", "now": EVENING})
    bad = [
        (400, lambda: post(client, raw="{")),
        (400, lambda: post(client, raw="[" * 4000)),
        (400, lambda: post(client, {"text": 1})),
        (400, lambda: post(client, {"text": "x", "platform": ["myspace"]})),
        (400, lambda: post(client, {"text": "x", "attachments": [{"type": "gif"}]})),
        (400, lambda: post(client, {"text": "x", "now": "yesterday"})),
        (413, lambda: post(client, {"text": "x" * 5000})),
        (415, lambda: post(client, {"text": "x"}, content_type="text/plain")),
        (403, lambda: post(client, {"text": "x"}, headers={"Host": "evil.example"})),
        (403, lambda: post(client, {"text": "x"}, headers={"Origin": "https://www.facebook.com"})),
        # unknown fields are ignored (additions are fine), and cannot reach the rules
        (200, lambda: post(client, {"text": "x", "rules": [], "pack": "../../etc",
                                    "rules_version": "evil", "now": EVENING})),
    ]
    for _ in range(30):
        for status, send in bad:
            assert send().status_code == status
    after = client.get("/v1/health").get_json()
    assert after == before
    again = check_ok(client, {"text": "meep zonk blorf", "now": EVENING})
    assert {k: v for k, v in again.items() if k != "elapsed_ms"} == \
        {k: v for k, v in reference.items() if k != "elapsed_ms"}


# --- hot reload --------------------------------------------------------------------------------

def test_hot_reload_changes_rules_and_survives_a_broken_file(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    client = create_app(Settings(rules=[pack], reload_every=0, reload_settle=0)).test_client()
    body = {"text": "blorf", "now": EVENING, "locale": "en"}

    v0 = client.get("/v1/health").get_json()["rules_version"]
    assert check_ok(client, body)["findings"][0]["message"] == "Blorf is forbidden."

    words = pack / "rules" / "words.yaml"
    original = words.read_text(encoding="utf-8")
    words.write_text(original.replace("en: Blorf is forbidden.", "en: Blorf is now very forbidden."),
                     encoding="utf-8")
    result = check_ok(client, body)
    v1 = result["rules_version"]
    assert v1 != v0 and v1.startswith("testpack-1.0-")
    assert result["findings"][0]["message"] == "Blorf is now very forbidden."
    assert client.get("/v1/health").get_json()["rules_version"] == v1
    assert client.get("/v1/rules").get_json()["rules_version"] == v1

    broken = pack / "rules" / "broken.yaml"
    broken.write_text("rules:\n  - id: profanity.broken\n    category: profanity\n"
                      "    severity: catastrophic\n    guideline: G5\n", encoding="utf-8")
    result = check_ok(client, body)
    assert result["rules_version"] == v1
    assert result["findings"][0]["message"] == "Blorf is now very forbidden."
    health = client.get("/v1/health").get_json()
    assert health["status"] == "ok"
    assert health["rules_version"] == v1
    assert "broken.yaml:4" in health["rules_error"]
    assert client.get("/v1/rules").get_json()["rules_version"] == v1

    # YAML that does not even parse is refused the same way
    broken.write_text("rules: [\n  - {id: x\n", encoding="utf-8")
    assert check_ok(client, body)["rules_version"] == v1
    assert "broken.yaml" in client.get("/v1/health").get_json()["rules_error"]

    broken.unlink()
    health = client.get("/v1/health").get_json()
    assert "rules_error" not in health
    assert health["rules_version"] == v1  # the same files as before: the same version
