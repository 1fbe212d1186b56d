#include "controllers/SettingsWriter.h"

#include <QCoreApplication>
#include <QSettings>
#include <QThreadPool>

namespace chorus::ui {

namespace {

// One thread, so that two writes of the same key land in the order they were made; its
// destructor, at exit, waits for the writes still pending.
QThreadPool &settingsThread()
{
    static QThreadPool pool;
    static const bool oneThread = (pool.setMaxThreadCount(1), true);
    Q_UNUSED(oneThread);
    return pool;
}

} // namespace

void writeSettingInBackground(const QString &key, const QVariant &value)
{
    settingsThread().start([organization = QCoreApplication::organizationName(),
                            application = QCoreApplication::applicationName(), key,
                            value] { QSettings(organization, application).setValue(key, value); });
}

} // namespace chorus::ui
