/* search.c: a query in, ranked passages with snippets out, as JSON. */
#include "search.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "dups.h"
#include "rank.h"
#include "schema.h"
#include "snippet.h"
#include "understand.h"
#include "util/date.h"

/* Passages re-ranked at least (more when more results are asked for). */
#define RERANK_MIN 30
#define RERANK_MAX 20000

static json_t *result_object(unsigned rank, double weight, json_t *data,
			     const struct vb_snippet *snip)
{
	json_t *o = json_object();
	json_object_set_new(o, "rank", json_integer(rank));
	json_object_set(o, "id", json_object_get(data, "id"));
	json_object_set(o, "doc_id", json_object_get(data, "doc"));
	static const char *const keys[] = { "title", "date", "source", "url",
					    "lang", "type", NULL };
	for (size_t i = 0; keys[i]; i++) {
		json_t *v = json_object_get(data, keys[i]);
		json_object_set(o, keys[i], v ? v : json_null());
	}
	json_object_set(o, "passage", json_object_get(data, "n"));
	json_object_set(o, "paragraph", json_object_get(data, "paragraph"));
	json_object_set(o, "start", json_object_get(data, "start"));
	json_object_set(o, "end", json_object_get(data, "end"));
	json_object_set(o, "text", json_object_get(data, "text"));
	json_object_set_new(o, "snippet", json_stringn(snip->text.buf, snip->text.len));
	json_t *hl = json_array();
	for (size_t i = 0; i < snip->highlights.n; i++)
		json_array_append_new(hl, json_pack("[II]",
			(json_int_t)snip->highlights.v[i].start,
			(json_int_t)snip->highlights.v[i].end));
	json_object_set_new(o, "highlights", hl);
	json_object_set_new(o, "score", json_real(weight));
	return o;
}

static json_t *explain_object(const struct vb_score_parts *p)
{
	return json_pack("{s:f, s:f, s:f, s:f, s:f, s:f, s:f}", "bm25", p->bm25,
			 "entity", p->entity, "speaker", p->speaker, "quote", p->quote,
			 "date", p->date, "recent", p->recent, "total", p->total);
}

/* The JSON of result `i` of `ms` with its snippet; NULL for data not ours. */
static int result_at(const xap_db *db, const struct vb_search_req *req, xap_mset *ms,
		     unsigned i, unsigned rank, double score, struct vb_highlighter *hl,
		     struct vb_snippet *snip, struct vb_doc_records *recs, json_t **out,
		     struct vb_buf *err)
{
	xap_doc *d = NULL;
	char *data = NULL;
	size_t dlen = 0;
	xap_error xe;

	*out = NULL;
	if (xap_mset_document(ms, i, &d, &xe) || xap_doc_get_data(d, &data, &dlen, &xe)) {
		xap_doc_free(d);
		vb_buf_addf(err, "cannot read result %u: %s", rank, xe.message);
		return xe.status;
	}
	xap_doc_free(d);
	json_t *obj = vb_data_json(data, dlen);
	free(data);
	if (!obj)
		return XAP_OK;   /* not ours: written by another tool */
	vb_db_add_doc_meta(db, obj, recs);
	const char *ptext = vb_json_str(obj, "text");
	if (vb_snippet_make(hl, ptext, strlen(ptext), vb_json_str(obj, "lang"),
			    (size_t)req->snippet, snip, err) < 0) {
		json_decref(obj);
		return XAP_ERR_OTHER;
	}
	*out = result_object(rank, score, obj, snip);
	json_decref(obj);
	return XAP_OK;
}

struct vb_spans *vb_search_highlights(json_t *result, struct vb_spans *out)
{
	json_t *hl = json_object_get(result, "highlights"), *pair;
	size_t i;
	out->n = 0;
	json_array_foreach(hl, i, pair) {
		if (out->n == out->alloc) {
			out->alloc = out->alloc ? 2 * out->alloc : 8;
			out->v = realloc(out->v, out->alloc * sizeof(*out->v));
			if (!out->v)
				abort();
		}
		out->v[out->n].start = (size_t)json_integer_value(json_array_get(pair, 0));
		out->v[out->n].end = (size_t)json_integer_value(json_array_get(pair, 1));
		out->n++;
	}
	return out;
}

