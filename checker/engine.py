"""One check: prepare the text, run every rule that applies, assemble the API response."""

from __future__ import annotations

import gc
import logging
import threading
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import replace
from time import perf_counter
from typing import Any

from checker.softened import softened
from checker.tails import placed
from checker.kinds.base import Context, Match
from checker.kinds.phrases import REST
from checker.langid import analyse
from checker.model import Request
from checker.pack import Pack, Rule
from checker.plan import Plan
from checker import regexsafe
from checker.regexsafe import Deadline, RegexTimeout
from checker.response import bounded, excerpt, rules_map
from checker.text import Document
from checker.vocabulary import SEVERITY_RANK

# Neighbouring matches of one rule separated by no more than this many characters of
# spaces and punctuation (no letters, digits, symbols or line breaks) become one finding,
NEIGHBOUR_GAP = 3
# as long as the finding stays at most this long (in characters).
MERGE_LIMIT = 200
# Requests checked together (`check_all`) hold at most this many characters of text at once:
# about 58 comments of 280 characters, enough to keep each rule's data in the processor's
# caches over a group, while a batch of 200 holds a few megabytes at most (a quarter of
# what one longest post takes).
TOGETHER_CHARS = 16_384
# Extents that mark a whole sentence: two findings of one category in one sentence are one thing said.
WHOLE_SENTENCE = ("sentence", "block")

Found = tuple[Rule, int, int, Any]     # (rule, start, end, (suggestion, message)) in string indices

log = logging.getLogger(__name__)
# The finding that replaces a rule whose regexes ran past the request's deadline.
TIMED_OUT = {
    "fi": "Tätä sääntöä ei ehditty tarkistaa: sen säännöllinen lauseke kesti liian kauan tällä "
          "tekstillä. Kerro ylläpitäjälle; muut säännöt on tarkistettu.",
    "sv": "Den här regeln hann inte kontrolleras: dess reguljära uttryck tog för lång tid med "
          "den här texten. Säg till administratören; de andra reglerna har kontrollerats.",
    "en": "This rule could not be checked in time: its regular expression took too long on this "
          "text. Tell your administrator; the other rules were checked.",
}


# The leading keys of a key set, by rule: key sets come from the lexicon's per-word cache,
# so the same set objects recur check after check and are sorted out once (bounded).
LEADS_LIMIT = 50_000
_leads: dict[frozenset, tuple[tuple[str, tuple], ...]] = {}


def _leads_of(keys: frozenset) -> tuple[tuple[str, tuple], ...]:
    leads = _leads.get(keys)
    if leads is None:
        leads = tuple((key[0], key) for key in keys if not key[0].endswith(REST))
        if len(_leads) >= LEADS_LIMIT:
            _leads.clear()
        _leads[keys] = leads
    return leads


def _by_rule(token_keys: dict[int, frozenset[Hashable]]) -> dict[str, list[tuple[int, tuple]]]:
    """The tokens each rule can start a match at. Keys for the later words of a phrase or
    pattern (owned by `rest_key(rule)`) are left out: rules look those up per token."""
    grouped: dict[str, list[tuple[int, tuple]]] = defaultdict(list)
    known = _leads.get
    for index, keys in token_keys.items():
        for owner, key in known(keys) or _leads_of(keys):
            grouped[owner].append((index, key))
    return dict(grouped)


PLANS_LIMIT = 64
_plans: dict[tuple, Plan] = {}


def _plan(pack: Pack, request: Request) -> Plan:
    """The rules whose request conditions (role, account, platform, context, attachments)
    admit the request, in pack order; worked out once per pack and request shape (bounded)."""
    shape = (id(pack), request.role, request.account, request.platform, request.context,
             tuple(sorted({a.type for a in request.attachments})))
    cached = _plans.get(shape)
    if cached is not None and cached.pack is pack:
        return cached
    regexsafe.refresh()          # a new pack's regexes are searched together from now on
    plan = Plan.build(pack, (rule for rule in pack.rules if rule.when.admits(request)))
    if len(_plans) >= PLANS_LIMIT:
        _plans.clear()
    _plans[shape] = plan
    return plan


def _each(function: Callable[[Any], Any], values: Sequence[Any], spent: list[float]) -> list[Any]:
    """function(value) for each value, adding the seconds each call took to `spent`."""
    out = []
    last = perf_counter()
    for number, value in enumerate(values):
        out.append(function(value))
        now = perf_counter()
        spent[number] += now - last
        last = now
    return out


def find(pack: Pack, request: Request) -> tuple[list[Found], Context]:
    """Every (rule, start, end, (suggestion, message)) in string indices, unsorted, and the
    context used; suggestion and message are None where the rule's own apply."""
    results, ctx, _ = find_all(pack, [request])[0]
    return results, ctx


