/* utf8.c: UTF-8 validation, repair with U+FFFD, decoding and counting. */
#include "text/text.h"

#include <stdint.h>
#include <string.h>

#define REPLACEMENT_UTF8 "\xEF\xBF\xBD"

/*
 * Eight bytes at a time: a word is "plain" when no byte has its high bit
 * set (ASCII) and no byte is zero (NUL must be replaced).  memcpy keeps the
 * unaligned load defined; compilers turn it into one instruction.
 */
static inline int word_is_plain_ascii(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof(v));
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL;
	uint64_t has_zero = (v - ones) & ~v & highs;
	return ((v & highs) | has_zero) == 0;
}

/*
 * Length of the well-formed sequence starting at s[i], or 0 when s[i] does
 * not start one.  When it returns 0, *maximal_subpart is set to the length
 * of the maximal subpart of an ill-formed sequence (at least 1): the longest
 * prefix that could still have begun a valid sequence, following Table 3-7
 * of the Unicode standard, as ICU and the WHATWG encoding spec do.
 */
static size_t sequence_length(const unsigned char *s, size_t len, size_t i,
			      size_t *maximal_subpart)
{
	unsigned char c = s[i];
	unsigned char lo = 0x80, hi = 0xBF;
	size_t need;

	if (c >= 0x01 && c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		if (c == 0xE0)
			lo = 0xA0;     /* overlong */
		else if (c == 0xED)
			hi = 0x9F;     /* surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		if (c == 0xF0)
			lo = 0x90;     /* overlong */
		else if (c == 0xF4)
			hi = 0x8F;     /* above U+10FFFF */
	} else {
		/* NUL, a stray continuation byte, C0, C1 or F5..FF. */
		*maximal_subpart = 1;
		return 0;
	}

	size_t k = 1;
	for (; k <= need; k++) {
		if (i + k >= len)
			break;
		unsigned char t = s[i + k];
		if (t < lo || t > hi)
			break;
		lo = 0x80;
		hi = 0xBF;
	}
	if (k > need)
		return need + 1;
	*maximal_subpart = k;
	return 0;
}

size_t vb_utf8_repair(const char *in, size_t len, struct vb_buf *out)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t repaired = 0;
	size_t run = 0;  /* start of the pending valid run to copy */
	size_t i = 0;

	vb_buf_grow(out, len);
	while (i < len) {
		while (i + 8 <= len && word_is_plain_ascii(s + i))
			i += 8;
		if (i >= len)
			break;
		if (s[i] >= 0x01 && s[i] < 0x80) {
			i++;
			continue;
		}
		size_t bad = 0;
		size_t n = sequence_length(s, len, i, &bad);
		if (n) {
			i += n;
			continue;
		}
		vb_buf_add(out, in + run, i - run);
		vb_buf_add(out, REPLACEMENT_UTF8, 3);
		repaired++;
		i += bad;
		run = i;
	}
	vb_buf_add(out, in + run, len - run);
	return repaired;
}

bool vb_utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		while (i + 8 <= len && word_is_plain_ascii(s + i))
			i += 8;
		if (i >= len)
			break;
		size_t bad = 0;
		size_t n = sequence_length(s, len, i, &bad);
		if (!n)
			return false;
		i += n;
	}
	return true;
}

unsigned vb_utf8_next(const char *str, size_t len, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t p = *i;

	if (p >= len)
		return 0;
	unsigned c = s[p];
	if (c < 0x80) {
		*i = p + 1;
		return c;
	}
	size_t need;
	unsigned cp;
	if (c >= 0xF0) {
		need = 3;
		cp = c & 0x07;
	} else if (c >= 0xE0) {
		need = 2;
		cp = c & 0x0F;
	} else if (c >= 0xC0) {
		need = 1;
		cp = c & 0x1F;
	} else {
		/* A continuation byte where a lead was expected. */
		*i = p + 1;
		return 0xFFFD;
	}
	/*
	 * The caller promised valid UTF-8, but a truncated tail must still not
	 * read past the end: stop there and report U+FFFD.
	 */
	for (size_t k = 1; k <= need; k++) {
		if (p + k >= len || (s[p + k] & 0xC0) != 0x80) {
			*i = p + k;
			return 0xFFFD;
		}
		cp = (cp << 6) | (s[p + k] & 0x3F);
	}
	*i = p + need + 1;
	return cp;
}

size_t vb_utf8_count(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = 0;

	/* Every byte that is not a continuation byte starts a code point. */
	for (size_t i = 0; i < len; i++)
		n += (s[i] & 0xC0) != 0x80;
	return n;
}
