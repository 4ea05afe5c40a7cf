/* test_extract_dates.c: absolute and relative dates, datelines and non-dates in core/extract. */
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

static void run(const char *text, const char *doc_date, struct vb_extraction *x)
{
	struct vb_extract_opts opts = { .doc_id = "d", .doc_date = doc_date };
	assert_int_equal(vb_extract(ex, text, strlen(text), &opts, x, NULL), 0);
}

static const struct vb_date *find_date(const struct vb_extraction *x,
				       const char *text)
{
	for (size_t i = 0; i < x->ndates; i++)
		if (!strcmp(x->dates[i].text, text))
			return &x->dates[i];
	return NULL;
}

/* The date written `text` has value `value` (NULL: none) and granularity g. */
static void expect(const struct vb_extraction *x, const char *text,
		   const char *value, enum vb_date_granularity g, bool relative)
{
	const struct vb_date *d = find_date(x, text);
	if (!d) {
		for (size_t i = 0; i < x->ndates; i++)
			fprintf(stderr, "  have: '%s' = %s\n", x->dates[i].text,
				x->dates[i].value ? x->dates[i].value : "null");
		fail_msg("no date '%s'", text);
	}
	if (value) {
		assert_non_null(d->value);
		assert_string_equal(d->value, value);
	} else {
		assert_null(d->value);
	}
	assert_int_equal(d->granularity, g);
	assert_int_equal(d->relative, relative);
}

static void test_absolute(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("The pact was signed on 12 April 2005 and renewed on April 12, 2006. "
	    "A draft dated 2005-04-12 circulated in April 2005. Talks began in "
	    "2004 and go back to the 1990s. Profits rose in Q3 2006 and again in "
	    "the third quarter of 2007, with a review due by mid-2007.\n",
	    NULL, &x);
	expect(&x, "12 April 2005", "2005-04-12", VB_DATE_DAY, false);
	expect(&x, "April 12, 2006", "2006-04-12", VB_DATE_DAY, false);
	expect(&x, "2005-04-12", "2005-04-12", VB_DATE_DAY, false);
	expect(&x, "April 2005", "2005-04", VB_DATE_MONTH, false);
	expect(&x, "2004", "2004", VB_DATE_YEAR, false);
	expect(&x, "the 1990s", "199", VB_DATE_DECADE, false);
	expect(&x, "Q3 2006", "2006-Q3", VB_DATE_QUARTER, false);
	expect(&x, "third quarter of 2007", "2007-Q3", VB_DATE_QUARTER, false);
	expect(&x, "mid-2007", "2007", VB_DATE_YEAR, false);
	assert_string_equal(x.doc_date, "");
	vb_extraction_release(&x);
}

static void test_relative(void **state)
{
	(void)state;
	struct vb_extraction x;
	/* 2008-02-04 was a Monday. */
	run("The board met yesterday and will meet again today. On Tuesday the "
	    "union walked out. Sales fell last week, rose last month and fell "
	    "last year. In December last year the plant closed; this week it "
	    "reopened. The figures of the previous year were worse, and two "
	    "years ago they were better. A vote is due next month.\n",
	    "2008-02-04", &x);
	assert_string_equal(x.doc_date, "2008-02-04");
	expect(&x, "yesterday", "2008-02-03", VB_DATE_DAY, true);
	expect(&x, "today", "2008-02-04", VB_DATE_DAY, true);
	expect(&x, "Tuesday", "2008-01-29", VB_DATE_DAY, true);
	expect(&x, "last week", "2008-W05", VB_DATE_WEEK, true);
	expect(&x, "last month", "2008-01", VB_DATE_MONTH, true);
	expect(&x, "last year", "2007", VB_DATE_YEAR, true);
	expect(&x, "December last year", "2007-12", VB_DATE_MONTH, true);
	expect(&x, "this week", "2008-W06", VB_DATE_WEEK, true);
	expect(&x, "the previous year", "2007", VB_DATE_YEAR, true);
	expect(&x, "two years ago", "2006", VB_DATE_YEAR, true);
	expect(&x, "next month", "2008-03", VB_DATE_MONTH, true);
	vb_extraction_release(&x);
}