def find_all(pack: Pack, requests: Sequence[Request]) -> list[tuple[list[Found], Context, float]]:
    """`find` for each request, and the seconds spent on it: the same findings as one request
    after another, worked out together: each step of preparing the texts (words, lexicon keys,
    languages) is taken for every text in turn, then each rule runs over every text in turn, so
    that the data of a step or a rule stays in the processor's caches while it does (a batch of
    comments takes about a quarter less time than one comment after another).

    A rule with regexes runs under its request's deadline, as if the request were checked
    alone: what the request's rules have taken so far counts against it."""
    spent = [0.0] * len(requests)
    docs = _each(lambda request: Document(request.text), requests, spent)
    token_keys = _each(lambda doc: pack.lexicon.scan(doc.tokens, doc.lower), docs, spent)
    hits = _each(_by_rule, token_keys, spent)
    joined_hits = _each(lambda doc: _by_rule(pack.lexicon.scan(doc.joined_tokens, doc.lower)), docs, spent)
    languages = _each(analyse, docs, spent)
    contexts = [Context(doc=doc, request=request, languages=langs, org=pack.org, token_keys=keys,
                        hits=found, joined_hits=joined)
                for doc, request, langs, keys, found, joined
                in zip(docs, requests, languages, token_keys, hits, joined_hits)]
    return list(zip(_run_rules(pack, contexts, spent), contexts, spent))


def _run_rules(pack: Pack, contexts: list[Context], spent: list[float]) -> list[list[Found]]:
    """The findings in each context, each rule run over every context in turn (pack order,
    so each context's findings come in the order `find` alone gives them); adds the seconds
    taken to `spent`."""
    ruled = [0.0] * len(contexts)                     # seconds in rules, against the deadline
    results: list[list[Found]] = [[] for _ in contexts]
    present = [ctx.languages.present() for ctx in contexts]
    groups: dict[int, tuple[Plan, list[int]]] = {}    # contexts with the same plan
    for number, ctx in enumerate(contexts):
        plan = _plan(pack, ctx.request)
        groups.setdefault(id(plan), (plan, []))[1].append(number)
    for plan, numbers in groups.values():
        woken = {number: plan.woken(contexts[number].token_keys) for number in numbers}
        for rule, languages, needs_hits, regexes, gated in plan.steps:
            rule_id, find_in = rule.id, rule.kind.find
            for number in numbers:
                ctx = contexts[number]
                if languages and present[number].isdisjoint(languages):
                    continue
                if needs_hits and rule_id not in ctx.joined_hits and (
                        rule_id not in ctx.hits or (gated and rule_id not in woken[number])):
                    if not regexes or regexes <= ctx.unmatched_regexes:
                        continue
                began = perf_counter()
                try:
                    if regexes:
                        with Deadline(regexsafe.DEFAULT_DEADLINE - ruled[number]):
                            spans = _spans(find_in(ctx))
                    else:
                        spans = _spans(find_in(ctx))
                except RegexTimeout:
                    log.warning("rule %s: its regex ran past the request's deadline and was stopped; "
                                "the post got a finding saying the rule was not checked", rule_id)
                    results[number].append((replace(rule, severity="info", message=TIMED_OUT,
                                                    description=TIMED_OUT, suggestion=None), 0, 0, (None, None)))
                    spans = {}
                if spans:
                    results[number] += [(rule, start, end, said) for start, end, said in _merged(spans, ctx.doc.text)]
                took = perf_counter() - began
                ruled[number] += took
                spent[number] += took
    return results


def _spans(matches: Iterable[Match]) -> dict[tuple[int, int], tuple[dict | None, dict | None]]:
    """Each place a rule fired, once, with the (suggestion, message) of its first match there."""
    spans: dict[tuple[int, int], tuple[dict | None, dict | None]] = {}
    for match in matches:
        spans.setdefault((match.start, match.end), (match.suggestion, match.message))
    return spans


def fired(pack: Pack, request: Request) -> dict[str, list[str]]:
    """Each rule that fires, with the words it marks, before findings that say the same
    thing are merged: what a rule's own examples are checked against."""
    results, ctx = find(pack, request)
    words: dict[str, list[str]] = defaultdict(list)
    for rule, start, end, _ in results:
        words[rule.id].append(ctx.doc.text[start:end])
    return dict(words)


def _merged(spans: dict[tuple[int, int], Any], text: str) -> list[tuple[int, int, Any]]:
    """One span for each run of overlapping or neighbouring spans of the same rule: "Du ljuger"
    and "ljuger om" become "Du ljuger om", "idiot, idiot!" one finding. Neighbours merge only
    when they carry the same suggestion. The post-wide span (0, 0) stays on its own."""
    merged: list[list] = []
    for (start, end) in sorted(spans):
        suggestion = spans[(start, end)]
        if merged and end > start and merged[-1][1] > merged[-1][0]:
            last = merged[-1]
            gap = text[last[1]:start]
            overlapping = start < last[1]
            neighbouring = (len(gap) <= NEIGHBOUR_GAP and suggestion == last[2]
                            and all(c in " \t" or unicodedata.category(c)[0] == "P" for c in gap)
                            and max(end, last[1]) - last[0] <= MERGE_LIMIT)
            if overlapping or neighbouring:
                last[1] = max(last[1], end)
                continue
        merged.append([start, end, suggestion])
    return [(start, end, suggestion) for start, end, suggestion in merged]


