/* output.h: printing for people: colour on terminals, wrapped text, highlights. */
#ifndef VB_OUTPUT_H
#define VB_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "text/text.h"

enum vb_color_mode { VB_COLOR_AUTO, VB_COLOR_ALWAYS, VB_COLOR_NEVER };

/* Parse "auto" / "always" / "never"; -1 when it is none of them. */
int vb_color_parse(const char *s);
/* Parse a --color value into *mode; on a bad value print a usage error
 * and return VB_EXIT_USAGE, else 0. */
int vb_color_option(const char *arg, enum vb_color_mode *mode);

/* Whether to colour `f` (AUTO: a terminal and no $NO_COLOR). */
bool vb_color_enabled(enum vb_color_mode mode, FILE *f);

struct vb_style {
	bool color;
	const char *hl_on, *hl_off;     /* around highlighted words */
	const char *dim_on, *dim_off;   /* metadata lines */
	const char *bold_on, *bold_off; /* titles */
};

void vb_style_init(struct vb_style *st, bool color);

/*
 * Print text[0..len) wrapped at `width` columns with `indent` spaces in
 * front of every line, marking the highlighted spans (sorted byte offsets).
 */
void vb_print_wrapped(FILE *f, const char *text, size_t len,
		      const struct vb_spans *hl, const struct vb_style *st,
		      int indent, int width);
/* The same, starting at column `col` of a line already begun (a hanging
 * indent: "1. " then the text, continuation lines at `indent`). */
void vb_print_wrapped_at(FILE *f, const char *text, size_t len,
			 const struct vb_spans *hl, const struct vb_style *st,
			 int col, int indent, int width);

#endif
