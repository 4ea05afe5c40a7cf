/* cite_format.c: writing CSL-JSON items as CSL-JSON, BibLaTeX, RIS, Markdown or text. */
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "db.h"

static const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/* date-parts of a CSL date as y, m, d (0 when missing); 0 if there is none. */
static int date_of(json_t *item, const char *key, long *y, long *m, long *d)
{
	json_t *p = json_array_get(json_object_get(json_object_get(item, key),
						   "date-parts"), 0);
	*y = (long)json_integer_value(json_array_get(p, 0));
	*m = (long)json_integer_value(json_array_get(p, 1));
	*d = (long)json_integer_value(json_array_get(p, 2));
	return *y > 0;
}

static void iso_date(json_t *item, const char *key, char sep, int ris, struct vb_buf *out)
{
	long y, m, d;
	if (!date_of(item, key, &y, &m, &d))
		return;
	vb_buf_addf(out, "%04ld", y);
	if (m)
		vb_buf_addf(out, "%c%02ld", sep, m);
	else if (ris)
		vb_buf_addch(out, sep);
	if (d)
		vb_buf_addf(out, "%c%02ld", sep, d);
	else if (ris)
		vb_buf_addch(out, sep);
	if (ris)
		vb_buf_addch(out, sep);
}

static json_t *quotes_of(json_t *item)
{
	return json_object_get(json_object_get(json_object_get(item, "custom"), "verbatim"),
			       "quotes");
}

/* ---- BibLaTeX ---------------------------------------------------------- */

void vb_cite_bibtex_escape(struct vb_buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': case '%': case '$': case '#': case '_': case '{': case '}':
			vb_buf_addch(out, '\\');
			vb_buf_addch(out, *s);
			break;
		case '~': vb_buf_adds(out, "\\textasciitilde{}"); break;
		case '^': vb_buf_adds(out, "\\textasciicircum{}"); break;
		case '\\': vb_buf_adds(out, "\\textbackslash{}"); break;
		default: vb_buf_addch(out, *s);
		}
	}
}

static void bib_field(struct vb_buf *out, const char *name, const char *value)
{
	if (!value || !*value)
		return;
	vb_buf_addf(out, "  %s = {", name);
	vb_cite_bibtex_escape(out, value);
	vb_buf_adds(out, "},\n");
}

/* Organisations in double braces, so that they are not split into given
 * and family names; people as "Family, Given". */
static void bib_names(struct vb_buf *out, json_t *names)
{
	json_t *n;
	size_t i;
	if (!json_array_size(names))
		return;
	vb_buf_adds(out, "  author = {");
	json_array_foreach(names, i, n) {
		if (i)
			vb_buf_adds(out, " and ");
		if (json_object_get(n, "literal")) {
			vb_buf_addch(out, '{');
			vb_cite_bibtex_escape(out, vb_json_str(n, "literal"));
			vb_buf_addch(out, '}');
		} else {
			vb_cite_bibtex_escape(out, vb_json_str(n, "family"));
			if (*vb_json_str(n, "given")) {
				vb_buf_adds(out, ", ");
				vb_cite_bibtex_escape(out, vb_json_str(n, "given"));
			}
		}
	}
	vb_buf_adds(out, "},\n");
}

/* A URL is verbatim in BibLaTeX; only braces would break the field. */
static void bib_url(struct vb_buf *out, const char *url)
{
	if (!*url)
		return;
	vb_buf_adds(out, "  url = {");
	for (; *url; url++) {
		if (*url == '{')
			vb_buf_adds(out, "%7B");
		else if (*url == '}')
			vb_buf_adds(out, "%7D");
		else
			vb_buf_addch(out, *url);
	}
	vb_buf_adds(out, "},\n");
}

