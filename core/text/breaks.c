/* breaks.c: word and sentence boundaries from ICU over UTF-8, with our sentence rules. */
#include "text/text.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

/*
 * ICU break iterators report 32-bit offsets, so longer texts are processed
 * in windows of at most 1 GiB.  UTF-8 UText reads the caller's bytes in
 * place: no window is ever copied or converted to UTF-16.
 */
#define MAX_WINDOW ((size_t)1 << 30)
#define MIN_WINDOW ((size_t)16)

struct vb_tokenizer {
	UBreakIterator *words;
	UBreakIterator *sentences;
	UText *text;            /* reused by utext_openUTF8 for every call */
	size_t window;
};

static void add_icu_error(struct vb_buf *err, const char *what, UErrorCode st)
{
	if (err)
		vb_buf_addf(err, "icu %s failed: %s", what, u_errorName(st));
}

/*
 * Iterators of the root locale, opened once and never used to iterate:
 * tokenizers clone them.  Opening the word and sentence iterators looks up
 * ICU's resources each time: 6 us the pair, against 0.5 us for two clones
 * (a loop of 2000 on this machine); a search makes several tokenizers
 * (query, understanding, snippets) and `verbatim serve` several per
 * request.  Cloning a break iterator that no thread iterates is
 * thread-safe.
 */
static UBreakIterator *proto_words, *proto_sentences;
static pthread_once_t proto_once = PTHREAD_ONCE_INIT;

static void open_prototypes(void)
{
	UErrorCode st = U_ZERO_ERROR;
	proto_words = ubrk_open(UBRK_WORD, "", NULL, 0, &st);
	if (U_FAILURE(st))
		proto_words = NULL;
	st = U_ZERO_ERROR;
	proto_sentences = ubrk_open(UBRK_SENTENCE, "", NULL, 0, &st);
	if (U_FAILURE(st))
		proto_sentences = NULL;
}

/* A break iterator of `type` for `locale`: a clone of the prototype for the
 * root locale when there is one, else opened. */
static UBreakIterator *open_breaks(UBreakIteratorType type, const char *locale,
				   UErrorCode *st)
{
	if (!*locale) {
		pthread_once(&proto_once, open_prototypes);
		UBreakIterator *proto = type == UBRK_WORD ? proto_words : proto_sentences;
		if (proto)
			return ubrk_clone(proto, st);
	}
	return ubrk_open(type, locale, NULL, 0, st);
}

int vb_tokenizer_new(vb_tokenizer **out, const char *locale,
		     struct vb_buf *err)
{
	UErrorCode st = U_ZERO_ERROR;

	if (!out) {
		if (err)
			vb_buf_adds(err, "no place to store the tokenizer");
		return VB_TEXT_EINVAL;
	}
	*out = NULL;
	/*
	 * "" is ICU's root locale; NULL would mean the process default, which
	 * would make tokens depend on the environment of whoever runs us.
	 */
	if (!locale)
		locale = "";

	vb_tokenizer *tk = vb_calloc(1, sizeof(*tk));
	tk->window = MAX_WINDOW;
	tk->words = open_breaks(UBRK_WORD, locale, &st);
	if (U_FAILURE(st)) {
		add_icu_error(err, "word break iterator", st);
		vb_tokenizer_free(tk);
		return VB_TEXT_EICU;
	}
	/*
	 * Not "@ss=standard": ICU's suppression list holds words such as "Act.",
	 * "Is." and "Link." that end many real sentences ("the Copyright Act."),
	 * it only looks past a single space, and it loses the rule status that
	 * tells a line separator from a full stop.  sentence_break_holds() below
	 * applies our own list with context instead.
	 */
	tk->sentences = open_breaks(UBRK_SENTENCE, locale, &st);
	if (U_FAILURE(st)) {
		add_icu_error(err, "sentence break iterator", st);
		vb_tokenizer_free(tk);
		return VB_TEXT_EICU;
	}
	*out = tk;
	return VB_TEXT_OK;
}

