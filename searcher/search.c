/* search.c: a query in, ranked passages with snippets out, as JSON. */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "schema.h"
#include "snippet.h"

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
		xap_doc *d = NULL;
		char *data = NULL;
		size_t dlen = 0;
		if (xap_mset_document(ms, i, &d, &xe) ||
		    xap_doc_get_data(d, &data, &dlen, &xe)) {
			xap_doc_free(d);
			vb_buf_addf(err, "cannot read result %u: %s", i + 1, xe.message);
			rc = xe.status;
			goto out;
		}
		xap_doc_free(d);
		json_t *obj = json_loadb(data, dlen, 0, NULL);
		free(data);
		if (!obj)
			continue;   /* not ours: written by another tool */
		vb_db_add_doc_meta(db, obj);
		const char *ptext = vb_json_str(obj, "text");
		if (vb_snippet_make(hl, ptext, strlen(ptext), vb_json_str(obj, "lang"),
				    (size_t)req->snippet, &snip, err) < 0) {
			json_decref(obj);
			rc = XAP_ERR_OTHER;
			goto out;
		}
		json_array_append_new(results,
			result_object((unsigned)req->offset + i + 1,
				      xap_mset_weight(ms, i), obj, &snip));
		json_decref(obj);
	}
out:
	vb_highlighter_free(hl);
	vb_snippet_release(&snip);
	xap_mset_free(ms);
	xap_enquire_free(enq);
	return rc;
}

int vb_search_run(const xap_db *db, const struct vb_search_req *req,
		  json_t **out, struct vb_buf *err)
{
	struct vb_parsed_query pq;
	json_t *res = json_object();
	const char *text = req->text ? req->text : "";
	int rc;

	*out = NULL;
	memset(&pq, 0, sizeof(pq));
	json_object_set_new(res, "query", json_string(text));
	json_object_set_new(res, "searched", json_string(text));
	json_object_set_new(res, "offset", json_integer(req->offset));
	rc = vb_query_build(db, text, &req->q, &pq, err);
	if (rc == XAP_OK)
		rc = collect(db, req, &pq, res, err);
	json_object_set_new(res, "suggestion",
			    pq.suggestion ? json_string(pq.suggestion) : json_null());
	/* Nothing matched but the spelling table knows better: search that
	 * (once), and say so. */
	if (rc == XAP_OK && pq.suggestion &&
	    !json_integer_value(json_object_get(res, "total"))) {
		struct vb_parsed_query alt;
		memset(&alt, 0, sizeof(alt));
		if (vb_query_build(db, pq.suggestion, &req->q, &alt, err) == XAP_OK &&
		    collect(db, req, &alt, res, err) == XAP_OK)
			json_object_set_new(res, "searched", json_string(pq.suggestion));
		vb_buf_reset(err);
		vb_parsed_query_release(&alt);
	}
	vb_parsed_query_release(&pq);
	if (rc != XAP_OK) {
		json_decref(res);
		return vb_api_status_of_xap(rc);
	}
	*out = res;
	return VB_API_OK;
}
