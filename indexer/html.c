/* html.c: web pages: the article's text with its paragraphs, and its metadata, through libxml2's HTML parser. */
#include "ingest.h"
#include "ingest_priv.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "text/text.h"
#include "util/dl.h"

/* Paragraphs shorter than this (bytes) do not count for the scorer: captions, bylines, buttons. */
#define MIN_PARAGRAPH 25
/* An <article> or <main> with less text than this is a teaser, not the page's article. */
#define MIN_ARTICLE 140
/* JSON-LD nests articles in @graph arrays and objects; deeper is not metadata. */
#define JSONLD_MAX_DEPTH 8

/* ---- the parser --------------------------------------------------------- */

/*
 * libxml2 is loaded when the first web page is read, not when verbatim
 * starts: with liblzma it cost every process, every `verbatim search`
 * among them, some 0.3 ms of loading and relocation (a twentieth of a small
 * query's whole process, docs/performance.md) for a parser that only
 * indexing HTML uses.  The headers still give the types and the struct
 * layouts; these are the functions used.  server/http.c does the same for
 * libmicrohttpd.
 */
#define XML_SONAME "libxml2.so.2"   /* Debian's libxml2 */

static struct {
	__typeof__(&xmlInitParser) init_parser;
	__typeof__(&htmlNewParserCtxt) new_parser_ctxt;
	__typeof__(&htmlFreeParserCtxt) free_parser_ctxt;
	__typeof__(&htmlCtxtReadMemory) ctxt_read_memory;
	__typeof__(&xmlDocGetRootElement) doc_get_root_element;
	__typeof__(&xmlNodeGetContent) node_get_content;
	__typeof__(&xmlFreeDoc) free_doc;
	xmlFreeFunc *free;            /* libxml2's xmlFree, a variable */
	char error[256];              /* why it is not loaded, or "" */
} xml;

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

#define xmlInitParser xml.init_parser
#define htmlNewParserCtxt xml.new_parser_ctxt
#define htmlFreeParserCtxt xml.free_parser_ctxt
#define htmlCtxtReadMemory xml.ctxt_read_memory
#define xmlDocGetRootElement xml.doc_get_root_element
#define xmlNodeGetContent xml.node_get_content
#define xmlFreeDoc xml.free_doc
#undef xmlFree
#define xmlFree (*xml.free)

/* Load libxml2 and set up its globals, once, before threads use it. */
static void xml_init(void)
{
	static const char *const sonames[] = { XML_SONAME, "libxml2.so", NULL };
	const struct vb_dl_sym syms[] = {
		{ "xmlInitParser", &xml.init_parser },
		{ "htmlNewParserCtxt", &xml.new_parser_ctxt },
		{ "htmlFreeParserCtxt", &xml.free_parser_ctxt },
		{ "htmlCtxtReadMemory", &xml.ctxt_read_memory },
		{ "xmlDocGetRootElement", &xml.doc_get_root_element },
		{ "xmlNodeGetContent", &xml.node_get_content },
		{ "xmlFreeDoc", &xml.free_doc },
		{ "xmlFree", &xml.free },
	};
	if (vb_dl_load(sonames, "libxml2", "libxml2", syms, sizeof(syms) / sizeof(syms[0]),
		       xml.error, sizeof(xml.error)) == 0)
		xmlInitParser();
}

/* The first parse error worth telling the user, and how many there were. */
struct parse_errors {
	int code;
	int line;
	char message[160];
	unsigned count;
};

/*
 * libxml2 calls this for each error with the context in `ctx`, having
 * filled ctxt->lastError first.  Unknown tags are HTML5 elements libxml2's
 * HTML 4 tables do not know (article, main, time): not the page's fault.
 */
static void on_parse_error(void *ctx, const char *msg, ...)
{
	htmlParserCtxtPtr ctxt = ctx;
	struct parse_errors *pe = ctxt->_private;
	const xmlError *e = &ctxt->lastError;

	(void)msg;
	if (!pe || e->code == XML_HTML_UNKNOWN_TAG)
		return;
	if (!pe->count++) {
		pe->code = e->code;
		pe->line = e->line;
		snprintf(pe->message, sizeof(pe->message), "%s",
			 e->message ? e->message : "parse error");
		size_t n = strlen(pe->message);
		while (n && (pe->message[n - 1] == '\n' || pe->message[n - 1] == ' '))
			pe->message[--n] = '\0';
	}
}

