#include "import/crowdtangle/CrowdTangleValues.h"

#include "text/TextCleaner.h"
#include "text/TimeParser.h"

#include <algorithm>
#include <cctype>

namespace chorus {

namespace {

struct Zone
{
    std::string_view name;
    int offsetMinutes;
};

// The abbreviations CrowdTangle's exporter wrote (it followed the dashboard's time zone), as
// in the tz database's abbreviations, plus the usual English ones. Where an abbreviation has
// several meanings the comment names the one taken.
constexpr Zone Zones[] = {
    // Universal and Europe
    {"UTC", 0},
    {"GMT", 0},
    {"UT", 0},
    {"Z", 0},
    {"WET", 0},
    {"WEST", 60},
    {"BST", 60},  // British Summer Time (not Bangladesh Standard Time, +06)
    {"IST", 330}, // India (not Irish Standard Time, +01, nor Israel, +02)
    {"CET", 60},
    {"CEST", 120},
    {"MET", 60},
    {"MEST", 120},
    {"EET", 120},
    {"EEST", 180},
    {"MSK", 180},
    {"TRT", 180},
    // Africa and the Middle East
    {"WAT", 60},
    {"CAT", 120},
    {"SAST", 120},
    {"EAT", 180},
    {"IDT", 180}, // Israel Daylight Time
    {"IRST", 210},
    {"GST", 240}, // Gulf Standard Time (not South Georgia, -02)
    {"AFT", 270},
    // North America
    {"NST", -210},
    {"NDT", -150},
    {"AST", -240}, // Atlantic (not Arabia Standard Time, +03)
    {"ADT", -180},
    {"EST", -300},
    {"EDT", -240},
    {"CST", -360}, // US Central (not China Standard Time, +08)
    {"CDT", -300},
    {"MST", -420},
    {"MDT", -360},
    {"PST", -480}, // US Pacific (not Philippine Standard Time, +08)
    {"PDT", -420},
    {"AKST", -540},
    {"AKDT", -480},
    {"HST", -600},
    {"HDT", -540},
    // Central and South America
    {"BRT", -180},
    {"BRST", -120},
    {"AMT", -240}, // Amazon (not Armenia, +04)
    {"AMST", -180},
    {"FNT", -120},
    {"ART", -180},
    {"UYT", -180},
    {"PYT", -240},
    {"PYST", -180},
    {"CLT", -240},
    {"CLST", -180},
    {"BOT", -240},
    {"VET", -240},
    {"COT", -300},
    {"PET", -300},
    {"ECT", -300}, // Ecuador
    // Asia and Oceania
    {"PKT", 300},
    {"NPT", 345},
    {"MMT", 390},
    {"ICT", 420},
    {"WIB", 420},
    {"WITA", 480},
    {"WIT", 540},
    {"PHT", 480},
    {"PHST", 480},
    {"SGT", 480},
    {"MYT", 480},
    {"HKT", 480},
    {"AWST", 480},
    {"JST", 540},
    {"KST", 540},
    {"ACST", 570},
    {"ACDT", 630},
    {"AEST", 600},
    {"AEDT", 660},
    {"NZST", 720},
    {"NZDT", 780},
    {"ChST", 600},
    {"SST", -660}, // Samoa
};

// "+03", "-0300", "+05:30": seconds, or nullopt.
std::optional<int> numericOffset(std::string_view text)
{
    if (text.size() < 2 || (text[0] != '+' && text[0] != '-'))
        return std::nullopt;
    std::string digits;
    for (const char c : text.substr(1)) {
        if (c == ':')
            continue;
        if (c < '0' || c > '9')
            return std::nullopt;
        digits += c;
    }
    int hours = 0;
    int minutes = 0;
    if (digits.size() == 1 || digits.size() == 2) {
        hours = std::stoi(digits);
    } else if (digits.size() == 4) {
        hours = std::stoi(digits.substr(0, 2));
        minutes = std::stoi(digits.substr(2));
    } else {
        return std::nullopt;
    }
    if (hours > 14 || minutes > 59)
        return std::nullopt;
    return (hours * 3600 + minutes * 60) * (text[0] == '-' ? -1 : 1);
}

bool allDigits(std::string_view text)
{
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool allZeros(std::string_view text)
{
    return text.find_first_not_of('0') == std::string_view::npos;
}

std::optional<std::int64_t> digitsValue(std::string_view digits)
{
    if (digits.empty() || digits.size() > 18)
        return std::nullopt;
    std::int64_t value = 0;
    for (const char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

// Reads "1.234.567" (groups of three after the first of one to three): nullopt otherwise.
std::optional<std::int64_t> groupedValue(std::string_view text, char separator)
{
    std::string digits;
    size_t start = 0;
    bool first = true;
    for (;;) {
        const size_t end = text.find(separator, start);
        const std::string_view group = text.substr(start, end - start);
        if (!allDigits(group) || (first ? group.size() > 3 : group.size() != 3))
            return std::nullopt;
        if (first && group[0] == '0' && end != std::string_view::npos)
            return std::nullopt; // "0.137" is a fraction, not 137
        digits.append(group);
        first = false;
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return digitsValue(digits);
}

} // namespace

std::optional<int> zoneOffsetSeconds(std::string_view abbreviation)
{
    std::string_view text = trimmed(abbreviation);
    for (const std::string_view prefix : {"UTC", "GMT"})
        if (text.size() > prefix.size() && text.substr(0, prefix.size()) == prefix &&
            (text[prefix.size()] == '+' || text[prefix.size()] == '-'))
            text.remove_prefix(prefix.size());
    if (const std::optional<int> numeric = numericOffset(text))
        return numeric;
    std::string upper(text);
    for (char &c : upper)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    for (const Zone &zone : Zones) {
        std::string name(zone.name);
        for (char &c : name)
            c = char(std::toupper(static_cast<unsigned char>(c)));
        if (name == upper)
            return zone.offsetMinutes * 60;
    }
    return std::nullopt;
}

ZonedTime parseZonedTime(std::string_view text)
{
    ZonedTime result;
    text = trimmed(text);
    // Date and time are the first token ("2021-07-05T18:02:45") or the first two; what
    // follows is the zone.
    const size_t firstSpace = text.find(' ');
    size_t timeEnd = firstSpace;
    if (firstSpace != std::string_view::npos &&
        text.substr(0, firstSpace).find('T') == std::string_view::npos)
        timeEnd = text.find(' ', firstSpace + 1);
    const std::string_view when = text.substr(0, timeEnd);
    if (timeEnd != std::string_view::npos)
        result.zone = std::string(trimmed(text.substr(timeEnd + 1)));
    result.utc = parseTimestamp(when);
    if (!result.utc || result.zone.empty())
        return result;
    const std::optional<int> offset = zoneOffsetSeconds(result.zone);
    result.zoneKnown = offset.has_value();
    if (offset)
        *result.utc -= *offset;
    return result;
}

LocaleCount parseLocaleCount(std::string_view raw)
{
    LocaleCount result;
    const std::string_view text = trimmed(raw);
    if (text.empty() || text == "N/A" || text == "NA" || text == "null" || text == "None")
        return result;
    // Spaces, non-breaking spaces and apostrophes only ever group digits.
    std::string compact;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ' || text[i] == '\'')
            continue;
        if (text.substr(i, 2) == "\xC2\xA0") { // U+00A0
            ++i;
            continue;
        }
        if (text.substr(i, 3) == "\xE2\x80\xAF" || text.substr(i, 3) == "\xE2\x80\x99") {
            i += 2; // U+202F narrow no-break space, U+2019 right single quote
            continue;
        }
        compact += text[i];
    }
    if (compact.find_first_not_of("0123456789.,") != std::string::npos || compact.empty() ||
        !std::isdigit(static_cast<unsigned char>(compact[0]))) {
        result.bad = true;
        return result;
    }
    const size_t dots = size_t(std::count(compact.begin(), compact.end(), '.'));
    const size_t commas = size_t(std::count(compact.begin(), compact.end(), ','));
    if (dots + commas == 0) {
        result.value = digitsValue(compact);
        result.bad = !result.value;
        return result;
    }
    if (dots > 0 && commas > 0) {
        // "1.234,5" or "1,234.00": the last separator is the decimal one.
        const size_t last = compact.find_last_of(".,");
        const char grouping = compact[last] == '.' ? ',' : '.';
        const std::string_view whole = std::string_view(compact).substr(0, last);
        const std::string_view fraction = std::string_view(compact).substr(last + 1);
        const std::optional<std::int64_t> value = groupedValue(whole, grouping);
        if (!value || !allDigits(fraction) || compact.find(compact[last]) != last) {
            result.bad = true;
        } else if (allZeros(fraction)) {
            result.value = value;
        } else {
            result.ambiguous = true;
        }
        return result;
    }
    const char separator = dots ? '.' : ',';
    if (dots + commas > 1) {
        result.value = groupedValue(compact, separator);
        result.bad = !result.value;
        return result;
    }
    // One separator: grouping when three digits follow a group of one to three, else a fraction.
    if (const std::optional<std::int64_t> grouped = groupedValue(compact, separator)) {
        result.value = grouped;
        return result;
    }
    const size_t at = compact.find(separator);
    const std::string_view whole = std::string_view(compact).substr(0, at);
    const std::string_view fraction = std::string_view(compact).substr(at + 1);
    if (!allDigits(whole) || !allDigits(fraction))
        result.bad = true;
    else if (allZeros(fraction))
        result.value = digitsValue(whole);
    else
        result.ambiguous = true;
    result.bad = result.bad || (!result.ambiguous && !result.value);
    return result;
}

std::string postIdFromUrl(std::string_view url)
{
    url = trimmed(url);
    const size_t scheme = url.find("://");
    if (scheme != std::string_view::npos)
        url.remove_prefix(scheme + 3);
    const size_t fragment = url.find('#');
    url = url.substr(0, fragment);
    const size_t queryStart = url.find('?');
    const std::string_view query =
        queryStart == std::string_view::npos ? std::string_view() : url.substr(queryStart + 1);
    url = url.substr(0, queryStart);
    // story.php?story_fbid=..., photo.php?fbid=..., watch/?v=...
    for (const std::string_view key : {"story_fbid=", "fbid=", "v="}) {
        size_t at = 0;
        while ((at = query.find(key, at)) != std::string_view::npos) {
            if (at == 0 || query[at - 1] == '&') {
                const std::string_view value = query.substr(at + key.size());
                const std::string_view id = value.substr(0, value.find('&'));
                if (!id.empty())
                    return std::string(id);
            }
            at += key.size();
        }
    }
    const size_t pathStart = url.find('/');
    if (pathStart == std::string_view::npos)
        return {};
    std::string_view path = url.substr(pathStart + 1);
    std::string last;
    std::string afterMarker;
    bool markerSeen = false;
    while (!path.empty()) {
        const size_t slash = path.find('/');
        const std::string_view segment = path.substr(0, slash);
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
        if (segment.empty())
            continue;
        if (markerSeen && afterMarker.empty())
            afterMarker = std::string(segment);
        for (const std::string_view marker :
             {"posts", "videos", "permalink", "reel", "reels", "p", "tv"})
            if (segment == marker) {
                markerSeen = true;
                afterMarker.clear();
            }
        last = std::string(segment);
    }
    return afterMarker.empty() ? last : afterMarker;
}

std::string cleanIdCell(std::string_view raw, bool &rounded)
{
    rounded = false;
    std::string_view text = trimmed(raw);
    // Scientific notation: a digit, optional fraction, E, optional sign, digits.
    const size_t exponent = text.find_first_of("eE");
    if (exponent != std::string_view::npos) {
        const std::string_view mantissa = text.substr(0, exponent);
        std::string_view power = text.substr(exponent + 1);
        if (!power.empty() && (power[0] == '+' || power[0] == '-'))
            power.remove_prefix(1);
        const size_t dot = mantissa.find('.');
        if (allDigits(mantissa.substr(0, dot)) &&
            (dot == std::string_view::npos || allDigits(mantissa.substr(dot + 1))) &&
            allDigits(power)) {
            rounded = true;
            return std::string(text);
        }
    }
    if (text.size() > 2 && text.substr(text.size() - 2) == ".0" &&
        allDigits(text.substr(0, text.size() - 2)))
        text.remove_suffix(2);
    return std::string(text);
}

} // namespace chorus
