# test_show.py: `verbatim show` of passages, documents and quotes, as text and JSON, with their citations, and of unknown ids.
import json
import os

import vbtest

# A document with six passages (short paragraphs are joined: see passage.h).
DOC = "meridian-2012-sharespan-decade"


class Show(vbtest.SharedDbTest):

    def show(self, *args, expect=0):
        return self.vb.run(["show", "--db", self.db] + list(args), expect=expect)

    def file_bytes(self, doc):
        with open(os.path.join(vbtest.corpus_dir(), doc + ".txt"), "rb") as f:
            return f.read()

    def test_passage_json(self):
        out = json.loads(self.show("--json", DOC + "#4").out)
        p, d, ctx = out["passage"], out["document"], out["context"]
        self.assertEqual(p["id"], DOC + "#4")
        self.assertEqual(p["doc"], DOC)
        self.assertEqual(p["n"], 4)
        data = self.file_bytes(DOC)
        self.assertEqual(data[p["start"]:p["end"]].decode("utf-8"), p["text"])
        self.assertEqual(d["id"], DOC)
        meta = vbtest.front_matter(os.path.join(vbtest.corpus_dir(), DOC + ".txt"))
        for k in ("title", "date", "source", "url", "lang", "type"):
            self.assertEqual(d[k], meta[k], k)
        # One passage of context on each side by default.
        self.assertEqual([c["id"] for c in ctx], [DOC + "#3", DOC + "#5"])
        out = json.loads(self.show("--json", "-C", "0", DOC + "#4").out)
        self.assertEqual(out["context"], [])
        out = json.loads(self.show("--json", "--context", "2", DOC + "#1").out)
        self.assertEqual([c["id"] for c in out["context"]], [DOC + "#2", DOC + "#3"])

    def test_passage_text(self):
        p = json.loads(self.show("--json", DOC + "#4").out)["passage"]
        out = self.show("--color", "never", DOC + "#4").out
        meta = vbtest.front_matter(os.path.join(vbtest.corpus_dir(), DOC + ".txt"))
        self.assertIn(meta["title"], out.splitlines()[0])
        self.assertRegex(out, r"(?m)^id\s+%s$" % DOC)
        self.assertRegex(out, r"(?m)^date\s+%s$" % meta["date"])
        self.assertRegex(out, r"passage\s+4 of \d+")
        self.assertIn(" ".join(p["text"].split()), " ".join(out.split()))
        self.assertNotIn("\033[", out)

    def test_document_json(self):
        d = json.loads(self.show("--json", DOC).out)
        self.assertEqual(d["id"], DOC)
        self.assertEqual(d["kind"], "doc")
        self.assertGreater(d["passages"], 1)
        plist = d["passage_list"]
        self.assertEqual([p["id"] for p in plist], ["%s#%d" % (DOC, i) for i in range(1, d["passages"] + 1)])
        data = self.file_bytes(DOC)
        for p in plist:
            self.assertEqual(data[p["start"]:p["end"]].decode("utf-8"), p["text"])
        self.assertEqual(d["path"], os.path.join(vbtest.corpus_dir(), DOC + ".txt"))

    def test_document_text(self):
        d = json.loads(self.show("--json", DOC).out)
        out = self.show("--color", "never", DOC).out
        self.assertIn(d["title"], out.splitlines()[0])
        flat = " ".join(out.split())
        for p in d["passage_list"]:
            self.assertIn("[%s]" % p["id"], out)
            self.assertIn(" ".join(p["text"].split()), flat)

    def test_non_ascii_document(self):
        d = json.loads(self.show("--json", "xingyun-2011-halden-licence").out)
        self.assertEqual(d["lang"], "zh")
        self.assertIn("唱片", "".join(p["text"] for p in d["passage_list"]))

    def quote(self, passage, speaker):
        out = json.loads(self.show("--json", passage).out)
        for q in out["passage"]["quotes"]:
            if q.get("speaker", {}).get("name") == speaker:
                return q
        raise AssertionError("no quote of %s in %s" % (speaker, passage))

    def test_quote_json(self):
        lawsuit = "ifsrp-2005-sharespan-lawsuit"
        q = self.quote(lawsuit + "#2", "Conrad Ashworth-Vale")
        out = json.loads(self.show("--json", "--accessed", "2024-01-02", q["id"]).out)
        quote, p, d, c = out["quote"], out["passage"], out["document"], out["citation"]
        self.assertEqual(quote["id"], q["id"])
        self.assertEqual(quote["kind"], "quote")
        self.assertEqual(quote["speaker"]["name"], "Conrad Ashworth-Vale")
        self.assertEqual(quote["speaker"]["role"], "chairman and chief executive")
        self.assertEqual(quote["doc"], lawsuit)
        self.assertEqual(p["id"], lawsuit + "#2")
        self.assertIn(quote["text"], p["text"])
        data = self.file_bytes(lawsuit)
        self.assertEqual(data[quote["start"]:quote["end"]].decode("utf-8"), quote["text"])
        self.assertEqual(d["id"], lawsuit)
        # Its citation: the document, carrying this quote only, at its paragraph.
        self.assertEqual(c["key"], "ifsrp2005record")
        item = c["item"]
        self.assertEqual(item["id"], c["key"])
        self.assertEqual(item["type"], "report")
        self.assertEqual(item["accessed"], {"date-parts": [[2024, 1, 2]]})
        qs = item["custom"]["verbatim"]["quotes"]
        self.assertEqual([x["id"] for x in qs], [q["id"]])
        self.assertEqual(qs[0]["locator"], "para. 3")
        self.assertTrue(c["text"].startswith("International Federation of Sound Recording "
                                             "Producers. (2005, March 8). Record companies"), c["text"])

    def test_quote_text(self):
        q = self.quote("ifsrp-2005-sharespan-lawsuit#2", "Fergus Maitland")
        out = self.show("--color", "never", q["id"]).out
        flat = " ".join(out.split())
        self.assertIn(" ".join(q["text"].split()), flat)
        self.assertIn("\u2014 Fergus Maitland, general counsel, International Federation of Sound Recording Producers", out)
        self.assertRegex(out, r"(?m)^passage\s+ifsrp-2005-sharespan-lawsuit#2, paragraph 3$")
        self.assertRegex(out, r"(?m)^cite as\s+\[ifsrp2005record\]$")
        self.assertIn("Record companies file copyright claim", out.split("cite as")[1])

    def test_passage_and_document_citations(self):
        out = json.loads(self.show("--json", DOC + "#4").out)
        c = out["citation"]
        self.assertEqual(c["item"]["type"], "article-newspaper")
        self.assertEqual(c["item"]["author"], [{"family": "Colquhoun", "given": "Hannah"}])
        self.assertTrue(c["key"].startswith("colquhoun2012"), c["key"])
        self.assertEqual([q["id"] for q in c["item"]["custom"]["verbatim"]["quotes"]],
                         [q["id"] for q in out["passage"].get("quotes", [])])
        d = json.loads(self.show("--json", DOC).out)
        self.assertEqual(d["citation"]["key"], c["key"])
        self.assertEqual(d["citation"]["item"]["custom"]["verbatim"]["quotes"], [])
        text = self.show("--color", "never", DOC + "#4").out
        self.assertIn("cite as  [%s]" % c["key"], text)

    def test_unknown_id(self):
        for ident in ("no-such-document", DOC + "#999", DOC + "#0", "#1", ""):
            r = self.show(ident, expect=1)
            self.assertEqual(r.out, "")
            self.assertRegex(r.err, r"^verbatim show: ")
            self.assertIn("'%s'" % ident, r.err)
            r = self.show("--json", ident, expect=1)
            self.assertEqual(r.out, "", "nothing on stdout for an unknown id with --json")

    def test_usage(self):
        self.show(expect=2)
        self.show("a", "b", expect=2)
        self.show("-C", "x", DOC, expect=2)
        self.show("--accessed", "yesterday", DOC, expect=2)


if __name__ == "__main__":
    vbtest.main()
