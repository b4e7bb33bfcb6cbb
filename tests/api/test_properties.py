"""Property tests: whatever is sent, the service answers with a contract-shaped body, never 500,
and every finding's UTF-16 offsets slice exactly its excerpt out of the text.

These use the bundled pack (many rules); they assert no specific bundled rule.
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api_shapes import ERROR_CODES, assert_check_body, utf16_slice
from checker.app import create_app
from checker.settings import Settings

PROPS = settings(max_examples=200, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def client():
    return create_app(Settings(reload_every=3600)).test_client()


# --- strategies ----------------------------------------------------------------------------------

# Any code point, lone surrogates included (sent as JSON "\ud800" escapes).
ANY_CHAR = st.characters(exclude_categories=())
SPECIAL = st.sampled_from([
    "😀", "👨‍👩‍👧", "🇫🇮", "👍🏽", "\u200d", "\u200b", "\ufeff", "\u202e", "\u202d", "\u2066",
    "שלום", "مرحبا", "e\u0301", "a\u0308\u0323", "\u0000", "\t", "\r\n", "\n", "\x1b", "\x7f",
    "\ud800", "\udfff", "\ud83d", "\ude00", "İ", "ß", "ﬁ", "Ⅻ", "𝐟𝐮𝐜𝐤", "ｆｕｃｋ",
])
BAD_WORDS = st.sampled_from([
    "vittu", "Vittu", "VITTU", "vitun", "fuck", "Fuck", "fucking", "FUCK", "f.u.c.k", "f u c k",
    "vi-ttu", "fuuuuck", "paska", "skit", "jävla",
])
FILLER = st.sampled_from([" ", "  ", ", ", ". ", "!", "?", "\n", "\n\n", "-", "*", "'", "’",
                          "@", "#", "(", ")", "\"", "ok", "hei", "och", "the", "123",
                          "kaupunki", "staden", "city", "www.hanko.fi", "@hanko"])
FRAGMENT = st.one_of(BAD_WORDS, FILLER, SPECIAL, st.text(ANY_CHAR, max_size=6))
POST_TEXT = st.lists(FRAGMENT, max_size=25).map("".join)

ENUMS = {
    "platform": ["facebook", "instagram", "x", "other"],
    "account": ["personal", "official"],
    "role": ["staff", "trustee", "admin"],
    "context": ["post", "comment", "reply"],
    "locale": ["sv", "fi", "en"],
}
JSON_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                        st.text(ANY_CHAR, max_size=10))
JSON_VALUE = st.recursive(
    JSON_SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=12)
NOW = st.one_of(
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(["2026-11-24T10:30:00+02:00", "2026-11-24T08:30:00Z", "garbage", "",
                     "2026-02-30T10:00:00+02:00", "2026-11-24T25:00:00+02:00"]),
    JSON_VALUE,
)
ATTACHMENT = st.one_of(
    st.fixed_dictionaries({"type": st.sampled_from(["image", "video", "link", "file"])},
                          optional={"name": st.one_of(st.text(ANY_CHAR, max_size=8), JSON_SCALAR)}),
    JSON_VALUE,
)


def field_value(name: str):
    if name in ENUMS:
        return st.one_of(st.sampled_from(ENUMS[name]), JSON_VALUE)
    if name == "text":
        return st.one_of(POST_TEXT, POST_TEXT, JSON_VALUE)
    if name == "now":
        return NOW
    return st.one_of(st.lists(ATTACHMENT, max_size=3), JSON_VALUE)  # attachments


FIELDS = ["text", "platform", "account", "role", "context", "attachments", "locale", "now"]
CHECK_BODY = st.fixed_dictionaries(
    {}, optional={name: field_value(name) for name in FIELDS})
VALID_BODY = st.fixed_dictionaries(
    {"text": POST_TEXT},
    optional={**{name: st.sampled_from(values) for name, values in ENUMS.items()},
              "now": st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
              "attachments": st.lists(st.fixed_dictionaries(
                  {"type": st.sampled_from(["image", "video", "link", "file"])},
                  optional={"name": st.text(ANY_CHAR, max_size=8)}), max_size=3)})
EXTRA_KEYS = st.dictionaries(st.text(ANY_CHAR, max_size=8), JSON_VALUE, max_size=3)
BODY = st.one_of(
    VALID_BODY,                                             # mostly answered 200
    st.builds(lambda a, b: {**b, **a}, CHECK_BODY, EXTRA_KEYS),
    CHECK_BODY,
    JSON_VALUE,
)
ACCEPT_LANGUAGE = st.one_of(
    st.none(),
    st.sampled_from(["sv-SE,sv;q=0.9", "fi", "en-US", "*", "de", "fi;q=0", "en;q=abc", ",,;", "sv-FI"]),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7e), max_size=20),
)


# --- helpers -----------------------------------------------------------------------------------

def send(client, raw: bytes | str, accept: str | None = None):
    headers = {"Accept-Language": accept} if accept is not None else {}
    return client.post("/v1/check", data=raw, headers=headers, content_type="application/json")


def assert_contract(response, text: str | None = None) -> dict:
    assert response.status_code != 500, response.get_data(as_text=True)
    assert response.status_code in (200, 400), response.status_code
    assert response.mimetype == "application/json"
    body = json.loads(response.get_data())
    if response.status_code == 200:
        assert_check_body(body, text)
    else:
        assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
        assert body["error"]["code"] == ERROR_CODES[response.status_code]
        assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body


# --- properties ----------------------------------------------------------------------------------

def contract_valid(body) -> bool:
    """Whether the service must accept a body. An optional field sent as null counts as absent."""
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        return False
    body = {key: value for key, value in body.items() if value is not None}
    for key, allowed in ENUMS.items():
        if key in body and not (isinstance(body[key], str) and body[key] in allowed):
            return False
    attachments = body.get("attachments", [])
    if not isinstance(attachments, list):
        return False
    for item in attachments:
        if not isinstance(item, dict) or item.get("type") not in ("image", "video", "link", "file"):
            return False
        if item.get("name") is not None and not isinstance(item["name"], str):
            return False
    if "now" in body:
        now = body["now"]
        if not isinstance(now, str):
            return False
        try:
            moment = datetime.fromisoformat(now.replace("Z", "+00:00"))
        except ValueError:
            return False
        return moment.tzinfo is not None
    return True


@PROPS
@given(body=BODY, accept=ACCEPT_LANGUAGE)
def test_any_json_body_gets_a_contract_answer(client, body, accept):
    raw = json.dumps(body, ensure_ascii=True)      # lone surrogates travel as \ud800 escapes
    response = send(client, raw, accept)
    text = body.get("text") if isinstance(body, dict) else None
    result = assert_contract(response, text if isinstance(text, str) else None)
    assert (response.status_code == 200) == contract_valid(body), (body, result)
    if response.status_code == 400:
        assert result["error"]["code"] == "bad_request"


@PROPS
@given(raw=st.one_of(st.binary(max_size=200), st.text(ANY_CHAR, max_size=200).map(
    lambda t: t.encode("utf-8", "surrogatepass"))))
def test_any_bytes_get_a_contract_answer(client, raw):
    assert_contract(send(client, raw))


@PROPS
@given(text=POST_TEXT, locale=st.sampled_from(["sv", "fi", "en"]),
       account=st.sampled_from(["personal", "official"]),
       now=st.sampled_from(["2026-11-24T10:30:00+02:00", "2026-11-24T20:00:00+02:00"]))
def test_finding_offsets_slice_the_excerpt_in_utf16(client, text, locale, account, now):
    raw = json.dumps({"text": text, "locale": locale, "account": account, "now": now},
                     ensure_ascii=True)
    response = send(client, raw)
    assert response.status_code == 200, response.get_data(as_text=True)
    result = assert_contract(response, text)     # includes the UTF-16 slice == excerpt check
    for f in result["findings"]:
        assert utf16_slice(text, f["start"], f["end"]) == f["excerpt"].encode("utf-16-le", "surrogatepass")


@PROPS
@given(prefix=st.lists(st.one_of(SPECIAL, FILLER), max_size=8).map("".join),
       word=st.sampled_from(["vittu", "fuck", "fucking", "vitun"]),
       suffix=st.lists(st.one_of(SPECIAL, FILLER), max_size=8).map("".join))
def test_a_strong_swear_word_is_found_at_its_utf16_offset(client, prefix, word, suffix):
    # a space keeps the word apart from whatever the fragments end or begin with
    text = prefix + " " + word + " " + suffix
    raw = json.dumps({"text": text, "now": "2026-11-24T20:00:00+02:00"}, ensure_ascii=True)
    result = assert_contract(send(client, raw), text)
    start = len((prefix + " ").encode("utf-16-le", "surrogatepass")) // 2
    assert result["verdict"] == "block"
    hits = [f for f in result["findings"] if f["category"] == "profanity" and f["severity"] == "block"
            and f["start"] <= start < f["end"]]
    assert hits, (text, result["findings"])


LONG_POST = st.lists(st.one_of(st.sampled_from(["kaupunki ", "staden ", "the city ", "och ", "ja ",
                                                "päättää ", "beslutar ", "vittu ", "fuck "]),
                               SPECIAL, FILLER), min_size=30, max_size=120).map("".join)


@PROPS
@given(text=LONG_POST, locale=st.sampled_from(["sv", "fi", "en"]))
def test_sentence_and_whole_post_rules_on_long_official_posts(client, text, locale):
    # official posts run the bilingual and readability rules, whose spans cover whole
    # sentences: emoji, control characters and lone surrogates end up inside excerpts
    raw = json.dumps({"text": text, "account": "official", "locale": locale,
                      "now": "2026-11-24T20:00:00+02:00"}, ensure_ascii=True)
    response = send(client, raw)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert_contract(response, text)
