/* query.c: query words through the document analyzer, syntax through Xapian's parser. */
#include "query.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "index.h"
#include "extract/extract.h"
#include "db.h"
#include "schema.h"
#include "text/text.h"
#include "util/date.h"
#include "util/strset.h"
#include "util/usage.h"

#define DATE_FIELD "date"
/* Date ranges of whole years, at most this many, are read as the OR of
 * their year terms (xap_query_date_range): on the 300 MB benchmark index,
 * 16 years took 0.5 ms against 4.5 for the value range, 51 years 3.3
 * against 6.5, 81 years the same, 201 years 2.5 times longer. */
#define DATE_RANGE_MAX_YEARS 48
#define MAX_LANGS 16
#define MAX_WILDCARD_STEMS 32

int vb_query_option(struct vb_query_opts *q, int c, const char *arg)
{
	switch (c) {
	case 'S': q->since = arg; return 0;
	case 'U': q->until = arg; return 0;
	case 'l': q->lang = arg; return 0;
	default: return -1;
	}
}

int vb_query_opts_check(const struct vb_query_opts *q)
{
	if (vb_date_option("--since", q->since, 0) || vb_date_option("--until", q->until, 1))
		return VB_EXIT_USAGE;
	return 0;
}

void vb_parsed_query_release(struct vb_parsed_query *pq)
{
	xap_query_free(pq->query);
	for (size_t i = 0; i < pq->nterms; i++)
		free(pq->terms[i]);
	for (size_t i = 0; i < pq->nwildcards; i++)
		free(pq->wildcards[i]);
	free(pq->terms);
	free(pq->wildcards);
	free(pq->suggestion);
	free(pq->languages);
	memset(pq, 0, sizeof(*pq));
}

/* ---- rewriting ---------------------------------------------------------- */

/* A plain query word, remembered for "did you mean". */
struct plain_word {
	size_t start, end;       /* in the query text */
	char *norm;              /* normalized, unstemmed */
	char *term;              /* index term */
};

struct rewriter {
	const xap_db *db;
	const struct vb_aliases *aliases;   /* may be NULL */
	struct vb_analyzer *an;
	vb_tokenizer *tk;
	struct vb_parsed_query *pq;
	struct vb_strset seen_terms;
	/* Leave function words out of phrases: the index holds no position
	 * for them (schema 4, vb_schema_unpositioned). */
	bool drop_unpositioned;
	struct plain_word *words;   /* only collected on the first pass */
	size_t nwords, words_alloc;
	bool collect;
	struct vb_buf out, word, term;
	struct vb_tokens tokens;
	struct vb_buf *err;
};

static bool is_operator(const char *s, size_t n)
{
	static const char *const ops[] = { "AND", "OR", "NOT", "XOR", NULL };
	for (size_t i = 0; ops[i]; i++)
		if (strlen(ops[i]) == n && !memcmp(ops[i], s, n))
			return true;
	/* NEAR, ADJ, NEAR/5, ADJ/3 */
	for (size_t i = 0; i < 2; i++) {
		const char *op = i ? "ADJ" : "NEAR";
		size_t ol = strlen(op);
		if (n >= ol && !memcmp(s, op, ol)) {
			if (n == ol)
				return true;
			if (s[ol] != '/' || n == ol + 1)
				return false;
			for (size_t j = ol + 1; j < n; j++)
				if (!isdigit((unsigned char)s[j]))
					return false;
			return true;
		}
	}
	return false;
}

static const struct vb_field *find_field(const char *s, size_t n)
{
	for (const struct vb_field *f = vb_schema_fields; f->name; f++)
		if (strlen(f->name) == n && !memcmp(f->name, s, n))
			return f;
	return NULL;
}

static void add_highlight(struct rewriter *rw, const char *term, bool wildcard)
{
	struct vb_parsed_query *pq = rw->pq;
	vb_buf_reset(&rw->term);
	vb_buf_adds(&rw->term, wildcard ? "*" : "");
	vb_buf_adds(&rw->term, term);
	if (!vb_strset_add(&rw->seen_terms, rw->term.buf))
		return;
	if (wildcard) {
		VB_ALLOC_GROW(pq->wildcards, pq->nwildcards + 1, pq->wildcards_alloc);
		pq->wildcards[pq->nwildcards++] = vb_strdup(term);
	} else {
		VB_ALLOC_GROW(pq->terms, pq->nterms + 1, pq->terms_alloc);
		pq->terms[pq->nterms++] = vb_strdup(term);
	}
}

/*
 * Rewrite the words of q[start..end) (no spaces or quotes inside) into
 * analyzed forms.  `field_prefix` is "" for body text, or the index prefix
 * of a free-text field (title), which the highlighter ignores.
 */
struct stem_collect {
	const char *prefix;      /* "Z" + the typed prefix */
	size_t prefix_len;
	char **stems;
	size_t n, alloc;
};

static int collect_stem(const char *term, size_t len, unsigned freq, void *ud)
{
	struct stem_collect *c = ud;
	(void)freq;
	/* A stem that the typed prefix starts with: some word behind it may
	 * start with the prefix ("negoti" for "negotiat*"). */
	if (len < c->prefix_len && !memcmp(c->prefix, term, len)) {
		VB_ALLOC_GROW(c->stems, c->n + 1, c->alloc);
		c->stems[c->n++] = vb_strndup(term, len);
	}
	return c->n >= MAX_WILDCARD_STEMS;
}

