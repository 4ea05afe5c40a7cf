#!/usr/bin/env python3
"""Build tests/eval/gold.jsonl from the hand annotations in tests/eval/annotations/.

The annotations (one file per document, a Python literal dict read with
ast.literal_eval) are the source of truth; this script only locates the
spans they name in the corpus file, checks that every span really occurs,
and computes code-point and byte offsets.  See GUIDELINES.md for what is
annotated and annotations/README.md for the file format.

    python3 tests/eval/make_gold.py            # writes tests/eval/gold.jsonl
    python3 tests/eval/make_gold.py --check    # verify only, exit 1 on errors
    python3 tests/eval/make_gold.py --review DOC   # print DOC with its annotations
    python3 tests/eval/make_gold.py --warn     # also list possible omissions

Python 3 standard library only.
"""

import argparse
import ast
import codecs
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
ANN_DIR = os.path.join(HERE, "annotations")
GOLD = os.path.join(HERE, "gold.jsonl")

PART_SEP = " || "   # separates the parts of an interrupted / multi-paragraph quote
ELIDE = " ~~ "      # "prefix ~~ suffix": the span from prefix to the first suffix after it
PARA = "\u00b6"     # "¶prefix": the whole line (paragraph) that starts with prefix

QUOTE_CHARS = "\"\u201c\u201d\u201e\u300c\u300d\u00ab\u00bb"

# --------------------------------------------------------------------------
# reading files the way verbatim does


class _ErrorLog:
    def __init__(self):
        self.spans = []

    def __call__(self, err):
        self.spans.append((err.start, err.end))
        return ("\ufffd", err.end)


def read_corpus_file(path):
    """Return (text, byte_offsets) where byte_offsets[i] is the byte offset
    of code point i in the original file (len(text)+1 entries).  Invalid
    UTF-8 is decoded like errors='replace': one U+FFFD per maximal invalid
    subsequence, mapped back to the original bytes."""
    raw = open(path, "rb").read()
    log = _ErrorLog()
    name = "vb-eval-log-%d" % id(log)
    codecs.register_error(name, log)
    text = raw.decode("utf-8", errors=name)
    errors = dict(log.spans)
    offs = []
    b = 0
    for ch in text:
        offs.append(b)
        if b in errors and ch == "\ufffd":
            b = errors[b]
        else:
            b += len(ch.encode("utf-8"))
    offs.append(b)
    assert b == len(raw), path
    # sanity: the offsets must agree with a plain errors='replace' decode
    assert raw.decode("utf-8", errors="replace") == text
    return text, offs


def front_matter(text):
    """Return (fields, body_start)."""
    if not text.startswith("---\n"):
        return {}, 0
    end = text.find("\n---\n", 3)
    if end < 0:
        return {}, 0
    fields = {}
    for line in text[4:end].split("\n"):
        m = re.match(r"([A-Za-z_]+):\s*(.*)$", line)
        if m:
            fields[m.group(1)] = m.group(2).strip()
    return fields, end + len("\n---\n")


# --------------------------------------------------------------------------
# locating spans


class AnnError(Exception):
    pass


def _is_word(ch):
    return ch.isalnum() or ch == "_"


def _is_cjk(ch):
    return unicodedata.east_asian_width(ch) in ("W", "F")


def find_all(text, needle, lo, hi=None, word=True):
    """All start offsets of needle in text[lo:hi].  With word=True a match
    must not be glued to letters/digits on either side (unless the needle
    edge or the neighbour is CJK)."""
    hi = len(text) if hi is None else hi
    out = []
    i = text.find(needle, lo, hi)
    while i >= 0:
        j = i + len(needle)
        ok = True
        if word:
            if i > 0 and _is_word(text[i - 1]) and _is_word(needle[0]) \
                    and not _is_cjk(text[i - 1]) and not _is_cjk(needle[0]):
                ok = False
            if j < len(text) and _is_word(text[j]) and _is_word(needle[-1]) \
                    and not _is_cjk(text[j]) and not _is_cjk(needle[-1]):
                ok = False
        if ok:
            out.append(i)
        i = text.find(needle, i + 1, hi)
    return out


