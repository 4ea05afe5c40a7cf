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

/* None of the NULL-terminated `texts` is an entity. */
static void assert_no_entities(const struct vb_extraction *x, const char *const *texts)
{
	for (; *texts; texts++)
		if (has_entity(x, *texts))
			fail_msg("'%s' should be no entity", *texts);
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

	/* Percentage points are a percentage's extent. */
	run("Rates rose 0.25 percentage points and then 1.5 pct points.\n", NULL, &x);
	expect(&x, "0.25 percentage points", VB_ENTITY_PERCENT, "0.25%");
	expect(&x, "1.5 pct points", VB_ENTITY_PERCENT, "1.5%");
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

/* Given names from many languages, with or without their accents; titles
 * before a name; laws, treaties and labels are no entities. */
static void test_people_and_non_names(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("The report was written by Tomás Ferreira, Benoît Lefèvre, Łukasz "
	    "Nowak, Chinedu Okeke and Siobhan Kelly. Chief Financial Officer "
	    "Ravi Menon will discuss it. The Private Securities Litigation Reform "
	    "Act and the Kyoto Protocol apply.\n\nMedia Contact: Jenna Ruiz\n",
	    NULL, &x);
	expect(&x, "Tomás Ferreira", VB_ENTITY_PERSON, "Tomás Ferreira");
	expect(&x, "Benoît Lefèvre", VB_ENTITY_PERSON, "Benoît Lefèvre");
	expect(&x, "Łukasz Nowak", VB_ENTITY_PERSON, "Łukasz Nowak");
	expect(&x, "Chinedu Okeke", VB_ENTITY_PERSON, "Chinedu Okeke");
	expect(&x, "Ravi Menon", VB_ENTITY_PERSON, "Ravi Menon");
	assert_no_entities(&x, (const char *const[]){
		"Financial", "Chief Financial Officer",
		"Private Securities Litigation Reform Act", "Kyoto Protocol",
		"Media Contact", NULL });
	vb_extraction_release(&x);

	/* A noun of what one is, opening the sentence, is no part of the name. */
	run("Commuter Lucy Brennan, 34, from Whitby, said the strike would cost "
	    "her. The union's general secretary, Mick Dawlish, blamed the company.\n",
	    NULL, &x);
	expect(&x, "Lucy Brennan", VB_ENTITY_PERSON, "Lucy Brennan");
	assert_false(has_entity(&x, "Commuter Lucy Brennan"));
	expect(&x, "Mick Dawlish", VB_ENTITY_PERSON, "Mick Dawlish");
	vb_extraction_release(&x);

	/* An organisation's appositive types a name; not an adverb opening
	 * the sentence, nor a place named as one. */
	run("NetChoice, a trade group, praised the ruling. Meantime, a group of "
	    "farmers met in the province of Varla, the company said. The Halvard "
	    "Museum reopened.\n", NULL, &x);
	expect(&x, "NetChoice", VB_ENTITY_ORGANISATION, "NetChoice");
	expect(&x, "Varla", VB_ENTITY_PLACE, "Varla");
	expect(&x, "Halvard Museum", VB_ENTITY_ORGANISATION, "Halvard Museum");
	assert_false(has_entity(&x, "Meantime"));
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

	/* And the German and French names of countries, from its
	 * translations; "und" parts two names as "and" does. */
	struct vb_extract_opts de = { .lang = "de" };
	const char *t = "Der Absatz stieg in \xc3\x96sterreich, der Schweiz, "
			"Frankreich und Spanien.\n";
	assert_int_equal(vb_extract(ex, t, strlen(t), &de, &x, NULL), 0);
	expect(&x, "\xc3\x96sterreich", VB_ENTITY_PLACE, "Austria");
	expect(&x, "Schweiz", VB_ENTITY_PLACE, "Switzerland");
	expect(&x, "Frankreich", VB_ENTITY_PLACE, "France");
	expect(&x, "Spanien", VB_ENTITY_PLACE, "Spain");
	vb_extraction_release(&x);

	/* English counties and Scottish council areas, but not one that is
	 * a given name ("Angus"); US states that are ("Virginia") stay. */
	t = "Homes in Cumbria and Lancashire were flooded. Angus Reid said Fife "
	    "and Virginia had sent crews.\n";
	assert_int_equal(vb_extract(ex, t, strlen(t), NULL, &x, NULL), 0);
	expect(&x, "Lancashire", VB_ENTITY_PLACE, "Lancashire");
	expect(&x, "Fife", VB_ENTITY_PLACE, "Fife");
	expect(&x, "Virginia", VB_ENTITY_PLACE, "Virginia");
	expect(&x, "Angus Reid", VB_ENTITY_PERSON, "Angus Reid");
	vb_extraction_release(&x);
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

/* Amounts whose currency is said elsewhere: in the sentence, or before. */
static void test_money_in_context(void **state)
{
	struct vb_extraction x;
	(void)state;
	run("All figures are in euros unless stated otherwise.\n\n"
	    "- Revenue up 2.4% to 1,036.8 million (2009: 1,012.5 million)\n"
	    "- Earnings per share 0.61 (2009: 0.45)\n"
	    "- Net sales of 12.5 million dollars, against 11.0 million a year ago\n"
	    "The plant employs 2.5 million workers and made 3.1 million units.\n", NULL, &x);
	expect(&x, "1,036.8 million", VB_ENTITY_MONEY, "EUR 1036800000");
	expect(&x, "1,012.5 million", VB_ENTITY_MONEY, "EUR 1012500000");
	expect(&x, "11.0 million", VB_ENTITY_MONEY, "USD 11000000");
	expect(&x, "0.61", VB_ENTITY_MONEY, "EUR 0.61");
	assert_false(has_entity(&x, "2.5 million"));
	assert_false(has_entity(&x, "3.1 million"));
	vb_extraction_release(&x);
}

/* The third round of rules: legal forms, datelines, lone organisation
 * words, capitals that are no organisations. */
static void test_org_rules(void **state)
{
	struct vb_extraction x;
	(void)state;
	run("Port Avren, 3 May 2010\n\n"
	    "Brightmoor Tiles plc said on Monday that the Board had approved the "
	    "sale of its CD plant. Media enquiries went to the Board. "
	    "The Caldorian Federation of Potters welcomed it. "
	    "Shares (PSE: BRTL) rose and GDP grew.\n", NULL, &x);
	expect(&x, "Port Avren", VB_ENTITY_PLACE, "Port Avren");
	expect(&x, "Brightmoor Tiles plc", VB_ENTITY_ORGANISATION, "Brightmoor Tiles plc");
	expect(&x, "Caldorian Federation of Potters", VB_ENTITY_ORGANISATION,
	       "Caldorian Federation of Potters");
	assert_no_entities(&x, (const char *const[]){
		"The Caldorian Federation of Potters", "Board", "Media", "CD", "BRTL",
		"GDP", NULL });
	vb_extraction_release(&x);

	/* A legal form after a comma ends the name, which is then named
	 * without the comma; titles in capitals are nobody's name, but a
	 * surname may be a title's word. */
	run("On Monday Tarrow Instruments, Inc. and Pell Kiln of Avrenshire, LLC signed "
	    "the deal. Chief Executive Officer Ines Marr and President Howard "
	    "Dean were there, said Corvin Brokers analyst Brian Singer. Tarrow "
	    "Instruments will pay.\n", NULL, &x);
	expect(&x, "Tarrow Instruments, Inc", VB_ENTITY_ORGANISATION, "Tarrow Instruments Inc");
	expect(&x, "Tarrow Instruments", VB_ENTITY_ORGANISATION, "Tarrow Instruments Inc");
	expect(&x, "Pell Kiln of Avrenshire, LLC", VB_ENTITY_ORGANISATION,
	       "Pell Kiln of Avrenshire LLC");
	expect(&x, "Ines Marr", VB_ENTITY_PERSON, "Ines Marr");
	expect(&x, "Howard Dean", VB_ENTITY_PERSON, "Howard Dean");
	expect(&x, "Brian Singer", VB_ENTITY_PERSON, "Brian Singer");
	assert_false(has_entity(&x, "Executive Officer"));
	assert_false(has_entity(&x, "Chief Executive Officer"));
	vb_extraction_release(&x);

	/* A name after a speaker's title and "of" is an organisation, unless
	 * a longer name goes on; a centre is an organisation. */
	run("\"We want every shop to have the tools,\" says Amara Diallo, "
	    "co-founder and CEO of Shopwise. Ruth Ellery, director of the "
	    "Centre for Information Law, said it was early.\n", NULL, &x);
	expect(&x, "Shopwise", VB_ENTITY_ORGANISATION, "Shopwise");
	expect(&x, "Centre for Information Law", VB_ENTITY_ORGANISATION,
	       "Centre for Information Law");
	vb_extraction_release(&x);
	run("Analysts at Kessel Brothers and Tarrow Associates expect Marlow "
	    "Farms to sell its Avel Mills unit.\n", NULL, &x);
	expect(&x, "Kessel Brothers", VB_ENTITY_ORGANISATION, "Kessel Brothers");
	expect(&x, "Tarrow Associates", VB_ENTITY_ORGANISATION, "Tarrow Associates");
	expect(&x, "Marlow Farms", VB_ENTITY_ORGANISATION, "Marlow Farms");
	expect(&x, "Avel Mills", VB_ENTITY_ORGANISATION, "Avel Mills");
	assert_false(has_entity(&x, "Information Law"));
	vb_extraction_release(&x);

	/* After a dateline, the bare first word of a company is the company. */
	run("SELBURY, Conn., Feb 26 - Selbury Savings Corp said it agreed to "
	    "buy a bank.\n    Selbury said the deal needs approval.\n", NULL, &x);
	expect(&x, "SELBURY", VB_ENTITY_PLACE, "SELBURY");
	expect(&x, "Selbury Savings Corp", VB_ENTITY_ORGANISATION, "Selbury Savings Corp");
	expect(&x, "Selbury", VB_ENTITY_ORGANISATION, "Selbury Savings Corp");
	vb_extraction_release(&x);

	/* A hyphenated lower-case word inside a name; a sentence opener
	 * before a bank's name; "the Bank" as the bank named before it, but
	 * not the court named inside another court's name. */
	run("The Organisation for Economic Co-operation and Development met. "
	    "The Acme-backed venture grew.\n"
	    "    Pelorian Imperial Bank of Commerce said loans rose. The Caspar "
	    "Development Bank lent more. Its loans rose sharply, the Bank said.\n"
	    "    The Commercial Division of the Pelorian High Court sat. The High "
	    "Court ruled.\n", NULL, &x);
	expect(&x, "Organisation for Economic Co-operation and Development",
	       VB_ENTITY_ORGANISATION, "Organisation for Economic Co-operation and Development");
	assert_false(has_entity(&x, "Acme-backed"));
	expect(&x, "Pelorian Imperial Bank of Commerce", VB_ENTITY_ORGANISATION,
	       "Pelorian Imperial Bank of Commerce");
	expect(&x, "Bank", VB_ENTITY_ORGANISATION, "Caspar Development Bank");
	expect(&x, "High Court", VB_ENTITY_ORGANISATION, "High Court");
	vb_extraction_release(&x);

	/* A wire ticker is no organisation; a title parts an organisation
	 * from a person, unless the organisation is a country's portfolio. */
	run("Bowater Industries Plc <BWTR.L> rose. Senate Banking Committee "
	    "Chairman William Proxmire spoke. Indonesian Energy Minister Subroto "
	    "left.\n", NULL, &x);
	expect(&x, "Bowater Industries Plc", VB_ENTITY_ORGANISATION, "Bowater Industries Plc");
	assert_false(has_entity(&x, "BWTR"));
	expect(&x, "Senate Banking Committee", VB_ENTITY_ORGANISATION, "Senate Banking Committee");
	expect(&x, "William Proxmire", VB_ENTITY_PERSON, "William Proxmire");
	expect(&x, "Subroto", VB_ENTITY_PERSON, "Subroto");
	assert_false(has_entity(&x, "Indonesian Energy"));
	vb_extraction_release(&x);

	vb_extraction_release(&x);

	/* An unknown word capitalised in running text three times is an
	 * organisation; not one the text also writes in lower case, nor a
	 * table's headings. */
	run("Users of Tunewell downloaded songs. The court heard that Tunewell "
	    "knew it. Lawyers for Tunewell denied this. The Total was low and the "
	    "total fell; the Total then rose, and the Total fell, as the Total does.\n"
	    " Start Stocks  1.20   1.20\n End Stocks  1.10  1.00\n Start Stocks  "
	    "2.0 2.0\n", NULL, &x);
	expect(&x, "Tunewell", VB_ENTITY_ORGANISATION, "Tunewell");
	assert_false(has_entity(&x, "Total"));
	assert_false(has_entity(&x, "Stocks"));
	vb_extraction_release(&x);

	/* "and the" starts another name; "and" inside an "of" name does not. */
	run("The Bank of England and the U.S. Federal Reserve Board agreed. The "
	    "Ministry of Trade and Industry met. So did the Select Commission on "
	    "Immigration and Refugee Policy.\n", NULL, &x);
	expect(&x, "Select Commission on Immigration and Refugee Policy",
	       VB_ENTITY_ORGANISATION, "Select Commission on Immigration and Refugee Policy");
	expect(&x, "Bank of England", VB_ENTITY_ORGANISATION, "Bank of England");
	expect(&x, "U.S. Federal Reserve Board", VB_ENTITY_ORGANISATION,
	       "U.S. Federal Reserve Board");
	expect(&x, "Ministry of Trade and Industry", VB_ENTITY_ORGANISATION,
	       "Ministry of Trade and Industry");
	vb_extraction_release(&x);

	/* Organisations named by a last word of their own: "... Project"
	 * (not the person "Project" after the title "Justice"), "... Watch",
	 * a club's "United" or "Rovers"; a month does not open a name. */
	run("The voters were represented by the Southern Justice Project. Lantern "
	    "Rights Watch said so. Eastport United play Kingsbridge Rovers on "
	    "Tuesday. Congress acted in November for Project Independence. The "
	    "United States agreed.\n", NULL, &x);
	expect(&x, "Southern Justice Project", VB_ENTITY_ORGANISATION, "Southern Justice Project");
	expect(&x, "Lantern Rights Watch", VB_ENTITY_ORGANISATION, "Lantern Rights Watch");
	expect(&x, "Eastport United", VB_ENTITY_ORGANISATION, "Eastport United");
	expect(&x, "Kingsbridge Rovers", VB_ENTITY_ORGANISATION, "Kingsbridge Rovers");
	expect(&x, "Project Independence", VB_ENTITY_ORGANISATION, "Project Independence");
	expect(&x, "United States", VB_ENTITY_PLACE, "United States");
	assert_false(has_entity(&x, "Project"));
	vb_extraction_release(&x);

	/* "X to Y Z" bodies: an organisation's word, "to", a verb and its
	 * object; not "the Capital to Mount Vernon". */
	run("The Committee to Protect Journalists said it was alarmed. The road from "
	    "the Capital to Mount Vernon was closed.\n", NULL, &x);
	expect(&x, "Committee to Protect Journalists", VB_ENTITY_ORGANISATION,
	       "Committee to Protect Journalists");
	assert_false(has_entity(&x, "Capital to Mount Vernon"));
	vb_extraction_release(&x);

	/* A time zone is no place ("EST" is also Estonia's code). */
	run("The wires were held open until 2100 EST on Tuesday.\n", NULL, &x);
	assert_false(has_entity(&x, "EST"));
	vb_extraction_release(&x);
}

static const struct vb_quote *quote_with(const struct vb_extraction *x, const char *start)
{
	for (size_t i = 0; i < x->nquotes; i++)
		if (!strncmp(x->quotes[i].text, start, strlen(start)))
			return &x->quotes[i];
	fail_msg("no quote starting '%s'", start);
	return NULL;
}

/* Chinese: no capitals, no spaces; names by their shapes (core/extract/zh.c). */
static void test_chinese_names(void **state)
{
	struct vb_extraction x;
	const struct vb_quote *q;
	(void)state;
	run("上海，2012年6月1日——上海青岚软件科技有限公司（以下简称“青岚科技”）今天宣布，"
	    "已与总部位于维尔多纳的卡斯帕唱片集团签署合作协议。\n\n"
	    "青岚科技首席执行官林书航表示：“这是我们最重要的一次合作。”\n\n"
	    "林书航说，公司今年将在杭州市西湖区设立研发中心。他同时透露，"
	    "这家公司明年计划上市。\n\n"
	    "卡斯帕唱片集团发言人玛蒂娜·霍尔茨（Martina Holz）表示：“我们很高兴。”\n\n"
	    "部长表示，多家互联网公司已经提交申请。\n", NULL, &x);
	expect(&x, "上海", VB_ENTITY_PLACE, "上海");
	expect(&x, "上海青岚软件科技有限公司", VB_ENTITY_ORGANISATION, "上海青岚软件科技有限公司");
	expect(&x, "青岚科技", VB_ENTITY_ORGANISATION, "上海青岚软件科技有限公司");
	expect(&x, "维尔多纳", VB_ENTITY_PLACE, "维尔多纳");
	expect(&x, "卡斯帕唱片集团", VB_ENTITY_ORGANISATION, "卡斯帕唱片集团");
	expect(&x, "林书航", VB_ENTITY_PERSON, "林书航");
	expect(&x, "杭州市", VB_ENTITY_PLACE, "杭州市");
	expect(&x, "西湖区", VB_ENTITY_PLACE, "西湖区");
	expect(&x, "玛蒂娜·霍尔茨", VB_ENTITY_PERSON, "玛蒂娜·霍尔茨");
	/* No names: "这家公司", "多家互联网公司", "表示" after a title. */
	assert_false(has_entity(&x, "互联网公司"));
	assert_false(has_entity(&x, "表示"));
	for (size_t i = 0; i < x.nentities; i++)
		assert_null(strstr(x.entities[i].text, "这家"));

	q = quote_with(&x, "这是我们");
	assert_string_equal(q->speaker.name, "林书航");
	assert_string_equal(q->speaker.role, "首席执行官");
	assert_string_equal(q->speaker.org, "上海青岚软件科技有限公司");
	/* "他同时透露": the last person named. */
	q = quote_with(&x, "这家公司明年");
	assert_string_equal(q->speaker.name, "林书航");
	q = quote_with(&x, "我们很高兴");
	assert_string_equal(q->speaker.name, "玛蒂娜·霍尔茨");
	assert_string_equal(q->speaker.role, "发言人");
	assert_string_equal(q->speaker.org, "卡斯帕唱片集团");
	vb_extraction_release(&x);
}

/*
 * Every way a name refers back to an entity (acronym, spelling variant,
 * surname, full name after the surname, first words of an organisation,
 * initials) still works with thousands of other entities in between: the
 * lookups go through indexes, not through a list of all entities.
 */
static void test_lookups_among_many(void **state)
{
	(void)state;
	const char *first =
		"The International Federation of Kite Makers (IFKM) met in Lisbon "
		"with Margaret Olsen and Ms Orrery of the Halvorsen Shipping Group. "
		"The Northern Cable Authority sent Tobias Wren.\n\n";
	const char *last =
		"Later the IFKM said sales rose. Margeret Olsen said the figures "
		"were right. Tamsin Orrery said they were wrong. Halvorsen Shipping "
		"said it would sail. The NCA said it agreed. Wren said nothing new.\n";
	struct vb_buf b = VB_BUF_INIT;
	char who[32], org[32];

	for (unsigned filler = 0; filler <= 1500; filler += 1500) {
		vb_buf_reset(&b);
		vb_buf_adds(&b, first);
		for (unsigned i = 0; i < filler; i++) {
			made_up_name(i, who);
			made_up_name(i + 5000, org);
			vb_buf_addf(&b, "%s %s joined the %s Trading Company.\n\n",
				    i % 2 ? "Mary" : "John", who, org);
		}
		vb_buf_adds(&b, last);
		struct vb_extraction x;
		run(b.buf, NULL, &x);
		assert_true(x.nentities >= 2 * filler);
		/* The last paragraph's mentions: after any filler ones. */
		const char *tail = b.buf + b.len - strlen(last);
		struct vb_extraction y = x;
		size_t k = 0;
		while (k < x.nentities && b.buf + x.entities[k].start < tail)
			k++;
		y.entities += k;
		y.nentities -= k;
		expect(&y, "IFKM", VB_ENTITY_ORGANISATION,
		       "International Federation of Kite Makers");
		expect(&y, "Margeret Olsen", VB_ENTITY_PERSON, "Margaret Olsen");
		expect(&y, "Tamsin Orrery", VB_ENTITY_PERSON, "Tamsin Orrery");
		expect(&y, "Halvorsen Shipping", VB_ENTITY_ORGANISATION,
		       "Halvorsen Shipping Group");
		expect(&y, "NCA", VB_ENTITY_ORGANISATION, "Northern Cable Authority");
		expect(&y, "Wren", VB_ENTITY_PERSON, "Tobias Wren");
		expect(&x, "Orrery", VB_ENTITY_PERSON, "Tamsin Orrery");
		/* Each filler person stays a person of its own. */
		for (unsigned i = 0; i < filler; i += 97) {
			char full[48];
			made_up_name(i, who);
			snprintf(full, sizeof(full), "%s %s", i % 2 ? "Mary" : "John", who);
			expect(&x, full, VB_ENTITY_PERSON, full);
		}
		vb_extraction_release(&x);
	}
	vb_buf_release(&b);
}

/* Local news: streets, towns named by where people come from, and an
 * institution named after its town, which does not make the town's
 * name the institution's. */
static void test_streets_and_towns(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("A pedestrian was injured on Fenwick Road, Ashby, on Thursday. She was "
	    "taken to Ashby General Hospital. A 34-year-old man from Ashby was "
	    "arrested. Residents from Dunmore said the junction with Mill Lane was "
	    "dangerous. Crews from Kelton attended. She had a letter from Halden. "
	    "Marbury Fire Service sent two engines; Marbury Council said the road "
	    "would reopen.\n", NULL, &x);
	expect(&x, "Fenwick Road", VB_ENTITY_PLACE, "Fenwick Road");
	expect(&x, "Mill Lane", VB_ENTITY_PLACE, "Mill Lane");
	expect(&x, "Ashby", VB_ENTITY_PLACE, "Ashby");
	expect(&x, "Dunmore", VB_ENTITY_PLACE, "Dunmore");
	expect(&x, "Kelton", VB_ENTITY_PLACE, "Kelton");
	expect(&x, "Ashby General Hospital", VB_ENTITY_ORGANISATION, "Ashby General Hospital");
	expect(&x, "Marbury Fire Service", VB_ENTITY_ORGANISATION, "Marbury Fire Service");
	for (size_t i = 0; i < x.nentities; i++) {
		/* "Ashby" alone is the town, never the hospital. */
		if (!strcmp(x.entities[i].text, "Ashby"))
			assert_int_equal(x.entities[i].type, VB_ENTITY_PLACE);
		/* "from Halden": a letter comes from anyone. */
		assert_string_not_equal(x.entities[i].text, "Halden");
	}
	vb_extraction_release(&x);
}

/* After a title, a word of office or government is no name. */
static void test_titles_before_nouns(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Mr. Speaker, the Chief Magistrate spoke of the General Agreement on "
	    "Tariffs and Trade and of the General Staff. The Secretary of the "
	    "Treasury agreed. President Reagan and Mr. Speaker Wright spoke.\n",
	    NULL, &x);
	assert_no_entities(&x, (const char *const[]){ "Speaker", "Magistrate", "Agreement",
						     "Staff", "Treasury", NULL });
	for (size_t i = 0; i < x.nentities; i++)
		if (x.entities[i].type == VB_ENTITY_PERSON)
			assert_true(!strcmp(x.entities[i].canonical, "Reagan") ||
				    !strcmp(x.entities[i].canonical, "Wright"));
	assert_true(has_entity(&x, "Reagan"));
	vb_extraction_release(&x);
}

/* Groups known by one name, labels and diseases in capitals,
 * contractions of "I". */
static void test_groups_labels_contractions(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("We fought the Taliban and Al Qaida for years. Hamas said the truce held. "
	    "The fight against AIDS and HIV goes on. If I've heard it once, I’ve heard "
	    "it a thousand times, and I'd say it again.\n\n"
	    "NOTE: Per share figures are restated.\n", NULL, &x);
	expect(&x, "Taliban", VB_ENTITY_ORGANISATION, "Taliban");
	expect(&x, "Al Qaida", VB_ENTITY_ORGANISATION, "Al Qaida");
	expect(&x, "Hamas", VB_ENTITY_ORGANISATION, "Hamas");
	assert_no_entities(&x, (const char *const[]){ "Taliban and Al Qaida", "AIDS", "HIV",
						     "I've", "I\xe2\x80\x99ve", "I'd", "NOTE", NULL });
	vb_extraction_release(&x);
}

/* "and the" starts another name; people of an institution are no
 * organisation. */
static void test_conjoined_institutions(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Fellow-Citizens of the Senate and House of Representatives: Members of "
	    "Congress met. The House and the Senate agreed with the Treasury and the "
	    "Federal Reserve Board. Halden Music Group and Brightwater Ltd merged. "
	    "The Ministry of Trade and Industry said so.\n", NULL, &x);
	expect(&x, "Federal Reserve Board", VB_ENTITY_ORGANISATION, "Federal Reserve Board");
	expect(&x, "Halden Music Group", VB_ENTITY_ORGANISATION, "Halden Music Group");
	expect(&x, "Brightwater Ltd", VB_ENTITY_ORGANISATION, "Brightwater Ltd");
	expect(&x, "Ministry of Trade and Industry", VB_ENTITY_ORGANISATION,
	       "Ministry of Trade and Industry");
	assert_no_entities(&x, (const char *const[]){
		"Citizens of the Senate and House of Representatives", "Members of Congress",
		"House and the Senate", "Treasury and the Federal Reserve Board", NULL });
	vb_extraction_release(&x);
}

