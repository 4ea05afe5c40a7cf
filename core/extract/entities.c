/* entities.c: persons, organisations and places from capitalised names; money and percentages. */
#include "extract/internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- name runs ---------------------------------------------------------- */

static bool lone_institution(const struct xdoc *d, size_t i);

bool tok_capword(const struct xdoc *d, size_t i)
{
	if (i >= d->nt)
		return false;
	const struct xtok *t = &d->t[i];
	if (t->kind != TK_WORD || !(t->flags & TF_CAP) ||
	    (t->flags & (TF_BOILER | TF_HEADLINE)))
		return false;
	if (t->flags & TF_HAS_DIGIT)
		return false;
	/* "I" is a pronoun, not an initial, unless followed by a dot. */
	if (tok_len(d, i) == 1 && d->s[t->start] == 'I' &&
	    !tok_punct(d, i + 1, '.'))
		return false;
	return true;
}

/* A month or weekday word goes into a name only after its first word ("Theresa May"). */
static bool date_word(const struct xdoc *d, size_t i)
{
	const struct xtok *t = &d->t[i];

	if (t->lex & L_WEEKDAY)
		return true;
	if (!(t->lex & L_MONTH))
		return false;
	return true;
}

/* A capitalised word of [t0, t1) carries one of the `lex` classes. */
bool part_has(const struct xdoc *d, size_t t0, size_t t1, uint32_t lex)
{
	for (size_t k = t0; k < t1; k++)
		if (d->t[k].kind == TK_WORD && (d->t[k].lex & lex) &&
		    (d->t[k].flags & TF_CAP))
			return true;
	return false;
}

static bool is_apostrophe_tok(const struct xdoc *d, size_t i)
{
	return i < d->nt && d->t[i].kind == TK_PUNCT &&
	       (d->t[i].cp == '\'' || d->t[i].cp == 0x2019);
}

/*
 * "Co-operation", "Anti-corruption": a lower-case word joined by a hyphen
 * to the capitalised word before it is part of a name, unless it makes
 * an adjective of the name ("Acme-backed", "Paris-based", "US-led").
 * `j` is the hyphen.
 */
static bool hyphen_tail(const struct xdoc *d, size_t j)
{
	static const char *const joins[] = {
		"led", "run", "born", "wide", "like", "style", "type", "made",
		"free", "friendly", "owned", "based", "held", "era", "class",
		"level", "area", "speaking", "language", "bound", NULL,
	};
	if (j == 0 || j + 1 >= d->nt || !tok_punct(d, j, '-') || !tok_adjacent(d, j) ||
	    !tok_adjacent(d, j + 1) || !tok_capword(d, j - 1))
		return false;
	const struct xtok *t = &d->t[j + 1];
	if (t->kind != TK_WORD || (t->flags & (TF_CAP | TF_POSS)) || t->end - t->start < 3)
		return false;
	const char *e = d->s + t->end;
	if ((e[-2] == 'e' && e[-1] == 'd') ||
	    (t->end - t->start > 4 && e[-3] == 'i' && e[-2] == 'n' && e[-1] == 'g'))
		return false;
	for (size_t k = 0; joins[k]; k++)
		if (tok_is(d, j + 1, joins[k]))
			return false;
	return true;
}

/* The bare run of capitalised words from i, no connectors. */
static size_t plain_run(const struct xdoc *d, size_t i, size_t limit)
{
	size_t j = i;

	while (j < limit && tok_capword(d, j) && d->t[j].sent == d->t[i].sent) {
		if (j > i && date_word(d, j) &&
		    (j + 1 < limit && d->t[j + 1].kind == TK_NUM))
			break;
		j++;
		if (d->t[j - 1].flags & TF_POSS)
			break;
		/* "Listeners' Rights Alliance": a plural possessive inside an organisation's name. */
		if (j + 1 < limit && is_apostrophe_tok(d, j) && tok_adjacent(d, j) &&
		    (d->s[d->t[j - 1].end - 1] == 's') && tok_capword(d, j + 1) &&
		    d->t[j + 1].sent == d->t[i].sent) {
			size_t k = j + 1;
			while (k < limit && k < j + 5 && tok_capword(d, k) &&
			       !(d->t[k].lex & (L_ORG_CUE | L_ORG_SUFFIX)))
				k++;
			if (k < limit && k < j + 5 && tok_capword(d, k))
				j++;
			else
				break;
		}
		/* "J. Smith": an initial and its dot; "St. Louis", "Mt. Hood",
		 * "Ft. Worth" (Saint, Mount, Fort). */
		if (j < limit && tok_punct(d, j, '.') && tok_adjacent(d, j) &&
		    (tok_len(d, j - 1) == 1 || tok_is(d, j - 1, "st") || tok_is(d, j - 1, "mt") ||
		     tok_is(d, j - 1, "ft")) && tok_capword(d, j + 1))
			j++;
		/* "Industrial Equity (Pacific) Ltd" */
		if (j + 3 < limit && tok_punct(d, j, '(') && tok_capword(d, j + 1) &&
		    tok_punct(d, j + 2, ')') && tok_capword(d, j + 3) &&
		    (d->t[j + 3].lex & (L_ORG_SUFFIX | L_ORG_CUE)))
			j += 3;
		/* "Coca-Cola", "Hewlett-Packard" */
		if (j + 1 < limit && d->t[j].kind == TK_PUNCT &&
		    d->t[j].cp == '-' && tok_adjacent(d, j) &&
		    tok_adjacent(d, j + 1) && tok_capword(d, j + 1))
			j++;
		/* "Economic Co-operation and", "Anti-corruption Commission":
		 * only where the name goes on. */
		else if (j + 2 < limit && hyphen_tail(d, j) &&
			 d->t[j + 2].sent == d->t[i].sent &&
			 (tok_capword(d, j + 2) ||
			  (j + 3 < limit && (d->t[j + 2].lex & L_CONNECT) &&
			   !(d->t[j + 2].flags & TF_CAP) && tok_capword(d, j + 3)))) {
			j += 2;
			if (!tok_capword(d, j))
				break;
		}
	}
	return j;
}

/* A company's legal form: "plc", "Ltd", "GmbH", "Inc". */
static bool legal_form(const struct xdoc *d, size_t i)
{
	static const char *const forms[] = {
		"plc", "ltd", "inc", "llc", "llp", "gmbh", "ag", "sa", "nv",
		"bv", "spa", "sarl", "srl", "oyj", "kk", "pty", "pte", "bhd",
		"tbk", "corp", NULL,
	};
	return tok_in(d, i, forms);
}

/*
 * Words that end an institution's name ("... Fund", "... Brothers"),
 * unlike the trades that pair up inside one ("Oil and Gas", "Mining and
 * Development").
 */
static bool institution_word(const struct xdoc *d, size_t i)
{
	static const char *const words[] = {
		"bank", "fund", "commission", "administration", "securities",
		"brothers", "associates", "agency", "authority", "association",
		"federation", "council", "union", "institute", "university",
		"ministry", "department", "centre", "center", "foundation",
		"partners", "court", "board", NULL,
	};
	return tok_in(d, i, words);
}

/* "Lumora Biotech, Inc.", "Acme Partners, LLC": a legal form after a
 * comma at j, ending a name. */
static bool legal_form_word(const struct xdoc *d, size_t i)
{
	return d->t[i].kind == TK_WORD && (d->t[i].flags & (TF_CAP | TF_ALLCAPS)) &&
	       (legal_form(d, i) || tok_is(d, i, "limited") || tok_is(d, i, "incorporated"));
}

static bool comma_legal_form(const struct xdoc *d, size_t j, size_t limit)
{
	return j > 0 && j + 1 < limit && tok_punct(d, j, ',') && legal_form_word(d, j + 1) &&
	       d->t[j + 1].sent == d->t[j - 1].sent && !(d->t[j - 1].flags & TF_POSS) &&
	       !tok_capword(d, j + 2);
}

/*
 * "Department for Environment, Food and Rural Affairs", "Commissioner for
 * Jobs, Growth and Investment": the run [i, j) ends in "for" or "of" and
 * one item after a ministry's or an office's word, and the comma at j
 * goes on with capitalised items closed by "and" and a last one.  Returns
 * the end of the last item, or j when the comma ends the name.  Items are
 * one to three plain words: no given name, acronym or organisation word
 * ("the Ministry of Defence, BAE Systems and Rolls-Royce" are three).
 */
static size_t portfolio_list(const struct xdoc *d, size_t i, size_t j, size_t limit)
{
	static const char *const heads[] = {
		"department", "ministry", "minister", "secretary", "commissioner",
		"commission", "committee", "office", "agency", "directorate",
		"spokesperson", "spokesman", "spokeswoman", "council", NULL
	};
	size_t p = j;
	while (p > i && d->t[p - 1].kind == TK_WORD && (d->t[p - 1].flags & TF_CAP))
		p--;
	if (p <= i + 1 || j - p > 3 || !(tok_is(d, p - 1, "for") || tok_is(d, p - 1, "of")) ||
	    !tok_in(d, p - 2, heads))
		return j;
	size_t k = j;
	for (int items = 0; items < 5; items++) {
		if (!tok_punct(d, k, ',') && !tok_is(d, k, "and"))
			return j;
		bool last = tok_is(d, k, "and");
		k++;
		if (!last && tok_is(d, k, "and")) {
			last = true;
			k++;
		}
		size_t e = k;
		while (e < limit && e < k + 3 && tok_capword(d, e) && tok_len(d, e) >= 3 &&
		       !(d->t[e].flags & (TF_ALLCAPS | TF_POSS)) &&
		       !(d->t[e].lex & (L_GIVEN | L_ORG_CUE | L_ORG_SUFFIX | L_HONORIFIC)))
			e++;
		if (e == k || e > limit || (e < limit && (tok_capword(d, e) || tok_punct(d, e, '.'))) ||
		    run_type(d, k, e) != ET_NONE)
			return j;
		if (last)
			return e;
		k = e;
	}
	return j;
}

/* "Commissioner for Jobs, Growth and Investment": where the title at s
 * and its list end, or s when there is no list. */
size_t title_list_end(const struct xdoc *d, size_t s, size_t limit)
{
	if (s + 2 >= limit || !(tok_is(d, s + 1, "for") || tok_is(d, s + 1, "of")))
		return s;
	size_t x = s + 2;
	while (x < limit && x < s + 5 && tok_capword(d, x))
		x++;
	if (x == s + 2 || !tok_punct(d, x, ','))
		return s;
	size_t e = portfolio_list(d, s, x, limit);
	return e > x ? e : s;
}

/*
 * "said Dara Pell of the Tenants Union": two or three capitalised words
 * that the lexicon knows nothing of (or knows as given names), not after
 * "the", read as a person's name before "of" an organisation.  Names of
 * organisations before "of" have their own word ("Bank", "Society",
 * "Brothers") or follow "the".
 */
static bool person_shaped(const struct xdoc *d, size_t i, size_t j)
{
	if (j - i < 2 || j - i > 3 || (i > 0 && tok_is(d, i - 1, "the")))
		return false;
	for (size_t k = i; k < j; k++) {
		const struct xtok *t = &d->t[k];
		if (!tok_capword(d, k) || (t->flags & (TF_ALLCAPS | TF_POSS)) || tok_len(d, k) < 2 ||
		    (t->lex & ~(uint32_t)(L_GIVEN | L_MALE | L_FEMALE)))
			return false;
	}
	return true;
}

/* The bodies named "X to Y Z": "Committee to Protect Journalists",
 * "Campaign to Protect Rural England", "Coalition to End ...". */
bool org_to_word(const struct xdoc *d, size_t i)
{
	return tok_capword(d, i) && !(d->t[i].flags & TF_ALLCAPS) &&
	       tok_in(d, i, (const char *const[]){ "committee", "campaign", "coalition",
			"alliance", "foundation", "council", "commission", "movement", "fund",
			"project", "society", "league", "association", "network", "partnership",
			"initiative", NULL });
}

/*
 * The end of the longest known organisation's name (orgs.c) that starts
 * at i and ends by limit, or i: "Save the Children", "Friends of the
 * Earth", whose words in lower case end a plain run.
 */
