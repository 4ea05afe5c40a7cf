/* cmd_quotes.c: `verbatim quotes` (who said what, when) and `verbatim speakers`. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "commands.h"
#include "db.h"
#include "output.h"
#include "query.h"
#include "schema.h"
#include "snippet.h"
#include "util/strset.h"
#include "util/usage.h"

static const char quotes_usage[] =
	"usage: verbatim quotes [options] [QUERY...]\n"
	"\n"
	"List quotes with their speaker, role, organisation, date and source.\n"
	"QUERY (optional) matches the words of the quotes, with the syntax of\n"
	"'verbatim search'.  Without QUERY quotes come in date order.\n"
	"\n"
	"options:\n"
	"  --db PATH          database (default: $VERBATIM_DB, else ./verbatim.db)\n"
	"  --speaker NAME     quotes by this speaker (any words of the name)\n"
	"  --org ORG          quotes by speakers of this organisation\n"
	"  --kind KIND        direct, partial or indirect\n"
	"  --aliases FILE     known names besides those the index was built with\n"
	"  --since DATE       published on or after DATE (YYYY[-MM[-DD]])\n"
	"  --until DATE       published on or before DATE\n"
	"  --sort ORDER       relevance (default with QUERY) or date\n"
	"  -n, --limit N      at most N quotes (default: 20)\n"
	"  --offset N         skip the first N quotes\n"
	"  --json             one JSON object per quote, one per line\n"
	"  --color WHEN       auto (default), always or never\n"
	"  -h, --help         show this help\n";

static const char speakers_usage[] =
	"usage: verbatim speakers [options] [NAME...]\n"
	"\n"
	"List the speakers of the quotes in the database with how many quotes\n"
	"each has, their roles and organisations, and the dates of their first\n"
	"and last quotes.  NAME (optional) keeps speakers whose name has these\n"
	"words.\n"
	"\n"
	"options:\n"
	"  --db PATH          database (default: $VERBATIM_DB, else ./verbatim.db)\n"
	"  -n, --limit N      at most N speakers (default: all)\n"
	"  --json             one JSON object per speaker, one per line\n"
	"  -h, --help         show this help\n";


/* ' +speaker:"John Smith"': all the words of a name (or what an alias
 * stands for: see emit_field_group in query.c). */
static void add_field_words(struct vb_buf *q, const char *field, const char *name)
{
	vb_buf_addf(q, " +%s:\"", field);
	for (const char *p = name; *p; p++)
		vb_buf_addch(q, *p == '"' ? ' ' : *p);
	vb_buf_addch(q, '"');
}

static void print_quote_text(json_t *q, const struct vb_style *st, unsigned rank,
			     double weight, int show_weight)
{
	json_t *sp = json_object_get(q, "speaker");
	const char *text = vb_json_str(q, "text");
	struct vb_buf line = VB_BUF_INIT;
	vb_buf_addf(&line, "\xe2\x80\x9c%s\xe2\x80\x9d", text);
	int col = printf("%u.", rank);
	printf("%*s", col < 3 ? 3 - col : 1, "");
	vb_print_wrapped_at(stdout, line.buf, line.len, NULL, st, col < 3 ? 3 : col + 1, 3, 78);
	if (sp) {
		const char *name = vb_json_str(sp, "name"), *role = vb_json_str(sp, "role");
		printf("   \xe2\x80\x94 %s%s%s", st->bold_on, name, st->bold_off);
		/* "a spokesman" needs no role "spokesman" after it. */
		if (*role && !strcasestr(name, role))
			printf(", %s", role);
		if (*vb_json_str(sp, "org"))
			printf(", %s", vb_json_str(sp, "org"));
		putchar('\n');
	} else {
		printf("   \xe2\x80\x94 (speaker unknown)\n");
	}
	printf("   %s%s", st->dim_on, *vb_json_str(q, "date") ? vb_json_str(q, "date") : "undated");
	if (*vb_json_str(q, "source"))
		printf(" · %s", vb_json_str(q, "source"));
	if (*vb_json_str(q, "title"))
		printf(" · %s", vb_json_str(q, "title"));
	printf("%s", st->dim_off);
	printf("\n   %s%s %s, in %s", st->dim_on, vb_json_str(q, "quote_kind"), vb_json_str(q, "id"),
	       vb_json_str(q, "passage"));
	if (show_weight)
		printf(" · score %.2f", weight);
	printf("%s\n", st->dim_off);
	vb_buf_release(&line);
}

