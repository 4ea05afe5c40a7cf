# test_index.py: `verbatim index` on corpus/: first run, re-run, a changed file, a deleted file with --prune.
import json
import os
import re
import shutil

import vbtest
from vbtest import parse_summary


class IndexCorpus(vbtest.TempDirTest):

    def setUp(self):
        super().setUp()
        self.corpus = self.copy_corpus()
        self.nfiles = len(vbtest.corpus_files())
        self.db = self.path("db")

    def index(self, *args, **kw):
        r = self.vb.index("--db", self.db, *args, **kw)
        return r, parse_summary(r.err)

    def test_first_run_then_nothing_changed(self):
        self.assertGreaterEqual(self.nfiles, 50, "corpus/ should hold 50 press releases")
        r, s = self.index(self.corpus)
        self.assertEqual(s["new"], self.nfiles, s["line"])
        self.assertEqual((s["updated"], s["unchanged"], s["removed"], s["failed"]), (0, 0, 0, 0), s["line"])
        self.assertNotIn("(nothing changed)", s["line"])
        self.assertEqual(r.out, "", "index prints nothing on stdout")

        st = self.vb.stats(self.db)
        self.assertEqual(st["documents"], self.nfiles, st)
        self.assertGreater(st["passages"], st["documents"], st)
        self.assertEqual(st["passages"], s["passages"], "stats and the summary disagree on passages")
        # Quotes live in their passages: one Xapian document per passage and
        # one record per document.
        self.assertEqual(st["xapian_documents"], st["documents"] + st["passages"], st)
        self.assertEqual(st["schema_version"], vbtest.schema_version(), st)
        for lang in ("de", "en", "fr", "zh"):
            self.assertIn(lang, st["languages"], st)

        text = self.vb.run(["stats", "--db", self.db]).out
        self.assertRegex(text, r"(?m)^documents\s+%d$" % self.nfiles)
        self.assertRegex(text, r"(?m)^passages\s+%d$" % st["passages"])

        r, s = self.index(self.corpus)
        self.assertEqual((s["new"], s["updated"], s["unchanged"], s["removed"], s["failed"], s["passages"]),
                         (0, 0, self.nfiles, 0, 0, 0), s["line"])
        self.assertIn("(nothing changed)", s["line"])
        self.assertEqual(self.vb.stats(self.db)["passages"], st["passages"])

    def test_changed_file_is_replaced(self):
        self.index(self.corpus)
        name = "caldoria-mot-2006-tariff-revision"
        old = "The tariff will be reviewed again in 2008."
        before = self.search('"tariff will be reviewed again"')
        self.assertEqual([x["doc_id"] for x in before], [name], "the old sentence should be found before the change")
        path = os.path.join(self.corpus, name + ".txt")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, "The levy will be revisited by the quillwort committee in 2008."))

        r, s = self.index(self.corpus)
        self.assertEqual((s["new"], s["updated"], s["unchanged"], s["removed"], s["failed"]),
                         (0, 1, self.nfiles - 1, 0, 0), s["line"])
        self.assertNotIn("(nothing changed)", s["line"])
        found = self.search("quillwort")
        self.assertEqual([x["doc_id"] for x in found], [name], found)
        self.assertIn("quillwort committee", found[0]["text"])
        self.assertEqual(self.vb.ids(self.db, '"tariff will be reviewed again"'), [],
                         "the old text must be gone from the index")
        # The document's other passages are still there, and only once.
        doc = self.show(name)
        n = doc["passages"]
        self.assertEqual(len(doc["passage_list"]), n)
        self.assertEqual([p["id"] for p in doc["passage_list"]], ["%s#%d" % (name, i) for i in range(1, n + 1)])
        self.assertEqual(self.vb.stats(self.db)["documents"], self.nfiles)

    def test_deleted_file_is_pruned(self):
        _, first = self.index(self.corpus)
        name = "halden-2005-direct-download-store"
        before = self.show(name)
        os.remove(os.path.join(self.corpus, name + ".txt"))

        # Without --prune the document stays.
        r, s = self.index(self.corpus)
        self.assertEqual((s["new"], s["updated"], s["removed"]), (0, 0, 0), s["line"])
        self.vb.run(["show", "--db", self.db, name])

        # --prune from another directory, with a relative path, must not take
        # the other files for gone: documents remember absolute paths.
        other = self.path("elsewhere")
        os.mkdir(other)
        vb2 = vbtest.Verbatim(self.vb.exe, other)
        r = vb2.index("--db", self.db, "--prune", os.path.join("..", "corpus"))
        s = parse_summary(r.err)
        self.assertEqual((s["new"], s["updated"], s["unchanged"], s["removed"], s["failed"]),
                         (0, 0, self.nfiles - 1, 1, 0), s["line"])

        r = self.vb.run(["show", "--db", self.db, name], expect=1)
        self.assertIn(name, r.err)
        self.vb.run(["show", "--db", self.db, name + "#1"], expect=1)
        st = self.vb.stats(self.db)
        self.assertEqual(st["documents"], self.nfiles - 1)
        self.assertEqual(st["passages"], first["passages"] - before["passages"], st)
        self.assertEqual([x for x in self.search("Halden Direct", "-n", "100") if x["doc_id"] == name], [])

        r, s = self.index("--prune", self.corpus)
        self.assertEqual((s["new"], s["removed"]), (0, 0), s["line"])
        self.assertIn("(nothing changed)", s["line"])

    def test_overwrite_starts_afresh(self):
        self.index(self.corpus)
        sub = self.path("one")
        os.mkdir(sub)
        shutil.copy(os.path.join(self.corpus, "iapa-2004-tariff-response.txt"), sub)
        r, s = self.index("--overwrite", sub)
        self.assertEqual((s["new"], s["unchanged"]), (1, 0), s["line"])
        self.assertEqual(self.vb.stats(self.db)["documents"], 1)

    def test_db_from_environment_and_default(self):
        sub = self.path("one")
        os.mkdir(sub)
        shutil.copy(os.path.join(self.corpus, "iapa-2004-tariff-response.txt"), sub)
        # VERBATIM_DB, then the global --db before the command, then ./verbatim.db.
        self.vb.index(sub, env={"VERBATIM_DB": self.path("envdb")})
        self.assertEqual(self.vb.stats(self.path("envdb"))["documents"], 1)
        self.vb.run(["--db", self.path("globaldb"), "index", sub])
        self.assertEqual(self.vb.stats(self.path("globaldb"))["documents"], 1)
        self.vb.index(sub)
        self.assertTrue(os.path.isdir(self.path("verbatim.db")), "default database is ./verbatim.db")
        r = self.vb.run(["search", "--json", "tariff"])
        self.assertTrue(vbtest.json_lines(r.out))

    def search(self, *args):
        return self.vb.search(self.db, *args)

    def show(self, ident):
        return json.loads(self.vb.run(["show", "--db", self.db, "--json", ident]).out)


