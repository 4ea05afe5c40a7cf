/* quotes.c: quotes and speakers read from the passages that hold them. */
#include "quotes.h"

#include <ctype.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db.h"
#include "dups.h"
#include "schema.h"
#include "snippet.h"
#include "util/strset.h"

/* ' +speaker:"John Smith"': all the words of a name (or what an alias
 * stands for: see emit_field_group in query.c). */
static void add_field_words(struct vb_buf *q, const char *field, const char *name)
{
	vb_buf_addf(q, " +%s:\"", field);
	for (const char *p = name; *p; p++)
		vb_buf_addch(q, *p == '"' ? ' ' : *p);
	vb_buf_addch(q, '"');
}

/* Do all the words of `want` (space-separated) occur in `have`? */
static int has_all_words(const char *have, const char *want)
{
	char *copy = vb_strdup(want);
	int ok = 1;
	for (char *w = strtok(copy, " \t\""); w && ok; w = strtok(NULL, " \t\""))
		ok = strcasestr(have, w) != NULL;
	free(copy);
	return ok;
}

/* What a walk over the quotes of matching passages keeps. */
struct quote_filter {
	const char *speaker, *org, *kind;
};

/* Is a quote of this passage one the request asks for? */
static int quote_wanted(const struct quote_filter *f, json_t *entry, int single_speaker)
{
	json_t *sp = json_object_get(entry, "speaker");
	if (f->kind && strcmp(vb_json_str(entry, "kind"), f->kind))
		return 0;
	if ((f->speaker || f->org) && !sp)
		return 0;
	/* The passage matched the speaker and organisation fields; with
	 * several speakers in it, keep only the quotes of the one asked
	 * for (names given as an alias are trusted to the passage). */
	if (!single_speaker && f->speaker &&
	    !has_all_words(vb_json_str(sp, "name"), f->speaker))
		return 0;
	if (!single_speaker && f->org && !has_all_words(vb_json_str(sp, "org"), f->org))
		return 0;
	return 1;
}

/* Called with each quote kept, its passage's weight and its rank (from 1). */
typedef void (*quote_fn)(json_t *q, double weight, unsigned rank, void *ud);

struct quote_walk {
	const char *text;             /* the passage query */
	const struct vb_query_opts *q;
	struct quote_filter filter;
	int by_date;
	/* Whose words must answer the query: nobody's, each quote's own, or
	 * the passage's (the quotes of passages about the words). */
	enum { CHECK_NONE, CHECK_QUOTE, CHECK_PASSAGE } check_words;
	unsigned first, max;          /* quotes first..first+max-1 go to fn */
	quote_fn fn;
	void *ud;
	unsigned shown, total;        /* total: all of them when max is 0 */
	int exhausted;                /* every match was read */
	struct vb_doc_records recs;   /* records of the quotes' documents */
};

/* The number of distinct speakers among a passage's quotes. */
static size_t speaker_count(json_t *list)
{
	size_t k, n = 0;
	json_t *entry;
	const char *prev = NULL;
	json_array_foreach(list, k, entry) {
		const char *key = vb_json_str(json_object_get(entry, "speaker"), "key");
		if (!prev || strcmp(prev, key))
			n++;
		prev = key;
	}
	return n;
}

/* Do the words of `text` (a quote's, or its passage's) answer the query? */
static bool answers(struct vb_highlighter *hl, const char *text, json_t *passage,
		    struct vb_snippet *snip, struct vb_buf *scratch)
{
	if (!text)
		return false;
	vb_buf_reset(scratch);
	return vb_snippet_make(hl, text, strlen(text), vb_json_str(passage, "lang"),
			       strlen(text) + 1, snip, scratch) >= 0 &&
	       snip->highlights.n;
}

