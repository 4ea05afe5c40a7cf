/* verify.c: finding a remembered quote in the index by word alignment over candidate passages. */
#include "verify.h"

#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "db.h"
#include "schema.h"
#include "search.h"
#include "text/text.h"

/* Candidate passages aligned per quote. */
#define CANDIDATES 30
/* Words of a passage aligned at most (passages hold up to ~4000 bytes). */
#define MAX_PASSAGE_WORDS 5000

/* ---- alignment --------------------------------------------------------- */

static void add_step(struct vb_alignment *a, enum vb_align_op op, size_t q, size_t p)
{
	VB_ALLOC_GROW(a->steps, a->nsteps + 1, a->alloc);
	a->steps[a->nsteps].op = op;
	a->steps[a->nsteps].q = q;
	a->steps[a->nsteps].p = p;
	a->nsteps++;
}

void vb_align_words(const char *const *q, size_t m, const char *const *p, size_t n,
		    struct vb_alignment *out)
{
	size_t w = n + 1;
	size_t *d = vb_malloc((m + 1) * w * sizeof(*d));
#define D(i, j) d[(i) * w + (j)]
	memset(out, 0, sizeof(*out));
	/* The window may start anywhere: no cost before it. */
	for (size_t j = 0; j <= n; j++)
		D(0, j) = 0;
	for (size_t i = 1; i <= m; i++) {
		D(i, 0) = i;
		for (size_t j = 1; j <= n; j++) {
			size_t best = D(i - 1, j - 1) + (strcmp(q[i - 1], p[j - 1]) != 0);
			if (D(i - 1, j) + 1 < best)
				best = D(i - 1, j) + 1;
			if (D(i, j - 1) + 1 < best)
				best = D(i, j - 1) + 1;
			D(i, j) = best;
		}
	}
	/* ... and end anywhere: the cheapest end, the earliest of equals. */
	size_t end = 0;
	for (size_t j = 1; j <= n; j++)
		if (D(m, j) < D(m, end))
			end = j;
	out->cost = D(m, end);
	out->end = end;
	size_t i = m, j = end;
	while (i > 0) {
		if (j > 0 && !strcmp(q[i - 1], p[j - 1]) && D(i, j) == D(i - 1, j - 1)) {
			add_step(out, VB_ALIGN_EQUAL, i - 1, j - 1);
			out->equal++;
			i--, j--;
		} else if (j > 0 && D(i, j) == D(i - 1, j - 1) + 1) {
			/* A word replaced: the original's, then the query's
			 * (reversed below). */
			add_step(out, VB_ALIGN_INSERT, 0, j - 1);
			add_step(out, VB_ALIGN_DELETE, i - 1, 0);
			i--, j--;
		} else if (D(i, j) == D(i - 1, j) + 1) {
			add_step(out, VB_ALIGN_DELETE, i - 1, 0);
			i--;
		} else {
			add_step(out, VB_ALIGN_INSERT, 0, j - 1);
			j--;
		}
	}
	out->start = j;
	for (size_t a = 0, b = out->nsteps; b > a + 1; a++, b--) {
		struct vb_align_step t = out->steps[a];
		out->steps[a] = out->steps[b - 1];
		out->steps[b - 1] = t;
	}
#undef D
	free(d);
}

void vb_alignment_release(struct vb_alignment *a)
{
	free(a->steps);
	memset(a, 0, sizeof(*a));
}

double vb_align_similarity(const struct vb_alignment *a, size_t m)
{
	size_t total = m + (a->end - a->start);
	return total ? 2.0 * (double)a->equal / (double)total : 0.0;
}

/* ---- words ------------------------------------------------------------- */

/* Words of a text, normalized for comparison, with their byte spans. */
struct words {
	struct vb_tokens tokens;
	char **norm;
	size_t n;
};

static void words_release(struct words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->norm[i]);
	free(w->norm);
	vb_tokens_release(&w->tokens);
	memset(w, 0, sizeof(*w));
}

/* Case folded, NFKC, apostrophe look-alikes unified; the tokenizer has
 * already dropped punctuation and quotation marks. */
