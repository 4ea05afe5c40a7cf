/* schema.c: the table of query fields and value slots described in schema.h. */
#include "schema.h"

#include <string.h>

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

/*
 * Chosen by how often they occur (each is in most passages of English,
 * German, French, Spanish or Italian text), leaving out words that are
 * content words in another of those languages ("die", "war", "will",
 * "also", "man", "con"), negations ("not", "nicht", "pas", "no") and
 * words that are names when capitalised ("us", "who").  One sorted table
 * per length in bytes, searched by bisection: this runs for every word
 * indexed.
 */
static const char unpositioned1[][1] = {
	"a", "e", "i", "y",
};
static const char unpositioned2[][2] = {
	"an", "as", "at", "au", "be", "by", "ce", "di", "du", "el",
	"en", "es", "et", "he", "il", "im", "in", "is", "it", "la", "le",
	"lo", "of", "on", "or", "se", "su", "to", "un", "we", "zu",
};
static const char unpositioned3[][3] = {
	"and", "are", "auf", "aux", "das", "del", "dem", "den", "der", "des",
	"ein", "for", "gli", "had", "has", "her", "his", "ist", "its", "las",
	"les", "los", "mit", "our", "par", "per", "que", "qui", "she", "sie",
	"sur", "sus", "the", "una", "und", "une", "von", "was", "you",
};
static const char unpositioned4[][4] = {
	"been", "dans", "eine", "from", "f\xc3\xbcr", "have", "para", "pour",
	"sich", "that", "them", "they", "this", "were", "with", "your",
};
static const char unpositioned5[][5] = {
	"della", "einem", "einen", "einer", "their", "there", "these",
	"those", "which",
};

static const struct {
	const char *words;
	size_t n;
} unpositioned_by_len[6] = {
	[1] = { &unpositioned1[0][0], 4 },
	[2] = { &unpositioned2[0][0], 31 },
	[3] = { &unpositioned3[0][0], 39 },
	[4] = { &unpositioned4[0][0], 16 },
	[5] = { &unpositioned5[0][0], 9 },
};

bool vb_schema_unpositioned(const char *norm, size_t len)
{
	if (len == 0 || len >= sizeof(unpositioned_by_len) / sizeof(unpositioned_by_len[0]))
		return false;
	const char *words = unpositioned_by_len[len].words;
	size_t lo = 0, hi = unpositioned_by_len[len].n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = memcmp(words + mid * len, norm, len);
		if (!c)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}
