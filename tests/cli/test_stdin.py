# test_stdin.py: `verbatim index -` reads JSON Lines from standard input.
import json
import os

import vbtest
from vbtest import parse_summary

RECORDS = [
    {"id": "s1", "title": "Stdin one", "date": "2007-04-01", "source": "Pipe Press", "lang": "en",
     "type": "statement", "speaker": "Ada Quill", "text": "Walrus sightings rose along the northern quay."},
    {"id": "s2", "title": "Stdin two", "date": "2008-05", "text": "Ein Walross lag am Kai.", "lang": "de",
     "region": "north"},
    {"title": "No id here", "text": "A pelican without an identifier."},
]


def jsonl(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


class Stdin(vbtest.TempDirTest):

    def setUp(self):
        super().setUp()
        self.db = self.path("db")

    def show(self, ident):
        return json.loads(self.vb.run(["show", "--db", self.db, "--json", ident]).out)

    def test_records_from_stdin(self):
        r = self.vb.index("--db", self.db, "-", input=jsonl(RECORDS))
        s = parse_summary(r.err)
        self.assertEqual((s["new"], s["failed"]), (3, 0), s["line"])
        self.assertEqual(self.vb.stats(self.db)["documents"], 3)

        d = self.show("s1")
        for k in ("title", "date", "source", "lang", "type", "speaker"):
            self.assertEqual(d[k], RECORDS[0][k], k)
        self.assertEqual(d["path"], "-")
        self.assertEqual(d["line"], 1)
        p = d["passage_list"][0]
        self.assertEqual(RECORDS[0]["text"][p["start"]:p["end"]], p["text"])
        self.assertEqual(self.show("s2").get("extra"), {"region": "north"})

        res = self.vb.search(self.db, "walrus")
        self.assertEqual({x["doc_id"] for x in res}, {"s1"})
        # German record, German stemming: "Walrosse" finds "Walross".
        res = self.vb.search(self.db, "Walrosse lang:de")
        self.assertEqual([x["doc_id"] for x in res], ["s2"])
        self.assertEqual(self.vb.search(self.db, "walrus", "--since", "2008"), [])

        # A record without id is named after its line.
        res = self.vb.search(self.db, "pelican")
        self.assertEqual([x["doc_id"] for x in res], ["stdin#L3"])
        self.assertEqual(self.show("stdin#L3")["title"], "No id here")

    def test_again_unchanged_and_prune_keeps_stdin(self):
        self.vb.index("--db", self.db, "-", input=jsonl(RECORDS))
        s = parse_summary(self.vb.index("--db", self.db, "-", input=jsonl(RECORDS)).err)
        self.assertEqual((s["new"], s["updated"], s["unchanged"]), (0, 0, 3), s["line"])
        self.assertIn("(nothing changed)", s["line"])
        changed = [dict(RECORDS[0], text="Walrus sightings fell along the southern quay."), RECORDS[1]]
        s = parse_summary(self.vb.index("--db", self.db, "--prune", "-", input=jsonl(changed)).err)
        self.assertEqual((s["new"], s["updated"], s["unchanged"], s["removed"]), (0, 1, 1, 0), s["line"])
        # Documents read from standard input are kept by --prune.
        self.show("stdin#L3")
        self.assertEqual([x["doc_id"] for x in self.vb.search(self.db, "southern")], ["s1"])
        self.assertEqual(self.vb.search(self.db, "northern"), [])

    def test_stdin_and_files_together(self):
        d = self.path("in")
        os.mkdir(d)
        with open(os.path.join(d, "f.txt"), "w") as f:
            f.write("---\nid: from-file\ntitle: From a file\n---\nA heron stood in the reeds.\n")
        s = parse_summary(self.vb.index("--db", self.db, d, "-", input=jsonl(RECORDS[:1])).err)
        self.assertEqual(s["new"], 2, s["line"])
        self.show("from-file")
        self.show("s1")

    def test_bad_lines_on_stdin(self):
        data = jsonl(RECORDS[:1]) + "this is not json\n" + '{"id":"x"}\n' + jsonl(RECORDS[1:2])
        r = self.vb.index("--db", self.db, "-", input=data)
        s = parse_summary(r.err)
        self.assertEqual((s["new"], s["failed"]), (2, 2), s["line"])
        self.assertRegex(r.err, r"warning: '(-|stdin)'.*\bline 2\b")
        self.assertRegex(r.err, r"warning: '(-|stdin)'.*text.*\bline 3\b")

    def test_empty_stdin(self):
        # Like an empty file: reported and skipped, not an error.
        r = self.vb.index("--db", self.db, "-", input="")
        s = parse_summary(r.err)
        self.assertEqual((s["new"], s["failed"]), (0, 1), s["line"])
        self.assertRegex(r.err, r"warning: '(-|stdin)'.*empty")
        self.assertEqual(self.vb.stats(self.db)["documents"], 0)

    def test_many_records(self):
        path = self.path("gen.jsonl")
        n = vbtest.generate_jsonl(path, 300 * 1000, seed=3)
        with open(path, encoding="utf-8") as f:
            data = f.read()
        s = parse_summary(self.vb.index("--db", self.db, "-", input=data).err)
        self.assertEqual((s["new"], s["failed"]), (n, 0), s["line"])
        self.assertEqual(self.vb.stats(self.db)["documents"], n)
        # The same records from a file get the same ids: nothing new.
        s = parse_summary(self.vb.index("--db", self.db, path).err)
        self.assertEqual((s["new"], s["unchanged"]), (0, n), s["line"])


if __name__ == "__main__":
    vbtest.main()
