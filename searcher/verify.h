/* verify.h: where does a quote come from?  Exact, near (word alignment) or not found. */
#ifndef VB_VERIFY_H
#define VB_VERIFY_H

#include <stddef.h>

#include <jansson.h>

#include "api.h"
#include "query.h"
#include "util/buf.h"
#include "xapian/xap.h"

/* A near match has at least this similarity (see vb_align_similarity). */
#define VB_VERIFY_THRESHOLD 0.75
/* Longest quote verified, in words. */
#define VB_VERIFY_MAX_WORDS 300

struct vb_verify_req {
	const char *text;         /* the quote as remembered */
	double threshold;         /* near-match similarity; 0: VB_VERIFY_THRESHOLD */
	long limit;               /* matches reported (0: 5) */
	struct vb_query_opts q;   /* filters: dates, language */
};

/*
 * Find the quote.  Candidate passages come from a Xapian query over the
 * quote's words; in each, a word alignment (case, punctuation and the
 * kind of quotation marks and apostrophes ignored) finds the window of the
 * passage closest to the quote.  Response:
 *   { "verdict": "exact" | "near" | "not_found", "query", "threshold",
 *     "matches": [ { "text": the original wording, "similarity",
 *       "exact": bool, "ops": [ { "op": "equal" | "delete" | "insert",
 *       "text" } ] (delete: words of the query the original lacks; insert:
 *       words of the original the query lacks), "speaker": {name, role,
 *       org} or null and "quote_id" or null, from the earliest source that
 *       attributes the wording, "sources": [ { "doc_id",
 *       "title", "date", "source", "url", "type", "passage", "paragraph",
 *       "start", "end" (byte offsets of the wording in the source file),
 *       "speaker", "quote_id" (as that source has them) } ]
 *       earliest first } ] }, best match first; the same wording in
 * several documents is one match with several sources.
 */
int vb_verify_run(const xap_db *db, const struct vb_verify_req *req,
		  json_t **out, struct vb_buf *err);

/* ---- word alignment ---------------------------------------------------- */

enum vb_align_op {
	VB_ALIGN_EQUAL,     /* the same word in both */
	VB_ALIGN_DELETE,    /* a word of the query the original lacks */
	VB_ALIGN_INSERT,    /* a word of the original the query lacks */
};

struct vb_align_step {
	enum vb_align_op op;
	size_t q, p;              /* word indices (q unused for INSERT, p for DELETE) */
};

struct vb_alignment {
	size_t start, end;        /* the window of p's words, [start, end) */
	size_t cost;              /* word edits (a substitution is a delete and an insert's worth: 1) */
	size_t equal;             /* words equal in order */
	struct vb_align_step *steps;
	size_t nsteps, alloc;
};

/*
 * Align the words q[0..m) (the quote) against the best window of
 * p[0..n) (a passage): the classic edit-distance table, with the window's
 * start and end free.  Words compare with strcmp (normalize them first).
 * Fills `out` (release it with vb_alignment_release).
 */
void vb_align_words(const char *const *q, size_t m, const char *const *p, size_t n,
		    struct vb_alignment *out);
void vb_alignment_release(struct vb_alignment *a);
/* 2 * equal words / (quote words + window words): 1 for an exact match. */
double vb_align_similarity(const struct vb_alignment *a, size_t m);

#endif
