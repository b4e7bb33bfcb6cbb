"""What the engine works out once and reuses: the rules that apply to a request's shape, the
rules skipped on a post without any of their words, and the per-key-set leads. None of it may
change a finding."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest
from checker import engine
from checker.engine import _by_rule, _plan, find
from checker.kinds.base import Context
from checker.langid import analyse
from checker.model import Attachment, Request
from checker.pack import load_pack
from checker.text import Document
from tests.corpus.evaluate import load_items, request_for

PACK = load_pack()
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)


def _texts() -> list[Request]:
    requests = [example.request for rule in PACK.rules for example in (*rule.flag, *rule.passes)]
    return requests + [request_for(item) for item in load_items()]


def _context(request: Request) -> Context:
    doc = Document(request.text)
    keys = PACK.lexicon.scan(doc.tokens)
    return Context(doc, request, analyse(doc), PACK.org, keys, _by_rule(keys),
                   _by_rule(PACK.lexicon.scan(doc.joined_tokens)))


def test_a_rule_skipped_for_want_of_its_words_would_not_have_fired() -> None:
    """Every rule that says it needs its words (or its regexes), run anyway on every example
    and corpus text: whenever it fires, one of its words stands in the text or the RE2 set
    does not rule all its regexes out."""
    skippers = [rule for rule in PACK.rules if rule.kind.needs_hits()]
    assert skippers and any(not rule.kind.needs_hits() for rule in PACK.rules)
    assert any(rule.kind.regex_serials() for rule in skippers)
    fired = by_regex = 0
    engine._plan(PACK, Request(text="x", now=NOW))        # the pack's regexes searched together
    for request in _texts():
        ctx = _context(request)
        for rule in skippers:
            if any(True for _ in rule.kind.find(ctx)):
                fired += 1
                words = rule.id in ctx.hits or rule.id in ctx.joined_hits
                assert words or not rule.kind.regex_serials() <= ctx.unmatched_regexes, (rule.id, request.text)
                by_regex += not words
    assert fired > 100 and by_regex > 10       # the texts do exercise these rules, words and regexes


@pytest.mark.parametrize("shape", [
    {}, {"context": "comment", "role": "admin", "account": "official", "platform": "facebook"},
    {"platform": "instagram", "attachments": (Attachment(type="image"),)},
    {"account": "official", "context": "reply"},
])
def test_the_plan_holds_exactly_the_rules_the_request_admits(shape: dict) -> None:
    request = Request(text="x", now=NOW, **shape)
    assert [step.rule.id for step in _plan(PACK, request)] == \
        [rule.id for rule in PACK.rules if rule.when.admits(request)]


def test_a_reloaded_pack_gets_its_own_plan() -> None:
    request = Request(text="x", now=NOW)
    first = _plan(PACK, request)
    other = replace(PACK, rules=PACK.rules[:3])
    assert [s.rule.id for s in _plan(other, request)] == [r.id for r in PACK.rules[:3] if r.when.admits(request)]
    assert _plan(PACK, request) == first


def test_the_caches_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "PLANS_LIMIT", 3)
    monkeypatch.setattr(engine, "LEADS_LIMIT", 5)
    engine._leads.clear()
    for platform in ("facebook", "instagram", "x", "other"):
        for context in ("post", "comment", "reply"):
            _plan(PACK, Request(text="x", now=NOW, platform=platform, context=context))
            assert len(engine._plans) <= 3
    find(PACK, Request(text="Du ljuger, din idiot. Vitun paska. You are lying, you idiot.", now=NOW))
    assert len(engine._leads) <= 5


def test_findings_do_not_depend_on_the_order_requests_come_in() -> None:
    requests = _texts()[:150]
    first = [sorted((r.id, s, e) for r, s, e, _ in find(PACK, q)[0]) for q in requests]
    engine._plans.clear()
    engine._leads.clear()
    again = [sorted((r.id, s, e) for r, s, e, _ in find(PACK, q)[0]) for q in reversed(requests)]
    assert first == list(reversed(again))
