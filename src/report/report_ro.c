/* wuye: the read-only connection a report's SQL runs on.
 *
 * Three locks, any one of which would stop a write: the file is opened
 * SQLITE_OPEN_READONLY; an authorizer allows only SELECT, reading
 * columns, calling functions (not load_extension) and recursive CTEs;
 * and a statement sqlite3_stmt_readonly() does not vouch for is refused.
 * Only one statement is prepared: any text after it is refused.  A
 * progress handler stops a statement at its deadline or when the cancel
 * flag is set.
 */
#include "wuye/report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "wuye/db.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"

int
report_chinese(void)
{
	return strcmp(_("English"), "English") != 0;
}

int64_t
report_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The name of an action the authorizer refuses. */
static const char *
action_name(int action)
{
	switch (action) {
	case SQLITE_INSERT: return "INSERT";
	case SQLITE_UPDATE: return "UPDATE";
	case SQLITE_DELETE: return "DELETE";
	case SQLITE_ATTACH: return "ATTACH";
	case SQLITE_DETACH: return "DETACH";
	case SQLITE_PRAGMA: return "PRAGMA";
	case SQLITE_TRANSACTION: return "BEGIN/COMMIT";
	case SQLITE_SAVEPOINT: return "SAVEPOINT";
	case SQLITE_ANALYZE: return "ANALYZE";
	case SQLITE_REINDEX: return "REINDEX";
	case SQLITE_ALTER_TABLE: return "ALTER TABLE";
	case SQLITE_CREATE_INDEX: case SQLITE_CREATE_TABLE:
	case SQLITE_CREATE_TEMP_INDEX: case SQLITE_CREATE_TEMP_TABLE:
	case SQLITE_CREATE_TEMP_TRIGGER: case SQLITE_CREATE_TEMP_VIEW:
	case SQLITE_CREATE_TRIGGER: case SQLITE_CREATE_VIEW:
	case SQLITE_CREATE_VTABLE:
		return "CREATE";
	case SQLITE_DROP_INDEX: case SQLITE_DROP_TABLE:
	case SQLITE_DROP_TEMP_INDEX: case SQLITE_DROP_TEMP_TABLE:
	case SQLITE_DROP_TEMP_TRIGGER: case SQLITE_DROP_TEMP_VIEW:
	case SQLITE_DROP_TRIGGER: case SQLITE_DROP_VIEW:
	case SQLITE_DROP_VTABLE:
		return "DROP";
	default: return NULL;
	}
}

/* Allow reading only; remember the first thing refused. */
static int
authorize(void *arg, int action, const char *a1, const char *a2,
    const char *db, const char *trigger)
{
	struct report_ro *ro = arg;
	const char *name;

	(void)db, (void)trigger;
	switch (action) {
	case SQLITE_SELECT:
	case SQLITE_READ:
	case SQLITE_RECURSIVE:
		return SQLITE_OK;
	case SQLITE_FUNCTION:
		if (a2 == NULL || (strcasecmp(a2, "load_extension") != 0 &&
		    strcasecmp(a2, "fts3_tokenizer") != 0 &&
		    strcasecmp(a2, "readfile") != 0 &&
		    strcasecmp(a2, "writefile") != 0))
			return SQLITE_OK;
		if (ro->denied[0] == '\0')
			snprintf(ro->denied, sizeof ro->denied, "%s()", a2);
		return SQLITE_DENY;
	default:
		if (ro->denied[0] == '\0') {
			if (a1 != NULL && strncmp(a1, "sqlite_", 7) == 0 &&
			    (action == SQLITE_INSERT || action == SQLITE_UPDATE ||
			    action == SQLITE_DELETE))
				snprintf(ro->denied, sizeof ro->denied, "%s",
				    _("a schema change (CREATE, DROP, ALTER)"));
			else if ((name = action_name(action)) != NULL)
				snprintf(ro->denied, sizeof ro->denied, "%s", name);
			else
				snprintf(ro->denied, sizeof ro->denied,
				    "action %d", action);
		}
		return SQLITE_DENY;
	}
}

