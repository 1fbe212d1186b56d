#pragma once

#include "import/Importer.h"

namespace chorus {

// X API v2 JSON Lines as written by twarc2: one response page per line ({data, includes,
// meta, __twarc}, users joined from includes), or one flattened tweet per line with its
// author inlined (twarc2 flatten).
class Twarc2Importer final : public Importer
{
public:
    std::string name() const override { return "twarc2"; }
    std::string description() const override
    {
        return "X API v2 JSON Lines from twarc2 (response pages or flattened tweets)";
    }
    int detect(std::string_view head) const override;
    Status read(QIODevice &in, const std::string &fileName, const ImportOptions &options,
                RecordSink &sink, ProgressSink &progress) override;
};

} // namespace chorus
