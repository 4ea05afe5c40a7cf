/* ingest.h: reading source files (text with front matter, JSON Lines) into documents. */
#ifndef VB_INGEST_H
#define VB_INGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/*
 * One source document as read from disk, before passages and extraction.
 * All strings are malloc'd (free() them if you move them out), UTF-8
 * (repaired), NUL-terminated, and owned by the struct; optional fields are
 * NULL when absent.  Metadata values are trimmed; an empty value counts as
 * absent.  Free with vb_doc_release().
 */
struct vb_doc {
	char *id;        /* front matter/JSON `id`, else derived (see below) */
	/* Front matter/JSON/HTML title, else the body's first non-empty
	 * line, trimmed; when that line is longer than a heading (300
	 * bytes), it is a paragraph, and the title is its first words (at
	 * most 120 bytes, cut after a word) and "…", with title_excerpt
	 * set: shown, but not indexed as a title (ZS, S), whose words would
	 * be those of a paragraph on every passage. */
	char *title;
	bool title_excerpt;
	/* ISO 8601 as given and checked: YYYY, YYYY-MM or YYYY-MM-DD; of a
	 * timestamp ("2008-02-04T10:00:00Z") only the date part is kept.  An
	 * invalid date is reported and left out. */
	char *date;
	char *source;
	char *url;
	char *lang;      /* language tag, lowercased, "_" -> "-" ("en", "en-gb", "zh") */
	char *type;      /* press_release, statement, article, ... as given */
	char *author;    /* `author`; a list is joined with ", " */
	char *speaker;   /* `speaker` (the speaker of a statement), idem */
	/* Unknown fields as one compact JSON object text, or NULL.  JSON Lines
	 * values are kept as they are; YAML plain scalars null, true/false and
	 * decimal integers become JSON null, booleans and numbers, every other
	 * scalar a string as written ("1.10", "2008-02-04", "yes"). */
	char *extra;

	char *path;      /* the file it came from ("-" for stdin) */
	unsigned line;   /* JSON Lines: 1-based line; text files: 0 */

	/* The text to index.  For text files, the file's bytes after the
	 * front matter as they are (line ends included, CRLF kept), except that
	 * invalid UTF-8 and NUL bytes are replaced by U+FFFD; for HTML pages,
	 * the article's text (see vb_parse_html_doc()); a file in another
	 * encoding is converted to UTF-8 first, and offsets refer to the
	 * converted text.  Never empty or white space only (such documents
	 * are skipped). */
	char *body;
	size_t body_len;
	/* Byte offset of body[0] in the original input (after the BOM and the
	 * front matter's closing line for text files; 0 for JSON Lines, where
	 * the body is a JSON string). */
	size_t body_offset;
	/* Line number (1-based) of body[0] in the original file (for JSON
	 * Lines: the record's line). */
	unsigned body_line;

	size_t invalid_utf8;  /* byte sequences replaced by U+FFFD */
	/* vb_hash64(, 0) of the raw input for this document: the whole file,
	 * or the record's line without its line end. */
	uint64_t hash;
};

void vb_doc_release(struct vb_doc *doc);

/*
 * What a reader reports.  A report concerns the named file and line
 * (line 0: the whole file); `skipped` says the document (or file) was not
 * indexed, otherwise it is a warning.  The message does not repeat the
 * path, but does say "at line N" when it is about a line, so a printer needs
 * only add the path: "'a.txt': invalid date '2008-13-01' at line 4 ...".
 * All pointers are valid during the callback only.
 */
struct vb_ingest_report {
	const char *path;
	unsigned line;
	bool skipped;          /* true: the document (or file) was not indexed */
	/* true: not a problem but what the reader found out (the encoding it
	 * detected, a directory walked already): for --verbose only. */
	bool note;
	const char *message;   /* lowercase, problem first: "invalid front matter: ..." */
};

/*
 * Callbacks.  on_doc receives a filled document which it may keep by moving
 * the fields out (the reader calls vb_doc_release() afterwards anyway, so
 * set moved pointers to NULL).  A non-zero return from on_doc stops reading
 * and is returned by the reader (use positive values).
 */
struct vb_ingest_cb {
	int (*on_doc)(struct vb_doc *doc, void *ud);
	void (*on_report)(const struct vb_ingest_report *r, void *ud);
	void *ud;
};

