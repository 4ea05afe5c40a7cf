/* zh.c: organisations, places and persons in Chinese text, where words are not spaced. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * Chinese has no capitals and no spaces, so the English finder in
 * entities.c sees nothing in it.  Press text names things in a few fixed
 * shapes, and these rules follow them:
 *
 *   organisations end in a kind of organisation: 北京星韵数字传媒有限公司,
 *     霍尔登音乐集团, 国家版权局; the name runs back from that word to the
 *     nearest particle, verb or punctuation (的, 与, 在, 宣布, "，");
 *     "（以下简称“星韵数字传媒”）" defines a short name;
 *   persons follow a job title (首席执行官顾明哲表示) or are transliterated
 *     with a middle dot (朱利安·索恩卡斯尔);
 *   places end in 省/市/区/县 after a boundary (北京市海淀区), follow 位于
 *     ("located in"), open a dateline (北京，2011年3月15日), or are among
 *     the best-known countries and cities;
 * and every name found once is found again wherever it recurs ("顾明哲说").
 *
 * Names are byte ranges of the body kept in d->zh, sorted; quotes.c asks
 * zh_speaker_find() for the speaker before a speech verb.
 */

static bool is_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

static bool is_dot(uint32_t c)
{
	return c == 0x00B7 || c == 0x30FB || c == 0x2027 || c == 0xFF65;
}

/* The code point at s[i] and its length; invalid bytes count as one. */
static uint32_t cp_at(const char *s, size_t len, size_t i, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s + i;
	size_t left = len - i;
	if (u[0] < 0x80 || left < 2) {
		*n = 1;
		return u[0];
	}
	if ((u[0] & 0xE0) == 0xC0) {
		*n = 2;
		return ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
	}
	if ((u[0] & 0xF0) == 0xE0 && left >= 3) {
		*n = 3;
		return ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
		       (u[2] & 0x3F);
	}
	if ((u[0] & 0xF8) == 0xF0 && left >= 4) {
		*n = 4;
		return ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
		       ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
	}
	*n = 1;
	return u[0];
}

/* ---- word lists ------------------------------------------------------------ */

/* Longest first where one ends another. */
static const char *const org_kinds[] = {
	"股份有限公司", "有限责任公司", "有限公司", "集团公司", "委员会", "基金会",
	"联合会", "研究院", "研究所", "交易所", "事务所", "出版社", "电视台",
	"广播电台", "集团", "公司", "银行", "协会", "大学", "学院", "法院",
	"传媒", "唱片", "版权局", "管理局", "总局", "组织", "联盟", NULL,
};

/* Words before an organisation's kind that make no name by themselves. */
static const char *const generic[] = {
	"国际", "唱片", "音乐", "数字", "网络", "科技", "媒体", "文化", "多家", "各大",
	"这家", "该", "本", "其", "一家", "两家", "几家", "主要", "大型", "知名",
	"国内", "国外", "海外", "外国", "地方", "相关", "有关", "其他", "其它",
	"子", "母", "分", "总", "新", "旗下", "独立", "投资", "互联网", "电信", "电影",
	"游戏", "能源", "汽车", "软件", "咨询", "保险", "证券", "上市", "外资", "民营",
	"国有", "私营", "跨国", "金融", "科研", "传统", "大", "小", NULL,
};

/* Where a name cannot run back across: particles, verbs, time words. */
static const char *const stop_words[] = {
	"位于", "旗下", "以及", "宣布", "表示", "今天", "昨天", "明天", "目前", "此次",
	"首次", "根据", "通过", "成立", "包括", "同时", "签署", "来自", "其中", "作为",
	"代表", "联合", "携手", "加入", "收购", "起诉", "访问", "前往", "关于", "对于",
	"由于", "随着", "据", "多家", "一家", "这家", "两家", "几家", "每家", "大家",
	"国家级", NULL,
};
/*
 * 的在与和及对将向从为由是了被把让给同跟于等各该这那此本其一两几个位也都还已并即
 * 而或但就又再所曾共约至月日年号说称着过, as sorted code points.  Not 多, 尔, 斯,
 * 家: they are in names (多伦多, 国家版权局).
 */