/* Give the wanted quotes of one passage to w->fn. */
static void walk_passage(const xap_db *db, struct quote_walk *w, json_t *passage,
			 double weight, struct vb_highlighter *hl,
			 const struct vb_parsed_query *pq, struct vb_snippet *snip)
{
	json_t *list = json_object_get(passage, "quotes"), *entry;
	int single = speaker_count(list) <= 1;
	struct vb_buf scratch = VB_BUF_INIT;
	bool check = hl && pq->nterms + pq->nwildcards;
	size_t k;

	if (check && w->check_words == CHECK_PASSAGE &&
	    !answers(hl, vb_json_str(passage, "text"), passage, snip, &scratch)) {
		vb_buf_release(&scratch);
		return;
	}
	json_array_foreach(list, k, entry) {
		if (!quote_wanted(&w->filter, entry, single))
			continue;
		if (check && w->check_words == CHECK_QUOTE &&
		    !answers(hl, vb_json_str(entry, "text"), passage, snip, &scratch))
			continue;
		w->total++;
		if (w->total <= w->first || w->shown >= w->max)
			continue;
		json_t *q = vb_quote_object(passage, entry);
		vb_db_add_doc_meta(db, q, &w->recs);
		w->fn(q, weight, w->total, w->ud);
		json_decref(q);
		w->shown++;
	}
	vb_buf_release(&scratch);
}

/* One page of up to 200 matching passages from `from`; *got says how many. */
static int walk_page(const xap_db *db, xap_enquire *enq, struct quote_walk *w,
		     unsigned from, unsigned *got, struct vb_highlighter *hl,
		     const struct vb_parsed_query *pq, struct vb_snippet *snip,
		     struct vb_buf *err)
{
	xap_mset *ms = NULL;
	xap_error xe;
	if (xap_enquire_get_mset(enq, from, 200, from + 200, &ms, &xe)) {
		vb_buf_adds(err, xe.message);
		return xe.status;
	}
	*got = xap_mset_size(ms);
	for (unsigned i = 0; i < *got; i++) {
		xap_doc *d = NULL;
		char *data = NULL;
		size_t len = 0;
		json_t *passage = NULL;
		if (!xap_mset_document(ms, i, &d, &xe) &&
		    !xap_doc_get_data(d, &data, &len, &xe))
			passage = vb_data_json(data, len);
		free(data);
		xap_doc_free(d);
		if (passage)
			walk_passage(db, w, passage, xap_mset_weight(ms, i), hl, pq, snip);
		json_decref(passage);
	}
	xap_mset_free(ms);
	return XAP_OK;
}

/*
 * Passages hold their quotes (in their data, with quote:, speaker:, org:,
 * kind: and has: terms), so the query runs over passages, by relevance or
 * by date, and each matching passage gives the quotes of the asked
 * speaker, organisation and kind; with query words, only those whose own
 * words answer the query.  Returns an xap_status with a message in `err`.
 */
static int walk_quotes(const xap_db *db, struct quote_walk *w, struct vb_buf *err)
{
	struct vb_parsed_query pq;
	struct vb_highlighter *hl = NULL;
	struct vb_snippet snip;
	xap_enquire *enq = NULL;
	xap_error xe;
	unsigned from = 0, got = 0;
	int rc;

	memset(&pq, 0, sizeof(pq));
	vb_snippet_init(&snip);
	w->shown = w->total = 0;
	w->exhausted = 0;
	rc = vb_query_build(db, w->text, w->q, &pq, err);
	if (rc)
		goto out;
	if (w->check_words)
		hl = vb_highlighter_new(pq.terms, pq.nterms, pq.wildcards, pq.nwildcards);
	if (xap_enquire_new(&enq, db, &xe) || xap_enquire_set_query(enq, pq.query, &xe) ||
	    (w->by_date && xap_enquire_sort_by_value(enq, VB_SLOT_DATE, 0, &xe))) {
		vb_buf_adds(err, xe.message);
		rc = xe.status;
		goto out;
	}
	do {
		rc = walk_page(db, enq, w, from, &got, hl, &pq, &snip, err);
		from += got;
		/* A count (max 0) reads every match; a page stops when full. */
	} while (!rc && got == 200 && (w->max == 0 || w->shown < w->max));
	w->exhausted = !rc && got < 200;
out:
	vb_doc_records_release(&w->recs);
	vb_highlighter_free(hl);
	vb_snippet_release(&snip);
	xap_enquire_free(enq);
	vb_parsed_query_release(&pq);
	return rc;
}

