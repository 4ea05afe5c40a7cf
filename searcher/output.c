/* output.c: colour choice and word-wrapped printing with highlights. */
#include "output.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/usage.h"

int vb_color_parse(const char *s)
{
	if (!strcmp(s, "auto"))
		return VB_COLOR_AUTO;
	if (!strcmp(s, "always"))
		return VB_COLOR_ALWAYS;
	if (!strcmp(s, "never"))
		return VB_COLOR_NEVER;
	return -1;
}

int vb_color_option(const char *arg, enum vb_color_mode *mode)
{
	int m = vb_color_parse(arg);
	if (m < 0)
		return vb_usage_error("--color takes auto, always or never, not '%s'", arg);
	*mode = (enum vb_color_mode)m;
	return 0;
}

bool vb_color_enabled(enum vb_color_mode mode, FILE *f)
{
	if (mode != VB_COLOR_AUTO)
		return mode == VB_COLOR_ALWAYS;
	const char *no = getenv("NO_COLOR");
	if (no && *no)
		return false;
	const char *term = getenv("TERM");
	if (term && !strcmp(term, "dumb"))
		return false;
	return isatty(fileno(f));
}

void vb_style_init(struct vb_style *st, bool color)
{
	st->color = color;
	if (color) {
		st->hl_on = "\033[1;33m";
		st->hl_off = "\033[0m";
		st->dim_on = "\033[2m";
		st->dim_off = "\033[0m";
		st->bold_on = "\033[1m";
		st->bold_off = "\033[0m";
	} else {
		/* Without colour, mark highlights the way Markdown would. */
		st->hl_on = "**";
		st->hl_off = "**";
		st->dim_on = st->dim_off = "";
		st->bold_on = st->bold_off = "";
	}
}

/* Display columns of s[0..n): code points, counting wide CJK as two. */
static int columns(const char *s, size_t n)
{
	int cols = 0;
	size_t i = 0;
	while (i < n) {
		unsigned cp = vb_utf8_next(s, n, &i);
		cols += vb_codepoint_is_ideographic(cp) ? 2 : 1;
	}
	return cols;
}

void vb_print_wrapped(FILE *f, const char *text, size_t len,
		      const struct vb_spans *hl, const struct vb_style *st,
		      int indent, int width)
{
	fprintf(f, "%*s", indent, "");
	vb_print_wrapped_at(f, text, len, hl, st, indent, indent, width);
}

void vb_print_wrapped_at(FILE *f, const char *text, size_t len,
			 const struct vb_spans *hl, const struct vb_style *st,
			 int col, int indent, int width)
{
	size_t i = 0, h = 0;
	bool in_hl = false, space = false;
	int line_start = col;

	while (i < len) {
		/* One "word": up to the next space (or one wide character,
		 * so Chinese text wraps too). */
		size_t j = i;
		while (hl && h < hl->n && hl->v[h].end <= i) {
			if (in_hl) {
				fputs(st->hl_off, f);
				in_hl = false;
			}
			h++;
		}
		if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' ||
		    text[i] == '\r') {
			while (j < len && (text[j] == ' ' || text[j] == '\n' ||
					   text[j] == '\t' || text[j] == '\r'))
				j++;
			/* Written before the next word, if it fits on the
			 * line: no trailing spaces. */
			space = col > line_start;
			i = j;
			continue;
		}
		while (j < len && text[j] != ' ' && text[j] != '\n' &&
		       text[j] != '\t' && text[j] != '\r') {
			size_t k = j;
			unsigned cp = vb_utf8_next(text, len, &k);
			if (vb_codepoint_is_ideographic(cp) && j > i)
				break;
			j = k;
			if (vb_codepoint_is_ideographic(cp))
				break;
		}
		int w = columns(text + i, j - i);
		if (col + (space ? 1 : 0) + w > width && col > line_start) {
			if (in_hl)
				fputs(st->hl_off, f);
			fprintf(f, "\n%*s", indent, "");
			if (in_hl)
				fputs(st->hl_on, f);
			col = line_start = indent;
			space = false;
		}
		if (space) {
			fputc(' ', f);
			col++;
			space = false;
		}
		/* Emit byte by byte so highlight boundaries inside a word
		 * ("IFPI’s") are honoured. */
		for (size_t k = i; k < j; k++) {
			while (hl && h < hl->n && hl->v[h].end <= k) {
				if (in_hl) {
					fputs(st->hl_off, f);
					in_hl = false;
				}
				h++;
			}
			if (hl && h < hl->n && hl->v[h].start == k && !in_hl) {
				fputs(st->hl_on, f);
				in_hl = true;
			}
			fputc(text[k], f);
		}
		col += w;
		i = j;
	}
	while (hl && h < hl->n && hl->v[h].end <= i) {
		if (in_hl) {
			fputs(st->hl_off, f);
			in_hl = false;
		}
		h++;
	}
	if (in_hl)
		fputs(st->hl_off, f);
	fputc('\n', f);
}
