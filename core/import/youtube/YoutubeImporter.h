#pragma once

#include "import/Importer.h"

namespace chorus {

// YouTube Data API v3 comments: commentThreads.list and comments.list responses, one per
// line (JSONL), one pretty-printed response, or an array of them; or a collector's bare
// commentThread or comment items (array or JSONL). Streamed item by item
// (core/import/JsonArrayStream). commentThreads.list returns at most five replies per thread:
// a thread that has more (totalReplyCount) is warned about, with the number missing.
class YoutubeImporter final : public Importer
{
public:
    std::string name() const override { return "youtube"; }
    std::string description() const override
    {
        return "YouTube Data API v3 comment threads and comments (responses or items, JSON or "
               "JSONL)";
    }
    int detect(std::string_view head) const override;
    Status read(QIODevice &in, const std::string &fileName, const ImportOptions &options,
                RecordSink &sink, ProgressSink &progress) override;
};

} // namespace chorus
