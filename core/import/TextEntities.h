#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chorus {

// Hashtags (#tag) and mentions (@name) found in a post's text, for formats that give only the
// text (CrowdTangle, Zeeschuimer captions, 4CAT CSVs without entity columns). Works on valid
// UTF-8 (run it on cleaned text) and knows Unicode letters, digits and combining marks, so
// #Vérité, #भारत and #日本 are whole tags.
//
// A tag is '#' then letters, digits, marks or '_' (with at least one letter or mark: #2024 is
// not a tag); a mention is '@' then the same characters or '.', without trailing dots
// (Instagram and TikTok names have dots; a sentence's full stop is not part of the name).
// Neither starts right after a letter, digit or '_' (e-mail addresses, "C#"), after '/'
// (URL paths and fragments) or after '&' (HTML entities like &#39;). Each one is returned
// once, without its sigil, as written, in the order of first appearance.
struct TextEntities
{
    std::vector<std::string> hashtags;
    std::vector<std::string> mentions;
};

TextEntities scanTextEntities(std::string_view text);

} // namespace chorus
