/* query.h: from what a user types to a Xapian query over passages. */
#ifndef VB_QUERY_H
#define VB_QUERY_H

#include <stddef.h>

#include "util/buf.h"
#include "util/date.h"
#include "xapian/xap.h"

/*
 * Xapian's query parser does the syntax (AND/OR/NOT, "phrases", +/-,
 * NEAR, wildcards, fields, ranges); verbatim does the words.  Before
 * parsing, every word of the query goes through the same analyzer as the
 * documents (core/analyze.h: ICU words, NFKC case folding, apostrophes,
 * Snowball stems), so the parser sees terms exactly as they were indexed.
 * When the index holds several languages, the query is analyzed once per
 * language and each reading is restricted to that language's passages.
 *
 * Fields: the table in core/schema.c (title:, speaker:, person:, org:,
 * place:, entity:, quote: free text; source:, lang:, type:, year:, has:,
 * kind: exact filters, case-insensitive; id: exact, case-sensitive;
 * mentioned: dates), date:A..B with A and B as YYYY, YYYY-MM or
 * YYYY-MM-DD (either may be empty).
 */

struct vb_query_opts {
	const char *since;        /* YYYY[-MM[-DD]] or NULL */
	const char *until;
	const char *lang;         /* only this language (its stemmer), or NULL */
	int match_all;            /* every word must match (AND); default OR */
	const char *aliases_path; /* an alias file besides the database's, or NULL */
};

/* getopt_long entries of the filters the query commands take, and the
 * function that takes getopt's answer c when it is one of them: 0 when
 * taken, -1 when c is another option.  vb_query_opts_check() then says
 * whether the dates are dates (0, or VB_EXIT_USAGE with the error
 * printed). */
#define VB_DATE_OPTIONS \
	{ "since", required_argument, NULL, 'S' }, \
	{ "until", required_argument, NULL, 'U' }
#define VB_FILTER_OPTIONS \
	VB_DATE_OPTIONS, \
	{ "lang", required_argument, NULL, 'l' }
int vb_query_option(struct vb_query_opts *q, int c, const char *arg);
int vb_query_opts_check(const struct vb_query_opts *q);

struct vb_parsed_query {
	xap_query *query;         /* passages only, with every filter */
	/* Terms to highlight: full index terms ("Zlawsuit"), and the
	 * prefixes of wildcards ("Zlaw"). */
	char **terms;
	size_t nterms, terms_alloc;
	char **wildcards;
	size_t nwildcards, wildcards_alloc;
	/* "did you mean" query, or NULL when every word is known. */
	char *suggestion;
	/* Languages the query was analyzed for, comma-separated. */
	char *languages;
};

void vb_parsed_query_release(struct vb_parsed_query *pq);

/*
 * Build the query.  Returns 0, or XAP_ERR_QUERY (syntax error, bad date)
 * or another xap_status, with a message in `err`.
 */
int vb_query_build(const xap_db *db, const char *text,
		   const struct vb_query_opts *opts, struct vb_parsed_query *out,
		   struct vb_buf *err);

#endif
