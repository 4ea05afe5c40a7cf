/* test_extract.c: quotes, speakers and boilerplate of core/extract on text written for the tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/extract.h"

static vb_extractor *ex;

static int setup(void **state)
{
	(void)state;
	struct vb_buf err = VB_BUF_INIT;
	int rc = vb_extractor_new(&ex, NULL, &err);
	vb_buf_release(&err);
	return rc;
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
	struct vb_buf err = VB_BUF_INIT;
	assert_int_equal(vb_extract(ex, text, strlen(text), opts, x, &err), 0);
	vb_buf_release(&err);
}

/* The quote whose text contains `needle`, or NULL. */
static const struct vb_quote *find_quote(const struct vb_extraction *x,
					 const char *needle)
{
	/* A quote starting with the words wins over one containing them. */
	for (size_t i = 0; i < x->nquotes; i++)
		if (!strncmp(x->quotes[i].text, needle, strlen(needle)))
			return &x->quotes[i];
	for (size_t i = 0; i < x->nquotes; i++)
		if (strstr(x->quotes[i].text, needle))
			return &x->quotes[i];
	return NULL;
}

static const struct vb_quote *must_quote(const struct vb_extraction *x,
					 const char *needle)
{
	const struct vb_quote *q = find_quote(x, needle);
	if (!q) {
		for (size_t i = 0; i < x->nquotes; i++)
			fprintf(stderr, "  have: [%s] %s\n",
				vb_quote_kind_name(x->quotes[i].kind), x->quotes[i].text);
		fail_msg("no quote containing '%s'", needle);
	}
	return q;
}

static void assert_speaker(const struct vb_quote *q, const char *name,
			   enum vb_speaker_type type)
{
	if (!q->has_speaker)
		fail_msg("quote '%s' has no speaker (wanted '%s')", q->text, name);
	assert_string_equal(q->speaker.canonical, name);
	assert_int_equal(q->speaker.type, type);
}

static void test_direct_after(void **state)
{
	(void)state;
	const char *text =
		"The Harbour Board met on Monday.\n\n"
		"\"We will not accept these terms,\" said Maria Lindqvist, chairwoman "
		"and chief executive of the Northern Ferries Federation.\n\n"
		"\"The offer is fair,\" Tomas Brenner said.\n";
	struct vb_extraction x;

	run(text, NULL, &x);
	const struct vb_quote *q = must_quote(&x, "We will not accept");
	assert_int_equal(q->kind, VB_QUOTE_DIRECT);
	assert_string_equal(q->text, "We will not accept these terms,");
	assert_string_equal(q->cue, "said");
	assert_speaker(q, "Maria Lindqvist", VB_SPEAKER_PERSON);
	assert_non_null(q->speaker.role);
	assert_string_equal(q->speaker.role, "chairwoman and chief executive");
	assert_non_null(q->speaker.org);
	assert_string_equal(q->speaker.org, "Northern Ferries Federation");
	/* The span is the text inside the marks. */
	assert_int_equal(q->nspans, 1);
	assert_memory_equal(text + q->spans[0].start, "We will", 7);
	assert_int_equal(text[q->spans[0].end], '"');

	q = must_quote(&x, "The offer is fair");
	assert_speaker(q, "Tomas Brenner", VB_SPEAKER_PERSON);
	assert_int_equal(q->kind, VB_QUOTE_DIRECT);
	vb_extraction_release(&x);

	/* A role whose complement names no organisation by name: the
	 * board's lowercase noun does not make the speaker one. */
	run("\"We are ready for the summer,\" said Marion Kett, chair of the "
	    "harbour board.\n", NULL, &x);
	q = must_quote(&x, "We are ready");
	assert_speaker(q, "Marion Kett", VB_SPEAKER_PERSON);
	assert_non_null(q->speaker.role);
	assert_string_equal(q->speaker.role, "chair of the harbour board");
	vb_extraction_release(&x);
}

static void test_colon_and_interrupted(void **state)
{
	(void)state;
	const char *text =
		"Olga Petrenko, the head of the Dairy Growers Union, said: "
		"\u201cPrices have collapsed.\u201d\n\n"
		"\u201cWe asked for help,\u201d she said, \u201cand nobody "
		"answered.\u201d\n";
	struct vb_extraction x;

	run(text, NULL, &x);
	const struct vb_quote *q = must_quote(&x, "Prices have collapsed");
	assert_int_equal(q->kind, VB_QUOTE_DIRECT);
	assert_speaker(q, "Olga Petrenko", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.org, "Dairy Growers Union");

	q = must_quote(&x, "We asked for help");
	assert_int_equal(q->nspans, 2);
	assert_string_equal(q->text, "We asked for help, and nobody answered.");
	assert_speaker(q, "Olga Petrenko", VB_SPEAKER_PERSON);
	assert_non_null(q->speaker.mention);
	assert_string_equal(q->speaker.mention, "she");
	vb_extraction_release(&x);
}

