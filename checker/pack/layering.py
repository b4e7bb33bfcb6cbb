"""Reading pack folders: pack.yaml, the rule files, `extends` chains and the overrides.

The result is a `Layer`: every setting and raw rule by id, each with the file and line it
came from, ready to be compiled (checker/pack/validation.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from checker.kinds.base import LANG_KEYS
from checker.lexicon import PatternError, parse_pattern
from checker.pack.model import Guideline, Problem
from checker.pack.vocabulary import BUNDLED, GUIDELINE_ID_RE, GUIDELINE_KEYS, PACK_KEYS
from checker.vocabulary import LOCALES, SEVERITIES
from checker.yamlload import LineDict, YamlError, line_of, load_yaml


@dataclass
class RawRule:
    data: LineDict
    path: Path


@dataclass
class Layer:
    """A pack folder read but not compiled: its settings and its rules by id."""

    name: str = ""
    version: str = ""
    default_locale: str = "fi"
    org: dict[str, Any] = field(default_factory=dict)
    guidelines: dict[str, Guideline] = field(default_factory=dict)
    rules: dict[str, RawRule] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)


def bundled_pack_path() -> Path:
    """The folder of the pack that ships with SomeCheck."""
    return Path(str(resources.files("somecheck_rules") / "hanko"))


def read_pack(folder: Path, layer: Layer, problems: list[Problem], seen: set[Path]) -> None:
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
            read_pack(parent_dir, layer, problems, seen)
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
    _read_guidelines(meta, meta_path, layer, problems)
    rules_dir = folder / "rules"
    paths = sorted(rules_dir.glob("*.yaml")) if rules_dir.is_dir() else []
    _check_manifest(meta, meta_path, paths, problems)
    defined: dict[str, tuple[Path, int]] = {}
    for path in paths:
        _read_rules(path, layer, problems, defined)
    _apply_overrides(meta, meta_path, layer, problems)


def _read_guidelines(meta: LineDict, meta_path: Path, layer: Layer, problems: list[Problem]) -> None:
    """Read pack.yaml's `guidelines:`; a pack adds to or replaces the ones it extends."""
    guidelines = meta.get("guidelines", {})
    if not isinstance(guidelines, dict):
        problems.append(Problem(meta_path, line_of(meta, "guidelines"),
                                "'guidelines' must map ids like G5 to a title and a text"))
        return
    for gid, value in guidelines.items():
        line = line_of(guidelines, gid)
        if not isinstance(gid, str) or not GUIDELINE_ID_RE.match(gid):
            problems.append(Problem(meta_path, line, f"guideline id {gid!r} must be a short code like G5"))
            continue
        if not isinstance(value, dict) or set(value) != set(GUIDELINE_KEYS):
            problems.append(Problem(meta_path, line, f"guideline {gid} must have exactly "
                                    f"'title' and 'text', each in {', '.join(LOCALES)}"))
            continue
        texts = {}
        for key in GUIDELINE_KEYS:
            item = value[key]
            missing = [lang for lang in LOCALES if not isinstance(item, dict)
                       or not isinstance(item.get(lang), str) or not item[lang].strip()]
            extra = [lang for lang in item if lang not in LOCALES] if isinstance(item, dict) else []
            if missing or extra:
                problems.append(Problem(meta_path, line_of(value, key),
                                        f"guideline {gid} {key}: " + (f"lacks {', '.join(missing)}" if missing
                                                                      else f"unknown language {extra[0]!r}")))
            else:
                texts[key] = {lang: item[lang].strip() for lang in LOCALES}
        if len(texts) == len(GUIDELINE_KEYS):
            layer.guidelines[gid] = Guideline(gid, texts["title"], texts["text"])


def _load(path: Path, problems: list[Problem], layer: Layer) -> Any:
    layer.files.append(path)
    try:
        return load_yaml(path)
    except YamlError as exc:
        problems.append(Problem(path, exc.line, exc.reason))
        return None


def _check_manifest(meta: LineDict, meta_path: Path, paths: list[Path], problems: list[Problem]) -> None:
    """A pack that lists its rule files under `rule_files:` is complete only with exactly
    those files: a half-copied folder is refused (and a served pack keeps the last good)."""
    listed = meta.get("rule_files")
    if listed is None:
        return
    line = line_of(meta, "rule_files")
    if not isinstance(listed, list) or not all(isinstance(n, str) for n in listed):
        problems.append(Problem(meta_path, line, "'rule_files' must list the file names under rules/"))
        return
    present = {p.name for p in paths}
    for name in listed:
        if name not in present:
            problems.append(Problem(meta_path, line, f"'rule_files' lists {name}, which is missing "
                                    f"from rules/: the pack is incomplete"))
    for name in sorted(present - set(listed)):
        problems.append(Problem(meta_path.parent / "rules" / name, 0, f"{name} is not listed under "
                                f"'rule_files' in pack.yaml: add it there, or remove the file"))


def _read_rules(path: Path, layer: Layer, problems: list[Problem],
                defined: dict[str, tuple[Path, int]]) -> None:
    """Add a file's rules to the layer; an id this pack already defined is refused."""
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
        if rule_id in defined:
            first_path, first_line = defined[rule_id]
            problems.append(Problem(path, rule.line, f"rule {rule_id!r} is defined twice in this pack: "
                                    f"here and at {first_path}:{first_line}"))
            continue
        defined[rule_id] = (path, rule.line)
        layer.rules[rule_id] = RawRule(rule, path)


def _apply_overrides(meta: LineDict, meta_path: Path, layer: Layer, problems: list[Problem]) -> None:
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
            if not _good_terms(words, lists, lang, f"add_terms.{rule_id}", meta_path, problems):
                continue
            terms[lang] = terms.get(lang, []) + list(words)
        layer.rules[rule_id].data = _with(raw, terms=terms)


def _with(data: LineDict, **changes: Any) -> LineDict:
    copy = LineDict(data)
    copy.line, copy.key_lines = data.line, dict(data.key_lines)
    copy.update(changes)
    return copy


def _good_terms(words: Any, lists: LineDict, lang: Any, where: str, path: Path,
                problems: list[Problem]) -> bool:
    """Whether words added in a pack.yaml can be used; if not, say so at their own line."""
    line = line_of(lists, lang)
    if lang not in LANG_KEYS:
        problems.append(Problem(path, line, f"'{where}' has language {lang!r}; expected one of "
                                f"{', '.join(LANG_KEYS)}"))
        return False
    if not isinstance(words, list):
        problems.append(Problem(path, line, f"'{where}.{lang}' must be a list"))
        return False
    good = True
    for item_line, word in zip(getattr(words, "item_lines", [line] * len(words)), words):
        try:
            if not isinstance(word, str) or not word.split():
                raise PatternError("a term must be a word or a phrase")
            for part in word.split():          # a phrase is a pattern per word
                parse_pattern(part)
        except PatternError as exc:
            problems.append(Problem(path, item_line, f"'{where}.{lang}': {word!r}: {exc}"))
            good = False
    return good
