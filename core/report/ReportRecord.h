#pragma once

#include "common/Error.h"

#include <string>

namespace chorus {

class CaseStore;

struct ReportRecordOptions
{
    std::string analyst;     // who made the report (the audit trail's default when empty)
    std::string optionsJson; // the options the report was made with, a JSON object
    bool manifest = false;   // also write FILE.SHA256SUMS
};

struct ReportRecordResult
{
    std::string file;     // absolute path
    std::string sha256;   // of the report as written
    std::string manifest; // path of FILE.SHA256SUMS, empty when not asked for
};

// Puts a written report on the case's audit trail (action "report", details: file, sha256,
// options) and, when asked, writes FILE.SHA256SUMS next to it in sha256sum's format: the
// report's hash and every source's, sources by their file name. The manifest is written to a
// temporary file and renamed. When the entry cannot be appended (a read-only case), the
// manifest is removed and the caller removes the report.
Result<ReportRecordResult> recordReport(const CaseStore &store, const std::string &path,
                                        const ReportRecordOptions &options);

} // namespace chorus
