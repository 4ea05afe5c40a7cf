/* scan.c: tokens, paragraphs and sentences of a body, with the word-list flags of each word. */
#include "extract/internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>

/*
 * The extractor tokenizes on its own rather than through vb_words(): it needs
 * the punctuation (quotation marks, commas, dashes) as tokens, letter case
 * and white space between tokens, and one pass over the bytes keeps it fast.
 * Invalid UTF-8 decodes to U+FFFD, which is punctuation here, except
 * between two letters: a stray byte inside a word does not split it.
 */

static unsigned next_cp(const char *s, size_t len, size_t *i)
{
	unsigned char c = (unsigned char)s[*i];

	if (c < 0x80) {
		(*i)++;
		return c;
	}
	return vb_utf8_next(s, len, i);
}

static bool cp_is_alpha(unsigned cp)
{
	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	if (u_isalpha((UChar32)cp))
		return true;
	int8_t type = u_charType((UChar32)cp);
	return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

static bool cp_is_digit(unsigned cp)
{
	return cp >= '0' && cp <= '9';
}

static bool cp_is_space(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	       cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x2009 ||
	       cp == 0x202F || cp == 0x3000 || cp == 0x2002 || cp == 0x2003 ||
	       cp == 0xFEFF;
}

static bool cp_is_apostrophe(unsigned cp)
{
	return cp == '\'' || cp == 0x2019;
}

bool is_dash_cp(unsigned cp)
{
	return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2012 ||
	       cp == 0x2015 || cp == 0x2212;
}

static unsigned peek(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return 0;
	return next_cp(s, len, &i);
}

_Static_assert(sizeof(struct xtok) == 32, "a token takes 32 bytes");
_Static_assert(TF_HEADLINE < (1u << 16), "token flags fit in 16 bits");

static struct xtok *push(struct xdoc *d)
{
	VB_ALLOC_GROW(d->t, d->nt + 1, d->at);
	struct xtok *t = &d->t[d->nt++];
	memset(t, 0, sizeof(*t));
	return t;
}

/* Letter case of a word: sets TF_CAP and TF_ALLCAPS. */
static void word_case(struct xdoc *d, struct xtok *t)
{
	size_t i = t->start, end = t->end, n = t->end - t->start;
	int letters = 0, lower = 0;
	bool first = true;

	/* "BBC's" is in capitals: not its possessive's "s". */
	const char *w = d->s + t->start;
	if (n > 3 && w[n - 1] == 's' && w[n - 2] == '\'')
		end -= 2;
	else if (n > 5 && w[n - 1] == 's' && !memcmp(w + n - 4, "\xE2\x80\x99", 3))
		end -= 4;
	while (i < end) {
		unsigned cp = next_cp(d->s, end, &i);
		bool up, lo;
		if (cp < 0x80) {
			up = cp >= 'A' && cp <= 'Z';
			lo = cp >= 'a' && cp <= 'z';
			if (cp >= '0' && cp <= '9')
				t->flags |= TF_HAS_DIGIT;
		} else {
			up = u_isupper((UChar32)cp) || u_istitle((UChar32)cp);
			lo = u_islower((UChar32)cp);
		}
		if (up || lo)
			letters++;
		if (lo)
			lower++;
		if (first && (up || lo)) {
			if (up)
				t->flags |= TF_CAP;
			first = false;
		}
	}
	if (letters >= 2 && !lower)
		t->flags |= TF_ALLCAPS;
}

/*
 * The base letter of a Latin letter with a diacritic, lower case ("î" ->
 * 'i', "Ø" -> 'o', "Ł" -> 'l'), for U+00C0..U+017F; 0 for the others and
 * for letters with no single base letter ("ß", "œ").
 */
unsigned latin_base(unsigned cp)
{
	static const char l1[] = "aaaaaaaceeeeiiiidnooooo_ouuuuyt_"
				 "aaaaaaaceeeeiiiidnooooo_ouuuuyty";
	static const char ea[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii__jjkkklllllll"
				 "lllnnnnnnnnnoooooo__rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
	char f = cp >= 0xC0 && cp < 0x100 ? l1[cp - 0xC0] : cp >= 0x100 && cp < 0x180 ? ea[cp - 0x100] : '_';
	return f == '_' ? 0 : (unsigned char)f;
}

/*
 * A word with its Latin diacritics folded, lower case: "Benoît" ->
 * "benoit", "Søren" -> "soren".  Returns the length written to out, or 0
 * when nothing was folded or a letter has no base letter.
 */
static size_t fold_word(const char *w, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	bool folded = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		unsigned f;
		if (c < 0x80) {
			f = (c >= 'A' && c <= 'Z') ? c + 32u : c;
		} else if (i + 1 < n && c >= 0xC3 && c <= 0xC5) {
			f = latin_base(((c & 0x1Fu) << 6) | ((unsigned char)w[++i] & 0x3Fu));
			if (!f)
				return 0;
			folded = true;
		} else {
			return 0;
		}
		if (o + 1 >= cap)
			return 0;
		out[o++] = (char)f;
	}
	return folded ? o : 0;
}

static void word_lex(struct xdoc *d, struct xtok *t)
{
	size_t end = t->end;
	const char *w = d->s + t->start;
	size_t n = end - t->start;

	/* Possessive: "Acme's", "Acme’s" (the word list knows "acme"). */
	if (n > 2 && (w[n - 1] == 's' || w[n - 1] == 'S')) {
		if (w[n - 2] == '\'') {
			t->flags |= TF_POSS;
			n -= 2;
		} else if (n > 4 && !memcmp(w + n - 4, "\xE2\x80\x99", 3)) {
			t->flags |= TF_POSS;
			n -= 4;
		}
	}
	size_t ln = n;
	if (t->flags & TF_DOTS) {
		/* "N.Y." -> "n.y.": kept with the dots; "Inc." is never a token. */
		ln = n;
	}
	const struct strmap_entry *e = lexicon_get(&d->ex->lex, w, ln);
	if (e) {
		t->lex = e->flags;
		t->val = e->val;
		return;
	}
	/* German titles in compounds: "Landesvorsitzender",
	 * "Konzernsprecherin", "Finanzministerin". */
	static const struct { const char *s; size_t n; } de_roles[] = {
#define R(x) { x, sizeof(x) - 1 }
		R("vorsitzender"), R("vorsitzende"), R("sprecher"), R("sprecherin"),
		R("direktor"), R("direktorin"), R("leiter"), R("leiterin"), R("chefin"),
		R("präsident"), R("präsidentin"), R("ministerin"), R("geschäftsführer"),
		R("geschäftsführerin"), R("bürgermeister"), R("bürgermeisterin"),
		R("minister"), R("chef"), R("kanzler"), R("kanzlerin"), R("senator"),
		R("senatorin"), R("vorstand"), R("sekretär"), R("sekretärin"),
#undef R
	};
	if ((t->flags & TF_CAP) && ln >= 9)	/* nouns, capitalised */
		for (size_t r = 0; r < sizeof(de_roles) / sizeof(de_roles[0]); r++)
			if (ln > de_roles[r].n + 2 &&
			    !memcmp(w + ln - de_roles[r].n, de_roles[r].s, de_roles[r].n)) {
				/* a title before a name, as "Minister" is */
				t->lex = L_ROLE | L_HONORIFIC | L_NOM_PERSON;
				return;
			}
	/* A given name written with its accents where the list has none
	 * ("Tomás", "Benoît"); only the name's classes carry over. */
	char fold[48];
	size_t fl = fold_word(w, ln, fold, sizeof(fold));
	if (fl && (e = lexicon_get(&d->ex->lex, fold, fl)) != NULL)
		t->lex = e->flags & (L_GIVEN | L_MALE | L_FEMALE);
}

const char *tok_aux(const struct xdoc *d, size_t i)
{
	const struct xtok *t = &d->t[i];
	const struct strmap_entry *e =
		lexicon_get(&d->ex->lex, d->s + t->start, tok_stem_end(d, i) - t->start);

	return e ? e->aux : NULL;
}

/*
 * Paragraph breaks: a blank line, or a line starting with indentation (wire
 * copy).  When the text has long lines, it is not hard-wrapped and every
 * newline ends a paragraph (scraped pages, JSON text fields).
 */
static bool long_lines(const char *s, size_t len)
{
	size_t run = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n') {
			run = 0;
		} else if (++run > 160) {
			return true;
		}
	}
	return false;
}

