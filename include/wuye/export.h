/* wuye: exporting the records of an entity through a sink.
 *
 * The command line's `wuye export` and the browse grid's F9 both come
 * here, so an export from the screen and one from a script are the same
 * file.  (This is the one place report/ reads domain/: list exports must
 * go through the same output path as reports.)
 */
#ifndef WUYE_EXPORT_H
#define WUYE_EXPORT_H

#include "wuye/entity.h"
#include "wuye/sink.h"

/* Write the rows of ent selected by q (all when q is NULL; q->limit is
 * ignored) to the sink described by o.  CSV and TSV headers are the field
 * names (so the file imports back); .xlsx and text headers are the labels.
 * *rows (may be NULL) gets the number of rows written. */
int export_entity(struct session *s, const struct entity *ent,
    const struct page_query *q, const struct sink_opts *o, long *rows,
    struct wy_err *e);

/* Where an export named name goes: name itself when it starts with / (a
 * full path), $HOME's file for ~/NAME, else name in the export folder
 * (export.dir), which is made, with its parents, if missing (mode 0700:
 * exports hold personal data).  The screens' exports and the command
 * line's default file names all go through here.  Returns the path
 * (malloc'd), or NULL with e set when the folder cannot be made. */
struct conf;
char *export_path(const struct conf *c, const char *name, struct wy_err *e);

/* The export folder as shown to a user: with ~ for $HOME ("~/wuye-exports").
 * Returns a malloc'd string. */
char *export_dir_shown(const struct conf *c);

#endif
