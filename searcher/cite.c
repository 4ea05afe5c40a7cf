/* cite.c: CSL-JSON items of documents with their quotes, readable keys, and the formats written from them. */
#include "cite.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "db.h"
#include "schema.h"
#include "search.h"
#include "util/date.h"

static const char *const format_names[] = {
	[VB_CITE_CSL_JSON] = "csl-json",
	[VB_CITE_BIBLATEX] = "biblatex",
	[VB_CITE_RIS] = "ris",
	[VB_CITE_MARKDOWN] = "markdown",
	[VB_CITE_TEXT] = "text",
};

int vb_cite_format_parse(const char *name)
{
	for (size_t i = 0; i < sizeof(format_names) / sizeof(*format_names); i++)
		if (!strcmp(name, format_names[i]))
			return (int)i;
	return -1;
}

const char *vb_cite_format_name(enum vb_cite_format f)
{
	return format_names[f];
}

void vb_cite_today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* ---- names ------------------------------------------------------------- */

/* Words that make a name an organisation's. */
static const char *const org_words[] = {
	"inc", "ltd", "plc", "llc", "gmbh", "ag", "sa", "co", "corp", "corporation",
	"company", "group", "association", "federation", "alliance", "union",
	"ministry", "department", "university", "court", "office", "council",
	"committee", "commission", "agency", "authority", "institute", "foundation",
	"society", "government", "division", "network", "networks", "bank", "board",
	"press", "news", "wire", "records", "music", "media", "partners",
	"international", "national", "organisation", "organization", "trust",
	"chamber", "parliament", "tribunal", "ombudsman", "service", "services", NULL,
};

static int is_org_word(const char *w, size_t len)
{
	for (size_t i = 0; org_words[i]; i++)
		if (strlen(org_words[i]) == len && !strncasecmp(w, org_words[i], len))
			return 1;
	return 0;
}

/* The words of a name, and whether one of them says "organisation". */
static int org_signs(const char *name, size_t *nwords)
{
	size_t words = 0;
	const char *p = name;
	while (*p) {
		while (*p == ' ' || *p == ',' || *p == '(' || *p == ')')
			p++;
		if (!*p)
			break;
		const char *w = p;
		while (*p && *p != ' ' && *p != ',' && *p != '(' && *p != ')')
			p++;
		size_t len = (size_t)(p - w);
		words++;
		*nwords = words;
		if (is_org_word(w, len))
			return 1;
		/* An acronym ("IFSRP") or a word with digits. */
		int upper = 0, lower = 0;
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)w[i];
			if (c >= 0x80)
				continue;
			if (isdigit(c))
				return 1;
			upper += isupper(c) != 0;
			lower += islower(c) != 0;
		}
		if (upper >= 2 && !lower)
			return 1;
	}
	/* Scripts without spaces (Chinese, Japanese): names of people are
	 * short, those of companies long. */
	for (const unsigned char *s = (const unsigned char *)name; *s; s++)
		if (*s >= 0xe3 && *s <= 0xe9 && strlen(name) > 12)
			return 1;
	return words >= 5;
}

int vb_cite_is_org(const char *name)
{
	size_t words = 0;
	/* One word ("TechCircuit") is not a person's full name either. */
	return org_signs(name, &words) || words == 1;
}

/* A person's name as CSL's family and given ("Family, Given" or "Given
 * Family", particles such as "van" and "de" kept with the family name). */
static json_t *person_name(const char *name)
{
	const char *comma = strchr(name, ',');
	json_t *o = json_object();
	if (comma) {
		const char *g = comma + 1;
		while (*g == ' ')
			g++;
		json_object_set_new(o, "family", json_stringn(name, (size_t)(comma - name)));
		json_object_set_new(o, "given", json_string(g));
		return o;
	}
	const char *end = name + strlen(name);
	while (end > name && end[-1] == ' ')
		end--;
	const char *fam = end;
	while (fam > name && fam[-1] != ' ')
		fam--;
	/* Lowercase words before the last one belong to the family name. */
	while (fam > name) {
		const char *prev = fam - 1;
		while (prev > name && prev[-1] == ' ')
			prev--;
		const char *w = prev;
		while (w > name && w[-1] != ' ')
			w--;
		if (w == name || !islower((unsigned char)*w))
			break;
		fam = w;
	}
	const char *gend = fam;
	while (gend > name && gend[-1] == ' ')
		gend--;
	json_object_set_new(o, "family", json_stringn(fam, (size_t)(end - fam)));
	if (gend > name)
		json_object_set_new(o, "given", json_stringn(name, (size_t)(gend - name)));
	return o;
}

