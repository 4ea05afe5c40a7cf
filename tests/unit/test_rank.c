/* test_rank.c: reading names, dates and quote wishes from queries, and ranking by them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "index.h"
#include "rank.h"
#include "schema.h"
#include "search.h"
#include "understand.h"

static char dir[64], dbpath[96];
static xap_db *db;

/* ---- the date grammar (no database) ------------------------------------- */

/* The date read from `text` against 2011-03-15, as "LO..HI how 'span'", or "". */
static const char *read_date(const char *text)
{
	static char out[128];
	struct vb_date_read d;
	if (!vb_date_read(text, "20110315", &d))
		return "";
	snprintf(out, sizeof(out), "%s..%s %s '%.*s'", d.lo, d.hi, d.how,
		 (int)(d.end - d.start), text + d.start);
	return out;
}

static void date_grammar(void **state)
{
	(void)state;
	assert_string_equal(read_date("tariff 2006"), "20060101..20061231 year '2006'");
	assert_string_equal(read_date("tariffs in 2006"), "20060101..20061231 year 'in 2006'");
	assert_string_equal(read_date("lawsuit April 2005"), "20050401..20050430 month 'April 2005'");
	assert_string_equal(read_date("in sept 2009 bill"), "20090901..20090930 month 'in sept 2009'");
	assert_string_equal(read_date("on 14 June 2006"), "20060614..20060614 day 'on 14 June 2006'");
	assert_string_equal(read_date("June 14 2006"), "20060614..20060614 day 'June 14 2006'");
	assert_string_equal(read_date("x 2005-04"), "20050401..20050430 month '2005-04'");
	assert_string_equal(read_date("2008-02-29"), "20080229..20080229 day '2008-02-29'");
	assert_string_equal(read_date("tariff 2004 to 2006"), "20040101..20061231 range '2004 to 2006'");
	assert_string_equal(read_date("tariff 2004-2006"), "20040101..20061231 range '2004-2006'");
	assert_string_equal(read_date("tariff 2004\xe2\x80\x93" "2006"),
			    "20040101..20061231 range '2004\xe2\x80\x93" "2006'");
	assert_string_equal(read_date("between 2003 and 2004"),
			    "20030101..20041231 range 'between 2003 and 2004'");
	assert_string_equal(read_date("from March 2005 to June 2006"),
			    "20050301..20060630 range 'from March 2005 to June 2006'");
	assert_string_equal(read_date("since 2009"), "20090101..20110315 since 'since 2009'");
	assert_string_equal(read_date("after 2009"), "20100101..20110315 since 'after 2009'");
	assert_string_equal(read_date("before 2005"), "00000000..20041231 before 'before 2005'");
	assert_string_equal(read_date("until March 2005"), "00000000..20050331 before 'until March 2005'");
	/* Relative to 2011-03-15. */
	assert_string_equal(read_date("outlook last year"), "20100101..20101231 relative 'last year'");
	assert_string_equal(read_date("last month"), "20110201..20110228 relative 'last month'");
	assert_string_equal(read_date("this year"), "20110101..20110315 relative 'this year'");
	assert_string_equal(read_date("past 2 years"), "20090315..20110315 relative 'past 2 years'");
	assert_string_equal(read_date("last week"), "20110308..20110315 relative 'last week'");
	/* Not dates: other numbers, plain words, field values, bad dates. */
	assert_string_equal(read_date("section 17 of the act"), "");
	assert_string_equal(read_date("12.4 million"), "");
	assert_string_equal(read_date("may appeal"), "");
	assert_string_equal(read_date("last orders"), "");
	assert_string_equal(read_date("date:2006 tariff"), "");
	assert_string_equal(read_date("id:ifsrp-2005-sharespan-lawsuit"), "");
	assert_string_equal(read_date("-2006 tariff"), "");
	assert_string_equal(read_date("2005-13"), "");
	assert_string_equal(read_date("2006 to 2004"), "20060101..20061231 year '2006'");
	assert_string_equal(read_date("year 1850"), "");
}

static void day_counts(void **state)
{
	(void)state;
	char out[9];
	assert_int_equal(vb_days_of("19700101"), 0);
	assert_int_equal(vb_days_of("20000301") - vb_days_of("20000228"), 2);
	assert_int_equal(vb_days_of("20010301") - vb_days_of("20010228"), 1);
	for (long d = -1000; d < 40000; d += 37) {
		vb_ymd_of(d, out);
		assert_int_equal(vb_days_of(out), d);
	}
	vb_ymd_of(vb_days_of("20120229") + 1, out);
	assert_string_equal(out, "20120301");
}

/* ---- the score -------------------------------------------------------------- */