static void print_quote_json(json_t *q, double weight)
{
	json_t *o = json_object();
	static const char *const keys[] = { "id", "text", "quote_kind", "cue", "speaker",
					    "doc", "passage", "paragraph", "start", "end",
					    "spans", "date", "title", "source", "url",
					    "type", "lang", NULL };
	for (size_t i = 0; keys[i]; i++) {
		json_t *v = json_object_get(q, keys[i]);
		const char *name = !strcmp(keys[i], "quote_kind") ? "kind"
				   : !strcmp(keys[i], "doc") ? "doc_id" : keys[i];
		json_object_set(o, name, v ? v : json_null());
	}
	json_object_set_new(o, "score", json_real(weight));
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	puts(s);
	free(s);
	json_decref(o);
}

struct quotes_opts {
	struct vb_dbs dbs;
	const char *speaker, *org, *kind;
	long limit, offset;
	int json, sort;          /* sort: 0 auto, 1 relevance, 2 date */
	enum vb_color_mode color;
	struct vb_query_opts q;
};

typedef void (*quote_fn)(json_t *q, double weight, unsigned rank, void *ud);

/* Do all the words of `want` (space-separated) occur in `have`? */
static int has_all_words(const char *have, const char *want)
{
	char *copy = vb_strdup(want);
	int ok = 1;
	for (char *w = strtok(copy, " \t\""); w && ok; w = strtok(NULL, " \t\""))
		ok = strcasestr(have, w) != NULL;
	free(copy);
	return ok;
}

/* Is a quote of this passage one the options ask for? */
static int quote_wanted(const struct quotes_opts *o, json_t *entry, int single_speaker)
{
	json_t *sp = json_object_get(entry, "speaker");
	if (o->kind && strcmp(vb_json_str(entry, "kind"), o->kind))
		return 0;
	if ((o->speaker || o->org) && !sp)
		return 0;
	/* The passage matched the speaker and organisation fields; with
	 * several speakers in it, keep only the quotes of the one asked
	 * for (names given as an alias are trusted to the passage). */
	if (!single_speaker && o->speaker &&
	    !has_all_words(vb_json_str(sp, "name"), o->speaker))
		return 0;
	if (!single_speaker && o->org && !has_all_words(vb_json_str(sp, "org"), o->org))
		return 0;
	return 1;
}

/*
 * The quotes asked for.  Passages hold their quotes (in their data, with
 * quote:, speaker:, org:, kind: and has: terms), so the query runs over
 * passages, by relevance or by date, and each matching passage gives the
 * quotes of the asked speaker, organisation and kind; with query words,
 * only those whose own words answer the query (check_words).  Quotes
 * first..first+max-1 (in that order) go to fn; *total counts them all when
 * max is 0, else at least those given.
 */
