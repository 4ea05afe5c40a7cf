/* test_ingest.c: reading text with front matter, JSON Lines and directory trees. */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "ingest.h"
#include "ingest_priv.h"
#include "text/text.h"

#define DATA_DIR VB_TEST_DATA "/ingest"
#define MAX_SEEN 64

/* What the callbacks received: documents (moved out) and reports (copied). */
struct seen_report {
	char *path;
	unsigned line;
	bool skipped;
	bool note;
	char *message;
};

struct fixture {
	char dir[64];
	struct vb_doc docs[MAX_SEEN];
	size_t ndocs;
	struct seen_report reports[MAX_SEEN];
	size_t nreports;
	char *visited[MAX_SEEN];   /* rel paths handed to the walk callback */
	size_t nvisited;
	const char *delete_on;     /* walk: when visiting this rel ... */
	const char *delete_path;   /* ... delete this file */
	int stop_after;            /* on_doc returns 7 after this many docs (0: never) */
	struct vb_ingest_opts opts;
};

static int on_doc(struct vb_doc *doc, void *ud)
{
	struct fixture *f = ud;

	assert_true(f->ndocs < MAX_SEEN);
	/* Keep the document by moving every field out. */
	f->docs[f->ndocs++] = *doc;
	memset(doc, 0, sizeof(*doc));
	if (f->stop_after && (int)f->ndocs >= f->stop_after)
		return 7;
	return 0;
}

static void on_report(const struct vb_ingest_report *r, void *ud)
{
	struct fixture *f = ud;

	assert_true(f->nreports < MAX_SEEN);
	f->reports[f->nreports++] = (struct seen_report){
		.path = strdup(r->path),
		.line = r->line,
		.skipped = r->skipped,
		.note = r->note,
		.message = strdup(r->message),
	};
}

static struct vb_ingest_cb callbacks(struct fixture *f)
{
	return (struct vb_ingest_cb){ .on_doc = on_doc, .on_report = on_report, .ud = f };
}

/* A first pass opens up directories a test locked, so the second can remove them. */
static int unlock_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_D || flag == FTW_DNR)
		chmod(path, 0700);
	return 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	const char *tmp = getenv("TMPDIR");

	snprintf(f->dir, sizeof(f->dir), "%s/vb-ingest-XXXXXX",
		 tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	if (!mkdtemp(f->dir))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	for (size_t i = 0; i < f->ndocs; i++)
		vb_doc_release(&f->docs[i]);
	for (size_t i = 0; i < f->nreports; i++) {
		free(f->reports[i].path);
		free(f->reports[i].message);
	}
	for (size_t i = 0; i < f->nvisited; i++)
		free(f->visited[i]);
	nftw(f->dir, unlock_entry, 16, FTW_PHYS);
	nftw(f->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

/* Write a file under the fixture's directory; returns its path (static buffer rotation). */
static const char *put_file(struct fixture *f, const char *name,
			    const char *data, size_t len)
{
	static char paths[8][512];
	static unsigned next;
	char *path = paths[next++ % 8];

	snprintf(path, 512, "%s/%s", f->dir, name);
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	return path;
}

static const char *put(struct fixture *f, const char *name, const char *text)
{
	return put_file(f, name, text, strlen(text));
}

static void put_dir(struct fixture *f, const char *name)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", f->dir, name);
	assert_int_equal(mkdir(path, 0755), 0);
}

static int ingest(struct fixture *f, const char *path, const char *id_base)
{
	struct vb_ingest_cb cb = callbacks(f);
	return vb_ingest_file(path, id_base, &f->opts, &cb);
}

static const struct seen_report *only_report(struct fixture *f)
{
	assert_int_equal(f->nreports, 1);
	return &f->reports[0];
}

/* ---- text and front matter ---------------------------------------------- */

static void test_front_matter_all_keys(void **state)
{
	struct fixture *f = *state;
	const char *path = DATA_DIR "/northern-quay.txt";

	assert_int_equal(ingest(f, path, "northern-quay.txt"), 0);
	assert_int_equal(f->nreports, 0);
	assert_int_equal(f->ndocs, 1);
	struct vb_doc *d = &f->docs[0];
	assert_string_equal(d->id, "westmarch-2024-017");
	assert_string_equal(d->title, "Harbour Authority Opens the Northern Quay");
	assert_string_equal(d->date, "2024-03-15");
	assert_string_equal(d->source, "Westmarch Harbour Authority");
	assert_string_equal(d->url, "https://press.westmarch-harbour.example/2024/northern-quay");
	assert_string_equal(d->lang, "en-gb");
	assert_string_equal(d->type, "press_release");
	assert_string_equal(d->author, "Mira Okonkwo");
	assert_string_equal(d->speaker, "Tobias Lindqvist");
	assert_null(d->extra);
	assert_string_equal(d->path, path);
	assert_int_equal(d->line, 0);
	assert_int_equal(d->invalid_utf8, 0);

	/* The body is the file from line 12 on, byte for byte. */
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char raw[4096];
	size_t n = fread(raw, 1, sizeof(raw), fp);
	fclose(fp);
	const char *body = strstr(raw, "WESTMARCH, 15 March");
	assert_non_null(body);
	assert_int_equal(d->body_offset, (size_t)(body - raw));
	assert_int_equal(d->body_line, 12);
	assert_int_equal(d->body_len, n - d->body_offset);
	assert_memory_equal(d->body, body, d->body_len);
	assert_int_equal(d->body[d->body_len], '\0');
	assert_true(d->hash == vb_hash64(raw, n, 0));
}

static void test_list_valued_author(void **state)
{
	struct fixture *f = *state;
	const char *path = put(f, "joint.txt",
		"---\n"
		"title: Joint Statement on the Ferry Fares\n"
		"author: [Mira Okonkwo, \"Ilse Brandt\"]\n"
		"speaker:\n"
		"  - Tobias Lindqvist\n"
		"  - Ana Ferreira\n"
		"---\n"
		"The two operators agreed to freeze fares until spring.\n");

	assert_int_equal(ingest(f, path, "joint.txt"), 0);
	assert_int_equal(f->nreports, 0);
	assert_int_equal(f->ndocs, 1);
	assert_string_equal(f->docs[0].author, "Mira Okonkwo, Ilse Brandt");
	assert_string_equal(f->docs[0].speaker, "Tobias Lindqvist, Ana Ferreira");
	assert_string_equal(f->docs[0].id, "joint.txt");
	assert_int_equal(f->docs[0].body_line, 8);
}

static void test_unknown_keys_go_to_extra(void **state)
{
	struct fixture *f = *state;
	const char *path = put(f, "extra.txt",
		"---\n"
		"title: Quay Opening\n"
		"tags: [ports, ferries]\n"
		"priority: 3\n"
		"draft: false\n"
		"note: ~\n"
		"version: 1.10\n"
		"embargo: \"2024-03-15T09:00\"\n"
		"contact:\n"
		"  name: Press Office\n"
		"  phone: \"+44 1632 960000\"\n"
		"Language: DE\n"
		"---\n"
		"Body text.\n");

	assert_int_equal(ingest(f, path, "extra.txt"), 0);
	assert_int_equal(f->nreports, 0);
	assert_int_equal(f->ndocs, 1);
	/* "Language" is a known key whatever its case, so not in extra. */
	assert_string_equal(f->docs[0].lang, "de");

	json_error_t jerr;
	json_t *x = json_loads(f->docs[0].extra, 0, &jerr);
	assert_non_null(x);
	assert_true(json_is_object(x));
	assert_int_equal(json_object_size(x), 7);
	json_t *tags = json_object_get(x, "tags");
	assert_int_equal(json_array_size(tags), 2);
	assert_string_equal(json_string_value(json_array_get(tags, 0)), "ports");
	assert_string_equal(json_string_value(json_array_get(tags, 1)), "ferries");
	assert_true(json_is_integer(json_object_get(x, "priority")));
	assert_int_equal(json_integer_value(json_object_get(x, "priority")), 3);
	assert_true(json_is_false(json_object_get(x, "draft")));
	assert_true(json_is_null(json_object_get(x, "note")));
	assert_string_equal(json_string_value(json_object_get(x, "version")), "1.10");
	assert_string_equal(json_string_value(json_object_get(x, "embargo")), "2024-03-15T09:00");
	json_t *contact = json_object_get(x, "contact");
	assert_string_equal(json_string_value(json_object_get(contact, "name")), "Press Office");
	assert_string_equal(json_string_value(json_object_get(contact, "phone")), "+44 1632 960000");
	json_decref(x);
}

static void test_self_referencing_alias_is_bounded(void **state)
{
	struct fixture *f = *state;
	/* An anchor holding an alias to itself makes the YAML a cycle. */
	const char *path = put(f, "alias.txt",
		"---\n"
		"title: Alias\n"
		"loop: &a [*a]\n"
		"---\n"
		"Body.\n");

	assert_int_equal(ingest(f, path, "alias.txt"), 0);
	assert_int_equal(f->ndocs, 1);
	assert_non_null(f->docs[0].extra);
	const struct seen_report *r = only_report(f);
	assert_int_equal(r->line, 3);
	assert_false(r->skipped);
	assert_string_equal(r->message, "'loop' at line 3 is nested too deeply, partly dropped");
}

static void test_timestamp_date_keeps_the_date(void **state)
{
	struct fixture *f = *state;
	const char *path = put(f, "ts.txt",
		"---\n"
		"date: 2008-02-04T10:00:00Z\n"
		"---\n"
		"Body.\n");

	assert_int_equal(ingest(f, path, "ts.txt"), 0);
	assert_int_equal(f->nreports, 0);
	assert_string_equal(f->docs[0].date, "2008-02-04");
	/* No title in the front matter: the body's first line. */
	assert_string_equal(f->docs[0].title, "Body.");
}

static void test_normalize_date(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "1790", "1790" },
		{ "2008-02", "2008-02" },
		{ "2008-02-04", "2008-02-04" },
		{ " 2008-02-04 ", "2008-02-04" },
		{ "2008-02-04T10:00:00Z", "2008-02-04" },
		{ "2008-02-04t10:00:00.123+01:00", "2008-02-04" },
		{ "2008-02-04T23:30-0500", "2008-02-04" },
		{ "2001-12-14 21:59:43.10 -5", "2001-12-14" },
		{ "2024-02-29", "2024-02-29" },
		{ "2000-02-29", "2000-02-29" },
		{ "1900-02-29", NULL },
		{ "2023-02-29", NULL },
		{ "2008-13-01", NULL },
		{ "2008-00", NULL },
		{ "2008-04-31", NULL },
		{ "2008-02-04T25:00", NULL },
		{ "2008-02-04T10", NULL },
		{ "2008-02-04X", NULL },
		{ "0000", NULL },
		{ "790", NULL },
		{ "17900", NULL },
		{ "2008/02/04", NULL },
		{ "Feb 4, 2008", NULL },
		{ "", NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char out[11];
		bool ok = ingest_normalize_date(cases[i].in, strlen(cases[i].in), out);
		if (cases[i].out) {
			assert_true(ok);
			assert_string_equal(out, cases[i].out);
		} else if (ok) {
			fail_msg("'%s' accepted as a date", cases[i].in);
		}
	}
}

