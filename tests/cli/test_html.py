# test_html.py: web pages indexed end to end: article text searchable, page furniture not, metadata and quotes right.
import json
import os
import shutil

import vbtest
from vbtest import parse_summary

PAGES = ["press-release.html", "news-article.html", "date-in-text.html",
         "windows-1252.html", "malformed.html", "government-release.html"]


def html_dir():
    return os.path.join(vbtest.source_root(), "tests", "data", "html")


class Html(vbtest.TempDirTest):

    def setUp(self):
        super().setUp()
        self.dir = self.path("pages")
        shutil.copytree(html_dir(), self.dir)
        self.db = self.path("db")
        self.result = self.vb.index("--db", self.db, "-v", self.dir)
        self.summary = parse_summary(self.result.err)

    def show(self, ident):
        return json.loads(self.vb.run(["show", "--db", self.db, "--json", ident]).out)

    def doc_ids(self, *query):
        return sorted({x["doc_id"] for x in self.vb.search(self.db, *query)})

    def assertNotIndexed(self, word):
        # Not even found by way of a spelling suggestion for another word.
        r = self.vb.run(["search", "--db", self.db, "--json", word])
        found = [] if "showing results for" in r.err else vbtest.json_lines(r.out)
        self.assertEqual(found, [], "%r should not be indexed" % word)

    def test_every_page_indexed(self):
        s = self.summary
        self.assertEqual((s["new"], s["failed"]), (len(PAGES), 0), s["line"])
        # The malformed page is indexed, with a warning naming it and the line.
        warnings = [l for l in self.result.err.splitlines() if "warning" in l]
        self.assertEqual(len(warnings), 1, self.result.err)
        self.assertIn("malformed.html': malformed HTML at line 16", warnings[0])
        # --verbose says which encoding a page declared.
        self.assertIn("windows-1252.html: windows-1252 (declared)", self.result.err)

    def test_titles_dates_and_metadata(self):
        want = {
            "press-release.html": ("Harbour board approves Saltmere Point ferry terminal", "2024-03-05"),
            "news-article.html": ("Wind farm cable cut leaves the Oyster Isles running on diesel", "2024-01-18"),
            # No date in the markup: "Posted on 14 March 2023" under the headline.
            "date-in-text.html": ("Statement on the closure of the Dunmarrow Lighthouse Museum", "2023-03-14"),
            "windows-1252.html": ("Le caf\u00e9 du port rouvre ses portes", "2022-06-10"),
            "malformed.html": ("Quayside market to reopen & expand", None),
            # <title> "Headline - GOV.CALDORIA" with the headline in <h1>;
            # "Published 10 February 2022" in the page's metadata list.
            "government-release.html": ("Minister opens new flood barrier at Calder Ness", "2022-02-10"),
        }
        for ident, (title, date) in want.items():
            d = self.show(ident)
            self.assertEqual((d["title"], d.get("date")), (title, date), ident)
        d = self.show("news-article.html")
        self.assertEqual(d["author"], "Marta Quennell, Owain Trelisk")
        self.assertEqual(d["source"], "The Saltmere Gazette")
        self.assertEqual(d["type"], "article")
        self.assertEqual(self.show("windows-1252.html")["lang"], "fr")
        self.assertEqual(self.show("government-release.html")["source"], "GOV.CALDORIA")
        self.assertEqual(self.show("press-release.html")["url"],
                         "https://www.corvaneharbour.example/news/2024/saltmere-terminal")

    def test_article_text_found_furniture_not(self):
        self.assertEqual(self.doc_ids("--all", "tidal", "ferry", "terminal"), ["press-release.html"])
        self.assertEqual(self.doc_ids("Kittiwake"), ["news-article.html"])
        self.assertEqual(self.doc_ids("lantern"), ["date-in-text.html"])
        self.assertEqual(self.doc_ids("stallholders"), ["malformed.html"])
        # Converted from windows-1252: accented words and the euro sign survive.
        self.assertEqual(self.doc_ids("capitainerie"), ["windows-1252.html"])
        self.assertEqual(self.doc_ids("p\u00eacheurs"), ["windows-1252.html"])
        # Cookie banners, menus, sidebars, comments, footers, scripts: not indexed.
        for word in ("cookies", "newsletter", "dredging", "privacy", "gtag", "trackConsent",
                     "Reader", "Registered", "Accueil", "Donate", "Copyright", "breadcrumbs",
                     "problem", "essential", "licence", "skip"):
            self.assertNotIndexed(word)

    def test_date_filters(self):
        self.assertEqual(self.doc_ids("harbour", "--since", "2024-03"), ["press-release.html"])
        # A page dated only in its text ("Posted on 14 March 2023"): that
        # labelled date is the page's, and a mention too.
        self.assertEqual(self.doc_ids("mentioned:2023-03"), ["date-in-text.html"])
        self.assertEqual(self.doc_ids("lantern", "--since", "2023-03-14"), ["date-in-text.html"])
        self.assertEqual(self.doc_ids("lantern", "--until", "2023-03-13"), [])

    def test_quotes_in_html(self):
        out = self.vb.run(["quotes", "--db", self.db, "--json", "--speaker", "brask"]).out
        quotes = vbtest.json_lines(out)
        self.assertEqual(len(quotes), 1, out)
        q = quotes[0]
        self.assertEqual(q["doc_id"], "press-release.html")
        self.assertTrue(q["text"].startswith("Saltmere Point gives the islands a crossing"), q["text"])
        self.assertEqual(q["speaker"]["org"], "Corvane Harbour Authority")
        self.assertEqual(q["date"], "2024-03-05")
        # "Hedda Brun said:" and the quote as a <blockquote>, no marks.
        out = self.vb.run(["quotes", "--db", self.db, "--json", "--speaker", "hedda brun"]).out
        quotes = vbtest.json_lines(out)
        self.assertEqual([(x["doc_id"], x["kind"]) for x in quotes],
                         [("government-release.html", "direct")], out)
        self.assertTrue(quotes[0]["text"].startswith("Calder Ness has flooded four times"), quotes[0])
        self.assertTrue(quotes[0]["text"].endswith("storms come in from the sea."), quotes[0])
        out = self.vb.run(["quotes", "--db", self.db, "--json", "--speaker", "pellow"]).out
        self.assertEqual([x["doc_id"] for x in vbtest.json_lines(out)], ["news-article.html"])
        # The quote's span points at its words in the passage (byte offsets).
        p = self.show(q["passage"])["passage"]
        span = q["spans"][0]
        words = p["text"].encode()[span["start"] - p["start"]:span["end"] - p["start"]].decode()
        self.assertEqual(words, "Saltmere Point gives the islands a crossing that no longer waits for the tide,")

    def test_extract_reads_pages_like_index(self):
        # `extract` reads a page as `index` does: its article text, not its
        # markup, and its date from the page.
        page = os.path.join(self.dir, "press-release.html")
        x = json.loads(self.vb.run(["extract", "--json", page]).out)
        self.assertEqual(x["doc_date"], "2024-03-05")
        speakers = [q["speaker"]["name"] for q in x["quotes"] if q.get("speaker")]
        self.assertTrue(any("Brask" in n for n in speakers), speakers)
        self.assertFalse([e for e in x["entities"] if "<" in e["text"]], x["entities"])
        # A JSON Lines file of one record is one document; of two, an error.
        one = self.path("one.jsonl")
        with open(one, "w") as f:
            f.write(json.dumps({"id": "j1", "date": "2020-01-02",
                                "text": "\"We will build it,\" said Ada Quill."}) + "\n")
        x = json.loads(self.vb.run(["extract", "--json", one]).out)
        self.assertEqual([q["speaker"]["name"] for q in x["quotes"]], ["Ada Quill"])
        with open(one, "a") as f:
            f.write(json.dumps({"id": "j2", "text": "Another record."}) + "\n")
        r = self.vb.run(["extract", one], expect=1)
        self.assertIn("holds 2 documents", r.err)

    def test_reindex_unchanged_and_stdin_alongside(self):
        rec = {"id": "piped", "title": "Piped", "text": "A record about zeppelins and ferries."}
        r = self.vb.index("--db", self.db, "-", self.dir, input=json.dumps(rec) + "\n")
        s = parse_summary(r.err)
        self.assertEqual((s["new"], s["unchanged"], s["failed"]), (1, len(PAGES), 0), s["line"])
        self.assertEqual(self.doc_ids("zeppelins"), ["piped"])

    def test_sniffed_without_extension(self):
        other = self.path("other")
        os.makedirs(other)
        with open(os.path.join(other, "saved-page"), "w", encoding="utf-8") as f:
            f.write("<!DOCTYPE html>\n<html><head><title>Saved without extension</title></head>"
                    "<body><nav>Gannetwatch</nav><p>Cormorants nest on the breakwater again.</p></body></html>")
        self.vb.index("--db", self.db, other)
        self.assertEqual(self.doc_ids("cormorants"), ["saved-page"])
        self.assertNotIndexed("gannetwatch")
        self.assertEqual(self.show("saved-page")["title"], "Saved without extension")


if __name__ == "__main__":
    vbtest.main()
