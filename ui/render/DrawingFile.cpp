#include "render/DrawingFile.h"

#include "common/WholeWrite.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
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

bool isDrawingFileName(const std::string &path)
{
    const QString suffix = suffixOf(path);
    return suffix == QLatin1String("svg") || suffix == QLatin1String("pdf") ||
           suffix == QLatin1String("png");
}

Status writeDrawingFile(const std::string &path, QSize size, const std::string &title,
                        const std::string &description,
                        const std::function<void(QPainter &, const QRectF &)> &draw)
{
    if (!isDrawingFileName(path))
        return Error{path + ": the file must end in .svg, .pdf or .png"};
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        return Error{cannotWrite(path, file.errorString())};
    // Drawn in memory, then written whole: the SVG, PDF and PNG writers do not look at what a
    // write returns, and a disk that fills midway left a cut-off file (writeWhole).
    QBuffer drawn;
    drawn.open(QIODevice::WriteOnly);
    const QRectF area(QPointF(0, 0), QSizeF(size));
    const QString suffix = suffixOf(path);
    bool painted = false;
    auto paintOn = [&](QPaintDevice &device) {
        QPainter painter;
        if ((painted = painter.begin(&device))) {
            draw(painter, area);
            painter.end();
        }
    };
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&drawn);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(QString::fromStdString(title));
        svg.setDescription(QString::fromStdString(description));
        paintOn(svg);
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(&drawn);
        pdf.setTitle(QString::fromStdString(title));
        pdf.setCreator(QStringLiteral("Chorus " CHORUS_VERSION));
        pdf.setResolution(72); // one unit = one point
        pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        paintOn(pdf);
    } else {
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::white);
        paintOn(image);
        painted = painted && image.save(&drawn, "PNG");
    }
    if (!painted)
        return Error{path + ": the drawing could not be written"};
    if (const std::string why = saveWhole(file, drawn.data()); !why.empty())
        return Error{why};
    return {};
}

} // namespace chorus::render
