#include "report/FileHash.h"

#include "common/Sha256.h"

#include <QFile>

namespace chorus {

Result<std::string> sha256OfFile(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error{path + ": " + file.errorString().toStdString()};
    Sha256 hash;
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(1 << 20);
        hash.addData(chunk.constData(), std::size_t(chunk.size()));
    }
    return hash.hexDigest();
}

} // namespace chorus
