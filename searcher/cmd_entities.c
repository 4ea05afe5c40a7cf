/* cmd_entities.c: `verbatim entities`: people, organisations, places, sums, percentages. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "commands.h"
#include "db.h"
#include "schema.h"
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

static const char *const types[] = { "person", "organisation", "place", "money",
				     "percent", NULL };

struct entity {
	char *term;
	char *type;
	char *name;
	unsigned mentions, passages;
};

struct collect {
	const xap_db *db;
	struct entity *v;
	size_t n, alloc;
	int failed;
	xap_error xe;
};

static int collect_term(const char *term, size_t len, unsigned termfreq, void *ud)
{
	struct collect *c = ud;
	unsigned cf = 0;
	if (xap_db_collection_freq(c->db, term, len, &cf, &c->xe)) {
		c->failed = 1;
		return 1;
	}
	VB_ALLOC_GROW(c->v, c->n + 1, c->alloc);
	struct entity *e = &c->v[c->n++];
	e->term = vb_strndup(term, len);
	e->mentions = cf;
	e->passages = termfreq;
	/* XENT:type:folded name */
	const char *value = e->term + strlen(VB_PREFIX_ENTITY);
	const char *colon = strchr(value, ':');
	e->type = vb_strndup(value, colon ? (size_t)(colon - value) : strlen(value));
	e->name = NULL;
	return 0;
}

static int by_mentions(const void *a, const void *b)
{
	const struct entity *x = a, *y = b;
	if (x->mentions != y->mentions)
		return x->mentions < y->mentions ? 1 : -1;
	return strcmp(x->term, y->term);
}

static int contains_folded(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = hay; *p; p++)
		if (!strncasecmp(p, needle, n))
			return 1;
	return 0;
}

int vb_cmd_entities(int argc, char **argv)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "allow-partial", no_argument, NULL, 'P' },
		{ "type", required_argument, NULL, 't' },
		{ "limit", required_argument, NULL, 'n' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct vb_dbs dbs = { .n = 0 };
	const char *type = NULL;
	long limit = -1;
	int json = 0, c;
	struct vb_buf err = VB_BUF_INIT, prefix = VB_BUF_INIT;
	struct collect col = { 0 };
	xap_db *db = NULL;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":n:h", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			if (vb_dbs_add(&dbs, optarg))
				return VB_EXIT_USAGE;
			break;
		case 'P': dbs.allow_partial = 1; break;
		case 't':
			type = optarg;
			if (!strcmp(type, "organization") || !strcmp(type, "org"))
				type = "organisation";
			for (c = 0; types[c] && strcmp(types[c], type); c++)
				;
			if (!types[c])
				return vb_usage_error("--type takes person, organisation, place, money or percent, not '%s'", optarg);
			break;
		case 'n':
			if ((limit = vb_parse_count("--limit", optarg, 10000000)) < 0)
				return VB_EXIT_USAGE;
			break;
		case 'j': json = 1; break;
		case 'h': fputs(entities_usage, stdout); return VB_EXIT_OK;
		default: return vb_bad_option(c, argv);
		}
	}
	struct vb_buf namebuf = VB_BUF_INIT;
	const char *path = vb_dbs_name(&dbs, &namebuf);
	if (vb_dbs_open(&db, &dbs, &err)) {
		vb_error("%s", err.buf);
		vb_buf_release(&err);
		vb_buf_release(&namebuf);
		return VB_EXIT_FAILURE;
	}
	col.db = db;
	vb_buf_adds(&prefix, VB_PREFIX_ENTITY);
	if (type)
		vb_buf_addf(&prefix, "%s:", type);
	int rc = VB_EXIT_OK;
	if (xap_db_allterms(db, prefix.buf, collect_term, &col, &col.xe) < 0 || col.failed) {
		vb_error("cannot read '%s': %s", path, col.xe.message);
		rc = VB_EXIT_FAILURE;
		goto out;
	}
	if (col.n > 1)
		qsort(col.v, col.n, sizeof(col.v[0]), by_mentions);
	size_t shown = 0;
	for (size_t i = 0; i < col.n; i++) {
		struct entity *e = &col.v[i];
		struct vb_buf key = VB_BUF_INIT;
		vb_buf_addf(&key, "%s%s", VB_META_ENTITY_NAME, e->term);
		e->name = vb_db_metadata(db, key.buf);
		vb_buf_release(&key);
		if (!*e->name) {
			/* No name recorded: show the folded one. */
			free(e->name);
			const char *colon = strchr(e->term + strlen(VB_PREFIX_ENTITY), ':');
			e->name = vb_strdup(colon ? colon + 1 : e->term);
		}
		int keep = 1;
		for (int a = optind; a < argc && keep; a++)
			keep = contains_folded(e->name, argv[a]);
		if (!keep)
			continue;
		if (limit >= 0 && shown >= (size_t)limit)
			break;
		shown++;
		if (json) {
			json_t *o = json_object();
			json_object_set_new(o, "name", json_string(e->name));
			json_object_set_new(o, "type", json_string(e->type));
			json_object_set_new(o, "mentions", json_integer(e->mentions));
			json_object_set_new(o, "passages", json_integer(e->passages));
			char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
			puts(s);
			free(s);
			json_decref(o);
		} else {
			printf("%6u  %-13s %s (%u passage%s)\n", e->mentions, e->type, e->name,
			       e->passages, e->passages == 1 ? "" : "s");
		}
	}
	if (!shown && !json)
		printf("no entities found\n");
out:
	for (size_t i = 0; i < col.n; i++) {
		free(col.v[i].term);
		free(col.v[i].type);
		free(col.v[i].name);
	}
	free(col.v);
	vb_buf_release(&prefix);
	vb_buf_release(&err);
	vb_buf_release(&namebuf);
	xap_db_free(db);
	return rc;
}
