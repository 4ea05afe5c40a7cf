/* test_extract_rules.c: general rules of press language the extractor follows, on text written for the tests. */
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

static void dump(const struct vb_extraction *x)
{
	for (size_t i = 0; i < x->nquotes; i++)
		fprintf(stderr, "  have: [%s] %s (%s)\n",
			vb_quote_kind_name(x->quotes[i].kind), x->quotes[i].text,
			x->quotes[i].has_speaker ? x->quotes[i].speaker.canonical
						 : "-");
}

/* The quote starting with `prefix`, or a failure listing what there is. */
static const struct vb_quote *must_quote(const struct vb_extraction *x,
					 const char *prefix)
{
	for (size_t i = 0; i < x->nquotes; i++)
		if (!strncmp(x->quotes[i].text, prefix, strlen(prefix)))
			return &x->quotes[i];
	dump(x);
	fail_msg("no quote starting with '%s'", prefix);
	return NULL;
}

static bool has_quote(const struct vb_extraction *x, const char *needle)
{
	for (size_t i = 0; i < x->nquotes; i++)
		if (strstr(x->quotes[i].text, needle))
			return true;
	return false;
}

static void assert_speaker(const struct vb_quote *q, const char *name)
{
	if (!q->has_speaker)
		fail_msg("quote '%s' has no speaker (wanted '%s')", q->text, name);
	if (strcmp(q->speaker.canonical, name))
		fail_msg("quote '%s': speaker '%s', wanted '%s'", q->text,
			 q->speaker.canonical, name);
}

/* The speaker as written, for speakers with no entity ("The union"). */
static void assert_speaker_name(const struct vb_quote *q, const char *name)
{
	if (!q->has_speaker)
		fail_msg("quote '%s' has no speaker (wanted '%s')", q->text, name);
	if (strcmp(q->speaker.name, name))
		fail_msg("quote '%s': speaker named '%s', wanted '%s'", q->text,
			 q->speaker.name, name);
}

/* The speaker's role and organisation; NULL: none. */
static void assert_role_org(const struct vb_quote *q, const char *role, const char *org)
{
	const char *have[2] = { q->speaker.role, q->speaker.org }, *want[2] = { role, org };
	for (int i = 0; i < 2; i++) {
		if (!want[i] && have[i])
			fail_msg("quote '%s': %s '%s', wanted none", q->text, i ? "org" : "role", have[i]);
		if (want[i] && (!have[i] || strcmp(have[i], want[i])))
			fail_msg("quote '%s': %s '%s', wanted '%s'", q->text, i ? "org" : "role",
				 have[i] ? have[i] : "(none)", want[i]);
	}
}

/* "...," he said. "..." is one quote in two parts. */
static void test_interrupted_by_sentence(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Tamsin Orrery opened the new ferry terminal on Friday. "
	    "\"We waited eleven years for this,\" Ms Orrery said. "
	    "\"Nobody here will miss the old pier.\"\n\n"
	    "\xe2\x80\x9eWir sind sehr zufrieden\xe2\x80\x9c, sagte Jonas Reding. "
	    "\xe2\x80\x9e" "Der Hafen ist bereit.\xe2\x80\x9c\n", NULL, &x);
	const struct vb_quote *q = must_quote(&x, "We waited");
	assert_int_equal(q->kind, VB_QUOTE_DIRECT);
	assert_int_equal(q->nspans, 2);
	assert_string_equal(q->text, "We waited eleven years for this, "
			    "Nobody here will miss the old pier.");
	assert_speaker(q, "Tamsin Orrery");
	vb_extraction_release(&x);

	/* A full stop inside the first part ends the quote there. */
	run("\"We waited eleven years.\" Ms Orrery said. \"Then we won.\"\n",
	    NULL, &x);
	assert_true(x.nquotes >= 1);
	assert_int_equal(must_quote(&x, "We waited")->nspans, 1);
	vb_extraction_release(&x);
}

/* In a statement every paragraph of prose is a quote of its author. */
static void test_statement_paragraphs(void **state)
{
	(void)state;
	struct vb_extraction x;
	struct vb_extract_opts o = { .speaker = "Petra Lindqvist",
				     .doc_type = "statement" };
	run("Kessvik, 4 May 2011\n\n"
	    "This morning the harbour authority closed the north quay without "
	    "warning. I want to explain what that means for our members.\n\n"
	    "Fishing is not a hobby here. It is how families in this town "
	    "pay our rent, and the council said it would \"look again\".\n\n"
	    "Petra Lindqvist\nChair, Kessvik Fishers' Cooperative\n", &o, &x);
	assert_int_equal(x.nquotes, 2);
	const struct vb_quote *q = must_quote(&x, "This morning");
	assert_int_equal(q->kind, VB_QUOTE_DIRECT);
	assert_speaker(q, "Petra Lindqvist");
	q = must_quote(&x, "Fishing is not");
	assert_speaker(q, "Petra Lindqvist");
	assert_false(has_quote(&x, "Kessvik, 4 May"));
	assert_false(has_quote(&x, "Chair,"));
	vb_extraction_release(&x);
}

/* A reported clause with a quoted fragment is the partial quote alone. */
static void test_fragment_in_reported_clause(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Hollis Tarrant said the new timetable was \"a disgrace to the "
	    "valley\" and would be fought.\n\n"
	    "Mira Castell said the depot had cost 40,000 crowns so far, and "
	    "that the council would need \"a very long memory\" to pay it.\n",
	    NULL, &x);
	assert_int_equal(must_quote(&x, "a disgrace")->kind, VB_QUOTE_PARTIAL);
	assert_false(has_quote(&x, "the new timetable was"));
	const struct vb_quote *q = must_quote(&x, "the depot had cost");
	assert_int_equal(q->kind, VB_QUOTE_INDIRECT);
	assert_string_equal(q->text, "the depot had cost 40,000 crowns so far");
	assert_speaker(q, "Mira Castell");
	assert_int_equal(must_quote(&x, "a very long memory")->kind,
			 VB_QUOTE_PARTIAL);
	vb_extraction_release(&x);
}

/* "he" and "she" go to the last person of that sex, not the last speaker. */
static void test_pronoun_gender(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Gideon Farrow, the mayor, said the bridge would open in May.\n\n"
	    "The engineer in charge, Harriet Quayle, met Mr Farrow on Monday. "
	    "\"We need another month at least,\" she said.\n\n"
	    "Mr Farrow was unmoved. \"The date stands,\" he said.\n", NULL, &x);
	assert_speaker(must_quote(&x, "We need another month"), "Harriet Quayle");
	assert_speaker(must_quote(&x, "The date stands"), "Gideon Farrow");
	vb_extraction_release(&x);
}

/* Titles and appositives around a name: who is the speaker. */
static void test_titles_and_appositives(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Speaking in the chamber, the Minister of Water and Forests, Odile "
	    "Brasseur, said the reservoir would be full by spring.\n\n"
	    "Yannick Morvan, a partner at Kervella Associates, the firm "
	    "advising the growers, said the contract had never been signed.\n\n"
	    "Amelie Tanguy, director of the Breizh Water Institute, who has "
	    "studied the basin since 2001, pointed out that the river had "
	    "fallen by a third.\n", NULL, &x);
	assert_speaker(must_quote(&x, "the reservoir would be full"), "Odile Brasseur");
	assert_speaker(must_quote(&x, "the contract had never"), "Yannick Morvan");
	assert_speaker(must_quote(&x, "the river had fallen"), "Amelie Tanguy");
	vb_extraction_release(&x);
}

/* The entity of type `type` written `text`, or NULL. */
static const struct vb_entity *find_entity(const struct vb_extraction *x,
					   enum vb_entity_type type, const char *text)
{
	for (size_t i = 0; i < x->nentities; i++)
		if (x->entities[i].type == type && !strcmp(x->entities[i].text, text))
			return &x->entities[i];
	return NULL;
}

/* Government titles: portfolios listed with commas, trades before
 * "Minister", letters after a name, councillors, hyphenated titles. */
static void test_government_titles(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Commissioner for Environment, Oceans and Fisheries, Ilona Sarkany, "
	    "added: \"Today we are turning that around.\"\n\n"
	    "Figures were published by the Department for Housing, Planning and "
	    "Communities in May. The Ministry of Defence, Apple Orchards Ltd and "
	    "Kestrel Group signed.\n\n"
	    "Mines, Power and Steel Minister Bunu Sheriff Musa said in Lagos that "
	    "output had declined.\n\n"
	    "Housing Minister Daniel Okafor MP said: \"We are delivering.\"\n\n"
	    "Cllr Sarah Whitcombe, chair of the council's housing board, said: "
	    "\"Councils want homes built.\"\n\n"
	    "The Vice-President said: \"No comment.\"\n", NULL, &x);
	const struct vb_quote *q = must_quote(&x, "Today we are");
	assert_speaker(q, "Ilona Sarkany");
	assert_string_equal(q->speaker.role, "commissioner for environment, oceans and fisheries");
	assert_null(q->speaker.org);
	assert_non_null(find_entity(&x, VB_ENTITY_ORGANISATION,
				    "Department for Housing, Planning and Communities"));
	assert_non_null(find_entity(&x, VB_ENTITY_ORGANISATION, "Ministry of Defence"));
	q = must_quote(&x, "output had declined");
	assert_speaker(q, "Bunu Sheriff Musa");
	assert_null(q->speaker.org);
	assert_null(find_entity(&x, VB_ENTITY_ORGANISATION, "Steel"));
	assert_speaker(must_quote(&x, "We are delivering"), "Daniel Okafor");
	assert_speaker(must_quote(&x, "Councils want"), "Sarah Whitcombe");
	assert_null(find_entity(&x, VB_ENTITY_PERSON, "President"));
	vb_extraction_release(&x);

	/* A dateline's agency is no name of the place; a place's initials are. */
	run("NEW YORK (AP) - Stocks fell. Farmers in New South Wales (NSW) said "
	    "the rain was late, and residents in the city of Varnholm said the "
	    "river had risen.\n", NULL, &x);
	const struct vb_entity *ap = find_entity(&x, VB_ENTITY_ORGANISATION, "AP");
	assert_non_null(ap);
	const struct vb_entity *nsw = find_entity(&x, VB_ENTITY_PLACE, "NSW");
	assert_non_null(nsw);
	assert_string_equal(nsw->canonical, "New South Wales");
	assert_non_null(find_entity(&x, VB_ENTITY_PLACE, "Varnholm"));
	assert_speaker_name(must_quote(&x, "the rain was late"), "Farmers in New South Wales");
	assert_speaker_name(must_quote(&x, "the river had risen"), "residents in the city of Varnholm");
	vb_extraction_release(&x);
}

/* "X said:" and unmarked paragraphs: the first, and those after it in the
 * first person that report no one. */
static void test_block_quote_paragraphs(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Housing Minister Daniel Okafor said:\n\n"
	    "We promised to get Britain building again, and today we are "
	    "delivering on that promise.\n\n"
	    "These changes mean that our families will get the keys to a home.\n\n"
	    "The changes will apply to schemes of more than 150 homes.\n\n"
	    "Councillor Ana Reyes said:\n\n"
	    "We welcome the plans and we will work with the department on them.\n\n"
	    "The association said we should expect more delays.\n", NULL, &x);
	const struct vb_quote *q = must_quote(&x, "We promised");
	assert_speaker(q, "Daniel Okafor");
	assert_int_equal(q->nspans, 2);
	assert_string_equal(q->text, "We promised to get Britain building again, and "
			    "today we are delivering on that promise. These changes "
			    "mean that our families will get the keys to a home.");
	assert_false(has_quote(&x, "more than 150 homes"));
	q = must_quote(&x, "We welcome");
	assert_speaker(q, "Ana Reyes");
	assert_int_equal(q->nspans, 1);
	vb_extraction_release(&x);
}

/* A surname of two words names the person named in full before; a word
 * opening the sentence before "scientists", "sources" is no organisation
 * unless the document writes it capitalised elsewhere. */