void scan_tokens(struct xdoc *d)
{
	const char *s = d->s;
	size_t len = d->len, i = 0;
	bool unwrapped = long_lines(s, len);
	uint32_t para = 0;
	bool para_start = true;
	bool space = true, nl = true;

	while (i < len) {
		size_t at = i;
		unsigned cp = next_cp(s, len, &i);

		if (cp_is_space(cp)) {
			if (cp == '\n') {
				/* Look at what follows the newline. */
				size_t j = i;
				bool blank = false, indent = false;
				while (j < len && (s[j] == ' ' || s[j] == '\t' ||
						   s[j] == '\r')) {
					if (s[j] != '\r')
						indent = true;
					j++;
				}
				if (j < len && s[j] == '\n')
					blank = true;
				if (blank || indent || unwrapped) {
					if (!para_start && d->nt)
						para++;
					para_start = true;
				}
				nl = true;
			}
			space = true;
			continue;
		}
		struct xtok *t = push(d);
		t->start = at;
		t->para = para;
		if (space)
			t->flags |= TF_SPACE_BEFORE;
		if (nl)
			t->flags |= TF_NL_BEFORE;
		if (para_start)
			t->flags |= TF_PARA_START;
		para_start = false;
		space = nl = false;

		if (cp_is_alpha(cp)) {
			t->kind = TK_WORD;
			size_t j = i;
			size_t letters = 1;
			unsigned prev = cp;
			for (;;) {
				size_t k = j;
				if (k >= len)
					break;
				unsigned c = next_cp(s, len, &k);
				/* "增长77.6%": Han text runs into a number with no
				 * space; the number is a token of its own. */
				if (cp_is_digit(c) && prev >= 0x2E80 && prev <= 0x9FFF)
					break;
				if (cp_is_alpha(c) || cp_is_digit(c)) {
					j = k;
					letters++;
					prev = c;
					continue;
				}
				if (cp_is_apostrophe(c) &&
				    cp_is_alpha(peek(s, len, k))) {
					j = k;
					continue;
				}
				/* "Pettif\xffer": a stray byte inside a word
				 * (U+FFFD once repaired) does not split it;
				 * text_dup_clean() leaves it out. */
				if (c == 0xFFFD && cp_is_alpha(peek(s, len, k))) {
					j = k;
					continue;
				}
				/* Initialisms: "U.S.", "N.Y.", "e.g." */
				if (c == '.' && letters == 1 &&
				    cp_is_alpha(peek(s, len, k))) {
					size_t m = k;
					next_cp(s, len, &m);
					if (m < len && s[m] == '.') {
						j = m + 1;
						t->flags |= TF_DOTS;
						/* Continue with further letter-dot pairs. */
						while (j + 1 < len &&
						       cp_is_alpha((unsigned char)s[j]) &&
						       s[j + 1] == '.')
							j += 2;
						break;
					}
				}
				break;
			}
			i = j;
			t->end = i;
			word_case(d, t);
			word_lex(d, t);
		} else if (cp_is_digit(cp) ||
			   (cp == '.' && cp_is_digit(peek(s, len, i)) &&
			    (t->flags & TF_SPACE_BEFORE))) {
			t->kind = TK_NUM;
			t->flags |= TF_HAS_DIGIT;
			while (i < len) {
				unsigned char c = (unsigned char)s[i];
				if (c >= '0' && c <= '9') {
					i++;
				} else if ((c == ',' || c == '.') && i + 1 < len &&
					   s[i + 1] >= '0' && s[i + 1] <= '9') {
					i++;
				} else {
					break;
				}
			}
			t->end = i;
		} else {
			t->kind = TK_PUNCT;
			t->cp = cp;
			t->end = i;
		}
	}
	d->np = 0;
	/* Paragraphs. */
	for (size_t k = 0; k < d->nt;) {
		size_t e = k + 1;
		while (e < d->nt && d->t[e].para == d->t[k].para)
			e++;
		VB_ALLOC_GROW(d->p, d->np + 1, d->ap);
		d->p[d->np].t0 = k;
		d->p[d->np].t1 = e;
		d->np++;
		k = e;
	}
	/* Renumber paragraphs densely (the scan may skip numbers). */
	for (size_t k = 0; k < d->np; k++)
		for (size_t j = d->p[k].t0; j < d->p[k].t1; j++)
			d->t[j].para = (uint32_t)k;
}

