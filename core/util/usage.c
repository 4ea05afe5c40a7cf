/* usage.c: error and warning printing for commands, and shared option helpers. */
#include "usage.h"

#include "buf.h"
#include "date.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Owned by the process: which command is running and whether to be quiet. */
static const char *command_name = "verbatim";
static int quiet_warnings;

void vb_set_command(const char *name)
{
	command_name = name;
}

const char *vb_command(void)
{
	return command_name;
}

void vb_set_quiet(int quiet)
{
	quiet_warnings = quiet;
}

static void report(const char *kind, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: %s", command_name, kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void vb_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report("", fmt, ap);
	va_end(ap);
}

void vb_warning(const char *fmt, ...)
{
	va_list ap;
	if (quiet_warnings)
		return;
	va_start(ap, fmt);
	report("warning: ", fmt, ap);
	va_end(ap);
}

int vb_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report("", fmt, ap);
	va_end(ap);
	fprintf(stderr, "try '%s --help' for usage\n", command_name);
	return VB_EXIT_USAGE;
}

int vb_bad_option(int c, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "?";
	/* A long option is named as typed (getopt sets optopt to its value
	 * character, which means nothing to the user). */
	int is_long = arg[0] == '-' && arg[1] == '-';
	int len = (int)strcspn(arg, "=");
	if (c == ':') {
		if (is_long || !optopt)
			return vb_usage_error("option '%.*s' needs a value", len, arg);
		return vb_usage_error("option '-%c' needs a value", optopt);
	}
	if (is_long || !optopt)
		return vb_usage_error("unknown option '%.*s'", len, arg);
	return vb_usage_error("unknown option '-%c'", optopt);
}

int vb_date_option(const char *opt, const char *value, int upper)
{
	char ymd[9];
	if (!value || !vb_date_bound(value, strlen(value), upper, ymd))
		return 0;
	return vb_usage_error("invalid %s '%s': use YYYY, YYYY-MM or YYYY-MM-DD", opt, value);
}

void vb_join_args(struct vb_buf *out, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		if (i)
			vb_buf_addch(out, ' ');
		vb_buf_adds(out, argv[i]);
	}
}

const char *vb_db_path(const char *option)
{
	const char *env;
	if (option && *option)
		return option;
	env = getenv("VERBATIM_DB");
	if (env && *env)
		return env;
	return VB_DEFAULT_DB;
}

long vb_parse_count(const char *opt, const char *value, long max)
{
	char *end;
	long n;
	errno = 0;
	n = strtol(value, &end, 10);
	if (errno || end == value || *end || n < 0 || n > max) {
		vb_usage_error("invalid value '%s' for %s (expected a number from 0 to %ld)",
			       value, opt, max);
		return -1;
	}
	return n;
}
