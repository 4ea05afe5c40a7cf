/* test_util.c: byte buffers, string sets and option helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/buf.h"
#include "util/dl.h"
#include "util/strset.h"
#include "util/usage.h"

static void buf_starts_empty_and_terminated(void **state)
{
	(void)state;
	struct vb_buf b = VB_BUF_INIT;
	assert_non_null(b.buf);
	assert_string_equal(b.buf, "");
	vb_buf_release(&b);
	assert_string_equal(b.buf, "");
}

static void buf_appends_and_formats(void **state)
{
	(void)state;
	struct vb_buf b = VB_BUF_INIT;
	vb_buf_adds(&b, "abc");
	vb_buf_addch(&b, '-');
	vb_buf_addf(&b, "%d/%s", 42, "x");
	assert_string_equal(b.buf, "abc-42/x");
	assert_int_equal(b.len, 8);
	vb_buf_truncate(&b, 3);
	assert_string_equal(b.buf, "abc");
	vb_buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.buf, "");
	vb_buf_release(&b);
}

static void buf_grows_past_many_doublings(void **state)
{
	(void)state;
	struct vb_buf b = VB_BUF_INIT;
	for (int i = 0; i < 100000; i++)
		vb_buf_addch(&b, 'a' + i % 26);
	assert_int_equal(b.len, 100000);
	assert_int_equal(b.buf[99999], 'a' + 99999 % 26);
	assert_int_equal(b.buf[100000], '\0');
	size_t len;
	char *s = vb_buf_detach(&b, &len);
	assert_int_equal(len, 100000);
	assert_int_equal(b.len, 0);
	free(s);
}

static void buf_encodes_utf8(void **state)
{
	(void)state;
	struct vb_buf b = VB_BUF_INIT;
	vb_buf_add_utf8(&b, 'A');
	vb_buf_add_utf8(&b, 0xE9);      /* é */
	vb_buf_add_utf8(&b, 0x201C);    /* “ */
	vb_buf_add_utf8(&b, 0x1F600);   /* emoji */
	assert_string_equal(b.buf, "A\xc3\xa9\xe2\x80\x9c\xf0\x9f\x98\x80");
	vb_buf_release(&b);
}

static void detach_of_empty_buffer_is_owned(void **state)
{
	(void)state;
	struct vb_buf b = VB_BUF_INIT;
	char *s = vb_buf_detach(&b, NULL);
	assert_string_equal(s, "");
	free(s);   /* must be a heap string, not the static empty one */
}

static void strset_adds_once_and_iterates(void **state)
{
	(void)state;
	struct vb_strset set = VB_STRSET_INIT;
	char name[32];
	for (int i = 0; i < 1000; i++) {
		snprintf(name, sizeof(name), "doc-%d", i);
		assert_true(vb_strset_add(&set, name));
	}
	assert_false(vb_strset_add(&set, "doc-7"));
	assert_true(vb_strset_has(&set, "doc-999"));
	assert_false(vb_strset_has(&set, "doc-1000"));
	assert_int_equal(set.n, 1000);
	size_t it = 0, count = 0;
	while (vb_strset_next(&set, &it))
		count++;
	assert_int_equal(count, 1000);
	vb_strset_release(&set);
	assert_false(vb_strset_has(&set, "doc-1"));
}

static void strset_counts(void **state)
{
	(void)state;
	struct vb_strset set = VB_STRSET_INIT;
	assert_int_equal(vb_strset_count_add(&set, "tariff", 1), 1);
	assert_int_equal(vb_strset_count_add(&set, "tariff", 2), 3);
	assert_int_equal(vb_strset_count_add(&set, "quota", 0), 0);
	char name[16];
	for (int i = 0; i < 500; i++) {   /* force rehashes: counts survive */
		snprintf(name, sizeof(name), "w%d", i);
		vb_strset_count_add(&set, name, (unsigned)i);
	}
	assert_int_equal(vb_strset_count_add(&set, "tariff", 0), 3);
	assert_int_equal(vb_strset_count_add(&set, "w499", 1), 500);
	size_t it = 0;
	unsigned c, total = 0;
	while (vb_strset_next_count(&set, &it, &c))
		total += c;
	assert_int_equal(total, 3 + 499 * 500 / 2 + 1);
	vb_strset_release(&set);
}