/* Saint, peoples and nationality adjectives, Roman numbers. */
static void test_saints_peoples_numerals(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("The delegates flew from St. Louis. They met in St. Petersburg. Canadian and Dutch "
	    "buyers met under Title III of the act. Americans said the plan was bad.\n",
	    NULL, &x);
	expect(&x, "St. Louis", VB_ENTITY_PLACE, "St. Louis");
	expect(&x, "St. Petersburg", VB_ENTITY_PLACE, "St. Petersburg");
	assert_no_entities(&x, (const char *const[]){ "Louis", "St", "Canadian", "Dutch",
						     "III", "Americans", NULL });
	const struct vb_quote *q = NULL;
	for (size_t i = 0; i < x.nquotes; i++)
		if (strstr(x.quotes[i].text, "the plan was bad"))
			q = &x.quotes[i];
	assert_non_null(q);
	assert_int_equal(q->speaker.type, VB_SPEAKER_PERSON);
	vb_extraction_release(&x);
}

/* Sums in German and French: scale words, decimal commas, "d'euros". */
static void test_money_german_french(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Die Firma investiert 85 Millionen Euro; Umsatz 3,4 Mrd. Euro, Gewinn "
	    "120 Mio. Euro. La soci\xc3\xa9t\xc3\xa9 investit 40 millions d'euros "
	    "et 2,5 milliards d\xe2\x80\x99" "euros, plus 12 millions de dollars. "
	    "It paid 1,234 dlrs.\n", NULL, &x);
	expect(&x, "85 Millionen Euro", VB_ENTITY_MONEY, "EUR 85000000");
	expect(&x, "3,4 Mrd. Euro", VB_ENTITY_MONEY, "EUR 3400000000");
	expect(&x, "120 Mio. Euro", VB_ENTITY_MONEY, "EUR 120000000");
	expect(&x, "40 millions d'euros", VB_ENTITY_MONEY, "EUR 40000000");
	expect(&x, "2,5 milliards d\xe2\x80\x99" "euros", VB_ENTITY_MONEY, "EUR 2500000000");
	expect(&x, "12 millions de dollars", VB_ENTITY_MONEY, "USD 12000000");
	/* Thousands come in threes: "1,234" is no decimal. */
	expect(&x, "1,234 dlrs", VB_ENTITY_MONEY, "USD 1234");
	vb_extraction_release(&x);
}

