/* xap.h: a thin C binding over libxapian; the only C++ in verbatim lives behind it. */
#ifndef XAP_H
#define XAP_H

/*
 * This header mirrors Xapian's own API closely and decides nothing about
 * verbatim's schema: which field gets which prefix is decided in C, in
 * core/schema.c.  Exceptions never cross this boundary: every entry point
 * catches everything, classifies it with one function and returns a status.
 *
 * Conventions
 * - Every fallible function returns an xap_status (0 on success, negative
 *   on failure) and takes a last argument `xap_error *err` which may be
 *   NULL.  On failure err->status repeats the return value and err->message
 *   holds Xapian's own message, prefixed by what was being done.
 * - Handles are opaque and owned by the caller; each has a matching _free()
 *   that accepts NULL and never throws (Xapian destructors may flush: errors
 *   there are swallowed, so call xap_db_commit()/xap_db_close() and check
 *   them when it matters).
 * - Strings passed in are (pointer, length) pairs where terms may hold any
 *   bytes; plain `const char *` parameters are NUL-terminated.
 * - Strings returned as `char **out` are malloc'd: the caller frees them.
 * - Nothing here is thread-safe on a shared handle; separate handles may be
 *   used from separate threads (as with Xapian itself).
 */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	XAP_OK = 0,
	XAP_ERR_NOT_FOUND = -1,   /* database (or document) does not exist */
	XAP_ERR_LOCKED = -2,      /* another writer holds the lock */
	XAP_ERR_MODIFIED = -3,    /* changed under a reader: reopen and retry */
	XAP_ERR_CORRUPT = -4,     /* corrupt or wrong-version database */
	XAP_ERR_QUERY = -5,       /* query could not be parsed */
	XAP_ERR_NOMEM = -6,       /* std::bad_alloc */
	XAP_ERR_NETWORK = -7,     /* remote backend unreachable or timed out */
	XAP_ERR_INVALID = -8,     /* invalid argument or operation */
	XAP_ERR_OTHER = -9,       /* anything else, with Xapian's message */
	/* Not a status: makes the enum as wide as int, so that the positive
	 * values returned by iteration callbacks pass through xap_status
	 * unchanged (in C++ an enum only holds the values of its range). */
	XAP_STATUS_INT_MAX_ = 0x7fffffff,
} xap_status;

typedef struct {
	xap_status status;
	char message[512];
} xap_error;

/*
 * How Xapian's exceptions map to statuses (libxapian 1.4.22):
 *   DatabaseNotFoundError (also thrown for an empty directory), and
 *     DatabaseOpeningError when nothing exists at the path  -> NOT_FOUND
 *   DocNotFoundError                                       -> NOT_FOUND
 *   DatabaseLockError                                      -> LOCKED
 *   DatabaseModifiedError                                  -> MODIFIED
 *   DatabaseCorruptError, DatabaseVersionError             -> CORRUPT
 *   QueryParserError                                       -> QUERY
 *   std::bad_alloc                                         -> NOMEM
 *   NetworkError, NetworkTimeoutError                      -> NETWORK
 *   InvalidArgumentError, InvalidOperationError,
 *     UnimplementedError, DatabaseClosedError (a handle used after
 *     xap_db_close()), and NULL handles passed to this API -> INVALID
 *   anything else (e.g. DatabaseCreateError, or the plain DatabaseError
 *     Xapian throws for a truncated table file)            -> OTHER
 * The in-memory backend has no spelling table and no transactions: those
 * calls return INVALID on it.
 */

/* A short constant name for a status ("locked", "not found", ...). */
const char *xap_status_name(xap_status st);
/* The version string of the linked libxapian. */
const char *xap_version(void);

/* ---- databases ---------------------------------------------------------- */

typedef struct xap_db xap_db;

enum xap_open_mode {
	XAP_DB_READ = 0,           /* read-only; path may be a stub file */
	XAP_DB_CREATE_OR_OPEN,     /* writable, created if missing */
	XAP_DB_CREATE_OR_OVERWRITE,/* writable, emptied if present */
	XAP_DB_OPEN,               /* writable, must exist */
};

/* Flags for writable databases (ORed). */
enum {
	XAP_DB_NO_SYNC = 1,        /* Xapian::DB_NO_SYNC: skip fsync */
	XAP_DB_DANGEROUS = 2,      /* Xapian::DB_DANGEROUS: update in place */
};