static void test_invalid_date_reported_at_its_line(void **state)
{
	struct fixture *f = *state;
	const char *path = put(f, "baddate.txt",
		"---\n"
		"title: Quarterly Figures\n"
		"source: Fernhill Growers\n"
		"date: 2008-13-45\n"
		"---\n"
		"Sales rose.\n");

	assert_int_equal(ingest(f, path, "baddate.txt"), 0);
	const struct seen_report *r = only_report(f);
	assert_string_equal(r->path, path);
	assert_int_equal(r->line, 4);
	assert_false(r->skipped);
	assert_string_equal(r->message,
		"invalid date '2008-13-45' at line 4 (expected YYYY, YYYY-MM or YYYY-MM-DD), dropped");
	/* The document is kept, without its date. */
	assert_int_equal(f->ndocs, 1);
	assert_null(f->docs[0].date);
	assert_string_equal(f->docs[0].source, "Fernhill Growers");
}

static int walk_and_ingest(const char *path, const char *rel, void *ud)
{
	struct fixture *f = ud;

	assert_true(f->nvisited < MAX_SEEN);
	f->visited[f->nvisited++] = strdup(rel);
	if (f->delete_on && !strcmp(rel, f->delete_on))
		assert_int_equal(unlink(f->delete_path), 0);
	int rc = ingest(f, path, rel);
	/* A skipped or unreadable file does not stop the walk. */
	return rc > 0 ? rc : 0;
}

