/* wuye: the people of the demo data: owners, tenants and residents of the
 * rooms with their history, family members, leases, parking and vehicles.
 *
 * Every non-vacant room has one current owner link, the payer; with a
 * history window of M months some rooms changed owner (the old link ends
 * the day before the new one starts, so payers never overlap) or tenant.
 * Rented rooms have a current tenant and a run of one-year leases from the
 * tenant's start up to today.  Some owners (investors) own several rooms,
 * companies own and rent most shops and offices.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/date.h"
#include "wuye/db.h"
#include "wuye/demo.h"
#include "wuye/demo_gen.h"
#include "wuye/i18n.h"

#define FAMILY_MAX 5

/* A family member or a company's staff member. */
struct member {
	char name[40];
	char gender;
	const char *relation;	/* category relation */
	char id_no[24];		/* "" or an 18-digit ID number */
	char phone[16];
};

/* A person client before it is written. */
struct person {
	char surname[16];
	char name[40];
	char gender;		/* 'M' or 'F' */
	const char *id_type;	/* category id_type */
	char id_no[24];
	char hukou[96];
	char home_phone[24];
	char mobile[16];
	char em_name[40];
	char em_phone[16];
	int32_t birth;
	int nfam;
	struct member fam[FAMILY_MAX];
};

/* Append v to a growing array of int64_t. */
static void
push_id(int64_t **a, size_t *n, size_t *cap, int64_t v)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		if ((*a = realloc(*a, *cap * sizeof **a)) == NULL)
			abort();
	}
	(*a)[(*n)++] = v;
}

/* A day between `lo` and `hi` inclusive. */
static int32_t
day_between(struct demo_gen *g, int32_t lo, int32_t hi)
{
	return hi <= lo ? lo : demo_rng_range(&g->r, lo, hi);
}

/* A birth date in the years ylo..yhi. */
static int32_t
birth_between(struct demo_gen *g, int ylo, int yhi)
{
	return day_between(g, date_from_ymd(ylo, 1, 1),
	    date_from_ymd(yhi, 12, 31));
}

/* A valid unused ID number for someone, or WY_EFAIL. */
static int
idcard(struct demo_gen *g, int32_t birth, char gender, char *id,
    size_t size, char *hukou, size_t hsize)
{
	char scratch[96];

	if (hukou == NULL)
		hukou = scratch, hsize = sizeof scratch;
	if (demo_idcard(&g->r, g->city, birth, gender, &g->ids, id, size,
	    hukou, hsize) != 0)
		return wy_fail(g->e, WY_EFAIL,
		    "demo: cannot make an ID number (is ident.c complete?)");
	return WY_OK;
}

/* Add a family member to p with the given surname, relation and birth. */
static int
add_member(struct demo_gen *g, struct person *p, const char *surname,
    char gender, const char *relation, int32_t birth, int id_permille)
{
	struct member *m;
	int rc;

	if (p->nfam >= FAMILY_MAX || birth >= g->today - 30 ||
	    birth < date_from_ymd(1920, 1, 1))
		return WY_OK;
	m = &p->fam[p->nfam++];
	memset(m, 0, sizeof *m);
	m->gender = gender;
	m->relation = relation;
	demo_name_with_surname(&g->r, surname, gender, m->name, sizeof m->name);
	if (demo_rng_chance(&g->r, id_permille) && (rc = idcard(g, birth,
	    gender, m->id_no, sizeof m->id_no, NULL, 0)) != WY_OK)
		return rc;
	if ((g->today - birth) / 365 >= 14 && demo_rng_chance(&g->r, 850))
		demo_mobile(&g->r, &g->mobiles, m->phone, sizeof m->phone);
	return WY_OK;
}

