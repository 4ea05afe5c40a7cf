/* cmd_search.c: `verbatim search`: ranked passages with highlighted snippets. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "commands.h"
#include "db.h"
#include "dups.h"
#include "output.h"
#include "query.h"
#include "schema.h"
#include "search.h"
#include "util/usage.h"

static const char search_usage[] =
	"usage: verbatim search [options] QUERY...\n"
	"\n"
	"Search passages.  QUERY uses Xapian's syntax: words (ranked by how many\n"
	"match and how rare they are), \"exact phrases\", AND / OR / NOT, +must\n"
	"-mustnot, NEAR, trailing wildcards (negotiat*), and fields:\n"
	"  title:WORD   source:NAME   lang:de   type:press_release   id:DOC-ID\n"
	"  year:2006    date:2005..2007-06 (YYYY, YYYY-MM or YYYY-MM-DD; open ends ok)\n"
	"  speaker:NAME person:NAME   org:NAME  place:NAME   entity:NAME\n"
	"  quote:WORDS (inside quotation marks)   has:quote   has:speaker   has:date\n"
	"  mentioned:2007-12 or mentioned:2005..2007 (dates the text mentions)\n"
	"  field:\"several words\" needs them all.  See docs/query.md.\n"
	"Words are matched by their stems in the document's language.  Names the\n"
	"index knows (\"Kowalczyk\", \"Listeners' Rights Alliance\"), dates (\"2006\",\n"
	"\"April 2005\", \"2004 to 2006\", \"since 2005\", \"last year\") and questions\n"
	"about quotes (\"what did X say\") rank passages that match them higher;\n"
	"see docs/ranking.md.\n"
	"\n"
	"options:\n"
	"  --db PATH          database (default: $VERBATIM_DB, else ./verbatim.db)\n"
	"  -n, --limit N      at most N results (default: 10)\n"
	"  --offset N         skip the first N results\n"
	"  --sort ORDER       relevance (default) or date (newest first)\n"
	"  --since DATE       only documents published on or after DATE\n"
	"  --until DATE       only documents published on or before DATE\n"
	"  --lang TAG         only documents in this language\n"
	"  --per-doc N        at most N passages per document\n"
	"  --aliases FILE     known names besides those the index was built with\n"
	"  --all              every word must appear in the passage\n"
	"  --rank MODE        verbatim (default): BM25 plus the names, speakers,\n"
	"                     quotes and dates the query asks for; bm25: words only\n"
	"  --recent           favour newer documents\n"
	"  --as-of DATE       what \"last year\" and --recent are relative to (default:\n"
	"                     today; with --recent and no --as-of, the newest match)\n"
	"  --explain          what was read from the query, and each part of each score\n"
	"  --snippet N        snippet length in bytes (default: 240)\n"
	"  --json             one JSON object per result, one per line\n"
	"  --color WHEN       auto (default), always or never\n"
	"  -h, --help         show this help\n";

struct search_opts {
	struct vb_dbs dbs;
	struct vb_search_req req;
	int json;
	enum vb_color_mode color;
};



/* `orig`: the result r repeats (vb_duplicate_origins), or NULL. */
static void print_text_result(json_t *r, json_t *orig, struct vb_spans *hl,
			      const struct vb_style *st)
{
	const char *date = vb_json_str(r, "date"), *source = vb_json_str(r, "source");
	const char *snip = vb_json_str(r, "snippet");
	const char *dup = vb_json_str(r, "duplicate_of");
	printf("%s%lld. %s%s\n", st->bold_on,
	       (long long)json_integer_value(json_object_get(r, "rank")),
	       vb_json_str(r, "title"), st->bold_off);
	printf("   %s%s%s%s · %s · score %.2f%s\n", st->dim_on,
	       *date ? date : "undated", *source ? " · " : "", source,
	       vb_json_str(r, "id"), json_number_value(json_object_get(r, "score")),
	       st->dim_off);
	if (*dup) {
		/* A copy (syndicated story, release posted twice): said once. */
		printf("   same text as result %lld (%s)\n",
		       orig ? (long long)json_integer_value(json_object_get(orig, "rank")) : 0, dup);
		return;
	}
	vb_print_wrapped(stdout, snip, strlen(snip), vb_search_highlights(r, hl),
			 st, 3, 78);
	json_t *ex = json_object_get(r, "explain");
	if (ex) {
		static const char *const parts[] = { "entity", "speaker", "quote", "date",
						     "recent", NULL };
		printf("   %sbm25 %.2f", st->dim_on,
		       json_number_value(json_object_get(ex, "bm25")));
		for (size_t i = 0; parts[i]; i++) {
			double v = json_number_value(json_object_get(ex, parts[i]));
			if (v != 0)
				printf(" + %s %.2f", parts[i], v);
		}
		printf(" = %.2f%s\n", json_number_value(json_object_get(ex, "total")),
		       st->dim_off);
	}
}