def locate_piece(text, piece, lo, occ, what):
    """Locate one part of a quote.  Returns (start, end)."""
    if piece.startswith(PARA):
        prefix = piece[len(PARA):]
        hits = [i for i in find_all(text, prefix, lo, word=False)
                if i == 0 or text[i - 1] == "\n"]
        if len(hits) < occ:
            raise AnnError("%s: paragraph starting %r not found" % (what, prefix))
        s = hits[occ - 1]
        e = text.find("\n", s)
        e = len(text) if e < 0 else e
        return s, e
    if ELIDE in piece:
        prefix, suffix = piece.split(ELIDE, 1)
        hits = find_all(text, prefix, lo, word=False)
        if len(hits) < occ:
            raise AnnError("%s: %r not found" % (what, prefix))
        s = hits[occ - 1]
        e = text.find(suffix, s + len(prefix))
        if e < 0:
            raise AnnError("%s: %r not found after %r" % (what, suffix, prefix))
        e += len(suffix)
        if "\n" in text[s:e]:
            raise AnnError("%s: elided span crosses a line break" % what)
        return s, e
    hits = find_all(text, piece, lo, word=False)
    if len(hits) < occ:
        raise AnnError("%s: %r occurs %d times, occurrence %d wanted"
                       % (what, piece, len(hits), occ))
    s = hits[occ - 1]
    return s, s + len(piece)


def granularity(value):
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d\d", value):
        return "week"
    if re.fullmatch(r"\d{4}-Q[1-4]", value):
        return "quarter"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{3}", value):
        return "decade"
    raise AnnError("bad date value %r" % value)


SPEAKER_TYPES = ("person", "organisation")
QUOTE_KINDS = ("direct", "partial", "indirect")
ENTITY_TYPES = ("person", "organisation", "place", "money", "percent")


