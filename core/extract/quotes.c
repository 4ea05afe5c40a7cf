/* quotes.c: direct quotes between quotation marks, partial quotes and reported speech. */
#include "extract/internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- quotation marks ----------------------------------------------------- */

/*
 * A segment is the text between an opening mark and its closing mark inside
 * one paragraph.  An unclosed quote ends with its paragraph: it continues in
 * the next paragraph only when that one reopens it (the convention for
 * quotes over several paragraphs), so a missing mark never swallows more.
 */
struct seg {
	size_t o;             /* opening mark token */
	size_t c;             /* closing mark token, or the paragraph's end */
	bool closed;
	bool continues;       /* the next segment continues this quote */
	uint32_t para;
};

struct segs {
	struct seg *v;
	size_t n, alloc;
};

struct pending {
	bool on;
	size_t o;
	unsigned opener;
	unsigned closers[3];
};

static bool is_quote_cp(unsigned cp)
{
	switch (cp) {
	case '"': case '\'': case 0x201C: case 0x201D: case 0x201E:
	case 0x201F: case 0x2018: case 0x2019: case 0x201A: case 0x00AB:
	case 0x00BB: case 0x2039: case 0x203A: case 0x300C: case 0x300D:
	case 0x300E: case 0x300F: case 0xFF02:
		return true;
	}
	return false;
}

static bool is_quote_tok(const struct xdoc *d, size_t i)
{
	return i < d->nt && d->t[i].kind == TK_PUNCT && is_quote_cp(d->t[i].cp);
}

static void set_closers(struct pending *p, unsigned a, unsigned b, unsigned c)
{
	p->closers[0] = a;
	p->closers[1] = b;
	p->closers[2] = c;
}

/* Does the mark at i open a quote (when none is open)?  Fills the closers. */
static bool opens(const struct xdoc *d, size_t i, size_t t0, size_t t1,
		  struct pending *p)
{
	unsigned cp = d->t[i].cp;
	bool space_before = i == t0 || (d->t[i].flags & TF_SPACE_BEFORE) ||
			    (d->t[i - 1].kind == TK_PUNCT &&
			     (d->t[i - 1].cp == '(' || d->t[i - 1].cp == '[' ||
			      is_dash_cp(d->t[i - 1].cp) || d->t[i - 1].cp == ':' ||
			      is_quote_cp(d->t[i - 1].cp) ||
			      /* Chinese text has no spaces: "表示：\"...\"" */
			      d->t[i - 1].cp == 0xFF1A || d->t[i - 1].cp == 0xFF0C ||
			      d->t[i - 1].cp == 0x3002 || d->t[i - 1].cp == 0x3001 ||
			      d->t[i - 1].cp == 0xFF08 || d->t[i - 1].cp == 0xFF1B));
	bool space_after = i + 1 >= t1 || (d->t[i + 1].flags & TF_SPACE_BEFORE);
	bool can_open = space_before && !space_after;

	switch (cp) {
	case '"':
	case 0xFF02:
		if (!can_open && !(space_before && space_after && 0))
			return false;
		set_closers(p, cp, 0x201D, 0x201C);
		return true;
	case 0x201C:
		set_closers(p, 0x201D, '"', 0x201C);
		return !space_after || i + 1 < t1;
	case 0x201E:
		set_closers(p, 0x201C, 0x201D, '"');
		return true;
	case 0x201D:
		if (!can_open)
			return false;
		set_closers(p, 0x201D, '"', 0);
		return true;
	case '\'':
		/* "'90s" and "'em" are elisions, not quotes. */
		if (!can_open || d->t[i + 1].kind == TK_NUM)
			return false;
		set_closers(p, '\'', 0x2019, 0);
		return true;
	case 0x2018:
		if (d->t[i + 1 < t1 ? i + 1 : i].kind == TK_NUM)
			return false;
		set_closers(p, 0x2019, '\'', 0x2018);
		return !space_after;
	case 0x201A:
		set_closers(p, 0x2018, 0x2019, 0);
		return can_open;
	case 0x00AB:
		set_closers(p, 0x00BB, 0, 0);
		return true;
	case 0x00BB:
		if (!can_open)
			return false;
		set_closers(p, 0x00AB, 0, 0);
		return true;
	case 0x2039:
		set_closers(p, 0x203A, 0, 0);
		return true;
	case 0x300C:
		set_closers(p, 0x300D, 0, 0);
		return true;
	case 0x300E:
		set_closers(p, 0x300F, 0, 0);
		return true;
	}
	return false;
}

static bool single_family(unsigned cp)
{
	return cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x201A;
}

/* A closing mark candidate: text before it, space or punctuation after. */
static bool can_close(const struct xdoc *d, size_t i, size_t t1)
{
	if (d->t[i].flags & TF_SPACE_BEFORE)
		return d->t[i].cp >= 0x3000 || !single_family(d->t[i].cp);
	(void)t1;
	return true;
}

/* "the members' union": a plural possessive, not the end of a single quote. */
static bool weak_single_close(const struct xdoc *d, size_t i, size_t t1)
{
	if (!single_family(d->t[i].cp) || i == 0)
		return false;
	const struct xtok *w = &d->t[i - 1];
	if (w->kind != TK_WORD || (d->s[w->end - 1] != 's' && d->s[w->end - 1] != 'S'))
		return false;
	return i + 1 < t1 && d->t[i + 1].kind == TK_WORD &&
	       (d->t[i + 1].flags & TF_SPACE_BEFORE);
}

static void seg_push(struct segs *ss, size_t o, size_t c, bool closed,
		     uint32_t para)
{
	VB_ALLOC_GROW(ss->v, ss->n + 1, ss->alloc);
	struct seg *s = &ss->v[ss->n++];
	s->o = o;
	s->c = c;
	s->closed = closed;
	s->continues = false;
	s->para = para;
}

static bool para_boiler(const struct xdoc *d, size_t pi)
{
	return d->t[d->p[pi].t0].flags & TF_BOILER;
}

/*
 * The last firm closing mark of each kind in a paragraph: glued to the text
 * before it and no plural possessive.  Filled on the first question, so
 * that a paragraph full of "members' union" costs one pass, not one per
 * apostrophe.
 */
struct firm_closers {
	bool done;
	size_t n;
	unsigned cp[24];
	size_t last[24];
};

static bool firm_closer_after(const struct xdoc *d, struct firm_closers *fc,
			      size_t t0, size_t t1, size_t i, unsigned cp)
{
	if (!fc->done) {
		fc->done = true;
		fc->n = 0;
		for (size_t k = t0; k < t1; k++) {
			if (!is_quote_tok(d, k) || weak_single_close(d, k, t1) ||
			    (d->t[k].flags & TF_SPACE_BEFORE))
				continue;
			size_t j = 0;
			while (j < fc->n && fc->cp[j] != d->t[k].cp)
				j++;
			if (j == fc->n) {
				if (fc->n == sizeof(fc->cp) / sizeof(fc->cp[0]))
					continue;   /* cannot happen: fewer quote marks */
				fc->cp[fc->n++] = d->t[k].cp;
			}
			fc->last[j] = k;
		}
	}
	for (size_t j = 0; j < fc->n; j++)
		if (fc->cp[j] == cp && fc->last[j] > i)
			return true;
	return false;
}

static void find_segments(struct xdoc *d, struct segs *ss)
{
	struct pending carry = { 0 };

	for (size_t pi = 0; pi < d->np; pi++) {
		size_t t0 = d->p[pi].t0, t1 = d->p[pi].t1;
		struct pending p = { 0 };
		struct firm_closers fc = { 0 };
		bool reopened = false;
		if (para_boiler(d, pi)) {
			carry.on = false;
			continue;
		}
		for (size_t i = t0; i < t1; i++) {
			if (!is_quote_tok(d, i))
				continue;
			unsigned cp = d->t[i].cp;
			if (p.on) {
				bool match = cp == p.closers[0] || cp == p.closers[1] ||
					     cp == p.closers[2];
				if (!match || !can_close(d, i, t1) || i == p.o + 1)
					continue;
				if (weak_single_close(d, i, t1)) {
					/* Prefer a later closer in the paragraph. */
					if (firm_closer_after(d, &fc, t0, t1, i, p.closers[0]) ||
					    firm_closer_after(d, &fc, t0, t1, i, p.closers[1]))
						continue;
				}
				seg_push(ss, p.o, i, true, (uint32_t)pi);
				p.on = false;
				continue;
			}
			struct pending np = { 0 };
			if (!opens(d, i, t0, t1, &np))
				continue;
			/* A paragraph that reopens the quote left open before. */
			if (i == t0 && carry.on && ss->n &&
			    (np.closers[0] == carry.closers[0] ||
			     cp == carry.opener)) {
				ss->v[ss->n - 1].continues = true;
				reopened = true;
			}
			np.on = true;
			np.o = i;
			np.opener = cp;
			p = np;
		}
		(void)reopened;
		carry.on = false;
		if (p.on && p.o + 1 < t1) {
			seg_push(ss, p.o, t1, false, (uint32_t)pi);
			carry = p;
		}
	}
}

/* ---- attribution ---------------------------------------------------------- */

static bool cue_word(const struct xdoc *d, size_t i)
{
	if (!(i < d->nt && d->t[i].kind == TK_WORD && (d->t[i].lex & L_CUE) &&
	      !(d->t[i].flags & TF_CAP) && !(d->t[i].flags & TF_INQUOTE)))
		return false;
	/* "the say-so of", "much-reported": part of a compound word. */
	if (i + 1 < d->nt && tok_punct(d, i + 1, '-') && tok_adjacent(d, i + 1))
		return false;
	if (i > 0 && tok_punct(d, i - 1, '-') && tok_adjacent(d, i))
		return false;
	/* "some industry reports", "the claims", "press comments": nouns. */
	static const char *const nouns[] = { "reports", "claims", "comments", "estimates",
					     "notes", "remarks", "states", NULL };
	static const char *const before[] = { "some", "many", "several", "recent",
					      "press", "media", "news", "industry",
					      "other", "such", "earlier", "unconfirmed",
					      "these", "those", "any", "all", "no", NULL };
	for (size_t n = 0; nouns[n]; n++) {
		if (!tok_is(d, i, nouns[n]))
			continue;
		if (i > 0 && d->t[i - 1].kind == TK_WORD && (d->t[i - 1].lex & L_DET))
			return false;
		for (size_t b = 0; before[b]; b++)
			if (i > 0 && tok_is(d, i - 1, before[b]))
				return false;
	}
	return true;
}

static size_t sent_start(const struct xdoc *d, size_t i)
{
	return d->sn[d->t[i].sent].t0;
}

static size_t sent_end(const struct xdoc *d, size_t i)
{
	return d->sn[d->t[i].sent].t1;
}

static size_t para_end(const struct xdoc *d, size_t i)
{
	return d->p[d->t[i].para].t1;
}

static bool lower_word_at(const struct xdoc *d, size_t i)
{
	return i < d->nt && d->t[i].kind == TK_WORD && !(d->t[i].flags & TF_CAP);
}

/* Skip "told reporters", "told Reuters", "told a news conference". */
static size_t skip_told_object(const struct xdoc *d, size_t cue, size_t i,
			       size_t end)
{
	/* German: "sagte der Zeitung, ...", "sagte dem Sender NDR, ...": the
	 * listener in the dative before the comma that opens the clause. */
	if (doc_lang(d, "de") && (d->t[cue].lex & L_CUE) && tok_in(d, i, (const char *const[]){ "der", "dem", NULL }) &&
	    tok_capword(d, i + 1)) {
		size_t k = i + 1;
		while (k < end && k < i + 5 && (tok_capword(d, k) ||
						 (d->t[k].kind == TK_PUNCT && d->t[k].cp != ',')))
			k++;
		if (k < end && tok_punct(d, k, ','))
			return k;
	}
	if (!(tok_is(d, cue, "told") || tok_is(d, cue, "tells") ||
	      tok_is(d, cue, "tell")))
		return i;
	if (i < end && d->t[i].kind == TK_WORD &&
	    (tok_is(d, i, "him") || tok_is(d, i, "her") || tok_is(d, i, "them") ||
	     tok_is(d, i, "us") || tok_is(d, i, "me") || tok_is(d, i, "reporters") ||
	     tok_is(d, i, "journalists") || tok_is(d, i, "investors") ||
	     tok_is(d, i, "analysts") || tok_is(d, i, "parliament") ||
	     tok_is(d, i, "lawmakers") || tok_is(d, i, "shareholders")))
		return i + 1;
	if (tok_capword(d, i)) {
		size_t e = name_run_right(d, i, end);
		return e > i ? e : i + 1;
	}
	if (i < end && d->t[i].kind == TK_WORD && (d->t[i].lex & L_DET)) {
		/* "told a news conference the plan ...": up to the next
		 * determiner, which opens the clause; over a name ("told the
		 * Daily", "told the House of Commons energy committee"). */
		size_t k = i + 1;
		for (int words = 0; k < end && words < 6; words++) {
			if (tok_capword(d, k)) {
				size_t e = name_run_right(d, k, end);
				k = e > k ? e : k + 1;
			} else if (lower_word_at(d, k) && !tok_is(d, k, "that") &&
				   (d->t[k].lex & L_VERB_NOT_NAME) && !(d->t[k].lex & L_CONNECT)) {
				/* "told a luncheon there would be ...", "told a
				 * subcommittee USDA was developing ...": a verb;
				 * its subject opens the clause. */
				size_t v = k, b = k;
				/* "Brazil now had to": over adverbs to the subject */
				while (b > i + 2 && lower_word_at(d, b - 1) &&
				       ((d->t[b - 1].lex & L_ADV) ||
					tok_in(d, b - 1, (const char *const[]){ "now", "still",
						"already", "currently", NULL })))
					b--;
				size_t a = b;
				if (tok_is(d, b - 1, "there") || (d->t[b - 1].lex & L_PRONOUN))
					b--;
				else
					while (b > i + 2 && tok_capword(d, b - 1))
						b--;
				k = b < a && b > i + 1 ? b : v;
				break;
			} else if (lower_word_at(d, k) && !tok_is(d, k, "that") &&
				   (!(d->t[k].lex & (L_PRONOUN | L_DET)) ||
				    /* "told a hearing of the House ..." */
				    ((d->t[k].lex & L_DET) && (d->t[k - 1].lex & L_CONNECT)))) {
				k++;
			} else {
				break;
			}
		}
		/* "told a packed meeting at the village hall on Tuesday
		 * that": over a place to a "that" a few words on. */
		if (k > i + 1 && tok_in(d, k - 1, (const char *const[]){ "at", "in", "on",
				"during", "after", NULL }))
			for (size_t m = k; m < end && m < k + 8; m++) {
				if (tok_is(d, m, "that") && !(d->t[m].flags & TF_CAP))
					return m;
				if (d->t[m].kind != TK_WORD || cue_word(d, m) ||
				    (d->t[m].lex & L_VERB_NOT_NAME))
					break;
			}
		return k;
	}
	return i;
}

