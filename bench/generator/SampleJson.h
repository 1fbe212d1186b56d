#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace chorus::bench {

// Appends `value` as a JSON string literal (the platform sample writers build records as
// text; no JSON library in the loop, so writing a million records stays cheap).
inline void appendJsonString(std::string &out, std::string_view value)
{
    out += '"';
    for (const char c : value) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

} // namespace chorus::bench
