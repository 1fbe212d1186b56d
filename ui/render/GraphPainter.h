#pragma once

#include "query/GraphQueries.h"

#include <QColor>
#include <QPointF>
#include <QRectF>

#include <functional>
#include <vector>

class QPainter;

namespace chorus::render {

struct GraphStyle
{
    int labels = 30;      // at most this many handles, heaviest nodes first, never overlapping
    bool legend = true;   // communities and what size and lines mean
    double nodeScale = 1; // node radius factor (the GUI zooms)
};

// Where a node lands on the paint device.
using NodePosition = std::function<QPointF(const GraphSceneNode &)>;

// The three layers of a graph drawing, for callers with their own view (the interactive
// panel zooms and pans; drawGraph fits the scene into a rectangle). `visible` culls: a
// line is drawn when it crosses it, a disc or label when its node lies in it.
// `interactive` trades print quality for speed on screen: hairlines shaded by weight instead of
// widths, discs stamped from cached images instead of antialiased paths, links to nodes out
// of view as short stubs pointing at them, and lines with both ends out of view left out.
// At most `budget` visible edges are drawn, in the scene's order; returns how many were
// visible, counting up to budget + 1 (more than the budget: the caller can say that only the
// first were drawn). Line widths are scaled to `heaviest`, the scene's heaviest edge weight,
// found here when 0 (a pass over every edge: the workbench knows it from its sorted scene).
std::size_t drawEdges(QPainter &painter, const GraphScene &scene, const NodePosition &at,
                      const QRectF &visible, bool interactive = false,
                      std::size_t budget = std::size_t(-1), double heaviest = 0);
// Returns the drawing order (lightest first) for drawLabels.
std::vector<std::size_t> drawNodes(QPainter &painter, const GraphScene &scene,
                                   const NodePosition &at, const QRectF &visible, double nodeScale,
                                   bool interactive = false);
void drawLabels(QPainter &painter, const GraphScene &scene, const NodePosition &at,
                const QRectF &visible, const std::vector<std::size_t> &order, int budget);
// The legend's words: English by default (exports, chorus-cli); the GUI passes its own.
struct LegendText
{
    QString communities = QStringLiteral("Communities");
    QString campaigns = QStringLiteral("Campaigns");
    QString signalsFired = QStringLiteral("Signals fired");
    QString countries = QStringLiteral("Claimed countries");
    QString community = QStringLiteral("%1: %2 accounts");           // number, accounts
    QString campaign = QStringLiteral("campaign %1: %2 accounts");   // number, accounts
    QString signalCount = QStringLiteral("%1 signals: %2 accounts"); // "3" or "5+", accounts
    QString country = QStringLiteral("%1: %2 accounts");             // alpha-2, accounts
    QString none = QStringLiteral("none: %1 accounts");
    QString otherOrNone = QStringLiteral("other or none: %1 accounts");
    QString discSize = QStringLiteral("Disc size: weighted degree");
    QString lineWidth = QStringLiteral("Line width: shared objects");
};

// The colours shown and what size and lines mean, from the top left of `area`.
void drawLegend(QPainter &painter, const GraphScene &scene, const QRectF &area,
                const LegendText &text = {});
// Radius of a node's disc at scale 1.
double nodeRadius(const GraphSceneNode &node, double maxWeight);

// The colour of a community: ten distinct colours for the ten largest, grey for the rest
// and for accounts outside the network run.
QColor communityColor(int community);
// A node's colour under the scene's colouring (community, campaign, or signals fired: grey
// for none, then yellow to dark red).
QColor nodeColor(const GraphScene &scene, const GraphSceneNode &node);

// Draws a graph scene into `area` of any paint device (widget, image, SVG, PDF): edges as
// lines by weight, nodes as discs sized by weighted degree and coloured by community,
// labels as text (searchable in PDF), the title and a legend. Labels that would overlap an
// earlier one are left out, so the cost and the clutter stay bounded at any size.
void drawGraph(QPainter &painter, const GraphScene &scene, const QRectF &area,
               const GraphStyle &style = {});

} // namespace chorus::render
