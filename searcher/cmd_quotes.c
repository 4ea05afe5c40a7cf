/* cmd_quotes.c: `verbatim quotes` (who said what, when) and `verbatim speakers`: options and printing. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "commands.h"
#include "db.h"
#include "dups.h"
#include "output.h"
#include "quotes.h"
#include "util/usage.h"

static const char quotes_usage[] =
	"usage: verbatim quotes [options] [QUERY...]\n"
	"\n"
	"List quotes with their speaker, role, organisation, date and source.\n"
	"QUERY (optional) matches the words of the quotes, with the syntax of\n"
	"'verbatim search'; when no quote has them, the quotes of the passages\n"
	"that do are listed, with a note.  Without QUERY quotes come in date order.\n"
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
	"and last quotes.  NAME (optional) keeps speakers whose name or\n"
	"organisation has these words, or words beginning with them.\n"
	"\n"
	"options:\n"
	"  --db PATH          database (default: $VERBATIM_DB, else ./verbatim.db)\n"
	"  -n, --limit N      at most N speakers (default: all)\n"
	"  --all              also unnamed speakers (\"analysts\", \"a spokesman\"),\n"
	"                     each many people under one word\n"
	"  --json             one JSON object per speaker, one per line\n"
	"  -h, --help         show this help\n";


/* `orig_rank`: the rank of the quote q repeats, if it has "duplicate_of". */
static void print_quote_text(json_t *q, unsigned orig_rank,
			     const struct vb_style *st, unsigned rank,
			     double weight, int show_weight)
{
	json_t *sp = json_object_get(q, "speaker");
	const char *text = vb_json_str(q, "text"), *dup = vb_json_str(q, "duplicate_of");
	struct vb_buf line = VB_BUF_INIT;
	if (*dup) {
		/* The same words by the same speaker in another document. */
		vb_buf_addf(&line, "(the same quote as %u)", orig_rank);
	} else {
		vb_quote_words(text, vb_json_str(q, "kind"), &line);
	}
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
	printf("\n   %s%s %s, in %s", st->dim_on, vb_json_str(q, "kind"), vb_json_str(q, "id"),
	       vb_json_str(q, "passage"));
	if (show_weight)
		printf(" · score %.2f", weight);
	printf("%s\n", st->dim_off);
	vb_buf_release(&line);
}

static void print_json_line(json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	puts(s);
	free(s);
}

/* Print the failure of a run function; returns the exit status. */
static int report(int st, const struct vb_dbs *dbs, struct vb_buf *err)
{
	struct vb_buf namebuf = VB_BUF_INIT;
	if (st == VB_API_BAD_REQUEST)
		vb_error("%s", err->buf);
	else
		vb_error("cannot search '%s': %s", vb_dbs_name(dbs, &namebuf), err->buf);
	vb_buf_release(&namebuf);
	return vb_api_exit_code(st);
}

struct quotes_opts {
	struct vb_dbs dbs;
	struct vb_quotes_req req;
	int json;
	enum vb_color_mode color;
};

static void print_quotes(const struct quotes_opts *o, json_t *res)
{
	json_t *results = json_object_get(res, "results"), *q;
	int show_weight = o->req.text && *o->req.text;
	struct vb_style st;
	size_t i;

	vb_style_init(&st, !o->json && vb_color_enabled(o->color, stdout));
	if (json_is_true(json_object_get(res, "in_context"))) {
		if (o->json)
			vb_warning("no quote has the words of '%s'; quotes from passages that do",
				   o->req.text);
		else
			printf("no quote has the words of '%s'; quotes from passages that do:\n\n",
			       o->req.text);
	}
	size_t *orig = o->json ? NULL : vb_duplicate_origins(results);
	json_array_foreach(results, i, q) {
		if (o->json) {
			print_json_line(q);
			continue;
		}
		if (i)
			putchar('\n');
		size_t at = orig[i] == SIZE_MAX ? json_array_size(results) : orig[i];
		print_quote_text(q, (unsigned)(o->req.offset + at + 1), &st,
				 (unsigned)(o->req.offset + i + 1),
				 json_number_value(json_object_get(q, "score")), show_weight);
	}
	free(orig);
	if (o->json) {
		if (!json_array_size(results) && json_object_get(res, "speaker_suggestion"))
			vb_warning("no quotes match; did you mean --speaker '%s'?",
				   vb_json_str(res, "speaker_suggestion"));
		return;
	}
	if (!o->req.limit)
		printf("%lld quotes match\n",
		       (long long)json_integer_value(json_object_get(res, "total")));
	else if (!json_array_size(results) && json_object_get(res, "speaker_suggestion"))
		printf("no quotes match; did you mean --speaker '%s'?\n",
		       vb_json_str(res, "speaker_suggestion"));
	else if (!json_array_size(results))
		printf("no quotes match\n");
}

static int run_quotes(struct quotes_opts *o)
{
	struct vb_buf err = VB_BUF_INIT;
	xap_db *db = NULL;
	json_t *res = NULL;
	int rc = VB_EXIT_FAILURE;

	if (vb_dbs_open(&db, &o->dbs, &err)) {
		vb_error("%s", err.buf);
		goto out;
	}
	int st = vb_quotes_run(db, &o->req, &res, &err);
	if (st != VB_API_OK) {
		rc = report(st, &o->dbs, &err);
		goto out;
	}
	print_quotes(o, res);
	rc = VB_EXIT_OK;
out:
	json_decref(res);
	xap_db_free(db);
	vb_buf_release(&err);
	return rc;
}

