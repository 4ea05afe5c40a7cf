/* orgs.c: organisations news names without a word that says so ("Save the Children", "Goldman Sachs"). */
#include "extract/internal.h"

#include <string.h>

/*
 * Most organisations carry their kind in their name ("... Bank", "...
 * Ministry", "... Ltd"), and entities.c reads that.  These do not, or
 * hold words in lower case that end a name run ("Save the Children",
 * "Friends of the Earth"), or look like a person ("Morgan Stanley").  A
 * list written for this project of the ones that come up in news and
 * press releases worldwide: charities and campaigns, international
 * bodies, news agencies, banks and companies known by a founder's name.
 * Single words ("Oxfam", "Greenpeace", "Reuters") are in the lexicon
 * (names.c, L_ORG_NAME).
 */
static const char *const known_orgs[] = {
	/* charities, campaigns, NGOs */
	"Save the Children", "Friends of the Earth", "Doctors Without Borders",
	"Doctors without Borders", "Médecins Sans Frontières", "Medecins Sans Frontieres",
	"Reporters Without Borders", "Reporters sans frontières", "Reporters Sans Frontieres",
	"Amnesty International", "Transparency International", "Oxfam International",
	"Greenpeace International", "Human Rights First", "Freedom House", "Chatham House",
	"Crisis Group", "International Crisis Group", "Mercy Corps", "World Vision",
	"Christian Aid", "Islamic Relief", "Plan International", "CARE International",
	"Handicap International", "Action Against Hunger", "Action contre la Faim",
	"Red Cross", "Red Crescent", "Extinction Rebellion", "Just Stop Oil",
	"Black Lives Matter", "Fridays for Future", "Last Generation", "Letzte Generation",
	"Anti-Slavery International", "Survival International", "Global Witness",
	"Human Rights Campaign", "Planned Parenthood", "Habitat for Humanity",
	"Salvation Army", "Citizens Advice",
	/* international and national bodies */
	"World Food Programme", "World Food Program", "Médecins du Monde",
	"House of Commons", "House of Lords", "House of Representatives",
	"Scotland Yard", "White House", "Downing Street", "Elysée Palace", "Élysée Palace",
	"Islamic State", "Muslim Brotherhood", "Sinn Féin", "Sinn Fein", "Fianna Fáil",
	"Fianna Fail", "Fine Gael", "Plaid Cymru", "Alternative für Deutschland",
	"Die Linke", "Die Grünen", "La République En Marche", "Rassemblement National",
	"Front National",
	/* news organisations */
	"Associated Press", "Agence France-Presse", "Agence France Presse", "Dow Jones",
	"Thomson Reuters", "Al Jazeera", "Der Spiegel", "Le Monde", "Le Figaro",
	"El País", "El Pais", "Die Zeit",
	"Frankfurter Allgemeine Zeitung", "Süddeutsche Zeitung", "South China Morning Post",
	/* companies named after people or with no kind in the name */
	"Goldman Sachs", "Morgan Stanley", "JPMorgan Chase", "JP Morgan", "J.P. Morgan",
	"Wells Fargo", "Merrill Lynch", "Lehman Brothers", "Charles Schwab",
	"Credit Suisse", "Deutsche Telekom", "Rio Tinto", "Lockheed Martin",
	"Northrop Grumman", "General Dynamics", "Johnson & Johnson",
	"Procter & Gamble", "Marks & Spencer", "Marks and Spencer", "Rolls-Royce",
	"Mercedes-Benz", "Saudi Aramco", "Royal Dutch Shell", "Eli Lilly",
	"Bristol Myers Squibb", "Bristol-Myers Squibb", "Estée Lauder", "Ernst & Young",
	"Boston Consulting Group", "McKinsey & Company", "Berkshire Hathaway",
	"Meta Platforms", "Coca-Cola", "PepsiCo", "Anheuser-Busch InBev", "Kraft Heinz",
	"Volvo Cars", "Land Rover", "Jaguar Land Rover", "Hewlett-Packard",
	"Hewlett Packard Enterprise", "Sainsbury's", "Tata Motors", "Tata Steel",
	"Tata Consultancy Services", "Reliance Industries",
	"Qatar Airways", "Air France", "Air France-KLM", "British Airways",
	"Virgin Atlantic", "Deutsche Bahn",
};

/* The first word of a name, as it keys org_heads. */
static void first_word(const char *name, struct vb_buf *low)
{
	size_t n = strcspn(name, " ");
	lower_utf8(name, n, low);
}

void orgs_build(struct strmap *orgs, struct strmap *heads)
{
	struct vb_buf low = VB_BUF_INIT;

	for (size_t i = 0; i < sizeof(known_orgs) / sizeof(known_orgs[0]); i++) {
		const char *name = known_orgs[i];
		int words = 1;
		for (const char *p = name; *p; p++)
			words += *p == ' ';
		lower_utf8(name, strlen(name), &low);
		strmap_put(orgs, low.buf, low.len, 0, words, name);
		if (words < 2)
			continue;
		first_word(name, &low);
		const struct strmap_entry *h = strmap_get(heads, low.buf, low.len);
		if (!h || h->val < words)
			strmap_put(heads, low.buf, low.len, 0, words, NULL);
	}
	vb_buf_release(&low);
}
