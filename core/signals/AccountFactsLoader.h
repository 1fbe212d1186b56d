#pragma once

#include "signals/AccountSignals.h"
#include "store/Database.h"

#include <vector>

namespace chorus {

// Reads per-account facts for the signals from a case: profile fields, post counts and
// span, reposts, UTC hour histogram, and how many of the `topClusters` highest-scored
// clusters of the latest clusters run each account posted in. Ordered by accounts.id.
// Throws SqlError (callers turn it into an Error). One thread.
std::vector<AccountFacts> loadAccountFacts(const Database &db, int topClusters = 20);

} // namespace chorus
