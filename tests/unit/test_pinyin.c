/* wuye unit tests: pinyin readings (every GB 2312 hanzi has one), the
 * initials and sort keys, surnames, natural order of codes. */
#include <check.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "wuye/dbcheck.h"
#include "wuye/entity.h"
#include "wuye/pinyin.h"

/* The code point of the UTF-8 character at s. */
static uint32_t
cp_of(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[0] < 0x80)
		return p[0];
	if (p[0] < 0xe0)
		return (uint32_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
	if (p[0] < 0xf0)
		return (uint32_t)(p[0] & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 |
		    (p[2] & 0x3f);
	return (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3f) << 12 |
	    (uint32_t)(p[2] & 0x3f) << 6 | (p[3] & 0x3f);
}

START_TEST(every_gb2312_hanzi_has_a_reading)
{
	iconv_t cd = iconv_open("UTF-8", "GB2312");
	char in[3], out[8], *ip, *op;
	size_t il, ol;
	int hi, lo, n = 0, missing = 0;

	ck_assert(cd != (iconv_t)-1);
	/* Levels 1 and 2: rows 0xB0-0xF7, cells 0xA1-0xFE, less the five
	 * unassigned cells at the end of row 0xD7. */
	for (hi = 0xb0; hi <= 0xf7; hi++)
		for (lo = 0xa1; lo <= 0xfe; lo++) {
			in[0] = (char)hi;
			in[1] = (char)lo;
			ip = in;
			il = 2;
			op = out;
			ol = sizeof out - 1;
			if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
				continue;
			*op = '\0';
			n++;
			if (pinyin_reading(cp_of(out), NULL) == NULL) {
				if (missing++ < 10)
					fprintf(stderr, "no reading: %s\n", out);
			}
		}
	iconv_close(cd);
	ck_assert_int_eq(n, 6763);
	ck_assert_int_eq(missing, 0);
}
END_TEST

START_TEST(common_readings)
{
	static const struct { const char *c, *syl; int tone; } t[] = {
		{ "张", "zhang", 1 }, { "三", "san", 1 }, { "丰", "feng", 1 },
		{ "王", "wang", 2 }, { "李", "li", 3 }, { "赵", "zhao", 4 },
		{ "绿", "lv", 4 }, { "女", "nv", 3 }, { "的", "de", 5 },
		{ "一", "yi", 1 }, { "物", "wu", 4 }, { "业", "ye", 4 },
		{ "燕", "yan", 4 }, { "家", "jia", 1 },
	};
	const char *syl;
	size_t i;
	int tone;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		syl = pinyin_reading(cp_of(t[i].c), &tone);
		ck_assert_msg(syl != NULL, "%s", t[i].c);
		ck_assert_str_eq(syl, t[i].syl);
		ck_assert_int_eq(tone, t[i].tone);
	}
	ck_assert_ptr_null(pinyin_reading('a', NULL));
	ck_assert_ptr_null(pinyin_reading(0x3002, NULL));	/* 。 */
}
END_TEST

/* The initials of text, freed. */
static void
ck_initials(const char *text, enum pinyin_order o, const char *want)
{
	char *got = pinyin_initials(text, o);

	ck_assert_msg(strcmp(got, want) == 0, "initials of '%s': '%s', not '%s'",
	    text, got, want);
	free(got);
}

START_TEST(initials)
{
	ck_initials("张三丰", PINYIN_TEXT, "zsf");
	ck_initials("王家燕", PINYIN_NAME, "wjy");
	ck_initials("张sf", PINYIN_TEXT, "zsf");
	ck_initials("ZSF", PINYIN_TEXT, "zsf");
	ck_initials("A1-2 栋", PINYIN_TEXT, "a12d");
	ck_initials("诸葛亮", PINYIN_NAME, "zgl");
	ck_initials("", PINYIN_NAME, "");
	ck_initials(NULL, PINYIN_NAME, "");
	ck_initials("。，、·", PINYIN_NAME, "");
	/* Surnames only at the start of a name. */
	ck_initials("单雄信", PINYIN_NAME, "sxx");
	ck_initials("单雄信", PINYIN_TEXT, "dxx");
	ck_initials("简单", PINYIN_NAME, "jd");
	ck_initials("曾国藩", PINYIN_NAME, "zgf");
	ck_initials("解缙", PINYIN_NAME, "xj");
	ck_initials("仇英", PINYIN_NAME, "qy");
	ck_initials("区小明", PINYIN_NAME, "oxm");
	ck_initials("朴树", PINYIN_NAME, "ps");
	ck_initials("查良镛", PINYIN_NAME, "zly");
	ck_initials("万俟卨", PINYIN_NAME, "mqx");
	ck_initials("尉迟恭", PINYIN_NAME, "ycg");
	ck_initials("单于", PINYIN_NAME, "cy");
	ck_initials("长孙无忌", PINYIN_NAME, "zswj");
	/* Invalid UTF-8: its bytes are left out, never a crash. */
	ck_initials("\xff张\xe5\xbc三\xc3", PINYIN_NAME, "zs");
}
END_TEST

