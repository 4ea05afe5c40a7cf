/* test_index.c: documents into the index: passages, records, updates, prune, locking. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "index.h"
#include "passage.h"
#include "spelling.h"

#define PAD " Padding follows so that this paragraph stands as a passage of its own, as long paragraphs do in real releases; it says nothing else, and it repeats itself. Padding follows so that this paragraph stands as a passage of its own, as long paragraphs do in real releases; it says nothing else, and it repeats itself. Padding follows so that this paragraph stands as a passage of its own."
#include "schema.h"

static char dir[64];
static char dbpath[96];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/vb-test-index-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(dbpath, sizeof(dbpath), "%s/db", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

static void make_doc(struct vb_doc *d, const char *id, const char *body, const char *path)
{
	memset(d, 0, sizeof(*d));
	d->id = (char *)id;
	d->title = (char *)"Caldoria tariffs";
	d->date = (char *)"2006-04-12";
	d->source = (char *)"Caldoria Ministry of Trade";
	d->lang = (char *)"en";
	d->path = (char *)path;
	d->body = (char *)body;
	d->body_len = strlen(body);
	d->hash = vb_hash64(body, strlen(body), 0);
}

static unsigned termfreq(xap_db *db, const char *term)
{
	unsigned n = 0;
	xap_error xe;
	assert_int_equal(xap_db_termfreq(db, term, strlen(term), &n, &xe), XAP_OK);
	return n;
}

static xap_db *reader(void)
{
	xap_db *db;
	xap_error xe;
	assert_int_equal(xap_db_open(&db, dbpath, XAP_DB_READ, 0, &xe), XAP_OK);
	return db;
}

static const struct vb_indexer_opts opts = { .default_lang = "en", .spelling = true };

static void add(struct vb_indexer *ix, const struct vb_doc *d, enum vb_add_result expect,
		size_t expect_passages)
{
	enum vb_add_result res;
	size_t n;
	struct vb_buf err = VB_BUF_INIT;
	assert_int_equal(vb_indexer_add(ix, d, &res, &n, &err), 0);
	assert_int_equal(res, expect);
	assert_int_equal(n, expect_passages);
	vb_buf_release(&err);
}

static unsigned spelled(xap_db *db, const char *word)
{
	unsigned n = 99;
	xap_error xe;
	assert_int_equal(xap_db_spelling_freq(db, word, strlen(word), &n, &xe), XAP_OK);
	return n;
}

static void flush(xap_db *db, struct vb_spelling_once *once, const char *words)
{
	struct vb_strset counts = VB_STRSET_INIT;
	char w[32];
	for (const char *p = words; *p;) {
		size_t n = strcspn(p, " ");
		memcpy(w, p, n);
		w[n] = 0;
		vb_strset_count_add(&counts, w, 1);
		p += n + (p[n] == ' ');
	}
	xap_error xe;
	assert_int_equal(vb_spelling_flush(db, &counts, once, &xe), XAP_OK);
	assert_int_equal(counts.n, 0);   /* handed over */
}

/* Words enter the spelling table on their second sighting, whichever
 * flush (commit) it falls in, with both counts; a word the table already
 * holds goes in at once, in a later run too. */
static void spelling_words_wait_for_a_second_sighting(void **state)
{
	(void)state;
	xap_db *db;
	xap_error xe;
	struct vb_spelling_once once = { VB_STRSET_INIT };
	assert_int_equal(xap_db_open(&db, dbpath, XAP_DB_CREATE_OR_OVERWRITE, 0, &xe), XAP_OK);

	flush(db, &once, "harbour ferry ferry ferry quokka");
	assert_int_equal(spelled(db, "ferry"), 3);
	assert_int_equal(spelled(db, "harbour"), 0);
	assert_int_equal(spelled(db, "quokka"), 0);
	flush(db, &once, "harbour wombat");
	assert_int_equal(spelled(db, "harbour"), 2);
	assert_int_equal(spelled(db, "wombat"), 0);
	assert_int_equal(xap_db_commit(db, &xe), XAP_OK);
	flush(db, &once, "harbour quokka quokka");
	assert_int_equal(spelled(db, "harbour"), 3);
	assert_int_equal(spelled(db, "quokka"), 3);   /* 1 waiting + 2 */
	assert_int_equal(xap_db_commit(db, &xe), XAP_OK);
	vb_spelling_once_release(&once);

	/* A later run: what the table holds goes in on one sighting. */
	struct vb_spelling_once again = { VB_STRSET_INIT };
	flush(db, &again, "ferry numbat");
	assert_int_equal(spelled(db, "ferry"), 4);
	assert_int_equal(spelled(db, "numbat"), 0);
	assert_int_equal(spelled(db, "wombat"), 0);   /* once per run stays out */
	vb_spelling_once_release(&again);
	xap_db_free(db);
}

