#pragma once

#include "import/Importer.h"
#include "import/JsonSupport.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chorus {

// One Zeeschuimer item being mapped: its line, and fields named from the item's top
// ("data.createTime"), so that a problem points at the key in the file.
struct ZeeschuimerItem
{
    ZeeschuimerItem(RecordSink &s, std::int64_t l, const std::string &prefix)
        : sink(s), line(l), fields(s, l, prefix)
    {}
    void reject(std::string_view key, std::string_view reason, const JsonObject &data) const
    {
        sink.reject(line, fields.name(key), reason, jsonExcerpt(data));
    }

    RecordSink &sink;
    std::int64_t line;
    JsonFields fields;
};

// The platform mappers: each hands the posts of one item's `data` (the platform's own object)
// to the sink, or rejects the item naming the field. Platform names: "tiktok", "instagram",
// "x", "linkedin".
void mapTikTokVideo(const JsonObject &data, const ZeeschuimerItem &item);
void mapTikTokComment(const JsonObject &data, const ZeeschuimerItem &item);
void mapInstagramPost(const JsonObject &data, const ZeeschuimerItem &item);
void mapXTweet(const JsonObject &data, const ZeeschuimerItem &item);
void mapLinkedInPost(const JsonObject &data, const ZeeschuimerItem &item);

// Epoch seconds (or milliseconds) written as a JSON number or string, or a date string;
// nullopt (with `problem`) when absent or unreadable.
std::optional<std::int64_t> epochField(const JsonObject &o, std::string_view key,
                                       std::string &problem);

// Hashtags and mentions from the text when the item has no entity list of its own.
void scanEntitiesInto(PostRecord &post);

} // namespace chorus
