/* test_extract_entities.c: persons, organisations, places, money and percentages in core/extract. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "extract/extract.h"

static vb_extractor *ex;

static int setup(void **state)
{
	(void)state;
	return vb_extractor_new(&ex, NULL, NULL);
}

static int teardown(void **state)
{
	(void)state;
	vb_extractor_free(ex);
	return 0;
}

static void run(const char *text, const struct vb_extract_opts *opts,
		struct vb_extraction *x)
{
	assert_int_equal(vb_extract(ex, text, strlen(text), opts, x, NULL), 0);
}

static void expect(const struct vb_extraction *x, const char *text,
		   enum vb_entity_type type, const char *canonical)
{
	for (size_t i = 0; i < x->nentities; i++) {
		const struct vb_entity *e = &x->entities[i];
		if (strcmp(e->text, text) || e->type != type)
			continue;
		assert_string_equal(e->canonical, canonical);
		return;
	}
	for (size_t i = 0; i < x->nentities; i++)
		fprintf(stderr, "  have: %s '%s' -> %s\n",
			vb_entity_type_name(x->entities[i].type), x->entities[i].text,
			x->entities[i].canonical);
	fail_msg("no %s entity '%s'", vb_entity_type_name(type), text);
}

static bool has_entity(const struct vb_extraction *x, const char *text)
{
	for (size_t i = 0; i < x->nentities; i++)
		if (!strcmp(x->entities[i].text, text))
			return true;
	return false;
}

static void test_money_percent(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("It paid $4.5 million, then EUR 200,000 and \u20ac3m, plus "
	    "\u00a31.2bn and 50,000 dlrs, US$ 3 billion and 3 mln dlrs. Margins "
	    "were 6.4 pct, 40%, 12 per cent and two percent.\n", NULL, &x);
	expect(&x, "$4.5 million", VB_ENTITY_MONEY, "USD 4500000");
	expect(&x, "EUR 200,000", VB_ENTITY_MONEY, "EUR 200000");
	expect(&x, "\u20ac3m", VB_ENTITY_MONEY, "EUR 3000000");
	expect(&x, "\u00a31.2bn", VB_ENTITY_MONEY, "GBP 1200000000");
	expect(&x, "50,000 dlrs", VB_ENTITY_MONEY, "USD 50000");
	expect(&x, "US$ 3 billion", VB_ENTITY_MONEY, "USD 3000000000");
	expect(&x, "3 mln dlrs", VB_ENTITY_MONEY, "USD 3000000");
	expect(&x, "6.4 pct", VB_ENTITY_PERCENT, "6.4%");
	expect(&x, "40%", VB_ENTITY_PERCENT, "40%");
	expect(&x, "12 per cent", VB_ENTITY_PERCENT, "12%");
	expect(&x, "two percent", VB_ENTITY_PERCENT, "2%");
	vb_extraction_release(&x);
}

static void test_names(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("The International Federation of Kite Makers (IFKM) met in Lisbon. "
	    "The IFKM, which represents 300 workshops, elected Mr Tobias Wren. "
	    "Wren said Sogou's offer and KaZaA's and Kazaa's terms were poor. "
	    "The Halvorsen Group, a Bergen-based firm, and Dr Amara Osei of "
	    "Northgate University attended. She flew in from Kenya.\n",
	    NULL, &x);
	expect(&x, "International Federation of Kite Makers",
	       VB_ENTITY_ORGANISATION, "International Federation of Kite Makers");
	expect(&x, "IFKM", VB_ENTITY_ORGANISATION,
	       "International Federation of Kite Makers");
	expect(&x, "Lisbon", VB_ENTITY_PLACE, "Lisbon");
	expect(&x, "Tobias Wren", VB_ENTITY_PERSON, "Tobias Wren");
	expect(&x, "Wren", VB_ENTITY_PERSON, "Tobias Wren");
	expect(&x, "Halvorsen Group", VB_ENTITY_ORGANISATION, "Halvorsen Group");
	expect(&x, "Bergen", VB_ENTITY_PLACE, "Bergen");
	expect(&x, "Amara Osei", VB_ENTITY_PERSON, "Amara Osei");
	expect(&x, "Northgate University", VB_ENTITY_ORGANISATION,
	       "Northgate University");
	expect(&x, "Kenya", VB_ENTITY_PLACE, "Kenya");
	/* Possessives are stripped; case variants are one organisation. */
	assert_false(has_entity(&x, "Sogou's"));
	vb_extraction_release(&x);

	run("Shares of Brightwater Ltd rose. BRIGHTWATER LTD said later that "
	    "Brightwater Ltd would pay. Talks with Pellham Corp ended, and "
	    "PELLHAM CORP said so.\n", NULL, &x);
	for (size_t i = 0; i < x.nentities; i++)
		if (strstr(x.entities[i].text, "ellham") ||
		    strstr(x.entities[i].text, "ELLHAM"))
			assert_string_equal(x.entities[i].canonical, "Pellham Corp");
	vb_extraction_release(&x);
}

static void test_aliases(void **state)
{
	(void)state;
	struct vb_aliases *a = NULL;
	struct vb_buf err = VB_BUF_INIT;
	assert_int_equal(vb_aliases_load(&a, VB_TEST_DATA "/extract/aliases.tsv",
					 &err), 0);
	struct vb_extract_opts opts = { .aliases = a };
	struct vb_extraction x;
	run("Staff at NWT met Dr Rennick on Friday. Northwind said sales grew.\n",
	    &opts, &x);
	expect(&x, "NWT", VB_ENTITY_ORGANISATION, "Northwind Trading Company");
	expect(&x, "Northwind", VB_ENTITY_ORGANISATION, "Northwind Trading Company");
	expect(&x, "Rennick", VB_ENTITY_PERSON, "Alba Rennick");
	vb_extraction_release(&x);
	vb_aliases_free(a);

	assert_int_equal(vb_aliases_load(&a, VB_TEST_DATA "/extract/missing.tsv",
					 &err), VB_EXTRACT_EIO);
	assert_non_null(strstr(err.buf, "cannot open"));
	vb_buf_release(&err);
}

static void test_gazetteer(void **state)
{
	(void)state;
	struct vb_extractor_config cfg = { .iso_codes_dir = "/nonexistent" };
	vb_extractor *small;
	assert_int_equal(vb_extractor_new(&small, &cfg, NULL), 0);
	/* Without iso-codes the built-in cities and countries remain. */
	assert_true(vb_extractor_gazetteer_size(small) > 300);
	struct vb_extraction x;
	assert_int_equal(vb_extract(small, "Talks moved to Nairobi.\n", 24, NULL,
				    &x, NULL), 0);
	assert_true(has_entity(&x, "Nairobi"));
	vb_extraction_release(&x);
	size_t builtin = vb_extractor_gazetteer_size(small);
	vb_extractor_free(small);
	/* With Debian's iso-codes installed, subdivisions are added. */
	if (vb_extractor_gazetteer_size(ex) <= builtin)
		skip();
	assert_true(vb_extractor_gazetteer_size(ex) > builtin + 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money_percent),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_gazetteer),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