static json_t *name_object(const char *name)
{
	if (vb_cite_is_org(name))
		return json_pack("{s:s}", "literal", name);
	return person_name(name);
}

/* Split "A and B" when both halves are names of one kind: "Sharespan Inc
 * and International Federation..." is two authors, "Ministry of Trade and
 * Industry" is one. */
static void add_names(json_t *list, const char *names)
{
	char *copy = vb_strdup(names), *save = NULL;
	for (char *part = strtok_r(copy, ";", &save); part; part = strtok_r(NULL, ";", &save)) {
		while (*part == ' ')
			part++;
		if (!*part)
			continue;
		char *and = strstr(part, " and ");
		if (!and)
			and = strstr(part, " & ");
		if (and) {
			char *second = and + (and[1] == '&' ? 3 : 5);
			*and = '\0';
			size_t w1 = 0, w2 = 0;
			int o1 = org_signs(part, &w1), o2 = org_signs(second, &w2);
			if ((o1 && o2) || (!o1 && !o2 && w1 >= 2 && w2 >= 2)) {
				json_array_append_new(list, name_object(part));
				json_array_append_new(list, name_object(second));
				continue;
			}
			*and = ' ';
		}
		json_array_append_new(list, name_object(part));
	}
	free(copy);
}

/* ---- items ------------------------------------------------------------- */

static json_t *date_parts(const char *date)
{
	int y = 0, m = 0, d = 0;
	int n = sscanf(date, "%4d-%2d-%2d", &y, &m, &d);
	if (n < 1 || y <= 0)
		return NULL;
	json_t *parts = json_array();
	json_array_append_new(parts, json_integer(y));
	if (n >= 2 && m > 0)
		json_array_append_new(parts, json_integer(m));
	if (n >= 3 && d > 0)
		json_array_append_new(parts, json_integer(d));
	return json_pack("{s:[o]}", "date-parts", parts);
}

struct type_map {
	const char *type;      /* ours, from the record */
	const char *csl;
	const char *genre;     /* CSL genre, or NULL */
	int container;         /* source is the container (a newspaper), not the publisher */
	int speaker_author;    /* the speaker is the author */
};

static const struct type_map type_maps[] = {
	{ "article", "article-newspaper", NULL, 1, 0 },
	{ "news", "article-newspaper", NULL, 1, 0 },
	{ "news_article", "article-newspaper", NULL, 1, 0 },
	{ "press_release", "report", "Press release", 0, 0 },
	{ "statement", "speech", "Statement", 0, 1 },
	{ "speech", "speech", "Speech", 0, 1 },
	{ "interview", "interview", NULL, 1, 1 },
	{ "report", "report", NULL, 0, 0 },
	{ "blog", "post-weblog", NULL, 1, 0 },
	{ NULL, "document", NULL, 0, 0 },
};

static const struct type_map *type_map_of(const char *type)
{
	const struct type_map *t = type_maps;
	for (; t->type; t++)
		if (!strcasecmp(t->type, type))
			return t;
	return t;
}

