"""The rule-file format as a JSON Schema and as the kinds table of docs/rule-packs.md.

Both come from the kinds' parameter declarations (`Kind.parameters`), so they cannot
disagree with what the loader accepts. The schema ships in the bundled rules folder
(`rule-file.schema.json`) for editors that complete and check YAML (yaml-language-server).
"""

from __future__ import annotations

from typing import Any

from checker.extent import EXTENTS
from checker.kinds import KINDS
from checker.kinds.base import LANG_KEYS, Param
from checker.langid import LANGUAGES
from checker.pack.vocabulary import WHEN_CHOICES
from checker.vocabulary import CATEGORIES, LOCALES, SEVERITIES

_TEXTS = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
_PER_LANGUAGE = {"type": "object", "propertyNames": {"enum": list(LANG_KEYS)},
                 "additionalProperties": _TEXTS}


def _translations(what: str) -> dict[str, Any]:
    return {"type": "object", "description": f"{what}, in {', '.join(LOCALES)}",
            "properties": {lang: {"type": "string", "minLength": 1} for lang in LOCALES},
            "required": list(LOCALES), "additionalProperties": False}


def param_schema(param: Param) -> dict[str, Any]:
    """The JSON Schema of one kind parameter."""
    schema: dict[str, Any]
    if param.type == "number":
        schema = {"type": "number"}
        if param.minimum is not None:
            schema["minimum"] = param.minimum
        if param.maximum is not None:
            schema["maximum"] = param.maximum
    elif param.type == "text":
        schema = {"type": "string", **({"enum": list(param.choices)} if param.choices else {})}
    elif param.type == "texts":
        item = {"type": "string", **({"enum": list(param.choices)} if param.choices else {})}
        schema = {"anyOf": [item, {"type": "array", "items": item}]}
    elif param.type == "per_language":
        schema = dict(_PER_LANGUAGE)
    elif param.type == "number_per_language":
        schema = {"anyOf": [{"type": "number"},
                            {"type": "object", "propertyNames": {"enum": list(LANGUAGES)},
                             "additionalProperties": {"type": "number"}}]}
    elif param.type == "slots":
        schema = {"type": "object", "additionalProperties": _PER_LANGUAGE}
    else:
        raise ValueError(f"unknown parameter type {param.type!r}")
    schema["description"] = param.doc
    if param.default is not None:
        schema["default"] = param.default
    return schema


def rule_file_schema() -> dict[str, Any]:
    """The JSON Schema of a file under a pack's rules/ folder."""
    example = {"anyOf": [{"type": "string"}, {"type": "object", "required": ["text"],
                                               "properties": {"text": {"type": "string"}}}]}
    common: dict[str, Any] = {
        "id": {"type": "string", "pattern": r"^[a-z_]+\.[a-z0-9][a-z0-9-]*$",
               "description": "category.name; stable, clients use it to dismiss a finding"},
        "category": {"enum": list(CATEGORIES)},
        "severity": {"enum": list(SEVERITIES)},
        "guideline": {"type": "string", "description": "an id listed under guidelines: in pack.yaml"},
        "kind": {"enum": list(KINDS)},
        "extent": {"enum": list(EXTENTS), "default": "match",
                   "description": "how far a finding reaches: the words found, whole words, their clause, "
                                  "their sentence, or the pasted text a sentence introduces (block)"},
        "message": _translations("what is wrong here"),
        "description": _translations("why the rule exists: what the guideline asks"),
        "suggestion": _translations("what to do instead"),
        "when": {"type": "object", "additionalProperties": False,
                 "properties": {key: {"anyOf": [{"enum": list(values)},
                                                {"type": "array", "items": {"enum": list(values)}}]}
                                for key, values in WHEN_CHOICES.items()}},
        "examples": {"type": "object", "required": ["flag", "pass"], "additionalProperties": False,
                     "properties": {"flag": {"type": "array", "minItems": 1, "items": example},
                                    "pass": {"type": "array", "minItems": 1, "items": example}}},
    }
    by_kind = []
    for name, kind in KINDS.items():
        properties = {key: True for key in common}
        properties.update({p.name: param_schema(p) for p in kind.parameters})
        then: dict[str, Any] = {"properties": properties, "additionalProperties": False}
        required = [p.name for p in kind.parameters if p.required]
        if required:
            then["required"] = required
        by_kind.append({"if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
                        "then": then})
    rule = {"type": "object", "properties": common, "allOf": by_kind,
            "required": ["id", "category", "severity", "guideline", "kind", "message",
                         "description", "examples"]}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "SomeCheck rule file", "type": "object", "required": ["rules"],
            "additionalProperties": False,
            "properties": {"rules": {"type": "array", "items": rule}}}


def kinds_table() -> str:
    """The Markdown table of the kinds and their parameters."""
    lines = ["| kind | finds | parameters |", "|---|---|---|"]
    for name, kind in KINDS.items():
        params = "<br>".join(
            f"`{p.name}`{' (required)' if p.required else ''}: {p.doc}"
            + (f" ({', '.join(p.choices)})" if p.choices and p.type in ('text', 'texts') else "")
            + (f"; default {p.default:g}" if isinstance(p.default, (int, float)) else "")
            for p in kind.parameters)
        lines.append(f"| `{name}` | {kind.summary} | {params} |")
    return "\n".join(lines) + "\n"
