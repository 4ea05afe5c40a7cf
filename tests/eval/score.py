#!/usr/bin/env python3
"""Score `verbatim extract --json` against the gold annotations.

    score.py --verbatim build/verbatim [--gold tests/eval/gold.jsonl]
             [--corpus-root .] [--json] [--list-errors]
             [--min-quote-f1 0.9 --min-speaker-acc 0.9 --min-date-acc 0.9]

For every document in the gold file it runs `verbatim extract --json FILE`
and compares the quotes (with speakers), entities and dates it prints with
the gold annotations (see GUIDELINES.md):

  quotes    precision / recall / F1, exact (normalised text equal) and
            overlap (token overlap >= 50% of the longer quote, one-to-one
            greedy matching by best overlap), overall and per kind;
  speakers  accuracy on overlap-matched quotes;
  entities  typed F1 on exact extent (start, end, type), untyped extent F1,
            canonical accuracy on extent-matched entities, per type;
  dates     extent F1 (exact start/end), value accuracy on extent-matched
            dates, and the same restricted to relative dates.

--min-quote-f1 applies to overlap F1, --min-speaker-acc to speaker accuracy,
--min-date-acc to date value accuracy.  Exit status: 0 all thresholds met,
1 a threshold missed or extraction failed on a document, 2 usage error or
the binary has no usable `extract` command.  Python 3 standard library only.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GOLD = os.path.join(HERE, "gold.jsonl")
DEFAULT_ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

QUOTE_KINDS = ("direct", "partial", "indirect")
ENTITY_TYPES = ("person", "organisation", "place", "money", "percent")


class Fatal(Exception):
    """Stops the run with exit status 2."""


# --------------------------------------------------------------------------
# normalisation

_DQUOTES = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u300c\u300d\u300e\u300f\u301d\u301e\uff02"
_SQUOTES = "'\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u2039\u203a\uff07"
_QUOTE_MAP = {ord(c): '"' for c in _DQUOTES}
_QUOTE_MAP.update({ord(c): "'" for c in _SQUOTES})


def _edge_char(ch):
    cat = unicodedata.category(ch)
    return cat[0] in "PZC" or ch.isspace()


def norm_text(s):
    """Quote text for exact comparison: casefold, unified quotes and
    apostrophes, collapsed whitespace, surrounding punctuation stripped."""
    s = unicodedata.normalize("NFKC", s or "").translate(_QUOTE_MAP).casefold()
    s = " ".join(s.split())
    i, j = 0, len(s)
    while i < j and _edge_char(s[i]):
        i += 1
    while j > i and _edge_char(s[j - 1]):
        j -= 1
    return s[i:j]


_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile("[%s]|[^\\W_%s]+" % (_CJK, _CJK))


def tokens(s):
    """Word tokens (each CJK character is a token)."""
    s = unicodedata.normalize("NFKC", s or "").casefold()
    return _TOKEN.findall(s)


def token_overlap(a, b):
    """Multiset token overlap divided by the length of the longer list."""
    if not a or not b:
        return 0.0
    counts = {}
    for t in a:
        counts[t] = counts.get(t, 0) + 1
    inter = 0
    for t in b:
        if counts.get(t, 0) > 0:
            counts[t] -= 1
            inter += 1
    return inter / max(len(a), len(b))


_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame",
           "justice", "judge", "hon", "the", "mme", "m", "herr", "frau", "lord",
           "lady"}
_LEGAL = {"plc", "inc", "ltd", "llc", "gmbh", "ag", "sa", "co", "corp", "limited",
          "incorporated"}
_ARTICLES = {"a", "an", "the", "one", "two", "some"}


def _fold(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(_QUOTE_MAP).casefold()
    s = s.replace("'s ", " ").replace("\u00df", "ss")
    # keep letters, digits, hyphens and CJK; everything else separates words
    s = re.sub(r"[^\w\-%s]+" % _CJK, " ", s)
    return s.split()


def norm_name(s):
    """Name for comparison: no accents, case, titles, legal-form suffixes
    or leading article."""
    words = _fold(s)
    while words and words[0] in _TITLES:
        words = words[1:]
    while words and words[-1] in _LEGAL:
        words = words[:-1]
    return " ".join(words)


def norm_descr(s):
    """Anonymous speaker description: as norm_name, also without a leading
    article or numeral ("a spokesman" -> "spokesman")."""
    words = _fold(s)
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def _given_surname(n):
    words = n.split()
    if len(words) < 2:
        return None
    return words[0], words[-1]


def names_match(pred, gold):
    a, b = norm_name(pred), norm_name(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    ga, gb = _given_surname(a), _given_surname(b)
    return ga is not None and ga == gb


def speaker_ok(gq, pspk):
    """Is the predicted speaker object right for gold quote gq?"""
    if not isinstance(pspk, dict):
        return False
    cands = [pspk.get("canonical"), pspk.get("name")]
    cands = [c for c in cands if isinstance(c, str) and c.strip()]
    golds = [gq["speaker"]] + list(gq.get("speaker_aliases") or [])
    for c in cands:
        for g in golds:
            if names_match(c, g):
                return True
    if gq.get("anonymous"):
        gd = norm_descr(gq["speaker"])
        for c in cands:
            if norm_descr(c) == gd:
                return True
        gorg = gq.get("org")
        if gorg:
            porg = pspk.get("org")
            for c in ([porg] if isinstance(porg, str) else []) + cands:
                if names_match(c, gorg):
                    return True
    return False


def org_ok(pred, gold):
    """The speaker's organisation: the same name, or one inside the other
    ("Sharespan" for "Sharespan Inc")."""
    if not isinstance(pred, str) or not pred.strip():
        return False
    if names_match(pred, gold):
        return True
    a, b = norm_descr(pred), norm_descr(gold)
    return bool(a) and bool(b) and (a in b or b in a)


def _number(s):
    s = s.strip().replace(",", "").replace(" ", "")
    try:
        return Decimal(s).normalize()
    except InvalidOperation:
        return None


def canonical_ok(etype, pred, gold, aliases=()):
    if not isinstance(pred, str):
        return False
    if etype == "money":
        mp = re.match(r"^\s*([A-Za-z]{3})\s+([-\d.,]+)\s*$", pred)
        mg = re.match(r"^\s*([A-Za-z]{3})\s+([-\d.,]+)\s*$", gold)
        if mp and mg:
            return (mp.group(1).upper() == mg.group(1).upper()
                    and _number(mp.group(2)) == _number(mg.group(2)))
    if etype == "percent":
        np_, ng = _number(pred.rstrip("% ")), _number(gold.rstrip("% "))
        if np_ is not None and ng is not None:
            return np_ == ng
    for g in [gold] + list(aliases):
        if norm_name(pred) == norm_name(g):
            return True
    return False


def norm_value(v):
    return (v or "").strip().upper()


# --------------------------------------------------------------------------
# running verbatim


def run_extract(verbatim, path, timeout, raw=False):
    """Return (json_or_None, error_message_or_None); with raw=True also
    (returncode, stdout+stderr)."""
    try:
        proc = subprocess.run([verbatim, "extract", "--json", path],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        res = (None, "timed out after %ss" % timeout, None, "")
        return res if raw else res[:2]
    except OSError as exc:
        res = (None, str(exc), None, "")
        return res if raw else res[:2]
    out = proc.stdout.decode("utf-8", errors="replace")
    err = proc.stderr.decode("utf-8", errors="replace").strip()
    data, msg = None, None
    if proc.returncode != 0:
        msg = "exit status %d%s" % (proc.returncode,
                                    (": " + err.splitlines()[0]) if err else "")
    else:
        try:
            data = json.loads(out)
            if not isinstance(data, dict):
                data, msg = None, "output is not a JSON object"
        except ValueError as exc:
            msg = "output is not JSON (%s)" % exc
    res = (data, msg, proc.returncode, err + "\n" + out[:2000])
    return res if raw else res[:2]


def probe(verbatim, path, timeout):
    """Fail clearly when the binary is missing or has no extract command."""
    if not (os.path.isfile(verbatim) and os.access(verbatim, os.X_OK)):
        raise Fatal("verbatim binary not found or not executable: %s" % verbatim)
    data, err, rc, msg = run_extract(verbatim, path, timeout, raw=True)
    if data is not None:
        return data
    if rc == 2 or re.search(r"not a command|unknown command|not implemented|"
                            r"unrecognized|usage:", msg, re.I):
        raise Fatal("%s has no usable `extract --json` command yet (%s).\n"
                    "The extract-quality evaluation needs `verbatim extract --json FILE`."
                    % (verbatim, err))
    raise Fatal("`%s extract --json %s` failed: %s" % (verbatim, path, err))


# --------------------------------------------------------------------------
# matching


def prf(tp_p, n_pred, tp_g, n_gold):
    p = tp_p / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp_g / n_gold if n_gold else (1.0 if n_pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "gold": n_gold, "predicted": n_pred,
            "matched": tp_g}


def pred_quote_text(pq, text):
    t = pq.get("text")
    if isinstance(t, str):
        return t
    s, e = pq.get("start"), pq.get("end")
    if isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text):
        return text[s:e]
    return ""


def match_exact(gold, pred, gkey, pkey):
    """One-to-one matching of equal keys; returns list of (gi, pi)."""
    pool = {}
    for pi, p in enumerate(pred):
        pool.setdefault(pkey(p), []).append(pi)
    pairs = []
    for gi, g in enumerate(gold):
        k = gkey(g)
        if pool.get(k):
            pairs.append((gi, pool[k].pop(0)))
    return pairs


def match_overlap(gtoks, ptoks, gspans, pspans, threshold=0.5):
    cands = []
    for gi, gt in enumerate(gtoks):
        for pi, pt in enumerate(ptoks):
            r = token_overlap(gt, pt)
            if r >= threshold:
                gs, ge = gspans[gi]
                ps, pe = pspans[pi]
                inter = max(0, min(ge, pe) - max(gs, ps))
                cands.append((-r, -inter, abs(gs - ps), gi, pi))
    cands.sort()
    gused, pused, pairs = set(), set(), []
    for _, _, _, gi, pi in cands:
        if gi in gused or pi in pused:
            continue
        gused.add(gi)
        pused.add(pi)
        pairs.append((gi, pi))
    return pairs


def score_doc(gdoc, pdoc, text):
    """Per-document counts and error lists."""
    res = {"doc": gdoc["doc"]}
    gq = gdoc["quotes"]
    pq = [q for q in (pdoc.get("quotes") or []) if isinstance(q, dict)]
    ptext = [pred_quote_text(q, text) for q in pq]

    ex = match_exact(gq, list(range(len(pq))), lambda g: norm_text(g["text"]),
                     lambda pi: norm_text(ptext[pi]))
    gtoks = [tokens(g["text"]) for g in gq]
    ptoks = [tokens(t) for t in ptext]
    gsp = [(g["start"], g["end"]) for g in gq]
    psp = [(q.get("start") if isinstance(q.get("start"), int) else -1,
            q.get("end") if isinstance(q.get("end"), int) else -1) for q in pq]
    ov = match_overlap(gtoks, ptoks, gsp, psp)

    q = {"gold": len(gq), "pred": len(pq), "exact": len(ex), "overlap": len(ov),
         "gold_kind": {k: 0 for k in QUOTE_KINDS}, "pred_kind": {},
         "exact_gold_kind": {k: 0 for k in QUOTE_KINDS}, "exact_pred_kind": {},
         "overlap_gold_kind": {k: 0 for k in QUOTE_KINDS}, "overlap_pred_kind": {},
         "kind_agree": 0, "speaker_ok": 0, "speaker_ok_kind": {k: 0 for k in QUOTE_KINDS},
         "org_gold": 0, "org_ok": 0}
    for g in gq:
        q["gold_kind"][g["kind"]] += 1
    for p in pq:
        k = str(p.get("kind"))
        q["pred_kind"][k] = q["pred_kind"].get(k, 0) + 1
    for gi, pi in ex:
        q["exact_gold_kind"][gq[gi]["kind"]] += 1
        k = str(pq[pi].get("kind"))
        q["exact_pred_kind"][k] = q["exact_pred_kind"].get(k, 0) + 1
    errors = {"missed_quotes": [], "spurious_quotes": [], "speaker_errors": [],
              "missed_dates": [], "spurious_dates": [], "date_value_errors": [],
              "missed_entities": [], "spurious_entities": [], "entity_errors": []}
    for gi, pi in ov:
        g, p = gq[gi], pq[pi]
        q["overlap_gold_kind"][g["kind"]] += 1
        k = str(p.get("kind"))
        q["overlap_pred_kind"][k] = q["overlap_pred_kind"].get(k, 0) + 1
        if k == g["kind"]:
            q["kind_agree"] += 1
        if speaker_ok(g, p.get("speaker")):
            q["speaker_ok"] += 1
            q["speaker_ok_kind"][g["kind"]] += 1
            if g.get("org"):
                q["org_gold"] += 1
                spk = p.get("speaker") if isinstance(p.get("speaker"), dict) else {}
                if org_ok(spk.get("org"), g["org"]):
                    q["org_ok"] += 1
        else:
            spk = p.get("speaker") if isinstance(p.get("speaker"), dict) else {}
            errors["speaker_errors"].append({
                "text": g["text"], "gold": g["speaker"],
                "predicted": spk.get("canonical") or spk.get("name")})
    mg = {gi for gi, _ in ov}
    mp = {pi for _, pi in ov}
    for gi, g in enumerate(gq):
        if gi not in mg:
            errors["missed_quotes"].append({"kind": g["kind"], "speaker": g["speaker"],
                                            "text": g["text"], "start": g["start"]})
    for pi, p in enumerate(pq):
        if pi not in mp:
            spk = p.get("speaker") if isinstance(p.get("speaker"), dict) else {}
            errors["spurious_quotes"].append({
                "kind": p.get("kind"), "speaker": spk.get("canonical") or spk.get("name"),
                "text": ptext[pi], "start": p.get("start")})
    res["quotes"] = q

    # ---- entities
    ge = gdoc["entities"]
    pe = [e for e in (pdoc.get("entities") or []) if isinstance(e, dict)]
    gkey = {(e["start"], e["end"]): e for e in ge}
    pkeys = {}
    for e in pe:
        pkeys.setdefault((e.get("start"), e.get("end")), e)
    typed = sum(1 for k, e in gkey.items() if k in pkeys and pkeys[k].get("type") == e["type"])
    untyped = sum(1 for k in gkey if k in pkeys)
    canon = sum(1 for k, e in gkey.items() if k in pkeys and canonical_ok(
        e["type"], pkeys[k].get("canonical"), e["canonical"], e.get("canonical_aliases", ())))
    ent = {"gold": len(ge), "pred": len(pkeys), "typed": typed, "untyped": untyped,
           "canonical_ok": canon, "per_type": {}}
    for t in ENTITY_TYPES:
        g_t = [k for k, e in gkey.items() if e["type"] == t]
        p_t = [k for k, e in pkeys.items() if e.get("type") == t]
        tp = sum(1 for k in g_t if k in pkeys and pkeys[k].get("type") == t)
        ent["per_type"][t] = {"gold": len(g_t), "pred": len(p_t), "tp": tp}
    for k, e in gkey.items():
        if k not in pkeys:
            errors["missed_entities"].append({"text": e["text"], "type": e["type"], "start": k[0]})
        elif pkeys[k].get("type") != e["type"] or not canonical_ok(
                e["type"], pkeys[k].get("canonical"), e["canonical"], e.get("canonical_aliases", ())):
            errors["entity_errors"].append({"text": e["text"], "gold": [e["type"], e["canonical"]],
                                            "predicted": [pkeys[k].get("type"), pkeys[k].get("canonical")]})
    for k, e in pkeys.items():
        if k not in gkey:
            errors["spurious_entities"].append({"text": e.get("text"), "type": e.get("type"), "start": k[0]})
    res["entities"] = ent

    # ---- dates
    gd = gdoc["dates"]
    pd = [d for d in (pdoc.get("dates") or []) if isinstance(d, dict)]
    gdk = {(d["start"], d["end"]): d for d in gd}
    pdk = {}
    for d in pd:
        pdk.setdefault((d.get("start"), d.get("end")), d)
    matched = [k for k in gdk if k in pdk]
    val_ok = [k for k in matched if norm_value(pdk[k].get("value")) == norm_value(gdk[k]["value"])]
    rel_m = [k for k in matched if gdk[k]["relative"]]
    rel_ok = [k for k in rel_m if k in val_ok]
    # looser view: overlapping extents, one-to-one, for the value only
    gd_sorted = sorted(gdk)
    used = set()
    ov_pairs = []
    for gk in gd_sorted:
        best = None
        for pk in pdk:
            if pk in used or not all(isinstance(x, int) for x in pk):
                continue
            inter = min(gk[1], pk[1]) - max(gk[0], pk[0])
            if inter > 0 and (best is None or inter > best[0]):
                best = (inter, pk)
        if best:
            used.add(best[1])
            ov_pairs.append((gk, best[1]))
    ov_val = sum(1 for gk, pk in ov_pairs
                 if norm_value(pdk[pk].get("value")) == norm_value(gdk[gk]["value"]))
    res["dates"] = {"gold": len(gdk), "pred": len(pdk), "extent": len(matched),
                    "value_ok": len(val_ok), "relative_gold": sum(1 for d in gd if d["relative"]),
                    "relative_extent": len(rel_m), "relative_value_ok": len(rel_ok),
                    "absolute_extent": len(matched) - len(rel_m),
                    "overlap_extent": len(ov_pairs), "overlap_value_ok": ov_val}
    for k, d in gdk.items():
        if k not in pdk:
            errors["missed_dates"].append({"text": d["text"], "value": d["value"], "start": k[0]})
        elif norm_value(pdk[k].get("value")) != norm_value(d["value"]):
            errors["date_value_errors"].append({"text": d["text"], "gold": d["value"],
                                                "predicted": pdk[k].get("value")})
    for k, d in pdk.items():
        if k not in gdk:
            errors["spurious_dates"].append({"text": d.get("text"), "value": d.get("value"),
                                             "start": k[0]})
    res["errors"] = errors
    return res


# --------------------------------------------------------------------------
# aggregation and reporting


def aggregate(results):
    def s(path):
        tot = 0
        for r in results:
            x = r
            for p in path:
                x = x.get(p, 0) if isinstance(x, dict) else 0
            tot += x
        return tot

    out = {"documents": len(results)}
    nq_g, nq_p = s(["quotes", "gold"]), s(["quotes", "pred"])
    out["quotes_exact"] = prf(s(["quotes", "exact"]), nq_p, s(["quotes", "exact"]), nq_g)
    out["quotes_overlap"] = prf(s(["quotes", "overlap"]), nq_p, s(["quotes", "overlap"]), nq_g)
    per_kind = {}
    for k in QUOTE_KINDS:
        per_kind[k] = {
            "exact": prf(s(["quotes", "exact_pred_kind", k]), s(["quotes", "pred_kind", k]),
                         s(["quotes", "exact_gold_kind", k]), s(["quotes", "gold_kind", k])),
            "overlap": prf(s(["quotes", "overlap_pred_kind", k]), s(["quotes", "pred_kind", k]),
                           s(["quotes", "overlap_gold_kind", k]), s(["quotes", "gold_kind", k])),
        }
        m = s(["quotes", "overlap_gold_kind", k])
        per_kind[k]["speaker_accuracy"] = s(["quotes", "speaker_ok_kind", k]) / m if m else None
    out["quotes_per_kind"] = per_kind
    m = s(["quotes", "overlap"])
    out["speaker_accuracy"] = s(["quotes", "speaker_ok"]) / m if m else 0.0
    out["speaker_correct"] = s(["quotes", "speaker_ok"])
    out["speaker_accuracy_all_gold"] = s(["quotes", "speaker_ok"]) / nq_g if nq_g else 0.0
    out["kind_agreement"] = s(["quotes", "kind_agree"]) / m if m else 0.0
    og = s(["quotes", "org_gold"])
    out["speaker_org_accuracy"] = s(["quotes", "org_ok"]) / og if og else 0.0

    ne_g, ne_p = s(["entities", "gold"]), s(["entities", "pred"])
    out["entities_typed"] = prf(s(["entities", "typed"]), ne_p, s(["entities", "typed"]), ne_g)
    out["entities_untyped"] = prf(s(["entities", "untyped"]), ne_p, s(["entities", "untyped"]), ne_g)
    u = s(["entities", "untyped"])
    out["entity_canonical_accuracy"] = s(["entities", "canonical_ok"]) / u if u else 0.0
    out["entities_per_type"] = {
        t: prf(s(["entities", "per_type", t, "tp"]), s(["entities", "per_type", t, "pred"]),
               s(["entities", "per_type", t, "tp"]), s(["entities", "per_type", t, "gold"]))
        for t in ENTITY_TYPES}

    nd_g, nd_p, de = s(["dates", "gold"]), s(["dates", "pred"]), s(["dates", "extent"])
    out["dates_extent"] = prf(de, nd_p, de, nd_g)
    out["date_value_accuracy"] = s(["dates", "value_ok"]) / de if de else 0.0
    rm = s(["dates", "relative_extent"])
    out["date_value_accuracy_relative"] = s(["dates", "relative_value_ok"]) / rm if rm else None
    am = de - rm
    out["date_value_accuracy_absolute"] = (s(["dates", "value_ok"]) - s(["dates", "relative_value_ok"])) / am if am else None
    out["dates_gold_relative"] = s(["dates", "relative_gold"])
    out["dates_relative_extent_recall"] = rm / out["dates_gold_relative"] if out["dates_gold_relative"] else None
    oe = s(["dates", "overlap_extent"])
    out["date_value_accuracy_overlap"] = s(["dates", "overlap_value_ok"]) / oe if oe else 0.0
    out["date_value_recall"] = s(["dates", "value_ok"]) / nd_g if nd_g else 0.0
    return out


def fmt(x):
    return "   -  " if x is None else "%6.3f" % x


def print_table(agg, failures, out=sys.stdout):
    w = out.write
    w("verbatim extract quality: %d documents\n\n" % agg["documents"])
    w("%-34s %6s %6s %6s %6s %6s\n" % ("", "P", "R", "F1", "gold", "pred"))

    def row(name, m):
        w("%-34s %s %s %s %6d %6d\n" % (name, fmt(m["precision"]), fmt(m["recall"]),
                                        fmt(m["f1"]), m["gold"], m["predicted"]))
    row("quotes, exact text", agg["quotes_exact"])
    row("quotes, token overlap >= 50%", agg["quotes_overlap"])
    for k in QUOTE_KINDS:
        row("  %s (overlap)" % k, agg["quotes_per_kind"][k]["overlap"])
    for k in QUOTE_KINDS:
        row("  %s (exact)" % k, agg["quotes_per_kind"][k]["exact"])
    row("entities, typed exact extent", agg["entities_typed"])
    row("entities, untyped extent", agg["entities_untyped"])
    for t in ENTITY_TYPES:
        row("  %s" % t, agg["entities_per_type"][t])
    row("dates, exact extent", agg["dates_extent"])
    w("\n")
    w("%-44s %s\n" % ("speaker accuracy (overlap-matched quotes)", fmt(agg["speaker_accuracy"])))
    for k in QUOTE_KINDS:
        w("%-44s %s\n" % ("  %s" % k, fmt(agg["quotes_per_kind"][k]["speaker_accuracy"])))
    w("%-44s %s\n" % ("speaker correct / all gold quotes", fmt(agg["speaker_accuracy_all_gold"])))
    w("%-44s %s\n" % ("speaker organisation (right speaker, gold org)",
                       fmt(agg["speaker_org_accuracy"])))
    w("%-44s %s\n" % ("quote kind agreement (overlap-matched)", fmt(agg["kind_agreement"])))
    w("%-44s %s\n" % ("entity canonical accuracy (extent-matched)", fmt(agg["entity_canonical_accuracy"])))
    w("%-44s %s\n" % ("date value accuracy (extent-matched)", fmt(agg["date_value_accuracy"])))
    w("%-44s %s\n" % ("  relative dates", fmt(agg["date_value_accuracy_relative"])))
    w("%-44s %s\n" % ("  absolute dates", fmt(agg["date_value_accuracy_absolute"])))
    w("%-44s %s\n" % ("relative dates found (extent recall)", fmt(agg["dates_relative_extent_recall"])))
    w("%-44s %s\n" % ("date value accuracy (overlapping extents)", fmt(agg["date_value_accuracy_overlap"])))
    w("%-44s %s\n" % ("date values correct / all gold dates", fmt(agg["date_value_recall"])))
    if failures:
        w("\nextraction failed on %d document(s):\n" % len(failures))
        for doc, err in failures:
            w("  %s: %s\n" % (doc, err))


def print_errors(results, entities=False, out=sys.stdout):
    w = out.write
    for r in results:
        e = r["errors"]
        keys = ["missed_quotes", "spurious_quotes", "speaker_errors", "missed_dates",
                "spurious_dates", "date_value_errors"]
        if entities:
            keys += ["missed_entities", "spurious_entities", "entity_errors"]
        if not any(e[k] for k in keys):
            continue
        w("\n== %s\n" % r["doc"])
        for x in e["missed_quotes"]:
            w("  missed quote   [%s] %s: %s\n" % (x["kind"], x["speaker"], short(x["text"])))
        for x in e["spurious_quotes"]:
            w("  spurious quote [%s] %s: %s\n" % (x["kind"], x["speaker"], short(x["text"])))
        for x in e["speaker_errors"]:
            w("  speaker        gold %r, predicted %r: %s\n" % (x["gold"], x["predicted"], short(x["text"])))
        for x in e["missed_dates"]:
            w("  missed date    %r = %s (at %d)\n" % (x["text"], x["value"], x["start"]))
        for x in e["spurious_dates"]:
            w("  spurious date  %r = %s (at %s)\n" % (x["text"], x["value"], x["start"]))
        for x in e["date_value_errors"]:
            w("  date value     %r: gold %s, predicted %s\n" % (x["text"], x["gold"], x["predicted"]))
        if entities:
            for x in e["missed_entities"]:
                w("  missed entity  %r %s (at %d)\n" % (x["text"], x["type"], x["start"]))
            for x in e["spurious_entities"]:
                w("  spurious entity %r %s (at %s)\n" % (x["text"], x["type"], x["start"]))
            for x in e["entity_errors"]:
                w("  entity         %r: gold %s, predicted %s\n" % (x["text"], x["gold"], x["predicted"]))


def short(s, n=90):
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[:n - 3] + "..."


def load_gold(path):
    docs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                docs.append(json.loads(line))
            except ValueError as exc:
                raise Fatal("%s:%d: %s" % (path, n, exc))
    return docs


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Score `verbatim extract --json` against gold annotations.")
    ap.add_argument("--verbatim", required=True, help="path to the verbatim binary")
    ap.add_argument("--gold", default=DEFAULT_GOLD)
    ap.add_argument("--corpus-root", default=DEFAULT_ROOT,
                    help="directory the gold 'file' paths are relative to")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--list-errors", action="store_true",
                    help="per document: missed/spurious quotes, speaker errors, date errors")
    ap.add_argument("--list-entity-errors", action="store_true",
                    help="with --list-errors, also entity errors")
    ap.add_argument("--doc", action="append", help="only this gold document (repeatable)")
    ap.add_argument("--min-quote-f1", type=float, help="threshold on quote overlap F1")
    ap.add_argument("--min-speaker-acc", type=float, help="threshold on speaker accuracy")
    ap.add_argument("--min-date-acc", type=float, help="threshold on date value accuracy")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per document")
    ap.add_argument("-j", "--jobs", type=int, default=4)
    args = ap.parse_args(argv)

    try:
        gold = load_gold(args.gold)
        if args.doc:
            gold = [d for d in gold if d["doc"] in args.doc]
            if not gold:
                raise Fatal("no gold document matches --doc")
        if not gold:
            raise Fatal("no documents in %s" % args.gold)
        paths = [os.path.join(args.corpus_root, d["file"]) for d in gold]
        for p in paths:
            if not os.path.isfile(p):
                raise Fatal("corpus file not found: %s (check --corpus-root)" % p)
        first = probe(args.verbatim, paths[0], args.timeout)
    except Fatal as exc:
        print("score.py: error: %s" % exc, file=sys.stderr)
        return 2

    def work(i):
        if i == 0:
            return first, None
        return run_extract(args.verbatim, paths[i], args.timeout)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        outputs = list(ex.map(work, range(len(gold))))

    results, failures = [], []
    for gdoc, path, (data, err) in zip(gold, paths, outputs):
        text = open(path, "rb").read().decode("utf-8", errors="replace")
        if data is None:
            failures.append((gdoc["doc"], err))
            data = {}
        results.append(score_doc(gdoc, data, text))
    agg = aggregate(results)

    checks = []
    if args.min_quote_f1 is not None:
        checks.append(("quote overlap F1", agg["quotes_overlap"]["f1"], args.min_quote_f1))
    if args.min_speaker_acc is not None:
        checks.append(("speaker accuracy", agg["speaker_accuracy"], args.min_speaker_acc))
    if args.min_date_acc is not None:
        checks.append(("date value accuracy", agg["date_value_accuracy"], args.min_date_acc))
    missed = [(n, v, t) for n, v, t in checks if v + 1e-12 < t]

    if args.json:
        report = {"overall": agg,
                  "documents": {r["doc"]: {k: r[k] for k in ("quotes", "entities", "dates")}
                                for r in results},
                  "failures": [{"doc": d, "error": e} for d, e in failures],
                  "thresholds": [{"metric": n, "value": v, "min": t, "ok": v + 1e-12 >= t}
                                 for n, v, t in checks],
                  "passed": not missed and not failures}
        if args.list_errors:
            report["errors"] = {r["doc"]: r["errors"] for r in results}
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_table(agg, failures)
        if args.list_errors:
            print_errors(results, entities=args.list_entity_errors)
        if checks:
            sys.stdout.write("\n")
            for n, v, t in checks:
                sys.stdout.write("%-22s %.3f (min %.3f) %s\n"
                                 % (n, v, t, "ok" if v + 1e-12 >= t else "BELOW THRESHOLD"))
    for n, v, t in missed:
        print("score.py: %s %.3f is below the threshold %.3f" % (n, v, t), file=sys.stderr)
    for d, e in failures:
        print("score.py: extraction failed on %s: %s" % (d, e), file=sys.stderr)
    return 1 if (missed or failures) else 0


if __name__ == "__main__":
    sys.exit(main())