static size_t known_org_end(const struct xdoc *d, size_t i, size_t limit)
{
	if (!tok_capword(d, i) || !d->ex->org_heads.n)
		return i;
	/* The first word's lower case on the stack: this runs for every
	 * name run, and heads are ASCII words. */
	char key[32];
	size_t n = d->t[i].end - d->t[i].start;
	if (n >= sizeof(key))
		return i;
	for (size_t k = 0; k < n; k++) {
		char c = d->s[d->t[i].start + k];
		key[k] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	const struct strmap_entry *h = strmap_get(&d->ex->org_heads, key, n);
	struct vb_buf low = VB_BUF_INIT;
	if (!h) {
		/* "Médecins": a head with letters beyond ASCII */
		bool ascii = true;
		for (size_t k = 0; k < n && ascii; k++)
			ascii = !(d->s[d->t[i].start + k] & 0x80);
		if (ascii)
			return i;
		lower_utf8(d->s + d->t[i].start, n, &low);
		h = strmap_get(&d->ex->org_heads, low.buf, low.len);
	}
	size_t best = i;
	for (size_t e = i + 2; h && e <= limit && e <= i + 3 * (size_t)h->val; e++) {
		if (d->t[e - 1].sent != d->t[i].sent)
			break;
		if (d->t[e - 1].kind != TK_WORD)
			continue;
		/* as the list writes it: not "Volvo cars" */
		char *txt = name_text(d, i, e);
		lower_utf8(txt, strlen(txt), &low);
		const struct strmap_entry *o = strmap_get(&d->ex->orgs, low.buf, low.len);
		if (o && o->aux && !strcmp(o->aux, txt))
			best = e;
		free(txt);
	}
	vb_buf_release(&low);
	return best;
}

static size_t name_run_right_plain(const struct xdoc *d, size_t i, size_t limit);

size_t name_run_right(const struct xdoc *d, size_t i, size_t limit)
{
	size_t j = name_run_right_plain(d, i, limit);
	size_t k = j > i ? known_org_end(d, i, limit) : i;
	return k > j ? k : j;
}

static size_t name_run_right_plain(const struct xdoc *d, size_t i, size_t limit)
{
	if (!tok_capword(d, i) || (d->t[i].lex & (L_WEEKDAY)))
		return i;
	if ((d->t[i].lex & L_MONTH) && i + 1 < d->nt &&
	    d->t[i + 1].kind == TK_NUM)
		return i;
	size_t j = plain_run(d, i, limit);
	for (;;) {
		if (j >= limit || j == i || (d->t[j - 1].flags & TF_POSS))
			break;
		const struct xtok *c = &d->t[j];
		size_t k = j + 1;
		if (c->kind == TK_PUNCT && c->cp == ',') {
			size_t e = portfolio_list(d, i, j, limit);
			if (e > j) {
				j = e;
				continue;
			}
			break;
		}
		if (c->kind == TK_PUNCT && c->cp == '&') {
			if (tok_capword(d, k)) {
				j = plain_run(d, k, limit);
				continue;
			}
			break;
		}
		/* "Committee to Protect Journalists", "Campaign to Protect
		 * Rural England": an organisation's word, "to", and a verb with
		 * its object, all capitalised. */
		if (c->kind == TK_WORD && !(c->flags & TF_CAP) && tok_is(d, j, "to") &&
		    org_to_word(d, j - 1) && tok_capword(d, k) &&
		    !(d->t[k].flags & TF_ALLCAPS) &&
		    !(d->t[k].lex & (L_GIVEN | L_MONTH | L_WEEKDAY)) &&
		    d->t[k].sent == d->t[j].sent) {
			size_t e = plain_run(d, k, limit);
			if (e >= k + 2 && !part_has(d, k, e, L_ORG_CUE | L_ORG_SUFFIX) &&
			    run_type(d, k, k + 1) != ET_PLACE && run_type(d, k, e) != ET_PLACE) {
				j = e;
				continue;
			}
		}
		if (c->kind != TK_WORD || (c->flags & TF_CAP) ||
		    !(c->lex & L_CONNECT))
			break;
		/* German, French, Spanish "and" are "and" */
		bool conj = tok_is(d, j, "and") || tok_is(d, j, "und") || tok_is(d, j, "et") ||
			    tok_is(d, j, "y");
		bool ofor = tok_is(d, j, "of") || tok_is(d, j, "for") ||
			    tok_is(d, j, "on") || conj;
		if (ofor && tok_is(d, k, "the"))
			k++;
		/* "in November for Project Independence" */
		if (!tok_capword(d, k) || date_word(d, k) ||
		    (j == i + 1 && date_word(d, i) && tok_len(d, i) > 3 && !conj))
			break;
		size_t e = plain_run(d, k, limit);
		if (ofor) {
			bool left_org = part_has(d, i, j, L_ORG_CUE | L_ORG_SUFFIX) ||
					(j == i + 1 && port_of(d, i));
			bool right_org = part_has(d, k, e, L_ORG_CUE | L_ORG_SUFFIX) ||
					 comma_legal_form(d, e, limit);
			bool left_person = (d->t[i].lex & (L_GIVEN | L_HONORIFIC)) != 0;
			if (conj) {
				/*
				 * "Ministry of Trade and Industry" is one name:
				 * "and" inside an "of" phrase, before a word
				 * that names no organisation.  "Halden Music
				 * Group and Brightwater Ltd" are two: each side
				 * is an organisation by itself.
				 */
				/* "the Bank of England and the U.S. Federal
				 * Reserve Board", "the House and the Senate":
				 * "and the" starts another name. */
				if (tok_is(d, j + 1, "the"))
					break;
				/* "the Army and Navy", "House and Senate": two
				 * institutions named by one word each. */
				if (j == i + 1 + tok_is(d, i, "the") &&
				    (lone_institution(d, j - 1) ||
				     tok_in(d, j - 1, (const char *const[]){ "house", "army",
						"navy", "nation", "constitution", "union",
						"government", NULL })))
					break;
				bool in_of = false;
				for (size_t m = i + 1; m < j; m++)
					if (tok_is(d, m, "of") || tok_is(d, m, "for") || tok_is(d, m, "on"))
						in_of = true;
				size_t words = 0;
				for (size_t m = k; m < e; m++)
					words += d->t[m].kind == TK_WORD;
				if (in_of && left_org && !right_org && words <= 2) {
					j = e;
					continue;
				}
				if (!(d->t[e - 1].lex & L_ORG_SUFFIX) &&
				    !(d->t[e - 1].lex & L_ORG_CUE))
					break;
				/* "Chrysler and Renault": a name known by one word is whole. */
				if (e == k + 1 && (d->t[k].lex & L_ORG_NAME))
					break;
				/* Only a complete name ("... Group", "... Ltd") ends before "and";
				 * or one ending in an organisation word when another
				 * name follows ("Kessel Brothers and Tarrow
				 * Associates", not "Bank and Trust Company"). */
				if (left_person || (d->t[j - 1].lex & (L_ORG_SUFFIX | L_ORG_NAME)) ||
				    (institution_word(d, j - 1) && !in_of && !d->t[k].lex))
					break;
			} else if (tok_is(d, j, "on")) {
				if (!left_org)
					break;
			} else if (!left_org && !(right_org && !left_person)) {
				break;
			} else if (!left_org && person_shaped(d, i, j) &&
				   !comma_legal_form(d, e, limit) && !(d->t[e - 1].lex & L_ORG_SUFFIX)) {
				/* "Dara Pell of the Tenants Union"; but "Pell
				 * Kiln of Avrenshire, LLC" is a company. */
				break;
			} else if (!left_org && (d->t[j - 1].lex & L_PLURAL_NOM)) {
				/* "Members of Congress", "Citizens of the
				 * Senate": people of an institution. */
				break;
			}
		}
		j = e;
	}
	/* "Halden Music Group plc", "Brenner Verlag gmbh": a legal form
	 * written in lower case still ends the name. */
	if (j > i && j < limit && d->t[j].kind == TK_WORD &&
	    !(d->t[j].flags & TF_CAP) && d->t[j].sent == d->t[j - 1].sent &&
	    !(d->t[j - 1].flags & TF_POSS) && legal_form(d, j))
		j++;
	else if (j > i && comma_legal_form(d, j, limit))
		j += 2;
	/* "the Navy Department Of $24,000,000": a function word capitalised
	 * by accident does not end a name. */
	while (j > i + 1 && d->t[j - 1].kind == TK_WORD && !(d->t[j - 1].flags & TF_POSS) &&
	       !(d->t[j - 1].flags & TF_ALLCAPS) && !(d->t[j - 2].flags & TF_ALLCAPS) &&
	       tok_in(d, j - 1, (const char *const[]){ "of", "for", "and", "the", "on", "to",
			"in", "at", "by", "with", NULL }))
		j--;
	return j;
}

static size_t name_run_left_plain(const struct xdoc *d, size_t end, size_t limit);

size_t name_run_left(const struct xdoc *d, size_t end, size_t limit)
{
	size_t i = name_run_left_plain(d, end, limit);
	/* "Friends of the Earth said": a known name the walk back stopped in. */
	for (size_t s = i; s > limit && s + 12 > i;) {
		s--;
		if (d->t[s].sent != d->t[end - 1].sent)
			break;
		if (tok_capword(d, s) && known_org_end(d, s, end) == end)
			return s;
	}
	return i;
}

static size_t name_run_left_plain(const struct xdoc *d, size_t end, size_t limit)
{
	/* Walk back over capitalised words and connectors, then re-run forward. */
	size_t i = end;

	/* "... Tiles plc said": a legal form in lower case ends the name. */
	if (i > limit + 1 && d->t[i - 1].kind == TK_WORD &&
	    !(d->t[i - 1].flags & TF_CAP) && legal_form(d, i - 1) &&
	    tok_capword(d, i - 2))
		i--;
	while (i > limit) {
		size_t k = i - 1;
		if (tok_capword(d, k) && !(d->t[k].flags & TF_POSS) &&
		    d->t[k].sent == d->t[end - 1].sent) {
			i = k;
			continue;
		}
		if (k >= limit + 3 && tok_punct(d, k, ')') && tok_capword(d, k - 1) &&
		    tok_punct(d, k - 2, '(') && tok_capword(d, k - 3)) {
			i = k - 2;
			continue;
		}
		if (k >= limit + 2 && hyphen_tail(d, k - 1)) {
			i = k - 1;
			continue;
		}
		/* "Committee to Protect Journalists" */
		if (k > limit && tok_is(d, k, "to") && !(d->t[k].flags & TF_CAP) &&
		    org_to_word(d, k - 1) && d->t[k - 1].sent == d->t[end - 1].sent) {
			i = k;
			continue;
		}
		if (k > limit && (d->t[k].kind == TK_PUNCT) &&
		    (d->t[k].cp == '-' || d->t[k].cp == '&' || d->t[k].cp == '.' ||
		     (is_apostrophe_tok(d, k) && tok_adjacent(d, k) &&
		      d->s[d->t[k - 1].end - 1] == 's')) &&
		    tok_capword(d, k - 1)) {
			i = k;
			continue;
		}
		if (k > limit && d->t[k].kind == TK_WORD &&
		    (d->t[k].lex & L_CONNECT) && !(d->t[k].flags & TF_CAP)) {
			size_t m = k;
			if (tok_is(d, m, "the") && m > limit)
				m--;
			if (m > limit && (d->t[m].lex & L_CONNECT) &&
			    (tok_capword(d, m - 1) || (m >= limit + 3 && hyphen_tail(d, m - 2)))) {
				i = m;
				continue;
			}
		}
		break;
	}
	/* The forward scan decides which connectors really join. */
	while (i < end && !tok_capword(d, i))
		i++;
	while (i < end) {
		size_t e = name_run_right(d, i, end);
		if (e >= end)
			return i;
		i = e > i ? e : i + 1;
		while (i < end && !tok_capword(d, i))
			i++;
	}
	return end;
}

char *name_text(const struct xdoc *d, size_t t0, size_t t1)
{
	/* "Lumora Biotech, Inc" is named as "Lumora Biotech Inc" is. */
	if (t1 - t0 >= 3 && tok_punct(d, t1 - 2, ',') && legal_form_word(d, t1 - 1)) {
		char *a = text_dup_clean(d, d->t[t0].start, d->t[t1 - 3].end);
		char *b = text_dup_clean(d, d->t[t1 - 1].start, tok_stem_end(d, t1 - 1));
		struct vb_buf out = VB_BUF_INIT;
		vb_buf_adds(&out, a);
		vb_buf_addch(&out, ' ');
		vb_buf_adds(&out, b);
		free(a);
		free(b);
		return out.buf;
	}
	return text_dup_clean(d, d->t[t0].start, tok_stem_end(d, t1 - 1));
}

/* ---- the document's entities ------------------------------------------- */

/*
 * The sets of bytes and of adjacent byte pairs of a string, folded to 64
 * bits each.  One edit changes at most two members of the first set and
 * four of the second, so two strings within edit distance k differ in at
 * most 2k and 4k bits: a test that spares most edit_distance() calls.
 */
static void char_masks(const char *s, uint64_t *chars, uint64_t *pairs)
{
	uint64_t c = 0, p = 0;

	for (size_t i = 0; s[i]; i++) {
		unsigned a = (unsigned char)s[i];
		c |= 1ull << (a % 64);
		if (s[i + 1])
			p |= 1ull << ((a * 31u + (unsigned char)s[i + 1]) % 64);
	}
	*chars = c;
	*pairs = p;
}

static void ent_fill_keys(struct xdoc *d, struct xent *e)
{
	lower_utf8(e->canonical, strlen(e->canonical), &d->tmp);
	free(e->key);
	e->key = vb_strdup(d->tmp.buf);
	free(e->last);
	const char *sp = strrchr(e->key, ' ');
	e->last = vb_strdup(sp ? sp + 1 : e->key);
	char_masks(e->key, &e->chars, &e->pairs);
}

static bool ascii_word_initials(const char *key, char *out, size_t cap);

/*
 * The keys under which ent_find() looks an entity up, one per question it
 * asks: the whole key (without "the "), the acronym, a person's surname
 * (for "Smith" after "John Smith", and the other way round), the words an
 * organisation's name starts with, an organisation's initials, and for
 * spelling variants its first letter and length.
 */
enum {
	EK_KEY = 'K',
	EK_ACRONYM = 'A',
	EK_LAST = 'L',        /* person with a space in the key: its last word */
	EK_SURNAME = 'N',     /* person named by one word: that word */
	EK_PREFIX = 'P',      /* organisation: its key up to each space */
	EK_INITIALS = 'I',    /* organisation: its initials */
	EK_FUZZY = 'F',       /* not a place: first byte and length of the key */
	EK_TAIL = 'T',        /* organisation: its key from each space on */
	EK_FUZZY_LAST = 'G',  /* person with a space in the key: first byte and length of its last word */
};

/*
 * Spelling variants are looked for among this many latest entities: all of
 * them but in documents of hundreds of kilobytes (a larger value given to
 * the compiler restores the unbounded search, for tests).
 */
#ifndef FUZZY_WINDOW
#define FUZZY_WINDOW 4096
#endif

static const char *strip_the(const char *k)
{
	return strncmp(k, "the ", 4) ? k : k + 4;
}

static bool compatible(int have, int want)
{
	return want == ET_NONE || have == ET_NONE || have == want;
}

/*
 * Does an organisation's key go on, after its first words, with only the
 * words of a kind of institution ("general hospital", "city council",
 * "airport")?  Then those first words name a place, not the organisation.
 */
static bool generic_tail(const char *rest)
{
	/* Words of the kind, and (after the '|') words that only go with
	 * one ("Fire and Rescue Service", "Port Authority"). */
	static const char *const words[] = {
		"hospital", "infirmary", "council", "airport", "station", "police",
		"constabulary", "fire", "rescue", "cathedral", "harbour", "harbor",
		"port", "zoo", "prison", "magistrates", "magistrates'", "crown",
		"|", "general", "city", "county", "district", "borough", "parish",
		"town", "memorial", "court", "service", "authority", "of", "and", NULL,
	};
	size_t strong = 0;
	while (*rest) {
		size_t len = strcspn(rest, " ");
		bool known = false, weak = false;
		for (size_t i = 0; words[i] && !known; i++) {
			weak |= words[i][0] == '|';
			known = strlen(words[i]) == len && !memcmp(words[i], rest, len);
		}
		if (!known)
			return false;
		strong += !weak;
		rest += len;
		rest += *rest == ' ';
	}
	return strong > 0;
}

static void ent_keys(struct xdoc *d, int ei, bool add)
{
	const struct xent *e = &d->ents[ei];
	uint64_t h[64];
	size_t n = 0;
	const char *k = strip_the(e->key);
	bool spaced = strchr(e->key, ' ') != NULL;
	size_t el = strlen(e->key);

	h[n++] = emap_hash(EK_KEY, k, strlen(k));
	if (e->acronym)
		h[n++] = emap_hash(EK_ACRONYM, e->acronym, strlen(e->acronym));
	if (e->type == ET_PERSON)
		h[n++] = spaced ? emap_hash(EK_LAST, e->last, strlen(e->last))
				: emap_hash(EK_SURNAME, e->key, el);
	if (e->type == ET_PERSON && spaced && strlen(e->last) >= 5 && strlen(e->last) < 63) {
		char fk[2] = { e->last[0], (char)strlen(e->last) };
		h[n++] = emap_hash(EK_FUZZY_LAST, fk, 2);
	}
	if (e->type == ET_ORG) {
		char ini[16];
		if (ascii_word_initials(e->key, ini, sizeof(ini)))
			h[n++] = emap_hash(EK_INITIALS, ini, strlen(ini));
	}
	if (e->type != ET_PLACE && el >= 6 && el < 63) {
		char fk[2] = { e->key[0], (char)el };
		h[n++] = emap_hash(EK_FUZZY, fk, 2);
	}
	for (size_t i = 0; i < n; i++) {
		struct idlist *l = emap_list(&d->eidx, h[i], add);
		if (add)
			idlist_insert(l, (uint32_t)ei);
		else if (l)
			idlist_remove(l, (uint32_t)ei);
	}
	if (e->type != ET_ORG)
		return;
	/* The key up to each space, hashed in one pass (a name may be long);
	 * and from each space on ("national bank", "bank" of "swiss
	 * national bank"). */
	uint64_t ph = emap_hash_start(EK_PREFIX);
	for (const char *p = e->key; *p; p++) {
		if (*p == ' ') {
			uint64_t hs[2] = { emap_hash_end(ph),
					   emap_hash(EK_TAIL, p + 1, strlen(p + 1)) };
			/* "Ashby General Hospital", "Tillmoor Parish Council":
			 * named after a place, whose name alone is the place. */
			size_t first = generic_tail(p + 1) ? 1 : 0;
			for (size_t i = first; i < 2; i++) {
				struct idlist *l = emap_list(&d->eidx, hs[i], add);
				if (add)
					idlist_insert(l, (uint32_t)ei);
				else if (l)
					idlist_remove(l, (uint32_t)ei);
			}
		}
		ph = emap_hash_add(ph, *p);
	}
}

/* A lower-case noun of a kind of place: "the city of Homs". */
bool place_noun(const struct xdoc *d, size_t i)
{
	return i < d->nt && d->t[i].kind == TK_WORD && !(d->t[i].flags & TF_CAP) &&
	       tok_in(d, i, (const char *const[]){ "city", "town", "village", "province",
			"region", "county", "district", "port", "capital", "island", "state",
			"municipality", "suburb", "outskirts", NULL });
}

/* Acronym token a is the initials of the capitalised words of [t0, t1). */
static bool initials_of(const struct xdoc *d, size_t t0, size_t t1, size_t a)
{
	const char *p = d->s + d->t[a].start, *end = d->s + d->t[a].end;
	for (size_t k = t0; k < t1; k++) {
		if (!tok_capword(d, k))
			continue;
		char c = d->s[d->t[k].start];
		if (p >= end || (*p | 0x20) != (c | 0x20))
			return false;
		p++;
	}
	return p == end;
}

/* "Ruth Okonkwo MP", "Sir Ian Lee QC": letters after a person's name
 * [t0, t1) are not part of it.  Returns the name's end. */
size_t name_without_letters(const struct xdoc *d, size_t t0, size_t t1)
{
	if (t1 - t0 >= 3 && (d->t[t1 - 1].flags & TF_ALLCAPS) &&
	    tok_in(d, t1 - 1, (const char *const[]){ "mp", "mep", "msp", "mla", "qc",
			"kc", "obe", "cbe", "mbe", "kbe", NULL }))
		return t1 - 1;
	return t1;
}

/* Around any change of an entity's type, key or acronym. */
static void ent_changing(struct xdoc *d, int e)
{
	ent_keys(d, e, false);
}

static void ent_changed(struct xdoc *d, int e)
{
	ent_keys(d, e, true);
	mindex_entity_changed(d, e);
}

void ent_set_type(struct xdoc *d, int e, int type)
{
	if (d->ents[e].type == type)
		return;
	ent_changing(d, e);
	d->ents[e].type = type;
	ent_changed(d, e);
}

int ent_add(struct xdoc *d, int type, const char *name)
{
	VB_ALLOC_GROW(d->ents, d->nents + 1, d->aents);
	struct xent *e = &d->ents[d->nents];
	memset(e, 0, sizeof(*e));
	e->type = type;
	e->canonical = vb_strdup(name);
	ent_fill_keys(d, e);
	int i = (int)d->nents++;
	ent_keys(d, i, true);
	return i;
}

static bool ascii_word_initials(const char *key, char *out, size_t cap)
{
	size_t n = 0;
	const char *p = key;

	while (*p) {
		while (*p == ' ' || *p == '-')
			p++;
		const char *w = p;
		while (*p && *p != ' ' && *p != '-')
			p++;
		size_t wl = (size_t)(p - w);
		if (!wl)
			continue;
		if ((wl == 2 && !strncmp(w, "of", 2)) ||
		    (wl == 3 && !strncmp(w, "the", 3)) ||
		    (wl == 3 && !strncmp(w, "and", 3)) ||
		    (wl == 3 && !strncmp(w, "for", 3)) ||
		    (wl == 1 && w[0] == '&'))
			continue;
		if (n + 1 >= cap)
			return false;
		out[n++] = w[0];
	}
	out[n] = '\0';
	return n >= 2;
}

int edit_distance(const char *a, size_t la, const char *b, size_t lb, int max)
{
	int row[64];

	if (la >= 63 || lb >= 63)
		return max + 1;
	if ((la > lb ? la - lb : lb - la) > (size_t)max)
		return max + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int prev = row[0], best;
		row[0] = (int)i;
		best = row[0];
		for (size_t j = 1; j <= lb; j++) {
			int cur = row[j];
			int v = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < v)
				v = row[j] + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			prev = cur;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
	}
	return row[lb];
}

