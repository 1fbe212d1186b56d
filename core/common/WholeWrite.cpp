#include "common/WholeWrite.h"

namespace chorus {

bool writeWhole(QSaveFile &file, const char *data, qint64 size)
{
    while (size > 0) {
        const qint64 written = file.write(data, size);
        if (written <= 0) {
            if (file.error() == QFileDevice::NoError)
                file.cancelWriting();
            return false;
        }
        data += written;
        size -= written;
    }
    return true;
}

} // namespace chorus
