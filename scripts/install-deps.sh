#!/bin/sh
# Installs the Debian packages mlplab builds against, when they are missing.
# Usage: scripts/install-deps.sh PACKAGE...
# As root (or with password-less sudo) it runs apt-get; otherwise it prints the
# exact command to run and exits 1.
set -eu
missing=""
for pkg in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $pkg" ;;
    esac
done
[ -z "$missing" ] && exit 0

echo "mlplab needs these Debian packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
    apt_get="apt-get"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    apt_get="sudo apt-get"
else
    echo "Install them with:"
    echo "    sudo apt-get update && sudo apt-get install -y$missing"
    echo "then run make again."
    exit 1
fi
# A fresh machine's package lists may be empty or stale: update them first, quietly,
# and show apt-get's output only when something fails.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# shellcheck disable=SC2086
if $apt_get update -qq >"$log" 2>&1 &&
   DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq --no-install-recommends $missing >>"$log" 2>&1; then
    echo "Installed:$missing"
else
    cat "$log"
    echo "apt-get could not install:$missing"
    exit 1
fi