/*
 * Open the database at `path` (a directory, or a stub database file listing
 * several shards, one per line, as Xapian documents).  Errors: NOT_FOUND
 * when there is nothing at `path` (read mode or XAP_DB_OPEN), LOCKED when a
 * writable open finds another writer, CORRUPT, INVALID for an unknown mode
 * or flag, OTHER (e.g. the parent directory of a new database is missing).
 */
xap_status xap_db_open(xap_db **out, const char *path, enum xap_open_mode mode,
		       int flags, xap_error *err);
/* A writable in-memory database (Xapian's inmemory backend), for tests. */
xap_status xap_db_open_inmemory(xap_db **out, xap_error *err);
/* A read-only database served by xapian-tcpsrv at host:port; timeout_ms
 * bounds both connecting and each later exchange.  NETWORK when the server
 * cannot be reached. */
xap_status xap_db_open_remote(xap_db **out, const char *host, unsigned port,
			      unsigned timeout_ms, xap_error *err);
/* Add the shards of read-only `other` to read-only `db`, so that searching
 * `db` searches both (Xapian::Database::add_database).  `other` stays owned
 * by the caller and may be freed afterwards. */
xap_status xap_db_add_database(xap_db *db, const xap_db *other, xap_error *err);
/* Number of shards a read-only database is made of. */
size_t xap_db_shard_count(const xap_db *db);
/* True when the handle is writable. */
int xap_db_is_writable(const xap_db *db);
/* Pick up the latest committed revision (readers). */
xap_status xap_db_reopen(xap_db *db, xap_error *err);
xap_status xap_db_commit(xap_db *db, xap_error *err);
xap_status xap_db_begin_transaction(xap_db *db, int flushed, xap_error *err);
xap_status xap_db_commit_transaction(xap_db *db, xap_error *err);
xap_status xap_db_cancel_transaction(xap_db *db, xap_error *err);
/* Close (commits pending changes of a writable database first, like Xapian). */
xap_status xap_db_close(xap_db *db, xap_error *err);
void xap_db_free(xap_db *db);
/*
 * Merge the databases at sources[0..n) into a new database at `dest`
 * (Xapian's Compactor).  Documents are renumbered in source order, so
 * sources whose docids run 1..k_i give docids 1..sum k_i.  Spelling
 * frequencies are summed.  Of a user metadata key several sources set, one
 * value is kept, not always the first source's (seen with 6 sources): set
 * such keys in `dest` afterwards.  multipass: Xapian's DBCOMPACT_MULTIPASS
 * (more than 3 sources merged in passes, faster, no metadata order either).
 */
xap_status xap_compact(const char *const *sources, size_t n, const char *dest,
		       int multipass, xap_error *err);

xap_status xap_db_doccount(const xap_db *db, unsigned *out, xap_error *err);
/* The lowest and highest value in `slot` over the database (malloc'd,
 * NUL-terminated; both "" when no document has one). */
xap_status xap_db_value_bounds(const xap_db *db, unsigned slot, char **lo, char **hi,
			       xap_error *err);
xap_status xap_db_lastdocid(const xap_db *db, unsigned *out, xap_error *err);
xap_status xap_db_avlength(const xap_db *db, double *out, xap_error *err);
xap_status xap_db_termfreq(const xap_db *db, const char *term, size_t len,
			   unsigned *out, xap_error *err);
xap_status xap_db_collection_freq(const xap_db *db, const char *term,
				  size_t len, unsigned *out, xap_error *err);

/* Metadata: a missing key reads as an empty value (*out = "" malloc'd).
 * Of databases joined by xap_db_add_database, the first that has the key
 * answers (Xapian alone would read the first one only); the shards of a
 * stub file are one database here, read by Xapian from its first shard. */
xap_status xap_db_get_metadata(const xap_db *db, const char *key, char **out,
			       size_t *out_len, xap_error *err);
xap_status xap_db_set_metadata(xap_db *db, const char *key, const char *value,
			       size_t len, xap_error *err);

