#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own unlocked gnome-keyring, so tests use
# the real OS keychain without touching the user's. Each run gets a fresh XDG_DATA_HOME: a keyring
# left by an earlier run with another password would stay locked. Where that cannot be set up (not
# Linux, or dbus-run-session / gnome-keyring-daemon missing), the command runs as it is and the
# keychain tests report themselves skipped, with the reason.
set -euo pipefail
if [ -n "${STOREGLANCE_KEYRING_READY:-}" ]; then exec "$@"; fi
if [ "$(uname -s)" != "Linux" ] || ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: no dbus-run-session/gnome-keyring-daemon here; running without a private keychain" >&2
  exec "$@"
fi
if [ -z "${STOREGLANCE_KEYRING_SESSION:-}" ]; then
  export STOREGLANCE_KEYRING_SESSION=1
  exec dbus-run-session -- bash "$0" "$@"
fi
XDG_DATA_HOME=$(mktemp -d -t storeglance-keyring-XXXXXX)
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
eval "$(printf 'storeglance-test' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
export GNOME_KEYRING_CONTROL STOREGLANCE_KEYRING_READY=1
"$@"