/* After a closing mark: ", he said", ", said Smith", " Smith said." */
/*
 * A signature: from token k (after a dash) to `limit`, a person's or an
 * organisation's name and what they are, with no verb ("Maria Lopez,
 * chair of the residents' group").  Fills *sp, *cue = SIZE_MAX.
 */
static bool signature(struct xdoc *d, size_t k, size_t limit, struct xspeaker *sp,
		      size_t *cue)
{
	if (!tok_capword(d, k) || !speaker_right(d, k, limit, sp))
		return false;
	bool verb = false;
	for (size_t j = k; j < limit && !verb; j++)
		verb = cue_word(d, j) || (d->t[j].lex & L_VERB_NOT_NAME);
	if (sp->how != SP_NAME || sp->type == ET_PLACE || verb) {
		xspeaker_release(sp);
		return false;
	}
	*cue = SIZE_MAX;
	return true;
}

/*
 * A quotation that ends its paragraph, signed in the next one: "<p>“...”
 * </p><footer>— Dr. Samuel Achebe, Chief Medical Officer</footer>", as web
 * pages set a blockquote.  The next paragraph is a dash and a signature.
 */
static bool signature_below(struct xdoc *d, size_t c, struct xspeaker *sp, size_t *cue)
{
	size_t p = d->t[c].para + 1;
	if (p >= d->np)
		return false;
	size_t t0 = d->p[p].t0, t1 = d->p[p].t1;
	return t1 > t0 + 2 && t1 - t0 <= 24 && d->t[t0].kind == TK_PUNCT &&
	       is_dash_cp(d->t[t0].cp) && signature(d, t0 + 1, t1, sp, cue);
}

static bool attribution_after(struct xdoc *d, size_t c, struct xspeaker *sp,
			      size_t *cue)
{
	size_t k = c + 1, limit = c < d->nt ? para_end(d, c) : 0;

	if (c >= d->nt)
		return false;
	if (k >= limit)
		return signature_below(d, c, sp, cue);
	if (tok_punct(d, k, ',') || (d->t[k].kind == TK_PUNCT && is_dash_cp(d->t[k].cp)))
		k++;
	if (k >= limit)
		return false;
	/* French and Spanish compound past: "», a déclaré X", "ont dit",
	 * "», ha declarado X". */
	if ((tok_is(d, k, "a") || tok_is(d, k, "ont") || tok_is(d, k, "ha") ||
	     tok_is(d, k, "han")) && cue_word(d, k + 1))
		k++;
	/* French inversion: "», a-t-il déclaré", "», ajoute-t-elle", "», dit-il". */
	{
		size_t v = k, p = SIZE_MAX;
		if (tok_in(d, k, (const char *const[]){ "a", "ont", NULL }))
			v = k + 5;
		if (tok_punct(d, k + 1, '-') && tok_adjacent(d, k + 1)) {
			if (tok_is(d, k + 2, "t") && tok_punct(d, k + 3, '-'))
				p = k + 4;
			else
				p = k + 2;
		}
		if (v == k + 5 && !cue_word(d, v))
			p = SIZE_MAX;
		else if (v == k && !(lower_word_at(d, k) && (d->t[k].lex & L_CUE) &&
				     !(d->t[k].flags & TF_CAP)))
			p = SIZE_MAX;	/* cue_word() refuses a verb before a hyphen */
		if (p < limit && tok_in(d, p, (const char *const[]){ "il", "elle", "ils", "elles",
				NULL })) {
			memset(sp, 0, sizeof(*sp));
			sp->ent = -1;
			sp->how = SP_PRONOUN;
			sp->t0 = sp->name_t0 = p;
			sp->t1 = sp->name_t1 = p + 1;
			*cue = v;
			return true;
		}
	}
	/* German '„...“, so Behrens.', '„...“, so der Minister.' */
	bool so = tok_is(d, k, "so") && !(d->t[k].flags & TF_CAP) && doc_lang(d, "de") &&
		  k + 1 < limit &&
		  (tok_capword(d, k + 1) || foreign_article(d, k + 1));
	if (cue_word(d, k) || so) {
		if (speaker_right(d, k + 1, limit, sp)) {
			*cue = k;
			return true;
		}
		return false;
	}
	/* ", one shop steward, who asked not to be named, told the
	 * Gazette": the verbs of a relative clause are not the quote's. */
	bool relative = false;
	for (size_t j = k + 1; j < limit && j < k + 20; j++) {
		const struct xtok *t = &d->t[j];
		/* '"...," Sen. Maria Delgado (D-Ohio) said': a short aside in
		 * brackets after the name */
		if (tok_punct(d, j, '(') && j > k + 1 && tok_capword(d, j - 1)) {
			size_t close = j + 1;
			while (close < limit && close < j + 7 && !tok_punct(d, close, ')') &&
			       !tok_punct(d, close, '('))
				close++;
			if (close < limit && tok_punct(d, close, ')')) {
				j = close;
				continue;
			}
		}
		if (t->kind == TK_PUNCT && t->cp != ',' && t->cp != '-' &&
		    t->cp != '.' && t->cp != '\'' && t->cp != 0x2019 && t->cp != '&')
			break;
		if (t->kind == TK_PUNCT && t->cp == '.' && !tok_adjacent(d, j))
			break;
		if (tok_punct(d, j, ',') && relative) {
			relative = false;
			continue;
		}
		if (tok_punct(d, j - 1, ',') && tok_in(d, j, (const char *const[]){ "who", "which",
				NULL }))
			relative = true;
		if (relative || (j >= k + 14 && !tok_punct(d, j - 1, ',')) || !cue_word(d, j))
			continue;
		/* '"... protected speech." Justice Alito, joined by two others,
		 * wrote in a dissent that ...': after a quotation closed by a
		 * full stop, a verb with a clause of its own opens the next
		 * report; it does not attribute this one. */
		/* (also '"bittersweet". The company said its ...': the full
		 * stop after the mark) */
		/* A full stop after the mark ends the sentence: what follows
		 * is the writer's next one ('called the ruling "a historic
		 * win". Its national officer, Daniel Okoro, said: "..."'). */
		if (tok_punct(d, c + 1, '.'))
			break;
		if (c > 0 && tok_punct(d, c - 1, '.')) {
			size_t a = skip_adverbials_right(d, skip_told_object(d, j, j + 1, limit), limit);
			/* a clause of its own, or a quotation it introduces */
			if (a < limit && (tok_is(d, a, "that") || d->t[a].kind == TK_WORD ||
					  tok_punct(d, a, ':')))
				break;
		}
		if (speaker_left(d, j, k, sp)) {
			/* the name starts the attribution, after its titles
			 * ("Sen. Maria Delgado") */
			size_t t0 = sp->t0;
			while (t0 > k + 1 && ((d->t[t0 - 1].kind == TK_WORD &&
					       (d->t[t0 - 1].lex & (L_HONORIFIC | L_ROLE))) ||
					      tok_punct(d, t0 - 1, '.')))
				t0--;
			if (t0 <= k + 1) {
				*cue = j;
				return true;
			}
			xspeaker_release(sp);
		}
		break;
	}
	/* '"We will fight this." — Maria Lopez, chair of the residents'
	 * group': a signature after a dash, with no verb, ending the
	 * paragraph. */
	return k == c + 2 && d->t[c + 1].kind == TK_PUNCT && is_dash_cp(d->t[c + 1].cp) &&
	       signature(d, k, limit, sp, cue);
}

/*
 * Chinese: "公司总经理李明表示：“……”", "李明说，……".  Words are not spaced,
 * so the speech verb ends the run of Han characters before the colon or
 * comma; the speaker is what precedes it, after the last job title.
 */
static const char *const zh_cues[] = {
	"表示", "说", "指出", "称", "强调", "介绍", "透露", "宣布", "认为",
};

static bool ends_with(const char *s, size_t n, const char *suf, size_t *sl)
{
	*sl = strlen(suf);
	return n >= *sl && !memcmp(s + n - *sl, suf, *sl);
}

const char *zh_cue_of(const struct xdoc *d, size_t t)
{
	if (t >= d->nt || (unsigned char)d->s[d->t[t].start] < 0xE3)
		return NULL;
	size_t n = d->t[t].end - d->t[t].start, cl;
	for (size_t i = 0; i < sizeof(zh_cues) / sizeof(zh_cues[0]); i++)
		if (ends_with(d->s + d->t[t].start, n, zh_cues[i], &cl))
			return zh_cues[i];
	return NULL;
}

static bool zh_speaker(struct xdoc *d, size_t t, struct xspeaker *sp, size_t *cue)
{
	if (t >= d->nt || d->t[t].kind != TK_WORD ||
	    (unsigned char)d->s[d->t[t].start] < 0xE3)
		return false;
	const char *w = d->s + d->t[t].start;
	size_t n = d->t[t].end - d->t[t].start, cl = 0;
	bool found = false;
	for (size_t i = 0; i < sizeof(zh_cues) / sizeof(zh_cues[0]) && !found; i++)
		found = ends_with(w, n, zh_cues[i], &cl);
	if (!found)
		return false;
	size_t e = n - cl, b = 0;
	/* "陈士华在发布会上表示", "李明对记者说", "王芳也表示": a name of two to
	 * four characters, then where, to whom or "also", then the verb. */
	static const char *const between[] = { "在", "对", "向", "接受", "也", "还", "同时", "则" };
	for (size_t p = 6; p <= 12 && p + 3 <= e; p += 3)
		for (size_t i = 0; i < sizeof(between) / sizeof(between[0]); i++)
			if (!memcmp(w + p, between[i], strlen(between[i]))) {
				e = p;
				goto cut;
			}
cut:
	/* The names zh.c found in the paragraph before the verb (a name
	 * glossed in Latin letters, "（Martina Holz）", may end a sentence
	 * for the scanner). */
	size_t first = t;
	while (first > 0 && d->t[first - 1].para == d->t[t].para)
		first--;
	if (zh_speaker_find(d, d->t[first].start, d->t[t].start + e, sp)) {
		*cue = t;
		return true;
	}
	/* "他说": the person who spoke last before, when no name was found. */
	if (e == 3 && (!memcmp(w, "他", 3) || !memcmp(w, "她", 3))) {
		for (size_t i = d->nq; i-- > 0;) {
			const struct xquote *q = &d->q[i];
			if (q->dead || !q->sp.name || q->sp.type != ET_PERSON ||
			    q->spans[0].start >= d->t[t].start)
				continue;
			memset(sp, 0, sizeof(*sp));
			sp->ent = -1;
			sp->how = SP_OPTION;
			sp->type = ET_PERSON;
			sp->name = vb_strdup(q->sp.name);
			sp->role = q->sp.role ? vb_strdup(q->sp.role) : NULL;
			sp->org = q->sp.org ? vb_strdup(q->sp.org) : NULL;
			*cue = t;
			return true;
		}
		return false;
	}
	/* "今天宣布", "他同时透露": a time word or a pronoun is nobody. */
	static const char *const nobody[] = { "今", "昨", "明", "他", "她", "我", "同时", "也", "还", "并", "已" };
	for (size_t i = 0; i < sizeof(nobody) / sizeof(nobody[0]); i++)
		if (strstr(w, nobody[i]) && (size_t)(strstr(w, nobody[i]) - w) < e &&
		    (size_t)(strstr(w, nobody[i]) - w) >= e - 12 && e >= 12)
			return false;
	for (size_t i = 0; zh_roles[i]; i++) {
		const char *r = zh_roles[i];
		size_t rl = strlen(r);
		for (size_t k = b; k + rl <= e; k++)
			if (!memcmp(w + k, r, rl) && k + rl > b)
				b = k + rl;
	}
	/* "据公司介绍", "该公司称": the organisation the release is about
	 * (the first one named before), or people left unnamed. */
	if (e >= 3 && !memcmp(w, "据", 3) && b < 3)
		b = 3;
	static const char *const orgs[] = {
		"公司", "该公司", "本公司", "集团", "该集团", "银行", "该行", NULL,
	};
	static const char *const unnamed[] = {
		"知情人士", "消息人士", "业内人士", "分析人士", "官方", "警方", NULL,
	};
	for (size_t i = 0; orgs[i]; i++)
		if (e - b == strlen(orgs[i]) && !memcmp(w + b, orgs[i], e - b)) {
			const struct zh_name *org = NULL;
			for (size_t k = 0; k < d->nzh && d->zh[k].start < d->t[t].start && !org; k++)
				if (d->zh[k].type == ET_ORG)
					org = &d->zh[k];
			memset(sp, 0, sizeof(*sp));
			sp->ent = -1;
			sp->how = SP_OPTION;
			sp->type = ET_ORG;
			sp->name = org ? vb_strdup(org->canonical) : vb_strndup(w + b, e - b);
			*cue = t;
			return true;
		}
	for (size_t i = 0; unnamed[i]; i++)
		if (e - b == strlen(unnamed[i]) && !memcmp(w + b, unnamed[i], e - b)) {
			memset(sp, 0, sizeof(*sp));
			sp->ent = -1;
			sp->how = SP_OPTION;
			sp->type = strcmp(unnamed[i], "官方") && strcmp(unnamed[i], "警方")
				   ? ET_PERSON : ET_ORG;
			sp->anonymous = sp->type == ET_PERSON;
			sp->name = vb_strndup(w + b, e - b);
			*cue = t;
			return true;
		}
	/* A name is two to four characters (three bytes each). */
	if (e <= b || e - b > 12 || e - b < 6)
		return false;
	memset(sp, 0, sizeof(*sp));
	sp->ent = -1;
	sp->how = SP_OPTION;
	sp->type = ET_PERSON;
	sp->name = vb_strndup(w + b, e - b);
	*cue = t;
	return true;
}

/* The tokens "according" of the document, found on the first call. */
static const struct idlist *according_tokens(struct xdoc *d)
{
	if (!d->according_done) {
		d->according_done = true;
		for (size_t k = 0; k < d->nt; k++)
			if (tok_is(d, k, "according"))
				idlist_insert(&d->according, (uint32_t)k);
	}
	return &d->according;
}

/*
 * 'Conrad Ashworth-Vale said it confirmed that "..."': "it" (or "they")
 * of a clause that someone named earlier in the sentence reports is no
 * speaker; the reporter is.  Replaces *sp and *cue when so.
 */
static void outer_reporter(struct xdoc *d, struct xspeaker *sp, size_t *cue, size_t lim)
{
	if (sp->how != SP_PRONOUN || !(tok_is(d, sp->t0, "it") || tok_is(d, sp->t0, "they")) ||
	    sp->t0 < lim + 2)
		return;
	for (size_t j = sp->t0; j-- > lim;) {
		if (!cue_word(d, j))
			continue;
		struct xspeaker outer;
		if (speaker_left(d, j, lim, &outer) && outer.how == SP_NAME) {
			xspeaker_release(sp);
			*sp = outer;
			*cue = j;
		} else {
			xspeaker_release(&outer);
		}
		return;
	}
}

