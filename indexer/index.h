/* index.h: writing documents into a Xapian database or its shards, incrementally, with threads. */
#ifndef VB_INDEX_H
#define VB_INDEX_H

#include <stdbool.h>
#include <stddef.h>

#include "ingest.h"
#include "util/buf.h"
#include "xapian/xap.h"

struct vb_indexer_opts {
	const char *default_lang;  /* language of documents without one ("en") */
	bool no_sync;              /* Xapian DB_NO_SYNC: faster, less durable */
	bool overwrite;            /* start from an empty database */
	bool spelling;             /* feed Xapian's spelling table (did you mean) */
	unsigned commit_every;     /* commit after this many passages (0: default) */
	bool extract;              /* quotes, speakers, entities, dates */
	const char *aliases_path;  /* known names (see extract.h), or NULL */
	/* Threads that analyse documents (0 or 1: none, the caller's does);
	 * the index is the same whatever the number. */
	unsigned jobs;
	/* A new database of this many shards (a directory holding shard-0
	 * .. shard-(K-1) and the Xapian stub file XAPIANDB listing them);
	 * 0: what the database has, else 1.  Documents go to shards by a hash
	 * of their id. */
	unsigned shards;
};

enum vb_add_result {
	VB_ADD_NEW,
	VB_ADD_UPDATED,
	VB_ADD_UNCHANGED,
	VB_ADD_DUPLICATE,   /* an earlier document of this run had the id */
};

struct vb_indexer;

/*
 * Open (creating if needed) the database at `path` for writing: a plain
 * Xapian database, or the directory of shards that opts->shards > 1 made
 * (docs/scaling.md).  Starts opts->jobs worker threads.  Returns 0 or a
 * negative xap_status (XAP_ERR_LOCKED when another writer holds it, or
 * any shard of it) with a message in `err`.  A database of another schema
 * version, or of another number of shards than opts->shards asks, is
 * refused with XAP_ERR_INVALID.
 */
int vb_indexer_open(struct vb_indexer **out, const char *path,
		    const struct vb_indexer_opts *opts, struct vb_buf *err);

/*
 * Index one document: unchanged (same id, same content hash) documents are
 * left alone; otherwise the document's passages and record replace what the
 * index had under its id.  *result says which.  Returns 0 or a negative
 * status with a message.  Commits by itself every `commit_every` passages,
 * always between documents, so a crash leaves whole documents only.
 *
 * With several jobs the document is copied and analysed by a worker; it is
 * written later, in the order of the calls, by a later call or by
 * vb_indexer_drain(), and *passages is then 0 (see vb_indexer_passages).
 * An error returned may then concern an earlier document; its message
 * names it.  Call from one thread only.
 */
int vb_indexer_add(struct vb_indexer *ix, const struct vb_doc *doc,
		   enum vb_add_result *result, size_t *passages,
		   struct vb_buf *err);

/*
 * Remove documents whose file no longer exists, and documents that came from
 * a file read in this run (vb_indexer_add saw the path) but whose id was
 * not seen (a record deleted from a JSON Lines file).  *removed counts them.
 */
int vb_indexer_prune(struct vb_indexer *ix, unsigned *removed,
		     struct vb_buf *err);

/* Write every document added so far (without committing). */
int vb_indexer_drain(struct vb_indexer *ix, struct vb_buf *err);
/* Passages written in this run so far. */
size_t vb_indexer_passages(const struct vb_indexer *ix);
/* Number of shards of the database (1 for a plain one). */
unsigned vb_indexer_shards(const struct vb_indexer *ix);
/* Segments written by several writers and merged (a fresh build with
 * several jobs, docs/scaling.md); 0 when one writer writes. */
size_t vb_indexer_segments(const struct vb_indexer *ix);

/* Write what was added, and commit every shard. */
int vb_indexer_commit(struct vb_indexer *ix, struct vb_buf *err);
/* Commit and close; frees the indexer whatever happens. */
int vb_indexer_close(struct vb_indexer *ix, struct vb_buf *err);
/* Free without committing what was added since the last commit. */
void vb_indexer_abandon(struct vb_indexer *ix);

/*
 * Append to `out` the term `prefix` + `id`, hashing ids too long for a
 * Xapian term ("h:" + 16 hex digits + the id's first bytes).
 */
void vb_id_term(struct vb_buf *out, const char *prefix, const char *id);
/* The organisation that issues a document, which can speak in it ("it
 * said"): its author, else its source, but not a newspaper's. */
const char *vb_issuing_org(const struct vb_doc *doc);

/* The id of passage n (1-based) of document `doc_id`: "doc_id#n". */
void vb_passage_id(struct vb_buf *out, const char *doc_id, unsigned n);

#endif
