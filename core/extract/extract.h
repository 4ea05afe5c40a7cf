/* extract.h: quotes with their speakers, entities and dates found in the text of one document. */
#ifndef VB_EXTRACT_H
#define VB_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "text/text.h"
#include "util/buf.h"

/*
 * The extractor reads the body of one document (UTF-8; invalid bytes are
 * tolerated and never become part of a name) and finds:
 *
 *   - quotes: direct ("...", “...”, ‘...’, «...», „...“, 「...」, 『...』),
 *     partial (a quoted fragment inside reported speech) and indirect
 *     (reported speech: "X said (that) ...", "..., X said.", "according
 *     to X, ..."), each with its speaker when one can be found;
 *   - entities: persons, organisations, places, sums of money, percentages,
 *     each with a canonical form shared by all its mentions in the document;
 *   - dates: absolute and relative, resolved against the publication date;
 *   - boilerplate lines of scraped pages, kept out of all of the above.
 *
 * All offsets in the structures below are byte offsets into the body as
 * given to vb_extract(), half-open [start, end).  vb_extraction_to_json()
 * turns them into code-point offsets of the whole file.
 *
 * Functions returning int return 0 or a negative VB_EXTRACT_E* status and
 * append a message to `err` (which may be NULL); nothing here prints or exits.
 */

enum {
	VB_EXTRACT_OK = 0,
	VB_EXTRACT_EINVAL = -1,   /* bad argument */
	VB_EXTRACT_EIO = -2,      /* a file could not be read */
	VB_EXTRACT_EFORMAT = -3,  /* a file could be read but not parsed */
};

enum vb_quote_kind {
	VB_QUOTE_DIRECT,    /* the words as spoken, between quotation marks */
	VB_QUOTE_PARTIAL,   /* a quoted fragment inside a sentence of the writer */
	VB_QUOTE_INDIRECT,  /* reported speech: the reported clause */
};

enum vb_speaker_type {
	VB_SPEAKER_UNKNOWN,
	VB_SPEAKER_PERSON,
	VB_SPEAKER_ORGANISATION,
};

enum vb_entity_type {
	VB_ENTITY_PERSON,
	VB_ENTITY_ORGANISATION,
	VB_ENTITY_PLACE,
	VB_ENTITY_MONEY,
	VB_ENTITY_PERCENT,
};

enum vb_date_granularity {
	VB_DATE_DAY,
	VB_DATE_WEEK,
	VB_DATE_MONTH,
	VB_DATE_QUARTER,
	VB_DATE_YEAR,
	VB_DATE_DECADE,
};

/* A byte range of the body. */
struct vb_range {
	size_t start, end;
};

/*
 * Who said a quote.  `name` is the name as best known: for "he said" it is
 * the person "he" was resolved to, for "a spokesman for the Acme Union" it
 * is "a spokesman" (anonymous, org "Acme Union").  `canonical` is the one
 * name the document uses for that speaker ("Smith" -> "John Smith").
 * [start, end) is the mention this quote was attributed through ("he",
 * "John Smith", "the company"); start == end when the speaker comes from
 * the options (front-matter speaker, issuing organisation).  `mention` is
 * the text of that mention, or NULL.  role and org are NULL when unknown.
 */
struct vb_speaker {
	char *name;
	char *canonical;
	char *mention;
	char *role;
	char *org;
	enum vb_speaker_type type;
	bool anonymous;
	size_t start, end;
};

struct vb_quote {
	char id[17];                /* 16 hex digits: hash of doc id + text */
	char *text;                 /* spans joined by one space */
	size_t start, end;          /* from the first span's start to the last's end */
	enum vb_quote_kind kind;
	char *cue;                  /* the speech verb, lowercase ("said"), or NULL */
	bool has_speaker;
	struct vb_speaker speaker;  /* all NULL / 0 unless has_speaker */
	struct vb_range *spans;     /* text inside the quotation marks, in order */
	size_t nspans;
};