static void test_reported_speech(void **state)
{
	(void)state;
	const char *text =
		"Bluewater Canning Corp said it has completed the sale of its "
		"packaging unit to a group of investors.\n"
		"    The company said the proceeds would reduce debt.\n"
		"    Sales of the unit rose 12 pct last year, the company said.\n"
		"    According to Helen Marsh, an analyst at Greyfield Partners, the "
		"price was too low.\n";
	struct vb_extraction x;

	run(text, NULL, &x);
	const struct vb_quote *q = must_quote(&x, "it has completed the sale");
	assert_int_equal(q->kind, VB_QUOTE_INDIRECT);
	assert_string_equal(q->text, "it has completed the sale of its packaging "
				     "unit to a group of investors");
	assert_speaker(q, "Bluewater Canning Corp", VB_SPEAKER_ORGANISATION);

	q = must_quote(&x, "the proceeds would reduce debt");
	assert_speaker(q, "Bluewater Canning Corp", VB_SPEAKER_ORGANISATION);
	assert_string_equal(q->speaker.mention, "The company");

	q = must_quote(&x, "Sales of the unit rose 12 pct last year");
	assert_int_equal(q->kind, VB_QUOTE_INDIRECT);
	assert_speaker(q, "Bluewater Canning Corp", VB_SPEAKER_ORGANISATION);

	q = must_quote(&x, "the price was too low");
	assert_speaker(q, "Helen Marsh", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "analyst");
	assert_string_equal(q->speaker.org, "Greyfield Partners");
	vb_extraction_release(&x);

	/* Nominal speakers with plain modifiers after their determiner; a
	 * plural needs none, and takes no words before it. */
	run("Shipping lines diverted 40 vessels during the strike, the port "
	    "authority said.\n"
	    "    In the past two years analysts said that margins had halved.\n"
	    "    \"Quotas cannot hold,\" said the regional manager for one of the "
	    "major oil companies.\n", NULL, &x);
	q = must_quote(&x, "Shipping lines diverted");
	assert_int_equal(q->kind, VB_QUOTE_INDIRECT);
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.mention, "the port authority");
	assert_int_equal(q->speaker.type, VB_SPEAKER_ORGANISATION);
	q = must_quote(&x, "margins had halved");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.mention, "analysts");
	q = must_quote(&x, "Quotas cannot hold");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.role, "regional manager");
	vb_extraction_release(&x);

	/* "He" and "they" after a speaker named by a noun phrase are that
	 * speaker, unless a person is named after it. */
	run("Group Inc has not been approached by Robert Jacoby about a stake, a "
	    "company spokesman said.\n"
	    "    He said the group would have no comment on the report.\n"
	    "    Output will reach 4.5 mln tonnes, palm oil growers said.\n"
	    "    The drought cut yields in the north, they said.\n"
	    "    A ministry official said exports would rise. Minister Anna Berg "
	    "opened the port on Monday.\n"
	    "    She said the port would double its capacity.\n", NULL, &x);
	q = must_quote(&x, "the group would have no comment");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "a company spokesman");
	assert_true(q->speaker.anonymous);
	q = must_quote(&x, "The drought cut yields");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "palm oil growers");
	q = must_quote(&x, "the port would double");
	assert_speaker(q, "Anna Berg", VB_SPEAKER_PERSON);
	vb_extraction_release(&x);

	/* A noun with a complement before the verb: the first noun speaks;
	 * a description stays whole ("people familiar with its finances"),
	 * an organisation it belongs to does not ("a spokesman for ...").
	 * "Another source" opening a sentence is no organisation, nor are
	 * "Dutch roasters"; "commented one delegate" names a speaker. */
	run("Cocoa exporters will limit sales, sources close to a meeting of the "
	    "Cocoa Producers Alliance (CPA) said.\n"
	    "    \"Prices will rise again,\" a spokesman for one of the major "
	    "Dutch roasters said.\n"
	    "    Revenue has more than doubled since 2003, people familiar with its "
	    "finances said.\n"
	    "    Another source said that limiting sales concerns next year's harvest.\n"
	    "    \"The price is just not interesting,\" commented one delegate "
	    "representing a major producer.\n"
	    "    Quality is short, Dutch roasters said.\n", NULL, &x);
	q = must_quote(&x, "Cocoa exporters will limit");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "sources close to a meeting");
	assert_string_equal(q->speaker.org, "Cocoa Producers Alliance");
	q = must_quote(&x, "Prices will rise again");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "a spokesman");
	q = must_quote(&x, "Revenue has more than doubled");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "people familiar with its finances");
	q = must_quote(&x, "limiting sales concerns");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "Another source");
	assert_null(q->speaker.org);
	q = must_quote(&x, "The price is just not interesting");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "one delegate");
	q = must_quote(&x, "Quality is short");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "Dutch roasters");
	assert_null(q->speaker.org);
	vb_extraction_release(&x);

	/* One unknown name: a person when the quote says "I" or the clause
	 * "he"; a company when it says "it". */
	run("\"I think prices will hold,\" Orvath said.\n"
	    "    Kestrin said he expected prices to hold.\n"
	    "    Bramwell said it expected sales to rise.\n", NULL, &x);
	q = must_quote(&x, "I think prices will hold");
	assert_int_equal(q->speaker.type, VB_SPEAKER_PERSON);
	q = must_quote(&x, "he expected prices");
	assert_int_equal(q->speaker.type, VB_SPEAKER_PERSON);
	q = must_quote(&x, "it expected sales");
	assert_int_equal(q->speaker.type, VB_SPEAKER_ORGANISATION);
	vb_extraction_release(&x);

	/* "A top U.S. Official said": wire copy's capital is no name. */
	run("A top U.S. Official said Japan has little chance of avoiding the "
	    "sanctions.\n", NULL, &x);
	q = must_quote(&x, "Japan has little chance");
	assert_int_equal(q->speaker.type, VB_SPEAKER_PERSON);
	assert_true(q->speaker.anonymous);
	vb_extraction_release(&x);

	run("Output will stay firm, Dutch roasters said.\n", NULL, &x);
	q = must_quote(&x, "Output will stay firm");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "Dutch roasters");
	assert_null(q->speaker.org);
	vb_extraction_release(&x);

	/* "one dealer", "another trader": anonymous speakers too. */
	run("\"They will stock it up at the next tender,\" one dealer said.\n", NULL, &x);
	q = must_quote(&x, "They will stock it up");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "one dealer");
	assert_true(q->speaker.anonymous);
	vb_extraction_release(&x);

	/* "quoted ... as saying": the one quoted speaks, not the quoter. */
	run("Nazer was quoted by the news agency as saying that the accord would "
	    "hold.\n"
	    "    Prices will rise next year, the newspaper quoted Anna Berg as saying.\n"
	    "    He was quoted in the report.\n", NULL, &x);
	q = must_quote(&x, "the accord would hold");
	assert_int_equal(q->kind, VB_QUOTE_INDIRECT);
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "Nazer");
	q = must_quote(&x, "Prices will rise next year");
	assert_speaker(q, "Anna Berg", VB_SPEAKER_PERSON);
	assert_null(find_quote(&x, "in the report"));
	vb_extraction_release(&x);

	/* A title with its office run into the name: the name is the
	 * person, the title the role; an office alone names nobody. */
	run("Prices will stay firm, Indonesian Minister of Mines and Energy "
	    "Subroto told Reuters.\n"
	    "    Secretary of State George Shultz said the talks would resume.\n"
	    "    Prices will fall, the Minister of Trade and Industry said.\n", NULL, &x);
	q = must_quote(&x, "Prices will stay firm");
	assert_speaker(q, "Subroto", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "indonesian minister of mines and energy");
	q = must_quote(&x, "the talks would resume");
	assert_speaker(q, "George Shultz", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "secretary of state");
	q = find_quote(&x, "Prices will fall");
	assert_true(!q || !q->has_speaker || strcmp(q->speaker.canonical, "Industry"));
	vb_extraction_release(&x);

	/* A clause before "X told Reuters." as before "X said." */
	run("Output will rise sharply this year, Anna Berg told Reuters.\n", NULL, &x);
	q = must_quote(&x, "Output will rise sharply this year");
	assert_int_equal(q->kind, VB_QUOTE_INDIRECT);
	assert_speaker(q, "Anna Berg", VB_SPEAKER_PERSON);
	vb_extraction_release(&x);
}

/*
 * Wire-copy attributions: a named organisation after "the", an acronym
 * between name and verb, a possessive organisation before a person,
 * "according to" and "said" with a bare plural.
 */