static void test_surnames_and_openers(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Secretary-General Adrián Montoya Ruiz warned of collective failure.\n\n"
	    "\"No nation is immune,\" Montoya Ruiz told ministers.\n\n"
	    "Climate scientists say the heat is consistent with warming.\n\n"
	    "Talks with Veltrix ended. Veltrix engineers say the chip is ready.\n",
	    NULL, &x);
	assert_speaker(must_quote(&x, "No nation"), "Adrián Montoya Ruiz");
	const struct vb_quote *q = must_quote(&x, "the heat is");
	assert_speaker_name(q, "Climate scientists");
	assert_null(q->speaker.org);
	q = must_quote(&x, "the chip is ready");
	assert_true(q->has_speaker);
	assert_non_null(q->speaker.org);
	assert_string_equal(q->speaker.org, "Veltrix");
	vb_extraction_release(&x);
}

/* Where a report ends: before the writer's "as ...", after "last
 * month"; German inverted and V2 attributions. */
/* Sources described between commas, bare plural subjects, an unnamed
 * spokeswoman again, an office said by its verb. */
static void test_sources_described(void **state)
{
	(void)state;
	struct vb_extraction x;
	const struct vb_quote *q;

	run("Lakeshore Water was fined on Wednesday.\n\n"
	    "According to Ofwat, the regulator, the company's profits rose 12% last year.\n\n"
	    "Campaigners welcomed the fine but said it was too small.\n\n"
	    "Unions welcomed the ruling but said the amount was far too small.\n\n"
	    "A spokeswoman for Lakeshore Water said the firm accepted the ruling.\n\n"
	    "\"We are sorry,\" the spokeswoman said.\n\n"
	    "Daniel Ferris, who chairs the Friends of the Aske, told the Courier: "
	    "\"Two million is a rounding error.\"\n\n"
	    "Tom Reyes, who founded the Cupertino, Calif.-based company, said he "
	    "expected a rebound in orders.\n", NULL, &x);
	q = must_quote(&x, "the company's profits");
	assert_string_equal(q->text, "the company's profits rose 12% last year");
	assert_speaker(q, "Ofwat");
	assert_false(has_quote(&x, "the regulator"));
	q = must_quote(&x, "it was too small");
	assert_speaker_name(q, "Campaigners");
	assert_int_equal(q->speaker.type, VB_SPEAKER_PERSON);
	q = must_quote(&x, "the amount was far too small");
	assert_speaker_name(q, "Unions");
	assert_int_equal(q->speaker.type, VB_SPEAKER_ORGANISATION);
	q = must_quote(&x, "We are sorry");
	assert_string_equal(q->speaker.org, "Lakeshore Water");
	q = must_quote(&x, "Two million");
	assert_speaker(q, "Daniel Ferris");
	assert_role_org(q, "chair", "Friends of the Aske");
	q = must_quote(&x, "he expected a rebound");
	assert_speaker(q, "Tom Reyes");
	assert_true(!q->speaker.org || !strstr(q->speaker.org, "Cupertino"));
	vb_extraction_release(&x);

	/* Unnamed sources by what they know; a common noun capitalised as
	 * the sentence's first word is no organisation. */
	run("A person familiar with the talks said Northfield had rejected two offers.\n\n"
	    "Two people briefed on the plan said it would cost more than expected.\n\n"
	    "Union organiser Rob Keane told reporters that workers had been given "
	    "two days' notice.\n", NULL, &x);
	q = must_quote(&x, "Northfield had rejected");
	assert_speaker_name(q, "A person familiar with the talks");
	assert_true(q->speaker.anonymous);
	assert_speaker_name(must_quote(&x, "it would cost more"), "Two people briefed on the plan");
	q = must_quote(&x, "workers had been given");
	assert_speaker(q, "Rob Keane");
	assert_role_org(q, "organiser", NULL);
	vb_extraction_release(&x);
}

/* German separable verbs: the particle before the comma is the verb's. */
static void test_german_separable_verbs(void **state)
{
	(void)state;
	struct vb_extraction x;
	struct vb_extract_opts o = { .lang = "de" };
	run("Die Firma teilte mit, dass sie 200 Stellen streichen werde.\n\n"
	    "Oberb\xc3\xbcrgermeister Frank Hessel k\xc3\xbcndigte an, das Thema im "
	    "Stadtrat anzusprechen.\n", &o, &x);
	assert_string_equal(must_quote(&x, "sie 200 Stellen")->text,
			    "sie 200 Stellen streichen werde");
	const struct vb_quote *q = must_quote(&x, "das Thema im Stadtrat");
	assert_string_equal(q->text, "das Thema im Stadtrat anzusprechen");
	assert_speaker(q, "Frank Hessel");
	vb_extraction_release(&x);
}

