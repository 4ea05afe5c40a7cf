/* show.c: looking up a document, passage or quote for `show`, with its citation. */
#include "show.h"

#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "db.h"
#include "index.h"
#include "schema.h"

struct show_state {
	const xap_db *db;
	struct vb_buf *err;
	int rc;                   /* the first error's api status */
};

/* Data of the first Xapian document indexed by prefix + id, or NULL. */
static json_t *lookup(struct show_state *s, const char *prefix, const char *id)
{
	json_t *obj = NULL;
	xap_error xe;
	int rc = vb_db_lookup(s->db, prefix, id, &obj, &xe);
	if (rc && !s->rc) {
		vb_buf_addf(s->err, "cannot read the database: %s", xe.message);
		s->rc = vb_api_status_of_xap(rc);
	}
	return obj;
}

static json_t *passage_n(struct show_state *s, const char *doc_id, long n)
{
	struct vb_buf id = VB_BUF_INIT;
	vb_passage_id(&id, doc_id, (unsigned)n);
	json_t *p = lookup(s, VB_PREFIX_UID, id.buf);
	vb_buf_release(&id);
	return p;
}

/* The quote with this id, from the data of the passage that holds it. */
static json_t *quote_by_id(struct show_state *s, const char *id)
{
	json_t *passage = lookup(s, VB_PREFIX_QUOTE_ID, id);
	json_t *entry, *q = NULL;
	size_t i;
	json_array_foreach(json_object_get(passage, "quotes"), i, entry) {
		if (!strcmp(vb_json_str(entry, "id"), id)) {
			q = vb_quote_object(passage, entry);
			break;
		}
	}
	json_decref(passage);
	return q;
}

/* The citation of a document with the given quotes (a quote object, a
 * passage record holding quotes, or NULL). */
static json_t *citation(json_t *doc, json_t *quote, json_t *quote_passage,
			json_t *passage, const char *accessed)
{
	if (!doc)
		return json_null();
	struct vb_cite_list *l = vb_cite_list_new(accessed);
	json_t *e;
	size_t i;
	vb_cite_list_add_doc(l, doc);
	if (quote) {
		json_t *q = json_copy(quote);
		long long start = json_integer_value(json_object_get(q, "start"));
		if (quote_passage)
			json_object_set_new(q, "paragraph", json_integer(
				vb_passage_paragraph_at(quote_passage, start)));
		vb_cite_list_add_quote(l, doc, q);
		json_decref(q);
	}
	json_array_foreach(json_object_get(passage, "quotes"), i, e) {
		json_t *q = vb_quote_object(passage, e);
		json_object_set_new(q, "paragraph", json_integer(vb_passage_paragraph_at(
			passage, json_integer_value(json_object_get(e, "start")))));
		vb_cite_list_add_quote(l, doc, q);
		json_decref(q);
	}
	json_t *item = json_array_get(vb_cite_list_finish(l), 0);
	struct vb_buf ref = VB_BUF_INIT;
	vb_cite_reference(item, 0, &ref);
	json_t *c = json_pack("{s:O,s:s,s:O}", "key", json_object_get(item, "id"),
			      "text", ref.buf, "item", item);
	vb_buf_release(&ref);
	vb_cite_list_free(l);
	return c;
}

static json_t *show_quote(struct show_state *s, json_t *q, const char *accessed)
{
	json_t *passage = lookup(s, VB_PREFIX_UID, vb_json_str(q, "passage"));
	json_t *doc = lookup(s, VB_PREFIX_UID, vb_json_str(q, "doc"));
	json_t *out = json_object();
	json_object_set(out, "quote", q);
	json_object_set(out, "passage", passage ? passage : json_null());
	json_object_set(out, "document", doc ? doc : json_null());
	json_object_set_new(out, "citation", citation(doc, q, passage, NULL, accessed));
	json_decref(passage);
	json_decref(doc);
	return out;
}

static json_t *show_passage(struct show_state *s, json_t *p, long context,
			    const char *accessed)
{
	const char *doc_id = vb_json_str(p, "doc");
	long n = (long)json_integer_value(json_object_get(p, "n"));
	json_t *doc = lookup(s, VB_PREFIX_UID, doc_id);
	json_t *out = json_object(), *ctx = json_array();
	json_object_set(out, "passage", p);
	json_object_set(out, "document", doc ? doc : json_null());
	for (long k = n - context; k <= n + context; k++) {
		json_t *c = k != n && k > 0 ? passage_n(s, doc_id, k) : NULL;
		if (c)
			json_array_append_new(ctx, c);
	}
	json_object_set_new(out, "context", ctx);
	json_object_set_new(out, "citation", citation(doc, NULL, NULL, p, accessed));
	json_decref(doc);
	return out;
}

static json_t *show_document(struct show_state *s, json_t *doc, const char *accessed)
{
	long total = (long)json_integer_value(json_object_get(doc, "passages"));
	json_t *out = json_copy(doc), *texts = json_array();
	for (long k = 1; k <= total; k++) {
		json_t *p = passage_n(s, vb_json_str(doc, "id"), k);
		if (p)
			json_array_append_new(texts, p);
	}
	json_object_set_new(out, "passage_list", texts);
	json_object_set_new(out, "citation", citation(doc, NULL, NULL, NULL, accessed));
	return out;
}

int vb_show_run(const xap_db *db, const struct vb_show_req *req,
		json_t **out, struct vb_buf *err)
{
	struct show_state s = { db, err, VB_API_OK };
	const char *id = req->id ? req->id : "";
	json_t *obj = lookup(&s, VB_PREFIX_UID, id), *res = NULL;

	*out = NULL;
	if (!obj && !s.rc)
		obj = quote_by_id(&s, id);
	if (!obj) {
		if (!s.rc) {
			vb_buf_addf(err, "no document, passage or quote with id '%s'", id);
			s.rc = VB_API_NOT_FOUND;
		}
		return s.rc;
	}
	const char *kind = vb_json_str(obj, "kind");
	if (!strcmp(kind, "quote"))
		res = show_quote(&s, obj, req->accessed);
	else if (!strcmp(kind, VB_KIND_PASSAGE))
		res = show_passage(&s, obj, req->context, req->accessed);
	else
		res = show_document(&s, obj, req->accessed);
	json_decref(obj);
	if (s.rc) {
		json_decref(res);
		return s.rc;
	}
	*out = res;
	return VB_API_OK;
}
