#include "render/MapPainter.h"

#include "render/DrawingFile.h"
#include "render/PlainText.h"

#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace chorus::render {

namespace {

const QColor Ocean(234, 240, 246);
const QColor Land(246, 243, 236);
const QColor Border(178, 172, 160);
const QColor Bubble(52, 101, 164, 140);
const QColor BubbleEdge(30, 70, 125);
const QColor Highlight(214, 39, 40, 200);

// The projected world's bounds (Equal Earth): x +-2.7066, y +-1.3173.
constexpr double WorldHalfWidth = 2.7066, WorldHalfHeight = 1.3173;

} // namespace

double bubbleRadius(std::size_t accounts, std::size_t largest)
{
    return 2.5 + 22.0 * std::sqrt(double(accounts) / double(std::max<std::size_t>(largest, 1)));
}

void drawWorld(QPainter &painter, const WorldMap &world, const MapPosition &at)
{
    painter.save();
    // The ocean: the outline of the projection (the meridians at +-180 degrees).
    QPainterPath globe;
    for (int lat = -90; lat <= 90; lat += 2)
        lat == -90 ? globe.moveTo(at(equalEarth(-180, lat)))
                   : globe.lineTo(at(equalEarth(-180, lat)));
    for (int lat = 90; lat >= -90; lat -= 2)
        globe.lineTo(at(equalEarth(180, lat)));
    globe.closeSubpath();
    painter.setPen(QPen(Border, 0.8));
    painter.setBrush(Ocean);
    painter.drawPath(globe);
    painter.setPen(QPen(Border, 0.6));
    painter.setBrush(Land);
    // Rings that cross the antimeridian run past the edge: the globe's outline clips them.
    painter.setClipPath(globe, Qt::IntersectClip);
    for (const CountryOutline &country : world.countries()) {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (const auto &ring : country.rings) {
            QPolygonF polygon;
            polygon.reserve(qsizetype(ring.size()));
            for (const MapPoint &p : ring)
                polygon << at(p);
            path.addPolygon(polygon);
            path.closeSubpath();
        }
        painter.drawPath(path);
    }
    painter.restore();
}

void drawBubbles(QPainter &painter, const MapScene &scene, const MapPosition &at, double zoom)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const std::size_t largest = scene.bubbles.empty() ? 1 : scene.bubbles.front().accounts.size();
    // Largest first, so that small bubbles stay visible on top of large ones.
    for (const MapBubble &b : scene.bubbles) {
        const QPointF centre = at(equalEarth(b.lon, b.lat));
        const double r = zoom * bubbleRadius(b.accounts.size(), largest);
        painter.setPen(QPen(BubbleEdge, 0.8));
        painter.setBrush(Bubble);
        painter.drawEllipse(centre, r, r);
        if (b.highlighted > 0) {
            const double h = zoom * bubbleRadius(std::size_t(b.highlighted), largest);
            painter.setPen(Qt::NoPen);
            painter.setBrush(Highlight);
            painter.drawEllipse(centre, std::min(h, r), std::min(h, r));
        }
    }
    painter.restore();
}

void drawMapLegend(QPainter &painter, const MapScene &scene, const QRectF &area,
                   const MapLegendText &words)
{
    painter.save();
    const QFontMetricsF metrics(painter.font());
    const double line = metrics.height() * 1.25;
    QStringList lines;
    lines << words.accountsPlaced.arg(scene.located);
    if (scene.highlightSet > 0)
        lines << words.highlighted.arg(scene.highlighted).arg(scene.highlightSet);
    lines << words.unresolved.arg(scene.unresolved) << words.noLocation.arg(scene.noLocation);
    if (scene.notYetResolved > 0)
        lines << words.notYetResolved.arg(scene.notYetResolved);
    lines << words.bubbleSize;
    double width = 0;
    for (const QString &l : lines)
        width = std::max(width, metrics.horizontalAdvance(l));
    const QRectF box(area.left(), area.bottom() - line * double(lines.size()) - 10, width + 34,
                     line * double(lines.size()) + 10);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawRect(box);
    double y = box.top() + 5 + metrics.ascent();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QPointF dot(box.left() + 12, y - metrics.ascent() / 2 + 1);
        if (i == 0 || (i == 1 && scene.highlightSet > 0)) {
            painter.setPen(i == 0 ? QPen(BubbleEdge, 0.8) : Qt::NoPen);
            painter.setBrush(i == 0 ? Bubble : Highlight);
            painter.drawEllipse(dot, 5, 5);
        }
        painter.setPen(QColor(40, 40, 40));
        painter.drawText(QPointF(box.left() + 24, y), lines[i]);
        y += line;
    }
    painter.restore();
}

void drawMapFigure(QPainter &painter, const WorldMap &world, const MapScene &scene,
                   const QRectF &area)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(area, Qt::white);
    constexpr double Margin = 18;
    QFont titleFont = painter.font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    const QFont bodyFont = painter.font();
    const double titleHeight = QFontMetricsF(titleFont).height();
    const double bodyHeight = QFontMetricsF(bodyFont).height();
    painter.setFont(titleFont);
    painter.setPen(QColor(30, 30, 30));
    painter.drawText(QPointF(area.left() + Margin, area.top() + Margin + titleHeight * 0.8),
                     plainText(scene.title));
    painter.setFont(bodyFont);
    painter.setPen(QColor(90, 90, 90));
    painter.drawText(QPointF(area.left() + Margin, area.top() + Margin + titleHeight + bodyHeight),
                     plainText(scene.subtitle));
    const QRectF plot =
        area.adjusted(Margin, Margin + titleHeight + bodyHeight * 2, -Margin, -Margin);
    const double scale =
        std::min(plot.width() / (2 * WorldHalfWidth), plot.height() / (2 * WorldHalfHeight));
    const QPointF centre = plot.center();
    const MapPosition at = [&](MapPoint p) {
        return QPointF(centre.x() + p.x * scale, centre.y() - p.y * scale);
    };
    drawWorld(painter, world, at);
    drawBubbles(painter, scene, at, std::max(1.0, plot.width() / 1400));
    drawMapLegend(painter, scene, plot.adjusted(4, 4, -4, -4));
    painter.restore();
}

Status writeMapFile(const WorldMap &world, const MapScene &scene, const std::string &path,
                    int width)
{
    return writeDrawingFile(
        path, QSize(width, width / 2), scene.title, scene.subtitle,
        [&](QPainter &painter, const QRectF &area) { drawMapFigure(painter, world, scene, area); });
}

} // namespace chorus::render
