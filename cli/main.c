/* main.c: the `verbatim` binary: global options and the command table. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "util/usage.h"
#include "xapian/xap.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{ "index", vb_cmd_index, "index files and directories into the database" },
	{ "extract", vb_cmd_extract, "print the quotes, speakers, entities and dates of one document" },
	{ "search", vb_cmd_search, "search passages (Xapian query syntax, fields, dates)" },
	{ "quotes", vb_cmd_quotes, "quotes with speaker, role, organisation, date and source" },
	{ "speakers", vb_cmd_speakers, "speakers with their quote counts, roles and dates" },
	{ "entities", vb_cmd_entities, "people, organisations, places, sums and percentages" },
	{ "show", vb_cmd_show, "show a document, passage or quote by id, with its citation" },
	{ "cite", vb_cmd_cite, "a citation list (CSL-JSON, BibLaTeX, RIS, Markdown, text)" },
	{ "verify", vb_cmd_verify, "find where a quote comes from: exact, near or not found" },
	{ "stats", vb_cmd_stats, "counts, languages and the schema version" },
	{ "serve", vb_cmd_serve, "the search page and the JSON API over HTTP" },
	{ NULL, NULL, NULL },
};

static void usage(FILE *out)
{
	fputs("usage: verbatim [--db PATH] COMMAND [options] [args]\n"
	      "\n"
	      "Full-text search for press releases, statements and news.\n"
	      "\n"
	      "commands:\n", out);
	for (const struct command *c = commands; c->name; c++)
		fprintf(out, "  %-10s %s\n", c->name, c->summary);
	fputs("\n"
	      "global options:\n"
	      "  --db PATH    database (default: $VERBATIM_DB, else ./verbatim.db)\n"
	      "  --version    print the version\n"
	      "  -h, --help   show this help\n"
	      "\n"
	      "'verbatim COMMAND --help' shows a command's options.\n"
	      "exit status: 0 ok, 1 failure, 2 usage error.\n", out);
}

int main(int argc, char **argv)
{
	const char *db = NULL;
	int i = 1;

	/* Commands report bad options themselves, in our style. */
	opterr = 0;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return VB_EXIT_OK;
		} else if (!strcmp(argv[i], "--version")) {
			printf("verbatim %s (xapian %s)\n", VB_VERSION, xap_version());
			return VB_EXIT_OK;
		} else if (!strcmp(argv[i], "--db")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "verbatim: option '--db' needs a value\n");
				return VB_EXIT_USAGE;
			}
			db = argv[++i];
		} else if (!strncmp(argv[i], "--db=", 5)) {
			db = argv[i] + 5;
		} else {
			fprintf(stderr, "verbatim: unknown option '%s'\n", argv[i]);
			usage(stderr);
			return VB_EXIT_USAGE;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return VB_EXIT_USAGE;
	}
	/* A global --db is handed to the command through the environment
	 * variable the commands already honour. */
	if (db)
		setenv("VERBATIM_DB", db, 1);

	for (const struct command *c = commands; c->name; c++) {
		if (!strcmp(c->name, argv[i])) {
			static char name[64];
			snprintf(name, sizeof(name), "verbatim %s", c->name);
			vb_set_command(name);
			return c->fn(argc - i, argv + i);
		}
	}
	fprintf(stderr, "verbatim: '%s' is not a command; see 'verbatim --help'\n",
		argv[i]);
	return VB_EXIT_USAGE;
}
