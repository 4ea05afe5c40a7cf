/* cmd_stats.c: `verbatim stats`: what the database holds. */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "commands.h"
#include "db.h"
#include "schema.h"
#include "util/usage.h"

static const char stats_usage[] =
	"usage: verbatim stats [--db PATH] [--json]\n"
	"\n"
	"Print how many documents, passages, quotes, speakers and entities the\n"
	"database holds, its languages, size on disk and schema version.\n";

/* Bytes used by the files of a database directory (0 for a stub file). */
static long long disk_size(const char *path)
{
	struct stat st;
	long long total = 0;
	DIR *d = opendir(path);
	if (!d)
		return stat(path, &st) == 0 ? (long long)st.st_size : 0;
	struct dirent *e;
	char file[4096];
	while ((e = readdir(d))) {
		snprintf(file, sizeof(file), "%s/%s", path, e->d_name);
		if (stat(file, &st) == 0 && S_ISREG(st.st_mode))
			total += (long long)st.st_size;
	}
	closedir(d);
	return total;
}

static int count_term(const char *term, size_t len, unsigned freq, void *ud)
{
	(void)term;
	(void)len;
	(void)freq;
	(*(size_t *)ud)++;
	return 0;
}

int vb_cmd_stats(int argc, char **argv)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "allow-partial", no_argument, NULL, 'P' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct vb_dbs dbs = { .n = 0 };
	int json = 0, c;
	struct vb_buf err = VB_BUF_INIT;
	xap_db *db = NULL;
	xap_error xe;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			if (vb_dbs_add(&dbs, optarg))
				return VB_EXIT_USAGE;
			break;
		case 'P': dbs.allow_partial = 1; break;
		case 'j': json = 1; break;
		case 'h': fputs(stats_usage, stdout); return VB_EXIT_OK;
		default: return vb_bad_option(c, argv);
		}
	}
	if (optind != argc)
		return vb_usage_error("stats takes no arguments");
	struct vb_buf namebuf = VB_BUF_INIT;
	const char *path = vb_dbs_name(&dbs, &namebuf);
	if (vb_dbs_open(&db, &dbs, &err)) {
		vb_error("%s", err.buf);
		vb_buf_release(&err);
		vb_buf_release(&namebuf);
		return VB_EXIT_FAILURE;
	}
	unsigned docs = 0, passages = 0, total = 0;
	size_t quotes = 0, speakers = 0, entities = 0;
	const char *kd = VB_PREFIX_KIND VB_KIND_DOC, *kp = VB_PREFIX_KIND VB_KIND_PASSAGE;
	if (xap_db_termfreq(db, kd, strlen(kd), &docs, &xe) ||
	    xap_db_termfreq(db, kp, strlen(kp), &passages, &xe) ||
	    xap_db_allterms(db, VB_PREFIX_QUOTE_ID, count_term, &quotes, &xe) < 0 ||
	    xap_db_allterms(db, VB_PREFIX_SPEAKER_ID, count_term, &speakers, &xe) < 0 ||
	    xap_db_allterms(db, VB_PREFIX_ENTITY, count_term, &entities, &xe) < 0 ||
	    xap_db_doccount(db, &total, &xe)) {
		vb_error("cannot read '%s': %s", path, xe.message);
		xap_db_free(db);
		return VB_EXIT_FAILURE;
	}
	char *schema = vb_db_metadata(db, "verbatim.schema");
	char *langs = vb_db_languages(db);
	long long bytes = disk_size(path);
	size_t shards = xap_db_shard_count(db);

	if (json) {
		json_t *o = json_object();
		json_object_set_new(o, "database", json_string(path));
		json_object_set_new(o, "documents", json_integer(docs));
		json_object_set_new(o, "passages", json_integer(passages));
		json_object_set_new(o, "quotes", json_integer((json_int_t)quotes));
		json_object_set_new(o, "speakers", json_integer((json_int_t)speakers));
		json_object_set_new(o, "entities", json_integer((json_int_t)entities));
		json_object_set_new(o, "xapian_documents", json_integer(total));
		json_object_set_new(o, "languages", json_string(langs));
		json_object_set_new(o, "schema_version", json_string(schema));
		json_object_set_new(o, "shards", json_integer((json_int_t)shards));
		json_object_set_new(o, "disk_bytes", json_integer(bytes));
		char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(s);
		free(s);
		json_decref(o);
	} else {
		printf("database        %s\n", path);
		printf("documents       %u\n", docs);
		printf("passages        %u\n", passages);
		printf("quotes          %zu\n", quotes);
		printf("speakers        %zu (before merging partial names)\n", speakers);
		printf("entities        %zu\n", entities);
		printf("languages       %s\n", *langs ? langs : "-");
		printf("shards          %zu\n", shards);
		if (shards > 1)
			printf("size on disk    (%zu shards: see each)\n", shards);
		else
			printf("size on disk    %.1f MB\n", (double)bytes / 1e6);
		printf("schema version  %s\n", *schema ? schema : "(none)");
	}
	free(schema);
	free(langs);
	xap_db_free(db);
	vb_buf_release(&err);
	vb_buf_release(&namebuf);
	return VB_EXIT_OK;
}
