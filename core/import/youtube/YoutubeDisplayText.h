#pragma once

#include <string>
#include <string_view>

namespace chorus {

// The plain text of a YouTube comment's `textDisplay`, which is HTML: <br> tags become line
// breaks, other tags (<a href>, <b>, ...) are dropped and their text kept, and character
// references (&amp;, &#39;, &#x1F600;, ...) are decoded. Old API responses have no
// textOriginal, so this is the only text they give. A minimal converter on purpose: kept in
// this one function so that a shared HTML-to-text converter can replace it.
std::string youtubeDisplayText(std::string_view html);

} // namespace chorus