void vb_tokenizer_free(vb_tokenizer *tk)
{
	if (!tk)
		return;
	if (tk->words)
		ubrk_close(tk->words);
	if (tk->sentences)
		ubrk_close(tk->sentences);
	if (tk->text)
		utext_close(tk->text);
	free(tk);
}

void vb_tokenizer_set_window(vb_tokenizer *tk, size_t bytes)
{
	if (bytes < MIN_WINDOW)
		bytes = MIN_WINDOW;
	if (bytes > MAX_WINDOW)
		bytes = MAX_WINDOW;
	tk->window = bytes;
}

void vb_tokens_release(struct vb_tokens *t)
{
	free(t->v);
	t->v = NULL;
	t->n = t->alloc = 0;
}

/*
 * Where the window starting at `start` ends: the whole rest when it fits,
 * else just after the last line end in the second half of the window, else
 * after the last space there (so no word is cut), else at a character
 * boundary.
 */
static size_t window_end(const char *text, size_t start, size_t len,
			 size_t window)
{
	if (len - start <= window)
		return len;
	size_t limit = start + window;
	size_t half = window / 2;
	const char *p = memrchr(text + limit - half, '\n', half);
	if (!p)
		p = memrchr(text + limit - half, ' ', half);
	if (p)
		return (size_t)(p - text) + 1;
	while (limit > start + 1 && ((unsigned char)text[limit] & 0xC0) == 0x80)
		limit--;
	return limit;
}

static int attach_text(vb_tokenizer *tk, UBreakIterator *bi, const char *s,
		       size_t n, struct vb_buf *err)
{
	UErrorCode st = U_ZERO_ERROR;

	tk->text = utext_openUTF8(tk->text, s, (int64_t)n, &st);
	if (U_SUCCESS(st))
		ubrk_setUText(bi, tk->text, &st);
	if (U_FAILURE(st)) {
		add_icu_error(err, "text setup", st);
		return VB_TEXT_EICU;
	}
	return VB_TEXT_OK;
}

static inline bool ascii_alpha(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26;
}

static inline bool ascii_digit(unsigned char c)
{
	return (unsigned char)(c - '0') < 10;
}

/* ---- words -------------------------------------------------------------- */

/*
 * The kind of the token s[0..n) that ICU gave `status`, or 0 to skip it.
 * ICU's status alone is not enough: it reports "abc123" as a number, "___"
 * as a word, and Hangul or Thai words as plain letters.
 */
static int token_kind(const char *s, size_t n, int32_t status)
{
	if (status >= UBRK_WORD_KANA && status < UBRK_WORD_IDEO_LIMIT)
		return VB_TOK_IDEO;

	bool number = status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT;
	bool seen_alnum = false;
	int32_t i = 0, len = (int32_t)n;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			if (ascii_alpha(c))
				return VB_TOK_WORD;
			if (ascii_digit(c))
				seen_alnum = true;
			continue;
		}
		UChar32 cp;
		U8_NEXT(s, i, len, cp);
		if (cp < 0)
			continue;
		if (u_isalpha(cp)) {
			if (!seen_alnum && vb_codepoint_is_ideographic((unsigned)cp))
				return VB_TOK_IDEO;
			return VB_TOK_WORD;
		}
		if (u_isdigit(cp))
			seen_alnum = true;
	}
	if (!seen_alnum)
		return 0;
	return number ? VB_TOK_NUMBER : VB_TOK_WORD;
}

/*
 * Word tokens of pure ASCII text without ICU.  For ASCII, the rules of
 * UAX #29 that matter reduce to: letters and digits run together
 * (WB5, WB8-WB10); '.' and '\'' join two letters (WB6-WB7; ICU's root
 * rules leave ':' out, which only Swedish tailors in); '.', ',',
 * ';' and '\'' join two digits (WB11-WB12).  '_' (ExtendNumLet, WB13a-b),
 * '@' (a letter to ICU's root rules, for addresses) and any non-ASCII byte
 * send the text to ICU instead: returns false.  A
 * test checks this against ICU on random strings and on the corpus.
 * ICU costs some 25,000 instructions of set-up per call, which dominated
 * the short strings (names, titles) the indexer tokenizes by thousands.
 */