/*
 * Iterate the terms of the database starting with `prefix` (all terms when
 * prefix is "") in byte order.  The callback returns 0 to go on, non-zero to
 * stop (that value is then returned by the iteration as-is, so use positive
 * values).  Term bytes are valid only during the call.
 */
typedef int (*xap_term_fn)(const char *term, size_t len, unsigned termfreq,
			   void *ud);
xap_status xap_db_allterms(const xap_db *db, const char *prefix, xap_term_fn fn,
			   void *ud, xap_error *err);
/* Iterate the document ids indexed by `term`, ascending. */
typedef int (*xap_docid_fn)(unsigned docid, void *ud);
xap_status xap_db_postlist(const xap_db *db, const char *term, size_t len,
			   xap_docid_fn fn, void *ud, xap_error *err);

/* Spelling data (Xapian's spelling table). */
xap_status xap_db_add_spelling(xap_db *db, const char *word, size_t len,
			       unsigned freqinc, xap_error *err);
/* How often `word` was added to the spelling table (0: not there).  On a
 * writable database this first writes out the additions not committed
 * yet (Xapian merges them to read the table): ask before adding. */
xap_status xap_db_spelling_freq(const xap_db *db, const char *word, size_t len,
				unsigned *out, xap_error *err);
/* Best suggestion for `word` within max_edit_distance, or *out = NULL. */
xap_status xap_db_spelling_suggestion(const xap_db *db, const char *word,
				      unsigned max_edit_distance, char **out,
				      xap_error *err);

/* ---- documents ---------------------------------------------------------- */

typedef struct xap_doc xap_doc;

xap_status xap_doc_new(xap_doc **out, xap_error *err);
void xap_doc_free(xap_doc *doc);
/* A term at a position (positions start at 1), adding wdfinc to its wdf. */
xap_status xap_doc_add_posting(xap_doc *doc, const char *term, size_t len,
			       unsigned pos, unsigned wdfinc, xap_error *err);
/* A term without position information. */
xap_status xap_doc_add_term(xap_doc *doc, const char *term, size_t len,
			    unsigned wdfinc, xap_error *err);
/* A boolean (filter) term: wdf 0, no position. */
xap_status xap_doc_add_boolean_term(xap_doc *doc, const char *term, size_t len,
				    xap_error *err);
xap_status xap_doc_set_value(xap_doc *doc, unsigned slot, const char *value,
			     size_t len, xap_error *err);
/* *out malloc'd (possibly empty). */
xap_status xap_doc_get_value(const xap_doc *doc, unsigned slot, char **out,
			     size_t *out_len, xap_error *err);
xap_status xap_doc_set_data(xap_doc *doc, const char *data, size_t len,
			    xap_error *err);
xap_status xap_doc_get_data(const xap_doc *doc, char **out, size_t *out_len,
			    xap_error *err);
/* Iterate the terms of a document with their wdf, in byte order. */
typedef int (*xap_doc_term_fn)(const char *term, size_t len, unsigned wdf,
			       void *ud);
xap_status xap_doc_terms(const xap_doc *doc, xap_doc_term_fn fn, void *ud,
			 xap_error *err);
/* The id the document was read under (0 for a new document).  For a
 * database of several shards this is the combined id, unlike Xapian 1.4's
 * Document::get_docid(), which answers with the id inside the shard. */
unsigned xap_doc_docid(const xap_doc *doc);

/* Write: the new document id goes to *docid (may be NULL). */
xap_status xap_db_add_document(xap_db *db, const xap_doc *doc, unsigned *docid,
			       xap_error *err);
/* Replace the document(s) indexed by unique term `term`, or add. */
xap_status xap_db_replace_document_by_term(xap_db *db, const char *term,
					   const xap_doc *doc, unsigned *docid,
					   xap_error *err);
/* Delete every document indexed by `term` (no error when there is none). */
xap_status xap_db_delete_documents_by_term(xap_db *db, const char *term,
					   xap_error *err);
xap_status xap_db_delete_document(xap_db *db, unsigned docid, xap_error *err);
/* NOT_FOUND when there is no such document. */
xap_status xap_db_get_document(const xap_db *db, unsigned docid, xap_doc **out,
			       xap_error *err);

/* ---- stemming ----------------------------------------------------------- */

typedef struct xap_stem xap_stem;

/* `language` is a Xapian stemmer name or ISO code ("english", "en", "de",
 * "german", "none").  INVALID for an unknown language. */