/*
 * A trailing wildcard.  Xapian expands "word*" over the index's terms, but
 * the index holds stems, which may be shorter than the prefix typed
 * ("negotiations" is indexed as "negoti").  So stems that the prefix
 * starts with, at most three characters shorter, are added as
 * alternatives: "negotiat*" becomes (negotiat* OR negoti).
 */
static int emit_wildcard(struct rewriter *rw, bool in_phrase, bool plain)
{
	struct vb_buf prefix = VB_BUF_INIT;
	struct stem_collect c = { 0 };
	xap_error xe;
	int rc = 0;

	vb_buf_adds(&prefix, VB_PREFIX_STEM);
	vb_buf_add(&prefix, rw->word.buf, rw->word.len);
	if (plain)
		add_highlight(rw, prefix.buf, true);
	c.prefix = prefix.buf;
	c.prefix_len = prefix.len;
	if (!in_phrase && rw->word.len > 4) {
		/* Terms starting with the prefix less its last 3 bytes. */
		size_t cut = prefix.len - 3;
		while (cut > 1 && ((unsigned char)prefix.buf[cut] & 0xC0) == 0x80)
			cut--;
		char *head = vb_strndup(prefix.buf, cut);
		if (xap_db_allterms(rw->db, head, collect_stem, &c, &xe) < 0) {
			vb_buf_adds(rw->err, xe.message);
			rc = -1;
		}
		free(head);
	}
	if (c.n) {
		vb_buf_addf(&rw->out, "(%s*", rw->word.buf);
		for (size_t i = 0; i < c.n; i++) {
			vb_buf_addf(&rw->out, " OR %s", c.stems[i] + 1);
			if (plain)
				add_highlight(rw, c.stems[i], false);
			free(c.stems[i]);
		}
		vb_buf_addch(&rw->out, ')');
	} else {
		vb_buf_addf(&rw->out, "%s*", rw->word.buf);
	}
	free(c.stems);
	vb_buf_release(&prefix);
	return rc;
}

/* A plain word of the query q[start..end), for "did you mean": its
 * normalized form (rw->word) and its term. */
static void remember_word(struct rewriter *rw, size_t start, size_t end,
			  const char *term)
{
	VB_ALLOC_GROW(rw->words, rw->nwords + 1, rw->words_alloc);
	struct plain_word *pw = &rw->words[rw->nwords++];
	pw->start = start;
	pw->end = end;
	pw->norm = vb_strdup(rw->word.buf);
	pw->term = vb_strdup(term);
}

static int rewrite_words(struct rewriter *rw, const char *q, size_t start,
			 size_t end, bool plain, bool in_phrase)
{
	size_t pos = start;
	struct vb_buf stem = VB_BUF_INIT;

	rw->tokens.n = 0;
	if (vb_words(rw->tk, q + start, end - start, &rw->tokens, rw->err) < 0)
		return XAP_ERR_OTHER;
	for (size_t i = 0; i < rw->tokens.n; i++) {
		const struct vb_token *t = &rw->tokens.v[i];
		size_t ws = start + t->start, we = start + t->end;
		/* Copy what lies between words (hyphens, dots...) as is,
		 * but keep adjacent words (Chinese) apart. */
		if (ws > pos)
			vb_buf_add(&rw->out, q + pos, ws - pos);
		else if (i > 0)
			vb_buf_addch(&rw->out, ' ');
		pos = we;
		if (!vb_analyzer_word(rw->an, q + ws, we - ws, &rw->word))
			continue;
		if (we < end && q[we] == '*') {
			if (in_phrase) {
				vb_buf_addf(rw->err,
					    "a wildcard cannot be used inside a phrase ('%.*s*')",
					    (int)(we - ws), q + ws);
				vb_buf_release(&stem);
				return XAP_ERR_QUERY;
			}
			if (emit_wildcard(rw, in_phrase, plain) < 0) {
				vb_buf_release(&stem);
				return XAP_ERR_OTHER;
			}
			/* The '*' was written too. */
			pos = we + 1;
			continue;
		}
		vb_analyzer_stem_normalized(rw->an, rw->word.buf, rw->word.len,
					    t->kind, &stem);
		/* The parser adds the "Z" (default prefix) itself. */
		vb_buf_add(&rw->out, stem.buf + 1, stem.len - 1);
		if (!plain)
			continue;
		add_highlight(rw, stem.buf, false);
		if (rw->collect && t->kind == VB_TOK_WORD)
			remember_word(rw, ws, we, stem.buf);
	}
	if (end > pos)
		vb_buf_add(&rw->out, q + pos, end - pos);
	vb_buf_release(&stem);
	return 0;
}

static bool is_break(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' ||
	       c == '(' || c == ')';
}

/* A boolean field value, normalized like the index's metadata terms. */
static void emit_boolean_value(struct rewriter *rw, const struct vb_field *f,
			       const char *v, size_t n, bool quoted, bool exact)
{
	vb_buf_reset(&rw->word);
	if (exact || vb_normalize(v, n, &rw->word, NULL) < 0) {
		vb_buf_reset(&rw->word);
		vb_buf_add(&rw->word, v, n);
	}
	if (strlen(f->prefix) + rw->word.len > VB_MAX_TERM) {
		/* Too long for a term: the indexer hashed it (vb_id_term). */
		struct vb_buf t = VB_BUF_INIT;
		vb_id_term(&t, f->prefix, rw->word.buf);
		vb_buf_reset(&rw->word);
		vb_buf_adds(&rw->word, t.buf + strlen(f->prefix));
		vb_buf_release(&t);
		quoted = true;
	}
	if (quoted)
		vb_buf_addch(&rw->out, '"');
	vb_buf_add(&rw->out, rw->word.buf, rw->word.len);
	if (quoted)
		vb_buf_addch(&rw->out, '"');
}