/* Closing punctuation that stays with the sentence before it. */
static bool is_closer(const struct xtok *t)
{
	if (t->kind != TK_PUNCT)
		return false;
	switch (t->cp) {
	case '"': case '\'': case ')': case ']': case 0x201D: case 0x2019:
	case 0x00BB: case 0x300D: case 0x300F: case 0x201C: case 0x203A:
		return true;
	}
	return false;
}

static bool is_terminal(const struct xtok *t)
{
	return t->kind == TK_PUNCT &&
	       (t->cp == '.' || t->cp == '!' || t->cp == '?' ||
		t->cp == 0x2026 || t->cp == 0x3002 || t->cp == 0xFF01 ||
		t->cp == 0xFF1F);
}

static bool starts_sentence(const struct xdoc *d, size_t i)
{
	const struct xtok *t = &d->t[i];

	if (t->kind == TK_NUM)
		return true;
	if (t->kind == TK_PUNCT)
		return t->cp != ',' && t->cp != ';' && t->cp != ')' &&
		       t->cp != '.';
	/* Scripts without case (Han, Arabic...) start sentences anywhere. */
	return (t->flags & TF_CAP) || (unsigned char)d->s[t->start] >= 0xD8;
}

static bool allcaps_tok(const struct xtok *t)
{
	return t->kind == TK_NUM ||
	       (t->kind == TK_WORD && (t->flags & (TF_ALLCAPS | TF_CAP)) &&
		((t->flags & TF_ALLCAPS) || t->end - t->start == 1));
}

