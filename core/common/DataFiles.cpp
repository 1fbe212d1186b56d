#include "common/DataFiles.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QString>

namespace chorus {

std::string findDataFile(std::string_view relativePath)
{
    const QString relative = QString::fromUtf8(relativePath.data(), qsizetype(relativePath.size()));
    QStringList folders;
    if (const QByteArray fromEnvironment = qgetenv("CHORUS_DATA_DIR"); !fromEnvironment.isEmpty())
        folders << QString::fromLocal8Bit(fromEnvironment);
    if (QCoreApplication::instance())
        folders << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/chorus");
    folders << QStringLiteral(CHORUS_INSTALLED_DATA_DIR) << QStringLiteral(CHORUS_BUILD_DATA_DIR);
    for (const QString &folder : folders) {
        const QFileInfo candidate(folder + QLatin1Char('/') + relative);
        if (candidate.isFile())
            return candidate.absoluteFilePath().toStdString();
    }
    return {};
}

} // namespace chorus
