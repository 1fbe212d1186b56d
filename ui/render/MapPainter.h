#pragma once

#include "geo/WorldMap.h"
#include "query/GeoQueries.h"

#include <QPainter>
#include <QRectF>
#include <QString>

#include <functional>
#include <string>

namespace chorus::render {

// Where a projected point (equalEarth) lands on the page or widget.
using MapPosition = std::function<QPointF(MapPoint)>;

// A bubble's radius in pixels for `accounts` when the largest bubble holds `largest`: area
// proportional to the count.
double bubbleRadius(std::size_t accounts, std::size_t largest);

// The land (countries with their borders) over the ocean.
void drawWorld(QPainter &painter, const WorldMap &world, const MapPosition &at);
// A bubble per place, largest drawn first; the highlighted share as a red bubble inside.
void drawBubbles(QPainter &painter, const MapScene &scene, const MapPosition &at, double zoom = 1);

// The legend's words, in the caller's language (the GUI translates; exports use English).
struct MapLegendText
{
    QString accountsPlaced = QStringLiteral("%1 accounts placed");
    QString highlighted = QStringLiteral("%1 of %2 selected accounts placed");
    QString unresolved = QStringLiteral("%1 with a location that names no place");
    QString noLocation = QStringLiteral("%1 with no location");
    QString notYetResolved = QStringLiteral("%1 not resolved yet (run the analysis)");
    QString bubbleSize = QStringLiteral("Bubble area: accounts claiming the place");
};
void drawMapLegend(QPainter &painter, const MapScene &scene, const QRectF &area,
                   const MapLegendText &words = {});

// The whole figure for a file or a report: title, subtitle, the fitted world, bubbles, legend.
void drawMapFigure(QPainter &painter, const WorldMap &world, const MapScene &scene,
                   const QRectF &area);

// Writes the figure as SVG, PDF or PNG (by the file's ending), `width` wide and 2:1.
Status writeMapFile(const WorldMap &world, const MapScene &scene, const std::string &path,
                    int width);

} // namespace chorus::render
