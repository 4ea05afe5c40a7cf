# test_shards.py: shards served by xapian-tcpsrv on loopback search like one database; a shard that is down is named.
import json
import os
import shutil
import socket
import subprocess

import vbtest

QUERIES = [
    ["sharespan", "injunction"],
    ['"internet providers"'],
    ["tariff", "--since", "2005"],
    ["speaker:brackley", "has:quote"],
    ["lang:de", "Vereinbarungen"],
    ["negotiat*"],
    ["title:tariff"],
    ["title:(tariff OR bill)", "copyright"],
]
TCPSRV = shutil.which("xapian-tcpsrv")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def scored(results):
    """(id, score) pairs, sorted: equal scores may come in another order
    from databases whose documents are numbered differently."""
    return sorted((r["id"], round(r["score"], 9)) for r in results)


class Shards(vbtest.TempDirTest):

    def setUp(self):
        super().setUp()
        corpus = self.copy_corpus()
        self.single = self.path("single")
        self.sharded = self.path("sharded")
        self.vb.index("--db", self.single, "-j", "1", corpus)
        self.vb.index("--db", self.sharded, "--shards", "2", corpus)
        self.servers = {}
        self.ports = [self.serve(os.path.join(self.sharded, "shard-%d" % i)) for i in range(2)]
        self.remote = ["tcp:127.0.0.1:%d" % p for p in self.ports]

    def serve(self, shard):
        """Start xapian-tcpsrv on a free loopback port; it is killed when the test ends, pass or fail."""
        for attempt in range(5):
            port = free_port()
            p = subprocess.Popen([TCPSRV, "--port", str(port), "--interface", "127.0.0.1", "--quiet", shard],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            self.addCleanup(self.stop, p)

            def listening():
                if p.poll() is not None:
                    return "exited"
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    return "up"
                except OSError:
                    return None
            state = vbtest.wait_for(listening, 20 * vbtest.slow_factor(), what="xapian-tcpsrv on port %d" % port)
            if state == "up":
                self.servers[port] = p
                return port
            # The port was taken between free_port() and the server: again.
        self.fail("could not start xapian-tcpsrv for %s" % shard)

    @staticmethod
    def stop(p):
        if p.poll() is None:
            p.kill()
        p.wait(timeout=30)
        if p.stderr:
            p.stderr.close()

    def dbs(self, paths):
        args = []
        for p in paths:
            args += ["--db", p]
        return args

    def run_json(self, args, expect=0):
        r = self.vb.run(args, expect=expect)
        return vbtest.json_lines(r.out), r

    def test_remote_shards_search_like_one_database(self):
        remote, local = self.dbs(self.remote), ["--db", self.sharded]
        for q in QUERIES:
            over_remote, _ = self.run_json(["search", "--json", "-n", "30"] + remote + q)
            over_stub, _ = self.run_json(["search", "--json", "-n", "30"] + local + q)
            over_single, _ = self.run_json(["search", "--json", "-n", "30", "--db", self.single] + q)
            self.assertTrue(over_remote, "no results for %s" % q)
            # The same shards, local or remote: the same output, in the same order.
            self.assertEqual(over_remote, over_stub, "remote vs local shards: %s" % q)
            # One database of the same documents: the same passages with the same scores.
            self.assertEqual(scored(over_remote), scored(over_single), "shards vs one database: %s" % q)
            scores = [r["score"] for r in over_remote]
            self.assertEqual(scores, sorted(scores, reverse=True))

    def test_metadata_of_every_shard(self):
        # Entity names, languages, aliases: metadata the searcher reads.
        remote = self.dbs(self.remote)
        for cmd in (["entities", "--json"], ["speakers", "--json"], ["quotes", "--json", "-n", "100"],
                    ["quotes", "--json", "--speaker", "brackley"]):
            over_remote, _ = self.run_json(cmd + remote)
            over_single, _ = self.run_json(cmd + ["--db", self.single])
            self.assertTrue(over_remote, cmd)
            key = lambda o: json.dumps(o, sort_keys=True)
            for o in over_remote + over_single:
                o.pop("score", None)
            self.assertEqual(sorted(over_remote, key=key), sorted(over_single, key=key), cmd)
        st = json.loads(self.vb.run(["stats", "--json"] + remote).out)
        self.assertEqual(st["languages"], self.vb.stats(self.single)["languages"])
        self.assertEqual(st["documents"], self.vb.stats(self.single)["documents"])

        # show finds a passage and a quote in whichever shard holds them.
        hits = self.vb.search(self.single, "sharespan")
        quote = vbtest.json_lines(self.vb.run(["quotes", "--json", "-n", "1", "--db", self.single]).out)[0]
        for i in (hits[0]["id"], hits[-1]["doc_id"], quote["id"]):
            a = json.loads(self.vb.run(["show", "--json"] + remote + [i]).out)
            b = json.loads(self.vb.run(["show", "--json", "--db", self.single, i]).out)
            self.assertEqual(a, b, i)

    def test_separate_databases(self):
        # Two databases indexed apart, searched with two --db: entity
        # names (metadata) come from whichever database has them.
        names = vbtest.corpus_files()
        halves = [self.path("half-a"), self.path("half-b")]
        for i, half in enumerate(halves):
            os.mkdir(half)
            for n in names[i::2]:
                shutil.copy(os.path.join(vbtest.corpus_dir(), n), half)
            self.vb.index("--db", half + ".db", half)
        whole = self.path("whole")
        os.mkdir(whole)
        for half in halves:
            for n in os.listdir(half):
                shutil.copy(os.path.join(half, n), whole)
        self.vb.index("--db", whole + ".db", whole)
        both = self.dbs([h + ".db" for h in halves])
        for cmd in (["entities", "--json"], ["speakers", "--json"]):
            a, _ = self.run_json(cmd + both)
            b, _ = self.run_json(cmd + ["--db", whole + ".db"])
            key = lambda o: json.dumps(o, sort_keys=True)
            self.assertTrue(a)
            self.assertEqual(sorted(a, key=key), sorted(b, key=key), cmd)

    def test_stub_file_with_remote_lines(self):
        stub = self.path("remote.stub")
        with open(stub, "w") as f:
            for p in self.ports:
                f.write("remote 127.0.0.1:%d\n" % p)
        for q in QUERIES[:3]:
            self.assertEqual(self.vb.search(stub, *q), self.vb.search(self.sharded, *q), q)

    def test_shard_down(self):
        down_port = self.ports[1]
        self.stop(self.servers[down_port])
        down = "tcp:127.0.0.1:%d" % down_port
        args = ["search", "--json", "sharespan"] + self.dbs(self.remote)
        r = self.vb.run(args, expect=1)
        self.assertIn(down, r.err)
        self.assertEqual(r.out, "")

        # --allow-partial: the rest, with a warning naming the shard.
        results, r = self.run_json(args + ["--allow-partial"])
        self.assertIn(down, r.err)
        self.assertIn("warning", r.err)
        up_only, _ = self.run_json(["search", "--json", "sharespan", "--db", self.remote[0]])
        self.assertTrue(up_only)
        self.assertEqual(results, up_only)

    def test_bad_remote_spec(self):
        for spec in ("tcp:127.0.0.1", "tcp:127.0.0.1:0", "tcp::8000", "tcp:host:port"):
            r = self.vb.run(["search", "--db", spec, "x"], expect=1)
            self.assertIn("tcp:HOST:PORT", r.err, spec)


if __name__ == "__main__":
    vbtest.main(None if TCPSRV else "xapian-tcpsrv is not installed (xapian-tools)")
