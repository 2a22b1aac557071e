/* wuye: parking spaces and vehicles of the demo data.
 *
 * An estate has spaces for 35-75% of its rooms, mostly underground, at
 * prices of the estate (rent, management fee) set from the city's level.
 * Owned spaces (产权) belong to a room's owner; rented ones (租用) are let
 * for a year to an owner or tenant, some expiring within the reminder
 * window or just expired; public ones (公共) are for visitors.  Most linked
 * spaces have a car, and some residents park a car without a space.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/demo.h"
#include "wuye/demo_gen.h"

/* fen rounded half-up to a multiple of unit fen. */
static int64_t
round_to(int64_t fen, int64_t unit)
{
	return (fen + unit / 2) / unit * unit;
}

/* A car for client, on space (0: none). */
static int
add_vehicle(struct demo_gen *g, int64_t client, int64_t space)
{
	char plate[32];
	int ev = demo_rng_chance(&g->r, 220);
	const char *model;

	demo_plate(&g->r, g->city, ev, &g->plates, plate, sizeof plate);
	model = demo_car_model(&g->r, ev);
	if (space != 0)
		return DEMO_RUN(g, DEMO_ST_VEHICLE, "tttII", plate, model,
		    demo_car_colour(&g->r), client, space);
	return DEMO_RUN(g, DEMO_ST_VEHICLE, "tttIn", plate, model,
	    demo_car_colour(&g->r), client);
}

/* The prices of an estate's spaces, in fen a month. */
struct prices {
	int64_t rent[3];	/* by type: ground, underground, mechanical */
	int64_t fee;		/* management fee of an owned space */
};

static const char *const types[] = { "ground", "underground", "mechanical" };

/* Name and location of space number i of n, of type t. */
static void
describe(struct demo_gen *g, int t, int i, int n, char *name, size_t nsize,
    char *loc, size_t lsize)
{
	static const char *const ground[] = { "东门地面", "西门地面",
		"南侧围墙边", "中心花园旁", "会所门前", "北侧消防通道旁" };
	int level = n > 400 && i > n / 2 ? 2 : 1;

	switch (t) {
	case 1:
		snprintf(loc, lsize, "地下%s层%c区", level == 1 ? "一" : "二",
		    'A' + (i - 1) / 80 % 6);
		snprintf(name, nsize, "B%d-%03d", level, i);
		break;
	case 2:
		snprintf(loc, lsize, "机械车库%d号", 1 + (i - 1) / 120 % 3);
		snprintf(name, nsize, "机械%03d", i);
		break;
	default:
		snprintf(loc, lsize, "%s", ground[demo_rng_range(&g->r, 0, 5)]);
		snprintf(name, nsize, "地面%03d", i);
		break;
	}
}

/* A rented space's contract: most run for months yet, some end within the
 * reminder window, a few ended lately and wait for renewal. */
static const char *
contract(struct demo_gen *g, int32_t *start, int32_t *end)
{
	int x = demo_rng_range(&g->r, 0, 999);
	const char *note = "";

	if (x < 30) {
		*end = g->today - demo_rng_range(&g->r, 1, 30);
		note = "到期未续约";
	} else if (x < 120)
		*end = g->today + demo_rng_range(&g->r, 0, 30);
	else
		*end = g->today + demo_rng_range(&g->r, 31, 364);
	*start = date_add_months(*end + 1, -12);
	return note;
}

/* Space number i of n. */
static int
add_space(struct demo_gen *g, int64_t estate, const struct prices *pr,
    int has_underground, int i, int n)
{
	static const int type_w[] = { 22, 70, 8 };
	static const int own_w[3][3] = {	/* owned, rented, public */
		{ 100, 450, 450 }, { 350, 450, 200 }, { 0, 700, 300 } };
	static const int remind_w[] = { 80, 8, 8, 4 };
	static const int remind[] = { 30, 15, 60, 7 };
	char code[32], name[32], loc[64], d1[DATE_BUFSIZE], d2[DATE_BUFSIZE];
	const struct demo_occ *o;
	const char *note;
	int t, own, rc;
	int32_t start, end;
	int64_t space;

	t = has_underground ? demo_rng_weighted(&g->r, type_w, 3) : 0;
	own = g->nocc == 0 ? 2 : demo_rng_weighted(&g->r, own_w[t], 3);
	snprintf(code, sizeof code, "P-%s-%03d", g->estate_code, i);
	describe(g, t, i, n, name, sizeof name, loc, sizeof loc);
	o = g->nocc ? &g->occ[demo_rng_range(&g->r, 0, (int)g->nocc - 1)] :
	    NULL;
	if (own == 0)
		rc = DEMO_RUN(g, DEMO_ST_SPACE, "tItttt" "IIII" "tnit", code,
		    estate, name, types[t], loc, "owned", o->room, o->owner,
		    pr->fee, (int64_t)0, date_format(o->owner_start, d1),
		    remind[0], "");
	else if (own == 1) {
		note = contract(g, &start, &end);
		rc = DEMO_RUN(g, DEMO_ST_SPACE, "tItttt" "IIII" "ttit", code,
		    estate, name, types[t], loc, "rented", o->room, o->user,
		    (int64_t)0, pr->rent[t], date_format(start, d1),
		    date_format(end, d2),
		    remind[demo_rng_weighted(&g->r, remind_w, 4)], note);
	} else
		rc = DEMO_RUN(g, DEMO_ST_SPACE, "tItttt" "nnII" "nnit", code,
		    estate, name, types[t], loc, "public",
		    round_to(pr->rent[t] * 6 / 5, 1000), (int64_t)0, remind[0],
		    "临时停车");
	if (rc != WY_OK)
		return rc;
	space = demo_last_id(g);
	if (own != 2 && demo_rng_chance(&g->r, 900))
		return add_vehicle(g, own == 0 ? o->owner : o->user, space);
	return WY_OK;
}

int
demo_parking(struct demo_gen *g, int64_t estate)
{
	const struct demo_city *c = g->city;
	struct prices pr;
	int n, i, ug, rc;
	size_t k;

	n = g->estate_rooms * demo_rng_range(&g->r, 35, 75) / 100;
	n = n > 0 ? n : 1;
	ug = demo_rng_chance(&g->r, 850);
	pr.rent[1] = round_to(demo_rng_range(&g->r, c->park_rent_lo,
	    c->park_rent_hi), 5000);
	pr.rent[0] = round_to(pr.rent[1] * 7 / 10, 1000);
	pr.rent[2] = round_to(pr.rent[1] * 8 / 10, 1000);
	pr.fee = round_to(demo_rng_range(&g->r, c->park_fee_lo,
	    c->park_fee_hi), 1000);
	for (i = 1; i <= n; i++)
		if ((rc = add_space(g, estate, &pr, ug, i, n)) != WY_OK)
			return rc;
	for (k = 0; k < g->nocc; k++)
		if (demo_rng_chance(&g->r, 40) &&
		    (rc = add_vehicle(g, g->occ[k].user, 0)) != WY_OK)
			return rc;
	return WY_OK;
}

void
demo_gen_free(struct demo_gen *g)
{
	free(g->owners);
	free(g->firms);
	free(g->occ);
	free(g->room);
	g->room = NULL;
	g->nroom = g->caproom = 0;
	g->owners = g->firms = NULL;
	g->occ = NULL;
	demo_set_free(&g->ids);
	demo_set_free(&g->mobiles);
	demo_set_free(&g->plates);
	demo_set_free(&g->firm_names);
}
