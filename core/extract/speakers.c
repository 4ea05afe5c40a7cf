/* speakers.c: who says it: noun phrases around speech verbs, appositives, pronouns and canonical names. */
#include "extract/internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

void xspeaker_release(struct xspeaker *sp)
{
	free(sp->role);
	free(sp->org);
	free(sp->name);
	memset(sp, 0, sizeof(*sp));
	sp->ent = -1;
}

/* A title that holds a portfolio: "Minister for ...", "Energy Secretary". */
static bool ministerial_title(const struct xdoc *d, size_t i)
{
	return tok_in(d, i, (const char *const[]){ "minister", "ministers", "secretary",
			"undersecretary", "under-secretary", "commissioner", NULL });
}

void xspeaker_dup(struct xspeaker *sp, const struct xspeaker *from)
{
	*sp = *from;
	sp->role = from->role ? vb_strdup(from->role) : NULL;
	sp->org = from->org ? vb_strdup(from->org) : NULL;
	sp->name = from->name ? vb_strdup(from->name) : NULL;
}

static bool is_word(const struct xdoc *d, size_t i)
{
	return i < d->nt && d->t[i].kind == TK_WORD;
}

static bool lower_word(const struct xdoc *d, size_t i)
{
	return is_word(d, i) && !(d->t[i].flags & TF_CAP);
}

/* Words that may stand between a speaker and the verb: "Smith also said". */
size_t skip_adverbs_left(const struct xdoc *d, size_t i, size_t limit)
{
	/* French perfect: "La SNCF a indiqué", "ils ont déclaré", "avait
	 * précisé": the auxiliary before a participle of saying. */
	if (i > limit && i < d->nt && lower_word(d, i - 1) && (d->t[i].lex & L_CUE) &&
	    tok_len(d, i) > 2 && !memcmp(d->s + d->t[i].end - 2, "\xc3\xa9", 2) &&
	    tok_in(d, i - 1, (const char *const[]){ "a", "ont", "avait", "avaient", NULL }))
		i--;
	for (;;) {
		size_t before = i;
		/* "Oxfam and Greenpeace both said" ("said both sales need"
		 * is the clause's) */
		while (i > limit && lower_word(d, i - 1) &&
		       (((d->t[i - 1].lex & L_ADV) && !(d->t[i - 1].lex & L_CUE)) ||
			tok_is(d, i - 1, "both")))
			i--;
		/* "Acme on Sunday said", "Acme Tuesday said" */
		if (i > limit && is_word(d, i - 1) && (d->t[i - 1].lex & L_WEEKDAY) &&
		    (d->t[i - 1].flags & TF_CAP)) {
			i--;
			if (i > limit && (tok_is(d, i - 1, "on")))
				i--;
		}
		if (i == before)
			return i;
	}
}

static bool weekday_or_date_word(const struct xdoc *d, size_t i)
{
	return i < d->nt && (d->t[i].lex & (L_WEEKDAY | L_MONTH));
}

/* Nouns of "in a statement", "at a news conference", "in an interview"... */
static bool statement_noun(const struct xdoc *d, size_t i)
{
	static const char *const nouns[] = {
		"statement", "interview", "release", "note", "letter", "report",
		"filing", "conference", "speech", "briefing", "email",
		"e-mail", "message", "post", "blog", "tweet", "comments",
		"remarks", "testimony", "address", "presentation", "meeting",
		"call", "broadcast", "television", "radio", "newspaper",
		"communique", "communiqué", "announcement", "memo",
		"submission", "affidavit", "document", "documents", "paper",
		"emailed", "written", "prepared", "telephone", "phone",
		"opinion", "ruling", "judgment", "judgement", "decision",
		"column", "article", "essay", "podcast", "video", "op-ed",
		"dissent", "concurrence", "complaint", "lawsuit", "petition",
		"motion", "appeal", "book", "memoir", "editorial", "newsletter",
		"website", "account", "page", "programme", "program", "channel",
		"feed", "media",
	};
	for (size_t k = 0; k < sizeof(nouns) / sizeof(nouns[0]); k++)
		if (tok_is(d, i, nouns[k]))
			return true;
	return false;
}

/*
 * Adverbials after a speech verb: "said on Tuesday", "said in a statement",
 * "said late on Friday", "told a news conference", "said yesterday".
 * Returns the first token after them.
 */
size_t skip_adverbials_right(const struct xdoc *d, size_t i, size_t end)
{
	for (;;) {
		size_t start = i;
		/* not "last" of "last month" (below), nor "further" of "said
		 * further work would" */
		while (i < end && lower_word(d, i) && (d->t[i].lex & L_ADV) &&
		       !(d->t[i].lex & L_CUE) &&
		       !(tok_is(d, i, "last") && i + 1 < end && !tok_is(d, i + 1, "night")) &&
		       !(tok_is(d, i, "further") && i + 1 < end && lower_word(d, i + 1) &&
			 !tok_is(d, i + 1, "that")))
			i++;
		if (i < end && (tok_is(d, i, "late") || tok_is(d, i, "early")) &&
		    tok_is(d, i + 1, "on"))
			i++;
		if (i < end && (tok_is(d, i, "on") || tok_is(d, i, "in")) &&
		    weekday_or_date_word(d, i + 1) && (d->t[i + 1].flags & TF_CAP)) {
			i += 2;
			if (i < end && d->t[i].kind == TK_NUM)
				i++;
			continue;
		}
		if (i < end && weekday_or_date_word(d, i) &&
		    (d->t[i].lex & L_WEEKDAY)) {
			i++;
			continue;
		}
		if (i + 1 < end && (tok_is(d, i, "last") || tok_is(d, i, "this")) &&
		    (tok_is(d, i + 1, "week") || tok_is(d, i + 1, "month") ||
		     tok_is(d, i + 1, "year") || tok_is(d, i + 1, "night") ||
		     tok_is(d, i + 1, "morning") || tok_is(d, i + 1, "evening") ||
		     weekday_or_date_word(d, i + 1))) {
			i += 2;
			continue;
		}
		/* "said on Twitter that", "wrote on LinkedIn:", "said on CNN,":
		 * where it was said, a name of one to three words. */
		if (i + 1 < end && (tok_is(d, i, "on") || tok_is(d, i, "via")) &&
		    !(d->t[i].flags & TF_CAP) && tok_capword(d, i + 1) &&
		    !(d->t[i + 1].lex & (L_WEEKDAY | L_MONTH | L_GIVEN | L_HONORIFIC))) {
			size_t k = i + 1;
			while (k < end && k < i + 4 && tok_capword(d, k))
				k++;
			if (k >= end || tok_is(d, k, "that") || tok_punct(d, k, ',') ||
			    tok_punct(d, k, ':') || weekday_or_date_word(d, k)) {
				i = k;
				continue;
			}
		}
		if (i < end && (tok_is(d, i, "in") || tok_is(d, i, "at") ||
				tok_is(d, i, "during") || tok_is(d, i, "via") ||
				tok_is(d, i, "through") || tok_is(d, i, "on") ||
				tok_is(d, i, "by"))) {
			/* Up to five words ending in a statement noun. */
			size_t k = i + 1, lim = i + 9;
			bool ok = false;
			/* "in her 84-page opinion" */
			while (k < end && k < lim && (is_word(d, k) || d->t[k].kind == TK_NUM ||
						      (tok_punct(d, k, '-') && tok_adjacent(d, k)))) {
				if (statement_noun(d, k)) {
					ok = true;
					/* "news conference", "press release" */
					while (k + 1 < end && statement_noun(d, k + 1))
						k++;
					break;
				}
				k++;
			}
			if (ok) {
				i = k + 1;
				/* "in a memo to staff that", "in a letter to
				 * shareholders, ...": whom it was written to */
				if (i + 1 < end && tok_is(d, i, "to")) {
					size_t m = i + 1;
					while (m < end && m < i + 5 && is_word(d, m) &&
					       !tok_is(d, m, "that") && !(d->t[m].lex & L_VERB_NOT_NAME) &&
					       !(d->t[m].lex & L_CUE))
						m++;
					if (m > i + 1 && m < end && (tok_is(d, m, "that") || tok_punct(d, m, ',')))
						i = m;
				}
				/* "in a statement issued on Monday", "...released by X" */
				if (i < end && (tok_is(d, i, "issued") ||
						tok_is(d, i, "released") ||
						tok_is(d, i, "published") ||
						tok_is(d, i, "posted"))) {
					i++;
					while (i < end && d->t[i].kind != TK_PUNCT &&
					       !tok_is(d, i, "that"))
						i++;
				}
				continue;
			}
		}
		/* "told reporters in Geneva that", "said at Westminster on
		 * Tuesday": a place's name, when "that", a comma or another
		 * adverbial follows it. */
		if (i + 1 < end && (tok_is(d, i, "in") || tok_is(d, i, "at")) &&
		    !(d->t[i].flags & TF_CAP) && tok_capword(d, i + 1) &&
		    !weekday_or_date_word(d, i + 1)) {
			size_t r = name_run_right(d, i + 1, end);
			/* "in Surrey, England," */
			if (r > i + 1 && r + 1 < end && tok_punct(d, r, ',') && tok_capword(d, r + 1)) {
				size_t r2 = name_run_right(d, r + 1, end);
				if (r2 > r + 1 && run_type(d, r + 1, r2) == ET_PLACE)
					r = r2;
			}
			if (r > i + 1 && r - i - 1 <= 6 && run_type(d, i + 1, r) != ET_PERSON &&
			    r < end && (tok_is(d, r, "that") || tok_punct(d, r, ',') ||
					skip_adverbials_right(d, r, end) > r)) {
				i = r;
				continue;
			}
		}
		if (i < end && tok_punct(d, i, ',') && i > start)
			continue;
		if (i == start)
			return i;
	}
}

/*
 * Degrees and honours written after a name: "Jane Doe, Ph.D., chief
 * executive", "John Roe, M.D.", "Sir Ian Lee, OBE".  At the comma e,
 * returns the token after the post-nominal (its own comma, when one
 * follows), or e when there is none.
 */
static size_t skip_postnominals(const struct xdoc *d, size_t e, size_t limit)
{
	static const char *const words[] = {
		"phd", "md", "mba", "jd", "jr", "sr", "esq", "cpa", "cfa", "rn",
		"dphil", "frcp", "frs", "obe", "cbe", "mbe", "kbe", "kc", "qc",
		"ii", "iii", "iv", "msc", "bsc", "llm", "dds", "dvm", "pharmd",
		"faia", "facc", "facs", NULL,
	};
	while (tok_punct(d, e, ',') && e + 1 < limit && d->t[e + 1].kind == TK_WORD &&
	       (d->t[e + 1].flags & (TF_CAP | TF_ALLCAPS))) {
		char w[12];
		size_t n = 0, k = e + 1;
		/* Letters of the words and dots up to the next comma or end. */
		while (k < limit && k < e + 6 && !tok_punct(d, k, ',')) {
			if (d->t[k].kind == TK_WORD) {
				for (size_t b = d->t[k].start; b < d->t[k].end && n < sizeof(w) - 1; b++) {
					char c = d->s[b];
					if (c == '.')
						continue;
					if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
						return e;
					w[n++] = (char)(c | 0x20);
				}
			} else if (!tok_punct(d, k, '.')) {
				return e;
			}
			k++;
		}
		w[n] = 0;
		size_t i = 0;
		while (words[i] && strcmp(words[i], w))
			i++;
		if (!words[i])
			return e;
		e = k;
	}
	return e;
}

/* A role or description in lower case, but for its acronyms ("CEO",
 * "OPEC"): words of two to five capital letters keep them. */
char *lower_dup(struct xdoc *d, size_t start, size_t end)
{
	char *t = text_dup_clean(d, start, end);
	size_t n = strlen(t);
	lower_utf8(t, n, &d->tmp);
	if (d->tmp.len == n) {
		for (size_t i = 0; i < n;) {
			size_t j = i;
			while (j < n && t[j] >= 'A' && t[j] <= 'Z')
				j++;
			bool word = (i == 0 || !isalnum((unsigned char)t[i - 1])) &&
				    (j == n || !isalnum((unsigned char)t[j]));
			if (word && j - i >= 2 && j - i <= 5)
				memcpy(d->tmp.buf + i, t + i, j - i);
			i = j > i ? j : i + 1;
		}
	}
	free(t);
	return vb_strdup(d->tmp.buf);
}

/* A word after the head noun of a phrase: "service [used] by", "firm [behind] it". */
static bool np_ends(const struct xdoc *d, size_t i)
{
	static const char *const words[] = {
		"used", "owned", "run", "operated", "founded", "backed", "known",
		"behind", "with", "in", "whose", "where", "since", "from", "on",
		"and", "at", NULL,
	};
	if (tok_punct(d, i, ','))
		return true;
	/* "the union representing harbour workers": a participle with
	 * its object; not a noun ("the court building", "the court
	 * hearing on Monday"). */
	if (ing_word(d, i) && is_word(d, i + 1) &&
	    ((d->t[i + 1].lex & L_DET) ||
	     !(d->t[i + 1].lex & (L_STOP | L_CONNECT | L_DATE_PREP | L_CUE))))
		return true;
	return tok_in(d, i, words);
}

/* A word that qualifies a title, not an organisation: "Interim Chief
 * Executive", "Lead author". */
static bool title_modifier(const struct xdoc *d, size_t i)
{
	return tok_in(d, i, (const char *const[]){ "interim", "acting", "former", "incoming",
			"outgoing", "founding", "joint", "assistant", "associate", "lead",
			"co-lead", NULL });
}

/* Is [t0, t1) a place's name: known, or found as one in this text? */
static bool place_named(const struct xdoc *d, size_t t0, size_t t1)
{
	if (run_type(d, t0, t1) == ET_PLACE)
		return true;
	for (size_t i = 0; i < d->nms; i++)
		if (d->ms[i].t0 == t0 && d->ms[i].t1 == t1)
			return d->ms[i].type == ET_PLACE;
	return false;
}

/* The definite article of the document's language, when it is not
 * English: "El alcalde de Toledo", "La SNCF", "Die Bahn". */
bool foreign_article(const struct xdoc *d, size_t i)
{
	if (doc_lang(d, "es"))
		return tok_in(d, i, (const char *const[]){ "el", "la", "los", "las", "un", "una",
				NULL });
	if (doc_lang(d, "fr"))
		return tok_in(d, i, (const char *const[]){ "le", "la", "les", "un", "une", NULL });
	if (doc_lang(d, "de"))
		return tok_in(d, i, (const char *const[]){ "der", "die", "das", "ein", "eine",
				NULL });
	return false;
}

/* An indefinite article of English, German, French or Spanish ("a",
 * "ein", "une"), which makes a speaker anonymous ("a spokesman"). */
static bool indefinite_article(const struct xdoc *d, size_t i)
{
	return tok_in(d, i, (const char *const[]){ "a", "an", "ein", "eine", "un", "una", "une",
			NULL });
}

/* The one organisation whose name holds `word` (lower case) as a word:
 * "the centre's director" of the "Centre for Information Law"; -2 when
 * none or several do. */
static int org_with_word(const struct xdoc *d, const char *word)
{
	int one = -2;
	size_t wl = strlen(word);
	for (size_t k = 0; k < d->nents; k++) {
		const char *c = d->ents[k].canonical;
		if (d->ents[k].type != ET_ORG || !c)
			continue;
		for (const char *p = c; (p = strcasestr(p, word)) != NULL; p += wl) {
			bool start = p == c || p[-1] == ' ';
			bool end = !p[wl] || p[wl] == ' ' || p[wl] == ',';
			if (start && end) {
				if (one >= 0 && one != (int)k)
					return -2;
				one = (int)k;
				break;
			}
		}
	}
	return one;
}

/*
 * Role and organisation from an appositive or title: "chairman and chief
 * executive of the Acme Federation", "Acme's head of digital", "the group's
 * spokeswoman", "a spokesman for the Union".
 */
static void parse_appositive(struct xdoc *d, size_t a0, size_t a1,
			     struct xspeaker *sp, bool *personish)
{
	size_t i = a0;

