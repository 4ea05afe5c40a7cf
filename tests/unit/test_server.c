/* test_server.c: the server's routes and database handles, without HTTP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "assets.h"
#include "server.h"
#include "util/buf.h"
#include "xapian/xap.h"

struct fixture {
	char dir[64];
	char db[96];
	struct vb_dbs dbs;
	struct vb_db_pool *pool;
};

/* An empty database (created here) and a pool over it. */
static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	xap_db *db = NULL;
	snprintf(f->dir, sizeof(f->dir), "/tmp/vb-test-server-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->db, sizeof(f->db), "%s/db", f->dir);
	if (xap_db_open(&db, f->db, XAP_DB_CREATE_OR_OPEN, 0, NULL) ||
	    xap_db_commit(db, NULL) || xap_db_close(db, NULL))
		return -1;
	xap_db_free(db);
	f->dbs.paths[0] = f->db;
	f->dbs.n = 1;
	f->pool = vb_db_pool_new(&f->dbs, 2);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];
	vb_db_pool_free(f->pool);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

/* Route GET `path` with `n` key, value pairs; returns the reply's JSON (or NULL). */
static json_t *route(struct vb_db_pool *pool, const char *path, struct vb_reply *r,
		     size_t n, const char *const *kv)
{
	struct vb_param p[8];
	struct vb_params params = { p, n, 8 };
	for (size_t i = 0; i < n; i++) {
		p[i].key = kv[2 * i];
		p[i].value = kv[2 * i + 1];
	}
	vb_reply_init(r);
	vb_route(pool, path, &params, r);
	if (r->data)
		return NULL;
	json_t *o = json_loadb(r->body.buf, r->body.len, 0, NULL);
	assert_non_null(o);
	return o;
}

/* The status of an error reply, checking its shape. */
static int error_status(json_t *o)
{
	json_t *e = json_object_get(o, "error");
	assert_non_null(e);
	assert_true(json_is_string(json_object_get(e, "message")));
	return (int)json_integer_value(json_object_get(e, "status"));
}

static void unknown_routes_are_404(void **state)
{
	struct fixture *f = *state;
	struct vb_reply r;
	json_t *o = route(f->pool, "/api/nothing", &r, 0, NULL);
	assert_int_equal(r.status, 404);
	assert_int_equal(error_status(o), 404);
	assert_string_equal(r.content_type, "application/json");
	json_decref(o);
	vb_reply_release(&r);
	o = route(f->pool, "/api/show/", &r, 0, NULL);
	assert_int_equal(r.status, 404);
	json_decref(o);
	vb_reply_release(&r);
}

static void page_is_index_html(void **state)
{
	struct fixture *f = *state;
	const struct vb_asset *index = NULL;
	struct vb_reply r;
	for (const struct vb_asset *a = vb_assets; a->path; a++)
		if (!strcmp(a->path, "/index.html"))
			index = a;
	json_t *o = route(f->pool, "/", &r, 0, NULL);
	if (!index) {
		assert_int_equal(r.status, 404);   /* built without web/ */
	} else {
		assert_int_equal(r.status, 200);
		assert_ptr_equal(r.data, index->data);
		assert_string_equal(r.content_type, "text/html; charset=utf-8");
		assert_true(r.page);
	}
	json_decref(o);
	vb_reply_release(&r);
}

static void parameters_are_checked(void **state)
{
	struct fixture *f = *state;
	static const char *const cases[][2] = {
		{ "limit", "101" }, { "limit", "-1" }, { "offset", "x" }, { "sort", "up" },
		{ "since", "2005-13" }, { "all", "maybe" }, { "year", "06" },
	};
	struct vb_reply r;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *kv[] = { "q", "tariff", cases[i][0], cases[i][1] };
		json_t *o = route(f->pool, "/api/search", &r, 2, kv);
		assert_int_equal(r.status, 400);
		assert_int_equal(error_status(o), 400);
		json_decref(o);
		vb_reply_release(&r);
	}
	json_t *o = route(f->pool, "/api/search", &r, 0, NULL);
	assert_int_equal(r.status, 400);   /* nothing to search for */
	json_decref(o);
	vb_reply_release(&r);
}

