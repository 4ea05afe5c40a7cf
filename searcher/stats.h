/* stats.h: what a database holds, as a JSON response (see api.h). */
#ifndef VB_STATS_H
#define VB_STATS_H

#include <jansson.h>

#include "api.h"
#include "util/buf.h"
#include "xapian/xap.h"

struct vb_stats_req {
	const char *name;          /* what to call the database ("database") */
	const char *path;          /* its directory or stub file, for the size on
				    * disk; NULL when it is several (size 0) */
};

/*
 * Counts.  The response (as `verbatim stats --json` prints it):
 *   { "database", "documents", "passages", "quotes", "speakers" (before
 *     merging partial names), "entities", "xapian_documents", "languages"
 *     ("de,en"), "schema_version", "shards", "disk_bytes" }
 */
int vb_stats_run(const xap_db *db, const struct vb_stats_req *req,
		 json_t **out, struct vb_buf *err);

#endif
