/* cmd_show.c: `verbatim show ID`: options and printing of a passage, document or quote (show.c finds them). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "commands.h"
#include "db.h"
#include "output.h"
#include "show.h"
#include "util/date.h"
#include "util/usage.h"

static const char show_usage[] =
	"usage: verbatim show [options] ID\n"
	"\n"
	"Show a passage (DOC-ID#N, as search prints it) with the passages around\n"
	"it, a whole document (DOC-ID) with its metadata, or a quote (its id, as\n"
	"quotes prints it) with its speaker and the passage it stands in; then\n"
	"how to cite it (see 'verbatim cite').\n"
	"\n"
	"options:\n"
	"  --db PATH        database (default: $VERBATIM_DB, else ./verbatim.db)\n"
	"  -C, --context N  passages of context around a passage (default: 1)\n"
	"  --accessed DATE  accessed date of the citation (default: today, UTC)\n"
	"  --json           print JSON\n"
	"  --color WHEN     auto (default), always or never\n"
	"  -h, --help       show this help\n";

static void print_header(json_t *meta, const struct vb_style *st)
{
	printf("%s%s%s\n", st->bold_on, vb_json_str(meta, "title"), st->bold_off);
	static const char *const keys[] = { "id", "date", "source", "type", "lang",
					    "url", "author", "speaker", "path", NULL };
	for (size_t i = 0; keys[i]; i++)
		if (*vb_json_str(meta, keys[i]))
			printf("%s%-8s %s%s\n", st->dim_on, keys[i], vb_json_str(meta, keys[i]),
			       st->dim_off);
}

/* "cite as [key]" and the reference, after what is shown. */
static void print_citation(json_t *res, const struct vb_style *st)
{
	json_t *c = json_object_get(res, "citation");
	if (!json_is_object(c))
		return;
	const char *ref = vb_json_str(c, "text");
	printf("%scite as  [%s]%s\n", st->dim_on, vb_json_str(c, "key"), st->dim_off);
	vb_print_wrapped(stdout, ref, strlen(ref), NULL, st, 2, 78);
}

/* The spans of a quote inside its passage's text, as offsets into it. */
static struct vb_spans *quote_spans(json_t *q, json_t *passage, struct vb_spans *out)
{
	json_int_t base = json_integer_value(json_object_get(passage, "start"));
	json_int_t len = (json_int_t)strlen(vb_json_str(passage, "text"));
	json_t *sp;
	size_t i;
	json_array_foreach(json_object_get(q, "spans"), i, sp) {
		json_int_t a = json_integer_value(json_object_get(sp, "start")) - base;
		json_int_t b = json_integer_value(json_object_get(sp, "end")) - base;
		if (a < 0 || b > len || a >= b)
			continue;
		VB_ALLOC_GROW(out->v, out->n + 1, out->alloc);
		out->v[out->n].start = (size_t)a;
		out->v[out->n].end = (size_t)b;
		out->n++;
	}
	return out;
}

/* A quote: its words and speaker, then the passage it stands in. */
static void print_quote(json_t *res, const struct vb_style *st)
{
	json_t *q = json_object_get(res, "quote");
	json_t *passage = json_object_get(res, "passage");
	json_t *doc = json_object_get(res, "document");
	json_t *sp = json_object_get(q, "speaker");
	struct vb_buf line = VB_BUF_INIT;
	vb_quote_words(vb_json_str(q, "text"), vb_json_str(q, "quote_kind"), &line);
	vb_print_wrapped(stdout, line.buf, line.len, NULL, st, 0, 78);
	vb_buf_release(&line);
	if (sp) {
		printf("  \xe2\x80\x94 %s%s%s", st->bold_on, vb_json_str(sp, "name"),
		       st->bold_off);
		if (*vb_json_str(sp, "role"))
			printf(", %s", vb_json_str(sp, "role"));
		if (*vb_json_str(sp, "org"))
			printf(", %s", vb_json_str(sp, "org"));
		printf(" (%s)\n", vb_json_str(sp, "type"));
	} else {
		printf("  \xe2\x80\x94 speaker unknown\n");
	}
	printf("%squote    %s, %s%s%s, bytes %lld-%lld%s\n\n", st->dim_on,
	       vb_json_str(q, "id"), vb_json_str(q, "quote_kind"),
	       *vb_json_str(q, "cue") ? ", cue: " : "", vb_json_str(q, "cue"),
	       (long long)json_integer_value(json_object_get(q, "start")),
	       (long long)json_integer_value(json_object_get(q, "end")), st->dim_off);
	if (json_is_object(doc))
		print_header(doc, st);
	if (json_is_object(passage)) {
		const char *t = vb_json_str(passage, "text");
		struct vb_spans hl = { 0 };
		printf("%spassage  %s, paragraph %lld%s\n\n", st->dim_on,
		       vb_json_str(passage, "id"),
		       (long long)json_integer_value(json_object_get(passage, "paragraph")),
		       st->dim_off);
		/* The quote stands out in its paragraph (in colour). */
		vb_print_wrapped(stdout, t, strlen(t), quote_spans(q, passage, &hl), st, 2, 78);
		vb_spans_release(&hl);
	}
	putchar('\n');
	print_citation(res, st);
}

