#pragma once

#include <QString>

class QApplication;

namespace chorus::ui {

// Loads the French (or other) translation of the UI and of Qt's own dialogs for the system
// locale. Returns the language loaded ("fr"), or an empty string for the built-in English.
QString installTranslations(QApplication &app);

// The demo case shipped with Chorus: the installed copy, else the one next to the build.
// Empty when none is there.
QString bundledDemoCase();

// A writable copy of the demo case in the user's data folder (the bundled one may sit on a
// read-only system path, and opening a case writes to it). Copied once; the analyst's work
// in it is kept. Empty on failure, with the reason in `error`.
QString userDemoCase(QString *error = nullptr);

// True the first time Chorus starts for this user (then the demo case opens).
bool takeFirstStart();

} // namespace chorus::ui