static int run_quotes(const struct quotes_opts *o, const char *text, int by_date,
		      int check_words, unsigned first, unsigned max, quote_fn fn,
		      void *ud, unsigned *shown, unsigned *total)
{
	struct vb_buf err = VB_BUF_INIT;
	struct vb_parsed_query pq;
	struct vb_highlighter *hl = NULL;
	struct vb_snippet snip;
	xap_db *db = NULL;
	xap_enquire *enq = NULL;
	xap_error xe;
	int rc = VB_EXIT_FAILURE;
	unsigned seen = 0, from = 0, got;
	struct vb_buf namebuf = VB_BUF_INIT;
	const char *path = vb_dbs_name(&o->dbs, &namebuf);

	memset(&pq, 0, sizeof(pq));
	vb_snippet_init(&snip);
	*shown = *total = 0;
	if (vb_dbs_open(&db, &o->dbs, &err)) {
		vb_error("%s", err.buf);
		goto out;
	}
	int qrc = vb_query_build(db, text, &o->q, &pq, &err);
	if (qrc) {
		vb_error("%s '%s': %s", qrc == XAP_ERR_QUERY ? "bad query" : "cannot search",
			 text, err.buf);
		rc = qrc == XAP_ERR_QUERY ? VB_EXIT_USAGE : VB_EXIT_FAILURE;
		goto out;
	}
	if (check_words)
		hl = vb_highlighter_new(pq.terms, pq.nterms, pq.wildcards, pq.nwildcards);
	if (xap_enquire_new(&enq, db, &xe) || xap_enquire_set_query(enq, pq.query, &xe) ||
	    (by_date && xap_enquire_sort_by_value(enq, VB_SLOT_DATE, 0, &xe))) {
		vb_error("cannot search '%s': %s", path, xe.message);
		goto out;
	}
	do {
		xap_mset *ms = NULL;
		if (xap_enquire_get_mset(enq, from, 200, from + 200, &ms, &xe)) {
			vb_error("cannot search '%s': %s", path, xe.message);
			goto out;
		}
		got = xap_mset_size(ms);
		for (unsigned i = 0; i < got; i++) {
			xap_doc *d = NULL;
			char *data = NULL;
			size_t len = 0;
			json_t *passage = NULL;
			if (!xap_mset_document(ms, i, &d, &xe) &&
			    !xap_doc_get_data(d, &data, &len, &xe))
				passage = json_loadb(data, len, 0, NULL);
			free(data);
			xap_doc_free(d);
			json_t *list = passage ? json_object_get(passage, "quotes") : NULL;
			size_t k, nkeys = 0;
			json_t *entry;
			const char *first_key = NULL;
			json_array_foreach(list, k, entry) {
				const char *key = vb_json_str(json_object_get(entry, "speaker"), "key");
				if (!first_key || strcmp(first_key, key))
					nkeys++;
				first_key = key;
			}
			json_array_foreach(list, k, entry) {
				if (!quote_wanted(o, entry, nkeys <= 1))
					continue;
				if (hl && pq.nterms + pq.nwildcards) {
					/* The quote's own words must answer the query. */
					const char *qt = vb_json_str(entry, "text");
					vb_buf_reset(&err);
					if (vb_snippet_make(hl, qt, strlen(qt),
							    vb_json_str(passage, "lang"),
							    strlen(qt) + 1, &snip, &err) < 0 ||
					    !snip.highlights.n)
						continue;
				}
				(*total)++;
				if (seen++ < first || *shown >= max)
					continue;
				json_t *q = vb_quote_object(passage, entry);
				vb_db_add_doc_meta(db, q);
				fn(q, xap_mset_weight(ms, i), seen, ud);
				json_decref(q);
				(*shown)++;
			}
			json_decref(passage);
		}
		xap_mset_free(ms);
		from += got;
		/* A count (max 0) reads every match; a page stops when full. */
	} while (got == 200 && (max == 0 || *shown < max));
	rc = VB_EXIT_OK;
out:
	vb_highlighter_free(hl);
	vb_snippet_release(&snip);
	xap_enquire_free(enq);
	vb_parsed_query_release(&pq);
	xap_db_free(db);
	vb_buf_release(&err);
	vb_buf_release(&namebuf);
	return rc;
}

struct print_ctx {
	const struct quotes_opts *o;
	struct vb_style st;
	int show_weight;
};

static void print_one(json_t *q, double weight, unsigned rank, void *ud)
{
	struct print_ctx *p = ud;
	if (p->o->json) {
		print_quote_json(q, weight);
		return;
	}
	if (rank > (unsigned)p->o->offset + 1)
		putchar('\n');
	print_quote_text(q, &p->st, rank, weight, p->show_weight);
}