/* A quote as `quotes --json` prints it. */
static json_t *quote_item(json_t *q, double weight)
{
	json_t *o = json_object();
	static const char *const keys[] = { "id", "text", "quote_kind", "cue", "speaker",
					    "doc", "passage", "paragraph", "start", "end",
					    "spans", "date", "title", "source", "url",
					    "type", "lang", NULL };
	for (size_t i = 0; keys[i]; i++) {
		json_t *v = json_object_get(q, keys[i]);
		const char *name = !strcmp(keys[i], "quote_kind") ? "kind"
				   : !strcmp(keys[i], "doc") ? "doc_id" : keys[i];
		json_object_set(o, name, v ? v : json_null());
	}
	json_object_set_new(o, "score", json_real(weight));
	return o;
}

static void add_item(json_t *q, double weight, unsigned rank, void *ud)
{
	(void)rank;
	json_array_append_new(ud, quote_item(q, weight));
}

static int has_words(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t')
			return 1;
	return 0;
}

/*
 * No quotes of "brakley": the spelling table's word for each word of the
 * name, as "speaker_suggestion" in the response ("brackley"), when one
 * differs.
 */
static void suggest_speaker(const xap_db *db, const char *speaker, json_t *res)
{
	struct vb_buf out = VB_BUF_INIT, word = VB_BUF_INIT;
	bool changed = false;
	for (const char *p = speaker; *p;) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		if (e == p)
			break;
		vb_buf_reset(&word);
		for (const char *c = p; c < e; c++)
			vb_buf_addch(&word, (char)((*c >= 'A' && *c <= 'Z') ? *c + 32 : *c));
		char *sugg = NULL;
		xap_error xe;
		if (out.len)
			vb_buf_addch(&out, ' ');
		if (!xap_db_spelling_suggestion(db, word.buf, 2, &sugg, &xe) && sugg &&
		    strcmp(sugg, word.buf)) {
			vb_buf_adds(&out, sugg);
			changed = true;
		} else {
			vb_buf_adds(&out, word.buf);
		}
		free(sugg);
		p = e;
	}
	if (changed)
		json_object_set_new(res, "speaker_suggestion", json_string(out.buf));
	vb_buf_release(&out);
	vb_buf_release(&word);
}

int vb_quotes_run(const xap_db *db, const struct vb_quotes_req *req,
		  json_t **out, struct vb_buf *err)
{
	struct vb_buf text = VB_BUF_INIT;
	json_t *results = json_array();
	int has_query = has_words(req->text);
	int rc;

	*out = NULL;
	if (req->kind && strcmp(req->kind, "direct") && strcmp(req->kind, "partial") &&
	    strcmp(req->kind, "indirect")) {
		vb_buf_addf(err, "kind takes direct, partial or indirect, not '%s'", req->kind);
		json_decref(results);
		return VB_API_BAD_REQUEST;
	}
	/* In parentheses, so that "a OR b" stays one clause beside the
	 * required speaker and organisation. */
	if (has_query)
		vb_buf_addf(&text, "(%s)", req->text);
	if (req->speaker)
		add_field_words(&text, "speaker", req->speaker);
	if (req->org)
		add_field_words(&text, "org", req->org);
	/* Passages that hold a quote, of the asked speaker, organisation
	 * and kind (their quotes are then sorted out one by one). */
	vb_buf_adds(&text, " has:quote");
	if (req->kind)
		vb_buf_addf(&text, " kind:%s", req->kind);

	struct quote_walk w = {
		.text = text.buf, .q = &req->q,
		.filter = { req->speaker, req->org, req->kind },
		.by_date = req->sort == VB_QUOTES_SORT_DATE ||
			   (req->sort == VB_QUOTES_SORT_AUTO && !has_query),
		.check_words = has_query ? CHECK_QUOTE : CHECK_NONE,
		.first = (unsigned)req->offset, .max = (unsigned)req->limit,
		.fn = add_item, .ud = results,
	};
	struct vb_buf msg = VB_BUF_INIT;
	rc = walk_quotes(db, &w, &msg);
	/* No quote says the words ("what did IAPA say about the tariff",
	 * when its quotes say "this measure"): the quotes of the passages
	 * that do, marked as such. */
	bool in_context = false;
	if (!rc && has_query && !w.total) {
		w.check_words = CHECK_PASSAGE;
		rc = walk_quotes(db, &w, &msg);
		in_context = w.total > 0;
	}
	if (rc == XAP_ERR_QUERY)
		vb_buf_addf(err, "bad query '%s': %s", text.buf, msg.buf);
	else
		vb_buf_add(err, msg.buf, msg.len);
	vb_buf_release(&msg);
	if (rc) {
		json_decref(results);
		vb_buf_release(&text);
		return vb_api_status_of_xap(rc);
	}
	json_t *res = json_object();
	json_object_set_new(res, "query", json_string(text.buf));
	json_object_set_new(res, "total", json_integer(w.total));
	json_object_set_new(res, "exact", json_boolean(w.exhausted || !req->limit));
	json_object_set_new(res, "offset", json_integer(req->offset));
	if (in_context)
		json_object_set_new(res, "in_context", json_true());
	vb_mark_duplicates(results, 1);
	json_object_set_new(res, "results", results);
	if (!w.total && req->speaker)
		suggest_speaker(db, req->speaker, res);
	vb_buf_release(&text);
	*out = res;
	return VB_API_OK;
}