/* Spouse, children, sometimes a parent or a sibling of an owner. */
static int
make_family(struct demo_gen *g, struct person *p)
{
	static const int kids_w[] = { 25, 50, 22, 3 };
	const char *father = p->surname;
	char spouse_surname[16] = "";
	int age = (g->today - p->birth) / 365, n, i, rc = WY_OK;
	char other = p->gender == 'M' ? 'F' : 'M';

	if (age >= 24 && demo_rng_chance(&g->r, 850)) {
		snprintf(spouse_surname, sizeof spouse_surname, "%s",
		    demo_surname(&g->r));
		if (p->gender == 'F')
			father = spouse_surname;
		rc = add_member(g, p, spouse_surname, other, "spouse",
		    p->birth + demo_rng_range(&g->r, -5 * 365, 5 * 365), 700);
	}
	n = age >= 26 ? demo_rng_weighted(&g->r, kids_w, 4) : 0;
	for (i = 0; i < n && rc == WY_OK; i++)
		rc = add_member(g, p, father, demo_rng_chance(&g->r, 510) ? 'M' :
		    'F', "child", p->birth + demo_rng_range(&g->r, 24 * 365,
		    38 * 365), 550);
	if (rc == WY_OK && demo_rng_chance(&g->r, 150)) {
		other = demo_rng_chance(&g->r, 500) ? 'M' : 'F';
		rc = add_member(g, p, other == 'M' ? p->surname :
		    demo_surname(&g->r), other, "parent", p->birth -
		    demo_rng_range(&g->r, 22 * 365, 35 * 365), 600);
	}
	if (rc == WY_OK && demo_rng_chance(&g->r, 40))
		rc = add_member(g, p, p->surname, demo_rng_chance(&g->r, 500) ?
		    'M' : 'F', "sibling", p->birth + demo_rng_range(&g->r,
		    -8 * 365, 8 * 365), 400);
	return rc;
}

/* Make up a person born in ylo..yhi, with a family when `family`. */
static int
make_person(struct demo_gen *g, int ylo, int yhi, int family,
    struct person *p)
{
	static const int id_w[] = { 965, 15, 15, 5 };
	int rc, i;

	memset(p, 0, sizeof *p);
	p->gender = demo_rng_chance(&g->r, 520) ? 'M' : 'F';
	snprintf(p->surname, sizeof p->surname, "%s", demo_surname(&g->r));
	demo_name_with_surname(&g->r, p->surname, p->gender, p->name,
	    sizeof p->name);
	p->birth = birth_between(g, ylo, yhi);
	switch (demo_rng_weighted(&g->r, id_w, 4)) {
	case 0:
		p->id_type = "idcard";
		if ((rc = idcard(g, p->birth, p->gender, p->id_no,
		    sizeof p->id_no, p->hukou, sizeof p->hukou)) != WY_OK)
			return rc;
		break;
	case 1:
		p->id_type = "passport";
		snprintf(p->id_no, sizeof p->id_no, "E%08d",
		    demo_rng_range(&g->r, 0, 99999999));
		break;
	case 2:
		p->id_type = "hkmo";
		snprintf(p->id_no, sizeof p->id_no, "H%08d",
		    demo_rng_range(&g->r, 0, 99999999));
		snprintf(p->hukou, sizeof p->hukou, "香港特别行政区");
		break;
	default:
		p->id_type = "tw";
		snprintf(p->id_no, sizeof p->id_no, "%08d",
		    demo_rng_range(&g->r, 0, 99999999));
		snprintf(p->hukou, sizeof p->hukou, "台湾省");
		break;
	}
	if (demo_rng_chance(&g->r, 985))
		demo_mobile(&g->r, &g->mobiles, p->mobile, sizeof p->mobile);
	if (demo_rng_chance(&g->r, 250))
		demo_landline(&g->r, g->city, p->home_phone,
		    sizeof p->home_phone);
	if (family && demo_rng_chance(&g->r, 650) &&
	    (rc = make_family(g, p)) != WY_OK)
		return rc;
	for (i = 0; i < p->nfam; i++)
		if (p->fam[i].phone[0] != '\0') {
			snprintf(p->em_name, sizeof p->em_name, "%s",
			    p->fam[i].name);
			snprintf(p->em_phone, sizeof p->em_phone, "%s",
			    p->fam[i].phone);
			return WY_OK;
		}
	if (demo_rng_chance(&g->r, 850)) {
		demo_person_name(&g->r, demo_rng_chance(&g->r, 500) ? 'M' : 'F',
		    p->em_name, sizeof p->em_name);
		demo_mobile(&g->r, &g->mobiles, p->em_phone,
		    sizeof p->em_phone);
	}
	return WY_OK;
}