static void bib_item(struct vb_buf *out, json_t *item)
{
	const char *type = vb_json_str(item, "type");
	struct vb_buf date = VB_BUF_INIT, urldate = VB_BUF_INIT;
	const char *entry = !strcmp(type, "article-newspaper") ? "article"
			    : !strcmp(type, "report") ? "report" : "misc";
	vb_buf_addf(out, "@%s{%s,\n", entry, vb_json_str(item, "id"));
	bib_names(out, json_object_get(item, "author"));
	/* Titles are written as their sources wrote them: braces keep styles
	 * and readers (pandoc) from recasing them. */
	vb_buf_adds(out, "  title = {{");
	vb_cite_bibtex_escape(out, vb_json_str(item, "title"));
	vb_buf_adds(out, "}},\n");
	if (!strcmp(entry, "article")) {
		bib_field(out, "journaltitle", vb_json_str(item, "container-title"));
		bib_field(out, "entrysubtype", "newspaper");
	} else {
		bib_field(out, "type", vb_json_str(item, "genre"));
		bib_field(out, !strcmp(entry, "report") ? "institution" : "publisher",
			  vb_json_str(item, "publisher"));
		if (strcmp(entry, "report"))
			bib_field(out, "howpublished", vb_json_str(item, "container-title"));
	}
	iso_date(item, "issued", '-', 0, &date);
	bib_field(out, "date", date.buf);
	bib_url(out, vb_json_str(item, "URL"));
	iso_date(item, "accessed", '-', 0, &urldate);
	bib_field(out, "urldate", urldate.buf);
	bib_field(out, "note", vb_json_str(item, "note"));
	vb_buf_adds(out, "}\n");
	vb_buf_release(&date);
	vb_buf_release(&urldate);
}

/* ---- RIS --------------------------------------------------------------- */

/* One tag line; RIS ends lines with CR LF and has no line breaks in values. */
static void ris_line(struct vb_buf *out, const char *tag, const char *value)
{
	if (!value || !*value)
		return;
	vb_buf_addf(out, "%s  - ", tag);
	for (; *value; value++)
		vb_buf_addch(out, *value == '\n' || *value == '\r' ? ' ' : *value);
	vb_buf_adds(out, "\r\n");
}

static void ris_item(struct vb_buf *out, json_t *item)
{
	const char *type = vb_json_str(item, "type");
	struct vb_buf b = VB_BUF_INIT;
	json_t *n, *q;
	size_t i;
	ris_line(out, "TY", !strcmp(type, "article-newspaper") ? "NEWS"
			    : !strcmp(type, "report") ? "RPRT" : "GEN");
	ris_line(out, "ID", vb_json_str(item, "id"));
	json_array_foreach(json_object_get(item, "author"), i, n) {
		vb_buf_reset(&b);
		if (json_object_get(n, "literal")) {
			vb_buf_adds(&b, vb_json_str(n, "literal"));
		} else {
			vb_buf_adds(&b, vb_json_str(n, "family"));
			if (*vb_json_str(n, "given"))
				vb_buf_addf(&b, ", %s", vb_json_str(n, "given"));
		}
		ris_line(out, "AU", b.buf);
	}
	ris_line(out, "T1", vb_json_str(item, "title"));
	ris_line(out, "T2", vb_json_str(item, "container-title"));
	ris_line(out, "PB", vb_json_str(item, "publisher"));
	ris_line(out, "M3", vb_json_str(item, "genre"));
	long y, m, d;
	if (date_of(item, "issued", &y, &m, &d)) {
		vb_buf_reset(&b);
		vb_buf_addf(&b, "%04ld", y);
		ris_line(out, "PY", b.buf);
		vb_buf_reset(&b);
		iso_date(item, "issued", '/', 1, &b);
		ris_line(out, "DA", b.buf);
	}
	ris_line(out, "UR", vb_json_str(item, "URL"));
	vb_buf_reset(&b);
	iso_date(item, "accessed", '/', 1, &b);
	ris_line(out, "Y2", b.buf);
	ris_line(out, "LA", vb_json_str(item, "language"));
	json_array_foreach(quotes_of(item), i, q) {
		vb_buf_reset(&b);
		vb_quote_words(vb_json_str(q, "text"), vb_json_str(q, "kind"), &b);
		vb_buf_adds(&b, " \xe2\x80\x94 ");
		vb_cite_attribution(q, &b);
		if (*vb_json_str(q, "locator"))
			vb_buf_addf(&b, " (%s)", vb_json_str(q, "locator"));
		ris_line(out, "N1", b.buf);
	}
	vb_buf_adds(out, "ER  - \r\n");
	vb_buf_release(&b);
}

