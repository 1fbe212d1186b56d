#include "render/GraphPainter.h"

#include "render/PlainText.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <map>

namespace chorus::render {

namespace {

constexpr double Margin = 16;
constexpr double StubLength = 120; // pixels

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

} // namespace

namespace {
// The colour group of a node: 0..9 a distinct colour, -1 grey.
int colourGroup(const GraphScene &scene, const GraphSceneNode &n)
{
    switch (scene.colouring) {
    case GraphScene::Colouring::Community:
        return n.community >= 0 && n.community < 10 ? n.community : -1;
    case GraphScene::Colouring::Campaign:
        return n.campaign > 0 && n.campaign <= 10 ? n.campaign - 1 : -1;
    case GraphScene::Colouring::Signals:
        return n.signalCount > 0 ? 10 + std::min(n.signalCount, 5) : -1;
    case GraphScene::Colouring::Country: {
        const auto it = std::find(scene.topCountries.begin(), scene.topCountries.end(), n.country);
        return n.country.empty() || it == scene.topCountries.end()
                   ? -1
                   : int(it - scene.topCountries.begin());
    }
    }
    return -1;
}

QColor groupColor(int group)
{
    // 11..15: signals fired, 1 to 5 or more.
    static const QColor Heat[] = {{0xf1, 0xce, 0x63},
                                  {0xf2, 0x8e, 0x2b},
                                  {0xe1, 0x57, 0x59},
                                  {0xb8, 0x2e, 0x3a},
                                  {0x7f, 0x1d, 0x2a}};
    return group > 10 ? Heat[std::min(group, 15) - 11] : communityColor(group);
}
} // namespace

QColor nodeColor(const GraphScene &scene, const GraphSceneNode &node)
{
    return groupColor(colourGroup(scene, node));
}

QColor communityColor(int community)
{
    static const QColor Palette[] = {{0x4e, 0x79, 0xa7}, {0xf2, 0x8e, 0x2b}, {0xe1, 0x57, 0x59},
                                     {0x76, 0xb7, 0xb2}, {0x59, 0xa1, 0x4f}, {0xed, 0xc9, 0x48},
                                     {0xb0, 0x7a, 0xa1}, {0xff, 0x9d, 0xa7}, {0x9c, 0x75, 0x5f},
                                     {0x2f, 0x4b, 0x7c}};
    return community >= 0 && community < 10 ? Palette[community] : QColor(0xba, 0xb0, 0xac);
}

void drawLegend(QPainter &painter, const GraphScene &scene, const QRectF &area,
                const LegendText &text)
{
    // Accounts per colour group, with the group's name under the scene's colouring.
    std::map<int, int> groups;
    for (const GraphSceneNode &n : scene.nodes)
        ++groups[colourGroup(scene, n)];
    auto name = [&](int group, int count) {
        switch (scene.colouring) {
        case GraphScene::Colouring::Community:
            return text.community.arg(group).arg(count);
        case GraphScene::Colouring::Campaign:
            return text.campaign.arg(group + 1).arg(count);
        case GraphScene::Colouring::Signals:
            return text.signalCount
                .arg(group == 15 ? QStringLiteral("5+") : QString::number(group - 10))
                .arg(count);
        case GraphScene::Colouring::Country:
            return text.country.arg(QString::fromStdString(scene.topCountries[std::size_t(group)]))
                .arg(count);
        }
        return QString();
    };
    const QString &title = scene.colouring == GraphScene::Colouring::Community  ? text.communities
                           : scene.colouring == GraphScene::Colouring::Campaign ? text.campaigns
                           : scene.colouring == GraphScene::Colouring::Country  ? text.countries
                                                                                : text.signalsFired;
    const QFontMetricsF metrics(painter.font());
    const double line = metrics.height() * 1.3;
    double y = area.top() + metrics.ascent();
    const double x = area.left();
    painter.setPen(QColor(40, 40, 40));
    painter.drawText(QPointF(x, y), title);
    auto entry = [&](int group, const QString &label) {
        y += line;
        painter.setBrush(groupColor(group));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QPointF(x + 5, y - metrics.ascent() / 3), 5, 5);
        painter.setPen(QColor(40, 40, 40));
        painter.drawText(QPointF(x + 16, y), label);
    };
    for (const auto &[group, count] : groups)
        if (group >= 0)
            entry(group, name(group, count));
    if (groups.count(-1))
        entry(-1, (scene.colouring == GraphScene::Colouring::Signals ? text.none : text.otherOrNone)
                      .arg(groups.at(-1)));
    y += line * 1.4;
    painter.drawText(QPointF(x, y), text.discSize);
    y += line;
    painter.drawText(QPointF(x, y), text.lineWidth);
}