/* Write family or staff members of client id. */
static int
insert_members(struct demo_gen *g, int64_t id, const struct member *m,
    int n)
{
	char gender[2] = "";
	int i, rc;

	for (i = 0; i < n; i++) {
		gender[0] = m[i].gender;
		if ((rc = DEMO_RUN(g, DEMO_ST_FAMILY, "Ittttt" "t", id,
		    m[i].name, gender, m[i].relation, m[i].id_no[0] ? "idcard" :
		    "", m[i].id_no, m[i].phone)) != WY_OK)
			return rc;
	}
	return WY_OK;
}

/* A new person client (and family); *id gets the client, *people the
 * client and family members (who may live in the room). */
static int
new_person(struct demo_gen *g, int ylo, int yhi, int family, int64_t *id,
    int *people)
{
	struct person p;
	char code[24], gender[2] = "";
	int rc;

	if ((rc = make_person(g, ylo, yhi, family, &p)) != WY_OK)
		return rc;
	snprintf(code, sizeof code, "C%06lld", (long long)++g->nclients);
	gender[0] = p.gender;
	if ((rc = DEMO_RUN(g, DEMO_ST_CLIENT, "tttttt" "ttttt" "tt", code,
	    p.name, "person", gender, p.id_type, p.id_no, p.hukou,
	    p.home_phone, p.mobile, p.em_name, p.em_phone, "", "")) != WY_OK)
		return rc;
	*id = demo_last_id(g);
	if (people != NULL)
		*people = 1 + p.nfam;
	return insert_members(g, *id, p.fam, p.nfam);
}

/* A new company client with a contact person and a few staff. */
static int
new_company(struct demo_gen *g, int64_t *id)
{
	struct member staff[3];
	char code[24], name[96], uscc[20], contact[40], mobile[16], phone[24];
	int i, n = demo_rng_range(&g->r, 1, 3), rc;

	demo_company_name(&g->r, g->city, &g->firm_names, name, sizeof name);
	demo_uscc(&g->r, g->city, uscc, sizeof uscc);
	demo_person_name(&g->r, demo_rng_chance(&g->r, 550) ? 'M' : 'F',
	    contact, sizeof contact);
	demo_mobile(&g->r, &g->mobiles, mobile, sizeof mobile);
	demo_landline(&g->r, g->city, phone, sizeof phone);
	snprintf(code, sizeof code, "C%06lld", (long long)++g->nclients);
	if ((rc = DEMO_RUN(g, DEMO_ST_CLIENT, "tttttt" "ttttt" "tt", code,
	    name, "company", "", "license", uscc, "", phone, mobile, "", "",
	    contact, uscc)) != WY_OK)
		return rc;
	*id = demo_last_id(g);
	push_id(&g->firms, &g->nfirms, &g->capfirms, *id);
	memset(staff, 0, sizeof staff);
	for (i = 0; i < n; i++) {
		staff[i].gender = demo_rng_chance(&g->r, 500) ? 'M' : 'F';
		staff[i].relation = "employee";
		demo_person_name(&g->r, staff[i].gender, staff[i].name,
		    sizeof staff[i].name);
		demo_mobile(&g->r, &g->mobiles, staff[i].phone,
		    sizeof staff[i].phone);
	}
	return insert_members(g, *id, staff, n);
}

