/* encoding.c: recognising the character encoding of input files and converting them to UTF-8 with ICU. */
#include "ingest.h"
#include "ingest_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

/*
 * ICU's detector reads this many leading bytes: its statistics settle long
 * before, and a 256 MB file need not be scanned twice.
 */
#define DETECT_BYTES (64 * 1024)

/* An HTML page declares its encoding within this many leading bytes. */
#define DECLARE_BYTES 4096

/*
 * Below this confidence (ICU's 0-100) the detector's guess is still used,
 * since a guess beats U+FFFD everywhere, but the user is told.  ICU rates
 * single-byte encodings of short texts at 10-40 even when right, so the
 * bar is low: it flags guesses that rest on next to nothing.
 */
#define LOW_CONFIDENCE 20

/*
 * Classify data[0..len) as UTF-8: count well-formed multi-byte sequences
 * and malformed bytes.  A file that is UTF-8 with a few broken bytes (a cut
 * sequence, a stray byte pasted in) has more of the former; text in a
 * legacy encoding has none of the former, or only by accident.
 */
static void utf8_census(const unsigned char *p, size_t len, size_t *good,
			size_t *bad)
{
	size_t i = 0;

	*good = *bad = 0;
	while (i < len) {
		unsigned char c = p[i];
		size_t n;
		unsigned min;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 2;
			min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 3;
			min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 4;
			min = 0x10000;
		} else {
			(*bad)++;
			i++;
			continue;
		}
		unsigned cp = c & (0x7F >> n);
		size_t k = 1;
		while (k < n && i + k < len && (p[i + k] & 0xC0) == 0x80) {
			cp = (cp << 6) | (p[i + k] & 0x3F);
			k++;
		}
		if (k < n || cp < min || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF)) {
			(*bad)++;
			i++;
			continue;
		}
		(*good)++;
		i += n;
	}
}

/*
 * Convert data[0..len) from `charset` to UTF-8 into out.  ICU replaces
 * bytes that are not valid in the charset by U+FFFD (or U+001A, which the
 * binary check downstream tolerates in small numbers).  Returns false when
 * ICU does not know the charset.
 */
static bool convert(const char *data, size_t len, const char *charset,
		    struct vb_buf *out)
{
	UErrorCode st = U_ZERO_ERROR;

	if (len > INT32_MAX / 4)
		return false;
	/* At most 3 bytes of UTF-8 per input byte (a single byte may
	 * become a BMP character), plus room for the terminator. */
	int32_t cap = (int32_t)len * 3 + 16;
	vb_buf_reset(out);
	vb_buf_grow(out, (size_t)cap);
	int32_t n = ucnv_convert("UTF-8", charset, out->buf, cap, data,
				 (int32_t)len, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR) {
		st = U_ZERO_ERROR;
		vb_buf_grow(out, (size_t)n + 1);
		n = ucnv_convert("UTF-8", charset, out->buf, n + 1, data,
				 (int32_t)len, &st);
	}
	if (U_FAILURE(st))
		return false;
	out->len = (size_t)n;
	out->buf[n] = '\0';
	return true;
}

/* True when ICU can open a converter by this name. */
static bool known_charset(const char *name)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *c = ucnv_open(name, &st);

	if (U_FAILURE(st))
		return false;
	ucnv_close(c);
	return true;
}

/*
 * The charset an HTML page declares in its first bytes: <meta charset=X>
 * or <meta http-equiv="Content-Type" content="text/html; charset=X">.
 * Like the HTML standard's prescan, this looks for "charset=" inside a
 * <meta ...> tag rather than parsing: the parser needs the answer first.
 * Writes the name into out; false when there is none.
 */
bool ingest_html_declared_charset(const char *data, size_t len, char *out,
				  size_t size)
{
	size_t n = len < DECLARE_BYTES ? len : DECLARE_BYTES;

	for (size_t i = 0; i + 5 < n; i++) {
		if (data[i] != '<' || strncasecmp(data + i + 1, "meta", 4))
			continue;
		const char *end = memchr(data + i, '>', n - i);
		if (!end)
			return false;
		for (const char *p = data + i; p + 8 <= end; p++) {
			if (strncasecmp(p, "charset", 7))
				continue;
			const char *v = p + 7;
			while (v < end && (*v == ' ' || *v == '\t'))
				v++;
			if (v == end || *v != '=')
				continue;
			v++;
			while (v < end && (*v == ' ' || *v == '\t' ||
					   *v == '"' || *v == '\''))
				v++;
			size_t k = 0;
			while (v + k < end && k + 1 < size &&
			       !strchr(" \t\r\n\"';/>", v[k]))
				k++;
			if (!k)
				continue;
			memcpy(out, v, k);
			out[k] = '\0';
			return true;
		}
		i = (size_t)(end - data);
	}
	return false;
}