xap_status xap_stem_new(xap_stem **out, const char *language, xap_error *err);
void xap_stem_free(xap_stem *stem);
/*
 * Stem `word` (already lowercase UTF-8) into out[0..cap).  Returns the
 * length of the stem; when that is >= cap the output was truncated and the
 * call should be repeated with a larger buffer.  Like snprintf, out is
 * NUL-terminated whenever cap > 0.  Never fails: a stemmer error yields the
 * word unchanged.  Allocates nothing the caller sees.
 */
size_t xap_stem_word(xap_stem *stem, const char *word, size_t len, char *out,
		     size_t cap);
/* A comma-separated list of the available stemmer names (static string). */
const char *xap_stem_languages(void);

/* ---- Xapian's own term generator ----------------------------------------- */

/*
 * Xapian::TermGenerator, for programs that want Xapian's tokenizer rather
 * than verbatim's (bench/xapianpeer.c: plain libxapian as a benchmark
 * peer).  verbatim itself posts its own terms (xap_doc_add_posting).
 */
typedef struct xap_termgen xap_termgen;

/* `stem`: as xap_stem_new, or NULL for none; `strategy`: enum
 * xap_stem_strategy (below). */
xap_status xap_termgen_new(xap_termgen **out, const char *stem, int strategy,
			   xap_error *err);
void xap_termgen_free(xap_termgen *tg);
/* Index text[0..len) into doc, positions from 1: one call per document. */
xap_status xap_termgen_index_text(xap_termgen *tg, xap_doc *doc, const char *text,
				  size_t len, xap_error *err);

/* ---- queries ------------------------------------------------------------ */

typedef struct xap_query xap_query;

enum xap_op {
	XAP_OP_AND,
	XAP_OP_OR,
	XAP_OP_AND_NOT,
	XAP_OP_XOR,
	XAP_OP_AND_MAYBE,
	XAP_OP_FILTER,
	XAP_OP_NEAR,
	XAP_OP_PHRASE,
	XAP_OP_SYNONYM,
	XAP_OP_MAX,
};

/* A single term. */
xap_status xap_query_term(xap_query **out, const char *term, size_t len,
			  unsigned wqf, xap_error *err);
/* Combine n subqueries (which stay owned by the caller) with `op`;
 * `window` is used by NEAR and PHRASE (0 for the default). */
xap_status xap_query_combine(xap_query **out, enum xap_op op,
			     xap_query *const *subs, size_t n, unsigned window,
			     xap_error *err);
/* Documents whose value in `slot` lies in [lo, hi] (byte comparison);
 * lo or hi may be NULL for an open end (both NULL: every document with a
 * non-empty value in `slot`). */
xap_status xap_query_value_range(xap_query **out, unsigned slot, const char *lo,
				 const char *hi, xap_error *err);
/*
 * Documents dated in [lo, hi] (YYYYMMDD strings, inclusive), where the
 * date is the value in `slot` and its year is also the boolean term
 * `year_prefix` + YYYY.  A range of whole years is the OR of their terms,
 * which Xapian finds through posting lists, where a value range reads the
 * value of every candidate (seven times slower on a 300 MB index,
 * docs/performance.md).  Years outside [first_year, last_year] (those the
 * database holds: xap_db_value_bounds) are left out, and count as whole.
 * A range holding part of a year, a span of more than `max_years` years,
 * an unknown span (first_year > last_year) or bounds that are not 8 digits
 * give the plain value range; a range outside the database's years
 * matches nothing.
 */
xap_status xap_query_date_range(xap_query **out, unsigned slot, const char *year_prefix,
				const char *lo, const char *hi, int first_year,
				int last_year, int max_years, xap_error *err);
/* OP_SCALE_WEIGHT: multiply the weights of `q` by `factor` (>= 0). */
xap_status xap_query_scale(xap_query **out, const xap_query *q, double factor,
			   xap_error *err);
/*
 * A copy of `q` in which every OP_PHRASE and OP_NEAR matches nothing, as
 * Xapian simplifies it: an AND holding one matches nothing, an OR drops it.
 * For a query on terms indexed without positions, where such a part can
 * never match but Xapian would still look up position lists to find that
 * out.  Operators whose parameters the API cannot read back
 * (OP_SCALE_WEIGHT, OP_ELITE_SET, value ranges) are copied as they are,
 * with what is under them.
 */
