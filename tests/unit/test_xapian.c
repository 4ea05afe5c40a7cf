/* test_xapian.c: unit tests of the C binding over libxapian (core/xapian/xap.h). */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <math.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "xapian/xap.h"

/*
 * Most tests run twice, against the in-memory backend and against a fresh
 * glass database in a temporary directory, because the two backends differ
 * in what they implement and in when writes become visible.
 */
struct backend {
	const char *name;
	bool disk;
};

static const struct backend memory_backend = { "inmemory", false };
static const struct backend disk_backend = { "disk", true };

struct fixture {
	const struct backend *backend;
	char dir[PATH_MAX];   /* temporary directory (disk backend only) */
	char path[PATH_MAX];  /* dir/db */
	xap_db *db;           /* writable */
	xap_stem *stem;       /* english */
};

/* A press release reduced to what the tests index. */
struct release {
	const char *uid;
	const char *title;
	const char *body;
	const char *date;     /* value slot 0, YYYYMMDD */
	const char *source;   /* value slot 1 and boolean term XS: */
	const char *kind;     /* boolean term K */
};

enum { SLOT_DATE = 0, SLOT_SOURCE = 1, SLOT_TITLE = 2 };

static const struct release releases[] = {
	{ "r1", "council sues ferry operator",
	  "the harbour council files a lawsuit against the ferry company",
	  "20240105", "harbour", "legal" },
	{ "r2", "new routes",
	  "ferry company announces new routes to the northern islands",
	  "20240212", "ferry", "transport" },
	{ "r3", "terminal budget",
	  "harbour council approves budget for the new ferry terminal",
	  "20240320", "harbour", "budget" },
	{ "r4", "mayor statement",
	  "mayor comments on lawsuits and budget disputes",
	  "20231130", "city", "legal" },
};
#define N_RELEASES (sizeof(releases) / sizeof(releases[0]))

/* ---- helpers ------------------------------------------------------------ */

static int remove_entry(const char *path, const struct stat *sb, int type,
			struct FTW *ftw)
{
	(void)sb;
	(void)type;
	(void)ftw;
	return remove(path);
}

