/* cmd_cite.c: `verbatim cite`: a citation list of a query's documents or of chosen ids. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cite.h"
#include "commands.h"
#include "db.h"
#include "util/date.h"
#include "util/usage.h"

static const char cite_usage[] =
	"usage: verbatim cite [options] QUERY...\n"
	"       verbatim cite [options] --id ID...\n"
	"\n"
	"Write a citation list: the documents of the best passages for QUERY\n"
	"(with the quotes of those passages that contain a query word), or the\n"
	"documents of the given ids (quote ids, passage ids DOC-ID#N, document\n"
	"ids), each with the quotes used from it.  Several quotes from one\n"
	"document make one item.  Keys read like 'ifsrp2005record'.  See\n"
	"docs/citations.md.\n"
	"\n"
	"options:\n"
	"  --db PATH          database (default: $VERBATIM_DB, else ./verbatim.db)\n"
	"  -f, --format F     csl-json, biblatex, ris, markdown or text (default)\n"
	"  -n, --limit N      at most N documents from a query (default: 10)\n"
	"  --id               the arguments are ids, not a query\n"
	"  --accessed DATE    accessed date YYYY-MM-DD (default: today, UTC)\n"
	"  --since DATE       only documents published on or after DATE\n"
	"  --until DATE       only documents published on or before DATE\n"
	"  --lang TAG         only documents in this language\n"
	"  --json             print the response: format, text and CSL-JSON items\n"
	"  -h, --help         show this help\n"
	"\n"
	"exit status: 0 ok, 1 an id is unknown or failure, 2 usage error.\n";

static int print_cite(const struct vb_dbs *dbs, const struct vb_cite_req *req, int json)
{
	struct vb_buf err = VB_BUF_INIT;
	xap_db *db = NULL;
	json_t *res = NULL;
	int rc = VB_EXIT_FAILURE;

	if (vb_dbs_open(&db, dbs, &err)) {
		vb_error("%s", err.buf);
		goto out;
	}
	int st = vb_cite_run(db, req, &res, &err);
	if (st != VB_API_OK) {
		if (st == VB_API_BAD_REQUEST && req->text && !req->nids)
			vb_error("bad query '%s': %s", req->text, err.buf);
		else
			vb_error("%s", err.buf);
		rc = vb_api_exit_code(st);
		goto out;
	}
	if (json) {
		char *s = json_dumps(res, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(s);
		free(s);
	} else {
		const char *text = vb_json_str(res, "text");
		if (!*text)
			vb_warning("nothing to cite: no passages match '%s'", req->text);
		fputs(text, stdout);
	}
	rc = VB_EXIT_OK;
out:
	json_decref(res);
	xap_db_free(db);
	vb_buf_release(&err);
	return rc;
}

int vb_cmd_cite(int argc, char **argv)
{
	static const struct option options[] = {
		VB_DBS_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ "limit", required_argument, NULL, 'n' },
		{ "id", no_argument, NULL, 'i' },
		{ "accessed", required_argument, NULL, 'a' },
		VB_FILTER_OPTIONS,
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct vb_dbs dbs = { .n = 0 };
	struct vb_cite_req req = { .limit = 10, .format = VB_CITE_TEXT };
	struct vb_buf text = VB_BUF_INIT;
	int json = 0, ids = 0, c, f;
	char day[9];

	optind = 1;
	while ((c = getopt_long(argc, argv, ":f:n:h", options, NULL)) != -1) {
		int dr = vb_dbs_option(&dbs, c, optarg);
		if (dr > 0)
			return dr;
		if (dr == 0 || vb_query_option(&req.q, c, optarg) == 0)
			continue;
		switch (c) {
		case 'f':
			if ((f = vb_cite_format_parse(optarg)) < 0)
				return vb_usage_error("--format takes csl-json, biblatex, ris, "
						      "markdown or text, not '%s'", optarg);
			req.format = (enum vb_cite_format)f;
			break;
		case 'n':
			if ((req.limit = vb_parse_count("--limit", optarg, 1000)) < 0)
				return VB_EXIT_USAGE;
			if (!req.limit)
				return vb_usage_error("--limit must be at least 1");
			break;
		case 'i': ids = 1; break;
		case 'a': req.accessed = optarg; break;
		case 'j': json = 1; break;
		case 'h': fputs(cite_usage, stdout); return VB_EXIT_OK;
		default: return vb_bad_option(c, argv);
		}
	}
	if (vb_query_opts_check(&req.q))
		return VB_EXIT_USAGE;
	if (req.accessed && (strlen(req.accessed) != 10 ||
			     vb_date_bound(req.accessed, 10, 0, day)))
		return vb_usage_error("--accessed takes a date YYYY-MM-DD, not '%s'", req.accessed);
	if (optind >= argc)
		return vb_usage_error(ids ? "give at least one id" : "nothing to cite: give a query or --id ID...");
	if (ids) {
		req.ids = (const char *const *)(argv + optind);
		req.nids = (size_t)(argc - optind);
	} else {
		vb_join_args(&text, argc - optind, argv + optind);
		req.text = text.buf;
	}
	int rc = print_cite(&dbs, &req, json);
	vb_buf_release(&text);
	return rc;
}
