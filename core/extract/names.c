/* names.c: the word lists: speech verbs, honorifics, organisation cues, given names, months... */
#include "extract/internal.h"

#include <string.h>

/*
 * Each group is a flag and a space-separated list of lowercase words.  A word
 * may appear in several groups: its flags are OR-ed.  The lists are short on
 * purpose: they name the closed classes English news uses around quotes and
 * names, not a dictionary.
 */
struct word_group {
	uint32_t flags;
	const char *words;
};

static const struct word_group groups[] = {
	{ L_CUE,
	  "said says say told tells added adds warned warns stressed stresses "
	  "argued argues claimed claims explained explains noted notes stated "
	  "states insisted insists commented comments remarked observed "
	  "declared declares acknowledged acknowledges admitted admits "
	  "confirmed confirms emphasised emphasized emphasises emphasizes "
	  "asserted asserts maintained maintains conceded concedes recalled "
	  "recalls predicted predicts suggested suggests urged urges replied "
	  "replies answered responded continued continues concluded wrote "
	  "writes announced announces cautioned cautions contended contends "
	  "countered counters reiterated reiterates affirmed affirms "
	  "complained complains testified testifies disclosed discloses "
	  "revealed reveals indicated indicates estimated estimates "
	  "believes believed reported reports agreed asked asks "
	  "allege alleges alleged pointed shouted yelled whispered joked quipped "
	  "exclaimed tweeted posted vowed vows pledged pledges promised promises "
	  "lamented laments boasted boasts recounted mused pleaded "
	  /* German and French: verbs of saying that introduce or follow a quote. */
	  "sagte sagt sagten erklärte erklärt erklärten betonte betont "
	  "betonten meinte meint ergänzte ergänzt fügte teilte kündigte "
	  "warnte warnt kritisierte unterstrich "
	  "déclaré dit affirmé estimé expliqué souligné ajouté indiqué "
	  "précisé assuré estime affirme déclare explique souligne ajoute "
	  "indique annoncé rappelé prévenu confié reconnu regretté insisté martelé "
	  "répondu averti "
	  /* Spanish, preterite, present and participle ("ha declarado") */
	  "dijo declaró afirmó explicó señaló aseguró indicó añadió subrayó "
	  "destacó manifestó comentó apuntó advirtió recalcó insistió sostuvo "
	  "admitió reconoció precisó agregó anunció afirma asegura explica "
	  "señala declara añade subraya destaca advierte sostiene "
	  "declarado afirmado explicado señalado dicho asegurado indicado "
	  "añadido subrayado destacado manifestado comentado apuntado "
	  "advertido anunciado recalcado precisado reconocido" },
	{ L_CALL,
	  "called calls calling described describes describing termed terms "
	  "dubbed dubs labelled labeled labels branded brands denounced "
	  "hailed praised condemned bezeichnete bezeichnet nannte nennt qualifié qualifie" },
	/* Groups known by one name, each a whole name: "Hamas said", "Al
	 * Qaeda", "the Taliban and Al Qaida" (two). */
	{ L_ORG_CUE | L_ORG_NAME,
	  "qaeda qaida shabaab jazeera hamas hezbollah hizbollah taliban isis isil "
	  "daesh haram "
	  /* Bodies, charities, agencies and companies known by one word
	   * that is neither a common word nor a person's name (not "Apple",
	   * "Shell", "Ford", "Bloomberg", "Honda"). */
	  "oxfam greenpeace unicef unesco caritas actionaid wateraid interpol europol "
	  "eurojust frontex eurostat kremlin pentagon bundestag bundesrat bundesbank "
	  "bundeswehr knesset duma riksdag storting folketing sejm "
	  "reuters xinhua interfax yonhap kyodo politico "
	  "google alphabet microsoft facebook youtube instagram whatsapp tiktok "
	  "bytedance netflix spotify tesla spacex openai nvidia samsung huawei "
	  "xiaomi tencent alibaba baidu toyota nissan volkswagen renault stellantis "
	  "siemens airbus boeing pfizer moderna astrazeneca novartis sanofi "
	  "glaxosmithkline unilever nestlé nestle danone carrefour walmart tesco "
	  "ikea exxonmobil chevron totalenergies gazprom rosneft aramco glencore "
	  "citigroup barclays blackrock jpmorgan paypal mastercard airbnb "
	  "nokia ryanair easyjet lufthansa adidas nasdaq" },
	{ L_PRONOUN, "he she it they we i er sie i'd i've i'll i'm we'd we've we'll we're they're "
	  "i’d i’ve i’ll i’m we’d we’ve we’ll we’re they’re" },	/* German "sagte er" */
	{ L_HONORIFIC,
	  "mr mrs ms miss mx dr prof professor sir dame lord lady judge justice "
	  "minister president senator sen rep representative congressman "
	  "congresswoman gov governor chancellor mayor king queen prince "
	  "princess pope rev reverend father gen general col colonel capt "
	  "captain lt lieutenant sgt sergeant secretary ambassador commissioner "
	  "inspector detective archbishop bishop cardinal rabbi imam sheikh "
	  "premier chairman chairwoman chairperson councillor councilor "
	  "alderman deputy superintendent chief constable officer vice mp mep "
	  "commander cmdr marshal sheriff admiral commodore speaker "
	  "attorney-general cllr cllrs councilwoman councilman vice-president "
	  "vice-chancellor vice-premier secretary-general director-general "
	  "rt hon honourable" },
	{ L_ORG_SUFFIX,
	  "inc incorporated ltd limited corp corporation co cie plc llc llp lp gmbh "
	  "ag sa nv bv spa sarl srl oy ab asa kk pty pte bhd tbk "
	  "holdings group" },
	{ L_ORG_CUE,
	  "association federation court ministry department university college "
	  "school academy music entertainment agency commission council union "
	  "bank institute institution party committee foundation society "
	  "organisation organization authority board office bureau trust fund "
	  "league network networks records media press times post herald journal "
	  "television tv radio airlines airways motors industries technologies "
	  "technology systems software communications partners securities "
	  "exchange police army navy parliament senate congress church hospital "
	  "club alliance coalition movement corporation company companies "
	  "enterprises laboratories labs pharmaceuticals petroleum oil energy "
	  "electric steel chemical chemicals services tribunal assembly cabinet "
	  "government administration forces service federal reserve "
	  "consortium cooperative bancorp bancshares financial insurance "
	  "investments investment capital resources mining foods brands stores "
	  "railway railways studios pictures publishing publishers broadcasting "
	  "telecom telecommunications airport commission inc. ltd. corp. co. "
	  "directorate secretariat observatory council federation guild "
	  "chamber commissioners trustees institute inc embassy consulate "
	  "agencies bureaux ministries delegation biotech biotechnology "
	  "therapeutics biosciences biopharma pharma solutions logistics "
	  "semiconductor semiconductors robotics analytics ventures aerospace "
	  "automotive water utilities air centre center associates farms mills infrastructure computing "
	  "renewables orchards vineyards winery wineries brewery breweries "
	  "distillery dairies bakeries museum gallery theatre theater library "
	  "zoo orchestra opera unit squad constabulary inspectorate regiment brigade "
	  "ombudsman watchdog watch project programme fc afc rovers wanderers athletic albion "
	  "brothers grocers supermarkets hotels resorts restaurants clinic "
	  /* German: "Bund der Steuerzahler", "Verband der Autoindustrie" */
	  "verband verein gewerkschaft stiftung bund kammer ministerium "
	  "behörde amt bundesamt landesamt konzern gruppe stadtwerke werke "
	  "hochschule universität "
	  /* Spanish: "el Ayuntamiento de Toledo", "la Fundación ..." */
	  "ayuntamiento ministerio junta consejería fundación asociación "
	  "sindicato universidad compañía empresa comisión tribunal juzgado "
	  "federación confederación agencia instituto partido diputación" },
	{ L_STOP,
	  "the a an and or but if then so as at by for from in into of off on "
	  "onto out over to up with without this that these those there here "
	  "when where while why how what which who whom whose it its he she "
	  "they we i you his her their our my your him them us me also "
	  "however meanwhile although though because since after before during "
	  "until unless yet still some many most more much any all each every "
	  "no not nor both either neither one two three four five six seven "
	  "eight nine ten is are was were be been being has have had do does "
	  "did will would shall should can could may might must about against "
	  "between through under above below according despite including "
	  "today yesterday tomorrow last next other another such only just even "
	  "now than very well further furthermore moreover indeed instead thus "
	  "therefore hence besides otherwise overall earlier later again "
	  "perhaps like unlike among amid around near per via whether nearly "
	  "almost several few following under new old first second third "
	  "whereas shares sales net profit revenue revenues analysts officials "
	  "dear thank thanks please our "
	  /* German pronouns and demonstratives: "Das teilte ... mit" */
	  "das dies diese dieser dieses es er sie wir ihr dessen deren "
	  /* German prepositions opening sentences: "Nach Angaben der ..." */
	  "nach laut bei beim zum zur im auf für über unter gegen ohne durch "
	  "während wegen trotz angaben" },	/* not am, um, mit, aus: AM, MIT */
	{ L_NOM_PERSON,
	  "person "
	  "spokesman spokeswoman spokesperson official executive analyst "
	  "minister chairman chairwoman director president chief head source "
	  "lawyer attorney economist manager secretary officer negotiator "
	  "diplomat leader founder governor mayor judge prosecutor trader "
	  "dealer broker expert researcher scientist professor teacher "
	  "member banker investor representative ambassador commissioner "
	  "senator chancellor premier envoy adviser advisor aide "
	  "strategist consultant observer insider owner partner ceo cfo coo "
	  "chair spokespeople officials analysts sources lawyers experts "
	  "economists traders dealers executives bankers diplomats members "
	  "investors observers insiders authorities police witnesses "
	  "residents people activists campaigners critics organisers "
	  "organizers researchers scientists doctors leaders claimants "
	  "plaintiffs defendants applicants appellants petitioners "
	  "prosecutors protesters opponents supporters negotiators "
	  "regulators ministers managers directors owners users customers "
	  "consumers workers employees staff farmers "
	  "farmer grower growers producers exporter exporters importer "
	  "importers shipper shippers buyer buyers seller sellers merchant "
	  "merchants miller millers planter planters miner miners "
	  "shareholder shareholders creditor creditors brokers engineer "
	  "engineers inspector inspectors resident witness activist "
	  "campaigner critic student students teachers nurses parents "
	  "officers agents delegate delegates roaster roasters refiner refiners "
	  "processor processors supplier suppliers participant participants "
	  "planner planners architect architects physician physicians surgeon "
	  "surgeons historian historians lecturer lecturers specialist "
	  "specialists epidemiologist epidemiologists psychologist "
	  "psychologists sociologist sociologists biologist biologists chemist "
	  "chemists physicist physicists ecologist ecologists geologist "
	  "geologists climatologist climatologists pharmacist pharmacists "
	  "accountant accountants journalist journalists columnist commentator "
	  "pollster pollsters lobbyist lobbyists veterinarian enforcers "
	  "investigators legislators lawmakers judges scholars academics "
	  "agent coach coaches captain player players striker goalkeeper "
	  "athlete athletes wife husband widow mother father son daughter "
	  "brother sister cousin relative relatives friend friends colleague "
	  "colleagues teammate teammates neighbour neighbor neighbours neighbors "
	  "volunteer volunteers driver drivers passenger passengers tourist "
	  "tourists visitor visitors voter voters fan fans vendor vendors "
	  "shopkeeper shopkeepers soldier soldiers firefighter firefighters "
	  "paramedic paramedics survivor survivors novelist editor editors "
	  "man woman men women villager villagers crews boy girl boys girls "
	  "nurse doctor pilots midwife midwives carer carers mechanic "
	  "electrician plumber builders chef waiter steward stewards convenor "
	  "pilot headteacher pastor priest referee barrister solicitor "
	  "fisherman fishermen landlord landlords "
	  "tenant tenants homeowner homeowners commuter commuters parent pupil "
	  "pupils graduate retiree retirees "
	  "teenager teenagers pensioner pensioners family families couple "
	  "vice-president secretary-general director-general" },
	{ L_PLURAL_NOM,
	  "crews boys girls teenagers pensioners families pilots midwives carers citizens "
	  "builders fishermen landlords tenants homeowners commuters "
	  "pupils retirees "
	  "officials analysts sources lawyers experts economists traders "
	  "dealers executives bankers diplomats members investors observers "
	  "insiders authorities police witnesses residents people activists "
	  "campaigners critics organisers organizers researchers scientists "
	  "doctors leaders spokespeople claimants plaintiffs defendants "
	  "applicants appellants petitioners prosecutors protesters opponents "
	  "supporters negotiators regulators ministers managers directors "
	  "owners users customers consumers workers employees staff farmers "
	  "growers producers exporters importers shippers buyers sellers "
	  "merchants millers planters miners shareholders creditors brokers "
	  "engineers inspectors students teachers nurses parents officers "
	  "agents delegates roasters refiners processors suppliers participants "
	  "groups companies unions organisations organizations planners "
	  "architects physicians surgeons historians lecturers specialists "
	  "epidemiologists psychologists sociologists biologists chemists "
	  "physicists ecologists geologists climatologists pharmacists "
	  "accountants journalists pollsters lobbyists enforcers investigators "
	  "legislators lawmakers judges scholars academics coaches players "
	  "athletes relatives friends colleagues teammates neighbours neighbors "
	  "volunteers drivers passengers tourists visitors voters fans vendors "
	  "shopkeepers soldiers firefighters paramedics survivors editors men "
	  "women villagers charities agencies firms insurers lenders retailers airlines" },
	{ L_NOM_ORG,
	  "company group firm organisation organization federation association ombudsman watchdog "
	  "agency ministry government bank union court party council commission "
	  "department board committee institute society university club "
	  "label band coalition alliance foundation charity corporation "
	  "authority regulator body industry trust bureau office network "
	  "airline carrier insurer lender retailer manufacturer maker producer "
	  "distributor broadcaster publisher newspaper station studio team "
	  "unit subsidiary business concern venture partnership consortium "
	  "exchange fund service police administration campaign movement "
	  "regime military army groups companies unions organisations developer "
	  "museum gallery theatre theater library zoo orchestra hospital school "
	  "organizations charities agencies firms insurers lenders retailers airlines centre center "
	  "operator operators supplier suppliers provider providers utility utilities startup "
	  /* Spanish: "según ha anunciado hoy la compañía" */
	  "compañía empresa entidad sociedad organización" },
	/* French titles: "Le maire de Toulouse, Jean-Luc Moudenc, a affirmé" */
	{ L_ROLE | L_NOM_PERSON,
	  "maire ministre présidente directeur directrice porte-parole préfet "
	  "préfète procureur procureure secrétaire député députée sénateur "
	  "sénatrice adjoint adjointe délégué déléguée avocat avocate juge "
	  "conseiller conseillère dirigeant dirigeante parole" },
	/* Spanish titles: "El alcalde de Toledo, Carlos Ruiz, afirmó" */
	{ L_ROLE | L_NOM_PERSON,
	  "alcalde alcaldesa presidenta consejero consejera delegado delegada "
	  "directora portavoz ministro ministra secretario secretaria gerente "
	  "jefe jefa concejal concejala diputado diputada senadora jueza "
	  "abogado abogada profesora investigador investigadora economista "
	  "analista responsable" },
	{ L_ROLE,
	  "chairman chairwoman chairperson chair chief executive president "
	  "vice director head spokesman spokeswoman spokesperson minister "
	  "secretary officer manager founder co-founder partner analyst "
	  "economist professor lawyer attorney adviser advisor leader member "
	  "general counsel editor correspondent governor mayor senator judge "
	  "commissioner ambassador deputy senior managing operating financial "
	  "technology marketing communications press public affairs relations "
	  "ceo cfo coo cto md evp svp treasurer chancellor prosecutor "
	  "representative coordinator researcher scientist fellow principal "
	  "dean provost rector superintendent inspector inspector-general "
	  "detective sergeant constable sheriff marshal commander speaker "
	  "strategist consultant negotiator envoy aide owner trustee boss skipper "
	  "midfielder defender striker goalkeeper winger "
	  "organiser organizer campaigner activist singer artist musician "
	  "producer writer author actor actress player coach captain "
	  "president-elect premier administrator undersecretary "
	  "under-secretary comptroller controller auditor registrar "
	  "assistant associate councillor councilor councilman councilwoman "
	  "alderman alderwoman mp mep msp mla vice-president vice-chair "
	  "vice-chairman vice-chairwoman vice-chancellor vice-premier "
	  "vice-governor vice-mayor co-chair co-chairman co-chairwoman "
	  "secretary-general director-general attorney-general "
	  "solicitor-general surgeon-general chief-executive "
	  /* German titles, capitalised before the name ("Sprecher Jonas Riedl") */
	  "geschäftsführer geschäftsführerin sprecher sprecherin pressesprecher "
	  "pressesprecherin vorsitzende vorsitzender vorstandsvorsitzende "
	  "vorstandsvorsitzender präsident präsidentin bürgermeister "
	  "bürgermeisterin ministerin direktor direktorin leiter leiterin" },
	/* German people by their office, capitalised: "ein Sprecher der
	 * Nordbahn", "die Ministerin" */
	{ L_NOM_PERSON,
	  "sprecher sprecherin pressesprecher pressesprecherin minister ministerin "
	  "experte expertin analyst analystin vorsitzende vorsitzender chef chefin "
	  "leiter leiterin direktor direktorin präsident präsidentin bürgermeister "
	  "bürgermeisterin geschäftsführer geschäftsführerin" },
	{ L_ADV,
	  "also later earlier previously then further recently again has had "
	  "have would will had once repeatedly subsequently separately still "
	  "has, yesterday today tonight last night simply only often "
	  "frequently reportedly allegedly apparently publicly privately "
	  "quickly angrily calmly flatly firmly bluntly succinctly "
	  "immediately originally initially finally jointly" },
	{ L_CONNECT,
	  "of for de du des del della di da van von der den la le al bin ibn "
	  "y dos das on and & und et" },
	{ L_DET,
	  "the a an its his her their our this that these those" },
	{ L_ABBREV,
	  "mr mrs ms dr prof st jr sr gen col lt sgt capt gov sen rep rev no "
	  "vs etc jan feb mar apr jun jul aug sep sept oct nov dec approx est "
	  "mt ft pt fig nos ref vol op cf messrs mme mlle hon maj adm cmdr "
	  "brig supt insp det ave blvd rd tex calif fla ill mass mich minn "
	  "penn wis conn colo ariz okla ore wash va md ga ala ky tenn ind "
	  "kan neb nev del" },
	{ L_PLACE_GENERIC,
	  "central north south east west northern southern eastern western "
	  "capital centre center upper lower coast islands island city region "
	  "mountain mountains valley river lake bay new great middle "
	  "national federal south-east north-east south-west north-west "
	  "northeast northwest southeast southwest interior frontier border "
	  "metropolitan greater inner outer high low east-central" },
	{ L_UNIT,
	  "shares share employees workers people jobs staff members units "
	  "tonnes tons barrels bpd dlrs dollars euros pounds yen yuan francs "
	  "marks points pct percent per students votes seats cars vehicles "
	  "homes houses customers users subscribers copies tracks songs "
	  "albums files sites pages words miles km kilometres kilometers "
	  "metres meters feet acres hectares hours minutes days weeks months "
	  "years times ounces troops soldiers deaths cases patients children "
	  "stores outlets branches plants mines wells rigs planes aircraft "
	  "ships locations offices mln billion bln million thousand" },
	{ L_PERCENT, "pct percent per-cent percentage" },
	{ L_COMMON,
	  "monday tuesday wednesday thursday friday saturday sunday january "
	  "february march april may june july august september october "
	  "november december god internet web government state states church "
	  "parliament congress senate president prime minister chairman "
	  "chief executive director company group court party bank union "
	  "federal national international new general central annual "
	  "american european british english french german chinese japanese "
	  "russian african asian arab islamic christian muslim jewish catholic "
	  "democrat democrats republican republicans labour conservative "
	  "conservatives liberal liberals socialist socialists communist "
	  "communists soviet western eastern northern southern north south "
	  "east west christmas easter ramadan" },
	{ L_VERB_NOT_NAME,
	  "is are was were be been has have had will would can could said says "
	  "told added and or but" },
	{ L_DATE_PREP,
	  "in since by until till during from of before after through "
	  "throughout to between early late mid fiscal end beginning start "
	  "spring summer autumn fall winter year calendar and or than around "
	  "im seit bis ab jahr anfang ende en depuis desde" },
};

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
};
static const char *const month_abbrevs[] = {
	"jan", "feb", "mar", "apr", NULL, "jun", "jul", "aug", "sep", "oct",
	"nov", "dec",
};
static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday",
};
static const char *const numwords[] = {
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
	"sixteen", "seventeen", "eighteen", "nineteen", "twenty",
};
static const char *const ordinals[] = {
	"first", "second", "third", "fourth",
};

