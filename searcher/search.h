/* search.h: ranked passages for a query, as one JSON response (see api.h). */
#ifndef VB_SEARCH_H
#define VB_SEARCH_H

#include <jansson.h>

#include "api.h"
#include "query.h"
#include "util/buf.h"
#include "xapian/xap.h"

struct vb_search_req {
	const char *text;         /* the query as typed ("" with only filters) */
	long limit;               /* results wanted; 0 only counts */
	long offset;              /* results skipped */
	long per_doc;             /* at most this many passages per document; 0: any */
	long snippet;             /* snippet length in bytes */
	int sort_date;            /* newest first instead of by relevance */
	struct vb_query_opts q;   /* filters and how words match */
};

/*
 * Search.  The response:
 *   { "query": what was asked, "searched": what was searched (differs when
 *     nothing matched and the spelling table's suggestion was searched
 *     instead), "suggestion": "did you mean" or null, "total": passages
 *     matching (Xapian's estimate), "offset", "results": [ ... ] }
 * Each result: rank, id, doc_id, title, date, source, url, lang, type,
 * passage, paragraph, start, end, text, snippet, highlights ([start, end]
 * byte offsets into snippet), score.
 */
int vb_search_run(const xap_db *db, const struct vb_search_req *req,
		  json_t **out, struct vb_buf *err);

/* Highlights of a result ([[start, end], ...]) as spans; returns `out`. */
struct vb_spans *vb_search_highlights(json_t *result, struct vb_spans *out);

#endif
