/* usage.h: how commands report errors and warnings, in one style. */
#ifndef VB_USAGE_H
#define VB_USAGE_H

/*
 * Only commands print.  Messages are lowercase, problem first, subject in
 * quotes: `verbatim index: cannot open 'x.txt': No such file or directory`.
 * The command name comes from vb_set_command(), set once by main().
 */

enum vb_exit {
	VB_EXIT_OK = 0,
	VB_EXIT_FAILURE = 1,
	VB_EXIT_USAGE = 2,
};

void vb_set_command(const char *name);
const char *vb_command(void);
/* "verbatim CMD: error message\n" on stderr. */
void vb_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "verbatim CMD: warning: message\n" on stderr (suppressed by vb_set_quiet). */
void vb_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vb_set_quiet(int quiet);
/* Print a usage error and the hint to run --help; returns VB_EXIT_USAGE. */
int vb_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * For a command's getopt_long loop, whose option string starts with ':'
 * and which runs with opterr = 0 (main sets it): report the option getopt
 * refused (c is '?' for unknown, ':' for a missing value), by name, in our
 * style, and return VB_EXIT_USAGE.
 */
int vb_bad_option(int c, char **argv);

/* Check --since (upper 0) or --until (upper 1): 0 when `value` is NULL or
 * a date (YYYY, YYYY-MM, YYYY-MM-DD); else a usage error, VB_EXIT_USAGE. */
int vb_date_option(const char *opt, const char *value, int upper);

/* The arguments joined by single spaces (a query typed without quotes). */
struct vb_buf;
void vb_join_args(struct vb_buf *out, int argc, char **argv);

/* The database path: the --db option, else $VERBATIM_DB, else "verbatim.db". */
const char *vb_db_path(const char *option);
#define VB_DEFAULT_DB "verbatim.db"

/* Parse a non-negative integer option; -1 with an error printed on failure. */
long vb_parse_count(const char *opt, const char *value, long max);

#endif
