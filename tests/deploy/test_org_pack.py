"""docs/examples/org-pack: the organization's own pack, as docs/rules-for-your-organization.md
builds it, validated and served."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from deploy_served import ROOT, Served, somecheck

PACK = ROOT / "docs" / "examples" / "org-pack"
NOW = "2026-11-24T18:00:00+02:00"


def check(text: str, *options: str, pack: Path = PACK) -> dict:
    done = somecheck("check", "--rules", str(pack), "--format", "json", "--locale", "en",
                     "--now", NOW, *options, "-", input=text)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def rules_of(result: dict) -> dict[str, str]:
    return {f["rule"]: f["severity"] for f in result["findings"]}


def test_the_example_pack_validates() -> None:
    done = somecheck("rules", "validate", str(PACK))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "rules, ok" in done.stdout


def test_each_change_of_the_walk_through_takes_effect() -> None:
    # our own phone numbers and e-mail domain are not personal data; Hanko's number now is
    assert "privacy.phone" not in rules_of(check("Soita vaihteeseen 09 1234 5678."))
    assert "privacy.email" not in rules_of(check("Palaute: kirjaamo@esimerkkila.example"))
    assert "privacy.phone" in rules_of(check("Soita numeroon 019 220 3000."))
    # added terms
    assert rules_of(check("Tusan också, bussen är sen igen."))["profanity.mild"] == "warn"
    # a changed severity
    assert rules_of(check("Repost: upea auringonlasku satamassa.", "--attach", "image"))["copyright.image-attached"] == "warn"
    # a disabled rule
    listing = json.loads(somecheck("rules", "list", "--rules", str(PACK), "--format", "json").stdout)
    ids = {r["id"] for r in listing["rules"]}
    assert "plain_language.long-sentence" not in ids
    assert "confidentiality.project-names" in ids and "profanity.strong" in ids   # own + inherited
    # the pack's own rule
    assert rules_of(check("Majakka-hanke etenee hyvin!"))["confidentiality.project-names"] == "block"


def test_the_bundled_pack_is_unchanged_by_it() -> None:
    bundled = json.loads(somecheck("rules", "list", "--format", "json").stdout)
    assert "plain_language.long-sentence" in {r["id"] for r in bundled["rules"]}


def test_a_mistake_in_the_pack_is_refused_with_file_and_line(tmp_path: Path) -> None:
    pack = tmp_path / "org-pack"
    shutil.copytree(PACK, pack)
    text = (pack / "pack.yaml").read_text()
    (pack / "pack.yaml").write_text(text.replace("copyright.image-attached: warn",
                                                 "copyright.image-attached: urgent"))
    done = somecheck("rules", "validate", str(pack))
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "copyright.image-attached: warn" in l)
    assert done.returncode == 2
    assert f"{pack / 'pack.yaml'}:{line}: severity 'urgent'" in done.stdout, done.stdout


def test_served_with_the_organizations_pack(tmp_path: Path) -> None:
    with Served(tmp_path, "--rules", str(PACK), "--threads", "2") as served:
        status, health, _ = served.request("GET", "/v1/health")
        assert status == 200 and health["rules_version"].startswith("esimerkkila-2026.11-1-")
        status, data, _ = served.request("POST", "/v1/check", {
            "text": "Majakka-hanke etenee, soita 09 1234 5678.", "now": NOW})
        assert status == 200
        assert [f["rule"] for f in data["findings"]] == ["confidentiality.project-names"]
