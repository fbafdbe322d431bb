#!/usr/bin/env bash
# Installs what the tests need on a fresh machine; safe to run again (idempotent).
#   - node dependencies (npm ci, or npm install when there is no lock file)
#   - a Chromium for Playwright: Debian's `chromium` where apt exists (we must be root),
#     otherwise Playwright's own build via `npx playwright install chromium`
#   - a CJK font (fonts-wqy-microhei) so Chinese text renders in screenshots
#   - checks that Python 3.11+ is present (the conformance tests run real python3)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '[setup-test-env] %s\n' "$*"; }

# --- node dependencies ---------------------------------------------------------------
if [ -f package-lock.json ]; then
  if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
     && npm ls --all >/dev/null 2>&1; then
    log "node_modules is up to date with package-lock.json"
  else
    log "npm ci"
    npm ci --no-audit --no-fund
  fi
else
  log "no package-lock.json: npm install"
  npm install --no-audit --no-fund
fi

# --- browser and fonts -------------------------------------------------------------------
is_root() { [ "$(id -u)" -eq 0 ]; }
have_apt() { command -v apt-get >/dev/null 2>&1; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update
    apt_updated=1
  fi
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

if have_apt && is_root; then
  if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium fonts-wqy-microhei
  else
    log "chromium present: $(/usr/bin/chromium --version 2>/dev/null | tail -n 1)"
  fi
  if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
    apt_install fonts-wqy-microhei fontconfig
  else
    log "CJK font present"
  fi
elif [ -x /usr/bin/chromium ]; then
  log "chromium present: /usr/bin/chromium"
elif have_apt; then
  log "not root: cannot apt-get install chromium; using Playwright's own Chromium instead"
  npx --no-install playwright install chromium
else
  log "no apt-get: installing Playwright's own Chromium"
  npx --no-install playwright install chromium
fi

if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  log "warning: no CJK font found (fc-list :lang=zh is empty); Chinese text may render as boxes in screenshots."
  log "         Install one, e.g. fonts-wqy-microhei (Debian/Ubuntu) or Noto Sans CJK."
fi

# --- python -----------------------------------------------------------------------------
if ! command -v python3 >/dev/null 2>&1; then
  log "ERROR: python3 not found. The conformance tests need Python 3.11 or newer on the PATH as python3."
  exit 1
fi
if ! python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  log "ERROR: $(python3 --version 2>&1) is too old. The conformance tests need Python 3.11 or newer as python3."
  exit 1
fi
log "$(python3 --version 2>&1) OK"
log "done"
