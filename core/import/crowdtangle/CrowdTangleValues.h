#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chorus {

// The awkward cell values of CrowdTangle CSV exports, read without a RecordSink so that each
// rule can be tested alone; the importer turns the flags into warnings.

// The UTC offset, in seconds, of a time-zone abbreviation as CrowdTangle writes it after
// `Post Created` ("BRT", "EDT", "CET", "IST", ...), or of a numeric one ("-03", "+0530",
// "UTC+2"); nullopt for an abbreviation not in the table. Ambiguous abbreviations take the
// reading most likely in CrowdTangle's users (see the table in the .cpp): CST is US Central
// (not China), IST is India (not Ireland or Israel), BST is British Summer Time (not
// Bangladesh), AST is Atlantic (not Arabia), AMT is Amazon (not Armenia).
std::optional<int> zoneOffsetSeconds(std::string_view abbreviation);

// "2021-07-05 18:02:45 BRT" -> UTC epoch seconds. `zone` is the token after the time (empty
// when there is none); `zoneKnown` is false when that token is not in the table, in which
// case the time was read as UTC. nullopt when the date and time themselves are unreadable.
struct ZonedTime
{
    std::optional<std::int64_t> utc;
    std::string zone;
    bool zoneKnown = true;
};
ZonedTime parseZonedTime(std::string_view text);

// A whole count written in the exporter's locale: "407.137" and "1,234" are thousands
// separators (a count has no fraction), as are spaces, non-breaking spaces and apostrophes;
// "12.0" and "12,00" are whole. `ambiguous` is set (and no value given) for a count with a
// fraction ("1,4": a decimal comma, or a separator with digits missing?); `bad` for anything
// that is not a number. "", "N/A", "NA" are absent, neither ambiguous nor bad.
struct LocaleCount
{
    std::optional<std::int64_t> value;
    bool ambiguous = false;
    bool bad = false;
};
LocaleCount parseLocaleCount(std::string_view text);

// The post id in a post URL: the segment after posts/, videos/, permalink/, reel/, p/, tv/,
// or the last non-empty path segment ("https://www.facebook.com/123/posts/456/" -> "456";
// "https://www.instagram.com/p/CQx_1/" -> "CQx_1"); query and fragment are ignored. Empty
// when the URL has no path.
std::string postIdFromUrl(std::string_view url);

// An id column as a spreadsheet may have left it: "1.00044E+14" (digits lost; returned
// unchanged, `rounded` set) or "100044123456789.0" (the ".0" dropped).
std::string cleanIdCell(std::string_view text, bool &rounded);

} // namespace chorus
