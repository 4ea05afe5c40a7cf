/* cmd_extract.c: `verbatim extract`: what the indexer finds in one document. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "commands.h"
#include "extract/extract.h"
#include "index.h"
#include "ingest.h"
#include "text/text.h"
#include "util/date.h"
#include "util/usage.h"

static const char extract_usage[] =
	"usage: verbatim extract [options] FILE|-\n"
	"\n"
	"Print the quotes (with speakers), entities and dates the indexer finds\n"
	"in one document, read as 'verbatim index' reads it (a text file,\n"
	"optionally with YAML front matter; a web page; a JSON Lines file of one\n"
	"record; '-' reads text from standard input), and the boilerplate lines\n"
	"it leaves out.\n"
	"\n"
	"options:\n"
	"  --date YYYY-MM-DD  publication date, when the document has none\n"
	"  --lang TAG         language, when the document has none\n"
	"  --type TYPE        document type (press_release, statement, article)\n"
	"  --speaker NAME     the speaker of a statement, when the document has none\n"
	"  --aliases FILE     known names: canonical<TAB>type<TAB>alias... per line\n"
	"  --json             one JSON object; offsets are code points of the input\n"
	"                     as given (start, end) and bytes (byte_start, byte_end)\n"
	"  -h, --help         show this help\n";

static int read_all(FILE *f, struct vb_buf *out)
{
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		vb_buf_add(out, chunk, n);
	return ferror(f) ? -1 : 0;
}

static void print_text(const struct vb_extraction *x, const char *body)
{
	printf("publication date: %s\n", *x->doc_date ? x->doc_date : "unknown");
	printf("\nquotes (%zu)\n", x->nquotes);
	for (size_t i = 0; i < x->nquotes; i++) {
		const struct vb_quote *q = &x->quotes[i];
		printf("  %s [%s%s%s] \"%s\"\n", q->id, vb_quote_kind_name(q->kind),
		       q->cue ? ", " : "", q->cue ? q->cue : "", q->text);
		if (q->has_speaker) {
			const struct vb_speaker *s = &q->speaker;
			const char *name = s->canonical ? s->canonical : s->name;
			printf("      - %s", name);
			/* "a company spokesman" needs no role "company spokesman" after it. */
			if (s->role && !strcasestr(name, s->role))
				printf(", %s", s->role);
			if (s->org)
				printf(", %s", s->org);
			printf(" (%s%s)\n", vb_speaker_type_name(s->type),
			       s->anonymous ? ", anonymous" : "");
		} else {
			printf("      - speaker unknown\n");
		}
	}
	static const enum vb_entity_type types[] = {
		VB_ENTITY_PERSON, VB_ENTITY_ORGANISATION, VB_ENTITY_PLACE,
		VB_ENTITY_MONEY, VB_ENTITY_PERCENT,
	};
	printf("\nentities (%zu)\n", x->nentities);
	for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
		int any = 0;
		for (size_t i = 0; i < x->nentities; i++) {
			const struct vb_entity *e = &x->entities[i];
			if (e->type != types[t])
				continue;
			if (!any)
				printf("  %s:\n", vb_entity_type_name(types[t]));
			any = 1;
			if (e->canonical && strcmp(e->canonical, e->text))
				printf("    %s -> %s\n", e->text, e->canonical);
			else
				printf("    %s\n", e->text);
		}
	}
	printf("\ndates (%zu)\n", x->ndates);
	for (size_t i = 0; i < x->ndates; i++) {
		const struct vb_date *d = &x->dates[i];
		printf("  %-28s %s (%s%s)\n", d->text, d->value ? d->value : "?",
		       vb_date_granularity_name(d->granularity),
		       d->relative ? ", relative" : "");
	}
	if (x->ndropped) {
		printf("\nleft out as boilerplate (%zu)\n", x->ndropped);
		for (size_t i = 0; i < x->ndropped; i++) {
			const struct vb_dropped *d = &x->dropped[i];
			printf("  [%s] %.*s\n", d->reason, (int)(d->end - d->start),
			       body + d->start);
		}
	}
}

struct one_doc {
	struct vb_doc *doc;
	size_t n;
	bool failed;
};

static int keep_first(struct vb_doc *doc, void *ud)
{
	struct one_doc *o = ud;
	if (o->n++ == 0) {
		*o->doc = *doc;
		memset(doc, 0, sizeof(*doc));
	}
	return 0;
}

static void say_report(const struct vb_ingest_report *rep, void *ud)
{
	struct one_doc *o = ud;
	if (rep->note)
		return;
	if (rep->skipped) {
		o->failed = true;
		vb_error("'%s': %s", rep->path, rep->message);
	} else {
		vb_warning("'%s': %s", rep->path, rep->message);
	}
}

/*
 * A named file, read as `verbatim index` reads it: a web page's article
 * text and metadata, a text file in another encoding converted, a JSON
 * Lines file of one record.  -1 when it holds no document or several.
 */