static void test_wire_attributions(void **state)
{
	(void)state;
	struct vb_extraction x;
	const struct vb_quote *q;

	run("The plant will close in May, the Marren Dockers Union said.\n"
	    "    Sales of homes dropped 14.5 pct in January, the National Guild "
	    "of Estate Agents (NGEA) said.\n"
	    "    \"The drop is not surprising,\" said the NGEA's Tobias Wren.\n"
	    "    Freight rates will rise again, according to industry analysts.\n"
	    "    Margins will narrow further, said analysts at Holt Brothers.\n",
	    NULL, &x);
	q = must_quote(&x, "The plant will close in May");
	assert_speaker(q, "Marren Dockers Union", VB_SPEAKER_ORGANISATION);
	assert_string_equal(q->speaker.mention, "Marren Dockers Union");
	q = must_quote(&x, "Sales of homes dropped");
	assert_string_equal(q->text, "Sales of homes dropped 14.5 pct in January");
	assert_speaker(q, "National Guild of Estate Agents", VB_SPEAKER_ORGANISATION);
	q = must_quote(&x, "The drop is not surprising");
	assert_speaker(q, "Tobias Wren", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.org, "National Guild of Estate Agents");
	q = must_quote(&x, "Freight rates will rise again");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "industry analysts");
	assert_true(q->speaker.anonymous);
	q = must_quote(&x, "Margins will narrow further");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "analysts");
	assert_string_equal(q->speaker.org, "Holt Brothers");
	vb_extraction_release(&x);

	/* "the Bank" after "the World Bank" is that bank; "the bank" is the
	 * bank that spoke last, not the parent named in its sentence. */
	run("Loans rose sharply last year, the Caspar Development Bank said.\n"
	    "    The Bank said demand would ease in the spring.\n"
	    "    Carrow Bank Canada, a unit of Carrow Bank International PLC, "
	    "said net profit soared in the first quarter.\n"
	    "    Loan losses also rose in the quarter, the bank said.\n", NULL, &x);
	q = must_quote(&x, "demand would ease");
	assert_speaker(q, "Caspar Development Bank", VB_SPEAKER_ORGANISATION);
	q = must_quote(&x, "Loan losses also rose");
	assert_speaker(q, "Carrow Bank Canada", VB_SPEAKER_ORGANISATION);
	vb_extraction_release(&x);

	/* A title before the name of one who speaks after a clause; an
	 * organisation, a title, a name; a country's portfolio is part of
	 * the title; "Sir" is not. */
	run("Prices will rise further, Trade Minister Jane Doe said.\n"
	    "    Rates will stay high, Senate Banking Committee Chairman William "
	    "Proxmire (D-Wis.) said.\n"
	    "    Output will stay within the ceiling, Veldravian Energy Minister "
	    "Tomas Ilk said.\n"
	    "    Ostmark Motors Chairman Sir John Egan said this would take three "
	    "more years.\n", NULL, &x);
	q = must_quote(&x, "Prices will rise further");
	assert_speaker(q, "Jane Doe", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "trade minister");
	q = must_quote(&x, "Rates will stay high");
	assert_speaker(q, "William Proxmire", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "chairman");
	assert_string_equal(q->speaker.org, "Senate Banking Committee");
	q = must_quote(&x, "Output will stay within");
	assert_speaker(q, "Tomas Ilk", VB_SPEAKER_PERSON);
	q = must_quote(&x, "this would take three");
	assert_speaker(q, "John Egan", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "chairman");
	assert_string_equal(q->speaker.org, "Ostmark Motors");
	vb_extraction_release(&x);

	/* A ticker between the company and its verb, "BRKN.S" no sentence
	 * end; "The Opec President" is the president who spoke; "a source
	 * close to Opec" is anonymous; "some industry reports" are no verb. */
	run("Vellmar Hill Pty Co Ltd <VLMH.S> (VHP) said it plans a rights issue "
	    "to float a new company.\n"
	    "    Opec Conference President Rilwanu Lukman said the group was producing "
	    "below its ceiling.\n"
	    "    But one source close to Opec indicated that February output was "
	    "near 15.5 mln bpd.\n"
	    "    The Opec President said producers such as Kuwait had fewer problems.\n"
	    "    Lukman said that some industry reports \"may be correct\" about "
	    "February output.\n", NULL, &x);
	q = must_quote(&x, "it plans a rights issue");
	assert_speaker(q, "Vellmar Hill Pty Co Ltd", VB_SPEAKER_ORGANISATION);
	q = must_quote(&x, "February output was near");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "one source");
	assert_true(q->speaker.anonymous);
	q = must_quote(&x, "producers such as Kuwait");
	assert_speaker(q, "Rilwanu Lukman", VB_SPEAKER_PERSON);
	q = must_quote(&x, "may be correct");
	assert_int_equal(q->kind, VB_QUOTE_PARTIAL);
	assert_speaker(q, "Rilwanu Lukman", VB_SPEAKER_PERSON);
	vb_extraction_release(&x);

	/* A name opening the story with a person's appositive is a person,
	 * and so is its surname after it; a surname misspelt once is the
	 * same person; "the Association's co-chairman" works for the
	 * association named before; "the government" is no company. */
	run("Tarquin Helmsley, president of Norland Amusements Inc, bought the "
	    "cinema chain on Monday.\n"
	    "    Helmsley, 63, said the deal would close within 90 days.\n"
	    "    The Ostmark Swap Dealers Association has a new standard contract, "
	    "said Thomas Jaspers, the Association's co-chairman.\n"
	    "    \"The contracts will reduce the expense of documentation,\" "
	    "Jasprers said.\n"
	    "    The government said the icebreaker was needed in the Arctic.\n", NULL, &x);
	q = must_quote(&x, "the deal would close within");
	assert_speaker(q, "Tarquin Helmsley", VB_SPEAKER_PERSON);
	q = must_quote(&x, "has a new standard contract");
	assert_speaker(q, "Thomas Jaspers", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.org, "Ostmark Swap Dealers Association");
	q = must_quote(&x, "The contracts will reduce");
	assert_speaker(q, "Thomas Jaspers", VB_SPEAKER_PERSON);
	q = must_quote(&x, "the icebreaker was needed");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "The government");
	vb_extraction_release(&x);

	/* An appositive whose closing comma is missing before "said"; "they"
	 * after organisations named by a noun phrase. */
	run("Surpluses must fall, the two wheat organizations said.\n"
	    "    The proposals would burden farmers in the north, they said.\n"
	    "    \"We will not hurt ourselves economically,\" Jim Miller, president "
	    "of the Wheat Growers Guild said.\n", NULL, &x);
	q = must_quote(&x, "The proposals would burden");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "the two wheat organizations");
	q = must_quote(&x, "We will not hurt ourselves");
	assert_speaker(q, "Jim Miller", VB_SPEAKER_PERSON);
	vb_extraction_release(&x);

	/* A given name we do not know after an office; a plural possessive
	 * organisation before a role. */
	run("Output will fall, Chief Inspector of Mines Redzuan Sumun said.\n"
	    "    Tidewater Ferries' managing director, Owain Prys, said the service "
	    "would resume in May.\n"
	    "    \"We will not hurt ourselves economically,\" Jim Miller, president "
	    "of the Wheat Growers Guild said.\n", NULL, &x);
	q = must_quote(&x, "Output will fall");
	assert_speaker(q, "Redzuan Sumun", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "chief inspector of mines");
	q = must_quote(&x, "the service would resume");
	assert_speaker(q, "Owain Prys", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "managing director");
	assert_string_equal(q->speaker.org, "Tidewater Ferries");
	q = must_quote(&x, "We will not hurt ourselves");
	assert_speaker(q, "Jim Miller", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "president");
	assert_string_equal(q->speaker.org, "Wheat Growers Guild");
	vb_extraction_release(&x);
}

/*
 * Press-release attributions: titles written in capitals, degrees after
 * the name, a legal form after a comma, "the company's" officer.
 */