static void test_unknown_doc_date(void **state)
{
	(void)state;
	struct vb_extraction x;
	/* No publication date, no dateline: relative dates get no value. */
	run("Prices rose yesterday and fell last month.\n", NULL, &x);
	expect(&x, "yesterday", NULL, VB_DATE_DAY, true);
	expect(&x, "last month", NULL, VB_DATE_MONTH, true);
	vb_extraction_release(&x);
}

static void test_dateline(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("LONDON, 12 April 2005 - The Marlow Bakers Guild said on Monday it "
	    "would raise prices. Flour costs rose yesterday.\n", NULL, &x);
	assert_string_equal(x.doc_date, "2005-04-12");
	expect(&x, "12 April 2005", "2005-04-12", VB_DATE_DAY, false);
	expect(&x, "yesterday", "2005-04-11", VB_DATE_DAY, true);
	vb_extraction_release(&x);

	/* The year is not in the dateline: from the option's year only. */
	run("GREENDALE, N.Y., Feb 26 - Tollan Pumps Inc said it sold a plant "
	    "yesterday.\n", "1987", &x);
	assert_string_equal(x.doc_date, "1987-02-26");
	expect(&x, "Feb 26", "1987-02-26", VB_DATE_DAY, false);
	expect(&x, "yesterday", "1987-02-25", VB_DATE_DAY, true);
	vb_extraction_release(&x);

	run("GREENDALE, N.Y., Feb 26 - Tollan Pumps Inc said it sold a plant "
	    "yesterday.\n", NULL, &x);
	assert_string_equal(x.doc_date, "XXXX-02-26");
	expect(&x, "Feb 26", "XXXX-02-26", VB_DATE_DAY, false);
	expect(&x, "yesterday", NULL, VB_DATE_DAY, true);
	vb_extraction_release(&x);
}

static void test_labelled_date(void **state)
{
	(void)state;
	struct vb_extraction x;
	/* Under a web page's headline: the page's date. */
	run("Ferry timetable agreed\n\nPosted on 4 May 2021 by the Communications Team\n\n"
	    "The board agreed the timetable yesterday.\n", NULL, &x);
	assert_string_equal(x.doc_date, "2021-05-04");
	expect(&x, "4 May 2021", "2021-05-04", VB_DATE_DAY, false);
	expect(&x, "yesterday", "2021-05-03", VB_DATE_DAY, true);
	vb_extraction_release(&x);

	run("Barrier opened\n\nPublished: February 10, 2022\n\nThe minister spoke.\n", NULL, &x);
	assert_string_equal(x.doc_date, "2022-02-10");
	vb_extraction_release(&x);

	/* A date given in the options wins. */
	run("Barrier opened\n\nPublished 10 February 2022\n\nThe minister spoke.\n",
	    "2022-03-01", &x);
	assert_string_equal(x.doc_date, "2022-03-01");
	vb_extraction_release(&x);

	/* Not without its year, not in running text. */
	run("Barrier opened\n\nPublished 10 February\n\nThe minister spoke.\n", NULL, &x);
	assert_string_equal(x.doc_date, "");
	vb_extraction_release(&x);
	run("The report, which the ministry posted on 3 March 2009, was long.\n", NULL, &x);
	assert_string_equal(x.doc_date, "");
	vb_extraction_release(&x);
}

