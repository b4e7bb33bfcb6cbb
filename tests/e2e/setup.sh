#!/usr/bin/env bash
# Installs what the browser tests need on a bare Debian machine, as root; safe to run again.
#   - Debian's chromium + chromium-driver (only when /usr/bin/chromedriver is missing), firefox-esr
#   - the npm project in tests/e2e/editors (real Lexical and Draft.js editors, esbuild, web-ext)
#   - the fixture bundles (esbuild) in tests/e2e/editors/dist
#   - the extension's npm project (esbuild, jsdom) in extension/
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DEBIAN_FRONTEND=noninteractive

need_apt=()
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium chromium-driver)
# Chromium's own Finnish and Swedish (chrome.i18n.getUILanguage follows LANGUAGE only with them).
[ -e /usr/lib/chromium/locales/fi.pak ] || need_apt+=(chromium-l10n)
command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)   # driven over WebDriver BiDi, no geckodriver
command -v openssl >/dev/null || need_apt+=(openssl)
command -v npm >/dev/null || need_apt+=(nodejs npm)
dpkg -s voikko-fi >/dev/null 2>&1 || need_apt+=(libvoikko1 voikko-fi)   # the lexeme table drift test (checker/lexemegen.py)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup.sh: apt-get install ${need_apt[*]}"
  apt-get update -q
  apt-get install -y -q "${need_apt[@]}" fonts-liberation
fi

cd "$HERE/editors"
# npm ci only when node_modules does not match package-lock.json.
if ! cmp -s package-lock.json node_modules/.setup-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.setup-lock
fi
node build.mjs
# The extension's own npm project: esbuild for its bundles, jsdom for its unit tests.
cd "$HERE/../../extension"
if ! cmp -s package-lock.json node_modules/.setup-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.setup-lock
fi
echo "setup.sh: chromium $(/usr/lib/chromium/chromium --version 2>/dev/null | awk '{print $2}'), bundles in $HERE/editors/dist"
