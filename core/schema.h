/* schema.h: the one table of term prefixes, value slots and document kinds. */
#ifndef VB_SCHEMA_H
#define VB_SCHEMA_H

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

#define VB_SCHEMA_VERSION "1"

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
	VB_FIELD_BOOLEAN,     /* exact filter term, value lowercased */
};

struct vb_field {
	const char *name;        /* as typed in queries: "title" (title:...) */
	const char *prefix;      /* term prefix */
	enum vb_field_kind kind;
	const char *help;        /* one line for --help and docs/schema.md */
};

/* The query fields, terminated by an entry with name NULL. */
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