static const uint32_t stop_cps[] = {
	0x4E00, 0x4E0E, 0x4E24, 0x4E2A, 0x4E3A, 0x4E5F, 0x4E86, 0x4E8E, 0x4ECE,
	0x4F46, 0x4F4D, 0x5171, 0x5176, 0x518D, 0x51E0, 0x5373, 0x53C8, 0x53CA,
	0x53F7, 0x5404, 0x540C, 0x5411, 0x548C, 0x5728, 0x5BF9, 0x5C06, 0x5C31,
	0x5DF2, 0x5E74, 0x5E76, 0x6216, 0x6240, 0x628A, 0x65E5, 0x662F, 0x66FE,
	0x6708, 0x672C, 0x6B64, 0x7531, 0x7684, 0x7740, 0x79F0, 0x7B49, 0x7EA6,
	0x7ED9, 0x800C, 0x81F3, 0x88AB, 0x8BA9, 0x8BE5, 0x8BF4, 0x8DDF, 0x8FC7,
	0x8FD8, 0x8FD9, 0x90A3, 0x90FD,
};

const char *const zh_roles[] = {
	"首席执行官", "首席运营官", "首席财务官", "首席技术官", "总经理", "副总经理",
	"董事长", "副董事长", "发言人", "秘书长", "负责人", "创始人", "联合创始人",
	"副主席", "主席", "副总裁", "总裁", "部长", "副部长", "局长", "司长", "市长",
	"省长", "教授", "经理", "主任", "律师", "会长", "院长", "总监", "主编", "记者",
	"分析师", "董事", "总理", "大使", "法官", "议员", NULL,
};

static const char *const cues[] = {
	"表示", "说", "指出", "称", "强调", "介绍", "透露", "宣布", "认为", "告诉",
	"回应", "解释", "补充", "坦言", "直言", "承认", "否认", "呼吁", "建议",
	"在", "于", "将", "也", "还", "今天", "昨天", "日前", "近日", "同时", "（", "(",
	"，", "。", "：", NULL,
};

static const char *const known_places[] = {
	"中国大陆", "中国", "美国", "英国", "德国", "法国", "日本", "韩国", "俄罗斯",
	"加拿大", "澳大利亚", "意大利", "西班牙", "印度", "巴西", "墨西哥", "荷兰",
	"瑞士", "瑞典", "欧洲", "亚洲", "非洲", "北美", "欧盟", "北京", "上海", "广州",
	"深圳", "香港", "澳门", "台湾", "天津", "重庆", "杭州", "南京", "成都", "武汉",
	"西安", "伦敦", "纽约", "巴黎", "柏林", "东京", "首尔", "莫斯科", "华盛顿",
	"新加坡", "悉尼", "多伦多", "洛杉矶", "旧金山", "布鲁塞尔", "日内瓦", NULL,
};

/* Administrative divisions (北京市, 海淀区), and words ending so that are none. */
static const char *const admin[] = { "省", "市", "区", "县", "州", NULL };
static const char *const not_admin[] = {
	"市场", "市值", "市民", "区域", "区别", "县城", NULL,
};
static const char *const not_place[] = {
	"上市", "城市", "都市", "超市", "股市", "夜市", "开市", "收市", "门市",
	"地区", "社区", "景区", "园区", "辖区", "城区", "市区", "山区", "郊区",
	"灾区", "专区", "展区", "赛区", "误区", "时区", "分区", "小区", NULL,
};

/* ---- a run of Han characters, as code points with their offsets ---------- */

#define RUN_MAX 512

struct run {
	const char *s;
	size_t off[RUN_MAX + 1];  /* byte offset of each character, and the end */
	uint32_t cp[RUN_MAX];
	size_t n;
	/* Bit cp % 4096 set for the first character of every listed word:
	 * most characters start none, and are passed over at once. */
	uint64_t firsts[64];
};

/* Does the word w start at character i of the run? */
static bool word_at(const struct run *r, size_t i, const char *w)
{
	size_t wl = strlen(w);
	return i < r->n && r->off[r->n] - r->off[i] >= wl &&
	       !memcmp(r->s + r->off[i], w, wl);
}

