/* normalize.c: NFKC_Casefold normalization and the word-to-term rules. */
#include "text/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

/*
 * Most words are short; these stack buffers (in UTF-16 units) let the ICU
 * path run without touching the heap.  Longer input falls back to malloc.
 */
#define STACK_UNITS 256

/*
 * Characters people and word processors type where they mean an apostrophe.
 * They are mapped before normalization because NFKC would otherwise turn
 * some of them (U+00B4 ACUTE ACCENT) into a space and a combining mark.
 */
static int is_apostrophe_lookalike(UChar c)
{
	switch (c) {
	case 0x0060:  /* GRAVE ACCENT */
	case 0x00B4:  /* ACUTE ACCENT */
	case 0x02B9:  /* MODIFIER LETTER PRIME */
	case 0x02BB:  /* MODIFIER LETTER TURNED COMMA */
	case 0x02BC:  /* MODIFIER LETTER APOSTROPHE */
	case 0x02BD:  /* MODIFIER LETTER REVERSED COMMA */
	case 0x2018:  /* LEFT SINGLE QUOTATION MARK */
	case 0x2019:  /* RIGHT SINGLE QUOTATION MARK */
	case 0x201B:  /* SINGLE HIGH-REVERSED-9 QUOTATION MARK */
	case 0x2032:  /* PRIME */
	case 0xFF07:  /* FULLWIDTH APOSTROPHE */
		return 1;
	default:
		return 0;
	}
}

static void add_icu_error(struct vb_buf *err, const char *what, UErrorCode st)
{
	if (err)
		vb_buf_addf(err, "icu %s failed: %s", what, u_errorName(st));
}

/*
 * NFKC_Casefold leaves every ASCII character alone except A-Z, which it
 * folds to a-z; the grave accent is our one ASCII apostrophe look-alike.
 * The unit test checks this agreement with ICU character by character.
 */
static void normalize_ascii(const char *s, size_t len, struct vb_buf *out)
{
	vb_buf_grow(out, len);
	char *d = out->buf + out->len;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + ('a' - 'A'));
		else if (c == '`')
			c = '\'';
		d[i] = c;
	}
	out->len += len;
	out->buf[out->len] = '\0';
}

static int is_ascii(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t v;
		memcpy(&v, p + i, sizeof(v));
		if (v & 0x8080808080808080ULL)
			return 0;
	}
	for (; i < len; i++)
		if (p[i] & 0x80)
			return 0;
	return 1;
}

static int normalize_icu(const char *s, size_t len, struct vb_buf *out,
			 struct vb_buf *err)
{
	UChar src_stack[STACK_UNITS], dst_stack[STACK_UNITS];
	UChar *src = src_stack, *dst = dst_stack;
	int32_t src_len = 0, dst_len = 0;
	UErrorCode st = U_ZERO_ERROR;
	int ret = VB_TEXT_OK;

	if (len > INT32_MAX / 4) {
		if (err)
			vb_buf_addf(err, "text of %zu bytes is too long to normalize", len);
		return VB_TEXT_EINVAL;
	}
	const UNormalizer2 *nfkc_cf = unorm2_getNFKCCasefoldInstance(&st);
	if (U_FAILURE(st)) {
		add_icu_error(err, "NFKC_Casefold instance", st);
		return VB_TEXT_EICU;
	}

	/* UTF-16 never needs more units than UTF-8 has bytes. */
	if (len > STACK_UNITS)
		src = vb_malloc(len * sizeof(UChar));
	u_strFromUTF8WithSub(src, (int32_t)(len > STACK_UNITS ? len : STACK_UNITS),
			     &src_len, s, (int32_t)len, 0xFFFD, NULL, &st);
	if (U_FAILURE(st)) {
		add_icu_error(err, "UTF-8 conversion", st);
		ret = VB_TEXT_EICU;
		goto out;
	}
	for (int32_t i = 0; i < src_len; i++)
		if (is_apostrophe_lookalike(src[i]))
			src[i] = '\'';

	dst_len = unorm2_normalize(nfkc_cf, src, src_len, dst, STACK_UNITS, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR) {
		/* Ligatures, ß and compatibility forms can expand the text. */
		st = U_ZERO_ERROR;
		dst = vb_malloc(((size_t)dst_len + 1) * sizeof(UChar));
		dst_len = unorm2_normalize(nfkc_cf, src, src_len, dst, dst_len + 1, &st);
	}
	if (U_FAILURE(st)) {
		add_icu_error(err, "normalization", st);
		ret = VB_TEXT_EICU;
		goto out;
	}

