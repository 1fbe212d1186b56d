#pragma once

#include "import/Importer.h"
#include "import/JsonSupport.h"

namespace chorus {

// An API v1.1 user object (a tweet's `user`; also the web app's older "adaptive" objects).
AccountRecord readV1User(const JsonObject &user, const JsonFields &fields);

// X/Twitter API v1.1 tweets: JSON Lines (twarc 1, streaming captures) or a top-level JSON
// array. Retweeted and quoted tweets embedded in a tweet are imported as posts of their own.
class TwitterV1Importer final : public Importer
{
public:
    std::string name() const override { return "x-v1"; }
    std::string description() const override
    {
        return "X/Twitter API v1.1 tweets (JSON Lines or a JSON array)";
    }
    int detect(std::string_view head) const override;
    Status read(QIODevice &in, const std::string &fileName, const ImportOptions &options,
                RecordSink &sink, ProgressSink &progress) override;
};

} // namespace chorus
