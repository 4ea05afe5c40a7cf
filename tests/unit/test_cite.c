/* test_cite.c: citation keys, name kinds, BibLaTeX escaping and RIS lines of cite.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "cite.h"

static json_t *record(const char *id, const char *type, const char *title, const char *date,
		      const char *source, const char *author)
{
	json_t *r = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s}", "kind", "doc", "id", id,
			      "type", type, "title", title, "date", date, "source", source);
	if (author)
		json_object_set_new(r, "author", json_string(author));
	return r;
}

static void key_of(json_t *rec, const char *expect)
{
	json_t *item = vb_cite_item_from_record(rec, "2026-01-02");
	struct vb_buf k = VB_BUF_INIT;
	vb_cite_key_base(item, &k);
	assert_string_equal(k.buf, expect);
	vb_buf_release(&k);
	json_decref(item);
	json_decref(rec);
}

static void keys_are_readable(void **state)
{
	(void)state;
	/* An organisation of four or more significant words: its acronym. */
	key_of(record("a", "press_release", "Record companies file claim", "2005-03-08",
		      "International Federation of Sound Recording Producers",
		      "International Federation of Sound Recording Producers"),
	       "ifsrp2005record");
	/* Fewer: its first word; the title's first word skips "The". */
	key_of(record("b", "press_release", "The legal view", "2008", "Acme Federation",
		      "Acme Federation"), "acme2008legal");
	/* A person: the family name, ASCII-folded. */
	key_of(record("c", "article", "Über die Klage", "2010-01-01", "Zeitung",
		      "J\xc3\xbcrgen M\xc3\xbcller"), "muller2010uber");
	/* No date, no author: the publisher, "nd". */
	key_of(record("d", "press_release", "A statement", "", "Halden Music Group", NULL),
	       "halden" "ndstatement");
	/* Another script: transliterated. */
	key_of(record("e", "press_release", "\xe5\x94\xb1\xe7\x89\x87", "2011-05-01",
		      "Xingyun", NULL), "xingyun2011chang");
}

static void colliding_keys_get_suffixes_in_date_order(void **state)
{
	(void)state;
	json_t *items = json_array();
	json_t *recs[] = {
		record("later", "press_release", "Legal move", "2008-05-01", "Acme", "Acme"),
		record("earlier", "press_release", "Legal step", "2008-01-01", "Acme", "Acme"),
		record("other", "press_release", "Other", "2008-01-01", "Acme", "Acme"),
	};
	for (size_t i = 0; i < 3; i++) {
		json_array_append_new(items, vb_cite_item_from_record(recs[i], NULL));
		json_decref(recs[i]);
	}
	vb_cite_assign_keys(items);
	assert_string_equal(json_string_value(json_object_get(json_array_get(items, 1), "id")),
			    "acme2008legala");
	assert_string_equal(json_string_value(json_object_get(json_array_get(items, 0), "id")),
			    "acme2008legalb");
	assert_string_equal(json_string_value(json_object_get(json_array_get(items, 2), "id")),
			    "acme2008other");
	json_decref(items);
}

static void names_split_into_kinds(void **state)
{
	(void)state;
	assert_true(vb_cite_is_org("Halden Music Group"));
	assert_true(vb_cite_is_org("IFSRP"));
	assert_true(vb_cite_is_org("Ministry of Trade and Industry"));
	assert_false(vb_cite_is_org("Hannah Colquhoun"));
	assert_false(vb_cite_is_org("\xc3\x89lodie Vasseur-Lambin"));
	json_t *rec = record("x", "press_release", "T", "2009", "Sharespan Inc",
			     "Sharespan Inc and International Federation of Sound Recording Producers");
	json_t *item = vb_cite_item_from_record(rec, NULL);
	json_t *au = json_object_get(item, "author");
	assert_int_equal(json_array_size(au), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(au, 0), "literal")),
			    "Sharespan Inc");
	json_decref(item);
	json_decref(rec);
	rec = record("y", "press_release", "T", "2009", "MTI", "Ministry of Trade and Industry");
	item = vb_cite_item_from_record(rec, NULL);
	assert_int_equal(json_array_size(json_object_get(item, "author")), 1);
	json_decref(item);
	json_decref(rec);
	rec = record("z", "article", "T", "2009", "Wire", "Anna van der Berg");
	item = vb_cite_item_from_record(rec, NULL);
	json_t *a = json_array_get(json_object_get(item, "author"), 0);
	assert_string_equal(json_string_value(json_object_get(a, "family")), "van der Berg");
	assert_string_equal(json_string_value(json_object_get(a, "given")), "Anna");
	assert_string_equal(json_string_value(json_object_get(item, "type")), "article-newspaper");
	assert_string_equal(json_string_value(json_object_get(item, "container-title")), "Wire");
	json_decref(item);
	json_decref(rec);
}

