/* lang.c: language tags to Snowball stemmer names, and scripts without spaces. */
#include "text/text.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

/*
 * Every name here is one that Xapian 1.4's Xapian::Stem accepts.  Languages
 * without a stemmer in Xapian 1.4 (Chinese, Japanese, Korean, Greek, Polish,
 * ...) are simply absent, so they map to NULL and are indexed unstemmed.
 */
struct lang_name {
	const char *code;      /* ISO 639-1, 639-2/B, 639-2/T or 639-3 code */
	const char *stemmer;
};

static const struct lang_name codes[] = {
	{ "ar", "arabic" },     { "ara", "arabic" },
	{ "hy", "armenian" },   { "hye", "armenian" },  { "arm", "armenian" },
	{ "eu", "basque" },     { "eus", "basque" },    { "baq", "basque" },
	{ "ca", "catalan" },    { "cat", "catalan" },
	{ "da", "danish" },     { "dan", "danish" },
	{ "nl", "dutch" },      { "nld", "dutch" },     { "dut", "dutch" },
	{ "en", "english" },    { "eng", "english" },
	{ "fi", "finnish" },    { "fin", "finnish" },
	{ "fr", "french" },     { "fra", "french" },    { "fre", "french" },
	{ "de", "german" },     { "deu", "german" },    { "ger", "german" },
	{ "gsw", "german" },
	{ "hu", "hungarian" },  { "hun", "hungarian" },
	{ "id", "indonesian" }, { "ind", "indonesian" }, { "in", "indonesian" },
	{ "ga", "irish" },      { "gle", "irish" },
	{ "it", "italian" },    { "ita", "italian" },
	{ "lt", "lithuanian" }, { "lit", "lithuanian" },
	{ "ne", "nepali" },     { "nep", "nepali" },
	{ "no", "norwegian" },  { "nor", "norwegian" },
	{ "nb", "norwegian" },  { "nob", "norwegian" },
	{ "nn", "norwegian" },  { "nno", "norwegian" },
	{ "pt", "portuguese" }, { "por", "portuguese" },
	{ "ro", "romanian" },   { "ron", "romanian" },  { "rum", "romanian" },
	{ "mo", "romanian" },
	{ "ru", "russian" },    { "rus", "russian" },
	{ "es", "spanish" },    { "spa", "spanish" },
	{ "sv", "swedish" },    { "swe", "swedish" },
	{ "ta", "tamil" },      { "tam", "tamil" },
	{ "tr", "turkish" },    { "tur", "turkish" },
};

/* Full names in English and in the language itself, lowercase. */
static const struct lang_name names[] = {
	{ "arabic", "arabic" },
	{ "armenian", "armenian" },
	{ "basque", "basque" },         { "euskara", "basque" },
	{ "catalan", "catalan" },       { "català", "catalan" },
	{ "danish", "danish" },         { "dansk", "danish" },
	{ "dutch", "dutch" },           { "nederlands", "dutch" },
	{ "english", "english" },
	{ "finnish", "finnish" },       { "suomi", "finnish" },
	{ "french", "french" },         { "français", "french" },
	{ "francais", "french" },
	{ "german", "german" },         { "deutsch", "german" },
	{ "hungarian", "hungarian" },   { "magyar", "hungarian" },
	{ "indonesian", "indonesian" }, { "bahasa indonesia", "indonesian" },
	{ "irish", "irish" },           { "gaeilge", "irish" },
	{ "italian", "italian" },       { "italiano", "italian" },
	{ "lithuanian", "lithuanian" }, { "lietuvių", "lithuanian" },
	{ "nepali", "nepali" },
	{ "norwegian", "norwegian" },   { "norsk", "norwegian" },
	{ "bokmål", "norwegian" },      { "nynorsk", "norwegian" },
	{ "portuguese", "portuguese" }, { "português", "portuguese" },
	{ "portugues", "portuguese" },
	{ "romanian", "romanian" },     { "română", "romanian" },
	{ "russian", "russian" },       { "русский", "russian" },
	{ "spanish", "spanish" },       { "español", "spanish" },
	{ "espanol", "spanish" },       { "castellano", "spanish" },
	{ "swedish", "swedish" },       { "svenska", "swedish" },
	{ "tamil", "tamil" },
	{ "turkish", "turkish" },       { "türkçe", "turkish" },
};

static const char *lookup(const struct lang_name *table, size_t n,
			  const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(table[i].code, key))
			return table[i].stemmer;
	return NULL;
}

const char *vb_stemmer_for_lang(const char *lang)
{
	char key[48];
	size_t n = 0;

	if (!lang)
		return NULL;
	while (*lang == ' ' || *lang == '\t')
		lang++;
	/* Lowercase ASCII only: the native names above are already lowercase. */
	for (; lang[n] && n + 1 < sizeof(key); n++) {
		char c = lang[n];
		key[n] = (c >= 'A' && c <= 'Z') ? (char)(c + ('a' - 'A')) : c;
	}
	if (lang[n])
		return NULL;
	while (n && (key[n - 1] == ' ' || key[n - 1] == '\t'))
		n--;
	key[n] = '\0';

	const char *found = lookup(names, sizeof(names) / sizeof(names[0]), key);
	if (found)
		return found;
	/* "en-GB", "de_AT", "pt-BR", "fr@euro" and "en.UTF-8" keep their language. */
	key[strcspn(key, "-_@.")] = '\0';
	return lookup(codes, sizeof(codes) / sizeof(codes[0]), key);
}

bool vb_codepoint_is_ideographic(unsigned cp)
{
	if (cp > 0x10FFFF)
		return false;
	UChar32 c = (UChar32)cp;
	if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC))
		return true;

	UErrorCode st = U_ZERO_ERROR;
	switch (uscript_getScript(c, &st)) {
	case USCRIPT_HAN:
	case USCRIPT_HIRAGANA:
	case USCRIPT_KATAKANA:
	case USCRIPT_KATAKANA_OR_HIRAGANA:
	case USCRIPT_HANGUL:
	case USCRIPT_BOPOMOFO:
	case USCRIPT_THAI:
	case USCRIPT_LAO:
	case USCRIPT_KHMER:
	case USCRIPT_MYANMAR:
		return true;
	case USCRIPT_COMMON:
	case USCRIPT_INHERITED:
		break;
	default:
		return false;
	}
	/*
	 * Shared letters such as the prolonged sound mark U+30FC belong to the
	 * Common script but only ever occur inside kana words; punctuation such
	 * as U+3001 IDEOGRAPHIC COMMA is not part of any word and stays out.
	 */
	if (!u_isalpha(c))
		return false;
	return uscript_hasScript(c, USCRIPT_HIRAGANA) ||
	       uscript_hasScript(c, USCRIPT_KATAKANA) ||
	       uscript_hasScript(c, USCRIPT_HAN);
}
