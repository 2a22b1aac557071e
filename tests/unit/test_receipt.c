/* wuye: unit tests for receipt.c (receipt text, printing, encoding and
 * the hand-over), the template language and pre-printed forms
 * (receipt_tpl.c, receipt_form.c) and the calibration store
 * (receipt_calib.c). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/cashier.h"
#include "wuye/embed.h"
#include "wuye/receipt.h"
#include "wuye/receipt_tpl.h"
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

	/* Printing converts (print.c's own tests cover the encodings). */
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


/* Values for the template tests: every field named after itself. */
static const char *const tv_lines[] = {
	"物业费", "2026-09", "89.500", "2.3456", "0.00", "209.93",
	"Water", "2026-10", "10.000", "1.0000", "1.50", "10.00",
};

/* Fill v with "<name>" for every field and the two lines above. */
static void
tv_fill(struct receipt_values *v)
{
	static char names[RF_COUNT][32];
	int i;

	memset(v, 0, sizeof *v);
	for (i = 0; i < RF_COUNT; i++) {
		snprintf(names[i], sizeof names[i], "<%s>",
		    receipt_field_name(i));
		v->field[i] = names[i];
	}
	v->nlines = 2;
	v->lines = tv_lines;
}

/* Render text with v; fails the test on an error. */
static char *
tv_render(const char *text, const struct receipt_values *v)
{
	struct receipt_tpl *t = NULL;
	struct wy_err e = { 0 };
	char *out = NULL;

	ck_assert_msg(receipt_tpl_parse("t.txt", text, &t, &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_int_eq(receipt_tpl_render(t, v, &out, &e), WY_OK);
	receipt_tpl_free(&t);
	ck_assert_ptr_null(t);
	return out;
}

/* The error of parsing text. */
static const char *
tv_error(const char *text)
{
	static struct wy_err e;
	struct receipt_tpl *t = NULL;

	memset(&e, 0, sizeof e);
	ck_assert_int_eq(receipt_tpl_parse("my.txt", text, &t, &e),
	    WY_EINVALID);
	ck_assert_ptr_null(t);
	return e.msg;
}

START_TEST(test_tpl_empty)
{
	struct receipt_values v;
	char *out;

	tv_fill(&v);
	out = tv_render("", &v);
	ck_assert_str_eq(out, "");
	free(out);
	out = tv_render("plain {{text} 收据\n", &v);
	ck_assert_str_eq(out, "plain {text} 收据\n");
	free(out);
	v.nlines = 0;
	out = tv_render("a\n{lines}\n{item}\n{end}\nb", &v);
	ck_assert_str_eq(out, "a\nb");
	free(out);
}
END_TEST

START_TEST(test_tpl_every_field)
{
	struct receipt_values v;
	char text[2048], want[2048], line[64];
	char *out;
	int i;

	tv_fill(&v);
	*text = *want = '\0';
	for (i = 0; i < RF_COUNT; i++) {
		snprintf(line, sizeof line, "{%s}|\n", receipt_field_name(i));
		strcat(text, line);
		snprintf(line, sizeof line, "<%s>|\n", receipt_field_name(i));
		strcat(want, line);
	}
	strcat(text, "{lines}\n");
	for (i = 0; i < RL_COUNT; i++) {
		snprintf(line, sizeof line, "{%s};", receipt_line_field_name(i));
		strcat(text, line);
	}
	strcat(text, "\n{end}\n");
	strcat(want, "物业费;2026-09;89.500;2.3456;0.00;209.93;\n"
	    "Water;2026-10;10.000;1.0000;1.50;10.00;\n");
	out = tv_render(text, &v);
	ck_assert_str_eq(out, want);
	free(out);
	ck_assert_ptr_null(receipt_field_name(RF_COUNT));
	ck_assert_ptr_null(receipt_line_field_name(-1));
}
END_TEST

START_TEST(test_tpl_align_cjk)
{
	struct receipt_values v;
	char *out;

	tv_fill(&v);
	v.field[RF_PAYER] = "欧阳张三丰";
	v.field[RF_ROOM] = "1-101";
	out = tv_render("[{payer:12}][{room:12}]\n[{payer:>12}][{room:>12}]\n"
	    "[{payer:^14}][{room:^8}]\n[{payer:7}][{payer:<3}]\n", &v);
	ck_assert_str_eq(out,
	    "[欧阳张三丰  ][1-101       ]\n"
	    "[  欧阳张三丰][       1-101]\n"
	    "[  欧阳张三丰  ][ 1-101  ]\n"
	    "[欧阳张…][欧…]\n");
	free(out);
	/* The lines block: the period column starts at column 21 on both
	 * lines though one item is Chinese. */
	out = tv_render("{lines}{item:20} {period}|{end}", &v);
	ck_assert_str_eq(out, "物业费               2026-09|"
	    "Water                2026-10|");
	free(out);
}
END_TEST

START_TEST(test_tpl_blocks)
{
	struct receipt_values v;
	char *out;

	tv_fill(&v);
	v.field[RF_NOTE] = "";
	v.field[RF_TENDERED] = "100.00";
	out = tv_render("a\n{if note}\nnote {note}\n{end}\n"
	    "{if tendered}\ncash {tendered}\n{end}\n"
	    "{# a comment}\n{if note}x{end}{if change}y{end}\n"
	    "  {if note}x{end}  \nz\n", &v);
	ck_assert_str_eq(out, "a\ncash 100.00\ny\nz\n");
	free(out);
	/* {if} on a line field, inside {lines}. */
	out = tv_render("{lines}{item}{if late_fee}+{late_fee}{end};{end}\n",
	    &v);
	ck_assert_str_eq(out, "物业费+0.00;Water+1.50;\n");
	free(out);
}
END_TEST

START_TEST(test_tpl_errors)
{
	ck_assert_str_eq(tv_error("ok\n  {foo}"),
	    "my.txt:2:3: unknown placeholder '{foo}'");
	ck_assert_str_eq(tv_error("收据 {item}"),
	    "my.txt:1:4: a field of the lines block outside {lines} ... {end}: "
	    "'{item}'");
	ck_assert_str_eq(tv_error("{if amount}x{end}"),
	    "my.txt:1:1: a field of the lines block outside {lines} ... {end}: "
	    "'{if amount}'");
	ck_assert_str_eq(tv_error("{if nothing}x{end}"),
	    "my.txt:1:1: unknown field in '{if nothing}'");
	ck_assert_str_eq(tv_error("a {total:0}"),
	    "my.txt:1:3: bad width (write {name:12}, {name:>12} or {name:^12}, "
	    "1 to 250 columns) in '{total:0}'");
	ck_assert_ptr_nonnull(strstr(tv_error("{total:251}"), "bad width"));
	ck_assert_ptr_nonnull(strstr(tv_error("{total:>}"), "bad width"));
	ck_assert_ptr_nonnull(strstr(tv_error("{total:x9}"), "bad width"));
	ck_assert_str_eq(tv_error("ab {total\n"),
	    "my.txt:1:4: a '{' that is not closed by '}' (write {{ for a brace): "
	    "'{total'");
	ck_assert_str_eq(tv_error("{end}"),
	    "my.txt:1:1: {end} without {if} or {lines}: '{end}'");
	ck_assert_str_eq(tv_error("x\n{lines}\n{item}\n"),
	    "my.txt:2:1: a block not closed by {end}: '{lines}'");
	ck_assert_str_eq(tv_error("{lines}{lines}{end}{end}"),
	    "my.txt:1:8: {lines} inside {lines}: '{lines}'");
	ck_assert_str_eq(tv_error("\xff"), "my.txt: not UTF-8 text");
}
END_TEST

START_TEST(test_tpl_builtin)
{
	const struct embed_file *f = embed_find("templates/receipt.txt");
	struct receipt_tpl *t = NULL;
	struct wy_err e = { 0 };

	ck_assert_ptr_nonnull(f);
	ck_assert_msg(receipt_tpl_parse(f->name, (const char *)f->data, &t,
	    &e) == WY_OK, "%s", e.msg);
	receipt_tpl_free(&t);
	receipt_tpl_free(&t);
}
END_TEST

/* A small form: two fields, two rows of two columns. */
static const char form_ini[] =
	"[form]\nlength = 6\n"
	"[fields]\nnumber = 1 10 8 right\npayer = 2 3 6\ntotal = 5 14 6 right\n"
	"[lines]\nfirst = 3\nrows = 2\nitem = 2 8\namount = 12 8 right\n";

START_TEST(test_form_render)
{
	struct receipt_form *f = NULL;
	struct receipt_values v;
	struct wy_err e = { 0 };
	char *out;

	ck_assert_msg(receipt_form_parse("f.ini", form_ini, strlen(form_ini),
	    &f, &e) == WY_OK, "%s", e.msg);
	tv_fill(&v);
	v.field[RF_NUMBER] = "T-1-01";
	v.field[RF_PAYER] = "欧阳张三丰";
	v.field[RF_TOTAL] = "219.93";
	out = receipt_form_render(f, &v, 0, 0);
	ck_assert_str_eq(out,
	    "           T-1-01\n"
	    "  欧阳 …\n"		/* 张 does not fit in 5 columns */
	    " 物业费      209.93\n"
	    " Water        10.00\n"
	    "             219.93\n"
	    "\n");
	free(out);
	/* Moved down one line and left two columns; what falls before
	 * column 1 starts at it. */
	out = receipt_form_render(f, &v, 1, -2);
	ck_assert_str_eq(out,
	    "\n"
	    "         T-1-01\n"
	    "欧阳 …\n"
	    "物业费     209.93\n"
	    "Water       10.00\n"
	    "           219.93\n");
	free(out);
	/* Three lines on two rows: the last row sums the rest. */
	v.nlines = 3;
	v.lines = (const char *const[]){ "a", "", "", "", "", "1.00",
	    "b", "", "", "", "", "2.00", "c", "", "", "", "", "3.05" };
	out = receipt_form_render(f, &v, 0, 0);
	ck_assert_ptr_nonnull(strstr(out, "\n a             1.00\n"
	    " 其余2项       5.05\n"));
	free(out);
	out = receipt_form_pattern(f, 0, 1);
	ck_assert_str_eq(out,
	    "          number.|\n"
	    "   payer|\n"
	    "  item...|  amount.|\n"
	    "  item...|  amount.|\n"
	    "              total|\n"
	    "\n");
	free(out);
	receipt_form_free(&f);
	ck_assert_ptr_null(f);
}
END_TEST

/* The error of parsing a layout. */
static const char *
form_error(const char *text)
{
	static struct wy_err e;
	struct receipt_form *f = NULL;

	memset(&e, 0, sizeof e);
	ck_assert_int_eq(receipt_form_parse("f.ini", text, strlen(text), &f,
	    &e), WY_EINVALID);
	ck_assert_ptr_null(f);
	return e.msg;
}

START_TEST(test_form_errors)
{
	const struct embed_file *b;
	struct receipt_form *f = NULL;
	struct wy_err e = { 0 };

	ck_assert_str_eq(form_error("[fields]\nnumber = 1 x 8\n"),
	    "f.ini: [fields] number: '1 x 8' is not LINE COLUMN WIDTH "
	    "[left|right|centre]");
	ck_assert_str_eq(form_error("[fields]\nnumber = 1 2 8 up\n"),
	    "f.ini: [fields] number: '1 2 8 up' is not LINE COLUMN WIDTH "
	    "[left|right|centre]");
	ck_assert_str_eq(form_error("[fields]\nnobody = 1 2 8\n"),
	    "f.ini: [fields] unknown field 'nobody'");
	ck_assert_str_eq(form_error("[lines]\nitem = 1 2 8\n"),
	    "f.ini: [lines] item: '1 2 8' is not COLUMN WIDTH "
	    "[left|right|centre]");
	ck_assert_str_eq(form_error("[lines]\nitem = 1 8\n"),
	    "f.ini: [lines] needs first and rows");
	ck_assert_str_eq(form_error("[page]\na = 1\n"),
	    "f.ini: unknown section [page] (fields, lines or form)");
	ck_assert_str_eq(form_error("[form]\nlength = -1\n"),
	    "f.ini: [form] length: '-1' is not a number of lines 0 to 200");
	ck_assert_ptr_nonnull(strstr(form_error("[fields\n"), "f.ini"));
	b = embed_find("templates/receipt-preprinted.ini");
	ck_assert_ptr_nonnull(b);
	ck_assert_msg(receipt_form_parse(b->name, (const char *)b->data, b->len,
	    &f, &e) == WY_OK, "%s", e.msg);
	receipt_form_free(&f);
}
END_TEST

START_TEST(test_no_zero_prepay_line)
{
	struct cashier_payment p = { .room_id = 1, .amount = 0,
	    .method = "cash", .tendered = -1, .draw = 5000,
	    .date = "2026-11-21" };
	struct cashier_receipt r;
	struct wy_err e = { 0 };
	char *text;

	/* The setup's receipt kept 80.07: "预存转入" without "预存抵扣". */
	ck_assert_int_eq(receipt_text(&fx.s, number, 0, &text, &e), WY_OK);
	ck_assert_ptr_nonnull(strstr(text, "预存转入: 80.07\n"));
	ck_assert_ptr_null(strstr(text, "预存抵扣"));
	free(text);
	fixture_sql(&fx, "INSERT INTO bills (id, room_id, client_id, "
	    "fee_item_id, period, quantity, unit_price, amount, due_date) "
	    "VALUES (3, 1, 1, 2, '2026-11', 1000, 10000, 1000, '2026-11-25')");
	ck_assert_msg(cashier_pay(&fx.s, &p, &r, &e) == WY_OK, "%s", e.msg);
	ck_assert_int_eq(receipt_text(&fx.s, r.number, 0, &text, &e), WY_OK);
	ck_assert_ptr_nonnull(strstr(text, "\n预存抵扣: 10.00\n"));
	ck_assert_ptr_null(strstr(text, "预存转入"));
	free(text);
}
END_TEST

START_TEST(test_user_template)
{
	struct wy_err e = { 0 };
	char *text;

	fixture_file(&fx, "data/templates/receipt.txt",
	    "{number}|{payer:>12}|{total_words}\n");
	ck_assert_msg(receipt_text(&fx.s, number, 0, &text, &e) == WY_OK, "%s",
	    e.msg);
	ck_assert_str_eq(text, "C-system-000001|  欧阳张三丰|叁佰元整\n");
	free(text);
	/* receipt.template names another file; an error names it. */
	ck_assert_int_eq(conf_set(fx.conf, "receipt.template",
	    fixture_file(&fx, "bad.txt", "{number}\n{nope}\n"), &e), WY_OK);
	ck_assert_int_eq(receipt_text(&fx.s, number, 0, &text, &e),
	    WY_EINVALID);
	ck_assert_ptr_null(text);
	ck_assert_ptr_nonnull(strstr(e.msg, "/bad.txt:2:1: unknown placeholder "
	    "'{nope}'"));
	ck_assert_int_eq(conf_set(fx.conf, "receipt.template", "/nonexistent",
	    &e), WY_OK);
	ck_assert_int_eq(receipt_text(&fx.s, number, 0, &text, &e),
	    WY_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(e.msg, "receipt.template: /nonexistent"));
}
END_TEST

START_TEST(test_calibration)
{
	struct wy_err e = { 0 };
	char name[RECEIPT_TERMINAL_MAX];
	int lines, cols;

	ck_assert_int_eq(conf_set(fx.conf, "receipt.terminal", "desk1", &e),
	    WY_OK);
	ck_assert_int_eq(receipt_terminal(fx.conf, name, &e), WY_OK);
	ck_assert_str_eq(name, "desk1");
	ck_assert_int_eq(receipt_offsets(&fx.s, NULL, &lines, &cols, &e),
	    WY_OK);
	ck_assert_int_eq(lines, 0);
	ck_assert_int_eq(cols, 0);
	ck_assert_int_eq(receipt_calibrate(&fx.s, NULL, 2, -3, &e), WY_OK);
	ck_assert_int_eq(receipt_calibrate(&fx.s, "desk2", -1, 4, &e), WY_OK);
	ck_assert_int_eq(receipt_offsets(&fx.s, NULL, &lines, &cols, &e),
	    WY_OK);
	ck_assert_int_eq(lines, 2);
	ck_assert_int_eq(cols, -3);
	ck_assert_int_eq(receipt_offsets(&fx.s, "desk2", &lines, &cols, &e),
	    WY_OK);
	ck_assert_int_eq(lines, -1);
	ck_assert_int_eq(cols, 4);
	ck_assert_int_eq(receipt_calibrate(&fx.s, NULL, 51, 0, &e),
	    WY_EINVALID);
	ck_assert_str_eq(e.msg, "lines: 51 is out of range -50..50");
	ck_assert_int_eq(receipt_calibrate(&fx.s, NULL, 0, -51, &e),
	    WY_EINVALID);
	ck_assert_int_eq(receipt_calibrate(&fx.s, "bad name", 0, 0, &e),
	    WY_EINVALID);
	ck_assert_int_eq(receipt_calibrate(&fx.s, "", 0, 0, &e), WY_EINVALID);
	ck_assert_int_eq(receipt_offsets(&fx.s, NULL, &lines, &cols, &e),
	    WY_OK);
	ck_assert_int_eq(lines, 2);
	ck_assert_int_eq(db_int64(fx.db, &(int64_t){ 0 }, &e, "SELECT 1 FROM "
	    "audit WHERE action = 'print.calibrate' AND detail = "
	    "'desk1 lines 2 cols -3'", ""), WY_OK);
	/* A given name is checked; a derived one is made safe. */
	ck_assert_int_eq(conf_set(fx.conf, "receipt.terminal", "a b", &e),
	    WY_OK);
	ck_assert_int_eq(receipt_terminal(fx.conf, name, &e), WY_EINVALID);
	ck_assert_int_eq(conf_set(fx.conf, "receipt.terminal", "", &e), WY_OK);
	setenv("WUYE_TERMINAL", "前台", 1);
	ck_assert_int_eq(receipt_terminal(fx.conf, name, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "WUYE_TERMINAL"));
	unsetenv("WUYE_TERMINAL");
	ck_assert_int_eq(receipt_terminal(fx.conf, name, &e), WY_OK);
	ck_assert_int_gt(strlen(name), 0);
	ck_assert_int_le(strlen(name), 30);
}
END_TEST

START_TEST(test_form_print)
{
	struct wy_err e = { 0 };
	char cmd[256], out[200];
	char *text;

	snprintf(out, sizeof out, "%s/form", fx.dir);
	snprintf(cmd, sizeof cmd, "cat > '%s'", out);
	ck_assert_int_eq(conf_set(fx.conf, "print.command", cmd, &e), WY_OK);
	ck_assert_int_eq(conf_set(fx.conf, "receipt.terminal", "desk1", &e),
	    WY_OK);
	ck_assert_int_eq(conf_set(fx.conf, "receipt.preprinted", "yes", &e),
	    WY_OK);
	ck_assert_int_eq(conf_set(fx.conf, "receipt.layout", fixture_file(&fx,
	    "f.ini", form_ini), &e), WY_OK);
	ck_assert_int_eq(receipt_calibrate(&fx.s, NULL, 0, 1, &e), WY_OK);
	ck_assert_msg(receipt_print(&fx.s, number, &e) == WY_OK, "%s", e.msg);
	text = slurp(out);
	ck_assert_str_eq(text,
	    "          C-syste…\n"
	    "   欧阳 …\n"
	    "  物业管 …    209.93\n"
	    "  Water        10.00\n"
	    "              300.00\n"
	    "\n");
	free(text);
	ck_assert_int_eq(receipt_print_pattern(&fx.s, &e), WY_OK);
	text = slurp(out);
	ck_assert_ptr_nonnull(strstr(text, "          number.|\n"));
	free(text);
}
END_TEST

/* Pay 1.00 into prepayment; the receipt number goes to buf. */
static int
pay_one(char *buf, struct wy_err *e)
{
	struct cashier_payment p = { .room_id = 1, .amount = 100,
	    .method = "cash", .tendered = -1, .keep_surplus = 1,
	    .date = "2026-11-20" };
	struct cashier_receipt r;
	int rc;

	*buf = '\0';
	if ((rc = cashier_pay(&fx.s, &p, &r, e)) == WY_OK)
		snprintf(buf, CASHIER_NUMBER_MAX, "%s", r.number);
	return rc;
}

/* The first column of the first row of sql, as an integer. */
static int64_t
q1(const char *sql)
{
	struct wy_err e = { 0 };
	int64_t v = -1;

	ck_assert_msg(db_int64(fx.db, &v, &e, sql, "") == WY_OK, "%s: %s", sql,
	    e.msg);
	return v;
}

START_TEST(test_series_terminal)
{
	struct wy_err e = { 0 };
	char n[CASHIER_NUMBER_MAX];

	ck_assert_int_eq(conf_set(fx.conf, "receipt.series", "terminal", &e),
	    WY_OK);
	ck_assert_int_eq(conf_set(fx.conf, "receipt.terminal", "desk1", &e),
	    WY_OK);
	ck_assert_int_eq(pay_one(n, &e), WY_OK);
	ck_assert_str_eq(n, "T-desk1-000001");
	ck_assert_int_eq(pay_one(n, &e), WY_OK);
	ck_assert_str_eq(n, "T-desk1-000002");
	ck_assert_int_eq(conf_set(fx.conf, "receipt.terminal", "desk2", &e),
	    WY_OK);
	ck_assert_int_eq(pay_one(n, &e), WY_OK);
	ck_assert_str_eq(n, "T-desk2-000001");
	ck_assert_int_eq(conf_set(fx.conf, "receipt.terminal", "desk1", &e),
	    WY_OK);
	ck_assert_int_eq(pay_one(n, &e), WY_OK);
	ck_assert_str_eq(n, "T-desk1-000003");
	/* A failed payment takes no number. */
	ck_assert_int_eq(cashier_pay(&fx.s, &(struct cashier_payment){
	    .room_id = 1, .amount = 100, .method = "cash", .tendered = -1,
	    .date = "2026-11-20" }, NULL, &e), WY_EINVALID);
	ck_assert_int_eq(pay_one(n, &e), WY_OK);
	ck_assert_str_eq(n, "T-desk1-000004");
	/* Gap-free: each series' numbers are 1..next_no - 1. */
	ck_assert_int_eq(q1("SELECT count(*) FROM receipt_series s WHERE"
	    " next_no - 1 <> (SELECT count(*) FROM receipts r WHERE"
	    " r.series_id = s.id) OR next_no - 1 <> (SELECT coalesce(max(seq),"
	    " 0) FROM receipts r WHERE r.series_id = s.id)"), 0);
	ck_assert_int_eq(q1("SELECT next_no FROM receipt_series WHERE code ="
	    " 'T:desk1'"), 5);
	ck_assert_int_eq(q1("SELECT next_no FROM receipt_series WHERE code ="
	    " 'T:desk2'"), 2);
	/* Back to the cashier's series: it goes on where it was. */
	ck_assert_int_eq(conf_set(fx.conf, "receipt.series", "cashier", &e),
	    WY_OK);
	ck_assert_int_eq(pay_one(n, &e), WY_OK);
	ck_assert_str_eq(n, "C-system-000002");
}
END_TEST

START_TEST(test_series_prefix)
{
	struct wy_err e = { 0 };
	char n[CASHIER_NUMBER_MAX];

	ck_assert_int_eq(conf_set(fx.conf, "receipt.series", "terminal", &e),
	    WY_OK);
	ck_assert_int_eq(conf_set(fx.conf, "receipt.terminal", "d3", &e),
	    WY_OK);
	ck_assert_int_eq(conf_set(fx.conf, "receipt.prefix", "收{series}/",
	    &e), WY_OK);
	ck_assert_int_eq(pay_one(n, &e), WY_OK);
	ck_assert_str_eq(n, "收d3/000001");
	/* A fixed prefix serves one series; a second would clash. */
	ck_assert_int_eq(conf_set(fx.conf, "receipt.prefix", "SJ", &e), WY_OK);
	ck_assert_int_eq(conf_set(fx.conf, "receipt.terminal", "d4", &e),
	    WY_OK);
	ck_assert_int_eq(pay_one(n, &e), WY_OK);
	ck_assert_str_eq(n, "SJ000001");
	ck_assert_int_eq(conf_set(fx.conf, "receipt.terminal", "d5", &e),
	    WY_OK);
	ck_assert_int_eq(pay_one(n, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "receipt.prefix: series T:d5 would be numbered "
	    "SJ000001 like series T:d4; put {series} in the prefix");
	ck_assert_int_eq(conf_set(fx.conf, "receipt.prefix", "{user}-", &e),
	    WY_OK);
	ck_assert_int_eq(pay_one(n, &e), WY_EINVALID);
	ck_assert_str_eq(e.msg, "receipt.prefix: '{user}-': the only "
	    "placeholder is {series}");
	ck_assert_int_eq(conf_set(fx.conf, "receipt.prefix",
	    "{series}-{series}", &e), WY_OK);
	ck_assert_int_eq(conf_set(fx.conf, "receipt.terminal",
	    "abcdefghijklmnopqrstuvwxy", &e), WY_OK);
	ck_assert_int_eq(pay_one(n, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "is longer than"));
	ck_assert_int_eq(q1("SELECT count(*) FROM receipt_series WHERE code ="
	    " 'T:d5'"), 0);
	/* A series keeps the prefix it was made with. */
	ck_assert_int_eq(conf_set(fx.conf, "receipt.terminal", "d3", &e),
	    WY_OK);
	ck_assert_int_eq(pay_one(n, &e), WY_OK);
	ck_assert_str_eq(n, "收d3/000002");
	/* A bad terminal name is refused before anything is written. */
	ck_assert_int_eq(conf_set(fx.conf, "receipt.terminal", "a b", &e),
	    WY_OK);
	ck_assert_int_eq(pay_one(n, &e), WY_EINVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "receipt.terminal: 'a b'"));
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
	tcase_add_test(tc, test_no_zero_prepay_line);
	tcase_add_test(tc, test_user_template);
	tcase_add_test(tc, test_calibration);
	tcase_add_test(tc, test_form_print);
	tcase_add_test(tc, test_series_terminal);
	tcase_add_test(tc, test_series_prefix);
	suite_add_tcase(s, tc);
	tc = tcase_create("receipt_tpl");
	tcase_add_test(tc, test_tpl_empty);
	tcase_add_test(tc, test_tpl_every_field);
	tcase_add_test(tc, test_tpl_align_cjk);
	tcase_add_test(tc, test_tpl_blocks);
	tcase_add_test(tc, test_tpl_errors);
	tcase_add_test(tc, test_tpl_builtin);
	tcase_add_test(tc, test_form_render);
	tcase_add_test(tc, test_form_errors);
	suite_add_tcase(s, tc);
	return s;
}