static int emit_date_range(struct rewriter *rw, const char *v, size_t n)
{
	const char *dots = NULL;
	char lo[9], hi[9];
	for (size_t i = 0; i + 1 < n; i++)
		if (v[i] == '.' && v[i + 1] == '.') {
			dots = v + i;
			break;
		}
	if (!dots) {
		/* date:2006 means the whole of 2006. */
		if (vb_date_bound(v, n, 0, lo) || vb_date_bound(v, n, 1, hi))
			goto bad;
	} else {
		size_t ln = (size_t)(dots - v), hn = n - ln - 2;
		if (!ln && !hn)
			goto bad;
		if (ln && vb_date_bound(v, ln, 0, lo))
			goto bad;
		if (hn && vb_date_bound(dots + 2, hn, 1, hi))
			goto bad;
		if (!ln)
			strcpy(lo, "00000000");
		if (!hn)
			strcpy(hi, "99991231");
	}
	vb_buf_addf(&rw->out, DATE_FIELD ":%s..%s", lo, hi);
	return 0;
bad:
	vb_buf_addf(rw->err,
		    "invalid date range '%.*s': use YYYY, YYYY-MM or YYYY-MM-DD, "
		    "as in date:2005..2007-06",
		    (int)n, v);
	return XAP_ERR_QUERY;
}

static int year_of(const char ymd[9])
{
	return (ymd[0] - '0') * 1000 + (ymd[1] - '0') * 100 + (ymd[2] - '0') * 10 +
	       (ymd[3] - '0');
}

/*
 * mentioned:2007, mentioned:2007-12, mentioned:2007-12-03 become the
 * boolean term of that year, month or day; a range A..B becomes the list
 * of its years (or months, when both ends give a month and the range is at
 * most 20 years), which Xapian's parser ORs as filters of the same field.
 */
static int emit_mentioned(struct rewriter *rw, const char *field, const char *v,
			  size_t n)
{
	const char *dots = NULL;
	char lo[9], hi[9];
	for (size_t i = 0; i + 1 < n; i++)
		if (v[i] == '.' && v[i + 1] == '.')
			dots = v + i;
	size_t ln = dots ? (size_t)(dots - v) : n;
	size_t hn = dots ? n - ln - 2 : 0;
	if (vb_date_bound(v, ln, 0, lo) ||
	    (dots && vb_date_bound(dots + 2, hn, 1, hi))) {
		vb_buf_addf(rw->err,
			    "invalid date '%.*s' for %s: use YYYY, YYYY-MM or YYYY-MM-DD, "
			    "or a range such as 2005..2007",
			    (int)n, v, field);
		return XAP_ERR_QUERY;
	}
	if (!dots) {
		/* As precise as typed: 2007 -> 2007, 2007-12 -> 200712. */
		size_t digits = 0;
		for (size_t i = 0; i < n; i++)
			digits += v[i] >= '0' && v[i] <= '9';
		vb_buf_addf(&rw->out, "%s:%.*s", field, (int)digits, lo);
		return 0;
	}
	int y0 = year_of(lo), y1 = year_of(hi);
	bool months = ln >= 7 && hn >= 7 && y1 - y0 <= 20;
	if (y1 < y0 || y1 - y0 > 500) {
		vb_buf_addf(rw->err, "date range '%.*s' for %s is empty or too long",
			    (int)n, v, field);
		return XAP_ERR_QUERY;
	}
	/* No parentheses: consecutive filters of one field are ORed by the
	 * parser and filter the rest; in parentheses they would be ORed
	 * with it. */
	bool first = true;
	for (int y = y0; y <= y1; y++) {
		if (!months) {
			vb_buf_addf(&rw->out, "%s%s:%04d", first ? "" : " ", field, y);
			first = false;
			continue;
		}
		int m0 = y == y0 ? (lo[4] - '0') * 10 + (lo[5] - '0') : 1;
		int m1 = y == y1 ? (hi[4] - '0') * 10 + (hi[5] - '0') : 12;
		for (int m = m0; m <= m1; m++) {
			vb_buf_addf(&rw->out, "%s%s:%04d%02d", first ? "" : " ", field, y, m);
			first = false;
		}
	}
	return 0;
}

/* "(field:w1 AND field:w2 ...)" for the words of s[0..n). */
/* (a AND b ...) of the words of s, under `field` (NULL: the text). */
static int emit_and_words(struct rewriter *rw, const char *field, const char *s,
			  size_t n)
{
	struct vb_tokens toks = { 0 };
	struct vb_buf stem = VB_BUF_INIT;
	bool first = true;
	if (vb_words(rw->tk, s, n, &toks, rw->err) < 0)
		return XAP_ERR_OTHER;
	vb_buf_addch(&rw->out, '(');
	for (size_t i = 0; i < toks.n; i++) {
		const struct vb_token *t = &toks.v[i];
		if (!vb_analyzer_word(rw->an, s + t->start, t->end - t->start, &rw->word))
			continue;
		vb_analyzer_stem_normalized(rw->an, rw->word.buf, rw->word.len, t->kind,
					    &stem);
		if (field) {
			vb_buf_addf(&rw->out, "%s%s:%s", first ? "" : " AND ", field,
				    stem.buf + 1);
		} else {
			vb_buf_addf(&rw->out, "%s%s", first ? "" : " AND ", stem.buf + 1);
			add_highlight(rw, stem.buf, false);
		}
		first = false;
	}
	vb_buf_addch(&rw->out, ')');
	vb_tokens_release(&toks);
	vb_buf_release(&stem);
	return first ? XAP_ERR_QUERY : 0;
}

