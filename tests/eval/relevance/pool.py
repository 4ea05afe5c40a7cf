#!/usr/bin/env python3
"""pool.py: the candidate passages judged for each query (see README.md).

Pools, per query, the top passages of several systems that do not use
verbatim's query understanding: BM25 (`--rank bm25` where it exists, else
the default ranking of a build without it), every word required (`--all`),
field queries built from the query's capitalised words (speaker:, entity:)
and years (date:), and a grep of the passage texts for the query's longer
words.  Prints the pooled passages that qrels.tsv does not judge yet, so a
judge can read them and add a grade (or leave them at 0).

    pool.py VERBATIM DB [QID...]
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STOP = set("what did say said says about the on in of and to for with from "
           "quote quotes statement".split())


def run(vb, db, args):
    r = subprocess.run([vb, "search", "--db", db, "--json"] + args,
                       capture_output=True, text=True)
    return [json.loads(l) for l in r.stdout.splitlines() if l.strip()]


def main():
    vb, db = sys.argv[1], sys.argv[2]
    only = set(sys.argv[3:])
    queries = [l.rstrip("\n").split("\t") for l in open(os.path.join(HERE, "queries.tsv"))
               if l.strip() and not l.startswith("#")]
    judged = {}
    for l in open(os.path.join(HERE, "qrels.tsv")):
        if l.startswith("#") or not l.strip():
            continue
        q, p, g = l.split()
        judged.setdefault(q, {})[p] = int(g)
    texts = {}
    for r in run(vb, db, ["-n", "10000", "--snippet", "20", "--since", "1900"]) + \
            run(vb, db, ["-n", "10000", "--snippet", "20", "lang:en OR NOT lang:en"]):
        texts[r["id"]] = " ".join(r["text"].split())
    for qid, qtype, as_of, query in queries:
        if only and qid not in only:
            continue
        words = [w for w in re.findall(r"[\w'-]+", query) if w.lower() not in STOP]
        pool = []
        pool += [r["id"] for r in run(vb, db, ["-n", "15", query])]
        pool += [r["id"] for r in run(vb, db, ["-n", "10", "--all", " ".join(words)])]
        caps = [w for w in words if w[0].isupper()]
        years = [w for w in words if re.fullmatch(r"(19|20)\d\d", w)]
        rest = [w for w in words if w not in caps and w not in years]
        for c in caps:
            for f in ("speaker", "entity"):
                pool += [r["id"] for r in run(vb, db, ["-n", "10", "%s:%s" % (f, c)] + rest)]
        for y in years:
            pool += [r["id"] for r in run(vb, db, ["-n", "10", "date:%s" % y] + (rest or caps))]
        long_words = [w.lower()[:6] for w in words if len(w) > 3 and w not in years]
        for pid, t in texts.items():
            if long_words and all(w in t.lower() for w in long_words):
                pool.append(pid)
        seen = set()
        new = [p for p in pool if not (p in seen or seen.add(p)) and p not in judged.get(qid, {})]
        print("== %s %s %r: %d pooled, %d unjudged" % (qid, qtype, query, len(seen), len(new)))
        for p in new:
            print("   %s  %s" % (p, texts.get(p, "")[:160]))


if __name__ == "__main__":
    main()
