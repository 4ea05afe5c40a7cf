# test_parallel.py: `verbatim index -j N` and `--shards K` give the same search, quotes and show output whatever N is.
import json
import os
import re
import subprocess

import vbtest
from vbtest import parse_summary

# Queries of every kind: words, phrases, fields, dates, quotes, languages.
QUERIES = [
    ["sharespan", "injunction"],
    ['"internet providers"'],
    ["tariff", "--since", "2005", "--until", "2008"],
    ["speaker:brackley", "has:quote"],
    ["org:ifsrp", "mentioned:2006..2007"],
    ["lang:de", "Vereinbarungen"],
    ["唱片"],
    ["negotiat*"],
    ["--all", "licence", "agreement"],
]
SHARED_QUERIES = [["tariff"], ['"soviet union"'], ["oil", "prices"], ["title:oil", "production"]]


class Parallel(vbtest.TempDirTest):

    def outputs(self, db, queries, show_ids):
        """Everything the search side prints of `db`, as text, by command."""
        out = {}
        for q in queries:
            out["search " + " ".join(q)] = self.vb.run(["search", "--db", db, "--json", "-n", "40"] + q).out
        # "Did you mean" reads Xapian's spelling table, written once per
        # word whatever the writers.
        for q in (["injuction", "brackly"], ["Vereinbarungn"], ["tarrif"]):
            r = self.vb.run(["search", "--db", db, "--json", "-n", "3"] + q)
            out["suggest " + " ".join(q)] = r.err + r.out
        out["quotes"] = self.vb.run(["quotes", "--db", db, "--json", "-n", "200"]).out
        out["quotes brackley"] = self.vb.run(["quotes", "--db", db, "--json", "--speaker", "brackley"]).out
        out["speakers"] = self.vb.run(["speakers", "--db", db, "--json"]).out
        out["entities"] = self.vb.run(["entities", "--db", db, "--json"]).out
        for i in show_ids:
            out["show " + i] = self.vb.run(["show", "--db", db, "--json", i]).out
        stats = json.loads(self.vb.run(["stats", "--db", db, "--json"]).out)
        for k in ("database", "disk_bytes"):
            stats.pop(k, None)
        out["stats"] = json.dumps(stats, sort_keys=True)
        return out

    def show_ids(self, db, queries):
        """A passage, a document and a quote id to `show`."""
        ids = []
        for q in queries[:2]:
            for r in self.vb.search(db, *q)[:2]:
                ids += [r["id"], r["doc_id"]]
        quotes = vbtest.json_lines(self.vb.run(["quotes", "--db", db, "--json", "-n", "3"]).out)
        ids += [q["id"] for q in quotes]
        self.assertTrue(ids, "nothing to show")
        return ids

    def assertSameOutputs(self, a, b, what, may_be_empty=()):
        self.assertEqual(sorted(a), sorted(b))
        for k in a:
            # Suggestions are for corpus/'s words: assertSuggests.
            if k not in may_be_empty and not k.startswith("suggest "):
                self.assertTrue(a[k].strip(), "%s: '%s' printed nothing" % (what, k))
            self.assertEqual(a[k], b[k], "%s: '%s' differs" % (what, k))

    def assertSuggests(self, outs):
        for k in outs:
            if k.startswith("suggest "):
                self.assertIn("showing results for", outs[k], k)

    def index(self, db, jobs, *paths, more=()):
        r = self.vb.index("--db", db, "-j", str(jobs), *more, *paths)
        return parse_summary(r.err)

    def test_corpus_same_for_any_jobs(self):
        corpus = self.copy_corpus()
        summaries, outs = {}, {}
        for jobs in (1, 2, 4):
            db = self.path("db-j%d" % jobs)
            summaries[jobs] = self.index(db, jobs, corpus)
            if jobs == 1:
                ids = self.show_ids(db, QUERIES)
            outs[jobs] = self.outputs(db, QUERIES, ids)
        self.assertGreater(summaries[1]["new"], 40)
        for jobs in (2, 4):
            for k in ("new", "failed", "passages"):
                self.assertEqual(summaries[jobs][k], summaries[1][k], "-j%d: %s" % (jobs, k))
            self.assertSameOutputs(outs[1], outs[jobs], "-j1 vs -j%d" % jobs)
        self.assertSuggests(outs[1])

    def test_fresh_build_in_segments(self):
        # A fresh -j2 build is written by 2 writers into segments merged at
        # the end; small segments make several of the test corpus.  The
        # index is -j1's, and no segment is left next to it.
        corpus = self.copy_corpus()
        one = self.path("one")
        s1 = self.index(one, 1, corpus)
        db = self.path("seg")
        r = self.vb.run(["index", "--db", db, "-j", "2", "--verbose", corpus],
                        env={"VERBATIM_SEGMENT_BYTES": "20000"})
        m = re.search(r"^(\d+) segments? written by 2 writers, merged$", r.err, re.M)
        self.assertTrue(m, r.err)
        self.assertGreater(int(m.group(1)), 3)
        s2 = parse_summary(r.err)
        for k in ("new", "failed", "passages"):
            self.assertEqual(s2[k], s1[k], k)
        self.assertEqual([n for n in os.listdir(self.path(".")) if n.startswith("seg.")], [])
        ids = self.show_ids(one, QUERIES)
        outs = self.outputs(one, QUERIES, ids)
        self.assertSuggests(outs)
        self.assertSameOutputs(outs, self.outputs(db, QUERIES, ids), "-j1 vs -j2 in segments")
        # Re-indexing it is incremental (one writer): nothing to do.
        again = self.index(db, 2, corpus)
        self.assertEqual((again["new"], again["updated"], again["unchanged"]), (0, 0, s1["new"]))

    def test_incremental_with_jobs(self):
        corpus = self.copy_corpus()
        db = self.path("db")
        first = self.index(db, 2, corpus)
        again = self.index(db, 2, corpus)
        self.assertEqual((again["new"], again["updated"], again["unchanged"]), (0, 0, first["new"]))

        # Change one file, remove another: -j2 updates and prunes like -j1.
        names = vbtest.corpus_files()
        changed, removed = os.path.join(corpus, names[0]), os.path.join(corpus, names[1])
        with open(changed, "a", encoding="utf-8") as f:
            f.write("\nA late paragraph about the harbour ferry and its new timetable, added for the test.\n")
        os.remove(removed)
        s = self.index(db, 2, corpus, more=("--prune",))
        self.assertEqual((s["new"], s["updated"], s["removed"]), (0, 1, 1), s["line"])

        fresh = self.path("fresh")
        self.index(fresh, 1, corpus)
        queries = QUERIES + [["harbour", "ferry", "timetable"]]
        ids = self.show_ids(fresh, queries)
        self.assertSameOutputs(self.outputs(fresh, queries, ids), self.outputs(db, queries, ids),
                               "fresh -j1 vs updated -j2")

    def test_shards_same_for_any_jobs(self):
        corpus = self.copy_corpus()
        one = self.path("one")
        self.index(one, 1, corpus)
        outs = {}
        for jobs in (1, 2):
            db = self.path("sharded-j%d" % jobs)
            s = self.index(db, jobs, corpus, more=("--shards", "3"))
            self.assertEqual(s["failed"], 0)
            self.assertTrue(os.path.isfile(os.path.join(db, "XAPIANDB")))
            st = self.vb.stats(db)
            self.assertEqual(st["documents"], self.vb.stats(one)["documents"])
            outs[jobs] = self.outputs(db, QUERIES, self.show_ids(one, QUERIES))
        self.assertSameOutputs(outs[1], outs[2], "--shards 3: -j1 vs -j2")

        # Re-indexing finds the shards by itself; another count is refused.
        db = self.path("sharded-j1")
        s = self.index(db, 2, corpus)
        self.assertEqual(s["new"] + s["updated"], 0, s["line"])
        r = self.vb.index("--db", db, "--shards", "2", corpus, expect=1)
        self.assertIn("3 shards, not 2", r.err)
        r = self.vb.index("--db", one, "--shards", "2", corpus, expect=1)
        self.assertIn("not 2", r.err)

    def test_sharded_database_is_locked_while_written(self):
        db = self.path("sharded")
        first = self.vb.popen(["index", "--db", db, "--shards", "2", "-j", "2", "-"], stdin=subprocess.PIPE)
        try:
            first.stdin.write(b'{"id": "a", "text": "The harbourmaster reads the tide tables."}\n')
            first.stdin.flush()
            locks = [os.path.join(db, "shard-%d" % i, "flintlock") for i in range(2)]
            vbtest.wait_for(lambda: all(os.path.exists(x) for x in locks) or first.poll() is not None,
                            30 * vbtest.slow_factor(), what="the first writer to open %s" % db)
            self.assertIsNone(first.poll(), "the first writer ended early")
            r = self.vb.index("--db", db, self.copy_corpus(), expect=1)
            self.assertIn("database '%s' is locked" % db, r.err)
            first.stdin.close()
            self.assertEqual(first.wait(timeout=120 * vbtest.slow_factor()), 0)
        finally:
            if first.poll() is None:
                first.kill()
                first.wait()
            for stream in (first.stdout, first.stderr):
                stream.close()
        self.assertEqual(self.vb.stats(db)["documents"], 1)

    def test_shared_corpus_same_for_any_jobs(self):
        reuters = vbtest.shared_corpus("reuters.jsonl")
        if not reuters:
            self.skipTest("../shared/corpora/reuters.jsonl is absent")
        outs = {}
        for jobs in (1, 2):
            db = self.path("r%d" % jobs)
            self.index(db, jobs, reuters)
            if jobs == 1:
                ids = self.show_ids(db, SHARED_QUERIES)
            outs[jobs] = self.outputs(db, SHARED_QUERIES, ids)
        self.assertSameOutputs(outs[1], outs[2], "reuters.jsonl: -j1 vs -j2",
                               may_be_empty=("quotes brackley",))

    def test_big_document_among_small_ones(self):
        # A document over the in-memory bound (4 MB) is analysed in the
        # reading thread, between the small ones queued for the workers.
        sentences = vbtest.corpus_sentences()
        path = self.path("mixed.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for i in range(30):
                text = " ".join(sentences[(i * 7 + k) % len(sentences)] for k in range(12))
                f.write(json.dumps({"id": "small-%02d" % i, "title": "Small %d" % i, "text": text}) + "\n")
                if i == 12:
                    big, k = [], 0
                    while sum(len(s) + 1 for s in big) < 4200 * 1000:
                        big.append(sentences[k % len(sentences)] + ("\n\n" if k % 5 == 4 else ""))
                        k += 1
                    f.write(json.dumps({"id": "big", "title": "Big", "text": " ".join(big)}) + "\n")
        queries = [["tariff"], ["agreement"], ["id:big", "agreement"]]
        outs = {}
        for jobs in (1, 2):
            db = self.path("m%d" % jobs)
            s = self.index(db, jobs, path, more=("--no-extract",))
            self.assertEqual(s["new"], 31, s["line"])
            outs[jobs] = self.outputs(db, queries, ["small-00", "big#1", "small-29"])
        self.assertSameOutputs(outs[1], outs[2], "a big document: -j1 vs -j2",
                               may_be_empty=("quotes", "quotes brackley", "speakers", "entities"))


if __name__ == "__main__":
    vbtest.main()