static void on_parse_warning(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* ---- nodes -------------------------------------------------------------- */

static bool is_element(const xmlNode *n)
{
	return n && n->type == XML_ELEMENT_NODE && n->name;
}

static bool tag_is(const xmlNode *n, const char *name)
{
	return is_element(n) && !strcasecmp((const char *)n->name, name);
}

static bool tag_in(const xmlNode *n, const char *const *names)
{
	for (; *names; names++)
		if (tag_is(n, *names))
			return true;
	return false;
}

/* An attribute's text as parsed (no allocation), or NULL. */
static const char *attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (a->name && !strcasecmp((const char *)a->name, name)) {
			if (a->children && a->children->content)
				return (const char *)a->children->content;
			return "";
		}
	return NULL;
}

/* True when the space-separated (or other punctuation-separated) list has word. */
static bool has_token(const char *list, const char *word, bool split_dashes)
{
	size_t wn = strlen(word);
	const char *p = list;

	while (p && *p) {
		size_t n = 0;
		while (p[n] && !(p[n] == ' ' || p[n] == '\t' || p[n] == '\n' ||
				 (split_dashes && (p[n] == '-' || p[n] == '_'))))
			n++;
		if (n == wn && !strncasecmp(p, word, n))
			return true;
		p += n;
		while (*p == ' ' || *p == '\t' || *p == '\n' ||
		       (split_dashes && (*p == '-' || *p == '_')))
			p++;
	}
	return false;
}

static const char *const junk_tags[] = {
	"script", "style", "noscript", "template", "nav", "aside", "form",
	"button", "iframe", "svg", "select", "textarea", "input", "object",
	"embed", "canvas", "dialog", "menu", "footer", "head", "link", "meta",
	NULL,
};

static const char *const junk_roles[] = {
	"navigation", "banner", "contentinfo", "complementary", "search",
	"dialog", "alertdialog", "menu", "menubar", "toolbar", NULL,
};

/*
 * Words in a class or id that mark page furniture ("site-footer",
 * "cookie_banner", "share-buttons").  Whole words only, so "navigator" or
 * "shareholders" do not match.
 */
static const char *const junk_words[] = {
	"nav", "navbar", "navigation", "menu", "footer", "cookie", "cookies",
	"consent", "gdpr", "banner", "sidebar", "share", "sharing", "social",
	"related", "comment", "comments", "subscribe", "subscription",
	"newsletter", "signup", "breadcrumb", "breadcrumbs", "skip", "popup",
	"modal", "advert", "advertisement", "ads", "sponsor", "sponsored",
	"promo", "pagination", "pager", "toolbar", "topbar", NULL,
};

/* Elements that hold the page or its article, whatever their class says. */
static const char *const containers[] = { "html", "body", "main", "article", NULL };

/* Furniture outside an article, but an article's own heading inside one. */
static const char *const header_words[] = { "header", "masthead", NULL };

static bool words_match(const char *list, const char *const *words)
{
	if (!list || !*list)
		return false;
	for (; *words; words++)
		if (has_token(list, *words, true))
			return true;
	return false;
}

/*
 * Page furniture: dropped with everything inside.  `in_article` says the
 * node is inside an <article> (or the chosen content), where a <header>
 * is the article's title block.
 */
static bool is_junk(const xmlNode *n, bool in_article)
{
	const char *v;

	if (!is_element(n))
		return false;
	/* "<blockquote><p>“...”</p><footer>— Jane Doe, CEO</footer>": a
	 * quotation's footer is its signature, not the page's. */
	if (tag_is(n, "footer") && is_element(n->parent) &&
	    (tag_is(n->parent, "blockquote") || tag_is(n->parent, "figure")))
		return false;
	if (tag_in(n, junk_tags))
		return true;
	if (!in_article && tag_is(n, "header"))
		return true;
	/* A class on <body> or <main> ("nav-open", "has-sidebar") styles
	 * the page; it does not make the page furniture. */
	if (tag_in(n, containers))
		return false;
	if (attr(n, "hidden"))
		return true;
	if ((v = attr(n, "aria-hidden")) && !strcasecmp(v, "true"))
		return true;
	if ((v = attr(n, "style")) && strstr(v, "display:none"))
		return true;
	if ((v = attr(n, "role"))) {
		for (const char *const *r = junk_roles; *r; r++)
			if (has_token(v, *r, false))
				return true;
	}
	const char *cls = attr(n, "class"), *id = attr(n, "id");
	if (words_match(cls, junk_words) || words_match(id, junk_words))
		return true;
	if (!in_article &&
	    (words_match(cls, header_words) || words_match(id, header_words)))
		return true;
	return false;
}

