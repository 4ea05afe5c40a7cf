/* search.h: ranked passages for a query, as one JSON response (see api.h). */
#ifndef VB_SEARCH_H
#define VB_SEARCH_H

#include <jansson.h>

#include "api.h"
#include "query.h"
#include "rank.h"
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
	int rank_bm25;            /* plain BM25: no query understanding, no signals */
	int explain;              /* each result's score taken apart ("explain") */
	int recent;               /* favour newer documents */
	const char *as_of;        /* YYYY[-MM[-DD]] that "last year" and --recent
				   * are relative to; NULL: today (UTC) */
};

/*
 * Search.  The response:
 *   { "query": what was asked, "searched": what was searched (differs when
 *     nothing matched and the spelling table's suggestion was searched
 *     instead), "suggestion": "did you mean" or null, "total": passages
 *     matching (Xapian's estimate), "offset", "rank": "verbatim" or "bm25",
 *     "understood": what the query was read to ask (understand.h's
 *     vb_understanding_json; null with rank_bm25), "results": [ ... ] }
 * Each result: rank, id, doc_id, title, date, source, url, lang, type,
 * passage, paragraph, start, end, text, snippet, highlights ([start, end]
 * byte offsets into snippet), score; with `explain` also "explain":
 * {bm25, entity, speaker, quote, date, recent, total} (rank.h), whose
 * total is the score.
 *
 * Ranking: BM25 over the query's words; when the query names people or
 * organisations the index knows, gives dates, asks for quotes, or
 * `recent` is set, the best passages are re-ranked with those signals
 * (rank.h, docs/ranking.md).  Otherwise the order is plain BM25's.
 */
int vb_search_run(const xap_db *db, const struct vb_search_req *req,
		  json_t **out, struct vb_buf *err);

/* Highlights of a result ([[start, end], ...]) as spans; returns `out`. */
struct vb_spans *vb_search_highlights(json_t *result, struct vb_spans *out);

#endif
