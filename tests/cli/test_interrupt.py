# test_interrupt.py: `verbatim index` killed (SIGKILL) or interrupted (SIGINT, SIGTERM) mid-run leaves whole documents, and a re-run completes.
import collections
import json
import os
import shutil
import signal
import tempfile

import vbtest
from vbtest import parse_summary

# Small batches so that the input (about 1.5 MB, some 4000 passages) makes
# many commits and the indexer can be stopped after the first ones.  The
# clean index uses the default batch size: the result must not depend on it.
COMMIT_EVERY = "300"
INPUT_BYTES = 1500 * 1000
COMPARED = ("documents", "passages", "xapian_documents", "quotes", "speakers", "entities", "languages",
            "schema_version")


class Interrupt(vbtest.TempDirTest):

    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="vb-e2e-")
        cls.input = os.path.join(cls.work, "input.jsonl")
        cls.nrecords = vbtest.generate_jsonl(cls.input, INPUT_BYTES, seed=7)
        vb = vbtest.Verbatim(cls.exe, cls.work)
        cls.clean_db = os.path.join(cls.work, "clean")
        s = parse_summary(vb.index("--db", cls.clean_db, cls.input).err)
        assert s["new"] == cls.nrecords and s["failed"] == 0, s["line"]
        cls.clean_stats = vb.stats(cls.clean_db)
        cls.clean_passages = cls.passages_per_doc(vb, cls.clean_db)
        assert sum(cls.clean_passages.values()) == cls.clean_stats["passages"], "search --lang en missed passages"

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    @staticmethod
    def passages_per_doc(vb, db):
        """doc id -> number of its passages, and each passage's document record must exist."""
        counts = collections.Counter()
        for r in vb.search(db, "--lang", "en", "-n", "100000"):
            counts[r["doc_id"]] += 1
            assert r["title"] is not None, "passage %s has no document record" % r["id"]
        return counts

    def start_and_stop(self, db, sig, *options):
        """Start indexing the input, send `sig` once a commit is visible; return (rc, stderr)."""
        p = self.vb.popen(["index", "--db", db, "--commit-every", COMMIT_EVERY] + list(options) + [self.input])
        try:
            def committed():
                if p.poll() is not None:
                    return True
                r = self.vb.run(["stats", "--db", db, "--json"], expect=None)
                return r.rc == 0 and json.loads(r.out)["documents"] > 0
            vbtest.wait_for(committed, 120 * vbtest.slow_factor(), step=0.02, what="a first commit")
            if p.poll() is not None:
                self.fail("the indexer finished before it could be stopped; make INPUT_BYTES larger")
            p.send_signal(sig)
            out, err = p.communicate(timeout=120 * vbtest.slow_factor())
        finally:
            if p.poll() is None:
                p.kill()
                p.communicate()
        return p.returncode, err.decode("utf-8", "replace")

    def assertWholeDocuments(self, db):
        st = self.vb.stats(db)
        self.assertGreater(st["documents"], 0)
        self.assertLess(st["documents"], self.nrecords, "the indexer was not stopped mid-way")
        counts = self.passages_per_doc(self.vb, db)
        self.assertEqual(len(counts), st["documents"], "passages of documents without their record")
        for doc, n in counts.items():
            self.assertEqual(n, self.clean_passages[doc], "document %s has %d of its %d passages"
                             % (doc, n, self.clean_passages[doc]))
        self.assertEqual(sum(counts.values()), st["passages"])
        return st

    def assertResumes(self, db, done):
        r = self.vb.index("--db", db, self.input)
        s = parse_summary(r.err)
        self.assertEqual((s["new"], s["updated"], s["unchanged"], s["failed"]),
                         (self.nrecords - done, 0, done, 0), s["line"])
        st = self.vb.stats(db)
        self.assertEqual({k: st.get(k) for k in COMPARED}, {k: self.clean_stats.get(k) for k in COMPARED})
        self.assertEqual(self.passages_per_doc(self.vb, db), self.clean_passages)
        for q in ("tariff", '"High Court"', "sharespan year:2006"):
            self.assertEqual(self.vb.ids(db, q, "-n", "20"), self.vb.ids(self.clean_db, q, "-n", "20"), q)

    def test_sigkill(self):
        db = self.path("db")
        rc, err = self.start_and_stop(db, signal.SIGKILL)
        self.assertEqual(rc, -signal.SIGKILL)
        # The database opens and answers at its last commit.
        st = self.assertWholeDocuments(db)
        self.assertTrue(self.vb.search(db, "tariff"))
        self.assertResumes(db, st["documents"])

    def test_sigint(self):
        db = self.path("db")
        rc, err = self.start_and_stop(db, signal.SIGINT)
        r = vbtest.Result(["index"], rc, "", err, 0)
        vbtest.check_result(r, 1)
        s = parse_summary(err)
        self.assertTrue(s["interrupted"], "the summary should start with 'interrupted: ': " + s["line"])
        self.assertEqual(s["failed"], 0, s["line"])
        st = self.assertWholeDocuments(db)
        # Everything the summary counted was committed.
        self.assertEqual(st["documents"], s["new"], s["line"])
        self.assertEqual(st["passages"], s["passages"], s["line"])
        self.assertResumes(db, st["documents"])

    def test_sigterm(self):
        db = self.path("db")
        rc, err = self.start_and_stop(db, signal.SIGTERM)
        vbtest.check_result(vbtest.Result(["index"], rc, "", err, 0), 1)
        s = parse_summary(err)
        self.assertTrue(s["interrupted"], s["line"])
        st = self.assertWholeDocuments(db)
        self.assertEqual(st["documents"], s["new"], s["line"])

    def test_sigint_quiet(self):
        # An interrupted quiet run prints nothing and exits 1 (docs/cli.md).
        db = self.path("db")
        rc, err = self.start_and_stop(db, signal.SIGINT, "-q")
        vbtest.check_result(vbtest.Result(["index", "-q"], rc, "", err, 0), 1)
        self.assertEqual(err, "")
        self.assertWholeDocuments(db)

if __name__ == "__main__":
    vbtest.main()
