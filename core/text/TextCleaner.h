#pragma once

#include <string>
#include <string_view>

namespace chorus {

// Turns raw field bytes from an untrusted file into valid UTF-8 in Unicode NFC.
// Invalid byte sequences become U+FFFD and NUL bytes are dropped; `repaired` tells the
// caller so it can record a warning naming the line and field.
std::string cleanText(std::string_view raw, bool *repaired = nullptr);

// True when `text` is valid UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool isValidUtf8(std::string_view text);

// Trims ASCII white space at both ends.
std::string_view trimmed(std::string_view text);

// ASCII letters lowered, every other byte kept (header names, URL schemes and hosts).
std::string asciiLower(std::string_view text);

} // namespace chorus