/* -1, 0 or 1 as the keys of a and b compare in order o. */
static int
cmp(const char *a, const char *b, enum pinyin_order o)
{
	char *ka = pinyin_key(a, o), *kb = pinyin_key(b, o);
	int c = strcmp(ka, kb);

	free(ka);
	free(kb);
	return c < 0 ? -1 : c > 0;
}

/* Each text sorts before the next one. */
static void
ck_order(enum pinyin_order o, const char *const *texts)
{
	size_t i;

	for (i = 0; texts[i + 1] != NULL; i++)
		ck_assert_msg(cmp(texts[i], texts[i + 1], o) < 0,
		    "'%s' should sort before '%s' (%s)", texts[i], texts[i + 1],
		    pinyin_order_name(o));
}

START_TEST(natural_order)
{
	static const char *const codes[] = {
		"", "A1-1-1", "A1-1-2", "A1-1-10", "A1-1-101", "A1-1-102",
		"A1-1-1001", "A1-2-1", "A2", "A10", "A10-1", "a11", "B2", "B10",
		"B99999999", "B100000000", "B1000000000000", "BA", "C", NULL,
	};
	static const char *const zeros[] = { "0", "00", "000", "01", "1", "2",
		NULL };

	ck_order(PINYIN_NATURAL, codes);
	ck_order(PINYIN_NATURAL, zeros);
	/* Equal but for a tie-break on the text. */
	ck_assert_int_eq(cmp("A007", "A7", PINYIN_NATURAL), -1);
	ck_assert_int_eq(cmp("A7", "A007", PINYIN_NATURAL), 1);
	ck_assert_int_eq(cmp("x", "x", PINYIN_NATURAL), 0);
	ck_assert_int_eq(cmp("A1", "a1", PINYIN_NATURAL), -1);
}
END_TEST

START_TEST(pinyin_order)
{
	static const char *const names[] = {
		"", "安", "Anna", "白", "北京", "陈", "李娜", "李四", "王", "王家燕",
		"王伟", "zhan", "占", "占高", "张", "张三", "张三丰", "赵", NULL,
	};
	static const char *const mixed[] = { "1栋", "2栋", "10栋", "A栋",
		"a栋2", "a栋10", "东区", NULL };
	static const char *const surnames[] = { "单雄信", "曾国藩", "翟志刚",
		"张三", NULL };

	ck_order(PINYIN_TEXT, names);
	ck_order(PINYIN_TEXT, mixed);
	ck_order(PINYIN_NAME, surnames);
	/* 单 as a word (dan) and as a surname (shan). */
	ck_assert_int_eq(cmp("单雄信", "邓", PINYIN_TEXT), -1);
	ck_assert_int_eq(cmp("单雄信", "邓", PINYIN_NAME), 1);
	/* 万俟 as a compound surname (moqi), 万 as a word (wan). */
	ck_assert_int_eq(cmp("万俟卨", "穆", PINYIN_NAME), -1);
	ck_assert_int_eq(cmp("万俟卨", "穆", PINYIN_TEXT), 1);
}
END_TEST

START_TEST(keys_of_odd_text)
{
	char *k;

	k = pinyin_key("", PINYIN_NAME);
	ck_assert_str_eq(k, "");
	free(k);
	k = pinyin_key(NULL, PINYIN_TEXT);
	ck_assert_str_eq(k, "");
	free(k);
	k = pinyin_key("张3", PINYIN_TEXT);
	ck_assert_str_eq(k, "zhang113\x1f张3");
	free(k);
	k = pinyin_key("A1-1-101", PINYIN_NATURAL);
	ck_assert_str_eq(k, "a11-11-3101\x1f" "A1-1-101");
	free(k);
	k = pinyin_key("abc", PINYIN_NONE);
	ck_assert_str_eq(k, "abc");
	free(k);
	/* Cut and invalid sequences, overlongs, surrogates. */
	k = pinyin_key("\xe5\xbc", PINYIN_TEXT);
	free(k);
	k = pinyin_key("\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80z", PINYIN_NAME);
	ck_assert(k[0] == 'z');
	free(k);
	k = pinyin_key("1234567890123456789012345678901234567890123456789012345"
	    "67890123456789012345678901234567890123456789012345678901234567890",
	    PINYIN_NATURAL);
	ck_assert(strncmp(k, "999", 3) == 0);
	free(k);
	ck_assert_int_eq(pinyin_order_parse("natural"), PINYIN_NATURAL);
	ck_assert_int_eq(pinyin_order_parse("pinyin"), PINYIN_TEXT);
	ck_assert_int_eq(pinyin_order_parse("name"), PINYIN_NAME);
	ck_assert_int_eq(pinyin_order_parse("stroke"), -1);
	ck_assert(pinyin_search_initials("张sf"));
	ck_assert(!pinyin_search_initials("张三"));
	ck_assert(!pinyin_search_initials("138"));
	k = pinyin_search_head("张三sf");
	ck_assert_str_eq(k, "张三");
	free(k);
	k = pinyin_search_head("zsf");
	ck_assert_str_eq(k, "");
	free(k);
}
END_TEST

