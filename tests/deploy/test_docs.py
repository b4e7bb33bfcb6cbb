"""The documentation points only at what a fresh clone has (issue 13.11): every relative link
and every repository path in README.md, docs/ and the corpus READMEs exists, anchors
included, and the rule counts shown in sample output are the real ones."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from deploy_served import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md")),
        *sorted((ROOT / "tests" / "corpus").rglob("README.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
# A path in the text or in code: it starts at one of the repository's top-level folders.
PATH = re.compile(r"(?<![\w/.~$-])((?:docs|tests|checker|rules|extension|bench|\.ci)/[\w./-]*[\w/])")
# In `code`: any relative file path (folders, then a name with an extension).
CODE = re.compile(r"`([^`]+)`")
FILE = re.compile(r"^[\w.-]+(?:/[\w.-]+)*/[\w-]+\.\w+$")
# Relative paths that name places outside the repository, and where they are.
ELSEWHERE = {"distribution/policies.json": "in Firefox's installation folder"}
# What a build, an installation or a test run makes, not in a clone.
MADE = ("tests/e2e/out", "tests/e2e/editors/dist", "tests/e2e/editors/node_modules",
        "extension/node_modules", "dist/", ".venv/", "build/", "somecheck_rules/")


def tracked() -> set[str]:
    """Files and folders in a fresh clone: what git tracks (plus the working tree's new files)."""
    done = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    files = set(done.stdout.split("\n")) - {""}
    folders = {str(Path(f).parents[i]) for f in files for i in range(len(Path(f).parents) - 1)}
    return files | folders


def slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(markdown: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", markdown.read_text(encoding="utf-8"), flags=re.S)
    return {slug(m.group(1)) for m in re.finditer(r"^#+\s+(.*)$", text, re.M)}


def references(doc: Path) -> list[tuple[int, str, str]]:
    """(line, kind, target) for every relative link and repository path in a document."""
    found = []
    for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
        for match in LINK.finditer(line):
            target = match.group(1)
            if not re.match(r"^[a-z][a-z0-9+.-]*:", target):      # http:, mailto:, chrome:
                found.append((number, "link", target))
        text = LINK.sub("", line)
        paths = {match.group(1) for match in PATH.finditer(text)}
        for code in CODE.finditer(text):
            words = (word.lstrip("(").rstrip(".,;:)") for word in code.group(1).split())
            paths |= {word for word in words if FILE.match(word) and word not in ELSEWHERE}
        found += [(number, "path", path) for path in sorted(paths)]
    return found


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_and_path_exists(doc: Path) -> None:
    clone = tracked()
    missing = []
    for number, kind, target in references(doc):
        place, _, anchor = target.partition("#")
        if kind == "link":
            path = (doc.parent / place).resolve() if place else doc
            relative = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else None
            if relative is None or (relative not in clone and relative != "."):
                missing.append(f"{doc.name}:{number}: link {target} (no {relative or path})")
            elif anchor and path.suffix == ".md" and anchor not in anchors(path):
                missing.append(f"{doc.name}:{number}: link {target} (no heading #{anchor})")
        else:
            if place.startswith(("./", "../")):        # relative to the document
                place = os.path.relpath((doc.parent / place).resolve(), ROOT)
            if not place.startswith(MADE) and place.rstrip("/.") not in clone:
                missing.append(f"{doc.name}:{number}: path {target}")
    assert not missing, "\n".join(missing)


def test_the_scan_finds_what_it_checks() -> None:
    readme = references(ROOT / "README.md")
    assert any(kind == "link" for _, kind, _ in readme)
    assert len([r for doc in DOCS for r in references(doc)]) > 30


def test_rule_counts_in_sample_output_are_the_real_ones() -> None:
    from checker.pack import load_pack

    counts = {"hanko": len(load_pack().rules),
              "esimerkkila": len(load_pack([ROOT / "docs" / "examples" / "org-pack"]).rules)}
    wrong = []
    for doc in DOCS:
        for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
            for name, count in re.findall(r"\b(hanko|esimerkkila)-[\w.…-]*,? (\d+) rules", line):
                if int(count) != counts[name]:
                    wrong.append(f"{doc.name}:{number}: {count} rules, but {name} has {counts[name]}")
    assert not wrong, "\n".join(wrong)