/* Other languages' dates, times of day, ranges of months, the tense of a bare month. */
static void test_more_dates(void **state)
{
	struct vb_extraction x;
	(void)state;
	run("Le tribunal a statué le 23 septembre 2008. Hier soir, la société a réagi.\n"
	    "Die Anhörung ist am 3. März 2009. El acuerdo se firmó el 5 de mayo de 2010.\n",
	    "2008-09-24", &x);
	expect(&x, "23 septembre 2008", "2008-09-23", VB_DATE_DAY, false);
	expect(&x, "Hier soir", "2008-09-23", VB_DATE_DAY, true);
	expect(&x, "3. März 2009", "2009-03-03", VB_DATE_DAY, false);
	expect(&x, "5 de mayo de 2010", "2010-05-05", VB_DATE_DAY, false);
	vb_extraction_release(&x);

	/* A day without a year still to come in the publication year is in
	 * the year before when the text tells of the past; not when it
	 * tells of the future. */
	run("It had received 1,200 complaints since December 22. The contract was "
	    "signed on November 3. The new fares will apply from October 1.\n",
	    "2025-02-20", &x);
	expect(&x, "December 22", "2024-12-22", VB_DATE_DAY, false);
	expect(&x, "November 3", "2024-11-03", VB_DATE_DAY, false);
	expect(&x, "October 1", "2025-10-01", VB_DATE_DAY, false);
	vb_extraction_release(&x);

	/* A day gone by in the publication year, in a sentence of what is to
	 * come, is next year's, as months are; not in one of the past. */
	run("Prices will rise on January 1. The new tariff applies from 1 February. "
	    "The plant closed on March 12 after a fire.\n", "2025-11-03", &x);
	expect(&x, "January 1", "2026-01-01", VB_DATE_DAY, false);
	expect(&x, "1 February", "2026-02-01", VB_DATE_DAY, false);
	expect(&x, "March 12", "2025-03-12", VB_DATE_DAY, false);
	vb_extraction_release(&x);
	run("Die Stadtwerke erh\xc3\xb6hen zum 1. Januar die Preise. Der Tarif wird "
	    "am 15. Februar gesenkt.\n", "2025-11-03", &x);
	expect(&x, "1. Januar", "2026-01-01", VB_DATE_DAY, false);
	expect(&x, "15. Februar", "2026-02-15", VB_DATE_DAY, false);
	vb_extraction_release(&x);

	/* A month already past in a sentence only of the future is next
	 * year's; one a past participle names is not. */
	run("The fund will award contracts in September and in January. The "
	    "law, passed in January, will apply from July.\n", "2022-06-07", &x);
	expect(&x, "September", "2022-09", VB_DATE_MONTH, true);
	const struct vb_date *jan = NULL;
	for (size_t i = 0; i < x.ndates; i++)
		if (!strcmp(x.dates[i].text, "January")) {
			assert_string_equal(x.dates[i].value, jan ? "2022-01" : "2023-01");
			jan = &x.dates[i];
		}
	assert_non_null(jan);
	vb_extraction_release(&x);

	run("The talks broke down on Wednesday morning and resumed this afternoon. "
	    "The service was launched in November. It will open in October. "
	    "Sales in the quarter, January to March 2012, rose.\n", "2012-06-14", &x);
	expect(&x, "Wednesday morning", "2012-06-13", VB_DATE_DAY, true);
	expect(&x, "this afternoon", "2012-06-14", VB_DATE_DAY, true);
	expect(&x, "November", "2011-11", VB_DATE_MONTH, true);
	expect(&x, "October", "2012-10", VB_DATE_MONTH, true);
	expect(&x, "January", "2012-01", VB_DATE_MONTH, false);
	expect(&x, "March 2012", "2012-03", VB_DATE_MONTH, false);
	vb_extraction_release(&x);
}

/* German: a month "vergangenen Jahres", a year after "im Jahr", "seit". */
static void test_german(void **state)
{
	(void)state;
	struct vb_extraction x;
	struct vb_extract_opts opts = { .doc_id = "d", .doc_date = "2010-04-20", .lang = "de" };
	const char *text = "Die Firma schloss im Mai vergangenen Jahres. Im Jahr 2009 lag "
			   "der Anteil bei 22 Prozent. Seit 2005 w\u00e4chst er. Er hat "
			   "2009 Mitarbeiter.\n";
	assert_int_equal(vb_extract(ex, text, strlen(text), &opts, &x, NULL), 0);
	expect(&x, "Mai vergangenen Jahres", "2009-05", VB_DATE_MONTH, true);
	expect(&x, "2005", "2005", VB_DATE_YEAR, false);
	assert_int_equal(x.ndates, 3);   /* "2009 Mitarbeiter" is no date */
	vb_extraction_release(&x);

	/* Weekdays and periods relative to the date (a Tuesday). */
	text = "Das teilte die Firma am Montag mit. Im vergangenen Jahr fiel der "
	       "Umsatz, im n\u00e4chsten Monat steigt er.\n";
	assert_int_equal(vb_extract(ex, text, strlen(text), &opts, &x, NULL), 0);
	expect(&x, "Montag", "2010-04-19", VB_DATE_DAY, true);
	expect(&x, "vergangenen Jahr", "2009", VB_DATE_YEAR, true);
	expect(&x, "n\u00e4chsten Monat", "2010-05", VB_DATE_MONTH, true);
	vb_extraction_release(&x);
}