static void biblatex_escapes_specials(void **state)
{
	(void)state;
	struct vb_buf b = VB_BUF_INIT;
	vb_cite_bibtex_escape(&b, "A&B 50% $5 #1 a_b {x} ~ ^ \\ \xc3\xa9");
	assert_string_equal(b.buf, "A\\&B 50\\% \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} "
			    "\\textasciicircum{} \\textbackslash{} \xc3\xa9");
	vb_buf_release(&b);
}

static void formats_write_the_fields(void **state)
{
	(void)state;
	json_t *rec = record("acme-1", "press_release", "Legal 100% & more", "2008-02-03",
			     "Acme Federation", "Acme Federation");
	struct vb_cite_list *l = vb_cite_list_new("2026-01-02");
	json_t *q1 = json_pack("{s:s,s:s,s:{s:s,s:s,s:s},s:s,s:i}", "id", "q1", "text", "We win",
			       "speaker", "name", "John Smith", "role", "chairman", "org",
			       "Acme Federation", "passage", "acme-1#4", "paragraph", 4);
	json_t *q2 = json_pack("{s:s,s:s,s:s,s:i}", "id", "q2", "text", "Second",
			       "passage", "acme-1#5", "paragraph", 5);
	vb_cite_list_add_quote(l, rec, q1);
	vb_cite_list_add_quote(l, rec, q2);
	vb_cite_list_add_quote(l, rec, q1);   /* twice: kept once */
	json_t *items = vb_cite_list_finish(l);
	assert_int_equal(json_array_size(items), 1);
	json_t *item = json_array_get(items, 0);
	assert_string_equal(json_string_value(json_object_get(item, "id")), "acme2008legal");
	assert_string_equal(json_string_value(json_object_get(item, "note")),
			    "\xe2\x80\x9cWe win\xe2\x80\x9d \xe2\x80\x94 John Smith, chairman, "
			    "Acme Federation (para. 4)\n\xe2\x80\x9cSecond\xe2\x80\x9d \xe2\x80\x94 "
			    "speaker unknown (para. 5)");

	struct vb_buf out = VB_BUF_INIT;
	vb_cite_format_items(items, VB_CITE_BIBLATEX, &out);
	assert_non_null(strstr(out.buf, "@report{acme2008legal,\n"));
	assert_non_null(strstr(out.buf, "  author = {{Acme Federation}},\n"));
	assert_non_null(strstr(out.buf, "  title = {{Legal 100\\% \\& more}},\n"));
	assert_non_null(strstr(out.buf, "  type = {Press release},\n"));
	assert_non_null(strstr(out.buf, "  date = {2008-02-03},\n"));
	assert_non_null(strstr(out.buf, "  urldate = {2026-01-02},\n"));

	vb_buf_reset(&out);
	vb_cite_format_items(items, VB_CITE_RIS, &out);
	assert_memory_equal(out.buf, "TY  - RPRT\r\n", 12);
	assert_non_null(strstr(out.buf, "\r\nAU  - Acme Federation\r\n"));
	assert_non_null(strstr(out.buf, "\r\nPY  - 2008\r\nDA  - 2008/02/03/\r\n"));
	assert_non_null(strstr(out.buf, "\r\nY2  - 2026/01/02/\r\n"));
	assert_non_null(strstr(out.buf, "\r\nN1  - \xe2\x80\x9cWe win\xe2\x80\x9d"));
	assert_string_equal(out.buf + out.len - 8, "ER  - \r\n");
	/* No bare line feeds. */
	for (size_t i = 0; i < out.len; i++)
		if (out.buf[i] == '\n')
			assert_int_equal(out.buf[i - 1], '\r');

	vb_buf_reset(&out);
	vb_cite_format_items(items, VB_CITE_MARKDOWN, &out);
	assert_non_null(strstr(out.buf, "- **acme2008legal** Acme Federation. (2008, February 3). "
				   "*Legal 100% & more* [Press release]."));
	assert_non_null(strstr(out.buf, "  > \xe2\x80\x94 John Smith, chairman, Acme Federation (para. 4)\n"));
	vb_buf_release(&out);
	vb_cite_list_free(l);
	json_decref(q1);
	json_decref(q2);
	json_decref(rec);
}