xap_status xap_query_drop_positional(xap_query **out, const xap_query *q,
				     xap_error *err);

/*
 * A copy of `q` in which every term under `prefix` (exactly: the next byte
 * is not an ASCII capital, Xapian's convention, so "ZS" is not "ZSX...")
 * weighs the same in every document it matches: what BM25 gives it with
 * wdf 1 in a document of average length (its idf), through Xapian's own
 * FixedWeightPostingSource, so remote shards (xapian-tcpsrv) run it too.
 * For fields that belong to a whole document, such as the title, indexed
 * on each of its passages: without it a short passage (a contact line)
 * outweighs the lead for a title match.  The weights come from `db`'s
 * statistics, shards combined.  Under OP_PHRASE, OP_NEAR, OP_SYNONYM and
 * the operators the API cannot read back (OP_SCALE_WEIGHT, OP_ELITE_SET),
 * terms are left as they are.
 */
xap_status xap_query_flat_weight(xap_query **out, const xap_query *q,
				 const xap_db *db, const char *prefix,
				 xap_error *err);
/* Matches every document (Xapian::Query::MatchAll). */
xap_status xap_query_match_all(xap_query **out, xap_error *err);
xap_status xap_query_copy(xap_query **out, const xap_query *q, xap_error *err);
int xap_query_empty(const xap_query *q);
/* Xapian's description of the query (malloc'd). */
char *xap_query_description(const xap_query *q);
/*
 * Iterate the distinct terms of the query in query order: by query position
 * (Query::get_terms_begin(), duplicates dropped; get_unique_terms_begin()
 * would sort them by name).  The query parser numbers words 1, 2, ...;
 * terms built with xap_query_term() have position 0, so they come first,
 * in byte order.  The callback's `termfreq` is the number of distinct
 * positions the term occurs at, not a database statistic.
 */
xap_status xap_query_terms(const xap_query *q, xap_term_fn fn, void *ud,
			   xap_error *err);
void xap_query_free(xap_query *q);

/* ---- the query parser --------------------------------------------------- */

typedef struct xap_qparser xap_qparser;

enum xap_stem_strategy {
	XAP_STEM_NONE,
	XAP_STEM_SOME,
	XAP_STEM_ALL,
	XAP_STEM_ALL_Z,
	XAP_STEM_SOME_FULL_POS,
};

/* Parser flags, as Xapian::QueryParser::feature_flag (ORed). */
enum {
	XAP_QP_BOOLEAN = 1 << 0,
	XAP_QP_PHRASE = 1 << 1,
	XAP_QP_LOVEHATE = 1 << 2,
	XAP_QP_BOOLEAN_ANY_CASE = 1 << 3,
	XAP_QP_WILDCARD = 1 << 4,
	XAP_QP_PURE_NOT = 1 << 5,
	XAP_QP_PARTIAL = 1 << 6,
	XAP_QP_SPELLING_CORRECTION = 1 << 7,
	XAP_QP_SYNONYM = 1 << 8,
	XAP_QP_AUTO_SYNONYMS = 1 << 9,
	XAP_QP_CJK_NGRAM = 1 << 10,
	XAP_QP_DEFAULT = XAP_QP_BOOLEAN | XAP_QP_PHRASE | XAP_QP_LOVEHATE,
};

xap_status xap_qp_new(xap_qparser **out, xap_error *err);
void xap_qp_free(xap_qparser *qp);
/* The database is used for wildcards and spelling; it must outlive qp. */
xap_status xap_qp_set_database(xap_qparser *qp, const xap_db *db,
			       xap_error *err);
/* The stemmer is copied. */
xap_status xap_qp_set_stemmer(xap_qparser *qp, const xap_stem *stem,
			      xap_error *err);
xap_status xap_qp_set_stemming_strategy(xap_qparser *qp,
					enum xap_stem_strategy s,
					xap_error *err);
/* XAP_OP_AND or XAP_OP_OR. */
xap_status xap_qp_set_default_op(xap_qparser *qp, enum xap_op op,
				 xap_error *err);