static void test_broken_yaml_skipped_walk_goes_on(void **state)
{
	struct fixture *f = *state;

	/* tests/data/ingest: broken-front-matter.txt sorts first. */
	assert_int_equal(vb_walk(DATA_DIR, walk_and_ingest, on_report, f), 0);
	assert_int_equal(f->nvisited, 4);
	assert_string_equal(f->visited[0], "broken-front-matter.txt");
	assert_string_equal(f->visited[1], "northern-quay.txt");
	assert_string_equal(f->visited[2], "plain-notice.txt");
	assert_string_equal(f->visited[3], "records.jsonl");

	/* Reports: the broken YAML, then the broken JSON line of records.jsonl. */
	assert_int_equal(f->nreports, 2);
	const struct seen_report *r = &f->reports[0];
	assert_string_equal(r->path, DATA_DIR "/broken-front-matter.txt");
	assert_int_equal(r->line, 4);
	assert_true(r->skipped);
	assert_string_equal(r->message,
		"invalid front matter: could not find expected ':' while scanning a simple key at line 4");
	assert_string_equal(f->reports[1].path, DATA_DIR "/records.jsonl");
	assert_int_equal(f->reports[1].line, 3);

	/* Everything after the broken file was read. */
	assert_int_equal(f->ndocs, 1 + 1 + 3);
	assert_string_equal(f->docs[0].id, "westmarch-2024-017");
	assert_string_equal(f->docs[1].id, "plain-notice.txt");
	assert_string_equal(f->docs[2].id, "fernhill/2024-01");
}

static void test_broken_yaml_lines(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *text;
		unsigned line;
		const char *message;
	} cases[] = {
		{ "---\ntitle: x\nfoo: [unclosed\nsource: y\n---\nBody\n", 3,
		  "invalid front matter: did not find expected ',' or ']' while parsing a flow sequence at line 3" },
		{ "---\ntitle: x\n  indented: wrong\n---\nBody\n", 3,
		  "invalid front matter: mapping values are not allowed in this context at line 3" },
		{ "---\ntitle: x\nsource: \"open quote\ndate: 2008\n---\nBody\n", 3,
		  "invalid front matter: found unexpected end of stream while scanning a quoted scalar at line 3" },
		{ "---\ntitle: x\nsource: \"a\x01" "b\"\n---\nBody\n", 3,
		  "invalid front matter: control characters are not allowed at line 3" },
		{ "---\n- a list\n- not a mapping\n---\nBody\n", 2,
		  "invalid front matter: expected a mapping of keys at line 2" },
		{ "---\ntitle: x\n--- # second\nb: 1\n---\nBody\n", 3,
		  "invalid front matter: more than one YAML document at line 3" },
		{ "\xEF\xBB\xBF---\r\ntitle: x\r\nbad: *nowhere\r\n---\r\nBody\r\n", 3,
		  "invalid front matter: found undefined alias at line 3" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct vb_buf err = VB_BUF_INIT;
		struct vb_doc doc;
		int rc = vb_parse_text_doc(cases[i].text, strlen(cases[i].text),
					   "case.txt", "case", &doc, &err);
		assert_int_equal(rc, -1);
		assert_string_equal(err.buf, cases[i].message);
		assert_null(doc.body);
		vb_buf_release(&err);

		const char *path = put(f, "case.txt", cases[i].text);
		f->nreports = 0;
		assert_int_equal(ingest(f, path, "case.txt"), VB_INGEST_ESKIP);
		assert_int_equal(f->nreports, 1);
		assert_int_equal(f->reports[0].line, cases[i].line);
		assert_true(f->reports[0].skipped);
		free(f->reports[0].path);
		free(f->reports[0].message);
	}
	f->nreports = 0;
	assert_int_equal(f->ndocs, 0);
}

static void test_unterminated_front_matter(void **state)
{
	struct fixture *f = *state;
	const char *path = put(f, "open.txt",
		"---\n"
		"title: Never Closed\n"
		"\n"
		"The body follows without a closing line.\n");

	assert_int_equal(ingest(f, path, "open.txt"), VB_INGEST_ESKIP);
	assert_int_equal(f->ndocs, 0);
	const struct seen_report *r = only_report(f);
	assert_int_equal(r->line, 1);
	assert_true(r->skipped);
	assert_string_equal(r->message,
		"unterminated front matter: no closing '---' line within 64 KB of line 1, skipped");

	/* A closing line too far down does not count. */
	struct vb_buf big = VB_BUF_INIT;
	vb_buf_adds(&big, "---\ntitle: Far\n");
	while (big.len < 70 * 1024)
		vb_buf_adds(&big, "# a long comment line in the front matter\n");
	vb_buf_adds(&big, "---\nBody.\n");
	path = put_file(f, "far.txt", big.buf, big.len);
	vb_buf_release(&big);
	assert_int_equal(ingest(f, path, "far.txt"), VB_INGEST_ESKIP);
	assert_int_equal(f->nreports, 2);
	assert_non_null(strstr(f->reports[1].message, "unterminated front matter"));
	assert_int_equal(f->ndocs, 0);
}

static void test_front_matter_edge_cases(void **state)
{
	struct fixture *f = *state;
	struct vb_buf err = VB_BUF_INIT;
	struct vb_doc doc;

	/* Empty front matter, "..." as the closing line, blanks after "---". */
	const char *text = "--- \n...\t\nBody line\n";
	assert_int_equal(vb_parse_text_doc(text, strlen(text), "e.txt", NULL,
					   &doc, &err), 0);
	assert_string_equal(err.buf, "");
	assert_string_equal(doc.body, "Body line\n");
	assert_int_equal(doc.body_offset, 10);
	assert_int_equal(doc.body_line, 3);
	/* No default id: the path. */
	assert_string_equal(doc.id, "e.txt");
	vb_doc_release(&doc);

	/* "----" is a rule, not a delimiter: no front matter at all. */
	text = "----\nTitle after a rule\n";
	assert_int_equal(vb_parse_text_doc(text, strlen(text), "r.txt", "r",
					   &doc, &err), 0);
	assert_string_equal(doc.title, "----");
	assert_int_equal(doc.body_offset, 0);
	vb_doc_release(&doc);

	/* Front matter and nothing else: there is nothing to index. */
	text = "---\ntitle: Only Metadata\n---\n\n  \n";
	assert_int_equal(vb_parse_text_doc(text, strlen(text), "m.txt", "m",
					   &doc, &err), -1);
	assert_string_equal(err.buf, "empty body after the front matter, skipped");
	vb_buf_reset(&err);

	/* Warnings come back in err with a 0 return. */
	text = "---\ndate: soon\ntitle: A\ntitle: B\n---\nBody\n";
	assert_int_equal(vb_parse_text_doc(text, strlen(text), "w.txt", "w",
					   &doc, &err), 0);
	assert_string_equal(err.buf,
		"invalid date 'soon' at line 2 (expected YYYY, YYYY-MM or YYYY-MM-DD), dropped\n"
		"duplicate key 'title' at line 4, the last value is used");
	assert_string_equal(doc.title, "B");
	assert_null(doc.date);
	vb_doc_release(&doc);
	vb_buf_release(&err);

	/* A null or empty title falls back to the first line. */
	text = "---\ntitle: ~\nsource: ''\n---\n\nFirst Line\n";
	assert_int_equal(vb_parse_text_doc(text, strlen(text), "n.txt", "n",
					   &doc, NULL), 0);
	assert_string_equal(doc.title, "First Line");
	assert_null(doc.source);
	vb_doc_release(&doc);
	(void)f;
}