double nodeRadius(const GraphSceneNode &node, double maxWeight)
{
    return 2.5 + 7.5 * std::sqrt(node.weight / std::max(maxWeight, 1.0));
}

std::size_t drawEdges(QPainter &painter, const GraphScene &scene, const NodePosition &at,
                      const QRectF &visible, bool interactive, std::size_t budget, double heaviest)
{
    std::size_t visibleEdges = 0;
    double maxEdge = std::max(1.0, heaviest);
    if (heaviest <= 0)
        for (const GraphSceneEdge &e : scene.edges)
            maxEdge = std::max(maxEdge, double(e.weight));
    // Grouped by weight class so that each group is one batch of lines.
    constexpr int Classes = 5;
    std::vector<QList<QLineF>> byClass(Classes);
    // Each node mapped once, not once per edge end.
    std::vector<QPointF> position(scene.nodes.size());
    for (std::size_t v = 0; v < scene.nodes.size(); ++v)
        position[v] = at(scene.nodes[v]);
    for (const GraphSceneEdge &e : scene.edges) {
        const QPointF a = position[e.a], b = position[e.b];
        if (std::max(a.x(), b.x()) < visible.left() || std::min(a.x(), b.x()) > visible.right() ||
            std::max(a.y(), b.y()) < visible.top() || std::min(a.y(), b.y()) > visible.bottom())
            continue;
        QLineF line(a, b);
        if (interactive) {
            // Zoomed in, a link to a node out of view is drawn as a stub pointing at it, and a
            // line passing through with both ends out of view is left out: long lines cost
            // the most pixels and tell the least about what is in view.
            const bool aIn = visible.contains(a), bIn = visible.contains(b);
            if (!aIn && !bIn)
                continue;
            if (aIn != bIn && line.length() > StubLength) {
                if (!aIn)
                    line = QLineF(b, a);
                line.setLength(StubLength);
            }
        }
        // Past the budget one more tells the caller some were left out; the rest are not
        // placed (placing millions of links to count them cost 30-60 ms a frame).
        if (++visibleEdges > budget)
            break;
        const int step =
            std::clamp(int(std::lround(4 * std::log1p(double(e.weight)) / std::log1p(maxEdge))), 0,
                       Classes - 1);
        byClass[std::size_t(step)].append(line);
    }
    painter.save();
    if (interactive) {
        // Opaque hairlines on whole pixels are what a raster engine draws fastest (blended
        // or fractional lines cost ten times more); weight shows as darkness.
        painter.setRenderHint(QPainter::Antialiasing, false);
        QList<QLine> pixels;
        for (int step = 0; step < Classes; ++step) {
            const int grey = 215 - 25 * step;
            painter.setPen(QPen(QColor(grey, grey, grey), 0));
            pixels.clear();
            pixels.reserve(byClass[std::size_t(step)].size());
            for (const QLineF &line : byClass[std::size_t(step)])
                pixels.append(line.toLine());
            painter.drawLines(pixels);
        }
    } else {
        // Antialiasing tens of thousands of faint lines costs most of a raster drawing and
        // shows little; vector output is unaffected (the viewer draws the lines).
        painter.setRenderHint(QPainter::Antialiasing, scene.edges.size() <= 20000);
        for (int step = 0; step < Classes; ++step) {
            painter.setPen(QPen(QColor(120, 120, 120, 90), 0.4 + 0.5 * step));
            painter.drawLines(byClass[std::size_t(step)]);
        }
    }
    painter.restore();
    return visibleEdges;
}

