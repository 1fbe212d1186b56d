#pragma once

#include "query/TimelineQueries.h"

#include <QPainter>
#include <QRectF>

#include <vector>

namespace chorus::render {

// Posts per time bin as bars (vector), with the count axis, the first and last bin's UTC time
// and empty bins left as gaps: a burst shows as a spike.
void drawTimeline(QPainter &painter, const QRectF &area, const std::vector<TimeBin> &bins,
                  std::int64_t binSeconds);

} // namespace chorus::render