/* ---- speakers ----------------------------------------------------------- */

struct speaker_row {
	char *key, *name;
	unsigned quotes;
	struct vb_strset roles, orgs;
	char first[16], last[16];
	struct speaker_row *merged_into;
};

struct speaker_table {
	struct speaker_row *v;
	size_t n, alloc;
	json_t *index;            /* key -> row number: a large archive has many */
};

/*
 * A key without the legal form ending its organisation: "ines
 * kowalczyk|halden music group plc" is "ines kowalczyk|halden music
 * group" of another release.  (Keys stored in an index do not change, so
 * this is done here, where they are counted.)
 */
static void row_key(const char *key, struct vb_buf *out)
{
	static const char *const forms[] = {
		"plc", "inc", "ltd", "llc", "llp", "corp", "co", "gmbh", "ag", "sa",
		"nv", "bv", "limited", "incorporated", "corporation", "holdings", NULL,
	};
	vb_buf_reset(out);
	vb_buf_adds(out, key);
	const char *bar = strchr(out->buf, '|');
	if (!bar)
		return;
	size_t org0 = (size_t)(bar - out->buf) + 1;
	char *sp = strrchr(out->buf + org0, ' ');
	if (!sp)
		return;
	for (size_t i = 0; forms[i]; i++)
		if (!strcmp(sp + 1, forms[i])) {
			out->len = (size_t)(sp - out->buf);
			out->buf[out->len] = '\0';
			return;
		}
}

static struct speaker_row *row_for(struct speaker_table *t, const char *raw)
{
	struct vb_buf k = VB_BUF_INIT;
	row_key(raw, &k);
	const char *key = k.buf;
	if (!t->index)
		t->index = json_object();
	json_t *at = json_object_get(t->index, key);
	if (at) {
		vb_buf_release(&k);
		return &t->v[json_integer_value(at)];
	}
	VB_ALLOC_GROW(t->v, t->n + 1, t->alloc);
	json_object_set_new(t->index, key, json_integer((json_int_t)t->n));
	struct speaker_row *r = &t->v[t->n++];
	memset(r, 0, sizeof(*r));
	r->key = vb_buf_detach(&k, NULL);
	return r;
}

