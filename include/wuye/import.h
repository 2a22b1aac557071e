/* wuye: CSV import of entity records, all or nothing.
 *
 * The first line names the columns: a field's name ("build_area"), its
 * English label or its Chinese label ("建筑面积"), in any order; optional
 * columns may be left out and get their defaults.  A UTF-8 byte-order mark
 * is skipped.  A row may leave out trailing cells (they are empty); more
 * cells than the header has is an error.  Every row is checked like a record typed on screen; all the
 * problems found (up to max_errors) are reported with file:line:column and
 * then nothing is written.  Rows are inserted in one transaction with one
 * audit entry.
 */
#ifndef WUYE_IMPORT_H
#define WUYE_IMPORT_H

#include "wuye/entity.h"

struct import_opts {
	const char *path;	/* the CSV file ("-" for standard input) */
	int max_errors;		/* stop checking after this many problems */
	int accept_warnings;	/* import rows that break only warning rules
				 * (needs the kind's override permission) */
	/* Called for each problem ("rooms.csv:7:3: Floor: ..."); may be NULL. */
	void (*problem)(void *arg, const char *message);
	/* Called every 1000 rows and at the end; may be NULL. */
	void (*progress)(void *arg, long rows);
	void *arg;
};

/* Import the file into ent.  *rows gets the number of rows imported.
 * WY_EINVALID if any row was bad (e names the first problem and the count),
 * WY_ENOTFOUND if the file cannot be read, WY_EDENIED without the
 * permissions (import, the kind's write permission, and its override
 * permission with accept_warnings). */
int import_csv(struct session *s, const struct entity *ent,
    const struct import_opts *o, long *rows, struct wy_err *e);

#endif
