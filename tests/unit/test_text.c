/* wuye unit tests: the one check of free text (text.c), and that every
 * path a free text comes by (form fields and imports, the cashier's notes
 * and reasons, expenses, row actions) refuses the same too-long text with
 * the same message. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/cashier.h"
#include "wuye/entity.h"
#include "wuye/expense.h"
#include "wuye/text.h"

static struct fixture fx;

/* Room 1 with payer C1 and bill 1 of 209.93; expense 1 requested. */
static void
setup(void)
{
	fixture_open(&fx);
	fixture_sql(&fx,
	    "INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');"
	    "INSERT INTO buildings (id, code, estate_id, name) VALUES "
	    "(1, 'B1', 1, '1号楼');"
	    "INSERT INTO rooms (id, code, building_id, floor, build_area, "
	    "charge_area) VALUES (1, '1-101', 1, 1, 8950, 8950);"
	    "INSERT INTO clients (id, code, name) VALUES (1, 'C1', '张三');"
	    "INSERT INTO occupancy (room_id, client_id, role, start_date, payer)"
	    " VALUES (1, 1, 'owner', '2020-01-01', 1);"
	    "INSERT INTO fee_items (id, code, name, method, unit_price) VALUES "
	    "(1, 'WY', '物业管理费', 'area', 23456);"
	    "INSERT INTO fee_items (id, code, name, method, deposit) VALUES "
	    "(3, 'YJ', '装修押金', 'oneoff', 1);"
	    "INSERT INTO bills (id, room_id, client_id, fee_item_id, period, "
	    "quantity, unit_price, amount, due_date) VALUES "
	    "(1, 1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15');"
	    "INSERT INTO expenses (id, type, amount, payee, requested_on, state)"
	    " VALUES (1, 'materials', 12345, '五金店', '2026-10-03',"
	    " 'requested')");
}

static void
teardown(void)
{
	fixture_close(&fx);
}

static int64_t
q(const char *sql)
{
	struct wy_err e = { 0 };
	int64_t v = -1;

	ck_assert_msg(db_int64(fx.db, &v, &e, sql, "") == WY_OK, "%s: %s", sql,
	    e.msg);
	return v;
}

/* n copies of the UTF-8 character c, malloc'd. */
static char *
repeat(const char *c, size_t n)
{
	size_t len = strlen(c), i;
	char *s = malloc(n * len + 1);

	ck_assert_ptr_nonnull(s);
	for (i = 0; i < n; i++)
		memcpy(s + i * len, c, len);
	s[n * len] = '\0';
	return s;
}

/* The message ends with tail. */
static void
ends_with(const struct wy_err *e, const char *tail)
{
	size_t n = strlen(e->msg), m = strlen(tail);

	ck_assert_msg(n >= m && strcmp(e->msg + n - m, tail) == 0,
	    "'%s' does not end with '%s'", e->msg, tail);
}