static void test_no_front_matter_title_is_first_line(void **state)
{
	struct fixture *f = *state;
	const char *path = DATA_DIR "/plain-notice.txt";

	assert_int_equal(ingest(f, path, "notices/plain-notice.txt"), 0);
	assert_int_equal(f->nreports, 0);
	assert_int_equal(f->ndocs, 1);
	struct vb_doc *d = &f->docs[0];
	assert_string_equal(d->title,
		"Notice of the Annual Members' Meeting of the Fernhill Growers' Cooperative");
	assert_string_equal(d->id, "notices/plain-notice.txt");
	assert_int_equal(d->body_offset, 0);
	assert_int_equal(d->body_line, 1);
	assert_memory_equal(d->body, "\n  Notice of", 11);
	assert_null(d->date);
	assert_null(d->extra);

	assert_false(d->title_excerpt);

	/* A first line of up to 300 bytes is a heading, whole. */
	struct vb_buf text = VB_BUF_INIT;
	struct vb_doc doc;
	for (int i = 0; i < 30; i++)
		vb_buf_adds(&text, "Headline ");   /* 270 bytes */
	vb_buf_adds(&text, "\nBody.\n");
	assert_int_equal(vb_parse_text_doc(text.buf, text.len, "h.txt", "h", &doc, NULL), 0);
	assert_int_equal(strlen(doc.title), 269);
	assert_false(doc.title_excerpt);
	vb_doc_release(&doc);

	/* A longer one is a paragraph: the title is its first words, cut
	 * after a word within 120 bytes (a trailing comma dropped), and "…";
	 * the body keeps the whole paragraph. */
	vb_buf_reset(&text);
	for (int i = 0; i < 40; i++)
		vb_buf_adds(&text, "word12, ");   /* 320 bytes: 8 a word */
	vb_buf_adds(&text, "\nsecond line\n");
	assert_int_equal(vb_parse_text_doc(text.buf, text.len, "p.txt", "p", &doc, NULL), 0);
	assert_true(doc.title_excerpt);
	/* 15 words (119 bytes with the space) fit; the 15th's comma goes. */
	assert_int_equal(strlen(doc.title), 14 * 8 + 6 + strlen("\u2026"));
	assert_memory_equal(doc.title, text.buf, 14 * 8 + 6);
	assert_string_equal(doc.title + 14 * 8 + 6, "\u2026");
	assert_int_equal(doc.body_len, text.len);
	vb_doc_release(&doc);

	/* Without spaces (Chinese, or here é), at a character boundary. */
	vb_buf_reset(&text);
	vb_buf_adds(&text, "a");
	for (int i = 0; i < 200; i++)
		vb_buf_adds(&text, "\xC3\xA9");   /* é: two bytes */
	vb_buf_adds(&text, "\nsecond line\n");
	assert_int_equal(vb_parse_text_doc(text.buf, text.len, "long.txt", "long",
					   &doc, NULL), 0);
	assert_true(doc.title_excerpt);
	assert_int_equal(strlen(doc.title), 119 + strlen("\u2026"));
	assert_true(vb_utf8_valid(doc.title, strlen(doc.title)));
	assert_memory_equal(doc.title, text.buf, 119);
	vb_doc_release(&doc);
	vb_buf_release(&text);
}

static void test_bom(void **state)
{
	struct fixture *f = *state;
	const char *path = put(f, "bom.txt", "\xEF\xBB\xBFPlain Title\nBody.\n");

	assert_int_equal(ingest(f, path, "bom.txt"), 0);
	assert_int_equal(f->nreports, 0);
	assert_string_equal(f->docs[0].title, "Plain Title");
	assert_int_equal(f->docs[0].body_offset, 3);
	assert_string_equal(f->docs[0].body, "Plain Title\nBody.\n");

	path = put(f, "bomfm.txt", "\xEF\xBB\xBF---\ntitle: T\n---\nBody\n");
	assert_int_equal(ingest(f, path, "bomfm.txt"), 0);
	assert_int_equal(f->nreports, 0);
	assert_string_equal(f->docs[1].title, "T");
	assert_int_equal(f->docs[1].body_offset, 3 + 4 + 9 + 4);
	assert_int_equal(f->docs[1].body_line, 4);
	assert_string_equal(f->docs[1].body, "Body\n");

	/* A BOM and nothing else is an empty file. */
	path = put(f, "bomonly.txt", "\xEF\xBB\xBF\n");
	assert_int_equal(ingest(f, path, "bomonly.txt"), VB_INGEST_ESKIP);
	assert_string_equal(only_report(f)->message, "empty file, skipped");
}

static void test_crlf(void **state)
{
	struct fixture *f = *state;
	const char *text =
		"---\r\n"
		"title: Crlf Title\r\n"
		"date: 2020-05\r\n"
		"---\r\n"
		"\r\n"
		"First paragraph.\r\n";
	const char *path = put(f, "crlf.txt", text);

	assert_int_equal(ingest(f, path, "crlf.txt"), 0);
	assert_int_equal(f->nreports, 0);
	struct vb_doc *d = &f->docs[0];
	assert_string_equal(d->title, "Crlf Title");
	assert_string_equal(d->date, "2020-05");
	assert_int_equal(d->body_line, 5);
	assert_int_equal(d->body_offset, strstr(text, "\r\n\r\nFirst") + 2 - text);
	/* Line ends are kept so offsets stay those of the file. */
	assert_string_equal(d->body, "\r\nFirst paragraph.\r\n");

	path = put(f, "crlf2.txt", "\r\n  Headline Here \r\nBody\r\n");
	assert_int_equal(ingest(f, path, "crlf2.txt"), 0);
	assert_string_equal(f->docs[1].title, "Headline Here");
}

