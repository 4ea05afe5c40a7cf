/* rank.h: BM25 combined with what the query asked for: names, speakers, quotes, dates. */
#ifndef VB_RANK_H
#define VB_RANK_H

#include "understand.h"
#include "xapian/xap.h"

/*
 * Xapian ranks the passages that match the query's words by BM25; the
 * searcher then re-ranks the best K of them (search.c) by
 *
 *   total = bm25 + top * (w.entity * entity + w.speaker * speaker
 *                         + w.quote * quote + w.date * date + w.recent * recent)
 *
 * where each signal is in [0, 1] and `top` is the best BM25 weight among
 * the K: a bonus is a share of the best text match, so it means the same
 * for a two-word and a ten-word query.  docs/ranking.md gives the reasons
 * and the measured effect of each part.
 */
struct vb_rank_weights {
	double entity;          /* the query's names mentioned in the passage */
	double speaker;         /* ... as the speaker of a quote there */
	double speaker_quote;   /* added to speaker when the query asks for a quote */
	double quote;           /* the passage holds a quote (only when asked for) */
	double date;            /* published inside the asked dates, or near them */
	double recent;          /* --recent: published lately */
	double date_halflife;   /* days outside the asked dates that halve `date` */
	double mention_share;   /* `date` for a passage that only mentions the dates */
	double recent_halflife; /* days of age that halve `recent` */
};

extern const struct vb_rank_weights vb_rank_default_weights;

/* A passage's signals, each in [0, 1]. */
struct vb_signals {
	double entity, speaker, quote, date, recent;
};

/* A score taken apart, for --explain: each part in score units. */
struct vb_score_parts {
	double bm25, entity, speaker, quote, date, recent, total;
};

/* What the ranking needs to know besides the query's reading. */
struct vb_rank_query {
	const struct vb_understanding *u;
	int recent;              /* favour newer documents */
	char recent_ref[9];      /* YYYYMMDD that ages are counted from */
};

/*
 * The signals of passage `doc` (its terms and date slot) for `rq`.
 * Returns 0 or an xap_status with xe filled.
 */
int vb_rank_signals(const struct vb_rank_query *rq, const struct vb_rank_weights *w,
		    const xap_doc *doc, struct vb_signals *out, xap_error *xe);

/* The date signal alone: publication date `ymd` (YYYYMMDD or "") against
 * the asked range [lo, hi], `mentioned` when the text mentions a date in
 * it.  1 inside, halving every w->date_halflife days outside. */
double vb_rank_date_signal(const char *ymd, const char lo[9], const char hi[9],
			   int mentioned, const struct vb_rank_weights *w);

/* Combine BM25 weight `bm25` with the signals; `top` as above. */
void vb_rank_combine(double bm25, double top, const struct vb_signals *s,
		     int quote_intent, const struct vb_rank_weights *w,
		     struct vb_score_parts *out);

#endif