/* Fields naming people, organisations and places, where aliases apply. */
static bool names_entities(const struct vb_field *f)
{
	return !strcmp(f->name, "speaker") || !strcmp(f->name, "person") ||
	       !strcmp(f->name, "org") || !strcmp(f->name, "place") ||
	       !strcmp(f->name, "entity");
}

/*
 * A free-text field with a quoted value, or a value the alias file knows.
 * Field terms have no positions, so "several words" means all of them;
 * an alias also matches the canonical name it stands for:
 * org:"Acme Federation" -> (org:acm AND org:feder), and with the alias
 * IFPI -> International Federation ..., org:IFPI -> ((org:ifpi) OR (...)).
 */
static int emit_field_group(struct rewriter *rw, const struct vb_field *f,
			    const char *v, size_t n)
{
	const char *canon = NULL;
	int rc;
	if (rw->aliases && names_entities(f))
		canon = vb_aliases_lookup(rw->aliases, v, n, NULL);
	if (canon)
		vb_buf_addch(&rw->out, '(');
	if ((rc = emit_and_words(rw, f->name, v, n)))
		return rc == XAP_ERR_QUERY ? 0 : rc;
	if (canon) {
		vb_buf_adds(&rw->out, " OR ");
		if ((rc = emit_and_words(rw, f->name, canon, strlen(canon))) &&
		    rc != XAP_ERR_QUERY)
			return rc;
		vb_buf_addch(&rw->out, ')');
	}
	return 0;
}

/* Whether the index keeps positions for this word (its normalized form). */
static bool holds_position(const struct vb_token *t, const struct vb_buf *norm)
{
	return t->kind != VB_TOK_WORD || !vb_schema_unpositioned(norm->buf, norm->len);
}

/*
 * A quoted phrase, q[start..end) without its quotation marks.  Function
 * words hold no position in the index (schema 4), but the words around
 * them keep their distance: "state of the union" is written
 * (state ADJ/3 union), Xapian's ordered phrase within 4 positions.  A
 * phrase of function words only has nothing to match positions on:
 * all of its words, (to AND be ...).  Phrases without function words,
 * or with a wildcard (an error, said by rewrite_words), go as they are.
 */
static int emit_phrase(struct rewriter *rw, const char *q, size_t start,
		       size_t end)
{
	struct vb_tokens toks = { 0 };
	struct vb_buf stem = VB_BUF_INIT;
	size_t words = 0, kept = 0;
	int rc = 0;

	if (rw->drop_unpositioned && !memchr(q + start, '*', end - start)) {
		if (vb_words(rw->tk, q + start, end - start, &toks, rw->err) < 0)
			return XAP_ERR_OTHER;
		for (size_t i = 0; i < toks.n; i++) {
			const struct vb_token *t = &toks.v[i];
			if (!vb_analyzer_word(rw->an, q + start + t->start,
					      t->end - t->start, &rw->word))
				continue;
			words++;
			kept += holds_position(t, &rw->word);
		}
	}
	if (kept == words) {
		vb_tokens_release(&toks);
		vb_buf_addch(&rw->out, '"');
		if ((rc = rewrite_words(rw, q, start, end, true, true)))
			return rc;
		vb_buf_addch(&rw->out, '"');
		return 0;
	}
	if (!kept) {
		vb_tokens_release(&toks);
		rc = emit_and_words(rw, NULL, q + start, end - start);
		return rc == XAP_ERR_QUERY ? 0 : rc;
	}
	bool first = true;
	vb_buf_addch(&rw->out, '(');
	for (size_t i = 0; i < toks.n; i++) {
		const struct vb_token *t = &toks.v[i];
		size_t ws = start + t->start, we = start + t->end;
		if (!vb_analyzer_word(rw->an, q + ws, we - ws, &rw->word) ||
		    !holds_position(t, &rw->word))
			continue;
		vb_analyzer_stem_normalized(rw->an, rw->word.buf, rw->word.len,
					    t->kind, &stem);
		if (!first)
			vb_buf_addf(&rw->out, " ADJ/%zu ", words - kept + 1);
		vb_buf_adds(&rw->out, stem.buf + 1);
		first = false;
		add_highlight(rw, stem.buf, false);
		if (rw->collect && t->kind == VB_TOK_WORD)
			remember_word(rw, ws, we, stem.buf);
	}
	vb_buf_addch(&rw->out, ')');
	vb_tokens_release(&toks);
	vb_buf_release(&stem);
	return 0;
}