static int words_of(vb_tokenizer *tk, const char *text, size_t max, struct words *w,
		    struct vb_buf *err)
{
	struct vb_buf b = VB_BUF_INIT;
	memset(w, 0, sizeof(*w));
	if (vb_words(tk, text, strlen(text), &w->tokens, err) < 0)
		return -1;
	size_t n = w->tokens.n < max ? w->tokens.n : max;
	w->norm = vb_calloc(n ? n : 1, sizeof(*w->norm));
	for (size_t i = 0; i < n; i++) {
		struct vb_token *t = &w->tokens.v[i];
		vb_buf_reset(&b);
		if (vb_normalize(text + t->start, t->end - t->start, &b, NULL) < 0) {
			vb_buf_reset(&b);
			vb_buf_add(&b, text + t->start, t->end - t->start);
		}
		w->norm[w->n++] = vb_strdup(b.buf);
	}
	vb_buf_release(&b);
	return 0;
}

/* ---- matches ----------------------------------------------------------- */

/* Merge a step into the ops: runs of one op become one entry. */
static void add_op(json_t *ops, const char *op, const char *text, size_t start, size_t end,
		   size_t *run_start, const char **run_op, const char **run_text)
{
	json_t *last = json_array_get(ops, json_array_size(ops) - 1);
	if (last && !strcmp(*run_op, op) && *run_text == text) {
		json_object_set_new(last, "text", json_stringn(text + *run_start, end - *run_start));
		return;
	}
	json_array_append_new(ops, json_pack("{s:s,s:s%}", "op", op, "text",
					     text + start, end - start));
	*run_start = start;
	*run_op = op;
	*run_text = text;
}

static json_t *alignment_ops(const struct vb_alignment *a, const char *query,
			     const struct words *qw, const char *ptext,
			     const struct words *pw)
{
	json_t *ops = json_array();
	size_t run_start = 0;
	const char *run_op = "", *run_text = NULL;
	for (size_t i = 0; i < a->nsteps; i++) {
		const struct vb_align_step *s = &a->steps[i];
		if (s->op == VB_ALIGN_DELETE)
			add_op(ops, "delete", query, qw->tokens.v[s->q].start,
			       qw->tokens.v[s->q].end, &run_start, &run_op, &run_text);
		else
			add_op(ops, s->op == VB_ALIGN_EQUAL ? "equal" : "insert", ptext,
			       pw->tokens.v[s->p].start, pw->tokens.v[s->p].end,
			       &run_start, &run_op, &run_text);
	}
	return ops;
}

/* The quote of the passage that overlaps bytes [start, end) of the file. */
static json_t *overlapping_quote(json_t *passage, json_int_t start, json_int_t end)
{
	json_t *e;
	size_t i;
	json_array_foreach(json_object_get(passage, "quotes"), i, e) {
		json_int_t qs = json_integer_value(json_object_get(e, "start"));
		json_int_t qe = json_integer_value(json_object_get(e, "end"));
		if (qs < end && start < qe)
			return e;
	}
	return NULL;
}

struct candidate {
	json_t *result;           /* the search result (borrowed) */
	struct vb_alignment a;
	double similarity;
	char *key;                /* normalized words of the window */
};

static json_t *source_object(json_t *r, json_int_t start, json_int_t end)
{
	json_t *s = json_object();
	static const char *const keys[] = { "doc_id", "title", "date", "source", "url",
					    "type", NULL };
	for (size_t i = 0; keys[i]; i++) {
		json_t *v = json_object_get(r, keys[i]);
		json_object_set(s, keys[i], v ? v : json_null());
	}
	json_object_set(s, "passage", json_object_get(r, "id"));
	json_object_set_new(s, "paragraph", json_integer(vb_passage_paragraph_at(r, start)));
	json_object_set_new(s, "start", json_integer(start));
	json_object_set_new(s, "end", json_integer(end));
	return s;
}

static int by_date(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	const char *dx = vb_json_str(x, "date"), *dy = vb_json_str(y, "date");
	/* Undated sources last. */
	if (!*dx != !*dy)
		return *dx ? -1 : 1;
	int c = strcmp(dx, dy);
	return c ? c : strcmp(vb_json_str(x, "doc_id"), vb_json_str(y, "doc_id"));
}

