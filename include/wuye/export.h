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

#endif