/* What ent_find() asks of an entity in each of its passes. */
enum { Q_KEY, Q_ACRONYM, Q_LAST, Q_PREFIX, Q_SURNAME, Q_FUZZY, Q_INITIALS, Q_TAIL,
       Q_FUZZY_LAST };

struct ent_query {
	const char *k;            /* lowercase, without a leading "the " */
	size_t kl;
	int type_hint;
	int max;                  /* Q_FUZZY: edit distance */
	uint64_t chars, pairs;    /* Q_FUZZY: char_masks(k) */
};

static bool ent_answers(const struct xdoc *d, int i, int q,
			const struct ent_query *eq)
{
	const struct xent *e = &d->ents[i];
	const char *k = eq->k;
	char ini[16];

	switch (q) {
	case Q_KEY:
		return !strcmp(strip_the(e->key), k) &&
		       compatible(e->type, eq->type_hint);
	case Q_ACRONYM:
		return e->acronym && !strcmp(e->acronym, k);
	case Q_LAST:
		return compatible(e->type, eq->type_hint) &&
		       e->type == ET_PERSON && !strcmp(e->last, k) &&
		       strchr(e->key, ' ');
	case Q_PREFIX:
		return compatible(e->type, eq->type_hint) && e->type == ET_ORG &&
		       !strncmp(e->key, k, eq->kl) && e->key[eq->kl] == ' ';
	case Q_SURNAME:
		return e->type == ET_PERSON && !strchr(e->key, ' ') &&
		       !strcmp(e->key, k);
	case Q_FUZZY:
		return compatible(e->type, eq->type_hint) && e->type != ET_PLACE &&
		       __builtin_popcountll(e->chars ^ eq->chars) <= 2 * eq->max &&
		       __builtin_popcountll(e->pairs ^ eq->pairs) <= 4 * eq->max &&
		       edit_distance(e->key, strlen(e->key), k, eq->kl, eq->max) <= eq->max &&
		       e->key[0] == k[0];
	case Q_FUZZY_LAST:
		return e->type == ET_PERSON && strchr(e->key, ' ') &&
		       compatible(e->type, eq->type_hint) && e->last[0] == k[0] &&
		       edit_distance(e->last, strlen(e->last), k, eq->kl, eq->max) <= eq->max;
	case Q_INITIALS:
		return e->type == ET_ORG &&
		       ascii_word_initials(e->key, ini, sizeof(ini)) &&
		       !strcmp(ini, k);
	case Q_TAIL: {
		size_t el = strlen(e->key);
		if (e->type != ET_ORG || el <= eq->kl || e->key[el - eq->kl - 1] != ' ' ||
		    strcmp(e->key + el - eq->kl, k))
			return false;
		for (const char *p = e->key; p < e->key + el - eq->kl; p = strchr(p, ' ') + 1)
			if (!strncmp(p, "of ", 3) || !strncmp(p, "for ", 4) ||
			    !strncmp(p, "and ", 4) || !strncmp(p, "the ", 4) ||
			    !strncmp(p, "& ", 2) || !strncmp(p, "de ", 3))
				return false;
		return true;
	}
	}
	return false;
}

/*
 * The first entity from index `from` on listed under `hash` that answers
 * question q, if it comes before `found` (-1: any); else `found`.
 */
static int ent_first(struct xdoc *d, uint64_t hash, int q,
		     const struct ent_query *eq, size_t from, int found)
{
	const struct idlist *l = emap_list(&d->eidx, hash, false);

	if (!l)
		return found;
	const uint32_t *v = idlist_items(l);
	for (size_t i = from ? idlist_lower(l, (uint32_t)from) : 0; i < l->n; i++) {
		if (found >= 0 && v[i] >= (uint32_t)found)
			break;
		if (ent_answers(d, (int)v[i], q, eq))
			return (int)v[i];
	}
	return found;
}

/* The organisation of the document whose name starts with the words of
 * [t0, t1) ("Nippon Lace" of "Nippon Lace Co Ltd"), or -1. */
static int org_with_prefix(struct xdoc *d, size_t t0, size_t t1)
{
	char *name = name_text(d, t0, t1);
	struct vb_buf low = VB_BUF_INIT;
	lower_utf8(name, strlen(name), &low);
	free(name);
	struct ent_query eq = { low.buf, low.len, ET_ORG, 0, 0, 0 };
	int org = ent_first(d, emap_hash(EK_PREFIX, low.buf, low.len), Q_PREFIX, &eq, 0, -1);
	vb_buf_release(&low);
	return org >= 0 && d->ents[org].type == ET_ORG ? org : -1;
}

/*
 * The entity a name refers to: each pass below takes the first entity (in
 * the order they were added) that it accepts, the first pass that finds
 * one wins.  Lookups go through the keys of ent_keys(); spelling variants
 * are only looked for among the latest FUZZY_WINDOW entities.
 */
int ent_find(struct xdoc *d, const char *name, int type_hint)
{
	struct vb_buf low = VB_BUF_INIT;

	lower_utf8(name, strlen(name), &low);
	/* Strip a leading "the". */
	const char *k = strip_the(low.buf);
	size_t kl = strlen(k);
	int found = -1;
	bool one_word = !strchr(k, ' ');
	struct ent_query eq = { k, kl, type_hint, 0, 0, 0 };

	found = ent_first(d, emap_hash(EK_KEY, k, kl), Q_KEY, &eq, 0, found);
	found = ent_first(d, emap_hash(EK_ACRONYM, k, kl), Q_ACRONYM, &eq, 0, found);
	/* A surname alone, or the first words of an organisation's name;
	 * "Suffield said" after "SUFFIELD, Conn. - Suffield Financial Corp"
	 * is the company, not the dateline's town, and "Rivera said" after
	 * "Tomás Rivera" the person, not the town in Uruguay. */
	if (found >= 0 && d->ents[found].type == ET_PLACE && type_hint != ET_PLACE) {
		int org = ent_first(d, emap_hash(EK_PREFIX, k, kl), Q_PREFIX, &eq, 0, -1);
		if (org >= 0)
			found = org;
		else if (one_word) {
			struct ent_query lq = { k, kl, ET_PERSON, 0, 0, 0 };
			int person = ent_first(d, emap_hash(EK_LAST, k, kl), Q_LAST, &lq, 0, -1);
			if (person >= 0 && d->ents[person].type == ET_PERSON)
				found = person;
		}
	}
	if (found < 0) {
		if (one_word)
			found = ent_first(d, emap_hash(EK_LAST, k, kl), Q_LAST, &eq,
					  0, found);
		found = ent_first(d, emap_hash(EK_PREFIX, k, kl), Q_PREFIX, &eq, 0,
				  found);
	}
	/* A full name after its surname alone: "Ms Orrery", then "Tamsin Orrery". */
	if (found < 0 && !one_word && type_hint == ET_PERSON) {
		const char *last = strrchr(k, ' ') + 1;
		struct ent_query lq = { last, strlen(last), type_hint, 0, 0, 0 };
		found = ent_first(d, emap_hash(EK_SURNAME, last, lq.kl), Q_SURNAME,
				  &lq, 0, found);
	}
	/* Spelling variants: "Margeret Olsen" after "Margaret Olsen". */
	if (found < 0 && kl >= 7 && kl < 63) {
		size_t from = d->nents > FUZZY_WINDOW ? d->nents - FUZZY_WINDOW : 0;
		eq.max = kl >= 12 ? 2 : 1;
		char_masks(k, &eq.chars, &eq.pairs);
		for (size_t el = kl - (size_t)eq.max; el <= kl + (size_t)eq.max; el++) {
			char fk[2] = { k[0], (char)el };
			found = ent_first(d, emap_hash(EK_FUZZY, fk, 2), Q_FUZZY, &eq,
					  from, found);
		}
	}
	/* A surname misspelt: "Japsper said" after "Thomas Jasper". */
	if (found < 0 && one_word && kl >= 6 && kl < 63 && type_hint != ET_ORG &&
	    type_hint != ET_PLACE) {
		eq.max = 1;
		for (size_t el = kl - 1; el <= kl + 1; el++) {
			char fk[2] = { k[0], (char)el };
			found = ent_first(d, emap_hash(EK_FUZZY_LAST, fk, 2), Q_FUZZY_LAST, &eq,
					  0, found);
		}
	}
	/* A surname of two words: "Montoya Ruiz said" after "Adrián Montoya
	 * Ruiz" (the last 256 entities: a document's people are near). */
	if (found < 0 && !one_word && type_hint != ET_ORG && type_hint != ET_PLACE &&
	    !strchr(strchr(k, ' ') + 1, ' ')) {
		for (size_t i = d->nents, n = 0; i-- > 0 && n < 256 && found < 0; n++) {
			const struct xent *e = &d->ents[i];
			size_t el = strlen(e->key);
			if (e->type != ET_PERSON || el <= kl + 1 || e->key[el - kl - 1] != ' ' ||
			    strcmp(e->key + el - kl, k))
				continue;
			/* Not "Sir John Egan" for "John Egan". */
			const struct strmap_entry *w =
				lexicon_get(&d->ex->lex, e->key, strcspn(e->key, " "));
			if (!w || !(w->flags & (L_HONORIFIC | L_ROLE)))
				found = (int)i;
		}
	}
	/* An acronym never defined: the initials of a known organisation. */
	if (found < 0 && one_word && kl >= 2 && kl <= 6)
		found = ent_first(d, emap_hash(EK_INITIALS, k, kl), Q_INITIALS, &eq,
				  0, found);
	vb_buf_release(&low);
	return found;
}

