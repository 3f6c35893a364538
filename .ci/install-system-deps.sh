#!/usr/bin/env bash
# Installs the system packages the tests need: bsdutils (`script`, a pseudo-terminal for the demo
# test), podman (to build and push OCI images without a
# Docker engine), Debian's docker-registry (a Docker Registry v2 server the tests start on
# 127.0.0.1) and a headless Chromium for the browser render test (Debian's `chromium`; skipped
# where a Chromium or Chrome binary is already installed, as on GitHub's Ubuntu runners, whose
# `chromium` package is only a snap wrapper), with a colour emoji font. Idempotent: packages already installed are not touched, and
# `apt-get update` runs at most once, only when something is missing.
#
# Podman runs as root here without systemd as PID 1 and without overlay support, so the project
# passes `--storage-driver vfs` (and `--isolation chroot`, `--cgroup-manager cgroupfs`,
# `--events-backend file`) on every podman call instead of rewriting /etc/containers/storage.conf.
#
# The docker-registry package would start a system service listening on :5000 (all interfaces).
# Its start is blocked during install (policy-rc.d) and the service is stopped and disabled
# afterwards: the tests start their own registry on 127.0.0.1 with a temporary config.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
SUDO=''
if [ "$(id -u)" -ne 0 ]; then SUDO='sudo'; fi

# fonts-noto-color-emoji: the verdicts (✅ ❌ ⚠️) show in the screenshots as on GitHub, not as boxes.
packages=(podman docker-registry bsdutils fonts-noto-color-emoji)
have_browser=0
for browser in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$browser" >/dev/null 2>&1; then have_browser=1; fi
done
if [ "$have_browser" = 0 ]; then packages+=(chromium fonts-dejavu-core); fi
missing=()
for pkg in "${packages[@]}"; do
  if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    echo "install-system-deps: $pkg already installed"
  else
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  # Keep maintainer scripts from starting services while we install (exit 101 = action forbidden).
  policy=/usr/sbin/policy-rc.d
  own_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
    $SUDO chmod 755 "$policy"
    own_policy=1
  fi
  cleanup() { if [ "$own_policy" = 1 ]; then $SUDO rm -f "$policy"; fi; }
  trap cleanup EXIT

  echo "install-system-deps: installing ${missing[*]}"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Never leave the packaged registry service running or enabled: it listens on 0.0.0.0:5000.
if command -v systemctl >/dev/null 2>&1 && [ -e /lib/systemd/system/docker-registry.service ]; then
  if [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now docker-registry.service >/dev/null 2>&1 || true
  else
    # No running systemd (containers, CI sandboxes): disabling still removes the boot symlinks.
    $SUDO systemctl disable docker-registry.service >/dev/null 2>&1 || true
  fi
fi
if [ -x /etc/init.d/docker-registry ]; then
  $SUDO /etc/init.d/docker-registry stop >/dev/null 2>&1 || true
  if command -v update-rc.d >/dev/null 2>&1; then
    $SUDO update-rc.d docker-registry disable >/dev/null 2>&1 || true
  fi
fi

# Report what is there; fail if a tool is still missing.
podman --version
command -v docker-registry >/dev/null || { echo 'install-system-deps: docker-registry not found' >&2; exit 1; }
docker-registry --version 2>/dev/null || true
for browser in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$browser" >/dev/null 2>&1; then "$browser" --version 2>/dev/null || true; exit 0; fi
done
echo 'install-system-deps: no chromium found' >&2
exit 1
