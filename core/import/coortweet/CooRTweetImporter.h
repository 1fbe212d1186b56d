#pragma once

#include "import/Importer.h"

namespace chorus {

// CooRTweet's input table `object_id, account_id, content_id, timestamp_share`: each row is
// one share (a repost) of an object by an account at an epoch time. The platform is not
// named in the table, so posts and accounts are filed under platform "coortweet"; a post's
// id is `content_id:object_id`, since one content may share several objects.
class CooRTweetImporter final : public Importer
{
public:
    std::string name() const override { return "coortweet"; }
    std::string description() const override
    {
        return "CooRTweet share table (object_id, account_id, content_id, timestamp_share)";
    }
    int detect(std::string_view head) const override;
    Status read(QIODevice &in, const std::string &fileName, const ImportOptions &options,
                RecordSink &sink, ProgressSink &progress) override;
};

} // namespace chorus