/* Before an opening mark: "Smith said:", "he told reporters,", "according to X,". */
static bool attribution_before(struct xdoc *d, size_t o, struct xspeaker *sp,
			       size_t *cue, bool *embedded)
{
	*embedded = false;
	if (o == 0)
		return false;
	size_t p = o - 1;
	bool cross = d->t[p].para != d->t[o].para;
	if (cross && !tok_punct(d, p, ':'))
		return false;
	size_t q = p;
	if (tok_punct(d, p, ':') || tok_punct(d, p, ',')) {
		if (p == 0)
			return false;
		q = p - 1;
	}
	if (tok_is(d, q, "that") && q > 0) {
		*embedded = true;
		q--;
	}
	size_t lim = sent_start(d, q);
	/* "According to Smith, ..." */
	const struct idlist *acc = according_tokens(d);
	const uint32_t *av = idlist_items(acc);
	for (size_t a = idlist_lower(acc, (uint32_t)lim); a < acc->n && av[a] + 2 <= q; a++) {
		size_t k = av[a];
		if (tok_is(d, k + 1, "to") && speaker_right(d, k + 2, q + 1, sp)) {
			*cue = k;
			return true;
		}
		xspeaker_release(sp);
	}
	for (size_t c = q + 1; c-- > lim && c + 10 > q;) {
		if (!cue_word(d, c))
			continue;
		size_t after = skip_told_object(d, c, c + 1, q + 1);
		after = skip_adverbials_right(d, after, q + 1);
		/* Before a colon the verb may have its object: "warnte
		 * jedoch vor steigenden Preisen:", "warned of higher
		 * prices:". */
		bool object = tok_punct(d, p, ':') && q + 1 - after <= 8;
		for (size_t m = after; object && m <= q; m++)
			object = !(d->t[m].kind == TK_PUNCT && d->t[m].cp != '-') &&
				 !cue_word(d, m) && !tok_is(d, m, "that");
		if (after <= q && !tok_is(d, after, "that") && !object)
			break;
		if (speaker_left(d, c, lim, sp)) {
			*cue = c;
			outer_reporter(d, sp, cue, lim);
			return true;
		}
		/* "said Smith:" inverted before a quote. */
		if (speaker_right(d, c + 1, q + 1, sp)) {
			*cue = c;
			return true;
		}
		break;
	}
	return false;
}

/* ", adding that ...": a second report sharing the sentence's subject. */
static const char *const speech_participles[] = {
	"warning", "saying", "adding", "arguing", "noting", "claiming",
	"stressing", "insisting", "explaining", "predicting", "suggesting",
	"pointing", "acknowledging", NULL,
};

/* A participle of saying after a comma: "Mendes hit back, saying the
 * government had "broken every promise it made"". */
static bool speech_participle(const struct xdoc *d, size_t k)
{
	return k > 0 && d->t[k].kind == TK_WORD && !(d->t[k].flags & (TF_CAP | TF_INQUOTE)) &&
	       tok_punct(d, k - 1, ',') && tok_in(d, k, speech_participles);
}

/* Words that may be speech or calling verbs, found on the first call. */
static const struct idlist *verb_tokens(struct xdoc *d)
{
	if (!d->verbs_done) {
		d->verbs_done = true;
		for (size_t k = 0; k < d->nt; k++)
			if (d->t[k].kind == TK_WORD &&
			    ((d->t[k].lex & (L_CUE | L_CALL)) || speech_participle(d, k)))
				idlist_insert(&d->verbs, (uint32_t)k);
	}
	return &d->verbs;
}

static bool speech_or_call(const struct xdoc *d, size_t k)
{
	/* "called on X to", "called for": a demand names nothing. */
	if (tok_is(d, k + 1, "on") || tok_is(d, k + 1, "for") || tok_is(d, k + 1, "upon"))
		if (tok_is(d, k, "called") || tok_is(d, k, "calls") || tok_is(d, k, "calling"))
			return false;
	return cue_word(d, k) || speech_participle(d, k) ||
	       (d->t[k].kind == TK_WORD && (d->t[k].lex & L_CALL) &&
		!(d->t[k].flags & TF_INQUOTE));
}

/*
 * The mentions starting at tokens [t0, t1): their indexes in text order,
 * by the mention index when it is built and sorted (a long document asks
 * this once per sentence), else by a walk over every mention.
 */
static size_t mentions_starting(struct xdoc *d, size_t t0, size_t t1, size_t *out, size_t cap)
{
	size_t n = 0;
	if (d->mix.built && d->mix.sorted && t1 <= d->nt) {
		size_t i0, i1, hi = t1 < d->nt ? d->t[t1].start : d->len;
		mindex_sorted_range(d, d->t[t0].start, hi, &i0, &i1);
		for (size_t i = i0; i < i1 && n < cap; i++)
			if (d->ms[i].t0 >= t0 && d->ms[i].t0 < t1)
				out[n++] = i;
		/* and those appended since the index was built */
		for (size_t i = d->mix.ne; i < d->nms && n < cap; i++)
			if (d->ms[i].t0 >= t0 && d->ms[i].t0 < t1)
				out[n++] = i;
		return n;
	}
	for (size_t i = 0; i < d->nms && n < cap; i++)
		if (d->ms[i].t0 >= t0 && d->ms[i].t0 < t1)
			out[n++] = i;
	return n;
}

/* Is token i the last name of a person the document named in full (a
 * mention the entity scan typed; entities come later)? */
static bool surname_of_person(struct xdoc *d, size_t i)
{
	if (!tok_capword(d, i) || (d->t[i].lex & (L_STOP | L_DET | L_PRONOUN)))
		return false;
	size_t n = tok_stem_end(d, i) - d->t[i].start;
	for (size_t k = 0; k < d->nms; k++) {
		const struct xmention *m = &d->ms[k];
		if ((m->type != ET_PERSON && m->type != ET_NONE) || m->t1 < m->t0 + 2 ||
		    m->t0 == i || !tok_capword(d, m->t0) ||
		    (d->t[m->t1 - 1].lex & (L_ORG_CUE | L_ORG_SUFFIX)))
			continue;
		size_t l = m->t1 - 1;
		if (tok_stem_end(d, l) - d->t[l].start == n &&
		    !strncasecmp(d->s + d->t[l].start, d->s + d->t[i].start, n))
			return true;
	}
	return false;
}

/*
 * The subject opening the sentence at s0, before the verb at k: a pronoun,
 * a name the entity scan typed (after titles: "Texas Attorney General Ken
 * Paxton"), or "the" and a noun of people or organisations ("The central
 * bank").  What an opening adverbial precedes ("Nine years ago this week,
 * Owen Brackley ...") is skipped.
 */
static bool opening_subject(struct xdoc *d, size_t s0, size_t k, struct xspeaker *sp)
{
	size_t found[16], nf;
	memset(sp, 0, sizeof(*sp));
	sp->ent = -1;
	/* "Nine years ago this week, Owen Brackley stood ...": the subject
	 * after an opening adverbial. */
	if (!(d->t[s0].kind == TK_WORD && (d->t[s0].lex & L_PRONOUN)) && !tok_is(d, s0, "the")) {
		/* a name, or a title before one: "Cllr Tom Ashdown, leader
		 * of ..., welcomed" */
		bool named = mentions_starting(d, s0, s0 + 1, found, 1) > 0 ||
			     (tok_capword(d, s0) && (d->t[s0].lex & (L_HONORIFIC | L_ROLE)) &&
			      mentions_starting(d, s0 + 1, s0 + 4, found, 1) > 0);
		for (size_t c = s0 + 1; !named && c + 1 < k && c < s0 + 10; c++)
			if (tok_punct(d, c, ',')) {
				s0 = c + 1;
				break;
			}
	}
	size_t n0 = s0 + (tok_is(d, s0, "the") && tok_capword(d, s0 + 1));
	size_t m = SIZE_MAX;   /* the mention starting at n0 */
	nf = mentions_starting(d, n0, n0 + 5 <= d->nt ? n0 + 5 : d->nt, found, 16);
	for (size_t f = 0; f < nf && m == SIZE_MAX; f++)
		if (d->ms[found[f]].t0 == n0)
			m = found[f];
	/* or after titles: "Texas Attorney General Ken Paxton called ..." */
	for (size_t f = 0; f < nf && m == SIZE_MAX; f++) {
		size_t i = found[f];
		if (d->ms[i].t0 > n0 && d->ms[i].t0 < n0 + 5 && d->ms[i].type == ET_PERSON) {
			bool titles = true;
			for (size_t t = n0; t < d->ms[i].t0 && titles; t++)
				/* "Secretary-General", "Vice-President" */
				titles = (t > n0 && tok_punct(d, t, '-') && tok_capword(d, t + 1)) ||
					 (tok_capword(d, t) && (d->t[t].lex & (L_ROLE | L_HONORIFIC) ||
								run_type(d, t, t + 1) == ET_PLACE));
			if (titles) {
				m = i;
				n0 = d->ms[i].t0;
			}
		}
	}
	/* or after what the organisation is: "Local business group Eastbrook
	 * First welcomed ...", "Consumer group Which? said" */
	for (size_t f = 0; f < nf && m == SIZE_MAX; f++) {
		size_t i = found[f], t0 = d->ms[i].t0;
		if (t0 <= n0 || t0 >= n0 + 5 || d->ms[i].type != ET_ORG ||
		    d->t[t0 - 1].kind != TK_WORD || (d->t[t0 - 1].flags & TF_CAP) ||
		    !(d->t[t0 - 1].lex & L_NOM_ORG))
			continue;
		bool words = true;
		for (size_t t = n0; t < t0 && words; t++)
			words = d->t[t].kind == TK_WORD && !(d->t[t].lex & (L_STOP | L_PRONOUN | L_CUE)) &&
				(t == n0 || !(d->t[t].flags & TF_CAP));
		if (words) {
			m = i;
			n0 = t0;
		}
	}
	if (d->t[s0].kind == TK_WORD && (d->t[s0].lex & L_PRONOUN)) {
		sp->how = SP_PRONOUN;
		sp->t0 = sp->name_t0 = s0;
		sp->t1 = sp->name_t1 = s0 + 1;
	} else if (m != SIZE_MAX && d->ms[m].t0 == n0 && d->ms[m].t1 < k &&
		   (d->ms[m].type == ET_PERSON || d->ms[m].type == ET_ORG ||
		    /* "Mendes hit back, saying ...", after "Carla Mendes":
		     * a surname not typed yet */
		    (d->ms[m].t1 == n0 + 1 && surname_of_person(d, n0)))) {
		/* A name the entity scan typed opens the sentence ("The
		 * Internet Access Providers Association has ..."). */
		sp->how = SP_NAME;
		sp->type = d->ms[m].type == ET_NONE ? ET_PERSON : d->ms[m].type;
		sp->t0 = s0;
		sp->name_t0 = d->ms[m].t0;
		sp->t1 = sp->name_t1 = d->ms[m].t1;
	} else if (m == SIZE_MAX && n0 + 1 < k && surname_of_person(d, n0) &&
		   !tok_capword(d, n0 + 1)) {
		/* "Mendes hit back, saying ...", after "Carla Mendes": a
		 * surname the entity scan left for later */
		sp->how = SP_NAME;
		sp->type = ET_PERSON;
		sp->t0 = s0;
		sp->name_t0 = n0;
		sp->t1 = sp->name_t1 = n0 + 1;
	} else if (m == SIZE_MAX && s0 + 1 < k && d->t[s0].kind == TK_WORD &&
		   (d->t[s0].lex & L_PLURAL_NOM) && lower_word_at(d, s0 + 1) &&
		   !(d->t[s0 + 1].lex & (L_DET | L_STOP))) {
		/* "Campaigners welcomed the fine but said ...": people
		 * named by what they are, without an article ("Unions
		 * ...": bodies). */
		sp->how = SP_NOMINAL;
		sp->type = (d->t[s0].lex & L_NOM_ORG) && !(d->t[s0].lex & L_NOM_PERSON) ? ET_ORG
											 : ET_PERSON;
		sp->t0 = sp->name_t0 = s0;
		sp->t1 = sp->name_t1 = s0 + 1;
	} else if (tok_is(d, s0, "the")) {
		/* "The central bank raised ..., saying that": the noun. */
		size_t h = s0 + 1, lim = s0 + 4;
		for (;;) {
			while (h < k && h < lim && d->t[h].kind == TK_WORD &&
			       !(d->t[h].flags & TF_CAP) &&
			       !(d->t[h].lex & (L_NOM_ORG | L_NOM_PERSON)))
				h++;
			/* "The nurses' union", "the bank's board": the
			 * possessor's head is not the subject's. */
			size_t after = h + 1;
			if (after < k && d->t[after].kind == TK_PUNCT &&
			    (d->t[after].cp == '\'' || d->t[after].cp == 0x2019) && tok_adjacent(d, after))
				after++;
			else if (h < k && d->t[h].kind == TK_WORD && (d->t[h].flags & TF_POSS))
				;
			else
				break;
			if (after >= k || lim > s0 + 7)
				break;
			h = after;
			lim += 3;
		}
		if (h >= k || h >= lim || d->t[h].kind != TK_WORD || (d->t[h].flags & TF_CAP) ||
		    !(d->t[h].lex & (L_NOM_ORG | L_NOM_PERSON)))
			return false;
		sp->how = SP_NOMINAL;
		sp->type = (d->t[h].lex & L_NOM_PERSON) ? ET_PERSON : ET_ORG;
		sp->t0 = sp->name_t0 = s0;
		sp->t1 = sp->name_t1 = h + 1;
	} else {
		return false;
	}
	return true;
}

/* A speech verb elsewhere in the sentence(s) around a partial quote. */
static bool sentence_speaker(struct xdoc *d, size_t o, size_t c,
			     struct xspeaker *sp, size_t *cue)
{
	size_t s0 = sent_start(d, o), s1 = c < d->nt ? sent_end(d, c) : d->nt;
	size_t best = SIZE_MAX;

	/* Chinese: "李梅说，这次调价“缺乏……”": a speaker and verb before a
	 * comma earlier in the sentence. */
	for (size_t k = o; k-- > s0;) {
		struct xspeaker zsp = { .ent = -1 };
		if (k + 1 < o && (tok_punct(d, k + 1, 0xFF0C) || tok_punct(d, k + 1, 0xFF1A))) {
			if (zh_speaker(d, k, &zsp, cue)) {
				*sp = zsp;
				return true;
			}
			xspeaker_release(&zsp);
		}
	}

