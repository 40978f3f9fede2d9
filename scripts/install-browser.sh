#!/usr/bin/env bash
# Installs what the browser tests need: Debian's chromium and Thai fonts. Safe to re-run.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# Why not `grep -q`: it exits at the first match, fc-list dies of SIGPIPE and pipefail calls the fonts missing.
fc-list 2>/dev/null | grep -i "TLWG\|Sarabun\|Garuda" >/dev/null || need+=(fonts-thai-tlwg)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