/* Stop at the deadline or when cancelled. */
static int
progress(void *arg)
{
	struct report_ro *ro = arg;

	if (ro->cancel != NULL && *ro->cancel) {
		ro->stopped = 2;
		return 1;
	}
	if (ro->deadline_ms > 0 && report_now_ms() >= ro->deadline_ms) {
		ro->stopped = 1;
		return 1;
	}
	return 0;
}

int
report_ro_open(struct session *s, struct report_ro **out, struct wy_err *e)
{
	struct report_ro *ro;
	const char *path;
	int rc;

	*out = NULL;
	if (s == NULL || s->db == NULL)
		return wy_fail(e, WY_EFAIL, _("reports need an open database"));
	path = sqlite3_db_filename(s->db->h, "main");
	if (path == NULL || *path == '\0')
		path = s->db->path;
	ro = xcalloc(1, sizeof *ro);
	rc = db_open_reader(s->db, SQLITE_OPEN_NOMUTEX, &ro->h);
	if (rc != SQLITE_OK) {
		wy_fail(e, WY_EFAIL, _("%s: cannot open read-only: %s"), path,
		    ro->h != NULL ? sqlite3_errmsg(ro->h) : sqlite3_errstr(rc));
		report_ro_close(&ro);
		return WY_EFAIL;
	}
	sqlite3_db_config(ro->h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	sqlite3_db_config(ro->h, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(ro->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_busy_timeout(ro->h, s->db->busy_ms > 0 ? s->db->busy_ms : 5000);
	sqlite3_set_authorizer(ro->h, authorize, ro);
	sqlite3_progress_handler(ro->h, 1000, progress, ro);
	*out = ro;
	return WY_OK;
}

void
report_ro_close(struct report_ro **rop)
{
	if (*rop == NULL)
		return;
	sqlite3_close_v2((*rop)->h);
	free(*rop);
	*rop = NULL;
}

/* Whether the rest of the SQL text is only blanks and comments. */
static int
only_comments(const char *p)
{
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == ';')
			p++;
		if (p[0] == '-' && p[1] == '-')
			p += strcspn(p, "\n");
		else if (p[0] == '/' && p[1] == '*') {
			if ((p = strstr(p + 2, "*/")) == NULL)
				return 1;
			p += 2;
		} else
			return *p == '\0';
	}
}

int
report_ro_prepare(struct report_ro *ro, const char *sql, const char *where,
    sqlite3_stmt **st, struct wy_err *e)
{
	const char *tail = NULL;
	int rc;

	*st = NULL;
	ro->denied[0] = '\0';
	ro->stopped = 0;
	rc = sqlite3_prepare_v2(ro->h, sql, -1, st, &tail);
	if (rc != SQLITE_OK) {
		if (ro->denied[0] != '\0')
			rc = wy_fail(e, WY_EINVALID, _("%s: %s is not allowed in "
			    "a report (reports only read)"), where, ro->denied);
		else
			rc = wy_fail(e, WY_EINVALID, "%s: %s", where,
			    sqlite3_errmsg(ro->h));
		sqlite3_finalize(*st);
		*st = NULL;
		return rc;
	}
	if (*st == NULL)
		return wy_fail(e, WY_EINVALID, _("%s: no statement"), where);
	if (tail != NULL && !only_comments(tail))
		rc = wy_fail(e, WY_EINVALID, _("%s: only one statement is "
		    "allowed; refused: '%.40s'"), where, tail);
	else if (!sqlite3_stmt_readonly(*st))
		rc = wy_fail(e, WY_EINVALID, _("%s: the statement would write "
		    "(reports only read)"), where);
	else if (sqlite3_column_count(*st) == 0)
		rc = wy_fail(e, WY_EINVALID, _("%s: the statement returns no "
		    "columns (a report is one SELECT)"), where);
	else
		return WY_OK;
	sqlite3_finalize(*st);
	*st = NULL;
	return rc;
}