/* The results of one reading of the query into `res`; XAP status. */
static int collect(const xap_db *db, const struct vb_search_req *req,
		   struct vb_parsed_query *pq, json_t *res, struct vb_buf *err)
{
	xap_enquire *enq = NULL;
	xap_mset *ms = NULL;
	struct vb_highlighter *hl = NULL;
	struct vb_snippet snip;
	struct vb_doc_records recs = { 0 };
	xap_error xe;
	int rc = XAP_OK;

	vb_snippet_init(&snip);
	if (xap_enquire_new(&enq, db, &xe) ||
	    xap_enquire_set_query(enq, pq->query, &xe) ||
	    (req->sort_date && xap_enquire_sort_by_value(enq, VB_SLOT_DATE, 1, &xe)) ||
	    (req->per_doc > 0 &&
	     xap_enquire_set_collapse_key(enq, VB_SLOT_DOC, (unsigned)req->per_doc, &xe)) ||
	    xap_enquire_get_mset(enq, (unsigned)req->offset, (unsigned)req->limit,
				 /* a limit of 0 asks only how many match: count them all */
				 req->limit ? (unsigned)(req->offset + req->limit) : 0xFFFFFFFFu,
				 &ms, &xe)) {
		vb_buf_adds(err, xe.message);
		rc = xe.status;
		goto out;
	}
	json_object_set_new(res, "total", json_integer(xap_mset_estimated(ms)));
	json_t *results = json_array();
	json_object_set_new(res, "results", results);
	hl = vb_highlighter_new(pq->terms, pq->nterms, pq->wildcards, pq->nwildcards);
	unsigned n = xap_mset_size(ms);
	for (unsigned i = 0; i < n; i++) {
		json_t *r;
		double w = xap_mset_weight(ms, i);
		if ((rc = result_at(db, req, ms, i, (unsigned)req->offset + i + 1, w, hl,
				    &snip, &recs, &r, err)))
			goto out;
		if (!r)
			continue;
		if (req->explain) {
			struct vb_score_parts p = { .bm25 = w, .total = w };
			json_object_set_new(r, "explain", explain_object(&p));
		}
		json_array_append_new(results, r);
	}
out:
	vb_doc_records_release(&recs);
	vb_highlighter_free(hl);
	vb_snippet_release(&snip);
	xap_mset_free(ms);
	xap_enquire_free(enq);
	return rc;
}

/* A passage among the best K, with its score taken apart. */
struct candidate {
	unsigned index;           /* in the MSet */
	xap_doc *doc;
	char *doc_id;             /* for --per-doc */
	char date[9];
	struct vb_score_parts parts;
};

static int by_total(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;
	if (x->parts.total != y->parts.total)
		return x->parts.total < y->parts.total ? 1 : -1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static void free_candidates(struct candidate *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		xap_doc_free(c[i].doc);
		free(c[i].doc_id);
	}
	free(c);
}

/* Read the K candidates' documents, dates and document ids. */
static int read_candidates(xap_mset *ms, struct candidate **out, size_t *nout,
			   xap_error *xe)
{
	unsigned n = xap_mset_size(ms);
	struct candidate *c = calloc(n ? n : 1, sizeof(*c));
	if (!c)
		abort();
	for (unsigned i = 0; i < n; i++) {
		char *v = NULL;
		size_t vl = 0;
		c[i].index = i;
		if (xap_mset_document(ms, i, &c[i].doc, xe) ||
		    xap_doc_get_value(c[i].doc, VB_SLOT_DATE, &v, &vl, xe)) {
			free_candidates(c, i + 1);
			return xe->status;
		}
		if (vl == 8)
			memcpy(c[i].date, v, 9);
		free(v);
		if (xap_doc_get_value(c[i].doc, VB_SLOT_DOC, &c[i].doc_id, &vl, xe)) {
			free_candidates(c, i + 1);
			return xe->status;
		}
	}
	*out = c;
	*nout = n;
	return 0;
}

