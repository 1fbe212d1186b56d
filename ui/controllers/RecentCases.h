#pragma once

#include <QStringList>

namespace chorus::ui {

// The cases opened last, most recent first, kept in the user's settings. Read once and then held
// here: the list is written on a thread of its own, because a QSettings syncs its file with
// fdatasync when it goes, which held the window 150-380 ms while opening a case when other
// writes were pending on the disk (bench_ui_stall, run after a build); and a QSettings on the
// GUI thread would wait for that write to end (Qt holds the file's lock through it). Writes
// land in the order made; one still pending when the application ends is finished then.
// GUI thread.
class RecentCases
{
public:
    RecentCases();
    const QStringList &paths() const { return m_paths; }
    // Puts `path` first (once), keeping the last eight.
    void add(const QString &path);

private:
    QStringList m_paths;
    QString m_file; // the settings file, and its format, as QSettings() has them
    int m_format;
};

} // namespace chorus::ui