/* An owner for a room: a company, an investor who owns more, or a new
 * person with a family.  *people: who of them may live there. */
static int
pick_owner(struct demo_gen *g, int commercial, int rented, int64_t *id,
    int *people)
{
	int rc;

	*people = 0;
	if (commercial ? demo_rng_chance(&g->r, 550) :
	    demo_rng_chance(&g->r, 10)) {
		if (g->nfirms > 0 && demo_rng_chance(&g->r, 400)) {
			*id = g->firms[demo_rng_range(&g->r, 0,
			    (int)g->nfirms - 1)];
			return WY_OK;
		}
		return new_company(g, id);
	}
	if (!commercial && g->nowners > 0 &&
	    demo_rng_chance(&g->r, rented ? 120 : 25)) {
		*id = g->owners[demo_rng_range(&g->r, 0, (int)g->nowners - 1)];
		return WY_OK;
	}
	if ((rc = new_person(g, 1950, 1995, 1, id, people)) != WY_OK)
		return rc;
	if (!commercial)
		push_id(&g->owners, &g->nowners, &g->capowners, *id);
	return WY_OK;
}

/* A link of client to room; end 0: current. */
static int
add_link(struct demo_gen *g, int64_t room, int64_t client, const char *role,
    int32_t start, int32_t end, int payer)
{
	char d1[DATE_BUFSIZE], d2[DATE_BUFSIZE];

	return DEMO_RUN(g, DEMO_ST_OCC, "IItttI", room, client, role,
	    date_format(start, d1), end ? date_format(end, d2) : NULL,
	    (int64_t)payer);
}

/* Rent rounded half-up to whole hundreds of yuan, at least 100 yuan. */
static int64_t
round_rent(int64_t fen)
{
	fen = (fen + 5000) / 10000 * 10000;
	return fen < 10000 ? 10000 : fen;
}

/* One-year leases for a tenancy from start to end (0: current, then up
 * to past today). */
static int
leases(struct demo_gen *g, int64_t room, int64_t client, int commercial,
    int64_t charge_area, int32_t start, int32_t end)
{
	char code[24], d1[DATE_BUFSIZE], d2[DATE_BUFSIZE];
	int64_t rate, rent;
	int32_t ls, le;
	int deposit, rc;
	const char *note;

	rate = demo_rng_range(&g->r, g->city->rent_lo, g->city->rent_hi);
	if (commercial)
		rate = rate * demo_rng_range(&g->r, 15, 30) / 10;
	rent = round_rent(charge_area * rate / 100);
	deposit = commercial ? 3 : demo_rng_chance(&g->r, 700) ? 2 : 1;
	for (ls = start;; ls = le + 1) {
		le = date_add_months(ls, 12) - 1;
		note = "";
		if (end && le >= end) {
			if (le > end)
				note = "提前退租";
			le = end;
		}
		if (le <= ls)
			break;
		snprintf(code, sizeof code, "HT%07lld",
		    (long long)++g->nleases);
		if ((rc = DEMO_RUN(g, DEMO_ST_LEASE, "tIIIIttt", code, room,
		    client, rent, rent * deposit, date_format(ls, d1),
		    date_format(le, d2), note)) != WY_OK)
			return rc;
		if (end ? le >= end : le >= g->today)
			break;
		rent = round_rent(rent * (100 + demo_rng_range(&g->r, 0, 5)) /
		    100);
	}
	return WY_OK;
}

/* A tenant client: mostly a company for shops and offices. */
static int
new_tenant(struct demo_gen *g, int commercial, int64_t *id, int *people)
{
	*people = 0;
	if (commercial && demo_rng_chance(&g->r, 650))
		return new_company(g, id);
	*people = 1;
	return new_person(g, 1970, 2000, 0, id, NULL);
}

