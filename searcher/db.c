/* db.c: read-only database opening shared by the search-side commands. */
#include "db.h"

#include <stdlib.h>
#include <string.h>

#include "index.h"
#include "schema.h"
#include "util/usage.h"

struct lookup {
	const xap_db *db;
	json_t *best;
	xap_error *xe;
	int rc;
};

json_t *vb_data_json(const char *data, size_t len)
{
	const char *nl = data ? memchr(data, '\n', len) : NULL;
	json_t *o = json_loadb(data, nl ? (size_t)(nl - data) : len, 0, NULL);
	if (o && nl) {
		json_t *text = json_stringn(nl + 1, len - (size_t)(nl + 1 - data));
		if (!json_is_object(o) || !text) {
			json_decref(text);
			json_decref(o);
			return NULL;
		}
		json_object_set_new(o, "text", text);
	}
	return o;
}

/* Documents sharing a Q term: a document's record is preferred, since a
 * passage id ("memo#1") may equal another document's id. */
static int take_data(unsigned docid, void *ud)
{
	struct lookup *l = ud;
	xap_doc *d;
	char *data = NULL;
	size_t len = 0;
	if ((l->rc = xap_db_get_document(l->db, docid, &d, l->xe)))
		return 1;
	if ((l->rc = xap_doc_get_data(d, &data, &len, l->xe)) == XAP_OK) {
		json_t *o = vb_data_json(data, len);
		const char *kind = o ? json_string_value(json_object_get(o, "kind")) : NULL;
		if (o && (!l->best || (kind && !strcmp(kind, VB_KIND_DOC)))) {
			json_decref(l->best);
			l->best = o;
		} else {
			json_decref(o);
		}
	}
	free(data);
	xap_doc_free(d);
	if (l->rc)
		return 1;
	const char *k = l->best ? json_string_value(json_object_get(l->best, "kind")) : NULL;
	return k && !strcmp(k, VB_KIND_DOC);   /* nothing better to find */
}

int vb_db_lookup(const xap_db *db, const char *prefix, const char *id,
		 json_t **out, xap_error *xe)
{
	struct vb_buf term = VB_BUF_INIT;
	struct lookup l = { db, NULL, xe, XAP_OK };

	*out = NULL;
	vb_id_term(&term, prefix, id);
	if (xap_db_postlist(db, term.buf, term.len, take_data, &l, xe) < 0)
		l.rc = xe->status;
	vb_buf_release(&term);
	if (l.rc) {
		json_decref(l.best);
		return l.rc;
	}
	*out = l.best;
	return XAP_OK;
}

void vb_doc_records_release(struct vb_doc_records *recs)
{
	for (size_t i = 0; i < recs->n; i++) {
		free(recs->doc[i]);
		json_decref(recs->rec[i]);
	}
	memset(recs, 0, sizeof(*recs));
}

/* The record of `doc`, from `recs` or read into it; a new reference. */
static json_t *doc_record(const xap_db *db, const char *doc, struct vb_doc_records *recs)
{
	json_t *rec = NULL;
	xap_error xe;
	if (recs)
		for (size_t i = 0; i < recs->n; i++)
			if (!strcmp(recs->doc[i], doc))
				return json_incref(recs->rec[i]);
	if (vb_db_lookup(db, VB_PREFIX_UID, doc, &rec, &xe))
		return NULL;   /* not kept: the next lookup may succeed */
	if (recs) {
		size_t i;
		if (recs->n < VB_RECORDS_KEPT) {
			i = recs->n++;
		} else {   /* the oldest goes */
			i = recs->next;
			recs->next = (recs->next + 1) % VB_RECORDS_KEPT;
			free(recs->doc[i]);
			json_decref(recs->rec[i]);
		}
		recs->doc[i] = vb_strdup(doc);
		recs->rec[i] = json_incref(rec);
	}
	return rec;
}

void vb_db_add_doc_meta(const xap_db *db, json_t *passage, struct vb_doc_records *recs)
{
	static const char *const keys[] = { "title", "source", "url", "type",
					    "date", "author", "speaker", NULL };
	const char *doc = json_string_value(json_object_get(passage, "doc"));
	json_t *rec;
	if (!doc || !(rec = doc_record(db, doc, recs)))
		return;
	for (size_t i = 0; keys[i]; i++) {
		json_t *v = json_object_get(rec, keys[i]);
		if (v && !json_object_get(passage, keys[i]))
			json_object_set(passage, keys[i], v);
	}
	json_decref(rec);
}

/* "tcp:HOST:PORT": a database served by xapian-tcpsrv. */
static int open_remote(xap_db **out, const char *spec, struct vb_buf *err)
{
	const char *hostport = spec + strlen(VB_REMOTE_PREFIX);
	const char *colon = strrchr(hostport, ':');
	char *end = NULL, host[256];
	unsigned long port = colon ? strtoul(colon + 1, &end, 10) : 0;
	xap_error xe;

	*out = NULL;
	if (!colon || colon == hostport || (size_t)(colon - hostport) >= sizeof(host) ||
	    !*(colon + 1) || *end || port == 0 || port > 65535) {
		vb_buf_addf(err, "invalid remote database '%s': write tcp:HOST:PORT", spec);
		return XAP_ERR_INVALID;
	}
	memcpy(host, hostport, (size_t)(colon - hostport));
	host[colon - hostport] = '\0';
	xap_status st = xap_db_open_remote(out, host, (unsigned)port,
					   VB_REMOTE_TIMEOUT_MS, &xe);
	if (st)
		vb_buf_addf(err, "%s (is xapian-tcpsrv serving it?)", xe.message);
	return st;
}