/* True when an ancestor of n is furniture (its text will not be kept). */
static bool under_junk(const xmlNode *n)
{
	for (const xmlNode *p = n->parent; is_element(p); p = p->parent)
		if (is_junk(p, true))
			return true;
	return false;
}

/* Bytes of non-blank text in n, furniture excluded; links counted apart. */
static void text_size(const xmlNode *n, bool in_link, size_t *all, size_t *linked)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		for (const char *p = (const char *)n->content; p && *p; p++)
			if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') {
				(*all)++;
				if (in_link)
					(*linked)++;
			}
		return;
	}
	if (!is_element(n) || is_junk(n, true))
		return;
	in_link = in_link || tag_is(n, "a");
	for (const xmlNode *c = n->children; c; c = c->next)
		text_size(c, in_link, all, linked);
}

static size_t text_len(const xmlNode *n)
{
	size_t all = 0, linked = 0;
	text_size(n, false, &all, &linked);
	return all;
}

/* ---- choosing the article ----------------------------------------------- */

/* The first element (document order) for which pred holds, not under furniture. */
static const xmlNode *find_first(const xmlNode *n,
				 bool (*pred)(const xmlNode *))
{
	for (; n; n = n->next) {
		if (!is_element(n))
			continue;
		if (pred(n) && !under_junk(n))
			return n;
		const xmlNode *f = find_first(n->children, pred);
		if (f)
			return f;
	}
	return NULL;
}

static bool is_article_body(const xmlNode *n)
{
	const char *v = attr(n, "itemprop");
	return v && has_token(v, "articleBody", false);
}

static bool is_main(const xmlNode *n)
{
	const char *v = attr(n, "role");
	return tag_is(n, "main") || (v && has_token(v, "main", false));
}

static bool is_body(const xmlNode *n)
{
	return tag_is(n, "body");
}

/* The <article> with the most text: pages also use <article> for teasers. */
static void largest_article(const xmlNode *n, const xmlNode **best,
			    size_t *best_len)
{
	for (; n; n = n->next) {
		if (!is_element(n) || is_junk(n, false))
			continue;
		if (tag_is(n, "article")) {
			size_t len = text_len(n);
			if (len > *best_len) {
				*best = n;
				*best_len = len;
			}
		}
		largest_article(n->children, best, best_len);
	}
}

/*
 * The fallback when the page has no structure to go by, after
 * Readability's idea: each paragraph gives points to its parent (and half
 * to its grandparent), more for longer text and for commas, which prose
 * has and menus do not; the element with the most points, discounted by
 * the share of its text that is links, holds the article.
 */
struct candidate {
	const xmlNode *node;
	double score;
};

struct scorer {
	struct candidate *v;
	size_t n, alloc;
};

/*
 * A node's candidate is found through its _private field (libxml2 leaves
 * it to applications; ours are cleared after scoring): index + 1, so that
 * a page of ten thousand paragraphs is scored in linear time.
 */
static void add_score(struct scorer *s, const xmlNode *node, double points)
{
	if (!is_element(node))
		return;
	uintptr_t slot = (uintptr_t)node->_private;
	if (slot) {
		s->v[slot - 1].score += points;
		return;
	}
	VB_ALLOC_GROW(s->v, s->n + 1, s->alloc);
	s->v[s->n++] = (struct candidate){ .node = node, .score = points };
	((xmlNode *)node)->_private = (void *)(uintptr_t)s->n;
}

static bool is_paragraph(const xmlNode *n)
{
	static const char *const tags[] = { "p", "pre", "blockquote", "td", NULL };
	if (tag_in(n, tags))
		return true;
	if (!tag_is(n, "div"))
		return false;
	/* A <div> used as a paragraph: text of its own, no blocks inside. */
	for (const xmlNode *c = n->children; c; c = c->next)
		if (tag_is(c, "div") || tag_is(c, "p"))
			return false;
	return true;
}

static void score_paragraphs(const xmlNode *n, struct scorer *s)
{
	for (; n; n = n->next) {
		if (!is_element(n) || is_junk(n, false))
			continue;
		if (!is_paragraph(n)) {
			score_paragraphs(n->children, s);
			continue;
		}
		size_t all = 0, linked = 0;
		text_size(n, false, &all, &linked);
		if (all < MIN_PARAGRAPH)
			continue;
		double points = 1 + (all / 100 < 3 ? (double)(all / 100) : 3);
		xmlChar *t = xmlNodeGetContent(n);
		for (const char *p = (const char *)t; p && *p; p++)
			if (*p == ',')
				points += 1;
		xmlFree(t);
		add_score(s, n->parent, points);
		if (n->parent)
			add_score(s, n->parent->parent, points / 2);
	}
}

