/* wuye: realistic demo data (`wuye demo`).
 *
 * Fills an empty database with estates, buildings, rooms, clients and their
 * links, family members, leases, handover findings, parking spaces and
 * vehicles, the way a property company in one Chinese city would have them,
 * and with --months M the charges of the last M months (fee items,
 * standards, meters and readings, bill runs, payments, arrears,
 * prepayment, voids, waivers, deposits, every month but the last closed;
 * none above DEMO_CHARGE_ROOMS_MAX rooms),
 * and the demo users admin, manager, cashier, clerk and engineer (password
 * "demo").  The data is a pure function of the options and today's date
 * (history is anchored at date_today()), so the same seed gives the same
 * rows.  The property and client rows go in in one transaction.
 */
#ifndef WUYE_DEMO_H
#define WUYE_DEMO_H

#include <stdint.h>

#include "wuye/error.h"
#include "wuye/session.h"

#define DEMO_ROOMS_MAX 1000000
#define DEMO_MONTHS_MAX 120
#define DEMO_PASSWORD "demo"
#define DEMO_CHARGE_ROOMS_MAX 200000	/* no charges data above this */

struct demo_opts {
	int rooms;		/* how many rooms, 1..DEMO_ROOMS_MAX */
	int months;		/* history: owners and tenants changed in the
				 * last months, 0..DEMO_MONTHS_MAX */
	uint64_t seed;		/* same seed, same data */
};

/* Called as the work goes on: stage ("users", "rooms", "parking"), done
 * out of total.  May be NULL. */
typedef void demo_progress_fn(void *arg, const char *stage, long done,
    long total);

/* Create the demo data.  Refused with WY_ECONFLICT (nothing changed) if the
 * database already has an estate or a client; WY_EUSAGE for options out of
 * range.  The demo users that do not exist yet are added first, through
 * user_add() (each in its own transaction, hashed at the configured
 * strength); then everything else in one transaction, with one audit entry
 * "demo.create"; then the charges of the months (demo_charge.c) through
 * bill_run, cashier_pay, period_close and the like as the demo manager and
 * cashier, each in its own transaction (a failure there leaves the
 * property data and the months done so far, all consistent). */
int demo_create(struct session *s, const struct demo_opts *o,
    demo_progress_fn *progress, void *arg, struct wy_err *e);

/* Row counts, for the summary of `wuye demo` and for tests. */
struct demo_counts {
	int64_t estates;
	int64_t buildings;
	int64_t rooms;
	int64_t clients;
	int64_t links;		/* occupancy rows, past and current */
	int64_t family;
	int64_t leases;
	int64_t findings;	/* handover findings */
	int64_t spaces;		/* parking spaces */
	int64_t vehicles;
	int64_t fee_items;
	int64_t meters;
	int64_t readings;
	int64_t bills;
	int64_t receipts;	/* of every kind, voided ones too */
	int64_t voided;
	int64_t waivers;
	int64_t closed;		/* closed periods */
	int64_t arrears;	/* rooms with a bill past its due date unpaid */
	int64_t prepaid;	/* clients with a prepayment balance */
};

/* Count the rows of the tables demo_create fills (needs property.read). */
int demo_count(struct session *s, struct demo_counts *out, struct wy_err *e);

/* 1 if the database was filled by demo_create (the log-in screen then
 * names the demo users). */
int demo_is_demo(struct session *s);

#endif
