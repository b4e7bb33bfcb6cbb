"""The vocabulary has one source, checker/vocabulary.py; every copy is generated and must match."""

from __future__ import annotations

import json
import subprocess

from checker import vocabulary
from checker.vocabulary import (ACCOUNTS, ATTACHMENT_TYPES, CATEGORIES, CONTEXTS, LOCALES,
                                PLATFORM_LIST, ROLES, SEVERITY_LIST)


def test_manifest_matches_every_host_of_every_platform():
    manifest = json.loads(vocabulary.MANIFEST.read_text(encoding="utf-8"))
    matches = [m for script in manifest["content_scripts"] for m in script.get("matches", [])]
    hosts = {h for p in PLATFORM_LIST for h in p.hosts}
    assert {m.removeprefix("https://").removesuffix("/*") for m in matches} == hosts


def test_the_extension_module_exports_exactly_the_vocabulary():
    script = ("import(process.argv[1]).then(m => console.log(JSON.stringify(m)))")
    # node comes with the browser-test set-up (tests/e2e/setup.sh) and the extension build
    done = subprocess.run(["node", "--input-type=module", "-e", script,
                           vocabulary.VOCABULARY_JS.as_uri()],
                          capture_output=True, text=True, timeout=30, check=True)
    exported = json.loads(done.stdout)
    assert exported == {
        "PLATFORMS": [{"id": p.id, "hosts": list(p.hosts)} for p in PLATFORM_LIST],
        "ROLES": list(ROLES), "ACCOUNTS": list(ACCOUNTS), "CONTEXTS": list(CONTEXTS),
        "LOCALES": list(LOCALES),
        "SEVERITIES": [{"id": s.id, "rank": s.rank, "colour": s.colour} for s in SEVERITY_LIST],
        "CATEGORIES": list(CATEGORIES), "ATTACHMENT_TYPES": list(ATTACHMENT_TYPES),
    }
    assert [p["id"] for p in exported["PLATFORMS"]] == ["facebook", "instagram", "x", "other"]
