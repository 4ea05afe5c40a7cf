/* test_verify.c: the word alignment behind `verify`: exact, changed, dropped and added words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "verify.h"

/* Split a copy of `s` at spaces into words[]; returns the count. */
static size_t split(char *s, const char **words, size_t max)
{
	size_t n = 0;
	for (char *w = strtok(s, " "); w && n < max; w = strtok(NULL, " "))
		words[n++] = w;
	return n;
}

struct aligned {
	struct vb_alignment a;
	char qbuf[512], pbuf[512];
	const char *q[64], *p[64];
	size_t m, n;
};

static void align(struct aligned *x, const char *q, const char *p)
{
	snprintf(x->qbuf, sizeof(x->qbuf), "%s", q);
	snprintf(x->pbuf, sizeof(x->pbuf), "%s", p);
	x->m = split(x->qbuf, x->q, 64);
	x->n = split(x->pbuf, x->p, 64);
	vb_align_words(x->q, x->m, x->p, x->n, &x->a);
}

/* The ops as a string: "=" equal, "-" delete, "+" insert. */
static void ops(const struct vb_alignment *a, char *out)
{
	for (size_t i = 0; i < a->nsteps; i++)
		out[i] = a->steps[i].op == VB_ALIGN_EQUAL ? '=' : a->steps[i].op == VB_ALIGN_DELETE ? '-' : '+';
	out[a->nsteps] = '\0';
}

static const char passage[] = "the chairman said we have spent two years trying to persuade "
			      "them and every offer was declined";

static void exact_window_inside_a_passage(void **state)
{
	(void)state;
	struct aligned x;
	char o[128];
	align(&x, "we have spent two years", passage);
	assert_int_equal(x.a.cost, 0);
	assert_int_equal(x.a.start, 3);
	assert_int_equal(x.a.end, 8);
	assert_int_equal(x.a.equal, 5);
	ops(&x.a, o);
	assert_string_equal(o, "=====");
	assert_true(vb_align_similarity(&x.a, x.m) == 1.0);
	vb_alignment_release(&x.a);
}

static void changed_word_is_delete_and_insert(void **state)
{
	(void)state;
	struct aligned x;
	char o[128];
	align(&x, "we have spent three years trying", passage);
	assert_int_equal(x.a.cost, 1);
	assert_int_equal(x.a.start, 3);
	assert_int_equal(x.a.end, 9);
	ops(&x.a, o);
	assert_string_equal(o, "===-+==");
	assert_string_equal(x.q[x.a.steps[3].q], "three");
	assert_string_equal(x.p[x.a.steps[4].p], "two");
	double s = vb_align_similarity(&x.a, x.m);
	assert_true(s > 0.83 && s < 0.84);   /* 2 * 5 / 12 */
	vb_alignment_release(&x.a);
}

static void dropped_and_added_words(void **state)
{
	(void)state;
	struct aligned x;
	char o[128];
	/* "two" dropped from the quote: the original has a word more. */
	align(&x, "we have spent years trying", passage);
	assert_int_equal(x.a.cost, 1);
	ops(&x.a, o);
	assert_string_equal(o, "===+==");
	vb_alignment_release(&x.a);
	/* A word added in the quote. */
	align(&x, "every single offer was declined", passage);
	ops(&x.a, o);
	assert_string_equal(o, "=-===");
	assert_int_equal(x.a.end, x.n);
	vb_alignment_release(&x.a);
}

static void unrelated_words_score_low(void **state)
{
	(void)state;
	struct aligned x;
	align(&x, "completely different sentence about weather", passage);
	assert_true(vb_align_similarity(&x.a, x.m) < VB_VERIFY_THRESHOLD);
	vb_alignment_release(&x.a);
	align(&x, "anything", "");
	assert_int_equal(x.a.cost, 1);
	assert_true(vb_align_similarity(&x.a, x.m) == 0.0);
	vb_alignment_release(&x.a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exact_window_inside_a_passage),
		cmocka_unit_test(changed_word_is_delete_and_insert),
		cmocka_unit_test(dropped_and_added_words),
		cmocka_unit_test(unrelated_words_score_low),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
