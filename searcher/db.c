/* db.c: read-only database opening shared by the search-side commands. */
#include "db.h"

#include <stdlib.h>
#include <string.h>

#include "index.h"
#include "schema.h"

static int first_docid(unsigned docid, void *ud)
{
	*(unsigned *)ud = docid;
	return 1;
}

int vb_db_lookup(const xap_db *db, const char *prefix, const char *id,
		 json_t **out, xap_error *xe)
{
	struct vb_buf term = VB_BUF_INIT;
	unsigned docid = 0;
	int rc = XAP_OK;

	*out = NULL;
	vb_id_term(&term, prefix, id);
	if (xap_db_postlist(db, term.buf, term.len, first_docid, &docid, xe) < 0) {
		rc = xe->status;
	} else if (docid) {
		xap_doc *d;
		char *data = NULL;
		size_t len = 0;
		if ((rc = xap_db_get_document(db, docid, &d, xe)) == XAP_OK) {
			if ((rc = xap_doc_get_data(d, &data, &len, xe)) == XAP_OK)
				*out = json_loadb(data, len, 0, NULL);
			free(data);
			xap_doc_free(d);
		}
	}
	vb_buf_release(&term);
	return rc;
}

void vb_db_add_doc_meta(const xap_db *db, json_t *passage)
{
	static const char *const keys[] = { "title", "source", "url", "type",
					    "date", "author", "speaker", NULL };
	const char *doc = json_string_value(json_object_get(passage, "doc"));
	json_t *rec = NULL;
	xap_error xe;
	if (!doc || vb_db_lookup(db, VB_PREFIX_UID, doc, &rec, &xe) || !rec)
		return;
	for (size_t i = 0; keys[i]; i++) {
		json_t *v = json_object_get(rec, keys[i]);
		if (v && !json_object_get(passage, keys[i]))
			json_object_set(passage, keys[i], v);
	}
	json_decref(rec);
}

int vb_db_open_read(xap_db **out, const char *path, struct vb_buf *err)
{
	xap_error xe;
	xap_status st = xap_db_open(out, path, XAP_DB_READ, 0, &xe);
	if (st == XAP_OK)
		return 0;
	if (st == XAP_ERR_NOT_FOUND)
		vb_buf_addf(err,
			    "no database at '%s'; create one with 'verbatim index --db %s PATH...' "
			    "or point --db or VERBATIM_DB at an existing one",
			    path, path);
	else
		vb_buf_addf(err, "cannot open database '%s': %s", path, xe.message);
	return st;
}

const char *vb_json_str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

char *vb_db_metadata(const xap_db *db, const char *key)
{
	char *v = NULL;
	xap_error xe;
	if (xap_db_get_metadata(db, key, &v, NULL, &xe) != XAP_OK) {
		free(v);
		return calloc(1, 1);
	}
	return v;
}
