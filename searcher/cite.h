/* cite.h: citation lists (CSL-JSON, BibLaTeX, RIS, Markdown, text) of documents and their quotes. */
#ifndef VB_CITE_H
#define VB_CITE_H

#include <jansson.h>

#include "api.h"
#include "query.h"
#include "util/buf.h"
#include "xapian/xap.h"

/*
 * The citable item is the source document; the quotes used from it ride
 * along.  Items are CSL-JSON objects (the format every reference manager
 * reads) and the other formats are written from them, so they say the same
 * thing.  Our own data sits in the item's "custom" object under
 * "verbatim": { "doc_id", "quotes": [ { "id", "text", "speaker", "role",
 * "org", "passage", "paragraph", "locator" } ] }; the quotes are also
 * written out in "note".  docs/citations.md has the whole mapping.
 */

enum vb_cite_format {
	VB_CITE_CSL_JSON,
	VB_CITE_BIBLATEX,
	VB_CITE_RIS,
	VB_CITE_MARKDOWN,
	VB_CITE_TEXT,
};

/* The format named `name` ("csl-json", "biblatex", "ris", "markdown",
 * "text"), or -1. */
int vb_cite_format_parse(const char *name);
const char *vb_cite_format_name(enum vb_cite_format f);

struct vb_cite_req {
	const char *text;             /* a query, or NULL to cite `ids` */
	const char *const *ids;       /* quote ids, passage ids (DOC#N), document ids */
	size_t nids;
	long limit;                   /* documents cited from a query (0: 10) */
	enum vb_cite_format format;
	const char *accessed;         /* YYYY-MM-DD, or NULL for today (UTC) */
	struct vb_query_opts q;       /* filters of the query */
};

/*
 * The citation list.  Response: { "format", "text": the list in that
 * format, "items": the CSL-JSON items, sorted by key }.  With ids, those
 * not in the database are named in `err` and the status is
 * VB_API_NOT_FOUND; a bad query or accessed date is VB_API_BAD_REQUEST.
 */
int vb_cite_run(const xap_db *db, const struct vb_cite_req *req,
		json_t **out, struct vb_buf *err);

/*
 * A builder of citation lists, for callers that pick documents and quotes
 * themselves (`show`).  Documents and quotes added twice are kept once.
 */
struct vb_cite_list;

struct vb_cite_list *vb_cite_list_new(const char *accessed);
void vb_cite_list_free(struct vb_cite_list *l);
/* Cite a document (its record, as stored in the index); returns its item
 * (borrowed, owned by the list). */
json_t *vb_cite_list_add_doc(struct vb_cite_list *l, json_t *record);
/* Cite a quote (as vb_quote_object makes it) from the document `record`. */
void vb_cite_list_add_quote(struct vb_cite_list *l, json_t *record, json_t *quote);
/* Assign keys, write the notes and sort; returns the items (borrowed). */
json_t *vb_cite_list_finish(struct vb_cite_list *l);

/* The CSL-JSON item of a document record, without id or quotes.  New. */
json_t *vb_cite_item_from_record(json_t *record, const char *accessed);

/*
 * The readable key of an item before collisions are resolved: the first
 * author's family name, or an organisation's first word (its acronym when
 * it has four or more significant words), the year ("nd" without one)
 * and the first significant word of the title, folded to lowercase ASCII
 * ("ifsrp2005record").  Appends to `out`.
 */
void vb_cite_key_base(json_t *item, struct vb_buf *out);
/* Give the items ids: their base keys, with a, b, c... appended to keys
 * several items share (in the order of date, then document id). */
void vb_cite_assign_keys(json_t *items);

/* Write `items` in format `f` (appending to `out`). */
void vb_cite_format_items(json_t *items, enum vb_cite_format f, struct vb_buf *out);
/* One reference, APA-like, on one line: Markdown (emphasis) or text. */
void vb_cite_reference(json_t *item, int markdown, struct vb_buf *out);
/* A quote's attribution: "John Smith, chairman, Acme Federation". */
void vb_cite_attribution(json_t *quote, struct vb_buf *out);

/* `s` escaped for a BibLaTeX field: & % $ # _ { } ~ ^ \ (appends). */
void vb_cite_bibtex_escape(struct vb_buf *out, const char *s);
/* Does a name look like an organisation rather than a person? */
int vb_cite_is_org(const char *name);
/* `s` folded to lowercase ASCII letters and digits, words kept apart by
 * single spaces (ICU's Any-Latin; Latin-ASCII for other scripts). */
void vb_cite_ascii_fold(const char *s, struct vb_buf *out);
/*
 * The paragraph holding byte `offset` of the source file, in a passage
 * (its data), which may hold several short paragraphs: the passage's
 * "paragraph" plus the blank lines of its text before the offset.
 */
long vb_passage_paragraph_at(json_t *passage, long long offset);
/* Today (UTC) as YYYY-MM-DD. */
void vb_cite_today(char out[11]);

#endif
