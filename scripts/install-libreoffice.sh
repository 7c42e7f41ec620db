#!/usr/bin/env bash
# Install the minimal headless LibreOffice that jixiao uses to convert legacy Word/Excel/WPS
# files (.doc, .wps, .xls, .et) to DOCX/XLSX. Idempotent: does nothing when soffice is on PATH.
# Needs root (or sudo) and a Debian/Ubuntu system; other systems: install LibreOffice by hand.
set -euo pipefail
if command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; then
  echo "LibreOffice already installed: $(command -v soffice || command -v libreoffice)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-libreoffice: need root or sudo to run apt-get" >&2; exit 1; fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-libreoffice: apt-get not found; install libreoffice-writer and libreoffice-calc with your system's package manager" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# writer + calc cover .doc/.wps and .xls/.et; --no-install-recommends keeps Java and the GUI out.
# fonts-noto-cjk is not needed for conversion (no rendering), so it is not pulled in.
$SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui \
  || $SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer libreoffice-calc
command -v soffice >/dev/null 2>&1 && echo "LibreOffice installed: $(soffice --version 2>/dev/null | head -1)"
