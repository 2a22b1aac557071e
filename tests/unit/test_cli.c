/* wuye unit tests: the command line's option parsing (cli_getopt): a
 * negative number is an argument, "--" ends the options, an option's value
 * may begin with '-'. */
#include <check.h>
#include <getopt.h>
#include <string.h>

#include "wuye/cli.h"

static const struct option opts[] = {
	{ "method", required_argument, NULL, 'm' },
	{ "note", required_argument, NULL, 'n' },
	{ "prepay", no_argument, NULL, 'p' },
	{ NULL, 0, NULL, 0 },
};

/* Parse the words of line (space-separated, at most 15) as a command's
 * options; got gets the options found ("m=cash p"), args the arguments
 * ("1-101|-10.00").  Returns the last getopt result before -1. */
static int
parse(const char *line, char *got, char *args)
{
	static char buf[256];
	char *argv[16], *w;
	int argc = 0, ch, last = 0;

	snprintf(buf, sizeof buf, "%s", line);
	for (w = strtok(buf, " "); w != NULL && argc < 15; w = strtok(NULL, " "))
		argv[argc++] = w;
	argv[argc] = NULL;
	*got = *args = '\0';
	optind = 0;
	while ((ch = cli_getopt(argc, argv, ":o:", opts)) != -1) {
		last = ch;
		if (*got != '\0')
			strcat(got, " ");
		if (ch == 'm' || ch == 'n' || ch == 'o')
			sprintf(got + strlen(got), "%c=%s", ch, optarg);
		else
			sprintf(got + strlen(got), "%c", ch);
	}
	for (; optind < argc; optind++) {
		if (*args != '\0')
			strcat(args, "|");
		strcat(args, argv[optind]);
	}
	return last;
}

START_TEST(test_getopt)
{
	char got[256], args[256];

	parse("pay 1-101 -10.00 --method cash", got, args);
	ck_assert_str_eq(got, "m=cash");
	ck_assert_str_eq(args, "1-101|-10.00");
	parse("pay --method cash 1-101 -.5 --prepay", got, args);
	ck_assert_str_eq(got, "m=cash p");
	ck_assert_str_eq(args, "1-101|-.5");
	parse("pay 1-101 10 --method=cash --note -x", got, args);
	ck_assert_str_eq(got, "m=cash n=-x");
	ck_assert_str_eq(args, "1-101|10");
	parse("pay --note -- 1 2", got, args);	/* "--" as a value */
	ck_assert_str_eq(got, "n=--");
	ck_assert_str_eq(args, "1|2");
	parse("pay --meth cash -o f.txt -ox 1", got, args);
	ck_assert_str_eq(got, "m=cash o=f.txt o=x");
	ck_assert_str_eq(args, "1");
	parse("pay --method cash -- 1-101 -x --prepay", got, args);
	ck_assert_str_eq(got, "m=cash");
	ck_assert_str_eq(args, "1-101|-x|--prepay");
	parse("pay - -5", got, args);
	ck_assert_str_eq(got, "");
	ck_assert_str_eq(args, "-|-5");
	ck_assert_int_eq(parse("pay 1 -x", got, args), '?');
	ck_assert_int_eq(parse("pay 1 --bogus", got, args), '?');
	ck_assert_int_eq(parse("pay 1 --method", got, args), ':');
}
END_TEST

Suite *
cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("cli_getopt");

	tcase_add_test(tc, test_getopt);
	suite_add_tcase(s, tc);
	return s;
}
