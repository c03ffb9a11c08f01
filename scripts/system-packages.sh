#!/usr/bin/env bash
# The Debian packages the tests need, installed when this machine can (root with apt-get), else named
# with the exact command to run, at once. `npm test` runs this first (pretest), and so does .ci/run.
#   chromium     the browser tests (Playwright drives Debian's /usr/bin/chromium, or CHROMIUM_PATH)
#   fonts-ocr-b  the real OCR-B font, for tests that draw MRZ lines
#   espeak-ng    the rehearsal's tests speak four digits into Chromium's fake microphone
set -euo pipefail

missing=()
[ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# Not `fc-list | grep -q`: under pipefail, grep's early exit kills fc-list with SIGPIPE, and the font
# would look missing every time.
fonts=$(fc-list 2>/dev/null || true)
grep -qi 'OCR B' <<<"$fonts" || missing+=(fonts-ocr-b)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages the tests need: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "The tests need Debian packages this machine lacks: ${missing[*]}" >&2
echo "Install them, then run npm test again:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
exit 1
