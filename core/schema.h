/* schema.h: the one table of term prefixes, value slots and document kinds. */
#ifndef VB_SCHEMA_H
#define VB_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

/*
 * verbatim's index follows Xapian's (omega's) conventions so that
 * xapian-delve, quest and xapian-compact work on it:
 *   Q  unique id of each Xapian document (passage id or document id)
 *   S  title words (unstemmed, on document records), ZS title stems
 *   Z  stems of the text (with positions): the index is STEM_ALL_Z
 *   L  language, Y publication year (finer dates: value slot 0)
 *   X...: ours, always ending in ':' so values may start with anything.
 * docs/schema.md describes the same table for people; keep them in step.
 */

#define VB_SCHEMA_VERSION "4"

/*
 * Function words stored without positions (schema 4): "the", "of", "und",
 * "les"... carry a third of all word positions, and the position table is
 * the largest part of the index.  They are still terms (wdf counted, found
 * by a plain query) and still count as positions, so the words around
 * them keep their distance; query.c searches the phrase "state of the
 * union" as "state", then "union" within 4 positions.  `norm` is a
 * normalized word (vb_analyzer_word); one list for every language, so
 * that documents and queries agree whatever the language
 * (docs/schema.md, docs/performance.md).
 */
bool vb_schema_unpositioned(const char *norm, size_t len);

/* Kinds of Xapian document, as the value of VB_PREFIX_KIND. */
#define VB_KIND_PASSAGE "passage"
#define VB_KIND_DOC "doc"

#define VB_PREFIX_UID "Q"
#define VB_PREFIX_STEM "Z"
#define VB_PREFIX_TITLE "S"
#define VB_PREFIX_LANG "L"
#define VB_PREFIX_YEAR "Y"
#define VB_PREFIX_KIND "XKIND:"
#define VB_PREFIX_DOC "XDOC:"
#define VB_PREFIX_SOURCE "XSOURCE:"
#define VB_PREFIX_TYPE "XTYPE:"
/* Extraction (passages and quote documents). Free-text ones hold "Z" +
 * prefix + stem, like the title. */
#define VB_PREFIX_SPEAKER "XSPK"        /* free: words of speakers' names */
#define VB_PREFIX_SPEAKER_ID "XSPEAKER:" /* boolean: corpus-wide speaker key */
#define VB_PREFIX_PERSON "XPER"         /* free: words of person entities */
#define VB_PREFIX_ORG "XORG"            /* free: words of organisations */
#define VB_PREFIX_PLACE "XPLC"          /* free: words of places */
#define VB_PREFIX_QUOTE "XQ"            /* free: words between quotation marks */
#define VB_PREFIX_HAS "XHAS:"           /* boolean: quote, speaker, date */
#define VB_PREFIX_MENTIONED "XMD:"      /* boolean: YYYY, YYYYMM, YYYYMMDD mentioned */
#define VB_PREFIX_ENTITY "XENT:"        /* type:canonical, wdf = mentions */
#define VB_PREFIX_QUOTE_KIND "XQKIND:"  /* boolean: direct, partial, indirect */
#define VB_PREFIX_QUOTE_ID "XQID:"      /* boolean: the id of a quote in the passage */

/* Database metadata: "verbatim.entity." + entity term -> the name as written;
 * the alias file the index was built with, as text. */
#define VB_META_ALIASES "verbatim.aliases"
#define VB_META_ENTITY_NAME "verbatim.entity."

/* Value slots. */
enum vb_slot {
	VB_SLOT_DATE = 0,     /* publication date YYYYMMDD (year-only: YYYY0101) */
	VB_SLOT_DOC = 1,      /* parent document id (collapse key for --per-doc) */
	VB_SLOT_ORDINAL = 2,  /* passage number in its document, 6 digits */
	VB_SLOT_HASH = 3,     /* doc records: content hash, 16 hex digits */
	VB_SLOT_PATH = 4,     /* doc records: the file the document came from */
};

/* How a query field maps to the index. */
enum vb_field_kind {
	VB_FIELD_FREE,        /* free text under a prefix, stemmed with Z */
	VB_FIELD_BOOLEAN,     /* exact filter term, value case-folded */
	VB_FIELD_EXACT,       /* exact filter term, value as typed (ids) */
	VB_FIELD_DATES,       /* boolean terms per year/month/day; ranges expand */
};

struct vb_field {
	const char *name;        /* as typed in queries: "title" (title:...) */
	const char *prefix;      /* term prefix */
	enum vb_field_kind kind;
	const char *help;        /* one line for --help and docs/schema.md */
};

/* The query fields, terminated by an entry with name NULL.  A name may
 * appear on several rows (entity: is person:, org: and place:). */
extern const struct vb_field vb_schema_fields[];

/* Value slots with names, for docs and `verbatim stats`. */
struct vb_slot_info {
	enum vb_slot slot;
	const char *name;
	const char *help;
};
extern const struct vb_slot_info vb_schema_slots[];

/* Longest term we index (Xapian's limit is 245 bytes); longer words are
 * skipped and longer ids hashed. */
#define VB_MAX_TERM 240
/* Longest word indexed (as Xapian's TermGenerator does). */
#define VB_MAX_WORD 64

#endif
