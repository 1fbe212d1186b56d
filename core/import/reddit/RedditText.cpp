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

// The length of "http://" or "https://" at text[i] (any case), or 0.
size_t schemeLength(std::string_view text, size_t i)
{
    const auto lower = [&](size_t k) {
        const char c = text[k];
        return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
    };
    for (std::string_view scheme : {std::string_view("https://"), std::string_view("http://")}) {
        if (i + scheme.size() > text.size())
            continue;
        size_t k = 0;
        while (k < scheme.size() && lower(i + k) == scheme[k])
            ++k;
        if (k == scheme.size())
            return scheme.size();
    }
    return 0;
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
    size_t i = 0;
    while ((i = text.find_first_of("hH", i)) != std::string_view::npos) {
        const size_t scheme = schemeLength(text, i);
        if (scheme == 0 || (i > 0 && isAsciiAlnum(text[i - 1]))) {
            ++i;
            continue;
        }
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
        i = k;
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
