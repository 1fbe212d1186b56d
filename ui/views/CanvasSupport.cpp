#include "views/CanvasSupport.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QPainter>
#include <QWheelEvent>

#include <cmath>

namespace chorus::ui {

void drawSelectionBand(QPainter &painter, const QRectF &band)
{
    painter.save();
    painter.setPen(QPen(QColor(40, 90, 200), 1, Qt::DashLine));
    painter.setBrush(QColor(40, 90, 200, 40));
    painter.drawRect(band);
    painter.restore();
}

double wheelZoomFactor(const QWheelEvent &event)
{
    return std::pow(1.0015, event.angleDelta().y());
}

void exportDrawing(QWidget *parent, const QString &title, const QString &defaultName,
                   const std::function<Status(const std::string &path)> &write)
{
    const QString path = QFileDialog::getSaveFileName(
        parent, title, defaultName,
        QCoreApplication::translate("CanvasSupport",
                                    "SVG (*.svg);;PDF (*.pdf);;PNG image (*.png)"));
    if (path.isEmpty())
        return;
    if (const Status written = write(path.toStdString()); !written)
        QMessageBox::warning(parent, title, QString::fromStdString(written.error().message));
}

} // namespace chorus::ui
