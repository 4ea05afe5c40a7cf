/* test_text.c: unit tests of the ICU text pipeline (core/text/text.h). */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>

#include "text/text.h"

/* ---- helpers ------------------------------------------------------------ */

static int setup_tokenizer(void **state)
{
	vb_tokenizer *tk = NULL;
	struct vb_buf err = VB_BUF_INIT;
	int ret = vb_tokenizer_new(&tk, "en", &err);
	if (ret)
		fprintf(stderr, "%s\n", err.buf);
	vb_buf_release(&err);
	*state = tk;
	return ret;
}

static int teardown_tokenizer(void **state)
{
	vb_tokenizer_free(*state);
	return 0;
}

static void assert_repair(const char *in, size_t len, const char *want,
			  size_t want_count)
{
	struct vb_buf out = VB_BUF_INIT;
	size_t count = vb_utf8_repair(in, len, &out);
	assert_int_equal(count, want_count);
	assert_int_equal(out.len, strlen(want));
	assert_memory_equal(out.buf, want, out.len);
	assert_true(vb_utf8_valid(out.buf, out.len));
	assert_int_equal(vb_utf8_valid(in, len), want_count == 0);
	vb_buf_release(&out);
}

static char *normalized(const char *s)
{
	struct vb_buf out = VB_BUF_INIT;
	struct vb_buf err = VB_BUF_INIT;
	assert_int_equal(vb_normalize(s, strlen(s), &out, &err), VB_TEXT_OK);
	assert_int_equal(err.len, 0);
	vb_buf_release(&err);
	return vb_buf_detach(&out, NULL);
}

static void assert_normalizes(const char *in, const char *want)
{
	char *got = normalized(in);
	assert_string_equal(got, want);
	free(got);
}

static void assert_term(const char *word, const char *want)
{
	struct vb_buf out = VB_BUF_INIT;
	size_t n = vb_term_from_word(word, strlen(word), &out);
	assert_string_equal(out.buf, want);
	assert_int_equal(n, strlen(want));
	vb_buf_release(&out);
}

/*
 * Tokenize `text` and compare with the expected words, given as one string
 * of words separated by '|'.  Every token's offsets must point at its word.
 */
static void assert_words(vb_tokenizer *tk, const char *text, const char *want)
{
	struct vb_tokens toks = { 0 };
	struct vb_buf got = VB_BUF_INIT;
	assert_int_equal(vb_words(tk, text, strlen(text), &toks, NULL), VB_TEXT_OK);
	for (size_t i = 0; i < toks.n; i++) {
		assert_true(toks.v[i].start < toks.v[i].end);
		assert_true(toks.v[i].end <= strlen(text));
		if (i)
			vb_buf_addch(&got, '|');
		vb_buf_add(&got, text + toks.v[i].start,
			   toks.v[i].end - toks.v[i].start);
	}
	assert_string_equal(got.buf, want);
	vb_buf_release(&got);
	vb_tokens_release(&toks);
}

/* The same for sentences or paragraphs, joined with " | ". */
static void assert_spans(const char *text, const struct vb_spans *sp,
			 const char *want)
{
	struct vb_buf got = VB_BUF_INIT;
	for (size_t i = 0; i < sp->n; i++) {
		assert_true(sp->v[i].start < sp->v[i].end);
		assert_true(sp->v[i].end <= strlen(text));
		if (i)
			vb_buf_adds(&got, " | ");
		vb_buf_add(&got, text + sp->v[i].start,
			   sp->v[i].end - sp->v[i].start);
	}
	assert_string_equal(got.buf, want);
	vb_buf_release(&got);
}

static void assert_sentences(vb_tokenizer *tk, const char *text,
			     const char *want)
{
	struct vb_spans sp = { 0 };
	assert_int_equal(vb_sentences(tk, text, strlen(text), &sp, NULL), VB_TEXT_OK);
	assert_spans(text, &sp, want);
	vb_spans_release(&sp);
}

static void assert_paragraphs(const char *text, const char *want)
{
	struct vb_spans sp = { 0 };
	vb_paragraphs(text, strlen(text), &sp);
	assert_spans(text, &sp, want);
	vb_spans_release(&sp);
}

static bool has_token(const char *text, const struct vb_tokens *toks,
		      const char *word, enum vb_token_kind kind)
{
	for (size_t i = 0; i < toks->n; i++) {
		size_t n = toks->v[i].end - toks->v[i].start;
		if (n == strlen(word) && !memcmp(text + toks->v[i].start, word, n) &&
		    toks->v[i].kind == kind)
			return true;
	}
	return false;
}

/* ---- UTF-8 -------------------------------------------------------------- */

static void test_repair_valid(void **state)
{
	(void)state;
	assert_repair("", 0, "", 0);
	assert_repair("plain ascii", 11, "plain ascii", 0);
	assert_repair("Stra\xC3\x9F" "e \xE5\x9B\xBD \xF0\x9F\x98\x80", 16,
		      "Stra\xC3\x9F" "e \xE5\x9B\xBD \xF0\x9F\x98\x80", 0);
}

