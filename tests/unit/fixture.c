/* wuye unit tests: shared fixture (see fixture.h). */
#include "fixture.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
fixture_open(struct fixture *fx)
{
	struct wy_err e = { 0 };
	char datadir[160];

	memset(fx, 0, sizeof *fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/wuye-unit.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(fx->dir));
	snprintf(fx->path, sizeof fx->path, "%s/test.db", fx->dir);
	ck_assert_int_eq(conf_load(NULL, &fx->conf, &e), WY_OK);
	ck_assert_int_eq(conf_set(fx->conf, "security.password_hash", "minimal", &e), WY_OK);
	snprintf(datadir, sizeof datadir, "%s/data", fx->dir);
	ck_assert_int_eq(conf_set(fx->conf, "paths.data", datadir, &e), WY_OK);
	snprintf(datadir, sizeof datadir, "%s/backups", fx->dir);
	ck_assert_int_eq(conf_set(fx->conf, "backup.dir", datadir, &e), WY_OK);
	ck_assert_msg(db_open(fx->path, DB_CREATE, &fx->db, &e) == WY_OK, "%s", e.msg);
	ck_assert_msg(db_migrate(fx->db, NULL, &e) == WY_OK, "%s", e.msg);
	session_system(&fx->s, fx->db, fx->conf);
}

void
fixture_close(struct fixture *fx)
{
	char cmd[128];

	db_close(&fx->db);
	conf_free(&fx->conf);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", fx->dir);
}

const char *
fixture_file(struct fixture *fx, const char *name, const char *text)
{
	static char path[256];
	char dir[300], *slash;
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", fx->dir, name);
	snprintf(dir, sizeof dir, "mkdir -p '%s'", path);
	if ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\'';
		slash[1] = '\0';
		if (system(dir) != 0)
			ck_abort_msg("mkdir failed");
	}
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return path;
}

void
fixture_sql(struct fixture *fx, const char *sql)
{
	struct wy_err e = { 0 };

	ck_assert_msg(db_exec(fx->db, sql, &e) == WY_OK, "%s: %s", sql, e.msg);
	/* The sort keys of the rows written, as wuye fills them when it
	 * opens a database that another program wrote. */
	if (sqlite3_get_autocommit(fx->db->h))
		ck_assert_msg(db_sort_keys_fill(fx->db, &e) == WY_OK, "%s", e.msg);
}
