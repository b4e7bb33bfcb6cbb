"""Compiling a read pack: every field of every rule checked, kinds built, examples parsed.

Each problem is reported with the file and line it comes from, all of them at once.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from checker.body import BadRequest, parse_check
from checker.extent import EXTENTS
from checker.kinds import KINDS
from checker.kinds.base import Build, Params, RuleError
from checker.lexicon import Lexicon
from checker.model import Hours, Organization, Request
from checker.pack.layering import Layer, RawRule
from checker.pack.model import Example, Guideline, Pack, PackError, Problem, Rule, When
from checker.pack.vocabulary import (COMMON_KEYS, ORGANIZATION_KEYS, RULE_ID_RE, WEEKDAYS,
                                     WHEN_CHOICES)
from checker.vocabulary import CATEGORIES, LOCALES, PLATFORMS, SEVERITIES
from checker.yamlload import line_of


def compile_pack(layer: Layer, problems: list[Problem]) -> Pack:
    """Compile what was read; raise PackError with these and every new problem, if any."""
    lexicon = Lexicon()
    org = _organization(layer.org, problems)
    rules = []
    for rule_id, raw in layer.rules.items():
        try:
            rules.append(_compile_rule(rule_id, raw, lexicon, org, layer.guidelines))
        except RuleError as exc:
            problems.append(Problem(raw.path, exc.line, f"rule {rule_id!r}: {exc.reason}"))
    if problems:
        raise PackError(problems)
    lexicon.freeze()
    digest = hashlib.sha1()
    for path in layer.files:
        digest.update(path.read_bytes())
    return Pack(name=layer.name, version=layer.version,
                rules_version=f"{layer.name}-{layer.version}-{digest.hexdigest()[:7]}",
                rules=rules, lexicon=lexicon, org=org, default_locale=layer.default_locale,
                guidelines=dict(layer.guidelines), files=list(layer.files))


def _compile_rule(rule_id: str, raw: RawRule, lexicon: Lexicon, org: Organization,
                  guidelines: dict[str, Guideline]) -> Rule:
    data = raw.data
    params = Params(data)
    match = RULE_ID_RE.match(rule_id)
    if not match:
        raise params.error("id", "the id must look like 'category.name' (lower case, digits, dashes)")
    category = params.text("category", choices=CATEGORIES)
    if match.group(1) != category:
        raise params.error("id", f"the id must begin with its category: '{category}.…'")
    severity = params.text("severity", choices=SEVERITIES)
    guideline = params.text("guideline")
    if guideline not in guidelines:
        known = ", ".join(guidelines) or "none: add them under 'guidelines:' in pack.yaml"
        raise params.error("guideline", f"'guideline' is {guideline!r}, which pack.yaml does not "
                           f"list; its guidelines: {known}")
    kind_name = params.text("kind", choices=tuple(KINDS))
    kind_class = KINDS[kind_name]
    names = kind_class.parameter_names()
    for key in data:
        if key not in COMMON_KEYS and key not in names:
            raise params.error(key, f"unknown key {key!r} for a rule of kind {kind_name} "
                               f"(its parameters: {', '.join(sorted(names)) or 'none'})")
    for param in kind_class.parameters:
        if param.name not in data:
            if param.required:
                raise params.error(None, f"a rule of kind {kind_name} needs '{param.name}': {param.doc}")
            continue
        problem = param.problem(data[param.name])
        if problem:
            reason, line = problem
            raise RuleError(line or params.line(param.name), reason)
    message = _translations(params, "message", org)
    description = _translations(params, "description", org)
    suggestion = _translations(params, "suggestion", org) if params.has("suggestion") else None
    when = _when(params)
    flag, passes = _examples(params)
    extent = params.text("extent", "match", choices=EXTENTS)
    kind = kind_class(params, Build(lexicon, org, rule_id))
    return Rule(rule_id, category, severity, guideline, message, description, suggestion, when,
                kind, flag, passes, raw.path, data.line, extent)


def _translations(params: Params, key: str, org: Organization) -> dict[str, str]:
    """A text in every locale, with the placeholders of ORG_PLACEHOLDERS ({organization.name},
    ...) filled in from the pack's organization settings."""
    value = params.raw(key)
    if not isinstance(value, dict):
        raise params.error(key, f"'{key}' must give the text in {', '.join(LOCALES)}")
    missing = [lang for lang in LOCALES if not isinstance(value.get(lang), str) or not value[lang].strip()]
    if missing:
        raise params.error(key, f"'{key}' lacks a translation for {', '.join(missing)}")
    extra = [lang for lang in value if lang not in LOCALES]
    if extra:
        raise params.error(key, f"'{key}' has unknown language {extra[0]!r}")
    texts = {}
    for lang in LOCALES:
        try:
            texts[lang] = PLACEHOLDER_RE.sub(lambda m: _org_value(org, m.group(1), lang), value[lang].strip())
        except KeyError as exc:
            raise RuleError(line_of(value, lang), f"'{key}.{lang}' has the placeholder "
                            f"{{organization.{exc.args[0]}}}; known: " + ", ".join(
                                f"{{organization.{k}}}" for k in ORG_PLACEHOLDERS)) from exc
    return texts


