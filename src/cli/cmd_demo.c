/* wuye: `wuye demo [--rooms N] [--months M] [--seed S] [--if-missing]`.
 *
 * The database is opened here rather than by main(), so that --if-missing
 * can leave an existing file untouched (not even migrated).  Progress goes
 * to stderr when it is a terminal; the summary to stdout.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wuye/cli.h"
#include "wuye/demo.h"
#include "wuye/i18n.h"

const struct cli_cmd cli_cmd_demo;

/* The options that take a number, and their ranges. */
static const struct {
	const char *name;
	uint64_t min, max;
} numopts[] = {
	{ "--rooms", 1, DEMO_ROOMS_MAX },
	{ "--months", 0, DEMO_MONTHS_MAX },
	{ "--seed", 0, UINT64_MAX },
};
#define NUMOPTS ((int)(sizeof numopts / sizeof numopts[0]))

/* Parse the value of numeric option k into *out; a usage error naming the
 * option if it is not a whole number in range. */
static int
parse_number(struct cli *c, int k, const char *s, uint64_t *out)
{
	char why[200], *end;
	unsigned long long v = 0;

	errno = 0;
	if (s != NULL && *s >= '0' && *s <= '9')
		v = strtoull(s, &end, 10);
	if (s == NULL || *s < '0' || *s > '9' || errno != 0 || *end != '\0' ||
	    v < numopts[k].min || v > numopts[k].max) {
		if (s == NULL)
			snprintf(why, sizeof why, _("%s needs a value"),
			    numopts[k].name);
		else if (numopts[k].max == UINT64_MAX)
			snprintf(why, sizeof why,
			    _("%s: '%s' is not a non-negative whole number"),
			    numopts[k].name, s);
		else
			snprintf(why, sizeof why,
			    _("%s: '%s' is not a whole number from %llu to %llu"),
			    numopts[k].name, s,
			    (unsigned long long)numopts[k].min,
			    (unsigned long long)numopts[k].max);
		return cli_usage(c, &cli_cmd_demo, why);
	}
	*out = v;
	return WY_OK;
}

/* Progress on a terminal: "rooms 45000/100000", rewritten in place. */
static void
progress(void *arg, const char *stage, long done, long total)
{
	(void)arg;
	fprintf(stderr, "\r%s %ld/%ld\033[K", stage, done, total);
	fflush(stderr);
}

/* Parse the options, open (and create) the database, make the data. */
static int
cmd_demo(struct cli *c, int argc, char **argv)
{
	struct demo_opts o = { .rooms = 2000, .months = 12, .seed = 1 };
	struct demo_counts n;
	struct stat sb;
	const char *val;
	char why[160], name[32], *eq;
	uint64_t v = 0;
	int i, k, if_missing = 0, tty, rc;

	for (i = 1; i < argc; i++) {
		snprintf(name, sizeof name, "%s", argv[i]);
		val = NULL;
		if ((eq = strchr(name, '=')) != NULL) {
			*eq = '\0';
			val = argv[i] + (eq - name) + 1;
		}
		if (strcmp(name, "--if-missing") == 0 && val == NULL) {
			if_missing = 1;
			continue;
		}
		for (k = 0; k < NUMOPTS; k++)
			if (strcmp(name, numopts[k].name) == 0)
				break;
		if (k == NUMOPTS) {
			snprintf(why, sizeof why, _("unknown option '%s'"),
			    argv[i]);
			return cli_usage(c, &cli_cmd_demo, why);
		}
		if (val == NULL && i + 1 < argc)
			val = argv[++i];
		if ((rc = parse_number(c, k, val, &v)) != WY_OK)
			return rc;
		if (k == 0)
			o.rooms = (int)v;
		else if (k == 1)
			o.months = (int)v;
		else
			o.seed = v;
	}
	if (if_missing && c->db_path != NULL && stat(c->db_path, &sb) == 0) {
		printf(_("demo database %s already exists; left as it is\n"),
		    c->db_path);
		return WY_OK;
	}
	if ((rc = cli_open(c, CLI_CREATE_DB)) != WY_OK)
		return rc;
	cli_system(c);
	tty = isatty(STDERR_FILENO);
	rc = demo_create(&c->sess, &o, tty ? progress : NULL, NULL, &c->err);
	if (tty)
		fputs("\r\033[K", stderr);
	if (rc != WY_OK || (rc = demo_count(&c->sess, &n, &c->err)) != WY_OK)
		return rc;
	printf(_("demo data in %s (seed %" PRIu64 ", %d months of history):\n"),
	    c->db_path, o.seed, o.months);
	printf(_("  %lld estates, %lld buildings, %lld rooms\n"),
	    (long long)n.estates, (long long)n.buildings, (long long)n.rooms);
	printf(_("  %lld clients, %lld links to rooms, %lld family members, "
	    "%lld leases\n"), (long long)n.clients, (long long)n.links,
	    (long long)n.family, (long long)n.leases);
	printf(_("  %lld parking spaces, %lld vehicles, "
	    "%lld handover findings\n"), (long long)n.spaces,
	    (long long)n.vehicles, (long long)n.findings);
	if (o.rooms > DEMO_CHARGE_ROOMS_MAX)
		printf(_("  no charges: they are made for at most %d rooms\n"),
		    DEMO_CHARGE_ROOMS_MAX);
	else if (n.fee_items > 0)
	{
		printf(_("  %lld fee items, %lld meters, %lld readings, "
		    "%lld bills, %lld receipts (%lld void), %lld waivers\n"),
		    (long long)n.fee_items, (long long)n.meters,
		    (long long)n.readings, (long long)n.bills,
		    (long long)n.receipts, (long long)n.voided,
		    (long long)n.waivers);
		printf(_("  %lld periods closed, %lld rooms in arrears, "
		    "%lld clients with a prepayment balance\n"),
		    (long long)n.closed, (long long)n.arrears,
		    (long long)n.prepaid);
	}
	printf(_("log in as admin, manager, cashier, clerk or engineer with the password "
	    "%s\n"), DEMO_PASSWORD);
	return WY_OK;
}

const struct cli_cmd cli_cmd_demo = {
	.name = "demo",
	.args = "[--rooms N] [--months M] [--seed S] [--if-missing]",
	.help = N_("fill a new database with realistic demo data"),
	.flags = 0,
	.exec = cmd_demo,
};
