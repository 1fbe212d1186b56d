#pragma once

#include "import/Importer.h"

namespace chorus {

// The CSV that twarc-csv writes from twarc2 output: one tweet per row, dotted column names
// (author.username, referenced_tweets.retweeted.id, ...), JSON-encoded entity lists and
// newlines in text written as a literal backslash-n.
class TwarcCsvImporter final : public Importer
{
public:
    std::string name() const override { return "twarc-csv"; }
    std::string description() const override { return "X API v2 tweets as CSV from twarc-csv"; }
    int detect(std::string_view head) const override;
    Status read(QIODevice &in, const std::string &fileName, const ImportOptions &options,
                RecordSink &sink, ProgressSink &progress) override;
};

} // namespace chorus