static int rewrite(struct rewriter *rw, const char *q)
{
	size_t n = strlen(q), i = 0;
	bool in_phrase = false;
	int rc;

	vb_buf_reset(&rw->out);
	while (i < n) {
		char c = q[i];
		if (c == '"') {
			const char *close = memchr(q + i + 1, '"', n - i - 1);
			size_t end = close ? (size_t)(close - q) : n;
			if ((rc = emit_phrase(rw, q, i + 1, end)))
				return rc;
			i = close ? end + 1 : n;
			continue;
		}
		if (is_break(c)) {
			vb_buf_addch(&rw->out, c);
			i++;
			continue;
		}
		if ((c == '+' || c == '-') && !in_phrase) {
			vb_buf_addch(&rw->out, c);
			i++;
			continue;
		}
		size_t start = i;
		while (i < n && !is_break(q[i]))
			i++;
		const char *chunk = q + start;
		size_t clen = i - start;
		if (!in_phrase && is_operator(chunk, clen)) {
			vb_buf_add(&rw->out, chunk, clen);
			continue;
		}
		const char *colon = in_phrase ? NULL : memchr(chunk, ':', clen);
		if (colon) {
			size_t flen = (size_t)(colon - chunk);
			const struct vb_field *f = find_field(chunk, flen);
			const char *v = colon + 1;
			size_t vlen = clen - flen - 1;
			if (flen == strlen(DATE_FIELD) &&
			    !memcmp(chunk, DATE_FIELD, flen)) {
				if ((rc = emit_date_range(rw, v, vlen)))
					return rc;
				continue;
			}
			if (f && f->kind == VB_FIELD_DATES) {
				if ((rc = emit_mentioned(rw, f->name, v, vlen)))
					return rc;
				continue;
			}
			if (f && (f->kind == VB_FIELD_BOOLEAN || f->kind == VB_FIELD_EXACT)) {
				bool exact = f->kind == VB_FIELD_EXACT;
				vb_buf_add(&rw->out, chunk, flen + 1);
				if (!vlen && i < n && q[i] == '"') {
					/* field:"a value with spaces" */
					const char *close = memchr(q + i + 1, '"', n - i - 1);
					size_t vend = close ? (size_t)(close - q) : n;
					emit_boolean_value(rw, f, q + i + 1, vend - i - 1, true, exact);
					i = close ? vend + 1 : n;
				} else {
					emit_boolean_value(rw, f, v, vlen, false, exact);
				}
				continue;
			}
			if (f && !strcmp(f->name, "quote") && !vlen && i < n &&
			    q[i] == '"') {
				/* quote:"a b": the phrase in the text, each of
				 * its words inside quotation marks (quote: terms
				 * hold no positions of their own). */
				const char *close = memchr(q + i + 1, '"', n - i - 1);
				size_t vend = close ? (size_t)(close - q) : n;
				vb_buf_addch(&rw->out, '(');
				if ((rc = emit_phrase(rw, q, i + 1, vend)))
					return rc;
				vb_buf_adds(&rw->out, " AND ");
				if ((rc = emit_and_words(rw, f->name, q + i + 1, vend - i - 1)) &&
				    rc != XAP_ERR_QUERY)
					return rc;
				vb_buf_addch(&rw->out, ')');
				i = close ? vend + 1 : n;
				continue;
			}
			if (f && strcmp(f->name, "quote")) {
				const char *val = v;
				size_t vl = vlen;
				bool quoted = false;
				if (!vlen && i < n && q[i] == '"') {
					const char *close = memchr(q + i + 1, '"', n - i - 1);
					size_t vend = close ? (size_t)(close - q) : n;
					val = q + i + 1;
					vl = vend - i - 1;
					i = close ? vend + 1 : n;
					quoted = true;
				}
				if (quoted || (rw->aliases && names_entities(f) &&
					       vb_aliases_lookup(rw->aliases, val, vl, NULL))) {
					if ((rc = emit_field_group(rw, f, val, vl)))
						return rc;
					continue;
				}
			}
			if (f) {
				vb_buf_add(&rw->out, chunk, flen + 1);
				if ((rc = rewrite_words(rw, q, start + flen + 1, i, false,
							 in_phrase)))
					return rc;
				continue;
			}
		}
		if ((rc = rewrite_words(rw, q, start, i, true, in_phrase)))
			return rc;
	}
	return 0;
}

/* ---- parsing ------------------------------------------------------------ */

/*
 * The years the database's publication dates span, from the bounds Xapian
 * keeps for the date slot; first > last when it holds no date.
 */
static void date_years(const xap_db *db, int *first, int *last)
{
	char *lo = NULL, *hi = NULL;
	xap_error xe;
	*first = 1;
	*last = 0;
	if (!xap_db_value_bounds(db, VB_SLOT_DATE, &lo, &hi, &xe) &&
	    strlen(lo) == 8 && strlen(hi) == 8) {
		*first = (int)strtol(lo, NULL, 10) / 10000;
		*last = (int)strtol(hi, NULL, 10) / 10000;
	}
	free(lo);
	free(hi);
}

static int setup_parser(xap_qparser **out, const xap_db *db, int match_all,
			int first_year, int last_year, xap_error *xe)
{
	xap_qparser *qp;
	if (xap_qp_new(&qp, xe))
		return xe->status;
	if (xap_qp_set_database(qp, db, xe) ||
	    xap_qp_set_stemming_strategy(qp, XAP_STEM_NONE, xe) ||
	    xap_qp_set_default_op(qp, match_all ? XAP_OP_AND : XAP_OP_OR, xe) ||
	    xap_qp_add_year_range(qp, VB_SLOT_DATE, DATE_FIELD ":", VB_PREFIX_YEAR,
				  first_year, last_year, DATE_RANGE_MAX_YEARS, xe))
		goto fail;
	for (const struct vb_field *f = vb_schema_fields; f->name; f++) {
		if (f->kind != VB_FIELD_FREE) {
			if (xap_qp_add_boolean_prefix(qp, f->name, f->prefix, NULL, xe))
				goto fail;
		} else {
			/* Free-text fields hold "Z" + prefix + stem. */
			char prefix[32];
			snprintf(prefix, sizeof(prefix), "%s%s", VB_PREFIX_STEM, f->prefix);
			if (xap_qp_add_prefix(qp, f->name, prefix, xe))
				goto fail;
		}
	}
	*out = qp;
	return 0;
fail:
	xap_qp_free(qp);
	return xe->status;
}