	*personish = false;
	if (a0 >= a1)
		return;
	if (tok_is(d, i, "who") || tok_is(d, i, "which") || tok_is(d, i, "whose"))
		return;
	/* "De Croo, in Washington for talks with Administration officials,
	 * said": where and why, not what the person is. */
	if (lower_word(d, i) && tok_in(d, i, (const char *const[]){ "in", "on", "here", "there",
			"after", "before", "during", "while", "back", NULL }))
		return;
	while (i < a1 && is_word(d, i) && ((d->t[i].lex & L_DET) || foreign_article(d, i)) &&
	       !(d->t[i].flags & TF_POSS))
		i++;
	/* "Chief Executive Officer of Acme", "Acme Chief Financial Officer" */
	size_t title0 = i, title1 = title_case_role(d, i, a1);
	size_t run = name_run_right(d, i, a1);
	if (title1 > i) {
	} else if (run > i && (d->t[run - 1].flags & TF_POSS)) {
		/* "Acme's Chief Executive", "Acme's Regional Director for
		 * Africa": after an owner, words the lexicon does not know
		 * before a title are the title's. */
		title0 = run;
		size_t m = run;
		while (m < run + 2 && m < a1 && tok_capword(d, m) && !d->t[m].lex &&
		       !(d->t[m].flags & TF_POSS))
			m++;
		title1 = title_case_role(d, m, a1);
		if (title1 == m)
			title1 = title_case_role(d, run, a1);
	} else if (run == i && is_word(d, i) && (d->t[i].flags & TF_POSS)) {
		/* "the company's Chief Medical Officer" */
		title0 = i + 1;
		title1 = title_case_role(d, i + 1, a1);
	} else if (run > i && !(demonym_word(d, i) && !tok_capword(d, i + 2))) {
		for (title0 = i + 1; title0 < run; title0++)
			if (!(d->t[title0 - 1].lex & L_GIVEN) &&
			    title_case_role(d, title0, a1) == run)
				break;
		title1 = title0 < run ? run : i;
	}
	if (title1 > title0)
		*personish = true;
	/* The role part ends at a relative clause: "a company that owns ...". */
	size_t rel = i;
	while (rel < a1 && !tok_is(d, rel, "that") && !tok_is(d, rel, "which") &&
	       !tok_is(d, rel, "who") && !tok_punct(d, rel, '('))
		rel++;
	a1 = rel;
	/* ", of the Save the Avel group,": where the speaker comes from, not
	 * what the speaker is. */
	bool complement = tok_is(d, a0, "of") || tok_is(d, a0, "from");
	for (size_t k = i; k < a1; k++) {
		if (!is_word(d, k) || (d->t[k].flags & TF_CAP))
			continue;
		/* "chair of the harbour board": what follows a role's "of" names
		 * where the person works, not what the speaker is. */
		if (*personish && (tok_is(d, k, "of") || tok_is(d, k, "at") ||
				   tok_is(d, k, "for") || tok_is(d, k, "with")))
			complement = true;
		if (d->t[k].lex & (L_ROLE | L_NOM_PERSON | L_HONORIFIC))
			*personish = true;
		/* "a hydrologist at Marlow University", "an economist with
		 * Harwell Securities": one works at or with a named place;
		 * an organisation is "of" or "in" one. */
		if (!complement && k < i + 3 && is_word(d, a0) && (d->t[a0].lex & L_DET) &&
		    (k == i || !(d->t[k - 1].lex & (L_STOP | L_CONNECT | L_DATE_PREP))) &&
		    !(d->t[k].lex & (L_NOM_ORG | L_STOP | L_CONNECT | L_DET)) &&
		    k + 2 < a1 && (tok_is(d, k + 1, "at") || tok_is(d, k + 1, "with")) &&
		    tok_capword(d, k + 2 + tok_is(d, k + 2, "the"))) {
			*personish = true;
			complement = true;
		}
		/* "a Hong Kong investment firm", "the file-sharing service used
		 * by millions": the speaker is an organisation. */
		if (!complement && (d->t[k].lex & L_NOM_ORG) && !(d->t[k].lex & L_NOM_PERSON) &&
		    !(d->t[k].flags & TF_POSS) &&
		    (k + 1 == a1 || tok_is(d, k + 1, "of") || tok_is(d, k + 1, "based") ||
		     (!*personish && np_ends(d, k + 1)))) {
			*personish = false;
			sp->type = ET_ORG;
			return;
		}
	}
	/* Possessive organisation first: "Acme's head of digital". */
	size_t role0 = i, role1 = a1, org0 = 0, org1 = 0;
	bool its = false;
	size_t r = name_run_right(d, i, a1);
	if (r > i && (d->t[r - 1].flags & TF_POSS)) {
		org0 = i;
		org1 = r;
		role0 = r;
	} else if (r > i && r + 1 < a1 && d->t[r].kind == TK_PUNCT &&
		   (d->t[r].cp == '\'' || d->t[r].cp == 0x2019) && tok_adjacent(d, r) &&
		   d->s[d->t[r - 1].end - 1] == 's') {
		/* "Tidewater Ferries' managing director" */
		org0 = i;
		org1 = r;
		role0 = r + 1;
	} else if (i < a1 && lower_word(d, i) && (d->t[i].flags & TF_POSS)) {
		/* "the group's spokeswoman": the organisation the nominal
		 * stands for, resolved as "its" is; "the country's foreign
		 * minister": a place's, no organisation. */
		role0 = i + 1;
		if ((d->t[i].lex & L_NOM_ORG) && !tok_in(d, i, (const char *const[]){ "government",
				"administration", "regime", "military", "army", "police", NULL })) {
			/* "the association's": the one organisation whose name
			 * ends so, else the one "it" would be. */
			char *nom = lower_dup(d, d->t[i].start, tok_stem_end(d, i));
			struct vb_buf the = VB_BUF_INIT;
			vb_buf_addf(&the, "the %s", nom);
			int named = ent_tail(d, the.buf) >= 0 ? -1 : org_with_word(d, nom);
			free(nom);
			if (named >= 0) {
				free(sp->org);
				sp->org = vb_strdup(d->ents[named].canonical);
			} else if (named == -1) {
				org0 = i > a0 ? i - 1 : i;
				org1 = i + 1;
			} else {
				its = true;
			}
			vb_buf_release(&the);
		}
	}
	if (!org1 && !its && title1 > title0 && title0 > i) {
		org0 = i;
		org1 = title0;
		role0 = title0;
		/* "the Foreign Secretary", "the UN High Commissioner for
		 * Refugees": a portfolio's word is the role's, not a name. */
		if (portfolio(d, title0 - 1, title0)) {
			role0 = org1 = title0 - 1;
			if (org1 == org0)
				org1 = 0;
		}
	}
	/* "... of/at/for [the] Acme Federation" */
	size_t portfolio_end = 0;
	for (size_t k = role0; k < a1; k++) {
		if (!(tok_is(d, k, "of") || tok_is(d, k, "at") ||
		      tok_is(d, k, "for") || tok_is(d, k, "with") ||
		      tok_is(d, k, "from") ||
		      tok_is(d, k, "von") || tok_is(d, k, "bei") ||
		      tok_is(d, k, "de") || tok_is(d, k, "del")))
			continue;
		size_t n = k + 1;
		if (tok_is(d, n, "the") || foreign_article(d, n))
			n++;
		size_t e = name_run_right(d, n, a1);
		/* "a nurse from Ashby": where one lives, not for whom
		 * ("a pork producer from Illinois and chairman of the
		 * National Pork Board" goes on). */
		if (tok_is(d, k, "from") && e > n && place_named(d, n, e)) {
			if (e < a1 && (tok_is(d, e, "and") || tok_punct(d, e, ','))) {
				k = e - 1;
				continue;
			}
			role1 = k;
			break;
		}
		/* "Minister for Digital Affairs", "Secretary of State for
		 * Health", "Commissioner for Jobs, Growth and Investment": a
		 * government title's portfolio is part of the role. */
		if (k > role0 && n == k + 1 && (tok_is(d, k, "for") || tok_is(d, k, "of")) &&
		    (ministerial_title(d, k - 1) ||
		     (tok_is(d, k - 1, "state") && tok_is(d, k - 2, "of")) ||
		     /* "Undersecretary of Commerce for Economic Affairs" */
		     (portfolio_end == k && tok_is(d, k, "for"))) &&
		    e > n && !part_has(d, n, e, L_ORG_CUE | L_ORG_SUFFIX) &&
		    run_type(d, n, e) != ET_ORG && run_type(d, n, e) != ET_PLACE) {
			size_t le = title_list_end(d, k - 1, a1);
			portfolio_end = le > k ? le : e;
			k = portfolio_end - 1;
			continue;
		}
		/* "Head of Research at Acme": the first name is a department
		 * (but "the Centre for Information Law" is one name). */
		if (e > n && tok_is(d, e, "at") &&
		    run_type(d, n, e) != ET_ORG) {
			size_t n2 = e + 1 + tok_is(d, e + 1, "the");
			size_t e2 = name_run_right(d, n2, a1);
			if (e2 > n2) {
				k = e;
				n = n2;
				e = e2;
			}
		}
		if (e > n && !org1) {
			role1 = k;
			org0 = n;
			org1 = e;
			break;
		}
	}
	/* A capitalised modifier: "the Acme spokesman", "Acme chief executive";
	 * not a nation's adjective ("Dutch roasters"), nor a title's word
	 * opening the sentence ("Chief executive Margot Ellery"). */
	bool one_word = name_run_right(d, role0, a1) == role0 + 1;
	if (!org1 && !(one_word && (demonym_word(d, role0) ||
				    (d->t[role0].lex & (L_ROLE | L_HONORIFIC))))) {
		size_t e = name_run_right(d, role0, a1);
		if (e > role0 && e < a1 && lower_word(d, e) &&
		    (d->t[e].lex & (L_ROLE | L_NOM_PERSON)) &&
		    !(e == role0 + 1 && (title_modifier(d, role0) ||
					 /* "one Western envoy" */
					 tok_in(d, role0, (const char *const[]){ "western",
						"eastern", "northern", "southern", "arab", "gulf",
						NULL })))) {
			/* "Chicago physician": where one works, not for whom
			 * (but "the GAO official" is no city of Mali's). */
			if (run_type(d, role0, e) != ET_PLACE ||
			    (e == role0 + 1 && (d->t[role0].flags & TF_ALLCAPS))) {
				org0 = role0;
				org1 = e;
			}
			role0 = e;
		}
	}
	if (role1 > role0 && *personish) {
		/* Keep the role to its words: stop at a comma or "who". */
		size_t e = role0;
		while (e < role1 && (e < portfolio_end ||
				     (!tok_punct(d, e, ',') && !tok_is(d, e, "who") &&
				      !tok_punct(d, e, '('))))
			e++;
		if (e > role0) {
			free(sp->role);
			sp->role = lower_dup(d, d->t[role0].start, d->t[e - 1].end);
		}
	}
	if (org1 > org0) {
		free(sp->org);
		sp->org = text_dup_clean(d, d->t[org0].start,
					 tok_stem_end(d, org1 - 1));
		/* Only a name after "of", "at", "for": "CEO of Shopwise", not
		 * "Finance Minister" or "Advertising agents". */
		size_t p = org0 > 0 && tok_is(d, org0 - 1, "the") ? org0 - 1 : org0;
		if (tok_capword(d, org0) && p > 0 &&
		    (tok_is(d, p - 1, "of") || tok_is(d, p - 1, "at") || tok_is(d, p - 1, "for"))) {
			sp->org_t0 = org0;
			sp->org_t1 = org1;
		}
	} else if (*personish && !sp->org && (its || tok_is(d, a0, "its"))) {
		/* "Its area director, Sunil Mehta": the organisation "it" is,
		 * resolved with the speakers (speakers_resolve). */
		sp->org = vb_strdup("its");
	}
}

/* A document that can say something: "the statement said". */
static bool document_noun(const struct xdoc *d, size_t i)
{
	return tok_in(d, i, (const char *const[]){ "statement", "memo", "letter", "email",
			"e-mail", "release", "note", "notice", "filing", "communique",
			"communiqué", "announcement", NULL });
}

/* Lowercase, or capitalised only because it opens the sentence. */
static bool plain_word(const struct xdoc *d, size_t i)
{
	return is_word(d, i) &&
	       (!(d->t[i].flags & TF_CAP) || (d->t[i].flags & TF_SENT_START) ||
		(i > 0 && d->t[i - 1].kind == TK_PUNCT &&
		 (d->t[i - 1].flags & TF_SENT_START)));
}


/* German capitalises its nouns: "sagte ein Sprecher der Nordbahn". */
static bool nominal_word(const struct xdoc *d, size_t i)
{
	return (plain_word(d, i) || (doc_lang(d, "de") && is_word(d, i))) &&
	       !(d->t[i].flags & TF_ALLCAPS) &&
	       (d->t[i].lex & (L_NOM_PERSON | L_NOM_ORG | L_PLURAL_NOM));
}

static bool det_word(const struct xdoc *d, size_t i)
{
	return plain_word(d, i) && ((d->t[i].lex & L_DET) || foreign_article(d, i) ||
				    /* "one shop steward told the Gazette" */
				    tok_in(d, i, (const char *const[]){ "one", "another", NULL })) &&
	       !(d->t[i].flags & TF_POSS);
}

/* Words that qualify a speaker's noun: "senior officials", "one dealer". */
static bool common_modifier(const struct xdoc *d, size_t k)
{
	static const char *const words[] = {
		"senior", "top", "former", "local", "foreign", "industry", "government",
		"company", "party", "union", "defence", "defense", "finance", "trade",
		"police", "military", "western", "u.s.", "european", "other", "some",
		"many", "one", "another", "two", "three", "several", NULL,
	};
	return tok_in(d, k, words);
}

/* The word at i is written capitalised inside a sentence in the document
 * (within 20,000 tokens, to stay linear on huge ones): a name, not a
 * common word opening its sentence. */
bool capitalised_inside(const struct xdoc *d, size_t i)
{
	size_t n = tok_len(d, i), end = d->nt - i > 20000 ? i + 20000 : d->nt;
	for (size_t k = i > 20000 ? i - 20000 : 0; k < end; k++)
		if (k != i && (d->t[k].flags & TF_CAP) && !(d->t[k].flags & TF_SENT_START) &&
		    tok_len(d, k) == n && !memcmp(d->s + d->t[k].start, d->s + d->t[i].start, n))
			return true;
	return false;
}

/* "a spokesman", "the company", "Acme officials", "the Acme spokesman". */
static bool nominal_left(struct xdoc *d, size_t e, size_t limit,
			 struct xspeaker *sp)
{
	size_t head = e - 1, i = head;

	if (!nominal_word(d, head))
		return false;
	/* Modifiers: role words, capitalised names, possessives, adjectives;
	 * and up to two other plain words where the noun phrase is bounded:
	 * by a determiner before a singular noun ("the port authority", "the
	 * regional transport ministry"), by a comma or the sentence's start
	 * before a plural, which needs no determiner ("..., palm oil growers
	 * said"; not "In the past two years analysts said"). */
	bool plural = (d->t[head].lex & L_PLURAL_NOM) != 0;
	size_t generic = 0, before_generic = i;
	while (i > limit) {
		size_t k = i - 1;
		if (det_word(d, k)) {
			i = k;
			if (!plural)
				generic = 0;
			break;
		}
		if (lower_word(d, k) && (d->t[k].lex & (L_ROLE | L_NOM_PERSON)) &&
		    !(d->t[k].lex & (L_CUE | L_STOP)))
			i = k;
		else if (tok_capword(d, k) && !(d->t[k].lex & (L_STOP | L_PRONOUN)))
			i = k;
		else if (lower_word(d, k) && (d->t[k].flags & TF_POSS) &&
			 (d->t[k].lex & L_NOM_ORG))
			i = k;
		else if (plain_word(d, k) && common_modifier(d, k))
			i = k;
		else if (tok_punct(d, k, '-') && tok_adjacent(d, k))
			i = k;
		else if (generic < 2 && lower_word(d, k) &&
			 !(d->t[k].lex & (L_STOP | L_CUE | L_PRONOUN | L_MONTH | L_WEEKDAY))) {
			if (!generic)
				before_generic = i;
			generic++;
			i = k;
		} else
			break;
	}
	if (generic && plural &&
	    (i == 0 || tok_punct(d, i - 1, ',') || d->t[i - 1].sent != d->t[i].sent))
		generic = 0;
	if (generic)
		i = before_generic;
	/* A bare singular noun without determiner is not a speaker ("sales said"?). */
	bool has_det = det_word(d, i);
	bool has_mod = i < head;
	if (!plural && !has_det && !has_mod)
		return false;
	/* "two of the sources said", "one of the people": some of them. */
	bool some = false;
	if (has_det && tok_is(d, i, "the") && i >= limit + 2 && tok_is(d, i - 1, "of") &&
	    is_word(d, i - 2) && ((d->t[i - 2].lex & L_NUMWORD) ||
				   tok_in(d, i - 2, (const char *const[]){ "some", "many",
					"several", "most", "both", "all", NULL }))) {
		i -= 2;
		some = true;
	}
	sp->how = SP_NOMINAL;
	sp->t0 = i;
	sp->t1 = e;
	sp->name_t0 = i;
	sp->name_t1 = e;
	sp->plural = plural;
	sp->type = (d->t[head].lex & L_NOM_ORG) && !(d->t[head].lex & L_NOM_PERSON)
			   ? ET_ORG : ET_PERSON;
	sp->anonymous = !has_det || indefinite_article(d, i) || tok_is(d, i, "one") ||
			tok_is(d, i, "another") || plural || some;
	/* "The company" opening a sentence is "the company". */
	/* "McLean's United States Lines subsidiary said": the organisation speaks. */
	if (sp->type == ET_ORG && !plural && head > i && tok_capword(d, head - 1)) {
		size_t r0 = name_run_left(d, head, i);
		/* "The Hughes board said": "The" opens the sentence */
		if (r0 + 1 < head && tok_is(d, r0, "the") && (d->t[r0].flags & TF_SENT_START) &&
		    !(r0 + 2 == head && demonym_word(d, r0 + 1)))	/* "The Indonesian government" */
			r0++;
		if (r0 < head && !(d->t[r0].lex & (L_STOP | L_DET))) {
			sp->how = SP_NAME;
			sp->name_t0 = r0;
			sp->name_t1 = head;
			sp->anonymous = false;
			return true;
		}
	}
	/* Organisation from a capitalised modifier or possessive; not from
	 * a word capitalised as the sentence's first ("Another source"). */
	size_t m0 = has_det ? i + 1 : i;
	while (m0 < head && plain_word(d, m0) && (d->t[m0].flags & TF_CAP) &&
	       (common_modifier(d, m0) || (d->t[m0].lex & (L_STOP | L_ROLE)) ||
		/* "Climate scientists say": an unknown word opening the
		 * sentence, never capitalised inside one in the document. */
		(m0 + 1 == head && (d->t[m0].flags & TF_SENT_START) && !d->t[m0].lex &&
		 !(d->t[m0].flags & (TF_ALLCAPS | TF_POSS)) && !capitalised_inside(d, m0))))
		m0++;
	bool personish;
	if (sp->type == ET_PERSON && m0 < head)
		parse_appositive(d, m0, e, sp, &personish);
	if (sp->type == ET_PERSON && !sp->role)
		sp->role = lower_dup(d, d->t[head].start, d->t[head].end);
	return true;
}

/*
 * A speaker named by a noun with a complement before the verb: "a
 * spokesman for one of the major Dutch roasters said", "sources close to
 * a meeting of the Cocoa Producers Alliance said", "one delegate
 * representing a major producer said".  The noun is at most a dozen
 * words back, with no punctuation or verb between; a capitalised name
 * ending the complement is the organisation.
 */
static bool nominal_before(struct xdoc *d, size_t e, size_t limit, struct xspeaker *sp)
{
	for (size_t j = e - 1; j > limit && j + 12 > e; j--) {
		const struct xtok *t = &d->t[j - 1];
		if (t->kind == TK_PUNCT && t->cp != '-' && t->cp != '(' && t->cp != ')' &&
		    t->cp != '.' && t->cp != '\'' && t->cp != 0x2019)
			break;
		if (t->kind == TK_WORD && !(t->flags & TF_CAP) && (t->lex & (L_CUE | L_PRONOUN)))
			break;
		size_t n = j - 1, c = j;
		if (!nominal_word(d, n))
			continue;
		bool comp = tok_is(d, c, "for") || tok_is(d, c, "of") || tok_is(d, c, "at") ||
			    tok_is(d, c, "from") || tok_is(d, c, "with") ||
			    tok_is(d, c, "representing") ||
			    (tok_is(d, c, "close") && tok_is(d, c + 1, "to")) ||
			    (tok_is(d, c, "familiar") && tok_is(d, c + 1, "with")) ||
			    (tok_is(d, c, "briefed") && tok_is(d, c + 1, "on")) ||
			    (tok_is(d, c, "involved") && tok_is(d, c + 1, "in")) ||
			    (tok_is(d, c, "aware") && tok_is(d, c + 1, "of"));
		if (!comp || c + 1 >= e)
			continue;
		/* "Teck vice-president of administration John Guminski said":
		 * a person's name after the complement speaks ("a spokesman
		 * for James Capel" is the spokesman). */
		if (tok_capword(d, e - 1)) {
			size_t r0 = name_run_left(d, e, c);
			size_t after = c + 1 + (tok_is(d, c + 1, "the") || tok_is(d, c + 1, "to"));
			if (r0 < e && r0 > after && run_type(d, r0, e) != ET_ORG &&
			    !(d->t[r0 - 1].lex & L_PLURAL_NOM) &&   /* "brokers James Capel" */
			    ((d->t[r0].lex & L_GIVEN) || run_type(d, r0, e) == ET_PERSON))
				return false;
		}
		struct xspeaker tmp = { .ent = -1 };
		if (!nominal_left(d, n + 1, limit, &tmp)) {
			xspeaker_release(&tmp);
			continue;
		}
		*sp = tmp;
		sp->t1 = e;
		/* An anonymous speaker is the description as written, less
		 * the organisation: "people familiar with its finances",
		 * "sources close to a meeting" (of the Cocoa Producers
		 * Alliance), "a spokesman" (for the federation). */
		size_t end = e;
		if (tok_capword(d, e - 1)) {
			size_t r0 = name_run_left(d, e, c);
			if (r0 < e && r0 > c && !(d->t[r0].lex & (L_STOP | L_DET))) {
				free(sp->org);
				sp->org = name_text(d, r0, e);
				end = r0;
				if (end > c + 1 && tok_is(d, end - 1, "the"))
					end--;
				if (end > c + 1 && (d->t[end - 1].lex & L_STOP))
					end--;
			}
		}
		/* "a spokesman for the federation": membership, not description. */
		bool describes = tok_is(d, c, "close") || tok_is(d, c, "familiar") ||
				 tok_is(d, c, "representing") || tok_is(d, c, "briefed") ||
				 tok_is(d, c, "involved") || tok_is(d, c, "aware");
		if (sp->anonymous && describes && end > sp->name_t1)
			sp->name_t1 = end;
		return true;
	}
	return false;
}

/* "a spokesman for the Internet Providers Association": the org after the nominal. */
static bool nominal_with_org(struct xdoc *d, size_t r0, size_t r1,
			     size_t limit, struct xspeaker *sp)
{
	size_t k = r0;

	if (k > limit && tok_is(d, k - 1, "the"))
		k--;
	if (k > limit + 2 && ((tok_is(d, k - 1, "to") && tok_is(d, k - 2, "close")) ||
			      (tok_is(d, k - 1, "with") && tok_is(d, k - 2, "familiar"))))
		k--;   /* "a source close to Opec", "people familiar with Acme" */
	else if (!(k > limit && (tok_is(d, k - 1, "for") || tok_is(d, k - 1, "of") ||
				 tok_is(d, k - 1, "at"))))
		return false;
	k--;
	if (!(k > limit && nominal_word(d, k - 1)))
		return false;
	struct xspeaker tmp = { .ent = -1 };
	if (!nominal_left(d, k, limit, &tmp)) {
		xspeaker_release(&tmp);
		return false;
	}
	*sp = tmp;
	sp->t1 = r1;
	free(sp->org);
	sp->org = name_text(d, r0, r1);
	sp->name_t1 = k;
	return true;
}

