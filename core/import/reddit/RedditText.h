#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chorus {

// The http(s) URLs written in a Reddit text (Markdown or plain), in order, each once. A URL
// ends at white space or a character that cannot be in one; trailing punctuation and an
// unbalanced ')' (a Markdown link's) are not part of it; Markdown's "\_" escapes are undone.
std::vector<std::string> scanUrls(std::string_view text);

// The users named in a Reddit text as "u/name" or "/u/name" (not inside a longer word or a
// URL path), without the prefix, in order, each once.
std::vector<std::string> scanUserMentions(std::string_view text);

} // namespace chorus
