/* index_priv.h: what index.c and annotate.c share to build Xapian documents. */
#ifndef VB_INDEX_PRIV_H
#define VB_INDEX_PRIV_H

#include <stdbool.h>

#include "analyze.h"
#include "extract/extract.h"
#include "index.h"
#include "passage.h"
#include "text/text.h"
#include "util/strset.h"

#define MAX_ANALYZERS 16

/* Quotes, entities, dates and quoted spans of a document, each sorted by
 * start, and how far the passages have taken them. */
struct vb_ordered {
	size_t start;   /* byte offset in the body */
	size_t index;   /* into the extraction's array */
};

struct vb_order {
	struct vb_ordered *quotes, *entities, *dates;
	struct vb_spans spans;          /* direct and partial quote spans */
	struct org_name {
		char *folded;
		const char *canonical;
	} *orgs;
	size_t norgs;
	size_t alloc_q, alloc_e, alloc_d, alloc_o;
	size_t q, e, d, s;              /* cursors: first not yet taken */
};

struct analyzer_slot {
	char lang[16];
	struct vb_analyzer *analyzer;
};

/*
 * A document analysed and ready to write: its Xapian documents (passages,
 * then the record) and what the writer merges into database-wide state.
 * Built by any thread, written by the one that owns the database, in input
 * order, so the index is the same whatever the number of threads.
 */
struct vb_built {
	xap_doc **docs;
	size_t ndocs, alloc;
	/* When set, each Xapian document goes into this database as soon as
	 * it is made instead of into `docs`: how a document too big to hold
	 * whole in memory is written. */
	xap_db *sink;
	size_t made;                   /* Xapian documents made */
	size_t passages;
	struct vb_strset spelling;     /* word -> occurrences in the document */
	/* Entity terms named in the document: "term\0name\0" pairs. */
	struct vb_buf entity_names;
	struct vb_buf doc_term;        /* XDOC: term, to delete the old version */
	char lang[16];
};

/*
 * What analysing one document needs: the text pipeline, the extractor and
 * scratch space reused from document to document.  One per thread; it
 * never touches the database.
 */
struct vb_worker {
	const struct vb_indexer_opts *opts;
	const struct vb_aliases *aliases;
	vb_tokenizer *tokenizer;
	vb_extractor *extractor;
	struct analyzer_slot analyzers[MAX_ANALYZERS];
	size_t nanalyzers;
	struct vb_buf term, word, scratch;
	struct vb_tokens tokens;
	struct vb_passages passages;
	const char *body;             /* the current document's text */
	size_t body_offset;           /* its offset in its file */
	struct vb_extraction extraction;
	struct vb_strset quote_ids;   /* quotes of the current document */
	struct vb_strset entities;    /* entity terms of the current document */
	/* The extraction in document order, built once per document so that
	 * each passage takes its items with cursors: a document's cost stays
	 * linear in its size (see vb_annotation_prepare). */
	struct vb_order order;
	struct vb_spans skip, quoted;
	struct vb_built *out;         /* what the current document gives */
};

int vb_worker_init(struct vb_worker *w, const struct vb_indexer_opts *opts,
		   const struct vb_aliases *aliases, struct vb_buf *err);
void vb_worker_release(struct vb_worker *w);
/* Analyse `doc` (language `lang`, primary subtag) into `out`, which must
 * be empty (vb_built_release). */
int vb_worker_build(struct vb_worker *w, const struct vb_doc *doc,
		    const char *lang, struct vb_built *out, struct vb_buf *err);
void vb_built_release(struct vb_built *b);

struct term_ctx {
	xap_doc *doc;
	xap_error xe;
	int failed;
};

void vb_annotation_prepare(struct vb_worker *w);
void vb_order_release(struct vb_order *o);

/* Helpers of index.c, used by annotate.c too. */
void vb_ix_add_bool(struct term_ctx *c, struct vb_buf *term, const char *prefix,
		    const char *value);
/* Post the words of text[0..len) under "Z" + prefix, from position *pos on
 * (NULL: no positions).  Words inside `quoted` (byte ranges relative to
 * text, sorted; may be NULL) are also posted under "Z" + VB_PREFIX_QUOTE,
 * without positions. */
int vb_ix_post_text(struct vb_worker *w, struct term_ctx *c,
		    struct vb_analyzer *an, const char *text, size_t len,
		    const char *prefix, unsigned *pos, bool spelling,
		    const struct vb_spans *quoted, struct vb_buf *err);
void vb_ix_add_common_terms(struct vb_worker *w, struct term_ctx *c,
			    const struct vb_doc *doc, const char *lang,
			    const char *kind);
void vb_ix_set_json_data(struct term_ctx *c, json_t *o);
/* The same, then a newline and `text` (a passage's data). */
void vb_ix_set_data_text(struct term_ctx *c, json_t *o, const char *text, size_t len);
int vb_ix_fail(struct vb_buf *err, const xap_error *xe);

/* annotate.c: the extraction's terms on the passage [p->start, p->end),
 * and its quotes' summaries in `data` ("quotes").  Passages must come in
 * order, after vb_annotation_prepare. */
int vb_annotate_passage(struct vb_worker *w, struct term_ctx *c,
			struct vb_analyzer *an, const struct vb_passage *p,
			json_t *data, struct vb_buf *err);
/* Direct and partial quote spans inside [p->start, p->end), relative to
 * p->start, sorted, into `out` (reset first). */
void vb_quoted_spans(struct vb_worker *w, const struct vb_passage *p,
		     struct vb_spans *out);

#endif