/*
 * "Larry Smith of Acme Securities said", "Perrin Long of Lipper Analytical
 * said": a person's name, a preposition, an organisation.  On success
 * [*r0, *r1) is the person and sp->org the organisation; *title is where
 * a title before the person starts ("Minister of Trade Anna Berg"), else
 * SIZE_MAX.
 */
static bool person_of_org(struct xdoc *d, size_t *r0, size_t *r1, size_t limit,
			  struct xspeaker *sp, size_t *title)
{
	*title = SIZE_MAX;
	/* Inside the run: "Larry Smith of Prudential-Bache Securities". */
	for (size_t k = *r0 + 1; k + 1 < *r1; k++) {
		if (!(tok_is(d, k, "of") || tok_is(d, k, "at") || tok_is(d, k, "from")))
			continue;
		size_t o0 = k + 1 + tok_is(d, k + 1, "the");
		if (k - *r0 > 3 || o0 >= *r1)
			return false;
		/* "Republic National Bank of New York", "the Port of
		 * Kessling" are one name: a person may still come before it
		 * (below). */
		if (run_type(d, *r0, k) == ET_ORG || run_type(d, *r0, k) == ET_PLACE ||
		    port_of(d, *r0))
			break;
		free(sp->org);
		sp->org = name_text(d, o0, *r1);
		*r1 = k;
		sp->type = ET_PERSON;
		return true;
	}
	/* Across: the run is the organisation, a name before the preposition. */
	size_t k = *r0;
	/* "of Ingalls and Snyder" */
	if (k > limit + 2 && (tok_is(d, k - 1, "and") || tok_punct(d, k - 1, '&')) &&
	    tok_capword(d, k - 2)) {
		size_t a = name_run_left(d, k - 1, limit);
		if (a < k - 1 && a > limit && (tok_is(d, a - 1, "of") || tok_is(d, a - 1, "at")))
			k = a;
	}
	size_t org0 = k;
	if (k > limit && tok_is(d, k - 1, "the"))
		k--;
	if (!(k > limit + 1 && (tok_is(d, k - 1, "of") || tok_is(d, k - 1, "at") ||
				tok_is(d, k - 1, "from")) && tok_capword(d, k - 2)))
		return false;
	size_t p1 = k - 1, p0 = name_run_left(d, p1, limit);
	/* A title with its office, then the name: "Indonesian Minister of
	 * Mines and Energy Subroto", "Secretary of State George Shultz": the
	 * name is the run's last word, with a given name before it; no name
	 * follows "and" ("Minister of Trade and Industry"). */
	if (p0 < p1 && (d->t[p1 - 1].lex & (L_HONORIFIC | L_ROLE)) && tok_is(d, p1, "of")) {
		size_t n0 = *r1 - 1;
		/* The given name: known as one, or an unknown word after an
		 * office of its own ("Chief Inspector of Mines Redzuan Sumun"). */
		if (n0 > org0 + 1 && tok_capword(d, n0 - 1) &&
		    ((d->t[n0 - 1].lex & L_GIVEN) ||
		     (!d->t[n0 - 1].lex && tok_capword(d, n0 - 2) &&
		      run_type(d, n0 - 1, n0) != ET_PLACE)))
			n0--;
		if (n0 > org0 && tok_capword(d, n0) && tok_capword(d, n0 - 1) &&
		    !tok_is(d, n0 - 1, "and") &&
		    !(d->t[n0].lex & (L_ORG_CUE | L_ORG_SUFFIX | L_STOP | L_ROLE)) &&
		    !(d->t[*r1 - 1].lex & (L_ORG_CUE | L_ORG_SUFFIX))) {
			free(sp->role);
			sp->role = lower_dup(d, d->t[p0].start, d->t[n0 - 1].end);
			*title = p0;
			*r0 = n0;
			sp->type = ET_PERSON;
			return true;
		}
	}
	if (p0 >= p1 || p1 - p0 > 3 || run_type(d, p0, p1) == ET_ORG ||
	    run_type(d, p0, p1) == ET_PLACE ||
	    (d->t[p0].lex & (L_STOP | L_DET | L_PRONOUN)))
		return false;
	free(sp->org);
	sp->org = name_text(d, org0, *r1);
	*r0 = p0;
	*r1 = p1;
	sp->type = ET_PERSON;
	return true;
}

static void set_name(struct xspeaker *sp, size_t t0, size_t t1)
{
	sp->how = SP_NAME;
	sp->t0 = sp->name_t0 = t0;
	sp->t1 = sp->name_t1 = t1;
}

static size_t trim_run(struct xdoc *d, size_t r0, size_t r1, struct xspeaker *sp);

/*
 * '"...," Jim Miller, president of NAWG said.': an appositive without its
 * closing comma, [r0, r1) the organisation at its end.  The speaker is
 * the name before the comma.
 */
static bool appositive_before_cue(struct xdoc *d, size_t r0, size_t r1, size_t limit,
				  struct xspeaker *sp)
{
	size_t k = r0;
	if (k > limit && tok_is(d, k - 1, "the"))
		k--;
	if (!(k > limit && (tok_is(d, k - 1, "of") || tok_is(d, k - 1, "at") ||
			    tok_is(d, k - 1, "for"))))
		return false;
	size_t p = k - 1, a = p;
	while (a > limit && lower_word(d, a - 1) &&
	       (d->t[a - 1].lex & (L_ROLE | L_NOM_PERSON)) && !(d->t[a - 1].lex & L_CUE))
		a--;
	if (a > limit && (tok_is(d, a - 1, "a") || tok_is(d, a - 1, "the")))
		a--;
	if (a == p || a <= limit + 1 || !tok_punct(d, a - 1, ',') || !tok_capword(d, a - 2))
		return false;
	size_t n1 = a - 1, n0 = name_run_left(d, n1, limit);
	if (n0 >= n1 || n1 - n0 > 4 || run_type(d, n0, n1) == ET_ORG ||
	    run_type(d, n0, n1) == ET_PLACE)
		return false;
	size_t m0 = trim_run(d, n0, n1, sp);
	set_name(sp, m0, n1);
	sp->t0 = n0;
	free(sp->role);
	sp->role = lower_dup(d, d->t[a].start, d->t[p - 1].end);
	free(sp->org);
	sp->org = name_text(d, r0, r1);
	sp->type = ET_PERSON;
	return true;
}

/* Strip sentence openers and titles from a run: "The Acme Union", "Minister Jane Doe". */
bool portfolio(const struct xdoc *d, size_t t0, size_t t1)
{
	/* "Steel Minister", "Energy Secretary": one trade's word before a
	 * minister's title. */
	if (t1 == t0 + 1 && t1 < d->nt && !(d->t[t0].lex & L_ORG_SUFFIX) &&
	    ministerial_title(d, t1))
		return true;
	return t1 - t0 <= 3 && (demonym_word(d, t0) || run_type(d, t0, t0 + 1) == ET_PLACE) &&
	       !(d->t[t1 - 1].lex & L_ORG_SUFFIX) && !tok_is(d, t1 - 1, "bank") &&
	       !tok_is(d, t1 - 1, "committee") && !tok_is(d, t1 - 1, "party");
}

/*
 * "Kestrel Mobile Chief Executive Officer Renata Solberg", "Brightwater
 * CEO Tom Ashby": capitalised words the lexicon does not know, before a
 * company's title at t1, name the company, not a part of the title.  A
 * government's titles ("Energy Minister", "House Speaker", "State
 * Secretary") and places ("Dunmore Mayor") stay the title's.
 */
static bool company_before_title(const struct xdoc *d, size_t t0, size_t t1)
{
	if (t1 - t0 > 3 || run_type(d, t0, t1) == ET_PLACE || demonym_word(d, t0) ||
	    !tok_in(d, t1, (const char *const[]){ "chief", "ceo", "cfo", "coo", "cto",
			"chairman", "chairwoman", "chairperson", "founder", "co-founder",
			"cofounder", "managing", "executive", "president", NULL }))
		return false;
	for (size_t k = t0; k < t1; k++)
		if (!tok_capword(d, k) || (d->t[k].lex & (L_GIVEN | L_STOP | L_DET | L_HONORIFIC |
							 L_ROLE | L_MONTH | L_WEEKDAY)))
			return false;
	/* A title's own modifiers: "Interim Chief Executive", "Group
	 * Chairman", "Administrative Executive", "Regional President";
	 * and the services that have chiefs: "Fire Chief", "Police Chief". */
	if (title_modifier(d, t1 - 1) || tok_in(d, t1 - 1, (const char *const[]){ "group",
			"global", "corporate", "fire", "police", "army", "party", "health",
			"finance", "technology", "information", "security", "science",
			"investment", "data", "risk", "product", "people", "design", "strategy",
			"content", "research", "union", "prison", "state", "county", "city",
			NULL }))
		return false;
	if (t1 == t0 + 1 && !(d->t[t0].flags & TF_ALLCAPS)) {
		const char *w = d->s + d->t[t0].start;
		size_t n = tok_len(d, t0);
		static const char *const ends[] = { "ive", "al", "ant", "ing", "ary", "ior", NULL };
		for (const char *const *e = ends; *e; e++) {
			size_t m = strlen(*e);
			if (n > m + 2 && !strncasecmp(w + n - m, *e, m))
				return false;
		}
	}
	return true;
}

static size_t trim_run(struct xdoc *d, size_t r0, size_t r1, struct xspeaker *sp)
{
	size_t s0 = r0;
	while (r0 + 1 < r1 && (d->t[r0].lex & (L_DET | L_STOP)) &&
	       !(d->t[r0].lex & (L_GIVEN | L_ORG_CUE)))
		r0++;
	/* French and German articles opening a sentence: "La SNCF a
	 * indiqué", "Die Bahn erklärte". */
	if (r0 + 1 < r1 && (d->t[r0].flags & TF_SENT_START) && foreign_article(d, r0))
		r0++;
	/* "In March Ecuador said" */
	while (r0 > s0 && r0 + 1 < r1 && (d->t[r0].lex & (L_MONTH | L_WEEKDAY)))
		r0++;
	size_t last = SIZE_MAX;
	for (size_t k = r0; k + 1 < r1; k++)
		if ((d->t[k].lex & (L_HONORIFIC | L_ROLE)) && !inside_name(d, k, r0))
			last = k;
	/* An organisation's name, unless a title and a person's name end it:
	 * "Senate Banking Committee Chairman William Proxmire". */
	if (run_type(d, r0, r1) == ET_ORG &&
	    (last == SIZE_MAX || (d->t[last].lex & (L_ORG_CUE | L_ORG_SUFFIX)) ||
	     run_type(d, last + 1 + tok_punct(d, last + 1, '.'), r1) == ET_ORG ||
	     r1 - last - 1 > 3))
		return r0;
	if (last != SIZE_MAX) {
		size_t k = last + 1;
		if (tok_punct(d, k, '.'))
			k++;
		if (k < r1 && tok_capword(d, k)) {
			size_t h0 = r0;
			/* "Acme Federation Chairman John Smith": org before the title. */
			size_t o1 = r0;
			while (o1 < last && (!(d->t[o1].lex & (L_HONORIFIC | L_ROLE)) ||
					     (d->t[o1].lex & (L_ORG_CUE | L_ORG_SUFFIX))))
				o1++;
			/* But "Indonesian Energy Minister", "Saudi Arabian Oil
			 * Minister": a country's portfolio is part of the title. */
			if (o1 > r0 && !portfolio(d, r0, o1) &&
			    (run_type(d, r0, o1) == ET_ORG || company_before_title(d, r0, o1))) {
				free(sp->org);
				sp->org = name_text(d, r0, o1);
				h0 = o1;
			}
			/* Titles as roles; "Mr", "Dr", "Sir" are not roles
			 * ("Chairman Sir John Egan" is a chairman). */
			size_t re = last;
			while (re > h0 && !(d->t[re].lex & L_ROLE))
				re--;
			/* Nor a portfolio's words alone ("... for Economic
			 * Affairs Allen Wallis"). */
			/* Nor an academic's title over the office an
			 * appositive gave: "Its medical director, Professor
			 * Tom Abernethy". */
			if (!(re == h0 && tok_len(d, h0) <= 4 &&
			      !(d->t[h0].lex & L_ROLE)) && !role_topic(d, re) &&
			    !(sp->role && re == h0 && (d->t[h0].lex & L_HONORIFIC))) {
				free(sp->role);
				sp->role = lower_dup(d, d->t[h0].start,
						     d->t[re].end);
			}
			sp->type = ET_PERSON;
			r0 = k;
		}
	}
	return r0;
}

/*
 * Where the name starts in "Minister for Health Jane Doe": s is a
 * capitalised title followed by "for" or "of" and a portfolio, and the
 * name of two or three words ends at e.  The name starts at a given name,
 * or after a portfolio's list closed by "and" and one word ("... Oceans
 * and Fisheries Andrius Kalnas").  SIZE_MAX: no such name.
 */
static size_t portfolio_name(const struct xdoc *d, size_t s, size_t e)
{
	if (!tok_capword(d, s) || !(d->t[s].lex & (L_ROLE | L_HONORIFIC)) ||
	    !ministerial_title(d, s) ||
	    !(tok_is(d, s + 1, "for") || tok_is(d, s + 1, "of")))
		return SIZE_MAX;
	size_t p = s + 2 + tok_is(d, s + 2, "the");
	/* "Secretary of State for Health"; "Secretary of State John Doe" is
	 * the plain title's. */
	if (tok_is(d, s + 1, "of") && tok_is(d, p, "state")) {
		if (!tok_is(d, p + 1, "for"))
			return SIZE_MAX;
		p += 2;
	}
	for (size_t k = p; k < e; k++)
		if (!tok_capword(d, k) && !tok_punct(d, k, ',') && !tok_is(d, k, "and"))
			return SIZE_MAX;
	size_t n0 = SIZE_MAX;
	for (size_t k = p + 1; k + 1 < e && n0 == SIZE_MAX; k++)
		if ((d->t[k].lex & L_GIVEN) && tok_capword(d, k) && !tok_is(d, k - 1, "and") &&
		    !(d->t[k].lex & (L_ORG_CUE | L_ROLE)))
			n0 = k;
	if (n0 == SIZE_MAX && e >= p + 5 && tok_is(d, e - 4, "and") && tok_capword(d, e - 3))
		n0 = e - 2;
	/* "for Health Wes Streeting": one word of portfolio, two of name. */
	if (n0 == SIZE_MAX && e == p + 3)
		n0 = e - 2;
	if (n0 == SIZE_MAX || e - n0 < 2 || e - n0 > 3 || run_type(d, n0, e) == ET_ORG ||
	    run_type(d, n0, e) == ET_PLACE)
		return SIZE_MAX;
	return n0;
}

/* ", R-Ind.", ", D-Ohio": a comma at i, then a party's letter, a hyphen
 * and a state, after an American legislator's name. */
static bool party_tag(const struct xdoc *d, size_t i)
{
	return tok_punct(d, i, ',') && tok_len(d, i + 1) == 1 && tok_capword(d, i + 1) &&
	       tok_punct(d, i + 2, '-') && tok_capword(d, i + 3);
}