	/* The last verb before the quote, else the first one after it. */
	const struct idlist *vl = verb_tokens(d);
	const uint32_t *vv = idlist_items(vl);
	for (size_t j = idlist_lower(vl, (uint32_t)o); j-- > 0 && vv[j] >= s0;)
		if (speech_or_call(d, vv[j])) {
			best = vv[j];
			break;
		}
	if (best == SIZE_MAX)
		for (size_t j = idlist_lower(vl, (uint32_t)(c + 1));
		     j < vl->n && vv[j] < s1; j++)
			if (speech_or_call(d, vv[j])) {
				best = vv[j];
				break;
			}
	if (best == SIZE_MAX)
		return false;
	/* "X welcomed the agreement, calling it "...", "X rejected the
	 * claim, describing it as "...": the participle shares the
	 * sentence's subject, and what follows it is its object. */
	/* Or a verb coordinated with the subject's first: "Cllr Tom Ashdown
	 * welcomed the announcement but said the money was "...". */
	size_t n = tok_len(d, best);
	bool participle = tok_punct(d, best - 1, ',') && n > 4 &&
			  !memcmp(d->s + d->t[best].end - 3, "ing", 3);
	bool coordinated = tok_is(d, best - 1, "but") || tok_is(d, best - 1, "and");
	if (best > s0 + 3 && (participle || coordinated) && lower_word_at(d, best) &&
	    !speaker_left(d, best, s0, sp)) {
		xspeaker_release(sp);
		if (!opening_subject(d, s0, best - 1, sp))
			return false;
		*cue = best;
		return true;
	}
	if (speaker_left(d, best, s0, sp) ||
	    speaker_right(d, best + 1, s1, sp)) {
		*cue = best;
		if (best < o)
			outer_reporter(d, sp, cue, s0);
		return true;
	}
	return false;
}

/* ---- candidates ------------------------------------------------------------ */

static struct xquote *quote_new(struct xdoc *d, int kind)
{
	VB_ALLOC_GROW(d->q, d->nq + 1, d->aq);
	struct xquote *q = &d->q[d->nq++];
	memset(q, 0, sizeof(*q));
	q->kind = kind;
	q->cue_tok = SIZE_MAX;
	q->sp.ent = -1;
	return q;
}

static void add_span(struct xquote *q, size_t start, size_t end)
{
	if (q->nspans < sizeof(q->spans) / sizeof(q->spans[0]) && end > start) {
		q->spans[q->nspans].start = start;
		q->spans[q->nspans].end = end;
		q->nspans++;
	} else if (q->nspans && end > start) {
		q->spans[q->nspans - 1].end = end;
	}
}

static bool is_terminal_tok(const struct xdoc *d, size_t i)
{
	return d->t[i].kind == TK_PUNCT &&
	       (d->t[i].cp == '.' || d->t[i].cp == '!' || d->t[i].cp == '?' ||
		d->t[i].cp == 0x2026 || d->t[i].cp == 0x3002 ||
		d->t[i].cp == 0xFF01 || d->t[i].cp == 0xFF1F);
}

enum { PREV_START, PREV_COLON, PREV_COMMA, PREV_THAT, PREV_CALL, PREV_EMBED };

static int prev_kind(const struct xdoc *d, size_t o)
{
	if (o == 0 || (d->t[o].flags & TF_PARA_START)) {
		if (o > 0 && tok_punct(d, o - 1, ':'))
			return PREV_COLON;
		return PREV_START;
	}
	const struct xtok *p = &d->t[o - 1];
	if (p->kind == TK_PUNCT) {
		if (p->cp == ':' || p->cp == 0xFF1A)
			return PREV_COLON;
		if (p->cp == ',' || p->cp == 0xFF0C || p->cp == 0x3001)
			return PREV_COMMA;
		if (p->cp == '(' || is_dash_cp(p->cp) || is_terminal_tok(d, o - 1) ||
		    is_quote_cp(p->cp) || p->cp == ';' || p->cp == '[')
			return PREV_START;
		return PREV_EMBED;
	}
	if (tok_is(d, o - 1, "that"))
		return PREV_THAT;
	if ((p->lex & L_CALL) || tok_is(d, o - 1, "as") || tok_is(d, o - 1, "als") || tok_is(d, o - 1, "of"))
		return PREV_CALL;
	if (cue_word(d, o - 1))   /* not "some industry reports" */
		return PREV_COLON;
	return PREV_EMBED;
}

struct cand {
	size_t first, last;   /* segment indexes */
};

static void mark_inquote(struct xdoc *d, size_t o, size_t c)
{
	for (size_t k = o; k <= c && k < d->nt; k++)
		d->t[k].flags |= TF_INQUOTE;
}

static void evaluate(struct xdoc *d, const struct segs *ss, size_t first,
		     size_t last)
{
	struct xspeaker sp = { .ent = -1 };
	size_t cue = SIZE_MAX;
	size_t nw = 0, lower = 0, content = 0;
	bool terminal = false;
	const struct seg *s0 = &ss->v[first], *sl = &ss->v[last];

	for (size_t si = first; si <= last; si++) {
		const struct seg *s = &ss->v[si];
		for (size_t k = s->o + 1; k < s->c; k++) {
			const struct xtok *t = &d->t[k];
			content++;
			if (t->kind == TK_WORD || t->kind == TK_NUM)
				nw++;
			/* Chinese and Japanese words: count two characters as a word. */
			if (t->kind == TK_WORD && (unsigned char)d->s[t->start] >= 0xE3)
				nw += vb_utf8_count(d->s + t->start, t->end - t->start) / 2;
			/* "Co-operation" in a title: the part after the hyphen keeps its case. */
			bool after_hyphen = k > s->o + 1 && tok_punct(d, k - 1, '-') &&
					    tok_adjacent(d, k) && tok_adjacent(d, k - 1);
			if (t->kind == TK_WORD && !(t->flags & TF_CAP) && !after_hyphen &&
			    !(t->lex & (L_CONNECT | L_DET)) && !(t->lex & L_STOP && tok_len(d, k) <= 3))
				lower++;
			if (t->kind == TK_WORD && (unsigned char)d->s[t->start] >= 0xE3)
				lower++; /* CJK: no case, never a title by case */
		}
		if (s->c > s->o + 1)
			terminal = is_terminal_tok(d, s->c - 1) ||
				   tok_punct(d, s->c - 1, ',');
	}
	if (!content || !nw)
		return;
	bool titlecase = lower == 0;
	bool attributed = false, embedded = false;

	/* Attribution in the gap of an interrupted quote, after, or before. */
	for (size_t si = first; si <= last && !attributed; si++)
		if (ss->v[si].closed && attribution_after(d, ss->v[si].c, &sp, &cue))
			attributed = true;
	if (!attributed && attribution_before(d, s0->o, &sp, &cue, &embedded))
		attributed = true;
	if (!attributed && s0->o >= 2 && (tok_punct(d, s0->o - 1, 0xFF1A) ||
					  tok_punct(d, s0->o - 1, ':')) &&
	    zh_speaker(d, s0->o - 2, &sp, &cue))
		attributed = true;
	/* "The minister was blunt: "There is no more money."", "He was
	 * clear: "...": a colon ends a short sentence with no speech verb
	 * that introduces the quotation; its subject speaks. */
	if (!attributed && s0->o >= 3 && tok_punct(d, s0->o - 1, ':')) {
		size_t b0 = sent_start(d, s0->o - 1);
		if (b0 + 2 < s0->o - 1 && s0->o - 1 - b0 <= 8) {
			xspeaker_release(&sp);
			if (opening_subject(d, b0, s0->o - 1, &sp))
				attributed = true;
			else
				xspeaker_release(&sp);
		}
	}
	/* "“……”他说。", "“……”陈士华表示。" */
	if (!attributed && ss->v[last].closed && ss->v[last].c + 2 < d->nt &&
	    (tok_punct(d, ss->v[last].c + 2, 0x3002) || tok_punct(d, ss->v[last].c + 2, 0xFF0C)) &&
	    zh_speaker(d, ss->v[last].c + 1, &sp, &cue))
		attributed = true;

	int pk = prev_kind(d, s0->o);
	int kind = -1;
	bool inherit = false;

	if (attributed) {
		kind = (pk == PREV_THAT || pk == PREV_CALL || pk == PREV_EMBED ||
			embedded) ? VB_QUOTE_PARTIAL : VB_QUOTE_DIRECT;
		/* A name or a title ("Think Before You Share") is no fragment of speech. */
		if (kind == VB_QUOTE_PARTIAL && titlecase && (nw == 1 || !terminal))
			kind = -1;
	} else if (titlecase && (nw <= 10 || !terminal) && !(terminal && nw >= 3)) {
		/* Titles of reports and campaigns, however long, have no full stop. */
		kind = -1;
	} else if (pk == PREV_START || pk == PREV_COLON) {
		if (nw >= 3 || terminal) {
			kind = VB_QUOTE_DIRECT;
			inherit = true;
		}
	} else if (pk == PREV_CALL) {
		bool so_called = s0->o >= 2 && tok_is(d, s0->o - 1, "called") &&
				 tok_punct(d, s0->o - 2, '-');
		if (!so_called && nw >= 1 &&
		    (d->t[s0->o - 1].lex & L_CALL || nw >= 2) &&
		    sentence_speaker(d, s0->o, sl->c, &sp, &cue)) {
			kind = VB_QUOTE_PARTIAL;
		}
	} else {
		size_t min = pk == PREV_THAT ? 1 : 2;
		/* "said the result was "bittersweet"", "said he was
		 * "delighted" to join": one word after a copula is what the
		 * speaker called it (a verb far from it still makes it a
		 * scare quote, below). */
		if (nw == 1 && s0->o > 0 && lower_word_at(d, s0->o - 1) &&
		    tok_in(d, s0->o - 1, (const char *const[]){ "was", "is", "were", "are",
				"been", "be", "felt", "feels", "seemed", "seems", NULL }))
			min = 1;
		if (nw >= min && sentence_speaker(d, s0->o, sl->c, &sp, &cue)) {
			kind = VB_QUOTE_PARTIAL;
			/* One or two words with a far-away verb: a scare quote. */
			if (nw <= 2 && pk != PREV_THAT && cue != SIZE_MAX &&
			    !(d->t[cue].lex & L_CALL) &&
			    (cue > sl->c ? cue - sl->c : s0->o - cue) > 6)
				kind = -1;
		} else if (nw >= 5) {
			kind = VB_QUOTE_PARTIAL;
			inherit = true;
		}
	}
	if (kind < 0) {
		xspeaker_release(&sp);
		return;
	}
	struct xquote *q = quote_new(d, kind);
	q->sp = sp;
	q->cue_tok = cue;
	q->inherit = inherit;
	for (size_t si = first; si <= last; si++) {
		const struct seg *s = &ss->v[si];
		if (s->c > s->o + 1)
			add_span(q, d->t[s->o + 1].start, d->t[s->c - 1].end);
		mark_inquote(d, s->o, s->closed ? s->c : s->c - 1);
	}
	if (!q->nspans)
		q->dead = true;
}

/* Is the gap between two segments an attribution ("," he said, ")? */
static bool interrupting_gap(const struct xdoc *d, const struct seg *a,
			     const struct seg *b)
{
	if (!a->closed || a->para != b->para || b->o <= a->c + 1 ||
	    b->o - a->c > 40)
		return false;
	/*
	 * A first part ending in a comma inside the marks ("...," he said.
	 * "...") announces that the sentence goes on after the attribution,
	 * even when the attribution itself ends with a full stop.
	 */
	bool comma_inside = (a->c > a->o + 1 && (tok_punct(d, a->c - 1, ',') ||
						 tok_punct(d, a->c - 1, 0xFF0C))) ||
			    tok_punct(d, a->c + 1, ',');  /* German: „...“, sagte X. */
	bool cue = false;
	/* '..."to bring Sharespan inside the tent". He said: "..."': a full
	 * stop right after the mark ends the sentence, and the quote. */
	if (tok_punct(d, a->c + 1, '.') && a->c + 2 < b->o)
		return false;
	for (size_t k = a->c + 1; k < b->o; k++) {
		if (is_terminal_tok(d, k) && !tok_adjacent(d, k))
			return false;
		if (is_terminal_tok(d, k) && k + 1 == b->o)
			return comma_inside && cue && d->t[k].cp == '.';
		if (d->t[k].kind == TK_WORD && (d->t[k].lex & L_CUE) &&
		    !(d->t[k].flags & TF_CAP))
			cue = true;
	}
	bool comma_end = tok_punct(d, b->o - 1, ',') || tok_punct(d, b->o - 1, ':');
	return cue && comma_end;
}

/* Is the document a statement or speech with a named author? */
static bool is_statement(const struct xdoc *d)
{
	const struct vb_extract_opts *o = d->opts;
	return o && o->speaker && *o->speaker && o->doc_type &&
	       (!strcmp(o->doc_type, "statement") || !strcmp(o->doc_type, "speech"));
}

/* I, we, our... in the languages of the corpus: the author speaking. */
static bool first_person_word(const struct xdoc *d, size_t k)
{
	static const char *const words[] = {
		"i", "we", "our", "ours", "my", "me", "us", "i'm", "we're",
		"i've", "we've", "i'd", "we'd", "i'll", "we'll",
		"je", "j", "nous", "notre", "nos", "moi", "mon", "ma", "mes",
		"ich", "wir", "unser", "unsere", "unseren", "unserer", "uns", "mich", "mir",
		"我", "我们", "我們",
	};
	/* None of the Latin-script words is longer than 7 bytes: most
	 * words of a paragraph stop here. */
	if (d->t[k].end - d->t[k].start > 7 &&
	    !((unsigned char)d->s[d->t[k].start] & 0x80))
		return false;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (tok_is(d, k, words[i]))
			return true;
	/* Chinese runs are tokens of several characters: look for 我. */
	for (size_t i = d->t[k].start; i + 3 <= d->t[k].end; i++)
		if (!memcmp(d->s + i, "\xe6\x88\x91", 3))
			return true;
	return false;
}

/* Lines that open the notes after a statement: nothing after them is the speaker's. */
static bool notes_heading(const struct xdoc *d, size_t t0, size_t t1)
{
	static const char *const heads[] = {
		"notes", "note", "about", "contact", "contacts", "ends", "media",
		"press", "for", "editors", "hinweise", "kontakt", "pressekontakt",
		"contacts", "à", "a",
	};
	size_t words = 0, w0 = SIZE_MAX;
	for (size_t k = t0; k < t1; k++)
		if (d->t[k].kind == TK_WORD) {
			if (w0 == SIZE_MAX)
				w0 = k;
			words++;
		}
	if (w0 == SIZE_MAX || words > 6)
		return false;
	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		if (tok_is(d, w0, heads[i]) && (tok_is(d, w0 + 1, "editors") ||
						tok_is(d, w0 + 1, "to") ||
						tok_is(d, w0 + 1, "for") ||
						tok_is(d, w0 + 1, "contact") ||
						words <= 3))
			return true;
	return false;
}

