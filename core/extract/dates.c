/* dates.c: absolute and relative dates, resolved against the publication date or a dateline. */
#include "extract/internal.h"

#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- calendar arithmetic (proleptic Gregorian, days since 1970-01-01) ---- */

static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

/* ISO weekday: 1 = Monday .. 7 = Sunday. */
static int weekday(long days)
{
	long w = (days + 3) % 7;     /* 1970-01-01 was a Thursday */
	if (w < 0)
		w += 7;
	return (int)w + 1;
}

static void iso_week(long days, int *wy, int *wn)
{
	int y, m, d;
	long thursday = days - weekday(days) + 4;
	civil_from_days(thursday, &y, &m, &d);
	long jan1 = days_from_civil(y, 1, 1);
	*wy = y;
	*wn = (int)((thursday - jan1) / 7 + 1);
}

static int days_in_month(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return n[m - 1];
}

/* ---- tokens --------------------------------------------------------------- */

/* An integer number token without separators: its value, else -1. */
static long int_tok(const struct xdoc *d, size_t i, int *digits)
{
	if (i >= d->nt || d->t[i].kind != TK_NUM)
		return -1;
	long v = 0;
	int n = 0;
	for (size_t k = d->t[i].start; k < d->t[i].end; k++) {
		char c = d->s[k];
		if (c < '0' || c > '9')
			return -1;
		if (n < 9)
			v = v * 10 + (c - '0');
		n++;
	}
	if (digits)
		*digits = n;
	return v;
}

static int year_tok(const struct xdoc *d, size_t i)
{
	int n = 0;
	long v = int_tok(d, i, &n);
	if (n != 4 || v < 1800 || v > 2099)
		return 0;
	/* "2004-05": a range of years or a fiscal year, but the first is a year. */
	return (int)v;
}

/* Day of month, possibly with its ordinal suffix ("12th"): tokens used. */
static int day_tok(const struct xdoc *d, size_t i, size_t *used)
{
	int n;
	long v = int_tok(d, i, &n);
	if (v < 1 || v > 31 || n > 2)
		return 0;
	*used = 1;
	if (i + 1 < d->nt && tok_adjacent(d, i + 1) &&
	    (tok_is(d, i + 1, "th") || tok_is(d, i + 1, "st") ||
	     tok_is(d, i + 1, "nd") || tok_is(d, i + 1, "rd")))
		*used = 2;
	/* "3.5" or "12,000" were single tokens; "12:30" is a time. */
	if (tok_punct(d, i + *used, ':') && tok_adjacent(d, i + *used))
		return 0;
	return (int)v;
}

static int month_tok(const struct xdoc *d, size_t i, size_t *used)
{
	if (i >= d->nt || d->t[i].kind != TK_WORD || !(d->t[i].lex & L_MONTH))
		return 0;
	/* "may" and "march" are verbs when lowercase; French, Spanish and
	 * Italian months are written in lower case. */
	/* But "le 10 mars 2026", "am 3. mai": a day before it. */
	bool day_before = i > 0 && (d->t[i - 1].kind == TK_NUM ||
				    (i > 1 && tok_punct(d, i - 1, '.') && d->t[i - 2].kind == TK_NUM));
	if (!(d->t[i].flags & TF_CAP) && !day_before &&
	    (tok_is(d, i, "may") || tok_is(d, i, "march") || tok_is(d, i, "mars") ||
	     tok_is(d, i, "mai") || tok_is(d, i, "august")))
		return 0;
	*used = 1;
	if (tok_punct(d, i + 1, '.') && tok_adjacent(d, i + 1) &&
	    (d->t[i].lex & L_ABBREV))
		*used = 2;
	return d->t[i].val;
}

/* ---- output ---------------------------------------------------------------- */

/* A date at bytes [start, end) of the text. */
static void add_date_at(struct xdoc *d, size_t start, size_t end, const char *value,
			enum vb_date_granularity g, bool relative)
{
	struct vb_extraction *x = d->out;

	VB_ALLOC_GROW(x->dates, x->ndates + 1, d->aout_dates);
	struct vb_date *e = &x->dates[x->ndates++];
	e->start = start;
	e->end = end;
	e->text = text_dup_clean(d, e->start, e->end);
	e->value = value ? vb_strdup(value) : NULL;
	e->granularity = g;
	e->relative = relative;
}

/* Where a date of tokens [.., t1) ends: "Tuesday's vote", "today's
 * judgment" without the possessive, as names are (the guidelines'
 * extents). */
static size_t date_end(const struct xdoc *d, size_t t1)
{
	return (d->t[t1 - 1].flags & TF_POSS) ? tok_stem_end(d, t1 - 1) : d->t[t1 - 1].end;
}

static void add_date(struct xdoc *d, size_t t0, size_t t1, const char *value,
		     enum vb_date_granularity g, bool relative)
{
	add_date_at(d, d->t[t0].start, date_end(d, t1), value, g, relative);
	for (size_t k = t0; k < t1; k++)
		d->t[k].flags |= TF_USED_DATE;
}

/*
 * "of that year", "of the same year" at token k: the year of the last
 * date before it that has one written out ("in 2024 ... in the third
 * quarter of that year"); 0 when k does not say so or no year is known.
 * *used is how many tokens the phrase takes.
 */
static int anaphoric_year(const struct xdoc *d, size_t k, size_t *used)
{
	size_t n = 0;
	if (tok_is(d, k, "that") && tok_is(d, k + 1, "year"))
		n = 2;
	else if (tok_is(d, k, "the") && tok_is(d, k + 1, "same") && tok_is(d, k + 2, "year"))
		n = 3;
	if (!n)
		return 0;
	const struct vb_extraction *x = d->out;
	for (size_t j = x->ndates; j-- > 0;) {
		const struct vb_date *e = &x->dates[j];
		if (e->start >= d->t[k].start || e->relative || !e->value ||
		    strlen(e->value) < 4 || !isdigit((unsigned char)e->value[3]))
			continue;
		*used = n;
		return atoi(e->value);
	}
	return 0;
}

static void fmt_day(char *buf, size_t cap, int y, int m, int dd)
{
	if (y)
		snprintf(buf, cap, "%04d-%02d-%02d", y, m, dd);
	else
		snprintf(buf, cap, "XXXX-%02d-%02d", m, dd);
}

/* ---- the publication date --------------------------------------------------- */

static void parse_iso_date(const char *s, int *y, int *m, int *dd)
{
	int a = 0, b = 0, c = 0;
	*y = *m = *dd = 0;
	if (!s)
		return;
	int n = sscanf(s, "%4d-%2d-%2d", &a, &b, &c);
	if (n >= 1 && a >= 1000 && a <= 9999)
		*y = a;
	else
		return;
	if (n >= 2 && b >= 1 && b <= 12)
		*m = b;
	else
		return;
	if (n >= 3 && c >= 1 && c <= days_in_month(a, b))
		*dd = c;
}

/*
 * A day at token k: "12 April 2005", "April 12, 2005", "Feb 26", "12th
 * April" (the year is optional: 0).  *end is the token after it.
 */
static bool day_date_at(const struct xdoc *d, size_t k, int *y, int *m, int *dd,
			size_t *end)
{
	size_t u1 = 0, u2 = 0;
	int mon = month_tok(d, k, &u1), day = 0, year = 0;
	if (mon) {
		day = day_tok(d, k + u1, &u2);
		if (!day)
			return false;
		k += u1 + u2;
		if (tok_punct(d, k, ',') && year_tok(d, k + 1))
			k++;
		if ((year = year_tok(d, k)))
			k++;
	} else if ((day = day_tok(d, k, &u2))) {
		k += u2;
		mon = month_tok(d, k, &u1);
		if (!mon)
			return false;
		k += u1;
		if ((year = year_tok(d, k)))
			k++;
	} else {
		return false;
	}
	*y = year;
	*m = mon;
	*dd = day;
	*end = k;
	return true;
}