void mention_add(struct xdoc *d, size_t t0, size_t t1, int ent, int type)
{
	/*
	 * One mention per token range: a later, better-typed one replaces it.
	 * The search looks back from the last mention to the first one that
	 * ends before t0 (the mention index does the same in O(log n)).
	 */
	size_t at = SIZE_MAX;
	if (d->mix.built && d->mix.sorted) {
		at = mindex_find_range(d, t0, t1);
	} else {
		for (size_t i = d->nms; i-- > 0;) {
			struct xmention *m = &d->ms[i];
			if (m->t0 == t0 && m->t1 == t1) {
				at = i;
				break;
			}
			if (m->t1 <= t0)
				break;
		}
	}
	if (at != SIZE_MAX) {
		struct xmention *m = &d->ms[at];
		if (ent >= 0) {
			int old = m->ent;
			m->ent = ent;
			m->type = type;
			if (old != ent)
				mindex_reassigned(d, at);
		}
		return;
	}
	VB_ALLOC_GROW(d->ms, d->nms + 1, d->ams);
	struct xmention *m = &d->ms[d->nms++];
	m->t0 = t0;
	m->t1 = t1;
	m->start = d->t[t0].start;
	m->end = tok_stem_end(d, t1 - 1);
	m->ent = ent;
	m->type = type;
	mindex_added(d, d->nms - 1);
}

static const struct strmap_entry *alias_of(const struct xdoc *d, size_t t0,
					   size_t t1, struct vb_buf *low)
{
	if (!d->opts || !d->opts->aliases)
		return NULL;
	char *txt = name_text(d, t0, t1);
	lower_utf8(txt, strlen(txt), low);
	free(txt);
	const struct strmap_entry *e =
		strmap_get(&d->opts->aliases->names, low->buf, low->len);
	/* "Dr Rennick" may be the alias, the run being "Rennick". */
	if (!e && t0 > 0 && d->t[t0 - 1].kind == TK_WORD &&
	    (d->t[t0 - 1].lex & L_HONORIFIC)) {
		txt = name_text(d, t0 - 1, t1);
		lower_utf8(txt, strlen(txt), low);
		free(txt);
		e = strmap_get(&d->opts->aliases->names, low->buf, low->len);
	}
	return e;
}

static const struct strmap_entry *gaz_of(const struct xdoc *d, size_t t0,
					 size_t t1, struct vb_buf *low)
{
	char *txt = name_text(d, t0, t1);
	lower_utf8(txt, strlen(txt), low);
	free(txt);
	return strmap_get(&d->ex->gaz, low->buf, low->len);
}

/*
 * A word naming a nation's people or things: "Indonesian", "Canadian",
 * "Japanese", "Iraqi", "Italian", "Turkish", made from a gazetteer name
 * by the usual English endings, or one of the irregular ones.
 */