static void date_signal(void **state)
{
	(void)state;
	struct vb_rank_weights w = vb_rank_default_weights;
	w.date_halflife = 100;
	w.mention_share = 0.5;
	assert_true(vb_rank_date_signal("20060501", "20060101", "20061231", 0, &w) == 1.0);
	/* 100 days before the range: half. */
	double half = vb_rank_date_signal("20050923", "20060101", "20061231", 0, &w);
	assert_true(half > 0.499 && half < 0.501);
	double quarter = vb_rank_date_signal("20070719", "20060101", "20061231", 0, &w);
	assert_true(quarter > 0.249 && quarter < 0.251);
	/* Far away but mentioning the dates: the mention's share. */
	assert_true(vb_rank_date_signal("19990101", "20060101", "20061231", 1, &w) == 0.5);
	/* Undated. */
	assert_true(vb_rank_date_signal("", "20060101", "20061231", 0, &w) == 0.0);
	assert_true(vb_rank_date_signal(NULL, "20060101", "20061231", 1, &w) == 0.5);
}

static void combination(void **state)
{
	(void)state;
	struct vb_rank_weights w = { .entity = 0.1, .speaker = 0.2, .speaker_quote = 0.5,
				     .quote = 0.3, .date = 0.4, .recent = 0.25 };
	struct vb_signals none = { 0 }, all = { 1, 1, 1, 1, 1 };
	struct vb_score_parts p;
	vb_rank_combine(7.5, 10, &none, 1, &w, &p);
	assert_true(p.total == 7.5 && p.bm25 == 7.5);
	assert_true(p.entity == 0 && p.speaker == 0 && p.date == 0);
	vb_rank_combine(5, 10, &all, 0, &w, &p);
	assert_true(p.entity == 1.0 && p.quote == 3.0 && p.date == 4.0 && p.recent == 2.5);
	assert_true(p.speaker == 2.0);   /* no quote asked: speaker weight alone */
	assert_true(p.total == 5 + 1.0 + 2.0 + 3.0 + 4.0 + 2.5);
	vb_rank_combine(5, 10, &all, 1, &w, &p);
	assert_true(p.speaker == 7.0);   /* asked for quotes: the asked speaker counts more */
	struct vb_signals half = { .entity = 0.5 };
	vb_rank_combine(5, 20, &half, 0, &w, &p);
	assert_true(p.entity == 1.0);    /* a share of the best BM25 weight */
}

/* ---- reading a query against an index -------------------------------------- */

#define PAD " This sentence pads the paragraph so that it is long enough to stand as a passage of its own, as paragraphs of real releases do; it says nothing else at all."