json_t *vb_cite_item_from_record(json_t *rec, const char *accessed)
{
	const struct type_map *t = type_map_of(vb_json_str(rec, "type"));
	const char *source = vb_json_str(rec, "source");
	const char *author = vb_json_str(rec, "author");
	const char *speaker = vb_json_str(rec, "speaker");
	json_t *item = json_object(), *authors = json_array(), *d;

	json_object_set_new(item, "type", json_string(t->csl));
	if (t->genre)
		json_object_set_new(item, "genre", json_string(t->genre));
	if (*author)
		add_names(authors, author);
	else if (t->speaker_author && *speaker)
		add_names(authors, speaker);
	else if (!t->container && *source)
		json_array_append_new(authors, json_pack("{s:s}", "literal", source));
	if (json_array_size(authors))
		json_object_set(item, "author", authors);
	json_decref(authors);
	json_object_set_new(item, "title", json_string(vb_json_str(rec, "title")));
	if (*source)
		json_object_set_new(item, t->container ? "container-title" : "publisher",
				    json_string(source));
	if ((d = date_parts(vb_json_str(rec, "date"))))
		json_object_set_new(item, "issued", d);
	if (accessed && (d = date_parts(accessed)))
		json_object_set_new(item, "accessed", d);
	if (*vb_json_str(rec, "url"))
		json_object_set(item, "URL", json_object_get(rec, "url"));
	if (*vb_json_str(rec, "lang"))
		json_object_set(item, "language", json_object_get(rec, "lang"));
	json_object_set_new(item, "custom", json_pack("{s:{s:O,s:[]}}", "verbatim",
		"doc_id", json_object_get(rec, "id") ? json_object_get(rec, "id") : json_null(),
		"quotes"));
	return item;
}

static json_t *item_quotes(json_t *item)
{
	return json_object_get(json_object_get(json_object_get(item, "custom"), "verbatim"),
			       "quotes");
}

static const char *item_doc_id(json_t *item)
{
	return vb_json_str(json_object_get(json_object_get(item, "custom"), "verbatim"),
			   "doc_id");
}

/* The quote as an item carries it. */
static json_t *item_quote(json_t *q)
{
	json_t *sp = json_object_get(q, "speaker");
	json_t *o = json_object();
	json_object_set(o, "id", json_object_get(q, "id"));
	json_object_set(o, "text", json_object_get(q, "text"));
	/* direct, partial or indirect: reported speech is no quotation */
	json_t *kind = json_object_get(q, "quote_kind");
	json_object_set(o, "kind", kind ? kind : json_null());
	static const char *const spk[] = { "name", "role", "org", NULL };
	static const char *const as[] = { "speaker", "role", "org" };
	for (size_t i = 0; spk[i]; i++) {
		const char *v = vb_json_str(sp, spk[i]);
		json_object_set_new(o, as[i], *v ? json_string(v) : json_null());
	}
	json_object_set(o, "passage", json_object_get(q, "passage"));
	json_t *para = json_object_get(q, "paragraph");
	json_object_set(o, "paragraph", para ? para : json_null());
	if (json_integer_value(para) > 0) {
		char loc[32];
		snprintf(loc, sizeof(loc), "para. %lld", (long long)json_integer_value(para));
		json_object_set_new(o, "locator", json_string(loc));
	} else {
		json_object_set_new(o, "locator", json_null());
	}
	return o;
}

void vb_cite_attribution(json_t *q, struct vb_buf *out)
{
	const char *name = vb_json_str(q, "speaker"), *role = vb_json_str(q, "role");
	const char *org = vb_json_str(q, "org");
	if (!*name) {
		vb_buf_adds(out, *org ? org : "speaker unknown");
		return;
	}
	vb_buf_adds(out, name);
	/* "a spokesman" needs no role "spokesman" after it. */
	if (*role && !strcasestr(name, role))
		vb_buf_addf(out, ", %s", role);
	if (*org)
		vb_buf_addf(out, ", %s", org);
}

/* ---- keys -------------------------------------------------------------- */

static int is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* Transliterate to Latin ASCII with ICU; falls back to dropping what it
 * cannot convert. */