/* Characters of w (UTF-8, all three-byte here but for the brackets). */
static size_t chars_of(const char *w)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)w; *p; p++)
		n += (*p & 0xC0) != 0x80;
	return n;
}

static bool may_start(const struct run *r, size_t i)
{
	uint32_t b = r->cp[i] & 4095;
	return (r->firsts[b >> 6] >> (b & 63)) & 1;
}

/* The word of the list starting at character i, or NULL. */
static const char *list_at(const struct run *r, size_t i, const char *const *list)
{
	if (i >= r->n || !may_start(r, i))
		return NULL;
	for (size_t k = 0; list[k]; k++)
		if (word_at(r, i, list[k]))
			return list[k];
	return NULL;
}

/* The word of the list ending at character i (exclusive), or NULL. */
static const char *list_before(const struct run *r, size_t i, const char *const *list)
{
	for (size_t k = 0; list[k]; k++) {
		size_t n = chars_of(list[k]);
		if (n <= i && may_start(r, i - n) && word_at(r, i - n, list[k]))
			return list[k];
	}
	return NULL;
}

static bool stop_char(uint32_t c)
{
	if (!is_han(c))
		return true;
	size_t lo = 0, hi = sizeof(stop_cps) / sizeof(stop_cps[0]);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (stop_cps[mid] == c)
			return true;
		if (stop_cps[mid] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/*
 * Where a name ending at character `end` begins: back over at most `max`
 * characters, stopping after a stop character, a stop word, a job title
 * or a name already found.  Returns end when there is no room.
 */
static size_t name_start(const struct xdoc *d, const struct run *r, size_t lo,
			 size_t end, size_t max)
{
	size_t b = end;
	/* The name found last ends where this one may start: "北京市|海淀区". */
	size_t after = d->nzh ? d->zh[d->nzh - 1].end : SIZE_MAX;
	while (b > lo && end - b < max && !stop_char(r->cp[b - 1]) &&
	       !list_before(r, b, stop_words) && !list_before(r, b, zh_roles) &&
	       r->off[b] != after)
		b--;
	return b;
}

/* Is all of [b, e) made of generic words? */
static bool all_generic(const struct run *r, size_t b, size_t e)
{
	while (b < e) {
		const char *g = list_at(r, b, generic);
		if (!g)
			return false;
		b += chars_of(g);
	}
	return true;
}

/* ---- the names found ----------------------------------------------------- */

/* Bytes already in a name: d->zh_taken, one bit a byte. */
static bool overlaps(const struct xdoc *d, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (d->zh_taken[i >> 3] & (1u << (i & 7)))
			return true;
	return false;
}

static struct zh_name *add_name(struct xdoc *d, size_t s, size_t e, int type,
				const char *canonical)
{
	if (e <= s || overlaps(d, s, e))
		return NULL;
	VB_ALLOC_GROW(d->zh, d->nzh + 1, d->azh);
	struct zh_name *z = &d->zh[d->nzh++];
	memset(z, 0, sizeof(*z));
	z->start = s;
	z->end = e;
	z->type = type;
	z->canonical = canonical ? vb_strdup(canonical) : vb_strndup(d->s + s, e - s);
	for (size_t i = s; i < e; i++)
		d->zh_taken[i >> 3] |= (uint8_t)(1u << (i & 7));
	return z;
}

/* "（以下简称“星韵数字传媒”）" right after a name: its short name, or NULL. */
static char *short_name(const struct xdoc *d, size_t at)
{
	static const char *const opens[] = {
		"（以下简称“", "（以下简称「", "（简称“", "（简称「", "(以下简称“",
		"（下称“", "（以下称“", NULL,
	};
	for (size_t k = 0; opens[k]; k++) {
		size_t ol = strlen(opens[k]);
		if (at + ol > d->len || memcmp(d->s + at, opens[k], ol))
			continue;
		const char *b = d->s + at + ol;
		const char *e1 = strstr(b, "”"), *e2 = strstr(b, "」");
		const char *e = !e1 ? e2 : !e2 ? e1 : e1 < e2 ? e1 : e2;
		if (e && e > b && e - b <= 36)
			return vb_strndup(b, (size_t)(e - b));
	}
	return NULL;
}

struct known {
	char *text, *canonical;
	int type;
};

/* Names found once, to be found again: by text in `map` (val: index + 1),
 * and the lengths they come in, in characters. */
struct known_list {
	struct known *v;
	size_t n, alloc;
	struct strmap map;
	bool lengths[RUN_MAX + 1];
};

static const struct known *known_get(const struct known_list *k, const char *text,
				     size_t len)
{
	const struct strmap_entry *e = strmap_get(&k->map, text, len);
	return e ? &k->v[e->val - 1] : NULL;
}

static void remember(struct known_list *k, const char *text, size_t len,
		     const char *canonical, int type)
{
	if (len < 6 || known_get(k, text, len))   /* two characters at least */
		return;
	VB_ALLOC_GROW(k->v, k->n + 1, k->alloc);
	k->v[k->n].text = vb_strndup(text, len);
	k->v[k->n].canonical = vb_strdup(canonical);
	k->v[k->n].type = type;
	k->n++;
	strmap_put(&k->map, text, len, 0, (int32_t)k->n, NULL);
	size_t chars = 0;
	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char)text[i] & 0xC0) != 0x80;
	if (chars <= RUN_MAX)
		k->lengths[chars] = true;
}

