/* wuye: building blocks of the demo-data generator (internal to
 * src/domain/demo*.c; the public entry is demo.h).
 *
 * A small deterministic PRNG (xoshiro256** seeded through splitmix64), sets
 * of strings already handed out (so ID numbers, mobiles and plates are
 * unique) and generators of realistic Chinese names, ID numbers, phone
 * numbers, plates and company codes.  Everything depends only on the PRNG
 * state and integer arithmetic, so one seed gives the same data anywhere.
 */
#ifndef WUYE_DEMO_GEN_H
#define WUYE_DEMO_GEN_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "wuye/demo.h"

/* The PRNG state. */
struct demo_rng {
	uint64_t s[4];
};

/* Seed the generator (any seed, 0 included). */
void demo_rng_seed(struct demo_rng *r, uint64_t seed);
/* The next 64 random bits. */
uint64_t demo_rng_next(struct demo_rng *r);
/* A number in lo..hi inclusive (hi >= lo, hi - lo < 2^31). */
int demo_rng_range(struct demo_rng *r, int lo, int hi);
/* 1 with probability permille/1000. */
int demo_rng_chance(struct demo_rng *r, int permille);
/* An index 0..n-1 chosen with the given (non-negative) weights. */
int demo_rng_weighted(struct demo_rng *r, const int *w, int n);

/* A set of strings (kept as 64-bit hashes: a rare false "present" only
 * makes the caller draw again). */
struct demo_set {
	uint64_t *slot;		/* 0: empty; owned */
	size_t cap;		/* a power of two */
	size_t used;
};

/* Add s; 1 if it was new, 0 if already present. */
int demo_set_add(struct demo_set *set, const char *s);
/* Free the set's memory and empty it. */
void demo_set_free(struct demo_set *set);

/* The city the demo company works in: addresses, phone area code, plates,
 * price levels. */
struct demo_city {
	const char *name;		/* "深圳市" */
	const char *province;		/* "广东省" */
	const char *area_code;		/* "0755" */
	const char *plate;		/* "粤B" */
	const char *division;		/* 6-digit code, "440300" */
	int area_first;			/* first local entry in the area table */
	int area_count;			/* and how many */
	const char *districts[5];
	const char *roads[8];
	int rent_lo, rent_hi;		/* flat rent, fen per m2 a month */
	int park_rent_lo, park_rent_hi;	/* parking rent, fen a month */
	int park_fee_lo, park_fee_hi;	/* parking management fee, fen a month */
};

/* The city for a draw of the PRNG. */
const struct demo_city *demo_city_pick(struct demo_rng *r);

/* A person's name for gender 'M' or 'F' into buf (at least 16 bytes). */
void demo_person_name(struct demo_rng *r, char gender, char *buf,
    size_t size);
/* A surname alone. */
const char *demo_surname(struct demo_rng *r);
/* A given name for gender into buf, after a fixed surname. */
void demo_name_with_surname(struct demo_rng *r, const char *surname,
    char gender, char *buf, size_t size);

/* A valid, unused 18-digit ID number for someone of gender ('M'/'F') born
 * on day `birth` (date.h day number); half of the area codes are the
 * city's own.  The place of the area code (户口所在地) goes to hukou.
 * Returns 0 on success, -1 if the check digit cannot be computed. */
int demo_idcard(struct demo_rng *r, const struct demo_city *city,
    int32_t birth, char gender, struct demo_set *used, char *id,
    size_t id_size, char *hukou, size_t hukou_size);

/* An unused mobile number (1[3-9] and 9 digits) into buf (>= 12). */
void demo_mobile(struct demo_rng *r, struct demo_set *used, char *buf,
    size_t size);
/* A landline in the city, "0755-26881234". */
void demo_landline(struct demo_rng *r, const struct demo_city *city,
    char *buf, size_t size);

/* An unused plate, "粤B·12345" (or "粤B·D12345" for a new-energy car when
 * ev), mostly local.  buf at least 24 bytes. */
void demo_plate(struct demo_rng *r, const struct demo_city *city, int ev,
    struct demo_set *used, char *buf, size_t size);
/* A car model and colour; an electric one when ev. */
const char *demo_car_model(struct demo_rng *r, int ev);
const char *demo_car_colour(struct demo_rng *r);

/* A company name in the city, "深圳市恒达科技有限公司", preferably unused. */
void demo_company_name(struct demo_rng *r, const struct demo_city *city,
    struct demo_set *used, char *buf, size_t size);
/* A unified social credit code (统一社会信用代码, GB 32100) with valid
 * check characters, into buf (>= 19). */
void demo_uscc(struct demo_rng *r, const struct demo_city *city, char *buf,
    size_t size);

