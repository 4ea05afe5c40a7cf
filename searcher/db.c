/* db.c: read-only database opening shared by the search-side commands. */
#include "db.h"

#include <stdlib.h>
#include <string.h>

#include "schema.h"

int vb_db_open_read(xap_db **out, const char *path, struct vb_buf *err)
{
	xap_error xe;
	xap_status st = xap_db_open(out, path, XAP_DB_READ, 0, &xe);
	if (st == XAP_OK)
		return 0;
	if (st == XAP_ERR_NOT_FOUND)
		vb_buf_addf(err,
			    "no database at '%s'; create one with 'verbatim index --db %s PATH...' "
			    "or point --db or VERBATIM_DB at an existing one",
			    path, path);
	else
		vb_buf_addf(err, "cannot open database '%s': %s", path, xe.message);
	return st;
}

char *vb_db_metadata(const xap_db *db, const char *key)
{
	char *v = NULL;
	xap_error xe;
	if (xap_db_get_metadata(db, key, &v, NULL, &xe) != XAP_OK) {
		free(v);
		return calloc(1, 1);
	}
	return v;
}