/* Reported speech is no quotation: no quotation marks in any format. */
static void reported_speech_is_not_quoted(void **state)
{
	(void)state;
	json_t *rec = record("acme-2", "press_release", "Tariffs", "2008-02-03",
			     "Acme Federation", "Acme Federation");
	struct vb_cite_list *l = vb_cite_list_new("2026-01-02");
	json_t *said = json_pack("{s:s,s:s,s:s,s:{s:s},s:s,s:i}", "id", "q1", "text",
				 "the tariff would be withdrawn", "quote_kind", "indirect",
				 "speaker", "name", "John Smith", "passage", "acme-2#2",
				 "paragraph", 2);
	json_t *words = json_pack("{s:s,s:s,s:s,s:{s:s},s:s,s:i}", "id", "q2", "text",
				  "We win", "quote_kind", "direct", "speaker", "name",
				  "John Smith", "passage", "acme-2#3", "paragraph", 3);
	vb_cite_list_add_quote(l, rec, said);
	vb_cite_list_add_quote(l, rec, words);
	json_t *items = vb_cite_list_finish(l);
	json_t *item = json_array_get(items, 0);
	assert_string_equal(json_string_value(json_object_get(item, "note")),
			    "(reported) the tariff would be withdrawn \xe2\x80\x94 John Smith "
			    "(para. 2)\n\xe2\x80\x9cWe win\xe2\x80\x9d \xe2\x80\x94 John Smith (para. 3)");
	static const enum vb_cite_format formats[] = { VB_CITE_RIS, VB_CITE_MARKDOWN, VB_CITE_TEXT };
	for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
		struct vb_buf out = VB_BUF_INIT;
		vb_cite_format_items(items, formats[f], &out);
		assert_non_null(strstr(out.buf, "(reported) the tariff would be withdrawn"));
		assert_null(strstr(out.buf, "\xe2\x80\x9cthe tariff"));
		assert_non_null(strstr(out.buf, "\xe2\x80\x9cWe win\xe2\x80\x9d"));
		vb_buf_release(&out);
	}
	vb_cite_list_free(l);
	json_decref(said);
	json_decref(words);
	json_decref(rec);
}

static void formats_parse_by_name(void **state)
{
	(void)state;
	assert_int_equal(vb_cite_format_parse("csl-json"), VB_CITE_CSL_JSON);
	assert_int_equal(vb_cite_format_parse("ris"), VB_CITE_RIS);
	assert_int_equal(vb_cite_format_parse("bibtex"), -1);
	assert_string_equal(vb_cite_format_name(VB_CITE_BIBLATEX), "biblatex");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keys_are_readable),
		cmocka_unit_test(colliding_keys_get_suffixes_in_date_order),
		cmocka_unit_test(names_split_into_kinds),
		cmocka_unit_test(biblatex_escapes_specials),
		cmocka_unit_test(formats_write_the_fields),
		cmocka_unit_test(reported_speech_is_not_quoted),
		cmocka_unit_test(formats_parse_by_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
