#!/usr/bin/env bash
# Makes sure Debian's headless browser and its WebDriver are installed (/usr/bin/chromium, /usr/bin/chromedriver),
# for the dashboard's end-to-end test. Installs them with apt-get when missing (as root, or through passwordless sudo).
# Exit 0 when both are there afterwards; otherwise prints why and exits 1.
set -euo pipefail
have() { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; }
if have; then
  exit 0
fi
echo "install-chromium: /usr/bin/chromium or /usr/bin/chromedriver is missing; installing Debian's chromium and chromium-driver" >&2
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-chromium: not root and no passwordless sudo; install them yourself: apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
if have; then
  echo "install-chromium: installed $(/usr/bin/chromium --version 2>/dev/null | head -1)" >&2
  exit 0
fi
echo "install-chromium: apt-get finished but /usr/bin/chromium or /usr/bin/chromedriver is still missing" >&2
exit 1