static const xmlNode *best_scored(const xmlNode *body)
{
	struct scorer s = { 0 };
	const xmlNode *best = NULL;
	double best_score = 0;

	score_paragraphs(body, &s);
	for (size_t i = 0; i < s.n; i++) {
		((xmlNode *)s.v[i].node)->_private = NULL;
		size_t all = 0, linked = 0;
		text_size(s.v[i].node, false, &all, &linked);
		double score = s.v[i].score *
			       (all ? 1.0 - (double)linked / (double)all : 0);
		if (score > best_score) {
			best = s.v[i].node;
			best_score = score;
		}
	}
	free(s.v);
	return best;
}

static const xmlNode *content_root(const xmlNode *root)
{
	const xmlNode *n = find_first(root, is_article_body), *best = NULL;
	size_t best_len = 0;

	if (n && text_len(n) >= MIN_PARAGRAPH)
		return n;
	largest_article(root, &best, &best_len);
	if (best && best_len >= MIN_ARTICLE)
		return best;
	n = find_first(root, is_main);
	if (n && text_len(n) >= MIN_ARTICLE)
		return n;
	n = best_scored(root);
	if (n)
		return n;
	n = find_first(root, is_body);
	return n ? n : root;
}

/* ---- text --------------------------------------------------------------- */

enum gap { GAP_NONE, GAP_SPACE, GAP_LINE, GAP_PARAGRAPH };

struct text_out {
	struct vb_buf buf;
	enum gap gap;    /* what separates the next text from what came before */
};

static void want_gap(struct text_out *o, enum gap g)
{
	if (g > o->gap)
		o->gap = g;
}

/* Write the pending separator: nothing at the start, one space or line ends. */
static void flush_gap(struct text_out *o)
{
	if (o->buf.len && o->gap >= GAP_LINE) {
		/* Line ends of a <pre> before a break are the break's. */
		while (o->buf.len && (o->buf.buf[o->buf.len - 1] == ' ' ||
				      o->buf.buf[o->buf.len - 1] == '\n'))
			vb_buf_truncate(&o->buf, o->buf.len - 1);
		vb_buf_adds(&o->buf, o->gap == GAP_LINE ? "\n" : "\n\n");
	} else if (o->buf.len && o->gap == GAP_SPACE) {
		vb_buf_addch(&o->buf, ' ');
	}
	o->gap = GAP_NONE;
}

static bool is_html_space(const char *p, size_t *n)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
		*n = 1;
		return true;
	}
	/* No-break space: layout, not a word. */
	if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
		*n = 2;
		return true;
	}
	return false;
}

static void add_text(struct text_out *o, const char *s, bool pre)
{
	if (pre) {
		/* A <pre> opening on a line end starts on the next line. */
		if (o->gap >= GAP_LINE || !o->buf.len)
			while (*s == '\n' || *s == '\r')
				s++;
		if (*s) {
			flush_gap(o);
			vb_buf_adds(&o->buf, s);
		}
		return;
	}
	while (*s) {
		size_t n;
		if (is_html_space(s, &n)) {
			want_gap(o, GAP_SPACE);
			s += n;
			continue;
		}
		flush_gap(o);
		const char *start = s;
		while (*s && !is_html_space(s, &n))
			s++;
		vb_buf_add(&o->buf, start, (size_t)(s - start));
	}
}

static const char *const paragraph_tags[] = {
	"p", "div", "section", "article", "main", "header", "h1", "h2", "h3",
	"h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
	"figure", "figcaption", "table", "thead", "tbody", "tfoot", "caption",
	"address", "hr", "center", "details", "summary", "fieldset", "pre",
	"body", "footer", NULL,
};

/*
 * Write the text of n.  `in_article`: n is inside an <article> (or the
 * article's body), where a <header> holds the headline, not the site's
 * logo and menu.
 */
static void emit(struct text_out *o, const xmlNode *n, bool pre, bool in_article)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			add_text(o, (const char *)n->content, pre);
		return;
	}
	if (!is_element(n) || is_junk(n, in_article))
		return;
	in_article = in_article || tag_is(n, "article");
	if (tag_is(n, "br") || tag_is(n, "tr")) {
		want_gap(o, GAP_LINE);
	} else if (tag_is(n, "td") || tag_is(n, "th")) {
		want_gap(o, GAP_SPACE);
	}
	bool block = tag_in(n, paragraph_tags);
	if (block)
		want_gap(o, GAP_PARAGRAPH);
	pre = pre || tag_is(n, "pre");
	for (const xmlNode *c = n->children; c; c = c->next)
		emit(o, c, pre, in_article);
	if (block)
		want_gap(o, GAP_PARAGRAPH);
	else if (tag_is(n, "tr"))
		want_gap(o, GAP_LINE);
}