/* Score the candidates by rank.h's combination and sort them. */
static int score_candidates(const struct vb_search_req *req,
			    const struct vb_understanding *u,
			    xap_mset *ms, struct candidate *c, size_t n, xap_error *xe)
{
	const struct vb_rank_weights *w = &vb_rank_default_weights;
	struct vb_rank_query rq = { .u = u, .recent = req->recent };
	double top = n ? xap_mset_weight(ms, 0) : 0;

	/* Ages count from --as-of, else from the newest candidate: today
	 * would make every document of an old archive equally old. */
	memcpy(rq.recent_ref, u->as_of, 9);
	if (!req->as_of) {
		strcpy(rq.recent_ref, "00000000");
		for (size_t i = 0; i < n; i++)
			if (strcmp(c[i].date, rq.recent_ref) > 0)
				memcpy(rq.recent_ref, c[i].date, 9);
	}
	for (size_t i = 0; i < n; i++) {
		struct vb_signals sig;
		int rc = vb_rank_signals(&rq, w, c[i].doc, &sig, xe);
		if (rc)
			return rc;
		vb_rank_combine(xap_mset_weight(ms, c[i].index), top, &sig,
				u->quote_intent, w, &c[i].parts);
	}
	if (!req->sort_date && n > 1)
		qsort(c, n, sizeof(*c), by_total);
	return 0;
}

/*
 * The results of one reading of the query, re-ranked: the best K by BM25
 * (K grows when --per-doc leaves too few), scored with the signals,
 * sorted, at most per_doc per document, then the page asked for.
 */
static int collect_ranked(const xap_db *db, const struct vb_search_req *req,
			  struct vb_parsed_query *pq, const struct vb_understanding *u,
			  json_t *res, struct vb_buf *err)
{
	unsigned want = (unsigned)(req->offset + req->limit);
	unsigned k = want * 2 > RERANK_MIN ? want * 2 : RERANK_MIN;
	xap_enquire *enq = NULL;
	xap_mset *ms = NULL;
	struct candidate *c = NULL;
	struct vb_highlighter *hl = NULL;
	struct vb_snippet snip;
	struct vb_doc_records recs = { 0 };
	size_t n = 0, kept = 0;
	xap_error xe;
	int rc;

	vb_snippet_init(&snip);
	if (xap_enquire_new(&enq, db, &xe) || xap_enquire_set_query(enq, pq->query, &xe) ||
	    (req->sort_date && xap_enquire_sort_by_value(enq, VB_SLOT_DATE, 1, &xe))) {
		rc = xe.status;
		goto xfail;
	}
	for (;;) {
		xap_mset_free(ms);
		ms = NULL;
		free_candidates(c, n);
		c = NULL;
		n = 0;
		if (xap_enquire_get_mset(enq, 0, k, k, &ms, &xe) ||
		    (rc = read_candidates(ms, &c, &n, &xe)) ||
		    (rc = score_candidates(req, u, ms, c, n, &xe))) {
			rc = xe.status;
			goto xfail;
		}
		kept = n;
		if (req->per_doc > 0) {
			/* Keep the first per_doc of each document, in order. */
			size_t j = 0;
			for (size_t i = 0; i < n; i++) {
				long same = 0;
				for (size_t p = 0; p < j; p++)
					same += c[p].doc_id && c[i].doc_id &&
						!strcmp(c[p].doc_id, c[i].doc_id);
				if (same < req->per_doc) {
					struct candidate t = c[j];
					c[j++] = c[i];
					c[i] = t;
				}
			}
			kept = j;
		}
		if (kept >= want || n < k || k >= RERANK_MAX)
			break;
		k = k * 4 < RERANK_MAX ? k * 4 : RERANK_MAX;
	}
	json_object_set_new(res, "total", json_integer(xap_mset_estimated(ms)));
	json_t *results = json_array();
	json_object_set_new(res, "results", results);
	hl = vb_highlighter_new(pq->terms, pq->nterms, pq->wildcards, pq->nwildcards);
	for (size_t i = (size_t)req->offset; i < kept && i < want; i++) {
		json_t *r;
		if ((rc = result_at(db, req, ms, c[i].index, (unsigned)i + 1,
				    c[i].parts.total, hl, &snip, &recs, &r, err)))
			goto out;
		if (!r)
			continue;
		if (req->explain)
			json_object_set_new(r, "explain", explain_object(&c[i].parts));
		json_array_append_new(results, r);
	}
	rc = XAP_OK;
	goto out;
xfail:
	vb_buf_adds(err, xe.message);
out:
	free_candidates(c, n);
	vb_doc_records_release(&recs);
	vb_highlighter_free(hl);
	vb_snippet_release(&snip);
	xap_mset_free(ms);
	xap_enquire_free(enq);
	return rc;
}

