/* test_snippet.c: snippets show the query's words, found by stem, in a good window. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "snippet.h"

static char t1[] = "Zlawsuit", t2[] = "Zifsrp", t3[] = "Z协会", w1[] = "Znegotiat";
static char *terms[] = { t1, t2, t3 };
static char *wild[] = { w1 };

static void highlighted(const struct vb_snippet *s, size_t i, const char *expect)
{
	assert_true(i < s->highlights.n);
	const struct vb_span *h = &s->highlights.v[i];
	assert_int_equal(h->end - h->start, strlen(expect));
	assert_memory_equal(s->text.buf + h->start, expect, strlen(expect));
}

static void short_passage_is_whole_with_stems_marked(void **state)
{
	(void)state;
	struct vb_highlighter *h = vb_highlighter_new(terms, 3, wild, 1);
	struct vb_snippet s;
	const char *text = "The IFSRP\xe2\x80\x99s lawsuits followed negotiations.";
	vb_snippet_init(&s);
	assert_int_equal(vb_snippet_make(h, text, strlen(text), "en", 240, &s, NULL), 0);
	assert_string_equal(s.text.buf, text);
	assert_int_equal(s.highlights.n, 3);
	highlighted(&s, 0, "IFSRP\xe2\x80\x99s");
	highlighted(&s, 1, "lawsuits");
	highlighted(&s, 2, "negotiations");
	vb_snippet_release(&s);
	vb_highlighter_free(h);
}

static void long_passage_window_holds_the_matches(void **state)
{
	(void)state;
	struct vb_highlighter *h = vb_highlighter_new(terms, 3, wild, 1);
	struct vb_snippet s;
	struct vb_buf text = VB_BUF_INIT;
	for (int i = 0; i < 40; i++)
		vb_buf_adds(&text, "Nothing relevant is said in this sentence at all. ");
	vb_buf_adds(&text, "Then the lawsuit was filed by the federation. ");
	for (int i = 0; i < 40; i++)
		vb_buf_adds(&text, "More filler follows the important part here. ");
	vb_snippet_init(&s);
	assert_int_equal(vb_snippet_make(h, text.buf, text.len, "en", 120, &s, NULL), 0);
	assert_true(s.text.len <= 120 + 2 * strlen("\xe2\x80\xa6") + 8);
	assert_non_null(strstr(s.text.buf, "lawsuit was filed"));
	assert_memory_equal(s.text.buf, "\xe2\x80\xa6", 3);   /* cut at the start */
	assert_int_equal(s.highlights.n, 1);
	highlighted(&s, 0, "lawsuit");
	vb_snippet_release(&s);
	vb_buf_release(&text);
	vb_highlighter_free(h);
}

static void chinese_words_are_marked(void **state)
{
	(void)state;
	struct vb_highlighter *h = vb_highlighter_new(terms, 3, NULL, 0);
	struct vb_snippet s;
	const char *text = "国际唱片业协会今天宣布。";
	vb_snippet_init(&s);
	assert_int_equal(vb_snippet_make(h, text, strlen(text), "zh", 240, &s, NULL), 0);
	assert_true(s.highlights.n >= 1);
	highlighted(&s, 0, "协会");
	vb_snippet_release(&s);
	vb_highlighter_free(h);
}

static void no_match_gives_the_start(void **state)
{
	(void)state;
	struct vb_highlighter *h = vb_highlighter_new(terms, 3, NULL, 0);
	struct vb_snippet s;
	struct vb_buf text = VB_BUF_INIT;
	for (int i = 0; i < 50; i++)
		vb_buf_adds(&text, "Plain words only. ");
	vb_snippet_init(&s);
	assert_int_equal(vb_snippet_make(h, text.buf, text.len, "en", 100, &s, NULL), 0);
	assert_memory_equal(s.text.buf, "Plain words only.", 17);
	assert_int_equal(s.highlights.n, 0);
	vb_snippet_release(&s);
	vb_buf_release(&text);
	vb_highlighter_free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(short_passage_is_whole_with_stems_marked),
		cmocka_unit_test(long_passage_window_holds_the_matches),
		cmocka_unit_test(chinese_words_are_marked),
		cmocka_unit_test(no_match_gives_the_start),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
