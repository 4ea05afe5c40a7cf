#!/usr/bin/env python3
"""serve_load.py: load benchmark of `verbatim serve`: concurrent searches on loopback while `verbatim index` adds documents.

Usage: bench/serve_load.py [--duration S] [--clients N] [--threads N] [--out DIR] VERBATIM

Indexes corpus/ and ../shared/corpora/sotu.jsonl into a fresh database,
starts `verbatim serve --threads N` on a free loopback port, then for
--duration seconds (default 30) runs N client processes (default 8), each
with one keep-alive connection sending /api/search requests for the queries
of bench/queries.txt in turn (a tenth of them /api/facets, a tenth
/api/quotes), while `verbatim index` adds ../shared/corpora/reuters.jsonl to
the same database, 100 documents (one run and one commit) at a time.
Prints requests per second, p50/p90/p99 latency, errors (any status but
200, or a failed connection: must be 0), and what the indexer added; and
checks that the documents indexed during the run are found at the end.
"""

import argparse
import http.client
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPORA = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpora"))


def queries():
    out = []
    with open(os.path.join(HERE, "queries.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                out.append(line.rstrip("\n").split("\t")[0])
    return out


def client(port, qs, offset, deadline, results):
    """Send requests until `deadline` (time.time()); put (latencies by path, errors, statuses)."""
    lat, errors, statuses = {}, 0, {}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    i = offset
    while time.time() < deadline:
        q = qs[i % len(qs)]
        kind = i % 10
        path = "/api/facets" if kind == 3 else "/api/quotes" if kind == 7 else "/api/search"
        url = path + "?" + urllib.parse.urlencode({"q": q, "limit": 10})
        i += 1
        t0 = time.perf_counter()
        try:
            conn.request("GET", url)
            r = conn.getresponse()
            r.read()
            status = r.status
        except (OSError, http.client.HTTPException):
            status = "connection"
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        lat.setdefault(path, []).append(time.perf_counter() - t0)
        statuses[status] = statuses.get(status, 0) + 1
        if status != 200:
            errors += 1
    conn.close()
    results.put((lat, errors, statuses))


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, int(round(p / 100.0 * (len(sorted_values) - 1))))
    return sorted_values[k]


def split_jsonl(path, outdir, per_batch):
    batches, lines = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            lines.append(line)
            if len(lines) == per_batch:
                batches.append(lines)
                lines = []
    if lines:
        batches.append(lines)
    files = []
    for k, b in enumerate(batches):
        p = os.path.join(outdir, "batch-%03d.jsonl" % k)
        with open(p, "w", encoding="utf-8") as f:
            f.writelines(b)
        files.append(p)
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--duration", type=float, default=30)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--out", default=None, help="working directory (default: a temporary one)")
    ap.add_argument("verbatim")
    a = ap.parse_args()
    vb = os.path.abspath(a.verbatim)
    for name in ("sotu.jsonl", "reuters.jsonl"):
        if not os.path.isfile(os.path.join(CORPORA, name)):
            sys.exit("serve_load.py: needs %s/%s" % (CORPORA, name))
    work = a.out or tempfile.mkdtemp(prefix="vb-serve-load-")
    os.makedirs(work, exist_ok=True)
    db = os.path.join(work, "db")
    shutil.rmtree(db, ignore_errors=True)
    env = dict(os.environ, LC_ALL="C.UTF-8")
    env.pop("VERBATIM_DB", None)

    t0 = time.time()
    for src in (os.path.join(ROOT, "corpus"), os.path.join(CORPORA, "sotu.jsonl")):
        subprocess.run([vb, "index", "--db", db, src], check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stats0 = json.loads(subprocess.run([vb, "stats", "--db", db, "--json"], check=True, env=env,
                                       capture_output=True).stdout)
    print("index before the run: %d documents, %d passages (%.1f s to build)"
          % (stats0["documents"], stats0["passages"], time.time() - t0))
    batches = split_jsonl(os.path.join(CORPORA, "reuters.jsonl"), work, 100)

    server = subprocess.Popen([vb, "serve", "--db", db, "--listen", "127.0.0.1:0",
                               "--threads", str(a.threads), "--quiet"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    line = server.stdout.readline().decode()
    port = int(line.strip().rstrip("/").rsplit(":", 1)[1])

    qs = queries()
    results = multiprocessing.Queue()
    start = time.time()
    deadline = start + a.duration
    procs = [multiprocessing.Process(target=client, args=(port, qs, k * 7, deadline, results))
             for k in range(a.clients)]
    for p in procs:
        p.start()
    # The indexer, in this process: one `verbatim index` (one commit) per batch.
    added = runs = 0
    index_failed = 0
    for b in batches:
        if time.time() >= deadline:
            break
        r = subprocess.run([vb, "index", "--db", db, b], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        runs += 1
        if r.returncode == 0:
            with open(b, encoding="utf-8") as f:
                added += sum(1 for _ in f)
        else:
            index_failed += 1
    lat, by_path, errors, statuses = [], {}, 0, {}
    for _ in procs:
        l, e, s = results.get()
        for path, values in l.items():
            lat += values
            by_path.setdefault(path, []).extend(values)
        errors += e
        for k, v in s.items():
            statuses[k] = statuses.get(k, 0) + v
    for p in procs:
        p.join()
    elapsed = time.time() - start
    stats1 = json.loads(subprocess.run([vb, "stats", "--db", db, "--json"], check=True, env=env,
                                       capture_output=True).stdout)
    # A document indexed during the run is found through the server.
    with open(batches[min(runs, len(batches)) - 1], encoding="utf-8") as f:
        last_id = json.loads(f.readline()).get("id")
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", "/api/show/" + urllib.parse.quote(str(last_id), safe=""))
    seen = c.getresponse().status
    c.close()
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=60)

    lat.sort()
    n = len(lat)
    print("verbatim serve --threads %d, %d client processes (keep-alive), %.0f s, on %d CPU(s), "
          "load average %.1f at the end" % (a.threads, a.clients, elapsed, os.cpu_count() or 0,
                                            os.getloadavg()[0]))
    print("requests   %d (%.0f req/s)" % (n, n / elapsed))
    print("latency    p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms"
          % (1e3 * percentile(lat, 50), 1e3 * percentile(lat, 90), 1e3 * percentile(lat, 99),
             1e3 * (lat[-1] if lat else 0)))
    for path in sorted(by_path):
        v = sorted(by_path[path])
        print("  %-12s %5d requests, p50 %.1f ms, p99 %.1f ms"
              % (path, len(v), 1e3 * percentile(v, 50), 1e3 * percentile(v, 99)))
    print("errors     %d  (statuses: %s)" % (errors, ", ".join("%s: %d" % (k, v) for k, v in
                                                             sorted(statuses.items(), key=str))))
    print("indexer    %d runs (commits), %d documents added, %d failed; index now %d documents, "
          "%d passages" % (runs, added, index_failed, stats1["documents"], stats1["passages"]))
    print("last document indexed during the run, /api/show: %d" % seen)
    print("server exit status %d" % server.returncode)
    if not a.out:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if errors == 0 and seen == 200 and server.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