/*
 * A dateline opens the story: "LONDON, 12 April 2005 -", "COMMACK, N.Y.,
 * Feb 26 -", "PARIS, March 3 (Reuters) -".  Returns the token after the date.
 */
static bool dateline(struct xdoc *d, int *y, int *m, int *dd, size_t *t0,
		     size_t *t1)
{
	size_t lim = d->nt < 16 ? d->nt : 16;

	for (size_t i = 1; i < lim; i++) {
		if (!tok_punct(d, i - 1, ','))
			continue;
		size_t k;
		if (!day_date_at(d, i, y, m, dd, &k))
			continue;
		/* A dash or "(Reuters)" must follow. */
		size_t e = k;
		if (tok_punct(d, e, '(')) {
			while (e < lim + 4 && e < d->nt && !tok_punct(d, e, ')'))
				e++;
			e++;
		}
		if (e < d->nt && d->t[e].kind == TK_PUNCT && (is_dash_cp(d->t[e].cp) ||
							      d->t[e].cp == '/')) {
			*t0 = i;
			*t1 = k;
			return true;
		}
	}
	return false;
}

/*
 * A labelled date near the top, as web pages print it under the headline:
 * "Posted on 4 May 2021", "Published 10 February 2022", "Released:
 * March 3, 2009".  The day and the year must both be there.
 */
static bool labelled_date(struct xdoc *d, int *y, int *m, int *dd, size_t *t0,
			  size_t *t1)
{
	static const char *const labels[] = {
		"published", "posted", "released", "issued", "veröffentlicht",
		"publié", "publiée",
	};
	size_t lim = d->nt < 80 ? d->nt : 80;

	for (size_t i = 0; i + 1 < lim; i++) {
		if (d->t[i].kind != TK_WORD || !(d->t[i].flags & TF_CAP))
			continue;
		bool label = false;
		for (size_t l = 0; l < sizeof(labels) / sizeof(labels[0]) && !label; l++)
			label = tok_is(d, i, labels[l]);
		if (!label)
			continue;
		size_t k = i + 1;
		if (tok_punct(d, k, ':'))
			k++;
		if (tok_is(d, k, "on") || tok_is(d, k, "am") || tok_is(d, k, "le"))
			k++;
		size_t end;
		if (day_date_at(d, k, y, m, dd, &end) && *y) {
			*t0 = k;
			*t1 = end;
			return true;
		}
	}
	return false;
}

static size_t zh_month_day(const char *p, const char *end, int *m, int *dd);
static int zh_number(const char *p, const char *end, size_t *len);
static bool zh_at(const char *p, const char *end, const char *w);

/* A full Chinese date among the first tokens of the story. */
static bool zh_dateline(const struct xdoc *d, int *y, int *m, int *dd)
{
	for (size_t i = 0; i + 1 < d->nt && i < 8; i++) {
		if (d->t[i].kind != TK_NUM || !tok_adjacent(d, i + 1))
			continue;
		/* "2011年3月15日" is five tokens: digits and Han words. */
		size_t last = i + 6 < d->nt ? i + 6 : d->nt - 1;
		const char *p = d->s + d->t[i].start, *end = d->s + d->t[last].end;
		size_t nl;
		*y = zh_number(p, end, &nl);
		if (*y < 1000 || nl < 4 || !zh_at(p + nl, end, "年"))
			continue;
		if (zh_month_day(p + nl + strlen("年"), end, m, dd) && *dd)
			return true;
	}
	return false;
}

void dates_docdate(struct xdoc *d)
{
	int y = 0, m = 0, dd = 0;
	size_t t0, t1;
	struct vb_extraction *x = d->out;

	parse_iso_date(d->opts ? d->opts->doc_date : NULL, &d->dy, &d->dm, &d->dd);
	if (dateline(d, &y, &m, &dd, &t0, &t1) || labelled_date(d, &y, &m, &dd, &t0, &t1)) {
		if (!d->dy || !d->dm) {
			/* The dateline gives the day; its year, else the option's. */
			if (y)
				d->dy = y;
			d->dm = m;
			d->dd = dd <= days_in_month(d->dy ? d->dy : 2000, m) ? dd : 0;
		}
		char v[32];
		fmt_day(v, sizeof(v), y ? y : d->dy, m, dd);
		add_date(d, t0, t1, v, VB_DATE_DAY, false);
	} else if (!d->dy && zh_dateline(d, &y, &m, &dd)) {
		/* "北京，2011年3月15日——": the date of an undated Chinese release
		 * (the date itself is found with the others). */
		d->dy = y;
		d->dm = m;
		d->dd = dd <= days_in_month(y, m) ? dd : 0;
	}
	if (d->dy && d->dm && d->dd)
		snprintf(x->doc_date, sizeof(x->doc_date), "%04d-%02d-%02d", d->dy,
			 d->dm, d->dd);
	else if (d->dy && d->dm)
		snprintf(x->doc_date, sizeof(x->doc_date), "%04d-%02d", d->dy, d->dm);
	else if (d->dy)
		snprintf(x->doc_date, sizeof(x->doc_date), "%04d", d->dy);
	else if (d->dm && d->dd)
		snprintf(x->doc_date, sizeof(x->doc_date), "XXXX-%02d-%02d", d->dm,
			 d->dd);
}

/* ---- finding dates --------------------------------------------------------- */

static bool unit_after(const struct xdoc *d, size_t i)
{
	if (i >= d->nt)
		return false;
	if (tok_punct(d, i, '%'))
		return true;
	return d->t[i].kind == TK_WORD && (d->t[i].lex & (L_UNIT | L_PERCENT | L_SCALE)) &&
	       !(d->t[i].flags & TF_CAP);
}

static int unit_of(const struct xdoc *d, size_t i)
{
	/* also "last week's data", "next year's budget" */
	if (tok_stem_is(d, i, "day") || tok_is(d, i, "days"))
		return 'd';
	if (tok_stem_is(d, i, "week") || tok_is(d, i, "weeks"))
		return 'w';
	if (tok_stem_is(d, i, "month") || tok_is(d, i, "months"))
		return 'm';
	if (tok_stem_is(d, i, "quarter") || tok_is(d, i, "quarters"))
		return 'q';
	if (tok_stem_is(d, i, "year") || tok_is(d, i, "years"))
		return 'y';
	return 0;
}

static void add_relative_at(struct xdoc *d, size_t start, size_t end, int unit, int n);
static int day_year(const struct xdoc *d, size_t i, int mon, int day);
static bool future_sentence(const struct xdoc *d, size_t i);

/* Resolve an offset of `n` units from the publication date and add the date. */
static void add_relative(struct xdoc *d, size_t t0, size_t t1, int unit, int n)
{
	add_relative_at(d, d->t[t0].start, date_end(d, t1), unit, n);
	for (size_t k = t0; k < t1; k++)
		d->t[k].flags |= TF_USED_DATE;
}

/* The same at bytes [start, end) of the text. */
static void add_relative_at(struct xdoc *d, size_t start, size_t end, int unit, int n)
{
	char v[32];
	const char *val = v;
	enum vb_date_granularity g = VB_DATE_DAY;

	switch (unit) {
	case 'd':
		g = VB_DATE_DAY;
		if (!(d->dy && d->dm && d->dd)) {
			val = NULL;
			break;
		}
		{
			int y, m, dd;
			civil_from_days(days_from_civil(d->dy, d->dm, d->dd) + n, &y,
					&m, &dd);
			fmt_day(v, sizeof(v), y, m, dd);
		}
		break;
	case 'w':
		g = VB_DATE_WEEK;
		if (!(d->dy && d->dm && d->dd)) {
			val = NULL;
			break;
		}
		{
			int wy, wn;
			iso_week(days_from_civil(d->dy, d->dm, d->dd) + 7L * n, &wy, &wn);
			snprintf(v, sizeof(v), "%04d-W%02d", wy, wn);
		}
		break;
	case 'm':
		g = VB_DATE_MONTH;
		if (!(d->dy && d->dm)) {
			val = NULL;
			break;
		}
		{
			int mm = d->dy * 12 + (d->dm - 1) + n;
			snprintf(v, sizeof(v), "%04d-%02d", mm / 12, mm % 12 + 1);
		}
		break;
	case 'q':
		g = VB_DATE_QUARTER;
		if (!(d->dy && d->dm)) {
			val = NULL;
			break;
		}
		{
			int q = d->dy * 4 + (d->dm - 1) / 3 + n;
			snprintf(v, sizeof(v), "%04d-Q%d", q / 4, q % 4 + 1);
		}
		break;
	default:
		g = VB_DATE_YEAR;
		if (!d->dy) {
			val = NULL;
			break;
		}
		snprintf(v, sizeof(v), "%04d", d->dy + n);
		break;
	}
	add_date_at(d, start, end, val, g, true);
}

