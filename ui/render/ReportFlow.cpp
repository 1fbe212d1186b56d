#include "render/ReportFlow.h"

#include <QPagedPaintDevice>
#include <QTextLayout>

#include <algorithm>
#include <memory>

namespace chorus::render {

namespace {

constexpr double Margin = 48;
constexpr double FooterHeight = 26;
constexpr double CellPadding = 3;
// A table cell longer than this is cut (with a mark), so that one row always fits a page.
constexpr int MaxCellCharacters = 1200;

const QColor Ink(25, 25, 25);
const QColor Faint(110, 110, 110);
const QColor Rule(190, 190, 190);
const QColor HeaderFill(228, 232, 238);
const QColor ShadeFill(246, 247, 249);

// Untrusted text made safe to lay out: line breaks kept as line separators, other control
// characters as spaces, characters no font can draw as [U+XXXX].
QString layoutReady(QString text, GlyphCoverage &glyphs)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    for (QChar &c : text) {
        if (c == QLatin1Char('\n'))
            c = QChar::LineSeparator;
        else if (c.category() == QChar::Other_Control || c.isNonCharacter())
            c = QLatin1Char(' ');
    }
    return glyphs.drawable(text);
}

std::shared_ptr<QTextLayout> layoutText(const QString &text, const QFont &font, double width,
                                        QPaintDevice *device, bool anywhere,
                                        Qt::Alignment alignment = Qt::AlignLeft)
{
    auto layout = std::make_shared<QTextLayout>(text, font, device);
    QTextOption option;
    option.setWrapMode(anywhere ? QTextOption::WrapAnywhere
                                : QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setAlignment(alignment);
    layout->setTextOption(option);
    layout->beginLayout();
    double y = 0;
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout->endLayout();
    return layout;
}

double heightOf(const QTextLayout &layout)
{
    const int lines = layout.lineCount();
    if (lines == 0)
        return 0;
    const QTextLine last = layout.lineAt(lines - 1);
    return last.y() + last.height();
}

} // namespace

struct ReportFlow::Cell
{
    std::shared_ptr<QTextLayout> layout;
    double height = 0;
};

ReportFlow::ReportFlow(QPagedPaintDevice &device, QPainter &painter, GlyphCoverage &glyphs,
                       QString footerLeft, QString footerPage, int totalPages)
    : m_device(device), m_painter(painter), m_glyphs(glyphs), m_footerLeft(std::move(footerLeft)),
      m_footerPage(std::move(footerPage)), m_totalPages(totalPages), m_body(reportFont(9))
{
    const QRectF page(QPointF(0, 0), QSizeF(device.width(), device.height()));
    m_area = page.adjusted(Margin, Margin, -Margin, -Margin - FooterHeight);
    m_y = m_area.top();
}

void ReportFlow::ensure(double height)
{
    if (height > available() && m_y > m_area.top())
        newPage();
}

void ReportFlow::watch(ProgressSink &progress, std::int64_t parts)
{
    m_progress = &progress;
    m_parts = parts;
    m_partsDone = 0;
    progress.progress(0, parts);
}

void ReportFlow::partDone()
{
    if (!m_progress)
        return;
    m_progress->progress(++m_partsDone, m_parts);
    stopIfCancelled();
}

void ReportFlow::stopIfCancelled() const
{
    if (m_progress && m_progress->isCancelled())
        throw ReportCancelled{};
}

void ReportFlow::newPage()
{
    // A long table (the accounts or the audit trail of a large case) stops between pages.
    stopIfCancelled();
    drawFooter();
    m_device.newPage();
    ++m_page;
    m_y = m_area.top();
}

void ReportFlow::finish()
{
    drawFooter();
}

void ReportFlow::drawFooter()
{
    m_painter.save();
    const double top = m_area.bottom() + FooterHeight * 0.5;
    m_painter.setPen(QPen(Rule, 0.5));
    m_painter.drawLine(QPointF(m_area.left(), top), QPointF(m_area.right(), top));
    m_painter.setPen(Faint);
    const QRectF line(m_area.left(), top + 3, m_area.width(), 12);
    m_painter.setFont(reportMonoFont(6.5));
    m_painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, m_footerLeft);
    m_painter.setFont(reportFont(7.5));
    const QString total = m_totalPages > 0 ? QString::number(m_totalPages) : QStringLiteral("?");
    m_painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter,
                       m_footerPage.arg(m_page).arg(total));
    m_painter.restore();
}

void ReportFlow::heading(const QString &text, int level)
{
    if (level == 1 && m_y > m_area.top())
        newPage();
    const QFont font = reportFont(level == 1 ? 15 : level == 2 ? 12 : 10, true);
    const auto layout =
        layoutText(layoutReady(text, m_glyphs), font, m_area.width(), &m_device, false);
    const double height = heightOf(*layout);
    if (m_y > m_area.top())
        m_y += level == 1 ? 0 : 8;
    ensure(height + 60); // a heading never ends a page
    m_painter.setPen(level == 1 ? QColor(20, 45, 90) : Ink);
    layout->draw(&m_painter, QPointF(m_area.left(), m_y));
    m_y += height + (level == 1 ? 8 : 4);
}