/* ---- Markdown and text ------------------------------------------------- */

/* Markdown's special characters escaped, so a quote reads as written. */
static void md_escape(struct vb_buf *out, const char *s, int markdown)
{
	for (; *s; s++) {
		if (markdown && strchr("\\`*_[]<>#|$", *s))
			vb_buf_addch(out, '\\');
		vb_buf_addch(out, *s);
	}
}

static void ref_authors(json_t *names, int markdown, struct vb_buf *out)
{
	size_t n = json_array_size(names), i;
	json_t *a;
	json_array_foreach(names, i, a) {
		if (i)
			vb_buf_adds(out, i + 1 == n ? (n > 2 ? ", & " : " & ") : ", ");
		if (json_object_get(a, "literal")) {
			md_escape(out, vb_json_str(a, "literal"), markdown);
			continue;
		}
		md_escape(out, vb_json_str(a, "family"), markdown);
		const char *g = vb_json_str(a, "given");
		if (!*g)
			continue;
		vb_buf_adds(out, ",");
		/* Initials: "Hannah Jane" -> "H. J.". */
		for (const char *p = g; *p; ) {
			while (*p == ' ')
				p++;
			if (!*p)
				break;
			size_t cl = 1;
			while (((unsigned char)p[cl] & 0xc0) == 0x80)
				cl++;
			vb_buf_addch(out, ' ');
			vb_buf_add(out, p, cl);
			vb_buf_addch(out, '.');
			while (*p && *p != ' ')
				p++;
		}
	}
}

static void ref_date(json_t *item, struct vb_buf *out)
{
	long y, m, d;
	if (!date_of(item, "issued", &y, &m, &d)) {
		vb_buf_adds(out, " (n.d.).");
		return;
	}
	vb_buf_addf(out, " (%ld", y);
	if (m >= 1 && m <= 12)
		vb_buf_addf(out, ", %s", months[m - 1]);
	if (m && d)
		vb_buf_addf(out, " %ld", d);
	vb_buf_adds(out, ").");
}

static void add_sentence_end(struct vb_buf *out)
{
	if (out->len && !strchr(".?!", out->buf[out->len - 1]))
		vb_buf_addch(out, '.');
}

void vb_cite_reference(json_t *item, int md, struct vb_buf *out)
{
	json_t *authors = json_object_get(item, "author");
	const char *title = vb_json_str(item, "title");
	const char *container = vb_json_str(item, "container-title");
	const char *publisher = vb_json_str(item, "publisher");
	int news = !strcmp(vb_json_str(item, "type"), "article-newspaper");
	const char *em = md ? "*" : "";

	if (json_array_size(authors)) {
		ref_authors(authors, md, out);
		add_sentence_end(out);
		ref_date(item, out);
		vb_buf_addch(out, ' ');
		vb_buf_adds(out, news ? "" : em);
		md_escape(out, title, md);
		vb_buf_adds(out, news ? "" : em);
	} else {
		vb_buf_adds(out, news ? "" : em);
		md_escape(out, title, md);
		vb_buf_adds(out, news ? "" : em);
		ref_date(item, out);
	}
	if (*vb_json_str(item, "genre"))
		vb_buf_addf(out, " [%s]", vb_json_str(item, "genre"));
	add_sentence_end(out);
	if (*container) {
		vb_buf_addf(out, " %s", em);
		md_escape(out, container, md);
		vb_buf_addf(out, "%s.", em);
	}
	/* The publisher is left out when it is also the author, as APA does. */
	json_t *first = json_array_get(authors, 0);
	if (*publisher && (json_array_size(authors) != 1 ||
			   strcmp(vb_json_str(first, "literal"), publisher))) {
		vb_buf_addch(out, ' ');
		md_escape(out, publisher, md);
		add_sentence_end(out);
	}
	if (*vb_json_str(item, "URL"))
		vb_buf_addf(out, md ? " <%s>" : " %s", vb_json_str(item, "URL"));
	struct vb_buf acc = VB_BUF_INIT;
	iso_date(item, "accessed", '-', 0, &acc);
	if (acc.len)
		vb_buf_addf(out, " (accessed %s)", acc.buf);
	vb_buf_release(&acc);
}

