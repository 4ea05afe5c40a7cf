/* places.c: the gazetteer: countries and subdivisions from iso-codes, plus major cities. */
#include "extract/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/*
 * Capitals and major cities of the world, written for this project.  Names
 * are as English news writes them.  The value of each entry in the
 * gazetteer is its canonical name (the strmap aux), so "Peking" could map
 * to "Beijing"; aliases are written "alias=Canonical".
 */
static const char *const cities[] = {
	"London", "Paris", "Berlin", "Madrid", "Rome", "Lisbon", "Dublin",
	"Amsterdam", "Brussels", "Luxembourg", "Vienna", "Bern", "Zurich",
	"Geneva", "Basel", "Lausanne", "Lugano", "Stockholm", "Oslo",
	"Copenhagen", "Helsinki", "Reykjavik", "Warsaw", "Prague", "Budapest",
	"Bratislava", "Ljubljana", "Zagreb", "Belgrade", "Sarajevo", "Skopje",
	"Tirana", "Athens", "Sofia", "Bucharest", "Chisinau", "Kiev", "Kyiv",
	"Minsk", "Vilnius", "Riga", "Tallinn", "Moscow", "St Petersburg",
	"Saint Petersburg", "Ankara", "Istanbul", "Nicosia", "Valletta",
	"Monaco", "Andorra la Vella", "Edinburgh", "Glasgow", "Cardiff",
	"Belfast", "Manchester", "Birmingham", "Liverpool", "Leeds", "Bristol",
	"Oxford", "Cambridge", "Newcastle", "Sheffield", "Nottingham",
	"Hamburg", "Munich", "Frankfurt", "Cologne", "Stuttgart", "Dusseldorf",
	"Düsseldorf", "Leipzig", "Dresden", "Hanover", "Bonn", "Nuremberg",
	"Lyon", "Marseille", "Toulouse", "Nice", "Bordeaux", "Lille",
	"Strasbourg", "Nantes", "Barcelona", "Valencia", "Seville", "Bilbao",
	"Malaga", "Porto", "Milan", "Naples", "Turin", "Florence", "Venice",
	"Genoa", "Bologna", "Palermo", "Rotterdam", "The Hague", "Utrecht",
	"Antwerp", "Ghent", "Gothenburg", "Malmo", "Bergen", "Aarhus",
	"Krakow", "Gdansk", "Wroclaw", "Salzburg", "Innsbruck", "Thessaloniki",
	"Izmir", "Odessa", "Kharkiv", "Lviv", "Novosibirsk", "Vladivostok",
	"Yekaterinburg", "Tbilisi", "Yerevan", "Baku", "Astana", "Almaty",
	"Tashkent", "Bishkek", "Dushanbe", "Ashgabat", "Kabul", "Islamabad",
	"Karachi", "Lahore", "New Delhi", "Delhi", "Mumbai", "Bombay",
	"Kolkata", "Calcutta", "Chennai", "Madras", "Bangalore", "Bengaluru",
	"Hyderabad", "Ahmedabad", "Pune", "Kathmandu", "Dhaka", "Colombo",
	"Thimphu", "Male", "Beijing", "Peking", "Shanghai", "Guangzhou",
	"Shenzhen", "Hong Kong", "Macau", "Tianjin", "Chongqing", "Wuhan",
	"Chengdu", "Nanjing", "Hangzhou", "Xian", "Xi'an", "Taipei",
	"Kaohsiung", "Tokyo", "Osaka", "Kyoto", "Yokohama", "Nagoya", "Kobe",
	"Sapporo", "Fukuoka", "Hiroshima", "Seoul", "Busan", "Pyongyang",
	"Ulan Bator", "Ulaanbaatar", "Hanoi", "Ho Chi Minh City", "Saigon",
	"Bangkok", "Vientiane", "Phnom Penh", "Yangon", "Rangoon",
	"Naypyidaw", "Kuala Lumpur", "Singapore", "Jakarta", "Surabaya",
	"Manila", "Bandar Seri Begawan", "Dili", "Port Moresby", "Canberra",
	"Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Auckland",
	"Wellington", "Christchurch", "Suva", "Honolulu", "Washington",
	"New York", "Los Angeles", "Chicago", "Houston", "Philadelphia",
	"Phoenix", "San Antonio", "San Diego", "Dallas", "San Jose", "Austin",
	"San Francisco", "Seattle", "Denver", "Boston", "Detroit", "Nashville",
	"Memphis", "Portland", "Las Vegas", "Baltimore", "Milwaukee",
	"Atlanta", "Miami", "Minneapolis", "Cleveland", "Pittsburgh",
	"Cincinnati", "St Louis", "St. Louis", "Kansas City", "New Orleans",
	"Tampa", "Orlando", "Sacramento", "Salt Lake City", "Indianapolis",
	"Columbus", "Charlotte", "Richmond", "Hartford", "Stamford",
	"Greenwich", "Newark", "Princeton", "Albany", "Buffalo", "Rochester",
	"Omaha", "Des Moines", "Oklahoma City", "Tulsa", "Anchorage",
	"Toronto", "Montreal", "Vancouver", "Ottawa", "Calgary", "Edmonton",
	"Winnipeg", "Quebec City", "Halifax", "Mexico City", "Guadalajara",
	"Monterrey", "Tijuana", "Guatemala City", "San Salvador",
	"Tegucigalpa", "Managua", "Panama City", "Havana", "Kingston",
	"Port-au-Prince", "Santo Domingo", "San Juan", "Nassau", "Bogota",
	"Bogotá", "Medellin", "Caracas", "Quito", "Guayaquil", "Lima",
	"La Paz", "Santiago", "Buenos Aires", "Montevideo", "Asuncion",
	"Asunción", "Brasilia", "Brasília", "Sao Paulo", "São Paulo",
	"Rio de Janeiro", "Belo Horizonte", "Porto Alegre", "Recife",
	"Salvador", "Cairo", "Alexandria", "Tripoli", "Benghazi", "Tunis",
	"Algiers", "Rabat", "Casablanca", "Khartoum", "Juba", "Addis Ababa",
	"Asmara", "Djibouti", "Mogadishu", "Nairobi", "Mombasa", "Kampala",
	"Kigali", "Bujumbura", "Dar es Salaam", "Dodoma", "Lusaka", "Harare",
	"Lilongwe", "Maputo", "Gaborone", "Windhoek", "Pretoria",
	"Johannesburg", "Cape Town", "Durban", "Maseru", "Mbabane",
	"Antananarivo", "Port Louis", "Luanda", "Kinshasa", "Brazzaville",
	"Libreville", "Yaounde", "Douala", "Bangui", "N'Djamena", "Niamey",
	"Abuja", "Lagos", "Kano", "Accra", "Lome", "Porto-Novo", "Cotonou",
	"Ouagadougou", "Bamako", "Dakar", "Banjul", "Bissau", "Conakry",
	"Freetown", "Monrovia", "Abidjan", "Yamoussoukro", "Nouakchott",
	"Malabo", "Jerusalem", "Tel Aviv", "Gaza", "Ramallah", "Amman",
	"Beirut", "Damascus", "Aleppo", "Baghdad", "Basra", "Mosul", "Erbil",
	"Tehran", "Riyadh", "Jeddah", "Mecca", "Medina", "Kuwait City",
	"Manama", "Doha", "Abu Dhabi", "Dubai", "Muscat", "Sanaa", "Aden",
	"Brussel=Brussels", "Peking=Beijing", "Bombay=Mumbai",
	"Calcutta=Kolkata", "Madras=Chennai", "Rangoon=Yangon",
	"Saigon=Ho Chi Minh City", "Kiev=Kyiv", "Washington D.C.=Washington",
	"Washington DC=Washington",
};