static void test_invalid_utf8_repaired_and_counted(void **state)
{
	struct fixture *f = *state;
	/* Mostly UTF-8 (three good sequences, three bad): a broken UTF-8
	 * file, repaired, not a file in another encoding. */
	const char *path = put(f, "latin1.txt",
		"Caf\xC3\xA9 Owners Meet \xE2\x80\x94 Z\xC3\xBCrich\n"
		"A valid line.\n"
		"Stray bytes \xFF\xFE here\n"
		"and a cut \xC3 sequence.\n");

	assert_int_equal(ingest(f, path, "latin1.txt"), 0);
	assert_int_equal(f->ndocs, 1);
	struct vb_doc *d = &f->docs[0];
	assert_int_equal(d->invalid_utf8, 3);
	assert_true(vb_utf8_valid(d->body, d->body_len));
	assert_non_null(strstr(d->body, "Stray bytes \xEF\xBF\xBD\xEF\xBF\xBD here"));
	assert_non_null(strstr(d->body, "cut \xEF\xBF\xBD sequence"));
	assert_string_equal(d->title, "Caf\xC3\xA9 Owners Meet \xE2\x80\x94 Z\xC3\xBCrich");
	const struct seen_report *r = only_report(f);
	assert_int_equal(r->line, 3);
	assert_false(r->skipped);
	assert_string_equal(r->message,
		"invalid UTF-8 at line 3 (3 sequences replaced by U+FFFD)");

	/* In front matter too: repaired before libyaml sees it. */
	path = put(f, "fm-latin1.txt",
		   "---\ntitle: Caf\xE9 \xC3\xA9t\xC3\xA9\n---\nBody\n");
	assert_int_equal(ingest(f, path, "fm-latin1.txt"), 0);
	assert_int_equal(f->ndocs, 2);
	assert_string_equal(f->docs[1].title, "Caf\xEF\xBF\xBD \xC3\xA9t\xC3\xA9");
	assert_int_equal(f->docs[1].invalid_utf8, 1);
	assert_int_equal(f->reports[1].line, 2);
}

static void test_binary_file_skipped(void **state)
{
	struct fixture *f = *state;
	static const char with_nul[] = "GIF89a\0\0\x01\x02 looks like text after";
	const char *path = put_file(f, "image.txt", with_nul, sizeof(with_nul) - 1);

	assert_int_equal(ingest(f, path, "image.txt"), VB_INGEST_ESKIP);
	const struct seen_report *r = only_report(f);
	assert_string_equal(r->message, "binary file, skipped");
	assert_true(r->skipped);
	assert_int_equal(r->line, 0);

	/* No NUL, but mostly control bytes. */
	char controls[200];
	for (size_t i = 0; i < sizeof(controls); i++)
		controls[i] = i % 3 ? (char)(1 + i % 8) : 'x';
	path = put_file(f, "ctl.txt", controls, sizeof(controls));
	assert_int_equal(ingest(f, path, "ctl.txt"), VB_INGEST_ESKIP);
	assert_string_equal(f->reports[1].message, "binary file, skipped");

	/* UTF-16 has NUL bytes, but its BOM says it is text: it is read. */
	path = put_file(f, "utf16.txt", "\xFF\xFEH\0i\0\n\0", 8);
	assert_int_equal(ingest(f, path, "utf16.txt"), 0);
	assert_int_equal(f->ndocs, 1);
	assert_string_equal(f->docs[0].body, "Hi\n");
	assert_true(f->reports[2].note);
	assert_string_equal(f->reports[2].message, "UTF-16LE (byte order mark)");

	/* The same check guards JSON Lines. */
	path = put_file(f, "blob.jsonl", with_nul, sizeof(with_nul) - 1);
	assert_int_equal(ingest(f, path, "blob.jsonl"), VB_INGEST_ESKIP);
	assert_string_equal(f->reports[3].message, "binary file, skipped");
	assert_int_equal(f->nreports, 4);
	assert_int_equal(f->ndocs, 1);
}

static void test_empty_file_skipped(void **state)
{
	struct fixture *f = *state;
	const char *names[] = { "empty.txt", "blank.txt", "empty.jsonl" };
	const char *texts[] = { "", " \n\t\r\n  \n", "\n\n" };

	for (size_t i = 0; i < 3; i++) {
		const char *path = put(f, names[i], texts[i]);
		assert_int_equal(ingest(f, path, names[i]), VB_INGEST_ESKIP);
		assert_int_equal(f->nreports, i + 1);
		assert_string_equal(f->reports[i].message, "empty file, skipped");
		assert_true(f->reports[i].skipped);
	}
	assert_int_equal(f->ndocs, 0);
}

static void test_too_large_file_skipped(void **state)
{
	struct fixture *f = *state;
	char text[201];

	memset(text, 'x', 200);
	text[200] = '\0';
	const char *path = put(f, "big.txt", text);
	f->opts.max_file_size = 100;
	assert_int_equal(ingest(f, path, "big.txt"), VB_INGEST_ESKIP);
	assert_string_equal(only_report(f)->message,
			    "file too large (200 bytes > 100 bytes), skipped");
	assert_int_equal(f->ndocs, 0);

	/* At the limit it is read. */
	f->opts.max_file_size = 200;
	assert_int_equal(ingest(f, path, "big.txt"), 0);
	assert_int_equal(f->ndocs, 1);

	/* In JSON Lines the limit is per record. */
	f->opts.max_file_size = 60;
	path = put(f, "recs.jsonl",
		"{\"text\": \"short\"}\n"
		"{\"text\": \"a record that is longer than sixty bytes, so it goes\"}\n"
		"{\"text\": \"short again\"}\n");
	assert_int_equal(ingest(f, path, "recs.jsonl"), 0);
	assert_int_equal(f->ndocs, 3);
	assert_int_equal(f->nreports, 2);
	assert_int_equal(f->reports[1].line, 2);
	assert_string_equal(f->reports[1].message,
			    "record too large (64 bytes > 60 bytes) at line 2, skipped");
}

static void test_sizes_in_messages(void **state)
{
	(void)state;
	struct vb_buf b = VB_BUF_INIT;
	ingest_add_size(&b, 52428800);
	vb_buf_adds(&b, "|");
	ingest_add_size(&b, 1572864);
	vb_buf_adds(&b, "|");
	ingest_add_size(&b, 300 * 1024);
	assert_string_equal(b.buf, "50 MB|1.5 MB|300 KB");
	vb_buf_release(&b);
}

static void test_huge_single_line(void **state)
{
	struct fixture *f = *state;
	const size_t size = 50u * 1024 * 1024;
	char path[512];

	/* 50 MB without a newline: one document, read in one go. */
	snprintf(path, sizeof(path), "%s/huge.txt", f->dir);
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	char chunk[4096];
	for (size_t i = 0; i < sizeof(chunk); i++)
		chunk[i] = "press release "[i % 14];
	for (size_t done = 0; done < size; done += sizeof(chunk))
		assert_int_equal(fwrite(chunk, 1, sizeof(chunk), fp), sizeof(chunk));
	assert_int_equal(fclose(fp), 0);

	assert_int_equal(ingest(f, path, "huge.txt"), 0);
	assert_int_equal(f->nreports, 0);
	assert_int_equal(f->ndocs, 1);
	assert_int_equal(f->docs[0].body_len, size);
	assert_true(strlen(f->docs[0].title) <= INGEST_TITLE_MAX);
	assert_memory_equal(f->docs[0].title, "press release press", 19);
}

