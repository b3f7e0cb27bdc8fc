#!/usr/bin/env bash
# Review or accept snapshot changes after a test run (see docs/rule-updates.md).
#   tools/snapshots.sh review   show every pending change as a unified diff
#   tools/snapshots.sh accept   accept them all (rename *.received.* to *.verified.*)
# Never run 'accept' without reading 'review' first; CI never accepts anything.
set -euo pipefail
cd "$(dirname "$0")/../tests/Coding.Tests/Snapshots"
shopt -s nullglob
received=(*.received.*)
if [ ${#received[@]} -eq 0 ]; then
  echo "no pending snapshot changes"
  exit 0
fi
case "${1:-review}" in
  review)
    for f in "${received[@]}"; do
      v="${f/.received./.verified.}"
      if [ -f "$v" ]; then diff -u "$v" "$f" || true; else echo "=== NEW: $f"; cat "$f"; fi
    done ;;
  accept)
    for f in "${received[@]}"; do mv "$f" "${f/.received./.verified.}"; echo "accepted ${f/.received./.verified.}"; done ;;
  *) echo "usage: tools/snapshots.sh review|accept" >&2; exit 2 ;;
esac
