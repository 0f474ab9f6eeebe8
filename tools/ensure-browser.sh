#!/usr/bin/env bash
# The browser suites drive Debian's Chromium (Playwright's own download does not work here) and need
# CJK fonts to render the Chinese pages; the dossier checks use poppler's pdftotext/pdftoppm.
# Installs whichever is missing (root and apt-get needed); does nothing when all are there.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ "${#missing[@]}" -eq 0 ] && exit 0
echo "installing ${missing[*]} (apt-get)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