/* A date into a row's fixed buffer, cut to fit. */
static void copy_date(char *dst, size_t cap, const char *src)
{
	size_t n = strlen(src);
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static void collect_speaker(json_t *q, double weight, unsigned rank, void *ud)
{
	struct speaker_table *t = ud;
	json_t *sp = json_object_get(q, "speaker");
	(void)weight;
	(void)rank;
	if (!sp)
		return;
	struct speaker_row *r = row_for(t, vb_json_str(sp, "key"));
	r->quotes++;
	/* Spellings of one key differ in case or accents ("The minister",
	 * "the minister", "Muller", "Müller"): the greatest by bytes, so that
	 * the name shown does not depend on the order of the documents. */
	const char *name = vb_json_str(sp, "name");
	if (!r->name || strcmp(name, r->name) > 0) {
		free(r->name);
		r->name = vb_strdup(name);
	}
	if (*vb_json_str(sp, "role"))
		vb_strset_add(&r->roles, vb_json_str(sp, "role"));
	if (*vb_json_str(sp, "org"))
		vb_strset_add(&r->orgs, vb_json_str(sp, "org"));
	const char *date = vb_json_str(q, "date");
	if (*date) {
		if (!*r->first || strcmp(date, r->first) < 0)
			copy_date(r->first, sizeof(r->first), date);
		if (strcmp(date, r->last) > 0)
			copy_date(r->last, sizeof(r->last), date);
	}
}

/* The name part of a key ("john smith|acme" -> "john smith"). */
static size_t key_name_len(const char *key)
{
	const char *bar = strchr(key, '|');
	return bar ? (size_t)(bar - key) : strlen(key);
}

/*
 * Merge rows that are one person: a key without organisation into the only
 * key with the same name and an organisation; a surname alone into the
 * only full name ending with it.  Quotes where the document gave less
 * (no organisation, a surname) then count for the speaker they belong to.
 */
static void merge_into(struct speaker_row *r, struct speaker_row *target)
{
	size_t it = 0;
	const char *v;
	r->merged_into = target;
	target->quotes += r->quotes;
	while ((v = vb_strset_next(&r->roles, &it)))
		vb_strset_add(&target->roles, v);
	it = 0;
	while ((v = vb_strset_next(&r->orgs, &it)))
		vb_strset_add(&target->orgs, v);
	if (*r->first && (!*target->first || strcmp(r->first, target->first) < 0))
		memcpy(target->first, r->first, sizeof(r->first));
	if (strcmp(r->last, target->last) > 0)
		memcpy(target->last, r->last, sizeof(r->last));
}

/*
 * An organisation given only as a common noun ("the federation", "the
 * company"): as good as none for telling two people of one name apart.
 */
static int generic_org(const struct speaker_row *r)
{
	size_t it = 0, n = 0;
	const char *v;
	while ((v = vb_strset_next(&r->orgs, &it))) {
		n++;
		if (strncasecmp(v, "the ", 4) || strchr(v + 4, ' ') ||
		    (v[4] >= 'A' && v[4] <= 'Z'))
			return 0;
	}
	return n > 0;
}

/* Add row i under `name` (its first `len` bytes) in `map`, in row order. */
static void map_add(json_t *map, const char *name, size_t len, size_t i)
{
	char *k = vb_strndup(name, len);
	json_t *list = json_object_get(map, k);
	if (!list) {
		list = json_array();
		json_object_set_new(map, k, list);
	}
	json_array_append_new(list, json_integer((json_int_t)i));
	free(k);
}

/*
 * Merge rows that are one person, in two rounds.  First a key without
 * organisation (or with a generic one) goes into the only key with the
 * same name and an organisation.  Then a surname alone goes into the only full name ending
 * with it (its row with the most quotes).  Quotes where a document said
 * less (no organisation, a surname) then count for the speaker they
 * belong to.
 */
static void merge_rows(struct speaker_table *t)
{
	/* The candidates of each round, found by name rather than by a
	 * walk over every row: an archive has tens of thousands. */
	json_t *by_name = json_object(), *by_last = json_object();
	for (size_t j = 0; j < t->n; j++) {
		const char *key = t->v[j].key;
		size_t sl = key_name_len(key);
		if (key[sl] && key[sl + 1] && !generic_org(&t->v[j]))
			map_add(by_name, key, sl, j);
		const char *sp = memrchr(key, ' ', sl);
		if (sp)
			map_add(by_last, sp + 1, sl - (size_t)(sp + 1 - key), j);
	}
	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < t->n; i++) {
			struct speaker_row *r = &t->v[i];
			size_t nl = key_name_len(r->key);
			int bare = r->key[nl] == '\0' || r->key[nl + 1] == '\0' ||
				   generic_org(r);
			if (r->merged_into || (round == 0 && !bare) ||
			    (round == 1 && memchr(r->key, ' ', nl)))
				continue;
			char *name = vb_strndup(r->key, nl);
			json_t *cands = json_object_get(round == 0 ? by_name : by_last, name);
			free(name);
			struct speaker_row *target = NULL;
			const char *target_name = NULL;
			size_t target_len = 0, k;
			int ambiguous = 0;
			json_t *jv;
			json_array_foreach(cands, k, jv) {
				struct speaker_row *s = &t->v[json_integer_value(jv)];
				size_t sl = key_name_len(s->key);
				if (ambiguous)
					break;
				if (s == r || s->merged_into)
					continue;
				if (round == 0 && target) {
					ambiguous = 1;
				} else if (round == 1 && target_name &&
					   (sl != target_len || memcmp(s->key, target_name, sl))) {
					ambiguous = 1;   /* two different full names */
				} else if (!target || s->quotes > target->quotes) {
					target = s;
					target_name = s->key;
					target_len = sl;
				}
			}
			if (target && !ambiguous)
				merge_into(r, target);
		}
	}
	json_decref(by_name);
	json_decref(by_last);
}