static int read_named(const char *path, struct vb_doc *doc)
{
	struct one_doc o = { doc, 0, false };
	struct vb_ingest_cb cb = { keep_first, say_report, &o };
	int rc = vb_ingest_file(path, path, NULL, &cb);
	if (o.n > 1) {
		vb_error("'%s' holds %zu documents (JSON Lines): extract reads one; "
			 "give it a file of one record", path, o.n);
		return -1;
	}
	if (rc || o.failed || !o.n) {
		if (!o.failed)
			vb_error("'%s': no document in it", path);
		return -1;
	}
	return 0;
}

int vb_cmd_extract(int argc, char **argv)
{
	static const struct option options[] = {
		{ "date", required_argument, NULL, 'D' },
		{ "lang", required_argument, NULL, 'l' },
		{ "type", required_argument, NULL, 't' },
		{ "speaker", required_argument, NULL, 's' },
		{ "aliases", required_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *date = NULL, *lang = NULL, *type = NULL, *speaker = NULL;
	const char *aliases_path = NULL;
	int json = 0, c, rc = VB_EXIT_FAILURE;
	struct vb_buf input = VB_BUF_INIT, err = VB_BUF_INIT;
	struct vb_doc doc;
	struct vb_aliases *aliases = NULL;
	vb_extractor *ex = NULL;
	struct vb_extraction x;

	memset(&doc, 0, sizeof(doc));
	memset(&x, 0, sizeof(x));
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (c) {
		case 'D': date = optarg; break;
		case 'l': lang = optarg; break;
		case 't': type = optarg; break;
		case 's': speaker = optarg; break;
		case 'a': aliases_path = optarg; break;
		case 'j': json = 1; break;
		case 'h': fputs(extract_usage, stdout); return VB_EXIT_OK;
		default: return vb_bad_option(c, argv);
		}
	}
	if (optind + 1 != argc)
		return vb_usage_error("give exactly one file (or '-')");
	const char *path = argv[optind];
	if (date) {
		char tmp[9];
		if (vb_date_bound(date, strlen(date), 0, tmp))
			return vb_usage_error("invalid --date '%s': use YYYY-MM-DD", date);
	}

	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f) {
		vb_error("cannot open '%s': %s", path, strerror(errno));
		return VB_EXIT_FAILURE;
	}
	int read_rc = read_all(f, &input);
	if (f != stdin)
		fclose(f);
	if (read_rc < 0) {
		vb_error("cannot read '%s': %s", path, strerror(errno));
		goto out;
	}
	if (!strcmp(path, "-")) {
		if (vb_parse_text_doc(input.buf, input.len, path, path, &doc, &err) < 0) {
			vb_error("'%s': %s", path, err.buf);
			goto out;
		}
		if (err.len)
			vb_warning("'%s': %s", path, err.buf);
		vb_buf_reset(&err);
	} else if (read_named(path, &doc) < 0) {
		goto out;
	}

	if (aliases_path && vb_aliases_load(&aliases, aliases_path, &err) < 0) {
		vb_error("cannot load aliases '%s': %s", aliases_path, err.buf);
		goto out;
	}
	if (vb_extractor_new(&ex, NULL, &err) < 0) {
		vb_error("cannot start the extractor: %s", err.buf);
		goto out;
	}
	struct vb_extract_opts opts = {
		.doc_id = doc.id,
		.doc_date = doc.date ? doc.date : date,
		.lang = doc.lang ? doc.lang : lang,
		.source_org = vb_issuing_org(&doc),
		.speaker = doc.speaker ? doc.speaker : speaker ? speaker : NULL,
		.doc_type = doc.type ? doc.type : type,
		.aliases = aliases,
	};
	if (vb_extract(ex, doc.body, doc.body_len, &opts, &x, &err) < 0) {
		vb_error("cannot extract from '%s': %s", path, err.buf);
		goto out;
	}
	if (json) {
		json_t *o;
		/* Code points before the body: the input as given, up to the
		 * body, with invalid bytes counting one each (as U+FFFD). */
		struct vb_buf head = VB_BUF_INIT;
		vb_utf8_repair(input.buf, doc.body_offset, &head);
		size_t base_cps = vb_utf8_count(head.buf, head.len);
		vb_buf_release(&head);
		vb_extraction_to_json(&x, doc.body, doc.body_len, doc.body_offset,
				      base_cps, &o);
		char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(s);
		free(s);
		json_decref(o);
	} else {
		print_text(&x, doc.body);
	}
	rc = VB_EXIT_OK;
out:
	vb_extraction_release(&x);
	vb_extractor_free(ex);
	vb_aliases_free(aliases);
	vb_doc_release(&doc);
	vb_buf_release(&input);
	vb_buf_release(&err);
	return rc;
}