static bool words_ascii(const char *text, size_t len, struct vb_tokens *out)
{
	const unsigned char *s = (const unsigned char *)text;
	for (size_t i = 0; i < len; i++)
		if (s[i] >= 0x80 || s[i] == '_' || s[i] == '@')
			return false;
	size_t i = 0;
	while (i < len) {
		if (!ascii_alpha(s[i]) && !ascii_digit(s[i])) {
			i++;
			continue;
		}
		size_t start = i;
		bool letter = false;
		for (;;) {
			while (i < len && (ascii_alpha(s[i]) || ascii_digit(s[i]))) {
				letter |= ascii_alpha(s[i]);
				i++;
			}
			if (i + 1 >= len)
				break;
			unsigned char mid = s[i], before = s[i - 1], after = s[i + 1];
			bool letters = ascii_alpha(before) && ascii_alpha(after);
			bool digits = ascii_digit(before) && ascii_digit(after);
			if ((letters && (mid == '.' || mid == '\'')) ||
			    (digits && (mid == '.' || mid == ',' || mid == ';' || mid == '\'')))
				i++;   /* joined: go on with the run after it */
			else
				break;
		}
		VB_ALLOC_GROW(out->v, out->n + 1, out->alloc);
		struct vb_token *t = &out->v[out->n++];
		t->start = start;
		t->end = i;
		t->kind = letter ? VB_TOK_WORD : VB_TOK_NUMBER;
	}
	return true;
}

int vb_words(vb_tokenizer *tk, const char *text, size_t len,
	     struct vb_tokens *out, struct vb_buf *err)
{
	if (!tk || !out || (!text && len)) {
		if (err)
			vb_buf_adds(err, "bad argument to vb_words");
		return VB_TEXT_EINVAL;
	}
	if (words_ascii(text, len, out))
		return VB_TEXT_OK;
	return vb_words_icu(tk, text, len, out, err);
}

int vb_words_icu(vb_tokenizer *tk, const char *text, size_t len,
		 struct vb_tokens *out, struct vb_buf *err)
{
	if (!tk || !out || (!text && len)) {
		if (err)
			vb_buf_adds(err, "bad argument to vb_words");
		return VB_TEXT_EINVAL;
	}
	for (size_t base = 0; base < len;) {
		size_t end = window_end(text, base, len, tk->window);
		const char *s = text + base;
		int ret = attach_text(tk, tk->words, s, end - base, err);
		if (ret < 0)
			return ret;

		int32_t prev = ubrk_first(tk->words), b;
		for (; (b = ubrk_next(tk->words)) != UBRK_DONE; prev = b) {
			int32_t status = ubrk_getRuleStatus(tk->words);
			if (status < UBRK_WORD_NONE_LIMIT)
				continue;
			int kind = token_kind(s + prev, (size_t)(b - prev), status);
			if (!kind)
				continue;
			VB_ALLOC_GROW(out->v, out->n + 1, out->alloc);
			struct vb_token *t = &out->v[out->n++];
			t->start = base + (size_t)prev;
			t->end = base + (size_t)b;
			t->kind = (enum vb_token_kind)kind;
		}
		base = end;
	}
	return VB_TEXT_OK;
}

/* ---- sentences ---------------------------------------------------------- */

static inline bool is_space_cp(UChar32 c)
{
	if (c < 0x80)
		return c == ' ' || (c >= 0x09 && c <= 0x0D);
	return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF;
}

/* First position in s[i..n) that is not white space. */
static size_t skip_space(const char *s, size_t i, size_t n)
{
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (c != ' ' && (c < 0x09 || c > 0x0D))
				break;
			i++;
			continue;
		}
		int32_t j = (int32_t)i;
		UChar32 cp;
		U8_NEXT(s, j, (int32_t)n, cp);
		if (!is_space_cp(cp))
			break;
		i = (size_t)j;
	}
	return i;
}

