/* cmd_search.c: `verbatim search`: ranked passages with highlighted snippets. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "commands.h"
#include "db.h"
#include "output.h"
#include "query.h"
#include "schema.h"
#include "snippet.h"
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
	"Words are matched by their stems in the document's language.\n"
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
	"  --snippet N        snippet length in bytes (default: 240)\n"
	"  --json             one JSON object per result, one per line\n"
	"  --color WHEN       auto (default), always or never\n"
	"  -h, --help         show this help\n";

struct search_opts {
	struct vb_dbs dbs;
	long limit, offset, per_doc, snippet;
	int sort_date;
	int json;
	enum vb_color_mode color;
	struct vb_query_opts q;
};



static void print_json_result(unsigned rank, double weight, json_t *data,
			      const struct vb_snippet *snip)
{
	json_t *o = json_object();
	json_object_set_new(o, "rank", json_integer(rank));
	json_object_set(o, "id", json_object_get(data, "id"));
	json_object_set(o, "doc_id", json_object_get(data, "doc"));
	static const char *const keys[] = { "title", "date", "source", "url",
					    "lang", "type", NULL };
	for (size_t i = 0; keys[i]; i++) {
		json_t *v = json_object_get(data, keys[i]);
		json_object_set(o, keys[i], v ? v : json_null());
	}
	json_object_set(o, "passage", json_object_get(data, "n"));
	json_object_set(o, "paragraph", json_object_get(data, "paragraph"));
	json_object_set(o, "start", json_object_get(data, "start"));
	json_object_set(o, "end", json_object_get(data, "end"));
	json_object_set(o, "text", json_object_get(data, "text"));
	json_object_set_new(o, "snippet", json_stringn(snip->text.buf, snip->text.len));
	json_t *hl = json_array();
	for (size_t i = 0; i < snip->highlights.n; i++) {
		json_t *pair = json_array();
		json_array_append_new(pair, json_integer((json_int_t)snip->highlights.v[i].start));
		json_array_append_new(pair, json_integer((json_int_t)snip->highlights.v[i].end));
		json_array_append_new(hl, pair);
	}
	json_object_set_new(o, "highlights", hl);
	json_object_set_new(o, "score", json_real(weight));
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	puts(s);
	free(s);
	json_decref(o);
}

static void print_text_result(unsigned rank, double weight, json_t *data,
			      const struct vb_snippet *snip,
			      const struct vb_style *st)
{
	const char *date = vb_json_str(data, "date"), *source = vb_json_str(data, "source");
	printf("%s%u. %s%s\n", st->bold_on, rank, vb_json_str(data, "title"), st->bold_off);
	printf("   %s%s%s%s · %s · score %.2f%s\n", st->dim_on,
	       *date ? date : "undated", *source ? " · " : "", source,
	       vb_json_str(data, "id"), weight, st->dim_off);
	vb_print_wrapped(stdout, snip->text.buf, snip->text.len, &snip->highlights,
			 st, 3, 78);
}

/*
 * Search `text`.  When nothing matches and the spelling table suggests
 * another query, that one is searched instead (once), saying so.
 */
