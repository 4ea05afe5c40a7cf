# test_encoding.py: files in Windows-1252, ISO-8859-1, GB18030, Shift-JIS, UTF-16 are converted to UTF-8 and found by search.
import json
import os
import re

import vbtest
from vbtest import parse_summary

ZH = ("港口管理局今天宣布，新的渡轮码头将于明年春天开放。董事会主席表示，这个项目将为岛屿居民提供全天候的交通服务。"
      "渡轮公司也同意增加班次，并降低学生和老人的票价。\n")
JA = ("港湾局は本日、新しいフェリーターミナルを来年の春に開業すると発表しました。理事長は、このターミナルによって島の住民が"
      "天候に左右されずに移動できるようになると述べました。運航会社も便数を増やすことに同意しました。\n")
EN = ("Harbour café reopens\n\nThe café’s new menu costs 12 € a head – “a bargain for the islanders”, "
      "said the manager, Rosalind Crewe. The terrace now faces the trawler basin.\n")
DE = ("Neue Fähre für Süderwik\n\nDie Hafenbehörde von Süderwik hat heute angekündigt, dass die neue Fähre ab März "
      "täglich fährt. Der Bürgermeister sagte, die Überfahrt werde für Schüler günstiger.\n")

# file name -> (bytes, the charset --verbose names, a word to search).  Text files
# say no language, so they are indexed as --lang (en): ICU segments Chinese and
# Japanese words all the same.
FILES = {
    "cafe-1252.txt": (EN.replace("islanders", "islanders of Corvane").encode("cp1252"), "windows-1252", "trawler"),
    "faehre-latin1.txt": (DE.encode("latin-1"), "ISO-8859-1", "Bürgermeister"),
    "ferry-gb18030.txt": (("渡轮码头\n\n" + ZH).encode("gb18030"), "GB18030", "渡轮"),
    "ferry-sjis.txt": (("フェリー\n\n" + JA).encode("shift_jis"), "Shift_JIS", "フェリー"),
    "cafe-utf16le.txt": (b"\xff\xfe" + EN.replace("trawler", "whaler").encode("utf-16-le"), "UTF-16LE", "whaler"),
    "faehre-utf16be.txt": (b"\xfe\xff" + DE.replace("Schüler", "Pendler").encode("utf-16-be"), "UTF-16BE", "Pendler"),
}


class Encodings(vbtest.TempDirTest):

    def setUp(self):
        super().setUp()
        self.dir = self.path("in")
        self.db = self.path("db")
        os.makedirs(self.dir)
        for name, (data, _, _) in FILES.items():
            with open(os.path.join(self.dir, name), "wb") as f:
                f.write(data)

    def index(self, *args):
        r = self.vb.index("--db", self.db, *args)
        return r, parse_summary(r.err)

    def ids(self, *query):
        return sorted({x["doc_id"] for x in self.vb.search(self.db, *query)})

    def test_converted_and_searchable(self):
        r, s = self.index("-v", self.dir)
        self.assertEqual((s["new"], s["failed"]), (len(FILES), 0), s["line"])
        for name, (_, charset, word) in FILES.items():
            # --verbose: "file: charset (confidence N)" or "(byte order mark)".
            path = os.path.join(os.path.realpath(self.dir), name)
            pat = r"^%s: %s \((confidence \d+|byte order mark)\)$" % (re.escape(path), re.escape(charset))
            self.assertRegex(r.err, re.compile(pat, re.M), name)
            self.assertIn(name, self.ids(word), "%s not found by %r" % (name, word))
        # Nothing was left as U+FFFD.
        for name in FILES:
            d = json.loads(self.vb.run(["show", "--db", self.db, "--json", name]).out)
            self.assertNotIn("invalid_utf8", d, name)
            self.assertNotIn("\ufffd", json.dumps(d, ensure_ascii=False), name)
        d = json.loads(self.vb.run(["show", "--db", self.db, "--json", "ferry-gb18030.txt"]).out)
        self.assertEqual(d["title"], "渡轮码头")
        d = json.loads(self.vb.run(["show", "--db", self.db, "--json", "cafe-1252.txt"]).out)
        self.assertIn("12 € a head – “a bargain", d["passage_list"][0]["text"])
        # Without --verbose, no word about encodings that were recognised.
        r, s = self.index("--overwrite", self.dir)
        self.assertNotIn("confidence", r.err)
        self.assertNotIn("warning", r.err)

    def test_utf8_untouched(self):
        # Valid UTF-8 (with or without BOM) is not run through the detector.
        with open(os.path.join(self.dir, "plain.txt"), "wb") as f:
            f.write("Café crème – “quoted” 渡轮\n".encode("utf-8"))
        with open(os.path.join(self.dir, "bom.txt"), "wb") as f:
            f.write(b"\xef\xbb\xbf" + "Fähre mit BOM\n".encode("utf-8"))
        r, s = self.index("-v", self.dir)
        self.assertNotRegex(r.err, r"plain\.txt: ")
        self.assertNotRegex(r.err, r"bom\.txt: ")
        d = json.loads(self.vb.run(["show", "--db", self.db, "--json", "bom.txt"]).out)
        self.assertEqual(d["title"], "Fähre mit BOM")

    def test_low_confidence_warns(self):
        with open(os.path.join(self.dir, "tiny.txt"), "wb") as f:
            f.write("Caf\u00e9\n".encode("latin-1"))
        r, s = self.index(self.dir)
        self.assertRegex(r.err, r"warning: '[^']*tiny\.txt': not UTF-8; guessed windows-1252 with low confidence")
        d = json.loads(self.vb.run(["show", "--db", self.db, "--json", "tiny.txt"]).out)
        self.assertEqual(d["title"], "Café")
        self.assertEqual(s["failed"], 0)

    def test_utf16_jsonl(self):
        recs = [{"id": "u1", "text": "Die Fähre nach Süderwik fährt wieder.", "lang": "de"},
                {"id": "u2", "text": "渡轮码头明年开放。", "lang": "zh"}]
        data = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in recs)
        other = self.path("jsonl")
        os.makedirs(other)
        with open(os.path.join(other, "recs.jsonl"), "wb") as f:
            f.write(b"\xff\xfe" + data.encode("utf-16-le"))
        r, s = self.index("-v", other)
        self.assertEqual((s["new"], s["failed"]), (2, 0), s["line"])
        self.assertIn("recs.jsonl: UTF-16LE (byte order mark)", r.err)
        self.assertEqual(self.ids("Fähre", "lang:de"), ["u1"])
        self.assertEqual(self.ids("码头", "lang:zh"), ["u2"])

    def test_binary_still_skipped(self):
        with open(os.path.join(self.dir, "blob.txt"), "wb") as f:
            f.write(bytes(range(256)) * 4)
        r, s = self.index(self.dir)
        self.assertRegex(r.err, r"'[^']*blob\.txt': binary file, skipped")
        self.assertEqual((s["new"], s["failed"]), (len(FILES), 1), s["line"])


if __name__ == "__main__":
    vbtest.main()