static void test_press_release_titles(void **state)
{
	(void)state;
	struct vb_extraction x;
	const struct vb_quote *q;

	run("Orrin Valley Biologics, Inc. today reported trial results.\n\n"
	    "\"The data are clear,\" said Hester Quayle, Ph.D., President and CEO "
	    "of Orrin Valley Biologics. \"We will file this year.\"\n\n"
	    "\"No new safety signals were seen,\" added Idris Vance, M.D., the "
	    "company's Chief Medical Officer.\n\n"
	    "Marta Kell, Head of Research at Tamsin Analytics, said the results "
	    "were strong.\n\n"
	    "\"It is a good week,\" said Bram Oduya, Orrin Valley Chief Financial "
	    "Officer.\n\n"
	    "On Tuesday Tamsin Analytics said it would hire.\n", NULL, &x);
	q = must_quote(&x, "it would hire");
	assert_speaker(q, "Tamsin Analytics", VB_SPEAKER_ORGANISATION);
	q = must_quote(&x, "The data are clear");
	assert_speaker(q, "Hester Quayle", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "president and CEO");
	assert_string_equal(q->speaker.org, "Orrin Valley Biologics Inc");
	q = must_quote(&x, "No new safety signals");
	assert_speaker(q, "Idris Vance", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "chief medical officer");
	assert_string_equal(q->speaker.org, "Orrin Valley Biologics Inc");
	q = must_quote(&x, "the results were strong");
	assert_speaker(q, "Marta Kell", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "head of research");
	assert_string_equal(q->speaker.org, "Tamsin Analytics");
	q = must_quote(&x, "It is a good week");
	assert_speaker(q, "Bram Oduya", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "chief financial officer");
	/* A title is nobody's name. */
	for (size_t i = 0; i < x.nentities; i++) {
		assert_true(strcmp(x.entities[i].text, "Medical Officer") != 0);
		assert_true(strcmp(x.entities[i].text, "Financial Officer") != 0);
		assert_true(strcmp(x.entities[i].text, "President") != 0);
	}
	vb_extraction_release(&x);

	/* "told reporters after the vote" reports nothing; "said at this
	 * price it seemed" does.  An appositive after "according to" is not
	 * what was said; a city before a title is no organisation. */
	run("\"We listened,\" Mayor Odile Varn told reporters after the vote.\n\n"
	    "Traders said at this price it seemed unlikely that the mill would buy.\n\n"
	    "According to Dr. Priya Ostrander, an urban planner at Westfield "
	    "University, the district will need two new bridges.\n\n"
	    "Chicago physician Lewin Tarr said he had met the board twice.\n",
	    NULL, &x);
	assert_null(find_quote(&x, "after the vote"));
	q = must_quote(&x, "at this price it seemed");
	assert_true(q->has_speaker);
	q = must_quote(&x, "the district will need");
	assert_speaker(q, "Priya Ostrander", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "urban planner");
	assert_string_equal(q->speaker.org, "Westfield University");
	q = must_quote(&x, "he had met the board");
	assert_speaker(q, "Lewin Tarr", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "physician");
	assert_null(q->speaker.org);
	vb_extraction_release(&x);

	/* "admitted 14 breaches" is no reported clause; "Its area director"
	 * works for the organisation named before; ", of the ... group," does
	 * not make a person an organisation; an MP's title. */
	run("Greystone Water admitted 14 breaches of its permit on Thursday.\n\n"
	    "The Environment Agency says the spills killed more than 2,000 fish.\n\n"
	    "Its area director, Sunil Marsh, said: \"Polluters will pay.\"\n\n"
	    "Fiona Braddock, of the Save the Avel group, told the Gazette: "
	    "\"It is a drop in the ocean.\"\n\n"
	    "Local MP Daniel Osei said he would raise the matter next week.\n",
	    NULL, &x);
	assert_null(find_quote(&x, "14 breaches"));
	q = must_quote(&x, "Polluters will pay");
	assert_speaker(q, "Sunil Marsh", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "area director");
	assert_string_equal(q->speaker.org, "Environment Agency");
	assert_speaker(must_quote(&x, "It is a drop"), "Fiona Braddock", VB_SPEAKER_PERSON);
	q = must_quote(&x, "he would raise the matter");
	assert_speaker(q, "Daniel Osei", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "local MP");
	vb_extraction_release(&x);

	/* German titles before a name, with "Dr." between. */
	struct vb_extract_opts de = { .doc_id = "d", .lang = "de" };
	run("Die Preise steigen. Das teilte das Unternehmen am Montag mit.\n\n"
	    "\u201eWir haben keine Wahl\u201c, sagte Gesch\u00e4ftsf\u00fchrerin Dr. "
	    "Martina Helmold.\n", &de, &x);
	/* "Das" is no speaker, and what follows "teilte" no clause. */
	assert_null(find_quote(&x, "das Unternehmen"));
	q = must_quote(&x, "Wir haben keine Wahl");
	assert_speaker(q, "Martina Helmold", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "gesch\u00e4ftsf\u00fchrerin");
	vb_extraction_release(&x);
}

/*
 * News attributions: a relative clause between a noun and "said"; an
 * organisation named after its noun ("consumer group FairFly") and its
 * director; "the company" as the organisation that opened a sentence
 * before, not the one named last.
 */