struct vb_entity {
	char *text;                 /* as written, possessive "'s" stripped */
	size_t start, end;
	enum vb_entity_type type;
	/*
	 * person: the fullest name of the document ("Smith" -> "John Smith");
	 * organisation: the long form of an acronym ("IFPI" -> "International
	 * Federation of the Phonographic Industry"), else the first spelling
	 * seen, or the alias file's canonical name; place: the gazetteer's
	 * name; money: "<ISO 4217 code> <amount>" ("USD 4500000"), "XXX" when
	 * the currency is unknown; percent: "<number>%" ("6.4%").
	 */
	char *canonical;
};

/*
 * A date.  `value` follows ISO 8601 / TIMEX3: "2005-04-12" (day),
 * "2007-W03" (week), "2005-04" (month), "2006-Q3" (quarter), "2005" (year),
 * "199" (decade: the 1990s); "XXXX-02-26" when the year is unknown.  `value`
 * is NULL for a relative date ("yesterday", "last month") when the
 * publication date is unknown or too coarse to resolve it: such dates are
 * still reported, never guessed.
 */
struct vb_date {
	char *text;
	size_t start, end;
	char *value;
	enum vb_date_granularity granularity;
	bool relative;
};

/* A boilerplate line (cookie notice, "Share this article", "Reuter"...). */
struct vb_dropped {
	size_t start, end;
	const char *reason;         /* static string: "error-banner", "signoff"... */
};

struct vb_extraction {
	struct vb_quote *quotes;
	size_t nquotes;
	struct vb_entity *entities;
	size_t nentities;
	struct vb_date *dates;
	size_t ndates;
	struct vb_dropped *dropped;
	size_t ndropped;
	/*
	 * The publication date used for relative dates: from the options, else
	 * from a dateline ("LONDON, 12 April 2005 -"), else "" (unknown).  It
	 * may be partial ("2008", "2008-02", "XXXX-02-26").
	 */
	char doc_date[16];
};

/*
 * Aliases: a file of known names, read once and shared read-only by any
 * number of extractors and threads.  Format: tab-separated lines,
 *
 *   canonical name <TAB> type <TAB> alias <TAB> alias ...
 *
 * where type is person, organisation (or organization, org) or place.
 * Empty lines and lines starting with '#' are ignored.  Matching is
 * case-insensitive on whole capitalised names; a mention of an alias (or of
 * the canonical name itself) gets that type and canonical name.
 */
struct vb_aliases;

int vb_aliases_load(struct vb_aliases **out, const char *path,
		    struct vb_buf *err);
/* Add the entries of an alias file's text to `a`; `name` names it in
 * messages.  VB_EXTRACT_EFORMAT with "'name' line N: ..." on a bad line. */
int vb_aliases_parse(struct vb_aliases *a, const char *text, size_t len,
		     const char *name, struct vb_buf *err);
/* Add the entries of the alias file at `path` to `a` (VB_EXTRACT_EIO when
 * it cannot be read, VB_EXTRACT_EFORMAT on a bad line). */
int vb_aliases_read(struct vb_aliases *a, const char *path, struct vb_buf *err);
/* The canonical name of `name` (an alias or a canonical name, any case),
 * with its type in *type (may be NULL), or NULL when unknown. */
const char *vb_aliases_lookup(const struct vb_aliases *a, const char *name,
			      size_t len, enum vb_entity_type *type);
/* Add one entry by hand (the same as one line of the file). */
void vb_aliases_add(struct vb_aliases *a, const char *canonical,
		    enum vb_entity_type type, const char *const *aliases,
		    size_t naliases);
struct vb_aliases *vb_aliases_new(void);
void vb_aliases_free(struct vb_aliases *a);