static void test_unreadable_file(void **state)
{
	struct fixture *f = *state;
	char path[512];

	snprintf(path, sizeof(path), "%s/missing.txt", f->dir);
	assert_int_equal(ingest(f, path, "missing.txt"), VB_INGEST_EIO);
	const struct seen_report *r = only_report(f);
	assert_string_equal(r->path, path);
	assert_true(r->skipped);
	char want[256];
	snprintf(want, sizeof(want), "cannot open: %s", strerror(ENOENT));
	assert_string_equal(r->message, want);

	/* A directory given as a file. */
	assert_int_equal(ingest(f, f->dir, "dir"), VB_INGEST_EIO);
	snprintf(want, sizeof(want), "cannot read: %s", strerror(EISDIR));
	assert_string_equal(f->reports[1].message, want);
}

/* ---- JSON Lines --------------------------------------------------------- */

static void test_jsonl_bad_line_in_the_middle(void **state)
{
	struct fixture *f = *state;
	const char *path = put(f, "mixed.jsonl",
		"{\"id\": \"a\", \"text\": \"First record.\"}\n"
		"\n"
		"{\"id\": \"b\", \"text\": broken}\n"
		"[1, 2, 3]\n"
		"{\"id\": \"d\", \"title\": \"No text\"}\n"
		"{\"id\": \"e\", \"text\": 12}\n"
		"{\"id\": \"f\", \"text\": \"Last record.\"}\r\n");

	assert_int_equal(ingest(f, path, "mixed.jsonl"), 0);
	assert_int_equal(f->ndocs, 2);
	assert_string_equal(f->docs[0].id, "a");
	assert_int_equal(f->docs[0].line, 1);
	assert_string_equal(f->docs[0].body, "First record.");
	assert_string_equal(f->docs[0].title, "First record.");
	assert_string_equal(f->docs[1].id, "f");
	assert_int_equal(f->docs[1].line, 7);
	assert_int_equal(f->docs[1].body_line, 7);
	assert_int_equal(f->docs[1].body_offset, 0);
	assert_string_equal(f->docs[1].path, path);
	const char *raw7 = "{\"id\": \"f\", \"text\": \"Last record.\"}";
	assert_true(f->docs[1].hash == vb_hash64(raw7, strlen(raw7), 0));

	assert_int_equal(f->nreports, 4);
	assert_int_equal(f->reports[0].line, 3);
	assert_true(f->reports[0].skipped);
	assert_string_equal(f->reports[0].message,
		"invalid JSON at line 3: invalid token near 'broken' (column 26), skipped");
	assert_int_equal(f->reports[1].line, 4);
	assert_string_equal(f->reports[1].message, "not a JSON object at line 4, skipped");
	assert_int_equal(f->reports[2].line, 5);
	assert_string_equal(f->reports[2].message, "missing 'text' at line 5, skipped");
	assert_int_equal(f->reports[3].line, 6);
	assert_string_equal(f->reports[3].message, "'text' is not a string at line 6, skipped");
}

static void test_jsonl_numeric_id_and_year(void **state)
{
	struct fixture *f = *state;
	const char *path = put(f, "years.jsonl",
		"{\"id\": 42, \"date\": \"1790\", \"text\": \"Fellow citizens.\"}\n"
		"{\"id\": 7, \"date\": 1801, \"speaker\": [\"Ana Ferreira\", \"Ilse Brandt\"], \"text\": \"Second.\"}\n"
		"{\"id\": \"ts\", \"date\": \"2008-02-04T10:00:00Z\", \"lang\": \"PT_BR\", \"text\": \"Third.\"}\n"
		"{\"id\": \"bad\", \"date\": \"early 1790s\", \"text\": \"Fourth.\"}\n");

	assert_int_equal(ingest(f, path, "years.jsonl"), 0);
	assert_int_equal(f->ndocs, 4);
	assert_string_equal(f->docs[0].id, "42");
	assert_string_equal(f->docs[0].date, "1790");
	assert_string_equal(f->docs[1].id, "7");
	assert_string_equal(f->docs[1].date, "1801");
	assert_string_equal(f->docs[1].speaker, "Ana Ferreira, Ilse Brandt");
	assert_string_equal(f->docs[2].date, "2008-02-04");
	assert_string_equal(f->docs[2].lang, "pt-br");
	assert_null(f->docs[3].date);
	const struct seen_report *r = only_report(f);
	assert_int_equal(r->line, 4);
	assert_false(r->skipped);
	assert_string_equal(r->message,
		"invalid date 'early 1790s' at line 4 (expected YYYY, YYYY-MM or YYYY-MM-DD), dropped");
}

static void test_jsonl_derived_id_and_extra(void **state)
{
	struct fixture *f = *state;
	const char *path = DATA_DIR "/records.jsonl";

	assert_int_equal(ingest(f, path, "sets/records.jsonl"), 0);
	assert_int_equal(f->ndocs, 3);
	assert_string_equal(f->docs[0].id, "fernhill/2024-01");
	assert_string_equal(f->docs[0].speaker, "Dagny Achterberg");
	assert_string_equal(f->docs[0].type, "statement");
	assert_string_equal(f->docs[0].extra, "{\"party\":\"none\"}");
	assert_string_equal(f->docs[1].id, "1904");
	assert_string_equal(f->docs[1].date, "1904");
	/* Line 5 has no id: the file's id base and the line. */
	assert_string_equal(f->docs[2].id, "sets/records.jsonl#L5");
	assert_string_equal(f->docs[2].title, "Untitled note");
	const struct seen_report *r = only_report(f);
	assert_int_equal(r->line, 3);
	assert_true(r->skipped);
	assert_true(!strncmp(r->message, "invalid JSON at line 3: ", 24));

	/* Unknown fields keep their JSON types. */
	path = put(f, "x.jsonl",
		"{\"text\": \"t\", \"party\": null, \"tags\": [\"a\", \"b\"], \"n\": 3, \"nested\": {\"k\": true}}\n");
	assert_int_equal(ingest(f, path, "x.jsonl"), 0);
	assert_int_equal(f->ndocs, 4);
	assert_string_equal(f->docs[3].id, "x.jsonl#L1");
	json_t *x = json_loads(f->docs[3].extra, 0, NULL);
	assert_non_null(x);
	assert_int_equal(json_object_size(x), 4);
	assert_true(json_is_null(json_object_get(x, "party")));
	assert_string_equal(json_string_value(json_array_get(json_object_get(x, "tags"), 1)), "b");
	assert_int_equal(json_integer_value(json_object_get(x, "n")), 3);
	assert_true(json_is_true(json_object_get(json_object_get(x, "nested"), "k")));
	json_decref(x);
}

