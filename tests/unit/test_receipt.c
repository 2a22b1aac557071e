/* wuye: unit tests for receipt.c (receipt text, printing, encoding and
 * the hand-over). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/cashier.h"
#include "wuye/receipt.h"
#include "wuye/utf8.h"

static struct fixture fx;
static char number[CASHIER_NUMBER_MAX];

/* A room with two bills and one paid by cash (300.00 of 500.00 handed). */
static void
setup(void)
{
	struct cashier_payment p = { .room_id = 1, .amount = 30000,
	    .method = "cash", .tendered = 50000, .keep_surplus = 1,
	    .date = "2026-11-20", .note = "十一月" };
	struct cashier_receipt r;
	struct wy_err e = { 0 };

	fixture_open(&fx);
	ck_assert_int_eq(conf_set(fx.conf, "company.name", "阳光物业管理有限公司",
	    &e), WY_OK);
	fixture_sql(&fx,
	    "INSERT INTO estates (id, code, name) VALUES (1, 'E1', '阳光花园');"
	    "INSERT INTO buildings (id, code, estate_id, name) VALUES "
	    "(1, 'B1', 1, '1号楼');"
	    "INSERT INTO rooms (id, code, building_id, floor, build_area, "
	    "charge_area) VALUES (1, '1-101', 1, 1, 8950, 8950);"
	    "INSERT INTO clients (id, code, name) VALUES (1, 'C1', '欧阳张三丰');"
	    "INSERT INTO occupancy (room_id, client_id, role, start_date, payer)"
	    " VALUES (1, 1, 'owner', '2020-01-01', 1);"
	    "INSERT INTO fee_items (id, code, name, method, unit_price) VALUES "
	    "(1, 'WY', '物业管理费（住宅）', 'area', 23456), "
	    "(2, 'WATER', 'Water', 'fixed', 10000);"
	    "INSERT INTO bills (id, room_id, client_id, fee_item_id, period, "
	    "quantity, unit_price, amount, due_date) VALUES "
	    "(1, 1, 1, 1, '2026-09', 89500, 23456, 20993, '2026-09-15'), "
	    "(2, 1, 1, 2, '2026-10', 1000, 10000, 1000, '2026-10-15')");
	ck_assert_msg(cashier_pay(&fx.s, &p, &r, &e) == WY_OK, "%s", e.msg);
	snprintf(number, sizeof number, "%s", r.number);
}

static void
teardown(void)
{
	fixture_close(&fx);
}

