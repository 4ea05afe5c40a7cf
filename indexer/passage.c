/* passage.c: paragraphs, and long paragraphs split at sentence boundaries. */
#include "passage.h"

#include <stdbool.h>
#include <stdlib.h>

void vb_passages_release(struct vb_passages *p)
{
	free(p->v);
	p->v = NULL;
	p->n = p->alloc = 0;
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static void push(struct vb_passages *out, const char *body, size_t start,
		 size_t end, unsigned paragraph)
{
	while (start < end && is_space((unsigned char)body[start]))
		start++;
	while (end > start && is_space((unsigned char)body[end - 1]))
		end--;
	if (start == end)
		return;
	VB_ALLOC_GROW(out->v, out->n + 1, out->alloc);
	out->v[out->n].start = start;
	out->v[out->n].end = end;
	out->v[out->n].paragraph = paragraph;
	out->n++;
}

/* Cut [start, end) into pieces of at most VB_PASSAGE_MAX bytes at white space. */
static void push_hard_split(struct vb_passages *out, const char *body,
			    size_t start, size_t end, unsigned paragraph)
{
	while (end - start > VB_PASSAGE_MAX) {
		size_t cut = start + VB_PASSAGE_MAX;
		size_t i = cut;
		while (i > start + VB_PASSAGE_MAX / 2 &&
		       !is_space((unsigned char)body[i]))
			i--;
		if (i > start + VB_PASSAGE_MAX / 2) {
			cut = i;
		} else {
			/* No white space: cut at a UTF-8 character boundary. */
			while (cut > start &&
			       ((unsigned char)body[cut] & 0xC0) == 0x80)
				cut--;
		}
		push(out, body, start, cut, paragraph);
		start = cut;
	}
	push(out, body, start, end, paragraph);
}

static int split_paragraph(vb_tokenizer *tk, const char *body, size_t start,
			   size_t end, unsigned paragraph,
			   struct vb_passages *out, struct vb_spans *sent,
			   struct vb_buf *err)
{
	size_t chunk_start = start, i;

	sent->n = 0;
	if (vb_sentences(tk, body + start, end - start, sent, err) < 0)
		return -1;
	for (i = 0; i < sent->n; i++) {
		size_t s_start = start + sent->v[i].start;
		size_t s_end = start + sent->v[i].end;
		if (s_end - s_start > VB_PASSAGE_MAX) {
			if (s_start > chunk_start)
				push(out, body, chunk_start, s_start, paragraph);
			push_hard_split(out, body, s_start, s_end, paragraph);
			chunk_start = s_end;
			continue;
		}
		/* Close the chunk before this sentence if it would overflow. */
		if (s_end - chunk_start > VB_PASSAGE_MAX ||
		    (s_start - chunk_start >= VB_PASSAGE_TARGET)) {
			push(out, body, chunk_start, s_start, paragraph);
			chunk_start = s_start;
		}
	}
	if (chunk_start < end)
		push_hard_split(out, body, chunk_start, end, paragraph);
	return 0;
}

/* Is [start, end) inside one of the skipped ranges? */
static int skipped(const struct vb_spans *skip, size_t start, size_t end)
{
	if (!skip)
		return 0;
	for (size_t i = 0; i < skip->n; i++)
		if (skip->v[i].start <= start && end <= skip->v[i].end)
			return 1;
	return 0;
}

int vb_passages_build(vb_tokenizer *tk, const char *body, size_t len,
		      const struct vb_spans *skip, struct vb_passages *out,
		      struct vb_buf *err)
{
	struct vb_spans paras = { 0 }, sent = { 0 };
	size_t pending = (size_t)-1;   /* start of short paragraphs held back */
	unsigned pending_number = 0;
	bool after_skip = false;       /* the paragraph before was boilerplate */
	int rc = 0;

	vb_paragraphs(body, len, &paras);
	for (size_t i = 0; i < paras.n && !rc; i++) {
		size_t s = paras.v[i].start, e = paras.v[i].end;
		unsigned number = (unsigned)i + 1;
		bool next_ok = i + 1 < paras.n &&
			       !skipped(skip, paras.v[i + 1].start, paras.v[i + 1].end);
		if (skipped(skip, s, e)) {
			/* Never merge across boilerplate. */
			if (pending != (size_t)-1)
				push(out, body, pending, paras.v[i - 1].end,
				     pending_number);
			pending = (size_t)-1;
			after_skip = true;
			continue;
		}
		if (pending != (size_t)-1) {
			if (e - pending > VB_PASSAGE_MAX) {
				/* This paragraph does not fit: what was held
				 * back stands alone. */
				push(out, body, pending, paras.v[i - 1].end,
				     pending_number);
			} else {
				s = pending;
				number = pending_number;
			}
			pending = (size_t)-1;
		}
		if (e - s < VB_PASSAGE_MIN && next_ok) {
			/* Too short to stand alone: hold it for the next. */
			pending = s;
			pending_number = number;
			continue;
		}
		if (e - s < VB_PASSAGE_MIN && !next_ok && out->n && !after_skip &&
		    e - out->v[out->n - 1].start <= VB_PASSAGE_MAX) {
			/* A short last paragraph joins the one before. */
			out->v[out->n - 1].end = e;
			continue;
		}
		after_skip = false;
		if (e - s <= VB_PASSAGE_MAX)
			push(out, body, s, e, number);
		else
			rc = split_paragraph(tk, body, s, e, number, out, &sent, err);
	}
	vb_spans_release(&paras);
	vb_spans_release(&sent);
	return rc;
}