static int run_search(const struct search_opts *o, const char *text,
		      const char *instead_of)
{
	struct vb_buf err = VB_BUF_INIT;
	struct vb_parsed_query pq;
	struct vb_style st;
	xap_db *db = NULL;
	xap_enquire *enq = NULL;
	xap_mset *ms = NULL;
	struct vb_highlighter *hl = NULL;
	struct vb_snippet snip;
	xap_error xe;
	struct timespec t0, t1;
	int rc = VB_EXIT_FAILURE;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	vb_snippet_init(&snip);
	memset(&pq, 0, sizeof(pq));
	struct vb_buf namebuf = VB_BUF_INIT;
	const char *path = vb_dbs_name(&o->dbs, &namebuf);
	if (vb_dbs_open(&db, &o->dbs, &err)) {
		vb_error("%s", err.buf);
		goto out;
	}
	int qrc = vb_query_build(db, text, &o->q, &pq, &err);
	if (qrc) {
		if (qrc == XAP_ERR_QUERY)
			vb_error("bad query '%s': %s", text, err.buf);
		else
			vb_error("cannot search '%s': %s", path, err.buf);
		rc = qrc == XAP_ERR_QUERY ? VB_EXIT_USAGE : VB_EXIT_FAILURE;
		goto out;
	}
	if (xap_enquire_new(&enq, db, &xe) ||
	    xap_enquire_set_query(enq, pq.query, &xe) ||
	    (o->sort_date && xap_enquire_sort_by_value(enq, VB_SLOT_DATE, 1, &xe)) ||
	    (o->per_doc > 0 &&
	     xap_enquire_set_collapse_key(enq, VB_SLOT_DOC, (unsigned)o->per_doc, &xe)) ||
	    xap_enquire_get_mset(enq, (unsigned)o->offset, (unsigned)o->limit,
				 /* --limit 0 asks only how many match: count them all */
				 o->limit ? (unsigned)(o->offset + o->limit) : 0xFFFFFFFFu,
				 &ms, &xe)) {
		vb_error("cannot search '%s': %s", path, xe.message);
		goto out;
	}

	vb_style_init(&st, !o->json && vb_color_enabled(o->color, stdout));
	if (!xap_mset_estimated(ms) && pq.suggestion && !instead_of) {
		char *suggestion = vb_strdup(pq.suggestion);
		xap_mset_free(ms);
		xap_enquire_free(enq);
		vb_parsed_query_release(&pq);
		xap_db_free(db);
		vb_buf_release(&err);
		vb_buf_release(&namebuf);
		rc = run_search(o, suggestion, text);
		free(suggestion);
		return rc;
	}
	if (instead_of) {
		if (o->json)
			vb_warning("no passages match '%s'; showing results for '%s'",
				   instead_of, text);
		else
			printf("no passages match '%s'; showing results for '%s%s%s'\n\n",
			       instead_of, st.bold_on, text, st.bold_off);
	} else if (pq.suggestion) {
		if (o->json)
			vb_warning("did you mean: %s", pq.suggestion);
		else
			printf("did you mean: %s%s%s\n\n", st.bold_on, pq.suggestion,
			       st.bold_off);
	}
	hl = vb_highlighter_new(pq.terms, pq.nterms, pq.wildcards, pq.nwildcards);
	unsigned n = xap_mset_size(ms);
	for (unsigned i = 0; i < n; i++) {
		xap_doc *d = NULL;
		char *data = NULL;
		size_t dlen = 0;
		json_t *obj;
		if (xap_mset_document(ms, i, &d, &xe) ||
		    xap_doc_get_data(d, &data, &dlen, &xe)) {
			xap_doc_free(d);
			vb_error("cannot read result %u: %s", i + 1, xe.message);
			goto out;
		}
		xap_doc_free(d);
		obj = json_loadb(data, dlen, 0, NULL);
		free(data);
		if (!obj) {
			vb_warning("result %u has unreadable data; skipped", i + 1);
			continue;
		}
		vb_db_add_doc_meta(db, obj);
		const char *ptext = vb_json_str(obj, "text");
		vb_buf_reset(&err);
		if (vb_snippet_make(hl, ptext, strlen(ptext), vb_json_str(obj, "lang"),
				    (size_t)o->snippet, &snip, &err) < 0) {
			vb_error("cannot make a snippet: %s", err.buf);
			json_decref(obj);
			goto out;
		}
		unsigned rank = (unsigned)o->offset + i + 1;
		if (o->json)
			print_json_result(rank, xap_mset_weight(ms, i), obj, &snip);
		else {
			if (i)
				putchar('\n');
			print_text_result(rank, xap_mset_weight(ms, i), obj, &snip, &st);
		}
		json_decref(obj);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (!o->json) {
		double secs = (double)(t1.tv_sec - t0.tv_sec) +
			      (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		if (!o->limit && *text)
			printf("%u passages match '%s'\n", xap_mset_estimated(ms), text);
		else if (!o->limit)
			printf("%u passages match\n", xap_mset_estimated(ms));
		else if (!n)
			printf("no passages match '%s'\n", text);
		else
			printf("\n%s%u-%u of about %u passage%s (%.3f s)%s\n", st.dim_on,
			       (unsigned)o->offset + 1, (unsigned)o->offset + n,
			       xap_mset_estimated(ms),
			       xap_mset_estimated(ms) == 1 ? "" : "s", secs, st.dim_off);
	}
	rc = VB_EXIT_OK;
out:
	vb_highlighter_free(hl);
	vb_snippet_release(&snip);
	xap_mset_free(ms);
	xap_enquire_free(enq);
	vb_parsed_query_release(&pq);
	xap_db_free(db);
	vb_buf_release(&err);
	vb_buf_release(&namebuf);
	return rc;
}

int vb_cmd_search(int argc, char **argv)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "allow-partial", no_argument, NULL, 'P' },
		{ "limit", required_argument, NULL, 'n' },
		{ "offset", required_argument, NULL, 'o' },
		{ "sort", required_argument, NULL, 's' },
		{ "since", required_argument, NULL, 'S' },
		{ "until", required_argument, NULL, 'U' },
		{ "lang", required_argument, NULL, 'l' },
		{ "per-doc", required_argument, NULL, 'p' },
		{ "aliases", required_argument, NULL, 'a' },
		{ "all", no_argument, NULL, 'O' },
		{ "snippet", required_argument, NULL, 'N' },
		{ "json", no_argument, NULL, 'j' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct search_opts o = { .limit = 10, .snippet = 240 };
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
		case 'n':
			if ((o.limit = vb_parse_count("--limit", optarg, 100000)) < 0)
				return VB_EXIT_USAGE;
			break;
		case 'o':
			if ((o.offset = vb_parse_count("--offset", optarg, 1000000)) < 0)
				return VB_EXIT_USAGE;
			break;
		case 's':
			if (!strcmp(optarg, "date"))
				o.sort_date = 1;
			else if (strcmp(optarg, "relevance"))
				return vb_usage_error("--sort takes 'relevance' or 'date', not '%s'", optarg);
			break;
		case 'S': o.q.since = optarg; break;
		case 'U': o.q.until = optarg; break;
		case 'l': o.q.lang = optarg; break;
		case 'a': o.q.aliases_path = optarg; break;
		case 'p':
			if ((o.per_doc = vb_parse_count("--per-doc", optarg, 100000)) < 0)
				return VB_EXIT_USAGE;
			break;
		case 'O': o.q.match_all = 1; break;
		case 'N':
			if ((o.snippet = vb_parse_count("--snippet", optarg, 100000)) < 0)
				return VB_EXIT_USAGE;
			if (o.snippet < 20)
				o.snippet = 20;
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
	if (vb_date_option("--since", o.q.since, 0) || vb_date_option("--until", o.q.until, 1))
		return VB_EXIT_USAGE;
	vb_join_args(&text, argc - optind, argv + optind);
	const char *p = text.buf;
	while (*p == ' ')
		p++;
	if (!*p && !o.q.since && !o.q.until && !o.q.lang) {
		vb_buf_release(&text);
		return vb_usage_error("nothing to search for: give a query");
	}
	int rc = run_search(&o, text.buf, NULL);
	vb_buf_release(&text);
	return rc;
}