/* Whether `text` is an entity of `type`. */
static bool has_typed(const struct vb_extraction *x, const char *text, enum vb_entity_type type)
{
	for (size_t i = 0; i < x->nentities; i++)
		if (!strcmp(x->entities[i].text, text) && x->entities[i].type == type)
			return true;
	return false;
}

/*
 * What a name is, from the names of the document: a given name alone is
 * the one person with it; the first words of an organisation name it even
 * after "in"; a title's full stop that ends a sentence makes no "Mr.";
 * "According to X, the company ..." is no appositive; "R&D" is no place.
 */
static void test_names_by_context(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Joining us is a rare disease survivor, Megan Crowley.Megan was "
	    "diagnosed when she was 15 months old. Megan's story moved us.\n\n"
	    "Lifetime Corp agreed to buy shares of Nippon Lace Co Ltd. Toho Mutual "
	    "Life is the largest shareholder in Nippon Lace, the company said.\n\n"
	    "\"We delivered,\" said Marcus Eberhardt, Senior Vice President and "
	    "Chief Financial Officer.\n\n"
	    "Brightfold expects GAAP revenue to rise as it invests in R&D.\n\n"
	    "\"It was a record,\" said Priya Natarajan, chief executive of "
	    "Brightfold. According to Natarajan, the company plans a second "
	    "centre.\n", NULL, &x);
	expect(&x, "Megan", VB_ENTITY_PERSON, "Megan Crowley");
	expect(&x, "Nippon Lace", VB_ENTITY_ORGANISATION, "Nippon Lace Co Ltd");
	assert_false(has_typed(&x, "Nippon Lace", VB_ENTITY_PLACE));
	assert_false(has_typed(&x, "Brightfold", VB_ENTITY_PERSON));
	expect(&x, "Natarajan", VB_ENTITY_PERSON, "Priya Natarajan");
	assert_false(has_typed(&x, "Natarajan", VB_ENTITY_ORGANISATION));
	assert_no_entities(&x, (const char *const[]){ "R&D", "GAAP", NULL });
	vb_extraction_release(&x);

	/* A function word capitalised by accident ends no name. */
	run("It spent on the Navy Department Of $24,000,000 in all.\n", NULL, &x);
	expect(&x, "Navy Department", VB_ENTITY_ORGANISATION, "Navy Department");
	vb_extraction_release(&x);

	/* An acronym with its possessive is still in capitals; "CD's" is
	 * still a common acronym. */
	run("He told the BBC's programme that sales of CD's fell.\n", NULL, &x);
	expect(&x, "BBC", VB_ENTITY_ORGANISATION, "BBC");
	assert_no_entities(&x, (const char *const[]){ "CD", "CD's", NULL });
	vb_extraction_release(&x);

	/* A football club opening a sentence is one organisation. */
	run("Harbourside FC have sacked their manager, the club announced.\n", NULL, &x);
	expect(&x, "Harbourside FC", VB_ENTITY_ORGANISATION, "Harbourside FC");
	vb_extraction_release(&x);
}

