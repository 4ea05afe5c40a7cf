#!/usr/bin/env python3
"""gen_corpus.py: a large JSON Lines corpus made by repeating real ones with fresh ids.

Usage: bench/gen_corpus.py [--size-mb N] --out FILE INPUT.jsonl...

Copies the records of the inputs, in order, again and again, until the
output holds at least N megabytes (10^6 bytes; default: $BENCH_SCALE_MB,
else 500), stopping at the end of a record.  Copy k of a record gets the id
"<id>~<k>" (k from 1), so every document is new to the indexer; every other
field, the text included, is kept byte for byte.  The output is streamed:
memory stays small whatever the size.  Prints one line of JSON with what
was written: documents, raw bytes, bytes of the "text" fields, copies.

Repeated text is not new text: the vocabulary stops growing after the first
copy, so an index of this corpus compresses better than one of the same size
of fresh text would.  It shows how time and memory scale with volume.
"""

import argparse
import json
import os
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size-mb", type=float,
                    default=float(os.environ.get("BENCH_SCALE_MB") or 500))
    ap.add_argument("--out", required=True)
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args()
    target = int(args.size_mb * 1e6)
    if target <= 0:
        sys.exit("gen_corpus: --size-mb must be positive")

    tmp = args.out + ".part"
    docs = raw = text = copies = 0
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        while raw < target:
            copies += 1
            wrote = 0
            for path in args.inputs:
                with open(path, encoding="utf-8") as f:
                    for line in f:
                        if not line.strip():
                            continue
                        rec = json.loads(line)
                        base = rec.get("id") or "%s#L%d" % (path, docs)
                        rec["id"] = "%s~%d" % (base, copies)
                        s = json.dumps(rec, ensure_ascii=False) + "\n"
                        out.write(s)
                        docs += 1
                        wrote += 1
                        raw += len(s.encode("utf-8"))
                        text += len(rec.get("text", "").encode("utf-8"))
                        if raw >= target:
                            break
                if raw >= target:
                    break
            if not wrote:
                sys.exit("gen_corpus: the inputs hold no records")
    os.replace(tmp, args.out)
    print(json.dumps({"docs": docs, "raw_bytes": raw, "text_bytes": text,
                      "copies": copies, "path": args.out}))


if __name__ == "__main__":
    main()
