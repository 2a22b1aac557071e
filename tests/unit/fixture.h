/* wuye unit tests: a fresh migrated database in a temporary file, a
 * default configuration (fast password hashing) and a system session. */
#ifndef WUYE_TEST_FIXTURE_H
#define WUYE_TEST_FIXTURE_H

#include "wuye/auth.h"
#include "wuye/conf.h"
#include "wuye/db.h"
#include "wuye/session.h"

struct fixture {
	char dir[64];		/* temporary folder, removed by fixture_close */
	char path[128];		/* the database file in it */
	struct conf *conf;
	struct db *db;
	struct session s;	/* system session: every permission */
};

/* Create the folder, database and configuration; aborts the test on error. */
void fixture_open(struct fixture *fx);
void fixture_close(struct fixture *fx);

/* Write text to DIR/name and return the path (static buffer). */
const char *fixture_file(struct fixture *fx, const char *name, const char *text);

/* Run constant SQL on the fixture's database (test set-up). */
void fixture_sql(struct fixture *fx, const char *sql);

#endif
