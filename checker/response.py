"""What a response may hold: the rules map and the bounds that keep a response small.

A finding names its rule; the rule's description, default suggestion and guideline are
given once per response in the `rules` map instead of once per finding. However long and
however offensive a post, a response carries at most `MAX_PER_RULE` findings of one rule,
`MAX_FINDINGS` in all and excerpts of at most `MAX_EXCERPT` UTF-16 code units; what was
left out is counted per rule in `omitted` (docs/api.md, "Bounds").
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from checker.pack import Pack, Rule
from checker.text import Document
from checker.vocabulary import SEVERITY_RANK

MAX_PER_RULE = 20
MAX_FINDINGS = 200
MAX_EXCERPT = 200


def excerpt(doc: Document, start: int, end: int) -> str:
    """The words of a span as sent (disguises and all, text.Document.span), cut to their first
    MAX_EXCERPT UTF-16 code units, never between the two halves of a surrogate pair."""
    words = doc.span(start, end)[2]
    units = words.encode("utf-16-le", "surrogatepass")
    if len(units) <= 2 * MAX_EXCERPT:
        return words
    cut = 2 * MAX_EXCERPT
    if 0xD800 <= int.from_bytes(units[cut - 2:cut], "little") <= 0xDBFF:     # a high surrogate
        cut -= 2
    return units[:cut].decode("utf-16-le", "surrogatepass")


def bounded(findings: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Findings (in response order) cut to the bounds, and how many were left out per rule.

    The first MAX_PER_RULE of each rule stay; when more than MAX_FINDINGS remain, the most
    severe stay, earlier before later."""
    if not findings:
        return [], {}
    seen: Counter[str] = Counter()
    kept = []
    for f in findings:
        seen[f["rule"]] += 1
        if seen[f["rule"]] <= MAX_PER_RULE:
            kept.append(f)
    if len(kept) > MAX_FINDINGS:
        ranked = sorted(range(len(kept)), key=lambda i: (-SEVERITY_RANK[kept[i]["severity"]], i))
        chosen = sorted(ranked[:MAX_FINDINGS])
        kept = [kept[i] for i in chosen]
    shown = Counter(f["rule"] for f in kept)
    omitted = {rule: count - shown[rule] for rule, count in seen.items() if count > shown[rule]}
    return kept, dict(sorted(omitted.items()))


def rules_map(pack: Pack, rules: list[Rule], locale: str) -> dict[str, dict[str, Any]]:
    """The texts of each rule, in one locale: {id: {description, suggestion, guideline}}.

    Each rule's entry is built once per pack and locale and shared by every response that
    names the rule (a batch names the same rules again and again); responses only read it."""
    entries = _entries(pack, locale)
    return {rule.id: entries[rule.id] for rule in rules}


_ENTRIES_LIMIT = 16
_entries_cache: dict[tuple[int, str], tuple[Pack, dict[str, dict[str, Any]]]] = {}


def _entries(pack: Pack, locale: str) -> dict[str, dict[str, Any]]:
    cached = _entries_cache.get((id(pack), locale))
    if cached is not None and cached[0] is pack:
        return cached[1]
    entries = {}
    for rule in pack.rules:
        guideline = pack.guidelines[rule.guideline]
        entries[rule.id] = {
            "description": rule.description[locale],
            "suggestion": rule.suggestion[locale] if rule.suggestion else None,
            "guideline": {"id": guideline.id, "title": guideline.title[locale],
                          "text": guideline.text[locale]},
        }
    if len(_entries_cache) >= _ENTRIES_LIMIT:
        _entries_cache.clear()
    _entries_cache[(id(pack), locale)] = (pack, entries)
    return entries


def pack_listing(pack: Pack) -> dict[str, Any]:
    """GET /v1/rules and `somecheck rules list --format json`: every rule and guideline."""
    return {
        "rules_version": pack.rules_version,
        "rules": [{"id": r.id, "category": r.category, "severity": r.severity,
                   "guideline": r.guideline, "description": r.description,
                   "message": r.message} for r in pack.rules],
        "guidelines": {g.id: {"title": g.title, "text": g.text} for g in pack.guidelines.values()},
    }
