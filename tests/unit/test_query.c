/* test_query.c: what users type finds what documents say (stems, fields, dates, languages). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "index.h"

#define PAD " Padding follows so that this paragraph stands as a passage of its own, as long paragraphs do in real releases; it says nothing else, and it repeats itself. Padding follows so that this paragraph stands as a passage of its own, as long paragraphs do in real releases; it says nothing else, and it repeats itself. Padding follows so that this paragraph stands as a passage of its own."
#include "db.h"
#include "query.h"
#include "schema.h"

static char dir[64], dbpath[96];
static xap_db *db;

static void add(struct vb_indexer *ix, const char *id, const char *lang, const char *date,
		const char *title, const char *source, const char *body)
{
	struct vb_doc d;
	enum vb_add_result res;
	size_t n;
	memset(&d, 0, sizeof(d));
	d.id = (char *)id;
	d.lang = (char *)lang;
	d.date = (char *)date;
	d.title = (char *)title;
	d.source = (char *)source;
	d.body = (char *)body;
	d.body_len = strlen(body);
	d.hash = vb_hash64(body, d.body_len, 0);
	assert_int_equal(vb_indexer_add(ix, &d, &res, &n, NULL), 0);
}

static int setup(void **state)
{
	(void)state;
	struct vb_indexer *ix;
	struct vb_indexer_opts opts = { .default_lang = "en", .spelling = true,
					.extract = true };
	xap_error xe;
	char aliases[128];
	strcpy(dir, "/tmp/vb-test-query-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(dbpath, sizeof(dbpath), "%s/db", dir);
	snprintf(aliases, sizeof(aliases), "%s/aliases.tsv", dir);
	FILE *f = fopen(aliases, "w");
	if (!f)
		return -1;
	fputs("# canonical\ttype\taliases\n"
	      "Wombat Conservation Association\torganisation\tWCA\tthe wombat people\n", f);
	fclose(f);
	opts.aliases_path = aliases;
	if (vb_indexer_open(&ix, dbpath, &opts, NULL))
		return -1;
	add(ix, "ifsrp-2005", "en", "2005-03-14", "IFSRP sues ShareSpan", "IFSRP",
	    "The IFSRP\xe2\x80\x99s lawsuit against ShareSpan was filed in the High Court in London on Monday morning." PAD "\n\n"
	    "Negotiations with the uploaders had been fruitless for months, the federation said." PAD);
	add(ix, "mot-2006", "en", "2006-04-12", "Caldoria raises media tariffs",
	    "Caldoria Ministry of Trade",
	    "The ministry raised tariffs on imported media by 12 per cent.");
	add(ix, "mot-2007", "en", "2007", "Tariff review ends", "Caldoria Ministry of Trade",
	    "Importers welcomed the end of the tariff review.");
	add(ix, "bvm-2006", "de", "2006-09-01", "Verband begrüßt Urteil", "BVM",
	    "Die Verhandlungen über die Straße wurden abgeschlossen.");
	add(ix, "quokka-a", "en", "2009-01-01", "Wildlife notes", "Rangers",
	    "A quokka was seen near the harbour.");
	add(ix, "quokka-b", "en", "2009-01-01", "Quokka sighting", "Rangers",
	    "A quokka was seen near the harbour.");
	add(ix, "wca-2010", "en", "2010-02-02", "Census results", "WCA",
	    "The Wombat Conservation Association said the census found more animals than in any year since counting began.");
	add(ix, "ruiz-2011", "en", "2011-05-05", "Appeal lodged", "Ruiz Legal",
	    "\"We will appeal in weeks rather than months, whatever it costs,\" said Ana Ruiz, the lawyer for the families.");
	add(ix, "plain-2011", "en", "2011-05-06", "Court calendar", "Court News",
	    "The court said hearings would come in weeks rather than months for most of the families who applied.");
	add(ix, "zh-2008", "zh", "2008-01-20", "协会声明", "国际唱片业协会",
	    "国际唱片业协会今天宣布对盗版网站提起诉讼。");
	if (vb_indexer_close(ix, NULL))
		return -1;
	return xap_db_open(&db, dbpath, XAP_DB_READ, 0, &xe);
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	xap_db_free(db);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Ids of the passages found, space-separated, sorted by id. */
static char *search(const char *text, const struct vb_query_opts *opts)
{
	/* Most tests ask for every word; default_or_ranks_partial_matches
	 * covers the default. */
	static const struct vb_query_opts none = { .match_all = 1 };
	struct vb_parsed_query pq;
	struct vb_buf err = VB_BUF_INIT, out = VB_BUF_INIT;
	xap_enquire *enq;
	xap_mset *ms;
	xap_error xe;
	int rc = vb_query_build(db, text, opts ? opts : &none, &pq, &err);
	if (rc) {
		print_error("query '%s' failed: %s\n", text, err.buf);
		fail();
	}
	assert_int_equal(xap_enquire_new(&enq, db, &xe), XAP_OK);
	assert_int_equal(xap_enquire_set_query(enq, pq.query, &xe), XAP_OK);
	assert_int_equal(xap_enquire_sort_by_value(enq, VB_SLOT_DOC, 0, &xe), XAP_OK);
	assert_int_equal(xap_enquire_get_mset(enq, 0, 100, 100, &ms, &xe), XAP_OK);
	char *ids[100];
	unsigned nids = xap_mset_size(ms);
	for (unsigned i = 0; i < nids; i++) {
		xap_doc *d;
		char *v;
		size_t n;
		assert_int_equal(xap_mset_document(ms, i, &d, &xe), XAP_OK);
		assert_int_equal(xap_doc_get_value(d, VB_SLOT_DOC, &v, &n, &xe), XAP_OK);
		char *o;
		assert_int_equal(xap_doc_get_value(d, VB_SLOT_ORDINAL, &o, &n, &xe), XAP_OK);
		struct vb_buf id = VB_BUF_INIT;
		vb_buf_addf(&id, "%s#%d", v, atoi(o));
		ids[i] = vb_buf_detach(&id, NULL);
		free(v);
		free(o);
		xap_doc_free(d);
	}
	qsort(ids, nids, sizeof(ids[0]), cmp_str);
	for (unsigned i = 0; i < nids; i++) {
		vb_buf_addf(&out, "%s%s", i ? " " : "", ids[i]);
		free(ids[i]);
	}
	xap_mset_free(ms);
	xap_enquire_free(enq);
	vb_parsed_query_release(&pq);
	vb_buf_release(&err);
	return vb_buf_detach(&out, NULL);
}

