#!/usr/bin/env bash
# Install Debian's headless-capable Chromium (for the browser tests) and a CJK font so that
# pages with Chinese text render as text, not boxes, in screenshots. Idempotent: does
# nothing when both are already there. Needs root (or sudo) and Debian/Ubuntu's apt.
set -euo pipefail
have_browser() { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }
have_cjk_font() { fc-list 2>/dev/null | grep -qiE 'WenQuanYi|Noto Sans CJK|Droid Sans Fallback'; }
if have_browser && have_cjk_font; then
  echo "chromium and a CJK font are already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-chromium: not root and no sudo; install chromium and fonts-wqy-microhei by hand" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium fonts-wqy-microhei fontconfig
command -v chromium >/dev/null 2>&1 && chromium --version || true