bool demonym_word(const struct xdoc *d, size_t i)
{
	static const char *const irregular[] = {
		"british", "french", "dutch", "swiss", "thai", "greek", "welsh",
		"irish", "scottish", "english", "spanish", "swedish", "finnish",
		"polish", "danish", "norwegian", "filipino", "saudi", "u.s.",
		"european", "arab", "african", "asian", "soviet", "german",
		"belgian", "peruvian", "argentine", "lebanese", "portuguese", NULL,
	};
	static const char *const rules[][2] = {
		{ "n", "" }, { "an", "" }, { "ian", "" }, { "ian", "a" }, { "ian", "y" },
		{ "an", "o" }, { "ese", "" }, { "ese", "a" }, { "i", "" }, { "ish", "ey" },
		{ "ine", "ina" },
	};
	if (!tok_capword(d, i) || (d->t[i].flags & TF_ALLCAPS && !(d->t[i].flags & TF_DOTS)))
		return false;
	size_t n = tok_len(d, i);
	char w[40];
	if (n < 3 || n >= sizeof(w) - 4)
		return false;
	for (size_t k = 0; k < n; k++) {
		char c = d->s[d->t[i].start + k];
		w[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	w[n] = '\0';
	/* "Americans", "Germans", "Brazilians": the people */
	if (n > 4 && w[n - 1] == 's' && w[n - 2] == 'n')
		w[--n] = '\0';
	for (size_t k = 0; irregular[k]; k++)
		if (!strcmp(w, irregular[k]))
			return true;
	for (size_t r = 0; r < sizeof(rules) / sizeof(rules[0]); r++) {
		size_t sl = strlen(rules[r][0]), al = strlen(rules[r][1]);
		if (n <= sl + 2 || strcmp(w + n - sl, rules[r][0]))
			continue;
		char c[48];
		memcpy(c, w, n - sl);
		memcpy(c + n - sl, rules[r][1], al);
		c[n - sl + al] = '\0';
		const struct strmap_entry *g = strmap_get(&d->ex->gaz, c, n - sl + al);
		if (g && (g->flags & G_COUNTRY))
			return true;
	}
	return false;
}

/* "II", "XIV": a number in Roman letters, in capitals. */
static bool roman_numeral(const struct xdoc *d, size_t i)
{
	if (!(d->t[i].flags & TF_ALLCAPS) && tok_len(d, i) > 1)
		return false;
	for (size_t k = d->t[i].start; k < d->t[i].end; k++)
		if (!strchr("IVXLC", d->s[k]))
			return false;
	return true;
}

/* Institutions named by one word of our organisation cues. */
static bool lone_institution(const struct xdoc *d, size_t i)
{
	return tok_is(d, i, "congress") || tok_is(d, i, "parliament") ||
	       tok_is(d, i, "senate");
}

/* Capitals that name things, not organisations: "CD", "DRM", "GDP". */
static bool common_acronym(const struct xdoc *d, size_t i)
{
	static const char *const words[] = {
		"cd", "cds", "dvd", "dvds", "drm", "mp3", "gdp", "gnp", "vat",
		"ipo", "ceo", "cfo", "coo", "cto", "pc", "pcs", "usb", "gmt",
		"utc", "am", "pm", "faq", "pdf", "url", "html", "ok", "ai",
		"it", "tv", "hd", "gps", "sms", "atm", "diy", "phd", "mba",
		"rsvp", "asap", "fyi", "etc", "ps", "pps", "eps", "ebit",
		"ebitda", "yoy", "q1", "q2", "q3", "q4", "h1", "h2", "fy",
		/* results releases and technology copy */
		"gaap", "ifrs", "roi", "roe", "capex", "opex", "esg", "kpi", "arr",
		"saas", "api", "apis", "iot", "cpu", "gpu", "ssd", "lcd", "led", "sdk",
		"erp", "crm", "svp", "evp", "vp", "cio", "cmo", "hr",
		/* labels and diseases in capitals: "NOTE: ...", "AIDS" */
		"note", "notes", "update", "aids", "hiv", "covid", "sars", "ends",
		/* time zones: "until 2100 EST" */
		"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet",
		"cest", "jst", "hkt", "sgt", "aest", "ist",
		/* "our POW's home" */
		"pow", "pows", "mia", "mias", NULL,
	};
	/* "CD's", "POW's" too */
	for (const char *const *w = words; *w; w++)
		if (tok_stem_is(d, i, *w))
			return true;
	return false;
}

/* A stock symbol after an exchange: "(PSE: HLDN)", "NYSE: ACME"; or in
 * angle brackets after a company, as wire copy writes it: "<BWTR.L>",
 * "<HNZ.N>", "<BKO>". */
static bool ticker(const struct xdoc *d, size_t i)
{
	if (i >= 2 && tok_punct(d, i - 1, ':') && (d->t[i - 2].flags & TF_ALLCAPS))
		return true;
	if (i >= 1 && tok_punct(d, i - 1, '<')) {
		size_t k = i + 1;
		if (tok_punct(d, k, '.') && tok_adjacent(d, k) && k + 1 < d->nt &&
		    tok_len(d, k + 1) <= 2)
			k += 2;
		return tok_punct(d, k, '>');
	}
	return false;
}

/* The last word of a street's name, capitalised: "Canal Street". */
static bool street_word(const struct xdoc *d, size_t i)
{
	static const char *const words[] = {
		"street", "road", "lane", "avenue", "boulevard", "crescent",
		"terrace", "highway", "drive", NULL,
	};
	return (d->t[i].flags & TF_CAP) && !(d->t[i].flags & TF_ALLCAPS) && tok_in(d, i, words);
}

/*
 * A run of one word after a title that is no name but a word of office
 * or of government: "Mr. Speaker", "the Chief Magistrate", "the General
 * Staff", "General Agreement", "Secretary of the Treasury".
 */
static bool title_noun(const struct xdoc *d, size_t t0, size_t t1)
{
	static const char *const nouns[] = {
		"speaker", "magistrate", "staff", "agreement", "treasury", "assembly",
		"governments", "counsel", "accounting", "estimates", "session",
		"conference", "convention", "election", "elections", "services",
		"affairs", "headquarters", "command", "council", "councils", NULL,
	};
	if (t1 != t0 + 1)
		return false;
	if (d->t[t0].lex & (L_COMMON | L_ROLE | L_HONORIFIC | L_ORG_CUE | L_NOM_ORG | L_PLURAL_NOM))
		return !(d->t[t0].lex & L_GIVEN);
	return tok_in(d, t0, nouns);
}

/* "Port of Kessling": a port named by its town is its port authority,
 * an organisation ("Port Selwyn" is a town). */
bool port_of(const struct xdoc *d, size_t i)
{
	return tok_capword(d, i) && tok_is(d, i, "port") && tok_is(d, i + 1, "of") &&
	       tok_capword(d, i + 2);
}

int run_type(const struct xdoc *d, size_t t0, size_t t1)
{
	struct vb_buf low = VB_BUF_INIT;
	int type = ET_NONE;
	const struct strmap_entry *g;

	if ((g = alias_of(d, t0, t1, &low))) {
		type = g->val;
		goto out;
	}
	g = gaz_of(d, t0, t1, &low);
	if (strmap_get(&d->ex->orgs, low.buf, low.len)) {
		type = ET_ORG;
		goto out;
	}
	if (g && t1 - t0 == 1 && (d->t[t0].flags & TF_ALLCAPS) && common_acronym(d, t0))
		g = NULL;   /* "EST" is a time, not Estonia */
	if (g && !(t1 - t0 == 1 && (d->t[t0].lex & L_PLACE_GENERIC))) {
		type = ET_PLACE;
		goto out;
	}
	/* "Canal Street", "Fenwick Road", "Elm Avenue": a street. */
	if (t1 - t0 >= 2 && t1 - t0 <= 4 && street_word(d, t1 - 1) &&
	    !part_has(d, t0, t1 - 1, L_ORG_SUFFIX | L_ORG_CUE | L_GIVEN)) {
		type = ET_PLACE;
		goto out;
	}
	/* "Co-founder Jane Doe", "Co-author Professor ...": "Co" before a
	 * hyphen and a word in lower case is a prefix, not the legal form
	 * ("The Co-operative Bank" has its own organisation word). */
	size_t c0 = t0;
	if (t1 >= t0 + 2 && t0 + 2 < d->nt && (d->t[t0].lex & L_ORG_SUFFIX) &&
	    tok_punct(d, t0 + 1, '-') && d->t[t0 + 2].kind == TK_WORD &&
	    !(d->t[t0 + 2].flags & TF_CAP))
		c0 = t0 + 2 < t1 ? t0 + 2 : t1;
	/* "the Port of Kessling" is its port authority ("Port Selwyn" a
	 * town). */
	/* "Eastport United" is a club; "United" opens places' names too
	 * ("the United States"), which the gazetteer has taken above. */
	if (part_has(d, c0, t1, L_ORG_SUFFIX | L_ORG_CUE) ||
	    (t1 - t0 >= 2 && legal_form(d, t1 - 1)) ||
	    (t1 - t0 >= 3 && port_of(d, t0)) ||
	    (t1 - t0 >= 2 && tok_is(d, t1 - 1, "united") && !tok_is(d, t1 - 2, "the"))) {
		type = ET_ORG;
		goto out;
	}
	/* "Mr Smith"; not "the King's Speech", "Mr. Speaker", "General
	 * Agreement", "Chief Magistrate" */
	if (t0 > 0 && d->t[t0 - 1].kind == TK_WORD &&
	    (d->t[t0 - 1].lex & L_HONORIFIC) && (d->t[t0 - 1].flags & TF_CAP) &&
	    !(d->t[t0 - 1].flags & TF_POSS) && !title_noun(d, t0, t1)) {
		type = ET_PERSON;
		goto out;
	}
	/* "Mr. Smith", "Gen. Hale"; not "... Chief Financial Officer.
	 * Brightfold expects": the full stop ends a sentence there. */
	if (t0 > 1 && tok_punct(d, t0 - 1, '.') &&
	    (d->t[t0 - 2].lex & L_HONORIFIC) && (d->t[t0 - 2].flags & TF_CAP) &&
	    d->t[t0 - 2].sent == d->t[t0].sent && !title_noun(d, t0, t1)) {
		type = ET_PERSON;
		goto out;
	}
	if ((d->t[t0].lex & L_GIVEN) && t1 - t0 >= 2 && t1 - t0 <= 4) {
		type = ET_PERSON;
		goto out;
	}
	/* Not a product's code: "VH-201", "F-35", "A320" */
	bool code = t1 < d->nt && tok_punct(d, t1, '-') && tok_adjacent(d, t1) &&
		    t1 + 1 < d->nt && d->t[t1 + 1].kind == TK_NUM && tok_adjacent(d, t1 + 1);
	if (t1 - t0 == 1 && (d->t[t0].flags & TF_ALLCAPS) &&
	    tok_len(d, t0) <= 6 && !(d->t[t0].flags & TF_DOTS) &&
	    !(d->t[t0].lex & (L_CURRENCY | L_NOM_PERSON | L_HONORIFIC)) && !common_acronym(d, t0) &&
	    !ticker(d, t0) && !code) {
		type = ET_ORG;
		goto out;
	}
out:
	vb_buf_release(&low);
	return type;
}

/*
 * "the Bank" after "the World Bank", "the National Bank" after "the Swiss
 * National Bank": the end of one organisation's name, when a definite
 * article comes first, the name ends in a word for an institution, and
 * no other organisation's name ends so.  The organisation's name must not
 * join the end by a connector ("Commercial Division of the High Court" is
 * not the High Court).
 */
int ent_tail(struct xdoc *d, const char *name)
{
	struct vb_buf low = VB_BUF_INIT;
	int one = -1;

	lower_utf8(name, strlen(name), &low);
	const char *k = strip_the(low.buf);
	size_t kl = strlen(k);
	const char *lw = strrchr(k, ' ');
	lw = lw ? lw + 1 : k;
	const struct strmap_entry *w = lexicon_get(&d->ex->lex, lw, strlen(lw));
	const struct idlist *l = emap_list(&d->eidx, emap_hash(EK_TAIL, k, kl), false);
	struct ent_query eq = { k, kl, ET_ORG, 0, 0, 0 };
	if (kl < 3 || !w || !(w->flags & L_NOM_ORG) || (w->flags & L_PLURAL_NOM))
		l = NULL;
	for (size_t i = 0; l && i < l->n; i++) {
		int c = (int)idlist_items(l)[i];
		if (!ent_answers(d, c, Q_TAIL, &eq))
			continue;
		if (one >= 0 && d->ents[one].type == ET_ORG) {
			one = -1;   /* two organisations: which one is unknown */
			break;
		}
		one = c;
	}
	vb_buf_release(&low);
	return one;
}

/* Canonical name of a run: the alias's or gazetteer's when known. */
static char *run_canonical(const struct xdoc *d, size_t t0, size_t t1, int type)
{
	struct vb_buf low = VB_BUF_INIT;
	const struct strmap_entry *g = alias_of(d, t0, t1, &low);
	char *r = NULL;

	if (!g && type == ET_PLACE)
		g = gaz_of(d, t0, t1, &low);
	if (g && g->aux)
		r = vb_strdup(g->aux);
	vb_buf_release(&low);
	if (r)
		return r;
	r = name_text(d, t0, t1);
	/* "MS. ANDERSEN:" in a transcript, "JOHN SMITH" in a headline: a
	 * person's name in capitals is written as a name. */
	bool caps = type == ET_PERSON, longer = false;
	for (size_t k = t0; k < t1 && caps; k++) {
		caps = d->t[k].kind != TK_WORD || (d->t[k].flags & TF_ALLCAPS);
		longer |= d->t[k].kind == TK_WORD && tok_len(d, k) >= 4;
	}
	/* Not an acronym ("IBJ", "II"). */
	if (caps && longer)
		for (char *c = r; *c; c++)
			if (*c >= 'A' && *c <= 'Z' && c > r && ((c[-1] >= 'A' && c[-1] <= 'Z') ||
								(c[-1] >= 'a' && c[-1] <= 'z')))
				*c = (char)(*c + 32);
	return r;
}

/* Link a run to the document's entity, creating one when its type is known. */
int ent_match_name(struct xdoc *d, size_t t0, size_t t1, int type_hint)
{
	char *canon = run_canonical(d, t0, t1, type_hint);
	int e = ent_find(d, canon, type_hint);

	if (e < 0 && t0 > 0 && tok_is(d, t0 - 1, "the") && type_hint != ET_PERSON &&
	    type_hint != ET_PLACE)
		e = ent_tail(d, canon);
	if (e < 0 && type_hint != ET_NONE)
		e = ent_add(d, type_hint, canon);
	else if (e >= 0 && d->ents[e].type == ET_NONE)
		ent_set_type(d, e, type_hint);
	/* A fuller name becomes the canonical one ("Smith" then "John Smith"). */
	if (e >= 0 && d->ents[e].type == ET_PERSON && type_hint == ET_PERSON &&
	    strlen(canon) > strlen(d->ents[e].canonical) &&
	    !strchr(d->ents[e].canonical, ' ')) {
		ent_changing(d, e);
		free(d->ents[e].canonical);
		d->ents[e].canonical = canon;
		canon = NULL;
		ent_fill_keys(d, &d->ents[e]);
		ent_changed(d, e);
	}
	free(canon);
	return e;
}

/*
 * After a name ending at t1, an appositive that only a person takes: an
 * age (", 63,") or a title (", president of Acme", ", the company's
 * chief executive", ", a senior analyst at Beta").
 */
static bool appositive_person(const struct xdoc *d, size_t t1)
{
	size_t k = t1;

	if (!tok_punct(d, k, ','))
		return false;
	k++;
	if (k + 1 < d->nt && d->t[k].kind == TK_NUM && tok_punct(d, k + 1, ',') &&
	    tok_len(d, k) <= 2)
		return true;
	for (size_t n = 0; k < d->nt && n < 5; k++, n++) {
		const struct xtok *t = &d->t[k];
		if (t->kind != TK_WORD)
			return false;
		if (!(t->flags & TF_CAP) && (t->lex & (L_ROLE | L_NOM_PERSON)) &&
		    !(t->lex & (L_PLURAL_NOM | L_CUE)))
			return true;
		bool mod = (t->lex & L_DET) || (t->flags & (TF_CAP | TF_POSS)) ||
			   tok_is(d, k, "senior") || tok_is(d, k, "former") ||
			   tok_is(d, k, "deputy") || tok_is(d, k, "vice");
		if (!mod)
			return false;
	}
	return false;
}

/* A capital letter after the first: "NetChoice", "eBay" is not. */
static bool inner_capital(const struct xdoc *d, size_t i)
{
	for (size_t b = d->t[i].start + 1; b < d->t[i].end; b++)
		if (d->s[b] >= 'A' && d->s[b] <= 'Z')
			return true;
	return false;
}

/*
 * After a name ending at t1, an appositive that only an organisation
 * takes: ", a trade group representing ...", ", the Lisbon-based
 * carrier,".
 */
static bool appositive_org(const struct xdoc *d, size_t t1)
{
	if (!tok_punct(d, t1, ',') || t1 + 2 >= d->nt ||
	    !(tok_is(d, t1 + 1, "a") || tok_is(d, t1 + 1, "an") || tok_is(d, t1 + 1, "the")))
		return false;
	for (size_t k = t1 + 2; k < d->nt && k < t1 + 6; k++) {
		const struct xtok *t = &d->t[k];
		if (t->kind == TK_PUNCT && t->cp == '-' && tok_adjacent(d, k))
			continue;
		if (t->kind != TK_WORD || (t->flags & TF_POSS))
			return false;
		/* nouns only organisations are ("a trade group"), not "a
		 * body of water", "a subscription service", "a unit" */
		if (!(t->flags & TF_CAP) && (t->lex & L_NOM_ORG) && !(t->lex & L_NOM_PERSON)) {
			/* "According to Natarajan, the company plans": with
			 * "the", the noun may be the next clause's subject;
			 * an appositive ends there or goes on as one. */
			if (tok_is(d, t1 + 1, "the") && k + 1 < d->nt &&
			    d->t[k + 1].kind != TK_PUNCT &&
			    !tok_in(d, k + 1, (const char *const[]){ "that", "which", "whose",
					"based", "of", "behind", "owned", "run", "operated",
					"founded", "backed", "known", "with", NULL }))
				return false;
			return tok_in(d, k, (const char *const[]){ "company", "group", "firm",
					"organisation", "organization", "federation", "association",
					"agency", "ministry", "bank", "union", "council", "commission",
					"committee", "institute", "society", "university", "club",
					"coalition", "alliance", "foundation", "charity", "corporation",
					"authority", "regulator", "airline", "carrier", "insurer",
					"lender", "retailer", "manufacturer", "maker", "producer",
					"distributor", "broadcaster", "publisher", "newspaper",
					"subsidiary", "consortium", "developer", "museum", NULL });
		}
		if (t->lex & (L_NOM_PERSON | L_ROLE | L_CUE | L_STOP))
			return false;
	}
	return false;
}

/* A sentence opener is part of a name only when it is known as a name. */
static bool opener_is_name(const struct xdoc *d, size_t i)
{
	const struct xtok *t = &d->t[i];
	struct vb_buf *low = (struct vb_buf *)&d->tmp;

	if (t->lex & (L_STOP | L_PRONOUN | L_CUE | L_NOM_PERSON | L_NOM_ORG |
		      L_DET))
		return (t->lex & (L_GIVEN | L_ORG_CUE | L_ORG_SUFFIX)) != 0 &&
		       !(t->lex & (L_STOP | L_DET | L_PRONOUN));
	if (t->lex & (L_GIVEN | L_ORG_CUE | L_ORG_SUFFIX | L_HONORIFIC))
		return true;
	if (t->flags & TF_ALLCAPS)
		return true;
	lower_utf8(d->s + t->start, tok_stem_end(d, i) - t->start, low);
	if (d->opts && d->opts->aliases &&
	    strmap_get(&d->opts->aliases->names, low->buf, low->len))
		return true;
	if (strmap_get(&d->midcaps, low->buf, low->len))
		return true;
	if (strmap_get(&d->ex->gaz, low->buf, low->len))
		return true;
	return false;
}

bool inside_name(const struct xdoc *d, size_t k, size_t t0)
{
	if (!(k > t0 + 1 && tok_capword(d, k - 1) && !(d->t[k - 1].flags & TF_ALLCAPS) &&
	      (d->t[k - 1].lex == 0 || (d->t[k - 1].lex & L_GIVEN))))
		return false;
	/* Right after a title: "Steel Minister Bunu Sheriff Musa" (not
	 * "Deputy U.S. Trade Representative Michael Smith"). */
	return tok_capword(d, k - 2) &&
	       (d->t[k - 2].lex & (L_HONORIFIC | L_ROLE));
}

/* Honorifics and titles at the head of a run: "Prime Minister Jane Doe". */
static size_t strip_titles(const struct xdoc *d, size_t t0, size_t t1)
{
	size_t last = SIZE_MAX;

	for (size_t k = t0; k + 1 < t1; k++)
		if ((d->t[k].lex & L_HONORIFIC) && !inside_name(d, k, t0))
			last = k;
	if (last == SIZE_MAX)
		return t0;
	size_t k = last + 1;
	if (tok_punct(d, k, '.'))
		k++;
	while (k < t1 && !tok_capword(d, k))
		k++;
	return k < t1 ? k : t0;
}

static bool place_context(const struct xdoc *d, size_t t0, size_t t1)
{
	/* "in June", "in CD" */
	if (t1 - t0 == 1 && ((d->t[t0].lex & (L_MONTH | L_WEEKDAY)) ||
			     common_acronym(d, t0)))
		return false;
	/* "in R&D", "in M&A": a letter and a letter is a term. */
	if (t1 - t0 == 3 && tok_punct(d, t0 + 1, '&') && tok_len(d, t0) == 1 &&
	    tok_len(d, t0 + 2) == 1)
		return false;
	if (t0 > 0 && d->t[t0 - 1].kind == TK_WORD &&
	    !(d->t[t0].flags & TF_SENT_START) &&
	    (tok_is(d, t0 - 1, "in") || tok_is(d, t0 - 1, "near") ||
	     tok_is(d, t0 - 1, "outside") || tok_is(d, t0 - 1, "across") ||
	     tok_is(d, t0 - 1, "throughout")))
		return !(d->t[t1 - 1].flags & TF_POSS) && t1 - t0 <= 3;
	/* "Fenwick Road, Ashby,": the town after its street. */
	if (t0 > 2 && tok_punct(d, t0 - 1, ',') && street_word(d, t0 - 2) && t1 - t0 <= 3 &&
	    tok_capword(d, t0 - 3))
		return true;
	/* "a 34-year-old man from Ashby", "crews from Kelton": where
	 * people come from ("a letter from Acme" is no place). */
	if (t0 > 1 && tok_is(d, t0 - 1, "from") && !(d->t[t0 - 1].flags & TF_CAP) &&
	    d->t[t0 - 2].kind == TK_WORD &&
	    (!(d->t[t0 - 2].flags & TF_CAP) || (d->t[t0 - 2].flags & TF_SENT_START)) &&
	    (d->t[t0 - 2].lex & (L_NOM_PERSON | L_PLURAL_NOM)) && !(d->t[t0 - 2].lex & L_NOM_ORG) &&
	    t1 - t0 <= 3 && !(d->t[t1 - 1].flags & TF_POSS))
		return true;
	/* "London-based" */
	if (t1 < d->nt && tok_punct(d, t1, '-') && tok_adjacent(d, t1) &&
	    tok_is(d, t1 + 1, "based"))
		return true;
	/* "Lugano, Switzerland" */
	if (tok_punct(d, t1, ',') && t1 + 1 < d->nt) {
		size_t e = name_run_right(d, t1 + 1, d->nt);
		if (e > t1 + 1 && run_type(d, t1 + 1, e) == ET_PLACE)
			return true;
	}
	return false;
}

/*
 * The place of a dateline: a name opening a paragraph, followed by a date
 * ("Port Selwyn, 24 January 2006", "COMMACK, N.Y., Feb 26 -") or by a news
 * agency and a dash ("BERLIN (Reuters) -").
 */
static bool dateline_place(const struct xdoc *d, size_t t0, size_t t1)
{
	if (!(d->t[t0].flags & TF_PARA_START) || t1 - t0 > 4 || t1 >= d->nt)
		return false;
	size_t k = t1;
	if (tok_punct(d, k, '(') && k + 3 < d->nt && tok_capword(d, k + 1) &&
	    tok_punct(d, k + 2, ')') && d->t[k + 3].kind == TK_PUNCT &&
	    (d->t[k + 3].cp == '-' || d->t[k + 3].cp == 0x2013 || d->t[k + 3].cp == 0x2014))
		return true;
	if (!tok_punct(d, k, ','))
		return false;
	k++;
	/* "N.Y.," "Calif.,": a state or country before the date. */
	for (size_t m = k; m < k + 4 && m < d->nt; m++)
		if (tok_punct(d, m, ',') && m > k) {
			k = m + 1;
			break;
		} else if (d->t[m].kind != TK_WORD && !tok_punct(d, m, '.')) {
			break;
		}
	if (k < d->nt && d->t[k].kind == TK_WORD && (d->t[k].lex & L_MONTH))
		return true;
	return k + 1 < d->nt && d->t[k].kind == TK_NUM &&
	       d->t[k + 1].kind == TK_WORD && (d->t[k + 1].lex & L_MONTH);
}

/* Words of a portfolio, not of a title: "Social Affairs Minister",
 * "public relations director". */
bool role_topic(const struct xdoc *d, size_t i)
{
	return tok_in(d, i, (const char *const[]){ "affairs", "public", "press", "relations",
			"communications", "marketing", "technology", "financial", "operating",
			NULL });
}

/*
 * A title written in capitals, as press releases write them: "Chief
 * Executive Officer", "President and CEO", "Senior Vice President":
 * capitalised words from i (joined by "and" or "&") whose first is a
 * word of a title.  Returns the end of its last title word, or i.
 */
size_t title_case_role(const struct xdoc *d, size_t i, size_t a1)
{
	size_t end = i;

	if (i >= a1 || d->t[i].kind != TK_WORD || !(d->t[i].flags & (TF_CAP | TF_ALLCAPS)) ||
	    !(d->t[i].lex & L_ROLE))
		return i;
	if (role_topic(d, i) || tok_is(d, i, "member"))
		return i;
	for (size_t k = i; k < a1; k++) {
		if (d->t[k].kind == TK_WORD && (d->t[k].flags & (TF_CAP | TF_ALLCAPS))) {
			/* Other words only inside ("Chief Medical Officer"),
			 * never a given name ("President Howard Dean"). */
			if (d->t[k].lex & L_ROLE)
				end = k + 1;
			else if ((d->t[k].lex & L_GIVEN) || k + 1 >= a1 ||
				 d->t[k + 1].kind != TK_WORD || !(d->t[k + 1].lex & L_ROLE) ||
				 !(d->t[k + 1].flags & (TF_CAP | TF_ALLCAPS)))
				break;
			if (d->t[k].flags & TF_POSS)
				break;
			continue;
		}
		/* "Vice-President", "Secretary-General" */
		if ((tok_is(d, k, "and") || tok_punct(d, k, '&') ||
		     (tok_punct(d, k, '-') && tok_adjacent(d, k))) && k + 1 < a1 &&
		    d->t[k + 1].kind == TK_WORD && (d->t[k + 1].flags & (TF_CAP | TF_ALLCAPS)) &&
		    (d->t[k + 1].lex & L_ROLE))
			continue;
		break;
	}
	return end;
}

static void link_full_names(struct xdoc *d);
static void surnames_not_places(struct xdoc *d);

/* The only person of the document so far whose first word is the given
 * name at token t, or -1 (none, or more than one). */
static int person_by_given_name(struct xdoc *d, size_t t)
{
	lower_utf8(d->s + d->t[t].start, tok_stem_end(d, t) - d->t[t].start, &d->tmp);
	int found = -1;
	for (size_t e = 0; e < d->nents; e++) {
		const struct xent *x = &d->ents[e];
		if (x->type != ET_PERSON || strncmp(x->key, d->tmp.buf, d->tmp.len) ||
		    x->key[d->tmp.len] != ' ')
			continue;
		if (found >= 0)
			return -1;
		found = (int)e;
	}
	return found;
}

void entities_find(struct xdoc *d)
{
	for (size_t i = 0; i < d->nt;) {
		if (!tok_capword(d, i)) {
			i++;
			continue;
		}
		size_t e = name_run_right(d, i, d->nt);
		if (e <= i) {
			i++;
			continue;
		}
		size_t t0 = i, t1 = e;
		i = e;
		/* Sentence openers: "The", "But", "Shares" are not names. */
		bool at_start = (d->t[t0].flags & TF_SENT_START) ||
				(t0 > 0 && d->t[t0 - 1].kind == TK_PUNCT &&
				 (d->t[t0 - 1].flags & TF_SENT_START) &&
				 d->t[t0 - 1].cp != '(');
		/*
		 * But a dateline's place ("Port Avren, 3 May 2010") and a
		 * company named with its kind ("Brightmoor Tiles plc said")
		 * open sentences too.
		 */
		bool dateline = dateline_place(d, t0, t1);
		bool org_opener = t1 - t0 >= 2 && !(d->t[t0].flags & TF_ALLCAPS) && /* a headline */
				  ((!d->t[t0].lex && ((d->t[t1 - 1].lex & (L_ORG_SUFFIX | L_ORG_CUE)) ||
						      tok_is(d, t1 - 1, "united"))) ||
				   /* "Canadian Imperial Bank of Commerce said" */
				   (!(d->t[t0].lex & (L_STOP | L_DET | L_PRONOUN | L_CUE | L_NOM_PERSON |
						      L_NOM_ORG | L_MONTH | L_WEEKDAY | L_HONORIFIC)) &&
				    tok_capword(d, t0 + 1) && part_has(d, t0 + 1, t1, L_ORG_SUFFIX | L_ORG_CUE)));
		/* "Sumner Redstone, president of National Amusements, said",
		 * "Jane Roe, 63, said": a name opening a sentence with a
		 * person's appositive after it. */
		bool person_opener = at_start && t1 - t0 >= 2 && t1 - t0 <= 3 &&
				     !(d->t[t0].lex & (L_STOP | L_DET | L_PRONOUN | L_CUE)) &&
				     !part_has(d, t0, t1, L_ORG_SUFFIX | L_ORG_CUE | L_NOM_ORG) &&
				     appositive_person(d, t1);
		/* "NetChoice, a trade group representing ..., said" */
		bool org_apposed = at_start && appositive_org(d, t1) &&
				   !(d->t[t0].lex & (L_STOP | L_DET | L_PRONOUN | L_CUE | L_COMMON)) &&
				   /* one word: a name the document writes as one
				    * ("NetChoice", or capitalised inside a
				    * sentence), not "Meantime," */
				   (t1 - t0 >= 2 || inner_capital(d, t0) || capitalised_inside(d, t0));
		/* "Save the Children said", "Friends of the Earth and ..." */
		bool known = t1 - t0 >= 2 && known_org_end(d, t0, t1) == t1;
		if (at_start && !dateline && !org_opener && !person_opener && !org_apposed && !known &&
		    !opener_is_name(d, t0) &&
		    /* "Chief Financial Officer Ravi Menon will ..." */
		    !(title_case_role(d, t0, t1) > t0 + 1)) {
			t0++;
			/* "On Monday Tarrow Instruments said" */
			/* "Nach Angaben der Stadtwerke": a function word
			 * capitalised after the opener (not "New", "First"). */
			while (t0 < t1 && (!tok_capword(d, t0) ||
					   (d->t[t0].lex & (L_WEEKDAY | L_MONTH)) ||
					   ((d->t[t0].lex & L_STOP) && !(d->t[t0].flags & TF_ALLCAPS) &&
					    !(d->t[t0].lex & (L_PLACE_GENERIC | L_ORDINAL)) &&
					    !tok_is(d, t0, "old"))))
				t0++;
			if (t0 >= t1)
				continue;
		}
		if (d->t[t0].lex & (L_PRONOUN)) {
			if (++t0 >= t1)
				continue;
		}
		/* "Commuter Lucy Brennan, 34, said": a noun of what the
		 * person is, capitalised as the sentence's first word. */
		if (at_start && t1 - t0 >= 3 && (d->t[t0 + 1].lex & L_GIVEN) &&
		    (d->t[t0].lex & (L_NOM_PERSON | L_GIVEN | L_HONORIFIC | L_ROLE)) == L_NOM_PERSON) {
			t0++;   /* "Nurse Ana Ruiz", "Commuter Lucy Brennan" */
		} else if (at_start && t1 - t0 >= 3 && !d->t[t0].lex && (d->t[t0 + 1].lex & L_GIVEN) &&
		    tok_len(d, t0) > 5) {
			static const char *const ends[] = { "er", "or", "ist", "ant", "ent", "ian" };
			for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]); k++) {
				size_t el = strlen(ends[k]);
				if (!memcmp(d->s + d->t[t0].end - el, ends[k], el)) {
					t0++;
					break;
				}
			}
		}
		/* "The International Federation ...": the article is not
		 * part of the name, unless the name is known with it
		 * ("The Hague"). */
		if (t1 - t0 >= 2 && tok_is(d, t0, "the") &&
		    run_type(d, t0, t1) != ET_PLACE)
			t0++;
		/* "Die Nordklang Musik GmbH": German, French and Spanish
		 * articles before a name of three words or more. */
		else if (t1 - t0 >= 3 && (d->t[t0].flags & TF_SENT_START) &&
			 (tok_is(d, t0, "die") || tok_is(d, t0, "der") ||
			  tok_is(d, t0, "das") || tok_is(d, t0, "le") ||
			  tok_is(d, t0, "la") || tok_is(d, t0, "les") ||
			  tok_is(d, t0, "el") || tok_is(d, t0, "los")))
			t0++;
		/* A title is no name ("Chief Executive Officer"); after its
		 * "of" an organisation may be ("CEO of Norlake Labs"). */
		size_t tt = title_case_role(d, t0, t1);
		if (tt == t1)
			continue;
		/* "Lumora Chief Medical Officer": the name before a title of
		 * two words or more (a surname can be one: "Brian Singer"). */
		for (size_t k = t0 + 1; k + 1 < t1; k++)
			if (!(d->t[k - 1].lex & L_GIVEN) && title_case_role(d, k, t1) == t1) {
				t1 = k;
				break;
			}
		/* "Chief Financial Officer Ravi Menon": a title, then a name
		 * ("Financial" is also a company's word). */
		if ((tt > t0 + 1 || (tt > t0 && (d->t[tt].lex & L_GIVEN))) && tt < t1 &&
		    t1 - tt <= 3 && tok_capword(d, tt) &&
		    !part_has(d, tt, t1, L_ORG_CUE | L_ORG_SUFFIX) &&
		    run_type(d, tt, t1) != ET_PLACE)
			t0 = tt;
		if (tt > t0 && (tok_is(d, tt, "of") || tok_is(d, tt, "at") ||
				tok_is(d, tt, "von") || tok_is(d, tt, "bei"))) {
			size_t o0 = tt + 1 + tok_is(d, tt + 1, "the");
			if (o0 < t1)
				t0 = o0;
		}
		/* Laws and treaties ("Private Securities Litigation Reform
		 * Act", "Kyoto Protocol") and labels ("Media Contact") name
		 * no organisation, person or place. */
		if (t1 - t0 >= 2 &&
		    tok_in(d, t1 - 1, (const char *const[]){ "act", "treaty", "accord", "protocol",
				"directive", "contact", "contacts", "enquiries", "inquiries",
				NULL }))
			continue;
		/* Lone common capitalised words ("Internet", "Government"),
		 * and lone organisation words ("the Board", "Media
		 * enquiries"), save the few institutions called by one. */
		if (t1 - t0 == 1 && (d->t[t0].lex & (L_COMMON | L_STOP)) &&
		    !(d->t[t0].lex & L_GIVEN))
			continue;
		/* A people ("Americans said") or a number in Roman letters
		 * ("Title III", "John Paul II" keeps it) alone is no entity. */
		if (t1 - t0 == 1 && (demonym_word(d, t0) || roman_numeral(d, t0)))
			continue;
		if (t1 - t0 == 1 && (d->t[t0].lex & (L_ORG_CUE | L_ORG_SUFFIX)) &&
		    !(d->t[t0].lex & L_ORG_NAME) &&
		    !(d->t[t0].flags & TF_ALLCAPS) && !lone_institution(d, t0)) {
			/* "the Bank said" after "Bank of Tokyo": the same one. */
			char *word = name_text(d, t0, t1);
			int org = ent_find(d, word, ET_ORG);
			if (org < 0 && t0 > 0 && tok_is(d, t0 - 1, "the"))
				org = ent_tail(d, word);
			free(word);
			if (org >= 0 && d->ents[org].type == ET_ORG)
				mention_add(d, t0, t1, org, ET_ORG);
			continue;
		}
		int type = dateline ? ET_PLACE : run_type(d, t0, t1);
		if (person_opener && type == ET_NONE)
			type = ET_PERSON;
		if (type == ET_NONE && appositive_org(d, t1) &&
		    !(t0 >= 2 && tok_is(d, t0 - 1, "of") && place_noun(d, t0 - 2)))
			type = ET_ORG;
		if (type != ET_ORG && type != ET_PLACE) {
			size_t p0 = strip_titles(d, t0, t1);
			if (p0 > t0 && title_noun(d, p0, t1))
				p0 = t0;   /* "the Chief Magistrate", "General Staff" */
			if (p0 > t0) {
				/* "Acme Federation Chairman John Smith" */
				size_t o1 = t0;
				while (o1 < p0 && !(d->t[o1].lex & L_HONORIFIC))
					o1++;
				if (o1 > t0 && run_type(d, t0, o1) == ET_ORG && !portfolio(d, t0, o1))
					mention_add(d, t0, o1,
						    ent_match_name(d, t0, o1, ET_ORG),
						    ET_ORG);
				t0 = p0;
				type = ET_PERSON;
			}
		} else if (type == ET_ORG && t1 - t0 >= 4) {
			/* "Senate Banking Committee Chairman William Proxmire":
			 * an organisation, a title, a person's name. */
			size_t ro = t1 - 1;
			while (ro > t0 && !((d->t[ro].lex & L_ROLE) &&
					    !(d->t[ro].lex & (L_ORG_CUE | L_ORG_SUFFIX)) &&
					    !inside_name(d, ro, t0)))
				ro--;
			size_t r0 = ro;
			while (r0 > t0 && (d->t[r0 - 1].lex & L_ROLE) &&
			       !(d->t[r0 - 1].lex & (L_ORG_CUE | L_ORG_SUFFIX)))
				r0--;
			size_t n0 = ro + 1;
			if (r0 > t0 && t1 - n0 >= 1 && t1 - n0 <= 3 &&
			    !(d->t[n0].flags & TF_ALLCAPS) && !(d->t[n0].lex & L_COMMON) &&
			    run_type(d, t0, r0) == ET_ORG &&
			    run_type(d, n0, t1) != ET_ORG && run_type(d, n0, t1) != ET_PLACE &&
			    !(d->t[n0].lex & (L_STOP | L_CONNECT))) {
				if (!portfolio(d, t0, r0))
					mention_add(d, t0, r0, ent_match_name(d, t0, r0, ET_ORG), ET_ORG);
				t0 = n0;
				type = ET_PERSON;
			}
		}
		/* "International Federation ... (IFPI)": link the acronym. */
		if (tok_punct(d, t1, '(') && t1 + 2 < d->nt &&
		    tok_punct(d, t1 + 2, ')') && d->t[t1 + 1].kind == TK_WORD &&
		    (d->t[t1 + 1].flags & TF_ALLCAPS) && t1 - t0 >= 2 &&
		    /* not a dateline's agency: "NEW YORK (AP)", but "New
		     * South Wales (NSW)" */
		    ((type != ET_PLACE && run_type(d, t0, t1) != ET_PLACE) ||
		     initials_of(d, t0, t1, t1 + 1)) &&
		    /* nor a person's party: "Jens Hallmann (SPD)" */
		    (type != ET_PERSON || initials_of(d, t0, t1, t1 + 1))) {
			if (type == ET_NONE)
				type = ET_ORG;
			int ent = ent_match_name(d, t0, t1, type);
			mention_add(d, t0, t1, ent, type);
			if (ent >= 0) {
				lower_utf8(d->s + d->t[t1 + 1].start,
					   tok_len(d, t1 + 1), &d->tmp);
				ent_changing(d, ent);
				free(d->ents[ent].acronym);
				d->ents[ent].acronym = vb_strdup(d->tmp.buf);
				ent_changed(d, ent);
			}
			mention_add(d, t1 + 1, t1 + 2, ent, type);
			i = t1 + 3;
			continue;
		}
		/* "shareholder in Nippon Lace" after "Nippon Lace Co Ltd": the
		 * first words of an organisation of the document name it,
		 * wherever they stand. */
		if (type == ET_NONE && org_with_prefix(d, t0, t1) >= 0)
			type = ET_ORG;
		if (type == ET_NONE && place_context(d, t0, t1))
			type = ET_PLACE;
		/* "Ruth Okonkwo MP", "Sir Ian Lee QC": letters after a name
		 * are not part of it. */
		if (type == ET_PERSON || (d->t[t0].lex & L_GIVEN) ||
		    (t1 - t0 >= 3 && (d->t[t1 - 3].lex & L_GIVEN)))
			t1 = name_without_letters(d, t0, t1);
		/* "consumer group FairFly", "the airline Pellion": a name
		 * after the noun of an organisation is one. */
		if (type == ET_NONE && t0 > 0 && d->t[t0 - 1].kind == TK_WORD &&
		    !(d->t[t0 - 1].flags & (TF_CAP | TF_POSS)) && (d->t[t0 - 1].lex & L_NOM_ORG) &&
		    !(d->t[t0].lex & (L_GIVEN | L_ROLE | L_HONORIFIC | L_COMMON)))
			type = ET_ORG;
		/* "the city of Homs", "the port town of Avren" */
		if (type == ET_NONE && t0 >= 2 && tok_is(d, t0 - 1, "of") && place_noun(d, t0 - 2))
			type = ET_PLACE;
		int ent = type != ET_NONE ? ent_match_name(d, t0, t1, type) : -1;
		/* "Megan Crowley ... Megan's story": a given name alone is
		 * the one person named before with it. */
		if (type == ET_NONE && t1 == t0 + 1 && (d->t[t0].lex & L_GIVEN) &&
		    !(d->t[t0].flags & TF_ALLCAPS) && (ent = person_by_given_name(d, t0)) >= 0)
			type = ET_PERSON;
		mention_add(d, t0, t1, ent, type);
	}
	link_full_names(d);
	surnames_not_places(d);
}

