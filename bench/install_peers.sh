#!/bin/sh
# Install every peer system bench/quality.py and bench/speed.py compare against.
# Debian/Ubuntu packages: Hunspell and aspell with their US English dictionaries (needs root);
# Python peers (symspellpy, pyspellchecker, autocorrect, codespell) and matplotlib/psutil come
# with the project's `bench` extra. Run from anywhere: `sh bench/install_peers.sh`.
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"

if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update
    $SUDO apt-get install -y hunspell hunspell-en-us aspell aspell-en
else
    echo "apt-get not found: install hunspell (en_US) and aspell (en) yourself;" >&2
    echo "the harness skips them with a note when they are absent." >&2
fi

"$PYTHON" -m pip install -e '.[bench]'
