/* show.h: a document, passage or quote by id, with its context and its citation, as JSON. */
#ifndef VB_SHOW_H
#define VB_SHOW_H

#include <jansson.h>

#include "api.h"
#include "util/buf.h"
#include "xapian/xap.h"

struct vb_show_req {
	const char *id;           /* document id, passage id (DOC-ID#N) or quote id */
	long context;             /* passages of context on each side of a passage */
	const char *accessed;     /* accessed date of the citation; NULL: today */
};

/*
 * What `show --json` prints.  By the kind of id:
 *   passage: { "passage": record, "document": record or null,
 *              "context": [ passage records around it, in order ],
 *              "citation" }
 *   quote:   { "quote": as `quotes` has it, "passage", "document", "citation" }
 *   document: its record with "passage_list" (every passage record) and
 *              "citation".
 * "citation" is { "key", "text": one APA-like reference line, "item": the
 * CSL-JSON item, carrying the quote, or the passage's quotes } (cite.h), or
 * null when the document record is missing.  An unknown id is
 * VB_API_NOT_FOUND.
 */
int vb_show_run(const xap_db *db, const struct vb_show_req *req,
		json_t **out, struct vb_buf *err);

#endif