static const unsigned parse_flags = XAP_QP_BOOLEAN | XAP_QP_PHRASE |
				    XAP_QP_LOVEHATE | XAP_QP_WILDCARD |
				    XAP_QP_PURE_NOT;

/* Replace curly double quotes by straight ones, which the parser knows. */
static char *straighten_quotes(const char *text)
{
	struct vb_buf b = VB_BUF_INIT;
	for (const char *p = text; *p;) {
		if (!strncmp(p, "\xe2\x80\x9c", 3) || !strncmp(p, "\xe2\x80\x9d", 3) ||
		    !strncmp(p, "\xe2\x80\x9e", 3)) {
			vb_buf_addch(&b, '"');
			p += 3;
		} else {
			vb_buf_addch(&b, *p++);
		}
	}
	return vb_buf_detach(&b, NULL);
}

static int combine2(xap_query **acc, enum xap_op op, xap_query *q, xap_error *xe)
{
	xap_query *subs[2] = { *acc, q };
	xap_query *res;
	if (!*acc) {
		*acc = q;
		return 0;
	}
	if (xap_query_combine(&res, op, subs, 2, 0, xe)) {
		xap_query_free(q);
		return xe->status;
	}
	xap_query_free(*acc);
	xap_query_free(q);
	*acc = res;
	return 0;
}

/* The prefix of title words' stems (ZS). */
#define TITLE_TERMS VB_PREFIX_STEM VB_PREFIX_TITLE

/*
 * A title belongs to the whole document, and its words are indexed (ZS) on
 * each passage; BM25 would weigh them by the passage's length, so that for
 * `title:tariff` the shortest passage of a document (a contact line) came
 * first and the lead last.  Each title term weighs instead what it would
 * in a passage of average length, in every passage: `*q` is replaced.
 */
static int title_flat(xap_query **q, const xap_db *db, xap_error *xe)
{
	xap_query *flat;
	int rc = xap_query_flat_weight(&flat, *q, db, TITLE_TERMS, xe);
	if (rc)
		return rc;
	xap_query_free(*q);
	*q = flat;
	return 0;
}

struct title_only {
	size_t title, other;
};

static int count_title_term(const char *term, size_t len, unsigned n, void *ud)
{
	struct title_only *t = ud;
	size_t plen = strlen(TITLE_TERMS);
	(void)n;
	if (len >= plen && !memcmp(term, TITLE_TERMS, plen) &&
	    !(len > plen && term[plen] >= 'A' && term[plen] <= 'Z'))
		t->title++;
	else
		t->other++;
	return 0;
}

/* Whether every term of `q` is a title term (`title:tariff`): such a query
 * matches by its title already, and a title boost would only bring back
 * the weighing by passage length that title_flat took away. */
static bool title_only(const xap_query *q)
{
	struct title_only t = { 0, 0 };
	xap_error xe;
	if (xap_query_terms(q, count_title_term, &t, &xe))
		return false;
	return t.title && !t.other;
}

/*
 * Title context: the same query read against the title field (ZS) adds
 * weight to passages of documents whose title matches, without letting
 * words found only in the title make a passage match (AND_MAYBE).
 *
 * Unlike `title:` (title_flat), the boost keeps BM25's weighing by passage
 * length: it then favours a document's short lead paragraph, and giving
 * every passage the same boost measured worse on the relevance set
 * (entity queries' nDCG@10 0.808 -> 0.797, below BM25's).
 */
#define TITLE_BOOST 0.5

static int add_title_boost(xap_qparser *qp, const char *rewritten,
			   xap_query **q, xap_error *xe)
{
	xap_query *parsed, *title, *scaled, *res;
	if (xap_qp_parse(qp, rewritten, parse_flags, TITLE_TERMS, &parsed, xe))
		return 0;    /* the text reading parsed: no boost, no error */
	/* Title terms have no positions, so a phrase or NEAR among them can
	 * never match; left in, Xapian would look up the position lists of
	 * every passage whose title has the words (17 ms of the 18 ms
	 * `"soviet union"` took on 300 MB, docs/performance.md). */
	int rc = xap_query_drop_positional(&title, parsed, xe);
	xap_query_free(parsed);
	if (rc)
		return rc;
	if (xap_query_empty(title)) {
		xap_query_free(title);
		return 0;
	}
	rc = xap_query_scale(&scaled, title, TITLE_BOOST, xe);
	xap_query_free(title);
	if (rc)
		return rc;
	xap_query *subs[2] = { *q, scaled };
	rc = xap_query_combine(&res, XAP_OP_AND_MAYBE, subs, 2, 0, xe);
	xap_query_free(scaled);
	if (rc)
		return rc;
	xap_query_free(*q);
	*q = res;
	return 0;
}

static int term_query(xap_query **out, const char *prefix, const char *value,
		      xap_error *xe)
{
	struct vb_buf t = VB_BUF_INIT;
	vb_buf_adds(&t, prefix);
	vb_buf_adds(&t, value);
	int rc = xap_query_term(out, t.buf, t.len, 1, xe);
	vb_buf_release(&t);
	return rc;
}

