/* facets.c: who, what, where, when and which source the best matches of a search are about. */
#include "server.h"

#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "schema.h"
#include "util/strset.h"

enum facet { F_SPEAKER, F_ORG, F_PLACE, F_YEAR, F_SOURCE, F_COUNT };

static const char *const facet_names[F_COUNT] = { "speaker", "org", "place", "year", "source" };

/* The term prefix of each facet; its values follow it. */
static const char *const facet_prefixes[F_COUNT] = {
	VB_PREFIX_SPEAKER_ID, VB_PREFIX_ENTITY "organisation:", VB_PREFIX_ENTITY "place:",
	VB_PREFIX_YEAR, VB_PREFIX_SOURCE,
};

struct facet_count {
	struct vb_strset counts[F_COUNT];
	struct vb_strset seen;     /* speaker names of the current passage */
	int has_speaker;           /* the current passage has XSPEAKER: terms */
};

static int is_year(const char *s, size_t len)
{
	if (len != 4)
		return 0;
	for (size_t i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* One term of a passage: counted under its facet, if it has one. */
static int count_term(const char *term, size_t len, unsigned wdf, void *ud)
{
	struct facet_count *c = ud;
	char value[VB_MAX_TERM + 1];
	(void)wdf;
	for (int f = 0; f < F_COUNT; f++) {
		size_t pl = strlen(facet_prefixes[f]);
		if (len <= pl || len - pl >= sizeof(value) || memcmp(term, facet_prefixes[f], pl))
			continue;
		memcpy(value, term + pl, len - pl);
		value[len - pl] = '\0';
		if (f == F_YEAR && !is_year(value, len - pl))
			continue;
		if (f == F_SPEAKER) {
			/* "name|organisation": the name is the facet, once per passage. */
			char *bar = strchr(value, '|');
			if (bar)
				*bar = '\0';
			c->has_speaker = 1;
			if (!*value || !vb_strset_add(&c->seen, value))
				continue;
		}
		vb_strset_count_add(&c->counts[f], value, 1);
	}
	return 0;
}

/* Speakers' names as their passage writes them, by folded name (first seen wins). */
static void add_speaker_labels(json_t *labels, const char *data, size_t len)
{
	json_t *passage = vb_data_json(data, len), *entry;
	size_t i;
	json_array_foreach(json_object_get(passage, "quotes"), i, entry) {
		json_t *sp = json_object_get(entry, "speaker");
		const char *key = vb_json_str(sp, "key"), *bar = strchr(key, '|');
		char *name = vb_strndup(key, bar ? (size_t)(bar - key) : strlen(key));
		if (*name && *vb_json_str(sp, "name") && !json_object_get(labels, name))
			json_object_set_new(labels, name, json_string(vb_json_str(sp, "name")));
		free(name);
	}
	json_decref(passage);
}

/* Count the facets of result i of `ms`. */
static int count_result(const xap_mset *ms, unsigned i, struct facet_count *c,
			json_t *labels, xap_error *xe)
{
	xap_doc *d = NULL;
	int rc = xap_mset_document(ms, i, &d, xe);
	c->has_speaker = 0;
	vb_strset_release(&c->seen);
	if (!rc)
		rc = xap_doc_terms(d, count_term, c, xe);
	if (!rc && c->has_speaker) {
		char *data = NULL;
		size_t len = 0;
		if (xap_doc_get_data(d, &data, &len, xe) == XAP_OK)
			add_speaker_labels(labels, data, len);
		free(data);
	}
	xap_doc_free(d);
	return rc < 0 ? rc : XAP_OK;
}

struct value_count {
	const char *value;
	unsigned count;
};

static int by_count(const void *a, const void *b)
{
	const struct value_count *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->value, y->value);
}

/* The name the indexer recorded for an entity term, or NULL. */
static json_t *entity_label(const xap_db *db, const char *prefix, const char *value)
{
	struct vb_buf key = VB_BUF_INIT;
	vb_buf_addf(&key, "%s%s%s", VB_META_ENTITY_NAME, prefix, value);
	char *name = vb_db_metadata(db, key.buf);
	json_t *label = *name ? json_string(name) : NULL;
	free(name);
	vb_buf_release(&key);
	return label;
}

/* The most frequent values of facet f, as [{value, label, count}]. */
static json_t *facet_list(const xap_db *db, struct facet_count *c, int f, json_t *labels)
{
	struct vb_strset *set = &c->counts[f];
	struct value_count *v = vb_calloc(set->n ? set->n : 1, sizeof(*v));
	size_t n = 0, it = 0;
	const char *s;
	unsigned count;
	while ((s = vb_strset_next_count(set, &it, &count))) {
		v[n].value = s;
		v[n++].count = count;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), by_count);
	json_t *list = json_array();
	for (size_t i = 0; i < n && i < VB_SERVE_FACET_VALUES; i++) {
		json_t *label = NULL;
		if (f == F_SPEAKER)
			label = json_incref(json_object_get(labels, v[i].value));
		else if (f == F_ORG || f == F_PLACE)
			label = entity_label(db, facet_prefixes[f], v[i].value);
		json_array_append_new(list, json_pack("{s:s, s:o, s:i}", "value", v[i].value,
			"label", label ? label : json_string(v[i].value), "count", (int)v[i].count));
	}
	free(v);
	return list;
}

int vb_facets_run(const xap_db *db, const struct vb_search_req *req,
		  json_t **out, struct vb_buf *err)
{
	struct vb_parsed_query pq;
	struct facet_count c;
	xap_enquire *enq = NULL;
	xap_mset *ms = NULL;
	xap_error xe;
	json_t *labels = json_object();
	int rc;

	*out = NULL;
	memset(&pq, 0, sizeof(pq));
	memset(&c, 0, sizeof(c));
	rc = vb_query_build(db, req->text ? req->text : "", &req->q, &pq, err);
	if (rc)
		goto out;
	if (xap_enquire_new(&enq, db, &xe) || xap_enquire_set_query(enq, pq.query, &xe) ||
	    (req->per_doc > 0 &&
	     xap_enquire_set_collapse_key(enq, VB_SLOT_DOC, (unsigned)req->per_doc, &xe)) ||
	    xap_enquire_get_mset(enq, 0, VB_SERVE_FACET_DEPTH, VB_SERVE_FACET_DEPTH, &ms, &xe)) {
		vb_buf_adds(err, xe.message);
		rc = xe.status;
		goto out;
	}
	unsigned n = xap_mset_size(ms);
	for (unsigned i = 0; i < n && !rc; i++)
		if ((rc = count_result(ms, i, &c, labels, &xe)))
			vb_buf_adds(err, xe.message);
	if (rc)
		goto out;
	json_t *facets = json_object();
	for (int f = 0; f < F_COUNT; f++)
		json_object_set_new(facets, facet_names[f], facet_list(db, &c, f, labels));
	*out = json_object();
	json_object_set_new(*out, "total", json_integer(xap_mset_estimated(ms)));
	json_object_set_new(*out, "counted", json_integer(n));
	json_object_set_new(*out, "facets", facets);
out:
	for (int f = 0; f < F_COUNT; f++)
		vb_strset_release(&c.counts[f]);
	vb_strset_release(&c.seen);
	json_decref(labels);
	xap_mset_free(ms);
	xap_enquire_free(enq);
	vb_parsed_query_release(&pq);
	return vb_api_status_of_xap(rc);
}
