/* text.h: the ICU text pipeline: UTF-8 repair, normalization, words, sentences, paragraphs. */
#ifndef VB_TEXT_H
#define VB_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/*
 * All offsets are byte offsets into the UTF-8 text given, half-open
 * [start, end).  Texts handed to these functions must be valid UTF-8 (run
 * vb_utf8_repair() first); functions here never print or exit.  Functions
 * returning int return 0 on success or a negative VB_TEXT_E* status with a
 * message appended to `err` (which may be NULL).
 */

enum {
	VB_TEXT_OK = 0,
	VB_TEXT_EICU = -1,    /* ICU reported an error (message says which) */
	VB_TEXT_EINVAL = -2,  /* bad argument */
};

/* ---- UTF-8 -------------------------------------------------------------- */

/*
 * Copy `in` to `out` (appending), replacing each maximal invalid subsequence
 * with U+FFFD (as the Unicode standard recommends) and each NUL byte with
 * U+FFFD too.  Returns how many replacements were made (0: input was valid).
 */
size_t vb_utf8_repair(const char *in, size_t len, struct vb_buf *out);
/* True when `s` is valid UTF-8 without NUL bytes. */
bool vb_utf8_valid(const char *s, size_t len);
/* Decode one code point at s[*i] (valid UTF-8 assumed) and advance *i. */
unsigned vb_utf8_next(const char *s, size_t len, size_t *i);
/* Number of code points in s[0..len). */
size_t vb_utf8_count(const char *s, size_t len);

/* ---- normalization ------------------------------------------------------ */

/*
 * The one normalization used for documents and queries alike: NFKC with
 * Unicode case folding (ICU's NFKC_Casefold), plus the unification of
 * apostrophe look-alikes (U+2019, U+02BC, U+FF07, ...) to "'".  Appends to out.
 */
int vb_normalize(const char *s, size_t len, struct vb_buf *out,
		 struct vb_buf *err);

/*
 * A 64-bit fingerprint of what a text says, for telling copies apart from
 * different texts: FNV-1a over the letters, digits and marks of the
 * vb_normalize()d text, so that case, white space, line breaks,
 * punctuation and the style of quotation marks do not count.  Any other
 * difference does.
 * Two texts with the same fingerprint are, to 1 in 2^64, the same words.
 */
uint64_t vb_text_fingerprint(const char *s, size_t len);

/*
 * Turn one word token into its index term: vb_normalize(), then strip a
 * trailing possessive ("ifpi's" -> "ifpi", "members'" -> "members"), a
 * French/Italian elision prefix ("l'économie" -> "économie", "qu'il" -> "il")
 * and surrounding apostrophes.  Writes the term into `out` (reset first) and
 * returns its length; 0 means the token yields no term.
 *
 * Elisions are l' d' qu' j' n' s' t' m' c' jusqu' lorsqu' puisqu' quoiqu'
 * and Italian un' dell' dall' nell' sull' all' coll' quest' quell', removed
 * only when a letter follows ("d'1" stays).  Pure ASCII words take a fast
 * path without ICU (millions of words per second).
 */
size_t vb_term_from_word(const char *w, size_t len, struct vb_buf *out);

/* ---- tokens ------------------------------------------------------------- */

enum vb_token_kind {
	VB_TOK_WORD = 1,    /* letters (possibly with digits, apostrophes) */
	VB_TOK_NUMBER = 2,  /* digits, possibly with , . separators */
	VB_TOK_IDEO = 3,    /* a Chinese/Japanese word from dictionary break */
};

struct vb_token {
	size_t start, end;          /* byte offsets */
	enum vb_token_kind kind;
};

struct vb_tokens {
	struct vb_token *v;
	size_t n, alloc;
};

struct vb_span {
	size_t start, end;          /* byte offsets */
};

struct vb_spans {
	struct vb_span *v;
	size_t n, alloc;
};

void vb_tokens_release(struct vb_tokens *t);
void vb_spans_release(struct vb_spans *s);

/*
 * A tokenizer holds ICU break iterators for reuse; create one per thread.
 * `locale` is an ICU locale id ("en", "de", "zh", ...) or NULL for the root.
 */
typedef struct vb_tokenizer vb_tokenizer;

int vb_tokenizer_new(vb_tokenizer **out, const char *locale,
		     struct vb_buf *err);