START_TEST(test_check)
{
	struct wy_err e = { 0 };
	char *s;

	ck_assert_int_eq(TEXT_MAX, 2000);
	ck_assert_int_eq(text_check("note", NULL, 0, 0, &e), WY_OK);
	ck_assert_int_eq(text_check("note", "", 0, 0, &e), WY_OK);
	ck_assert_int_eq(text_check("note", "十月\t物业费", 0, 0, &e), WY_OK);
	/* The limit is in characters: 2000 Chinese ones are 6000 bytes. */
	s = repeat("字", TEXT_MAX);
	ck_assert_int_eq(text_check("note", s, 0, 0, &e), WY_OK);
	free(s);
	s = repeat("字", TEXT_MAX + 1);
	ck_assert_int_eq(text_check("note", s, 0, 0, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "note: too long (2001 characters, at most 2000)");
	/* A field's own smaller limit; never more than TEXT_MAX. */
	ck_assert_int_eq(text_check("Name", "abcd", 3, 0, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "Name: too long (4 characters, at most 3)");
	ck_assert_int_eq(text_check("Note", s, 100000, TEXT_LINES, &e),
	    WY_EINVALID);
	ck_assert_str_eq(e.msg, "Note: too long (2001 characters, at most 2000)");
	free(s);
	/* Control characters; line breaks only in multi-line text. */
	ck_assert_int_eq(text_check("note", "a\nb", 0, 0, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "note: control characters are not allowed");
	ck_assert_int_eq(text_check("note", "a\r\nb\tc", 0, TEXT_LINES, &e),
	    WY_OK);
	ck_assert_int_eq(text_check("note", "a\x1b[2Jb", 0, TEXT_LINES, &e),
	    WY_EINVALID);
	ck_assert_int_eq(text_check("note", "a\x7f", 0, TEXT_LINES, &e),
	    WY_EINVALID);
	ck_assert_int_eq(text_check("note", "a\xc2\x85z", 0, TEXT_LINES, &e),
	    WY_EINVALID);	/* U+0085, a C1 control */
	ck_assert_int_eq(text_check("note", "a\xc2\xa0z", 0, TEXT_LINES, &e),
	    WY_OK);	/* U+00A0, a no-break space */
	/* Invalid UTF-8. */
	ck_assert_int_eq(text_check("note", "a\xff", 0, 0, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "note: the text is not valid UTF-8");
	ck_assert_int_eq(text_check("note", "\xe5\xad", 0, TEXT_LINES, &e),
	    WY_EINVALID);
}
END_TEST

/* The same 2,001 characters are refused by every path with the same
 * message but for the field's name, and nothing is written; 2,000 pass. */
START_TEST(test_paths_agree)
{
	static const char tail[] = ": too long (2001 characters, at most 2000)";
	struct cashier_payment p = { .room_id = 1, .amount = 1000,
	    .method = "cash", .tendered = -1 };
	struct cashier_receipt r;
	struct wy_err e = { 0 };
	struct entity *clients = NULL, *expenses = NULL;
	struct value v;
	size_t i;
	char *ok = repeat("备", TEXT_MAX), *bad = repeat("备", TEXT_MAX + 1);

	/* A form field (and so an import, which parses with field_parse). */
	ck_assert_int_eq(entity_load(fx.conf, "clients", &clients, &e), WY_OK);
	ck_assert_int_eq(field_parse(&fx.s, clients, entity_field(clients,
	    "note"), bad, 0, &v, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "Note: too long (2001 characters, at most 2000)");
	ck_assert_int_eq(field_parse(&fx.s, clients, entity_field(clients,
	    "note"), ok, 0, &v, &e), WY_OK);
	free(v.s);
	entity_free(&clients);

	/* The cashier: a payment's note, a void's and a waiver's reason,
	 * a deposit's note, a refund's reason. */
	p.note = bad;
	ck_assert_int_eq(cashier_pay(&fx.s, &p, &r, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "note: too long (2001 characters, at most 2000)");
	ck_assert_int_eq(q("SELECT count(*) FROM receipts"), 0);
	ck_assert_int_eq(cashier_void(&fx.s, "C-system-000001", bad, &e),
	    WY_EINVALID);
	ends_with(&e, tail);
	ck_assert_int_eq(cashier_waive(&fx.s, 1, 100, bad, &e), WY_EINVALID);
	ends_with(&e, tail);
	ck_assert_int_eq(cashier_deposit_take(&fx.s, 1, 0, 3, 50000, "cash",
	    bad, &r, NULL, &e), WY_EINVALID);
	ends_with(&e, tail);
	ck_assert_int_eq(cashier_refund(&fx.s, 1, 0, 100, "cash", bad, &r, &e),
	    WY_EINVALID);
	ends_with(&e, tail);
	ck_assert_int_eq(q("SELECT count(*) FROM receipts"), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM waivers"), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM deposits"), 0);
	p.note = ok;
	ck_assert_msg(cashier_pay(&fx.s, &p, &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(q("SELECT length(note) FROM receipts"), TEXT_MAX);

	/* An expense's rejection, directly and as a row action's answer. */
	ck_assert_int_eq(expense_reject(&fx.s, 1, bad, NULL, &e), WY_EINVALID);
	ends_with(&e, tail);
	ck_assert_int_eq(entity_load(fx.conf, "expenses", &expenses, &e),
	    WY_OK);
	for (i = 0; i < expenses->nactions; i++)
		if (strcmp(expenses->actions[i].name, "reject") == 0)
			break;
	ck_assert_uint_lt(i, expenses->nactions);
	ck_assert_int_eq(entity_action_run(&fx.s, expenses, i, 1, bad, &e),
	    WY_EINVALID);
	ends_with(&e, tail);
	ck_assert_int_eq(q("SELECT count(*) FROM expenses WHERE id = 1"
	    " AND state = 'requested'"), 1);
	entity_free(&expenses);
	free(ok);
	free(bad);
}
END_TEST

Suite *
text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc;

	tc = tcase_create("text_check");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_check);
	tcase_add_test(tc, test_paths_agree);
	suite_add_tcase(s, tc);
	return s;
}