static void test_report_bounds(void **state)
{
	(void)state;
	struct vb_extraction x;
	const struct vb_quote *q;
	run("Brightline Airways will cut about 900 jobs, the carrier said on "
	    "Monday, as fuel costs eat into profits.\n\n"
	    "The airline said last month it would close its Belfast base.\n\n"
	    "Sales rose sharply in the quarter, said Jane Roe at a meeting with "
	    "farmers.\n", NULL, &x);
	must_quote(&x, "Brightline Airways will cut about 900 jobs");
	assert_false(has_quote(&x, "as fuel costs"));
	must_quote(&x, "it would close its Belfast base");
	assert_false(has_quote(&x, "month it would"));
	assert_speaker(must_quote(&x, "Sales rose sharply"), "Jane Roe");
	vb_extraction_release(&x);

	/* ", adding that": two reports of one speaker; a signature after a
	 * dash names who is quoted. */
	run("Dealers said there is abundant liquidity on the bond market, noting "
	    "that this week's tap issue had a good reception.\n\n"
	    "Tom Hale spoke first.\n\n"
	    "\"We will fight this all the way\" \xe2\x80\x94 Maria Lopez, chair of the "
	    "residents' group.\n", NULL, &x);
	q = must_quote(&x, "there is abundant liquidity on the bond market");
	assert_string_equal(q->text, "there is abundant liquidity on the bond market");
	assert_speaker_name(must_quote(&x, "this week's tap issue"), "Dealers");
	assert_speaker(must_quote(&x, "We will fight"), "Maria Lopez");
	vb_extraction_release(&x);

	/* ", adding that" after a trailing attribution or a direct quote's:
	 * the clause before the verb and the one after "that", each a
	 * report of its own, and never "adding that" in the text. */
	run("Talks will resume on Monday, the minister said, adding that no deal "
	    "was expected before June.\n\n"
	    "Mayor Lena Varga welcomed the plan. \"It's overdue,\" she said, adding "
	    "that the city would contribute three million euros.\n", NULL, &x);
	q = must_quote(&x, "Talks will resume");
	assert_string_equal(q->text, "Talks will resume on Monday");
	q = must_quote(&x, "no deal was expected");
	assert_string_equal(q->text, "no deal was expected before June");
	assert_speaker_name(q, "the minister");
	q = must_quote(&x, "the city would contribute");
	assert_string_equal(q->text, "the city would contribute three million euros");
	assert_speaker(q, "Lena Varga");
	assert_false(has_quote(&x, "adding"));
	vb_extraction_release(&x);

	/* ", but added that", ", and warned that": the speaker goes on with a
	 * verb of their own; not one clause joined across the attribution.
	 * A town in capitals before a dash is a dateline, not reported. */
	run("EASTPORT \xe2\x80\x94 The harbour expansion will be delayed by a year, "
	    "officials said on Tuesday.\n\n"
	    "Marta Guinn, the port's chief engineer, spoke at the quay.\n\n"
	    "The delay will cost about $40 million, Guinn said, but added that the "
	    "budget had a reserve for it.\n\n"
	    "Fares will rise in May, the operator said, and warned that some routes "
	    "would close.\n", NULL, &x);
	q = must_quote(&x, "The harbour expansion");
	assert_string_equal(q->text, "The harbour expansion will be delayed by a year");
	q = must_quote(&x, "The delay will cost");
	assert_string_equal(q->text, "The delay will cost about $40 million");
	assert_speaker(q, "Marta Guinn");
	q = must_quote(&x, "the budget had a reserve");
	assert_string_equal(q->text, "the budget had a reserve for it");
	assert_speaker(q, "Marta Guinn");
	assert_non_null(q->cue);
	assert_string_equal(q->cue, "added");
	q = must_quote(&x, "some routes would close");
	assert_string_equal(q->cue, "warned");
	assert_speaker_name(q, "the operator");
	assert_string_equal(must_quote(&x, "Fares will rise")->text, "Fares will rise in May");
	assert_false(has_quote(&x, "added"));
	assert_false(has_quote(&x, "EASTPORT"));
	vb_extraction_release(&x);

	/* The writer's participle after a trailing attribution is no report;
	 * a speech participle with a subject and no "that" is one. */
	run("Veltrix will recall about 40,000 scooters across Europe, the company "
	    "said on Friday, sending its shares down 7%.\n\n"
	    "Vulcan is working to resolve the problems, chairman Lloyd Miller "
	    "said, adding it appears it will take most of 1987 to find "
	    "solutions.\n", NULL, &x);
	q = must_quote(&x, "Veltrix will recall");
	assert_string_equal(q->text, "Veltrix will recall about 40,000 scooters across Europe");
	assert_false(has_quote(&x, "sending"));
	q = must_quote(&x, "Vulcan is working");
	assert_string_equal(q->text, "Vulcan is working to resolve the problems");
	q = must_quote(&x, "it appears it will take");
	assert_speaker(q, "Lloyd Miller");
	vb_extraction_release(&x);

	/* One who works "at" or "with" a named place is a person; an
	 * organisation's noun with a participle names an organisation; a
	 * possessive or a noun in -ing is no participle. */
	run("Kowalczyk, a hydrologist at Marlow University, said the wall was "
	    "never designed for these tides.\n\n"
	    "The union representing harbour workers, Unite Marine, said in a "
	    "statement: \"Our members will not pay for years of neglect.\"\n\n"
	    "Pesch, in an interview with Reuters, said he had majority support "
	    "among the shareholders.\n\n"
	    "Mr Brackley, speaking on the steps of the court building, said the "
	    "company would look at every option.\n", NULL, &x);
	q = must_quote(&x, "the wall was never designed");
	assert_speaker(q, "Kowalczyk");
	assert_int_equal(q->speaker.type, VB_SPEAKER_PERSON);
	assert_role_org(q, "hydrologist", "Marlow University");
	q = must_quote(&x, "Our members");
	assert_speaker(q, "Unite Marine");
	assert_int_equal(q->speaker.type, VB_SPEAKER_ORGANISATION);
	q = must_quote(&x, "he had majority support");
	assert_speaker(q, "Pesch");
	assert_role_org(q, NULL, NULL);
	q = must_quote(&x, "the company would look");
	assert_int_equal(q->speaker.type, VB_SPEAKER_PERSON);
	vb_extraction_release(&x);

	/* "It" opening a sentence: the organisation opening the one before,
	 * not the last one named (the object of its verb). */
	run("USAir Group said it would weigh the offer.\n\n"
	    "Trans World Airlines offered to buy USAir for 52 dlrs a share. It also "
	    "said it was the largest shareholder of USAir.\n", NULL, &x);
	assert_speaker(must_quote(&x, "it was the largest shareholder"), "Trans World Airlines");
	vb_extraction_release(&x);

	/* "the Port of Kessling" is an organisation; "the transport
	 * ministry" is not the union that spoke before it; a participle
	 * phrase between subject and verb; "he" after a spokesman's words
	 * about "him" is the man named before. */
	run("In a statement, the Port of Kessling said it had lost about four "
	    "million euros since the strike began.\n\n"
	    "Mira Castellanos of the Dockworkers' Union said the union would hold "
	    "a ballot next month.\n\n"
	    "The transport ministry says it is monitoring the situation. A "
	    "ministry official, speaking on condition of anonymity, said the "
	    "government was prepared to appoint a mediator.\n\n"
	    "Heinz chairman Tony O'Reilly would be interested in buying the "
	    "brewery, a spokesman said. The spokesman said \"He continues to be "
	    "interested in the brewery.\" He was quoted by a magazine as saying he "
	    "had the support of two banks.\n", NULL, &x);
	q = must_quote(&x, "it had lost about four million");
	assert_speaker(q, "Port of Kessling");
	assert_int_equal(q->speaker.type, VB_SPEAKER_ORGANISATION);
	q = must_quote(&x, "it is monitoring");
	assert_speaker_name(q, "The transport ministry");
	q = must_quote(&x, "the government was prepared");
	assert_speaker_name(q, "A ministry official");
	assert_speaker(must_quote(&x, "he had the support of two banks"), "Tony O'Reilly");
	vb_extraction_release(&x);

	/* A full stop after the closing mark ends the sentence: the next
	 * one's speaker is not the fragment's. */
	run("The GMB union, which backed the drivers, called the ruling \"a "
	    "historic win\". Its national officer, Daniel Okoro, said: \"This is "
	    "a victory for every worker.\"\n", NULL, &x);
	q = must_quote(&x, "a historic win");
	assert_int_equal(q->kind, VB_QUOTE_PARTIAL);
	assert_speaker(q, "GMB");
	assert_speaker(must_quote(&x, "This is a victory"), "Daniel Okoro");
	vb_extraction_release(&x);

	/* "Co-founder" is a title, not the legal form "Co"; "said further
	 * work would" keeps "further" in the clause. */
	run("Co-founder Jane Doe said the firm would expand into Asia next year.\n\n"
	    "Nwosu said further work would examine the particles.\n\n"
	    "The Co-operative Bank said profits rose sharply in the year.\n", NULL, &x);
	q = must_quote(&x, "the firm would expand");
	assert_speaker(q, "Jane Doe");
	assert_role_org(q, "co-founder", NULL);
	assert_null(find_entity(&x, VB_ENTITY_ORGANISATION, "Co-founder Jane Doe"));
	assert_non_null(find_entity(&x, VB_ENTITY_ORGANISATION, "Co-operative Bank"));
	must_quote(&x, "further work would examine");
	vb_extraction_release(&x);

	/* "Inc." with its full stop, before a ticker in brackets; a
	 * quotation signed in the paragraph below it. */
	run("Vireo Health Inc. (NASDAQ: VIRH) said on Thursday it would expand its "
	    "trial of VH-201 to 40 sites.\n\n"
	    "\xe2\x80\x9c" "Expanding into Europe lets us enrol patients faster.\xe2\x80\x9d\n\n"
	    "\xe2\x80\x94 Dr. Samuel Achebe, Chief Medical Officer\n", NULL, &x);
	assert_speaker(must_quote(&x, "it would expand its trial"), "Vireo Health Inc");
	assert_speaker(must_quote(&x, "Expanding into Europe"), "Samuel Achebe");
	assert_null(find_entity(&x, VB_ENTITY_ORGANISATION, "VH"));
	vb_extraction_release(&x);

	/* "two of the sources said, asking not to be identified": some of
	 * the sources, and the writer's participle is nothing reported. */
	run("The company has hired investment bank Lazard to run the process, two of "
	    "the sources said, asking not to be identified.\n\n"
	    "One industry source said, asking not to be identified.\n", NULL, &x);
	q = must_quote(&x, "The company has hired");
	assert_speaker_name(q, "two of the sources");
	assert_true(q->speaker.anonymous);
	assert_false(has_quote(&x, "asking"));
	vb_extraction_release(&x);

	/* A title after "said" whose first words are no titles ("finance
	 * minister", "trade representative"), after a country; the surname
	 * alone later is that person. */
	run("The talks failed badly, said French finance minister Edouard Balladur.\n\n"
	    "Responsibility lies with those countries, said U.S. trade representative "
	    "Clayton Yeutter.\n\n"
	    "Yeutter said that it is in their interest.\n", NULL, &x);
	q = must_quote(&x, "The talks failed badly");
	assert_speaker(q, "Edouard Balladur");
	assert_role_org(q, "french finance minister", NULL);
	assert_speaker(must_quote(&x, "Responsibility lies"), "Clayton Yeutter");
	q = must_quote(&x, "it is in their interest");
	assert_speaker(q, "Clayton Yeutter");
	assert_int_equal(q->speaker.type, VB_SPEAKER_PERSON);
	vb_extraction_release(&x);

	/* The same title before the name and the verb at the end; not
	 * "last month" in it. */
	run("A cut in the deficit will be needed to help eliminate the trade gap, "
	    "U.S. trade representative Clayton Yeutter said.\n\n"
	    "Last month social affairs minister Louw de Graaf said the strike "
	    "would end soon.\n", NULL, &x);
	q = must_quote(&x, "A cut in the deficit");
	assert_speaker(q, "Clayton Yeutter");
	assert_role_org(q, "u.s. trade representative", NULL);
	q = must_quote(&x, "the strike would end");
	assert_speaker(q, "Louw de Graaf");
	assert_false(strstr(q->speaker.role, "month"));
	vb_extraction_release(&x);

	/* The subject after what it is: "Local business group Eastbrook
	 * First welcomed the plan but warned that ..." */
	run("Eastbrook First was founded in 2009.\n\n"
	    "Local business group Eastbrook First welcomed the plan but warned that "
	    "deliveries must not be disrupted.\n", NULL, &x);
	assert_speaker(must_quote(&x, "deliveries must not be disrupted"), "Eastbrook First");
	vb_extraction_release(&x);

	/* A fragment after a verb coordinated with the subject's first
	 * ("welcomed ... but said"), the subject after its title and
	 * appositive; a name between "The Rt Hon" and "MP" is a person's. */
	run("The Environment Agency warned that river levels remained high.\n\n"
	    "Cllr Tom Ashdown, leader of Carlisle City Council, welcomed the "
	    "announcement but said the money was \"a fraction of what is "
	    "needed\".\n\n"
	    "The Rt Hon Alison Pryce MP said the plan was sound and would be "
	    "funded.\n", NULL, &x);
	assert_speaker(must_quote(&x, "a fraction of what is needed"), "Tom Ashdown");
	q = must_quote(&x, "the plan was sound");
	assert_speaker(q, "Alison Pryce");
	assert_false(q->speaker.anonymous);
	vb_extraction_release(&x);

	struct vb_extract_opts de = { .lang = "de" };
	run("Oberb\xc3\xbcrgermeister Thomas Lenz begr\xc3\xbc\xc3\x9fte die Pl\xc3\xa4ne. "
	    "Die Stadt unterst\xc3\xbctze das Vorhaben, erkl\xc3\xa4rte er bei der "
	    "Vorstellung im Rathaus.\n\n"
	    "Laut Polizei wurden drei Personen verletzt.\n\n"
	    "Kritik kam vom Bund der Steuerzahler. Dessen Landesvorsitzender "
	    "Markus Weber sagte, die Kosten seien zu hoch.\n", &de, &x);
	assert_speaker(must_quote(&x, "Die Stadt unterst"), "Thomas Lenz");
	assert_speaker_name(must_quote(&x, "wurden drei Personen"), "Polizei");
	q = must_quote(&x, "die Kosten seien");
	assert_speaker(q, "Markus Weber");
	assert_string_equal(q->speaker.role, "landesvorsitzender");
	vb_extraction_release(&x);

	/* "des Unternehmens" is the company of the document, as "the
	 * company" is; a colon after the verb's object still introduces the
	 * quote; "(SPD)" after a name is a party, not the person's alias. */
	run("Die Stadtwerke Lindenau GmbH investieren 140 Millionen Euro.\n\n"
	    "Nach Angaben des Unternehmens sind derzeit rund 42.000 Haushalte "
	    "angeschlossen.\n\n"
	    "Dessen Sprecher Thomas Berger warnte jedoch vor steigenden Preisen: "
	    "\xe2\x80\x9e" "Die Kosten d\xc3\xbcrfen nicht allein bei den Kunden "
	    "landen.\xe2\x80\x9c\n\n"
	    "Oberb\xc3\xbcrgermeister Jens Hallmann (SPD) erkl\xc3\xa4rte, die Stadt "
	    "werde das Projekt unterst\xc3\xbctzen.\n", &de, &x);
	assert_speaker(must_quote(&x, "sind derzeit rund"), "Stadtwerke Lindenau GmbH");
	assert_speaker(must_quote(&x, "Die Kosten d"), "Thomas Berger");
	assert_speaker(must_quote(&x, "die Stadt werde"), "Jens Hallmann");
	assert_non_null(find_entity(&x, VB_ENTITY_ORGANISATION, "SPD"));
	assert_null(find_entity(&x, VB_ENTITY_PERSON, "SPD"));
	assert_null(find_entity(&x, VB_ENTITY_ORGANISATION, "Unternehmens"));
	vb_extraction_release(&x);

	/* "sagte, dass": the clause after "dass"; an article opening the
	 * sentence is no part of the name. */
	run("Die Bahn erkl\xc3\xa4rte, dass die Strecke im Juni wieder ge\xc3\xb6""ffnet "
	    "werde.\n", &de, &x);
	q = must_quote(&x, "die Strecke im Juni");
	assert_speaker_name(q, "Bahn");
	vb_extraction_release(&x);

	/* German news: a spokesman by office, capitalised ("sagte ein
	 * Sprecher der Nordbahn"); "„...“, so Behrens"; the listener in the
	 * dative before the clause ("sagte der Zeitung, ..."); compound
	 * titles before a name ("Verkehrsministerin Anja Kr\u00fcger (SPD)":
	 * a person, her party no alias). */
	run("\xe2\x80\x9e" "Wir bedauern die Einschr\xc3\xa4nkungen sehr\xe2\x80\x9c, sagte ein "
	    "Sprecher der Nordbahn.\n\n"
	    "GDL-Bezirksleiter Frank Behrens wies das zur\xc3\xbc""ck. \xe2\x80\x9e" "Das "
	    "Angebot ist eine Provokation\xe2\x80\x9c, so Behrens.\n\n"
	    "Verkehrsministerin Anja Kr\xc3\xbcger (SPD) rief zu Verhandlungen auf. Sie "
	    "sagte der Zeitung, ein weiterer Streik m\xc3\xbcsse verhindert werden.\n\n"
	    "\xe2\x80\x9e" "Die Pendler leiden\xe2\x80\x9c, erkl\xc3\xa4rte Verbandschef Martin "
	    "Lohse.\n", &de, &x);
	q = must_quote(&x, "Wir bedauern");
	assert_int_equal(q->speaker.type, VB_SPEAKER_PERSON);
	assert_true(q->speaker.anonymous);
	assert_role_org(q, "sprecher", "Nordbahn");
	assert_speaker(must_quote(&x, "Das Angebot ist"), "Frank Behrens");
	assert_speaker(must_quote(&x, "ein weiterer Streik"), "Anja Kr\xc3\xbcger");
	q = must_quote(&x, "Die Pendler");
	assert_speaker(q, "Martin Lohse");
	assert_string_equal(q->speaker.role, "verbandschef");
	vb_extraction_release(&x);

	/* French: the perfect ("a indiqué que"), "selon" a body whose name
	 * opens in lower case, or a person by office. */
	struct vb_extract_opts fr = { .lang = "fr" };
	run("La SNCF a indiqu\xc3\xa9 que les travaux commenceraient en septembre.\n\n"
	    "Selon le minist\xc3\xa8re des Transports, le nombre de voyageurs a "
	    "augment\xc3\xa9 l'an dernier.\n\n"
	    "Selon le maire de Blois, la ville participera au financement.\n", &fr, &x);
	assert_speaker_name(must_quote(&x, "les travaux commenceraient"), "SNCF");
	q = must_quote(&x, "le nombre de voyageurs");
	assert_speaker_name(q, "minist\xc3\xa8re des Transports");
	assert_int_equal(q->speaker.type, VB_SPEAKER_ORGANISATION);
	q = must_quote(&x, "la ville participera");
	assert_int_equal(q->speaker.type, VB_SPEAKER_PERSON);
	assert_true(q->speaker.anonymous);
	vb_extraction_release(&x);

	/* French news: an inverted subject after a comma ("..., a annoncé
	 * mardi la SNCF."), "un porte-parole de la SNCF", a title with an
	 * appositive name ("Le maire de Toulouse, X, a affirmé que"), the
	 * inverted pronoun ("», a-t-il déclaré", "», dit-elle"); weekdays in
	 * lower case are dates. */
	struct vb_extract_opts frn = { .lang = "fr", .doc_date = "2026-03-10" };
	run("La circulation sera fortement perturb\xc3\xa9""e jeudi en Occitanie, a "
	    "annonc\xc3\xa9 mardi la SNCF.\n\n"
	    "\xc2\xab Nous pr\xc3\xa9voyons un TER sur trois \xc2\xbb, a pr\xc3\xa9""cis\xc3\xa9 un "
	    "porte-parole de la SNCF.\n\n"
	    "Le maire de Toulouse, Jean-Luc Moudenc, a affirm\xc3\xa9 que la ville "
	    "mettrait en place des navettes. \xc2\xab Personne ne doit rester sur le "
	    "quai \xc2\xbb, a-t-il d\xc3\xa9""clar\xc3\xa9.\n\n"
	    "La ministre Claire Dufour \xc3\xa9tait pr\xc3\xa9sente. \xc2\xab Le dialogue est "
	    "ouvert \xc2\xbb, dit-elle.\n", &frn, &x);
	assert_speaker_name(must_quote(&x, "La circulation"), "SNCF");
	q = must_quote(&x, "Nous pr");
	assert_true(q->speaker.anonymous);
	assert_role_org(q, "porte-parole", "SNCF");
	q = must_quote(&x, "la ville mettrait");
	assert_speaker(q, "Jean-Luc Moudenc");
	assert_role_org(q, "maire", "Toulouse");
	assert_speaker(must_quote(&x, "Personne ne doit"), "Jean-Luc Moudenc");
	assert_speaker(must_quote(&x, "Le dialogue est"), "Claire Dufour");
	bool jeudi = false;
	for (size_t i = 0; i < x.ndates; i++)
		jeudi |= !strcmp(x.dates[i].text, "jeudi") && x.dates[i].value &&
			 !strcmp(x.dates[i].value, "2026-03-12");
	assert_true(jeudi);
	vb_extraction_release(&x);

	/* Spanish: the perfect after a quotation ("ha declarado la
	 * consejera delegada de X, NAME"), a title and its place before an
	 * appositive name, "según" with a body, or with a verb and the
	 * company ("según ha anunciado hoy la compañía"). */
	struct vb_extract_opts es = { .lang = "es", .source_org = "Aguas del Tajo",
				      .doc_type = "press_release" };
	run("Aguas del Tajo invertir\xc3\xa1 80 millones de euros en la red, seg\xc3\xban "
	    "ha anunciado hoy la compa\xc3\xb1\xc3\xad""a.\n\n"
	    "\"Esta inversi\xc3\xb3n garantiza el suministro\", ha declarado la consejera "
	    "delegada de Aguas del Tajo, Marta Iglesias.\n\n"
	    "El alcalde de Toledo, Carlos Ruiz, afirm\xc3\xb3 que el proyecto \"es una gran "
	    "noticia\".\n\n"
	    "Seg\xc3\xban el Ayuntamiento, las obras comenzar\xc3\xa1n en septiembre.\n",
	    &es, &x);
	assert_speaker_name(must_quote(&x, "Aguas del Tajo invertir"), "Aguas del Tajo");
	q = must_quote(&x, "Esta inversi");
	assert_speaker(q, "Marta Iglesias");
	assert_role_org(q, "consejera delegada", "Aguas del Tajo");
	q = must_quote(&x, "es una gran noticia");
	assert_speaker(q, "Carlos Ruiz");
	assert_role_org(q, "alcalde", "Toledo");
	q = must_quote(&x, "las obras");
	assert_speaker_name(q, "Ayuntamiento");
	assert_int_equal(q->speaker.type, VB_SPEAKER_ORGANISATION);
	vb_extraction_release(&x);
}