class DocumentIds(vbtest.TempDirTest):
    """Ids chosen by the input, not by the corpus."""

    def test_id_with_hash_is_not_a_passage(self):
        # A document id may contain '#'.  Its record must not be confused
        # with passage 1 of document "memo", and re-indexing the same input
        # must change nothing.
        data = ('{"id":"memo","title":"Memo","text":"Otters first.\\n\\nBeavers second."}\n'
                '{"id":"memo#1","title":"Hash memo","text":"A different note about herons."}\n')
        db = self.path("db")
        s = parse_summary(self.vb.index("--db", db, "-", input=data).err)
        self.assertEqual(s["new"], 2, s["line"])
        s = parse_summary(self.vb.index("--db", db, "-", input=data).err)
        self.assertEqual((s["new"], s["updated"], s["unchanged"]), (0, 0, 2),
                         "re-indexing unchanged input: " + s["line"])
        doc = json.loads(self.vb.run(["show", "--db", db, "--json", "memo#1"]).out)
        self.assertEqual(doc.get("kind"), "doc", "show 'memo#1' should show the document 'memo#1': %s" % doc)

    def test_paragraph_first_line_is_no_title(self):
        # A text file without front matter takes its first line as title,
        # unless that line is a paragraph (over 300 bytes): then the title
        # shown is its first words and "…", and its words are not title
        # terms (not title:, no title boost on every passage), though they
        # are searched as text.  A short first line stays a title.
        para = ("Harbour councillors met on Tuesday to discuss the dredging contract, "
                "which the lowest bidder had asked to extend by six months because the "
                "silt samples taken in spring held more clay than the tender documents "
                "had described, and the council engineer said that a decision on the "
                "extension was due before the end of the month.")
        self.assertGreater(len(para.encode()), 300)
        d = self.path("notes")
        os.makedirs(d)
        with open(os.path.join(d, "para.txt"), "w") as f:
            f.write(para + "\n\nA second paragraph about eels.\n")
        with open(os.path.join(d, "head.txt"), "w") as f:
            f.write("Dredging contract extended\n\nThe council agreed to the bidder's request.\n")
        db = self.path("db")
        self.vb.index("--db", db, d)
        res = self.vb.search(db, "silt")
        self.assertEqual(len(res), 1, res)
        title = res[0]["title"]
        self.assertTrue(title.endswith("\u2026"), title)
        self.assertTrue(para.startswith(title[:-1]), title)
        self.assertLessEqual(len(title.encode()), 120 + 3, title)
        self.assertEqual(self.vb.search(db, "title:silt"), [])
        self.assertEqual([r["doc_id"] for r in self.vb.search(db, "title:dredging")], ["head.txt"])
        # Every word of the paragraph still finds its passage.
        self.assertEqual([r["doc_id"] for r in self.vb.search(db, "councillors")], ["para.txt"])

    def test_dateline_dates_an_undated_document(self):
        # Without a date in the input, the dateline's date is the document's
        # when it names the year; a date in the front matter wins over it.
        d = self.path("dated")
        os.makedirs(d)
        files = {
            "a.txt": "Fares frozen\n\nPORT SELWYN, 9 January 2007 - The harbour board froze ferry fares.\n",
            "b.txt": "Fares frozen again\n\nPARIS, March 3 (Reuters) - The harbour board froze ferry fares.\n",
            "c.txt": ("---\ndate: 2010-01-01\n---\nFares\n\n"
                      "PORT SELWYN, 9 January 2007 - The harbour board froze ferry fares.\n"),
        }
        for name, text in files.items():
            with open(os.path.join(d, name), "w") as f:
                f.write(text)
        db = self.path("db")
        self.vb.index("--db", db, d)
        dates = {n: json.loads(self.vb.run(["show", "--db", db, "--json", n]).out).get("date")
                 for n in files}
        self.assertEqual(dates, {"a.txt": "2007-01-09", "b.txt": None, "c.txt": "2010-01-01"})
        self.assertEqual(sorted({r["doc_id"] for r in self.vb.search(db, "fares", "--until", "2008")}),
                         ["a.txt"])

    def test_long_and_unicode_ids(self):
        # Ids longer than a Xapian term are hashed in the index; every way
        # of naming the document must still find it.
        long_id = "press/" + "x" * 300
        data = (json.dumps({"id": long_id, "text": "A very long identifier for an ocelot."}) + "\n" +
                json.dumps({"id": "ünï cödé id", "text": "A Unicode identifier for a tapir."},
                           ensure_ascii=False) + "\n")
        db = self.path("db")
        self.vb.index("--db", db, "-", input=data)
        self.assertEqual(json.loads(self.vb.run(["show", "--db", db, "--json", long_id]).out)["id"], long_id)
        self.assertEqual([x["doc_id"] for x in self.vb.search(db, "ocelot")], [long_id])
        self.assertEqual([x["doc_id"] for x in self.vb.search(db, 'id:"ünï cödé id"')], ["ünï cödé id"])
        self.assertEqual([x["doc_id"] for x in self.vb.search(db, "id:" + long_id)], [long_id],
                         "id: with an id longer than a Xapian term")
        s = parse_summary(self.vb.index("--db", db, "-", input=data).err)
        self.assertEqual((s["new"], s["unchanged"]), (0, 2), s["line"])

    def test_duplicate_id_in_input_is_reported(self):
        # Two records with one id: the second silently replaced the first,
        # and every later run "updated" both again.
        data = ('{"id":"dup","text":"The first flamingo."}\n'
                '{"id":"dup","text":"The second flamingo."}\n')
        db = self.path("db")
        problems = []
        r = self.vb.index("--db", db, "-", input=data)
        if not re.search(r"(?i)warning: .*line 2.*\bdup\b", r.err):
            problems.append("no warning naming line 2 and the duplicate id 'dup': %r" % r.err)
        s = parse_summary(self.vb.index("--db", db, "-", input=data).err)
        if (s["new"], s["updated"]) != (0, 0):
            problems.append("re-indexing unchanged input reported: " + s["line"])
        self.assertEqual(problems, [])

if __name__ == "__main__":
    vbtest.main()
