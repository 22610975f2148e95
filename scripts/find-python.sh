#!/usr/bin/env bash
# Prints the path of a Python 3.13+ interpreter: PATH first, then pyenv's versions.
# Exits 1 with a message on stderr when there is none.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 13) else 1)' 2>/dev/null; }
for name in python3.14 python3.13 python3; do
  p=$(command -v "$name" 2>/dev/null) && ok "$p" && { echo "$p"; exit 0; }
done
root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for p in $(ls -d "$root"/versions/3.1[3-9]*/bin/python 2>/dev/null | sort -rV); do
  ok "$p" && { echo "$p"; exit 0; }
done
echo "citywatch needs Python 3.13 or newer: none found on PATH (python3.14, python3.13) or in pyenv ($root/versions)." >&2
echo "Install one, e.g. 'pyenv install 3.13', then run 'make setup' again." >&2
exit 1
