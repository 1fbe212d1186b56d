#pragma once

#include "import/Importer.h"

namespace chorus {

// What researchers hold from 4CAT (the Digital Methods Initiative's capture and analysis
// tool) and its browser extension Zeeschuimer, under one format name:
// - a 4CAT CSV (custom-import layout or a dataset export): fourcat/FourCatCsv.h;
// - a Zeeschuimer NDJSON export, or 4CAT's NDJSON download of such a dataset, mixing TikTok
//   (videos and comments), Instagram, X and LinkedIn items: fourcat/ZeeschuimerReader.h.
// The file's first byte tells them apart ('{' for NDJSON).
class FourCatImporter final : public Importer
{
public:
    std::string name() const override { return "4cat"; }
    std::string description() const override
    {
        return "4CAT CSV (id, thread_id, author, body, timestamp) or Zeeschuimer NDJSON "
               "(TikTok, Instagram, X, LinkedIn)";
    }
    int detect(std::string_view head) const override;
    Status read(QIODevice &in, const std::string &fileName, const ImportOptions &options,
                RecordSink &sink, ProgressSink &progress) override;
};

} // namespace chorus
