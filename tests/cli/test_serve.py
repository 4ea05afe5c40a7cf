# test_serve.py: `verbatim serve`: the JSON API against the CLI's --json, errors, limits, headers, the page, concurrency, live re-indexing.
import http.client
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vbtest  # noqa: E402

SCRIPT_DOC = "techcircuit-2010-playlist-embed-code"
SCRIPT_TEXT = '<script>alert("playlist")</script>'
WEB_DIR = os.path.join(vbtest.source_root(), "web")
ACCESSED = "2020-01-02"


class Server:
    """A `verbatim serve` on a free loopback port, stopped with SIGTERM."""

    def __init__(self, vb, *args):
        self.vb = vb
        self.errfile = open(os.path.join(vb.cwd, "serve-%d.err" % id(self)), "w+b")
        self.p = vb.popen(["serve", "--listen", "127.0.0.1:0"] + list(args),
                          stdin=subprocess.DEVNULL, stderr=self.errfile)
        line = self._first_line(30 * vbtest.slow_factor())
        prefix = "listening on http://127.0.0.1:"
        if not line.startswith(prefix):
            self.stop(check=False)
            raise AssertionError("serve printed %r, not 'listening on ...'; stderr:\n%s" % (line, self.err()))
        self.port = int(line[len(prefix):].rstrip("/\n"))

    def _first_line(self, timeout):
        ready, _, _ = select.select([self.p.stdout], [], [], timeout)
        if not ready:
            self.stop(check=False)
            raise AssertionError("serve did not start within %d s: %s" % (timeout, self.err()))
        return self.p.stdout.readline().decode("utf-8", "replace")

    def err(self):
        self.errfile.seek(0)
        return self.errfile.read().decode("utf-8", "replace")

    def conn(self, timeout=30):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout * vbtest.slow_factor())

    def request(self, method, path, body=None, headers=None):
        """(status, headers as a dict with lowercase names, body bytes)."""
        c = self.conn()
        try:
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            data = r.read()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, data
        finally:
            c.close()

    def get(self, path, **params):
        if params:
            path += "?" + urllib.parse.urlencode(params, doseq=True)
        return self.request("GET", path)

    def get_json(self, path, expect=200, **params):
        status, headers, body = self.get(path, **params)
        if status != expect:
            raise AssertionError("GET %s %r: %d, not %d: %s" % (path, params, status, expect, body[:500]))
        if headers.get("content-type") != "application/json":
            raise AssertionError("GET %s: Content-Type %r" % (path, headers.get("content-type")))
        return json.loads(body)

    def stop(self, check=True):
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGTERM)
            try:
                self.p.wait(timeout=30 * vbtest.slow_factor())
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
                if check:
                    raise AssertionError("serve did not stop on SIGTERM")
        self.p.stdout.close()
        err = self.err()
        self.errfile.close()
        if check:
            if self.p.returncode != 0:
                raise AssertionError("serve exited with %d: %s" % (self.p.returncode, err[-3000:]))
            if vbtest.SANITIZER_RE.search(err):
                raise AssertionError("sanitizer report from serve:\n" + err[-5000:])
        return err


def cli_args(params, mapping):
    """Command-line options for URL parameters, by `mapping` (name -> option
    or None for the positional query)."""
    args, words = [], []
    for k, v in params.items():
        opt = mapping[k]
        if opt is None:
            words.append(v)
        elif v is True:
            args.append(opt)
        else:
            args += [opt, str(v)]
    return args + words


SEARCH_OPTS = {"q": None, "limit": "-n", "offset": "--offset", "sort": "--sort", "since": "--since",
               "until": "--until", "lang": "--lang", "per_doc": "--per-doc", "all": "--all",
               "snippet": "--snippet", "explain": "--explain", "rank": "--rank", "recent": "--recent",
               "as_of": "--as-of"}
QUOTES_OPTS = {"q": None, "speaker": "--speaker", "org": "--org", "kind": "--kind", "since": "--since",
               "until": "--until", "sort": "--sort", "limit": "-n", "offset": "--offset"}


