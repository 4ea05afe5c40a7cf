# test_errors.py: exit statuses and messages: missing database, unknown commands and options, --help, missing arguments.
import os
import re

import vbtest

COMMANDS = ("index", "search", "show", "stats")


class Errors(vbtest.TempDirTest):

    def run_vb(self, args, expect):
        return self.vb.run(args, expect=expect)

    def assertOneStyle(self, r, command):
        """Every stderr line is 'verbatim CMD: ...' or the 'try ... --help' hint."""
        for line in r.err.splitlines():
            self.assertTrue(line.startswith("verbatim %s: " % command) or line.startswith("try 'verbatim"),
                            "stderr line not in the 'verbatim %s: problem' style: %r\n%r" % (command, line, r))

    def test_missing_database(self):
        db = self.path("nowhere.db")
        for args in (["search", "tariff"], ["show", "x"], ["stats"], ["stats", "--json"]):
            r = self.run_vb([args[0], "--db", db] + args[1:], expect=1)
            self.assertEqual(r.out, "")
            self.assertIn("verbatim index", r.err, "the message should say how to create a database")
            self.assertIn(db, r.err)
            self.assertOneStyle(r, args[0])
            self.assertFalse(os.path.exists(db), "%s must not create a database" % args[0])
        # The default database, ./verbatim.db, and $VERBATIM_DB.
        r = self.run_vb(["stats"], expect=1)
        self.assertIn("verbatim.db", r.err)
        r = self.vb.run(["search", "x"], expect=1, env={"VERBATIM_DB": db})
        self.assertIn(db, r.err)

    def test_not_a_database(self):
        f = self.path("afile")
        with open(f, "w") as fh:
            fh.write("hello\n")
        for args in (["search", "x"], ["stats"], ["index", self.path("afile")]):
            r = self.run_vb([args[0], "--db", f] + args[1:], expect=1)
            self.assertIn("'%s'" % f, r.err)
            self.assertOneStyle(r, args[0])

    def test_open_errors_do_not_repeat_themselves(self):
        # "cannot open database 'x': cannot open database 'x': ..." said it twice.
        f = self.path("afile")
        with open(f, "w") as fh:
            fh.write("hello\n")
        for args in (["search", "--db", f, "x"], ["index", "--db", f, f]):
            r = self.run_vb(args, expect=1)
            self.assertLessEqual(r.err.count("cannot open database"), 1, r.err)

    def test_bad_query_quotes_the_query_as_typed(self):
        db = self.path("db")
        self.vb.index("--db", db, "-", input='{"id":"a","text":"Tariffs and tariff talks."}\n')
        r = self.run_vb(["search", "--db", db, "Tariffs AND AND ("], expect=2)
        self.assertNotIn("'tariff AND AND ('", r.err,
                         "the error should quote the query as typed, not its internal rewriting")

    def test_unknown_command(self):
        r = self.run_vb(["frobnicate"], expect=2)
        self.assertIn("frobnicate", r.err)
        self.assertEqual(r.out, "")
        r = self.run_vb([], expect=2)
        self.assertIn("usage: verbatim", r.err)
        r = self.run_vb(["--frobnicate"], expect=2)
        self.assertIn("--frobnicate", r.err)

    def test_help(self):
        r = self.run_vb(["--help"], expect=0)
        self.assertTrue(r.out.startswith("usage: verbatim"), r)
        for c in COMMANDS:
            self.assertRegex(r.out, r"(?m)^  %s\s" % c, "verbatim --help does not list %s" % c)
        self.assertEqual(self.run_vb(["-h"], expect=0).out, r.out)
        for c in COMMANDS:
            for flag in ("--help", "-h"):
                h = self.run_vb([c, flag], expect=0)
                self.assertTrue(h.out.startswith("usage: verbatim %s" % c), h)
                self.assertEqual(h.err, "")
                self.assertIn("--db", h.out)
        r = self.run_vb(["--version"], expect=0)
        self.assertRegex(r.out, r"^verbatim \d+\.\d+")

    def test_help_matches_the_options(self):
        # Every long option that --help lists is accepted (as a usage error at
        # worst for a missing value, never as an unknown option).
        for c in COMMANDS:
            h = self.run_vb([c, "--help"], expect=0).out
            for opt in sorted(set(re.findall(r"(?m)^\s+(?:-\w, )?(--[a-z-]+)", h))):
                r = self.vb.run([c, opt, "--help"], expect=None)
                self.assertNotIn("unknown option", r.err, "%s %s" % (c, opt))
                self.assertNotIn("unrecognized option", r.err, "%s %s" % (c, opt))

    def test_index_help_states_the_real_commit_default(self):
        # The indexer commits every 2000 passages (indexer/index.c).
        h = self.run_vb(["index", "--help"], expect=0).out
        m = re.search(r"--commit-every N\s+.*\(default: (\d+)\)", h)
        self.assertTrue(m, h)
        self.assertEqual(m.group(1), "2000")

    def test_missing_arguments(self):
        for args in (["index"], ["search"], ["show"], ["show", "a", "b"], ["stats", "extra"],
                     ["search", "-n"], ["show", "-C"], ["index", "--max-size"],
                     ["index", "--max-size", "lots", "x"], ["--db"]):
            r = self.run_vb(args, expect=2)
            self.assertEqual(r.out, "", args)
            self.assertTrue(r.err, args)

    def test_unknown_option_is_named(self):
        for c in COMMANDS:
            r = self.run_vb([c, "--bogus-option", "x"], expect=2)
            self.assertIn("--bogus-option", r.err)
            self.assertOneStyle(r, c)

    def test_index_missing_path_fails(self):
        # A path named on the command line that cannot be read is a failure
        # of the run, not only a count in the summary.
        r = self.run_vb(["index", "--db", self.path("db"), self.path("no-such-dir")], expect=1)
        self.assertIn("no-such-dir", r.err)
        self.assertIn("No such file", r.err)


if __name__ == "__main__":
    vbtest.main()
