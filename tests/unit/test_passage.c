/* test_passage.c: paragraphs become passages; long ones split at sentences. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "passage.h"

static vb_tokenizer *tk;

static int setup(void **state)
{
	(void)state;
	return vb_tokenizer_new(&tk, NULL, NULL);
}

static int teardown(void **state)
{
	(void)state;
	vb_tokenizer_free(tk);
	return 0;
}

static void build(const char *text, struct vb_passages *out)
{
	out->n = 0;
	assert_int_equal(vb_passages_build(tk, text, strlen(text), NULL, out, NULL), 0);
}

static void assert_span(const char *text, const struct vb_passage *p, const char *expect)
{
	assert_int_equal(p->end - p->start, strlen(expect));
	assert_memory_equal(text + p->start, expect, strlen(expect));
}

/* Paragraphs longer than VB_PASSAGE_MIN stand alone. */
#define PAD " Padding follows so that this paragraph stands as a passage of its own, as long paragraphs do in real releases; it says nothing else, and it repeats itself. Padding follows so that this paragraph stands as a passage of its own, as long paragraphs do in real releases; it says nothing else, and it repeats itself. Padding follows so that this paragraph stands as a passage of its own."
#define LONG1 "The first paragraph is long enough to stand as a passage of its own, as it says here." PAD
#define LONG2 "The second paragraph wraps\nonto a second line and is also long enough to stand alone." PAD
#define LONG3 "A third paragraph closes the text, and it too is long enough to stand on its own." PAD

static void paragraphs_are_passages(void **state)
{
	(void)state;
	const char *text = LONG1 "\n\n" LONG2 "\n\n\n" LONG3 "\n";
	struct vb_passages p = { 0 };
	build(text, &p);
	assert_int_equal(p.n, 3);
	assert_span(text, &p.v[0], LONG1);
	assert_span(text, &p.v[1], LONG2);
	assert_span(text, &p.v[2], LONG3);
	assert_int_equal(p.v[0].paragraph, 1);
	assert_int_equal(p.v[2].paragraph, 3);
	vb_passages_release(&p);
}

static void assert_covers(const char *text, const struct vb_passages *p);

static void short_paragraphs_join_a_neighbour(void **state)
{
	(void)state;
	/* A dateline and a heading join what follows; "Ends" joins what
	 * precedes it, at the end. */
	const char *text = "LONDON, 12 April 2005\n\n" LONG1 "\n\nBackground\n\n" LONG2
			   "\n\nEnds\n";
	struct vb_passages p = { 0 };
	build(text, &p);
	assert_int_equal(p.n, 2);
	assert_span(text, &p.v[0], "LONDON, 12 April 2005\n\n" LONG1);
	assert_int_equal(p.v[0].paragraph, 1);
	assert_span(text, &p.v[1], "Background\n\n" LONG2 "\n\nEnds");
	assert_int_equal(p.v[1].paragraph, 3);
	/* A text that is one short paragraph is still one passage. */
	build("Short.", &p);
	assert_int_equal(p.n, 1);
	/* Wire copy: one-sentence paragraphs join until the passage is long
	 * enough, never past the maximum. */
	struct vb_buf wire = VB_BUF_INIT;
	for (int i = 0; i < 40; i++)
		vb_buf_addf(&wire, "Sentence %d of the wire story says one short thing only.\n\n", i);
	build(wire.buf, &p);
	assert_true(p.n >= 3 && p.n <= 40 / 6);
	for (size_t i = 0; i + 1 < p.n; i++)
		assert_true(p.v[i].end - p.v[i].start >= VB_PASSAGE_MIN);
	assert_covers(wire.buf, &p);
	vb_buf_release(&wire);
	vb_passages_release(&p);
}

static void empty_text_has_no_passages(void **state)
{
	(void)state;
	struct vb_passages p = { 0 };
	build("", &p);
	assert_int_equal(p.n, 0);
	build(" \n\n \t\n", &p);
	assert_int_equal(p.n, 0);
	vb_passages_release(&p);
}