/* Chinese: a place or listener between name and verb, "他说" after a
 * quotation, numbers glued to Han text. */
/* A Chinese release's officer speaks for its issuer, which the text names
 * (Chinese names are found apart from the entity scan). */
static void test_chinese_officer_of_issuer(void **state)
{
	(void)state;
	struct vb_extraction x;
	struct vb_extract_opts zh = { .lang = "zh", .doc_date = "2026-10-28",
				      .doc_type = "press_release", .source_org = "\xe5\x8d\x8e" "\xe6\x99\xa8" "\xe6\x96\xb0" "\xe8\x83\xbd" "\xe6\xba\x90" "\xe6\x9c\x89" "\xe9\x99\x90" "\xe5\x85\xac" "\xe5\x8f\xb8" };
	/* 华晨新能源有限公司今日公布第三季度业绩。公司董事长王建国表示：“储能业务增长强劲。” */
	run("\xe5\x8d\x8e" "\xe6\x99\xa8" "\xe6\x96\xb0" "\xe8\x83\xbd" "\xe6\xba\x90" "\xe6\x9c\x89" "\xe9\x99\x90" "\xe5\x85\xac" "\xe5\x8f\xb8" "\xe4\xbb\x8a" "\xe6\x97\xa5" "\xe5\x85\xac" "\xe5\xb8\x83" "\xe7\xac\xac" "\xe4\xb8\x89" "\xe5\xad\xa3" "\xe5\xba\xa6" "\xe4\xb8\x9a" "\xe7\xbb\xa9" "\xe3\x80\x82" "\n" "\n" "\xe5\x85\xac" "\xe5\x8f\xb8" "\xe8\x91\xa3" "\xe4\xba\x8b" "\xe9\x95\xbf" "\xe7\x8e\x8b" "\xe5\xbb\xba" "\xe5\x9b\xbd" "\xe8\xa1\xa8" "\xe7\xa4\xba" "\xef\xbc\x9a" "\xe2\x80\x9c" "\xe5\x82\xa8" "\xe8\x83\xbd" "\xe4\xb8\x9a" "\xe5\x8a\xa1" "\xe5\xa2\x9e" "\xe9\x95\xbf" "\xe5\xbc\xba" "\xe5\x8a\xb2" "\xe3\x80\x82" "\xe2\x80\x9d" "\n", &zh, &x);
	const struct vb_quote *q = must_quote(&x, "\xe5\x82\xa8" "\xe8\x83\xbd");
	assert_speaker_name(q, "\xe7\x8e\x8b" "\xe5\xbb\xba" "\xe5\x9b\xbd");
	assert_non_null(q->speaker.org);
	assert_string_equal(q->speaker.org, "\xe5\x8d\x8e" "\xe6\x99\xa8" "\xe6\x96\xb0" "\xe8\x83\xbd" "\xe6\xba\x90" "\xe6\x9c\x89" "\xe9\x99\x90" "\xe5\x85\xac" "\xe5\x8f\xb8");
	vb_extraction_release(&x);
}

/* A bare kind of organisation before a title is the one of that kind
 * named before ("公司总经理王建国"); a partial quote's speaker is the one
 * before a comma in its sentence ("李梅说，这次调价“……”"), not the last
 * one to speak. */
static void test_chinese_kind_and_partial(void **state)
{
	(void)state;
	struct vb_extraction x;
	struct vb_extract_opts zh = { .lang = "zh", .doc_date = "2026-03-15" };
	/* 华东电力公司周一宣布，自4月1日起，居民电价将上调5%。  公司总经理王建国表示：“燃料成本去年上涨了近三成。”  消费者协会秘书长李梅说，这次调价“缺乏充分的听证程序”。  */
	run("\xe5\x8d\x8e" "\xe4\xb8\x9c" "\xe7\x94\xb5" "\xe5\x8a\x9b" "\xe5\x85\xac" "\xe5\x8f\xb8" "\xe5\x91\xa8" "\xe4\xb8\x80" "\xe5\xae\xa3" "\xe5\xb8\x83" "\xef\xbc\x8c" "\xe8\x87\xaa" "4\xe6\x9c\x88" "1\xe6\x97\xa5" "\xe8\xb5\xb7" "\xef\xbc\x8c" "\xe5\xb1\x85" "\xe6\xb0\x91" "\xe7\x94\xb5" "\xe4\xbb\xb7" "\xe5\xb0\x86" "\xe4\xb8\x8a" "\xe8\xb0\x83" "5%\xe3\x80\x82" "\n\n\xe5\x85\xac" "\xe5\x8f\xb8" "\xe6\x80\xbb" "\xe7\xbb\x8f" "\xe7\x90\x86" "\xe7\x8e\x8b" "\xe5\xbb\xba" "\xe5\x9b\xbd" "\xe8\xa1\xa8" "\xe7\xa4\xba" "\xef\xbc\x9a" "\xe2\x80\x9c" "\xe7\x87\x83" "\xe6\x96\x99" "\xe6\x88\x90" "\xe6\x9c\xac" "\xe5\x8e\xbb" "\xe5\xb9\xb4" "\xe4\xb8\x8a" "\xe6\xb6\xa8" "\xe4\xba\x86" "\xe8\xbf\x91" "\xe4\xb8\x89" "\xe6\x88\x90" "\xe3\x80\x82" "\xe2\x80\x9d" "\n\n\xe6\xb6\x88" "\xe8\xb4\xb9" "\xe8\x80\x85" "\xe5\x8d\x8f" "\xe4\xbc\x9a" "\xe7\xa7\x98" "\xe4\xb9\xa6" "\xe9\x95\xbf" "\xe6\x9d\x8e" "\xe6\xa2\x85" "\xe8\xaf\xb4" "\xef\xbc\x8c" "\xe8\xbf\x99" "\xe6\xac\xa1" "\xe8\xb0\x83" "\xe4\xbb\xb7" "\xe2\x80\x9c" "\xe7\xbc\xba" "\xe4\xb9\x8f" "\xe5\x85\x85" "\xe5\x88\x86" "\xe7\x9a\x84" "\xe5\x90\xac" "\xe8\xaf\x81" "\xe7\xa8\x8b" "\xe5\xba\x8f" "\xe2\x80\x9d" "\xe3\x80\x82" "\n", &zh, &x);
	const struct vb_quote *q = must_quote(&x, "\xe7\x87\x83" "\xe6\x96\x99" "\xe6\x88\x90" "\xe6\x9c\xac");
	assert_speaker_name(q, "\xe7\x8e\x8b" "\xe5\xbb\xba" "\xe5\x9b\xbd");
	assert_non_null(q->speaker.org);
	assert_string_equal(q->speaker.org, "\xe5\x8d\x8e" "\xe4\xb8\x9c" "\xe7\x94\xb5" "\xe5\x8a\x9b" "\xe5\x85\xac" "\xe5\x8f\xb8");
	q = must_quote(&x, "\xe7\xbc\xba" "\xe4\xb9\x8f" "\xe5\x85\x85" "\xe5\x88\x86");
	assert_int_equal(q->kind, VB_QUOTE_PARTIAL);
	assert_speaker_name(q, "\xe6\x9d\x8e" "\xe6\xa2\x85");
	assert_non_null(q->speaker.org);
	assert_string_equal(q->speaker.org, "\xe6\xb6\x88" "\xe8\xb4\xb9" "\xe8\x80\x85" "\xe5\x8d\x8f" "\xe4\xbc\x9a");
	vb_extraction_release(&x);
}