int vb_cmd_quotes(int argc, char **argv)
{
	static const struct option options[] = {
		VB_DBS_OPTIONS,
		{ "speaker", required_argument, NULL, 's' },
		{ "org", required_argument, NULL, 'o' },
		{ "kind", required_argument, NULL, 'k' },
		{ "aliases", required_argument, NULL, 'a' },
		VB_DATE_OPTIONS,
		{ "sort", required_argument, NULL, 'r' },
		{ "limit", required_argument, NULL, 'n' },
		{ "offset", required_argument, NULL, 'O' },
		{ "json", no_argument, NULL, 'j' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct quotes_opts o = { .req = { .limit = 20 } };
	struct vb_buf words = VB_BUF_INIT;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":n:h", options, NULL)) != -1) {
		int dr = vb_dbs_option(&o.dbs, c, optarg);
		if (dr > 0)
			return dr;
		if (dr == 0 || vb_query_option(&o.req.q, c, optarg) == 0)
			continue;
		switch (c) {
		case 's': o.req.speaker = optarg; break;
		case 'o': o.req.org = optarg; break;
		case 'k':
			if (strcmp(optarg, "direct") && strcmp(optarg, "partial") &&
			    strcmp(optarg, "indirect"))
				return vb_usage_error("--kind takes direct, partial or indirect, not '%s'", optarg);
			o.req.kind = optarg;
			break;
		case 'a': o.req.q.aliases_path = optarg; break;
		case 'r':
			if (!strcmp(optarg, "relevance"))
				o.req.sort = VB_QUOTES_SORT_RELEVANCE;
			else if (!strcmp(optarg, "date"))
				o.req.sort = VB_QUOTES_SORT_DATE;
			else
				return vb_usage_error("--sort takes 'relevance' or 'date', not '%s'", optarg);
			break;
		case 'n':
			if ((o.req.limit = vb_parse_count("--limit", optarg, 100000)) < 0)
				return VB_EXIT_USAGE;
			break;
		case 'O':
			if ((o.req.offset = vb_parse_count("--offset", optarg, 1000000)) < 0)
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
	if (vb_query_opts_check(&o.req.q))
		return VB_EXIT_USAGE;
	vb_join_args(&words, argc - optind, argv + optind);
	o.req.text = words.buf;
	int rc = run_quotes(&o);
	vb_buf_release(&words);
	return rc;
}

/* ---- speakers ----------------------------------------------------------- */

static void print_set(const char *label, json_t *set)
{
	json_t *v;
	size_t i;
	if (!json_array_size(set))
		return;
	printf("   %s: ", label);
	json_array_foreach(set, i, v)
		printf("%s%s", i ? "; " : "", json_string_value(v));
	putchar('\n');
}

static void print_speaker_text(json_t *r, size_t rank)
{
	const char *name = vb_json_str(r, "name"), *first = vb_json_str(r, "first");
	const char *last = vb_json_str(r, "last");
	long long quotes = json_integer_value(json_object_get(r, "quotes"));
	printf("%s%s  (%lld quote%s", rank > 1 ? "\n" : "",
	       *name ? name : vb_json_str(r, "key"), quotes, quotes == 1 ? "" : "s");
	if (!*first)
		printf(", undated)\n");
	else if (!strcmp(first, last))
		printf(", %s)\n", first);
	else
		printf(", %s to %s)\n", first, last);
	print_set("roles", json_object_get(r, "roles"));
	print_set("organisations", json_object_get(r, "orgs"));
}

int vb_cmd_speakers(int argc, char **argv)
{
	static const struct option options[] = {
		VB_DBS_OPTIONS,
		{ "limit", required_argument, NULL, 'n' },
		{ "all", no_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct vb_dbs dbs = { .n = 0 };
	struct vb_speakers_req req = { .limit = -1 };
	struct vb_buf name = VB_BUF_INIT, err = VB_BUF_INIT;
	xap_db *db = NULL;
	json_t *res = NULL, *r;
	int c, json = 0, rc = VB_EXIT_FAILURE;
	size_t i;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":n:h", options, NULL)) != -1) {
		int dr = vb_dbs_option(&dbs, c, optarg);
		if (dr > 0)
			return dr;
		if (dr == 0)
			continue;
		switch (c) {
		case 'n':
			if ((req.limit = vb_parse_count("--limit", optarg, 1000000)) < 0)
				return VB_EXIT_USAGE;
			break;
		case 'j': json = 1; break;
		case 'a': req.all = true; break;
		case 'h': fputs(speakers_usage, stdout); return VB_EXIT_OK;
		default: return vb_bad_option(c, argv);
		}
	}
	vb_join_args(&name, argc - optind, argv + optind);
	req.name = name.buf;
	if (vb_dbs_open(&db, &dbs, &err)) {
		vb_error("%s", err.buf);
		goto out;
	}
	int st = vb_speakers_run(db, &req, &res, &err);
	if (st != VB_API_OK) {
		rc = report(st, &dbs, &err);
		goto out;
	}
	json_array_foreach(json_object_get(res, "results"), i, r) {
		if (json)
			print_json_line(r);
		else
			print_speaker_text(r, i + 1);
	}
	json_t *un = json_object_get(res, "unnamed");
	long long un_n = json_integer_value(json_object_get(un, "speakers"));
	long long un_q = json_integer_value(json_object_get(un, "quotes"));
	if (!json_array_size(json_object_get(res, "results")) && !json)
		printf("no%s speakers found\n", un_n ? " named" : "");
	if (un_n && !json)
		printf("\n%lld quote%s by %lld unnamed speaker%s (\"analysts\", \"a spokesman\") "
		       "left out: --all lists them\n", un_q, un_q == 1 ? "" : "s", un_n,
		       un_n == 1 ? "" : "s");
	rc = VB_EXIT_OK;
out:
	json_decref(res);
	xap_db_free(db);
	vb_buf_release(&name);
	vb_buf_release(&err);
	return rc;
}