#define assert_finds(q, opts, expect)                  \
	do {                                           \
		char *got_ = search(q, opts);          \
		assert_string_equal(got_, expect);     \
		free(got_);                            \
	} while (0)

static void words_match_by_stem_and_case(void **state)
{
	(void)state;
	assert_finds("lawsuits", NULL, "ifsrp-2005#1");
	assert_finds("NEGOTIATION", NULL, "ifsrp-2005#2");
	assert_finds("tariff", NULL, "mot-2006#1 mot-2007#1");
}

static void apostrophe_forms_meet(void **state)
{
	(void)state;
	/* #2 does not say IFSRP (only its title does): passages match on
	 * their own words, the title only adds weight. */
	assert_finds("IFSRP's", NULL, "ifsrp-2005#1");
	assert_finds("ifsrp\xe2\x80\x99s lawsuit", NULL, "ifsrp-2005#1");
}

static void syntax_phrases_boolean_wildcards(void **state)
{
	(void)state;
	assert_finds("\"raised tariffs\"", NULL, "mot-2006#1");
	assert_finds("\xe2\x80\x9craised tariffs\xe2\x80\x9d", NULL, "mot-2006#1");
	assert_finds("\"tariffs raised\"", NULL, "");
	/* (not "importers": its stem is that of "imported" in mot-2006) */
	assert_finds("tariff NOT review", NULL, "mot-2006#1");
	assert_finds("tariff -review", NULL, "mot-2006#1");
	assert_finds("lawsuit OR review", NULL, "ifsrp-2005#1 mot-2007#1");
	assert_finds("negotiat*", NULL, "ifsrp-2005#2");
	assert_finds("lawsuit NEAR london", NULL, "ifsrp-2005#1");
}

/* Function words hold no position (schema 4) but keep their place. */
static void phrases_with_function_words(void **state)
{
	(void)state;
	/* "end of the tariff review": "end", then "tariff" 3 positions on */
	assert_finds("\"the end of the tariff review\"", NULL, "mot-2007#1");
	assert_finds("\"end of the tariff\"", NULL, "mot-2007#1");
	/* the gap is kept: "end tariff" side by side is not in the text */
	assert_finds("\"end tariff\"", NULL, "");
	/* nor "review" at most three words after "end": it is four */
	assert_finds("\"end of the review\"", NULL, "");
	/* word order still counts */
	assert_finds("\"tariff of the end\"", NULL, "");
	assert_finds("quote:\"in weeks rather than months\"", NULL, "ruiz-2011#1");
	/* only function words: all of them, anywhere in the passage */
	assert_finds("\"was the\"", NULL, "ifsrp-2005#1 quokka-a#1 quokka-b#1");
	/* still terms of their own outside phrases */
	assert_finds("+was +the +quokka", NULL, "quokka-a#1 quokka-b#1");
	/* German: "über die Straße", "die" keeps its position */
	assert_finds("\"verhandlungen über die straße\"", NULL, "bvm-2006#1");
}