struct valued {
	const char *word;
	uint32_t flags;
	int32_t val;
	const char *aux;
};

static const struct valued valued_words[] = {
	{ "thirty", L_NUMWORD, 30, NULL },
	{ "forty", L_NUMWORD, 40, NULL },
	{ "fifty", L_NUMWORD, 50, NULL },
	{ "sixty", L_NUMWORD, 60, NULL },
	{ "seventy", L_NUMWORD, 70, NULL },
	{ "eighty", L_NUMWORD, 80, NULL },
	{ "ninety", L_NUMWORD, 90, NULL },
	{ "hundred", L_NUMWORD | L_SCALE, 2, NULL },
	{ "thousand", L_SCALE, 3, NULL },
	{ "k", L_SCALE, 3, NULL },
	{ "million", L_SCALE, 6, NULL },
	{ "millions", L_SCALE, 6, NULL },
	{ "mln", L_SCALE, 6, NULL },
	{ "m", L_SCALE, 6, NULL },
	{ "mn", L_SCALE, 6, NULL },
	{ "billion", L_SCALE, 9, NULL },
	{ "billions", L_SCALE, 9, NULL },
	{ "bln", L_SCALE, 9, NULL },
	{ "bn", L_SCALE, 9, NULL },
	{ "b", L_SCALE, 9, NULL },
	{ "trillion", L_SCALE, 12, NULL },
	/* German and French: "85 Millionen Euro", "40 millions d'euros" */
	{ "millionen", L_SCALE, 6, NULL },
	{ "mio", L_SCALE, 6, NULL },
	{ "milliarde", L_SCALE, 9, NULL },
	{ "milliarden", L_SCALE, 9, NULL },
	{ "mrd", L_SCALE, 9, NULL },
	{ "milliard", L_SCALE, 9, NULL },
	{ "milliards", L_SCALE, 9, NULL },
	{ "md", L_SCALE, 9, NULL },
	{ "mds", L_SCALE, 9, NULL },
	{ "d'euros", L_CURRENCY, 0, "EUR" },
	{ "d\xe2\x80\x99" "euros", L_CURRENCY, 0, "EUR" },
	{ "d'euro", L_CURRENCY, 0, "EUR" },
	{ "franken", L_CURRENCY, 0, "CHF" },
	{ "tn", L_SCALE, 12, NULL },
	{ "dlrs", L_CURRENCY, 0, "USD" },
	{ "dlr", L_CURRENCY, 0, "USD" },
	{ "dollars", L_CURRENCY, 0, "USD" },
	{ "dollar", L_CURRENCY, 0, "USD" },
	{ "usd", L_CURRENCY, 0, "USD" },
	{ "us$", L_CURRENCY, 0, "USD" },
	{ "euros", L_CURRENCY, 0, "EUR" },
	{ "euro", L_CURRENCY, 0, "EUR" },
	{ "eur", L_CURRENCY, 0, "EUR" },
	{ "pounds", L_CURRENCY, 0, "GBP" },
	{ "sterling", L_CURRENCY, 0, "GBP" },
	{ "stg", L_CURRENCY, 0, "GBP" },
	{ "gbp", L_CURRENCY, 0, "GBP" },
	{ "yen", L_CURRENCY, 0, "JPY" },
	{ "jpy", L_CURRENCY, 0, "JPY" },
	{ "yuan", L_CURRENCY, 0, "CNY" },
	{ "renminbi", L_CURRENCY, 0, "CNY" },
	{ "rmb", L_CURRENCY, 0, "CNY" },
	{ "cny", L_CURRENCY, 0, "CNY" },
	{ "francs", L_CURRENCY, 0, "CHF" },
	{ "chf", L_CURRENCY, 0, "CHF" },
	{ "marks", L_CURRENCY, 0, "DEM" },
	{ "rupees", L_CURRENCY, 0, "INR" },
	{ "inr", L_CURRENCY, 0, "INR" },
	{ "roubles", L_CURRENCY, 0, "RUB" },
	{ "rubles", L_CURRENCY, 0, "RUB" },
	{ "won", L_CURRENCY, 0, "KRW" },
	{ "cad", L_CURRENCY, 0, "CAD" },
	{ "aud", L_CURRENCY, 0, "AUD" },
	{ "sek", L_CURRENCY, 0, "SEK" },
	{ "nok", L_CURRENCY, 0, "NOK" },
	{ "dkk", L_CURRENCY, 0, "DKK" },
	{ "crowns", L_CURRENCY, 0, "XXX" },
	{ "lire", L_CURRENCY, 0, "ITL" },
	{ "pesos", L_CURRENCY, 0, "XXX" },
	{ "rand", L_CURRENCY, 0, "ZAR" },
};

