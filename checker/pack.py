"""Rule packs: YAML folders loaded, validated, layered and compiled into a `Pack`.

A pack is a folder with `pack.yaml` and rule files under `rules/` (see docs/rule-packs.md).
Anything wrong is refused with the file, the line and the reason, all problems at once;
`PackStore` keeps serving the last good pack when a reload fails.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time
from dataclasses import dataclass, field, fields
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from checker.kinds import KINDS
from checker.kinds.base import (Attachment, Build, Hours, Kind, Organization, Params, Request,
                                RuleError)
from checker.languages import LANGUAGES
from checker.lexicon import Lexicon
from checker.yamlload import LineDict, YamlError, line_of, load_yaml

log = logging.getLogger(__name__)

CATEGORIES = ("profanity", "insult", "accusation", "hate", "incitement", "privacy",
              "confidentiality", "copyright", "bilingual", "plain_language", "opinion",
              "accuracy", "timing")
SEVERITIES = ("info", "warn", "block")
PLATFORMS = ("facebook", "instagram", "x", "other")
ACCOUNTS = ("personal", "official")
ROLES = ("staff", "trustee", "admin")
CONTEXTS = ("post", "comment", "reply")
ATTACHMENT_TYPES = ("image", "video", "link", "file")
LOCALES = LANGUAGES
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

RULE_ID_RE = re.compile(r"^([a-z_]+)\.[a-z0-9][a-z0-9-]*$")
GUIDELINE_RE = re.compile(r"^(G[1-8]|C[1-7]|P[1-5]?)$")
COMMON_KEYS = frozenset({"id", "category", "severity", "guideline", "message", "description",
                         "suggestion", "when", "examples", "kind"})
PACK_KEYS = frozenset({"name", "version", "extends", "default_locale", "organization",
                       "disable", "severity", "add_terms"})
WHEN_CHOICES = {"role": ROLES, "account": ACCOUNTS, "platform": PLATFORMS,
                "context": CONTEXTS, "languages": LANGUAGES, "attachments": ATTACHMENT_TYPES}
BUNDLED = "bundled"
ORGANIZATION_KEYS = frozenset(f.name for f in fields(Organization))


@dataclass(frozen=True)
class Problem:
    """One reason a pack was refused."""

    path: Path
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


class PackError(Exception):
    """A pack that cannot be loaded; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class When:
    """Conditions on the request; an empty tuple means any value."""

    role: tuple[str, ...] = ()
    account: tuple[str, ...] = ()
    platform: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()

    def admits(self, request: Request) -> bool:
        """Whether the request-level conditions hold (languages are checked by the engine)."""
        return ((not self.role or request.role in self.role)
                and (not self.account or request.account in self.account)
                and (not self.platform or request.platform in self.platform)
                and (not self.context or request.context in self.context)
                and (not self.attachments
                     or any(a.type in self.attachments for a in request.attachments)))


@dataclass(frozen=True)
class Example:
    """A text a rule must flag or pass, as the request it is checked with."""

    request: Request
    line: int


@dataclass
class Rule:
    """One compiled rule."""

    id: str
    category: str
    severity: str
    guideline: str
    message: dict[str, str]
    description: dict[str, str]
    suggestion: dict[str, str] | None
    when: When
    kind: Kind
    flag: list[Example]
    passes: list[Example]
    path: Path
    line: int


@dataclass
class Pack:
    """A compiled, ready-to-use rule pack."""

    name: str
    version: str
    rules_version: str
    rules: list[Rule]
    lexicon: Lexicon
    org: Organization
    default_locale: str
    files: list[Path] = field(default_factory=list)


@dataclass
class _RawRule:
    data: LineDict
    path: Path


@dataclass
class _Layer:
    """A pack folder read but not compiled: its settings and its rules by id."""

    name: str = ""
    version: str = ""
    default_locale: str = "fi"
    org: dict[str, Any] = field(default_factory=dict)
    rules: dict[str, _RawRule] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)


def bundled_pack_path() -> Path:
    """The folder of the pack that ships with SomeCheck."""
    return Path(str(resources.files("somecheck_rules") / "hanko"))


def load_pack(paths: list[Path] | None = None) -> Pack:
    """Load one pack, or several layered in order; raise PackError listing every problem."""
    problems: list[Problem] = []
    layer = _Layer()
    for path in paths or [bundled_pack_path()]:
        _read_pack(Path(path), layer, problems, seen=set())
    if problems:
        raise PackError(problems)
    return _compile(layer, problems)