static void test_chinese_reports(void **state)
{
	(void)state;
	struct vb_extraction x;
	struct vb_extract_opts zh = { .lang = "zh", .doc_date = "2024-01-18" };
	/* 陈士华在发布会上表示，新能源汽车已成为重要力量。“今年出口有望继续增长。”他说。
	 * 协会18日发布数据，出口同比增长77.6%。 */
	run("\xe9\x99\x88\xe5\xa3\xab\xe5\x8d\x8e\xe5\x9c\xa8\xe5\x8f\x91"
	    "\xe5\xb8\x83\xe4\xbc\x9a\xe4\xb8\x8a\xe8\xa1\xa8\xe7\xa4\xba\xef\xbc\x8c"
	    "\xe6\x96\xb0\xe8\x83\xbd\xe6\xba\x90\xe6\xb1\xbd\xe8\xbd\xa6\xe5\xb7\xb2"
	    "\xe6\x88\x90\xe4\xb8\xba\xe9\x87\x8d\xe8\xa6\x81\xe5\x8a\x9b\xe9\x87\x8f"
	    "\xe3\x80\x82\xe2\x80\x9c\xe4\xbb\x8a\xe5\xb9\xb4\xe5\x87\xba\xe5\x8f\xa3"
	    "\xe6\x9c\x89\xe6\x9c\x9b\xe7\xbb\xa7\xe7\xbb\xad\xe5\xa2\x9e\xe9\x95\xbf"
	    "\xe3\x80\x82\xe2\x80\x9d\xe4\xbb\x96\xe8\xaf\xb4\xe3\x80\x82\n\n"
	    "\xe5\x8d\x8f\xe4\xbc\x9a" "18\xe6\x97\xa5\xe5\x8f\x91\xe5\xb8\x83\xe6\x95\xb0"
	    "\xe6\x8d\xae\xef\xbc\x8c\xe5\x87\xba\xe5\x8f\xa3\xe5\x90\x8c\xe6\xaf\x94"
	    "\xe5\xa2\x9e\xe9\x95\xbf" "77.6%\xe3\x80\x82\n", &zh, &x);
	const char *chen = "\xe9\x99\x88\xe5\xa3\xab\xe5\x8d\x8e";
	const struct vb_quote *q = must_quote(&x, "\xe6\x96\xb0\xe8\x83\xbd\xe6\xba\x90");
	assert_int_equal(q->kind, VB_QUOTE_INDIRECT);
	assert_speaker(q, chen);
	q = must_quote(&x, "\xe4\xbb\x8a\xe5\xb9\xb4");
	assert_int_equal(q->kind, VB_QUOTE_DIRECT);
	assert_speaker(q, chen);
	bool pct = false, day = false;
	for (size_t i = 0; i < x.nentities; i++)
		pct |= x.entities[i].type == VB_ENTITY_PERCENT &&
		       !strcmp(x.entities[i].canonical, "77.6%");
	for (size_t i = 0; i < x.ndates; i++)
		day |= x.dates[i].value && !strcmp(x.dates[i].value, "2024-01-18") &&
		       !strcmp(x.dates[i].text, "18\xe6\x97\xa5");
	assert_true(pct);
	assert_true(day);
	vb_extraction_release(&x);

	/* Straight quotation marks after a full-width colon or comma:
	 * 李文博表示："我们的海外业务保持强劲增长。" */
	run("\xe6\x9d\x8e\xe6\x96\x87\xe5\x8d\x9a\xe8\xa1\xa8\xe7\xa4\xba\xef\xbc\x9a\""
	    "\xe6\x88\x91\xe4\xbb\xac\xe7\x9a\x84\xe6\xb5\xb7\xe5\xa4\x96\xe4\xb8\x9a"
	    "\xe5\x8a\xa1\xe4\xbf\x9d\xe6\x8c\x81\xe5\xbc\xba\xe5\x8a\xb2\xe5\xa2\x9e"
	    "\xe9\x95\xbf\xe3\x80\x82\"\n", &zh, &x);
	/* 我们的海外业务 */
	q = must_quote(&x, "\xe6\x88\x91\xe4\xbb\xac\xe7\x9a\x84"
			   "\xe6\xb5\xb7\xe5\xa4\x96\xe4\xb8\x9a\xe5\x8a\xa1");
	assert_int_equal(q->kind, VB_QUOTE_DIRECT);
	assert_speaker(q, "\xe6\x9d\x8e\xe6\x96\x87\xe5\x8d\x9a");
	vb_extraction_release(&x);
}

/* Whom one tells, and who tells: "told a luncheon there would be",
 * "The developer, Northgale Renewables, says", "shouted one man". */
static void test_told_and_appositives(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("The developer, Northgale Renewables, says the farm would power 12,000 "
	    "homes. Its project manager, Sarah Lindqvist, told a packed meeting at "
	    "the village hall on Tuesday that the company would pay into a fund.\n\n"
	    "\"Five thousand pounds is nothing,\" shouted one man from the back of "
	    "the hall.\n\n"
	    "Dan Rostow told a press club luncheon there would be a number of tax "
	    "proposals. Donald Houston told a House subcommittee USDA was developing "
	    "new rules. They also shouted their support for a demand that the fees "
	    "be cut.\n", NULL, &x);
	const struct vb_quote *q = must_quote(&x, "the farm would power");
	assert_true(q->has_speaker);
	assert_string_equal(q->speaker.canonical, "Northgale Renewables");
	q = must_quote(&x, "the company would pay");
	assert_speaker(q, "Sarah Lindqvist");
	assert_non_null(q->speaker.org);
	assert_string_equal(q->speaker.org, "Northgale Renewables");
	assert_speaker_name(must_quote(&x, "Five thousand pounds"), "one man");
	assert_speaker(must_quote(&x, "there would be a number"), "Dan Rostow");
	assert_speaker(must_quote(&x, "USDA was developing"), "Donald Houston");
	assert_false(has_quote(&x, "their support"));
	vb_extraction_release(&x);
}

/* A document speaks for who issued it; "the union" is no company. */
static void test_documents_and_bodies(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Orvane Pharma said on Monday it would cut 300 jobs.\n\n"
	    "The union said in a statement that it would fight the cuts. \"This "
	    "is a disgrace,\" the statement said.\n\n"
	    "Orvane's chief executive, Lena Fischer, said in a memo to staff that "
	    "the decision was painful. The memo, seen by Reuters, said the plant "
	    "in Dayton would close by December.\n\n"
	    "Tom Hale said prices rose. The statement said the ministers agreed.\n",
	    NULL, &x);
	const struct vb_quote *q = must_quote(&x, "it would fight");
	assert_speaker_name(q, "The union");
	assert_speaker_name(must_quote(&x, "This is a disgrace"), "The union");
	assert_speaker(must_quote(&x, "the decision was painful"), "Lena Fischer");
	assert_speaker(must_quote(&x, "the plant in Dayton"), "Lena Fischer");
	assert_speaker_name(must_quote(&x, "the ministers agreed"), "The statement");
	vb_extraction_release(&x);

	/* The statement of the organisation its last speaker spoke for,
	 * unless someone else was named since. */
	run("\"The wall will not hold another winter,\" the authority's director, "
	    "Helena Quist of the Coastal Protection Authority, told reporters.\n\n"
	    "The statement said work would begin in May.\n\n"
	    "\"It is too late,\" said Dara Pell of the Tenants Union. Farmers met "
	    "Amos Ekker on Monday. The statement said the meeting had been "
	    "useful.\n",
	    NULL, &x);
	assert_speaker(must_quote(&x, "work would begin in May"),
		       "Coastal Protection Authority");
	assert_speaker_name(must_quote(&x, "the meeting had been useful"), "The statement");
	/* A title, then "NAME of ORG" between the commas; "NAME of the
	 * ORG" is a person and where she is from, not one company. */
	const struct vb_quote *wall = must_quote(&x, "The wall will not hold");
	assert_speaker(wall, "Helena Quist");
	assert_role_org(wall, "director", "Coastal Protection Authority");
	const struct vb_quote *late = must_quote(&x, "It is too late");
	assert_speaker(late, "Dara Pell");
	assert_int_equal(late->speaker.type, VB_SPEAKER_PERSON);
	assert_role_org(late, NULL, "Tenants Union");
	vb_extraction_release(&x);

	/* "The Hughes board said" is Hughes; "The Indonesian government"
	 * is no organisation "Indonesian". */
	run("The Justice Department said it would block the merger. The Hughes "
	    "board said it would not sign the decree. The Indonesian government "
	    "said output would rise.\n", NULL, &x);
	assert_speaker_name(must_quote(&x, "it would not sign"), "Hughes");
	assert_speaker_name(must_quote(&x, "output would rise"), "The Indonesian government");
	vb_extraction_release(&x);
}

/* Court reports: one justice's quotation is not attributed by the next
 * sentence's verb; "and said" without "that"; an organisation named by
 * its appositive. */
static void test_court_report(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Writing for the majority, Justice Elena Kagan said the law "
	    "\"interferes with protected speech.\" Justice Samuel Alito, joined by "
	    "two other justices, wrote in a dissent that the ruling was "
	    "\"ill-considered.\"\n\n"
	    "Attorney General Ken Paxton called the decision \"deeply "
	    "disappointing\" and said his office would keep fighting. NetChoice, a "
	    "trade group representing the companies, praised the ruling.\n\n"
	    "\"This is a win for free expression,\" said Chris Marchese, the "
	    "group's litigation director.\n", NULL, &x);
	assert_speaker(must_quote(&x, "interferes with"), "Elena Kagan");
	assert_speaker(must_quote(&x, "ill-considered"), "Samuel Alito");
	assert_speaker(must_quote(&x, "his office would keep fighting"), "Ken Paxton");
	const struct vb_quote *q = must_quote(&x, "This is a win");
	assert_speaker(q, "Chris Marchese");
	assert_non_null(q->speaker.org);
	assert_string_equal(q->speaker.org, "NetChoice");
	vb_extraction_release(&x);
}

/* Where and to whom: "told reporters in Geneva that", "in Surrey, England,". */
static void test_places_after_the_verb(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Its spokeswoman, Clara Neville, told reporters in Geneva that "
	    "night-time temperatures were a concern.\n\n"
	    "His agent, Paulo Matos, told the newspaper Record that talks could "
	    "resume.\n\n"
	    "Koehler said in a speech in Surrey, England, speculative inflows may "
	    "cause monetary growth.\n", NULL, &x);
	assert_speaker(must_quote(&x, "night-time temperatures"), "Clara Neville");
	const struct vb_quote *q = must_quote(&x, "talks could resume");
	assert_speaker(q, "Paulo Matos");
	assert_string_equal(q->speaker.role, "agent");
	must_quote(&x, "speculative inflows may");
	assert_false(has_quote(&x, "England, speculative"));
	vb_extraction_release(&x);
}

/* Reported speech: interrupted, after a fragment, with new verbs and groups. */
static void test_reported_forms(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Harbour traffic, though still light, had doubled since May, she "
	    "noted, and two ferry lines were in talks with the port.\n\n"
	    "Corin Blake said the levy was \"a tax on the sea\" and that the "
	    "fishermen would stop paying it in June.\n\n"
	    "The claimants allege that the port authority ignored three "
	    "warnings.\n\n"
	    "Consumer groups said they would watch the new tariff closely.\n",
	    NULL, &x);
	const struct vb_quote *q = must_quote(&x, "Harbour traffic");
	assert_int_equal(q->kind, VB_QUOTE_INDIRECT);
	assert_int_equal(q->nspans, 2);
	assert_string_equal(q->text, "Harbour traffic, though still light, had "
			    "doubled since May and two ferry lines were in talks "
			    "with the port");
	q = must_quote(&x, "the fishermen would stop");
	assert_int_equal(q->kind, VB_QUOTE_INDIRECT);
	assert_speaker(q, "Corin Blake");
	assert_false(has_quote(&x, "the levy was"));
	assert_speaker_name(must_quote(&x, "the port authority ignored"), "The claimants");
	q = must_quote(&x, "they would watch");
	assert_true(q->has_speaker);
	assert_true(q->speaker.anonymous);
	vb_extraction_release(&x);
}

/* Titles of reports are not quotes, however long. */
static void test_long_titles(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("The institute published \"Rivers at Risk: A Survey of Water "
	    "Co-operation Between Farmers and Towns in the Western Valleys\" "
	    "on Monday, its director said.\n", NULL, &x);
	for (size_t i = 0; i < x.nquotes; i++)
		assert_true(strncmp(x.quotes[i].text, "Rivers at Risk", 14) != 0);
	vb_extraction_release(&x);
	run("Researchers said the survey, \"Rivers at Risk: A Survey of "
	    "Water Co-operation Between Farmers and Towns\", was overdue.\n",
	    NULL, &x);
	for (size_t i = 0; i < x.nquotes; i++)
		assert_true(strncmp(x.quotes[i].text, "Rivers at Risk", 14) != 0);
	vb_extraction_release(&x);
}

/* Organisation names: plural possessives inside, "and" inside an "of" phrase, two organisations. */
static void test_org_names(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("The Growers' Water Alliance met the Ministry of Agriculture and "
	    "Fisheries on Monday, with Kestrel Dairy Group and Marlow Farms Ltd.\n",
	    NULL, &x);
	const char *want[] = { "Growers' Water Alliance",
			       "Ministry of Agriculture and Fisheries",
			       "Kestrel Dairy Group", "Marlow Farms Ltd" };
	for (size_t w = 0; w < 4; w++) {
		bool found = false;
		for (size_t i = 0; i < x.nentities; i++)
			if (x.entities[i].type == VB_ENTITY_ORGANISATION &&
			    !strcmp(x.entities[i].text, want[w]))
				found = true;
		if (!found) {
			for (size_t i = 0; i < x.nentities; i++)
				fprintf(stderr, "  have: %s\n", x.entities[i].text);
			fail_msg("no organisation '%s'", want[w]);
		}
	}
	vb_extraction_release(&x);
}

