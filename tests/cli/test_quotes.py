# test_quotes.py: who said what: `quotes`, `speakers`, `entities`, `extract`, and the fields behind them.
import json
import os

import vbtest

# Fergus Maitland is quoted in several releases of the corpus (docs/corpus.md).
SPEAKER = "maitland"


class Quotes(vbtest.SharedDbTest):

    def run_json(self, *args):
        return vbtest.json_lines(self.vb.run(list(args) + ["--db", self.db, "--json"]).out)

    def test_quotes_by_speaker_are_theirs_and_in_date_order(self):
        quotes = self.run_json("quotes", "--speaker", SPEAKER, "-n", "50")
        self.assertGreaterEqual(len(quotes), 3)
        dates = [q["date"] for q in quotes]
        self.assertEqual(dates, sorted(dates))
        for q in quotes:
            self.assertIn(SPEAKER, q["speaker"]["name"].lower())
            for k in ("id", "text", "kind", "doc_id", "passage", "title", "source"):
                self.assertTrue(q[k], k)
            self.assertIn(q["kind"], ("direct", "partial", "indirect"))
            self.assertTrue(q["passage"].startswith(q["doc_id"] + "#"))

    def test_quote_offsets_point_into_the_file(self):
        quotes = self.run_json("quotes", "--speaker", SPEAKER, "-n", "50")
        for q in quotes:
            path = os.path.join(vbtest.corpus_dir(), q["doc_id"] + ".txt")
            with open(path, "rb") as f:
                data = f.read()
            for span in q["spans"]:
                piece = data[span["start"]:span["end"]].decode("utf-8")
                # Each span's words are words of the quote.
                self.assertIn(piece.split()[0].strip("\"'“”‘’,."), q["text"])

    def test_query_finds_quotes_whose_words_answer_it(self):
        quotes = self.run_json("quotes", "jukebox", "-n", "20")
        self.assertTrue(quotes)
        for q in quotes:
            self.assertIn("jukebox", q["text"].lower())
        scores = [q["score"] for q in quotes]
        self.assertEqual(scores, sorted(scores, reverse=True))

    def test_speaker_and_query_together(self):
        every = self.run_json("quotes", "--speaker", SPEAKER, "-n", "100")
        asked = self.run_json("quotes", "--speaker", SPEAKER, "court OR claim", "-n", "100")
        self.assertTrue(asked)
        self.assertLessEqual(len(asked), len(every))
        ids = {q["id"] for q in every}
        for q in asked:
            self.assertIn(q["id"], ids)
            t = q["text"].lower()
            self.assertTrue("court" in t or "claim" in t, t)

    def test_no_quote_has_the_words_then_passages_do(self):
        # The association's quotes about the media tariff say "this
        # measure": asked about the tariff, the quotes of its passages that
        # name it come, after a note; with words a quote has, no note.
        r = self.vb.run(["quotes", "--db", self.db, "--org", "internet access providers", "tariff"])
        self.assertTrue(r.out.startswith("no quote has the words of 'tariff'; "
                                         "quotes from passages that do:"), r.out)
        quotes = self.run_json("quotes", "--org", "internet access providers", "tariff")
        self.assertTrue(quotes)
        self.assertIn("iapa-2004-tariff-response", {q["doc_id"] for q in quotes})
        for q in quotes:
            self.assertNotIn("tariff", q["text"].lower(), q)
            p = json.loads(self.vb.run(["show", "--db", self.db, "--json", q["passage"]]).out)
            self.assertIn("tariff", p["passage"]["text"].lower(), q["passage"])
        r = self.vb.run(["quotes", "--db", self.db, "jukebox"])
        self.assertNotIn("no quote has the words", r.out)
        self.assertIn("jukebox", r.out.lower())
        # Words nothing has: no quotes, no note.
        r = self.vb.run(["quotes", "--db", self.db, "--org", "internet access providers", "zeppelin"])
        self.assertEqual(r.out.strip(), "no quotes match")

    def test_kind_filter(self):
        for kind in ("direct", "partial", "indirect"):
            quotes = self.run_json("quotes", "--kind", kind, "-n", "20")
            self.assertTrue(quotes, kind)
            self.assertTrue(all(q["kind"] == kind for q in quotes), kind)

    def test_count_and_unknown_speaker(self):
        out = self.vb.run(["quotes", "--db", self.db, "-n", "0", "--speaker", SPEAKER]).out
        self.assertRegex(out, r"^\d+ quotes match")
        out = self.vb.run(["quotes", "--db", self.db, "--speaker", "zyxwvut"]).out
        self.assertIn("no quotes match", out)

    def test_misspelt_speaker_gets_a_suggestion(self):
        # "maitlnd" is one edit from "maitland": the spelling table knows it.
        out = self.vb.run(["quotes", "--db", self.db, "--color", "never",
                           "--speaker", "Fergus Maitlnd"]).out
        self.assertIn("no quotes match; did you mean --speaker 'fergus maitland'?", out)
        # The suggested name finds quotes.
        self.assertTrue(self.run_json("quotes", "--speaker", "fergus maitland"))
        # A name like nothing in the index gets none.
        out = self.vb.run(["quotes", "--db", self.db, "--speaker", "zyxwvut"]).out
        self.assertNotIn("did you mean", out)

    def test_show_quote_id(self):
        q = self.run_json("quotes", "--speaker", SPEAKER, "-n", "1")[0]
        shown = json.loads(self.vb.run(["show", "--db", self.db, "--json", q["id"]]).out)
        self.assertEqual(shown["quote"]["id"], q["id"])
        self.assertEqual(shown["passage"]["id"], q["passage"])
        self.assertEqual(shown["document"]["id"], q["doc_id"])
        text = self.vb.run(["show", "--db", self.db, "--color", "never", q["id"]]).out
        self.assertIn(q["speaker"]["name"], text)

    def test_speakers_list_counts_and_dates(self):
        rows = self.run_json("speakers")
        self.assertGreater(len(rows), 10)
        counts = [r["quotes"] for r in rows]
        self.assertEqual(counts, sorted(counts, reverse=True))
        mine = [r for r in rows if SPEAKER in r["name"].lower()]
        self.assertEqual(len(mine), 1, [r["name"] for r in mine])
        m = mine[0]
        self.assertLessEqual(m["first"], m["last"])
        n = len(self.run_json("quotes", "--speaker", SPEAKER, "-n", "1000"))
        self.assertEqual(m["quotes"], n)
        only = self.run_json("speakers", SPEAKER)
        self.assertEqual([r["key"] for r in only], [m["key"]])

    def test_speakers_named_and_unnamed(self):
        named = self.run_json("speakers")
        every = self.run_json("speakers", "--all")
        self.assertTrue(all(r["named"] for r in named), [r["name"] for r in named if not r["named"]])
        unnamed = [r for r in every if not r["named"]]
        self.assertTrue(unnamed, "corpus/ has quotes by 'a spokesman' and the like")
        for r in unnamed:
            self.assertRegex(r["name"], r"^(?i:an? |the )?[a-z]", r)
        self.assertEqual([r for r in every if r["named"]], named)
        out = self.vb.run(["speakers", "--db", self.db]).out
        self.assertIn("quotes by %d unnamed speakers" % len(unnamed), out)
        self.assertIn("--all lists them", out)
        # A name reads only the passages with its words, and counts what
        # the whole list counts for it, merges included.
        for name in (SPEAKER, "kowal", "federation", "halden music"):
            words = name.split()
            want = [r for r in every if all(w in r["name"].lower() or w in r["key"] for w in words)]
            self.assertEqual(self.run_json("speakers", "--all", name), want, name)

    def test_speakers_legal_form_is_one_organisation(self):
        # corpus/ quotes Ines Kowalczyk of "Halden Music Group plc" and of
        # "Halden Music Group": one speaker.
        rows = self.run_json("speakers", "kowalczyk")
        self.assertEqual(len([r for r in rows if r["key"].endswith("|halden music group")]), 1, rows)
        self.assertFalse([r for r in rows if r["key"].endswith(" plc")], rows)

    def test_reported_speech_is_printed_without_quotation_marks(self):
        rows = self.run_json("quotes", "--kind", "indirect", "-n", "3")
        self.assertTrue(rows)
        out = self.vb.run(["quotes", "--db", self.db, "--color", "never", "--kind", "indirect",
                           "-n", "3"]).out
        for r in rows:
            words = r["text"].split()[:4]
            line = next(l for l in out.splitlines() if " ".join(words) in " ".join(l.split()))
            self.assertIn("(reported) ", line, out)
        self.assertNotIn("\u201c", out)
        direct = self.vb.run(["quotes", "--db", self.db, "--color", "never", "--kind", "direct",
                              "-n", "3"]).out
        self.assertIn("\u201c", direct)
        self.assertNotIn("(reported)", direct)

    def test_entities_by_type(self):
        rows = self.run_json("entities", "--type", "organisation", "-n", "10")
        self.assertEqual(len(rows), 10)
        self.assertTrue(all(r["type"] == "organisation" for r in rows))
        mentions = [r["mentions"] for r in rows]
        self.assertEqual(mentions, sorted(mentions, reverse=True))
        self.assertTrue(all(r["mentions"] >= r["passages"] >= 1 for r in rows))
        self.vb.run(["entities", "--db", self.db, "--type", "planet"], expect=2)

    def test_fields_in_search(self):
        hits = self.vb.ids(self.db, "speaker:" + SPEAKER)
        self.assertTrue(hits)
        with_quote = set(self.vb.ids(self.db, "has:quote sharespan", "-n", "200"))
        every = set(self.vb.ids(self.db, "sharespan", "-n", "200"))
        self.assertTrue(with_quote < every)
        # A year mentioned in the text, as a filter.
        years = self.vb.ids(self.db, "sharespan mentioned:2006", "-n", "200")
        self.assertTrue(years and set(years) <= every)
        rng = self.vb.ids(self.db, "sharespan mentioned:2005..2007", "-n", "200")
        self.assertTrue(set(years) <= set(rng) <= every)

    def test_extract_json_offsets_are_code_points_of_the_file(self):
        doc = "meridian-2005-sharespan-sued"
        path = os.path.join(vbtest.corpus_dir(), doc + ".txt")
        out = json.loads(self.vb.run(["extract", "--json", path]).out)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        raw = text.encode("utf-8")
        self.assertTrue(out["quotes"] and out["entities"] and out["dates"])
        for e in out["entities"]:
            self.assertEqual(text[e["start"]:e["end"]], e["text"])
            self.assertEqual(raw[e["byte_start"]:e["byte_end"]].decode("utf-8"), e["text"])
        for d in out["dates"]:
            self.assertEqual(text[d["start"]:d["end"]], d["text"])
        self.assertEqual(out["doc_date"], vbtest.front_matter(path)["date"])


if __name__ == "__main__":
    vbtest.main()