def _read_pack(folder: Path, layer: _Layer, problems: list[Problem], seen: set[Path]) -> None:
    folder = folder.resolve()
    meta_path = folder / "pack.yaml"
    if folder in seen:
        problems.append(Problem(meta_path, 0, "the pack extends itself through a chain of 'extends'"))
        return
    seen.add(folder)
    if not meta_path.is_file():
        problems.append(Problem(meta_path, 0, "no pack.yaml: a rule pack is a folder with pack.yaml and rules/*.yaml"))
        return
    meta = _load(meta_path, problems, layer)
    if not isinstance(meta, dict):
        if meta is not None or not problems:
            problems.append(Problem(meta_path, line_of(meta), "pack.yaml must be a mapping of settings"))
        return
    for key in meta:
        if key not in PACK_KEYS:
            problems.append(Problem(meta_path, line_of(meta, key),
                                    f"unknown setting {key!r}; known: {', '.join(sorted(PACK_KEYS))}"))
    parent = meta.get("extends")
    if parent is not None:
        if not isinstance(parent, str):
            problems.append(Problem(meta_path, line_of(meta, "extends"), "'extends' must be 'bundled' or a folder path"))
        else:
            parent_dir = bundled_pack_path() if parent == BUNDLED else (folder / parent)
            _read_pack(parent_dir, layer, problems, seen)
    for key in ("name", "version"):
        value = meta.get(key)
        if not isinstance(value, (str, int, float)) or isinstance(value, bool) or value == "":
            problems.append(Problem(meta_path, line_of(meta, key), f"'{key}' is required (a text)"))
    layer.name, layer.version = str(meta.get("name", "")), str(meta.get("version", ""))
    locale = meta.get("default_locale", layer.default_locale)
    if locale not in LOCALES:
        problems.append(Problem(meta_path, line_of(meta, "default_locale"),
                                f"'default_locale' must be one of {', '.join(LOCALES)}"))
    layer.default_locale = locale
    org = meta.get("organization", {})
    if not isinstance(org, dict):
        problems.append(Problem(meta_path, line_of(meta, "organization"), "'organization' must be a mapping"))
    else:
        layer.org.update(org)
        layer.org.setdefault("_lines", {}).update({k: (meta_path, line_of(org, k)) for k in org})
    rules_dir = folder / "rules"
    for path in sorted(rules_dir.glob("*.yaml")) if rules_dir.is_dir() else []:
        _read_rules(path, layer, problems)
    _apply_overrides(meta, meta_path, layer, problems)


def _load(path: Path, problems: list[Problem], layer: _Layer) -> Any:
    layer.files.append(path)
    try:
        return load_yaml(path)
    except YamlError as exc:
        problems.append(Problem(path, exc.line, exc.reason))
        return None


def _read_rules(path: Path, layer: _Layer, problems: list[Problem]) -> None:
    data = _load(path, problems, layer)
    if data is None:
        return
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        problems.append(Problem(path, line_of(data), "a rule file must have a 'rules:' list"))
        return
    for line, rule in zip(data["rules"].item_lines, data["rules"]):
        if not isinstance(rule, dict):
            problems.append(Problem(path, line, "each rule must be a mapping with id, category, kind, ..."))
            continue
        rule_id = rule.get("id")
        if not isinstance(rule_id, str):
            problems.append(Problem(path, rule.line, "a rule needs an 'id' like 'profanity.strong'"))
            continue
        layer.rules[rule_id] = _RawRule(rule, path)