/* End of s[lo..i) without its trailing white space. */
static size_t trim_end(const char *s, size_t lo, size_t i)
{
	while (i > lo) {
		unsigned char c = (unsigned char)s[i - 1];
		if (c < 0x80) {
			if (c != ' ' && (c < 0x09 || c > 0x0D))
				break;
			i--;
			continue;
		}
		int32_t j = (int32_t)i;
		UChar32 cp;
		U8_PREV(s, (int32_t)lo, j, cp);
		if (!is_space_cp(cp))
			break;
		i = (size_t)j;
	}
	return i;
}

static UChar32 cp_at(const char *s, size_t i, size_t n)
{
	if (i >= n)
		return -1;
	int32_t j = (int32_t)i;
	UChar32 cp;
	U8_NEXT(s, j, (int32_t)n, cp);
	return cp;
}

/* True when s[a..b) holds at least two line ends: a blank line. */
static bool has_blank_line(const char *s, size_t a, size_t b)
{
	int lines = 0;
	for (size_t i = a; i < b; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n' || (c == '\r' && (i + 1 >= b || s[i + 1] != '\n')))
			lines++;
		else if (c == 0xE2 && i + 2 < b && (unsigned char)s[i + 1] == 0x80 &&
			 (unsigned char)s[i + 2] == 0xA9)
			lines += 2;  /* U+2029 PARAGRAPH SEPARATOR */
		if (lines >= 2)
			return true;
	}
	return false;
}

enum abbreviation {
	ABBR_NONE,
	ABBR_ALWAYS,         /* never ends a sentence: "Mr.", "vs." */
	ABBR_BEFORE_NUMBER,  /* does not end one before a number: "No. 1" */
	ABBR_MONTH,          /* "Jan. 5"; otherwise like ABBR_AMBIGUOUS */
	ABBR_AMBIGUOUS,      /* may end one: "Inc.", "U.S.", "J." */
};

struct abbreviation_entry {
	const char *word;
	enum abbreviation kind;
};

static const struct abbreviation_entry abbreviations[] = {
	/* Titles come before a name, never at the end of a sentence. */
	{ "mr", ABBR_ALWAYS },    { "mrs", ABBR_ALWAYS },  { "ms", ABBR_ALWAYS },
	{ "mx", ABBR_ALWAYS },    { "dr", ABBR_ALWAYS },   { "prof", ABBR_ALWAYS },
	{ "messrs", ABBR_ALWAYS }, { "mme", ABBR_ALWAYS }, { "mlle", ABBR_ALWAYS },
	{ "rev", ABBR_ALWAYS },   { "hon", ABBR_ALWAYS },  { "sen", ABBR_ALWAYS },
	{ "rep", ABBR_ALWAYS },   { "gov", ABBR_ALWAYS },  { "gen", ABBR_ALWAYS },
	{ "col", ABBR_ALWAYS },   { "capt", ABBR_ALWAYS }, { "lt", ABBR_ALWAYS },
	{ "sgt", ABBR_ALWAYS },   { "cmdr", ABBR_ALWAYS }, { "adm", ABBR_ALWAYS },
	{ "maj", ABBR_ALWAYS },   { "pres", ABBR_ALWAYS }, { "supt", ABBR_ALWAYS },
	{ "atty", ABBR_ALWAYS },  { "amb", ABBR_ALWAYS },  { "msgr", ABBR_ALWAYS },
	{ "vs", ABBR_ALWAYS },    { "cf", ABBR_ALWAYS },   { "viz", ABBR_ALWAYS },
	{ "approx", ABBR_ALWAYS }, { "incl", ABBR_ALWAYS }, { "e.g", ABBR_ALWAYS },
	{ "i.e", ABBR_ALWAYS },
	/* References: "No. 1", "Art. 5", "p. 12". */
	{ "no", ABBR_BEFORE_NUMBER },  { "nos", ABBR_BEFORE_NUMBER },
	{ "nr", ABBR_BEFORE_NUMBER },  { "art", ABBR_BEFORE_NUMBER },
	{ "fig", ABBR_BEFORE_NUMBER }, { "figs", ABBR_BEFORE_NUMBER },
	{ "vol", ABBR_BEFORE_NUMBER }, { "vols", ABBR_BEFORE_NUMBER },
	{ "ch", ABBR_BEFORE_NUMBER },  { "sec", ABBR_BEFORE_NUMBER },
	{ "para", ABBR_BEFORE_NUMBER }, { "pp", ABBR_BEFORE_NUMBER },
	{ "tel", ABBR_BEFORE_NUMBER }, { "ext", ABBR_BEFORE_NUMBER },
	{ "ca", ABBR_BEFORE_NUMBER },
	{ "jan", ABBR_MONTH }, { "feb", ABBR_MONTH }, { "mar", ABBR_MONTH },
	{ "apr", ABBR_MONTH }, { "jun", ABBR_MONTH }, { "jul", ABBR_MONTH },
	{ "aug", ABBR_MONTH }, { "sep", ABBR_MONTH }, { "sept", ABBR_MONTH },
	{ "oct", ABBR_MONTH }, { "nov", ABBR_MONTH }, { "dec", ABBR_MONTH },
	/* Company forms, name suffixes, streets: often the last word. */
	{ "inc", ABBR_AMBIGUOUS },  { "ltd", ABBR_AMBIGUOUS },
	{ "co", ABBR_AMBIGUOUS },   { "cos", ABBR_AMBIGUOUS },
	{ "corp", ABBR_AMBIGUOUS }, { "bros", ABBR_AMBIGUOUS },
	{ "plc", ABBR_AMBIGUOUS },  { "llc", ABBR_AMBIGUOUS },
	{ "jr", ABBR_AMBIGUOUS },   { "sr", ABBR_AMBIGUOUS },
	{ "esq", ABBR_AMBIGUOUS },  { "st", ABBR_AMBIGUOUS },
	{ "ave", ABBR_AMBIGUOUS },  { "blvd", ABBR_AMBIGUOUS },
	{ "rd", ABBR_AMBIGUOUS },   { "mt", ABBR_AMBIGUOUS },
	{ "ft", ABBR_AMBIGUOUS },   { "dept", ABBR_AMBIGUOUS },
	{ "univ", ABBR_AMBIGUOUS }, { "assn", ABBR_AMBIGUOUS },
	{ "intl", ABBR_AMBIGUOUS }, { "govt", ABBR_AMBIGUOUS },
	{ "etc", ABBR_AMBIGUOUS },  { "al", ABBR_AMBIGUOUS },
};