/* Records: the keys kept by the engine, search by initials, order. */
static struct fixture fx;
static struct entity *clients;

static void
setup(void)
{
	static const char *const people[][2] = {
		{ "C10", "张三丰" }, { "C2", "王家燕" }, { "C1", "单雄信" },
		{ "C3", "赵六" }, { "C20", "张三" }, { "C4", "Anna Li" },
		{ "C5", "邓小明" }, { "C6", "Zhang San" },
	};
	struct wy_err e = { 0 };
	struct value *v;
	size_t i, k;

	fixture_open(&fx);
	ck_assert_int_eq(entity_load(fx.conf, "clients", &clients, &e), WY_OK);
	v = calloc(clients->nfields, sizeof *v);
	for (i = 0; i < sizeof people / sizeof people[0]; i++) {
		values_clear(v, clients->nfields);
		for (k = 0; k < clients->nfields; k++)	/* defaults, code, name */
			ck_assert_int_eq(field_parse(&fx.s, clients,
			    &clients->fields[k], strcmp(clients->fields[k].name,
			    "code") == 0 ? people[i][0] : strcmp(clients->fields[k].name,
			    "name") == 0 ? people[i][1] : "", 1, &v[k], &e), WY_OK);
		ck_assert_msg(entity_save(&fx.s, clients, 0, 0, v, NULL, NULL, &e) ==
		    WY_OK, "%s", e.msg);
	}
	values_clear(v, clients->nfields);
	free(v);
}

static void
teardown(void)
{
	entity_free(&clients);
	fixture_close(&fx);
}

struct names {
	char text[1024];
	size_t field;
	struct value last;
	int64_t last_id;
};

static int
collect(void *arg, int64_t id, int64_t version, const struct value *v)
{
	struct names *n = arg;
	const struct field *f = &clients->fields[n->field];

	(void)version;
	if (n->text[0] != '\0')
		strcat(n->text, ",");
	strcat(n->text, v[n->field].s);
	values_clear(&n->last, 1);
	value_copy(&n->last, &v[f - clients->fields]);
	n->last_id = id;
	return 0;
}

/* The names (or codes) of the clients found, in order. */
static const char *
found(struct names *n, struct page_query *q, const char *field)
{
	struct wy_err e = { 0 };

	n->text[0] = '\0';
	n->field = (size_t)(entity_field(clients, field) - clients->fields);
	ck_assert_msg(entity_page(&fx.s, clients, q, collect, n, &e) == WY_OK,
	    "%s", e.msg);
	return n->text;
}

START_TEST(search_by_initials)
{
	struct page_query q = { .sort = 0 };
	struct names n = { 0 };
	struct wy_err e = { 0 };
	int64_t c;
	int many;

	for (many = 0; many <= 1; many++) {
		q.many = many;	/* by the indexes, and walking the order */
		q.search = "zsf";
		ck_assert_str_eq(found(&n, &q, "name"), "张三丰");
		q.search = "ZSF";
		ck_assert_str_eq(found(&n, &q, "name"), "张三丰");
		q.search = "张sf";
		ck_assert_str_eq(found(&n, &q, "name"), "张三丰");
		q.search = "赵sf";
		ck_assert_str_eq(found(&n, &q, "name"), "");
		q.search = "wjy";
		ck_assert_str_eq(found(&n, &q, "name"), "王家燕");
		q.search = "sxx";	/* 单 as a surname is shan */
		ck_assert_str_eq(found(&n, &q, "name"), "单雄信");
		q.search = "单x";
		ck_assert_str_eq(found(&n, &q, "name"), "单雄信");
		q.search = "dxx";
		ck_assert_str_eq(found(&n, &q, "name"), "");
		q.search = "zs";	/* initials, in code order (C10, C20) */
		ck_assert_str_eq(found(&n, &q, "name"), "张三丰,张三");
		q.search = "zh";	/* and the text itself */
		ck_assert_str_eq(found(&n, &q, "name"), "Zhang San");
		q.search = "张";	/* Chinese alone: the text only */
		ck_assert_str_eq(found(&n, &q, "name"), "张三丰,张三");
	}
	ck_assert_int_eq(entity_count(&fx.s, clients, "zs", 0, &c, &e), WY_OK);
	ck_assert_int_eq(c, 2);
	ck_assert_int_eq(entity_count(&fx.s, clients, "zs", 1, &c, &e), WY_OK);
	ck_assert_int_eq(c, 1);
	ck_assert_int_eq(entity_count(&fx.s, clients, "sxx", 0, &c, &e), WY_OK);
	ck_assert_int_eq(c, 1);
	values_clear(&n.last, 1);
}
END_TEST