/*
 * Common given names of several cultures (English, French, German, Spanish,
 * Italian, Portuguese, Dutch, Nordic, Slavic, Arabic, Turkish, Persian,
 * Indian, Chinese, Japanese, Korean, African).  A capitalised word from this
 * list followed by another capitalised word starts a person's name.
 */
static const char given_names[] =
	"james john robert michael william david richard joseph thomas charles "
	"christopher daniel matthew anthony mark donald steven paul andrew "
	"joshua kenneth kevin brian george timothy ronald edward jason jeffrey "
	"ryan jacob gary nicholas eric jonathan stephen larry justin scott "
	"brandon benjamin samuel gregory alexander frank patrick raymond jack "
	"dennis jerry tyler aaron jose adam nathan henry douglas zachary peter "
	"kyle walter ethan jeremy harold keith christian roger noah gerald carl "
	"terry sean austin arthur lawrence jesse dylan bryan joe jordan billy "
	"bruce albert willie gabriel logan alan juan wayne roy ralph randy "
	"eugene vincent russell elijah louis bobby philip johnny mary patricia "
	"jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa "
	"betty margaret sandra ashley kimberly emily donna michelle dorothy "
	"carol amanda melissa deborah stephanie rebecca sharon laura cynthia "
	"kathleen amy shirley angela helen anna brenda pamela nicole emma "
	"samantha katherine christine debra rachel catherine carolyn janet "
	"ruth maria heather diane virginia julie joyce victoria olivia kelly "
	"christina lauren joan evelyn judith megan cheryl andrea hannah "
	"martha jacqueline frances gloria ann teresa kathryn sara janice jean "
	"alice madison doris abigail julia judy grace denise amber marilyn "
	"beverly danielle theresa sophia marie diana brittany natalie isabella "
	"charlotte rose alexis kayla jane tom tony bill bob jim mike dave steve "
	"chris nick ben sam dan matt rob tim ken ted fred ed al ian neil "
	"graham nigel colin gordon malcolm alistair alastair hugh rupert "
	"simon oliver harry alfie charlie toby rory hamish fiona kirsty "
	"siobhan sinead niamh aoife ciaran declan liam sean conor eoin "
	"gemma hayley kate lucy sophie chloe ella holly jade zoe molly "
	"jean pierre jacques michel philippe alain bernard christophe "
	"francois françois nicolas laurent thierry olivier eric frederic "
	"frédéric sebastien sébastien stephane stéphane didier patrice "
	"dominique marie isabelle nathalie sylvie valerie valérie sandrine "
	"celine céline sophie aurelie aurélie camille julien antoine "
	"hans peter klaus jurgen jürgen wolfgang helmut dieter gerhard "
	"manfred uwe werner horst heinz karl kurt friedrich stefan andreas "
	"matthias markus thomas frank jens jan lars sven bjorn björn erik "
	"anders nils olaf magnus gunnar ingrid astrid birgit ursula angela "
	"monika sabine petra heike claudia katrin anke silke annika "
	"jose josé juan carlos luis antonio manuel francisco javier miguel "
	"pedro jesus jesús alejandro fernando ricardo eduardo sergio pablo "
	"jorge raul raúl diego enrique andres andrés rafael ramon ramón "
	"carmen dolores pilar lucia lucía rosa ana isabel elena laura "
	"mercedes beatriz cristina alejandra guadalupe "
	"giuseppe giovanni mario luigi francesco marco paolo roberto "
	"stefano alessandro andrea massimo matteo lorenzo silvio romano "
	"enrico fabio giulia francesca chiara alessandra federica "
	"joao joão paulo pedro luiz fernanda mariana beatriz "
	"pieter willem jan hendrik johannes cornelis maarten geert "
	"vladimir dmitry dmitri sergei sergey ivan alexei alexey andrei "
	"mikhail nikolai boris yuri igor oleg viktor pavel anatoly "
	"olga tatiana natalia svetlana irina yelena elena anastasia "
	"lech jaroslaw jarosław tomasz piotr krzysztof andrzej marek "
	"pavel jiri jiří vaclav václav milos miloš zoran dragan "
	"mohammed muhammad mohamed mohammad ahmed ahmad ali omar hassan "
	"hussein hussain ibrahim khalid abdullah abdul yusuf youssef "
	"mahmoud mustafa mostafa karim tariq walid hamid saeed "
	"fatima aisha layla leila mariam maryam nour zainab amina "
	"mehmet ahmet mustafa recep kemal emre burak ayse ayşe "
	"reza hossein mahmoud javad hassan mohsen ali-akbar "
	"raj rahul amit sanjay vijay anil sunil ravi arun ashok manmohan "
	"narendra rajesh suresh ramesh priya sonia indira sunita anita "
	"deepak vikram arvind lakshmi "
	"wei li ming hui jian jun hong lei yan xiao zhang wang chen liu "
	"yang huang zhao zhou xi hu jiang deng mao "
	"hiroshi takashi kenji yuki akira shinzo junichiro naoto yoshihiko "
	"taro koji makoto haruki yoko keiko akiko "
	"kim park lee jae-in moon ji-hoon min-jun seo-yeon "
	"kofi kwame nelson thabo jacob cyril desmond olusegun goodluck "
	"muhammadu uhuru jomo paul ellen amara chidi ngozi "
	"barack hillary joe kamala rishi keir boris theresa tony gordon "
	"emmanuel angela olaf jacinda justin volodymyr recep "
	"elon jeff warren tim sundar satya mark sheryl steve "
	/* More of the names news from everywhere carries, written without
	 * accents (a word with accents is looked up folded: "Tomás"). */
	"tomas rui nuno tiago goncalo duarte vasco bruno andre joana ines "
	"mick mike micky jim jimmy bob bobby dave davy pete steve tom tommy "
	"rob robbie andy danny gerry terry kenny lenny benny sammy "
	"catarina raquel filipa leonor rodrigo afonso gabriela renata "
	"giorgia martina valentina sara elisa simona giacomo riccardo davide "
	"emanuele nicola pietro tommaso vittorio salvatore gennaro carlo "
	"benoit renee rene regis jerome gerard herve yannick loic mathieu "
	"sebastien frederic clement thibault guillaume nicolas olivier "
	"laurent thierry pascal didier bernard helene genevieve sandrine "
	"nathalie isabelle valerie veronique chantal brigitte delphine "
	"soren mads rasmus henrik mikkel jesper morten torben lasse jonas "
	"mette pernille sigrid solveig kari tove ulla ebba elin "
	"johan mats stig knut arne leif kjell jarle ragnar "
	"eero juha jukka matti mikko pekka sanna kaisa tuula aino "
	"lukasz pawel michal grzegorz wojciech katarzyna malgorzata agnieszka "
	"joanna ewa magdalena zofia dorota beata jolanta "
	"oleksandr oleksiy volodymyr serhiy andriy mykola taras bohdan yulia "
	"oksana iryna olena kateryna vitali vitaliy valery valeri ludmila "
	"lyudmila galina nadezhda vera zoya maxim konstantin gennady arkady "
	"stanislav vyacheslav yevgeny evgeny ruslan denis artem "
	"jana petr tomas jakub ondrej martin lukas zuzana eva lenka "
	"lajos laszlo istvan gabor zoltan ferenc tamas attila zsofia katalin "
	"nikos nikolaos giorgos georgios kostas konstantinos yannis yiannis "
	"dimitris christos panagiotis eleni katerina despina "
	" mihai andrei vasile gheorghe radu dorin ioana "
	"goran milan nenad dusan aleksandar nikola stefan marija snezana "
	"emre cem kaan murat serkan hakan tolga elif zeynep ozlem esra "
	"selin derya gul fatih erdogan "
	"dermot seamus eoin ciaran cathal niall padraig declan fergal "
	"ronan aoife niamh siobhan grainne orla ciara roisin sinead "
	"hamish callum fraser iain rhys gareth dafydd emyr cerys sian "
	"chinedu chidi emeka nnamdi obinna uche chioma adaeze ifeoma ngozi "
	"oluwaseun tunde babajide bola folake yemi sade femi wale "
	"kwabena kojo yaw akosua abena efua "
	"bongani sipho themba lwazi thandiwe nomvula zanele lindiwe "
	"tendai tatenda farai rutendo chipo wanjiku wambui kamau njeri "
	"otieno odhiambo achieng akinyi juma baraka neema amani "
	"haile abebe tesfaye mulugeta alemu meseret tigist "
	"mamadou moussa ousmane ibrahima abdoulaye fatou aminata "
	"aiyana "
	"arjun aditya rohan karan vikas nikhil pradeep rakesh manish "
	"ajay ashish gaurav harish dinesh mahesh naveen prakash pooja "
	"neha anjali kavita meena rekha shalini shanti divya swati "
	"sanjeev ranjit gurpreet harpreet manpreet jaspreet "
	"imran faisal shahid asif bilal usman zafar nawaz shehbaz benazir "
	" hasina khaleda tahmina farhana "
	"somchai somsak pranee siriporn nguyen thanh minh tuan hoa "
	"joko susilo bambang budi siti dewi agus rizal anwar mahathir najib "
	"ferdinand rodrigo corazon gloria imelda jose-maria "
	"xin jing ling feng "
	"hiroki daisuke kazuo shigeru yoshiro ichiro taro yoshihide fumio "
	"sakura haruka yui naoko mariko "
	"jun-ho sung-min hyun min-ji ji-won soo-jin dong-hyun "
	"moshe yosef avraham yitzhak ehud ariel shimon benjamin naftali "
	"yair tzipi shira noa yael tamar "
	"khaled majid nasser faisal saud hamad tamim zayed rania "
	"hoda dina yasmin yasmine salma hana laila samira nadia ";