static void add(struct vb_indexer *ix, const char *id, const char *date, const char *body)
{
	struct vb_doc d;
	enum vb_add_result res;
	size_t n;
	memset(&d, 0, sizeof(d));
	d.id = (char *)id;
	d.lang = (char *)"en";
	d.date = (char *)date;
	d.title = (char *)id;
	d.source = (char *)"Tests";
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
	strcpy(dir, "/tmp/vb-test-rank-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(dbpath, sizeof(dbpath), "%s/db", dir);
	if (vb_indexer_open(&ix, dbpath, &opts, NULL))
		return -1;
	add(ix, "kowalczyk-2007", "2007-08-22",
	    "\"Our customers wanted downloads without restrictions,\" said Ines Kowalczyk, head of digital at Halden Music Group." PAD);
	add(ix, "downloads-2007", "2007-05-02",
	    "Downloads without restrictions are what customers want, a survey of music downloads found. Downloads grew and downloads sold." PAD);
	add(ix, "mention-2008", "2008-01-10",
	    "The store was set up by Ines Kowalczyk in 2005, long before downloads without restrictions." PAD);
	add(ix, "young-1", "2009-01-01", "Young people buy music online more than older people do." PAD);
	add(ix, "young-2", "2009-02-01", "Many young listeners stream; young buyers download." PAD);
	add(ix, "young-3", "2009-03-01", "The young market grows every year, the report on streaming found." PAD);
	add(ix, "young-4", "2009-04-01", "A young band signed a record deal with a young label." PAD);
	add(ix, "young-5", "2009-05-01",
	    "\"Streaming is the future,\" said Tom Young, chief executive of Wombat Records." PAD);
	add(ix, "tariff-2004", "2004-02-17", "The tariff on blank discs was set at 18 per cent by the ministry." PAD);
	add(ix, "tariff-2006", "2006-01-24", "The tariff on blank discs was cut to 12 per cent by the ministry." PAD);
	add(ix, "tariff-2009", "2009-09-15", "The tariff on blank discs will be abolished, the ministry said." PAD);
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

/* The names read from `text`, as "text/kind/how" joined by "; ". */
static const char *names(const char *text, struct vb_understanding *u)
{
	static char out[512];
	struct vb_buf err = VB_BUF_INIT;
	assert_int_equal(vb_understand(db, text, "20110315", u, &err), 0);
	vb_buf_release(&err);
	out[0] = 0;
	for (size_t i = 0; i < u->nnames; i++)
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%s/%s/%s",
			 i ? "; " : "", u->names[i].text, u->names[i].kind, u->names[i].how);
	return out;
}

static void names_are_read_with_evidence(void **state)
{
	(void)state;
	struct vb_understanding u;
	/* A surname the index knows mostly as a name, in any case. */
	assert_string_equal(names("what did kowalczyk say about downloads", &u),
			    "kowalczyk/person/mostly a name in the index");
	assert_true(u.quote_intent);
	assert_string_equal(u.intent_cue, "say");
	/* The question's words (and its function words) are not matched,
	 * the name and topic are. */
	assert_null(strstr(u.text_query, "what"));
	assert_null(strstr(u.text_query, "say"));
	assert_null(strstr(u.text_query, "about"));
	assert_non_null(strstr(u.text_query, "kowalczyk"));
	assert_non_null(strstr(u.text_query, "downloads"));
	vb_understanding_release(&u);
	/* A full name, as the index holds it. */
	assert_string_equal(names("ines kowalczyk downloads", &u),
			    "ines kowalczyk/person/full name");
	assert_string_equal(u.names[0].display, "Ines Kowalczyk");
	assert_false(u.quote_intent);
	vb_understanding_release(&u);
	/* "young" is mostly an ordinary word: a name only when capitalised. */
	assert_string_equal(names("young streaming", &u), "");
	vb_understanding_release(&u);
	assert_string_equal(names("streaming Young said", &u), "Young/person/capitalised");
	assert_true(u.quote_intent);
	vb_understanding_release(&u);
	/* Capitals in a query typed all in capitals say nothing. */
	assert_string_equal(names("STREAMING YOUNG", &u), "");
	vb_understanding_release(&u);
	/* Stop words and unknown words are never names. */
	assert_string_equal(names("The Streaming Of Music", &u), "");
	vb_understanding_release(&u);
	/* "NAME on TOPIC" asks what they said. */
	assert_string_equal(names("Kowalczyk on restrictions", &u),
			    "Kowalczyk/person/mostly a name in the index");
	assert_true(u.quote_intent);
	assert_string_equal(u.intent_cue, "NAME on");
	vb_understanding_release(&u);
	/* A misspelt name gets the index's spelling. */
	assert_string_equal(names("what did Kowalczik say", &u), "Kowalczik/person/misspelt");
	assert_string_equal(u.names[0].display, "kowalczyk");
	vb_understanding_release(&u);
}

static void fields_come_first(void **state)
{
	(void)state;
	struct vb_understanding u;
	/* A name field: its value is the name, and it becomes required. */
	assert_string_equal(names("speaker:kowalczyk downloads", &u), "kowalczyk/speaker/field");
	assert_true(u.explicit_names);
	assert_string_equal(u.text_query, "+speaker:kowalczyk downloads");
	vb_understanding_release(&u);
	/* With operators the user said how to join them: left alone. */
	names("speaker:kowalczyk OR downloads", &u);
	assert_string_equal(u.text_query, "speaker:kowalczyk OR downloads");
	vb_understanding_release(&u);
	/* No free-text names next to a name field. */
	assert_string_equal(names("org:halden Kowalczyk", &u), "halden/organisation/field");
	vb_understanding_release(&u);
	/* A date field: no free-text date. */
	names("tariff date:2006 2004", &u);
	assert_false(u.has_date);
	assert_true(u.explicit_dates);
	vb_understanding_release(&u);
	/* Without fields the date is read and taken out of the words. */
	names("tariff in 2006", &u);
	assert_true(u.has_date);
	assert_string_equal(u.date.lo, "20060101");
	assert_string_equal(u.date_text, "in 2006");
	assert_string_equal(u.text_query, "tariff        ");
	assert_true(vb_understanding_any(&u));
	vb_understanding_release(&u);
	/* Nothing read: the query stays as typed. */
	names("blank discs", &u);
	assert_false(vb_understanding_any(&u));
	assert_string_equal(u.text_query, "blank discs");
	vb_understanding_release(&u);
}

/* Ids of the results of `text`, space-separated, and the response. */
static char *ids_of(const char *text, int bm25, int explain, json_t **resp)
{
	struct vb_search_req req = { .text = text, .limit = 10, .snippet = 100,
				     .rank_bm25 = bm25, .explain = explain,
				     .as_of = "2011-03-15" };
	struct vb_buf err = VB_BUF_INIT, out = VB_BUF_INIT;
	json_t *res, *r;
	size_t i;
	int st = vb_search_run(db, &req, &res, &err);
	if (st) {
		print_error("search '%s' failed: %s\n", text, err.buf);
		fail();
	}
	json_array_foreach(json_object_get(res, "results"), i, r) {
		const char *id = json_string_value(json_object_get(r, "id"));
		vb_buf_addf(&out, "%s%.*s", i ? " " : "", (int)(strchr(id, '#') - id), id);
	}
	vb_buf_release(&err);
	if (resp)
		*resp = res;
	else
		json_decref(res);
	return vb_buf_detach(&out, NULL);
}

static void ranking_uses_what_was_read(void **state)
{
	(void)state;
	json_t *res;
	/* BM25 prefers the passage that repeats "downloads"; asked what
	 * Kowalczyk said, her quote comes first, then her mention. */
	char *bm25 = ids_of("what did Kowalczyk say about downloads", 1, 0, &res);
	assert_true(json_is_null(json_object_get(res, "understood")));
	json_decref(res);
	assert_string_equal(strtok(bm25, " "), "downloads-2007");
	free(bm25);
	char *vb = ids_of("what did Kowalczyk say about downloads", 0, 1, &res);
	assert_non_null(strstr(vb, "kowalczyk-2007 mention-2008 downloads-2007"));
	assert_ptr_equal(strstr(vb, "kowalczyk-2007"), vb);
	free(vb);
	/* Each result's parts add up to its score. */
	json_t *r;
	size_t i;
	json_array_foreach(json_object_get(res, "results"), i, r) {
		json_t *ex = json_object_get(r, "explain");
		double sum = 0;
		static const char *const parts[] = { "bm25", "entity", "speaker", "quote",
						     "date", "recent", NULL };
		for (size_t k = 0; parts[k]; k++)
			sum += json_number_value(json_object_get(ex, parts[k]));
		assert_true(sum - json_number_value(json_object_get(ex, "total")) < 1e-9);
		assert_true(json_number_value(json_object_get(r, "score")) ==
			    json_number_value(json_object_get(ex, "total")));
	}
	json_t *u = json_object_get(res, "understood");
	assert_true(json_is_true(json_object_get(u, "quote")));
	assert_int_equal(json_array_size(json_object_get(u, "names")), 1);
	json_decref(res);

	/* Dates: the asked year first, then the nearest. */
	vb = ids_of("blank discs tariff in 2006", 0, 0, NULL);
	assert_string_equal(vb, "tariff-2006 tariff-2004 tariff-2009");
	free(vb);
	vb = ids_of("blank discs tariff last year", 0, 0, NULL);   /* 2010 */
	assert_string_equal(strtok(vb, " "), "tariff-2009");
	free(vb);

	/* Nothing read: the same order and scores as plain BM25. */
	json_t *a, *b;
	char *x = ids_of("streaming music", 0, 0, &a), *y = ids_of("streaming music", 1, 0, &b);
	assert_string_equal(x, y);
	json_array_foreach(json_object_get(a, "results"), i, r)
		assert_true(json_number_value(json_object_get(r, "score")) ==
			    json_number_value(json_object_get(
				    json_array_get(json_object_get(b, "results"), i), "score")));
	free(x);
	free(y);
	json_decref(a);
	json_decref(b);
}

static void recent_favours_newer(void **state)
{
	(void)state;
	struct vb_search_req req = { .text = "blank discs tariff", .limit = 3, .snippet = 100,
				     .recent = 1 };
	struct vb_buf err = VB_BUF_INIT;
	json_t *res;
	assert_int_equal(vb_search_run(db, &req, &res, &err), VB_API_OK);
	json_t *first = json_array_get(json_object_get(res, "results"), 0);
	assert_string_equal(json_string_value(json_object_get(first, "doc_id")), "tariff-2009");
	json_decref(res);
	/* A bad --as-of is a bad request. */
	req.as_of = "2011-13";
	assert_int_equal(vb_search_run(db, &req, &res, &err), VB_API_BAD_REQUEST);
	assert_non_null(strstr(err.buf, "2011-13"));
	vb_buf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(date_grammar),
		cmocka_unit_test(day_counts),
		cmocka_unit_test(date_signal),
		cmocka_unit_test(combination),
		cmocka_unit_test(names_are_read_with_evidence),
		cmocka_unit_test(fields_come_first),
		cmocka_unit_test(ranking_uses_what_was_read),
		cmocka_unit_test(recent_favours_newer),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