class ServeApiTest(vbtest.SharedDbTest):
    """One server over an index of corpus/ for the whole class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = Server(cls.vb, "--db", cls.db, "--threads", "4")

    @classmethod
    def tearDownClass(cls):
        err = cls.server.stop()
        super().tearDownClass()
        # One log line per request: method, path, status, milliseconds.
        assert any(l.startswith("GET /api/search 200 ") and l.endswith(" ms") for l in err.splitlines()), err[:2000]

    def cli_json_lines(self, *args):
        return vbtest.json_lines(self.vb.run(list(args) + ["--db", self.db, "--json"]).out)

    def cli_json(self, *args, expect=0):
        return json.loads(self.vb.run(list(args) + ["--db", self.db, "--json"], expect=expect).out)

    # ---- the same items as the CLI ----

    def test_search_same_as_cli(self):
        cases = [
            {"q": "sharespan injunction"},
            {"q": "tariff", "limit": 5, "offset": 3},
            {"q": "tariff review", "all": True},
            {"q": "sharespan", "sort": "date", "since": "2006", "until": "2008-06"},
            {"q": "Vereinbarungen", "lang": "de"},
            {"q": "appeal", "per_doc": 1, "snippet": 80},
            {"q": "speaker:brackley has:quote"},
            {"q": "唱片"},
            {"q": "what did marwood say about licensed services", "explain": True},
            {"q": "tariff", "rank": "bm25"},
            {"q": "tariff news last year", "recent": True, "as_of": "2007-05-01"},
        ]
        for params in cases:
            with self.subTest(params=params):
                api = dict(params)
                for flag in ("all", "explain", "recent"):
                    if api.get(flag):
                        api[flag] = 1
                res = self.server.get_json("/api/search", **api)
                cli = self.cli_json_lines("search", *cli_args(params, SEARCH_OPTS))
                self.assertTrue(cli, "the CLI found nothing for %r" % params)
                self.assertEqual(res["results"], cli)
                self.assertEqual(res["query"], params["q"])
                self.assertGreaterEqual(res["total"], len(cli))

    def test_quotes_same_as_cli(self):
        cases = [
            {},
            {"speaker": "marwood"},
            {"org": "ifsrp", "q": "licensed"},
            {"kind": "indirect", "limit": 5, "offset": 2},
            {"q": "appeal", "sort": "relevance", "since": "2006", "until": "2007"},
            {"q": "sharespan", "sort": "date"},
        ]
        for params in cases:
            with self.subTest(params=params):
                res = self.server.get_json("/api/quotes", **params)
                cli = self.cli_json_lines("quotes", *cli_args(params, QUOTES_OPTS))
                self.assertTrue(cli)
                self.assertEqual(res["results"], cli)
                self.assertGreaterEqual(res["total"], len(cli) + params.get("offset", 0))

    def test_quotes_total_is_the_cli_count(self):
        res = self.server.get_json("/api/quotes", speaker="marwood", limit=0)
        out = self.vb.run(["quotes", "--db", self.db, "--speaker", "marwood", "-n", "0"]).out
        self.assertEqual(out, "%d quotes match\n" % res["total"])
        self.assertTrue(res["exact"])
        self.assertEqual(res["results"], [])

    def test_speakers_entities_stats_same_as_cli(self):
        self.assertEqual(self.server.get_json("/api/speakers", limit=1000)["results"],
                         self.cli_json_lines("speakers"))
        self.assertEqual(self.server.get_json("/api/speakers", name="brackley", limit=3)["results"],
                         self.cli_json_lines("speakers", "-n", "3", "brackley"))
        self.assertEqual(self.server.get_json("/api/entities", limit=1000)["results"],
                         self.cli_json_lines("entities"))
        self.assertEqual(self.server.get_json("/api/entities", type="org", limit=4)["results"],
                         self.cli_json_lines("entities", "--type", "org", "-n", "4"))
        self.assertEqual(self.server.get_json("/api/entities", type="place", name="port")["results"],
                         self.cli_json_lines("entities", "--type", "place", "port"))
        self.assertEqual(self.server.get_json("/api/stats"), self.cli_json("stats"))

    def test_cite_verify_show_same_as_cli(self):
        res = self.server.get_json("/api/cite", q="sharespan appeal", limit=3, format="ris",
                                   accessed=ACCESSED)
        cli = self.cli_json("cite", "-n", "3", "--format", "ris", "--accessed", ACCESSED, "sharespan appeal")
        self.assertEqual(res, cli)
        quote = self.cli_json_lines("quotes", "--speaker", "marwood", "-n", "1")[0]
        ids = [quote["id"], "sharespan-2007-appeal-permission#3", "ifsrp-2005-sharespan-lawsuit"]
        res = self.server.get_json("/api/cite", id=ids, format="csl-json", accessed=ACCESSED)
        self.assertEqual(res, self.cli_json("cite", "--format", "csl-json", "--accessed", ACCESSED,
                                            "--id", *ids))
        res = self.server.get_json("/api/verify", text=quote["text"])
        self.assertEqual(res, self.cli_json("verify", quote["text"]))
        self.assertEqual(res["verdict"], "exact")
        for id in ids:
            with self.subTest(id=id):
                res = self.server.get_json("/api/show/" + urllib.parse.quote(id, safe=""),
                                           accessed=ACCESSED)
                self.assertEqual(res, self.cli_json("show", "--accessed", ACCESSED, id))

    def test_cite_download(self):
        types = {"csl-json": "application/vnd.citationstyles.csl+json", "biblatex": "application/x-bibtex",
                 "ris": "application/x-research-info-systems", "markdown": "text/markdown; charset=utf-8",
                 "text": "text/plain; charset=utf-8"}
        for fmt, ctype in types.items():
            with self.subTest(format=fmt):
                status, headers, body = self.server.get("/api/cite", q="tariff", format=fmt, download=1,
                                                        accessed=ACCESSED)
                self.assertEqual(status, 200)
                self.assertEqual(headers["content-type"], ctype)
                self.assertTrue(headers["content-disposition"].startswith("attachment; filename=\"citations."))
                self.assertEqual(headers["x-content-type-options"], "nosniff")
                res = self.server.get_json("/api/cite", q="tariff", format=fmt, accessed=ACCESSED)
                self.assertEqual(body.decode("utf-8"), res["text"])

    # ---- facets ----

    def test_facets(self):
        res = self.server.get_json("/api/facets", q="sharespan")
        search = self.server.get_json("/api/search", q="sharespan", limit=0)
        self.assertEqual(res["total"], search["total"])
        self.assertEqual(res["counted"], res["total"], "a small index has all its matches counted")
        self.assertEqual(set(res["facets"]), {"speaker", "org", "place", "year", "source"})
        for name, values in res["facets"].items():
            self.assertTrue(values, name)
            counts = [v["count"] for v in values]
            self.assertEqual(counts, sorted(counts, reverse=True), name)
        # Exact filters give as many passages as their facet counted.
        for name in ("year", "source"):
            for v in res["facets"][name][:3]:
                with self.subTest(facet=name, value=v["value"]):
                    narrowed = self.server.get_json("/api/search", q="sharespan", limit=0, **{name: v["value"]})
                    self.assertEqual(narrowed["total"], v["count"])
        # Names filter by their words: at least the passages counted, and
        # only passages that match q too.
        for name in ("speaker", "org", "place"):
            v = res["facets"][name][0]
            with self.subTest(facet=name, value=v["value"]):
                narrowed = self.server.get_json("/api/search", q="sharespan", limit=100, **{name: v["value"]})
                self.assertGreaterEqual(narrowed["total"], v["count"])
                self.assertLessEqual(narrowed["total"], search["total"])
                f2 = self.server.get_json("/api/facets", q="sharespan", **{name: v["value"]})
                self.assertEqual(f2["total"], narrowed["total"])
        speaker = res["facets"]["speaker"][0]
        self.assertNotEqual(speaker["label"], speaker["value"], "speakers are labelled as written")
        year = res["facets"]["year"][0]
        only = self.server.get_json("/api/search", q="sharespan", year=year["value"], limit=100)
        self.assertTrue(all(r["date"].startswith(year["value"]) for r in only["results"]))

    def test_filters_without_query(self):
        res = self.server.get_json("/api/search", speaker="owen brackley", limit=100)
        cli = self.cli_json_lines("search", "-n", "100", 'speaker:"owen brackley"')
        self.assertEqual(res["results"], cli)

    # ---- errors ----

    def error(self, status, path, method="GET", body=None, headers=None, **params):
        if params:
            path += "?" + urllib.parse.urlencode(params, doseq=True)
        got, hdrs, data = self.server.request(method, path, body=body, headers=headers)
        self.assertEqual(got, status, "%s %s: %s" % (method, path[:200], data[:300]))
        self.assertEqual(hdrs["content-type"], "application/json")
        err = json.loads(data)["error"]
        self.assertEqual(err["status"], status)
        self.assertTrue(err["message"])
        return err, hdrs

    def test_bad_requests(self):
        err, _ = self.error(400, "/api/search", q="tariff AND")
        self.assertIn("bad query", err["message"])
        self.error(400, "/api/search")
        self.error(400, "/api/search", q="x", limit=101)
        self.error(400, "/api/search", q="x", limit="ten")
        self.error(400, "/api/search", q="x", offset=10001)
        self.error(400, "/api/search", q="x", sort="random")
        self.error(400, "/api/search", q="x", since="2005-13")
        self.error(400, "/api/search", q="x", year="20x6")
        self.error(400, "/api/search", q="x", all="maybe")
        self.error(400, "/api/search", q="x", rank="magic")
        self.error(400, "/api/search", q="x", as_of="yesterday")
        self.error(400, "/api/quotes", kind="shouted")
        self.error(400, "/api/entities", type="planet")
        self.error(400, "/api/cite", q="x", format="docx")
        self.error(400, "/api/cite")
        self.error(400, "/api/verify")
        self.error(400, "/api/verify", text="x", threshold="2")
        self.error(400, "/api/search?q=%ff%fe")

    def test_not_found(self):
        err, _ = self.error(404, "/api/show/no-such-document")
        self.assertIn("no-such-document", err["message"])
        self.error(404, "/api/cite", id="no-such-document")
        self.error(404, "/api/nothing")
        self.error(404, "/api/show/")
        self.error(404, "/no/such/page.html")

    def test_methods(self):
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            with self.subTest(method=method):
                _, hdrs = self.error(405, "/api/search?q=x", method=method, body=b"q=x")
                self.assertEqual(hdrs["allow"], "GET, HEAD")
        status, hdrs, body = self.server.request("HEAD", "/api/search?q=tariff")
        self.assertEqual((status, body), (200, b""))
        self.assertEqual(hdrs["content-type"], "application/json")

    def test_oversize(self):
        self.error(414, "/api/search", q="tariff " * 300)
        self.error(414, "/api/search", q="x", **{"p%d" % i: "y" * 100 for i in range(90)})
        # Beyond what the server reads of a request line: libmicrohttpd's own 414.
        status, _, _ = self.server.request("GET", "/api/search?q=" + "x" * 100000)
        self.assertEqual(status, 414)
        self.error(413, "/api/search", method="POST", body=b"x" * 20000)
        self.error(413, "/api/search?q=x", method="GET", body=b"x" * 20000)
        big = self.server.get_json("/api/search", q="tariff", limit=100)
        self.assertLessEqual(len(big["results"]), 100)

    # ---- safety: headers and text from documents ----

    def test_headers(self):
        status, hdrs, _ = self.server.get("/api/search", q="tariff")
        self.assertEqual(status, 200)
        self.assertEqual(hdrs["content-type"], "application/json")
        self.assertEqual(hdrs["x-content-type-options"], "nosniff")
        self.assertIn("default-src 'self'", hdrs["content-security-policy"])
        self.assertEqual(hdrs["cache-control"], "no-store")

    def test_markup_in_documents_is_json_text(self):
        status, hdrs, body = self.server.get("/api/search", q="playlist widget markup", limit=3)
        self.assertEqual(hdrs["content-type"], "application/json")
        self.assertEqual(hdrs["x-content-type-options"], "nosniff")
        res = json.loads(body)
        hit = [r for r in res["results"] if r["doc_id"] == SCRIPT_DOC]
        self.assertTrue(hit, "the document with <script> was not found")
        texts = [r["text"] for r in self.server.get_json("/api/search", q="tester alert", limit=10)["results"]]
        self.assertTrue(any(SCRIPT_TEXT in t for t in texts), texts)
        self.assertIn("<script>", hit[0]["title"])
        # In the body the markup sits inside a JSON string, quotes escaped.
        self.assertIn(b'<script>alert(\\"playlist\\")</script>', self.server.get("/api/show/" + SCRIPT_DOC)[2])

    @unittest.skipUnless(os.path.isfile(os.path.join(WEB_DIR, "index.html")), "no web/index.html")
    def test_page(self):
        status, hdrs, body = self.server.get("/")
        self.assertEqual(status, 200)
        self.assertEqual(hdrs["content-type"], "text/html; charset=utf-8")
        self.assertIn("default-src 'self'", hdrs["content-security-policy"])
        self.assertEqual(hdrs["x-content-type-options"], "nosniff")
        index = os.path.join(WEB_DIR, "index.html")
        if os.path.getmtime(index) < os.path.getmtime(self.vb.exe):
            with open(index, "rb") as f:
                self.assertEqual(body, f.read())
        types = {".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml"}
        for d, _, names in os.walk(WEB_DIR):
            for n in names:
                if n.startswith(".") or n.endswith("~"):
                    continue
                path = os.path.join(d, n)
                url = "/" + os.path.relpath(path, WEB_DIR).replace(os.sep, "/")
                with self.subTest(url=url):
                    status, hdrs, body = self.server.get(urllib.parse.quote(url))
                    self.assertEqual(status, 200)
                    # A file edited after the binary was built differs, rightly.
                    if os.path.getmtime(path) < os.path.getmtime(self.vb.exe):
                        with open(path, "rb") as f:
                            self.assertEqual(body, f.read())
                    ext = os.path.splitext(n)[1]
                    if ext in types:
                        self.assertTrue(hdrs["content-type"].startswith(types[ext]), hdrs["content-type"])

    # ---- concurrency ----

    def test_concurrent_requests(self):
        want = self.server.get_json("/api/search", q="tariff", limit=5)["results"]
        errors = []

        def worker(n):
            try:
                for i in range(10):
                    path = ("/api/search", "/api/quotes", "/api/facets")[(n + i) % 3]
                    got = self.server.get_json(path, q="tariff", limit=5)
                    if path == "/api/search" and got["results"] != want:
                        errors.append("different results")
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(repr(e))

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])


class ServeOwnServerTest(vbtest.TempDirTest):
    """Cases that need a server of their own."""

    def test_slow_client_does_not_block_others(self):
        db = self.path("db")
        self.vb.index("--db", db, vbtest.corpus_dir())
        s = Server(self.vb, "--db", db, "--threads", "1", "--quiet")
        try:
            slow = socket.create_connection(("127.0.0.1", s.port))
            slow.sendall(b"GET /api/search?q=tariff HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            t0 = time.monotonic()
            res = s.get_json("/api/search", q="tariff", limit=1)
            self.assertEqual(len(res["results"]), 1)
            self.assertLess(time.monotonic() - t0, 5 * vbtest.slow_factor())
            # The idle connection is closed after the timeout (10 s).
            slow.settimeout(30)
            t0 = time.monotonic()
            try:
                data = slow.recv(4096)
            except ConnectionResetError:
                data = b""
            self.assertEqual(data, b"")
            self.assertLess(time.monotonic() - t0, 25)
            slow.close()
        finally:
            err = s.stop()
        self.assertEqual(err, "", "--quiet logs nothing")

    def test_missing_database_then_created(self):
        db = self.path("later.db")
        s = Server(self.vb, "--db", db)
        try:
            for path in ("/api/search?q=tariff", "/api/stats", "/api/quotes", "/api/show/x"):
                status, hdrs, body = s.request("GET", path)
                self.assertEqual(status, 503, path)
                self.assertEqual(json.loads(body)["error"]["status"], 503)
            self.vb.index("--db", db, vbtest.corpus_dir())
            res = s.get_json("/api/search", q="tariff", limit=1)
            self.assertEqual(len(res["results"]), 1)
        finally:
            err = s.stop()
        self.assertIn("no database at", err)

    def test_new_documents_appear_without_restart(self):
        db = self.path("db")
        docs = self.path("docs")
        os.mkdir(docs)
        for name in vbtest.corpus_files()[:5]:
            shutil.copy(os.path.join(vbtest.corpus_dir(), name), docs)
        self.vb.index("--db", db, docs)
        s = Server(self.vb, "--db", db, "--threads", "2")
        try:
            before = s.get_json("/api/stats")["documents"]
            self.assertEqual(s.get_json("/api/search", q="quillwort")["total"], 0)
            for i in range(3):
                with open(os.path.join(docs, "new-%d.txt" % i), "w", encoding="utf-8") as f:
                    f.write("Quillwort notice %d\n\nThe quillwort survey of the Selwyn marshes found "
                            "more plants than any count since the survey began.\n" % i)
                self.vb.index("--db", db, docs)
                # Every thread's handle sees the commit.
                for _ in range(4):
                    self.assertEqual(s.get_json("/api/search", q="quillwort")["total"], i + 1)
            self.assertEqual(s.get_json("/api/stats")["documents"], before + 3)
            ids = [r["doc_id"] for r in s.get_json("/api/search", q="quillwort")["results"]]
            self.assertEqual(sorted(ids), ["new-0.txt", "new-1.txt", "new-2.txt"])
        finally:
            s.stop()

    def test_options(self):
        r = self.vb.run(["serve", "--help"])
        self.assertIn("--listen ADDR:PORT", r.out)
        self.vb.run(["serve", "--listen", "localhost"], expect=2)
        self.vb.run(["serve", "--listen", "127.0.0.1:70000"], expect=2)
        self.vb.run(["serve", "--threads", "0"], expect=2)
        self.vb.run(["serve", "extra"], expect=2)
        self.vb.run(["serve", "--listen", "localhost:8080"], expect=1)

    def test_port_in_use(self):
        s = Server(self.vb, "--db", self.path("none"))
        try:
            r = self.vb.run(["serve", "--db", self.path("none"), "--listen", "127.0.0.1:%d" % s.port],
                            expect=1, timeout=30 * vbtest.slow_factor())
            self.assertIn("cannot listen on 127.0.0.1:%d" % s.port, r.err)
        finally:
            s.stop()


if __name__ == "__main__":
    vbtest.main()
