#include "import/youtube/YoutubeDisplayText.h"

#include <cstdint>

namespace chorus {

namespace {

void appendUtf8(std::string &out, std::uint32_t c)
{
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        c = 0xFFFD; // not a character: the replacement character, as for bad UTF-8
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

// The character reference starting at html[at] ('&'), appended to `out`; returns the length
// consumed, or 0 when it is not one (the '&' is then kept as it is).
size_t decodeReference(std::string_view html, size_t at, std::string &out)
{
    const size_t end = html.find(';', at);
    if (end == std::string_view::npos || end - at > 10)
        return 0;
    const std::string_view name = html.substr(at + 1, end - at - 1);
    static constexpr struct
    {
        std::string_view name;
        std::uint32_t code;
    } named[] = {{"amp", '&'},  {"lt", '<'},    {"gt", '>'},
                 {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0}};
    for (const auto &entity : named) {
        if (name == entity.name) {
            appendUtf8(out, entity.code);
            return end - at + 1;
        }
    }
    if (name.size() < 2 || name[0] != '#')
        return 0;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty())
        return 0;
    std::uint32_t code = 0;
    for (const char c : digits) {
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (hex && c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0)
            return 0;
        code = code * (hex ? 16 : 10) + std::uint32_t(digit);
    }
    appendUtf8(out, code);
    return end - at + 1;
}

bool isLineBreakTag(std::string_view tag)
{
    // "br", "br/", "br /", "BR": the tag name alone decides.
    size_t i = 0;
    while (i < tag.size() && tag[i] == ' ')
        ++i;
    if (tag.size() - i < 2 || (tag[i] != 'b' && tag[i] != 'B') ||
        (tag[i + 1] != 'r' && tag[i + 1] != 'R'))
        return false;
    return tag.size() - i == 2 || tag[i + 2] == '/' || tag[i + 2] == ' ';
}

} // namespace

std::string youtubeDisplayText(std::string_view html)
{
    std::string out;
    out.reserve(html.size());
    for (size_t i = 0; i < html.size();) {
        const char c = html[i];
        if (c == '<') {
            const size_t close = html.find('>', i + 1);
            if (close != std::string_view::npos) {
                if (isLineBreakTag(html.substr(i + 1, close - i - 1)))
                    out += '\n';
                i = close + 1;
                continue;
            }
        } else if (c == '&') {
            if (const size_t used = decodeReference(html, i, out)) {
                i += used;
                continue;
            }
        }
        out += c;
        ++i;
    }
    return out;
}

} // namespace chorus
