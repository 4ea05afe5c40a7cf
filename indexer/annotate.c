/* annotate.c: quotes, speakers, entities and dates as terms of passages, quotes in their data. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "index_priv.h"
#include "schema.h"

/* Longest quote text kept whole in a quote document's data. */
#define QUOTE_TEXT_MAX 1200

const char *vb_issuing_org(const struct vb_doc *doc)
{
	if (doc->type && !strcmp(doc->type, "article"))
		return NULL;   /* a newspaper reports; it does not speak */
	return doc->author ? doc->author : doc->source;
}

static int cmp_span(const void *a, const void *b)
{
	const struct vb_span *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

static int cmp_org(const void *a, const void *b)
{
	return strcmp(((const struct org_name *)a)->folded,
		      ((const struct org_name *)b)->folded);
}

/* Does a quotation mark open just before `at` (spaces aside)? */
static bool after_quote_mark(const char *body, size_t at)
{
	static const char *const marks[] = {
		"\"", "'", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98",
		"\xe2\x80\x99", "\xe2\x80\x9e", "\xc2\xab", "\xc2\xbb",
		"\xe2\x80\xb9", "\xe2\x80\xba", "\xe3\x80\x8c", "\xe3\x80\x8e",
	};
	while (at > 0 && body[at - 1] == ' ')
		at--;
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		size_t n = strlen(marks[i]);
		if (at >= n && !memcmp(body + at - n, marks[i], n))
			return true;
	}
	return false;
}

