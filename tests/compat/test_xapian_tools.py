# test_xapian_tools.py: Xapian's own tools on verbatim's index: xapian-delve, quest, xapian-compact, stub databases.
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
import vbtest  # noqa: E402


def tool(env, name):
    p = os.environ.get(env) or shutil.which(name)
    return p if p and os.access(p, os.X_OK) else None


DELVE = tool("XAPIAN_DELVE", "xapian-delve")
QUEST = tool("QUEST", "quest")
COMPACT = tool("XAPIAN_COMPACT", "xapian-compact")

# Words that appear in passages but in no title, so that verbatim's title
# boost plays no part and its BM25 scores must be quest's.
NOT_IN_TITLES = ("musicians", "households", "damages", "hotline")


def run(args, expect=0):
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120 * vbtest.slow_factor())
    out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    if expect is not None and p.returncode != expect:
        raise AssertionError("%s exited %d, not %d:\n%s\n%s" % (" ".join(args), p.returncode, expect, out, err))
    return out


def corpus_meta():
    return {name[:-4]: vbtest.front_matter(os.path.join(vbtest.corpus_dir(), name)) for name in vbtest.corpus_files()}


def ymd(date):
    """A front-matter date as value slot 0 holds it."""
    parts = date.split("-") + ["01", "01"]
    return parts[0] + parts[1] + parts[2]


def postings(db, term):
    out = run([DELVE, "-1", "-t", term, db])
    return [int(l) for l in out.splitlines()[1:] if l.strip()]


def values(db, slot):
    """docid -> value of `slot`, from xapian-delve -V<slot> -1."""
    out = run([DELVE, "-V%d" % slot, "-1", db])
    res = {}
    for line in out.splitlines()[1:]:
        m = re.match(r"^(\d+):(.*)$", line)
        if m:
            res[int(m.group(1))] = m.group(2)
    return res


def quest(db, query, *options, m=1000):
    """[(weight, data)] of quest's matches, best first."""
    out = run([QUEST, "-d", db, "-m", str(m)] + list(options) + [query])
    lines = out.splitlines()
    res = []
    for i, line in enumerate(lines):
        mm = re.match(r"^(\d+): \[([-+0-9.e]+)\]$", line)
        if mm:
            res.append((float(mm.group(2)), json.loads(lines[i + 1])))
    return res