/* Chinese dates inside a run of characters, digits apart. */
static void test_chinese(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("上海，2009年12月1日——公司昨天宣布，上个月销售额增长两成，明年3月将开设"
	    "新店。公司成立于1998年，2005年6月上市。董事长说，本周将公布细节，"
	    "新店于4月开业，每月收费10元。\n",
	    "2009-12-01", &x);
	expect(&x, "2009年12月1日", "2009-12-01", VB_DATE_DAY, false);
	expect(&x, "昨天", "2009-11-30", VB_DATE_DAY, true);
	expect(&x, "上个月", "2009-11", VB_DATE_MONTH, true);
	expect(&x, "明年3月", "2010-03", VB_DATE_MONTH, true);
	expect(&x, "1998年", "1998", VB_DATE_YEAR, false);
	expect(&x, "2005年6月", "2005-06", VB_DATE_MONTH, false);
	expect(&x, "本周", "2009-W49", VB_DATE_WEEK, true);
	expect(&x, "4月", "2009-04", VB_DATE_MONTH, true);
	assert_null(find_date(&x, "1998"));
	assert_int_equal(x.ndates, 8);   /* not "每月", not "10元" */
	vb_extraction_release(&x);

	/* No publication date: a day of "this year" has no value, and is a day. */
	run("公司将于今年5月15日开业。\n", NULL, &x);
	expect(&x, "今年5月15日", NULL, VB_DATE_DAY, true);
	vb_extraction_release(&x);

	/* Undated: the dateline's date is the publication date. */
	run("北京，2011年3月15日——公司今天宣布，去年销售额增长。\n", NULL, &x);
	assert_string_equal(x.doc_date, "2011-03-15");
	expect(&x, "今天", "2011-03-15", VB_DATE_DAY, true);
	expect(&x, "去年", "2010", VB_DATE_YEAR, true);
	vb_extraction_release(&x);

	/* Quarters: of a year written, or of the year of publication. */
	run("公司公布2026年第三季度业绩。一季度收入增长，第4季度将推出新品。\n",
	    "2026-10-30", &x);
	expect(&x, "2026年第三季度", "2026-Q3", VB_DATE_QUARTER, false);
	expect(&x, "一季度", "2026-Q1", VB_DATE_QUARTER, true);
	expect(&x, "第4季度", "2026-Q4", VB_DATE_QUARTER, true);
	vb_extraction_release(&x);
}

/* Possessives: "today's judgment", "last week's data" are dates, and
 * their extent has no "'s", as names have none. */
static void test_possessives(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("The federation welcomed today\xe2\x80\x99s judgment. Last week's data were "
	    "weak, Tuesday's vote was close and next year's budget will be tight.\n",
	    "2026-03-05", &x);
	expect(&x, "today", "2026-03-05", VB_DATE_DAY, true);
	expect(&x, "Last week", "2026-W09", VB_DATE_WEEK, true);
	expect(&x, "Tuesday", "2026-03-03", VB_DATE_DAY, true);
	expect(&x, "next year", "2027", VB_DATE_YEAR, true);
	assert_int_equal(x.ndates, 4);
	vb_extraction_release(&x);

	/* "Today" capitalised after a word is a name: "the BBC's Today
	 * programme", "USA Today"; opening a sentence it is the day. */
	run("He told the BBC's Today programme and USA Today. Today the union met.\n",
	    "2026-01-12", &x);
	assert_int_equal(x.ndates, 1);
	expect(&x, "Today", "2026-01-12", VB_DATE_DAY, true);
	vb_extraction_release(&x);
}

/* "of that year", "that year": the year written last before, not the
 * year of publication. */
static void test_that_year(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Harwell agreed in 2024 to buy Tindall Snacks. The deal closed in the "
	    "third quarter of that year. Sales fell that year. In March of the same "
	    "year it moved. Growth was flat year-on-year.\n", "2026-05-06", &x);
	expect(&x, "third quarter of that year", "2024-Q3", VB_DATE_QUARTER, true);
	expect(&x, "that year", "2024", VB_DATE_YEAR, true);
	expect(&x, "March of the same year", "2024-03", VB_DATE_MONTH, true);
	assert_int_equal(x.ndates, 4);
	vb_extraction_release(&x);

	/* No year written before: "that year" is no date. */
	run("Sales fell that year.\n", "2026-05-06", &x);
	assert_int_equal(x.ndates, 0);
	vb_extraction_release(&x);
}

