/* cmd_show.c: `verbatim show ID`: a passage in its context, or a whole document. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "commands.h"
#include "db.h"
#include "index.h"
#include "output.h"
#include "schema.h"
#include "util/usage.h"

static const char show_usage[] =
	"usage: verbatim show [options] ID\n"
	"\n"
	"Show a passage (DOC-ID#N, as search prints it) with the passages around\n"
	"it, a whole document (DOC-ID) with its metadata, or a quote (its id, as\n"
	"quotes prints it) with its speaker and the passage it stands in.\n"
	"\n"
	"options:\n"
	"  --db PATH        database (default: $VERBATIM_DB, else ./verbatim.db)\n"
	"  -C, --context N  passages of context around a passage (default: 1)\n"
	"  --json           print JSON\n"
	"  --color WHEN     auto (default), always or never\n"
	"  -h, --help       show this help\n";

/* Data of the first Xapian document indexed by prefix + id, parsed, or NULL. */
static json_t *lookup(const xap_db *db, const char *prefix, const char *id,
		      int *failed)
{
	json_t *obj;
	xap_error xe;
	if (vb_db_lookup(db, prefix, id, &obj, &xe)) {
		vb_error("cannot read the database: %s", xe.message);
		*failed = 1;
		return NULL;
	}
	return obj;
}


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

static json_t *passage(const xap_db *db, const char *doc_id, long n, int *failed)
{
	struct vb_buf id = VB_BUF_INIT;
	vb_passage_id(&id, doc_id, (unsigned)n);
	json_t *p = lookup(db, VB_PREFIX_UID, id.buf, failed);
	vb_buf_release(&id);
	return p;
}

/* The quote with this id, from the data of the passage that holds it. */
static json_t *quote_by_id(const xap_db *db, const char *id, int *failed)
{
	json_t *passage = lookup(db, VB_PREFIX_QUOTE_ID, id, failed);
	json_t *list = passage ? json_object_get(passage, "quotes") : NULL;
	json_t *entry, *q = NULL;
	size_t i;
	json_array_foreach(list, i, entry) {
		if (strcmp(vb_json_str(entry, "id"), id))
			continue;
		q = vb_quote_object(passage, entry);
		break;
	}
	json_decref(passage);
	return q;
}

