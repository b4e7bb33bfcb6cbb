"""One check: prepare the text, run every rule that applies, assemble the API response."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from time import perf_counter
from typing import Any

from checker.kinds.base import Context, Request
from checker.languages import analyse
from checker.pack import Pack, Rule
from checker.text import Document

SEVERITY_RANK = {"info": 0, "warn": 1, "block": 2}


def _by_rule(token_keys: dict[int, frozenset[Hashable]]) -> dict[str, list[tuple[int, tuple]]]:
    grouped: dict[str, list[tuple[int, tuple]]] = defaultdict(list)
    for index, keys in token_keys.items():
        for key in keys:
            grouped[key[0]].append((index, key))
    return grouped


def _applies(rule: Rule, request: Request, present: set[str]) -> bool:
    return rule.when.admits(request) and (not rule.when.languages or bool(present & set(rule.when.languages)))


Found = tuple[Rule, int, int, "dict | None", "dict | None"]


def find(pack: Pack, request: Request) -> tuple[list[Found], Context]:
    """Every (rule, start, end, suggestion, message) in string indices, unsorted, and the
    context used; suggestion and message are None where the rule's own apply."""
    doc = Document(request.text)
    token_keys = pack.lexicon.scan(doc.tokens)
    ctx = Context(doc=doc, request=request, languages=analyse(doc), org=pack.org,
                  token_keys=token_keys, hits=_by_rule(token_keys),
                  joined_hits=_by_rule(pack.lexicon.scan(doc.joined_tokens)))
    present = ctx.languages.present()
    results = []
    for rule in pack.rules:
        if not _applies(rule, request, present):
            continue
        spans: dict[tuple[int, int], tuple[dict | None, dict | None]] = {}
        for match in rule.kind.find(ctx):
            spans.setdefault((match.start, match.end), (match.suggestion, match.message))
        for start, end, (suggestion, message) in _merged(spans):
            results.append((rule, start, end, suggestion, message))
    return results, ctx


def _merged(spans: dict[tuple[int, int], Any]) -> list[tuple[int, int, Any]]:
    """One span for each run of overlapping spans of the same rule: "Du ljuger" and
    "ljuger om" become "Du ljuger om". The post-wide span (0, 0) stays on its own."""
    merged: list[list] = []
    for (start, end) in sorted(spans):
        if merged and start < merged[-1][1] and end > start:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end, spans[(start, end)]])
    return [(start, end, suggestion) for start, end, suggestion in merged]


def _strongest_per_span(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Where rules of one category mark the same words, keep only the most severe."""
    best: dict[tuple[str, int, int], dict[str, Any]] = {}
    for f in findings:
        key = (f["category"], f["start"], f["end"])
        if key not in best or SEVERITY_RANK[f["severity"]] > SEVERITY_RANK[best[key]["severity"]]:
            best[key] = f
    return list(best.values())


def check(pack: Pack, request: Request) -> dict[str, Any]:
    """The API response body for a request (see shared/api-contract.md)."""
    began = perf_counter()
    results, ctx = find(pack, request)
    doc, locale = ctx.doc, request.locale
    findings = []
    for rule, start, end, suggestion, message in results:
        text = suggestion or rule.suggestion
        findings.append({
            "rule": rule.id,
            "category": rule.category,
            "severity": rule.severity,
            "message": (message or rule.message)[locale],
            "description": rule.description[locale],
            "guideline": rule.guideline,
            "start": doc.utf16(start),
            "end": doc.utf16(end),
            "excerpt": doc.text[start:end],
            "suggestion": text[locale] if text else None,
        })
    findings = _strongest_per_span(findings)
    findings.sort(key=lambda f: (f["start"], -SEVERITY_RANK[f["severity"]], f["end"], f["rule"]))
    verdict = max((f["severity"] for f in findings), key=SEVERITY_RANK.__getitem__, default="ok")
    return {
        "verdict": verdict,
        "findings": findings,
        "languages": [{"lang": lang, "share": share} for lang, share in ctx.languages.shares],
        "rules_version": pack.rules_version,
        "elapsed_ms": round((perf_counter() - began) * 1000, 3),
    }