static void print_one(json_t *p, int self, const struct vb_style *st)
{
	const char *t = vb_json_str(p, "text");
	if (self && st->color) {
		/* The passage itself stands out. */
		struct vb_span whole = { 0, strlen(t) };
		struct vb_spans all = { &whole, 1, 1 };
		vb_print_wrapped(stdout, t, strlen(t), &all, st, 2, 78);
	} else {
		printf("%s", self ? "" : st->dim_on);
		vb_print_wrapped(stdout, t, strlen(t), NULL, st, self ? 2 : 4, 78);
		printf("%s", self ? "" : st->dim_off);
	}
	putchar('\n');
}

/* A passage: the document's header, then the passage among its context. */
static void print_passage(json_t *res, const struct vb_style *st)
{
	json_t *p = json_object_get(res, "passage");
	json_t *doc = json_object_get(res, "document");
	json_t *c;
	size_t i;
	long n = (long)json_integer_value(json_object_get(p, "n"));
	int done = 0;
	print_header(json_is_object(doc) ? doc : p, st);
	printf("%spassage  %ld of %lld, paragraph %lld, bytes %lld-%lld%s\n\n",
	       st->dim_on, n,
	       (long long)json_integer_value(json_object_get(doc, "passages")),
	       (long long)json_integer_value(json_object_get(p, "paragraph")),
	       (long long)json_integer_value(json_object_get(p, "start")),
	       (long long)json_integer_value(json_object_get(p, "end")),
	       st->dim_off);
	json_array_foreach(json_object_get(res, "context"), i, c) {
		if (!done && json_integer_value(json_object_get(c, "n")) > n) {
			print_one(p, 1, st);
			done = 1;
		}
		print_one(c, 0, st);
	}
	if (!done)
		print_one(p, 1, st);
	print_citation(res, st);
}

/* A whole document: its record and every passage in order. */
static void print_document(json_t *res, const struct vb_style *st)
{
	json_t *p;
	size_t i;
	print_header(res, st);
	putchar('\n');
	json_array_foreach(json_object_get(res, "passage_list"), i, p) {
		const char *t = vb_json_str(p, "text");
		printf("%s[%s]%s\n", st->dim_on, vb_json_str(p, "id"), st->dim_off);
		vb_print_wrapped(stdout, t, strlen(t), NULL, st, 2, 78);
		putchar('\n');
	}
	print_citation(res, st);
}

int vb_cmd_show(int argc, char **argv)
{
	static const struct option options[] = {
		VB_DBS_OPTIONS,
		{ "context", required_argument, NULL, 'C' },
		{ "accessed", required_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct vb_dbs dbs = { .n = 0 };
	long context = 1;
	const char *accessed = NULL;
	char day[9];
	int json = 0, c;
	enum vb_color_mode color = VB_COLOR_AUTO;
	struct vb_buf err = VB_BUF_INIT;
	struct vb_style st;
	xap_db *db = NULL;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":C:h", options, NULL)) != -1) {
		int dr = vb_dbs_option(&dbs, c, optarg);
		if (dr > 0)
			return dr;
		if (dr == 0)
			continue;
		switch (c) {
		case 'C':
			if ((context = vb_parse_count("--context", optarg, 1000)) < 0)
				return VB_EXIT_USAGE;
			break;
		case 'a':
			accessed = optarg;
			if (strlen(accessed) != 10 || vb_date_bound(accessed, 10, 0, day))
				return vb_usage_error("--accessed takes a date YYYY-MM-DD, not '%s'",
						      accessed);
			break;
		case 'j': json = 1; break;
		case 'c':
			if (vb_color_option(optarg, &color))
				return VB_EXIT_USAGE;
			break;
		case 'h': fputs(show_usage, stdout); return VB_EXIT_OK;
		default: return vb_bad_option(c, argv);
		}
	}
	if (optind + 1 != argc)
		return vb_usage_error("give exactly one id");
	const char *id = argv[optind];
	struct vb_buf namebuf = VB_BUF_INIT;
	const char *path = vb_dbs_name(&dbs, &namebuf);
	if (vb_dbs_open(&db, &dbs, &err)) {
		vb_error("%s", err.buf);
		vb_buf_release(&err);
		vb_buf_release(&namebuf);
		return VB_EXIT_FAILURE;
	}
	vb_style_init(&st, !json && vb_color_enabled(color, stdout));

	json_t *res = NULL;
	struct vb_show_req req = { .id = id, .context = context, .accessed = accessed };
	int rc = vb_show_run(db, &req, &res, &err);
	if (rc != VB_API_OK) {
		if (rc == VB_API_NOT_FOUND)
			vb_error("%s in '%s'", err.buf, path);
		else
			vb_error("%s", err.buf);
		rc = vb_api_exit_code(rc);
		goto out;
	}
	if (json) {
		char *s = json_dumps(res, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(s);
		free(s);
	} else if (json_object_get(res, "quote")) {
		print_quote(res, &st);
	} else if (json_object_get(res, "passage")) {
		print_passage(res, &st);
	} else {
		print_document(res, &st);
	}
	json_decref(res);
	rc = VB_EXIT_OK;
out:
	xap_db_free(db);
	vb_buf_release(&err);
	vb_buf_release(&namebuf);
	return rc;
}