/* ---- metadata ----------------------------------------------------------- */

/* What the page says about itself; each slot keeps the first value found. */
struct page_meta {
	/* JSON-LD */
	char *ld_title, *ld_date, *ld_author, *ld_source, *ld_url, *ld_lang,
	     *ld_type, *ld_description;
	/* <meta> */
	char *og_title, *meta_date, *og_site, *og_url, *meta_author,
	     *description, *og_locale;
	/* elements */
	char *title, *canonical, *lang, *time, *h1;
};

static void meta_release(struct page_meta *m)
{
	char **fields[] = {
		&m->ld_title, &m->ld_date, &m->ld_author, &m->ld_source,
		&m->ld_url, &m->ld_lang, &m->ld_type, &m->ld_description,
		&m->og_title, &m->meta_date, &m->og_site, &m->og_url,
		&m->meta_author, &m->description, &m->og_locale, &m->title,
		&m->canonical, &m->lang, &m->time, &m->h1,
	};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		free(*fields[i]);
}

/* Keep the first non-empty value. */
static void keep(char **slot, const char *value)
{
	if (*slot || !value)
		return;
	while (*value == ' ' || *value == '\t' || *value == '\n' || *value == '\r')
		value++;
	if (*value)
		*slot = vb_strdup(value);
}

/* An element's text, white space collapsed, malloc'd. */
static char *node_text(const xmlNode *n)
{
	struct text_out o = { .buf = VB_BUF_INIT };
	for (const xmlNode *c = n->children; c; c = c->next)
		emit(&o, c, false, true);
	return vb_buf_detach(&o.buf, NULL);
}

static void keep_text(char **slot, const xmlNode *n)
{
	if (*slot)
		return;
	char *t = node_text(n);
	keep(slot, t);
	free(t);
}

static const char *json_text(const json_t *v)
{
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A person or organisation: "Name", {"name": "Name"}, or a list of them. */
static void json_names(const json_t *v, struct vb_buf *out)
{
	const char *name = json_text(v);
	if (json_is_object(v))
		name = json_text(json_object_get(v, "name"));
	if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x)
			json_names(x, out);
		return;
	}
	if (!name || !*name)
		return;
	if (out->len)
		vb_buf_adds(out, ", ");
	vb_buf_adds(out, name);
}

static void keep_names(char **slot, const json_t *v)
{
	struct vb_buf b = VB_BUF_INIT;
	json_names(v, &b);
	keep(slot, b.buf);
	vb_buf_release(&b);
}

/* Our `type` for a schema.org type, or NULL when it is not an article. */
static const char *article_type(const json_t *type)
{
	if (json_is_array(type)) {
		size_t i;
		json_t *x;
		json_array_foreach(type, i, x) {
			const char *t = article_type(x);
			if (t)
				return t;
		}
		return NULL;
	}
	const char *t = json_text(type);
	if (!t)
		return NULL;
	if (!strcmp(t, "PressRelease"))
		return "press_release";
	size_t n = strlen(t);
	if ((n >= 7 && !strcmp(t + n - 7, "Article")) || !strcmp(t, "BlogPosting") ||
	    !strcmp(t, "Report"))
		return "article";
	return NULL;
}

static void jsonld_visit(const json_t *v, struct page_meta *m, int depth)
{
	if (depth > JSONLD_MAX_DEPTH)
		return;
	if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x)
			jsonld_visit(x, m, depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	const json_t *graph = json_object_get(v, "@graph");
	if (graph)
		jsonld_visit(graph, m, depth + 1);
	const char *type = article_type(json_object_get(v, "@type"));
	/* The first article described is the page's. */
	if (!type || m->ld_type)
		return;
	m->ld_type = vb_strdup(type);
	keep(&m->ld_title, json_text(json_object_get(v, "headline")));
	keep(&m->ld_title, json_text(json_object_get(v, "name")));
	keep(&m->ld_date, json_text(json_object_get(v, "datePublished")));
	keep(&m->ld_date, json_text(json_object_get(v, "dateCreated")));
	keep_names(&m->ld_author, json_object_get(v, "author"));
	keep_names(&m->ld_source, json_object_get(v, "publisher"));
	keep(&m->ld_url, json_text(json_object_get(v, "url")));
	keep(&m->ld_lang, json_text(json_object_get(v, "inLanguage")));
	keep(&m->ld_description, json_text(json_object_get(v, "description")));
}