static void test_news_attributions(void **state)
{
	(void)state;
	struct vb_extraction x;
	const struct vb_quote *q;

	run("Pellion Air declined to comment. A spokesman, who asked not to be "
	    "named, said the delays were caused by a software failure.\n\n"
	    "The Aviation Authority opened an inquiry. Consumer group FairFly "
	    "welcomed it. Its director, Nadia Okafor, told the Daily the airline "
	    "had ignored complaints.\n\n"
	    "Tarlow Corp said it has hired the bank Kessel and Brandt to sell its "
	    "furnace line. The company said it has already been contacted by "
	    "several buyers.\n", NULL, &x);
	q = must_quote(&x, "the delays were caused");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "A spokesman");
	q = must_quote(&x, "the airline had ignored");
	assert_speaker(q, "Nadia Okafor", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.org, "FairFly");
	q = must_quote(&x, "it has already been contacted");
	assert_speaker(q, "Tarlow Corp", VB_SPEAKER_ORGANISATION);
	bool pellion = false;
	for (size_t i = 0; i < x.nentities; i++)
		pellion |= x.entities[i].type == VB_ENTITY_ORGANISATION &&
			   !strcmp(x.entities[i].text, "Pellion Air");
	assert_true(pellion);
	vb_extraction_release(&x);

	/* A speech verb sharing the subject of its sentence. */
	run("The Broadband Providers Association (BPA) has called on the government "
	    "to rethink the tariff, warning that it will raise costs for households.\n\n"
	    "The association welcomed the bill but warned that the notice scheme "
	    "could add to broadband bills.\n\n"
	    "The central bank raised its reserve requirement, saying that excess "
	    "liquidity threatened its targets.\n", NULL, &x);
	assert_speaker(must_quote(&x, "it will raise costs"), "Broadband Providers Association",
		       VB_SPEAKER_ORGANISATION);
	assert_speaker(must_quote(&x, "the notice scheme could"), "Broadband Providers Association",
		       VB_SPEAKER_ORGANISATION);
	q = must_quote(&x, "excess liquidity threatened");
	assert_true(q->has_speaker);
	vb_extraction_release(&x);

	/* "and told reporters that"; "a practice the federation says has
	 * grown" reports nothing; "according to X, professor of ..., who"
	 * at the end of a sentence. */
	run("Thomas Brekke stood in a small office and told reporters that what "
	    "people did with his software was up to them.\n\n"
	    "It targets deep links, a practice the federation says has grown "
	    "sharply this year.\n\n"
	    "That question lies at the centre of the case, according to Ruth "
	    "Ellery, professor of law at Wexmoor, who has studied it since 2002.\n",
	    NULL, &x);
	assert_speaker(must_quote(&x, "what people did"), "Thomas Brekke", VB_SPEAKER_PERSON);
	assert_null(find_quote(&x, "grown sharply"));
	assert_speaker(must_quote(&x, "That question lies"), "Ruth Ellery", VB_SPEAKER_PERSON);
	vb_extraction_release(&x);

	/* "said in May that"; "According to two people at the company,";
	 * the subject after an opening adverbial. */
	run("Kestrel Music Group, which holds a minority stake, said in May that "
	    "the service had become its third-largest customer.\n\n"
	    "According to two people at the company, the cost of returns had "
	    "exceeded the value of the copies.\n\n"
	    "Nine years ago this week, Thomas Brekke stood in a small office and "
	    "told reporters that the software was neutral.\n", NULL, &x);
	assert_speaker(must_quote(&x, "the service had become"), "Kestrel Music Group",
		       VB_SPEAKER_ORGANISATION);
	q = must_quote(&x, "the cost of returns");
	assert_true(q->has_speaker);
	assert_true(q->speaker.anonymous);
	assert_speaker(must_quote(&x, "the software was neutral"), "Thomas Brekke",
		       VB_SPEAKER_PERSON);
	vb_extraction_release(&x);

	/* "enforcers who argued CLAUSE"; "in her 84-page opinion that";
	 * a clause ends before ", replied," and ", it said". */
	run("The judge sided with antitrust enforcers who argued the deal would "
	    "raise prices for shoppers.\n\n"
	    "Judge Anita Kwame wrote in her 84-page opinion that the companies had "
	    "failed to show any savings.\n\n"
	    "Asked about an official who said the yen was undervalued by 10 pct, "
	    "replied, \"No.\"\n\n"
	    "Orsk Holdings said both sales need the approval of shareholders at a "
	    "meeting in April, it said.\n", NULL, &x);
	q = must_quote(&x, "the deal would raise prices");
	assert_true(q->has_speaker);
	assert_speaker(must_quote(&x, "the companies had failed"), "Anita Kwame", VB_SPEAKER_PERSON);
	q = must_quote(&x, "the yen was undervalued");
	assert_string_equal(q->text, "the yen was undervalued by 10 pct");
	q = must_quote(&x, "both sales need");
	assert_string_equal(q->text, "both sales need the approval of shareholders at a meeting in April");
	vb_extraction_release(&x);

	/* "Speaking at ..., the Minister said:" introduces the quote after
	 * it; "the Minister" is the one named with that title; "MP" after a
	 * name is not part of it. */
	run("The Minister for Rural Affairs, Ruth Okalla MP, today announced new "
	    "funding.\n\nSpeaking at the opening of a new exchange in Glenmore, "
	    "the Minister said:\n\n\"Too many families have been left behind.\"\n",
	    NULL, &x);
	assert_null(find_quote(&x, "Speaking at the opening"));
	q = must_quote(&x, "Too many families");
	assert_speaker(q, "Ruth Okalla", VB_SPEAKER_PERSON);
	for (size_t i = 0; i < x.nentities; i++)
		assert_true(strcmp(x.entities[i].text, "Ruth Okalla MP") != 0);
	vb_extraction_release(&x);
}

/*
 * A story's first paragraph: a dateline and a headline in capitals run
 * into the text are not part of the first sentence.
 */
static void test_dateline_and_glued_headline(void **state)
{
	(void)state;
	struct vb_extraction x;
	const struct vb_quote *q;

	run("OSTMARK, March 1 - Veldravia appears to be nearing a political "
	    "crossroads, the Harrow Embassy says in a new report.\n", NULL, &x);
	q = must_quote(&x, "nearing a political crossroads");
	assert_string_equal(q->text, "Veldravia appears to be nearing a political crossroads");
	assert_speaker(q, "Harrow Embassy", VB_SPEAKER_ORGANISATION);
	vb_extraction_release(&x);

	run("KESTREL BOARD DETAILS SUGAR SALES A total 60,500 tonnes of white "
	    "sugar received export rebates, the Kestrel Intervention Board said.\n"
	    "    Out of this, traders in Ostmark received 37,800 tonnes, the "
	    "board said.\n", NULL, &x);
	q = must_quote(&x, "60,500 tonnes");
	assert_string_equal(q->text, "A total 60,500 tonnes of white sugar received export rebates");
	assert_speaker(q, "Kestrel Intervention Board", VB_SPEAKER_ORGANISATION);
	vb_extraction_release(&x);

	/* A salutation in capitals opens a speech: it is not split off. */
	run("GENTLEMEN OF THE CONGRESS: The session upon which you are now "
	    "entering will be short.\n", NULL, &x);
	assert_int_equal(x.nquotes, 0);
	vb_extraction_release(&x);
}

static void test_partial_quotes(void **state)
{
	(void)state;
	const char *text =
		"The talks ended in what the agency described as \"fruitless "
		"negotiations\". Karl Umber said litigation would come \"in weeks "
		"rather than months\".\n";
	struct vb_extraction x;

	run(text, NULL, &x);
	const struct vb_quote *q = must_quote(&x, "fruitless negotiations");
	assert_int_equal(q->kind, VB_QUOTE_PARTIAL);
	assert_true(q->has_speaker);
	q = must_quote(&x, "in weeks rather than months");
	assert_int_equal(q->kind, VB_QUOTE_PARTIAL);
	assert_string_equal(q->text, "in weeks rather than months");
	assert_speaker(q, "Karl Umber", VB_SPEAKER_PERSON);
	/* The reported clause around the fragment is not a quote in addition. */
	for (size_t i = 0; i < x.nquotes; i++)
		assert_null(strstr(x.quotes[i].text, "litigation would come"));
	vb_extraction_release(&x);
}

static void test_not_quotes(void **state)
{
	(void)state;
	const char *text =
		"The band, known as \"The Riverside Five\", released a record. "
		"Sites that let \"uploaders\" share files use \"deep links\" to "
		"reach them. The federation called on providers to introduce a "
		"\"graduated response\" to repeat offenders.\n";
	struct vb_extraction x;

	run(text, NULL, &x);
	assert_null(find_quote(&x, "graduated response"));
	assert_null(find_quote(&x, "Riverside"));
	assert_null(find_quote(&x, "uploaders"));
	assert_null(find_quote(&x, "deep links"));
	vb_extraction_release(&x);
}