static void test_jsonl_invalid_utf8_repaired(void **state)
{
	struct fixture *f = *state;
	const char *path = put(f, "latin1.jsonl",
		"{\"id\": \"ok\", \"text\": \"Fine.\"}\n"
		"{\"id\": \"caf\xE9\", \"text\": \"Caf\xE9 au lait for the caf\xE9 owners.\"}\n");

	assert_int_equal(ingest(f, path, "latin1.jsonl"), 0);
	assert_int_equal(f->ndocs, 2);
	struct vb_doc *d = &f->docs[1];
	assert_string_equal(d->id, "caf\xEF\xBF\xBD");
	assert_string_equal(d->body, "Caf\xEF\xBF\xBD au lait for the caf\xEF\xBF\xBD owners.");
	assert_int_equal(d->invalid_utf8, 3);
	const struct seen_report *r = only_report(f);
	assert_int_equal(r->line, 2);
	assert_false(r->skipped);
	assert_string_equal(r->message,
		"invalid UTF-8 at line 2 (3 sequences replaced by U+FFFD)");
}

static void test_jsonl_public_parser(void **state)
{
	(void)state;
	struct vb_buf err = VB_BUF_INIT;
	struct vb_doc doc;
	const char *line = "\"just a string\"";

	assert_int_equal(vb_parse_jsonl_record(line, strlen(line), "p.jsonl", 9,
					       "p#L9", &doc, &err), -1);
	assert_string_equal(err.buf, "not a JSON object at line 9, skipped");
	vb_buf_reset(&err);

	line = "{\"text\": \"nul \\u0000 inside\", \"title\": \"  Spaced  \", \"author\": {\"x\": 1}}";
	assert_int_equal(vb_parse_jsonl_record(line, strlen(line), "p.jsonl", 9,
					       "p#L9", &doc, &err), 0);
	assert_string_equal(err.buf, "ignored 'author' at line 9: expected a string");
	assert_string_equal(doc.body, "nul \xEF\xBF\xBD inside");
	assert_int_equal(doc.invalid_utf8, 1);
	assert_string_equal(doc.title, "Spaced");
	assert_string_equal(doc.id, "p#L9");
	assert_null(doc.author);
	assert_true(doc.hash == vb_hash64(line, strlen(line), 0));
	vb_doc_release(&doc);
	vb_buf_release(&err);
}

static void test_stdin_is_jsonl(void **state)
{
	struct fixture *f = *state;
	const char *path = put(f, "in.jsonl",
		"\xEF\xBB\xBF{\"text\": \"From standard input.\"}\n"
		"{\"text\": \"Second.\"}\n");
	int saved = dup(STDIN_FILENO);
	int fd = open(path, O_RDONLY);

	assert_true(saved >= 0 && fd >= 0);
	assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
	close(fd);
	int rc = ingest(f, "-", "stdin");
	dup2(saved, STDIN_FILENO);
	close(saved);
	clearerr(stdin);

	assert_int_equal(rc, 0);
	assert_int_equal(f->nreports, 0);
	assert_int_equal(f->ndocs, 2);
	assert_string_equal(f->docs[0].path, "-");
	assert_string_equal(f->docs[0].id, "stdin#L1");
	assert_string_equal(f->docs[0].body, "From standard input.");
	assert_string_equal(f->docs[1].id, "stdin#L2");
}

static void test_callback_stops_reading(void **state)
{
	struct fixture *f = *state;
	const char *path = put(f, "three.jsonl",
		"{\"text\": \"one\"}\n{\"text\": \"two\"}\n{\"text\": \"three\"}\n");

	f->stop_after = 2;
	assert_int_equal(ingest(f, path, "three.jsonl"), 7);
	assert_int_equal(f->ndocs, 2);
}

/* ---- walking ------------------------------------------------------------ */

static int record_visit(const char *path, const char *rel, void *ud)
{
	struct fixture *f = ud;
	char want[512];

	/* The path is the root joined with rel by exactly one slash. */
	snprintf(want, sizeof(want), "%s/%s", f->dir, rel);
	assert_string_equal(path, want);
	assert_true(f->nvisited < MAX_SEEN);
	f->visited[f->nvisited++] = strdup(rel);
	return f->stop_after && (int)f->nvisited >= f->stop_after ? 9 : 0;
}

static void test_walk_sorted_and_hidden_skipped(void **state)
{
	struct fixture *f = *state;

	put(f, "b.txt", "b");
	put(f, "a.txt", "a");
	put(f, "B.txt", "B");
	put(f, ".hidden.txt", "h");
	put_dir(f, ".git");
	put(f, ".git/config", "c");
	put_dir(f, "sub");
	put(f, "sub/c.txt", "c");
	put_dir(f, "a");
	put(f, "a/z.txt", "z");
	put(f, "a/.x", "x");
	put_dir(f, "empty");
	char fifo[512];
	snprintf(fifo, sizeof(fifo), "%s/pipe", f->dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);

	assert_int_equal(vb_walk(f->dir, record_visit, on_report, f), 0);
	/* The pipe is named, and never opened (which would block). */
	assert_int_equal(f->nreports, 1);
	assert_true(f->reports[0].skipped);
	assert_non_null(strstr(f->reports[0].path, "/pipe"));
	assert_string_equal(f->reports[0].message,
			    "a named pipe, not a regular file, skipped");
	assert_int_equal(f->nvisited, 5);
	assert_string_equal(f->visited[0], "B.txt");
	assert_string_equal(f->visited[1], "a/z.txt");
	assert_string_equal(f->visited[2], "a.txt");
	assert_string_equal(f->visited[3], "b.txt");
	assert_string_equal(f->visited[4], "sub/c.txt");

	/* A trailing slash on the root changes nothing. */
	char root[512];
	snprintf(root, sizeof(root), "%s/", f->dir);
	f->stop_after = 7;
	assert_int_equal(vb_walk(root, record_visit, on_report, f), 9);
	assert_int_equal(f->nvisited, 7);
	assert_string_equal(f->visited[6], "a/z.txt");

	/* A file as the root: its base name is rel. */
	char file[512];
	snprintf(file, sizeof(file), "%s/sub/c.txt", f->dir);
	f->stop_after = 0;
	assert_int_equal(vb_walk(file, walk_and_ingest, on_report, f), 0);
	assert_string_equal(f->visited[7], "c.txt");
	assert_string_equal(f->docs[0].id, "c.txt");
}