/*
 * Organisations known by a name that says nothing of what they are, or
 * holds words in lower case: a list (orgs.c) and one-word names in the
 * lexicon.  Two such names joined by "and" stay two; the list's case
 * counts ("Volvo cars" is a brand's cars).
 */
static void test_known_organisations(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Save the Children and Oxfam both said the camps were full. Friends of "
	    "the Earth called on donors to act, as did Greenpeace. Morgan Stanley "
	    "advised Chrysler and Renault on the deal. The World Food Programme "
	    "warned of famine. Sales of Volvo cars rose. Speaking in the House "
	    "of Commons, she praised rival Kestrel Computing.\n", NULL, &x);
	expect(&x, "Save the Children", VB_ENTITY_ORGANISATION, "Save the Children");
	expect(&x, "Oxfam", VB_ENTITY_ORGANISATION, "Oxfam");
	expect(&x, "Friends of the Earth", VB_ENTITY_ORGANISATION, "Friends of the Earth");
	expect(&x, "Greenpeace", VB_ENTITY_ORGANISATION, "Greenpeace");
	expect(&x, "Morgan Stanley", VB_ENTITY_ORGANISATION, "Morgan Stanley");
	expect(&x, "Renault", VB_ENTITY_ORGANISATION, "Renault");
	expect(&x, "World Food Programme", VB_ENTITY_ORGANISATION, "World Food Programme");
	expect(&x, "House of Commons", VB_ENTITY_ORGANISATION, "House of Commons");
	expect(&x, "Kestrel Computing", VB_ENTITY_ORGANISATION, "Kestrel Computing");
	assert_false(has_typed(&x, "Morgan Stanley", VB_ENTITY_PERSON));
	assert_no_entities(&x, (const char *const[]){ "Chrysler and Renault", "Earth",
						     "Volvo cars", NULL });
	vb_extraction_release(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money_percent),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_people_and_non_names),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_gazetteer),
		cmocka_unit_test(test_lookups_among_many),
		cmocka_unit_test(test_org_rules),
		cmocka_unit_test(test_money_in_context),
		cmocka_unit_test(test_chinese_names),
		cmocka_unit_test(test_streets_and_towns),
		cmocka_unit_test(test_titles_before_nouns),
		cmocka_unit_test(test_groups_labels_contractions),
		cmocka_unit_test(test_conjoined_institutions),
		cmocka_unit_test(test_saints_peoples_numerals),
		cmocka_unit_test(test_money_german_french),
		cmocka_unit_test(test_names_by_context),
		cmocka_unit_test(test_known_organisations),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
