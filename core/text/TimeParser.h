#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace chorus {

// Parses the timestamps found in social media exports into UTC epoch seconds:
//  - ISO 8601 with or without fraction and zone ("2020-09-18T18:36:15.000Z",
//    "2021-03-01T10:00:00+01:00", "2021-03-01T10:00:00" is taken as UTC),
//  - "YYYY-MM-DD HH:MM[:SS]" (X archives, 4CAT), "YYYY-MM-DD" (creation dates),
//  - API v1.1 "Wed Oct 10 20:19:24 +0000 2018",
//  - epoch seconds, or milliseconds when the number is too large for seconds.
// Returns nullopt for anything else, including impossible dates.
std::optional<std::int64_t> parseTimestamp(std::string_view text);

// Days since 1970-01-01 for a proleptic Gregorian date (no range checks).
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);

// A UTC date and time of day, broken down from epoch seconds.
struct CivilTime
{
    int year, month, day, hour, minute, second;
};
CivilTime civilFromEpoch(std::int64_t epochSeconds);

// "2017-08-19T15:13:00Z" for reports and exports.
std::string formatTimestamp(std::int64_t epochSeconds);

} // namespace chorus
