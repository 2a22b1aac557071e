/* wuye: the building map (楼盘图): every room of one building with its
 * state, its client and whether it owes anything past due on a date.
 *
 * A room is in arrears on a date when one of its bills is unpaid (amount >
 * paid + waived) and was due before that date, as in arrears.h; what it
 * owes is the unpaid principal of those bills (late fees are the
 * cashier's).  A room's client is its payer (收费对象) on the date, else a
 * current owner, tenant or resident, in that order.  The map costs four
 * indexed queries whatever the size of the database: the building, its
 * rooms (rooms_building), their current occupants (occupancy_room) and
 * their unpaid bills (the partial index bills_unpaid).
 */
#ifndef WUYE_ROOMMAP_H
#define WUYE_ROOMMAP_H

#include <stddef.h>
#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"

/* One room of the map. */
struct roommap_room {
	int64_t id;
	char code[33];		/* rooms.code */
	int unit;
	int floor;
	char state[33];		/* category room_state: vacant, owner, ... */
	char state_en[65];	/* its names in the category list ("" if none) */
	char state_zh[65];
	int64_t client_id;	/* 0: nobody */
	char client[121];	/* the client's name, "" when nobody */
	int64_t bills;		/* bills in arrears */
	int64_t owed;		/* their unpaid principal, fen */
	char oldest_due[11];	/* due date of the oldest, "" when none */
};

/* The legend's counts: rooms = vacant + occupied = paid_up + arrears. */
struct roommap_counts {
	int64_t rooms;
	int64_t vacant;		/* state 'vacant' */
	int64_t occupied;	/* any other state */
	int64_t paid_up;	/* nothing past due */
	int64_t arrears;	/* something past due */
	int64_t owed;		/* what the rooms in arrears owe, fen */
};

/* A building's map. */
struct roommap {
	int64_t building_id;
	char building[33];	/* building code */
	char building_name[121];
	int64_t estate_id;
	char estate[33];	/* estate code */
	char estate_name[121];
	char date[11];		/* the date arrears are counted on */
	struct roommap_room *rooms;	/* by unit, floor (lowest first), code */
	size_t n;
	struct roommap_counts counts;
};

/* Load building building_id's map as of date (YYYY-MM-DD; NULL: today)
 * into *m, which roommap_free() empties.  Needs charge.read.  WY_EINVALID
 * for a bad date, WY_ENOTFOUND for an unknown building.  A building
 * without rooms is a map of none. */
int roommap_load(struct session *s, int64_t building_id, const char *date,
    struct roommap *m, struct wy_err *e);

/* Free what roommap_load() allocated and zero *m (safe on a zeroed map). */
void roommap_free(struct roommap *m);

/* The building after (dir > 0) or before (dir < 0) building_id in its
 * estate, by code, into *out; WY_ENOTFOUND when there is none (the last or
 * first) or building_id does not exist.  Needs charge.read. */
int roommap_neighbour(struct session *s, int64_t building_id, int dir,
    int64_t *out, struct wy_err *e);

/* The index in m->rooms of room id, or -1. */
long roommap_find(const struct roommap *m, int64_t id);

/* The map letter of a room: 'A' in arrears (whatever its state), else by
 * state: 'V' vacant, 'O' owner-occupied, 'R' rented, 'D' renovating (装修),
 * 'S' for sale, '?' any other state. */
char roommap_letter(const struct roommap_room *r);

/* The room's number on the map: its code after the last '-' (the code
 * itself when that is empty or there is no '-'). */
const char *roommap_number(const struct roommap_room *r);

/* The SQL that reads the unpaid bills (for EXPLAIN QUERY PLAN in the
 * tests: it must use bills_unpaid). */
const char *roommap_bills_query(void);

#endif