/*
 * Browsers read these labels as windows-1252 (the HTML standard's table),
 * and so do pages that say them: their curly quotes are at 0x93, 0x94.
 */
static const char *html_charset_alias(const char *label)
{
	static const char *const latin1[] = {
		"iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii",
		"cp1252", "x-cp1252",
	};
	for (size_t i = 0; i < sizeof(latin1) / sizeof(latin1[0]); i++)
		if (!strcasecmp(label, latin1[i]))
			return "windows-1252";
	return label;
}

/*
 * Ask ICU's detector for its best guess; false when it has none.  Guesses
 * of UTF-16 and UTF-32 are passed over: without a BOM such text has NUL
 * bytes, which the binary check has refused already, so the guess can only
 * be wrong (ICU offers it for short texts of a few letters).
 */
static bool detect(const char *data, size_t len, bool markup,
		   struct ingest_charset *cs)
{
	UErrorCode st = U_ZERO_ERROR;
	UCharsetDetector *d = ucsdet_open(&st);
	bool ok = false;
	int32_t n = 0;

	if (U_FAILURE(st))
		return false;
	ucsdet_enableInputFilter(d, markup);
	ucsdet_setText(d, data, (int32_t)(len < DETECT_BYTES ? len : DETECT_BYTES),
		       &st);
	const UCharsetMatch **m = ucsdet_detectAll(d, &n, &st);
	for (int32_t i = 0; U_SUCCESS(st) && i < n && !ok; i++) {
		const char *name = ucsdet_getName(m[i], &st);
		int32_t conf = ucsdet_getConfidence(m[i], &st);
		if (U_FAILURE(st) || !name || !strncmp(name, "UTF-16", 6) ||
		    !strncmp(name, "UTF-32", 6))
			continue;
		snprintf(cs->name, sizeof(cs->name), "%s", name);
		cs->confidence = conf;
		ok = true;
	}
	ucsdet_close(d);
	return ok;
}

int ingest_decode(const char *data, size_t len, bool markup,
		  struct vb_buf *out, struct ingest_charset *cs,
		  const struct ingest_sink *sink)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t good, bad;

	memset(cs, 0, sizeof(*cs));
	cs->how = INGEST_CHARSET_UTF8;
	snprintf(cs->name, sizeof(cs->name), "UTF-8");

	/* A byte order mark is the strongest evidence there is. */
	if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) ||
			 (p[0] == 0xFE && p[1] == 0xFF))) {
		bool le = p[0] == 0xFF;
		cs->how = INGEST_CHARSET_BOM;
		cs->confidence = 100;
		snprintf(cs->name, sizeof(cs->name), le ? "UTF-16LE" : "UTF-16BE");
		if (!convert(data + 2, len - 2, cs->name, out)) {
			ingest_report(sink, 0, true,
				      "cannot convert from %s, skipped", cs->name);
			return -1;
		}
		ingest_note(sink, "%s (byte order mark)", cs->name);
		return 1;
	}

	utf8_census(p, len, &good, &bad);
	/* Valid UTF-8, or UTF-8 with a few broken bytes (repaired later). */
	if (!bad || good >= bad)
		return 0;

	char declared[40];
	if (markup && ingest_html_declared_charset(data, len, declared,
						   sizeof(declared))) {
		const char *name = html_charset_alias(declared);
		if (strcasecmp(name, "utf-8") && strcasecmp(name, "utf8") &&
		    known_charset(name)) {
			cs->how = INGEST_CHARSET_DECLARED;
			cs->confidence = 100;
			snprintf(cs->name, sizeof(cs->name), "%s", name);
			if (convert(data, len, name, out)) {
				ingest_note(sink, "%s (declared)", cs->name);
				return 1;
			}
		}
		/* A page that lies about being UTF-8, or names a charset
		 * ICU does not know: let the detector judge the bytes. */
	}

	if (!detect(data, len, markup, cs)) {
		/* Too little to go by (a few accented letters): the most
		 * common legacy encoding, which maps every byte, beats U+FFFD. */
		snprintf(cs->name, sizeof(cs->name), "windows-1252");
		cs->confidence = 0;
	}
	if (!convert(data, len, cs->name, out)) {
		/* ICU named a charset it cannot convert: repair as UTF-8. */
		ingest_report(sink, 0, false,
			      "cannot convert from %s, read as UTF-8 with invalid bytes replaced",
			      cs->name);
		cs->how = INGEST_CHARSET_UTF8;
		snprintf(cs->name, sizeof(cs->name), "UTF-8");
		return 0;
	}
	cs->how = INGEST_CHARSET_DETECTED;
	ingest_note(sink, "%s (confidence %d)", cs->name, cs->confidence);
	if (cs->confidence < LOW_CONFIDENCE)
		ingest_report(sink, 0, false,
			      "not UTF-8; guessed %s with low confidence (%d), converted from it",
			      cs->name, cs->confidence);
	return 1;
}
