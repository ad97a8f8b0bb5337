#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own unlocked gnome-keyring, so tests use
# the real OS keychain without touching the user's. Each run gets a fresh XDG_DATA_HOME: a keyring
# left by an earlier run with another password would stay locked.
set -euo pipefail
if [ -z "${STOREGLANCE_KEYRING_SESSION:-}" ]; then
  export STOREGLANCE_KEYRING_SESSION=1
  exec dbus-run-session -- bash "$0" "$@"
fi
XDG_DATA_HOME=$(mktemp -d -t storeglance-keyring-XXXXXX)
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
eval "$(printf 'storeglance-ci' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