/* German, French and Chinese verbs of saying, "selon X", "so X", "X表示：". */
static void test_other_languages(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("\xe2\x80\x9eWir sind sehr zufrieden\xe2\x80\x9c, sagte Dr. Jonas "
	    "Reding, Gesch\xc3\xa4" "ftsf\xc3\xbchrer der Hafenwerk GmbH.\n\n"
	    "Die Nachfrage sei besonders gro\xc3\x9f, so Reding.\n", NULL, &x);
	assert_speaker(must_quote(&x, "Wir sind"), "Jonas Reding");
	assert_speaker(must_quote(&x, "Die Nachfrage"), "Jonas Reding");
	vb_extraction_release(&x);

	run("\xc2\xab Nous sommes satisfaits \xc2\xbb, a d\xc3\xa9" "clar\xc3\xa9 "
	    "Marc Duval.\n\nSelon Marc Duval, la saison sera difficile.\n",
	    NULL, &x);
	assert_speaker(must_quote(&x, "Nous sommes"), "Marc Duval");
	assert_speaker(must_quote(&x, "la saison sera"), "Marc Duval");
	vb_extraction_release(&x);

	/* 晨光公司总经理李文涛表示：“我们很高兴。” 李文涛说，公司将推出新服务。 */
	run("\xe6\x99\xa8\xe5\x85\x89\xe5\x85\xac\xe5\x8f\xb8\xe6\x80\xbb"
	    "\xe7\xbb\x8f\xe7\x90\x86\xe6\x9d\x8e\xe6\x96\x87\xe6\xb6\x9b"
	    "\xe8\xa1\xa8\xe7\xa4\xba\xef\xbc\x9a\xe2\x80\x9c\xe6\x88\x91"
	    "\xe4\xbb\xac\xe5\xbe\x88\xe9\xab\x98\xe5\x85\xb4\xe3\x80\x82"
	    "\xe2\x80\x9d\n\n"
	    "\xe6\x9d\x8e\xe6\x96\x87\xe6\xb6\x9b\xe8\xaf\xb4\xef\xbc\x8c"
	    "\xe5\x85\xac\xe5\x8f\xb8\xe5\xb0\x86\xe6\x8e\xa8\xe5\x87\xba"
	    "\xe6\x96\xb0\xe6\x9c\x8d\xe5\x8a\xa1\xe3\x80\x82\n", NULL, &x);
	const char *li = "\xe6\x9d\x8e\xe6\x96\x87\xe6\xb6\x9b";
	assert_speaker(must_quote(&x, "\xe6\x88\x91\xe4\xbb\xac"), li);
	const struct vb_quote *q = must_quote(&x, "\xe5\x85\xac\xe5\x8f\xb8\xe5\xb0\x86");
	assert_int_equal(q->kind, VB_QUOTE_INDIRECT);
	assert_speaker(q, li);
	vb_extraction_release(&x);
}

/* A participle after a comma shares the sentence's subject; titles a
 * portfolio's word opens; a dateline with a day and a month only. */
static void test_participles_and_high_titles(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("NEW YORK, 3 May \xe2\x80\x94 Secretary-General Ana Ferreira welcomed the "
	    "ceasefire on Saturday, calling it \"a long-awaited step towards peace\".\n\n"
	    "The nurses' union rejected the offer, describing it as \"an insult to "
	    "every nurse on the ward\".\n\n"
	    "The UN High Commissioner for Refugees, Tomas Berglund, said some 200,000 "
	    "people could return home. The Foreign Secretary, Jane Oduya, said the "
	    "talks would resume.\n", NULL, &x);
	assert_speaker(must_quote(&x, "a long-awaited step"), "Ana Ferreira");
	assert_speaker_name(must_quote(&x, "an insult to every nurse"), "The nurses' union");
	const struct vb_quote *q = must_quote(&x, "some 200,000 people");
	assert_speaker(q, "Tomas Berglund");
	assert_role_org(q, "high commissioner for refugees", "UN");
	q = must_quote(&x, "the talks would resume");
	assert_speaker(q, "Jane Oduya");
	assert_role_org(q, "foreign secretary", NULL);
	/* The dateline's city is a place, and no speaker. */
	assert_null(find_entity(&x, VB_ENTITY_ORGANISATION, "YORK"));
	assert_non_null(find_entity(&x, VB_ENTITY_PLACE, "NEW YORK"));
	vb_extraction_release(&x);
}

/* Police and local copy: ranks before names, "of the ... Unit", people
 * by their trade, where they come from. */
static void test_police_and_local(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Detective Sergeant Priya Ramaswamy, of the Serious Collision Investigation "
	    "Unit, said the car was grey. Chief Constable Alan Pryce said the force would "
	    "review the case. Sheriff Dana Cole told reporters the suspect was armed. "
	    "Commander Robert S. Griffin was placed in command.\n\n"
	    "Ana Ruiz, a nurse from Leeds, said the ward was full. Tom Hale, from the "
	    "Marbury Residents Association, said the road was unsafe. Commuters said "
	    "the trains were late.\n", NULL, &x);
	const struct vb_quote *q = must_quote(&x, "the car was grey");
	assert_speaker(q, "Priya Ramaswamy");
	assert_role_org(q, "detective sergeant", "Serious Collision Investigation Unit");
	q = must_quote(&x, "the force would review");
	assert_speaker(q, "Alan Pryce");
	assert_role_org(q, "chief constable", NULL);
	q = must_quote(&x, "the suspect was armed");
	assert_speaker(q, "Dana Cole");
	assert_role_org(q, "sheriff", NULL);
	assert_non_null(find_entity(&x, VB_ENTITY_PERSON, "Robert S. Griffin"));
	q = must_quote(&x, "the ward was full");
	assert_speaker(q, "Ana Ruiz");
	assert_role_org(q, "nurse", NULL);
	q = must_quote(&x, "the road was unsafe");
	assert_speaker(q, "Tom Hale");
	assert_role_org(q, NULL, "Marbury Residents Association");
	q = must_quote(&x, "the trains were late");
	assert_true(q->has_speaker);
	assert_int_equal(q->speaker.type, VB_SPEAKER_PERSON);
	vb_extraction_release(&x);
}

/* Charity and statistics copy: "said X's chief executive, NAME",
 * "according to the Office for National Statistics" (but not "according
 * to figures from"); the same words twice are two quotes with two ids. */
static void test_reports_and_sources(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Evictions rose by a third last year, according to a report published "
	    "today by the housing charity Shelterwise.\n\n"
	    "\"These figures are a national scandal,\" said Shelterwise's chief "
	    "executive, Imogen Thackeray. It was promised in the King's Speech.\n\n"
	    "Inflation fell to 2.1 per cent in May, according to figures from the "
	    "Office for National Statistics. According to the Bank of Marbury, wages "
	    "rose by 4 per cent.\n\n"
	    "Prices rose sharply, the Marbury Chamber of Commerce said. Prices rose "
	    "sharply, said Jane Doe.\n\n"
	    "According to the National Association of Realtors (NAR), home sales fell "
	    "3 percent in May.\n", NULL, &x);
	/* The short name in brackets is the source's, not the clause's. */
	assert_speaker(must_quote(&x, "home sales fell"), "National Association of Realtors");
	/* Findings published by someone are not what they said (our
	 * guidelines; the gold set does not count them). */
	assert_false(has_quote(&x, "Evictions rose by a third"));
	const struct vb_quote *q = must_quote(&x, "These figures are");
	assert_speaker(q, "Imogen Thackeray");
	assert_role_org(q, "chief executive", "Shelterwise");
	assert_false(has_quote(&x, "Inflation fell to 2.1"));
	assert_speaker(must_quote(&x, "wages rose by 4"), "Bank of Marbury");
	assert_null(find_entity(&x, VB_ENTITY_PERSON, "Speech"));
	/* "Prices rose sharply" twice, by two speakers: two ids. */
	const struct vb_quote *a = NULL, *b = NULL;
	for (size_t i = 0; i < x.nquotes; i++)
		if (!strcmp(x.quotes[i].text, "Prices rose sharply")) {
			if (!a)
				a = &x.quotes[i];
			else
				b = &x.quotes[i];
		}
	assert_non_null(a);
	assert_non_null(b);
	assert_string_not_equal(a->id, b->id);
	assert_speaker(a, "Marbury Chamber of Commerce");
	assert_speaker(b, "Jane Doe");
	vb_extraction_release(&x);
}

/* Chinese results copy: sums in 亿元 and 万美元, the verb as the cue;
 * "据X统计" (by X's statistics) is a finding, no quote. */
static void test_chinese_results(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("星河汽车第三季度营业收入为128.6亿元，同比增长23.4%。公司融资2亿美元，"
	    "投资人民币5000万元建设工厂，交付量将超过45万辆。\n\n"
	    "星河汽车董事长周明远表示：“我们的销量再创新高。”\n\n"
	    "据中国汽车工业协会统计，今年全国新能源汽车销量同比增长31%。"
	    "协会统计，销量增长。\n", NULL, &x);
	const struct { const char *text, *canonical; } sums[] = {
		{ "128.6亿元", "CNY 12860000000" },
		{ "2亿美元", "USD 200000000" },
		{ "人民币5000万元", "CNY 50000000" },
	};
	for (size_t i = 0; i < sizeof(sums) / sizeof(sums[0]); i++) {
		const struct vb_entity *e = find_entity(&x, VB_ENTITY_MONEY, sums[i].text);
		if (!e)
			fail_msg("no sum '%s'", sums[i].text);
		assert_string_equal(e->canonical, sums[i].canonical);
	}
	for (size_t i = 0; i < x.nentities; i++)   /* cars are no money */
		assert_false(x.entities[i].type == VB_ENTITY_MONEY &&
			     strstr(x.entities[i].text, "45"));
	const struct vb_quote *q = must_quote(&x, "我们的销量");
	assert_speaker(q, "周明远");
	assert_string_equal(q->cue, "表示");
	/* Statistics are findings, not speech ("according to figures from"). */
	assert_false(has_quote(&x, "今年全国新能源汽车销量"));
	assert_false(has_quote(&x, "销量增长"));
	vb_extraction_release(&x);
}

/* Briefing and interview transcripts: each labelled turn is its
 * speaker's words; questions and the moderator are not quotes. */
static void test_transcript_turns(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("MODERATOR: Good afternoon. The spokesperson will take a few questions.\n\n"
	    "MS. ANDERSEN: Thank you. We expect talks to resume on Monday.\n\n"
	    "QUESTION: Will the ministry intervene if the strike continues?\n\n"
	    "MS. ANDERSEN: We are not going to speculate about that at all.\n\n"
	    "Q: What about the bridge closure in Harlow?\n\n"
	    "A: The bridge will reopen next week once the inspection is complete.\n\n"
	    "MINISTER HOLT: I have nothing to add to what was said.\n", NULL, &x);
	assert_speaker(must_quote(&x, "Thank you. We expect talks"), "Andersen");
	assert_speaker(must_quote(&x, "We are not going to speculate"), "Andersen");
	assert_speaker(must_quote(&x, "The bridge will reopen"), "Andersen");
	const struct vb_quote *q = must_quote(&x, "I have nothing to add");
	assert_speaker(q, "Holt");
	assert_role_org(q, "minister", NULL);
	assert_int_equal(q->kind, VB_QUOTE_DIRECT);
	assert_false(has_quote(&x, "Good afternoon"));
	assert_false(has_quote(&x, "Will the ministry"));
	assert_false(has_quote(&x, "What about the bridge"));
	assert_null(find_entity(&x, VB_ENTITY_ORGANISATION, "MS"));
	vb_extraction_release(&x);

	/* A table of figures with labels, and one label alone, are no
	 * transcript. */
	run("PARANA STATE: UMUARAMA NIL, PARANAVAI NIL, LONDRINA NIL.\n\n"
	    "MINAS GERAIS STATE: GUAXUPE NIL, TRES PONTAS NIL.\n\n"
	    "UPDATE: The plant reopened on Tuesday after the inspection.\n", NULL, &x);
	assert_int_equal(x.nquotes, 0);
	vb_extraction_release(&x);

	/* A magazine's interview, its labels written as names are; the
	 * interviewer is the magazine. */
	struct vb_extract_opts mag = { .source_org = "City Review" };
	run("Ines Kovac has been mayor of Varenburg since 2019.\n\n"
	    "City Review: The tram extension is two years late. Whose fault is that?\n\n"
	    "Kovac: Partly mine. We underestimated the cost of moving the pipes.\n\n"
	    "City Review: Critics say you should have cancelled it.\n\n"
	    "Kovac: Cancelling it would have cost us far more in penalties.\n", &mag, &x);
	q = must_quote(&x, "Partly mine");
	assert_speaker(q, "Ines Kovac");
	assert_int_equal(q->kind, VB_QUOTE_DIRECT);
	assert_speaker(must_quote(&x, "Cancelling it would"), "Ines Kovac");
	q = must_quote(&x, "Critics say");
	assert_speaker(q, "City Review");
	assert_int_equal(q->speaker.type, VB_SPEAKER_ORGANISATION);
	vb_extraction_release(&x);

	/* Notes and headings in mixed case, and labels used once each,
	 * are no interview. */
	run("Note: The figures below are provisional and may be revised.\n\n"
	    "Update: The plant reopened on Tuesday after the inspection.\n\n"
	    "Jane Doe: a life in the theatre, told by those who knew her well.\n\n"
	    "Photo: The new bridge at dusk, seen from the eastern bank.\n", NULL, &x);
	assert_int_equal(x.nquotes, 0);
	vb_extraction_release(&x);
}