static void read_jsonld(const xmlNode *script, struct page_meta *m,
			const struct ingest_sink *sink)
{
	xmlChar *text = xmlNodeGetContent(script);
	json_error_t e;
	json_t *v = json_loads((const char *)text, JSON_DECODE_ANY, &e);

	if (!v)
		ingest_report(sink, (unsigned)script->line, false,
			      "invalid JSON-LD at line %u: %s, ignored",
			      (unsigned)script->line, e.text);
	else
		jsonld_visit(v, m, 0);
	json_decref(v);
	xmlFree(text);
}

static void read_meta_tag(const xmlNode *n, struct page_meta *m)
{
	const char *key = attr(n, "property");
	const char *content = attr(n, "content");

	if (!key)
		key = attr(n, "name");
	if (!key)
		key = attr(n, "itemprop");
	if (!key || !content)
		return;
	if (!strcasecmp(key, "og:title"))
		keep(&m->og_title, content);
	else if (!strcasecmp(key, "og:site_name"))
		keep(&m->og_site, content);
	else if (!strcasecmp(key, "og:url"))
		keep(&m->og_url, content);
	else if (!strcasecmp(key, "og:locale"))
		keep(&m->og_locale, content);
	else if (!strcasecmp(key, "description") ||
		 !strcasecmp(key, "og:description"))
		keep(&m->description, content);
	else if (!strcasecmp(key, "author"))
		keep(&m->meta_author, content);
	else if (!strcasecmp(key, "article:published_time") ||
		 !strcasecmp(key, "datePublished") ||
		 !strcasecmp(key, "date") || !strcasecmp(key, "dc.date") ||
		 !strcasecmp(key, "dcterms.date") || !strcasecmp(key, "pubdate"))
		keep(&m->meta_date, content);
}

static void read_meta(const xmlNode *n, struct page_meta *m,
		      const struct ingest_sink *sink)
{
	for (; n; n = n->next) {
		if (!is_element(n))
			continue;
		if (tag_is(n, "meta")) {
			read_meta_tag(n, m);
		} else if (tag_is(n, "title")) {
			keep_text(&m->title, n);
		} else if (tag_is(n, "link")) {
			const char *rel = attr(n, "rel");
			if (rel && has_token(rel, "canonical", false))
				keep(&m->canonical, attr(n, "href"));
		} else if (tag_is(n, "script")) {
			const char *type = attr(n, "type");
			if (type && !strcasecmp(type, "application/ld+json"))
				read_jsonld(n, m, sink);
		} else if (tag_is(n, "html")) {
			keep(&m->lang, attr(n, "lang"));
			keep(&m->lang, attr(n, "xml:lang"));
		}
		read_meta(n->children, m, sink);
	}
}

/* The first <time datetime> (the article's own, when looked for inside it) and <h1>. */
static void read_article_meta(const xmlNode *n, struct page_meta *m)
{
	for (; n; n = n->next) {
		if (!is_element(n) || is_junk(n, true))
			continue;
		if (tag_is(n, "time"))
			keep(&m->time, attr(n, "datetime"));
		else if (tag_is(n, "h1"))
			keep_text(&m->h1, n);
		read_article_meta(n->children, m);
	}
}

/* Set a field from the first candidate that has a value. */
static void set_first(struct vb_doc *doc, enum ingest_field f, const char *key,
		      const struct ingest_sink *sink, const char *a,
		      const char *b, const char *c)
{
	const char *v = a ? a : b ? b : c;
	if (v)
		ingest_field_set(doc, f, v, strlen(v), key, 0, sink);
}

/* The date from the first candidate that is a date (JSON-LD, <meta>, <time>). */
static void set_date(struct vb_doc *doc, const struct page_meta *m,
		     const struct ingest_sink *sink)
{
	const char *candidates[] = { m->ld_date, m->meta_date, m->time };
	char date[11];

	for (size_t i = 0; i < 3; i++) {
		const char *v = candidates[i];
		if (v && ingest_normalize_date(v, strlen(v), date)) {
			doc->date = vb_strdup(date);
			return;
		}
	}
	for (size_t i = 0; i < 3; i++)
		if (candidates[i]) {
			ingest_report(sink, 0, false,
				      "no valid publication date in the page ('%.60s'), left out",
				      candidates[i]);
			return;
		}
}

/* Length of a title separator (" - ", " | ", " – ", " — ", " · ", " » ",
 * " :: ") at s, spaces on both sides included; 0 when there is none. */
