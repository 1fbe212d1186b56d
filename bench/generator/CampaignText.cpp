#include "CampaignText.h"

#include "TextPools.h"

#include <string_view>

namespace chorus::bench {

namespace {

const TextTemplate RallyTemplates[] = {
    {"Just got back from the rally in {town}", " and ", "I'm still buzzing from the energy!",
     false},
    {"What a crowd in {town} tonight", ", ", "this movement is unstoppable!", false},
    {"Thousands of real people showed up in {town}", " and ", "the media will never show you this.",
     false},
    {"De retour du rassemblement à {town}", " et ",
     "je suis encore ému par cette énergie incroyable !", true},
    {"Une foule immense à {town} ce soir", ", ", "les médias n'en parleront jamais.", true},
    {"Met so many amazing families at the {town} rally", " and ", "this is what hope looks like!",
     false},
};

const TextTemplate FloodTemplates[] = {
    {"MP Jane Doe-Tremblay lied to Canadians about the housing fund", ". ", "She must resign now!",
     false},
    {"La députée Jane Doe-Tremblay a menti aux Canadiens sur le fonds du logement", ". ",
     "Elle doit démissionner maintenant !", true},
    {"MP Robert Kowalczyk-Lavoie hid the real cost of the northern pipeline study", ". ",
     "Who is he protecting?", false},
    {"Le député Robert Kowalczyk-Lavoie a caché le vrai coût de l'étude sur le pipeline", ". ",
     "Qui protège-t-il ?", true},
    {"MP Amira Haddad-Côté took money from foreign lobbyists", ". ", "Canadians deserve the truth!",
     false},
    {"La députée Amira Haddad-Côté a reçu de l'argent de lobbyistes étrangers", ". ",
     "Les Canadiens méritent la vérité !", true},
};

const char *const RallyTowns[] = {"Kirkland Lake", "Timmins",      "Cochrane",   "Kapuskasing",
                                  "Hearst",        "Englehart",    "Port Alder", "Maple Falls",
                                  "Val-d'Or",      "Rouyn-Noranda"};

const RingStory RingStories[] = {
    {"Leaked memo shows the ministry knew everything",
     "https://truthdaily.example/memo-leak",
     {"WakeUpCanada", "Leaked", "cdnpoli"}},
    {"They don't want you to see these housing numbers",
     "https://northernsignal.example/housing-numbers",
     {"HousingScam", "cdnpoli", "Truth"}},
    {"Independent audit exposes the carbon fund",
     "https://freepressnorth.example/audit",
     {"AuditNow", "CarbonFund", "onpoli"}},
    {"Video: what really happened at the town hall",
     "https://truthdaily.example/townhall",
     {"TownHall", "WakeUpCanada", "polqc"}},
    {"Vérité : le rapport secret sur le logement",
     "https://levraiquebec.example/rapport",
     {"polqc", "Logement", "Vérité"}},
};

std::string replaceSlot(std::string text, const std::string &town)
{
    const size_t at = text.find("{town}");
    if (at != std::string::npos)
        text.replace(at, 6, town);
    return text;
}

bool hasSlot(const TextTemplate &t)
{
    return std::string_view(t.first).find("{town}") != std::string_view::npos ||
           std::string_view(t.second).find("{town}") != std::string_view::npos;
}

std::string capitalized(std::string text)
{
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = char(text[0] - 'a' + 'A');
    return text;
}

std::string ensureFinalPunctuation(std::string text)
{
    if (!text.empty() && text.back() != '!' && text.back() != '.' && text.back() != '?')
        text += '.';
    return text;
}

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// One or two character edits on ASCII letters (never splits a UTF-8 sequence).
std::string withTypos(Random &random, std::string text)
{
    const int edits = 1 + int(random.below(2));
    for (int e = 0; e < edits; ++e) {
        size_t at = 0;
        for (int tries = 0; tries < 20; ++tries) {
            at = random.below(text.size());
            if (isAsciiLetter(text[at]))
                break;
        }
        if (!isAsciiLetter(text[at]))
            continue;
        switch (random.below(4)) {
        case 0:
            text[at] = char('a' + random.below(26));
            break;
        case 1:
            text.erase(at, 1);
            break;
        case 2:
            text.insert(at, 1, text[at]);
            break;
        default:
            if (at + 1 < text.size() && isAsciiLetter(text[at + 1]))
                std::swap(text[at], text[at + 1]);
            else
                text.erase(at, 1);
        }
    }
    return text;
}

std::string changedCase(Random &random, std::string text)
{
    const bool upper = random.chance(0.5);
    for (char &c : text) {
        if (upper && c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
        else if (!upper && c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return text;
}

std::string withoutAccents(const std::string &text)
{
    static const std::pair<std::string_view, char> Accents[] = {
        {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"à", 'a'},
        {"â", 'a'}, {"ç", 'c'}, {"î", 'i'}, {"ï", 'i'}, {"ô", 'o'},
        {"û", 'u'}, {"ù", 'u'}, {"É", 'E'}, {"À", 'A'}, {"Î", 'I'}};
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        bool replaced = false;
        for (const auto &[accented, plain] : Accents) {
            if (std::string_view(text).substr(i, accented.size()) == accented) {
                out += plain;
                i += accented.size();
                replaced = true;
                break;
            }
        }
        if (!replaced)
            out += text[i++];
    }
    return out;
}

} // namespace

std::span<const TextTemplate> rallyTemplates()
{
    return RallyTemplates;
}
std::span<const TextTemplate> floodTemplates()
{
    return FloodTemplates;
}
std::span<const char *const> rallyTowns()
{
    return RallyTowns;
}
std::span<const RingStory> ringStories()
{
    return RingStories;
}

std::string withTracking(Random &random, const std::string &link)
{
    static const char *const Sources[] = {"tw", "twitter", "share", "social", "ring", "fb"};
    static const char *const Media[] = {"social", "post", "dm", "organic"};
    std::string out = link;
    out += link.find('?') == std::string::npos ? '?' : '&';
    out.append("utm_source=").append(random.pick(Sources));
    out.append("&utm_medium=").append(random.pick(Media));
    if (random.chance(0.5))
        out.append("&utm_campaign=c").append(std::to_string(random.between(1000, 99999)));
    return out;
}

PlantedText plantedVariant(Random &random, const VariantContext &c)
{
    enum Style {
        Exact,
        Typo,
        Emoji,
        Hashtag,
        RtPrefix,
        AgreePrefix,
        Link,
        Reorder,
        Slot,
        Case,
        Accents
    };
    static const Style Weighted[] = {Exact,   Exact,    Exact,       Exact,   Exact,  Exact,
                                     Typo,    Typo,     Typo,        Emoji,   Emoji,  Hashtag,
                                     Hashtag, RtPrefix, AgreePrefix, Link,    Link,   Reorder,
                                     Slot,    Slot,     Case,        Accents, Accents};
    const TextTemplate &t = *c.templ;
    Style style = random.pick(Weighted);
    if ((style == Slot && !hasSlot(t)) || (style == Accents && !t.french) ||
        (style == RtPrefix && c.otherHandle.empty()))
        style = Exact;

    std::string town = c.town;
    if (style == Slot) {
        while (town == c.town)
            town = random.pick(RallyTowns);
    }
    const std::string first = replaceSlot(t.first, town);
    const std::string second = replaceSlot(t.second, town);

    PlantedText out;
    if (style == Reorder)
        out.text = capitalized(ensureFinalPunctuation(second)) + " " +
                   capitalized(ensureFinalPunctuation(first));
    else
        out.text = first + t.joiner + second;

    std::string link = c.link;
    if (style == Link)
        link =
            withTracking(random, link.empty() ? std::string("https://") +
                                                    pickFrom(random, pools::newsSites()) + "/live"
                                              : link);
    switch (style) {
    case Typo:
        out.text = withTypos(random, out.text);
        break;
    case Emoji:
        out.text.append(" ").append(pickFrom(random, pools::emoji()));
        if (random.chance(0.5))
            out.text.append(pickFrom(random, pools::emoji()));
        break;
    case Hashtag:
        out.text.append(" #").append(c.hashtag);
        out.hashtags.push_back(c.hashtag);
        break;
    case RtPrefix:
        out.text = "RT @" + c.otherHandle + ": " + out.text;
        break;
    case AgreePrefix:
        out.text = (t.french ? "Tellement vrai ! " : "So true! ") + out.text;
        break;
    case Case:
        out.text = changedCase(random, out.text);
        break;
    case Accents:
        out.text = withoutAccents(out.text);
        break;
    default:
        break;
    }
    if (!link.empty()) {
        out.text.append(" ").append(link);
        out.urls.push_back(link);
    }
    static const char *const Names[] = {"exact",     "typo",         "emoji",  "hashtag",
                                        "rt-prefix", "agree-prefix", "link",   "reorder",
                                        "slot",      "case",         "accents"};
    out.style = Names[style];
    return out;
}

} // namespace chorus::bench
