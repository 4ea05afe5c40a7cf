#!/usr/bin/env python3
"""bench.py: verbatim's indexing and query benchmarks, beside SQLite FTS5 and Xapian's omindex.

Usage: bench/bench.py VERBATIM [QUERYBENCH]   (bench/run.sh finds both)
       bench/bench.py --report OUT/results.json   (write the report again)

Environment:
  BENCH_SCALE_MB   size of the generated large corpus in MB (default 500;
                   0 skips it)
  BENCH_RUNS       runs of every timing (default 3); figures are the
                   minimum and the median of the runs
  BENCH_PASSES     passes over the query list per in-process run (default 20)
  BENCH_PEERS      0 to measure verbatim alone (default 1)
  BENCH_OUT        working directory (default bench/out)
  BENCH_CORPORA    where sotu.jsonl and reuters.jsonl are (default
                   ../shared/corpora beside the repository, then
                   /work/shared/corpora)
  BENCH_LABEL      what the binary was built from, for the report (default:
                   `git describe --dirty` of this repository)
  BENCH_KEEP       1 to keep the large corpus's databases (default: removed
                   at the end; the generated corpus is kept for the next run)

Every timed command is printed as it runs, exactly as run.  Input figures
are in MB of 10^6 bytes: "text" is the sum of the JSON "text" fields (what
every engine indexes), "raw" the bytes of the .jsonl files.  Each engine
indexes into a fresh database; runs are interleaved (verbatim, FTS5,
omindex, then again), so that a change in the load of this shared machine
does not fall on one engine only.
"""

import csv
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TIME = "/usr/bin/time"
MB = 1e6

LOG = []       # progress, printed as it happens and kept for report.txt
REPORT = []    # the report proper


def log(msg=""):
    print(msg, flush=True)
    LOG.append(msg)


def out(msg=""):
    REPORT.append(msg)


def q(cmd):
    return " ".join(shlex.quote(str(c)) for c in cmd)


def env_int(name, default):
    v = os.environ.get(name)
    return int(v) if v not in (None, "") else default


def env_float(name, default):
    v = os.environ.get(name)
    return float(v) if v not in (None, "") else default


# ---- small helpers ----------------------------------------------------------