/* Today (UTC) as YYYYMMDD. */
static void today(char out[9])
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	snprintf(out, 9, "%04u%02u%02u", (unsigned)(tm.tm_year + 1900) % 10000u,
		 (unsigned)(tm.tm_mon + 1) % 100u, (unsigned)tm.tm_mday % 100u);
}

/*
 * Search `text` once: read it, build the query, collect the results into
 * `res`.  *suggestion gets the "did you mean" of the query as typed.
 */
static int search_once(const xap_db *db, const struct vb_search_req *req,
		       const char *text, const char *as_of, json_t *res,
		       char **suggestion, struct vb_buf *err)
{
	struct vb_understanding u;
	struct vb_parsed_query pq;
	int ranked = 0, rc = XAP_OK;

	memset(&u, 0, sizeof(u));
	memset(&pq, 0, sizeof(pq));
	*suggestion = NULL;
	if (!req->rank_bm25) {
		if ((rc = vb_understand(db, text, as_of, &u, err)))
			goto out;
		json_object_set_new(res, "understood", vb_understanding_json(&u));
		/* No signal, no re-ranking: exactly BM25's order. */
		ranked = (vb_understanding_any(&u) || req->recent) && req->limit > 0;
	} else {
		json_object_set_new(res, "understood", json_null());
	}
	rc = vb_query_build(db, req->rank_bm25 ? text : u.text_query, &req->q, &pq, err);
	if (rc == XAP_OK)
		rc = ranked ? collect_ranked(db, req, &pq, &u, res, err)
			    : collect(db, req, &pq, res, err);
	if (rc == XAP_OK && pq.suggestion) {
		if (!req->rank_bm25 && strcmp(u.text_query, text)) {
			/* The suggestion of the query as typed, not of the
			 * words left once dates and cues were read. */
			struct vb_parsed_query typed;
			memset(&typed, 0, sizeof(typed));
			struct vb_buf ignored = VB_BUF_INIT;
			if (vb_query_build(db, text, &req->q, &typed, &ignored) == XAP_OK &&
			    typed.suggestion)
				*suggestion = vb_strdup(typed.suggestion);
			vb_parsed_query_release(&typed);
			vb_buf_release(&ignored);
		} else {
			*suggestion = vb_strdup(pq.suggestion);
		}
	}
out:
	vb_parsed_query_release(&pq);
	vb_understanding_release(&u);
	return rc;
}

int vb_search_run(const xap_db *db, const struct vb_search_req *req,
		  json_t **out, struct vb_buf *err)
{
	json_t *res = json_object();
	const char *text = req->text ? req->text : "";
	char as_of[9], *suggestion = NULL;
	int rc;

	*out = NULL;
	if (req->as_of) {
		if (vb_date_bound(req->as_of, strlen(req->as_of), 0, as_of)) {
			vb_buf_addf(err, "invalid date '%s' for as-of: use YYYY, YYYY-MM or YYYY-MM-DD",
				    req->as_of);
			json_decref(res);
			return VB_API_BAD_REQUEST;
		}
	} else {
		today(as_of);
	}
	json_object_set_new(res, "query", json_string(text));
	json_object_set_new(res, "searched", json_string(text));
	json_object_set_new(res, "offset", json_integer(req->offset));
	json_object_set_new(res, "rank", json_string(req->rank_bm25 ? "bm25" : "verbatim"));
	rc = search_once(db, req, text, as_of, res, &suggestion, err);
	json_object_set_new(res, "suggestion",
			    suggestion ? json_string(suggestion) : json_null());
	/* Nothing matched but the spelling table knows better: search that
	 * (once), and say so. */
	if (rc == XAP_OK && suggestion &&
	    !json_integer_value(json_object_get(res, "total"))) {
		char *again = NULL;
		struct vb_buf ignored = VB_BUF_INIT;
		if (search_once(db, req, suggestion, as_of, res, &again, &ignored) == XAP_OK)
			json_object_set_new(res, "searched", json_string(suggestion));
		vb_buf_release(&ignored);
		free(again);
	}
	free(suggestion);
	if (rc != XAP_OK) {
		json_decref(res);
		return vb_api_status_of_xap(rc);
	}
	vb_mark_duplicates(json_object_get(res, "results"), 0);
	*out = res;
	return VB_API_OK;
}