/* "is expected to ... on Monday" is the next Monday; a weekday opening a
 * name after "the" or a possessive is no date. */
static void test_plans_and_named_weekdays(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Speaking to the BBC's Sunday Politics programme, she defended the "
	    "decision. She is expected to face questions in the Commons on Monday. "
	    "The vote was held on Tuesday.\n", "2026-03-19", &x);
	expect(&x, "Monday", "2026-03-23", VB_DATE_DAY, true);
	expect(&x, "Tuesday", "2026-03-17", VB_DATE_DAY, true);
	assert_null(find_date(&x, "Sunday"));
	assert_int_equal(x.ndates, 2);
	vb_extraction_release(&x);

	/* A fixture in the present tense is to come; a result is past. */
	run("The win lifts Harbour City to fourth, behind Eastport United, who play "
	    "Kingsbridge Rovers on Tuesday. Millbrook beat Ashby on Saturday.\n",
	    "2026-10-18", &x);
	expect(&x, "Tuesday", "2026-10-20", VB_DATE_DAY, true);
	expect(&x, "Saturday", "2026-10-17", VB_DATE_DAY, true);
	vb_extraction_release(&x);
}

/* Months and weekdays whose year or week the sentence decides. */
static void test_tense_and_weekdays(void **state)
{
	(void)state;
	struct vb_extraction x;
	/* A month still to come, in a past sentence: "by" of an agent is
	 * no future ("published by the Department in November"). */
	run("Last year, 234,400 homes were completed, according to figures "
	    "published by the Department in November.\n", "2025-02-04", &x);
	expect(&x, "November", "2024-11", VB_DATE_MONTH, true);
	vb_extraction_release(&x);
	/* A short past form ("sued") tells of the past too; "need" does not. */
	run("The commission, which sued to stop the deal in November, welcomed "
	    "the ruling.\n", "2022-05-12", &x);
	expect(&x, "November", "2021-11", VB_DATE_MONTH, true);
	vb_extraction_release(&x);

	/* A month gone by, after a modal: next year's.  The time of the
	 * speaking is not ("said in January that it would"). */
	run("His agent said talks could resume in January. The club said in "
	    "March that it would sell.\n", "2024-08-30", &x);
	expect(&x, "January", "2025-01", VB_DATE_MONTH, true);
	expect(&x, "March", "2024-03", VB_DATE_MONTH, true);
	vb_extraction_release(&x);

	/* A weekday with its date is that date, one date; a weekday in a
	 * sentence of the future is the coming one. */
	run("The company will host a call on Wednesday, Oct. 30, 2024. It will "
	    "vote on Thursday. It met on Monday. The hearing is on Tuesday 4 "
	    "March.\n", "2024-10-29", &x);
	expect(&x, "Wednesday, Oct. 30, 2024", "2024-10-30", VB_DATE_DAY, false);
	assert_null(find_date(&x, "Oct. 30, 2024"));
	expect(&x, "Thursday", "2024-10-31", VB_DATE_DAY, true);
	expect(&x, "Monday", "2024-10-28", VB_DATE_DAY, true);
	expect(&x, "Tuesday 4 March", "2024-03-04", VB_DATE_DAY, true);
	vb_extraction_release(&x);

	/* The weekday of a past clause inside a sentence of the future; an
	 * expected day is a coming one. */
	run("Drivers will walk out from Thursday after talks broke down late on "
	    "Monday night. Passengers have been told to expect no trains on "
	    "Friday.\n", "2024-11-05", &x);
	expect(&x, "Thursday", "2024-11-07", VB_DATE_DAY, true);
	expect(&x, "Monday night", "2024-11-04", VB_DATE_DAY, true);
	expect(&x, "Friday", "2024-11-08", VB_DATE_DAY, true);
	vb_extraction_release(&x);
}

static void test_not_dates(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("The firm sold 1,500 shares and has 2000 employees. Over the past "
	    "year it grew; for three months it paused, and two years of work "
	    "remain. It may grow. Prices march upward. It paid $2005 for 1999 "
	    "tonnes.\n",
	    "2008-02-04", &x);
	for (size_t i = 0; i < x.ndates; i++)
		fail_msg("unexpected date '%s'", x.dates[i].text);
	vb_extraction_release(&x);
}