START_TEST(test_layout)
{
	struct wy_err e = { 0 };
	char *text, *line, *save = NULL;
	int items = 0;

	ck_assert_msg(receipt_text(&fx.s, number, 0, &text, &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_ptr_nonnull(strstr(text, "阳光物业管理有限公司"));
	ck_assert_ptr_nonnull(strstr(text, "C-system-000001"));
	ck_assert_ptr_nonnull(strstr(text, "1-101"));
	ck_assert_ptr_nonnull(strstr(text, "欧阳张三丰"));
	ck_assert_ptr_nonnull(strstr(text, "合计: 300.00"));
	ck_assert_ptr_nonnull(strstr(text, "大写: 人民币叁佰元整"));
	ck_assert_ptr_nonnull(strstr(text, "找零: 200.00"));
	ck_assert_ptr_nonnull(strstr(text, "预存转入: 80.07"));
	ck_assert_ptr_nonnull(strstr(text, "现金"));
	ck_assert_ptr_null(strstr(text, "重打"));
	ck_assert_ptr_null(strstr(text, "作废"));
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		ck_assert_msg(utf8_width(line) <= 80, "too wide: %s", line);
		/* Item lines (and the header) end at column 80 exactly. */
		if (strstr(line, "物业管理费") == line ||
		    strncmp(line, "Water", 5) == 0 ||
		    strncmp(line, "收费项目", 12) == 0) {
			ck_assert_msg(utf8_width(line) == 80, "%d: %s",
			    utf8_width(line), line);
			items++;
		}
	}
	ck_assert_int_eq(items, 3);
	free(text);
	ck_assert_msg(receipt_text(&fx.s, number, 1, &text, &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_ptr_nonnull(strstr(text, "重打"));
	free(text);
	ck_assert_int_eq(receipt_text(&fx.s, "C-x-1", 0, &text, &e),
	    WY_ENOTFOUND);
	ck_assert_ptr_null(text);
}
END_TEST

START_TEST(test_columns_line_up)
{
	struct wy_err e = { 0 };
	char *text, *a, *b;

	ck_assert_msg(receipt_text(&fx.s, number, 0, &text, &e) == WY_OK, "%s",
	    e.msg);
	/* The period column starts at display column 21 on both lines,
	 * though one item name is Chinese and the other ASCII. */
	a = strstr(text, "物业管理费");
	b = strstr(text, "\nWater") + 1;
	ck_assert_ptr_nonnull(a);
	*strstr(a, "2026-09") = '\0';
	*strstr(b, "2026-10") = '\0';
	ck_assert_int_eq(utf8_width(a), 21);
	ck_assert_int_eq(utf8_width(b), 21);
	free(text);
}
END_TEST

START_TEST(test_void_mark)
{
	struct wy_err e = { 0 };
	char *text;

	ck_assert_int_eq(cashier_void(&fx.s, number, "收错了", &e), WY_OK);
	ck_assert_msg(receipt_text(&fx.s, number, 0, &text, &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_ptr_nonnull(strstr(text, "[作废]"));
	ck_assert_ptr_nonnull(strstr(text, "收错了"));
	free(text);
}
END_TEST

/* The content of file path (malloc'd). */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = calloc(1, 65536);

	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(buf);
	ck_assert_int_gt(fread(buf, 1, 65535, f), 0);
	fclose(f);
	return buf;
}

START_TEST(test_print_reprint)
{
	struct wy_err e = { 0 };
	char cmd[256], out[200];
	char *text;
	int64_t printed;

	snprintf(out, sizeof out, "%s/printout", fx.dir);
	snprintf(cmd, sizeof cmd, "cat > '%s'", out);
	ck_assert_int_eq(conf_set(fx.conf, "print.command", cmd, &e), WY_OK);
	ck_assert_msg(receipt_print(&fx.s, number, &e) == WY_OK, "%s", e.msg);
	text = slurp(out);
	ck_assert_ptr_nonnull(strstr(text, "人民币叁佰元整"));
	ck_assert_ptr_null(strstr(text, "重打"));
	free(text);
	ck_assert_msg(receipt_print(&fx.s, number, &e) == WY_OK, "%s", e.msg);
	text = slurp(out);
	ck_assert_ptr_nonnull(strstr(text, "重打"));
	free(text);
	ck_assert_int_eq(db_int64(fx.db, &printed, &e, "SELECT printed FROM "
	    "receipts", ""), WY_OK);
	ck_assert_int_eq(printed, 2);
	/* A failing command counts nothing. */
	ck_assert_int_eq(conf_set(fx.conf, "print.command", "false", &e), WY_OK);
	ck_assert_int_eq(receipt_print(&fx.s, number, &e), WY_EFAIL);
	ck_assert_int_eq(db_int64(fx.db, &printed, &e, "SELECT printed FROM "
	    "receipts", ""), WY_OK);
	ck_assert_int_eq(printed, 2);
	ck_assert_int_eq(receipt_print(&fx.s, "C-x-9", &e), WY_ENOTFOUND);
}
END_TEST

START_TEST(test_gb18030)
{
	struct wy_err e = { 0 };
	char *out, cmd[256], path[200];
	size_t len;

	ck_assert_int_eq(receipt_encode("收据 A", "GB18030", &out, &len, &e),
	    WY_OK);
	ck_assert_int_eq(len, 6);
	ck_assert_mem_eq(out, "\xca\xd5\xbe\xdd A", 6);
	free(out);
	ck_assert_int_eq(receipt_encode("收据", "UTF-8", &out, &len, &e), WY_OK);
	ck_assert_int_eq(len, 6);
	ck_assert_str_eq(out, "收据");
	free(out);
	ck_assert_int_eq(receipt_encode("", "GB18030", &out, &len, &e), WY_OK);
	ck_assert_int_eq(len, 0);
	free(out);
	/* Printing converts. */
	snprintf(path, sizeof path, "%s/gb", fx.dir);
	snprintf(cmd, sizeof cmd, "cat > '%s'", path);
	ck_assert_int_eq(conf_set(fx.conf, "print.command", cmd, &e), WY_OK);
	ck_assert_int_eq(conf_set(fx.conf, "print.encoding", "GB18030", &e),
	    WY_OK);
	ck_assert_msg(receipt_print(&fx.s, number, &e) == WY_OK, "%s", e.msg);
	out = slurp(path);
	ck_assert_ptr_nonnull(strstr(out, "\xca\xd5\xbe\xdd"));
	ck_assert_ptr_null(strstr(out, "收据"));
	free(out);
}
END_TEST

START_TEST(test_handover)
{
	struct cashier_payment p = { .room_id = 1, .amount = 1000,
	    .method = "wechat", .tendered = -1, .keep_surplus = 1,
	    .date = "2026-11-20" };
	struct wy_err e = { 0 };
	char *text;

	ck_assert_int_eq(cashier_pay(&fx.s, &p, NULL, &e), WY_OK);
	p.amount = 500;
	ck_assert_int_eq(cashier_pay(&fx.s, &p, NULL, &e), WY_OK);
	ck_assert_int_eq(cashier_void(&fx.s, "C-system-000003", "x", &e), WY_OK);
	ck_assert_msg(receipt_handover(&fx.s, NULL, "2026-11-20", &text, &e) ==
	    WY_OK, "%s", e.msg);
	ck_assert_ptr_nonnull(strstr(text, "交班日报  system  2026-11-20"));
	ck_assert_ptr_nonnull(strstr(text, "C-system-000003\tpayment\t1-101\t"
	    "wechat\t5.00\tvoid"));
	ck_assert_ptr_nonnull(strstr(text, "\ncash\t1\t300.00\n"));
	ck_assert_ptr_nonnull(strstr(text, "\nwechat\t1\t10.00\n"));
	ck_assert_ptr_nonnull(strstr(text, "\ntotal\t2\t310.00\n"));
	ck_assert_ptr_nonnull(strstr(text, "\nvoid\t1\t5.00\n"));
	free(text);
	/* Today's hand-over lists the void made today. */
	ck_assert_int_eq(receipt_handover(&fx.s, NULL, NULL, &text, &e), WY_OK);
	ck_assert_ptr_nonnull(strstr(text, "\nC-system-000003\t2026-11-20\t"
	    "system\t5.00\tx\n"));
	free(text);
	ck_assert_int_eq(receipt_handover(&fx.s, "nobody", "2026-11-20", &text,
	    &e), WY_OK);
	ck_assert_ptr_nonnull(strstr(text, "\ntotal\t0\t0.00\n"));
	free(text);
	ck_assert_int_eq(receipt_handover(&fx.s, NULL, "2026-13-01", &text,
	    &e), WY_EINVALID);
}
END_TEST

Suite *
receipt_suite(void)
{
	Suite *s = suite_create("receipt");
	TCase *tc = tcase_create("receipt");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_layout);
	tcase_add_test(tc, test_columns_line_up);
	tcase_add_test(tc, test_void_mark);
	tcase_add_test(tc, test_print_reprint);
	tcase_add_test(tc, test_gb18030);
	tcase_add_test(tc, test_handover);
	suite_add_tcase(s, tc);
	return s;
}
