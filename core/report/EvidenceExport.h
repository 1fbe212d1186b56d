#pragma once

#include "common/Error.h"

#include <cstdint>
#include <optional>
#include <string>

namespace chorus {

class CaseStore;

// What an evidence export writes: one row per post, account, cluster or campaign of the case,
// with the analyst's tags, note and grade. Posts come in import order (source file, then line).
enum class ExportSubject { Posts, Accounts, Clusters, Campaigns };

struct EvidenceExportOptions
{
    ExportSubject subject = ExportSubject::Posts;
    std::string tag;                     // only rows annotated with this tag (empty: all)
    std::optional<std::int64_t> cluster; // only this cluster of the latest run (its posts, its
                                         // accounts, itself, its campaign)
    std::string analyst;                 // who exports (the audit trail's default when empty)
};

struct EvidenceExportResult
{
    std::string file;
    std::string sha256; // of the file as written
    std::int64_t rows = 0;
};

// Writes the export as CSV (every text cell that starts like a formula, = + - @ tab CR,
// neutralised) or JSON (an array of objects), chosen by the file's extension. Written to a
// temporary file and renamed: an unwritable path or a full disk leaves no partial file. The
// export and its SHA-256 go on the audit trail.
Result<EvidenceExportResult> exportEvidence(const CaseStore &store, const std::string &path,
                                            const EvidenceExportOptions &options);

const char *exportSubjectName(ExportSubject subject); // "posts", "accounts", ...

} // namespace chorus