static void strset_count_reads_and_sets(void **state)
{
	(void)state;
	struct vb_strset set = VB_STRSET_INIT;
	assert_int_equal(vb_strset_count(&set, "tariff"), 0);   /* empty set */
	vb_strset_count_set(&set, "tariff", 7);
	assert_int_equal(vb_strset_count(&set, "tariff"), 7);
	vb_strset_count_set(&set, "tariff", 2);
	assert_int_equal(vb_strset_count(&set, "tariff"), 2);
	assert_int_equal(vb_strset_count(&set, "quota"), 0);
	assert_false(vb_strset_has(&set, "quota"));   /* reading adds nothing */
	char name[16];
	for (int i = 0; i < 500; i++) {   /* each set may rehash the table */
		snprintf(name, sizeof(name), "w%d", i);
		vb_strset_count_set(&set, name, (unsigned)i + 1);
	}
	assert_int_equal(set.n, 501);
	assert_int_equal(vb_strset_count(&set, "w0"), 1);
	assert_int_equal(vb_strset_count(&set, "w499"), 500);
	assert_int_equal(vb_strset_count(&set, "tariff"), 2);
	vb_strset_release(&set);
}

static void db_path_prefers_option_then_environment(void **state)
{
	(void)state;
	unsetenv("VERBATIM_DB");
	assert_string_equal(vb_db_path(NULL), VB_DEFAULT_DB);
	setenv("VERBATIM_DB", "/tmp/from-env", 1);
	assert_string_equal(vb_db_path(NULL), "/tmp/from-env");
	assert_string_equal(vb_db_path("given"), "given");
	unsetenv("VERBATIM_DB");
}

static void parse_count_accepts_numbers_only(void **state)
{
	(void)state;
	assert_int_equal(vb_parse_count("--limit", "25", 100), 25);
	assert_int_equal(vb_parse_count("--limit", "0", 100), 0);
	vb_set_quiet(1);
	assert_int_equal(vb_parse_count("--limit", "x", 100), -1);
	assert_int_equal(vb_parse_count("--limit", "-3", 100), -1);
	assert_int_equal(vb_parse_count("--limit", "101", 100), -1);
	assert_int_equal(vb_parse_count("--limit", "12abc", 100), -1);
}

/* libm stands in for libxml2 and libmicrohttpd: always there. */
static void dl_load_fills_slots_or_says_why(void **state)
{
	(void)state;
	double (*cosine)(double) = NULL, (*square_root)(double) = NULL;
	char err[256] = "";
	static const char *const libm[] = { "libnothere.so.9", "libm.so.6", NULL };
	const struct vb_dl_sym syms[] = { { "cos", &cosine }, { "sqrt", &square_root } };
	assert_int_equal(vb_dl_load(libm, "libm", "libc6", syms, 2, err, sizeof(err)), 0);
	assert_string_equal(err, "");
	assert_true(cosine(0.0) == 1.0);
	assert_true(square_root(16.0) == 4.0);

	static const char *const none[] = { "libnothere.so.9", NULL };
	assert_int_equal(vb_dl_load(none, "libnothere", "nothere1", syms, 2, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "cannot load libnothere (Debian package nothere1): "));
	assert_non_null(strstr(err, "libnothere.so.9"));

	const struct vb_dl_sym missing[] = { { "cos", &cosine }, { "no_such_function", &cosine } };
	assert_int_equal(vb_dl_load(libm, "libm", "libc6", missing, 2, err, sizeof(err)), -1);
	assert_string_equal(err, "libm has no no_such_function");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buf_starts_empty_and_terminated),
		cmocka_unit_test(buf_appends_and_formats),
		cmocka_unit_test(buf_grows_past_many_doublings),
		cmocka_unit_test(buf_encodes_utf8),
		cmocka_unit_test(detach_of_empty_buffer_is_owned),
		cmocka_unit_test(strset_adds_once_and_iterates),
		cmocka_unit_test(strset_counts),
		cmocka_unit_test(strset_count_reads_and_sets),
		cmocka_unit_test(db_path_prefers_option_then_environment),
		cmocka_unit_test(parse_count_accepts_numbers_only),
		cmocka_unit_test(dl_load_fills_slots_or_says_why),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
