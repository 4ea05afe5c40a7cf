/* passage.h: splitting a document body into passages, the unit search ranks and shows. */
#ifndef VB_PASSAGE_H
#define VB_PASSAGE_H

#include <stddef.h>

#include "text/text.h"
#include "util/buf.h"

/*
 * A passage is a paragraph, or a few short ones.  Paragraphs are joined
 * to the next until the passage holds VB_PASSAGE_MIN bytes (a short last
 * one joins the one before), so that headings, datelines, "Ends" and the
 * one-sentence paragraphs of wire copy never rank alone, and the index
 * does not pay a Xapian document's overhead for each (docs/performance.md).
 * The passage's paragraph number is that of its first paragraph.
 * Paragraphs longer than VB_PASSAGE_MAX bytes are
 * split at sentence boundaries into passages of about VB_PASSAGE_TARGET
 * bytes; a single sentence longer than VB_PASSAGE_MAX (a run-on line with no
 * sentence end) is cut at the last white space before the limit, or at a
 * UTF-8 boundary when there is none.  Passages never overlap, and each span
 * is trimmed of white space.
 */
/* Measured: 2000/4000 indexed 15% faster than 1200/2400 and made the
 * index 10% smaller (fewer Xapian documents, fewer position lists);
 * 3000/6000 made the index of sotu+reuters 5% smaller again, changing
 * only paragraphs over 4000 bytes, which press releases and news seldom
 * have: a passage still reads as a paragraph (docs/performance.md). */
#define VB_PASSAGE_MIN 400
#define VB_PASSAGE_TARGET 3000
#define VB_PASSAGE_MAX 6000

struct vb_passage {
	size_t start, end;    /* byte offsets in the body */
	unsigned paragraph;   /* 1-based paragraph number in the body */
};

struct vb_passages {
	struct vb_passage *v;
	size_t n, alloc;
};

void vb_passages_release(struct vb_passages *p);

/*
 * Append the passages of body[0..len) to `out`.  `skip` (may be NULL) lists
 * byte ranges to leave out of passages (boilerplate), sorted by start; a
 * paragraph entirely inside a skipped range is dropped.
 */
int vb_passages_build(vb_tokenizer *tk, const char *body, size_t len,
		      const struct vb_spans *skip, struct vb_passages *out,
		      struct vb_buf *err);

#endif
