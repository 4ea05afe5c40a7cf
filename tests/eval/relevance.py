#!/usr/bin/env python3
"""relevance.py: nDCG@10 and MRR of verbatim's ranking against plain BM25.

Indexes corpus/ into a temporary database, runs every query of
tests/eval/relevance/queries.tsv twice, with `search --rank bm25` and with
verbatim's ranking (the default), both with `--json -n 10`, scores the
results against the graded judgments in relevance/qrels.tsv and prints a
table per query type (keyword, speaker, entity, date, mixed).

    relevance.py --verbatim build/verbatim [--corpus corpus] [--split all|tune|test]
                 [--per-query] [--check]

--split tune takes the odd-numbered queries of each type (k01, k03...),
on which the weights in searcher/rank.c were tuned; test the even ones;
all (default) every query.  --check exits 1 unless verbatim beats BM25 on
the nDCG@10 of speaker, entity and date queries and does not lose on
keyword queries (the gate registered in tests/eval/meson.build).

Scoring: nDCG@10 with gain 2^grade - 1 and log2(rank + 1) discount, the
ideal ranking made of every judged passage of the query; MRR is the
reciprocal rank of the first passage graded 2 or 3 in the top 10 (0 when
there is none).  Passages not in qrels.tsv count as grade 0.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REL = os.path.join(HERE, "relevance")
TYPES = ["keyword", "speaker", "entity", "date", "mixed"]
GATED_BETTER = ["speaker", "entity", "date"]
GATED_NOT_WORSE = ["keyword"]


def load_queries():
    out = []
    for line in open(os.path.join(REL, "queries.tsv"), encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        qid, qtype, as_of, text = line.rstrip("\n").split("\t")
        out.append({"id": qid, "type": qtype, "as_of": None if as_of == "-" else as_of,
                    "text": text})
    return out


def load_qrels():
    qrels = {}
    for line in open(os.path.join(REL, "qrels.tsv"), encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        qid, pid, grade = line.split()
        qrels.setdefault(qid, {})[pid] = int(grade)
    return qrels


def ndcg10(ranked, judged):
    dcg = sum((2 ** judged.get(p, 0) - 1) / math.log2(i + 2) for i, p in enumerate(ranked[:10]))
    ideal = sorted(judged.values(), reverse=True)[:10]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def mrr(ranked, judged):
    for i, p in enumerate(ranked[:10]):
        if judged.get(p, 0) >= 2:
            return 1.0 / (i + 1)
    return 0.0


def search(vb, db, q, bm25):
    args = [vb, "search", "--db", db, "--json", "-n", "10"]
    if bm25:
        args += ["--rank", "bm25"]
    if q["as_of"]:
        args += ["--as-of", q["as_of"]]
    r = subprocess.run(args + ["--", q["text"]], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise SystemExit("relevance: search %r failed (%d): %s" % (q["text"], r.returncode, r.stderr))
    return [json.loads(l)["id"] for l in r.stdout.splitlines() if l.strip()]


def in_split(qid, split):
    if split == "all":
        return True
    odd = int(qid[1:]) % 2 == 1
    return odd if split == "tune" else not odd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbatim", required=True)
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "corpus"))
    ap.add_argument("--db", help="an index of the corpus already built (default: build one)")
    ap.add_argument("--split", choices=["all", "tune", "test"], default="all")
    ap.add_argument("--per-query", action="store_true")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()

    queries = [q for q in load_queries() if in_split(q["id"], a.split)]
    qrels = load_qrels()
    with tempfile.TemporaryDirectory(prefix="vb-relevance-") as tmp:
        db = a.db
        if not db:
            db = os.path.join(tmp, "db")
            r = subprocess.run([a.verbatim, "index", "--db", db, a.corpus],
                               capture_output=True, text=True)
            if r.returncode:
                raise SystemExit("relevance: cannot index %s: %s" % (a.corpus, r.stderr))
        scores = {}
        for q in queries:
            judged = qrels.get(q["id"], {})
            for system, bm25 in (("bm25", True), ("verbatim", False)):
                ranked = search(a.verbatim, db, q, bm25)
                scores[(q["id"], system)] = (ndcg10(ranked, judged), mrr(ranked, judged))
            if a.per_query:
                b, v = scores[(q["id"], "bm25")], scores[(q["id"], "verbatim")]
                print("%-4s %-8s nDCG %.3f -> %.3f  MRR %.2f -> %.2f  %s" %
                      (q["id"], q["type"], b[0], v[0], b[1], v[1], q["text"]))

    print("split: %s (%d queries)" % (a.split, len(queries)))
    print("%-8s %3s  %-17s %-17s" % ("type", "n", "nDCG@10 bm25 / vb", "MRR bm25 / vb"))
    table = {}
    for t in TYPES + ["all"]:
        qs = [q for q in queries if t == "all" or q["type"] == t]
        if not qs:
            continue
        row = {}
        for system in ("bm25", "verbatim"):
            row[system] = tuple(sum(scores[(q["id"], system)][k] for q in qs) / len(qs)
                                for k in (0, 1))
        table[t] = row
        print("%-8s %3d  %.3f / %.3f     %.3f / %.3f" %
              (t, len(qs), row["bm25"][0], row["verbatim"][0], row["bm25"][1],
               row["verbatim"][1]))
    if a.check:
        bad = []
        for t in GATED_BETTER:
            if t in table and not table[t]["verbatim"][0] > table[t]["bm25"][0]:
                bad.append("%s: verbatim %.3f does not beat bm25 %.3f" %
                           (t, table[t]["verbatim"][0], table[t]["bm25"][0]))
        for t in GATED_NOT_WORSE:
            if t in table and table[t]["verbatim"][0] < table[t]["bm25"][0] - 1e-9:
                bad.append("%s: verbatim %.3f loses to bm25 %.3f" %
                           (t, table[t]["verbatim"][0], table[t]["bm25"][0]))
        for b in bad:
            print("FAIL " + b)
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