static bool in_lang(const struct xdoc *d, const char *lang);

static bool date_prep_before(const struct xdoc *d, size_t i)
{
	if (i == 0)
		return false;
	const struct xtok *p = &d->t[i - 1];
	if (p->kind == TK_WORD && (p->lex & L_DATE_PREP) && !(p->flags & TF_CAP))
		return true;
	if (p->kind == TK_WORD && (p->lex & L_DATE_PREP) && (p->flags & TF_CAP) &&
	    (p->flags & TF_SENT_START))
		return true;
	/* German capitalises its nouns: "im Jahr 2009", "Ende 2010". */
	if (p->kind == TK_WORD && (tok_is(d, i - 1, "jahr") || tok_is(d, i - 1, "ende") ||
				   tok_is(d, i - 1, "anfang")) && in_lang(d, "de"))
		return true;
	/* "mid-2007", "2004-2006" */
	if (p->kind == TK_PUNCT && is_dash_cp(p->cp) && i >= 2 &&
	    (tok_is(d, i - 2, "mid") || year_tok(d, i - 2)))
		return true;
	if (p->kind == TK_PUNCT && p->cp == '(' )
		return true;
	return false;
}

/* The weekday most recently before (or on) the publication date. */
static void add_weekday(struct xdoc *d, size_t t0, size_t t1, int wd, int dir)
{
	char v[32];

	if (!(d->dy && d->dm && d->dd)) {
		add_date(d, t0, t1, NULL, VB_DATE_DAY, true);
		return;
	}
	long today = days_from_civil(d->dy, d->dm, d->dd);
	long diff = wd - weekday(today);
	if (dir <= 0 && diff > 0)
		diff -= 7;
	if (dir == 1 && diff <= 0)
		diff += 7;
	if (dir == 2 && diff < 0)	/* the coming one, or today */
		diff += 7;
	int y, m, dd;
	civil_from_days(today + diff, &y, &m, &dd);
	fmt_day(v, sizeof(v), y, m, dd);
	add_date(d, t0, t1, v, VB_DATE_DAY, true);
}

/* Is the document in this language, or in none said? */
static bool in_lang(const struct xdoc *d, const char *lang)
{
	const char *l = d->opts ? d->opts->lang : NULL;
	return !l || !*l || !strncmp(l, lang, 2);
}

static bool time_of_day(const struct xdoc *d, size_t i)
{
	return tok_is(d, i, "morning") || tok_is(d, i, "afternoon") ||
	       tok_is(d, i, "evening") || tok_is(d, i, "night") ||
	       tok_is(d, i, "soir") || tok_is(d, i, "matin") ||
	       tok_is(d, i, "abend") || tok_is(d, i, "noche");
}