static void test_unbalanced_quote(void **state)
{
	(void)state;
	const char *text =
		"\"This paragraph opens a quote and never closes it, said Ana Ruiz.\n\n"
		"The next paragraph is the reporter's own text about the harbour.\n\n"
		"So is this one, with no quotation marks at all.\n";
	struct vb_extraction x;

	run(text, NULL, &x);
	for (size_t i = 0; i < x.nquotes; i++) {
		assert_null(strstr(x.quotes[i].text, "reporter's own text"));
		assert_null(strstr(x.quotes[i].text, "no quotation marks"));
	}
	vb_extraction_release(&x);
}

static void test_multi_paragraph(void **state)
{
	(void)state;
	const char *text =
		"Judge Irene Castell said:\n\n"
		"\"The first part of the ruling concerns the licence.\n\n"
		"\"The second part concerns the damages owed to the growers.\"\n\n"
		"The hearing was adjourned.\n";
	struct vb_extraction x;

	run(text, NULL, &x);
	const struct vb_quote *q = must_quote(&x, "first part of the ruling");
	assert_int_equal(q->nspans, 2);
	assert_non_null(strstr(q->text, "damages owed to the growers."));
	assert_speaker(q, "Irene Castell", VB_SPEAKER_PERSON);
	assert_null(find_quote(&x, "adjourned"));
	vb_extraction_release(&x);
}

static void test_unmarked_block_after_colon(void **state)
{
	(void)state;
	/* Government press offices print the quote as a block without marks
	 * after "X said:": that one paragraph is X's, the next is not. */
	const char *text =
		"The Minister for Rivers, Hedda Brun, opened the barrier today.\n\n"
		"Hedda Brun said:\n\n"
		"Calder Ness has flooded four times in the last decade. From today, "
		"families here can sleep easier when storms come in.\n\n"
		"The barrier cost 48 million crowns and took three years to build.\n\n"
		"The agenda was:\n\n"
		"Opening remarks, the budget for the coming year and any other business.\n";
	struct vb_extraction x;

	run(text, NULL, &x);
	const struct vb_quote *q = must_quote(&x, "Calder Ness has flooded");
	assert_int_equal(q->kind, VB_QUOTE_DIRECT);
	assert_int_equal(q->nspans, 1);
	assert_non_null(strstr(q->text, "when storms come in."));
	assert_speaker(q, "Hedda Brun", VB_SPEAKER_PERSON);
	assert_null(find_quote(&x, "three years to build"));
	/* A colon without anyone saying anything is no quote. */
	assert_null(find_quote(&x, "Opening remarks"));
	vb_extraction_release(&x);
}

static void test_pronoun_far(void **state)
{
	(void)state;
	const char *text =
		"Peter Vandermolen, president of the Lakeside Rowing Association, "
		"said the club would appeal.\n\n"
		"The decision affects four hundred members. The season starts in "
		"spring. The boathouse needs repairs. The council has not replied.\n\n"
		"\"We have been treated unfairly by the council and we will say so "
		"in court,\" he added.\n\n"
		"\"It is a sad day,\" Vandermolen said.\n";
	struct vb_extraction x;

	run(text, NULL, &x);
	const struct vb_quote *q = must_quote(&x, "treated unfairly");
	assert_speaker(q, "Peter Vandermolen", VB_SPEAKER_PERSON);
	assert_string_equal(q->cue, "added");
	assert_string_equal(q->speaker.role, "president");
	assert_string_equal(q->speaker.org, "Lakeside Rowing Association");
	q = must_quote(&x, "sad day");
	assert_speaker(q, "Peter Vandermolen", VB_SPEAKER_PERSON);
	vb_extraction_release(&x);
}

static void test_anonymous_and_possessive_role(void **state)
{
	(void)state;
	const char *text =
		"\"We cannot police every file,\" said a spokesman for the Internet "
		"Providers Association.\n\n"
		"Coldharbour's head of digital, Jane Okafor, said the plan was "
		"unworkable.\n";
	struct vb_extraction x;

	run(text, NULL, &x);
	const struct vb_quote *q = must_quote(&x, "police every file");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "a spokesman");
	assert_int_equal(q->speaker.type, VB_SPEAKER_PERSON);
	assert_true(q->speaker.anonymous);
	assert_string_equal(q->speaker.org, "Internet Providers Association");

	q = must_quote(&x, "the plan was unworkable");
	assert_speaker(q, "Jane Okafor", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "head of digital");
	assert_string_equal(q->speaker.org, "Coldharbour");
	vb_extraction_release(&x);
}

static void test_misspelled_and_surname(void **state)
{
	(void)state;
	const char *text =
		"\"The figures are wrong,\" said Margaret Olsen.\n\n"
		"\"They were checked twice,\" Margeret Olsen said.\n\n"
		"\"Nobody listened,\" Olsen said.\n";
	struct vb_extraction x;

	run(text, NULL, &x);
	assert_speaker(must_quote(&x, "checked twice"), "Margaret Olsen",
		       VB_SPEAKER_PERSON);
	assert_speaker(must_quote(&x, "Nobody listened"), "Margaret Olsen",
		       VB_SPEAKER_PERSON);
	vb_extraction_release(&x);
}

static void test_statement_issuer_and_frontmatter(void **state)
{
	(void)state;
	const char *text =
		"In a statement, it explains: the fund will close in June.\n\n"
		"\"We are proud of our members,\" the text ends.\n";
	struct vb_extract_opts opts = { .doc_id = "rel-1", .source_org =
						"Fenwick Growers Cooperative",
					.speaker = "Ruth Abara",
					.doc_type = "statement" };
	struct vb_extraction x;

	run(text, &opts, &x);
	const struct vb_quote *q = must_quote(&x, "the fund will close in June");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "Fenwick Growers Cooperative");
	q = must_quote(&x, "proud of our members");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.name, "Ruth Abara");
	vb_extraction_release(&x);
}

static void test_other_scripts(void **state)
{
	(void)state;
	const char *de = "Der Verband erkl\u00e4rte: \u201eWir sind "
			 "entt\u00e4uscht.\u201c Danach ging er.\n";
	const char *zh = "\u4ed6\u8bf4\uff1a\u300c\u6211\u4eec\u5f88\u9ad8"
			 "\u5174\u3002\u300d\n";
	const char *uk = "'We shall appeal,' said Fiona Hartley. The members' "
			 "union was not consulted.\n";
	struct vb_extraction x;

	run(de, NULL, &x);
	const struct vb_quote *q = must_quote(&x, "Wir sind");
	assert_string_equal(q->text, "Wir sind entt\u00e4uscht.");
	vb_extraction_release(&x);

	run(zh, NULL, &x);
	q = must_quote(&x, "\u6211\u4eec");
	assert_string_equal(q->text, "\u6211\u4eec\u5f88\u9ad8\u5174\u3002");
	vb_extraction_release(&x);

	/* "据公司介绍": the company the release named, not a person "据公司". */
	struct vb_extract_opts zh_opts = { .doc_id = "zh", .lang = "zh" };
	run("\u661f\u6cb3\u79d1\u6280\u6709\u9650\u516c\u53f8\u4eca\u5929"
	    "\u516c\u5e03\u4e86\u4e1a\u7ee9\u3002\n\n\u636e\u516c\u53f8"
	    "\u4ecb\u7ecd\uff0c\u7814\u53d1\u6295\u5165\u5360\u6536\u5165"
	    "\u768412%\u3002\n", &zh_opts, &x);
	q = must_quote(&x, "\u7814\u53d1");
	assert_speaker(q, "\u661f\u6cb3\u79d1\u6280\u6709\u9650\u516c\u53f8",
		       VB_SPEAKER_ORGANISATION);
	vb_extraction_release(&x);

	run(uk, NULL, &x);
	q = must_quote(&x, "We shall appeal");
	assert_string_equal(q->text, "We shall appeal,");
	assert_speaker(q, "Fiona Hartley", VB_SPEAKER_PERSON);
	assert_null(find_quote(&x, "union was not"));
	vb_extraction_release(&x);
}