static void sort_sources(json_t *sources)
{
	size_t n = json_array_size(sources);
	json_t **v = vb_calloc(n ? n : 1, sizeof(*v));
	for (size_t i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(sources, i));
	qsort(v, n, sizeof(*v), by_date);
	json_array_clear(sources);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(sources, v[i]);
	free(v);
}

struct verify_state {
	const xap_db *db;
	vb_tokenizer *tk;
	const char *query;
	struct words qw;
	double threshold;
	json_t *matches;          /* array being built */
	json_t *by_key;           /* window words -> match */
};

/* Align the quote in one candidate passage and add it to its match. */
static int align_candidate(struct verify_state *vs, json_t *r, struct vb_buf *err)
{
	const char *ptext = vb_json_str(r, "text");
	struct words pw;
	struct vb_alignment a;
	if (words_of(vs->tk, ptext, MAX_PASSAGE_WORDS, &pw, err) < 0)
		return VB_API_ERROR;
	if (!pw.n) {
		words_release(&pw);
		return VB_API_OK;
	}
	vb_align_words((const char *const *)vs->qw.norm, vs->qw.n,
		       (const char *const *)pw.norm, pw.n, &a);
	double sim = vb_align_similarity(&a, vs->qw.n);
	if (sim < vs->threshold || a.end <= a.start)
		goto out;
	struct vb_buf key = VB_BUF_INIT;
	for (size_t i = a.start; i < a.end; i++)
		vb_buf_addf(&key, "%s%s", i > a.start ? " " : "", pw.norm[i]);
	size_t bs = pw.tokens.v[a.start].start, be = pw.tokens.v[a.end - 1].end;
	json_int_t base = json_integer_value(json_object_get(r, "start"));
	json_t *src = source_object(r, base + (json_int_t)bs, base + (json_int_t)be);
	json_t *m = json_object_get(vs->by_key, key.buf);
	if (!m) {
		m = json_object();
		json_object_set_new(m, "text", json_stringn(ptext + bs, be - bs));
		json_object_set_new(m, "similarity", json_real((double)(long)(sim * 1000 + 0.5) / 1000));
		json_object_set_new(m, "exact", json_boolean(a.cost == 0));
		json_object_set_new(m, "ops", alignment_ops(&a, vs->query, &vs->qw, ptext, &pw));
		json_object_set_new(m, "speaker", json_null());
		json_object_set_new(m, "quote_id", json_null());
		json_object_set_new(m, "sources", json_array());
		json_array_append(vs->matches, m);
		json_object_set_new(vs->by_key, key.buf, m);
	}
	vb_buf_release(&key);
	/* Who said it, here: the quote record this wording falls in. */
	json_t *passage = NULL, *sp = NULL, *q = NULL;
	xap_error xe;
	if (!vb_db_lookup(vs->db, VB_PREFIX_UID, vb_json_str(r, "id"), &passage, &xe) && passage) {
		q = overlapping_quote(passage, json_integer_value(json_object_get(src, "start")),
				      json_integer_value(json_object_get(src, "end")));
		sp = json_object_get(q, "speaker");
	}
	json_object_set_new(src, "speaker", sp ? json_pack("{s:s,s:s,s:s}",
		"name", vb_json_str(sp, "name"), "role", vb_json_str(sp, "role"),
		"org", vb_json_str(sp, "org")) : json_null());
	json_object_set(src, "quote_id", sp ? json_object_get(q, "id") : json_null());
	json_decref(passage);
	json_array_append_new(json_object_get(m, "sources"), src);
out:
	vb_alignment_release(&a);
	words_release(&pw);
	return VB_API_OK;
}

/* A query over the quote's words, any of them (BM25 ranks passages with
 * more first); words the parser would read as operators are left out. */
