/* cmd_verify.c: `verbatim verify`: where a quote comes from, with its differences marked. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "commands.h"
#include "db.h"
#include "output.h"
#include "util/usage.h"
#include "verify.h"

/* Exit statuses besides 1 (failure) and 2 (usage). */
enum { VERIFY_EXACT = 0, VERIFY_NEAR = 3, VERIFY_NOT_FOUND = 4 };

static const char verify_usage[] =
	"usage: verbatim verify [options] TEXT...\n"
	"\n"
	"Find where a quote comes from, even misremembered: the original wording\n"
	"with the differences marked ([-yours-]{+original+}), the speaker, and\n"
	"every source with its date, earliest first.  Case, punctuation and the\n"
	"kind of quotation marks do not count.\n"
	"\n"
	"options:\n"
	"  --db PATH          database (default: $VERBATIM_DB, else ./verbatim.db)\n"
	"  --threshold X      similarity of a near match, 0 to 1 (default: 0.75)\n"
	"  -n, --limit N      at most N matches (default: 5)\n"
	"  --since DATE       only documents published on or after DATE\n"
	"  --until DATE       only documents published on or before DATE\n"
	"  --lang TAG         only documents in this language\n"
	"  --json             print the response as JSON\n"
	"  --color WHEN       auto (default), always or never\n"
	"  -h, --help         show this help\n"
	"\n"
	"exit status: 0 exact, 3 near match, 4 not found, 1 failure, 2 usage error.\n";

static void print_ops(json_t *ops, const struct vb_style *st)
{
	json_t *op;
	size_t i;
	struct vb_buf line = VB_BUF_INIT;
	json_array_foreach(ops, i, op) {
		const char *kind = vb_json_str(op, "op"), *t = vb_json_str(op, "text");
		/* "[-three-]{+two+}": a replaced word reads as one change. */
		if (i && !(!strcmp(kind, "insert") &&
			   !strcmp(vb_json_str(json_array_get(ops, i - 1), "op"), "delete")))
			vb_buf_addch(&line, ' ');
		if (!strcmp(kind, "delete"))
			vb_buf_addf(&line, "%s[-%s-]%s", st->color ? "\033[31m" : "", t,
				    st->color ? "\033[0m" : "");
		else if (!strcmp(kind, "insert"))
			vb_buf_addf(&line, "%s{+%s+}%s", st->color ? "\033[32m" : "", t,
				    st->color ? "\033[0m" : "");
		else
			vb_buf_adds(&line, t);
	}
	/* Not wrapped: wrapping counts the colour codes as columns. */
	printf("  %s\n", line.buf);
	vb_buf_release(&line);
}

static void print_match(json_t *m, const struct vb_style *st)
{
	json_t *sp = json_object_get(m, "speaker"), *s;
	size_t i;
	struct vb_buf line = VB_BUF_INIT;
	vb_buf_addf(&line, "\xe2\x80\x9c%s\xe2\x80\x9d", vb_json_str(m, "text"));
	vb_print_wrapped(stdout, line.buf, line.len, NULL, st, 2, 78);
	vb_buf_release(&line);
	if (!json_is_true(json_object_get(m, "exact"))) {
		printf("%s  differences (similarity %.2f):%s\n", st->dim_on,
		       json_real_value(json_object_get(m, "similarity")), st->dim_off);
		print_ops(json_object_get(m, "ops"), st);
	}
	if (sp) {
		printf("  \xe2\x80\x94 %s%s%s", st->bold_on, vb_json_str(sp, "name"), st->bold_off);
		if (*vb_json_str(sp, "role"))
			printf(", %s", vb_json_str(sp, "role"));
		if (*vb_json_str(sp, "org"))
			printf(", %s", vb_json_str(sp, "org"));
		putchar('\n');
	} else {
		printf("  \xe2\x80\x94 speaker unknown\n");
	}
	printf("  sources, earliest first:\n");
	json_array_foreach(json_object_get(m, "sources"), i, s) {
		const char *date = vb_json_str(s, "date");
		printf("    %-10s  %s\n", *date ? date : "undated", vb_json_str(s, "title"));
		printf("    %s%10s  %s · %s, paragraph %lld%s\n", st->dim_on, "",
		       vb_json_str(s, "source"), vb_json_str(s, "passage"),
		       (long long)json_integer_value(json_object_get(s, "paragraph")), st->dim_off);
		if (*vb_json_str(s, "url"))
			printf("    %s%10s  %s%s\n", st->dim_on, "", vb_json_str(s, "url"), st->dim_off);
	}
}