/*
 * Given names with the sex they usually belong to, and titles of men and
 * women: "he" and "she" resolve to a person of the right sex.  A name in
 * both lists (andrea, jean) is left out of both.  All are given names too.
 */
static const char male_names[] =
	"aaron adam adrian aidan alan albert alec alex alexander alfred alistair "
	"alastair andrew angus anthony antoine archibald arnold arthur austin "
	"barry basil ben benedict benjamin bernard bert bill billy bob boris "
	"brendan brian bruce bryan callum calvin cameron carl carlos cecil "
	"charles charlie christian christopher clarence clive colin conor conrad "
	"craig cyril damian damien daniel darren david dean declan dennis derek "
	"desmond dominic donald douglas duncan dylan edgar edmund edward edwin "
	"elliot eric ernest euan eugene evan ewan felix ferdinand fergus finlay "
	"finn francis frank franklin fraser frederick gareth gavin geoffrey "
	"george gerald gerard gilbert giles glen glenn gordon graham grant "
	"gregory griffin guy hamish harold harry harvey hector henry herbert "
	"horace howard hugh hugo humphrey iain ian isaac ivan jack jacob jake "
	"james jamie jason jasper jeffrey jeremy jerome jim joe joel john "
	"jonathan jordan joseph joshua julian justin karl keith kenneth kevin "
	"kieran kyle lachlan lance laurence lawrence leo leon leonard lewis liam "
	"lionel louis luke magnus malcolm marcus mark martin matthew maurice max "
	"maxwell michael miles mitchell murray nathan nathaniel neil nicholas "
	"nigel noah norman oliver oscar oswald owen patrick paul percy peter "
	"philip quentin ralph raymond reginald rex rhys richard robert robin "
	"rodney roger roland ronald rory ross roy rufus rupert russell ryan "
	"samuel scott sean sebastian seth shane simon stanley stephen steven "
	"stuart terence theodore thomas timothy tobias toby tom tony trevor "
	"tristan victor vincent walter warren wayne wilfred william "
	"jean-pierre jean-luc jean-paul pierre jacques michel philippe alain "
	"christophe francois françois nicolas laurent thierry olivier frederic "
	"frédéric sebastien sébastien stephane stéphane didier patrice julien "
	"hans klaus jurgen jürgen wolfgang helmut dieter gerhard manfred uwe "
	"werner horst heinz kurt friedrich stefan andreas matthias markus jens "
	"lars sven bjorn björn erik anders nils olaf gunnar lukas lucas jonas "
	"tobias florian moritz felix maximilian niklas tim jan "
	"jose josé juan luis antonio manuel francisco javier miguel pedro "
	"alejandro fernando ricardo eduardo sergio pablo jorge raul raúl diego "
	"enrique andres andrés rafael ramon ramón giuseppe giovanni mario luigi "
	"francesco marco paolo roberto stefano alessandro matteo lorenzo "
	"tomasz piotr krzysztof andrzej marek pavel vladimir dmitry sergei "
	"mikhail nikolai boris yuri igor oleg viktor mohammed muhammad mohamed "
	"ahmed omar hassan hussein ibrahim khalid abdullah yusuf mustafa karim "
	"tariq rahul amit sanjay vijay anil sunil ravi arun rajesh suresh";

