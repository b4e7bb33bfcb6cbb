"""Store listing material for `make extension`, in OUT (dist/store/):

  listing-en.md, listing-fi.md, listing-sv.md   name, summary (the extension's own
                                                ext_description) and description
  permissions.md                                a justification for every permission, host and
                                                content-script match of the manifest
  privacy.md                                    docs/privacy.md
  screenshots/*.png                             1280x800, taken by tests/e2e/test_e2e_store.py

Source: docs/store/listing.yaml. Fails when the manifest asks for something the listing does
not justify. Usage: store_listing.py OUT MANIFEST"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
LISTING = ROOT / "docs" / "store" / "listing.yaml"
SCREENSHOTS = ROOT / "tests" / "e2e" / "out" / "store"
LOCALES = ("en", "fi", "sv")


def unjustified(manifest: dict, listing: dict) -> list[str]:
    """Everything the manifest asks for that the listing does not explain."""
    missing = [f"permission {p}" for p in manifest.get("permissions", []) if p not in listing["permissions"]]
    missing += [f"host {h}" for h in manifest.get("host_permissions", []) if h not in listing["hosts"]]
    for script in manifest.get("content_scripts", []):
        missing += [f"content script on {m}" for m in script["matches"] if m not in listing["content_scripts"]]
    return missing


def main(out: Path, manifest_path: Path) -> int:
    listing = yaml.safe_load(LISTING.read_text(encoding="utf-8"))
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    missing = unjustified(manifest, listing)
    if missing:
        print(f"{LISTING.relative_to(ROOT)}: no justification for: {', '.join(missing)}", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    for lang in LOCALES:
        messages = json.loads((ROOT / "extension" / "_locales" / lang / "messages.json").read_text(encoding="utf-8"))
        (out / f"listing-{lang}.md").write_text(
            f"# {messages['ext_name']['message']}\n\n"
            f"**Summary:** {messages['ext_description']['message']}\n\n"
            f"**Category:** {listing['category']}\n\n{listing['description'][lang].strip()}\n", encoding="utf-8")
    lines = ["# Permissions and why SomeCheck needs them", ""]
    lines += [f"- `{k}`: {v}" for k, v in listing["permissions"].items() if k in manifest.get("permissions", [])]
    lines += [f"- host `{k}`: {v}" for k, v in listing["hosts"].items() if k in manifest.get("host_permissions", [])]
    lines += [f"- content script on `{k}`: {v}" for k, v in listing["content_scripts"].items()]
    lines += ["", f"**Remote code:** {listing['remote_code']}", "", f"**Data use:** {listing['data_use']}", ""]
    (out / "permissions.md").write_text("\n".join(lines), encoding="utf-8")
    shutil.copyfile(ROOT / "docs" / "privacy.md", out / "privacy.md")
    shots = sorted(SCREENSHOTS.glob("*.png"))
    if shots:
        (out / "screenshots").mkdir(exist_ok=True)
        for shot in shots:
            shutil.copyfile(shot, out / "screenshots" / shot.name)
    else:
        print("note: no listing screenshots yet: run the browser tests "
              "(tests/e2e/test_e2e_store.py) and `make extension` again", file=sys.stderr)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