/*
 * Capitalized words that usually start a sentence.  After an ambiguous
 * abbreviation ("Acme Inc.", "the U.S.") a break is kept only before one of
 * these, so "Acme Inc. The company said" splits while "Acme Inc. Chairman"
 * and "J. Smith" do not.
 */
static const char *const sentence_starters[] = {
	"A", "An", "The", "This", "That", "These", "Those", "There", "Here",
	"He", "She", "It", "We", "They", "I", "You", "His", "Her", "Its",
	"Their", "Our", "My", "Your", "In", "On", "At", "For", "By", "With",
	"From", "To", "As", "But", "And", "Or", "So", "Yet", "If", "When",
	"While", "After", "Before", "Since", "Although", "Though", "However",
	"Meanwhile", "Also", "Then", "Now", "Today", "Yesterday", "Last",
	"Earlier", "Later", "According", "Under", "During", "Despite",
	"Following", "Separately", "Both", "Each", "All", "Some", "Many",
	"Most", "Other", "What", "Why", "How", "Who", "Where", "Mr", "Mrs",
	"Ms", "Dr", "Prof",
};

static bool word_equals_ci(const char *w, size_t n, const char *lower)
{
	size_t i = 0;
	for (; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + ('a' - 'A'));
		if (!lower[i] || c != (unsigned char)lower[i])
			return false;
	}
	return lower[i] == '\0';
}

/* "U.S", "U.S.A", "Ph.D", "a.m": short letter groups joined by single dots. */
static bool is_initialism(const char *w, size_t n)
{
	size_t group = 0;
	for (size_t i = 0; i < n; i++) {
		if (w[i] != '.') {
			if (++group > 3)
				return false;
		} else if (!group) {
			return false;
		} else {
			group = 0;
		}
	}
	return group > 0;
}

