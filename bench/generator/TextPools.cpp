#include "TextPools.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace chorus::bench {

namespace {

template <std::size_t N> std::span<const char *const> span(const char *const (&items)[N])
{
    return {items, N};
}

const char *const FirstNames[] = {
    "Marie",  "Jean",     "Sophie",   "Liam",    "Olivia", "Noah",     "Emma",   "Lucas",
    "Chloe",  "Ethan",    "Amelia",   "Gabriel", "Zoe",    "Nathan",   "Lea",    "Samuel",
    "Ava",    "Felix",    "Camille",  "Owen",    "Priya",  "Omar",     "Mei",    "Daniel",
    "Fatima", "Hugo",     "Isabelle", "Jacob",   "Kiara",  "Louis",    "Maya",   "Nora",
    "Oscar",  "Pauline",  "Quentin",  "Rosalie", "Simon",  "Tara",     "Ulysse", "Victor",
    "Wendy",  "Xavier",   "Yasmin",   "Zachary", "Aidan",  "Brigitte", "Cedric", "Delphine",
    "Elliot", "Florence", "Gavin",    "Helene",  "Ivan",   "Josee",    "Kevin",  "Lina",
    "Malik",  "Nadia",    "Pierre",   "Renee",
};
const char *const LastNames[] = {
    "Tremblay",  "Gagnon",   "Roy",       "Cote",     "Bouchard",  "Gauthier",  "Morin",
    "Lavoie",    "Fortin",   "Gagne",     "Ouellet",  "Pelletier", "Belanger",  "Levesque",
    "Bergeron",  "Leblanc",  "Paquette",  "Girard",   "Simard",    "Boucher",   "Caron",
    "Beaulieu",  "Cloutier", "Dube",      "Poirier",  "Fournier",  "Lapointe",  "Leclerc",
    "Lefebvre",  "Poulin",   "Thibault",  "Mercier",  "Smith",     "Brown",     "Wilson",
    "MacDonald", "Campbell", "Anderson",  "Taylor",   "Clarke",    "Nguyen",    "Singh",
    "Patel",     "Chen",     "Wong",      "Kowalski", "Novak",     "Okafor",    "Haddad",
    "Santos",    "Silva",    "Murphy",    "OBrien",   "Kelly",     "Fraser",    "Stewart",
    "Reid",      "Grant",    "Hughes",    "Ramsay",   "Doucet",    "Arsenault", "Landry",
    "Comeau",    "Cormier",  "Richard",   "Hebert",   "Savoie",    "Vienneau",  "Boudreau",
    "Chiasson",  "Gallant",  "Robichaud", "LeBlanc",  "Babineau",  "Thériault", "Després",
    "Allain",    "Daigle",   "Bourque",
};
const char *const NorthAmericanLocations[] = {
    "Toronto, Ontario",
    "Ottawa, Ontario",
    "Sudbury, Ontario",
    "Timmins, Ontario",
    "Kirkland Lake, Ontario",
    "Thunder Bay, Ontario",
    "Hamilton, Ontario",
    "London, ON",
    "Montréal, Québec",
    "Québec, QC",
    "Gatineau, Québec",
    "Sherbrooke, Québec",
    "Rouyn-Noranda, Québec",
    "Winnipeg, Manitoba",
    "Regina, SK",
    "Calgary, Alberta",
    "Edmonton, AB",
    "Vancouver, BC",
    "Victoria, British Columbia",
    "Halifax, Nova Scotia",
    "Moncton, NB",
    "St. John's, NL",
    "Charlottetown, PEI",
    "Whitehorse, Yukon",
    "Canada",
    "Buffalo, NY",
    "Detroit, MI",
    "Boston, MA",
    "Ontario, Canada",
    "Québec",
};
const char *const WorldLocations[] = {
    "Waikato District, New Zealand",
    "Lagos, Nigeria",
    "Manila, Philippines",
    "Karachi, Pakistan",
    "Nairobi, Kenya",
    "São Paulo, Brazil",
    "Jakarta, Indonesia",
    "Dhaka, Bangladesh",
    "Accra, Ghana",
    "Lima, Peru",
    "Hanoi, Vietnam",
    "Cairo, Egypt",
    "Bucharest, Romania",
    "Skopje, North Macedonia",
    "Kyiv, Ukraine",
    "Minsk, Belarus",
    "Tbilisi, Georgia",
    "Almaty, Kazakhstan",
    "Colombo, Sri Lanka",
    "Kathmandu, Nepal",
    "Cebu City, Philippines",
    "Abuja, Nigeria",
    "Kampala, Uganda",
    "Quito, Ecuador",
    "Canterbury, New Zealand",
    "Perth, Western Australia",
    "Johannesburg, South Africa",
    "Casablanca, Morocco",
    "Istanbul, Turkey",
    "Sofia, Bulgaria",
    "Ontario, Canada",
    "Timmins, Ontario",
};
const char *const CanadianLocations[] = {
    "Canada",      "Toronto", "Ontario, Canada", "Montréal",  "Proud Canadian",  "Vancouver",
    "Calgary, AB", "Québec",  "Ottawa",          "Canada 🇨🇦", "Mississauga, ON", "Laval, QC",
};
const char *const OrganicHashtags[] = {
    "hockey", "cdnpoli",          "onpoli", "polqc",       "weather", "coffee",  "Toronto", "mtl",
    "NHL",    "GoLeafsGo",        "Habs",   "gardening",   "books",   "foodie",  "traffic", "music",
    "hiking", "MondayMotivation", "TBT",    "photography", "jazz",    "cycling", "art",     "news",
};
const char *const Emoji[] = {"😂", "🔥", "❤️", "👍", "🙏", "😍", "💯", "🇨🇦", "👏", "😡", "🎉", "✨"};
const char *const Clients[] = {"Twitter for Android", "Twitter for iPhone", "Twitter Web App",
                               "TweetDeck", "Twitter for iPad"};
const char *const NewsSites[] = {"northernledger.example", "dailyharbour.example",
                                 "maplewire.example",      "lepetitcourrier.example",
                                 "citybeat.example",       "prairiepost.example"};

struct Pool
{
    std::string_view key;
    std::span<const char *const> words;
};

const char *const EnVerbs[] = {
    "fixed", "found",   "bought", "sold",    "painted",   "returned",    "borrowed", "cleaned",
    "lost",  "wrapped", "tested", "ordered", "picked up", "dropped off", "replaced", "measured"};
const char *const EnObjects[] = {"a bike",
                                 "the old couch",
                                 "two lamps",
                                 "a used canoe",
                                 "my laptop",
                                 "a winter coat",
                                 "the snow tires",
                                 "a cast iron pan",
                                 "three chairs",
                                 "a guitar",
                                 "the kayak",
                                 "a crib",
                                 "some tomato plants",
                                 "a ladder",
                                 "the toaster",
                                 "a bag of apples",
                                 "new skates",
                                 "a drill",
                                 "a record player",
                                 "the fishing rods",
                                 "a sewing machine",
                                 "a puzzle",
                                 "rain boots"};
const char *const EnPlaces[] = {
    "library",   "hardware store", "farmers market",   "arena",       "bakery",    "thrift shop",
    "pharmacy",  "post office",    "community centre", "garage",      "diner",     "school gym",
    "marina",    "bus depot",      "ice rink",         "flea market", "bike shop", "bookstore",
    "food bank", "dog park"};
const char *const EnTowns[] = {"Sudbury",    "North Bay", "Peterborough", "Kingston", "Barrie",
                               "Guelph",     "Moncton",   "Brandon",      "Red Deer", "Kamloops",
                               "Nanaimo",    "Truro",     "Brockville",   "Orillia",  "Sarnia",
                               "Owen Sound", "Cornwall",  "Belleville"};
const char *const EnNouns[] = {"pothole",    "new bike lane", "parking meter", "mural",
                               "stop sign",  "bus shelter",   "speed bump",    "playground",
                               "crosswalk",  "fountain",      "streetlight",   "hedge",
                               "billboard",  "recycling bin", "bridge",        "construction site",
                               "skate park", "roundabout"};
const char *const EnNounsPlural[] = {"emails",   "phone calls", "loads of laundry", "cups of tea",
                                     "meetings", "pages",       "kilometres",       "dishes",
                                     "boxes",    "forms",       "pancakes",         "tomatoes",
                                     "invoices", "naps"};
const char *const EnAdjectives[] = {"ridiculous", "amazing",   "overpriced",  "weird",
                                    "perfect",    "useless",   "gorgeous",    "tiny",
                                    "enormous",   "confusing", "brilliant",   "noisy",
                                    "underrated", "cozy",      "questionable"};
const char *const EnFeelings[] = {"exhausted", "happy",    "confused", "thrilled", "hungry",
                                  "not done",  "grateful", "annoyed",  "calm",     "wide awake"};
const char *const EnStreets[] = {"King Street",   "Elm Avenue",    "Main Street",  "Lakeshore Road",
                                 "Queen Street",  "Maple Drive",   "Front Street", "Bank Street",
                                 "Dundas Street", "Second Avenue", "Water Street"};
const char *const EnFoods[] = {"poutine",   "butter tarts", "pho",          "shawarma",
                               "pierogies", "sourdough",    "banana bread", "bagels",
                               "ramen",     "fish tacos",   "maple fudge",  "lasagna",
                               "chili",     "sushi",        "apple crumble"};
const char *const EnDays[] = {"Monday",   "Tuesday", "Wednesday", "Thursday", "Friday",
                              "Saturday", "Sunday",  "tomorrow",  "tonight"};
const char *const EnActivities[] = {
    "yoga",        "the book club",     "bingo",   "choir",       "trivia night",
    "soccer",      "the pottery class", "curling", "a bake sale", "the cleanup day",
    "board games", "swimming lessons"};
const char *const EnGoals[] = {
    "learn Spanish",         "run 5k",      "bake bread", "fix the fence",
    "sleep before midnight", "read more",   "quit sugar", "organize the basement",
    "learn the ukulele",     "cook at home"};
const char *const EnReactions[] = {
    "Unreal.",  "Wild.", "Love it.",       "Not impressed.", "Go figure.", "Worth it though.",
    "Classic.", "Sigh.", "No complaints.", "Who knew?",      "Send help.", "Typical."};
const char *const EnWeather[] = {"Freezing rain", "Fog",  "Sunshine", "A heat wave",
                                 "Thunderstorms", "Snow", "Hail",     "Wind"};
const char *const EnRelatives[] = {"sister",      "neighbour", "uncle", "roommate", "cousin",
                                   "grandmother", "coworker",  "dad",   "aunt",     "best friend"};
const char *const EnTrades[] = {"plumber", "mechanic", "dentist",       "electrician", "barber",
                                "vet",     "tailor",   "piano teacher", "locksmith",   "roofer"};
const char *const EnTeams[] = {"Leafs",   "Senators",  "Jets",      "Oilers",  "Flames",
                               "Canucks", "Canadiens", "Blue Jays", "Raptors", "Argos"};
const char *const EnBooks[] = {"that mystery novel", "the cookbook",        "my tax forms",
                               "the biography",      "the fantasy trilogy", "the history book"};
const char *const Times[] = {"6:30", "7:15", "8 pm", "9 am", "noon", "5:45", "10:30"};

const char *const FrVerbs[] = {"réparer",   "trouver",   "acheter",  "vendre", "peindre",
                               "rapporter", "emprunter", "nettoyer", "perdre", "commander"};
const char *const FrObjects[] = {"un vélo",           "le vieux divan", "deux lampes",
                                 "un canot",          "mon ordinateur", "un manteau d'hiver",
                                 "les pneus d'hiver", "une poêle",      "trois chaises",
                                 "une guitare",       "une échelle",    "un grille-pain",
                                 "des patins neufs",  "une perceuse"};
const char *const FrPlaces[] = {"dépanneur",
                                "marché",
                                "aréna",
                                "garage",
                                "casse-croûte",
                                "centre communautaire",
                                "bureau de poste",
                                "parc",
                                "magasin de vélos",
                                "comptoir alimentaire",
                                "quai"};
const char *const FrTowns[] = {"Trois-Rivières", "Rimouski", "Saguenay",     "Drummondville",
                               "Granby",         "Joliette", "Saint-Jérôme", "Val-d'Or",
                               "Amos",           "Matane",   "Sept-Îles",    "Victoriaville",
                               "Magog"};
const char *const FrNouns[] = {"nid-de-poule", "feu de circulation", "trottoir", "pont",
                               "chantier",     "parcomètre",         "abribus",  "terrain de jeu"};
const char *const FrStreets[] = {"Saint-Denis",   "Sainte-Catherine", "Principale", "du Parc",
                                 "Saint-Laurent", "des Érables",      "Notre-Dame", "King"};
const char *const FrAdjectives[] = {"ridicule", "génial",     "trop cher", "bizarre", "parfait",
                                    "inutile",  "magnifique", "minuscule", "énorme",  "bruyant"};
const char *const FrFeelings[] = {"épuisé", "content",       "perdu", "ravi",
                                  "affamé", "reconnaissant", "tanné", "zen"};
const char *const FrFoods[] = {"poutine", "tourtière",      "pouding chômeur",
                               "bagels",  "tarte au sucre", "pâté chinois",
                               "ramen",   "sushis",         "crêpes"};
const char *const FrDays[] = {"lundi",  "mardi",    "mercredi", "jeudi",  "vendredi",
                              "samedi", "dimanche", "demain",   "ce soir"};
const char *const FrActivities[] = {"le yoga",    "le club de lecture", "le bingo",
                                    "la chorale", "le soccer",          "la corvée de nettoyage",
                                    "le curling", "la vente de garage", "les cours de natation"};
const char *const FrGoals[] = {"apprendre l'espagnol", "courir 5 km", "faire du pain",
                               "réparer la clôture",   "lire plus",   "ranger le sous-sol"};
const char *const FrReactions[] = {"Incroyable.",       "Ben voyons.", "J'adore.", "Bof.",
                                   "Ça vaut la peine.", "Classique.",  "Misère.",  "Tant mieux."};
const char *const FrWeather[] = {"du verglas", "du brouillard", "du soleil",  "de la neige",
                                 "des orages", "du vent",       "de la grêle"};
const char *const FrRelatives[] = {"sœur",     "voisine", "cousine", "grand-mère",
                                   "collègue", "tante",   "coloc",   "blonde"};
const char *const FrTrades[] = {"plombier", "mécanicien",  "dentiste",  "électricien",
                                "barbier",  "vétérinaire", "serrurier", "couvreur"};
const char *const FrTeams[] = {"Canadiens", "Alouettes", "Remparts", "Huskies", "Olympiques"};

const Pool Pools[] = {
    {"V", span(EnVerbs)},       {"O", span(EnObjects)},      {"P", span(EnPlaces)},
    {"T", span(EnTowns)},       {"N", span(EnNouns)},        {"Ns", span(EnNounsPlural)},
    {"A", span(EnAdjectives)},  {"E", span(EnFeelings)},     {"ST", span(EnStreets)},
    {"F", span(EnFoods)},       {"D", span(EnDays)},         {"X", span(EnActivities)},
    {"G", span(EnGoals)},       {"R", span(EnReactions)},    {"W", span(EnWeather)},
    {"REL", span(EnRelatives)}, {"TR", span(EnTrades)},      {"S", span(EnTeams)},
    {"B", span(EnBooks)},       {"TI", span(Times)},         {"fV", span(FrVerbs)},
    {"fO", span(FrObjects)},    {"fP", span(FrPlaces)},      {"fT", span(FrTowns)},
    {"fN", span(FrNouns)},      {"fST", span(FrStreets)},    {"fA", span(FrAdjectives)},
    {"fE", span(FrFeelings)},   {"fF", span(FrFoods)},       {"fD", span(FrDays)},
    {"fX", span(FrActivities)}, {"fG", span(FrGoals)},       {"fR", span(FrReactions)},
    {"fW", span(FrWeather)},    {"fREL", span(FrRelatives)}, {"fTR", span(FrTrades)},
    {"fS", span(FrTeams)},
};

// {#} is a number, {$} a price; other keys name a pool.
const char *const EnTemplates[] = {
    "Just {V} {O} at the {P} in {T}.",
    "Anyone else think the {N} on {ST} is {A}?",
    "{#} {Ns} and {#} {Ns} later, still {E}.",
    "Can't believe the {S} lost {#}-{#} last night.",
    "Reminder: {X} at the {P} on {D}, bring {O}.",
    "The {F} at the {P} costs ${$} now. {R}",
    "{W} again in {T}. {R}",
    "My {REL} just {V} {O} for {#} dollars. {R}",
    "Day {#} of trying to {G} and I'm {E}.",
    "Does anyone know a good {TR} near {T}? Asking for my {REL}.",
    "{D} plans: {X}, {F}, and maybe {X}.",
    "Finally finished {B}, {#} pages of {A} stuff.",
    "Traffic on {ST} is {A} today, {#} minutes to get to the {P}.",
    "Thinking about {X} this weekend, {#} percent chance of rain though.",
    "Shoutout to the {TR} at the {P} who {V} {O} for me.",
    "{R} The {P} on {ST} finally reopened after {#} weeks.",
    "Hot take: {F} is {A} and {F} is {A}.",
    "Got {#} {Ns} done before {TI}, {E}.",
    "Practice moved to {D} at {TI}, see you at the {P}.",
    "Lost {O} somewhere between {ST} and the {P}, ${$} reward.",
    "Room {#} at the {P} smells like {F}. {R}",
    "{T} needs a better {P}, the old one is {A}.",
    "Our {REL} is visiting from {T} until {D}, so {X} is off.",
    "Whoever parked a truck across {ST} at {TI}: {R}",
    "Tried the new {F} place near the {P}, {#}/10, {A} portions.",
    "{#} degrees and the furnace at my {REL}'s place quit again.",
    "The {S} need a goalie who can stop {#} shots, not {#}.",
    "Selling {O}, barely used, ${$} or best offer, pickup in {T}.",
    "Census of my fridge: {#} eggs, {F}, and regret.",
    "Spent {#} minutes on hold with the {TR} and still no answer.",
    "Grandkids taught me {X} today, I lasted {#} minutes.",
    "Power out on {ST} for {#} hours now, anyone know why?",
    "Bus {#} skipped the stop by the {P} twice this week.",
    "Weekend project: {G}. Budget: ${$}. Progress: {E}.",
};
const char *const FrTemplates[] = {
    "Je viens de {fV} {fO} au {fP} de {fT}.",
    "Quelqu'un d'autre trouve que le {fN} sur la rue {fST} est {fA} ?",
    "Encore {fW} à {fT} aujourd'hui. {fR}",
    "La {fF} au {fP} coûte {$} $ maintenant. {fR}",
    "Rappel : {fX} au {fP} {fD}, apportez {fO}.",
    "Jour {#} à essayer de {fG}, je suis {fE}.",
    "Qui connaît un bon {fTR} près de {fT} ? C'est pour ma {fREL}.",
    "Les {fS} ont perdu {#} à {#} hier soir. {fR}",
    "Plans pour {fD} : {fX}, {fF} et peut-être {fX}.",
    "{#} minutes de trafic sur {fST} pour aller au {fP}. {fR}",
    "Ma {fREL} a fini par {fV} {fO} pour {#} piastres.",
    "Merci au {fTR} du {fP} qui m'a aidé avec {fO}.",
    "{fT} mérite un meilleur {fP}, l'ancien est {fA}.",
    "Ma {fREL} arrive de {fT} {fD}, donc pas de {fX} cette semaine.",
    "Essayé le nouveau resto de {fF} près du {fP} : {#}/10.",
    "À vendre : {fO}, presque neuf, {$} $, à ramasser à {fT}.",
    "Panne de courant sur {fST} depuis {#} heures, quelqu'un sait pourquoi ?",
    "Projet de la fin de semaine : {fG}. Budget : {$} $. Moral : {fE}.",
    "L'autobus {#} a encore sauté l'arrêt du {fP} ce matin.",
    "{#} minutes en attente avec le {fTR} et toujours rien. {fR}",
    "Dans mon frigo : {#} œufs, de la {fF} et beaucoup de regrets.",
    "Mes petits-enfants m'ont montré {fX}, j'ai tenu {#} minutes.",
    "Il fait {#} degrés et la fournaise de ma {fREL} a lâché.",
    "Les {fS} ont besoin d'un gardien qui arrête plus que {#} tirs.",
};

std::span<const char *const> poolFor(std::string_view key)
{
    for (const Pool &pool : Pools)
        if (pool.key == key)
            return pool.words;
    return {};
}

void expand(Random &random, std::string_view pattern, std::string &out)
{
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '{') {
            out += pattern[i];
            continue;
        }
        const size_t close = pattern.find('}', i);
        const std::string_view key = pattern.substr(i + 1, close - i - 1);
        if (key == "#")
            out += std::to_string(random.between(2, 250));
        else if (key == "$")
            out += std::to_string(random.between(3, 90)) + "." +
                   std::to_string(random.between(10, 99));
        else
            out += pickFrom(random, poolFor(key));
        i = close;
    }
}

