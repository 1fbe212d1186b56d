#include "import/bluesky/FeedRecord.h"

#include "import/ImportSupport.h"
#include "text/TextCleaner.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace chorus {

namespace {

void appendUnique(std::vector<std::string> &list, std::string value)
{
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(std::move(value));
}

std::string typeOf(const JsonObject &object)
{
    return object.value("$type").toStdString();
}

// An at:// URI field (a reply's parent, a quoted record, a reposted post); empty when absent,
// warned about and empty when it is something else.
std::string atUriField(const JsonObject &object, std::string_view name, const JsonFields &fields)
{
    std::string uri = fields.text(object, name);
    if (!uri.empty() && !parseAtUri(uri)) {
        fields.warn(name, "expected an at:// URI; ignored", uri.substr(0, 120));
        return {};
    }
    return uri;
}

// The bytes [start, end) of `text`, widened so that no UTF-8 character is cut in two.
std::string_view utf8Slice(std::string_view text, size_t start, size_t end)
{
    const auto continuation = [&](size_t at) {
        return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
    };
    while (start > 0 && continuation(start))
        --start;
    while (continuation(end))
        ++end;
    return text.substr(start, end - start);
}

// Facet offsets count UTF-8 bytes of the text as the client wrote it (before any
// normalisation), and clients get them wrong: a mention whose range does not cover an
// "@handle" is reported, since the post's text then shows something else than the link.
// The mentioned DID itself does not depend on the range and is always kept.
void checkMentionRange(const JsonObject &facet, std::string_view text, const JsonFields &fields)
{
    const JsonObject index = facet.value("index").toObject();
    const JsonValue startValue = index.value("byteStart");
    const JsonValue endValue = index.value("byteEnd");
    if (!startValue.isDouble() || !endValue.isDouble()) {
        fields.warn("index", "a mention without a numeric byteStart/byteEnd; its DID is kept",
                    jsonExcerpt(facet));
        return;
    }
    const double size = double(text.size());
    const double rawStart = startValue.toDouble(), rawEnd = endValue.toDouble();
    const double start = std::floor(std::clamp(rawStart, 0.0, size));
    const double end = std::floor(std::clamp(rawEnd, start, size));
    const std::string slice = cleanText(utf8Slice(text, size_t(start), size_t(end)));
    const auto number = [](double d) {
        char digits[32];
        std::snprintf(digits, sizeof digits, "%.15g", d);
        return std::string(digits);
    };
    const std::string range = number(rawStart) + ".." + number(rawEnd);
    if (start != rawStart || end != rawEnd)
        fields.warn("index",
                    "mention byte range " + range + " lies outside the text (" + number(size) +
                        " bytes): clamped to " + number(start) + ".." + number(end) + " ('" +
                        slice.substr(0, 60) + "'); its DID is kept",
                    jsonExcerpt(facet));
    else if (slice.empty() || slice.front() != '@')
        fields.warn("index",
                    "mention byte range " + range + " covers '" + slice.substr(0, 60) +
                        "', not an @handle (offsets not counted in UTF-8 bytes?); its DID is kept",
                    jsonExcerpt(facet));
}

// Rich-text facets: links carry the full URL (the text shows a shortened one), mentions the
// DID, tags the hashtag without '#'.
void readFacets(const JsonObject &record, const JsonFields &fields, PostRecord &p)
{
    const JsonArray facets = fields.array(record, "facets");
    // The raw UTF-8 the offsets count.
    const std::string_view text = record.value("text").toString();
    for (std::size_t i = 0; i < facets.size(); ++i) {
        const JsonFields facetFields = fields.nested("facets[" + std::to_string(i) + "]");
        const JsonObject facet = facets[i].toObject();
        const JsonArray features = facetFields.array(facet, "features");
        for (std::size_t j = 0; j < features.size(); ++j) {
            const JsonObject feature = features[j].toObject();
            const JsonFields featureFields =
                facetFields.nested("features[" + std::to_string(j) + "]");
            const std::string type = typeOf(feature);
            if (type == "app.bsky.richtext.facet#link") {
                appendUnique(p.urls, featureFields.text(feature, "uri"));
            } else if (type == "app.bsky.richtext.facet#tag") {
                appendUnique(p.hashtags, stripSigil(featureFields.text(feature, "tag"), '#'));
            } else if (type == "app.bsky.richtext.facet#mention") {
                const std::string did = featureFields.text(feature, "did");
                if (did.empty())
                    continue;
                appendUnique(p.mentions, did);
                checkMentionRange(facet, text, facetFields);
            }
            // Other feature types (future lexicon additions) carry nothing Chorus stores.
        }
    }
}

void readExternal(const JsonObject &embed, const JsonFields &fields, PostRecord &p)
{
    const JsonObject external = fields.object(embed, "external");
    appendUnique(p.urls, fields.nested("external").text(external, "uri"));
}

// Quotes (a record embed, alone or with media) and link cards. A record embed can also show
// a feed generator, list or starter pack: only an embedded post is a quote.
void readEmbed(const JsonObject &record, const JsonFields &fields, PostRecord &p)
{
    const JsonObject embed = fields.object(record, "embed");
    const JsonFields embedFields = fields.nested("embed");
    const std::string type = typeOf(embed);
    std::string quoted;
    if (type == "app.bsky.embed.record") {
        quoted =
            atUriField(embedFields.object(embed, "record"), "uri", embedFields.nested("record"));
    } else if (type == "app.bsky.embed.recordWithMedia") {
        const JsonFields outer = embedFields.nested("record");
        quoted = atUriField(outer.object(embedFields.object(embed, "record"), "record"), "uri",
                            outer.nested("record"));
        const JsonObject media = embedFields.object(embed, "media");
        if (typeOf(media) == "app.bsky.embed.external")
            readExternal(media, embedFields.nested("media"), p);
    } else if (type == "app.bsky.embed.external") {
        readExternal(embed, embedFields, p);
    }
    if (const auto address = parseAtUri(quoted);
        address && address->collection == BlueskyPostCollection)
        p.quoteOf = quoted;
}

void readPostBody(const JsonObject &record, const JsonFields &fields, PostRecord &p)
{
    p.text = fields.text(record, "text");
    const JsonArray langs = fields.array(record, "langs");
    if (!langs.isEmpty() && langs[0].isString())
        p.language = cleanText(langs[0].toStdString());
    const JsonObject reply = fields.object(record, "reply");
    if (!reply.isEmpty()) {
        const JsonFields replyFields = fields.nested("reply");
        p.replyTo =
            atUriField(replyFields.object(reply, "parent"), "uri", replyFields.nested("parent"));
        if (p.replyTo.empty())
            replyFields.warn("parent", "a reply without its parent's at:// URI; kept as a post",
                             jsonExcerpt(reply));
    }
    readFacets(record, fields, p);
    readEmbed(record, fields, p);
    const JsonArray tags = fields.array(record, "tags");
    for (const JsonValue &tag : tags)
        if (tag.isString())
            appendUnique(p.hashtags, stripSigil(cleanText(tag.toStdString()), '#'));
    setKindFromReferences(p);
}

} // namespace