ORG_PLACEHOLDERS = ("name", "report_wrongdoing", "email_domains", "phone_numbers")


def _org_value(org: Organization, key: str, lang: str) -> str:
    """The text a placeholder stands for; KeyError for one that does not exist."""
    if key in ("name", "report_wrongdoing"):
        texts = getattr(org, key)
        return texts.get(lang) or next(iter(texts.values()), "")
    if key in ORG_PLACEHOLDERS:
        return ", ".join(getattr(org, key))
    raise KeyError(key)


def _when(params: Params) -> When:
    value = params.raw("when", {}) or {}
    if not isinstance(value, dict):
        raise params.error("when", "'when' must map conditions (role, account, ...) to lists")
    sub = Params(value)
    fields = {}
    for key in value:
        if key not in WHEN_CHOICES:
            raise sub.error(key, f"unknown condition {key!r}; known: {', '.join(WHEN_CHOICES)}")
        fields[key] = tuple(sub.strings(key, choices=WHEN_CHOICES[key]))
    return When(**fields)


EXAMPLE_FIELDS = {"text", "platform", "account", "role", "context", "attachments", "now", "locale"}
# Examples without `now` are checked at this moment: a Tuesday evening, outside working hours.
EXAMPLE_NOW = datetime.fromisoformat("2026-11-24T18:00:00+02:00")


def _examples(params: Params) -> tuple[list[Example], list[Example]]:
    value = params.raw("examples")
    if not isinstance(value, dict):
        raise params.error("examples", "'examples' with 'flag' and 'pass' lists is required: "
                           "texts the rule must flag and texts it must let pass")
    result = []
    for key in ("flag", "pass"):
        items = value.get(key)
        if not isinstance(items, list) or not items:
            raise RuleError(line_of(value, key), f"'examples.{key}' must be a non-empty list")
        examples = []
        for line, item in zip(items.item_lines, items):
            if isinstance(item, str):
                item = {"text": item}
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise RuleError(line, "an example must be a text or a mapping with 'text'")
            unknown = set(item) - EXAMPLE_FIELDS
            if unknown:
                raise RuleError(line, f"unknown example field {sorted(unknown)[0]!r}")
            examples.append(Example(example_request(item, line), line))
        result.append(examples)
    return result[0], result[1]


DOMAIN_RE = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
PHONE_PREFIX_RE = re.compile(r"^\+?[0-9](?:[ ()-]?[0-9]){2,14}$")
PLACEHOLDER_RE = re.compile(r"\{organization\.([a-z_]+)\}")
IBAN_RE = re.compile(r"^[a-z]{2}[0-9]{2}(?: ?[a-z0-9]){11,32}$")