/* What was read from the query, for --explain. */
static void print_understood(json_t *res, const struct vb_style *st)
{
	json_t *u = json_object_get(res, "understood"), *nm, *d;
	size_t i;
	printf("%sranking: %s%s\n", st->dim_on, vb_json_str(res, "rank"), st->dim_off);
	if (!json_is_object(u))
		return;
	json_array_foreach(json_object_get(u, "names"), i, nm) {
		const char *display = vb_json_str(nm, "name");
		printf("%sname: '%s' (%s%s%s; %s; quoted in %lld passages, mentioned in %lld)%s\n",
		       st->dim_on, vb_json_str(nm, "text"), vb_json_str(nm, "kind"),
		       *display ? ", " : "", display, vb_json_str(nm, "how"),
		       (long long)json_integer_value(json_object_get(nm, "passages_speaking")),
		       (long long)json_integer_value(json_object_get(nm, "passages_mentioning")),
		       st->dim_off);
	}
	if (json_is_object(d = json_object_get(u, "date"))) {
		json_t *from = json_object_get(d, "from"), *to = json_object_get(d, "to");
		printf("%sdate: '%s' (%s): %s to %s%s\n", st->dim_on, vb_json_str(d, "text"),
		       vb_json_str(d, "how"), json_is_string(from) ? json_string_value(from) : "any",
		       json_is_string(to) ? json_string_value(to) : "any", st->dim_off);
	}
	if (json_is_true(json_object_get(u, "quote")))
		printf("%sasks for quotes ('%s')%s\n", st->dim_on, vb_json_str(u, "quote_cue"),
		       st->dim_off);
	if (json_is_true(json_object_get(u, "fields_first")))
		printf("%sfields given: names or dates in them are not read again from the words%s\n",
		       st->dim_on, st->dim_off);
}

static void print_text(const struct search_opts *o, json_t *res, double secs)
{
	struct vb_style st;
	struct vb_spans hl = { 0 };
	const char *query = vb_json_str(res, "query");
	const char *searched = vb_json_str(res, "searched");
	const char *suggestion = vb_json_str(res, "suggestion");
	unsigned total = (unsigned)json_integer_value(json_object_get(res, "total"));
	json_t *results = json_object_get(res, "results"), *r;
	size_t i, n = json_array_size(results);

	vb_style_init(&st, vb_color_enabled(o->color, stdout));
	if (o->req.explain) {
		print_understood(res, &st);
		putchar('\n');
	}
	if (strcmp(query, searched))
		printf("no passages match '%s'; showing results for '%s%s%s'\n\n",
		       query, st.bold_on, searched, st.bold_off);
	else if (*suggestion)
		printf("did you mean: %s%s%s\n\n", st.bold_on, suggestion, st.bold_off);
	size_t *orig = vb_duplicate_origins(results);
	json_array_foreach(results, i, r) {
		if (i)
			putchar('\n');
		print_text_result(r, orig[i] == SIZE_MAX ? NULL : json_array_get(results, orig[i]),
				  &hl, &st);
	}
	free(orig);
	vb_spans_release(&hl);
	if (!o->req.limit && *searched)
		printf("%u passages match '%s'\n", total, searched);
	else if (!o->req.limit)
		printf("%u passages match\n", total);
	else if (!n)
		printf("no passages match '%s'\n", searched);
	else
		printf("\n%s%u-%u of about %u passage%s (%.3f s)%s\n", st.dim_on,
		       (unsigned)o->req.offset + 1, (unsigned)(o->req.offset + n),
		       total, total == 1 ? "" : "s", secs, st.dim_off);
}

static void print_json(json_t *res)
{
	const char *query = vb_json_str(res, "query");
	const char *searched = vb_json_str(res, "searched");
	const char *suggestion = vb_json_str(res, "suggestion");
	json_t *r;
	size_t i;
	if (strcmp(query, searched))
		vb_warning("no passages match '%s'; showing results for '%s'", query, searched);
	else if (*suggestion)
		vb_warning("did you mean: %s", suggestion);
	json_array_foreach(json_object_get(res, "results"), i, r) {
		char *line = json_dumps(r, JSON_COMPACT | JSON_PRESERVE_ORDER);
		puts(line);
		free(line);
	}
}

