#pragma once

#include "query/GraphQueries.h"

#include <QColor>
#include <QRectF>

class QPainter;

namespace chorus::render {

struct GraphStyle
{
    int labels = 30;      // at most this many handles, heaviest nodes first, never overlapping
    bool legend = true;   // communities and what size and lines mean
    double nodeScale = 1; // node radius factor (the GUI zooms)
};

// The colour of a community: ten distinct colours for the ten largest, grey for the rest
// and for accounts outside the network run.
QColor communityColor(int community);

// Draws a graph scene into `area` of any paint device (widget, image, SVG, PDF): edges as
// lines by weight, nodes as discs sized by weighted degree and coloured by community,
// labels as text (searchable in PDF), the title and a legend. Labels that would overlap an
// earlier one are left out, so the cost and the clutter stay bounded at any size.
void drawGraph(QPainter &painter, const GraphScene &scene, const QRectF &area,
               const GraphStyle &style = {});

} // namespace chorus::render
