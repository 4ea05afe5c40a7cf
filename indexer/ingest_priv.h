/* ingest_priv.h: what the ingest readers share among themselves (not a public API). */
#ifndef VB_INGEST_PRIV_H
#define VB_INGEST_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ingest.h"

/*
 * Where a reader sends its problems: the file they concern and the report
 * callback (which may be NULL: problems are then dropped).
 */
struct ingest_sink {
	const char *path;
	void (*on_report)(const struct vb_ingest_report *r, void *ud);
	void *ud;
};

void ingest_report(const struct ingest_sink *sink, unsigned line, bool skipped,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Append a size for messages: "12 MB", "1.5 MB", "300 KB", "100 bytes". */
void ingest_add_size(struct vb_buf *b, uint64_t n);

/*
 * The public parsers report through an error buffer: ingest_collect_report
 * is a report callback that keeps the reason for a skip and the warnings
 * apart, and ingest_collect_finish() puts them into `err` (the reason on
 * failure, else the warnings, one per line) and returns 0 or -1.
 */
struct ingest_collect {
	struct vb_buf *err;       /* may be NULL */
	struct vb_buf reason;
	struct vb_buf warnings;
};
void ingest_collect_report(const struct vb_ingest_report *r, void *ud);
int ingest_collect_finish(struct ingest_collect *c, int ret);

/* The metadata fields that front matter and JSON Lines have in common. */
enum ingest_field {
	INGEST_FIELD_NONE = 0,   /* not ours: goes to `extra` */
	INGEST_FIELD_ID,
	INGEST_FIELD_TITLE,
	INGEST_FIELD_DATE,
	INGEST_FIELD_SOURCE,
	INGEST_FIELD_URL,
	INGEST_FIELD_LANG,
	INGEST_FIELD_TYPE,
	INGEST_FIELD_AUTHOR,
	INGEST_FIELD_SPEAKER,
};

/* The field a key names (ASCII case ignored; "language" is `lang`). */
enum ingest_field ingest_field_lookup(const char *key);

/* True for the fields that may hold a list (joined with ", "). */
bool ingest_field_is_list(enum ingest_field f);

/*
 * Store value[0..len) into the field of `doc`: trimmed, UTF-8 repaired,
 * `lang` lowercased, `date` checked and reduced to its date part.  An empty
 * value leaves the field absent; an invalid date is reported as a warning
 * at `line` and dropped; a second value for a field replaces the first with
 * a warning.  `key` is the key as written, for messages.
 */
void ingest_field_set(struct vb_doc *doc, enum ingest_field f,
		      const char *value, size_t len, const char *key,
		      unsigned line, const struct ingest_sink *sink);

/*
 * Check an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD, or a full date with a
 * time "2008-02-04T10:00:00Z" or "2008-02-04 10:00") and write its date
 * part to out.  Returns false when s is not such a date.
 */
bool ingest_normalize_date(const char *s, size_t len, char out[11]);

/*
 * A malloc'd copy of s[0..len) made valid UTF-8 (invalid sequences and NUL
 * bytes replaced by U+FFFD); replacements are added to *invalid.
 */
char *ingest_text_dup(const char *s, size_t len, size_t *invalid);

/* The first non-empty line of text, trimmed and capped at a character boundary. */
char *ingest_title_from_body(const char *body, size_t len);
#define INGEST_TITLE_MAX 300

/* True when s[0..len) holds nothing but white space (ASCII, or a BOM). */
bool ingest_is_blank(const char *s, size_t len);

/*
 * The readers behind vb_parse_text_doc() and vb_parse_jsonl_record(), with
 * every problem (warnings and the reason for a skip) sent to `sink`.
 * Return 0, or VB_INGEST_ESKIP when the document was skipped (reported,
 * `doc` released).
 */
int ingest_text_doc(const char *data, size_t len, const char *default_id,
		    struct vb_doc *doc, const struct ingest_sink *sink);
int ingest_jsonl_record(const char *line, size_t len, unsigned lineno,
			const char *default_id, struct vb_doc *doc,
			const struct ingest_sink *sink);

/*
 * Read JSON Lines from `f` (not closed) and hand each record to cb.
 * Returns as vb_ingest_file() does.
 */
int ingest_jsonl_stream(FILE *f, const char *path, const char *id_base,
			const struct vb_ingest_opts *opts,
			const struct vb_ingest_cb *cb);

#endif
