#pragma once

#include "common/Progress.h"
#include "render/ReportFonts.h"

#include <QColor>
#include <QFont>
#include <QPainter>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QPagedPaintDevice;

namespace chorus::render {

// A column of a report table: its header and its share of the text width.
struct ReportColumn
{
    QString header;
    double share = 1;
    bool mono = false;  // hashes and ids: monospace, may break anywhere
    bool right = false; // numbers
};

// Thrown by ReportFlow when the user cancels: the layout ends where it is (ReportWriter).
struct ReportCancelled
{};

// Lays the report out on A4 pages, top to bottom: headings, wrapped paragraphs, tables that
// break between rows (never inside one) and repeat their header row, figures kept whole, and
// on every page a footer with the case fingerprint and "Page N of M". Coordinates are points
// (the device runs at 72 dpi). All text is drawn as plain text: nothing is parsed as markup.
class ReportFlow
{
public:
    // `totalPages` is 0 on the first pass, which only counts pages (figures are not drawn).
    ReportFlow(QPagedPaintDevice &device, QPainter &painter, GlyphCoverage &glyphs,
               QString footerLeft, QString footerPage, int totalPages);

    void heading(const QString &text, int level); // 1 starts a new page
    void paragraph(const QString &text, const QFont &font, QColor colour = QColor(25, 25, 25));
    void paragraph(const QString &text) { paragraph(text, m_body); }
    // Untrusted text (posts, handles, notes): drawn literally in a framed box.
    void quote(const QString &text);
    void table(const std::vector<ReportColumn> &columns, const std::vector<QStringList> &rows);
    // A drawing of `height` points across the text width, on one page.
    void figure(double height, const std::function<void(QPainter &, const QRectF &)> &draw);
    void space(double points) { m_y += points; }
    // Starts a new page unless `height` points still fit: a heading stays with its figure.
    void keep(double height) { ensure(height); }
    void newPage();
    void finish(); // the last page's footer

    // Counts the report's parts (its sections; each cluster's section is one) to `progress` as
    // partDone() is called, and stops the layout with ReportCancelled at the next part or page
    // once `progress` asks. Without it, nothing is counted and nothing stops.
    void watch(ProgressSink &progress, std::int64_t parts);
    void partDone();

    int page() const { return m_page; }
    double width() const { return m_area.width(); }
    const QFont &body() const { return m_body; }

private:
    struct Cell;
    double available() const { return m_area.bottom() - m_y; }
    void ensure(double height);
    void stopIfCancelled() const;
    void drawFooter();
    double drawRow(const std::vector<ReportColumn> &columns, const std::vector<Cell> &cells,
                   bool header, bool shaded);
    std::vector<Cell> layoutRow(const std::vector<ReportColumn> &columns, const QStringList &texts,
                                bool header);

    QPagedPaintDevice &m_device;
    QPainter &m_painter;
    GlyphCoverage &m_glyphs;
    QString m_footerLeft;
    QString m_footerPage;
    int m_totalPages;
    QRectF m_area;
    QFont m_body;
    double m_y = 0;
    int m_page = 1;
    ProgressSink *m_progress = nullptr;
    std::int64_t m_parts = 0;
    std::int64_t m_partsDone = 0;
};

} // namespace chorus::render