/* The person of the document whose last name is the word at t, or -1. */
static int person_by_last_name(struct xdoc *d, size_t t)
{
	lower_utf8(d->s + d->t[t].start, tok_stem_end(d, t) - d->t[t].start, &d->tmp);
	struct ent_query lq = { d->tmp.buf, d->tmp.len, ET_PERSON, 0, 0, 0 };
	int ent = ent_first(d, emap_hash(EK_LAST, lq.k, lq.kl), Q_LAST, &lq, 0, -1);
	return ent >= 0 && d->ents[ent].type == ET_PERSON &&
	       strchr(d->ents[ent].canonical, ' ') ? ent : -1;
}

/*
 * "Tomás Rivera ... Rivera said": a word that names a town somewhere
 * (Rivera, Uruguay) but is the last name of a person of the document,
 * and stands where no place stands ("in Rivera"), is that person.
 */
static void surnames_not_places(struct xdoc *d)
{
	for (size_t i = 0; i < d->nms; i++) {
		struct xmention *m = &d->ms[i];
		if (m->type != ET_PLACE || m->t1 != m->t0 + 1 || place_context(d, m->t0, m->t1) ||
		    dateline_place(d, m->t0, m->t1) || (d->t[m->t0].flags & TF_ALLCAPS))
			continue;
		/* Not a country or a state: "Washington" stays Washington. */
		struct vb_buf low = VB_BUF_INIT;
		const struct strmap_entry *g = gaz_of(d, m->t0, m->t1, &low);
		vb_buf_release(&low);
		if (g && (g->flags & (G_COUNTRY | G_SUBDIV)))
			continue;
		int ent = person_by_last_name(d, m->t0);
		if (ent < 0)
			continue;
		m->ent = ent;
		m->type = ET_PERSON;
	}
}

