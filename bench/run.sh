#!/bin/sh
# run.sh: run verbatim's benchmarks (indexing, size, query latency, peers) and print the report.
#
# Usage: bench/run.sh [BUILD/verbatim]   (default: build/verbatim; `make bench`)
# Needs python3, /usr/bin/time, xapian-compact, sqlite3, omindex and quest
# (scripts/deps.sh bench).  Knobs (environment): BENCH_SCALE_MB (default
# 500; 0 skips the large corpus), BENCH_RUNS (3), BENCH_PASSES (20),
# BENCH_PEERS (1), BENCH_OUT (bench/out), BENCH_CORPORA, BENCH_KEEP; see
# bench/bench.py.  The report goes to stdout and to $BENCH_OUT/report.txt.
# BENCH_PARALLEL=1 first runs bench/parallel.py (-j 1 against -j 2, and with
# BENCH_PARALLEL_MB=1000 a ~1 GB run's peak RSS); BENCH_PARALLEL=only runs
# just that.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
verbatim=${1:-build/verbatim}
if [ ! -x "$verbatim" ]; then
	echo "no verbatim binary at '$verbatim': build it first (make build)" >&2
	exit 1
fi
case ${BENCH_PARALLEL:-0} in
1) python3 "$here/parallel.py" "$verbatim" ;;
only) exec python3 "$here/parallel.py" "$verbatim" ;;
esac
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