/* Columns of UTF-8 text: one per code point. */
static size_t columns(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/* Append `text` wrapped at `width` columns, continuation lines indented
 * by `indent` spaces; the first line starts at column `col`. */
static void wrap(struct vb_buf *out, const char *text, size_t col, size_t indent,
		 size_t width)
{
	const char *p = text;
	int first = 1;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		size_t w = columns(p, (size_t)(e - p));
		if (!first && col + 1 + w > width) {
			vb_buf_addf(out, "\n%*s", (int)indent, "");
			col = indent;
		} else if (!first) {
			vb_buf_addch(out, ' ');
			col++;
		}
		vb_buf_add(out, p, (size_t)(e - p));
		col += w;
		first = 0;
		p = e;
	}
}

static void quote_block(struct vb_buf *out, json_t *q, int md)
{
	const char *pre = md ? "  > " : "    ";
	if (md) {
		struct vb_buf t = VB_BUF_INIT;
		vb_quote_words(vb_json_str(q, "text"), vb_json_str(q, "kind"), &t);
		vb_buf_adds(out, pre);
		md_escape(out, t.buf, md);
		vb_buf_addf(out, "\\\n%s\xe2\x80\x94 ", pre);
		vb_buf_release(&t);
	} else {
		struct vb_buf t = VB_BUF_INIT;
		vb_quote_words(vb_json_str(q, "text"), vb_json_str(q, "kind"), &t);
		vb_buf_adds(out, pre);
		wrap(out, t.buf, 4, 5, 78);
		vb_buf_addf(out, "\n%s\xe2\x80\x94 ", pre);
		vb_buf_release(&t);
	}
	struct vb_buf a = VB_BUF_INIT;
	vb_cite_attribution(q, &a);
	if (*vb_json_str(q, "locator"))
		vb_buf_addf(&a, " (%s)", vb_json_str(q, "locator"));
	if (md)
		md_escape(out, a.buf, md);
	else
		wrap(out, a.buf, 6, 6, 78);   /* "    — " is six columns */
	vb_buf_release(&a);
	vb_buf_addch(out, '\n');
}

static void readable_item(struct vb_buf *out, json_t *item, int md)
{
	json_t *q;
	size_t i;
	if (md) {
		vb_buf_addf(out, "- **%s** ", vb_json_str(item, "id"));
		vb_cite_reference(item, md, out);
	} else {
		struct vb_buf ref = VB_BUF_INIT;
		vb_buf_addf(&ref, "[%s] ", vb_json_str(item, "id"));
		vb_cite_reference(item, md, &ref);
		wrap(out, ref.buf, 0, 4, 78);
		vb_buf_release(&ref);
	}
	vb_buf_addch(out, '\n');
	json_array_foreach(quotes_of(item), i, q) {
		vb_buf_addch(out, '\n');
		quote_block(out, q, md);
	}
}

void vb_cite_format_items(json_t *items, enum vb_cite_format f, struct vb_buf *out)
{
	json_t *item;
	size_t i;
	if (f == VB_CITE_CSL_JSON) {
		char *s = json_dumps(items, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		vb_buf_adds(out, s);
		vb_buf_addch(out, '\n');
		free(s);
		return;
	}
	json_array_foreach(items, i, item) {
		if (i && f != VB_CITE_RIS)
			vb_buf_adds(out, "\n");
		switch (f) {
		case VB_CITE_BIBLATEX: bib_item(out, item); break;
		case VB_CITE_RIS: ris_item(out, item); break;
		case VB_CITE_MARKDOWN: readable_item(out, item, 1); break;
		default: readable_item(out, item, 0); break;
		}
	}
}