static void test_quote_ids_stable(void **state)
{
	(void)state;
	const char *a = "\"Rates will rise,\" said Lena Vogt.\n";
	const char *b = "Some new first line.\n\n\"Rates will rise,\" said Lena Vogt.\n";
	struct vb_extract_opts opts = { .doc_id = "doc-7" };
	struct vb_extract_opts other = { .doc_id = "doc-8" };
	struct vb_extraction x, y, z;

	run(a, &opts, &x);
	run(b, &opts, &y);
	run(a, &other, &z);
	assert_int_equal(x.nquotes, 1);
	assert_string_equal(must_quote(&x, "Rates")->id, must_quote(&y, "Rates")->id);
	assert_string_not_equal(must_quote(&x, "Rates")->id,
				must_quote(&z, "Rates")->id);
	assert_int_equal(strlen(x.quotes[0].id), 16);
	vb_extraction_release(&x);
	vb_extraction_release(&y);
	vb_extraction_release(&z);
}

static void test_boilerplate(void **state)
{
	(void)state;
	const char *text =
		"An error occurred. Please try again.\n"
		"Home | News | Business | Contact\n"
		"Share this article\n"
		"Key Points:\n"
		"The Copperfield Mining Group said output rose sharply in March.\n"
		"We use cookies to improve your experience. Click here to accept.\n"
		"Related: Halden Direct adds mobile downloads | Sharespan files for leave\n"
		" Reuter\n";
	struct vb_extraction x;
	struct vb_spans spans = { 0 };

	run(text, NULL, &x);
	assert_int_equal(x.ndropped, 7);
	assert_string_equal(x.dropped[0].reason, "error-banner");
	assert_string_equal(x.dropped[1].reason, "navigation");
	/* Other pages' headlines after "Related:", with a verb in them. */
	assert_string_equal(x.dropped[5].reason, "navigation");
	assert_null(find_quote(&x, "mobile downloads"));
	assert_string_equal(x.dropped[6].reason, "signoff");
	for (size_t i = 0; i < x.nentities; i++)
		assert_null(strstr(x.entities[i].text, "Reuter"));
	assert_non_null(find_quote(&x, "output rose"));
	assert_null(find_quote(&x, "error"));

	vb_boilerplate_spans(text, strlen(text), &spans);
	assert_int_equal(spans.n, 7);
	assert_memory_equal(text + spans.v[0].start, "An error", 8);
	free(spans.v);
	vb_extraction_release(&x);
}

static void test_json(void **state)
{
	(void)state;
	/* "é" is two bytes: code-point offsets differ from byte offsets. */
	const char *text = "Caf\u00e9 owner Jo Brandt said: \"We open at nine.\"\n";
	struct vb_extract_opts opts = { .doc_id = "j1", .doc_date = "2008-02-04" };
	struct vb_extraction x;
	json_t *j;

	run(text, &opts, &x);
	vb_extraction_to_json(&x, text, strlen(text), 100, 90, &j);
	assert_string_equal(json_string_value(json_object_get(j, "doc_date")),
			    "2008-02-04");
	json_t *q = json_array_get(json_object_get(j, "quotes"), 0);
	assert_non_null(q);
	size_t bstart = (size_t)json_integer_value(json_object_get(q, "byte_start"));
	size_t start = (size_t)json_integer_value(json_object_get(q, "start"));
	assert_int_equal(bstart, 100 + (size_t)(strstr(text, "We open") - text));
	assert_int_equal(start, bstart - 100 + 90 - 1);
	assert_string_equal(json_string_value(json_object_get(q, "kind")), "direct");
	json_t *sp = json_object_get(q, "speaker");
	assert_string_equal(json_string_value(json_object_get(sp, "name")),
			    "Jo Brandt");
	assert_non_null(json_object_get(j, "entities"));
	assert_non_null(json_object_get(j, "dates"));
	assert_non_null(json_object_get(j, "dropped"));
	json_decref(j);
	vb_extraction_release(&x);
}

static void test_garbage_input(void **state)
{
	(void)state;
	struct vb_extraction x;
	/* Invalid UTF-8, NULs, lone marks, nothing at all. */
	const char bad[] = "\"\xff\xfe said \xc3 \"\x00\" \xe2\x80\x9c\n\n\xe2\x80";
	run("", NULL, &x);
	assert_int_equal(x.nquotes, 0);
	vb_extraction_release(&x);
	struct vb_buf err = VB_BUF_INIT;
	assert_int_equal(vb_extract(ex, bad, sizeof(bad) - 1, NULL, &x, &err), 0);
	vb_extraction_release(&x);
	assert_int_equal(vb_extract(NULL, bad, 3, NULL, &x, &err),
			 VB_EXTRACT_EINVAL);
	vb_extraction_release(&x);
	vb_buf_release(&err);

	/* A large document of repeated text: no crash, linear behaviour. */
	struct vb_buf big = VB_BUF_INIT;
	for (int i = 0; i < 20000; i++)
		vb_buf_addf(&big, "\"Item %d is \xe2\x80\x9cready\", said Dana Kell of "
			    "Kell Holdings Ltd. It said it %d (\n", i, i);
	json_t *j;
	run(big.buf, NULL, &x);
	assert_true(x.nquotes > 1000);
	vb_extraction_to_json(&x, big.buf, big.len, 0, 0, &j);
	json_decref(j);
	vb_extraction_release(&x);
	vb_buf_release(&big);
}

static void test_speaker_key(void **state)
{
	(void)state;
	struct vb_buf k = VB_BUF_INIT;
	vb_speaker_key("Dr. John  Smith", "ACME Corp.", &k);
	assert_string_equal(k.buf, "john smith|acme corp");
	vb_buf_reset(&k);
	vb_speaker_key("Jos\u00e9 P\u00e9rez", NULL, &k);
	assert_string_equal(k.buf, "jose perez|");
	vb_buf_release(&k);
}

/* A made-up name for n < 10000: any two are at least three edits apart. */
static void made_up_name(unsigned n, char *out)
{
	static const char *const syl[] = { "bram", "cosk", "dune", "fitz", "gorm",
					   "hulv", "jinx", "kelp", "lynd", "murt" };
	out[0] = '\0';
	for (int k = 0; k < 4; k++, n /= 10)
		strcat(out, syl[n % 10]);
	out[0] = (char)(out[0] - 'a' + 'A');
}

