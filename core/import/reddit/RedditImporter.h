#pragma once

#include "import/Importer.h"

namespace chorus {

// Reddit comments and submissions in Pushshift-style NDJSON dumps (one object per line,
// often without a final newline; comments and submissions may be mixed). Posts are keyed by
// their fullname (t1_ comments, t3_ submissions) so that a comment's parent_id is its
// replyTo as written.
class RedditImporter final : public Importer
{
public:
    std::string name() const override { return "reddit"; }
    std::string description() const override
    {
        return "Reddit comments and submissions (Pushshift-style NDJSON dumps)";
    }
    int detect(std::string_view head) const override;
    Status read(QIODevice &in, const std::string &fileName, const ImportOptions &options,
                RecordSink &sink, ProgressSink &progress) override;
};

} // namespace chorus
