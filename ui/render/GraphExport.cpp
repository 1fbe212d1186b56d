#include "render/GraphExport.h"

#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace chorus::render {

namespace {

QString suffixOf(const std::string &path)
{
    return QFileInfo(QString::fromStdString(path)).suffix().toLower();
}

} // namespace

bool isGraphFileName(const std::string &path)
{
    const QString suffix = suffixOf(path);
    return suffix == QLatin1String("svg") || suffix == QLatin1String("pdf") ||
           suffix == QLatin1String("png");
}

Status writeGraphFile(const GraphScene &scene, const std::string &path, int width,
                      const GraphStyle &style)
{
    if (!isGraphFileName(path))
        return Error{path + ": the file must end in .svg, .pdf or .png"};
    const QString name = QString::fromStdString(path);
    QSaveFile file(name);
    if (!file.open(QIODevice::WriteOnly))
        return Error{path + ": cannot write (" + file.errorString().toStdString() + ")"};
    const int height = width * 2 / 3;
    const QString suffix = suffixOf(path);
    bool painted = false;
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(QSize(width, height));
        svg.setViewBox(QRect(0, 0, width, height));
        svg.setTitle(QString::fromStdString(scene.title));
        svg.setDescription(QString::fromStdString(scene.subtitle));
        QPainter painter;
        if ((painted = painter.begin(&svg))) {
            drawGraph(painter, scene, QRectF(0, 0, width, height), style);
            painter.end();
        }
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(&file);
        pdf.setTitle(QString::fromStdString(scene.title));
        pdf.setCreator(QStringLiteral("Chorus " CHORUS_VERSION));
        pdf.setResolution(72); // one unit = one point
        pdf.setPageSize(QPageSize(QSizeF(width, height), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter;
        if ((painted = painter.begin(&pdf))) {
            drawGraph(painter, scene, QRectF(0, 0, width, height), style);
            painter.end();
        }
    } else {
        QImage image(width, height, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter;
        if ((painted = painter.begin(&image))) {
            drawGraph(painter, scene, QRectF(0, 0, width, height), style);
            painter.end();
        }
        painted = painted && image.save(&file, "PNG");
    }
    if (!painted)
        return Error{path + ": the drawing could not be written"};
    if (!file.commit())
        return Error{path + ": cannot write (" + file.errorString().toStdString() + ")"};
    return {};
}

} // namespace chorus::render
