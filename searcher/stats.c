/* stats.c: counting what a database holds, from its terms and metadata. */
#include "stats.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db.h"
#include "schema.h"

/* Bytes used by the files of a database directory (a stub file's own size). */
static long long disk_size(const char *path)
{
	struct stat st;
	long long total = 0;
	DIR *d = opendir(path);
	if (!d)
		return stat(path, &st) == 0 ? (long long)st.st_size : 0;
	struct dirent *e;
	char file[4096];
	while ((e = readdir(d))) {
		snprintf(file, sizeof(file), "%s/%s", path, e->d_name);
		if (stat(file, &st) == 0 && S_ISREG(st.st_mode))
			total += (long long)st.st_size;
	}
	closedir(d);
	return total;
}

static int count_term(const char *term, size_t len, unsigned freq, void *ud)
{
	(void)term;
	(void)len;
	(void)freq;
	(*(size_t *)ud)++;
	return 0;
}

int vb_stats_run(const xap_db *db, const struct vb_stats_req *req,
		 json_t **out, struct vb_buf *err)
{
	unsigned docs = 0, passages = 0, total = 0;
	size_t quotes = 0, speakers = 0, entities = 0;
	const char *kd = VB_PREFIX_KIND VB_KIND_DOC, *kp = VB_PREFIX_KIND VB_KIND_PASSAGE;
	xap_error xe;

	*out = NULL;
	if (xap_db_termfreq(db, kd, strlen(kd), &docs, &xe) ||
	    xap_db_termfreq(db, kp, strlen(kp), &passages, &xe) ||
	    xap_db_allterms(db, VB_PREFIX_QUOTE_ID, count_term, &quotes, &xe) < 0 ||
	    xap_db_allterms(db, VB_PREFIX_SPEAKER_ID, count_term, &speakers, &xe) < 0 ||
	    xap_db_allterms(db, VB_PREFIX_ENTITY, count_term, &entities, &xe) < 0 ||
	    xap_db_doccount(db, &total, &xe)) {
		vb_buf_adds(err, xe.message);
		return vb_api_status_of_xap(xe.status);
	}
	char *schema = vb_db_metadata(db, "verbatim.schema");
	char *langs = vb_db_languages(db);
	json_t *o = json_object();
	json_object_set_new(o, "database", json_string(req->name ? req->name : ""));
	json_object_set_new(o, "documents", json_integer(docs));
	json_object_set_new(o, "passages", json_integer(passages));
	json_object_set_new(o, "quotes", json_integer((json_int_t)quotes));
	json_object_set_new(o, "speakers", json_integer((json_int_t)speakers));
	json_object_set_new(o, "entities", json_integer((json_int_t)entities));
	json_object_set_new(o, "xapian_documents", json_integer(total));
	json_object_set_new(o, "languages", json_string(langs));
	json_object_set_new(o, "schema_version", json_string(schema));
	json_object_set_new(o, "shards", json_integer((json_int_t)xap_db_shard_count(db)));
	json_object_set_new(o, "disk_bytes", json_integer(req->path ? disk_size(req->path) : 0));
	free(schema);
	free(langs);
	*out = o;
	return VB_API_OK;
}
