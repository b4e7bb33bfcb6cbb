"""Markdown documentation of a rule pack: every rule, grouped by category, in three languages.

    from checker.pack import load_pack
    from checker.ruledocs import render
    Path("docs/rules.md").write_text(render(load_pack()), encoding="utf-8")

The output depends only on the pack, so it can be regenerated and compared in a test.
"""

from __future__ import annotations

from checker.pack import Example, Pack, Rule, When
from checker.vocabulary import CATEGORIES, LOCALES

LANGUAGE_NAMES = {"fi": "suomi", "sv": "svenska", "en": "English"}
DEFAULT_NOW = "2026-11-24T18:00:00+02:00"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _conditions(when: When) -> str:
    parts = [f"{name}: {', '.join(values)}"
             for name in ("account", "role", "context", "platform", "languages", "attachments")
             if (values := getattr(when, name))]
    return "; ".join(parts) if parts else "always"


def _example(example: Example) -> str:
    req = example.request
    extras = []
    if req.account != "personal":
        extras.append(f"account {req.account}")
    if req.role != "staff":
        extras.append(f"role {req.role}")
    if req.context != "post":
        extras.append(f"context {req.context}")
    if req.platform != "other":
        extras.append(f"platform {req.platform}")
    if req.attachments:
        extras.append("attachments " + ", ".join(a.type for a in req.attachments))
    if req.now.isoformat() != DEFAULT_NOW:
        extras.append(f"now {req.now.isoformat()}")
    text = " ".join(req.text.split()).replace("`", "'")
    return f"`{text}`" + (f" ({'; '.join(extras)})" if extras else "")


def _rule(rule: Rule) -> list[str]:
    lines = [f"### `{rule.id}`", "",
             f"- category: `{rule.category}`",
             f"- severity: `{rule.severity}`",
             f"- guideline: {rule.guideline}",
             f"- conditions: {_conditions(rule.when)}",
             "",
             "| | description | message | suggestion |",
             "|---|---|---|---|"]
    for lang in LOCALES:
        suggestion = rule.suggestion[lang] if rule.suggestion else "–"
        lines.append(f"| {lang} | {_cell(rule.description[lang])} | {_cell(rule.message[lang])} "
                     f"| {_cell(suggestion)} |")
    lines += ["", "Flags:", ""]
    lines += [f"- {_example(e)}" for e in rule.flag]
    lines += ["", "Passes:", ""]
    lines += [f"- {_example(e)}" for e in rule.passes]
    lines.append("")
    return lines


def render(pack: Pack) -> str:
    """The pack's rules as one Markdown document, grouped by category in the API's order."""
    lines = [f"# Rules of the `{pack.name}` pack, version {pack.version}", "",
             "Generated from the rule pack by `checker.ruledocs.render`; do not edit by hand.",
             "Each rule lists its guideline, when it applies, its description, message and",
             "suggestion in Finnish, Swedish and English, and the examples it must flag and pass.", ""]
    by_category: dict[str, list[Rule]] = {}
    for rule in pack.rules:
        by_category.setdefault(rule.category, []).append(rule)
    order = [c for c in CATEGORIES if c in by_category]
    lines += ["| category | rules |", "|---|---|"]
    lines += [f"| {c} | {', '.join(f'`{r.id}`' for r in by_category[c])} |" for c in order]
    lines.append("")
    for category in order:
        lines += [f"## {category}", ""]
        for rule in sorted(by_category[category], key=lambda r: r.id):
            lines += _rule(rule)
    return "\n".join(lines).rstrip() + "\n"