int vb_cmd_quotes(int argc, char **argv)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "allow-partial", no_argument, NULL, 'P' },
		{ "speaker", required_argument, NULL, 's' },
		{ "org", required_argument, NULL, 'o' },
		{ "kind", required_argument, NULL, 'k' },
		{ "aliases", required_argument, NULL, 'a' },
		{ "since", required_argument, NULL, 'S' },
		{ "until", required_argument, NULL, 'U' },
		{ "sort", required_argument, NULL, 'r' },
		{ "limit", required_argument, NULL, 'n' },
		{ "offset", required_argument, NULL, 'O' },
		{ "json", no_argument, NULL, 'j' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct quotes_opts o = { .limit = 20 };
	struct vb_buf text = VB_BUF_INIT;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":n:h", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			if (vb_dbs_add(&o.dbs, optarg))
				return VB_EXIT_USAGE;
			break;
		case 'P': o.dbs.allow_partial = 1; break;
		case 's': o.speaker = optarg; break;
		case 'o': o.org = optarg; break;
		case 'k':
			if (strcmp(optarg, "direct") && strcmp(optarg, "partial") &&
			    strcmp(optarg, "indirect"))
				return vb_usage_error("--kind takes direct, partial or indirect, not '%s'", optarg);
			o.kind = optarg;
			break;
		case 'a': o.q.aliases_path = optarg; break;
		case 'S': o.q.since = optarg; break;
		case 'U': o.q.until = optarg; break;
		case 'r':
			if (!strcmp(optarg, "relevance"))
				o.sort = 1;
			else if (!strcmp(optarg, "date"))
				o.sort = 2;
			else
				return vb_usage_error("--sort takes 'relevance' or 'date', not '%s'", optarg);
			break;
		case 'n':
			if ((o.limit = vb_parse_count("--limit", optarg, 100000)) < 0)
				return VB_EXIT_USAGE;
			break;
		case 'O':
			if ((o.offset = vb_parse_count("--offset", optarg, 1000000)) < 0)
				return VB_EXIT_USAGE;
			break;
		case 'j': o.json = 1; break;
		case 'c':
			if (vb_color_option(optarg, &o.color))
				return VB_EXIT_USAGE;
			break;
		case 'h': fputs(quotes_usage, stdout); return VB_EXIT_OK;
		default: return vb_bad_option(c, argv);
		}
	}
	struct vb_buf words = VB_BUF_INIT;
	vb_join_args(&words, argc - optind, argv + optind);
	int has_query = 0;
	for (const char *p = words.buf; *p; p++)
		if (*p != ' ')
			has_query = 1;
	/* In parentheses, so that "a OR b" stays one clause beside the
	 * required speaker and organisation. */
	if (has_query)
		vb_buf_addf(&text, "(%s)", words.buf);
	vb_buf_release(&words);
	if (o.speaker)
		add_field_words(&text, "speaker", o.speaker);
	if (o.org)
		add_field_words(&text, "org", o.org);
	if (vb_date_option("--since", o.q.since, 0) || vb_date_option("--until", o.q.until, 1))
		return VB_EXIT_USAGE;
	struct print_ctx pc = { &o, { 0 }, has_query };
	vb_style_init(&pc.st, !o.json && vb_color_enabled(o.color, stdout));
	unsigned found = 0, total = 0;
	int by_date = o.sort == 2 || (o.sort == 0 && !has_query);
	/* Passages that hold a quote, of the asked speaker, organisation
	 * and kind (their quotes are then sorted out one by one). */
	vb_buf_adds(&text, " has:quote");
	if (o.kind)
		vb_buf_addf(&text, " kind:%s", o.kind);
	int rc = run_quotes(&o, text.buf, by_date, has_query, (unsigned)o.offset,
			    (unsigned)o.limit, print_one, &pc, &found, &total);
	if (!rc && !o.limit && !o.json)
		printf("%u quotes match\n", total);
	else if (!rc && !found && !o.json)
		printf("no quotes match\n");
	vb_buf_release(&text);
	return rc;
}

/* ---- speakers ----------------------------------------------------------- */

struct speaker_row {
	char *key, *name;
	unsigned quotes;
	struct vb_strset roles, orgs;
	char first[16], last[16];
	struct speaker_row *merged_into;
};

struct speaker_table {
	struct speaker_row *v;
	size_t n, alloc;
	struct vb_strset keys;
};

static struct speaker_row *row_for(struct speaker_table *t, const char *key)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->v[i].key, key))
			return &t->v[i];
	VB_ALLOC_GROW(t->v, t->n + 1, t->alloc);
	struct speaker_row *r = &t->v[t->n++];
	memset(r, 0, sizeof(*r));
	r->key = vb_strdup(key);
	return r;
}