def pct(values, p):
    """Nearest-rank percentile."""
    v = sorted(values)
    k = max(1, min(len(v), int(-(-p * len(v) // 100))))
    return v[k - 1]


def minmed(values):
    return min(values), statistics.median(values)


def size_of(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total


def rmrf(path):
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.unlink(path)


def timed(cmd, log_path):
    """Run cmd under /usr/bin/time; wall clock from Python, CPU and peak RSS from time(1)."""
    tf = log_path + ".time"
    full = [TIME, "-f", "%e %U %S %M %w %c", "-o", tf] + [str(c) for c in cmd]
    with open(log_path, "w") as lf:
        t0 = time.perf_counter()
        rc = subprocess.run(full, stdout=lf, stderr=subprocess.STDOUT).returncode
        wall = time.perf_counter() - t0
    if rc != 0:
        with open(log_path, errors="replace") as lf:
            tail = lf.read()[-2000:]
        raise SystemExit("bench: command failed (exit %d): %s\n%s" % (rc, q(full), tail))
    with open(tf) as f:
        fields = f.read().split()[-6:]
    # Voluntary context switches are waits (the disk: fsync); involuntary
    # ones are preemptions (another process wanted the core).
    return {"wall": wall, "user": float(fields[1]), "sys": float(fields[2]),
            "rss_kb": int(fields[3]), "vcsw": int(fields[4]), "ivcsw": int(fields[5]),
            "cmd": q(full)}


def run_quiet(cmd):
    t0 = time.perf_counter()
    rc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    return time.perf_counter() - t0, rc


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def tool_version(cmd):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True)
        return (r.stdout or r.stderr).strip().splitlines()[0]
    except (OSError, IndexError):
        return "?"


# ---- corpora ----------------------------------------------------------------

def find_corpora():
    cands = [os.environ.get("BENCH_CORPORA"),
             os.path.join(REPO, "..", "shared", "corpora"),
             "/work/shared/corpora"]
    for c in cands:
        if c and all(os.path.isfile(os.path.join(c, n)) for n in ("sotu.jsonl", "reuters.jsonl")):
            return os.path.realpath(c)
    raise SystemExit("bench: cannot find sotu.jsonl and reuters.jsonl; set BENCH_CORPORA "
                     "(tried: %s)" % ", ".join(c for c in cands if c))


def iter_docs(paths):
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)


def corpus_info(paths):
    docs = text = 0
    for d in iter_docs(paths):
        docs += 1
        text += len(d.get("text", "").encode("utf-8"))
    return {"docs": docs, "text_bytes": text,
            "raw_bytes": sum(os.path.getsize(p) for p in paths)}


def stamp_of(paths):
    return json.dumps([[p, os.path.getsize(p), int(os.path.getmtime(p))] for p in paths])


def cached(target, paths, version):
    """True when `target` was made from these inputs by this version of the preparation."""
    sp = target + ".stamp"
    want = version + stamp_of(paths)
    if os.path.exists(target) and os.path.exists(sp):
        with open(sp) as f:
            if f.read() == want:
                return True
    return False


def write_stamp(target, paths, version):
    with open(target + ".stamp", "w") as f:
        f.write(version + stamp_of(paths))


# Rows for FTS5: paragraphs (blank lines, indented first lines), short ones
# joined to the next, long ones cut at sentence ends into ~2000 bytes: about
# verbatim's passages (indexer/passage.h), so that both rank and snippet units
# of similar size.
PARA_RE = re.compile(r"\n[ \t]*\n|\n(?=[ \t]+\S)")
SENT_RE = re.compile(r"(?<=[.!?])\s+")


def chunks(text):
    paras = [p.strip() for p in PARA_RE.split(text)]
    paras = [p for p in paras if p]
    merged, carry = [], ""
    for p in paras:
        if carry:
            p = carry + "\n" + p
            carry = ""
        if len(p) < 80:
            carry = p
            continue
        merged.append(p)
    if carry:
        if merged:
            merged[-1] += "\n" + carry
        else:
            merged.append(carry)
    res = []
    for p in merged:
        if len(p) <= 4000:
            res.append(p)
            continue
        cur = ""
        for s in SENT_RE.split(p):
            if cur and len(cur) + 1 + len(s) > 2000:
                res.append(cur)
                cur = s
            else:
                cur = cur + " " + s if cur else s
        if cur:
            res.append(cur)
    return res


def prepare_csv(paths, csv_path):
    version = "csv1"
    if cached(csv_path, paths, version):
        with open(csv_path + ".rows") as f:
            return int(f.read())
    rows = 0
    with open(csv_path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        for d in iter_docs(paths):
            title = d.get("title") or ""
            for c in chunks(d.get("text", "")):
                w.writerow([title, c])
                rows += 1
    with open(csv_path + ".rows", "w") as f:
        f.write(str(rows))
    write_stamp(csv_path, paths, version)
    return rows


def prepare_txt(paths, txt_dir):
    version = "txt1"
    if cached(txt_dir, paths, version):
        return sum(len(fs) for _r, _d, fs in os.walk(txt_dir))
    rmrf(txt_dir)
    n = 0
    for d in iter_docs(paths):
        sub = os.path.join(txt_dir, "%04d" % (n // 1000))
        if n % 1000 == 0:
            os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, "%07d.txt" % n), "w", encoding="utf-8") as f:
            f.write(d.get("text", ""))
        n += 1
    write_stamp(txt_dir, paths, version)
    return n


# ---- queries ----------------------------------------------------------------

def load_queries(path):
    """[(verbatim, fts5 or None, quest or None)] from bench/queries.txt."""
    res = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            vq = cols[0]
            fq = cols[1] if len(cols) > 1 else fts5_form(vq)
            xq = cols[2] if len(cols) > 2 else quest_form(vq)
            res.append((vq, None if fq in ("-", None) else fq,
                        None if xq in ("-", None) else xq))
    return res


def fts5_form(vq):
    """Plain words ORed (verbatim's default; FTS5's is AND), phrases and prefixes kept."""
    if ":" in vq or re.search(r"(^|\s)[-+]|\b(AND|OR|NOT|NEAR)\b", vq):
        return None
    parts = re.findall(r'"[^"]*"|\S+', vq)
    return " OR ".join(parts)


def quest_form(vq):
    if ":" in vq:
        return None
    return vq


def lat_stats(ms):
    return {"p50": pct(ms, 50), "p95": pct(ms, 95), "p99": pct(ms, 99),
            "max": max(ms), "n": len(ms)}


def combine_runs(per_run):
    """{stat: (min, median)} over runs of {stat: value}."""
    keys = per_run[0].keys()
    return {k: minmed([r[k] for r in per_run]) for k in keys if k != "n"}


# ---- the benchmark ----------------------------------------------------------

class Bench:
    def __init__(self, verbatim, querybench):
        self.vb = os.path.realpath(verbatim)
        self.qb = os.path.realpath(querybench) if querybench else None
        self.runs = env_int("BENCH_RUNS", 3)
        self.passes = env_int("BENCH_PASSES", 20)
        self.peers = env_int("BENCH_PEERS", 1) != 0
        self.scale = env_float("BENCH_SCALE_MB", 500)
        self.keep = env_int("BENCH_KEEP", 0) != 0
        self.outdir = os.path.realpath(os.environ.get("BENCH_OUT") or os.path.join(HERE, "out"))
        self.corpora = find_corpora()
        self.queries = load_queries(os.path.join(HERE, "queries.txt"))
        self.results = {"corpora": []}
        for tool in ([TIME, "xapian-compact"] +
                     (["sqlite3", "omindex", "quest"] if self.peers else [])):
            if not shutil.which(tool):
                raise SystemExit("bench: '%s' is missing; run scripts/deps.sh bench" % tool)
        if not self.qb or not os.access(self.qb, os.X_OK):
            raise SystemExit("bench: querybench not built (expected beside the binary, in bench/)")
        # Plain libxapian (bench/xapianpeer.c), built beside querybench.
        self.xp = os.path.join(os.path.dirname(self.qb), "xapianpeer")
        if not os.access(self.xp, os.X_OK):
            raise SystemExit("bench: xapianpeer not built (expected beside querybench)")

    # -- indexing --

    def engines(self, name, inputs, work, variants):
        csv_path = os.path.join(work, "fts5-rows.csv")
        txt_dir = os.path.join(work, "txt")
        sql_path = os.path.join(work, "fts5-import.sql")
        eng = [{
            "name": "verbatim",
            "db": os.path.join(work, "verbatim.db"),
            # One core: the single-core target.  -j 2 below uses both.
            "cmd": lambda db: [self.vb, "index", "-j", "1", "--db", db] + inputs,
            "kind": "xapian",
        }, {
            "name": "verbatim -j 2",
            "db": os.path.join(work, "verbatim-j2.db"),
            "cmd": lambda db: [self.vb, "index", "-j", "2", "--db", db] + inputs,
            "kind": "xapian",
        }]
        if variants:
            # Issue 3's bound: extraction costs at most half the throughput.
            eng.append({
                "name": "verbatim --no-extract",
                "db": os.path.join(work, "verbatim-noextract.db"),
                "cmd": lambda db: [self.vb, "index", "-j", "1", "--no-extract", "--db", db] + inputs,
                "kind": "xapian",
            })
            eng.append({
                "name": "verbatim --no-sync --no-spelling",
                "db": os.path.join(work, "verbatim-nosync.db"),
                "cmd": lambda db: [self.vb, "index", "-j", "1", "--no-sync", "--no-spelling",
                                   "--db", db] + inputs,
                "kind": "xapian",
            })
        if self.peers and variants:
            # What libxapian alone does with the same text on this machine
            # now: the reference the indexing targets were set against
            # (Xapian's defaults; and stemmed terms only, commits of 2000
            # documents, no fsync: the fastest single process).
            eng.append({
                "name": "libxapian, defaults",
                "db": os.path.join(work, "libxapian.db"),
                "cmd": lambda db: [self.xp, db] + inputs,
                "kind": "xapian",
            })
            eng.append({
                "name": "libxapian, STEM_ALL_Z, no sync",
                "db": os.path.join(work, "libxapian-z.db"),
                "cmd": lambda db: [self.xp, "--stem-all-z", "--commit-every", "2000",
                                   "--no-sync", db] + inputs,
                "kind": "xapian",
            })
            # The end-to-end figures with both cores: 8 segments
            # built 2 at a time, merged by Xapian's compactor (5.6 MB/s
            # there with the defaults, 8.0 with stemmed terms only).
            eng.append({
                "name": "libxapian, 8 segments -j 2",
                "db": os.path.join(work, "libxapian-seg.db"),
                "cmd": lambda db: [self.xp, "--segments", "8", "--jobs", "2", db] + inputs,
                "kind": "xapian",
            })
            eng.append({
                "name": "libxapian, STEM_ALL_Z, 8 segments -j 2",
                "db": os.path.join(work, "libxapian-z-seg.db"),
                "cmd": lambda db: [self.xp, "--stem-all-z", "--commit-every", "2000",
                                   "--no-sync", "--segments", "8", "--jobs", "2",
                                   db] + inputs,
                "kind": "xapian",
            })
        if self.peers:
            log("preparing peer inputs for %s (not timed): %s, %s" % (name, csv_path, txt_dir))
            rows = prepare_csv(inputs, csv_path)
            files = prepare_txt(inputs, txt_dir)
            sql_text = ("CREATE VIRTUAL TABLE passages USING fts5(title, body, "
                        "tokenize='porter unicode61');\n"
                        "BEGIN;\n"
                        ".import --csv %s passages\n"
                        "COMMIT;\n" % csv_path)
            with open(sql_path, "w") as f:
                f.write(sql_text)
            eng.append({
                "name": "SQLite FTS5",
                "db": os.path.join(work, "fts5.sqlite"),
                "cmd": lambda db: ["sqlite3", "-bail", db, ".read " + sql_path],
                "kind": "fts5", "units": rows, "sql": sql_path, "sql_text": sql_text,
            })
            eng.append({
                "name": "Xapian omindex",
                "db": os.path.join(work, "omindex.db"),
                "cmd": lambda db: ["omindex", "--db", db, "--url", "/", txt_dir],
                "kind": "xapian", "units": files,
            })
        return eng

    def index_corpus(self, name, inputs, info, work, variants):
        eng = self.engines(name, inputs, work, variants)
        for e in eng:
            e["runs"] = []
        for r in range(self.runs):
            for e in eng:
                rmrf(e["db"])
                cmd = e["cmd"](e["db"])
                log("[%s] index run %d/%d: %s" % (name, r + 1, self.runs, q(cmd)))
                t = timed(cmd, e["db"] + ".log")
                t["size"] = size_of(e["db"])
                e["runs"].append(t)
                log("    %.2f s wall, %.2f s CPU, peak RSS %.0f MB, %.1f MB on disk; "
                    "context switches: %d waits, %d preemptions"
                    % (t["wall"], t["user"] + t["sys"], t["rss_kb"] / 1024, t["size"] / MB,
                       t["vcsw"], t["ivcsw"]))
                if e["name"].startswith(("verbatim", "libxapian")):
                    with open(e["db"] + ".log", errors="replace") as f:
                        m = re.search(r"(\d+) (?:passages;|documents,)", f.read())
                    e["units"] = int(m.group(1)) if m else None
        for e in eng:
            self.compact(name, e)
        return eng

    def compact(self, name, e):
        db = e["db"]
        if e["kind"] == "xapian":
            dst = db + ".compact"
            rmrf(dst)
            cmd = ["xapian-compact", db, dst]
        else:
            dst = db + ".optimized"
            rmrf(dst)
            shutil.copyfile(db, dst)
            cmd = ["sqlite3", "-bail", dst,
                   "INSERT INTO passages(passages) VALUES('optimize'); VACUUM;"]
        log("[%s] compact: %s" % (name, q(cmd)))
        t = timed(cmd, dst + ".log")
        e["compact"] = {"cmd": t["cmd"], "wall": t["wall"], "size": size_of(dst), "path": dst}
        log("    %.2f s, %.1f MB" % (t["wall"], e["compact"]["size"] / MB))

    # -- queries --

    def querybench_run(self, name, db, r):
        """One run of querybench: stats over every query, and over the peers' subsets."""
        qfile = os.path.join(HERE, "queries.txt")
        raw = os.path.join(self.outdir, "querybench-%s-%d.tsv" % (name, r + 1))
        cmd = [self.qb, "--repeat", self.passes, "--warmup", 1, "--raw", raw, db, qfile]
        log("[%s] verbatim in-process run %d/%d: %s" % (name, r + 1, self.runs, q(cmd)))
        res = subprocess.run([str(c) for c in cmd], capture_output=True, text=True)
        if res.returncode:
            raise SystemExit("bench: querybench failed: %s" % res.stderr)
        wall, cpu, phases = [], [], {"build": [], "match": [], "fetch": []}
        sub = {"fts5": [], "quest": []}
        with open(raw) as f:
            for line in f:
                c = line.split("\t")
                qi = int(c[1])
                total = int(c[5]) / 1e6
                wall.append(total)
                cpu.append(int(c[6]) / 1e6)
                phases["build"].append(int(c[2]) / 1e6)
                phases["match"].append(int(c[3]) / 1e6)
                phases["fetch"].append(int(c[4]) / 1e6)
                if self.queries[qi][1] is not None:
                    sub["fts5"].append(total)
                if self.queries[qi][2] is not None:
                    sub["quest"].append(total)
        st = lat_stats(wall)
        st.update({"cpu_" + k: v for k, v in lat_stats(cpu).items()})
        for k, v in phases.items():
            st[k + "_p50"] = pct(v, 50)
            st[k + "_p95"] = pct(v, 95)
        log("    p50 %.3f  p95 %.3f  p99 %.3f ms wall; p95 %.3f ms CPU"
            % (st["p50"], st["p95"], st["p99"], st["cpu_p95"]))
        for line in open(raw):
            c = line.split("\t")
            self.per_query.setdefault(int(c[1]), []).append(
                [int(c[5]) / 1e6, int(c[2]) / 1e6, int(c[3]) / 1e6, int(c[4]) / 1e6])
        return st, {k: lat_stats(v) for k, v in sub.items() if v}, \
            q([self.qb, "--repeat", self.passes, "--warmup", 1, db, qfile])

    FTS5_SQL = ("SELECT rowid, title, snippet(passages, 1, '[', ']', '…', 40) "
                "FROM passages WHERE passages MATCH ? ORDER BY rank LIMIT 10")

    def fts5_run(self, name, con, r):
        qs = [x[1] for x in self.queries if x[1] is not None]
        sql = self.FTS5_SQL
        log("[%s] FTS5 in-process run %d/%d (python %s, SQLite %s), %d queries x %d passes: %s"
            % (name, r + 1, self.runs, sys.version.split()[0], sqlite3.sqlite_version,
               len(qs), self.passes, sql))
        for x in qs:  # warm-up pass, as querybench's
            con.execute(sql, (x,)).fetchall()
        ms = []
        for _ in range(self.passes):
            for x in qs:
                t0 = time.perf_counter()
                con.execute(sql, (x,)).fetchall()
                ms.append((time.perf_counter() - t0) * 1000)
        st = lat_stats(ms)
        log("    p50 %.3f  p95 %.3f  p99 %.3f ms" % (st["p50"], st["p95"], st["p99"]))
        return st

    def in_process(self, name, vdb, fdb):
        """querybench and FTS5 take turns, run by run."""
        per_run, per_run_sub, fts = [], {"fts5": [], "quest": []}, []
        con = sqlite3.connect("file:%s?mode=ro" % fdb, uri=True) if fdb else None
        cmd = None
        self.per_query = {}
        for r in range(self.runs):
            st, sub, cmd = self.querybench_run(name, vdb, r)
            per_run.append(st)
            for k, v in sub.items():
                per_run_sub[k].append(v)
            if con:
                fts.append(self.fts5_run(name, con, r))
        slowest = []
        for qi, v in self.per_query.items():
            med = [statistics.median(x[i] for x in v) for i in range(4)]
            slowest.append(med + [self.queries[qi][0]])
        slowest.sort(key=lambda x: -x[0])
        res = {"inprocess": {"all": combine_runs(per_run),
                             "sub": {k: combine_runs(v) for k, v in per_run_sub.items() if v},
                             "cmd": cmd, "slowest": slowest[:8]}}
        if con:
            con.close()
            res["fts5"] = {"stats": combine_runs(fts), "sql": self.FTS5_SQL,
                           "n": sum(1 for x in self.queries if x[1] is not None)}
        return res

    def whole_process(self, name, contenders):
        """Each query as its own process, once per run; the contenders take turns
        query by query, so that a change in load falls on all of them.
        contenders: [(key, label, make_cmd, select)], select(query entry) giving
        the query text or None to skip.  Returns {key: [ms per run per query]}."""
        samples = {k: [[] for _ in range(self.runs)] for k, *_ in contenders}
        for key, label, make_cmd, select in contenders:
            qs = [x for x in self.queries if select(x) is not None]
            log("[%s] %s, whole process, %d queries x %d runs, e.g.: %s"
                % (name, label, len(qs), self.runs, q(make_cmd(select(qs[0])))))
        for r in range(self.runs):
            for x in self.queries:
                for key, _label, make_cmd, select in contenders:
                    text = select(x)
                    if text is None:
                        samples[key][r].append(None)
                        continue
                    secs, rc = run_quiet(make_cmd(text))
                    if rc != 0:
                        raise SystemExit("bench: failed (exit %d): %s" % (rc, q(make_cmd(text))))
                    samples[key][r].append(secs * 1000)
        return samples

    def whole_stats(self, samples, keep=None):
        """combine_runs of p50/p95 over runs; keep(i) selects queries by index."""
        per_run = []
        for run in samples:
            ms = [v for i, v in enumerate(run) if v is not None and (keep is None or keep(i))]
            per_run.append(lat_stats(ms))
        return combine_runs(per_run)

    def spawn_baseline(self, cmd, n=50):
        per_run = []
        for _ in range(self.runs):
            ms = [run_quiet(cmd)[0] * 1000 for _ in range(n)]
            per_run.append(lat_stats(ms))
        return combine_runs(per_run)

    def query_suite(self, name, eng):
        vdb = eng[0]["db"]
        fts = next((e for e in eng if e["kind"] == "fts5"), None)
        res = self.in_process(name, vdb, fts["db"] if fts else None)
        vcmd = lambda x: [self.vb, "search", "--db", vdb, "-n", "10", "--color", "never", x]
        contenders = [("search", "verbatim search", vcmd, lambda x: x[0])]
        if self.peers:
            omi = next(e for e in eng if e["name"] == "Xapian omindex")
            xcmd = lambda x: ["quest", "-d", omi["db"], "-m", "10", "-f", "default,wildcard", x]
            contenders.append(("quest", "quest on omindex's database", xcmd, lambda x: x[2]))
        samples = self.whole_process(name, contenders)
        res["search"] = {"stats": self.whole_stats(samples["search"]),
                         "cmd": q(vcmd(self.queries[0][0])), "n": len(self.queries)}
        log("    verbatim search: p50 %.2f  p95 %.2f ms (min of runs)"
            % (res["search"]["stats"]["p50"][0], res["search"]["stats"]["p95"][0]))
        if self.peers:
            in_quest = lambda i: self.queries[i][2] is not None
            nq = sum(1 for x in self.queries if x[2] is not None)
            res["search_quest_subset"] = {
                "stats": self.whole_stats(samples["search"], in_quest), "n": nq}
            res["quest"] = {"stats": self.whole_stats(samples["quest"]), "n": nq,
                            "cmd": q(xcmd(next(x[2] for x in self.queries if x[2])))}
            log("    quest: p50 %.2f  p95 %.2f ms (min of runs)"
                % (res["quest"]["stats"]["p50"][0], res["quest"]["stats"]["p95"][0]))
        return res

    # -- one corpus --

    def corpus(self, name, inputs, variants):
        work = os.path.join(self.outdir, name)
        os.makedirs(work, exist_ok=True)
        info = corpus_info(inputs)
        log("")
        log("== %s: %s" % (name, " ".join(inputs)))
        log("   %d documents, text %.2f MB, raw %.2f MB"
            % (info["docs"], info["text_bytes"] / MB, info["raw_bytes"] / MB))
        eng = self.index_corpus(name, inputs, info, work, variants)
        queries = self.query_suite(name, eng)
        c = {"name": name, "inputs": inputs, "info": info, "engines": [], "queries": queries}
        for e in eng:
            c["engines"].append({k: v for k, v in e.items() if k not in ("cmd",)})
            c["engines"][-1]["example_cmd"] = q(e["cmd"](e["db"]))
        self.results["corpora"].append(c)
        return c

    def run(self):
        os.makedirs(self.outdir, exist_ok=True)
        started = datetime.datetime.now()
        meta = {
            "date": started.strftime("%Y-%m-%d %H:%M"),
            "nproc": os.cpu_count(),
            "cpu": cpu_model(),
            "kernel": platform.release(),
            "load_start": loadavg(),
            "verbatim": self.vb,
            "git": os.environ.get("BENCH_LABEL") or
                   subprocess.run(["git", "-C", REPO, "describe", "--always", "--dirty"],
                                  capture_output=True, text=True).stdout.strip() or "?",
            "built": datetime.datetime.fromtimestamp(os.path.getmtime(self.vb))
                     .strftime("%Y-%m-%d %H:%M"),
            "version": tool_version([self.vb, "--version"]),
            "xapian": tool_version(["xapian-compact", "--version"]),
            "sqlite": sqlite3.sqlite_version,
            "omindex": tool_version(["omindex", "--version"]) if self.peers else "-",
            "runs": self.runs, "passes": self.passes, "scale_mb": self.scale,
        }
        self.results["meta"] = meta
        log("verbatim benchmarks: %s, %d runs per timing, output in %s"
            % (self.vb, self.runs, self.outdir))
        small = [os.path.join(self.corpora, "sotu.jsonl"),
                 os.path.join(self.corpora, "reuters.jsonl")]
        self.corpus("sotu+reuters", small, variants=True)

        base = {"true": self.spawn_baseline(["/bin/true"]),
                "version": self.spawn_baseline([self.vb, "--version"])}
        self.results["spawn"] = base

        if self.scale > 0:
            big = os.path.join(self.outdir, "large-%gMB.jsonl" % self.scale)
            if not cached(big, small, "gen1-%g" % self.scale):
                cmd = [sys.executable, os.path.join(HERE, "gen_corpus.py"),
                       "--size-mb", "%g" % self.scale, "--out", big] + small
                log("generating (not timed): %s" % q(cmd))
                subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
                write_stamp(big, small, "gen1-%g" % self.scale)
            c = self.corpus("large-%gMB" % self.scale, [big], variants=False)
            if not self.keep:
                for e in c["engines"]:
                    rmrf(e["db"])
                    rmrf(e["compact"]["path"])
        meta["load_end"] = loadavg()
        meta["elapsed_min"] = (datetime.datetime.now() - started).total_seconds() / 60
        self.report()


    # -- report --

    def report(self):
        m = self.results["meta"]
        out("verbatim benchmark report")
        out("=========================")
        out("date       %s (%.0f min)" % (m["date"], m["elapsed_min"]))
        out("machine    %d cores (nproc), %s, Linux %s; load average %s at start, %s at end"
            % (m["nproc"], m["cpu"], m["kernel"], m["load_start"], m["load_end"]))
        out("verbatim   %s (%s; %s; built %s)" % (m["verbatim"], m["version"], m["git"],
                                                 m.get("built", "?")))
        out("peers      SQLite %s (FTS5), %s" % (m["sqlite"], m["omindex"]))
        out("method     every timing run %d times: figures are min (median) of the runs;"
            % m["runs"])
        out("           MB = 10^6 bytes; MB/s = MB of input text / wall seconds")
        for c in self.results["corpora"]:
            self.report_corpus(c)
        b = self.results["spawn"]
        out("")
        out("Process start-up, for the whole-process figures (ms, p50 / p95, min of runs):")
        out("  /bin/true            %.2f / %.2f" % (b["true"]["p50"][0], b["true"]["p95"][0]))
        out("  verbatim --version   %.2f / %.2f" % (b["version"]["p50"][0], b["version"]["p95"][0]))
        out("")
        out("Commands (as run; DB paths under %s):" % self.outdir)
        seen = set()
        for c in self.results["corpora"]:
            for e in c["engines"]:
                for cmd in (e["runs"][0]["cmd"], e["compact"]["cmd"]):
                    if cmd not in seen:
                        seen.add(cmd)
                        out("  " + cmd)
                if "sql_text" in e:
                    out("    where %s holds: %s" % (os.path.basename(e["sql"]),
                                                   " ".join(e["sql_text"].split("\n"))))
                elif "sql" in e and os.path.exists(e["sql"]):
                    with open(e["sql"]) as f:
                        out("    where %s holds: %s" % (os.path.basename(e["sql"]),
                                                       " ".join(f.read().split("\n"))))
            qs = c["queries"]
            out("  " + qs["inprocess"]["cmd"])
            out("  " + qs["search"]["cmd"] + "   (each query of the list)")
            if "fts5" in qs:
                out("  python3 sqlite3 module: " + qs["fts5"]["sql"])
                out("  " + qs["quest"]["cmd"] + "   (each query of the list)")
        self.report_targets()
        text = "\n".join(REPORT) + "\n"
        with open(os.path.join(self.outdir, "report.md"), "w") as f:
            f.write(self.markdown())
        print()
        print(text, end="")
        with open(os.path.join(self.outdir, "report.txt"), "w") as f:
            f.write(text)
            f.write("\n\nProgress log\n------------\n" + "\n".join(LOG) + "\n")
        with open(os.path.join(self.outdir, "results.json"), "w") as f:
            json.dump(self.results, f, indent=1, default=str)
        print("(written to %s, report.md and results.json)"
              % os.path.join(self.outdir, "report.txt"))

    def targets(self):
        """[(target, corpus, measured, met)] for the issue's targets."""
        res = []
        for c in self.results["corpora"]:
            v = c["engines"][0]["summary"]
            j2 = next((e["summary"] for e in c["engines"] if e["name"] == "verbatim -j 2"), None)
            if j2:
                res += [
                    (">= 5 MB/s of text with -j 2", c["name"], "%.2f MB/s wall" % j2["text_mbs"][0],
                     j2["text_mbs"][0] >= 5),
                    ("-j 2 >= 1.7x -j 1", c["name"], "%.2fx (min walls)" % (v["wall"][0] / j2["wall"][0]),
                     v["wall"][0] / j2["wall"][0] >= 1.7),
                ]
            qs = c["queries"]
            ip = qs["inprocess"]["all"]
            sp = qs["search"]["stats"]
            z = next((e["summary"] for e in c["engines"]
                      if e["name"] == "libxapian, STEM_ALL_Z, no sync"), None)
            if z:
                # The issue set 3 MB/s where this configuration made 5.7
                # MB/s: 0.53 of it.  The same ratio, on today's machine.
                res.append((">= 0.53x libxapian STEM_ALL_Z (3 / 5.7 MB/s)", c["name"],
                            "%.2fx (%.2f vs %.2f MB/s wall)" % (
                                v["text_mbs"][0] / z["text_mbs"][0], v["text_mbs"][0],
                                z["text_mbs"][0]),
                            v["text_mbs"][0] >= 0.53 * z["text_mbs"][0]))
            zs = next((e["summary"] for e in c["engines"]
                       if e["name"] == "libxapian, 8 segments -j 2"), None)
            if zs and j2:
                # 5 MB/s was set where this configuration made 5.6 MB/s.
                res.append((">= 0.89x libxapian 8 segments -j 2 (5 / 5.6)", c["name"],
                            "%.2fx (%.2f vs %.2f MB/s wall)" % (
                                j2["text_mbs"][0] / zs["text_mbs"][0], j2["text_mbs"][0],
                                zs["text_mbs"][0]),
                            j2["text_mbs"][0] >= 5 / 5.6 * zs["text_mbs"][0]))
            res += [
                (">= 3 MB/s of text, whole pipeline, one core", c["name"],
                 "%.2f MB/s wall (%.2f per CPU second)" % (v["text_mbs"][0], v["cpu_mbs"]),
                 v["text_mbs"][0] >= 3),
                ("peak RSS < 1 GB", c["name"], "%.0f MB" % v["rss_mb"], v["rss_mb"] < 1024),
                ("compacted index <= 3x input text", c["name"],
                 "%.2fx" % (v["compact"] / c["info"]["text_bytes"]),
                 v["compact"] <= 3 * c["info"]["text_bytes"]),
                ("in-process p95 < 2 ms (top 10 + snippets)", c["name"],
                 "%.2f ms wall, %.2f ms CPU" % (ip["p95"][0], ip["cpu_p95"][0]),
                 ip["p95"][0] < 2),
                ("verbatim search < 10 ms per query (whole process)", c["name"],
                 "p50 %.2f ms, p95 %.2f ms" % (sp["p50"][0], sp["p95"][0]),
                 sp["p95"][0] < 10),
            ]
        return res

    def report_targets(self):
        out("")
        out("Targets (min of runs):")
        for t, corpus, measured, met in self.targets():
            out("  %-50s %-16s %-36s %s" % (t, corpus, measured, "met" if met else "MISSED"))

    def markdown(self):
        m = self.results["meta"]
        md = []
        md.append("Measured %s on %d cores (nproc) of %s, Linux %s; load average %s at the "
                  "start, %s at the end (the machine is shared)." %
                  (m["date"], m["nproc"], m["cpu"], m["kernel"], m["load_start"], m["load_end"]))
        md.append("%s (%s, built %s); SQLite %s; %s.  Every timing ran %d times: "
                  "min (median).  MB = 10^6 bytes." %
                  (m["version"], m["git"], m.get("built", "?"), m["sqlite"], m["omindex"],
                   m["runs"]))
        for c in self.results["corpora"]:
            info = c["info"]
            tb = info["text_bytes"]
            md.append("")
            md.append("#### %s: %d documents, %.2f MB of text, %.2f MB of JSONL"
                      % (c["name"], info["docs"], tb / MB, info["raw_bytes"] / MB))
            md.append("")
            md.append("| indexer | units | wall s | MB/s text | MB/s raw | CPU s | peak RSS MB "
                      "| size MB (x text) | compacted MB (x text) |")
            md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
            for e in c["engines"]:
                su = e["summary"]
                md.append("| %s | %s | %.2f (%.2f) | %.2f (%.2f) | %.2f (%.2f) | %.2f | %.0f "
                          "| %.1f (%.2fx) | %.1f (%.2fx) |" %
                          (e["name"], e.get("units") or "?", su["wall"][0], su["wall"][1],
                           su["text_mbs"][0], su["text_mbs"][1], su["raw_mbs"][0],
                           su["raw_mbs"][1], su["cpu"][0], su["rss_mb"], su["size"] / MB,
                           su["size"] / tb, su["compact"] / MB, su["compact"] / tb))
            qs = c["queries"]
            md.append("")
            md.append("| query latency, ms | queries | p50 | p95 | p99 |")
            md.append("|---|--:|--:|--:|--:|")

            def row(label, n, st, keys=("p50", "p95", "p99")):
                cells = ["%.3f (%.3f)" % tuple(st[k]) if k in st else "-" for k in keys]
                md.append("| %s | %d | %s |" % (label, n, " | ".join(cells)))
            ip = qs["inprocess"]["all"]
            nq = len(self.queries)
            row("verbatim in-process, top 10 + snippets (wall)", nq, ip)
            row("  same, CPU time", nq, {k[4:]: v for k, v in ip.items() if k.startswith("cpu_")})
            for ph, label in (("build", "build query"), ("match", "match top 10"),
                              ("fetch", "fetch + snippets")):
                row("  phase: " + label, nq,
                    {"p50": ip[ph + "_p50"], "p95": ip[ph + "_p95"]}, ("p50", "p95", "-"))
            if "fts5" in qs:
                row("verbatim in-process, FTS5's queries", qs["fts5"]["n"],
                    qs["inprocess"]["sub"]["fts5"])
                row("SQLite FTS5 in-process, top 10 + snippet()", qs["fts5"]["n"],
                    qs["fts5"]["stats"])
            row("`verbatim search`, whole process", nq, qs["search"]["stats"], ("p50", "p95", "-"))
            if "quest" in qs:
                row("`verbatim search`, quest's queries", qs["quest"]["n"],
                    qs["search_quest_subset"]["stats"], ("p50", "p95", "-"))
                row("`quest` on omindex's database, whole process", qs["quest"]["n"],
                    qs["quest"]["stats"], ("p50", "p95", "-"))
        b = self.results["spawn"]
        md.append("")
        md.append("Process start-up included in the whole-process figures (p50): /bin/true "
                  "%.2f ms, `verbatim --version` %.2f ms." % (b["true"]["p50"][0],
                                                             b["version"]["p50"][0]))
        md.append("")
        md.append("| target | corpus | measured | |")
        md.append("|---|---|---|---|")
        for t, corpus, measured, met in self.targets():
            md.append("| %s | %s | %s | %s |" % (t, corpus, measured,
                                                 "met" if met else "**missed**"))
        return "\n".join(md) + "\n"

    def report_corpus(self, c):
        info = c["info"]
        tb, rb = info["text_bytes"], info["raw_bytes"]
        out("")
        out("Corpus %s: %d documents, text %.2f MB, raw JSONL %.2f MB"
            % (c["name"], info["docs"], tb / MB, rb / MB))
        out("")
        out("Indexing (min (median) of %d runs)" % self.runs)
        hdr = ("%-34s %8s %16s %14s %14s %10s %9s %9s %8s %9s %7s"
               % ("", "units", "wall s", "MB/s text", "MB/s raw", "CPU s",
                  "RSS MB", "size MB", "x text", "compact", "x text"))
        out(hdr)
        speeds = {}
        for e in c["engines"]:
            walls = [r["wall"] for r in e["runs"]]
            cpus = [r["user"] + r["sys"] for r in e["runs"]]
            rss = max(r["rss_kb"] for r in e["runs"]) / 1024
            wmin, wmed = minmed(walls)
            size = e["runs"][-1]["size"]
            csize = e["compact"]["size"]
            speeds[e["name"]] = tb / MB / wmin
            e["summary"] = {"wall": (wmin, wmed), "cpu": minmed(cpus), "rss_mb": rss,
                            "text_mbs": (tb / MB / wmin, tb / MB / wmed),
                            "raw_mbs": (rb / MB / wmin, rb / MB / wmed),
                            "size": size, "compact": csize,
                            "cpu_mbs": tb / MB / min(cpus)}
            out("%-34s %8s %7.2f (%6.2f) %5.2f (%5.2f) %5.2f (%5.2f) %10.2f %9.0f %9.1f %8.2f %9.1f %7.2f"
                % (e["name"], e.get("units") or "?", wmin, wmed, tb / MB / wmin, tb / MB / wmed,
                   rb / MB / wmin, rb / MB / wmed, min(cpus), rss, size / MB, size / tb,
                   csize / MB, csize / tb))
        out("  units: verbatim passages, FTS5 rows (paragraph chunks), omindex documents (files),")
        out("  libxapian documents (paragraphs: bench/xapianpeer.c);")
        out("  RSS: the largest peak over the runs; compact: after xapian-compact, or FTS5")
        out("  'optimize' + VACUUM; CPU s: user + sys, min of runs")
        v = speeds.get("verbatim")
        ratios = ["%s %.2fx" % (n, v / s) for n, s in speeds.items() if n != "verbatim"]
        if ratios:
            out("  verbatim's speed relative to: " + ", ".join(ratios) + " (wall, min of runs)")
        vs = c["engines"][0]["summary"]
        sz = ["%s %.2fx" % (e["name"], vs["compact"] / e["summary"]["compact"])
              for e in c["engines"][1:]]
        if sz:
            out("  verbatim's compacted size relative to: " + ", ".join(sz))
        qs = c["queries"]
        ip = qs["inprocess"]["all"]
        out("")
        out("Query latency, ms (min (median) of %d runs; %d queries, bench/queries.txt)"
            % (self.runs, len(self.queries)))
        out("%-52s %16s %16s %16s" % ("", "p50", "p95", "p99"))

        def row(label, st, keys=("p50", "p95", "p99")):
            cells = []
            for k in keys:
                cells.append("%7.3f (%6.3f)" % tuple(st[k]) if k in st else "%16s" % "-")
            out("%-52s %s" % (label, " ".join(cells)))
        row("verbatim in-process, top 10 + snippets, wall", ip)
        row("  same, CPU time of the thread", {k[4:]: v for k, v in ip.items() if k.startswith("cpu_")})
        row("  phase: build query", {"p50": ip["build_p50"], "p95": ip["build_p95"]})
        row("  phase: match top 10", {"p50": ip["match_p50"], "p95": ip["match_p95"]})
        row("  phase: fetch + snippets", {"p50": ip["fetch_p50"], "p95": ip["fetch_p95"]})
        slow = qs["inprocess"].get("slowest")
        if slow:
            out("  slowest queries in-process (median ms: total = build + match + fetch):")
            for t, b, mt, f, text in slow:
                out("    %7.3f = %.3f + %.3f + %.3f  %s" % (t, b, mt, f, text))
        if "fts5" in qs:
            sub = qs["inprocess"]["sub"]["fts5"]
            row("verbatim in-process, on FTS5's %d queries" % qs["fts5"]["n"], sub)
            row("SQLite FTS5 in-process (python), top 10 + snippet()", qs["fts5"]["stats"])
        row("verbatim search, whole process", qs["search"]["stats"], ("p50", "p95"))
        if "quest" in qs:
            row("verbatim search, whole process, quest's %d queries" % qs["quest"]["n"],
                qs["search_quest_subset"]["stats"], ("p50", "p95"))
            row("quest on omindex's db, whole process (no snippets)", qs["quest"]["stats"], ("p50", "p95"))
            f = qs["fts5"]["stats"]
            out("  verbatim in-process / FTS5: p50 %.2fx, p95 %.2fx (min of runs; >1: verbatim slower)"
                % (sub["p50"][0] / f["p50"][0], sub["p95"][0] / f["p95"][0]))
            s, x = qs["search_quest_subset"]["stats"], qs["quest"]["stats"]
            out("  verbatim search / quest:   p50 %.2fx, p95 %.2fx"
                % (s["p50"][0] / x["p50"][0], s["p95"][0] / x["p95"][0]))


def rerender(path):
    """Write the report again from a results.json (after changing the report only)."""
    b = Bench.__new__(Bench)
    with open(path) as f:
        b.results = json.load(f)
    b.outdir = os.path.dirname(os.path.abspath(path))
    b.runs = b.results["meta"]["runs"]
    b.queries = load_queries(os.path.join(HERE, "queries.txt"))
    b.report()


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0 if len(sys.argv) > 1 else 2)
    if sys.argv[1] == "--report" and len(sys.argv) == 3:
        rerender(sys.argv[2])
        return
    vb = sys.argv[1]
    qb = sys.argv[2] if len(sys.argv) > 2 else None
    Bench(vb, qb).run()


if __name__ == "__main__":
    main()
