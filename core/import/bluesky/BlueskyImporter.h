#pragma once

#include "import/Importer.h"

namespace chorus {

// Bluesky (AT Protocol) collections: Jetstream event lines, com.atproto.repo.listRecords pages
// and repository captures (accountMeta + postRecords). Posts and reposts are imported with
// their at:// URI as id and the author's DID as account id; see JetstreamEvents.h and
// RepoRecords.h for what each reader keeps and skips.
class BlueskyImporter final : public Importer
{
public:
    std::string name() const override { return "bluesky"; }
    std::string description() const override
    {
        return "Bluesky Jetstream events (JSON Lines), listRecords pages or repository captures";
    }
    int detect(std::string_view head) const override;
    Status read(QIODevice &in, const std::string &fileName, const ImportOptions &options,
                RecordSink &sink, ProgressSink &progress) override;
};

} // namespace chorus
