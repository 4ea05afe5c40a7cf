/* strmap.c: the small hash map behind the word lists, the gazetteer and the aliases. */
#include "extract/internal.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

uint64_t strmap_hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

void strmap_init(struct strmap *m)
{
	m->v = NULL;
	m->n = m->cap = 0;
}

void strmap_release(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++) {
		free(m->v[i].key);
		free(m->v[i].aux);
	}
	free(m->v);
	strmap_init(m);
}

static struct strmap_entry *slot(struct strmap_entry *v, size_t cap,
				 const char *key, size_t klen, uint64_t h)
{
	size_t i = h & (cap - 1);

	for (;;) {
		struct strmap_entry *e = &v[i];
		if (!e->key)
			return e;
		if (e->hash == h && e->klen == klen && !memcmp(e->key, key, klen))
			return e;
		i = (i + 1) & (cap - 1);
	}
}

static void grow(struct strmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	struct strmap_entry *v = vb_calloc(cap, sizeof(*v));

	for (size_t i = 0; i < m->cap; i++) {
		struct strmap_entry *e = &m->v[i];
		if (e->key)
			*slot(v, cap, e->key, e->klen, e->hash) = *e;
	}
	free(m->v);
	m->v = v;
	m->cap = cap;
}

struct strmap_entry *strmap_put(struct strmap *m, const char *key, size_t klen,
				uint32_t flags, int32_t val, const char *aux)
{
	uint64_t h = strmap_hash(key, klen);

	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	struct strmap_entry *e = slot(m->v, m->cap, key, klen, h);
	if (!e->key) {
		e->key = vb_strndup(key, klen);
		e->klen = klen;
		e->hash = h;
		m->n++;
	}
	e->flags |= flags;
	if (val)
		e->val = val;
	if (aux) {
		free(e->aux);
		e->aux = vb_strdup(aux);
	}
	return e;
}

const struct strmap_entry *strmap_get(const struct strmap *m, const char *key,
				      size_t klen)
{
	if (!m->cap)
		return NULL;
	const struct strmap_entry *e =
		slot(m->v, m->cap, key, klen, strmap_hash(key, klen));
	return e->key ? e : NULL;
}

void lower_utf8(const char *s, size_t len, struct vb_buf *out)
{
	vb_buf_reset(out);
	vb_buf_grow(out, len);
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			vb_buf_addch(out, (c >= 'A' && c <= 'Z') ? c + 32 : c);
			i++;
			continue;
		}
		unsigned cp = vb_utf8_next(s, len, &i);
		vb_buf_add_utf8(out, (unsigned)u_tolower((UChar32)cp));
	}
}