static void remove_tree(const char *dir)
{
	if (dir[0])
		nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void join(char *out, size_t cap, const char *dir, const char *name)
{
	int n = snprintf(out, cap, "%s/%s", dir, name);
	assert_true(n > 0 && (size_t)n < cap);
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* Index one word at `pos` as omega does: the word itself with its position
 * and its stem with a Z prefix, both after `prefix`. */
static void index_word(xap_doc *doc, xap_stem *stem, const char *prefix,
		       const char *word, unsigned pos)
{
	char term[256], stemmed[128];
	xap_error err;
	size_t n = xap_stem_word(stem, word, strlen(word), stemmed, sizeof(stemmed));
	assert_true(n < sizeof(stemmed));

	snprintf(term, sizeof(term), "%s%s", prefix, word);
	assert_int_equal(xap_doc_add_posting(doc, term, strlen(term), pos, 1, &err), XAP_OK);
	snprintf(term, sizeof(term), "Z%s%s", prefix, stemmed);
	assert_int_equal(xap_doc_add_term(doc, term, strlen(term), 1, &err), XAP_OK);
}

static unsigned index_text(xap_doc *doc, xap_stem *stem, const char *prefix,
			   const char *text, unsigned pos)
{
	char copy[512], *save = NULL;
	snprintf(copy, sizeof(copy), "%s", text);
	for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
		index_word(doc, stem, prefix, w, pos++);
	return pos;
}

static unsigned index_release(xap_db *db, xap_stem *stem, const struct release *r)
{
	xap_doc *doc = NULL;
	xap_error err;
	char term[128];
	unsigned docid = 0, pos;

	assert_int_equal(xap_doc_new(&doc, &err), XAP_OK);
	pos = index_text(doc, stem, "S", r->title, 1);
	index_text(doc, stem, "", r->body, pos + 100);
	snprintf(term, sizeof(term), "XS:%s", r->source);
	assert_int_equal(xap_doc_add_boolean_term(doc, term, strlen(term), &err), XAP_OK);
	snprintf(term, sizeof(term), "K%s", r->kind);
	assert_int_equal(xap_doc_add_boolean_term(doc, term, strlen(term), &err), XAP_OK);
	snprintf(term, sizeof(term), "Q%s", r->uid);
	assert_int_equal(xap_doc_add_boolean_term(doc, term, strlen(term), &err), XAP_OK);
	assert_int_equal(xap_doc_set_value(doc, SLOT_DATE, r->date, strlen(r->date), &err), XAP_OK);
	assert_int_equal(xap_doc_set_value(doc, SLOT_SOURCE, r->source, strlen(r->source), &err), XAP_OK);
	assert_int_equal(xap_doc_set_value(doc, SLOT_TITLE, r->title, strlen(r->title), &err), XAP_OK);
	assert_int_equal(xap_doc_set_data(doc, r->uid, strlen(r->uid), &err), XAP_OK);
	assert_int_equal(xap_db_replace_document_by_term(db, term, doc, &docid, &err), XAP_OK);
	xap_doc_free(doc);
	assert_true(docid > 0);
	return docid;
}

static void index_all(struct fixture *f)
{
	for (size_t i = 0; i < N_RELEASES; i++)
		assert_int_equal(index_release(f->db, f->stem, &releases[i]), i + 1);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Run `q` on `db` and write the uids (document data) of the results into
 * `out`, comma-separated, in result order or sorted.
 */
static void search_uids(const xap_db *db, const xap_query *q, bool sorted,
			char *out, size_t cap)
{
	xap_enquire *enq = NULL;
	xap_mset *ms = NULL;
	xap_error err;
	char *uids[64];
	unsigned n;

	assert_int_equal(xap_enquire_new(&enq, db, &err), XAP_OK);
	assert_int_equal(xap_enquire_set_query(enq, q, &err), XAP_OK);
	assert_int_equal(xap_enquire_get_mset(enq, 0, 64, 64, &ms, &err), XAP_OK);
	n = xap_mset_size(ms);
	for (unsigned i = 0; i < n; i++) {
		xap_doc *doc = NULL;
		size_t len;
		assert_int_equal(xap_mset_document(ms, i, &doc, &err), XAP_OK);
		assert_int_equal(xap_doc_docid(doc), xap_mset_docid(ms, i));
		assert_int_equal(xap_doc_get_data(doc, &uids[i], &len, &err), XAP_OK);
		xap_doc_free(doc);
	}
	if (sorted)
		qsort(uids, n, sizeof(uids[0]), compare_strings);
	out[0] = '\0';
	for (unsigned i = 0; i < n; i++) {
		size_t used = strlen(out);
		snprintf(out + used, cap - used, "%s%s", i ? "," : "", uids[i]);
		free(uids[i]);
	}
	xap_mset_free(ms);
	xap_enquire_free(enq);
}

static void expect_query(const xap_db *db, const xap_query *q, const char *want)
{
	char got[256];
	search_uids(db, q, true, got, sizeof(got));
	assert_string_equal(got, want);
}

static void expect_parse(xap_qparser *qp, const xap_db *db, const char *text,
			 unsigned flags, const char *want)
{
	xap_query *q = NULL;
	xap_error err;
	char got[256];

	if (xap_qp_parse(qp, text, flags, NULL, &q, &err) != XAP_OK)
		fail_msg("parsing '%s': %s", text, err.message);
	search_uids(db, q, true, got, sizeof(got));
	if (strcmp(got, want) != 0) {
		char *d = xap_query_description(q);
		fail_msg("'%s' (%s) found '%s', expected '%s'", text, d, got, want);
	}
	xap_query_free(q);
}

static xap_query *term_query(const char *term)
{
	xap_query *q = NULL;
	xap_error err;
	assert_int_equal(xap_query_term(&q, term, strlen(term), 1, &err), XAP_OK);
	return q;
}

static bool valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int extra = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1
			: (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
		if (extra < 0)
			return false;
		p++;
		for (int i = 0; i < extra; i++, p++)
			if ((*p & 0xC0) != 0x80)
				return false;
	}
	return true;
}

/* ---- fixtures ----------------------------------------------------------- */

static int setup_db(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	xap_error err;

	if (!f)
		return -1;
	f->backend = *state;
	if (xap_stem_new(&f->stem, "english", &err) != XAP_OK)
		return -1;
	if (f->backend->disk) {
		snprintf(f->dir, sizeof(f->dir), "/tmp/verbatim-test-xapian-XXXXXX");
		if (!mkdtemp(f->dir))
			return -1;
		join(f->path, sizeof(f->path), f->dir, "db");
		if (xap_db_open(&f->db, f->path, XAP_DB_CREATE_OR_OVERWRITE,
				XAP_DB_NO_SYNC, &err) != XAP_OK)
			return -1;
	} else if (xap_db_open_inmemory(&f->db, &err) != XAP_OK) {
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown_db(void **state)
{
	struct fixture *f = *state;
	xap_db_free(f->db);
	xap_stem_free(f->stem);
	remove_tree(f->dir);
	free(f);
	return 0;
}

/* ---- tests without a database ------------------------------------------- */

static void test_status_names(void **state)
{
	(void)state;
	assert_string_equal(xap_status_name(XAP_OK), "ok");
	assert_string_equal(xap_status_name(XAP_ERR_NOT_FOUND), "not found");
	assert_string_equal(xap_status_name(XAP_ERR_LOCKED), "locked");
	assert_string_equal(xap_status_name(XAP_ERR_MODIFIED), "modified");
	assert_string_equal(xap_status_name(XAP_ERR_CORRUPT), "corrupt");
	assert_string_equal(xap_status_name(XAP_ERR_QUERY), "bad query");
	assert_string_equal(xap_status_name(XAP_ERR_NOMEM), "out of memory");
	assert_string_equal(xap_status_name(XAP_ERR_NETWORK), "network");
	assert_string_equal(xap_status_name(XAP_ERR_INVALID), "invalid");
	assert_string_equal(xap_status_name(XAP_ERR_OTHER), "error");
	assert_string_equal(xap_status_name((xap_status)-42), "error");
	assert_int_equal(strncmp(xap_version(), "1.", 2), 0);
}

static void test_stemmer(void **state)
{
	static const struct {
		const char *language, *word, *stem;
	} cases[] = {
		{ "english", "lawsuits", "lawsuit" },
		{ "en", "running", "run" },
		{ "de", "h\xc3\xa4user", "haus" },
		{ "german", "b\xc3\xbc" "cher", "buch" },
		{ "fr", "continuellement", "continuel" },
		{ "es", "chicas", "chic" },
		{ "none", "running", "running" },
	};
	xap_stem *stem = NULL;
	xap_error err;
	char out[64];
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(xap_stem_new(&stem, cases[i].language, &err), XAP_OK);
		size_t n = xap_stem_word(stem, cases[i].word, strlen(cases[i].word),
					 out, sizeof(out));
		assert_int_equal(n, strlen(cases[i].stem));
		assert_string_equal(out, cases[i].stem);
		xap_stem_free(stem);
	}

	/* Lengths, not NUL terminators, delimit the input. */
	assert_int_equal(xap_stem_new(&stem, "en", &err), XAP_OK);
	assert_int_equal(xap_stem_word(stem, "councils and", 8, out, sizeof(out)), 7);
	assert_string_equal(out, "council");
	/* Truncation works like snprintf. */
	memset(out, 'x', sizeof(out));
	assert_int_equal(xap_stem_word(stem, "lawsuits", 8, out, 4), 7);
	assert_string_equal(out, "law");
	assert_int_equal(xap_stem_word(stem, "lawsuits", 8, NULL, 0), 7);
	assert_int_equal(xap_stem_word(stem, "", 0, out, sizeof(out)), 0);
	assert_string_equal(out, "");
	xap_stem_free(stem);

	stem = (xap_stem *)&err;
	assert_int_equal(xap_stem_new(&stem, "klingon", &err), XAP_ERR_INVALID);
	assert_null(stem);
	assert_int_equal(err.status, XAP_ERR_INVALID);
	assert_non_null(strstr(err.message, "cannot create stemmer 'klingon': "));
	assert_int_equal(xap_stem_new(&stem, "klingon", NULL), XAP_ERR_INVALID);

	const char *langs = xap_stem_languages();
	assert_non_null(strstr(langs, "english,"));
	assert_non_null(strstr(langs, "german"));
	assert_null(strchr(langs, ' '));
	xap_stem_free(NULL);
}

static int collect_query_term(const char *term, size_t len, unsigned count,
			      void *ud)
{
	char *out = ud;
	size_t used = strlen(out);
	snprintf(out + used, 256 - used, "%s%.*s*%u", used ? "," : "", (int)len,
		 term, count);
	return 0;
}

static int stop_at_second_term(const char *term, size_t len, unsigned count,
			       void *ud)
{
	int *seen = ud;
	(void)term;
	(void)len;
	(void)count;
	return ++*seen == 2 ? 7 : 0;
}

static void test_query_building(void **state)
{
	xap_query *ferry = term_query("ferry"), *council = term_query("council");
	xap_query *subs[3] = { ferry, council, ferry };
	xap_query *q = NULL, *copy = NULL;
	xap_error err;
	char terms[256] = "";
	int seen = 0;
	(void)state;

	assert_int_equal(xap_query_combine(&q, XAP_OP_OR, subs, 3, 0, &err), XAP_OK);
	assert_false(xap_query_empty(q));
	char *d = xap_query_description(q);
	assert_non_null(strstr(d, "ferry OR council"));
	free(d);

	/* Hand-built terms have no query position: byte order, once. */
	assert_int_equal(xap_query_terms(q, collect_query_term, terms, &err), XAP_OK);
	assert_string_equal(terms, "council*1,ferry*1");
	assert_int_equal(xap_query_terms(q, stop_at_second_term, &seen, &err), 7);
	assert_int_equal(seen, 2);

	/* Parsed words have positions: query order, counted per position. */
	xap_qparser *qp = NULL;
	xap_query *parsed = NULL;
	assert_int_equal(xap_qp_new(&qp, &err), XAP_OK);
	assert_int_equal(xap_qp_parse(qp, "ferry council ferry", XAP_QP_DEFAULT, NULL,
				      &parsed, &err), XAP_OK);
	terms[0] = '\0';
	assert_int_equal(xap_query_terms(parsed, collect_query_term, terms, &err), XAP_OK);
	assert_string_equal(terms, "ferry*2,council*1");
	xap_query_free(parsed);
	xap_qp_free(qp);

	assert_int_equal(xap_query_copy(&copy, q, &err), XAP_OK);
	d = xap_query_description(copy);
	assert_non_null(strstr(d, "ferry OR council"));
	free(d);
	xap_query_free(copy);
	xap_query_free(q);

	/* A NULL subquery is the caller's mistake, not a crash. */
	subs[1] = NULL;
	q = (xap_query *)&err;
	assert_int_equal(xap_query_combine(&q, XAP_OP_AND, subs, 2, 0, &err), XAP_ERR_INVALID);
	assert_null(q);
	assert_int_equal(err.status, XAP_ERR_INVALID);

	assert_int_equal(xap_query_combine(&q, XAP_OP_AND, NULL, 0, 0, &err), XAP_OK);
	assert_true(xap_query_empty(q));
	xap_query_free(q);

	assert_int_equal(xap_query_scale(&q, ferry, -1.0, &err), XAP_ERR_INVALID);
	assert_true(strlen(err.message) > strlen("cannot scale query"));

	xap_query_free(ferry);
	xap_query_free(council);
	xap_query_free(NULL);
	assert_true(xap_query_empty(NULL));
}

/* Parse `text` (phrases, NEAR, boolean operators), drop its positional
 * parts and return the description of what is left (malloc'd). */
static char *without_positional(const char *text)
{
	xap_qparser *qp = NULL;
	xap_query *parsed = NULL, *dropped = NULL;
	xap_error err;
	assert_int_equal(xap_qp_new(&qp, &err), XAP_OK);
	assert_int_equal(xap_qp_parse(qp, text, XAP_QP_BOOLEAN | XAP_QP_PHRASE |
				      XAP_QP_LOVEHATE, NULL, &parsed, &err), XAP_OK);
	assert_int_equal(xap_query_drop_positional(&dropped, parsed, &err), XAP_OK);
	char *d = xap_query_description(dropped);
	xap_query_free(dropped);
	xap_query_free(parsed);
	xap_qp_free(qp);
	return d;
}

static void test_query_drop_positional(void **state)
{
	struct { const char *text, *want; } cases[] = {
		/* An OR drops the phrase; an AND holding one matches nothing. */
		{ "\"state union\" OR ferry", "Query(ferry@3)" },
		{ "\"state union\" AND ferry", "Query()" },
		{ "state NEAR union", "Query()" },
		{ "ferry AND NOT \"state union\"", "Query(ferry@1)" },
		{ "(ferry AND council) OR (a NEAR b)", "Query((ferry@1 AND council@2))" },
		/* Nothing positional: the same query. */
		{ "ferry council", "Query((ferry@1 OR council@2))" },
		{ "ferry -council", "Query((ferry@1 AND_NOT council@2))" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *d = without_positional(cases[i].text);
		if (strcmp(d, cases[i].want))
			fail_msg("%s: got %s, want %s", cases[i].text, d, cases[i].want);
		free(d);
	}
	xap_query *q = NULL;
	xap_error err;
	assert_int_equal(xap_query_drop_positional(&q, NULL, &err), XAP_ERR_INVALID);
	assert_null(q);
}

static void assert_date_range(const char *lo, const char *hi, int first, int last,
			      const char *want)
{
	xap_query *q = NULL;
	xap_error err;
	assert_int_equal(xap_query_date_range(&q, 0, "Y", lo, hi, first, last, 4, &err),
			 XAP_OK);
	char *d = xap_query_description(q);
	if (strcmp(d, want))
		fail_msg("%s..%s in %d..%d: got %s, want %s", lo, hi, first, last, d, want);
	free(d);
	xap_query_free(q);
}

static void test_query_date_range(void **state)
{
	(void)state;
	/* Whole years: their terms. */
	assert_date_range("20050101", "20071231", 2000, 2010, "Query((Y2005 OR Y2006 OR Y2007))");
	assert_date_range("20060101", "20061231", 2000, 2010, "Query(Y2006)");
	/* Open or wide bounds stop at the years the database holds. */
	assert_date_range("00000000", "20021231", 2001, 2010, "Query((Y2001 OR Y2002))");
	assert_date_range("20090315", "99991231", 2001, 2010,
			  "Query(VALUE_RANGE 0 20090315 99991231)");
	assert_date_range("20090101", "99991231", 2001, 2010, "Query((Y2009 OR Y2010))");
	/* Outside the database's years, or an empty range: nothing. */
	assert_date_range("19900101", "19951231", 2001, 2010, "Query()");
	assert_date_range("20080101", "20051231", 2001, 2010, "Query()");
	/* Part of a year, too many years, unknown years, not YYYYMMDD: the
	 * value range. */
	assert_date_range("20050301", "20071231", 2000, 2010,
			  "Query(VALUE_RANGE 0 20050301 20071231)");
	assert_date_range("20050101", "20071130", 2000, 2010,
			  "Query(VALUE_RANGE 0 20050101 20071130)");
	assert_date_range("20010101", "20101231", 2000, 2010,
			  "Query(VALUE_RANGE 0 20010101 20101231)");
	assert_date_range("20050101", "20051231", 1, 0, "Query(VALUE_RANGE 0 20050101 20051231)");
	assert_date_range("2005", "2006", 2000, 2010, "Query(VALUE_RANGE 0 2005 2006)");
}

/* ---- tests run on both backends ----------------------------------------- */

struct doc_terms {
	char text[512];
};

static int collect_doc_term(const char *term, size_t len, unsigned wdf, void *ud)
{
	struct doc_terms *t = ud;
	size_t used = strlen(t->text);
	snprintf(t->text + used, sizeof(t->text) - used, "%s%.*s:%u",
		 used ? " " : "", (int)len, term, wdf);
	return 0;
}

static void expect_termgen(int strategy, const char *text, const char *want)
{
	xap_termgen *tg;
	xap_doc *doc;
	xap_error err;
	struct doc_terms got = { "" };
	assert_int_equal(xap_termgen_new(&tg, "english", strategy, &err), XAP_OK);
	assert_int_equal(xap_doc_new(&doc, &err), XAP_OK);
	assert_int_equal(xap_termgen_index_text(tg, doc, text, strlen(text), &err), XAP_OK);
	assert_int_equal(xap_doc_terms(doc, collect_doc_term, &got, &err), XAP_OK);
	assert_string_equal(got.text, want);
	xap_doc_free(doc);
	xap_termgen_free(tg);
}

/* Xapian's own TermGenerator (for bench/xapianpeer.c). */
static void test_termgen(void **state)
{
	(void)state;
	xap_termgen *tg = NULL;
	xap_error err;
	expect_termgen(XAP_STEM_ALL_Z, "Ferries sailed, ferries", "Zferri:2 Zsail:1");
	expect_termgen(XAP_STEM_SOME, "Ferries sailed",
		       "Zferri:1 Zsail:1 ferries:1 sailed:1");
	expect_termgen(XAP_STEM_NONE, "Ferries", "ferries:1");
	assert_int_equal(xap_termgen_new(&tg, "english", 99, &err), XAP_ERR_INVALID);
	assert_null(tg);
	assert_int_equal(xap_termgen_new(&tg, "klingon", XAP_STEM_ALL_Z, &err), XAP_ERR_INVALID);
	assert_null(tg);
}

static void test_documents(void **state)
{
	struct fixture *f = *state;
	xap_doc *doc = NULL;
	xap_error err;
	unsigned docid = 0, n = 0;
	char *s = NULL;
	size_t len = 0;
	double avlength = 0;
	static const char data[] = "uid\0binary";

	assert_int_equal(xap_doc_new(&doc, &err), XAP_OK);
	assert_int_equal(xap_doc_add_posting(doc, "ferry", 5, 1, 1, &err), XAP_OK);
	assert_int_equal(xap_doc_add_posting(doc, "ferry", 5, 3, 1, &err), XAP_OK);
	assert_int_equal(xap_doc_add_posting(doc, "council", 7, 2, 1, &err), XAP_OK);
	assert_int_equal(xap_doc_add_term(doc, "Zferri", 6, 2, &err), XAP_OK);
	assert_int_equal(xap_doc_add_boolean_term(doc, "Qr1", 3, &err), XAP_OK);
	assert_int_equal(xap_doc_set_value(doc, 5, "20240105", 8, &err), XAP_OK);
	assert_int_equal(xap_doc_set_data(doc, data, sizeof(data), &err), XAP_OK);
	assert_int_equal(xap_doc_add_term(doc, "", 0, 1, &err), XAP_ERR_INVALID);
	assert_int_equal(xap_db_add_document(f->db, doc, &docid, &err), XAP_OK);
	assert_int_equal(docid, 1);
	assert_int_equal(xap_db_add_document(f->db, doc, NULL, &err), XAP_OK);
	xap_doc_free(doc);

	assert_int_equal(xap_db_doccount(f->db, &n, &err), XAP_OK);
	assert_int_equal(n, 2);
	assert_int_equal(xap_db_lastdocid(f->db, &n, &err), XAP_OK);
	assert_int_equal(n, 2);
	assert_int_equal(xap_db_termfreq(f->db, "ferry", 5, &n, &err), XAP_OK);
	assert_int_equal(n, 2);
	assert_int_equal(xap_db_collection_freq(f->db, "ferry", 5, &n, &err), XAP_OK);
	assert_int_equal(n, 4);
	assert_int_equal(xap_db_termfreq(f->db, "absent", 6, &n, &err), XAP_OK);
	assert_int_equal(n, 0);
	/* The length counts wdf: ferry 2, council 1, Zferri 2, Qr1 0. */
	assert_int_equal(xap_db_avlength(f->db, &avlength, &err), XAP_OK);
	assert_true(avlength > 4.99 && avlength < 5.01);

	doc = NULL;
	assert_int_equal(xap_db_get_document(f->db, 1, &doc, &err), XAP_OK);
	assert_int_equal(xap_doc_docid(doc), 1);
	assert_int_equal(xap_doc_get_data(doc, &s, &len, &err), XAP_OK);
	assert_int_equal(len, sizeof(data));
	assert_memory_equal(s, data, sizeof(data));
	free(s);
	assert_int_equal(xap_doc_get_value(doc, 5, &s, &len, &err), XAP_OK);
	assert_int_equal(len, 8);
	assert_string_equal(s, "20240105");
	free(s);
	assert_int_equal(xap_doc_get_value(doc, 6, &s, &len, &err), XAP_OK);
	assert_int_equal(len, 0);
	assert_string_equal(s, "");
	free(s);

	struct doc_terms terms = { "" };
	assert_int_equal(xap_doc_terms(doc, collect_doc_term, &terms, &err), XAP_OK);
	assert_string_equal(terms.text, "Qr1:0 Zferri:2 council:1 ferry:2");
	xap_doc_free(doc);

	/* Missing documents. */
	doc = (xap_doc *)&err;
	memset(&err, 0, sizeof(err));
	assert_int_equal(xap_db_get_document(f->db, 99, &doc, &err), XAP_ERR_NOT_FOUND);
	assert_null(doc);
	assert_int_equal(err.status, XAP_ERR_NOT_FOUND);
	assert_non_null(strstr(err.message, "cannot get document 99: DocNotFoundError"));
	assert_int_equal(xap_db_delete_document(f->db, 99, &err), XAP_ERR_NOT_FOUND);
	assert_int_equal(xap_db_delete_document(f->db, 99, NULL), XAP_ERR_NOT_FOUND);

	assert_int_equal(xap_db_delete_document(f->db, 1, &err), XAP_OK);
	assert_int_equal(xap_db_doccount(f->db, &n, &err), XAP_OK);
	assert_int_equal(n, 1);
	assert_int_equal(xap_db_get_document(f->db, 1, &doc, &err), XAP_ERR_NOT_FOUND);
	assert_true(xap_db_is_writable(f->db));
	assert_int_equal(xap_db_shard_count(f->db), 1);
}

static void test_metadata(void **state)
{
	struct fixture *f = *state;
	xap_error err;
	char *value = NULL;
	size_t len = 99;

	assert_int_equal(xap_db_set_metadata(f->db, "schema", "3", 1, &err), XAP_OK);
	assert_int_equal(xap_db_set_metadata(f->db, "bytes", "a\0b", 3, &err), XAP_OK);
	assert_int_equal(xap_db_get_metadata(f->db, "schema", &value, &len, &err), XAP_OK);
	assert_int_equal(len, 1);
	assert_string_equal(value, "3");
	free(value);
	assert_int_equal(xap_db_get_metadata(f->db, "bytes", &value, &len, &err), XAP_OK);
	assert_int_equal(len, 3);
	assert_memory_equal(value, "a\0b", 3);
	free(value);

	/* A missing key reads as an empty, allocated value. */
	value = NULL;
	assert_int_equal(xap_db_get_metadata(f->db, "missing", &value, &len, &err), XAP_OK);
	assert_non_null(value);
	assert_int_equal(len, 0);
	assert_string_equal(value, "");
	free(value);

	/* Setting an empty value deletes the key. */
	assert_int_equal(xap_db_set_metadata(f->db, "schema", "", 0, &err), XAP_OK);
	assert_int_equal(xap_db_get_metadata(f->db, "schema", &value, NULL, &err), XAP_OK);
	assert_string_equal(value, "");
	free(value);
}

static void test_replace_and_delete_by_term(void **state)
{
	struct fixture *f = *state;
	xap_doc *doc = NULL;
	xap_error err;
	unsigned docid = 0, n = 0;
	char *data;
	size_t len;

	index_all(f);
	/* Replacing by the unique term keeps the document id. */
	struct release changed = releases[1];
	changed.body = "ferry company cancels the northern routes";
	assert_int_equal(index_release(f->db, f->stem, &changed), 2);
	assert_int_equal(xap_db_doccount(f->db, &n, &err), XAP_OK);
	assert_int_equal(n, N_RELEASES);
	assert_int_equal(xap_db_termfreq(f->db, "cancels", 7, &n, &err), XAP_OK);
	assert_int_equal(n, 1);
	assert_int_equal(xap_db_termfreq(f->db, "announces", 9, &n, &err), XAP_OK);
	assert_int_equal(n, 0);

	/* A new unique term adds a document. */
	assert_int_equal(xap_doc_new(&doc, &err), XAP_OK);
	assert_int_equal(xap_doc_add_boolean_term(doc, "Qr9", 3, &err), XAP_OK);
	assert_int_equal(xap_doc_set_data(doc, "r9", 2, &err), XAP_OK);
	assert_int_equal(xap_db_replace_document_by_term(f->db, "Qr9", doc, &docid, &err), XAP_OK);
	assert_int_equal(docid, N_RELEASES + 1);
	xap_doc_free(doc);
	assert_int_equal(xap_db_get_document(f->db, docid, &doc, &err), XAP_OK);
	assert_int_equal(xap_doc_get_data(doc, &data, &len, &err), XAP_OK);
	assert_string_equal(data, "r9");
	free(data);
	xap_doc_free(doc);

	/* Deleting by term removes every document indexed by it. */
	assert_int_equal(xap_db_delete_documents_by_term(f->db, "Klegal", &err), XAP_OK);
	assert_int_equal(xap_db_doccount(f->db, &n, &err), XAP_OK);
	assert_int_equal(n, N_RELEASES + 1 - 2);
	assert_int_equal(xap_db_termfreq(f->db, "Klegal", 6, &n, &err), XAP_OK);
	assert_int_equal(n, 0);
	assert_int_equal(xap_db_get_document(f->db, 1, &doc, &err), XAP_ERR_NOT_FOUND);
	/* ... and deleting by a term nobody has is not an error. */
	assert_int_equal(xap_db_delete_documents_by_term(f->db, "Knothing", &err), XAP_OK);
	assert_int_equal(xap_db_doccount(f->db, &n, &err), XAP_OK);
	assert_int_equal(n, N_RELEASES - 1);
}

struct term_list {
	char text[512];
	int stop_after;   /* 0: never */
	int seen;
};

static int collect_term(const char *term, size_t len, unsigned termfreq, void *ud)
{
	struct term_list *t = ud;
	size_t used = strlen(t->text);
	snprintf(t->text + used, sizeof(t->text) - used, "%s%.*s/%u",
		 used ? " " : "", (int)len, term, termfreq);
	return ++t->seen == t->stop_after ? 42 : 0;
}

static int collect_docid(unsigned docid, void *ud)
{
	struct term_list *t = ud;
	size_t used = strlen(t->text);
	snprintf(t->text + used, sizeof(t->text) - used, "%s%u", used ? " " : "", docid);
	return ++t->seen == t->stop_after ? 1000 : 0;
}

static void test_allterms_and_postlist(void **state)
{
	struct fixture *f = *state;
	xap_error err;
	struct term_list t = { "", 0, 0 };

	index_all(f);
	assert_int_equal(xap_db_allterms(f->db, "XS:", collect_term, &t, &err), XAP_OK);
	assert_string_equal(t.text, "XS:city/1 XS:ferry/1 XS:harbour/2");

	/* A callback's non-zero result stops the walk and comes back as is. */
	t = (struct term_list){ "", 2, 0 };
	assert_int_equal(xap_db_allterms(f->db, "K", collect_term, &t, &err), 42);
	assert_string_equal(t.text, "Kbudget/1 Klegal/2");

	/* Every term, in byte order: capitals (prefixes) sort first. */
	t = (struct term_list){ "", 1, 0 };
	assert_int_equal(xap_db_allterms(f->db, "", collect_term, &t, &err), 42);
	assert_string_equal(t.text, "Kbudget/1");

	t = (struct term_list){ "", 0, 0 };
	assert_int_equal(xap_db_allterms(f->db, "nothing-starts-so", collect_term, &t, &err), XAP_OK);
	assert_string_equal(t.text, "");

	t = (struct term_list){ "", 0, 0 };
	assert_int_equal(xap_db_postlist(f->db, "ferry", 5, collect_docid, &t, &err), XAP_OK);
	assert_string_equal(t.text, "1 2 3");
	t = (struct term_list){ "", 2, 0 };
	assert_int_equal(xap_db_postlist(f->db, "council", 7, collect_docid, &t, &err), 1000);
	assert_string_equal(t.text, "1 3");
	t = (struct term_list){ "", 0, 0 };
	assert_int_equal(xap_db_postlist(f->db, "absent", 6, collect_docid, &t, &err), XAP_OK);
	assert_string_equal(t.text, "");

	assert_int_equal(xap_db_allterms(f->db, "", NULL, NULL, &err), XAP_ERR_INVALID);
}

static void test_query_parser(void **state)
{
	struct fixture *f = *state;
	xap_qparser *qp = NULL, *mdy = NULL;
	xap_query *q = NULL;
	xap_error err;
	const unsigned flags = XAP_QP_DEFAULT;

	index_all(f);
	assert_int_equal(xap_qp_new(&qp, &err), XAP_OK);
	assert_int_equal(xap_qp_set_database(qp, f->db, &err), XAP_OK);
	assert_int_equal(xap_qp_set_stemmer(qp, f->stem, &err), XAP_OK);
	assert_int_equal(xap_qp_set_stemming_strategy(qp, XAP_STEM_ALL_Z, &err), XAP_OK);
	assert_int_equal(xap_qp_add_prefix(qp, "title", "S", &err), XAP_OK);
	assert_int_equal(xap_qp_add_boolean_prefix(qp, "source", "XS:", NULL, &err), XAP_OK);
	/* Two fields sharing a grouping are ORed together. */
	assert_int_equal(xap_qp_add_boolean_prefix(qp, "kind", "K", "topic", &err), XAP_OK);
	assert_int_equal(xap_qp_add_boolean_prefix(qp, "tag", "K", "topic", &err), XAP_OK);
	assert_int_equal(xap_qp_add_range(qp, SLOT_SOURCE, "src:", &err), XAP_OK);
	assert_int_equal(xap_qp_add_date_range(qp, SLOT_DATE, "date:", 0, 1970, &err), XAP_OK);

	/* Stemming: "lawsuits" becomes Zlawsuit and finds "lawsuit" too. */
	expect_parse(qp, f->db, "lawsuits", flags, "r1,r4");
	expect_parse(qp, f->db, "title:routes", flags, "r2");
	expect_parse(qp, f->db, "title:ferry", flags, "r1");

	/* The default operator. */
	assert_int_equal(xap_qp_set_default_op(qp, XAP_OP_OR, &err), XAP_OK);
	expect_parse(qp, f->db, "ferry council", flags, "r1,r2,r3");
	assert_int_equal(xap_qp_set_default_op(qp, XAP_OP_AND, &err), XAP_OK);
	expect_parse(qp, f->db, "ferry council", flags, "r1,r3");
	/* A refused operator leaves the previous one in place. */
	assert_int_equal(xap_qp_set_default_op(qp, XAP_OP_AND_NOT, &err), XAP_ERR_INVALID);
	assert_non_null(strstr(err.message, "InvalidArgumentError"));
	expect_parse(qp, f->db, "ferry council", flags, "r1,r3");
	assert_int_equal(xap_qp_set_default_op(qp, XAP_OP_OR, &err), XAP_OK);

	/* Boolean prefixes filter; the same field ORs, different fields AND. */
	expect_parse(qp, f->db, "ferry source:harbour", flags, "r1,r3");
	expect_parse(qp, f->db, "source:harbour source:city", flags, "r1,r3,r4");
	expect_parse(qp, f->db, "source:harbour kind:legal", flags, "r1");
	expect_parse(qp, f->db, "kind:legal tag:budget", flags, "r1,r3,r4");
	expect_parse(qp, f->db, "source:nowhere", flags, "");

	/* String ranges compare bytes: "city" < "f" and "ferry" in [d, g]. */
	expect_parse(qp, f->db, "src:c..f", flags, "r4");
	expect_parse(qp, f->db, "src:d..g", flags, "r2");
	expect_parse(qp, f->db, "src:a..z", flags, "r1,r2,r3,r4");

	/* Date ranges: day first unless asked otherwise; two-digit years
	 * count from the epoch year; YYYYMMDD is understood as is. */
	expect_parse(qp, f->db, "date:30/11/2023..5/1/2024", flags, "r1,r4");
	expect_parse(qp, f->db, "date:1/2/24..31/3/24", flags, "r2,r3");
	expect_parse(qp, f->db, "date:20240101..20240229", flags, "r1,r2");
	expect_parse(qp, f->db, "ferry date:20240201..20241231", flags, "r2,r3");

	assert_int_equal(xap_qp_new(&mdy, &err), XAP_OK);
	assert_int_equal(xap_qp_add_date_range(mdy, SLOT_DATE, "date:", 1, 1970, &err), XAP_OK);
	expect_parse(mdy, f->db, "date:11/30/2023..1/5/2024", flags, "r1,r4");
	xap_qp_free(mdy);

	/* Without stemming only the exact word matches. */
	assert_int_equal(xap_qp_set_stemming_strategy(qp, XAP_STEM_NONE, &err), XAP_OK);
	expect_parse(qp, f->db, "lawsuits", flags, "r4");

	/* A syntax error. */
	q = (xap_query *)&err;
	memset(&err, 0, sizeof(err));
	assert_int_equal(xap_qp_parse(qp, "AND AND (", XAP_QP_BOOLEAN, NULL, &q, &err),
			 XAP_ERR_QUERY);
	assert_null(q);
	assert_int_equal(err.status, XAP_ERR_QUERY);
	assert_non_null(strstr(err.message, "cannot parse query 'AND AND (': QueryParserError: "));
	assert_true(strlen(err.message) > strlen("cannot parse query 'AND AND (': QueryParserError: "));
	assert_int_equal(xap_qp_parse(qp, "AND AND (", XAP_QP_BOOLEAN, NULL, &q, NULL),
			 XAP_ERR_QUERY);

	/* A default prefix applies to unprefixed words. */
	assert_int_equal(xap_qp_parse(qp, "routes", flags, "S", &q, &err), XAP_OK);
	expect_query(f->db, q, "r2");
	xap_query_free(q);

	xap_qp_free(qp);
	xap_qp_free(NULL);
}

static void test_query_objects(void **state)
{
	struct fixture *f = *state;
	xap_query *q = NULL, *all = NULL, *scaled = NULL, *subs[2];
	xap_error err;

	index_all(f);
	assert_int_equal(xap_query_value_range(&q, SLOT_DATE, "20240101", "20240229", &err), XAP_OK);
	expect_query(f->db, q, "r1,r2");
	xap_query_free(q);
	assert_int_equal(xap_query_value_range(&q, SLOT_DATE, "20240201", NULL, &err), XAP_OK);
	expect_query(f->db, q, "r2,r3");
	xap_query_free(q);
	assert_int_equal(xap_query_value_range(&q, SLOT_DATE, NULL, "20240105", &err), XAP_OK);
	expect_query(f->db, q, "r1,r4");
	xap_query_free(q);

	assert_int_equal(xap_query_match_all(&all, &err), XAP_OK);
	expect_query(f->db, all, "r1,r2,r3,r4");

	/* Phrases need the positions that postings recorded. */
	subs[0] = term_query("ferry");
	subs[1] = term_query("company");
	assert_int_equal(xap_query_combine(&q, XAP_OP_PHRASE, subs, 2, 0, &err), XAP_OK);
	expect_query(f->db, q, "r1,r2");
	xap_query_free(q);
	assert_int_equal(xap_query_combine(&q, XAP_OP_AND_NOT, subs, 2, 0, &err), XAP_OK);
	expect_query(f->db, q, "r3");
	xap_query_free(q);
	assert_int_equal(xap_query_combine(&q, XAP_OP_FILTER, subs, 2, 0, &err), XAP_OK);
	expect_query(f->db, q, "r1,r2");
	xap_query_scale(&scaled, q, 2.0, &err);
	assert_non_null(scaled);
	expect_query(f->db, scaled, "r1,r2");
	xap_query_free(scaled);
	xap_query_free(q);
	xap_query_free(subs[0]);
	xap_query_free(subs[1]);
	xap_query_free(all);
}

static void test_enquire(void **state)
{
	struct fixture *f = *state;
	xap_enquire *enq = NULL;
	xap_mset *ms = NULL;
	xap_query *q = term_query("ferry"), *all = NULL;
	xap_error err;
	char got[128];

	index_all(f);
	assert_int_equal(xap_enquire_new(&enq, f->db, &err), XAP_OK);
	assert_int_equal(xap_enquire_set_query(enq, q, &err), XAP_OK);
	assert_int_equal(xap_enquire_get_mset(enq, 0, 10, 0, &ms, &err), XAP_OK);
	assert_int_equal(xap_mset_size(ms), 3);
	assert_int_equal(xap_mset_estimated(ms), 3);
	double w_default = xap_mset_weight(ms, 0);
	assert_true(w_default > 0);
	assert_true(xap_mset_weight(ms, 0) >= xap_mset_weight(ms, 2));
	assert_int_equal(xap_mset_percent(ms, 0), 100);
	/* Out of range indexes read as nothing. */
	assert_int_equal(xap_mset_docid(ms, 3), 0);
	assert_true(xap_mset_weight(ms, 3) == 0.0);
	xap_doc *doc = (xap_doc *)&err;
	assert_int_equal(xap_mset_document(ms, 3, &doc, &err), XAP_ERR_INVALID);
	assert_null(doc);
	xap_mset_free(ms);

	/* Other BM25 parameters change the weights, not the matches. */
	assert_int_equal(xap_enquire_set_bm25(enq, 2.0, 0, 1, 0.2, 0.5, &err), XAP_OK);
	assert_int_equal(xap_enquire_get_mset(enq, 0, 10, 0, &ms, &err), XAP_OK);
	assert_int_equal(xap_mset_size(ms), 3);
	assert_true(xap_mset_weight(ms, 0) != w_default);
	xap_mset_free(ms);

	/* Paging. */
	assert_int_equal(xap_enquire_get_mset(enq, 2, 10, 0, &ms, &err), XAP_OK);
	assert_int_equal(xap_mset_size(ms), 1);
	xap_mset_free(ms);
	xap_enquire_free(enq);

	/* Sort by date, both ways. */
	assert_int_equal(xap_query_match_all(&all, &err), XAP_OK);
	assert_int_equal(xap_enquire_new(&enq, f->db, &err), XAP_OK);
	assert_int_equal(xap_enquire_set_query(enq, all, &err), XAP_OK);
	assert_int_equal(xap_enquire_sort_by_value(enq, SLOT_DATE, 0, &err), XAP_OK);
	assert_int_equal(xap_enquire_get_mset(enq, 0, 10, 0, &ms, &err), XAP_OK);
	got[0] = '\0';
	for (unsigned i = 0; i < xap_mset_size(ms); i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got), "%u", xap_mset_docid(ms, i));
	assert_string_equal(got, "4123");
	xap_mset_free(ms);
	assert_int_equal(xap_enquire_sort_by_value(enq, SLOT_DATE, 1, &err), XAP_OK);
	assert_int_equal(xap_enquire_get_mset(enq, 0, 10, 0, &ms, &err), XAP_OK);
	got[0] = '\0';
	for (unsigned i = 0; i < xap_mset_size(ms); i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got), "%u", xap_mset_docid(ms, i));
	assert_string_equal(got, "3214");
	xap_mset_free(ms);
	assert_int_equal(xap_enquire_sort_by_relevance(enq, &err), XAP_OK);

	/* Collapse on source: one result per source, the rest counted. */
	assert_int_equal(xap_enquire_set_collapse_key(enq, SLOT_SOURCE, 1, &err), XAP_OK);
	assert_int_equal(xap_enquire_get_mset(enq, 0, 10, 10, &ms, &err), XAP_OK);
	assert_int_equal(xap_mset_size(ms), 3);
	unsigned collapsed = 0, harbour = 0;
	for (unsigned i = 0; i < xap_mset_size(ms); i++) {
		unsigned id = xap_mset_docid(ms, i);
		collapsed += xap_mset_collapse_count(ms, i);
		if (id == 1 || id == 3) {
			harbour++;
			assert_int_equal(xap_mset_collapse_count(ms, i), 1);
		}
	}
	assert_int_equal(harbour, 1);
	assert_int_equal(collapsed, 1);
	xap_mset_free(ms);

	xap_enquire_free(enq);
	xap_query_free(all);
	xap_query_free(q);
}

/* Add a document of `n` words: `title` (under ZS, no position) and `n`
 * distinct text words; commit. */
static void add_titled(xap_db *db, const char *title, int n)
{
	xap_doc *doc = NULL;
	xap_error err;
	char w[32];
	assert_int_equal(xap_doc_new(&doc, &err), XAP_OK);
	if (title)
		assert_int_equal(xap_doc_add_term(doc, title, strlen(title), 1, &err), XAP_OK);
	for (int i = 0; i < n; i++) {
		snprintf(w, sizeof(w), "Zword%d", i);
		assert_int_equal(xap_doc_add_posting(doc, w, strlen(w), (unsigned)i + 1, 1,
						     &err), XAP_OK);
	}
	assert_int_equal(xap_db_add_document(db, doc, NULL, &err), XAP_OK);
	xap_doc_free(doc);
}

static void test_query_flat_weight(void **state)
{
	struct fixture *f = *state;
	xap_error err;
	/* Three passages of one titled document (3, 40 and 12 words), one
	 * untitled passage, one of another document whose title has ZSXfoo,
	 * a different prefix (ZSX) by Xapian's convention. */
	add_titled(f->db, "ZSferry", 3);
	add_titled(f->db, "ZSferry", 40);
	add_titled(f->db, "ZSferry", 12);
	add_titled(f->db, NULL, 5);
	add_titled(f->db, "ZSXferry", 2);
	assert_int_equal(xap_db_commit(f->db, &err), XAP_OK);

	xap_query *ferry = term_query("ZSferry"), *other = term_query("ZSXferry");
	xap_query *subs[2] = { ferry, other };
	xap_query *q = NULL, *flat = NULL;
	assert_int_equal(xap_query_combine(&q, XAP_OP_OR, subs, 2, 0, &err), XAP_OK);
	assert_int_equal(xap_query_flat_weight(&flat, q, f->db, "ZS", &err), XAP_OK);

	xap_enquire *enq = NULL;
	xap_mset *ms = NULL;
	assert_int_equal(xap_enquire_new(&enq, f->db, &err), XAP_OK);

	/* BM25 as it is: the shortest passage first, the longest last. */
	assert_int_equal(xap_enquire_set_query(enq, ferry, &err), XAP_OK);
	assert_int_equal(xap_enquire_get_mset(enq, 0, 10, 0, &ms, &err), XAP_OK);
	assert_int_equal(xap_mset_size(ms), 3);
	assert_int_equal(xap_mset_docid(ms, 0), 1);
	assert_int_equal(xap_mset_docid(ms, 2), 2);
	assert_true(xap_mset_weight(ms, 0) > xap_mset_weight(ms, 2) + 0.01);
	xap_mset_free(ms);

	/* Flat: the same weight in each, Xapian's BM25 idf with 5 documents,
	 * 3 holding the term: (5 - 3 + 0.5) / 3.5 < 2, so raised to x/2 + 1;
	 * ties in document order.  ZSXferry keeps BM25's own weight. */
	double want = log((5.0 - 3 + 0.5) / (3 + 0.5) * 0.5 + 1);
	assert_int_equal(xap_enquire_set_query(enq, flat, &err), XAP_OK);
	assert_int_equal(xap_enquire_get_mset(enq, 0, 10, 0, &ms, &err), XAP_OK);
	assert_int_equal(xap_mset_size(ms), 4);
	unsigned last = 0;
	for (unsigned i = 0; i < 4; i++) {
		unsigned id = xap_mset_docid(ms, i);
		double w = xap_mset_weight(ms, i);
		if (id == 5) {
			assert_true(fabs(w - want) > 1e-3);
			continue;
		}
		if (fabs(w - want) > 1e-9)
			fail_msg("document %u weighs %g, want %g", id, w, want);
		assert_true(id > last);
		last = id;
	}
	assert_int_equal(last, 3);
	xap_mset_free(ms);

	xap_enquire_free(enq);
	xap_query_free(flat);
	assert_int_equal(xap_query_flat_weight(&flat, NULL, f->db, "ZS", &err), XAP_ERR_INVALID);
	assert_null(flat);
	xap_query_free(q);
	xap_query_free(ferry);
	xap_query_free(other);
}

static void test_snippet(void **state)
{
	struct fixture *f = *state;
	xap_qparser *qp = NULL;
	xap_query *q = NULL;
	xap_enquire *enq = NULL;
	xap_mset *ms = NULL;
	xap_error err;
	char *snippet = NULL;
	const char *text = releases[0].body;
	const char *long_text =
		"The harbour council met on a grey morning. Members discussed the "
		"weather, the state of the quay and the price of rope. After a long "
		"pause the chair confirmed that a lawsuit against the ferry company "
		"had been filed. Nobody asked any questions and the meeting closed.";

	index_all(f);
	assert_int_equal(xap_qp_new(&qp, &err), XAP_OK);
	assert_int_equal(xap_qp_set_stemmer(qp, f->stem, &err), XAP_OK);
	assert_int_equal(xap_qp_set_stemming_strategy(qp, XAP_STEM_ALL_Z, &err), XAP_OK);
	assert_int_equal(xap_qp_parse(qp, "lawsuits", XAP_QP_DEFAULT, NULL, &q, &err), XAP_OK);
	assert_int_equal(xap_enquire_new(&enq, f->db, &err), XAP_OK);
	assert_int_equal(xap_enquire_set_query(enq, q, &err), XAP_OK);
	assert_int_equal(xap_enquire_get_mset(enq, 0, 10, 0, &ms, &err), XAP_OK);
	assert_int_equal(xap_mset_size(ms), 2);

	/* The stemmer lets "lawsuits" highlight "lawsuit". */
	assert_int_equal(xap_mset_snippet(ms, text, strlen(text), 500, f->stem,
					  "<b>", "</b>", "...", &snippet, &err), XAP_OK);
	assert_int_equal(strncmp(snippet, "the harbour council files a <b>lawsuit</b>", 42), 0);
	assert_null(strstr(snippet + 42, "<b>"));
	free(snippet);

	/* A short budget cuts the text around the match. */
	assert_int_equal(xap_mset_snippet(ms, long_text, strlen(long_text), 60, f->stem,
					  "[", "]", "...", &snippet, &err), XAP_OK);
	assert_non_null(strstr(snippet, "[lawsuit]"));
	assert_non_null(strstr(snippet, "..."));
	assert_true(strlen(snippet) < strlen(long_text));
	assert_null(strstr(snippet, "grey morning"));
	free(snippet);

	/* Only the stemmer relates "lawsuits" in the text to Zlawsuit. */
	const char *plural = releases[3].body;
	assert_int_equal(xap_mset_snippet(ms, plural, strlen(plural), 500, f->stem,
					  "<b>", "</b>", "...", &snippet, &err), XAP_OK);
	assert_non_null(strstr(snippet, "<b>lawsuits</b>"));
	free(snippet);
	assert_int_equal(xap_mset_snippet(ms, plural, strlen(plural), 500, NULL,
					  "<b>", "</b>", "...", &snippet, &err), XAP_OK);
	assert_non_null(strstr(snippet, "lawsuits"));
	assert_null(strstr(snippet, "<b>"));
	free(snippet);

	xap_mset_free(ms);
	xap_enquire_free(enq);
	xap_query_free(q);
	xap_qp_free(qp);
}

static void test_spelling(void **state)
{
	struct fixture *f = *state;
	xap_error err;
	char *suggestion = (char *)&err;
	xap_status st;

	st = xap_db_add_spelling(f->db, "council", 7, 1, &err);
	if (!f->backend->disk) {
		/* The in-memory backend has no spelling table. */
		assert_int_equal(st, XAP_ERR_INVALID);
		assert_non_null(strstr(err.message, "UnimplementedError"));
		return;
	}
	assert_int_equal(st, XAP_OK);
	assert_int_equal(xap_db_add_spelling(f->db, "harbour", 7, 3, &err), XAP_OK);
	/* Frequencies, before a commit as after. */
	unsigned freq = 99;
	assert_int_equal(xap_db_spelling_freq(f->db, "harbour", 7, &freq, &err), XAP_OK);
	assert_int_equal(freq, 3);
	assert_int_equal(xap_db_spelling_freq(f->db, "harbourside", 7, &freq, &err), XAP_OK);
	assert_int_equal(freq, 3);   /* len bytes of the word only */
	assert_int_equal(xap_db_spelling_freq(f->db, "harbo", 5, &freq, &err), XAP_OK);
	assert_int_equal(freq, 0);   /* a prefix is not the word */
	assert_int_equal(xap_db_spelling_freq(f->db, "zzz", 3, &freq, &err), XAP_OK);
	assert_int_equal(freq, 0);   /* after the last word */
	assert_int_equal(xap_db_add_spelling(f->db, "council", 7, 1, &err), XAP_OK);
	assert_int_equal(xap_db_spelling_freq(f->db, "council", 7, &freq, &err), XAP_OK);
	assert_int_equal(freq, 2);
	assert_int_equal(xap_db_spelling_freq(NULL, "council", 7, &freq, &err), XAP_ERR_INVALID);
	assert_int_equal(xap_db_spelling_suggestion(f->db, "councel", 2, &suggestion, &err), XAP_OK);
	assert_non_null(suggestion);
	assert_string_equal(suggestion, "council");
	free(suggestion);
	assert_int_equal(xap_db_spelling_suggestion(f->db, "harbor", 2, &suggestion, &err), XAP_OK);
	assert_string_equal(suggestion, "harbour");
	free(suggestion);
	suggestion = (char *)&err;
	assert_int_equal(xap_db_spelling_suggestion(f->db, "zzzzzzzz", 2, &suggestion, &err), XAP_OK);
	assert_null(suggestion);

	/* The query parser corrects with the same table. */
	xap_qparser *qp = NULL;
	xap_query *q = NULL;
	assert_int_equal(xap_qp_new(&qp, &err), XAP_OK);
	assert_int_equal(xap_qp_set_database(qp, f->db, &err), XAP_OK);
	assert_int_equal(xap_qp_parse(qp, "harbor councel", XAP_QP_DEFAULT | XAP_QP_SPELLING_CORRECTION,
				      NULL, &q, &err), XAP_OK);
	char *corrected = xap_qp_corrected_query(qp);
	assert_non_null(corrected);
	assert_string_equal(corrected, "harbour council");
	free(corrected);
	xap_query_free(q);
	assert_int_equal(xap_qp_parse(qp, "harbour", XAP_QP_DEFAULT | XAP_QP_SPELLING_CORRECTION,
				      NULL, &q, &err), XAP_OK);
	assert_null(xap_qp_corrected_query(qp));
	xap_query_free(q);
	xap_qp_free(qp);
}

static void test_transactions(void **state)
{
	struct fixture *f = *state;
	xap_error err;
	unsigned n = 0;
	xap_status st;

	index_all(f);
	st = xap_db_begin_transaction(f->db, 1, &err);
	if (!f->backend->disk) {
		assert_int_equal(st, XAP_ERR_INVALID);
		assert_non_null(strstr(err.message, "cannot begin transaction: UnimplementedError"));
		return;
	}
	assert_int_equal(st, XAP_OK);
	struct release extra = { "r5", "late notice", "the ferry timetable changes", "20240401", "ferry", "transport" };
	struct release more = { "r6", "later notice", "the ferry timetable changes again", "20240402", "ferry", "transport" };
	index_release(f->db, f->stem, &extra);
	assert_int_equal(xap_db_doccount(f->db, &n, &err), XAP_OK);
	assert_int_equal(n, N_RELEASES + 1);
	/* Cancel discards the work of the transaction. */
	assert_int_equal(xap_db_cancel_transaction(f->db, &err), XAP_OK);
	assert_int_equal(xap_db_doccount(f->db, &n, &err), XAP_OK);
	assert_int_equal(n, N_RELEASES);
	assert_int_equal(xap_db_termfreq(f->db, "timetable", 9, &n, &err), XAP_OK);
	assert_int_equal(n, 0);
	/* Nothing to commit or cancel outside a transaction. */
	assert_int_equal(xap_db_cancel_transaction(f->db, &err), XAP_ERR_INVALID);
	assert_int_equal(xap_db_commit_transaction(f->db, &err), XAP_ERR_INVALID);

	/* An unflushed transaction is committed to the writer only... */
	xap_db *reader = NULL;
	assert_int_equal(xap_db_open(&reader, f->path, XAP_DB_READ, 0, &err), XAP_OK);
	assert_int_equal(xap_db_begin_transaction(f->db, 0, &err), XAP_OK);
	index_release(f->db, f->stem, &extra);
	assert_int_equal(xap_db_commit_transaction(f->db, &err), XAP_OK);
	assert_int_equal(xap_db_termfreq(f->db, "timetable", 9, &n, &err), XAP_OK);
	assert_int_equal(n, 1);
	assert_int_equal(xap_db_reopen(reader, &err), XAP_OK);
	assert_int_equal(xap_db_doccount(reader, &n, &err), XAP_OK);
	assert_int_equal(n, N_RELEASES);

	/* ... a flushed one reaches the disk, with what was pending. */
	assert_int_equal(xap_db_begin_transaction(f->db, 1, &err), XAP_OK);
	index_release(f->db, f->stem, &more);
	assert_int_equal(xap_db_commit_transaction(f->db, &err), XAP_OK);
	assert_int_equal(xap_db_reopen(reader, &err), XAP_OK);
	assert_int_equal(xap_db_doccount(reader, &n, &err), XAP_OK);
	assert_int_equal(n, N_RELEASES + 2);
	xap_db_free(reader);
}

/* ---- tests of on-disk behaviour ----------------------------------------- */

static void test_commit_and_reopen(void **state)
{
	struct fixture *f = *state;
	xap_db *reader = NULL;
	xap_error err;
	unsigned n = 99;
	char *value;

	assert_int_equal(xap_db_commit(f->db, &err), XAP_OK);
	assert_int_equal(xap_db_open(&reader, f->path, XAP_DB_READ, 0, &err), XAP_OK);
	assert_false(xap_db_is_writable(reader));
	assert_int_equal(xap_db_shard_count(reader), 1);
	assert_int_equal(xap_db_doccount(reader, &n, &err), XAP_OK);
	assert_int_equal(n, 0);

	index_all(f);
	assert_int_equal(xap_db_set_metadata(f->db, "schema", "3", 1, &err), XAP_OK);
	/* Uncommitted: the reader still sees its revision, even reopened. */
	assert_int_equal(xap_db_reopen(reader, &err), XAP_OK);
	assert_int_equal(xap_db_doccount(reader, &n, &err), XAP_OK);
	assert_int_equal(n, 0);

	assert_int_equal(xap_db_commit(f->db, &err), XAP_OK);
	assert_int_equal(xap_db_doccount(reader, &n, &err), XAP_OK);
	assert_int_equal(n, 0);
	assert_int_equal(xap_db_reopen(reader, &err), XAP_OK);
	assert_int_equal(xap_db_doccount(reader, &n, &err), XAP_OK);
	assert_int_equal(n, N_RELEASES);
	assert_int_equal(xap_db_termfreq(reader, "ferry", 5, &n, &err), XAP_OK);
	assert_int_equal(n, 3);
	assert_int_equal(xap_db_get_metadata(reader, "schema", &value, NULL, &err), XAP_OK);
	assert_string_equal(value, "3");
	free(value);

	/* A reader refuses to write. */
	xap_doc *doc = NULL;
	assert_int_equal(xap_doc_new(&doc, &err), XAP_OK);
	assert_int_equal(xap_db_add_document(reader, doc, NULL, &err), XAP_ERR_INVALID);
	assert_non_null(strstr(err.message, "read-only"));
	assert_int_equal(xap_db_set_metadata(reader, "k", "v", 1, &err), XAP_ERR_INVALID);
	assert_int_equal(xap_db_commit(reader, &err), XAP_ERR_INVALID);
	xap_doc_free(doc);

	/* Close commits; a closed handle reports INVALID, not a crash. */
	index_release(f->db, f->stem, &(struct release){ "r6", "t", "ferry news", "20240501", "city", "legal" });
	assert_int_equal(xap_db_close(f->db, &err), XAP_OK);
	assert_int_equal(xap_db_termfreq(f->db, "ferry", 5, &n, &err), XAP_ERR_INVALID);
	assert_non_null(strstr(err.message, "cannot get term frequency: DatabaseClosedError"));
	assert_int_equal(xap_db_reopen(reader, &err), XAP_OK);
	assert_int_equal(xap_db_doccount(reader, &n, &err), XAP_OK);
	assert_int_equal(n, N_RELEASES + 1);
	xap_db_free(reader);
}

static void test_open_errors(void **state)
{
	struct fixture *f = *state;
	xap_db *db = (xap_db *)&f;
	xap_error err;
	char path[PATH_MAX];

	/* Nothing at the path: NOT_FOUND, read-only or writable. */
	join(path, sizeof(path), f->dir, "missing");
	memset(&err, 0, sizeof(err));
	assert_int_equal(xap_db_open(&db, path, XAP_DB_READ, 0, &err), XAP_ERR_NOT_FOUND);
	assert_null(db);
	assert_int_equal(err.status, XAP_ERR_NOT_FOUND);
	assert_int_equal(strncmp(err.message, "cannot open database '", 22), 0);
	assert_non_null(strstr(err.message, "/missing': "));
	assert_int_equal(xap_db_open(&db, path, XAP_DB_OPEN, 0, &err), XAP_ERR_NOT_FOUND);
	assert_int_equal(xap_db_open(&db, path, XAP_DB_READ, 0, NULL), XAP_ERR_NOT_FOUND);

	/* A second writer finds the lock of the first. */
	memset(&err, 0, sizeof(err));
	assert_int_equal(xap_db_open(&db, f->path, XAP_DB_CREATE_OR_OPEN, 0, &err), XAP_ERR_LOCKED);
	assert_null(db);
	assert_int_equal(err.status, XAP_ERR_LOCKED);
	assert_non_null(strstr(err.message, "DatabaseLockError"));
	assert_int_equal(xap_db_open(&db, f->path, XAP_DB_OPEN, XAP_DB_NO_SYNC, NULL), XAP_ERR_LOCKED);
	/* ... while readers are welcome, and the lock goes with the writer. */
	assert_int_equal(xap_db_open(&db, f->path, XAP_DB_READ, 0, &err), XAP_OK);
	xap_db_free(db);
	assert_int_equal(xap_db_close(f->db, &err), XAP_OK);
	assert_int_equal(xap_db_open(&db, f->path, XAP_DB_OPEN, XAP_DB_DANGEROUS, &err), XAP_OK);
	assert_true(xap_db_is_writable(db));
	xap_db_free(db);

	/* Bad arguments. */
	assert_int_equal(xap_db_open(&db, f->path, XAP_DB_OPEN, 0x100, &err), XAP_ERR_INVALID);
	assert_int_equal(xap_db_open(&db, NULL, XAP_DB_READ, 0, &err), XAP_ERR_INVALID);
	assert_int_equal(xap_db_open(&db, f->path, (enum xap_open_mode)42, 0, &err), XAP_ERR_INVALID);

	/* A long message is cut on a character boundary. */
	char longpath[1400];
	size_t used = (size_t)snprintf(longpath, sizeof(longpath), "%s/", f->dir);
	while (used + 2 < sizeof(longpath)) {
		longpath[used++] = '\xc3';
		longpath[used++] = '\xa9';
	}
	longpath[used] = '\0';
	assert_true(xap_db_open(&db, longpath, XAP_DB_READ, 0, &err) < 0);
	assert_true(strlen(err.message) < sizeof(err.message));
	assert_true(strlen(err.message) > 400);
	assert_true(valid_utf8(err.message));
}

static void test_corrupt_database(void **state)
{
	struct fixture *f = *state;
	xap_db *db = NULL;
	xap_error err;
	char table[PATH_MAX];
	char garbage[8192];
	xap_status st;

	index_all(f);
	assert_int_equal(xap_db_close(f->db, &err), XAP_OK);
	join(table, sizeof(table), f->path, "postlist.glass");
	for (size_t i = 0; i < sizeof(garbage); i++)
		garbage[i] = (char)("verbatim"[i % 8] ^ (i * 31));
	write_file(table, garbage, sizeof(garbage));

	memset(&err, 0, sizeof(err));
	st = xap_db_open(&db, f->path, XAP_DB_READ, 0, &err);
	if (st == XAP_OK) {
		/* Should Xapian ever open it lazily, reading must fail. */
		unsigned n;
		st = xap_db_termfreq(db, "ferry", 5, &n, &err);
		xap_db_free(db);
	}
	assert_int_equal(st, XAP_ERR_CORRUPT);
	assert_int_equal(err.status, XAP_ERR_CORRUPT);
	assert_non_null(strstr(err.message, "DatabaseCorruptError"));
}

/* Two shards, listed in a stub file or joined by add_database. */
static void test_shards(void **state)
{
	struct fixture *f = *state;
	xap_db *one = NULL, *two = NULL, *stub = NULL, *joined = NULL;
	xap_error err;
	char path1[PATH_MAX], path2[PATH_MAX], stub_path[PATH_MAX];
	unsigned n = 0;
	xap_query *q = term_query("ferry");

	join(path1, sizeof(path1), f->dir, "shard1");
	join(path2, sizeof(path2), f->dir, "shard2");
	join(stub_path, sizeof(stub_path), f->dir, "all.stub");
	assert_int_equal(xap_db_open(&one, path1, XAP_DB_CREATE_OR_OVERWRITE, XAP_DB_NO_SYNC, &err), XAP_OK);
	assert_int_equal(xap_db_open(&two, path2, XAP_DB_CREATE_OR_OVERWRITE, XAP_DB_NO_SYNC, &err), XAP_OK);
	index_release(one, f->stem, &releases[0]);
	index_release(one, f->stem, &releases[3]);
	index_release(two, f->stem, &releases[1]);
	index_release(two, f->stem, &releases[2]);
	assert_int_equal(xap_db_set_metadata(one, "both", "1", 1, &err), XAP_OK);
	assert_int_equal(xap_db_set_metadata(two, "both", "2", 1, &err), XAP_OK);
	assert_int_equal(xap_db_set_metadata(two, "only.two", "2", 1, &err), XAP_OK);
	assert_int_equal(xap_db_close(one, &err), XAP_OK);
	assert_int_equal(xap_db_close(two, &err), XAP_OK);
	xap_db_free(one);
	xap_db_free(two);

	/* Relative paths in a stub are relative to the stub file. */
	static const char stub_text[] = "auto shard1\nauto shard2\n";
	write_file(stub_path, stub_text, strlen(stub_text));
	assert_int_equal(xap_db_open(&stub, stub_path, XAP_DB_READ, 0, &err), XAP_OK);
	assert_int_equal(xap_db_shard_count(stub), 2);
	assert_int_equal(xap_db_doccount(stub, &n, &err), XAP_OK);
	assert_int_equal(n, 4);
	expect_query(stub, q, "r1,r2,r3");

	assert_int_equal(xap_db_open(&one, path1, XAP_DB_READ, 0, &err), XAP_OK);
	assert_int_equal(xap_db_open(&two, path2, XAP_DB_READ, 0, &err), XAP_OK);
	assert_int_equal(xap_db_open(&joined, path1, XAP_DB_READ, 0, &err), XAP_OK);
	expect_query(joined, q, "r1");
	assert_int_equal(xap_db_add_database(joined, two, &err), XAP_OK);
	xap_db_free(two);
	assert_int_equal(xap_db_shard_count(joined), 2);
	expect_query(joined, q, "r1,r2,r3");
	/* Documents are interleaved: shard 1 gets odd ids, shard 2 even. */
	xap_doc *doc = NULL;
	char *uid;
	assert_int_equal(xap_db_get_document(joined, 2, &doc, &err), XAP_OK);
	assert_int_equal(xap_doc_get_data(doc, &uid, NULL, &err), XAP_OK);
	assert_string_equal(uid, "r2");
	free(uid);
	xap_doc_free(doc);

	/* Metadata: the first joined database that has the key answers; a
	 * stub file is one database, which Xapian reads from its first
	 * shard. */
	char *value = NULL;
	assert_int_equal(xap_db_get_metadata(joined, "only.two", &value, NULL, &err), XAP_OK);
	assert_string_equal(value, "2");
	free(value);
	assert_int_equal(xap_db_get_metadata(joined, "both", &value, NULL, &err), XAP_OK);
	assert_string_equal(value, "1");
	free(value);
	assert_int_equal(xap_db_get_metadata(joined, "missing", &value, NULL, &err), XAP_OK);
	assert_string_equal(value, "");
	free(value);
	assert_int_equal(xap_db_get_metadata(stub, "only.two", &value, NULL, &err), XAP_OK);
	assert_string_equal(value, "");
	free(value);

	/* Only read-only handles can be joined. */
	assert_int_equal(xap_db_add_database(f->db, one, &err), XAP_ERR_INVALID);

	xap_db_free(one);
	xap_db_free(joined);
	xap_db_free(stub);
	xap_query_free(q);

	/* A stub naming a missing shard. */
	static const char bad_stub[] = "auto shard1\nauto shard3\n";
	write_file(stub_path, bad_stub, strlen(bad_stub));
	stub = (xap_db *)&err;
	assert_int_equal(xap_db_open(&stub, stub_path, XAP_DB_READ, 0, &err), XAP_ERR_NOT_FOUND);
	assert_null(stub);
}

static void test_remote_unreachable(void **state)
{
	xap_db *db = (xap_db *)state;
	xap_error err;
	struct sockaddr_in addr = { .sin_family = AF_INET };
	socklen_t addr_len = sizeof(addr);
	(void)state;

	/* A bound socket that does not listen refuses connections, and
	 * keeps its port from being reused while the test runs. */
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&addr, sizeof(addr)), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&addr, &addr_len), 0);

	memset(&err, 0, sizeof(err));
	assert_int_equal(xap_db_open_remote(&db, "127.0.0.1", ntohs(addr.sin_port), 2000, &err),
			 XAP_ERR_NETWORK);
	assert_null(db);
	assert_int_equal(err.status, XAP_ERR_NETWORK);
	assert_non_null(strstr(err.message, "cannot open remote database '127.0.0.1:"));
	assert_non_null(strstr(err.message, "NetworkError"));
	close(fd);
}

