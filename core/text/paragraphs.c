/* paragraphs.c: split text into paragraphs at blank lines and indented first lines. */
#include "text/text.h"

#include <limits.h>
#include <stdlib.h>

struct line {
	size_t start, end;     /* content without surrounding white space */
	unsigned indent;       /* columns of leading white space */
	bool blank;            /* nothing but white space */
	bool ends_paragraph;   /* terminated by U+2029 PARAGRAPH SEPARATOR */
};

/*
 * Byte length of the horizontal white space character at s[i], or 0.  Besides
 * ASCII this knows NO-BREAK SPACE, the Unicode spaces U+2000..U+200A, U+202F,
 * U+205F and IDEOGRAPHIC SPACE, which Chinese and Japanese text uses to
 * indent paragraphs.
 */
static size_t space_length(const unsigned char *s, size_t i, size_t len,
			   unsigned *columns)
{
	unsigned char c = s[i];

	if (c == ' ' || c == '\v' || c == '\f') {
		*columns = 1;
		return 1;
	}
	if (c == '\t') {
		*columns = 4;
		return 1;
	}
	if (c == 0xC2 && i + 1 < len && s[i + 1] == 0xA0) {
		*columns = 1;
		return 2;
	}
	if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
	    ((s[i + 2] >= 0x80 && s[i + 2] <= 0x8A) || s[i + 2] == 0xAF)) {
		*columns = 1;
		return 3;
	}
	if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x81 && s[i + 2] == 0x9F) {
		*columns = 1;
		return 3;
	}
	if (c == 0xE3 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] == 0x80) {
		*columns = 2;
		return 3;
	}
	return 0;
}

/*
 * Byte length of the line terminator at s[i], or 0: LF, CR LF, a lone CR,
 * NEL, U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR.
 */
static size_t newline_length(const unsigned char *s, size_t i, size_t len,
			     bool *paragraph)
{
	unsigned char c = s[i];

	*paragraph = false;
	if (c == '\n')
		return 1;
	if (c == '\r')
		return (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
	if (c == 0xC2 && i + 1 < len && s[i + 1] == 0x85)
		return 2;
	if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
	    (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
		*paragraph = s[i + 2] == 0xA9;
		return 3;
	}
	return 0;
}

/* Read the line starting at `pos`; returns the position after its terminator. */
static size_t read_line(const unsigned char *s, size_t len, size_t pos,
			struct line *ln)
{
	size_t i = pos, n;
	unsigned cols;
	bool para = false;

	ln->indent = 0;
	ln->ends_paragraph = false;
	while (i < len && (n = space_length(s, i, len, &cols))) {
		if (ln->indent < UINT_MAX - 8)
			ln->indent += cols;
		i += n;
	}
	ln->start = i;
	ln->end = i;
	while (i < len) {
		/* Printable ASCII, the bulk of most text, in one tight loop. */
		if (s[i] > ' ' && s[i] < 0x80) {
			while (i < len && s[i] > ' ' && s[i] < 0x80)
				i++;
			ln->end = i;
			continue;
		}
		if ((n = newline_length(s, i, len, &para))) {
			ln->ends_paragraph = para;
			i += n;
			break;
		}
		if ((n = space_length(s, i, len, &cols))) {
			i += n;
			continue;
		}
		i++;
		/* Skip the rest of a multi-byte character in one go. */
		while (i < len && (s[i] & 0xC0) == 0x80)
			i++;
		ln->end = i;
	}
	ln->blank = ln->end == ln->start;
	return i;
}

/*
 * The least indentation of any non-blank line.  A text indented as a whole
 * (quoted mail, a pasted block) then reads as soft-wrapped lines, while wire
 * copy, whose first lines are indented and whose other lines are not, splits
 * at each indented line.
 */
static unsigned base_indent(const unsigned char *s, size_t len)
{
	unsigned base = UINT_MAX;
	struct line ln;

	for (size_t pos = 0; pos < len && base;) {
		pos = read_line(s, len, pos, &ln);
		if (!ln.blank && ln.indent < base)
			base = ln.indent;
	}
	return base == UINT_MAX ? 0 : base;
}

static void add_span(struct vb_spans *out, size_t start, size_t end)
{
	VB_ALLOC_GROW(out->v, out->n + 1, out->alloc);
	out->v[out->n].start = start;
	out->v[out->n].end = end;
	out->n++;
}

void vb_paragraphs(const char *text, size_t len, struct vb_spans *out)
{
	const unsigned char *s = (const unsigned char *)text;
	unsigned base = base_indent(s, len);
	bool open = false;
	size_t start = 0, end = 0;
	struct line ln;

	for (size_t pos = 0; pos < len;) {
		pos = read_line(s, len, pos, &ln);
		if (ln.blank) {
			if (open)
				add_span(out, start, end);
			open = false;
			continue;
		}
		if (open && ln.indent > base) {
			add_span(out, start, end);
			open = false;
		}
		if (!open)
			start = ln.start;
		open = true;
		end = ln.end;
		if (ln.ends_paragraph) {
			add_span(out, start, end);
			open = false;
		}
	}
	if (open)
		add_span(out, start, end);
}

void vb_spans_release(struct vb_spans *sp)
{
	free(sp->v);
	sp->v = NULL;
	sp->n = sp->alloc = 0;
}