bool speaker_left(struct xdoc *d, size_t cue, size_t limit, struct xspeaker *sp)
{
	size_t e = skip_adverbs_left(d, cue, limit);

	/* "antitrust enforcers who argued the deal would ...": the noun
	 * phrase before "who" speaks (a restrictive clause after a common
	 * noun: "Ortner, who said ..., said" is the appositive rule's). */
	if (e > limit + 1 && tok_is(d, e - 1, "who") && !(d->t[e - 1].flags & TF_CAP) &&
	    lower_word(d, e - 2) && (d->t[e - 2].lex & (L_NOM_PERSON | L_NOM_ORG | L_PLURAL_NOM))) {
		memset(sp, 0, sizeof(*sp));
		sp->ent = -1;
		return speaker_left(d, e - 1, limit, sp);
	}

	memset(sp, 0, sizeof(*sp));
	sp->ent = -1;
	/* "the National Association of Realtors (NAR) said", "Acme Corp
	 * (NYSE: ACME) said", "Broken Hill Pty Co Ltd <BRKN.S> (BHP) said":
	 * an acronym or ticker in brackets between the name and the verb. */
	for (int hop = 0; hop < 2 && e > limit + 3; hop++) {
		unsigned close = d->t[e - 1].kind == TK_PUNCT ? d->t[e - 1].cp : 0;
		unsigned open = close == ')' ? '(' : close == '>' ? '<' : 0;
		if (!open)
			break;
		size_t o = e - 1;
		while (o > limit && e - o <= 8 && !tok_punct(d, o - 1, open) &&
		       !(d->t[o - 1].kind == TK_WORD && !(d->t[o - 1].flags & TF_CAP) &&
			 !(d->t[o - 1].flags & TF_ALLCAPS)))
			o--;
		/* "Vireo Health Inc. (NASDAQ: VIRH) said" */
		bool abbrev = o > limit + 2 && tok_punct(d, o - 2, '.') && tok_adjacent(d, o - 2) &&
			      (d->t[o - 3].lex & L_ORG_SUFFIX);
		if (o <= limit + 1 || !tok_punct(d, o - 1, open) ||
		    !(tok_capword(d, o - 2) || tok_punct(d, o - 2, ')') || tok_punct(d, o - 2, '>') ||
		      abbrev))
			break;
		e = o - 1;
	}
	/* "Vireo Health Inc. said": the full stop of a legal form. */
	if (e > limit + 2 && tok_punct(d, e - 1, '.') && tok_adjacent(d, e - 1) &&
	    (d->t[e - 2].lex & L_ORG_SUFFIX) && d->t[e - 2].kind == TK_WORD &&
	    (d->t[e - 2].flags & TF_CAP) && tok_capword(d, e - 3))
		e--;
	if (e <= limit)
		return false;
	size_t last = e - 1;
	const struct xtok *t = &d->t[last];

	if (t->kind == TK_WORD && (t->lex & L_PRONOUN) &&
	    (!(t->flags & TF_CAP) || (t->flags & TF_SENT_START) ||
	     tok_is(d, last, "i") ||
	     (last > 0 && d->t[last - 1].kind == TK_PUNCT))) {
		sp->how = SP_PRONOUN;
		sp->t0 = sp->name_t0 = last;
		sp->t1 = sp->name_t1 = e;
		return true;
	}
	/* "the statement said", "The memo, seen by Reuters, said": the
	 * document speaks for whoever issued it (speakers_resolve). */
	{
		size_t h = last;
		if (t->kind == TK_PUNCT && t->cp == ',' && last > limit + 2) {
			/* over a participle appositive: ", seen by Reuters," */
			size_t c = last;
			while (c > limit && c + 8 > last && !tok_punct(d, c - 1, ','))
				c--;
			size_t n = c < d->nt ? tok_len(d, c) : 0;
			const char *w = c < d->nt ? d->s + d->t[c].start : "";
			if (c > limit + 1 && tok_punct(d, c - 1, ',') && lower_word(d, c) && n > 3 &&
			    (!memcmp(w + n - 2, "ed", 2) || !memcmp(w + n - 2, "en", 2) ||
			     !memcmp(w + n - 2, "wn", 2)))
				h = c - 2;
		}
		if (h > limit && lower_word(d, h) && document_noun(d, h) &&
		    (tok_is(d, h - 1, "the") || tok_is(d, h - 1, "its") ||
		     tok_is(d, h - 1, "their") || tok_is(d, h - 1, "his") ||
		     tok_is(d, h - 1, "her"))) {
			sp->how = SP_NOMINAL;
			sp->t0 = sp->name_t0 = h - 1;
			sp->t1 = sp->name_t1 = h + 1;
			sp->type = ET_ORG;
			sp->document = true;
			return true;
		}
	}
	/* "a spokesman for one of the major Dutch roasters said": the
	 * first noun speaks, not the last. */
	if (nominal_word(d, last) && nominal_before(d, e, limit, sp))
		return true;
	if (nominal_word(d, last) && nominal_left(d, e, limit, sp))
		return true;
	/* "Minister for Health Jane Doe", "Secretary of State for Health Wes
	 * Streeting", "Commissioner for Environment, Oceans and Fisheries
	 * Andrius Kalnas": a title, its portfolio, and a name. */
	if (tok_capword(d, last)) {
		for (size_t s = e > limit + 12 ? e - 12 : limit; s + 4 < e; s++) {
			size_t n0 = portfolio_name(d, s, e);
			if (n0 == SIZE_MAX)
				continue;
			/* "Under Secretary of Agriculture", "Shadow Minister for" */
			while (s > limit && tok_capword(d, s - 1) &&
			       ((d->t[s - 1].lex & (L_ROLE | L_HONORIFIC)) ||
				tok_in(d, s - 1, (const char *const[]){ "under", "assistant",
						"associate", "shadow", "junior", "acting",
						"interim", "parliamentary", NULL })))
				s--;
			set_name(sp, n0, e);
			sp->t0 = s > limit && tok_is(d, s - 1, "the") ? s - 1 : s;
			sp->type = ET_PERSON;
			sp->role = lower_dup(d, d->t[s].start, d->t[n0 - 1].end);
			return true;
		}
	}
	/* "the Commissioner for Jobs, Growth and Investment said": a title
	 * and its portfolio's list, with no name. */
	if (tok_capword(d, last)) {
		for (size_t s = e > limit + 12 ? e - 12 : limit; s + 4 < e; s++) {
			if (!(d->t[s].lex & (L_ROLE | L_NOM_PERSON)) ||
			    title_list_end(d, s, e) != e)
				continue;
			bool the = s > limit && tok_is(d, s - 1, "the");
			sp->how = SP_NOMINAL;
			sp->t0 = sp->name_t0 = the ? s - 1 : s;
			sp->t1 = sp->name_t1 = e;
			sp->type = ET_PERSON;
			sp->role = lower_dup(d, d->t[s].start, d->t[last].end);
			return true;
		}
	}
	/* "The Opec President said", "the Chairman said": a title with no
	 * name after "the" describes a person, found later among those who
	 * spoke with that title. */
	if (tok_capword(d, last) && (t->lex & (L_ROLE | L_NOM_PERSON)) &&
	    !(t->lex & (L_ORG_CUE | L_ORG_SUFFIX | L_NOM_ORG | L_GIVEN))) {
		size_t r0 = name_run_left(d, e, limit);
		if (r0 >= e)
			r0 = last;
		if (r0 < last && (tok_is(d, r0, "the") || tok_is(d, r0, "a") || tok_is(d, r0, "an")))
			r0++;
		/* Not an organisation's name: "the National Guild of Estate
		 * Agents"; nor a person's with letters after it: "The Rt Hon
		 * Alison Pryce MP". */
		bool org = run_type(d, r0, e) == ET_ORG || part_has(d, r0, last, L_GIVEN);
		for (size_t k = r0; k < e && !org; k++)
			org = d->t[k].kind == TK_WORD && (d->t[k].lex & L_CONNECT) &&
			      !(d->t[k].flags & TF_CAP);
		if (org)
			r0 = e;
		/* "A top U.S. Official said" (wire copy capitalises it). */
		size_t det = r0;
		while (det > limit + 1 && plain_word(d, det - 1) && common_modifier(d, det - 1))
			det--;
		if (r0 < e && det > limit && (tok_is(d, det - 1, "the") || tok_is(d, det - 1, "a") ||
					      tok_is(d, det - 1, "an"))) {
			sp->how = SP_NOMINAL;
			sp->t0 = sp->name_t0 = det - 1;
			sp->t1 = sp->name_t1 = e;
			sp->type = ET_PERSON;
			sp->anonymous = !tok_is(d, det - 1, "the");
			sp->role = lower_dup(d, d->t[r0].start, d->t[last].end);
			return true;
		}
	}
	if (tok_capword(d, last) || (t->kind == TK_WORD && (t->flags & TF_ALLCAPS) &&
				     !(t->flags & (TF_BOILER)))) {
		size_t r0 = name_run_left(d, e, limit);
		if (r0 >= e)
			r0 = last;
		/* "Farmers in New South Wales said", "residents of Gaza
		 * said": people of a place speak, not the place. */
		size_t p0 = r0;
		bool place = run_type(d, p0, e) == ET_PLACE;
		/* "residents in the city of Homs" */
		if (p0 > limit + 4 && tok_is(d, p0 - 1, "of") && place_noun(d, p0 - 2) &&
		    tok_is(d, p0 - 3, "the")) {
			p0 -= 3;
			place = true;
		}
		if (p0 > limit + 1 && (tok_is(d, p0 - 1, "in") || tok_is(d, p0 - 1, "of") ||
				       tok_is(d, p0 - 1, "from")) &&
		    !(d->t[p0 - 1].flags & TF_CAP) && place &&
		    plain_word(d, p0 - 2) && (d->t[p0 - 2].lex & L_PLURAL_NOM) &&
		    nominal_left(d, p0 - 1, limit, sp)) {
			sp->t1 = sp->name_t1 = e;
			/* "Oil traders in New York", "Bank economists in
			 * Paris": a trade's word opening the sentence. */
			if (sp->org && (d->t[sp->t0].flags & TF_SENT_START) &&
			    (d->t[sp->t0].lex & L_ORG_CUE) && sp->t0 + 1 < p0 &&
			    !tok_capword(d, sp->t0 + 1)) {
				free(sp->org);
				sp->org = NULL;
			}
			return true;
		}
		if (nominal_with_org(d, r0, e, limit, sp))
			return true;
		if (nominal_before(d, e, limit, sp))
			return true;
		if (appositive_before_cue(d, r0, e, limit, sp)) {
			sp->t1 = cue;
			return true;
		}
		size_t title;
		if (person_of_org(d, &r0, &e, limit, sp, &title)) {
			r0 = trim_run(d, r0, e, sp);
			set_name(sp, r0, e);
			/* The mention starts at the title, when one came first. */
			if (title < sp->t0)
				sp->t0 = title;
			sp->t1 = cue;
			return true;
		}
		size_t n0 = trim_run(d, r0, e, sp);
		if (n0 >= e || (d->t[n0].lex & (L_STOP | L_PRONOUN | L_DET)) ||
		    (d->t[n0].flags & TF_POSS)) {
			xspeaker_release(sp);
			return false;
		}
		/* Possessive before a name is not the speaker ("Acme's Smith"?): keep the name. */
		set_name(sp, n0, e);
		if (sp->type == ET_PERSON || (d->t[n0].lex & L_GIVEN))
			sp->name_t1 = name_without_letters(d, n0, e);
		/* "..., Trade Minister Jane Doe said", "..., the Acme Union
		 * said": the mention starts at the title, or at "the". */
		size_t m0 = r0;
		while (m0 < n0 && (d->t[m0].lex & (L_DET | L_STOP)) &&
		       !(d->t[m0].lex & (L_GIVEN | L_ORG_CUE)))
			m0++;
		sp->t0 = m0;
		if (m0 > limit && lower_word(d, m0 - 1) && tok_is(d, m0 - 1, "the"))
			sp->t0 = m0 - 1;
		/* "chairman John Smith", "Acme chief executive John Smith",
		 * "Lead author Dr Anjali Mehra" (over the honorific). */
		size_t k = n0;
		while (k > r0 && ((is_word(d, k - 1) && (d->t[k - 1].lex & L_HONORIFIC) &&
				   !(d->t[k - 1].lex & L_ROLE)) ||
				  (tok_punct(d, k - 1, '.') && tok_adjacent(d, k - 1))))
			k--;
		/* Not a title's modifier: "undersecretary of economic
		 * affairs Robert Ortner" has no role "affairs". */
		if (!sp->role && k > limit && lower_word(d, k - 1) &&
		    (d->t[k - 1].lex & (L_ROLE | L_NOM_PERSON)) &&
		    !tok_in(d, k - 1, (const char *const[]){ "affairs", "public", "press",
				"relations", "communications", "marketing", "technology",
				"financial", "operating", "senior", "managing", "deputy",
				"vice", NULL })) {
			size_t a = k - 1;
			/* "U.S. trade representative Clayton Yeutter": words
			 * the lexicon does not know belong to the title too. */
			while (a > limit && ((lower_word(d, a - 1) &&
					      (d->t[a - 1].lex & (L_ROLE | L_NOM_PERSON)) &&
					      !(d->t[a - 1].lex & L_CUE)) ||
					     /* "shadow energy secretary": a trade's word too */
					     (lower_word(d, a - 1) && k - a < 4 && tok_len(d, a - 1) > 1 &&
					      !(d->t[a - 1].lex & ~(uint32_t)L_ORG_CUE) &&
					      !tok_in(d, a - 1, (const char *const[]){ "day", "week",
							"month", "year", NULL })) ||
					     /* not "But economist Cork said", nor a
					      * common noun capitalised only as the
					      * sentence's first ("Union organiser
					      * Rob Keane": no organisation "Union") */
					     (tok_capword(d, a - 1) &&
					      !((d->t[a - 1].flags & TF_SENT_START) &&
						((d->t[a - 1].lex & (L_STOP | L_PRONOUN | L_DET)) ||
						 ((d->t[a - 1].lex & (L_NOM_ORG | L_NOM_PERSON |
								      L_PLURAL_NOM)) &&
						  !(d->t[a - 1].lex & L_ROLE) &&
						  !capitalised_inside(d, a - 1))))) ||
					     (is_word(d, a - 1) && (d->t[a - 1].flags & TF_POSS))))
				a--;
			bool personish;
			parse_appositive(d, a, k, sp, &personish);
			if (!sp->role)
				sp->role = lower_dup(d, d->t[k - 1].start, d->t[k - 1].end);
			sp->type = ET_PERSON;
			sp->t0 = a;
			if (a > limit && (d->t[a - 1].lex & L_DET))
				sp->t0 = a - 1;
		}
		return true;
	}
	if (t->kind == TK_PUNCT && t->cp == ',' && last > limit) {
		/* "John Smith, chairman of Acme, said" or "Acme's head, Jane Doe, said" */
		size_t c1 = last;
		size_t k = c1;
		for (int pass = 0; pass < 2; pass++) {
			while (k > limit && !tok_punct(d, k - 1, ',') &&
			       !(d->t[k - 1].kind == TK_PUNCT &&
				 (d->t[k - 1].cp == '"' || d->t[k - 1].cp == 0x201D ||
				  d->t[k - 1].cp == 0x201C || d->t[k - 1].cp == ';' ||
				  d->t[k - 1].cp == ':')))
				k--;
			/* "Treybig, who founded the Cupertino, Calif.-based
			 * company, said": the comma of "City, State" is inside
			 * the appositive; the opening one is before. */
			bool state = false;
			for (size_t m = k + 1; m < c1 && m < k + 4 && !state; m++)
				state = tok_capword(d, k) && tok_is(d, m, "based") &&
					tok_punct(d, m - 1, '-');
			if (!state || k < limit + 2 || !tok_capword(d, k - 2))
				break;
			k--;
		}
		if (k <= limit || !tok_punct(d, k - 1, ',') || c1 - k > 25)
			return false;
		size_t c0 = k - 1;        /* the opening comma */
		/* "A spokesman, who asked not to be named, said": the
		 * relative clause is not the speaker; what comes before is. */
		/* "Nadia Holloway of the Listeners' Rights Alliance, who ran
		 * its hotline, said": who is the person, before the comma. */
		bool one_phrase = true;   /* no comma before c0 in the sentence */
		for (size_t m = limit; m < c0 && one_phrase; m++) {
			/* but a party and state: "Sen. Paul Whitaker, R-Ind., who" */
			if (m + 3 < c0 && party_tag(d, m)) {
				m += 3;
				while (m < c0 && !tok_punct(d, m, ','))
					m++;
				continue;
			}
			one_phrase = !tok_punct(d, m, ',');
		}
		if ((tok_is(d, c0 + 1, "who") || tok_is(d, c0 + 1, "which")) &&
		    c0 > limit && (!tok_capword(d, c0 - 1) ||
				   (tok_is(d, c0 + 1, "who") && one_phrase))) {
			xspeaker_release(sp);
			/* before a party and state: "Sen. Paul Whitaker, R-Ind.," */
			size_t p = c0 - (c0 > limit && tok_punct(d, c0 - 1, '.'));
			if (p > limit + 4 && party_tag(d, p - 4))
				c0 = p - 4;
			if (speaker_left(d, c0, limit, sp))
				return true;
			return false;
		}
		/* "A ministry official, speaking on condition of anonymity,
		 * said": a participle phrase between the subject and its verb. */
		if (c0 > limit && c1 > c0 + 2 && lower_word(d, c0 + 1) && tok_len(d, c0 + 1) > 5 &&
		    (!memcmp(d->s + d->t[c0 + 1].end - 3, "ing", 3) ||
		     !memcmp(d->s + d->t[c0 + 1].end - 2, "ed", 2)) &&
		    !(d->t[c0 + 1].lex & (L_ROLE | L_NOM_PERSON | L_NOM_ORG)) &&
		    (nominal_word(d, c0 - 1) || (d->t[c0 - 1].lex & L_PLURAL_NOM))) {
			xspeaker_release(sp);
			return speaker_left(d, c0, limit, sp);
		}
		/* "The developer, Northgale Renewables, says": what the
		 * organisation is, then its name alone between the commas. */
		if (c0 >= limit + 2 && lower_word(d, c0 - 1) && (d->t[c0 - 1].lex & L_NOM_ORG) &&
		    !(d->t[c0 - 1].lex & (L_PLURAL_NOM | L_NOM_PERSON)) &&
		    (d->t[c0 - 2].lex & L_DET) && (c0 - 2 == limit || !is_word(d, c0 - 3)) &&
		    tok_capword(d, c0 + 1) && name_run_right(d, c0 + 1, c1) == c1 &&
		    run_type(d, c0 + 1, c1) != ET_PERSON && run_type(d, c0 + 1, c1) != ET_PLACE) {
			size_t n0 = trim_run(d, c0 + 1, c1, sp);
			set_name(sp, n0, c1);
			sp->t0 = c0 - 2;
			sp->type = ET_ORG;
			return true;
		}
		/*
		 * Pre-posed title: "the Minister of Trade, Jane Doe, said",
		 * "Acme's Chief Executive, Jane Doe, said": a person's name
		 * alone between the commas, a title before them.
		 */
		/* "the director, Helena Quist of the Coastal Protection
		 * Authority, said": the name, then where she is from. */
		size_t nm1 = c1, of0 = c1;
		if (tok_capword(d, c0 + 1)) {
			size_t r = name_run_right(d, c0 + 1, c1);
			size_t o = r + 1 + (r + 1 < c1 && tok_is(d, r + 1, "the"));
			if (r < c1 && r > c0 + 1 && lower_word(d, r) &&
			    (tok_is(d, r, "of") || tok_is(d, r, "at") || tok_is(d, r, "from")) &&
			    o < c1 && tok_capword(d, o) && name_run_right(d, o, c1) == c1) {
				nm1 = r;
				of0 = o;
			}
		}
		if (tok_capword(d, c0 + 1) && name_run_right(d, c0 + 1, nm1) == nm1 &&
		    nm1 - c0 - 1 >= 2 && nm1 - c0 - 1 <= 4 &&
		    run_type(d, c0 + 1, nm1) != ET_ORG &&
		    run_type(d, c0 + 1, nm1) != ET_PLACE) {
			size_t a = c0;
			while (a > limit && !tok_punct(d, a - 1, ',') && c0 - a < 12)
				a--;
			/* "Commissioner for Jobs, Growth and Investment, Jane
			 * Doe, said": the title's name goes over commas. */
			for (size_t s = c0 > limit + 16 ? c0 - 16 : limit; s + 1 < a; s++)
				if (tok_capword(d, s) && (name_run_right(d, s, c0) == c0 ||
							  title_list_end(d, s, c1) == c0)) {
					a = s;
					while (a > limit && !tok_punct(d, a - 1, ',') && s - a < 12)
						a--;
					break;
				}
			bool title = false;
			for (size_t w = a; w < c0; w++)
				if (is_word(d, w) &&
				    (d->t[w].lex & (L_ROLE | L_NOM_PERSON | L_HONORIFIC)) &&
				    !(d->t[w].lex & L_PLURAL_NOM))
					title = true;
			if (title) {
				bool personish;
				parse_appositive(d, a, c0, sp, &personish);
				size_t n0 = trim_run(d, c0 + 1, nm1, sp);
				set_name(sp, n0, nm1);
				if (of0 < c1) {
					free(sp->org);
					sp->org = name_text(d, of0, c1);
					sp->org_t0 = of0;
					sp->org_t1 = c1;
				}
				sp->t0 = a;
				sp->type = ET_PERSON;
				return true;
			}
		}
		/*
		 * A chain of appositives: "Jane Doe, a partner at Doe Reyes,
		 * the firm acting for Acme, said": a name after a preposition
		 * belongs to the appositive before; the speaker is earlier.
		 */
		for (int hop = 0; hop < 2 && c0 > limit + 2 && tok_capword(d, c0 - 1); hop++) {
			size_t r0 = name_run_left(d, c0, limit);
			if (r0 >= c0 || r0 <= limit)
				break;
			size_t p = r0 - 1;
			if (tok_is(d, p, "the") && p > limit)
				p--;
			if (!(tok_is(d, p, "at") || tok_is(d, p, "of") ||
			      tok_is(d, p, "for") || tok_is(d, p, "with") ||
			      tok_is(d, p, "from") || tok_is(d, p, "by")))
				break;
			size_t b = p;
			while (b > limit && !tok_punct(d, b - 1, ',') && p - b < 12)
				b--;
			if (b <= limit + 1 || !tok_punct(d, b - 1, ',') ||
			    !tok_capword(d, b - 2))
				break;
			c0 = b - 1;
		}
		/* Post-posed appositive: a name before the first comma. */
		if (c0 > limit && (tok_capword(d, c0 - 1))) {
			size_t r0 = name_run_left(d, c0, limit);
			if (r0 >= c0)
				r0 = c0 - 1;
			size_t n0 = trim_run(d, r0, c0, sp);
			/*
			 * "Acme, which is owned by Beta Ltd, a holding company,
			 * said": the name after "by" is not the subject; the one
			 * before ", which" is.
			 */
			if (n0 > limit && lower_word(d, n0 - 1) &&
			    !(d->t[n0 - 1].lex & (L_DET | L_ROLE | L_NOM_PERSON))) {
				size_t w = n0 - 1;
				while (w > limit + 1 && !(tok_punct(d, w - 1, ',') &&
							  (tok_is(d, w, "which") || tok_is(d, w, "who"))))
					w--;
				if (w > limit + 1 && tok_punct(d, w - 1, ',') &&
				    tok_capword(d, w - 2)) {
					size_t s0 = name_run_left(d, w - 1, limit);
					if (s0 < w - 1) {
						size_t m0 = trim_run(d, s0, w - 1, sp);
						set_name(sp, m0, w - 1);
						sp->t1 = c1;
						return true;
					}
				}
			}
			if (n0 < c0 && !(d->t[n0].lex & (L_STOP | L_DET | L_PRONOUN))) {
				bool personish;
				parse_appositive(d, c0 + 1, c1, sp, &personish);
				set_name(sp, n0, c0);
				sp->t1 = c1;
				if (personish) {
					sp->type = ET_PERSON;
				} else if (tok_is(d, c0 + 1, "of") || tok_is(d, c0 + 1, "from")) {
					/* "Priya Ramaswamy, of the Serious Collision
					 * Investigation Unit, said": where she is
					 * from (a title before her name stays). */
				} else {
					/* "Nova, a company that owns part of Husky, said" */
					free(sp->role);
					free(sp->org);
					sp->role = sp->org = NULL;
				}
				return true;
			}
		}
		/* Pre-posed: "Acme's head of digital, Jane Doe, said". */
		if (tok_capword(d, c0 + 1)) {
			size_t r1 = name_run_right(d, c0 + 1, c1);
			if (r1 == c1) {
				size_t a = c0;
				while (a > limit && !tok_punct(d, a - 1, ',') &&
				       c0 - a < 12)
					a--;
				bool personish;
				parse_appositive(d, a, c0, sp, &personish);
				if (personish) {
					size_t n0 = trim_run(d, c0 + 1, c1, sp);
					set_name(sp, n0, name_without_letters(d, n0, c1));
					sp->t0 = a;
					sp->type = ET_PERSON;
					return true;
				}
				/* "The union representing harbour workers,
				 * Unite Marine, said": what it is, its name. */
				if (sp->type == ET_ORG && run_type(d, c0 + 1, c1) != ET_PERSON &&
				    run_type(d, c0 + 1, c1) != ET_PLACE && (d->t[a].lex & L_DET)) {
					free(sp->role);
					free(sp->org);
					sp->role = sp->org = NULL;
					size_t n0 = trim_run(d, c0 + 1, c1, sp);
					set_name(sp, n0, c1);
					sp->t0 = a;
					sp->type = ET_ORG;
					return true;
				}
				free(sp->role);
				free(sp->org);
				sp->role = sp->org = NULL;
				/* "His barrister, Ann Price, said": a noun the
				 * lexicon does not know, after a determiner,
				 * before a person's name: the person and her
				 * role. */
				bool plain = c0 > a + 1 && c0 - a <= 3 && is_word(d, a) &&
					     (d->t[a].lex & L_DET);
				for (size_t w = a + 1; plain && w < c0; w++)
					plain = lower_word(d, w) && !d->t[w].lex;
				if (plain && run_type(d, c0 + 1, c1) == ET_PERSON) {
					size_t n0 = trim_run(d, c0 + 1, c1, sp);
					set_name(sp, n0, name_without_letters(d, n0, c1));
					sp->t0 = a;
					sp->type = ET_PERSON;
					if (!sp->role)
						sp->role = lower_dup(d, d->t[a + 1].start, d->t[c0 - 1].end);
					return true;
				}
			}
		}
		return false;
	}
	if (nominal_left(d, e, limit, sp))
		return true;
	if (nominal_before(d, e, limit, sp))
		return true;
	xspeaker_release(sp);
	return false;
}

