/* wuye: building blocks of the demo-data generator.
 *
 * The PRNG is xoshiro256** (Blackman and Vigna) seeded through splitmix64;
 * a bounded draw is Lemire's multiply-shift on the top 32 bits, which is
 * uniform enough for demo data and exactly reproducible.  Name and place
 * tables are weighted roughly by how common they are.  ID numbers follow
 * GB 11643 (area, birth date, sequence whose parity is the gender, check
 * digit), company codes GB 32100 with GB 11714 inside.
 */
#include "wuye/demo_gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wuye/date.h"
#include "wuye/ident.h"

#define NELEM(a) ((int)(sizeof (a) / sizeof (a)[0]))

/* The next output of splitmix64 (to seed xoshiro from one number). */
static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Rotate x left by k bits. */
static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

void
demo_rng_seed(struct demo_rng *r, uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

uint64_t
demo_rng_next(struct demo_rng *r)
{
	uint64_t *s = r->s, out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

int
demo_rng_range(struct demo_rng *r, int lo, int hi)
{
	uint64_t n = (uint64_t)((int64_t)hi - lo + 1);

	return lo + (int)(((demo_rng_next(r) >> 32) * n) >> 32);
}

int
demo_rng_chance(struct demo_rng *r, int permille)
{
	return demo_rng_range(r, 0, 999) < permille;
}

int
demo_rng_weighted(struct demo_rng *r, const int *w, int n)
{
	int i, total = 0, x;

	for (i = 0; i < n; i++)
		total += w[i];
	x = demo_rng_range(r, 0, total - 1);
	for (i = 0; i < n - 1; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

/* FNV-1a, never 0 (0 marks an empty slot). */
static uint64_t
hash_str(const char *s)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(0x100000001b3);
	return h != 0 ? h : 1;
}

int
demo_set_add(struct demo_set *set, const char *s)
{
	uint64_t h = hash_str(s), *old;
	size_t i, j, oldcap;

	if (set->used * 2 >= set->cap) {
		old = set->slot;
		oldcap = set->cap;
		set->cap = oldcap ? oldcap * 2 : 1024;
		if ((set->slot = calloc(set->cap, sizeof *set->slot)) == NULL)
			abort();
		for (i = 0; i < oldcap; i++) {
			if (old[i] == 0)
				continue;
			for (j = old[i] & (set->cap - 1); set->slot[j] != 0;
			    j = (j + 1) & (set->cap - 1))
				;
			set->slot[j] = old[i];
		}
		free(old);
	}
	for (i = h & (set->cap - 1); set->slot[i] != 0;
	    i = (i + 1) & (set->cap - 1))
		if (set->slot[i] == h)
			return 0;
	set->slot[i] = h;
	set->used++;
	return 1;
}

void
demo_set_free(struct demo_set *set)
{
	free(set->slot);
	memset(set, 0, sizeof *set);
}

/* Area codes of real districts (GB/T 2260) and their names; each city's own
 * districts are contiguous so a city can prefer them. */
static const struct area {
	const char *code;
	const char *place;
} areas[] = {
	{ "440303", "广东省深圳市罗湖区" }, { "440304", "广东省深圳市福田区" },
	{ "440305", "广东省深圳市南山区" }, { "440306", "广东省深圳市宝安区" },
	{ "440307", "广东省深圳市龙岗区" },
	{ "440103", "广东省广州市荔湾区" }, { "440104", "广东省广州市越秀区" },
	{ "440105", "广东省广州市海珠区" }, { "440106", "广东省广州市天河区" },
	{ "440111", "广东省广州市白云区" },
	{ "330102", "浙江省杭州市上城区" }, { "330105", "浙江省杭州市拱墅区" },
	{ "330106", "浙江省杭州市西湖区" }, { "330108", "浙江省杭州市滨江区" },
	{ "330109", "浙江省杭州市萧山区" },
	{ "510104", "四川省成都市锦江区" }, { "510105", "四川省成都市青羊区" },
	{ "510106", "四川省成都市金牛区" }, { "510107", "四川省成都市武侯区" },
	{ "510108", "四川省成都市成华区" },
	{ "110101", "北京市东城区" }, { "110105", "北京市朝阳区" },
	{ "120101", "天津市和平区" }, { "130102", "河北省石家庄市长安区" },
	{ "140105", "山西省太原市小店区" }, { "210102", "辽宁省沈阳市和平区" },
	{ "220102", "吉林省长春市南关区" }, { "230102", "黑龙江省哈尔滨市道里区" },
	{ "310101", "上海市黄浦区" }, { "310115", "上海市浦东新区" },
	{ "320102", "江苏省南京市玄武区" }, { "320505", "江苏省苏州市虎丘区" },
	{ "330203", "浙江省宁波市海曙区" }, { "340104", "安徽省合肥市蜀山区" },
	{ "350203", "福建省厦门市思明区" }, { "360102", "江西省南昌市东湖区" },
	{ "360702", "江西省赣州市章贡区" }, { "370102", "山东省济南市历下区" },
	{ "370202", "山东省青岛市市南区" }, { "410105", "河南省郑州市金水区" },
	{ "411302", "河南省南阳市宛城区" }, { "420106", "湖北省武汉市武昌区" },
	{ "421002", "湖北省荆州市沙市区" }, { "430104", "湖南省长沙市岳麓区" },
	{ "430602", "湖南省岳阳市岳阳楼区" }, { "431002", "湖南省郴州市北湖区" },
	{ "440507", "广东省汕头市龙湖区" }, { "441202", "广东省肇庆市端州区" },
	{ "441302", "广东省惠州市惠城区" }, { "441900", "广东省东莞市" },
	{ "445102", "广东省潮州市湘桥区" }, { "450103", "广西壮族自治区南宁市青秀区" },
	{ "450302", "广西壮族自治区桂林市秀峰区" }, { "460105", "海南省海口市秀英区" },
	{ "500103", "重庆市渝中区" }, { "510302", "四川省自贡市自流井区" },
	{ "520102", "贵州省贵阳市南明区" }, { "530102", "云南省昆明市五华区" },
	{ "610113", "陕西省西安市雁塔区" }, { "620102", "甘肃省兰州市城关区" },
};

static const struct demo_city cities[] = {
	{ "深圳市", "广东省", "0755", "粤B", "440300", 0, 5,
	  { "南山区", "福田区", "罗湖区", "宝安区", "龙岗区" },
	  { "深南大道", "科苑路", "侨香路", "红荔路", "沙河西路", "留仙大道",
	    "布吉路", "新湖路" },
	  7000, 11000, 40000, 80000, 8000, 15000 },
	{ "广州市", "广东省", "020", "粤A", "440100", 5, 5,
	  { "天河区", "越秀区", "海珠区", "荔湾区", "白云区" },
	  { "天河路", "中山大道", "环市东路", "江南大道", "黄埔大道",
	    "广州大道", "东风中路", "工业大道" },
	  4500, 7000, 30000, 60000, 6000, 12000 },
	{ "杭州市", "浙江省", "0571", "浙A", "330100", 10, 5,
	  { "西湖区", "上城区", "拱墅区", "滨江区", "萧山区" },
	  { "文三路", "天目山路", "延安路", "江南大道", "解放路", "莫干山路",
	    "曙光路", "市心路" },
	  5000, 8000, 25000, 50000, 5000, 10000 },
	{ "成都市", "四川省", "028", "川A", "510100", 15, 5,
	  { "武侯区", "锦江区", "青羊区", "金牛区", "成华区" },
	  { "人民南路", "天府大道", "蜀都大道", "二环路", "红星路", "一环路",
	    "建设路", "羊市街" },
	  3000, 5000, 15000, 35000, 4000, 8000 },
};

const struct demo_city *
demo_city_pick(struct demo_rng *r)
{
	return &cities[demo_rng_range(r, 0, NELEM(cities) - 1)];
}

/* Common surnames with rough weights (per mille of the population). */
static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
	"徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
	"郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
	"彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余",
	"杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚",
	"卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石",
	"廖", "贾", "夏", "韦", "方", "白", "邹", "孟", "熊", "秦",
	"邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史", "黎",
	"贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "欧阳",
};
static const int surname_weights[] = {
	72, 72, 70, 54, 54, 31, 23, 23, 21, 21,
	18, 16, 13, 13, 13, 12, 12, 12, 12, 11,
	11, 10, 9, 9, 9, 9, 8, 8, 8, 8,
	7, 7, 7, 7, 6, 6, 6, 5, 5, 5,
	5, 5, 5, 5, 5, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 1,
};

static const char *const given_m[] = {
	"伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚",
	"平", "辉", "鹏", "华", "飞", "鑫", "波", "斌", "宇", "浩",
	"凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "阳", "建",
	"国", "志", "文", "海", "峰", "亮", "成", "东", "晨", "博",
	"昊", "然", "轩", "泽", "睿", "天", "永", "德", "振", "家",
};
static const char *const given_f[] = {
	"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲",
	"桂", "英", "华", "燕", "红", "梅", "琳", "雪", "婷", "慧",
	"颖", "倩", "洁", "欣", "佳", "怡", "萱", "雨", "涵", "琪",
	"晶", "萍", "莉", "丹", "玉", "兰", "月", "彤", "诗", "梦",
	"思", "悦", "妍", "淑", "晓", "春", "凤", "云", "露", "文",
};

const char *
demo_surname(struct demo_rng *r)
{
	return surnames[demo_rng_weighted(r, surname_weights,
	    NELEM(surname_weights))];
}

void
demo_name_with_surname(struct demo_rng *r, const char *surname, char gender,
    char *buf, size_t size)
{
	const char *const *g = gender == 'F' ? given_f : given_m;
	int n = gender == 'F' ? NELEM(given_f) : NELEM(given_m);
	const char *a = g[demo_rng_range(r, 0, n - 1)];
	const char *b = g[demo_rng_range(r, 0, n - 1)];

	if (demo_rng_chance(r, 300) || strcmp(a, b) == 0)
		snprintf(buf, size, "%s%s", surname, a);
	else
		snprintf(buf, size, "%s%s%s", surname, a, b);
}

void
demo_person_name(struct demo_rng *r, char gender, char *buf, size_t size)
{
	demo_name_with_surname(r, demo_surname(r), gender, buf, size);
}

int
demo_idcard(struct demo_rng *r, const struct demo_city *city, int32_t birth,
    char gender, struct demo_set *used, char *id, size_t id_size,
    char *hukou, size_t hukou_size)
{
	const struct area *a;
	int y, m, d, seq;
	char check;

	date_to_ymd(birth, &y, &m, &d);
	do {
		if (demo_rng_chance(r, 450))
			a = &areas[city->area_first + demo_rng_range(r, 0,
			    city->area_count - 1)];
		else
			a = &areas[demo_rng_range(r, 0, NELEM(areas) - 1)];
		seq = demo_rng_range(r, 0, 499) * 2 + (gender == 'M');
		snprintf(id, id_size, "%s%04d%02d%02d%03d", a->code, y, m, d,
		    seq);
		if ((check = ident_check_digit(id)) == '\0')
			return -1;
		id[17] = check;
		id[18] = '\0';
	} while (!demo_set_add(used, id));
	snprintf(hukou, hukou_size, "%s", a->place);
	return 0;
}

static const char *const mobile_prefixes[] = {
	"130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
	"150", "151", "152", "153", "155", "156", "157", "158", "159", "166",
	"173", "175", "176", "177", "178", "180", "181", "182", "183", "184",
	"185", "186", "187", "188", "189", "191", "195", "198", "199", "147",
};

void
demo_mobile(struct demo_rng *r, struct demo_set *used, char *buf,
    size_t size)
{
	do
		snprintf(buf, size, "%s%08d", mobile_prefixes[demo_rng_range(r,
		    0, NELEM(mobile_prefixes) - 1)],
		    demo_rng_range(r, 0, 99999999));
	while (!demo_set_add(used, buf));
}

void
demo_landline(struct demo_rng *r, const struct demo_city *city, char *buf,
    size_t size)
{
	snprintf(buf, size, "%s-%d%07d", city->area_code,
	    demo_rng_range(r, 2, 8), demo_rng_range(r, 0, 9999999));
}

/* Plates of visitors' cars from elsewhere. */
static const char *const other_plates[] = {
	"粤A", "粤B", "粤S", "粤E", "湘A", "赣A", "桂A", "闽D", "浙A", "浙B",
	"川A", "鄂A", "豫A", "京A", "沪A", "苏E",
};
/* Letters allowed on plates: no I or O. */
static const char plate_letters[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";

void
demo_plate(struct demo_rng *r, const struct demo_city *city, int ev,
    struct demo_set *used, char *buf, size_t size)
{
	const char *prefix;
	char tail[8];
	int i, n, letters;

	do {
		prefix = demo_rng_chance(r, 820) ? city->plate :
		    other_plates[demo_rng_range(r, 0, NELEM(other_plates) - 1)];
		n = 0;
		if (ev)
			tail[n++] = demo_rng_chance(r, 850) ? 'D' : 'F';
		for (letters = 0, i = 0; i < 5; i++) {
			if (letters < 2 && demo_rng_chance(r, 120)) {
				tail[n++] = plate_letters[demo_rng_range(r, 0,
				    (int)sizeof plate_letters - 2)];
				letters++;
			} else
				tail[n++] = (char)('0' + demo_rng_range(r, 0, 9));
		}
		tail[n] = '\0';
		snprintf(buf, size, "%s·%s", prefix, tail);
	} while (!demo_set_add(used, buf));
}

static const char *const models[] = {
	"丰田凯美瑞", "本田雅阁", "大众帕萨特", "日产轩逸", "别克英朗",
	"宝马3系", "奔驰C级", "奥迪A4L", "吉利星瑞", "长安CS75", "哈弗H6",
	"大众朗逸", "丰田卡罗拉", "本田CR-V", "马自达阿特兹", "雷克萨斯ES",
};
static const char *const ev_models[] = {
	"比亚迪汉", "比亚迪秦PLUS", "特斯拉Model 3", "特斯拉Model Y",
	"理想L7", "蔚来ES6", "小鹏P7", "五菱宏光MINI EV", "埃安S",
};
static const char *const colours[] = {
	"白色", "黑色", "银色", "灰色", "蓝色", "红色", "棕色", "绿色",
};
static const int colour_weights[] = { 34, 25, 14, 12, 7, 5, 2, 1 };

const char *
demo_car_model(struct demo_rng *r, int ev)
{
	return ev ? ev_models[demo_rng_range(r, 0, NELEM(ev_models) - 1)] :
	    models[demo_rng_range(r, 0, NELEM(models) - 1)];
}

const char *
demo_car_colour(struct demo_rng *r)
{
	return colours[demo_rng_weighted(r, colour_weights,
	    NELEM(colour_weights))];
}

static const char *const firm_words[] = {
	"华信", "联创", "恒达", "鼎盛", "瑞丰", "中科", "新安", "宏图", "金桥",
	"博远", "腾飞", "汇通", "嘉禾", "长城", "天成", "永盛", "锐思", "创维",
	"海纳", "志诚", "隆兴", "华宇", "东方", "诚信", "聚能", "星辰", "乐活",
	"明德", "万象", "启航",
};
static const char *const firm_trades[] = {
	"科技", "贸易", "实业", "餐饮管理", "投资", "文化传媒", "电子",
	"物流", "咨询", "医疗器械", "教育科技", "建筑装饰", "网络科技",
	"服饰", "商贸",
};

void
demo_company_name(struct demo_rng *r, const struct demo_city *city,
    struct demo_set *used, char *buf, size_t size)
{
	int tries = 0;

	do
		snprintf(buf, size, "%.9s%s%s有限公司", city->name,
		    firm_words[demo_rng_range(r, 0, NELEM(firm_words) - 1)],
		    firm_trades[demo_rng_range(r, 0, NELEM(firm_trades) - 1)]);
	while (!demo_set_add(used, buf) && ++tries < 8);
}

void
demo_uscc(struct demo_rng *r, const struct demo_city *city, char *buf,
    size_t size)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const int w_org[] = { 3, 7, 9, 10, 5, 8, 4, 2 };
	static const int w_all[] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25,
		13, 8, 24, 10, 30, 28 };
	char code[19];
	int i, sum = 0, c;

	if (size < sizeof code) {
		if (size > 0)
			buf[0] = '\0';
		return;
	}
	/* 9: registered by industry and commerce; 1: an enterprise. */
	snprintf(code, sizeof code, "91%.6s", city->division);
	for (i = 0; i < 8; i++) {
		code[8 + i] = (char)('0' + demo_rng_range(r, 0, 9));
		sum += (code[8 + i] - '0') * w_org[i];
	}
	c = 11 - sum % 11;		/* GB 11714 organisation code check */
	code[16] = c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
	for (sum = 0, i = 0; i < 17; i++)
		sum += (int)(strchr(alphabet, code[i]) - alphabet) * w_all[i];
	c = (31 - sum % 31) % 31;	/* GB 32100 check */
	code[17] = alphabet[c];
	code[18] = '\0';
	memcpy(buf, code, sizeof code);
}

static const char *const estate_names[] = {
	"锦绣花园", "翠湖苑", "阳光新城", "碧水湾", "金色家园", "海景豪庭",
	"香蜜湖畔", "桃源居", "景田雅苑", "世纪华庭", "枫林小区", "东方明珠城",
	"万福花园", "丽水佳园", "银湖山庄", "紫荆苑", "龙华新村", "星河名居",
	"御景华府", "湖畔人家", "书香门第", "云顶翠峰", "半山豪苑", "怡景花园",
	"祥和家园", "望海名都", "嘉和苑", "绿茵华庭", "泰然花园", "国际公寓",
	"都市春天", "观澜雅居", "梅林一村", "侨城花园", "春风里", "和平新村",
	"金地花园", "悦府", "学府佳苑", "滨江花园",
};

int
demo_estate_names(void)
{
	return NELEM(estate_names);
}

void
demo_estate_name(const int *order, int i, char *buf, size_t size)
{
	static const char *const phase[] = { "", "二期", "三期", "四期",
		"五期", "六期", "七期", "八期", "九期", "十期" };
	int n = NELEM(estate_names), p = i / n;

	if (p < NELEM(phase))
		snprintf(buf, size, "%s%s", estate_names[order[i % n]],
		    phase[p]);
	else
		snprintf(buf, size, "%s%d期", estate_names[order[i % n]], p + 1);
}

void
demo_address(struct demo_rng *r, const struct demo_city *city, char *buf,
    size_t size)
{
	snprintf(buf, size, "%s%s%s%d号", city->name,
	    city->districts[demo_rng_range(r, 0, 4)],
	    city->roads[demo_rng_range(r, 0, 7)], demo_rng_range(r, 1, 399));
}

static const struct problem {
	const char *item;
	const char *text[3];
} problems[] = {
	{ "walls", { "墙面空鼓", "墙面裂缝", "墙角渗水" } },
	{ "floor", { "地砖空鼓", "地面不平", "地砖破损" } },
	{ "doors", { "窗户关闭不严", "入户门锁芯损坏", "阳台推拉门卡滞" } },
	{ "water", { "卫生间地漏堵塞", "水管接口渗漏", "马桶冲水不畅" } },
	{ "power", { "插座无电", "开关面板松动", "配电箱标识不清" } },
	{ "gas", { "燃气表未通气", "燃气管道未固定", "燃气阀门漏气" } },
	{ "keys", { "钥匙数量不足", "信箱钥匙缺失", "门禁卡未激活" } },
};

const char *
demo_handover_problem(struct demo_rng *r, const char *item)
{
	int i;

	for (i = 0; i < NELEM(problems); i++)
		if (strcmp(problems[i].item, item) == 0)
			return problems[i].text[demo_rng_range(r, 0, 2)];
	return NULL;
}