static size_t relative_at(struct xdoc *d, size_t i)
{
	const struct xtok *t = &d->t[i];
	bool prev_the = i > 0 && (tok_is(d, i - 1, "the") || tok_is(d, i - 1, "past") ||
				  tok_is(d, i - 1, "over") || tok_is(d, i - 1, "for"));

	if (t->kind != TK_WORD)
		return 0;
	/* today, heute, hoy, hier; "yesterday morning", "hier soir".  The
	 * words of other languages only in documents of that language (or
	 * of none said): Dutch "hier" is "here". */
	int day = 99;
	bool de = in_lang(d, "de"), fr = in_lang(d, "fr"), es = in_lang(d, "es"),
	     it = in_lang(d, "it");
	/* "the BBC's Today programme", "USA Today": capitalised inside a
	 * sentence, after a word, "Today" is a name (not in German, whose
	 * nouns and "Heute" at a sentence's start are capitalised anyway). */
	if ((t->flags & TF_CAP) && !(t->flags & (TF_SENT_START | TF_ALLCAPS)) && i > 0 &&
	    d->t[i - 1].kind == TK_WORD && d->t[i - 1].sent == t->sent &&
	    (tok_stem_is(d, i, "today") || tok_is(d, i, "tonight")))
		return 0;
	if (tok_stem_is(d, i, "today") || tok_is(d, i, "tonight") ||
	    (de && tok_is(d, i, "heute")) || (es && tok_is(d, i, "hoy")) ||
	    (it && tok_is(d, i, "oggi")))
		day = 0;
	else if (tok_stem_is(d, i, "yesterday") ||
		 (fr && tok_is(d, i, "hier")) ||
		 (de && tok_is(d, i, "gestern")) || (es && tok_is(d, i, "ayer")) ||
		 (it && tok_is(d, i, "ieri")))
		day = -1;
	else if (tok_is(d, i, "tomorrow") || (fr && tok_is(d, i, "demain")) ||
		 (it && tok_is(d, i, "domani")))
		day = 1;
	/* "this morning", "last night" */
	else if ((tok_is(d, i, "this") || tok_is(d, i, "last")) && time_of_day(d, i + 1) &&
		 (tok_is(d, i, "this") || tok_is(d, i + 1, "night")))
		day = tok_is(d, i, "this") ? 0 : -1;
	if (day != 99) {
		size_t e = i + 1;
		if (time_of_day(d, e))
			e++;
		add_relative(d, i, e, 'd', day);
		return e - i;
	}
	/* French and Spanish write weekdays in lower case ("a annoncé mardi"). */
	bool romance = doc_lang(d, "fr") || doc_lang(d, "es");
	/* A weekday opening a name: "the BBC's Sunday Politics programme",
	 * "the Sunday Times" (but "on Sunday Trump said" is the day). */
	if ((t->lex & L_WEEKDAY) && (t->flags & TF_CAP) && i > 0 && tok_capword(d, i + 1) &&
	    !(d->t[i + 1].lex & (L_MONTH | L_WEEKDAY)) && d->t[i + 1].sent == t->sent &&
	    (tok_is(d, i - 1, "the") || (d->t[i - 1].flags & TF_POSS)))
		return 0;
	if ((t->lex & L_WEEKDAY) && ((t->flags & TF_CAP) || (romance && t->kind == TK_WORD))) {
		int dir = 0;
		size_t t0 = i;
		if (i > 0 && tok_is(d, i - 1, "next")) {
			dir = 1;
			t0 = i - 1;
		} else if (i > 0 && tok_is(d, i - 1, "last")) {
			dir = -1;
			t0 = i - 1;
		} else if (i > 0 && tok_is(d, i - 1, "this")) {
			dir = 0;
			t0 = i - 1;
		} else {
			/* "Wednesday, Oct. 30, 2024", "Tuesday 4 March": the
			 * date itself says which day. */
			int y, m, dd;
			size_t end, k = i + 1 + tok_punct(d, i + 1, ',');
			if (day_date_at(d, k, &y, &m, &dd, &end) && m >= 1 && m <= 12 &&
			    dd >= 1 && dd <= 31) {
				char v[32];
				bool rel = !y;
				if (!y)
					y = day_year(d, k, m, dd);
				if (y) {
					fmt_day(v, sizeof(v), y, m, dd);
					add_date(d, i, end, v, VB_DATE_DAY, rel);
				} else {
					add_date(d, i, end, NULL, VB_DATE_DAY, true);
				}
				return end - i;
			}
			/* "will host a call on Wednesday" */
			if (future_sentence(d, i))
				dir = 2;
		}
		/* "Wednesday morning" */
		size_t e = time_of_day(d, i + 1) ? i + 2 : i + 1;
		add_weekday(d, t0, e, t->val, dir);
		return e - i;
	}
	/* German: "im vergangenen Jahr", "letzte Woche", "nächsten Monat" */
	if (de) {
		static const char *const words[][2] = {
			{ "vergangenen", "-" }, { "vergangene", "-" }, { "vergangenes", "-" },
			{ "letzten", "-" }, { "letzte", "-" }, { "letztes", "-" },
			{ "vorigen", "-" }, { "vorige", "-" }, { "voriges", "-" },
			{ "diesen", "0" }, { "diese", "0" }, { "dieses", "0" },
			{ "nächsten", "+" }, { "nächste", "+" }, { "nächstes", "+" },
			{ "kommenden", "+" }, { "kommende", "+" }, { "kommendes", "+" },
		};
		int u = tok_is(d, i + 1, "jahr") || tok_is(d, i + 1, "jahres") ? 'y'
			: tok_is(d, i + 1, "monat") || tok_is(d, i + 1, "monats") ? 'm'
			: tok_is(d, i + 1, "woche") ? 'w'
			: tok_is(d, i + 1, "quartal") || tok_is(d, i + 1, "quartals") ? 'q' : 0;
		for (size_t k = 0; u && k < sizeof(words) / sizeof(words[0]); k++)
			if (tok_is(d, i, words[k][0])) {
				int n = words[k][1][0] == '-' ? -1 : words[k][1][0] == '+' ? 1 : 0;
				add_relative(d, i, i + 2, u, n);
				return 2;
			}
	}
	/* "Sales fell that year", after "in 2024": the year named before. */
	if (tok_is(d, i, "that") && !(i + 2 < d->nt && tok_punct(d, i + 2, '-') &&
				      tok_adjacent(d, i + 2))) {
		size_t used = 0;
		int y = anaphoric_year(d, i, &used);
		if (y) {
			char v[16];
			snprintf(v, sizeof(v), "%04d", y);
			add_date(d, i, i + used, v, VB_DATE_YEAR, true);
			return (int)used;
		}
	}
	/* last/this/next week|month|year|quarter */
	if ((tok_is(d, i, "last") || tok_is(d, i, "this") || tok_is(d, i, "next") ||
	     tok_is(d, i, "previous")) && !prev_the) {
		int u = unit_of(d, i + 1);
		if (u && !tok_is(d, i + 1, "days") && !tok_is(d, i + 1, "weeks") &&
		    !tok_is(d, i + 1, "months") && !tok_is(d, i + 1, "years") &&
		    !tok_is(d, i + 1, "day")) {
			int n = tok_is(d, i, "this") ? 0 : tok_is(d, i, "next") ? 1 : -1;
			add_relative(d, i, i + 2, u, n);
			return 2;
		}
		size_t used;
		int mon = month_tok(d, i + 1, &used);
		if (mon && d->dy) {
			/* "last December": the latest December before the date. */
			int y = d->dy;
			if (tok_is(d, i, "last") && (!d->dm || mon >= d->dm))
				y--;
			if (tok_is(d, i, "next") && (!d->dm || mon <= d->dm))
				y++;
			char v[16];
			snprintf(v, sizeof(v), "%04d-%02d", y, mon);
			add_date(d, i, i + 1 + used, v, VB_DATE_MONTH, true);
			return 1 + used;
		}
	}
	/* "the previous year", "the year before", "a year earlier/ago" */
	if (tok_is(d, i, "the") && (tok_is(d, i + 1, "previous") ||
				    tok_is(d, i + 1, "preceding") ||
				    tok_is(d, i + 1, "following"))) {
		int u = unit_of(d, i + 2);
		if (u && u != 'd' && !tok_is(d, i + 2, "years") && !tok_is(d, i + 2, "months")) {
			add_relative(d, i, i + 3, u, tok_is(d, i + 1, "following") ? 1 : -1);
			return 3;
		}
	}
	/* "before the end of the year" -> "the year"; "at the start of the
	 * month": the current one (our guidelines drop the modifier). */
	if (tok_is(d, i, "the") && i >= 3 && tok_is(d, i - 1, "of") &&
	    tok_is(d, i - 3, "the") &&
	    tok_in(d, i - 2, (const char *const[]){ "end", "start", "beginning", "middle",
			"close", "turn", NULL }) &&
	    (tok_is(d, i + 1, "year") || tok_is(d, i + 1, "month") || tok_is(d, i + 1, "week")) &&
	    !(i + 2 < d->nt && (d->t[i + 2].kind == TK_NUM ||
				(d->t[i + 2].kind == TK_WORD &&
				 (tok_is(d, i + 2, "before") || tok_is(d, i + 2, "after") ||
				  tok_is(d, i + 2, "in") || tok_is(d, i + 2, "of")))))) {
		add_relative(d, i, i + 2, unit_of(d, i + 1), 0);
		return 2;
	}
	/* "two years ago", "a year earlier", "three months ago" */
	long n = -1;
	if (tok_is(d, i, "a") || tok_is(d, i, "an"))
		n = 1;
	else if (t->lex & L_NUMWORD)
		n = t->val;
	if (n > 0 && i + 2 < d->nt && unit_of(d, i + 1) &&
	    (tok_is(d, i + 2, "ago") ||
	     ((tok_is(d, i + 2, "earlier") || tok_is(d, i + 2, "before")) &&
	      (tok_is(d, i, "a") || tok_is(d, i, "an"))))) {
		add_relative(d, i, i + 3, unit_of(d, i + 1), -(int)n);
		return 3;
	}
	return 0;
}

/*
 * Does the sentence of token i tell of the past?  A past form before the
 * date ("was", "had", "launched") and no future ("will", "plans to").
 */
static bool past_sentence(const struct xdoc *d, size_t i)
{
	static const char *const future[] = {
		"will", "would", "shall", "plans", "planned", "expects", "expected",
		"intends", "scheduled", "due", "next", "until", "from", "going",
		"be", "deadline", "pending", "upcoming", "later", "by", NULL,
	};
	static const char *const past[] = {
		"was", "were", "had", "did", "said", "announced", "launched", "began",
		"started", "ended", "opened", "closed", "signed", "took", "came",
		"went", "made", "held", "rose", "fell", "grew", "won", "lost", NULL,
	};
	bool was = false;
	for (size_t k = i; k-- > 0 && d->t[k].sent == d->t[i].sent;) {
		if (d->t[k].kind != TK_WORD)
			continue;
		/* "by", "until", "from" tell of the future only before the
		 * date ("by November"), not in "published by the Department". */
		if (k + 1 < i && (tok_is(d, k, "by") || tok_is(d, k, "until") ||
				  tok_is(d, k, "from")))
			continue;
		for (size_t f = 0; future[f]; f++)
			if (tok_is(d, k, future[f]))
				return false;
		for (size_t p = 0; past[p] && !was; p++)
			was = tok_is(d, k, past[p]);
		size_t n = tok_len(d, k);
		/* "launched", and short ones ("sued", "owed"), but not "need" */
		if (!was && n >= 4 && !memcmp(d->s + d->t[k].end - 2, "ed", 2) &&
		    (n > 4 || (d->s[d->t[k].end - 3] != 'e' && !(d->t[k].flags & TF_CAP))))
			was = true;
	}
	return was;
}

static const char *const past_aux[] = { "was", "were", "had", "did", NULL };

/* One of `words` in the sentence of token i (only before i if `before`). */
static bool in_sentence(const struct xdoc *d, size_t i, const char *const *words, bool before)
{
	size_t k = i;
	while (k > 0 && d->t[k - 1].sent == d->t[i].sent)
		k--;
	for (; k < d->nt && d->t[k].sent == d->t[i].sent && (!before || k < i); k++)
		if (tok_in(d, k, words))
			return true;
	return false;
}

/* A word of five letters or more ending in "ed": most often a past form. */
static bool long_ed_form(const struct xdoc *d, size_t k)
{
	return tok_len(d, k) > 4 && !memcmp(d->s + d->t[k].end - 2, "ed", 2);
}

