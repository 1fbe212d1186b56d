#include "text/UrlNormalizer.h"

#include "text/TextCleaner.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace chorus {

namespace {

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

// Length of "scheme://" at the start, or 0 when there is none.
std::size_t schemeLength(std::string_view text)
{
    const std::size_t colon = text.find("://");
    if (colon == std::string_view::npos || colon == 0)
        return 0;
    if (!std::isalpha(static_cast<unsigned char>(text[0])))
        return 0;
    for (std::size_t i = 0; i < colon; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (!std::isalnum(c) && c != '+' && c != '-' && c != '.')
            return 0;
    }
    return colon + 3;
}

bool isTrackingParameter(std::string_view name)
{
    static constexpr std::array<std::string_view, 11> Names = {
        "fbclid", "gclid", "dclid",   "msclkid", "igshid", "mc_cid",
        "mc_eid", "ref",   "ref_src", "s",       "si"};
    const std::string key = asciiLower(name);
    return startsWith(key, "utm_") || std::find(Names.begin(), Names.end(), key) != Names.end();
}

std::string cleanQuery(std::string_view query)
{
    std::string kept;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view parameter = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (parameter.empty() || isTrackingParameter(parameter.substr(0, parameter.find('='))))
            continue;
        if (!kept.empty())
            kept += '&';
        kept += parameter;
    }
    return kept;
}

} // namespace

std::string normalizeUrl(std::string_view url)
{
    url = trimmed(url);
    const std::size_t scheme = schemeLength(url);
    if (scheme == 0 && !startsWith(asciiLower(url.substr(0, 4)), "www."))
        return std::string(url);
    std::string_view rest = url.substr(scheme);
    rest = rest.substr(0, rest.find('#'));
    const std::size_t questionMark = rest.find('?');
    const std::string_view query =
        questionMark == std::string_view::npos ? std::string_view() : rest.substr(questionMark + 1);
    rest = rest.substr(0, questionMark);
    const std::size_t slash = rest.find('/');
    std::string host = asciiLower(rest.substr(0, slash));
    std::string_view path =
        slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    if (startsWith(host, "www."))
        host.erase(0, 4);
    for (std::string_view port : {std::string_view(":80"), std::string_view(":443")})
        if (host.size() > port.size() &&
            host.compare(host.size() - port.size(), port.size(), port) == 0)
            host.resize(host.size() - port.size());
    while (!path.empty() && path.back() == '/')
        path.remove_suffix(1);
    std::string result = host;
    result += path;
    const std::string kept = cleanQuery(query);
    if (!kept.empty())
        result += '?' + kept;
    return result;
}

} // namespace chorus
