#include "text/TimeParser.h"

#include "text/TextCleaner.h"

#include <array>
#include <cstdio>
#include <string>

namespace chorus {

std::int64_t daysFromCivil(int year, unsigned month, unsigned day)
{
    // Howard Hinnant's days_from_civil algorithm.
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = unsigned(year - era * 400);
    const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

namespace {

struct Cursor
{
    std::string_view text;
    size_t pos = 0;
    bool atEnd() const { return pos >= text.size(); }
    char peek() const { return atEnd() ? '\0' : text[pos]; }
    bool accept(char c)
    {
        if (peek() != c)
            return false;
        ++pos;
        return true;
    }
    // Reads exactly `count` digits.
    bool digits(int count, int &value)
    {
        value = 0;
        for (int i = 0; i < count; ++i) {
            const char c = peek();
            if (c < '0' || c > '9')
                return false;
            value = value * 10 + (c - '0');
            ++pos;
        }
        return true;
    }
};

bool leapYear(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool validDate(int y, int m, int d)
{
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1970 || y > 2200 || m < 1 || m > 12 || d < 1)
        return false;
    return d <= days[size_t(m - 1)] + (m == 2 && leapYear(y) ? 1 : 0);
}

std::optional<std::int64_t> compose(int y, int mo, int d, int h, int mi, int s, int offsetSeconds)
{
    if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 60)
        return std::nullopt;
    return daysFromCivil(y, unsigned(mo), unsigned(d)) * 86400 + h * 3600 + mi * 60 + s -
           offsetSeconds;
}

// "+0000", "+00:00", "Z", or nothing; false when something else follows.
bool parseZone(Cursor &c, int &offsetSeconds)
{
    offsetSeconds = 0;
    if (c.atEnd())
        return true;
    if (c.accept('Z') || c.accept('z'))
        return c.atEnd();
    const char sign = c.peek();
    if (sign != '+' && sign != '-')
        return false;
    ++c.pos;
    int hh = 0;
    int mm = 0;
    if (!c.digits(2, hh))
        return false;
    c.accept(':');
    if (!c.atEnd() && !c.digits(2, mm))
        return false;
    if (hh > 14 || mm > 59)
        return false;
    offsetSeconds = (hh * 3600 + mm * 60) * (sign == '-' ? -1 : 1);
    return c.atEnd();
}

std::optional<std::int64_t> parseIsoLike(std::string_view text)
{
    Cursor c{text};
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!c.digits(4, y) || !c.accept('-') || !c.digits(2, mo) || !c.accept('-') || !c.digits(2, d))
        return std::nullopt;
    if (c.atEnd())
        return compose(y, mo, d, 0, 0, 0, 0);
    if (!c.accept('T') && !c.accept(' ') && !c.accept('t'))
        return std::nullopt;
    if (!c.digits(2, h) || !c.accept(':') || !c.digits(2, mi))
        return std::nullopt;
    if (c.accept(':')) {
        if (!c.digits(2, s))
            return std::nullopt;
        if (c.accept('.') || c.accept(',')) {
            if (c.peek() < '0' || c.peek() > '9')
                return std::nullopt;
            while (c.peek() >= '0' && c.peek() <= '9')
                ++c.pos;
        }
    }
    c.accept(' ');
    if (c.text.substr(c.pos) == "UTC" || c.text.substr(c.pos) == "GMT")
        return compose(y, mo, d, h, mi, s, 0);
    int offset = 0;
    if (!parseZone(c, offset))
        return std::nullopt;
    return compose(y, mo, d, h, mi, s, offset);
}

int monthFromName(std::string_view name)
{
    static constexpr std::array<std::string_view, 12> names = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i] == name)
            return int(i) + 1;
    return 0;
}

// "Wed Oct 10 20:19:24 +0000 2018"
std::optional<std::int64_t> parseTwitterV1(std::string_view text)
{
    if (text.size() != 30 || text[3] != ' ' || text[7] != ' ' || text[10] != ' ' ||
        text[19] != ' ' || text[25] != ' ')
        return std::nullopt;
    const int mo = monthFromName(text.substr(4, 3));
    if (mo == 0)
        return std::nullopt;
    Cursor c{text.substr(8)};
    int d = 0, h = 0, mi = 0, s = 0, y = 0;
    if (!c.digits(2, d) || !c.accept(' ') || !c.digits(2, h) || !c.accept(':') ||
        !c.digits(2, mi) || !c.accept(':') || !c.digits(2, s) || !c.accept(' '))
        return std::nullopt;
    Cursor zone{text.substr(20, 5)};
    int offset = 0;
    if (!parseZone(zone, offset))
        return std::nullopt;
    Cursor year{text.substr(26)};
    if (!year.digits(4, y))
        return std::nullopt;
    return compose(y, mo, d, h, mi, s, offset);
}

std::optional<std::int64_t> parseEpoch(std::string_view text)
{
    std::int64_t value = 0;
    size_t i = 0;
    int digits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
        if (digits > 15)
            return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    if (digits == 0)
        return std::nullopt;
    if (i < text.size()) {
        if (text[i] != '.')
            return std::nullopt;
        for (++i; i < text.size(); ++i)
            if (text[i] < '0' || text[i] > '9')
                return std::nullopt;
    }
    // Seconds reach 10^11 only in the year 5138: larger values are milliseconds.
    if (value >= 100'000'000'000LL)
        value /= 1000;
    if (value > 7'258'118'400LL) // 2200-01-01
        return std::nullopt;
    return value;
}

} // namespace

std::optional<std::int64_t> parseTimestamp(std::string_view raw)
{
    const std::string_view text = trimmed(raw);
    if (text.empty())
        return std::nullopt;
    if (text.size() >= 10 && text[4] == '-')
        return parseIsoLike(text);
    if (text[0] >= '0' && text[0] <= '9')
        return parseEpoch(text);
    return parseTwitterV1(text);
}

CivilTime civilFromEpoch(std::int64_t epochSeconds)
{
    // civil_from_days, the inverse of daysFromCivil.
    std::int64_t days = epochSeconds / 86400;
    std::int64_t rest = epochSeconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = unsigned(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const int y = int(std::int64_t(yoe) + era * 400 + (m <= 2));
    return {y, int(m), int(d), int(rest / 3600), int(rest / 60 % 60), int(rest % 60)};
}

std::string formatTimestamp(std::int64_t epochSeconds)
{
    const CivilTime c = civilFromEpoch(epochSeconds);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day,
                  c.hour, c.minute, c.second);
    return buffer;
}

} // namespace chorus
