#include "import/TextEntities.h"

#include <QChar>

#include <algorithm>

namespace chorus {

namespace {

// Decodes the code point starting at `at` (valid UTF-8 assumed; a stray byte decodes as
// itself) and sets `length` to its byte count.
char32_t decodeAt(std::string_view s, size_t at, size_t &length)
{
    const auto b = static_cast<unsigned char>(s[at]);
    const auto cont = [&](size_t i) {
        return at + i < s.size() ? char32_t(static_cast<unsigned char>(s[at + i]) & 0x3F) : 0;
    };
    if (b < 0x80) {
        length = 1;
        return b;
    }
    if (b >= 0xF0 && at + 3 < s.size()) {
        length = 4;
        return (char32_t(b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
    }
    if (b >= 0xE0 && at + 2 < s.size()) {
        length = 3;
        return (char32_t(b & 0x0F) << 12) | (cont(1) << 6) | cont(2);
    }
    if (b >= 0xC0 && at + 1 < s.size()) {
        length = 2;
        return (char32_t(b & 0x1F) << 6) | cont(1);
    }
    length = 1;
    return b;
}

// The code point that ends just before `at`, or 0 at the start of the text.
char32_t decodeBefore(std::string_view s, size_t at)
{
    if (at == 0)
        return 0;
    size_t start = at - 1;
    while (start > 0 && at - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
        --start;
    size_t length = 0;
    return decodeAt(s, start, length);
}

bool isLetterLike(char32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return QChar::isLetter(c) || QChar::isMark(c);
}

bool isWordChar(char32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    // Zero-width (non-)joiners are part of words in Persian and Indic scripts.
    return QChar::isLetterOrNumber(c) || QChar::isMark(c) || c == 0x200C || c == 0x200D;
}

// The byte length of the name that starts at `at`, and whether it holds a letter.
size_t nameLength(std::string_view s, size_t at, bool allowDots, bool &hasLetter)
{
    size_t end = at;
    size_t lastWord = at; // end of the name without trailing dots
    hasLetter = false;
    while (end < s.size()) {
        size_t length = 0;
        const char32_t c = decodeAt(s, end, length);
        if (isWordChar(c)) {
            hasLetter = hasLetter || isLetterLike(c);
            end += length;
            lastWord = end;
        } else if (allowDots && c == '.') {
            end += length;
        } else {
            break;
        }
    }
    return lastWord - at;
}

void addOnce(std::vector<std::string> &list, std::string_view value)
{
    if (std::find(list.begin(), list.end(), value) == list.end())
        list.emplace_back(value);
}

} // namespace

TextEntities scanTextEntities(std::string_view text)
{
    TextEntities found;
    for (size_t at = text.find_first_of("#@"); at != std::string_view::npos;
         at = text.find_first_of("#@", at + 1)) {
        const char32_t before = decodeBefore(text, at);
        if (isWordChar(before) || before == '/' || before == '&' || before == '#' || before == '@')
            continue;
        const bool tag = text[at] == '#';
        bool hasLetter = false;
        const size_t length = nameLength(text, at + 1, !tag, hasLetter);
        if (length == 0 || (tag && !hasLetter))
            continue;
        addOnce(tag ? found.hashtags : found.mentions, text.substr(at + 1, length));
        at += length;
    }
    return found;
}

} // namespace chorus