static void test_repair_invalid(void **state)
{
	(void)state;
	/* A truncated sequence is one maximal subpart: one U+FFFD. */
	assert_repair("ab\xE2\x82", 4, "ab\xEF\xBF\xBD", 1);
	assert_repair("\xE2\x82X", 3, "\xEF\xBF\xBDX", 1);
	assert_repair("\xF0\x9F\x98", 3, "\xEF\xBF\xBD", 1);
	/* Overlong forms: no prefix of them can start a valid sequence. */
	assert_repair("\xC0\xAF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2);
	assert_repair("\xE0\x80\xAF", 3,
		      "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3);
	/* An encoded surrogate (U+D800) and a code point above U+10FFFF. */
	assert_repair("a\xED\xA0\x80z", 5,
		      "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz", 3);
	assert_repair("\xF4\x90\x80\x80", 4,
		      "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4);
	assert_repair("\xF5", 1, "\xEF\xBF\xBD", 1);
	/* A stray continuation byte and a NUL. */
	assert_repair("a\x80z", 3, "a\xEF\xBF\xBDz", 1);
	assert_repair("a\0z", 3, "a\xEF\xBF\xBDz", 1);
	assert_repair("\0", 1, "\xEF\xBF\xBD", 1);
	/* Latin-1 text read as UTF-8: each accented letter is one error. */
	assert_repair("caf\xE9 cr\xE8me", 10,
		      "caf\xEF\xBF\xBD cr\xEF\xBF\xBDme", 2);
}

static void test_repair_long_runs(void **state)
{
	(void)state;
	/* Errors between long ASCII runs go through the 8-byte fast path. */
	char in[203], want[205];
	memset(in, 'a', 100);
	in[100] = '\xFF';
	memset(in + 101, 'b', 100);
	in[201] = '\0';
	in[202] = 'c';
	memset(want, 'a', 100);
	memcpy(want + 100, "\xEF\xBF\xBD", 3);
	memset(want + 103, 'b', 100);
	want[203] = '\0';
	struct vb_buf out = VB_BUF_INIT;
	assert_int_equal(vb_utf8_repair(in, sizeof(in), &out), 2);
	assert_int_equal(out.len, 207);
	assert_memory_equal(out.buf, want, 203);
	assert_memory_equal(out.buf + 203, "\xEF\xBF\xBD" "c", 4);
	vb_buf_release(&out);
}

/*
 * ICU implements the same best practice for U+FFFD substitution: compare
 * with it on many random byte strings built from the bytes that matter.
 */
static void test_repair_matches_icu(void **state)
{
	(void)state;
	static const unsigned char alphabet[] = {
		'a', ' ', 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
		0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1,
		0xF3, 0xF4, 0xF5, 0xFF,
	};
	uint32_t seed = 12345;
	for (int round = 0; round < 20000; round++) {
		unsigned char in[12];
		seed = seed * 1103515245u + 12345u;
		size_t len = (seed >> 16) % sizeof(in);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			in[i] = alphabet[(seed >> 16) % sizeof(alphabet)];
		}

		UChar u16[64];
		int32_t u16_len = 0, subs = 0;
		UErrorCode st = U_ZERO_ERROR;
		u_strFromUTF8WithSub(u16, 64, &u16_len, (const char *)in,
				     (int32_t)len, 0xFFFD, &subs, &st);
		assert_false(U_FAILURE(st));
		char icu[256];
		int32_t icu_len = 0;
		u_strToUTF8(icu, sizeof(icu), &icu_len, u16, u16_len, &st);
		assert_false(U_FAILURE(st));

		struct vb_buf out = VB_BUF_INIT;
		size_t count = vb_utf8_repair((const char *)in, len, &out);
		assert_int_equal(count, (size_t)subs);
		assert_int_equal(out.len, (size_t)icu_len);
		assert_memory_equal(out.buf, icu, out.len);
		vb_buf_release(&out);
	}
}

static void test_utf8_decode(void **state)
{
	(void)state;
	const char *s = "a\xC3\xA9\xE5\x9B\xBD\xF0\x9F\x98\x80";
	size_t len = strlen(s), i = 0;
	assert_int_equal(vb_utf8_next(s, len, &i), 'a');
	assert_int_equal(i, 1);
	assert_int_equal(vb_utf8_next(s, len, &i), 0xE9);
	assert_int_equal(vb_utf8_next(s, len, &i), 0x56FD);
	assert_int_equal(vb_utf8_next(s, len, &i), 0x1F600);
	assert_int_equal(i, len);
	assert_int_equal(vb_utf8_count(s, len), 4);
	assert_int_equal(vb_utf8_count("", 0), 0);
	/* A truncated tail never reads past the end. */
	i = 0;
	assert_int_equal(vb_utf8_next("\xE5\x9B", 2, &i), 0xFFFD);
	assert_true(i <= 2);
	assert_false(vb_utf8_valid("a\0", 2));
	assert_true(vb_utf8_valid("", 0));
}

/* ---- normalization ------------------------------------------------------ */

static void test_normalize(void **state)
{
	(void)state;
	assert_normalizes("Hello World", "hello world");
	assert_normalizes("\xEF\xAC\x81nance", "finance");             /* ﬁ */
	assert_normalizes("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc"); /* ＡＢＣ */
	assert_normalizes("\xEF\xBC\x91\xEF\xBC\x92", "12");            /* １２ */
	assert_normalizes("Stra\xC3\x9F" "e", "strasse");
	assert_normalizes("STRASSE", "strasse");
	assert_normalizes("M\xC3\x9CLLER", "m\xC3\xBCller");
	/* A decomposed ü is composed: both spellings give one term. */
	assert_normalizes("Mu\xCC\x88ller", "m\xC3\xBCller");
	assert_normalizes("IFPI\xE2\x80\x99s", "ifpi's");             /* ’ */
	assert_normalizes("IFPI\xCA\xBCs", "ifpi's");                 /* ʼ */
	assert_normalizes("IFPI\xEF\xBC\x87s", "ifpi's");             /* ＇ */
	assert_normalizes("IFPI\xC2\xB4s", "ifpi's");                 /* ´ */
	/* The soft hyphen is default-ignorable: NFKC_Casefold drops it. */
	assert_normalizes("infor\xC2\xADmation", "information");
	assert_normalizes("\xCE\xA3\xCE\xB9\xCF\x83", "\xCF\x83\xCE\xB9\xCF\x83"); /* Σισ */
	assert_normalizes("", "");
}

/*
 * The ASCII fast path must give what ICU gives: normalize each ASCII
 * character alone (fast path) and after "é" (forcing the ICU path).
 */
static uint64_t fp(const char *s)
{
	return vb_text_fingerprint(s, strlen(s));
}

/* Copies of a text agree whatever the typesetting; other words do not. */
static void test_text_fingerprint(void **state)
{
	(void)state;
	const char *a = "\"It is the biggest investment we have made,\" said Ada Brannock.";
	assert_true(fp(a) == fp("\xE2\x80\x9CIt is the biggest investment we have\nmade,"
				"\xE2\x80\x9D  said ADA Brannock"));
	assert_true(fp(a) == fp("It is the biggest investment we have made said Ada Brannock"));
	/* One word, one digit, one letter more: another text. */
	assert_true(fp(a) != fp("\"It is the biggest investment we had made,\" said Ada Brannock."));
	assert_true(fp("due to open in 2031") != fp("due to open in 2032"));
	assert_true(fp("Brannock") != fp("Brannocks"));
	/* Spaces do not count: a copy glued by a scraper ("owners.The") is
	 * still the copy. */
	assert_true(fp("copyright owners. The defendants") == fp("copyright owners.The defendants"));
	/* Accents are letters: "resume" is not "résumé"; full-width and
	 * ligatures are their plain forms (NFKC). */
	assert_true(fp("r\xC3\xA9sum\xC3\xA9") != fp("resume"));
	assert_true(fp("\xEF\xAC\x81nance") == fp("finance"));
	assert_true(fp("Stra\xC3\x9F" "e") == fp("STRASSE"));
	/* Chinese: the characters count, the full-width comma does not. */
	assert_true(fp("\xE5\x8D\x8F\xE4\xBC\x9A\xEF\xBC\x8C\xE5\x8F\x91\xE5\xB8\x83") ==
		    fp("\xE5\x8D\x8F\xE4\xBC\x9A\xE5\x8F\x91\xE5\xB8\x83"));
	assert_true(fp("\xE5\x8D\x8F\xE4\xBC\x9A") != fp("\xE5\x8F\x91\xE5\xB8\x83"));
	/* Nothing but punctuation is the empty text. */
	assert_true(fp("... -- !!") == fp(""));
}

static void test_normalize_ascii_matches_icu(void **state)
{
	(void)state;
	for (int c = 1; c < 128; c++) {
		char alone[2] = { (char)c, 0 };
		char mixed[4] = { '\xC3', '\xA9', (char)c, 0 };
		char *fast = normalized(alone);
		char *icu = normalized(mixed);
		assert_int_equal(strlen(icu), 2 + strlen(fast));
		assert_memory_equal(icu, "\xC3\xA9", 2);
		assert_string_equal(icu + 2, fast);
		free(fast);
		free(icu);
	}
}

static void test_term_from_word(void **state)
{
	(void)state;
	assert_term("IFPI\xE2\x80\x99s", "ifpi");
	assert_term("IFPI's", "ifpi");
	assert_term("IFPI", "ifpi");
	assert_term("IFPI`s", "ifpi");
	assert_term("members'", "members");
	assert_term("l'\xC3\xA9" "conomie", "\xC3\xA9" "conomie");
	assert_term("L\xE2\x80\x99\xC3\x89" "conomie", "\xC3\xA9" "conomie");
	assert_term("qu'il", "il");
	assert_term("d'Artagnan", "artagnan");
	assert_term("jusqu'ici", "ici");
	assert_term("dell'Unione", "unione");
	assert_term("'quoted'", "quoted");
	/* No letter after the apostrophe, or not an elision: kept. */
	assert_term("d'1", "d'1");
	assert_term("O'Brien", "o'brien");
	assert_term("rock'n'roll", "rock'n'roll");
	assert_term("\xEF\xAC\x81nance", "finance");
	assert_term("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc");
	assert_term("Stra\xC3\x9F" "e", "strasse");
	assert_term("STRASSE", "strasse");
	assert_term("M\xC3\xBCller", "m\xC3\xBCller");
	assert_term("\xE5\x8D\x8F\xE4\xBC\x9A", "\xE5\x8D\x8F\xE4\xBC\x9A"); /* 协会 */
	assert_term("'", "");
	assert_term("", "");
}

/* ---- words -------------------------------------------------------------- */

static void test_words_english(void **state)
{
	vb_tokenizer *tk = *state;
	assert_words(tk, "The IFPI\xE2\x80\x99s members, in 2024, sold 1,000.5 units (U.S. data).",
		     "The|IFPI\xE2\x80\x99s|members|in|2024|sold|1,000.5|units|U.S|data");
	assert_words(tk, "  \"Don't!\" \xE2\x80\x94 she said... ", "Don't|she|said");
	assert_words(tk, "", "");
	assert_words(tk, " ,.;!? ___ ", "");

	const char *text = "Sold 3.5 mln at abc123 today";
	struct vb_tokens toks = { 0 };
	assert_int_equal(vb_words(tk, text, strlen(text), &toks, NULL), VB_TEXT_OK);
	assert_int_equal(toks.n, 6);
	assert_int_equal(toks.v[0].kind, VB_TOK_WORD);
	assert_int_equal(toks.v[1].kind, VB_TOK_NUMBER);
	assert_int_equal(toks.v[1].start, 5);
	assert_int_equal(toks.v[1].end, 8);
	assert_int_equal(toks.v[4].kind, VB_TOK_WORD);   /* abc123 */
	/* Appending: a second call adds to what is there. */
	assert_int_equal(vb_words(tk, text, 4, &toks, NULL), VB_TEXT_OK);
	assert_int_equal(toks.n, 7);
	vb_tokens_release(&toks);
	assert_int_equal(toks.n, 0);
}

static void test_words_european(void **state)
{
	vb_tokenizer *tk = *state;
	assert_words(tk, "L'\xC3\xA9" "conomie fran\xC3\xA7" "aise cro\xC3\xAEt.",
		     "L'\xC3\xA9" "conomie|fran\xC3\xA7" "aise|cro\xC3\xAEt");
	assert_words(tk, "Die Stra\xC3\x9F" "e f\xC3\xBChrt zur M\xC3\xBCller-GmbH.",
		     "Die|Stra\xC3\x9F" "e|f\xC3\xBChrt|zur|M\xC3\xBCller|GmbH");
	/* ＡＢＣ and ﬁnance stay one token each; normalization folds them later. */
	assert_words(tk, "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3 \xEF\xAC\x81nance",
		     "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3|\xEF\xAC\x81nance");
}

static void test_words_chinese(void **state)
{
	vb_tokenizer *tk = *state;
	/* 国际唱片业协会今天宣布。 */
	const char *text = "\xE5\x9B\xBD\xE9\x99\x85\xE5\x94\xB1\xE7\x89\x87\xE4\xB8\x9A"
			   "\xE5\x8D\x8F\xE4\xBC\x9A\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xAE\xA3"
			   "\xE5\xB8\x83\xE3\x80\x82";
	struct vb_tokens toks = { 0 };
	assert_int_equal(vb_words(tk, text, strlen(text), &toks, NULL), VB_TEXT_OK);
	assert_true(toks.n >= 4);
	assert_true(has_token(text, &toks, "\xE5\x8D\x8F\xE4\xBC\x9A", VB_TOK_IDEO)); /* 协会 */
	assert_true(has_token(text, &toks, "\xE4\xBB\x8A\xE5\xA4\xA9", VB_TOK_IDEO)); /* 今天 */
	/* The words cover the run without gaps; the 。 is left out. */
	for (size_t i = 0; i < toks.n; i++) {
		assert_int_equal(toks.v[i].kind, VB_TOK_IDEO);
		assert_int_equal(toks.v[i].start, i ? toks.v[i - 1].end : 0);
	}
	assert_int_equal(toks.v[toks.n - 1].end, strlen(text) - 3);
	vb_tokens_release(&toks);
}

static void test_words_japanese_korean(void **state)
{
	vb_tokenizer *tk = *state;
	/* 日本語のテキストです。 */
	const char *ja = "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE3\x83\x86"
			 "\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88\xE3\x81\xA7\xE3\x81\x99"
			 "\xE3\x80\x82";
	struct vb_tokens toks = { 0 };
	assert_int_equal(vb_words(tk, ja, strlen(ja), &toks, NULL), VB_TEXT_OK);
	assert_true(toks.n >= 3);
	assert_true(has_token(ja, &toks, "\xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88",
			      VB_TOK_IDEO));                            /* テキスト */
	assert_true(has_token(ja, &toks, "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E",
			      VB_TOK_IDEO));                            /* 日本語 */
	vb_tokens_release(&toks);

	/* Korean is written with spaces; its words still count as ideographic. */
	const char *ko = "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 \xED\x85\x8D\xEC\x8A\xA4\xED\x8A\xB8";
	assert_int_equal(vb_words(tk, ko, strlen(ko), &toks, NULL), VB_TEXT_OK);
	assert_int_equal(toks.n, 2);
	assert_int_equal(toks.v[0].kind, VB_TOK_IDEO);
	assert_int_equal(toks.v[0].end, 9);
	vb_tokens_release(&toks);

	/* Mixed scripts: the Latin word stays a word. */
	assert_words(tk, "IFPI\xE5\x8D\x8F\xE4\xBC\x9A", "IFPI|\xE5\x8D\x8F\xE4\xBC\x9A");
}

/* ---- sentences ---------------------------------------------------------- */

static void test_sentences_basic(void **state)
{
	vb_tokenizer *tk = *state;
	assert_sentences(tk, "The rights belong to the copyright owners.The defendants disagree.",
			 "The rights belong to the copyright owners. | The defendants disagree.");
	assert_sentences(tk, "U.S. officials said so. Mr. Smith agreed.",
			 "U.S. officials said so. | Mr. Smith agreed.");
	assert_sentences(tk, "The No. 1 court ruled.", "The No. 1 court ruled.");
	assert_sentences(tk, "The No. 1 Court ruled. It was final.",
			 "The No. 1 Court ruled. | It was final.");
	assert_sentences(tk, "He said: \"No.\" Then he left.",
			 "He said: \"No.\" | Then he left.");
	assert_sentences(tk, "He said: \xE2\x80\x9CStop.\xE2\x80\x9D Then he left!",
			 "He said: \xE2\x80\x9CStop.\xE2\x80\x9D | Then he left!");
	assert_sentences(tk, "  Is it? Yes!  ", "Is it? | Yes!");
	assert_sentences(tk, "", "");
	assert_sentences(tk, " \n\t ", "");
	assert_sentences(tk, "No full stop at the end", "No full stop at the end");
}

static void test_sentences_abbreviations(void **state)
{
	vb_tokenizer *tk = *state;
	assert_sentences(tk, "Dr. Jones and Prof. Lee met Ms. Hart.  Mrs.  Dale came too.",
			 "Dr. Jones and Prof. Lee met Ms. Hart. | Mrs.  Dale came too.");
	assert_sentences(tk, "J. Smith of Harbour Ferries Ltd. Chairman Lee spoke.",
			 "J. Smith of Harbour Ferries Ltd. Chairman Lee spoke.");
	assert_sentences(tk, "It sued Acme Inc. The company denied it.",
			 "It sued Acme Inc. | The company denied it.");
	assert_sentences(tk, "Sales rose in the U.S. The rest fell.",
			 "Sales rose in the U.S. | The rest fell.");
	assert_sentences(tk, "It opened on Jan. 5 in St. Louis.",
			 "It opened on Jan. 5 in St. Louis.");
	assert_sentences(tk, "Ferries vs. Buses was the title. See e.g. Example.",
			 "Ferries vs. Buses was the title. | See e.g. Example.");
	/* ICU's own list would glue these: "Act." ends a sentence here. */
	assert_sentences(tk, "They broke the Copyright Act. The court agreed.",
			 "They broke the Copyright Act. | The court agreed.");
	assert_sentences(tk, "Shares of Yahoo! rose. Ok.", "Shares of Yahoo! rose. | Ok.");
}

static void test_sentences_glued(void **state)
{
	vb_tokenizer *tk = *state;
	assert_sentences(tk, "It works.Really?Yes!Fine \"quote\".Next one.",
			 "It works. | Really? | Yes! | Fine \"quote\". | Next one.");
	/* Not glued sentences: initials, abbreviations, numbers, names, addresses. */
	assert_sentences(tk, "The U.S.Army and e.g.Python cost 3.5 pct.",
			 "The U.S.Army and e.g.Python cost 3.5 pct.");
	assert_sentences(tk, "We use Node.js and visit www.Example.com daily.",
			 "We use Node.js and visit www.Example.com daily.");
	assert_sentences(tk, "Write to press@harbour.Example.org or see harbour.Example.org/News.",
			 "Write to press@harbour.Example.org or see harbour.Example.org/News.");
	assert_sentences(tk, "Die M\xC3\xBCller.Die Stadt.",
			 "Die M\xC3\xBCller. | Die Stadt.");
}

static void test_sentences_lines(void **state)
{
	vb_tokenizer *tk = *state;
	/* Wire copy: single newlines are soft wraps, a blank line is a break. */
	assert_sentences(tk,
			 "Harbour Ferries Inc said\nit sold two ships.\n"
			 "    The company said\r\nit would grow.\n\nHeadline\n\nBody.",
			 "Harbour Ferries Inc said\nit sold two ships. | "
			 "The company said\r\nit would grow. | Headline | Body.");
	/* 国际唱片业协会今天宣布。这是第二句！ */
	const char *zh = "\xE5\x9B\xBD\xE9\x99\x85\xE5\x94\xB1\xE7\x89\x87\xE4\xB8\x9A"
			 "\xE5\x8D\x8F\xE4\xBC\x9A\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xAE\xA3"
			 "\xE5\xB8\x83\xE3\x80\x82\xE8\xBF\x99\xE6\x98\xAF\xE7\xAC\xAC"
			 "\xE4\xBA\x8C\xE5\x8F\xA5\xEF\xBC\x81";
	struct vb_spans sp = { 0 };
	assert_int_equal(vb_sentences(tk, zh, strlen(zh), &sp, NULL), VB_TEXT_OK);
	assert_int_equal(sp.n, 2);
	assert_int_equal(sp.v[0].start, 0);
	assert_int_equal(sp.v[0].end, 36);
	assert_int_equal(sp.v[1].end, strlen(zh));
	vb_spans_release(&sp);
}

/*
 * A 5 MB paragraph: sentences must come out in linear time and without a
 * copy of the text (not measurable here, but a quadratic pass would take
 * minutes).  The same text cut into small windows gives the same words.
 */
static void test_long_text(void **state)
{
	vb_tokenizer *tk = *state;
	const char *unit = "Mr. Lee of Harbour Ferries Inc. met U.S. officials on Monday. "
			   "The No. 1 court ruled.The ferry sailed. ";
	size_t unit_len = strlen(unit), reps = 5 * 1024 * 1024 / unit_len;
	struct vb_buf text = VB_BUF_INIT;
	for (size_t i = 0; i < reps; i++)
		vb_buf_add(&text, unit, unit_len);

	struct vb_spans sp = { 0 };
	assert_int_equal(vb_sentences(tk, text.buf, text.len, &sp, NULL), VB_TEXT_OK);
	assert_int_equal(sp.n, 3 * reps);
	for (size_t i = 0; i < sp.n; i++)
		assert_int_equal(text.buf[sp.v[i].end - 1], '.');
	assert_memory_equal(text.buf + sp.v[1].start, "The No. 1 court ruled.", 22);
	vb_spans_release(&sp);

	struct vb_tokens whole = { 0 }, windowed = { 0 };
	size_t prefix = 200000;
	assert_int_equal(vb_words(tk, text.buf, prefix, &whole, NULL), VB_TEXT_OK);
	vb_tokenizer_set_window(tk, 4096);
	assert_int_equal(vb_words(tk, text.buf, prefix, &windowed, NULL), VB_TEXT_OK);
	assert_int_equal(vb_sentences(tk, text.buf, prefix, &sp, NULL), VB_TEXT_OK);
	vb_tokenizer_set_window(tk, (size_t)1 << 30);
	assert_int_equal(whole.n, windowed.n);
	for (size_t i = 0; i < whole.n; i++) {
		assert_int_equal(whole.v[i].start, windowed.v[i].start);
		assert_int_equal(whole.v[i].end, windowed.v[i].end);
		assert_int_equal(whole.v[i].kind, windowed.v[i].kind);
	}
	/* Windows cut at spaces: every span is trimmed and ends a full stop. */
	assert_true(sp.n >= 3 * (prefix / unit_len));
	for (size_t i = 0; i < sp.n; i++) {
		assert_true(text.buf[sp.v[i].start] != ' ');
		assert_true(text.buf[sp.v[i].end - 1] != ' ');
	}
	vb_spans_release(&sp);
	vb_tokens_release(&whole);
	vb_tokens_release(&windowed);

	/* A run without spaces is cut at character boundaries. */
	vb_buf_reset(&text);
	for (int i = 0; i < 3000; i++)
		vb_buf_adds(&text, "\xE5\x8D\x8F\xE4\xBC\x9A");  /* 协会 */
	vb_tokenizer_set_window(tk, 1000);
	assert_int_equal(vb_words(tk, text.buf, text.len, &whole, NULL), VB_TEXT_OK);
	vb_tokenizer_set_window(tk, (size_t)1 << 30);
	assert_true(whole.n >= 3000);
	for (size_t i = 0; i < whole.n; i++) {
		assert_int_equal(whole.v[i].start % 3, 0);
		assert_int_equal(whole.v[i].end % 3, 0);
	}
	assert_int_equal(whole.v[whole.n - 1].end, text.len);
	vb_tokens_release(&whole);
	vb_buf_release(&text);
}

/* ---- paragraphs --------------------------------------------------------- */

static void test_paragraphs(void **state)
{
	(void)state;
	assert_paragraphs("One.\n\nTwo\nlines.\n \t \nThree.  \n\n\n",
			  "One. | Two\nlines. | Three.");
	assert_paragraphs("a\r\nb\r\n\r\nc\r\n   \r\nd", "a\r\nb | c | d");
	assert_paragraphs("", "");
	assert_paragraphs("\n \n\t\n", "");
	/* Reuters-style wire copy. */
	assert_paragraphs("HARBOUR, Feb 26 - Ferries Inc said it sold its common\n"
			  "stock, and bonds.\n"
			  "    The company said the sale\n"
			  "closed.\n"
			  "    It said more.\n"
			  " Reuter\n",
			  "HARBOUR, Feb 26 - Ferries Inc said it sold its common\nstock, and bonds. | "
			  "The company said the sale\nclosed. | It said more. | Reuter");
	/* A block indented as a whole is not split at every line. */
	assert_paragraphs("    quoted line one\n    quoted line two\n\n    second\n",
			  "quoted line one\n    quoted line two | second");
	/* Chinese paragraphs indented with ideographic spaces; U+2029. */
	assert_paragraphs("\xE4\xB8\x80\n\xE3\x80\x80\xE3\x80\x80\xE4\xBA\x8C\xE2\x80\xA9\xE4\xB8\x89",
			  "\xE4\xB8\x80 | \xE4\xBA\x8C | \xE4\xB8\x89");
}

/* ---- languages ---------------------------------------------------------- */

static void test_stemmer_for_lang(void **state)
{
	(void)state;
	static const struct {
		const char *lang, *stemmer;
	} cases[] = {
		{ "en", "english" }, { "en-GB", "english" }, { "EN_us", "english" },
		{ "eng", "english" }, { "English", "english" },
		{ "de", "german" }, { "de_AT", "german" }, { "Deutsch", "german" },
		{ "fr", "french" }, { "fr-CA", "french" }, { "es", "spanish" },
		{ "it", "italian" }, { "nl", "dutch" }, { "pt-BR", "portuguese" },
		{ "sv", "swedish" }, { "da", "danish" }, { "no", "norwegian" },
		{ "nb", "norwegian" }, { "nn-NO", "norwegian" }, { "fi", "finnish" },
		{ "ru", "russian" }, { "tr", "turkish" }, { "ro", "romanian" },
		{ "hu", "hungarian" }, { "ar", "arabic" }, { " german ", "german" },
		{ "zh", NULL }, { "zh-Hans-CN", NULL }, { "ja", NULL }, { "ko", NULL },
		{ "", NULL }, { "xx", NULL }, { "englishman", NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = vb_stemmer_for_lang(cases[i].lang);
		if (!cases[i].stemmer)
			assert_null(got);
		else
			assert_string_equal(got, cases[i].stemmer);
	}
	assert_null(vb_stemmer_for_lang(NULL));
}

static void test_codepoint_is_ideographic(void **state)
{
	(void)state;
	assert_true(vb_codepoint_is_ideographic(0x56FD));   /* 国 */
	assert_true(vb_codepoint_is_ideographic(0x3005));   /* 々 */
	assert_true(vb_codepoint_is_ideographic(0x3042));   /* あ */
	assert_true(vb_codepoint_is_ideographic(0x30AB));   /* カ */
	assert_true(vb_codepoint_is_ideographic(0x30FC));   /* ー */
	assert_true(vb_codepoint_is_ideographic(0xAC00));   /* 가 */
	assert_true(vb_codepoint_is_ideographic(0x0E01));   /* ก */
	assert_true(vb_codepoint_is_ideographic(0x20000));  /* CJK extension B */
	assert_false(vb_codepoint_is_ideographic('a'));
	assert_false(vb_codepoint_is_ideographic(0xE9));
	assert_false(vb_codepoint_is_ideographic(0xFF21));  /* Ａ */
	assert_false(vb_codepoint_is_ideographic(0x3001));  /* 、 */
	assert_false(vb_codepoint_is_ideographic(0x3002));  /* 。 */
	assert_false(vb_codepoint_is_ideographic(0x110000));
}

/* ---- errors ------------------------------------------------------------- */

static void test_errors(void **state)
{
	vb_tokenizer *tk = *state;
	struct vb_buf err = VB_BUF_INIT;
	struct vb_tokens toks = { 0 };
	struct vb_spans sp = { 0 };

	assert_int_equal(vb_tokenizer_new(NULL, "en", &err), VB_TEXT_EINVAL);
	assert_true(err.len > 0);
	vb_buf_reset(&err);
	assert_int_equal(vb_words(tk, NULL, 5, &toks, &err), VB_TEXT_EINVAL);
	assert_true(err.len > 0);
	assert_int_equal(vb_sentences(tk, NULL, 5, &sp, NULL), VB_TEXT_EINVAL);
	assert_int_equal(vb_words(tk, NULL, 0, &toks, NULL), VB_TEXT_OK);
	assert_int_equal(toks.n, 0);

	/* Any locale ICU can parse works; unknown ones fall back to the root. */
	vb_tokenizer *other = NULL;
	assert_int_equal(vb_tokenizer_new(&other, NULL, NULL), VB_TEXT_OK);
	assert_words(other, "Root locale works.", "Root|locale|works");
	vb_tokenizer_free(other);
	assert_int_equal(vb_tokenizer_new(&other, "zh", NULL), VB_TEXT_OK);
	assert_words(other, "\xE5\x8D\x8F\xE4\xBC\x9A ok", "\xE5\x8D\x8F\xE4\xBC\x9A|ok");
	vb_tokenizer_free(other);
	vb_tokenizer_free(NULL);
	vb_buf_release(&err);
}

#define WITH_TOKENIZER(f) \
	cmocka_unit_test_setup_teardown(f, setup_tokenizer, teardown_tokenizer)

/* vb_words' ASCII path must give exactly ICU's tokens. */
static void assert_same_as_icu(vb_tokenizer *tk, const char *t, size_t n)
{
	struct vb_tokens a = { 0 }, b = { 0 };
	assert_int_equal(vb_words(tk, t, n, &a, NULL), 0);
	assert_int_equal(vb_words_icu(tk, t, n, &b, NULL), 0);
	if (a.n != b.n)
		print_error("text: [%.*s]: %zu tokens, ICU %zu\n", (int)n, t, a.n, b.n);
	assert_int_equal(a.n, b.n);
	for (size_t i = 0; i < a.n; i++) {
		if (a.v[i].start != b.v[i].start || a.v[i].end != b.v[i].end ||
		    a.v[i].kind != b.v[i].kind)
			print_error("text: [%.*s]: token %zu [%.*s] vs ICU [%.*s]\n",
				    (int)n, t, i, (int)(a.v[i].end - a.v[i].start),
				    t + a.v[i].start, (int)(b.v[i].end - b.v[i].start),
				    t + b.v[i].start);
		assert_int_equal(a.v[i].start, b.v[i].start);
		assert_int_equal(a.v[i].end, b.v[i].end);
		assert_int_equal(a.v[i].kind, b.v[i].kind);
	}
	vb_tokens_release(&a);
	vb_tokens_release(&b);
}

static void ascii_words_equal_icu_on_random_text(void **state)
{
	(void)state;
	vb_tokenizer *tk;
	static const char alphabet[] = "aZk09 .,;:'\"-()/&%$!?@#_\n\t";
	char text[64];
	unsigned seed = 12345;
	assert_int_equal(vb_tokenizer_new(&tk, NULL, NULL), 0);
	for (int round = 0; round < 20000; round++) {
		size_t n = 1 + (seed >> 16) % (sizeof(text) - 1);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			text[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		assert_same_as_icu(tk, text, n);
	}
	vb_tokenizer_free(tk);
}

static void ascii_words_equal_icu_on_press_text(void **state)
{
	(void)state;
	vb_tokenizer *tk;
	static const char *const texts[] = {
		"U.S. officials said the 1,500 shares rose 3.5% to $4.25 on Monday.",
		"copyright owners.The defendants didn't appear; Mr. O'Neill's lawyers did.",
		"COMMACK, N.Y., Feb 26 - Computer Terminal Systems Inc said it had 12:30 p.m. talks.",
		"Ratio 3:2, e-mail, re-use, 1990s, 4x4, abc123, 12th, rock'n'roll, 'quoted'.",
		"\"Internet Access Providers Association\" (IAPA) and the IFSRP's 2005 claim.",
		"a.b.c 1.2.3 a'b'c 1'2 a:b:c 1;2 a;b 1,a a,1 .5 5. 'a' 1'",
	};
	assert_int_equal(vb_tokenizer_new(&tk, NULL, NULL), 0);
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		assert_same_as_icu(tk, texts[i], strlen(texts[i]));
	vb_tokenizer_free(tk);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ascii_words_equal_icu_on_random_text),
		cmocka_unit_test(ascii_words_equal_icu_on_press_text),
		cmocka_unit_test(test_repair_valid),
		cmocka_unit_test(test_repair_invalid),
		cmocka_unit_test(test_repair_long_runs),
		cmocka_unit_test(test_repair_matches_icu),
		cmocka_unit_test(test_utf8_decode),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_normalize_ascii_matches_icu),
		cmocka_unit_test(test_text_fingerprint),
		cmocka_unit_test(test_term_from_word),
		WITH_TOKENIZER(test_words_english),
		WITH_TOKENIZER(test_words_european),
		WITH_TOKENIZER(test_words_chinese),
		WITH_TOKENIZER(test_words_japanese_korean),
		WITH_TOKENIZER(test_sentences_basic),
		WITH_TOKENIZER(test_sentences_abbreviations),
		WITH_TOKENIZER(test_sentences_glued),
		WITH_TOKENIZER(test_sentences_lines),
		WITH_TOKENIZER(test_long_text),
		cmocka_unit_test(test_paragraphs),
		cmocka_unit_test(test_stemmer_for_lang),
		cmocka_unit_test(test_codepoint_is_ideographic),
		WITH_TOKENIZER(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
