/* pool.c: one read-only database handle per server thread, reopened at each request. */
#include "server.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"

struct db_slot {
	pthread_t thread;
	int used;
	xap_db *db;                /* NULL until opened, or after a failure */
};

struct vb_db_pool {
	struct vb_dbs dbs;
	pthread_mutex_t lock;      /* guards the assignment of slots only */
	struct db_slot *slots;
	size_t nslots;
};

struct vb_db_pool *vb_db_pool_new(const struct vb_dbs *dbs, unsigned threads)
{
	struct vb_db_pool *p = vb_calloc(1, sizeof(*p));
	p->dbs = *dbs;
	pthread_mutex_init(&p->lock, NULL);
	/* Room to spare: libmicrohttpd may answer from a thread besides its
	 * workers (the listening thread, when it refuses a connection). */
	p->nslots = (size_t)threads + 4;
	p->slots = vb_calloc(p->nslots, sizeof(*p->slots));
	return p;
}

void vb_db_pool_free(struct vb_db_pool *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nslots; i++)
		xap_db_free(p->slots[i].db);
	free(p->slots);
	pthread_mutex_destroy(&p->lock);
	free(p);
}

const struct vb_dbs *vb_db_pool_dbs(const struct vb_db_pool *p)
{
	return &p->dbs;
}

/* The calling thread's slot (assigned on its first request), or NULL when
 * all are taken.  libmicrohttpd's threads live as long as the server, so a
 * slot is never given back. */
static struct db_slot *my_slot(struct vb_db_pool *p)
{
	pthread_t self = pthread_self();
	struct db_slot *found = NULL;
	pthread_mutex_lock(&p->lock);
	for (size_t i = 0; i < p->nslots && !found; i++)
		if (p->slots[i].used && pthread_equal(p->slots[i].thread, self))
			found = &p->slots[i];
	for (size_t i = 0; i < p->nslots && !found; i++)
		if (!p->slots[i].used) {
			found = &p->slots[i];
			found->used = 1;
			found->thread = self;
		}
	pthread_mutex_unlock(&p->lock);
	return found;
}

int vb_db_pool_get(struct vb_db_pool *p, int fresh, xap_db **out, struct vb_buf *err)
{
	struct db_slot *s = my_slot(p);
	xap_error xe;

	*out = NULL;
	if (!s) {
		vb_buf_adds(err, "too many server threads");
		return VB_API_ERROR;
	}
	if (s->db && (fresh || xap_db_reopen(s->db, &xe) != XAP_OK)) {
		/* A database replaced or removed under us: open it anew. */
		xap_db_free(s->db);
		s->db = NULL;
	}
	if (!s->db) {
		if (vb_dbs_open(&s->db, &p->dbs, err)) {
			s->db = NULL;
			return VB_API_UNAVAILABLE;
		}
	}
	*out = s->db;
	return VB_API_OK;
}