static int by_quotes(const void *a, const void *b)
{
	const struct speaker_row *x = a, *y = b;
	if (x->quotes != y->quotes)
		return x->quotes < y->quotes ? 1 : -1;
	return strcmp(x->key, y->key);
}

static json_t *set_json(struct vb_strset *s)
{
	json_t *a = json_array();
	size_t it = 0;
	const char *v;
	while ((v = vb_strset_next(s, &it)))
		json_array_append_new(a, json_string(v));
	return a;
}

static void release_table(struct speaker_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].key);
		free(t->v[i].name);
		vb_strset_release(&t->v[i].roles);
		vb_strset_release(&t->v[i].orgs);
	}
	free(t->v);
	json_decref(t->index);
}

/* Do the words of `name` (space-separated) all occur in the row's name or key? */
static int row_has_name(const struct speaker_row *r, const char *name)
{
	char *copy = vb_strdup(name ? name : "");
	int ok = 1;
	for (char *w = strtok(copy, " \t"); w && ok; w = strtok(NULL, " \t"))
		ok = (r->name && strcasestr(r->name, w)) || strcasestr(r->key, w);
	free(copy);
	return ok;
}

/*
 * Is the speaker named: "Clayton Yeutter", "the Ministry", "Halden"; not
 * "analysts", "the spokesman", "A Wall Street analyst", whose quotes are
 * many people's under one word across documents.
 */
static bool row_named(const struct speaker_row *r)
{
	const char *n = r->name ? r->name : r->key;
	if (!strncasecmp(n, "a ", 2) || !strncasecmp(n, "an ", 3))
		return false;
	if (!strncasecmp(n, "the ", 4))
		n += 4;
	/* Chinese and other scripts without case are names. */
	return !(*n >= 'a' && *n <= 'z') && *n;
}

static json_t *speaker_item(struct speaker_row *r)
{
	json_t *j = json_object();
	json_object_set_new(j, "key", json_string(r->key));
	json_object_set_new(j, "name", json_string(r->name ? r->name : ""));
	json_object_set_new(j, "named", json_boolean(row_named(r)));
	json_object_set_new(j, "quotes", json_integer(r->quotes));
	json_object_set_new(j, "roles", set_json(&r->roles));
	json_object_set_new(j, "orgs", set_json(&r->orgs));
	json_object_set_new(j, "first", *r->first ? json_string(r->first) : json_null());
	json_object_set_new(j, "last", *r->last ? json_string(r->last) : json_null());
	return j;
}

/*
 * The passages to read for speakers named with the words of `name` and of
 * `more` (surnames): "has:speaker" and, with words, any of them as a
 * speaker's or organisation's word.  Words are letters and digits only, so
 * that nothing in a name is read as query syntax.
 */
