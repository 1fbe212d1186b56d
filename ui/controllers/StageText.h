#pragma once

#include "common/Progress.h"

#include <QString>

namespace chorus::ui {

// What a job is doing, in the user's language: core reports stages as identifiers
// (common/Progress.h) and this is the one place the GUI words them.
QString stageText(const StageEvent &event);
// "about 45 s left", "about 3 min left", "about 1 h 20 min left" (common/TimeLeft's sayTimeLeft).
QString timeLeftText(double seconds);

} // namespace chorus::ui
