# test_show.py: `verbatim show` of passages and documents, as text and JSON, and of unknown ids.
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


if __name__ == "__main__":
    vbtest.main()