/* English short names news uses, beside the iso-codes names. */
static const char *const countries[] = {
	"U.S.=United States", "US=United States", "U.S.A.=United States",
	"USA=United States", "America=United States",
	"United States of America=United States",
	"United States=United States", "U.K.=United Kingdom",
	"UK=United Kingdom", "Britain=United Kingdom",
	"Great Britain=United Kingdom", "England", "Scotland", "Wales",
	"Northern Ireland", "Russia=Russian Federation",
	"South Korea=Korea, Republic of", "North Korea",
	"Iran=Iran, Islamic Republic of", "Syria", "Vietnam=Viet Nam",
	"Taiwan", "Bolivia", "Venezuela", "Tanzania", "Laos", "Moldova",
	"Holland=Netherlands", "the Netherlands=Netherlands", "Czech Republic=Czechia",
	"Ivory Coast=Côte d'Ivoire", "Burma=Myanmar", "Soviet Union",
	"USSR=Soviet Union", "West Germany", "East Germany", "Yugoslavia",
	"Europe", "Asia", "Africa", "Latin America", "South America",
	"North America", "Middle East", "Gulf", "Persian Gulf",
	"Scandinavia", "Caribbean", "Balkans", "Pacific", "Atlantic",
	"European Union=European Union", "Hong Kong", "Macau",
};

