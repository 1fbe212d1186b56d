#include "render/GraphPainter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace chorus::render {

namespace {

constexpr double Margin = 16;

// Maps scene coordinates into a rectangle, keeping the aspect ratio.
class Frame
{
public:
    Frame(const GraphScene &scene, const QRectF &area)
    {
        double minX = 0, maxX = 1, minY = 0, maxY = 1;
        if (!scene.nodes.empty()) {
            minX = maxX = scene.nodes.front().x;
            minY = maxY = scene.nodes.front().y;
            for (const GraphSceneNode &n : scene.nodes) {
                minX = std::min(minX, n.x), maxX = std::max(maxX, n.x);
                minY = std::min(minY, n.y), maxY = std::max(maxY, n.y);
            }
        }
        const double w = std::max(maxX - minX, 1e-9), h = std::max(maxY - minY, 1e-9);
        m_scale = std::min(area.width() / w, area.height() / h);
        m_dx = area.left() + (area.width() - w * m_scale) / 2 - minX * m_scale;
        m_dy = area.top() + (area.height() - h * m_scale) / 2 - minY * m_scale;
    }
    QPointF map(const GraphSceneNode &n) const
    {
        return {n.x * m_scale + m_dx, n.y * m_scale + m_dy};
    }

private:
    double m_scale = 1, m_dx = 0, m_dy = 0;
};

QString plain(const std::string &text)
{
    // Untrusted handles are drawn as text; control characters would only confuse the output.
    QString s = QString::fromStdString(text);
    for (QChar &c : s)
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    return s;
}

void drawLegend(QPainter &painter, const GraphScene &scene, const QRectF &area)
{
    std::map<int, int> communities;
    for (const GraphSceneNode &n : scene.nodes)
        ++communities[n.community];
    const QFontMetricsF metrics(painter.font());
    const double line = metrics.height() * 1.3;
    double y = area.top() + metrics.ascent();
    const double x = area.left();
    painter.setPen(QColor(40, 40, 40));
    painter.drawText(QPointF(x, y), QStringLiteral("Communities"));
    int shown = 0;
    for (const auto &[community, count] : communities) {
        if (community < 0 || shown == 10)
            continue;
        y += line;
        painter.setBrush(communityColor(community));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QPointF(x + 5, y - metrics.ascent() / 3), 5, 5);
        painter.setPen(QColor(40, 40, 40));
        painter.drawText(QPointF(x + 16, y),
                         QStringLiteral("%1: %2 accounts").arg(community).arg(count));
        ++shown;
    }
    if (communities.size() > std::size_t(shown)) {
        y += line;
        painter.setBrush(communityColor(-1));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QPointF(x + 5, y - metrics.ascent() / 3), 5, 5);
        painter.setPen(QColor(40, 40, 40));
        painter.drawText(QPointF(x + 16, y), QStringLiteral("other or none"));
    }
    y += line * 1.4;
    painter.drawText(QPointF(x, y), QStringLiteral("Disc size: weighted degree"));
    y += line;
    painter.drawText(QPointF(x, y), QStringLiteral("Line width: shared objects"));
}

} // namespace

QColor communityColor(int community)
{
    static const QColor Palette[] = {{0x4e, 0x79, 0xa7}, {0xf2, 0x8e, 0x2b}, {0xe1, 0x57, 0x59},
                                     {0x76, 0xb7, 0xb2}, {0x59, 0xa1, 0x4f}, {0xed, 0xc9, 0x48},
                                     {0xb0, 0x7a, 0xa1}, {0xff, 0x9d, 0xa7}, {0x9c, 0x75, 0x5f},
                                     {0x2f, 0x4b, 0x7c}};
    return community >= 0 && community < 10 ? Palette[community] : QColor(0xba, 0xb0, 0xac);
}