// Every word of the slot pools of one language, for the freely drawn part of a post.
std::vector<std::string> collectWords(bool french)
{
    std::vector<std::string> words;
    for (const Pool &pool : Pools) {
        if ((pool.key[0] == 'f') != french)
            continue;
        for (const char *entry : pool.words) {
            std::string_view rest(entry);
            while (!rest.empty()) {
                const size_t space = rest.find(' ');
                std::string word(rest.substr(0, space));
                rest =
                    space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
                while (!word.empty() && (word.back() == '.' || word.back() == '?' ||
                                         word.back() == ',' || word.back() == '!'))
                    word.pop_back();
                if (word.size() >= 3 && std::find(words.begin(), words.end(), word) == words.end())
                    words.push_back(std::move(word));
            }
        }
    }
    return words;
}

const std::vector<std::string> &vocabulary(bool french)
{
    static const std::vector<std::string> English = collectWords(false);
    static const std::vector<std::string> French = collectWords(true);
    return french ? French : English;
}

const char *const EnBioParts[] = {"Dad of three",    "Coffee first",
                                  "Hockey fan",      "Nurse",
                                  "Teacher",         "Retired machinist",
                                  "Gardener",        "Dog person",
                                  "Runner",          "Amateur photographer",
                                  "Opinions my own", "Small business owner",
                                  "Cyclist",         "Birder",
                                  "Trivia nerd",     "Jazz lover"};