/*
 * A run of two or three plain capitalised words whose last word is the
 * surname of a person named elsewhere with a title ("Ms Orrery") is that
 * person's full name ("Tamsin Orrery"), even when the given name is not in
 * our lists; it becomes the canonical name when the person was only known
 * by the surname.
 */
static void link_full_names(struct xdoc *d)
{
	for (size_t i = 0; i < d->nms; i++) {
		struct xmention *m = &d->ms[i];
		size_t a = m->t0;
		/* An unknown given name opening a sentence was left out of the run. */
		if (a > 0 && tok_capword(d, a - 1) && (d->t[a - 1].flags & TF_SENT_START) &&
		    d->t[a - 1].sent == d->t[a].sent && !(d->t[a - 1].flags & TF_POSS) &&
		    !(d->t[a - 1].lex & (L_STOP | L_DET | L_PRONOUN | L_CUE | L_HONORIFIC |
					 L_ROLE | L_MONTH | L_WEEKDAY)) &&
		    m->t1 - a <= 3 && (m->type == ET_NONE || m->type == ET_PERSON))
			a--;
		if (a == m->t0 && (m->ent >= 0 || m->type != ET_NONE))
			continue;
		if (m->t1 - a < 2 || m->t1 - a > 3)
			continue;
		if (m->ent >= 0 && (d->ents[m->ent].type != ET_PERSON ||
				    strchr(d->ents[m->ent].canonical, ' ')))
			continue;
		bool plain = true;
		for (size_t k = a; k < m->t1 && plain; k++)
			plain = tok_capword(d, k) &&
				!(d->t[k].lex & (L_ORG_CUE | L_ORG_SUFFIX | L_STOP |
						 L_COMMON | L_PLACE_GENERIC |
						 L_NOM_ORG | L_NOM_PERSON)) &&
				!(d->t[k].flags & TF_ALLCAPS) &&
				(k + 1 == m->t1 || !(d->t[k].flags & TF_POSS));
		if (!plain)
			continue;
		size_t lt = m->t1 - 1;
		lower_utf8(d->s + d->t[lt].start, tok_stem_end(d, lt) - d->t[lt].start,
			   &d->tmp);
		/* The first person with that last word: named by it alone or not. */
		struct ent_query lq = { d->tmp.buf, d->tmp.len, ET_PERSON, 0, 0, 0 };
		int ent = ent_first(d, emap_hash(EK_LAST, lq.k, lq.kl), Q_LAST, &lq,
				    0, -1);
		ent = ent_first(d, emap_hash(EK_SURNAME, lq.k, lq.kl), Q_SURNAME, &lq,
				0, ent);
		if (ent < 0)
			continue;
		struct xent *e = &d->ents[ent];
		if (m->ent >= 0 && m->ent != ent)
			continue;
		char *full = name_text(d, a, m->t1);
		if (strchr(e->canonical, ' ')) {
			/* "Jane Smith" is not "John Smith". */
			lower_utf8(full, strlen(full), &d->tmp);
			bool same = !strcmp(d->tmp.buf, e->key);
			free(full);
			if (!same)
				continue;
		} else {
			ent_changing(d, ent);
			free(e->canonical);
			e->canonical = full;
			ent_fill_keys(d, e);
			ent_changed(d, ent);
		}
		m->ent = ent;
		m->type = ET_PERSON;
		m->t0 = a;
		m->start = d->t[a].start;
	}
}

/* ---- money and percentages --------------------------------------------- */

static double num_value(const struct xdoc *d, size_t i)
{
	char buf[64];
	size_t n = 0;

	/* "1,2" and "2,50" (German, French): a comma before one or two
	 * digits that end the number is a decimal comma; thousands come in
	 * threes ("1,234"). */
	size_t end = d->t[i].end, comma = end;
	for (size_t k = d->t[i].start; k < end; k++)
		if (d->s[k] == ',')
			comma = k;
	bool decimal = comma < end && (end - comma - 1 == 1 || end - comma - 1 == 2) &&
		       !memchr(d->s + d->t[i].start, '.', end - d->t[i].start);
	for (size_t k = d->t[i].start; k < end && n + 1 < sizeof(buf); k++)
		if (d->s[k] != ',')
			buf[n++] = d->s[k];
		else if (decimal && k == comma)
			buf[n++] = '.';
	buf[n] = '\0';
	return strtod(buf, NULL);
}

static const char *symbol_currency(const struct xdoc *d, size_t i, size_t *first)
{
	const struct xtok *t = &d->t[i];

	*first = i;
	if (t->kind == TK_PUNCT) {
		const char *code = NULL;
		switch (t->cp) {
		case '$': code = "USD"; break;
		case 0x00A3: code = "GBP"; break;
		case 0x20AC: code = "EUR"; break;
		case 0x00A5: code = "JPY"; break;
		case 0x20B9: code = "INR"; break;
		default: return NULL;
		}
		/* "US$", "C$", "HK$", "A$" */
		if (t->cp == '$' && i > 0 && tok_adjacent(d, i) &&
		    d->t[i - 1].kind == TK_WORD) {
			*first = i - 1;
			if (tok_is(d, i - 1, "c"))
				return "CAD";
			if (tok_is(d, i - 1, "a") || tok_is(d, i - 1, "au"))
				return "AUD";
			if (tok_is(d, i - 1, "hk"))
				return "HKD";
			if (tok_is(d, i - 1, "nz"))
				return "NZD";
			if (tok_is(d, i - 1, "s"))
				return "SGD";
			*first = tok_is(d, i - 1, "us") ? i - 1 : i;
		}
		return code;
	}
	if (t->kind == TK_WORD && (t->lex & L_CURRENCY) && (t->flags & TF_ALLCAPS))
		return tok_aux(d, i);
	return NULL;
}

void ent_out(struct xdoc *d, size_t start, size_t end, enum vb_entity_type type,
	     const char *canonical)
{
	struct vb_extraction *x = d->out;

	VB_ALLOC_GROW(x->entities, x->nentities + 1, d->aout_ents);
	struct vb_entity *e = &x->entities[x->nentities++];
	e->text = text_dup_clean(d, start, end);
	e->start = start;
	e->end = end;
	e->type = type;
	e->canonical = vb_strdup(canonical);
}

static void format_amount(char *buf, size_t cap, double v)
{
	if (v == floor(v) && fabs(v) < 1e18) {
		snprintf(buf, cap, "%.0f", v);
		return;
	}
	snprintf(buf, cap, "%.4f", v);
	/* Trim trailing zeros: "0.1250" -> "0.125". */
	size_t n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == '.')
		buf[--n] = '\0';
}

/* A number token, or a number word ("two"), at i: its value. */
static bool number_at(const struct xdoc *d, size_t i, double *v)
{
	if (i >= d->nt)
		return false;
	if (d->t[i].kind == TK_NUM) {
		*v = num_value(d, i);
		return true;
	}
	if (d->t[i].kind == TK_WORD && (d->t[i].lex & L_NUMWORD) &&
	    !(d->t[i].lex & L_SCALE)) {
		*v = d->t[i].val;
		return true;
	}
	return false;
}

/* A scale word after a number: "4.5 million", "3m", "1.2bn"; returns tokens used. */
static size_t scale_at(const struct xdoc *d, size_t i, double *v)
{
	if (i < d->nt && d->t[i].kind == TK_WORD && (d->t[i].lex & L_SCALE)) {
		size_t n = tok_len(d, i);
		/* Short forms ("m", "bn", "k") only glued to the number. */
		if (n <= 2 && !tok_adjacent(d, i) && !tok_is(d, i, "bn") && !tok_is(d, i, "md"))
			return 0;
		if (tok_is(d, i, "b") && !tok_adjacent(d, i))
			return 0;
		*v *= pow(10, d->t[i].val);
		/* "3,4 Mrd. Euro", "120 Mio. Euro"; "12 millions de dollars" */
		size_t used = 1;
		if (i + 2 < d->nt && tok_punct(d, i + 1, '.') && tok_adjacent(d, i + 1) &&
		    d->t[i + 2].kind == TK_WORD && (d->t[i + 2].lex & L_CURRENCY))
			used = 2;
		else if (i + 2 < d->nt && tok_is(d, i + 1, "de") &&
			 d->t[i + 2].kind == TK_WORD && (d->t[i + 2].lex & L_CURRENCY))
			used = 2;
		return used;
	}
	return 0;
}

static void money_in_context(struct xdoc *d);

/*
 * A Chinese sum after the number at i: the byte where it ends and its
 * canonical form in `canon`, or 0.  The run of Han characters after the
 * number holds the scale, the currency and whatever follows.
 */