/* Segments merged in order: docids renumbered consecutively, metadata
 * and spelling merged. */
static void test_compact(void **state)
{
	struct fixture *f = *state;
	xap_db *seg = NULL, *merged = NULL;
	xap_doc *doc = NULL;
	xap_error err;
	char paths[3][PATH_MAX], dest[PATH_MAX];
	const char *sources[3];
	char *s = NULL;
	size_t len = 0;
	unsigned n = 0;

	for (unsigned i = 0; i < 3; i++) {
		char name[16];
		snprintf(name, sizeof(name), "seg-%u", i);
		join(paths[i], sizeof(paths[i]), f->dir, name);
		sources[i] = paths[i];
		assert_int_equal(xap_db_open(&seg, paths[i], XAP_DB_CREATE_OR_OVERWRITE,
					     XAP_DB_NO_SYNC, &err), XAP_OK);
		for (unsigned d = 0; d <= i; d++) {
			char term[16];
			snprintf(term, sizeof(term), "Qs%ud%u", i, d);
			assert_int_equal(xap_doc_new(&doc, &err), XAP_OK);
			assert_int_equal(xap_doc_add_boolean_term(doc, term, strlen(term), &err), XAP_OK);
			assert_int_equal(xap_db_add_document(seg, doc, NULL, &err), XAP_OK);
			xap_doc_free(doc);
		}
		char value[2] = { (char)('0' + i), '\0' };
		assert_int_equal(xap_db_set_metadata(seg, "all", value, 1, &err), XAP_OK);
		if (i == 2)
			assert_int_equal(xap_db_set_metadata(seg, "last", "x", 1, &err), XAP_OK);
		assert_int_equal(xap_db_add_spelling(seg, i ? "ferry" : "council", i ? 5 : 7, 1, &err), XAP_OK);
		assert_int_equal(xap_db_close(seg, &err), XAP_OK);
		xap_db_free(seg);
	}
	join(dest, sizeof(dest), f->dir, "merged");
	assert_int_equal(xap_compact(sources, 3, dest, 1, &err), XAP_OK);
	assert_int_equal(xap_db_open(&merged, dest, XAP_DB_READ, 0, &err), XAP_OK);
	assert_int_equal(xap_db_doccount(merged, &n, &err), XAP_OK);
	assert_int_equal(n, 6);
	assert_int_equal(xap_db_lastdocid(merged, &n, &err), XAP_OK);
	assert_int_equal(n, 6);
	/* Segment 1's two documents come right after segment 0's one. */
	struct term_list got = { "", 0, 0 };
	assert_true(xap_db_postlist(merged, "Qs2d2", 5, collect_docid, &got, &err) >= 0);
	assert_string_equal(got.text, "6");
	got.text[0] = '\0';
	assert_true(xap_db_postlist(merged, "Qs1d0", 5, collect_docid, &got, &err) >= 0);
	assert_string_equal(got.text, "2");
	/* One of the values is kept (which one Xapian does not promise). */
	assert_int_equal(xap_db_get_metadata(merged, "all", &s, &len, &err), XAP_OK);
	assert_int_equal(len, 1);
	assert_true(s[0] >= '0' && s[0] <= '2');
	free(s);
	assert_int_equal(xap_db_get_metadata(merged, "last", &s, &len, &err), XAP_OK);
	assert_string_equal(s, "x");
	free(s);
	s = NULL;
	assert_int_equal(xap_db_spelling_suggestion(merged, "fery", 2, &s, &err), XAP_OK);
	assert_string_equal(s, "ferry");
	free(s);
	s = NULL;
	assert_int_equal(xap_db_spelling_suggestion(merged, "councl", 2, &s, &err), XAP_OK);
	assert_string_equal(s, "council");
	free(s);
	xap_db_free(merged);
	assert_int_equal(xap_compact(NULL, 0, dest, 0, &err), XAP_ERR_INVALID);
}

#define ON(fn, be) { #fn "/" #be, fn, setup_db, teardown_db, (void *)&be##_backend }
#define ON_BOTH(fn) ON(fn, memory), ON(fn, disk)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_names),
		cmocka_unit_test(test_stemmer),
		cmocka_unit_test(test_termgen),
		cmocka_unit_test(test_query_building),
		cmocka_unit_test(test_query_drop_positional),
		cmocka_unit_test(test_query_date_range),
		cmocka_unit_test(test_remote_unreachable),
		ON_BOTH(test_documents),
		ON_BOTH(test_metadata),
		ON_BOTH(test_replace_and_delete_by_term),
		ON_BOTH(test_allterms_and_postlist),
		ON_BOTH(test_query_parser),
		ON_BOTH(test_query_objects),
		ON_BOTH(test_enquire),
		ON_BOTH(test_query_flat_weight),
		ON_BOTH(test_snippet),
		ON_BOTH(test_spelling),
		ON_BOTH(test_transactions),
		ON(test_commit_and_reopen, disk),
		ON(test_open_errors, disk),
		ON(test_corrupt_database, disk),
		ON(test_shards, disk),
		ON(test_compact, disk),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
