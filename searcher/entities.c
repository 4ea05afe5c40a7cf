/* entities.c: the entities of the index, from its XENT: terms and their recorded names. */
#include "entities.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db.h"
#include "schema.h"

static const char *const types[] = { "person", "organisation", "place", "money",
				     "percent", NULL };

struct entity {
	char *term;
	char *type;
	char *name;
	unsigned mentions, passages;
};

struct collect {
	const xap_db *db;
	struct entity *v;
	size_t n, alloc;
	int failed;
	xap_error xe;
};

const char *vb_entity_type(const char *type)
{
	if (!strcmp(type, "organization") || !strcmp(type, "org"))
		return "organisation";
	for (size_t i = 0; types[i]; i++)
		if (!strcmp(types[i], type))
			return types[i];
	return NULL;
}

static int collect_term(const char *term, size_t len, unsigned termfreq, void *ud)
{
	struct collect *c = ud;
	unsigned cf = 0;
	if (xap_db_collection_freq(c->db, term, len, &cf, &c->xe)) {
		c->failed = 1;
		return 1;
	}
	VB_ALLOC_GROW(c->v, c->n + 1, c->alloc);
	struct entity *e = &c->v[c->n++];
	e->term = vb_strndup(term, len);
	e->mentions = cf;
	e->passages = termfreq;
	/* XENT:type:folded name */
	const char *value = e->term + strlen(VB_PREFIX_ENTITY);
	const char *colon = strchr(value, ':');
	e->type = vb_strndup(value, colon ? (size_t)(colon - value) : strlen(value));
	e->name = NULL;
	return 0;
}

static int by_mentions(const void *a, const void *b)
{
	const struct entity *x = a, *y = b;
	if (x->mentions != y->mentions)
		return x->mentions < y->mentions ? 1 : -1;
	return strcmp(x->term, y->term);
}

/* Does `name` contain every space-separated word of `words` (ASCII case-insensitive)? */
static int has_words(const char *name, const char *words)
{
	char *copy = vb_strdup(words ? words : "");
	int ok = 1;
	for (char *w = strtok(copy, " \t"); w && ok; w = strtok(NULL, " \t"))
		ok = strcasestr(name, w) != NULL;
	free(copy);
	return ok;
}

/* The name as the documents wrote it (recorded by the indexer), else the folded one. */
static char *entity_name(const xap_db *db, const char *term)
{
	struct vb_buf key = VB_BUF_INIT;
	vb_buf_addf(&key, "%s%s", VB_META_ENTITY_NAME, term);
	char *name = vb_db_metadata(db, key.buf);
	vb_buf_release(&key);
	if (!*name) {
		free(name);
		const char *colon = strchr(term + strlen(VB_PREFIX_ENTITY), ':');
		name = vb_strdup(colon ? colon + 1 : term);
	}
	return name;
}

static json_t *entity_item(const struct entity *e)
{
	json_t *o = json_object();
	json_object_set_new(o, "name", json_string(e->name));
	json_object_set_new(o, "type", json_string(e->type));
	json_object_set_new(o, "mentions", json_integer(e->mentions));
	json_object_set_new(o, "passages", json_integer(e->passages));
	return o;
}

int vb_entities_run(const xap_db *db, const struct vb_entities_req *req,
		    json_t **out, struct vb_buf *err)
{
	struct collect col = { .db = db };
	struct vb_buf prefix = VB_BUF_INIT;
	const char *type = NULL;
	int rc = VB_API_OK;

	*out = NULL;
	if (req->type && *req->type && !(type = vb_entity_type(req->type))) {
		vb_buf_addf(err, "type takes person, organisation, place, money or percent, not '%s'",
			    req->type);
		return VB_API_BAD_REQUEST;
	}
	vb_buf_adds(&prefix, VB_PREFIX_ENTITY);
	if (type)
		vb_buf_addf(&prefix, "%s:", type);
	if (xap_db_allterms(db, prefix.buf, collect_term, &col, &col.xe) < 0 || col.failed) {
		vb_buf_adds(err, col.xe.message);
		rc = vb_api_status_of_xap(col.xe.status);
		goto out;
	}
	if (col.n > 1)
		qsort(col.v, col.n, sizeof(col.v[0]), by_mentions);
	json_t *results = json_array();
	size_t shown = 0;
	for (size_t i = 0; i < col.n; i++) {
		struct entity *e = &col.v[i];
		/* Names are read for the entities shown only: metadata
		 * lookups are the slow part on a large index. */
		if (req->limit >= 0 && shown >= (size_t)req->limit)
			break;
		e->name = entity_name(db, e->term);
		if (!has_words(e->name, req->name))
			continue;
		json_array_append_new(results, entity_item(e));
		shown++;
	}
	*out = json_object();
	json_object_set_new(*out, "results", results);
out:
	for (size_t i = 0; i < col.n; i++) {
		free(col.v[i].term);
		free(col.v[i].type);
		free(col.v[i].name);
	}
	free(col.v);
	vb_buf_release(&prefix);
	return rc;
}
