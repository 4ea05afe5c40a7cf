/* json.c: an extraction as the JSON object of `verbatim extract --json`. */
#include "extract/internal.h"

#include <stdlib.h>
#include <string.h>

/*
 * Code-point offsets from byte offsets: a table of counts every 256 bytes,
 * then a count inside the block, so any offset costs at most 256 steps.
 */
struct cpmap {
	const char *s;
	size_t len;
	size_t *every;
	size_t base_bytes, base_cps;
};

#define CP_BLOCK 256

static void cpmap_init(struct cpmap *m, const char *s, size_t len,
		       size_t base_bytes, size_t base_cps)
{
	size_t nb = len / CP_BLOCK + 1, n = 0;

	m->s = s;
	m->len = len;
	m->base_bytes = base_bytes;
	m->base_cps = base_cps;
	m->every = vb_calloc(nb, sizeof(*m->every));
	for (size_t i = 0; i < len; i++) {
		if (i % CP_BLOCK == 0)
			m->every[i / CP_BLOCK] = n;
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	}
	if (len % CP_BLOCK == 0)
		m->every[len / CP_BLOCK] = n;
}

static size_t cpmap_at(const struct cpmap *m, size_t byte)
{
	if (byte > m->len)
		byte = m->len;
	size_t b = byte / CP_BLOCK, n = m->every[b];
	for (size_t i = b * CP_BLOCK; i < byte; i++)
		n += ((unsigned char)m->s[i] & 0xC0) != 0x80;
	return n + m->base_cps;
}

static void put_offsets(json_t *o, const struct cpmap *m, size_t start,
			size_t end)
{
	json_object_set_new(o, "start", json_integer((json_int_t)cpmap_at(m, start)));
	json_object_set_new(o, "end", json_integer((json_int_t)cpmap_at(m, end)));
	json_object_set_new(o, "byte_start",
			    json_integer((json_int_t)(start + m->base_bytes)));
	json_object_set_new(o, "byte_end",
			    json_integer((json_int_t)(end + m->base_bytes)));
}

/* A string, or null; jansson refuses invalid UTF-8, so repair it. */
static json_t *str_or_null(const char *s)
{
	if (!s)
		return json_null();
	json_t *j = json_string(s);
	if (j)
		return j;
	struct vb_buf b = VB_BUF_INIT;
	vb_utf8_repair(s, strlen(s), &b);
	j = json_string(b.buf);
	vb_buf_release(&b);
	return j ? j : json_string("");
}

static json_t *speaker_json(const struct vb_speaker *sp, const struct cpmap *m)
{
	json_t *o = json_object();

	json_object_set_new(o, "name", str_or_null(sp->name));
	json_object_set_new(o, "canonical", str_or_null(sp->canonical));
	json_object_set_new(o, "type", json_string(vb_speaker_type_name(sp->type)));
	json_object_set_new(o, "role", str_or_null(sp->role));
	json_object_set_new(o, "org", str_or_null(sp->org));
	json_object_set_new(o, "anonymous", json_boolean(sp->anonymous));
	if (sp->end > sp->start) {
		json_object_set_new(o, "mention", str_or_null(sp->mention));
		put_offsets(o, m, sp->start, sp->end);
	} else {
		json_object_set_new(o, "mention", json_null());
		json_object_set_new(o, "start", json_null());
		json_object_set_new(o, "end", json_null());
	}
	return o;
}

void vb_extraction_to_json(const struct vb_extraction *x, const char *body,
			   size_t len, size_t base_bytes, size_t base_cps,
			   json_t **out)
{
	struct cpmap m;
	json_t *root = json_object();

	cpmap_init(&m, body ? body : "", body ? len : 0, base_bytes, base_cps);
	json_object_set_new(root, "doc_date",
			    x->doc_date[0] ? json_string(x->doc_date) : json_null());

	json_t *qs = json_array();
	for (size_t i = 0; i < x->nquotes; i++) {
		const struct vb_quote *q = &x->quotes[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", json_string(q->id));
		json_object_set_new(o, "text", str_or_null(q->text));
		put_offsets(o, &m, q->start, q->end);
		json_object_set_new(o, "kind", json_string(vb_quote_kind_name(q->kind)));
		json_object_set_new(o, "cue", str_or_null(q->cue));
		json_object_set_new(o, "speaker", q->has_speaker ?
					speaker_json(&q->speaker, &m) : json_null());
		json_t *spans = json_array();
		for (size_t k = 0; k < q->nspans; k++) {
			json_t *s = json_object();
			put_offsets(s, &m, q->spans[k].start, q->spans[k].end);
			json_array_append_new(spans, s);
		}
		json_object_set_new(o, "spans", spans);
		json_array_append_new(qs, o);
	}
	json_object_set_new(root, "quotes", qs);

	json_t *es = json_array();
	for (size_t i = 0; i < x->nentities; i++) {
		const struct vb_entity *e = &x->entities[i];
		json_t *o = json_object();
		json_object_set_new(o, "text", str_or_null(e->text));
		put_offsets(o, &m, e->start, e->end);
		json_object_set_new(o, "type", json_string(vb_entity_type_name(e->type)));
		json_object_set_new(o, "canonical", str_or_null(e->canonical));
		json_array_append_new(es, o);
	}
	json_object_set_new(root, "entities", es);

	json_t *ds = json_array();
	for (size_t i = 0; i < x->ndates; i++) {
		const struct vb_date *e = &x->dates[i];
		json_t *o = json_object();
		json_object_set_new(o, "text", str_or_null(e->text));
		put_offsets(o, &m, e->start, e->end);
		json_object_set_new(o, "value", str_or_null(e->value));
		json_object_set_new(o, "granularity",
				    json_string(vb_date_granularity_name(e->granularity)));
		json_object_set_new(o, "relative", json_boolean(e->relative));
		json_array_append_new(ds, o);
	}
	json_object_set_new(root, "dates", ds);

	json_t *dr = json_array();
	for (size_t i = 0; i < x->ndropped; i++) {
		const struct vb_dropped *e = &x->dropped[i];
		json_t *o = json_object();
		char *t = vb_strndup(body + e->start, e->end - e->start);
		json_object_set_new(o, "text", str_or_null(t));
		free(t);
		put_offsets(o, &m, e->start, e->end);
		json_object_set_new(o, "reason", json_string(e->reason));
		json_array_append_new(dr, o);
	}
	json_object_set_new(root, "dropped", dr);
	free(m.every);
	*out = root;
}
