#pragma once

#include "common/Error.h"
#include "render/GraphPainter.h"

#include <string>

namespace chorus::render {

// Writes a graph scene as SVG or PDF (vector: lines, discs and text) or PNG, by the file's
// ending, `width` pixels wide (PDF: points) and 3:2. Written to a temporary file and renamed,
// so that a failure leaves no partial file. Needs a QGuiApplication (offscreen is enough).
Status writeGraphFile(const GraphScene &scene, const std::string &path, int width,
                      const GraphStyle &style = {});

bool isGraphFileName(const std::string &path);

} // namespace chorus::render
