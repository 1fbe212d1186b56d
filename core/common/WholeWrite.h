#pragma once

#include <QByteArray>
#include <QSaveFile>
#include <QString>

#include <string>

namespace chorus {

// Qt 6.4 lets a file cut short when the disk fills (or a file size limit is met) be committed
// as whole, two ways: QFile counts a large write cut short as written, without an error, and
// QSaveFile::commit() ignores a failed flush of the last bytes it held back (up to 16 KB). A
// report of 1 MB was left at 200 KB with its hash printed and recorded. Every file the user
// keeps is written with writeWhole() and committed with commitWhole().

// Writes all `size` bytes to `file`, writing the rest again after a short count, which meets
// the error. False when a write failed: commitWhole() then says why and keeps the old file.
bool writeWhole(QSaveFile &file, const char *data, qint64 size);

inline bool writeWhole(QSaveFile &file, const QByteArray &bytes)
{
    return writeWhole(file, bytes.constData(), bytes.size());
}

inline bool writeWhole(QSaveFile &file, const std::string &bytes)
{
    return writeWhole(file, bytes.data(), qint64(bytes.size()));
}

// Flushes what `file` still holds, then commits it: empty when the whole file took the place of
// the old one, else why not (the old file, or none, is left as it was).
QString commitWhole(QSaveFile &file);

// "PATH: cannot write (WHY)": how every file the user keeps says it could not be written.
std::string cannotWrite(const std::string &path, const QString &why);

// Writes all of `bytes` to the open `file` and commits it (writeWhole, commitWhole): empty when
// the whole file took the place of the old one, else "FILE: cannot write (WHY)".
std::string saveWhole(QSaveFile &file, const char *data, qint64 size);

inline std::string saveWhole(QSaveFile &file, const QByteArray &bytes)
{
    return saveWhole(file, bytes.constData(), bytes.size());
}

inline std::string saveWhole(QSaveFile &file, const std::string &bytes)
{
    return saveWhole(file, bytes.data(), qint64(bytes.size()));
}

} // namespace chorus
