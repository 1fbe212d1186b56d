#include "common/WholeWrite.h"

namespace chorus {

bool writeWhole(QSaveFile &file, const char *data, qint64 size)
{
    while (size > 0) {
        const qint64 written = file.write(data, size);
        if (written <= 0) {
            if (file.error() == QFileDevice::NoError)
                file.cancelWriting(); // so that commitWhole() cannot commit it
            return false;
        }
        data += written;
        size -= written;
    }
    return true;
}

QString commitWhole(QSaveFile &file)
{
    // A failed write or flush: say why, then cancel (commit() would put the file in place).
    if (file.error() != QFileDevice::NoError || !file.flush()) {
        QString why = file.errorString();
        if (file.error() == QFileDevice::NoError)
            why = QStringLiteral("not every byte could be written");
        file.cancelWriting();
        return why;
    }
    if (!file.commit())
        return file.errorString();
    return {};
}

std::string cannotWrite(const std::string &path, const QString &why)
{
    return path + ": cannot write (" + why.toStdString() + ")";
}

std::string saveWhole(QSaveFile &file, const char *data, qint64 size)
{
    writeWhole(file, data, size); // a failed write is commitWhole()'s to report
    if (const QString why = commitWhole(file); !why.isEmpty())
        return cannotWrite(file.fileName().toStdString(), why);
    return {};
}

} // namespace chorus