/* "OPEC" in a headline is an acronym when the text writes it so too. */
static bool acronym_later(const struct xdoc *d, size_t i, size_t from)
{
	size_t n = tok_len(d, i);
	for (size_t k = from; k < d->nt; k++)
		if (d->t[k].kind == TK_WORD && tok_len(d, k) == n &&
		    !memcmp(d->s + d->t[k].start, d->s + d->t[i].start, n))
			return true;
	return false;
}

/*
 * Where a story's opening paragraph holds two sentences no full stop
 * parts: a dateline ("JAKARTA, March 1 - Indonesia appears", "London, 17
 * April 2007 - The federation", "PARIS (Reuters) - The"), split after its
 * dash; a headline in capitals run into the text ("FED SAYS RATES STEADY
 * The Federal Reserve", "SUGAR SALES A total 60,500 tonnes"), split
 * where the capitals end.  Returns the first token of the second
 * sentence, or 0; *headline says which.
 */
static size_t lead_split(const struct xdoc *d, size_t t0, size_t t1, bool *headline)
{
	*headline = false;
	if (t1 - t0 < 6 || !(d->t[t0].flags & TF_CAP))
		return 0;
	for (size_t i = t0 + 1; i < t1 && i < t0 + 14; i++) {
		const struct xtok *t = &d->t[i];
		if (t->kind == TK_WORD && !(t->flags & TF_CAP))
			break;   /* a lower-case word: a sentence, not a dateline */
		if (t->kind == TK_PUNCT && is_dash_cp(t->cp) && (t->flags & TF_SPACE_BEFORE) &&
		    i + 1 < t1 && (d->t[i + 1].flags & TF_SPACE_BEFORE) &&
		    (d->t[i + 1].flags & TF_CAP) &&
		    /* "12 April 2005 -", "(Reuters) -", "3 May -",
		     * "/PRNewswire/ --" */
		    (d->t[i - 1].kind == TK_NUM || tok_punct(d, i - 1, ')') ||
		     tok_punct(d, i - 1, '/') ||
		     (d->t[i - 1].kind == TK_WORD && (d->t[i - 1].lex & L_MONTH) &&
		      d->t[i - 2].kind == TK_NUM))) {
			bool comma = false;
			for (size_t k = t0 + 1; k < i; k++)
				comma |= tok_punct(d, k, ',') || tok_punct(d, k, '(');
			if (comma)
				return i + 1;
			break;
		}
		/* A town in capitals alone: "EASTPORT — The", "NEW YORK -
		 * The" (no date, no agency). */
		if (t->kind == TK_PUNCT && is_dash_cp(t->cp) && (t->flags & TF_SPACE_BEFORE) &&
		    i <= t0 + 3 && i + 1 < t1 && (d->t[i + 1].flags & TF_SPACE_BEFORE) &&
		    (d->t[i + 1].flags & TF_CAP) && d->t[i + 1].kind == TK_WORD) {
			bool town = true;
			for (size_t k = t0; k < i && town; k++)
				town = d->t[k].kind == TK_WORD && allcaps_tok(&d->t[k]) &&
				       tok_len(d, k) > 1;
			if (town)
				return i + 1;
			break;
		}
	}
	size_t j = t0, words = 0;
	while (j < t1 && !(d->t[j].flags & TF_NL_BEFORE && j > t0) &&
	       (allcaps_tok(&d->t[j]) || (d->t[j].kind == TK_PUNCT && d->t[j].cp != '.'))) {
		words += d->t[j].kind == TK_WORD;
		j++;
	}
	if (j >= t1 || words < 3 || (d->t[j].flags & TF_NL_BEFORE) || d->t[j].kind != TK_WORD)
		return 0;
	/* A salutation ("GENTLEMEN OF THE CONGRESS: The session") opens a speech. */
	for (size_t k = t0; k < j; k++)
		if (tok_punct(d, k, ':'))
			return 0;
	if (!(d->t[j].flags & TF_CAP)) {
		/* "... SUGAR SALES A total", "... DLRS U.S. bank": the last
		 * capital word opens the text; "... SAYS chile's" is split
		 * where the capitals end. */
		if (words < 4)
			return 0;
		if (d->t[j - 1].kind == TK_WORD &&
		    (tok_len(d, j - 1) == 1 || (d->t[j - 1].flags & TF_DOTS) ||
		     acronym_later(d, j - 1, t1)))
			j--;
	}
	/* "... FALL IN 1987/88 <Nippon Telegraph", "SMELTER (Alcan Ltd)":
	 * the opening bracket or mark goes with the text. */
	while (j > t0 + 1 && d->t[j - 1].kind == TK_PUNCT && !(d->t[j].flags & TF_SPACE_BEFORE) &&
	       (d->t[j - 1].cp == '<' || d->t[j - 1].cp == '(' || d->t[j - 1].cp == '"' ||
		d->t[j - 1].cp == 0x201C || d->t[j - 1].cp == '\''))
		j--;
	*headline = true;
	return j;
}