static void transliterate(const char *s, struct vb_buf *out)
{
	static const UChar rules[] = u"Any-Latin; Latin-ASCII";
	UErrorCode ec = U_ZERO_ERROR;
	int32_t ulen = 0;
	u_strFromUTF8(NULL, 0, &ulen, s, -1, &ec);
	ec = U_ZERO_ERROR;
	int32_t cap = ulen * 4 + 16, len = ulen;
	UChar *u = vb_malloc((size_t)cap * sizeof(UChar));
	u_strFromUTF8(u, cap, NULL, s, -1, &ec);
	UTransliterator *tr = U_SUCCESS(ec)
		? utrans_openU(rules, -1, UTRANS_FORWARD, NULL, 0, NULL, &ec) : NULL;
	if (U_SUCCESS(ec) && tr) {
		int32_t limit = len;
		utrans_transUChars(tr, u, &len, cap, 0, &limit, &ec);
	}
	if (tr)
		utrans_close(tr);
	if (U_SUCCESS(ec)) {
		int32_t n = 0;
		u_strToUTF8(NULL, 0, &n, u, len, &ec);
		ec = U_ZERO_ERROR;
		vb_buf_grow(out, (size_t)n + 1);
		u_strToUTF8(out->buf + out->len, n + 1, NULL, u, len, &ec);
		if (U_SUCCESS(ec))
			out->len += (size_t)n;
		out->buf[out->len] = '\0';
	} else {
		vb_buf_adds(out, s);
	}
	free(u);
}

void vb_cite_ascii_fold(const char *s, struct vb_buf *out)
{
	struct vb_buf latin = VB_BUF_INIT;
	if (is_ascii(s))
		vb_buf_adds(&latin, s);
	else
		transliterate(s, &latin);
	int space = 0;
	size_t start = out->len;
	for (const char *p = latin.buf; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x80 && isalnum(c)) {
			if (space && out->len > start)
				vb_buf_addch(out, ' ');
			space = 0;
			vb_buf_addch(out, tolower(c));
		} else if (c != '\'' && c != '-') {
			/* "Listeners'" and "Vasseur-Lambin" stay one word. */
			space = 1;
		}
	}
	vb_buf_release(&latin);
}

static const char *const minor_words[] = {
	"a", "an", "the", "of", "on", "in", "at", "for", "and", "to", "by", "with",
	"from", "as", "or", "le", "la", "les", "de", "des", "du", "der", "die", "das",
	"und", "et", "von", NULL,
};

static int is_minor(const char *w, size_t len)
{
	for (size_t i = 0; minor_words[i]; i++)
		if (strlen(minor_words[i]) == len && !strncmp(w, minor_words[i], len))
			return 1;
	return 0;
}

/* Significant words of folded text ("a b c"), as [start, end) pairs. */
static size_t significant_words(const char *s, size_t max, size_t *starts, size_t *ends)
{
	size_t n = 0, i = 0, len = strlen(s);
	while (i < len && n < max) {
		size_t j = i;
		while (j < len && s[j] != ' ')
			j++;
		if (!is_minor(s + i, j - i)) {
			starts[n] = i;
			ends[n] = j;
			n++;
		}
		i = j + 1;
	}
	return n;
}

/* The author part of a key: a family name, or an organisation's first
 * significant word, or its acronym when it has four or more. */
static void key_author(json_t *item, struct vb_buf *out)
{
	json_t *a = json_array_get(json_object_get(item, "author"), 0);
	struct vb_buf f = VB_BUF_INIT;
	const char *name = NULL;
	if (a && json_object_get(a, "family"))
		name = vb_json_str(a, "family");
	else if (a)
		name = vb_json_str(a, "literal");
	else if (*vb_json_str(item, "container-title"))
		name = vb_json_str(item, "container-title");
	else
		name = vb_json_str(item, "publisher");
	/* An organisation's name up to a comma: "Caldorian High Court,
	 * Commercial Division". */
	const char *comma = a && json_object_get(a, "family") ? NULL : strchr(name, ',');
	char *head = comma ? vb_strndup(name, (size_t)(comma - name)) : vb_strdup(name);
	vb_cite_ascii_fold(head, &f);
	free(head);
	if (a && json_object_get(a, "family")) {
		for (size_t i = 0; i < f.len; i++)
			if (f.buf[i] != ' ')
				vb_buf_addch(out, f.buf[i]);
	} else {
		size_t st[16], en[16];
		size_t n = significant_words(f.buf, 16, st, en);
		if (n >= 4) {
			for (size_t i = 0; i < n && i < 8; i++)
				vb_buf_addch(out, f.buf[st[i]]);
		} else if (n) {
			vb_buf_add(out, f.buf + st[0], en[0] - st[0]);
		}
	}
	vb_buf_release(&f);
}