def _apply_overrides(meta: LineDict, meta_path: Path, layer: _Layer, problems: list[Problem]) -> None:
    """Apply pack.yaml's disable, severity and add_terms to the rules read so far."""
    def unknown(rule_id: Any, key: str) -> bool:
        if rule_id in layer.rules:
            return False
        problems.append(Problem(meta_path, line_of(meta, key), f"'{key}' names rule {rule_id!r}, which no pack defines"))
        return True

    disable = meta.get("disable", [])
    if not isinstance(disable, list):
        problems.append(Problem(meta_path, line_of(meta, "disable"), "'disable' must be a list of rule ids"))
        disable = []
    for rule_id in disable:
        if not unknown(rule_id, "disable"):
            del layer.rules[rule_id]
    severities = meta.get("severity", {})
    if not isinstance(severities, dict):
        problems.append(Problem(meta_path, line_of(meta, "severity"), "'severity' must map rule ids to info, warn or block"))
        severities = {}
    for rule_id, severity in severities.items():
        if severity not in SEVERITIES:
            problems.append(Problem(meta_path, line_of(severities, rule_id),
                                    f"severity {severity!r} for {rule_id}; expected one of {', '.join(SEVERITIES)}"))
        elif not unknown(rule_id, "severity"):
            layer.rules[rule_id].data = _with(layer.rules[rule_id].data, severity=severity)
    additions = meta.get("add_terms", {})
    if not isinstance(additions, dict):
        problems.append(Problem(meta_path, line_of(meta, "add_terms"), "'add_terms' must map rule ids to lists per language"))
        additions = {}
    for rule_id, lists in additions.items():
        if unknown(rule_id, "add_terms"):
            continue
        raw = layer.rules[rule_id].data
        if raw.get("kind") != "terms" or not isinstance(lists, dict):
            problems.append(Problem(meta_path, line_of(additions, rule_id),
                                    f"'add_terms' for {rule_id}: the rule must be of kind terms and the value a mapping of languages to lists"))
            continue
        terms = LineDict({lang: list(words) for lang, words in (raw.get("terms") or {}).items()})
        terms.line, terms.key_lines = line_of(raw, "terms"), {}
        for lang, words in lists.items():
            if not isinstance(words, list):
                problems.append(Problem(meta_path, line_of(lists, lang), f"'add_terms.{rule_id}.{lang}' must be a list"))
                continue
            terms[lang] = terms.get(lang, []) + list(words)
        layer.rules[rule_id].data = _with(raw, terms=terms)


def _with(data: LineDict, **changes: Any) -> LineDict:
    copy = LineDict(data)
    copy.line, copy.key_lines = data.line, dict(data.key_lines)
    copy.update(changes)
    return copy


# --- compiling -----------------------------------------------------------------------------

def _compile(layer: _Layer, problems: list[Problem]) -> Pack:
    lexicon = Lexicon()
    org = _organization(layer.org, problems)
    rules = []
    for rule_id, raw in layer.rules.items():
        try:
            rules.append(_compile_rule(rule_id, raw, lexicon, org))
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
                files=list(layer.files))


def _compile_rule(rule_id: str, raw: _RawRule, lexicon: Lexicon, org: Organization) -> Rule:
    data = raw.data
    params = Params(data)
    match = RULE_ID_RE.match(rule_id)
    if not match:
        raise params.error("id", f"the id must look like 'category.name' (lower case, digits, dashes)")
    category = params.text("category", choices=CATEGORIES)
    if match.group(1) != category:
        raise params.error("id", f"the id must begin with its category: '{category}.…'")
    severity = params.text("severity", choices=SEVERITIES)
    guideline = params.text("guideline")
    if not GUIDELINE_RE.match(guideline):
        raise params.error("guideline", f"'guideline' is {guideline!r}; expected G1–G8, C1–C7 or P")
    kind_name = params.text("kind", choices=tuple(KINDS))
    kind_class = KINDS[kind_name]
    for key in data:
        if key not in COMMON_KEYS and key not in kind_class.parameters:
            raise params.error(key, f"unknown key {key!r} for a rule of kind {kind_name} "
                               f"(its parameters: {', '.join(sorted(kind_class.parameters)) or 'none'})")
    message = _translations(params, "message")
    description = _translations(params, "description")
    suggestion = _translations(params, "suggestion") if params.has("suggestion") else None
    when = _when(params)
    flag, passes = _examples(params)
    kind = kind_class(params, Build(lexicon, org, rule_id))
    return Rule(rule_id, category, severity, guideline, message, description, suggestion, when,
                kind, flag, passes, raw.path, data.line)