static void sentences(struct xdoc *d)
{
	size_t lead = 0;
	bool lead_headline = false;

	for (size_t pi = 0; pi < d->np && pi < 3 && !lead; pi++)
		lead = lead_split(d, d->p[pi].t0, d->p[pi].t1, &lead_headline);
	for (size_t pi = 0; pi < d->np; pi++) {
		size_t t0 = d->p[pi].t0, t1 = d->p[pi].t1, start = t0;
		for (size_t i = t0; i < t1; i++) {
			const struct xtok *t = &d->t[i];
			bool brk = false;
			size_t end = i + 1;
			if (lead && end == lead) {
				brk = true;
				if (lead_headline)
					for (size_t k = start; k < end; k++)
						d->t[k].flags |= TF_HEADLINE;
			} else if (is_terminal(t) && t->cp >= 0x3000) {
				while (end < t1 && is_closer(&d->t[end]))
					end++;
				brk = true;
			} else if (is_terminal(t)) {
				while (end < t1 && is_closer(&d->t[end]) &&
				       !(d->t[end].flags & TF_SPACE_BEFORE))
					end++;
				if (end >= t1) {
					brk = true;
				} else if (!(d->t[end].flags & TF_SPACE_BEFORE) &&
					   t->cp == '.') {
					/* "owners.The" is glued; "3.5" is a number;
					 * "BRKN.S", "Yahoo.Com" are names. */
					brk = d->t[end].kind == TK_WORD &&
					      (d->t[end].flags & TF_CAP) &&
					      tok_len(d, end) > 1 &&
					      i > t0 &&
					      d->t[i - 1].kind == TK_WORD &&
					      !(d->t[i - 1].flags & TF_ALLCAPS) &&
					      tok_len(d, i - 1) > 3;
				} else if (starts_sentence(d, end)) {
					brk = true;
					if (t->cp == '.' && i > t0 &&
					    !(d->t[i].flags & TF_SPACE_BEFORE)) {
						const struct xtok *w = &d->t[i - 1];
						if (w->kind == TK_WORD &&
						    (w->lex & L_ABBREV))
							brk = false;
						/* An initial: "J. Smith". */
						if (w->kind == TK_WORD &&
						    tok_len(d, i - 1) == 1 &&
						    (w->flags & TF_CAP))
							brk = false;
						/* "Acme Inc. The ..." ends; "Acme Inc. said"
						 * and "Acme Inc. (NASDAQ: ACME) said" not. */
						if (w->kind == TK_WORD &&
						    (w->lex & L_ORG_SUFFIX))
							brk = !(d->t[end].kind == TK_PUNCT &&
								d->t[end].cp == '(');
					}
				}
			} else if (t->kind == TK_WORD && (t->flags & TF_DOTS) &&
				   end < t1 && (d->t[end].flags & TF_CAP) &&
				   (d->t[end].lex & (L_STOP | L_PRONOUN)) &&
				   !(d->t[end].lex & L_MONTH)) {
				/* "in the U.S. The company said" */
				brk = true;
			}
			if (brk || end >= t1) {
				if (brk && end < t1)
					i = end - 1;
				else if (!brk)
					end = t1;
				VB_ALLOC_GROW(d->sn, d->ns + 1, d->as);
				d->sn[d->ns].t0 = start;
				d->sn[d->ns].t1 = end;
				d->sn[d->ns].para = (uint32_t)pi;
				for (size_t k = start; k < end; k++)
					d->t[k].sent = (uint32_t)d->ns;
				d->t[start].flags |= TF_SENT_START;
				d->ns++;
				start = end;
				if (end >= t1)
					break;
			}
		}
	}
}

