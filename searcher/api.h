/* api.h: what a search-side command computes, apart from how it is shown. */
#ifndef VB_API_H
#define VB_API_H

/*
 * Every search-side command (search, quotes, speakers, entities, show,
 * cite, verify) is one function of the shape
 *
 *     int vb_<command>_run(const xap_db *db, const struct vb_<command>_req *req,
 *                          json_t **out, struct vb_buf *err);
 *
 * It takes an open database and a request (the options, already parsed
 * and checked) and returns a vb_api_status with, on success, a new JSON
 * response in *out, or on failure a complete message in `err`.  The CLI
 * (cli/, searcher/cmd_*.c) parses argv into the request and prints the
 * response for people or, with --json, as JSON; `verbatim serve` parses
 * the URL's parameters into the same request and sends the same JSON.
 * So there is one implementation behind both.
 *
 * A response is an object.  Commands that list things put them in
 * "results", an array whose items are exactly what the CLI prints, one
 * per line, with --json; other keys say what the list is ("total": how
 * many match, estimated; "suggestion", "notes": messages for the reader).
 *
 * Run functions keep no global state, so the server may call them from
 * several threads, each with its own database handle (a Xapian database
 * object must not be shared between threads).
 */
enum vb_api_status {
	VB_API_OK = 0,
	VB_API_BAD_REQUEST,   /* bad query or parameter: CLI exit 2, HTTP 400 */
	VB_API_NOT_FOUND,     /* no such id: CLI exit 1, HTTP 404 */
	VB_API_UNAVAILABLE,   /* database missing, locked, corrupt, a shard
			       * down: CLI exit 1, HTTP 503 */
	VB_API_ERROR,         /* anything else: CLI exit 1, HTTP 500 */
};

/* The api status for an xap_status (core/xapian/xap.h). */
int vb_api_status_of_xap(int status);
/* The CLI's exit status for an api status (util/usage.h's VB_EXIT_*). */
int vb_api_exit_code(int api_status);
/* The HTTP status code for an api status. */
int vb_api_http_code(int api_status);

#endif