def build_doc(ann, warn=False):
    path = os.path.join(ROOT, ann["file"])
    text, boffs = read_corpus_file(path)
    fm, body = front_matter(text)
    doc_id = fm.get("id") or os.path.basename(ann["file"])
    if ann.get("doc") and ann["doc"] != doc_id:
        raise AnnError("%s: doc id %r, file says %r" % (ann["file"], ann["doc"], doc_id))
    doc_date = fm.get("date") or ann.get("doc_date")
    if not doc_date:
        raise AnnError("%s: no date" % ann["file"])
    if fm.get("date") and ann.get("doc_date") and ann["doc_date"] != fm["date"]:
        raise AnnError("%s: doc_date disagrees with front matter" % ann["file"])
    warnings = []

    # ---- quotes
    speakers = ann.get("speakers", {})
    quotes = []
    for qi, q in enumerate(ann.get("quotes", [])):
        what = "%s quote %d" % (doc_id, qi + 1)
        kind, skey, spec = q[0], q[1], q[2]
        occ = q[3] if len(q) > 3 else 1
        if kind not in QUOTE_KINDS:
            raise AnnError("%s: bad kind %r" % (what, kind))
        if skey not in speakers:
            raise AnnError("%s: unknown speaker key %r" % (what, skey))
        sp = speakers[skey]
        name, stype, role, org = sp[0], sp[1], sp[2], sp[3]
        extra = sp[4] if len(sp) > 4 else {}
        if stype not in SPEAKER_TYPES:
            raise AnnError("%s: bad speaker type %r" % (what, stype))
        parts = spec.split(PART_SEP)
        spans = []
        lo = body
        for pi, piece in enumerate(parts):
            s, e = locate_piece(text, piece, lo, occ if pi == 0 else 1, what)
            if spans and s - spans[-1][1] > 300:
                raise AnnError("%s: part %d is %d chars after the previous one"
                               % (what, pi + 1, s - spans[-1][1]))
            spans.append((s, e))
            lo = e
        qtext = " ".join(text[s:e] for s, e in spans)
        item = {
            "text": qtext, "kind": kind, "speaker": name, "speaker_type": stype,
            "role": role, "org": org,
            "start": spans[0][0], "end": spans[-1][1],
            "byte_start": boffs[spans[0][0]], "byte_end": boffs[spans[-1][1]],
            "spans": [{"start": s, "end": e} for s, e in spans],
        }
        if extra.get("aliases"):
            item["speaker_aliases"] = list(extra["aliases"])
        if extra.get("anonymous"):
            item["anonymous"] = True
        quotes.append(item)
    quotes.sort(key=lambda x: (x["start"], x["end"]))
    for a, b in zip(quotes, quotes[1:]):
        if a["start"] == b["start"] and a["end"] == b["end"]:
            raise AnnError("%s: duplicate quote %r" % (doc_id, a["text"][:40]))

    # ---- entities: every occurrence of every listed surface in the body,
    # longest match first; entries of type "-" block a surface (not an entity).
    cands = []
    for ei, ent in enumerate(ann.get("entities", [])):
        etype, canon, surfaces = ent[0], ent[1], ent[2]
        opts = ent[3] if len(ent) > 3 else {}
        if etype != "-" and etype not in ENTITY_TYPES:
            raise AnnError("%s: bad entity type %r" % (doc_id, etype))
        for surf in surfaces:
            only = None
            m = re.match(r"^(.*)@(\d+(?:,\d+)*)$", surf)
            if m:
                surf = m.group(1)
                only = [int(x) for x in m.group(2).split(",")]
            hits = find_all(text, surf, body)
            if not hits:
                raise AnnError("%s: entity surface %r not found" % (doc_id, surf))
            if only:
                if max(only) > len(hits):
                    raise AnnError("%s: %r has only %d occurrences"
                                   % (doc_id, surf, len(hits)))
                hits = [hits[k - 1] for k in only]
            for h in hits:
                cands.append((h, h + len(surf), etype, canon, ei, opts))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = []
    chosen = []
    for c in cands:
        if any(c[0] < t[1] and t[0] < c[1] for t in taken):
            continue
        taken.append(c)
        if c[2] != "-":
            chosen.append(c)
    skip = set()
    for surf, occ in ann.get("entity_skip", []):
        hits = find_all(text, surf, body)
        if len(hits) < occ:
            raise AnnError("%s: entity_skip %r@%d not found" % (doc_id, surf, occ))
        skip.add(hits[occ - 1])
    used_skip = set()
    entities = []
    for s, e, etype, canon, _, opts in sorted(chosen):
        if s in skip:
            used_skip.add(s)
            continue
        item = {"text": text[s:e], "type": etype, "canonical": canon,
                "start": s, "end": e, "byte_start": boffs[s], "byte_end": boffs[e]}
        if opts.get("aliases"):
            item["canonical_aliases"] = list(opts["aliases"])
        entities.append(item)
    if skip - used_skip:
        raise AnnError("%s: entity_skip entries that skip nothing: %s"
                       % (doc_id, sorted(skip - used_skip)))

    # ---- dates
    dates = []
    seen = {}
    for di, d in enumerate(ann.get("dates", [])):
        dtext, value = d[0], d[1]
        flags = [x for x in d[2:] if isinstance(x, str)]
        occs = [x for x in d[2:] if isinstance(x, int)]
        occ = occs[0] if occs else 1
        for f in flags:
            if f != "rel":
                raise AnnError("%s: bad date flag %r" % (doc_id, f))
        hits = find_all(text, dtext, body)
        if len(hits) < occ:
            raise AnnError("%s: date %r occurs %d times, occurrence %d wanted"
                           % (doc_id, dtext, len(hits), occ))
        s = hits[occ - 1]
        e = s + len(dtext)
        if (s, e) in seen:
            raise AnnError("%s: date %r@%d annotated twice" % (doc_id, dtext, occ))
        seen[(s, e)] = True
        dates.append({"text": dtext, "value": value, "granularity": granularity(value),
                      "relative": "rel" in flags, "start": s, "end": e,
                      "byte_start": boffs[s], "byte_end": boffs[e]})
    dates.sort(key=lambda x: x["start"])
    for a, b in zip(dates, dates[1:]):
        if b["start"] < a["end"]:
            raise AnnError("%s: overlapping dates %r %r" % (doc_id, a["text"], b["text"]))

    if warn:
        warnings += omissions(doc_id, text, body, quotes, entities, dates, ann)

    out = {"doc": doc_id, "file": ann["file"], "doc_date": doc_date,
           "quotes": quotes, "entities": entities, "dates": dates}
    return out, text, body, warnings


MONTHS = ("January|February|March|April|May|June|July|August|September|October|"
          "November|December")
DATE_HINT = re.compile(
    r"\b(?:(?:1[89]|20)\d\d|today|yesterday|tomorrow|tonight|(?:this|last|next) "
    r"(?:week|month|year|morning|afternoon)|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|" + MONTHS + r")\b")
MONEY_HINT = re.compile(r"(?:[$€£¥]\s?\d|\d[\d,.]*\s*(?:million|billion)?\s*"
                        r"(?:crowns?|euros?|Euro|EUR|dollars?)\b|EUR \d|元)")
PCT_HINT = re.compile(r"\d[\d.,]*\s*(?:%|per cent|Prozent|％)|(?:[A-Z]?[a-z]+-)?"
                      r"[a-z]+ per cent")