static void headlines(struct xdoc *d)
{
	/* Lines written all in capitals (headlines, datelines) are marked. */
	size_t i = 0;

	while (i < d->nt) {
		size_t j = i + 1;
		while (j < d->nt && !(d->t[j].flags & TF_NL_BEFORE))
			j++;
		size_t words = 0, caps = 0;
		for (size_t k = i; k < j; k++) {
			if (d->t[k].kind != TK_WORD)
				continue;
			words++;
			if ((d->t[k].flags & TF_ALLCAPS) ||
			    (tok_len(d, k) == 1 && (d->t[k].flags & TF_CAP)))
				caps++;
		}
		if (words >= 3 && caps * 10 >= words * 8)
			for (size_t k = i; k < j; k++)
				d->t[k].flags |= TF_HEADLINE;
		i = j;
	}
}

static void midcaps(struct xdoc *d)
{
	/* Words capitalised inside a sentence: names, not sentence openers. */
	for (size_t i = 0; i < d->nt; i++) {
		const struct xtok *t = &d->t[i];
		if (t->kind != TK_WORD || !(t->flags & TF_CAP) ||
		    (t->flags & (TF_SENT_START | TF_HEADLINE | TF_ALLCAPS)))
			continue;
		if (i > 0 && d->t[i - 1].kind == TK_PUNCT &&
		    d->t[i - 1].cp != ',' && d->t[i - 1].cp != '(')
			continue;
		lower_utf8(d->s + t->start, tok_stem_end(d, i) - t->start,
			   &d->tmp);
		strmap_put(&d->midcaps, d->tmp.buf, d->tmp.len, 1, 0, NULL);
	}
}