def _translations(params: Params, key: str) -> dict[str, str]:
    value = params.raw(key)
    if not isinstance(value, dict):
        raise params.error(key, f"'{key}' must give the text in {', '.join(LOCALES)}")
    missing = [lang for lang in LOCALES if not isinstance(value.get(lang), str) or not value[lang].strip()]
    if missing:
        raise params.error(key, f"'{key}' lacks a translation for {', '.join(missing)}")
    extra = [lang for lang in value if lang not in LOCALES]
    if extra:
        raise params.error(key, f"'{key}' has unknown language {extra[0]!r}")
    return {lang: value[lang].strip() for lang in LOCALES}


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
                raise RuleError(line, f"an example must be a text or a mapping with 'text'")
            unknown = set(item) - EXAMPLE_FIELDS
            if unknown:
                raise RuleError(line, f"unknown example field {sorted(unknown)[0]!r}")
            examples.append(Example(_example_request(item, line), line))
        result.append(examples)
    return result[0], result[1]


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
    name = raw.get("name", {})
    if not isinstance(name, dict):
        fail("name", "must give the name in sv, fi and en")
    else:
        values["name"] = {k: str(v) for k, v in name.items()}
    for key in ("email_domains", "phone_numbers", "officials", "titles"):
        items = raw.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, (str, int)) for i in items):
            fail(key, "must be a list of texts")
        else:
            values[key] = tuple(str(i).lower().strip() for i in items)
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


# --- reloading ---------------------------------------------------------------------------

class PackStore:
    """The pack in use; reloads when its files change and keeps the last good one on error."""

    def __init__(self, paths: list[Path] | None, check_every: float = 1.0) -> None:
        self.paths = paths
        self.check_every = check_every
        self.pack = load_pack(paths)
        self.last_error: PackError | None = None
        self._stamp = self._fingerprint()
        self._checked = time.monotonic()
        self._lock = threading.Lock()

    def _folders(self) -> list[Path]:
        return [Path(p) for p in (self.paths or [bundled_pack_path()])]

    def _fingerprint(self) -> tuple:
        files = set(self.pack.files)
        for folder in self._folders():
            files.update(folder.glob("pack.yaml"))
            files.update(folder.glob("rules/*.yaml"))
        stamp = []
        for path in sorted(files):
            try:
                st = path.stat()
                stamp.append((str(path), st.st_mtime_ns, st.st_size))
            except OSError:
                stamp.append((str(path), None, None))
        return tuple(stamp)

    def current(self) -> Pack:
        """The pack to check with, reloading first if the files changed (at most once a second)."""
        now = time.monotonic()
        if now - self._checked >= self.check_every and self._lock.acquire(blocking=False):
            try:
                self._checked = now
                self.reload_if_changed()
            finally:
                self._lock.release()
        return self.pack

    def reload_if_changed(self) -> bool:
        """Reload when a file changed; True when a new pack is in use."""
        stamp = self._fingerprint()
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        try:
            pack = load_pack(self.paths)
        except PackError as exc:
            self.last_error = exc
            log.error("rule pack refused, still using %s:\n%s", self.pack.rules_version, exc)
            return False
        self.pack, self.last_error = pack, None
        log.info("rules reloaded: %s", pack.rules_version)
        return True


def _example_request(item: dict[str, Any], line: int) -> Request:
    """The request an example stands for, validated like an API request."""
    choices = {"platform": PLATFORMS, "account": ACCOUNTS, "role": ROLES, "context": CONTEXTS,
               "locale": LOCALES}
    for key, allowed in choices.items():
        if key in item and item[key] not in allowed:
            raise RuleError(line, f"example {key} {item[key]!r}; expected one of {', '.join(allowed)}")
    now = item.get("now", EXAMPLE_NOW)
    try:
        now = datetime.fromisoformat(now) if isinstance(now, str) else now
    except ValueError:
        now = None
    if not isinstance(now, datetime) or now.tzinfo is None:
        raise RuleError(line, "an example's 'now' must be a date-time with an offset, "
                              "like \"2026-11-24T10:30:00+02:00\"")
    attachments = []
    for a in item.get("attachments", []):
        kind = a.get("type") if isinstance(a, dict) else a
        if kind not in ATTACHMENT_TYPES:
            raise RuleError(line, f"example attachment type {kind!r}; expected one of {', '.join(ATTACHMENT_TYPES)}")
        attachments.append(Attachment(kind, a.get("name") if isinstance(a, dict) else None))
    return Request(text=item["text"], now=now, platform=item.get("platform", "other"),
                   account=item.get("account", "personal"), role=item.get("role", "staff"),
                   context=item.get("context", "post"), attachments=tuple(attachments),
                   locale=item.get("locale", "en"))