static void title_adds_weight_but_does_not_match(void **state)
{
	(void)state;
	/* Same text, only quokka-b's title says "quokka": it ranks first. */
	struct vb_parsed_query pq;
	struct vb_query_opts none = { 0 };
	xap_enquire *enq;
	xap_mset *ms;
	xap_error xe;
	xap_doc *d;
	char *v;
	size_t n;
	assert_int_equal(vb_query_build(db, "quokka", &none, &pq, NULL), 0);
	assert_int_equal(xap_enquire_new(&enq, db, &xe), XAP_OK);
	assert_int_equal(xap_enquire_set_query(enq, pq.query, &xe), XAP_OK);
	assert_int_equal(xap_enquire_get_mset(enq, 0, 10, 10, &ms, &xe), XAP_OK);
	assert_int_equal(xap_mset_size(ms), 2);
	assert_true(xap_mset_weight(ms, 0) > xap_mset_weight(ms, 1));
	assert_int_equal(xap_mset_document(ms, 0, &d, &xe), XAP_OK);
	assert_int_equal(xap_doc_get_value(d, VB_SLOT_DOC, &v, &n, &xe), XAP_OK);
	assert_string_equal(v, "quokka-b");
	free(v);
	xap_doc_free(d);
	xap_mset_free(ms);
	xap_enquire_free(enq);
	vb_parsed_query_release(&pq);
	/* "sues" is only in a title: no passage matches on it alone. */
	assert_finds("sues", NULL, "");
	assert_finds("sues lawsuit", NULL, "");
	assert_finds("title:sues", NULL, "ifsrp-2005#1 ifsrp-2005#2");
}

static void default_or_ranks_partial_matches(void **state)
{
	(void)state;
	struct vb_query_opts any = { 0 };
	/* Passages with either word; sorted by doc id here, not rank. */
	assert_finds("lawsuit tariff", &any, "ifsrp-2005#1 mot-2006#1 mot-2007#1");
	struct vb_query_opts all = { .match_all = 1 };
	assert_finds("lawsuit tariff", &all, "");
	assert_finds("lawsuit london", &all, "ifsrp-2005#1");
}

static void quoted_field_values_need_every_word(void **state)
{
	(void)state;
	/* Title terms have no positions: "..." means all the words. */
	assert_finds("title:\"raises media\"", NULL, "mot-2006#1");
	assert_finds("title:\"media raises\"", NULL, "mot-2006#1");
	assert_finds("title:\"raises quokka\"", NULL, "");
}

static void aliases_stand_for_their_canonical_names(void **state)
{
	(void)state;
	/* The index was built with the alias file, which it keeps. */
	assert_finds("org:\"wombat conservation association\"", NULL, "wca-2010#1");
	assert_finds("org:WCA", NULL, "wca-2010#1");
	assert_finds("org:\"the wombat people\"", NULL, "wca-2010#1");
	assert_finds("org:WCB", NULL, "");
}

static void quote_field_is_words_between_quotation_marks(void **state)
{
	(void)state;
	assert_finds("quote:\"weeks rather than months\"", NULL, "ruiz-2011#1");
	assert_finds("\"weeks rather than months\"", NULL, "plain-2011#1 ruiz-2011#1");
	assert_finds("quote:\"months rather than weeks\"", NULL, "");
	assert_finds("quote:appeal", NULL, "ruiz-2011#1");
	assert_finds("quote:hearings", NULL, "");
}

static void fields_filter(void **state)
{
	(void)state;
	assert_finds("title:raises", NULL, "mot-2006#1");
	assert_finds("tariff source:\"caldoria ministry of TRADE\"", NULL, "mot-2006#1 mot-2007#1");
	assert_finds("source:IFSRP", NULL, "ifsrp-2005#1 ifsrp-2005#2");
	assert_finds("id:mot-2007", NULL, "mot-2007#1");
	assert_finds("tariff year:2007", NULL, "mot-2007#1");
}

