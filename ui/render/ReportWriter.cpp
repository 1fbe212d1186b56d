#include "render/ReportWriter.h"

#include "render/ReportSections.h"

#include "common/WholeWrite.h"

#include <QBuffer>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>

#include <array>

namespace chorus::render {

namespace {

using Section = void (*)(ReportContext &);

// The sections in the report's order. Each is one part of the layout's progress, but for the
// clusters' sections, which count each cluster (writeClusterSections).
constexpr std::array<Section, 8> Sections{
    writeTitlePage,       writeSummary,        writeMethodology,       writeProvenance,
    writeClusterSections, writeNetworkSection, writeAnnotationSection, writeAppendices};

// Lays the whole report out on `output`; returns the number of pages, 0 when the painter
// could not start. Counts the parts done to `progress`; throws ReportCancelled when it asks.
int layOut(QIODevice &output, const ReportContent &content, const WorldMap *world, int totalPages,
           ProgressSink &progress)
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
    flow.watch(progress, std::int64_t(Sections.size() - 1 + content.clusters.size()));
    ReportContext report{flow, content, text, world, glyphs};
    for (const Section section : Sections) {
        section(report);
        if (section != writeClusterSections)
            flow.partDone();
    }
    flow.finish();
    painter.end();
    return flow.page();
}

} // namespace

Status writeReport(const ReportContent &content, const WorldMap *world, const std::string &path,
                   ProgressSink &progress)
{
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        return Error{cannotWrite(path, file.errorString())};
    // Laid out in memory, then written whole: the PDF writer does not look at what a write
    // returns, and a disk that fills midway left a cut-off report (writeWhole).
    QBuffer laidOut;
    try {
        int pages = 0;
        {
            QBuffer counting; // the first pass only counts the pages: let go before the second
            counting.open(QIODevice::WriteOnly);
            progress.stage(Stage::PaginatingReport);
            pages = layOut(counting, content, world, 0, progress);
        }
        laidOut.open(QIODevice::WriteOnly);
        progress.stage(Stage::DrawingReport);
        if (pages == 0 || layOut(laidOut, content, world, pages, progress) != pages)
            return Error{path + ": the report could not be laid out"};
    } catch (const ReportCancelled &) {
        return Error::cancel(); // the save file is not committed: nothing is left
    }
    // The last chance to stop: once saved, the report is recorded (makeReportFile).
    if (progress.isCancelled())
        return Error::cancel();
    if (const std::string why = saveWhole(file, laidOut.data()); !why.empty())
        return Error{why};
    return {};
}

} // namespace chorus::render
