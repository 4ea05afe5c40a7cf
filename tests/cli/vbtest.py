# vbtest.py: shared helpers for the end-to-end tests of the verbatim binary (tests/cli, tests/compat).
"""
Every test script is run by meson as

    python3 tests/cli/test_<name>.py <path to the verbatim binary>

with VB_SOURCE_ROOT (the project's source tree) and VB_SANITIZE (meson's
b_sanitize option) in the environment.  Scripts use unittest; main() runs
them and maps "nothing to test here" to exit status 77, meson's skip.

Every run of the binary goes through Verbatim.run, which fails the test on
a crash, a sanitizer report or an unexpected exit status, so each test also
checks that the binary neither crashes nor leaks under ASan + UBSan.
"""

import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

SKIP = 77

SUMMARY_RE = re.compile(
    r"^(?P<interrupted>interrupted: )?(?P<new>\d+) new, (?P<updated>\d+) updated, "
    r"(?P<unchanged>\d+) unchanged, (?P<removed>\d+) removed, (?P<failed>\d+) failed; "
    r"(?P<passages>\d+) passages; .*$",
    re.M)

# What sanitizers print when they find something.
SANITIZER_RE = re.compile(r"runtime error:|ERROR: (Address|Leak|Memory|Thread|UndefinedBehavior)Sanitizer|SUMMARY: \w+Sanitizer")


def source_root():
    root = os.environ.get("VB_SOURCE_ROOT")
    if not root:
        root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    return root


def corpus_dir():
    return os.path.join(source_root(), "corpus")


def corpus_files():
    d = corpus_dir()
    return sorted(f for f in os.listdir(d) if f.endswith(".txt"))


def shared_corpus(name):
    """Path of ../shared/corpora/<name>, or None when ../shared is absent."""
    p = os.path.join(source_root(), "..", "shared", "corpora", name)
    return os.path.normpath(p) if os.path.isfile(p) else None


def schema_version():
    """VB_SCHEMA_VERSION as core/schema.h defines it."""
    with open(os.path.join(source_root(), "core", "schema.h"), encoding="utf-8") as f:
        m = re.search(r'#define\s+VB_SCHEMA_VERSION\s+"([^"]*)"', f.read())
    if not m:
        raise AssertionError("no VB_SCHEMA_VERSION in core/schema.h")
    return m.group(1)


def sanitized():
    """True when the binary was built with sanitizers (slower, bigger RSS)."""
    s = os.environ.get("VB_SANITIZE", "none")
    return bool(s) and s != "none"


def slow_factor():
    return 4.0 if sanitized() else 1.0


def front_matter(path):
    """The front matter of a corpus file as a dict of strings (flat YAML only)."""
    meta = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        if f.readline().rstrip("\n") != "---":
            return meta
        for line in f:
            line = line.rstrip("\n")
            if line == "---":
                break
            if ":" in line:
                k, v = line.split(":", 1)
                v = v.strip()
                if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
                    v = v[1:-1]
                meta[k.strip()] = v
    return meta


def corpus_sentences(lang="en"):
    """Sentences of corpus/ in one language, to make text that reads like ours."""
    out = []
    for name in corpus_files():
        path = os.path.join(corpus_dir(), name)
        if front_matter(path).get("lang", "en") != lang:
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        if text.startswith("---\n"):
            text = text.split("\n---\n", 1)[1]
        for s in text.replace("\n", " ").split(". "):
            s = s.strip()
            if len(s) > 20 and "\ufffd" not in s:
                out.append(s if s.endswith(".") else s + ".")
    return out


def generate_jsonl(path, target_bytes, seed=1, prefix="gen"):
    """Write JSON Lines press releases made of corpus sentences, about
    target_bytes long; returns the number of records."""
    rnd = random.Random(seed)
    sents = corpus_sentences()
    n = size = 0
    with open(path, "w", encoding="utf-8") as f:
        while size < target_bytes:
            n += 1
            paras = [" ".join(rnd.choice(sents) for _ in range(rnd.randint(1, 3)))
                     for _ in range(rnd.randint(2, 4))]
            rec = {"id": "%s-%06d" % (prefix, n), "title": "Generated release %d" % n,
                   "date": "%04d-%02d-%02d" % (2003 + n % 10, 1 + n % 12, 1 + n % 28),
                   "source": "Generator %d" % (n % 7), "lang": "en", "type": "press_release",
                   "text": "\n\n".join(paras)}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
    return n


def parse_summary(stderr):
    """The numbers of index's summary line, as a dict of ints (+ 'interrupted')."""
    m = None
    for m in SUMMARY_RE.finditer(stderr):
        pass
    if not m:
        raise AssertionError("no summary line ('N new, N updated, ...') in stderr:\n" + stderr)
    d = {k: int(v) for k, v in m.groupdict().items() if k != "interrupted"}
    d["interrupted"] = bool(m.group("interrupted"))
    d["line"] = m.group(0)
    return d


def json_lines(out):
    """Parse search --json output: one JSON object per line, nothing else."""
    res = []
    for i, line in enumerate(out.splitlines(), 1):
        try:
            res.append(json.loads(line))
        except ValueError as e:
            raise AssertionError("line %d of --json output is not JSON (%s): %r" % (i, e, line))
    return res


class Result:
    def __init__(self, args, rc, out, err, elapsed):
        self.args, self.rc, self.out, self.err, self.elapsed = args, rc, out, err, elapsed

    def __repr__(self):
        return "verbatim %s -> exit %s\n--- stdout:\n%s\n--- stderr:\n%s" % (
            " ".join(self.args), self.rc, self.out[-3000:], self.err[-3000:])