/* Is the word in the index under any language's stem of it? */
static bool word_known(const xap_db *db, const char *norm,
		       struct vb_analyzer *const *an, size_t nan)
{
	struct vb_buf term = VB_BUF_INIT;
	bool known = false;
	for (size_t i = 0; i < nan && !known; i++) {
		unsigned freq = 0;
		xap_error xe;
		vb_analyzer_stem_normalized(an[i], norm, strlen(norm), VB_TOK_WORD, &term);
		if (xap_db_termfreq(db, term.buf, term.len, &freq, &xe) || freq)
			known = true;   /* on an error, suggest nothing */
	}
	vb_buf_release(&term);
	return known;
}

/* The "did you mean" string: unknown words replaced by suggestions. */
static void suggest(struct rewriter *rw, const char *q, char *const *langs,
		    size_t nlangs)
{
	struct vb_buf s = VB_BUF_INIT;
	struct vb_analyzer *an[MAX_LANGS];
	size_t nan = 0, pos = 0;
	bool changed = false;
	for (size_t i = 0; i < nlangs; i++) {
		char primary[16];
		vb_lang_primary(langs[i], primary);
		if (vb_analyzer_new(&an[nan], primary, NULL) == 0)
			nan++;
	}
	for (size_t i = 0; i < rw->nwords; i++) {
		struct plain_word *w = &rw->words[i];
		char *sugg = NULL;
		xap_error xe;
		if (word_known(rw->db, w->norm, an, nan))
			continue;
		if (xap_db_spelling_suggestion(rw->db, w->norm, 2, &sugg, &xe) ||
		    !sugg)
			continue;
		vb_buf_add(&s, q + pos, w->start - pos);
		vb_buf_adds(&s, sugg);
		pos = w->end;
		changed = true;
		free(sugg);
	}
	if (changed) {
		vb_buf_adds(&s, q + pos);
		rw->pq->suggestion = vb_buf_detach(&s, NULL);
	}
	for (size_t i = 0; i < nan; i++)
		vb_analyzer_free(an[i]);
	vb_buf_release(&s);
}

int vb_query_build(const xap_db *db, const char *text,
		   const struct vb_query_opts *opts, struct vb_parsed_query *out,
		   struct vb_buf *err)
{
	struct rewriter rw = { 0 };
	struct vb_aliases *aliases = NULL;
	xap_qparser *qp = NULL;
	xap_query *text_query = NULL, *q = NULL;
	xap_error xe;
	char *langs = NULL, *query = NULL;
	char *lang_list[MAX_LANGS];
	size_t nlangs = 0;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	rw.db = db;
	rw.pq = out;
	rw.err = err;
	vb_buf_init(&rw.out);
	vb_buf_init(&rw.word);
	vb_buf_init(&rw.term);
	query = straighten_quotes(text);

	/* Which languages to analyze the query for. */
	if (opts->lang && *opts->lang)
		langs = vb_strdup(opts->lang);
	else
		langs = vb_db_languages(db);
	if (!*langs) {
		free(langs);
		langs = vb_strdup("en");
	}
	for (char *tok = strtok(langs, ","); tok && nlangs < MAX_LANGS;
	     tok = strtok(NULL, ","))
		lang_list[nlangs++] = tok;

	if (vb_tokenizer_new(&rw.tk, NULL, err) < 0) {
		rc = XAP_ERR_OTHER;
		goto out;
	}
	/* The alias file the index was built with, and the caller's. */
	char *stored = NULL;
	size_t stored_len = 0;
	if (!xap_db_get_metadata(db, VB_META_ALIASES, &stored, &stored_len, &xe) &&
	    stored_len) {
		aliases = vb_aliases_new();
		vb_aliases_parse(aliases, stored, stored_len, "aliases in the database", NULL);
	}
	free(stored);
	if (opts->aliases_path) {
		if (!aliases)
			aliases = vb_aliases_new();
		struct vb_buf why = VB_BUF_INIT;
		if (vb_aliases_read(aliases, opts->aliases_path, &why)) {
			vb_buf_addf(err, "cannot read aliases: %s", why.buf);
			vb_buf_release(&why);
			rc = XAP_ERR_INVALID;
			goto out;
		}
	}
	rw.aliases = aliases;
	/* Schema 3 and earlier kept positions on every word, and may hold
	 * kinds of Xapian document other than passages and records. */
	bool schema4 = false;
	if (!xap_db_get_metadata(db, "verbatim.schema", &stored, &stored_len, &xe)) {
		int version = atoi(stored);
		schema4 = version == 0 || version >= 4;
		free(stored);
	}
	rw.drop_unpositioned = schema4;
	int first_year, last_year;
	date_years(db, &first_year, &last_year);
	if ((rc = setup_parser(&qp, db, opts->match_all, first_year, last_year, &xe))) {
		vb_buf_adds(err, xe.message);
		goto out;
	}

	bool empty = true;
	for (const char *p = query; *p; p++)
		if (!isspace((unsigned char)*p))
			empty = false;