static enum abbreviation classify_abbreviation(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof(abbreviations) / sizeof(abbreviations[0]); i++)
		if (word_equals_ci(w, n, abbreviations[i].word))
			return abbreviations[i].kind;
	/* "J." and "U.S." (a run of initials); single lowercase letters: "p. 5". */
	if (n == 1)
		return (w[0] >= 'A' && w[0] <= 'Z') ? ABBR_AMBIGUOUS : ABBR_BEFORE_NUMBER;
	if (memchr(w, '.', n) && is_initialism(w, n))
		return ABBR_AMBIGUOUS;
	return ABBR_NONE;
}

static bool starts_sentence(const char *s, size_t i, size_t n)
{
	if (i >= n)
		return true;
	unsigned char c = (unsigned char)s[i];
	if (c == '"' || c == '\'' || c == '(' || c == '[')
		return true;
	if (c >= 0x80) {
		UChar32 cp = cp_at(s, i, n);
		/* An opening quotation mark: a quoted sentence begins. */
		return cp == 0x201C || cp == 0x2018 || cp == 0x00AB || cp == 0x201E;
	}
	size_t k = i;
	while (k < n && k - i < 16 && ascii_alpha((unsigned char)s[k]))
		k++;
	if (k == i || (k < n && ((unsigned char)s[k] >= 0x80 || ascii_alpha((unsigned char)s[k]))))
		return false;
	for (size_t j = 0; j < sizeof(sentence_starters) / sizeof(sentence_starters[0]); j++) {
		const char *w = sentence_starters[j];
		if (strlen(w) == k - i && !memcmp(w, s + i, k - i))
			return true;
	}
	return false;
}

/*
 * Whether the '.' at s[dot] is the full stop of an abbreviation that does
 * not end the sentence here; `next` is where the next sentence would start.
 */
static bool abbreviation_holds(const char *s, size_t lo, size_t dot,
			       size_t next, size_t n)
{
	size_t j = dot;
	while (j > lo && dot - j < 24 &&
	       (ascii_alpha((unsigned char)s[j - 1]) || s[j - 1] == '.'))
		j--;
	if (j == dot)
		return false;
	/* The abbreviation must be a whole word, not the tail of "Müller". */
	if (j > lo) {
		unsigned char before = (unsigned char)s[j - 1];
		if (before >= 0x80 || ascii_alpha(before) || ascii_digit(before))
			return false;
	}
	bool digit_follows = next < n && ascii_digit((unsigned char)s[next]);
	switch (classify_abbreviation(s + j, dot - j)) {
	case ABBR_ALWAYS:
		return true;
	case ABBR_BEFORE_NUMBER:
		return digit_follows;
	case ABBR_MONTH:
		return digit_follows || !starts_sentence(s, next, n);
	case ABBR_AMBIGUOUS:
		return !starts_sentence(s, next, n);
	case ABBR_NONE:
	default:
		return false;
	}
}

/*
 * Whether to keep the ICU sentence break at b; the current sentence began
 * at `lo`.  We drop breaks that ICU makes at every line end (status
 * UBRK_SENTENCE_SEP) unless a blank line follows, because newlines inside
 * a paragraph are soft wraps; breaks before a lowercase letter ("Yahoo! said");
 * and breaks after abbreviations.
 */
static bool sentence_break_holds(const char *s, size_t n, size_t lo, size_t b,
				 int32_t status)
{
	size_t end = trim_end(s, lo, b);
	size_t next = skip_space(s, b, n);

	if (end == lo || next >= n)
		return true;
	if (has_blank_line(s, end, next))
		return true;
	if (status >= UBRK_SENTENCE_SEP && status < UBRK_SENTENCE_SEP_LIMIT)
		return false;
	UChar32 first = cp_at(s, next, n);
	if (first >= 0 && u_islower(first))
		return false;
	if (s[end - 1] != '.')
		return true;
	return !abbreviation_holds(s, lo, end - 1, next, n);
}

static bool is_closing_cp(UChar32 c)
{
	return c == ')' || c == ']' || c == '"' || c == '\'' || c == 0x2019 ||
	       c == 0x201D || c == 0x00BB || c == 0x203A;
}

