/* understand.c: names, dates and the wish for a quote, read out of a free-text query. */
#include "understand.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "db.h"
#include "schema.h"
#include "text/text.h"
#include "util/date.h"

/* ---- days ------------------------------------------------------------------ */

/* YYYYMMDD of numbers already in range (the modulos tell the compiler so). */
static void ymd_format(char out[9], long y, long m, long d)
{
	snprintf(out, 9, "%04lu%02lu%02lu", (unsigned long)y % 10000u,
		 (unsigned long)m % 100u, (unsigned long)d % 100u);
}

/* Howard Hinnant's days_from_civil / civil_from_days. */
long vb_days_of(const char ymd[8])
{
	long y = (ymd[0] - '0') * 1000 + (ymd[1] - '0') * 100 + (ymd[2] - '0') * 10 +
		 (ymd[3] - '0');
	long m = (ymd[4] - '0') * 10 + (ymd[5] - '0');
	long d = (ymd[6] - '0') * 10 + (ymd[7] - '0');
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void vb_ymd_of(long days, char out[9])
{
	days += 719468;
	long era = (days >= 0 ? days : days - 146096) / 146097;
	long doe = days - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	if (y < 0)
		y = 0;
	if (y > 9999)
		y = 9999;
	ymd_format(out, y, m, d);
}

/* ---- the date grammar ------------------------------------------------------- */

/* A word of the query as the date grammar sees it. */
struct dtok {
	size_t start, end;
	char low[24];          /* ASCII-lowercased, truncated */
	bool skip;             /* inside a field, an operator or an excluded word */
};

#define MAX_DTOKS 64

static bool dtok_char(unsigned char c)
{
	return isalnum(c) || c == '-' || c >= 0x80;
}

/*
 * Split `text` into words; a chunk with a field ("date:2006", "id:x-2005")
 * or a leading '-' is marked skip, so no date is read inside it.
 */
static size_t dtokenize(const char *text, struct dtok *t, size_t max)
{
	size_t n = 0, i = 0, len = strlen(text);
	while (i < len && n < max) {
		while (i < len && isspace((unsigned char)text[i]))
			i++;
		size_t cs = i;
		while (i < len && !isspace((unsigned char)text[i]))
			i++;
		size_t ce = i;
		bool skip = memchr(text + cs, ':', ce - cs) || text[cs] == '-';
		for (size_t j = cs; j < ce && n < max;) {
			if (!dtok_char((unsigned char)text[j]) || text[j] == '-') {
				j++;
				continue;
			}
			size_t ws = j;
			while (j < ce && dtok_char((unsigned char)text[j]))
				j++;
			size_t we = j;
			while (we > ws && text[we - 1] == '-')
				we--;
			struct dtok *d = &t[n++];
			d->start = ws;
			d->end = we;
			d->skip = skip;
			size_t k = 0;
			for (size_t p = ws; p < we && k + 1 < sizeof(d->low); p++)
				d->low[k++] = (char)tolower((unsigned char)text[p]);
			d->low[k] = 0;
		}
	}
	return n;
}

static int month_of(const char *w)
{
	static const char *const names[] = { "january", "february", "march", "april",
		"may", "june", "july", "august", "september", "october", "november",
		"december" };
	size_t n = strlen(w);
	for (int i = 0; i < 12; i++) {
		if (!strcmp(w, names[i]))
			return i + 1;
		/* jan, feb, sept...: three letters or more of the name */
		if (n >= 3 && n < strlen(names[i]) && !strncmp(w, names[i], n) && i != 4)
			return i + 1;
	}
	return 0;
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return n > 0;
}

/* A year a query would mean: four digits, 1900-2099. */
static int year_of_word(const char *w)
{
	if (strlen(w) != 4 || !all_digits(w, 4))
		return 0;
	int y = atoi(w);
	return y >= 1900 && y <= 2099 ? y : 0;
}

/*
 * One date at t[i]: "2006", "2005-04", "2005-04-12", "april 2005",
 * "12 april 2005", "april 12 2005".  Returns the tokens used (0: none),
 * with its first and last day and how precise it is.
 */
static size_t date_atom(const struct dtok *t, size_t n, size_t i, char lo[9],
			char hi[9], const char **how)
{
	if (i >= n || t[i].skip)
		return 0;
	const char *w = t[i].low;
	size_t wl = strlen(w);
	if (wl == 7 || wl == 10) {
		/* ISO: 2005-04, 2005-04-12 */
		if (w[4] == '-' && all_digits(w, 4) &&
		    !vb_date_bound(w, wl, 0, lo) && !vb_date_bound(w, wl, 1, hi) &&
		    year_of_word((char[5]){ w[0], w[1], w[2], w[3], 0 })) {
			*how = wl == 7 ? "month" : "day";
			return 1;
		}
	}
	if (year_of_word(w)) {
		vb_date_bound(w, 4, 0, lo);
		vb_date_bound(w, 4, 1, hi);
		*how = "year";
		return 1;
	}
	int day = 0, m = 0;
	size_t j = i;
	if (all_digits(w, wl) && wl <= 2 && atoi(w) >= 1 && atoi(w) <= 31 &&
	    j + 1 < n && month_of(t[j + 1].low)) {
		day = atoi(w);
		j++;
	}
	if (!(m = month_of(t[j].low)))
		return 0;
	j++;
	if (!day && j < n && !t[j].skip && all_digits(t[j].low, strlen(t[j].low)) &&
	    strlen(t[j].low) <= 2 && atoi(t[j].low) >= 1 && atoi(t[j].low) <= 31) {
		day = atoi(t[j].low);
		j++;
	}
	if (j >= n || t[j].skip || !year_of_word(t[j].low))
		return 0;
	char iso[48];
	if (day)
		snprintf(iso, sizeof(iso), "%s-%02d-%02d", t[j].low, m, day);
	else
		snprintf(iso, sizeof(iso), "%s-%02d", t[j].low, m);
	if (vb_date_bound(iso, strlen(iso), 0, lo) || vb_date_bound(iso, strlen(iso), 1, hi))
		return 0;
	*how = day ? "day" : "month";
	return j + 1 - i;
}

static bool is_word(const struct dtok *t, size_t n, size_t i, const char *const *words)
{
	if (i >= n || t[i].skip)
		return false;
	for (size_t k = 0; words[k]; k++)
		if (!strcmp(t[i].low, words[k]))
			return true;
	return false;
}

static const char *const range_joins[] = { "to", "until", "till", "through", "and", NULL };
static const char *const lead_words[] = { "in", "during", "of", "on", NULL };

/* "2004-2006" or "2004–2006" in one word. */
static bool year_pair(const char *w, char lo[9], char hi[9])
{
	char a[5], b[5];
	const char *sep = NULL;
	size_t skip = 0;
	if (strlen(w) == 9 && w[4] == '-') {
		sep = w + 4;
		skip = 1;
	} else if (strlen(w) == 11 && !memcmp(w + 4, "\xe2\x80\x93", 3)) {
		sep = w + 4;
		skip = 3;
	}
	if (!sep)
		return false;
	memcpy(a, w, 4);
	a[4] = 0;
	memcpy(b, sep + skip, 4);
	b[4] = 0;
	if (!year_of_word(a) || !year_of_word(b) || atoi(b) < atoi(a))
		return false;
	vb_date_bound(a, 4, 0, lo);
	vb_date_bound(b, 4, 1, hi);
	return true;
}

/* "last year", "this month", "past week", "last 3 years" against as_of. */
static size_t relative(const struct dtok *t, size_t n, size_t i, const char *as_of,
		       char lo[9], char hi[9])
{
	static const char *const last[] = { "last", "past", "previous", NULL };
	static const char *const this_[] = { "this", NULL };
	bool is_last = is_word(t, n, i, last), is_this = is_word(t, n, i, this_);
	if (!is_last && !is_this)
		return 0;
	size_t j = i + 1;
	long count = 1;
	if (is_last && j < n && !t[j].skip && all_digits(t[j].low, strlen(t[j].low)) &&
	    strlen(t[j].low) <= 2) {
		count = atol(t[j].low);
		j++;
		if (count < 1)
			return 0;
	}
	if (j >= n || t[j].skip)
		return 0;
	const char *u = t[j].low;
	char unit = 0;
	if (!strcmp(u, "year") || !strcmp(u, "years"))
		unit = 'y';
	else if (!strcmp(u, "month") || !strcmp(u, "months"))
		unit = 'm';
	else if (!strcmp(u, "week") || !strcmp(u, "weeks"))
		unit = 'w';
	else if (!strcmp(u, "days") && count > 1)
		unit = 'd';
	if (!unit || (count > 1) != (u[strlen(u) - 1] == 's'))
		return 0;
	int y = (as_of[0] - '0') * 1000 + (as_of[1] - '0') * 100 + (as_of[2] - '0') * 10 +
		(as_of[3] - '0');
	int m = (as_of[4] - '0') * 10 + (as_of[5] - '0');
	long today = vb_days_of(as_of);
	if (is_this) {
		if (unit == 'y')
			ymd_format(lo, y, 1, 1);
		else if (unit == 'm')
			ymd_format(lo, y, m, 1);
		else
			vb_ymd_of(today - 6, lo);
		memcpy(hi, as_of, 9);
	} else if (count == 1 && unit == 'y' && !strcmp(t[i].low, "last")) {
		/* "last year" is the calendar year before. */
		ymd_format(lo, y - 1, 1, 1);
		ymd_format(hi, y - 1, 12, 31);
	} else if (count == 1 && unit == 'm' && !strcmp(t[i].low, "last")) {
		int py = m == 1 ? y - 1 : y, pm = m == 1 ? 12 : m - 1;
		char b[16];
		snprintf(b, sizeof(b), "%04u-%02u", (unsigned)py % 10000u, (unsigned)pm % 100u);
		vb_date_bound(b, 7, 0, lo);
		vb_date_bound(b, 7, 1, hi);
	} else {
		long span = unit == 'y' ? 365 * count : unit == 'm' ? 30 * count :
			    unit == 'w' ? 7 * count : count;
		vb_ymd_of(today - span, lo);
		memcpy(hi, as_of, 9);
	}
	return j + 1 - i;
}

/* The date expression starting at t[i], if any; its span and bounds in *out. */
static bool date_at(const struct dtok *t, size_t n, size_t i, const char *as_of,
		    struct vb_date_read *out)
{
	static const char *const since[] = { "since", "after", "from", NULL };
	static const char *const before[] = { "before", "until", "till", NULL };
	static const char *const between[] = { "between", "from", NULL };
	char lo[9], hi[9], lo2[9], hi2[9];
	const char *how, *how2;
	size_t k, k2, first = i;

	if (i >= n || t[i].skip)
		return false;
	if ((k = relative(t, n, i, as_of, lo, hi))) {
		memcpy(out->lo, lo, 9);
		memcpy(out->hi, hi, 9);
		out->how = "relative";
		out->start = t[i].start;
		out->end = t[i + k - 1].end;
		return true;
	}
	/* between A and B, from A to B */
	if (is_word(t, n, i, between) && (k = date_atom(t, n, i + 1, lo, hi, &how)) &&
	    is_word(t, n, i + 1 + k, range_joins) &&
	    (k2 = date_atom(t, n, i + 2 + k, lo2, hi2, &how2)) && strcmp(hi2, lo) >= 0) {
		memcpy(out->lo, lo, 9);
		memcpy(out->hi, hi2, 9);
		out->how = "range";
		out->start = t[i].start;
		out->end = t[i + 1 + k + k2].end;
		return true;
	}
	if (is_word(t, n, i, since) && (k = date_atom(t, n, i + 1, lo, hi, &how)) &&
	    !is_word(t, n, i + 1 + k, range_joins)) {
		if (!strcmp(t[i].low, "after"))
			vb_ymd_of(vb_days_of(hi) + 1, out->lo);
		else
			memcpy(out->lo, lo, 9);
		memcpy(out->hi, strcmp(as_of, hi) > 0 ? as_of : "99991231", 9);
		out->how = "since";
		out->start = t[i].start;
		out->end = t[i + k].end;
		return true;
	}
	if (is_word(t, n, i, before) && (k = date_atom(t, n, i + 1, lo, hi, &how))) {
		strcpy(out->lo, "00000000");
		if (!strcmp(t[i].low, "before"))
			vb_ymd_of(vb_days_of(lo) - 1, out->hi);
		else
			memcpy(out->hi, hi, 9);
		out->how = "before";
		out->start = t[i].start;
		out->end = t[i + k].end;
		return true;
	}
	if (is_word(t, n, i, lead_words) && i + 1 < n &&
	    (date_atom(t, n, i + 1, lo, hi, &how) || year_pair(t[i + 1].low, lo, hi)))
		i++;   /* "in 2006": the preposition goes with the date */
	if (year_pair(t[i].low, lo, hi)) {
		memcpy(out->lo, lo, 9);
		memcpy(out->hi, hi, 9);
		out->how = "range";
		out->start = t[first].start;
		out->end = t[i].end;
		return true;
	}
	if (!(k = date_atom(t, n, i, lo, hi, &how)))
		return false;
	out->start = t[first].start;
	out->how = how;
	memcpy(out->lo, lo, 9);
	memcpy(out->hi, hi, 9);
	out->end = t[i + k - 1].end;
	/* A to B */
	if ((is_word(t, n, i + k, range_joins) && strcmp(t[i + k].low, "and")) &&
	    (k2 = date_atom(t, n, i + k + 1, lo2, hi2, &how2)) && strcmp(hi2, lo) >= 0) {
		memcpy(out->hi, hi2, 9);
		out->how = "range";
		out->end = t[i + k + k2].end;
	}
	return true;
}

int vb_date_read(const char *text, const char *as_of, struct vb_date_read *out)
{
	struct dtok t[MAX_DTOKS];
	size_t n = dtokenize(text, t, MAX_DTOKS);
	for (size_t i = 0; i < n; i++)
		if (date_at(t, n, i, as_of, out))
			return 1;
	return 0;
}

/* ---- names ------------------------------------------------------------------ */

/* Words that are never a name on their own, and the cues of a quote wish. */
static const char *const stop_words[] = { "the", "a", "an", "of", "and", "or", "in",
	"on", "at", "to", "for", "by", "with", "about", "from", "what", "who", "did",
	"does", "do", "is", "was", "were", "be", "how", "when", "why", "has", "have",
	"say", "said", "says", "saying", "quote", "quotes", "statement", "told", NULL };
static const char *const quote_cues[] = { "say", "said", "says", "saying", "quote",
	"quotes", "quoted", "quoting", "told", "comment", "comments", "commented",
	"statement", "statements", NULL };
/* Blanked from what BM25 matches once a quote is asked for. */
static const char *const question_words[] = { "what", "did", "does", "do", "has",
	"have", NULL };

static bool in_list(const char *w, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (!strcmp(w, list[i]))
			return true;
	return false;
}

/* Byte ranges of the query that are not plain words: fields, operators,
 * excluded words. */
struct skip_ranges {
	struct vb_span v[64];
	const char *name_field[64];   /* "speaker"... for a name field, else NULL */
	bool operators;               /* AND, OR, NOT... used */
	size_t n;
};

/* A word of the query for name reading. */
struct qword {
	size_t start, end;
	char *norm;            /* normalized, unstemmed */
	bool cap;              /* typed with a capital */
	bool skip;             /* field value, operator, excluded, or in the date */
	bool used;             /* part of a name read */
};

struct reader {
	const xap_db *db;
	struct vb_analyzer *an[VB_MAX_NAME_LANGS];
	size_t nan;
	struct qword *w;
	size_t nw;
	const char *text;
	struct vb_buf scratch;
};

static unsigned df(const xap_db *db, const char *prefix, const char *stem)
{
	struct vb_buf t = VB_BUF_INIT;
	unsigned f = 0;
	xap_error xe;
	vb_buf_adds(&t, VB_PREFIX_STEM);
	vb_buf_adds(&t, prefix);
	vb_buf_adds(&t, stem);
	if (xap_db_termfreq(db, t.buf, t.len, &f, &xe))
		f = 0;
	vb_buf_release(&t);
	return f;
}

/* Stems (without "Z") of a normalized word in each language. */
static void stems_of(struct reader *r, const char *norm, char *out[VB_MAX_NAME_LANGS])
{
	for (size_t l = 0; l < r->nan; l++) {
		vb_analyzer_stem_normalized(r->an[l], norm, strlen(norm), VB_TOK_WORD,
					    &r->scratch);
		out[l] = vb_strdup(r->scratch.buf + 1);
		if (l && !strcmp(out[l], out[0]))
			out[l][0] = 0;
	}
}

/* Passages with the word in each name field, the best language's count. */
struct field_df {
	unsigned spk, per, org, plc, text;
};

static void word_df(struct reader *r, char *const stems[VB_MAX_NAME_LANGS],
		    struct field_df *f)
{
	memset(f, 0, sizeof(*f));
	for (size_t l = 0; l < r->nan; l++) {
		if (!stems[l][0])
			continue;
		unsigned v;
#define MAXDF(field, prefix) \
		if ((v = df(r->db, prefix, stems[l])) > f->field) f->field = v;
		MAXDF(spk, VB_PREFIX_SPEAKER)
		MAXDF(per, VB_PREFIX_PERSON)
		MAXDF(org, VB_PREFIX_ORG)
		MAXDF(plc, VB_PREFIX_PLACE)
		MAXDF(text, "")
#undef MAXDF
	}
}

static unsigned max_entity(const struct field_df *f)
{
	unsigned m = f->per > f->org ? f->per : f->org;
	return m > f->plc ? m : f->plc;
}

static const char *kind_of(const struct field_df *f)
{
	if (f->per >= f->org && f->per >= f->plc && f->per)
		return "person";
	if (f->org >= f->plc && f->org)
		return "organisation";
	if (f->plc)
		return "place";
	return "speaker";
}

/* The index's name for an entity term, from the database metadata. */
static char *entity_display(const xap_db *db, const char *term)
{
	struct vb_buf key = VB_BUF_INIT;
	vb_buf_adds(&key, VB_META_ENTITY_NAME);
	vb_buf_adds(&key, term);
	char *v = vb_db_metadata(db, key.buf);
	vb_buf_release(&key);
	if (!*v) {
		free(v);
		return NULL;
	}
	return v;
}

/*
 * Words i..i+n-1 as one entity known by its full name: the exact XENT:
 * term of a person, organisation or place.  Returns the kind or NULL.
 */
static const char *full_name(struct reader *r, size_t i, size_t n, char **display)
{
	static const char *const kinds[] = { "person", "organisation", "place", NULL };
	struct vb_buf name = VB_BUF_INIT, term = VB_BUF_INIT;
	const char *found = NULL;
	if (vb_normalize(r->text + r->w[i].start, r->w[i + n - 1].end - r->w[i].start,
			 &name, NULL) < 0) {
		vb_buf_release(&name);
		return NULL;
	}
	for (size_t k = 0; kinds[k] && !found; k++) {
		unsigned f = 0;
		xap_error xe;
		vb_buf_reset(&term);
		vb_buf_addf(&term, "%s%s:%s", VB_PREFIX_ENTITY, kinds[k], name.buf);
		if (!xap_db_termfreq(r->db, term.buf, term.len, &f, &xe) && f) {
			found = kinds[k];
			*display = entity_display(r->db, term.buf);
		}
	}
	vb_buf_release(&name);
	vb_buf_release(&term);
	return found;
}

static void add_name(struct reader *r, struct vb_understanding *u, size_t i, size_t n,
		     const char *kind, const char *how, char *display)
{
	struct vb_name *nm = &u->names[u->nnames++];
	memset(nm, 0, sizeof(*nm));
	nm->start = r->w[i].start;
	nm->end = r->w[i + n - 1].end;
	nm->text = vb_strndup(r->text + nm->start, nm->end - nm->start);
	nm->nwords = n;
	nm->nlangs = r->nan;
	nm->how = how;
	nm->display = display;
	nm->speaker_df = ~0u;
	nm->entity_df = ~0u;
	for (size_t k = 0; k < n; k++) {
		struct field_df f;
		stems_of(r, r->w[i + k].norm, nm->stems[k]);
		word_df(r, nm->stems[k], &f);
		/* A name's passages are at most those of its rarest word. */
		if (f.spk < nm->speaker_df)
			nm->speaker_df = f.spk;
		if (max_entity(&f) < nm->entity_df)
			nm->entity_df = max_entity(&f);
		if (!kind && k == n - 1)
			kind = kind_of(&f);
		r->w[i + k].used = true;
	}
	nm->kind = kind;
}

/*
 * How strongly a single word reads as a name: it must be a word of some
 * name in the index, and then either typed with a capital (not as the
 * first word of the query, where capitals say nothing) and used as a name
 * in at least 5% of the passages that have it, or, typed in any case,
 * used as a name in at least 80% of them ("corvel", "ifsrp"), or 30%
 * after "the" ("the ministry").  "Young" or "Marsh" as ordinary words
 * stay words.
 */
static const char *single_word_evidence(struct reader *r, size_t i, bool caps_mean,
					const struct field_df *f)
{
	unsigned named = max_entity(f) > f->spk ? max_entity(f) : f->spk;
	double ratio = (double)named / (f->text ? f->text : 1);
	if (!named || in_list(r->w[i].norm, stop_words))
		return NULL;
	if (caps_mean && r->w[i].cap && i > 0 && ratio >= 0.05)
		return "capitalised";
	if (ratio >= 0.8)
		return "mostly a name in the index";
	if (ratio >= 0.3 && i > 0 && !r->w[i - 1].skip && !strcmp(r->w[i - 1].norm, "the"))
		return "after 'the', often a name in the index";
	return NULL;
}

/* A misspelt capitalised word that the spelling table maps to a name. */
static char *misspelt_name(struct reader *r, size_t i)
{
	char *stems[VB_MAX_NAME_LANGS] = { 0 }, *sugg = NULL, *out = NULL;
	struct field_df f;
	xap_error xe;
	stems_of(r, r->w[i].norm, stems);
	word_df(r, stems, &f);
	for (size_t l = 0; l < r->nan; l++)
		free(stems[l]);
	if (f.text || f.spk || max_entity(&f) || strlen(r->w[i].norm) < 4)
		return NULL;
	if (xap_db_spelling_suggestion(r->db, r->w[i].norm, 2, &sugg, &xe) || !sugg)
		return NULL;
	stems_of(r, sugg, stems);
	word_df(r, stems, &f);
	for (size_t l = 0; l < r->nan; l++)
		free(stems[l]);
	if (max_entity(&f) || f.spk)
		out = sugg;
	else
		free(sugg);
	return out;
}

/* The names given in fields (speaker:kowalczyk, org:"halden music group"). */
static void field_names(struct reader *r, const struct skip_ranges *s,
			struct vb_understanding *u)
{
	for (size_t k = 0; k < s->n && u->nnames < VB_MAX_NAMES; k++) {
		const char *field = s->name_field[k];
		size_t first = r->nw, n = 0;
		if (!field || r->text[s->v[k].start] == '-')
			continue;
		for (size_t i = 0; i < r->nw; i++)
			if (r->w[i].start > s->v[k].start + strlen(field) &&
			    r->w[i].end <= s->v[k].end) {
				if (first == r->nw)
					first = i;
				n++;
			}
		if (!n || n > VB_MAX_NAME_WORDS)
			continue;
		add_name(r, u, first, n, NULL, "field", NULL);
		struct vb_name *nm = &u->names[u->nnames - 1];
		if (!strcmp(field, "speaker"))
			nm->kind = "speaker";
		else if (!strcmp(field, "person"))
			nm->kind = "person";
		else if (!strcmp(field, "org"))
			nm->kind = "organisation";
		else if (!strcmp(field, "place"))
			nm->kind = "place";
	}
}

static void read_names(struct reader *r, struct vb_understanding *u)
{
	size_t ncap = 0, nplain = 0;
	for (size_t i = 0; i < r->nw; i++) {
		if (r->w[i].skip)
			continue;
		nplain++;
		ncap += r->w[i].cap;
	}
	/* In a query typed all in capitals, capitals say nothing. */
	bool caps_mean = !(nplain > 1 && ncap == nplain);

	for (size_t i = 0; i < r->nw && u->nnames < VB_MAX_NAMES; i++) {
		if (r->w[i].skip || r->w[i].used || in_list(r->w[i].norm, stop_words))
			continue;
		/* Longest full name first: "ines kowalczyk", "halden music group". */
		bool done = false;
		for (size_t n = VB_MAX_NAME_WORDS; n >= 2 && !done; n--) {
			if (i + n > r->nw)
				continue;
			bool ok = true;
			for (size_t k = 0; k < n; k++)
				ok = ok && !r->w[i + k].skip;
			if (!ok)
				continue;
			char *display = NULL;
			const char *kind = full_name(r, i, n, &display);
			if (kind) {
				add_name(r, u, i, n, kind, "full name", display);
				done = true;
			}
		}
		if (done)
			continue;
		char *stems[VB_MAX_NAME_LANGS] = { 0 };
		struct field_df f;
		stems_of(r, r->w[i].norm, stems);
		word_df(r, stems, &f);
		for (size_t l = 0; l < r->nan; l++)
			free(stems[l]);
		const char *how = single_word_evidence(r, i, caps_mean, &f);
		if (how) {
			add_name(r, u, i, 1, NULL, how, NULL);
			continue;
		}
		if (caps_mean && r->w[i].cap) {
			char *sugg = misspelt_name(r, i);
			if (sugg) {
				free(r->w[i].norm);
				r->w[i].norm = sugg;
				add_name(r, u, i, 1, NULL, "misspelt", NULL);
				u->names[u->nnames - 1].display = vb_strdup(sugg);
			}
		}
	}
}

/* ---- reading the query ---------------------------------------------------- */

static bool is_operator_word(const char *s, size_t n)
{
	static const char *const ops[] = { "AND", "OR", "NOT", "XOR", "NEAR", "ADJ", NULL };
	for (size_t i = 0; ops[i]; i++)
		if (strlen(ops[i]) <= n && !memcmp(ops[i], s, strlen(ops[i])) &&
		    (n == strlen(ops[i]) || s[strlen(ops[i])] == '/'))
			return true;
	return false;
}

/* Find the skip ranges; also notes which kinds of field were used. */

static void find_skips(const char *q, struct skip_ranges *s, struct vb_understanding *u)
{
	static const char *const name_fields[] = { "speaker", "person", "org", "place",
						    "entity", NULL };
	size_t i = 0, n = strlen(q);
	s->n = 0;
	s->operators = false;
	while (i < n) {
		while (i < n && (isspace((unsigned char)q[i]) || q[i] == '(' || q[i] == ')'))
			i++;
		size_t cs = i;
		while (i < n && !isspace((unsigned char)q[i])) {
			if (q[i] == '"') {
				/* a quoted value runs to its closing quote */
				const char *close = memchr(q + i + 1, '"', n - i - 1);
				i = close ? (size_t)(close - q) + 1 : n;
				continue;
			}
			i++;
		}
		const char *colon = memchr(q + cs, ':', i - cs);
		const char *dq = memchr(q + cs, '"', i - cs);
		bool skip = q[cs] == '-' || is_operator_word(q + cs, i - cs);
		const char *name_field = NULL;
		s->operators = s->operators || is_operator_word(q + cs, i - cs);
		if (colon && (!dq || colon < dq)) {
			char field[16];
			size_t fl = (size_t)(colon - q) - cs;
			skip = true;
			if (fl < sizeof(field)) {
				memcpy(field, q + cs, fl);
				field[fl] = 0;
				for (size_t k = 0; name_fields[k]; k++)
					if (!strcmp(field, name_fields[k]))
						name_field = name_fields[k];
				if (name_field)
					u->explicit_names = 1;
				if (!strcmp(field, "date") || !strcmp(field, "mentioned") ||
				    !strcmp(field, "year"))
					u->explicit_dates = 1;
			}
		}
		if (skip && s->n < 64) {
			s->name_field[s->n] = name_field;
			s->v[s->n].start = cs;
			s->v[s->n].end = i;
			s->n++;
		}
	}
}

static bool skipped(const struct skip_ranges *s, size_t start)
{
	for (size_t i = 0; i < s->n; i++)
		if (start >= s->v[i].start && start < s->v[i].end)
			return true;
	return false;
}

static int collect_words(struct reader *r, const struct skip_ranges *s,
			 const struct vb_understanding *u, struct vb_buf *err)
{
	vb_tokenizer *tk = NULL;
	struct vb_tokens toks = { 0 };
	size_t alloc = 0;
	if (vb_tokenizer_new(&tk, NULL, err) < 0 ||
	    vb_words(tk, r->text, strlen(r->text), &toks, err) < 0) {
		vb_tokenizer_free(tk);
		return XAP_ERR_OTHER;
	}
	for (size_t i = 0; i < toks.n; i++) {
		const struct vb_token *t = &toks.v[i];
		if (t->kind != VB_TOK_WORD ||
		    !vb_analyzer_word(r->an[0], r->text + t->start, t->end - t->start,
				      &r->scratch))
			continue;
		VB_ALLOC_GROW(r->w, r->nw + 1, alloc);
		struct qword *w = &r->w[r->nw++];
		memset(w, 0, sizeof(*w));
		w->start = t->start;
		w->end = t->end;
		w->norm = vb_strdup(r->scratch.buf);
		/* Capitalised: its first character changed by case folding. */
		unsigned char c0 = (unsigned char)r->text[t->start];
		w->cap = c0 < 0x80 ? isupper(c0) : (unsigned char)w->norm[0] != c0;
		w->skip = skipped(s, t->start) ||
			  (u->has_date && t->start >= u->date.start && t->start < u->date.end);
	}
	vb_tokens_release(&toks);
	vb_tokenizer_free(tk);
	return 0;
}

/*
 * The wish for a quote: a cue word ("said", "quote"...), or a known
 * speaker followed by "on" ("Trevanion on disconnection").
 */
static void read_intent(struct reader *r, struct vb_understanding *u)
{
	for (size_t i = 0; i < r->nw && !u->quote_intent; i++) {
		if (r->w[i].skip)
			continue;
		if (in_list(r->w[i].norm, quote_cues)) {
			u->quote_intent = 1;
			u->intent_cue = vb_strdup(r->w[i].norm);
		}
	}
	for (size_t k = 0; k < u->nnames && !u->quote_intent; k++) {
		const struct vb_name *nm = &u->names[k];
		for (size_t i = 0; i + 1 < r->nw; i++)
			if (r->w[i].end == nm->end && !r->w[i + 1].skip &&
			    !strcmp(r->w[i + 1].norm, "on") && nm->speaker_df) {
				u->quote_intent = 1;
				u->intent_cue = vb_strdup("NAME on");
				break;
			}
	}
}

/*
 * Name fields filter: next to other words (and without operators, which
 * say how the user wants them joined) a name field becomes required, so
 * "speaker:kowalczyk downloads" is her passages about downloads.
 */
static char *require_name_fields(const char *t, const struct skip_ranges *s,
				 size_t plain_words)
{
	struct vb_buf b = VB_BUF_INIT;
	size_t pos = 0, fields = 0;
	for (size_t k = 0; k < s->n; k++)
		fields += s->name_field[k] && t[s->v[k].start] != '+' &&
			  t[s->v[k].start] != '-';
	if (!fields || s->operators || !plain_words)
		return vb_strdup(t);
	for (size_t k = 0; k < s->n; k++) {
		if (!s->name_field[k] || t[s->v[k].start] == '+' || t[s->v[k].start] == '-')
			continue;
		vb_buf_add(&b, t + pos, s->v[k].start - pos);
		vb_buf_addch(&b, '+');
		pos = s->v[k].start;
	}
	vb_buf_adds(&b, t + pos);
	return vb_buf_detach(&b, NULL);
}

/* The query with the date and the question's own words blanked, and name
 * fields required. */
static void make_text_query(struct reader *r, const struct skip_ranges *s,
			    struct vb_understanding *u)
{
	char *t = vb_strdup(r->text);
	bool changed = false;
	if (u->has_date) {
		memset(t + u->date.start, ' ', u->date.end - u->date.start);
		changed = true;
	}
	for (size_t i = 0; i < r->nw && u->quote_intent; i++) {
		const struct qword *w = &r->w[i];
		/* "what did Brackley say about the appeal": the question's
		 * function words would match (and light up) everywhere. */
		if (w->skip || w->used || !strcmp(w->norm, "statement") ||
		    (!in_list(w->norm, quote_cues) && !in_list(w->norm, question_words) &&
		     !in_list(w->norm, stop_words)))
			continue;
		/* Not inside a phrase: count the double quotes before it. */
		size_t quotes = 0;
		for (size_t p = 0; p < w->start; p++)
			quotes += r->text[p] == '"';
		if (quotes % 2)
			continue;
		memset(t + w->start, ' ', w->end - w->start);
		changed = true;
	}
	/* Keep the query as typed when nothing would be left of it. */
	bool any = false;
	for (const char *p = t; *p; p++)
		any = any || isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80;
	if (!changed || !any) {
		free(t);
		t = vb_strdup(r->text);
	}
	size_t plain = 0;
	for (size_t i = 0; i < r->nw; i++)
		plain += !r->w[i].skip;
	u->text_query = require_name_fields(t, s, plain);
	free(t);
}

int vb_understand(const xap_db *db, const char *text, const char *as_of,
		  struct vb_understanding *u, struct vb_buf *err)
{
	struct reader r = { .db = db, .text = text };
	struct skip_ranges skips;
	char *langs = vb_db_languages(db);
	int rc = 0;

	memset(u, 0, sizeof(*u));
	memcpy(u->as_of, as_of, 8);
	vb_buf_init(&r.scratch);
	find_skips(text, &skips, u);
	if (!u->explicit_dates)
		u->has_date = vb_date_read(text, as_of, &u->date);
	if (u->has_date)
		u->date_text = vb_strndup(text + u->date.start, u->date.end - u->date.start);

	/* English first: most names are read the same in every language. */
	if (vb_analyzer_new(&r.an[r.nan], "en", err) == 0)
		r.nan++;
	for (char *tok = strtok(langs, ","); tok && r.nan < VB_MAX_NAME_LANGS;
	     tok = strtok(NULL, ",")) {
		char primary[16];
		vb_lang_primary(tok, primary);
		if (strcmp(primary, "en") && strcmp(primary, "zh") && strcmp(primary, "ja") &&
		    vb_analyzer_new(&r.an[r.nan], primary, NULL) == 0)
			r.nan++;
	}
	if (!r.nan) {
		rc = XAP_ERR_OTHER;
		goto out;
	}
	if ((rc = collect_words(&r, &skips, u, err)))
		goto out;
	if (u->explicit_names)
		field_names(&r, &skips, u);
	else
		read_names(&r, u);
	read_intent(&r, u);
	make_text_query(&r, &skips, u);
out:
	if (!u->text_query)
		u->text_query = vb_strdup(text);
	for (size_t i = 0; i < r.nw; i++)
		free(r.w[i].norm);
	free(r.w);
	for (size_t i = 0; i < r.nan; i++)
		vb_analyzer_free(r.an[i]);
	vb_buf_release(&r.scratch);
	free(langs);
	return rc;
}

void vb_understanding_release(struct vb_understanding *u)
{
	for (size_t i = 0; i < u->nnames; i++) {
		struct vb_name *nm = &u->names[i];
		free(nm->text);
		free(nm->display);
		for (size_t k = 0; k < nm->nwords; k++)
			for (size_t l = 0; l < nm->nlangs; l++)
				free(nm->stems[k][l]);
	}
	free(u->intent_cue);
	free(u->date_text);
	free(u->text_query);
	memset(u, 0, sizeof(*u));
}

int vb_understanding_any(const struct vb_understanding *u)
{
	return u->nnames || u->has_date || u->quote_intent;
}

static json_t *iso_date(const char ymd[9])
{
	char b[11];
	if (!strcmp(ymd, "00000000") || !strcmp(ymd, "99991231"))
		return json_null();
	snprintf(b, sizeof(b), "%.4s-%.2s-%.2s", ymd, ymd + 4, ymd + 6);
	return json_string(b);
}

json_t *vb_understanding_json(const struct vb_understanding *u)
{
	json_t *o = json_object(), *names = json_array();
	for (size_t i = 0; i < u->nnames; i++) {
		const struct vb_name *nm = &u->names[i];
		json_array_append_new(names, json_pack("{s:s, s:s, s:s, s:o, s:i, s:i}",
			"text", nm->text, "kind", nm->kind, "how", nm->how,
			"name", nm->display ? json_string(nm->display) : json_null(),
			"passages_speaking", (json_int_t)nm->speaker_df,
			"passages_mentioning", (json_int_t)nm->entity_df));
	}
	json_object_set_new(o, "names", names);
	if (u->has_date)
		json_object_set_new(o, "date", json_pack("{s:s, s:o, s:o, s:s}",
			"text", u->date_text, "from", iso_date(u->date.lo),
			"to", iso_date(u->date.hi), "how", u->date.how));
	else
		json_object_set_new(o, "date", json_null());
	json_object_set_new(o, "quote", u->quote_intent ? json_true() : json_false());
	json_object_set_new(o, "quote_cue",
			    u->intent_cue ? json_string(u->intent_cue) : json_null());
	json_object_set_new(o, "fields_first", json_boolean(u->explicit_names ||
							    u->explicit_dates));
	json_object_set_new(o, "as_of", iso_date(u->as_of));
	return o;
}