/*
 * Does the sentence of token i tell only of the future?  "will", "shall"
 * or "scheduled" in it, no past auxiliary, and no past participle just
 * before the date ("passed in January").
 */
static bool future_sentence(const struct xdoc *d, size_t i)
{
	static const char *const future[] = {
		"will", "shall", "scheduled", "upcoming", "intends",
		/* French and Spanish futures of "be" */
		"sera", "seront", "será", "serán", NULL,
	};
	/* Weaker, so only before the date: "talks could resume in January". */
	static const char *const modal[] = {
		"could", "would", "expects", "plans", "aims", "hopes", "expect", NULL,
	};
	/* "is expected to face questions on Monday", "are due to meet on
	 * Friday": a present "be", a word of plans, "to", before the date. */
	size_t plan = SIZE_MAX;
	for (size_t k = i; k-- > 1 && d->t[k].sent == d->t[i].sent;)
		if (tok_is(d, k + 1, "to") && tok_in(d, k, (const char *const[]){ "expected",
				"due", "set", "poised", "slated", "scheduled", NULL }) &&
		    tok_in(d, k - 1, (const char *const[]){ "is", "are", "'s", "\u2019s", NULL })) {
			plan = k;
			break;
		}
	/* A fixture in the present: "Eastport United, who play Kingsbridge
	 * Rovers on Tuesday", "the court hears the appeal on Monday": a verb
	 * of a scheduled event at most four words before "on" and the day. */
	if (plan == SIZE_MAX && i > 1 && tok_is(d, i - 1, "on"))
		for (size_t k = i - 1; k-- > 0 && k + 6 > i && d->t[k].sent == d->t[i].sent;) {
			if (d->t[k].kind != TK_WORD || (d->t[k].flags & TF_CAP))
				continue;
			if (tok_in(d, k, (const char *const[]){ "play", "plays", "meet", "meets",
					"face", "faces", "host", "hosts", "visit", "visits", "hears",
					"resume", "resumes", "vote", "votes", "begin", "begins",
					"open", "opens", "travel", "travels", NULL })) {
				if (k > 0 && tok_is(d, k - 1, "to"))
					break;   /* "agreed to meet on Monday": the modal decides */
				plan = k;
				break;
			}
		}
	if (in_sentence(d, i, past_aux, false) ||
	    !(in_sentence(d, i, future, false) || in_sentence(d, i, modal, true) ||
	      plan != SIZE_MAX))
		return false;
	/* Not the time of a past participle or of the speaking: "passed in
	 * January", "said in January that it would". */
	for (size_t k = i; k-- > 0 && k + 3 > i && d->t[k].sent == d->t[i].sent;)
		if (d->t[k].kind == TK_WORD && k != plan &&
		    (long_ed_form(d, k) ||
		     (d->t[k].lex & L_CUE)))
			return false;
	/* Nor in a clause of its own in the past: "will walk out from
	 * Thursday after talks broke down late on Monday night". */
	static const char *const past[] = {
		"broke", "fell", "rose", "came", "went", "made", "took", "held", "won",
		"lost", "began", "left", "met", "saw", "gave", "got", "ran", "paid",
		"sold", "bought", "led", "kept", "found", "brought", "built", "spoke",
		"was", "were", "had", "did", NULL,
	};
	for (size_t k = i; k-- > 0 && d->t[k].sent == d->t[i].sent;) {
		if (d->t[k].kind != TK_WORD || (d->t[k].flags & TF_CAP))
			continue;
		if (tok_in(d, k, future) || tok_in(d, k, modal) || k == plan)
			break;
		if (tok_in(d, k, past) ||
		    long_ed_form(d, k))
			return false;
	}
	return true;
}

/*
 * The year of a day written without one ("December 22") at token i: the
 * publication year, or the year before when the day is still to come and
 * the text tells of the past ("complaints since December 22", in a
 * February release; "was signed on Dec 15").
 */
static int day_year(const struct xdoc *d, size_t i, int mon, int day)
{
	if (!d->dy || !d->dm)
		return d->dy;
	bool later = mon > d->dm || (mon == d->dm && d->dd && day > d->dd);
	if (!later) {
		/* Two months or more gone, and the text tells of what is to
		 * come: next year's ("prices will rise on January 1", "erhöhen
		 * zum 1. Januar", in a November release). */
		static const char *const from[] = { "from", "zum", "ab", "effective",
						    "starting", "à", "dès", NULL };
		static const char *const future_de[] = { "wird", "werden", "soll", "sollen",
							 NULL };
		if (d->dm - mon >= 2 &&
		    (future_sentence(d, i) ||
		     (i > 0 && tok_in(d, i - 1, from) && !in_sentence(d, i, past_aux, false)) ||
		     (in_sentence(d, i, future_de, false) && !in_sentence(d, i, past_aux, false))))
			return d->dy + 1;
		return d->dy;
	}
	if (i > 0 && tok_is(d, i - 1, "since"))
		return d->dy - 1;
	/* A past tense ("was", "had") and nothing of the future in the
	 * whole sentence ("on 1 July will be charged"). */
	static const char *const future[] = {
		"will", "would", "shall", "can", "plans", "expects", "intends",
		"scheduled", "due", "next", "until", "from", "going", "by", NULL,
	};
	if (!in_sentence(d, i, past_aux, true) || in_sentence(d, i, future, false))
		return d->dy;
	return d->dy - 1;
}