static void test_walk_symlink_loop_terminates(void **state)
{
	struct fixture *f = *state;
	char path[512];

	put(f, "a.txt", "a");
	put_dir(f, "sub");
	put(f, "sub/f.txt", "f");
	snprintf(path, sizeof(path), "%s/sub/loop", f->dir);
	assert_int_equal(symlink("..", path), 0);
	snprintf(path, sizeof(path), "%s/sub/self", f->dir);
	assert_int_equal(symlink(".", path), 0);
	snprintf(path, sizeof(path), "%s/zlink", f->dir);
	assert_int_equal(symlink("sub", path), 0);
	snprintf(path, sizeof(path), "%s/dangling", f->dir);
	assert_int_equal(symlink("nowhere", path), 0);
	snprintf(path, sizeof(path), "%s/yfile", f->dir);
	assert_int_equal(symlink("a.txt", path), 0);

	assert_int_equal(vb_walk(f->dir, record_visit, on_report, f), 0);
	assert_int_equal(f->nvisited, 3);
	assert_string_equal(f->visited[0], "a.txt");
	assert_string_equal(f->visited[1], "sub/f.txt");
	/* A link to a file is followed. */
	assert_string_equal(f->visited[2], "yfile");

	/* dangling, sub/loop, sub/self, zlink: each reported once. */
	assert_int_equal(f->nreports, 4);
	snprintf(path, sizeof(path), "%s/dangling", f->dir);
	assert_string_equal(f->reports[0].path, path);
	char want[256];
	snprintf(want, sizeof(want), "cannot access: %s", strerror(ENOENT));
	assert_string_equal(f->reports[0].message, want);
	snprintf(path, sizeof(path), "%s/sub/loop", f->dir);
	assert_string_equal(f->reports[1].path, path);
	assert_string_equal(f->reports[1].message,
			    "directory already walked (symbolic link loop?), skipped");
	snprintf(path, sizeof(path), "%s/sub/self", f->dir);
	assert_string_equal(f->reports[2].path, path);
	snprintf(path, sizeof(path), "%s/zlink", f->dir);
	assert_string_equal(f->reports[3].path, path);
	/* A broken link is a problem; a directory seen before is a note. */
	assert_true(f->reports[0].skipped);
	for (size_t i = 1; i < f->nreports; i++) {
		assert_false(f->reports[i].skipped);
		assert_true(f->reports[i].note);
	}
}

static void test_walk_vanished_file(void **state)
{
	struct fixture *f = *state;
	char gone[512];

	put(f, "a.txt", "First File\nbody\n");
	put(f, "b.txt", "Second File\nbody\n");
	put(f, "c.txt", "Third File\nbody\n");
	snprintf(gone, sizeof(gone), "%s/b.txt", f->dir);
	f->delete_on = "a.txt";
	f->delete_path = gone;

	assert_int_equal(vb_walk(f->dir, walk_and_ingest, on_report, f), 0);
	assert_int_equal(f->ndocs, 2);
	assert_string_equal(f->docs[0].title, "First File");
	assert_string_equal(f->docs[1].title, "Third File");
	const struct seen_report *r = only_report(f);
	assert_string_equal(r->path, gone);
	assert_true(r->skipped);
	char want[256];
	snprintf(want, sizeof(want), "cannot access: %s", strerror(ENOENT));
	assert_string_equal(r->message, want);
}

static void test_walk_unreadable_directory(void **state)
{
	struct fixture *f = *state;
	char path[512];

	if (geteuid() == 0)
		skip();  /* root reads everything */
	put_dir(f, "locked");
	put(f, "locked/x.txt", "x");
	put(f, "open.txt", "o");
	snprintf(path, sizeof(path), "%s/locked", f->dir);
	assert_int_equal(chmod(path, 0), 0);

	int rc = vb_walk(f->dir, record_visit, on_report, f);
	chmod(path, 0755);
	assert_int_equal(rc, 0);
	assert_int_equal(f->nvisited, 1);
	assert_string_equal(f->visited[0], "open.txt");
	const struct seen_report *r = only_report(f);
	assert_string_equal(r->path, path);
	char want[256];
	snprintf(want, sizeof(want), "cannot open directory: %s", strerror(EACCES));
	assert_string_equal(r->message, want);
}

static void test_walk_missing_root(void **state)
{
	struct fixture *f = *state;
	char path[512];

	snprintf(path, sizeof(path), "%s/nothing-here", f->dir);
	assert_int_equal(vb_walk(path, record_visit, on_report, f), VB_INGEST_EIO);
	assert_int_equal(f->nvisited, 0);
	assert_string_equal(only_report(f)->path, path);
}

/* ---- hashing ------------------------------------------------------------ */

static void test_hash64_is_fnv1a(void **state)
{
	(void)state;
	/* Published FNV-1a 64 test vectors. */
	assert_true(vb_hash64("", 0, 0) == 0xcbf29ce484222325ULL);
	assert_true(vb_hash64("a", 1, 0) == 0xaf63dc4c8601ec8cULL);
	assert_true(vb_hash64("foobar", 6, 0) == 0x85944171f73967e8ULL);
	assert_true(vb_hash64("foobar", 6, 1) != vb_hash64("foobar", 6, 0));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_front_matter_all_keys),
		T(test_list_valued_author),
		T(test_unknown_keys_go_to_extra),
		T(test_self_referencing_alias_is_bounded),
		T(test_timestamp_date_keeps_the_date),
		T(test_normalize_date),
		T(test_invalid_date_reported_at_its_line),
		T(test_broken_yaml_skipped_walk_goes_on),
		T(test_broken_yaml_lines),
		T(test_unterminated_front_matter),
		T(test_front_matter_edge_cases),
		T(test_no_front_matter_title_is_first_line),
		T(test_bom),
		T(test_crlf),
		T(test_invalid_utf8_repaired_and_counted),
		T(test_binary_file_skipped),
		T(test_empty_file_skipped),
		T(test_too_large_file_skipped),
		T(test_sizes_in_messages),
		T(test_huge_single_line),
		T(test_unreadable_file),
		T(test_jsonl_bad_line_in_the_middle),
		T(test_jsonl_numeric_id_and_year),
		T(test_jsonl_derived_id_and_extra),
		T(test_jsonl_invalid_utf8_repaired),
		T(test_jsonl_public_parser),
		T(test_stdin_is_jsonl),
		T(test_callback_stops_reading),
		T(test_walk_sorted_and_hidden_skipped),
		T(test_walk_symlink_loop_terminates),
		T(test_walk_vanished_file),
		T(test_walk_unreadable_directory),
		T(test_walk_missing_root),
		T(test_hash64_is_fnv1a),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
