# test_lock.py: one writer at a time: a second `verbatim index` fails at once while readers go on.
import json
import os
import subprocess
import time

import vbtest
from vbtest import parse_summary


def record(i):
    return json.dumps({"id": "lock-%04d" % i, "title": "Lock test %d" % i, "date": "2010-01-%02d" % (1 + i % 28),
                       "text": "Record %d tells of the harbourmaster and the tide tables of the northern quay." % i}) + "\n"


class Lock(vbtest.TempDirTest):

    def test_second_writer_fails_at_once(self):
        db = self.path("db")
        other = self.path("other.jsonl")
        with open(other, "w") as f:
            f.write('{"id":"other","text":"A walrus on the slipway."}\n')

        # The first writer reads standard input, so it holds the database
        # for as long as the test keeps the pipe open.
        first = self.vb.popen(["index", "--db", db, "-"], stdin=subprocess.PIPE)
        try:
            first.stdin.write("".join(record(i) for i in range(50)).encode())
            first.stdin.flush()
            # The lock file appears when the writer has taken the lock.
            vbtest.wait_for(lambda: os.path.exists(os.path.join(db, "flintlock")) or first.poll() is not None,
                            30 * vbtest.slow_factor(), what="the first writer to open %s" % db)
            if first.poll() is not None:
                self.fail("the first writer ended early: %r" % (first.communicate(),))
            time.sleep(0.2)

            t0 = time.monotonic()
            r = self.vb.run(["index", "--db", db, other], expect=1, timeout=60 * vbtest.slow_factor())
            took = time.monotonic() - t0
            self.assertLess(took, 5 * vbtest.slow_factor(), "the second writer should fail at once, not wait")
            self.assertIn("locked", r.err)
            self.assertRegex(r.err, r"^verbatim index: ")
            self.assertIn(db, r.err)
            self.assertNotRegex(r.err, vbtest.SUMMARY_RE, "no summary line when the database cannot be opened")
            self.assertIsNone(first.poll(), "the first writer must not be disturbed")

            # Readers are not blocked by the writer.
            # Nothing is committed yet: they see an empty database.
            self.assertEqual(self.vb.stats(db)["documents"], 0)
            self.assertEqual(self.vb.search(db, "harbourmaster"), [])

            first.stdin.write("".join(record(i) for i in range(50, 100)).encode())
            first.stdin.close()
            err = first.stderr.read().decode()
            rc = first.wait(timeout=120 * vbtest.slow_factor())
        finally:
            if first.poll() is None:
                first.kill()
                first.wait()
            for stream in (first.stdout, first.stderr):
                if stream:
                    stream.close()
        r = vbtest.Result(["index", "-"], rc, "", err, 0)
        vbtest.check_result(r, 0)
        s = parse_summary(err)
        self.assertEqual((s["new"], s["failed"]), (100, 0), s["line"])
        self.assertEqual(self.vb.stats(db)["documents"], 100)

        # The lock went with the first writer.
        s = parse_summary(self.vb.index("--db", db, other).err)
        self.assertEqual(s["new"], 1, s["line"])
        self.assertEqual(len(self.vb.search(db, "harbourmaster", "-n", "1000")), 100)


if __name__ == "__main__":
    vbtest.main()
