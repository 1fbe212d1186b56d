#include "controllers/RecentCases.h"

#include <QSettings>
#include <QThreadPool>

namespace chorus::ui {

namespace {

constexpr int MostRecent = 8;
const char *const Key = "recentCases";

// One thread, so that writes land in the order they were made; at exit its destructor waits
// for a write still pending (the file and format were taken when it was queued, so it needs
// no QCoreApplication by then).
QThreadPool &writerThread()
{
    static QThreadPool pool;
    static const bool oneThread = [] {
        pool.setMaxThreadCount(1);
        return true;
    }();
    Q_UNUSED(oneThread);
    return pool;
}

} // namespace

RecentCases::RecentCases()
{
    const QSettings settings;
    m_paths = settings.value(QLatin1String(Key)).toStringList();
    m_file = settings.fileName();
    m_format = int(settings.format());
}

void RecentCases::add(const QString &path)
{
    m_paths.removeAll(path);
    m_paths.prepend(path);
    m_paths = m_paths.mid(0, MostRecent);
    writerThread().start([file = m_file, format = QSettings::Format(m_format), paths = m_paths] {
        QSettings(file, format).setValue(QLatin1String(Key), paths);
    });
}

} // namespace chorus::ui