int vb_db_open_read(xap_db **out, const char *path, struct vb_buf *err)
{
	xap_error xe;
	if (!strncmp(path, VB_REMOTE_PREFIX, strlen(VB_REMOTE_PREFIX)))
		return open_remote(out, path, err);
	xap_status st = xap_db_open(out, path, XAP_DB_READ, 0, &xe);
	if (st == XAP_OK)
		return 0;
	if (st == XAP_ERR_NOT_FOUND)
		vb_buf_addf(err,
			    "no database at '%s'; create one with 'verbatim index --db %s PATH...' "
			    "or point --db or VERBATIM_DB at an existing one",
			    path, path);
	else if (st == XAP_ERR_CORRUPT)
		vb_buf_addf(err, "%s (is '%s' a verbatim database?)", xe.message, path);
	else
		vb_buf_adds(err, xe.message);
	return st;
}

int vb_dbs_add(struct vb_dbs *dbs, const char *path)
{
	if (dbs->n == VB_MAX_DBS)
		return vb_usage_error("at most %d --db options", VB_MAX_DBS);
	dbs->paths[dbs->n++] = path;
	return 0;
}

int vb_dbs_option(struct vb_dbs *dbs, int c, const char *arg)
{
	if (c == 'd')
		return vb_dbs_add(dbs, arg) ? VB_EXIT_USAGE : 0;
	if (c == 'P') {
		dbs->allow_partial = 1;
		return 0;
	}
	return -1;
}

const char *vb_dbs_name(const struct vb_dbs *dbs, struct vb_buf *scratch)
{
	if (dbs->n <= 1)
		return vb_db_path(dbs->n ? dbs->paths[0] : NULL);
	vb_buf_reset(scratch);
	vb_buf_addf(scratch, "%s (+%zu)", dbs->paths[0], dbs->n - 1);
	return scratch->buf;
}

int vb_dbs_open(xap_db **out, const struct vb_dbs *dbs, struct vb_buf *err)
{
	xap_db *all = NULL;
	int rc = 0;
	*out = NULL;
	if (dbs->n <= 1)
		return vb_db_open_read(out, vb_db_path(dbs->n ? dbs->paths[0] : NULL), err);
	for (size_t i = 0; i < dbs->n; i++) {
		xap_db *one = NULL;
		xap_error xe;
		struct vb_buf msg = VB_BUF_INIT;
		rc = vb_db_open_read(&one, dbs->paths[i], &msg);
		if (rc == 0 && all)
			rc = xap_db_add_database(all, one, &xe);
		if (rc && !msg.len)
			vb_buf_adds(&msg, xe.message);
		if (rc == 0 && !all) {
			all = one;
			one = NULL;
		}
		xap_db_free(one);
		if (rc && dbs->allow_partial) {
			vb_warning("skipping database '%s': %s", dbs->paths[i], msg.buf);
			rc = 0;
		} else if (rc) {
			vb_buf_addf(err, "database '%s': %s", dbs->paths[i], msg.buf);
		}
		vb_buf_release(&msg);
		if (rc)
			break;
	}
	if (!rc && !all) {
		vb_buf_adds(err, "none of the databases could be opened");
		rc = XAP_ERR_NOT_FOUND;
	}
	if (rc) {
		xap_db_free(all);
		return rc;
	}
	*out = all;
	return 0;
}

json_t *vb_quote_object(json_t *passage, json_t *entry)
{
	json_t *q = json_copy(entry);
	json_object_set(q, "quote_kind", json_object_get(entry, "kind"));
	json_object_set_new(q, "kind", json_string("quote"));
	json_object_set(q, "doc", json_object_get(passage, "doc"));
	json_object_set(q, "passage", json_object_get(passage, "id"));
	static const char *const keys[] = { "n", "paragraph", "date", "lang", NULL };
	for (size_t i = 0; keys[i]; i++) {
		json_t *v = json_object_get(passage, keys[i]);
		if (v)
			json_object_set(q, keys[i], v);
	}
	return q;
}

const char *vb_json_str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

static int add_language(const char *term, size_t len, unsigned freq, void *ud)
{
	struct vb_buf *b = ud;
	(void)freq;
	if (b->len)
		vb_buf_addch(b, ',');
	vb_buf_add(b, term + strlen(VB_PREFIX_LANG), len - strlen(VB_PREFIX_LANG));
	return 0;
}

char *vb_db_languages(const xap_db *db)
{
	struct vb_buf b = VB_BUF_INIT;
	xap_error xe;
	/* One database: the indexer keeps the list in its metadata, which is
	 * read at once; walking the L terms took 18% of a query's time on a
	 * 500 MB index.  Several shards: their L terms, since Xapian reads
	 * metadata from the first shard only. */
	if (xap_db_shard_count(db) <= 1) {
		char *langs = vb_db_metadata(db, "verbatim.languages");
		if (*langs)
			return langs;
		free(langs);
	}
	if (xap_db_allterms(db, VB_PREFIX_LANG, add_language, &b, &xe) < 0)
		vb_buf_reset(&b);
	return vb_buf_detach(&b, NULL);
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

void vb_quote_words(const char *text, const char *kind, struct vb_buf *out)
{
	if (kind && !strcmp(kind, "indirect"))
		vb_buf_addf(out, "(reported) %s", text);
	else
		vb_buf_addf(out, "\xe2\x80\x9c%s\xe2\x80\x9d", text);
}
