#pragma once

#include "common/Error.h"
#include "import/Importer.h"
#include "store/CaseTypes.h"

#include <string>
#include <vector>

namespace chorus {

// The first records of a file as the import would store them, read without touching any
// case: for the import dialog's preview and column mapping.
struct ImportPreview
{
    std::string format;      // the importer used: named in options, detected, or "csv" for an
                             // unrecognised table (its columns then need a mapping)
    std::string description; // what that format is, for the user
    std::vector<std::string> columns; // the header of a CSV file, else empty
    std::vector<PostRecord> posts;
    std::vector<ImportIssue> issues; // problems among the previewed rows
    std::string problem;             // why reading stopped (e.g. a required column is not mapped)
};

// Reads up to maxPosts posts of the file. An Error only when the file cannot be read or
// its format is unknown; a format-level problem is returned in ImportPreview::problem.
Result<ImportPreview> previewImport(const std::string &path, const ImportOptions &options,
                                    int maxPosts = 50);

} // namespace chorus