/* US and Canadian state abbreviations of wire-copy datelines. */
static const char *const state_abbrevs[] = {
	"N.Y.=New York", "N.J.=New Jersey", "Calif.=California",
	"Tex.=Texas", "Fla.=Florida", "Ill.=Illinois", "Mass.=Massachusetts",
	"Mich.=Michigan", "Minn.=Minnesota", "Penn.=Pennsylvania",
	"Pa.=Pennsylvania", "Wis.=Wisconsin", "Conn.=Connecticut",
	"Colo.=Colorado", "Ariz.=Arizona", "Okla.=Oklahoma", "Ore.=Oregon",
	"Wash.=Washington", "Va.=Virginia", "Md.=Maryland", "Ga.=Georgia",
	"Ala.=Alabama", "Ky.=Kentucky", "Tenn.=Tennessee", "Ind.=Indiana",
	"Kan.=Kansas", "Neb.=Nebraska", "Nev.=Nevada", "Del.=Delaware",
	"N.C.=North Carolina", "S.C.=South Carolina", "N.H.=New Hampshire",
	"R.I.=Rhode Island", "Mo.=Missouri", "La.=Louisiana",
	"Miss.=Mississippi", "Ark.=Arkansas", "Ont.=Ontario",
	"Que.=Quebec", "B.C.=British Columbia", "D.C.=District of Columbia",
	"W.Va.=West Virginia", "N.M.=New Mexico", "N.D.=North Dakota",
	"S.D.=South Dakota", "Vt.=Vermont", "Me.=Maine", "Ia.=Iowa",
	"Mont.=Montana", "Wyo.=Wyoming", "Ida.=Idaho", "Utah", "Ohio",
	"Iowa", "Alaska", "Hawaii", "Alta.=Alberta", "Man.=Manitoba",
	"Sask.=Saskatchewan",
};

static void put_place(struct strmap *gaz, const char *spec, uint32_t flags,
		      struct vb_buf *low)
{
	const char *eq = strchr(spec, '=');
	size_t nlen = eq ? (size_t)(eq - spec) : strlen(spec);
	const char *canon = eq ? eq + 1 : NULL;
	struct vb_buf c = VB_BUF_INIT;

	if (!canon) {
		vb_buf_add(&c, spec, nlen);
		canon = c.buf;
	}
	lower_utf8(spec, nlen, low);
	const struct strmap_entry *old = strmap_get(gaz, low->buf, low->len);
	/* The first (most specific) canonical name wins. */
	strmap_put(gaz, low->buf, low->len, flags, 0,
		   old && old->aux ? NULL : canon);
	vb_buf_release(&c);
}

