#!/usr/bin/python3
"""termcost.py: what each family of terms costs in a compacted index.

Usage: bench/termcost.py DB [--text-mb MB] [--family NAME=PREFIX,...] [--work DIR]

Copies DB (a verbatim database, or any glass database) once whole and once
without each family of terms (or without the record documents), compacts
every copy with xapian-compact, and prints the size of each table and what
leaving the family out saves.  The whole copy is the baseline: it must come
out the size of `xapian-compact DB` itself, which the script checks, so the
differences are the families' own cost and not the copying's.

Families default to the prefixes of docs/schema.md.  With --family, a one-letter
prefix is that prefix alone (Xapian's convention): "Z" is the text stems,
not ZS or ZXORG; "records" drops the XKIND:doc documents instead of terms.

Runs under Debian's python3 (/usr/bin/python3), where python3-xapian puts
the binding (scripts/deps.sh bench installs it).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import xapian
except ImportError:
    sys.exit("termcost.py: needs python3-xapian (apt-get install python3-xapian)")

TABLES = ("docdata", "position", "postlist", "termlist", "spelling")

DEFAULT_FAMILIES = [
    ("entities XENT:", ["XENT:"]),
    ("money entities", ["XENT:money:"]),
    ("entity words ZXPER/ZXORG/ZXPLC", ["ZXPER", "ZXORG", "ZXPLC"]),
    ("speaker words ZXSPK", ["ZXSPK"]),
    ("quoted words ZXQ", ["ZXQ"]),
    ("title stems ZS", ["ZS"]),
    ("quote ids XQID:", ["XQID:"]),
    ("dates mentioned XMD:", ["XMD:"]),
    ("has/kind XHAS: XQKIND:", ["XHAS:", "XQKIND:"]),
    ("speaker keys XSPEAKER:", ["XSPEAKER:"]),
    ("parent XDOC:", ["XDOC:"]),
    ("source XSOURCE:", ["XSOURCE:"]),
    ("kind XKIND:", ["XKIND:"]),
    ("type XTYPE:", ["XTYPE:"]),
    ("year Y, language L", ["Y", "L"]),
    ("record documents", "records"),
]


def matches(term, prefixes):
    for p in prefixes:
        # A one-letter prefix followed by a capital is another prefix
        # (Xapian's convention): "Z" is not "ZS", "ZXORG".
        if term.startswith(p) and not (len(p) == 1 and len(term) > 1 and 0x41 <= term[1] <= 0x5A):
            return True
    return False


def copy(src, dest, prefixes):
    """Copy src to dest without the terms under prefixes (or without the
    record documents when prefixes is "records"), keeping document ids."""
    out = xapian.WritableDatabase(dest, xapian.DB_CREATE_OR_OVERWRITE | xapian.DB_NO_SYNC)
    drop_records = prefixes == "records"
    prefixes = [] if drop_records else [p.encode() for p in prefixes]
    n = 0
    for post in src.postlist(""):
        d = src.get_document(post.docid)
        if drop_records and any(t.term == b"XKIND:doc" for t in d.termlist()):
            continue
        doc = xapian.Document()
        doc.set_data(d.get_data())
        for v in d.values():
            doc.add_value(v.num, v.value)
        for t in d.termlist():
            if matches(t.term, prefixes):
                continue
            for pos in t.positer:
                doc.add_posting(t.term, pos, 0)
            doc.add_term(t.term, t.wdf)
        out.replace_document(post.docid, doc)
        n += 1
        if n % 2000 == 0:
            out.commit()
    for s in src.spellings():
        out.add_spelling(s.term, s.termfreq)
    for key in src.metadata_keys():
        out.set_metadata(key, src.get_metadata(key))
    out.commit()
    out.close()


def compacted(path, work, name):
    dest = os.path.join(work, name + ".compact")
    shutil.rmtree(dest, ignore_errors=True)
    subprocess.run(["xapian-compact", path, dest], check=True, stdout=subprocess.DEVNULL)
    sizes = {t: os.path.getsize(os.path.join(dest, t + ".glass"))
             for t in TABLES if os.path.exists(os.path.join(dest, t + ".glass"))}
    total = sum(os.path.getsize(os.path.join(dest, f)) for f in os.listdir(dest))
    shutil.rmtree(dest)
    return total, sizes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db")
    ap.add_argument("--text-mb", type=float, help="MB of input text, for the x-text column")
    ap.add_argument("--family", action="append", default=[],
                    help="NAME=PREFIX[,PREFIX...] (repeatable; replaces the defaults)")
    ap.add_argument("--work", help="scratch directory (default: a temporary one)")
    a = ap.parse_args()
    families = DEFAULT_FAMILIES
    if a.family:
        families = []
        for f in a.family:
            name, _, prefixes = f.partition("=")
            if not prefixes:
                ap.error("--family wants NAME=PREFIX[,PREFIX...]: %r" % f)
            families.append((name, "records" if prefixes == "records" else prefixes.split(",")))
    work = a.work or tempfile.mkdtemp(prefix="termcost.")
    os.makedirs(work, exist_ok=True)
    src = xapian.Database(a.db)

    orig_total, _ = compacted(a.db, work, "orig")
    copy_path = os.path.join(work, "copy")
    copy(src, copy_path, [])
    base_total, base = compacted(copy_path, work, "base")
    shutil.rmtree(copy_path)
    if base_total != orig_total:
        sys.exit("termcost.py: the whole copy compacts to %d bytes, the database to %d: "
                 "the copy is not faithful, so no figure would be" % (base_total, orig_total))

    mb = lambda b: b / 1e6
    head = "| left out | compacted MB | saves MB | saves % |" + (" x text |" if a.text_mb else "")
    head += " " + " | ".join(TABLES) + " |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    def row(name, total, sizes):
        cells = [name, "%.2f" % mb(total), "%.2f" % mb(base_total - total),
                 "%.1f" % (100.0 * (base_total - total) / base_total)]
        if a.text_mb:
            cells.append("%.2fx" % (mb(total) / a.text_mb))
        cells += ["%.2f" % mb(sizes.get(t, 0)) for t in TABLES]
        print("| " + " | ".join(cells) + " |", flush=True)
    row("nothing (the database as built)", base_total, base)
    for name, prefixes in families:
        path = os.path.join(work, "copy")
        copy(src, path, prefixes)
        total, sizes = compacted(path, work, "family")
        shutil.rmtree(path)
        row(name, total, sizes)
    if not a.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
