#pragma once

#include "common/Error.h"

#include <QRectF>
#include <QString>

#include <functional>
#include <string>

class QPainter;
class QWheelEvent;
class QWidget;

namespace chorus::ui {

// What the drawing panels (graph, map) share: the selection rectangle of a Shift-drag, the
// zoom step of a wheel turn, and the Export... dialog.

void drawSelectionBand(QPainter &painter, const QRectF &band);

// The scale factor for one wheel event (one notch is about 20%).
double wheelZoomFactor(const QWheelEvent &event);

// Asks where to save a drawing (SVG, PDF or PNG) and writes it with `write`; a failure is
// shown in a message box titled `title`.
void exportDrawing(QWidget *parent, const QString &title, const QString &defaultName,
                   const std::function<Status(const std::string &path)> &write);

} // namespace chorus::ui