/* "before the end of the year" is "the year" (the modifier left out),
 * the current one; not "the year before", "the year 2027". */
static void test_end_of_the_year(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("The board will decide before the end of the year. Staff are paid at "
	    "the end of the month. The vote is at the start of the week. At the "
	    "end of the year before, sales fell. By the end of the year 2027 it "
	    "will open.\n", "2026-06-09", &x);
	expect(&x, "the month", "2026-06", VB_DATE_MONTH, true);
	expect(&x, "the week", "2026-W24", VB_DATE_WEEK, true);
	expect(&x, "2027", "2027", VB_DATE_YEAR, false);
	size_t years = 0;
	for (size_t i = 0; i < x.ndates; i++)
		if (!strcmp(x.dates[i].text, "the year")) {
			assert_string_equal(x.dates[i].value, "2026");
			years++;
		}
	assert_int_equal(years, 1);
	vb_extraction_release(&x);
}

/* French months are written in lower case: "le 10 mars 2026"; but "it
 * may rain" is no May. */
static void test_french_lowercase_months(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("Lyon, le 10 mars 2026 - La soci\xc3\xa9t\xc3\xa9 annonce un plan. It may rain "
	    "and we march on.\n", "2026-03-10", &x);
	expect(&x, "10 mars 2026", "2026-03-10", VB_DATE_DAY, false);
	assert_int_equal(x.ndates, 1);
	vb_extraction_release(&x);
}

/* Holidays with a day of their own, as a time ("before Christmas") or
 * with a year; not in a name or before a noun ("Christmas sales", "the
 * Easter Rising"). */
static void test_holidays(void **state)
{
	(void)state;
	struct vb_extraction x;
	run("The board expects to award the contract before Christmas. Sales over "
	    "Christmas 2024 were weak and Christmas sales fell. The shop opened on "
	    "New Year's Day and closed at Easter. The Easter Rising is history. "
	    "Shoppers spent more at Thanksgiving. The rally on Good Friday was "
	    "calm. Last Christmas was quiet; next Easter will be busy. On Easter "
	    "Sunday of 2008 he left.\n",
	    "2025-09-17", &x);
	expect(&x, "Christmas", "2025-12-25", VB_DATE_DAY, true);
	expect(&x, "Christmas 2024", "2024-12-25", VB_DATE_DAY, false);
	expect(&x, "New Year's Day", "2025-01-01", VB_DATE_DAY, true);
	expect(&x, "Easter", "2025-04-20", VB_DATE_DAY, true);
	expect(&x, "Thanksgiving", "2025-11-27", VB_DATE_DAY, true);
	expect(&x, "Good Friday", "2025-04-18", VB_DATE_DAY, true);
	expect(&x, "Last Christmas", "2024-12-25", VB_DATE_DAY, true);
	expect(&x, "next Easter", "2026-04-05", VB_DATE_DAY, true);
	expect(&x, "Easter Sunday of 2008", "2008-03-23", VB_DATE_DAY, false);
	assert_int_equal(x.ndates, 9);
	vb_extraction_release(&x);

	/* Later in the year than publication, told in the past: last year's. */
	run("The hostages came home at Christmas.\n", "2025-01-20", &x);
	expect(&x, "Christmas", "2024-12-25", VB_DATE_DAY, true);
	vb_extraction_release(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_absolute),
		cmocka_unit_test(test_relative),
		cmocka_unit_test(test_unknown_doc_date),
		cmocka_unit_test(test_dateline),
		cmocka_unit_test(test_labelled_date),
		cmocka_unit_test(test_not_dates),
		cmocka_unit_test(test_chinese),
		cmocka_unit_test(test_german),
		cmocka_unit_test(test_more_dates),
		cmocka_unit_test(test_possessives),
		cmocka_unit_test(test_that_year),
		cmocka_unit_test(test_plans_and_named_weekdays),
		cmocka_unit_test(test_tense_and_weekdays),
		cmocka_unit_test(test_end_of_the_year),
		cmocka_unit_test(test_french_lowercase_months),
		cmocka_unit_test(test_holidays),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
