#pragma once

#include "import/Importer.h"

namespace chorus {

// Mastodon API Status objects: a saved timeline, search or account-statuses response (a
// top-level JSON array), JSON Lines with one status per line, or one API page (an array)
// per line. Boosts become reposts of their original, which is imported too.
class MastodonImporter final : public Importer
{
public:
    std::string name() const override { return "mastodon"; }
    std::string description() const override
    {
        return "Mastodon API statuses (a JSON array as saved from the API, or JSON Lines)";
    }
    int detect(std::string_view head) const override;
    Status read(QIODevice &in, const std::string &fileName, const ImportOptions &options,
                RecordSink &sink, ProgressSink &progress) override;
};

} // namespace chorus
