/* snippet.h: the best window of a passage, with the query's words highlighted. */
#ifndef VB_SNIPPET_H
#define VB_SNIPPET_H

#include <stdbool.h>
#include <stddef.h>

#include "text/text.h"
#include "util/buf.h"

/*
 * Highlighting analyzes the passage with the same analyzer as the index,
 * so "lawsuits" lights up for a query "lawsuit", "IFPI’s" for "ifpi", and
 * Chinese words for Chinese queries, which Xapian's own MSet::snippet (with
 * its own tokenizer) would miss.
 */
struct vb_highlighter;

/* terms: full index terms ("Zlawsuit"); wildcards: term prefixes ("Zlaw"). */
struct vb_highlighter *vb_highlighter_new(char *const *terms, size_t nterms,
					  char *const *wildcards,
					  size_t nwildcards);
void vb_highlighter_free(struct vb_highlighter *h);

struct vb_snippet {
	struct vb_buf text;          /* the snippet, with "…" where cut */
	struct vb_spans highlights;  /* byte offsets into text */
};

void vb_snippet_init(struct vb_snippet *s);
void vb_snippet_release(struct vb_snippet *s);

/*
 * Fill `out` (reset first) with at most about `max_bytes` of `text` around
 * the densest cluster of query words, cut at word boundaries.  `lang` picks
 * the stemmer.  Returns 0, or -1 with a message in err.
 */
int vb_snippet_make(struct vb_highlighter *h, const char *text, size_t len,
		    const char *lang, size_t max_bytes, struct vb_snippet *out,
		    struct vb_buf *err);

#endif
