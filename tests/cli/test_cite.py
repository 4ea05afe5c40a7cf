# test_cite.py: `verbatim cite` in every format, its keys, its items and quotes, read back by pandoc.
import json
import os
import re
import shutil
import subprocess
import tempfile

import vbtest

LAWSUIT = "ifsrp-2005-sharespan-lawsuit"          # press release, IFSRP
SUED = "meridian-2005-sharespan-sued"             # news, Hannah Colquhoun
STATEMENT = "iapa-2007-trevanion-statement"       # statement, Rosalind Trevanion
APA = "/usr/share/citation-style-language/styles/apa.csl"


class Cite(vbtest.SharedDbTest):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The quotes of the lawsuit's passage 2: Ashworth-Vale's, then two of Maitland's.
        out = cls.vb.run(["show", "--db", cls.db, "--json", LAWSUIT + "#2"]).out
        cls.quotes = json.loads(out)["passage"]["quotes"]

    def cite(self, *args, expect=0):
        return self.vb.run(["cite", "--db", self.db, "--accessed", "2024-01-02"] + list(args),
                           expect=expect)

    def items(self, *args):
        res = json.loads(self.cite("--json", *args).out)
        self.assertEqual(res["items"], json.loads(self.cite("-f", "csl-json", *args).out))
        return {i["custom"]["verbatim"]["doc_id"]: i for i in res["items"]}

    def quote_id(self, speaker, start):
        for q in self.quotes:
            if q["speaker"]["name"] == speaker and q["text"].startswith(start):
                return q["id"]
        raise AssertionError("no quote of %s starting %r in %r" % (speaker, start, self.quotes))

    def test_csl_json_maps_types_and_authors(self):
        items = self.items("--id", LAWSUIT, SUED, STATEMENT)
        self.assertEqual(set(items), {LAWSUIT, SUED, STATEMENT})
        pr, news, st = items[LAWSUIT], items[SUED], items[STATEMENT]
        self.assertEqual(pr["id"], "ifsrp2005record")
        self.assertEqual(pr["type"], "report")
        self.assertEqual(pr["genre"], "Press release")
        self.assertEqual(pr["author"], [{"literal": "International Federation of Sound Recording Producers"}])
        self.assertEqual(pr["publisher"], "International Federation of Sound Recording Producers")
        self.assertEqual(pr["issued"], {"date-parts": [[2005, 3, 8]]})
        self.assertEqual(pr["accessed"], {"date-parts": [[2024, 1, 2]]})
        self.assertEqual(pr["URL"], "https://press.ifsrp.example/2005/03/sharespan-claim")
        self.assertEqual(news["type"], "article-newspaper")
        self.assertEqual(news["author"], [{"family": "Colquhoun", "given": "Hannah"}])
        self.assertEqual(news["container-title"], "The Meridian Wire")
        self.assertEqual(news["id"], "colquhoun2005record")
        self.assertEqual(st["type"], "speech")
        self.assertEqual(st["genre"], "Statement")
        self.assertEqual(st["author"], [{"family": "Trevanion", "given": "Rosalind"}])
        self.assertEqual(st["publisher"], "Internet Access Providers Association")
        # Sorted by key.
        res = json.loads(self.cite("--json", "--id", STATEMENT, SUED, LAWSUIT).out)
        keys = [i["id"] for i in res["items"]]
        self.assertEqual(keys, sorted(keys))
        self.assertEqual(res["format"], "text")

    def test_several_quotes_from_one_document_make_one_item(self):
        av = self.quote_id("Conrad Ashworth-Vale", "We have spent")
        fm = self.quote_id("Fergus Maitland", "This is not a case")
        items = self.items("--id", av, fm, av, LAWSUIT, SUED)
        self.assertEqual(len(items), 2)
        pr = items[LAWSUIT]
        qs = pr["custom"]["verbatim"]["quotes"]
        self.assertEqual([q["id"] for q in qs], [av, fm], "each quote once, in the order asked")
        self.assertEqual(qs[0]["speaker"], "Conrad Ashworth-Vale")
        self.assertEqual(qs[0]["role"], "chairman and chief executive")
        self.assertEqual(qs[0]["org"], "International Federation of Sound Recording Producers")
        self.assertEqual(qs[0]["locator"], "para. 3")
        self.assertEqual(qs[1]["locator"], "para. 4")
        self.assertEqual(qs[0]["passage"], LAWSUIT + "#2")
        self.assertIn("\u201cWe have spent two years", pr["note"])
        self.assertIn("\u2014 Conrad Ashworth-Vale, chairman and chief executive, International Federation of Sound Recording Producers (para. 3)", pr["note"])
        self.assertEqual(items[SUED]["custom"]["verbatim"]["quotes"], [])
        self.assertNotIn("note", items[SUED])
        # A passage id brings every quote of the passage.
        items = self.items("--id", LAWSUIT + "#2")
        self.assertEqual([q["id"] for q in items[LAWSUIT]["custom"]["verbatim"]["quotes"]],
                         [q["id"] for q in self.quotes])

    def test_biblatex(self):
        out = self.cite("-f", "biblatex", "--id", LAWSUIT, SUED, STATEMENT).out
        self.assertIn("@report{ifsrp2005record,\n", out)
        self.assertIn("  author = {{International Federation of Sound Recording Producers}},\n", out)
        self.assertIn("  type = {Press release},\n", out)
        self.assertIn("  date = {2005-03-08},\n", out)
        self.assertIn("  urldate = {2024-01-02},\n", out)
        self.assertIn("@article{colquhoun2005record,\n", out)
        self.assertIn("  author = {Colquhoun, Hannah},\n", out)
        self.assertIn("  journaltitle = {The Meridian Wire},\n", out)
        # "$25 million" in the title is escaped.
        self.assertIn("for up to \\$25 million}", out)
        self.assertIn("@misc{trevanion2007statement,\n", out)
        self.assertEqual(out.count("{") - out.count("\\{"), out.count("}") - out.count("\\}"))

    def test_ris(self):
        av = self.quote_id("Conrad Ashworth-Vale", "We have spent")
        r = self.vb.run(["cite", "--db", self.db, "--accessed", "2024-01-02", "-f", "ris",
                         "--id", av, SUED])
        raw = r.out
        self.assertNotRegex(raw, r"[^\r]\n", "RIS lines end with CR LF")
        lines = raw.split("\r\n")
        self.assertEqual(lines[-1], "")
        self.assertEqual(lines[0], "TY  - NEWS")
        self.assertEqual(lines.count("ER  - "), 2)
        self.assertIn("TY  - RPRT", lines)
        self.assertIn("AU  - Colquhoun, Hannah", lines)
        self.assertIn("AU  - International Federation of Sound Recording Producers", lines)
        self.assertIn("PY  - 2005", lines)
        self.assertIn("DA  - 2005/03/08/", lines)
        self.assertIn("T2  - The Meridian Wire", lines)
        self.assertIn("Y2  - 2024/01/02/", lines)
        self.assertIn("UR  - https://press.ifsrp.example/2005/03/sharespan-claim", lines)
        n1 = [l for l in lines if l.startswith("N1  - ")]
        self.assertEqual(len(n1), 1)
        self.assertIn("Conrad Ashworth-Vale, chairman and chief executive, International Federation of Sound Recording Producers (para. 3)", n1[0])
        for l in lines[:-1]:
            self.assertRegex(l, r"^[A-Z][A-Z0-9]  - ", l)

    def test_markdown_and_text(self):
        av = self.quote_id("Conrad Ashworth-Vale", "We have spent")
        md = self.cite("-f", "markdown", "--id", av).out
        self.assertRegex(md, r"^- \*\*ifsrp2005record\*\* International Federation of Sound "
                             r"Recording Producers\. \(2005, March 8\)\. \*Record companies file")
        self.assertIn("  > \u201cWe have spent two years trying to persuade Sharespan", md)
        self.assertIn("  > \u2014 Conrad Ashworth-Vale, chairman and chief executive, International Federation of Sound Recording Producers (para. 3)\n", md)
        text = self.cite("--id", av, SUED).out
        flat = " ".join(text.split())
        self.assertRegex(text, r"^\[colquhoun2005record\] Colquhoun, H\. \(2005, March 9\)\. Record labels sue")
        self.assertIn("[ifsrp2005record] International Federation of Sound Recording Producers. (2005, March 8).", flat)
        self.assertIn("The Meridian Wire.", flat)
        self.assertIn("\u201cWe have spent two years trying to persuade Sharespan", flat)
        self.assertIn("\n    \u2014 Conrad Ashworth-Vale, chairman and chief executive, International\n"
                      "      Federation of Sound Recording Producers (para. 3)\n", text)
        self.assertIn("(accessed 2024-01-02)", flat)
        self.assertNotIn("\r", text)
        for line in text.splitlines():
            self.assertLessEqual(len(line), 78, line)

    def test_query_cites_documents_of_the_results(self):
        res = json.loads(self.cite("--json", "--limit", "2", "persuade", "licence", "Sharespan").out)
        docs = [i["custom"]["verbatim"]["doc_id"] for i in res["items"]]
        self.assertLessEqual(len(docs), 2)
        self.assertIn(LAWSUIT, docs)
        hits = {r["doc_id"] for r in self.vb.search(self.db, "-n", "8", "persuade licence Sharespan")}
        self.assertTrue(set(docs) <= hits, (docs, hits))
        qs = [i for i in res["items"] if i["custom"]["verbatim"]["doc_id"] == LAWSUIT][0]["custom"]["verbatim"]["quotes"]
        texts = [q["text"] for q in qs]
        # Of passage 2's quotes, only the one with the query's words.
        self.assertTrue(any(t.startswith("We have spent two years") for t in texts), texts)
        self.assertFalse(any(t.startswith("This is not a case") for t in texts), texts)
        # Limit 1: one document.
        res = json.loads(self.cite("--json", "-n", "1", "sharespan").out)
        self.assertEqual(len(res["items"]), 1)

    def test_keys_are_stable(self):
        a = self.cite("-f", "csl-json", "sharespan", "appeal").out
        b = self.cite("-f", "csl-json", "sharespan", "appeal").out
        self.assertEqual(a, b)
        keys = [i["id"] for i in json.loads(a)]
        self.assertEqual(len(keys), len(set(keys)))
        for k in keys:
            self.assertRegex(k, r"^[a-z0-9]+(\d{4}|nd)[a-z0-9]*$")

    def test_unknown_ids(self):
        r = self.cite("--id", "no-such-doc", LAWSUIT, "ffffffffffffffff", expect=1)
        self.assertEqual(r.out, "")
        self.assertRegex(r.err, r"^verbatim cite: ")
        self.assertIn("'no-such-doc'", r.err)
        self.assertIn("'ffffffffffffffff'", r.err)
        self.assertNotIn("'%s'" % LAWSUIT, r.err)
        self.cite("--json", "--id", LAWSUIT + "#99", expect=1)

    def test_usage(self):
        self.cite(expect=2)
        self.cite("--id", expect=2)
        self.cite("-f", "bibtex", "x", expect=2)
        self.cite("--limit", "0", "x", expect=2)
        r = self.vb.run(["cite", "--db", self.db, "--accessed", "2024-13-01", "x"], expect=2)
        self.assertIn("--accessed", r.err)
        self.assertIn("csl-json", self.vb.run(["cite", "--help"]).out)