std::vector<std::size_t> drawNodes(QPainter &painter, const GraphScene &scene,
                                   const NodePosition &at, const QRectF &visible, double nodeScale,
                                   bool interactive)
{
    double maxWeight = 1;
    for (const GraphSceneNode &n : scene.nodes)
        maxWeight = std::max(maxWeight, n.weight);
    // Heaviest last, so that they stay visible.
    std::vector<std::size_t> order;
    order.reserve(scene.nodes.size());
    for (std::size_t v = 0; v < scene.nodes.size(); ++v)
        if (visible.contains(at(scene.nodes[v])))
            order.push_back(v);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return scene.nodes[a].weight < scene.nodes[b].weight;
    });
    painter.save();
    if (interactive) {
        // One antialiased image per colour and half-pixel radius, stamped: far cheaper than
        // drawing thousands of antialiased ellipses.
        // Kept between frames (per thread: a QImage is not shared across threads).
        thread_local std::map<std::pair<int, int>, QImage> stamps;
        if (stamps.size() > 4096)
            stamps.clear();
        for (std::size_t v : order) {
            const GraphSceneNode &n = scene.nodes[v];
            const int halfPixels =
                std::max(2, int(std::lround(2 * nodeScale * nodeRadius(n, maxWeight))));
            const int colour = colourGroup(scene, n);
            QImage &stamp = stamps[{colour, halfPixels}];
            const double radius = halfPixels / 2.0;
            const int side = int(std::ceil(2 * radius + 2));
            if (stamp.isNull()) {
                stamp = QImage(side, side, QImage::Format_ARGB32_Premultiplied);
                stamp.fill(Qt::transparent);
                QPainter disc(&stamp);
                disc.setRenderHint(QPainter::Antialiasing, true);
                disc.setPen(QPen(Qt::white, 0.6));
                disc.setBrush(groupColor(colour));
                disc.drawEllipse(QPointF(side / 2.0, side / 2.0), radius, radius);
            }
            const QPointF p = at(n);
            painter.drawImage(QPointF(p.x() - side / 2.0, p.y() - side / 2.0), stamp);
        }
    } else {
        painter.setPen(QPen(Qt::white, 0.6));
        for (std::size_t v : order) {
            const GraphSceneNode &n = scene.nodes[v];
            const double radius = nodeScale * nodeRadius(n, maxWeight);
            painter.setBrush(nodeColor(scene, n));
            painter.drawEllipse(at(n), radius, radius);
        }
    }
    painter.restore();
    return order;
}

void drawLabels(QPainter &painter, const GraphScene &scene, const NodePosition &at,
                const QRectF &visible, const std::vector<std::size_t> &order, int budget)
{
    // The heaviest nodes first; a label that would overlap an earlier one is skipped.
    painter.save();
    painter.setPen(QColor(20, 20, 20));
    const QFontMetricsF metrics(painter.font());
    std::vector<QRectF> placed;
    const auto overlapsPlaced = [&placed](const QRectF &box) {
        return std::any_of(placed.begin(), placed.end(),
                           [&](const QRectF &r) { return r.intersects(box); });
    };
    for (auto it = order.rbegin(); it != order.rend() && budget > 0; ++it) {
        const GraphSceneNode &n = scene.nodes[*it];
        const QPointF point = at(n) + QPointF(6, -4);
        // A label whose first pixel column falls on one placed already is skipped before its
        // text is shaped and measured: in a dense drawing most are, and measuring thousands of
        // names took 20 ms of the first frame of a network of 28,000 accounts.
        if (overlapsPlaced(QRectF(point.x(), point.y() - metrics.ascent(), 1, metrics.height())))
            continue;
        const QString text = plainText(n.label);
        const QRectF box(point.x(), point.y() - metrics.ascent(), metrics.horizontalAdvance(text),
                         metrics.height());
        if (!visible.intersects(box) || overlapsPlaced(box))
            continue;
        placed.push_back(box);
        painter.drawText(point, text);
        --budget;
    }
    painter.restore();
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
                     plainText(scene.title));
    painter.setFont(bodyFont);
    const double bodyHeight = QFontMetricsF(bodyFont).height();
    painter.setPen(QColor(90, 90, 90));
    painter.drawText(QPointF(area.left() + Margin, area.top() + Margin + titleHeight + bodyHeight),
                     plainText(scene.subtitle));

    const double top = area.top() + Margin * 1.5 + titleHeight + bodyHeight * 1.5;
    const double legendWidth = style.legend ? std::min(220.0, area.width() * 0.25) : 0;
    const QRectF plot(area.left() + Margin, top, area.width() - 2 * Margin - legendWidth,
                      area.bottom() - Margin - top);
    const Frame frame(scene, plot.adjusted(12, 12, -12, -12));

    const NodePosition at = [&frame](const GraphSceneNode &n) { return frame.map(n); };
    drawEdges(painter, scene, at, plot);
    const auto order = drawNodes(painter, scene, at, plot, style.nodeScale);
    painter.setFont(bodyFont);
    drawLabels(painter, scene, at, plot, order, style.labels);
    if (style.legend)
        drawLegend(painter, scene,
                   QRectF(plot.right() + Margin / 2, top, legendWidth, plot.height()));
    painter.restore();
}

} // namespace chorus::render
