/* cmd_entities.c: `verbatim entities`: options and printing (the work is in entities.c). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "commands.h"
#include "db.h"
#include "entities.h"
#include "util/usage.h"

static const char entities_usage[] =
	"usage: verbatim entities [options] [WORD...]\n"
	"\n"
	"List the entities found in the documents, most mentioned first, with\n"
	"how many times they are mentioned and in how many passages.  WORD\n"
	"(optional) keeps entities whose name contains it (case-insensitive).\n"
	"\n"
	"options:\n"
	"  --db PATH          database (default: $VERBATIM_DB, else ./verbatim.db)\n"
	"  --type TYPE        person, organisation, place, money or percent\n"
	"  -n, --limit N      at most N entities (default: all)\n"
	"  --json             one JSON object per entity, one per line\n"
	"  -h, --help         show this help\n";

static void print_entity(json_t *e, int json)
{
	if (json) {
		char *s = json_dumps(e, JSON_COMPACT | JSON_PRESERVE_ORDER);
		puts(s);
		free(s);
		return;
	}
	long long passages = json_integer_value(json_object_get(e, "passages"));
	printf("%6lld  %-13s %s (%lld passage%s)\n",
	       json_integer_value(json_object_get(e, "mentions")), vb_json_str(e, "type"),
	       vb_json_str(e, "name"), passages, passages == 1 ? "" : "s");
}

int vb_cmd_entities(int argc, char **argv)
{
	static const struct option options[] = {
		VB_DBS_OPTIONS,
		{ "type", required_argument, NULL, 't' },
		{ "limit", required_argument, NULL, 'n' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct vb_dbs dbs = { .n = 0 };
	struct vb_entities_req req = { .limit = -1 };
	struct vb_buf err = VB_BUF_INIT, words = VB_BUF_INIT, namebuf = VB_BUF_INIT;
	xap_db *db = NULL;
	json_t *res = NULL, *e;
	int json = 0, c, rc = VB_EXIT_FAILURE;
	size_t i;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":n:h", options, NULL)) != -1) {
		int dr = vb_dbs_option(&dbs, c, optarg);
		if (dr > 0)
			return dr;
		if (dr == 0)
			continue;
		switch (c) {
		case 't':
			if (!(req.type = vb_entity_type(optarg)))
				return vb_usage_error("--type takes person, organisation, place, money or percent, not '%s'", optarg);
			break;
		case 'n':
			if ((req.limit = vb_parse_count("--limit", optarg, 10000000)) < 0)
				return VB_EXIT_USAGE;
			break;
		case 'j': json = 1; break;
		case 'h': fputs(entities_usage, stdout); return VB_EXIT_OK;
		default: return vb_bad_option(c, argv);
		}
	}
	vb_join_args(&words, argc - optind, argv + optind);
	req.name = words.buf;
	if (vb_dbs_open(&db, &dbs, &err)) {
		vb_error("%s", err.buf);
		goto out;
	}
	int st = vb_entities_run(db, &req, &res, &err);
	if (st != VB_API_OK) {
		vb_error("cannot read '%s': %s", vb_dbs_name(&dbs, &namebuf), err.buf);
		rc = vb_api_exit_code(st);
		goto out;
	}
	json_array_foreach(json_object_get(res, "results"), i, e)
		print_entity(e, json);
	if (!json_array_size(json_object_get(res, "results")) && !json)
		printf("no entities found\n");
	rc = VB_EXIT_OK;
out:
	json_decref(res);
	xap_db_free(db);
	vb_buf_release(&err);
	vb_buf_release(&words);
	vb_buf_release(&namebuf);
	return rc;
}