/* Every byte of non-space text is in exactly one passage, in order. */
static void assert_covers(const char *text, const struct vb_passages *p)
{
	size_t at = 0;
	for (size_t i = 0; i < p->n; i++) {
		assert_true(p->v[i].start >= at);
		for (size_t k = at; k < p->v[i].start; k++)
			assert_true(strchr(" \n\t\r", text[k]) != NULL);
		assert_true(p->v[i].end > p->v[i].start);
		assert_true(p->v[i].end - p->v[i].start <= VB_PASSAGE_MAX);
		at = p->v[i].end;
	}
	for (size_t k = at; text[k]; k++)
		assert_true(strchr(" \n\t\r", text[k]) != NULL);
}

static void long_paragraph_splits_at_sentences(void **state)
{
	(void)state;
	struct vb_buf b = VB_BUF_INIT;
	for (int i = 0; b.len < 5 * VB_PASSAGE_MAX; i++)
		vb_buf_addf(&b, "Sentence number %d of the long address ends here. ", i);
	struct vb_passages p = { 0 };
	build(b.buf, &p);
	assert_true(p.n >= 5);
	assert_covers(b.buf, &p);
	for (size_t i = 0; i < p.n; i++) {
		/* Each passage starts a sentence and ends one. */
		assert_memory_equal(b.buf + p.v[i].start, "Sentence", 8);
		assert_int_equal(b.buf[p.v[i].end - 1], '.');
		assert_int_equal(p.v[i].paragraph, 1);
	}
	vb_passages_release(&p);
	vb_buf_release(&b);
}

static void run_on_text_is_cut_at_spaces(void **state)
{
	(void)state;
	struct vb_buf b = VB_BUF_INIT;
	while (b.len < 6 * VB_PASSAGE_MAX)
		vb_buf_adds(&b, "word ");
	struct vb_passages p = { 0 };
	build(b.buf, &p);
	assert_true(p.n >= 6);
	assert_covers(b.buf, &p);
	for (size_t i = 0; i < p.n; i++)
		assert_memory_equal(b.buf + p.v[i].start, "word", 4);
	vb_passages_release(&p);
	vb_buf_release(&b);
}

static void text_without_spaces_is_cut_at_character_boundaries(void **state)
{
	(void)state;
	struct vb_buf b = VB_BUF_INIT;
	while (b.len < 4 * VB_PASSAGE_MAX + 1)
		vb_buf_adds(&b, "\xc3\xa9");   /* é, two bytes, no space anywhere */
	struct vb_passages p = { 0 };
	build(b.buf, &p);
	assert_true(p.n >= 5);
	assert_covers(b.buf, &p);
	for (size_t i = 0; i < p.n; i++) {
		assert_int_equal((unsigned char)b.buf[p.v[i].start], 0xc3);
		assert_int_equal((unsigned char)b.buf[p.v[i].end - 1], 0xa9);
	}
	vb_passages_release(&p);
	vb_buf_release(&b);
}

static void skipped_ranges_leave_paragraphs_out(void **state)
{
	(void)state;
	const char *text = LONG1 "\n\nAn error occurred. Please try again.";
	struct vb_span junk = { strlen(LONG1) + 2, strlen(text) };
	struct vb_spans skip = { &junk, 1, 1 };
	struct vb_passages p = { 0 };
	assert_int_equal(vb_passages_build(tk, text, strlen(text), &skip, &p, NULL), 0);
	assert_int_equal(p.n, 1);
	assert_span(text, &p.v[0], LONG1);
	vb_passages_release(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paragraphs_are_passages),
		cmocka_unit_test(short_paragraphs_join_a_neighbour),
		cmocka_unit_test(empty_text_has_no_passages),
		cmocka_unit_test(long_paragraph_splits_at_sentences),
		cmocka_unit_test(run_on_text_is_cut_at_spaces),
		cmocka_unit_test(text_without_spaces_is_cut_at_character_boundaries),
		cmocka_unit_test(skipped_ranges_leave_paragraphs_out),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