/* Where it was said ("on Twitter", "on his LinkedIn account"), "posted",
 * and sources described after "according to". */
static void test_platforms_and_sources(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Sam Ortiz is the chief executive. Sam Ortiz said on Twitter that the outage "
	    "was over. Ortiz said on his LinkedIn account that refunds would follow. "
	    "\"This is a good day,\" he posted on X. The company posted a loss.\n\n"
	    "According to people familiar with the matter, the deal could close next "
	    "week. The board will meet on Monday, according to two officials briefed on "
	    "the talks. It expects 400,000 subscribers, according to a business plan "
	    "seen by the banks.\n", NULL, &x);
	assert_speaker(must_quote(&x, "the outage was over"), "Sam Ortiz");
	assert_speaker(must_quote(&x, "refunds would follow"), "Sam Ortiz");
	const struct vb_quote *q = must_quote(&x, "This is a good day");
	assert_speaker(q, "Sam Ortiz");
	assert_string_equal(q->cue, "posted");
	assert_false(has_quote(&x, "a loss"));
	assert_speaker_name(must_quote(&x, "the deal could close"), "people");
	assert_speaker_name(must_quote(&x, "The board will meet"), "two officials");
	/* A document's findings are not speech. */
	assert_false(has_quote(&x, "It expects 400,000"));
	vb_extraction_release(&x);
}

/* Sports copy: "said head coach NAME", a surname that names a town
 * elsewhere, one word called so after a copula. */
static void test_sports_release(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Harbourside United have signed midfielder Tom\xc3\xa1s Rivera from Real "
	    "Avenida.\n\n"
	    "\"He is a player we have followed for a long time,\" said head coach "
	    "Marta Lindgren.\n\n"
	    "Rivera said he was \"delighted\" to join. \"I can't wait to meet the "
	    "fans,\" he told the club's website. Owen Brackley said the result was "
	    "\"bittersweet\". The company said its \"unique\" approach works in "
	    "Rivera and Montevideo.\n\n"
	    "Marta Lindgren said the aim had always been \"to win the league, not to "
	    "survive\". She said: \"We have the squad for it.\"\n", NULL, &x);
	/* A full stop after the closing mark ends the partial quote: the
	 * quotation after "She said:" is another. */
	const struct vb_quote *q = must_quote(&x, "to win the league");
	assert_string_equal(q->text, "to win the league, not to survive");
	assert_speaker(must_quote(&x, "We have the squad"), "Marta Lindgren");
	q = must_quote(&x, "He is a player");
	assert_speaker(q, "Marta Lindgren");
	assert_role_org(q, "head coach", NULL);
	q = must_quote(&x, "delighted");
	assert_int_equal(q->kind, VB_QUOTE_PARTIAL);
	assert_speaker(q, "Tom\xc3\xa1s Rivera");
	assert_speaker(must_quote(&x, "I can't wait"), "Tom\xc3\xa1s Rivera");
	q = must_quote(&x, "bittersweet");
	assert_int_equal(q->kind, VB_QUOTE_PARTIAL);
	assert_string_equal(q->text, "bittersweet");
	/* The next sentence's verb, after the full stop, has a clause of
	 * its own: it reports the company, not this. */
	assert_speaker(q, "Owen Brackley");
	/* An adjective before a noun is no quotation of a word. */
	for (size_t i = 0; i < x.nquotes; i++)
		assert_false(x.quotes[i].kind == VB_QUOTE_PARTIAL &&
			     !strcmp(x.quotes[i].text, "unique"));
	/* "Rivera" is the man, but "in Rivera" the town. */
	const struct vb_entity *town = NULL;
	for (size_t i = 0; i < x.nentities; i++)
		if (!strcmp(x.entities[i].text, "Rivera") && x.entities[i].type == VB_ENTITY_PLACE)
			town = &x.entities[i];
	assert_non_null(town);
	vb_extraction_release(&x);
}

/* German and French "described as": "bezeichnete ... als „...“". */
static void test_described_as_german(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Jonas Riedl, Gr\xc3\xbcnder von Nordklang, bezeichnete die Einigung als "
	    "\xe2\x80\x9ewichtigen Schritt\xe2\x80\x9c f\xc3\xbcr das Unternehmen.\n",
	    NULL, &x);
	const struct vb_quote *q = must_quote(&x, "wichtigen Schritt");
	assert_int_equal(q->kind, VB_QUOTE_PARTIAL);
	assert_speaker(q, "Jonas Riedl");
	vb_extraction_release(&x);
}

/* German reported speech in the Konjunktiv I, with no verb of saying. */
static void test_konjunktiv_reports(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Die Stadtwerke Kiel melden steigende Preise. Die Lage sei ernst, die "
	    "Versorgung aber gesichert.\n\n"
	    "Ich habe das Buch gelesen und werde es empfehlen. Es war gut.\n", NULL, &x);
	const struct vb_quote *q = must_quote(&x, "Die Lage sei ernst");
	assert_int_equal(q->kind, VB_QUOTE_INDIRECT);
	assert_speaker(q, "Stadtwerke Kiel");
	/* "ich habe", "werde" of the first person: the writer's own words. */
	assert_int_equal(x.nquotes, 1);
	vb_extraction_release(&x);
}

/* A surname alone is a person when the text says so elsewhere; an
 * unknown word alone is still a company. */
static void test_lone_surnames(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Ortiz said the company would not raise prices. He added that costs "
	    "were falling.\n\n"
	    "Pramual said the deal was fair. Mr. Pramual chairs the board.\n\n"
	    "Chrysler said the cars would be cheaper.\n", NULL, &x);
	assert_int_equal(must_quote(&x, "the company would not")->speaker.type, VB_SPEAKER_PERSON);
	assert_int_equal(must_quote(&x, "the deal was fair")->speaker.type, VB_SPEAKER_PERSON);
	assert_int_equal(must_quote(&x, "the cars would")->speaker.type,
			 VB_SPEAKER_ORGANISATION);
	vb_extraction_release(&x);
}

/* Titles around a name, as newsrooms and NGOs write them. */
static void test_titles_with_owners(void **state)
{
	(void)state;
	struct vb_extraction x;
	const struct vb_quote *q;
	/* A company's name before its title, capitalised or not; a
	 * title's own modifier is not a company. */
	run("Kestrel Mobile Chief Executive Officer Renata Solberg said the network "
	    "would be ready in May.\n\n"
	    "Brightwater CEO Tom Ashby told reporters the plant would reopen.\n\n"
	    "Interim Chief Executive Paul Okafor said costs had peaked.\n", NULL, &x);
	q = must_quote(&x, "the network would be ready");
	assert_speaker(q, "Renata Solberg");
	assert_role_org(q, "chief executive officer", "Kestrel Mobile");
	assert_role_org(must_quote(&x, "the plant would reopen"), "CEO", "Brightwater");
	q = must_quote(&x, "costs had peaked");
	assert_speaker(q, "Paul Okafor");
	assert_null(q->speaker.org);
	vb_extraction_release(&x);

	/* An owner's title in capitals with a modifier the lexicon does not
	 * know; an organisation named "... Watch" is no person. */
	run("Lantern Rights Watch said the arrests were unlawful.\n\n"
	    "\u201cJournalism is not a crime,\u201d said Amara Nwosu, Lantern Rights "
	    "Watch\u2019s Regional Director for West Africa.\n", NULL, &x);
	assert_int_equal(must_quote(&x, "the arrests were")->speaker.type,
			 VB_SPEAKER_ORGANISATION);
	q = must_quote(&x, "Journalism is not");
	assert_speaker(q, "Amara Nwosu");
	assert_role_org(q, "regional director for west africa", "Lantern Rights Watch");
	vb_extraction_release(&x);

	/* An academic's title does not replace the office before it; a
	 * title's modifier ("Lead") is no organisation, and the title
	 * before an honorific is the speaker's. */
	run("The charity Heartline UK welcomed the study. Its medical director, "
	    "Professor Tom Abernethy, said the NHS should do more.\n\n"
	    "Lead author Dr Anjali Mehra said the findings were striking.\n", NULL, &x);
	q = must_quote(&x, "the NHS should");
	assert_speaker(q, "Tom Abernethy");
	assert_role_org(q, "medical director", "Heartline UK");
	q = must_quote(&x, "the findings were");
	assert_speaker(q, "Anjali Mehra");
	assert_role_org(q, "lead author", NULL);
	vb_extraction_release(&x);

	/* A transcript's label: the title has a portfolio before it, and a
	 * label in capitals gives a role in lower case. */
	run("MINISTER HALVORSEN: Good morning. We are publishing the revised budget "
	    "for this year today.\n\n"
	    "Q: What is your forecast for unemployment?\n\n"
	    "STATE SECRETARY LUND: We expect unemployment to peak in the second "
	    "quarter and to fall after that.\n\n"
	    "END\n", NULL, &x);
	q = must_quote(&x, "We expect unemployment");
	assert_speaker_name(q, "Lund");
	assert_string_equal(q->speaker.role, "state secretary");
	assert_int_equal(x.ndropped, 1);
	assert_string_equal(x.dropped[0].reason, "signoff");
	vb_extraction_release(&x);
}

/* A government title, its portfolio and a name, in one run of capitals. */
static void test_title_portfolio_name(void **state)
{
	(void)state;
	struct vb_extraction x;
	const struct vb_quote *q;
	run("Commissioner for Environment, Oceans and Fisheries Andrius Kalnas added: "
	    "\"Consumers want to do the right thing.\"\n\n"
	    "Minister for Health Jane Doe said the hospital would open.\n\n"
	    "Secretary of State for Health Wes Streeting said the plan was funded.\n\n"
	    "Deputy Secretary of State John Whitehead said trade would grow.\n", NULL, &x);
	q = must_quote(&x, "Consumers want");
	assert_speaker(q, "Andrius Kalnas");
	assert_role_org(q, "commissioner for environment, oceans and fisheries", NULL);
	q = must_quote(&x, "the hospital would open");
	assert_speaker(q, "Jane Doe");
	assert_role_org(q, "minister for health", NULL);
	q = must_quote(&x, "the plan was funded");
	assert_speaker(q, "Wes Streeting");
	assert_role_org(q, "secretary of state for health", NULL);
	assert_speaker(must_quote(&x, "trade would grow"), "John Whitehead");
	vb_extraction_release(&x);
}

/* "the company" in a press release is its issuer, not a product with a
 * model number opening the sentence, nor the exchange of its ticker. */
static void test_company_of_a_release(void **state)
{
	(void)state;
	struct vb_extraction x;
	struct vb_extract_opts opts = { .source_org = "Quillon Systems",
					.doc_type = "press_release" };
	run("Quillon Systems, Inc. (NASDAQ: QLLN) today announced Atlas 3, its "
	    "platform for factories.\n\n"
	    "Atlas 3 cuts the time needed to deploy models from weeks to hours, the "
	    "company said.\n", &opts, &x);
	assert_speaker(must_quote(&x, "Atlas 3 cuts"), "Quillon Systems Inc");
	vb_extraction_release(&x);
}

/* Speakers around quotations in news copy: a colon after a short
 * sentence with no speech verb; a relative clause between the subject
 * and the verb; "one" as a determiner; a participle of saying after a
 * surname that opens the sentence. */
