"""The words of the rule-pack format: the keys a pack.yaml and a rule may have.

The shared vocabulary of requests (platforms, roles, categories, ...) is checker/vocabulary.py.
"""

from __future__ import annotations

import re
from dataclasses import fields

from checker.langid import LANGUAGES
from checker.model import Organization
from checker.vocabulary import ACCOUNTS, ATTACHMENT_TYPES, CONTEXTS, PLATFORMS, ROLES

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

RULE_ID_RE = re.compile(r"^([a-z_]+)\.[a-z0-9][a-z0-9-]*$")
GUIDELINE_ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,15}$")
COMMON_KEYS = frozenset({"id", "category", "severity", "guideline", "message", "description",
                         "suggestion", "when", "examples", "kind", "extent"})
PACK_KEYS = frozenset({"name", "version", "extends", "default_locale", "organization",
                       "guidelines", "rule_files", "disable", "severity", "add_terms"})
GUIDELINE_KEYS = ("title", "text")
WHEN_CHOICES = {"role": ROLES, "account": ACCOUNTS, "platform": PLATFORMS,
                "context": CONTEXTS, "languages": LANGUAGES, "attachments": ATTACHMENT_TYPES}
BUNDLED = "bundled"
ORGANIZATION_KEYS = frozenset(f.name for f in fields(Organization))
