/* understand.h: what a free-text query asks for besides its words: names, dates, quotes. */
#ifndef VB_UNDERSTAND_H
#define VB_UNDERSTAND_H

#include <stddef.h>

#include <jansson.h>

#include "util/buf.h"
#include "xapian/xap.h"

/*
 * A query such as "what did Kowalczyk say about downloads in 2007" holds
 * more than words to match: a name the index knows as a speaker, a year,
 * and the wish for a quote.  vb_understand() reads these out of the
 * query's plain words (never out of field values, phrases' operators or
 * excluded words) so that the ranking (rank.h) can use them as signals.
 * Explicit fields win: with speaker:, person:, org:, place: or entity: in
 * the query no free-text name is read, with date: or mentioned: no
 * free-text date; those fields keep their meaning (docs/query.md).
 *
 * Everything read says how it was read ("how"), for --explain.
 */

#define VB_MAX_NAMES 8
#define VB_MAX_NAME_WORDS 4
#define VB_MAX_NAME_LANGS 4

/* What a span of the query names, with the passages that carry it. */
struct vb_name {
	char *text;               /* as typed */
	size_t start, end;        /* bytes in the query */
	size_t nwords;
	/* Index stems (without "Z") of each word in each language of the
	 * index, "" when a language gives the same stem as the first. */
	char *stems[VB_MAX_NAME_WORDS][VB_MAX_NAME_LANGS];
	size_t nlangs;
	unsigned speaker_df;      /* passages quoting someone of that name */
	unsigned entity_df;       /* passages mentioning it (person, org, place) */
	const char *kind;         /* "person", "organisation", "place" or "speaker" */
	const char *how;          /* "capitalised", "full name", ... (static) */
	char *display;            /* the index's name for it, or NULL */
};

/* A date or range of dates read from the query. */
struct vb_date_read {
	size_t start, end;        /* bytes of the expression in the text */
	char lo[9], hi[9];        /* YYYYMMDD, inclusive */
	const char *how;          /* "year", "month", "day", "range", "since",
				   * "before", "relative" (static) */
};

struct vb_understanding {
	struct vb_name names[VB_MAX_NAMES];
	size_t nnames;
	int has_date;
	struct vb_date_read date;
	char *date_text;          /* the date as typed */
	int quote_intent;         /* the query asks what someone said */
	char *intent_cue;         /* the words that said so, or NULL */
	int explicit_names;       /* the query has name fields */
	int explicit_dates;       /* the query has date: or mentioned: */
	/* The query with the date expression and the quote cue words
	 * blanked: what BM25 should match.  Equal to the query when nothing
	 * was read, never NULL after vb_understand(). */
	char *text_query;
	char as_of[9];            /* YYYYMMDD that relative dates were read against */
};

void vb_understanding_release(struct vb_understanding *u);

/*
 * Read `text` (a query as typed) against `db`.  `as_of` (YYYYMMDD) is
 * what "last year" is relative to.  Returns 0, or an xap_status when the
 * index cannot be read (with a message in `err`).
 */
int vb_understand(const xap_db *db, const char *text, const char *as_of,
		  struct vb_understanding *out, struct vb_buf *err);

/* Whether anything was read that could change the ranking. */
int vb_understanding_any(const struct vb_understanding *u);

/* The "understood" object of a search response (a new reference). */
json_t *vb_understanding_json(const struct vb_understanding *u);

/*
 * The date grammar, on its own (no database): the first date expression
 * in `text` ("2006", "in April 2005", "2005-04", "2004 to 2006", "between
 * 2004 and 2006", "since 2005", "before 2008", "last year", "this month",
 * "last 3 years"...), relative ones against `as_of` (YYYYMMDD).  Returns 1
 * with *out filled, or 0 when there is none.
 */
int vb_date_read(const char *text, const char *as_of, struct vb_date_read *out);

/* Days since 1970-01-01 of a YYYYMMDD string (a proleptic Gregorian day
 * count; the string must be valid). */
long vb_days_of(const char ymd[8]);
/* The YYYYMMDD of a day count (inverse of vb_days_of). */
void vb_ymd_of(long days, char out[9]);

#endif
