#pragma once

#include "import/Importer.h"

namespace chorus {

// Any CSV or TSV, read through a column mapping (ImportOptions::mapping, `--map ROLE=COLUMN`).
// Roles `author` and `time` are required. Never detected: the user chooses it with
// `--format csv`, because any table would otherwise match.
class GenericCsvImporter final : public Importer
{
public:
    std::string name() const override { return "csv"; }
    std::string description() const override
    {
        return "any CSV/TSV with a column mapping (--map author=COLUMN --map time=COLUMN ...)";
    }
    int detect(std::string_view) const override { return 0; }
    Status read(QIODevice &in, const std::string &fileName, const ImportOptions &options,
                RecordSink &sink, ProgressSink &progress) override;

    // The roles --map accepts, required ones first.
    static const std::vector<std::string> &roles();
};

} // namespace chorus
