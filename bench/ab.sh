#!/bin/bash
# ab.sh: time commands taking turns, N rounds; print min and median CPU and wall.
#
# Usage: bench/ab.sh N 'LABEL|COMMAND' 'LABEL|COMMAND' ...
#   bench/ab.sh 6 "old|/tmp/old/verbatim index -q -j1 --db /tmp/ab.db C.jsonl" \
#                 "new|build/verbatim index -q -j1 --db /tmp/ab.db C.jsonl"
# /tmp/ab.db is removed before each command (so fresh builds compare).  On a
# shared machine one run says little: the commands take turns so that a
# change in load falls on all of them, and the minimum is the figure to read.
set -eu
n=$1
shift
res=$(mktemp)
trap 'rm -f "$res" /tmp/ab.t' EXIT
for i in $(seq "$n"); do
	for spec in "$@"; do
		label=${spec%%|*}
		cmd=${spec#*|}
		rm -rf /tmp/ab.db
		/usr/bin/time -f "%U %S %e" -o /tmp/ab.t bash -c "$cmd" >/dev/null 2>&1
		echo "$label $(cat /tmp/ab.t)" >>"$res"
	done
done
python3 - "$res" <<'PY'
import collections, statistics as st, sys
d = collections.OrderedDict()
for line in open(sys.argv[1]):
    label, u, s, e = line.rsplit(None, 3)
    d.setdefault(label, []).append((float(u) + float(s), float(e)))
for label, v in d.items():
    cpu = sorted(x[0] for x in v)
    wall = sorted(x[1] for x in v)
    print("%-30s cpu min %.2f med %.2f   wall min %.2f med %.2f  (n=%d)"
          % (label, cpu[0], st.median(cpu), wall[0], st.median(wall), len(v)))
PY
