#!/usr/bin/env bash
# Installs the Debian packages rsvp needs to build, test and run its demo.
# Fast and silent when everything is already there.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libcurl4-openssl-dev libmimetic-dev libsqlite3-dev libcli11-dev catch2
  nlohmann-json3-dev libxml2-dev
  clang-14 libclang-rt-14-dev
  dovecot-imapd openssl ca-certificates jq curl sqlite3
  man-db groff-base
  chromium poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
# policy-rc.d keeps the package's own Dovecot service from starting: tests
# and the demo run their own throwaway server.
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