/* ---- the rules, run by run ---------------------------------------------- */

static void find_orgs(struct xdoc *d, const struct run *r, struct known_list *kn)
{
	for (size_t i = 0; i < r->n; i++) {
		const char *kind = list_at(r, i, org_kinds);
		if (!kind)
			continue;
		size_t e = i + chars_of(kind);
		/* "传媒有限公司": kinds in a row make one name. */
		for (const char *more; (more = list_at(r, e, org_kinds));)
			e += chars_of(more);
		size_t b = name_start(d, r, 0, i, 12);
		/* "公司" alone, or "国际唱片公司": no name. */
		if (i - b < 2 || all_generic(r, b, i)) {
			i = e - 1;
			continue;
		}
		size_t sb = r->off[b], se = r->off[e];
		struct zh_name *z = add_name(d, sb, se, ET_ORG, NULL);
		if (z) {
			remember(kn, d->s + sb, se - sb, z->canonical, ET_ORG);
			char *sn = short_name(d, se);
			if (sn)
				remember(kn, sn, strlen(sn), z->canonical, ET_ORG);
			free(sn);
		}
		i = e - 1;
	}
}

/* The end of a name starting at character i: before a cue, a bracket or the run's end. */
static size_t name_end(const struct run *r, size_t i, size_t min, size_t max)
{
	for (size_t n = min; n <= max && i + n <= r->n; n++) {
		size_t e = i + n;
		if (e == r->n || list_at(r, e, cues))
			return e;
	}
	return i;
}