static size_t title_separator(const char *s, const char *end)
{
	static const char *const seps[] = {
		"-", "|", "\u2013", "\u2014", "\u00b7", "\u00bb", "::",
	};
	const char *p = s;
	while (p < end && *p == ' ')
		p++;
	if (p == s)
		return 0;
	for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
		size_t n = strlen(seps[i]);
		if ((size_t)(end - p) > n && !memcmp(p, seps[i], n) && p[n] == ' ') {
			p += n;
			while (p < end && *p == ' ')
				p++;
			return (size_t)(p - s);
		}
	}
	return 0;
}

/*
 * <title> is often the headline and the site's name: "Headline - Site",
 * "Headline | Site", "Site | Headline".  When the page's <h1> is one side
 * of such a title, the other side is the site: returned (malloc'd), and
 * the headline is the <h1>.  NULL when the title is not of that shape.
 */
static char *title_site(const char *title, const char *h1)
{
	size_t tl = strlen(title), hl = strlen(h1);
	if (!hl || tl <= hl)
		return NULL;
	const char *end = title + tl;
	if (!strncmp(title, h1, hl)) {
		size_t sep = title_separator(title + hl, end);
		if (sep && hl + sep < tl)
			return vb_strdup(title + hl + sep);
	}
	if (!strcmp(end - hl, h1)) {
		/* "Site | Headline": the separator ends where the <h1> starts. */
		for (const char *p = title + 1; p < end - hl; p++)
			if (*p == ' ' && title_separator(p, end) == (size_t)(end - hl - p))
				return vb_strndup(title, (size_t)(p - title));
	}
	return NULL;
}

static void apply_meta(struct vb_doc *doc, const struct page_meta *m,
		       const struct ingest_sink *sink)
{
	char *site = m->title && m->h1 ? title_site(m->title, m->h1) : NULL;
	set_first(doc, INGEST_FIELD_TITLE, "title", sink, m->ld_title,
		  m->og_title, site ? m->h1 : m->title ? m->title : m->h1);
	set_date(doc, m, sink);
	set_first(doc, INGEST_FIELD_SOURCE, "source", sink, m->ld_source,
		  m->og_site, site);
	free(site);
	set_first(doc, INGEST_FIELD_URL, "url", sink, m->ld_url, m->og_url,
		  m->canonical);
	set_first(doc, INGEST_FIELD_LANG, "lang", sink, m->ld_lang, m->lang,
		  m->og_locale);
	set_first(doc, INGEST_FIELD_TYPE, "type", sink, m->ld_type, NULL, NULL);
	set_first(doc, INGEST_FIELD_AUTHOR, "author", sink, m->ld_author,
		  m->meta_author, NULL);
	const char *description = m->ld_description ? m->ld_description
						     : m->description;
	if (description) {
		json_t *o = json_object();
		json_object_set_new(o, "description", json_string(description));
		doc->extra = json_dumps(o, JSON_COMPACT);
		json_decref(o);
	}
	/* A title as long as a paragraph is cut like a body's first line;
	 * it is still the page's title, indexed as one. */
	if (doc->title && strlen(doc->title) > INGEST_TITLE_MAX) {
		bool excerpt;
		char *t = ingest_title_from_body(doc->title, strlen(doc->title), &excerpt);
		free(doc->title);
		doc->title = t;
	}
}

/* ---- the page ----------------------------------------------------------- */

static bool skip_prefix_ci(const char **p, const char *end, const char *s)
{
	size_t n = strlen(s);
	if ((size_t)(end - *p) < n || strncasecmp(*p, s, n))
		return false;
	*p += n;
	return true;
}

bool ingest_looks_like_html(const char *data, size_t len)
{
	const char *p = data, *end = data + (len < 4096 ? len : 4096);

	if (end - p >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	for (;;) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
			p++;
		const char *close = NULL;
		if (skip_prefix_ci(&p, end, "<!--"))
			close = "-->";
		else if (skip_prefix_ci(&p, end, "<?xml"))
			close = "?>";
		if (!close)
			break;
		const char *e = memmem(p, (size_t)(end - p), close, strlen(close));
		if (!e)
			return false;
		p = e + strlen(close);
	}
	if (skip_prefix_ci(&p, end, "<!doctype"))
		while (p < end && *p == ' ')
			p++;
	else if (!skip_prefix_ci(&p, end, "<"))
		return false;
	return skip_prefix_ci(&p, end, "html") &&
	       (p == end || *p == ' ' || *p == '>' || *p == '\t' ||
		*p == '\r' || *p == '\n');
}