/* Per-document options; every field may be NULL. */
struct vb_extract_opts {
	const char *doc_id;      /* part of the quote ids */
	const char *doc_date;    /* publication date, ISO 8601: "2008-02-04", "2008-02", "2008" */
	const char *lang;        /* "en", "de", ...; informative for now */
	const char *source_org;  /* issuing organisation: speaker of "it" with no antecedent */
	const char *speaker;     /* front-matter author/speaker */
	/*
	 * "statement", "speech", "press-release", "article"...  When the type is
	 * "statement" or "speech" and `speaker` is set, the whole text is that
	 * speaker's: unattributed direct quotes and paragraphs written in the
	 * first person are quotes of that speaker.  For other types `speaker`
	 * only attributes direct quotes that have no other speaker.
	 */
	const char *doc_type;
	const struct vb_aliases *aliases;
};

/* Where the gazetteer's country and subdivision names are read from. */
#define VB_ISO_CODES_DIR "/usr/share/iso-codes/json"

struct vb_extractor_config {
	/*
	 * Directory holding iso_3166-1.json and iso_3166-2.json (Debian's
	 * iso-codes).  NULL: $VB_ISO_CODES_DIR if set, else VB_ISO_CODES_DIR.
	 * When the files are missing the gazetteer holds only the built-in
	 * list of major cities and countries: not an error.
	 */
	const char *iso_codes_dir;
};

/*
 * An extractor holds the word lists and the gazetteer; create one per thread
 * (vb_extract() does not modify it, but it is not designed for sharing).
 * `cfg` may be NULL.
 */
typedef struct vb_extractor vb_extractor;

int vb_extractor_new(vb_extractor **out, const struct vb_extractor_config *cfg,
		     struct vb_buf *err);
void vb_extractor_free(vb_extractor *ex);
/* How many place names the gazetteer holds (for diagnostics and tests). */
size_t vb_extractor_gazetteer_size(const vb_extractor *ex);

/* The longest body vb_extract() reads, in bytes (offsets are kept in 32 bits). */
#define VB_EXTRACT_MAX_LEN ((size_t)UINT32_MAX)

/*
 * Extract everything from body[0..len).  `out` is overwritten (call
 * vb_extraction_release() on it afterwards, also after an error); `opts`
 * may be NULL.  Returns 0, or VB_EXTRACT_EINVAL for NULL arguments or a
 * body longer than VB_EXTRACT_MAX_LEN.  Time grows about linearly with
 * len, and so does memory: 10 to 20 bytes per byte of English text.
 */
int vb_extract(vb_extractor *ex, const char *body, size_t len,
	       const struct vb_extract_opts *opts, struct vb_extraction *out,
	       struct vb_buf *err);
void vb_extraction_release(struct vb_extraction *x);

/*
 * The extraction as the JSON object printed by `verbatim extract --json`:
 * {"doc_date", "quotes", "entities", "dates", "dropped"}.  Offsets in it
 * ("start", "end") are code points of the whole file, "byte_start" and
 * "byte_end" bytes of it: the body starts at byte `base_bytes` and code
 * point `base_cps` of the file.  `body` and `len` must be those given to
 * vb_extract().  *out receives a new reference.
 */
void vb_extraction_to_json(const struct vb_extraction *x, const char *body,
			   size_t len, size_t base_bytes, size_t base_cps,
			   json_t **out);

/*
 * Boilerplate lines of body[0..len) (the same ones vb_extract() reports as
 * dropped), appended to `out` as byte ranges; free out->v with free() or
 * vb_spans_release().  The indexer keeps them out of passages.
 */
void vb_boilerplate_spans(const char *body, size_t len, struct vb_spans *out);

/*
 * A corpus-wide key for a speaker, usable as a speaker id: the name
 * lowercased, without honorifics ("Mr", "Dr"), punctuation and diacritics
 * of Latin letters, spaces collapsed, then "|" and the organisation
 * normalised the same way (empty when NULL).  "Dr. John  Smith", "ACME
 * Corp." -> "john smith|acme corp".  Appended to `out`.
 */
void vb_speaker_key(const char *name, const char *org, struct vb_buf *out);

const char *vb_quote_kind_name(enum vb_quote_kind k);
const char *vb_speaker_type_name(enum vb_speaker_type t);
const char *vb_entity_type_name(enum vb_entity_type t);
const char *vb_date_granularity_name(enum vb_date_granularity g);

#endif