static void date_ranges_in_query_and_options(void **state)
{
	(void)state;
	assert_finds("tariff date:2006..2006", NULL, "mot-2006#1");
	assert_finds("tariff date:2007..", NULL, "mot-2007#1");
	assert_finds("tariff date:..2006-04-12", NULL, "mot-2006#1");
	assert_finds("tariff date:2006-04-13..2006-12", NULL, "");
	struct vb_query_opts o = { .since = "2006-05", .match_all = 1 };
	assert_finds("tariff", &o, "mot-2007#1");
	struct vb_query_opts u = { .until = "2005", .match_all = 1 };
	assert_finds("lawsuit OR tariff", &u, "ifsrp-2005#1");
	/* Only filters: every passage in range. */
	struct vb_query_opts r = { .since = "2008", .until = "2008", .match_all = 1 };
	assert_finds("", &r, "zh-2008#1");
}

static void each_language_with_its_stemmer(void **state)
{
	(void)state;
	assert_finds("Verhandlung", NULL, "bvm-2006#1");
	assert_finds("STRASSE", NULL, "bvm-2006#1");
	assert_finds("straße lang:de", NULL, "bvm-2006#1");
	struct vb_query_opts de = { .lang = "de", .match_all = 1 };
	assert_finds("verhandlungen", &de, "bvm-2006#1");
}

static void chinese_words_are_found(void **state)
{
	(void)state;
	assert_finds("协会", NULL, "zh-2008#1");
	assert_finds("诉讼", NULL, "zh-2008#1");
	assert_finds("国际唱片业协会", NULL, "zh-2008#1");
}

static void bad_queries_are_errors_with_messages(void **state)
{
	(void)state;
	struct vb_parsed_query pq;
	struct vb_buf err = VB_BUF_INIT;
	struct vb_query_opts none = { .match_all = 1 };
	assert_int_equal(vb_query_build(db, "tariff AND AND (", &none, &pq, &err), XAP_ERR_QUERY);
	assert_true(err.len > 0);
	vb_parsed_query_release(&pq);
	vb_buf_reset(&err);
	assert_int_equal(vb_query_build(db, "date:2006-13..2007", &none, &pq, &err), XAP_ERR_QUERY);
	assert_non_null(strstr(err.buf, "2006-13"));
	vb_parsed_query_release(&pq);
	vb_buf_reset(&err);
	struct vb_query_opts bad = { .since = "yesterday" };
	assert_int_equal(vb_query_build(db, "tariff", &bad, &pq, &err), XAP_ERR_QUERY);
	assert_non_null(strstr(err.buf, "yesterday"));
	vb_parsed_query_release(&pq);
	vb_buf_release(&err);
}

/* A passage's data: JSON, a newline, the text as it is; the older form
 * (the text inside the JSON) reads the same. */
static void passage_data_holds_text_after_json(void **state)
{
	(void)state;
	json_t *p = NULL;
	xap_error xe;
	assert_int_equal(vb_db_lookup(db, VB_PREFIX_UID, "mot-2006#1", &p, &xe), XAP_OK);
	assert_non_null(p);
	assert_string_equal(vb_json_str(p, "text"),
			    "The ministry raised tariffs on imported media by 12 per cent.");
	assert_string_equal(vb_json_str(p, "kind"), "passage");
	json_decref(p);

	/* The raw data, as xapian-delve shows it. */
	xap_doc *d = NULL;
	char *data = NULL;
	size_t len = 0;
	xap_query *q = NULL;
	xap_enquire *enq = NULL;
	xap_mset *ms = NULL;
	assert_int_equal(xap_query_term(&q, "Qmot-2006#1", 11, 1, &xe), XAP_OK);
	assert_int_equal(xap_enquire_new(&enq, db, &xe), XAP_OK);
	assert_int_equal(xap_enquire_set_query(enq, q, &xe), XAP_OK);
	assert_int_equal(xap_enquire_get_mset(enq, 0, 1, 1, &ms, &xe), XAP_OK);
	assert_int_equal(xap_mset_size(ms), 1);
	assert_int_equal(xap_mset_document(ms, 0, &d, &xe), XAP_OK);
	assert_int_equal(xap_doc_get_data(d, &data, &len, &xe), XAP_OK);
	const char *nl = memchr(data, '\n', len);
	assert_non_null(nl);
	assert_int_equal(data[0], '{');
	assert_int_equal(nl[-1], '}');
	assert_memory_equal(nl + 1, "The ministry raised", 19);
	free(data);
	xap_doc_free(d);
	xap_mset_free(ms);
	xap_enquire_free(enq);
	xap_query_free(q);

	const char old[] = "{\"kind\":\"passage\",\"text\":\"Line one\\nline two\"}";
	p = vb_data_json(old, strlen(old));
	assert_string_equal(vb_json_str(p, "text"), "Line one\nline two");
	json_decref(p);
	const char now[] = "{\"kind\":\"passage\"}\nLine one\nline two";
	p = vb_data_json(now, strlen(now));
	assert_string_equal(vb_json_str(p, "text"), "Line one\nline two");
	json_decref(p);
	assert_null(vb_data_json("not json\ntext", 14));
	assert_null(vb_data_json("[1]\ntext", 8));
	assert_null(vb_data_json("{}\n\xff\xfe", 5));   /* not UTF-8 */
}

