#pragma once

#include <string>
#include <string_view>

namespace chorus {

// The key under which two shares of "the same link" meet: no scheme, no "www.", host in lower
// case, no default port, no fragment, no trailing slash, no tracking parameters (utm_*,
// fbclid, gclid, ref, s, ...). Pure text work: nothing is ever fetched, so short links are not
// expanded. A value that is not a URL is returned as it is (trimmed). Thread-safe.
std::string normalizeUrl(std::string_view url);

} // namespace chorus