/*
 * In a statement or speech every paragraph of prose is the author's own
 * words: one direct quote per paragraph.  Prose means at least two
 * sentences or eight words ending in a full stop (a dateline, a signature
 * block or a heading has neither); the author's name alone on a line opens
 * the signature, and "Notes to editors" or "About ..." the notes: nothing
 * after them is quoted.
 */
static void statement_paragraphs(struct xdoc *d)
{
	const char *who = d->opts->speaker;
	size_t wl = strlen(who);

	for (size_t pi = 0; pi < d->np; pi++) {
		size_t t0 = d->p[pi].t0, t1 = d->p[pi].t1;
		if (t0 >= t1 || para_boiler(d, pi) || (d->t[t0].flags & TF_HEADLINE))
			continue;
		/* The signature: the speaker's name opening a paragraph. */
		size_t nb = d->t[t1 - 1].end - d->t[t0].start;
		if (nb >= wl && !strncmp(d->s + d->t[t0].start, who, wl) &&
		    (nb == wl || d->s[d->t[t0].start + wl] == '\n' ||
		     d->s[d->t[t0].start + wl] == ','))
			break;
		if (notes_heading(d, t0, t1))
			break;
		size_t words = 0;
		for (size_t k = t0; k < t1; k++)
			words += d->t[k].kind != TK_PUNCT;
		size_t last = t1 - 1;
		while (last > t0 && d->t[last].kind == TK_PUNCT &&
		       is_quote_cp(d->t[last].cp))
			last--;
		if (words < 8 || !is_terminal_tok(d, last))
			continue;
		/*
		 * A paragraph reporting someone else ("In a statement, the
		 * board explains: ...") is not the author speaking, unless the
		 * author speaks in it in the first person too.
		 */
		bool first_person = false, reports = false;
		for (size_t k = t0; k < t1 && !first_person; k++) {
			if (d->t[k].kind != TK_WORD)
				continue;
			if (first_person_word(d, k))
				first_person = true;
			else if (!reports && cue_word(d, k))
				reports = true;
		}
		if (reports && !first_person)
			continue;
		struct xquote *q = quote_new(d, VB_QUOTE_DIRECT);
		q->sp.how = SP_OPTION;
		q->sp.type = ET_PERSON;
		q->sp.name = vb_strdup(who);
		add_span(q, d->t[t0].start, d->t[t1 - 1].end);
		mark_inquote(d, t0, t1 - 1);
	}
}

/*
 * Paragraph pi goes on with an unmarked quote: prose of at least five
 * words without quotation marks, in the first person, reporting no one
 * and introducing no one ("We promised ...", not "The association
 * welcomed ..." nor "Jane Roe said:").
 */
static bool block_quote_goes_on(struct xdoc *d, size_t pi)
{
	size_t t0 = d->p[pi].t0, t1 = d->p[pi].t1;
	if (t0 >= t1 || para_boiler(d, pi) || (d->t[t0].flags & TF_HEADLINE) ||
	    notes_heading(d, t0, t1) || !is_terminal_tok(d, t1 - 1) || tok_punct(d, t1 - 1, ':'))
		return false;
	size_t words = 0;
	bool first_person = false;
	for (size_t k = t0; k < t1; k++) {
		if (is_quote_tok(d, k) || (d->t[k].flags & TF_INQUOTE))
			return false;
		if (d->t[k].kind != TK_WORD)
			continue;
		words++;
		if (cue_word(d, k) || tok_is(d, k, "according"))
			return false;
		first_person |= first_person_word(d, k);
	}
	return words >= 5 && first_person;
}

/*
 * "Hedda Brun said:" ending a paragraph, and the next paragraph prose
 * without quotation marks: that paragraph is what was said, the way
 * government press offices print a quote (a block quote on the page, no
 * marks in the text).  Where an unmarked quote ends is not written
 * anywhere, so the paragraphs after the first join it only while they
 * speak in the first person and report no one (block_quote_goes_on).
 */
static void colon_block_quotes(struct xdoc *d)
{
	for (size_t pi = 0; pi + 1 < d->np; pi++) {
		size_t c = d->p[pi].t1;
		if (c == d->p[pi].t0 || !tok_punct(d, c - 1, ':'))
			continue;
		size_t t0 = d->p[pi + 1].t0, t1 = d->p[pi + 1].t1;
		if (t0 >= t1 || para_boiler(d, pi + 1) || (d->t[t0].flags & TF_HEADLINE) ||
		    notes_heading(d, t0, t1))
			continue;
		size_t words = 0;
		bool marked = false;
		for (size_t k = t0; k < t1 && !marked; k++) {
			words += d->t[k].kind == TK_WORD || d->t[k].kind == TK_NUM;
			marked = is_quote_tok(d, k) || (d->t[k].flags & TF_INQUOTE);
		}
		if (marked || words < 8 || !is_terminal_tok(d, t1 - 1))
			continue;
		struct xspeaker sp = { .ent = -1 };
		size_t cue = SIZE_MAX;
		bool embedded;
		if (!attribution_before(d, t0, &sp, &cue, &embedded) || embedded) {
			xspeaker_release(&sp);
			continue;
		}
		struct xquote *q = quote_new(d, VB_QUOTE_DIRECT);
		q->sp = sp;
		q->cue_tok = cue;
		add_span(q, d->t[t0].start, d->t[t1 - 1].end);
		mark_inquote(d, t0, t1 - 1);
		while (pi + 2 < d->np && q->nspans < sizeof(q->spans) / sizeof(q->spans[0]) &&
		       block_quote_goes_on(d, pi + 2)) {
			pi++;
			t0 = d->p[pi + 1].t0;
			t1 = d->p[pi + 1].t1;
			add_span(q, d->t[t0].start, d->t[t1 - 1].end);
			mark_inquote(d, t0, t1 - 1);
		}
	}
}

/*
 * Transcripts of briefings and interviews: "MS. ANDERSEN: We have been in
 * contact with both unions ...", "Q: ...", "A: ...".  A paragraph opening
 * with a label in capitals and a colon is its speaker's words, verbatim.
 * The label of the paragraph at pi ends at the colon it returns (0: none);
 * *kind is 'n' for a name, 'q' for a question or a moderator, 'a' for
 * an answer.
 */
static size_t turn_label(const struct xdoc *d, size_t pi, int *kind, bool mixed)
{
	size_t t0 = d->p[pi].t0, t1 = d->p[pi].t1;
	static const char *const askers[] = {
		"q", "question", "questions", "moderator", "operator", "reporter",
		"reporters", "interviewer", "audience", "frage", NULL,
	};
	size_t words = 0, c = t0;
	for (; c < t1 && c < t0 + 7; c++) {
		const struct xtok *t = &d->t[c];
		if (t->kind == TK_PUNCT && t->cp == ':')
			break;
		if (t->kind == TK_PUNCT && (t->cp == '.' || t->cp == '-' || t->cp == '\''))
			continue;
		if (t->kind != TK_WORD)
			return 0;
		if (!(t->flags & TF_ALLCAPS) && !tok_is(d, c, "q") && !tok_is(d, c, "a") &&
		    !(mixed && (t->flags & TF_CAP) && !(t->lex & (L_STOP | L_COMMON | L_DET))))
			return 0;
		words++;
	}
	/* A name written as names are ("Kovač:", "City Review:"): three
	 * words at most, no heading's ("Note:", "Update:", "Photo:"). */
	if (mixed && (words > 3 || tok_in(d, t0, (const char *const[]){ "note", "update",
			"photo", "photos", "source", "sources", "warning", "disclaimer", "tags",
			"related", "editor", "correction", "clarification", "background",
			"summary", "agenda", "location", "date", "time", "venue", "subject",
			"re", "attachment", "attachments", "video", "audio", "image", "credit",
			"read", "see", "watch", "listen", "share", "caption", NULL })))
		return 0;
	/* Words after the colon, on the same line. */
	if (!words || c >= t1 || c + 1 >= t1 || !tok_punct(d, c, ':') ||
	    (d->t[c + 1].flags & TF_NL_BEFORE))
		return 0;
	if (words == 1 && tok_is(d, t0, "a"))
		*kind = 'a';
	else if (words == 1 && tok_in(d, t0, askers))
		*kind = 'q';
	else if (words <= 4 && !notes_heading(d, t0, c))
		*kind = 'n';
	else
		return 0;
	return c;
}

/* What a turn says is prose: four words or more, some in lower case (not
 * "PARANA STATE: UMUARAMA NIL, PARANAVAI NIL" in a table of figures). */
static bool turn_is_prose(const struct xdoc *d, size_t pi)
{
	size_t words = 0, lower = 0;
	for (size_t k = d->p[pi].t0; k < d->p[pi].t1; k++)
		if (d->t[k].kind == TK_WORD) {
			words++;
			lower += !(d->t[k].flags & (TF_ALLCAPS | TF_CAP));
		}
	return words >= 4 && lower * 2 >= words - 4;
}

/*
 * Labels written in capitals and lower case ("Kovač:", "City Review:")
 * count only when the document is an interview: two labels or more, each
 * opening two prose turns or more, four turns at least, and the turns a
 * third of the prose paragraphs at least.
 */
static bool mixed_interview(struct xdoc *d)
{
	struct strmap labels;
	size_t turns = 0, prose = 0;
	bool ok = true;
	strmap_init(&labels);
	for (size_t pi = 0; pi < d->np; pi++) {
		int kind = 0;
		size_t c = turn_label(d, pi, &kind, true);
		bool is_prose = turn_is_prose(d, pi);
		prose += is_prose;
		if (!c || kind != 'n' || !is_prose)
			continue;
		turns++;
		lower_utf8(d->s + d->t[d->p[pi].t0].start,
			   d->t[c].start - d->t[d->p[pi].t0].start, &d->tmp);
		const struct strmap_entry *e = strmap_get(&labels, d->tmp.buf, d->tmp.len);
		strmap_put(&labels, d->tmp.buf, d->tmp.len, 0, e ? e->val + 1 : 1, NULL);
	}
	size_t distinct = 0;
	for (size_t i = 0; i < labels.cap && ok; i++) {
		const struct strmap_entry *e = &labels.v[i];
		if (!e->key)
			continue;
		distinct++;
		ok = e->val >= 2;
	}
	strmap_release(&labels);
	/* Turns make a good part of the text, not two lines of a notice. */
	return ok && distinct >= 2 && turns >= 4 && turns * 3 >= prose;
}

static void transcript_turns(struct xdoc *d)
{
	size_t named = 0;
	bool mixed = false;
	for (size_t pi = 0; pi < d->np; pi++) {
		int kind = 0;
		if (turn_label(d, pi, &kind, false) && kind == 'n' && turn_is_prose(d, pi))
			named++;
	}
	/* One label alone is a heading or a note ("UPDATE: ..."). */
	if (named < 2 && !(mixed = mixed_interview(d)))
		return;
	size_t last_name0 = SIZE_MAX, last_name1 = 0;
	for (size_t pi = 0; pi < d->np; pi++) {
		int kind = 0;
		size_t c = turn_label(d, pi, &kind, mixed), t0 = d->p[pi].t0, t1 = d->p[pi].t1;
		if (!c || kind == 'q' || para_boiler(d, pi) || !turn_is_prose(d, pi))
			continue;
		size_t n0 = t0, n1 = c;
		if (kind == 'n') {
			/* "MS. ANDERSEN", "SECRETARY BLINKEN", "STATE SECRETARY
			 * LUND": the name after the title. */
			for (size_t k = n0; k + 1 < n1; k++)
				if (d->t[k].kind == TK_WORD && (d->t[k].lex & (L_HONORIFIC | L_ROLE)))
					n0 = k + 1;
			while (n0 + 1 < n1 && ((d->t[n0].kind == TK_WORD &&
						(d->t[n0].lex & (L_HONORIFIC | L_ROLE))) ||
					       d->t[n0].kind == TK_PUNCT))
				n0++;
			while (n0 < n1 && d->t[n0].kind == TK_PUNCT)
				n0++;
			if (n0 >= n1)
				continue;
			last_name0 = n0;
			last_name1 = n1;
		} else if (last_name0 == SIZE_MAX) {
			continue;   /* "A:" with nobody named before */
		} else {
			n0 = last_name0;
			n1 = last_name1;
		}
		struct xquote *q = quote_new(d, VB_QUOTE_DIRECT);
		q->sp.how = SP_NAME;
		q->sp.type = ET_PERSON;
		/* The interviewer may be the publication: "City Review:" */
		const char *src = d->opts ? d->opts->source_org : NULL;
		char *label = name_text(d, n0, n1);
		if (run_type(d, n0, n1) == ET_ORG || (src && !strcasecmp(label, src)))
			q->sp.type = ET_ORG;
		free(label);
		q->sp.t0 = q->sp.name_t0 = n0;
		q->sp.t1 = q->sp.name_t1 = n1;
		if (n0 > t0 && kind == 'n' && (d->t[n0 - 1].lex & L_ROLE)) {
			/* A label in capitals has no acronyms to keep. */
			lower_utf8(d->s + d->t[t0].start, d->t[n0 - 1].end - d->t[t0].start,
				   &d->tmp);
			q->sp.role = vb_strdup(d->tmp.buf);
		}
		add_span(q, d->t[c + 1].start, d->t[t1 - 1].end);
		mark_inquote(d, c + 1, t1 - 1);
	}
}

void quotes_find(struct xdoc *d)
{
	struct segs ss = { 0 };

	size_t first_own = d->nq;
	if (is_statement(d))
		statement_paragraphs(d);
	else
		transcript_turns(d);
	size_t own = d->nq;
	find_segments(d, &ss);
	for (size_t i = 0; i < ss.n;) {
		size_t j = i;
		for (;;) {
			if (ss.v[j].continues && j + 1 < ss.n) {
				j++;
				continue;
			}
			if (j + 1 < ss.n && interrupting_gap(d, &ss.v[j], &ss.v[j + 1])) {
				j++;
				continue;
			}
			break;
		}
		/*
		 * Quotes inside the author's own paragraphs are part of them.
		 * Those are in text order and do not overlap: only the last one
		 * starting at or before the mark can hold it.
		 */
		size_t pos = d->t[ss.v[i].o].start, lo = first_own, hi = own;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (d->q[mid].spans[0].start <= pos)
				lo = mid + 1;
			else
				hi = mid;
		}
		bool nested = lo > first_own && pos < d->q[lo - 1].spans[0].end;
		if (!nested)
			evaluate(d, &ss, i, j);
		i = j + 1;
	}
	free(ss.v);
	colon_block_quotes(d);
}

/* ---- reported speech -------------------------------------------------------- */

