/* cmd_stats.c: `verbatim stats`: options and printing (the counting is in stats.c). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "commands.h"
#include "db.h"
#include "stats.h"
#include "util/usage.h"

static const char stats_usage[] =
	"usage: verbatim stats [--db PATH] [--json]\n"
	"\n"
	"Print how many documents, passages, quotes, speakers and entities the\n"
	"database holds, its languages, size on disk and schema version.\n";

static long long num(json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

static void print_text(json_t *o)
{
	const char *langs = vb_json_str(o, "languages"), *schema = vb_json_str(o, "schema_version");
	long long shards = num(o, "shards");
	printf("database        %s\n", vb_json_str(o, "database"));
	printf("documents       %lld\n", num(o, "documents"));
	printf("passages        %lld\n", num(o, "passages"));
	printf("quotes          %lld\n", num(o, "quotes"));
	printf("speakers        %lld (before merging partial names)\n", num(o, "speakers"));
	printf("entities        %lld\n", num(o, "entities"));
	printf("languages       %s\n", *langs ? langs : "-");
	printf("shards          %lld\n", shards);
	if (shards > 1)
		printf("size on disk    (%lld shards: see each)\n", shards);
	else
		printf("size on disk    %.1f MB\n", (double)num(o, "disk_bytes") / 1e6);
	printf("schema version  %s\n", *schema ? schema : "(none)");
}

int vb_cmd_stats(int argc, char **argv)
{
	static const struct option options[] = {
		VB_DBS_OPTIONS,
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct vb_dbs dbs = { .n = 0 };
	struct vb_buf err = VB_BUF_INIT, namebuf = VB_BUF_INIT;
	xap_db *db = NULL;
	json_t *res = NULL;
	int json = 0, c, rc = VB_EXIT_FAILURE;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		int dr = vb_dbs_option(&dbs, c, optarg);
		if (dr > 0)
			return dr;
		if (dr == 0)
			continue;
		switch (c) {
		case 'j': json = 1; break;
		case 'h': fputs(stats_usage, stdout); return VB_EXIT_OK;
		default: return vb_bad_option(c, argv);
		}
	}
	if (optind != argc)
		return vb_usage_error("stats takes no arguments");
	const char *path = vb_dbs_name(&dbs, &namebuf);
	/* Several databases have no one size on disk. */
	struct vb_stats_req req = { path, dbs.n <= 1 ? path : NULL };
	if (vb_dbs_open(&db, &dbs, &err)) {
		vb_error("%s", err.buf);
		goto out;
	}
	int st = vb_stats_run(db, &req, &res, &err);
	if (st != VB_API_OK) {
		vb_error("cannot read '%s': %s", path, err.buf);
		rc = vb_api_exit_code(st);
		goto out;
	}
	if (json) {
		char *s = json_dumps(res, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(s);
		free(s);
	} else {
		print_text(res);
	}
	rc = VB_EXIT_OK;
out:
	json_decref(res);
	xap_db_free(db);
	vb_buf_release(&err);
	vb_buf_release(&namebuf);
	return rc;
}