static void documents_become_passages_and_a_record(void **state)
{
	(void)state;
	struct vb_indexer *ix;
	struct vb_doc d;
	struct vb_buf err = VB_BUF_INIT;
	assert_int_equal(vb_indexer_open(&ix, dbpath, &opts, &err), 0);
	make_doc(&d, "mot-2006", "The ministry raised tariffs on imported recordings and music players earlier this week." PAD "\n\nImporters protested loudly outside the ministry building in the capital on Friday afternoon." PAD, NULL);
	add(ix, &d, VB_ADD_NEW, 2);
	assert_int_equal(vb_indexer_close(ix, &err), 0);

	xap_db *db = reader();
	assert_int_equal(termfreq(db, "XKIND:passage"), 2);
	assert_int_equal(termfreq(db, "XKIND:doc"), 1);
	assert_int_equal(termfreq(db, "Qmot-2006#1"), 1);
	assert_int_equal(termfreq(db, "Qmot-2006#2"), 1);
	assert_int_equal(termfreq(db, "Qmot-2006"), 1);
	assert_int_equal(termfreq(db, "XDOC:mot-2006"), 3);
	assert_int_equal(termfreq(db, "Ztariff"), 1);       /* body of #1 only */
	assert_int_equal(termfreq(db, "Zprotest"), 1);
	assert_int_equal(termfreq(db, "ZStariff"), 2);      /* title field, stemmed */
	assert_int_equal(termfreq(db, "Stariffs"), 1);      /* title words, on the record */
	assert_int_equal(termfreq(db, "Len"), 3);
	assert_int_equal(termfreq(db, "XSOURCE:caldoria ministry of trade"), 3);
	assert_int_equal(termfreq(db, "Y2006"), 3);
	char *v = NULL;
	xap_error xe;
	assert_int_equal(xap_db_get_metadata(db, "verbatim.schema", &v, NULL, &xe), XAP_OK);
	assert_string_equal(v, VB_SCHEMA_VERSION);
	free(v);
	assert_int_equal(xap_db_get_metadata(db, "verbatim.languages", &v, NULL, &xe), XAP_OK);
	assert_string_equal(v, "en");
	free(v);
	xap_db_free(db);
	vb_buf_release(&err);
}

static void unchanged_documents_are_skipped_and_changed_replaced(void **state)
{
	(void)state;
	struct vb_indexer *ix;
	struct vb_doc d;
	struct vb_buf err = VB_BUF_INIT;
	assert_int_equal(vb_indexer_open(&ix, dbpath, &opts, &err), 0);
	make_doc(&d, "mot-2006", "The ministry raised tariffs on imported recordings and music players earlier this week." PAD "\n\nImporters protested loudly outside the ministry building in the capital on Friday afternoon." PAD, NULL);
	add(ix, &d, VB_ADD_UNCHANGED, 0);
	/* Within one run, a second document with the id is refused. */
	make_doc(&d, "mot-2006", "A single paragraph about quotas now.", NULL);
	add(ix, &d, VB_ADD_DUPLICATE, 0);
	assert_int_equal(vb_indexer_close(ix, &err), 0);

	/* In the next run the changed text replaces the old. */
	assert_int_equal(vb_indexer_open(&ix, dbpath, &opts, &err), 0);
	add(ix, &d, VB_ADD_UPDATED, 1);
	assert_int_equal(vb_indexer_close(ix, &err), 0);

	xap_db *db = reader();
	assert_int_equal(termfreq(db, "XKIND:passage"), 1);
	assert_int_equal(termfreq(db, "Qmot-2006#2"), 0);
	assert_int_equal(termfreq(db, "Zprotest"), 0);
	assert_int_equal(termfreq(db, "Zquota"), 1);
	xap_db_free(db);
	vb_buf_release(&err);
}

static void second_writer_is_refused_as_locked(void **state)
{
	(void)state;
	struct vb_indexer *a, *b = NULL;
	struct vb_buf err = VB_BUF_INIT;
	assert_int_equal(vb_indexer_open(&a, dbpath, &opts, &err), 0);
	assert_int_equal(vb_indexer_open(&b, dbpath, &opts, &err), XAP_ERR_LOCKED);
	assert_null(b);
	assert_true(err.len > 0);
	assert_int_equal(vb_indexer_close(a, &err), 0);
	vb_buf_release(&err);
}

