#pragma once

#include <QString>
#include <QVariant>

namespace chorus::ui {

// Stores a user setting without the window waiting for the disk: a QSettings syncs its file
// when it goes (QSaveFile: fdatasync, then a rename), which held the GUI thread 150-380 ms
// while opening a case when other writes were pending on the disk (bench_ui_stall, run after
// a build). Settings are written one after the other, in the order given, on a thread of
// their own; a QSettings on the GUI thread reads the value once it is written (within
// milliseconds, unless the disk is that slow). The application's organization and name are
// taken now, so that a write still pending as the application ends needs no QCoreApplication.
void writeSettingInBackground(const QString &key, const QVariant &value);

} // namespace chorus::ui