static int run_search(const struct search_opts *o)
{
	struct vb_buf err = VB_BUF_INIT, namebuf = VB_BUF_INIT;
	const char *path = vb_dbs_name(&o->dbs, &namebuf);
	xap_db *db = NULL;
	json_t *res = NULL;
	struct timespec t0, t1;
	int rc = VB_EXIT_FAILURE;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (vb_dbs_open(&db, &o->dbs, &err)) {
		vb_error("%s", err.buf);
		goto out;
	}
	int st = vb_search_run(db, &o->req, &res, &err);
	if (st != VB_API_OK) {
		if (st == VB_API_BAD_REQUEST)
			vb_error("bad query '%s': %s", o->req.text, err.buf);
		else
			vb_error("cannot search '%s': %s", path, err.buf);
		rc = vb_api_exit_code(st);
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (o->json)
		print_json(res);
	else
		print_text(o, res, (double)(t1.tv_sec - t0.tv_sec) +
				   (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	rc = VB_EXIT_OK;
out:
	json_decref(res);
	xap_db_free(db);
	vb_buf_release(&namebuf);
	vb_buf_release(&err);
	return rc;
}

int vb_cmd_search(int argc, char **argv)
{
	static const struct option options[] = {
		VB_DBS_OPTIONS,
		{ "limit", required_argument, NULL, 'n' },
		{ "offset", required_argument, NULL, 'o' },
		{ "sort", required_argument, NULL, 's' },
		VB_FILTER_OPTIONS,
		{ "per-doc", required_argument, NULL, 'p' },
		{ "aliases", required_argument, NULL, 'a' },
		{ "all", no_argument, NULL, 'O' },
		{ "rank", required_argument, NULL, 'R' },
		{ "recent", no_argument, NULL, 'r' },
		{ "as-of", required_argument, NULL, 'A' },
		{ "explain", no_argument, NULL, 'E' },
		{ "snippet", required_argument, NULL, 'N' },
		{ "json", no_argument, NULL, 'j' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct search_opts o = { .req = { .limit = 10, .snippet = 240 } };
	struct vb_buf text = VB_BUF_INIT;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":n:h", options, NULL)) != -1) {
		int dr = vb_dbs_option(&o.dbs, c, optarg);
		if (dr > 0)
			return dr;
		if (dr == 0 || vb_query_option(&o.req.q, c, optarg) == 0)
			continue;
		switch (c) {
		case 'n':
			if ((o.req.limit = vb_parse_count("--limit", optarg, 100000)) < 0)
				return VB_EXIT_USAGE;
			break;
		case 'o':
			if ((o.req.offset = vb_parse_count("--offset", optarg, 1000000)) < 0)
				return VB_EXIT_USAGE;
			break;
		case 's':
			if (!strcmp(optarg, "date"))
				o.req.sort_date = 1;
			else if (strcmp(optarg, "relevance"))
				return vb_usage_error("--sort takes 'relevance' or 'date', not '%s'", optarg);
			break;
		case 'a': o.req.q.aliases_path = optarg; break;
		case 'p':
			if ((o.req.per_doc = vb_parse_count("--per-doc", optarg, 100000)) < 0)
				return VB_EXIT_USAGE;
			break;
		case 'O': o.req.q.match_all = 1; break;
		case 'R':
			if (!strcmp(optarg, "bm25"))
				o.req.rank_bm25 = 1;
			else if (strcmp(optarg, "verbatim"))
				return vb_usage_error("--rank takes 'verbatim' or 'bm25', not '%s'", optarg);
			break;
		case 'r': o.req.recent = 1; break;
		case 'A': o.req.as_of = optarg; break;
		case 'E': o.req.explain = 1; break;
		case 'N':
			if ((o.req.snippet = vb_parse_count("--snippet", optarg, 100000)) < 0)
				return VB_EXIT_USAGE;
			if (o.req.snippet < 20)
				o.req.snippet = 20;
			break;
		case 'j': o.json = 1; break;
		case 'c':
			if (vb_color_option(optarg, &o.color))
				return VB_EXIT_USAGE;
			break;
		case 'h': fputs(search_usage, stdout); return VB_EXIT_OK;
		default: return vb_bad_option(c, argv);
		}
	}
	if (vb_query_opts_check(&o.req.q) ||
	    vb_date_option("--as-of", o.req.as_of, 0))
		return VB_EXIT_USAGE;
	vb_join_args(&text, argc - optind, argv + optind);
	const char *p = text.buf;
	while (*p == ' ')
		p++;
	if (!*p && !o.req.q.since && !o.req.q.until && !o.req.q.lang) {
		vb_buf_release(&text);
		return vb_usage_error("nothing to search for: give a query");
	}
	o.req.text = text.buf;
	int rc = run_search(&o);
	vb_buf_release(&text);
	return rc;
}