void vb_cite_key_base(json_t *item, struct vb_buf *out)
{
	size_t start = out->len;
	key_author(item, out);
	if (out->len == start)
		vb_buf_adds(out, "anon");
	json_t *year = json_array_get(json_array_get(
		json_object_get(json_object_get(item, "issued"), "date-parts"), 0), 0);
	if (year)
		vb_buf_addf(out, "%lld", (long long)json_integer_value(year));
	else
		vb_buf_adds(out, "nd");
	struct vb_buf f = VB_BUF_INIT;
	size_t st[1], en[1];
	vb_cite_ascii_fold(vb_json_str(item, "title"), &f);
	if (significant_words(f.buf, 1, st, en))
		vb_buf_add(out, f.buf + st[0], en[0] - st[0]);
	vb_buf_release(&f);
}

static const char *issued_str(json_t *item, char out[16])
{
	json_t *p = json_array_get(json_object_get(json_object_get(item, "issued"),
						   "date-parts"), 0);
	snprintf(out, 16, "%04lld%02lld%02lld",
		 (long long)json_integer_value(json_array_get(p, 0)),
		 (long long)json_integer_value(json_array_get(p, 1)),
		 (long long)json_integer_value(json_array_get(p, 2)));
	return out;
}

static int by_date_then_doc(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	char dx[16], dy[16];
	int c = strcmp(issued_str(x, dx), issued_str(y, dy));
	return c ? c : strcmp(item_doc_id(x), item_doc_id(y));
}

static int by_id(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int c = strcmp(vb_json_str(x, "id"), vb_json_str(y, "id"));
	return c ? c : strcmp(item_doc_id(x), item_doc_id(y));
}

static void add_suffix(struct vb_buf *key, size_t i)
{
	if (i >= 26)
		vb_buf_addch(key, (int)('a' + (i / 26 - 1) % 26));
	vb_buf_addch(key, (int)('a' + i % 26));
}

void vb_cite_assign_keys(json_t *items)
{
	size_t n = json_array_size(items);
	json_t **v = vb_calloc(n ? n : 1, sizeof(*v));
	char **base = vb_calloc(n ? n : 1, sizeof(*base));
	for (size_t i = 0; i < n; i++) {
		struct vb_buf k = VB_BUF_INIT;
		v[i] = json_array_get(items, i);
		vb_cite_key_base(v[i], &k);
		base[i] = vb_buf_detach(&k, NULL);
	}
	for (size_t i = 0; i < n; i++) {
		if (!base[i])
			continue;
		json_t **same = vb_calloc(n, sizeof(*same));
		size_t m = 0;
		for (size_t j = i; j < n; j++)
			if (base[j] && !strcmp(base[i], base[j]))
				same[m++] = v[j];
		qsort(same, m, sizeof(*same), by_date_then_doc);
		for (size_t j = 0; j < m; j++) {
			struct vb_buf k = VB_BUF_INIT;
			vb_buf_adds(&k, base[i]);
			if (m > 1)
				add_suffix(&k, j);
			json_object_set_new(same[j], "id", json_string(k.buf));
			vb_buf_release(&k);
		}
		char *b = base[i];
		for (size_t j = i + 1; j < n; j++)
			if (base[j] && !strcmp(b, base[j])) {
				free(base[j]);
				base[j] = NULL;
			}
		free(b);
		base[i] = NULL;
		free(same);
	}
	free(base);
	free(v);
}

/* ---- the list ---------------------------------------------------------- */

struct vb_cite_list {
	char accessed[16];
	json_t *items;     /* array, in the order documents were added */
	json_t *by_doc;    /* doc id -> item */
};

struct vb_cite_list *vb_cite_list_new(const char *accessed)
{
	struct vb_cite_list *l = vb_calloc(1, sizeof(*l));
	if (accessed)
		snprintf(l->accessed, sizeof(l->accessed), "%s", accessed);
	else
		vb_cite_today(l->accessed);
	l->items = json_array();
	l->by_doc = json_object();
	return l;
}

void vb_cite_list_free(struct vb_cite_list *l)
{
	if (!l)
		return;
	json_decref(l->items);
	json_decref(l->by_doc);
	free(l);
}

