#!/usr/bin/env python3
"""Self-tests of score.py against fake `verbatim` binaries.

    python3 tests/eval/test_score.py

- a fake that prints the gold annotations back must score 1.0 everywhere;
- a fake that drops half of everything must score lower and fail the
  0.9 thresholds (exit status 1);
- a binary without the extract command must make score.py fail with a
  clear message (exit status 2);
- a fake that crashes on one document makes the run fail (exit status 1).

Python 3 standard library only.
"""

import io
import json
import os
import stat
import subprocess
import sys
import tempfile
import textwrap
import unittest
from contextlib import redirect_stdout, redirect_stderr

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
GOLD = os.path.join(HERE, "gold.jsonl")
SCORE = os.path.join(HERE, "score.py")

sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import score  # noqa: E402

FAKE = r'''#!/usr/bin/env python3
# Fake verbatim for test_score.py: prints gold annotations as predictions.
import json, os, sys
MODE = %(mode)r
GOLD = %(gold)r
args = sys.argv[1:]
if MODE == "nocmd" or not args or args[0] != "extract":
    name = args[0] if args else ""
    sys.stderr.write("verbatim: '%%s' is not a command; see 'verbatim --help'\n" %% name)
    sys.exit(2)
path = args[-1]
base = os.path.basename(path)
doc = None
for line in open(GOLD, encoding="utf-8"):
    d = json.loads(line)
    if os.path.basename(d["file"]) == base:
        doc = d
if doc is None:
    sys.stderr.write("verbatim extract: %%s: not in gold\n" %% path)
    sys.exit(1)
if MODE == "crash" and "meridian" in base:
    sys.stderr.write("verbatim extract: Segmentation fault (pretend)\n")
    sys.exit(139)

def keep(i):
    return MODE != "half" or i %% 2 == 0

quotes = []
for i, q in enumerate(doc["quotes"]):
    if not keep(i):
        continue
    name = q["speaker"]
    if MODE == "variants" and q["speaker_type"] == "person" and not q.get("anonymous"):
        name = "Dr " + name            # a title must not matter
    if MODE == "half" and i %% 4 == 0:
        name = "Somebody Else"         # and some speakers wrong
    quotes.append({
        "id": "q%%d" %% i, "text": q["text"], "start": q["start"], "end": q["end"],
        "byte_start": q.get("byte_start"), "byte_end": q.get("byte_end"),
        "kind": q["kind"], "cue": None,
        "speaker": {"name": name, "canonical": name, "type": q["speaker_type"],
                    "role": q["role"], "org": q["org"], "start": None, "end": None},
        "spans": q.get("spans", [{"start": q["start"], "end": q["end"]}])})
    if MODE == "variants":
        # curly quotes, case and surrounding punctuation must not matter
        quotes[-1]["text"] = "\u201c" + q["text"].upper().replace("'", "\u2019") + ",\u201d"
ents = [dict(e) for i, e in enumerate(doc["entities"]) if keep(i)]
dates = [dict(x) for i, x in enumerate(doc["dates"]) if keep(i)]
if MODE == "variants":
    for e in ents:
        if e["type"] == "money":
            cur, amt = e["canonical"].split()
            e["canonical"] = "%%s %%s.00" %% (cur.lower(), amt) if "." not in amt else e["canonical"]
print(json.dumps({"doc_date": doc["doc_date"], "quotes": quotes, "entities": ents,
                  "dates": dates, "dropped": []}, ensure_ascii=False))
'''


