/* test_dups.c: copies on a page of results (dups.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db.h"
#include "dups.h"

static json_t *item(const char *id, const char *text, const char *speaker)
{
	return json_pack("{s:s,s:s,s:{s:s}}", "id", id, "text", text, "speaker", "key", speaker);
}

static const char *dup_of(json_t *items, size_t i)
{
	return vb_json_str(json_array_get(items, i), "duplicate_of");
}

static void copies_point_at_the_first(void **state)
{
	(void)state;
	json_t *page = json_array();
	json_array_append_new(page, item("a#1", "The dam will hold 40 billion litres.", "k1"));
	json_array_append_new(page, item("b#1", "Something else entirely.", "k1"));
	/* case, spacing and punctuation are typesetting */
	json_array_append_new(page, item("c#1", "the dam  will hold 40 billion litres", "k1"));
	json_array_append_new(page, item("d#1", "THE DAM WILL HOLD 40 BILLION LITRES!", "k2"));
	json_array_append_new(page, item("e#1", "", "k1"));
	json_array_append_new(page, item("f#1", "", "k1"));
	json_array_append_new(page, item("g#1", "Something else, entirely", "k1"));

	vb_mark_duplicates(page, 0);
	assert_string_equal(dup_of(page, 0), "");
	assert_string_equal(dup_of(page, 1), "");
	assert_string_equal(dup_of(page, 2), "a#1");
	assert_string_equal(dup_of(page, 3), "a#1");
	/* an empty text is nobody's copy */
	assert_string_equal(dup_of(page, 4), "");
	assert_string_equal(dup_of(page, 5), "");
	assert_string_equal(dup_of(page, 6), "b#1");

	size_t *orig = vb_duplicate_origins(page);
	size_t want[] = { SIZE_MAX, SIZE_MAX, 0, 0, SIZE_MAX, SIZE_MAX, 1 };
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		assert_int_equal(orig[i], want[i]);
	free(orig);
	json_decref(page);
}

static void quotes_need_the_same_speaker(void **state)
{
	(void)state;
	json_t *page = json_array();
	json_array_append_new(page, item("a#1", "We will build it.", "k1"));
	json_array_append_new(page, item("b#1", "We will build it.", "k2"));
	json_array_append_new(page, item("c#1", "We will build it", "k2"));
	json_array_append_new(page, item("d#1", "We will build it!", "k1"));

	vb_mark_duplicates(page, 1);
	assert_string_equal(dup_of(page, 0), "");
	assert_string_equal(dup_of(page, 1), "");
	assert_string_equal(dup_of(page, 2), "b#1");
	assert_string_equal(dup_of(page, 3), "a#1");

	size_t *orig = vb_duplicate_origins(page);
	assert_int_equal(orig[0], SIZE_MAX);
	assert_int_equal(orig[1], SIZE_MAX);
	assert_int_equal(orig[2], 1);
	assert_int_equal(orig[3], 0);
	free(orig);
	json_decref(page);
}

static void an_unknown_original_is_none(void **state)
{
	(void)state;
	json_t *page = json_array();
	json_array_append_new(page, item("a#1", "One.", "k1"));
	json_t *copy = item("b#1", "One.", "k1");
	json_object_set_new(copy, "duplicate_of", json_string("gone#9"));
	json_array_append_new(page, copy);
	size_t *orig = vb_duplicate_origins(page);
	assert_int_equal(orig[0], SIZE_MAX);
	assert_int_equal(orig[1], SIZE_MAX);
	free(orig);
	json_decref(page);

	page = json_array();
	orig = vb_duplicate_origins(page);
	assert_non_null(orig);
	free(orig);
	json_decref(page);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(copies_point_at_the_first),
		cmocka_unit_test(quotes_need_the_same_speaker),
		cmocka_unit_test(an_unknown_original_is_none),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
