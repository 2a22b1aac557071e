/* wuye: `wuye warnings [--period P] [--date D]`: the arrears warnings
 * (warn.h) as TSV: kind, scope, code, name, value, limit.  Amounts are
 * yuan, ages days, attempts counts, rates percent with two decimals.  The
 * limits come from the configuration's [warn] section.
 */
#include "wuye/cli.h"

#include <getopt.h>
#include <stdio.h>

#include "wuye/i18n.h"
#include "wuye/money.h"
#include "wuye/warn.h"

extern const struct cli_cmd cli_cmd_warnings;

/* Write value v of warning w's unit into buf. */
static const char *
warnings_value(const struct warn_item *w, int64_t v, char *buf, size_t size)
{
	char n[MONEY_BUFSIZE];

	if (w->kind[0] == 'a' && w->kind[1] == 'r')	/* arrears */
		return money_format(v, buf, size);
	if (w->kind[0] == 'r') {			/* rate */
		snprintf(buf, size, "%s%%", fixed_format(v, 2, n, sizeof n));
		return buf;
	}
	snprintf(buf, size, "%lld", (long long)v);
	return buf;
}

/* Print one warning. */
static int
warnings_print(void *arg, const struct warn_item *w)
{
	char v[MONEY_BUFSIZE + 2], l[MONEY_BUFSIZE + 2];

	(void)arg;
	printf("%s\t%s\t%s\t%s\t%s\t%s\n", w->kind, w->scope, w->code, w->name,
	    warnings_value(w, w->value, v, sizeof v),
	    warnings_value(w, w->limit, l, sizeof l));
	return 0;
}

/* Parse the options and list the warnings. */
static int
cmd_warnings(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "period", required_argument, NULL, 'p' },
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	struct warn_limits l;
	const char *period = NULL, *date = NULL;
	char why[128];
	int ch, rc;

	optind = 0;	/* glibc: start afresh, permuting again */
	while ((ch = cli_getopt(argc, argv, ":", opts)) != -1) {
		switch (ch) {
		case 'p':
			period = optarg;
			break;
		case 'd':
			date = optarg;
			break;
		default:
			snprintf(why, sizeof why, ch == ':' ?
			    _("option %s needs a value") :
			    _("unknown option %s"), argv[optind - 1]);
			return cli_usage(c, &cli_cmd_warnings, why);
		}
	}
	if (optind != argc)
		return cli_usage(c, &cli_cmd_warnings, _("too many arguments"));
	if ((rc = warn_limits_conf(c->conf, &l, &c->err)) != WY_OK)
		return rc;
	printf("kind\tscope\tcode\tname\tvalue\tlimit\n");
	return warn_list(&c->sess, &l, period, date, warnings_print, NULL,
	    &c->err);
}

const struct cli_cmd cli_cmd_warnings = {
	.name = "warnings",
	.args = "[--period YYYY-MM] [--date YYYY-MM-DD]",
	.help = N_("list rooms with arrears over the limits and estates or buildings collecting too little"),
	.flags = CLI_NEED_DB | CLI_LOGIN | CLI_READONLY,
	.exec = cmd_warnings,
};