static void candidate_query(const struct words *qw, struct vb_buf *out)
{
	static const char *const ops[] = { "and", "or", "not", "xor", "near", "adj", NULL };
	for (size_t i = 0; i < qw->n; i++) {
		int op = 0;
		for (size_t k = 0; ops[k]; k++)
			op |= !strcmp(qw->norm[i], ops[k]);
		if (op || strpbrk(qw->norm[i], "\"():*+-"))
			continue;
		vb_buf_addf(out, "%s%s", out->len ? " " : "", qw->norm[i]);
	}
}

static int by_quality(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	double sx = json_real_value(json_object_get(x, "similarity"));
	double sy = json_real_value(json_object_get(y, "similarity"));
	if (sx != sy)
		return sx > sy ? -1 : 1;
	json_t *fx = json_array_get(json_object_get(x, "sources"), 0);
	json_t *fy = json_array_get(json_object_get(y, "sources"), 0);
	return by_date(&fx, &fy);
}

/* Sources earliest first in each match; matches best first. */
static void finish_matches(json_t *matches, long limit)
{
	size_t n = json_array_size(matches);
	json_t **v = vb_calloc(n ? n : 1, sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		json_t *src;
		size_t k;
		v[i] = json_incref(json_array_get(matches, i));
		sort_sources(json_object_get(v[i], "sources"));
		/* The speaker is the one the earliest source names. */
		json_array_foreach(json_object_get(v[i], "sources"), k, src) {
			if (json_is_object(json_object_get(src, "speaker"))) {
				json_object_set(v[i], "speaker", json_object_get(src, "speaker"));
				json_object_set(v[i], "quote_id", json_object_get(src, "quote_id"));
				break;
			}
		}
	}
	qsort(v, n, sizeof(*v), by_quality);
	json_array_clear(matches);
	for (size_t i = 0; i < n; i++) {
		if ((long)i < limit)
			json_array_append(matches, v[i]);
		json_decref(v[i]);
	}
	free(v);
}

int vb_verify_run(const xap_db *db, const struct vb_verify_req *req,
		  json_t **out, struct vb_buf *err)
{
	struct verify_state vs = { .db = db, .query = req->text ? req->text : "" };
	struct vb_buf qtext = VB_BUF_INIT;
	json_t *res = NULL, *r;
	size_t i;
	int rc = VB_API_OK;

	*out = NULL;
	vs.threshold = req->threshold > 0 ? req->threshold : VB_VERIFY_THRESHOLD;
	if (vb_tokenizer_new(&vs.tk, NULL, err) < 0)
		return VB_API_ERROR;
	if (words_of(vs.tk, vs.query, (size_t)-1, &vs.qw, err) < 0) {
		rc = VB_API_ERROR;
		goto out;
	}
	if (!vs.qw.n || vs.qw.n > VB_VERIFY_MAX_WORDS) {
		vb_buf_addf(err, vs.qw.n ? "the quote has %zu words; at most %d are verified"
				 : "no words to verify", vs.qw.n, VB_VERIFY_MAX_WORDS);
		rc = VB_API_BAD_REQUEST;
		goto out;
	}
	candidate_query(&vs.qw, &qtext);
	struct vb_search_req sreq = { .text = qtext.buf, .limit = CANDIDATES,
				      .snippet = 20, .q = req->q };
	if (qtext.len && (rc = vb_search_run(db, &sreq, &res, err)))
		goto out;
	vs.matches = json_array();
	vs.by_key = json_object();
	json_array_foreach(json_object_get(res, "results"), i, r)
		if ((rc = align_candidate(&vs, r, err)))
			goto out;
	finish_matches(vs.matches, req->limit > 0 ? req->limit : 5);
	json_t *best = json_array_get(vs.matches, 0);
	const char *verdict = !best ? "not_found"
			      : json_is_true(json_object_get(best, "exact")) ? "exact" : "near";
	*out = json_pack("{s:s,s:s,s:f,s:O}", "verdict", verdict, "query", vs.query,
			 "threshold", vs.threshold, "matches", vs.matches);
out:
	json_decref(vs.matches);
	json_decref(vs.by_key);
	json_decref(res);
	words_release(&vs.qw);
	vb_tokenizer_free(vs.tk);
	vb_buf_release(&qtext);
	return rc;
}
