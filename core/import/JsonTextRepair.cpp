#include "import/JsonTextRepair.h"

#include <cctype>

namespace chorus {

namespace {

// The value of the four hex digits at `at`, or -1.
int hex4(std::string_view json, std::size_t at)
{
    if (at + 4 > json.size())
        return -1;
    int value = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
        const char c = json[i];
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

bool isHighSurrogate(int unit)
{
    return unit >= 0xD800 && unit <= 0xDBFF;
}
bool isLowSurrogate(int unit)
{
    return unit >= 0xDC00 && unit <= 0xDFFF;
}

// True when the unsigned digits `digits` (no sign, no leading zeros beyond one) exceed `limit`
// (same form).
bool exceeds(std::string_view digits, std::string_view limit)
{
    if (digits.size() != limit.size())
        return digits.size() > limit.size();
    return digits > limit;
}

} // namespace

std::optional<std::string> withUnpairedSurrogatesReplaced(std::string_view json)
{
    std::string out;
    bool changed = false;
    std::size_t copied = 0; // json[copied, at) is still to be copied to out
    // A backslash only appears inside strings in JSON, so escapes can be found without
    // tracking strings; "\\u" (an escaped backslash, then u) is skipped as one escape.
    for (std::size_t at = 0; at + 1 < json.size(); ++at) {
        if (json[at] != '\\')
            continue;
        if (json[at + 1] != 'u') {
            ++at; // the escaped character
            continue;
        }
        const int unit = hex4(json, at + 2);
        if (isHighSurrogate(unit) && at + 7 < json.size() && json[at + 6] == '\\' &&
            json[at + 7] == 'u' && isLowSurrogate(hex4(json, at + 8))) {
            at += 11; // a whole pair
            continue;
        }
        if (isHighSurrogate(unit) || isLowSurrogate(unit)) {
            out.append(json.substr(copied, at - copied));
            out += "\\ufffd";
            copied = at + 6;
            changed = true;
        }
        at += 5;
    }
    if (!changed)
        return std::nullopt;
    out.append(json.substr(copied));
    return out;
}

std::optional<std::string> withHugeIntegersAsDecimals(std::string_view json)
{
    std::string out;
    bool changed = false;
    std::size_t copied = 0;
    bool inString = false;
    for (std::size_t at = 0; at < json.size(); ++at) {
        const char c = json[at];
        if (inString) {
            if (c == '\\')
                ++at;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            continue;
        }
        if (c != '-' && !std::isdigit(static_cast<unsigned char>(c)))
            continue;
        // A number: sign, digits, then maybe a fraction or an exponent.
        const bool negative = c == '-';
        const std::size_t digitsStart = negative ? at + 1 : at;
        std::size_t end = digitsStart;
        while (end < json.size() && std::isdigit(static_cast<unsigned char>(json[end])))
            ++end;
        const bool integer =
            end >= json.size() || (json[end] != '.' && json[end] != 'e' && json[end] != 'E');
        const std::string_view digits = json.substr(digitsStart, end - digitsStart);
        if (integer && !digits.empty() &&
            exceeds(digits, negative ? "9223372036854775808" : "18446744073709551615")) {
            out.append(json.substr(copied, end - copied));
            out += ".0";
            copied = end;
            changed = true;
        }
        // Past the whole number, its fraction and exponent included (their digits are not
        // integers of their own).
        std::size_t past = end;
        while (past < json.size() &&
               (std::isdigit(static_cast<unsigned char>(json[past])) || json[past] == '.' ||
                json[past] == 'e' || json[past] == 'E' || json[past] == '+' || json[past] == '-'))
            ++past;
        at = past > at ? past - 1 : at;
    }
    if (!changed)
        return std::nullopt;
    out.append(json.substr(copied));
    return out;
}

} // namespace chorus