bool speaker_right(struct xdoc *d, size_t i, size_t limit, struct xspeaker *sp)
{
	memset(sp, 0, sizeof(*sp));
	sp->ent = -1;
	if (i >= limit)
		return false;
	const struct xtok *t = &d->t[i];
	if (t->kind == TK_WORD && (t->lex & L_PRONOUN) && !(t->flags & TF_CAP)) {
		sp->how = SP_PRONOUN;
		sp->t0 = sp->name_t0 = i;
		sp->t1 = sp->name_t1 = i + 1;
		return true;
	}
	/* "a annoncé la SNCF", "según el Ayuntamiento": an article of the
	 * document's language before a name. */
	size_t det = i;
	if (lower_word(d, i) && foreign_article(d, i) && i + 1 < limit &&
	    (tok_capword(d, i + 1) || (is_word(d, i + 1) && (d->t[i + 1].flags & TF_ALLCAPS))) &&
	    !indefinite_article(d, i))
		i++;
	/* "said the NAR's John Tuccillo": the possessive names the organisation. */
	if (lower_word(d, i) && tok_is(d, i, "the") && tok_capword(d, i + 1)) {
		size_t r = name_run_right(d, i + 1, limit), n = r;
		while (n < limit && n < r + 4 && lower_word(d, n) &&
		       (d->t[n].lex & (L_ROLE | L_NOM_PERSON)))
			n++;
		if (r > i + 1 && (d->t[r - 1].flags & TF_POSS) && tok_capword(d, n))
			i++;
		/* "according to the Office for National Statistics": a mention
		 * the entity scan typed, or a run with an organisation's word
		 * ("the Acme Federation") before the end of the clause */
		else if (r > i + 1 && run_type(d, i + 1, r) == ET_ORG &&
			 (r == limit || tok_punct(d, r, ',') || tok_punct(d, r, '.')))
			i++;
		else
			for (size_t m = 0; m < d->nms; m++)
				if (d->ms[m].t0 == i + 1 && d->ms[m].type == ET_ORG &&
				    d->ms[m].t1 <= limit) {
					i++;
					break;
				}
	}
	t = &d->t[i];
	/* "said U.S. trade representative Clayton Yeutter", "said French
	 * finance minister ...": a country or its adjective before the
	 * title. */
	size_t ti = i;
	if (i + 2 < limit && tok_capword(d, i) && lower_word(d, i + 1) &&
	    !(d->t[i + 1].lex & (L_STOP | L_CUE | L_DET)) &&
	    (demonym_word(d, i) || run_type(d, i, i + 1) == ET_PLACE))
		ti = i + 1;
	/* "said head coach Marta Lindgren", "said chief executive John
	 * Smith", "said finance minister ...": a title in lower case (its
	 * last word a title's), then the name. */
	size_t th = ti;   /* after the title */
	while (th < limit && th < ti + 4 && lower_word(d, th) &&
	       !(d->t[th].lex & (L_STOP | L_CUE | L_DET | L_PRONOUN | L_PLURAL_NOM)))
		th++;
	if (th > ti && (d->t[th - 1].lex & (L_ROLE | L_NOM_PERSON)) && th < limit &&
	    tok_capword(d, th) && !(d->t[th].lex & (L_STOP | L_PRONOUN))) {
		size_t e = name_run_right(d, th, limit);
		if (e > th && run_type(d, th, e) != ET_ORG && run_type(d, th, e) != ET_PLACE &&
		    !(d->t[e - 1].flags & TF_POSS)) {
			size_t n0 = trim_run(d, th, e, sp);
			set_name(sp, n0, e);
			sp->t0 = i;
			sp->type = ET_PERSON;
			free(sp->role);
			sp->role = lower_dup(d, d->t[i].start, d->t[th - 1].end);
			/* "said spokeswoman Jane Doe of Acme" */
			if (e + 1 < limit && (tok_is(d, e, "of") || tok_is(d, e, "at"))) {
				size_t o0 = e + 1 + tok_is(d, e + 1, "the");
				size_t o1 = name_run_right(d, o0, limit);
				if (o1 > o0 && run_type(d, o0, o1) != ET_PLACE) {
					free(sp->org);
					sp->org = name_text(d, o0, o1);
					sp->t1 = o1;
				}
			}
			return true;
		}
	}
	/* "said a spokesman for the Acme Union", "said the company";
	 * "according to industry analysts" needs no determiner. */
	bool bare = false;
	if (lower_word(d, i) && !(t->lex & L_DET)) {
		size_t h = i;
		while (h < limit && h < i + 3 && lower_word(d, h) && !nominal_word(d, h) &&
		       !(d->t[h].lex & (L_CUE | L_STOP | L_CONNECT | L_PRONOUN | L_DET)))
			h++;
		while (h + 1 < limit && nominal_word(d, h) && nominal_word(d, h + 1))
			h++;
		bare = h < limit && nominal_word(d, h) && (d->t[h].lex & L_PLURAL_NOM);
	}
	/* "commented one delegate representing a major producer" */
	bool quant = lower_word(d, i) && !bare &&
		     (tok_is(d, i, "one") || tok_is(d, i, "another") || tok_is(d, i, "some") ||
		      tok_is(d, i, "several") || tok_is(d, i, "two") || tok_is(d, i, "three"));
	bool article = foreign_article(d, i);
	if (lower_word(d, i) && ((t->lex & L_DET) || article || bare || quant)) {
		size_t h = i + !bare;
		while (h < limit && h < i + 5 && !nominal_word(d, h) &&
		       (is_word(d, h) || tok_punct(d, h, '-')) &&
		       !(d->t[h].lex & (L_CUE | L_CONNECT)))
			h++;
		/* "a company spokesman", "industry analysts": the last noun is the head. */
		while (h + 1 < limit && nominal_word(d, h) && nominal_word(d, h + 1))
			h++;
		/* "said the charity's chief executive, Imogen Thackeray", "said
		 * the chief executive of Tajo Water, Marta Iglesias": the name
		 * after the title (and its organisation) speaks, with that
		 * title. */
		size_t c = h + 1;
		if (c + 1 < limit && tok_in(d, c, (const char *const[]){ "of", "at", "for", "de",
				"del", NULL })) {
			size_t o0 = c + 1;
			if (tok_is(d, o0, "the") || foreign_article(d, o0))
				o0++;
			size_t o1 = name_run_right(d, o0, limit);
			if (o1 > o0)
				c = o1;
		}
		if (c + 1 < limit && nominal_word(d, h) && (d->t[h].lex & (L_ROLE | L_NOM_PERSON)) &&
		    !(d->t[h].lex & L_PLURAL_NOM) && tok_punct(d, c, ',') &&
		    tok_capword(d, c + 1)) {
			size_t e = name_run_right(d, c + 1, limit);
			if (e > c + 1 && (e == limit || tok_punct(d, e, ',') || tok_punct(d, e, '.')) &&
			    run_type(d, c + 1, e) != ET_ORG && run_type(d, c + 1, e) != ET_PLACE) {
				bool personish;
				parse_appositive(d, i, c, sp, &personish);
				if (personish) {
					size_t n0 = trim_run(d, c + 1, e, sp);
					set_name(sp, n0, e);
					sp->t0 = i;
					sp->t1 = e;
					sp->type = ET_PERSON;
					return true;
				}
				xspeaker_release(sp);
				memset(sp, 0, sizeof(*sp));
				sp->ent = -1;
			}
		}
		if (h < limit && nominal_word(d, h) && nominal_left(d, h + 1, i, sp)) {
			size_t k = h + 1;
			/* "ein Sprecher der Nordbahn", "un portavoz de la empresa" */
			bool genitive = doc_lang(d, "de") && tok_in(d, k, (const char *const[]){ "der",
					"des", "von", "vom", NULL });
			if ((tok_is(d, k, "for") || tok_is(d, k, "of") ||
			     tok_is(d, k, "at") || genitive ||
			     (foreign_article(d, k + 1) && tok_in(d, k, (const char *const[]){
					"de", "del", "du", NULL }))) && k + 1 < limit) {
				size_t n = genitive && !tok_is(d, k, "von") ? k : k + 1;
				if (tok_is(d, n, "the") || foreign_article(d, n) ||
				    (genitive && tok_in(d, n, (const char *const[]){ "der", "des",
						"dem", NULL })))
					n++;
				size_t e = name_run_right(d, n, limit);
				if (e > n) {
					free(sp->org);
					sp->org = name_text(d, n, e);
					sp->t1 = e;
				} else {
					/* "two people at the company," */
					while (e < limit && e < n + 4 && lower_word(d, e))
						e++;
					if (tok_punct(d, e, ','))
						sp->t1 = e;
				}
			}
			return true;
		}
		xspeaker_release(sp);
		return false;
	}
	/* "said Dr. Jane Doe", "sagte Geschäftsführerin Dr. Martina Hölzel":
	 * a title's full stop is not the end of the name. */
	size_t h = i, role_at = SIZE_MAX;
	while (tok_capword(d, h) && (d->t[h].lex & (L_HONORIFIC | L_ROLE))) {
		if ((d->t[h].lex & L_ROLE) && role_at == SIZE_MAX)
			role_at = h;
		if (tok_punct(d, h + 1, '.') && tok_capword(d, h + 2)) {
			i = h += 2;
			continue;
		}
		if (!tok_capword(d, h + 1))
			break;
		h++;
	}
	if (tok_capword(d, i)) {
		size_t e = name_run_right(d, i, limit);
		if (e <= i)
			return false;
		/* "according to the Office for National Statistics, ...":
		 * the organisation the entity scan found, connectors and all. */
		for (size_t m = 0; m < d->nms; m++)
			if (d->ms[m].t0 == i && d->ms[m].t1 > e && d->ms[m].t1 <= limit &&
			    d->ms[m].type == ET_ORG)
				e = d->ms[m].t1;
		if (role_at != SIZE_MAX && role_at < i)
			sp->role = lower_dup(d, d->t[role_at].start, d->t[role_at].end);
		size_t n0 = trim_run(d, i, e, sp);
		set_name(sp, n0, e);
		sp->t0 = det;
		/* "said E.F. Hutton Group analyst Michael Lewis", "said
		 * Acme's chief economist Jane Doe", "said the NAR's John
		 * Tuccillo". */
		bool poss = (d->t[e - 1].flags & TF_POSS) != 0;
		size_t r = e;
		while (r < limit && r < e + 4 && lower_word(d, r) &&
		       (d->t[r].lex & (L_ROLE | L_NOM_PERSON)))
			r++;
		/* "said Shelterwise's chief executive, Imogen Thackeray" */
		size_t role_end = r;
		if (r > e && tok_punct(d, r, ',') && tok_capword(d, r + 1))
			r++;
		if ((r > e || poss) && tok_capword(d, r)) {
			size_t e2 = name_run_right(d, r, limit);
			if (e2 > r && !(d->t[e2 - 1].flags & TF_POSS) &&
			    run_type(d, r, e2) != ET_ORG && run_type(d, r, e2) != ET_PLACE) {
				free(sp->org);
				free(sp->role);
				/* "Chicago physician LeRoy Pesch": a place is
				 * where he works, not his organisation. */
				bool place = run_type(d, i, e) == ET_PLACE ||
					     (e == i + 1 && demonym_word(d, i));
				sp->org = place ? NULL
				     : poss ? text_dup_clean(d, d->t[i].start,
							     tok_stem_end(d, e - 1))
					    : name_text(d, i, e);
				sp->role = role_end > e ? lower_dup(d, d->t[e].start,
								    d->t[role_end - 1].end)
						        : NULL;
				size_t m0 = trim_run(d, r, e2, sp);
				set_name(sp, m0, e2);
				sp->t0 = det;
				sp->type = ET_PERSON;
				return true;
			}
		}
		if (poss && det < i) {
			/* "the Fund's Asia Pacific" is no speaker. */
			xspeaker_release(sp);
			return false;
		}
		/* "said Perrin Long of Lipper Analytical" */
		if ((tok_is(d, e, "of") || tok_is(d, e, "at") || tok_is(d, e, "from")) &&
		    run_type(d, n0, e) != ET_ORG) {
			size_t o0 = e + 1 + tok_is(d, e + 1, "the");
			size_t o1 = name_run_right(d, o0, limit);
			if (o1 > o0) {
				free(sp->org);
				sp->org = name_text(d, o0, o1);
				sp->org_t0 = o0;
				sp->org_t1 = o1;
				sp->type = ET_PERSON;
				sp->t1 = o1;
				return true;
			}
		}
		/* ", chairman of Acme" up to the next comma or the end; after
		 * a degree: "Jane Doe, Ph.D., chief executive of Acme". */
		e = skip_postnominals(d, e, limit);
		if (tok_punct(d, e, ',') && e + 1 < limit) {
			size_t a1 = e + 1;
			while (a1 < limit && !tok_punct(d, a1, ',') &&
			       !(d->t[a1].kind == TK_PUNCT &&
				 (d->t[a1].cp == '.' || d->t[a1].cp == ';' ||
				  d->t[a1].cp == '"' || d->t[a1].cp == 0x201C)) &&
			       a1 - e < 20)
				a1++;
			bool personish = false;
			struct xspeaker tmp = { .ent = -1 };
			/* not a clause: "According to Acme Corp, the soldiers
			 * were injured." */
			bool clause = false;
			for (size_t k = e + 1; k < a1 && !clause && !tok_in(d, k, (const char *const[]){
					"who", "which", "that", "whose", NULL }); k++)
				clause = lower_word(d, k) &&
					 tok_in(d, k, (const char *const[]){ "is", "are", "was",
						"were", "has", "have", "had", "will", "would", NULL });
			if (!clause)
				parse_appositive(d, e + 1, a1, &tmp, &personish);
			if (personish) {
				free(sp->role);
				free(sp->org);
				sp->role = tmp.role;
				sp->org = tmp.org;
				sp->org_t0 = tmp.org_t0;
				sp->org_t1 = tmp.org_t1;
				tmp.role = tmp.org = NULL;
				sp->type = ET_PERSON;
				sp->t1 = a1;
			}
			xspeaker_release(&tmp);
		}
		return true;
	}
	return false;
}

/*
 * Word i, alone, can be a name: three letters or more, in no word list,
 * and never written in lower case in the document ("Shopwise", not
 * "Advertising" or "Finance").
 */
static bool name_word_only(const struct xdoc *d, size_t i)
{
	if (d->t[i].lex || tok_len(d, i) < 3 || (d->t[i].flags & TF_ALLCAPS))
		return false;
	struct vb_buf low = VB_BUF_INIT;
	lower_utf8(d->s + d->t[i].start, tok_stem_end(d, i) - d->t[i].start, &low);
	bool lower = false;
	for (size_t k = 0; k < d->nt && !lower; k++)
		lower = d->t[k].kind == TK_WORD && !(d->t[k].flags & TF_CAP) &&
			tok_is(d, k, low.buf);
	vb_buf_release(&low);
	return !lower;
}

/* ---- resolution --------------------------------------------------------- */

static bool head_is(const struct xdoc *d, const struct xspeaker *sp,
		    const char *w)
{
	return tok_is(d, sp->name_t1 - 1, w);
}