/* field:word becomes a free-text term with `prefix`. */
xap_status xap_qp_add_prefix(xap_qparser *qp, const char *field,
			     const char *prefix, xap_error *err);
/* field:value becomes a boolean filter term prefix+value (value as typed).
 * Filters with the same `grouping` (NULL: the field name) are ORed. */
xap_status xap_qp_add_boolean_prefix(xap_qparser *qp, const char *field,
				     const char *prefix, const char *grouping,
				     xap_error *err);
/* `prefix`A..B filters value `slot` to [A, B] as strings (RangeProcessor). */
xap_status xap_qp_add_range(xap_qparser *qp, unsigned slot, const char *prefix,
			    xap_error *err);
/* Ranges PREFIX+LO..HI, LO and HI as YYYYMMDD, read as xap_query_date_range
 * with these arguments; other bounds as xap_qp_add_range. */
xap_status xap_qp_add_year_range(xap_qparser *qp, unsigned slot, const char *prefix,
				 const char *year_prefix, int first_year, int last_year,
				 int max_years, xap_error *err);
/* `prefix`A..B read as dates into YYYYMMDD (DateRangeProcessor). */
xap_status xap_qp_add_date_range(xap_qparser *qp, unsigned slot,
				 const char *prefix, int prefer_mdy,
				 int epoch_year, xap_error *err);
/* Parse; QUERY on a syntax error (message says what is wrong).  `default_prefix` may be NULL. */
xap_status xap_qp_parse(xap_qparser *qp, const char *text, unsigned flags,
			const char *default_prefix, xap_query **out,
			xap_error *err);
/* The spelling-corrected query string from the last parse, or NULL (malloc'd). */
char *xap_qp_corrected_query(const xap_qparser *qp);

/* ---- searching ---------------------------------------------------------- */

typedef struct xap_enquire xap_enquire;
typedef struct xap_mset xap_mset;

/* The database must outlive the enquire. */
xap_status xap_enquire_new(xap_enquire **out, const xap_db *db, xap_error *err);
void xap_enquire_free(xap_enquire *enq);
xap_status xap_enquire_set_query(xap_enquire *enq, const xap_query *q,
				 xap_error *err);
/* BM25 with Xapian's parameter names; the default weighting is BM25 with
 * Xapian's defaults. */
xap_status xap_enquire_set_bm25(xap_enquire *enq, double k1, double k2,
				double k3, double b, double min_normlen,
				xap_error *err);
/* Sort by relevance (default). */
xap_status xap_enquire_sort_by_relevance(xap_enquire *enq, xap_error *err);
/* Sort by the value in `slot`, then by relevance. */
xap_status xap_enquire_sort_by_value(xap_enquire *enq, unsigned slot,
				     int reverse, xap_error *err);
/* Keep at most `max` documents per distinct value in `slot`. */
xap_status xap_enquire_set_collapse_key(xap_enquire *enq, unsigned slot,
					unsigned max, xap_error *err);
xap_status xap_enquire_get_mset(xap_enquire *enq, unsigned first,
				unsigned maxitems, unsigned checkatleast,
				xap_mset **out, xap_error *err);

void xap_mset_free(xap_mset *ms);
unsigned xap_mset_size(const xap_mset *ms);
unsigned xap_mset_estimated(const xap_mset *ms);
unsigned xap_mset_docid(const xap_mset *ms, unsigned i);
double xap_mset_weight(const xap_mset *ms, unsigned i);
int xap_mset_percent(const xap_mset *ms, unsigned i);
/* How many documents were collapsed into result i (set_collapse_key). */
unsigned xap_mset_collapse_count(const xap_mset *ms, unsigned i);
xap_status xap_mset_document(const xap_mset *ms, unsigned i, xap_doc **out,
			     xap_error *err);
/*
 * Xapian's MSet::snippet over `text`: at most `length` bytes, terms of the
 * query (stemmed with `stem`, which may be NULL) wrapped in hi_start/hi_end,
 * omitted text shown as `omit`.  *out is malloc'd.
 */
xap_status xap_mset_snippet(const xap_mset *ms, const char *text, size_t len,
			    size_t length, const xap_stem *stem,
			    const char *hi_start, const char *hi_end,
			    const char *omit, char **out, xap_error *err);

#ifdef __cplusplus
}
#endif

#endif
