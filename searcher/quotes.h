/* quotes.h: who said what (quotes) and who speaks (speakers), as JSON responses (see api.h). */
#ifndef VB_QUOTES_H
#define VB_QUOTES_H

#include <jansson.h>
#include <stdbool.h>

#include "api.h"
#include "query.h"
#include "util/buf.h"
#include "xapian/xap.h"

enum vb_quotes_sort {
	VB_QUOTES_SORT_AUTO,       /* by relevance with query words, else by date */
	VB_QUOTES_SORT_RELEVANCE,
	VB_QUOTES_SORT_DATE,       /* oldest first */
};

struct vb_quotes_req {
	const char *text;          /* words the quotes must answer, or NULL/"" */
	const char *speaker;       /* all words of the speaker's name, or NULL */
	const char *org;           /* all words of the speaker's organisation, or NULL */
	const char *kind;          /* direct, partial, indirect or NULL */
	long limit;                /* quotes wanted; 0 only counts */
	long offset;               /* quotes skipped */
	enum vb_quotes_sort sort;
	struct vb_query_opts q;    /* since, until, aliases */
};

/*
 * Quotes.  The response:
 *   { "query": the passage query that was run, "total": quotes counted,
 *     "exact": whether total counts every match (true with limit 0 or
 *     when the matches ran out; else total is at least offset + the
 *     results), "offset", "results": [ ... ] }
 * Each result (as `verbatim quotes --json` prints it): id, text, kind,
 * cue, speaker {name, role, org, type, key}, doc_id, passage, paragraph,
 * start, end, spans, date, title, source, url, type, lang, score.
 * VB_API_BAD_REQUEST for a bad query or kind, with the message in `err`.
 */
int vb_quotes_run(const xap_db *db, const struct vb_quotes_req *req,
		  json_t **out, struct vb_buf *err);

struct vb_speakers_req {
	const char *name;          /* words the name (or key) must contain, or NULL */
	long limit;                /* at most this many; -1 for all */
	bool all;                  /* also unnamed ones ("analysts", "a spokesman") */
};

/*
 * Speakers, most quoted first, with partial names merged into the full
 * ones.  Unnamed speakers, who are many people under one word across
 * documents ("analysts", "the spokesman", "a senior official"), are
 * counted apart unless `all`.  The response: { "total": speakers listed
 * before the limit, "unnamed": {"speakers": N, "quotes": N} (those left
 * out), "results": [ {key, name, named, quotes, roles, orgs, first, last}
 * ... ] }.
 */
int vb_speakers_run(const xap_db *db, const struct vb_speakers_req *req,
		    json_t **out, struct vb_buf *err);

#endif