json_t *vb_cite_list_add_doc(struct vb_cite_list *l, json_t *record)
{
	const char *id = vb_json_str(record, "id");
	json_t *item = json_object_get(l->by_doc, id);
	if (item)
		return item;
	item = vb_cite_item_from_record(record, l->accessed);
	json_array_append(l->items, item);
	json_object_set_new(l->by_doc, id, item);
	return item;
}

void vb_cite_list_add_quote(struct vb_cite_list *l, json_t *record, json_t *quote)
{
	json_t *item = vb_cite_list_add_doc(l, record);
	json_t *qs = item_quotes(item), *q;
	size_t i;
	const char *id = vb_json_str(quote, "id");
	json_array_foreach(qs, i, q)
		if (!strcmp(vb_json_str(q, "id"), id))
			return;
	json_array_append_new(qs, item_quote(quote));
}

/* One quote as a line of a note: “text” — attribution (para. N). */
static void quote_line(json_t *q, struct vb_buf *out)
{
	vb_quote_words(vb_json_str(q, "text"), vb_json_str(q, "kind"), out);
	vb_buf_adds(out, " \xe2\x80\x94 ");
	vb_cite_attribution(q, out);
	if (*vb_json_str(q, "locator"))
		vb_buf_addf(out, " (%s)", vb_json_str(q, "locator"));
}

/* Put "id" first, as CSL-JSON files usually have it, and the note. */
static json_t *finished_item(json_t *item)
{
	json_t *o = json_object(), *v;
	const char *k;
	json_object_set(o, "id", json_object_get(item, "id"));
	json_object_foreach(item, k, v)
		if (strcmp(k, "id") && strcmp(k, "custom"))
			json_object_set(o, k, v);
	json_t *qs = item_quotes(item), *q;
	size_t i;
	if (json_array_size(qs)) {
		struct vb_buf note = VB_BUF_INIT;
		json_array_foreach(qs, i, q) {
			if (i)
				vb_buf_addch(&note, '\n');
			quote_line(q, &note);
		}
		json_object_set_new(o, "note", json_string(note.buf));
		vb_buf_release(&note);
	}
	json_object_set(o, "custom", json_object_get(item, "custom"));
	return o;
}

json_t *vb_cite_list_finish(struct vb_cite_list *l)
{
	vb_cite_assign_keys(l->items);
	size_t n = json_array_size(l->items);
	json_t **v = vb_calloc(n ? n : 1, sizeof(*v));
	for (size_t i = 0; i < n; i++)
		v[i] = finished_item(json_array_get(l->items, i));
	qsort(v, n, sizeof(*v), by_id);
	json_array_clear(l->items);
	json_object_clear(l->by_doc);
	for (size_t i = 0; i < n; i++) {
		json_array_append(l->items, v[i]);
		json_object_set_new(l->by_doc, item_doc_id(v[i]), v[i]);
	}
	free(v);
	return l->items;
}

/* ---- finding what to cite ---------------------------------------------- */