static const char female_names[] =
	"abigail ada agnes alice alison amanda amelia amy angela anjali ann anna "
	"anne annabel annie antonia audrey barbara beatrice belinda bella "
	"bernadette beth bethany betty beverley bridget briony caitlin camilla "
	"caroline carol carolyn catherine cecilia celia charlotte chloe christina "
	"christine clara clare claire claudia colette constance cora cordelia "
	"cynthia daisy daphne deborah delia denise diana diane dolores dora "
	"doris dorothy edith eileen elaine eleanor elena elisabeth eliza "
	"elizabeth ella ellen eloise elsie emily emma erica esther eve evelyn "
	"fiona flora florence frances freya gemma georgia georgina geraldine "
	"gillian gina gloria grace gwen gwendolyn hannah harriet hazel heather "
	"helen helena henrietta hilary holly imogen ines inés ingrid irene iris "
	"isabel isabella isobel jacqueline jane janet janice jasmine jennifer "
	"jessica jill joan joanna josephine joy judith judy julia juliet june "
	"karen kate katherine kathleen katie kirsty laura lauren leah lily "
	"linda lisa lorna louise lucia lucy lydia mabel madeleine maggie "
	"margaret maria marian marianne marie marion martha mary matilda maureen "
	"megan melanie melissa mia michelle miranda miriam molly monica nadia "
	"naomi natalie natasha nicola nina nora olivia paula pauline penelope "
	"philippa phoebe polly priscilla rachel rebecca rhiannon rita rosalind "
	"rosamund rose rosemary ruth sally samantha sandra sarah sheila shirley "
	"siobhan sonia sophia sophie stella susan susannah sylvia tamsin tessa "
	"theresa tracy ursula valerie vanessa vera veronica victoria violet "
	"virginia wendy yvonne zoe zoë "
	"isabelle nathalie sylvie valérie sandrine celine céline aurelie "
	"aurélie elodie élodie margaux juliette mathilde brigitte monique "
	"sabine petra heike katrin anke silke annika ursula monika birgit astrid "
	"greta lena hanna johanna franziska "
	"carmen pilar lucía beatriz cristina alejandra francesca giulia chiara "
	"alessandra federica olga tatiana natalia svetlana irina anastasia "
	"fatima aisha layla leila mariam maryam zainab amina priya sunita anita "
	"lakshmi indira marta sofia sofía camila daniela paola silvia noemi "
	"valeria gabriela marina agnieszka katarzyna magdalena ewa zuzana";