class Pandoc(vbtest.SharedDbTest):
    """Real clients read what we write: pandoc's citeproc with the APA style,
    and pandoc's BibLaTeX reader."""

    IDS = [LAWSUIT, SUED, STATEMENT, "sharespan-2009-settlement-sharespan-plus"]

    def setUp(self):
        if not shutil.which("pandoc"):
            self.skipTest("pandoc is not installed (make test installs it)")

    def write(self, name, text):
        p = os.path.join(self.tmp, name)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)
        return p

    def pandoc(self, *args):
        p = subprocess.run(["pandoc"] + list(args), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr.decode("utf-8", "replace"))
        return p.stdout.decode("utf-8")

    def test_citeproc_apa_names_authors_and_dates(self):
        if not os.path.exists(APA):
            self.skipTest("no %s (citation-style-language-styles)" % APA)
        out = self.vb.run(["cite", "--db", self.db, "-f", "csl-json", "--id"] + self.IDS).out
        bib = self.write("refs.json", out)
        doc = self.write("doc.md", "---\nnocite: '@*'\n---\n")
        text = " ".join(self.pandoc(doc, "--citeproc", "--bibliography", bib, "--csl", APA,
                                    "-t", "plain").split())
        self.assertIn("Colquhoun, H. (2005, March 9). Record labels sue Sharespan", text)
        self.assertIn("International Federation of Sound Recording Producers. (2005). Record "
                      "companies file copyright claim", text)
        self.assertIn("[Press release]", text)
        self.assertIn("Trevanion, R. (2007, April 18).", text)
        self.assertIn("Sharespan Inc, & International Federation of Sound Recording Producers. (2009)", text)

    def test_biblatex_reads_back_the_same(self):
        ours = json.loads(self.vb.run(["cite", "--db", self.db, "-f", "csl-json", "--id"] + self.IDS).out)
        bib = self.write("refs.bib", self.vb.run(["cite", "--db", self.db, "-f", "biblatex",
                                                  "--id"] + self.IDS).out)
        back = {i["id"]: i for i in json.loads(self.pandoc("-f", "biblatex", "-t", "csljson", bib))}
        self.assertEqual(set(back), {i["id"] for i in ours})
        # pandoc's BibLaTeX reader always makes apostrophes typographic.
        def plain(v):
            return json.loads(json.dumps(v, ensure_ascii=False).replace("\u2019", "'"))
        for item in ours:
            b = back[item["id"]]
            for k in ("title", "issued", "author", "URL", "accessed"):
                self.assertEqual(plain(b.get(k)), item.get(k), "%s of %s" % (k, item["id"]))
        self.assertEqual(back["ifsrp2005record"]["type"], "report")
        self.assertEqual(back["ifsrp2005record"]["genre"], "Press release")
        self.assertEqual(back["colquhoun2005record"]["type"], "article-newspaper")
        self.assertEqual(back["colquhoun2005record"]["container-title"], "The Meridian Wire")