/* Speech verbs that report a clause only with "that" after them. */
static bool needs_that(const struct xdoc *d, size_t c)
{
	static const char *const weak[] = {
		"announced", "announces", "indicated", "indicates", "estimated",
		"estimates", "believes", "believed", "reported", "reports",
		"agreed", "asked", "asks", "suggested", "suggests", "recalled",
		"recalls", "urged", "urges", "observed", "revealed", "reveals",
		"disclosed", "discloses", "continued", "continues", "replied",
		"replies", "answered", "responded", "concluded", "testified",
		"testifies", "predicted", "predicts", "confirmed", "confirms",
		"wrote", "writes", "commented", "comments", "remarked",
		"tweeted", "posted", "vowed", "vows", "pledged", "pledges", "promised",
		"promises", "lamented", "laments", "boasted", "boasts", "recounted",
		"mused", "pleaded", "joked", "quipped", "shouted", "yelled",
		"whispered", "exclaimed", "declared", "declares",
	};
	for (size_t k = 0; k < sizeof(weak) / sizeof(weak[0]); k++)
		if (tok_is(d, c, weak[k]))
			return true;
	return false;
}

static size_t clause_words(const struct xdoc *d, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t k = a; k < b; k++)
		n += d->t[k].kind != TK_PUNCT;
	return n;
}

static size_t inquote_count(const struct xdoc *d, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t k = a; k < b; k++)
		n += (d->t[k].flags & TF_INQUOTE) != 0;
	return n;
}

/* Words of a clause outside quotation marks: the reporter's own words. */
static size_t own_words(const struct xdoc *d, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t k = a; k < b; k++)
		n += d->t[k].kind != TK_PUNCT && !(d->t[k].flags & TF_INQUOTE);
	return n;
}


/* ", adding that ..." or ", adding it would ..." at token i: where the
 * reported clause starts, or 0. */
static size_t participle_report(const struct xdoc *d, size_t i, size_t s1)
{
	if (i + 3 >= s1 || !tok_punct(d, i, ',') || !tok_in(d, i + 1, speech_participles))
		return 0;
	if (tok_is(d, i + 2, "that"))
		return i + 3;
	/* Without "that", a subject must follow: "adding the market was
	 * stable", not "warning of higher prices", "pointing to". */
	const struct xtok *t = &d->t[i + 2];
	if (tok_is(d, i + 1, "pointing") ||
	    !((t->kind == TK_WORD && (t->lex & (L_DET | L_PRONOUN)) && !(t->lex & L_CONNECT)) ||
	      tok_capword(d, i + 2)))
		return 0;
	return i + 2;
}

/*
 * ", but added that ...", ", and warned that ...": the speaker of the
 * clause before goes on with a verb of their own.  `i` is the comma;
 * returns the first word after "that" (0: not so), the verb in *verb.
 */
static size_t conj_report(const struct xdoc *d, size_t i, size_t s1, size_t *verb)
{
	if (i + 4 >= s1 || !tok_punct(d, i, ',') ||
	    !(tok_is(d, i + 1, "but") || tok_is(d, i + 1, "and")) ||
	    !cue_word(d, i + 2) || !tok_is(d, i + 3, "that"))
		return 0;
	if (verb)
		*verb = i + 2;
	return i + 4;
}

/* A word that can open a subject: an article, a pronoun, a name, a
 * noun of people or organisations. */
static bool det_or_subject(const struct xdoc *d, size_t i)
{
	if (d->t[i].kind != TK_WORD)
		return false;
	return (d->t[i].lex & (L_DET | L_PRONOUN | L_PLURAL_NOM | L_NOM_PERSON | L_NOM_ORG)) ||
	       (d->t[i].flags & TF_CAP);
}

/* The end of a reported clause: before the sentence's final punctuation. */
static size_t clause_end(const struct xdoc *d, size_t a, size_t s1)
{
	size_t e = s1;
	/* "..., replied, "No."", "..., committee staff said.": the clause
	 * ends at the comma before another speech verb and its subject. */
	for (size_t k = a + 3; k + 1 < s1; k++) {
		if (!tok_punct(d, k, ',') || (d->t[k].flags & TF_INQUOTE))
			continue;
		/* the verb, or a subject word and "said", then punctuation */
		size_t v = cue_word(d, k + 1) ? k + 1
			 : (k + 2 < s1 && (tok_is(d, k + 2, "said") || tok_is(d, k + 2, "says")) &&
			    (d->t[k + 1].lex & (L_PLURAL_NOM | L_NOM_PERSON | L_NOM_ORG | L_PRONOUN)) &&
			    !(d->t[k + 1].flags & TF_CAP)) ? k + 2 : 0;
		if (v && (v + 1 >= s1 || d->t[v + 1].kind == TK_PUNCT)) {
			e = k;
			break;
		}
		/* "..., adding that ...": a report of its own (shared_subject) */
		if (participle_report(d, k, s1)) {
			e = k;
			break;
		}
		/* "..., and witnesses said the river had risen", "..., but
		 * Acme's chairman told reporters that": another subject and
		 * its speech verb open a report of their own. */
		if ((tok_is(d, k + 1, "and") || tok_is(d, k + 1, "but")) && k + 3 < s1 &&
		    (det_or_subject(d, k + 2))) {
			size_t m = k + 3;
			while (m < s1 && m < k + 12 && d->t[m].kind == TK_WORD && !cue_word(d, m) &&
			       !(d->t[m].lex & L_VERB_NOT_NAME))
				m++;
			if (m < s1 && m < k + 12 && cue_word(d, m) && m + 1 < s1 &&
			    d->t[m + 1].kind == TK_WORD) {
				e = k;
				break;
			}
		}
	}
	while (e > a && d->t[e - 1].kind == TK_PUNCT &&
	       (is_terminal_tok(d, e - 1) || d->t[e - 1].cp == ',' ||
		d->t[e - 1].cp == ';' || d->t[e - 1].cp == ':'))
		e--;
	/* Keep a closing quotation mark that belongs to the clause. */
	return e;
}

/*
 * A reported clause holding a quoted fragment ("said the plan was "a last
 * warning"") is annotated as the partial quote alone.  A coordinated
 * clause before the fragment ("said A, and that B "..."") stays a reported
 * clause of its own.  Returns the end of what remains of [a, b): a when
 * nothing does.
 */
static size_t cut_at_fragment(const struct xdoc *d, size_t a, size_t b)
{
	size_t f = a;
	while (f < b && !(d->t[f].flags & TF_INQUOTE))
		f++;
	if (f >= b)
		return b;
	/*
	 * "..., a measure it described as "...": the fragment is quoted by an
	 * appositive of its own; the clause before the comma stays.
	 */
	for (size_t k = f; k-- > a + 3;) {
		if (!tok_punct(d, k, ','))
			continue;
		bool calls = false;
		for (size_t m = k + 1; m < f; m++)
			if (d->t[m].kind == TK_WORD && (d->t[m].lex & (L_CALL | L_CUE)))
				calls = true;
		if (calls && clause_words(d, a, k) >= 5)
			return k;
		break;
	}
	for (size_t k = f; k-- > a + 3;) {
		if (tok_is(d, k, "that") && tok_is(d, k - 1, "and")) {
			size_t e = k - 1;
			while (e > a && tok_punct(d, e - 1, ','))
				e--;
			if (clause_words(d, a, e) >= 3)
				return e;
		}
	}
	return a;
}

static void add_indirect(struct xdoc *d, size_t a, size_t b, size_t cue,
			 struct xspeaker *sp)
{
	struct xquote *q = quote_new(d, VB_QUOTE_INDIRECT);
	q->cue_tok = cue;
	q->sp = *sp;
	memset(sp, 0, sizeof(*sp));
	add_span(q, d->t[a].start, d->t[b - 1].end);
}

static bool dash_or_punct_word(const struct xdoc *d, size_t i)
{
	return d->t[i].kind == TK_PUNCT;
}


/* "a practice the federation says has grown": a verb right after the
 * speech verb has no subject; it belongs to a relative clause. */
static bool auxiliary_at(const struct xdoc *d, size_t i)
{
	static const char *const aux[] = {
		"has", "have", "had", "is", "are", "was", "were", "will", "would",
		"can", "could", "should", "must", "may", "might", "did", "does", NULL,
	};
	return tok_in(d, i, aux);
}

/* An auxiliary or modal verb, or a subject pronoun, among tokens [a, b):
 * a clause, not a phrase ("at this price it seemed unlikely"). */
static bool has_auxiliary(const struct xdoc *d, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if (auxiliary_at(d, k) || tok_is(d, k, "there") ||
		    (d->t[k].kind == TK_WORD && (d->t[k].lex & L_PRONOUN)))
			return true;
	return false;
}

/* "Speaking at the opening, ...", "Asked about the delay, ...": a
 * participle phrase [a, b) with no verb of its own, not a clause that was
 * said ("Drilling for oil is likely to continue" is one). */
static bool participle_opener(const struct xdoc *d, size_t a, size_t b)
{
	if (d->t[a].kind != TK_WORD || !(d->t[a].flags & TF_CAP) || has_auxiliary(d, a, b))
		return false;
	if (tok_is(d, a, "asked") || tok_is(d, a, "questioned") || tok_is(d, a, "pressed"))
		return true;
	size_t n = tok_len(d, a);
	return n > 5 && !memcmp(d->s + d->t[a].end - 3, "ing", 3) &&
	       !(d->t[a].lex & (L_GIVEN | L_ORG_CUE)) && a + 1 < b &&
	       (tok_is(d, a + 1, "at") || tok_is(d, a + 1, "in") || tok_is(d, a + 1, "on") ||
		tok_is(d, a + 1, "to") || tok_is(d, a + 1, "after") || tok_is(d, a + 1, "before") ||
		tok_is(d, a + 1, "during") || tok_is(d, a + 1, "from") || tok_is(d, a + 1, "about"));
}

/*
 * What follows verb c from token i is reported speech only with a verb
 * in it (has_auxiliary()): after "admitted" or "denied" it may be an
 * object ("admitted 14 breaches", but "denied he had been paid"), and
 * after a preposition of time or place a phrase ("told reporters after
 * the vote", but "said at this price it seemed unlikely").
 */
static bool needs_verb(const struct xdoc *d, size_t c, size_t i)
{
	static const char *const object_verbs[] = {
		"admitted", "admits", "denied", "denies", "acknowledged",
		"acknowledges", "conceded", "concedes", NULL,
	};
	static const char *const preps[] = {
		"after", "before", "following", "during", "ahead", "amid", "at",
		"outside", "from", "when", "while", "here", "there", NULL,
	};
	if (tok_in(d, c, object_verbs))
		return true;
	if (!lower_word_at(d, i) ||
	    (tok_is(d, i, "at") && (tok_is(d, i + 1, "least") || tok_is(d, i + 1, "most"))))
		return false;
	return tok_in(d, i, preps);
}

/*
 * [i, s1) is a prepositional phrase ending the sentence: "at a meeting
 * with farmers.", "bei der Vorstellung im Rathaus." (at most ten words, no
 * comma, no verb of saying, no "that").
 */
static bool place_tail(const struct xdoc *d, size_t i, size_t s1)
{
	if (i >= s1 || !tok_in(d, i, (const char *const[]){ "in", "at", "on", "during", "with",
			"before", "bei", "beim", "im", "am", "auf", "vor", "nach",
			"gegenüber", "während", "zum", "zur", "vom", NULL }) ||
	    (d->t[i].flags & TF_CAP))
		return false;
	size_t k = i + 1, words = 0;
	for (; k < s1 && !is_terminal_tok(d, k); k++) {
		if (d->t[k].kind == TK_PUNCT || cue_word(d, k) || tok_is(d, k, "that") ||
		    tok_is(d, k, "dass") || ++words > 10)
			return false;
	}
	return k + 1 >= s1 && words > 0;
}