enum vb_format {
	VB_FORMAT_AUTO = 0,
	VB_FORMAT_TEXT,      /* plain text, optional YAML front matter */
	VB_FORMAT_JSONL,     /* one JSON document per line */
	VB_FORMAT_HTML,      /* a web page: its article text and metadata */
};

#define VB_INGEST_MAX_GLOBS 64

struct vb_ingest_opts {
	/* AUTO: by extension (.jsonl .ndjson -> JSONL, .html .htm -> HTML),
	 * else HTML when the content starts like a page, else text. */
	enum vb_format format;
	/* 0: no limit; larger files are skipped with a report.  In JSON Lines
	 * the limit applies to each record (line), since a file of records is
	 * a collection rather than a document. */
	size_t max_file_size;
	/*
	 * Directory walks (vb_walk_filtered): fnmatch(3) glob patterns, flags
	 * 0, each tried on the path relative to the walked root and on the
	 * base name.  A file is read when no include pattern is given or one
	 * matches, and no exclude pattern matches; a directory matched by an
	 * exclude pattern is not entered.  The strings are not owned (argv);
	 * fixed arrays, so that options need no freeing on any return path.
	 */
	const char *include[VB_INGEST_MAX_GLOBS];
	size_t n_include;
	const char *exclude[VB_INGEST_MAX_GLOBS];
	size_t n_exclude;
};

/*
 * Add an --include (include true) or --exclude pattern to opts.  Returns
 * 0, or -1 when VB_INGEST_MAX_GLOBS of that kind are there already.
 */
int vb_ingest_add_glob(struct vb_ingest_opts *opts, bool include,
		       const char *glob);

/* Errors returned by readers (negative); reports say more. */
enum {
	VB_INGEST_OK = 0,
	VB_INGEST_EIO = -1,      /* cannot open or read the file */
	VB_INGEST_ESKIP = -2,    /* file skipped (binary, too large): reported */
};

/*
 * Parse one text document held in memory: optional front matter, then the
 * body.  A UTF-8 BOM is skipped.  Front matter starts with a line "---" at
 * the very start and ends with a line "---" or "..." (trailing blanks and
 * CRLF allowed) which must come within 64 KiB; in between is a YAML mapping
 * parsed with libyaml.  Keys id, title, date, source, url, lang/language,
 * type, author, speaker (ASCII case ignored) fill the fields; author and
 * speaker may be lists; others go to `extra`.  `default_id` is used when
 * the front matter has no id (NULL: the path).
 *
 * Returns 0, with warnings (an invalid date dropped, invalid UTF-8
 * repaired, a duplicate key) appended to `err` one per line, or -1 with
 * the reason in `err` and `doc` released, when the document is skipped:
 * broken YAML ("invalid front matter: <libyaml's problem> at line N", N the
 * line in the file), front matter that is not a mapping, no closing line
 * ("unterminated front matter: ..."), or an empty body.  `err` may be NULL.
 */
int vb_parse_text_doc(const char *data, size_t len, const char *path,
		      const char *default_id, struct vb_doc *doc,
		      struct vb_buf *err);

/*
 * Parse one JSON Lines record (`line` without its newline).  Fields as in
 * ../shared/README.md: text (required), id, title, date, source, url, lang,
 * type, speaker, author; unknown fields kept in `extra`.  Numbers are
 * accepted for text fields (an id 42, a date 1790); speaker and author may
 * be arrays of strings.  Invalid UTF-8 in the line is repaired before
 * parsing (jansson would refuse the line), with a warning.  `default_id` is
 * used when there is no id (NULL: the path).  Returns 0 with warnings in
 * `err` as vb_parse_text_doc() does, or -1 with the reason in `err` when
 * the line is not JSON, not an object, or has no text, an empty text or a
 * text that is not a string.
 */
int vb_parse_jsonl_record(const char *line, size_t len, const char *path,
			  unsigned lineno, const char *default_id,
			  struct vb_doc *doc, struct vb_buf *err);

