/* rank.c: the signals of a passage for a query, and how they add to BM25. */
#include "rank.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

/*
 * Tuned on the odd-numbered queries of tests/eval/relevance (the
 * "tuning half"); docs/ranking.md has the figures of both halves.
 */
const struct vb_rank_weights vb_rank_default_weights = {
	.entity = 0.10,
	.speaker = 0.10,
	.speaker_quote = 0.60,
	.quote = 0.10,
	.date = 0.80,
	.recent = 0.30,
	.date_halflife = 180.0,
	.mention_share = 0.5,
	.recent_halflife = 730.0,
};

/* What the terms of one passage say, gathered by one pass over them. */
struct seen {
	const struct vb_rank_query *rq;
	/* bit k of [name]: word k seen in a name field / as a speaker */
	unsigned entity_bits[VB_MAX_NAMES], speaker_bits[VB_MAX_NAMES];
	bool has_quote;
	bool mentions_date;
};

static void match_name_word(struct seen *s, const char *stem, size_t len, bool speaker)
{
	const struct vb_understanding *u = s->rq->u;
	for (size_t i = 0; i < u->nnames; i++) {
		const struct vb_name *nm = &u->names[i];
		for (size_t k = 0; k < nm->nwords; k++)
			for (size_t l = 0; l < nm->nlangs; l++) {
				const char *st = nm->stems[k][l];
				if (st[0] && strlen(st) == len && !memcmp(st, stem, len)) {
					s->entity_bits[i] |= 1u << k;
					if (speaker)
						s->speaker_bits[i] |= 1u << k;
				}
			}
	}
}

/* XMD:2006, XMD:200604, XMD:20060412 against the asked range. */
static bool mention_in_range(const char *v, size_t len, const char lo[9], const char hi[9])
{
	char a[9], b[9];
	if (len != 4 && len != 6 && len != 8)
		return false;
	memcpy(a, v, len);
	memcpy(b, v, len);
	memcpy(a + len, "00000101" + len, 8 - len);
	memcpy(b + len, "99991231" + len, 8 - len);
	a[8] = b[8] = 0;
	return strcmp(a, hi) <= 0 && strcmp(b, lo) >= 0;
}

static int on_term(const char *term, size_t len, unsigned wdf, void *ud)
{
	struct seen *s = ud;
	static const char *const fields[] = { VB_PREFIX_SPEAKER, VB_PREFIX_PERSON,
					      VB_PREFIX_ORG, VB_PREFIX_PLACE, NULL };
	(void)wdf;
	if (len > 5 && term[0] == 'Z' && term[1] == 'X') {
		for (size_t f = 0; fields[f]; f++) {
			size_t pl = strlen(fields[f]);
			if (len > pl + 1 && !memcmp(term + 1, fields[f], pl)) {
				match_name_word(s, term + 1 + pl, len - 1 - pl, f == 0);
				break;
			}
		}
		return 0;
	}
	static const char has_quote[] = VB_PREFIX_HAS "quote";
	if (len == sizeof(has_quote) - 1 && !memcmp(term, has_quote, len)) {
		s->has_quote = true;
		return 0;
	}
	size_t ml = strlen(VB_PREFIX_MENTIONED);
	if (s->rq->u->has_date && len > ml && !memcmp(term, VB_PREFIX_MENTIONED, ml) &&
	    mention_in_range(term + ml, len - ml, s->rq->u->date.lo, s->rq->u->date.hi))
		s->mentions_date = true;
	return 0;
}

static bool valid_ymd(const char *v, size_t len)
{
	if (len != 8)
		return false;
	for (size_t i = 0; i < 8; i++)
		if (v[i] < '0' || v[i] > '9')
			return false;
	return true;
}

double vb_rank_date_signal(const char *ymd, const char lo[9], const char hi[9],
			   int mentioned, const struct vb_rank_weights *w)
{
	double pub = 0;
	if (ymd && valid_ymd(ymd, strlen(ymd))) {
		long d = vb_days_of(ymd), dist = 0;
		if (strcmp(ymd, lo) < 0)
			dist = vb_days_of(lo) - d;
		else if (strcmp(ymd, hi) > 0)
			dist = d - vb_days_of(hi);
		pub = pow(0.5, (double)dist / w->date_halflife);
	}
	double men = mentioned ? w->mention_share : 0;
	return pub > men ? pub : men;
}

int vb_rank_signals(const struct vb_rank_query *rq, const struct vb_rank_weights *w,
		    const xap_doc *doc, struct vb_signals *out, xap_error *xe)
{
	struct seen s;
	const struct vb_understanding *u = rq->u;
	char *date = NULL;
	size_t dlen = 0;

	memset(&s, 0, sizeof(s));
	memset(out, 0, sizeof(*out));
	s.rq = rq;
	if (xap_doc_terms(doc, on_term, &s, xe) < 0)
		return xe->status;
	if ((u->has_date || rq->recent) &&
	    xap_doc_get_value(doc, VB_SLOT_DATE, &date, &dlen, xe))
		return xe->status;
	for (size_t i = 0; i < u->nnames; i++) {
		unsigned all = (1u << u->names[i].nwords) - 1;
		out->entity += (s.entity_bits[i] & all) == all;
		out->speaker += (s.speaker_bits[i] & all) == all;
	}
	if (u->nnames) {
		out->entity /= (double)u->nnames;
		out->speaker /= (double)u->nnames;
	}
	out->quote = u->quote_intent && s.has_quote;
	if (u->has_date)
		out->date = vb_rank_date_signal(date, u->date.lo, u->date.hi,
						s.mentions_date, w);
	if (rq->recent && date && valid_ymd(date, dlen)) {
		long age = vb_days_of(rq->recent_ref) - vb_days_of(date);
		out->recent = age <= 0 ? 1.0 : pow(0.5, (double)age / w->recent_halflife);
	}
	free(date);
	return 0;
}

void vb_rank_combine(double bm25, double top, const struct vb_signals *s,
		     int quote_intent, const struct vb_rank_weights *w,
		     struct vb_score_parts *out)
{
	double speaker_w = w->speaker + (quote_intent ? w->speaker_quote : 0);
	out->bm25 = bm25;
	out->entity = top * w->entity * s->entity;
	out->speaker = top * speaker_w * s->speaker;
	out->quote = top * w->quote * s->quote;
	out->date = top * w->date * s->date;
	out->recent = top * w->recent * s->recent;
	out->total = out->bm25 + out->entity + out->speaker + out->quote + out->date +
		     out->recent;
}