static bool reported_at(struct xdoc *d, size_t c, size_t s0, size_t s1)
{
	struct xspeaker sp = { .ent = -1 };

	/* "pointed" speaks only with "out": "pointed to the figures" does not. */
	if (tok_is(d, c, "pointed") && !tok_is(d, c + 1, "out"))
		return false;
	/* "is said to", "was told" are passive; "said to be" too. */
	if (c > s0 && (tok_is(d, c - 1, "is") || tok_is(d, c - 1, "was") ||
		       tok_is(d, c - 1, "were") || tok_is(d, c - 1, "be") ||
		       tok_is(d, c - 1, "been") || tok_is(d, c - 1, "are")))
		return false;
	if (tok_is(d, c + 1, "to") && !tok_is(d, c, "told"))
		return false;

	/* Trailing: "Sales rose 6 pct, the company said."; "..., growers
	 * told Reuters." */
	size_t after = skip_adverbials_right(d, skip_told_object(d, c, c + 1, s1), s1);
	/* Not before a colon: "Speaking at the opening, the Minister said:"
	 * introduces what was said. */
	bool at_end = after >= s1 || (is_terminal_tok(d, after) && after + 1 >= s1) ||
		      (after + 1 == s1 && d->t[after].kind == TK_PUNCT &&
		       !tok_punct(d, after, ':')) ||
		      /* "..., the carrier said on Monday, as fuel costs rose":
		       * a subordinate clause of the writer's follows. */
		      (after + 1 < s1 && tok_punct(d, after, ',') && !(d->t[after + 1].flags & TF_CAP) &&
		       tok_in(d, after + 1, (const char *const[]){ "as", "while", "after", "before",
				"because", "although", "though", "amid", "despite", "following",
				"when", "since", "with", "even", NULL })) ||
		      /* "..., the minister said, adding that ...", "...,
		       * she said, but added that ...": a report of its own
		       * follows (reported_find). */
		      participle_report(d, after, s1) || conj_report(d, after, s1, NULL) ||
		      /* "..., the company said on Friday, sending its shares
		       * down 7%": the writer's participle clause. */
		      (after + 2 < s1 && tok_punct(d, after, ',') && ing_word(d, after + 1) &&
		       !tok_is(d, after + 1, "according"));
	if (at_end && speaker_left(d, c, s0, &sp)) {
		if (sp.t0 > s0 + 1 && tok_punct(d, sp.t0 - 1, ',')) {
			size_t a = s0, b = cut_at_fragment(d, s0, sp.t0 - 1);
			if (b > a && clause_words(d, a, b) >= 3 && !participle_opener(d, a, b) &&
			    inquote_count(d, a, b) * 2 < b - a) {
				add_indirect(d, a, b, c, &sp);
				return true;
			}
		}
		xspeaker_release(&sp);
	}
	/*
	 * Interrupted: "Sales had doubled, she noted, and several firms were
	 * in talks."  One reported clause in two parts around the attribution.
	 */
	if (!at_end && after + 1 < s1 && tok_punct(d, after, ',') &&
	    speaker_left(d, c, s0, &sp)) {
		if (sp.t0 > s0 + 1 && tok_punct(d, sp.t0 - 1, ',') &&
		    (sp.how == SP_PRONOUN || sp.how == SP_NAME)) {
			size_t a = s0, b = sp.t0 - 1;
			size_t a2 = after + 1, b2 = clause_end(d, a2, s1);
			if (clause_words(d, a, b) >= 3 && clause_words(d, a2, b2) >= 2 &&
			    !inquote_count(d, a, b) && !inquote_count(d, a2, b2)) {
				add_indirect(d, a, b, c, &sp);
				add_span(&d->q[d->nq - 1], d->t[a2].start, d->t[b2 - 1].end);
				return true;
			}
		}
		xspeaker_release(&sp);
	}
	/* Inverted trailing: "..., said the company.", "..., erklärte er bei
	 * der Vorstellung im Rathaus." */
	/* French and Spanish: "..., a annoncé mardi la SNCF.", "..., ha
	 * explicado hoy la empresa." */
	size_t inv_comma = c - 1, subj = c + 1;
	if (c > s0 + 4 && tok_in(d, c - 1, (const char *const[]){ "a", "ont", "ha", "han", NULL }) &&
	    tok_punct(d, c - 2, ',')) {
		inv_comma = c - 2;
		while (subj + 1 < s1 && lower_word_at(d, subj) &&
		       ((d->t[subj].lex & L_WEEKDAY) ||
			tok_in(d, subj, (const char *const[]){ "hier", "hoy", "ayer", "soir",
				"matin", NULL })))
			subj++;
	}
	if (c > s0 + 3 && tok_punct(d, inv_comma, ',') &&
	    speaker_right(d, subj, s1, &sp)) {
		size_t e = skip_adverbials_right(d, sp.t1, s1);
		/* the speaker right after the verb: "..., said the company.";
		 * not a noun at the end of a clause ("X, who ..., said the
		 * rules should require crews.") */
		bool next = sp.t0 <= subj + 1;
		if (next && (e >= s1 - 1 || (e < s1 && is_terminal_tok(d, e)) || place_tail(d, e, s1))) {
			size_t a = s0, b = cut_at_fragment(d, s0, inv_comma);
			if (b > a && clause_words(d, a, b) >= 3 &&
			    inquote_count(d, a, b) * 2 < b - a) {
				add_indirect(d, a, b, c, &sp);
				return true;
			}
		}
		xspeaker_release(&sp);
	}
	/* Forward: "X said (that) ..." */
	if (!speaker_left(d, c, s0, &sp))
		return false;
	size_t i = skip_told_object(d, c, c + 1, s1);
	size_t verb_next = i;
	/* "pointed out (that)": the particle belongs to the verb. */
	if (tok_is(d, c, "pointed")) {
		if (!tok_is(d, i, "out"))
			goto no;
		i++;
	}
	i = skip_adverbials_right(d, i, s1);
	/* German separable verbs: "kündigte an, ...", "teilte mit, dass". */
	if (i + 1 < s1 && lower_word_at(d, i) && tok_punct(d, i + 1, ',') &&
	    tok_in(d, i, (const char *const[]){ "an", "mit", "fest", "hinzu", "ein", NULL }) &&
	    !(d->t[c].flags & TF_CAP))
		i++;
	/* "said outside court that", "said after the hearing that": a
	 * place or a time in a few plain words before "that". */
	if (i < s1 && lower_word_at(d, i) && tok_in(d, i, (const char *const[]){ "outside", "after",
			"before", "inside", "in", "at", "on", "during", "from", "near", NULL })) {
		for (size_t k = i + 1; k < s1 && k < i + 6 && lower_word_at(d, k); k++)
			if (tok_is(d, k, "that") && k > i + 1) {
				i = k;
				break;
			}
	}
	bool that = false;
	size_t pr = participle_report(d, i, s1);
	if (pr && tok_in(d, c, (const char *const[]){ "said", "says", "told", "added", NULL })) {
		/* '"It's overdue," she said, adding that the city would
		 * pay': the report is the participle's.  Not after other
		 * verbs: "the tariff on music players announced on Tuesday,
		 * warning that" is the sentence's subject's (shared_subject). */
		c = i + 1;
		i = pr;
		that = true;
	}
	bool comma = i < s1 && tok_punct(d, i, ',');
	if (comma)
		i++;
	/* "said, asking not to be identified": the writer's participle,
	 * no clause reported. */
	if (comma && !that && ing_word(d, i))
		goto no;
	/* "that"; German "dass", French "que" */
	if (tok_is(d, i, "that") || tok_is(d, i, "dass") || tok_is(d, i, "que")) {
		i++;
		that = true;
	}
	if (i < s1 && tok_punct(d, i, ':'))
		i++;
	if (!that && needs_that(d, c))
		goto no;
	if (i >= s1 || (d->t[i].flags & TF_INQUOTE) || dash_or_punct_word(d, i))
		goto no;
	/* "warned of", "said in weeks": a preposition is not a clause. */
	if (!that && d->t[i].kind == TK_WORD && !(d->t[i].flags & TF_CAP) &&
	    (tok_is(d, i, "of") || tok_is(d, i, "about") || tok_is(d, i, "against") ||
	     tok_is(d, i, "with") || tok_is(d, i, "to") || tok_is(d, i, "for") ||
	     tok_is(d, i, "on") || tok_is(d, i, "in") || tok_is(d, i, "by") ||
	     tok_is(d, i, "so") || tok_is(d, i, "and") || tok_is(d, i, "or") ||
	     tok_is(d, i, "nothing") || tok_is(d, i, "yes") || tok_is(d, i, "no") ||
	     tok_is(d, i, "goodbye") || tok_is(d, i, "hello") || tok_is(d, i, "sorry") ||
	     auxiliary_at(d, i) || auxiliary_at(d, verb_next)))
		goto no;
	size_t full = clause_end(d, i, s1);
	size_t b = cut_at_fragment(d, i, full);
	if (!that && needs_verb(d, c, i) && !has_auxiliary(d, i, b))
		goto no;
	/*
	 * "said the order was "doing what was intended" and that the
	 * federation would ask for more": the coordinated clause after the
	 * fragment is reported speech of its own.
	 */
	size_t a2 = SIZE_MAX;
	if (b < full) {
		for (size_t k = b; k + 2 < full; k++)
			if (tok_is(d, k, "and") && tok_is(d, k + 1, "that") &&
			    !(d->t[k].flags & TF_INQUOTE))
				a2 = k + 2;
		if (a2 != SIZE_MAX && (inquote_count(d, a2, full) ||
				       clause_words(d, a2, full) < 3))
			a2 = SIZE_MAX;
	}
	bool first = b > i && clause_words(d, i, b) >= 3 && own_words(d, i, b) >= 2;
	if (!first && a2 == SIZE_MAX)
		goto no;
	if (a2 != SIZE_MAX) {
		struct xspeaker copy = sp;
		copy.role = sp.role ? vb_strdup(sp.role) : NULL;
		copy.org = sp.org ? vb_strdup(sp.org) : NULL;
		copy.name = sp.name ? vb_strdup(sp.name) : NULL;
		add_indirect(d, a2, full, c, &copy);
	}
	if (first)
		add_indirect(d, i, b, c, &sp);
	else
		xspeaker_release(&sp);
	return true;
no:
	xspeaker_release(&sp);
	return false;
}

/*
 * A speech verb sharing the subject of its sentence: "The Association has
 * called for a rethink, warning that CLAUSE", "... has welcomed the
 * decision, but warned that CLAUSE".  `k` is the verb; the speaker is the
 * noun phrase or pronoun opening the sentence.
 */
static bool shared_subject(struct xdoc *d, size_t k, size_t s0, size_t s1)
{
	const char *const *ing = speech_participles;
	/* "and told reporters that"; "and said his office would ..." */
	size_t that = skip_told_object(d, k, k + 1, s1);
	bool plain_said = !tok_is(d, that, "that") &&
			  (tok_is(d, k - 1, "and") || tok_is(d, k - 1, "but")) &&
			  (tok_is(d, k, "said") || tok_is(d, k, "says") || tok_is(d, k, "told")) &&
			  that < s1 && d->t[that].kind == TK_WORD && !(d->t[that].flags & TF_INQUOTE) &&
			  !tok_is(d, that, "to") && !tok_is(d, that, "so") &&
			  /* "but said it was too small", not "and said it
			   * in a statement" */
			  (!tok_is(d, that, "it") || auxiliary_at(d, that + 1));
	if (k < s0 + 3 || (d->t[k].flags & (TF_INQUOTE | TF_CAP)) ||
	    (!tok_is(d, that, "that") && !plain_said))
		return false;
	bool ok = false;
	for (size_t i = 0; ing[i] && !ok; i++)
		ok = tok_is(d, k, ing[i]) && tok_punct(d, k - 1, ',');
	if (!ok && cue_word(d, k) && (tok_is(d, k - 1, "but") || tok_is(d, k - 1, "and")))
		ok = true;
	if (!ok)
		return false;
	struct xspeaker sp = { .ent = -1 };
	if (!opening_subject(d, s0, k, &sp))
		return false;
	size_t a = plain_said ? that : that + 1, b = cut_at_fragment(d, a, clause_end(d, a, s1));
	if (b <= a || clause_words(d, a, b) < 3 || inquote_count(d, a, b) * 2 >= b - a) {
		xspeaker_release(&sp);
		return false;
	}
	add_indirect(d, a, b, k, &sp);
	return true;
}

/* A German noun for a company or a body in general ("Unternehmen",
 * "Konzerns", "Verband"), capitalised as German nouns are. */
static bool german_org_noun(const struct xdoc *d, size_t i)
{
	return tok_capword(d, i) &&
	       tok_in(d, i, (const char *const[]){ "unternehmen", "unternehmens", "konzern",
			"konzerns", "konzernes", "firma", "gesellschaft", "verband", "verbands",
			"verbandes", "verein", "vereins", "hersteller", "herstellers",
			"betreiber", "betreibers", "veranstalter", "veranstalters", "stiftung",
			"gewerkschaft", "kammer", "institut", "instituts", NULL });
}

/* "according to X" (width 2), "selon X", "so X" (width 1). */
static void according_to(struct xdoc *d, size_t k, size_t width, size_t s0,
			 size_t s1)
{
	struct xspeaker sp = { .ent = -1 };

	/* German: "nach Angaben der Stadtwerke", "laut dem Verband" */
	bool german = tok_is(d, k, "laut") || tok_is(d, k, "nach");
	size_t w = k + width;
	if (german && w < s1 && lower_word_at(d, w) &&
	    tok_in(d, w, (const char *const[]){ "der", "des", "dem", "den", "von", "vom", NULL }))
		w++;
	/* "according to a statement released by Halvern Airways": the
	 * statement's author speaks (not a report's or figures': those
	 * are findings). */
	if (width == 2 && w + 3 < s1 && tok_in(d, w, (const char *const[]){ "a", "the", "an",
			NULL }) &&
	    tok_in(d, w + 1, (const char *const[]){ "statement", "announcement", "communique",
			"communiqué", NULL })) {
		size_t b = w + 2;
		if (tok_in(d, b, (const char *const[]){ "released", "issued", "posted",
				"published", "sent", NULL }))
			b++;
		if (b + 1 < s1 && tok_in(d, b, (const char *const[]){ "by", "from", NULL }) &&
		    (tok_capword(d, b + 1) || tok_is(d, b + 1, "the")))
			w = b + 1;
	}
	bool spanish = tok_is(d, k, "según");
	/* "según ha anunciado hoy la compañía": the verb, then its subject. */
	if (spanish && w + 2 < s1 && tok_in(d, w, (const char *const[]){ "ha", "han", NULL }) &&
	    (d->t[w + 1].lex & L_CUE)) {
		w += 2;
		/* "hoy", "este martes" */
		for (size_t m = w; m < s1 && m < w + 3; m++)
			if (foreign_article(d, m)) {
				w = m;
				break;
			}
	}
	if (spanish && w + 1 < s1 && foreign_article(d, w) && tok_capword(d, w + 1))
		w++;
	size_t np = w;
	if ((tok_is(d, k, "selon") || spanish) && w + 1 < s1 && foreign_article(d, w) &&
	    lower_word_at(d, w + 1) && !(d->t[w + 1].lex & L_NOM_ORG))
		while (np < s1 && np < w + 8 && !tok_punct(d, np, ','))
			np++;
	if (np > w && np < s1 && tok_punct(d, np, ',')) {
		/* "Selon le ministère des Transports, ...": French names of
		 * bodies open in lower case; "selon le maire de Blois" is a
		 * person, by office. */
		bool person = tok_in(d, w + 1, (const char *const[]){ "maire", "ministre",
				"président", "présidente", "porte-parole", "directeur", "directrice",
				"préfet", "préfète", "procureur", "secrétaire", "responsable",
				"député", "députée", "avocat", "avocate", "juge", NULL }) ||
			      (d->t[w + 1].lex & L_NOM_PERSON);
		sp.how = SP_NAME;
		sp.t0 = w;
		sp.name_t0 = w + 1;
		sp.t1 = sp.name_t1 = np;
		sp.type = person ? ET_PERSON : ET_ORG;
		sp.anonymous = person;
	} else if (german && w > k + width && german_org_noun(d, w) && !tok_capword(d, w + 1)) {
		/* "Nach Angaben des Unternehmens": the company of the
		 * document, as "the company said" (speakers_resolve). */
		sp.how = SP_NOMINAL;
		sp.type = ET_ORG;
		sp.t0 = sp.name_t0 = w - 1;
		sp.t1 = sp.name_t1 = w + 1;
	} else if (!speaker_right(d, w, s1, &sp)) {
		return;
	}
	size_t e = sp.t1;
	/* "according to the National Association of Realtors (NAR), ...",
	 * "Nach Angaben des Bundesverbands (BVES) wächst ...": the short
	 * name in brackets is the source's, not the report's. */
	if (e + 2 < s1 && tok_punct(d, e, '(') && d->t[e + 1].kind == TK_WORD &&
	    (d->t[e + 1].flags & (TF_ALLCAPS | TF_CAP)) && tok_punct(d, e + 2, ')'))
		e += 3;
	/* "according to people familiar with the matter, ...", "according
	 * to two officials briefed on the talks": what the sources are, to
	 * the comma or the end of the sentence. */
	if (sp.how == SP_NOMINAL && sp.type == ET_PERSON && e < s1 && lower_word_at(d, e) &&
	    !tok_is(d, e, "that")) {
		size_t m = e;
		while (m < s1 && m < e + 8 && (lower_word_at(d, m) || tok_capword(d, m)) &&
		       !cue_word(d, m) && !tok_is(d, m, "that") && !tok_is(d, m, "and"))
			m++;
		if (m < s1 && (tok_punct(d, m, ',') || m + 1 == s1))
			e = m;
	}
	if (german && k == s0 && e < s1 && !tok_punct(d, e, ',')) {
		/* "Laut Polizei wurden drei Personen verletzt": the verb
		 * comes second, after the source. */
		size_t b = clause_end(d, e, s1);
		if (e < b && clause_words(d, e, b) >= 3 && !inquote_count(d, e, b)) {
			add_indirect(d, e, b, k, &sp);
			return;
		}
	} else if (e < s1 && tok_punct(d, e, ',') && k == s0) {
		/* "According to Smith, the deal ..." */
		size_t a = e + 1;
		/* "According to Ofwat, the regulator, the company's ...":
		 * what the source is, between commas, is not reported. */
		if (a + 2 < s1 && lower_word_at(d, a) && (d->t[a].lex & L_DET)) {
			size_t m = a + 1;
			while (m < s1 && m < a + 6 && lower_word_at(d, m))
				m++;
			if (m > a + 1 && m + 1 < s1 && tok_punct(d, m, ',') &&
			    (d->t[m - 1].lex & (L_ROLE | L_NOM_PERSON | L_NOM_ORG)) &&
			    !tok_in(d, m + 1, (const char *const[]){ "which", "who", "whose",
					"that", NULL }))
				a = m + 1;
		}
		size_t b = clause_end(d, a, s1);
		if (a < b && clause_words(d, a, b) >= 3 &&
		    inquote_count(d, a, b) * 2 < b - a) {
			add_indirect(d, a, b, k, &sp);
			return;
		}
	} else if (k > s0 + 2 && tok_punct(d, k - 1, ',')) {
		size_t e2 = skip_adverbials_right(d, e, s1);
		/* "..., according to Ruth Ellingham, professor of information
		 * law at Wexmoor, who has studied ...": who the source is,
		 * to the end of the sentence. */
		if (e2 + 1 < s1 && tok_punct(d, e2, ',') &&
		    (tok_is(d, e2 + 1, "who") || tok_is(d, e2 + 1, "a") ||
		     tok_is(d, e2 + 1, "an") || tok_is(d, e2 + 1, "the") ||
		     (lower_word_at(d, e2 + 1) &&
		      (d->t[e2 + 1].lex & (L_ROLE | L_NOM_PERSON | L_NOM_ORG)))))
			e2 = s1 - 1;
		if (e2 >= s1 - 1) {
			size_t a = s0, b = k - 1;
			if (clause_words(d, a, b) >= 3 &&
			    inquote_count(d, a, b) * 2 < b - a) {
				add_indirect(d, a, b, k, &sp);
				return;
			}
		}
	}
	xspeaker_release(&sp);
}

