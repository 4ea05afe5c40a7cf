/* db.h: opening the database for reading, with messages that say what to do. */
#ifndef VB_SEARCHER_DB_H
#define VB_SEARCHER_DB_H

#include "util/buf.h"
#include "xapian/xap.h"

/*
 * Open `path` (a database directory or a Xapian stub file, or
 * "tcp:HOST:PORT" for one served by xapian-tcpsrv) read-only.  On failure
 * returns the xap_status and writes a complete message into `err`: for a
 * missing database it says how to create one.
 */
#define VB_REMOTE_PREFIX "tcp:"
/* Bounds connecting to a remote database and each exchange with it. */
#define VB_REMOTE_TIMEOUT_MS 10000
int vb_db_open_read(xap_db **out, const char *path, struct vb_buf *err);

/*
 * The databases a search-side command reads, one per --db (a database
 * directory or a Xapian stub file), searched as one.  None given means
 * $VERBATIM_DB, else ./verbatim.db.
 */
#define VB_MAX_DBS 64
struct vb_dbs {
	const char *paths[VB_MAX_DBS];
	size_t n;
	int allow_partial;   /* a shard that cannot be opened is skipped, with a warning */
};
/* Add a --db value; prints a usage error and returns VB_EXIT_USAGE
 * (else 0) when there are too many. */
int vb_dbs_add(struct vb_dbs *dbs, const char *path);

/* The getopt_long entries every search-side command has: --db PATH ('d')
 * and --allow-partial ('P'). */
#define VB_DBS_OPTIONS \
	{ "db", required_argument, NULL, 'd' }, \
	{ "allow-partial", no_argument, NULL, 'P' }
/* Take getopt's answer c if it is one of those: 0 when taken, -1 when c
 * is another option, VB_EXIT_USAGE on a bad value (the error printed). */
int vb_dbs_option(struct vb_dbs *dbs, int c, const char *arg);
/* Open them all, read-only, as one database.  Returns 0 or an xap_status
 * with a complete message naming the database that failed in `err`. */
int vb_dbs_open(xap_db **out, const struct vb_dbs *dbs, struct vb_buf *err);
/* What to call them in messages: the path, or the first path and "+N". */
const char *vb_dbs_name(const struct vb_dbs *dbs, struct vb_buf *scratch);

/*
 * The data (parsed JSON) of the first Xapian document with the term
 * prefix + id (ids too long for a term are hashed as the indexer does).
 * Returns XAP_OK with *out NULL when there is none.
 */
#include <jansson.h>
int vb_db_lookup(const xap_db *db, const char *prefix, const char *id,
		 json_t **out, xap_error *xe);
/*
 * The document records met on one page of results, so that the passages
 * of one document read its record once (a quarter of the results of
 * bench/queries.txt on sotu+reuters share a document with another).
 * Zero-initialise; release when the page is done.
 */
#define VB_RECORDS_KEPT 32
struct vb_doc_records {
	size_t n, next;
	char *doc[VB_RECORDS_KEPT];
	json_t *rec[VB_RECORDS_KEPT];   /* NULL: the document has none */
};
void vb_doc_records_release(struct vb_doc_records *recs);

/* Copy title, source, url, type and date from the document record of
 * passage data `passage` into it (keys it lacks only).  Best effort.
 * `recs` (may be NULL) keeps the records read. */
void vb_db_add_doc_meta(const xap_db *db, json_t *passage,
			struct vb_doc_records *recs);

/*
 * A quote's words as a person reads them: “text” for what was said in
 * those words (direct, partial), "(reported) text" for reported speech
 * (indirect), which must not be put in quotation marks as if it had been
 * said so.  `kind` is the quote's kind; appended to `out`.
 */
void vb_quote_words(const char *text, const char *kind, struct vb_buf *out);

/* A quote held by a passage, as commands print it: the passage's record
 * of it ("kind" moved to "quote_kind", "kind" then "quote") with where it
 * stands: document, passage, its number and paragraph, date, language.
 * New reference. */
json_t *vb_quote_object(json_t *passage, json_t *entry);

/*
 * A Xapian document's data as JSON: a record's is JSON; a passage's is
 * JSON, a newline and the passage's text, which this puts under "text"
 * (docs/schema.md; databases written before hold it inside the JSON).
 * NULL when the data is not ours.  New reference.
 */
json_t *vb_data_json(const char *data, size_t len);

/* The string at `key` of a JSON object, or "" (never NULL). */
const char *vb_json_str(json_t *o, const char *key);

/*
 * The languages of the index, comma-separated ("de,en,zh"), from its L
 * terms: unlike metadata, which Xapian reads from the first shard only,
 * terms are those of every shard of a stub database.  Malloc'd.
 */
char *vb_db_languages(const xap_db *db);

/* Metadata value as a malloc'd string ("" when missing or on error). */
char *vb_db_metadata(const xap_db *db, const char *key);

#endif