	/* Each UTF-16 unit becomes at most three UTF-8 bytes. */
	size_t room = (size_t)dst_len * 3;
	vb_buf_grow(out, room);
	int32_t written = 0;
	u_strToUTF8WithSub(out->buf + out->len, (int32_t)room + 1, &written,
			   dst, dst_len, 0xFFFD, NULL, &st);
	if (U_FAILURE(st)) {
		add_icu_error(err, "UTF-8 conversion", st);
		out->buf[out->len] = '\0';
		ret = VB_TEXT_EICU;
		goto out;
	}
	out->len += (size_t)written;
	out->buf[out->len] = '\0';
out:
	if (src != src_stack)
		free(src);
	if (dst != dst_stack)
		free(dst);
	return ret;
}

int vb_normalize(const char *s, size_t len, struct vb_buf *out,
		 struct vb_buf *err)
{
	if (!s && len) {
		if (err)
			vb_buf_adds(err, "no text to normalize");
		return VB_TEXT_EINVAL;
	}
	if (is_ascii(s, len)) {
		normalize_ascii(s, len, out);
		return VB_TEXT_OK;
	}
	return normalize_icu(s, len, out, err);
}

uint64_t vb_text_fingerprint(const char *s, size_t len)
{
	struct vb_buf norm = VB_BUF_INIT;
	uint64_t h = 0xcbf29ce484222325ULL;   /* FNV-1a's offset basis */

	if (vb_normalize(s, len, &norm, NULL) < 0)
		vb_buf_add(&norm, s, len);
	for (int32_t i = 0, n = (int32_t)norm.len; i < n;) {
		int32_t from = i;
		UChar32 c;
		U8_NEXT(norm.buf, i, n, c);
		/* Letters, digits and marks say what a text says; spaces,
		 * punctuation and symbols are how it was typeset. */
		if (c < 0 || !(u_isalnum(c) || u_getCombiningClass(c) ||
			       u_charType(c) == U_NON_SPACING_MARK ||
			       u_charType(c) == U_COMBINING_SPACING_MARK))
			continue;
		for (int32_t k = from; k < i; k++) {
			h ^= (unsigned char)norm.buf[k];
			h *= 0x100000001b3ULL;
		}
	}
	vb_buf_release(&norm);
	return h;
}

/*
 * Elided articles, pronouns and prepositions: French (l' d' qu' j' n' s' t'
 * m' c' jusqu' lorsqu' puisqu') and Italian (l' un' dell' all' nell' ...).
 * They only count as elision when a letter follows the apostrophe, so a
 * lone "l'" or "d'1" is left alone.
 */
static const char *const elisions[] = {
	"l", "d", "qu", "j", "n", "s", "t", "m", "c",
	"jusqu", "lorsqu", "puisqu", "quoiqu",
	"un", "dell", "dall", "nell", "sull", "all", "coll", "quest", "quell",
};

static size_t elision_length(const char *t, size_t len)
{
	for (size_t k = 0; k < sizeof(elisions) / sizeof(elisions[0]); k++) {
		size_t n = strlen(elisions[k]);
		if (n + 1 >= len || memcmp(t, elisions[k], n) != 0 || t[n] != '\'')
			continue;
		int32_t i = (int32_t)(n + 1);
		UChar32 cp;
		U8_NEXT((const uint8_t *)t, i, (int32_t)len, cp);
		if (cp >= 0 && u_isalpha(cp))
			return n + 1;
	}
	return 0;
}

static void strip_apostrophes(const char **t, size_t *len)
{
	while (*len && (*t)[0] == '\'') {
		(*t)++;
		(*len)--;
	}
	while (*len && (*t)[*len - 1] == '\'')
		(*len)--;
}

size_t vb_term_from_word(const char *w, size_t len, struct vb_buf *out)
{
	vb_buf_reset(out);
	if (vb_normalize(w, len, out, NULL) < 0) {
		vb_buf_reset(out);
		return 0;
	}

	const char *t = out->buf;
	size_t n = out->len;
	/* Almost every word has no apostrophe: nothing more to do. */
	if (!memchr(t, '\'', n))
		return n;
	strip_apostrophes(&t, &n);
	/* "ifpi's" -> "ifpi"; "members'" lost its apostrophe just above. */
	if (n > 2 && t[n - 2] == '\'' && t[n - 1] == 's') {
		n -= 2;
		strip_apostrophes(&t, &n);
	}
	size_t elided = elision_length(t, n);
	t += elided;
	n -= elided;
	strip_apostrophes(&t, &n);

	memmove(out->buf, t, n);
	vb_buf_truncate(out, n);
	return n;
}
