#!/usr/bin/env python3
"""parallel.py: `verbatim index -j 1` against `-j 2` (speed-up, MB/s, peak RSS), and a large run's memory.

Usage: bench/parallel.py VERBATIM [--runs N] [--scale-mb MB] [--large-jobs 2] [--out DIR]
       (bench/run.sh runs it when BENCH_PARALLEL=1; BENCH_PARALLEL_MB sets --scale-mb)

On ../shared/corpora sotu.jsonl + reuters.jsonl, indexes into a fresh
database with -j 1 and -j 2, runs interleaved (-j1, -j2, -j1, ...), each
`--runs` times (default 3), and reports the minimum (median) wall time,
MB/s of input text, CPU time and peak RSS (/usr/bin/time), the speed-up
(-j1 wall / -j2 wall), and the issue's targets.  It then checks that the
two databases answer a few searches identically.

With --scale-mb MB (default 0: skipped), it also generates a corpus of that
size (bench/gen_corpus.py: the two corpora repeated with fresh ids; kept in
OUT for the next run) and indexes it once with each of --large-jobs (comma
separated, default 2), reporting time and peak RSS: memory must stay
bounded whatever the corpus size.  1000 MB takes about 4 minutes to
generate and 5-10 minutes per run on this 2-core machine.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True   # no bench/__pycache__ from the import below
sys.path.insert(0, HERE)
import bench  # noqa: E402  (corpus_info, find_corpora, timed, rmrf, size_of, loadavg)

MB = 1e6
QUERIES = [["tariff"], ['"soviet union"'], ["oil", "prices"], ["speaker:reagan", "economy"]]


def index_cmd(vb, db, jobs, inputs):
    return [vb, "index", "-q", "-j", str(jobs), "--db", db] + inputs


def measure(vb, out, name, inputs, jobs_list, runs):
    res = {j: [] for j in jobs_list}
    for r in range(runs):
        for j in jobs_list:
            db = os.path.join(out, "%s-j%d.db" % (name, j))
            bench.rmrf(db)
            cmd = index_cmd(vb, db, j, inputs)
            t = bench.timed(cmd, db + ".log")
            t["size"] = bench.size_of(db)
            t["load"] = bench.loadavg()
            res[j].append(t)
            print("  [%s] -j%d run %d/%d: %.2f s wall, %.2f s CPU, peak RSS %.0f MB; load %s"
                  % (name, j, r + 1, runs, t["wall"], t["user"] + t["sys"], t["rss_kb"] / 1024,
                     t["load"]), flush=True)
    return res


def same_answers(vb, out, name, jobs_list):
    dbs = [os.path.join(out, "%s-j%d.db" % (name, j)) for j in jobs_list]
    for q in QUERIES:
        outs = [subprocess.run([vb, "search", "--json", "-n", "50", "--db", db] + q,
                               capture_output=True, text=True).stdout for db in dbs]
        if any(o != outs[0] for o in outs) or not outs[0]:
            return "DIFFERENT for %s" % q
    return "identical (%d queries, top 50)" % len(QUERIES)


def summary(runs, text_bytes):
    walls = [t["wall"] for t in runs]
    cpus = [t["user"] + t["sys"] for t in runs]
    return {"wall_min": min(walls), "wall_med": statistics.median(walls),
            "mbs_min": text_bytes / MB / min(walls), "mbs_med": text_bytes / MB / statistics.median(walls),
            "cpu_min": min(cpus), "rss_mb": max(t["rss_kb"] for t in runs) / 1024,
            "size_mb": runs[-1]["size"] / MB}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("verbatim")
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS") or 3))
    ap.add_argument("--scale-mb", type=float, default=float(os.environ.get("BENCH_PARALLEL_MB") or 0))
    ap.add_argument("--large-jobs", default="2")
    ap.add_argument("--out", default=os.environ.get("BENCH_OUT") or os.path.join(HERE, "out"))
    a = ap.parse_args()
    vb = os.path.abspath(a.verbatim)
    out = os.path.join(os.path.realpath(a.out), "parallel")
    os.makedirs(out, exist_ok=True)
    corpora = bench.find_corpora()
    small = [os.path.join(corpora, "sotu.jsonl"), os.path.join(corpora, "reuters.jsonl")]
    info = bench.corpus_info(small)
    report = []
    started = time.time()
    report.append("verbatim index -j1 vs -j2: %s; %d cores (nproc), %s; load average %s at start"
                  % (vb, os.cpu_count(), bench.cpu_model(), bench.loadavg()))
    print(report[0], flush=True)

    res = measure(vb, out, "sotu+reuters", small, [1, 2], a.runs)
    s1, s2 = summary(res[1], info["text_bytes"]), summary(res[2], info["text_bytes"])
    speedup_min = s1["wall_min"] / s2["wall_min"]
    speedup_med = s1["wall_med"] / s2["wall_med"]
    pairs = [r1["wall"] / r2["wall"] for r1, r2 in zip(res[1], res[2])]
    report.append("")
    report.append("sotu.jsonl + reuters.jsonl: %d documents, %.2f MB of text; min (median) of %d interleaved runs"
                  % (info["docs"], info["text_bytes"] / MB, a.runs))
    report.append("| jobs | wall s | MB/s text | CPU s | peak RSS MB | size MB |")
    report.append("|---|--:|--:|--:|--:|--:|")
    for j, s in ((1, s1), (2, s2)):
        report.append("| -j %d | %.2f (%.2f) | %.2f (%.2f) | %.2f | %.0f | %.1f |"
                      % (j, s["wall_min"], s["wall_med"], s["mbs_min"], s["mbs_med"], s["cpu_min"],
                         s["rss_mb"], s["size_mb"]))
    report.append("speed-up -j2 over -j1: %.2fx (min walls), %.2fx (median walls); per run pair: %s"
                  % (speedup_min, speedup_med, ", ".join("%.2f" % p for p in pairs)))
    report.append("answers of the -j1 and -j2 databases: %s" % same_answers(vb, out, "sotu+reuters", [1, 2]))
    report.append("targets: -j1 >= 3 MB/s: %s (%.2f); -j2 >= 5 MB/s: %s (%.2f); speed-up >= 1.7x: %s (%.2fx)"
                  % ("met" if s1["mbs_min"] >= 3 else "MISSED", s1["mbs_min"],
                     "met" if s2["mbs_min"] >= 5 else "MISSED", s2["mbs_min"],
                     "met" if speedup_min >= 1.7 else "MISSED", speedup_min))

    if a.scale_mb > 0:
        big = os.path.join(os.path.realpath(a.out), "large-%gMB.jsonl" % a.scale_mb)
        if not bench.cached(big, small, "gen1-%g" % a.scale_mb):
            print("generating %s (not timed)" % big, flush=True)
            subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--size-mb",
                            "%g" % a.scale_mb, "--out", big] + small, check=True,
                           stdout=subprocess.DEVNULL)
            bench.write_stamp(big, small, "gen1-%g" % a.scale_mb)
        binfo = bench.corpus_info([big])
        jobs = [int(j) for j in a.large_jobs.split(",")]
        bres = measure(vb, out, "large", [big], jobs, 1)
        report.append("")
        report.append("generated corpus: %d documents, %.2f MB of text, %.2f MB of JSONL; one run each"
                      % (binfo["docs"], binfo["text_bytes"] / MB, binfo["raw_bytes"] / MB))
        report.append("| jobs | wall s | MB/s text | CPU s | peak RSS MB | size MB |")
        report.append("|---|--:|--:|--:|--:|--:|")
        for j in jobs:
            s = summary(bres[j], binfo["text_bytes"])
            report.append("| -j %d | %.1f | %.2f | %.1f | %.0f | %.0f |"
                          % (j, s["wall_min"], s["mbs_min"], s["cpu_min"], s["rss_mb"], s["size_mb"]))
            bench.rmrf(os.path.join(out, "large-j%d.db" % j))
    report.append("")
    report.append("commands: %s   (DB: %s/NAME-jJ.db); %.0f min in all; load average %s at the end"
                  % (" ".join(index_cmd(vb, "DB", "J", ["INPUTS..."])), out,
                     (time.time() - started) / 60, bench.loadavg()))
    text = "\n".join(report) + "\n"
    print()
    print(text, end="")
    with open(os.path.join(out, "report.md"), "w") as f:
        f.write(text)
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump({"small": res, "report": report}, f, indent=1, default=str)


if __name__ == "__main__":
    main()
