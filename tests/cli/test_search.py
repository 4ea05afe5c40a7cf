# test_search.py: `verbatim search` on an index of corpus/: ranking, JSON, phrases, fields, dates, paging, languages.
import json
import re
import unicodedata

import vbtest

FIELDS = {
    "rank": int, "id": str, "doc_id": str, "title": (str, type(None)), "date": (str, type(None)),
    "source": (str, type(None)), "url": (str, type(None)), "lang": str, "type": (str, type(None)),
    "passage": int, "paragraph": int, "start": int, "end": int, "text": str, "snippet": str,
    "highlights": list, "score": float,
}


def fold(s):
    """Case- and accent-insensitive form, for comparing highlighted words with query words."""
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c)).replace("ß", "ss")


class Search(vbtest.SharedDbTest):

    def search(self, *args):
        return self.vb.search(self.db, *args)

    def ids(self, *args):
        return [x["id"] for x in self.search(*args)]

    def highlighted(self, result):
        """The highlighted words of a result, checked to lie inside its snippet."""
        snippet = result["snippet"].encode("utf-8")
        words = []
        last = 0
        for span in result["highlights"]:
            self.assertEqual(len(span), 2, result)
            s, e = span
            self.assertTrue(last <= s < e <= len(snippet),
                            "highlight %r outside the snippet or out of order in %r" % (span, result))
            last = e
            try:
                words.append(snippet[s:e].decode("utf-8"))
            except UnicodeDecodeError:
                self.fail("highlight %r cuts a UTF-8 sequence in %r" % (span, result["snippet"]))
        return words

    # ---- plain words -----------------------------------------------------

    def test_keyword_json(self):
        res = self.search("tariff", "-n", "20")
        self.assertGreaterEqual(len(res), 10, res)
        for i, r in enumerate(res, 1):
            for k, t in FIELDS.items():
                self.assertIn(k, r, "field %r missing in %r" % (k, r))
                self.assertIsInstance(r[k], t, "field %r has the wrong type in %r" % (k, r))
            self.assertEqual(r["rank"], i)
            self.assertEqual(r["id"], "%s#%d" % (r["doc_id"], r["passage"]))
            self.assertTrue(r["start"] < r["end"], r)
            self.assertRegex(fold(r["text"]), r"\btariffs?\b")
            words = self.highlighted(r)
            self.assertTrue(words, "no highlight in %r" % r)
            for w in words:
                self.assertRegex(fold(w), r"^tariffs?$", r)
            # The snippet is cut from the passage, with "…" where it was cut.
            text = " ".join(r["text"].split())
            for piece in r["snippet"].split("…"):
                self.assertIn(" ".join(piece.split()), text, r)
        scores = [r["score"] for r in res]
        self.assertEqual(scores, sorted(scores, reverse=True), "results must be ranked by score")
        self.assertGreater(scores[0], 0)

    def test_passage_offsets_point_into_the_file(self):
        r = self.search("tariff", "-n", "1")[0]
        path = vbtest.corpus_dir() + "/" + r["doc_id"] + ".txt"
        with open(path, "rb") as f:
            data = f.read()
        self.assertEqual(data[r["start"]:r["end"]].decode("utf-8"), r["text"])

    def test_keyword_text_output(self):
        res = self.search("tariff", "-n", "5")
        out = self.vb.run(["search", "--db", self.db, "--color", "never", "-n", "5", "tariff"]).out
        self.assertNotIn("\033[", out, "--color never must not print escapes")
        pos = [out.find(r["id"]) for r in res]
        self.assertTrue(all(p >= 0 for p in pos), "text output lacks passage ids:\n" + out)
        self.assertEqual(pos, sorted(pos), "text output is not in the JSON order")
        self.assertRegex(out, r"(?m)^1\. " + re.escape(res[0]["title"]) + "$")
        self.assertRegex(out, r"(?m)^\s*1-5 of about \d+ passages")
        self.assertIn("tariff", out.lower())

    def test_no_match(self):
        self.assertEqual(self.search("xylophonequagmire"), [])
        r = self.vb.run(["search", "--db", self.db, "xylophonequagmire"])
        self.assertIn("no passages match", r.out)

    def test_phrase(self):
        res = self.search('"media tariff"', "-n", "100")
        self.assertTrue(res)
        for r in res:
            self.assertRegex(fold(" ".join(r["text"].split())), r"\bmedia tariffs?\b", r)
        plain = self.ids("media tariff", "-n", "1000")
        self.assertLess(len(res), len(plain), "a phrase should match fewer passages than its words")

    def test_match_all(self):
        both = self.search("--all", "tariff musicians", "-n", "1000")
        anyw = self.search("tariff musicians", "-n", "1000")
        self.assertTrue(both)
        self.assertLess(len(both), len(anyw))
        for r in both:
            t = fold(r["text"])
            self.assertRegex(t, r"\btariffs?\b")
            self.assertRegex(t, r"\bmusicians?\b")

    def test_not(self):
        res = self.search("tariff -players", "-n", "1000")
        self.assertTrue(res)
        self.assertLess(len(res), len(self.search("tariff", "-n", "1000")))
        for r in res:
            self.assertNotRegex(fold(r["text"]), r"\bplayers?\b", r)

    def test_wildcard(self):
        res = self.search("negotiat*", "-n", "100")
        self.assertTrue(res)
        for r in res:
            self.assertRegex(fold(r["text"]), r"\bnegotiat", r)

    # ---- fields ------------------------------------------------------------

    def test_source(self):
        res = self.search('sharespan source:"The Meridian Wire"', "-n", "1000")
        self.assertTrue(res)
        self.assertEqual({r["source"] for r in res}, {"The Meridian Wire"})
        self.assertEqual([r["id"] for r in res],
                         self.ids('sharespan source:"the meridian wire"', "-n", "1000"),
                         "source: should not depend on case")

    def test_lang_field(self):
        res = self.search("lang:de", "-n", "1000")
        self.assertTrue(res)
        self.assertEqual({r["lang"] for r in res}, {"de"})
        self.assertEqual({r["doc_id"] for r in res}, {"nordklang-2010-sharespan-plus-dach"})
        res = self.search("sharespan lang:de", "-n", "1000")
        self.assertTrue(res)
        self.assertEqual({r["lang"] for r in res}, {"de"})

    def test_lang_option_filters(self):
        # --help: "--lang TAG  only documents in this language".
        res = self.search("--lang", "de", "sharespan", "-n", "1000")
        self.assertTrue(res)
        self.assertEqual({r["lang"] for r in res}, {"de"},
                         "--lang de returned passages in other languages: %s" %
                         sorted({r["doc_id"] for r in res if r["lang"] != "de"}))

    def test_type_title_id(self):
        res = self.search("type:statement", "-n", "1000")
        self.assertTrue(res)
        self.assertEqual({r["type"] for r in res}, {"statement"})
        res = self.search("title:tariff", "-n", "1000")
        self.assertTrue(res)
        for r in res:
            self.assertIn("tariff", r["title"].lower(), r)
        res = self.search("id:ifsrp-2005-sharespan-lawsuit", "-n", "1000")
        self.assertTrue(res)
        self.assertEqual({r["doc_id"] for r in res}, {"ifsrp-2005-sharespan-lawsuit"})
        doc = self.vb.run(["show", "--db", self.db, "--json", "ifsrp-2005-sharespan-lawsuit"]).out
        import json
        self.assertEqual(len(res), json.loads(doc)["passages"])

    def test_title_only_ranks_documents_not_passage_lengths(self):
        # A title belongs to the whole document: every passage of a document
        # matched by its title alone weighs the same, whatever its length,
        # and they come in their order, lead first; --per-doc 1 shows leads.
        res = self.search("title:tariff", "-n", "1000")
        by_doc = {}
        for r in res:
            by_doc.setdefault(r["doc_id"], []).append(r)
        self.assertGreaterEqual(len(by_doc), 3, sorted(by_doc))
        several = [d for d, rs in by_doc.items() if len(rs) > 2]
        self.assertTrue(several, by_doc)
        for doc, rs in by_doc.items():
            self.assertEqual({round(r["score"], 6) for r in rs}, {round(rs[0]["score"], 6)},
                             "passages of %s weigh differently: %s" %
                             (doc, [(r["passage"], r["score"]) for r in rs]))
            self.assertEqual([r["passage"] for r in rs], sorted(r["passage"] for r in rs), doc)
        leads = self.search("title:tariff", "--per-doc", "1", "-n", "1000")
        self.assertEqual({r["doc_id"] for r in leads}, set(by_doc))
        self.assertEqual({r["passage"] for r in leads}, {1}, leads)
        # With a word of the text, the text decides within a document.
        res = self.search("title:tariff AND players", "-n", "1000")
        self.assertTrue(res)
        for r in res:
            self.assertIn("tariff", r["title"].lower(), r)
            self.assertRegex(r["text"].lower(), r"\bplayers?\b", r)
        self.assertGreater(len({round(r["score"], 6) for r in res}), 1, res)

    def test_year(self):
        res = self.search("sharespan year:2006", "-n", "1000")
        self.assertTrue(res)
        for r in res:
            self.assertTrue(r["date"].startswith("2006-"), r)

    def assertDates(self, res, lo, hi):
        self.assertTrue(res, "no results")
        for r in res:
            self.assertIsNotNone(r["date"], r)
            self.assertTrue(lo <= r["date"] <= hi, "%s outside %s..%s: %s" % (r["date"], lo, hi, r["id"]))

    def test_date_range(self):
        res = self.search("sharespan date:2005..2006", "-n", "1000")
        self.assertDates(res, "2005-01-01", "2006-12-31")
        by_year = self.ids("sharespan year:2005", "-n", "1000") + self.ids("sharespan year:2006", "-n", "1000")
        self.assertEqual(sorted(r["id"] for r in res), sorted(by_year))
        self.assertDates(self.search("sharespan date:2005-03-09", "-n", "1000"), "2005-03-09", "2005-03-09")
        self.assertDates(self.search("date:..2003", "-n", "1000"), "0000", "2003-12-31")
        self.assertDates(self.search("tariff date:2010-06..", "-n", "1000"), "2010-06-01", "9999")

    def test_since_until(self):
        res = self.search("sharespan", "--since", "2005-06", "--until", "2006-06-14", "-n", "1000")
        self.assertDates(res, "2005-06-01", "2006-06-14")
        same = self.ids("sharespan date:2005-06..2006-06-14", "-n", "1000")
        self.assertEqual(sorted(r["id"] for r in res), sorted(same))
        self.assertDates(self.search("tariff", "--since", "2009", "-n", "1000"), "2009-01-01", "9999")
        self.assertDates(self.search("tariff", "--until", "2004", "-n", "1000"), "0000", "2004-12-31")
        self.assertEqual(self.search("tariff", "--since", "2007", "--until", "2006"), [])
        r = self.vb.run(["search", "--db", self.db, "--since", "2005-13", "tariff"], expect=2)
        self.assertIn("2005-13", r.err)

    def test_bad_date_field(self):
        r = self.vb.run(["search", "--db", self.db, "tariff date:2005..bogus"], expect=2)
        self.assertIn("bogus", r.err)

    # ---- order and paging ------------------------------------------------------

    def test_sort_date(self):
        res = self.search("--sort", "date", "sharespan", "-n", "1000")
        self.assertGreater(len(res), 10)
        dates = [r["date"] or "" for r in res]
        self.assertEqual(dates, sorted(dates, reverse=True), "--sort date must be newest first")
        self.assertEqual(sorted(r["id"] for r in res), sorted(self.ids("sharespan", "-n", "1000")))
        self.vb.run(["search", "--db", self.db, "--sort", "sideways", "x"], expect=2)

    def test_paging(self):
        full = self.ids("sharespan", "-n", "30")
        self.assertEqual(len(full), 30)
        page = self.search("sharespan", "-n", "5", "--offset", "10")
        self.assertEqual([r["id"] for r in page], full[10:15])
        self.assertEqual([r["rank"] for r in page], list(range(11, 16)))
        pages = []
        for off in range(0, 30, 7):
            pages += self.ids("sharespan", "--limit", "7", "--offset", str(off))
        self.assertEqual(pages[:30], full)
        self.assertEqual(self.ids("sharespan", "--offset", "100000"), [])

    def test_per_doc(self):
        res = self.search("sharespan", "--per-doc", "1", "-n", "1000")
        docs = [r["doc_id"] for r in res]
        self.assertEqual(len(docs), len(set(docs)), "--per-doc 1 repeated a document")
        alldocs = {r["doc_id"] for r in self.search("sharespan", "-n", "1000")}
        self.assertEqual(set(docs), alldocs, "--per-doc 1 lost documents")
        res = self.search("sharespan", "--per-doc", "2", "-n", "1000")
        counts = {}
        for r in res:
            counts[r["doc_id"]] = counts.get(r["doc_id"], 0) + 1
        self.assertLessEqual(max(counts.values()), 2)
        self.assertGreater(max(counts.values()), 1)

    # ---- languages and normalization -----------------------------------------

    def test_chinese(self):
        res = self.search("唱片")
        self.assertTrue(res, "no result for 唱片")
        self.assertEqual(res[0]["doc_id"], "xingyun-2011-halden-licence")
        self.assertIn("唱片", res[0]["text"])
        self.assertIn("唱片", self.highlighted(res[0]))

    def test_german_inflection(self):
        # The text says "Vereinbarung"; the query is the plural.
        res = self.search("Vereinbarungen")
        self.assertTrue(res, "no result for Vereinbarungen")
        self.assertEqual({r["doc_id"] for r in res}, {"nordklang-2010-sharespan-plus-dach"})
        for r in res:
            self.assertIn("Vereinbarung", r["text"])
            self.assertIn("Vereinbarung", self.highlighted(r))
        # ß and ss are one letter to the index.
        res = self.search("Weissenfels")
        self.assertTrue(res)
        self.assertIn("Weißenfels", res[0]["text"])

    def test_apostrophes(self):
        curly = self.ids("IFSRP’s", "-n", "10")
        self.assertTrue(curly)
        self.assertEqual(curly, self.ids("IFSRP's", "-n", "10"))
        self.assertEqual(curly, self.ids("IFSRP", "-n", "10"))
        self.assertEqual(curly, self.ids("ifsrp", "-n", "10"))

    def test_curly_double_quotes_make_a_phrase(self):
        self.assertEqual(self.ids("“media tariff”", "-n", "100"), self.ids('"media tariff"', "-n", "100"))

    # ---- errors and suggestions ------------------------------------------------

    def test_malformed_query(self):
        for q in ("tariff AND AND (", "NOT"):
            r = self.vb.run(["search", "--db", self.db, q], expect=2)
            self.assertEqual(r.out, "")
            self.assertRegex(r.err, r"^verbatim search: ", r)
            self.assertIn(q, r.err)
        for q in ('"', ")"):
            r = self.vb.run(["search", "--db", self.db, q], expect=2)
            self.assertIn("no words", r.err)

    def test_did_you_mean(self):
        # Some words match: the suggestion comes first, then the results.
        r = self.vb.run(["search", "--db", self.db, "--color", "never", "tarif musicians"])
        self.assertRegex(r.out, r"^did you mean: (\*\*)?tariff musicians")
        self.assertRegex(r.out, r"(?m)^1\. ")
        # Nothing matches: the suggestion is searched instead.
        r = self.vb.run(["search", "--db", self.db, "--color", "never", "tarif"])
        self.assertIn("tariff", r.out.splitlines()[0], r.out)
        self.assertRegex(r.out, r"(?m)^1\. ")
        self.assertIn("**tariff**", r.out)
        # In JSON the notes go to stderr, so stdout stays JSON lines.
        r = self.vb.run(["search", "--db", self.db, "--json", "tarif musicans"])
        self.assertTrue(vbtest.json_lines(r.out))
        self.assertIn("tariff musicians", r.err)
        r = self.vb.run(["search", "--db", self.db, "--json", "tarif musicians"])
        self.assertTrue(vbtest.json_lines(r.out))
        self.assertIn("did you mean: tariff musicians", r.err)
        res = vbtest.json_lines(self.vb.run(["search", "--db", self.db, "--json", "tarif"]).out)
        self.assertTrue(res)
        for x in res:
            self.assertRegex(fold(x["text"]), r"\btariffs?\b")
        r = self.vb.run(["search", "--db", self.db, "tariff"])
        self.assertNotIn("did you mean", r.out + r.err)

    def test_usage_errors(self):
        for args in (["-n", "abc", "x"], ["--limit", "-1", "x"], ["--offset", "x", "y"],
                     ["--per-doc", "x", "y"], ["--color", "purple", "x"], []):
            r = self.vb.run(["search", "--db", self.db] + args, expect=2)
            self.assertTrue(r.err.startswith("verbatim search: "), r)


