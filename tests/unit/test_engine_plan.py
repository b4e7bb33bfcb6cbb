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
from checker.plan import common_words
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


def test_a_rule_its_triggers_do_not_wake_would_not_have_fired() -> None:
    """Every rule the plan gates by triggers (`Kind.requirements`), run anyway on every
    example and corpus text: whenever it fires, a trigger of it stands in the text or the
    RE2 set does not rule all its regexes out; and the gate does keep rules asleep."""
    plan = engine._plan(PACK, Request(text="x", now=NOW))
    gated = [step.rule for step in plan.steps if step.gated]
    assert len(gated) > 50
    fired = slept = 0
    for request in _texts():
        ctx = _context(request)
        woken = plan.woken(ctx.token_keys)
        for rule in gated:
            slept += rule.id in ctx.hits and rule.id not in woken
            if any(True for _ in rule.kind.find(ctx)):
                fired += 1
                assert (rule.id in woken and rule.id in ctx.hits) or rule.id in ctx.joined_hits or \
                    not rule.kind.regex_serials() <= ctx.unmatched_regexes, (rule.id, request.text)
    assert fired > 100 and slept > 1000


def test_a_way_is_woken_by_its_rarest_key_set() -> None:
    """"{you} {lie}" is woken by a word of {lie}, not by every "you"."""
    plan = engine._plan(PACK, Request(text="x", now=NOW))
    common = common_words().keys() & {"you", "on", "är", "the", "och", "ja"}
    assert len(common) == 6
    woken = set().union(*(plan.woken({0: PACK.lexicon.keys_for(word)}) for word in common))
    assert not woken & {"accusation.lying", "accusation.called", "insult.aimed"}


@pytest.mark.parametrize("shape", [
    {}, {"context": "comment", "role": "admin", "account": "official", "platform": "facebook"},
    {"platform": "instagram", "attachments": (Attachment(type="image"),)},
    {"account": "official", "context": "reply"},
])
def test_the_plan_holds_exactly_the_rules_the_request_admits(shape: dict) -> None:
    request = Request(text="x", now=NOW, **shape)
    assert [step.rule.id for step in _plan(PACK, request).steps] == \
        [rule.id for rule in PACK.rules if rule.when.admits(request)]


def test_a_reloaded_pack_gets_its_own_plan() -> None:
    request = Request(text="x", now=NOW)
    first = _plan(PACK, request)
    other = replace(PACK, rules=PACK.rules[:3])
    assert [s.rule.id for s in _plan(other, request).steps] == [r.id for r in PACK.rules[:3] if r.when.admits(request)]
    assert _plan(PACK, request) is first


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


def _without_time(response: dict) -> dict:
    return {key: value for key, value in response.items() if key != "elapsed_ms"}


def test_requests_checked_together_get_what_each_gets_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """check_all over texts of several request shapes (several plans), in groups cut by size,
    answers each request exactly as check does, in order."""
    monkeypatch.setattr(engine, "TOGETHER_CHARS", 2_000)      # many groups, and texts longer than one
    shapes = [{}, {"context": "comment", "role": "admin", "account": "official", "platform": "facebook"},
              {"platform": "instagram", "attachments": (Attachment(type="image"),)}]
    requests = [replace(request, **shapes[number % 3]) for number, request in enumerate(_texts()[:300])]
    requests.append(Request(text="Du ljuger. " * 400, now=NOW))               # alone over the limit
    together = engine.check_all(PACK, requests)
    assert len(together) == len(requests)
    assert [_without_time(r) for r in together] == [_without_time(engine.check(PACK, q)) for q in requests]
    assert all(r["elapsed_ms"] >= 0 for r in together)
    assert engine.check_all(PACK, []) == []


def test_a_request_checked_together_with_others_keeps_its_own_regex_deadline(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The deadline counts what a request's own rules have taken: a slow neighbour in the
    batch does not make the regexes of the others late."""
    from checker import regexsafe
    monkeypatch.setattr(regexsafe, "DEFAULT_DEADLINE", 0.3)
    slow = PACK.rules[0]                      # runs first, on every text
    assert not slow.kind.regex_serials()
    real = slow.kind.find

    def sleepy(ctx: Context):
        if ctx.request.text.startswith("slow"):
            import time
            time.sleep(0.35)
        return real(ctx)

    monkeypatch.setattr(slow.kind, "find", sleepy)
    texts = ["slow: he is on the developer's payroll", "He is on the developer's payroll",
             "Councillor Smith is on the developer's payroll", "slow: she is on the developer's payroll"]
    responses = engine.check_all(PACK, [Request(text=t, locale="en", now=NOW) for t in texts])
    for text, response in zip(texts, responses):
        late = [f for f in response["findings"] if "could not be checked in time" in f["message"]]
        assert bool(late) == text.startswith("slow"), (text, late)


def test_the_collector_is_off_during_checks_and_back_on_after():
    """A check runs with the cyclic collector off (`_NoSweeps`) and leaves it as it found it,
    also when checks overlap in threads and when a check fails."""
    import gc
    import threading

    seen = []
    original = engine.find_all

    def spying(pack, requests):
        seen.append(gc.isenabled())
        return original(pack, requests)

    request = Request(text="Du är en idiot.", now=NOW)
    assert gc.isenabled()
    engine.find_all = spying
    try:
        engine.check(PACK, request)
        threads = [threading.Thread(target=engine.check_all, args=(PACK, [request] * 20)) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with pytest.raises(TypeError):
            engine.check(PACK, replace(request, text=None))
    finally:
        engine.find_all = original
    assert seen and not any(seen)
    assert gc.isenabled()
    gc.disable()
    try:
        engine.check(PACK, request)
        assert not gc.isenabled()          # off before, off after
    finally:
        gc.enable()
