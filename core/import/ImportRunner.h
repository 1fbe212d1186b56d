#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "import/Importer.h"
#include "import/PostWriter.h"
#include "import/input/ImportInput.h"
#include "store/CaseTypes.h"

#include <string>
#include <vector>

namespace chorus {

class CaseStore;

struct ImportReport
{
    std::string file;
    std::string format;
    std::string sha256;        // the file as given; for an archive member, the member's bytes
    std::string compression;   // compressionName(): "none", "gzip", ..., "zip"
    std::string member;        // the archive member, or empty
    std::string archiveSha256; // for an archive member: the archive file's SHA-256
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

// Imports one unit of listImportUnits(): a file, or one member of a ZIP archive (a source of
// its own, hashed as a member and as an archive). importFile() is importUnit() of a file.
Result<ImportReport> importUnit(const CaseStore &store, const ImportUnit &unit,
                                const ImportOptions &options, ProgressSink &progress);

// What importing `path` imports: the file itself, or the members of a ZIP archive that are
// exports. Without a --format, a member no importer recognises is passed over (in `skipped`,
// with why), not failed: export archives hold scripts, readme files and metadata beside the
// data. An archive with no export in it is an Error that says what it holds.
Result<ImportUnits> unitsToImport(const std::string &path, const ImportOptions &options);

// Detects the format of a file (of a ZIP archive: of its first member) from its first
// decompressed bytes; an Error names the file and why.
Result<std::string> detectFormat(const std::string &path);
Result<std::string> detectFormat(const ImportUnit &unit);

} // namespace chorus
