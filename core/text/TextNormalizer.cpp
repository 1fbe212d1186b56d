#include "text/TextNormalizer.h"

#include <QChar>
#include <QList>
#include <QString>

#include <algorithm>

namespace chorus {

namespace {

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Unicode steps (NFKC, case folding, accents) through QString, which carries the tables.
std::u32string unicodeSteps(std::string_view utf8, const NormalizeOptions &options)
{
    if (isAscii(utf8)) {
        std::u32string out(utf8.size(), U'\0');
        std::transform(utf8.begin(), utf8.end(), out.begin(), [&](char c) {
            if (options.caseFold && c >= 'A' && c <= 'Z')
                return char32_t(c - 'A' + 'a');
            return char32_t(static_cast<unsigned char>(c));
        });
        return out;
    }
    QString text = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    if (options.nfkc)
        text = text.normalized(QString::NormalizationForm_KC);
    if (options.caseFold)
        text = text.toCaseFolded();
    if (options.foldAccents) {
        text = text.normalized(QString::NormalizationForm_D);
        QString kept;
        kept.reserve(text.size());
        for (const QChar c : std::as_const(text))
            if (c.category() != QChar::Mark_NonSpacing)
                kept.append(c);
        text = kept.normalized(QString::NormalizationForm_C);
    }
    const QList<uint> ucs4 = text.toUcs4();
    return std::u32string(ucs4.begin(), ucs4.end());
}

bool isWordChar(char32_t c)
{
    if (c < 0x80)
        return c == U'_' || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
               (c >= U'0' && c <= U'9');
    return QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Mark_NonSpacing;
}

// Cheap first test before the prefix comparisons: links start with h or w.
bool mayStartUrl(char32_t c)
{
    return c == U'h' || c == U'w' || c == U'H' || c == U'W';
}

bool isSpace(char32_t c)
{
    return QChar::isSpace(c);
}

bool isEmoji(char32_t c)
{
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) ||
           (c >= 0x2B00 && c <= 0x2BFF) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xE0020 && c <= 0xE007F) || c == 0x20E3 || c == 0x3030 || c == 0x303D;
}

bool startsWith(const std::u32string &text, std::size_t at, std::u32string_view prefix,
                bool ignoreCase)
{
    if (text.size() - at < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char32_t c = text[at + i];
        if (ignoreCase && c >= U'A' && c <= U'Z')
            c = c - U'A' + U'a';
        if (c != prefix[i])
            return false;
    }
    return true;
}

// End of the @name or #tag word starting at `at` (the sign itself included).
std::size_t wordEnd(const std::u32string &text, std::size_t at)
{
    std::size_t end = at + 1;
    while (end < text.size() && isWordChar(text[end]))
        ++end;
    return end;
}

std::size_t urlEnd(const std::u32string &text, std::size_t at)
{
    std::size_t end = at;
    while (end < text.size() && !isSpace(text[end]))
        ++end;
    return end;
}

// Skips "RT @user:" (any case, optional colon) at the start, and any spaces after it.
std::size_t retweetPrefixEnd(const std::u32string &text)
{
    std::size_t at = 0;
    while (at < text.size() && isSpace(text[at]))
        ++at;
    if (!startsWith(text, at, U"rt @", true))
        return 0;
    std::size_t end = wordEnd(text, at + 3);
    if (end < text.size() && text[end] == U':')
        ++end;
    return end;
}

bool atWordStart(const std::u32string &text, std::size_t at)
{
    return at == 0 || !isWordChar(text[at - 1]);
}

// Links, mentions, hashtags, emoji, punctuation and spaces, in one pass over code points.
std::u32string tokenSteps(const std::u32string &text, const NormalizeOptions &options)
{
    // Every step keeps at most one code point per code point read (a pending space stands
    // for at least one space read), so the output is written in place into a buffer of the
    // input's size: this loop is the clustering's hottest.
    std::u32string out(text.size(), U'\0');
    std::size_t written = 0;
    std::size_t i = options.removeRetweetPrefix ? retweetPrefixEnd(text) : 0;
    bool pendingSpace = false;
    auto keep = [&](char32_t c) {
        if (pendingSpace && written > 0)
            out[written++] = U' ';
        pendingSpace = false;
        out[written++] = c;
    };
    while (i < text.size()) {
        const char32_t c = text[i];
        if (options.urlsToToken && mayStartUrl(c) &&
            (startsWith(text, i, U"http://", true) || startsWith(text, i, U"https://", true) ||
             startsWith(text, i, U"www.", true)) &&
            atWordStart(text, i)) {
            keep(UrlToken);
            i = urlEnd(text, i);
            continue;
        }
        if (((c == U'@' && options.removeMentions) || (c == U'#' && options.removeHashtags)) &&
            atWordStart(text, i) && i + 1 < text.size() && isWordChar(text[i + 1])) {
            i = wordEnd(text, i);
            continue;
        }
        ++i;
        if (isSpace(c)) {
            if (options.collapseWhitespace)
                pendingSpace = true;
            else
                out[written++] = c;
            continue;
        }
        if (options.removeEmoji && isEmoji(c))
            continue;
        if (options.removePunctuation && QChar::isPunct(c))
            continue;
        if (options.punctuationToSpace && (QChar::isPunct(c) || QChar::isSymbol(c))) {
            pendingSpace = true;
            continue;
        }
        keep(c);
    }
    // A space is only written before the next kept character: no leading or trailing space.
    out.resize(written);
    return out;
}

} // namespace

std::u32string normalizeText(std::string_view utf8, const NormalizeOptions &options)
{
    return tokenSteps(unicodeSteps(utf8, options), options);
}

std::string normalizeTextUtf8(std::string_view utf8, const NormalizeOptions &options)
{
    const std::u32string text = normalizeText(utf8, options);
    return QString::fromUcs4(text.data(), qsizetype(text.size())).toStdString();
}

} // namespace chorus