/*
 * "X was quoted (by the agency) as saying CLAUSE", "the agency quoted X
 * as saying CLAUSE", "CLAUSE, the agency quoted X as saying.": the
 * speaker is X, not the one who quotes.  `k` is "saying".
 */
static bool quoted_as_saying(struct xdoc *d, size_t k, size_t s0, size_t s1)
{
	if (k < s0 + 2 || !tok_is(d, k - 1, "as"))
		return false;
	size_t qd = k - 1;
	while (qd > s0 && qd + 10 > k && !tok_is(d, qd, "quoted"))
		qd--;
	if (!tok_is(d, qd, "quoted") || (d->t[qd].flags & TF_INQUOTE))
		return false;
	struct xspeaker sp = { .ent = -1 };
	bool passive = qd > s0 && (tok_is(d, qd - 1, "was") || tok_is(d, qd - 1, "is") ||
				   tok_is(d, qd - 1, "were") || tok_is(d, qd - 1, "been"));
	if (passive) {
		size_t aux = qd - 1;
		if (aux > s0 && (tok_is(d, aux - 1, "has") || tok_is(d, aux - 1, "had")))
			aux--;
		if (!speaker_left(d, aux, s0, &sp))
			goto no;
	} else if (!speaker_right(d, qd + 1, k - 1, &sp) || sp.how != SP_NAME) {
		goto no;
	}
	size_t a = k + 1, b;
	if (a < s1 && !passive && (a + 1 >= s1 || is_terminal_tok(d, a))) {
		/* Trailing: "CLAUSE, the agency quoted X as saying." */
		size_t who = qd;
		while (who > s0 && !tok_punct(d, who - 1, ','))
			who--;
		if (who <= s0 + 1)
			goto no;
		a = s0;
		b = cut_at_fragment(d, s0, who - 1);
	} else {
		if (tok_is(d, a, "that"))
			a++;
		if (a >= s1 || (d->t[a].flags & TF_INQUOTE))
			goto no;
		b = cut_at_fragment(d, a, clause_end(d, a, s1));
	}
	if (b <= a || clause_words(d, a, b) < 3 || inquote_count(d, a, b) * 2 >= b - a)
		goto no;
	add_indirect(d, a, b, k, &sp);
	return true;
no:
	xspeaker_release(&sp);
	return false;
}

/*
 * German reported speech in the subjunctive with no verb of saying:
 * "Nordklang erwartet, dass ... Besonders gefragt seien Hörspiele ...":
 * the Konjunktiv I (sei, seien, habe, werde, könne...) says the sentence
 * is someone's words, the subject named in the sentences before it in
 * the paragraph, or the last speaker there (our guidelines, section 1).
 */
static bool konjunktiv_verb(const struct xdoc *d, size_t k)
{
	static const char *const forms[] = {
		"sei", "seien", "habe", "werde", "k\xc3\xb6nne", "m\xc3\xbcsse", "solle",
		"wolle", "d\xc3\xbcrfe", "gebe", "liege", "bleibe", "stehe", "gehe",
		"komme", "brauche", "fehle", "wisse", "m\xc3\xb6ge", NULL,
	};
	if (!lower_word_at(d, k) || !tok_in(d, k, forms) || (d->t[k].flags & TF_INQUOTE))
		return false;
	/* "ich habe", "ich werde": the indicative of the first person. */
	return !(k > 0 && (tok_is(d, k - 1, "ich") || tok_is(d, k + 1, "ich")));
}

static bool german_sentence(const struct xdoc *d, size_t s0, size_t s1)
{
	static const char *const words[] = {
		"der", "die", "das", "und", "ist", "nicht", "mit", "von", "f\xc3\xbcr",
		"auf", "dem", "den", "des", "im", "aus", "bei", "noch", "auch", "aber",
		"ein", "eine", "einen", "sich", "wird", "werden", "zu", "nach", NULL,
	};
	size_t n = 0;
	for (size_t k = s0; k < s1 && n < 2; k++)
		n += d->t[k].kind == TK_WORD && tok_in(d, k, words);
	return n >= 2 || doc_lang(d, "de");
}

struct qspan {
	size_t start, end;
};

static int by_qspan_start(const void *a, const void *b)
{
	const struct qspan *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

static void konjunktiv_reports(struct xdoc *d)
{
	/* The quotes found so far, by start, with the furthest end reached
	 * up to each: a sentence inside one is found by bisection. */
	struct qspan *qs = NULL;
	size_t nqs = 0;
	/* and the mentions by position, for opening_subject (speakers_resolve
	 * builds the index again) */
	mindex_build(d);
	for (size_t si = 1; si < d->ns; si++) {
		size_t s0 = d->sn[si].t0, s1 = d->sn[si].t1;
		if (s1 < s0 + 5 || (d->t[s0].flags & (TF_BOILER | TF_HEADLINE)) ||
		    d->sn[si - 1].para != d->sn[si].para)
			continue;
		bool subj = false, cue = false;
		for (size_t k = s0; k < s1 && !cue; k++) {
			subj |= konjunktiv_verb(d, k);
			cue = cue_word(d, k) || (d->t[k].flags & TF_INQUOTE);
		}
		if (!subj || cue || !german_sentence(d, s0, s1))
			continue;
		/* Not inside a quote found already. */
		if (!qs) {
			qs = vb_calloc(d->nq ? d->nq : 1, sizeof(*qs));
			for (size_t i = 0; i < d->nq; i++)
				if (!d->q[i].dead && d->q[i].nspans)
					qs[nqs++] = (struct qspan){ d->q[i].spans[0].start,
								    d->q[i].spans[d->q[i].nspans - 1].end };
			qsort(qs, nqs, sizeof(*qs), by_qspan_start);
			for (size_t i = 1; i < nqs; i++)
				if (qs[i].end < qs[i - 1].end)
					qs[i].end = qs[i - 1].end;   /* furthest end so far */
		}
		size_t lo = 0, hi = nqs, last_start = d->t[s1 - 1].start;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (qs[mid].start <= last_start)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo > 0 && qs[lo - 1].end >= d->t[s0].end)
			continue;
		/* Who: the name opening one of the three sentences before. */
		struct xspeaker sp = { .ent = -1 };
		bool found = false;
		for (size_t p = si; p-- > 0 && p + 3 >= si && d->sn[p].para == d->sn[si].para && !found;) {
			size_t p0 = d->sn[p].t0;
			if (opening_subject(d, p0, d->sn[p].t1, &sp) && sp.how == SP_NAME &&
			    (sp.type == ET_ORG || sp.type == ET_PERSON)) {
				found = true;
				break;
			}
			xspeaker_release(&sp);
			/* "Nordklang erwartet, ...", "Die Stadtwerke Kiel
			 * melden ...": a name of the document opening the
			 * sentence, after its article. */
			if (tok_in(d, p0, (const char *const[]){ "die", "der", "das", "the", NULL }) &&
			    tok_capword(d, p0 + 1))
				p0++;
			size_t e;
			int ent = opening_name_entity(d, p0, d->sn[p].t1, SIZE_MAX, ET_NONE, &e);
			if (ent >= 0 && (d->ents[ent].type == ET_ORG || d->ents[ent].type == ET_PERSON)) {
				memset(&sp, 0, sizeof(sp));
				sp.ent = -1;
				sp.how = SP_NAME;
				sp.type = d->ents[ent].type;
				sp.t0 = sp.name_t0 = p0;
				sp.t1 = sp.name_t1 = e;
				found = true;
			}
		}
		/* or the last speaker of the paragraph */
		for (size_t i = d->nq; i-- > 0 && !found;) {
			const struct xquote *q = &d->q[i];
			if (q->dead || q->spans[0].start >= d->t[s0].start)
				continue;
			if (d->t[token_at(d, q->spans[0].start)].para != d->sn[si].para)
				break;
			if (q->sp.how != SP_NONE) {
				xspeaker_dup(&sp, &q->sp);
				found = true;
			}
		}
		if (!found)
			continue;
		size_t b = s1;
		while (b > s0 && d->t[b - 1].kind == TK_PUNCT)
			b--;
		add_indirect(d, s0, b, SIZE_MAX, &sp);
	}
	free(qs);
}

void reported_find(struct xdoc *d)
{
	/* '"We have to make hard choices," she told the Financial Times in
	 * an interview published on Saturday.': the verb that attributes a
	 * direct quote reports nothing more. */
	for (size_t i = 0; i < d->nq; i++)
		if (!d->q[i].dead && d->q[i].kind == VB_QUOTE_DIRECT && d->q[i].cue_tok < d->nt)
			d->t[d->q[i].cue_tok].flags |= TF_CUE_USED;
	for (size_t si = 0; si < d->ns; si++) {
		size_t s0 = d->sn[si].t0, s1 = d->sn[si].t1;
		if (d->t[s0].flags & (TF_BOILER | TF_HEADLINE))
			continue;
		for (size_t k = s0; k < s1; k++) {
			if (tok_is(d, k, "according") && tok_is(d, k + 1, "to") &&
			    !(d->t[k].flags & TF_INQUOTE)) {
				according_to(d, k, 2, s0, s1);
				continue;
			}
			/* German "Laut X ...", "Nach Angaben der X ..." */
			if (k == s0 && ((tok_is(d, k, "laut") && tok_capword(d, k + 1)) ||
					(tok_is(d, k, "nach") && tok_is(d, k + 1, "angaben"))) &&
			    !(d->t[k].flags & TF_INQUOTE)) {
				according_to(d, k, tok_is(d, k, "laut") ? 1 : 2, s0, s1);
				continue;
			}
			/* French "selon X, ...", German "..., so X." : the same with one word. */
			if ((tok_is(d, k, "selon") || tok_is(d, k, "según") ||
			     (tok_is(d, k, "so") && k > s0 && tok_punct(d, k - 1, ',') &&
			      tok_capword(d, k + 1))) &&
			    !(d->t[k].flags & TF_INQUOTE)) {
				according_to(d, k, 1, s0, s1);
				continue;
			}
			/* "李明表示，公司将……。" */
			struct xspeaker zsp;
			size_t zc;
			if (k + 2 < s1 && tok_punct(d, k + 1, 0xFF0C) &&
			    !(d->t[k].flags & TF_INQUOTE) && zh_speaker(d, k, &zsp, &zc)) {
				size_t a = k + 2, b = clause_end(d, a, s1);
				/* to the full stop, when a quotation follows in
				 * what the scanner took as one sentence */
				for (size_t m = a; m < b; m++)
					if (tok_punct(d, m, 0x3002)) {
						b = m;
						break;
					}
				if (b > a && !inquote_count(d, a, b)) {
					add_indirect(d, a, b, zc, &zsp);
					break;
				}
				xspeaker_release(&zsp);
			}
			if (tok_is(d, k, "saying") && quoted_as_saying(d, k, s0, s1))
				break;
			if (shared_subject(d, k, s0, s1))
				break;
			if (!cue_word(d, k))
				continue;
			/* but '"...," van Schaik said, adding that ...' */
			if ((d->t[k].flags & TF_CUE_USED) &&
			    !participle_report(d, skip_adverbials_right(d, skip_told_object(d, k, k + 1,
							s1), s1), s1))
				continue;
			size_t nq = d->nq;
			if (reported_at(d, k, s0, s1)) {
				/* One reported clause per sentence, save one that
				 * a clause of its own follows ("..., and witnesses
				 * said ..."): go on after what was found. */
				if (d->nq == nq)
					break;
				const struct xquote *q = &d->q[d->nq - 1];
				size_t end = q->spans[q->nspans - 1].end;
				/* The clause came before its verb ("..., the
				 * minister said, adding that"): go on after the
				 * attribution. */
				bool trailing = end <= d->t[k].start;
				if (trailing)
					k = skip_adverbials_right(d, skip_told_object(d, k, k + 1, s1),
								  s1) - 1;
				while (k + 1 < s1 && d->t[k + 1].start < end)
					k++;
				/* "..., adding that ...", "..., but added that
				 * ...": the same speaker again. */
				size_t verb = k + 2;
				size_t a = participle_report(d, k + 1, s1);
				if (!a)
					a = conj_report(d, k + 1, s1, &verb);
				if (a) {
					size_t b = cut_at_fragment(d, a, clause_end(d, a, s1));
					if (b > a && clause_words(d, a, b) >= 3 &&
					    inquote_count(d, a, b) * 2 < b - a) {
						struct xspeaker sp;
						xspeaker_dup(&sp, &d->q[d->nq - 1].sp);
						add_indirect(d, a, b, verb, &sp);
						k = b - 1;
						continue;
					}
				}
				if (trailing || k + 1 >= s1 || !tok_punct(d, k + 1, ',') ||
				    !(tok_is(d, k + 2, "and") || tok_is(d, k + 2, "but")))
					break;
			}
		}
	}
	konjunktiv_reports(d);
}