static const char male_titles[] =
	"mr mister sir lord herr monsieur señor signor king prince father "
	"brother";
static const char female_titles[] =
	"ms mrs miss dame lady frau mme madame mlle mademoiselle señora signora "
	"queen princess sister";

/*
 * Words that look like given names but are much more often something else
 * in news text, kept out of the list above: may, will, bill (when lower),
 * said (Arabic Said, kept: only capitalised mid-sentence words are tested).
 */

static void add_words(struct strmap *lex, const char *words, uint32_t flags,
		      int32_t val)
{
	const char *p = words;

	while (*p) {
		while (*p == ' ')
			p++;
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		if (p > w)
			strmap_put(lex, w, (size_t)(p - w), flags, val, NULL);
	}
}

void lexicon_build(struct strmap *lex)
{
	for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		add_words(lex, groups[i].words, groups[i].flags, 0);
	for (int i = 0; i < 12; i++) {
		strmap_put(lex, months[i], strlen(months[i]), L_MONTH, i + 1,
			   NULL);
		if (month_abbrevs[i])
			strmap_put(lex, month_abbrevs[i],
				   strlen(month_abbrevs[i]), L_MONTH | L_ABBREV,
				   i + 1, NULL);
	}
	strmap_put(lex, "sept", 4, L_MONTH | L_ABBREV, 9, NULL);
	/* French, German, Spanish and Italian months ("23 septembre 2008",
	 * "3. März 2009", "5 de mayo de 2010"). */
	static const char *const foreign[][12] = {
		{ "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
		  "août", "septembre", "octobre", "novembre", "décembre" },
		{ "januar", "februar", "märz", "april", "mai", "juni", "juli",
		  "august", "september", "oktober", "november", "dezember" },
		{ "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
		  "agosto", "septiembre", "octubre", "noviembre", "diciembre" },
		{ "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
		  "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre" },
	};
	for (size_t l = 0; l < sizeof(foreign) / sizeof(foreign[0]); l++)
		for (int i = 0; i < 12; i++)
			strmap_put(lex, foreign[l][i], strlen(foreign[l][i]), L_MONTH,
				   i + 1, NULL);
	strmap_put(lex, "jänner", strlen("jänner"), L_MONTH, 1, NULL);
	for (int i = 0; i < 7; i++)
		strmap_put(lex, weekdays[i], strlen(weekdays[i]), L_WEEKDAY,
			   i + 1, NULL);
	/* German weekdays, capitalised as English ones ("am Montag"). */
	static const char *const wochentage[] = {
		"montag", "dienstag", "mittwoch", "donnerstag", "freitag",
		"samstag", "sonntag",
	};
	for (int i = 0; i < 7; i++)
		strmap_put(lex, wochentage[i], strlen(wochentage[i]), L_WEEKDAY,
			   i + 1, NULL);
	/* French and Spanish weekdays, in lower case ("a annoncé mardi"). */
	static const char *const jours[][7] = {
		{ "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche" },
		{ "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo" },
	};
	for (size_t l = 0; l < sizeof(jours) / sizeof(jours[0]); l++)
		for (int i = 0; i < 7; i++)
			strmap_put(lex, jours[l][i], strlen(jours[l][i]), L_WEEKDAY, i + 1, NULL);
	for (int i = 0; i < 20; i++)
		strmap_put(lex, numwords[i], strlen(numwords[i]), L_NUMWORD,
			   i + 1, NULL);
	for (int i = 0; i < 4; i++)
		strmap_put(lex, ordinals[i], strlen(ordinals[i]), L_ORDINAL,
			   i + 1, NULL);
	for (size_t i = 0; i < sizeof(valued_words) / sizeof(valued_words[0]);
	     i++)
		strmap_put(lex, valued_words[i].word,
			   strlen(valued_words[i].word), valued_words[i].flags,
			   valued_words[i].val, valued_words[i].aux);
	add_words(lex, given_names, L_GIVEN, 0);
	add_words(lex, male_names, L_GIVEN | L_MALE, 0);
	add_words(lex, female_names, L_GIVEN | L_FEMALE, 0);
	add_words(lex, male_titles, L_MALE, 0);
	add_words(lex, female_titles, L_FEMALE, 0);
}

const struct strmap_entry *lexicon_get(const struct strmap *lex, const char *w,
				       size_t len)
{
	char low[48];

	if (len == 0 || len >= sizeof(low))
		return NULL;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)w[i];
		low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
	}
	return strmap_get(lex, low, len);
}
