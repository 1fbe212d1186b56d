#pragma once

#include "common/Error.h"
#include "geo/WorldMap.h"
#include "report/ReportContent.h"

#include <string>

namespace chorus::render {

// Writes the evidence report as an A4 PDF: title page, summary of findings, methodology, data
// provenance, one section per top cluster (texts, accounts, timeline, map and co-text network
// as vector drawings), the coordination network, annotations, appendices (accounts, audit
// trail). Text is laid out as plain text with embedded fonts; every page carries the case
// fingerprint and "Page N of M". Laid out twice (the first pass counts the pages), written to
// a temporary file and renamed: a failure leaves no partial file. `world` may be null (the
// maps are then left out). Reports the stages PaginatingReport and DrawingReport, counting the
// report's parts; when `progress` asks, stops at the next part or page and returns
// Error::cancel(), leaving no file. Needs a QGuiApplication (offscreen is enough).
Status writeReport(const ReportContent &content, const WorldMap *world, const std::string &path,
                   ProgressSink &progress);

} // namespace chorus::render