/* A boilerplate line never shares a paragraph with the story. */
static void split_boilerplate_paragraphs(struct xdoc *d)
{
	size_t np = 0;
	uint32_t prev = 0;

	for (size_t i = 0; i < d->nt; i++) {
		uint32_t old = d->t[i].para;
		if (i > 0 && (old != prev ||
			      ((d->t[i].flags ^ d->t[i - 1].flags) & TF_BOILER))) {
			np++;
			d->t[i].flags |= TF_PARA_START;
		}
		prev = old;
		d->t[i].para = (uint32_t)np;
	}
	d->np = 0;
	for (size_t k = 0; k < d->nt;) {
		size_t e = k + 1;
		while (e < d->nt && d->t[e].para == d->t[k].para)
			e++;
		VB_ALLOC_GROW(d->p, d->np + 1, d->ap);
		d->p[d->np].t0 = k;
		d->p[d->np].t1 = e;
		d->np++;
		k = e;
	}
}

void scan_doc_finish(struct xdoc *d)
{
	split_boilerplate_paragraphs(d);
	sentences(d);
	headlines(d);
	midcaps(d);
}

bool tok_punct(const struct xdoc *d, size_t i, unsigned cp)
{
	return i < d->nt && d->t[i].kind == TK_PUNCT && d->t[i].cp == cp;
}

size_t tok_len(const struct xdoc *d, size_t i)
{
	return d->t[i].end - d->t[i].start;
}

size_t tok_stem_end(const struct xdoc *d, size_t i)
{
	const struct xtok *t = &d->t[i];

	if (!(t->flags & TF_POSS))
		return t->end;
	return d->s[t->end - 2] == '\'' ? t->end - 2 : t->end - 4;
}

bool tok_stem_is(const struct xdoc *d, size_t i, const char *lower)
{
	if (i >= d->nt || !(d->t[i].flags & TF_POSS))
		return tok_is(d, i, lower);
	size_t n = strlen(lower);
	return tok_stem_end(d, i) - d->t[i].start == n &&
	       !strncasecmp(d->s + d->t[i].start, lower, n);
}

bool tok_adjacent(const struct xdoc *d, size_t i)
{
	return i > 0 && i < d->nt && !(d->t[i].flags & TF_SPACE_BEFORE);
}

char *text_dup(const struct xdoc *d, size_t start, size_t end)
{
	return vb_strndup(d->s + start, end - start);
}

char *text_dup_clean(const struct xdoc *d, size_t start, size_t end)
{
	struct vb_buf b = VB_BUF_INIT;
	bool sp = false;

	vb_buf_grow(&b, end - start);
	for (size_t i = start; i < end; i++) {
		char c = d->s[i];
		/* U+FFFD, what a stray byte was repaired to, says nothing. */
		if (c == '\xEF' && i + 2 < end && d->s[i + 1] == '\xBF' &&
		    d->s[i + 2] == '\xBD') {
			i += 2;
			continue;
		}
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			sp = true;
			continue;
		}
		if (sp && b.len)
			vb_buf_addch(&b, ' ');
		sp = false;
		vb_buf_addch(&b, c);
	}
	return vb_buf_detach(&b, NULL);
}
