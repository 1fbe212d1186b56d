#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "import/Importer.h"
#include "import/PostWriter.h"
#include "store/CaseTypes.h"

#include <string>
#include <vector>

namespace chorus {

class CaseStore;

struct ImportReport
{
    std::string file;
    std::string format;
    std::string sha256;
    ImportCounts counts;
    std::vector<ImportIssue> firstIssues;
    std::int64_t sourceId = 0;
    // The same file (same SHA-256) was imported before and brought nothing new.
    bool alreadyImported = false;
};

// Imports one file into a case as a single transaction: the source row, accounts, posts,
// their links and the problems found either all land or none do. A file that is not what
// it claims, a fatal read error, cancellation, or (with options.strict) any rejected row
// rolls the import back whole. Runs on the caller's thread (a worker in the UI).
Result<ImportReport> importFile(const CaseStore &store, const std::string &path,
                                const ImportOptions &options, ProgressSink &progress);

// Detects the format of a file from its first bytes; an Error names the file and why.
Result<std::string> detectFormat(const std::string &path);

} // namespace chorus