int ingest_html_doc(const char *data, size_t len, const char *default_id,
		    struct vb_doc *doc, const struct ingest_sink *sink)
{
	struct parse_errors errors = { 0 };
	struct page_meta meta = { 0 };
	struct text_out out = { .buf = VB_BUF_INIT };
	int ret = VB_INGEST_ESKIP;

	memset(doc, 0, sizeof(*doc));
	doc->path = vb_strdup(sink->path ? sink->path : "");
	if (len > INT32_MAX) {
		ingest_report(sink, 0, true, "HTML page too large to parse, skipped");
		goto out_doc;
	}
	pthread_once(&xml_once, xml_init);
	if (xml.error[0]) {
		ingest_report(sink, 0, true, "%s, skipped", xml.error);
		goto out_doc;
	}
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	if (!ctxt) {
		ingest_report(sink, 0, true, "cannot parse HTML: out of memory, skipped");
		goto out_doc;
	}
	ctxt->_private = &errors;
	ctxt->sax->error = on_parse_error;
	ctxt->sax->warning = on_parse_warning;
	/* The text is UTF-8 by now: the page's own <meta charset> must not
	 * make libxml2 convert it a second time. */
	htmlDocPtr html = htmlCtxtReadMemory(ctxt, data, (int)len, NULL, "UTF-8",
					     HTML_PARSE_RECOVER | HTML_PARSE_NONET |
					     HTML_PARSE_NOWARNING |
					     HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
	const xmlNode *root = html ? xmlDocGetRootElement(html) : NULL;
	if (!root) {
		ingest_report(sink, 0, true, "cannot parse as HTML%s%s, skipped",
			      errors.count ? ": " : "", errors.message);
		goto out;
	}
	if (errors.count > 0)
		ingest_report(sink, (unsigned)errors.line, false,
			      "malformed HTML at line %d: %s (%u %s, repaired by the parser)",
			      errors.line, errors.message, errors.count,
			      errors.count == 1 ? "error" : "errors");

	read_meta(root, &meta, sink);
	const xmlNode *content = content_root(root);
	read_article_meta(content, &meta);
	if (!meta.time)
		read_article_meta(root, &meta);
	/* The chosen element's own class does not count, only its content's. */
	bool in_article = is_article_body(content);
	for (const xmlNode *p = content; is_element(p) && !in_article; p = p->parent)
		in_article = tag_is(p, "article");
	for (const xmlNode *c = content->children; c; c = c->next)
		emit(&out, c, tag_is(content, "pre"), in_article);

	if (ingest_is_blank(out.buf.buf, out.buf.len)) {
		ingest_report(sink, 0, true, "no article text found in the HTML page, skipped");
		goto out;
	}
	doc->body = vb_buf_detach(&out.buf, &doc->body_len);
	doc->body_line = 1;
	doc->hash = vb_hash64(data, len, 0);
	apply_meta(doc, &meta, sink);
	ingest_default_title(doc);
	if (!doc->id)
		doc->id = vb_strdup(default_id ? default_id : doc->path);
	/* libxml2 hands on its input's bytes; ours were repaired, but a
	 * decoded entity may still be a NUL or a lone surrogate. */
	if (!vb_utf8_valid(doc->body, doc->body_len)) {
		char *fixed = ingest_text_dup(doc->body, doc->body_len,
					      &doc->invalid_utf8);
		free(doc->body);
		doc->body = fixed;
		doc->body_len = strlen(fixed);
	}
	ret = 0;
out:
	xmlFreeDoc(html);
	htmlFreeParserCtxt(ctxt);
out_doc:
	meta_release(&meta);
	vb_buf_release(&out.buf);
	if (ret)
		vb_doc_release(doc);
	return ret;
}

int vb_parse_html_doc(const char *data, size_t len, const char *path,
		      const char *default_id, struct vb_doc *doc,
		      struct vb_buf *err)
{
	struct ingest_collect c = {
		.err = err,
		.reason = VB_BUF_INIT,
		.warnings = VB_BUF_INIT,
	};
	struct ingest_sink sink = {
		.path = path,
		.on_report = ingest_collect_report,
		.ud = &c,
	};
	struct vb_buf repaired = VB_BUF_INIT;
	if (!vb_utf8_valid(data, len)) {
		vb_utf8_repair(data, len, &repaired);
		data = repaired.buf;
		len = repaired.len;
	}
	int ret = ingest_html_doc(data, len, default_id, doc, &sink);
	vb_buf_release(&repaired);
	return ingest_collect_finish(&c, ret);
}
