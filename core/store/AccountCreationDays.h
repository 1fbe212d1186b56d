#pragma once

#include "common/Error.h"
#include "common/Progress.h"
#include "store/Database.h"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace chorus {

// The accounts that have a collected post, counted by the UTC day they were created (schema
// v14, table account_creation_days): the workbench's accounts-by-creation chart of the whole
// case from a few thousand rows, where counting them takes an index probe per account (0.5 s
// at ten million posts and 500,000 accounts). Made by the index step (store/TextIndex) of the
// case as it was then: the last import, the posts and the accounts it names; counts of
// another state are not used, and made again by the next index step.

// (day start in UTC epoch seconds, accounts) in day order, or nullopt when the counts are not
// of the case as it is.
std::optional<std::vector<std::pair<std::int64_t, std::int64_t>>>
accountCreationDays(const Database &db);

// Whether the counts are not of the case as it is.
Result<bool> accountCreationDaysStale(const Database &db);

// Counts them again when they are not of the case as it is, in a transaction; Cancel stops the
// count and leaves the table as it was.
Status updateAccountCreationDays(const Database &db, ProgressSink &progress);

} // namespace chorus
