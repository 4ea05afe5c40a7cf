/* index.c: sorted id lists, the entity key multimap and the mention index that keep extraction O(n log n). */
#include "extract/internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- sorted id lists ------------------------------------------------------ */

static uint32_t *idlist_mut(struct idlist *l)
{
	return l->a ? l->u.v : l->u.in;
}

size_t idlist_lower(const struct idlist *l, uint32_t x)
{
	const uint32_t *v = idlist_items(l);
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void idlist_insert(struct idlist *l, uint32_t x)
{
	size_t at = l->n;

	/* Indices mostly come in increasing order: append without a search. */
	if (l->n && idlist_items(l)[l->n - 1] >= x) {
		at = idlist_lower(l, x);
		if (idlist_items(l)[at] == x)
			return;
	}
	size_t cap = l->a ? l->a : 2;
	if (l->n == cap) {
		uint32_t *v = vb_malloc(2 * cap * sizeof(*v));
		memcpy(v, idlist_items(l), l->n * sizeof(*v));
		if (l->a)
			free(l->u.v);
		l->u.v = v;
		l->a = (uint32_t)(2 * cap);
	}
	uint32_t *v = idlist_mut(l);
	memmove(v + at + 1, v + at, (l->n - at) * sizeof(*v));
	v[at] = x;
	l->n++;
}

void idlist_remove(struct idlist *l, uint32_t x)
{
	size_t at = idlist_lower(l, x);
	uint32_t *v = idlist_mut(l);

	if (at >= l->n || v[at] != x)
		return;
	memmove(v + at, v + at + 1, (l->n - at - 1) * sizeof(*v));
	l->n--;
}

void idlist_release(struct idlist *l)
{
	if (l->a)
		free(l->u.v);
	memset(l, 0, sizeof(*l));
}

/* ---- the entity key multimap ---------------------------------------------- */

uint64_t emap_hash_end(uint64_t h)
{
	/* FNV's low bits are weak for a power-of-two table: mix them. */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	return h ? h : 1;
}

uint64_t emap_hash(int kind, const char *s, size_t len)
{
	uint64_t h = emap_hash_start(kind);

	for (size_t i = 0; i < len; i++)
		h = emap_hash_add(h, s[i]);
	return emap_hash_end(h);
}

static struct emap_slot *emap_slot(struct emap_slot *v, size_t cap, uint64_t h)
{
	size_t i = h & (cap - 1);

	while (v[i].hash && v[i].hash != h)
		i = (i + 1) & (cap - 1);
	return &v[i];
}

struct idlist *emap_list(struct emap *m, uint64_t hash, bool create)
{
	if (m->cap) {
		struct emap_slot *s = emap_slot(m->v, m->cap, hash);
		if (s->hash)
			return &s->ids;
	}
	if (!create)
		return NULL;
	if ((m->n + 1) * 2 > m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		struct emap_slot *v = vb_calloc(cap, sizeof(*v));
		for (size_t i = 0; i < m->cap; i++)
			if (m->v[i].hash)
				*emap_slot(v, cap, m->v[i].hash) = m->v[i];
		free(m->v);
		m->v = v;
		m->cap = cap;
	}
	struct emap_slot *s = emap_slot(m->v, m->cap, hash);
	s->hash = hash;
	m->n++;
	return &s->ids;
}

void emap_release(struct emap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		idlist_release(&m->v[i].ids);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

/* ---- bit index: the last set position at or before x ---------------------- */

static void bitidx_release(struct bitidx *b)
{
	for (size_t l = 0; l < b->nlv; l++)
		free(b->lv[l]);
	memset(b, 0, sizeof(*b));
}

static size_t words_of(size_t bits)
{
	return (bits + 63) / 64;
}

/* Room for positions [0, n): levels of 64-bit words up to a single word. */
static void bitidx_reserve(struct bitidx *b, size_t n)
{
	if (n <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < n)
		cap *= 2;
	uint64_t *l0 = vb_calloc(words_of(cap), sizeof(*l0));
	if (b->nlv)
		memcpy(l0, b->lv[0], words_of(b->cap) * sizeof(*l0));
	bitidx_release(b);
	b->cap = cap;
	b->lv[0] = l0;
	b->nlv = 1;
	size_t bits = words_of(cap);
	while (bits > 1 && b->nlv < sizeof(b->lv) / sizeof(b->lv[0])) {
		uint64_t *up = vb_calloc(words_of(bits), sizeof(*up));
		const uint64_t *down = b->lv[b->nlv - 1];
		for (size_t w = 0; w < bits; w++)
			if (down[w])
				up[w / 64] |= 1ull << (w % 64);
		b->lv[b->nlv++] = up;
		bits = words_of(bits);
	}
}

static void bitidx_set(struct bitidx *b, size_t x)
{
	bitidx_reserve(b, x + 1);
	for (size_t l = 0; l < b->nlv; l++) {
		uint64_t *w = &b->lv[l][x / 64];
		bool was = *w != 0;
		*w |= 1ull << (x % 64);
		if (was)
			return;
		x /= 64;
	}
}

static void bitidx_clear(struct bitidx *b, size_t x)
{
	if (x >= b->cap)
		return;
	for (size_t l = 0; l < b->nlv; l++) {
		uint64_t *w = &b->lv[l][x / 64];
		*w &= ~(1ull << (x % 64));
		if (*w)
			return;
		x /= 64;
	}
}

static unsigned high_bit(uint64_t w)
{
	return 63u - (unsigned)__builtin_clzll(w);
}

/* The largest set position <= x, or -1. */
static long bitidx_pred(const struct bitidx *b, long x)
{
	if (x < 0 || !b->nlv)
		return -1;
	size_t i = (size_t)x, l = 0;
	if (i >= b->cap)
		i = b->cap - 1;
	for (;;) {
		size_t w = i / 64;
		unsigned bit = i % 64;
		uint64_t m = b->lv[l][w] & (bit == 63 ? ~0ull : ((1ull << (bit + 1)) - 1));
		if (m) {
			i = w * 64 + high_bit(m);
			break;
		}
		if (w == 0 || l + 1 == b->nlv)
			return -1;
		i = w - 1;
		l++;
	}
	while (l > 0) {
		l--;
		i = i * 64 + high_bit(b->lv[l][i]);
	}
	return (long)i;
}

/* ---- the mention index ------------------------------------------------------ */

static bool class_has(const struct xdoc *d, const struct mclass *c, size_t i)
{
	const struct xmention *m = &d->ms[i];

	if (m->ent < 0)
		return false;
	const struct xent *e = &d->ents[m->ent];
	return e->type == c->type && (!c->head || strstr(e->key, c->head));
}

static void class_update(struct xdoc *d, struct mclass *c, size_t i)
{
	if (class_has(d, c, i))
		bitidx_set(&c->bits, i);
	else
		bitidx_clear(&c->bits, i);
}

static struct idlist *byent(struct xdoc *d, int e)
{
	struct mindex *x = &d->mix;

	if ((size_t)e >= x->nbyent) {
		size_t n = x->nbyent ? x->nbyent : 16;
		while (n <= (size_t)e)
			n *= 2;
		x->byent = vb_realloc(x->byent, n * sizeof(*x->byent));
		memset(x->byent + x->nbyent, 0, (n - x->nbyent) * sizeof(*x->byent));
		x->nbyent = n;
	}
	return &x->byent[e];
}

void mindex_build(struct xdoc *d)
{
	struct mindex *x = &d->mix;

	mindex_release(d);
	x->built = true;
	x->sorted = true;
	x->ne = d->nms;
	for (size_t i = 1; i < d->nms && x->sorted; i++)
		x->sorted = d->ms[i].start >= d->ms[i - 1].start &&
			    d->ms[i].t1 >= d->ms[i - 1].t1;
	for (size_t i = 0; i < d->nms; i++)
		if (d->ms[i].ent >= 0)
			idlist_insert(byent(d, d->ms[i].ent), (uint32_t)i);
}

void mindex_release(struct xdoc *d)
{
	struct mindex *x = &d->mix;

	free(x->late);
	for (size_t i = 0; i < x->nbyent; i++)
		idlist_release(&x->byent[i]);
	free(x->byent);
	for (size_t i = 0; i < x->ncls; i++) {
		free(x->cls[i].head);
		bitidx_release(&x->cls[i].bits);
	}
	free(x->cls);
	memset(x, 0, sizeof(*x));
}

static bool late_before(const struct xdoc *d, uint32_t a, uint32_t b)
{
	if (d->ms[a].start != d->ms[b].start)
		return d->ms[a].start < d->ms[b].start;
	return a < b;
}

void mindex_added(struct xdoc *d, size_t i)
{
	struct mindex *x = &d->mix;

	if (!x->built)
		return;
	VB_ALLOC_GROW(x->late, x->nlate + 1, x->alate);
	size_t at = x->nlate;
	while (at > 0 && late_before(d, (uint32_t)i, x->late[at - 1]))
		at--;
	memmove(x->late + at + 1, x->late + at, (x->nlate - at) * sizeof(*x->late));
	x->late[at] = (uint32_t)i;
	x->nlate++;
	mindex_reassigned(d, i);
}

void mindex_reassigned(struct xdoc *d, size_t i)
{
	struct mindex *x = &d->mix;

	if (!x->built)
		return;
	if (d->ms[i].ent >= 0)
		idlist_insert(byent(d, d->ms[i].ent), (uint32_t)i);
	for (size_t c = 0; c < x->ncls; c++)
		class_update(d, &x->cls[c], i);
}

void mindex_entity_changed(struct xdoc *d, int e)
{
	struct mindex *x = &d->mix;

	if (!x->built || !x->ncls)
		return;
	const struct idlist *l = byent(d, e);
	const uint32_t *v = idlist_items(l);
	for (size_t k = 0; k < l->n; k++)
		if (d->ms[v[k]].ent == e)
			for (size_t c = 0; c < x->ncls; c++)
				class_update(d, &x->cls[c], v[k]);
}

static struct mclass *class_get(struct xdoc *d, int type, const char *head)
{
	struct mindex *x = &d->mix;

	for (size_t c = 0; c < x->ncls; c++)
		if (x->cls[c].type == type &&
		    (head ? x->cls[c].head && !strcmp(x->cls[c].head, head)
			  : !x->cls[c].head))
			return &x->cls[c];
	VB_ALLOC_GROW(x->cls, x->ncls + 1, x->acls);
	struct mclass *c = &x->cls[x->ncls++];
	memset(c, 0, sizeof(*c));
	c->type = type;
	c->head = head ? vb_strdup(head) : NULL;
	bitidx_reserve(&c->bits, d->nms + 1);
	for (size_t i = 0; i < d->nms; i++)
		if (class_has(d, c, i))
			bitidx_set(&c->bits, i);
	return c;
}

/* The first mention in text order [0, ne) whose start is >= pos. */
static size_t sorted_lower(const struct xdoc *d, size_t pos)
{
	size_t lo = 0, hi = d->mix.ne;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->ms[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

long mindex_last_in_class(struct xdoc *d, int type, const char *head,
			  size_t before)
{
	struct mclass *c = class_get(d, type, head);
	size_t ne = d->mix.ne;

	/* Mentions added by the speakers pass come last: any of them wins. */
	long i = bitidx_pred(&c->bits, (long)d->nms - 1);
	while (i >= (long)ne) {
		if (d->ms[i].start < before)
			return i;
		i = bitidx_pred(&c->bits, i - 1);
	}
	size_t p = sorted_lower(d, before);
	return p ? bitidx_pred(&c->bits, (long)p - 1) : -1;
}

void mindex_sorted_range(const struct xdoc *d, size_t lo, size_t hi,
			 size_t *i0, size_t *i1)
{
	*i0 = sorted_lower(d, lo);
	*i1 = hi > lo ? sorted_lower(d, hi) : *i0;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

void mindex_late_range(const struct xdoc *d, size_t lo, size_t hi,
		       uint32_t **out, size_t *n, size_t *alloc)
{
	const struct mindex *x = &d->mix;
	size_t a = 0, b = x->nlate, first = *n;

	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (d->ms[x->late[mid]].start < lo)
			a = mid + 1;
		else
			b = mid;
	}
	for (; a < x->nlate && d->ms[x->late[a]].start < hi; a++) {
		VB_ALLOC_GROW(*out, *n + 1, *alloc);
		(*out)[(*n)++] = x->late[a];
	}
	if (*n - first > 1)
		qsort(*out + first, *n - first, sizeof(**out), cmp_u32);
}

size_t mindex_find_range(const struct xdoc *d, size_t t0, size_t t1)
{
	/*
	 * mention_add() looks back from the last mention and stops at the
	 * first one that ends before t0: the same search, with the mentions
	 * in text order crossed by binary search.
	 */
	size_t ne = d->mix.ne;
	for (size_t i = d->nms; i-- > ne;) {
		const struct xmention *m = &d->ms[i];
		if (m->t0 == t0 && m->t1 == t1)
			return i;
		if (m->t1 <= t0)
			return SIZE_MAX;
	}
	/* The first mention in text order that ends after t0. */
	size_t lo = 0, hi = ne;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->ms[mid].t1 <= t0)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* Among [lo, ne), those ending at t1, from the last one back. */
	size_t a = lo, b = ne;
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (d->ms[mid].t1 <= t1)
			a = mid + 1;
		else
			b = mid;
	}
	for (size_t i = a; i-- > lo && d->ms[i].t1 == t1;)
		if (d->ms[i].t0 == t0)
			return i;
	return SIZE_MAX;
}