def make_fake(dirname, mode):
    path = os.path.join(dirname, "verbatim-" + mode)
    with open(path, "w", encoding="utf-8") as f:
        f.write(FAKE % {"mode": mode, "gold": GOLD})
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def run_score(*args):
    proc = subprocess.run([sys.executable, SCORE] + list(args),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


THRESH = ["--min-quote-f1", "0.9", "--min-speaker-acc", "0.9", "--min-date-acc", "0.9"]


class FakeVerbatimTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.fakes = {m: make_fake(cls.tmp.name, m)
                     for m in ("echo", "half", "nocmd", "crash", "variants")}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def scores(self, mode, *extra):
        rc, out, err = run_score("--verbatim", self.fakes[mode], "--gold", GOLD,
                                 "--corpus-root", ROOT, "--json", *extra)
        return rc, json.loads(out), err

    def test_echo_scores_one(self):
        rc, rep, err = self.scores("echo", *THRESH)
        self.assertEqual(rc, 0, err)
        o = rep["overall"]
        for key in ("quotes_exact", "quotes_overlap", "entities_typed", "entities_untyped",
                    "dates_extent"):
            self.assertEqual(o[key]["f1"], 1.0, key)
            self.assertEqual(o[key]["precision"], 1.0, key)
            self.assertEqual(o[key]["recall"], 1.0, key)
        for key in ("speaker_accuracy", "entity_canonical_accuracy", "date_value_accuracy",
                    "date_value_accuracy_relative", "kind_agreement", "speaker_org_accuracy"):
            self.assertEqual(o[key], 1.0, key)
        for k in score.QUOTE_KINDS:
            self.assertEqual(o["quotes_per_kind"][k]["overlap"]["f1"], 1.0, k)
        self.assertTrue(rep["passed"])

    def test_variants_still_match(self):
        rc, rep, err = self.scores("variants", *THRESH)
        self.assertEqual(rc, 0, err)
        o = rep["overall"]
        self.assertEqual(o["quotes_exact"]["f1"], 1.0)
        self.assertEqual(o["speaker_accuracy"], 1.0)
        self.assertEqual(o["entity_canonical_accuracy"], 1.0)

    def test_half_scores_lower_and_fails(self):
        rc, rep, err = self.scores("half", *THRESH)
        self.assertEqual(rc, 1)
        o = rep["overall"]
        self.assertLess(o["quotes_overlap"]["f1"], 0.9)
        self.assertLess(o["quotes_overlap"]["recall"], 0.6)
        self.assertEqual(o["quotes_overlap"]["precision"], 1.0)
        self.assertLess(o["speaker_accuracy"], 0.9)
        self.assertLess(o["entities_typed"]["f1"], 0.9)
        self.assertLess(o["dates_extent"]["f1"], 0.9)
        self.assertFalse(rep["passed"])
        self.assertIn("below the threshold", err)

    def test_table_and_error_listing(self):
        rc, out, err = run_score("--verbatim", self.fakes["half"], "--gold", GOLD,
                                 "--corpus-root", ROOT, "--list-errors", *THRESH)
        self.assertEqual(rc, 1)
        self.assertIn("quotes, token overlap", out)
        self.assertIn("missed quote", out)
        self.assertIn("missed date", out)
        self.assertIn("speaker        gold", out)
        self.assertIn("BELOW THRESHOLD", out)

    def test_missing_extract_command(self):
        rc, out, err = run_score("--verbatim", self.fakes["nocmd"], "--gold", GOLD,
                                 "--corpus-root", ROOT, *THRESH)
        self.assertEqual(rc, 2)
        self.assertIn("no usable `extract --json` command", err)

    def test_missing_binary(self):
        rc, out, err = run_score("--verbatim", os.path.join(self.tmp.name, "nope"),
                                 "--gold", GOLD, "--corpus-root", ROOT)
        self.assertEqual(rc, 2)
        self.assertIn("not found", err)

    def test_crash_on_a_document_fails(self):
        rc, rep, err = self.scores("crash")
        self.assertEqual(rc, 1)
        self.assertTrue(rep["failures"])
        self.assertIn("extraction failed", err)


class NormalisationTests(unittest.TestCase):
    def test_text(self):
        self.assertEqual(score.norm_text("\u201cWe don\u2019t  know,\u201d"), "we don't know")
        self.assertEqual(score.norm_text("'Hello.'"), "hello")

    def test_overlap(self):
        a = score.tokens("the cat sat on the mat")
        self.assertEqual(score.token_overlap(a, score.tokens("the cat sat")), 0.5)
        self.assertEqual(len(score.tokens("正版化是中国")), 6)

    def test_names(self):
        self.assertTrue(score.names_match("Dr Lukas Ferrante", "Lukas Ferrante"))
        self.assertTrue(score.names_match("Professor Ruth A. Ellingham", "Ruth Ellingham"))
        self.assertTrue(score.names_match("Halden Music Group", "Halden Music Group plc"))
        self.assertTrue(score.names_match("élodie vasseur-lambin", "Élodie Vasseur-Lambin"))
        self.assertFalse(score.names_match("Ruth Ferrante", "Lukas Ferrante"))
        self.assertFalse(score.names_match("Ellingham", "Ruth Ellingham"))

    def test_anonymous(self):
        g = {"speaker": "a spokesman", "org": "Internet Access Providers Association",
             "anonymous": True}
        self.assertTrue(score.speaker_ok(g, {"name": "spokesman", "canonical": None}))
        self.assertTrue(score.speaker_ok(g, {"name": "a spokesman for the association",
                                             "org": "Internet Access Providers Association"}))
        self.assertFalse(score.speaker_ok(g, {"name": "Rosalind Trevanion",
                                              "org": "Listeners' Rights Alliance"}))
        self.assertFalse(score.speaker_ok(g, None))

    def test_org(self):
        self.assertTrue(score.org_ok("Sharespan", "Sharespan Inc"))
        self.assertTrue(score.org_ok("the Listeners\u2019 Rights Alliance",
                                     "Listeners' Rights Alliance"))
        self.assertFalse(score.org_ok("Halden Music Group", "Sharespan Inc"))
        self.assertFalse(score.org_ok(None, "Sharespan Inc"))
        self.assertFalse(score.org_ok("", "Sharespan Inc"))

    def test_aliases(self):
        g = {"speaker": "Julian Thorncastle", "speaker_aliases": ["朱利安·索恩卡斯尔"]}
        self.assertTrue(score.speaker_ok(g, {"name": "朱利安·索恩卡斯尔"}))

    def test_canonical(self):
        self.assertTrue(score.canonical_ok("money", "CRN 0.3", "CRN 0.30"))
        self.assertTrue(score.canonical_ok("money", "usd 25,000,000", "USD 25000000"))
        self.assertFalse(score.canonical_ok("money", "EUR 25000000", "USD 25000000"))
        self.assertTrue(score.canonical_ok("percent", "71.0%", "71%"))
        self.assertTrue(score.canonical_ok("organisation", "the Listeners\u2019 Rights Alliance",
                                           "Listeners' Rights Alliance"))


class GoldFileTests(unittest.TestCase):
    def test_gold_is_up_to_date(self):
        """gold.jsonl must be what make_gold.py generates from annotations/."""
        with tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False) as f:
            tmp = f.name
        try:
            proc = subprocess.run([sys.executable, os.path.join(HERE, "make_gold.py"),
                                   "--out", tmp], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE)
            self.assertEqual(proc.returncode, 0, proc.stderr.decode())
            with open(tmp, encoding="utf-8") as a, open(GOLD, encoding="utf-8") as b:
                self.assertEqual(a.read(), b.read(), "run tests/eval/make_gold.py")
        finally:
            os.unlink(tmp)

    def test_minimum_totals(self):
        docs = score.load_gold(GOLD)
        quotes = [q for d in docs for q in d["quotes"]]
        dates = [x for d in docs for x in d["dates"]]
        self.assertGreaterEqual(len(quotes), 130)
        self.assertGreaterEqual(sum(q["kind"] == "indirect" for q in quotes), 45)
        self.assertTrue(all(q["speaker"] for q in quotes))
        self.assertGreaterEqual(sum(len(d["entities"]) for d in docs), 220)
        self.assertGreaterEqual(len(dates), 90)
        self.assertGreaterEqual(sum(x["relative"] for x in dates), 35)


if __name__ == "__main__":
    unittest.main(verbosity=2)