static void find_persons(struct xdoc *d, const struct run *r, struct known_list *kn)
{
	for (size_t i = 0; i < r->n; i++) {
		size_t b, e;
		const char *role = NULL;
		if (is_dot(r->cp[i])) {
			/* 朱利安·索恩卡斯尔: back to a boundary, on to a cue. */
			b = name_start(d, r, 0, i, 5);
			e = i + 1;
			while (e < r->n && e - i <= 8 &&
			       (is_dot(r->cp[e]) || !list_at(r, e, cues)) &&
			       !stop_char(r->cp[e]))
				e++;
			if (b == i || e == i + 1)
				continue;
			role = list_before(r, b, zh_roles);
		} else if ((role = list_at(r, i, zh_roles))) {
			b = i + chars_of(role);
			/* "总经理助理": a longer title. */
			if (list_at(r, b, zh_roles)) {
				i = b - 1;
				continue;
			}
			size_t dot = b;
			while (dot < r->n && dot - b < 5 && !is_dot(r->cp[dot]))
				dot++;
			if (dot < r->n && is_dot(r->cp[dot]))
				continue;   /* the dotted rule takes it */
			e = list_at(r, b, cues) ? b : name_end(r, b, 2, 3);
			for (size_t k = b; k < e; k++)
				if (stop_char(r->cp[k]))
					e = b;
			if (e == b) {
				role = NULL;
				continue;
			}
		} else {
			continue;
		}
		size_t sb = r->off[b], se = r->off[e];
		struct zh_name *z = add_name(d, sb, se, ET_PERSON, NULL);
		if (!z)
			continue;
		remember(kn, d->s + sb, se - sb, z->canonical, ET_PERSON);
		if (role) {
			z->role = vb_strdup(role);
			/* "霍尔登音乐集团首席执行官": the organisation before the title. */
			size_t rb = r->off[b] - strlen(role);
			for (size_t k = 0; k < d->nzh && !z->org; k++)
				if (d->zh[k].type == ET_ORG && d->zh[k].end == rb)
					z->org = vb_strdup(d->zh[k].canonical);
			/* A short name, not found as a name there yet. */
			for (size_t k = 0; k < kn->n && !z->org; k++) {
				size_t l = strlen(kn->v[k].text);
				if (kn->v[k].type == ET_ORG && l <= rb - r->off[0] &&
				    !memcmp(d->s + rb - l, kn->v[k].text, l))
					z->org = vb_strdup(kn->v[k].canonical);
			}
			/* "公司总经理王建国", "该公司总经理": the kind alone is
			 * the organisation of that kind named last before. */
			for (size_t q = 0; org_kinds[q] && !z->org; q++) {
				size_t l = strlen(org_kinds[q]);
				if (l > rb - r->off[0] || memcmp(d->s + rb - l, org_kinds[q], l))
					continue;
				for (size_t k = d->nzh; k-- > 0 && !z->org;) {
					const struct zh_name *o = &d->zh[k];
					size_t cl = strlen(o->canonical);
					if (o->type == ET_ORG && o->end <= rb - l && cl > l &&
					    !strcmp(o->canonical + cl - l, org_kinds[q]))
						z->org = vb_strdup(o->canonical);
				}
				break;
			}
		}
		i = e - 1;
	}
}

static void find_places(struct xdoc *d, const struct run *r, bool para_start,
			const struct known_list *kn)
{
	(void)kn;
	for (size_t i = 0; i < r->n; i++) {
		const char *p = list_at(r, i, known_places);
		if (p) {
			size_t e = i + chars_of(p);
			/* 北京市 */
			if (list_at(r, e, admin) && !list_at(r, e, not_admin))
				e++;
			add_name(d, r->off[i], r->off[e], ET_PLACE, NULL);
			i = e - 1;
			continue;
		}
		/* 位于卡尔多利亚的; 位于北京市海淀区 is left to the rules below. */
		if (word_at(r, i, "位于") && !list_at(r, i + 2, known_places)) {
			size_t b = i + 2, e = b;
			while (e < r->n && e - b < 6 && !stop_char(r->cp[e]) &&
			       !list_at(r, e, admin))
				e++;
			if (e < r->n && list_at(r, e, admin) && !list_at(r, e, not_admin))
				e++;
			if (e - b >= 2 && (e == r->n || stop_char(r->cp[e]) ||
					   list_at(r, e - 1, admin)))
				add_name(d, r->off[b], r->off[e], ET_PLACE, NULL);
			i = e > i + 2 ? e - 1 : i + 1;
			continue;
		}
		/* 北京市, 海淀区 */
		const char *a = list_at(r, i, admin);
		if (a && i >= 2 && !list_at(r, i, not_admin) &&
		    !list_at(r, i - 1, not_place)) {
			size_t b = name_start(d, r, 0, i, 4);
			bool after_place = d->nzh && d->zh[d->nzh - 1].type == ET_PLACE &&
					   d->zh[d->nzh - 1].end == r->off[b];
			if (i - b >= 2 && i - b <= 3 &&
			    (b == 0 || stop_char(r->cp[b - 1]) || list_before(r, b, stop_words) ||
			     after_place))
				add_name(d, r->off[b], r->off[i + 1], ET_PLACE, NULL);
		}
	}
	/* A dateline: "北京，2011年3月15日". */
	if (para_start && r->n >= 2 && r->n <= 4) {
		size_t at = r->off[r->n], n;
		uint32_t c = at < d->len ? cp_at(d->s, d->len, at, &n) : 0;
		if ((c == 0xFF0C || c == ',') && at + n < d->len &&
		    d->s[at + n] >= '0' && d->s[at + n] <= '9')
			add_name(d, r->off[0], r->off[r->n], ET_PLACE, NULL);
	}
}

