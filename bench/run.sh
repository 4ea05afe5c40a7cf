#!/bin/sh
# run.sh: run verbatim's benchmarks (indexing, size, query latency, peers) and print the report.
#
# Usage: bench/run.sh [BUILD/verbatim]   (default: build/verbatim; `make bench`)
# Needs python3, /usr/bin/time, xapian-compact, sqlite3, omindex and quest
# (scripts/deps.sh bench).  Knobs (environment): BENCH_SCALE_MB (default
# 500; 0 skips the large corpus), BENCH_RUNS (3), BENCH_PASSES (20),
# BENCH_PEERS (1), BENCH_OUT (bench/out), BENCH_CORPORA, BENCH_KEEP; see
# bench/bench.py.  The report goes to stdout and to $BENCH_OUT/report.txt.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
verbatim=${1:-build/verbatim}
if [ ! -x "$verbatim" ]; then
	echo "no verbatim binary at '$verbatim': build it first (make build)" >&2
	exit 1
fi
builddir=$(dirname "$verbatim")
querybench=$builddir/bench/querybench
if [ ! -x "$querybench" ] && [ -f "$builddir/build.ninja" ]; then
	ninja -C "$builddir" bench/querybench
fi
if [ ! -x "$querybench" ]; then
	echo "no querybench at '$querybench': is subdir('bench') in meson.build?" >&2
	exit 1
fi
exec python3 "$here/bench.py" "$verbatim" "$querybench"
