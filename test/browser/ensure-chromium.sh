#!/bin/sh
# The browser tests drive Debian's Chromium through playwright-core (never a downloaded browser).
# Installs it, with CJK fonts for Chinese pages, when it is missing. Used by `npm test` and .ci/run.
set -eu
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The browser tests need Chromium: install it, or set CHROMIUM_PATH to a Chromium binary." >&2
  exit 1
fi
sudo=''
if [ "$(id -u)" != 0 ]; then sudo='sudo'; fi
echo "installing Debian's chromium and fonts-noto-cjk for the browser tests (apt-get)"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null \
  || { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null; }