static void empty_database_answers(void **state)
{
	struct fixture *f = *state;
	const char *q[] = { "q", "tariff", "year", "2006" };
	struct vb_reply r;
	json_t *o = route(f->pool, "/api/search", &r, 2, q);
	assert_int_equal(r.status, 200);
	assert_int_equal(json_integer_value(json_object_get(o, "total")), 0);
	assert_string_equal(json_string_value(json_object_get(o, "query")),
			    "(tariff) AND year:\"2006\"");
	json_decref(o);
	vb_reply_release(&r);
	o = route(f->pool, "/api/facets", &r, 1, q);
	assert_int_equal(r.status, 200);
	assert_int_equal(json_integer_value(json_object_get(o, "counted")), 0);
	assert_int_equal(json_array_size(json_object_get(json_object_get(o, "facets"), "speaker")), 0);
	json_decref(o);
	vb_reply_release(&r);
	o = route(f->pool, "/api/stats", &r, 0, NULL);
	assert_int_equal(r.status, 200);
	assert_int_equal(json_integer_value(json_object_get(o, "documents")), 0);
	json_decref(o);
	vb_reply_release(&r);
}

static void missing_database_is_503(void **state)
{
	struct fixture *f = *state;
	struct vb_dbs dbs = { .n = 1 };
	char path[128];
	snprintf(path, sizeof(path), "%s/missing", f->dir);
	dbs.paths[0] = path;
	struct vb_db_pool *pool = vb_db_pool_new(&dbs, 1);
	const char *q[] = { "q", "tariff" };
	struct vb_reply r;
	json_t *o = route(pool, "/api/search", &r, 1, q);
	assert_int_equal(r.status, 503);
	assert_int_equal(error_status(o), 503);
	assert_non_null(strstr(json_string_value(json_object_get(json_object_get(o, "error"), "message")),
			       "no database at"));
	json_decref(o);
	vb_reply_release(&r);
	vb_db_pool_free(pool);
}

static void error_messages_are_json_strings(void **state)
{
	(void)state;
	struct vb_reply r;
	vb_reply_init(&r);
	vb_reply_error(&r, 400, "bad \"%s\" <script>", "x\\y");
	json_t *o = json_loadb(r.body.buf, r.body.len, 0, NULL);
	assert_non_null(o);
	assert_string_equal(json_string_value(json_object_get(json_object_get(o, "error"), "message")),
			    "bad \"x\\y\" <script>");
	json_decref(o);
	vb_reply_error(&r, 404, "%s", "\xff not UTF-8");
	o = json_loadb(r.body.buf, r.body.len, 0, NULL);
	assert_non_null(o);
	json_decref(o);
	vb_reply_release(&r);
}

struct thread_arg {
	struct vb_db_pool *pool;
	pthread_barrier_t *both;   /* both threads alive: thread ids are reused */
	xap_db *first, *second;
};

static void *get_twice(void *p)
{
	struct thread_arg *a = p;
	struct vb_buf err = VB_BUF_INIT;
	vb_db_pool_get(a->pool, 0, &a->first, &err);
	pthread_barrier_wait(a->both);
	vb_db_pool_get(a->pool, 0, &a->second, &err);
	vb_buf_release(&err);
	return NULL;
}

static void one_handle_per_thread(void **state)
{
	struct fixture *f = *state;
	pthread_barrier_t both;
	struct thread_arg a = { f->pool, &both, NULL, NULL }, b = { f->pool, &both, NULL, NULL };
	pthread_t ta, tb;
	pthread_barrier_init(&both, NULL, 2);
	pthread_create(&ta, NULL, get_twice, &a);
	pthread_create(&tb, NULL, get_twice, &b);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	pthread_barrier_destroy(&both);
	assert_non_null(a.first);
	assert_ptr_equal(a.first, a.second);   /* kept, reopened */
	assert_ptr_equal(b.first, b.second);
	assert_ptr_not_equal(a.first, b.first);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unknown_routes_are_404),
		cmocka_unit_test(page_is_index_html),
		cmocka_unit_test(parameters_are_checked),
		cmocka_unit_test(empty_database_answers),
		cmocka_unit_test(missing_database_is_503),
		cmocka_unit_test(error_messages_are_json_strings),
		cmocka_unit_test(one_handle_per_thread),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