class Copies(vbtest.TempDirTest):
    """A paragraph or quote that comes back from several documents (a
    release reprinted by a paper, a wire story in two feeds) is printed
    once; later copies point at the first."""

    # Passages join paragraphs shorter than 400 bytes: these are longer.
    LEAD_A = ("Harwick Water today announced a new reservoir at Tillmoor, the first the "
              "region has built in sixty years, after a public consultation that ran for "
              "eighteen months and drew more than four thousand responses from households, "
              "farmers, anglers and walkers across the valley. The plans were approved by "
              "the county planning committee on Thursday evening after a debate of three "
              "hours in which nine members spoke.")
    LEAD_B = ("TILLMOOR - Families in the upper valley will lose the footpath to the old "
              "mill when work begins on the reservoir, and the parish council has asked for "
              "a new route along the eastern ridge to be opened before the diggers arrive. "
              "The parish clerk said letters had gone to every house in the two villages "
              "and that a public meeting would be held in the school hall, where plans "
              "will be on show for a fortnight.")
    SHARED = ("The reservoir will hold 40 billion litres and is due to open in 2031, the "
              "company said. \"It is the biggest investment we have ever made, and it will "
              "keep taps running through the driest summers this region is likely to see "
              "in the next fifty years,\" said Ada Brannock, chief executive of Harwick "
              "Water. The company expects the project to cost about 900 million pounds, "
              "which it will borrow over thirty years, and says that bills will rise by no "
              "more than two pounds a year.")

    def setUp(self):
        super().setUp()
        # The story reprints the release's paragraph with other line breaks
        # and curly quotation marks: the same words.
        story = self.SHARED.replace("billion litres", "billion\nlitres") \
                           .replace('"It', "\u201cIt").replace('years,"', "years,\u201d")
        # One word changed and another speaker: not a copy.
        other = self.SHARED.replace("2031", "2032").replace(
            "Ada Brannock, chief executive of Harwick Water", "Tom Verey, a councillor")
        docs = [
            {"id": "release", "title": "New reservoir", "date": "2026-03-02",
             "text": self.LEAD_A + "\n\n" + self.SHARED},
            {"id": "story", "title": "Reservoir coming", "date": "2026-03-03",
             "text": self.LEAD_B + "\n\n" + story},
            {"id": "other", "title": "Another view", "date": "2026-03-04",
             "text": self.LEAD_B.replace("TILLMOOR", "HARWICK") + "\n\n" + other},
        ]
        with open(self.path("docs.jsonl"), "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d) + "\n")
        self.db = self.path("db")
        self.vb.index("--db", self.db, self.path("docs.jsonl"))

    def test_search_marks_copies(self):
        res = self.vb.search(self.db, "reservoir billion litres", "-n", "10")
        by_doc = {r["doc_id"]: r for r in res if r["id"].endswith("#2")}
        self.assertEqual(set(by_doc), {"release", "story", "other"}, res)
        first = min((by_doc["release"], by_doc["story"]), key=lambda r: r["rank"])
        second = max((by_doc["release"], by_doc["story"]), key=lambda r: r["rank"])
        self.assertEqual(second.get("duplicate_of"), first["id"], res)
        self.assertNotIn("duplicate_of", first, res)
        self.assertNotIn("duplicate_of", by_doc["other"], res)
        # Nothing is dropped: the copy keeps its rank, text and snippet.
        self.assertEqual([r["rank"] for r in res], list(range(1, len(res) + 1)))
        self.assertTrue(second["snippet"], second)

        out = self.vb.run(["search", "--db", self.db, "--color", "never",
                           "reservoir billion litres"]).out
        self.assertIn("same text as result %d (%s)" % (first["rank"], first["id"]), out)
        self.assertEqual(out.count("will hold 40"), 2, out)   # the first and the changed one
        # Copies of different passages of the same pair are told apart:
        # the two leads differ, so neither is marked.
        for r in res:
            if r["id"].endswith("#1"):
                self.assertNotIn("duplicate_of", r, res)

    def test_quotes_mark_copies_of_the_same_speaker(self):
        r = self.vb.run(["quotes", "--db", self.db, "--json", "biggest investment"])
        quotes = vbtest.json_lines(r.out)
        brannock = [q for q in quotes if q["speaker"] and "Brannock" in q["speaker"]["name"]]
        verey = [q for q in quotes if q["speaker"] and "Verey" in q["speaker"]["name"]]
        self.assertEqual(len(brannock), 2, quotes)
        self.assertEqual(len(verey), 1, quotes)
        marked = [q for q in brannock if "duplicate_of" in q]
        self.assertEqual(len(marked), 1, brannock)
        self.assertIn(marked[0]["duplicate_of"], [q["id"] for q in brannock if q is not marked[0]])
        # The same words said by someone else are not a copy.
        self.assertNotIn("duplicate_of", verey[0], verey)

        out = self.vb.run(["quotes", "--db", self.db, "--color", "never",
                           "biggest investment"]).out
        self.assertEqual(out.count("biggest investment"), 2, out)
        self.assertRegex(out, r"\(the same quote as \d+\)")


if __name__ == "__main__":
    vbtest.main()
