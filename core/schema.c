/* schema.c: the table of query fields and value slots described in schema.h. */
#include "schema.h"

const struct vb_field vb_schema_fields[] = {
	{ "title", VB_PREFIX_TITLE, VB_FIELD_FREE, "words of the document title" },
	{ "source", VB_PREFIX_SOURCE, VB_FIELD_BOOLEAN, "publisher or source, exact (source:reuters)" },
	{ "lang", VB_PREFIX_LANG, VB_FIELD_BOOLEAN, "language tag (lang:de)" },
	{ "type", VB_PREFIX_TYPE, VB_FIELD_BOOLEAN, "document type (type:press_release)" },
	{ "id", VB_PREFIX_DOC, VB_FIELD_EXACT, "document id, exact and case-sensitive" },
	{ "year", VB_PREFIX_YEAR, VB_FIELD_BOOLEAN, "publication year (year:2006)" },
	{ "speaker", VB_PREFIX_SPEAKER, VB_FIELD_FREE, "a speaker of a quote in the passage, by name (speaker:kennedy)" },
	{ "person", VB_PREFIX_PERSON, VB_FIELD_FREE, "a person mentioned" },
	{ "org", VB_PREFIX_ORG, VB_FIELD_FREE, "an organisation mentioned, or a speaker's organisation" },
	{ "place", VB_PREFIX_PLACE, VB_FIELD_FREE, "a place mentioned" },
	{ "entity", VB_PREFIX_PERSON, VB_FIELD_FREE, "a person, organisation or place mentioned" },
	{ "entity", VB_PREFIX_ORG, VB_FIELD_FREE, NULL },
	{ "entity", VB_PREFIX_PLACE, VB_FIELD_FREE, NULL },
	{ "quote", VB_PREFIX_QUOTE, VB_FIELD_FREE, "words inside quotes (quote:\"in weeks\")" },
	{ "has", VB_PREFIX_HAS, VB_FIELD_BOOLEAN, "has:quote, has:speaker, has:date" },
	{ "kind", VB_PREFIX_QUOTE_KIND, VB_FIELD_BOOLEAN, "holds a quote of this kind: direct, partial, indirect" },
	{ "mentioned", VB_PREFIX_MENTIONED, VB_FIELD_DATES, "a date mentioned in the text (mentioned:2007-12, mentioned:2005..2007)" },
	{ NULL, NULL, VB_FIELD_FREE, NULL },
};

const struct vb_slot_info vb_schema_slots[] = {
	{ VB_SLOT_DATE, "date", "publication date YYYYMMDD (date:2005..2007)" },
	{ VB_SLOT_DOC, "doc", "parent document id" },
	{ VB_SLOT_ORDINAL, "ordinal", "passage number in its document" },
	{ VB_SLOT_HASH, "hash", "content hash of the document (doc records)" },
	{ VB_SLOT_PATH, "path", "source file of the document (doc records)" },
	{ 0, NULL, NULL },
};