def omissions(doc_id, text, body, quotes, entities, dates, ann):
    """Heuristic hints for things an annotator may have forgotten."""
    out = []
    covered = [(q["start"] - 1, q["end"] + 1) for q in quotes]
    ignore_q = set(ann.get("not_quotes", []))
    for m in re.finditer(r"[\"“„「]([^\"”“」\n]{1,400})[\"”“」]", text[body:]):
        s = body + m.start(1)
        if any(a <= s < b for a, b in covered):
            continue
        inner = m.group(1)
        if inner in ignore_q:
            continue
        out.append("%s: quoted text not annotated as a quote: %r" % (doc_id, inner[:70]))
    dspans = [(d["start"], d["end"]) for d in dates]
    ignore_d = set(ann.get("not_dates", []))
    for m in DATE_HINT.finditer(text, body):
        if any(a <= m.start() < b for a, b in dspans):
            continue
        if m.group(0) in ignore_d:
            continue
        ctx = text[max(0, m.start() - 25):m.end() + 25].replace("\n", " ")
        out.append("%s: possible date %r not annotated: ...%s..." % (doc_id, m.group(0), ctx))
    espans = [(e["start"], e["end"]) for e in entities]
    for rx, label in ((MONEY_HINT, "money"), (PCT_HINT, "percent")):
        for m in rx.finditer(text, body):
            if any(a <= m.start() < b or a < m.end() <= b for a, b in espans):
                continue
            ctx = text[max(0, m.start() - 25):m.end() + 25].replace("\n", " ")
            out.append("%s: possible %s %r not annotated: ...%s..." % (doc_id, label, m.group(0), ctx))
    return out


def render(doc, text, body):
    """The body with [entity|type], {date=value} and «quote» markers."""
    marks = []
    for e in doc["entities"]:
        marks.append((e["start"], 1, "["))
        tag = e["type"][:3]
        if e["canonical"] != e["text"]:
            tag += ":" + e["canonical"]
        marks.append((e["end"], 0, "|%s]" % tag))
    for d in doc["dates"]:
        marks.append((d["start"], 1, "{"))
        marks.append((d["end"], 0, "=%s%s}" % (d["value"], "*" if d["relative"] else "")))
    for q in doc["quotes"]:
        for sp in q["spans"]:
            marks.append((sp["start"], 2, "\u00ab"))
            marks.append((sp["end"], -1, "\u00bb"))
    marks.sort(key=lambda m: (m[0], m[1]))
    out = []
    pos = body
    for off, _, s in marks:
        out.append(text[pos:off])
        out.append(s)
        pos = off
    out.append(text[pos:])
    res = "".join(out)
    res += "\n\n---- quotes\n"
    for q in doc["quotes"]:
        res += "%-8s %-30s | %s\n" % (q["kind"], q["speaker"][:30], q["text"])
    return res


def load_annotations(only=None):
    anns = []
    for name in sorted(os.listdir(ANN_DIR)):
        if not name.endswith(".py"):
            continue
        if only and name[:-3] != only:
            continue
        with open(os.path.join(ANN_DIR, name), encoding="utf-8") as f:
            src = f.read()
        try:
            ann = ast.literal_eval(src)
        except (ValueError, SyntaxError) as exc:
            raise AnnError("%s: %s" % (name, exc))
        ann.setdefault("file", "corpus/%s.txt" % name[:-3])
        anns.append(ann)
    return anns


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="verify only, do not write")
    ap.add_argument("--review", metavar="DOC", help="print DOC with its annotations")
    ap.add_argument("--warn", action="store_true", help="list possible omissions")
    ap.add_argument("--out", default=GOLD)
    args = ap.parse_args()
    try:
        anns = load_annotations(args.review)
        docs = []
        allwarn = []
        for ann in anns:
            doc, text, body, warns = build_doc(ann, warn=args.warn or bool(args.review))
            docs.append(doc)
            allwarn += warns
            if args.review:
                print(render(doc, text, body))
    except AnnError as exc:
        print("make_gold: error: %s" % exc, file=sys.stderr)
        return 1
    for w in allwarn:
        print("warning: " + w, file=sys.stderr)
    if args.review:
        return 0
    docs.sort(key=lambda d: d["file"])
    nq = sum(len(d["quotes"]) for d in docs)
    ne = sum(len(d["entities"]) for d in docs)
    nd = sum(len(d["dates"]) for d in docs)
    ni = sum(1 for d in docs for q in d["quotes"] if q["kind"] == "indirect")
    nr = sum(1 for d in docs for x in d["dates"] if x["relative"])
    print("%d documents, %d quotes (%d indirect), %d entities, %d dates (%d relative)"
          % (len(docs), nq, ni, ne, nd, nr))
    if not args.check:
        with open(args.out, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        print("wrote %s" % os.path.relpath(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