static void collect(json_t *q, double weight, unsigned rank, void *ud)
{
	struct speaker_table *t = ud;
	json_t *sp = json_object_get(q, "speaker");
	(void)weight;
	(void)rank;
	if (!sp)
		return;
	struct speaker_row *r = row_for(t, vb_json_str(sp, "key"));
	r->quotes++;
	if (!r->name)
		r->name = vb_strdup(vb_json_str(sp, "name"));
	if (*vb_json_str(sp, "role"))
		vb_strset_add(&r->roles, vb_json_str(sp, "role"));
	if (*vb_json_str(sp, "org"))
		vb_strset_add(&r->orgs, vb_json_str(sp, "org"));
	const char *date = vb_json_str(q, "date");
	if (*date) {
		if (!*r->first || strcmp(date, r->first) < 0)
			snprintf(r->first, sizeof(r->first), "%s", date);
		if (strcmp(date, r->last) > 0)
			snprintf(r->last, sizeof(r->last), "%s", date);
	}
}

/* The name part of a key ("john smith|acme" -> "john smith"). */
static size_t key_name_len(const char *key)
{
	const char *bar = strchr(key, '|');
	return bar ? (size_t)(bar - key) : strlen(key);
}

/*
 * Merge rows that are one person: a key without organisation into the only
 * key with the same name and an organisation; a surname alone into the
 * only full name ending with it.  Quotes where the document gave less
 * (no organisation, a surname) then count for the speaker they belong to.
 */
static void merge_into(struct speaker_row *r, struct speaker_row *target)
{
	size_t it = 0;
	const char *v;
	r->merged_into = target;
	target->quotes += r->quotes;
	while ((v = vb_strset_next(&r->roles, &it)))
		vb_strset_add(&target->roles, v);
	it = 0;
	while ((v = vb_strset_next(&r->orgs, &it)))
		vb_strset_add(&target->orgs, v);
	if (*r->first && (!*target->first || strcmp(r->first, target->first) < 0))
		memcpy(target->first, r->first, sizeof(r->first));
	if (strcmp(r->last, target->last) > 0)
		memcpy(target->last, r->last, sizeof(r->last));
}

/*
 * An organisation given only as a common noun ("the federation", "the
 * company"): as good as none for telling two people of one name apart.
 */
static int generic_org(const struct speaker_row *r)
{
	size_t it = 0, n = 0;
	const char *v;
	while ((v = vb_strset_next(&r->orgs, &it))) {
		n++;
		if (strncasecmp(v, "the ", 4) || strchr(v + 4, ' ') ||
		    (v[4] >= 'A' && v[4] <= 'Z'))
			return 0;
	}
	return n > 0;
}

/*
 * Merge rows that are one person, in two rounds.  First a key without
 * organisation (or with a generic one) goes into the only key with the
 * same name and an organisation.  Then a surname alone goes into the only full name ending
 * with it (its row with the most quotes).  Quotes where a document said
 * less (no organisation, a surname) then count for the speaker they
 * belong to.
 */
static void merge_rows(struct speaker_table *t)
{
	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < t->n; i++) {
			struct speaker_row *r = &t->v[i];
			size_t nl = key_name_len(r->key);
			int bare = r->key[nl] == '\0' || r->key[nl + 1] == '\0' ||
				   generic_org(r);
			if (r->merged_into || (round == 0 && !bare) ||
			    (round == 1 && memchr(r->key, ' ', nl)))
				continue;
			struct speaker_row *target = NULL;
			const char *target_name = NULL;
			size_t target_len = 0;
			int ambiguous = 0;
			for (size_t j = 0; j < t->n && !ambiguous; j++) {
				struct speaker_row *s = &t->v[j];
				size_t sl = key_name_len(s->key);
				if (s == r || s->merged_into)
					continue;
				int match = round == 0
					? sl == nl && !memcmp(s->key, r->key, nl) &&
					  s->key[sl + 1] && !generic_org(s)
					: sl > nl + 1 && s->key[sl - nl - 1] == ' ' &&
					  !memcmp(s->key + sl - nl, r->key, nl);
				if (!match)
					continue;
				if (round == 0 && target) {
					ambiguous = 1;
				} else if (round == 1 && target_name &&
					   (sl != target_len || memcmp(s->key, target_name, sl))) {
					ambiguous = 1;   /* two different full names */
				} else if (!target || s->quotes > target->quotes) {
					target = s;
					target_name = s->key;
					target_len = sl;
				}
			}
			if (target && !ambiguous)
				merge_into(r, target);
		}
	}
}