void drawGraph(QPainter &painter, const GraphScene &scene, const QRectF &area,
               const GraphStyle &style)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(area, Qt::white);

    QFont titleFont = painter.font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    const QFont bodyFont = painter.font();
    painter.setFont(titleFont);
    painter.setPen(QColor(30, 30, 30));
    const double titleHeight = QFontMetricsF(titleFont).height();
    painter.drawText(QPointF(area.left() + Margin, area.top() + Margin + titleHeight * 0.8),
                     plain(scene.title));
    painter.setFont(bodyFont);
    const double bodyHeight = QFontMetricsF(bodyFont).height();
    painter.setPen(QColor(90, 90, 90));
    painter.drawText(QPointF(area.left() + Margin, area.top() + Margin + titleHeight + bodyHeight),
                     plain(scene.subtitle));

    const double top = area.top() + Margin * 1.5 + titleHeight + bodyHeight * 1.5;
    const double legendWidth = style.legend ? std::min(220.0, area.width() * 0.25) : 0;
    const QRectF plot(area.left() + Margin, top, area.width() - 2 * Margin - legendWidth,
                      area.bottom() - Margin - top);
    const Frame frame(scene, plot.adjusted(12, 12, -12, -12));

    double maxWeight = 1, maxEdge = 1;
    for (const GraphSceneNode &n : scene.nodes)
        maxWeight = std::max(maxWeight, n.weight);
    for (const GraphSceneEdge &e : scene.edges)
        maxEdge = std::max(maxEdge, double(e.weight));

    // Edges first, grouped by width so that each group is one batch of lines.
    std::map<int, QList<QLineF>> byWidth;
    for (const GraphSceneEdge &e : scene.edges) {
        const int step = int(std::lround(4 * std::log1p(double(e.weight)) / std::log1p(maxEdge)));
        byWidth[step].append(QLineF(frame.map(scene.nodes[e.a]), frame.map(scene.nodes[e.b])));
    }
    // Antialiasing tens of thousands of faint lines costs most of a raster drawing and shows
    // little; vector output is unaffected (the viewer draws the lines).
    painter.setRenderHint(QPainter::Antialiasing, scene.edges.size() <= 20000);
    for (const auto &[step, lines] : byWidth) {
        painter.setPen(QPen(QColor(120, 120, 120, 90), 0.4 + 0.5 * step));
        painter.drawLines(lines);
    }
    painter.setRenderHint(QPainter::Antialiasing, true);

    // Nodes, heaviest last so that they stay visible.
    std::vector<std::size_t> order(scene.nodes.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return scene.nodes[a].weight < scene.nodes[b].weight;
    });
    painter.setPen(QPen(Qt::white, 0.6));
    for (std::size_t v : order) {
        const GraphSceneNode &n = scene.nodes[v];
        const double radius = style.nodeScale * (2.5 + 7.5 * std::sqrt(n.weight / maxWeight));
        painter.setBrush(communityColor(n.community));
        painter.drawEllipse(frame.map(n), radius, radius);
    }

    // Labels: the heaviest nodes first; one that would overlap an earlier label is skipped.
    painter.setPen(QColor(20, 20, 20));
    const QFontMetricsF metrics(bodyFont);
    std::vector<QRectF> placed;
    int budget = style.labels;
    for (auto it = order.rbegin(); it != order.rend() && budget > 0; ++it) {
        const GraphSceneNode &n = scene.nodes[*it];
        const QString text = plain(n.label);
        const QPointF at = frame.map(n) + QPointF(6, -4);
        const QRectF box(at.x(), at.y() - metrics.ascent(), metrics.horizontalAdvance(text),
                         metrics.height());
        if (std::any_of(placed.begin(), placed.end(),
                        [&](const QRectF &r) { return r.intersects(box); }))
            continue;
        placed.push_back(box);
        painter.drawText(at, text);
        --budget;
    }
    if (style.legend)
        drawLegend(painter, scene,
                   QRectF(plot.right() + Margin / 2, top, legendWidth, plot.height()));
    painter.restore();
}

} // namespace chorus::render