static void prune_removes_documents_of_vanished_files(void **state)
{
	(void)state;
	struct vb_indexer *ix;
	struct vb_doc d;
	struct vb_buf err = VB_BUF_INIT;
	char path[128];
	unsigned removed;
	snprintf(path, sizeof(path), "%s/gone.txt", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("x", f);
	fclose(f);

	assert_int_equal(vb_indexer_open(&ix, dbpath, &opts, &err), 0);
	make_doc(&d, "gone", "Soon this file will vanish.", path);
	add(ix, &d, VB_ADD_NEW, 1);
	assert_int_equal(vb_indexer_prune(ix, &removed, &err), 0);
	assert_int_equal(removed, 0);
	assert_int_equal(vb_indexer_close(ix, &err), 0);

	unlink(path);
	assert_int_equal(vb_indexer_open(&ix, dbpath, &opts, &err), 0);
	assert_int_equal(vb_indexer_prune(ix, &removed, &err), 0);
	assert_int_equal(removed, 1);
	assert_int_equal(vb_indexer_close(ix, &err), 0);

	xap_db *db = reader();
	assert_int_equal(termfreq(db, "XDOC:gone"), 0);
	assert_int_equal(termfreq(db, "XDOC:mot-2006"), 2);   /* untouched */
	xap_db_free(db);
	vb_buf_release(&err);
}

static int stop_at_first(const char *t, size_t l, unsigned f, void *ud)
{
	(void)t;
	(void)l;
	(void)f;
	*(int *)ud = 1;
	return 1;
}

/* Is there any term starting with `prefix`? */
static int has_term(xap_db *db, const char *prefix)
{
	int found = 0;
	xap_error xe;
	assert_true(xap_db_allterms(db, prefix, stop_at_first, &found, &xe) >= 0);
	return found;
}

static void extraction_becomes_terms_and_quote_documents(void **state)
{
	(void)state;
	struct vb_indexer *ix;
	struct vb_doc d;
	struct vb_buf err = VB_BUF_INIT;
	struct vb_indexer_opts xopts = opts;
	xopts.extract = true;
	assert_int_equal(vb_indexer_open(&ix, dbpath, &xopts, &err), 0);
	make_doc(&d, "quokka-2007",
		 "Rangers in Port Selwyn counted 120 quokkas on the northern beaches last month, up 12 per cent." PAD "\n\n"
		 "\"We expect litigation in weeks rather than months,\" said Harriet Voss, "
		 "chief ranger of the Caldorian Wildlife Service. \"The count is final.\"" PAD "\n\n"
		 "An error occurred. Please try again.\n", NULL);
	d.date = (char *)"2007-05-14";
	d.source = (char *)"Caldorian Wildlife Service";
	add(ix, &d, VB_ADD_NEW, 2);
	assert_int_equal(vb_indexer_close(ix, &err), 0);

	xap_db *db = reader();
	/* The passage holds the quote: its id, has:quote, the speaker. */
	assert_true(has_term(db, "XQID:"));
	assert_int_equal(termfreq(db, "XKIND:quote"), 0);
	assert_int_equal(termfreq(db, "XHAS:quote"), 1);
	assert_int_equal(termfreq(db, "XHAS:speaker"), 1);
	assert_int_equal(termfreq(db, "XQKIND:direct"), 1);
	assert_true(has_term(db, "XSPEAKER:harriet voss|"));
	assert_int_equal(termfreq(db, "ZXSPKvoss"), 1);
	/* Words inside the quotation marks, also under quote:. */
	assert_int_equal(termfreq(db, "ZXQlitig"), 1);
	assert_int_equal(termfreq(db, "ZXQranger"), 0);
	/* "last month" against 2007-05-14 is April 2007. */
	assert_int_equal(termfreq(db, "XMD:200704"), 1);
	assert_int_equal(termfreq(db, "XMD:2007"), 1);
	assert_true(has_term(db, "XENT:place:port selwyn") ||
		    has_term(db, "XENT:place:"));
	assert_true(has_term(db, "XENT:percent:"));
	/* The error banner is no passage and no term. */
	assert_int_equal(termfreq(db, "Zoccur"), 0);
	xap_db_free(db);
	vb_buf_release(&err);
}

static void long_ids_are_hashed_into_short_terms(void **state)
{
	(void)state;
	char id[600];
	struct vb_buf a = VB_BUF_INIT, b = VB_BUF_INIT;
	memset(id, 'x', sizeof(id) - 1);
	id[sizeof(id) - 1] = '\0';
	vb_id_term(&a, "Q", id);
	assert_true(a.len <= VB_MAX_TERM);
	id[300] = 'y';
	vb_id_term(&b, "Q", id);
	assert_true(b.len <= VB_MAX_TERM);
	assert_string_not_equal(a.buf, b.buf);
	vb_buf_reset(&a);
	vb_id_term(&a, "Q", "short");
	assert_string_equal(a.buf, "Qshort");
	vb_buf_release(&a);
	vb_buf_release(&b);
}

int main(void)
{
	/* Order matters: each test builds on the database the previous left. */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(spelling_words_wait_for_a_second_sighting),
		cmocka_unit_test(documents_become_passages_and_a_record),
		cmocka_unit_test(unchanged_documents_are_skipped_and_changed_replaced),
		cmocka_unit_test(second_writer_is_refused_as_locked),
		cmocka_unit_test(prune_removes_documents_of_vanished_files),
		cmocka_unit_test(extraction_becomes_terms_and_quote_documents),
		cmocka_unit_test(long_ids_are_hashed_into_short_terms),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