const char *const FrBioParts[] = {"Maman de deux", "Café d'abord",        "Fan de hockey",
                                  "Infirmière",    "Enseignant",          "Jardinière",
                                  "Coureur",       "Photographe amateur", "Opinions personnelles",
                                  "Cycliste"};

} // namespace

namespace pools {
std::span<const char *const> firstNames()
{
    return span(FirstNames);
}
std::span<const char *const> lastNames()
{
    return span(LastNames);
}
std::span<const char *const> northAmericanLocations()
{
    return span(NorthAmericanLocations);
}
std::span<const char *const> worldLocations()
{
    return span(WorldLocations);
}
std::span<const char *const> canadianLocations()
{
    return span(CanadianLocations);
}
std::span<const char *const> organicHashtags()
{
    return span(OrganicHashtags);
}
std::span<const char *const> emoji()
{
    return span(Emoji);
}
std::span<const char *const> clients()
{
    return span(Clients);
}
std::span<const char *const> newsSites()
{
    return span(NewsSites);
}
} // namespace pools

std::string organicText(Random &random, bool french)
{
    const std::span<const char *const> templates = french ? span(FrTemplates) : span(EnTemplates);
    std::string text;
    const int sentences = random.chance(0.4) ? 2 : 1;
    std::size_t previous = templates.size();
    for (int i = 0; i < sentences; ++i) {
        std::size_t t = random.below(templates.size());
        while (t == previous)
            t = random.below(templates.size());
        previous = t;
        if (i)
            text += ' ';
        expand(random, templates[t], text);
    }
    // Plus a run of freely drawn words: templated sentences alone make unrelated posts
    // near-duplicates often enough to swamp any clustering at a million posts.
    const std::vector<std::string> &words = vocabulary(french);
    const int count = 7 + int(random.below(6));
    for (int i = 0; i < count; ++i) {
        text += ' ';
        std::string word = words[random.below(words.size())];
        if (i == 0 && word[0] >= 'a' && word[0] <= 'z')
            word[0] = char(word[0] - 'a' + 'A');
        text += word;
    }
    text += random.chance(0.5) ? "." : random.chance(0.5) ? "!" : "?";
    if (random.chance(0.15))
        text.append(" ").append(pickFrom(random, pools::emoji()));
    return text;
}

std::string profileBio(Random &random, bool french)
{
    if (random.chance(0.25))
        return {};
    const std::span<const char *const> parts = french ? span(FrBioParts) : span(EnBioParts);
    std::string bio = pickFrom(random, parts);
    if (random.chance(0.6))
        bio.append(". ").append(pickFrom(random, parts));
    if (random.chance(0.3))
        bio.append(" ").append(pickFrom(random, pools::emoji()));
    return bio;
}

} // namespace chorus::bench
