#pragma once

#include <QByteArray>
#include <QSaveFile>

#include <string>

namespace chorus {

// Writes all `size` bytes to `device`, writing the rest again after a short count. When the
// disk fills (or a file size limit is met) during a large write, QFile reports the bytes that
// fit as written and no error (Qt 6.4), and QSaveFile then commits the cut-off file: a report
// of 1 MB was left at 200 KB with its hash printed and recorded. Writing the rest meets the
// error, which QSaveFile keeps and commit() refuses. False when not every byte was written;
// commit() then keeps the old file (cancelWriting, when the file had not said why itself).
bool writeWhole(QSaveFile &file, const char *data, qint64 size);

inline bool writeWhole(QSaveFile &file, const QByteArray &bytes)
{
    return writeWhole(file, bytes.constData(), bytes.size());
}

inline bool writeWhole(QSaveFile &file, const std::string &bytes)
{
    return writeWhole(file, bytes.data(), qint64(bytes.size()));
}

} // namespace chorus