/* n short releases, one after the other, `sep` between them. */
static char *long_document(unsigned n, const char *sep)
{
	struct vb_buf b = VB_BUF_INIT;
	char who[32], org[32];

	for (unsigned i = 0; i < n; i++) {
		made_up_name(i, who);
		made_up_name(i + 5000, org);
		/* Long enough for the quotes not to join across the releases. */
		vb_buf_addf(&b, "%s %s, chief executive of the %s Trading Company, "
			    "spoke on Monday at the annual meeting of its shareholders "
			    "in the city. \"We expect a strong year,\" %s said. The "
			    "company said it would hire more people in its offices in "
			    "the north and in the south next year.%s",
			    i % 2 ? "Mary" : "John", who, org, i % 2 ? "she" : "he",
			    sep);
	}
	return vb_buf_detach(&b, NULL);
}

static void check_long_document(const struct vb_extraction *x, unsigned n)
{
	char who[32], org[32], name[64];

	assert_int_equal(x->nquotes, 2 * n);
	for (unsigned i = 0; i < n; i++) {
		made_up_name(i, who);
		made_up_name(i + 5000, org);
		snprintf(name, sizeof(name), "%s %s", i % 2 ? "Mary" : "John", who);
		assert_speaker(&x->quotes[2 * i], name, VB_SPEAKER_PERSON);
		snprintf(name, sizeof(name), "%s Trading Company", org);
		assert_speaker(&x->quotes[2 * i + 1], name, VB_SPEAKER_ORGANISATION);
	}
}

/*
 * In a long document "he", "she" and "the company" still find the person
 * and the company named just before, whether the releases are paragraphs
 * or run together in one paragraph.
 */
static void test_long_document(void **state)
{
	(void)state;
	struct vb_extraction x;
	const unsigned n = 2000;

	for (int one_para = 0; one_para < 2; one_para++) {
		char *text = long_document(n, one_para ? " " : "\n\n");
		run(text, NULL, &x);
		check_long_document(&x, n);
		vb_extraction_release(&x);
		free(text);
	}
}

/*
 * Disaster and aid copy: a title capitalised before a name anywhere
 * describes every quote of that person; a common noun's possessive
 * ("the company's", "the centre's") names the organisation it stands
 * for, a country's none; "declared" reports only a clause with "that";
 * groups and joint speakers.
 */
static void test_titles_and_owners_far(void **state)
{
	(void)state;
	struct vb_extraction x;
	const struct vb_quote *q;

	run("Sheriff Tom Nakamura urged people not to return. \"I would rather you "
	    "be angry,\" he said.\n\n"
	    "Fire Chief Dana Kowalczyk said the fire was moving fast.\n\n"
	    "The country's foreign minister, Hassan El-Amin, said the figures were "
	    "wrong.\n\n"
	    "Orlen Water reported a loss. The company's chief executive, Jane Doe, "
	    "said the year was hard.\n\n"
	    "The study came from the Centre for Coastal Law. \"It is clear,\" said "
	    "Ruth Ellis, the centre's director.\n\n"
	    "The governor declared a state of emergency on Monday. He declared that "
	    "the county was in crisis.\n\n"
	    "Two charities said the camps were full. Oxfam and Greenpeace both said "
	    "the plan was weak.\n", NULL, &x);
	q = must_quote(&x, "I would rather");
	assert_speaker(q, "Tom Nakamura", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "sheriff");
	q = must_quote(&x, "moving fast");
	assert_speaker(q, "Dana Kowalczyk", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "fire chief");
	assert_null(q->speaker.org);
	q = must_quote(&x, "figures were wrong");
	assert_string_equal(q->speaker.role, "foreign minister");
	assert_null(q->speaker.org);
	q = must_quote(&x, "the year was hard");
	assert_speaker(q, "Jane Doe", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.org, "Orlen Water");
	q = must_quote(&x, "It is clear");
	assert_string_equal(q->speaker.org, "Centre for Coastal Law");
	assert_null(find_quote(&x, "a state of emergency"));
	must_quote(&x, "the county was in crisis");
	q = must_quote(&x, "the camps were full");
	assert_speaker(q, "Two charities", VB_SPEAKER_ORGANISATION);
	assert_true(q->speaker.anonymous);
	must_quote(&x, "the plan was weak");
	vb_extraction_release(&x);

	/* Court copy: a noun the lexicon does not know before a name in
	 * commas, letters after a name, a place before "that". */
	run("The case ended.\n\n"
	    "His gardener, Ann Price, said the house was empty.\n\n"
	    "In mitigation, his barrister, Susan Olawale KC, said her client "
	    "was ashamed.\n\n"
	    "Rhys Fairbanks said outside court that the fraud had hurt.\n\n"
	    "Shadow energy secretary Tom Harding said families would be hit.\n", NULL, &x);
	q = must_quote(&x, "the house was empty");
	assert_speaker(q, "Ann Price", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "gardener");
	q = must_quote(&x, "her client was ashamed");
	assert_speaker(q, "Susan Olawale", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "barrister");
	q = must_quote(&x, "the fraud had hurt");
	assert_string_equal(q->text, "the fraud had hurt");
	q = must_quote(&x, "families would be hit");
	assert_string_equal(q->speaker.role, "shadow energy secretary");
	vb_extraction_release(&x);

	/* The verb that attributes a direct quote reports nothing more,
	 * save a participle's clause; a title's word opening the sentence
	 * is no company. */
	run("Chief executive Margot Ellery told analysts that no decision had "
	    "been taken. \"We have to make hard choices,\" she told the Courier "
	    "in an interview published on Saturday. \"We have the trucks,\" she "
	    "said, adding that buyers had called.\n", NULL, &x);
	q = must_quote(&x, "no decision had been taken");
	assert_speaker(q, "Margot Ellery", VB_SPEAKER_PERSON);
	assert_string_equal(q->speaker.role, "chief executive");
	assert_null(q->speaker.org);
	assert_null(find_quote(&x, "an interview published"));
	must_quote(&x, "We have to make hard choices");
	assert_speaker(must_quote(&x, "buyers had called"), "Margot Ellery", VB_SPEAKER_PERSON);
	vb_extraction_release(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_direct_after),
		cmocka_unit_test(test_colon_and_interrupted),
		cmocka_unit_test(test_reported_speech),
		cmocka_unit_test(test_wire_attributions),
		cmocka_unit_test(test_dateline_and_glued_headline),
		cmocka_unit_test(test_press_release_titles),
		cmocka_unit_test(test_news_attributions),
		cmocka_unit_test(test_partial_quotes),
		cmocka_unit_test(test_not_quotes),
		cmocka_unit_test(test_unbalanced_quote),
		cmocka_unit_test(test_multi_paragraph),
		cmocka_unit_test(test_unmarked_block_after_colon),
		cmocka_unit_test(test_pronoun_far),
		cmocka_unit_test(test_anonymous_and_possessive_role),
		cmocka_unit_test(test_misspelled_and_surname),
		cmocka_unit_test(test_statement_issuer_and_frontmatter),
		cmocka_unit_test(test_other_scripts),
		cmocka_unit_test(test_quote_ids_stable),
		cmocka_unit_test(test_boilerplate),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_garbage_input),
		cmocka_unit_test(test_speaker_key),
		cmocka_unit_test(test_long_document),
		cmocka_unit_test(test_titles_and_owners_far),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