std::optional<AtUri> parseAtUri(std::string_view uri)
{
    constexpr std::string_view scheme = "at://";
    if (uri.substr(0, scheme.size()) != scheme)
        return std::nullopt;
    uri.remove_prefix(scheme.size());
    const size_t first = uri.find('/');
    const size_t second = first == std::string_view::npos ? first : uri.find('/', first + 1);
    if (first == 0 || second == std::string_view::npos || second == first + 1)
        return std::nullopt;
    AtUri parts{uri.substr(0, first), uri.substr(first + 1, second - first - 1),
                uri.substr(second + 1)};
    if (parts.rkey.empty() || parts.rkey.find('/') != std::string_view::npos)
        return std::nullopt;
    return parts;
}

FeedRecordResult readFeedRecord(const JsonObject &record, const FeedRecordSource &source,
                                const JsonFields &fields)
{
    FeedRecordResult result;
    std::string problem;
    std::optional<std::int64_t> when = fields.requiredTime(record, "createdAt", problem);
    if (!when && source.eventTime) {
        // createdAt is set by the client; the relay's own time is the next best thing.
        fields.warn("createdAt", problem + "; the event's time (time_us) used instead",
                    jsonExcerpt(record));
        when = source.eventTime;
    }
    if (!when) {
        result.field = fields.name("createdAt");
        result.problem = problem;
        return result;
    }

    PostRecord p;
    p.line = source.line;
    p.platform = BlueskyPlatform;
    p.platformId = source.uri;
    p.author.platform = BlueskyPlatform;
    p.author.platformId = source.did;
    p.createdAt = *when;
    if (source.repost) {
        p.repostOf = atUriField(fields.object(record, "subject"), "uri", fields.nested("subject"));
        if (p.repostOf.empty()) {
            result.field = fields.name("subject.uri");
            result.problem = "a repost without the at:// URI of the post it reposts";
            return result;
        }
        p.kind = PostKind::Repost;
    } else {
        readPostBody(record, fields, p);
    }
    result.post = std::move(p);
    return result;
}

} // namespace chorus
