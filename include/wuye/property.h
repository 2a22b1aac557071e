/* wuye: property and client records beyond what the forms describe. */
#ifndef WUYE_PROPERTY_H
#define WUYE_PROPERTY_H

#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"

struct property_counts {
	int64_t estates, buildings, rooms;
	int64_t rooms_vacant;		/* rooms whose state is vacant */
	int64_t clients;
	int64_t links_current;		/* room-client links without an end */
	int64_t parking, vehicles;
	int64_t users;
};

/* Count the records (for the summary and the status line). */
int property_counts(struct session *s, struct property_counts *c,
    struct wy_err *e);

/* Move-out: end the room-client link `link_id` (still at version) on
 * date (YYYY-MM-DD; not before its start).  Checked and audited like any
 * edit of the link. */
int client_move_out(struct session *s, int64_t link_id, int64_t version,
    const char *date, struct wy_err *e);

#endif