class Verbatim:
    """Runs the binary in a working directory with a clean environment."""

    def __init__(self, exe, cwd, env=None):
        self.exe = os.path.abspath(exe)
        self.cwd = cwd
        self.env = dict(os.environ)
        # A user's VERBATIM_DB must not leak into the tests.
        self.env.pop("VERBATIM_DB", None)
        self.env["LC_ALL"] = "C.UTF-8"
        if env:
            self.env.update(env)

    def popen(self, args, stdin=None, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=None):
        e = dict(self.env)
        if env:
            e.update(env)
        return subprocess.Popen([self.exe] + list(args), cwd=self.cwd, env=e, stdin=stdin,
                                stdout=stdout, stderr=stderr)

    def run(self, args, expect=0, input=None, timeout=None, env=None):
        """Run verbatim ARGS; fail unless it exits with `expect` (None: any
        non-crash status) and without sanitizer reports.  Returns a Result."""
        if timeout is None:
            timeout = 120 * slow_factor()
        e = dict(self.env)
        if env:
            e.update(env)
        t0 = time.monotonic()
        try:
            p = subprocess.run([self.exe] + list(args), cwd=self.cwd, env=e,
                               input=input.encode("utf-8") if isinstance(input, str) else input,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError("verbatim %s did not finish within %d s" % (" ".join(args), timeout))
        r = Result(list(args), p.returncode, p.stdout.decode("utf-8", "replace"),
                   p.stderr.decode("utf-8", "replace"), time.monotonic() - t0)
        check_result(r, expect)
        return r

    def run_measured(self, args, expect=0, timeout=None):
        """Like run, also returning the child's own resource usage
        (ru_maxrss in KiB, ru_utime + ru_stime in seconds)."""
        if timeout is None:
            timeout = 120 * slow_factor()
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            t0 = time.monotonic()
            p = subprocess.Popen([self.exe] + list(args), cwd=self.cwd, env=self.env,
                                 stdin=subprocess.DEVNULL, stdout=out, stderr=err)
            usage = None
            while usage is None:
                pid, status, ru = os.wait4(p.pid, os.WNOHANG)
                if pid:
                    usage = ru
                    p.returncode = os.waitstatus_to_exitcode(status)
                elif time.monotonic() - t0 > timeout:
                    p.kill()
                    p.wait()
                    raise AssertionError("verbatim %s did not finish within %d s" % (" ".join(args), timeout))
                else:
                    time.sleep(0.05)
            elapsed = time.monotonic() - t0
            out.seek(0)
            err.seek(0)
            r = Result(list(args), p.returncode, out.read().decode("utf-8", "replace"),
                       err.read().decode("utf-8", "replace"), elapsed)
        check_result(r, expect)
        return r, usage

    def index(self, *args, expect=0, **kw):
        return self.run(["index"] + list(args), expect=expect, **kw)

    def stats(self, db):
        return json.loads(self.run(["stats", "--db", db, "--json"]).out)

    def search(self, db, *args, expect=0):
        """search --json: the list of result objects."""
        r = self.run(["search", "--db", db, "--json"] + list(args), expect=expect)
        return json_lines(r.out)

    def ids(self, db, *args):
        return [x["id"] for x in self.search(db, *args)]


def check_result(r, expect):
    if r.rc < 0:
        raise AssertionError("crashed with signal %d: %r" % (-r.rc, r))
    if SANITIZER_RE.search(r.err):
        raise AssertionError("sanitizer report: %r" % r)
    if expect is not None and r.rc != expect:
        raise AssertionError("expected exit status %d: %r" % (expect, r))


class TempDirTest(unittest.TestCase):
    """A test case with a fresh temporary directory and a Verbatim runner."""

    exe = None

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="vb-e2e-")
        self.vb = Verbatim(self.exe, self.tmp)

    def tearDown(self):
        make_removable(self.tmp)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def copy_corpus(self, name="corpus"):
        dst = self.path(name)
        shutil.copytree(corpus_dir(), dst)
        return dst


class SharedDbTest(unittest.TestCase):
    """Test cases that share one index of corpus/, built once for the class."""

    exe = None

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="vb-e2e-")
        cls.vb = Verbatim(cls.exe, cls.tmp)
        cls.db = os.path.join(cls.tmp, "db")
        cls.index_result = cls.vb.index("--db", cls.db, corpus_dir())

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)


def make_removable(top):
    for d, dirs, files in os.walk(top):
        for n in dirs + files:
            p = os.path.join(d, n)
            if not os.path.islink(p):
                try:
                    os.chmod(p, 0o755)
                except OSError:
                    pass


def wait_for(pred, timeout, step=0.05, what="condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        v = pred()
        if v:
            return v
        time.sleep(step)
    raise AssertionError("timed out after %.0f s waiting for %s" % (timeout, what))


def main(skip_reason=None):
    """Run the unittest cases of __main__ against the binary in argv[1]."""
    if len(sys.argv) < 2:
        sys.stderr.write("usage: %s PATH-TO-VERBATIM\n" % sys.argv[0])
        sys.exit(2)
    exe = os.path.abspath(sys.argv[1])
    if not os.access(exe, os.X_OK):
        sys.stderr.write("%s: not an executable: %s\n" % (sys.argv[0], exe))
        sys.exit(1)
    if skip_reason:
        sys.stdout.write("SKIP: %s\n" % skip_reason)
        sys.exit(SKIP)
    TempDirTest.exe = exe
    SharedDbTest.exe = exe
    prog = unittest.main(argv=[sys.argv[0]] + sys.argv[2:], exit=False, verbosity=2)
    res = prog.result
    if not res.wasSuccessful():
        sys.exit(1)
    if res.testsRun and len(res.skipped) == res.testsRun:
        sys.exit(SKIP)
    sys.exit(0)