static void unknown_words_get_a_suggestion(void **state)
{
	(void)state;
	struct vb_parsed_query pq;
	struct vb_query_opts none = { 0 };
	assert_int_equal(vb_query_build(db, "quoka harbor", &none, &pq, NULL), 0);
	assert_non_null(pq.suggestion);
	assert_string_equal(pq.suggestion, "quokka harbour");
	vb_parsed_query_release(&pq);
	assert_int_equal(vb_query_build(db, "quokka harbour", &none, &pq, NULL), 0);
	assert_null(pq.suggestion);
	vb_parsed_query_release(&pq);
	/* A word written once in the corpus is no suggestion (spelling.h):
	 * "ministry" and "importers" are in one passage each. */
	assert_int_equal(vb_query_build(db, "ministy importrs", &none, &pq, NULL), 0);
	assert_null(pq.suggestion);
	vb_parsed_query_release(&pq);
}

static void highlight_terms_are_index_terms(void **state)
{
	(void)state;
	struct vb_parsed_query pq;
	struct vb_query_opts none = { 0 };
	assert_int_equal(vb_query_build(db, "lawsuits negotiat* title:tariffs", &none, &pq, NULL), 0);
	int saw_lawsuit = 0;
	for (size_t i = 0; i < pq.nterms; i++)
		if (!strcmp(pq.terms[i], "Zlawsuit"))
			saw_lawsuit = 1;
	assert_true(saw_lawsuit);
	/* The index holds stems: "negoti" (from "negotiations") joins in. */
	assert_int_equal(pq.nwildcards, 1);
	assert_string_equal(pq.wildcards[0], "Znegotiat");
	int saw_stem = 0;
	for (size_t i = 0; i < pq.nterms; i++)
		if (!strcmp(pq.terms[i], "Znegoti"))
			saw_stem = 1;
	assert_true(saw_stem);
	vb_parsed_query_release(&pq);
}

static void date_bounds(void **state)
{
	(void)state;
	char out[9];
	assert_int_equal(vb_date_bound("2006", 4, 0, out), 0);
	assert_string_equal(out, "20060101");
	assert_int_equal(vb_date_bound("2006", 4, 1, out), 0);
	assert_string_equal(out, "20061231");
	assert_int_equal(vb_date_bound("2008-02", 7, 1, out), 0);
	assert_string_equal(out, "20080229");
	assert_int_equal(vb_date_bound("2007-02", 7, 1, out), 0);
	assert_string_equal(out, "20070228");
	assert_int_equal(vb_date_bound("20050412", 8, 0, out), 0);
	assert_string_equal(out, "20050412");
	assert_int_equal(vb_date_bound("2005-02-30", 10, 0, out), -1);
	assert_int_equal(vb_date_bound("05", 2, 0, out), -1);
	assert_int_equal(vb_date_bound("2005/01", 7, 0, out), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words_match_by_stem_and_case),
		cmocka_unit_test(apostrophe_forms_meet),
		cmocka_unit_test(syntax_phrases_boolean_wildcards),
		cmocka_unit_test(phrases_with_function_words),
		cmocka_unit_test(title_adds_weight_but_does_not_match),
		cmocka_unit_test(default_or_ranks_partial_matches),
		cmocka_unit_test(quoted_field_values_need_every_word),
		cmocka_unit_test(aliases_stand_for_their_canonical_names),
		cmocka_unit_test(quote_field_is_words_between_quotation_marks),
		cmocka_unit_test(fields_filter),
		cmocka_unit_test(date_ranges_in_query_and_options),
		cmocka_unit_test(each_language_with_its_stemmer),
		cmocka_unit_test(chinese_words_are_found),
		cmocka_unit_test(bad_queries_are_errors_with_messages),
		cmocka_unit_test(unknown_words_get_a_suggestion),
		cmocka_unit_test(passage_data_holds_text_after_json),
		cmocka_unit_test(highlight_terms_are_index_terms),
		cmocka_unit_test(date_bounds),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
