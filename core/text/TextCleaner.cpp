#include "text/TextCleaner.h"

#include <QString>

#include <cstdint>
#include <cstring>

namespace chorus {

namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when it is invalid.
size_t validSequenceLength(std::string_view text, size_t i)
{
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    const size_t left = text.size() - i;
    const auto continuation = [&](size_t k) { return (byte(k) & 0xC0) == 0x80; };
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return left >= 2 && continuation(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3 || !continuation(i + 1) || !continuation(i + 2))
            return 0;
        if (c == 0xE0 && byte(i + 1) < 0xA0)
            return 0; // overlong
        if (c == 0xED && byte(i + 1) >= 0xA0)
            return 0; // UTF-16 surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4 || !continuation(i + 1) || !continuation(i + 2) || !continuation(i + 3))
            return 0;
        if (c == 0xF0 && byte(i + 1) < 0x90)
            return 0; // overlong
        if (c == 0xF4 && byte(i + 1) >= 0x90)
            return 0; // past U+10FFFF
        return 4;
    }
    return 0;
}

// Bytes of the NUL-free ASCII run starting at text[i], eight at a time.
size_t asciiRun(std::string_view text, size_t i)
{
    const size_t start = i;
    while (i + 8 <= text.size()) {
        std::uint64_t w;
        std::memcpy(&w, text.data() + i, 8);
        const std::uint64_t high = 0x8080808080808080ull;
        const bool zeroByte = ((w - 0x0101010101010101ull) & ~w & high) != 0;
        if ((w & high) || zeroByte)
            break;
        i += 8;
    }
    while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80 && text[i] != '\0')
        ++i;
    return i - start;
}

// The common case, checked in one pass: `text` is valid UTF-8 without NUL and certainly in
// NFC already. Certain means every code point is below U+0300 (nothing there composes or
// decomposes under NFC) or an emoji, pictograph or U+FE0F (NFC_Quick_Check=Yes, combining
// class 0). Anything else - combining marks, Hangul, CJK compatibility characters - takes
// the slow path through QString::normalized.
bool isCleanNfc(std::string_view text)
{
    for (size_t i = 0; i < text.size();) {
        i += asciiRun(text, i);
        if (i == text.size())
            break;
        const auto c = static_cast<unsigned char>(text[i]);
        const size_t n = validSequenceLength(text, i);
        if (n == 0 || c == 0)
            return false;
        const auto next = static_cast<unsigned char>(text[i + 1]);
        const bool certain = c < 0xCC ||                                             // up to U+02FF
                             (c == 0xEF && next == 0xB8 && text[i + 2] == '\x8F') || // U+FE0F
                             (c == 0xF0 && next == 0x9F); // U+1F000..U+1FFFF
        if (!certain)
            return false;
        i += n;
    }
    return true;
}

} // namespace

bool isValidUtf8(std::string_view text)
{
    for (size_t i = 0; i < text.size();) {
        i += asciiRun(text, i); // eight bytes at a time through the common case
        if (i == text.size())
            break;
        const size_t n = validSequenceLength(text, i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

std::string cleanText(std::string_view raw, bool *repaired)
{
    if (repaired)
        *repaired = false;
    if (isCleanNfc(raw))
        return std::string(raw); // nearly every field of a real export

    bool ascii = true;
    bool hasNul = false;
    for (const char c : raw) {
        if (static_cast<unsigned char>(c) >= 0x80)
            ascii = false;
        else if (c == '\0')
            hasNul = true;
    }
    if (repaired)
        *repaired = hasNul;

    std::string valid;
    valid.reserve(raw.size());
    for (size_t i = 0; i < raw.size();) {
        const size_t n = validSequenceLength(raw, i);
        if (n == 0) {
            valid += "\xEF\xBF\xBD";
            if (repaired)
                *repaired = true;
            ++i;
        } else {
            if (!(n == 1 && raw[i] == '\0'))
                valid.append(raw.substr(i, n));
            i += n;
        }
    }
    if (ascii || isCleanNfc(valid))
        return valid;
    const QString text = QString::fromUtf8(valid.data(), qsizetype(valid.size()));
    const QByteArray nfc = text.normalized(QString::NormalizationForm_C).toUtf8();
    return std::string(nfc.constData(), size_t(nfc.size()));
}

std::string_view trimmed(std::string_view text)
{
    const auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
    };
    size_t begin = 0;
    size_t end = text.size();
    while (begin < end && space(text[begin]))
        ++begin;
    while (end > begin && space(text[end - 1]))
        --end;
    return text.substr(begin, end - begin);
}

std::string asciiLower(std::string_view text)
{
    std::string result(text);
    for (char &c : result)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return result;
}

} // namespace chorus
