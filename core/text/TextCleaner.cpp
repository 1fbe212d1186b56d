#include "text/TextCleaner.h"

#include <QString>

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

} // namespace

bool isValidUtf8(std::string_view text)
{
    for (size_t i = 0; i < text.size();) {
        const size_t n = validSequenceLength(text, i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

std::string cleanText(std::string_view raw, bool *repaired)
{
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
    if (ascii && !hasNul)
        return std::string(raw); // ASCII is valid UTF-8 and already NFC

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
    if (ascii)
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

} // namespace chorus