/* The first token starting at or after byte pos (d->nt when none). */
size_t token_at(const struct xdoc *d, size_t pos)
{
	size_t lo = 0, hi = d->nt;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->t[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Does a quote say "I", "my", "me"?  Organisations say "we". */
static bool first_person_singular(const struct xdoc *d, const struct xquote *q)
{
	for (size_t p = 0; p < q->nspans; p++) {
		for (size_t k = token_at(d, q->spans[p].start);
		     k < d->nt && d->t[k].start < q->spans[p].end; k++) {
			if (d->t[k].kind != TK_WORD)
				continue;
			if ((tok_len(d, k) == 1 && d->s[d->t[k].start] == 'I') ||
			    tok_is(d, k, "my") || tok_is(d, k, "me") || tok_is(d, k, "myself"))
				return true;
		}
	}
	return false;
}

/* The type of a named speaker when the name alone does not tell. */
static int guess_type(struct xdoc *d, const struct xquote *q)
{
	const struct xspeaker *sp = &q->sp;
	size_t n = sp->name_t1 - sp->name_t0;

	if (sp->role)
		return ET_PERSON;
	int t = run_type(d, sp->name_t0, sp->name_t1);
	if (t == ET_PLACE)
		return ET_ORG;    /* "Britain said": a government speaking */
	if (t != ET_NONE)
		return t;
	/* "Acme said it ...": an organisation refers to itself as "it". */
	if (q->kind == VB_QUOTE_INDIRECT && q->nspans) {
		size_t s = q->spans[0].start;
		if (!strncmp(d->s + s, "it ", 3) || !strncmp(d->s + s, "its ", 4) ||
		    !strncmp(d->s + s, "it'", 3))
			return ET_ORG;
	}
	/* "Lukman said he ...", '"I think ...," Lukman said': a person. */
	if (q->nspans) {
		size_t s = q->spans[0].start;
		if (q->kind == VB_QUOTE_INDIRECT &&
		    (!strncmp(d->s + s, "he ", 3) || !strncmp(d->s + s, "she ", 4) ||
		     !strncmp(d->s + s, "his ", 4) || !strncmp(d->s + s, "her ", 4)))
			return ET_PERSON;
		if (q->kind == VB_QUOTE_DIRECT && first_person_singular(d, q))
			return ET_PERSON;
	}
	if (n == 1 && (d->t[sp->name_t0].lex & L_GIVEN))
		return ET_PERSON;
	/* "Ortiz said ... He added ...": the next sentence goes on about
	 * a man or a woman. */
	size_t ns = d->t[sp->name_t0].sent + 1;
	if (ns < d->ns && d->sn[ns].para == d->t[sp->name_t0].para &&
	    (tok_is(d, d->sn[ns].t0, "he") || tok_is(d, d->sn[ns].t0, "she")))
		return ET_PERSON;
	/* or the name is a person's elsewhere: "Mr. Ortiz" (the words
	 * after a title, gathered once per document) */
	if (n == 1) {
		if (!d->titled_done) {
			d->titled_done = true;
			for (size_t k = 1; k < d->nt; k++) {
				size_t h = k - 1 - (k >= 2 && tok_punct(d, k - 1, '.'));
				if (tok_capword(d, k) && d->t[h].kind == TK_WORD &&
				    (d->t[h].lex & L_HONORIFIC) && (d->t[h].flags & TF_CAP))
					strmap_put(&d->titled, d->s + d->t[k].start, tok_len(d, k),
						   0, 0, NULL);
			}
		}
		if (strmap_get(&d->titled, d->s + d->t[sp->name_t0].start,
			       tok_len(d, sp->name_t0)))
			return ET_PERSON;
	}
	if (n == 1)
		return ET_NONE;
	if (d->t[sp->name_t0].lex & L_GIVEN)
		return ET_PERSON;
	if (n > 3)
		return ET_ORG;
	/* "Jane Doe" looks like a person; "U.S. Lines", "Computer Terminal" not. */
	for (size_t k = sp->name_t0; k < sp->name_t1; k++) {
		const struct xtok *w = &d->t[k];
		if (w->kind != TK_WORD)
			continue;
		if ((w->flags & (TF_ALLCAPS | TF_DOTS | TF_HAS_DIGIT)) ||
		    (w->lex & (L_COMMON | L_STOP | L_NOM_ORG | L_NOM_PERSON |
			       L_PLACE_GENERIC | L_UNIT)))
			return ET_ORG;
		lower_utf8(d->s + w->start, tok_stem_end(d, k) - w->start, &d->tmp);
		if (strmap_get(&d->ex->gaz, d->tmp.buf, d->tmp.len))
			return ET_ORG;
	}
	return ET_PERSON;
}

struct history {
	int ent;
	int type;
	const char *role;
	size_t pos;
	size_t para;
};

/* The entity of the last mention before `before`; *at is where it starts. */
static int nearest_mention_at(struct xdoc *d, size_t before, int type,
			      const char *head, size_t *at)
{
	if (d->mix.built && d->mix.sorted) {
		long i = mindex_last_in_class(d, type, head, before);
		if (i >= 0)
			*at = d->ms[i].start;
		return i < 0 ? -1 : d->ms[i].ent;
	}
	int best = -1;
	for (size_t i = 0; i < d->nms; i++) {
		const struct xmention *m = &d->ms[i];
		if (m->start >= before)
			continue;
		if (m->ent < 0 || d->ents[m->ent].type != type)
			continue;
		if (head && !strstr(d->ents[m->ent].key, head))
			continue;
		best = m->ent;
		*at = m->start;
	}
	return best;
}

/*
 * The entity of the last mention (in the order mentions were added) that
 * starts before `before` and names an entity of `type` whose key contains
 * `head` (when set).
 */
static int nearest_mention(struct xdoc *d, size_t before, int type,
			   const char *head)
{
	size_t at;
	return nearest_mention_at(d, before, type, head, &at);
}

/* A title before mention i ("Ms", "Herr"): 'm', 'f' or 0. */
static int title_gender(const struct xdoc *d, size_t i)
{
	const struct xmention *m = &d->ms[i];

	if (m->t0 == 0)
		return 0;
	size_t k = m->t0 - 1;
	if (tok_punct(d, k, '.') && k > 0)
		k--;
	uint32_t lex = d->t[k].kind == TK_WORD ? d->t[k].lex : 0;
	if ((lex & L_MALE) && !(lex & L_GIVEN))
		return 'm';
	if ((lex & L_FEMALE) && !(lex & L_GIVEN))
		return 'f';
	return 0;
}

/*
 * The sex of a person, when the document tells: a title before one of its
 * mentions ("Ms", "Herr"), else its given name.  'm', 'f' or 'u'.
 */
static int person_gender(struct xdoc *d, int ent)
{
	struct xent *e = &d->ents[ent];

	if (e->gender)
		return e->gender;
	e->gender = 'u';
	/* The first mention with a title, among the mentions of the entity. */
	if (d->mix.built && (size_t)ent < d->mix.nbyent) {
		const struct idlist *l = &d->mix.byent[ent];
		const uint32_t *v = idlist_items(l);
		for (size_t k = 0; k < l->n; k++) {
			int g;
			if (d->ms[v[k]].ent == ent && (g = title_gender(d, v[k])))
				return e->gender = g;
		}
	} else if (!d->mix.built) {
		for (size_t i = 0; i < d->nms; i++) {
			int g;
			if (d->ms[i].ent == ent && (g = title_gender(d, i)))
				return e->gender = g;
		}
	}
	const char *sp = strchr(e->canonical, ' ');
	size_t n = sp ? (size_t)(sp - e->canonical) : strlen(e->canonical);
	const struct strmap_entry *w = lexicon_get(&d->ex->lex, e->canonical, n);
	if (w && (w->flags & L_MALE) && !(w->flags & L_FEMALE))
		e->gender = 'm';
	else if (w && (w->flags & L_FEMALE) && !(w->flags & L_MALE))
		e->gender = 'f';
	return e->gender;
}

static bool object_of_preposition(const struct xdoc *d, size_t t0)
{
	static const char *const preps[] = {
		"from", "by", "to", "with", "of", "for", "at", "against", "about",
		"on", "into", "than", "between", "among", "like", "under",
	};
	size_t k = t0;
	/* Over titles: "by Democratic Senator Jane Doe", "to Mr Doe". */
	while (k > 0 && d->t[k - 1].kind == TK_WORD && (d->t[k - 1].flags & TF_CAP) &&
	       (d->t[k - 1].lex & (L_HONORIFIC | L_ROLE | L_COMMON)))
		k--;
	if (k > 0 && tok_punct(d, k - 1, '.') && k > 1 && (d->t[k - 2].lex & L_HONORIFIC))
		k -= 2;
	if (k == 0 || d->t[k - 1].kind != TK_WORD)
		return false;
	/* "according to Jane Doe" names a speaker. */
	if (tok_is(d, k - 1, "to") && k > 1 && tok_is(d, k - 2, "according"))
		return false;
	for (size_t i = 0; i < sizeof(preps) / sizeof(preps[0]); i++)
		if (tok_is(d, k - 1, preps[i]))
			return true;
	return false;
}

/*
 * Antecedents of "he" and "she" are looked for at most this many bytes
 * back, which only matters in paragraphs of thousands of words (a larger
 * value given to the compiler restores the unbounded search, for tests).
 */
#ifndef PRONOUN_WINDOW
#define PRONOUN_WINDOW 8192
#endif

struct antecedent {
	int best;
	size_t best_start;
	uint32_t para;
	size_t before;
	int want;
};

static void antecedent_try(struct xdoc *d, size_t i, struct antecedent *a)
{
	const struct xmention *m = &d->ms[i];

	if (m->ent < 0 || m->start >= a->before ||
	    (a->best >= 0 && m->start <= a->best_start))
		return;
	if (d->ents[m->ent].type != ET_PERSON ||
	    (d->t[m->t0].flags & TF_INQUOTE) || d->t[m->t0].para + 3 < a->para ||
	    object_of_preposition(d, m->t0))
		return;
	int g = person_gender(d, m->ent);
	if (g != 'u' && g != a->want)
		return;
	a->best = m->ent;
	a->best_start = m->start;
}

/*
 * The entity named by the capitalised words opening at p0 (not a stop
 * word, pronoun or article), up to t1 and at most `max` words, looked up
 * with the type hint `type`; -1 if none.  *end is the name's end token.
 * A name opening a sentence may not be a mention yet.
 */
int opening_name_entity(struct xdoc *d, size_t p0, size_t t1, size_t max, int type,
			size_t *end)
{
	if (!tok_capword(d, p0) || (d->t[p0].lex & (L_STOP | L_PRONOUN | L_DET)))
		return -1;
	size_t e = name_run_right(d, p0, t1);
	if (e <= p0 || e - p0 > max)
		return -1;
	char *nm = text_dup_clean(d, d->t[p0].start, d->t[e - 1].end);
	int ent = ent_find(d, nm, type);
	free(nm);
	*end = e;
	return ent;
}

/*
 * 'Brackley shrugged off the criticism. "Lukas is a smart guy," he said.':
 * the person whose name opens the sentence before the quote, in its
 * paragraph, of the sex wanted; else -1.  A name opening a sentence may
 * not be a mention yet when speakers are resolved.
 */
static int sentence_subject_before(struct xdoc *d, size_t qstart, int want)
{
	size_t t = token_at(d, qstart);
	if (t >= d->nt || t == 0)
		return -1;
	if (d->t[t - 1].kind == TK_PUNCT)
		t--;   /* the opening mark */
	size_t s = d->t[t].sent;
	if (d->sn[s].t0 < t)
		return -1;   /* the quote does not open its sentence */
	if (s == 0 || d->sn[s - 1].para != d->sn[s].para)
		return -1;
	size_t e;
	int ent = opening_name_entity(d, d->sn[s - 1].t0, d->sn[s - 1].t1, 3, ET_PERSON, &e);
	if (ent < 0 || d->ents[ent].type != ET_PERSON)
		return -1;
	int g = person_gender(d, ent);
	return g == 'u' || g == want ? ent : -1;
}

/*
 * "TWA offered to buy USAir for 52 dlrs a share. It also said": the
 * organisation whose name opens the sentence before the one that "it"
 * (token t) opens, in its paragraph; else -1.
 */
static int org_subject_before(struct xdoc *d, size_t t)
{
	size_t s = d->t[t].sent;
	if (d->sn[s].t0 != t || s == 0 || d->sn[s - 1].para != d->sn[s].para)
		return -1;
	size_t e;
	int ent = opening_name_entity(d, d->sn[s - 1].t0, d->sn[s - 1].t1, 6, ET_ORG, &e);
	return ent >= 0 && d->ents[ent].type == ET_ORG ? ent : -1;
}

/*
 * "he" or "she": the person of that sex named last before the pronoun
 * and before the quote it attributes (`before`), outside quotation marks,
 * not the object of a preposition ("bought from Jane Doe"), within the
 * three paragraphs before and PRONOUN_WINDOW bytes before; else -1.
 * The mentions are tried in the order they were added: the genders
 * computed on the way are kept, so the order matters.
 */
static int pronoun_antecedent(struct xdoc *d, size_t tok, size_t before, int want,
			      size_t *at)
{
	struct antecedent a = { -1, 0, d->t[tok].para, before, want };

	if (d->t[tok].start < a.before)
		a.before = d->t[tok].start;
	size_t lo = a.para >= 3 ? d->t[d->p[a.para - 3].t0].start : 0;
	if (a.before > PRONOUN_WINDOW && a.before - PRONOUN_WINDOW > lo)
		lo = a.before - PRONOUN_WINDOW;
	if (!d->mix.built || !d->mix.sorted) {
		for (size_t i = 0; i < d->nms; i++)
			if (d->ms[i].start >= lo)
				antecedent_try(d, i, &a);
		*at = a.best_start;
		return a.best;
	}
	size_t i0, i1;
	mindex_sorted_range(d, lo, a.before, &i0, &i1);
	for (size_t i = i0; i < i1; i++)
		antecedent_try(d, i, &a);
	uint32_t *late = NULL;
	size_t nlate = 0, alate = 0;
	mindex_late_range(d, lo, a.before, &late, &nlate, &alate);
	for (size_t k = 0; k < nlate; k++)
		antecedent_try(d, late[k], &a);
	free(late);
	*at = a.best_start;
	return a.best;
}

/* Who `from` is (entity, type, name, role, organisation, anonymity),
 * copied into `sp`, which has none of it yet. */
static void copy_speaker(struct xspeaker *sp, const struct xspeaker *from)
{
	sp->type = from->type;
	sp->ent = from->ent;
	sp->name = from->name ? vb_strdup(from->name) : NULL;
	sp->role = from->role ? vb_strdup(from->role) : NULL;
	sp->org = from->org ? vb_strdup(from->org) : NULL;
	sp->anonymous = from->anonymous;
}

/*
 * "A Telecom spokesman said ...  He said ...": an anonymous speaker named
 * by a noun phrase has no entity for "he" to find, so a pronoun whose
 * named antecedent, if any, comes before the last quote's nominal speaker
 * (in its paragraph or the one before) is that speaker; "they" likewise
 * for a plural one ("growers told Reuters ... they said").  Copies it.
 */
static bool nominal_antecedent(struct xspeaker *sp, const struct xspeaker *last,
			       size_t last_pos, size_t last_para, size_t qpara,
			       bool plural, int named, size_t named_at)
{
	/* The last speaker: a noun phrase, or a pronoun that stood for one;
	 * "they" may stand for organisations ("the two organizations"). */
	if (!last || (last->how != SP_NOMINAL && last->how != SP_PRONOUN) ||
	    !last->anonymous || (last->type != ET_PERSON && !plural) ||
	    last->ent >= 0 || !last->name || last->plural != plural ||
	    qpara > last_para + 1 || (named >= 0 && named_at > last_pos))
		return false;
	copy_speaker(sp, last);
	sp->plural = last->plural;
	return true;
}

/*
 * The organisation that opened the last sentence to open with one, before
 * byte pos and at most a paragraph back ("The Civil Aviation Authority has
 * opened an inquiry into Pellion Air, the regulator said"; "Tylan Corp said
 * it has retained the bank Kahn and Harris. The company said ..."): the
 * subject, more likely than the nearest name; -1 when none.
 */
static int subject_org(struct xdoc *d, size_t pos)
{
	long best = -1;
	size_t best_start = 0;
	for (size_t i = 0; i < d->nms; i++) {
		const struct xmention *m = &d->ms[i];
		if (m->end > pos || (best >= 0 && m->start <= best_start))
			continue;
		/* A name not typed yet counts too ("Sharespan has 28 days to
		 * appeal.  The company said"), if nothing says it is a person's
		 * or a place's. */
		int type = m->ent >= 0 ? d->ents[m->ent].type : ET_NONE;
		size_t s = m->t0;
		while (s > 0 && d->t[s - 1].sent == d->t[m->t0].sent)
			s--;
		if (m->t0 - s > 2)
			continue;
		if (type != ET_ORG &&
		    (type != ET_NONE || m->t0 != s || m->t1 - m->t0 != 1 || d->t[m->t0].lex ||
		     (d->t[m->t0].flags & TF_ALLCAPS) || demonym_word(d, m->t0) ||
		     run_type(d, m->t0, m->t1) != ET_NONE ||
		     /* a product and its model number: "Atlas 3 cuts ..." */
		     (m->t1 < d->nt && d->t[m->t1].kind == TK_NUM &&
		      d->t[m->t1].sent == d->t[m->t0].sent)))
			continue;
		best = (long)i;
		best_start = m->start;
	}
	if (best < 0)
		return -1;
	/* At most the paragraph before pos's. */
	size_t at = token_at(d, pos);
	uint32_t para = at < d->nt ? d->t[at].para : d->t[d->nt - 1].para;
	struct xmention *m = &d->ms[best];
	if (d->t[m->t0].para + 1 < para)
		return -1;
	if (m->ent < 0 || d->ents[m->ent].type != ET_ORG) {
		int ent = ent_match_name(d, m->t0, m->t1, ET_ORG);
		if (ent < 0)
			return -1;
		if (d->ents[ent].type == ET_NONE)
			ent_set_type(d, ent, ET_ORG);
		if (d->ents[ent].type != ET_ORG)
			return -1;
		m->ent = ent;
		m->type = ET_ORG;
	}
	return m->ent;
}

/* Whether `name` names another kind of organisation than a `head`
 * ("ministry"): a company (its last word a legal form or a trade's word:
 * "Orvane Pharma", "Acme Corp"), a public body of another kind
 * ("Dockworkers' Union"), or a body named "KIND of PLACE" of another
 * kind ("Port of Kessling"; the caller knows the name lacks the head). */
static bool other_kind(const struct xdoc *d, const char *name, const char *head)
{
	if (strstr(name, " of "))
		return true;
	const char *last = strrchr(name, ' ');
	last = last ? last + 1 : name;
	const struct strmap_entry *w = lexicon_get(&d->ex->lex, last, strlen(last));
	if (!w)
		return false;
	if (w->flags & L_ORG_SUFFIX)
		return true;
	static const char *const public_words[] = {
		"union", "federation", "association", "council", "committee",
		"commission", "ministry", "department", "party", "authority",
		"agency", "board", "office", "bureau", "institute", "society",
		"foundation", "trust", "league", "alliance", "coalition", "movement",
		"church", "court", "university", "college", "school", "academy",
		"government", "parliament", "assembly", "congress", "senate", NULL,
	};
	for (size_t k = 0; public_words[k]; k++)
		if (!strcasecmp(last, public_words[k]))
			return strcasecmp(last, head) != 0;
	return (w->flags & L_ORG_CUE) != 0;
}

/* An office in an organisation ("chief financial officer", "president
 * and CEO", "head of sales", "minister of trade"), not a profession
 * ("analyst", "professor", "lawyer"). */
static bool office_role(const char *role)
{
	static const char *const words[] = {
		"chief", "officer", "president", "chairman", "chairwoman", "chair",
		"ceo", "cfo", "coo", "cto", "founder", "director", "head of", "spokes",
		"manager", "general counsel", "minister", "secretary", "commissioner",
		"coordinator",
		/* Chinese: chairman, general manager, chief ... officer,
		 * president, spokesperson, head */
		"\u8463\u4e8b\u957f", "\u603b\u7ecf\u7406", "\u9996\u5e2d", "\u603b\u88c1",
		"\u53d1\u8a00\u4eba", "\u8d1f\u8d23\u4eba", NULL,
	};
	if (strstr(role, "analyst") || strstr(role, "professor") || strstr(role, "lawyer") ||
	    strstr(role, "police"))
		return false;
	for (size_t k = 0; words[k]; k++)
		if (strstr(role, words[k]))
			return true;
	return false;
}

/*
 * The organisation "the company" or "the bank" (head) stands for at byte
 * pos: the nearest organisation whose name has the noun; but "Lloyds Bank
 * Canada, a unit of Lloyds Bank International, said ... the bank said":
 * the one that spoke last, when it has the noun and no other was named
 * since it spoke.  -1 when none.
 */
static int org_for_nominal(struct xdoc *d, size_t pos, const char *head,
			   const struct history *last_org)
{
	size_t at = 0;
	int ent = nearest_mention_at(d, pos, ET_ORG, head, &at);
	if (ent >= 0 && last_org->ent >= 0 && at < last_org->pos &&
	    strcasestr(d->ents[last_org->ent].canonical, head))
		ent = last_org->ent;
	/* "the company", "the agency" are most often the organisation that
	 * spoke last; "the government", "the court" only one named so. */
	static const char *const kinds[] = {
		"government", "court", "police", "army", "military",
		"administration", "regime", "parliament", NULL,
	};
	bool kind = false;
	for (size_t k = 0; kinds[k] && !kind; k++)
		kind = !strcmp(head, kinds[k]);
	if (ent < 0 && last_org->ent >= 0 && !kind)
		ent = last_org->ent;
	if (ent < 0 && !kind)
		ent = subject_org(d, pos);
	/* A press release's "the company" is its issuer, when the text names
	 * it, rather than whatever was named last ("(NASDAQ: QLLN)"). */
	const char *src = d->opts ? d->opts->source_org : NULL;
	if (ent < 0 && !kind && src)
		ent = ent_find(d, src, ET_ORG);
	if (ent < 0 && !kind)
		ent = nearest_mention(d, pos, ET_ORG, NULL);
	/* "the union", "the ministry" is no company named before ("Orvane
	 * Pharma said ... The union said"), unless its name has the noun. */
	static const char *const bodies[] = {
		"union", "ministry", "council", "committee", "commission", "party",
		"association", "federation", "regulator", "charity", NULL,
	};
	bool body = false;
	for (size_t k = 0; bodies[k] && !body; k++)
		body = !strcmp(head, bodies[k]);
	/* Nor another kind of body: "The transport ministry says" after the
	 * dockworkers' union spoke. */
	if (ent >= 0 && body && !strcasestr(d->ents[ent].canonical, head) &&
	    other_kind(d, d->ents[ent].canonical, head))
		ent = -1;
	return ent;
}

/*
 * The person named last before token `before`, within three paragraphs,
 * with the title `head` (lower case; an office, not "spokesman", whose
 * holder often stays unnamed) just before the name in its sentence
 * ("The Minister for Digital Affairs, Ruth Okonkwo") or in an appositive
 * after it ("Ruth Okonkwo, the minister"); -1 when none.
 */
static int titled_person(const struct xdoc *d, size_t before, const char *head)
{
	int best = -1;
	size_t best_t0 = 0;
	uint32_t para = d->t[before].para;
	for (size_t i = 0; i < d->nms; i++) {
		const struct xmention *m = &d->ms[i];
		if (m->ent < 0 || d->ents[m->ent].type != ET_PERSON || m->t1 > before ||
		    (best >= 0 && m->t0 <= best_t0) || d->t[m->t0].para + 3 < para)
			continue;
		bool titled = false;
		for (size_t k = m->t0; k-- > 0 && k + 10 > m->t0 && !titled &&
				       d->t[k].sent == d->t[m->t0].sent;)
			titled = tok_is(d, k, head);
		for (size_t k = m->t1; k < m->t1 + 6 && k < before && !titled &&
				       d->t[k].sent == d->t[m->t0].sent; k++)
			titled = tok_is(d, k, head);
		if (titled) {
			best = m->ent;
			best_t0 = m->t0;
		}
	}
	return best;
}

static void speaker_from_ent(struct xdoc *d, struct xspeaker *sp, int ent)
{
	sp->ent = ent;
	sp->type = d->ents[ent].type;
	free(sp->name);
	sp->name = vb_strdup(d->ents[ent].canonical);
}

/* Whether the word w (n bytes, any case) stands in the text of quote q. */
static bool quote_has_word(const struct xdoc *d, const struct xquote *q, const char *w,
			   size_t n)
{
	for (size_t i = 0; i < q->nspans; i++)
		for (size_t k = token_at(d, q->spans[i].start);
		     k < d->nt && d->t[k].start < q->spans[i].end; k++)
			if (tok_len(d, k) == n && !strncasecmp(d->s + d->t[k].start, w, n))
				return true;
	return false;
}

/* Whether word `w` (n bytes) is one of the words of `name`. */
static bool word_of(const char *name, const char *w, size_t n)
{
	for (const char *p = name; p && *p; p++)
		if ((p == name || p[-1] == ' ') && !strncmp(p, w, n) &&
		    (p[n] == 0 || p[n] == ' '))
			return true;
	return false;
}

/* Whether someone other than `sp` (entity sp->ent, or its organisation,
 * entity `org`) is named between bytes `from` and `to`: an entity's
 * mention, or a capitalised word the lexicon does not know (or knows as
 * a given name) inside a sentence and outside their names ("Farmers met
 * Amos Ekker"). */
static bool named_between(struct xdoc *d, size_t from, size_t to,
			  const struct xspeaker *sp, int org)
{
	for (size_t i = 0; i < d->nms; i++) {
		const struct xmention *m = &d->ms[i];
		if (m->start <= from || m->start >= to || m->ent < 0 || m->ent == sp->ent ||
		    m->ent == org)
			continue;
		int type = d->ents[m->ent].type;
		if (type == ET_PERSON || type == ET_ORG || type == ET_NONE)
			return true;
	}
	for (size_t k = token_at(d, from); k < d->nt && d->t[k].start < to; k++) {
		const struct xtok *t = &d->t[k];
		if (t->start <= from || !tok_capword(d, k) || (t->flags & TF_SENT_START) ||
		    (t->lex & ~(uint32_t)(L_GIVEN | L_MALE | L_FEMALE)))
			continue;
		const char *w = d->s + t->start;
		if (!word_of(sp->name, w, tok_len(d, k)) && !word_of(sp->org, w, tok_len(d, k)))
			return true;
	}
	return false;
}

/* The first role and organisation the document gives each person entity. */
struct descriptions {
	char **role, **org;
};

/*
 * Keep what `sp` says of person entity e unless something was kept
 * before.  An organisation "its" is unresolved; with `names_only`, a noun
 * left as text ("the bank", "The union") is not kept either.
 */
static void describe(struct descriptions *ds, int e, const char *role, const char *org,
		     bool names_only)
{
	if (role && !ds->role[e])
		ds->role[e] = vb_strdup(role);
	if (!org || ds->org[e] || !strcmp(org, "its"))
		return;
	if (names_only && (strchr("abcdefghijklmnopqrstuvwxyz", org[0]) || !strncmp(org, "The ", 4)))
		return;
	ds->org[e] = vb_strdup(org);
}

/* Is mention m a person whose description is still incomplete? */
static bool undescribed(const struct xdoc *d, const struct descriptions *ds,
			const struct xmention *m)
{
	return m->ent >= 0 && (size_t)m->ent < d->nents && d->ents[m->ent].type == ET_PERSON &&
	       !(ds->role[m->ent] && ds->org[m->ent]);
}

/* "the appointment of X as chief executive", "X was appointed chief
 * executive of Y": an office given to the person of mention m. */
static void describe_office_given(struct xdoc *d, const struct xmention *m,
				  struct descriptions *ds)
{
	size_t as = SIZE_MAX;
	if (lower_word(d, m->t1) && tok_is(d, m->t1, "as"))
		as = m->t1 + 1;
	else if (lower_word(d, m->t1) && tok_in(d, m->t1, (const char *const[]){ "was", "is",
			"has", NULL })) {
		size_t k = m->t1 + 1 + tok_is(d, m->t1 + 1, "been");
		if (lower_word(d, k) && tok_in(d, k, (const char *const[]){ "appointed", "named",
				"elected", "promoted", NULL }))
			as = k + 1 + (tok_is(d, k + 1, "as") || tok_is(d, k + 1, "to"));
	}
	if (as == SIZE_MAX || as >= d->nt)
		return;
	size_t e = as;
	while (e < d->nt && e < as + 10 && d->t[e].sent == d->t[as].sent &&
	       !tok_punct(d, e, ',') && !tok_punct(d, e, '.') && !tok_punct(d, e, ';') &&
	       !tok_in(d, e, (const char *const[]){ "with", "from", "after", "in", "on", "and",
			"who", "effective", NULL }))
		e++;
	struct xspeaker tmp = { .ent = -1 };
	bool personish = false;
	if (e > as && (lower_word(d, as) || title_case_role(d, as, e) > as ||
		       (d->t[as].lex & L_DET)))
		parse_appositive(d, as, e, &tmp, &personish);
	/* "Orlen Water today announced the appointment of X as chief
	 * executive": the organisation opening the sentence */
	if (personish && tmp.role && !tmp.org) {
		size_t s0 = m->t0;
		while (s0 > 0 && d->t[s0 - 1].sent == d->t[m->t0].sent)
			s0--;
		for (size_t k = 0; k < d->nms; k++)
			if (d->ms[k].t0 <= s0 + 1 && d->ms[k].t0 >= s0 && d->ms[k].t1 < m->t0 &&
			    d->ms[k].ent >= 0 && d->ents[d->ms[k].ent].type == ET_ORG) {
				tmp.org = vb_strdup(d->ents[d->ms[k].ent].canonical);
				break;
			}
	}
	if (personish && tmp.type != ET_ORG)
		describe(ds, m->ent, tmp.role, tmp.org, true);
	xspeaker_release(&tmp);
}

/* "Julian Thorncastle, chief executive of Halden Music Group, one of the
 * claimants, was ...", "Anjali Marwood, who took over as chief executive
 * of X in July,": an appositive after mention m. */
static void describe_appositive(struct xdoc *d, const struct xmention *m,
				struct descriptions *ds)
{
	if (!tok_punct(d, m->t1, ','))
		return;
	size_t a0 = m->t1 + 1, a1 = a0;
	/* "Daniel Ferris, who chairs the Friends of the Aske,": an office
	 * said by its verb, and the organisation, capitalised, to the comma. */
	static const char *const office_verbs[][2] = {
		{ "chairs", "chair" }, { "heads", "head" }, { "leads", "leader" },
		{ "founded", "founder" }, { "co-founded", "co-founder" },
		{ "directs", "director" }, { "manages", "manager" }, { "owns", "owner" },
		{ "edits", "editor" }, { "coaches", "coach" }, { "captains", "captain" },
	};
	if (tok_is(d, a0, "who") && lower_word(d, a0 + 1)) {
		for (size_t v = 0; v < sizeof(office_verbs) / sizeof(office_verbs[0]); v++) {
			if (!tok_is(d, a0 + 1, office_verbs[v][0]))
				continue;
			size_t o0 = a0 + 2 + (tok_is(d, a0 + 2, "the") && !(d->t[a0 + 2].flags & TF_CAP));
			size_t o1 = o0;
			while (o1 < d->nt && o1 < o0 + 8 && d->t[o1].sent == d->t[o0].sent &&
			       (tok_capword(d, o1) || (lower_word(d, o1) &&
						       (d->t[o1].lex & L_CONNECT)) ||
				tok_is(d, o1, "the")))
				o1++;
			/* capitalised at both ends, and ending the clause */
			while (o1 > o0 && !tok_capword(d, o1 - 1))
				o1--;
			/* not a place: "who founded the Cupertino, Calif.-based
			 * company" */
			bool place = o1 > o0 && run_type(d, o0, o1) == ET_PLACE;
			for (size_t k = 0; k < d->nms && !place; k++)
				place = d->ms[k].t0 == o0 && d->ms[k].type == ET_PLACE;
			/* and the clause ends there: the sentence's verb
			 * follows ("..., told the Courier"), not more of a
			 * noun phrase ("the Cupertino, Calif.-based company") */
			if (o1 > o0 && !place && tok_capword(d, o0) && o1 + 1 < d->nt &&
			    (tok_punct(d, o1, '.') ||
			     (tok_punct(d, o1, ',') && lower_word(d, o1 + 1)))) {
				char *org = text_dup_clean(d, d->t[o0].start, d->t[o1 - 1].end);
				describe(ds, m->ent, office_verbs[v][1], org, false);
				free(org);
			}
			return;
		}
	}
	if (tok_is(d, a0, "who"))
		for (size_t k = a0 + 1; k < d->nt && k < a0 + 6 && is_word(d, k) &&
				    d->t[k].sent == d->t[a0].sent; k++)
			if (tok_is(d, k, "as")) {
				a0 = a1 = k + 1;
				break;
			}
	while (a1 < d->nt && a1 < a0 + 14 && d->t[a1].sent == d->t[a0].sent &&
	       !tok_punct(d, a1, ',') && !tok_punct(d, a1, '.') && !tok_punct(d, a1, ';') &&
	       !tok_punct(d, a1, '(') && !(d->t[a1].lex & L_CUE))
		a1++;
	if (a1 == a0 || a1 >= d->nt || !tok_punct(d, a1, ','))
		return;
	/* what the person is: "the/a/its ...", "Acme's ...", "chief
	 * executive of ...", "Chief Executive of ..." */
	if (!((is_word(d, a0) && (d->t[a0].lex & L_DET)) ||
	      (lower_word(d, a0) && (d->t[a0].lex & (L_ROLE | L_NOM_PERSON))) ||
	      title_case_role(d, a0, a1) > a0 ||
	      (tok_capword(d, a0) && name_run_right(d, a0, a1) < a1 &&
	       (d->t[name_run_right(d, a0, a1) - 1].flags & TF_POSS))))
		return;
	struct xspeaker tmp = { .ent = -1 };
	bool personish = false;
	parse_appositive(d, a0, a1, &tmp, &personish);
	if (personish && tmp.type != ET_ORG)
		describe(ds, m->ent, tmp.role, tmp.org, false);
	xspeaker_release(&tmp);
}

/*
 * "Its founder, Owen Brackley, was found liable", "Its director is
 * Tomasz Whelan", "Heineken board member Hans Coebergh": a title before
 * mention m, after a comma, a copula or nothing; its owner a determiner
 * ("its": the organisation named before in the sentence, else one opening
 * a sentence just before), a possessive name or an organisation named
 * just before.
 */
static void describe_title_before(struct xdoc *d, const struct xmention *m,
				  struct descriptions *ds)
{
	if (m->t0 < 2)
		return;
	size_t a1 = m->t0;
	if (tok_punct(d, m->t0 - 1, ',')) {
		if (m->t1 >= d->nt || !tok_punct(d, m->t1, ','))
			return;
		a1 = m->t0 - 1;
	} else if (lower_word(d, m->t0 - 1) &&
		   tok_in(d, m->t0 - 1, (const char *const[]){ "is", "was", NULL })) {
		a1 = m->t0 - 1;
	}
	size_t a0 = a1;
	if (a1 < 2)
		return;
	/* the head: one person's office ("chairman"), not a portfolio's
	 * word ("affairs") or people ("bankers") */
	if (!lower_word(d, a1 - 1) || !(d->t[a1 - 1].lex & (L_ROLE | L_NOM_PERSON)) ||
	    (d->t[a1 - 1].lex & L_PLURAL_NOM) || role_topic(d, a1 - 1))
		return;
	/* its modifiers: words of titles, or up to two others that are no
	 * verb ("a statement quoted chairman X") */
	size_t plain = 0;
	while (a0 > 0 && a0 + 5 > a1 && lower_word(d, a0 - 1) &&
	       !(d->t[a0 - 1].lex & (L_DET | L_STOP | L_CUE | L_CONNECT)) &&
	       !(d->t[a0 - 1].flags & TF_POSS)) {
		size_t k = a0 - 1, n = tok_len(d, k);
		const char *w = d->s + d->t[k].start;
		if (!(d->t[k].lex & (L_ROLE | L_NOM_PERSON)) &&
		    (++plain > 2 || (n > 3 && (!memcmp(w + n - 2, "ed", 2) ||
					       !memcmp(w + n - 3, "ing", 3)))))
			break;
		a0--;
		/* "vice-president" */
		if (a0 > 1 && tok_punct(d, a0 - 1, '-') && tok_adjacent(d, a0 - 1) &&
		    tok_adjacent(d, a0) && lower_word(d, a0 - 2))
			a0 -= 2;
	}
	int owner = -1;
	for (size_t k = 0; a0 < a1 && k < d->nms; k++)
		if (d->ms[k].t1 == a0 && d->ms[k].type == ET_ORG && d->ms[k].ent >= 0 &&
		    d->ents[d->ms[k].ent].type == ET_ORG) {
			owner = d->ms[k].ent;
			break;
		}
	if (a0 > 0 && is_word(d, a0 - 1) && ((d->t[a0 - 1].lex & L_DET) ||
					      (d->t[a0 - 1].flags & TF_POSS))) {
		a0--;
		while (a0 > 0 && (d->t[a0].flags & TF_POSS) && tok_capword(d, a0 - 1) &&
		       !(d->t[a0 - 1].flags & TF_POSS))
			a0--;
	}
	if (a0 == a1)
		return;
	struct xspeaker tmp = { .ent = -1 };
	bool personish = false;
	parse_appositive(d, a0, a1, &tmp, &personish);
	if (owner >= 0 && !tmp.org)
		tmp.org = vb_strdup(d->ents[owner].canonical);
	if (personish && tmp.type != ET_ORG && tmp.role) {
		if (tmp.org && !strcmp(tmp.org, "its")) {
			size_t at = 0;
			int o = nearest_mention_at(d, d->t[a0].start, ET_ORG, NULL, &at);
			if (o >= 0 && d->t[token_at(d, at)].sent != d->t[a0].sent)
				o = -1;
			if (o < 0)
				o = subject_org(d, d->t[a0].start);
			free(tmp.org);
			tmp.org = o >= 0 ? vb_strdup(d->ents[o].canonical) : NULL;
		}
		describe(ds, m->ent, tmp.role, tmp.org, true);
	}
	xspeaker_release(&tmp);
}

/*
 * "Sheriff Tom Nakamura urged people ...", "Fire Chief Dana Kowalczyk":
 * a capitalised title before mention m, in any sentence, read as an
 * attribution's speaker is (trim_run).
 */
static void describe_title_cap(struct xdoc *d, const struct xmention *m,
			       struct descriptions *ds)
{
	if (m->t0 == 0 || !tok_capword(d, m->t0 - 1) ||
	    !(d->t[m->t0 - 1].lex & (L_ROLE | L_HONORIFIC)) ||
	    d->t[m->t0 - 1].sent != d->t[m->t0].sent)
		return;
	size_t s0 = d->sn[d->t[m->t0].sent].t0;
	size_t r0 = name_run_left(d, m->t1, s0);
	if (r0 >= m->t0)
		return;
	struct xspeaker tmp = { .ent = -1 };
	size_t n0 = trim_run(d, r0, m->t1, &tmp);
	if (n0 == m->t0 && tmp.role)
		describe(ds, m->ent, tmp.role, tmp.org, true);
	xspeaker_release(&tmp);
}

/* The issuer of a press release or statement as the text names it
 * ("Brantley Industrial Corp" for the source "Brantley Industrial"), or
 * NULL. */
static char *issuer_named(struct xdoc *d, const char *src)
{
	const char *type = d->opts ? d->opts->doc_type : NULL;
	if (!src || !type || (strcmp(type, "press_release") && strcmp(type, "statement")))
		return NULL;
	int o = ent_find(d, src, ET_ORG);
	const char *comma = strchr(src, ',');
	if (o < 0 && comma) {
		char *head = vb_strndup(src, (size_t)(comma - src));
		o = ent_find(d, head, ET_ORG);
		free(head);
	}
	if (o >= 0)
		return vb_strdup(d->ents[o].canonical);
	/* written out in the text, but no entity of ours (Chinese names
	 * are found apart: zh.c) */
	return strlen(src) >= 4 && memmem(d->s, d->len, src, strlen(src)) ? vb_strdup(src) : NULL;
}

/* Does the source name an organisation the author speaks for?
 * "Internet Access Providers Association", not "State of the Union" (a
 * name "X of Y" opens with an organisation's word). */
static bool source_is_org(struct xdoc *d, const char *src)
{
	const char *sp = strchr(src, ' ');
	size_t fl = sp ? (size_t)(sp - src) : strlen(src);
	lower_utf8(src, fl, &d->tmp);
	const struct strmap_entry *w = lexicon_get(&d->ex->lex, d->tmp.buf, d->tmp.len);
	return !strstr(src, " of ") || (w && (w->flags & L_ORG_CUE));
}

/* "chief executive of the IFSRP": the full name of an acronym the text
 * defined, or NULL. */
static const char *acronym_org(const struct xdoc *d, const char *org)
{
	size_t n = strlen(org);
	if (n < 2 || n > 8)
		return NULL;
	for (size_t c = 0; c < n; c++)
		if (org[c] < 'A' || org[c] > 'Z')
			return NULL;
	for (size_t e = 0; e < d->nents; e++)
		if (d->ents[e].type == ET_ORG && d->ents[e].acronym &&
		    !strcasecmp(d->ents[e].acronym, org))
			return d->ents[e].canonical;
	return NULL;
}

/*
 * Who each person of the document is, wherever the text says it: a
 * quote's own attribution, an appositive, a title before the name, an
 * office given (describe_*).  Then every quote of that person without a
 * role or an organisation takes them ('..., he said' three paragraphs
 * later).  The first description wins.  A statement's author speaks for
 * its issuer; in a press release, so does whoever holds an office with no
 * organisation named ('"...," added Marcus Oyelaran, Chief Financial
 * Officer.').
 */
static void complete_speakers(struct xdoc *d, const char *src)
{
	if (!d->nq)
		return;
	struct descriptions ds = { calloc(d->nents + 1, sizeof(char *)),
				   calloc(d->nents + 1, sizeof(char *)) };
	if (!ds.role || !ds.org) {
		free(ds.role);
		free(ds.org);
		return;
	}
	for (size_t qi = 0; qi < d->nq; qi++) {
		const struct xspeaker *sp = &d->q[qi].sp;
		if (!d->q[qi].dead && sp->ent >= 0 && (size_t)sp->ent < d->nents &&
		    d->ents[sp->ent].type == ET_PERSON)
			describe(&ds, sp->ent, sp->role, sp->org, false);
	}
	for (size_t i = 0; i < d->nms; i++)
		if (undescribed(d, &ds, &d->ms[i]) && d->ms[i].t1 + 2 < d->nt) {
			describe_office_given(d, &d->ms[i], &ds);
			describe_appositive(d, &d->ms[i], &ds);
		}
	for (size_t i = 0; i < d->nms; i++)
		if (undescribed(d, &ds, &d->ms[i])) {
			describe_title_before(d, &d->ms[i], &ds);
			describe_title_cap(d, &d->ms[i], &ds);
		}

	char *issuer = issuer_named(d, src);
	const char *type = d->opts ? d->opts->doc_type : NULL;
	const char *author = d->opts ? d->opts->speaker : NULL;
	if (author && (!src || !type || strcmp(type, "statement") || !source_is_org(d, src)))
		author = NULL;
	for (size_t qi = 0; qi < d->nq; qi++) {
		struct xspeaker *sp = &d->q[qi].sp;
		if (d->q[qi].dead || sp->type != ET_PERSON || sp->anonymous)
			continue;
		bool known = sp->ent >= 0 && (size_t)sp->ent < d->nents &&
			     d->ents[sp->ent].type == ET_PERSON;
		if (known && !sp->role && ds.role[sp->ent])
			sp->role = vb_strdup(ds.role[sp->ent]);
		if (known && (!sp->org || !strcmp(sp->org, "its")) && ds.org[sp->ent]) {
			free(sp->org);
			sp->org = vb_strdup(ds.org[sp->ent]);
		}
		if (sp->org) {
			const char *full = acronym_org(d, sp->org);
			if (full) {
				free(sp->org);
				sp->org = vb_strdup(full);
			}
			continue;
		}
		const char *name = known ? d->ents[sp->ent].canonical : sp->name;
		if (author && name && !strcasecmp(name, author))
			sp->org = vb_strdup(issuer ? issuer : src);
		else if (issuer && sp->role && office_role(sp->role))
			sp->org = vb_strdup(issuer);
	}
	free(issuer);
	for (size_t e = 0; e < d->nents; e++) {
		free(ds.role[e]);
		free(ds.org[e]);
	}
	free(ds.role);
	free(ds.org);
}

void speakers_resolve(struct xdoc *d)
{
	struct history last_person = { -1, 0, NULL, 0, 0 };
	struct history last_org = { -1, 0, NULL, 0, 0 };
	struct history last_any = { -1, 0, NULL, 0, 0 };
	const struct xspeaker *last_sp = NULL;
	const struct xquote *last_q = NULL;   /* the quote of last_sp */
	size_t last_sp_para = 0, last_sp_pos = 0, last_cue = SIZE_MAX;
	const char *src = d->opts ? d->opts->source_org : NULL;

	mindex_build(d);
	for (size_t qi = 0; qi < d->nq; qi++) {
		struct xquote *q = &d->q[qi];
		struct xspeaker *sp = &q->sp;
		size_t qpos = q->spans[0].start;
		size_t qpara = 0, lo = token_at(d, qpos);
		if (lo < d->nt)
			qpara = d->t[lo].para;
		if (q->dead)
			continue;
		switch (sp->how) {
		case SP_NAME: {
			/* "Americans said", "Germans say": a people, no entity. */
			if (sp->name_t1 == sp->name_t0 + 1 && demonym_word(d, sp->name_t0) &&
			    d->s[d->t[sp->name_t0].end - 1] == 's') {
				sp->type = ET_PERSON;
				sp->plural = sp->anonymous = true;
				free(sp->name);
				sp->name = text_dup_clean(d, d->t[sp->name_t0].start,
							  d->t[sp->name_t0].end);
				break;
			}
			/* "Susan Olawale KC": her letters are no part of her name. */
			if (sp->type != ET_ORG)
				sp->name_t1 = name_without_letters(d, sp->name_t0, sp->name_t1);
			char *nm = name_text(d, sp->name_t0, sp->name_t1);
			int ent = ent_find(d, nm, sp->type);
			int type = sp->type;
			if (type == ET_NONE && ent >= 0)
				type = d->ents[ent].type;
			if (type == ET_NONE)
				type = guess_type(d, q);
			if (ent >= 0 && d->ents[ent].type != ET_NONE &&
			    d->ents[ent].type != type)
				ent = ent_find(d, nm, type);
			if (ent < 0 && type == ET_NONE) {
				/* One unknown word: most often a company ("Chrysler said"). */
				type = ET_ORG;
			}
			/* "The Ombudsman also said" after "the Consumer
			 * Ombudsman": the end of a name said before. */
			if (ent < 0 && sp->t0 < sp->name_t0 && tok_is(d, sp->t0, "the"))
				ent = ent_tail(d, nm);
			if (ent < 0)
				ent = ent_match_name(d, sp->name_t0, sp->name_t1, type);
			free(nm);
			if (ent >= 0) {
				if (d->ents[ent].type == ET_NONE)
					ent_set_type(d, ent, type);
				speaker_from_ent(d, sp, ent);
				mention_add(d, sp->name_t0, sp->name_t1, ent,
					    d->ents[ent].type);
			}
			break;
		}
		case SP_PRONOUN: {
			const char *w = d->s + d->t[sp->t0].start;
			size_t wl = tok_len(d, sp->t0);
			int ent = -1;
			/* he, she; German er, sie ("..., erklärte er") */
			/* French il, elle ("», a-t-il déclaré") */
			int sex = (wl == 2 && (!strncasecmp(w, "he", 2) || !strncasecmp(w, "er", 2) ||
					       !strncasecmp(w, "il", 2)))
					  ? 'm'
				  : ((wl == 3 && (!strncasecmp(w, "she", 3) || !strncasecmp(w, "sie", 3))) ||
				     (wl == 4 && !strncasecmp(w, "elle", 4)))
					  ? 'f' : 0;
			if (sex) {
				size_t named_at = 0;
				ent = pronoun_antecedent(d, sp->t0, q->spans[0].start, sex,
							 &named_at);
				int subj = sentence_subject_before(d, q->spans[0].start, sex);
				if (subj >= 0) {
					ent = subj;
					named_at = q->spans[0].start;
				}
				/* 'The spokesman said "He continues to be
				 * interested ..."  He was quoted as saying': the
				 * spokesman spoke of him, who is named (in
				 * reported speech "he" is the speaker himself). */
				bool of_third = last_q && last_q->kind == VB_QUOTE_DIRECT && ent >= 0 &&
						quote_has_word(d, last_q, w, wl);
				if (!of_third &&
				    nominal_antecedent(sp, last_sp, last_sp_pos, last_sp_para,
						       qpara, false, ent, named_at))
					break;
				if (ent < 0)
					ent = last_person.ent;
				if (ent < 0)
					ent = nearest_mention(d, d->t[sp->t0].start,
							      ET_PERSON, NULL);
				sp->type = ET_PERSON;
			} else if (wl == 2 && !strncasecmp(w, "it", 2)) {
				ent = org_subject_before(d, sp->t0);
				if (ent < 0)
					ent = last_org.ent;
				if (ent < 0)
					ent = nearest_mention(d, d->t[sp->t0].start,
							      ET_ORG, NULL);
				sp->type = ET_ORG;
				if (ent < 0 && src) {
					sp->name = vb_strdup(src);
					sp->how = SP_OPTION;
				}
			} else if (wl == 4 && !strncasecmp(w, "they", 4)) {
				if (nominal_antecedent(sp, last_sp, last_sp_pos, last_sp_para,
						       qpara, true, -1, 0))
					break;
				if (last_any.ent >= 0 && last_any.type == ET_ORG)
					ent = last_any.ent;
				sp->type = ET_ORG;
			} else if (d->opts && d->opts->speaker) {
				/* I, we: the author of a statement. */
				sp->name = vb_strdup(d->opts->speaker);
				sp->type = ET_PERSON;
			}
			if (ent >= 0)
				speaker_from_ent(d, sp, ent);
			break;
		}
		case SP_NOMINAL: {
			/* "the statement said": who spoke last, when that was
			 * an organisation or it spoke in that document ("said
			 * in a memo to staff ... The memo said"). */
			if (sp->document) {
				bool issued = last_sp && last_sp->type == ET_ORG;
				/* the noun in the sentence of that speaker's verb */
				size_t k0 = last_cue, k1 = last_cue;
				if (last_cue < d->nt) {
					while (k0 > 0 && d->t[k0 - 1].sent == d->t[last_cue].sent)
						k0--;
					while (k1 < d->nt && d->t[k1].sent == d->t[last_cue].sent)
						k1++;
				}
				for (size_t k = k0; last_sp && !issued && k < k1; k++)
					issued = tok_len(d, k) == tok_len(d, sp->name_t1 - 1) &&
						 !strncasecmp(d->s + d->t[k].start,
							      d->s + d->t[sp->name_t1 - 1].start,
							      tok_len(d, k));
				if (issued && last_sp->name && qpara <= last_sp_para + 2) {
					copy_speaker(sp, last_sp);
					sp->how = SP_NOMINAL;
					break;
				}
				/* "the authority's director, Helena Quist, told
				 * reporters ... The statement said": the organisation
				 * she spoke for, when no one else was named since;
				 * else the issuer of a press release.  No guess
				 * beyond that: "The statement" is a vaguer speaker
				 * than a wrong organisation. */
				int org = last_sp && last_sp->type == ET_PERSON && last_sp->org
						  ? ent_find(d, last_sp->org, ET_ORG) : -1;
				if (last_sp && last_sp->type == ET_PERSON && last_sp->org &&
				    qpara <= last_sp_para + 2 &&
				    !named_between(d, last_sp_pos, d->t[sp->t0].start, last_sp, org)) {
					if (org >= 0) {
						speaker_from_ent(d, sp, org);
					} else {
						sp->name = vb_strdup(last_sp->org);
						sp->type = ET_ORG;
					}
					break;
				}
				if (src) {
					sp->name = vb_strdup(src);
					sp->type = ET_ORG;
					break;
				}
				sp->name = text_dup_clean(d, d->t[sp->name_t0].start,
							  d->t[sp->name_t1 - 1].end);
				break;
			}
			/* "the company", "its board"; German "des Unternehmens" */
			bool definite = tok_is(d, sp->t0, "the") || foreign_article(d, sp->t0) ||
					(d->t[sp->t0].lex & L_DET && !sp->anonymous &&
					 !tok_is(d, sp->t0, "a") && !tok_is(d, sp->t0, "an")) ||
					(!(d->t[sp->t0].flags & TF_CAP) &&
					 tok_in(d, sp->t0, (const char *const[]){ "der", "des", "dem",
						"den", "das", "die", NULL }) &&
					 tok_capword(d, sp->t0 + 1));
			char head[32] = "";
			size_t hl = tok_len(d, sp->name_t1 - 1);
			if (hl < sizeof(head)) {
				lower_utf8(d->s + d->t[sp->name_t1 - 1].start, hl,
					   &d->tmp);
				snprintf(head, sizeof(head), "%s", d->tmp.buf);
			}
			int ent = -1;
			if (definite && !sp->org && sp->type == ET_ORG && !sp->plural) {
				/* The nearest organisation whose name has the
				 * noun; but "Lloyds Bank Canada, a unit of Lloyds
				 * Bank International, said ... the bank said":
				 * the one that spoke last, when it has the noun
				 * and no other was named since it spoke. */
				ent = org_for_nominal(d, d->t[sp->t0].start, head, &last_org);
				if (ent >= 0) {
					speaker_from_ent(d, sp, ent);
				} else if (src) {
					sp->name = vb_strdup(src);
				}
			} else if (definite && !sp->org && sp->type == ET_PERSON &&
				   !sp->plural) {
				/* "the spokesman": the last speaker with that role;
				 * else "the Minister" after "The Minister for
				 * Digital Affairs, Ruth Okonkwo, announced". */
				if (last_person.ent >= 0 && last_person.role &&
				    strstr(last_person.role, head))
					speaker_from_ent(d, sp, last_person.ent);
				else if ((d->t[sp->name_t1 - 1].lex & L_HONORIFIC) &&
					 (ent = titled_person(d, sp->t0, head)) >= 0)
					speaker_from_ent(d, sp, ent);
				else if (last_sp && last_sp->anonymous && last_sp->org &&
					 last_sp->name && *head && qpara <= last_sp_para + 3) {
					/* "A spokeswoman for Lakeshore Water said
					 * ... "We are sorry," the spokeswoman
					 * said": hers is that organisation. */
					const char *n = last_sp->name, *sp_ = strrchr(n, ' ');
					const char *last_word = sp_ ? sp_ + 1 : n;
					if (!strcasecmp(last_word, head))
						sp->org = vb_strdup(last_sp->org);
				}
			}
			if (!sp->name) {
				sp->name = text_dup_clean(d, d->t[sp->name_t0].start,
							  d->t[sp->name_t1 - 1].end);
				if (sp->type == ET_PERSON)
					sp->anonymous = true;
			}
			(void)head_is;
			break;
		}
		default:
			break;
		}
		if (sp->org && !strcmp(sp->org, "its")) {
			/* The organisation named last, unless it spoke since. */
			size_t at = 0;
			int oe = nearest_mention_at(d, d->t[sp->t0].start, ET_ORG, NULL, &at);
			if (oe < 0 || (last_org.ent >= 0 && at < last_org.pos))
				oe = last_org.ent;
			free(sp->org);
			sp->org = oe >= 0 ? vb_strdup(d->ents[oe].canonical) : NULL;
		}
		/* The organisation by its full name: "the NAR's John Tuccillo". */
		if (sp->org && sp->type == ET_PERSON &&
		    (sp->how == SP_NOMINAL || sp->how == SP_NAME)) {
			int oe = ent_find(d, sp->org, ET_ORG);
			if (oe < 0)   /* "the Association's co-chairman" */
				oe = ent_tail(d, sp->org);
			/* "co-founder and CEO of Shopwise": a name written after
			 * a person's title is an organisation's, and is one;
			 * not a part of a longer one ("Minister of Trade and
			 * Industry", "professor of Information Law at ..."). */
			size_t after = sp->org_t1;
			bool more = after + 1 < d->nt && d->t[after].kind == TK_WORD &&
				    !(d->t[after].flags & TF_CAP) &&
				    ((d->t[after].lex & L_CONNECT) || tok_is(d, after, "at")) &&
				    tok_capword(d, after + 1 + tok_is(d, after + 1, "the"));
			if (oe < 0 && sp->org_t1 > sp->org_t0 && sp->how == SP_NAME && !more &&
			    run_type(d, sp->org_t0, sp->org_t1) == ET_NONE &&
			    !demonym_word(d, sp->org_t0) && !portfolio(d, sp->org_t0, sp->org_t1) &&
			    !(d->t[sp->org_t0].lex & (L_GIVEN | L_COMMON | L_STOP)) &&
			    (sp->org_t1 - sp->org_t0 > 1 || name_word_only(d, sp->org_t0))) {
				oe = ent_match_name(d, sp->org_t0, sp->org_t1, ET_ORG);
				if (oe >= 0 && d->ents[oe].type == ET_NONE)
					ent_set_type(d, oe, ET_ORG);
				if (oe >= 0 && d->ents[oe].type == ET_ORG)
					mention_add(d, sp->org_t0, sp->org_t1, oe, ET_ORG);
				else
					oe = -1;
			}
			/* "the company's chief medical officer": one named with
			 * that noun, else the last speaker's organisation. */
			if (oe < 0 && !strncmp(sp->org, "the ", 4) && !strchr(sp->org + 4, ' ') &&
			    sp->org[4] >= 'a' && sp->org[4] <= 'z') {
				size_t at = 0, pos = d->t[sp->t0].start;
				oe = nearest_mention_at(d, pos, ET_ORG, sp->org + 4, &at);
				if (oe < 0 && last_sp && last_sp->org)
					oe = ent_find(d, last_sp->org, ET_ORG);
				if (oe < 0)
					oe = org_for_nominal(d, pos, sp->org + 4, &last_org);
			}
			if (oe < 0 && sp->how == SP_NOMINAL && !strchr(sp->org, '\'') &&
			    strncasecmp(sp->org, "the ", 4)) {
				oe = ent_add(d, ET_ORG, sp->org);
			}
			if (oe >= 0 && (sp->how == SP_NOMINAL || d->ents[oe].type == ET_ORG) &&
			    !(sp->name && strstr(d->ents[oe].canonical, sp->name))) {
				free(sp->org);
				sp->org = vb_strdup(d->ents[oe].canonical);
			}
		}
		/* In a statement, what nobody else says is the author's. */
		bool statement = d->opts && d->opts->speaker && d->opts->doc_type &&
				 (!strcmp(d->opts->doc_type, "statement") ||
				  !strcmp(d->opts->doc_type, "speech"));
		if (sp->how == SP_NONE && statement && q->kind == VB_QUOTE_DIRECT) {
			sp->how = SP_OPTION;
			sp->name = vb_strdup(d->opts->speaker);
			sp->type = ET_PERSON;
		}
		/* A quote with no attribution: the one speaking just before. */
		if (sp->how == SP_NONE && q->inherit && last_sp &&
		    qpara <= last_sp_para + 1 && q->kind != VB_QUOTE_INDIRECT) {
			copy_speaker(sp, last_sp);
			sp->t0 = sp->t1 = 0;
			sp->name_t0 = sp->name_t1 = 0;
			sp->how = SP_OPTION;
		}
		if (sp->how == SP_NONE && d->opts && d->opts->speaker &&
		    q->kind == VB_QUOTE_DIRECT) {
			sp->how = SP_OPTION;
			sp->name = vb_strdup(d->opts->speaker);
			sp->type = ET_PERSON;
		}
		if (sp->how == SP_NONE || !sp->name)
			continue;
		/* Complete the role and org from the entity's earlier quotes. */
		if (sp->ent >= 0) {
			struct xent *e = &d->ents[sp->ent];
			if (!sp->role && e->role)
				sp->role = vb_strdup(e->role);
			if (!sp->org && e->org)
				sp->org = vb_strdup(e->org);
			if (sp->role)
				e->role = sp->role;
			if (sp->org)
				e->org = sp->org;
		}
		struct history h = { sp->ent, sp->type, sp->role, qpos, qpara };
		if (sp->type == ET_PERSON && sp->ent >= 0)
			last_person = h;
		if (sp->type == ET_ORG && sp->ent >= 0)
			last_org = h;
		if (sp->ent >= 0)
			last_any = h;
		last_sp = sp;
		last_q = q;
		last_sp_para = qpara;
		last_sp_pos = sp->how == SP_NOMINAL ? d->t[sp->t0].start : qpos;
		last_cue = q->cue_tok;
	}
	complete_speakers(d, src);
}

/* ---- corpus-wide speaker keys -------------------------------------------- */

static const char *const key_honorifics[] = {
	"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame",
	"the", "rev", "hon",
};

/* Latin letters with diacritics to their base letter, for keys only.
 * Speaker keys fold only U+00E0..U+00FF, as they always have: keys
 * stored in an index must not change. */
static unsigned fold_latin(unsigned cp)
{
	unsigned b = cp >= 0xE0 && cp <= 0xFF ? latin_base(cp) : 0;
	return b ? b : cp;
}

static void key_part(const char *s, struct vb_buf *out, bool strip_titles)
{
	struct vb_buf low = VB_BUF_INIT, words = VB_BUF_INIT;

	lower_utf8(s, strlen(s), &low);
	for (size_t i = 0; i < low.len;) {
		unsigned cp = vb_utf8_next(low.buf, low.len, &i);
		cp = fold_latin(cp);
		bool alnum = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
			     cp >= 0x80;
		if (cp == 0xFFFD)
			alnum = false;
		if (alnum)
			vb_buf_add_utf8(&words, cp);
		else if (cp == '\'' || cp == 0x2019 || cp == '.')
			continue;
		else if (words.len && words.buf[words.len - 1] != ' ')
			vb_buf_addch(&words, ' ');
	}
	/* Drop honorifics, then copy words with single spaces. */
	const char *p = words.buf;
	bool first = true;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		size_t wl = (size_t)(p - w);
		if (!wl)
			break;
		bool skip = false;
		if (strip_titles)
			for (size_t k = 0; k < sizeof(key_honorifics) /
						   sizeof(key_honorifics[0]); k++)
				if (strlen(key_honorifics[k]) == wl &&
				    !strncmp(w, key_honorifics[k], wl))
					skip = true;
		if (skip)
			continue;
		if (!first)
			vb_buf_addch(out, ' ');
		vb_buf_add(out, w, wl);
		first = false;
	}
	vb_buf_release(&low);
	vb_buf_release(&words);
}

void vb_speaker_key(const char *name, const char *org, struct vb_buf *out)
{
	if (name)
		key_part(name, out, true);
	vb_buf_addch(out, '|');
	if (org)
		key_part(org, out, true);
}