/* Does the speaker's name (or key) contain every word given? */
static int name_has_words(const struct speaker_row *r, int n, char **words)
{
	for (int i = 0; i < n; i++)
		if (!(r->name && strcasestr(r->name, words[i])) &&
		    !strcasestr(r->key, words[i]))
			return 0;
	return 1;
}

static int by_quotes(const void *a, const void *b)
{
	const struct speaker_row *x = a, *y = b;
	if (x->quotes != y->quotes)
		return x->quotes < y->quotes ? 1 : -1;
	return strcmp(x->key, y->key);
}

static json_t *set_json(struct vb_strset *s)
{
	json_t *a = json_array();
	size_t it = 0;
	const char *v;
	while ((v = vb_strset_next(s, &it)))
		json_array_append_new(a, json_string(v));
	return a;
}

static void print_set(const char *label, struct vb_strset *s)
{
	size_t it = 0, k = 0;
	const char *v;
	if (!s->n)
		return;
	printf("   %s: ", label);
	while ((v = vb_strset_next(s, &it)))
		printf("%s%s", k++ ? "; " : "", v);
	putchar('\n');
}

int vb_cmd_speakers(int argc, char **argv)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "allow-partial", no_argument, NULL, 'P' },
		{ "limit", required_argument, NULL, 'n' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct quotes_opts o = { .limit = 0 };
	struct speaker_table t = { 0 };
	struct vb_buf text = VB_BUF_INIT;
	int c;
	long limit = -1;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":n:h", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			if (vb_dbs_add(&o.dbs, optarg))
				return VB_EXIT_USAGE;
			break;
		case 'P': o.dbs.allow_partial = 1; break;
		case 'n':
			if ((limit = vb_parse_count("--limit", optarg, 1000000)) < 0)
				return VB_EXIT_USAGE;
			break;
		case 'j': o.json = 1; break;
		case 'h': fputs(speakers_usage, stdout); return VB_EXIT_OK;
		default: return vb_bad_option(c, argv);
		}
	}
	/* Every quote with a speaker: names are matched after merging, so
	 * that "owen brackley" also counts the quotes that said "Brackley". */
	vb_buf_adds(&text, "has:speaker");

	/* Every quote with a speaker. */
	unsigned found = 0, total = 0;
	int rc = run_quotes(&o, text.buf, 0, 0, 0, 0xFFFFFFFFu, collect, &t, &found, &total);
	if (!rc) {
		merge_rows(&t);
		if (t.n > 1)
			qsort(t.v, t.n, sizeof(t.v[0]), by_quotes);
		size_t shown = 0;
		for (size_t i = 0; i < t.n; i++) {
			struct speaker_row *r = &t.v[i];
			if (r->merged_into || !name_has_words(r, argc - optind, argv + optind))
				continue;
			if (limit >= 0 && shown >= (size_t)limit)
				break;
			shown++;
			if (o.json) {
				json_t *j = json_object();
				json_object_set_new(j, "key", json_string(r->key));
				json_object_set_new(j, "name", json_string(r->name ? r->name : ""));
				json_object_set_new(j, "quotes", json_integer(r->quotes));
				json_object_set_new(j, "roles", set_json(&r->roles));
				json_object_set_new(j, "orgs", set_json(&r->orgs));
				json_object_set_new(j, "first", *r->first ? json_string(r->first) : json_null());
				json_object_set_new(j, "last", *r->last ? json_string(r->last) : json_null());
				char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
				puts(s);
				free(s);
				json_decref(j);
			} else {
				printf("%s%s  (%u quote%s, %s to %s)\n", shown > 1 ? "\n" : "",
				       r->name ? r->name : r->key, r->quotes, r->quotes == 1 ? "" : "s",
				       *r->first ? r->first : "?", *r->last ? r->last : "?");
				print_set("roles", &r->roles);
				print_set("organisations", &r->orgs);
			}
		}
		if (!shown && !o.json)
			printf("no speakers found\n");
	}
	for (size_t i = 0; i < t.n; i++) {
		free(t.v[i].key);
		free(t.v[i].name);
		vb_strset_release(&t.v[i].roles);
		vb_strset_release(&t.v[i].orgs);
	}
	free(t.v);
	vb_buf_release(&text);
	return rc;
}
