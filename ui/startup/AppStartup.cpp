#include "AppStartup.h"

#include "common/DataFiles.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

namespace chorus::ui {

QString installTranslations(QApplication &app)
{
    const QLocale locale;
    auto *chorus = new QTranslator(&app);
    if (!chorus->load(locale, QStringLiteral("chorus"), QStringLiteral("_"),
                      QStringLiteral(":/i18n"))) {
        delete chorus;
        return {};
    }
    QApplication::installTranslator(chorus);
    // Qt's own strings (standard buttons, file dialogs) in the same language when installed.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    else
        delete qt;
    return chorus->language().section(QLatin1Char('_'), 0, 0);
}

QString bundledDemoCase()
{
    return QString::fromStdString(findDataFile("demo/demo.chorus"));
}

QString userDemoCase(QString *error)
{
    const QString bundled = bundledDemoCase();
    if (bundled.isEmpty()) {
        if (error)
            *error = QApplication::translate("AppStartup", "The demo case is not installed.");
        return {};
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString copy = folder + QStringLiteral("/demo.chorus");
    if (QFileInfo::exists(copy))
        return copy;
    if (!QDir().mkpath(folder) || !QFile::copy(bundled, copy)) {
        if (error)
            *error = QApplication::translate("AppStartup", "Cannot copy the demo case to %1.")
                         .arg(folder);
        return {};
    }
    // Installed files are read-only; the user's copy must be writable.
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    return copy;
}

bool takeFirstStart()
{
    QSettings settings;
    const bool first = !settings.value(QStringLiteral("startup/started")).toBool();
    settings.setValue(QStringLiteral("startup/started"), true);
    return first;
}

} // namespace chorus::ui
