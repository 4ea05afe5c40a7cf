# test_verify.py: `verbatim verify`: exact, near and not found, their exit statuses, the marked differences, the sources.
import json
import os

import vbtest

EXACT, NEAR, NOT_FOUND = 0, 3, 4

LAWSUIT = "ifsrp-2005-sharespan-lawsuit"
# Conrad Ashworth-Vale in the lawsuit's third paragraph.
QUOTE = "We have spent two years trying to persuade Sharespan to take a licence and to respect the rights of artists."
# Ines Kowalczyk, with curly quotes and apostrophes in the file.
HALDEN = "halden-2007-drm-free-downloads"
HALDEN_QUOTE = ("\"We were making life harder for the people who pay us, and the people "
                "who don't pay us weren't affected at all.\"")
# The same words in two articles, four years apart.
SHARED = "carry traffic they neither select nor promote"


class Verify(vbtest.SharedDbTest):

    def verify(self, *args, expect=None):
        return self.vb.run(["verify", "--db", self.db] + list(args), expect=expect)

    def json(self, *args, expect=None):
        r = self.verify("--json", *args, expect=expect)
        return json.loads(r.out)

    def file_bytes(self, doc):
        with open(os.path.join(vbtest.corpus_dir(), doc + ".txt"), "rb") as f:
            return f.read()

    def test_exact(self):
        res = self.json(QUOTE, expect=EXACT)
        self.assertEqual(res["verdict"], "exact")
        self.assertEqual(res["query"], QUOTE)
        m = res["matches"][0]
        self.assertTrue(m["exact"])
        self.assertEqual(m["similarity"], 1.0)
        self.assertEqual([o["op"] for o in m["ops"]], ["equal"])
        self.assertEqual(m["speaker"]["name"], "Conrad Ashworth-Vale")
        self.assertEqual(m["speaker"]["org"], "International Federation of Sound Recording Producers")
        src = m["sources"][0]
        self.assertEqual(src["doc_id"], LAWSUIT)
        self.assertEqual(src["date"], "2005-03-08")
        self.assertEqual(src["passage"], LAWSUIT + "#2")
        self.assertEqual(src["paragraph"], 3)
        # The offsets locate the original wording in the file.
        data = self.file_bytes(LAWSUIT)
        self.assertEqual(data[src["start"]:src["end"]].decode("utf-8"), m["text"])
        self.assertEqual(m["text"], QUOTE.rstrip("."))
        r = self.verify("--color", "never", QUOTE, expect=EXACT)
        self.assertTrue(r.out.startswith("exact match\n"), r.out)
        self.assertIn("Conrad Ashworth-Vale, chairman and chief executive, International Federation of Sound Recording Producers", r.out)
        self.assertIn("2005-03-08", r.out)
        self.assertNotIn("[-", r.out)

    def test_quote_marks_case_and_punctuation_do_not_count(self):
        # Straight quotes and apostrophes for the file's curly ones.
        res = self.json(HALDEN_QUOTE, expect=EXACT)
        self.assertEqual(res["matches"][0]["sources"][0]["doc_id"], HALDEN)
        self.assertIn("don\u2019t pay us weren\u2019t", res["matches"][0]["text"])
        self.verify("\u201c" + QUOTE.upper().replace(",", "") + "\u201d", expect=EXACT)

    def test_a_word_changed(self):
        changed = QUOTE.replace("two years", "three years")
        res = self.json(changed, expect=NEAR)
        self.assertEqual(res["verdict"], "near")
        m = res["matches"][0]
        self.assertFalse(m["exact"])
        self.assertGreaterEqual(m["similarity"], res["threshold"])
        self.assertLess(m["similarity"], 1.0)
        self.assertIn({"op": "delete", "text": "three"}, m["ops"])
        self.assertIn({"op": "insert", "text": "two"}, m["ops"])
        self.assertEqual(m["sources"][0]["doc_id"], LAWSUIT)
        self.assertEqual(m["text"], QUOTE.rstrip("."))
        out = self.verify("--color", "never", changed, expect=NEAR).out
        self.assertTrue(out.startswith("near match\n"), out)
        self.assertIn("spent [-three-]{+two+} years", out)
        self.assertNotIn("\033[", out)
        out = self.verify("--color", "always", changed, expect=NEAR).out
        self.assertIn("\033[31m[-three-]", out)
        # A stricter threshold makes it not found.
        self.json("--threshold", "0.99", changed, expect=NOT_FOUND)

    def test_a_word_dropped(self):
        dropped = QUOTE.replace("persuade Sharespan", "persuade")
        res = self.json(dropped, expect=NEAR)
        ops = res["matches"][0]["ops"]
        self.assertIn({"op": "insert", "text": "Sharespan"}, ops)
        self.assertNotIn("delete", [o["op"] for o in ops])
        self.assertIn("persuade {+Sharespan+} to", self.verify("--color", "never", dropped).out)

    def test_not_found(self):
        text = "The weather in Port Selwyn was lovely for the whole of the summer festival"
        res = self.json(text, expect=NOT_FOUND)
        self.assertEqual(res["verdict"], "not_found")
        self.assertEqual(res["matches"], [])
        r = self.verify(text, expect=NOT_FOUND)
        self.assertTrue(r.out.startswith("not found"), r.out)
        self.json("zzyzzx qqqvvv", expect=NOT_FOUND)

    def test_every_source_earliest_first(self):
        res = self.json(SHARED, expect=EXACT)
        self.assertEqual(len(res["matches"]), 1, "one wording, one match")
        srcs = res["matches"][0]["sources"]
        docs = [s["doc_id"] for s in srcs]
        self.assertEqual(docs, ["meridian-2008-appeal-ruling", "meridian-2012-sharespan-decade"])
        self.assertEqual([s["date"] for s in srcs], sorted(s["date"] for s in srcs))
        for s in srcs:
            data = self.file_bytes(s["doc_id"])
            self.assertEqual(data[s["start"]:s["end"]].decode("utf-8"), SHARED)
        out = self.verify("--color", "never", SHARED).out
        self.assertLess(out.index("2008-02-20"), out.index("2012-09-18"))
        # A date filter keeps the later one only.
        res = self.json("--since", "2010", SHARED, expect=EXACT)
        self.assertEqual([s["doc_id"] for s in res["matches"][0]["sources"]],
                         ["meridian-2012-sharespan-decade"])

    def test_usage(self):
        self.verify(expect=2)
        self.verify("--threshold", "2", "x", expect=2)
        self.verify("--threshold", "abc", "x", expect=2)
        r = self.verify("...", expect=2)
        self.assertIn("no words", r.err)
        self.assertIn("exit status", self.vb.run(["verify", "--help"], expect=0).out)


if __name__ == "__main__":
    vbtest.main()
