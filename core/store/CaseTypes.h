#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace chorus {

// One imported file, as recorded in the case.
struct SourceInfo
{
    std::int64_t id = 0;
    std::string fileName;
    std::string filePath;
    std::int64_t fileSize = 0;
    std::string sha256;
    std::string format;
    std::int64_t importedAt = 0;
    std::int64_t rowsRead = 0;
    std::int64_t rowsImported = 0;
    std::int64_t rowsDuplicate = 0;
    std::int64_t rowsRejected = 0;
    std::string compression = "none"; // how the file as given was packed (gzip, zstd, zip...)
    std::string member;               // a ZIP member: its path in the archive
    std::string archiveSha256; // a ZIP member: the archive's SHA-256 (sha256 is the member's)
};

// A problem found while importing: which file, which line or record, which field, and why.
struct ImportIssue
{
    std::int64_t sourceId = 0;
    std::string file;
    std::int64_t line = 0;
    std::string field;
    std::string severity; // "error" (row rejected) or "warning" (row kept, value repaired)
    std::string reason;
    std::string excerpt;
};

struct CaseSummary
{
    std::int64_t posts = 0;
    std::int64_t contextPosts = 0;         // of `posts`: held because collected posts refer to them
    std::int64_t textIndexPending = 0;     // posts not yet in the text search index (TextIndex)
    std::int64_t filterIndexesPending = 0; // kind and language indexes left by an import
    std::int64_t accounts = 0;
    std::int64_t issues = 0;
    // The period of the collected posts (of all posts when every post is context).
    std::int64_t firstPostAt = 0;
    std::int64_t lastPostAt = 0;
    std::vector<SourceInfo> sources;
};

} // namespace chorus