static size_t zh_money(const struct xdoc *d, size_t i, double *v, char *canon, size_t cap,
		       size_t *start)
{
	/* "人民币28亿元": the currency's name before the number is the sum's. */
	*start = d->t[i].start;
	if (i > 0 && d->t[i - 1].kind == TK_WORD && d->t[i - 1].end == d->t[i].start &&
	    d->t[i - 1].end - d->t[i - 1].start >= 9 &&
	    !memcmp(d->s + d->t[i - 1].end - 9, "\xe4\xba\xba\xe6\xb0\x91\xe5\xb8\x81", 9))
		*start = d->t[i - 1].end - 9;
	static const struct { const char *s; double scale; } scales[] = {
		{ "\xe4\xba\xbf", 1e8 },   /* 亿 */
		{ "\xe4\xb8\x87", 1e4 },   /* 万 */
	};
	static const struct { const char *s, *code; } currencies[] = {
		{ "\xe5\x85\x83\xe4\xba\xba\xe6\xb0\x91\xe5\xb8\x81", "CNY" }, /* 元人民币 */
		{ "\xe7\xbe\x8e\xe5\x85\x83", "USD" },  /* 美元 */
		{ "\xe6\xac\xa7\xe5\x85\x83", "EUR" },  /* 欧元 */
		{ "\xe6\xb8\xaf\xe5\x85\x83", "HKD" },  /* 港元 */
		{ "\xe6\x97\xa5\xe5\x85\x83", "JPY" },  /* 日元 */
		{ "\xe8\x8b\xb1\xe9\x95\x91", "GBP" },  /* 英镑 */
		{ "\xe5\x85\x83", "CNY" },                  /* 元 */
	};
	if (d->t[i].kind != TK_NUM || i + 1 >= d->nt || d->t[i + 1].kind != TK_WORD ||
	    d->t[i + 1].start != d->t[i].end || (unsigned char)d->s[d->t[i + 1].start] < 0xE3)
		return 0;
	const char *w = d->s + d->t[i + 1].start;
	size_t n = d->t[i + 1].end - d->t[i + 1].start, at = 0;
	double value = *v;
	for (size_t k = 0; k < sizeof(scales) / sizeof(scales[0]); k++)
		if (n >= 3 && !memcmp(w, scales[k].s, 3)) {
			value *= scales[k].scale;
			at = 3;
			break;
		}
	for (size_t k = 0; k < sizeof(currencies) / sizeof(currencies[0]); k++) {
		size_t cl = strlen(currencies[k].s);
		if (n - at >= cl && !memcmp(w + at, currencies[k].s, cl)) {
			char amount[64];
			format_amount(amount, sizeof(amount), value);
			snprintf(canon, cap, "%s %s", currencies[k].code, amount);
			return d->t[i + 1].start + at + cl;
		}
	}
	return 0;
}

void entities_money_percent(struct xdoc *d)
{
	char amount[64], canon[96];

	for (size_t i = 0; i < d->nt; i++) {
		if (d->t[i].flags & (TF_BOILER | TF_USED_DATE))
			continue;
		size_t first;
		const char *cur = symbol_currency(d, i, &first);
		double v;
		if (cur && number_at(d, i + 1, &v) && d->t[i + 1].kind == TK_NUM) {
			size_t end = i + 2;
			end += scale_at(d, end, &v);
			format_amount(amount, sizeof(amount), v);
			snprintf(canon, sizeof(canon), "%s %s", cur, amount);
			ent_out(d, d->t[first].start, d->t[end - 1].end,
				       VB_ENTITY_MONEY, canon);
			for (size_t k = first; k < end; k++)
				d->t[k].flags |= TF_USED_DATE;
			i = end - 1;
			continue;
		}
		if (!number_at(d, i, &v))
			continue;
		size_t j = i + 1;
		j += scale_at(d, j, &v);
		/* "50,000 dlrs", "3 mln dlrs", "200 million euros" */
		if (j < d->nt && d->t[j].kind == TK_WORD &&
		    (d->t[j].lex & L_CURRENCY)) {
			format_amount(amount, sizeof(amount), v);
			snprintf(canon, sizeof(canon), "%s %s", tok_aux(d, j),
				 amount);
			ent_out(d, d->t[i].start, d->t[j].end,
				       VB_ENTITY_MONEY, canon);
			for (size_t k = i; k <= j; k++)
				d->t[k].flags |= TF_USED_DATE;
			i = j;
			continue;
		}
		/* Chinese: "128.6亿元", "5000万美元", "3.5亿元人民币": a scale and a
		 * currency opening the run of Han characters after the number. */
		size_t zh_start, zh_end = zh_money(d, i, &v, canon, sizeof(canon), &zh_start);
		if (zh_end) {
			ent_out(d, zh_start, zh_end, VB_ENTITY_MONEY, canon);
			d->t[i].flags |= TF_USED_DATE;
			continue;
		}
		/* Percentages: "40%", "6.4 pct", "12 per cent", "two percent". */
		number_at(d, i, &v);
		size_t pe = 0;
		if (tok_punct(d, i + 1, '%') || tok_punct(d, i + 1, 0xFF05))
			pe = i + 2;
		else if (i + 1 < d->nt && (d->t[i + 1].lex & L_PERCENT))
			pe = i + 2;
		else if (tok_is(d, i + 1, "per") && tok_is(d, i + 2, "cent"))
			pe = i + 3;
		/* "0.25 percentage points", "two percent points" */
		if (pe && (tok_is(d, pe, "points") || tok_is(d, pe, "point")) &&
		    (tok_is(d, pe - 1, "percentage") || tok_is(d, pe - 1, "percent") ||
		     tok_is(d, pe - 1, "pct")))
			pe++;
		if (pe) {
			format_amount(amount, sizeof(amount), v);
			snprintf(canon, sizeof(canon), "%s%%", amount);
			ent_out(d, d->t[i].start, d->t[pe - 1].end,
				       VB_ENTITY_PERCENT, canon);
			for (size_t k = i; k < pe; k++)
				d->t[k].flags |= TF_USED_DATE;
			i = pe - 1;
		}
	}
	money_in_context(d);
}

/*
 * Amounts without a currency in financial text: "Revenue: 2,153.4 million
 * (FY2011: 2,078.6 million)" after "All figures are in crowns", or "a
 * figure closer to 190 million" after "310 million crowns".  A number with
 * a scale word, or with two decimals, is money when a sum or a money word
 * stands in its sentence before it and nothing names what it counts
 * after it; its currency is the one of the last sum before it.
 */
static bool money_word(const struct xdoc *d, size_t i)
{
	static const char *const words[] = {
		"revenue", "revenues", "sales", "turnover", "profit", "profits",
		"income", "loss", "losses", "earnings", "ebitda", "ebit", "cost",
		"costs", "price", "prices", "value", "budget", "investment",
		"funding", "spending", "dividend", "dividends", "cash", "debt",
		"figure", "raise", "raised", "worth", "fee", "fees", "fine",
		"payment", "payments", "proceeds", "capital", "expenditure", NULL,
	};
	return tok_in(d, i, words);
}

/* What may follow an amount: punctuation, or a word saying how it moved. */
static bool amount_ends(const struct xdoc *d, size_t i)
{
	if (i >= d->nt || d->t[i].kind == TK_PUNCT)
		return i >= d->nt || d->t[i].cp != '%';
	static const char *const words[] = {
		"up", "down", "and", "or", "from", "to", "in", "a", "an", "the",
		"compared", "against", "versus", "vs", "last", "this", "year", NULL,
	};
	return tok_in(d, i, words);
}

/* "EUR 238000000" -> "EUR" into out; false when it does not fit. */
static bool currency_of(const char *canonical, char *out, size_t cap)
{
	size_t n = strcspn(canonical, " ");
	if (n >= cap)
		return false;
	memcpy(out, canonical, n);
	out[n] = '\0';
	return true;
}

static void money_in_context(struct xdoc *d)
{
	struct vb_extraction *x = d->out;
	char amount[64], canon[96], cur[8];
	/* The sums found so far are in text order: walk them along. */
	size_t nsums = x->nentities, m = 0;
	char first[8] = "";   /* currency of the first sum of the current sentence */
	uint32_t sent = UINT32_MAX;
	size_t item_start = 0;

	for (size_t i = 0; i < d->nt; i++) {
		/* A sentence, or an item of a list ("- Revenue ..."). */
		if (d->t[i].sent != sent) {
			sent = d->t[i].sent;
			first[0] = '\0';
			item_start = d->t[d->sn[sent].t0].start;
		} else if ((d->t[i].flags & TF_NL_BEFORE) && d->t[i].kind == TK_PUNCT &&
			   (d->t[i].cp == '-' || d->t[i].cp == 0x2022 || d->t[i].cp == '*')) {
			first[0] = '\0';
			item_start = d->t[i].start;
		}
		size_t sent_start = item_start;
		for (; m < nsums && x->entities[m].end <= d->t[i].start; m++)
			if (!first[0] && x->entities[m].type == VB_ENTITY_MONEY &&
			    x->entities[m].start >= sent_start)
				currency_of(x->entities[m].canonical, first, sizeof(first));
		if (d->t[i].kind != TK_NUM || (d->t[i].flags & (TF_BOILER | TF_USED_DATE)))
			continue;
		double v = num_value(d, i);
		size_t j = i + 1 + scale_at(d, i + 1, &v);
		bool decimals = false;
		const char *dot = memchr(d->s + d->t[i].start, '.', tok_len(d, i));
		if (dot && d->s + d->t[i].end - dot == 3)
			decimals = true;
		if ((j == i + 1 && !decimals) || !amount_ends(d, j))
			continue;
		/* A sum in this sentence gives the currency (the first: "2,184.6
		 * million crowns (about EUR 238 million) ... (FY2005: 2,278.0
		 * million)"); else a money word near before, with the last
		 * currency named ("All figures are in crowns"). */
		const char *code = first[0] ? first : NULL;
		bool near = false;
		for (size_t k = i; !code && !near && k-- > 0 && i - k <= 8 &&
				   d->t[k].sent == d->t[i].sent;)
			near = d->t[k].kind == TK_WORD && money_word(d, k);
		for (size_t k = i; !code && near && k-- > 0 &&
				   d->t[i].start - d->t[k].start < 3000;)
			if (d->t[k].kind == TK_WORD && (d->t[k].lex & L_CURRENCY))
				code = tok_aux(d, k);
		if (!code || !currency_of(code, cur, sizeof(cur)))
			continue;
		if (!first[0])
			memcpy(first, cur, sizeof(first));
		format_amount(amount, sizeof(amount), v);
		snprintf(canon, sizeof(canon), "%s %s", cur, amount);
		ent_out(d, d->t[i].start, d->t[j - 1].end, VB_ENTITY_MONEY, canon);
		for (size_t k = i; k < j; k++)
			d->t[k].flags |= TF_USED_DATE;
		i = j - 1;
	}
}

/* ---- output ------------------------------------------------------------ */

/*
 * A word we know nothing of, capitalised inside sentences three times or
 * more and never typed ("Sharespan said ... Sharespan's users ... sued
 * Sharespan"), names an organisation: people come with given names and
 * are linked to them, places are in the gazetteer.
 */
static void recurring_names(struct xdoc *d)
{
	struct strmap count;
	struct vb_buf low = VB_BUF_INIT;

	strmap_init(&count);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < d->nms; i++) {
			struct xmention *m = &d->ms[i];
			if (m->ent >= 0 || m->t1 - m->t0 != 1)
				continue;
			const struct xtok *t = &d->t[m->t0];
			if (t->lex || (t->flags & (TF_ALLCAPS | TF_SENT_START | TF_INQUOTE)) ||
			    !tok_capword(d, m->t0) || tok_len(d, m->t0) < 3 ||
			    demonym_word(d, m->t0))
				continue;
			lower_utf8(d->s + t->start, tok_stem_end(d, m->t0) - t->start, &low);
			if (strmap_get(&d->ex->gaz, low.buf, low.len))
				continue;
			if (pass == 0) {
				/* Counted in running text only, not in a table's
				 * "Start Stocks 1.20": a lower-case word near it. */
				bool prose = false;
				for (size_t k = m->t0 > 2 ? m->t0 - 2 : 0; k < m->t0 + 3 && k < d->nt; k++)
					prose |= k != m->t0 && d->t[k].kind == TK_WORD &&
						 !(d->t[k].flags & TF_CAP);
				if (!prose)
					continue;
				const struct strmap_entry *c = strmap_get(&count, low.buf, low.len);
				strmap_put(&count, low.buf, low.len, 0, c ? c->val + 1 : 1, NULL);
				continue;
			}
			const struct strmap_entry *c = strmap_get(&count, low.buf, low.len);
			if (!c || c->val < 3)
				continue;
			/* A word the text also writes in lower case is a word
			 * ("Total", "Stocks" heading a table), not a name. */
			if (!(c->flags & 1)) {
				bool common = false;
				for (size_t k = 0; k < d->nt && !common; k++)
					common = d->t[k].kind == TK_WORD && !(d->t[k].flags & TF_CAP) &&
						 tok_is(d, k, low.buf);
				c = strmap_put(&count, low.buf, low.len, 1u | (common ? 2u : 0u), 0, NULL);
			}
			if (c->flags & 2)
				continue;
			char *txt = name_text(d, m->t0, m->t1);
			int e = ent_find(d, txt, ET_ORG);
			if (e < 0)
				e = ent_add(d, ET_ORG, txt);
			free(txt);
			if (d->ents[e].type == ET_NONE)
				ent_set_type(d, e, ET_ORG);
			m->ent = e;
			m->type = d->ents[e].type;
		}
	}
	strmap_release(&count);
	vb_buf_release(&low);
}

/* Link the mentions of no entity yet to one found by name, if any. */
static void link_unlinked(struct xdoc *d)
{
	for (size_t i = 0; i < d->nms; i++) {
		struct xmention *m = &d->ms[i];
		if (m->ent < 0) {
			char *txt = name_text(d, m->t0, m->t1);
			m->ent = ent_find(d, txt, ET_NONE);
			free(txt);
		}
	}
}

void entities_finish(struct xdoc *d)
{
	link_unlinked(d);
	recurring_names(d);
	/* Again: "Sharespan" opening a sentence is the organisation just made. */
	link_unlinked(d);
	for (size_t i = 0; i < d->nms; i++) {
		struct xmention *m = &d->ms[i];
		if (m->ent < 0 || d->ents[m->ent].type == ET_NONE)
			continue;
		const struct xent *e = &d->ents[m->ent];
		if (d->t[m->t0].flags & TF_INQUOTE && e->type == ET_NONE)
			continue;
		enum vb_entity_type type = e->type == ET_PERSON ? VB_ENTITY_PERSON :
					   e->type == ET_ORG ? VB_ENTITY_ORGANISATION :
							       VB_ENTITY_PLACE;
		ent_out(d, m->start, m->end, type, e->canonical);
	}
}