/*
 * Parse one HTML page held in memory (UTF-8; vb_ingest_file() converts
 * other encodings first) with libxml2's HTML parser, which recovers from
 * malformed markup.  The body is the article's text: the content of
 * itemprop=articleBody, else the <article> with the most text, else
 * <main> or role=main, else the element whose paragraphs hold the most
 * text; navigation, scripts, styles, forms, headers, footers, sidebars and
 * elements whose class or id says nav, menu, footer, cookie, banner,
 * sidebar, share, related, comment, subscribe (and the like) are dropped.
 * Block elements end paragraphs (a blank line between them, as in text
 * files), <br> and <tr> end lines, white space is collapsed except in
 * <pre>.  Metadata, first found wins: JSON-LD (NewsArticle, Article,
 * PressRelease ..., also in @graph: headline, datePublished, author,
 * publisher.name, url, inLanguage), then <meta> (og:title, description,
 * article:published_time, og:site_name, og:url, author), then <title>
 * (the <h1> when the title is the <h1> and the site's name, the site then
 * a source), <time datetime>, <link rel=canonical>, <html lang>.  The description
 * goes to `extra`.  body_offset and body_line refer to the extracted
 * text.  Returns as vb_parse_text_doc() does; a page without text is
 * skipped ("no article text found").
 */
int vb_parse_html_doc(const char *data, size_t len, const char *path,
		      const char *default_id, struct vb_doc *doc,
		      struct vb_buf *err);

/*
 * Read one file (or "-" for standard input, read as JSON Lines unless
 * opts->format says VB_FORMAT_TEXT) and report its documents.  The format
 * VB_FORMAT_AUTO means JSON Lines for names ending in .jsonl or .ndjson
 * (any case), HTML for .html and .htm or content that starts like a page
 * ("<!DOCTYPE html", "<html"), text otherwise.  `id_base` is the path relative to the
 * indexed root, used to derive ids: text files get id_base; JSON Lines
 * records without id get "id_base#Lnn" (NULL: the path is used instead).
 * `opts` and `cb` (and its callbacks) may be NULL.
 *
 * Text and HTML files not in UTF-8 are converted to UTF-8 first: UTF-16
 * by its BOM, HTML by its <meta charset>, others by ICU's detector (see
 * ingest_decode() in ingest_priv.h); the encoding found is a note.  The
 * same holds for a JSON Lines file in UTF-16 with a BOM, which is
 * converted whole in memory (up to opts->max_file_size).  Binary files
 * (a NUL byte in the first 8 KiB, or more than 10% control characters
 * there) are skipped with a report; so are empty or white-space-only
 * files, and files over opts->max_file_size.  A text file is read whole; JSON Lines are
 * read line by line, so memory stays bounded by the longest line.  Bad
 * records in JSON Lines are reported and skipped, and reading goes on.
 *
 * Returns 0 (documents delivered; bad JSON Lines records may have been
 * skipped), VB_INGEST_EIO (cannot open or read: reported with the
 * system's reason), VB_INGEST_ESKIP (the file, or a text file's only
 * document, was skipped: reported), or a callback's non-zero value.
 */
int vb_ingest_file(const char *path, const char *id_base,
		   const struct vb_ingest_opts *opts,
		   const struct vb_ingest_cb *cb);

/*
 * Walk `root` (a file or a directory) recursively, depth first, in a stable
 * order (the names of each directory sorted bytewise), skipping hidden
 * files and directories (".name") and following symbolic links without
 * looping (directories seen before anywhere in this walk, by device and
 * inode, are skipped with a note).  For each regular file calls fn(path,
 * rel) where rel is the path relative to root (for a file root: its base
 * name); other kinds of files (pipes, sockets, devices) are skipped with
 * a report and never opened.  Entries that cannot be read (unreadable directories, broken links, files gone
 * since the directory was listed) are reported and skipped.  A non-zero
 * return from fn stops the walk and is returned; otherwise returns 0, or
 * VB_INGEST_EIO when root itself cannot be accessed, VB_INGEST_ESKIP when
 * it is neither a regular file nor a directory (both reported).
 */
typedef int (*vb_walk_fn)(const char *path, const char *rel, void *ud);
int vb_walk(const char *root, vb_walk_fn fn,
	    void (*on_report)(const struct vb_ingest_report *r, void *ud),
	    void *ud);

/*
 * vb_walk() keeping only the files that opts->include and opts->exclude
 * let through (see struct vb_ingest_opts; `opts` may be NULL).  They apply
 * to what is found inside directories: a file given as the root is
 * always passed on.
 */
int vb_walk_filtered(const char *root, const struct vb_ingest_opts *opts,
		     vb_walk_fn fn,
		     void (*on_report)(const struct vb_ingest_report *r, void *ud),
		     void *ud);

/*
 * 64-bit FNV-1a over bytes (content hashes for change detection).  Seed 0
 * gives the standard FNV-1a; another seed is XORed into the offset basis,
 * for hashes independent of the standard one.
 */
uint64_t vb_hash64(const void *data, size_t len, uint64_t seed);

#endif