static size_t absolute_at(struct xdoc *d, size_t i)
{
	char v[32];
	size_t u1 = 0, u2 = 0;
	int y, mon, day;

	/* 2005-04-12 */
	if ((y = year_tok(d, i)) && tok_punct(d, i + 1, '-') && tok_adjacent(d, i + 1)) {
		int n1 = 0, n2 = 0;
		long m = int_tok(d, i + 2, &n1), dd = int_tok(d, i + 4, &n2);
		if (n1 == 2 && m >= 1 && m <= 12 && tok_punct(d, i + 3, '-') &&
		    n2 == 2 && dd >= 1 && dd <= days_in_month(y, (int)m) &&
		    tok_adjacent(d, i + 2) && tok_adjacent(d, i + 4)) {
			fmt_day(v, sizeof(v), y, (int)m, (int)dd);
			add_date(d, i, i + 5, v, VB_DATE_DAY, false);
			return 5;
		}
	}
	/* 12 April 2005, 12 April */
	if ((day = day_tok(d, i, &u2))) {
		size_t k = i + u2;
		/* "12 of April", "5 de mayo", German "3. März" */
		if (tok_is(d, k, "of") || tok_is(d, k, "de"))
			k++;
		else if (tok_punct(d, k, '.') && tok_adjacent(d, k) && month_tok(d, k + 1, &u1))
			k++;
		if ((mon = month_tok(d, k, &u1)) && day <= days_in_month(2000, mon)) {
			k += u1;
			if ((tok_punct(d, k, ',') || tok_is(d, k, "de")) && year_tok(d, k + 1))
				k++;
			if ((y = year_tok(d, k))) {
				fmt_day(v, sizeof(v), y, mon, day);
				add_date(d, i, k + 1, v, VB_DATE_DAY, false);
				return k + 1 - i;
			}
			fmt_day(v, sizeof(v), day_year(d, i, mon, day), mon, day);
			add_date(d, i, k, v, VB_DATE_DAY, false);
			return k - i;
		}
	}
	if ((mon = month_tok(d, i, &u1))) {
		size_t k = i + u1, used = 0;
		/* "in March of that year" */
		if (tok_is(d, k, "of") && (y = anaphoric_year(d, k + 1, &used))) {
			snprintf(v, sizeof(v), "%04d-%02d", y, mon);
			add_date(d, i, k + 1 + used, v, VB_DATE_MONTH, true);
			return k + 1 + used - i;
		}
		/* April 12, 2005; Feb 26 */
		if ((day = day_tok(d, k, &u2)) && day <= days_in_month(2000, mon)) {
			k += u2;
			if (tok_punct(d, k, ',') && year_tok(d, k + 1))
				k++;
			if ((y = year_tok(d, k))) {
				fmt_day(v, sizeof(v), y, mon, day);
				add_date(d, i, k + 1, v, VB_DATE_DAY, false);
				return k + 1 - i;
			}
			fmt_day(v, sizeof(v), day_year(d, i, mon, day), mon, day);
			add_date(d, i, k, v, VB_DATE_DAY, false);
			return k - i;
		}
		/* April 2005, April of 2005 */
		if (tok_is(d, k, "of") && year_tok(d, k + 1))
			k++;
		if (tok_punct(d, k, ',') && year_tok(d, k + 1))
			k++;
		if ((y = year_tok(d, k))) {
			snprintf(v, sizeof(v), "%04d-%02d", y, mon);
			add_date(d, i, k + 1, v, VB_DATE_MONTH, false);
			return k + 1 - i;
		}
		/* "December last year", "May of last year", "Mai vergangenen
		 * Jahres", "Mai des Vorjahres" */
		size_t of = tok_is(d, k, "of") || tok_is(d, k, "des") ? 1 : 0;
		size_t lw = 0;
		if (tok_is(d, k + of, "last") && tok_is(d, k + of + 1, "year"))
			lw = of + 2;
		else if ((tok_is(d, k + of, "vergangenen") || tok_is(d, k + of, "letzten")) &&
			 tok_is(d, k + of + 1, "jahres"))
			lw = of + 2;
		else if (tok_is(d, k, "des") && tok_is(d, k + 1, "vorjahres"))
			lw = 2;
		if (lw) {
			if (d->dy) {
				snprintf(v, sizeof(v), "%04d-%02d", d->dy - 1, mon);
				add_date(d, i, k + lw, v, VB_DATE_MONTH, true);
			} else {
				add_date(d, i, k + lw, NULL, VB_DATE_MONTH, true);
			}
			return k + lw - i;
		}
		if ((tok_is(d, k, "this") || tok_is(d, k, "next")) &&
		    tok_is(d, k + 1, "year")) {
			int yy = d->dy + (tok_is(d, k, "next") ? 1 : 0);
			if (d->dy) {
				snprintf(v, sizeof(v), "%04d-%02d", yy, mon);
				add_date(d, i, k + 2, v, VB_DATE_MONTH, true);
			} else {
				add_date(d, i, k + 2, NULL, VB_DATE_MONTH, true);
			}
			return k + 2 - i;
		}
		/* "January to March 2012", "April-June 2010": the year of the end. */
		if ((tok_is(d, k, "to") || tok_is(d, k, "and") || tok_is(d, k, "through") ||
		     (tok_punct(d, k, '-') || tok_punct(d, k, 0x2013))) &&
		    month_tok(d, k + 1, &u2) && (y = year_tok(d, k + 1 + u2))) {
			snprintf(v, sizeof(v), "%04d-%02d", y, mon);
			add_date(d, i, k, v, VB_DATE_MONTH, false);
			return k - i;
		}
		/* "in December": the month of the publication year, or of the
		 * year before when it is still to come and the sentence tells
		 * of the past ("was launched in November", in a June release). */
		if (date_prep_before(d, i) &&
		    (!tok_is(d, i, "may") || (d->t[i].flags & TF_CAP))) {
			if (d->dy) {
				int yy = d->dy;
				if (d->dm && mon > d->dm && past_sentence(d, i))
					yy--;
				else if (d->dm && mon < d->dm && future_sentence(d, i))
					yy++;
				snprintf(v, sizeof(v), "%04d-%02d", yy, mon);
				add_date(d, i, k, v, VB_DATE_MONTH, true);
			} else {
				add_date(d, i, k, NULL, VB_DATE_MONTH, true);
			}
			return k - i;
		}
		return 0;
	}
	/* Q3 2006, third quarter of 2006, the third quarter */
	if (d->t[i].kind == TK_WORD && tok_len(d, i) == 2 &&
	    (d->s[d->t[i].start] == 'Q' || d->s[d->t[i].start] == 'q') &&
	    d->s[d->t[i].start + 1] >= '1' && d->s[d->t[i].start + 1] <= '4') {
		int q = d->s[d->t[i].start + 1] - '0';
		size_t k = i + 1;
		if ((y = year_tok(d, k)) ||
		    (tok_punct(d, k, '-') && (y = year_tok(d, k + 1)) && k++)) {
			snprintf(v, sizeof(v), "%04d-Q%d", y, q);
			add_date(d, i, k + 1, v, VB_DATE_QUARTER, false);
			return k + 1 - i;
		}
		if (d->dy)
			snprintf(v, sizeof(v), "%04d-Q%d", d->dy, q);
		add_date(d, i, i + 1, d->dy ? v : NULL, VB_DATE_QUARTER, true);
		return 1;
	}
	if ((d->t[i].lex & L_ORDINAL) && tok_is(d, i + 1, "quarter")) {
		int q = d->t[i].val;
		size_t k = i + 2, used = 0;
		if (tok_is(d, k, "of"))
			k++;
		if ((y = year_tok(d, k))) {
			snprintf(v, sizeof(v), "%04d-Q%d", y, q);
			add_date(d, i, k + 1, v, VB_DATE_QUARTER, false);
			return k + 1 - i;
		}
		/* "the third quarter of that year" */
		if (k == i + 3 && (y = anaphoric_year(d, k, &used))) {
			snprintf(v, sizeof(v), "%04d-Q%d", y, q);
			add_date(d, i, k + used, v, VB_DATE_QUARTER, true);
			return k + used - i;
		}
		if (d->dy)
			snprintf(v, sizeof(v), "%04d-Q%d", d->dy, q);
		add_date(d, i, i + 2, d->dy ? v : NULL, VB_DATE_QUARTER, true);
		return 2;
	}
	/* 1990s */
	if ((y = year_tok(d, i)) && tok_adjacent(d, i + 1) && tok_is(d, i + 1, "s") &&
	    y % 10 == 0) {
		size_t t0 = i > 0 && tok_is(d, i - 1, "the") ? i - 1 : i;
		snprintf(v, sizeof(v), "%03d", y / 10);
		add_date(d, t0, i + 2, v, VB_DATE_DECADE, false);
		return i + 2 - t0;
	}
	/* A year alone, in a date-like context: "in 2004", "since 1999", "mid-2007". */
	if ((y = year_tok(d, i)) && y >= 1900 && !unit_after(d, i + 1) &&
	    !(tok_punct(d, i + 1, '.') && tok_adjacent(d, i + 1) &&
	      i + 2 < d->nt && d->t[i + 2].kind == TK_NUM) &&
	    date_prep_before(d, i)) {
		size_t t0 = i;
		if (i >= 2 && tok_is(d, i - 2, "mid") && tok_punct(d, i - 1, '-'))
			t0 = i - 2;
		else if (i >= 1 && (tok_is(d, i - 1, "early") || tok_is(d, i - 1, "late") ||
				    tok_is(d, i - 1, "fiscal")))
			t0 = i - 1;
		snprintf(v, sizeof(v), "%04d", y);
		add_date(d, t0, i + 1, v, VB_DATE_YEAR, false);
		return 1;
	}
	return 0;
}

/* ---- Chinese ------------------------------------------------------------- */

/*
 * Chinese writes dates in the run of characters the scanner keeps as one
 * token, digits apart: "2011年3月15日", "今年5月", "去年", "今天".  They are
 * matched on the bytes of each stretch of adjacent tokens that holds Han
 * characters.
 */

/* ASCII or full-width digits at p: their value, *len their bytes. */
static int zh_number(const char *p, const char *end, size_t *len)
{
	int v = 0, n = 0;
	const char *q = p;
	while (q < end && n < 5) {
		if (*q >= '0' && *q <= '9') {
			v = v * 10 + (*q - '0');
			q++;
		} else if (end - q >= 3 && (unsigned char)q[0] == 0xEF &&
			   (unsigned char)q[1] == 0xBC && (unsigned char)q[2] >= 0x90 &&
			   (unsigned char)q[2] <= 0x99) {
			v = v * 10 + ((unsigned char)q[2] - 0x90);
			q += 3;
		} else {
			break;
		}
		n++;
	}
	*len = (size_t)(q - p);
	return n ? v : -1;
}

