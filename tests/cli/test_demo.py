# test_demo.py: `make run`'s script (scripts/demo.sh) runs to the end and shows each part.
import os
import subprocess

import vbtest


def source_root():
    return os.environ.get("VB_SOURCE_ROOT") or os.path.dirname(os.path.dirname(
        os.path.dirname(os.path.abspath(__file__))))


class Demo(vbtest.TempDirTest):

    def demo(self, exe):
        return subprocess.run(["sh", os.path.join("scripts", "demo.sh"), exe, self.path("demo.db")],
                              cwd=source_root(), env=self.vb.env, capture_output=True, text=True,
                              timeout=240)

    def test_runs_to_the_end(self):
        r = self.demo(self.exe)
        self.assertEqual(r.returncode, 0, r.stdout[-3000:] + r.stderr[-3000:])
        out = r.stdout
        # Each part of the tour, in order, and its answers.
        parts = ["$ %s index corpus" % self.exe, "$ %s search -n 3 sharespan injunction" % self.exe, "**injunction**",
                 "Who said what, and when:", "$ %s quotes -n 3 --speaker marwood" % self.exe,
                 "$ %s cite -f markdown" % self.exe, "ifsrp2005record",
                 "$ %s verify" % self.exe, "near match", "(exit status 3: a near match)",
                 "$ %s stats" % self.exe, "Try your own"]
        at = 0
        for p in parts:
            i = out.find(p, at)
            self.assertGreaterEqual(i, 0, "%r missing (after offset %d) in:\n%s" % (p, at, out[-4000:]))
            at = i + len(p)
        # The indexing summary (on stderr): the second run changes nothing.
        self.assertRegex(r.stderr, r"\b[1-9]\d* new, 0 updated")
        self.assertRegex(r.stderr, r"\b0 new, 0 updated, [1-9]\d* unchanged")

    def test_a_failing_step_fails_the_demo(self):
        r = self.demo(self.path("no-such-verbatim"))
        self.assertNotEqual(r.returncode, 0, r.stdout)


if __name__ == "__main__":
    vbtest.main()
