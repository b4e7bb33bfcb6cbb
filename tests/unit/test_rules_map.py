"""The response's `rules` map: each rule's texts built once per pack and locale, and never
those of another pack or locale."""

from __future__ import annotations

from dataclasses import replace

from checker import response
from checker.pack import load_pack
from checker.response import rules_map

PACK = load_pack()


def test_the_map_has_each_named_rule_in_the_locale_asked() -> None:
    rules = PACK.rules[:4]
    for locale in ("fi", "sv", "en"):
        made = rules_map(PACK, rules, locale)
        assert list(made) == [rule.id for rule in rules]
        for rule in rules:
            guideline = PACK.guidelines[rule.guideline]
            assert made[rule.id] == {
                "description": rule.description[locale],
                "suggestion": rule.suggestion[locale] if rule.suggestion else None,
                "guideline": {"id": guideline.id, "title": guideline.title[locale],
                              "text": guideline.text[locale]}}


def test_a_reloaded_pack_gets_its_own_texts() -> None:
    rule = PACK.rules[0]
    assert rules_map(PACK, [rule], "en")[rule.id]["description"] == rule.description["en"]
    changed = replace(rule, description={**rule.description, "en": "Changed on reload."})
    reloaded = replace(PACK, rules=[changed, *PACK.rules[1:]])
    assert rules_map(reloaded, [changed], "en")[rule.id]["description"] == "Changed on reload."
    assert rules_map(PACK, [rule], "en")[rule.id]["description"] == rule.description["en"]


def test_the_cache_stays_bounded(monkeypatch) -> None:
    monkeypatch.setattr(response, "_ENTRIES_LIMIT", 2)
    packs = [replace(PACK) for _ in range(5)]
    for pack in packs:
        rules_map(pack, pack.rules[:1], "sv")
        assert len(response._entries_cache) <= 2