static void speakers_query(const char *name, const char *more, struct vb_buf *out)
{
	vb_buf_reset(out);
	vb_buf_adds(out, "has:speaker");
	size_t mark = out->len;
	vb_buf_adds(out, " AND (");
	bool any = false;
	const char *parts[2] = { name, more };
	for (int p = 0; p < 2; p++)
		for (const char *c = parts[p] ? parts[p] : ""; *c;) {
			while (*c && !isalnum((unsigned char)*c) && !((unsigned char)*c & 0x80))
				c++;
			const char *e = c;
			while (*e && (isalnum((unsigned char)*e) || ((unsigned char)*e & 0x80)))
				e++;
			if (e == c)
				break;
			/* The word (stemmed as indexed) and its beginning. */
			int n = (int)(e - c);
			vb_buf_addf(out, "%sspeaker:%.*s OR speaker:%.*s* OR org:%.*s OR org:%.*s*",
				    any ? " OR " : "", n, c, n, c, n, c, n, c);
			any = true;
			c = e;
		}
	if (any) {
		vb_buf_addch(out, ')');
	} else {
		out->len = mark;
		out->buf[mark] = '\0';
	}
}

int vb_speakers_run(const xap_db *db, const struct vb_speakers_req *req,
		    json_t **out, struct vb_buf *err)
{
	struct vb_query_opts q = { 0 };
	struct speaker_table t = { 0 };
	struct vb_buf text = VB_BUF_INIT;
	/* Names are matched after merging, so that "owen brackley" also
	 * counts the quotes that said "Brackley".  Without a name: every
	 * quote with a speaker.  With one: only the passages whose speakers
	 * or their organisations have one of its words, then once more with
	 * the surnames of the speakers found (the quotes that gave only the
	 * surname merge into them), so that a name costs no walk over an
	 * archive's every quote, and counts what the whole walk would. */
	speakers_query(req->name, NULL, &text);
	struct quote_walk w = {
		.text = text.buf, .q = &q, .first = 0, .max = 0xFFFFFFFFu,
		.fn = collect_speaker, .ud = &t,
	};
	int rc = walk_quotes(db, &w, err);
	if (!rc && req->name && *req->name) {
		struct vb_buf more = VB_BUF_INIT;
		for (size_t i = 0; i < t.n; i++)
			if (row_has_name(&t.v[i], req->name)) {
				const char *key = t.v[i].key;
				size_t nl = key_name_len(key);
				const char *sp = memrchr(key, ' ', nl);
				const char *last = sp ? sp + 1 : key;
				vb_buf_addch(&more, ' ');
				vb_buf_add(&more, last, nl - (size_t)(last - key));
			}
		if (more.len) {
			release_table(&t);
			memset(&t, 0, sizeof(t));
			speakers_query(req->name, more.buf, &text);
			w.text = text.buf;
			rc = walk_quotes(db, &w, err);
		}
		vb_buf_release(&more);
	}
	vb_buf_release(&text);

	*out = NULL;
	if (rc) {
		release_table(&t);
		return vb_api_status_of_xap(rc);
	}
	merge_rows(&t);
	if (t.n > 1)
		qsort(t.v, t.n, sizeof(t.v[0]), by_quotes);
	json_t *results = json_array();
	size_t total = 0, unnamed = 0, unnamed_quotes = 0;
	for (size_t i = 0; i < t.n; i++) {
		struct speaker_row *r = &t.v[i];
		if (r->merged_into || !row_has_name(r, req->name))
			continue;
		if (!req->all && !row_named(r)) {
			unnamed++;
			unnamed_quotes += r->quotes;
			continue;
		}
		if (req->limit < 0 || total < (size_t)req->limit)
			json_array_append_new(results, speaker_item(r));
		total++;
	}
	release_table(&t);
	json_t *res = json_object();
	json_object_set_new(res, "total", json_integer((json_int_t)total));
	json_object_set_new(res, "unnamed",
			    json_pack("{s:I, s:I}", "speakers", (json_int_t)unnamed,
				      "quotes", (json_int_t)unnamed_quotes));
	json_object_set_new(res, "results", results);
	*out = res;
	return VB_API_OK;
}
