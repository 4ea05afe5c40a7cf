# test_shared_corpora.py: real text from ../shared/corpora (Reuters-21578, State of the Union); skipped when absent.
import json

import vbtest
from vbtest import parse_summary

REUTERS = vbtest.shared_corpus("reuters.jsonl")
SOTU = vbtest.shared_corpus("sotu.jsonl")
SOTU_RECORDS = 30


class SharedCorpora(vbtest.TempDirTest):

    def test_reuters(self):
        if not REUTERS:
            self.skipTest("../shared/corpora/reuters.jsonl is absent")
        with open(REUTERS, encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
        db = self.path("db")
        r = self.vb.index("--db", db, REUTERS, timeout=300 * vbtest.slow_factor())
        s = parse_summary(r.err)
        self.assertEqual((s["new"], s["failed"]), (len(records), 0), s["line"])
        st = self.vb.stats(db)
        self.assertEqual(st["documents"], 2215)
        self.assertEqual(st["documents"], len(records))
        self.assertGreater(st["passages"], st["documents"])
        self.assertEqual(st["languages"], "en")

        res = self.vb.search(db, "said", "-n", "20")
        self.assertEqual(len(res), 20)
        for x in res:
            self.assertRegex(x["text"].lower(), r"\bsaid\b")
            self.assertEqual(x["source"], "Reuters")
        # Ids with a slash, all-caps titles, texts as given.
        first = records[0]
        d = json.loads(self.vb.run(["show", "--db", db, "--json", first["id"]]).out)
        self.assertEqual(d["title"], first["title"])
        self.assertEqual(d["line"], 1)
        text = first["text"].encode("utf-8")
        for p in d["passage_list"]:
            self.assertEqual(text[p["start"]:p["end"]].decode("utf-8"), p["text"])
        phrase = " ".join(first["text"].split()[3:7])
        ids = [x["doc_id"] for x in self.vb.search(db, '"%s"' % phrase.replace('"', ""), "-n", "100")]
        self.assertIn(first["id"], ids, phrase)

        s = parse_summary(self.vb.index("--db", db, REUTERS, timeout=300 * vbtest.slow_factor()).err)
        self.assertEqual((s["new"], s["unchanged"]), (0, len(records)), s["line"])

    def test_sotu_year_dates(self):
        if not SOTU:
            self.skipTest("../shared/corpora/sotu.jsonl is absent")
        with open(SOTU, encoding="utf-8") as f:
            lines = [next(f) for _ in range(SOTU_RECORDS)]
        records = [json.loads(l) for l in lines]
        db = self.path("db")
        s = parse_summary(self.vb.index("--db", db, "-", input="".join(lines), timeout=300 * vbtest.slow_factor()).err)
        self.assertEqual((s["new"], s["failed"]), (SOTU_RECORDS, 0), s["line"])
        # Dates are years: year:, date: and --since/--until work on them.
        years = sorted({r["date"][:4] for r in records})
        middle = records[len(records) // 2]
        y = middle["date"][:4]
        self.assertRegex(middle["text"], r"\bCongress\b")
        res = self.vb.search(db, "congress year:%s" % y, "-n", "1000")
        self.assertTrue(res)
        self.assertEqual({x["date"][:4] for x in res}, {y})
        self.assertIn(middle["id"], {x["doc_id"] for x in res})
        res = self.vb.search(db, "congress", "--since", years[1], "--until", years[3], "-n", "1000")
        self.assertTrue(res)
        for x in res:
            self.assertTrue(years[1] <= x["date"][:4] <= years[3], x["date"])
        self.assertEqual(len({x["doc_id"] for x in res}), 3)
        speakers = {r["speaker"] for r in records}
        d = json.loads(self.vb.run(["show", "--db", db, "--json", records[0]["id"]]).out)
        self.assertIn(d["speaker"], speakers)
        self.assertEqual(d["date"], records[0]["date"])


if __name__ == "__main__":
    vbtest.main()
