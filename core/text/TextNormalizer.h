#pragma once

#include <string>
#include <string_view>

namespace chorus {

// Which normalisation steps run before texts are compared. Each flag is one step, applied in
// the order listed; the defaults are what near-duplicate clustering uses.
struct NormalizeOptions
{
    // Unicode NFKC: full-width letters, ligatures and styled "𝐛𝐨𝐥𝐝" letters become plain ones.
    bool nfkc = true;
    // Unicode simple case folding, not just lower-casing: "ΟΔΟΣ" and "οδος" (final sigma)
    // meet. Simple folding maps one code point to one, so "ß" stays "ß".
    bool caseFold = true;
    // Drops combining accents after canonical decomposition: "élection" -> "election".
    bool foldAccents = true;
    // Removes a leading retweet marker "RT @user:" that clients prepend to copied text.
    bool removeRetweetPrefix = true;
    // Replaces every link (http://, https://, www.) by one token: a changed link or
    // tracking parameter does not make a text different.
    bool urlsToToken = true;
    // Removes @mentions: campaigns address different people with the same text.
    bool removeMentions = true;
    // Optional: removes #hashtags (word and sign).
    bool removeHashtags = false;
    // Optional: removes emoji and pictographs (with their joiners and variation selectors).
    bool removeEmoji = false;
    // Optional: removes punctuation.
    bool removePunctuation = false;
    // Optional: punctuation and symbols separate words, like a space ("Saint-Jean, N.B." ->
    // "saint jean n b"): place names are compared this way.
    bool punctuationToSpace = false;
    // Collapses runs of white space into one space and trims both ends.
    bool collapseWhitespace = true;
};

// The code point that stands for any link when urlsToToken is on (a private-use character,
// so it never collides with real text).
constexpr char32_t UrlToken = U'\uE000';

// Normalises one UTF-8 text into UTF-32 code points for shingling. Pure function; safe to call
// from several threads at once. ASCII texts take a fast path that gives the same result.
std::u32string normalizeText(std::string_view utf8, const NormalizeOptions &options = {});

// The same normalisation, as UTF-8 (for display and tests).
std::string normalizeTextUtf8(std::string_view utf8, const NormalizeOptions &options = {});

} // namespace chorus