class XapianTools(vbtest.SharedDbTest):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stats = cls.vb.stats(cls.db)
        cls.meta = corpus_meta()

    # ---- xapian-delve ----------------------------------------------------------

    @unittest.skipUnless(DELVE, "xapian-delve not found")
    def test_delve_summary(self):
        out = run([DELVE, self.db])
        self.assertRegex(out, r"(?m)^number of documents = %d$" % self.stats["xapian_documents"])
        self.assertRegex(out, r"(?m)^has positional information = true$")

    @unittest.skipUnless(DELVE, "xapian-delve not found")
    def test_delve_kinds(self):
        docs = postings(self.db, "XKIND:doc")
        self.assertEqual(len(docs), len(self.meta))
        self.assertEqual(len(docs), self.stats["documents"])
        self.assertEqual(len(postings(self.db, "XKIND:passage")), self.stats["passages"])
        out = run([DELVE, "-1", "-A", "XKIND:", self.db])
        self.assertIn("XKIND:passage", out.split())
        self.assertIn("XKIND:doc", out.split())
        # One Q term per document record, each unique.
        for doc in ("iapa-2004-tariff-response", "xingyun-2011-halden-licence"):
            self.assertEqual(len(postings(self.db, "Q" + doc)), 1, doc)
            self.assertEqual(set(postings(self.db, "Q" + doc)) & set(docs), set(postings(self.db, "Q" + doc)))

    @unittest.skipUnless(DELVE, "xapian-delve not found")
    def test_delve_dates(self):
        dates, ids = values(self.db, 0), values(self.db, 1)
        self.assertTrue(dates)
        for docid, v in dates.items():
            self.assertRegex(v, r"^\d{8}$", "value 0 of document %d" % docid)
        # Every Xapian document of a dated source document carries its date.
        checked = 0
        for docid, doc in ids.items():
            date = self.meta.get(doc, {}).get("date")
            if date:
                self.assertEqual(dates.get(docid), ymd(date), "document %d (%s)" % (docid, doc))
                checked += 1
        self.assertGreaterEqual(checked, self.stats["passages"])
        self.assertEqual({ymd(m["date"]) for m in self.meta.values() if m.get("date")}, set(dates.values()))
        years = run([DELVE, "-1", "-A", "Y", self.db]).split()[1:]
        self.assertIn("Y2003", years)
        self.assertIn("Y2012", years)

    @unittest.skipUnless(DELVE, "xapian-delve not found")
    def test_delve_passage_terms(self):
        r = self.vb.search(self.db, '"new tariff category"')
        self.assertTrue(r)
        pid, text = r[0]["id"], r[0]["text"]
        docids = postings(self.db, "Q" + pid)
        self.assertEqual(len(docids), 1, "Q%s should be unique" % pid)
        out = run([DELVE, "-1", "-r", str(docids[0]), self.db])
        terms = set(out.splitlines()[1:])
        for t in ("Q" + pid, "XDOC:" + r[0]["doc_id"], "XKIND:passage", "Len", "Y2004",
                  "XSOURCE:internet access providers association", "XTYPE:press_release",
                  "Ztariff", "Zcategori", "Zimport", "Zministri"):
            self.assertIn(t, terms, "term list of %s" % pid)
        # The data: the passage's metadata as JSON on one line, then its
        # text as it is (docs/schema.md).
        out = run([DELVE, "-d", "-r", str(docids[0]), self.db])
        raw = out.split("Data for record #%d:\n" % docids[0])[1]
        header, _, body = raw.partition("\n")
        data = json.loads(header)
        self.assertEqual(data["id"], pid)
        self.assertNotIn("text", data)
        self.assertTrue(body.startswith(text), body[:200])
        # Positions: "tariff" is the Nth word of the passage.
        # Words as UAX #29 cuts them: an apostrophe or a full stop between
        # letters does not end a word ("Assembly's", "U.S").
        words = re.findall(r"\w+(?:['\u2019.]\w+)*", text[:text.index("tariff category")])
        out = run([DELVE, "-1", "-r", str(docids[0]), "-t", "Ztariff", self.db])
        positions = [int(x) for x in out.split()[1:] if x.isdigit()]
        self.assertIn(len(words) + 1, positions, "position of 'tariff' in %r" % text)
        # Function words are terms without positions (schema 4), and
        # still take their place in the count above.
        self.assertIn("Zthe", terms)
        out = run([DELVE, "-1", "-r", str(docids[0]), "-t", "Zthe", self.db])
        self.assertIn("Position List for term 'Zthe'", out)
        self.assertEqual([x for x in out.split() if x.isdigit()], [], out)
        # Values: the document id and the passage number.
        v = run([DELVE, "-V", "-r", str(docids[0]), self.db])
        self.assertIn(r[0]["doc_id"], v)
        self.assertIn("%06d" % r[0]["passage"], v)

    # ---- quest -----------------------------------------------------------------

    def verbatim_scores(self, query, *options):
        return [(x["score"], x["id"]) for x in self.vb.search(self.db, query, "-n", "1000", *options)]

    @unittest.skipUnless(QUEST, "quest not found")
    def test_quest_same_ranking_as_verbatim(self):
        titles = " ".join(m.get("title", "") for m in self.meta.values()).lower()
        for word in NOT_IN_TITLES:
            self.assertNotIn(word[:6], titles, "pick another word: %s is in a title" % word)
            q = [(w, d["id"]) for w, d in quest(self.db, word + " kind:passage", "-b", "kind:XKIND:")]
            v = self.verbatim_scores(word, "--all")
            self.assertTrue(q, word)
            self.assertEqual([i for _, i in q[:10]], [i for _, i in v[:10]], "top 10 for %r" % word)
            self.assertEqual(len(q), len(v), word)
            for (qw, qi), (vw, vi) in zip(q, v):
                self.assertAlmostEqual(qw, vw, delta=1e-4 * max(1.0, vw), msg="score of %s for %r" % (qi, word))

    @unittest.skipUnless(QUEST, "quest not found")
    def test_quest_same_matches_as_verbatim(self):
        # Title words change verbatim's order (title boost) but not what matches.
        for word in ("tariff", "sharespan", "injunction"):
            q = {d["id"] for _, d in quest(self.db, word + " kind:passage", "-b", "kind:XKIND:")}
            v = {i for _, i in self.verbatim_scores(word)}
            self.assertTrue(q, word)
            self.assertEqual(q, v, word)

    @unittest.skipUnless(QUEST, "quest not found")
    def test_quest_prefixes(self):
        # Xapian stems a prefixed word into "Z" + prefix + stem: title:S
        # gives ZS terms, as omega's title prefix S does.
        opts = ["-b", "kind:XKIND:", "-b", "year:Y", "-b", "source:XSOURCE:", "-b", "lang:L",
                "-b", "type:XTYPE:", "-b", "id:XDOC:", "-p", "title:S"]
        for qq, vq in (("tariff year:2006 kind:passage", "tariff year:2006"),
                       ('tariff source:"the caldorian ledger" kind:passage', 'tariff source:"The Caldorian Ledger"'),
                       ("title:tariff kind:passage", "title:tariff"),
                       ("lang:de kind:passage", "lang:de"),
                       ("type:statement kind:passage", "type:statement"),
                       ("id:ifsrp-2005-sharespan-lawsuit kind:passage", "id:ifsrp-2005-sharespan-lawsuit")):
            q = {d["id"] for _, d in quest(self.db, qq, *opts)}
            v = {i for _, i in self.verbatim_scores(vq)}
            self.assertTrue(q, qq)
            self.assertEqual(q, v, qq)

    # ---- xapian-compact and stub databases ----------------------------------------

    def same_results(self, db_a, db_b, queries=("tariff", "musicians", "sharespan year:2006", '"media tariff"',
                                                 "Vereinbarungen", "唱片", "IFSRP’s", "tarif")):
        for q in queries:
            a = sorted((x["id"], round(x["score"], 6)) for x in self.vb.search(db_a, q, "-n", "1000"))
            b = sorted((x["id"], round(x["score"], 6)) for x in self.vb.search(db_b, q, "-n", "1000"))
            self.assertTrue(a, "no results for %r in %s" % (q, db_a))
            self.assertEqual(a, b, "results for %r differ between %s and %s" % (q, db_a, db_b))

    @unittest.skipUnless(COMPACT, "xapian-compact not found")
    def test_compact(self):
        tmp = tempfile.mkdtemp(prefix="vb-compat-")
        try:
            out_db = os.path.join(tmp, "compacted")
            run([COMPACT, self.db, out_db])
            st = self.vb.stats(out_db)
            for k in ("documents", "passages", "xapian_documents", "quotes", "languages", "schema_version"):
                self.assertEqual(st.get(k), self.stats.get(k), k)
            self.same_results(self.db, out_db)
            for q in ("tariff", "sharespan"):
                self.assertEqual(self.vb.ids(out_db, q), self.vb.ids(self.db, q), q)
            a = self.vb.run(["show", "--db", self.db, "--json", "iapa-2004-tariff-response"]).out
            b = self.vb.run(["show", "--db", out_db, "--json", "iapa-2004-tariff-response"]).out
            self.assertEqual(a, b)
            # The compacted database takes updates: nothing changed.
            r = self.vb.index("--db", out_db, vbtest.corpus_dir())
            s = vbtest.parse_summary(r.err)
            self.assertEqual((s["new"], s["updated"], s["unchanged"]), (0, 0, len(self.meta)), s["line"])
            # A single-file database can be searched, not written.
            single = os.path.join(tmp, "single.glass")
            run([COMPACT, "--single-file", self.db, single])
            self.same_results(self.db, single, ("tariff", "唱片"))
            r = self.vb.index("--db", single, vbtest.corpus_dir(), expect=1)
            self.assertIn(single, r.err)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def test_stub_database_of_two_shards(self):
        # DESIGN: results over shards must equal those of one combined index.
        tmp = tempfile.mkdtemp(prefix="vb-compat-")
        try:
            halves = [os.path.join(tmp, "half%d" % i) for i in (0, 1)]
            for h in halves:
                os.mkdir(h)
            for i, name in enumerate(vbtest.corpus_files()):
                shutil.copy(os.path.join(vbtest.corpus_dir(), name), halves[i % 2])
            for i, h in enumerate(halves):
                self.vb.index("-q", "--db", os.path.join(tmp, "db%d" % i), h)
            stub = os.path.join(tmp, "stub")
            with open(stub, "w") as f:
                f.write("auto db0\nauto db1\n")
            st = self.vb.stats(stub)
            self.assertEqual(st["shards"], 2)
            for k in ("documents", "passages", "xapian_documents", "quotes", "schema_version"):
                self.assertEqual(st.get(k), self.stats.get(k), k)
            self.same_results(self.db, stub)
            self.assertEqual(st["languages"], self.stats["languages"], "languages of all shards")
            self.vb.run(["show", "--db", stub, "nordklang-2010-sharespan-plus-dach"])
            self.vb.run(["show", "--db", stub, "iapa-2004-tariff-response#2"])
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    vbtest.main()
