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
/* A note about the whole file (a report with `note` set: --verbose only). */
void ingest_note(const struct ingest_sink *sink, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

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

/*
 * The first non-empty line of text, trimmed.  A line longer than a heading
 * (INGEST_TITLE_MAX bytes) is a paragraph: then its first words, in at
 * most INGEST_TITLE_EXCERPT bytes cut after a word, and "…"; *excerpt
 * says which.
 */
char *ingest_title_from_body(const char *body, size_t len, bool *excerpt);
#define INGEST_TITLE_MAX 300
#define INGEST_TITLE_EXCERPT 120

/* When the input gave no title, the body's first line (or the start of
 * its first paragraph, doc->title_excerpt), as vb_doc says. */
void ingest_default_title(struct vb_doc *doc);

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

/* ---- encodings (encoding.c) -------------------------------------------- */

/* How ingest_decode() settled on an encoding. */
enum ingest_charset_how {
	INGEST_CHARSET_UTF8 = 0,   /* valid UTF-8, or UTF-8 with a few bad bytes */
	INGEST_CHARSET_BOM,        /* a UTF-16 byte order mark */
	INGEST_CHARSET_DECLARED,   /* an HTML page's <meta charset> */
	INGEST_CHARSET_DETECTED,   /* ICU's charset detector */
};

struct ingest_charset {
	char name[40];             /* ICU's name: "UTF-8", "windows-1252", "Shift_JIS" */
	int confidence;            /* 0-100; 100 for a BOM or a declaration */
	enum ingest_charset_how how;
};

/*
 * Make a file's bytes UTF-8.  Valid UTF-8 (with or without its BOM, which
 * the readers skip) and UTF-8 with fewer malformed bytes than well-formed
 * multi-byte sequences (a broken file, repaired by the readers) are left
 * as they are: returns 0.  Otherwise the encoding is taken from a UTF-16
 * BOM, then (when `markup`, for HTML) the page's own declaration, then
 * ICU's detector, and the converted text is put into `out`: returns 1.
 * What was found is noted to `sink` (--verbose); a guess of low
 * confidence (or none: the detector had no answer, and windows-1252 is
 * guessed) is also a warning; a UTF-16 file ICU cannot convert is
 * reported as skipped: returns -1.
 */
int ingest_decode(const char *data, size_t len, bool markup,
		  struct vb_buf *out, struct ingest_charset *cs,
		  const struct ingest_sink *sink);

/*
 * The charset an HTML page declares in its first 4 KB (<meta charset> or
 * http-equiv Content-Type), copied into out[0..size); false when none.
 */
bool ingest_html_declared_charset(const char *data, size_t len, char *out,
				  size_t size);

/* ---- HTML (html.c) ------------------------------------------------------ */

/* True when data starts (after a BOM, blanks and comments) like an HTML page. */
bool ingest_looks_like_html(const char *data, size_t len);

/*
 * The reader behind vb_parse_html_doc(), reporting to `sink`: returns 0,
 * or VB_INGEST_ESKIP (reported, `doc` released).  `data` is UTF-8.
 */
int ingest_html_doc(const char *data, size_t len, const char *default_id,
		    struct vb_doc *doc, const struct ingest_sink *sink);

#endif
