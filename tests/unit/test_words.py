"""The words people read: every user-facing text follows docs/glossary.md, and the product
passes its own rules.

User-facing texts are every `message` in the extension's `_locales` (the options page and
the popup take their words from there) and, in the bundled pack, every rule's message,
description and suggestion and every guideline title and text in pack.yaml.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from checker.engine import find
from checker.kinds.base import Request
from checker.pack import bundled_pack_path, load_pack
from checker.yamlload import load_yaml

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"
LOCALES = ROOT / "extension" / "_locales"
LANGS = ("fi", "sv", "en")
MOTTO = {"fi": "Jos epäröit, älä julkaise", "sv": "Om du tvekar, publicera inte",
         "en": "If in doubt, don't publish"}

# The rules a product that asks for plain, courteous words must pass itself: heavy
# language, swearing, name-calling and slurs.
OWN_CATEGORIES = ("plain_language", "profanity", "insult")
OWN_RULES = ("hate.slur",)
# Words that belong in a YAML comment, not in a description: word-list names, what the
# rule does not fire on, and examples in parentheses.
MAINTAINER_TALK = re.compile(r"better-profanity|word list|sanalista|ordlista|laukaise|utlöser"
                             r"|\bdo(es)? not fire\b|\(")
# A text may name what it warns about only where that is its job: the officialese
# suggestion shows which heavy words to replace.
MAY_QUOTE = {("rule plain_language.officialese suggestion", "plain_language.officialese"),
             # The welcome page's sample post shows what a mark looks like: it must hold a swear word.
             ("_locales/fi welcome_sample_text", "profanity.strong"),
             ("_locales/sv welcome_sample_text", "profanity.strong"),
             ("_locales/en welcome_sample_text", "profanity.mild")}


def user_texts() -> list[tuple[str, str, str]]:
    """Every user-facing text as (language, where, text)."""
    texts = []
    for lang in LANGS:
        messages = json.loads((LOCALES / lang / "messages.json").read_text(encoding="utf-8"))
        texts += [(lang, f"_locales/{lang} {key}", entry["message"]) for key, entry in messages.items()]
    pack = load_pack()
    for rule in pack.rules:
        for field in ("message", "description", "suggestion"):
            for lang, text in (getattr(rule, field) or {}).items():
                texts.append((lang, f"rule {rule.id} {field}", text))
    meta = load_yaml(bundled_pack_path() / "pack.yaml")
    for code, guideline in (meta.get("guidelines") or {}).items():
        for field in ("title", "text"):
            for lang, text in (guideline.get(field) or {}).items():
                texts.append((lang, f"pack.yaml guideline {code} {field}", text))
    return texts


def avoided() -> dict[str, list[tuple[re.Pattern[str], str]]]:
    """The glossary's avoid entries per language: (pattern, the table row it comes from)."""
    found: dict[str, list[tuple[re.Pattern[str], str]]] = {lang: [] for lang in LANGS}
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|") or line.startswith("|---"):
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        for lang, pattern in re.findall(r"`(fi|sv|en|all): (.+?)`", cells[-1]):
            compiled = re.compile(r"(?<!\w)(?:" + pattern + ")", re.IGNORECASE)
            for target in (LANGS if lang == "all" else (lang,)):
                found[target].append((compiled, cells[0]))
    return found


TEXTS = user_texts()
AVOIDED = avoided()


def test_the_texts_and_the_glossary_are_there() -> None:
    assert len(TEXTS) > 400
    assert all(len(AVOIDED[lang]) >= 15 for lang in LANGS), {k: len(v) for k, v in AVOIDED.items()}


@pytest.mark.parametrize("lang", LANGS)
def test_every_user_text_keeps_to_the_glossary(lang) -> None:
    wrong = [f"{where}: {match.group(0)!r} (glossary: {row}) in {text!r}"
             for text_lang, where, text in TEXTS if text_lang == lang
             for pattern, row in AVOIDED[lang]
             for match in [pattern.search(text)] if match]
    assert not wrong, "\n".join(wrong)


def test_the_avoid_lists_catch_the_old_wordings() -> None:
    old = {"sv": ["Riktlinje G5", "Om du är osäker, publicera inte", "Granskningstjänsten är nåbar",
                  "Svar på hens språk", "Anvisningen förbjuder anklagelser (G5)"],
           "fi": ["Jos epäilet, älä julkaise", "Käyttötunniste", "SomeCheck: $1 tarkistettavaa",
                  "Virkakieltä. Kirjoita niin kuin puhuisit", "Käytä hyvää arkikieltä (C4)"],
           "en": ["This text goes against the city's guidelines", "Elected official (trustee)",
                  "report it to the audit committee", "Write as you would say it"]}
    for lang, samples in old.items():
        for sample in samples:
            assert any(p.search(sample) for p, _ in AVOIDED[lang]), f"{lang}: {sample!r} passes the glossary"


@pytest.mark.parametrize("lang", LANGS)
def test_one_motto_per_language(lang) -> None:
    messages = json.loads((LOCALES / lang / "messages.json").read_text(encoding="utf-8"))
    assert messages["dialog_title"]["message"] == MOTTO[lang]
    assert MOTTO[lang] in GLOSSARY.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_the_product_passes_its_own_rules(lang) -> None:
    """Heavy language, swearing, name-calling and slurs found by the bundled pack, run as
    if each text were a post on the city's official account (where the plain-language
    rules apply), in the text's own language."""
    pack = load_pack()
    now = datetime(2026, 11, 25, 18, 0, tzinfo=timezone.utc)
    flagged = []
    for text_lang, where, text in TEXTS:
        if text_lang != lang:
            continue
        request = Request(text=text, now=now, account="official", locale=lang)
        results, _ = find(pack, request)
        for rule, start, end, _suggestion in results:
            if (rule.category in OWN_CATEGORIES or rule.id in OWN_RULES) \
                    and (where, rule.id) not in MAY_QUOTE:
                flagged.append(f"{where}: {rule.id} flags {text[start:end] or text!r}")
    assert not flagged, "\n".join(flagged)


def test_descriptions_are_short_and_for_readers() -> None:
    """One or two short sentences; no word-list names, test talk or guideline codes."""
    for rule in load_pack().rules:
        for lang, text in rule.description.items():
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
            assert 1 <= len(sentences) <= 2, f"{rule.id} {lang}: {text!r}"
            assert len(text) <= 240, f"{rule.id} {lang}: {len(text)} characters"
            assert not MAINTAINER_TALK.search(text), f"{rule.id} {lang}: {text!r}"


def test_accusation_advice_points_to_the_organizations_own_channel() -> None:
    """The accusation rules send people where the pack says (the police in the bundled pack,
    the organization's reporting channel where it has one), never to a fixed body."""
    bundled = {r.id: r for r in load_pack().rules}
    org = {r.id: r for r in load_pack([ROOT / "docs" / "examples" / "org-pack"]).rules}
    for rule_id in ("accusation.fraud-crime", "accusation.deed"):
        assert "poliisille" in bundled[rule_id].message["fi"]
        assert "polisen" in bundled[rule_id].message["sv"]
        assert "kunnan ilmoituskanavaan" in org[rule_id].message["fi"]
        assert "visselblåsarkanal" in org[rule_id].message["sv"]
        assert "reporting channel" in org[rule_id].message["en"]