void vb_tokenizer_free(vb_tokenizer *tk);
/*
 * ICU reports 32-bit offsets, so vb_words() and vb_sentences() process texts
 * longer than 1 GiB (the default and maximum) in windows cut after a line
 * end or a space.  A sentence running across a cut is reported as two.
 * Memory use does not grow with the text either way: the text is read in
 * place, never copied or converted to UTF-16.  Setting a smaller window is
 * only useful for tests; values are clamped to [16 bytes, 1 GiB].
 */
void vb_tokenizer_set_window(vb_tokenizer *tk, size_t bytes);

/*
 * Word tokens of text[0..len) (appended to `out`, which is not reset):
 * punctuation and spaces are skipped; Chinese and Japanese runs are split
 * into dictionary words (ICU); an apostrophe inside a word stays in it
 * ("IFPI’s", "l'économie"), and so do the dots of "U.S" and "3.5" (the
 * final dot of "U.S." is punctuation).  Tokens without a letter or digit
 * ("___") are skipped.  Kinds: VB_TOK_NUMBER for digits with separators,
 * VB_TOK_IDEO for words that start with a character of a script written
 * without spaces (Han, kana, Hangul, Thai...: vb_codepoint_is_ideographic),
 * VB_TOK_WORD for the rest, including mixed "abc123".
 */
int vb_words(vb_tokenizer *tk, const char *text, size_t len,
	     struct vb_tokens *out, struct vb_buf *err);
/* The same through ICU always (vb_words takes a faster path for plain
 * ASCII text that gives the same tokens; tests compare the two). */
int vb_words_icu(vb_tokenizer *tk, const char *text, size_t len,
		 struct vb_tokens *out, struct vb_buf *err);

/*
 * Sentence spans of text[0..len) (appended to `out`): ICU sentence breaks,
 * without breaking after common abbreviations ("Mr.", "Dr.", "No. 1",
 * "U.S. officials", "Inc."), plus breaks ICU misses where a sentence is glued
 * to the next one without a space ("owners.The defendants").  Spans cover
 * the text without leading and trailing white space.
 *
 * Details:
 * - Titles ("Mr.", "Dr.", "Prof.", "vs.", "e.g.") never end a sentence.
 * - "No.", "Art.", "p." and month abbreviations do not end one before a
 *   digit ("The No. 1 Court"); "He said: "No." Then" does split.
 * - Abbreviations that may end a sentence ("Inc.", "Ltd.", "Co.", "Jr.",
 *   "St.", "etc.", single capitals "J." and initials "U.S.") end one only
 *   when the next word usually starts a sentence ("The", "He", "In", an
 *   opening quote...): "Acme Inc. The company said" splits, "in the U.S.
 *   Congress" and "J. Smith" do not, and "Acme Inc. Chairman Smith" stays
 *   one sentence even when it should not.
 * - A single line end is a soft wrap, as in vb_paragraphs(): ICU's break at
 *   a line end without a full stop is dropped unless a blank line follows,
 *   so a heading followed by a single newline joins the next sentence.
 * - A break before a lowercase letter is dropped ("Yahoo! said").
 */
int vb_sentences(vb_tokenizer *tk, const char *text, size_t len,
		 struct vb_spans *out, struct vb_buf *err);

/*
 * Paragraph spans of text[0..len) (appended to `out`): paragraphs are
 * separated by blank lines; a line starting with indentation after a
 * non-blank line also starts one (wire copy: "\n    The company said");
 * other single newlines are soft line wraps inside a paragraph.  Spans
 * exclude surrounding white space; empty paragraphs are not reported.
 *
 * Line ends are LF, CR LF, CR, NEL and U+2028; U+2029 ends a paragraph.  A
 * line of white space only (spaces, tabs, no-break or ideographic spaces)
 * is blank.  Indentation counts relative to the least indented line of the
 * text, so a text indented as a whole (a quoted block) is not split at
 * every line, while wire copy is split at each indented first line.
 */
void vb_paragraphs(const char *text, size_t len, struct vb_spans *out);

/* ---- languages ---------------------------------------------------------- */

/*
 * The Snowball stemmer name for a language tag ("en", "en-GB", "de", "fr",
 * "es", "german", ...), or NULL when there is none (e.g. "zh", "ja").
 */
const char *vb_stemmer_for_lang(const char *lang);
/* True for scripts written without spaces (Han, Hiragana, Katakana, Thai...) */
bool vb_codepoint_is_ideographic(unsigned cp);

#endif
