#include "render/GraphExport.h"

#include "render/DrawingFile.h"

namespace chorus::render {

bool isGraphFileName(const std::string &path)
{
    return isDrawingFileName(path);
}

Status writeGraphFile(const GraphScene &scene, const std::string &path, int width,
                      const GraphStyle &style)
{
    return writeDrawingFile(
        path, QSize(width, width * 2 / 3), scene.title, scene.subtitle,
        [&](QPainter &painter, const QRectF &area) { drawGraph(painter, scene, area, style); });
}

} // namespace chorus::render