/*
 * Whether the whitespace-delimited chunk around s[i] looks like a URL,
 * an e-mail address or a domain name ("www.Example.com"), which a glued
 * sentence split must leave alone.  Only 128 bytes each side are looked
 * at, so a text without spaces cannot make this quadratic.
 */
static inline bool ascii_space(unsigned char c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D);
}

static bool in_address(const char *s, size_t lo, size_t i, size_t hi)
{
	size_t a = i, z = i + 1;
	while (a > lo && i - a < 128 && !ascii_space((unsigned char)s[a - 1]))
		a--;
	while (z < hi && z - i < 128 && !ascii_space((unsigned char)s[z]))
		z++;
	for (size_t k = a; k < z; k++) {
		char c = s[k];
		if (c == '@' || c == '/')
			return true;
		if (k != i && c == '.' && k + 1 < z &&
		    (ascii_alpha((unsigned char)s[k + 1]) || ascii_digit((unsigned char)s[k + 1])))
			return true;
		if (k + 4 <= z && word_equals_ci(s + k, 4, "www."))
			return true;
	}
	return false;
}

/*
 * A sentence glued to the next one without a space ("owners.The defendants"),
 * which ICU does not split: a lowercase letter or a closing quote or bracket,
 * then '.', '!' or '?' at s[i], then an uppercase letter and a lowercase one.
 * "U.S.", "e.g.", "3.5" and "Node.js" do not match.
 */
static bool glued_break(const char *s, size_t lo, size_t i, size_t hi)
{
	int32_t p = (int32_t)i, q = (int32_t)i + 1;
	UChar32 before, upper, lower;

	U8_PREV(s, (int32_t)lo, p, before);
	if (before < 0 || !(u_islower(before) || is_closing_cp(before)))
		return false;
	U8_NEXT(s, q, (int32_t)hi, upper);
	if (upper < 0 || !(u_isupper(upper) || u_istitle(upper)) || q >= (int32_t)hi)
		return false;
	U8_NEXT(s, q, (int32_t)hi, lower);
	if (lower < 0 || !u_islower(lower))
		return false;
	return !in_address(s, lo, i, hi);
}

static void add_span(struct vb_spans *out, size_t start, size_t end)
{
	VB_ALLOC_GROW(out->v, out->n + 1, out->alloc);
	out->v[out->n].start = start;
	out->v[out->n].end = end;
	out->n++;
}

/* Report s[a..b) trimmed, split where sentences are glued together. */
static void emit_sentence(const char *s, size_t a, size_t b, size_t base,
			  struct vb_spans *out)
{
	a = skip_space(s, a, b);
	b = trim_end(s, a, b);
	if (a == b)
		return;
	size_t start = a;
	for (size_t i = a + 1; i + 2 < b; i++) {
		char c = s[i];
		if ((c == '.' || c == '!' || c == '?') && glued_break(s, start, i, b)) {
			add_span(out, base + start, base + i + 1);
			start = i + 1;
		}
	}
	add_span(out, base + start, base + b);
}

int vb_sentences(vb_tokenizer *tk, const char *text, size_t len,
		 struct vb_spans *out, struct vb_buf *err)
{
	if (!tk || !out || (!text && len)) {
		if (err)
			vb_buf_adds(err, "bad argument to vb_sentences");
		return VB_TEXT_EINVAL;
	}
	for (size_t base = 0; base < len;) {
		size_t end = window_end(text, base, len, tk->window);
		const char *s = text + base;
		size_t n = end - base;
		int ret = attach_text(tk, tk->sentences, s, n, err);
		if (ret < 0)
			return ret;

		size_t lo = (size_t)ubrk_first(tk->sentences);
		int32_t b;
		while ((b = ubrk_next(tk->sentences)) != UBRK_DONE) {
			int32_t status = ubrk_getRuleStatus(tk->sentences);
			if ((size_t)b < n &&
			    !sentence_break_holds(s, n, lo, (size_t)b, status))
				continue;
			emit_sentence(s, lo, (size_t)b, base, out);
			lo = (size_t)b;
		}
		if (lo < n)
			emit_sentence(s, lo, n, base, out);
		base = end;
	}
	return VB_TEXT_OK;
}