def _one_per_thing_said(results: list[Found], sentence_starts: Sequence[int] = ()) -> list[Found]:
    """Findings of one category whose words overlap say the same thing: keep one, the most
    severe (then the widest), over all their words. "Du är en jävla idiot" is one insult,
    not two; the swear word in it says another thing and stays. Findings of rules that mark
    a whole sentence (extent sentence or block) say one thing when they stand in the same
    sentence too: "Oss emellan så har vi fått fyra anbud ... lägsta är från Kotka" is one
    confidential matter, not a marker and a bid cut apart. Post-wide ones stay."""
    kept = [r for r in results if r[1] == r[2]]
    spans = sorted((r for r in results if r[1] < r[2]), key=lambda r: (r[0].category, r[1], -r[2]))

    def sentence(offset: int) -> int:
        return bisect_right(sentence_starts, offset)

    def same_thing(found: Found, group: list[Found]) -> bool:
        end = max(g[2] for g in group)
        if found[1] < end:
            return True
        return (bool(sentence_starts) and found[0].extent in WHOLE_SENTENCE
                and all(g[0].extent in WHOLE_SENTENCE for g in group) and sentence(found[1]) == sentence(end - 1))

    group: list[Found] = []
    for found in [*spans, None]:
        if group and (found is None or found[0].category != group[0][0].category or not same_thing(found, group)):
            rule, start, end, suggestion = max(
                group, key=lambda g: (SEVERITY_RANK[g[0].severity], g[2] - g[1], -g[1]))
            kept.append((rule, min(g[1] for g in group), max(g[2] for g in group), suggestion))
            group = []
        if found is not None:
            group.append(found)
    return kept


def check(pack: Pack, request: Request) -> dict[str, Any]:
    """The API response body for a request (see docs/api.md)."""
    return check_all(pack, [request])[0]


class _NoSweeps:
    """`with _NO_SWEEPS:` runs the block with the cyclic garbage collector off while any
    check runs (threads included); the last check to end turns it back on if it was on. A
    check makes no reference cycles (its objects are freed by reference counting as usual),
    but it makes enough objects to start collections that walk everything alive and find
    nothing: a tenth of a batch of 200 comments or of a longest post."""

    def __init__(self) -> None:
        self.running = 0                 # checks under way in this process
        self.was_enabled = False         # whether the collector was on before the first
        self.lock = threading.Lock()

    def __enter__(self) -> None:
        with self.lock:
            if not self.running:
                self.was_enabled = gc.isenabled()
                gc.disable()
            self.running += 1

    def __exit__(self, *_exc: object) -> None:
        with self.lock:
            self.running -= 1
            if not self.running and self.was_enabled:
                gc.enable()


_NO_SWEEPS = _NoSweeps()


def check_all(pack: Pack, requests: Sequence[Request]) -> list[dict[str, Any]]:
    """The response body for each request, in order: as `check` answers it, worked out
    together (`find_all`) a group of at most TOGETHER_CHARS characters of text at a time, so
    that a batch holds little in memory at once. The collector does not sweep meanwhile
    (`_NoSweeps`)."""
    responses: list[dict[str, Any]] = []
    group: list[Request] = []
    size = 0
    with _NO_SWEEPS:
        for request in [*requests, None]:
            if group and (request is None or size + len(request.text) > TOGETHER_CHARS):
                responses += [_response(pack, asked, *found) for asked, found in zip(group, find_all(pack, group))]
                group, size = [], 0
            if request is not None:
                group.append(request)
                size += len(request.text)
    return responses


def _response(pack: Pack, request: Request, results: list[Found], ctx: Context, spent: float) -> dict[str, Any]:
    """The response body for a request from its findings and the seconds spent finding them."""
    began = perf_counter()
    doc, locale = ctx.doc, request.locale
    findings = []
    starts = [start for start, _ in doc.sentences]
    said = softened(_one_per_thing_said(results, starts), ctx)
    for (rule, start, end, (suggestion, message)), core_start, core_end in placed(said, ctx):
        text = suggestion or rule.suggestion
        units = doc.span(start, end)
        findings.append({
            "rule": rule.id,
            "category": rule.category,
            "severity": rule.severity,
            "message": (message or rule.message)[locale],
            "guideline": rule.guideline,
            "start": units[0],
            "end": units[1],
            "excerpt": excerpt(doc, start, end),
            "core": excerpt(doc, core_start, core_end),
            "suggestion": text[locale] if text else None,
        })
    findings.sort(key=lambda f: (f["start"], -SEVERITY_RANK[f["severity"]], f["end"], f["rule"]))
    verdict = max((f["severity"] for f in findings), key=SEVERITY_RANK.__getitem__, default="ok")
    fired = {f["rule"] for f in findings}
    findings, omitted = bounded(findings)
    return {
        "verdict": verdict,
        "findings": findings,
        "rules": rules_map(pack, [r for r in pack.rules if r.id in fired], locale) if fired else {},
        "omitted": omitted,
        "languages": [{"lang": lang, "share": share} for lang, share in ctx.languages.shares],
        "rules_version": pack.rules_version,
        "elapsed_ms": round((spent + perf_counter() - began) * 1000, 3),
    }
