/* db.h: opening the database for reading, with messages that say what to do. */
#ifndef VB_SEARCHER_DB_H
#define VB_SEARCHER_DB_H

#include "util/buf.h"
#include "xapian/xap.h"

/*
 * Open `path` (a database directory or a Xapian stub file) read-only.  On
 * failure returns the xap_status and writes a complete message into `err`:
 * for a missing database it says how to create one.
 */
int vb_db_open_read(xap_db **out, const char *path, struct vb_buf *err);

/* Metadata value as a malloc'd string ("" when missing or on error). */
char *vb_db_metadata(const xap_db *db, const char *key);

#endif
