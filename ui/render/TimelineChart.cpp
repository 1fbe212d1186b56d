#include "render/TimelineChart.h"

#include "text/TimeParser.h"

#include <algorithm>

namespace chorus::render {

void drawTimeline(QPainter &painter, const QRectF &area, const std::vector<TimeBin> &bins,
                  std::int64_t binSeconds)
{
    if (bins.empty() || binSeconds <= 0)
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QFontMetricsF metrics(painter.font());
    const double textHeight = metrics.height();
    std::int64_t highest = 1;
    for (const TimeBin &bin : bins)
        highest = std::max(highest, bin.count);
    const QString highestLabel = QString::number(highest);
    const double axisWidth = metrics.horizontalAdvance(highestLabel) + 6;
    const QRectF plot(area.left() + axisWidth, area.top() + textHeight * 0.5,
                      area.width() - axisWidth, area.height() - textHeight * 2);

    const std::int64_t first = bins.front().start;
    const std::int64_t binSlots = (bins.back().start - first) / binSeconds + 1;
    const double slotWidth = plot.width() / double(binSlots);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(40, 90, 160));
    for (const TimeBin &bin : bins) {
        const double x = plot.left() + double((bin.start - first) / binSeconds) * slotWidth;
        const double h = plot.height() * double(bin.count) / double(highest);
        painter.drawRect(
            QRectF(x + slotWidth * 0.1, plot.bottom() - h, std::max(slotWidth * 0.8, 0.4), h));
    }
    painter.setPen(QPen(QColor(120, 120, 120), 0.6));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());
    painter.setPen(QColor(60, 60, 60));
    painter.drawText(QRectF(area.left(), plot.top() - textHeight * 0.5, axisWidth - 3, textHeight),
                     Qt::AlignRight | Qt::AlignVCenter, highestLabel);
    painter.drawText(
        QRectF(area.left(), plot.bottom() - textHeight * 0.5, axisWidth - 3, textHeight),
        Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    const QRectF labels(plot.left(), plot.bottom() + 2, plot.width(), textHeight);
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignTop,
                     QString::fromStdString(formatTimestamp(first)));
    if (binSlots > 1)
        painter.drawText(labels, Qt::AlignRight | Qt::AlignTop,
                         QString::fromStdString(formatTimestamp(bins.back().start)));
    painter.restore();
}

} // namespace chorus::render
