#!/bin/sh
# Puts the sources of the peer, vietnamadminunits (MIT, github.com/tranngocminhhieu/vietnamadminunits,
# version 1.0.3), in a temporary folder for `npm run bench:address`. Nothing of it is committed.
#
#   sh bench/address/get-peer.sh [DEST]          DEST defaults to ${TMPDIR:-/tmp}/vietnamadminunits-src
#
# From, in order: PEER_GIT_DIR (a local clone or bare mirror of the repository), then
# `pip install --target` (PyPI), then `git clone` from GitHub. The bench finds DEST by itself, or
# set VIETNAMADMINUNITS_DIR=DEST. Its Python dependencies: Debian's python3-shapely, python3-geopy
# and python3-unidecode (apt-get install -y python3-shapely python3-geopy python3-unidecode), or pip.
set -eu
DEST="${1:-${TMPDIR:-/tmp}/vietnamadminunits-src}"
REF="${PEER_REF:-HEAD}"
mkdir -p "$DEST"

if [ -f "$DEST/vietnamadminunits/__init__.py" ]; then
  echo "peer already in $DEST"
  exit 0
fi

from_git_dir() {
  # copy the package folder file by file: the repository's large data files are not needed
  for f in $(git --git-dir="$1" ls-tree -r --name-only "$REF" vietnamadminunits LICENSE); do
    case "$f" in *.db) continue ;; esac
    mkdir -p "$DEST/$(dirname "$f")"
    git --git-dir="$1" show "$REF:$f" >"$DEST/$f"
  done
}

if [ -n "${PEER_GIT_DIR:-}" ]; then
  from_git_dir "$PEER_GIT_DIR"
elif python3 -m pip --version >/dev/null 2>&1 && python3 -m pip install --quiet --no-deps --target "$DEST" vietnamadminunits==1.0.3 2>/dev/null; then
  :
else
  TMP="$(mktemp -d)"
  git clone --quiet --bare --filter=blob:limit=5m https://github.com/tranngocminhhieu/vietnamadminunits "$TMP/repo.git" || {
    echo "could not fetch the peer (no PyPI, no GitHub): set PEER_GIT_DIR to a local clone of tranngocminhhieu/vietnamadminunits" >&2
    exit 1
  }
  from_git_dir "$TMP/repo.git"
  rm -rf "$TMP"
fi
test -f "$DEST/vietnamadminunits/__init__.py"
echo "peer in $DEST"
