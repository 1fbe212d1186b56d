#pragma once

#include "import/Importer.h"

namespace chorus {

// X/Twitter Information Operations archive: `<campaign>_tweets_csv_hashed.csv` (31 columns)
// and the matching users file (accounts only).
class XArchiveImporter final : public Importer
{
public:
    std::string name() const override { return "x-io"; }
    std::string description() const override
    {
        return "X/Twitter Information Operations archive (tweets or users CSV)";
    }
    int detect(std::string_view head) const override;
    Status read(QIODevice &in, const std::string &fileName, const ImportOptions &options,
                RecordSink &sink, ProgressSink &progress) override;
};

} // namespace chorus