/* Every name found once, wherever it recurs. */
static void find_known(struct xdoc *d, const struct run *r, const struct known_list *kn)
{
	for (size_t i = 0; i < r->n; i++) {
		/* The longest known name starting here. */
		const struct known *best = NULL;
		size_t chars = 0;
		for (size_t l = r->n - i; l >= 2 && !best; l--)
			if (kn->lengths[l] &&
			    (best = known_get(kn, r->s + r->off[i], r->off[i + l] - r->off[i])))
				chars = l;
		if (!best)
			continue;
		add_name(d, r->off[i], r->off[i + chars], best->type, best->canonical);
		i += chars - 1;
	}
}

static int cmp_name(const void *a, const void *b)
{
	const struct zh_name *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* Call fn on every run of Han characters (and middle dots) of the body. */
static void each_run(struct xdoc *d, struct run *r,
		     void (*fn)(struct xdoc *, const struct run *, bool, void *),
		     void *ud)
{
	size_t i = 0;
	bool para_start = true;
	r->s = d->s;
	while (i < d->len) {
		size_t n;
		uint32_t c = cp_at(d->s, d->len, i, &n);
		if (!is_han(c) && !is_dot(c)) {
			if (c == '\n' && i + 1 < d->len && d->s[i + 1] == '\n')
				para_start = true;
			else if (c != ' ' && c != '\n' && c != '\t' && c != '\r' &&
				 c != 0x3000)
				para_start = false;
			i += n;
			continue;
		}
		r->n = 0;
		while (i < d->len && r->n < RUN_MAX) {
			c = cp_at(d->s, d->len, i, &n);
			if (!is_han(c) && !is_dot(c))
				break;
			r->off[r->n] = i;
			r->cp[r->n++] = c;
			i += n;
		}
		r->off[r->n] = i;
		fn(d, r, para_start, ud);
		para_start = false;
	}
}

static void pass_orgs(struct xdoc *d, const struct run *r, bool ps, void *ud)
{
	(void)ps;
	find_orgs(d, r, ud);
}

static void pass_persons(struct xdoc *d, const struct run *r, bool ps, void *ud)
{
	(void)ps;
	find_persons(d, r, ud);
}

static void pass_places(struct xdoc *d, const struct run *r, bool ps, void *ud)
{
	find_places(d, r, ps, ud);
}

static void pass_known(struct xdoc *d, const struct run *r, bool ps, void *ud)
{
	(void)ps;
	find_known(d, r, ud);
}

/*
 * A short name stands for the full one ("星韵数字传媒" for 北京星韵数字传媒有限
 * 公司), and a person named again keeps the title and organisation given
 * the first time.
 */
static void complete(struct xdoc *d, const struct known_list *kn)
{
	/* The first title and organisation of each person, by name. */
	struct strmap titled;
	strmap_init(&titled);
	for (size_t i = 0; i < d->nzh; i++) {
		struct zh_name *z = &d->zh[i];
		const struct known *k = known_get(kn, d->s + z->start, z->end - z->start);
		if (k && strcmp(k->canonical, z->canonical)) {
			free(z->canonical);
			z->canonical = vb_strdup(k->canonical);
		}
		if (z->org && (k = known_get(kn, z->org, strlen(z->org))) &&
		    strcmp(k->canonical, z->org)) {
			free(z->org);
			z->org = vb_strdup(k->canonical);
		}
		if (z->type == ET_PERSON && z->role &&
		    !strmap_get(&titled, z->canonical, strlen(z->canonical)))
			strmap_put(&titled, z->canonical, strlen(z->canonical), 0,
				   (int32_t)i + 1, NULL);
	}
	for (size_t i = 0; i < d->nzh; i++) {
		struct zh_name *z = &d->zh[i];
		const struct strmap_entry *t;
		if (z->type != ET_PERSON || z->role ||
		    !(t = strmap_get(&titled, z->canonical, strlen(z->canonical))))
			continue;
		const struct zh_name *first = &d->zh[t->val - 1];
		z->role = vb_strdup(first->role);
		if (first->org)
			z->org = vb_strdup(first->org);
	}
	strmap_release(&titled);
}

void zh_names_find(struct xdoc *d)
{
	/* Only bodies with Han characters: their UTF-8 starts 0xE3..0xE9. */
	bool han = false;
	for (size_t i = 0; i < d->len && !han; i++)
		han = (unsigned char)d->s[i] >= 0xE3 && (unsigned char)d->s[i] <= 0xE9;
	if (!han)
		return;
	struct run *r = malloc(sizeof(*r));
	struct known_list *kn = calloc(1, sizeof(*kn));
	d->zh_taken = calloc(d->len / 8 + 1, 1);
	if (!r || !kn || !d->zh_taken)
		abort();
	strmap_init(&kn->map);
	static const char *const *const lists[] = {
		org_kinds, generic, stop_words, zh_roles, cues, known_places,
		admin, not_admin, not_place,
	};
	memset(r->firsts, 0, sizeof(r->firsts));
	for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
		for (size_t k = 0; lists[l][k]; k++) {
			size_t n;
			uint32_t b = cp_at(lists[l][k], strlen(lists[l][k]), 0, &n) & 4095;
			r->firsts[b >> 6] |= (uint64_t)1 << (b & 63);
		}
	each_run(d, r, pass_orgs, kn);
	if (d->nzh > 1)
		qsort(d->zh, d->nzh, sizeof(*d->zh), cmp_name);
	each_run(d, r, pass_persons, kn);
	each_run(d, r, pass_places, kn);
	each_run(d, r, pass_known, kn);
	if (d->nzh > 1)
		qsort(d->zh, d->nzh, sizeof(*d->zh), cmp_name);
	complete(d, kn);
	for (size_t i = 0; i < kn->n; i++) {
		free(kn->v[i].text);
		free(kn->v[i].canonical);
	}
	free(kn->v);
	strmap_release(&kn->map);
	free(kn);
	free(d->zh_taken);
	d->zh_taken = NULL;
	free(r);
}

void zh_names_out(struct xdoc *d)
{
	for (size_t i = 0; i < d->nzh; i++) {
		const struct zh_name *z = &d->zh[i];
		enum vb_entity_type type = z->type == ET_PERSON ? VB_ENTITY_PERSON :
					   z->type == ET_ORG ? VB_ENTITY_ORGANISATION :
							       VB_ENTITY_PLACE;
		ent_out(d, z->start, z->end, type, z->canonical);
	}
}

void zh_names_release(struct xdoc *d)
{
	for (size_t i = 0; i < d->nzh; i++) {
		free(d->zh[i].canonical);
		free(d->zh[i].role);
		free(d->zh[i].org);
	}
	free(d->zh);
	d->zh = NULL;
	d->nzh = d->azh = 0;
}

bool zh_speaker_find(struct xdoc *d, size_t from, size_t to, struct xspeaker *sp)
{
	const struct zh_name *best = NULL;
	/* The first name starting at or after `from`. */
	size_t lo = 0, hi = d->nzh;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->zh[mid].start < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t first = lo;
	for (size_t i = first; i < d->nzh && d->zh[i].start < to; i++) {
		const struct zh_name *z = &d->zh[i];
		if (z->end > to || z->type == ET_PLACE)
			continue;
		/* A person before a later organisation is still the speaker:
		 * "顾明哲在星韵数字传媒总部表示". */
		if (!best || z->type == ET_PERSON || best->type != ET_PERSON)
			best = z;
	}
	/* 他 / 她: the last person named before. */
	if (!best) {
		const char *p = d->s + from;
		size_t n = to - from;
		bool pronoun = (n >= 3 && (!memcmp(p, "他", 3) || !memcmp(p, "她", 3)));
		for (size_t i = first; pronoun && !best && i-- > 0;)
			if (d->zh[i].type == ET_PERSON)
				best = &d->zh[i];
		if (!best && pronoun)
			return false;
	}
	if (!best)
		return false;
	memset(sp, 0, sizeof(*sp));
	sp->ent = -1;
	sp->how = SP_OPTION;
	sp->type = best->type;
	sp->name = vb_strdup(best->canonical);
	if (best->role)
		sp->role = vb_strdup(best->role);
	if (best->org)
		sp->org = vb_strdup(best->org);
	return true;
}
