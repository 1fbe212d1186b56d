#include "render/ReportWriter.h"

#include "render/ReportSections.h"

#include "common/WholeWrite.h"

#include <QBuffer>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>

namespace chorus::render {

namespace {

// Lays the whole report out on `output`; returns the number of pages, 0 when the painter
// could not start.
int layOut(QIODevice &output, const ReportContent &content, const WorldMap *world, int totalPages)
{
    QPdfWriter pdf(&output);
    pdf.setTitle(QString::fromStdString(content.options.title));
    pdf.setCreator(QStringLiteral("Chorus " CHORUS_VERSION));
    pdf.setResolution(72); // one unit = one point
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    if (!painter.begin(&pdf))
        return 0;
    const ReportStrings text(content.options.language);
    GlyphCoverage glyphs;
    ReportFlow flow(
        pdf, painter, glyphs,
        text(ReportText::FooterFingerprint).arg(QString::fromStdString(content.fingerprint)),
        text(ReportText::FooterPage), totalPages);
    ReportContext report{flow, content, text, world, glyphs};
    writeTitlePage(report);
    writeSummary(report);
    writeMethodology(report);
    writeProvenance(report);
    writeClusterSections(report);
    writeNetworkSection(report);
    writeAnnotationSection(report);
    writeAppendices(report);
    flow.finish();
    painter.end();
    return flow.page();
}

} // namespace

Status writeReport(const ReportContent &content, const WorldMap *world, const std::string &path)
{
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        return Error{cannotWrite(path, file.errorString())};
    int pages = 0;
    {
        QBuffer counting; // the first pass only counts the pages: let go before the second
        counting.open(QIODevice::WriteOnly);
        pages = layOut(counting, content, world, 0);
    }
    // Laid out in memory, then written whole: the PDF writer does not look at what a write
    // returns, and a disk that fills midway left a cut-off report (writeWhole).
    QBuffer laidOut;
    laidOut.open(QIODevice::WriteOnly);
    if (pages == 0 || layOut(laidOut, content, world, pages) != pages)
        return Error{path + ": the report could not be laid out"};
    if (const std::string why = saveWhole(file, laidOut.data()); !why.empty())
        return Error{why};
    return {};
}

} // namespace chorus::render