static bool zh_at(const char *p, const char *end, const char *w)
{
	size_t n = strlen(w);
	return (size_t)(end - p) >= n && !memcmp(p, w, n);
}

/* "5月", "5月15日": month and day after p; returns the bytes used, 0 if none. */
static size_t zh_month_day(const char *p, const char *end, int *m, int *dd)
{
	size_t nl;
	*m = zh_number(p, end, &nl);
	*dd = 0;
	if (*m < 1 || *m > 12 || !zh_at(p + nl, end, "月"))
		return 0;
	const char *q = p + nl + strlen("月");
	size_t dl;
	int day = zh_number(q, end, &dl);
	if (day >= 1 && day <= 31 && (zh_at(q + dl, end, "日") || zh_at(q + dl, end, "号"))) {
		*dd = day;
		q += dl + strlen("日");   /* 日 and 号 are both three bytes */
	}
	return (size_t)(q - p);
}

/* "第三季度", "三季度", "第1季度": a quarter after p, *q its number;
 * returns the bytes used, 0 if none. */
static size_t zh_quarter(const char *p, const char *end, int *q)
{
	static const char *const han[] = { "一", "二", "三", "四" };
	const char *r = p;
	if (zh_at(r, end, "第"))
		r += strlen("第");
	*q = 0;
	size_t nl;
	int n = zh_number(r, end, &nl);
	if (n >= 1 && n <= 4 && nl == 1) {
		*q = n;
		r += nl;
	}
	for (int k = 0; k < 4 && !*q; k++)
		if (zh_at(r, end, han[k])) {
			*q = k + 1;
			r += strlen(han[k]);
		}
	if (!*q || !zh_at(r, end, "季度"))
		return 0;
	return (size_t)(r - p) + strlen("季度");
}

/* A month, or a day when dd is set, of year y (0: unknown) at bytes [start, end). */
static void zh_add_month_day(struct xdoc *d, size_t start, size_t end, int y, int m,
			     int dd, bool relative)
{
	char v[32];

	if (y && dd)
		fmt_day(v, sizeof(v), y, m, dd);
	else if (y)
		snprintf(v, sizeof(v), "%04d-%02d", y, m);
	add_date_at(d, start, end, y ? v : NULL, dd ? VB_DATE_DAY : VB_DATE_MONTH, relative);
}

/* One date at p, added; returns its bytes, 0 if none starts there. */
static size_t zh_date_at(struct xdoc *d, const char *p, const char *end)
{
	static const struct { const char *w; int unit, n; } rel[] = {
		{ "今天", 'd', 0 }, { "今日", 'd', 0 }, { "昨天", 'd', -1 },
		{ "昨日", 'd', -1 }, { "明天", 'd', 1 }, { "前天", 'd', -2 },
		{ "后天", 'd', 2 }, { "本月", 'm', 0 }, { "上个月", 'm', -1 },
		{ "上月", 'm', -1 }, { "下个月", 'm', 1 }, { "本周", 'w', 0 },
		{ "上周", 'w', -1 }, { "下周", 'w', 1 }, { "今年", 'y', 0 },
		{ "去年", 'y', -1 }, { "明年", 'y', 1 }, { "前年", 'y', -2 },
	};
	size_t at = (size_t)(p - d->s);
	int m, dd;

	for (size_t r = 0; r < sizeof(rel) / sizeof(rel[0]); r++) {
		size_t wl = strlen(rel[r].w);
		if (!zh_at(p, end, rel[r].w))
			continue;
		/* "今年5月", "去年12月": a month of that year. */
		size_t ml;
		if (rel[r].unit == 'y' && (ml = zh_month_day(p + wl, end, &m, &dd))) {
			zh_add_month_day(d, at, at + wl + ml, d->dy ? d->dy + rel[r].n : 0, m, dd,
					 true);
			return wl + ml;
		}
		add_relative_at(d, at, at + wl, rel[r].unit, rel[r].n);
		return wl;
	}
	size_t nl;
	int y = zh_number(p, end, &nl);
	if (y >= 1000 && y <= 2999 && nl >= 4 && zh_at(p + nl, end, "年")) {
		size_t yl = nl + strlen("年");
		size_t ml = zh_month_day(p + yl, end, &m, &dd);
		int q;
		size_t ql = ml ? 0 : zh_quarter(p + yl, end, &q);
		if (ml) {
			zh_add_month_day(d, at, at + yl + ml, y, m, dd, false);
		} else if (ql) {
			/* "2026年第三季度" */
			char v[32];
			snprintf(v, sizeof(v), "%04d-Q%d", y, q);
			add_date_at(d, at, at + yl + ql, v, VB_DATE_QUARTER, false);
			return yl + ql;
		} else {
			char v[32];
			snprintf(v, sizeof(v), "%04d", y);
			add_date_at(d, at, at + yl, v, VB_DATE_YEAR, false);
		}
		return yl + ml;
	}
	/* "第三季度": a quarter of the year of publication. */
	int q;
	size_t ql = zh_quarter(p, end, &q);
	if (ql) {
		char v[32];
		if (d->dy)
			snprintf(v, sizeof(v), "%04d-Q%d", d->dy, q);
		add_date_at(d, at, at + ql, d->dy ? v : NULL, VB_DATE_QUARTER, true);
		return ql;
	}
	/* "4月", "3月15日": in the year of publication. */
	size_t ml = zh_month_day(p, end, &m, &dd);
	if (ml) {
		zh_add_month_day(d, at, at + ml, d->dy, m, dd, true);
		return ml;
	}
	/* "协会18日发布": a day of the publication month (of the month
	 * before, when that day is still to come). */
	int day = zh_number(p, end, &nl);
	if (day >= 1 && day <= 31 && nl <= 2 && zh_at(p + nl, end, "日") &&
	    !(p > d->s && (unsigned char)p[-1] >= '0' && (unsigned char)p[-1] <= '9') &&
	    !(p - d->s >= 3 && !memcmp(p - 3, "第", 3))) {
		size_t dl = nl + strlen("日");
		if (d->dy && d->dm) {
			int yy = d->dy, mm = d->dm;
			if (d->dd && day > d->dd && --mm == 0) {
				mm = 12;
				yy--;
			}
			char v[32];
			fmt_day(v, sizeof(v), yy, mm, day);
			add_date_at(d, at, at + dl, v, VB_DATE_DAY, true);
		} else {
			add_date_at(d, at, at + dl, NULL, VB_DATE_DAY, true);
		}
		return dl;
	}
	return 0;
}

/* The scanner keeps a run of CJK characters as one token: its first byte
 * tells (U+3000..U+9FFF lead with E3..E9). */
static bool has_han(const struct xdoc *d, size_t i)
{
	unsigned char c = (unsigned char)d->s[d->t[i].start];
	return c >= 0xE3 && c <= 0xE9;
}

static void zh_dates(struct xdoc *d)
{
	for (size_t i = 0; i < d->nt;) {
		if (d->t[i].kind != TK_WORD || !has_han(d, i) ||
		    (d->t[i].flags & (TF_BOILER | TF_USED_DATE))) {
			i++;
			continue;
		}
		/* The stretch: adjacent tokens around the Han one, digits too. */
		size_t a = i, b = i + 1;
		while (a > 0 && tok_adjacent(d, a) && d->t[a - 1].kind != TK_PUNCT)
			a--;
		while (b < d->nt && tok_adjacent(d, b) && d->t[b].kind != TK_PUNCT)
			b++;
		const char *p = d->s + d->t[a].start, *end = d->s + d->t[b - 1].end;
		size_t first = d->out->ndates;
		while (p < end) {
			size_t n = zh_date_at(d, p, end);
			if (n) {
				p += n;
			} else {
				/* Next character; digits of a number go together. */
				size_t nl;
				if (zh_number(p, end, &nl) >= 0)
					p += nl;
				else
					do
						p++;
					while (p < end && ((unsigned char)*p & 0xC0) == 0x80);
			}
		}
		/* The digits of "2011年" are no English year. */
		for (size_t k = a; k < b; k++)
			for (size_t e = first; e < d->out->ndates; e++)
				if (d->t[k].start >= d->out->dates[e].start &&
				    d->t[k].start < d->out->dates[e].end)
					d->t[k].flags |= TF_USED_DATE;
		i = b;
	}
}

