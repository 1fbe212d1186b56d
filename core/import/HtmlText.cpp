#include "import/HtmlText.h"

#include "text/TextCleaner.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace chorus {

namespace {

struct NamedEntity
{
    std::string_view name;
    char32_t codePoint;
};

// The references seen in post text: HTML's escapes, typography, and the Latin letters of
// the languages Chorus is used with. Anything else stays as written.
constexpr std::array<NamedEntity, 122> NamedEntities = {{
    {"amp", 0x26},     {"lt", 0x3C},      {"gt", 0x3E},       {"quot", 0x22},
    {"apos", 0x27},    {"AMP", 0x26},     {"LT", 0x3C},       {"GT", 0x3E},
    {"QUOT", 0x22},    {"nbsp", 0xA0},    {"shy", 0xAD},      {"hellip", 0x2026},
    {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018},  {"rsquo", 0x2019},
    {"sbquo", 0x201A}, {"ldquo", 0x201C}, {"rdquo", 0x201D},  {"bdquo", 0x201E},
    {"laquo", 0xAB},   {"raquo", 0xBB},   {"lsaquo", 0x2039}, {"rsaquo", 0x203A},
    {"bull", 0x2022},  {"middot", 0xB7},  {"copy", 0xA9},     {"reg", 0xAE},
    {"trade", 0x2122}, {"euro", 0x20AC},  {"pound", 0xA3},    {"yen", 0xA5},
    {"cent", 0xA2},    {"sect", 0xA7},    {"para", 0xB6},     {"deg", 0xB0},
    {"plusmn", 0xB1},  {"times", 0xD7},   {"divide", 0xF7},   {"iexcl", 0xA1},
    {"iquest", 0xBF},  {"frac12", 0xBD},  {"frac14", 0xBC},   {"frac34", 0xBE},
    {"sup2", 0xB2},    {"sup3", 0xB3},    {"micro", 0xB5},    {"thinsp", 0x2009},
    {"ensp", 0x2002},  {"emsp", 0x2003},  {"zwj", 0x200D},    {"zwnj", 0x200C},
    {"lrm", 0x200E},   {"rlm", 0x200F},   {"hearts", 0x2665}, {"larr", 0x2190},
    {"rarr", 0x2192},  {"uarr", 0x2191},  {"darr", 0x2193},   {"Agrave", 0xC0},
    {"Aacute", 0xC1},  {"Acirc", 0xC2},   {"Atilde", 0xC3},   {"Auml", 0xC4},
    {"Aring", 0xC5},   {"AElig", 0xC6},   {"Ccedil", 0xC7},   {"Egrave", 0xC8},
    {"Eacute", 0xC9},  {"Ecirc", 0xCA},   {"Euml", 0xCB},     {"Igrave", 0xCC},
    {"Iacute", 0xCD},  {"Icirc", 0xCE},   {"Iuml", 0xCF},     {"Ntilde", 0xD1},
    {"Ograve", 0xD2},  {"Oacute", 0xD3},  {"Ocirc", 0xD4},    {"Otilde", 0xD5},
    {"Ouml", 0xD6},    {"Oslash", 0xD8},  {"Ugrave", 0xD9},   {"Uacute", 0xDA},
    {"Ucirc", 0xDB},   {"Uuml", 0xDC},    {"Yacute", 0xDD},   {"szlig", 0xDF},
    {"agrave", 0xE0},  {"aacute", 0xE1},  {"acirc", 0xE2},    {"atilde", 0xE3},
    {"auml", 0xE4},    {"aring", 0xE5},   {"aelig", 0xE6},    {"ccedil", 0xE7},
    {"egrave", 0xE8},  {"eacute", 0xE9},  {"ecirc", 0xEA},    {"euml", 0xEB},
    {"igrave", 0xEC},  {"iacute", 0xED},  {"icirc", 0xEE},    {"iuml", 0xEF},
    {"ntilde", 0xF1},  {"ograve", 0xF2},  {"oacute", 0xF3},   {"ocirc", 0xF4},
    {"otilde", 0xF5},  {"ouml", 0xF6},    {"oslash", 0xF8},   {"ugrave", 0xF9},
    {"uacute", 0xFA},  {"ucirc", 0xFB},   {"uuml", 0xFC},     {"yacute", 0xFD},
    {"yuml", 0xFF},    {"OElig", 0x152},  {"oelig", 0x153},   {"Scaron", 0x160},
    {"scaron", 0x161}, {"Yuml", 0x178},
}};

// What browsers make of &#128; to &#159;: the Windows-1252 characters those bytes were.
constexpr std::array<char32_t, 32> Windows1252 = {
    0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021, 0x2C6,  0x2030, 0x160,
    0x2039, 0x152,  0x8D,   0x17D,  0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};

constexpr char32_t Replacement = 0xFFFD;
constexpr size_t LongestEntityName = 8;

void appendUtf8(std::string &out, char32_t c)
{
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

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (isAsciiDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char32_t checkedCodePoint(std::uint32_t value, bool overflow)
{
    if (overflow || value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return Replacement;
    if (value >= 0x80 && value <= 0x9F)
        return Windows1252[value - 0x80];
    return char32_t(value);
}

// The reference starting at text[at] == '&': its code point and length, or length 0 when
// it is not one (the '&' is then plain text).
struct Reference
{
    char32_t codePoint = 0;
    size_t length = 0;
};

Reference readReference(std::string_view text, size_t at)
{
    size_t i = at + 1;
    if (i < text.size() && text[i] == '#') {
        ++i;
        const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
        i += hex;
        const size_t digitsStart = i;
        std::uint32_t value = 0;
        bool overflow = false;
        // Every digit is consumed, however many, so that a huge number is one U+FFFD.
        for (; i < text.size(); ++i) {
            const int digit =
                hex ? hexValue(text[i]) : (isAsciiDigit(text[i]) ? text[i] - '0' : -1);
            if (digit < 0)
                break;
            if (!overflow) {
                value = value * (hex ? 16 : 10) + std::uint32_t(digit);
                overflow = value > 0x10FFFF;
            }
        }
        if (i == digitsStart)
            return {};
        if (i < text.size() && text[i] == ';')
            ++i;
        return {checkedCodePoint(value, overflow), i - at};
    }
    const size_t nameStart = i;
    while (i < text.size() && i - nameStart <= LongestEntityName &&
           (isAsciiLetter(text[i]) || isAsciiDigit(text[i])))
        ++i;
    if (i == nameStart || i >= text.size() || text[i] != ';')
        return {};
    const std::string_view name = text.substr(nameStart, i - nameStart);
    for (const NamedEntity &entity : NamedEntities)
        if (entity.name == name)
            return {entity.codePoint, i + 1 - at};
    return {};
}

bool isHtmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

char asciiLowerChar(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

// Where `needle` (lower case) occurs in text at or after `from`, ignoring ASCII case.
size_t findCaseless(std::string_view text, std::string_view needle, size_t from)
{
    if (needle.size() > text.size())
        return std::string_view::npos;
    for (size_t i = from; i + needle.size() <= text.size(); ++i) {
        size_t k = 0;
        while (k < needle.size() && asciiLowerChar(text[i + k]) == needle[k])
            ++k;
        if (k == needle.size())
            return i;
    }
    return std::string_view::npos;
}

// How much vertical space a block element puts around its text: 2 is a blank line.
int blockBreaks(std::string_view tag)
{
    static constexpr std::array<std::string_view, 13> paragraphs = {
        "p", "blockquote", "ul", "ol", "pre", "table", "hr", "h1", "h2", "h3", "h4", "h5", "h6"};
    static constexpr std::array<std::string_view, 10> lines = {
        "div", "li", "tr", "dd", "dt", "dl", "section", "article", "header", "footer"};
    if (std::find(paragraphs.begin(), paragraphs.end(), tag) != paragraphs.end())
        return 2;
    if (std::find(lines.begin(), lines.end(), tag) != lines.end())
        return 1;
    return 0;
}

bool containsWord(std::string_view list, std::string_view word)
{
    size_t i = 0;
    while (i < list.size()) {
        while (i < list.size() && isHtmlSpace(list[i]))
            ++i;
        const size_t start = i;
        while (i < list.size() && !isHtmlSpace(list[i]))
            ++i;
        if (i > start && list.substr(start, i - start) == word)
            return true;
    }
    return false;
}

// One pass over an HTML fragment. Text goes out through put(); white space and block
// boundaries are held back as "pending" and written only before the next visible
// character, so that nothing dangles at the start or the end and blocks do not stack up.
class Converter
{
public:
    explicit Converter(std::string_view html) : m_in(html) {}

    HtmlText run()
    {
        m_out.reserve(m_in.size());
        while (m_pos < m_in.size()) {
            const char c = m_in[m_pos];
            if (c == '<') {
                if (!readMarkup()) {
                    putRawRest();
                    break;
                }
            } else if (c == '&') {
                putReference();
            } else if (isHtmlSpace(c) && m_preDepth == 0) {
                m_pendingSpace = true;
                ++m_pos;
            } else {
                putRun();
            }
        }
        while (!m_out.empty() && isHtmlSpace(m_out.back()))
            m_out.pop_back();
        HtmlText result;
        result.text = cleanText(m_out, &result.repaired);
        result.links = std::move(m_links);
        return result;
    }

private:
    void flushPending()
    {
        if (m_out.empty()) {
            m_pendingBreaks = 0;
            m_pendingSpace = false;
            return;
        }
        if (m_pendingBreaks > 0) {
            while (!m_out.empty() && (m_out.back() == ' ' || m_out.back() == '\t'))
                m_out.pop_back();
            int have = 0;
            for (auto it = m_out.rbegin(); it != m_out.rend() && *it == '\n' && have < 2; ++it)
                ++have;
            for (int i = have; i < m_pendingBreaks; ++i)
                m_out += '\n';
        } else if (m_pendingSpace && m_out.back() != '\n') {
            m_out += ' ';
        }
        m_pendingBreaks = 0;
        m_pendingSpace = false;
    }

    void put(char c)
    {
        if (m_pendingBreaks || m_pendingSpace)
            flushPending();
        m_out += c;
    }

    // Plain text up to the next markup, reference or (outside <pre>) white space, in one go.
    void putRun()
    {
        size_t end = m_pos + 1;
        while (end < m_in.size()) {
            const char c = m_in[end];
            if (c == '<' || c == '&' || (m_preDepth == 0 && isHtmlSpace(c)))
                break;
            ++end;
        }
        if (m_pendingBreaks || m_pendingSpace)
            flushPending();
        m_out.append(m_in.substr(m_pos, end - m_pos));
        m_pos = end;
    }

    void putReference()
    {
        const Reference reference = readReference(m_in, m_pos);
        if (reference.length == 0) {
            put('&');
            ++m_pos;
            return;
        }
        if (m_pendingBreaks || m_pendingSpace)
            flushPending();
        appendUtf8(m_out, reference.codePoint);
        m_pos += reference.length;
    }

    // A <br> right after a block boundary adds nothing: the boundary already broke the line.
    void lineBreak()
    {
        m_pendingSpace = false;
        if (m_pendingBreaks) {
            flushPending();
            return;
        }
        while (!m_out.empty() && (m_out.back() == ' ' || m_out.back() == '\t'))
            m_out.pop_back();
        if (!m_out.empty())
            m_out += '\n';
    }

    // The rest of the input is a markup that never ends: keep it as text, as written apart
    // from its references, so that a cut-off fragment loses nothing.
    void putRawRest()
    {
        while (m_pos < m_in.size()) {
            if (m_in[m_pos] == '&') {
                putReference();
            } else {
                put(m_in[m_pos]);
                ++m_pos;
            }
        }
    }

    // At '<': reads a tag, comment or declaration and acts on it. Returns false when it
    // never ends (the caller keeps the rest as text); a '<' that cannot start markup is put
    // as text.
    bool readMarkup()
    {
        const size_t start = m_pos;
        const char next = start + 1 < m_in.size() ? m_in[start + 1] : '\0';
        if (next == '!' || next == '?') {
            const bool comment = m_in.substr(start, 4) == "<!--";
            const size_t end = comment ? m_in.find("-->", start + 4) : m_in.find('>', start + 2);
            if (end == std::string_view::npos)
                return false;
            m_pos = end + (comment ? 3 : 1);
            return true;
        }
        const bool closing = next == '/';
        const size_t nameStart = start + 1 + closing;
        if (nameStart >= m_in.size() || !isAsciiLetter(m_in[nameStart])) {
            put('<');
            ++m_pos;
            return true;
        }
        size_t i = nameStart;
        std::string name;
        while (i < m_in.size() && (isAsciiLetter(m_in[i]) || isAsciiDigit(m_in[i]))) {
            if (name.size() < 16)
                name += asciiLowerChar(m_in[i]);
            ++i;
        }
        HtmlLink link;
        const bool wantAttributes = !closing && name == "a";
        if (!readAttributes(i, wantAttributes ? &link : nullptr))
            return false;
        m_pos = i;
        onTag(name, closing);
        if (wantAttributes && !link.href.empty())
            m_links.push_back(std::move(link));
        return true;
    }

    // Reads attributes from `i` up to and past the closing '>'; false when there is none.
    bool readAttributes(size_t &i, HtmlLink *link)
    {
        while (i < m_in.size()) {
            const char c = m_in[i];
            if (c == '>') {
                ++i;
                return true;
            }
            if (isHtmlSpace(c) || c == '/') {
                ++i;
                continue;
            }
            const size_t nameStart = i;
            while (i < m_in.size() && !isHtmlSpace(m_in[i]) && m_in[i] != '=' && m_in[i] != '>' &&
                   m_in[i] != '/')
                ++i;
            const std::string attribute = asciiLower(m_in.substr(nameStart, i - nameStart));
            while (i < m_in.size() && isHtmlSpace(m_in[i]))
                ++i;
            if (i >= m_in.size() || m_in[i] != '=')
                continue;
            ++i;
            while (i < m_in.size() && isHtmlSpace(m_in[i]))
                ++i;
            if (i >= m_in.size())
                return false;
            std::string_view value;
            if (m_in[i] == '"' || m_in[i] == '\'') {
                const size_t end = m_in.find(m_in[i], i + 1);
                if (end == std::string_view::npos)
                    return false;
                value = m_in.substr(i + 1, end - i - 1);
                i = end + 1;
            } else {
                const size_t valueStart = i;
                while (i < m_in.size() && !isHtmlSpace(m_in[i]) && m_in[i] != '>')
                    ++i;
                value = m_in.substr(valueStart, i - valueStart);
            }
            if (!link)
                continue;
            if (attribute == "href")
                link->href = std::string(trimmed(decodeHtmlEntities(value)));
            else if (attribute == "class")
                link->classes = decodeHtmlEntities(value);
            else if (attribute == "rel")
                link->rel = decodeHtmlEntities(value);
        }
        return false;
    }

    void onTag(const std::string &name, bool closing)
    {
        if (name == "br") {
            lineBreak();
            return;
        }
        if (name == "pre")
            m_preDepth = closing ? std::max(0, m_preDepth - 1) : m_preDepth + 1;
        if (const int breaks = blockBreaks(name)) {
            m_pendingBreaks = std::max(m_pendingBreaks, breaks);
            return;
        }
        if (name == "td" || name == "th") {
            m_pendingSpace = true;
            return;
        }
        if (!closing && (name == "script" || name == "style"))
            skipRawText(name);
    }

    // Drops the text of a <script> or <style> up to its end tag. Without one, the text is
    // kept; the search is not repeated, so that many unclosed scripts stay linear.
    void skipRawText(const std::string &name)
    {
        bool &unclosed = name == "script" ? m_unclosedScript : m_unclosedStyle;
        if (unclosed)
            return;
        const size_t end = findCaseless(m_in, "</" + name, m_pos);
        if (end == std::string_view::npos) {
            unclosed = true;
            return;
        }
        const size_t close = m_in.find('>', end);
        m_pos = close == std::string_view::npos ? m_in.size() : close + 1;
    }

    std::string_view m_in;
    size_t m_pos = 0;
    std::string m_out;
    std::vector<HtmlLink> m_links;
    int m_pendingBreaks = 0;
    bool m_pendingSpace = false;
    int m_preDepth = 0;
    bool m_unclosedScript = false;
    bool m_unclosedStyle = false;
};

} // namespace

bool HtmlLink::hasClass(std::string_view name) const
{
    return containsWord(classes, name);
}

bool HtmlLink::hasRel(std::string_view value) const
{
    return containsWord(rel, value);
}

HtmlText convertHtml(std::string_view html)
{
    return Converter(html).run();
}

std::string htmlToText(std::string_view html)
{
    return convertHtml(html).text;
}

std::string decodeHtmlEntities(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        const size_t amp = text.find('&', i);
        if (amp == std::string_view::npos) {
            out.append(text.substr(i));
            break;
        }
        out.append(text.substr(i, amp - i));
        const Reference reference = readReference(text, amp);
        if (reference.length == 0) {
            out += '&';
            i = amp + 1;
        } else {
            appendUtf8(out, reference.codePoint);
            i = amp + reference.length;
        }
    }
    return out;
}

} // namespace chorus