class Collisions(vbtest.TempDirTest):

    def test_same_key_gets_suffixes_by_date(self):
        docs = [
            {"id": "acme-b", "title": "Legal action ends", "date": "2008-06-01"},
            {"id": "acme-a", "title": "Legal action begins", "date": "2008-02-01"},
            {"id": "acme-c", "title": "Other news", "date": "2008-02-01"},
        ]
        with open(self.path("acme.jsonl"), "w", encoding="utf-8") as f:
            for d in docs:
                d.update({"source": "Acme Federation", "author": "Acme Federation",
                          "type": "press_release", "lang": "en",
                          "text": "The Acme Federation said today that %s." % d["title"].lower()})
                f.write(json.dumps(d) + "\n")
        self.vb.index("--db", "db", self.path("acme.jsonl"))

        def keys(*ids):
            out = self.vb.run(["cite", "--db", "db", "-f", "csl-json", "--id"] + list(ids)).out
            return {i["custom"]["verbatim"]["doc_id"]: i["id"] for i in json.loads(out)}

        k = keys("acme-b", "acme-a", "acme-c")
        self.assertEqual(k, {"acme-a": "acme2008legala", "acme-b": "acme2008legalb",
                             "acme-c": "acme2008other"})
        # The same in another order: keys do not depend on it.
        self.assertEqual(keys("acme-c", "acme-a", "acme-b"), k)
        self.assertEqual(keys("acme-b"), {"acme-b": "acme2008legal"})


if __name__ == "__main__":
    vbtest.main()