	struct vb_buf names = VB_BUF_INIT;
	for (size_t i = 0; i < nlangs && !empty; i++) {
		char primary[16];
		vb_lang_primary(lang_list[i], primary);
		if (vb_analyzer_new(&rw.an, primary, err) < 0) {
			rc = XAP_ERR_OTHER;
			break;
		}
		rw.collect = (i == 0);
		rc = rewrite(&rw, query);
		vb_analyzer_free(rw.an);
		rw.an = NULL;
		if (rc)
			break;
		xap_query *lq;
		if ((rc = xap_qp_parse(qp, rw.out.buf, parse_flags, VB_PREFIX_STEM,
				       &lq, &xe))) {
			/* Xapian's own words, without the query as rewritten
			 * (stems) and the exception's class name. */
			const char *m = strstr(xe.message, "QueryParserError: ");
			vb_buf_adds(err, m ? m + strlen("QueryParserError: ") : xe.message);
			break;
		}
		if ((rc = title_flat(&lq, db, &xe)) ||
		    (!title_only(lq) &&
		     (rc = add_title_boost(qp, rw.out.buf, &lq, &xe)))) {
			xap_query_free(lq);
			break;
		}
		if (nlangs > 1 || (opts->lang && *opts->lang)) {
			xap_query *lf, *filtered;
			xap_query *subs[2];
			if ((rc = term_query(&lf, VB_PREFIX_LANG, primary, &xe))) {
				xap_query_free(lq);
				break;
			}
			subs[0] = lq;
			subs[1] = lf;
			rc = xap_query_combine(&filtered, XAP_OP_FILTER, subs, 2, 0, &xe);
			xap_query_free(lq);
			xap_query_free(lf);
			if (rc)
				break;
			lq = filtered;
		}
		if ((rc = combine2(&text_query, XAP_OP_OR, lq, &xe)))
			break;
		if (names.len)
			vb_buf_addch(&names, ',');
		vb_buf_adds(&names, primary);
	}
	out->languages = vb_buf_detach(&names, NULL);
	if (rc) {
		if (!err->len)
			vb_buf_adds(err, xe.message);
		goto out;
	}

	/* Passages only, then the date filters.  Since schema 4 a Xapian
	 * document is a passage or a record, so leaving the records out of
	 * a text query says the same as keeping the passages, and is
	 * cheaper: Xapian skips along one record per document instead of
	 * nearly every docid (docs/performance.md).  A query of filters
	 * alone starts from the passages. */
	bool has_text = text_query && !xap_query_empty(text_query);
	bool drop_records = has_text && schema4;
	if ((rc = term_query(&q, VB_PREFIX_KIND, drop_records ? VB_KIND_DOC : VB_KIND_PASSAGE,
			     &xe)))
		goto xfail;
	if (has_text) {
		xap_query *subs[2] = { text_query, q }, *res;
		if ((rc = xap_query_combine(&res, drop_records ? XAP_OP_AND_NOT : XAP_OP_FILTER,
					    subs, 2, 0, &xe)))
			goto xfail;
		xap_query_free(q);
		q = res;
	} else if (!empty) {
		/* Only stop words or punctuation: nothing can match. */
		vb_buf_addf(err, "the query '%s' has no words to search for", text);
		rc = XAP_ERR_QUERY;
		goto out;
	}
	if (opts->lang && *opts->lang) {
		char primary[16];
		xap_query *lf, *res;
		vb_lang_primary(opts->lang, primary);
		if ((rc = term_query(&lf, VB_PREFIX_LANG, primary, &xe)))
			goto xfail;
		xap_query *subs[2] = { q, lf };
		rc = xap_query_combine(&res, XAP_OP_FILTER, subs, 2, 0, &xe);
		xap_query_free(lf);
		if (rc)
			goto xfail;
		xap_query_free(q);
		q = res;
	}
	if (opts->since || opts->until) {
		char lo[9] = "00000000", hi[9] = "99991231";
		xap_query *range, *res;
		const char *bad = NULL;
		if (opts->since && vb_date_bound(opts->since, strlen(opts->since), 0, lo))
			bad = opts->since;
		else if (opts->until && vb_date_bound(opts->until, strlen(opts->until), 1, hi))
			bad = opts->until;
		if (bad) {
			vb_buf_addf(err, "invalid date '%s': use YYYY, YYYY-MM or YYYY-MM-DD", bad);
			rc = XAP_ERR_QUERY;
			goto out;
		}
		if ((rc = xap_query_date_range(&range, VB_SLOT_DATE, VB_PREFIX_YEAR, lo, hi,
						first_year, last_year, DATE_RANGE_MAX_YEARS,
						&xe)))
			goto xfail;
		xap_query *subs[2] = { q, range };
		rc = xap_query_combine(&res, XAP_OP_FILTER, subs, 2, 0, &xe);
		xap_query_free(range);
		if (rc)
			goto xfail;
		xap_query_free(q);
		q = res;
	}
	out->query = q;
	q = NULL;
	suggest(&rw, query, lang_list, nlangs);
	goto out;
xfail:
	vb_buf_adds(err, xe.message);
out:
	for (size_t i = 0; i < rw.nwords; i++) {
		free(rw.words[i].norm);
		free(rw.words[i].term);
	}
	free(rw.words);
	xap_query_free(q);
	xap_query_free(text_query);
	xap_qp_free(qp);
	vb_tokenizer_free(rw.tk);
	vb_aliases_free(aliases);
	vb_strset_release(&rw.seen_terms);
	vb_buf_release(&rw.out);
	vb_buf_release(&rw.word);
	vb_buf_release(&rw.term);
	vb_tokens_release(&rw.tokens);
	free(langs);
	free(query);
	return rc;
}
