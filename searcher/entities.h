/* entities.h: the people, organisations, places, sums and percentages of the index, as a JSON response (see api.h). */
#ifndef VB_ENTITIES_H
#define VB_ENTITIES_H

#include <jansson.h>

#include "api.h"
#include "util/buf.h"
#include "xapian/xap.h"

struct vb_entities_req {
	const char *type;          /* person, organisation (org, organization),
				    * place, money, percent, or NULL for all */
	const char *name;          /* words the name must contain (each,
				    * case-insensitive), or NULL */
	long limit;                /* at most this many; -1 for all */
};

/* The canonical type name for `type` ("org" -> "organisation"), or NULL
 * when it is none of the types. */
const char *vb_entity_type(const char *type);

/*
 * Entities, most mentioned first.  The response: { "results": [ {name,
 * type, mentions, passages} ... ] } (mentions: how many times, passages:
 * in how many passages).  VB_API_BAD_REQUEST for an unknown type.
 */
int vb_entities_run(const xap_db *db, const struct vb_entities_req *req,
		    json_t **out, struct vb_buf *err);

#endif