static int cmp_ordered(const void *a, const void *b)
{
	const struct vb_ordered *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Fill *v with (start, index) of n items whose starts are at
 * items + i * size + offset, sorted by start. */
static struct vb_ordered *order_of(const void *items, size_t n, size_t size,
				   size_t offset, struct vb_ordered *v, size_t *alloc)
{
	VB_ALLOC_GROW(v, n, *alloc);
	for (size_t i = 0; i < n; i++) {
		const char *item = (const char *)items + i * size;
		memcpy(&v[i].start, item + offset, sizeof(size_t));
		v[i].index = i;
	}
	if (n > 1)   /* (qsort of NULL is undefined, even for 0 items) */
		qsort(v, n, sizeof(*v), cmp_ordered);
	return v;
}

void vb_order_release(struct vb_order *o)
{
	free(o->quotes);
	free(o->entities);
	free(o->dates);
	vb_spans_release(&o->spans);
	for (size_t i = 0; i < o->norgs; i++)
		free(o->orgs[i].folded);
	free(o->orgs);
	memset(o, 0, sizeof(*o));
}

void vb_annotation_prepare(struct vb_worker *w)
{
	const struct vb_extraction *x = &w->extraction;
	struct vb_order *o = &w->order;

	o->quotes = order_of(x->quotes, x->nquotes, sizeof(*x->quotes),
			     offsetof(struct vb_quote, start), o->quotes, &o->alloc_q);
	o->entities = order_of(x->entities, x->nentities, sizeof(*x->entities),
			       offsetof(struct vb_entity, start), o->entities, &o->alloc_e);
	o->dates = order_of(x->dates, x->ndates, sizeof(*x->dates),
			    offsetof(struct vb_date, start), o->dates, &o->alloc_d);
	o->q = o->e = o->d = o->s = 0;

	o->spans.n = 0;
	for (size_t i = 0; i < x->nquotes; i++) {
		const struct vb_quote *q = &x->quotes[i];
		if (q->kind == VB_QUOTE_INDIRECT)
			continue;   /* reported speech: the writer's words */
		for (size_t k = 0; k < q->nspans; k++) {
			/* Only words between quotation marks: a statement's
			 * paragraphs are its speaker's words, but not quoted. */
			if (!after_quote_mark(w->body, q->spans[k].start))
				continue;
			VB_ALLOC_GROW(o->spans.v, o->spans.n + 1, o->spans.alloc);
			o->spans.v[o->spans.n].start = q->spans[k].start;
			o->spans.v[o->spans.n].end = q->spans[k].end;
			o->spans.n++;
		}
	}
	if (o->spans.n > 1)
		qsort(o->spans.v, o->spans.n, sizeof(o->spans.v[0]), cmp_span);

	for (size_t i = 0; i < o->norgs; i++)
		free(o->orgs[i].folded);
	o->norgs = 0;
	for (size_t i = 0; i < x->nentities; i++) {
		const struct vb_entity *e = &x->entities[i];
		if (e->type != VB_ENTITY_ORGANISATION || !e->canonical)
			continue;
		struct vb_buf f = VB_BUF_INIT;
		if (vb_normalize(e->text, strlen(e->text), &f, NULL) < 0)
			vb_buf_adds(&f, e->text);
		VB_ALLOC_GROW(o->orgs, o->norgs + 1, o->alloc_o);
		o->orgs[o->norgs].folded = vb_buf_detach(&f, NULL);
		o->orgs[o->norgs].canonical = e->canonical;
		o->norgs++;
	}
	if (o->norgs > 1)
		qsort(o->orgs, o->norgs, sizeof(o->orgs[0]), cmp_org);
}

void vb_quoted_spans(struct vb_worker *w, const struct vb_passage *p,
		     struct vb_spans *out)
{
	struct vb_order *o = &w->order;
	const struct vb_spans *sp = &o->spans;
	out->n = 0;
	/* Passages come in order: spans ending before this one are done.
	 * Quotes do not nest, so a span still open is at the cursor. */
	while (o->s < sp->n && sp->v[o->s].end <= p->start)
		o->s++;
	for (size_t i = o->s; i < sp->n && sp->v[i].start < p->end; i++) {
		size_t s = sp->v[i].start, e = sp->v[i].end;
		if (e <= p->start)
			continue;
		VB_ALLOC_GROW(out->v, out->n + 1, out->alloc);
		out->v[out->n].start = (s > p->start ? s : p->start) - p->start;
		out->v[out->n].end = (e < p->end ? e : p->end) - p->start;
		out->n++;
	}
}

static const char *speaker_name(const struct vb_speaker *s)
{
	return s->canonical && *s->canonical ? s->canonical : s->name;
}

/* Free-text words of `s` under `prefix`, without positions. */
static int add_words(struct vb_worker *w, struct term_ctx *c,
		     struct vb_analyzer *an, const char *s, const char *prefix,
		     struct vb_buf *err)
{
	if (!s || !*s)
		return 0;
	return vb_ix_post_text(w, c, an, s, strlen(s), prefix, NULL, false,
			       NULL, err);
}

/*
 * The organisation as the document names it canonically: "IFSRP" becomes
 * the long form its acronym stands for, so that the same person quoted as
 * "of IFSRP" in one release and "of the International Federation of ..."
 * in another is one speaker.
 */
static const char *canonical_org(const struct vb_order *o, const char *org)
{
	if (!org || !o->norgs)
		return org;
	struct vb_buf f = VB_BUF_INIT;
	if (vb_normalize(org, strlen(org), &f, NULL) < 0)
		vb_buf_adds(&f, org);
	struct org_name key = { f.buf, NULL };
	const struct org_name *hit = bsearch(&key, o->orgs, o->norgs, sizeof(*o->orgs),
					     cmp_org);
	vb_buf_release(&f);
	return hit ? hit->canonical : org;
}

static void speaker_key(const struct vb_order *o, const struct vb_speaker *s,
			struct vb_buf *out)
{
	vb_buf_reset(out);
	vb_speaker_key(speaker_name(s), canonical_org(o, s->org), out);
}

/* The speaker's terms: key, name words, organisation words. */
static int add_speaker(struct vb_worker *w, struct term_ctx *c,
		       struct vb_analyzer *an, const struct vb_speaker *s,
		       struct vb_buf *key, struct vb_buf *err)
{
	speaker_key(&w->order, s, key);
	vb_ix_add_bool(c, &w->term, VB_PREFIX_SPEAKER_ID, key->buf);
	vb_ix_add_bool(c, &w->term, VB_PREFIX_HAS, "speaker");
	if (add_words(w, c, an, speaker_name(s), VB_PREFIX_SPEAKER, err) < 0 ||
	    (s->name && s->canonical && strcmp(s->name, s->canonical) &&
	     add_words(w, c, an, s->name, VB_PREFIX_SPEAKER, err) < 0) ||
	    add_words(w, c, an, s->org, VB_PREFIX_ORG, err) < 0)
		return -1;
	return 0;
}

static const char *entity_prefix(enum vb_entity_type t)
{
	switch (t) {
	case VB_ENTITY_PERSON: return VB_PREFIX_PERSON;
	case VB_ENTITY_ORGANISATION: return VB_PREFIX_ORG;
	case VB_ENTITY_PLACE: return VB_PREFIX_PLACE;
	default: return NULL;
	}
}

/* XENT:type:canonical, case-folded; one wdf per mention. */
static void add_entity_term(struct vb_worker *w, struct term_ctx *c,
			    const struct vb_entity *e)
{
	const char *canon = e->canonical && *e->canonical ? e->canonical : e->text;
	struct vb_buf value = VB_BUF_INIT;
	vb_buf_addf(&value, "%s:", vb_entity_type_name(e->type));
	if (vb_normalize(canon, strlen(canon), &value, NULL) < 0)
		vb_buf_adds(&value, canon);
	vb_buf_reset(&w->term);
	vb_id_term(&w->term, VB_PREFIX_ENTITY, value.buf);
	if (!c->failed &&
	    xap_doc_add_term(c->doc, w->term.buf, w->term.len, 1, &c->xe))
		c->failed = 1;
	/* The term is case-folded; the writer remembers how the name is
	 * written, once per run, for `verbatim entities`.  (Metadata keys
	 * must stay under Xapian's key limit of ~250 bytes.) */
	if (!c->failed && w->term.len <= 200 &&
	    vb_strset_add(&w->entities, w->term.buf)) {
		struct vb_buf *names = &w->out->entity_names;
		vb_buf_add(names, w->term.buf, w->term.len + 1);
		vb_buf_add(names, canon, strlen(canon) + 1);
	}
	vb_buf_release(&value);
}

/*
 * A mentioned date as boolean terms at each granularity it has: year,
 * month, day ("2006-Q3" gives the year and its three months; "199", the
 * 1990s, its ten years).  Dates with an unknown year give nothing.
 */
static void add_date_terms(struct vb_worker *w, struct term_ctx *c,
			   const char *v)
{
	char t[16];
	size_t n = v ? strlen(v) : 0;
	if (n == 3 && v[0] >= '0' && v[0] <= '9') {
		for (int d = 0; d < 10; d++) {
			snprintf(t, sizeof(t), "%.3s%d", v, d);
			vb_ix_add_bool(c, &w->term, VB_PREFIX_MENTIONED, t);
		}
		return;
	}
	if (n < 4 || v[0] < '0' || v[0] > '9')
		return;
	snprintf(t, sizeof(t), "%.4s", v);
	vb_ix_add_bool(c, &w->term, VB_PREFIX_MENTIONED, t);
	if (n >= 7 && v[5] == 'Q') {
		int q = v[6] - '0';
		for (int m = 3 * q - 2; q >= 1 && q <= 4 && m <= 3 * q; m++) {
			snprintf(t, sizeof(t), "%.4s%02d", v, m);
			vb_ix_add_bool(c, &w->term, VB_PREFIX_MENTIONED, t);
		}
		return;
	}
	if (n >= 7 && v[4] == '-' && v[5] >= '0' && v[5] <= '1') {
		snprintf(t, sizeof(t), "%.4s%.2s", v, v + 5);
		vb_ix_add_bool(c, &w->term, VB_PREFIX_MENTIONED, t);
	}
	if (n >= 10 && v[7] == '-') {
		snprintf(t, sizeof(t), "%.4s%.2s%.2s", v, v + 5, v + 8);
		vb_ix_add_bool(c, &w->term, VB_PREFIX_MENTIONED, t);
	}
}

static json_t *speaker_json(const struct vb_speaker *s, const char *key)
{
	json_t *o = json_object();
	json_object_set_new(o, "name", json_string(speaker_name(s)));
	if (s->role)
		json_object_set_new(o, "role", json_string(s->role));
	if (s->org)
		json_object_set_new(o, "org", json_string(s->org));
	json_object_set_new(o, "type", json_string(vb_speaker_type_name(s->type)));
	if (s->anonymous)
		json_object_set_new(o, "anonymous", json_true());
	json_object_set_new(o, "key", json_string(key));
	return o;
}

/* Advance a cursor over items starting before the passage (boilerplate,
 * gaps), then return the end of those starting inside it. */
static size_t take(const struct vb_ordered *v, size_t n, size_t *cursor,
		   const struct vb_passage *p)
{
	while (*cursor < n && v[*cursor].start < p->start)
		(*cursor)++;
	size_t end = *cursor;
	while (end < n && v[end].start < p->end)
		end++;
	return end;
}

static json_t *quote_json(struct vb_worker *w, const struct vb_quote *q,
			  const char *key);

int vb_annotate_passage(struct vb_worker *w, struct term_ctx *c,
			struct vb_analyzer *an, const struct vb_passage *p,
			json_t *data, struct vb_buf *err)
{
	const struct vb_extraction *x = &w->extraction;
	struct vb_order *o = &w->order;
	struct vb_buf key = VB_BUF_INIT;
	json_t *quotes = NULL;
	int rc = 0;
	size_t end;

	end = take(o->quotes, x->nquotes, &o->q, p);
	for (; o->q < end && !rc; o->q++) {
		const struct vb_quote *q = &x->quotes[o->quotes[o->q].index];
		/* Ids are unique in a document (a repeat of the same words
		 * gets its own, see quotes_out in extract.c); a quote that
		 * spans two passages is held by the first. */
		if (!vb_strset_add(&w->quote_ids, q->id))
			continue;
		vb_ix_add_bool(c, &w->term, VB_PREFIX_HAS, "quote");
		vb_ix_add_bool(c, &w->term, VB_PREFIX_QUOTE_ID, q->id);
		vb_ix_add_bool(c, &w->term, VB_PREFIX_QUOTE_KIND, vb_quote_kind_name(q->kind));
		if (q->has_speaker)
			rc = add_speaker(w, c, an, &q->speaker, &key, err);
		if (!quotes)
			quotes = json_array();
		json_array_append_new(quotes, quote_json(w, q, q->has_speaker ? key.buf : NULL));
	}
	end = take(o->entities, x->nentities, &o->e, p);
	for (; o->e < end && !rc; o->e++) {
		const struct vb_entity *e = &x->entities[o->entities[o->e].index];
		add_entity_term(w, c, e);
		const char *prefix = entity_prefix(e->type);
		if (!prefix)
			continue;
		rc = add_words(w, c, an, e->text, prefix, err);
		if (!rc && e->canonical && strcmp(e->canonical, e->text))
			rc = add_words(w, c, an, e->canonical, prefix, err);
	}
	end = take(o->dates, x->ndates, &o->d, p);
	for (; o->d < end; o->d++) {
		const struct vb_date *d = &x->dates[o->dates[o->d].index];
		if (!d->value)
			continue;
		vb_ix_add_bool(c, &w->term, VB_PREFIX_HAS, "date");
		add_date_terms(w, c, d->value);
	}
	if (quotes)
		json_object_set_new(data, "quotes", quotes);
	vb_buf_release(&key);
	return rc;
}

/*
 * A quote as its passage's data holds it: what `quotes`, `speakers` and
 * `show` print, with file offsets.  A long quote (a statement's whole
 * paragraph) keeps its opening only; its spans say where the rest is.
 */
static json_t *quote_json(struct vb_worker *w, const struct vb_quote *q,
			  const char *key)
{
	size_t base = w->body_offset;
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(q->id));
	json_object_set_new(o, "kind", json_string(vb_quote_kind_name(q->kind)));
	size_t tlen = strlen(q->text);
	if (tlen > QUOTE_TEXT_MAX) {
		size_t cut = QUOTE_TEXT_MAX;
		while (cut > 0 && (q->text[cut] & 0xC0) == 0x80)
			cut--;
		while (cut > QUOTE_TEXT_MAX / 2 && q->text[cut] != ' ')
			cut--;
		struct vb_buf t = VB_BUF_INIT;
		vb_buf_add(&t, q->text, cut);
		vb_buf_adds(&t, "\xe2\x80\xa6");
		json_object_set_new(o, "text", json_string(t.buf));
		json_object_set_new(o, "truncated", json_true());
		json_object_set_new(o, "length", json_integer((json_int_t)tlen));
		vb_buf_release(&t);
	} else {
		json_object_set_new(o, "text", json_string(q->text));
	}
	if (q->cue)
		json_object_set_new(o, "cue", json_string(q->cue));
	if (key)
		json_object_set_new(o, "speaker", speaker_json(&q->speaker, key));
	json_object_set_new(o, "start", json_integer((json_int_t)(q->start + base)));
	json_object_set_new(o, "end", json_integer((json_int_t)(q->end + base)));
	json_t *spans = json_array();
	for (size_t k = 0; k < q->nspans; k++) {
		json_t *sp = json_object();
		json_object_set_new(sp, "start", json_integer((json_int_t)(q->spans[k].start + base)));
		json_object_set_new(sp, "end", json_integer((json_int_t)(q->spans[k].end + base)));
		json_array_append_new(spans, sp);
	}
	json_object_set_new(o, "spans", spans);
	return o;
}
