#!/usr/bin/env bash
# Build the browser extension for distribution:
#   dist/somecheck-chrome-<version>.zip    Chrome and Edge (Web Store upload, or packed to .crx)
#   dist/somecheck-firefox-<version>.xpi   Firefox (web-ext build; sign it on addons.mozilla.org
#                                          or let policies install it on ESR)
#   dist/store/                            store listing material (.ci/store_listing.py)
# The version comes from one place, pyproject.toml's [project] version; it is stamped into
# each package's manifest.json (the extension/ folder itself is left as it is).
# Usage: .ci/package-extension.sh [OUT_DIR]   (default: dist)
# For self-hosting in Chrome and Edge (docs/it-deployment.md), also give the signing key and
# the address the files will be served from; then a .crx, its extension ID and updates.xml
# are made too (with chromium or google-chrome on PATH):
#   SOMECHECK_CRX_KEY=somecheck.pem SOMECHECK_UPDATE_BASE=https://it.city.example/somecheck \
#     .ci/package-extension.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-dist}"
PYTHON="${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}"
WEB_EXT="${WEB_EXT:-npx --yes web-ext@8}"

VERSION="$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$OUT"

for BROWSER in chrome firefox; do
  mkdir -p "$STAGE/$BROWSER"
  cp -R extension/. "$STAGE/$BROWSER/"
  cp LICENSE THIRD_PARTY_NOTICES.md "$STAGE/$BROWSER/"     # the licence travels with the package
  # the ES module sources and their build tools stay out of the package (bundle/ has the code)
  rm -rf "$STAGE/$BROWSER/src" "$STAGE/$BROWSER/test" "$STAGE/$BROWSER/node_modules" \
    "$STAGE/$BROWSER/build.mjs" "$STAGE/$BROWSER/package.json" "$STAGE/$BROWSER/package-lock.json"
  # one manifest per browser: Chrome runs the service worker and knows no gecko settings;
  # Firefox runs the background scripts.
  "$PYTHON" - "$STAGE/$BROWSER/manifest.json" "$VERSION" "$BROWSER" <<'PY'
import json, sys
path, version, browser = sys.argv[1:]
with open(path, encoding="utf-8") as f:
    manifest = json.load(f)
if manifest.get("version") != version:
    print(f"note: extension/manifest.json says {manifest.get('version')}, packaging as {version} "
          f"(pyproject.toml)", file=sys.stderr)
manifest["version"] = version
background = manifest.get("background", {})
if browser == "chrome":
    manifest.pop("browser_specific_settings", None)
    background.pop("scripts", None)
else:
    background.pop("service_worker", None)
with open(path, "w", encoding="utf-8") as f:
    json.dump(manifest, f, indent=2, ensure_ascii=False)
    f.write("\n")
PY
done

CHROME_ZIP="$OUT/somecheck-chrome-$VERSION.zip"
rm -f "$CHROME_ZIP"
(cd "$STAGE/chrome" && zip -q -r -X - .) > "$CHROME_ZIP"

FIREFOX_XPI="somecheck-firefox-$VERSION.xpi"
$WEB_EXT build --source-dir "$STAGE/firefox" --artifacts-dir "$OUT" \
  --filename "$FIREFOX_XPI" --overwrite-dest >/dev/null

echo "$CHROME_ZIP"
echo "$OUT/$FIREFOX_XPI"

# Store listing material: descriptions, permission justifications, privacy policy, screenshots.
"$PYTHON" .ci/store_listing.py "$OUT/store" "$STAGE/chrome/manifest.json"

if [ -n "${SOMECHECK_CRX_KEY:-}" ]; then
  CHROME_BIN="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
  [ -n "$CHROME_BIN" ] || { echo "SOMECHECK_CRX_KEY is set but no chromium or google-chrome is on PATH" >&2; exit 1; }
  KEY="$(cd "$(dirname "$SOMECHECK_CRX_KEY")" && pwd)/$(basename "$SOMECHECK_CRX_KEY")"
  BASE="${SOMECHECK_UPDATE_BASE:-https://it.example/somecheck}"
  # a self-hosted extension names its update manifest (the Web Store .zip must not)
  "$PYTHON" - "$STAGE/chrome/manifest.json" "$BASE/updates.xml" <<'PY'
import json, sys
path, url = sys.argv[1:]
manifest = json.load(open(path, encoding="utf-8"))
manifest["update_url"] = url
json.dump(manifest, open(path, "w", encoding="utf-8"), indent=2, ensure_ascii=False)
PY
  "$CHROME_BIN" --headless=new --no-sandbox --pack-extension="$STAGE/chrome" \
    --pack-extension-key="$KEY" >/dev/null 2>&1 || true
  [ -f "$STAGE/chrome.crx" ] || { echo "chromium did not pack the extension" >&2; exit 1; }
  CRX="somecheck-chrome-$VERSION.crx"
  mv "$STAGE/chrome.crx" "$OUT/$CRX"
  EXT_ID="$(openssl rsa -in "$KEY" -pubout -outform DER 2>/dev/null | sha256sum | head -c32 | tr 0-9a-f a-p)"
  cat > "$OUT/updates.xml" <<XML
<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='$EXT_ID'>
    <updatecheck codebase='$BASE/$CRX' version='$VERSION' />
  </app>
</gupdate>
XML
  echo "$OUT/$CRX"
  echo "$OUT/updates.xml"
  echo "extension ID: $EXT_ID"
fi
