# test_big_line.py: one huge line: 50 MB indexed whole in bounded memory; extraction time grows linearly with a document.
import json
import os
import random
import subprocess
import sys

import vbtest
from vbtest import parse_summary

SIZE = 50 * 1000 * 1000
# Peak RSS allowed to `verbatim index` on the 50 MB line (not checked under
# sanitizers, whose shadow memory and quarantine multiply it).
MAX_RSS_MB = 600
# Extraction time of a document 8 times larger may be at most this many
# times larger: 8 when linear, and 64 when quadratic.  The margin is wide
# because the machines running CI are shared: a busy neighbour slowed the
# larger run alone to 13 times the smaller one once, with linear code.
MAX_EXTRACT_GROWTH = 20.0


def write_line(path, size, seed, ident="big-line"):
    """A document of corpus sentences on one line, with a marker word at each end."""
    rnd = random.Random(seed)
    sents = vbtest.corpus_sentences()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("---\nid: %s\ntitle: One very long line\ndate: 2009-05-05\n---\n" % ident)
        f.write("Quillwortfirst opens the line. ")
        n = 0
        chunk = []
        while n < size:
            s = rnd.choice(sents)
            chunk.append(s)
            n += len(s.encode("utf-8")) + 1
            if len(chunk) == 10000:
                f.write(" ".join(chunk) + " ")
                chunk = []
        f.write(" ".join(chunk))
        f.write(" Quillwortlast closes the line.\n")
    return os.path.getsize(path)


def cpu(usage):
    return usage.ru_utime + usage.ru_stime


class BigLine(vbtest.TempDirTest):

    def test_fifty_megabytes_on_one_line(self):
        # Without extraction: this is about reading, splitting and indexing
        # a line that is the whole document.  (With extraction the same file
        # took 644 s and 827 MB; test_extraction_is_linear covers that.)
        path = self.path("in", "big.txt")
        size = write_line(path, SIZE, 2012)
        self.assertGreater(size, SIZE)
        db = self.path("db")

        # Over --max-size it is skipped, quickly, without being read whole.
        r, usage = self.vb.run_measured(["index", "--db", db, "--max-size", "10", path])
        s = parse_summary(r.err)
        self.assertEqual((s["new"], s["failed"]), (0, 1), s["line"])
        self.assertRegex(r.err, r"big\.txt'.*too large")
        # (Sanitizers add their own shadow memory to every process.)
        self.assertLess(usage.ru_maxrss / 1024.0, 300 if vbtest.sanitized() else 100,
                        "a skipped file must not be read")

        r, usage = self.vb.run_measured(["index", "--db", db, "--no-extract", path], timeout=280 * vbtest.slow_factor())
        peak_mb = usage.ru_maxrss / 1024.0
        s = parse_summary(r.err)
        sys.stderr.write("indexed %.1f MB on one line in %.1f s (%.1f s CPU), peak RSS %.0f MB%s\n"
                         % (size / 1e6, r.elapsed, cpu(usage), peak_mb,
                            " (sanitized build)" if vbtest.sanitized() else ""))
        self.assertEqual((s["new"], s["failed"]), (1, 0), s["line"])
        # A long paragraph is split at sentences into passages of about 2 KB.
        self.assertGreater(s["passages"], size // 20000, s["line"])
        if not vbtest.sanitized():
            self.assertLess(peak_mb, MAX_RSS_MB, "peak RSS of verbatim index on a 50 MB line")

        doc = json.loads(self.vb.run(["show", "--db", db, "--json", "big-line"]).out)
        self.assertEqual(doc["passages"], s["passages"])
        self.assertEqual(len(doc["passage_list"]), doc["passages"])
        first, last = doc["passage_list"][0], doc["passage_list"][-1]
        self.assertTrue(first["text"].startswith("Quillwortfirst"), first["text"][:80])
        self.assertTrue(last["text"].endswith("Quillwortlast closes the line."), last["text"][-80:])
        # The passages tile the line: each starts where the previous one
        # ended, give or take the space between two sentences.
        spans = [(p["start"], p["end"]) for p in doc["passage_list"]]
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            self.assertTrue(s1 < e1 <= s2 <= e1 + 2, "passages %r and %r do not follow each other"
                            % ((s1, e1), (s2, e2)))
        self.assertEqual(last["end"], size - 1)

        for word, p in (("quillwortfirst", first), ("quillwortlast", last)):
            res = self.vb.search(db, word)
            self.assertEqual([x["id"] for x in res], [p["id"]], word)
        self.assertEqual(len(self.vb.search(db, "tariff", "-n", "50")), 50)

    def test_extraction_is_linear(self):
        # Extraction of one document must grow like the document, not like
        # its square: a 50 MB line took 644 s with extraction and 32 s
        # without.  `verbatim extract` is timed (best of three) with its
        # output thrown away: read into this process it would swell it,
        # and the next children inherit its size until they exec; whole
        # index runs add Xapian's own cost for one huge document.
        times = {}
        # Half the sizes under sanitizers, which are ten times slower here.
        unit = 500 * 1000 if vbtest.sanitized() else 1000 * 1000
        for mb in (1, 8):
            path = self.path("in%d" % mb, "doc.txt")
            write_line(path, mb * unit, 99, "line-%d" % mb)
            best = None
            for _ in range(3):
                p = subprocess.Popen([self.vb.exe, "extract", "--json", path],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, cwd=self.vb.cwd, env=self.vb.env)
                _, status, usage = os.wait4(p.pid, 0)
                self.assertEqual(os.waitstatus_to_exitcode(status), 0, p.stderr.read())
                p.stderr.close()
                best = cpu(usage) if best is None else min(best, cpu(usage))
            times[mb] = best
        sys.stderr.write("CPU seconds of extract: %.1f MB %.2f, %.1f MB %.2f\n"
                         % (unit / 1e6, times[1], 8 * unit / 1e6, times[8]))
        self.assertGreater(times[1], 0.0)
        self.assertLess(times[8] / times[1], MAX_EXTRACT_GROWTH,
                        "extraction took %.2f s CPU for %.1f MB and %.2f s for %.1f MB: worse than linear"
                        % (times[1], unit / 1e6, times[8], 8 * unit / 1e6))


if __name__ == "__main__":
    vbtest.main()