/* Easter Sunday of year y (the Gregorian computus). */
static void easter(int y, int *m, int *dd)
{
	int a = y % 19, b = y / 100, c = y % 100, d0 = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d0 - g + 15) % 30;
	int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
	int mm = (a + 11 * h + 22 * l) / 451;
	*m = (h + l - 7 * mm + 114) / 31;
	*dd = (h + l - 7 * mm + 114) % 31 + 1;
}

/* The day of holiday `which` in year y: 0 Christmas Day, 1 Christmas Eve,
 * 2 New Year's Day, 3 New Year's Eve, 4 Boxing Day, 5 Halloween, 6
 * Valentine's Day, 7 Thanksgiving (the fourth Thursday of November), 8
 * Easter Sunday, 9 Easter Monday, 10 Good Friday. */
static void holiday_day(int which, int y, int *m, int *dd)
{
	static const int fixed[][2] = { { 12, 25 }, { 12, 24 }, { 1, 1 }, { 12, 31 },
					{ 12, 26 }, { 10, 31 }, { 2, 14 } };
	if (which < 7) {
		*m = fixed[which][0];
		*dd = fixed[which][1];
	} else if (which == 7) {
		int first = weekday(days_from_civil(y, 11, 1));   /* 1 = Monday */
		*m = 11;
		*dd = 1 + (4 - first + 7) % 7 + 21;
	} else {
		long e;
		easter(y, m, dd);
		e = days_from_civil(y, *m, *dd) + (which == 9 ? 1 : which == 10 ? -2 : 0);
		int yy;
		civil_from_days(e, &yy, m, dd);
	}
}

/*
 * "before Christmas", "on New Year's Eve", "Easter 2024", "Thanksgiving":
 * a holiday with a day of its own, after a preposition of time or with
 * its year, resolved as a day and month without a year are.  Returns the
 * tokens taken, 0 for none.
 */
static size_t holiday_at(struct xdoc *d, size_t i)
{
	if (!tok_capword(d, i) || !strchr("CNBHVTEG", d->s[d->t[i].start]) || !in_lang(d, "en"))
		return 0;
	int which = -1;
	size_t e = i + 1;
	if (tok_is(d, i, "christmas")) {
		which = 0;
		if (tok_capword(d, e) && (tok_is(d, e, "day") || tok_is(d, e, "eve"))) {
			which = tok_is(d, e, "eve") ? 1 : 0;
			e++;
		}
	} else if (tok_is(d, i, "new") && tok_capword(d, e) &&
		   tok_in(d, e, (const char *const[]){ "year's", "year\xe2\x80\x99s", NULL }) &&
		   tok_capword(d, e + 1) &&
		   (tok_is(d, e + 1, "day") || tok_is(d, e + 1, "eve"))) {
		which = tok_is(d, e + 1, "eve") ? 3 : 2;
		e += 2;
	} else if (tok_is(d, i, "boxing") && tok_capword(d, e) && tok_is(d, e, "day")) {
		which = 4;
		e++;
	} else if (tok_is(d, i, "halloween")) {
		which = 5;
	} else if (tok_in(d, i, (const char *const[]){ "valentine's", "valentine\xe2\x80\x99s", NULL }) &&
		   tok_capword(d, e) &&
		   tok_is(d, e, "day")) {
		which = 6;
		e++;
	} else if (tok_is(d, i, "thanksgiving")) {
		which = 7;
		if (tok_capword(d, e) && tok_is(d, e, "day"))
			e++;
	} else if (tok_is(d, i, "easter")) {
		which = 8;
		if (tok_capword(d, e) && (tok_is(d, e, "sunday") || tok_is(d, e, "monday"))) {
			which = tok_is(d, e, "monday") ? 9 : 8;
			e++;
		}
	} else if (tok_is(d, i, "good") && tok_capword(d, e) && tok_is(d, e, "friday")) {
		which = 10;
		e++;
	}
	if (which < 0)
		return 0;
	int y = e < d->nt && !(d->t[e - 1].flags & TF_POSS) ? year_tok(d, e) : 0;
	/* "Easter Sunday of 2008" */
	size_t yl = 1;
	if (!y && tok_is(d, e, "of") && (y = year_tok(d, e + 1)) != 0)
		yl = 2;
	/* a holiday alone only as a time: "before Christmas", not
	 * "Christmas sales" nor "the Easter Rising" */
	bool prep = i > 0 && d->t[i - 1].kind == TK_WORD &&
		    (!(d->t[i - 1].flags & TF_CAP) || (d->t[i - 1].flags & TF_SENT_START)) &&
		    tok_in(d, i - 1, (const char *const[]){ "on", "at", "before", "after", "over",
				"until", "till", "since", "by", "around", "during", "in", "from",
				"for", "ahead", "this", "last", "next", NULL });
	bool deictic = prep && tok_in(d, i - 1, (const char *const[]){ "this", "last", "next",
				NULL });
	if (!y && !deictic && (!prep || (e < d->nt && tok_capword(d, e)) ||
		   (e < d->nt && d->t[e].kind == TK_WORD && !(d->t[e].flags & TF_CAP) && !(d->t[e].lex & (L_STOP | L_CONNECT)) &&
		    !(d->t[e - 1].flags & TF_POSS))))
		return 0;
	int m, dd;
	char v[32];
	size_t end = y ? e + yl : e;
	/* "last Christmas", "next Easter", "this Thanksgiving": the phrase
	 * whole, the one before, after or in the year of publication. */
	int shift = !y && prep && d->dy ? (tok_is(d, i - 1, "last") ? -1 :
					   tok_is(d, i - 1, "next") ? 1 :
					   tok_is(d, i - 1, "this") ? 2 : 0) : 0;
	if (shift) {
		holiday_day(which, d->dy, &m, &dd);
		bool after = d->dm && (m > d->dm || (m == d->dm && dd > d->dd));
		y = shift == 2 ? d->dy : shift < 0 ? (after ? d->dy - 1 : d->dy) :
					 (after ? d->dy : d->dy + 1);
		holiday_day(which, y, &m, &dd);
		fmt_day(v, sizeof(v), y, m, dd);
		add_date(d, i - 1, end, v, VB_DATE_DAY, true);
		return end - i;
	}
	if (!y) {
		if (!d->dy) {
			add_date(d, i, end, NULL, VB_DATE_DAY, true);
			return end - i;
		}
		holiday_day(which, d->dy, &m, &dd);
		y = day_year(d, i, m, dd);
		/* a holiday later in the year than publication, told in the
		 * past as weekdays are read ("came home at Christmas" in a
		 * January text): last year's; day_year() reads only "since"
		 * and the auxiliaries "was", "had" */
		if (y == d->dy && d->dm && (m > d->dm || (m == d->dm && dd > d->dd)) &&
		    past_sentence(d, i) && !future_sentence(d, i))
			y--;
	}
	holiday_day(which, y, &m, &dd);
	fmt_day(v, sizeof(v), y, m, dd);
	add_date(d, i, end, v, VB_DATE_DAY, end == e);
	return end - i;
}

void dates_find(struct xdoc *d)
{
	zh_dates(d);
	for (size_t i = 0; i < d->nt;) {
		if (d->t[i].flags & (TF_BOILER | TF_USED_DATE)) {
			i++;
			continue;
		}
		size_t n = absolute_at(d, i);
		if (!n)
			n = holiday_at(d, i);
		if (!n)
			n = relative_at(d, i);
		i += n ? n : 1;
	}
}