long vb_passage_paragraph_at(json_t *passage, long long offset)
{
	long para = (long)json_integer_value(json_object_get(passage, "paragraph"));
	const char *text = vb_json_str(passage, "text");
	long long rel = offset - json_integer_value(json_object_get(passage, "start"));
	size_t len = strlen(text);
	if (rel < 0 || (size_t)rel > len)
		return para;
	for (size_t i = 0; i < (size_t)rel; i++) {
		if (text[i] != '\n')
			continue;
		size_t j = i + 1;
		while (j < (size_t)rel && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
			j++;
		if (j < (size_t)rel && text[j] == '\n') {
			para++;
			while (j + 1 < (size_t)rel && text[j + 1] == '\n')
				j++;
			i = j;
		}
	}
	return para;
}

/* A quote of a passage as vb_quote_object makes it, with the paragraph it
 * starts in.  New reference. */
static json_t *quote_in_passage(json_t *passage, json_t *entry)
{
	json_t *q = vb_quote_object(passage, entry);
	long long start = json_integer_value(json_object_get(entry, "start"));
	json_object_set_new(q, "paragraph", json_integer(vb_passage_paragraph_at(passage, start)));
	return q;
}

/* The quotes of a passage (its data) whose text has a word of the query
 * ("words": folded, four letters or more, compared on their first five
 * letters so that "appeal" meets "appealed"); all of them when none does. */
static int quote_matches(const char *text, const struct vb_buf *words)
{
	struct vb_buf f = VB_BUF_INIT;
	vb_cite_ascii_fold(text, &f);
	int hit = 0;
	for (const char *w = words->buf; *w && !hit; w += strlen(w) + 1) {
		size_t wl = strlen(w) < 5 ? strlen(w) : 5;
		for (const char *p = f.buf; *p && !hit; ) {
			const char *e = strchr(p, ' ');
			size_t pl = e ? (size_t)(e - p) : strlen(p);
			if (pl >= wl && !strncmp(p, w, wl) && (wl == 5 || pl == wl))
				hit = 1;
			p += pl + (e != NULL);
		}
	}
	vb_buf_release(&f);
	return hit;
}

static void add_passage_quotes(struct vb_cite_list *l, json_t *record, json_t *passage,
			       const struct vb_buf *words)
{
	json_t *list = json_object_get(passage, "quotes"), *e;
	size_t i;
	int any = 0;
	if (words)
		json_array_foreach(list, i, e)
			any |= quote_matches(vb_json_str(e, "text"), words);
	json_array_foreach(list, i, e) {
		if (any && !quote_matches(vb_json_str(e, "text"), words))
			continue;
		json_t *q = quote_in_passage(passage, e);
		vb_cite_list_add_quote(l, record, q);
		json_decref(q);
	}
}

/* Query words worth matching, NUL-separated: folded, at least four
 * letters, without field names ("title:"). */
static void query_words(const char *text, struct vb_buf *out)
{
	struct vb_buf f = VB_BUF_INIT, clean = VB_BUF_INIT;
	for (const char *p = text; *p; ) {
		const char *e = p;
		while (*e && *e != ' ' && *e != ':')
			e++;
		if (*e != ':')
			vb_buf_add(&clean, p, (size_t)(e - p));
		vb_buf_addch(&clean, ' ');
		p = *e ? e + 1 : e;
	}
	vb_cite_ascii_fold(clean.buf, &f);
	char *save = NULL;
	for (char *w = strtok_r(f.buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
		if (strlen(w) >= 4 && strcmp(w, "near") && !is_minor(w, strlen(w))) {
			vb_buf_adds(out, w);
			vb_buf_addch(out, '\0');
		}
	vb_buf_release(&f);
	vb_buf_release(&clean);
}

static int lookup(const xap_db *db, const char *prefix, const char *id, json_t **out,
		  struct vb_buf *err)
{
	xap_error xe;
	int rc = vb_db_lookup(db, prefix, id, out, &xe);
	if (rc) {
		vb_buf_addf(err, "cannot read the database: %s", xe.message);
		return vb_api_status_of_xap(rc);
	}
	return VB_API_OK;
}

/* Cite one id: a document, a passage (with its quotes) or a quote.
 * *found is 0 when the database has no such id. */
static int cite_id(const xap_db *db, struct vb_cite_list *l, const char *id,
		   int *found, struct vb_buf *err)
{
	json_t *obj = NULL, *record = NULL;
	int rc = lookup(db, VB_PREFIX_UID, id, &obj, err);
	*found = obj != NULL;
	if (rc || !obj) {
		if (rc)
			return rc;
		/* A quote id: the passage holding it. */
		json_t *entry;
		size_t i;
		if ((rc = lookup(db, VB_PREFIX_QUOTE_ID, id, &obj, err)) || !obj)
			return rc;
		if ((rc = lookup(db, VB_PREFIX_UID, vb_json_str(obj, "doc"), &record, err)))
			goto out;
		json_array_foreach(json_object_get(obj, "quotes"), i, entry) {
			if (!record || strcmp(vb_json_str(entry, "id"), id))
				continue;
			json_t *q = quote_in_passage(obj, entry);
			vb_cite_list_add_quote(l, record, q);
			json_decref(q);
			*found = 1;
		}
		goto out;
	}
	if (!strcmp(vb_json_str(obj, "kind"), VB_KIND_DOC)) {
		vb_cite_list_add_doc(l, obj);
		goto out;
	}
	if ((rc = lookup(db, VB_PREFIX_UID, vb_json_str(obj, "doc"), &record, err)))
		goto out;
	if (!record) {
		*found = 0;
		goto out;
	}
	vb_cite_list_add_doc(l, record);
	add_passage_quotes(l, record, obj, NULL);
out:
	json_decref(obj);
	json_decref(record);
	return rc;
}

static int cite_ids(const xap_db *db, const struct vb_cite_req *req,
		    struct vb_cite_list *l, struct vb_buf *err)
{
	struct vb_buf missing = VB_BUF_INIT;
	size_t nmissing = 0;
	for (size_t i = 0; i < req->nids; i++) {
		int found = 0;
		int rc = cite_id(db, l, req->ids[i], &found, err);
		if (rc) {
			vb_buf_release(&missing);
			return rc;
		}
		if (!found) {
			vb_buf_addf(&missing, "%s'%s'", nmissing ? ", " : "", req->ids[i]);
			nmissing++;
		}
	}
	if (nmissing)
		vb_buf_addf(err, "no document, passage or quote with id %s", missing.buf);
	vb_buf_release(&missing);
	return nmissing ? VB_API_NOT_FOUND : VB_API_OK;
}

/* The documents of the best passages for the query, with the quotes of
 * those passages. */
static int cite_query(const xap_db *db, const struct vb_cite_req *req,
		      struct vb_cite_list *l, struct vb_buf *err)
{
	long limit = req->limit > 0 ? req->limit : 10;
	struct vb_search_req sreq = {
		.text = req->text,
		.limit = limit * 4 < 1000 ? limit * 4 : 1000,
		.snippet = 20,
		.q = req->q,
	};
	struct vb_buf words = VB_BUF_INIT;
	json_t *res = NULL, *r;
	size_t i, ndocs = 0;
	int rc = vb_search_run(db, &sreq, &res, err);
	if (rc)
		return rc;
	query_words(req->text, &words);
	json_array_foreach(json_object_get(res, "results"), i, r) {
		const char *doc = vb_json_str(r, "doc_id");
		json_t *record = NULL, *passage = NULL;
		if (!json_object_get(l->by_doc, doc) && ndocs >= (size_t)limit)
			continue;
		if ((rc = lookup(db, VB_PREFIX_UID, doc, &record, err)) ||
		    (rc = lookup(db, VB_PREFIX_UID, vb_json_str(r, "id"), &passage, err))) {
			json_decref(record);
			break;
		}
		if (record) {
			if (!json_object_get(l->by_doc, doc))
				ndocs++;
			vb_cite_list_add_doc(l, record);
			if (passage)
				add_passage_quotes(l, record, passage, &words);
		}
		json_decref(record);
		json_decref(passage);
	}
	vb_buf_release(&words);
	json_decref(res);
	return rc;
}

int vb_cite_run(const xap_db *db, const struct vb_cite_req *req,
		json_t **out, struct vb_buf *err)
{
	char day[9];
	int rc;
	*out = NULL;
	if (req->accessed && (strlen(req->accessed) != 10 ||
			      vb_date_bound(req->accessed, 10, 0, day))) {
		vb_buf_addf(err, "accessed date '%s' is not YYYY-MM-DD", req->accessed);
		return VB_API_BAD_REQUEST;
	}
	if (!req->nids && (!req->text || !*req->text)) {
		vb_buf_adds(err, "nothing to cite: give a query or ids");
		return VB_API_BAD_REQUEST;
	}
	struct vb_cite_list *l = vb_cite_list_new(req->accessed);
	rc = req->nids ? cite_ids(db, req, l, err) : cite_query(db, req, l, err);
	if (rc) {
		vb_cite_list_free(l);
		return rc;
	}
	json_t *items = vb_cite_list_finish(l);
	struct vb_buf text = VB_BUF_INIT;
	vb_cite_format_items(items, req->format, &text);
	*out = json_pack("{s:s,s:s%,s:O}", "format", vb_cite_format_name(req->format),
			 "text", text.buf, text.len, "items", items);
	vb_buf_release(&text);
	vb_cite_list_free(l);
	return VB_API_OK;
}
