#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chorus {

// A link of an HTML fragment, with the attributes that tell what kind of link it is
// (Mastodon marks mentions with class "mention" and hashtags with rel "tag").
struct HtmlLink
{
    std::string href;    // character references decoded, white space trimmed
    std::string classes; // the class attribute as written, decoded
    std::string rel;     // the rel attribute as written, decoded
    bool hasClass(std::string_view name) const;
    bool hasRel(std::string_view value) const;
};

// An HTML fragment as plain text, and the links it held.
struct HtmlText
{
    std::string text; // valid UTF-8 in NFC, trimmed
    std::vector<HtmlLink> links;
    bool repaired = false; // invalid UTF-8 or NUL bytes were replaced or dropped
};

// Converts the HTML of a post (Mastodon `content`, YouTube `textDisplay`) to the text a
// reader sees, without QtGui (core links QtCore only), in one pass over untrusted input:
//  - paragraphs and other blocks become blank lines, <br> a line break, white space
//    collapses as a browser collapses it (kept inside <pre>);
//  - tags are removed and their text kept, so a mention link reads "@user" and a hashtag
//    link "#tag"; the text of <script> and <style> is dropped;
//  - the hidden parts of a shortened link (Mastodon's <span class="invisible">) are KEPT:
//    the text shows the full URL, not the "example.org/long-pa…" a reader sees, so that the
//    same link in two posts reads the same and can be matched;
//  - character references are decoded (see decodeHtmlEntities);
//  - what cannot be a tag stays text: "a < b", and a '<' never closed by '>', after which
//    the rest of the input is kept as written (a cut-off fragment loses nothing).
// Linear in the input size whatever it holds.
HtmlText convertHtml(std::string_view html);

// convertHtml(html).text.
std::string htmlToText(std::string_view html);

// Decodes HTML character references in text: numeric ones (&#39; &#x1F600;, with or
// without the ';'; zero, surrogates and values past U+10FFFF become U+FFFD, 128-159 are
// read as Windows-1252 as browsers do) and the common named ones (&amp; &lt; &gt; &quot;
// &apos; &nbsp;, typographic quotes and dashes, Latin accented letters, ...). An unknown or
// unterminated name stays as written. The result is not re-scanned: "&amp;lt;" is "&lt;".
// Bytes other than references pass through unchanged (the caller cleans the UTF-8).
std::string decodeHtmlEntities(std::string_view text);

} // namespace chorus