def _organization(raw: dict[str, Any], problems: list[Problem]) -> Organization:
    lines = raw.get("_lines", {})

    def where(key: str) -> tuple[Path, int]:
        return lines.get(key, (Path("pack.yaml"), 0))

    def fail(key: str, reason: str) -> None:
        path, line = where(key)
        problems.append(Problem(path, line, f"organization.{key}: {reason}"))

    values: dict[str, Any] = {}
    for key in raw:
        if key != "_lines" and key not in ORGANIZATION_KEYS:
            fail(key, f"unknown setting; known: {', '.join(sorted(ORGANIZATION_KEYS))}")
    for key, what in (("name", "the name"), ("report_wrongdoing", "one sentence")):
        texts = raw.get(key, {})
        if not isinstance(texts, dict):
            fail(key, f"must give {what} in sv, fi and en")
        else:
            values[key] = {k: str(v) for k, v in texts.items()}
    for key, valid, what in (("email_domains", DOMAIN_RE, "a domain like example.fi (no https://, "
                              "www path or @)"),
                             ("phone_numbers", PHONE_PREFIX_RE, "a phone number prefix in international "
                              "form, like \"+358 19 220\""),
                             ("ibans", IBAN_RE, "an IBAN like \"FI21 1234 5600 0007 85\"")):
        items = raw.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, (str, int)) for i in items):
            fail(key, "must be a list of texts")
            continue
        cleaned = tuple(str(i).lower().strip() for i in items)
        wrong = [item for item in cleaned if not valid.match(item)]
        if wrong:
            fail(key, f"{wrong[0]!r} is not {what}")
        values[key] = cleaned
    for key in ("officials", "titles"):      # the person-name signal (checker/names.py)
        items = raw.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            fail(key, "must be a list of texts" + (" like \"Anna Virtanen\"" if key == "officials"
                                                   else " like \"kaupunginjohtaja*\""))
            continue
        values[key] = tuple(" ".join(i.lower().split()) for i in items)
    timezone = raw.get("timezone", "Europe/Helsinki")
    try:
        from zoneinfo import ZoneInfo
        ZoneInfo(str(timezone))
        values["timezone"] = str(timezone)
    except Exception:  # noqa: BLE001 - any failure means an unknown zone
        fail("timezone", f"unknown time zone {timezone!r} (use names like Europe/Helsinki)")
    for key in ("working_hours", "response_hours"):
        if key in raw:
            hours = _hours(raw[key])
            if isinstance(hours, str):
                fail(key, hours)
            else:
                values[key] = hours
    return Organization(**values)


def _hours(value: Any) -> Hours | str:
    """Parse {days: [mon, ...], start: "08:00", end: "16:00"}; a text explains a problem."""
    if not isinstance(value, dict):
        return "must be a mapping with days, start and end"
    days = value.get("days", ["mon", "tue", "wed", "thu", "fri"])
    if not isinstance(days, list) or any(d not in WEEKDAYS for d in days):
        return f"'days' must list weekdays among {', '.join(WEEKDAYS)}"
    try:
        start, end = (_minutes(value.get(k)) for k in ("start", "end"))
    except ValueError:
        return "'start' and 'end' must be times like \"08:00\""
    if start >= end:
        return "'start' must be before 'end'"
    return Hours(frozenset(WEEKDAYS.index(d) for d in days), start, end)


def _minutes(text: Any) -> int:
    moment = datetime.strptime(str(text), "%H:%M")
    return moment.hour * 60 + moment.minute


def example_request(item: dict[str, Any], line: int) -> Request:
    """The request an example stands for, parsed by the API's own request parser.

    An example is an API body (`text`, `platform`, `now`, ...) written in YAML; without
    `now` it is checked at EXAMPLE_NOW, without `locale` in English. A YAML date-time is
    taken as the API would take its ISO text."""
    body = dict(item)
    if isinstance(body.get("now"), datetime):
        body["now"] = body["now"].isoformat()
    if isinstance(body.get("attachments"), list):
        body["attachments"] = [a if isinstance(a, dict) else {"type": a} for a in body["attachments"]]
    if "platform" in body and body["platform"] not in PLATFORMS:
        raise RuleError(line, f"example platform {body['platform']!r}; expected one of {', '.join(PLATFORMS)}")
    try:
        return parse_check(body, default_role="staff", locale="en", now=EXAMPLE_NOW)
    except BadRequest as exc:
        raise RuleError(line, f"example: {exc}") from exc