/* The name of estate number i (0-based) in a shuffled order, "翠湖苑"
 * or, beyond the list, "翠湖苑二期". */
void demo_estate_name(const int *order, int i, char *buf, size_t size);
/* How many base estate names there are (the size of `order`). */
int demo_estate_names(void);

/* A street address in the city, "深圳市南山区科苑路88号". */
void demo_address(struct demo_rng *r, const struct demo_city *city,
    char *buf, size_t size);

/* A handover problem for the checklist item code ("walls"), or NULL. */
const char *demo_handover_problem(struct demo_rng *r, const char *item);

/* The generator's state while demo_create() runs (demo.c, demo_occ.c). */
enum demo_stmt {
	DEMO_ST_ESTATE, DEMO_ST_ESTATE_COUNTS, DEMO_ST_BUILDING, DEMO_ST_ROOM,
	DEMO_ST_FINDING, DEMO_ST_CLIENT, DEMO_ST_OCC, DEMO_ST_FAMILY,
	DEMO_ST_LEASE, DEMO_ST_SPACE, DEMO_ST_VEHICLE, DEMO_ST_COUNT
};

#define DEMO_ITEMS_MAX 64

/* An occupied room of the current estate, for parking and vehicles. */
struct demo_occ {
	int64_t room;
	int64_t owner;		/* current owner (the payer) */
	int64_t user;		/* current tenant, else the owner */
	int32_t owner_start;	/* since when the owner owns it */
};

struct demo_building {
	int64_t id;
	char code[16];		/* "A3" */
	const char *type;	/* category building_type */
};

/* A room's paying habit for the demo charges (demo_charge.c). */
struct demo_room {
	int64_t id;
	unsigned char habit;	/* prompt, late, in arrears, prepaying */
	unsigned char day;	/* day of the month it pays */
	int from, until;	/* months of the window in arrears */
};

struct demo_gen {
	struct session *s;		/* borrowed */
	struct db *db;			/* s->db */
	struct wy_err *e;
	const struct demo_opts *o;
	demo_progress_fn *progress;
	void *arg;
	struct demo_rng r;
	const struct demo_city *city;
	int32_t today;
	int32_t hist;			/* first day of the history window */
	int32_t built;			/* the current estate's completion */
	sqlite3_stmt *st[DEMO_ST_COUNT];	/* prepared once, owned */
	struct demo_set ids, mobiles, plates, firm_names;
	int64_t item_id[DEMO_ITEMS_MAX];	/* handover checklist */
	char item_code[DEMO_ITEMS_MAX][33];
	int nitems;
	int64_t nclients, nleases;	/* for the codes */
	int64_t *owners;		/* person owners (investors buy more) */
	size_t nowners, capowners;
	int64_t *firms;			/* the current estate's companies */
	size_t nfirms, capfirms;
	struct demo_occ *occ;		/* the current estate's occupied rooms */
	size_t nocc, capocc;
	long rooms_done;
	int estate_rooms;		/* rooms of the current estate */
	int buildings;			/* of the current estate */
	long population;		/* of the current estate */
	char estate_code[8];
	char staff[3][40];		/* who finds handover problems */
	int p0;				/* first period of the window */
	int64_t fee_prop, fee_water, fee_elec, fee_park, fee_fund;
	int64_t fee_deposit;		/* the demo fee items */
	struct demo_room *room;		/* every room's habit, by id */
	size_t nroom, caproom;
};

/* Bind per fmt (db_bind), step, reset: one row into statement k. */
#define DEMO_RUN(g, k, ...) demo_step((g), (k), \
	db_bind((g)->db, (g)->st[k], (g)->e, __VA_ARGS__))
/* Step statement k if rc (the binding's result) is WY_OK; reset it. */
int demo_step(struct demo_gen *g, int k, int rc);
/* The id of the row just inserted. */
int64_t demo_last_id(struct demo_gen *g);

/* Owners, tenants, residents, family and leases of a room in state `state`
 * whose keys were handed over on day `handover`. */
int demo_occupy(struct demo_gen *g, int64_t room, const char *state,
    int commercial, int64_t charge_area, int32_t handover);
/* Parking spaces and vehicles of an estate, from g->occ. */
int demo_parking(struct demo_gen *g, int64_t estate);
/* Fee items, standards, meters and readings (inside the transaction;
 * nothing above DEMO_CHARGE_ROOMS_MAX rooms). */
int demo_charges_setup(struct demo_gen *g);
/* Bill runs, payments, voids, waivers, deposits and closes, month by
 * month, through the domain functions (after the commit). */
int demo_charges_run(struct demo_gen *g);
/* Free what the generator allocated. */
void demo_gen_free(struct demo_gen *g);

#endif