/* The tenants of a rented room, past (within the window) and current. */
static int
tenants(struct demo_gen *g, int64_t room, int commercial,
    int64_t charge_area, int32_t handover, int64_t *current)
{
	int32_t lo = handover + 15 > g->today - 1095 ? handover + 15 :
	    g->today - 1095, d = 0, start;
	int64_t old;
	int people, months = g->o->months, rc;

	if (lo > g->today - 1)
		lo = g->today - 1;
	if (months > 0 && demo_rng_chance(&g->r, (months < 36 ? months : 36) *
	    20)) {
		d = day_between(g, g->hist, g->today - 1);
		if (d - 90 < lo)
			d = 0;
	}
	if (d != 0) {
		start = day_between(g, lo, d - 90);
		if ((rc = new_tenant(g, commercial, &old, &people)) != WY_OK ||
		    (rc = add_link(g, room, old, "tenant", start, d - 1, 0)) !=
		    WY_OK ||
		    (rc = leases(g, room, old, commercial, charge_area, start,
		    d - 1)) != WY_OK)
			return rc;
		start = d;
	} else
		start = day_between(g, lo, g->today - 1);
	if ((rc = new_tenant(g, commercial, current, &people)) != WY_OK ||
	    (rc = add_link(g, room, *current, "tenant", start, 0, 0)) != WY_OK ||
	    (rc = leases(g, room, *current, commercial, charge_area, start,
	    0)) != WY_OK)
		return rc;
	g->population += people ? people + demo_rng_range(&g->r, 0, 2) : 0;
	if (people && demo_rng_chance(&g->r, 120)) {
		if ((rc = new_person(g, 1950, 2000, 0, &old, NULL)) != WY_OK)
			return rc;
		g->population++;
		return add_link(g, room, old, "resident", start, 0, 0);
	}
	return WY_OK;
}

int
demo_occupy(struct demo_gen *g, int64_t room, const char *state,
    int commercial, int64_t charge_area, int32_t handover)
{
	struct demo_occ *o;
	int rented = strcmp(state, "rented") == 0, people;
	int months = g->o->months;
	int32_t start = handover, d;
	int64_t owner, prev, id;
	int rc;

	if (demo_rng_chance(&g->r, 250) && g->hist - 1 > handover + 30)
		start = day_between(g, handover + 30, g->hist - 1);
	if ((rc = pick_owner(g, commercial, rented, &owner, &people)) != WY_OK)
		return rc;
	if (months > 0 && demo_rng_chance(&g->r, (months < 60 ? months : 60) *
	    6) && (d = day_between(g, g->hist, g->today - 1)) > start + 30) {
		prev = owner;
		if ((rc = pick_owner(g, commercial, rented, &owner, &people)) !=
		    WY_OK)
			return rc;
		if (owner != prev) {
			if ((rc = add_link(g, room, prev, "owner", start, d - 1, 1)) !=
			    WY_OK)
				return rc;
			start = d;
		}
	}
	if ((rc = add_link(g, room, owner, "owner", start, 0, 1)) != WY_OK)
		return rc;
	if (g->nocc == g->capocc) {
		g->capocc = g->capocc ? g->capocc * 2 : 256;
		if ((g->occ = realloc(g->occ, g->capocc * sizeof *g->occ)) ==
		    NULL)
			abort();
	}
	o = &g->occ[g->nocc++];
	*o = (struct demo_occ){ .room = room, .owner = owner, .user = owner,
	    .owner_start = start };
	if (rented)
		return tenants(g, room, commercial, charge_area, handover,
		    &o->user);
	if (strcmp(state, "owner") != 0)
		return WY_OK;
	g->population += people;
	if (people && demo_rng_chance(&g->r, 100)) {
		if ((rc = new_person(g, 1950, 2000, 0, &id, NULL)) != WY_OK)
			return rc;
		g->population++;
		return add_link(g, room, id, "resident", start, 0, 0);
	}
	return WY_OK;
}
