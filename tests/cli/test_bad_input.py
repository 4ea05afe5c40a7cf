# test_bad_input.py: bad files next to good ones: each is reported (file, line) and skipped or repaired; the good ones are indexed.
import json
import os
import re

import vbtest
from vbtest import parse_summary

GOOD = {
    "good-one": ("good1.txt", "harbour commission approved the quayside plan"),
    "good-two": ("sub/good2.txt", "perfectly ordinary lighthouse report"),
}


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def text_doc(ident, body, date="2010-01-02"):
    return "---\nid: %s\ntitle: Title of %s\ndate: %s\n---\n%s\n" % (ident, ident, date, body)


class BadInput(vbtest.TempDirTest):

    def setUp(self):
        super().setUp()
        self.dir = self.path("in")
        self.db = self.path("db")
        for ident, (name, body) in GOOD.items():
            write(os.path.join(self.dir, name), text_doc(ident, "The %s." % body))

    def index(self, *paths, expect=0):
        r = self.vb.index("--db", self.db, *(paths or (self.dir,)), expect=expect)
        return r, parse_summary(r.err)

    def warning(self, r, name, *patterns):
        """The one warning line naming file `name` and matching every pattern."""
        lines = [l for l in r.err.splitlines()
                 if re.match(r"verbatim index: warning: '[^']*%s'" % re.escape(name), l)
                 and all(re.search(p, l) for p in patterns)]
        self.assertEqual(len(lines), 1, "expected one warning naming %s and matching %s in:\n%s"
                         % (name, patterns, r.err))
        return lines[0]

    def assertGoodIndexed(self, extra=()):
        for ident, (name, body) in GOOD.items():
            res = self.vb.search(self.db, '"%s"' % body)
            self.assertEqual([x["doc_id"] for x in res], [ident], "good file %s not indexed" % name)
        for ident in extra:
            self.vb.run(["show", "--db", self.db, ident])

    def assertNotIndexed(self, word):
        self.assertEqual(self.vb.search(self.db, word), [], "%r should not be indexed" % word)

    def test_invalid_utf8_is_repaired(self):
        # UTF-8 with two broken bytes (more good multi-byte characters than
        # bad bytes): repaired as UTF-8, not taken for another encoding.
        write(os.path.join(self.dir, "badutf8.txt"),
              text_doc("bad-utf8", "First line is fine: caf\u00e9, na\u00efve.\nThe ferryman@FF said hello to the @C3 walrus.\n")
              .encode("utf-8").replace(b"@FF", b"\xff").replace(b"@C3", b"\xc3"))
        r, s = self.index()
        self.warning(r, "badutf8.txt", r"\bline 7\b", r"(?i)utf-8")
        self.assertEqual((s["new"], s["failed"]), (3, 0), s["line"])
        self.assertGoodIndexed(["bad-utf8"])
        res = self.vb.search(self.db, "walrus")
        self.assertEqual([x["doc_id"] for x in res], ["bad-utf8"])
        self.assertIn("\ufffd", res[0]["text"])
        doc = json.loads(self.vb.run(["show", "--db", self.db, "--json", "bad-utf8"]).out)
        self.assertEqual(doc.get("invalid_utf8"), 2, doc)

    def test_binary_file_is_skipped(self):
        data = bytes(range(256)) * 8 + b"\x00\x01\x02 zebrafinch"
        write(os.path.join(self.dir, "blob.bin"), data)
        write(os.path.join(self.dir, "blob.txt"), data)
        r, s = self.index()
        self.warning(r, "blob.bin", r"binary")
        self.warning(r, "blob.txt", r"binary")
        self.assertEqual((s["new"], s["failed"]), (2, 2), s["line"])
        self.assertGoodIndexed()
        self.assertNotIndexed("zebrafinch")

    def test_empty_files_are_skipped(self):
        write(os.path.join(self.dir, "empty.txt"), b"")
        write(os.path.join(self.dir, "blank.txt"), b"  \n\n\t\n")
        write(os.path.join(self.dir, "nobody.txt"), "---\nid: nobody\ntitle: No body\n---\n\n")
        r, s = self.index()
        self.warning(r, "empty.txt", r"empty")
        self.warning(r, "blank.txt", r"empty|white")
        self.warning(r, "nobody.txt", r"empty|white|no text|body")
        self.assertEqual((s["new"], s["failed"]), (2, 3), s["line"])
        self.assertGoodIndexed()
        self.vb.run(["show", "--db", self.db, "nobody"], expect=1)

    def test_broken_front_matter_is_skipped(self):
        write(os.path.join(self.dir, "broken.txt"),
              "---\nid: broken\ntitle: [unclosed\ndate: 2010-01-02\n---\nBody text about marmalade.\n")
        write(os.path.join(self.dir, "noclose.txt"),
              "---\nid: noclose\ntitle: No close\nThe emu without a closing line about gooseberries.\n")
        r, s = self.index()
        self.warning(r, "broken.txt", r"\bline 3\b", r"front matter")
        self.warning(r, "noclose.txt", r"\bline 1\b", r"front matter")
        self.assertEqual((s["new"], s["failed"]), (2, 2), s["line"])
        self.assertGoodIndexed()
        self.assertNotIndexed("marmalade")
        self.assertNotIndexed("gooseberries")

    def test_bad_date_is_dropped(self):
        write(os.path.join(self.dir, "baddate.txt"), text_doc("baddate", "The dodo with a bad date.", "2008-13-01"))
        r, s = self.index()
        self.warning(r, "baddate.txt", r"\bline 4\b", r"2008-13-01")
        self.assertEqual((s["new"], s["failed"]), (3, 0), s["line"])
        doc = json.loads(self.vb.run(["show", "--db", self.db, "--json", "baddate"]).out)
        self.assertNotIn("date", doc)

    def test_jsonl_with_bad_lines(self):
        write(os.path.join(self.dir, "recs.jsonl"),
              '{"id":"j1","title":"J one","text":"The zeppelin landed at noon."}\n'
              '{"id":"j2","title":"J two", "text": broken\n'
              '{"id":"j3","title":"J three","text":"A kettle of fish appeared."}\n'
              '[1, 2, 3]\n'
              '{"id":"j5","title":"no text"}\n'
              '\n'
              '{"id":"j7","text":"The seventh line is a capybara."}\n')
        r, s = self.index()
        self.warning(r, "recs.jsonl", r"\bline 2\b", r"(?i)json")
        self.warning(r, "recs.jsonl", r"\bline 4\b", r"object")
        self.warning(r, "recs.jsonl", r"\bline 5\b", r"text")
        self.assertEqual((s["new"], s["failed"]), (5, 3), s["line"])
        self.assertGoodIndexed(["j1", "j3", "j7"])
        for word, ident in (("zeppelin", "j1"), ("kettle", "j3"), ("capybara", "j7")):
            self.assertEqual([x["doc_id"] for x in self.vb.search(self.db, word)], [ident])
        self.assertEqual(json.loads(self.vb.run(["show", "--db", self.db, "--json", "j7"]).out)["line"], 7)
        self.vb.run(["show", "--db", self.db, "j2"], expect=1)

    def test_unreadable_file(self):
        if os.geteuid() == 0:
            self.skipTest("running as root, which reads any file; the dangling symlink test covers unreadable paths")
        p = os.path.join(self.dir, "locked.txt")
        write(p, text_doc("locked", "Secret words about badgers."))
        os.chmod(p, 0)
        r, s = self.index()
        self.warning(r, "locked.txt", r"(?i)permission denied")
        self.assertEqual((s["new"], s["failed"]), (2, 1), s["line"])
        self.assertGoodIndexed()

    def test_unreadable_directory(self):
        if os.geteuid() == 0:
            self.skipTest("running as root, which reads any directory")
        d = os.path.join(self.dir, "closed")
        write(os.path.join(d, "inside.txt"), text_doc("inside", "Words about wombats."))
        os.chmod(d, 0)
        r, s = self.index()
        self.warning(r, "closed", r"(?i)permission denied")
        self.assertGoodIndexed()

    def test_dangling_symlink(self):
        os.symlink(self.path("nowhere", "target.txt"), os.path.join(self.dir, "dangling.txt"))
        r, s = self.index()
        self.warning(r, "dangling.txt", r"(?i)no such file")
        self.assertEqual((s["new"], s["failed"]), (2, 1), s["line"])
        self.assertGoodIndexed()

    def test_symlink_loop(self):
        os.symlink("..", os.path.join(self.dir, "sub", "up"))
        r, s = self.index()
        self.assertEqual(s["new"], 2, s["line"])
        self.assertGoodIndexed()

    def test_fifo_does_not_block(self):
        os.mkfifo(os.path.join(self.dir, "pipe.txt"))
        r, s = self.index()
        self.assertEqual(s["new"], 2, s["line"])
        self.assertGoodIndexed()
        r = self.vb.index("--db", self.db, os.path.join(self.dir, "pipe.txt"), timeout=30 * vbtest.slow_factor())
        self.warning(r, "pipe.txt", r"regular file")

    def test_utf16_is_read(self):
        # UTF-16 with a BOM is converted (tests/cli/test_encoding.py has more).
        for name, bom, codec in (("utf16le.txt", b"\xff\xfe", "utf-16-le"), ("utf16be.txt", b"\xfe\xff", "utf-16-be")):
            write(os.path.join(self.dir, name), bom + "Hello from a file about otters.\n".encode(codec))
        r, s = self.index()
        self.assertEqual((s["new"], s["failed"]), (4, 0), s["line"])
        self.assertGoodIndexed()
        self.assertEqual(sorted(x["doc_id"] for x in self.vb.search(self.db, "otters")), ["utf16be.txt", "utf16le.txt"])

    def test_utf8_bom_and_crlf(self):
        # Paragraphs long enough to stand as passages of their own.
        first = " ".join(["The cormorant stood on the rock for a very long time, drying its wings in the wind."] * 6)
        second = " ".join(["The second paragraph is about puffins, which nest in burrows on the cliff top and eat small silver fish."] * 5)
        write(os.path.join(self.dir, "bom.txt"), b"\xef\xbb\xbf" + text_doc("bom-doc", "The albatross.").encode())
        write(os.path.join(self.dir, "crlf.txt"),
              text_doc("crlf-doc", first + "\n\n" + second).replace("\n", "\r\n"))
        write(os.path.join(self.dir, "lf.txt"), text_doc("lf-doc", first + "\n\n" + second))
        r, s = self.index()
        self.assertEqual((s["new"], s["failed"]), (5, 0), s["line"])
        self.assertNotIn("warning", r.err)
        res = self.vb.search(self.db, "albatross")
        self.assertEqual([x["doc_id"] for x in res], ["bom-doc"])
        crlf = json.loads(self.vb.run(["show", "--db", self.db, "--json", "crlf-doc"]).out)
        lf = json.loads(self.vb.run(["show", "--db", self.db, "--json", "lf-doc"]).out)
        self.assertEqual(crlf["title"], "Title of crlf-doc")
        self.assertEqual(crlf["date"], "2010-01-02")
        self.assertEqual([p["text"] for p in crlf["passage_list"]], [first, second])
        self.assertEqual([p["text"] for p in lf["passage_list"]], [first, second])

    def test_max_size(self):
        write(os.path.join(self.dir, "large.txt"), text_doc("large", "narwhal " * 200000))
        r, s = self.index("--max-size", "1", self.dir)
        self.warning(r, "large.txt", r"(?i)too large")
        self.assertEqual((s["new"], s["failed"]), (2, 1), s["line"])
        self.assertNotIndexed("narwhal")

    def test_missing_path_argument(self):
        # All paths missing: exit 1 and no database.  Some missing: the
        # others are indexed and the missing one is reported, even with -q.
        r = self.vb.index("--db", self.db, self.path("nope"), expect=1)
        self.assertIn("cannot read '%s'" % self.path("nope"), r.err)
        self.assertFalse(os.path.exists(self.db), "a typo must not create a database")
        r = self.vb.index("-q", "--db", self.db, self.path("nope"), self.dir, expect=None)
        self.assertIn("cannot read '%s'" % self.path("nope"), r.err)
        self.assertGoodIndexed()

    def test_everything_at_once(self):
        # All the above in one directory: the run goes on, and counts them.
        write(os.path.join(self.dir, "badutf8.txt"), text_doc("bad-utf8", "Ferryman\xff.").encode("latin-1"))
        write(os.path.join(self.dir, "blob.bin"), bytes(range(256)) * 4)
        write(os.path.join(self.dir, "empty.txt"), b"")
        write(os.path.join(self.dir, "broken.txt"), "---\nid: broken\ntitle: [unclosed\n---\nBody.\n")
        write(os.path.join(self.dir, "recs.jsonl"), '{"id":"j1","text":"Zeppelin."}\nnot json\n{"id":"j3","text":"Kettle."}\n')
        write(os.path.join(self.dir, "utf16.txt"), b"\xff\xfe" + "Otters.\n".encode("utf-16-le"))
        os.symlink(self.path("nowhere"), os.path.join(self.dir, "dangling.txt"))
        r, s = self.index()
        # The UTF-16 file is read now.
        self.assertEqual((s["new"], s["failed"]), (6, 5), s["line"])
        self.assertGoodIndexed(["bad-utf8", "j1", "j3", "utf16.txt"])
        # Nothing changed: the same counts of skipped input, no document new.
        r, s2 = self.index()
        self.assertEqual((s2["new"], s2["updated"], s2["unchanged"], s2["failed"]), (0, 0, 6, 5), s2["line"])


if __name__ == "__main__":
    vbtest.main()