static void print_text(json_t *res, const struct vb_style *st)
{
	const char *verdict = vb_json_str(res, "verdict");
	json_t *m;
	size_t i;
	if (!strcmp(verdict, "not_found")) {
		printf("not found: no passage is %.0f%% like this quote\n",
		       100 * json_real_value(json_object_get(res, "threshold")));
		return;
	}
	json_array_foreach(json_object_get(res, "matches"), i, m) {
		if (i)
			putchar('\n');
		printf("%s%s%s\n", st->bold_on,
		       json_is_true(json_object_get(m, "exact")) ? "exact match" : "near match",
		       st->bold_off);
		print_match(m, st);
	}
}

int vb_cmd_verify(int argc, char **argv)
{
	static const struct option options[] = {
		VB_DBS_OPTIONS,
		{ "threshold", required_argument, NULL, 't' },
		{ "limit", required_argument, NULL, 'n' },
		VB_FILTER_OPTIONS,
		{ "json", no_argument, NULL, 'j' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct vb_dbs dbs = { .n = 0 };
	struct vb_verify_req req = { .limit = 5 };
	enum vb_color_mode color = VB_COLOR_AUTO;
	struct vb_buf text = VB_BUF_INIT, err = VB_BUF_INIT;
	int json = 0, c, rc = VB_EXIT_FAILURE;
	char *end;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":n:h", options, NULL)) != -1) {
		int dr = vb_dbs_option(&dbs, c, optarg);
		if (dr > 0)
			return dr;
		if (dr == 0 || vb_query_option(&req.q, c, optarg) == 0)
			continue;
		switch (c) {
		case 't':
			req.threshold = strtod(optarg, &end);
			if (end == optarg || *end || !(req.threshold > 0 && req.threshold <= 1))
				return vb_usage_error("--threshold takes a number above 0 and at most 1, not '%s'",
						      optarg);
			break;
		case 'n':
			if ((req.limit = vb_parse_count("--limit", optarg, 1000)) < 0)
				return VB_EXIT_USAGE;
			if (!req.limit)
				return vb_usage_error("--limit must be at least 1");
			break;
		case 'j': json = 1; break;
		case 'c':
			if (vb_color_option(optarg, &color))
				return VB_EXIT_USAGE;
			break;
		case 'h': fputs(verify_usage, stdout); return VB_EXIT_OK;
		default: return vb_bad_option(c, argv);
		}
	}
	if (vb_query_opts_check(&req.q))
		return VB_EXIT_USAGE;
	if (optind >= argc)
		return vb_usage_error("give the quote to verify");
	vb_join_args(&text, argc - optind, argv + optind);
	req.text = text.buf;

	xap_db *db = NULL;
	json_t *res = NULL;
	if (vb_dbs_open(&db, &dbs, &err)) {
		vb_error("%s", err.buf);
		goto out;
	}
	int st = vb_verify_run(db, &req, &res, &err);
	if (st != VB_API_OK) {
		if (st == VB_API_BAD_REQUEST)
			vb_error("cannot verify '%s': %s", req.text, err.buf);
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
		struct vb_style sty;
		vb_style_init(&sty, vb_color_enabled(color, stdout));
		print_text(res, &sty);
	}
	const char *verdict = vb_json_str(res, "verdict");
	rc = !strcmp(verdict, "exact") ? VERIFY_EXACT
	     : !strcmp(verdict, "near") ? VERIFY_NEAR : VERIFY_NOT_FOUND;
out:
	json_decref(res);
	xap_db_free(db);
	vb_buf_release(&text);
	vb_buf_release(&err);
	return rc;
}
