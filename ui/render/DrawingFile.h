#pragma once

#include "common/Error.h"

#include <QPainter>
#include <QRectF>
#include <QSize>

#include <functional>
#include <string>

namespace chorus::render {

// A file name that writeDrawingFile() can write: .svg, .pdf or .png.
bool isDrawingFileName(const std::string &path);

// Writes a drawing as SVG or PDF (vector: shapes and text) or PNG by the file's ending, of
// `size` pixels (PDF: points). Written to a temporary file and renamed, so that a failure
// leaves no partial file. Needs a QGuiApplication (offscreen is enough).
Status writeDrawingFile(const std::string &path, QSize size, const std::string &title,
                        const std::string &description,
                        const std::function<void(QPainter &, const QRectF &)> &draw);

} // namespace chorus::render
