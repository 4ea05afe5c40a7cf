#!/usr/bin/env python3
"""searchab.py: whole `verbatim search` processes of two or more builds,
taking turns query by query; p50 and p95 over the queries of each build's
median time per query.

    bench/searchab.py DB QUERIES /tmp/old/verbatim build/verbatim

QUERIES is bench/queries.txt's format (the query is the text before the
first tab; blank lines and '#' lines are skipped).  The builds run each
query in turn, --rounds times, so that a change in load falls on all of
them; bench/run.sh's report does the same against quest.
"""
import argparse
import statistics
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db")
    ap.add_argument("queries")
    ap.add_argument("verbatim", nargs="+", help="verbatim binaries to compare")
    ap.add_argument("--rounds", type=int, default=5, help="runs of each query per build (5)")
    ap.add_argument("--limit", type=int, default=10, help="results per query (10)")
    a = ap.parse_args()
    with open(a.queries, encoding="utf-8") as f:
        qs = [l.rstrip("\n").split("\t")[0] for l in f
              if l.strip() and not l.startswith("#")]
    if not qs:
        sys.exit(f"searchab.py: no queries in {a.queries}")
    medians = {b: [] for b in a.verbatim}
    for q in qs:
        times = {b: [] for b in a.verbatim}
        for _ in range(a.rounds):
            for b in a.verbatim:
                t0 = time.perf_counter()
                r = subprocess.run([b, "search", "--db", a.db, "-n", str(a.limit),
                                    "--color", "never", q],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                times[b].append((time.perf_counter() - t0) * 1000)
                if r.returncode not in (0, 1):
                    sys.exit(f"searchab.py: {b} failed on {q!r}: {r.stderr.decode()}")
        for b in a.verbatim:
            medians[b].append(statistics.median(times[b]))
    print(f"{len(qs)} queries x {a.rounds} rounds, whole processes, ms")
    for b in a.verbatim:
        v = sorted(medians[b])
        p50 = v[len(v) // 2]
        p95 = v[min(len(v) - 1, int(0.95 * len(v)))]
        print(f"{b}: p50 {p50:.2f}  p95 {p95:.2f}  max {v[-1]:.2f}")


if __name__ == "__main__":
    main()
