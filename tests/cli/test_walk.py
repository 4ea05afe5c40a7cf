# test_walk.py: directory walks: --include/--exclude globs, symbolic link loops, pipes and sockets.
import os
import re
import socket

import vbtest
from vbtest import parse_summary


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


class Walk(vbtest.TempDirTest):

    def setUp(self):
        super().setUp()
        self.dir = self.path("tree")
        self.db = self.path("db")
        # One distinct word per file, which is also its id without extension.
        for rel in ("news/alpha.html", "news/bravo.txt", "news/drafts/charlie.txt",
                    "notes/delta.txt", "echo.md", "records.jsonl"):
            word = os.path.splitext(os.path.basename(rel))[0]
            if rel.endswith(".jsonl"):
                write(os.path.join(self.dir, rel), '{"id": "foxtrot", "text": "foxtrot"}\n')
            elif rel.endswith(".html"):
                write(os.path.join(self.dir, rel), "<html><body><p>%s</p></body></html>" % word)
            else:
                write(os.path.join(self.dir, rel), "%s\n" % word)

    def indexed(self, *args, expect=0):
        r = self.vb.index("--db", self.db, "--overwrite", *args, expect=expect,
                          timeout=60 * vbtest.slow_factor())
        words = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot")
        found = [w for w in words if self.vb.search(self.db, w)] if expect == 0 else None
        return r, found

    def test_no_filters(self):
        r, found = self.indexed(self.dir)
        self.assertEqual(found, ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"])

    def test_include_by_base_name_and_path(self):
        # "*.txt" matches base names anywhere; "news/*" matches relative paths
        # (with flags 0, '*' also matches '/').
        _, found = self.indexed("--include", "*.txt", self.dir)
        self.assertEqual(found, ["bravo", "charlie", "delta"])
        _, found = self.indexed("--include", "news/*", self.dir)
        self.assertEqual(found, ["alpha", "bravo", "charlie"])
        _, found = self.indexed("--include", "*.html", "--include", "*.jsonl", self.dir)
        self.assertEqual(found, ["alpha", "foxtrot"])

    def test_exclude_files_and_directories(self):
        _, found = self.indexed("--exclude", "drafts", self.dir)
        self.assertEqual(found, ["alpha", "bravo", "delta", "echo", "foxtrot"])
        _, found = self.indexed("--exclude", "*.txt", "--exclude", "*.md", self.dir)
        self.assertEqual(found, ["alpha", "foxtrot"])
        # --exclude wins over --include.
        _, found = self.indexed("--include", "*.txt", "--exclude", "news/drafts", self.dir)
        self.assertEqual(found, ["bravo", "delta"])
        # A file named on the command line is read whatever the globs say.
        _, found = self.indexed("--exclude", "*.md", os.path.join(self.dir, "echo.md"))
        self.assertEqual(found, ["echo"])

    def test_help_documents_the_rule(self):
        out = self.vb.run(["index", "--help"]).out
        self.assertIn("--include GLOB", out)
        self.assertIn("--exclude GLOB", out)
        self.assertIn("base name", out)

    def test_symlink_loops_do_not_hang(self):
        os.symlink("..", os.path.join(self.dir, "news", "up"))
        os.symlink(".", os.path.join(self.dir, "notes", "self"))
        os.symlink(os.path.join(self.dir, "news"), os.path.join(self.dir, "zz-news-again"))
        r, found = self.indexed("-v", self.dir)
        self.assertEqual(found, ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"])
        s = parse_summary(r.err)
        # Each file once; a loop is no failure.
        self.assertEqual((s["new"], s["failed"]), (6, 0), s["line"])
        for link in ("news/up", "notes/self", "zz-news-again"):
            self.assertRegex(r.err, r"(?m)^[^ ]*%s: directory already walked" % re.escape(link))
        # Without --verbose, not a word about it.
        r, _ = self.indexed(self.dir)
        self.assertNotIn("already walked", r.err)

    def test_fifo_and_socket_named_and_skipped(self):
        os.mkfifo(os.path.join(self.dir, "news", "pipe.txt"))
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock_path = os.path.join(self.dir, "s.sock")
        try:
            sock.bind(sock_path)
        except OSError as e:
            sock.close()
            self.skipTest("cannot make a socket here: %s" % e)
        try:
            r, found = self.indexed(self.dir)
        finally:
            sock.close()
        self.assertEqual(found, ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"])
        self.assertRegex(r.err, r"warning: '[^']*news/pipe\.txt': a named pipe, not a regular file, skipped")
        self.assertRegex(r.err, r"warning: '[^']*s\.sock': a socket, not a regular file, skipped")
        # An excluded pipe is not even mentioned.
        r, _ = self.indexed("--exclude", "*.txt", "--exclude", "*.sock", self.dir)
        self.assertNotIn("pipe.txt", r.err)
        self.assertNotIn("s.sock", r.err)

    def test_bad_glob_options(self):
        r = self.vb.index("--db", self.db, "--include", expect=2)
        self.assertIn("--include", r.err)
        args = []
        for i in range(65):
            args += ["--exclude", "x%d" % i]
        r = self.vb.index("--db", self.db, *args, self.dir, expect=2)
        self.assertIn("too many --exclude patterns", r.err)


if __name__ == "__main__":
    vbtest.main()