/*
 * Country names in other languages ("Österreich", "Suisse", "Alemania"):
 * iso-codes ships its translations as gettext catalogues beside the JSON
 * files, <dir>/../../locale/<lang>/LC_MESSAGES/iso_3166-1.mo.  A catalogue
 * maps the English name to the translated one; read into `map` (original
 * -> translation, the translation as the aux string).  Returns false when
 * the file is missing or not a catalogue.
 */
static bool load_mo(const char *dir, const char *lang, struct strmap *map)
{
	struct vb_buf path = VB_BUF_INIT, body = VB_BUF_INIT;
	vb_buf_addf(&path, "%s/../../locale/%s/LC_MESSAGES/iso_3166-1.mo", dir, lang);
	FILE *f = fopen(path.buf, "rb");
	vb_buf_release(&path);
	if (!f)
		return false;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		vb_buf_add(&body, chunk, n);
	fclose(f);
	const unsigned char *b = (const unsigned char *)body.buf;
	size_t len = body.len;
	bool ok = len >= 20;
	/* Little-endian catalogues only: what Debian builds. */
#define U32(o) ((uint32_t)b[o] | (uint32_t)b[(o) + 1] << 8 | (uint32_t)b[(o) + 2] << 16 | \
		(uint32_t)b[(o) + 3] << 24)
	if (ok && U32(0) != 0x950412deu)
		ok = false;
	uint32_t count = ok ? U32(8) : 0, orig = ok ? U32(12) : 0, trans = ok ? U32(16) : 0;
	for (uint32_t i = 0; ok && i < count; i++) {
		size_t oe = (size_t)orig + 8u * i, te = (size_t)trans + 8u * i;
		if (oe + 8 > len || te + 8 > len)
			break;
		uint32_t ol = U32(oe), oo = U32(oe + 4), tl = U32(te), to = U32(te + 4);
		if (!ol || !tl || (size_t)oo + ol > len || (size_t)to + tl > len)
			continue;
		char *t = vb_strndup((const char *)b + to, tl);
		strmap_put(map, (const char *)b + oo, ol, 0, 0, t);
		free(t);
	}
#undef U32
	vb_buf_release(&body);
	return ok;
}

/* The translations of one country's English name, as aliases of it.
 * Not a translation that is a given name ("Maurice") or short. */
static void put_translations(struct strmap *gaz, const struct strmap *lex,
			     const struct strmap *mo, size_t nmo, const char *english,
			     const char *canon, struct vb_buf *low)
{
	for (size_t l = 0; l < nmo; l++) {
		const struct strmap_entry *e = strmap_get(&mo[l], english, strlen(english));
		/* Nor a part of the English name ("Norfolk" of "Norfolk Island"). */
		if (!e || !e->aux || strlen(e->aux) < 4 || strstr(english, e->aux) ||
		    strchr(e->aux, ','))
			continue;
		const struct strmap_entry *w = lexicon_get(lex, e->aux, strlen(e->aux));
		if (w && (w->flags & (L_GIVEN | L_STOP | L_COMMON)))
			continue;
		struct vb_buf spec = VB_BUF_INIT;
		vb_buf_addf(&spec, "%s=%s", e->aux, canon);
		put_place(gaz, spec.buf, G_COUNTRY, low);
		vb_buf_release(&spec);
	}
}

