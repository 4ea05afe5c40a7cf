#!/usr/bin/env python3
"""threadcpu.py: run a command and print the CPU time of each of its threads (which share of the work each did).

Usage: bench/threadcpu.py COMMAND [ARGS...]
       bench/threadcpu.py build/verbatim index -q -j 2 --db /tmp/db corpus.jsonl

Samples /proc/PID/task/TID/stat every 50 ms until the command exits, and
prints each thread's user + system time as last seen (a thread's final
50 ms may be missed) and its share.  Unlike wall time, the shares do not
depend on what else the machine is doing.
"""
import os
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    p = subprocess.Popen(sys.argv[1:])
    seen = {}
    tick = os.sysconf("SC_CLK_TCK")
    while p.poll() is None:
        try:
            for t in os.listdir("/proc/%d/task" % p.pid):
                with open("/proc/%d/task/%s/stat" % (p.pid, t)) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                seen[int(t)] = (int(fields[11]) + int(fields[12])) / tick
        except (FileNotFoundError, ProcessLookupError, IndexError):
            pass
        time.sleep(0.05)
    total = sum(seen.values())
    for tid, cpu in sorted(seen.items()):
        print("thread %d%s: %.2f s CPU (%.0f%%)" % (tid, " (main)" if tid == p.pid else "", cpu,
                                                   100 * cpu / total if total else 0))
    sys.exit(p.returncode)


if __name__ == "__main__":
    main()