static void test_news_attributions(void **state)
{
	(void)state;
	struct vb_extraction x;
	const struct vb_quote *q;
	run("\"It is over,\" said Carla Mendes, the union's regional secretary.\n\n"
	    "The minister was blunt: \"There is no more money.\"\n\n"
	    "Mendes hit back, saying the government had \"broken every promise it "
	    "made\".\n\n"
	    "\u201cThe mood is angry,\u201d one shop steward, who asked not to be named, "
	    "told the Gazette.\n\n"
	    "\"Hopefully we will not overreact,\" Stanley Emerling, executive vice "
	    "president of the National Association of Meat Purveyors, said.\n", NULL, &x);
	q = must_quote(&x, "There is no more money");
	assert_speaker_name(q, "The minister");
	assert_speaker(must_quote(&x, "broken every promise"), "Carla Mendes");
	q = must_quote(&x, "The mood is angry");
	assert_speaker_name(q, "one shop steward");
	assert_true(q->speaker.anonymous);
	q = must_quote(&x, "Hopefully we will not");
	assert_speaker(q, "Stanley Emerling");
	assert_role_org(q, "executive vice president", "National Association of Meat Purveyors");
	vb_extraction_release(&x);

	/* US copy: a party and state in brackets or between commas, a
	 * relative clause after them; a noun ending the reported clause
	 * ("crews") is no speaker of an inverted attribution. */
	run("The senators wrote to the department.\n\n"
	    "\"The families have waited long enough,\" Sen. Maria Delgado (D-Ohio) said "
	    "in a statement.\n\n"
	    "Sen. Paul Whitaker, R-Ind., who co-wrote the letter, said the rules should "
	    "require two-person crews.\n\n"
	    "Anne Lowry, who chairs the panel, said the trains needed larger crews.\n\n"
	    "\"They benefited from loan demand,\" an analyst at Mansion House Securities "
	    "(F.E.) Ltd said.\n", NULL, &x);
	assert_speaker(must_quote(&x, "The families have"), "Maria Delgado");
	assert_speaker(must_quote(&x, "the rules should require"), "Paul Whitaker");
	assert_speaker(must_quote(&x, "the trains needed"), "Anne Lowry");
	q = must_quote(&x, "They benefited");
	assert_true(q->speaker.anonymous);
	assert_role_org(q, "analyst", "Mansion House Securities (F.E.) Ltd");
	vb_extraction_release(&x);
}

/* "according to a statement released by X": the statement's author
 * speaks; a report's findings are no quote (stop 16). */
static void test_according_to_a_statement(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("According to a statement released by Halvern Airways, the flight landed "
	    "safely.\n\n"
	    "According to a statement from the Ministry of Defence, two soldiers were "
	    "hurt.\n\n"
	    "According to the Acme Federation, the soldiers were injured in the attack.\n",
	    NULL, &x);
	assert_speaker(must_quote(&x, "the flight landed"), "Halvern Airways");
	assert_speaker(must_quote(&x, "two soldiers were"), "Ministry of Defence");
	/* "the soldiers were injured" is the report, no appositive of the
	 * source's */
	assert_speaker(must_quote(&x, "the soldiers were injured"), "Acme Federation");
	vb_extraction_release(&x);
}

/* A person's role and organisation, wherever the document gives them,
 * complete every quote of that person. */
static void test_speaker_descriptions(void **state)
{
	(void)state;
	struct vb_extraction x;
	const struct vb_quote *q;
	/* An appositive away from any quote; "Its founder, X," with "its"
	 * the organisation opening the sentence before; "who took over as
	 * ... of X"; where and why ("in Washington for talks") is no role;
	 * "But" opening a sentence is no organisation. */
	run("Sharespan Inc, the file-sharing company, was ordered to pay damages.\n\n"
	    "The judge said the company had built its business on piracy. Its founder, "
	    "Owen Brackley, was found personally liable.\n\n"
	    "In a statement, he said he was disappointed and would appeal.\n\n"
	    "Outside the court, Julian Thorncastle, chief executive of Halden Music Group, "
	    "one of the claimants, was in a more expansive mood. \"This has taken three "
	    "years,\" he said.\n\n"
	    "Anjali Marwood, who took over as chief executive of the Phonographic "
	    "Federation in July, negotiated the deal. She said the industry had learned "
	    "a lot.\n\n"
	    "De Croo, in Washington for talks with Administration officials, said the "
	    "tax would be dropped.\n\n"
	    "But economist Cork said the upturn would help exports.\n", NULL, &x);
	q = must_quote(&x, "he was disappointed");
	assert_speaker(q, "Owen Brackley");
	assert_role_org(q, "founder", "Sharespan Inc");
	q = must_quote(&x, "This has taken");
	assert_speaker(q, "Julian Thorncastle");
	assert_role_org(q, "chief executive", "Halden Music Group");
	q = must_quote(&x, "the industry had learned");
	assert_speaker(q, "Anjali Marwood");
	assert_role_org(q, "chief executive", "Phonographic Federation");
	assert_null(must_quote(&x, "the tax would be")->speaker.role);
	q = must_quote(&x, "the upturn would");
	assert_role_org(q, "economist", NULL);
	vb_extraction_release(&x);

	/* A copula ("Its director is X") and a title just before the name,
	 * with the organisation named before it ("Senate Banking Committee
	 * chairman X") or none ("vice-president X"); not a plural ("bullion
	 * bankers X") nor a portfolio's word ("economic affairs X"). */
	run("The Listeners' Rights Alliance was launched in March. Its director is "
	    "Tomasz Whelan.\n\n"
	    "\"We intend to fill that gap,\" Mr Whelan said.\n\n"
	    "The Senate Banking Committee chairman William Proxmire opened the hearing. "
	    "Proxmire said rates were too high.\n\n"
	    "The Bundesbank sees no reason to change course, vice-president Helmut "
	    "Schlesinger told the paper. Schlesinger said money supply was on target.\n\n"
	    "The undersecretary of economic affairs Robert Ortner arrived. Ortner said "
	    "the deficit would shrink.\n", NULL, &x);
	assert_role_org(must_quote(&x, "We intend"), "director", "Listeners' Rights Alliance");
	assert_role_org(must_quote(&x, "rates were too"), "chairman", "Senate Banking Committee");
	assert_string_equal(must_quote(&x, "money supply")->speaker.role, "vice-president");
	q = must_quote(&x, "the deficit would");
	assert_false(q->speaker.role && !strcmp(q->speaker.role, "economic affairs"));
	vb_extraction_release(&x);

	/* An office given: "the appointment of X as chief executive" (of
	 * the organisation opening the sentence), "X was appointed chief
	 * financial officer of Y". */
	run("Orlen Water today announced the appointment of Priya Nandakumar as chief "
	    "executive, with effect from 1 September.\n\n"
	    "Ms Nandakumar said: \"I am delighted to be joining.\"\n\n"
	    "Marta Quinn was appointed chief financial officer of Tessaly Bank in March.\n\n"
	    "\"We are ready,\" Quinn said.\n", NULL, &x);
	assert_role_org(must_quote(&x, "I am delighted"), "chief executive", "Orlen Water");
	assert_role_org(must_quote(&x, "We are ready"), "chief financial officer", "Tessaly Bank");
	vb_extraction_release(&x);

	/* A statement's author speaks for its issuer; in a press release,
	 * an office with no organisation named is the issuer's. */
	struct vb_extract_opts st = { .doc_type = "statement", .speaker = "Rosalind Trevanion",
				      .source_org = "Internet Access Providers Association" };
	run("We welcome the decision. It protects our members and their customers.\n", &st,
	    &x);
	assert_role_org(must_quote(&x, "We welcome"), NULL,
			"Internet Access Providers Association");
	vb_extraction_release(&x);
	struct vb_extract_opts pr = { .doc_type = "press_release",
				      .source_org = "Brantley Industrial" };
	run("Brantley Industrial Corp. today reported its results.\n\n"
	    "\"We generated $58 million of free cash flow in the quarter,\" added Marcus "
	    "Oyelaran, Chief Financial Officer.\n", &pr, &x);
	assert_role_org(must_quote(&x, "We generated"), "chief financial officer",
			"Brantley Industrial Corp");
	vb_extraction_release(&x);

	/* The source of a statement that is no organisation's name: none. */
	struct vb_extract_opts sotu = { .doc_type = "statement", .speaker = "George Washington",
					.source_org = "State of the Union" };
	run("The State of the Union is sound. We have paid our debts and kept the peace.\n",
	    &sotu, &x);
	for (size_t i = 0; i < x.nquotes; i++)
		assert_null(x.quotes[i].speaker.org);
	vb_extraction_release(&x);
}

/* A fragment in a clause reported by a named speaker is the reporter's,
 * not the clause's "it". */
static void test_fragment_of_the_reporter(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("The federation hailed the decision. Conrad Ashworth-Vale, its chairman, "
	    "said it confirmed that \"the law protects creators online as well as off\".\n",
	    NULL, &x);
	const struct vb_quote *q = must_quote(&x, "the law protects");
	assert_int_equal(q->kind, VB_QUOTE_PARTIAL);
	assert_speaker(q, "Conrad Ashworth-Vale");
	vb_extraction_release(&x);

	/* "The Ombudsman said" after "the Consumer Ombudsman": the same. */
	run("Caldoria's Consumer Ombudsman has ruled that CDs must carry a warning.\n\n"
	    "The Ombudsman also said that the software was an unacceptable intrusion.\n",
	    NULL, &x);
	assert_speaker(must_quote(&x, "the software was"), "Consumer Ombudsman");
	vb_extraction_release(&x);
}

/* "he said" after a sentence a surname opens; a "City, State-based"
 * appositive has a comma of its own. */
static void test_subject_before_pronoun(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Owen Brackley founded Sharespan.\n\n"
	    "\"It is too early,\" said Dr Lukas Ferrante, an economist.\n\n"
	    "Brackley shrugged off the criticism. \"Lukas is a smart guy,\" he said.\n\n"
	    "James Treybig runs Tandem. Treybig, who founded the Cupertino, "
	    "Calif.-based company, said orders had rebounded. Fidelity International "
	    "Ltd, a Bermuda-based firm, said its funds bought shares.\n", NULL, &x);
	assert_speaker(must_quote(&x, "It is too early"), "Lukas Ferrante");
	assert_speaker(must_quote(&x, "Lukas is a smart guy"), "Owen Brackley");
	assert_speaker(must_quote(&x, "orders had rebounded"), "James Treybig");
	assert_speaker(must_quote(&x, "its funds bought"), "Fidelity International Ltd");
	vb_extraction_release(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_interrupted_by_sentence),
		cmocka_unit_test(test_statement_paragraphs),
		cmocka_unit_test(test_fragment_in_reported_clause),
		cmocka_unit_test(test_pronoun_gender),
		cmocka_unit_test(test_titles_and_appositives),
		cmocka_unit_test(test_reported_forms),
		cmocka_unit_test(test_long_titles),
		cmocka_unit_test(test_org_names),
		cmocka_unit_test(test_other_languages),
		cmocka_unit_test(test_government_titles),
		cmocka_unit_test(test_places_after_the_verb),
		cmocka_unit_test(test_block_quote_paragraphs),
		cmocka_unit_test(test_surnames_and_openers),
		cmocka_unit_test(test_report_bounds),
		cmocka_unit_test(test_sources_described),
		cmocka_unit_test(test_german_separable_verbs),
		cmocka_unit_test(test_chinese_reports),
		cmocka_unit_test(test_chinese_officer_of_issuer),
		cmocka_unit_test(test_chinese_kind_and_partial),
		cmocka_unit_test(test_told_and_appositives),
		cmocka_unit_test(test_documents_and_bodies),
		cmocka_unit_test(test_court_report),
		cmocka_unit_test(test_participles_and_high_titles),
		cmocka_unit_test(test_police_and_local),
		cmocka_unit_test(test_reports_and_sources),
		cmocka_unit_test(test_chinese_results),
		cmocka_unit_test(test_transcript_turns),
		cmocka_unit_test(test_platforms_and_sources),
		cmocka_unit_test(test_sports_release),
		cmocka_unit_test(test_described_as_german),
		cmocka_unit_test(test_konjunktiv_reports),
		cmocka_unit_test(test_lone_surnames),
		cmocka_unit_test(test_titles_with_owners),
		cmocka_unit_test(test_title_portfolio_name),
		cmocka_unit_test(test_company_of_a_release),
		cmocka_unit_test(test_speaker_descriptions),
		cmocka_unit_test(test_according_to_a_statement),
		cmocka_unit_test(test_news_attributions),
		cmocka_unit_test(test_fragment_of_the_reporter),
		cmocka_unit_test(test_subject_before_pronoun),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