static void load_iso(struct strmap *gaz, const char *dir, const char *file,
		     const char *key, uint32_t flags, struct vb_buf *low,
		     const struct strmap *lex, const struct strmap *mo, size_t nmo)
{
	struct vb_buf path = VB_BUF_INIT;
	json_error_t jerr;

	vb_buf_addf(&path, "%s/%s", dir, file);
	json_t *root = json_load_file(path.buf, 0, &jerr);
	vb_buf_release(&path);
	if (!root)
		return;
	json_t *arr = json_object_get(root, key);
	size_t i;
	json_t *e;
	json_array_foreach(arr, i, e) {
		const char *name = json_string_value(json_object_get(e, "name"));
		const char *common =
			json_string_value(json_object_get(e, "common_name"));
		const char *type = json_string_value(json_object_get(e, "type"));
		const char *canon = common ? common : name;
		if (!name)
			continue;
		/*
		 * Subdivisions below the first level of big countries (districts,
		 * municipalities) are too many and too often ordinary words.
		 */
		if ((flags & G_SUBDIV) && type &&
		    strcmp(type, "State") && strcmp(type, "Province") &&
		    strcmp(type, "Region") && strcmp(type, "Country") &&
		    strcmp(type, "Nation") && strcmp(type, "Land") &&
		    strcmp(type, "Autonomous region") &&
		    strcmp(type, "Autonomous community") &&
		    strcmp(type, "Prefecture") && strcmp(type, "Canton") &&
		    strcmp(type, "County") && strcmp(type, "Department") &&
		    strcmp(type, "Metropolitan region") &&
		    strcmp(type, "Federal district") &&
		    strcmp(type, "Territory") && strcmp(type, "Emirate") &&
		    strcmp(type, "Governorate") &&
		    /* English counties, Scottish council areas */
		    strcmp(type, "Two-tier county") && strcmp(type, "Council area"))
			continue;
		/* Not a county that is a given name or a common word
		 * ("Angus", "Highland"). */
		if ((flags & G_SUBDIV) && type && !strchr(name, ' ') &&
		    (!strcmp(type, "Two-tier county") || !strcmp(type, "Council area"))) {
			const struct strmap_entry *w = lexicon_get(lex, name, strlen(name));
			if (w && (w->flags & (L_GIVEN | L_STOP | L_COMMON)))
				continue;
		}
		struct vb_buf spec = VB_BUF_INIT;
		vb_buf_addf(&spec, "%s=%s", name, canon);
		put_place(gaz, spec.buf, flags, low);
		if (common) {
			vb_buf_reset(&spec);
			vb_buf_addf(&spec, "%s=%s", common, canon);
			put_place(gaz, spec.buf, flags, low);
		}
		vb_buf_release(&spec);
		put_translations(gaz, lex, mo, nmo, name, canon, low);
		if (common)
			put_translations(gaz, lex, mo, nmo, common, canon, low);
	}
	json_decref(root);
}

void gazetteer_build(struct strmap *gaz, const char *iso_dir, const struct strmap *lex)
{
	struct vb_buf low = VB_BUF_INIT;

	for (size_t i = 0; i < sizeof(countries) / sizeof(countries[0]); i++)
		put_place(gaz, countries[i], G_COUNTRY, &low);
	for (size_t i = 0; i < sizeof(cities) / sizeof(cities[0]); i++)
		put_place(gaz, cities[i], G_CITY, &low);
	for (size_t i = 0; i < sizeof(state_abbrevs) / sizeof(state_abbrevs[0]);
	     i++)
		put_place(gaz, state_abbrevs[i],
			  strchr(state_abbrevs[i], '.') ? G_US_STATE_ABBR
							: G_SUBDIV,
			  &low);
	if (iso_dir) {
		/* German and French press; not Spanish ("Granada" is Grenada). */
		static const char *const langs[] = { "de", "fr" };
		struct strmap mo[sizeof(langs) / sizeof(langs[0])];
		size_t nmo = 0;
		for (size_t l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
			strmap_init(&mo[nmo]);
			if (load_mo(iso_dir, langs[l], &mo[nmo]))
				nmo++;
			else
				strmap_release(&mo[nmo]);
		}
		load_iso(gaz, iso_dir, "iso_3166-1.json", "3166-1", G_COUNTRY,
			 &low, lex, mo, nmo);
		load_iso(gaz, iso_dir, "iso_3166-2.json", "3166-2", G_SUBDIV,
			 &low, lex, mo, 0);
		for (size_t l = 0; l < nmo; l++)
			strmap_release(&mo[l]);
	}
	vb_buf_release(&low);
}