START_TEST(natural_and_pinyin_order)
{
	struct page_query q = { .limit = 3 };
	struct names n = { 0 };
	struct value key = { 0 };

	q.sort = (size_t)(entity_field(clients, "code") - clients->fields);
	q.limit = 0;
	ck_assert_str_eq(found(&n, &q, "code"), "C1,C2,C3,C4,C5,C6,C10,C20");
	q.desc = 1;
	ck_assert_str_eq(found(&n, &q, "code"), "C20,C10,C6,C5,C4,C3,C2,C1");
	q.desc = 0;
	q.sort = (size_t)(entity_field(clients, "name") - clients->fields);
	ck_assert_str_eq(found(&n, &q, "name"),
	    "Anna Li,邓小明,单雄信,王家燕,张三,张三丰,Zhang San,赵六");
	/* Keyset pages in pinyin order: the boundary's key from its text. */
	q.limit = 3;
	ck_assert_str_eq(found(&n, &q, "name"), "Anna Li,邓小明,单雄信");
	value_copy(&key, &n.last);
	q.key = &key;
	q.key_id = n.last_id;
	q.from = PAGE_AFTER;
	ck_assert_str_eq(found(&n, &q, "name"), "王家燕,张三,张三丰");
	q.from = PAGE_BEFORE;
	ck_assert_str_eq(found(&n, &q, "name"), "Anna Li,邓小明");
	values_clear(&key, 1);
	values_clear(&n.last, 1);
}
END_TEST

/* check's report: count the lines that name clients' sort keys. */
static int
stale(void *arg, const char *line)
{
	if (strstr(line, "clients row ") != NULL && strstr(line, "name_key") != NULL)
		(*(int *)arg)++;
	return 0;
}

START_TEST(keys_written_elsewhere)
{
	struct page_query q = { .limit = 0, .search = "lsd" };
	struct names n = { 0 };
	struct wy_err e = { 0 };
	int lines = 0, problems;

	/* A row inserted by another program gets its keys at the next fill
	 * (the fixture fills as wuye does when it opens the database). */
	fixture_sql(&fx, "INSERT INTO clients (code, name) VALUES ('C7', '李四德')");
	ck_assert_str_eq(found(&n, &q, "name"), "李四德");
	/* One changed by another program has a stale key: check names it. */
	fixture_sql(&fx, "UPDATE clients SET name = '钱七' WHERE code = 'C3'");
	ck_assert_int_eq(dbcheck_run(&fx.s, stale, &lines, &problems, &e), WY_OK);
	ck_assert_int_eq(lines, 1);
	fixture_sql(&fx, "UPDATE clients SET name_key = '' WHERE code = 'C3'");
	lines = 0;
	ck_assert_int_eq(dbcheck_run(&fx.s, stale, &lines, &problems, &e), WY_OK);
	ck_assert_int_eq(lines, 0);
	q.search = "qq";
	ck_assert_str_eq(found(&n, &q, "name"), "钱七");
	values_clear(&n.last, 1);
}
END_TEST

Suite *
pinyin_suite(void)
{
	Suite *s = suite_create("pinyin");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, every_gb2312_hanzi_has_a_reading);
	tcase_add_test(tc, common_readings);
	tcase_add_test(tc, initials);
	tcase_add_test(tc, natural_order);
	tcase_add_test(tc, pinyin_order);
	tcase_add_test(tc, keys_of_odd_text);
	suite_add_tcase(s, tc);
	tc = tcase_create("records");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, search_by_initials);
	tcase_add_test(tc, natural_and_pinyin_order);
	tcase_add_test(tc, keys_written_elsewhere);
	suite_add_tcase(s, tc);
	return s;
}