void ReportFlow::paragraph(const QString &text, const QFont &font, QColor colour)
{
    const auto layout =
        layoutText(layoutReady(text, m_glyphs), font, m_area.width(), &m_device, false);
    m_painter.setPen(colour);
    for (int i = 0; i < layout->lineCount(); ++i) {
        const QTextLine line = layout->lineAt(i);
        if (line.height() > available())
            newPage();
        line.draw(&m_painter, QPointF(m_area.left(), m_y - line.y()));
        m_y += line.height();
    }
    m_y += 4;
}

void ReportFlow::quote(const QString &text)
{
    constexpr double Inset = 6;
    const auto layout = layoutText(layoutReady(text, m_glyphs), m_body, m_area.width() - 2 * Inset,
                                   &m_device, false);
    const double height = heightOf(*layout) + 2 * Inset;
    ensure(std::min(height, m_area.height()));
    m_painter.save();
    m_painter.setPen(QPen(Rule, 0.75));
    m_painter.setBrush(ShadeFill);
    m_painter.drawRect(QRectF(m_area.left(), m_y, m_area.width(), std::min(height, available())));
    m_painter.restore();
    m_painter.setPen(Ink);
    m_y += Inset;
    for (int i = 0; i < layout->lineCount(); ++i) {
        const QTextLine line = layout->lineAt(i);
        if (line.height() > available())
            newPage();
        line.draw(&m_painter, QPointF(m_area.left() + Inset, m_y - line.y()));
        m_y += line.height();
    }
    m_y += Inset + 6;
}

std::vector<ReportFlow::Cell> ReportFlow::layoutRow(const std::vector<ReportColumn> &columns,
                                                    const QStringList &texts, bool header)
{
    double shares = 0;
    for (const ReportColumn &column : columns)
        shares += column.share;
    std::vector<Cell> cells;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        QString text = c < std::size_t(texts.size()) ? texts.at(qsizetype(c)) : QString();
        if (text.size() > MaxCellCharacters)
            text = text.left(MaxCellCharacters) + QStringLiteral(" [...]");
        const double width = m_area.width() * columns[c].share / shares - 2 * CellPadding;
        const QFont font = header            ? reportFont(7.5, true)
                           : columns[c].mono ? reportMonoFont(6.8)
                                             : reportFont(7.5);
        auto layout = layoutText(layoutReady(text, m_glyphs), font, width, &m_device,
                                 columns[c].mono && !header,
                                 columns[c].right ? Qt::AlignRight : Qt::AlignLeft);
        cells.push_back({layout, heightOf(*layout)});
    }
    return cells;
}

double ReportFlow::drawRow(const std::vector<ReportColumn> &columns, const std::vector<Cell> &cells,
                           bool header, bool shaded)
{
    double height = 0;
    for (const Cell &cell : cells)
        height = std::max(height, cell.height);
    height += 2 * CellPadding;
    double shares = 0;
    for (const ReportColumn &column : columns)
        shares += column.share;
    const QRectF row(m_area.left(), m_y, m_area.width(), height);
    if (header || shaded)
        m_painter.fillRect(row, header ? HeaderFill : ShadeFill);
    m_painter.setPen(Ink);
    double x = m_area.left();
    for (std::size_t c = 0; c < cells.size(); ++c) {
        cells[c].layout->draw(&m_painter, QPointF(x + CellPadding, m_y + CellPadding));
        x += m_area.width() * columns[c].share / shares;
    }
    m_painter.setPen(QPen(Rule, header ? 0.75 : 0.3));
    m_painter.drawLine(row.bottomLeft(), row.bottomRight());
    m_y += height;
    return height;
}

void ReportFlow::table(const std::vector<ReportColumn> &columns,
                       const std::vector<QStringList> &rows)
{
    QStringList headers;
    for (const ReportColumn &column : columns)
        headers << column.header;
    const std::vector<Cell> header = layoutRow(columns, headers, true);
    double headerHeight = 0;
    for (const Cell &cell : header)
        headerHeight = std::max(headerHeight, cell.height + 2 * CellPadding);
    bool headerOnPage = false;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::vector<Cell> cells = layoutRow(columns, rows[r], false);
        double height = 0;
        for (const Cell &cell : cells)
            height = std::max(height, cell.height + 2 * CellPadding);
        if (height + (headerOnPage ? 0 : headerHeight) > available() && m_y > m_area.top()) {
            newPage();
            headerOnPage = false;
        }
        if (!headerOnPage) {
            drawRow(columns, header, true, false);
            headerOnPage = true;
        }
        drawRow(columns, cells, false, r % 2 == 1);
    }
    if (rows.empty())
        drawRow(columns, header, true, false);
    m_y += 8;
}

void ReportFlow::figure(double height, const std::function<void(QPainter &, const QRectF &)> &draw)
{
    height = std::min(height, m_area.height());
    ensure(height);
    const QRectF area(m_area.left(), m_y, m_area.width(), height);
    m_y += height + 8;
    if (m_totalPages == 0)
        return; // the counting pass: a figure's place is known without drawing it
    m_painter.save();
    m_painter.setFont(reportFont(7));
    draw(m_painter, area);
    m_painter.restore();
}

} // namespace chorus::render
