#pragma once

#include "report/ReportContent.h"
#include "report/ReportRecord.h"

#include <string>

namespace chorus {
class CaseStore;
}

namespace chorus::render {

// The whole report job, shared by chorus-cli and the workbench: assembles the content, draws
// the PDF (atomically), and puts it on the audit trail (with the manifest when asked). A report
// that cannot be put on the audit trail is removed: no evidence leaves the case unrecorded.
// `warning` says what the report lacks (no world outlines: no maps), empty when nothing.
Result<ReportRecordResult> makeReportFile(const CaseStore &store, const ReportOptions &options,
                                          const std::string &path, bool manifest,
                                          std::string *warning = nullptr);

} // namespace chorus::render
