/* wuye: exporting an entity's records (see export.h). */
#include "wuye/export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "wuye/auth.h"
#include "wuye/conf.h"
#include "wuye/i18n.h"
#include "wuye/mem.h"

struct export {
	struct session *s;
	const struct entity *ent;
	struct sink *sink;
	struct sink_cell *cells;
	char **texts;		/* cell texts owned for the current row */
	long rows;
	int names;		/* choices and lookups by name, not code */
	struct wy_err *e;
};

/* The sink column of a field. */
static struct sink_col
field_col(const struct field *f, int use_labels)
{
	struct sink_col col = {
		.title = use_labels ? field_label(f) : f->name,
		.kind = SINK_COL_TEXT,
		.width = field_width(f),
	};

	switch (f->type) {
	case FIELD_INT:
		col.kind = SINK_COL_INT;
		break;
	case FIELD_DECIMAL:
		col.kind = SINK_COL_FIXED;
		col.scale = f->scale;
		break;
	case FIELD_MONEY:
		col.kind = SINK_COL_MONEY;
		break;
	case FIELD_DATE:
		col.kind = SINK_COL_DATE;
		break;
	default:
		break;
	}
	return col;
}

static int
export_row(void *arg, int64_t id, int64_t version, const struct value *v)
{
	struct export *x = arg;
	const struct field *f;
	size_t i;
	int rc;

	(void)id, (void)version;
	for (i = 0; i < x->ent->nfields; i++) {
		f = &x->ent->fields[i];
		x->cells[i] = (struct sink_cell){ .null = v[i].kind == VALUE_NULL };
		if (v[i].kind == VALUE_INT && (f->type == FIELD_INT ||
		    f->type == FIELD_DECIMAL || f->type == FIELD_MONEY))
			x->cells[i].i = v[i].i;
		else if (v[i].kind != VALUE_NULL) {
			/* Names for people (.xlsx, text), codes for programs. */
			x->texts[i] = x->names ? field_display(x->s, f, &v[i]) :
			    field_text(x->s, f, &v[i]);
			x->cells[i].s = x->texts[i];
		}
	}
	rc = sink_row(x->sink, x->cells, x->e);
	for (i = 0; i < x->ent->nfields; i++) {
		free(x->texts[i]);
		x->texts[i] = NULL;
	}
	x->rows++;
	return rc;
}

int
export_entity(struct session *s, const struct entity *ent,
    const struct page_query *q, const struct sink_opts *o, long *rows,
    struct wy_err *e)
{
	struct export x = { .s = s, .ent = ent, .e = e };
	struct page_query all = { .sort = 0 };
	const struct field *order;
	struct sink_col *cols;
	size_t i;
	int rc, labels = o->format == SINK_XLSX || o->format == SINK_TEXT;

	if (q == NULL) {
		if (ent->order != NULL && (order = entity_field(ent, ent->order)) != NULL)
			all.sort = (size_t)(order - ent->fields);
		q = &all;
	} else {
		all = *q;
		all.limit = 0;
		q = &all;
	}
	if ((rc = auth_require(s, "export", e)) != WY_OK)
		return rc;
	x.names = labels;
	cols = xcalloc(ent->nfields, sizeof *cols);
	x.cells = xcalloc(ent->nfields, sizeof *x.cells);
	x.texts = xcalloc(ent->nfields, sizeof *x.texts);
	for (i = 0; i < ent->nfields; i++)
		cols[i] = field_col(&ent->fields[i], labels);
	rc = sink_open(o, cols, ent->nfields, &x.sink, e);
	if (rc == WY_OK) {
		rc = entity_page(s, ent, q, export_row, &x, e);
		if (sink_close(&x.sink, rc == WY_OK, rc == WY_OK ? e : NULL) != WY_OK)
			rc = e->code;
	}
	if (rows != NULL)
		*rows = rc == WY_OK ? x.rows : 0;
	free(cols);
	free(x.cells);
	free(x.texts);
	return rc;
}

/* Make the folder dir and its parents (mkdir -p), mode 0700. */
static int
make_dirs(const char *dir, struct wy_err *e)
{
	char *p = xstrdup(dir), *slash, c;
	struct stat st;
	int rc = WY_OK;

	for (slash = p + 1; rc == WY_OK; slash++) {
		if (*slash != '/' && *slash != '\0')
			continue;
		c = *slash;
		*slash = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = wy_fail(e, WY_EFAIL, _("%s: cannot make the export "
			    "folder (export.dir): %s"), p, strerror(errno));
		else if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))
			rc = wy_fail(e, WY_EFAIL, _("%s: the export folder "
			    "(export.dir) is not a folder"), p);
		*slash = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}

char *
export_path(const struct conf *c, const char *name, struct wy_err *e)
{
	const char *home = getenv("HOME"), *dir = conf_str(c, "export.dir");
	size_t n;

	if (name[0] == '/')
		return xstrdup(name);
	if (name[0] == '~' && name[1] == '/' && home != NULL && *home != '\0')
		return xasprintf("%s%s", home, name + 1);
	if (*dir == '\0')
		dir = ".";
	if (make_dirs(dir, e) != WY_OK)
		return NULL;
	n = strlen(dir);
	return xasprintf("%s%s%s", dir, n > 0 && dir[n - 1] == '/' ? "" : "/",
	    name);
}

char *
export_dir_shown(const struct conf *c)
{
	const char *home = getenv("HOME"), *dir = conf_str(c, "export.dir");
	size_t n = home != NULL ? strlen(home) : 0;

	while (n > 1 && home[n - 1] == '/')
		n--;
	if (n > 1 && strncmp(dir, home, n) == 0 && (dir[n] == '/' || dir[n] == '\0'))
		return xasprintf("~%s", dir + n);
	return xstrdup(dir);
}
