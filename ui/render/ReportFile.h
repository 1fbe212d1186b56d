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
// Reports its stages to `progress` (assembleReport, writeReport); a Cancel before the PDF is
// saved returns Error::cancel() with no file written and nothing recorded. Once saved, the
// report is recorded whatever `progress` says (a moment's work), so that no file is left that
// the audit trail does not know.
Result<ReportRecordResult> makeReportFile(const CaseStore &store, const ReportOptions &options,
                                          const std::string &path, bool manifest,
                                          ProgressSink &progress, std::string *warning = nullptr);

} // namespace chorus::render
