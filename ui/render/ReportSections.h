#pragma once

#include "geo/WorldMap.h"
#include "render/ReportFlow.h"
#include "render/ReportStrings.h"
#include "report/ReportContent.h"

#include <QString>

#include <cstdint>
#include <string>

namespace chorus::render {

// What every section of the report draws with.
struct ReportContext
{
    ReportFlow &flow;
    const ReportContent &content;
    const ReportStrings &text;
    const WorldMap *world; // null when the world outlines are not available
    GlyphCoverage &glyphs; // what no installed font can draw, listed in the last section
};

// The sections, in the report's order (ReportWriter calls them). Each is one part of the
// flow's progress, except writeClusterSections, which counts each cluster as one
// (ReportFlow::partDone).
void writeTitlePage(ReportContext &report);
void writeSummary(ReportContext &report);
void writeMethodology(ReportContext &report);
void writeProvenance(ReportContext &report);
void writeClusterSections(ReportContext &report);
void writeNetworkSection(ReportContext &report);
void writeAnnotationSection(ReportContext &report);
void writeAppendices(ReportContext &report);

// Shared wording: UTC times, fixed decimals, untrusted text, annotation and score parts.
QString timeText(std::int64_t epochSeconds); // ISO 8601, UTC
QString cellTime(std::int64_t epochSeconds); // the same for a table cell
QString fixed(double value, int decimals);
QString untrusted(const std::string &text);
QString tagsText(const std::vector<std::string> &tags); // "a, b"
QString annotationWhereNow(const ReportContext &report, const Annotation &annotation);
QString scoreParts(const std::vector<ScoreComponent> &components);

} // namespace chorus::render