/* A quote: its words and speaker, then the passage it stands in. */
static int show_quote(const xap_db *db, json_t *q, int json,
		      const struct vb_style *st, int *failed)
{
	json_t *passage = lookup(db, VB_PREFIX_UID, vb_json_str(q, "passage"), failed);
	json_t *doc = lookup(db, VB_PREFIX_UID, vb_json_str(q, "doc"), failed);
	if (json) {
		json_t *out = json_object();
		json_object_set(out, "quote", q);
		json_object_set(out, "passage", passage ? passage : json_null());
		json_object_set(out, "document", doc ? doc : json_null());
		char *s = json_dumps(out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(s);
		free(s);
		json_decref(out);
	} else {
		json_t *sp = json_object_get(q, "speaker");
		struct vb_buf line = VB_BUF_INIT;
		vb_buf_addf(&line, "\xe2\x80\x9c%s\xe2\x80\x9d", vb_json_str(q, "text"));
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
		if (doc)
			print_header(doc, st);
		if (passage) {
			const char *t = vb_json_str(passage, "text");
			printf("%spassage  %s, paragraph %lld%s\n\n", st->dim_on,
			       vb_json_str(passage, "id"),
			       (long long)json_integer_value(json_object_get(passage, "paragraph")),
			       st->dim_off);
			vb_print_wrapped(stdout, t, strlen(t), NULL, st, 2, 78);
		}
	}
	json_decref(passage);
	json_decref(doc);
	return *failed ? VB_EXIT_FAILURE : VB_EXIT_OK;
}

int vb_cmd_show(int argc, char **argv)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "allow-partial", no_argument, NULL, 'P' },
		{ "context", required_argument, NULL, 'C' },
		{ "json", no_argument, NULL, 'j' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct vb_dbs dbs = { .n = 0 };
	long context = 1;
	int json = 0, c, failed = 0;
	enum vb_color_mode color = VB_COLOR_AUTO;
	struct vb_buf err = VB_BUF_INIT;
	struct vb_style st;
	xap_db *db = NULL;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":C:h", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			if (vb_dbs_add(&dbs, optarg))
				return VB_EXIT_USAGE;
			break;
		case 'P': dbs.allow_partial = 1; break;
		case 'C':
			if ((context = vb_parse_count("--context", optarg, 1000)) < 0)
				return VB_EXIT_USAGE;
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

	json_t *obj = lookup(db, VB_PREFIX_UID, id, &failed);
	if (!obj && !failed)
		obj = quote_by_id(db, id, &failed);
	int rc = VB_EXIT_OK;
	if (!obj) {
		if (!failed)
			vb_error("no document or passage with id '%s' in '%s'", id, path);
		rc = VB_EXIT_FAILURE;
		goto out;
	}
	const char *kind = vb_json_str(obj, "kind");
	if (!strcmp(kind, "quote")) {
		rc = show_quote(db, obj, json, &st, &failed);
	} else if (!strcmp(kind, VB_KIND_PASSAGE)) {
		const char *doc_id = vb_json_str(obj, "doc");
		long n = (long)json_integer_value(json_object_get(obj, "n"));
		json_t *doc = lookup(db, VB_PREFIX_UID, doc_id, &failed);
		if (json) {
			json_t *out = json_object();
			json_t *ctx = json_array();
			json_object_set(out, "passage", obj);
			json_object_set(out, "document", doc ? doc : json_null());
			for (long k = n - context; k <= n + context; k++) {
				json_t *p = k != n && k > 0 ? passage(db, doc_id, k, &failed) : NULL;
				if (p)
					json_array_append_new(ctx, p);
			}
			json_object_set_new(out, "context", ctx);
			char *s = json_dumps(out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
			puts(s);
			free(s);
			json_decref(out);
		} else {
			print_header(doc ? doc : obj, &st);
			printf("%spassage  %ld of %lld, paragraph %lld, bytes %lld-%lld%s\n\n",
			       st.dim_on, n,
			       doc ? (long long)json_integer_value(json_object_get(doc, "passages")) : 0LL,
			       (long long)json_integer_value(json_object_get(obj, "paragraph")),
			       (long long)json_integer_value(json_object_get(obj, "start")),
			       (long long)json_integer_value(json_object_get(obj, "end")),
			       st.dim_off);
			for (long k = n - context; k <= n + context; k++) {
				json_t *p = k == n ? json_incref(obj) : k > 0 ? passage(db, doc_id, k, &failed) : NULL;
				if (!p)
					continue;
				const char *t = vb_json_str(p, "text");
				struct vb_spans all = { 0 };
				if (k == n && st.color) {
					/* The passage itself stands out. */
					struct vb_span whole = { 0, strlen(t) };
					all.v = &whole;
					all.n = 1;
					vb_print_wrapped(stdout, t, strlen(t), &all, &st, k == n ? 2 : 4, 78);
				} else {
					printf("%s", k == n ? "" : st.dim_on);
					vb_print_wrapped(stdout, t, strlen(t), NULL, &st, k == n ? 2 : 4, 78);
					printf("%s", k == n ? "" : st.dim_off);
				}
				putchar('\n');
				json_decref(p);
			}
		}
		json_decref(doc);
	} else {
		/* A whole document: its record and every passage in order. */
		long total = (long)json_integer_value(json_object_get(obj, "passages"));
		json_t *texts = json_array();
		for (long k = 1; k <= total; k++) {
			json_t *p = passage(db, id, k, &failed);
			if (p)
				json_array_append_new(texts, p);
		}
		if (json) {
			json_object_set(obj, "passage_list", texts);
			char *s = json_dumps(obj, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
			puts(s);
			free(s);
		} else {
			print_header(obj, &st);
			putchar('\n');
			size_t i;
			json_t *p;
			json_array_foreach(texts, i, p) {
				const char *t = vb_json_str(p, "text");
				printf("%s[%s]%s\n", st.dim_on, vb_json_str(p, "id"), st.dim_off);
				vb_print_wrapped(stdout, t, strlen(t), NULL, &st, 2, 78);
				putchar('\n');
			}
		}
		json_decref(texts);
	}
	json_decref(obj);
	if (failed)
		rc = VB_EXIT_FAILURE;
out:
	xap_db_free(db);
	vb_buf_release(&err);
	vb_buf_release(&namebuf);
	return rc;
}
