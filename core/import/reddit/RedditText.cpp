#include "import/reddit/RedditText.h"

#include <algorithm>

namespace chorus {

namespace {

// Reddit user names: 3 to 20 letters, digits, '_' or '-'.
constexpr size_t MinUserName = 3;
constexpr size_t MaxUserName = 20;

bool isAsciiAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool isNameChar(char c)
{
    return isAsciiAlnum(c) || c == '_' || c == '-';
}

// Characters that end a URL written in text: white space, ASCII controls, and those that
// RFC 3986 does not allow unescaped and that surround links in Markdown and prose.
bool endsUrl(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F)
        return true;
    return c == '<' || c == '>' || c == '"' || c == '`' || c == '[' || c == ']' || c == '{' ||
           c == '}' || c == '|' || c == '^';
}

bool isTrailingPunctuation(char c)
{
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '*' ||
           c == '\'' || c == '_' || c == '~';
}

void addUnique(std::vector<std::string> &list, std::string value)
{
    if (std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(std::move(value));
}

// Where the "http://" or "https://" (any case) whose "://" is at text[colon] starts, or npos.
size_t schemeStart(std::string_view text, size_t colon)
{
    const auto lower = [&](size_t k) {
        const char c = text[k];
        return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
    };
    const auto endsWith = [&](std::string_view scheme) {
        if (colon < scheme.size())
            return false;
        for (size_t k = 0; k < scheme.size(); ++k)
            if (lower(colon - scheme.size() + k) != scheme[k])
                return false;
        return true;
    };
    if (endsWith("https"))
        return colon - 5;
    if (endsWith("http"))
        return colon - 4;
    return std::string_view::npos;
}

// A Markdown backslash escape inside a URL ("a\_b"): the escaped character is kept.
bool isEscapable(char c)
{
    return c == '_' || c == '*' || c == '~' || c == '(' || c == ')' || c == '#';
}

} // namespace

std::vector<std::string> scanUrls(std::string_view text)
{
    std::vector<std::string> urls;
    // Found by their "://", which is rare in text, rather than by every 'h'.
    size_t colon = 0;
    while ((colon = text.find("://", colon)) != std::string_view::npos) {
        const size_t i = schemeStart(text, colon);
        colon += 3;
        if (i == std::string_view::npos || (i > 0 && isAsciiAlnum(text[i - 1])))
            continue;
        const size_t scheme = colon - i;
        std::string url(text.substr(i, scheme));
        size_t k = i + scheme;
        while (k < text.size() && !endsUrl(text[k])) {
            if (text[k] == '\\') {
                if (k + 1 < text.size() && isEscapable(text[k + 1])) {
                    url += text[k + 1];
                    k += 2;
                    continue;
                }
                break;
            }
            url += text[k++];
        }
        colon = std::max(colon, k);
        // Trailing punctuation belongs to the sentence; a ')' without its '(' to Markdown.
        for (;;) {
            if (url.size() > scheme && isTrailingPunctuation(url.back())) {
                url.pop_back();
            } else if (url.size() > scheme && url.back() == ')' &&
                       std::count(url.begin(), url.end(), '(') <
                           std::count(url.begin(), url.end(), ')')) {
                url.pop_back();
            } else {
                break;
            }
        }
        if (url.size() > scheme)
            addUnique(urls, std::move(url));
    }
    return urls;
}

std::vector<std::string> scanUserMentions(std::string_view text)
{
    std::vector<std::string> names;
    size_t i = 0;
    while ((i = text.find("u/", i)) != std::string_view::npos) {
        const size_t prefix = i;
        i += 2;
        // "u/x" after a non-word character, or "/u/x" after one: not "menu/x", "reddit.com/u/x".
        size_t before = prefix;
        if (before > 0 && text[before - 1] == '/')
            --before;
        if (before > 0) {
            const char c = text[before - 1];
            if (isNameChar(c) || c == '/' || c == '.' || c == '\\')
                continue;
        }
        std::string name;
        size_t k = i;
        while (k < text.size()) {
            if (isNameChar(text[k])) {
                name += text[k++];
            } else if (text[k] == '\\' && k + 1 < text.size() && text[k + 1] == '_') {
                name += '_'; // Markdown-escaped underscore
                k += 2;
            } else {
                break;
            }
        }
        i = k;
        if (name.size() >= MinUserName && name.size() <= MaxUserName)
            addUnique(names, std::move(name));
    }
    return names;
}

} // namespace chorus
